//! The `sys` hooks through which the VM reports to the user, each of which a
//! program may replace: `sys.excepthook` (an uncaught exception),
//! `sys.displayhook` (an expression's value at the REPL) and
//! `sys.unraisablehook` (an error nothing can catch, in a finalizer), plus
//! their defaults, which are `sys.__excepthook__` and friends.
//!
//! The hooks are read from the `sys` module only once a program imported it:
//! before that nothing can have replaced them, and the defaults run directly.

use super::report::{format_report, FormatOptions, Limit, Printer, ReportOptions};
use super::traceback::{as_traceback, traceback_value};
use super::Vm;
use crate::objects::{Args, Name, PyErr, PyResult, Value};
use std::rc::Rc;

impl Vm {
    /// `sys.NAME` once `sys` exists: `Some(None)` when the program deleted
    /// the attribute, `None` before `sys` is made.
    fn sys_hook(&self, name: &str) -> Option<Option<Value>> {
        let sys = self.imports.sys.get()?;
        Some(crate::stdlib::module_get(sys, name))
    }

    /// Reports an uncaught exception as CPython's `PyErr_Print` does: sets
    /// `sys.last_type`, `last_value` and `last_traceback`, then calls
    /// `sys.excepthook` (printing both exceptions if the hook fails). A
    /// `SystemExit` the hook raised is returned: the program exits with it.
    pub fn handle_uncaught(&self, err: &PyErr) -> Option<PyErr> {
        self.flush_stdout();
        let exc = err.value();
        let typ = Value::Class(err.class().clone());
        let tb = traceback_value(err.exc().traceback.clone());
        if let Ok(sys) = self.import_module("sys") {
            drop(sys.ns.set_name(&Name::new("last_type"), typ.clone()));
            drop(sys.ns.set_name(&Name::new("last_value"), exc.clone()));
            drop(sys.ns.set_name(&Name::new("last_traceback"), tb.clone()));
        }
        let hook = match self.sys_hook("excepthook") {
            Some(Some(hook)) if !is_native(&hook, "excepthook") => hook,
            Some(None) => {
                self.write_stderr("sys.excepthook is missing\n");
                self.print_exception(err);
                return None;
            }
            _ => {
                self.print_exception(err);
                return None;
            }
        };
        if let Err(hook_err) = self.call(&hook, &[typ, exc, tb]) {
            if self.err_is(&hook_err, &self.exc.system_exit) {
                return Some(hook_err);
            }
            self.flush_stdout();
            self.write_stderr("Error in sys.excepthook:\n");
            self.print_exception(&hook_err);
            self.write_stderr("\nOriginal exception was:\n");
            self.print_exception(err);
        }
        self.flush_stdout();
        None
    }

    /// Prints an uncaught exception to `sys.stderr` as CPython does.
    pub fn print_exception(&self, err: &PyErr) {
        self.flush_stdout();
        self.write_stderr(&self.format_exception(err));
    }

    /// Writes to `sys.stderr` (the process's stderr unless replaced);
    /// a failing replacement's error is dropped, as there is nowhere to
    /// report it.
    pub fn write_stderr(&self, text: &str) {
        let _ = crate::builtins::io::write_stderr(self, text);
    }

    /// Shows the value of an expression statement at the REPL (`PRINT_EXPR`)
    /// through `sys.displayhook`.
    pub fn display_value(&self, value: Value) -> PyResult<()> {
        match self.sys_hook("displayhook") {
            Some(Some(hook)) if !is_native(&hook, "displayhook") => {
                self.call(&hook, &[value]).map(|_| ())
            }
            Some(None) => Err(self.runtime_error("lost sys.displayhook")),
            _ => default_display(self, value),
        }
    }

    /// Reports an error raised where nothing can catch it (a finalizer),
    /// through `sys.unraisablehook`: `err_msg` (default "Exception ignored
    /// in") and the object involved.
    pub fn write_unraisable(&self, err: &PyErr, err_msg: Option<&str>, object: Value) {
        let hook = match self.sys_hook("unraisablehook") {
            Some(Some(hook)) if !is_native(&hook, "unraisablehook") => hook,
            _ => return self.default_unraisable(err, err_msg, &object),
        };
        let args = unraisable_args(self, err, err_msg, &object);
        if let Err(hook_err) = self.call(&hook, &[args]) {
            // CPython reports the hook's own failure with the default hook.
            self.default_unraisable(
                &hook_err,
                Some("Exception ignored in sys.unraisablehook"),
                &hook,
            );
        }
    }

