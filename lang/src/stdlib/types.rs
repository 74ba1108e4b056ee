//! `types`: the classes of the interpreter's built-in objects, `coroutine`,
//! SimpleNamespace (native: `sys.implementation` is one, and `sys` must not
//! need `types.py`), and (in `types.py`) GenericAlias and UnionType.

use crate::bytecode::flags;
use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Module, PyResult, Value};
use crate::vm::Vm;
use std::rc::Rc;

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with_declared(vm, "types", &[(&COROUTINE, coroutine)]);
    let t = &vm.types;
    let classes = [
        ("FunctionType", &t.function),
        ("LambdaType", &t.function),
        ("GeneratorType", &t.generator),
        ("CoroutineType", &t.coroutine),
        ("AsyncGeneratorType", &t.async_generator),
        ("MethodType", &t.method),
        ("BuiltinFunctionType", &t.builtin_function),
        ("BuiltinMethodType", &t.builtin_function),
        ("ModuleType", &t.module),
        ("CodeType", &t.code),
        ("CellType", &t.cell),
        ("NoneType", &t.none_type),
        ("NotImplementedType", &t.not_implemented_type),
        ("EllipsisType", &t.ellipsis_type),
    ];
    for (name, class) in classes {
        super::set(&m, name, Value::Class(class.clone()));
    }
    let frame_class = crate::vm::frame_object::frame_class(vm);
    super::set(&m, "FrameType", Value::Class(frame_class));
    let traceback_class = crate::vm::traceback::traceback_class(vm);
    super::set(&m, "TracebackType", Value::Class(traceback_class));
    super::set(
        &m,
        "SimpleNamespace",
        Value::Class(simple_namespace_class(vm)),
    );
    crate::vm::types::add_methods(&t.module, "module", &[("__new__", module_new)]);
    crate::vm::types::add_methods(&t.method, "method", &[("__new__", method_new)]);
    super::exec_source(vm, &m, super::stdlib_source!("types.py"))?;
    Ok(m)
}

/// `types.SimpleNamespace`: an object whose attributes are its keyword
/// arguments, shown as `namespace(a=1, b=2)`.
pub fn simple_namespace_class(vm: &Vm) -> Rc<crate::objects::Class> {
    vm.lazy_class("SimpleNamespace", |vm| {
        let c = crate::vm::types::new_class(
            "SimpleNamespace",
            &[vm.types.object.clone()],
            crate::objects::class::Layout::Object,
            "types",
        );
        crate::vm::types::add_methods(
            &c,
            "SimpleNamespace",
            &[
                ("__init__", namespace_init),
                ("__repr__", namespace_repr),
                ("__eq__", namespace_eq),
            ],
        );
        c.set_attr("__hash__", Value::None);
        c
    })
}

/// A SimpleNamespace with the given attributes.
pub fn new_namespace(vm: &Vm, items: &[(&str, Value)]) -> PyResult {
    let names: Vec<Value> = items.iter().map(|(k, _)| Value::str(k)).collect();
    let values: Vec<Value> = items.iter().map(|(_, v)| v.clone()).collect();
    let class = Value::Class(simple_namespace_class(vm));
    vm.call_args(&class, Args::with_kw(&[], &names, &values))
}

fn namespace_init(vm: &Vm, args: Args) -> PyResult {
    if args.len() > 1 {
        return Err(vm.type_error("no positional arguments expected"));
    }
    let this = &args.pos[0];
    for (name, value) in args.kwnames.iter().zip(args.kwvalues) {
        let name = vm.to_str(name)?;
        vm.set_attr(this, &crate::objects::Name::new(&name), value.clone())?;
    }
    Ok(Value::None)
}

fn namespace_items(vm: &Vm, this: &Value) -> PyResult<Vec<(Value, Value)>> {
    match vm.get_attr_str(this, "__dict__")? {
        Value::Dict(d) => Ok(d.items()),
        other => Err(vm.type_error(format!(
            "__dict__ must be a dict, not {}",
            vm.type_name(&other)
        ))),
    }
}

