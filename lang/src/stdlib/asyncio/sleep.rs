//! `asyncio.sleep`: a native awaitable that is its own iterator.
//!
//! `sleep(0)` yields once (a bare `yield`, so the task runs again after
//! everything ready now). A longer sleep does what CPython's does: a future
//! from the loop, settled by a `call_later` timer, and the future yielded to
//! the task. Both go through the running loop's overrides of
//! `create_future` and `call_later` (or of the `time` and `call_at` an
//! inherited `call_later` calls) when it is a subclass that has them.

use super::events::{get_running_loop_rc, now, EventLoop};
use super::futures::Fut;
use super::handles::{Handle, HandleCb};
use super::{aio, Aio};
use crate::objects::gc::Visitor;
use crate::objects::{Args, Class, Native, NativeObject, PyResult, Signature, Style, Value};
use crate::vm::interp::Resumed;
use crate::vm::Vm;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Where a sleep is in its life.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    NotStarted,
    /// `sleep(0)` yielded once.
    Yielded,
    /// Waiting on the future.
    Waiting,
    Finished,
}

/// The timer that settles a sleep's future.
enum Timer {
    Native(Native<Handle>),
    /// What a loop subclass's `call_later` returned.
    Py(Value),
}

/// The awaitable `asyncio.sleep(delay, result)` returns.
pub struct SleepAw {
    class: Rc<Class>,
    delay: f64,
    result: Value,
    state: Cell<State>,
    fut: RefCell<Option<Native<Fut>>>,
    timer: RefCell<Option<Timer>>,
}

impl NativeObject for SleepAw {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn waiting_for(&self, _vm: &Vm) -> Option<String> {
        let delay = crate::fmt::float_repr::float_repr(self.delay);
        let when = match &*self.timer.borrow() {
            Some(Timer::Native(t)) => t.when(),
            _ => None,
        };
        Some(match when {
            Some(when) => format!("sleep({delay}), {:.1}s left", (when - now()).max(0.0)),
            None => format!("sleep({delay})"),
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    /// The result, the future it waits on and the timer that settles it.
    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.value(&self.result);
        if let Ok(Some(f)) = self.fut.try_borrow().as_deref() {
            visit.native(f);
        }
        match self.timer.try_borrow().as_deref() {
            Ok(Some(Timer::Native(t))) => visit.native(t),
            Ok(Some(Timer::Py(t))) => visit.value(t),
            _ => {}
        }
    }
    fn is_resumable(&self) -> bool {
        true
    }
    fn send(&self, vm: &Vm, _value: Value) -> PyResult<Resumed> {
        match self.state.get() {
            State::NotStarted if self.delay <= 0.0 || self.delay.is_nan() => {
                self.state.set(State::Yielded);
                Ok(Resumed::Yield(Value::None))
            }
            State::NotStarted => {
                let lp = get_running_loop_rc(vm)?;
                let fut = super::events::new_future(vm, &lp)?;
                *self.timer.borrow_mut() = Some(self.start_timer(vm, &lp, &fut)?);
                fut.blocking.set(true);
                let v = fut.value();
                *self.fut.borrow_mut() = Some(fut);
                self.state.set(State::Waiting);
                Ok(Resumed::Yield(v))
            }
            State::Yielded => {
                self.state.set(State::Finished);
                Ok(Resumed::Return(self.result.clone()))
            }
            State::Waiting => {
                self.state.set(State::Finished);
                self.cancel_timer(vm);
                let fut = self.fut.borrow_mut().take();
                match fut {
                    Some(f) if f.done() => f.result(vm).map(Resumed::Return),
                    _ => Err(vm.runtime_error("await wasn't used with future")),
                }
            }
            State::Finished => Err(vm.runtime_error("cannot reuse already awaited coroutine")),
        }
    }
}

impl Drop for SleepAw {
    fn drop(&mut self) {
        if self.state.get() == State::NotStarted {
            crate::objects::generator::note_never_awaited("sleep");
        }
    }
}

impl SleepAw {
    /// `loop.call_later(delay, _set_result_unless_cancelled, fut, result)`.
    fn start_timer(&self, vm: &Vm, lp: &Native<EventLoop>, fut: &Native<Fut>) -> PyResult<Timer> {
        if let Some(call_later) = lp.timer_hook(vm)? {
            let settle = crate::builtins::native_row(&(
                &SET_RESULT_UNLESS_CANCELLED,
                set_result_unless_cancelled as crate::objects::NativeFn,
            ));
            let handle = vm.call(
                &call_later,
                &[
                    Value::float(self.delay),
                    settle,
                    fut.value(),
                    self.result.clone(),
                ],
            )?;
            return Ok(Timer::Py(handle));
        }
        let target = fut.clone();
        let result = self.result.clone();
        let wake_up = Rc::new(move |vm: &Vm| {
            if !target.cancelled() {
                let _ = target.set_result(vm, result.clone());
            }
        });
        lp.call_at_handle(now() + self.delay, HandleCb::Native(wake_up))
            .map(Timer::Native)
            .ok_or_else(|| vm.runtime_error("Event loop is closed"))
    }

