//! The built-in exception hierarchy and the methods of exceptions.

use super::types::{add_declared_methods, add_methods, new_class};
use super::{Types, Vm};
use crate::objects::class::Layout;
use crate::objects::{Args, Class, Name, PyResult, Signature, Style, Value};
use std::rc::Rc;

macro_rules! exception_types {
    ($root:ident; $($field:ident = $name:literal < $base:ident),*; $eg:ident = ($eg1:ident, $eg2:ident) $(,)?) => {
        /// The built-in exception classes.
        pub struct ExcTypes {
            pub $root: Rc<Class>,
            $(pub $field: Rc<Class>,)*
            pub $eg: Rc<Class>,
        }

        impl ExcTypes {
            pub fn new(types: &Types) -> ExcTypes {
                let $root = new_class("BaseException", &[types.object.clone()], Layout::Exception, "builtins");
                $(let $field = new_class($name, &[$base.clone()], Layout::Exception, "builtins");)*
                let $eg = new_class("ExceptionGroup", &[$eg1.clone(), $eg2.clone()], Layout::Exception, "builtins");
                ExcTypes { $root, $($field,)* $eg }
            }

            /// Every built-in exception class, for the builtins module.
            pub fn all(&self) -> Vec<Rc<Class>> {
                vec![self.$root.clone(), $(self.$field.clone(),)* self.$eg.clone()]
            }
        }
    };
}

exception_types! {
    base_exception;
    base_exception_group = "BaseExceptionGroup" < base_exception,
    generator_exit = "GeneratorExit" < base_exception,
    keyboard_interrupt = "KeyboardInterrupt" < base_exception,
    system_exit = "SystemExit" < base_exception,
    exception = "Exception" < base_exception,
    arithmetic_error = "ArithmeticError" < exception,
    floating_point_error = "FloatingPointError" < arithmetic_error,
    overflow_error = "OverflowError" < arithmetic_error,
    zero_division_error = "ZeroDivisionError" < arithmetic_error,
    assertion_error = "AssertionError" < exception,
    attribute_error = "AttributeError" < exception,
    buffer_error = "BufferError" < exception,
    eof_error = "EOFError" < exception,
    import_error = "ImportError" < exception,
    module_not_found_error = "ModuleNotFoundError" < import_error,
    lookup_error = "LookupError" < exception,
    index_error = "IndexError" < lookup_error,
    key_error = "KeyError" < lookup_error,
    memory_error = "MemoryError" < exception,
    name_error = "NameError" < exception,
    unbound_local_error = "UnboundLocalError" < name_error,
    os_error = "OSError" < exception,
    blocking_io_error = "BlockingIOError" < os_error,
    child_process_error = "ChildProcessError" < os_error,
    connection_error = "ConnectionError" < os_error,
    broken_pipe_error = "BrokenPipeError" < connection_error,
    connection_aborted_error = "ConnectionAbortedError" < connection_error,
    connection_refused_error = "ConnectionRefusedError" < connection_error,
    connection_reset_error = "ConnectionResetError" < connection_error,
    file_exists_error = "FileExistsError" < os_error,
    file_not_found_error = "FileNotFoundError" < os_error,
    interrupted_error = "InterruptedError" < os_error,
    is_a_directory_error = "IsADirectoryError" < os_error,
    not_a_directory_error = "NotADirectoryError" < os_error,
    permission_error = "PermissionError" < os_error,
    process_lookup_error = "ProcessLookupError" < os_error,
    timeout_error = "TimeoutError" < os_error,
    reference_error = "ReferenceError" < exception,
    runtime_error = "RuntimeError" < exception,
    not_implemented_error = "NotImplementedError" < runtime_error,
    recursion_error = "RecursionError" < runtime_error,
    stop_async_iteration = "StopAsyncIteration" < exception,
    stop_iteration = "StopIteration" < exception,
    syntax_error = "SyntaxError" < exception,
    indentation_error = "IndentationError" < syntax_error,
    tab_error = "TabError" < indentation_error,
    system_error = "SystemError" < exception,
    type_error = "TypeError" < exception,
    value_error = "ValueError" < exception,
    unicode_error = "UnicodeError" < value_error,
    unicode_decode_error = "UnicodeDecodeError" < unicode_error,
    unicode_encode_error = "UnicodeEncodeError" < unicode_error,
    unicode_translate_error = "UnicodeTranslateError" < unicode_error,
    warning = "Warning" < exception,
    deprecation_warning = "DeprecationWarning" < warning,
    pending_deprecation_warning = "PendingDeprecationWarning" < warning,
    runtime_warning = "RuntimeWarning" < warning,
    syntax_warning = "SyntaxWarning" < warning,
    user_warning = "UserWarning" < warning,
    future_warning = "FutureWarning" < warning,
    import_warning = "ImportWarning" < warning,
    unicode_warning = "UnicodeWarning" < warning,
    bytes_warning = "BytesWarning" < warning,
    resource_warning = "ResourceWarning" < warning;
    exception_group = (base_exception_group, exception)
}

