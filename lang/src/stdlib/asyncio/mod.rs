//! `asyncio`: event loop, futures, tasks and the library built on them.
//!
//! The hot core is native: the loop ([`events`]), futures ([`futures`]),
//! tasks and `sleep` ([`tasks`]), sockets for the streams ([`net`]). The rest
//! of the library (gather, wait, TaskGroup, timeouts, locks, queues, streams)
//! is `asyncio.py`, towel source run at import in the module's namespace,
//! written after CPython's own pure-Python modules so that its behaviour and
//! messages match.

pub mod events;
pub mod fd_events;
pub mod futures;
pub mod locks;
pub mod net;
pub mod tasks;

use crate::objects::class::Layout;
use crate::objects::Native;
use crate::objects::{Class, Module, PyResult, Value};
use crate::vm::types::new_class;
use crate::vm::Vm;
use events::EventLoop;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Per-thread asyncio state: the native classes and which loop is running.
pub struct Aio {
    pub future_class: Rc<Class>,
    pub task_class: Rc<Class>,
    pub future_iter_class: Rc<Class>,
    pub sleep_class: Rc<Class>,
    pub loop_class: Rc<Class>,
    pub handle_class: Rc<Class>,
    pub timer_handle_class: Rc<Class>,
    pub conn_class: Rc<Class>,
    pub op_class: Rc<Class>,
    pub lock_class: Rc<Class>,
    pub event_class: Rc<Class>,
    pub queue_class: Rc<Class>,
    pub lifo_queue_class: Rc<Class>,
    pub priority_queue_class: Rc<Class>,
    pub listener_class: Rc<Class>,
    pub cancelled_error: Rc<Class>,
    pub invalid_state_error: Rc<Class>,
    pub task_counter: Cell<u64>,
    /// `set_event_loop`'s loop, and whether it was ever called (CPython's `_set_called`).
    pub set_loop: RefCell<Option<Native<EventLoop>>>,
    pub loop_was_set: Cell<bool>,
    /// The loop inside `run_forever` on this thread, and the VM it runs on.
    pub running: RefCell<Option<Native<EventLoop>>>,
    pub vm: Cell<*const Vm>,
}

thread_local! {
    static AIO: RefCell<Option<Rc<Aio>>> = const { RefCell::new(None) };
}

/// This thread's asyncio state, created on first use.
pub fn aio(vm: &Vm) -> Rc<Aio> {
    if let Some(a) = AIO.with(|a| a.borrow().clone()) {
        return a;
    }
    let object = vm.types.object.clone();
    let class = |name: &str, module: &str| {
        new_class(name, std::slice::from_ref(&object), Layout::Builtin, module)
    };
    let future_class = class("Future", "_asyncio");
    let task_class = new_class(
        "Task",
        std::slice::from_ref(&future_class),
        Layout::Builtin,
        "_asyncio",
    );
    let loop_class = class("_UnixSelectorEventLoop", "asyncio.unix_events");
    let handle_class = class("Handle", "asyncio.events");
    let timer_handle_class = new_class(
        "TimerHandle",
        std::slice::from_ref(&handle_class),
        Layout::Builtin,
        "asyncio.events",
    );
    let queue_class = class("Queue", "asyncio.queues");
    let a = Rc::new(Aio {
        op_class: class("coroutine", "builtins"),
        lock_class: class("Lock", "asyncio.locks"),
        event_class: class("Event", "asyncio.locks"),
        lifo_queue_class: new_class(
            "LifoQueue",
            std::slice::from_ref(&queue_class),
            Layout::Builtin,
            "asyncio.queues",
        ),
        priority_queue_class: new_class(
            "PriorityQueue",
            std::slice::from_ref(&queue_class),
            Layout::Builtin,
            "asyncio.queues",
        ),
        queue_class,
        future_class,
        task_class,
        future_iter_class: class("FutureIter", "_asyncio"),
        sleep_class: class("coroutine", "builtins"),
        loop_class,
        handle_class,
        timer_handle_class,
        conn_class: class("_Conn", "asyncio"),
        listener_class: class("_Listener", "asyncio"),
        cancelled_error: new_class(
            "CancelledError",
            std::slice::from_ref(&vm.exc.base_exception),
            Layout::Exception,
            "asyncio.exceptions",
        ),
        invalid_state_error: new_class(
            "InvalidStateError",
            std::slice::from_ref(&vm.exc.exception),
            Layout::Exception,
            "asyncio.exceptions",
        ),
        task_counter: Cell::new(0),
        set_loop: RefCell::new(None),
        loop_was_set: Cell::new(false),
        running: RefCell::new(None),
        vm: Cell::new(std::ptr::null()),
    });
    AIO.with(|slot| *slot.borrow_mut() = Some(a.clone()));
    a
}

