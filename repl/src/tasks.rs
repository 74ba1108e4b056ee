//! The event loop under the REPL: the one module that knows how a script
//! coroutine becomes a task.
//!
//! The loop is a real `asyncio` event loop, driven by `loop.run_forever()` as
//! in CPython's `python -m asyncio`. The session ([`crate::repl`]) is a plain
//! executor task that `run_forever` runs along with the script's tasks, and
//! its waits (for the next line, for a statement) are async waits, so tasks
//! started at the prompt keep running between inputs. An input's coroutine
//! becomes `loop.create_task(coro)`, so `asyncio.current_task()`,
//! `all_tasks()`, `create_task` and `sleep` work at the prompt, and
//! cancelling it (Ctrl-C) throws `CancelledError` at its `await`. The
//! listing (`tasks()`) is `towel.format_tasks` over `asyncio.all_tasks()`
//! plus the finished tasks the user still holds. Everything goes through the
//! module's Python-level API.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::process::ExitCode;
use std::rc::{Rc, Weak};
use std::task::{Context, Poll, Waker};

use towel_lang::objects::{NativeClosure, NativeRef, PyResult, Value, WeakNative};
use towel_lang::stdlib::towel::{format_tasks, task_info};
use towel_lang::Vm;

/// The session future that the [`EventLoop`] runs.
pub type SessionFuture = Pin<Box<dyn Future<Output = ExitCode>>>;

/// One input running as a task: await [`Statement::wait`] for its outcome.
pub struct Statement {
    state: Rc<StatementState>,
    lp: Rc<EventLoop>,
}

impl Statement {
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
        self.state.cancelled.get()
    }
}

impl Drop for Statement {
    fn drop(&mut self) {
        *self.lp.foreground.borrow_mut() = None;
    }
}

/// The REPL's `asyncio` event loop (see the module documentation).
pub struct EventLoop {
    vm: &'static Vm,
    asyncio: Value,
    event_loop: Value,
    foreground: RefCell<Option<Weak<StatementState>>>,
    /// Tasks seen alive, so that listings keep showing them once done while
    /// something else still holds them.
    seen: RefCell<Vec<WeakNative>>,
}

impl EventLoop {
    /// A new loop, set as asyncio's current one.
    pub fn new(vm: &'static Vm) -> PyResult<EventLoop> {
        let asyncio = Value::Module(vm.import_module("asyncio")?);
        let event_loop = vm.call_method(&asyncio, "new_event_loop", &[])?;
        vm.call_method(
            &asyncio,
            "set_event_loop",
            std::slice::from_ref(&event_loop),
        )?;
        Ok(EventLoop {
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
    pub fn run(&self, session: SessionFuture) -> ExitCode {
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
                    if !self.interrupt_foreground() {
                        vm.flush_stdout();
                        eprintln!("\nKeyboardInterrupt");
                    }
                }
                Err(e) => return towel_lang::vm::exit_status(vm, &e),
            }
        }
    }

    /// Cancels the statement that is running in the foreground, if any, as Ctrl-C does.
    pub fn interrupt_foreground(&self) -> bool {
        let fg = self.foreground.borrow().clone();
        match fg.and_then(|w| w.upgrade()) {
            Some(state) => {
                state.cancel();
                true
            }
            None => false,
        }
    }

    /// Starts an input's coroutine as a task.
    pub fn start(self: &Rc<Self>, coro: Value) -> PyResult<Statement> {
        let task = self
            .vm
            .call_method(&self.event_loop, "create_task", &[coro])?;
        let state = Rc::new(StatementState {
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
        *self.foreground.borrow_mut() = Some(Rc::downgrade(&state));
        Ok(Statement {
            state,
            lp: self.clone(),
        })
    }

    fn all_tasks(&self) -> PyResult<Vec<Value>> {
        let tasks = self.vm.call_method(
            &self.asyncio,
            "all_tasks",
            std::slice::from_ref(&self.event_loop),
        )?;
        self.vm.to_vec(&tasks)
    }

    /// Remembers the tasks that exist now, so that a listing can still show
    /// them once they are done (as long as the user holds them).
    pub fn note_tasks(&self) {
        let Ok(tasks) = self.all_tasks() else { return };
        let mut seen = self.seen.borrow_mut();
        seen.retain(|w| w.strong_count() > 0);
        for t in tasks {
            if let Value::Native(n) = &t {
                if !seen
                    .iter()
                    .any(|w| w.as_ptr() as *const () as usize == n.addr())
                {
                    seen.push(n.downgrade());
                }
            }
        }
    }

    /// What `tasks()` prints.
    pub fn listing(&self) -> PyResult<String> {
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
            .filter_map(NativeRef::upgrade)
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
struct StatementState {
    vm: &'static Vm,
    task: Value,
    /// Set by the task's done callback.
    finished: Cell<bool>,
    waker: RefCell<Option<Waker>>,
    cancelled: Cell<bool>,
}

impl StatementState {
    /// Asks the task to stop (Ctrl-C); idempotent.
    fn cancel(&self) {
        self.cancelled.set(true);
        // A task that is already done ignores cancel(); an error here has nowhere better to go.
        let _ = self.vm.call_method(&self.task, "cancel", &[]);
    }

    fn poll_outcome(&self, cx: &mut Context<'_>) -> Poll<PyResult<Value>> {
        if !self.finished.get() {
            *self.waker.borrow_mut() = Some(cx.waker().clone());
            return Poll::Pending;
        }
        Poll::Ready(self.vm.call_method(&self.task, "result", &[]))
    }
}
