//! `_thread`: Python threads as green threads of the runtime
//! (`towel_runtime::green`), with CPython's global-lock semantics, and the
//! lock they all build on. `threading`, `queue` and `concurrent.futures` are
//! towel source on top of it.
//!
//! # How threads run
//!
//! Every Python thread but the main one is a green thread: a call stack of
//! its own (Rust and Python frames alike) on the interpreter's one OS
//! thread. Exactly one runs at a time, so objects stay `Rc`/`RefCell`. A
//! thread gives way when the switch interval has passed (the runtime's
//! ticker raises the dispatch loop's attention flag; [`give_way`] runs from
//! `attend`, between two instructions) and whenever it waits: a lock, a
//! sleep, a join. A blocking system call that must not stop the others goes
//! through `towel_runtime::green::run_blocking`, which runs it on the
//! blocking pool and parks the calling thread meanwhile.
//!
//! The VM's per-thread state (the frame chain, the handled-exception stack,
//! the recursion depth, the current `contextvars` context) is saved when a
//! thread is switched away from and restored when it is switched back to
//! (the runtime's switch hooks, [`leave`] and [`enter`]).
//!
//! **Invariant**: a switch happens only where arbitrary Python code could
//! run anyway (between instructions, or inside a native that calls back into
//! Python or waits), so no `RefCell` borrow is ever held across one.

use crate::objects::class::Layout;
use crate::objects::signature::{Signature, Style};
use crate::objects::{
    Args, Class, Code, Module, Namespace, Native, NativeFn, NativeObject, PyResult, Value,
};
use crate::stdlib::asyncio::events::EventLoop;
use crate::vm::Vm;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;
use std::time::{Duration, Instant};
use towel_runtime::green::{self, ThreadId, ROOT};

/// `_thread.TIMEOUT_MAX` on 64-bit Linux, in seconds.
const TIMEOUT_MAX: f64 = 9223372036.0;

/// How often a wait of the main thread looks for Ctrl-C.
const INTERRUPT_POLL: Duration = Duration::from_millis(50);

/// A thread's part of the VM's state, kept while it is switched out.
struct ThreadState {
    depth: usize,
    exc_stack: Vec<Option<Value>>,
    current_frame: *const crate::vm::frame::Frame,
    call_site: Option<(Rc<Code>, u32)>,
    caller_namespaces: Option<(Namespace, Namespace)>,
    context: Option<super::contextvars::Current>,
    running_loop: Option<Native<EventLoop>>,
}

thread_local! {
    /// The states of the threads that are switched out, by thread.
    static SAVED: RefCell<HashMap<ThreadId, ThreadState>> = RefCell::new(HashMap::new());
    static HOOKS_INSTALLED: Cell<bool> = const { Cell::new(false) };
}

/// Saves the leaving thread's part of the VM.
fn leave(vm: &Vm, id: ThreadId) {
    let state = ThreadState {
        depth: vm.depth.get(),
        exc_stack: std::mem::take(&mut *vm.exc_stack.borrow_mut()),
        current_frame: vm.current_frame.get(),
        call_site: vm.call_site.borrow_mut().take(),
        caller_namespaces: vm.caller_namespaces.borrow_mut().take(),
        context: super::contextvars::take_current(),
        running_loop: super::asyncio::swap_running_loop(None),
    };
    SAVED.with(|s| s.borrow_mut().insert(id, state));
}

/// Restores the entering thread's part of the VM; a new thread starts with
/// nothing on its stack and an empty context, as in CPython.
fn enter(vm: &Vm, id: ThreadId) {
    let state = SAVED.with(|s| s.borrow_mut().remove(&id));
    let state = state.unwrap_or(ThreadState {
        depth: 0,
        exc_stack: vec![None],
        current_frame: std::ptr::null(),
        call_site: None,
        caller_namespaces: None,
        context: None,
        running_loop: None,
    });
    vm.depth.set(state.depth);
    *vm.exc_stack.borrow_mut() = state.exc_stack;
    vm.current_frame.set(state.current_frame);
    *vm.call_site.borrow_mut() = state.call_site;
    *vm.caller_namespaces.borrow_mut() = state.caller_namespaces;
    super::contextvars::set_current(state.context);
    super::asyncio::swap_running_loop(state.running_loop);
    crate::vm::limits::enter_stack(green::stack_limit());
}

