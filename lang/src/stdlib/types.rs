//! `types`: the classes of the interpreter's built-in objects, `coroutine`,
//! and (in `types.py`) SimpleNamespace, GenericAlias and UnionType.

use crate::bytecode::flags;
use crate::objects::{Args, Module, PyResult, Value};
use crate::vm::Vm;
use std::rc::Rc;

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with(vm, "types", &[("coroutine", coroutine)]);
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
    crate::vm::types::add_methods(&t.module, "module", &[("__new__", module_new)]);
    super::exec_source(vm, &m, super::stdlib_source!("types.py"))?;
    Ok(m)
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

fn coroutine(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "coroutine", 1, 1)?;
    make_iterable_coroutine(vm, &args.pos[0])
}

/// `types.ModuleType(name, doc=None)`.
fn module_new(vm: &Vm, args: Args) -> PyResult {
    let args = args.skip_first();
    let Some(name) = args.arg_or_kw(0, "name") else {
        return Err(vm.type_error("module.__new__() missing required argument 'name' (pos 1)"));
    };
    let Some(name) = name.as_str() else {
        return Err(vm.type_error(format!(
            "module.__init__() argument 'name' must be str, not {}",
            vm.type_name(name)
        )));
    };
    let m = vm.new_module(name, None);
    if let Some(doc) = args.arg_or_kw(1, "doc") {
        super::set(&m, "__doc__", doc.clone());
    }
    Ok(Value::Module(m))
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
