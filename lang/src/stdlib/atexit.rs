//! `atexit`: functions to call when the interpreter exits, last registered
//! first, run by `Vm::finalize_at_exit`.

use crate::objects::{Args, Module, PyResult, Value};
use crate::vm::Vm;
use std::cell::RefCell;
use std::rc::Rc;

/// A registered call: the function and its arguments.
struct ExitCall {
    func: Value,
    args: Vec<Value>,
    kwnames: Vec<Value>,
    kwvalues: Vec<Value>,
}

thread_local! {
    static CALLS: RefCell<Vec<ExitCall>> = const { RefCell::new(Vec::new()) };
}

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    Ok(super::module_with(
        vm,
        "atexit",
        &[
            ("register", register),
            ("unregister", unregister),
            ("_run_exitfuncs", run_exitfuncs),
            ("_clear", clear),
            ("_ncallbacks", ncallbacks),
        ],
    ))
}

fn register(vm: &Vm, args: Args) -> PyResult {
    let Some(func) = args.get(0) else {
        return Err(vm.type_error("register() takes at least 1 argument (0 given)"));
    };
    if !crate::builtins::is_callable(vm, func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    CALLS.with(|c| {
        c.borrow_mut().push(ExitCall {
            func: func.clone(),
            args: args.pos[1..].to_vec(),
            kwnames: args.kwnames.to_vec(),
            kwvalues: args.kwvalues.to_vec(),
        })
    });
    Ok(func.clone())
}

fn unregister(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "unregister", 1, 1)?;
    let mut all = CALLS.with(|c| std::mem::take(&mut *c.borrow_mut()));
    let mut kept = Vec::with_capacity(all.len());
    for call in all.drain(..) {
        if !vm.eq(&call.func, &args.pos[0])? {
            kept.push(call);
        }
    }
    CALLS.with(|c| {
        let mut c = c.borrow_mut();
        kept.append(&mut c);
        *c = kept;
    });
    Ok(Value::None)
}

fn run_exitfuncs(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "_run_exitfuncs", 0, 0)?;
    run_all(vm);
    Ok(Value::None)
}

fn clear(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "_clear", 0, 0)?;
    let calls = CALLS.with(|c| std::mem::take(&mut *c.borrow_mut()));
    drop(calls);
    Ok(Value::None)
}

fn ncallbacks(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "_ncallbacks", 0, 0)?;
    Ok(Value::Int(CALLS.with(|c| c.borrow().len()) as i64))
}

/// Calls the registered functions, last registered first, reporting what
/// they raise ("Exception ignored in atexit callback"); they are then
/// forgotten.
pub fn run_all(vm: &Vm) {
    while let Some(call) = CALLS.with(|c| c.borrow_mut().pop()) {
        let args = Args::with_kw(&call.args, &call.kwnames, &call.kwvalues);
        if let Err(e) = vm.call_args(&call.func, args) {
            if vm.err_is(&e, &vm.exc.system_exit) {
                continue;
            }
            vm.report_unraisable(&e, Some(&call.func), Some("in atexit callback"));
        }
    }
}
