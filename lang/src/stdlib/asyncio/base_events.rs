//! The event loop classes as Python sees them: `AbstractEventLoop` ←
//! `BaseEventLoop` ← `BaseSelectorEventLoop` ← `_UnixSelectorEventLoop`
//! (`asyncio.SelectorEventLoop`), their methods, and the module functions
//! that find the running loop.
//!
//! The methods live on `BaseEventLoop` and work on the native [`EventLoop`]
//! of their receiver, which may be the payload of a user subclass (see
//! `face.rs`). A subclass that overrides one of the [`Hook`] methods is
//! called back by the machinery; the natives here are what `super()`
//! reaches, and they themselves go through the receiver's `time` and
//! `call_at` when `call_later` is inherited but those are overridden, as
//! CPython's `BaseEventLoop.call_later` does.

use super::events::{
    default_exception_handler, now, run_forever, run_until_complete, running_loop, this_loop,
    EventLoop, Hook,
};
use super::face;
use super::futures::Fut;
use super::handles::{ContextCall, Handle, HandleCb};
use super::{aio, Aio};
use crate::objects::{Args, Class, Native, PyResult, Signature, Style, Value};
use crate::vm::Vm;
use std::rc::Rc;

/// Declares a loop method written in Python in CPython (`self` counts in
/// its messages): `loop_method!(TIME, "time", "self", "Return ...")`.
macro_rules! loop_method {
    ($sig:ident, $name:literal, $params:literal, $doc:expr) => {
        static $sig: Signature =
            Signature::new(Style::Python, concat!("BaseEventLoop.", $name), $params).doc($doc);
    };
}

/// The native loop of a method's receiver, for the natives that bind
/// nothing else.
fn receiver_loop(vm: &Vm, sig: &Signature, args: Args) -> PyResult<Native<EventLoop>> {
    let ([this], []) = sig.bind(vm, args)?;
    this_loop(vm, this)
}

/// The native loop class nearest to `cls` in its MRO.
fn native_class(a: &Aio, cls: &Rc<Class>) -> Rc<Class> {
    let natives = [&a.loop_class, &a.selector_loop_class, &a.base_loop_class];
    cls.full_mro()
        .into_iter()
        .find(|c| natives.iter().any(|n| Rc::ptr_eq(c, n)))
        .unwrap_or_else(|| a.loop_class.clone())
}

/// `SelectorEventLoop(selector=None)`'s parameters, the receiver (the
/// class or the loop) first.
static LOOP_INIT: Signature = Signature::new(
    Style::Python,
    "_UnixSelectorEventLoop.__init__",
    "self, selector=None",
);

/// Checks `SelectorEventLoop(selector=None)`'s arguments.
fn check_loop_args(vm: &Vm, args: Args) -> PyResult<()> {
    match LOOP_INIT.bind(vm, args)? {
        ([_], [None | Some(Value::None)]) => Ok(()),
        _ => Err(vm.not_implemented("an event loop with a selector of its own")),
    }
}

/// `BaseEventLoop.__new__(cls, ...)`: a native loop, or the payload of an
/// instance of a user subclass (held by its face while it runs).
fn lp_new(vm: &Vm, args: Args) -> PyResult {
    let a = aio(vm);
    let cls = face::new_target(vm, &args, &a.base_loop_class)?;
    check_loop_args(vm, args)?;
    let native = native_class(&a, &cls);
    let lp = EventLoop::new(&a, native.clone());
    if Rc::ptr_eq(&cls, &native) {
        return Ok(Value::Native(lp.into()));
    }
    lp.hooks.set(Hook::overridden_by(&cls, &a.base_loop_class));
    let instance = face::subclass_instance(&cls, Value::Native(lp.clone().into()));
    lp.face.attach(&instance);
    Ok(Value::Instance(instance))
}

fn lp_init(vm: &Vm, args: Args) -> PyResult {
    this_loop(vm, args.get(0).unwrap_or(&Value::None))?;
    check_loop_args(vm, args)?;
    Ok(Value::None)
}

loop_method!(
    RUN_UNTIL_COMPLETE,
    "run_until_complete",
    "self, future",
    "Run the loop until `future` is done, and return its result.\n\n\
     A coroutine is first wrapped in a Task. Its exception, if it failed, is\n\
     raised here."
);

