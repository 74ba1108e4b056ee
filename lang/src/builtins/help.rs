//! `help`: an object, as CPython's `site` makes it (`_sitebuiltins._Helper`),
//! so that the bare name answers with how to use it; `help(obj)` prints what
//! pydoc would: a heading, the call signature, the docstring, and for a
//! module or class its public names. Scripts have it as the REPL does.

use crate::objects::class::Layout;
use crate::objects::{Args, Class, Name, NativeObject, PyResult, Signature, Style, Value};
use crate::vm::types::{add_declared_methods, new_class};
use crate::vm::Vm;
use std::any::Any;
use std::rc::Rc;

/// The one `help` object.
struct Helper {
    class: Rc<Class>,
}

impl NativeObject for Helper {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

static CALL: Signature = Signature::new(Style::Python, "_Helper.__call__", "self, request=None")
    .doc("Print the documentation of an object; without one, an overview of what there is.");
static REPR: Signature = Signature::new(Style::Exact, "_Helper.__repr__", "$self, /")
    .doc("Return how to use help, as the bare name in the REPL shows it.");

/// Binds `help` in the builtins.
pub(crate) fn install(vm: &Vm) {
    let class = new_class(
        "_Helper",
        std::slice::from_ref(&vm.types.object),
        Layout::Builtin,
        "_sitebuiltins",
    );
    add_declared_methods(&class, "_Helper", &[(&CALL, call), (&REPR, repr)]);
    vm.builtins
        .set_name(&Name::new("help"), Value::native(Helper { class }));
}

fn receiver<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Helper> {
    v.downcast_native::<Helper>()
        .ok_or_else(|| vm.type_error("descriptor requires a '_sitebuiltins._Helper' object"))
}

/// CPython's words for the bare name.
fn repr(vm: &Vm, args: Args) -> PyResult {
    let ([this], []) = REPR.bind(vm, args)?;
    receiver(vm, this)?;
    Ok(Value::str(
        "Type help() for interactive help, or help(object) for help about object.",
    ))
}

/// `help()`: the builtins and the modules; `help(obj)`: its documentation and public names.
fn call(vm: &Vm, args: Args) -> PyResult {
    let ([this], [request]) = CALL.bind(vm, args)?;
    receiver(vm, this)?;
    let mut out = String::new();
    match request {
        None => {
            out.push_str(
                "Welcome to towel, a Python-flavoured language (Python 3.11 compatible).\n\n",
            );
            out.push_str(
                "At this prompt, \"await\" works directly, tasks you create keep running\n",
            );
            out.push_str(
                "while you type, tasks() lists them with where each one waits, and Ctrl-C\n",
            );
            out.push_str(
                "cancels the statement that is running. help(obj) shows obj's documentation.\n\n",
            );
            let mut names: Vec<String> = vm
                .builtins
                .key_names()
                .iter()
                .map(|k| k.as_str().to_string())
                .filter(|n| !n.starts_with('_'))
                .collect();
            names.sort();
            out.push_str("Built-in functions, types and exceptions:\n");
            out.push_str(&wrap(&names));
            let mut modules: Vec<String> = crate::stdlib::module_names()
                .filter(|k| !k.starts_with('_') && !k.contains('.'))
                .map(str::to_string)
                .collect();
            modules.sort();
            out.push_str("\nModules (import NAME):\n");
            out.push_str(&wrap(&modules));
        }
        Some(obj) => out.push_str(&describe(vm, obj)?),
    }
    vm.write_stdout(&out)?;
    Ok(Value::None)
}

/// `help(obj)`: a heading saying what `obj` is, its call signature when it
/// has one, its docstring, and for a module or class its public names.
fn describe(vm: &Vm, obj: &Value) -> PyResult<String> {
    let attr = |name: &str| vm.get_attr_opt(obj, &Name::new(name)).ok().flatten();
    let text = |v: Option<Value>| v.filter(|v| !v.is_none()).and_then(|v| vm.to_str(&v).ok());
    let name = text(attr("__name__")).map_or_else(|| vm.repr(obj), Ok)?;
    let kind = match obj {
        Value::Builtin(_) => "built-in function".to_string(),
        Value::Function(_) => "function".to_string(),
        Value::Module(_) => "module".to_string(),
        Value::Class(_) => "class".to_string(),
        _ => vm.type_name(obj),
    };
    let mut out = format!("Help on {kind} {name}");
    match text(attr("__module__")) {
        Some(module) if !matches!(obj, Value::Module(_)) => {
            out.push_str(&format!(" in module {module}:\n\n"))
        }
        _ => out.push_str(":\n\n"),
    }
    let indent = match signature(vm, obj) {
        Some(sig) => {
            out.push_str(&format!("{name}{sig}\n"));
            "    "
        }
        None => "",
    };
    if let Some(doc) = text(attr("__doc__")) {
        for line in cleandoc(&doc).lines() {
            out.push_str(indent);
            out.push_str(line);
            out.push('\n');
        }
    }
    out.push('\n');
    if matches!(obj, Value::Module(_) | Value::Class(_)) {
        if let Some(dir) = vm.builtins.get_name(&Name::new("dir")) {
            let names = vm.to_vec(&vm.call(&dir, std::slice::from_ref(obj))?)?;
            let names: Vec<String> = names
                .iter()
                .filter_map(|n| n.as_str().map(str::to_string))
                .filter(|n| !n.starts_with('_'))
                .collect();
            out.push_str("Names:\n");
            out.push_str(&wrap(&names));
        }
    }
    Ok(out)
}

/// `(params)` as `inspect.signature` gives it, for what is callable and has one.
fn signature(vm: &Vm, obj: &Value) -> Option<String> {
    if matches!(obj, Value::Module(_)) {
        return None;
    }
    let inspect = vm.import_module("inspect").ok()?;
    let sig = vm
        .get_attr_opt(&Value::Module(inspect), &Name::new("signature"))
        .ok()??;
    let found = vm.call(&sig, std::slice::from_ref(obj)).ok()?;
    vm.to_str(&found).ok()
}

/// A docstring without the indentation its source lines share (the first
/// line aside) and without blank lines at either end, as pydoc shows it.
fn cleandoc(doc: &str) -> String {
    let mut lines: Vec<&str> = doc.lines().collect();
    let margin = lines
        .iter()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    for line in lines.iter_mut().skip(1) {
        *line = line.get(margin..).unwrap_or("");
    }
    if let Some(first) = lines.first_mut() {
        *first = first.trim_start();
    }
    while lines.first().is_some_and(|l| l.trim().is_empty()) {
        lines.remove(0);
    }
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}

/// Names in lines of at most 76 columns, indented by four.
fn wrap(names: &[String]) -> String {
    let mut out = String::new();
    let mut line = String::from("   ");
    for n in names {
        if line.len() + n.len() + 1 > 76 && !line.trim().is_empty() {
            out.push_str(&line);
            out.push('\n');
            line = String::from("   ");
        }
        line.push(' ');
        line.push_str(n);
    }
    if !line.trim().is_empty() {
        out.push_str(&line);
        out.push('\n');
    }
    out
}
