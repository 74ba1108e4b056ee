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
use crate::objects::{Args, Class, Native, PyResult, Value};
use crate::vm::Vm;
use std::rc::Rc;

fn this(vm: &Vm, args: &Args) -> PyResult<Native<EventLoop>> {
    match args.get(0) {
        Some(v) => this_loop(vm, v),
        None => Err(vm.type_error("expected an event loop")),
    }
}

/// The native loop class nearest to `cls` in its MRO.
fn native_class(a: &Aio, cls: &Rc<Class>) -> Rc<Class> {
    let natives = [&a.loop_class, &a.selector_loop_class, &a.base_loop_class];
    cls.full_mro()
        .into_iter()
        .find(|c| natives.iter().any(|n| Rc::ptr_eq(c, n)))
        .unwrap_or_else(|| a.loop_class.clone())
}

/// Checks `SelectorEventLoop(selector=None)`'s arguments.
fn check_loop_args(vm: &Vm, args: &Args) -> PyResult<()> {
    if args.len() > 1 {
        return Err(vm.type_error(format!(
            "__init__() takes from 1 to 2 positional arguments but {} were given",
            args.len() + 1
        )));
    }
    super::check_keywords(vm, args, "__init__", &["selector"])?;
    match args.arg_or_kw(0, "selector") {
        None | Some(Value::None) => Ok(()),
        Some(_) => Err(vm.not_implemented("an event loop with a selector of its own")),
    }
}

/// `BaseEventLoop.__new__(cls, ...)`: a native loop, or the payload of an
/// instance of a user subclass (held by its face while it runs).
fn lp_new(vm: &Vm, args: Args) -> PyResult {
    let a = aio(vm);
    let cls = face::new_target(vm, &args, &a.base_loop_class)?;
    check_loop_args(vm, &args.skip_first())?;
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
    this(vm, &args)?;
    check_loop_args(vm, &args.skip_first())?;
    Ok(Value::None)
}

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
    this(vm, &args)?.close(vm)?;
    Ok(Value::None)
}

fn lp_is_running(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::from_bool(this(vm, &args)?.running.get()))
}

fn lp_is_closed(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::from_bool(this(vm, &args)?.closed.get()))
}

fn lp_time(vm: &Vm, args: Args) -> PyResult {
    this(vm, &args)?;
    Ok(Value::float(now()))
}

fn lp_get_debug(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::from_bool(this(vm, &args)?.debug.get()))
}

fn lp_set_debug(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "set_debug", 2, 2)?;
    let lp = this(vm, &args)?;
    let on = vm.truthy(&args.pos[1])?;
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

/// The `context=` of the scheduling methods, checked.
fn check_context(vm: &Vm, args: &Args, fname: &str) -> PyResult<()> {
    super::check_keywords(vm, args, fname, &["context"])
}

