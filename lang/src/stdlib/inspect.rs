//! `inspect`: the few facts only the interpreter knows (a function's effective
//! code flags, its keyword-only defaults, a code object's source text, an
//! instruction's source positions) are natives; everything else (states,
//! predicates, `signature`, `getsource`, the frame functions) is in
//! `inspect.py`.

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
            ("_positions", positions),
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
            Ok(Value::Dict(crate::objects::gc::new(d)))
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

/// `_positions(code, lasti)`: the source positions of the instruction at
/// byte offset `lasti`, `(lineno, end_lineno, col_offset, end_col_offset)`,
/// each None when unknown.
fn positions(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "_positions", 2, 2)?;
    let pos = match (&args.pos[0], &args.pos[1]) {
        (Value::Code(c), Value::Int(lasti)) if *lasti >= 0 => {
            crate::vm::report::code_positions(c, *lasti as usize / 2)
        }
        _ => None,
    };
    Ok(Value::tuple(match pos {
        Some(p) => vec![
            Value::Int(p.lineno as i64),
            Value::Int(p.end_lineno as i64),
            Value::Int(p.colno as i64),
            Value::Int(p.end_colno as i64),
        ],
        None => vec![Value::None; 4],
    }))
}
