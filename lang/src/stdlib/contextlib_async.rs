//! The asynchronous half of `contextlib`: `asynccontextmanager`, `aclosing`
//! and `AbstractAsyncContextManager`, as towel source (`contextlib_async.py`).
//!
//! [`install`] runs that source into any module's namespace; [`make`] builds
//! the private module `_contextlib_async`, whose public names `contextlib`
//! re-exports.

use crate::objects::{Module, PyResult};
use crate::vm::Vm;
use std::rc::Rc;

const SOURCE: super::Source = super::stdlib_source!("contextlib_async.py");

/// Defines the asynchronous context-manager helpers in `module`.
pub fn install(vm: &Vm, module: &Rc<Module>) -> PyResult<()> {
    let code = vm
        .compile(
            &SOURCE.text(),
            "<frozen contextlib>",
            crate::compiler::Mode::Exec,
        )
        .map_err(|e| vm.syntax_error_value(&e))?;
    vm.run_code(code, module)?;
    Ok(())
}

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = vm.new_module("_contextlib_async", None);
    install(vm, &m)?;
    Ok(m)
}
