//! `_subprocess`, under `subprocess` (`subprocess.py`): starting a child
//! with its standard streams on given descriptors, and waiting for it.
//!
//! `spawn` is `std::process::Command` (which resets the child's signal
//! dispositions and mask as CPython's `restore_signals` does); `wait` is
//! `towel_runtime::process::wait_pid`. Pipes, `communicate` and the
//! timeouts are towel source over `os` and `select`.

use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Module, NativeFn, PyResult, Value};
use crate::vm::Vm;
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::rc::Rc;

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    Ok(super::module_with_declared(vm, "_subprocess", FUNCTIONS))
}

const FUNCTIONS: &[(&Signature, NativeFn)] = &[(&SPAWN, spawn), (&WAIT, wait)];

static SPAWN: Signature = Signature::new(
    Style::Positional,
    "spawn",
    "args, executable, cwd, env, stdin, stdout, stderr, process_group, /",
)
.doc("Start a child process and return its pid and the pipes opened to it.");

/// A path-like argument as the bytes the OS takes.
fn os_bytes(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    let path = vm.call(
        &vm.import_module("os")?
            .get("fsencode")
            .unwrap_or(Value::None),
        std::slice::from_ref(v),
    )?;
    match path {
        Value::Bytes(b) => Ok(b.to_vec()),
        other => Err(vm.type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            vm.type_name(&other)
        ))),
    }
}

fn stdio_of(vm: &Vm, fd: &Value) -> PyResult<Stdio> {
    let fd = vm.to_index(fd)?;
    if fd < 0 {
        return Ok(Stdio::inherit());
    }
    // SAFETY: dup(2) makes a new descriptor we own; the caller's stays open.
    let copy = unsafe { libc::dup(fd as libc::c_int) };
    if copy == -1 {
        let errno = std::io::Error::last_os_error()
            .raw_os_error()
            .unwrap_or(libc::EBADF);
        return Err(super::os_sys::errno_error(vm, errno, None, None));
    }
    // SAFETY: `copy` is a fresh descriptor nothing else owns.
    Ok(Stdio::from(unsafe { OwnedFd::from_raw_fd(copy) }))
}

/// `spawn(args, executable, cwd, env, stdin, stdout, stderr, process_group)`
/// → pid. The stream arguments are descriptors (-1: inherit); `env` is a
/// list of `(name, value)` bytes pairs or None.
fn spawn(vm: &Vm, args: Args) -> PyResult {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let ([argv, executable, cwd, env, stdin, stdout, stderr, group], []) = SPAWN.bind(vm, args)?;
    let argv: Vec<Vec<u8>> = vm
        .to_vec(argv)?
        .iter()
        .map(|a| os_bytes(vm, a))
        .collect::<PyResult<_>>()?;
    let Some(first) = argv.first() else {
        return Err(vm.value_error("empty args"));
    };
    let program = match executable {
        Value::None => first.clone(),
        exe => os_bytes(vm, exe)?,
    };
    let mut cmd = Command::new(OsStr::from_bytes(&program));
    cmd.arg0(OsStr::from_bytes(first));
    cmd.args(argv[1..].iter().map(|a| OsStr::from_bytes(a)));
    let cwd = match cwd {
        Value::None => None,
        c => Some(os_bytes(vm, c)?),
    };
    if let Some(dir) = &cwd {
        cmd.current_dir(OsStr::from_bytes(dir));
    }
    if !matches!(env, Value::None) {
        cmd.env_clear();
        for pair in vm.to_vec(env)? {
            let kv = vm.to_vec(&pair)?;
            if let [k, v] = kv.as_slice() {
                cmd.env(
                    OsStr::from_bytes(&os_bytes(vm, k)?),
                    OsStr::from_bytes(&os_bytes(vm, v)?),
                );
            }
        }
    }
    cmd.stdin(stdio_of(vm, stdin)?);
    cmd.stdout(stdio_of(vm, stdout)?);
    cmd.stderr(stdio_of(vm, stderr)?);
    let group = vm.to_index(group)?;
    if group >= 0 {
        cmd.process_group(group as i32);
    }
    match cmd.spawn() {
        // The child is reaped through its pid (`wait`); std's handle is not
        // needed and dropping it neither waits nor kills.
        Ok(child) => Ok(Value::Int(child.id() as i64)),
        Err(e) => {
            let errno = e.raw_os_error().unwrap_or(libc::EIO);
            // The call fails for the folder or for the program: CPython names
            // whichever it was.
            let bad_dir = cwd
                .as_ref()
                .is_some_and(|d| !std::path::Path::new(OsStr::from_bytes(d)).is_dir());
            let name = if bad_dir {
                cwd.unwrap_or_default()
            } else {
                program
            };
            let shown = Value::string(String::from_utf8_lossy(&name).into_owned());
            Err(super::os_sys::errno_error(vm, errno, Some(&shown), None))
        }
    }
}

static WAIT: Signature = Signature::new(Style::Positional, "wait", "pid, block, /")
    .doc("Return the exit status of the child pid, or None when it runs on and block is false.");

/// `wait(pid, block)` → the return code (minus the signal that killed the
/// child), or None when `block` is false and it still runs.
fn wait(vm: &Vm, args: Args) -> PyResult {
    let ([pid, block], []) = WAIT.bind(vm, args)?;
    let pid =
        i32::try_from(vm.to_index(pid)?).map_err(|_| vm.overflow_error("pid out of range"))?;
    let block = vm.truthy(block)?;
    loop {
        match towel_runtime::process::wait_pid(pid, block) {
            Ok(code) => return Ok(code.map_or(Value::None, |c| Value::Int(c as i64))),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {
                super::signal::run_handlers(vm)?
            }
            Err(e) => {
                let errno = e.raw_os_error().unwrap_or(libc::EIO);
                return Err(super::os_sys::errno_error(vm, errno, None, None));
            }
        }
    }
}
