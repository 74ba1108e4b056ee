//! The Python face of tasks: `asyncio.Task`'s methods, and the module's
//! `create_task`, `ensure_future`, `current_task`, `all_tasks`,
//! `iscoroutine` and `isfuture`.
//!
//! Creating a task goes the way CPython's does, so that overrides and task
//! factories see it: `asyncio.create_task` and `ensure_future` call the
//! loop's `create_task` (a subclass's override, when there is one), which
//! calls the task factory if one is set and `Task(coro, loop=...)`
//! otherwise. With none of those the whole path is native.

use super::events::{get_event_loop_rc, get_running_loop_rc, this_loop, EventLoop};
use super::face;
use super::futures::{cancel_msg, this, wrap_new, Fut};
use super::tasks::{is_coroutine, new_task, part, spawn_task, start_task, task_cancel, TaskPart};
use super::{aio, Aio};
use crate::objects::{Args, Name, Native, PyResult, Value};
use crate::vm::Vm;
use std::rc::Rc;

fn task_this(vm: &Vm, args: &Args) -> PyResult<Native<Fut>> {
    let t = this(vm, args.get(0))?;
    if t.task.is_none() {
        return Err(vm.type_error("descriptor requires an asyncio.Task object"));
    }
    Ok(t)
}

/// The task part of a value `task_this` accepted.
fn tp<'a>(vm: &Vm, t: &'a Fut) -> PyResult<&'a TaskPart> {
    part(t).ok_or_else(|| vm.type_error("descriptor requires an asyncio.Task object"))
}

/// What `Task(coro, *, loop=None, name=None, context=None)` was given.
struct TaskArgs {
    coro: Value,
    lp: Native<EventLoop>,
    name: Value,
}

fn task_args(vm: &Vm, args: &Args) -> PyResult<TaskArgs> {
    if args.pos.len() > 1 {
        return Err(vm.type_error(format!(
            "Task() takes exactly 1 positional argument ({} given)",
            args.pos.len()
        )));
    }
    super::check_keywords(vm, args, "Task", &["coro", "loop", "name", "context"])?;
    if !matches!(args.kw("context"), None | Some(Value::None)) {
        return Err(vm.not_implemented("contextvars (the context= argument)"));
    }
    let coro = args
        .arg_or_kw(0, "coro")
        .cloned()
        .ok_or_else(|| vm.type_error("Task() missing required argument 'coro' (pos 1)"))?;
    let lp = match args.kw("loop") {
        Some(v) if !v.is_none() => this_loop(vm, v)?,
        _ => get_event_loop_rc(vm)?,
    };
    if !is_coroutine(&coro) {
        return Err(vm.type_error(format!("a coroutine was expected, got {}", vm.repr(&coro)?)));
    }
    let name = args.kw("name").cloned().unwrap_or_default();
    Ok(TaskArgs { coro, lp, name })
}

/// `Task.__new__(cls, coro, *, loop=None, name=None, context=None)`. A
/// native task is made and started here. An instance of a subclass is made
/// here and started by `Task.__init__`, as in CPython, so that a subclass's
/// `__init__` may take other arguments and pass the task's on with
/// `super().__init__(...)`.
fn task_new(vm: &Vm, args: Args) -> PyResult {
    let a = aio(vm);
    let cls = face::new_target(vm, &args, &a.task_class)?;
    let args = args.skip_first();
    if Rc::ptr_eq(&cls, &a.task_class) {
        let t = task_args(vm, &args)?;
        t.lp.check_closed(vm)?;
        return Ok(spawn_task(vm, &t.lp, t.coro, t.name).value());
    }
    let lp = match args.kw("loop").and_then(face::receiver::<EventLoop>) {
        Some(lp) => lp
            .rc()
            .ok_or_else(|| vm.runtime_error("Event loop is closed"))?,
        None => get_event_loop_rc(vm)?,
    };
    Ok(wrap_new(&cls, &a.task_class, new_task(&lp, None)))
}

/// `Task.__init__`: starts a subclass's task with the arguments it passes
/// on. On a task that is already running, it only renames it.
fn task_init(vm: &Vm, args: Args) -> PyResult {
    let task = task_this(vm, &args)?;
    let p = tp(vm, &task)?;
    let t = task_args(vm, &args.skip_first())?;
    if !Rc::ptr_eq(&t.lp, &task.lp) {
        return Err(vm.not_implemented(
            "a Task subclass whose __init__ passes another loop than its constructor was given",
        ));
    }
    if p.launched.get() {
        if !p.coro.get().is_some_and(|c| c.is(&t.coro)) {
            return Err(vm.runtime_error("Task.__init__() called on a started task"));
        }
        if !t.name.is_none() {
            *p.name.borrow_mut() = Value::string(vm.to_str(&t.name)?);
        }
        return Ok(Value::None);
    }
    t.lp.check_closed(vm)?;
    if p.coro.set(t.coro).is_err() {
        return Err(vm.runtime_error("Task.__init__() called twice"));
    }
    start_task(vm, &task, t.name);
    Ok(Value::None)
}

