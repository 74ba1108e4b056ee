//! The event loop under the REPL: the one module that knows how a script
//! coroutine becomes a task.
//!
//! # The boundary
//!
//! The session ([`crate::repl`]) needs four things from an event loop, and
//! only this module provides them:
//!
//! * [`EventLoop::run`] runs the session future on the main thread until it
//!   ends, with every other task making progress meanwhile. The session's
//!   waits (for the next line, for a statement) are async waits, so tasks
//!   started at the prompt keep running between inputs.
//! * [`EventLoop::start`] starts the coroutine of one input (module code
//!   with a top-level `await`) as a task and returns a [`Statement`] to
//!   await its outcome or to cancel it (Ctrl-C).
//! * [`EventLoop::listing`] is what the prompt's `tasks()` prints.
//! * [`EventLoop::prelude`] is the source run before the first prompt.
//!
//! # Two implementations
//!
//! * **asyncio** (when the interpreter has an `asyncio` module): the loop is
//!   a real `asyncio` event loop, driven by `loop.run_forever()` as in
//!   CPython's `python -m asyncio`. The session itself is a plain executor
//!   task that `run_forever` runs along with the script's tasks. An input's
//!   coroutine becomes `loop.create_task(coro)`, so `asyncio.current_task()`,
//!   `all_tasks()`, `create_task` and `sleep` work at the prompt, and
//!   cancelling it throws `CancelledError` at its `await`. The listing is
//!   `towel.format_tasks` over `asyncio.all_tasks()` plus the finished
//!   tasks the user still holds. Everything goes through the module's
//!   Python-level API, so this code compiles whether or not asyncio does.
//! * **runtime** (fallback, until asyncio is merged): `towel_runtime::block_on`
//!   runs the session, and an input's coroutine is driven by [`CoroDriver`],
//!   a minimal task driver for which a bare `yield` means "let the others
//!   run" (`yield_now`) and anything else yielded is an error, as in an
//!   asyncio task. Cancelling throws `KeyboardInterrupt` in. Only the REPL's
//!   own statement tasks exist, so the listing shows those.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::process::ExitCode;
use std::rc::{Rc, Weak};
use std::task::{Context, Poll, Waker};
use std::time::Instant;

use towel_lang::objects::{
    GenState, Generator, NativeClosure, NativeObject, PyErr, PyResult, Value,
};
use towel_lang::stdlib::towel::{format_tasks, task_info, TaskInfo, TaskState};
use towel_lang::vm::interp::Resumed;
use towel_lang::Vm;

/// The session future that an [`EventLoop`] runs.
pub type SessionFuture = Pin<Box<dyn Future<Output = ExitCode>>>;

/// The event loop the REPL runs on (see the module documentation).
pub enum EventLoop {
    Asyncio(AsyncioLoop),
    Runtime(RuntimeLoop),
}

impl EventLoop {
    /// An asyncio loop when the interpreter has `asyncio`, else the runtime
    /// fallback. If asyncio is there but cannot start, the session still
    /// starts, on the fallback, after saying why.
    pub fn new(vm: &'static Vm) -> EventLoop {
        if vm.native_modules.borrow().contains_key("asyncio") {
            match AsyncioLoop::new(vm) {
                Ok(lp) => return EventLoop::Asyncio(lp),
                Err(e) => {
                    vm.print_exception(&e);
                    eprintln!("towel: asyncio could not start; the REPL runs without it");
                }
            }
        }
        EventLoop::Runtime(RuntimeLoop::new(vm))
    }

    /// The source run in `__main__` before the first prompt (shown to the user, like CPython's).
    pub fn prelude(&self) -> Option<&'static str> {
        match self {
            EventLoop::Asyncio(_) => Some("import asyncio"),
            EventLoop::Runtime(_) => None,
        }
    }

    /// Runs `session` to its end; tasks progress whenever the session waits.
    pub fn run(self: &Rc<Self>, session: SessionFuture) -> ExitCode {
        match &**self {
            EventLoop::Asyncio(lp) => lp.run(self, session),
            EventLoop::Runtime(_) => towel_runtime::block_on(session),
        }
    }

    /// Starts an input's coroutine as a task.
    pub fn start(self: &Rc<Self>, coro: Value) -> PyResult<Statement> {
        let state = match &**self {
            EventLoop::Asyncio(lp) => lp.start(coro)?,
            EventLoop::Runtime(lp) => lp.start(coro)?,
        };
        Ok(Statement::new(self, state))
    }

    /// Cancels the statement that is running in the foreground, if any, as Ctrl-C does.
    pub fn interrupt_foreground(&self) -> bool {
        let fg = match self {
            EventLoop::Asyncio(lp) => lp.foreground.borrow().clone(),
            EventLoop::Runtime(lp) => lp.foreground.borrow().clone(),
        };
        match fg.and_then(|w| w.upgrade()) {
            Some(state) => {
                state.cancel();
                true
            }
            None => false,
        }
    }

    /// What `tasks()` prints.
    pub fn listing(&self) -> PyResult<String> {
        match self {
            EventLoop::Asyncio(lp) => lp.listing(),
            EventLoop::Runtime(lp) => Ok(lp.listing()),
        }
    }

    /// Remembers the tasks that exist now, so that a listing can still show
    /// them once they are done (as long as the user holds them).
    pub fn note_tasks(&self) {
        if let EventLoop::Asyncio(lp) = self {
            lp.note_tasks();
        }
    }

    fn set_foreground(&self, state: Option<Weak<dyn StatementState>>) {
        match self {
            EventLoop::Asyncio(lp) => *lp.foreground.borrow_mut() = state,
            EventLoop::Runtime(lp) => *lp.foreground.borrow_mut() = state,
        }
    }
}

