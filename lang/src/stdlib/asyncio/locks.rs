//! Native `asyncio.Lock`, `asyncio.Event` and the queues
//! (`Queue`, `LifoQueue`, `PriorityQueue`), the synchronisation primitives
//! on the hot path of most programs.
//!
//! They follow CPython's `locks.py`/`queues.py` step for step: waiters are
//! futures in FIFO lists, woken by `set_result`, so wake-ups go through the
//! loop's queue exactly as in CPython. What CPython writes as `async def`
//! methods are [`OpAw`] awaitables here: `send` runs the method's code up to
//! its next `await fut` (yielding the future to the task) and on from there
//! when resumed; `throw` runs its `except`/`finally` clean-up, so a task
//! cancelled while waiting leaves the primitive as CPython would.

use super::futures::{FState, Fut};
use super::{aio, Aio};
use crate::objects::BoolWord;
use crate::objects::{Args, Class, NativeObject, PyErr, PyResult, Value};
use crate::objects::{Native, NativeBox};
use crate::vm::interp::Resumed;
use crate::vm::Vm;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

fn new_waiter(vm: &Vm) -> PyResult<Native<Fut>> {
    let lp = super::events::get_running_loop_rc(vm)?;
    Ok(Fut::new(&lp, lp.aio.future_class.clone(), None))
}

/// The futures of the coroutines waiting on a lock, an event or one side of
/// a queue, in arrival order (CPython's `_waiters`, `_getters`, `_putters`).
#[derive(Default)]
struct Waiters(RefCell<VecDeque<Native<Fut>>>);

impl Waiters {
    fn push(&self, f: Native<Fut>) {
        self.0.borrow_mut().push_back(f);
    }

    /// Removes `f` (a waiter that was cancelled or has been served).
    fn remove(&self, f: &Native<Fut>) {
        let mut l = self.0.borrow_mut();
        if let Some(i) = l.iter().position(|x| Rc::ptr_eq(x, f)) {
            l.remove(i);
        }
    }

    fn len(&self) -> usize {
        self.0.borrow().len()
    }

    fn all_cancelled(&self) -> bool {
        self.0.borrow().iter().all(|w| w.cancelled())
    }

    /// The waiting futures as a list, for the private attributes tests peek at.
    fn to_list(&self) -> Value {
        Value::list(self.0.borrow().iter().map(|f| f.value()).collect())
    }

    /// `Lock._wake_up_first`: the first waiter, if still waiting, gets True;
    /// it stays queued until its acquire() resumes and removes it.
    fn wake_first(&self, vm: &Vm) {
        let first = self.0.borrow().front().cloned();
        if let Some(f) = first.filter(|f| !f.done()) {
            let _ = f.set_result(vm, Value::Bool(BoolWord::TRUE));
        }
    }

    /// `Event.set`: every waiter still waiting gets True.
    fn wake_all(&self, vm: &Vm) {
        let waiters: Vec<Native<Fut>> = self.0.borrow().iter().cloned().collect();
        for f in waiters.into_iter().filter(|f| !f.done()) {
            let _ = f.set_result(vm, Value::Bool(BoolWord::TRUE));
        }
    }

    /// `Queue._wakeup_next`: the first waiter still waiting leaves the queue
    /// and gets None; finished ones before it are dropped.
    fn wake_next(&self, vm: &Vm) {
        loop {
            let w = self.0.borrow_mut().pop_front();
            match w {
                Some(w) if !w.done() => {
                    let _ = w.set_result(vm, Value::None);
                    break;
                }
                Some(_) => {}
                None => break,
            }
        }
    }
}

// -- Lock ------------------------------------------------------------------------------

pub struct Lock {
    class: Rc<Class>,
    me: std::rc::Weak<NativeBox<Lock>>,
    waiters: Waiters,
    locked: Cell<bool>,
}

impl NativeObject for Lock {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn get_attr(&self, _vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        match name {
            "_locked" => Some(Ok(Value::from_bool(self.locked.get()))),
            "_waiters" => Some(Ok(self.waiters.to_list())),
            _ => None,
        }
    }
}

impl Lock {
    fn rc(&self) -> Option<Native<Lock>> {
        self.me.upgrade()
    }