/// `loop.create_task(coro, name=name)` without overrides: the task factory,
/// or a native `Task`.
pub fn loop_create_task(
    vm: &Vm,
    lp: &Native<EventLoop>,
    coro: Value,
    name: Value,
) -> PyResult<Value> {
    lp.check_closed(vm)?;
    let factory = lp.task_factory.borrow().clone();
    if factory.is_none() {
        if !is_coroutine(&coro) {
            return Err(vm.type_error(format!("a coroutine was expected, got {}", vm.repr(&coro)?)));
        }
        return Ok(spawn_task(vm, lp, coro, name).value());
    }
    let task = vm.call(&factory, &[lp.value(), coro])?;
    set_task_name(vm, &task, name)?;
    Ok(task)
}

/// `tasks._set_task_name`: renames through the task's own `set_name`.
fn set_task_name(vm: &Vm, task: &Value, name: Value) -> PyResult<()> {
    if !name.is_none() {
        vm.call_method(task, "set_name", &[name])?;
    }
    Ok(())
}

fn task_cancel_m(vm: &Vm, args: Args) -> PyResult {
    let t = task_this(vm, &args)?;
    Ok(Value::from_bool(task_cancel(vm, &t, cancel_msg(&args))?))
}

fn task_get_name(vm: &Vm, args: Args) -> PyResult {
    let t = task_this(vm, &args)?;
    let n = tp(vm, &t)?.name();
    Ok(n)
}

fn task_set_name(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "set_name", 2, 2)?;
    let t = task_this(vm, &args)?;
    let s = vm.to_str(&args.pos[1])?;
    *tp(vm, &t)?.name.borrow_mut() = Value::string(s);
    Ok(Value::None)
}

fn task_get_coro(vm: &Vm, args: Args) -> PyResult {
    let t = task_this(vm, &args)?;
    let coro = tp(vm, &t)?.coro.get().cloned();
    Ok(coro.unwrap_or_default())
}

fn task_cancelling(vm: &Vm, args: Args) -> PyResult {
    let t = task_this(vm, &args)?;
    Ok(Value::Int(tp(vm, &t)?.num_cancels_requested.get() as i64))
}

fn task_uncancel(vm: &Vm, args: Args) -> PyResult {
    let t = task_this(vm, &args)?;
    let p = tp(vm, &t)?;
    let n = p.num_cancels_requested.get().saturating_sub(1);
    p.num_cancels_requested.set(n);
    Ok(Value::Int(n as i64))
}

fn task_get_stack(vm: &Vm, args: Args) -> PyResult {
    let _ = task_this(vm, &args)?;
    Ok(Value::list(vec![]))
}

/// The `loop` argument of `current_task`/`all_tasks`, or the running loop.
fn loop_arg(vm: &Vm, args: &Args) -> PyResult<Native<EventLoop>> {
    match args.arg_or_kw(0, "loop") {
        Some(v) if !v.is_none() => this_loop(vm, v),
        _ => get_running_loop_rc(vm),
    }
}

fn current_task(vm: &Vm, args: Args) -> PyResult {
    let lp = loop_arg(vm, &args)?;
    let t = lp.current_task.borrow().clone();
    Ok(t.map(|t| t.value()).unwrap_or_default())
}

/// The loop's tasks that are not done, in creation order.
fn pending_tasks(lp: &EventLoop) -> Vec<Value> {
    lp.tasks
        .borrow()
        .iter()
        .filter_map(|t| t.upgrade())
        .filter(|t| !t.done())
        .map(|t| t.value())
        .collect()
}

fn all_tasks(vm: &Vm, args: Args) -> PyResult {
    let lp = loop_arg(vm, &args)?;
    let items = pending_tasks(&lp);
    vm.call(&Value::Class(vm.types.set.clone()), &[Value::list(items)])
}

/// `_all_tasks_ordered(loop)`: like `all_tasks`, as a list in creation order (for `asyncio.run`'s shutdown).
fn all_tasks_ordered(vm: &Vm, args: Args) -> PyResult {
    let lp = loop_arg(vm, &args)?;
    Ok(Value::list(pending_tasks(&lp)))
}

super::debug::recording_site!(create_task_sited => create_task_fn);
super::debug::recording_site!(ensure_future_sited => ensure_future_fn);

/// `asyncio.create_task(coro, *, name=None, context=None)`: the running
/// loop's `create_task(coro)`, then the name.
fn create_task_fn(vm: &Vm, args: Args) -> PyResult {
    args.check_pos(vm, "create_task", 1, 1)?;
    super::check_keywords(vm, &args, "create_task", &["name", "context"])?;
    if !matches!(args.kw("context"), None | Some(Value::None)) {
        return Err(vm.not_implemented("contextvars (the context= argument)"));
    }
    let lp = get_running_loop_rc(vm)?;
    let name = args.kw("name").cloned().unwrap_or_default();
    if lp.hooks.get() == 0 && lp.task_factory.borrow().is_none() {
        // The common case, without a detour: a native task with its name.
        if !is_coroutine(&args.pos[0]) {
            return Err(vm.type_error(format!(
                "a coroutine was expected, got {}",
                vm.repr(&args.pos[0])?
            )));
        }
        lp.check_closed(vm)?;
        let task = spawn_task(vm, &lp, args.pos[0].clone(), Value::None);
        if let (Some(p), false) = (part(&task), name.is_none()) {
            *p.name.borrow_mut() = Value::string(vm.to_str(&name)?);
        }
        return Ok(task.value());
    }
    let task = lp.create_task_value(vm, args.pos[0].clone())?;
    set_task_name(vm, &task, name)?;
    Ok(task)
}

