//! `inspect`: the few facts only the interpreter knows (a function's effective
//! code flags, its keyword-only defaults, a code object's source text) are
//! natives; everything else (states, predicates, `signature`, `getsource`)
//! is in `inspect.py`.

use crate::objects::{Args, Module, PyDict, PyResult, Value};
use crate::vm::Vm;
use std::rc::Rc;

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    super::module_from_source(
        vm,
        "inspect",
        &[
            ("_code_flags", code_flags),
            ("_is_iterable_coroutine", is_iterable_coroutine),
            ("_kwdefaults", kwdefaults),
            ("_source_text", source_text),
        ],
        super::stdlib_source!("inspect.py"),
    )
}

/// The code flags of a function, including those a decorator added
/// (`types.coroutine`), or None for anything else.
fn code_flags(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "_code_flags", 1, 1)?;
    Ok(match &args.pos[0] {
        Value::Function(f) => Value::Int(f.flags() as i64),
        _ => Value::None,
    })
}

/// True for a generator made by an iterable-coroutine function (awaitable).
fn is_iterable_coroutine(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "_is_iterable_coroutine", 1, 1)?;
    Ok(Value::from_bool(
        matches!(&args.pos[0], Value::Generator(g) if g.iterable_coroutine),
    ))
}

/// A function's keyword-only defaults as a dict (None when it has none).
fn kwdefaults(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "_kwdefaults", 1, 1)?;
    match &args.pos[0] {
        Value::Function(f) if !f.kwdefaults.is_empty() => {
            let d = PyDict::new();
            for (k, v) in &f.kwdefaults {
                d.set(vm, Value::str(k.as_str()), v.clone())?;
            }
            Ok(Value::Dict(Rc::new(d)))
        }
        _ => Ok(Value::None),
    }
}

/// The whole source text a code object was compiled from, or None.
fn source_text(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "_source_text", 1, 1)?;
    Ok(match &args.pos[0] {
        Value::Code(c) => c.co.source.as_ref().map_or(Value::None, |s| Value::str(s)),
        _ => Value::None,
    })
}
