//! The event loop: a thin face over the runtime's event loop.
//!
//! # How it works
//! Everything the loop runs is an executor task on the runtime's
//! thread-local `LocalExecutor`, whose queue is FIFO: a task driver (see
//! `tasks.rs`) for each script task, and a small [`RunHandle`] future for
//! each `call_soon`. Waking a task or spawning a handle therefore appends to
//! the same queue, which is what makes interleavings match CPython's
//! `call_soon` order.
//!
//! Timers (`call_at`, `call_later`, `sleep`) live in the runtime's
//! [`towel_runtime::event_loop::EventLoop`], one per asyncio loop, keyed by
//! (deadline, creation order); the runtime also owns the clock, real or
//! virtual, that `loop.time()` reads. An iteration of the loop (CPython's
//! `_run_once`) is the runtime's [`run_once`](RuntimeLoop::run_once): due
//! timers go behind the work already queued, the tasks ready at that point
//! run, and an idle loop sleeps in the reactor (or jumps a virtual clock)
//! until the next timer or a ready task. [`run_forever`] is that iteration
//! plus the checks between iterations (`stop()`, a fatal exception, Ctrl-C);
//! `run_until_complete`, `asyncio.run`, the REPL and a `time.sleep` inside a
//! `run_in_executor` job all turn the loop through it.
//!
//! Several loops may exist (`new_event_loop`), but one runs at a time per
//! thread; an executor task that belongs to a loop that is not running parks
//! its waker in that loop's `deferred` list until the loop runs again.

use super::futures::{callable_repr, Callback, Fut};
use super::{aio, Aio};
use crate::objects::{Args, Class, NativeObject, PyErr, PyResult, Value};
use crate::objects::{Native, NativeBox};
use crate::vm::Vm;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};
use towel_runtime::event_loop::{TimerKey, Wait};

/// The runtime loop under an asyncio loop: its timers are `TimerHandle`s.
type RuntimeLoop = towel_runtime::event_loop::EventLoop<Native<Handle>>;

pub struct EventLoop {
    class: Rc<Class>,
    me: std::rc::Weak<NativeBox<EventLoop>>,
    pub aio: Rc<Aio>,
    pub closed: Cell<bool>,
    pub running: Cell<bool>,
    pub stopping: Cell<bool>,
    pub debug: Cell<bool>,
    /// The timers and the iteration.
    core: RuntimeLoop,
    /// Wakers of executor tasks that were polled while this loop was not running.
    deferred: RefCell<Vec<Waker>>,
    /// Async generators first iterated while this loop ran (for `shutdown_asyncgens`).
    pub asyncgens: RefCell<Vec<std::rc::Weak<crate::objects::Generator>>>,
    /// Tasks of this loop, in creation order (for `all_tasks`).
    pub tasks: RefCell<Vec<std::rc::Weak<NativeBox<Fut>>>>,
    pub current_task: RefCell<Option<Native<Fut>>>,
    /// KeyboardInterrupt/SystemExit raised by a task or callback: ends `run_forever`.
    pub fatal: RefCell<Option<PyErr>>,
    exception_handler: RefCell<Value>,
}

impl NativeObject for EventLoop {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    /// The loop owns its timer handles (each visits its own callback).
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(handler) = self.exception_handler.try_borrow() {
            visit(&handler);
        }
        self.core
            .for_each_timer(|h| visit(&Value::Native(h.clone().into())));
    }
}

/// Loop time now, in the same seconds as `time.monotonic()`.
pub fn now() -> f64 {
    crate::stdlib::time::monotonic_seconds()
}

/// The instant of the runtime's clock at which loop time reaches `when`.
fn instant_of(when: f64) -> Instant {
    crate::stdlib::time::instant_of_monotonic(when)
}