    fn release(&self, vm: &Vm) -> PyResult<()> {
        if self.locked.get() {
            self.locked.set(false);
            self.waiters.wake_first(vm);
            Ok(())
        } else {
            Err(vm.runtime_error("Lock is not acquired."))
        }
    }
}

// -- Event -----------------------------------------------------------------------------

pub struct Event {
    class: Rc<Class>,
    me: std::rc::Weak<NativeBox<Event>>,
    waiters: Waiters,
    value: Cell<bool>,
}

impl NativeObject for Event {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn get_attr(&self, _vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        match name {
            "_value" => Some(Ok(Value::from_bool(self.value.get()))),
            "_waiters" => Some(Ok(self.waiters.to_list())),
            _ => None,
        }
    }
}

impl Event {
    fn new(a: &Aio) -> Native<Event> {
        NativeBox::new_cyclic(|me| Event {
            class: a.event_class.clone(),
            me: me.clone(),
            waiters: Waiters::default(),
            value: Cell::new(false),
        })
    }

    fn set(&self, vm: &Vm) {
        if !self.value.get() {
            self.value.set(true);
            self.waiters.wake_all(vm);
        }
    }
}

// -- queues ----------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum QKind {
    Fifo,
    Lifo,
    Priority,
}

pub struct Queue {
    class: Rc<Class>,
    me: std::rc::Weak<NativeBox<Queue>>,
    kind: QKind,
    maxsize: Cell<i64>,
    items: RefCell<VecDeque<Value>>,
    getters: Waiters,
    putters: Waiters,
    unfinished: Cell<i64>,
    finished: Native<Event>,
}

impl NativeObject for Queue {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        for v in self.items.borrow().iter() {
            visit(v);
        }
    }
    fn get_attr(&self, _vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        match name {
            "maxsize" | "_maxsize" => Some(Ok(Value::Int(self.maxsize.get()))),
            "_queue" => Some(Ok(Value::list(
                self.items.borrow().iter().cloned().collect(),
            ))),
            "_unfinished_tasks" => Some(Ok(Value::Int(self.unfinished.get()))),
            "_finished" => Some(Ok(Value::Native(self.finished.clone().into()))),
            "_getters" => Some(Ok(self.getters.to_list())),
            "_putters" => Some(Ok(self.putters.to_list())),
            _ => None,
        }
    }
}

fn less(vm: &Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let r = vm.compare(a, b, crate::vm::ops::CmpOp::Lt)?;
    vm.truthy(&r)
}

impl Queue {
    fn full(&self) -> bool {
        let m = self.maxsize.get();
        m > 0 && self.items.borrow().len() as i64 >= m
    }

    fn empty(&self) -> bool {
        self.items.borrow().is_empty()
    }

    fn push(&self, vm: &Vm, item: Value) -> PyResult<()> {
        match self.kind {
            QKind::Fifo | QKind::Lifo => self.items.borrow_mut().push_back(item),
            QKind::Priority => {
                // heapq.heappush: append, then sift the new item up.
                let mut heap: Vec<Value> = std::mem::take(&mut *self.items.borrow_mut()).into();
                heap.push(item);
                let last = heap.len() - 1;
                let r = sift_down(vm, &mut heap, 0, last);
                *self.items.borrow_mut() = heap.into();
                r?;
            }
        }
        Ok(())
    }

    fn pop(&self, vm: &Vm) -> PyResult<Value> {
        match self.kind {
            QKind::Fifo => Ok(self.items.borrow_mut().pop_front().unwrap_or_default()),
            QKind::Lifo => Ok(self.items.borrow_mut().pop_back().unwrap_or_default()),
            QKind::Priority => {
                let mut heap: Vec<Value> = std::mem::take(&mut *self.items.borrow_mut()).into();
                let last = heap.pop().unwrap_or_default();
                let r = if heap.is_empty() {
                    Ok(last)
                } else {
                    let top = std::mem::replace(&mut heap[0], last);
                    sift_up(vm, &mut heap, 0).map(|_| top)
                };
                *self.items.borrow_mut() = heap.into();
                r
            }
        }
    }

