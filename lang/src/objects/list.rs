//! `list`: a growable array of values.

use super::gc::{GcHead, Kind, Traced, Visitor};
use super::Value;
use std::cell::RefCell;

#[repr(C)]
pub struct PyList {
    /// First, next to the reference counts, so that a collection reads
    /// one cache line per object it only counts (`objects::gc`).
    pub(crate) gc: GcHead,
    pub items: RefCell<Vec<Value>>,
}

impl Traced for PyList {
    const KIND: Kind = Kind::List;
    const HEAD_OFFSET: usize = std::mem::offset_of!(PyList, gc);
    fn gc_head(&self) -> &GcHead {
        &self.gc
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        // A list borrowed by the code running (up the stack) is reachable:
        // not visiting it only keeps what it holds alive.
        // Last item first, as CPython (what `gc.get_referents` shows).
        // SAFETY: traversals run no code and change nothing, so no mutable
        // borrow begins while `items` is used (a borrow already running up
        // the stack makes this fail: the list is skipped, see `gc`).
        if let Ok(items) = unsafe { self.items.try_borrow_unguarded() } {
            visit.values(items.iter().rev());
        }
    }
    fn clear(&self) {
        let items = self
            .items
            .try_borrow_mut()
            .map(|mut i| std::mem::take(&mut *i));
        drop(items);
    }
}

/// Items are released last first, as CPython does (the order `__del__`
/// methods run in).
impl Drop for PyList {
    fn drop(&mut self) {
        release_reversed(std::mem::take(self.items.get_mut()));
    }
}

/// Drops `items` last first.
pub(crate) fn release_reversed(items: Vec<Value>) {
    for v in items.into_iter().rev() {
        v.release();
    }
}

impl PyList {
    pub fn new(items: Vec<Value>) -> PyList {
        PyList {
            items: RefCell::new(items),
            gc: GcHead::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).cloned()
    }

    pub fn push(&self, v: Value) {
        self.items.borrow_mut().push(v)
    }

    pub fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().clone()
    }
}
