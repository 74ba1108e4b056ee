//! `select`: `select()` and `poll` objects over the runtime's `poll(2)`
//! ([`towel_runtime::socket::wait`]). Objects are descriptors: an int or
//! anything with a `fileno()` method. An interrupted wait runs the signal
//! handlers and waits again for what is left of the timeout (PEP 475).

use crate::objects::class::Layout;
use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Class, Module, NativeFn, NativeObject, PyResult, Value};
use crate::vm::types::{add_declared_methods, new_class};
use crate::vm::Vm;
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::{Duration, Instant};
use towel_runtime::socket::{wait, PollFd};

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with_declared(vm, "select", FUNCTIONS);
    for (name, value) in CONSTANTS {
        super::set(&m, name, Value::Int(*value as i64));
    }
    super::set(&m, "error", Value::Class(vm.exc.os_error.clone()));
    Ok(m)
}

const CONSTANTS: &[(&str, i16)] = &[
    ("POLLIN", libc::POLLIN),
    ("POLLPRI", libc::POLLPRI),
    ("POLLOUT", libc::POLLOUT),
    ("POLLERR", libc::POLLERR),
    ("POLLHUP", libc::POLLHUP),
    ("POLLNVAL", libc::POLLNVAL),
    ("POLLRDNORM", libc::POLLRDNORM),
    ("POLLRDBAND", libc::POLLRDBAND),
    ("POLLWRNORM", libc::POLLWRNORM),
    ("POLLWRBAND", libc::POLLWRBAND),
    ("POLLMSG", 0x400),
    ("POLLRDHUP", libc::POLLRDHUP),
];

const FUNCTIONS: &[(&Signature, NativeFn)] = &[(&SELECT, select), (&POLL, poll)];

/// The descriptor of a select/poll argument: an int, or `obj.fileno()`.
pub(crate) fn fileobj_fd(vm: &Vm, obj: &Value) -> PyResult<i32> {
    let fd = match obj.builtin_base() {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => vm.to_index(obj)?,
        _ => match vm.lookup_attr(obj, "fileno")? {
            Some(f) => {
                let r = vm.call(&f, &[])?;
                match r.builtin_base() {
                    Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => vm.to_index(&r)?,
                    _ => return Err(vm.type_error("fileno() returned a non-integer")),
                }
            }
            None => {
                return Err(vm.type_error("argument must be an int, or have a fileno() method."))
            }
        },
    };
    if fd < 0 {
        return Err(vm.value_error(format!(
            "file descriptor cannot be a negative integer ({fd})"
        )));
    }
    i32::try_from(fd).map_err(|_| vm.overflow_error("fd is greater than maximum"))
}

/// A timeout in seconds (None: forever), as `select` reads it.
fn seconds_arg(vm: &Vm, v: Option<&Value>) -> PyResult<Option<Duration>> {
    let v = match v {
        None | Some(Value::None) => return Ok(None),
        Some(v) => v,
    };
    let secs = match v.builtin_base() {
        Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::BigInt(_) => {
            crate::builtins::number::to_f64(vm, v)?
        }
        _ => return Err(vm.type_error("timeout must be a float or None")),
    };
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.value_error("timeout must be non-negative"));
    }
    Duration::try_from_secs_f64(secs)
        .map(Some)
        .map_err(|_| vm.overflow_error("timeout is too large"))
}

/// Waits on `fds`, running signal handlers after an interruption and
/// waiting again for the rest of the timeout.
fn wait_retrying(vm: &Vm, fds: &mut [PollFd], timeout: Option<Duration>) -> PyResult<usize> {
    let deadline = timeout.map(|t| Instant::now() + t);
    loop {
        let left = deadline.map(|d| d.saturating_duration_since(Instant::now()));
        match wait(fds, left) {
            Ok(n) => return Ok(n),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {
                super::signal::run_handlers(vm)?
            }
            Err(e) => return Err(super::socket::socket_error(vm, e)),
        }
    }
}

static SELECT: Signature = Signature::new(
    Style::Positional,
    "select",
    "rlist, wlist, xlist, timeout=None, /",
);

/// `select(rlist, wlist, xlist[, timeout])`: the objects of each list that
/// are ready, in the lists' order.
fn select(vm: &Vm, args: Args) -> PyResult {
    let ([r, w, x], [timeout]) = SELECT.bind(vm, args)?;
    let timeout = seconds_arg(vm, timeout)?;
    let lists = [(r, libc::POLLIN), (w, libc::POLLOUT), (x, libc::POLLPRI)];
    let mut objects: Vec<Vec<(Value, i32)>> = Vec::new();
    let mut fds: Vec<PollFd> = Vec::new();
    for (list, events) in lists {
        let items = vm.to_vec(list).map_err(|e| {
            if vm.err_is(&e, &vm.exc.type_error) {
                vm.type_error("arguments 1-3 must be sequences")
            } else {
                e
            }
        })?;
        let mut these = Vec::new();
        for obj in items {
            let fd = fileobj_fd(vm, &obj)?;
            these.push((obj, fd));
            fds.push(PollFd {
                fd,
                events,
                revents: 0,
            });
        }
        objects.push(these);
    }
    wait_retrying(vm, &mut fds, timeout)?;
    if fds.iter().any(|p| p.revents & libc::POLLNVAL != 0) {
        return Err(super::os_sys::errno_error(vm, libc::EBADF, None, None));
    }
    // What select(2) reports: hang-ups and errors make a descriptor readable
    // (and writable), since a read (or write) would not block.
    let ready_masks = [
        libc::POLLIN | libc::POLLHUP | libc::POLLERR,
        libc::POLLOUT | libc::POLLERR,
        libc::POLLPRI,
    ];
    let mut results = Vec::new();
    let mut at = 0;
    for (these, mask) in objects.into_iter().zip(ready_masks) {
        let mut ready = Vec::new();
        for (obj, _) in these {
            if fds[at].revents & mask != 0 {
                ready.push(obj);
            }
            at += 1;
        }
        results.push(Value::list(ready));
    }
    Ok(Value::tuple(results))
}