    fn cancel_timer(&self, vm: &Vm) {
        match self.timer.borrow_mut().take() {
            Some(Timer::Native(t)) => t.cancel(),
            Some(Timer::Py(t)) => {
                if let Err(e) = vm.call_method(&t, "cancel", &[]) {
                    vm.print_exception(&e);
                }
            }
            None => {}
        }
    }
}

/// `_set_result_unless_cancelled(fut, result)`: the callback a sleep hands
/// to a loop subclass's `call_later`, as CPython's `sleep` does.
static SET_RESULT_UNLESS_CANCELLED: Signature =
    Signature::new(Style::Python, "_set_result_unless_cancelled", "fut, result")
        .doc("Set the result of future `fut` unless it was cancelled.");

fn set_result_unless_cancelled(vm: &Vm, args: Args) -> PyResult {
    let ([fut, result], []) = SET_RESULT_UNLESS_CANCELLED.bind(vm, args)?;
    let cancelled = vm.call_method(fut, "cancelled", &[])?;
    if !vm.truthy(&cancelled)? {
        vm.call_method(fut, "set_result", &[result.clone()])?;
    }
    Ok(Value::None)
}

static SLEEP: Signature = Signature::new(Style::Python, "sleep", "delay, result=None").doc(
    "Suspend the awaiting task for `delay` seconds, then return `result`.\n\n\
     Other tasks run meanwhile. A delay of zero or less only lets the other\n\
     ready tasks take a turn before the task goes on.",
);

fn sleep(vm: &Vm, args: Args) -> PyResult {
    let ([delay], [result]) = SLEEP.bind(vm, args)?;
    let delay = crate::builtins::number::to_f64(vm, delay)?;
    let result = result.cloned().unwrap_or_default();
    let a = aio(vm);
    Ok(Value::native(SleepAw {
        class: a.sleep_class.clone(),
        delay,
        result,
        state: Cell::new(State::NotStarted),
        fut: RefCell::new(None),
        timer: RefCell::new(None),
    }))
}

fn sleep_this<'a>(vm: &Vm, args: &'a Args) -> PyResult<&'a SleepAw> {
    args.get(0)
        .and_then(|v| v.downcast_native::<SleepAw>())
        .ok_or_else(|| vm.type_error("expected a sleep awaitable"))
}

fn sleep_next(vm: &Vm, args: Args) -> PyResult {
    match sleep_this(vm, &args)?.send(vm, Value::None)? {
        Resumed::Yield(v) => Ok(v),
        Resumed::Return(v) => Err(vm.stop_iteration(v)),
    }
}

fn sleep_throw(vm: &Vm, args: Args) -> PyResult {
    let s = sleep_this(vm, &args)?;
    s.cancel_timer(vm);
    s.state.set(State::Finished);
    Err(crate::builtins::generator::throw_args_to_exception(
        vm,
        args.pos.get(1..).unwrap_or(&[]),
    )?)
}

fn sleep_close(vm: &Vm, args: Args) -> PyResult {
    let s = sleep_this(vm, &args)?;
    s.cancel_timer(vm);
    s.state.set(State::Finished);
    Ok(Value::None)
}

fn sleep_self(_vm: &Vm, args: Args) -> PyResult {
    Ok(args.get(0).cloned().unwrap_or_default())
}

fn sleep_repr(_vm: &Vm, args: Args) -> PyResult {
    Ok(Value::string(format!(
        "<coroutine object sleep at {:#x}>",
        args.get(0).map(|v| v.id()).unwrap_or(0)
    )))
}

pub fn install(a: &Aio, m: &crate::objects::Module) {
    crate::vm::types::add_methods(
        &a.sleep_class,
        "coroutine",
        &[
            ("__await__", sleep_self),
            ("__iter__", sleep_self),
            ("__next__", sleep_next),
            ("send", sleep_next),
            ("throw", sleep_throw),
            ("close", sleep_close),
            ("__repr__", sleep_repr),
        ],
    );
    super::add_functions(m, None, &[(&SLEEP, sleep)]);
}