impl EventLoop {
    pub fn new(a: &Rc<Aio>) -> Native<EventLoop> {
        NativeBox::new_cyclic(|me| EventLoop {
            class: a.loop_class.clone(),
            me: me.clone(),
            aio: a.clone(),
            closed: Cell::new(false),
            running: Cell::new(false),
            stopping: Cell::new(false),
            debug: Cell::new(false),
            core: RuntimeLoop::new(fire_timer),
            deferred: RefCell::new(Vec::new()),
            asyncgens: RefCell::new(Vec::new()),
            tasks: RefCell::new(Vec::new()),
            current_task: RefCell::new(None),
            fatal: RefCell::new(None),
            exception_handler: RefCell::new(Value::None),
        })
    }

    pub fn rc(&self) -> Option<Native<EventLoop>> {
        self.me.upgrade()
    }

    pub fn value(&self) -> Value {
        match self.rc() {
            Some(rc) => Value::Native(rc.into()),
            None => Value::None,
        }
    }

    /// The VM, if this loop is the one running on this thread.
    pub fn running_vm(&self) -> Option<&Vm> {
        let running = self.aio.running.borrow();
        match &*running {
            Some(lp) if std::ptr::eq(&***lp, self) => {
                let vm = self.aio.vm.get();
                // SAFETY: `aio.vm` is set by `run_forever` from the `&Vm` it was
                // called with and cleared (with `aio.running`) before it
                // returns, so a non-null pointer seen while this loop is the
                // running one points at a live VM. Callers use the reference
                // within the executor task or callback that asked for it,
                // which runs inside that `run_forever` call.
                (!vm.is_null()).then(|| unsafe { &*vm })
            }
            _ => None,
        }
    }

    /// The VM, if this loop is the one running on this thread; otherwise
    /// `waker` is kept until the loop runs again and None is returned.
    pub fn enter(&self, waker: &Waker) -> Option<&Vm> {
        let vm = self.running_vm();
        if vm.is_none() {
            self.deferred.borrow_mut().push(waker.clone());
        }
        vm
    }

    /// `call_soon`: runs `handle` after everything already queued.
    pub fn call_soon_handle(&self, handle: Native<Handle>) {
        towel_runtime::spawn(RunHandle(handle)).detach();
    }

    pub fn call_soon_native(&self, f: impl Fn(&Vm) + 'static) {
        if let Some(lp) = self.rc() {
            let h = Handle::new(&lp, HandleCb::Native(Box::new(f)), None);
            self.call_soon_handle(h);
        }
    }

    /// `call_at`: a `TimerHandle` that runs `cb` once loop time reaches `when`.
    pub fn call_at_handle(&self, when: f64, cb: HandleCb) -> Option<Native<Handle>> {
        let lp = self.rc()?;
        let h = Handle::new(&lp, cb, Some(when));
        let key = self.core.call_at(instant_of(when), h.clone());
        h.timer.set(Some(key));
        Some(h)
    }

    pub fn cancel_timer(&self, key: TimerKey) {
        self.core.cancel(key);
    }

    /// Schedules a future's done callback (one `call_soon`, or a task wake-up).
    pub fn schedule_callback(&self, _vm: &Vm, cb: Callback, fut: Native<Fut>) {
        match cb {
            Callback::Wake(task) => super::tasks::wake(&task),
            Callback::Py(f) => {
                if let Some(lp) = self.rc() {
                    let h = Handle::new(&lp, HandleCb::Py(f, vec![fut.value()]), None);
                    self.call_soon_handle(h);
                }
            }
            Callback::Native(f) => self.call_soon_native(move |vm| f(vm, &fut)),
        }
    }

    pub fn stop(&self) {
        self.stopping.set(true);
    }

    pub fn check_closed(&self, vm: &Vm) -> PyResult<()> {
        if self.closed.get() {
            return Err(vm.runtime_error("Event loop is closed"));
        }
        Ok(())
    }

    fn check_running(&self, vm: &Vm) -> PyResult<()> {
        if self.running.get() {
            return Err(vm.runtime_error("This event loop is already running"));
        }
        if self.aio.running.borrow().is_some() {
            return Err(vm.runtime_error("Cannot run the event loop while another loop is running"));
        }
        Ok(())
    }