    fn put_nowait(&self, vm: &Vm, item: Value) -> PyResult<()> {
        if self.full() {
            return Err(glue_error(vm, "QueueFull"));
        }
        self.push(vm, item)?;
        self.unfinished.set(self.unfinished.get() + 1);
        self.finished.value.set(false);
        self.getters.wake_next(vm);
        Ok(())
    }

    fn get_nowait(&self, vm: &Vm) -> PyResult {
        if self.empty() {
            return Err(glue_error(vm, "QueueEmpty"));
        }
        let item = self.pop(vm)?;
        self.putters.wake_next(vm);
        Ok(item)
    }
}

/// heapq's `_siftdown`.
fn sift_down(vm: &Vm, heap: &mut [Value], start: usize, mut pos: usize) -> PyResult<()> {
    let item = heap[pos].clone();
    while pos > start {
        let parent = (pos - 1) >> 1;
        if less(vm, &item, &heap[parent])? {
            heap[pos] = heap[parent].clone();
            pos = parent;
            continue;
        }
        break;
    }
    heap[pos] = item;
    Ok(())
}

/// heapq's `_siftup`.
fn sift_up(vm: &Vm, heap: &mut [Value], mut pos: usize) -> PyResult<()> {
    let end = heap.len();
    let start = pos;
    let item = heap[pos].clone();
    let mut child = 2 * pos + 1;
    while child < end {
        let right = child + 1;
        if right < end && !less(vm, &heap[child], &heap[right])? {
            child = right;
        }
        heap[pos] = heap[child].clone();
        pos = child;
        child = 2 * pos + 1;
    }
    heap[pos] = item;
    sift_down(vm, heap, start, pos)
}

/// An instance of an exception class defined by the towel half of the module.
fn glue_error(vm: &Vm, name: &str) -> PyErr {
    let class = vm
        .loaded_module("asyncio")
        .and_then(|m| crate::stdlib::module_get(&m, name));
    match class {
        Some(Value::Class(c)) => vm.new_exception(&c, vec![]),
        _ => vm.runtime_error(name.to_string()),
    }
}

// -- the awaitables --------------------------------------------------------------------

enum Op {
    LockAcquire(Native<Lock>, Value),
    EventWait(Native<Event>),
    QueuePut(Native<Queue>, Value),
    QueueGet(Native<Queue>),
    Ready(Value),
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
            Op::LockAcquire(_, Value::None) => "Lock.__aenter__",
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
                Op::LockAcquire(..) => "Lock.acquire()",
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
    fn is_resumable(&self) -> bool {
        true
    }
    fn send(&self, vm: &Vm, _value: Value) -> PyResult<Resumed> {
        if self.finished.get() {
            return Err(vm.runtime_error("cannot reuse already awaited coroutine"));
        }
        self.started.set(true);
        let r = self.step(vm);
        if !matches!(r, Ok(Resumed::Yield(_))) {
            self.finished.set(true);
        }
        r
    }
}

impl OpAw {
    fn make(a: &Aio, op: Op) -> Value {
        Value::native(OpAw {
            class: a.op_class.clone(),
            op,
            waiting: RefCell::new(None),
            finished: Cell::new(false),
            started: Cell::new(false),
        })
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
                if q.full() {
                    let f = new_waiter(vm)?;
                    q.putters.push(f.clone());
                    return self.wait_on(f);
                }
                q.put_nowait(vm, item.clone())?;
                Ok(Resumed::Return(Value::None))
            }
            Op::QueueGet(q) => {
                if q.empty() {
                    let f = new_waiter(vm)?;
                    q.getters.push(f.clone());
                    return self.wait_on(f);
                }
                q.get_nowait(vm).map(Resumed::Return)
            }
        }
    }

    /// The method's clean-up when an exception is thrown in at its `await`.
    fn throw(&self, vm: &Vm, exc: PyErr) -> PyErr {
        self.finished.set(true);
        self.started.set(true);
        let Some(f) = self.waiting.borrow_mut().take() else {
            return exc;
        };
        match &self.op {
            Op::LockAcquire(lock, _) => {
                lock.waiters.remove(&f);
                if vm.err_is(&exc, &aio(vm).cancelled_error) && !lock.locked.get() {
                    lock.waiters.wake_first(vm);
                }
            }
            Op::EventWait(ev) => {
                ev.waiters.remove(&f);
            }
            Op::QueuePut(q, _) => {
                f.cancel(vm, Value::None);
                q.putters.remove(&f);
                if !q.full() && f.state.get() != FState::Cancelled {
                    q.putters.wake_next(vm);
                }
            }
            Op::QueueGet(q) => {
                f.cancel(vm, Value::None);
                q.getters.remove(&f);
                if !q.empty() && f.state.get() != FState::Cancelled {
                    q.getters.wake_next(vm);
                }
            }
            Op::Ready(_) => {}
        }
        exc
    }
}