pub fn install_methods(vm: &Vm) {
    add_methods(
        &vm.exc.base_exception,
        "BaseException",
        &[
            ("__init__", exc_init),
            ("__str__", exc_str),
            ("__repr__", exc_repr),
        ],
    );
    add_declared_methods(
        &vm.exc.base_exception,
        "BaseException",
        &[
            (&WITH_TRACEBACK, exc_with_traceback),
            (&ADD_NOTE, exc_add_note),
        ],
    );
    add_methods(
        &vm.exc.base_exception_group,
        "BaseExceptionGroup",
        &[
            ("__new__", group_new),
            ("__init__", group_init),
            ("__str__", group_str),
        ],
    );
    add_declared_methods(
        &vm.exc.base_exception_group,
        "BaseExceptionGroup",
        &[
            (&SPLIT, group_split),
            (&SUBGROUP, group_subgroup),
            (&DERIVE, group_derive),
        ],
    );
    crate::vm::types::add_classmethod(
        vm,
        &vm.exc.base_exception_group,
        "__class_getitem__",
        crate::builtins::slots::class_getitem,
    );
    add_methods(&vm.exc.key_error, "KeyError", &[("__str__", key_error_str)]);
    add_methods(
        &vm.exc.syntax_error,
        "SyntaxError",
        &[
            ("__init__", syntax_error_init),
            ("__str__", syntax_error_str),
        ],
    );
    add_methods(
        &vm.exc.import_error,
        "ImportError",
        &[
            ("__init__", import_error_init),
            ("__str__", import_error_str),
        ],
    );
    for attr in ["msg", "name", "path"] {
        vm.exc.import_error.set_attr(attr, Value::None);
    }
    add_methods(
        &vm.exc.os_error,
        "OSError",
        &[
            ("__new__", os_error_new),
            ("__init__", os_error_init),
            ("__str__", os_error_str),
        ],
    );
    crate::stdlib::codecs::install_exceptions(vm);
}

/// `OSError(errno, strerror, ...)` makes the subclass CPython picks for the
/// errno (`OSError(2, 'x')` is a `FileNotFoundError`); subclasses and other
/// argument shapes make an instance of the class called.
fn os_error_new(vm: &Vm, args: Args) -> PyResult {
    let Some(Value::Class(cls)) = args.get(0) else {
        return Err(vm.type_error("OSError.__new__(X): X is not a type object"));
    };
    let mut class = cls.clone();
    if Rc::ptr_eq(cls, &vm.exc.os_error) && args.pos.len() >= 3 {
        if let Value::Int(errno) = args.pos[1] {
            if let Ok(errno) = i32::try_from(errno) {
                class = crate::stdlib::os_sys::errno_class(vm, errno).clone();
            }
        }
    }
    let inst = crate::objects::Instance::new(class);
    inst.exc_data().args = args.pos[1..].to_vec();
    Ok(Value::Instance(crate::objects::gc::new(inst)))
}

/// `OSError(errno, strerror[, filename[, winerror[, filename2]]])`: with a
/// filename, `args` keeps only (errno, strerror), as in CPython.
fn os_error_init(vm: &Vm, args: Args) -> PyResult {
    let inst = self_exc(vm, &args)?;
    let given = &args.pos[1..];
    if (3..=5).contains(&given.len()) {
        inst.set_attr(crate::objects::Name::new("filename"), given[2].clone());
        if given.len() == 5 {
            inst.set_attr(crate::objects::Name::new("filename2"), given[4].clone());
        }
        inst.exc_data().args = given[..2].to_vec();
    } else {
        inst.exc_data().args = given.to_vec();
    }
    Ok(Value::None)
}