/// What a handle for `callback(*cb_args)` runs: the call itself, or, in a
/// context (the `context=` given, else a copy of the current one if the
/// thread has one), the call run in that context.
fn handle_callback(vm: &Vm, args: &Args, callback: &Value, cb_args: &[Value]) -> HandleCb {
    let context = match super::task_api::context_kw(args) {
        Some(c) => Some(c),
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

fn lp_call_soon(vm: &Vm, args: Args) -> PyResult {
    args.check_pos(vm, "call_soon", 2, usize::MAX)?;
    check_context(vm, &args, "call_soon")?;
    let lp = this(vm, &args)?;
    lp.check_closed(vm)?;
    let cb = handle_callback(vm, &args, &args.pos[1], &args.pos[2..]);
    let h = Handle::new(&lp, cb, None);
    lp.call_soon_handle(h.clone());
    Ok(handle_value(h))
}

fn call_at(vm: &Vm, lp: &Native<EventLoop>, when: f64, args: &Args) -> PyResult {
    lp.check_closed(vm)?;
    let cb = handle_callback(vm, args, &args.pos[2], &args.pos[3..]);
    match lp.call_at_handle(when, cb) {
        Some(h) => Ok(handle_value(h)),
        None => Err(vm.runtime_error("Event loop is closed")),
    }
}

/// `loop.call_later(delay, callback, *args)`: `self.call_at(self.time() +
/// delay, ...)`, through the receiver's overrides of those.
fn lp_call_later(vm: &Vm, args: Args) -> PyResult {
    args.check_pos(vm, "call_later", 3, usize::MAX)?;
    check_context(vm, &args, "call_later")?;
    let lp = this(vm, &args)?;
    let delay = crate::builtins::number::to_f64(vm, &args.pos[1])?;
    let when = match lp.hook(vm, Hook::Time)? {
        Some(time) => {
            let t = vm.call(&time, &[])?;
            crate::builtins::number::to_f64(vm, &t)?
        }
        None => now(),
    } + delay;
    match lp.hook(vm, Hook::CallAt)? {
        Some(call_at) => {
            let mut pos = vec![Value::float(when)];
            pos.extend_from_slice(&args.pos[2..]);
            vm.call(&call_at, &pos)
        }
        None => call_at(vm, &lp, when, &args),
    }
}

fn lp_call_at(vm: &Vm, args: Args) -> PyResult {
    args.check_pos(vm, "call_at", 3, usize::MAX)?;
    check_context(vm, &args, "call_at")?;
    let lp = this(vm, &args)?;
    let when = crate::builtins::number::to_f64(vm, &args.pos[1])?;
    call_at(vm, &lp, when, &args)
}

fn lp_create_future(vm: &Vm, args: Args) -> PyResult {
    let lp = this(vm, &args)?;
    Ok(Fut::new(&lp, lp.aio.future_class.clone(), None).value())
}

/// `loop.create_task(coro, *, name=None, context=None)`.
fn lp_create_task(vm: &Vm, args: Args) -> PyResult {
    args.check_pos(vm, "create_task", 2, 2)?;
    super::check_keywords(vm, &args, "create_task", &["name", "context"])?;
    let lp = this(vm, &args)?;
    let name = args.kw("name").cloned().unwrap_or_default();
    let task = super::task_api::loop_create_task(vm, &lp, args.pos[1].clone(), name)?;
    if let Some(context) = super::task_api::context_kw(&args) {
        super::tasks::set_task_context(&task, context);
    }
    Ok(task)
}

/// `loop.set_task_factory(factory)`: `create_task` calls `factory(loop,
/// coro)` instead of making a `Task`.
fn lp_set_task_factory(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "set_task_factory", 2, 2)?;
    let lp = this(vm, &args)?;
    let factory = &args.pos[1];
    if !factory.is_none() && !crate::builtins::is_callable(vm, factory) {
        return Err(vm.type_error("task factory must be a callable or None"));
    }
    *lp.task_factory.borrow_mut() = factory.clone();
    Ok(Value::None)
}

fn lp_get_task_factory(vm: &Vm, args: Args) -> PyResult {
    let lp = this(vm, &args)?;
    let factory = lp.task_factory.borrow().clone();
    Ok(factory)
}

/// `loop.run_in_executor(executor, func, *args)`: the call runs on a thread
/// of `executor` (the loop's default `ThreadPoolExecutor` for None) and the
/// loop gets an asyncio future for it (`_run_in_executor` in asyncio.py).
fn lp_run_in_executor(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "run_in_executor", 3, usize::MAX)?;
    let lp = this(vm, &args)?;
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

fn lp_call_exception_handler(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "call_exception_handler", 2, 2)?;
    let lp = this(vm, &args)?;
    let items = context_items(vm, &args.pos[1])?;
    let context = items.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    lp.call_exception_handler(vm, context);
    Ok(Value::None)
}

fn lp_set_exception_handler(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "set_exception_handler", 2, 2)?;
    let lp = this(vm, &args)?;
    let handler = &args.pos[1];
    if !handler.is_none() && !crate::builtins::is_callable(vm, handler) {
        return Err(vm.type_error(format!(
            "A callable object or None is expected, got {}",
            vm.repr(handler)?
        )));
    }
    *lp.exception_handler.borrow_mut() = handler.clone();
    Ok(Value::None)
}

