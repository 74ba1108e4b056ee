//! `asyncio.Task`: its state beside the future's, its driver and its step.
//! The Python-visible methods and the module's task functions are in
//! `task_api.rs`.
//!
//! # How the task driver works
//! Each script task is one executor task: a [`TaskDriver`] future spawned on
//! the runtime's `LocalExecutor` when the task is created, so its first step
//! runs after everything already queued (CPython's `call_soon(__step)`).
//!
//! Each `poll` that has a step owed performs CPython's `Task.__step`: it
//! resumes the coroutine with `send(None)`, or throws into it the exception
//! it is owed (the awaited future's exception, or `CancelledError` when the
//! task was cancelled). What comes up through the coroutine's `await` chain
//! tells the driver how to wait:
//! - an `asyncio` future (`Future.__await__` yields the future itself): the
//!   driver registers a [`Callback::Wake`] on it and returns `Pending`. When
//!   the future completes, its callbacks are scheduled in order; the wake-up
//!   re-queues this executor task, exactly where CPython would have queued
//!   `Task.__wakeup`;
//! - `None` (a bare `yield`, as in `sleep(0)`): the driver wakes itself and
//!   returns `Pending`, so it runs again after every task that is ready now;
//! - anything else: a `RuntimeError` is thrown in at the next step, as
//!   CPython does.
//!
//! A poll with no step owed (a stray wake-up) does nothing. Cancellation
//! follows CPython: `cancel()` cancels the future the task waits on (whose
//! completion wakes the task with `CancelledError`), or, if it waits on
//! nothing, marks the task so that its next step throws `CancelledError`;
//! `finally` blocks in the coroutine run as the exception unwinds.
//!
//! # Where Python code takes part
//! CPython's `__step` asks the awaited future for `add_done_callback`, and
//! schedules steps with `loop.call_soon`. Those are overridable, so when the
//! awaited future is an instance of a subclass that overrides
//! `add_done_callback`, or is a future-like object of Python's own (one with
//! `_asyncio_future_blocking`), the task hands it a wake-up callable
//! ([`wakeup_callable`]) that runs the step when called; and when the loop
//! is a subclass overriding `call_soon`, steps are scheduled through it with
//! the same kind of callable. Otherwise everything above stays native.

use super::aio;
use super::events::{now, EventLoop, Hook};
use super::face;
use super::futures::{Callback, FState, Fut};
use super::timeline;
use crate::objects::gc::Visitor;
use crate::objects::{
    Class, GenKind, Name, Native, NativeBox, NativeObject, PyErr, PyResult, Value,
};
use crate::stdlib::contextvars;
use crate::vm::interp::Resumed;
use crate::vm::Vm;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

/// The future a task waits on.
#[derive(Clone)]
pub enum Waiter {
    /// An asyncio future (of a subclass too), woken natively.
    Native(Native<Fut>),
    /// A future-like object of Python's own (or a subclass overriding
    /// `add_done_callback`), which calls the task's wake-up callable. Boxed
    /// to keep every task small.
    Py(Box<Value>),
}

impl Waiter {
    pub fn value(&self) -> Value {
        match self {
            Waiter::Native(f) => f.value(),
            Waiter::Py(v) => (**v).clone(),
        }
    }

    /// Visits the awaited future, for the task's `traverse`.
    pub fn traverse(&self, visit: &mut Visitor<'_>) {
        match self {
            Waiter::Native(f) => visit.native(f),
            Waiter::Py(v) => visit.value(v),
        }
    }

    /// `waiter.cancel(msg=msg)`, through a subclass's override.
    fn cancel(&self, vm: &Vm, msg: Value) -> PyResult<bool> {
        match self {
            Waiter::Native(f) => f.cancel(vm, msg),
            Waiter::Py(value) => {
                let cancel = vm.get_attr(value, &Name::new("cancel"))?;
                let r = vm.call_args(
                    &cancel,
                    crate::objects::Args::with_kw(&[], &[Value::str("msg")], &[msg]),
                )?;
                vm.truthy(&r)
            }
        }
    }
}

