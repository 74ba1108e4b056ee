//! `asyncio`: event loop, futures, tasks and the library built on them.
//!
//! The hot core is native: the loop ([`events`]), futures ([`futures`]),
//! tasks and `sleep` ([`tasks`]), descriptor readiness ([`fd_events`]) and
//! the socket transports' byte mover ([`wire`]). The rest of the library
//! (gather, wait, TaskGroup, timeouts, locks, queues) is `asyncio.py`, towel
//! source run at import in the module's namespace; after it come the loop's
//! lower layer (`selector_events.py`), protocols, transports and servers
//! (`socket_transports.py`) and streams (`streams_layer.py`).

pub mod base_events;
pub mod debug;
pub mod events;
pub mod face;
pub mod fd_events;
pub mod futures;
pub mod handles;
pub mod locks;
pub mod ops;
pub mod queues;
pub mod sleep;
pub mod task_api;
pub mod tasks;
pub mod timeline;
pub mod wire;

use crate::objects::class::Layout;
use crate::objects::Native;
use crate::objects::{Args, Class, Module, PyResult, Value};
use crate::vm::types::{new_class, new_final_class};
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
    /// `AbstractEventLoop`: the interface, every method abstract.
    pub abstract_loop_class: Rc<Class>,
    /// `BaseEventLoop`: where the native loop methods live.
    pub base_loop_class: Rc<Class>,
    pub selector_loop_class: Rc<Class>,
    /// `_UnixSelectorEventLoop`, the loop `new_event_loop()` makes.
    pub loop_class: Rc<Class>,
    pub handle_class: Rc<Class>,
    pub timer_handle_class: Rc<Class>,
    pub op_class: Rc<Class>,
    /// A task's step as a callable (`tasks::TaskStep`).
    pub task_step_class: Rc<Class>,
    pub lock_class: Rc<Class>,
    pub event_class: Rc<Class>,
    pub queue_class: Rc<Class>,
    pub lifo_queue_class: Rc<Class>,
    pub priority_queue_class: Rc<Class>,
    pub cancelled_error: Rc<Class>,
    pub invalid_state_error: Rc<Class>,
    pub task_counter: Cell<u64>,
    /// The loop inside `run_forever` on this thread, and the VM it runs on.
    pub running: RefCell<Option<Native<EventLoop>>>,
    pub vm: Cell<*const Vm>,
    /// The module, for the functions and classes of its towel half.
    module: RefCell<Option<Rc<Module>>>,
}

thread_local! {
    static AIO: RefCell<Option<Rc<Aio>>> = const { RefCell::new(None) };
}

/// This thread's asyncio state, created on first use.
/// A thread switch (`stdlib::thread`): the running loop belongs to the
/// thread that runs it, so each thread keeps its own (a new thread has
/// none). Returns the one replaced; does nothing before asyncio is used.
pub(crate) fn swap_running_loop(lp: Option<Native<EventLoop>>) -> Option<Native<EventLoop>> {
    let a = AIO.with(|a| a.borrow().clone())?;
    let mut running = a.running.borrow_mut();
    std::mem::replace(&mut *running, lp)
}

pub fn aio(vm: &Vm) -> Rc<Aio> {
    if let Some(a) = AIO.with(|a| a.borrow().clone()) {
        return a;
    }
    let object = vm.types.object.clone();
    let class = |name: &str, module: &str| {
        new_class(name, std::slice::from_ref(&object), Layout::Builtin, module)
    };
    let final_class =
        |name: &str, module: &str| new_final_class(name, std::slice::from_ref(&object), module);
    let subclass = |name: &str, base: &Rc<Class>, module: &str| {
        new_class(name, std::slice::from_ref(base), Layout::Builtin, module)
    };
    let future_class = class("Future", "_asyncio");
    let task_class = subclass("Task", &future_class, "_asyncio");
    let abstract_loop_class = new_class(
        "AbstractEventLoop",
        std::slice::from_ref(&object),
        Layout::Object,
        "asyncio.events",
    );
    let base_loop_class = subclass("BaseEventLoop", &abstract_loop_class, "asyncio.base_events");
    let selector_loop_class = subclass(
        "BaseSelectorEventLoop",
        &base_loop_class,
        "asyncio.selector_events",
    );
    let loop_class = subclass(
        "_UnixSelectorEventLoop",
        &selector_loop_class,
        "asyncio.unix_events",
    );
    let handle_class = class("Handle", "asyncio.events");
    let timer_handle_class = subclass("TimerHandle", &handle_class, "asyncio.events");
    let queue_class = class("Queue", "asyncio.queues");
    let a = Rc::new(Aio {
        op_class: final_class("coroutine", "builtins"),
        task_step_class: final_class("TaskStepMethWrapper", "_asyncio"),
        lock_class: class("Lock", "asyncio.locks"),
        event_class: class("Event", "asyncio.locks"),
        lifo_queue_class: subclass("LifoQueue", &queue_class, "asyncio.queues"),
        priority_queue_class: subclass("PriorityQueue", &queue_class, "asyncio.queues"),
        queue_class,
        future_class,
        task_class,
        future_iter_class: final_class("FutureIter", "_asyncio"),
        sleep_class: final_class("coroutine", "builtins"),
        abstract_loop_class,
        base_loop_class,
        selector_loop_class,
        loop_class,
        handle_class,
        timer_handle_class,
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
        running: RefCell::new(None),
        vm: Cell::new(std::ptr::null()),
        module: RefCell::new(None),
    });
    AIO.with(|slot| *slot.borrow_mut() = Some(a.clone()));
    a
}