/// CPython's `isfuture`: an asyncio future, or any object whose class has
/// `_asyncio_future_blocking` set to something other than None.
pub fn isfuture(vm: &Vm, v: &Value) -> PyResult<bool> {
    if face::receiver::<Fut>(v).is_some() {
        return Ok(true);
    }
    let Value::Instance(i) = v else {
        return Ok(false);
    };
    if i.class
        .lookup(&Name::new("_asyncio_future_blocking"))
        .is_none()
    {
        return Ok(false);
    }
    Ok(!vm
        .get_attr(v, &Name::new("_asyncio_future_blocking"))?
        .is_none())
}

/// `asyncio.ensure_future(obj, *, loop=None)`: a future as is (it must
/// belong to `loop`), a coroutine as a new task, another awaitable wrapped
/// in a task.
pub fn ensure_future(vm: &Vm, obj: &Value, lp: Option<&Native<EventLoop>>) -> PyResult<Value> {
    if isfuture(vm, obj)? {
        if let Some(lp) = lp {
            let its_loop = match face::receiver::<Fut>(obj) {
                Some(f) => f.lp.value(),
                None => vm.call_method(obj, "get_loop", &[])?,
            };
            if !its_loop.is(&lp.value()) {
                return Err(vm.value_error(
                    "The future belongs to a different loop than the one specified as the loop argument",
                ));
            }
        }
        return Ok(obj.clone());
    }
    let coro = if is_coroutine(obj) || is_coroutine_object(vm, obj)? {
        obj.clone()
    } else if vm.class_of(obj).lookup(&Name::new("__await__")).is_some() {
        vm.get_awaitable(obj, 0)?
    } else {
        return Err(vm.type_error("An asyncio.Future, a coroutine or an awaitable is required"));
    };
    let lp = match lp {
        Some(l) => l.clone(),
        None => get_event_loop_rc(vm)?,
    };
    if is_coroutine(&coro) {
        return lp.create_task_value(vm, coro);
    }
    // An awaitable's iterator (or a coroutine of a class of Python's own)
    // runs as the task's coroutine, as CPython's `_wrap_awaitable` does.
    lp.check_closed(vm)?;
    Ok(spawn_task(vm, &lp, coro, Value::None).value())
}

/// `collections.abc.Coroutine`'s test for objects of Python classes.
fn is_coroutine_object(vm: &Vm, v: &Value) -> PyResult<bool> {
    if !matches!(v, Value::Instance(_)) {
        return Ok(false);
    }
    let check = super::glue(vm, "_is_coroutine_object")?;
    let r = vm.call(&check, std::slice::from_ref(v))?;
    vm.truthy(&r)
}

fn ensure_future_fn(vm: &Vm, args: Args) -> PyResult {
    args.check_pos(vm, "ensure_future", 1, 1)?;
    super::check_keywords(vm, &args, "ensure_future", &["loop"])?;
    let lp = match args.kw("loop") {
        Some(v) if !v.is_none() => Some(this_loop(vm, v)?),
        _ => None,
    };
    ensure_future(vm, &args.pos[0], lp.as_ref())
}

fn iscoroutine_fn(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "iscoroutine", 1, 1)?;
    let v = &args.pos[0];
    Ok(Value::from_bool(
        is_coroutine(v) || is_coroutine_object(vm, v)?,
    ))
}

fn isfuture_fn(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "isfuture", 1, 1)?;
    Ok(Value::from_bool(isfuture(vm, &args.pos[0])?))
}

pub fn install(a: &Aio, m: &crate::objects::Module) {
    crate::vm::types::add_methods(
        &a.task_class,
        "Task",
        &[
            ("__new__", task_new),
            ("__init__", task_init),
            ("cancel", task_cancel_m),
            ("get_name", task_get_name),
            ("set_name", task_set_name),
            ("get_coro", task_get_coro),
            ("cancelling", task_cancelling),
            ("uncancel", task_uncancel),
            ("get_stack", task_get_stack),
        ],
    );
    for (name, f) in [
        ("current_task", current_task as crate::objects::NativeFn),
        ("all_tasks", all_tasks),
        ("_all_tasks_ordered", all_tasks_ordered),
        ("iscoroutine", iscoroutine_fn),
        ("isfuture", isfuture_fn),
    ] {
        crate::stdlib::set(m, name, crate::builtins::native(name, f));
    }
    for (name, f) in [
        ("create_task", create_task_sited as crate::objects::NativeFn),
        ("ensure_future", ensure_future_sited),
    ] {
        crate::stdlib::set(m, name, super::debug::native_recording_site(name, f));
    }
}
