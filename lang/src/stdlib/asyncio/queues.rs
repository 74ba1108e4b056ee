//! Native `asyncio.Queue`, `LifoQueue` and `PriorityQueue`.
//!
//! They follow CPython's `queues.py`: getters and putters wait on futures
//! in FIFO lists (`locks::Waiters`), and `put`/`get` are
//! [`OpAw`](super::ops::OpAw) awaitables.
//!
//! # Subclasses
//! CPython's queue calls its own methods, which a subclass may override:
//! `put` calls `full()` and `put_nowait()`, which calls `_put()`; `get`
//! calls `empty()` and `get_nowait()`, which calls `_get()`; `qsize()` is
//! `len(self._queue)`, made by `_init()`. A native queue keeps its items
//! itself and calls nothing. An instance of a subclass records, when it is
//! made, which of those hooks its class overrides ([`Hooks`]): the
//! machinery calls the overrides through Python, and if `_init`, `_put` or
//! `_get` is among them the items live in the instance's `_queue`, where
//! the subclass's code expects them (the native `_put`/`_get`/`_init` then
//! work on `_queue` too, so `super()._put(item)` does what CPython's does).

use super::face::{self, Face};
use super::locks::{Event, Waiters};
use super::ops::{Op, OpAw};
use super::py_method;
use super::{aio, Aio};
use crate::objects::gc::Visitor;
use crate::objects::{Args, Class, Name, NativeObject, PyErr, PyResult, Signature, Style, Value};
use crate::objects::{Native, NativeBox};
use crate::vm::Vm;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Fifo,
    Lifo,
    Priority,
}

/// The queue methods the machinery calls, which a subclass may override.
#[derive(Clone, Copy)]
enum Hook {
    Init = 1,
    Put = 2,
    Get = 4,
    Qsize = 8,
    Empty = 16,
    Full = 32,
    PutNowait = 64,
    GetNowait = 128,
}

/// A set of [`Hook`]s.
#[derive(Clone, Copy, Default)]
struct Hooks(u8);

impl Hooks {
    const ALL: [(Hook, &'static str); 8] = [
        (Hook::Init, "_init"),
        (Hook::Put, "_put"),
        (Hook::Get, "_get"),
        (Hook::Qsize, "qsize"),
        (Hook::Empty, "empty"),
        (Hook::Full, "full"),
        (Hook::PutNowait, "put_nowait"),
        (Hook::GetNowait, "get_nowait"),
    ];

    fn of(class: &Rc<Class>, native: &Rc<Class>) -> Hooks {
        Hooks(
            Hooks::ALL
                .iter()
                .filter(|(_, name)| face::overrides(class, native, name))
                .fold(0, |set, (hook, _)| set | *hook as u8),
        )
    }

    fn has(self, hook: Hook) -> bool {
        self.0 & hook as u8 != 0
    }

    fn name(hook: Hook) -> &'static str {
        Hooks::ALL
            .iter()
            .find(|(h, _)| *h as u8 == hook as u8)
            .map_or("", |(_, name)| name)
    }

    /// Whether the items live in the instance's `_queue`.
    fn python_storage(self) -> bool {
        self.has(Hook::Init) || self.has(Hook::Put) || self.has(Hook::Get)
    }
}

pub struct Queue {
    class: Rc<Class>,
    me: std::rc::Weak<NativeBox<Queue>>,
    kind: Kind,
    maxsize: Cell<i64>,
    /// The items, unless a subclass keeps them in `_queue`.
    items: RefCell<VecDeque<Value>>,
    pub getters: Waiters,
    pub putters: Waiters,
    unfinished: Cell<i64>,
    finished: Native<Event>,
    hooks: Cell<Hooks>,
    /// The subclass instance, for the hooks of a `put`/`get` under way.
    face: Face,
}