fn lp_run_until_complete(vm: &Vm, args: Args) -> PyResult {
    let ([this, future], []) = RUN_UNTIL_COMPLETE.bind(vm, args)?;
    let lp = this_loop(vm, this)?;
    run_until_complete(vm, &lp, future)
}

loop_method!(
    RUN_FOREVER,
    "run_forever",
    "self",
    "Run the loop until stop() is called."
);

fn lp_run_forever(vm: &Vm, args: Args) -> PyResult {
    let lp = receiver_loop(vm, &RUN_FOREVER, args)?;
    run_forever(vm, &lp)?;
    Ok(Value::None)
}

loop_method!(
    STOP,
    "stop",
    "self",
    "Make a running loop stop once the callbacks ready now have run."
);

fn lp_stop(vm: &Vm, args: Args) -> PyResult {
    receiver_loop(vm, &STOP, args)?.stop();
    Ok(Value::None)
}

loop_method!(
    CLOSE,
    "close",
    "self",
    "Close the loop: pending callbacks are dropped, and it can no longer run.\n\n\
     Closing a running loop is an error; closing a closed one does nothing."
);

fn lp_close(vm: &Vm, args: Args) -> PyResult {
    receiver_loop(vm, &CLOSE, args)?.close(vm)?;
    Ok(Value::None)
}

loop_method!(
    IS_RUNNING,
    "is_running",
    "self",
    "Return True while the loop runs."
);

fn lp_is_running(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::from_bool(
        receiver_loop(vm, &IS_RUNNING, args)?.running.get(),
    ))
}

loop_method!(
    IS_CLOSED,
    "is_closed",
    "self",
    "Return True once the loop has been closed."
);

fn lp_is_closed(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::from_bool(
        receiver_loop(vm, &IS_CLOSED, args)?.closed.get(),
    ))
}

loop_method!(
    TIME,
    "time",
    "self",
    "Return the loop's clock, in seconds: the time call_at() deadlines use.\n\n\
     It is monotonic (it never goes back) and starts at no particular value;\n\
     under `towel --virtual-time` it is the virtual clock."
);

fn lp_time(vm: &Vm, args: Args) -> PyResult {
    receiver_loop(vm, &TIME, args)?;
    Ok(Value::float(now()))
}

loop_method!(
    GET_DEBUG,
    "get_debug",
    "self",
    "Return True if the loop runs in debug mode."
);

fn lp_get_debug(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::from_bool(
        receiver_loop(vm, &GET_DEBUG, args)?.debug.get(),
    ))
}

loop_method!(
    SET_DEBUG,
    "set_debug",
    "self, enabled",
    "Turn debug mode on or off.\n\n\
     In debug mode tasks and handles remember where they were created, and\n\
     slow callbacks are reported."
);

fn lp_set_debug(vm: &Vm, args: Args) -> PyResult {
    let ([this, enabled], []) = SET_DEBUG.bind(vm, args)?;
    let lp = this_loop(vm, this)?;
    let on = vm.truthy(enabled)?;
    if on {
        super::debug::note_debug_loop();
    }
    lp.debug.set(on);
    if lp.running.get() {
        // As CPython's, the origin tracking follows on the next iteration.
        let target = lp.clone();
        let follow: Rc<dyn Fn(&Vm)> =
            Rc::new(move |vm| super::debug::track_origins(vm, &target, on));
        lp.call_soon_handle(Handle::new(&lp, HandleCb::Native(follow), None));
    }
    Ok(Value::None)
}

fn handle_value(h: Native<Handle>) -> Value {
    Value::Native(h.into())
}

/// What a handle for `callback(*cb_args)` runs: the call itself, or, in a
/// context (the `context=` given, else a copy of the current one if the
/// thread has one), the call run in that context.
fn handle_callback(
    vm: &Vm,
    context: Option<&Value>,
    callback: &Value,
    cb_args: &[Value],
) -> HandleCb {
    let context = match context.filter(|c| !c.is_none()) {
        Some(c) => Some(c.clone()),
        None => crate::stdlib::contextvars::context_for_task()
            .map(|_| crate::stdlib::contextvars::copy_current(vm)),
    };
    match context {
        None => HandleCb::Py(callback.clone(), cb_args.to_vec()),
        Some(context) => HandleCb::InContext(Box::new(ContextCall {
            context,
            callback: callback.clone(),
            args: cb_args.to_vec(),
        })),
    }
}