fn install_hooks(vm: &Vm) {
    if HOOKS_INSTALLED.with(|h| h.replace(true)) {
        return;
    }
    let vm_ptr = vm as *const Vm;
    // SAFETY (both hooks): the hooks only run while green threads exist,
    // which `_thread` creates from this VM; the VM is the program's and
    // lives until the process ends (threads left at exit are abandoned, never
    // resumed, see `towel_runtime::green`).
    green::set_switch_hooks(
        move |id| leave(unsafe { &*vm_ptr }, id),
        move |id| enter(unsafe { &*vm_ptr }, id),
    );
    let flag = vm.warn_pending.clone();
    green::notify_switch_requests(move || flag.set(true));
}

/// Lets the other threads run: called between two instructions once the
/// switch interval has passed.
pub(crate) fn give_way(vm: &Vm) {
    vm.flush_stdout();
    green::yield_now();
}

/// One wait of the running thread until it is unparked or `deadline`
/// passes; the main thread looks for Ctrl-C meanwhile.
fn wait(vm: &Vm, deadline: Option<Instant>) -> PyResult<()> {
    if green::current() != ROOT {
        green::park(deadline);
        return Ok(());
    }
    vm.flush_stdout();
    let slice = Instant::now() + INTERRUPT_POLL;
    green::park(Some(deadline.map_or(slice, |d| d.min(slice))));
    check_interrupt(vm)
}

fn check_interrupt(vm: &Vm) -> PyResult<()> {
    if vm
        .interrupt
        .swap(false, std::sync::atomic::Ordering::AcqRel)
    {
        return Err(vm.new_exception(&vm.exc.keyboard_interrupt, vec![]));
    }
    Ok(())
}

/// `time.sleep` while threads exist: the others run meanwhile. None when no
/// thread but the main one exists (the caller sleeps as it always did).
pub(crate) fn sleep(vm: &Vm, duration: Duration) -> Option<PyResult<()>> {
    if green::alive() == 0 && green::current() == ROOT {
        return None;
    }
    vm.flush_stdout();
    // Under virtual time the sleep still takes real time (other threads and
    // the clock's PendingIo are live), and the virtual clock then catches up
    // to the sleep's end, so that sleeps in several threads overlap.
    let virtual_end = towel_runtime::time::virtual_clock().map(|c| (c.now() + duration, c));
    let end = Instant::now() + duration;
    let slept = if green::current() != ROOT {
        green::sleep_until(end);
        Ok(())
    } else {
        loop {
            green::sleep_until(end.min(Instant::now() + INTERRUPT_POLL));
            if let Err(e) = check_interrupt(vm) {
                break Err(e);
            }
            if Instant::now() >= end {
                break Ok(());
            }
        }
    };
    if let Some((target, clock)) = virtual_end {
        clock.advance_to(target);
    }
    Some(slept)
}

/// What `threading._shutdown` does at exit: waits for the threads that are
/// not daemons. Run before `atexit` callbacks, as CPython does.
pub(crate) fn shutdown(vm: &Vm) {
    let Some(threading) = vm.loaded_module("threading") else {
        return;
    };
    let Some(shutdown) = super::module_get(&threading, "_shutdown") else {
        return;
    };
    if let Err(e) = vm.call(&shutdown, &[]) {
        vm.report_unraisable(&e, Some(&shutdown), Some("in threading._shutdown"));
    }
}

// -- the module ---------------------------------------------------------------------

const FUNCTIONS: &[(&Signature, NativeFn)] = &[
    (&START_NEW_THREAD, start_new_thread),
    (&START_NEW, start_new_thread),
    (&GET_IDENT, get_ident),
    (&GET_NATIVE_ID, get_native_id),
    (&ALLOCATE_LOCK, allocate_lock),
    (&ALLOCATE, allocate_lock),
    (&COUNT, count),
    (&STACK_SIZE, stack_size),
    (&EXIT, exit),
];

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    install_hooks(vm);
    let m = super::module_with_declared(vm, "_thread", FUNCTIONS);
    super::set(&m, "LockType", Value::Class(lock_class(vm)));
    super::set(&m, "RLock", Value::Class(rlock_class(vm)));
    super::set(&m, "error", Value::Class(vm.exc.runtime_error.clone()));
    super::set(&m, "TIMEOUT_MAX", Value::float(TIMEOUT_MAX));
    Ok(m)
}