/// The task-only half of a [`Fut`].
pub struct TaskPart {
    /// The coroutine: set when the task is made, or by the `Task.__init__`
    /// of a subclass (see `task_api.rs`).
    pub coro: std::cell::OnceCell<Value>,
    /// The name as set (a str), or the number `n` of a default name
    /// `Task-n`, made into a str only when asked for ([`TaskPart::name`]):
    /// most tasks are never asked their name.
    pub name: RefCell<Value>,
    pub must_cancel: Cell<bool>,
    pub fut_waiter: RefCell<Option<Waiter>>,
    pub num_cancels_requested: Cell<u32>,
    /// A step is owed: set by creation, wake-ups and bare yields.
    step_scheduled: Cell<bool>,
    /// The task itself while a step is owed: what CPython's ready queue
    /// holds. The driver holds the task weakly, so a task waiting on a
    /// future lives only as long as that future (whose callbacks hold it),
    /// and one nobody can wake is collected ("Task was destroyed but it is
    /// pending!"). Never visited by the collector: a scheduled task is a
    /// root.
    queued: RefCell<Option<Native<Fut>>>,
    /// Whether the task was started ([`start_task`]).
    pub launched: Cell<bool>,
    /// Whether the first step has run.
    pub started: Cell<bool>,
    /// An exception the next step throws in (bad yields).
    step_exc: RefCell<Option<PyErr>>,
    waker: RefCell<Option<Waker>>,
    /// When the task was created, for task listings (`towel.format_tasks`).
    pub created: std::time::Instant,
    /// The `contextvars` context each step runs in (see
    /// `contextvars::context_for_task`; None: none made yet).
    pub(crate) context: RefCell<Option<contextvars::Current>>,
}

pub fn part(t: &Fut) -> Option<&TaskPart> {
    t.task.as_ref()
}

impl TaskPart {
    fn new(coro: Option<Value>, name: Value, first_step_owed: bool) -> TaskPart {
        TaskPart {
            coro: coro.map(std::cell::OnceCell::from).unwrap_or_default(),
            name: RefCell::new(name),
            must_cancel: Cell::new(false),
            fut_waiter: RefCell::new(None),
            num_cancels_requested: Cell::new(0),
            step_scheduled: Cell::new(first_step_owed),
            queued: RefCell::new(None),
            launched: Cell::new(false),
            started: Cell::new(false),
            step_exc: RefCell::new(None),
            waker: RefCell::new(None),
            created: towel_runtime::time::now(),
            context: RefCell::new(None),
        }
    }
}

impl TaskPart {
    /// The task's name, as `get_name()` returns it.
    pub fn name(&self) -> Value {
        match &*self.name.borrow() {
            Value::Int(n) => Value::string(format!("Task-{n}")),
            name => name.clone(),
        }
    }
}

/// Schedules a step of `task` after a bare `yield` or a bad one (CPython's
/// `call_soon(self.__step)`): wakes its driver, or, when the loop is a
/// subclass overriding `call_soon`, calls that with the step.
pub fn schedule_step(task: &Native<Fut>) {
    schedule(task, "TaskStepMethWrapper", None);
}

/// Wakes `task`, which waited on `fut`, now done (CPython's
/// `Task.__wakeup`, a done callback of `fut`).
pub fn wake(task: &Native<Fut>, fut: &Native<Fut>) {
    schedule(task, "Task.task_wakeup", Some(fut));
}

#[inline]
fn schedule(task: &Native<Fut>, what: &'static str, fut: Option<&Native<Fut>>) {
    let Some(p) = part(task) else { return };
    if task.lp.hooks.get() & Hook::CallSoon as u8 != 0 && schedule_through_hook(task, what, fut) {
        return;
    }
    if fut.is_some() && timeline::on() {
        timeline::woken(task);
    }
    p.step_scheduled.set(true);
    *p.queued.borrow_mut() = Some(task.clone());
    wake_driver(p);
}