/// `[Errno 2] No such file or directory: 'name'` (the file name is an
/// attribute, or a third argument of an error made natively).
fn os_error_str(vm: &Vm, args: Args) -> PyResult {
    let inst = self_exc(vm, &args)?;
    let a = inst.exc_data().args.clone();
    let attr = |name: &str| {
        inst.get_attr(&crate::objects::Name::new(name))
            .filter(|v| !v.is_none())
    };
    let (errno, strerror, filename) = match a.as_slice() {
        [errno, strerror] => (errno, strerror, attr("filename")),
        [errno, strerror, filename, ..] => (errno, strerror, Some(filename.clone())),
        _ => return exc_str(vm, args),
    };
    let head = format!("[Errno {}] {}", vm.to_str(errno)?, vm.to_str(strerror)?);
    Ok(Value::string(match (filename, attr("filename2")) {
        (Some(f), Some(f2)) => format!("{head}: {} -> {}", vm.repr(&f)?, vm.repr(&f2)?),
        (Some(f), None) => format!("{head}: {}", vm.repr(&f)?),
        _ => head,
    }))
}

/// `SyntaxError(msg, (filename, lineno, offset, text[, end_lineno,
/// end_offset]))`: the location becomes attributes.
fn syntax_error_init(vm: &Vm, args: Args) -> PyResult {
    let inst = self_exc(vm, &args)?;
    let given = &args.pos[1..];
    inst.exc_data().args = given.to_vec();
    if let [msg, ..] = given {
        inst.set_attr(Name::new("msg"), msg.clone());
    }
    if let [_, info] = given {
        let info = vm.to_vec(info)?;
        if !(4..=6).contains(&info.len()) {
            return Err(vm.type_error(format!(
                "function takes {} 4 arguments ({} given)",
                if info.len() < 4 {
                    "at least"
                } else {
                    "at most"
                },
                info.len()
            )));
        }
        if info.len() == 5 {
            return Err(vm.type_error("end_offset must be provided when end_lineno is provided"));
        }
        let names = [
            "filename",
            "lineno",
            "offset",
            "text",
            "end_lineno",
            "end_offset",
        ];
        for (name, value) in names.iter().zip(info) {
            inst.set_attr(Name::new(name), value);
        }
    }
    Ok(Value::None)
}

/// `msg (file.py, line 3)`: the message, with the file's base name and the
/// line when known.
fn syntax_error_str(vm: &Vm, args: Args) -> PyResult {
    let inst = self_exc(vm, &args)?;
    let this = Value::Instance(inst);
    let attr = |name: &str| vm.get_attr_opt(&this, &Name::new(name)).ok().flatten();
    let msg = vm.to_str(&attr("msg").unwrap_or_default())?;
    let filename = match attr("filename") {
        Some(Value::Str(f)) => Some(f.as_str().rsplit('/').next().unwrap_or("").to_string()),
        _ => None,
    };
    let lineno = match attr("lineno") {
        Some(Value::Int(l)) => Some(l),
        _ => None,
    };
    Ok(Value::string(match (filename, lineno) {
        (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(l)) => format!("{msg} (line {l})"),
        (None, None) => msg,
    }))
}

fn self_exc(vm: &Vm, args: &Args) -> PyResult<Rc<crate::objects::Instance>> {
    match args.get(0) {
        Some(Value::Instance(i)) if i.is_exception() => Ok(i.clone()),
        _ => Err(vm.type_error("descriptor requires a 'BaseException' object")),
    }
}

fn exc_init(vm: &Vm, args: Args) -> PyResult {
    let inst = self_exc(vm, &args)?;
    inst.exc_data().args = args.pos[1..].to_vec();
    Ok(Value::None)
}