static START_NEW_THREAD: Signature = Signature::new(
    Style::ParseTuple,
    "start_new_thread",
    "function, args, kwargs=<unrepresentable>, /",
);
static START_NEW: Signature = Signature::new(
    Style::ParseTuple,
    "start_new",
    "function, args, kwargs=<unrepresentable>, /",
);
static GET_IDENT: Signature = Signature::new(Style::Exact, "get_ident", "");
static GET_NATIVE_ID: Signature = Signature::new(Style::Exact, "get_native_id", "");
static ALLOCATE_LOCK: Signature = Signature::new(Style::Exact, "allocate_lock", "");
static ALLOCATE: Signature = Signature::new(Style::Exact, "allocate", "");
static COUNT: Signature = Signature::new(Style::Exact, "_count", "");
static STACK_SIZE: Signature = Signature::new(Style::ParseTuple, "stack_size", "size=0, /");
static EXIT: Signature = Signature::new(Style::Exact, "exit", "");

/// `start_new_thread(function, args[, kwargs])`: runs `function(*args,
/// **kwargs)` in a new thread and returns its identifier.
fn start_new_thread(vm: &Vm, args: Args) -> PyResult {
    let ([function, call_args], [kwargs]) = START_NEW_THREAD.bind(vm, args)?;
    if !crate::builtins::is_callable(vm, function) {
        return Err(vm.type_error("first arg must be callable"));
    }
    let Value::Tuple(call_args) = call_args else {
        return Err(vm.type_error("2nd arg must be a tuple"));
    };
    let (names, values): (Vec<Value>, Vec<Value>) = match kwargs {
        None => Default::default(),
        Some(Value::Dict(d)) => d.items().into_iter().unzip(),
        Some(_) => return Err(vm.type_error("optional 3rd arg must be a dictionary")),
    };
    let function = function.clone();
    let positional = call_args.0.clone();
    let vm_ptr = vm as *const Vm;
    let id = green::spawn(move || {
        // SAFETY: as in `install_hooks`, the VM outlives its threads.
        let vm = unsafe { &*vm_ptr };
        let result = vm.call_args(&function, Args::with_kw(&positional, &names, &values));
        if let Err(e) = result {
            if !vm.err_is(&e, &vm.exc.system_exit) {
                vm.report_unraisable(&e, Some(&function), Some("in thread started by"));
            }
        }
    })
    .map_err(|e| vm.runtime_error(format!("can't start new thread ({e})")))?;
    Ok(Value::Int(ident_of(id)))
}

/// The identifier of a thread: like CPython's, a large number that is the
/// same for the thread all its life and unique among living threads.
fn ident_of(id: ThreadId) -> i64 {
    const BASE: i64 = 0x7f00_0000_0000;
    BASE + (id as i64) * 0x80_0000
}

fn get_ident(vm: &Vm, args: Args) -> PyResult {
    GET_IDENT.bind::<0, 0>(vm, args)?;
    Ok(Value::Int(ident_of(green::current())))
}

/// The main thread has the process's id (as a Linux main thread has); the
/// others, numbers after it.
fn get_native_id(vm: &Vm, args: Args) -> PyResult {
    GET_NATIVE_ID.bind::<0, 0>(vm, args)?;
    Ok(Value::Int(
        std::process::id() as i64 + green::current() as i64,
    ))
}

fn count(vm: &Vm, args: Args) -> PyResult {
    COUNT.bind::<0, 0>(vm, args)?;
    Ok(Value::Int(green::alive() as i64))
}

/// Thread stacks have a fixed size; asking for another is accepted and
/// ignored, and the answer is 0 ("the default").
fn stack_size(vm: &Vm, args: Args) -> PyResult {
    let ([], [size]) = STACK_SIZE.bind(vm, args)?;
    if let Some(size) = size {
        let n = vm.to_index(size)?;
        if n != 0 && n < 32768 {
            return Err(vm.value_error("size not valid: 32768 bytes"));
        }
    }
    Ok(Value::Int(0))
}