/// Schedules the step through the loop subclass's `call_soon`; false if
/// the loop is not running (the driver is woken instead).
#[inline(never)]
fn schedule_through_hook(
    task: &Native<Fut>,
    what: &'static str,
    fut: Option<&Native<Fut>>,
) -> bool {
    let Some(vm) = task.lp.running_vm() else {
        return false;
    };
    let args = fut.map(|f| vec![f.value()]).unwrap_or_default();
    task.lp.call_soon_py(vm, step_callable(task, what), args);
    true
}

fn wake_driver(p: &TaskPart) {
    if let Some(w) = p.waker.borrow().as_ref() {
        w.wake_by_ref();
    }
}

/// A callable that runs a step of its task when called (with the awaited
/// future, or nothing): what a Python-level `add_done_callback` or
/// `call_soon` receives, CPython's `Task.__wakeup` / `Task.__step`. Like
/// CPython's bound method it holds the task, and shows it to the collector
/// (a task waiting on a Python future is held by that future's callbacks).
pub struct TaskStep {
    class: Rc<Class>,
    task: Native<Fut>,
    /// The name CPython's object shows in reprs.
    what: &'static str,
}

impl NativeObject for TaskStep {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.native(&self.task);
    }
    fn get_attr(&self, _vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        match name {
            "__qualname__" | "__name__" => Some(Ok(Value::str(self.what))),
            _ => None,
        }
    }
}

/// `TaskStep.__call__`: runs the step.
fn task_step_call(vm: &Vm, args: crate::objects::Args) -> PyResult {
    if let Some(s) = args.get(0).and_then(|v| v.downcast_native::<TaskStep>()) {
        step_now(vm, &s.task);
    }
    Ok(Value::None)
}

/// Gives the step class its `__call__`.
pub fn install(a: &super::Aio) {
    crate::vm::types::add_methods(
        &a.task_step_class,
        "TaskStep",
        &[("__call__", task_step_call)],
    );
}

fn step_callable(task: &Native<Fut>, what: &'static str) -> Value {
    Value::native(TaskStep {
        class: task.lp.aio.task_step_class.clone(),
        task: task.clone(),
        what,
    })
}

/// The callable a future's Python-level `add_done_callback` gets.
fn wakeup_callable(task: &Native<Fut>) -> Value {
    step_callable(task, "Task.task_wakeup")
}

/// Runs a step right away (from a wake-up callable), then lets the driver
/// finish if the task is done.
fn step_now(vm: &Vm, task: &Native<Fut>) {
    let Some(p) = part(task) else { return };
    if task.done() {
        return;
    }
    p.step_scheduled.set(false);
    step(vm, task);
    if task.done() {
        wake_driver(p);
    }
}

/// Schedules a step that throws `exc` in.
fn schedule_throw(task: &Native<Fut>, exc: PyErr) {
    if let Some(p) = part(task) {
        *p.step_exc.borrow_mut() = Some(exc);
    }
    schedule_step(task);
}

/// The executor task of one script task.
pub struct TaskDriver {
    task: std::rc::Weak<NativeBox<Fut>>,
}

impl Future for TaskDriver {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let Some(task) = self.task.upgrade() else {
            return Poll::Ready(());
        };
        let task = &task;
        if task.done() {
            return Poll::Ready(());
        }
        let Some(vm) = task.lp.enter(cx.waker()) else {
            return Poll::Pending;
        };
        let Some(p) = part(task) else {
            return Poll::Ready(());
        };
        {
            let mut w = p.waker.borrow_mut();
            match &*w {
                Some(old) if old.will_wake(cx.waker()) => {}
                _ => *w = Some(cx.waker().clone()),
            }
        }
        if !p.step_scheduled.replace(false) {
            return Poll::Pending;
        }
        let queued = p.queued.borrow_mut().take();
        step(vm, task);
        drop(queued);
        if task.done() {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    }
}

fn is_cancelled_error(vm: &Vm, e: &PyErr) -> bool {
    vm.err_is(e, &aio(vm).cancelled_error)
}

