//! `time`: wall clock, monotonic clocks and (blocking) sleep.
//!
//! Every clock reads the runtime's clock of this thread
//! (`towel_runtime::time`), so under virtual time (`towel --virtual-time`)
//! `time()`, `monotonic()`, `perf_counter()` and `sleep()` all see the
//! simulated time that asyncio's loop jumps through. Calendar work
//! (`struct_time`, `gmtime`, `strftime`, `strptime`, ...) is towel source in
//! `time.py`; the C library answers what only it knows (the local zone).

use crate::objects::{Args, Module, PyResult, Signature, Style, Value};
use crate::vm::Vm;
use std::rc::Rc;
use std::time::{Duration, Instant, UNIX_EPOCH};
use towel_runtime::time as clock;

/// What `monotonic()` reads at the runtime's reference point: CPython's
/// clock starts at boot, so scripts never see a monotonic time near zero.
const MONOTONIC_OFFSET: Duration = Duration::from_secs(1);

/// Declares a clock reading: no parameters, and (as in CPython) no text
/// signature, its docstring saying what it returns.
macro_rules! clock {
    ($sig:ident, $name:literal, $doc:expr) => {
        static $sig: Signature =
            Signature::undocumented(Style::Exact, concat!("time.", $name), "").doc($doc);
    };
}

clock!(
    TIME,
    "time",
    "time() -> float\n\n\
     Return the current time as seconds since the Epoch (1970-01-01 UTC), with\n\
     fractions of a second. The system clock can be set, so it may jump."
);
clock!(
    TIME_NS,
    "time_ns",
    "time_ns() -> int\n\nReturn time() as a whole number of nanoseconds."
);
clock!(
    PERF_COUNTER,
    "perf_counter",
    "perf_counter() -> float\n\n\
     Return the clock with the finest resolution, in seconds, for measuring\n\
     short durations: only the difference between two readings means anything."
);
clock!(
    PERF_COUNTER_NS,
    "perf_counter_ns",
    "perf_counter_ns() -> int\n\nReturn perf_counter() as a whole number of nanoseconds."
);
clock!(
    MONOTONIC,
    "monotonic",
    "monotonic() -> float\n\n\
     Return a clock, in seconds, that never goes back, whatever happens to the\n\
     system time: only the difference between two readings means anything."
);
clock!(
    MONOTONIC_NS,
    "monotonic_ns",
    "monotonic_ns() -> int\n\nReturn monotonic() as a whole number of nanoseconds."
);
clock!(
    PROCESS_TIME,
    "process_time",
    "process_time() -> float\n\n\
     Return the CPU time (system and user) the process has used, in seconds.\n\
     Time spent sleeping does not count."
);
clock!(
    PROCESS_TIME_NS,
    "process_time_ns",
    "process_time_ns() -> int\n\nReturn process_time() as a whole number of nanoseconds."
);
clock!(
    THREAD_TIME,
    "thread_time",
    "thread_time() -> float\n\n\
     Return the CPU time (system and user) the current thread has used, in\n\
     seconds. Time spent sleeping does not count."
);
clock!(
    THREAD_TIME_NS,
    "thread_time_ns",
    "thread_time_ns() -> int\n\nReturn thread_time() as a whole number of nanoseconds."
);

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with_declared(
        vm,
        "time",
        &[
            (&TIME, time),
            (&TIME_NS, time_ns),
            (&PERF_COUNTER, perf_counter),
            (&PERF_COUNTER_NS, perf_counter_ns),
            (&MONOTONIC, monotonic),
            (&MONOTONIC_NS, monotonic_ns),
            (&PROCESS_TIME, process_time),
            (&PROCESS_TIME_NS, process_time_ns),
            (&THREAD_TIME, thread_time),
            (&THREAD_TIME_NS, thread_time_ns),
            (&SLEEP, sleep),
            (&LOCALTIME, localtime_fields),
            (&MKTIME, mktime),
            (&TZSET, tzset),
        ],
    );
    super::exec_source(vm, &m, super::stdlib_source!("time.py"))?;
    Ok(m)
}

