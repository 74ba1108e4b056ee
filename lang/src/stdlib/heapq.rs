//! `heapq`: the binary-heap operations on lists, native and with CPython's
//! exact sift order (so equal keys come out in the same order); `nlargest`,
//! `nsmallest` and `merge` are in `heapq.py`.

use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Module, PyList, PyResult, Value};
use crate::vm::ops::CmpOp;
use crate::vm::Vm;
use std::rc::Rc;

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with_declared(
        vm,
        "heapq",
        &[
            (&HEAPPUSH, heappush),
            (&HEAPPOP, heappop),
            (&HEAPIFY, heapify),
            (&HEAPREPLACE, heapreplace),
            (&HEAPPUSHPOP, heappushpop),
        ],
    );
    super::exec_source(vm, &m, super::stdlib_source!("heapq.py"))?;
    Ok(m)
}

static HEAPPUSH: Signature = Signature::new(Style::Positional, "_heapq.heappush", "heap, item, /")
    .doc("Add item to the heap, keeping it a heap.");
static HEAPPOP: Signature = Signature::new(Style::Exact, "_heapq.heappop", "heap, /")
    .doc("Remove and return the smallest item of the heap.");
static HEAPIFY: Signature = Signature::new(Style::Exact, "_heapq.heapify", "heap, /")
    .doc("Reorder the list in place into a heap, in linear time.");
static HEAPREPLACE: Signature =
    Signature::new(Style::Positional, "_heapq.heapreplace", "heap, item, /")
        .doc("Remove and return the smallest item, then add item (the heap must not be empty).");
static HEAPPUSHPOP: Signature =
    Signature::new(Style::Positional, "_heapq.heappushpop", "heap, item, /")
        .doc("Add item, then remove and return the smallest item, faster than the two calls.");

/// The heap argument, a list, once the call is checked against `sig`.
fn heap_arg<'a>(vm: &Vm, args: Args<'a>, sig: &Signature) -> PyResult<&'a Rc<PyList>> {
    sig.check(vm, args)?;
    match args.pos[0].builtin_base() {
        Value::List(l) => Ok(l),
        other => Err(vm.type_error(format!(
            "{}() argument 1 must be list, not {}",
            sig.name(),
            vm.type_name(other)
        ))),
    }
}

fn less(vm: &Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let r = vm.compare(a, b, CmpOp::Lt)?;
    vm.truthy(&r)
}

fn get(vm: &Vm, heap: &PyList, i: usize) -> PyResult<Value> {
    heap.get(i)
        .ok_or_else(|| vm.runtime_error("list changed size during iteration"))
}

fn put(vm: &Vm, heap: &PyList, i: usize, v: Value) -> PyResult<()> {
    match heap.items.borrow_mut().get_mut(i) {
        Some(slot) => {
            *slot = v;
            Ok(())
        }
        None => Err(vm.runtime_error("list changed size during iteration")),
    }
}

/// Moves the item at `pos` up towards `start` while it is smaller than its parent.
fn sift_down(vm: &Vm, heap: &PyList, start: usize, mut pos: usize) -> PyResult<()> {
    let item = get(vm, heap, pos)?;
    while pos > start {
        let parent_pos = (pos - 1) >> 1;
        let parent = get(vm, heap, parent_pos)?;
        if less(vm, &item, &parent)? {
            put(vm, heap, pos, parent)?;
            pos = parent_pos;
            continue;
        }
        break;
    }
    put(vm, heap, pos, item)
}

/// Moves the smaller child up until a leaf is reached, then sifts the item into place.
fn sift_up(vm: &Vm, heap: &PyList, mut pos: usize) -> PyResult<()> {
    let end = heap.len();
    let start = pos;
    let item = get(vm, heap, pos)?;
    let mut child = 2 * pos + 1;
    while child < end {
        let right = child + 1;
        if right < end && !less(vm, &get(vm, heap, child)?, &get(vm, heap, right)?)? {
            child = right;
        }
        put(vm, heap, pos, get(vm, heap, child)?)?;
        pos = child;
        child = 2 * pos + 1;
    }
    put(vm, heap, pos, item)?;
    sift_down(vm, heap, start, pos)
}

fn heappush(vm: &Vm, args: Args) -> PyResult {
    let heap = heap_arg(vm, args, &HEAPPUSH)?;
    heap.push(args.pos[1].clone());
    sift_down(vm, heap, 0, heap.len() - 1)?;
    Ok(Value::None)
}

fn heappop(vm: &Vm, args: Args) -> PyResult {
    let heap = heap_arg(vm, args, &HEAPPOP)?;
    let Some(last) = heap.items.borrow_mut().pop() else {
        return Err(vm.index_error("index out of range"));
    };
    if heap.is_empty() {
        return Ok(last);
    }
    let top = get(vm, heap, 0)?;
    put(vm, heap, 0, last)?;
    sift_up(vm, heap, 0)?;
    Ok(top)
}

fn heapify(vm: &Vm, args: Args) -> PyResult {
    let heap = heap_arg(vm, args, &HEAPIFY)?;
    for i in (0..heap.len() / 2).rev() {
        sift_up(vm, heap, i)?;
    }
    Ok(Value::None)
}

fn heapreplace(vm: &Vm, args: Args) -> PyResult {
    let heap = heap_arg(vm, args, &HEAPREPLACE)?;
    if heap.is_empty() {
        return Err(vm.index_error("index out of range"));
    }
    let top = get(vm, heap, 0)?;
    put(vm, heap, 0, args.pos[1].clone())?;
    sift_up(vm, heap, 0)?;
    Ok(top)
}

fn heappushpop(vm: &Vm, args: Args) -> PyResult {
    let heap = heap_arg(vm, args, &HEAPPUSHPOP)?;
    let item = args.pos[1].clone();
    if !heap.is_empty() {
        let top = get(vm, heap, 0)?;
        if less(vm, &top, &item)? {
            put(vm, heap, 0, item)?;
            sift_up(vm, heap, 0)?;
            return Ok(top);
        }
    }
    Ok(item)
}
