//! `time`: wall clock, monotonic clocks and (blocking) sleep.
//!
//! Every clock reads the runtime's clock of this thread
//! (`towel_runtime::time`), so under virtual time (`towel --virtual-time`)
//! `time()`, `monotonic()`, `perf_counter()` and `sleep()` all see the
//! simulated time that asyncio's loop jumps through.

use crate::objects::{Args, Module, PyResult, Value};
use crate::vm::Vm;
use std::rc::Rc;
use std::time::{Duration, Instant, UNIX_EPOCH};
use towel_runtime::time as clock;

/// What `monotonic()` reads at the runtime's reference point: CPython's
/// clock starts at boot, so scripts never see a monotonic time near zero.
const MONOTONIC_OFFSET: Duration = Duration::from_secs(1);

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

/// Seconds since the Unix epoch on this thread's clock (virtual or real).
fn since_epoch() -> Duration {
    clock::system_now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}

fn time(_vm: &Vm, _args: Args) -> PyResult {
    Ok(Value::float(since_epoch().as_secs_f64()))
}

fn time_ns(_vm: &Vm, _args: Args) -> PyResult {
    Ok(Value::Int(since_epoch().as_nanos() as i64))
}

/// The monotonic clock as a duration; never goes backwards.
fn monotonic_duration() -> Duration {
    clock::since_start() + MONOTONIC_OFFSET
}

/// Seconds since an arbitrary fixed point; never goes backwards. The event
/// loop's `time()` is this clock.
pub fn monotonic_seconds() -> f64 {
    monotonic_duration().as_secs_f64()
}

/// The instant of the runtime's clock at which [`monotonic_seconds`] reads
/// `seconds` (the start of the clock for earlier readings; far in the future
/// for readings too large to represent).
pub fn instant_of_monotonic(seconds: f64) -> Instant {
    let since_start = seconds - MONOTONIC_OFFSET.as_secs_f64();
    let offset = if since_start.is_nan() || since_start <= 0.0 {
        Duration::ZERO
    } else {
        Duration::try_from_secs_f64(since_start).unwrap_or(FAR_FUTURE)
    };
    clock::start()
        .checked_add(offset)
        .or_else(|| clock::start().checked_add(FAR_FUTURE))
        .unwrap_or_else(clock::start)
}

/// A span no program waits out (about 31,700 years), for deadlines beyond
/// what an `Instant` can hold.
const FAR_FUTURE: Duration = Duration::from_secs(1_000_000_000_000);

fn monotonic(_vm: &Vm, _args: Args) -> PyResult {
    Ok(Value::float(monotonic_seconds()))
}

fn monotonic_ns(_vm: &Vm, _args: Args) -> PyResult {
    Ok(Value::Int(monotonic_duration().as_nanos() as i64))
}

/// Lets `duration` pass with nothing else running: the thread sleeps, or a
/// virtual clock moves forward by that much.
pub fn block_thread_for(duration: Duration) {
    match clock::virtual_clock() {
        Some(virtual_clock) => virtual_clock.advance(duration),
        None => std::thread::sleep(duration),
    }
}

/// A number of seconds as CPython's `time` functions convert it (to whole
/// nanoseconds that fit in 64 bits), with its errors.
pub fn seconds_arg(vm: &Vm, v: &Value) -> PyResult<f64> {
    const NANOS: f64 = 1e9;
    let too_big = || vm.overflow_error("timestamp too large to convert to C _PyTime_t");
    let secs = match v {
        Value::Float(f) => {
            let f = f.get();
            if f.is_nan() {
                return Err(vm.value_error("Invalid value NaN (not a number)"));
            }
            let ns = (f * NANOS).round();
            if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&ns) {
                return Err(vm.overflow_error("timestamp out of range for platform time_t"));
            }
            ns / NANOS
        }
        _ => {
            let n = match v {
                Value::BigInt(_) => return Err(too_big()),
                Value::Instance(_)
                    if vm
                        .class_of(v)
                        .lookup(&crate::objects::Name::new("__float__"))
                        .is_some() =>
                {
                    return seconds_arg(vm, &Value::float(crate::builtins::number::to_f64(vm, v)?));
                }
                _ => vm.to_index(v).map_err(|e| {
                    if vm.err_is(&e, &vm.exc.index_error) {
                        too_big()
                    } else {
                        e
                    }
                })?,
            };
            n.checked_mul(1_000_000_000).ok_or_else(too_big)?;
            n as f64
        }
    };
    Ok(secs)
}

fn sleep(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "sleep", 1, 1)?;
    let secs = seconds_arg(vm, &args.pos[0])?;
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    let duration = Duration::from_secs_f64(secs);
    // Inside an asyncio `run_in_executor` job the event loop keeps running.
    if crate::stdlib::asyncio::events::sleep_in_executor_job(vm, duration) {
        return Ok(Value::None);
    }
    vm.flush_stdout();
    if let Some(virtual_clock) = clock::virtual_clock() {
        virtual_clock.advance(duration);
        return Ok(Value::None);
    }
    // Sleep in slices so that Ctrl-C interrupts the sleep, as in CPython.
    let end = Instant::now() + duration;
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
        std::thread::sleep(left.min(Duration::from_millis(50)));
    }
    Ok(Value::None)
}
