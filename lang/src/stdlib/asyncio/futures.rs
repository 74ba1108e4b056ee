//! `asyncio.Future` and the state it shares with `asyncio.Task`.
//!
//! A [`Fut`] is pending, finished (with a result or an exception) or
//! cancelled. Completing it schedules its done callbacks through the loop's
//! FIFO (one `call_soon` each, in registration order), exactly as CPython's
//! `Future.__schedule_callbacks` does; a task waiting on the future is one of
//! those callbacks ([`Callback::Wake`]), so it resumes one hop later, in the
//! same position as CPython's `Task.__wakeup`.
//!
//! Tasks are futures too: a task is a `Fut` whose `task` part holds the
//! coroutine and the driver's state (see `tasks.rs`).
//!
//! A user subclass of `Future` or `Task` wraps the `Fut` (see `face.rs`);
//! the `Fut` keeps its subclass instance as its face while pending, and
//! [`Fut::value`] is how the machinery hands the future to Python code.

use super::events::EventLoop;
use super::face::{self, Face};
use super::tasks::TaskPart;
use super::{aio, Aio};
use crate::objects::gc::Visitor;
use crate::objects::{Args, Class, NativeObject, PyErr, PyResult, Signature, Style, Value};
use crate::objects::{Native, NativeBox};
use crate::vm::interp::Resumed;
use crate::vm::Vm;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FState {
    Pending,
    Cancelled,
    Finished,
}

/// Native glue called with a finished future (gather, run_until_complete).
pub type NativeCallback = Rc<dyn Fn(&Vm, &Native<Fut>)>;

/// A done callback.
pub enum Callback {
    /// A script callable, called as `cb(fut)`.
    Py(Value),
    /// A task waiting on this future: its driver is woken.
    Wake(Native<Fut>),
    /// Native glue (gather, run_until_complete), called with the future.
    Native(NativeCallback),
}

pub struct Fut {
    pub class: Rc<Class>,
    me: Weak<NativeBox<Fut>>,
    pub lp: Native<EventLoop>,
    pub state: Cell<FState>,
    result: RefCell<Value>,
    exception: RefCell<Option<PyErr>>,
    callbacks: RefCell<Vec<Callback>>,
    pub cancel_message: RefCell<Value>,
    pub cancelled_exc: RefCell<Option<PyErr>>,
    /// `_asyncio_future_blocking`: set while a `yield fut` travels up to the task.
    pub blocking: Cell<bool>,
    pub log_traceback: Cell<bool>,
    pub task: Option<TaskPart>,
    /// The user subclass instance this future is the payload of, if any.
    pub face: Face,
    /// Where it was made, in debug mode.
    pub source: super::debug::SiteCell,
}