/// Resumes (or throws into) a task's coroutine.
#[inline(always)]
pub fn coro_resume(vm: &Vm, coro: &Value, exc: Option<PyErr>) -> PyResult<Resumed> {
    match (coro, exc) {
        (Value::Generator(g), None) => vm.resume_generator(g, Value::None),
        (Value::Generator(g), Some(e)) => vm.throw_generator(g, e),
        (other, None) => vm.send(other, Value::None),
        (other, Some(e)) => match vm.get_attr_opt(other, &crate::objects::Name::new("throw"))? {
            Some(throw) => match vm.call(&throw, &[e.value()]) {
                Ok(y) => Ok(Resumed::Yield(y)),
                Err(e) if vm.err_is(&e, &vm.exc.stop_iteration) => Ok(Resumed::Return(
                    e.exc().args.first().cloned().unwrap_or_default(),
                )),
                Err(e) => Err(e),
            },
            None => Err(e),
        },
    }
}

/// The exception the awaited future ended with, read as `__wakeup` does.
fn waiter_outcome(vm: &Vm, w: &Waiter) -> Option<PyErr> {
    match w {
        Waiter::Native(f) if f.done() => f.result(vm).err(),
        Waiter::Native(_) => None,
        Waiter::Py(v) => vm.call_method(v, "result", &[]).err(),
    }
}

/// CPython's `Task.__step` (with `__wakeup`'s reading of the awaited
/// future folded in), timed in debug mode (see `debug.rs`).
#[inline(always)]
fn step(vm: &Vm, task: &Native<Fut>) {
    if task.lp.debug.get() | timeline::on() {
        return step_observed(vm, task);
    }
    step_untimed(vm, task);
}

/// A step in debug mode or while a timeline is recorded.
#[inline(never)]
fn step_observed(vm: &Vm, task: &Native<Fut>) {
    let recording = timeline::on();
    if recording {
        timeline::step_started(task);
    }
    if task.lp.debug.get() {
        step_timed(vm, task);
    } else {
        step_untimed(vm, task);
    }
    if recording {
        timeline::step_ended(vm, task);
    }
}

#[inline(never)]
fn step_timed(vm: &Vm, task: &Native<Fut>) {
    let start = now();
    step_untimed(vm, task);
    let limit = task.lp.slow_callback_duration.get();
    super::debug::check_slow(vm, limit, now() - start, || {
        vm.repr(&task.value()).unwrap_or_default()
    });
}

// Inlined into the driver's poll: this is the hot path of every task switch.
#[inline(always)]
fn step_untimed(vm: &Vm, task: &Native<Fut>) {
    let Some(p) = part(task) else { return };
    p.started.set(true);
    let mut exc = p.step_exc.borrow_mut().take();
    if let Some(w) = p.fut_waiter.borrow_mut().take() {
        if exc.is_none() {
            exc = waiter_outcome(vm, &w);
        }
    }
    if p.must_cancel.get() {
        if !matches!(&exc, Some(e) if is_cancelled_error(vm, e)) {
            exc = Some(task.make_cancelled_error(vm));
        }
        p.must_cancel.set(false);
    }
    let lp = &task.lp;
    let prev = lp.current_task.borrow_mut().replace(task.clone());
    let outer = contextvars::swap_current(p.context.borrow_mut().take());
    let r = match p.coro.get() {
        Some(coro) => coro_resume(vm, coro, exc),
        None => Err(vm.runtime_error("Task has no coroutine (Task.__init__ was not called)")),
    };
    *p.context.borrow_mut() = contextvars::swap_current(outer);
    *lp.current_task.borrow_mut() = prev;
    match r {
        Ok(Resumed::Return(v)) => {
            if p.must_cancel.get() {
                p.must_cancel.set(false);
                let msg = task.cancel_message.borrow().clone();
                task.future_cancel(vm, msg);
            } else {
                let _ = task.set_result(vm, v);
            }
        }
        Err(e) if is_cancelled_error(vm, &e) => {
            *task.cancelled_exc.borrow_mut() = Some(e);
            task.future_cancel(vm, Value::None);
        }
        Err(e) => {
            let fatal =
                vm.err_is(&e, &vm.exc.keyboard_interrupt) || vm.err_is(&e, &vm.exc.system_exit);
            let _ = task.set_exception(vm, e.clone());
            if fatal {
                task.log_traceback.set(false);
                *lp.fatal.borrow_mut() = Some(e);
            }
        }
        // A bare `yield` (`sleep(0)`): run again after what is ready now.
        Ok(Resumed::Yield(y)) if y.is_none() => schedule_step(task),
        Ok(Resumed::Yield(y)) => {
            if let Err(e) = wait_for_yielded(vm, task, p, y) {
                schedule_throw(task, e);
            }
        }
    }
}

