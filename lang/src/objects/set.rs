//! `set` and `frozenset`.
//!
//! Stored like a dict without values. Iteration follows insertion order.
//! (CPython iterates in hash-table slot order, which for small ints is
//! ascending; [`PySet::iteration_order`] reproduces that for int-only sets.)

use super::dict::{find_index, DictKey, KeyMap};
use super::{PyResult, Value};
use crate::vm::Vm;
use indexmap::map::raw_entry_v1::RawEntryMut;
use indexmap::map::RawEntryApiV1;
use std::cell::RefCell;

#[derive(Default)]
pub struct PySet {
    pub map: RefCell<KeyMap<()>>,
}

impl PySet {
    pub fn new() -> PySet {
        PySet::default()
    }

    pub fn len(&self) -> usize {
        self.map.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn contains(&self, vm: &Vm, key: &Value) -> PyResult<bool> {
        let hash = vm.hash(key)?;
        let map = self.map.borrow();
        Ok(find_index(vm, &map, hash, key)?.is_some())
    }

    pub fn add(&self, vm: &Vm, key: Value) -> PyResult<()> {
        let hash = vm.hash(&key)?;
        let present = {
            let map = self.map.borrow();
            find_index(vm, &map, hash, &key)?.is_some()
        };
        if !present {
            let mut map = self.map.borrow_mut();
            if let RawEntryMut::Vacant(e) = map
                .raw_entry_mut_v1()
                .from_hash(super::dict::table_hash(hash), |_| false)
            {
                e.insert(DictKey { hash, key }, ());
            }
        }
        Ok(())
    }

    pub fn remove(&self, vm: &Vm, key: &Value) -> PyResult<bool> {
        let hash = vm.hash(key)?;
        let index = {
            let map = self.map.borrow();
            find_index(vm, &map, hash, key)?
        };
        Ok(match index {
            Some(i) => {
                self.map.borrow_mut().shift_remove_index(i);
                true
            }
            None => false,
        })
    }

    /// The elements in the order CPython would iterate them.
    pub fn iteration_order(&self) -> Vec<Value> {
        let map = self.map.borrow();
        let items: Vec<&DictKey> = map.keys().collect();
        // For sets of small non-negative ints CPython's table order is by value mod table size;
        // emulate the common case (all ints, all below the table size) exactly.
        let table = table_size(items.len());
        let small_ints = items
            .iter()
            .all(|k| matches!(k.key, Value::Int(i) if i >= 0 && (i as usize) < table));
        if small_ints && !items.is_empty() {
            let mut v: Vec<Value> = items.iter().map(|k| k.key.clone()).collect();
            v.sort_by_key(|k| if let Value::Int(i) = k { *i } else { 0 });
            return v;
        }
        items.into_iter().map(|k| k.key.clone()).collect()
    }

    pub fn items(&self) -> Vec<Value> {
        self.iteration_order()
    }

    pub fn copy(&self) -> PySet {
        PySet {
            map: RefCell::new(self.map.borrow().clone()),
        }
    }
}

/// CPython's set table size for `n` elements (grows x4 past 60% fill, from 8).
fn table_size(n: usize) -> usize {
    let mut size = 8;
    while n * 5 >= size * 3 {
        size *= 4;
    }
    size
}
