//! The awaitables of the native locks and queues.
//!
//! What CPython writes as `async def` methods (`Lock.acquire`,
//! `Event.wait`, `Queue.put`, `Queue.get`) are [`OpAw`] awaitables here:
//! `send` runs the method's code up to its next `await fut` (yielding the
//! future to the task) and on from there when resumed; `throw` runs its
//! `except`/`finally` clean-up, so a task cancelled while waiting leaves the
//! primitive as CPython would.

use super::futures::{FState, Fut};
use super::locks::{new_waiter, Event, Lock};
use super::queues::QueueRef;
use super::Aio;
use crate::objects::gc::Visitor;
use crate::objects::BoolWord;
use crate::objects::{Args, Class, Native, NativeObject, PyErr, PyResult, Value};
use crate::vm::interp::Resumed;
use crate::vm::Vm;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Which method an [`OpAw`] runs.
pub enum Op {
    /// `acquire()` (returns True) or `__aenter__` (returns None).
    LockAcquire(Native<Lock>, Value),
    EventWait(Native<Event>),
    QueuePut(QueueRef, Value),
    QueueGet(QueueRef),
    /// Returns a value without waiting.
    Ready(Value),
    /// `await other` (an awaitable's iterator), then returns the value: the
    /// `__aenter__` of a lock subclass that overrides `acquire`.
    Delegate(Value, Value),
}

/// A native coroutine-like awaitable for one `async def` method (see the module docs).
pub struct OpAw {
    class: Rc<Class>,
    op: Op,
    waiting: RefCell<Option<Native<Fut>>>,
    finished: Cell<bool>,
    started: Cell<bool>,
}

impl Drop for OpAw {
    fn drop(&mut self) {
        if self.started.get() {
            return;
        }
        let name = match &self.op {
            Op::LockAcquire(_, Value::None) | Op::Delegate(..) => "Lock.__aenter__",
            Op::LockAcquire(..) => "Lock.acquire",
            Op::EventWait(_) => "Event.wait",
            Op::QueuePut(..) => "Queue.put",
            Op::QueueGet(_) => "Queue.get",
            Op::Ready(_) => return,
        };
        crate::objects::generator::note_never_awaited(name);
    }
}

impl NativeObject for OpAw {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn waiting_for(&self, _vm: &Vm) -> Option<String> {
        Some(
            match &self.op {
                Op::LockAcquire(..) | Op::Delegate(..) => "Lock.acquire()",
                Op::EventWait(_) => "Event.wait()",
                Op::QueuePut(..) => "Queue.put() (the queue is full)",
                Op::QueueGet(_) => "Queue.get() (the queue is empty)",
                Op::Ready(_) => return None,
            }
            .to_string(),
        )
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    /// The primitive the method runs on, its values, and the future it
    /// waits on.
    fn traverse(&self, visit: &mut Visitor<'_>) {
        match &self.op {
            Op::LockAcquire(lock, v) => {
                visit.native(lock);
                visit.value(v);
            }
            Op::EventWait(event) => visit.native(event),
            Op::QueuePut(queue, item) => {
                visit.native(queue);
                visit.value(item);
            }
            Op::QueueGet(queue) => visit.native(queue),
            Op::Ready(v) => visit.value(v),
            Op::Delegate(inner, ret) => {
                visit.value(inner);
                visit.value(ret);
            }
        }
        if let Ok(Some(f)) = self.waiting.try_borrow().as_deref() {
            visit.native(f);
        }
    }
    fn is_resumable(&self) -> bool {
        true
    }
    fn send(&self, vm: &Vm, value: Value) -> PyResult<Resumed> {
        if self.finished.get() {
            return Err(vm.runtime_error("cannot reuse already awaited coroutine"));
        }
        self.started.set(true);
        let r = match &self.op {
            Op::Delegate(inner, ret) => match vm.send(inner, value)? {
                Resumed::Return(_) => Ok(Resumed::Return(ret.clone())),
                yielded => Ok(yielded),
            },
            _ => self.step(vm),
        };
        if !matches!(r, Ok(Resumed::Yield(_))) {
            self.finished.set(true);
        }
        r
    }
}

impl OpAw {
    pub fn make(a: &Aio, op: Op) -> Value {
        Value::native(OpAw {
            class: a.op_class.clone(),
            op,
            waiting: RefCell::new(None),
            finished: Cell::new(false),
            started: Cell::new(false),
        })
    }

    /// An awaitable that awaits `awaitable` and then returns `ret`.
    pub fn delegate(vm: &Vm, a: &Aio, awaitable: &Value, ret: Value) -> PyResult {
        let inner = vm.get_awaitable(awaitable, 0)?;
        Ok(OpAw::make(a, Op::Delegate(inner, ret)))
    }

    fn wait_on(&self, f: Native<Fut>) -> PyResult<Resumed> {
        f.blocking.set(true);
        let v = f.value();
        *self.waiting.borrow_mut() = Some(f);
        Ok(Resumed::Yield(v))
    }