/// What a task does with the value its coroutine yielded: wait on a future,
/// run again after a bare `yield`, or fail (the error is thrown in at the
/// next step).
fn wait_for_yielded(vm: &Vm, task: &Native<Fut>, p: &TaskPart, y: Value) -> PyResult<()> {
    if let Some(f) = face::receiver::<Fut>(&y) {
        let f = f.rc();
        if !f.blocking.get() {
            return Err(bad_yield_of_future(vm, task, &y));
        }
        if Rc::ptr_eq(&f, task) {
            return Err(vm.runtime_error(format!(
                "Task cannot await on itself: {}",
                task_repr(vm, task).unwrap_or_default()
            )));
        }
        if !Rc::ptr_eq(&f.lp, &task.lp) {
            return Err(other_loop(vm, task, &y));
        }
        f.blocking.set(false);
        let overrides = matches!(&y, Value::Instance(i) if face::overrides(&i.class, &aio(vm).future_class, "add_done_callback"));
        if overrides {
            vm.call_method(&y, "add_done_callback", &[wakeup_callable(task)])?;
            *p.fut_waiter.borrow_mut() = Some(Waiter::Py(Box::new(y)));
        } else {
            f.add_callback(vm, Callback::Wake(task.clone()));
            *p.fut_waiter.borrow_mut() = Some(Waiter::Native(f));
        }
        if p.must_cancel.get() {
            cancel_waiter(vm, task, p)?;
        }
        return Ok(());
    }
    if y.is_none() {
        schedule_step(task);
        return Ok(());
    }
    // A future-like object of Python's own: `_asyncio_future_blocking` says
    // it is one, as for CPython's `isfuture`.
    let blocking = match &y {
        Value::Instance(_) => vm.get_attr_opt(&y, &Name::new("_asyncio_future_blocking"))?,
        _ => None,
    };
    match blocking {
        Some(b) if !b.is_none() => {
            if !vm.truthy(&b)? {
                return Err(bad_yield_of_future(vm, task, &y));
            }
            let its_loop = vm.call_method(&y, "get_loop", &[])?;
            if !its_loop.is(&task.lp.value()) {
                return Err(other_loop(vm, task, &y));
            }
            vm.set_attr(
                &y,
                &Name::new("_asyncio_future_blocking"),
                Value::from_bool(false),
            )?;
            vm.call_method(&y, "add_done_callback", &[wakeup_callable(task)])?;
            *p.fut_waiter.borrow_mut() = Some(Waiter::Py(Box::new(y)));
            if p.must_cancel.get() {
                cancel_waiter(vm, task, p)?;
            }
            Ok(())
        }
        _ => {
            let task_text = task_repr(vm, task).unwrap_or_default();
            let what = vm.repr(&y).unwrap_or_default();
            Err(vm.runtime_error(match &y {
                Value::Generator(g) if g.kind == GenKind::Generator => format!(
                    "yield was used instead of yield from for generator in task {task_text} with {what}"
                ),
                _ => format!("Task got bad yield: {what}"),
            }))
        }
    }
}