impl NativeObject for Queue {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    /// The items, the waiting futures, the `join()` event and the
    /// subclass instance (held weakly, so never visited).
    fn traverse(&self, visit: &mut Visitor<'_>) {
        if let Ok(items) = self.items.try_borrow() {
            items.iter().for_each(|v| visit.value(v));
        }
        self.getters.traverse(visit);
        self.putters.traverse(visit);
        visit.native(&self.finished);
        self.face.traverse(visit);
    }
    fn get_attr(&self, _vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        match name {
            "maxsize" | "_maxsize" => Some(Ok(Value::Int(self.maxsize.get()))),
            "_queue" if !self.hooks.get().python_storage() => Some(Ok(Value::list(
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

impl Queue {
    /// The native storage's `_put`.
    #[inline(always)]
    fn push(&self, vm: &Vm, item: Value) -> PyResult<()> {
        match self.kind {
            Kind::Fifo | Kind::Lifo => {
                self.items.borrow_mut().push_back(item);
                Ok(())
            }
            Kind::Priority => self.heap_push(vm, item),
        }
    }

    /// heapq.heappush: append, then sift the new item up.
    fn heap_push(&self, vm: &Vm, item: Value) -> PyResult<()> {
        let mut heap: Vec<Value> = std::mem::take(&mut *self.items.borrow_mut()).into();
        heap.push(item);
        let last = heap.len() - 1;
        let r = sift_down(vm, &mut heap, 0, last);
        *self.items.borrow_mut() = heap.into();
        r
    }

    /// The native storage's `_get`.
    #[inline(always)]
    fn pop(&self, vm: &Vm) -> PyResult<Value> {
        match self.kind {
            Kind::Fifo => Ok(self.items.borrow_mut().pop_front().unwrap_or_default()),
            Kind::Lifo => Ok(self.items.borrow_mut().pop_back().unwrap_or_default()),
            Kind::Priority => self.heap_pop(vm),
        }
    }

    /// heapq.heappop.
    fn heap_pop(&self, vm: &Vm) -> PyResult<Value> {
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

/// What a `put`/`get` awaitable keeps of its queue.
pub type QueueRef = Native<Queue>;

/// The machinery of a queue. For a subclass with hooks, the overrides are
/// called on its instance (the queue's face); without hooks every method
/// stays on its native path.
impl Queue {
    /// The subclass instance to call hooks on, if the queue has hooks.
    #[inline]
    pub fn receiver(&self) -> Option<Value> {
        if self.hooks.get().0 == 0 {
            None
        } else {
            self.face.get()
        }
    }

    /// Calls the override of `hook` if the receiver's class has one.
    fn call_hook(
        &self,
        vm: &Vm,
        receiver: Option<&Value>,
        hook: Hook,
        args: &[Value],
    ) -> PyResult<Option<Value>> {
        match receiver {
            Some(r) if self.hooks.get().has(hook) => {
                vm.call_method(r, Hooks::name(hook), args).map(Some)
            }
            _ => Ok(None),
        }
    }

    /// The instance's `_queue`, when the items live there.
    fn py_items(&self, vm: &Vm, receiver: Option<&Value>) -> PyResult<Option<Value>> {
        match receiver {
            Some(r) if self.hooks.get().python_storage() => {
                vm.get_attr(r, &Name::new("_queue")).map(Some)
            }
            _ => Ok(None),
        }
    }

    #[inline]
    fn qsize(&self, vm: &Vm, receiver: Option<&Value>) -> PyResult<i64> {
        if receiver.is_none() {
            return Ok(self.items.borrow().len() as i64);
        }
        if let Some(n) = self.call_hook(vm, receiver, Hook::Qsize, &[])? {
            return vm.to_index(&n);
        }
        self.storage_len(vm, receiver)
    }

    /// `len(self._queue)`.
    #[inline]
    fn storage_len(&self, vm: &Vm, receiver: Option<&Value>) -> PyResult<i64> {
        if receiver.is_none() {
            return Ok(self.items.borrow().len() as i64);
        }
        match self.py_items(vm, receiver)? {
            Some(items) => vm.len(&items).map(|n| n as i64),
            None => Ok(self.items.borrow().len() as i64),
        }
    }

    #[inline(always)]
    pub fn empty(&self, vm: &Vm, receiver: Option<&Value>) -> PyResult<bool> {
        if receiver.is_none() {
            return Ok(self.items.borrow().is_empty());
        }
        self.empty_with_hooks(vm, receiver)
    }

    #[inline(never)]
    fn empty_with_hooks(&self, vm: &Vm, receiver: Option<&Value>) -> PyResult<bool> {
        if let Some(r) = self.call_hook(vm, receiver, Hook::Empty, &[])? {
            return vm.truthy(&r);
        }
        Ok(self.storage_len(vm, receiver)? == 0)
    }

    #[inline(always)]
    pub fn full(&self, vm: &Vm, receiver: Option<&Value>) -> PyResult<bool> {
        if receiver.is_none() {
            let m = self.maxsize.get();
            return Ok(m > 0 && self.items.borrow().len() as i64 >= m);
        }
        self.full_with_hooks(vm, receiver)
    }

    #[inline(never)]
    fn full_with_hooks(&self, vm: &Vm, receiver: Option<&Value>) -> PyResult<bool> {
        if let Some(r) = self.call_hook(vm, receiver, Hook::Full, &[])? {
            return vm.truthy(&r);
        }
        let m = self.maxsize.get();
        Ok(m > 0 && self.qsize(vm, receiver)? >= m)
    }

    pub fn put_nowait(&self, vm: &Vm, receiver: Option<&Value>, item: Value) -> PyResult<()> {
        if receiver.is_some() {
            return self.put_nowait_with_hooks(vm, receiver, item);
        }
        let m = self.maxsize.get();
        if m > 0 && self.items.borrow().len() as i64 >= m {
            return Err(glue_error(vm, "QueueFull"));
        }
        self.push(vm, item)?;
        self.item_added(vm);
        Ok(())
    }

    /// `put_nowait` for a subclass with hooks.
    #[inline(never)]
    fn put_nowait_with_hooks(
        &self,
        vm: &Vm,
        receiver: Option<&Value>,
        item: Value,
    ) -> PyResult<()> {
        if self
            .call_hook(vm, receiver, Hook::PutNowait, &[item.clone()])?
            .is_some()
        {
            return Ok(());
        }
        if self.full(vm, receiver)? {
            return Err(glue_error(vm, "QueueFull"));
        }
        match self.call_hook(vm, receiver, Hook::Put, &[item.clone()])? {
            Some(_) => {}
            None => self.default_put(vm, receiver, item)?,
        }
        self.item_added(vm);
        Ok(())
    }

    /// The bookkeeping after an item went in.
    fn item_added(&self, vm: &Vm) {
        self.unfinished.set(self.unfinished.get() + 1);
        self.finished.value.set(false);
        self.getters.wake_next(vm);
    }

    pub fn get_nowait(&self, vm: &Vm, receiver: Option<&Value>) -> PyResult {
        if receiver.is_some() {
            return self.get_nowait_with_hooks(vm, receiver);
        }
        if self.items.borrow().is_empty() {
            return Err(glue_error(vm, "QueueEmpty"));
        }
        let item = self.pop(vm)?;
        self.putters.wake_next(vm);
        Ok(item)
    }

    /// `get_nowait` for a subclass with hooks.
    #[inline(never)]
    fn get_nowait_with_hooks(&self, vm: &Vm, receiver: Option<&Value>) -> PyResult {
        if let Some(item) = self.call_hook(vm, receiver, Hook::GetNowait, &[])? {
            return Ok(item);
        }
        if self.empty(vm, receiver)? {
            return Err(glue_error(vm, "QueueEmpty"));
        }
        let item = match self.call_hook(vm, receiver, Hook::Get, &[])? {
            Some(item) => item,
            None => self.default_get(vm, receiver)?,
        };
        self.putters.wake_next(vm);
        Ok(item)
    }

    /// The queue class's own `_put`: into the native storage, or into
    /// `_queue` for a subclass that keeps its items there.
    #[inline]
    fn default_put(&self, vm: &Vm, receiver: Option<&Value>, item: Value) -> PyResult<()> {
        if receiver.is_none() {
            return self.push(vm, item);
        }
        let Some(items) = self.py_items(vm, receiver)? else {
            return self.push(vm, item);
        };
        match self.kind {
            Kind::Fifo | Kind::Lifo => vm.call_method(&items, "append", &[item]).map(|_| ()),
            Kind::Priority => heapq(vm, "heappush", &[items, item]).map(|_| ()),
        }
    }

    /// The queue class's own `_get` (see [`default_put`](Self::default_put)).
    #[inline]
    fn default_get(&self, vm: &Vm, receiver: Option<&Value>) -> PyResult {
        if receiver.is_none() {
            return self.pop(vm);
        }
        let Some(items) = self.py_items(vm, receiver)? else {
            return self.pop(vm);
        };
        match self.kind {
            Kind::Fifo => vm.call_method(&items, "popleft", &[]),
            Kind::Lifo => vm.call_method(&items, "pop", &[]),
            Kind::Priority => heapq(vm, "heappop", &[items]),
        }
    }

    /// The queue class's own `_init`: an empty storage (`_queue` is a deque,
    /// or a list for the LIFO and priority queues).
    fn default_init(&self, vm: &Vm, receiver: Option<&Value>) -> PyResult<()> {
        let Some(r) = receiver.filter(|_| self.hooks.get().python_storage()) else {
            self.items.borrow_mut().clear();
            return Ok(());
        };
        let empty = match self.kind {
            Kind::Fifo => {
                let collections = Value::Module(vm.import_module("collections")?);
                vm.call_method(&collections, "deque", &[])?
            }
            Kind::Lifo | Kind::Priority => Value::list(Vec::new()),
        };
        vm.set_attr(r, &Name::new("_queue"), empty)
    }
}

fn heapq(vm: &Vm, name: &str, args: &[Value]) -> PyResult {
    let heapq = Value::Module(vm.import_module("heapq")?);
    vm.call_method(&heapq, name, args)
}

/// An instance of an exception class defined by the towel half of the module.
fn glue_error(vm: &Vm, name: &str) -> PyErr {
    match super::glue(vm, name) {
        Ok(Value::Class(c)) => vm.new_exception(&c, vec![]),
        _ => vm.runtime_error(name.to_string()),
    }
}

// -- methods ---------------------------------------------------------------------------

/// The queue a method was called on, and the receiver when the queue's
/// hooks need it.
fn queue_this<'a>(vm: &Vm, receiver: &'a Value) -> PyResult<(&'a Queue, Option<&'a Value>)> {
    match face::receiver::<Queue>(receiver) {
        Some(q) => Ok((q, Some(receiver).filter(|_| q.hooks.get().0 != 0))),
        None => Err(vm.type_error("descriptor requires an asyncio.Queue object")),
    }
}

/// [`queue_this`] for a method that takes nothing but its receiver.
fn receiver_queue<'a>(
    vm: &Vm,
    sig: &Signature,
    args: Args<'a>,
) -> PyResult<(&'a Queue, Option<&'a Value>)> {
    let ([this], []) = sig.bind(vm, args)?;
    queue_this(vm, this)
}

/// The queue a `put`/`get` awaitable keeps.
fn queue_ref(vm: &Vm, receiver: &Value) -> PyResult<QueueRef> {
    face::receiver::<Queue>(receiver)
        .and_then(|q| q.me.upgrade())
        .ok_or_else(|| vm.type_error("descriptor requires an asyncio.Queue object"))
}

/// `Queue(maxsize=0)`'s parameters, the receiver (the class or the queue) first.
static INIT: Signature = Signature::new(Style::Python, "Queue.__init__", "self, maxsize=0");

/// `maxsize` from `Queue(maxsize=0)`'s arguments.
fn maxsize_arg(vm: &Vm, args: Args) -> PyResult<i64> {
    match INIT.bind(vm, args)? {
        ([_], [Some(v)]) => vm.to_index(v),
        _ => Ok(0),
    }
}

fn queue_new_kind(vm: &Vm, args: Args, kind: Kind) -> PyResult {
    let a = aio(vm);
    let native = match kind {
        Kind::Fifo => &a.queue_class,
        Kind::Lifo => &a.lifo_queue_class,
        Kind::Priority => &a.priority_queue_class,
    };
    let cls = face::new_target(vm, &args, native)?;
    // A subclass's arguments are its own; its `__init__` sets `maxsize`.
    let maxsize = if Rc::ptr_eq(&cls, native) {
        maxsize_arg(vm, args)?
    } else {
        0
    };
    let finished = Event::new(&a);
    finished.value.set(true);
    let queue = NativeBox::new_cyclic(|me| Queue {
        class: native.clone(),
        me: me.clone(),
        kind,
        maxsize: Cell::new(maxsize),
        items: RefCell::new(VecDeque::new()),
        getters: Waiters::default(),
        putters: Waiters::default(),
        unfinished: Cell::new(0),
        finished,
        hooks: Cell::new(Hooks::default()),
        face: Face::default(),
    });
    if Rc::ptr_eq(&cls, native) {
        return Ok(Value::Native(queue.into()));
    }
    queue.hooks.set(Hooks::of(&cls, native));
    let instance = face::subclass_instance(&cls, Value::Native(queue.clone().into()));
    queue.face.attach(&instance);
    Ok(Value::Instance(instance))
}

fn queue_new(vm: &Vm, args: Args) -> PyResult {
    queue_new_kind(vm, args, Kind::Fifo)
}

fn lifo_new(vm: &Vm, args: Args) -> PyResult {
    queue_new_kind(vm, args, Kind::Lifo)
}

fn priority_new(vm: &Vm, args: Args) -> PyResult {
    queue_new_kind(vm, args, Kind::Priority)
}

/// `Queue.__init__(self, maxsize=0)`, which a subclass reaches (the native
/// classes are made whole by `__new__`): sets `maxsize` and calls
/// `self._init(maxsize)`.
/// `Queue.__init__(self, maxsize=0)`, which a subclass reaches (the native
/// classes are made whole by `__new__`): sets `maxsize` and calls
/// `self._init(maxsize)`.
fn q_init(vm: &Vm, args: Args) -> PyResult {
    let (q, _) = queue_this(vm, args.get(0).unwrap_or(&Value::None))?;
    let maxsize = maxsize_arg(vm, args)?;
    q.maxsize.set(maxsize);
    vm.call_method(&args.pos[0], "_init", &[Value::Int(maxsize)])?;
    Ok(Value::None)
}

py_method!(
    PRIVATE_INIT,
    "Queue._init",
    "self, maxsize",
    "Set up the queue's storage; subclasses override it to store items their way."
);

fn q_private_init(vm: &Vm, args: Args) -> PyResult {
    let ([this, _maxsize], []) = PRIVATE_INIT.bind(vm, args)?;
    let (q, receiver) = queue_this(vm, this)?;
    q.default_init(vm, receiver)?;
    Ok(Value::None)
}

py_method!(
    PRIVATE_PUT,
    "Queue._put",
    "self, item",
    "Store `item`; subclasses override it to store items their way."
);

fn q_private_put(vm: &Vm, args: Args) -> PyResult {
    let ([this, item], []) = PRIVATE_PUT.bind(vm, args)?;
    let (q, receiver) = queue_this(vm, this)?;
    q.default_put(vm, receiver, item.clone())?;
    Ok(Value::None)
}

py_method!(
    PRIVATE_GET,
    "Queue._get",
    "self",
    "Take the next item out of storage; subclasses override it to choose which."
);

fn q_private_get(vm: &Vm, args: Args) -> PyResult {
    let (q, receiver) = receiver_queue(vm, &PRIVATE_GET, args)?;
    q.default_get(vm, receiver)
}

py_method!(
    QSIZE,
    "Queue.qsize",
    "self",
    "Return how many items the queue holds."
);

fn q_qsize(vm: &Vm, args: Args) -> PyResult {
    let (q, receiver) = receiver_queue(vm, &QSIZE, args)?;
    Ok(Value::Int(q.storage_len(vm, receiver)?))
}

py_method!(
    EMPTY,
    "Queue.empty",
    "self",
    "Return True if the queue holds no items."
);

fn q_empty(vm: &Vm, args: Args) -> PyResult {
    let (q, receiver) = receiver_queue(vm, &EMPTY, args)?;
    Ok(Value::from_bool(q.storage_len(vm, receiver)? == 0))
}

py_method!(
    FULL,
    "Queue.full",
    "self",
    "Return True if the queue holds `maxsize` items (never, when unbounded)."
);

fn q_full(vm: &Vm, args: Args) -> PyResult {
    let (q, receiver) = receiver_queue(vm, &FULL, args)?;
    let m = q.maxsize.get();
    Ok(Value::from_bool(m > 0 && q.qsize(vm, receiver)? >= m))
}

py_method!(
    PUT,
    "Queue.put",
    "self, item",
    "Put `item` into the queue, waiting (when it is full) until there is room.\n\n\
     Await it: `await queue.put(item)`."
);

fn q_put(vm: &Vm, args: Args) -> PyResult {
    let ([this, item], []) = PUT.bind(vm, args)?;
    let q = queue_ref(vm, this)?;
    Ok(OpAw::make(&aio(vm), Op::QueuePut(q, item.clone())))
}

py_method!(
    GET,
    "Queue.get",
    "self",
    "Remove and return the next item, waiting until there is one.\n\n\
     Await it: `item = await queue.get()`."
);

fn q_get(vm: &Vm, args: Args) -> PyResult {
    let ([this], []) = GET.bind(vm, args)?;
    let q = queue_ref(vm, this)?;
    Ok(OpAw::make(&aio(vm), Op::QueueGet(q)))
}

py_method!(
    PUT_NOWAIT,
    "Queue.put_nowait",
    "self, item",
    "Put `item` into the queue at once; raise QueueFull if there is no room."
);

/// The class's own `put_nowait` (an override calls it through `super()`).
fn q_put_nowait(vm: &Vm, args: Args) -> PyResult {
    let ([this, item], []) = PUT_NOWAIT.bind(vm, args)?;
    let (q, receiver) = queue_this(vm, this)?;
    without_hook(q, Hook::PutNowait, || {
        q.put_nowait(vm, receiver, item.clone())
    })?;
    Ok(Value::None)
}

py_method!(
    GET_NOWAIT,
    "Queue.get_nowait",
    "self",
    "Remove and return the next item at once; raise QueueEmpty if there is none."
);

fn q_get_nowait(vm: &Vm, args: Args) -> PyResult {
    let (q, receiver) = receiver_queue(vm, &GET_NOWAIT, args)?;
    without_hook(q, Hook::GetNowait, || q.get_nowait(vm, receiver))
}

/// Runs `f` with `hook` treated as not overridden: the native method that an
/// override reached through `super()` must not call that override again.
fn without_hook<R>(q: &Queue, hook: Hook, f: impl FnOnce() -> R) -> R {
    let hooks = q.hooks.get();
    if !hooks.has(hook) {
        return f();
    }
    q.hooks.set(Hooks(hooks.0 & !(hook as u8)));
    let r = f();
    q.hooks.set(hooks);
    r
}

py_method!(
    TASK_DONE,
    "Queue.task_done",
    "self",
    "Say that an item taken with get() has been dealt with.\n\n\
     Once every item put has been marked done, join() returns. Raises\n\
     ValueError when called more often than items were put."
);

fn q_task_done(vm: &Vm, args: Args) -> PyResult {
    let (q, _) = receiver_queue(vm, &TASK_DONE, args)?;
    if q.unfinished.get() <= 0 {
        return Err(vm.value_error("task_done() called too many times"));
    }
    q.unfinished.set(q.unfinished.get() - 1);
    if q.unfinished.get() == 0 {
        q.finished.set(vm);
    }
    Ok(Value::None)
}

py_method!(
    JOIN,
    "Queue.join",
    "self",
    "Wait until every item put into the queue has been marked done with\n\
     task_done()."
);

fn q_join(vm: &Vm, args: Args) -> PyResult {
    let (q, _) = receiver_queue(vm, &JOIN, args)?;
    let a = aio(vm);
    if q.unfinished.get() > 0 {
        return Ok(OpAw::make(&a, Op::EventWait(q.finished.clone())));
    }
    Ok(OpAw::make(&a, Op::Ready(Value::None)))
}

/// CPython's `Queue._format()`.
fn q_format(vm: &Vm, queue: &Queue, receiver: Option<&Value>) -> PyResult<String> {
    let mut r = format!("maxsize={}", queue.maxsize.get());
    let items = match queue.py_items(vm, receiver)? {
        Some(items) if vm.truthy(&items)? => Some(Value::list(vm.to_vec(&items)?)),
        Some(_) => None,
        None if queue.items.borrow().is_empty() => None,
        None => Some(Value::list(queue.items.borrow().iter().cloned().collect())),
    };
    if let Some(items) = items {
        r.push_str(&format!(" _queue={}", vm.repr(&items)?));
    }
    let g = queue.getters.len();
    if g > 0 {
        r.push_str(&format!(" _getters[{g}]"));
    }
    let p = queue.putters.len();
    if p > 0 {
        r.push_str(&format!(" _putters[{p}]"));
    }
    if queue.unfinished.get() != 0 {
        r.push_str(&format!(" tasks={}", queue.unfinished.get()));
    }
    Ok(r)
}

py_method!(REPR, "Queue.__repr__", "self", "Return repr(self).");

fn q_repr(vm: &Vm, args: Args) -> PyResult {
    let (q, receiver) = receiver_queue(vm, &REPR, args)?;
    Ok(Value::string(format!(
        "<{} at {:#x} {}>",
        vm.type_name(&args.pos[0]),
        args.pos[0].id(),
        q_format(vm, q, receiver)?
    )))
}

py_method!(STR, "Queue.__str__", "self", "Return str(self).");

fn q_str(vm: &Vm, args: Args) -> PyResult {
    let (q, receiver) = receiver_queue(vm, &STR, args)?;
    Ok(Value::string(format!(
        "<{} {}>",
        vm.type_name(&args.pos[0]),
        q_format(vm, q, receiver)?
    )))
}

pub fn install(a: &Aio, m: &crate::objects::Module) {
    use crate::vm::types::{add_declared_methods, add_methods};
    add_methods(
        &a.queue_class,
        "Queue",
        &[("__new__", queue_new), ("__init__", q_init)],
    );
    add_declared_methods(
        &a.queue_class,
        "Queue",
        &[
            (&PRIVATE_INIT, q_private_init),
            (&PRIVATE_PUT, q_private_put),
            (&PRIVATE_GET, q_private_get),
            (&QSIZE, q_qsize),
            (&EMPTY, q_empty),
            (&FULL, q_full),
            (&PUT, q_put),
            (&GET, q_get),
            (&PUT_NOWAIT, q_put_nowait),
            (&GET_NOWAIT, q_get_nowait),
            (&TASK_DONE, q_task_done),
            (&JOIN, q_join),
            (&REPR, q_repr),
            (&STR, q_str),
        ],
    );
    add_methods(&a.lifo_queue_class, "LifoQueue", &[("__new__", lifo_new)]);
    add_methods(
        &a.priority_queue_class,
        "PriorityQueue",
        &[("__new__", priority_new)],
    );
    use crate::stdlib::set;
    set(m, "Queue", Value::Class(a.queue_class.clone()));
    set(m, "LifoQueue", Value::Class(a.lifo_queue_class.clone()));
    set(
        m,
        "PriorityQueue",
        Value::Class(a.priority_queue_class.clone()),
    );
}