impl NativeObject for Fut {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn created_at(&self) -> Option<std::time::Instant> {
        self.task.as_ref().map(|p| p.created)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    /// Everything the future owns that can lead back to it: its result and
    /// exception, its callbacks (script callables and the tasks waiting on
    /// it), for a task its coroutine, name and the future it waits on, and
    /// a subclass instance held while the future is pending. (Native glue callbacks are closures the
    /// collector cannot see into: what they hold counts as referenced from
    /// outside.)
    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.native(&self.lp);
        if let Ok(v) = self.result.try_borrow() {
            visit.value(&v);
        }
        if let Ok(Some(e)) = self.exception.try_borrow().as_deref() {
            visit.rc(&e.0);
        }
        if let Ok(callbacks) = self.callbacks.try_borrow() {
            for cb in callbacks.iter() {
                match cb {
                    Callback::Py(v) => visit.value(v),
                    Callback::Wake(task) => visit.native(task),
                    Callback::Native(_) => {}
                }
            }
        }
        if let Ok(v) = self.cancel_message.try_borrow() {
            visit.value(&v);
        }
        if let Ok(Some(e)) = self.cancelled_exc.try_borrow().as_deref() {
            visit.rc(&e.0);
        }
        if let Some(t) = &self.task {
            if let Some(coro) = t.coro.get() {
                visit.value(coro);
            }
            if let Ok(name) = t.name.try_borrow() {
                visit.value(&name);
            }
            if let Ok(Some(w)) = t.fut_waiter.try_borrow().as_deref() {
                w.traverse(visit);
            }
            if let Ok(Some(context)) = t.context.try_borrow().as_deref() {
                if let Some(context) = context.object() {
                    visit.value(context);
                }
            }
        }
        self.face.traverse(visit);
    }
    /// CPython's `Task.__del__` and `Future.__del__`, when the collector
    /// finds the future in garbage: a task still pending, or an exception
    /// nobody retrieved, is reported through the loop's exception handler.
    fn needs_finalizing(&self) -> bool {
        self.is_pending_task()
            || (self.log_traceback.get() && self.exception.try_borrow().is_ok_and(|e| e.is_some()))
    }
    fn finalize(&self, vm: &Vm) {
        if self.is_pending_task() {
            let mut context = vec![
                (
                    "message",
                    Value::str("Task was destroyed but it is pending!"),
                ),
                ("task", self.value()),
            ];
            context.extend(self.source.source_traceback());
            self.lp.call_exception_handler(vm, context);
            return;
        }
        let Some(exc) = self.exception.borrow().clone() else {
            return;
        };
        self.log_traceback.set(false);
        let what = self.type_name();
        let mut context = vec![
            (
                "message",
                Value::string(format!("{what} exception was never retrieved")),
            ),
            ("exception", exc.value()),
            ("future", self.value()),
        ];
        context.extend(self.source.source_traceback());
        self.lp.call_exception_handler(vm, context);
    }
    /// Breaks the cycles through the future; an exception nobody retrieved
    /// stays, so that dropping the future reports it.
    fn clear(&self) {
        let taken = (
            self.result
                .try_borrow_mut()
                .map(|mut v| std::mem::take(&mut *v)),
            self.callbacks
                .try_borrow_mut()
                .map(|mut v| std::mem::take(&mut *v)),
            self.cancel_message
                .try_borrow_mut()
                .map(|mut v| std::mem::take(&mut *v)),
            self.cancelled_exc.try_borrow_mut().map(|mut v| v.take()),
            self.task
                .as_ref()
                .and_then(|t| t.fut_waiter.try_borrow_mut().ok().map(|mut w| w.take())),
        );
        drop(taken);
        // The subclass instance's payload is this future: let it go.
        self.face.release();
    }
    fn get_attr(&self, _vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        match name {
            "_asyncio_future_blocking" => Some(Ok(Value::from_bool(self.blocking.get()))),
            "_state" => Some(Ok(Value::str(match self.state.get() {
                FState::Pending => "PENDING",
                FState::Cancelled => "CANCELLED",
                FState::Finished => "FINISHED",
            }))),
            "_loop" => Some(Ok(self.lp.value())),
            "_cancel_message" => Some(Ok(self.cancel_message.borrow().clone())),
            "_log_traceback" => Some(Ok(Value::from_bool(self.log_traceback.get()))),
            _ => None,
        }
    }
    fn set_attr(&self, vm: &Vm, name: &str, value: Value) -> Option<PyResult<()>> {
        match name {
            "_asyncio_future_blocking" => Some(vm.truthy(&value).map(|b| self.blocking.set(b))),
            "_log_traceback" => Some(vm.truthy(&value).map(|b| self.log_traceback.set(b))),
            "_cancel_message" => {
                *self.cancel_message.borrow_mut() = value;
                Some(Ok(()))
            }
            _ => None,
        }
    }
}

