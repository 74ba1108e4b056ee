//! `ast`: the compiler flags `compile()` takes (`PyCF_ONLY_AST`,
//! `PyCF_TYPE_COMMENTS`, `PyCF_ALLOW_TOP_LEVEL_AWAIT`). Syntax trees as
//! Python objects are not built: the functions that need them raise
//! NotImplementedError.

use crate::objects::{Args, Module, PyResult, Value};
use crate::vm::Vm;
use std::rc::Rc;

/// The `PyCF_*` flags, with CPython's values.
const FLAGS: &[(&str, i64)] = &[
    ("PyCF_ONLY_AST", 0x400),
    ("PyCF_TYPE_COMMENTS", 0x1000),
    ("PyCF_ALLOW_TOP_LEVEL_AWAIT", 0x2000),
];

/// Defines the functions that need syntax trees as objects, each raising
/// NotImplementedError with its name.
macro_rules! tree_functions {
    ($($name:ident),*) => {
        const TREE_FUNCTIONS: &[(&str, crate::objects::NativeFn)] = &[$((stringify!($name), {
            fn $name(vm: &Vm, _args: Args) -> PyResult {
                Err(vm.not_implemented(concat!("ast.", stringify!($name), "()")))
            }
            $name
        })),*];
    };
}

tree_functions!(
    parse,
    dump,
    literal_eval,
    walk,
    unparse,
    fix_missing_locations,
    get_docstring
);

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = vm.new_module("ast", None);
    for &(name, value) in FLAGS {
        super::set(&m, name, Value::Int(value));
    }
    for &(name, func) in TREE_FUNCTIONS {
        super::set(&m, name, crate::builtins::native(name, func));
    }
    Ok(m)
}