    /// `loop.call_exception_handler(context)`.
    pub fn call_exception_handler(&self, vm: &Vm, context: Vec<(&str, Value)>) {
        let handler = self.exception_handler.borrow().clone();
        if !handler.is_none() {
            let d = crate::objects::PyDict::new();
            for (k, v) in &context {
                let _ = d.set(vm, Value::str(k), v.clone());
            }
            if let Err(e) = vm.call(
                &handler,
                &[self.value(), Value::Dict(crate::objects::gc::new(d))],
            ) {
                vm.flush_stdout();
                eprintln!("Unhandled error in exception handler");
                vm.print_exception(&e);
            }
            return;
        }
        default_exception_handler(vm, &context);
    }
}

/// `loop.default_exception_handler`: what CPython's logger prints.
pub fn default_exception_handler(vm: &Vm, context: &[(&str, Value)]) {
    let mut lines = Vec::new();
    let message = context
        .iter()
        .find(|(k, _)| *k == "message")
        .and_then(|(_, v)| v.as_str().map(str::to_string))
        .unwrap_or_else(|| "Unhandled exception in event loop".to_string());
    lines.push(message);
    let mut keys: Vec<&(&str, Value)> = context
        .iter()
        .filter(|(k, _)| *k != "message" && *k != "exception")
        .collect();
    keys.sort_by_key(|(k, _)| *k);
    for (k, v) in keys {
        // `<key>_repr` entries carry a ready-made repr (of an object that is gone).
        let (key, text) = match (k.strip_suffix("_repr"), v) {
            (Some(key), Value::Str(s)) => (key, s.as_str().to_string()),
            _ => (*k, vm.repr(v).unwrap_or_default()),
        };
        lines.push(format!("{key}: {text}"));
    }
    vm.flush_stdout();
    let mut out = lines.join("\n");
    out.push('\n');
    if let Some((_, Value::Instance(e))) = context.iter().find(|(k, _)| *k == "exception") {
        if e.is_exception() {
            out.push_str(&vm.format_exception(&PyErr(e.clone())));
        }
    }
    eprint!("{out}");
}

// -- handles ---------------------------------------------------------------------------

pub enum HandleCb {
    Py(Value, Vec<Value>),
    Native(Box<dyn Fn(&Vm)>),
}

/// `asyncio.Handle` / `asyncio.TimerHandle`.
pub struct Handle {
    class: Rc<Class>,
    me: std::rc::Weak<NativeBox<Handle>>,
    lp: Native<EventLoop>,
    cb: RefCell<Option<HandleCb>>,
    cancelled: Cell<bool>,
    /// The loop time at which a timer handle runs (None for `call_soon` handles).
    when: Option<f64>,
    /// Where a timer handle waits in the runtime's queue, until it fires.
    timer: Cell<Option<TimerKey>>,
}

impl NativeObject for Handle {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(Some(HandleCb::Py(f, args))) = self.cb.try_borrow().as_deref() {
            visit(f);
            args.iter().for_each(visit);
        }
    }
}

impl Handle {
    /// The loop time at which a timer handle runs (None for `call_soon` handles).
    pub fn when(&self) -> Option<f64> {
        self.when
    }

    pub fn new(lp: &Native<EventLoop>, cb: HandleCb, when: Option<f64>) -> Native<Handle> {
        let class = if when.is_some() {
            lp.aio.timer_handle_class.clone()
        } else {
            lp.aio.handle_class.clone()
        };
        NativeBox::new_cyclic(|me| Handle {
            class,
            me: me.clone(),
            lp: lp.clone(),
            cb: RefCell::new(Some(cb)),
            cancelled: Cell::new(false),
            when,
            timer: Cell::new(None),
        })
    }

    pub fn cancel(&self) {
        if !self.cancelled.replace(true) {
            if let Some(key) = self.timer.take() {
                self.lp.cancel_timer(key);
            }
            self.cb.borrow_mut().take();
        }
    }