fn exit(vm: &Vm, args: Args) -> PyResult {
    EXIT.bind::<0, 0>(vm, args)?;
    Err(vm.new_exception(&vm.exc.system_exit, vec![]))
}

fn allocate_lock(vm: &Vm, args: Args) -> PyResult {
    ALLOCATE_LOCK.bind::<0, 0>(vm, args)?;
    Ok(new_lock(vm))
}

// -- the lock -----------------------------------------------------------------------

/// `_thread.lock`: held or not, with the threads waiting for it in order.
pub struct Lock {
    class: Rc<Class>,
    locked: Cell<bool>,
    waiters: RefCell<VecDeque<ThreadId>>,
}

impl NativeObject for Lock {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn new_lock(vm: &Vm) -> Value {
    Value::native(Lock {
        class: lock_class(vm),
        locked: Cell::new(false),
        waiters: RefCell::new(VecDeque::new()),
    })
}

fn lock_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("_thread.lock", |vm| {
        let c = crate::vm::types::new_class(
            "lock",
            std::slice::from_ref(&vm.types.object),
            Layout::Builtin,
            "_thread",
        );
        crate::vm::types::add_declared_methods(&c, "lock", LOCK_METHODS);
        c
    })
}

static ACQUIRE: Signature =
    Signature::new(Style::Clinic, "acquire", "$self, blocking=True, timeout=-1");
static ACQUIRE_LOCK: Signature = Signature::new(
    Style::Clinic,
    "acquire_lock",
    "$self, blocking=True, timeout=-1",
);
static ENTER: Signature = Signature::new(
    Style::Clinic,
    "__enter__",
    "$self, blocking=True, timeout=-1",
);
static RELEASE: Signature = Signature::new(Style::Exact, "lock.release", "$self");
static RELEASE_LOCK: Signature = Signature::new(Style::Exact, "lock.release_lock", "$self");
static EXIT_LOCK: Signature = Signature::new(Style::Positional, "lock.__exit__", "$self, *args");
static LOCKED: Signature = Signature::new(Style::Exact, "lock.locked", "$self");
static LOCKED_LOCK: Signature = Signature::new(Style::Exact, "lock.locked_lock", "$self");
static LOCK_REPR: Signature = Signature::new(Style::Exact, "lock.__repr__", "$self");
static AT_FORK_REINIT: Signature = Signature::new(Style::Exact, "lock._at_fork_reinit", "$self");

const LOCK_METHODS: &[(&Signature, NativeFn)] = &[
    (&ACQUIRE, |vm, a| lock_acquire(vm, a, &ACQUIRE)),
    (&ACQUIRE_LOCK, |vm, a| lock_acquire(vm, a, &ACQUIRE_LOCK)),
    (&ENTER, |vm, a| lock_acquire(vm, a, &ENTER)),
    (&RELEASE, |vm, a| lock_release(vm, a, &RELEASE)),
    (&RELEASE_LOCK, |vm, a| lock_release(vm, a, &RELEASE_LOCK)),
    (&EXIT_LOCK, lock_exit),
    (&LOCKED, |vm, a| lock_locked(vm, a, &LOCKED)),
    (&LOCKED_LOCK, |vm, a| lock_locked(vm, a, &LOCKED_LOCK)),
    (&LOCK_REPR, lock_repr),
    (&AT_FORK_REINIT, lock_reinit),
];

fn this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Lock> {
    v.downcast_native::<Lock>()
        .ok_or_else(|| vm.type_error("descriptor requires a '_thread.lock' object"))
}

/// The deadline of an `acquire(blocking, timeout)`, checked as CPython
/// checks it: `Ok(None)` waits forever, `Err` for bad values.
pub(crate) fn acquire_deadline(
    vm: &Vm,
    blocking: bool,
    timeout: Option<&Value>,
) -> PyResult<Option<Instant>> {
    let secs = match timeout {
        None => -1.0,
        Some(t) => super::time::seconds_arg(vm, t)?,
    };
    if !blocking && secs != -1.0 {
        return Err(vm.value_error("can't specify a timeout for a non-blocking call"));
    }
    if secs < 0.0 && secs != -1.0 {
        return Err(vm.value_error("timeout value must be positive"));
    }
    if secs > TIMEOUT_MAX {
        return Err(vm.overflow_error("timeout value is too large"));
    }
    Ok((secs >= 0.0).then(|| Instant::now() + Duration::from_secs_f64(secs)))
}