/// A `cancel()` that came while the task was running is passed on to the
/// future it now waits on.
fn cancel_waiter(vm: &Vm, task: &Native<Fut>, p: &TaskPart) -> PyResult<()> {
    let msg = task.cancel_message.borrow().clone();
    let waiter = p.fut_waiter.borrow().clone();
    if let Some(w) = waiter {
        if w.cancel(vm, msg)? {
            p.must_cancel.set(false);
        }
    }
    Ok(())
}

fn bad_yield_of_future(vm: &Vm, task: &Native<Fut>, y: &Value) -> PyErr {
    vm.runtime_error(format!(
        "yield was used instead of yield from in task {} with {}",
        task_repr(vm, task).unwrap_or_default(),
        vm.repr(y).unwrap_or_default()
    ))
}

fn other_loop(vm: &Vm, task: &Native<Fut>, y: &Value) -> PyErr {
    vm.runtime_error(format!(
        "Task {} got Future {} attached to a different loop",
        task_repr(vm, task).unwrap_or_default(),
        vm.repr(y).unwrap_or_default()
    ))
}

/// `task.cancel(msg)`.
pub fn task_cancel(vm: &Vm, task: &Native<Fut>, msg: Value) -> PyResult<bool> {
    task.log_traceback.set(false);
    if task.done() {
        return Ok(false);
    }
    let Some(p) = part(task) else {
        return Ok(task.future_cancel(vm, msg));
    };
    p.num_cancels_requested
        .set(p.num_cancels_requested.get() + 1);
    let waiter = p.fut_waiter.borrow().clone();
    if let Some(w) = waiter {
        if w.cancel(vm, msg.clone())? {
            return Ok(true);
        }
    }
    p.must_cancel.set(true);
    *task.cancel_message.borrow_mut() = msg;
    Ok(true)
}

/// Whether asyncio accepts `v` as a coroutine (CPython 3.11's
/// `asyncio.iscoroutine` for native objects: coroutines and generators).
pub fn is_coroutine(v: &Value) -> bool {
    match v {
        Value::Generator(g) => g.kind != GenKind::AsyncGenerator,
        other => {
            other.downcast_native::<super::sleep::SleepAw>().is_some()
                || other.downcast_native::<super::ops::OpAw>().is_some()
        }
    }
}

/// A new task running `coro` on `lp`, started (its first step queued) and
/// listed among the loop's tasks; `name` None means `Task-N`.
pub fn spawn_task(vm: &Vm, lp: &Native<EventLoop>, coro: Value, name: Value) -> Native<Fut> {
    let task = new_task(lp, Some(coro));
    start_task(vm, &task, name);
    task
}

/// Makes `task` run in `context` (`create_task(..., context=ctx)`); a value
/// that is not a task is left alone (a task factory's own future).
pub fn set_task_context(task: &Value, context: Value) {
    if let Some(fut) = face::receiver::<Fut>(task) {
        if let Some(p) = part(fut) {
            *p.context.borrow_mut() = Some(contextvars::Current::Object(context));
        }
    }
}

/// A task for `coro` on `lp` that does nothing until [`start_task`] (what a
/// subclass's `__new__` makes, for its `__init__` to start).
pub fn new_task(lp: &Native<EventLoop>, coro: Option<Value>) -> Native<Fut> {
    Fut::new(
        lp,
        lp.aio.task_class.clone(),
        Some(TaskPart::new(coro, Value::None, false)),
    )
}