/// Nanoseconds of CPU time on one of the C library's CPU clocks.
fn cpu_clock_ns(clock_id: libc::clockid_t) -> i64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the call's duration.
    unsafe { libc::clock_gettime(clock_id, &mut ts) };
    ts.tv_sec * 1_000_000_000 + ts.tv_nsec
}

fn process_time(vm: &Vm, args: Args) -> PyResult {
    PROCESS_TIME.check(vm, args)?;
    Ok(Value::float(
        cpu_clock_ns(libc::CLOCK_PROCESS_CPUTIME_ID) as f64 * 1e-9,
    ))
}

fn process_time_ns(vm: &Vm, args: Args) -> PyResult {
    PROCESS_TIME_NS.check(vm, args)?;
    Ok(Value::Int(cpu_clock_ns(libc::CLOCK_PROCESS_CPUTIME_ID)))
}

fn thread_time(vm: &Vm, args: Args) -> PyResult {
    THREAD_TIME.check(vm, args)?;
    Ok(Value::float(
        cpu_clock_ns(libc::CLOCK_THREAD_CPUTIME_ID) as f64 * 1e-9,
    ))
}

fn thread_time_ns(vm: &Vm, args: Args) -> PyResult {
    THREAD_TIME_NS.check(vm, args)?;
    Ok(Value::Int(cpu_clock_ns(libc::CLOCK_THREAD_CPUTIME_ID)))
}

static TZSET: Signature = Signature::new(Style::Exact, "_tzset", "")
    .doc("Re-read the TZ environment variable (the C library's tzset()).");

/// `_tzset()`: re-reads `TZ` from the environment (behind `time.tzset`).
fn tzset(vm: &Vm, args: Args) -> PyResult {
    TZSET.check(vm, args)?;
    extern "C" {
        fn tzset();
    }
    // SAFETY: tzset only reads the environment and updates libc's zone globals.
    unsafe { tzset() };
    Ok(Value::None)
}

static LOCALTIME: Signature = Signature::new(Style::Positional, "_localtime", "seconds, /").doc(
    "Return the local time fields of timestamp `seconds`: (year, month, day,\n\
     hour, minute, second, weekday, yearday, isdst, zone, gmtoff).",
);

/// `_localtime(seconds)`: the local calendar fields of a Unix time as the C
/// library computes them, `(year, month, mday, hour, minute, second,
/// weekday (Monday 0), yearday, isdst, zone, gmtoff)`.
fn localtime_fields(vm: &Vm, args: Args) -> PyResult {
    let ([seconds], []) = LOCALTIME.bind(vm, args)?;
    let t = vm.to_index(seconds)?;
    let secs: libc::time_t = t;
    // SAFETY: an all-zero `tm` is a valid value (null `tm_zone` included).
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: both pointers are valid for the call; localtime_r is reentrant.
    let ok = unsafe { !libc::localtime_r(&secs, &mut tm).is_null() };
    if !ok {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    let zone = if tm.tm_zone.is_null() {
        String::new()
    } else {
        // SAFETY: a non-null tm_zone points at a NUL-terminated string owned by libc.
        unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }
            .to_string_lossy()
            .into_owned()
    };
    Ok(Value::tuple(vec![
        Value::Int(tm.tm_year as i64 + 1900),
        Value::Int(tm.tm_mon as i64 + 1),
        Value::Int(tm.tm_mday as i64),
        Value::Int(tm.tm_hour as i64),
        Value::Int(tm.tm_min as i64),
        Value::Int(tm.tm_sec as i64),
        Value::Int((tm.tm_wday as i64 + 6) % 7),
        Value::Int(tm.tm_yday as i64 + 1),
        Value::Int(tm.tm_isdst as i64),
        Value::string(zone),
        Value::Int(tm.tm_gmtoff),
    ]))
}

static MKTIME: Signature = Signature::new(
    Style::Positional,
    "_mktime",
    "year, month, mday, hour, minute, second, isdst, /",
)
.doc("Return the timestamp of the given local time (the C library's mktime()), or None.");