fn exc_str(vm: &Vm, args: Args) -> PyResult {
    let inst = self_exc(vm, &args)?;
    let a = inst.exc_data().args.clone();
    match a.len() {
        0 => Ok(Value::str("")),
        1 => Ok(Value::string(vm.to_str(&a[0])?)),
        _ => Ok(Value::string(vm.repr(&Value::tuple(a))?)),
    }
}

/// `ImportError(*args, name=None, path=None)`: `msg` is the one argument.
fn import_error_init(vm: &Vm, args: Args) -> PyResult {
    let inst = self_exc(vm, &args)?;
    for name in args.kwnames {
        let key = name.as_str().unwrap_or_default();
        if key != "name" && key != "path" {
            return Err(vm.type_error(format!(
                "'{key}' is an invalid keyword argument for {}()",
                inst.class.name
            )));
        }
    }
    let given = &args.pos[1..];
    inst.exc_data().args = given.to_vec();
    let msg = if given.len() == 1 {
        given[0].clone()
    } else {
        Value::None
    };
    inst.set_attr(Name::new("msg"), msg);
    for key in ["name", "path"] {
        inst.set_attr(Name::new(key), args.kw(key).cloned().unwrap_or_default());
    }
    Ok(Value::None)
}

/// `str(ImportError)`: `msg` when set, else as any exception.
fn import_error_str(vm: &Vm, args: Args) -> PyResult {
    let inst = self_exc(vm, &args)?;
    match inst.get_attr(&Name::new("msg")) {
        Some(msg) if !msg.is_none() => Ok(Value::string(vm.to_str(&msg)?)),
        _ => exc_str(vm, args),
    }
}

fn key_error_str(vm: &Vm, args: Args) -> PyResult {
    let inst = self_exc(vm, &args)?;
    let a = inst.exc_data().args.clone();
    match a.len() {
        1 => Ok(Value::string(vm.repr(&a[0])?)),
        _ => exc_str(vm, args),
    }
}

fn exc_repr(vm: &Vm, args: Args) -> PyResult {
    let inst = self_exc(vm, &args)?;
    let a = inst.exc_data().args.clone();
    let name = inst.class.name.clone();
    let inner = match a.len() {
        1 => vm.repr(&a[0])?,
        _ => {
            let r = vm.repr(&Value::tuple(a))?;
            r[1..r.len() - 1].trim_end_matches(',').to_string()
        }
    };
    Ok(Value::string(format!("{name}({inner})")))
}

/// `e.with_traceback(tb)`: sets `__traceback__` and returns `e`.
static WITH_TRACEBACK: Signature =
    Signature::undocumented(Style::Exact, "BaseException.with_traceback", "$self, tb, /")
        .doc("Set the exception's __traceback__ to tb and return the exception.");

fn exc_with_traceback(vm: &Vm, args: Args) -> PyResult {
    let ([_, tb], []) = WITH_TRACEBACK.bind(vm, args)?;
    let inst = self_exc(vm, &args)?;
    set_traceback(vm, &inst, tb)?;
    Ok(Value::Instance(inst))
}

/// `e.__traceback__ = tb`: a traceback or None.
pub fn set_traceback(vm: &Vm, inst: &crate::objects::Instance, tb: &Value) -> PyResult<()> {
    let tb = match tb {
        Value::None => None,
        other => Some(
            super::traceback::as_traceback(other)
                .ok_or_else(|| vm.type_error("__traceback__ must be a traceback or None"))?,
        ),
    };
    inst.exc_data().traceback = tb;
    Ok(())
}

static ADD_NOTE: Signature =
    Signature::undocumented(Style::Exact, "BaseException.add_note", "$self, note, /").doc(
        "Add a note (a string) to the exception: the traceback shows its notes after the message.",
    );

fn exc_add_note(vm: &Vm, args: Args) -> PyResult {
    ADD_NOTE.check(vm, args)?;
    let inst = self_exc(vm, &args)?;
    match args.get(1) {
        Some(note @ Value::Str(_)) => {
            inst.exc_data().notes.push(note.clone());
            Ok(Value::None)
        }
        Some(other) => {
            Err(vm.type_error(format!("note must be a str, not '{}'", vm.type_name(other))))
        }
        None => Err(vm.type_error("add_note() takes exactly one argument (0 given)")),
    }
}

