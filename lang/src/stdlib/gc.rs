//! `gc`: the cycle collector's controls (see `objects::gc` for how it works).

use crate::objects::gc;
use crate::objects::{Args, Module, PyResult, Value};
use crate::vm::Vm;
use std::rc::Rc;

/// The `DEBUG_*` flags, with CPython's values.
const DEBUG_FLAGS: &[(&str, i64)] = &[
    ("DEBUG_STATS", 1),
    ("DEBUG_COLLECTABLE", 2),
    ("DEBUG_UNCOLLECTABLE", 4),
    ("DEBUG_SAVEALL", gc::DEBUG_SAVEALL),
    ("DEBUG_LEAK", 2 | 4 | gc::DEBUG_SAVEALL),
];

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with(
        vm,
        "gc",
        &[
            ("collect", collect),
            ("enable", enable),
            ("disable", disable),
            ("isenabled", isenabled),
            ("get_count", get_count),
            ("get_threshold", get_threshold),
            ("set_threshold", set_threshold),
            ("get_objects", get_objects),
            ("get_referrers", get_referrers),
            ("get_referents", get_referents),
            ("is_tracked", is_tracked),
            ("is_finalized", is_finalized),
            ("freeze", freeze),
            ("unfreeze", unfreeze),
            ("get_freeze_count", get_freeze_count),
            ("get_stats", get_stats),
            ("set_debug", set_debug),
            ("get_debug", get_debug),
        ],
    );
    for &(name, value) in DEBUG_FLAGS {
        super::set(&m, name, Value::Int(value));
    }
    super::set(&m, "garbage", Value::List(gc::garbage_list()));
    super::set(&m, "callbacks", Value::List(gc::callbacks_list()));
    Ok(m)
}

/// An optional generation argument (`None` allowed where `none_ok`).
fn generation(vm: &Vm, args: &Args, none_ok: bool) -> PyResult<Option<usize>> {
    match args.arg_or_kw(0, "generation") {
        None => Ok(None),
        Some(Value::None) if none_ok => Ok(None),
        Some(Value::Int(g)) if (0..=2).contains(g) => Ok(Some(*g as usize)),
        Some(Value::Int(_)) => Err(vm.value_error(if none_ok {
            "generation parameter must be less than the number of available generations (3)"
        } else {
            "invalid generation"
        })),
        Some(Value::Bool(b)) => Ok(Some(b.get() as usize)),
        Some(other) => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(other)
        ))),
    }
}

fn collect(vm: &Vm, args: Args) -> PyResult {
    args.check_pos(vm, "collect", 0, 1)?;
    let g = generation(vm, &args, false)?.unwrap_or(2);
    Ok(Value::Int(gc::collect(vm, g) as i64))
}

fn enable(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "enable", 0, 0)?;
    gc::enable(true);
    Ok(Value::None)
}

fn disable(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "disable", 0, 0)?;
    gc::enable(false);
    Ok(Value::None)
}

fn isenabled(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "isenabled", 0, 0)?;
    Ok(Value::from_bool(gc::is_enabled()))
}

fn triple(values: [usize; 3]) -> Value {
    Value::tuple(values.iter().map(|&v| Value::Int(v as i64)).collect())
}

fn get_count(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "get_count", 0, 0)?;
    Ok(triple(gc::counts()))
}

fn get_threshold(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "get_threshold", 0, 0)?;
    Ok(triple(gc::thresholds()))
}

fn set_threshold(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "set_threshold", 1, 3)?;
    let mut values = Vec::new();
    for v in args.pos {
        match v {
            Value::Int(i) => values.push((*i).max(0) as usize),
            Value::Bool(b) => values.push(b.get() as usize),
            other => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(other)
                )))
            }
        }
    }
    gc::set_thresholds(&values);
    Ok(Value::None)
}

fn get_objects(vm: &Vm, args: Args) -> PyResult {
    args.check_pos(vm, "get_objects", 0, 1)?;
    Ok(Value::list(gc::objects(generation(vm, &args, true)?)))
}

fn get_referrers(vm: &Vm, args: Args) -> PyResult {
    args.check_pos(vm, "get_referrers", 0, usize::MAX)?;
    Ok(Value::list(gc::referrers(args.pos)))
}

fn get_referents(vm: &Vm, args: Args) -> PyResult {
    args.check_pos(vm, "get_referents", 0, usize::MAX)?;
    Ok(Value::list(
        args.pos.iter().flat_map(gc::referents).collect(),
    ))
}

fn is_tracked(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "is_tracked", 1, 1)?;
    Ok(Value::from_bool(gc::is_tracked(&args.pos[0])))
}

fn is_finalized(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "is_finalized", 1, 1)?;
    Ok(Value::from_bool(
        args.pos[0].gc_head().is_some_and(|h| h.is_finalized()),
    ))
}

fn freeze(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "freeze", 0, 0)?;
    gc::freeze();
    Ok(Value::None)
}

fn unfreeze(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "unfreeze", 0, 0)?;
    gc::unfreeze();
    Ok(Value::None)
}

fn get_freeze_count(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "get_freeze_count", 0, 0)?;
    Ok(Value::Int(gc::freeze_count() as i64))
}

fn get_stats(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "get_stats", 0, 0)?;
    let mut out = Vec::new();
    for s in gc::stats() {
        out.push(crate::builtins::dict_from_pairs(
            vm,
            vec![
                (Value::str("collections"), Value::Int(s.collections as i64)),
                (Value::str("collected"), Value::Int(s.collected as i64)),
                (
                    Value::str("uncollectable"),
                    Value::Int(s.uncollectable as i64),
                ),
            ],
        )?);
    }
    Ok(Value::list(out))
}

fn set_debug(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "set_debug", 1, 1)?;
    let Value::Int(flags) = args.pos[0] else {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(&args.pos[0])
        )));
    };
    gc::DEBUG.with(|d| d.set(flags));
    Ok(Value::None)
}

fn get_debug(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "get_debug", 0, 0)?;
    Ok(Value::Int(gc::DEBUG.with(|d| d.get())))
}