fn op_this<'a>(vm: &Vm, args: &'a Args) -> PyResult<&'a OpAw> {
    args.get(0)
        .and_then(|v| v.downcast_native::<OpAw>())
        .ok_or_else(|| vm.type_error("expected an asyncio awaitable"))
}

fn op_next(vm: &Vm, args: Args) -> PyResult {
    match op_this(vm, &args)?.send(vm, Value::None)? {
        Resumed::Yield(v) => Ok(v),
        Resumed::Return(v) => Err(vm.stop_iteration(v)),
    }
}

fn op_throw(vm: &Vm, args: Args) -> PyResult {
    let a = op_this(vm, &args)?;
    let exc =
        crate::builtins::generator::throw_args_to_exception(vm, args.pos.get(1..).unwrap_or(&[]))?;
    Err(a.throw(vm, exc))
}

fn op_close(vm: &Vm, args: Args) -> PyResult {
    let a = op_this(vm, &args)?;
    let exit = vm.new_exception(&vm.exc.generator_exit, vec![]);
    let _ = a.throw(vm, exit);
    Ok(Value::None)
}

fn op_self(_vm: &Vm, args: Args) -> PyResult {
    Ok(args.get(0).cloned().unwrap_or_default())
}

// -- methods ---------------------------------------------------------------------------

fn lock_this(vm: &Vm, args: &Args) -> PyResult<Native<Lock>> {
    args.get(0)
        .and_then(|v| v.downcast_native::<Lock>())
        .and_then(Lock::rc)
        .ok_or_else(|| vm.type_error("descriptor requires an asyncio.Lock object"))
}

fn lock_new(vm: &Vm, args: Args) -> PyResult {
    if args.len() > 1 || args.has_kwargs() {
        return Err(vm.type_error("Lock.__init__() takes 1 positional argument but 2 were given"));
    }
    let a = aio(vm);
    Ok(Value::Native(
        NativeBox::new_cyclic(|me| Lock {
            class: a.lock_class.clone(),
            me: me.clone(),
            waiters: Waiters::default(),
            locked: Cell::new(false),
        })
        .into(),
    ))
}

fn lock_locked(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::from_bool(lock_this(vm, &args)?.locked.get()))
}

fn lock_acquire(vm: &Vm, args: Args) -> PyResult {
    let l = lock_this(vm, &args)?;
    Ok(OpAw::make(
        &aio(vm),
        Op::LockAcquire(l, Value::Bool(BoolWord::TRUE)),
    ))
}

fn lock_aenter(vm: &Vm, args: Args) -> PyResult {
    let l = lock_this(vm, &args)?;
    Ok(OpAw::make(&aio(vm), Op::LockAcquire(l, Value::None)))
}

fn lock_release(vm: &Vm, args: Args) -> PyResult {
    lock_this(vm, &args)?.release(vm)?;
    Ok(Value::None)
}

fn lock_aexit(vm: &Vm, args: Args) -> PyResult {
    lock_this(vm, &args)?.release(vm)?;
    Ok(OpAw::make(&aio(vm), Op::Ready(Value::None)))
}

fn lock_repr(vm: &Vm, args: Args) -> PyResult {
    let l = lock_this(vm, &args)?;
    let mut extra = if l.locked.get() {
        "locked".to_string()
    } else {
        "unlocked".to_string()
    };
    let n = l.waiters.len();
    if n > 0 {
        extra = format!("{extra}, waiters:{n}");
    }
    Ok(Value::string(format!(
        "<asyncio.locks.Lock object at {:#x} [{extra}]>",
        Rc::as_ptr(&l) as usize
    )))
}