loop_method!(
    CALL_SOON,
    "call_soon",
    "self, callback, *args, context=None",
    "Arrange for `callback(*args)` to be called on the loop's next iteration.\n\n\
     Callbacks run in the order they were scheduled, in `context` (a copy of\n\
     the current contextvars.Context by default). Returns a Handle whose\n\
     cancel() withdraws the call."
);

loop_method!(
    CALL_SOON_THREADSAFE,
    "call_soon_threadsafe",
    "self, callback, *args, context=None",
    "call_soon() for other threads: schedule `callback(*args)` on this loop\n\
     and wake it up if it is waiting."
);

fn lp_call_soon(vm: &Vm, args: Args) -> PyResult {
    call_soon_as(vm, &CALL_SOON, args)
}

fn lp_call_soon_threadsafe(vm: &Vm, args: Args) -> PyResult {
    call_soon_as(vm, &CALL_SOON_THREADSAFE, args)
}

fn call_soon_as(vm: &Vm, sig: &Signature, args: Args) -> PyResult {
    let b = sig.bind_all::<2, 1>(vm, args)?;
    let ([this, callback], [context]) = (b.required, b.optional);
    let lp = this_loop(vm, this)?;
    lp.check_closed(vm)?;
    let cb = handle_callback(vm, context, callback, b.varargs);
    let h = Handle::new(&lp, cb, None);
    lp.call_soon_handle(h.clone());
    Ok(handle_value(h))
}

/// What the timer methods schedule: `callback(*args)` in `context`.
struct Scheduled<'a> {
    callback: &'a Value,
    args: &'a [Value],
    context: Option<&'a Value>,
}

fn call_at(vm: &Vm, lp: &Native<EventLoop>, when: f64, s: &Scheduled) -> PyResult {
    lp.check_closed(vm)?;
    let cb = handle_callback(vm, s.context, s.callback, s.args);
    match lp.call_at_handle(when, cb) {
        Some(h) => Ok(handle_value(h)),
        None => Err(vm.runtime_error("Event loop is closed")),
    }
}

loop_method!(
    CALL_LATER,
    "call_later",
    "self, delay, callback, *args, context=None",
    "Arrange for `callback(*args)` to be called in `delay` seconds.\n\n\
     Returns a TimerHandle whose cancel() withdraws the call. Calls due at\n\
     the same time run in the order they were scheduled."
);

/// `loop.call_later(delay, callback, *args)`: `self.call_at(self.time() +
/// delay, ...)`, through the receiver's overrides of those.
fn lp_call_later(vm: &Vm, args: Args) -> PyResult {
    let b = CALL_LATER.bind_all::<3, 1>(vm, args)?;
    let ([this, delay, callback], [context]) = (b.required, b.optional);
    let lp = this_loop(vm, this)?;
    let delay = crate::builtins::number::to_f64(vm, delay)?;
    let when = match lp.hook(vm, Hook::Time)? {
        Some(time) => {
            let t = vm.call(&time, &[])?;
            crate::builtins::number::to_f64(vm, &t)?
        }
        None => now(),
    } + delay;
    match lp.hook(vm, Hook::CallAt)? {
        Some(call_at) => {
            let mut pos = vec![Value::float(when), callback.clone()];
            pos.extend_from_slice(b.varargs);
            vm.call(&call_at, &pos)
        }
        None => {
            let s = Scheduled {
                callback,
                args: b.varargs,
                context,
            };
            call_at(vm, &lp, when, &s)
        }
    }
}

loop_method!(
    CALL_AT,
    "call_at",
    "self, when, callback, *args, context=None",
    "Arrange for `callback(*args)` to be called when the loop's time() reaches `when`.\n\n\
     Returns a TimerHandle whose cancel() withdraws the call."
);

fn lp_call_at(vm: &Vm, args: Args) -> PyResult {
    let b = CALL_AT.bind_all::<3, 1>(vm, args)?;
    let ([this, when, callback], [context]) = (b.required, b.optional);
    let lp = this_loop(vm, this)?;
    let when = crate::builtins::number::to_f64(vm, when)?;
    let s = Scheduled {
        callback,
        args: b.varargs,
        context,
    };
    call_at(vm, &lp, when, &s)
}

loop_method!(
    CREATE_FUTURE,
    "create_future",
    "self",
    "Return a new pending Future attached to this loop."
);

