//! Native `asyncio.Lock` and `asyncio.Event`, and the waiter lists they
//! share with the queues (`queues.rs`).
//!
//! They follow CPython's `locks.py` step for step: waiters are futures in
//! FIFO lists, woken by `set_result`, so wake-ups go through the loop's queue
//! exactly as in CPython. What CPython writes as `async def` methods are
//! [`OpAw`](super::ops::OpAw) awaitables (see `ops.rs`).
//!
//! Both may be subclassed. A `Lock` subclass that overrides `acquire` or
//! `release` has those called by `async with`, as CPython's
//! `__aenter__`/`__aexit__` do.

use super::face;
use super::futures::Fut;
use super::ops::{Op, OpAw};
use super::py_method;
use super::{aio, Aio};
use crate::objects::gc::Visitor;
use crate::objects::BoolWord;
use crate::objects::{Args, Class, NativeObject, PyResult, Signature, Value};
use crate::objects::{Native, NativeBox};
use crate::vm::Vm;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

/// A waiter future from the running loop (`loop.create_future()`).
pub fn new_waiter(vm: &Vm) -> PyResult<Native<Fut>> {
    super::events::new_future(vm, &super::events::get_running_loop_rc(vm)?)
}

/// The futures of the coroutines waiting on a lock, an event or one side of
/// a queue, in arrival order (CPython's `_waiters`, `_getters`, `_putters`).
#[derive(Default)]
pub struct Waiters(RefCell<VecDeque<Native<Fut>>>);

impl Waiters {
    pub fn push(&self, f: Native<Fut>) {
        self.0.borrow_mut().push_back(f);
    }

    /// Removes `f` (a waiter that was cancelled or has been served).
    pub fn remove(&self, f: &Native<Fut>) {
        let mut l = self.0.borrow_mut();
        if let Some(i) = l.iter().position(|x| Rc::ptr_eq(x, f)) {
            l.remove(i);
        }
    }

    pub(super) fn len(&self) -> usize {
        self.0.borrow().len()
    }

    pub fn all_cancelled(&self) -> bool {
        self.0.borrow().iter().all(|w| w.cancelled())
    }

    /// The waiting futures, for the collector.
    pub fn traverse(&self, visit: &mut Visitor<'_>) {
        if let Ok(waiters) = self.0.try_borrow() {
            waiters.iter().for_each(|f| visit.native(f));
        }
    }

    /// The waiting futures as a list, for the private attributes tests peek at.
    pub fn to_list(&self) -> Value {
        Value::list(self.0.borrow().iter().map(|f| f.value()).collect())
    }

