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
//! `run_until_complete`, `asyncio.run` and the REPL all turn the loop
//! through it.
//!
//! Several loops may exist (`new_event_loop`), but one runs at a time per
//! thread; an executor task that belongs to a loop that is not running parks
//! its waker in that loop's `deferred` list until the loop runs again.

use super::face::{self, Face};
use super::futures::{Callback, Fut};
use super::handles::{Handle, HandleCb, RunHandle};
use super::{aio, Aio};
use crate::objects::gc::Visitor;
use crate::objects::{Class, NativeObject, PyErr, PyResult, Value};
use crate::objects::{Native, NativeBox};
use crate::vm::Vm;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::task::Waker;
use std::time::Instant;
use towel_runtime::event_loop::{TimerKey, Wait};

/// The runtime loop under an asyncio loop: its timers are `TimerHandle`s.
type RuntimeLoop = towel_runtime::event_loop::EventLoop<Native<Handle>>;

/// The loop methods that asyncio's own machinery calls, and that a loop
/// subclass may override (see [`EventLoop::hooks`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Hook {
    CreateTask = 1,
    CreateFuture = 2,
    CallSoon = 4,
    CallLater = 8,
    CallAt = 16,
    Time = 32,
}

impl Hook {
    const ALL: [(Hook, &'static str); 6] = [
        (Hook::CreateTask, "create_task"),
        (Hook::CreateFuture, "create_future"),
        (Hook::CallSoon, "call_soon"),
        (Hook::CallLater, "call_later"),
        (Hook::CallAt, "call_at"),
        (Hook::Time, "time"),
    ];

    /// The hooks that `class` overrides, as a bit set.
    pub fn overridden_by(class: &Rc<Class>, native: &Rc<Class>) -> u8 {
        Hook::ALL
            .iter()
            .filter(|(_, name)| face::overrides(class, native, name))
            .fold(0, |set, (hook, _)| set | *hook as u8)
    }

    pub fn name(self) -> &'static str {
        Hook::ALL
            .iter()
            .find(|(hook, _)| *hook == self)
            .map_or("", |(_, name)| name)
    }
}

pub struct EventLoop {
    /// The native loop class (a user subclass is the face's class).
    class: Rc<Class>,
    me: std::rc::Weak<NativeBox<EventLoop>>,
    pub aio: Rc<Aio>,
    pub closed: Cell<bool>,
    pub running: Cell<bool>,
    pub stopping: Cell<bool>,
    pub debug: Cell<bool>,
    /// `loop.slow_callback_duration`: in debug mode, steps and callbacks
    /// that take longer are reported (see `debug.rs`).
    pub slow_callback_duration: Cell<f64>,
    /// While the loop runs in debug mode, the coroutine origin tracking
    /// depth it replaced (see `debug::track_origins`).
    pub origin_depth_before: Cell<Option<usize>>,
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
    pub exception_handler: RefCell<Value>,
    /// `loop.set_task_factory(factory)`; None for the native `Task`.
    pub task_factory: RefCell<Value>,
    /// The subclass instance this loop is the payload of, if any; held
    /// while the loop runs.
    pub face: Face,
    /// The [`Hook`]s the subclass overrides (none for a native loop): the
    /// machinery calls those through Python, everything else stays native.
    pub hooks: Cell<u8>,
}