/// `BaseExceptionGroup.__new__(cls, message, exceptions)`: validates the
/// arguments and, as CPython does, makes a plain `BaseExceptionGroup` of
/// `Exception`s an `ExceptionGroup`.
fn group_new(vm: &Vm, args: Args) -> PyResult {
    let Some(Value::Class(cls)) = args.get(0) else {
        return Err(vm.type_error("BaseExceptionGroup.__new__(X): X is not a type object"));
    };
    let (msg, excs) = match (args.get(1), args.get(2), args.len()) {
        (Some(m), Some(e), 3) => (m.clone(), e.clone()),
        _ => {
            // CPython names the class that defines `__new__`, whatever the subclass.
            return Err(vm.type_error(format!(
                "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
                args.len().saturating_sub(1)
            )));
        }
    };
    if !matches!(msg, Value::Str(_)) {
        return Err(vm.type_error(format!(
            "argument 1 must be str, not {}",
            vm.type_name(&msg)
        )));
    }
    let list = match &excs {
        Value::List(l) => l.snapshot(),
        Value::Tuple(t) => t.0.clone(),
        _ => return Err(vm.type_error("second argument (exceptions) must be a sequence")),
    };
    if list.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut all_exceptions = true;
    for (i, e) in list.iter().enumerate() {
        match e {
            Value::Instance(inst) if inst.is_exception() => {
                all_exceptions &= inst.class.is_subclass(&vm.exc.exception)
            }
            _ => {
                return Err(vm.value_error(format!(
                    "Item {i} of second argument (exceptions) is not an exception"
                )))
            }
        }
    }
    let class = if Rc::ptr_eq(cls, &vm.exc.base_exception_group) && all_exceptions {
        vm.exc.exception_group.clone()
    } else {
        if cls.is_subclass(&vm.exc.exception) && !all_exceptions {
            return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
        cls.clone()
    };
    let inst = crate::objects::Instance::new(class);
    {
        let mut d = inst.exc_data();
        d.args = vec![msg.clone(), excs];
        d.group = Some((msg, list));
    }
    Ok(Value::Instance(crate::objects::gc::new(inst)))
}

/// The group was built by `__new__`; `__init__` accepts the same arguments.
fn group_init(_vm: &Vm, _args: Args) -> PyResult {
    Ok(Value::None)
}

fn group_str(vm: &Vm, args: Args) -> PyResult {
    let inst = self_exc(vm, &args)?;
    let d = inst.exc_data();
    match &d.group {
        Some((msg, list)) => {
            let n = list.len();
            Ok(Value::string(format!(
                "{} ({} sub-exception{})",
                msg.as_str().unwrap_or(""),
                n,
                if n == 1 { "" } else { "s" }
            )))
        }
        None => Ok(Value::str("")),
    }
}

/// Does exception `e` match `matcher` (a class, a tuple of classes, or a predicate)?
fn group_matches(vm: &Vm, e: &Value, matcher: &Value) -> PyResult<bool> {
    match matcher {
        Value::Class(_) | Value::Tuple(_) => vm.exception_matches(e, matcher),
        f => vm.truthy(&vm.call(f, std::slice::from_ref(e))?),
    }
}

/// Splits group `g` into (matching, rest) subgroups, preserving nesting; None for an empty side.
pub fn split_group(
    vm: &Vm,
    g: &Value,
    matcher: &Value,
) -> PyResult<(Option<Value>, Option<Value>)> {
    if group_matches(vm, g, matcher)? {
        return Ok((Some(g.clone()), None));
    }
    let Value::Instance(inst) = g else {
        return Ok((None, Some(g.clone())));
    };
    let group = inst.exc_data().group.clone();
    let Some((msg, excs)) = group else {
        return Ok((None, Some(g.clone())));
    };
    let (mut yes, mut no) = (Vec::new(), Vec::new());
    for e in &excs {
        let (m, r) = split_group(vm, e, matcher)?;
        yes.extend(m);
        no.extend(r);
    }
    let derive = |items: Vec<Value>| -> PyResult<Option<Value>> {
        if items.is_empty() {
            return Ok(None);
        }
        let new = derive_group(vm, inst, &msg, items)?;
        Ok(Some(new))
    };
    Ok((derive(yes)?, derive(no)?))
}

/// `g.derive(excs)` plus copying traceback, cause, context and notes, as CPython's split does.
fn derive_group(
    vm: &Vm,
    inst: &Rc<crate::objects::Instance>,
    msg: &Value,
    items: Vec<Value>,
) -> PyResult<Value> {
    let derive = vm.get_attr(&Value::Instance(inst.clone()), &Name::new("derive"))?;
    let new = vm.call(&derive, &[Value::list(items)])?;
    if let Value::Instance(ni) = &new {
        if ni.is_exception() {
            let src = inst.exc_data();
            let mut dst = ni.exc_data();
            dst.traceback = src.traceback.clone();
            dst.cause = src.cause.clone();
            dst.context = src.context.clone();
            dst.notes = src.notes.clone();
        }
    }
    let _ = msg;
    Ok(new)
}

static SPLIT: Signature = Signature::undocumented(
    Style::Positional,
    "BaseExceptionGroup.split",
    "$self, matcher_value, /",
)
.doc("Return the pair (match, rest) of exception groups: the leaves that match and those that do not.\n\nThe matcher is an exception type, a tuple of types, or a predicate on exceptions; either part is None when empty.");

fn group_split(vm: &Vm, args: Args) -> PyResult {
    SPLIT.check(vm, args)?;
    let g = args.get(0).cloned().unwrap_or_default();
    let matcher = args.get(1).cloned().unwrap_or_default();
    let (m, r) = split_group(vm, &g, &matcher)?;
    Ok(Value::tuple(vec![
        m.unwrap_or_default(),
        r.unwrap_or_default(),
    ]))
}

static SUBGROUP: Signature = Signature::undocumented(
    Style::Positional,
    "BaseExceptionGroup.subgroup",
    "$self, matcher_value, /",
)
.doc("Return an exception group of the leaves that match, or None when none does.\n\nThe matcher is an exception type, a tuple of types, or a predicate on exceptions.");

fn group_subgroup(vm: &Vm, args: Args) -> PyResult {
    SUBGROUP.check(vm, args)?;
    let g = args.get(0).cloned().unwrap_or_default();
    let matcher = args.get(1).cloned().unwrap_or_default();
    Ok(split_group(vm, &g, &matcher)?.0.unwrap_or_default())
}

static DERIVE: Signature =
    Signature::undocumented(Style::Exact, "BaseExceptionGroup.derive", "$self, excs, /").doc(
        "Return a new exception group with the same message holding excs: split() and subgroup() call it.",
    );

fn group_derive(vm: &Vm, args: Args) -> PyResult {
    // CPython's tuple parser words a wrong count without the method's name.
    if args.kwnames.is_empty() && args.pos.len() != 2 && !args.pos.is_empty() {
        return Err(vm.type_error(format!(
            "function takes exactly 1 argument ({} given)",
            args.pos.len() - 1
        )));
    }
    DERIVE.check(vm, args)?;
    let inst = self_exc(vm, &args)?;
    let msg = inst
        .exc_data()
        .group
        .as_ref()
        .map(|g| g.0.clone())
        .unwrap_or_default();
    let excs = args.get(1).cloned().unwrap_or_default();
    let items = vm.to_vec(&excs)?;
    let all_exceptions = items
        .iter()
        .all(|e| matches!(e, Value::Instance(i) if i.class.is_subclass(&vm.exc.exception)));
    let class = if all_exceptions {
        vm.exc.exception_group.clone()
    } else {
        vm.exc.base_exception_group.clone()
    };
    vm.call(&Value::Class(class), &[msg, Value::list(items)])
}

impl Vm {
    /// Does exception value `e` match `spec` (a class or a tuple of classes), as `except spec:` tests?
    pub fn exception_matches(&self, e: &Value, spec: &Value) -> PyResult<bool> {
        match spec {
            Value::Class(c) => {
                if !c.is_subclass(&self.exc.base_exception) {
                    return Err(self.type_error(
                        "catching classes that do not inherit from BaseException is not allowed",
                    ));
                }
                Ok(self.isinstance(e, c))
            }
            Value::Tuple(t) => {
                for s in &t.0 {
                    if self.exception_matches(e, s)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }
}