    /// `Lock._wake_up_first`: the first waiter, if still waiting, gets True;
    /// it stays queued until its acquire() resumes and removes it.
    pub fn wake_first(&self, vm: &Vm) {
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
    pub fn wake_next(&self, vm: &Vm) {
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

/// `<module.Class object at 0x... [extra]>`, as CPython's lock reprs wrap
/// `object.__repr__`.
fn object_repr(vm: &Vm, receiver: &Value, extra: &str) -> String {
    let class = vm.class_of(receiver);
    format!(
        "<{}.{} object at {:#x} [{extra}]>",
        class.module.borrow(),
        class.qualname.borrow(),
        receiver.id()
    )
}

// -- Lock ------------------------------------------------------------------------------

pub struct Lock {
    class: Rc<Class>,
    me: std::rc::Weak<NativeBox<Lock>>,
    pub waiters: Waiters,
    pub locked: Cell<bool>,
}

impl NativeObject for Lock {
    fn traverse(&self, visit: &mut Visitor<'_>) {
        self.waiters.traverse(visit);
    }
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
    pub waiters: Waiters,
    pub value: Cell<bool>,
}

impl NativeObject for Event {
    fn traverse(&self, visit: &mut Visitor<'_>) {
        self.waiters.traverse(visit);
    }
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
    pub fn new(a: &Aio) -> Native<Event> {
        NativeBox::new_cyclic(|me| Event {
            class: a.event_class.clone(),
            me: me.clone(),
            waiters: Waiters::default(),
            value: Cell::new(false),
        })
    }

    pub fn set(&self, vm: &Vm) {
        if !self.value.get() {
            self.value.set(true);
            self.waiters.wake_all(vm);
        }
    }
}

/// A new native object as an object of `cls`: itself for the native class,
/// else the payload of an instance of the subclass.
pub fn as_object_of<T: NativeObject>(cls: &Rc<Class>, native: &Rc<Class>, obj: Native<T>) -> Value {
    let value = Value::Native(obj.into());
    if Rc::ptr_eq(cls, native) {
        value
    } else {
        Value::Instance(face::subclass_instance(cls, value))
    }
}

// -- methods ---------------------------------------------------------------------------

/// The parameters of `Lock()` and `Event()` (none), with the receiver (the
/// class or the object) first.
static LOCK_INIT: Signature =
    Signature::new(crate::objects::Style::Python, "Lock.__init__", "self");
static EVENT_INIT: Signature =
    Signature::new(crate::objects::Style::Python, "Event.__init__", "self");

fn lock_this(vm: &Vm, receiver: &Value) -> PyResult<Native<Lock>> {
    face::receiver::<Lock>(receiver)
        .and_then(Lock::rc)
        .ok_or_else(|| vm.type_error("descriptor requires an asyncio.Lock object"))
}

/// The lock a method that takes nothing but its receiver is called on.
fn receiver_lock(vm: &Vm, sig: &Signature, args: Args) -> PyResult<Native<Lock>> {
    let ([this], []) = sig.bind(vm, args)?;
    lock_this(vm, this)
}

fn lock_new(vm: &Vm, args: Args) -> PyResult {
    let a = aio(vm);
    let cls = face::new_target(vm, &args, &a.lock_class)?;
    if Rc::ptr_eq(&cls, &a.lock_class) {
        LOCK_INIT.bind::<1, 0>(vm, args)?;
    }
    let lock = NativeBox::new_cyclic(|me| Lock {
        class: a.lock_class.clone(),
        me: me.clone(),
        waiters: Waiters::default(),
        locked: Cell::new(false),
    });
    Ok(as_object_of(&cls, &a.lock_class, lock))
}

fn lock_init(vm: &Vm, args: Args) -> PyResult {
    receiver_lock(vm, &LOCK_INIT, args)?;
    Ok(Value::None)
}

py_method!(
    LOCKED,
    "Lock.locked",
    "self",
    "Return True if some task holds the lock."
);

fn lock_locked(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::from_bool(
        receiver_lock(vm, &LOCKED, args)?.locked.get(),
    ))
}

py_method!(
    ACQUIRE,
    "Lock.acquire",
    "self",
    "Take the lock, waiting until no other task holds it; returns True.\n\n\
     Waiting tasks get the lock in the order they asked for it. Usually\n\
     written `async with lock:`, which releases it at the end."
);

fn lock_acquire(vm: &Vm, args: Args) -> PyResult {
    let l = receiver_lock(vm, &ACQUIRE, args)?;
    Ok(OpAw::make(
        &aio(vm),
        Op::LockAcquire(l, Value::Bool(BoolWord::TRUE)),
    ))
}

py_method!(
    AENTER,
    "_ContextManagerMixin.__aenter__",
    "self",
    "Acquire the lock at the start of `async with`."
);

/// `async with lock`: `await self.acquire()`, returning None.
fn lock_aenter(vm: &Vm, args: Args) -> PyResult {
    let l = receiver_lock(vm, &AENTER, args)?;
    let a = aio(vm);
    match face::override_of(vm, &args.pos[0], &a.lock_class, "acquire")? {
        Some(acquire) => {
            let awaitable = vm.call(&acquire, &[])?;
            OpAw::delegate(vm, &a, &awaitable, Value::None)
        }
        None => Ok(OpAw::make(&a, Op::LockAcquire(l, Value::None))),
    }
}

py_method!(
    RELEASE,
    "Lock.release",
    "self",
    "Give the lock up, letting the next waiting task take it.\n\n\
     Raises RuntimeError if the lock is not held."
);

fn lock_release(vm: &Vm, args: Args) -> PyResult {
    receiver_lock(vm, &RELEASE, args)?.release(vm)?;
    Ok(Value::None)
}

py_method!(
    AEXIT,
    "_ContextManagerMixin.__aexit__",
    "self, exc_type, exc, tb",
    "Release the lock at the end of `async with`."
);

/// The end of `async with lock`: `self.release()`.
fn lock_aexit(vm: &Vm, args: Args) -> PyResult {
    let ([this, _, _, _], []) = AEXIT.bind(vm, args)?;
    let l = lock_this(vm, this)?;
    let a = aio(vm);
    match face::override_of(vm, &args.pos[0], &a.lock_class, "release")? {
        Some(release) => {
            vm.call(&release, &[])?;
        }
        None => l.release(vm)?,
    }
    Ok(OpAw::make(&a, Op::Ready(Value::None)))
}

py_method!(LOCK_REPR, "Lock.__repr__", "self", "Return repr(self).");

fn lock_repr(vm: &Vm, args: Args) -> PyResult {
    let l = receiver_lock(vm, &LOCK_REPR, args)?;
    let mut extra = if l.locked.get() {
        "locked".to_string()
    } else {
        "unlocked".to_string()
    };
    let n = l.waiters.len();
    if n > 0 {
        extra = format!("{extra}, waiters:{n}");
    }
    Ok(Value::string(object_repr(vm, &args.pos[0], &extra)))
}

/// The event a method that takes nothing but its receiver is called on.
fn receiver_event(vm: &Vm, sig: &Signature, args: Args) -> PyResult<Native<Event>> {
    let ([this], []) = sig.bind(vm, args)?;
    face::receiver::<Event>(this)
        .and_then(|e| e.me.upgrade())
        .ok_or_else(|| vm.type_error("descriptor requires an asyncio.Event object"))
}

fn event_new(vm: &Vm, args: Args) -> PyResult {
    let a = aio(vm);
    let cls = face::new_target(vm, &args, &a.event_class)?;
    if Rc::ptr_eq(&cls, &a.event_class) {
        EVENT_INIT.bind::<1, 0>(vm, args)?;
    }
    Ok(as_object_of(&cls, &a.event_class, Event::new(&a)))
}

fn event_init(vm: &Vm, args: Args) -> PyResult {
    receiver_event(vm, &EVENT_INIT, args)?;
    Ok(Value::None)
}

py_method!(
    IS_SET,
    "Event.is_set",
    "self",
    "Return True if the event is set."
);

fn event_is_set(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::from_bool(
        receiver_event(vm, &IS_SET, args)?.value.get(),
    ))
}

py_method!(
    SET,
    "Event.set",
    "self",
    "Set the event: every task waiting for it wakes up, and wait() returns at\n\
     once until clear() is called."
);

fn event_set(vm: &Vm, args: Args) -> PyResult {
    receiver_event(vm, &SET, args)?.set(vm);
    Ok(Value::None)
}

py_method!(
    CLEAR,
    "Event.clear",
    "self",
    "Unset the event, so that wait() waits again."
);

fn event_clear(vm: &Vm, args: Args) -> PyResult {
    receiver_event(vm, &CLEAR, args)?.value.set(false);
    Ok(Value::None)
}

py_method!(
    WAIT,
    "Event.wait",
    "self",
    "Wait until the event is set, and return True."
);

fn event_wait(vm: &Vm, args: Args) -> PyResult {
    let e = receiver_event(vm, &WAIT, args)?;
    Ok(OpAw::make(&aio(vm), Op::EventWait(e)))
}

py_method!(EVENT_REPR, "Event.__repr__", "self", "Return repr(self).");

fn event_repr(vm: &Vm, args: Args) -> PyResult {
    let e = receiver_event(vm, &EVENT_REPR, args)?;
    let mut extra = if e.value.get() {
        "set".to_string()
    } else {
        "unset".to_string()
    };
    let n = e.waiters.len();
    if n > 0 {
        extra = format!("{extra}, waiters:{n}");
    }
    Ok(Value::string(object_repr(vm, &args.pos[0], &extra)))
}

pub fn install(a: &Aio, m: &crate::objects::Module) {
    use crate::vm::types::{add_declared_methods, add_methods};
    add_methods(
        &a.lock_class,
        "Lock",
        &[("__new__", lock_new), ("__init__", lock_init)],
    );
    add_declared_methods(
        &a.lock_class,
        "Lock",
        &[
            (&LOCKED, lock_locked),
            (&ACQUIRE, lock_acquire),
            (&RELEASE, lock_release),
            (&AENTER, lock_aenter),
            (&AEXIT, lock_aexit),
            (&LOCK_REPR, lock_repr),
        ],
    );
    add_methods(
        &a.event_class,
        "Event",
        &[("__new__", event_new), ("__init__", event_init)],
    );
    add_declared_methods(
        &a.event_class,
        "Event",
        &[
            (&IS_SET, event_is_set),
            (&SET, event_set),
            (&CLEAR, event_clear),
            (&WAIT, event_wait),
            (&EVENT_REPR, event_repr),
        ],
    );
    use crate::stdlib::set;
    set(m, "Lock", Value::Class(a.lock_class.clone()));
    set(m, "Event", Value::Class(a.event_class.clone()));
}