fn lock_acquire(vm: &Vm, args: Args, sig: &Signature) -> PyResult {
    let ([me], [blocking, timeout]) = sig.bind(vm, args)?;
    let lock = this(vm, me)?;
    let blocking = match blocking {
        Some(b) => vm.truthy(b)?,
        None => true,
    };
    let deadline = acquire_deadline(vm, blocking, timeout)?;
    Ok(Value::from_bool(lock.acquire(vm, blocking, deadline)?))
}

impl Lock {
    /// Takes the lock, waiting (while the other threads run) until it is
    /// free, the deadline passes or, without `blocking`, not at all.
    pub(crate) fn acquire(
        &self,
        vm: &Vm,
        blocking: bool,
        deadline: Option<Instant>,
    ) -> PyResult<bool> {
        if !self.locked.get() {
            self.locked.set(true);
            return Ok(true);
        }
        if !blocking {
            return Ok(false);
        }
        let me = green::current();
        self.waiters.borrow_mut().push_back(me);
        let outcome = loop {
            if let Err(e) = wait(vm, deadline) {
                break Err(e);
            }
            if !self.locked.get() {
                self.locked.set(true);
                break Ok(true);
            }
            if deadline.is_some_and(|d| Instant::now() >= d) {
                break Ok(false);
            }
        };
        let mut waiters = self.waiters.borrow_mut();
        if let Some(at) = waiters.iter().position(|&w| w == me) {
            waiters.remove(at);
        }
        outcome
    }

    /// Frees the lock and wakes the first thread waiting for it.
    pub(crate) fn release(&self, vm: &Vm) -> PyResult<()> {
        if !self.locked.get() {
            return Err(vm.runtime_error("release unlocked lock"));
        }
        self.locked.set(false);
        if let Some(&first) = self.waiters.borrow().front() {
            green::unpark(first);
        }
        Ok(())
    }
}

fn lock_release(vm: &Vm, args: Args, sig: &Signature) -> PyResult {
    let ([me], []) = sig.bind(vm, args)?;
    this(vm, me)?.release(vm)?;
    Ok(Value::None)
}

fn lock_exit(vm: &Vm, args: Args) -> PyResult {
    let b = EXIT_LOCK.bind_all::<1, 0>(vm, args)?;
    this(vm, b.required[0])?.release(vm)?;
    Ok(Value::None)
}

fn lock_locked(vm: &Vm, args: Args, sig: &Signature) -> PyResult {
    let ([me], []) = sig.bind(vm, args)?;
    Ok(Value::from_bool(this(vm, me)?.locked.get()))
}

fn lock_repr(vm: &Vm, args: Args) -> PyResult {
    let ([me], []) = LOCK_REPR.bind(vm, args)?;
    let lock = this(vm, me)?;
    let state = if lock.locked.get() {
        "locked"
    } else {
        "unlocked"
    };
    Ok(Value::string(format!(
        "<{state} _thread.lock object at {:#x}>",
        me.id()
    )))
}

fn lock_reinit(vm: &Vm, args: Args) -> PyResult {
    let ([me], []) = AT_FORK_REINIT.bind(vm, args)?;
    this(vm, me)?.locked.set(false);
    Ok(Value::None)
}

// -- the reentrant lock ---------------------------------------------------------------

/// `_thread.RLock` (what `threading.RLock()` makes): a [`Lock`] that the
/// thread holding it may take again; it is free once released as many times
/// as it was taken. `owner` is the holding thread (None when free) and
/// `depth` how many times it took the lock.
pub(crate) struct RLock {
    class: Rc<Class>,
    inner: Lock,
    owner: Cell<Option<ThreadId>>,
    depth: Cell<u64>,
}

