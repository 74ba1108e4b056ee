//! `asyncio.Handle` and `asyncio.TimerHandle`: one callback scheduled on a
//! loop, by `call_soon` (an executor task, [`RunHandle`]) or by `call_at` /
//! `call_later` (a timer of the runtime's loop, fired by [`fire_timer`]).

use super::events::{now, EventLoop};
use super::futures::callable_repr;
use super::py_method;
use super::Aio;
use crate::objects::gc::Visitor;
use crate::objects::{Args, Class, NativeObject, PyResult, Signature, Value};
use crate::objects::{Native, NativeBox};
use crate::vm::Vm;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};
use towel_runtime::event_loop::TimerKey;

/// What a handle runs.
pub enum HandleCb {
    /// A script callable and its arguments.
    Py(Value, Vec<Value>),
    /// A script callable and its arguments, run in a `contextvars.Context`
    /// (boxed: most handles have no context, and handles are kept small).
    InContext(Box<ContextCall>),
    /// Native glue (a sleep's wake-up, a run_until_complete stopper).
    Native(Rc<dyn Fn(&Vm)>),
}

/// `context.run(callback, *args)`, kept apart so that reprs and error
/// reports name the callback, as CPython's do.
pub struct ContextCall {
    pub context: Value,
    pub callback: Value,
    pub args: Vec<Value>,
}

/// `asyncio.Handle` / `asyncio.TimerHandle`.
///
/// Kept small (its class follows from `when`): one is made for every
/// callback scheduled, and a larger one lands in a busier allocator bin
/// (measured: 8 more bytes cost aio_spawn 5-8%, in glibc malloc).
pub struct Handle {
    me: std::rc::Weak<NativeBox<Handle>>,
    pub(super) lp: Native<EventLoop>,
    cb: RefCell<Option<HandleCb>>,
    cancelled: Cell<bool>,
    /// The loop time at which a timer handle runs (None for `call_soon` handles).
    when: Option<f64>,
    /// Where a timer handle waits in the runtime's queue, until it fires.
    timer: Cell<Option<TimerKey>>,
    /// Where it was made, in debug mode.
    pub(super) source: super::debug::SiteCell,
}

impl NativeObject for Handle {
    fn class(&self) -> Rc<Class> {
        if self.when.is_some() {
            self.lp.aio.timer_handle_class.clone()
        } else {
            self.lp.aio.handle_class.clone()
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        match self.cb.try_borrow().as_deref() {
            Ok(Some(HandleCb::Py(f, args))) => {
                visit.value(f);
                args.iter().for_each(|v| visit.value(v));
            }
            Ok(Some(HandleCb::InContext(call))) => {
                visit.value(&call.context);
                visit.value(&call.callback);
                call.args.iter().for_each(|v| visit.value(v));
            }
            _ => {}
        }
    }
}

impl Handle {
    /// The loop time at which a timer handle runs (None for `call_soon` handles).
    pub fn when(&self) -> Option<f64> {
        self.when
    }

    /// Records where a timer handle waits in the runtime's queue.
    pub fn set_timer(&self, key: TimerKey) {
        self.timer.set(Some(key));
    }

    pub fn new(lp: &Native<EventLoop>, cb: HandleCb, when: Option<f64>) -> Native<Handle> {
        NativeBox::new_cyclic(|me| Handle {
            me: me.clone(),
            lp: lp.clone(),
            cb: RefCell::new(Some(cb)),
            cancelled: Cell::new(false),
            when,
            timer: Cell::new(None),
            source: Default::default(),
        })
    }

    pub fn cancel(&self) {
        if !self.cancelled.replace(true) {
            if let Some(key) = self.timer.take() {
                self.lp.cancel_timer(key);
            }
            // In debug mode the callback stays for the repr, as CPython
            // keeps the repr it had; it never runs.
            if !self.lp.debug.get() {
                self.cb.borrow_mut().take();
            }
        }
    }

    fn run(&self, vm: &Vm) {
        if self.cancelled.get() {
            return;
        }
        if self.lp.debug.get() {
            // Timed in debug mode (see `debug.rs`); the report shows the
            // handle as it was before it ran.
            let before = self.repr(vm);
            let start = now();
            self.run_callback(vm);
            let limit = self.lp.slow_callback_duration.get();
            super::debug::check_slow(vm, limit, now() - start, || before);
            return;
        }
        self.run_callback(vm);
    }