    /// The default `sys.unraisablehook`'s text.
    fn default_unraisable(&self, err: &PyErr, err_msg: Option<&str>, object: &Value) {
        self.flush_stdout();
        let mut out = String::new();
        if !object.is_none() {
            let repr = self
                .repr(object)
                .unwrap_or_else(|_| "<object repr() failed>".to_string());
            out.push_str(&format!(
                "{}: {repr}\n",
                err_msg.unwrap_or("Exception ignored in")
            ));
        } else if let Some(msg) = err_msg {
            out.push_str(&format!("{msg}:\n"));
        }
        let tb = err.exc().traceback.clone();
        if tb.is_some() {
            let report = self.exception_report(
                &Value::None,
                &Value::None,
                tb,
                ReportOptions {
                    limit: Limit::All,
                    ..ReportOptions::interpreter(self)
                },
            );
            if !report.stack.is_empty() {
                out.push_str("Traceback (most recent call last):\n");
                out.push_str(
                    &super::report::format_stack(&report.stack, Printer::Interpreter).concat(),
                );
            }
        }
        let name = err.class().display_name();
        let msg = self.safe_str(&err.value(), "exception");
        if msg.is_empty() {
            out.push_str(&format!("{name}\n"));
        } else {
            out.push_str(&format!("{name}: {msg}\n"));
        }
        self.write_stderr(&out);
    }
}

/// Whether `hook` is still the built-in default of `sys.NAME`.
fn is_native(hook: &Value, name: &str) -> bool {
    matches!(hook, Value::Builtin(b) if b.name == name && b.bound.is_none())
}

/// The default `sys.displayhook`: repr to `sys.stdout`, kept in `builtins._`.
fn default_display(vm: &Vm, value: Value) -> PyResult<()> {
    if value.is_none() {
        return Ok(());
    }
    let underscore = Name::new("_");
    drop(vm.builtins.set_name(&underscore, Value::None));
    let text = vm.repr(&value)?;
    crate::builtins::io::write_stdout(vm, &text)?;
    crate::builtins::io::write_stdout(vm, "\n")?;
    drop(vm.builtins.set_name(&underscore, value));
    Ok(())
}

/// `sys.UnraisableHookArgs`: what an unraisable hook receives.
fn unraisable_args(vm: &Vm, err: &PyErr, err_msg: Option<&str>, object: &Value) -> Value {
    let class = vm.lazy_class("UnraisableHookArgs", |vm| {
        super::types::new_class(
            "UnraisableHookArgs",
            &[vm.types.object.clone()],
            crate::objects::class::Layout::Object,
            "sys",
        )
    });
    let inst = crate::objects::Instance::new(class);
    let fields = [
        ("exc_type", Value::Class(err.class().clone())),
        ("exc_value", err.value()),
        (
            "exc_traceback",
            traceback_value(err.exc().traceback.clone()),
        ),
        ("err_msg", err_msg.map_or(Value::None, Value::str)),
        ("object", object.clone()),
    ];
    for (name, value) in fields {
        inst.set_attr(Name::new(name), value);
    }
    Value::Instance(Rc::new(inst))
}

/// `sys.excepthook(type, value, traceback)`: prints the exception (given
/// the traceback when it has none yet) to `sys.stderr`.
pub fn excepthook(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "excepthook", 3, 3)?;
    let (typ, value, tb) = (&args.pos[0], &args.pos[1], &args.pos[2]);
    let Some(inst) = as_exception(value) else {
        vm.write_stderr(&format!(
            "TypeError: print_exception(): Exception expected for value, {} found\n",
            vm.type_name(value)
        ));
        return Ok(Value::None);
    };
    if inst.exc_data().traceback.is_none() {
        inst.exc_data().traceback = as_traceback(tb);
    }
    let opts = ReportOptions::interpreter(vm);
    let tb = inst.exc_data().traceback.clone();
    let report = vm.exception_report(typ, value, tb, opts);
    vm.flush_stdout();
    vm.write_stderr(&format_report(&report, FormatOptions::new(Printer::Interpreter)).concat());
    Ok(Value::None)
}

/// `sys.displayhook(value)`.
pub fn displayhook(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "displayhook", 1, 1)?;
    default_display(vm, args.pos[0].clone())?;
    Ok(Value::None)
}

/// `sys.unraisablehook(unraisable)`.
pub fn unraisablehook(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "unraisablehook", 1, 1)?;
    let u = &args.pos[0];
    let attr = |name: &str| {
        vm.get_attr_opt(u, &Name::new(name))
            .ok()
            .flatten()
            .unwrap_or_default()
    };
    let Some(err) = as_exception(&attr("exc_value")).map(PyErr) else {
        return Ok(Value::None);
    };
    let msg = attr("err_msg");
    vm.default_unraisable(&err, msg.as_str(), &attr("object"));
    Ok(Value::None)
}

/// The exception instance `v` is, if it is one.
fn as_exception(v: &Value) -> Option<Rc<crate::objects::Instance>> {
    match v {
        Value::Instance(i) if i.is_exception() => Some(i.clone()),
        _ => None,
    }
}