/// What both implementations keep about a running input.
trait StatementState {
    /// Asks the task to stop (Ctrl-C); idempotent.
    fn cancel(&self);
    /// Whether [`cancel`](StatementState::cancel) was called.
    fn cancelled_by_user(&self) -> bool;
    /// The outcome, once the task is finished.
    fn poll_outcome(&self, cx: &mut Context<'_>) -> Poll<PyResult<Value>>;
}

/// One input running as a task: await [`Statement::wait`] for its outcome.
pub struct Statement {
    state: Rc<dyn StatementState>,
    lp: Rc<EventLoop>,
}

impl Statement {
    fn new(lp: &Rc<EventLoop>, state: Rc<dyn StatementState>) -> Statement {
        lp.set_foreground(Some(Rc::downgrade(&state)));
        Statement {
            state,
            lp: lp.clone(),
        }
    }

    /// The task's outcome: its value, or the exception that ended it.
    pub async fn wait(&self) -> PyResult<Value> {
        std::future::poll_fn(|cx| self.state.poll_outcome(cx)).await
    }

    /// Asks the task to stop, as Ctrl-C does.
    pub fn cancel(&self) {
        self.state.cancel();
    }

    /// Whether the user stopped it: its error is then shown as `KeyboardInterrupt`.
    pub fn cancelled_by_user(&self) -> bool {
        self.state.cancelled_by_user()
    }
}

impl Drop for Statement {
    fn drop(&mut self) {
        self.lp.set_foreground(None);
    }
}

// -- asyncio -------------------------------------------------------------------------

/// The REPL on a real `asyncio` loop (see the module documentation).
pub struct AsyncioLoop {
    vm: &'static Vm,
    asyncio: Value,
    event_loop: Value,
    foreground: RefCell<Option<Weak<dyn StatementState>>>,
    /// Tasks seen alive, so that listings keep showing them once done while
    /// something else still holds them.
    seen: RefCell<Vec<Weak<dyn NativeObject>>>,
}

impl AsyncioLoop {
    fn new(vm: &'static Vm) -> PyResult<AsyncioLoop> {
        let asyncio = Value::Module(vm.import_module("asyncio")?);
        let event_loop = vm.call_method(&asyncio, "new_event_loop", &[])?;
        vm.call_method(
            &asyncio,
            "set_event_loop",
            std::slice::from_ref(&event_loop),
        )?;
        Ok(AsyncioLoop {
            vm,
            asyncio,
            event_loop,
            foreground: RefCell::new(None),
            seen: RefCell::new(Vec::new()),
        })
    }

    /// `run_forever` with the session as one more executor task, as in
    /// CPython's `python -m asyncio`: a Ctrl-C that the loop itself notices
    /// (it checks the VM's interrupt flag between iterations) cancels the
    /// foreground statement, and the loop runs again.
    fn run(&self, me: &Rc<EventLoop>, session: SessionFuture) -> ExitCode {
        let vm = self.vm;
        let outcome: Rc<Cell<Option<ExitCode>>> = Rc::new(Cell::new(None));
        {
            let outcome = outcome.clone();
            let event_loop = self.event_loop.clone();
            towel_runtime::spawn(async move {
                outcome.set(Some(session.await));
                // The loop may already be closed by the user; then run_forever fails below.
                let _ = vm.call_method(&event_loop, "stop", &[]);
            })
            .detach();
        }
        loop {
            let result = vm.call_method(&self.event_loop, "run_forever", &[]);
            if let Some(code) = outcome.take() {
                return code;
            }
            match result {
                // The user stopped the loop (`loop.stop()`): the REPL goes on.
                Ok(_) => {}
                Err(e) if vm.err_is(&e, &vm.exc.keyboard_interrupt) => {
                    if !me.interrupt_foreground() {
                        vm.flush_stdout();
                        eprintln!("\nKeyboardInterrupt");
                    }
                }
                Err(e) => return towel_lang::vm::exit_status(vm, &e),
            }
        }
    }

