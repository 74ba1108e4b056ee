//! `_spawn`: what `multiprocessing` needs from the system to run towel
//! child processes: start one with some of our pipe ends inherited, wait for
//! it, signal it, and move length-prefixed messages through pipes.
//!
//! Waits and pipe transfers go through `towel_runtime::green::run_blocking`,
//! so a thread waiting for a child (a process pool's feeder thread) lets the
//! other threads run.

use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Module, NativeFn, PyResult, Value};
use crate::vm::Vm;
use std::io::{Read, Write};
use std::os::fd::{FromRawFd, RawFd};
use std::os::unix::process::CommandExt;
use std::rc::Rc;
use towel_runtime::green;

const FUNCTIONS: &[(&Signature, NativeFn)] = &[
    (&START, start),
    (&WAIT, wait),
    (&KILL, kill),
    (&SEND, send),
    (&RECV, recv),
];

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    Ok(super::module_with_declared(vm, "_spawn", FUNCTIONS))
}

static START: Signature = Signature::new(Style::Positional, "start", "argv, pass_fds, /");
static WAIT: Signature = Signature::new(Style::Positional, "wait", "pid, block, /");
static KILL: Signature = Signature::new(Style::Positional, "kill", "pid, signal, /");
static SEND: Signature = Signature::new(Style::Positional, "send", "fd, data, /");
static RECV: Signature = Signature::new(Style::Positional, "recv", "fd, /");

fn fd_of(vm: &Vm, v: &Value) -> PyResult<RawFd> {
    let n = vm.to_index(v)?;
    RawFd::try_from(n).map_err(|_| vm.overflow_error("fd is out of range"))
}

fn os_error(vm: &Vm, e: std::io::Error) -> crate::objects::PyErr {
    let code = e.raw_os_error().unwrap_or(libc::EIO);
    super::os_sys::errno_error(vm, code, None, None)
}

/// `start(argv, pass_fds)`: runs `argv` with our stdin, stdout and stderr,
/// the descriptors of `pass_fds` inherited under the same numbers; returns
/// the child's pid.
fn start(vm: &Vm, args: Args) -> PyResult {
    let ([argv, pass_fds], []) = START.bind(vm, args)?;
    let argv: Vec<String> = vm
        .to_vec(argv)?
        .iter()
        .map(|a| vm.to_str(a))
        .collect::<PyResult<_>>()?;
    let fds: Vec<RawFd> = vm
        .to_vec(pass_fds)?
        .iter()
        .map(|f| fd_of(vm, f))
        .collect::<PyResult<_>>()?;
    let Some((program, rest)) = argv.split_first() else {
        return Err(vm.value_error("argv must not be empty"));
    };
    vm.flush_stdout();
    let mut command = std::process::Command::new(program);
    command.args(rest);
    // SAFETY: the closure runs in the child between fork and exec, and only
    // calls `fcntl`, which is async-signal-safe; it touches no memory but
    // the vector moved into it, which is not freed there.
    unsafe {
        command.pre_exec(move || {
            for &fd in &fds {
                let flags = libc::fcntl(fd, libc::F_GETFD);
                if flags < 0 || libc::fcntl(fd, libc::F_SETFD, flags & !libc::FD_CLOEXEC) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
            }
            Ok(())
        });
    }
    let child = command.spawn().map_err(|e| os_error(vm, e))?;
    // The child is reaped by `wait`, by pid.
    Ok(Value::Int(child.id() as i64))
}

/// What `waitpid` status means as an exit code: the code, or minus the
/// signal that ended the process (CPython's `Process.exitcode`).
fn exit_code(status: libc::c_int) -> i64 {
    if libc::WIFSIGNALED(status) {
        -(libc::WTERMSIG(status) as i64)
    } else {
        libc::WEXITSTATUS(status) as i64
    }
}

/// `wait(pid, block)`: the child's exit code, or None if it still runs
/// (without `block`).
fn wait(vm: &Vm, args: Args) -> PyResult {
    let ([pid, block], []) = WAIT.bind(vm, args)?;
    let pid = vm.to_index(pid)? as libc::pid_t;
    let block = vm.truthy(block)?;
    let waited = if block {
        green::run_blocking(move || {
            let mut status = 0;
            // SAFETY: `status` is a valid place for waitpid to write.
            let r = unsafe { libc::waitpid(pid, &mut status, 0) };
            (r, status, std::io::Error::last_os_error())
        })
    } else {
        let mut status = 0;
        // SAFETY: as above.
        let r = unsafe { libc::waitpid(pid, &mut status, libc::WNOHANG) };
        (r, status, std::io::Error::last_os_error())
    };
    match waited {
        (0, _, _) => Ok(Value::None),
        (r, status, _) if r > 0 => Ok(Value::Int(exit_code(status))),
        (_, _, e) => Err(os_error(vm, e)),
    }
}

fn kill(vm: &Vm, args: Args) -> PyResult {
    let ([pid, signal], []) = KILL.bind(vm, args)?;
    let pid = vm.to_index(pid)? as libc::pid_t;
    let signal = vm.to_index(signal)? as libc::c_int;
    // SAFETY: kill takes plain integers; a bad pid or signal gives an errno.
    if unsafe { libc::kill(pid, signal) } < 0 {
        return Err(os_error(vm, std::io::Error::last_os_error()));
    }
    Ok(Value::None)
}

/// A borrowed view of a descriptor as a `File` that is never closed here.
fn borrowed_file(fd: RawFd) -> std::mem::ManuallyDrop<std::fs::File> {
    // SAFETY: the `File` is never dropped (so `fd` is not closed); the
    // caller owns `fd` and keeps it open for the duration of the transfer.
    std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(fd) })
}

/// `send(fd, data)`: writes one message (a 4-byte big-endian length, then
/// the bytes) to a pipe.
fn send(vm: &Vm, args: Args) -> PyResult {
    let ([fd, data], []) = SEND.bind(vm, args)?;
    let fd = fd_of(vm, fd)?;
    let data = crate::objects::bytes::bytes_like(data)
        .ok_or_else(|| {
            vm.type_error(format!(
                "a bytes-like object is required, not '{}'",
                vm.type_name(data)
            ))
        })?
        .to_vec();
    let len = u32::try_from(data.len()).map_err(|_| vm.value_error("message too long"))?;
    // One write of length and bytes together: several processes may share
    // the pipe (a Queue's producers), and a write of up to PIPE_BUF bytes
    // is never interleaved with another's.
    let mut message = Vec::with_capacity(4 + data.len());
    message.extend_from_slice(&len.to_be_bytes());
    message.extend_from_slice(&data);
    let written = green::run_blocking(move || borrowed_file(fd).write_all(&message));
    written.map_err(|e| os_error(vm, e))?;
    Ok(Value::None)
}

/// `recv(fd)`: reads one message written by `send`; EOFError when the
/// writer has gone.
fn recv(vm: &Vm, args: Args) -> PyResult {
    let ([fd], []) = RECV.bind(vm, args)?;
    let fd = fd_of(vm, fd)?;
    let read = green::run_blocking(move || -> std::io::Result<Vec<u8>> {
        let mut file = borrowed_file(fd);
        let mut len = [0u8; 4];
        file.read_exact(&mut len)?;
        let mut data = vec![0u8; u32::from_be_bytes(len) as usize];
        file.read_exact(&mut data)?;
        Ok(data)
    });
    match read {
        Ok(data) => Ok(Value::Bytes(Rc::new(data))),
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            Err(vm.new_exception(&vm.exc.eof_error, vec![]))
        }
        Err(e) => Err(os_error(vm, e)),
    }
}