    fn run(&self, vm: &Vm) {
        if self.cancelled.get() {
            return;
        }
        let cb = self.cb.borrow_mut().take();
        match cb {
            Some(HandleCb::Native(f)) => f(vm),
            Some(HandleCb::Py(f, args)) => {
                if let Err(e) = vm.call(&f, &args) {
                    let desc = callable_repr(vm, &f, &args);
                    if vm.err_is(&e, &vm.exc.keyboard_interrupt)
                        || vm.err_is(&e, &vm.exc.system_exit)
                    {
                        *self.lp.fatal.borrow_mut() = Some(e);
                        return;
                    }
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
            None => {}
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
        if let Some(HandleCb::Py(f, args)) = &*self.cb.borrow() {
            parts.push(callable_repr(vm, f, args));
        }
        format!("<{name} {}>", parts.join(" "))
    }
}

/// The executor task of one `call_soon`.
struct RunHandle(Native<Handle>);

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
fn fire_timer(h: Native<Handle>) {
    h.timer.set(None);
    match h.lp.running_vm() {
        Some(vm) => h.run(vm),
        None => h.lp.call_soon_handle(h.clone()),
    }
}

// -- running ---------------------------------------------------------------------------

/// Restores the thread's "no loop running" state however `run_forever` exits.
struct Running<'a>(&'a EventLoop);

impl Drop for Running<'_> {
    fn drop(&mut self) {
        self.0.running.set(false);
        self.0.stopping.set(false);
        *self.0.aio.running.borrow_mut() = None;
        self.0.aio.vm.set(std::ptr::null());
    }
}

/// `loop.run_forever()`: iterations until `stop()`.
pub fn run_forever(vm: &Vm, lp: &Native<EventLoop>) -> PyResult<()> {
    lp.check_closed(vm)?;
    lp.check_running(vm)?;
    lp.running.set(true);
    *lp.aio.running.borrow_mut() = Some(lp.clone());
    lp.aio.vm.set(vm as *const Vm);
    let _guard = Running(lp);
    for w in std::mem::take(&mut *lp.deferred.borrow_mut()) {
        w.wake();
    }
    loop {
        // After `stop()`, CPython's loop still runs the iteration under way
        // (and one more if stopped before it started), without waiting.
        let wait = if lp.stopping.get() {
            Wait::Never
        } else {
            Wait::Forever
        };
        lp.core.run_once(wait);
        if let Some(e) = lp.fatal.borrow_mut().take() {
            return Err(e);
        }
        if lp.stopping.get() {
            return Ok(());
        }
        crate::stdlib::signal::run_handlers(vm)?;
    }
}

thread_local! {
    /// How many `run_in_executor` jobs are running (nested) on this thread.
    static JOBS: Cell<usize> = const { Cell::new(0) };
}

/// Runs one `run_in_executor` job on the loop's thread and settles its future.
///
/// The VM is single-threaded, so a script function cannot move to the
/// runtime's blocking pool; instead the job runs as a loop callback, and a
/// `time.sleep` inside it keeps the loop turning (see [`sleep_in_executor_job`]),
/// which is what "the loop keeps running while the thread blocks" means to a
/// script.
fn run_job(vm: &Vm, fut: &Native<Fut>, func: &Value, args: &[Value]) {
    if fut.cancelled() {
        return;
    }
    JOBS.with(|j| j.set(j.get() + 1));
    let r = vm.call(func, args);
    JOBS.with(|j| j.set(j.get().saturating_sub(1)));
    if fut.done() {
        return;
    }
    let _ = match r {
        Ok(v) => fut.set_result(vm, v),
        Err(e) => fut.set_exception(vm, e),
    };
}

/// `time.sleep(secs)` inside a `run_in_executor` job: runs the event loop
/// until `secs` have passed instead of blocking it, and returns true; returns
/// false (the caller really sleeps) outside jobs or without a running loop.
pub fn sleep_in_executor_job(vm: &Vm, secs: Duration) -> bool {
    if JOBS.with(Cell::get) == 0 {
        return false;
    }
    let Some(lp) = running_loop(vm) else {
        return false;
    };
    vm.flush_stdout();
    let Some(deadline) = towel_runtime::time::now().checked_add(secs) else {
        return false;
    };
    while towel_runtime::time::now() < deadline {
        lp.core.run_once(Wait::Until(deadline));
        if lp.fatal.borrow().is_some() || lp.stopping.get() {
            // Let the outer loop see it; sleep out the rest without the loop.
            let left = deadline.saturating_duration_since(towel_runtime::time::now());
            crate::stdlib::time::block_thread_for(left);
            break;
        }
    }
    true
}

/// `loop.run_until_complete(future)`.
pub fn run_until_complete(vm: &Vm, lp: &Native<EventLoop>, future: &Value) -> PyResult {
    lp.check_closed(vm)?;
    lp.check_running(vm)?;
    let new_task = future.downcast_native::<Fut>().is_none();
    let fut = super::tasks::ensure_future(vm, future, Some(lp))?;
    let stopper: super::futures::NativeCallback = Rc::new(|_vm, f| f.lp.stop());
    fut.add_callback(vm, Callback::Native(stopper.clone()));
    let r = run_forever(vm, lp);
    if r.is_err() && new_task && fut.done() && !fut.cancelled() {
        let _ = fut.exception(vm);
    }
    fut.remove_native_callback(&stopper);
    super::futures::report_unretrieved(vm, lp);
    r?;
    if !fut.done() {
        return Err(vm.runtime_error("Event loop stopped before Future completed."));
    }
    fut.result(vm)
}

// -- async generator hooks -----------------------------------------------------------

/// `firstiter`: an async generator first iterated while a loop runs is finalized by that loop.
fn agen_firstiter(vm: &Vm, g: &Rc<crate::objects::Generator>) {
    if let Some(lp) = running_loop(vm) {
        g.has_finalizer.set(true);
        let mut gens = lp.asyncgens.borrow_mut();
        if gens.len() > 64 && gens.len().is_power_of_two() {
            gens.retain(|w| w.strong_count() > 0);
        }
        gens.push(Rc::downgrade(g));
    }
}

/// `finalizer`: `loop.call_soon_threadsafe(loop.create_task, agen.aclose())`.
fn agen_finalizer(vm: &Vm, g: Rc<crate::objects::Generator>) {
    let aclose = crate::builtins::generator::aclose_awaitable(vm, g);
    match running_loop(vm) {
        Some(lp) => {
            let target = lp.clone();
            lp.call_soon_native(move |vm| {
                super::tasks::spawn_task(vm, &target, aclose.clone(), Value::None);
            });
        }
        None => {
            // No loop to run it on: drive the close to its end right here.
            let _ = vm.send(&aclose, Value::None);
        }
    }
}

/// `_add_loop_method(name, func)`: a loop method written in towel source.
fn add_loop_method(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "_add_loop_method", 2, 2)?;
    let name = args.pos[0]
        .as_str()
        .ok_or_else(|| vm.type_error("method name must be a str"))?;
    aio(vm)
        .loop_class
        .dict
        .borrow_mut()
        .insert(crate::objects::Name::new(name), args.pos[1].clone());
    Ok(Value::None)
}