/// A function or class of the module's towel half, such as `QueueEmpty` or
/// `get_event_loop`.
pub fn glue(vm: &Vm, name: &str) -> PyResult<Value> {
    let module = aio(vm).module.borrow().clone();
    module
        .and_then(|m| crate::stdlib::module_get(&m, name))
        .ok_or_else(|| vm.runtime_error(format!("asyncio is not initialised ({name})")))
}

/// The towel half of the module.
const GLUE: crate::stdlib::Source = crate::stdlib::stdlib_source!("asyncio.py");
/// The layers run into the module after the glue, in order: readers,
/// writers, `sock_*`, the resolver and signal handlers; protocols,
/// transports and servers; streams.
const LAYERS: [(crate::stdlib::Source, &str); 3] = [
    (
        crate::stdlib::stdlib_source!("selector_events.py"),
        "<frozen asyncio.selector_events>",
    ),
    (
        crate::stdlib::stdlib_source!("socket_transports.py"),
        "<frozen asyncio.transports>",
    ),
    (
        crate::stdlib::stdlib_source!("streams_layer.py"),
        "<frozen asyncio.streams>",
    ),
];

/// Compiles `source` and runs it in `m`.
fn run_source(
    vm: &Vm,
    m: &Rc<Module>,
    source: &crate::stdlib::Source,
    file_name: &str,
) -> PyResult<()> {
    let code = vm
        .compile(&source.text(), file_name, crate::compiler::Mode::Exec)
        .map_err(|e| vm.syntax_error_value(&e))?;
    vm.run_code(code, m).map(|_| ())
}

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let a = aio(vm);
    let m = vm.new_module("asyncio", None);
    *a.module.borrow_mut() = Some(m.clone());
    futures::install(vm, &a);
    events::install();
    base_events::install(&a, &m);
    handles::install(&a);
    task_api::install(&a, &m);
    sleep::install(&a, &m);
    locks::install(&a, &m);
    queues::install(&a, &m);
    ops::install(&a);
    tasks::install(&a);
    use crate::stdlib::set;
    set(&m, "Future", Value::Class(a.future_class.clone()));
    set(&m, "Task", Value::Class(a.task_class.clone()));
    set(&m, "Handle", Value::Class(a.handle_class.clone()));
    set(
        &m,
        "TimerHandle",
        Value::Class(a.timer_handle_class.clone()),
    );
    for class in [
        &a.abstract_loop_class,
        &a.base_loop_class,
        &a.selector_loop_class,
        &a.loop_class,
    ] {
        set(&m, &class.name, Value::Class(class.clone()));
    }
    set(&m, "SelectorEventLoop", Value::Class(a.loop_class.clone()));
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
    // The loop's lower layer, written over `fd_events`' natives, then the
    // transports over `wire` and the streams over them.
    fd_events::install(vm, &m);
    wire::install(&m);
    for (source, file_name) in &LAYERS {
        if let Err(e) = run_source(vm, &m, source, file_name) {
            vm.unregister_module("asyncio");
            return Err(e);
        }
    }
    Ok(m)
}

/// Raises CPython's TypeError for a keyword argument that `fname` does not
/// take (`allowed` lists the ones it does).
#[inline]
pub(crate) fn check_keywords(vm: &Vm, args: &Args, fname: &str, allowed: &[&str]) -> PyResult<()> {
    if args.kwnames.is_empty() {
        return Ok(());
    }
    unexpected_keyword(vm, args, fname, allowed)
}

#[inline(never)]
fn unexpected_keyword(vm: &Vm, args: &Args, fname: &str, allowed: &[&str]) -> PyResult<()> {
    for name in args.kwnames {
        let name = name.as_str().unwrap_or_default();
        if !allowed.contains(&name) {
            return Err(vm.type_error(format!(
                "{fname}() got an unexpected keyword argument '{name}'"
            )));
        }
    }
    Ok(())
}

/// `@asyncio.coroutine`, as CPython 3.10 had it: `types.coroutine`.
fn coroutine(vm: &Vm, args: crate::objects::Args) -> PyResult {
    args.check(vm, "coroutine", 1, 1)?;
    crate::stdlib::types::make_iterable_coroutine(vm, &args.pos[0])
}