fn event_this(vm: &Vm, args: &Args) -> PyResult<Native<Event>> {
    args.get(0)
        .and_then(|v| v.downcast_native::<Event>())
        .and_then(|e| e.me.upgrade())
        .ok_or_else(|| vm.type_error("descriptor requires an asyncio.Event object"))
}

fn event_new(vm: &Vm, args: Args) -> PyResult {
    if args.len() > 1 || args.has_kwargs() {
        return Err(vm.type_error("Event.__init__() takes 1 positional argument but 2 were given"));
    }
    Ok(Value::Native(Event::new(&aio(vm)).into()))
}

fn event_is_set(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::from_bool(event_this(vm, &args)?.value.get()))
}

fn event_set(vm: &Vm, args: Args) -> PyResult {
    event_this(vm, &args)?.set(vm);
    Ok(Value::None)
}

fn event_clear(vm: &Vm, args: Args) -> PyResult {
    event_this(vm, &args)?.value.set(false);
    Ok(Value::None)
}

fn event_wait(vm: &Vm, args: Args) -> PyResult {
    let e = event_this(vm, &args)?;
    Ok(OpAw::make(&aio(vm), Op::EventWait(e)))
}

fn event_repr(vm: &Vm, args: Args) -> PyResult {
    let e = event_this(vm, &args)?;
    let mut extra = if e.value.get() {
        "set".to_string()
    } else {
        "unset".to_string()
    };
    let n = e.waiters.len();
    if n > 0 {
        extra = format!("{extra}, waiters:{n}");
    }
    Ok(Value::string(format!(
        "<asyncio.locks.Event object at {:#x} [{extra}]>",
        Rc::as_ptr(&e) as usize
    )))
}

fn queue_this(vm: &Vm, args: &Args) -> PyResult<Native<Queue>> {
    args.get(0)
        .and_then(|v| v.downcast_native::<Queue>())
        .and_then(|q| q.me.upgrade())
        .ok_or_else(|| vm.type_error("descriptor requires an asyncio.Queue object"))
}

fn queue_new_kind(vm: &Vm, args: Args, kind: QKind) -> PyResult {
    let rest = args.skip_first();
    if rest.len() > 1 {
        return Err(vm.type_error(format!(
            "Queue.__init__() takes from 1 to 2 positional arguments but {} were given",
            rest.len() + 1
        )));
    }
    let maxsize = match rest.arg_or_kw(0, "maxsize") {
        Some(v) => vm.to_index(v)?,
        None => 0,
    };
    let a = aio(vm);
    let class = match &args.get(0) {
        Some(Value::Class(c)) => c.clone(),
        _ => a.queue_class.clone(),
    };
    let finished = Event::new(&a);
    finished.value.set(true);
    Ok(Value::Native(
        NativeBox::new_cyclic(|me| Queue {
            class,
            me: me.clone(),
            kind,
            maxsize: Cell::new(maxsize),
            items: RefCell::new(VecDeque::new()),
            getters: Waiters::default(),
            putters: Waiters::default(),
            unfinished: Cell::new(0),
            finished,
        })
        .into(),
    ))
}

fn queue_new(vm: &Vm, args: Args) -> PyResult {
    queue_new_kind(vm, args, QKind::Fifo)
}

fn lifo_new(vm: &Vm, args: Args) -> PyResult {
    queue_new_kind(vm, args, QKind::Lifo)
}

fn priority_new(vm: &Vm, args: Args) -> PyResult {
    queue_new_kind(vm, args, QKind::Priority)
}

fn q_qsize(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::Int(
        queue_this(vm, &args)?.items.borrow().len() as i64
    ))
}

fn q_empty(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::from_bool(queue_this(vm, &args)?.empty()))
}

fn q_full(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::from_bool(queue_this(vm, &args)?.full()))
}

fn q_put(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "put", 2, 2)?;
    let q = queue_this(vm, &args)?;
    Ok(OpAw::make(&aio(vm), Op::QueuePut(q, args.pos[1].clone())))
}

fn q_get(vm: &Vm, args: Args) -> PyResult {
    let q = queue_this(vm, &args)?;
    Ok(OpAw::make(&aio(vm), Op::QueueGet(q)))
}

fn q_put_nowait(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "put_nowait", 2, 2)?;
    queue_this(vm, &args)?.put_nowait(vm, args.pos[1].clone())?;
    Ok(Value::None)
}