fn namespace_repr(vm: &Vm, args: Args) -> PyResult {
    let this = &args.pos[0];
    let class = vm.class_of(this);
    let name = if Rc::ptr_eq(&class, &simple_namespace_class(vm)) {
        "namespace".to_string()
    } else {
        class.name.to_string()
    };
    // A namespace met again inside itself shows as `name(...)`, as CPython's.
    let text = vm.repr_guarded(this, &format!("{name}(...)"), |vm| {
        let mut parts = Vec::new();
        for (k, v) in namespace_items(vm, this)? {
            parts.push(format!("{}={}", vm.to_str(&k)?, vm.repr(&v)?));
        }
        Ok(format!("{name}({})", parts.join(", ")))
    })?;
    Ok(Value::string(text))
}

fn namespace_eq(vm: &Vm, args: Args) -> PyResult {
    let (this, other) = (&args.pos[0], args.get(1).cloned().unwrap_or_default());
    let class = simple_namespace_class(vm);
    if !vm.isinstance(&other, &class) {
        return Ok(Value::NotImplemented);
    }
    let (a, b) = (
        vm.get_attr_str(this, "__dict__")?,
        vm.get_attr_str(&other, "__dict__")?,
    );
    Ok(Value::from_bool(vm.eq(&a, &b)?))
}

/// Marks a generator function as an iterable coroutine (`@types.coroutine`,
/// `@asyncio.coroutine`): its generators may then be awaited from `async def`.
/// Other callables come back unchanged, as CPython's wrapper would only
/// re-check their results.
pub fn make_iterable_coroutine(vm: &Vm, func: &Value) -> PyResult {
    match func {
        Value::Function(f) => {
            if f.flags() & flags::GENERATOR != 0 {
                f.extra_flags
                    .set(f.extra_flags.get() | flags::ITERABLE_COROUTINE);
            }
            Ok(func.clone())
        }
        other if crate::builtins::is_callable(vm, other) => Ok(other.clone()),
        _ => Err(vm.type_error("types.coroutine() expects a callable")),
    }
}

static COROUTINE: Signature = Signature::new(Style::Python, "coroutine", "func")
    .doc("Make the generator function func return awaitable generators, and return it.");

fn coroutine(vm: &Vm, args: Args) -> PyResult {
    let ([func], []) = COROUTINE.bind(vm, args)?;
    make_iterable_coroutine(vm, func)
}

/// The arguments of `types.ModuleType(...)`, checked with CPython's
/// messages (the `__new__` slot itself shows no signature).
static MODULE_NEW: Signature = Signature::new(Style::Clinic, "module", "name, doc=None");

fn module_new(vm: &Vm, args: Args) -> PyResult {
    let ([name], [doc]) = MODULE_NEW.bind(vm, args.skip_first())?;
    let Some(name) = name.as_str() else {
        return Err(vm.type_error(format!(
            "module.__init__() argument 'name' must be str, not {}",
            vm.type_name(name)
        )));
    };
    let m = vm.new_module(name, None);
    if let Some(doc) = doc {
        super::set(&m, "__doc__", doc.clone());
    }
    Ok(Value::Module(m))
}

/// `types.MethodType(function, instance)`: `function` bound to `instance`.
static METHOD_NEW: Signature = Signature::new(Style::Positional, "method", "function, instance, /");

fn method_new(vm: &Vm, args: Args) -> PyResult {
    let ([func, receiver], []) = METHOD_NEW.bind(vm, args.skip_first())?;
    if !crate::builtins::is_callable(vm, func) {
        return Err(vm.type_error("first argument must be callable"));
    }
    if receiver.is_none() {
        return Err(vm.type_error("instance must not be None"));
    }
    Ok(crate::objects::BoundMethod::value(
        func.clone(),
        receiver.clone(),
    ))
}

/// Calls a class defined by `types.py` (importing `types` on first use).
fn call_types_class(vm: &Vm, class: &str, args: &[Value]) -> PyResult {
    let m = vm.import_module("types")?;
    let f = super::module_attr(vm, &m, class)?;
    vm.call(&f, args)
}

/// `list[int]`: a `types.GenericAlias` of a built-in class.
pub fn generic_alias(vm: &Vm, origin: &Value, args: &Value) -> PyResult {
    call_types_class(vm, "GenericAlias", &[origin.clone(), args.clone()])
}

/// `int | None`: a `types.UnionType` (or NotImplemented when an operand cannot be part of a union).
pub fn union(vm: &Vm, a: &Value, b: &Value) -> PyResult {
    call_types_class(vm, "_union", &[a.clone(), b.clone()])
}