    fn run_callback(&self, vm: &Vm) {
        let cb = self.cb.borrow_mut().take();
        let (result, f, args) = match cb {
            Some(HandleCb::Native(f)) => return f(vm),
            Some(HandleCb::Py(f, args)) => (vm.call(&f, &args), f, args),
            Some(HandleCb::InContext(call)) => {
                let ContextCall {
                    context,
                    callback,
                    args,
                } = *call;
                let result =
                    crate::stdlib::contextvars::run_in(vm, &context, || vm.call(&callback, &args));
                (result, callback, args)
            }
            None => return,
        };
        if let Err(e) = result {
            if vm.err_is(&e, &vm.exc.keyboard_interrupt) || vm.err_is(&e, &vm.exc.system_exit) {
                *self.lp.fatal.borrow_mut() = Some(e);
                return;
            }
            let desc = callable_repr(vm, &f, &args);
            self.lp.call_exception_handler(
                vm,
                vec![
                    (
                        "message",
                        Value::string(format!("Exception in callback {desc}")),
                    ),
                    ("exception", e.value()),
                    ("handle_repr", Value::string(format!("<Handle {desc}>"))),
                ],
            );
        }
    }

    fn repr(&self, vm: &Vm) -> String {
        let name = if self.when.is_some() {
            "TimerHandle"
        } else {
            "Handle"
        };
        let mut parts = Vec::new();
        if self.cancelled.get() {
            parts.push("cancelled".to_string());
        }
        if let Some(when) = self.when {
            parts.push(format!("when={}", crate::fmt::float_repr::float_repr(when)));
        }
        match &*self.cb.borrow() {
            Some(HandleCb::Py(f, args)) => parts.push(callable_repr(vm, f, args)),
            Some(HandleCb::InContext(call)) => {
                parts.push(callable_repr(vm, &call.callback, &call.args))
            }
            _ => {}
        }
        format!("<{name} {}{}>", parts.join(" "), self.source.suffix())
    }
}

/// The executor task of one `call_soon`.
pub struct RunHandle(pub Native<Handle>);

impl Future for RunHandle {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let h = &self.0;
        if h.cancelled.get() {
            return Poll::Ready(());
        }
        match h.lp.enter(cx.waker()) {
            Some(vm) => {
                h.run(vm);
                Poll::Ready(())
            }
            None => Poll::Pending,
        }
    }
}

/// The runtime loop's `fire` for asyncio loops: runs a due `TimerHandle`.
///
/// Timers fire inside their own loop's iteration, so the loop is running and
/// lends its VM; should a handle ever come due elsewhere, it waits in the
/// ready queue for its loop like a `call_soon`.
pub fn fire_timer(h: Native<Handle>) {
    h.timer.set(None);
    match h.lp.running_vm() {
        Some(vm) => h.run(vm),
        None => h.lp.call_soon_handle(h.clone()),
    }
}

/// The handle a method (which takes nothing but its receiver) is called on.
fn h_this(vm: &Vm, sig: &Signature, args: Args) -> PyResult<Native<Handle>> {
    let ([this], []) = sig.bind(vm, args)?;
    this.downcast_native::<Handle>()
        .and_then(|h| h.me.upgrade())
        .ok_or_else(|| vm.type_error("expected a Handle"))
}

py_method!(
    CANCEL,
    "Handle.cancel",
    "self",
    "Withdraw the scheduled call; nothing happens if it has already run."
);

fn h_cancel(vm: &Vm, args: Args) -> PyResult {
    h_this(vm, &CANCEL, args)?.cancel();
    Ok(Value::None)
}

py_method!(
    CANCELLED,
    "Handle.cancelled",
    "self",
    "Return True if the call was withdrawn with cancel()."
);

fn h_cancelled(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::from_bool(
        h_this(vm, &CANCELLED, args)?.cancelled.get(),
    ))
}

py_method!(
    WHEN,
    "TimerHandle.when",
    "self",
    "Return the loop time() at which the call is due."
);

fn h_when(vm: &Vm, args: Args) -> PyResult {
    let h = h_this(vm, &WHEN, args)?;
    Ok(h.when.map(Value::float).unwrap_or_default())
}

py_method!(REPR, "Handle.__repr__", "self", "Return repr(self).");

fn h_repr(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::string(h_this(vm, &REPR, args)?.repr(vm)))
}

pub fn install(a: &Aio) {
    use crate::vm::types::add_declared_methods;
    add_declared_methods(
        &a.handle_class,
        "Handle",
        &[
            (&CANCEL, h_cancel),
            (&CANCELLED, h_cancelled),
            (&REPR, h_repr),
        ],
    );
    add_declared_methods(&a.timer_handle_class, "TimerHandle", &[(&WHEN, h_when)]);
}
