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
use crate::objects::{Class, Module, PyResult, Value};
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
/// The loop's lower layer, run into the module after the glue at import:
/// readers, writers, `sock_*`, the resolver and signal handlers.
const SELECTOR_EVENTS: (crate::stdlib::Source, &str) = (
    crate::stdlib::stdlib_source!("selector_events.py"),
    "<frozen asyncio.selector_events>",
);

/// Protocols, transports and servers; streams. Run into the module on first
/// use (`_load_transport_layer`, called by the module's `__getattr__` and
/// by the stand-ins for the loop methods they define, in
/// `selector_events.py`): compiling them and importing `socket` would cost
/// more than the rest of `import asyncio`, and most programs never open a
/// connection.
const TRANSPORT_LAYER: [(crate::stdlib::Source, &str); 2] = [
    (
        crate::stdlib::stdlib_source!("socket_transports.py"),
        "<frozen asyncio.transports>",
    ),
    (
        crate::stdlib::stdlib_source!("streams_layer.py"),
        "<frozen asyncio.streams>",
    ),
];

static LOAD_TRANSPORT_LAYER: crate::objects::Signature = crate::objects::Signature::new(
    crate::objects::signature::Style::Exact,
    "_load_transport_layer",
    "",
);

/// `_load_transport_layer()`: runs [`TRANSPORT_LAYER`] into the module (the
/// caller makes sure it happens once) and names the submodules of what it
/// defined.
fn load_transport_layer(vm: &Vm, args: crate::objects::Args) -> PyResult {
    LOAD_TRANSPORT_LAYER.bind::<0, 0>(vm, args)?;
    let m = aio(vm)
        .module
        .borrow()
        .clone()
        .ok_or_else(|| vm.runtime_error("asyncio is not initialised"))?;
    for (source, file_name) in &TRANSPORT_LAYER {
        run_source(vm, &m, source, file_name)?;
    }
    name_submodules(vm, &m)?;
    Ok(Value::None)
}

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
    document_classes(&a);
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
    // The loop's lower layer, written over `fd_events`' natives; the
    // transports (over `wire`) and streams wait for their first use.
    fd_events::install(vm, &m);
    wire::install(&m);
    set(
        &m,
        "_load_transport_layer",
        crate::builtins::native_row(&(
            &LOAD_TRANSPORT_LAYER,
            load_transport_layer as crate::objects::NativeFn,
        )),
    );
    let (source, file_name) = &SELECTOR_EVENTS;
    if let Err(e) = run_source(vm, &m, source, file_name) {
        vm.unregister_module("asyncio");
        return Err(e);
    }
    name_submodules(vm, &m)?;
    Ok(m)
}

/// The docstrings of the native classes.
fn document_classes(a: &Aio) {
    let classes: [(&Rc<Class>, &str); 15] = [
        (
            &a.future_class,
            "A result that will be known later, set by whoever produces it.\n\n\
             Awaiting a future suspends the task until the future is done, then gives\n\
             its result or raises its exception. Producers call set_result() or\n\
             set_exception(); callbacks added with add_done_callback() run when it is\n\
             done. Futures are made with loop.create_future().",
        ),
        (
            &a.task_class,
            "A coroutine running on the event loop, as a Future of its result.\n\n\
             The task advances its coroutine step by step, suspending it while it\n\
             awaits and resuming it when what it awaits is done; other tasks run in\n\
             between. Make tasks with asyncio.create_task(), keep a reference to\n\
             them, and await them (or use a TaskGroup) to get their results.",
        ),
        (
            &a.queue_class,
            "A first-in, first-out queue for passing items between tasks.\n\n\
             put() and get() wait when the queue is full or empty; `maxsize` bounds\n\
             it (0, the default, means no bound). task_done() and join() let a\n\
             producer wait until every item has been dealt with.",
        ),
        (
            &a.lifo_queue_class,
            "A Queue that gives back the most recently added item first.",
        ),
        (
            &a.priority_queue_class,
            "A Queue that gives back its smallest item first, such as\n\
             (priority, data) tuples by priority.",
        ),
        (
            &a.lock_class,
            "A mutual-exclusion lock for tasks: one task holds it at a time.\n\n\
             `async with lock:` takes it (waiting while another task holds it) and\n\
             releases it at the end of the block. It is not thread-safe.",
        ),
        (
            &a.event_class,
            "A flag tasks can wait for.\n\n\
             wait() returns once the event is set; set() wakes every waiting task,\n\
             clear() unsets it again.",
        ),
        (
            &a.handle_class,
            "A callback scheduled with loop.call_soon(); cancel() withdraws it.",
        ),
        (
            &a.timer_handle_class,
            "A callback scheduled for a time, with loop.call_later() or\n\
             loop.call_at(); cancel() withdraws it.",
        ),
        (
            &a.abstract_loop_class,
            "The interface of event loops: every method is abstract here.",
        ),
        (
            &a.base_loop_class,
            "The event loop's common part: scheduling callbacks and timers,\n\
             running tasks, and reporting errors.",
        ),
        (
            &a.selector_loop_class,
            "An event loop that waits for sockets and pipes with a selector.",
        ),
        (
            &a.loop_class,
            "The Unix event loop, as asyncio.new_event_loop() makes it (also\n\
             asyncio.SelectorEventLoop): it runs callbacks, timers, tasks, and\n\
             network and subprocess I/O.",
        ),
        (
            &a.cancelled_error,
            "Raised in a task (or by a future) that was cancelled.\n\n\
             It derives from BaseException so that `except Exception` does not\n\
             swallow it; code that catches it should usually re-raise it.",
        ),
        (
            &a.invalid_state_error,
            "Raised when a future or task is used in a state that does not allow\n\
             it, such as asking for the result of one that is not done.",
        ),
    ];
    for (class, doc) in classes {
        class.set_attr("__doc__", Value::str(doc));
    }
}

