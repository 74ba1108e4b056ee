//! `asyncio.Task`, its driver, `sleep`, `current_task`, `all_tasks`,
//! `create_task` and `ensure_future`.
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

use super::events::{EventLoop, HandleCb};
use super::futures::{cancel_msg, this, Callback, FState, Fut};
use super::{aio, Aio};
use crate::objects::Native;
use crate::objects::{Args, Class, GenKind, NativeObject, PyErr, PyResult, Value};
use crate::vm::interp::Resumed;
use crate::vm::Vm;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

/// The task-only half of a [`Fut`].
pub struct TaskPart {
    pub coro: Value,
    pub name: RefCell<Value>,
    pub must_cancel: Cell<bool>,
    pub fut_waiter: RefCell<Option<Native<Fut>>>,
    pub num_cancels_requested: Cell<u32>,
    /// A step is owed: set by creation, wake-ups and bare yields.
    step_scheduled: Cell<bool>,
    /// An exception the next step throws in (bad yields).
    step_exc: RefCell<Option<PyErr>>,
    waker: RefCell<Option<Waker>>,
    /// When the task was created, for task listings (`towel.format_tasks`).
    pub created: std::time::Instant,
}

fn part(t: &Fut) -> Option<&TaskPart> {
    t.task.as_ref()
}

impl TaskPart {
    fn new(coro: Value, name: Value) -> TaskPart {
        TaskPart {
            coro,
            name: RefCell::new(name),
            must_cancel: Cell::new(false),
            fut_waiter: RefCell::new(None),
            num_cancels_requested: Cell::new(0),
            step_scheduled: Cell::new(true),
            step_exc: RefCell::new(None),
            waker: RefCell::new(None),
            created: towel_runtime::time::now(),
        }
    }
}

/// Wakes a task's driver: a step is owed.
pub fn wake(task: &Native<Fut>) {
    let Some(p) = part(task) else { return };
    p.step_scheduled.set(true);
    if let Some(w) = p.waker.borrow().as_ref() {
        w.wake_by_ref();
    }
}

/// Schedules a step that throws `exc` in.
fn schedule_throw(task: &Native<Fut>, exc: PyErr) {
    if let Some(p) = part(task) {
        *p.step_exc.borrow_mut() = Some(exc);
    }
    wake(task);
}

/// The executor task of one script task.
pub struct TaskDriver {
    task: Native<Fut>,
}

