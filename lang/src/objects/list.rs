//! `list`: a growable array of values.

use super::Value;
use std::cell::RefCell;

pub struct PyList {
    pub items: RefCell<Vec<Value>>,
}

impl PyList {
    pub fn new(items: Vec<Value>) -> PyList {
        PyList {
            items: RefCell::new(items),
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