impl NativeObject for RLock {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn rlock_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("_thread.RLock", |vm| {
        let c = crate::vm::types::new_class(
            "RLock",
            std::slice::from_ref(&vm.types.object),
            Layout::Builtin,
            "_thread",
        );
        crate::vm::types::add_declared_methods(&c, "RLock", RLOCK_METHODS);
        // `__new__` takes (and ignores) any arguments, as CPython's does.
        crate::vm::types::add_methods(&c, "RLock", &[("__new__", rlock_new)]);
        c
    })
}

fn rlock_new(vm: &Vm, args: Args) -> PyResult {
    let class = match args.pos.first() {
        Some(Value::Class(c)) => c.clone(),
        _ => rlock_class(vm),
    };
    Ok(Value::native(RLock {
        class,
        inner: Lock {
            class: lock_class(vm),
            locked: Cell::new(false),
            waiters: RefCell::new(VecDeque::new()),
        },
        owner: Cell::new(None),
        depth: Cell::new(0),
    }))
}

static RLOCK_ACQUIRE: Signature =
    Signature::new(Style::Clinic, "acquire", "$self, blocking=True, timeout=-1");
static RLOCK_ENTER: Signature = Signature::new(
    Style::Clinic,
    "__enter__",
    "$self, blocking=True, timeout=-1",
);
static RLOCK_RELEASE: Signature = Signature::new(Style::Exact, "RLock.release", "$self");
static RLOCK_EXIT: Signature = Signature::new(Style::Positional, "RLock.__exit__", "$self, *args");
static RLOCK_IS_OWNED: Signature = Signature::new(Style::Exact, "RLock._is_owned", "$self");
static RLOCK_RELEASE_SAVE: Signature = Signature::new(Style::Exact, "RLock._release_save", "$self");
static RLOCK_ACQUIRE_RESTORE: Signature =
    Signature::new(Style::Positional, "_acquire_restore", "$self, state, /");
static RLOCK_RECURSION_COUNT: Signature =
    Signature::new(Style::Exact, "RLock._recursion_count", "$self");
static RLOCK_REPR: Signature = Signature::new(Style::Exact, "RLock.__repr__", "$self");
static RLOCK_AT_FORK_REINIT: Signature =
    Signature::new(Style::Exact, "RLock._at_fork_reinit", "$self");

const RLOCK_METHODS: &[(&Signature, NativeFn)] = &[
    (&RLOCK_ACQUIRE, |vm, a| rlock_acquire(vm, a, &RLOCK_ACQUIRE)),
    (&RLOCK_ENTER, |vm, a| rlock_acquire(vm, a, &RLOCK_ENTER)),
    (&RLOCK_RELEASE, rlock_release),
    (&RLOCK_EXIT, rlock_exit),
    (&RLOCK_IS_OWNED, rlock_is_owned),
    (&RLOCK_RELEASE_SAVE, rlock_release_save),
    (&RLOCK_ACQUIRE_RESTORE, rlock_acquire_restore),
    (&RLOCK_RECURSION_COUNT, rlock_recursion_count),
    (&RLOCK_REPR, rlock_repr),
    (&RLOCK_AT_FORK_REINIT, rlock_reinit),
];

fn this_rlock<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a RLock> {
    v.downcast_native::<RLock>()
        .ok_or_else(|| vm.type_error("descriptor requires a '_thread.RLock' object"))
}

impl RLock {
    fn held_by_caller(&self) -> bool {
        self.depth.get() > 0 && self.owner.get() == Some(green::current())
    }

    /// Lets go of one level; the lock is free once every level is gone.
    fn release(&self, vm: &Vm) -> PyResult<()> {
        if !self.held_by_caller() {
            return Err(vm.runtime_error("cannot release un-acquired lock"));
        }
        self.depth.set(self.depth.get() - 1);
        if self.depth.get() == 0 {
            self.owner.set(None);
            self.inner.release(vm)?;
        }
        Ok(())
    }
}

fn rlock_acquire(vm: &Vm, args: Args, sig: &Signature) -> PyResult {
    let ([me], [blocking, timeout]) = sig.bind(vm, args)?;
    let lock = this_rlock(vm, me)?;
    let blocking = match blocking {
        Some(b) => vm.truthy(b)?,
        None => true,
    };
    // The arguments are checked even when the holder takes it again.
    let deadline = acquire_deadline(vm, blocking, timeout)?;
    if !lock.held_by_caller() {
        if !lock.inner.acquire(vm, blocking, deadline)? {
            return Ok(Value::from_bool(false));
        }
        lock.owner.set(Some(green::current()));
    }
    lock.depth.set(lock.depth.get() + 1);
    Ok(Value::from_bool(true))
}