impl Future for TaskDriver {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let task = &self.task;
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
        step(vm, task);
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
fn coro_resume(vm: &Vm, coro: &Value, exc: Option<PyErr>) -> PyResult<Resumed> {
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

/// CPython's `Task.__step` (with `__wakeup`'s reading of the awaited future folded in).
fn step(vm: &Vm, task: &Native<Fut>) {
    let Some(p) = part(task) else { return };
    let mut exc = p.step_exc.borrow_mut().take();
    if let Some(w) = p.fut_waiter.borrow_mut().take() {
        if exc.is_none() && w.done() {
            if let Err(e) = w.result(vm) {
                exc = Some(e);
            }
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
    let r = coro_resume(vm, &p.coro, exc);
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
        Ok(Resumed::Yield(y)) => {
            match y.downcast_native::<Fut>() {
                Some(f) if f.blocking.get() => {
                    let f = f.rc();
                    if Rc::ptr_eq(&f, task) {
                        let msg = format!(
                            "Task cannot await on itself: {}",
                            task_repr(vm, task).unwrap_or_default()
                        );
                        schedule_throw(task, vm.runtime_error(msg));
                    } else {
                        f.blocking.set(false);
                        f.add_callback(vm, Callback::Wake(task.clone()));
                        *p.fut_waiter.borrow_mut() = Some(f.clone());
                        if p.must_cancel.get() {
                            let msg = task.cancel_message.borrow().clone();
                            if f.cancel(vm, msg) {
                                p.must_cancel.set(false);
                            }
                        }
                    }
                }
                Some(f) => {
                    let msg = format!(
                        "yield was used instead of yield from in task {} with {}",
                        task_repr(vm, task).unwrap_or_default(),
                        vm.repr(&f.value()).unwrap_or_default()
                    );
                    schedule_throw(task, vm.runtime_error(msg));
                }
                None if y.is_none() => wake(task),
                None => {
                    let msg = match &y {
                        Value::Generator(g) if g.kind == GenKind::Generator => {
                            format!("yield was used instead of yield from for generator in task {} with {}", task_repr(vm, task).unwrap_or_default(), vm.repr(&y).unwrap_or_default())
                        }
                        _ => format!("Task got bad yield: {}", vm.repr(&y).unwrap_or_default()),
                    };
                    schedule_throw(task, vm.runtime_error(msg));
                }
            }
        }
    }
}

/// `task.cancel(msg)`.
pub fn task_cancel(vm: &Vm, task: &Native<Fut>, msg: Value) -> bool {
    task.log_traceback.set(false);
    if task.done() {
        return false;
    }
    let Some(p) = part(task) else {
        return task.future_cancel(vm, msg);
    };
    p.num_cancels_requested
        .set(p.num_cancels_requested.get() + 1);
    let waiter = p.fut_waiter.borrow().clone();
    if let Some(w) = waiter {
        if w.cancel(vm, msg.clone()) {
            return true;
        }
    }
    p.must_cancel.set(true);
    *task.cancel_message.borrow_mut() = msg;
    true
}

pub fn is_coroutine(v: &Value) -> bool {
    match v {
        Value::Generator(g) => g.kind == GenKind::Coroutine || g.iterable_coroutine,
        other => {
            other.downcast_native::<SleepAw>().is_some()
                || other.downcast_native::<super::locks::OpAw>().is_some()
        }
    }
}

/// `loop.create_task(coro, name=...)`.
pub fn create_task(
    vm: &Vm,
    lp: &Native<EventLoop>,
    coro: Value,
    name: Value,
) -> PyResult<Native<Fut>> {
    lp.check_closed(vm)?;
    if !is_coroutine(&coro) {
        return Err(vm.type_error(format!("a coroutine was expected, got {}", vm.repr(&coro)?)));
    }
    Ok(spawn_task(vm, lp, coro, name))
}

pub(super) fn spawn_task(vm: &Vm, lp: &Native<EventLoop>, coro: Value, name: Value) -> Native<Fut> {
    let a = &lp.aio;
    let n = a.task_counter.get() + 1;
    a.task_counter.set(n);
    let name = match name {
        Value::None => Value::string(format!("Task-{n}")),
        Value::Str(_) => name,
        other => Value::string(vm.to_str(&other).unwrap_or_default()),
    };
    if let Value::Generator(g) = &coro {
        g.started.set(true);
    }
    let task = Fut::new(lp, a.task_class.clone(), Some(TaskPart::new(coro, name)));
    {
        let mut tasks = lp.tasks.borrow_mut();
        if tasks.len() > 64 && tasks.len().is_power_of_two() {
            tasks.retain(|t| t.upgrade().is_some_and(|t| !t.done()));
        }
        tasks.push(Rc::downgrade(&task));
    }
    towel_runtime::spawn(TaskDriver { task: task.clone() }).detach();
    task
}

/// `asyncio.ensure_future(obj, loop=...)`.
pub fn ensure_future(
    vm: &Vm,
    obj: &Value,
    lp: Option<&Native<EventLoop>>,
) -> PyResult<Native<Fut>> {
    if let Some(f) = obj.downcast_native::<Fut>() {
        return Ok(f.rc());
    }
    let lp = match lp {
        Some(l) => l.clone(),
        None => super::events::get_event_loop_rc(vm)?,
    };
    if is_coroutine(obj) {
        return create_task(vm, &lp, obj.clone(), Value::None);
    }
    let class = vm.class_of(obj);
    if class
        .lookup(&crate::objects::Name::new("__await__"))
        .is_some()
    {
        let it = vm.get_awaitable(obj, 0)?;
        lp.check_closed(vm)?;
        return Ok(spawn_task(vm, &lp, it, Value::None));
    }
    Err(vm.type_error("An asyncio.Future, a coroutine or an awaitable is required"))
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
        other if other.downcast_native::<SleepAw>().is_some() => "sleep()".to_string(),
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
    info.push(format!("name={}", vm.repr(&p.name.borrow())?));
    info.push(format!("coro=<{}>", coro_repr(vm, &p.coro)));
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
    Ok(format!("<{} {}>", t.class.name, info.join(" ")))
}

// -- Task methods ------------------------------------------------------------------------

fn task_this(vm: &Vm, args: &Args) -> PyResult<Native<Fut>> {
    let t = this(vm, args.get(0))?;
    if t.task.is_none() {
        return Err(vm.type_error("descriptor requires an asyncio.Task object"));
    }
    Ok(t)
}

/// The task part of a value `task_this` accepted.
fn tp<'a>(vm: &Vm, t: &'a Fut) -> PyResult<&'a TaskPart> {
    part(t).ok_or_else(|| vm.type_error("descriptor requires an asyncio.Task object"))
}

fn task_new(vm: &Vm, args: Args) -> PyResult {
    let coro = args
        .get(1)
        .cloned()
        .ok_or_else(|| vm.type_error("Task() missing required argument 'coro'"))?;
    let lp = match args.kw("loop") {
        Some(v) if !v.is_none() => super::events::this_loop(vm, v)?,
        _ => super::events::get_event_loop_rc(vm)?,
    };
    if !is_coroutine(&coro) {
        return Err(vm.type_error(format!("a coroutine was expected, got {}", vm.repr(&coro)?)));
    }
    let name = args.kw("name").cloned().unwrap_or_default();
    Ok(spawn_task(vm, &lp, coro, name).value())
}

fn task_cancel_m(vm: &Vm, args: Args) -> PyResult {
    let t = task_this(vm, &args)?;
    Ok(Value::from_bool(task_cancel(vm, &t, cancel_msg(&args))))
}

fn task_get_name(vm: &Vm, args: Args) -> PyResult {
    let t = task_this(vm, &args)?;
    let n = tp(vm, &t)?.name.borrow().clone();
    Ok(n)
}

fn task_set_name(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "set_name", 2, 2)?;
    let t = task_this(vm, &args)?;
    let s = vm.to_str(&args.pos[1])?;
    *tp(vm, &t)?.name.borrow_mut() = Value::string(s);
    Ok(Value::None)
}