fn lp_create_future(vm: &Vm, args: Args) -> PyResult {
    let lp = receiver_loop(vm, &CREATE_FUTURE, args)?;
    Ok(Fut::new(&lp, lp.aio.future_class.clone(), None).value())
}

loop_method!(
    CREATE_TASK,
    "create_task",
    "self, coro, *, name=None, context=None",
    "Wrap coroutine `coro` in a Task scheduled on this loop, and return it.\n\n\
     With a task factory set, the factory makes the task instead."
);

/// `loop.create_task(coro, *, name=None, context=None)`.
fn lp_create_task(vm: &Vm, args: Args) -> PyResult {
    let ([this, coro], [name, context]) = CREATE_TASK.bind(vm, args)?;
    let lp = this_loop(vm, this)?;
    let name = name.cloned().unwrap_or_default();
    let task = super::task_api::loop_create_task(vm, &lp, coro.clone(), name)?;
    if let Some(context) = context.filter(|c| !c.is_none()) {
        super::tasks::set_task_context(&task, context.clone());
    }
    Ok(task)
}

loop_method!(
    SET_TASK_FACTORY,
    "set_task_factory",
    "self, factory",
    "Make create_task() call `factory(loop, coro)` to make tasks (None:\n\
     plain Task objects again)."
);

/// `loop.set_task_factory(factory)`: `create_task` calls `factory(loop,
/// coro)` instead of making a `Task`.
fn lp_set_task_factory(vm: &Vm, args: Args) -> PyResult {
    let ([this, factory], []) = SET_TASK_FACTORY.bind(vm, args)?;
    let lp = this_loop(vm, this)?;
    if !factory.is_none() && !crate::builtins::is_callable(vm, factory) {
        return Err(vm.type_error("task factory must be a callable or None"));
    }
    *lp.task_factory.borrow_mut() = factory.clone();
    Ok(Value::None)
}

loop_method!(
    GET_TASK_FACTORY,
    "get_task_factory",
    "self",
    "Return the task factory set with set_task_factory(), or None."
);

fn lp_get_task_factory(vm: &Vm, args: Args) -> PyResult {
    let lp = receiver_loop(vm, &GET_TASK_FACTORY, args)?;
    let factory = lp.task_factory.borrow().clone();
    Ok(factory)
}

loop_method!(
    RUN_IN_EXECUTOR,
    "run_in_executor",
    "self, executor, func, *args",
    "Run `func(*args)` in `executor` (the loop's default thread pool for\n\
     None), and return an asyncio future for its result."
);

/// `loop.run_in_executor(executor, func, *args)`: the call runs on a thread
/// of `executor` (the loop's default `ThreadPoolExecutor` for None) and the
/// loop gets an asyncio future for it (`_run_in_executor` in asyncio.py).
fn lp_run_in_executor(vm: &Vm, args: Args) -> PyResult {
    let bound = RUN_IN_EXECUTOR.bind_all::<3, 0>(vm, args)?;
    let lp = this_loop(vm, bound.required[0])?;
    lp.check_closed(vm)?;
    let run = super::glue(vm, "_run_in_executor")?;
    vm.call(&run, args.pos)
}

/// The `(key, value)` pairs of an exception-handler context dict.
fn context_items(vm: &Vm, context: &Value) -> PyResult<Vec<(String, Value)>> {
    let Value::Dict(d) = context else {
        return Err(vm.type_error("context must be a dict"));
    };
    Ok(d.items()
        .into_iter()
        .map(|(k, v)| (k.as_str().unwrap_or("").to_string(), v))
        .collect())
}

loop_method!(
    CALL_EXCEPTION_HANDLER,
    "call_exception_handler",
    "self, context",
    "Report an error: call the loop's exception handler (or the default\n\
     one) with `context`, a dict with 'message' and, often, 'exception'."
);

fn lp_call_exception_handler(vm: &Vm, args: Args) -> PyResult {
    let ([this, context], []) = CALL_EXCEPTION_HANDLER.bind(vm, args)?;
    let lp = this_loop(vm, this)?;
    let items = context_items(vm, context)?;
    let context = items.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    lp.call_exception_handler(vm, context);
    Ok(Value::None)
}

loop_method!(
    SET_EXCEPTION_HANDLER,
    "set_exception_handler",
    "self, handler",
    "Make errors the loop reports go to `handler(loop, context)` (None: the\n\
     default handler, which logs them)."
);

