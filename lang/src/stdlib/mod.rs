//! Native modules, registered by name and created on first import.
//!
//! Each module is one file with a `make(vm) -> Module` function that fills
//! a namespace from a table of natives. Glue that is naturally script-level
//! is towel source (`NAME.py` beside the Rust file, embedded with
//! `include_str!`) run into the module's namespace after the natives are set,
//! so the source can build on them.

pub mod asyncio;
pub mod bisect;
pub mod collections;
pub mod contextlib_async;
pub mod dis;
pub mod functools;
pub mod heapq;
pub mod inspect;
pub mod itertools;
pub mod json;
pub mod math;
pub mod operator;
pub mod os;
pub mod random;
pub mod sys;
pub mod time;
pub mod towel;
pub mod traceback;
pub mod types;
pub mod warnings;

use crate::objects::{Module, NativeFn, PyResult, Value};
use crate::vm::Vm;
use std::rc::Rc;

/// Builds a native module on first import.
pub type ModuleMaker = fn(&Vm) -> PyResult<Rc<Module>>;

/// The native modules, by import name.
const MODULES: &[(&str, ModuleMaker)] = &[
    ("dis", dis::make),
    ("sys", sys::make),
    ("time", time::make),
    ("asyncio", asyncio::make),
    ("_contextlib_async", contextlib_async::make),
    ("types", types::make),
    ("abc", abc),
    ("collections", collections::make),
    ("collections.abc", collections::make_abc),
    ("functools", functools::make),
    ("contextlib", contextlib),
    ("typing", typing),
    ("inspect", inspect::make),
    ("itertools", itertools::make),
    ("math", math::make),
    ("random", random::make),
    ("bisect", bisect::make),
    ("string", string),
    ("operator", operator::make),
    ("os", os::make),
    ("json", json::make),
    ("dataclasses", dataclasses),
    ("enum", enum_),
    ("warnings", warnings::make),
    ("heapq", heapq::make),
    ("copy", copy),
    ("io", io),
    ("__future__", future),
    ("textwrap", textwrap),
    ("os.path", os::make_path),
    ("traceback", traceback::make),
    ("linecache", linecache),
];

/// Defines the maker of a module written entirely in towel source.
macro_rules! source_module {
    ($make:ident, $name:literal, $file:literal) => {
        fn $make(vm: &Vm) -> PyResult<Rc<Module>> {
            module_from_source(vm, $name, &[], include_str!($file))
        }
    };
}

source_module!(abc, "abc", "abc.py");
source_module!(linecache, "linecache", "linecache.py");
source_module!(contextlib, "contextlib", "contextlib.py");
source_module!(typing, "typing", "typing.py");
source_module!(string, "string", "string.py");
source_module!(dataclasses, "dataclasses", "dataclasses.py");
source_module!(enum_, "enum", "enum.py");
source_module!(copy, "copy", "copy.py");
source_module!(io, "io", "io.py");
source_module!(future, "__future__", "future.py");
source_module!(textwrap, "textwrap", "textwrap.py");

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
            ns.insert(
                crate::objects::Name::new(fname),
                crate::builtins::native(fname, func),
            );
        }
    }
    m
}

/// Sets an attribute in a module's namespace.
pub fn set(m: &Module, name: &str, v: Value) {
    m.ns.borrow_mut().insert(crate::objects::Name::new(name), v);
}

/// Creates module `name` from its natives and then its embedded towel source.
///
/// The module is registered in `sys.modules` while its source runs, so that
/// a module its source imports may import it back (as in CPython).
pub fn module_from_source(
    vm: &Vm,
    name: &str,
    functions: &[(&'static str, NativeFn)],
    source: &str,
) -> PyResult<Rc<Module>> {
    let m = module_with(vm, name, functions);
    exec_source(vm, &m, source)?;
    Ok(m)
}

/// Runs embedded towel source in module `m`'s namespace.
pub fn exec_source(vm: &Vm, m: &Rc<Module>, source: &str) -> PyResult<()> {
    let filename = format!("<frozen {}>", m.name);
    let code = vm
        .compile(source, &filename, crate::compiler::Mode::Exec)
        .map_err(|e| vm.syntax_error_value(&e))?;
    let name = m.name.to_string();
    vm.modules.borrow_mut().insert(name.clone(), m.clone());
    let result = vm.run_code(code, m);
    if result.is_err() {
        vm.modules.borrow_mut().remove(&name);
    }
    result.map(|_| ())
}

/// Reads a global of module `m` (a class or function its source defined).
pub fn module_attr(vm: &Vm, m: &Module, name: &str) -> PyResult<Value> {
    m.ns.borrow()
        .get(&crate::objects::Name::new(name))
        .cloned()
        .ok_or_else(|| vm.attribute_error(format!("module '{}' has no attribute '{name}'", m.name)))
}