/// `_take_asyncgens(loop)`: the loop's live async generators, for `shutdown_asyncgens`.
fn take_asyncgens(vm: &Vm, args: Args) -> PyResult {
    let lp = this(vm, &args)?;
    let gens = std::mem::take(&mut *lp.asyncgens.borrow_mut());
    let live: Vec<Value> = gens
        .iter()
        .filter_map(|w| w.upgrade())
        .filter(|g| g.state.get() != crate::objects::GenState::Closed)
        .map(Value::Generator)
        .collect();
    Ok(Value::list(live))
}

// -- module-level functions --------------------------------------------------------------

pub fn this_loop(vm: &Vm, v: &Value) -> PyResult<Native<EventLoop>> {
    v.downcast_native::<EventLoop>()
        .and_then(EventLoop::rc)
        .ok_or_else(|| vm.type_error("expected an event loop"))
}

fn this(vm: &Vm, args: &Args) -> PyResult<Native<EventLoop>> {
    match args.get(0) {
        Some(v) => this_loop(vm, v),
        None => Err(vm.type_error("expected an event loop")),
    }
}

pub fn running_loop(vm: &Vm) -> Option<Native<EventLoop>> {
    aio(vm).running.borrow().clone()
}

pub fn get_running_loop_rc(vm: &Vm) -> PyResult<Native<EventLoop>> {
    running_loop(vm).ok_or_else(|| vm.runtime_error("no running event loop"))
}