fn rlock_release(vm: &Vm, args: Args) -> PyResult {
    let ([me], []) = RLOCK_RELEASE.bind(vm, args)?;
    this_rlock(vm, me)?.release(vm)?;
    Ok(Value::None)
}

fn rlock_exit(vm: &Vm, args: Args) -> PyResult {
    let b = RLOCK_EXIT.bind_all::<1, 0>(vm, args)?;
    this_rlock(vm, b.required[0])?.release(vm)?;
    Ok(Value::None)
}

fn rlock_is_owned(vm: &Vm, args: Args) -> PyResult {
    let ([me], []) = RLOCK_IS_OWNED.bind(vm, args)?;
    Ok(Value::from_bool(this_rlock(vm, me)?.held_by_caller()))
}

/// For `threading.Condition.wait`: lets go of every level at once and
/// returns what `_acquire_restore` needs to take them all back,
/// `(depth, owner)`.
fn rlock_release_save(vm: &Vm, args: Args) -> PyResult {
    let ([me], []) = RLOCK_RELEASE_SAVE.bind(vm, args)?;
    let lock = this_rlock(vm, me)?;
    let depth = lock.depth.replace(0);
    if depth == 0 {
        return Err(vm.runtime_error("cannot release un-acquired lock"));
    }
    let owner = lock.owner.take().map_or(0, ident_of);
    lock.inner.release(vm)?;
    Ok(Value::tuple(vec![
        Value::Int(depth as i64),
        Value::Int(owner),
    ]))
}

fn rlock_acquire_restore(vm: &Vm, args: Args) -> PyResult {
    let ([me, state], []) = RLOCK_ACQUIRE_RESTORE.bind(vm, args)?;
    let lock = this_rlock(vm, me)?;
    let items = match state.builtin_base() {
        Value::Tuple(t) => t.0.clone(),
        Value::List(l) => l.snapshot(),
        _ => {
            return Err(vm.type_error(format!(
                "_acquire_restore() argument 1 must be 2-item sequence, not {}",
                vm.type_name(state)
            )))
        }
    };
    let [depth, _owner] = items.as_slice() else {
        return Err(vm.type_error(format!(
            "_acquire_restore() argument 1 must be sequence of length 2, not {}",
            items.len()
        )));
    };
    let depth = u64::try_from(vm.to_index(depth)?).unwrap_or(0);
    lock.inner.acquire(vm, true, None)?;
    // The owner is the caller: the thread that saved the state takes it back.
    lock.owner.set(Some(green::current()));
    lock.depth.set(depth);
    Ok(Value::None)
}

fn rlock_recursion_count(vm: &Vm, args: Args) -> PyResult {
    let ([me], []) = RLOCK_RECURSION_COUNT.bind(vm, args)?;
    let lock = this_rlock(vm, me)?;
    let depth = if lock.held_by_caller() {
        lock.depth.get()
    } else {
        0
    };
    Ok(Value::Int(depth as i64))
}

fn rlock_repr(vm: &Vm, args: Args) -> PyResult {
    let ([me], []) = RLOCK_REPR.bind(vm, args)?;
    let lock = this_rlock(vm, me)?;
    let state = if lock.inner.locked.get() {
        "locked"
    } else {
        "unlocked"
    };
    let name = if Rc::ptr_eq(&lock.class, &rlock_class(vm)) {
        "_thread.RLock".to_string()
    } else {
        lock.class.name.to_string()
    };
    Ok(Value::string(format!(
        "<{state} {name} object owner={} count={} at {:#x}>",
        lock.owner.get().map_or(0, ident_of),
        lock.depth.get(),
        me.id()
    )))
}

fn rlock_reinit(vm: &Vm, args: Args) -> PyResult {
    let ([me], []) = RLOCK_AT_FORK_REINIT.bind(vm, args)?;
    let lock = this_rlock(vm, me)?;
    lock.inner.locked.set(false);
    lock.owner.set(None);
    lock.depth.set(0);
    Ok(Value::None)
}
