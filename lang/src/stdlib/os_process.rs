//! The process half of `os`: signals to processes (`kill`, `killpg`) and
//! waiting for children (`waitpid` and the status macros), over
//! `towel_runtime::process`.

use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, NativeFn, PyResult, Value};
use crate::vm::Vm;

/// The natives of this file, registered into `os` by `os::make`.
pub(crate) const NATIVES: &[(&Signature, NativeFn)] = &[
    (&KILL, kill),
    (&KILLPG, killpg),
    (&WAITPID, waitpid),
    (&WAITSTATUS_TO_EXITCODE, waitstatus_to_exitcode),
    (&SET_BLOCKING, set_blocking),
    (&GET_BLOCKING, get_blocking),
];

/// The constants of this file, registered into `os` by `os::make`.
pub(crate) const CONSTANTS: &[(&str, i32)] =
    &[("WNOHANG", libc::WNOHANG), ("WUNTRACED", libc::WUNTRACED)];

fn pid_arg(vm: &Vm, v: &Value) -> PyResult<i32> {
    i32::try_from(vm.to_index(v)?)
        .map_err(|_| vm.overflow_error("signed integer is greater than maximum"))
}

fn os_error(vm: &Vm, e: std::io::Error) -> crate::objects::PyErr {
    super::os_sys::errno_error(vm, e.raw_os_error().unwrap_or(libc::EIO), None, None)
}

static KILL: Signature = Signature::new(Style::Positional, "kill", "pid, signal, /");

/// `kill(pid, signal)`; a signal sent to this process has its handler run
/// before `kill` returns, as in CPython.
fn kill(vm: &Vm, args: Args) -> PyResult {
    let ([pid, sig], []) = KILL.bind(vm, args)?;
    let pid = pid_arg(vm, pid)?;
    let sig = pid_arg(vm, sig)?;
    towel_runtime::process::send_signal(pid, sig).map_err(|e| os_error(vm, e))?;
    if pid == std::process::id() as i32 || pid == 0 || pid == -1 {
        super::signal::await_delivery(sig);
    }
    super::signal::run_handlers(vm)?;
    Ok(Value::None)
}

static KILLPG: Signature = Signature::new(Style::Positional, "killpg", "pgid, signal, /");

fn killpg(vm: &Vm, args: Args) -> PyResult {
    let ([pgid, sig], []) = KILLPG.bind(vm, args)?;
    let pgid = pid_arg(vm, pgid)?;
    let sig = pid_arg(vm, sig)?;
    // SAFETY: killpg(2) takes plain integers.
    if unsafe { libc::killpg(pgid, sig) } == -1 {
        return Err(os_error(vm, std::io::Error::last_os_error()));
    }
    super::signal::run_handlers(vm)?;
    Ok(Value::None)
}

static WAITPID: Signature = Signature::new(Style::Positional, "waitpid", "pid, options, /");

/// `waitpid(pid, options)` → `(pid, status)`, `(0, 0)` when `WNOHANG` finds
/// the child running; interrupted waits run the handlers and wait again.
fn waitpid(vm: &Vm, args: Args) -> PyResult {
    let ([pid, options], []) = WAITPID.bind(vm, args)?;
    let pid = pid_arg(vm, pid)?;
    let options = pid_arg(vm, options)?;
    loop {
        let mut status: libc::c_int = 0;
        // SAFETY: waitpid writes the status into `status`.
        let r = unsafe { libc::waitpid(pid, &mut status, options) };
        if r == -1 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                super::signal::run_handlers(vm)?;
                continue;
            }
            return Err(os_error(vm, e));
        }
        return Ok(Value::tuple(vec![
            Value::Int(r as i64),
            Value::Int(status as i64),
        ]));
    }
}

static WAITSTATUS_TO_EXITCODE: Signature =
    Signature::new(Style::Clinic, "waitstatus_to_exitcode", "status");

fn waitstatus_to_exitcode(vm: &Vm, args: Args) -> PyResult {
    let ([status], []) = WAITSTATUS_TO_EXITCODE.bind(vm, args)?;
    let status = pid_arg(vm, status)?;
    if libc::WIFEXITED(status) {
        Ok(Value::Int(libc::WEXITSTATUS(status) as i64))
    } else if libc::WIFSIGNALED(status) {
        Ok(Value::Int(-(libc::WTERMSIG(status) as i64)))
    } else {
        Err(vm.value_error(format!("invalid wait status: {status}")))
    }
}

fn fd_flags(vm: &Vm, fd: &Value) -> PyResult<(i32, i32)> {
    let fd = pid_arg(vm, fd)?;
    // SAFETY: fcntl(F_GETFL) only reads the descriptor's flags.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags == -1 {
        return Err(os_error(vm, std::io::Error::last_os_error()));
    }
    Ok((fd, flags))
}

static GET_BLOCKING: Signature = Signature::new(Style::Exact, "get_blocking", "fd, /");

fn get_blocking(vm: &Vm, args: Args) -> PyResult {
    let ([fd], []) = GET_BLOCKING.bind(vm, args)?;
    let (_, flags) = fd_flags(vm, fd)?;
    Ok(Value::from_bool(flags & libc::O_NONBLOCK == 0))
}

static SET_BLOCKING: Signature =
    Signature::new(Style::Positional, "set_blocking", "fd, blocking, /");

fn set_blocking(vm: &Vm, args: Args) -> PyResult {
    let ([fd, blocking], []) = SET_BLOCKING.bind(vm, args)?;
    let (fd, flags) = fd_flags(vm, fd)?;
    let flags = if vm.truthy(blocking)? {
        flags & !libc::O_NONBLOCK
    } else {
        flags | libc::O_NONBLOCK
    };
    // SAFETY: fcntl(F_SETFL) sets the descriptor's status flags.
    if unsafe { libc::fcntl(fd, libc::F_SETFL, flags) } == -1 {
        return Err(os_error(vm, std::io::Error::last_os_error()));
    }
    Ok(Value::None)
}