/// `asyncio.get_event_loop()`: the running loop, else the thread's current one (created on demand).
pub fn get_event_loop_rc(vm: &Vm) -> PyResult<Native<EventLoop>> {
    if let Some(lp) = running_loop(vm) {
        return Ok(lp);
    }
    let a = aio(vm);
    let current = a.set_loop.borrow().clone();
    match current {
        Some(lp) => Ok(lp),
        None if a.loop_was_set.get() => {
            Err(vm.runtime_error("There is no current event loop in thread 'MainThread'."))
        }
        None => {
            let lp = new_loop(vm, &a);
            *a.set_loop.borrow_mut() = Some(lp.clone());
            a.loop_was_set.set(true);
            Ok(lp)
        }
    }
}

fn get_event_loop(vm: &Vm, _args: Args) -> PyResult {
    Ok(get_event_loop_rc(vm)?.value())
}

fn get_running_loop(vm: &Vm, _args: Args) -> PyResult {
    Ok(get_running_loop_rc(vm)?.value())
}

fn private_get_running_loop(vm: &Vm, _args: Args) -> PyResult {
    Ok(running_loop(vm).map(|l| l.value()).unwrap_or_default())
}

fn new_event_loop(vm: &Vm, _args: Args) -> PyResult {
    Ok(new_loop(vm, &aio(vm)).value())
}

/// A new loop, in debug mode under `-X dev` or `PYTHONASYNCIODEBUG` (as
/// CPython's `coroutines._is_debug_mode()`).
fn new_loop(vm: &Vm, a: &Rc<Aio>) -> Native<EventLoop> {
    let lp = EventLoop::new(a);
    lp.debug.set(vm.config.borrow().asyncio_debug);
    lp
}

fn set_event_loop(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "set_event_loop", 1, 1)?;
    let a = aio(vm);
    let lp = match &args.pos[0] {
        Value::None => None,
        v => Some(this_loop(vm, v)?),
    };
    *a.set_loop.borrow_mut() = lp;
    a.loop_was_set.set(true);
    Ok(Value::None)
}

// -- loop methods -------------------------------------------------------------------------

fn lp_run_until_complete(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "run_until_complete", 2, 2)?;
    let lp = this(vm, &args)?;
    run_until_complete(vm, &lp, &args.pos[1])
}

fn lp_run_forever(vm: &Vm, args: Args) -> PyResult {
    let lp = this(vm, &args)?;
    run_forever(vm, &lp)?;
    Ok(Value::None)
}

fn lp_stop(vm: &Vm, args: Args) -> PyResult {
    this(vm, &args)?.stop();
    Ok(Value::None)
}

fn lp_close(vm: &Vm, args: Args) -> PyResult {
    let lp = this(vm, &args)?;
    if lp.running.get() {
        return Err(vm.runtime_error("Cannot close a running event loop"));
    }
    if lp.closed.replace(true) {
        return Ok(Value::None);
    }
    lp.core.clear();
    lp.deferred.borrow_mut().clear();
    Ok(Value::None)
}

fn lp_is_running(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::from_bool(this(vm, &args)?.running.get()))
}

fn lp_is_closed(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::from_bool(this(vm, &args)?.closed.get()))
}

fn lp_time(_vm: &Vm, _args: Args) -> PyResult {
    Ok(Value::float(now()))
}

fn lp_get_debug(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::from_bool(this(vm, &args)?.debug.get()))
}

