//! Native modules, registered by name and created on first import.
//!
//! Each module is one file with a `make(vm) -> Module` function that fills
//! a namespace from a table of natives. Glue that is naturally script-level
//! is towel source (`NAME.py` beside the Rust file, embedded with
//! `include_str!`) run into the module's namespace after the natives are set,
//! so the source can build on them.

pub mod ast;
pub mod asyncio;
pub mod binascii;
pub mod bisect;
pub mod collections;
pub mod contextlib_async;
pub mod csv;
pub mod dis;
pub mod functools;
pub mod hashlib;
pub mod heapq;
pub mod hmac;
pub mod inspect;
pub mod itertools;
pub mod json;
pub mod logging;
pub mod math;
pub mod operator;
pub mod os;
pub mod random;
pub mod sys;
pub mod time;
pub mod towel;
pub mod types;
pub mod warnings;

use crate::objects::{Module, NativeFn, NativeRow, PyResult, Value};
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
    ("hashlib", hashlib::make),
    ("hmac", hmac::make),
    ("binascii", binascii::make),
    ("base64", base64),
    ("secrets", secrets),
    ("getopt", getopt),
    ("urllib", urllib),
    ("urllib.parse", urllib_parse),
    ("uuid", uuid),
    ("ast", ast::make),
    ("logging", logging::make),
    ("logging.handlers", logging_handlers),
    ("logging.config", logging_config),
    ("argparse", argparse),
    ("difflib", difflib),
    ("pprint", pprint),
    ("fnmatch", fnmatch),
    ("unittest", unittest),
    ("unittest.util", unittest_util),
    ("unittest.result", unittest_result),
    ("unittest.case", unittest_case),
    ("unittest.suite", unittest_suite),
    ("unittest.loader", unittest_loader),
    ("unittest.signals", unittest_signals),
    ("unittest.runner", unittest_runner),
    ("unittest.main", unittest_main),
    ("unittest.async_case", unittest_async_case),
    ("unittest._log", unittest_log),
    ("unittest.__main__", unittest_dunder_main),
    ("unittest.mock", unittest_mock),
    ("doctest", doctest),
    ("timeit", timeit),
    ("_csv", csv::make),
    ("csv", csv),
];

/// Towel source of the standard library, embedded in the binary, with the
/// place in the repository it came from.
///
/// `TOWEL_DEV_STDLIB=REPO` makes towel read the file from that checkout
/// instead (`REPO/lang/src/stdlib/NAME.py`), so that changing a module
/// written in towel needs no rebuild while developing it.
#[derive(Clone, Copy)]
pub struct Source {
    /// The Rust file that embeds it (`file!()`): the source sits beside it.
    pub embedder: &'static str,
    pub name: &'static str,
    pub embedded: &'static str,
}

/// The [`Source`] of a towel file beside the calling Rust file.
macro_rules! stdlib_source {
    ($name:literal) => {
        $crate::stdlib::Source {
            embedder: file!(),
            name: $name,
            embedded: include_str!($name),
        }
    };
}
pub(crate) use stdlib_source;

impl Source {
    /// The text to run: the embedded copy, or the checkout's under `TOWEL_DEV_STDLIB`.
    pub fn text(&self) -> std::borrow::Cow<'static, str> {
        if let Some(root) = std::env::var_os("TOWEL_DEV_STDLIB") {
            let dir = std::path::Path::new(self.embedder)
                .parent()
                .unwrap_or(std::path::Path::new(""));
            if let Ok(text) =
                std::fs::read_to_string(std::path::Path::new(&root).join(dir).join(self.name))
            {
                return text.into();
            }
        }
        self.embedded.into()
    }
}

/// Defines the maker of a module written entirely in towel source.
macro_rules! source_module {
    ($make:ident, $name:literal, $file:literal) => {
        fn $make(vm: &Vm) -> PyResult<Rc<Module>> {
            module_from_source(vm, $name, &[], stdlib_source!($file))
        }
    };
}