/// `_mktime(year, month, mday, hour, minute, second, isdst)`: the Unix time
/// of a local time (None when the C library cannot represent it).
fn mktime(vm: &Vm, args: Args) -> PyResult {
    let (fields, []) = MKTIME.bind::<7, 0>(vm, args)?;
    let mut f = [0i64; 7];
    for (slot, v) in f.iter_mut().zip(fields) {
        *slot = vm.to_index(v)?;
    }
    let field = |v: i64| -> PyResult<libc::c_int> {
        libc::c_int::try_from(v)
            .map_err(|_| vm.overflow_error("signed integer is greater than maximum"))
    };
    // SAFETY: an all-zero `tm` is a valid value.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    tm.tm_year = field(f[0] - 1900)?;
    tm.tm_mon = field(f[1] - 1)?;
    tm.tm_mday = field(f[2])?;
    tm.tm_hour = field(f[3])?;
    tm.tm_min = field(f[4])?;
    tm.tm_sec = field(f[5])?;
    tm.tm_isdst = field(f[6])?;
    tm.tm_wday = -1;
    // SAFETY: `tm` is valid and writable for the call.
    let t = unsafe { libc::mktime(&mut tm) };
    if t == -1 && tm.tm_wday == -1 {
        return Ok(Value::None);
    }
    Ok(Value::Int(t))
}

/// Seconds since the Unix epoch on this thread's clock (virtual or real).
fn since_epoch() -> Duration {
    clock::system_now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}

fn time(vm: &Vm, args: Args) -> PyResult {
    TIME.check(vm, args)?;
    Ok(Value::float(since_epoch().as_secs_f64()))
}

fn time_ns(vm: &Vm, args: Args) -> PyResult {
    TIME_NS.check(vm, args)?;
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

fn monotonic(vm: &Vm, args: Args) -> PyResult {
    MONOTONIC.check(vm, args)?;
    Ok(Value::float(monotonic_seconds()))
}

fn monotonic_ns(vm: &Vm, args: Args) -> PyResult {
    MONOTONIC_NS.check(vm, args)?;
    Ok(Value::Int(monotonic_duration().as_nanos() as i64))
}

/// towel's performance counter is its monotonic clock.
fn perf_counter(vm: &Vm, args: Args) -> PyResult {
    PERF_COUNTER.check(vm, args)?;
    Ok(Value::float(monotonic_seconds()))
}

fn perf_counter_ns(vm: &Vm, args: Args) -> PyResult {
    PERF_COUNTER_NS.check(vm, args)?;
    Ok(Value::Int(monotonic_duration().as_nanos() as i64))
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

static SLEEP: Signature = Signature::undocumented(Style::Exact, "time.sleep", "seconds, /").doc(
    "sleep(seconds)\n\n\
     Suspend the calling thread for `seconds` (a float for fractions). Other\n\
     threads run meanwhile, but not the thread's asyncio tasks: in a coroutine,\n\
     await asyncio.sleep() instead.",
);

fn sleep(vm: &Vm, args: Args) -> PyResult {
    let ([seconds], []) = SLEEP.bind(vm, args)?;
    let secs = seconds_arg(vm, seconds)?;
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    let duration = Duration::from_secs_f64(secs);
    // With threads, the others run meanwhile.
    if let Some(slept) = crate::stdlib::thread::sleep(vm, duration) {
        return slept.map(|()| Value::None);
    }
    vm.flush_stdout();
    if let Some(virtual_clock) = clock::virtual_clock() {
        virtual_clock.advance(duration);
        return Ok(Value::None);
    }
    // Sleep in slices so that Ctrl-C interrupts the sleep, as in CPython.
    let end = Instant::now() + duration;
    loop {
        // A signal's handler runs during the sleep; unless it raises, the
        // sleep goes on for the time left (PEP 475).
        super::signal::run_handlers(vm)?;
        let left = end.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        std::thread::sleep(left.min(Duration::from_millis(50)));
    }
    Ok(Value::None)
}
