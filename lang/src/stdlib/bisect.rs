//! `bisect`: binary search and insertion in sorted lists (native: it is the
//! inner loop of many algorithms).

use crate::objects::{Args, Module, PyResult, Value};
use crate::vm::ops::CmpOp;
use crate::vm::Vm;
use std::rc::Rc;

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    Ok(super::module_with(
        vm,
        "bisect",
        &[
            ("bisect_left", bisect_left),
            ("bisect_right", bisect_right),
            ("bisect", bisect_right),
            ("insort_left", insort_left),
            ("insort_right", insort_right),
            ("insort", insort_right),
        ],
    ))
}

/// `a < b` as a bool.
fn less(vm: &Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let r = vm.compare(a, b, CmpOp::Lt)?;
    vm.truthy(&r)
}

/// The insertion point of `x` in `a[lo:hi]`: left of equal items, or right of them.
fn search(vm: &Vm, args: &Args, name: &str, right: bool) -> PyResult<usize> {
    args.check_pos(vm, name, 2, 4)?;
    let a = &args.pos[0];
    let x = &args.pos[1];
    let lo = match args.arg_or_kw(2, "lo") {
        Some(v) => vm.to_index(v)?,
        None => 0,
    };
    if lo < 0 {
        return Err(vm.value_error("lo must be non-negative"));
    }
    let hi = match args.arg_or_kw(3, "hi") {
        None | Some(Value::None) => vm.len(a)? as i64,
        Some(v) => vm.to_index(v)?,
    };
    let key = args.kw("key").filter(|k| !k.is_none());
    let (mut lo, mut hi) = (lo, hi);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let item = vm.get_item(a, &Value::Int(mid))?;
        let item = match key {
            Some(k) => vm.call(k, &[item])?,
            None => item,
        };
        let go_left = if right {
            less(vm, x, &item)?
        } else {
            !less(vm, &item, x)?
        };
        if go_left {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo as usize)
}

fn bisect_left(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::Int(search(vm, &args, "bisect_left", false)? as i64))
}

fn bisect_right(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::Int(search(vm, &args, "bisect_right", true)? as i64))
}

/// `insort`: with a key, the key of `x` is what is searched for.
fn insort(vm: &Vm, args: &Args, name: &str, right: bool) -> PyResult {
    let x = args.pos.get(1).cloned().unwrap_or_default();
    let i = match args.kw("key").filter(|k| !k.is_none()) {
        Some(key) => {
            let kx = vm.call(key, std::slice::from_ref(&x))?;
            let mut pos = args.pos.to_vec();
            if pos.len() > 1 {
                pos[1] = kx;
            }
            search(
                vm,
                &Args::with_kw(&pos, args.kwnames, args.kwvalues),
                name,
                right,
            )?
        }
        None => search(vm, args, name, right)?,
    };
    vm.call_method(&args.pos[0], "insert", &[Value::Int(i as i64), x])?;
    Ok(Value::None)
}

fn insort_left(vm: &Vm, args: Args) -> PyResult {
    insort(vm, &args, "insort_left", false)
}

fn insort_right(vm: &Vm, args: Args) -> PyResult {
    insort(vm, &args, "insort_right", true)
}
