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
use super::futures::{this, wrap_new, Fut};
use super::tasks::{is_coroutine, new_task, part, spawn_task, start_task, task_cancel, TaskPart};
use super::{aio, Aio};
use crate::objects::{Args, Name, Native, PyResult, Signature, Style, Value};
use crate::vm::Vm;
use std::rc::Rc;

fn task_this(vm: &Vm, receiver: &Value) -> PyResult<Native<Fut>> {
    let t = this(vm, Some(receiver))?;
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
    /// The `contextvars.Context` to run in, when one was given.
    context: Option<Value>,
}

/// The parameters of `Task(...)` (its `__new__` and `__init__`), with
/// the receiver (the class or the task) first.
static TASK_ARGS: Signature = Signature::new(
    Style::Clinic,
    "Task",
    "$self, /, coro, *, loop=None, name=None, context=None",
);

fn task_args(vm: &Vm, args: Args) -> PyResult<TaskArgs> {
    let ([_, coro], [lp, name, context]) = TASK_ARGS.bind(vm, args)?;
    let lp = match lp {
        Some(v) if !v.is_none() => this_loop(vm, v)?,
        _ => get_event_loop_rc(vm)?,
    };
    if !is_coroutine(coro) {
        return Err(vm.type_error(format!("a coroutine was expected, got {}", vm.repr(coro)?)));
    }
    Ok(TaskArgs {
        coro: coro.clone(),
        lp,
        name: name.cloned().unwrap_or_default(),
        context: context.filter(|c| !c.is_none()).cloned(),
    })
}

