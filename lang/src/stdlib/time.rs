//! `time`: wall clock, monotonic clocks and (blocking) sleep.

use crate::objects::{Args, Module, PyResult, Value};
use crate::vm::Vm;
use std::rc::Rc;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

thread_local! {
    /// The process's reference point for the monotonic clocks.
    static START: Instant = Instant::now();
}

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    Ok(super::module_with(
        vm,
        "time",
        &[
            ("time", time),
            ("time_ns", time_ns),
            ("perf_counter", monotonic),
            ("perf_counter_ns", monotonic_ns),
            ("monotonic", monotonic),
            ("monotonic_ns", monotonic_ns),
            ("process_time", monotonic),
            ("sleep", sleep),
        ],
    ))
}

fn time(_vm: &Vm, _args: Args) -> PyResult {
    Ok(Value::float(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64()),
    ))
}

fn time_ns(_vm: &Vm, _args: Args) -> PyResult {
    Ok(Value::Int(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as i64),
    ))
}

/// Seconds since an arbitrary fixed point; never goes backwards.
pub fn monotonic_seconds() -> f64 {
    START.with(|s| s.elapsed().as_secs_f64()) + 1.0
}

fn monotonic(_vm: &Vm, _args: Args) -> PyResult {
    Ok(Value::float(monotonic_seconds()))
}

fn monotonic_ns(_vm: &Vm, _args: Args) -> PyResult {
    Ok(Value::Int(
        START.with(|s| s.elapsed().as_nanos() as i64) + 1_000_000_000,
    ))
}

fn sleep(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "sleep", 1, 1)?;
    let secs = crate::builtins::number::to_f64(vm, &args.pos[0])?;
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    // Inside an asyncio `run_in_executor` job the event loop keeps running.
    if crate::stdlib::asyncio::events::sleep_in_executor_job(vm, secs) {
        return Ok(Value::None);
    }
    vm.flush_stdout();
    // Sleep in slices so that Ctrl-C interrupts the sleep, as in CPython.
    let end = Instant::now() + std::time::Duration::from_secs_f64(secs);
    loop {
        if vm
            .interrupt
            .swap(false, std::sync::atomic::Ordering::Relaxed)
        {
            return Err(vm.new_exception(&vm.exc.keyboard_interrupt, vec![]));
        }
        let left = end.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        std::thread::sleep(left.min(std::time::Duration::from_millis(50)));
    }
    Ok(Value::None)
}
