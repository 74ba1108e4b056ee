//! `bisect`: binary search and insertion in sorted lists (native: it is the
//! inner loop of many algorithms).

use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Module, PyResult, Value};
use crate::vm::ops::CmpOp;
use crate::vm::Vm;
use std::rc::Rc;

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with_declared(
        vm,
        "bisect",
        &[
            (&BISECT_LEFT, bisect_left),
            (&BISECT_RIGHT, bisect_right),
            (&INSORT_LEFT, insort_left),
            (&INSORT_RIGHT, insort_right),
        ],
    );
    // `bisect` and `insort` are the same functions as the `_right` ones.
    for (alias, name) in [("bisect", "bisect_right"), ("insort", "insort_right")] {
        super::set(&m, alias, super::module_get(&m, name).unwrap_or_default());
    }
    Ok(m)
}

const PARAMS: &str = "a, x, lo=0, hi=None, *, key=None";
static BISECT_LEFT: Signature = Signature::new(Style::Clinic, "_bisect.bisect_left", PARAMS)
    .doc("Return where x would go in the sorted a[lo:hi]: before any items equal to it.");
static BISECT_RIGHT: Signature = Signature::new(Style::Clinic, "_bisect.bisect_right", PARAMS)
    .doc("Return where x would go in the sorted a[lo:hi]: after any items equal to it.");
static INSORT_LEFT: Signature = Signature::new(Style::Clinic, "_bisect.insort_left", PARAMS)
    .doc("Insert x into the sorted list a, before any items equal to it.");
static INSORT_RIGHT: Signature = Signature::new(Style::Clinic, "_bisect.insort_right", PARAMS)
    .doc("Insert x into the sorted list a, after any items equal to it.");

/// `a < b` as a bool.
fn less(vm: &Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let r = vm.compare(a, b, CmpOp::Lt)?;
    vm.truthy(&r)
}

/// The arguments of the four functions, bound.
struct Search<'a> {
    a: &'a Value,
    x: &'a Value,
    lo: Option<&'a Value>,
    hi: Option<&'a Value>,
    /// None when not given or None.
    key: Option<&'a Value>,
}

impl<'a> Search<'a> {
    fn bind(vm: &Vm, args: Args<'a>, sig: &Signature) -> PyResult<Search<'a>> {
        let ([a, x], [lo, hi, key]) = sig.bind(vm, args)?;
        let key = key.filter(|k| !k.is_none());
        Ok(Search { a, x, lo, hi, key })
    }
}

/// The insertion point of `x` in `a[lo:hi]` (`x` already the key of the
/// item to insert): left of equal items, or right of them.
fn search(vm: &Vm, s: &Search, x: &Value, right: bool) -> PyResult<usize> {
    let a = s.a;
    let lo = match s.lo {
        Some(v) => vm.to_index(v)?,
        None => 0,
    };
    if lo < 0 {
        return Err(vm.value_error("lo must be non-negative"));
    }
    let hi = match s.hi {
        None | Some(Value::None) => vm.len(a)? as i64,
        Some(v) => vm.to_index(v)?,
    };
    let key = s.key;
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
    let s = Search::bind(vm, args, &BISECT_LEFT)?;
    Ok(Value::Int(search(vm, &s, s.x, false)? as i64))
}

fn bisect_right(vm: &Vm, args: Args) -> PyResult {
    let s = Search::bind(vm, args, &BISECT_RIGHT)?;
    Ok(Value::Int(search(vm, &s, s.x, true)? as i64))
}

/// `insort`: with a key, the key of `x` is what is searched for.
fn insort(vm: &Vm, s: Search, right: bool) -> PyResult {
    let i = match s.key {
        Some(key) => {
            let kx = vm.call(key, std::slice::from_ref(s.x))?;
            search(vm, &s, &kx, right)?
        }
        None => search(vm, &s, s.x, right)?,
    };
    vm.call_method(s.a, "insert", &[Value::Int(i as i64), s.x.clone()])?;
    Ok(Value::None)
}

fn insort_left(vm: &Vm, args: Args) -> PyResult {
    insort(vm, Search::bind(vm, args, &INSORT_LEFT)?, false)
}

fn insort_right(vm: &Vm, args: Args) -> PyResult {
    insort(vm, Search::bind(vm, args, &INSORT_RIGHT)?, true)
}