/// `Task.__new__(cls, coro, *, loop=None, name=None, context=None)`. A
/// native task is made and started here. An instance of a subclass is made
/// here and started by `Task.__init__`, as in CPython, so that a subclass's
/// `__init__` may take other arguments and pass the task's on with
/// `super().__init__(...)`.
fn task_new(vm: &Vm, args: Args) -> PyResult {
    let a = aio(vm);
    let cls = face::new_target(vm, &args, &a.task_class)?;
    if Rc::ptr_eq(&cls, &a.task_class) {
        let t = task_args(vm, args)?;
        t.lp.check_closed(vm)?;
        let task = spawn_task(vm, &t.lp, t.coro, t.name).value();
        if let Some(context) = t.context {
            super::tasks::set_task_context(&task, context);
        }
        return Ok(task);
    }
    let args = args.skip_first();
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
    let task = task_this(vm, args.get(0).unwrap_or(&Value::None))?;
    let p = tp(vm, &task)?;
    let t = task_args(vm, args)?;
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
    if let Some(context) = t.context {
        super::tasks::set_task_context(&args.pos[0], context);
    }
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

static TASK_CANCEL: Signature = Signature::new(Style::Clinic, "Task.cancel", "$self, /, msg=None")
    .doc(
        "Ask the task to stop: a CancelledError is thrown into its coroutine.\n\n\
         The error carries `msg`, if given, and is raised at the `await` where\n\
         the task is suspended, so the coroutine can clean up (or, unusually,\n\
         carry on). Returns False if the task is already done, else True.",
    );

fn task_cancel_m(vm: &Vm, args: Args) -> PyResult {
    let ([this], [msg]) = TASK_CANCEL.bind(vm, args)?;
    let t = task_this(vm, this)?;
    Ok(Value::from_bool(task_cancel(
        vm,
        &t,
        msg.cloned().unwrap_or_default(),
    )?))
}

static TASK_GET_NAME: Signature = Signature::new(Style::Exact, "Task.get_name", "$self, /")
    .doc("Return the task's name (`Task-N` unless one was given).");

fn task_get_name(vm: &Vm, args: Args) -> PyResult {
    let ([this], []) = TASK_GET_NAME.bind(vm, args)?;
    let t = task_this(vm, this)?;
    let n = tp(vm, &t)?.name();
    Ok(n)
}

static TASK_SET_NAME: Signature = Signature::new(Style::Exact, "Task.set_name", "$self, value, /")
    .doc("Rename the task to `str(value)`.");

fn task_set_name(vm: &Vm, args: Args) -> PyResult {
    let ([this, value], []) = TASK_SET_NAME.bind(vm, args)?;
    let t = task_this(vm, this)?;
    let s = vm.to_str(value)?;
    *tp(vm, &t)?.name.borrow_mut() = Value::string(s);
    Ok(Value::None)
}

static TASK_GET_CORO: Signature = Signature::new(Style::Exact, "Task.get_coro", "$self, /")
    .doc("Return the coroutine the task runs.");

fn task_get_coro(vm: &Vm, args: Args) -> PyResult {
    let ([this], []) = TASK_GET_CORO.bind(vm, args)?;
    let t = task_this(vm, this)?;
    let coro = tp(vm, &t)?.coro.get().cloned();
    Ok(coro.unwrap_or_default())
}

static TASK_CANCELLING: Signature = Signature::new(Style::Exact, "Task.cancelling", "$self, /")
    .doc(
        "Return how many cancellation requests the task has pending.\n\n\
         Each cancel() adds one and each uncancel() takes one away.",
    );

fn task_cancelling(vm: &Vm, args: Args) -> PyResult {
    let ([this], []) = TASK_CANCELLING.bind(vm, args)?;
    let t = task_this(vm, this)?;
    Ok(Value::Int(tp(vm, &t)?.num_cancels_requested.get() as i64))
}

static TASK_UNCANCEL: Signature = Signature::new(Style::Exact, "Task.uncancel", "$self, /").doc(
    "Withdraw one cancellation request and return how many remain.\n\n\
     Code that caught a CancelledError it caused itself (a timeout, a task\n\
     group) calls this so that the task is no longer seen as being cancelled.",
);

fn task_uncancel(vm: &Vm, args: Args) -> PyResult {
    let ([this], []) = TASK_UNCANCEL.bind(vm, args)?;
    let t = task_this(vm, this)?;
    let p = tp(vm, &t)?;
    let n = p.num_cancels_requested.get().saturating_sub(1);
    p.num_cancels_requested.set(n);
    Ok(Value::Int(n as i64))
}

static TASK_GET_STACK: Signature =
    Signature::new(Style::Clinic, "Task.get_stack", "$self, /, *, limit=None")
        .doc("Return the frames the task is suspended in; towel gives an empty list.");

fn task_get_stack(vm: &Vm, args: Args) -> PyResult {
    let ([this], [_limit]) = TASK_GET_STACK.bind(vm, args)?;
    let _ = task_this(vm, this)?;
    Ok(Value::list(vec![]))
}

/// The `loop` argument of `current_task`/`all_tasks`, or the running loop.
fn loop_arg(vm: &Vm, lp: Option<&Value>) -> PyResult<Native<EventLoop>> {
    match lp {
        Some(v) if !v.is_none() => this_loop(vm, v),
        _ => get_running_loop_rc(vm),
    }
}

static CURRENT_TASK: Signature = Signature::new(Style::Python, "current_task", "loop=None").doc(
    "Return the task running now on `loop` (the running loop by default),\n\
     or None when no task runs (in a plain callback).",
);

fn current_task(vm: &Vm, args: Args) -> PyResult {
    let ([], [lp]) = CURRENT_TASK.bind(vm, args)?;
    let lp = loop_arg(vm, lp)?;
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

static ALL_TASKS: Signature = Signature::new(Style::Python, "all_tasks", "loop=None").doc(
    "Return the set of tasks of `loop` (the running loop by default) that\n\
     are not done yet.",
);

fn all_tasks(vm: &Vm, args: Args) -> PyResult {
    let ([], [lp]) = ALL_TASKS.bind(vm, args)?;
    let lp = loop_arg(vm, lp)?;
    let items = pending_tasks(&lp);
    vm.call(&Value::Class(vm.types.set.clone()), &[Value::list(items)])
}

/// `_all_tasks_ordered(loop)`: like `all_tasks`, as a list in creation order (for `asyncio.run`'s shutdown).
static ALL_TASKS_ORDERED: Signature =
    Signature::new(Style::Python, "_all_tasks_ordered", "loop=None")
        .doc("Return the tasks of `loop` that are not done, oldest first.");

fn all_tasks_ordered(vm: &Vm, args: Args) -> PyResult {
    let ([], [lp]) = ALL_TASKS_ORDERED.bind(vm, args)?;
    let lp = loop_arg(vm, lp)?;
    Ok(Value::list(pending_tasks(&lp)))
}

super::debug::recording_site!(create_task_sited => create_task_fn);
super::debug::recording_site!(ensure_future_sited => ensure_future_fn);

static CREATE_TASK: Signature = Signature::new(
    Style::Python,
    "create_task",
    "coro, *, name=None, context=None",
)
.doc(
    "Start running coroutine `coro` as a Task on the running loop, and return the task.\n\n\
     The task runs concurrently from the caller's next `await` on; keep a\n\
     reference to it (or await it) so that it is not lost. `name` names it and\n\
     `context` is the contextvars.Context it runs in (a copy of the current\n\
     one by default).",
);

/// `asyncio.create_task(coro, *, name=None, context=None)`: the running
/// loop's `create_task(coro)`, then the name.
fn create_task_fn(vm: &Vm, args: Args) -> PyResult {
    let ([coro], [name, context]) = CREATE_TASK.bind(vm, args)?;
    let context = context.filter(|c| !c.is_none()).cloned();
    let lp = get_running_loop_rc(vm)?;
    let name = name.cloned().unwrap_or_default();
    if lp.hooks.get() == 0 && lp.task_factory.borrow().is_none() {
        // The common case, without a detour: a native task with its name.
        if !is_coroutine(coro) {
            return Err(vm.type_error(format!("a coroutine was expected, got {}", vm.repr(coro)?)));
        }
        lp.check_closed(vm)?;
        let task = spawn_task(vm, &lp, coro.clone(), Value::None);
        if let (Some(p), false) = (part(&task), name.is_none()) {
            *p.name.borrow_mut() = Value::string(vm.to_str(&name)?);
        }
        if let Some(context) = context {
            super::tasks::set_task_context(&task.value(), context);
        }
        return Ok(task.value());
    }
    let task = lp.create_task_value(vm, coro.clone())?;
    set_task_name(vm, &task, name)?;
    if let Some(context) = context {
        super::tasks::set_task_context(&task, context);
    }
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

static ENSURE_FUTURE: Signature = Signature::new(
    Style::Python,
    "ensure_future",
    "coro_or_future, *, loop=None",
)
.doc(
    "Return a future for `coro_or_future`.\n\n\
     A future or task is returned as it is; a coroutine or another awaitable\n\
     is wrapped in a new Task scheduled on `loop` (the current loop by\n\
     default). Prefer create_task() for coroutines.",
);

fn ensure_future_fn(vm: &Vm, args: Args) -> PyResult {
    let ([obj], [lp]) = ENSURE_FUTURE.bind(vm, args)?;
    let lp = match lp {
        Some(v) if !v.is_none() => Some(this_loop(vm, v)?),
        _ => None,
    };
    ensure_future(vm, obj, lp.as_ref())
}

static ISCOROUTINE: Signature = Signature::new(Style::Python, "iscoroutine", "obj")
    .doc("Return True if `obj` is a coroutine object (what calling an `async def` gives).");

fn iscoroutine_fn(vm: &Vm, args: Args) -> PyResult {
    let ([v], []) = ISCOROUTINE.bind(vm, args)?;
    Ok(Value::from_bool(
        is_coroutine(v) || is_coroutine_object(vm, v)?,
    ))
}

static ISFUTURE: Signature = Signature::new(Style::Python, "isfuture", "obj").doc(
    "Return True if `obj` is an asyncio future: a Future, a Task, or an object\n\
     of a class that declares itself compatible with them.",
);

fn isfuture_fn(vm: &Vm, args: Args) -> PyResult {
    let ([obj], []) = ISFUTURE.bind(vm, args)?;
    Ok(Value::from_bool(isfuture(vm, obj)?))
}

pub fn install(a: &Aio, m: &crate::objects::Module) {
    use crate::vm::types::{add_declared_methods, add_methods};
    add_methods(
        &a.task_class,
        "Task",
        &[("__new__", task_new), ("__init__", task_init)],
    );
    add_declared_methods(
        &a.task_class,
        "Task",
        &[
            (&TASK_CANCEL, task_cancel_m),
            (&TASK_GET_NAME, task_get_name),
            (&TASK_SET_NAME, task_set_name),
            (&TASK_GET_CORO, task_get_coro),
            (&TASK_CANCELLING, task_cancelling),
            (&TASK_UNCANCEL, task_uncancel),
            (&TASK_GET_STACK, task_get_stack),
        ],
    );
    super::add_functions(
        m,
        None,
        &[
            (&CURRENT_TASK, current_task),
            (&ALL_TASKS, all_tasks),
            (&ALL_TASKS_ORDERED, all_tasks_ordered),
            (&ISCOROUTINE, iscoroutine_fn),
        ],
    );
    // CPython defines it beside the futures' other helpers.
    super::add_functions(m, Some("asyncio.base_futures"), &[(&ISFUTURE, isfuture_fn)]);
    for (sig, f) in [
        (&CREATE_TASK, create_task_sited as crate::objects::NativeFn),
        (&ENSURE_FUTURE, ensure_future_sited),
    ] {
        crate::stdlib::set(m, sig.name(), super::debug::native_recording_site(sig, f));
    }
}