fn lp_get_exception_handler(vm: &Vm, args: Args) -> PyResult {
    let lp = this(vm, &args)?;
    let h = lp.exception_handler.borrow().clone();
    Ok(h)
}

fn lp_default_exception_handler(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "default_exception_handler", 2, 2)?;
    let items = context_items(vm, &args.pos[1])?;
    let context: Vec<(&str, Value)> = items.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    default_exception_handler(vm, &context);
    Ok(Value::None)
}

fn lp_repr(vm: &Vm, args: Args) -> PyResult {
    let lp = this(vm, &args)?;
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
fn add_loop_method(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "_add_loop_method", 2, 2)?;
    let name = args.pos[0]
        .as_str()
        .ok_or_else(|| vm.type_error("method name must be a str"))?;
    aio(vm).base_loop_class.set_attr(name, args.pos[1].clone());
    Ok(Value::None)
}

/// `_add_abstract_method(name, func)`: one of `AbstractEventLoop`'s methods,
/// all of which raise `NotImplementedError`.
fn add_abstract_method(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "_add_abstract_method", 2, 2)?;
    let name = args.pos[0]
        .as_str()
        .ok_or_else(|| vm.type_error("method name must be a str"))?;
    aio(vm)
        .abstract_loop_class
        .set_attr(name, args.pos[1].clone());
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

fn get_running_loop(vm: &Vm, _args: Args) -> PyResult {
    Ok(super::events::get_running_loop_rc(vm)?.value())
}

fn private_get_running_loop(vm: &Vm, _args: Args) -> PyResult {
    Ok(running_loop(vm).map(|l| l.value()).unwrap_or_default())
}

super::debug::recording_site!(lp_call_soon_sited => lp_call_soon);
super::debug::recording_site!(lp_call_later_sited => lp_call_later);
super::debug::recording_site!(lp_call_at_sited => lp_call_at);
super::debug::recording_site!(lp_create_future_sited => lp_create_future);
super::debug::recording_site!(lp_create_task_sited => lp_create_task);

pub fn install(a: &Aio, m: &crate::objects::Module) {
    use crate::vm::types::add_methods;
    add_methods(
        &a.base_loop_class,
        "BaseEventLoop",
        &[
            ("__new__", lp_new),
            ("__init__", lp_init),
            ("run_until_complete", lp_run_until_complete),
            ("run_forever", lp_run_forever),
            ("stop", lp_stop),
            ("close", lp_close),
            ("is_running", lp_is_running),
            ("is_closed", lp_is_closed),
            ("time", lp_time),
            ("get_debug", lp_get_debug),
            ("set_debug", lp_set_debug),
            ("call_soon", lp_call_soon_sited),
            ("call_soon_threadsafe", lp_call_soon_sited),
            ("call_later", lp_call_later_sited),
            ("call_at", lp_call_at_sited),
            ("create_future", lp_create_future_sited),
            ("create_task", lp_create_task_sited),
            ("set_task_factory", lp_set_task_factory),
            ("get_task_factory", lp_get_task_factory),
            ("run_in_executor", lp_run_in_executor),
            ("call_exception_handler", lp_call_exception_handler),
            ("set_exception_handler", lp_set_exception_handler),
            ("get_exception_handler", lp_get_exception_handler),
            ("default_exception_handler", lp_default_exception_handler),
            ("__repr__", lp_repr),
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
    for (name, f) in [
        (
            "_take_asyncgens",
            take_asyncgens as crate::objects::NativeFn,
        ),
        ("_add_loop_method", add_loop_method),
        ("_add_abstract_method", add_abstract_method),
        ("get_running_loop", get_running_loop),
        ("_get_running_loop", private_get_running_loop),
    ] {
        crate::stdlib::set(m, name, crate::builtins::native(name, f));
    }
}