/// What is left of a future or task dropped with an exception nobody
/// retrieved, to be reported from a safe point of the loop (a destructor may
/// run in the middle of any VM operation, so it must not call back into it).
struct Unretrieved {
    repr: String,
    is_task: bool,
    exc: PyErr,
    /// The loop whose exception handler hears of it.
    lp: Native<EventLoop>,
    /// ` created at FILE:LINE` and the stack then, in debug mode.
    site: String,
    source_traceback: Option<(&'static str, Value)>,
}

thread_local! {
    static UNRETRIEVED: RefCell<Vec<Unretrieved>> = const { RefCell::new(Vec::new()) };
}

impl Drop for Fut {
    fn drop(&mut self) {
        if !self.log_traceback.get() {
            return;
        }
        let Some(exc) = self.exception.borrow_mut().take() else {
            return;
        };
        let repr = match &self.task {
            Some(t) => {
                let name = match t.name() {
                    Value::Str(s) => s.as_str().to_string(),
                    _ => String::new(),
                };
                format!(
                    "<{} finished name='{name}' coro=<{}>",
                    self.type_name(),
                    t.coro
                        .get()
                        .map(super::tasks::done_coro_repr)
                        .unwrap_or_default()
                )
            }
            None => format!("<{} finished", self.type_name()),
        };
        let _ = UNRETRIEVED.try_with(|u| {
            u.borrow_mut().push(Unretrieved {
                repr,
                is_task: self.task.is_some(),
                exc,
                lp: self.lp.clone(),
                site: self.source.suffix(),
                source_traceback: self.source.source_traceback(),
            })
        });
        // Reported at the dispatch loop's next safe point, as soon as
        // CPython's `__del__` would.
        crate::objects::generator::raise_attention();
    }
}

/// Reports futures that were dropped without their exception being retrieved,
/// as CPython's `Future.__del__` does ("Task exception was never retrieved"),
/// through each one's loop. The VM calls it between instructions after such
/// a drop, and a loop once it stops.
pub fn report_unretrieved(vm: &Vm) {
    let pending = UNRETRIEVED.with(|u| std::mem::take(&mut *u.borrow_mut()));
    for u in pending {
        let exc_repr = vm.repr(&u.exc.value()).unwrap_or_default();
        let what = if u.is_task { "Task" } else { "Future" };
        let mut context = vec![
            (
                "message",
                Value::string(format!("{what} exception was never retrieved")),
            ),
            ("exception", u.exc.value()),
            (
                "future_repr",
                Value::string(format!("{} exception={exc_repr}{}>", u.repr, u.site)),
            ),
        ];
        context.extend(u.source_traceback);
        u.lp.call_exception_handler(vm, context);
    }
}

impl Fut {
    pub fn new(lp: &Native<EventLoop>, class: Rc<Class>, task: Option<TaskPart>) -> Native<Fut> {
        NativeBox::new_cyclic(|me| Fut {
            class,
            me: me.clone(),
            lp: lp.clone(),
            state: Cell::new(FState::Pending),
            result: RefCell::new(Value::None),
            exception: RefCell::new(None),
            callbacks: RefCell::new(Vec::new()),
            cancel_message: RefCell::new(Value::None),
            cancelled_exc: RefCell::new(None),
            blocking: Cell::new(false),
            log_traceback: Cell::new(false),
            task,
            face: Face::default(),
            source: Default::default(),
        })
    }

    fn is_pending_task(&self) -> bool {
        self.task.is_some() && self.state.get() == FState::Pending
    }

    pub fn rc(&self) -> Native<Fut> {
        // `me` always upgrades while `&self` is alive: `self` lives in that Rc.
        self.me
            .upgrade()
            .unwrap_or_else(|| Fut::new(&self.lp, self.class.clone(), None))
    }

    /// The future as Python code sees it: its subclass instance, or itself.
    #[inline]
    pub fn value(&self) -> Value {
        self.face
            .get()
            .unwrap_or_else(|| Value::Native(self.rc().into()))
    }

    /// The name of the future's class, a user subclass included.
    pub fn type_name(&self) -> Rc<str> {
        self.face.class_name(&self.class)
    }

    pub fn done(&self) -> bool {
        self.state.get() != FState::Pending
    }

    pub fn cancelled(&self) -> bool {
        self.state.get() == FState::Cancelled
    }

    pub fn is_task(&self) -> bool {
        self.task.is_some()
    }

    /// The finished future's exception, without marking it retrieved.
    pub fn exception_ref(&self) -> Option<PyErr> {
        self.exception.borrow().clone()
    }

    pub fn result_ref(&self) -> Value {
        self.result.borrow().clone()
    }

    /// `_make_cancelled_error`.
    pub fn make_cancelled_error(&self, vm: &Vm) -> PyErr {
        if let Some(e) = self.cancelled_exc.borrow_mut().take() {
            return e;
        }
        let a = aio(vm);
        let msg = self.cancel_message.borrow().clone();
        if msg.is_none() {
            vm.new_exception(&a.cancelled_error, vec![])
        } else {
            vm.new_exception(&a.cancelled_error, vec![msg])
        }
    }

    /// `fut.result()`.
    pub fn result(&self, vm: &Vm) -> PyResult {
        match self.state.get() {
            FState::Cancelled => Err(self.make_cancelled_error(vm)),
            FState::Pending => {
                Err(vm.new_error(&aio(vm).invalid_state_error, "Result is not set."))
            }
            FState::Finished => {
                self.log_traceback.set(false);
                if let Some(e) = self.exception.borrow().clone() {
                    return Err(e);
                }
                Ok(self.result.borrow().clone())
            }
        }
    }

    /// `fut.exception()`.
    pub fn exception(&self, vm: &Vm) -> PyResult {
        match self.state.get() {
            FState::Cancelled => Err(self.make_cancelled_error(vm)),
            FState::Pending => {
                Err(vm.new_error(&aio(vm).invalid_state_error, "Exception is not set."))
            }
            FState::Finished => {
                self.log_traceback.set(false);
                Ok(self
                    .exception
                    .borrow()
                    .as_ref()
                    .map(|e| e.value())
                    .unwrap_or_default())
            }
        }
    }