fn lp_set_debug(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "set_debug", 2, 2)?;
    let lp = this(vm, &args)?;
    lp.debug.set(vm.truthy(&args.pos[1])?);
    Ok(Value::None)
}

fn handle_value(h: Native<Handle>) -> Value {
    Value::Native(h.into())
}

fn lp_call_soon(vm: &Vm, args: Args) -> PyResult {
    args.check_pos(vm, "call_soon", 2, usize::MAX)?;
    let lp = this(vm, &args)?;
    lp.check_closed(vm)?;
    let h = Handle::new(
        &lp,
        HandleCb::Py(args.pos[1].clone(), args.pos[2..].to_vec()),
        None,
    );
    lp.call_soon_handle(h.clone());
    Ok(handle_value(h))
}

fn call_at(vm: &Vm, lp: &Native<EventLoop>, when: f64, args: &Args) -> PyResult {
    lp.check_closed(vm)?;
    let cb = HandleCb::Py(args.pos[2].clone(), args.pos[3..].to_vec());
    match lp.call_at_handle(when, cb) {
        Some(h) => Ok(handle_value(h)),
        None => Err(vm.runtime_error("Event loop is closed")),
    }
}

fn lp_call_later(vm: &Vm, args: Args) -> PyResult {
    args.check_pos(vm, "call_later", 3, usize::MAX)?;
    let lp = this(vm, &args)?;
    let delay = crate::builtins::number::to_f64(vm, &args.pos[1])?;
    call_at(vm, &lp, now() + delay, &args)
}

fn lp_call_at(vm: &Vm, args: Args) -> PyResult {
    args.check_pos(vm, "call_at", 3, usize::MAX)?;
    let lp = this(vm, &args)?;
    let when = crate::builtins::number::to_f64(vm, &args.pos[1])?;
    call_at(vm, &lp, when, &args)
}

fn lp_create_future(vm: &Vm, args: Args) -> PyResult {
    let lp = this(vm, &args)?;
    Ok(Fut::new(&lp, lp.aio.future_class.clone(), None).value())
}

fn lp_create_task(vm: &Vm, args: Args) -> PyResult {
    args.check_pos(vm, "create_task", 2, 2)?;
    let lp = this(vm, &args)?;
    let name = args.kw("name").cloned().unwrap_or_default();
    Ok(super::tasks::create_task(vm, &lp, args.pos[1].clone(), name)?.value())
}

fn lp_run_in_executor(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "run_in_executor", 3, usize::MAX)?;
    let lp = this(vm, &args)?;
    lp.check_closed(vm)?;
    let fut = Fut::new(&lp, lp.aio.future_class.clone(), None);
    let target = fut.clone();
    let func = args.pos[2].clone();
    let fargs = args.pos[3..].to_vec();
    lp.call_soon_native(move |vm| run_job(vm, &target, &func, &fargs));
    Ok(fut.value())
}

fn lp_call_exception_handler(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "call_exception_handler", 2, 2)?;
    let lp = this(vm, &args)?;
    let Value::Dict(d) = &args.pos[1] else {
        return Err(vm.type_error("context must be a dict"));
    };
    let items = d.items();
    let keys: Vec<String> = items
        .iter()
        .map(|(k, _)| k.as_str().unwrap_or("").to_string())
        .collect();
    let context: Vec<(&str, Value)> = keys
        .iter()
        .zip(items.iter())
        .map(|(k, (_, v))| (k.as_str(), v.clone()))
        .collect();
    lp.call_exception_handler(vm, context);
    Ok(Value::None)
}

fn lp_set_exception_handler(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "set_exception_handler", 2, 2)?;
    let lp = this(vm, &args)?;
    *lp.exception_handler.borrow_mut() = args.pos[1].clone();
    Ok(Value::None)
}

fn lp_get_exception_handler(vm: &Vm, args: Args) -> PyResult {
    let lp = this(vm, &args)?;
    let h = lp.exception_handler.borrow().clone();
    Ok(h)
}

