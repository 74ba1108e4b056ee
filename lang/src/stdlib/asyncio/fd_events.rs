//! Descriptor readiness for asyncio's lower layer (`add_reader`,
//! `add_writer`, the `sock_*` methods, subprocess pipes), on
//! `towel_runtime::watch`.
//!
//! `_watch_fd(fd, writable, callback, once)` starts an executor task that
//! waits until `fd` is ready and then calls `callback()` with the loop
//! running, in the iteration whose poll of the thread's selector reported
//! it, as CPython's selector loop runs a reader's handle. The interest is
//! registered at once, so the next iteration's poll sees it. Unless `once`,
//! it waits again (level-triggered: a reader that leaves data unread is
//! called again in the next iteration). The returned `_FdWatch`'s `cancel()` stops the task and
//! drops the watch's copy of the descriptor. The loop methods themselves are
//! towel source (`selector_events.py`).

use super::events::EventLoop;
use crate::objects::class::Layout;
use crate::objects::signature::{Signature, Style};
use crate::objects::Native;
use crate::objects::{Args, Class, Module, NativeFn, NativeObject, PyResult, Value};
use crate::vm::types::{add_declared_methods, new_class};
use crate::vm::Vm;
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;
use std::task::Poll;
use towel_runtime::watch::Watch;

/// Runs `f` with the VM once `lp` is running (right away if it is).
pub(crate) async fn with_vm<R>(lp: &Native<EventLoop>, mut f: impl FnMut(&Vm) -> R) -> R {
    let mut f = Some(&mut f);
    std::future::poll_fn(|cx| match lp.enter(cx.waker()) {
        Some(vm) => match f.take() {
            Some(g) => Poll::Ready(g(vm)),
            None => Poll::Pending,
        },
        None => Poll::Pending,
    })
    .await
}

pub fn install(vm: &Vm, m: &Module) {
    for row in FUNCTIONS {
        crate::stdlib::set(m, row.0.name(), crate::builtins::native_row(row));
    }
    let _ = watch_class(vm);
}

const FUNCTIONS: &[(&Signature, NativeFn)] = &[(&WATCH_FD, watch_fd), (&PIDFD_OPEN, pidfd_open)];

static PIDFD_OPEN: Signature = Signature::new(Style::Positional, "_pidfd_open", "pid, /");

/// `_pidfd_open(pid)` → a descriptor that becomes readable when the child
/// exits (asyncio subprocesses wait on it).
fn pidfd_open(vm: &Vm, args: Args) -> PyResult {
    let ([pid], []) = PIDFD_OPEN.bind(vm, args)?;
    let pid =
        i32::try_from(vm.to_index(pid)?).map_err(|_| vm.overflow_error("pid out of range"))?;
    let fd = towel_runtime::process::pidfd(pid)
        .map_err(|e| crate::stdlib::socket::socket_error(vm, e))?;
    Ok(Value::Int(std::os::fd::IntoRawFd::into_raw_fd(fd) as i64))
}

/// A running watch: dropping its task ends it.
struct FdWatch {
    class: Rc<Class>,
    task: RefCell<Option<towel_runtime::Task<()>>>,
}

impl NativeObject for FdWatch {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn watch_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("asyncio._FdWatch", |vm| {
        let c = new_class(
            "_FdWatch",
            std::slice::from_ref(&vm.types.object),
            Layout::Builtin,
            "asyncio",
        );
        add_declared_methods(&c, "_FdWatch", &[(&CANCEL, cancel)]);
        c
    })
}

static WATCH_FD: Signature = Signature::new(
    Style::Positional,
    "_watch_fd",
    "fd, writable, callback, once, /",
);

fn watch_fd(vm: &Vm, args: Args) -> PyResult {
    let ([fd, writable, callback, once], []) = WATCH_FD.bind(vm, args)?;
    let fd = i32::try_from(vm.to_index(fd)?)
        .map_err(|_| vm.overflow_error("fd is greater than maximum"))?;
    let writable = vm.truthy(writable)?;
    let once = vm.truthy(once)?;
    let watch = Watch::new(fd).map_err(|e| crate::stdlib::socket::socket_error(vm, e))?;
    // Registered now, so the next iteration's poll sees it (a selector's
    // registration takes effect at once; the task below starts later).
    watch.expect(writable);
    let lp = super::events::get_running_loop_rc(vm)?;
    let callback = callback.clone();
    let task = towel_runtime::spawn(run_watch(watch, writable, once, lp, callback));
    Ok(Value::native(FdWatch {
        class: watch_class(vm),
        task: RefCell::new(Some(task)),
    }))
}

async fn run_watch(
    watch: Watch,
    writable: bool,
    once: bool,
    lp: Native<EventLoop>,
    callback: Value,
) {
    loop {
        let ready = if writable {
            watch.writable().await
        } else {
            watch.readable().await
        };
        // An error (the descriptor was closed under us) still calls back:
        // the callback's own I/O then reports it, as with a selector.
        let _ = ready;
        with_vm(&lp, |vm| {
            if let Err(e) = vm.call(&callback, &[]) {
                lp.call_exception_handler(
                    vm,
                    vec![
                        (
                            "message",
                            Value::str("Exception in callback for a file descriptor"),
                        ),
                        ("exception", e.value()),
                    ],
                );
            }
        })
        .await;
        if once {
            break;
        }
        // Waiting again re-arms the interest: what the callback did not
        // consume is reported by the next iteration's poll, as a selector's
        // level-triggered reader.
    }
}

static CANCEL: Signature = Signature::new(Style::Exact, "_FdWatch.cancel", "$self, /");

fn cancel(vm: &Vm, args: Args) -> PyResult {
    let ([this], []) = CANCEL.bind(vm, args)?;
    let w = this
        .downcast_native::<FdWatch>()
        .ok_or_else(|| vm.type_error("expected an _FdWatch"))?;
    // Dropping the task cancels it and closes the watch's descriptor copy.
    w.task.borrow_mut().take();
    Ok(Value::None)
}