    /// Runs the method from where it stopped to its next wait or its end.
    fn step(&self, vm: &Vm) -> PyResult<Resumed> {
        let resumed = self.waiting.borrow_mut().take();
        if let Some(f) = &resumed {
            if !f.done() {
                return Err(vm.runtime_error("await wasn't used with future"));
            }
        }
        match &self.op {
            Op::Ready(v) => Ok(Resumed::Return(v.clone())),
            Op::Delegate(..) => Err(vm.runtime_error("a delegating awaitable has no steps")),
            Op::LockAcquire(lock, ret) => {
                if let Some(f) = resumed {
                    lock.waiters.remove(&f);
                    lock.locked.set(true);
                    return Ok(Resumed::Return(ret.clone()));
                }
                if !lock.locked.get() && lock.waiters.all_cancelled() {
                    lock.locked.set(true);
                    return Ok(Resumed::Return(ret.clone()));
                }
                let f = new_waiter(vm)?;
                lock.waiters.push(f.clone());
                self.wait_on(f)
            }
            Op::EventWait(ev) => {
                if let Some(f) = resumed {
                    ev.waiters.remove(&f);
                    return Ok(Resumed::Return(Value::Bool(BoolWord::TRUE)));
                }
                if ev.value.get() {
                    return Ok(Resumed::Return(Value::Bool(BoolWord::TRUE)));
                }
                let f = new_waiter(vm)?;
                ev.waiters.push(f.clone());
                self.wait_on(f)
            }
            Op::QueuePut(q, item) => {
                let receiver = q.receiver();
                if q.full(vm, receiver.as_ref())? {
                    let f = new_waiter(vm)?;
                    q.putters.push(f.clone());
                    return self.wait_on(f);
                }
                q.put_nowait(vm, receiver.as_ref(), item.clone())?;
                Ok(Resumed::Return(Value::None))
            }
            Op::QueueGet(q) => {
                let receiver = q.receiver();
                if q.empty(vm, receiver.as_ref())? {
                    let f = new_waiter(vm)?;
                    q.getters.push(f.clone());
                    return self.wait_on(f);
                }
                q.get_nowait(vm, receiver.as_ref()).map(Resumed::Return)
            }
        }
    }

    /// The method's clean-up when an exception is thrown in at its `await`.
    fn throw(&self, vm: &Vm, exc: PyErr) -> PyResult<Resumed> {
        if let Op::Delegate(inner, ret) = &self.op {
            self.started.set(true);
            return match super::tasks::coro_resume(vm, inner, Some(exc)) {
                Ok(Resumed::Return(_)) => {
                    self.finished.set(true);
                    Ok(Resumed::Return(ret.clone()))
                }
                Ok(yielded) => Ok(yielded),
                Err(e) => {
                    self.finished.set(true);
                    Err(e)
                }
            };
        }
        self.finished.set(true);
        self.started.set(true);
        let Some(f) = self.waiting.borrow_mut().take() else {
            return Err(exc);
        };
        match &self.op {
            Op::LockAcquire(lock, _) => {
                lock.waiters.remove(&f);
                if vm.err_is(&exc, &super::aio(vm).cancelled_error) && !lock.locked.get() {
                    lock.waiters.wake_first(vm);
                }
            }
            Op::EventWait(ev) => {
                ev.waiters.remove(&f);
            }
            Op::QueuePut(q, _) => {
                f.cancel(vm, Value::None)?;
                q.putters.remove(&f);
                if !q.full(vm, q.receiver().as_ref())? && f.state.get() != FState::Cancelled {
                    q.putters.wake_next(vm);
                }
            }
            Op::QueueGet(q) => {
                f.cancel(vm, Value::None)?;
                q.getters.remove(&f);
                if !q.empty(vm, q.receiver().as_ref())? && f.state.get() != FState::Cancelled {
                    q.getters.wake_next(vm);
                }
            }
            Op::Ready(_) | Op::Delegate(..) => {}
        }
        Err(exc)
    }
}

fn op_this<'a>(vm: &Vm, args: &'a Args) -> PyResult<&'a OpAw> {
    args.get(0)
        .and_then(|v| v.downcast_native::<OpAw>())
        .ok_or_else(|| vm.type_error("expected an asyncio awaitable"))
}

fn op_next(vm: &Vm, args: Args) -> PyResult {
    let value = args.get(1).cloned().unwrap_or_default();
    match op_this(vm, &args)?.send(vm, value)? {
        Resumed::Yield(v) => Ok(v),
        Resumed::Return(v) => Err(vm.stop_iteration(v)),
    }
}

fn op_throw(vm: &Vm, args: Args) -> PyResult {
    let a = op_this(vm, &args)?;
    let exc =
        crate::builtins::generator::throw_args_to_exception(vm, args.pos.get(1..).unwrap_or(&[]))?;
    match a.throw(vm, exc)? {
        Resumed::Yield(v) => Ok(v),
        Resumed::Return(v) => Err(vm.stop_iteration(v)),
    }
}

fn op_close(vm: &Vm, args: Args) -> PyResult {
    let a = op_this(vm, &args)?;
    let exit = vm.new_exception(&vm.exc.generator_exit, vec![]);
    match a.throw(vm, exit) {
        Err(e) if !vm.err_is(&e, &vm.exc.generator_exit) => Err(e),
        _ => Ok(Value::None),
    }
}

fn op_self(_vm: &Vm, args: Args) -> PyResult {
    Ok(args.get(0).cloned().unwrap_or_default())
}

pub fn install(a: &Aio) {
    crate::vm::types::add_methods(
        &a.op_class,
        "coroutine",
        &[
            ("__await__", op_self),
            ("__iter__", op_self),
            ("__next__", op_next),
            ("send", op_next),
            ("throw", op_throw),
            ("close", op_close),
        ],
    );
}
