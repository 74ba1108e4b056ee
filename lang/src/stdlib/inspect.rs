//! `inspect`: the few facts only the interpreter knows (a function's effective
//! code flags, its keyword-only defaults, a code object's source text, an
//! instruction's source positions) are natives; everything else (states,
//! predicates, `signature`, `getsource`, the frame functions) is in
//! `inspect.py`.

use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Module, PyDict, PyResult, Value};
use crate::vm::Vm;
use std::rc::Rc;

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with_declared(
        vm,
        "inspect",
        &[
            (&CODE_FLAGS, code_flags),
            (&IS_ITERABLE_COROUTINE, is_iterable_coroutine),
            (&KWDEFAULTS, kwdefaults),
            (&SOURCE_TEXT, source_text),
            (&POSITIONS, positions),
        ],
    );
    super::exec_source(vm, &m, super::stdlib_source!("inspect.py"))?;
    Ok(m)
}

/// The code flags of a function, including those a decorator added
/// (`types.coroutine`), or None for anything else.
static CODE_FLAGS: Signature = Signature::new(Style::Exact, "_code_flags", "func, /")
    .doc("Return the code flags of the function func, with those its decorators added, or None.");

fn code_flags(vm: &Vm, args: Args) -> PyResult {
    CODE_FLAGS.check(vm, args)?;
    Ok(match &args.pos[0] {
        Value::Function(f) => Value::Int(f.flags() as i64),
        _ => Value::None,
    })
}

/// True for a generator made by an iterable-coroutine function (awaitable).
static IS_ITERABLE_COROUTINE: Signature =
    Signature::new(Style::Exact, "_is_iterable_coroutine", "gen, /")
        .doc("Return whether gen is a generator of an iterable-coroutine function (so awaitable).");

fn is_iterable_coroutine(vm: &Vm, args: Args) -> PyResult {
    IS_ITERABLE_COROUTINE.check(vm, args)?;
    Ok(Value::from_bool(
        matches!(&args.pos[0], Value::Generator(g) if g.iterable_coroutine),
    ))
}

/// A function's keyword-only defaults as a dict (None when it has none).
static KWDEFAULTS: Signature = Signature::new(Style::Exact, "_kwdefaults", "func, /")
    .doc("Return the function's keyword-only defaults as a dict, or None when it has none.");

fn kwdefaults(vm: &Vm, args: Args) -> PyResult {
    KWDEFAULTS.check(vm, args)?;
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
static SOURCE_TEXT: Signature = Signature::new(Style::Exact, "_source_text", "code, /")
    .doc("Return the whole source text the code object was compiled from, or None.");

fn source_text(vm: &Vm, args: Args) -> PyResult {
    SOURCE_TEXT.check(vm, args)?;
    Ok(match &args.pos[0] {
        Value::Code(c) => c.co.source.as_ref().map_or(Value::None, |s| Value::str(s)),
        _ => Value::None,
    })
}

/// `_positions(code, lasti)`: the source positions of the instruction at
/// byte offset `lasti`, `(lineno, end_lineno, col_offset, end_col_offset)`,
/// each None when unknown.
static POSITIONS: Signature = Signature::new(Style::Positional, "_positions", "code, lasti, /")
    .doc(
    "Return (lineno, end_lineno, col_offset, end_col_offset) of the instruction at offset lasti.",
);

fn positions(vm: &Vm, args: Args) -> PyResult {
    POSITIONS.check(vm, args)?;
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