fn lp_set_exception_handler(vm: &Vm, args: Args) -> PyResult {
    let ([this, handler], []) = SET_EXCEPTION_HANDLER.bind(vm, args)?;
    let lp = this_loop(vm, this)?;
    if !handler.is_none() && !crate::builtins::is_callable(vm, handler) {
        return Err(vm.type_error(format!(
            "A callable object or None is expected, got {}",
            vm.repr(handler)?
        )));
    }
    *lp.exception_handler.borrow_mut() = handler.clone();
    Ok(Value::None)
}

loop_method!(
    GET_EXCEPTION_HANDLER,
    "get_exception_handler",
    "self",
    "Return the handler set with set_exception_handler(), or None."
);

fn lp_get_exception_handler(vm: &Vm, args: Args) -> PyResult {
    let lp = receiver_loop(vm, &GET_EXCEPTION_HANDLER, args)?;
    let h = lp.exception_handler.borrow().clone();
    Ok(h)
}

loop_method!(
    DEFAULT_EXCEPTION_HANDLER,
    "default_exception_handler",
    "self, context",
    "Log an error the loop reports: the message, the context's other items\n\
     and the exception's traceback, on stderr."
);

fn lp_default_exception_handler(vm: &Vm, args: Args) -> PyResult {
    let ([_, context], []) = DEFAULT_EXCEPTION_HANDLER.bind(vm, args)?;
    let items = context_items(vm, context)?;
    let context: Vec<(&str, Value)> = items.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    default_exception_handler(vm, &context);
    Ok(Value::None)
}

loop_method!(REPR, "__repr__", "self", "Return repr(self).");

