//! `_signal`, under `signal` (`signal.py` adds the enums): the program's
//! signal handlers over `towel_runtime::signal`.
//!
//! How a signal reaches Python code: the runtime's handler marks the signal
//! pending and raises the VM's interrupt flag (the one Ctrl-C raises); the
//! dispatch loop, `time.sleep`, the asyncio loop and every system call that
//! a signal interrupts call [`run_handlers`], which runs the Python handler
//! of each pending signal, in signal order, between two instructions, as
//! CPython does. SIGINT's handler starts as `default_int_handler`, which
//! raises KeyboardInterrupt. Without the runtime's SIGINT handler (an
//! embedding that raises the flag itself), the flag alone means SIGINT.

use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Module, NativeFn, PyResult, Value};
use crate::vm::Vm;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;
use towel_runtime::signal::{self as rt, Disposition, NSIG};

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with_declared(vm, "_signal", FUNCTIONS);
    for (name, value) in SIGNALS.iter().chain(CONSTANTS) {
        super::set(&m, name, Value::Int(*value as i64));
    }
    super::set(&m, "default_int_handler", default_int_handler(vm));
    Ok(m)
}

/// The signals, by CPython's names.
const SIGNALS: &[(&str, i32)] = &[
    ("SIGHUP", libc::SIGHUP),
    ("SIGINT", libc::SIGINT),
    ("SIGQUIT", libc::SIGQUIT),
    ("SIGILL", libc::SIGILL),
    ("SIGTRAP", libc::SIGTRAP),
    ("SIGABRT", libc::SIGABRT),
    ("SIGIOT", libc::SIGIOT),
    ("SIGBUS", libc::SIGBUS),
    ("SIGFPE", libc::SIGFPE),
    ("SIGKILL", libc::SIGKILL),
    ("SIGUSR1", libc::SIGUSR1),
    ("SIGSEGV", libc::SIGSEGV),
    ("SIGUSR2", libc::SIGUSR2),
    ("SIGPIPE", libc::SIGPIPE),
    ("SIGALRM", libc::SIGALRM),
    ("SIGTERM", libc::SIGTERM),
    ("SIGSTKFLT", libc::SIGSTKFLT),
    ("SIGCHLD", libc::SIGCHLD),
    ("SIGCONT", libc::SIGCONT),
    ("SIGSTOP", libc::SIGSTOP),
    ("SIGTSTP", libc::SIGTSTP),
    ("SIGTTIN", libc::SIGTTIN),
    ("SIGTTOU", libc::SIGTTOU),
    ("SIGURG", libc::SIGURG),
    ("SIGXCPU", libc::SIGXCPU),
    ("SIGXFSZ", libc::SIGXFSZ),
    ("SIGVTALRM", libc::SIGVTALRM),
    ("SIGPROF", libc::SIGPROF),
    ("SIGWINCH", libc::SIGWINCH),
    ("SIGIO", libc::SIGIO),
    ("SIGPOLL", libc::SIGPOLL),
    ("SIGPWR", libc::SIGPWR),
    ("SIGSYS", libc::SIGSYS),
    ("SIGRTMIN", 34),
    ("SIGRTMAX", 64),
];

const CONSTANTS: &[(&str, i32)] = &[
    ("SIG_DFL", 0),
    ("SIG_IGN", 1),
    ("NSIG", NSIG as i32),
    ("SIG_BLOCK", libc::SIG_BLOCK),
    ("SIG_UNBLOCK", libc::SIG_UNBLOCK),
    ("SIG_SETMASK", libc::SIG_SETMASK),
    ("ITIMER_REAL", libc::ITIMER_REAL),
    ("ITIMER_VIRTUAL", libc::ITIMER_VIRTUAL),
    ("ITIMER_PROF", libc::ITIMER_PROF),
];