    fn start(&self, coro: Value) -> PyResult<Rc<dyn StatementState>> {
        let task = self
            .vm
            .call_method(&self.event_loop, "create_task", &[coro])?;
        let state = Rc::new(AsyncioStatement {
            vm: self.vm,
            task: task.clone(),
            finished: Cell::new(false),
            waker: RefCell::new(None),
            cancelled: Cell::new(false),
        });
        let weak = Rc::downgrade(&state);
        let wakeup = Value::Closure(Rc::new(NativeClosure {
            name: "<repl statement done>".into(),
            func: Box::new(move |_vm, _args| {
                if let Some(state) = weak.upgrade() {
                    state.finished.set(true);
                    if let Some(w) = state.waker.borrow_mut().take() {
                        w.wake();
                    }
                }
                Ok(Value::None)
            }),
        }));
        self.vm.call_method(&task, "add_done_callback", &[wakeup])?;
        Ok(state)
    }

    fn all_tasks(&self) -> PyResult<Vec<Value>> {
        let tasks = self.vm.call_method(
            &self.asyncio,
            "all_tasks",
            std::slice::from_ref(&self.event_loop),
        )?;
        self.vm.to_vec(&tasks)
    }

    fn note_tasks(&self) {
        let Ok(tasks) = self.all_tasks() else { return };
        let mut seen = self.seen.borrow_mut();
        seen.retain(|w| w.strong_count() > 0);
        for t in tasks {
            if let Value::Native(n) = &t {
                if !seen
                    .iter()
                    .any(|w| std::ptr::addr_eq(w.as_ptr(), Rc::as_ptr(n)))
                {
                    seen.push(Rc::downgrade(n));
                }
            }
        }
    }

    fn listing(&self) -> PyResult<String> {
        self.note_tasks();
        let vm = self.vm;
        let current = match vm.call_method(&self.asyncio, "current_task", &[]) {
            Ok(v) if !v.is_none() => Some(v),
            _ => None,
        };
        let tasks: Vec<Value> = self
            .seen
            .borrow()
            .iter()
            .filter_map(|w| w.upgrade())
            .map(Value::Native)
            .collect();
        let mut infos = Vec::new();
        for t in &tasks {
            infos.push(task_info(vm, t, current.as_ref())?);
        }
        Ok(format_tasks(vm, &infos))
    }
}

/// An input running as an asyncio task.
struct AsyncioStatement {
    vm: &'static Vm,
    task: Value,
    /// Set by the task's done callback.
    finished: Cell<bool>,
    waker: RefCell<Option<Waker>>,
    cancelled: Cell<bool>,
}

impl StatementState for AsyncioStatement {
    fn cancel(&self) {
        self.cancelled.set(true);
        // A task that is already done ignores cancel(); an error here has nowhere better to go.
        let _ = self.vm.call_method(&self.task, "cancel", &[]);
    }

    fn cancelled_by_user(&self) -> bool {
        self.cancelled.get()
    }

    fn poll_outcome(&self, cx: &mut Context<'_>) -> Poll<PyResult<Value>> {
        if !self.finished.get() {
            *self.waker.borrow_mut() = Some(cx.waker().clone());
            return Poll::Pending;
        }
        Poll::Ready(self.vm.call_method(&self.task, "result", &[]))
    }
}

// -- runtime fallback ----------------------------------------------------------------

/// The REPL on the bare runtime, until asyncio is there (see the module documentation).
pub struct RuntimeLoop {
    vm: &'static Vm,
    foreground: RefCell<Option<Weak<dyn StatementState>>>,
    tasks: Rc<RefCell<Vec<Weak<CoroTask>>>>,
    /// The task being stepped right now, for the listing's "running".
    current: Rc<RefCell<Option<Weak<CoroTask>>>>,
    counter: Cell<u64>,
}

impl RuntimeLoop {
    fn new(vm: &'static Vm) -> RuntimeLoop {
        RuntimeLoop {
            vm,
            foreground: RefCell::new(None),
            tasks: Rc::default(),
            current: Rc::default(),
            counter: Cell::new(0),
        }
    }