/// Names a new task, lists it among its loop's tasks and queues its first
/// step (CPython's `Task.__init__`).
pub fn start_task(vm: &Vm, task: &Native<Fut>, name: Value) {
    let Some(p) = part(task) else { return };
    if p.launched.replace(true) {
        return;
    }
    *p.context.borrow_mut() = contextvars::context_for_task();
    let lp = &task.lp;
    let a = &lp.aio;
    *p.name.borrow_mut() = match name {
        Value::None => {
            let n = a.task_counter.get() + 1;
            a.task_counter.set(n);
            Value::Int(n as i64)
        }
        Value::Str(_) => name,
        other => Value::string(vm.to_str(&other).unwrap_or_default()),
    };
    if let Some(Value::Generator(g)) = p.coro.get() {
        g.started.set(true);
    }
    {
        let mut tasks = lp.tasks.borrow_mut();
        if tasks.len() > 64 && tasks.len().is_power_of_two() {
            tasks.retain(|t| t.upgrade().is_some_and(|t| !t.done()));
        }
        tasks.push(Rc::downgrade(task));
    }
    if timeline::on() {
        timeline::task_created(vm, task);
    }
    let call_soon_hook = lp.hooks.get() & Hook::CallSoon as u8 != 0;
    p.step_scheduled.set(!call_soon_hook);
    if !call_soon_hook {
        *p.queued.borrow_mut() = Some(task.clone());
    }
    towel_runtime::spawn(TaskDriver {
        task: Rc::downgrade(task),
    })
    .detach();
    if call_soon_hook {
        lp.call_soon_py(vm, step_callable(task, "TaskStepMethWrapper"), vec![]);
    }
}

/// How a finished task's coroutine shows in its repr, without the VM.
pub fn done_coro_repr(coro: &Value) -> String {
    match coro {
        Value::Generator(g) => format!(
            "{}() done, defined at {}:{}",
            g.qualname.borrow(),
            g.code.co.filename,
            g.code.co.firstlineno
        ),
        _ => "coroutine".to_string(),
    }
}

// -- repr ------------------------------------------------------------------------------

fn coro_repr(vm: &Vm, coro: &Value) -> String {
    match coro {
        Value::Generator(g) => {
            let name = g.qualname.borrow().clone();
            let file = g.code.co.filename.clone();
            match g.state.get() {
                crate::objects::GenState::Closed => {
                    format!("{name}() done, defined at {file}:{}", g.code.co.firstlineno)
                }
                crate::objects::GenState::Created => {
                    format!("{name}() running at {file}:{}", g.code.co.firstlineno)
                }
                _ => {
                    let line = g
                        .frame
                        .borrow()
                        .as_ref()
                        .map(|f| f.current_line())
                        .unwrap_or(g.code.co.firstlineno);
                    format!("{name}() running at {file}:{line}")
                }
            }
        }
        other if other.downcast_native::<super::sleep::SleepAw>().is_some() => {
            "sleep()".to_string()
        }
        other => vm.repr(other).unwrap_or_default(),
    }
}

/// `repr(task)`: `<Task finished name='Task-2' coro=<f() done, defined at x.py:5> result=1>`.
pub fn task_repr(vm: &Vm, t: &Fut) -> PyResult<String> {
    let Some(p) = part(t) else {
        return super::futures::future_repr(vm, t);
    };
    let mut info = vec![match t.state.get() {
        FState::Pending if p.num_cancels_requested.get() > 0 => "cancelling".to_string(),
        FState::Pending => "pending".to_string(),
        FState::Cancelled => "cancelled".to_string(),
        FState::Finished => "finished".to_string(),
    }];
    info.push(format!("name={}", vm.repr(&p.name())?));
    if let Some(coro) = p.coro.get() {
        info.push(format!("coro=<{}>", coro_repr(vm, coro)));
    }
    if let Some(w) = p.fut_waiter.borrow().as_ref() {
        info.push(format!("wait_for={}", vm.repr(&w.value())?));
    }
    if t.state.get() == FState::Finished {
        match t.exception_ref() {
            Some(e) => info.push(format!("exception={}", vm.repr(&e.value())?)),
            None => info.push(format!(
                "result={}",
                super::futures::short_repr(vm, &t.result_ref())?
            )),
        }
    }
    let cbs = t.callback_reprs(vm);
    if !cbs.is_empty() {
        info.push(format!("cb=[{}]", cbs.join(", ")));
    }
    Ok(format!(
        "<{} {}{}>",
        t.type_name(),
        info.join(" "),
        t.source.suffix()
    ))
}
