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
use super::{aio, Aio};
use crate::objects::gc::Visitor;
use crate::objects::BoolWord;
use crate::objects::{Args, Class, NativeObject, PyResult, Value};
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

/// Checks that `Lock()` / `Event()` got no arguments.
fn check_no_args(vm: &Vm, args: &Args, class: &str) -> PyResult<()> {
    if !args.pos.is_empty() {
        return Err(vm.type_error(format!(
            "{class}.__init__() takes 1 positional argument but {} were given",
            args.pos.len() + 1
        )));
    }
    super::check_keywords(vm, args, &format!("{class}.__init__"), &[])
}

// -- methods ---------------------------------------------------------------------------

fn lock_this(vm: &Vm, args: &Args) -> PyResult<Native<Lock>> {
    args.get(0)
        .and_then(face::receiver::<Lock>)
        .and_then(Lock::rc)
        .ok_or_else(|| vm.type_error("descriptor requires an asyncio.Lock object"))
}

fn lock_new(vm: &Vm, args: Args) -> PyResult {
    let a = aio(vm);
    let cls = face::new_target(vm, &args, &a.lock_class)?;
    if Rc::ptr_eq(&cls, &a.lock_class) {
        check_no_args(vm, &args.skip_first(), "Lock")?;
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
    lock_this(vm, &args)?;
    check_no_args(vm, &args.skip_first(), "Lock")?;
    Ok(Value::None)
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

/// `async with lock`: `await self.acquire()`, returning None.
fn lock_aenter(vm: &Vm, args: Args) -> PyResult {
    let l = lock_this(vm, &args)?;
    let a = aio(vm);
    match face::override_of(vm, &args.pos[0], &a.lock_class, "acquire")? {
        Some(acquire) => {
            let awaitable = vm.call(&acquire, &[])?;
            OpAw::delegate(vm, &a, &awaitable, Value::None)
        }
        None => Ok(OpAw::make(&a, Op::LockAcquire(l, Value::None))),
    }
}

fn lock_release(vm: &Vm, args: Args) -> PyResult {
    lock_this(vm, &args)?.release(vm)?;
    Ok(Value::None)
}

/// The end of `async with lock`: `self.release()`.
fn lock_aexit(vm: &Vm, args: Args) -> PyResult {
    let l = lock_this(vm, &args)?;
    let a = aio(vm);
    match face::override_of(vm, &args.pos[0], &a.lock_class, "release")? {
        Some(release) => {
            vm.call(&release, &[])?;
        }
        None => l.release(vm)?,
    }
    Ok(OpAw::make(&a, Op::Ready(Value::None)))
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
    Ok(Value::string(object_repr(vm, &args.pos[0], &extra)))
}

fn event_this(vm: &Vm, args: &Args) -> PyResult<Native<Event>> {
    args.get(0)
        .and_then(face::receiver::<Event>)
        .and_then(|e| e.me.upgrade())
        .ok_or_else(|| vm.type_error("descriptor requires an asyncio.Event object"))
}

fn event_new(vm: &Vm, args: Args) -> PyResult {
    let a = aio(vm);
    let cls = face::new_target(vm, &args, &a.event_class)?;
    if Rc::ptr_eq(&cls, &a.event_class) {
        check_no_args(vm, &args.skip_first(), "Event")?;
    }
    Ok(as_object_of(&cls, &a.event_class, Event::new(&a)))
}

fn event_init(vm: &Vm, args: Args) -> PyResult {
    event_this(vm, &args)?;
    check_no_args(vm, &args.skip_first(), "Event")?;
    Ok(Value::None)
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
    Ok(Value::string(object_repr(vm, &args.pos[0], &extra)))
}

pub fn install(a: &Aio, m: &crate::objects::Module) {
    use crate::vm::types::add_methods;
    add_methods(
        &a.lock_class,
        "Lock",
        &[
            ("__new__", lock_new),
            ("__init__", lock_init),
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
            ("__init__", event_init),
            ("is_set", event_is_set),
            ("set", event_set),
            ("clear", event_clear),
            ("wait", event_wait),
            ("__repr__", event_repr),
        ],
    );
    use crate::stdlib::set;
    set(m, "Lock", Value::Class(a.lock_class.clone()));
    set(m, "Event", Value::Class(a.event_class.clone()));
}