fn lp_repr(vm: &Vm, args: Args) -> PyResult {
    let lp = receiver_loop(vm, &REPR, args)?;
    Ok(Value::string(format!(
        "<{} running={} closed={} debug={}>",
        vm.type_name(&args.pos[0]),
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

/// `_add_loop_method(name, func)`: a loop method written in towel source.
static ADD_LOOP_METHOD: Signature =
    Signature::new(Style::Positional, "_add_loop_method", "name, func, /")
        .doc("Make `func` the loop classes' method `name`.");

fn add_loop_method(vm: &Vm, args: Args) -> PyResult {
    let ([name, func], []) = ADD_LOOP_METHOD.bind(vm, args)?;
    let name = name
        .as_str()
        .ok_or_else(|| vm.type_error("method name must be a str"))?;
    aio(vm).base_loop_class.set_attr(name, func.clone());
    Ok(Value::None)
}

/// `_add_abstract_method(name, func)`: one of `AbstractEventLoop`'s methods,
/// all of which raise `NotImplementedError`.
static ADD_ABSTRACT_METHOD: Signature =
    Signature::new(Style::Positional, "_add_abstract_method", "name, func, /")
        .doc("Make `func` AbstractEventLoop's method `name`.");

fn add_abstract_method(vm: &Vm, args: Args) -> PyResult {
    let ([name, func], []) = ADD_ABSTRACT_METHOD.bind(vm, args)?;
    let name = name
        .as_str()
        .ok_or_else(|| vm.type_error("method name must be a str"))?;
    aio(vm).abstract_loop_class.set_attr(name, func.clone());
    Ok(Value::None)
}

static TAKE_ASYNCGENS: Signature = Signature::new(Style::Positional, "_take_asyncgens", "loop, /")
    .doc("Return the loop's live async generators and forget them (for shutdown_asyncgens).");

/// `_take_asyncgens(loop)`: the loop's live async generators, for `shutdown_asyncgens`.
fn take_asyncgens(vm: &Vm, args: Args) -> PyResult {
    let ([lp], []) = TAKE_ASYNCGENS.bind(vm, args)?;
    let lp = this_loop(vm, lp)?;
    let gens = std::mem::take(&mut *lp.asyncgens.borrow_mut());
    let live: Vec<Value> = gens
        .iter()
        .filter_map(|w| w.upgrade())
        .filter(|g| g.state.get() != crate::objects::GenState::Closed)
        .map(Value::Generator)
        .collect();
    Ok(Value::list(live))
}

static GET_RUNNING_LOOP: Signature = Signature::new(Style::Exact, "_asyncio.get_running_loop", "")
    .doc(
        "Return the event loop running in this thread.\n\n\
         Call it from a coroutine or a callback: with no loop running it raises\n\
         RuntimeError.",
    );

fn get_running_loop(vm: &Vm, args: Args) -> PyResult {
    GET_RUNNING_LOOP.check(vm, args)?;
    Ok(super::events::get_running_loop_rc(vm)?.value())
}

static GET_EVENT_LOOP: Signature = Signature::new(Style::Exact, "_asyncio.get_event_loop", "").doc(
    "Return the running event loop, or else the event loop policy's loop for\n\
         this thread.\n\n\
         Inside coroutines and callbacks, prefer get_running_loop().",
);

fn get_event_loop(vm: &Vm, args: Args) -> PyResult {
    GET_EVENT_LOOP.check(vm, args)?;
    if let Some(lp) = running_loop(vm) {
        return Ok(lp.value());
    }
    let policy = vm.call(&super::glue(vm, "get_event_loop_policy")?, &[])?;
    vm.call_method(&policy, "get_event_loop", &[])
}

static PRIVATE_GET_RUNNING_LOOP: Signature =
    Signature::new(Style::Exact, "_asyncio._get_running_loop", "")
        .doc("Return the event loop running in this thread, or None.");

fn private_get_running_loop(vm: &Vm, args: Args) -> PyResult {
    PRIVATE_GET_RUNNING_LOOP.check(vm, args)?;
    Ok(running_loop(vm).map(|l| l.value()).unwrap_or_default())
}

super::debug::recording_site!(lp_call_soon_sited => lp_call_soon);
super::debug::recording_site!(lp_call_soon_threadsafe_sited => lp_call_soon_threadsafe);
super::debug::recording_site!(lp_call_later_sited => lp_call_later);
super::debug::recording_site!(lp_call_at_sited => lp_call_at);
super::debug::recording_site!(lp_create_future_sited => lp_create_future);
super::debug::recording_site!(lp_create_task_sited => lp_create_task);

pub fn install(a: &Aio, m: &crate::objects::Module) {
    use crate::vm::types::{add_declared_methods, add_methods};
    add_methods(
        &a.base_loop_class,
        "BaseEventLoop",
        &[("__new__", lp_new), ("__init__", lp_init)],
    );
    add_declared_methods(
        &a.base_loop_class,
        "BaseEventLoop",
        &[
            (&RUN_UNTIL_COMPLETE, lp_run_until_complete),
            (&RUN_FOREVER, lp_run_forever),
            (&STOP, lp_stop),
            (&CLOSE, lp_close),
            (&IS_RUNNING, lp_is_running),
            (&IS_CLOSED, lp_is_closed),
            (&TIME, lp_time),
            (&GET_DEBUG, lp_get_debug),
            (&SET_DEBUG, lp_set_debug),
            (&CALL_SOON, lp_call_soon_sited),
            (&CALL_SOON_THREADSAFE, lp_call_soon_threadsafe_sited),
            (&CALL_LATER, lp_call_later_sited),
            (&CALL_AT, lp_call_at_sited),
            (&CREATE_FUTURE, lp_create_future_sited),
            (&CREATE_TASK, lp_create_task_sited),
            (&SET_TASK_FACTORY, lp_set_task_factory),
            (&GET_TASK_FACTORY, lp_get_task_factory),
            (&RUN_IN_EXECUTOR, lp_run_in_executor),
            (&CALL_EXCEPTION_HANDLER, lp_call_exception_handler),
            (&SET_EXCEPTION_HANDLER, lp_set_exception_handler),
            (&GET_EXCEPTION_HANDLER, lp_get_exception_handler),
            (&DEFAULT_EXCEPTION_HANDLER, lp_default_exception_handler),
            (&REPR, lp_repr),
        ],
    );
    super::debug::record_call_sites(
        &a.base_loop_class,
        &[
            "call_soon",
            "call_soon_threadsafe",
            "call_later",
            "call_at",
            "create_future",
            "create_task",
        ],
    );
    super::add_functions(
        m,
        None,
        &[
            (&TAKE_ASYNCGENS, take_asyncgens),
            (&ADD_LOOP_METHOD, add_loop_method),
            (&ADD_ABSTRACT_METHOD, add_abstract_method),
        ],
    );
    super::add_functions(
        m,
        Some("_asyncio"),
        &[
            (&GET_RUNNING_LOOP, get_running_loop),
            (&GET_EVENT_LOOP, get_event_loop),
            (&PRIVATE_GET_RUNNING_LOOP, private_get_running_loop),
        ],
    );
}