fn q_get_nowait(vm: &Vm, args: Args) -> PyResult {
    queue_this(vm, &args)?.get_nowait(vm)
}

fn q_task_done(vm: &Vm, args: Args) -> PyResult {
    let q = queue_this(vm, &args)?;
    if q.unfinished.get() <= 0 {
        return Err(vm.value_error("task_done() called too many times"));
    }
    q.unfinished.set(q.unfinished.get() - 1);
    if q.unfinished.get() == 0 {
        q.finished.set(vm);
    }
    Ok(Value::None)
}

fn q_join(vm: &Vm, args: Args) -> PyResult {
    let q = queue_this(vm, &args)?;
    let a = aio(vm);
    if q.unfinished.get() > 0 {
        return Ok(OpAw::make(&a, Op::EventWait(q.finished.clone())));
    }
    Ok(OpAw::make(&a, Op::Ready(Value::None)))
}

fn q_format(vm: &Vm, q: &Queue) -> PyResult<String> {
    let mut r = format!("maxsize={}", q.maxsize.get());
    if !q.items.borrow().is_empty() {
        let items = Value::list(q.items.borrow().iter().cloned().collect());
        r.push_str(&format!(" _queue={}", vm.repr(&items)?));
    }
    let g = q.getters.len();
    if g > 0 {
        r.push_str(&format!(" _getters[{g}]"));
    }
    let p = q.putters.len();
    if p > 0 {
        r.push_str(&format!(" _putters[{p}]"));
    }
    if q.unfinished.get() != 0 {
        r.push_str(&format!(" tasks={}", q.unfinished.get()));
    }
    Ok(r)
}

fn q_repr(vm: &Vm, args: Args) -> PyResult {
    let q = queue_this(vm, &args)?;
    Ok(Value::string(format!(
        "<{} at {:#x} {}>",
        q.class.name,
        Rc::as_ptr(&q) as usize,
        q_format(vm, &q)?
    )))
}

fn q_str(vm: &Vm, args: Args) -> PyResult {
    let q = queue_this(vm, &args)?;
    Ok(Value::string(format!(
        "<{} {}>",
        q.class.name,
        q_format(vm, &q)?
    )))
}

pub fn install(_vm: &Vm, a: &Aio, m: &crate::objects::Module) {
    use crate::vm::types::add_methods;
    add_methods(
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
    add_methods(
        &a.lock_class,
        "Lock",
        &[
            ("__new__", lock_new),
            ("locked", lock_locked),
            ("acquire", lock_acquire),
            ("release", lock_release),
            ("__aenter__", lock_aenter),
            ("__aexit__", lock_aexit),
            ("__repr__", lock_repr),
        ],
    );
    add_methods(
        &a.event_class,
        "Event",
        &[
            ("__new__", event_new),
            ("is_set", event_is_set),
            ("set", event_set),
            ("clear", event_clear),
            ("wait", event_wait),
            ("__repr__", event_repr),
        ],
    );
    let queue_methods: &[(&'static str, crate::objects::NativeFn)] = &[
        ("qsize", q_qsize),
        ("empty", q_empty),
        ("full", q_full),
        ("put", q_put),
        ("get", q_get),
        ("put_nowait", q_put_nowait),
        ("get_nowait", q_get_nowait),
        ("task_done", q_task_done),
        ("join", q_join),
        ("__repr__", q_repr),
        ("__str__", q_str),
    ];
    add_methods(&a.queue_class, "Queue", queue_methods);
    add_methods(&a.queue_class, "Queue", &[("__new__", queue_new)]);
    add_methods(&a.lifo_queue_class, "LifoQueue", &[("__new__", lifo_new)]);
    add_methods(
        &a.priority_queue_class,
        "PriorityQueue",
        &[("__new__", priority_new)],
    );
    use crate::stdlib::set;
    set(m, "Lock", Value::Class(a.lock_class.clone()));
    set(m, "Event", Value::Class(a.event_class.clone()));
    set(m, "Queue", Value::Class(a.queue_class.clone()));
    set(m, "LifoQueue", Value::Class(a.lifo_queue_class.clone()));
    set(
        m,
        "PriorityQueue",
        Value::Class(a.priority_queue_class.clone()),
    );
}