// -- poll objects ----------------------------------------------------------------------

/// A `select.poll` object: registered descriptors and their event masks, in
/// registration order.
struct Poll {
    class: Rc<Class>,
    fds: RefCell<Vec<(i32, i16)>>,
}

impl NativeObject for Poll {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn poll_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("select.poll", |vm| {
        let c = new_class(
            "poll",
            std::slice::from_ref(&vm.types.object),
            Layout::Builtin,
            "select",
        );
        add_declared_methods(&c, "poll", POLL_METHODS);
        c
    })
}

static POLL: Signature = Signature::new(Style::Exact, "poll", "");

fn poll(vm: &Vm, args: Args) -> PyResult {
    let ([], []) = POLL.bind(vm, args)?;
    Ok(Value::native(Poll {
        class: poll_class(vm),
        fds: RefCell::new(Vec::new()),
    }))
}

const POLL_METHODS: &[(&Signature, NativeFn)] = &[
    (&REGISTER, register),
    (&MODIFY, modify),
    (&UNREGISTER, unregister),
    (&POLL_POLL, poll_poll),
];

fn this_poll<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Poll> {
    v.downcast_native::<Poll>()
        .ok_or_else(|| vm.type_error("descriptor requires a 'select.poll' object"))
}

fn mask_arg(vm: &Vm, v: Option<&Value>) -> PyResult<i16> {
    let default = libc::POLLIN | libc::POLLPRI | libc::POLLOUT;
    let Some(v) = v else { return Ok(default) };
    let m = vm.to_index(v)?;
    if m < 0 {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    u16::try_from(m)
        .map(|m| m as i16)
        .map_err(|_| vm.overflow_error("Python int too large for C unsigned short"))
}

static REGISTER: Signature = Signature::new(
    Style::Positional,
    "register",
    "$self, fd, eventmask=select.POLLIN | select.POLLPRI | select.POLLOUT, /",
);

fn register(vm: &Vm, args: Args) -> PyResult {
    let ([this, fd], [mask]) = REGISTER.bind(vm, args)?;
    let p = this_poll(vm, this)?;
    let fd = fileobj_fd(vm, fd)?;
    let mask = mask_arg(vm, mask)?;
    let mut fds = p.fds.borrow_mut();
    match fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(entry) => entry.1 = mask,
        None => fds.push((fd, mask)),
    }
    Ok(Value::None)
}

static MODIFY: Signature = Signature::new(Style::Positional, "modify", "$self, fd, eventmask, /");

fn modify(vm: &Vm, args: Args) -> PyResult {
    let ([this, fd, mask], []) = MODIFY.bind(vm, args)?;
    let p = this_poll(vm, this)?;
    let fd = fileobj_fd(vm, fd)?;
    let mask = mask_arg(vm, Some(mask))?;
    let mut fds = p.fds.borrow_mut();
    match fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(entry) => entry.1 = mask,
        None => return Err(super::os_sys::errno_error(vm, libc::ENOENT, None, None)),
    }
    Ok(Value::None)
}

static UNREGISTER: Signature = Signature::new(Style::Exact, "unregister", "$self, fd, /");

fn unregister(vm: &Vm, args: Args) -> PyResult {
    let ([this, fd_obj], []) = UNREGISTER.bind(vm, args)?;
    let p = this_poll(vm, this)?;
    let fd = fileobj_fd(vm, fd_obj)?;
    let mut fds = p.fds.borrow_mut();
    match fds.iter().position(|(f, _)| *f == fd) {
        Some(i) => {
            fds.remove(i);
            Ok(Value::None)
        }
        None => Err(vm.new_exception(&vm.exc.key_error, vec![Value::Int(fd as i64)])),
    }
}

static POLL_POLL: Signature = Signature::new(Style::Positional, "poll", "$self, timeout=None, /");

/// `poll([timeout])`: `(fd, events)` for each ready descriptor; the timeout
/// is in milliseconds, None or negative to wait forever.
fn poll_poll(vm: &Vm, args: Args) -> PyResult {
    let ([this], [timeout]) = POLL_POLL.bind(vm, args)?;
    let p = this_poll(vm, this)?;
    let timeout = match timeout {
        None | Some(Value::None) => None,
        Some(v) => {
            let ms = match v.builtin_base() {
                Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::BigInt(_) => {
                    crate::builtins::number::to_f64(vm, v)?
                }
                _ => return Err(vm.type_error("timeout must be an integer or None")),
            };
            if ms < 0.0 {
                None
            } else {
                Some(Duration::from_secs_f64(ms.ceil() / 1000.0))
            }
        }
    };
    let mut fds: Vec<PollFd> = p
        .fds
        .borrow()
        .iter()
        .map(|&(fd, events)| PollFd {
            fd,
            events,
            revents: 0,
        })
        .collect();
    wait_retrying(vm, &mut fds, timeout)?;
    Ok(Value::list(
        fds.iter()
            .filter(|p| p.revents != 0)
            .map(|p| {
                Value::tuple(vec![
                    Value::Int(p.fd as i64),
                    Value::Int(p.revents as u16 as i64),
                ])
            })
            .collect(),
    ))
}