/// The towel half of the module.
const GLUE: crate::stdlib::Source = crate::stdlib::stdlib_source!("asyncio.py");
/// Readers, writers, `sock_*`, the resolver and signal handlers.
const SELECTOR_EVENTS: crate::stdlib::Source = crate::stdlib::stdlib_source!("selector_events.py");

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let a = aio(vm);
    let m = vm.new_module("asyncio", None);
    futures::install(vm, &a);
    events::install(vm, &a, &m);
    tasks::install(vm, &a, &m);
    net::install(vm, &a, &m);
    locks::install(vm, &a, &m);
    use crate::stdlib::set;
    set(&m, "Future", Value::Class(a.future_class.clone()));
    set(&m, "Task", Value::Class(a.task_class.clone()));
    set(&m, "Handle", Value::Class(a.handle_class.clone()));
    set(
        &m,
        "TimerHandle",
        Value::Class(a.timer_handle_class.clone()),
    );
    set(&m, "AbstractEventLoop", Value::Class(a.loop_class.clone()));
    set(
        &m,
        "CancelledError",
        Value::Class(a.cancelled_error.clone()),
    );
    set(
        &m,
        "InvalidStateError",
        Value::Class(a.invalid_state_error.clone()),
    );
    set(
        &m,
        "TimeoutError",
        Value::Class(vm.exc.timeout_error.clone()),
    );
    set(
        &m,
        "_set_cancel_hook",
        crate::builtins::native("_set_cancel_hook", futures::set_cancel_hook),
    );
    set(
        &m,
        "_future_cancel",
        crate::builtins::native("_future_cancel", futures::plain_cancel),
    );
    set(
        &m,
        "coroutine",
        crate::builtins::native("coroutine", coroutine),
    );
    // Register before running the glue so that its own imports see the module.
    vm.init_table_module(&m)?;
    vm.register_module("asyncio", Value::Module(m.clone()))?;
    let code = vm
        .compile(
            &GLUE.text(),
            "<frozen asyncio>",
            crate::compiler::Mode::Exec,
        )
        .map_err(|e| vm.syntax_error_value(&e))?;
    if let Err(e) = vm.run_code(code, &m) {
        vm.unregister_module("asyncio");
        return Err(e);
    }
    // The loop's lower layer, written over `fd_events`' natives.
    fd_events::install(vm, &m);
    let code = vm
        .compile(
            &SELECTOR_EVENTS.text(),
            "<frozen asyncio.selector_events>",
            crate::compiler::Mode::Exec,
        )
        .map_err(|e| vm.syntax_error_value(&e))?;
    if let Err(e) = vm.run_code(code, &m) {
        vm.unregister_module("asyncio");
        return Err(e);
    }
    Ok(m)
}

/// `@asyncio.coroutine`, as CPython 3.10 had it: `types.coroutine`.
fn coroutine(vm: &Vm, args: crate::objects::Args) -> PyResult {
    args.check(vm, "coroutine", 1, 1)?;
    crate::stdlib::types::make_iterable_coroutine(vm, &args.pos[0])
}