    /// `set_result`/`set_exception` on a done future; the C-accelerated
    /// Future that CPython uses says only "invalid state".
    fn state_error(&self, vm: &Vm) -> PyErr {
        vm.new_error(&aio(vm).invalid_state_error, "invalid state")
    }

    pub fn set_result(&self, vm: &Vm, v: Value) -> PyResult<()> {
        if self.done() {
            return Err(self.state_error(vm));
        }
        *self.result.borrow_mut() = v;
        self.state.set(FState::Finished);
        self.schedule_callbacks(vm);
        self.face.release();
        Ok(())
    }

    pub fn set_exception(&self, vm: &Vm, e: PyErr) -> PyResult<()> {
        if self.done() {
            return Err(self.state_error(vm));
        }
        *self.exception.borrow_mut() = Some(e);
        self.state.set(FState::Finished);
        self.schedule_callbacks(vm);
        self.log_traceback.set(true);
        self.face.release();
        Ok(())
    }

    /// `Future.cancel` (the task's own `cancel` is in `tasks.rs`).
    pub fn future_cancel(&self, vm: &Vm, msg: Value) -> bool {
        self.log_traceback.set(false);
        if self.done() {
            return false;
        }
        self.state.set(FState::Cancelled);
        *self.cancel_message.borrow_mut() = msg;
        self.schedule_callbacks(vm);
        self.face.release();
        true
    }

    /// `fut.cancel(msg=msg)` as the machinery calls it: through a subclass's
    /// override of `cancel` (gather's outer future has one).
    pub fn cancel(&self, vm: &Vm, msg: Value) -> PyResult<bool> {
        if let Some(Value::Instance(i)) = self.face.get() {
            let native = if self.is_task() {
                &self.lp.aio.task_class
            } else {
                &self.lp.aio.future_class
            };
            if face::overrides(&i.class, native, "cancel") {
                let receiver = Value::Instance(i);
                let cancel = vm.get_attr(&receiver, &crate::objects::Name::new("cancel"))?;
                let r = vm.call_args(&cancel, Args::with_kw(&[], &[Value::str("msg")], &[msg]))?;
                return vm.truthy(&r);
            }
        }
        self.cancel_native(vm, msg)
    }

    /// The native `cancel`, for futures and tasks alike.
    pub fn cancel_native(&self, vm: &Vm, msg: Value) -> PyResult<bool> {
        if self.task.is_some() {
            super::tasks::task_cancel(vm, &self.rc(), msg)
        } else {
            Ok(self.future_cancel(vm, msg))
        }
    }

    pub fn add_callback(&self, vm: &Vm, cb: Callback) {
        if self.done() {
            self.lp.schedule_callback(vm, cb, self.rc());
        } else {
            self.callbacks.borrow_mut().push(cb);
        }
    }

    /// Removes the script callbacks equal to `f`; returns how many.
    pub fn remove_callback(&self, vm: &Vm, f: &Value) -> PyResult<usize> {
        let old = std::mem::take(&mut *self.callbacks.borrow_mut());
        let mut kept = Vec::with_capacity(old.len());
        let mut removed = 0;
        for cb in old {
            if let Callback::Py(v) = &cb {
                if v.is(f) || vm.eq(v, f)? {
                    removed += 1;
                    continue;
                }
            }
            kept.push(cb);
        }
        let mut cur = self.callbacks.borrow_mut();
        kept.append(&mut cur);
        *cur = kept;
        Ok(removed)
    }

    /// Removes a native callback by identity.
    pub fn remove_native_callback(&self, f: &NativeCallback) {
        self.callbacks
            .borrow_mut()
            .retain(|cb| !matches!(cb, Callback::Native(g) if Rc::ptr_eq(g, f)));
    }

    /// Removes a task's wake-up (when the task stops waiting here).
    pub fn remove_waker(&self, task: &Native<Fut>) {
        self.callbacks
            .borrow_mut()
            .retain(|cb| !matches!(cb, Callback::Wake(t) if Rc::ptr_eq(t, task)));
    }

    fn schedule_callbacks(&self, vm: &Vm) {
        let cbs = std::mem::take(&mut *self.callbacks.borrow_mut());
        if cbs.is_empty() {
            return;
        }
        let me = self.rc();
        for cb in cbs {
            self.lp.schedule_callback(vm, cb, me.clone());
        }
    }