thread_local! {
    /// The Python handler of each signal set through `signal.signal`.
    static HANDLERS: RefCell<Vec<Option<Value>>> = RefCell::new(vec![None; NSIG]);
    /// The one `default_int_handler` function.
    static DEFAULT_INT: RefCell<Option<Value>> = const { RefCell::new(None) };
}

static DEFAULT_INT_HANDLER: Signature =
    Signature::new(Style::Positional, "default_int_handler", "*args");

fn default_int_handler(_vm: &Vm) -> Value {
    DEFAULT_INT.with(|d| {
        d.borrow_mut()
            .get_or_insert_with(|| {
                crate::builtins::native_row(&(
                    &DEFAULT_INT_HANDLER,
                    raise_keyboard_interrupt as NativeFn,
                ))
            })
            .clone()
    })
}

/// `default_int_handler(*args)`: raises KeyboardInterrupt.
fn raise_keyboard_interrupt(vm: &Vm, args: Args) -> PyResult {
    let _ = DEFAULT_INT_HANDLER.bind_all::<0, 0>(vm, args)?;
    Err(vm.new_exception(&vm.exc.keyboard_interrupt, vec![]))
}

/// Runs the handlers of the signals that arrived (see the module
/// documentation); an exception a handler raises propagates, and the
/// signals after it stay pending.
pub(crate) fn run_handlers(vm: &Vm) -> PyResult<()> {
    if !vm
        .interrupt
        .swap(false, std::sync::atomic::Ordering::AcqRel)
    {
        return Ok(());
    }
    let pending: Vec<i32> = (1..NSIG as i32).filter(|&s| rt::take_pending(s)).collect();
    if pending.is_empty() {
        // Raised by hand (the REPL's Ctrl-C), or a signal whose handler ran
        // in an earlier check.
        if rt::marks_pending() {
            return Ok(());
        }
        return run_one(vm, libc::SIGINT);
    }
    for (i, &signum) in pending.iter().enumerate() {
        if let Err(e) = run_one(vm, signum) {
            for &later in &pending[i + 1..] {
                rt::set_pending(later);
            }
            return Err(e);
        }
    }
    Ok(())
}

fn run_one(vm: &Vm, signum: i32) -> PyResult<()> {
    let handler = HANDLERS.with(|h| h.borrow()[signum as usize].clone());
    match handler {
        Some(h) if crate::builtins::is_callable(vm, &h) => {
            let frame = vm.frame_object_at(0).unwrap_or(Value::None);
            vm.call(&h, &[Value::Int(signum as i64), frame])?;
            Ok(())
        }
        // Caught before the program chose a handler: only SIGINT has one.
        None if signum == libc::SIGINT => Err(vm.new_exception(&vm.exc.keyboard_interrupt, vec![])),
        _ => Ok(()),
    }
}

/// After a signal was sent to this process, waits (briefly) until it has
/// been caught: the kernel may hand it to another thread, which forwards it
/// to this one, and CPython runs the handler before `kill` returns.
pub(crate) fn await_delivery(signum: i32) {
    if !matches!(rt::disposition(signum), Ok(Disposition::Catch)) || !rt::marks_pending() {
        return;
    }
    let deadline = std::time::Instant::now() + Duration::from_millis(200);
    while !rt::is_pending(signum) && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_micros(50));
    }
}

fn signum_arg(vm: &Vm, v: &Value) -> PyResult<i32> {
    let n = vm.to_index(v)?;
    if n < 1 || n >= NSIG as i64 {
        return Err(vm.value_error("signal number out of range"));
    }
    Ok(n as i32)
}

/// The handler in effect for `signum`: the program's, else what the OS says.
fn current_handler(vm: &Vm, signum: i32) -> Value {
    if let Some(h) = HANDLERS.with(|h| h.borrow()[signum as usize].clone()) {
        return h;
    }
    match rt::disposition(signum) {
        Ok(Disposition::Default) => Value::Int(0),
        Ok(Disposition::Ignore) => Value::Int(1),
        Ok(Disposition::Catch) if signum == libc::SIGINT => default_int_handler(vm),
        _ => Value::None,
    }
}