fn task_get_coro(vm: &Vm, args: Args) -> PyResult {
    let t = task_this(vm, &args)?;
    Ok(tp(vm, &t)?.coro.clone())
}

fn task_cancelling(vm: &Vm, args: Args) -> PyResult {
    let t = task_this(vm, &args)?;
    Ok(Value::Int(tp(vm, &t)?.num_cancels_requested.get() as i64))
}

fn task_uncancel(vm: &Vm, args: Args) -> PyResult {
    let t = task_this(vm, &args)?;
    let p = tp(vm, &t)?;
    let n = p.num_cancels_requested.get().saturating_sub(1);
    p.num_cancels_requested.set(n);
    Ok(Value::Int(n as i64))
}

fn task_get_stack(vm: &Vm, args: Args) -> PyResult {
    let _ = task_this(vm, &args)?;
    Ok(Value::list(vec![]))
}

fn current_task(vm: &Vm, args: Args) -> PyResult {
    let lp = match args.arg_or_kw(0, "loop") {
        Some(v) if !v.is_none() => super::events::this_loop(vm, v)?,
        _ => super::events::get_running_loop_rc(vm)?,
    };
    let t = lp.current_task.borrow().clone();
    Ok(t.map(|t| t.value()).unwrap_or_default())
}

fn all_tasks(vm: &Vm, args: Args) -> PyResult {
    let lp = match args.arg_or_kw(0, "loop") {
        Some(v) if !v.is_none() => super::events::this_loop(vm, v)?,
        _ => super::events::get_running_loop_rc(vm)?,
    };
    let items: Vec<Value> = lp
        .tasks
        .borrow()
        .iter()
        .filter_map(|t| t.upgrade())
        .filter(|t| !t.done())
        .map(|t| t.value())
        .collect();
    vm.call(&Value::Class(vm.types.set.clone()), &[Value::list(items)])
}

/// `_all_tasks_ordered(loop)`: like `all_tasks`, as a list in creation order (for `asyncio.run`'s shutdown).
fn all_tasks_ordered(vm: &Vm, args: Args) -> PyResult {
    let lp = match args.get(0) {
        Some(v) if !v.is_none() => super::events::this_loop(vm, v)?,
        _ => super::events::get_running_loop_rc(vm)?,
    };
    let items: Vec<Value> = lp
        .tasks
        .borrow()
        .iter()
        .filter_map(|t| t.upgrade())
        .filter(|t| !t.done())
        .map(|t| t.value())
        .collect();
    Ok(Value::list(items))
}

fn create_task_fn(vm: &Vm, args: Args) -> PyResult {
    args.check_pos(vm, "create_task", 1, 1)?;
    let lp = super::events::get_running_loop_rc(vm)?;
    let name = args.kw("name").cloned().unwrap_or_default();
    Ok(create_task(vm, &lp, args.pos[0].clone(), name)?.value())
}

fn ensure_future_fn(vm: &Vm, args: Args) -> PyResult {
    args.check_pos(vm, "ensure_future", 1, 1)?;
    let lp = match args.kw("loop") {
        Some(v) if !v.is_none() => Some(super::events::this_loop(vm, v)?),
        _ => None,
    };
    Ok(ensure_future(vm, &args.pos[0], lp.as_ref())?.value())
}

fn iscoroutine_fn(_vm: &Vm, args: Args) -> PyResult {
    Ok(Value::from_bool(args.get(0).is_some_and(is_coroutine)))
}

fn isfuture_fn(_vm: &Vm, args: Args) -> PyResult {
    Ok(Value::from_bool(
        args.get(0)
            .is_some_and(|v| v.downcast_native::<Fut>().is_some()),
    ))
}

