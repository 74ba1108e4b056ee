//! Native modules, registered by name and created on first import.
//!
//! Each module is one file with a `make(vm) -> Module` function that fills
//! a namespace from a table of natives.

pub mod sys;
pub mod time;
pub mod towel;

use crate::objects::{Module, NativeFn, PyResult, Value};
use crate::vm::Vm;
use std::rc::Rc;

/// The native modules, by import name.
const MODULES: &[(&str, fn(&Vm) -> PyResult<Rc<Module>>)] = &[("sys", sys::make), ("time", time::make)];

pub fn register(vm: &Vm) {
    let mut m = vm.native_modules.borrow_mut();
    for &(name, make) in MODULES {
        m.insert(name, make);
    }
    m.insert("towel", towel::make);
}

/// Creates a module with the given native functions.
pub fn module_with(vm: &Vm, name: &str, functions: &[(&'static str, NativeFn)]) -> Rc<Module> {
    let m = vm.new_module(name, None);
    {
        let mut ns = m.ns.borrow_mut();
        for &(fname, func) in functions {
            ns.insert(crate::objects::Name::new(fname), crate::builtins::native(fname, func));
        }
    }
    m
}

/// Sets an attribute in a module's namespace.
pub fn set(m: &Module, name: &str, v: Value) {
    m.ns.borrow_mut().insert(crate::objects::Name::new(name), v);
}