const FUNCTIONS: &[(&Signature, NativeFn)] = &[
    (&SIGNAL, signal),
    (&GETSIGNAL, getsignal),
    (&RAISE_SIGNAL, raise_signal),
    (&ALARM, alarm),
    (&PAUSE, pause),
    (&STRSIGNAL, strsignal),
    (&VALID_SIGNALS, valid_signals),
    (&SETITIMER, setitimer),
    (&GETITIMER, getitimer),
];

static SIGNAL: Signature = Signature::new(Style::Positional, "signal", "signalnum, handler, /");

/// `signal(signalnum, handler)`: sets the handler (SIG_DFL, SIG_IGN or a
/// callable) and returns the previous one.
fn signal(vm: &Vm, args: Args) -> PyResult {
    let ([signum, handler], []) = SIGNAL.bind(vm, args)?;
    let signum = signum_arg(vm, signum)?;
    let disposition = match handler {
        Value::Int(0) => Disposition::Default,
        Value::Int(1) => Disposition::Ignore,
        h if crate::builtins::is_callable(vm, h) => Disposition::Catch,
        _ => {
            return Err(vm.type_error(
                "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
            ))
        }
    };
    let old = current_handler(vm, signum);
    rt::set_disposition(signum, disposition).map_err(|e| super::socket::socket_error(vm, e))?;
    HANDLERS.with(|h| h.borrow_mut()[signum as usize] = Some(handler.clone()));
    Ok(old)
}

static GETSIGNAL: Signature = Signature::new(Style::Exact, "getsignal", "signalnum, /");

fn getsignal(vm: &Vm, args: Args) -> PyResult {
    let ([signum], []) = GETSIGNAL.bind(vm, args)?;
    let signum = signum_arg(vm, signum)?;
    Ok(current_handler(vm, signum))
}

static RAISE_SIGNAL: Signature = Signature::new(Style::Exact, "raise_signal", "signalnum, /");

/// `raise_signal(signalnum)`: sends the signal to this process and runs its
/// handler before returning.
fn raise_signal(vm: &Vm, args: Args) -> PyResult {
    let ([signum], []) = RAISE_SIGNAL.bind(vm, args)?;
    let signum = signum_arg(vm, signum)?;
    // SAFETY: raise(3) takes a plain signal number.
    if unsafe { libc::raise(signum) } != 0 {
        return Err(super::socket::socket_error(
            vm,
            std::io::Error::last_os_error(),
        ));
    }
    await_delivery(signum);
    run_handlers(vm)?;
    Ok(Value::None)
}

static ALARM: Signature = Signature::new(Style::Exact, "alarm", "seconds, /");

fn alarm(vm: &Vm, args: Args) -> PyResult {
    let ([seconds], []) = ALARM.bind(vm, args)?;
    let seconds = vm.to_index(seconds)?;
    let seconds = u32::try_from(seconds)
        .map_err(|_| vm.overflow_error("Python int too large to convert to C unsigned long"))?;
    // SAFETY: alarm(2) takes a plain number of seconds.
    Ok(Value::Int(unsafe { libc::alarm(seconds) } as i64))
}

static PAUSE: Signature = Signature::new(Style::Exact, "pause", "");

/// `pause()`: sleeps until a signal arrives, then runs its handler.
fn pause(vm: &Vm, args: Args) -> PyResult {
    let ([], []) = PAUSE.bind(vm, args)?;
    // SAFETY: pause(2) takes no arguments; it returns when a signal is caught.
    unsafe { libc::pause() };
    run_handlers(vm)?;
    Ok(Value::None)
}

static STRSIGNAL: Signature = Signature::new(Style::Exact, "strsignal", "signalnum, /");

