//! `signal`: the program's signal handlers.

use crate::objects::{Module, PyResult};
use crate::vm::Vm;
use std::rc::Rc;

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    Ok(super::module_with_declared(vm, "signal", &[]))
}

/// Runs the handlers of the signals that arrived (a system call they
/// interrupted then retries); Ctrl-C's default handler raises
/// KeyboardInterrupt.
pub(crate) fn run_handlers(vm: &Vm) -> PyResult<()> {
    if vm
        .interrupt
        .swap(false, std::sync::atomic::Ordering::AcqRel)
    {
        return Err(vm.new_exception(&vm.exc.keyboard_interrupt, vec![]));
    }
    Ok(())
}