source_module!(abc, "abc", "abc.py");
source_module!(contextlib, "contextlib", "contextlib.py");
source_module!(typing, "typing", "typing.py");
source_module!(string, "string", "string.py");
source_module!(dataclasses, "dataclasses", "dataclasses.py");
source_module!(enum_, "enum", "enum.py");
source_module!(copy, "copy", "copy.py");
source_module!(io, "io", "io.py");
source_module!(future, "__future__", "future.py");
source_module!(textwrap, "textwrap", "textwrap.py");
source_module!(base64, "base64", "base64.py");
source_module!(secrets, "secrets", "secrets.py");
source_module!(getopt, "getopt", "getopt.py");
source_module!(urllib, "urllib", "urllib.py");
source_module!(urllib_parse, "urllib.parse", "urllib_parse.py");
source_module!(uuid, "uuid", "uuid.py");
source_module!(logging_handlers, "logging.handlers", "logging_handlers.py");
source_module!(logging_config, "logging.config", "logging_config.py");
source_module!(argparse, "argparse", "argparse.py");
source_module!(difflib, "difflib", "difflib.py");
source_module!(pprint, "pprint", "pprint.py");
source_module!(fnmatch, "fnmatch", "fnmatch.py");
source_module!(unittest, "unittest", "unittest/__init__.py");
source_module!(unittest_util, "unittest.util", "unittest/util.py");
source_module!(unittest_result, "unittest.result", "unittest/result.py");
source_module!(unittest_case, "unittest.case", "unittest/case.py");
source_module!(unittest_suite, "unittest.suite", "unittest/suite.py");
source_module!(unittest_loader, "unittest.loader", "unittest/loader.py");
source_module!(unittest_signals, "unittest.signals", "unittest/signals.py");
source_module!(unittest_runner, "unittest.runner", "unittest/runner.py");
source_module!(unittest_main, "unittest.main", "unittest/main.py");
source_module!(
    unittest_async_case,
    "unittest.async_case",
    "unittest/async_case.py"
);
source_module!(unittest_log, "unittest._log", "unittest/_log.py");
source_module!(unittest_mock, "unittest.mock", "unittest/mock.py");
source_module!(doctest, "doctest", "doctest.py");
source_module!(timeit, "timeit", "timeit.py");
source_module!(
    unittest_dunder_main,
    "unittest.__main__",
    "unittest/__main__.py"
);
source_module!(csv, "csv", "csv.py");

pub fn register(vm: &Vm) {
    let mut m = vm.native_modules.borrow_mut();
    for &(name, make) in MODULES {
        m.insert(name, make);
    }
    m.insert("towel", towel::make);
}

/// Creates a module with the given native functions.
pub fn module_with(vm: &Vm, name: &str, functions: &[(&'static str, NativeFn)]) -> Rc<Module> {
    module_with_rows(vm, name, functions)
}

/// [`module_with`] for natives with declared signatures.
pub fn module_with_declared(
    vm: &Vm,
    name: &str,
    functions: &[(&'static crate::objects::Signature, NativeFn)],
) -> Rc<Module> {
    module_with_rows(vm, name, functions)
}

fn module_with_rows<R: NativeRow>(vm: &Vm, name: &str, functions: &[R]) -> Rc<Module> {
    let m = vm.new_module(name, None);
    for row in functions {
        set(&m, row.name(), crate::builtins::native_row(row));
    }
    m
}

/// Sets an attribute in a module's namespace.
pub fn set(m: &Module, name: &str, v: Value) {
    m.set(name, v);
}

/// Creates module `name` from its natives and then its embedded towel source.
///
/// The module is registered in `sys.modules` while its source runs, so that
/// a module its source imports may import it back (as in CPython).
pub fn module_from_source(
    vm: &Vm,
    name: &str,
    functions: &[(&'static str, NativeFn)],
    source: Source,
) -> PyResult<Rc<Module>> {
    let m = module_with(vm, name, functions);
    exec_source(vm, &m, source)?;
    Ok(m)
}

/// Runs embedded towel source in module `m`'s namespace.
pub fn exec_source(vm: &Vm, m: &Rc<Module>, source: Source) -> PyResult<()> {
    let filename = format!("<frozen {}>", m.name);
    let code = vm
        .compile(&source.text(), &filename, crate::compiler::Mode::Exec)
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
    m.ns.get_name(&crate::objects::Name::new(name))
        .ok_or_else(|| vm.attribute_error(format!("module '{}' has no attribute '{name}'", m.name)))
}