fn lp_default_exception_handler(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "default_exception_handler", 2, 2)?;
    let Value::Dict(d) = &args.pos[1] else {
        return Err(vm.type_error("context must be a dict"));
    };
    let items = d.items();
    let keys: Vec<String> = items
        .iter()
        .map(|(k, _)| k.as_str().unwrap_or("").to_string())
        .collect();
    let context: Vec<(&str, Value)> = keys
        .iter()
        .zip(items.iter())
        .map(|(k, (_, v))| (k.as_str(), v.clone()))
        .collect();
    default_exception_handler(vm, &context);
    Ok(Value::None)
}

fn lp_repr(vm: &Vm, args: Args) -> PyResult {
    let lp = this(vm, &args)?;
    Ok(Value::string(format!(
        "<_UnixSelectorEventLoop running={} closed={} debug={}>",
        py_bool(lp.running.get()),
        py_bool(lp.closed.get()),
        py_bool(lp.debug.get())
    )))
}

fn py_bool(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}

fn h_this(vm: &Vm, args: &Args) -> PyResult<Native<Handle>> {
    args.get(0)
        .and_then(|v| v.downcast_native::<Handle>())
        .and_then(|h| h.me.upgrade())
        .ok_or_else(|| vm.type_error("expected a Handle"))
}

fn h_cancel(vm: &Vm, args: Args) -> PyResult {
    h_this(vm, &args)?.cancel();
    Ok(Value::None)
}

fn h_cancelled(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::from_bool(h_this(vm, &args)?.cancelled.get()))
}

fn h_when(vm: &Vm, args: Args) -> PyResult {
    let h = h_this(vm, &args)?;
    Ok(h.when.map(Value::float).unwrap_or_default())
}

fn h_repr(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::string(h_this(vm, &args)?.repr(vm)))
}

pub fn install(vm: &Vm, a: &Aio, m: &crate::objects::Module) {
    use crate::vm::types::add_methods;
    add_methods(
        &a.loop_class,
        "BaseEventLoop",
        &[
            ("run_until_complete", lp_run_until_complete),
            ("run_forever", lp_run_forever),
            ("stop", lp_stop),
            ("close", lp_close),
            ("is_running", lp_is_running),
            ("is_closed", lp_is_closed),
            ("time", lp_time),
            ("get_debug", lp_get_debug),
            ("set_debug", lp_set_debug),
            ("call_soon", lp_call_soon),
            ("call_soon_threadsafe", lp_call_soon),
            ("call_later", lp_call_later),
            ("call_at", lp_call_at),
            ("create_future", lp_create_future),
            ("create_task", lp_create_task),
            ("run_in_executor", lp_run_in_executor),
            ("call_exception_handler", lp_call_exception_handler),
            ("set_exception_handler", lp_set_exception_handler),
            ("get_exception_handler", lp_get_exception_handler),
            ("default_exception_handler", lp_default_exception_handler),
            ("__repr__", lp_repr),
        ],
    );
    add_methods(
        &a.handle_class,
        "Handle",
        &[
            ("cancel", h_cancel),
            ("cancelled", h_cancelled),
            ("__repr__", h_repr),
        ],
    );
    add_methods(&a.timer_handle_class, "TimerHandle", &[("when", h_when)]);
    let _ = vm;
    crate::objects::generator::ASYNCGEN_HOOKS.with(|h| {
        h.set(Some(crate::objects::generator::AsyncGenHooks {
            firstiter: agen_firstiter,
            finalizer: agen_finalizer,
        }))
    });
    for (name, f) in [
        (
            "_take_asyncgens",
            take_asyncgens as crate::objects::NativeFn,
        ),
        ("_add_loop_method", add_loop_method),
        ("get_event_loop", get_event_loop),
        ("get_running_loop", get_running_loop),
        ("_get_running_loop", private_get_running_loop),
        ("new_event_loop", new_event_loop),
        ("set_event_loop", set_event_loop),
    ] {
        crate::stdlib::set(m, name, crate::builtins::native(name, f));
    }
}