// -- sleep ---------------------------------------------------------------------------------

/// The awaitable `asyncio.sleep(delay, result)` returns; it is its own iterator.
pub struct SleepAw {
    class: Rc<Class>,
    delay: f64,
    result: Value,
    /// 0: not started; 1: yielded once (sleep(0)); 2: waiting on `fut`; 3: finished.
    state: Cell<u8>,
    fut: RefCell<Option<Native<Fut>>>,
    timer: RefCell<Option<Native<super::events::Handle>>>,
}

impl NativeObject for SleepAw {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn waiting_for(&self, _vm: &Vm) -> Option<String> {
        let delay = crate::fmt::float_repr::float_repr(self.delay);
        let when = self.timer.borrow().as_ref().and_then(|t| t.when());
        Some(match when {
            Some(when) => format!(
                "sleep({delay}), {:.1}s left",
                (when - super::events::now()).max(0.0)
            ),
            None => format!("sleep({delay})"),
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn is_resumable(&self) -> bool {
        true
    }
    fn send(&self, vm: &Vm, _value: Value) -> PyResult<Resumed> {
        match self.state.get() {
            0 if self.delay <= 0.0 || self.delay.is_nan() => {
                self.state.set(1);
                Ok(Resumed::Yield(Value::None))
            }
            0 => {
                let lp = super::events::get_running_loop_rc(vm)?;
                let fut = Fut::new(&lp, lp.aio.future_class.clone(), None);
                let target = fut.clone();
                let result = self.result.clone();
                let timer = lp.call_at_handle(
                    super::events::now() + self.delay,
                    HandleCb::Native(Box::new(move |vm| {
                        if !target.cancelled() {
                            let _ = target.set_result(vm, result.clone());
                        }
                    })),
                );
                *self.timer.borrow_mut() = timer;
                fut.blocking.set(true);
                let v = fut.value();
                *self.fut.borrow_mut() = Some(fut);
                self.state.set(2);
                Ok(Resumed::Yield(v))
            }
            1 => {
                self.state.set(3);
                Ok(Resumed::Return(self.result.clone()))
            }
            2 => {
                self.state.set(3);
                self.cancel_timer();
                let fut = self.fut.borrow_mut().take();
                match fut {
                    Some(f) if f.done() => f.result(vm).map(Resumed::Return),
                    _ => Err(vm.runtime_error("await wasn't used with future")),
                }
            }
            _ => Err(vm.runtime_error("cannot reuse already awaited coroutine")),
        }
    }
}

impl Drop for SleepAw {
    fn drop(&mut self) {
        if self.state.get() == 0 {
            crate::objects::generator::note_never_awaited("sleep");
        }
    }
}

impl SleepAw {
    fn cancel_timer(&self) {
        if let Some(t) = self.timer.borrow_mut().take() {
            t.cancel();
        }
    }
}

fn sleep(vm: &Vm, args: Args) -> PyResult {
    args.check_pos(vm, "sleep", 1, 2)?;
    let delay = crate::builtins::number::to_f64(vm, &args.pos[0])?;
    let result = args.arg_or_kw(1, "result").cloned().unwrap_or_default();
    let a = aio(vm);
    Ok(Value::native(SleepAw {
        class: a.sleep_class.clone(),
        delay,
        result,
        state: Cell::new(0),
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
    s.cancel_timer();
    s.state.set(3);
    Err(crate::builtins::generator::throw_args_to_exception(
        vm,
        args.pos.get(1..).unwrap_or(&[]),
    )?)
}

fn sleep_close(vm: &Vm, args: Args) -> PyResult {
    let s = sleep_this(vm, &args)?;
    s.cancel_timer();
    s.state.set(3);
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

pub fn install(_vm: &Vm, a: &Aio, m: &crate::objects::Module) {
    use crate::vm::types::add_methods;
    add_methods(
        &a.task_class,
        "Task",
        &[
            ("__new__", task_new),
            ("cancel", task_cancel_m),
            ("get_name", task_get_name),
            ("set_name", task_set_name),
            ("get_coro", task_get_coro),
            ("cancelling", task_cancelling),
            ("uncancel", task_uncancel),
            ("get_stack", task_get_stack),
        ],
    );
    add_methods(
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
    for (name, f) in [
        ("sleep", sleep as crate::objects::NativeFn),
        ("current_task", current_task),
        ("all_tasks", all_tasks),
        ("_all_tasks_ordered", all_tasks_ordered),
        ("create_task", create_task_fn),
        ("ensure_future", ensure_future_fn),
        ("iscoroutine", iscoroutine_fn),
        ("isfuture", isfuture_fn),
    ] {
        crate::stdlib::set(m, name, crate::builtins::native(name, f));
    }
}