    fn start(&self, coro: Value) -> PyResult<Rc<dyn StatementState>> {
        let Value::Generator(gen) = coro else {
            return Err(self.vm.type_error("a coroutine was expected"));
        };
        let n = self.counter.get() + 1;
        self.counter.set(n);
        let task = Rc::new(CoroTask {
            name: format!("Task-{n}"),
            coro: gen,
            created: Instant::now(),
            cancel: Cell::new(false),
            cancelled_by_user: Cell::new(false),
            throw_next: RefCell::new(None),
            waker: RefCell::new(None),
            done: Cell::new(false),
            outcome: RefCell::new(None),
            outcome_waker: RefCell::new(None),
        });
        {
            let mut tasks = self.tasks.borrow_mut();
            tasks.retain(|t| t.strong_count() > 0);
            tasks.push(Rc::downgrade(&task));
        }
        let driver = CoroDriver {
            vm: self.vm,
            task: task.clone(),
            current: self.current.clone(),
        };
        towel_runtime::spawn(driver).detach();
        Ok(task)
    }

    fn listing(&self) -> String {
        let current = self.current.borrow().as_ref().and_then(Weak::upgrade);
        let infos: Vec<TaskInfo> = self
            .tasks
            .borrow()
            .iter()
            .filter_map(Weak::upgrade)
            .map(|t| {
                let running = current.as_ref().is_some_and(|c| Rc::ptr_eq(c, &t));
                let state = match (t.done.get(), running) {
                    (true, _) if t.cancelled_by_user.get() => TaskState::Cancelled,
                    (true, _) => TaskState::Done,
                    (false, true) => TaskState::Running,
                    (false, false) => TaskState::Pending,
                };
                let coro = (t.coro.state.get() != GenState::Closed)
                    .then(|| Value::Generator(t.coro.clone()));
                TaskInfo {
                    name: t.name.clone(),
                    state,
                    age: Some(t.created.elapsed()),
                    coro,
                }
            })
            .collect();
        format_tasks(self.vm, &infos)
    }
}

/// The state of one coroutine driven by [`CoroDriver`].
pub struct CoroTask {
    name: String,
    coro: Rc<Generator>,
    created: Instant,
    /// A cancellation is owed: the next step throws KeyboardInterrupt in.
    cancel: Cell<bool>,
    cancelled_by_user: Cell<bool>,
    /// An exception the next step throws in (after a bad yield).
    throw_next: RefCell<Option<PyErr>>,
    /// The driver's waker, to step it again after a cancellation.
    waker: RefCell<Option<Waker>>,
    /// Set when the coroutine has finished (the outcome may already be taken).
    done: Cell<bool>,
    outcome: RefCell<Option<PyResult<Value>>>,
    outcome_waker: RefCell<Option<Waker>>,
}

impl StatementState for CoroTask {
    fn cancel(&self) {
        if self.done.get() {
            return;
        }
        self.cancel.set(true);
        self.cancelled_by_user.set(true);
        if let Some(w) = self.waker.borrow().as_ref() {
            w.wake_by_ref();
        }
    }

    fn cancelled_by_user(&self) -> bool {
        self.cancelled_by_user.get()
    }

    fn poll_outcome(&self, cx: &mut Context<'_>) -> Poll<PyResult<Value>> {
        match self.outcome.borrow_mut().take() {
            Some(outcome) => Poll::Ready(outcome),
            None => {
                *self.outcome_waker.borrow_mut() = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

/// The executor task that steps a [`CoroTask`]'s coroutine: one `send(None)`
/// (or throw) per poll, rescheduling itself after a bare `yield`.
struct CoroDriver {
    vm: &'static Vm,
    task: Rc<CoroTask>,
    current: Rc<RefCell<Option<Weak<CoroTask>>>>,
}

impl Future for CoroDriver {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let vm = self.vm;
        let task = &self.task;
        *task.waker.borrow_mut() = Some(cx.waker().clone());
        let throw = if task.cancel.replace(false) {
            Some(vm.new_exception(&vm.exc.keyboard_interrupt, vec![]))
        } else {
            task.throw_next.borrow_mut().take()
        };
        *self.current.borrow_mut() = Some(Rc::downgrade(task));
        let step = match throw {
            Some(e) => vm.throw_generator(&task.coro, e),
            None => vm.resume_generator(&task.coro, Value::None),
        };
        *self.current.borrow_mut() = None;
        let outcome = match step {
            Ok(Resumed::Return(v)) => Ok(v),
            Err(e) => Err(e),
            Ok(Resumed::Yield(y)) => {
                if !y.is_none() {
                    // What asyncio says of a task that yields something it cannot wait on.
                    let what = vm.repr(&y).unwrap_or_else(|_| "?".into());
                    *task.throw_next.borrow_mut() =
                        Some(vm.runtime_error(format!("Task got bad yield: {what}")));
                }
                // A bare yield gives every other ready task a turn first.
                cx.waker().wake_by_ref();
                return Poll::Pending;
            }
        };
        task.done.set(true);
        *task.outcome.borrow_mut() = Some(outcome);
        if let Some(w) = task.outcome_waker.borrow_mut().take() {
            w.wake();
        }
        Poll::Ready(())
    }
}