    pub fn callback_reprs(&self, vm: &Vm) -> Vec<String> {
        self.callbacks
            .borrow()
            .iter()
            .map(|cb| match cb {
                Callback::Py(v) => callable_repr(vm, v, &[]),
                Callback::Wake(_) => "Task.task_wakeup()".to_string(),
                Callback::Native(_) => "_run_until_complete_cb()".to_string(),
            })
            .collect()
    }
}

/// How CPython's `format_helpers._format_callback_source` shows a callback
/// and its arguments: `qualname(args) at file:line`.
pub fn callable_repr(vm: &Vm, v: &Value, args: &[Value]) -> String {
    let name = match v {
        Value::Function(f) => f.qualname.borrow().to_string(),
        Value::BoundMethod(m) => match &m.func {
            Value::Function(f) => f.qualname.borrow().to_string(),
            Value::Builtin(b) => builtin_qualname(b),
            other => vm.repr(other).unwrap_or_default(),
        },
        Value::Builtin(b) => builtin_qualname(b),
        Value::Closure(c) => c.name.clone(),
        other => match vm.get_attr_str(other, "__qualname__") {
            Ok(Value::Str(q)) => q.as_str().to_string(),
            _ => vm.repr(other).unwrap_or_default(),
        },
    };
    let shown: Vec<String> = args
        .iter()
        .map(|a| short_repr(vm, a).unwrap_or_default())
        .collect();
    let mut out = format!("{name}({})", shown.join(", "));
    if let Value::Function(f) = v {
        out.push_str(&format!(
            " at {}:{}",
            f.code.co.filename, f.code.co.firstlineno
        ));
    }
    out
}

fn builtin_qualname(b: &crate::objects::Builtin) -> String {
    match b.owner {
        Some(owner) => format!("{owner}.{}", b.name),
        None => b.name.to_string(),
    }
}

/// `repr(fut)` for plain futures: `<Future pending cb=[...]>`.
pub fn future_repr(vm: &Vm, f: &Fut) -> PyResult<String> {
    let mut parts = vec![match f.state.get() {
        FState::Pending => "pending".to_string(),
        FState::Cancelled => "cancelled".to_string(),
        FState::Finished => "finished".to_string(),
    }];
    if f.state.get() == FState::Finished {
        match f.exception_ref() {
            Some(e) => parts.push(format!("exception={}", vm.repr(&e.value())?)),
            None => parts.push(format!("result={}", short_repr(vm, &f.result_ref())?)),
        }
    }
    let cbs = f.callback_reprs(vm);
    if !cbs.is_empty() {
        let shown = if cbs.len() > 2 {
            format!(
                "{}, <{} more>, {}",
                cbs[0],
                cbs.len() - 2,
                cbs[cbs.len() - 1]
            )
        } else {
            cbs.join(", ")
        };
        parts.push(format!("cb=[{shown}]"));
    }
    Ok(format!(
        "<{} {}{}>",
        f.type_name(),
        parts.join(" "),
        f.source.suffix()
    ))
}

/// `reprlib.repr` as asyncio uses it: long reprs are cut in the middle.
pub fn short_repr(vm: &Vm, v: &Value) -> PyResult<String> {
    let r = vm.repr(v)?;
    let chars: Vec<char> = r.chars().collect();
    if chars.len() > 30 {
        let head: String = chars[..13].iter().collect();
        let tail: String = chars[chars.len() - 14..].iter().collect();
        Ok(format!("{head}...{tail}"))
    } else {
        Ok(r)
    }
}

// -- the awaitable ------------------------------------------------------------------

/// What `Future.__await__` returns: yields the future once (telling the task
/// to wait for it), then returns its result.
pub struct FutureIter {
    class: Rc<Class>,
    fut: Native<Fut>,
    yielded: Cell<bool>,
}

impl NativeObject for FutureIter {
    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.native(&self.fut);
    }
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn waiting_for(&self, vm: &Vm) -> Option<String> {
        Some(match &self.fut.task {
            Some(p) => format!("task {}", vm.to_str(&p.name()).unwrap_or_default()),
            None => format!(
                "{} {}",
                self.fut.type_name(),
                if self.fut.done() { "done" } else { "pending" }
            ),
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn is_resumable(&self) -> bool {
        true
    }
    fn send(&self, vm: &Vm, _value: Value) -> PyResult<Resumed> {
        let f = &self.fut;
        if !self.yielded.get() && !f.done() {
            self.yielded.set(true);
            f.blocking.set(true);
            return Ok(Resumed::Yield(f.value()));
        }
        if !f.done() {
            // Resumed while still pending: whoever drove us did not wait for it.
            return Err(vm.runtime_error("await wasn't used with future"));
        }
        f.result(vm).map(Resumed::Return)
    }
}

pub fn future_iter(a: &Aio, fut: Native<Fut>) -> Value {
    Value::native(FutureIter {
        class: a.future_iter_class.clone(),
        fut,
        yielded: Cell::new(false),
    })
}

fn iter_next(vm: &Vm, args: Args) -> PyResult {
    let it = args
        .get(0)
        .and_then(|v| v.downcast_native::<FutureIter>())
        .ok_or_else(|| vm.type_error("expected a future iterator"))?;
    match it.send(vm, Value::None)? {
        Resumed::Yield(v) => Ok(v),
        Resumed::Return(v) => Err(vm.stop_iteration(v)),
    }
}

fn iter_throw(vm: &Vm, args: Args) -> PyResult {
    let exc =
        crate::builtins::generator::throw_args_to_exception(vm, args.pos.get(1..).unwrap_or(&[]))?;
    Err(exc)
}

fn iter_close(_vm: &Vm, _args: Args) -> PyResult {
    Ok(Value::None)
}

fn iter_self(_vm: &Vm, args: Args) -> PyResult {
    Ok(args.get(0).cloned().unwrap_or_default())
}

// -- methods -------------------------------------------------------------------------

#[inline]
pub fn this(vm: &Vm, v: Option<&Value>) -> PyResult<Native<Fut>> {
    v.and_then(face::receiver::<Fut>)
        .map(|f| f.rc())
        .ok_or_else(|| vm.type_error("descriptor requires an asyncio.Future object"))
}

/// The parameters of `Future(*, loop=None)` (its `__new__` and
/// `__init__`), with the receiver (the class or the future) first.
static FUTURE_ARGS: Signature = Signature::new(Style::Clinic, "Future", "$self, /, *, loop=None");

/// Checks `Future(*, loop=None)`'s arguments and returns the loop to use.
fn future_loop(vm: &Vm, args: Args) -> PyResult<Native<EventLoop>> {
    match FUTURE_ARGS.bind(vm, args)? {
        ([_], [Some(lp)]) if !lp.is_none() => super::events::this_loop(vm, lp),
        _ => super::events::get_event_loop_rc(vm),
    }
}

/// `Future.__new__(cls, *, loop=None)`. For a subclass the arguments are
/// its own (its `__init__` passes the future's on to `Future.__init__`):
/// only a `loop=` it is given is used.
fn fut_new(vm: &Vm, args: Args) -> PyResult {
    let a = aio(vm);
    let cls = face::new_target(vm, &args, &a.future_class)?;
    let lp = if Rc::ptr_eq(&cls, &a.future_class) {
        future_loop(vm, args)?
    } else {
        match args
            .skip_first()
            .kw("loop")
            .and_then(face::receiver::<EventLoop>)
        {
            Some(lp) => lp
                .rc()
                .ok_or_else(|| vm.runtime_error("Event loop is closed"))?,
            None => super::events::get_event_loop_rc(vm)?,
        }
    };
    let fut = Fut::new(&lp, a.future_class.clone(), None);
    Ok(wrap_new(&cls, &a.future_class, fut))
}

/// A new native future or task as an object of `cls`: itself for the native
/// class, else wrapped in an instance of the subclass, which it holds while
/// pending.
pub fn wrap_new(cls: &Rc<Class>, native: &Rc<Class>, fut: Native<Fut>) -> Value {
    if Rc::ptr_eq(cls, native) {
        return Value::Native(fut.into());
    }
    let instance = face::subclass_instance(cls, Value::Native(fut.clone().into()));
    fut.face.hold(&instance);
    Value::Instance(instance)
}

/// `Future.__init__(self, *, loop=None)`: `__new__` did the work; this
/// checks the arguments a subclass passes on with `super().__init__()`.
fn fut_init(vm: &Vm, args: Args) -> PyResult {
    let fut = this(vm, args.get(0))?;
    let lp = future_loop(vm, args)?;
    if !Rc::ptr_eq(&lp, &fut.lp) {
        return Err(vm.not_implemented(
            "a Future subclass whose __init__ passes another loop than its constructor was given",
        ));
    }
    Ok(Value::None)
}

/// Declares a method of `Future` that takes only its receiver.
macro_rules! future_method {
    ($sig:ident, $name:literal, $doc:expr) => {
        static $sig: Signature =
            Signature::new(Style::Exact, concat!("Future.", $name), "$self, /").doc($doc);
    };
}

/// The future a method without other parameters is called on.
fn receiver_fut(vm: &Vm, sig: &Signature, args: Args) -> PyResult<Native<Fut>> {
    let ([this_], []) = sig.bind(vm, args)?;
    this(vm, Some(this_))
}

future_method!(
    RESULT,
    "result",
    "Return the future's result, or raise its exception.\n\n\
     Raises CancelledError if it was cancelled, and InvalidStateError if it\n\
     is not done yet."
);

fn fut_result(vm: &Vm, args: Args) -> PyResult {
    receiver_fut(vm, &RESULT, args)?.result(vm)
}

future_method!(
    EXCEPTION,
    "exception",
    "Return the exception the future was finished with, or None if it has\n\
     a result.\n\n\
     Raises CancelledError if it was cancelled, and InvalidStateError if it\n\
     is not done yet."
);

fn fut_exception(vm: &Vm, args: Args) -> PyResult {
    receiver_fut(vm, &EXCEPTION, args)?.exception(vm)
}

static SET_RESULT: Signature =
    Signature::new(Style::Exact, "Future.set_result", "$self, result, /").doc(
        "Finish the future with `result` and schedule its done callbacks.\n\n\
         Raises InvalidStateError if it is already done.",
    );

fn fut_set_result(vm: &Vm, args: Args) -> PyResult {
    let ([this_, result], []) = SET_RESULT.bind(vm, args)?;
    let f = this(vm, Some(this_))?;
    if f.is_task() {
        return Err(vm.runtime_error("Task does not support set_result() operation"));
    }
    f.set_result(vm, result.clone())?;
    Ok(Value::None)
}

static SET_EXCEPTION: Signature =
    Signature::new(Style::Exact, "Future.set_exception", "$self, exception, /").doc(
        "Finish the future with `exception` (an exception or an exception class)\n\
         and schedule its done callbacks.\n\n\
         Raises InvalidStateError if it is already done.",
    );

fn fut_set_exception(vm: &Vm, args: Args) -> PyResult {
    let ([this_, exception], []) = SET_EXCEPTION.bind(vm, args)?;
    let f = this(vm, Some(this_))?;
    if f.is_task() {
        return Err(vm.runtime_error("Task does not support set_exception() operation"));
    }
    let mut exc = exception.clone();
    if let Value::Class(c) = &exc {
        if c.is_subclass(&vm.exc.base_exception) {
            exc = vm.call(&exc, &[])?;
        }
    }
    let err = match &exc {
        Value::Instance(i) if i.is_exception() => PyErr(i.clone()),
        _ => return Err(vm.type_error("invalid exception object")),
    };
    if Rc::ptr_eq(err.class(), &vm.exc.stop_iteration) {
        return Err(vm.type_error(
            "StopIteration interacts badly with generators and cannot be raised into a Future",
        ));
    }
    f.set_exception(vm, err)?;
    Ok(Value::None)
}

static CANCEL: Signature = Signature::new(Style::Clinic, "Future.cancel", "$self, /, msg=None")
    .doc(
        "Cancel the future: it becomes done, and awaiting it raises CancelledError\n\
         (carrying `msg`, if given). Its done callbacks are scheduled.\n\n\
         Returns False if it was already done, else True.",
    );

fn fut_cancel(vm: &Vm, args: Args) -> PyResult {
    let ([this_], [msg]) = CANCEL.bind(vm, args)?;
    let f = this(vm, Some(this_))?;
    Ok(Value::from_bool(
        f.cancel_native(vm, msg.cloned().unwrap_or_default())?,
    ))
}

future_method!(
    CANCELLED,
    "cancelled",
    "Return True if the future was cancelled."
);

fn fut_cancelled(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::from_bool(
        receiver_fut(vm, &CANCELLED, args)?.cancelled(),
    ))
}

future_method!(
    DONE,
    "done",
    "Return True once the future has a result or an exception, or was cancelled."
);

fn fut_done(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::from_bool(receiver_fut(vm, &DONE, args)?.done()))
}

static ADD_DONE_CALLBACK: Signature = Signature::new(
    Style::Clinic,
    "Future.add_done_callback",
    "$self, fn, /, *, context=<unrepresentable>",
)
.doc(
    "Arrange for `fn(future)` to be called by the loop once the future is done.\n\n\
     Callbacks run in the order they were added, each in `context` (a copy of\n\
     the current contextvars.Context by default). If the future is already\n\
     done, the callback is scheduled right away.",
);

/// `add_done_callback(fn, *, context=None)`: with a context, the callback
/// is `functools.partial(context.run, fn)`.
fn fut_add_done_callback(vm: &Vm, args: Args) -> PyResult {
    let ([this_, callback], [context]) = ADD_DONE_CALLBACK.bind(vm, args)?;
    let f = this(vm, Some(this_))?;
    let callback = match context.filter(|c| !c.is_none()) {
        None => callback.clone(),
        Some(context) => {
            let run = vm.get_attr_str(context, "run")?;
            let functools = Value::Module(vm.import_module("functools")?);
            let partial = vm.get_attr_str(&functools, "partial")?;
            vm.call(&partial, &[run, callback.clone()])?
        }
    };
    f.add_callback(vm, Callback::Py(callback));
    Ok(Value::None)
}

static REMOVE_DONE_CALLBACK: Signature =
    Signature::new(Style::Exact, "Future.remove_done_callback", "$self, fn, /").doc(
        "Remove every pending registration of callback `fn`, and return how many\n\
         there were.",
    );

fn fut_remove_done_callback(vm: &Vm, args: Args) -> PyResult {
    let ([this_, callback], []) = REMOVE_DONE_CALLBACK.bind(vm, args)?;
    let f = this(vm, Some(this_))?;
    Ok(Value::Int(f.remove_callback(vm, callback)? as i64))
}

future_method!(
    MAKE_CANCELLED_ERROR,
    "_make_cancelled_error",
    "Return the CancelledError a cancelled future raises, with its message."
);

fn fut_make_cancelled_error(vm: &Vm, args: Args) -> PyResult {
    Ok(receiver_fut(vm, &MAKE_CANCELLED_ERROR, args)?
        .make_cancelled_error(vm)
        .value())
}

future_method!(
    GET_LOOP,
    "get_loop",
    "Return the event loop the future belongs to."
);

fn fut_get_loop(vm: &Vm, args: Args) -> PyResult {
    Ok(receiver_fut(vm, &GET_LOOP, args)?.lp.value())
}

future_method!(
    AWAIT,
    "__await__",
    "Return an iterator that waits for the future in an `await`."
);
future_method!(
    ITER,
    "__iter__",
    "Return an iterator that waits for the future in a `yield from`."
);

fn fut_await(vm: &Vm, args: Args) -> PyResult {
    let f = receiver_fut(vm, &AWAIT, args)?;
    Ok(future_iter(&aio(vm), f))
}

fn fut_iter(vm: &Vm, args: Args) -> PyResult {
    let f = receiver_fut(vm, &ITER, args)?;
    Ok(future_iter(&aio(vm), f))
}

future_method!(REPR, "__repr__", "Return repr(self).");

fn fut_repr(vm: &Vm, args: Args) -> PyResult {
    let f = receiver_fut(vm, &REPR, args)?;
    if f.is_task() {
        return Ok(Value::string(super::tasks::task_repr(vm, &f)?));
    }
    Ok(Value::string(future_repr(vm, &f)?))
}

pub fn install(_vm: &Vm, a: &Aio) {
    use crate::vm::types::{add_declared_methods, add_methods};
    add_methods(
        &a.future_class,
        "Future",
        &[("__new__", fut_new), ("__init__", fut_init)],
    );
    add_declared_methods(
        &a.future_class,
        "Future",
        &[
            (&RESULT, fut_result),
            (&EXCEPTION, fut_exception),
            (&SET_RESULT, fut_set_result),
            (&SET_EXCEPTION, fut_set_exception),
            (&CANCEL, fut_cancel),
            (&CANCELLED, fut_cancelled),
            (&DONE, fut_done),
            (&ADD_DONE_CALLBACK, fut_add_done_callback),
            (&REMOVE_DONE_CALLBACK, fut_remove_done_callback),
            (&GET_LOOP, fut_get_loop),
            (&MAKE_CANCELLED_ERROR, fut_make_cancelled_error),
            (&AWAIT, fut_await),
            (&ITER, fut_iter),
            (&REPR, fut_repr),
        ],
    );
    add_methods(
        &a.future_iter_class,
        "FutureIter",
        &[
            ("__next__", iter_next),
            ("send", iter_next),
            ("throw", iter_throw),
            ("close", iter_close),
            ("__iter__", iter_self),
        ],
    );
}