/// Names each public object after the submodule CPython defines it in
/// (`asyncio.tasks` for `sleep`, so that `help()` says so), as the module
/// table's rows for asyncio's submodules list them. An object that already
/// names another module than the package (a native class such as
/// `asyncio.Future`, from `_asyncio`) keeps it.
fn name_submodules(vm: &Vm, m: &Module) -> PyResult<()> {
    use crate::stdlib::{find, module_get, module_names, native_home, Make};
    let dunder_module = crate::objects::Name::new("__module__");
    for def in module_names().filter_map(find) {
        let Make::Reexport("asyncio", names) = def.make else {
            continue;
        };
        for name in names {
            match module_get(m, name) {
                Some(f @ Value::Builtin(_)) if native_home::home_of(&f).is_none() => {
                    native_home::set_home(&f, def.name)
                }
                Some(v @ (Value::Function(_) | Value::Class(_))) => {
                    let module = vm.get_attr(&v, &dunder_module)?;
                    if module.as_str() == Some("asyncio") {
                        vm.set_attr(&v, &dunder_module, Value::str(def.name))?;
                    }
                }
                _ => {}
            }
        }
    }
    Ok(())
}

/// Declares a method that CPython writes in Python, so that its receiver
/// counts in its messages: `py_method!(PUT, "Queue.put", "self, item", "Put ...")`.
macro_rules! py_method {
    ($sig:ident, $qualname:literal, $params:literal, $doc:expr) => {
        static $sig: crate::objects::Signature =
            crate::objects::Signature::new(crate::objects::Style::Python, $qualname, $params)
                .doc($doc);
    };
}
pub(crate) use py_method;

/// [`Signature::bind`](crate::objects::Signature::bind) with a shortcut for
/// the usual call of asyncio's hot natives (`queue.put(item)`, `sleep(0)`):
/// exactly the `R` required arguments, by position. That shortcut is right
/// only for a signature whose required parameters come first and are
/// positional, as all of asyncio's are; any other call is bound in full
/// (and its errors are the signature's).
#[inline(always)]
pub(crate) fn bind<'a, const R: usize, const O: usize>(
    vm: &Vm,
    sig: &crate::objects::Signature,
    args: crate::objects::Args<'a>,
) -> PyResult<([&'a Value; R], [Option<&'a Value>; O])> {
    if args.kwnames.is_empty() && args.pos.len() == R {
        return Ok((std::array::from_fn(|i| &args.pos[i]), [None; O]));
    }
    sig.bind(vm, args)
}

/// Puts natives with declared signatures in the module. Each is named
/// after its submodule by [`name_submodules`] unless `home` names its module
/// (`_asyncio` for the functions CPython writes in C).
pub(crate) fn add_functions(
    m: &Module,
    home: Option<&str>,
    rows: &[(&'static crate::objects::Signature, crate::objects::NativeFn)],
) {
    for row in rows {
        let f = crate::builtins::native_row(row);
        if let Some(home) = home {
            crate::stdlib::native_home::set_home(&f, home);
        }
        crate::stdlib::set(m, row.0.name(), f);
    }
}

/// `@asyncio.coroutine`, as CPython 3.10 had it: `types.coroutine`.
fn coroutine(vm: &Vm, args: crate::objects::Args) -> PyResult {
    args.check(vm, "coroutine", 1, 1)?;
    crate::stdlib::types::make_iterable_coroutine(vm, &args.pos[0])
}