fn strsignal(vm: &Vm, args: Args) -> PyResult {
    let ([signum], []) = STRSIGNAL.bind(vm, args)?;
    let signum = signum_arg(vm, signum)?;
    // SAFETY: strsignal returns a NUL-terminated string we copy at once.
    let text = unsafe { std::ffi::CStr::from_ptr(libc::strsignal(signum)) }
        .to_string_lossy()
        .into_owned();
    if text.starts_with("Unknown signal") || text.starts_with("Real-time signal") {
        return Ok(Value::None);
    }
    Ok(Value::string(text))
}

static VALID_SIGNALS: Signature = Signature::new(Style::Exact, "valid_signals", "");

fn valid_signals(vm: &Vm, args: Args) -> PyResult {
    let ([], []) = VALID_SIGNALS.bind(vm, args)?;
    let set = crate::objects::PySet::new();
    for s in (1..NSIG as i64).filter(|s| !(32..34).contains(s)) {
        set.add(vm, Value::Int(s))?;
    }
    Ok(Value::Set(Rc::new(set)))
}

fn seconds_of(tv: libc::timeval) -> f64 {
    tv.tv_sec as f64 + tv.tv_usec as f64 / 1e6
}

fn timeval_of(vm: &Vm, v: &Value) -> PyResult<libc::timeval> {
    let secs = crate::builtins::number::to_f64(vm, v)?;
    if secs < 0.0 {
        return Ok(libc::timeval {
            tv_sec: 0,
            tv_usec: 0,
        });
    }
    let d = Duration::try_from_secs_f64(secs)
        .map_err(|_| vm.overflow_error("timestamp out of range for platform time_t"))?;
    Ok(libc::timeval {
        tv_sec: d.as_secs() as libc::time_t,
        tv_usec: d.subsec_micros() as libc::suseconds_t,
    })
}

static SETITIMER: Signature = Signature::new(
    Style::Positional,
    "setitimer",
    "which, seconds, interval=0.0, /",
);

/// `setitimer(which, seconds[, interval])` → the previous `(delay, interval)`.
fn setitimer(vm: &Vm, args: Args) -> PyResult {
    let ([which, seconds], [interval]) = SETITIMER.bind(vm, args)?;
    let which = vm.to_index(which)? as libc::c_int;
    let new = libc::itimerval {
        it_value: timeval_of(vm, seconds)?,
        it_interval: match interval {
            Some(i) => timeval_of(vm, i)?,
            None => libc::timeval {
                tv_sec: 0,
                tv_usec: 0,
            },
        },
    };
    // SAFETY: an all-zero itimerval is a valid buffer for the old value.
    let mut old: libc::itimerval = unsafe { std::mem::zeroed() };
    // SAFETY: both pointers are valid itimerval structures.
    if unsafe { libc::setitimer(which, &new, &mut old) } == -1 {
        return Err(super::socket::socket_error(
            vm,
            std::io::Error::last_os_error(),
        ));
    }
    Ok(Value::tuple(vec![
        Value::float(seconds_of(old.it_value)),
        Value::float(seconds_of(old.it_interval)),
    ]))
}

static GETITIMER: Signature = Signature::new(Style::Exact, "getitimer", "which, /");

fn getitimer(vm: &Vm, args: Args) -> PyResult {
    let ([which], []) = GETITIMER.bind(vm, args)?;
    let which = vm.to_index(which)? as libc::c_int;
    // SAFETY: an all-zero itimerval is a valid buffer.
    let mut cur: libc::itimerval = unsafe { std::mem::zeroed() };
    // SAFETY: `cur` is a valid itimerval to fill.
    if unsafe { libc::getitimer(which, &mut cur) } == -1 {
        return Err(super::socket::socket_error(
            vm,
            std::io::Error::last_os_error(),
        ));
    }
    Ok(Value::tuple(vec![
        Value::float(seconds_of(cur.it_value)),
        Value::float(seconds_of(cur.it_interval)),
    ]))
}