impl NativeObject for EventLoop {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn get_attr(&self, _vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        match name {
            "slow_callback_duration" => Some(Ok(Value::float(self.slow_callback_duration.get()))),
            _ => None,
        }
    }
    fn set_attr(&self, vm: &Vm, name: &str, value: Value) -> Option<PyResult<()>> {
        match name {
            "slow_callback_duration" => Some(
                crate::builtins::number::to_f64(vm, &value)
                    .map(|seconds| self.slow_callback_duration.set(seconds)),
            ),
            _ => None,
        }
    }
    /// The loop owns its handlers, its timer handles (each visits its own
    /// callback) and, while it runs, its subclass instance.
    fn traverse(&self, visit: &mut Visitor<'_>) {
        for cell in [&self.exception_handler, &self.task_factory] {
            if let Ok(v) = cell.try_borrow() {
                visit.value(&v);
            }
        }
        self.core.for_each_timer(|h| visit.native(h));
        self.face.traverse(visit);
    }
    /// Breaks the cycles through the loop: its handlers and its subclass
    /// instance (whose payload is the loop).
    fn clear(&self) {
        let taken = [&self.exception_handler, &self.task_factory]
            .map(|cell| cell.try_borrow_mut().map(|mut v| std::mem::take(&mut *v)));
        drop(taken);
        self.face.release();
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
    /// A new loop of the native class `class`.
    pub fn new(a: &Rc<Aio>, class: Rc<Class>) -> Native<EventLoop> {
        NativeBox::new_cyclic(|me| EventLoop {
            class,
            me: me.clone(),
            aio: a.clone(),
            closed: Cell::new(false),
            running: Cell::new(false),
            stopping: Cell::new(false),
            debug: Cell::new(super::debug::enabled_by_default()),
            slow_callback_duration: Cell::new(super::debug::SLOW_CALLBACK_DURATION),
            origin_depth_before: Cell::new(None),
            core: RuntimeLoop::new(super::handles::fire_timer),
            deferred: RefCell::new(Vec::new()),
            asyncgens: RefCell::new(Vec::new()),
            tasks: RefCell::new(Vec::new()),
            current_task: RefCell::new(None),
            fatal: RefCell::new(None),
            exception_handler: RefCell::new(Value::None),
            task_factory: RefCell::new(Value::None),
            face: Face::default(),
            hooks: Cell::new(0),
        })
    }

    pub fn rc(&self) -> Option<Native<EventLoop>> {
        self.me.upgrade()
    }

    /// The loop as Python code sees it: its subclass instance, or itself.
    pub fn value(&self) -> Value {
        if let Some(v) = self.face.get() {
            return v;
        }
        match self.rc() {
            Some(rc) => Value::Native(rc.into()),
            None => Value::None,
        }
    }

    /// The subclass's override of `hook`, bound to the loop, if it has one.
    #[inline]
    pub fn hook(&self, vm: &Vm, hook: Hook) -> PyResult<Option<Value>> {
        if self.hooks.get() & hook as u8 == 0 {
            return Ok(None);
        }
        self.bound_hook(vm, hook).map(Some)
    }

    /// The loop's `call_later`, bound, when its class overrides it or what
    /// the inherited one calls (`time`, `call_at`); `None` when the native
    /// timer path sees everything the subclass changed.
    #[inline]
    pub fn timer_hook(&self, vm: &Vm) -> PyResult<Option<Value>> {
        let timer_hooks = Hook::CallLater as u8 | Hook::CallAt as u8 | Hook::Time as u8;
        if self.hooks.get() & timer_hooks == 0 {
            return Ok(None);
        }
        self.bound_hook(vm, Hook::CallLater).map(Some)
    }

    #[inline(never)]
    fn bound_hook(&self, vm: &Vm, hook: Hook) -> PyResult<Value> {
        vm.get_attr_str(&self.value(), hook.name())
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

    /// Schedules native glue as a `call_soon` (never through an override:
    /// CPython's machinery has no Python callback there).
    pub fn call_soon_native(&self, f: impl Fn(&Vm) + 'static) {
        if let Some(lp) = self.rc() {
            let h = Handle::new(&lp, HandleCb::Native(Rc::new(f)), None);
            self.call_soon_handle(h);
        }
    }

    /// `self.call_soon(callback, *args)` as CPython's machinery makes it:
    /// through the subclass's `call_soon` if it overrides it.
    pub fn call_soon_py(&self, vm: &Vm, callback: Value, args: Vec<Value>) {
        match self.hook(vm, Hook::CallSoon) {
            Ok(None) => {
                if let Some(lp) = self.rc() {
                    self.call_soon_handle(Handle::new(&lp, HandleCb::Py(callback, args), None));
                }
            }
            Ok(Some(call_soon)) => {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(callback);
                all.extend(args);
                if let Err(e) = vm.call(&call_soon, &all) {
                    self.report_hook_error(vm, e);
                }
            }
            Err(e) => self.report_hook_error(vm, e),
        }
    }

    /// An exception from an overridden hook called by the machinery, where
    /// no Python caller is there to receive it: it goes to the exception
    /// handler (or ends the loop, for KeyboardInterrupt and SystemExit).
    pub fn report_hook_error(&self, vm: &Vm, e: PyErr) {
        if vm.err_is(&e, &vm.exc.keyboard_interrupt) || vm.err_is(&e, &vm.exc.system_exit) {
            *self.fatal.borrow_mut() = Some(e);
            return;
        }
        self.call_exception_handler(
            vm,
            vec![
                ("message", Value::str("Exception in event loop hook")),
                ("exception", e.value()),
            ],
        );
    }

    /// `call_at`: a `TimerHandle` that runs `cb` once loop time reaches `when`.
    pub fn call_at_handle(&self, when: f64, cb: HandleCb) -> Option<Native<Handle>> {
        let lp = self.rc()?;
        let h = Handle::new(&lp, cb, Some(when));
        let key = self.core.call_at(instant_of(when), h.clone());
        h.set_timer(key);
        Some(h)
    }

    pub fn cancel_timer(&self, key: TimerKey) {
        self.core.cancel(key);
    }

    /// Schedules a future's done callback (one `call_soon`, or a task wake-up).
    pub fn schedule_callback(&self, vm: &Vm, cb: Callback, fut: Native<Fut>) {
        match cb {
            Callback::Wake(task) => super::tasks::wake(&task, &fut),
            Callback::Py(f) => self.call_soon_py(vm, f, vec![fut.value()]),
            Callback::Native(f) if self.hooks.get() & Hook::CallSoon as u8 != 0 => {
                // Native glue is run_until_complete's stopper: seen by an
                // overridden call_soon under CPython's name for it.
                let arg = fut.value();
                let callback = Value::Closure(Rc::new(crate::objects::NativeClosure {
                    name: "_run_until_complete_cb".into(),
                    func: Box::new(move |vm, _args| {
                        f(vm, &fut);
                        Ok(Value::None)
                    }),
                }));
                self.call_soon_py(vm, callback, vec![arg]);
            }
            Callback::Native(f) => self.call_soon_native(move |vm| f(vm, &fut)),
        }
    }

    /// `self.create_task(coro)` as the machinery calls it (`ensure_future`,
    /// `asyncio.create_task`, `run_until_complete`): through a subclass's
    /// override or the task factory when there is one.
    pub fn create_task_value(&self, vm: &Vm, coro: Value) -> PyResult<Value> {
        match self.hook(vm, Hook::CreateTask)? {
            Some(create_task) => vm.call(&create_task, &[coro]),
            None => {
                let lp = self
                    .rc()
                    .ok_or_else(|| vm.runtime_error("Event loop is closed"))?;
                super::task_api::loop_create_task(vm, &lp, coro, Value::None)
            }
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

    /// `loop.close()`: drops the timers and the parked wake-ups.
    pub fn close(&self, vm: &Vm) -> PyResult<()> {
        if self.running.get() {
            return Err(vm.runtime_error("Cannot close a running event loop"));
        }
        if self.closed.replace(true) {
            return Ok(());
        }
        self.core.clear();
        self.deferred.borrow_mut().clear();
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

/// `loop.create_future()` as the machinery calls it (a lock's waiter, a
/// sleep): native unless a loop subclass overrides `create_future`.
#[inline]
pub fn new_future(vm: &Vm, lp: &Native<EventLoop>) -> PyResult<Native<Fut>> {
    match lp.hook(vm, Hook::CreateFuture)? {
        None => Ok(Fut::new(lp, lp.aio.future_class.clone(), None)),
        Some(create_future) => future_from_hook(vm, &create_future),
    }
}

/// The future an overridden `create_future` made.
#[inline(never)]
fn future_from_hook(vm: &Vm, create_future: &Value) -> PyResult<Native<Fut>> {
    let fut = vm.call(create_future, &[])?;
    face::receiver::<Fut>(&fut).map(Fut::rc).ok_or_else(|| {
        vm.not_implemented(format!(
            "create_future() returning a {} instead of an asyncio.Future",
            vm.type_name(&fut)
        ))
    })
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
            _ if *k == "source_traceback" => (*k, super::debug::format_source_traceback(vm, v)),
            _ => (*k, vm.repr(v).unwrap_or_default()),
        };
        lines.push(format!("{key}: {text}"));
    }
    let message = lines.join("\n");
    let exception = context
        .iter()
        .find(|(k, _)| *k == "exception")
        .and_then(|(_, v)| match v {
            Value::Instance(e) if e.is_exception() => Some(e.clone()),
            _ => None,
        });
    if log_error(vm, &message, exception.as_ref()).is_ok() {
        return;
    }
    vm.flush_stdout();
    let mut out = message;
    out.push('\n');
    if let Some(e) = exception {
        out.push_str(&vm.format_exception(&PyErr(e)));
    }
    eprint!("{out}");
}

/// `logging.getLogger('asyncio').error(message, exc_info=exception)`, as
/// CPython's handler logs (so a program's logging setup sees it; unconfigured,
/// logging's last resort prints it to stderr).
fn log_error(
    vm: &Vm,
    message: &str,
    exception: Option<&Rc<crate::objects::Instance>>,
) -> PyResult<()> {
    let logging = vm.import_module("logging")?;
    let get_logger = crate::stdlib::module_attr(vm, &logging, "getLogger")?;
    let logger = vm.call(&get_logger, &[Value::str("asyncio")])?;
    let error = vm.get_attr_str(&logger, "error")?;
    let exc_info = exception.map_or(Value::from_bool(false), |e| Value::Instance(e.clone()));
    vm.call_args(
        &error,
        crate::objects::Args::with_kw(
            &[Value::string(message.to_string())],
            &[Value::str("exc_info")],
            &[exc_info],
        ),
    )?;
    Ok(())
}

// -- running ---------------------------------------------------------------------------

/// Restores the thread's "no loop running" state however `run_forever` exits.
struct Running<'a>(&'a EventLoop);

impl Drop for Running<'_> {
    fn drop(&mut self) {
        if let Some(vm) = self.0.running_vm() {
            super::debug::track_origins(vm, self.0, false);
        }
        self.0.running.set(false);
        self.0.stopping.set(false);
        *self.0.aio.running.borrow_mut() = None;
        self.0.aio.vm.set(std::ptr::null());
        self.0.face.release();
    }
}

/// `loop.run_forever()`: iterations until `stop()`.
pub fn run_forever(vm: &Vm, lp: &Native<EventLoop>) -> PyResult<()> {
    lp.check_closed(vm)?;
    lp.check_running(vm)?;
    lp.running.set(true);
    *lp.aio.running.borrow_mut() = Some(lp.clone());
    lp.aio.vm.set(vm as *const Vm);
    lp.face.reacquire();
    let _guard = Running(lp);
    super::debug::track_origins(vm, lp, lp.debug.get());
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

/// `loop.run_until_complete(future)`.
pub fn run_until_complete(vm: &Vm, lp: &Native<EventLoop>, future: &Value) -> PyResult {
    lp.check_closed(vm)?;
    lp.check_running(vm)?;
    let new_task = !super::task_api::isfuture(vm, future)?;
    let fut = super::task_api::ensure_future(vm, future, Some(lp))?;
    let fut = face::receiver::<Fut>(&fut).map(Fut::rc).ok_or_else(|| {
        vm.not_implemented(format!(
            "run_until_complete() on a {} that is not an asyncio.Future",
            vm.type_name(&fut)
        ))
    })?;
    let stopper: super::futures::NativeCallback = Rc::new(|_vm, f| f.lp.stop());
    fut.add_callback(vm, Callback::Native(stopper.clone()));
    let r = run_forever(vm, lp);
    if r.is_err() && new_task && fut.done() && !fut.cancelled() {
        let _ = fut.exception(vm);
    }
    fut.remove_native_callback(&stopper);
    super::futures::report_unretrieved(vm);
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

/// Installs the async generator hooks that tie async generators to the
/// running loop.
pub fn install() {
    crate::objects::generator::ASYNCGEN_HOOKS.with(|h| {
        h.set(Some(crate::objects::generator::AsyncGenHooks {
            firstiter: agen_firstiter,
            finalizer: agen_finalizer,
        }))
    });
}

// -- the running loop ------------------------------------------------------------------

/// The loop of a value: a native loop or the payload of a loop subclass.
pub fn this_loop(vm: &Vm, v: &Value) -> PyResult<Native<EventLoop>> {
    face::receiver::<EventLoop>(v)
        .and_then(EventLoop::rc)
        .ok_or_else(|| vm.type_error("expected an event loop"))
}

pub fn running_loop(vm: &Vm) -> Option<Native<EventLoop>> {
    aio(vm).running.borrow().clone()
}

pub fn get_running_loop_rc(vm: &Vm) -> PyResult<Native<EventLoop>> {
    running_loop(vm).ok_or_else(|| vm.runtime_error("no running event loop"))
}

/// `asyncio.get_event_loop()`: the running loop, else the one the event
/// loop policy gives (the towel half of the module owns the policies).
pub fn get_event_loop_rc(vm: &Vm) -> PyResult<Native<EventLoop>> {
    if let Some(lp) = running_loop(vm) {
        return Ok(lp);
    }
    let get = super::glue(vm, "get_event_loop")?;
    let lp = vm.call(&get, &[])?;
    match face::receiver::<EventLoop>(&lp).and_then(EventLoop::rc) {
        Some(lp) => Ok(lp),
        None => Err(vm.not_implemented(format!(
            "an event loop policy whose loop is not an asyncio event loop ({})",
            vm.type_name(&lp)
        ))),
    }
}
