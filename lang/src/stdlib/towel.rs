//! `towel`: what towel offers beyond CPython's library.
//!
//! `towel.virtual_time()` (in `towel.py`) runs a block on the runtime's
//! virtual clock, as `towel --virtual-time` runs a whole program.
//!
//! `towel.format_tasks(tasks=None)` lists asyncio tasks and says what each
//! one is doing: one line per task with
//! its name, state, age and where it is suspended (the chain of coroutines
//! down to the innermost `await`, and what that `await` waits for). The
//! REPL's `tasks()` prints the same listing, so a script can check in a test
//! what a user sees at the prompt.
//!
//! # How it works
//!
//! A suspended coroutine keeps its frame, and a frame suspended in
//! `YIELD_FROM` has the object it delegates to on top of its value stack
//! ([`Generator::yield_from_target`]). Following that link from a task's
//! coroutine walks the await chain; the object at the end is what the task
//! waits on. Native awaitables describe themselves through
//! [`NativeObject::waiting_for`](crate::objects::NativeObject::waiting_for)
//! (a sleep reports its time left), anything else is shown by its repr.
//! Tasks are read through their Python methods (`get_name`, `done`,
//! `cancelled`, `get_coro`), so any asyncio-compatible task works; the age
//! comes from [`NativeObject::created_at`](crate::objects::NativeObject::created_at).

use crate::objects::{Args, GenState, Module, PyResult, Signature, Style, Value};
use crate::vm::Vm;
use std::rc::Rc;
use std::time::Duration;

const SOURCE: super::Source = super::stdlib_source!("towel.py");

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with_declared(
        vm,
        "towel",
        &[
            (&FORMAT_TASKS, format_tasks_fn),
            (&SET_VIRTUAL_TIME, set_virtual_time),
        ],
    );
    super::set(&m, "__doc__", Value::str("What towel offers beyond CPython's library: virtual_time() runs a block on a virtual clock; format_tasks() lists asyncio tasks and where each one waits."));
    super::exec_source(vm, &m, SOURCE)?;
    Ok(m)
}

/// `_set_virtual_time(on)`: puts this thread on the runtime's virtual clock
/// (or back on real time) and returns whether it was on virtual time.
static SET_VIRTUAL_TIME: Signature =
    Signature::new(Style::Positional, "_set_virtual_time", "on, /").doc(
        "Put this thread on the virtual clock (or back on real time, for a false\n\
         `on`); return whether it was on the virtual clock.",
    );

fn set_virtual_time(vm: &Vm, args: Args) -> PyResult {
    let ([on], []) = SET_VIRTUAL_TIME.bind(vm, args)?;
    let was_virtual = towel_runtime::time::virtual_clock().is_some();
    if vm.truthy(on)? {
        towel_runtime::time::use_virtual_clock();
    } else {
        towel_runtime::time::use_real_clock();
    }
    Ok(Value::from_bool(was_virtual))
}

/// Where a task is in its life, as a listing shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskState {
    Pending,
    Running,
    Done,
    Cancelled,
}

impl TaskState {
    pub fn as_str(self) -> &'static str {
        match self {
            TaskState::Pending => "pending",
            TaskState::Running => "running",
            TaskState::Done => "done",
            TaskState::Cancelled => "cancelled",
        }
    }
}

/// One task of a listing, gathered before formatting so that any event
/// loop (asyncio's, or the REPL's own) can describe its tasks.
pub struct TaskInfo {
    pub name: String,
    pub state: TaskState,
    pub age: Option<Duration>,
    /// The task's coroutine, whose await chain the listing shows (None once finished).
    pub coro: Option<Value>,
}

/// One coroutine in an await chain: its name and where it is suspended.
#[derive(Debug, PartialEq, Eq)]
pub struct Link {
    pub name: String,
    pub file: String,
    /// The line it is suspended at; None while it runs (its frame is in use).
    pub line: Option<u32>,
}

/// A task's await chain: the coroutines from the task's own down to the
/// innermost one, and what the innermost one waits for.
#[derive(Debug, Default)]
pub struct AwaitChain {
    pub links: Vec<Link>,
    pub waiting_for: Option<String>,
}

/// Longest chain followed, so that a cycle of delegation cannot hang a listing.
const MAX_DEPTH: usize = 64;

/// Follows `coro`'s `await`/`yield from` delegation down to the object it waits on.
pub fn await_chain(vm: &Vm, coro: &Value) -> AwaitChain {
    let mut chain = AwaitChain::default();
    let mut cur = coro.clone();
    for _ in 0..MAX_DEPTH {
        let g = match &cur {
            Value::Generator(g) => g.clone(),
            Value::Native(n) => match n
                .as_any()
                .downcast_ref::<crate::builtins::generator::CoroWrapper>()
            {
                Some(w) => w.coro.clone(),
                None => {
                    chain.waiting_for =
                        Some(n.waiting_for(vm).unwrap_or_else(|| short_repr(vm, &cur)));
                    return chain;
                }
            },
            other => {
                chain.waiting_for = Some(short_repr(vm, other));
                return chain;
            }
        };
        let name = g.qualname.borrow().to_string();
        let file = g.code.co.filename.to_string();
        let state = g.state.get();
        let line = match (state, g.frame.borrow().as_ref()) {
            (GenState::Created, _) => Some(g.code.co.firstlineno),
            (GenState::Suspended, Some(f)) => Some(f.current_line()),
            _ => None,
        };
        chain.links.push(Link { name, file, line });
        match state {
            GenState::Created => {
                chain.waiting_for = Some("not started".into());
                return chain;
            }
            GenState::Running => return chain,
            GenState::Closed => {
                chain.waiting_for = Some("finished".into());
                return chain;
            }
            GenState::Suspended => match g.yield_from_target() {
                Some(next) => cur = next,
                None => {
                    // A bare `yield` (as in `sleep(0)`): it waits for its next turn.
                    chain.waiting_for = Some("its next turn".into());
                    return chain;
                }
            },
        }
    }
    chain
}

/// A repr short enough for one line of a listing.
fn short_repr(vm: &Vm, v: &Value) -> String {
    let r = vm
        .repr(v)
        .unwrap_or_else(|_| format!("<{} object>", vm.type_name(v)));
    const MAX: usize = 80;
    if r.chars().count() > MAX {
        let cut: String = r.chars().take(MAX - 3).collect();
        format!("{cut}...")
    } else {
        r
    }
}

/// Reads an asyncio-compatible task through its Python methods; `current`
/// is the task that is running now, if any.
pub fn task_info(vm: &Vm, task: &Value, current: Option<&Value>) -> PyResult<TaskInfo> {
    let name = vm.to_str(&vm.call_method(task, "get_name", &[])?)?;
    let state = if vm.truthy(&vm.call_method(task, "cancelled", &[])?)? {
        TaskState::Cancelled
    } else if vm.truthy(&vm.call_method(task, "done", &[])?)? {
        TaskState::Done
    } else if current.is_some_and(|c| c.id() == task.id()) {
        TaskState::Running
    } else {
        TaskState::Pending
    };
    let coro = match state {
        TaskState::Pending | TaskState::Running => Some(vm.call_method(task, "get_coro", &[])?),
        _ => None,
    };
    let age = match task {
        Value::Native(n) => n
            .created_at()
            .map(|t| towel_runtime::time::now().saturating_duration_since(t)),
        _ => None,
    };
    Ok(TaskInfo {
        name,
        state,
        age,
        coro,
    })
}

/// An age as a listing shows it: tenths of a second, then minutes, then hours.
pub fn format_age(age: Duration) -> String {
    let secs = age.as_secs_f64();
    if secs < 60.0 {
        format!("{secs:.1}s")
    } else if secs < 3600.0 {
        let s = secs as u64;
        format!("{}m{:02}s", s / 60, s % 60)
    } else {
        let s = secs as u64;
        format!("{}h{:02}m", s / 3600, (s % 3600) / 60)
    }
}

/// Formats a chain as `outer (file:line) -> inner (file:line) -> what it waits for`.
pub fn format_chain(chain: &AwaitChain) -> String {
    let mut parts: Vec<String> = chain
        .links
        .iter()
        .map(|l| match l.line {
            Some(line) => format!("{} ({}:{line})", l.name, l.file),
            None => format!("{} ({})", l.name, l.file),
        })
        .collect();
    if let Some(w) = &chain.waiting_for {
        parts.push(w.clone());
    }
    parts.join(" -> ")
}

/// The listing: one line per task, columns aligned, "no tasks" when empty.
pub fn format_tasks(vm: &Vm, tasks: &[TaskInfo]) -> String {
    if tasks.is_empty() {
        return "no tasks\n".into();
    }
    let name_width = tasks
        .iter()
        .map(|t| t.name.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for t in tasks {
        let age = t.age.map(format_age).unwrap_or_else(|| "?".into());
        let mut line = format!(
            "{:<name_width$}  {:<9}  {:>6}",
            t.name,
            t.state.as_str(),
            age
        );
        if let Some(coro) = &t.coro {
            let chain = format_chain(&await_chain(vm, coro));
            if !chain.is_empty() {
                line.push_str("  ");
                line.push_str(&chain);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// `towel.format_tasks(tasks=None)`: the listing of `tasks`, or of
/// `asyncio.all_tasks()` (which needs a running loop) when not given.
static FORMAT_TASKS: Signature = Signature::new(Style::Python, "format_tasks", "tasks=None").doc(
    "Return a listing of asyncio tasks: one line per task with its name, its\n\
     state, how long it has lived and what it is waiting for.\n\n\
     `tasks` defaults to asyncio.all_tasks(), which needs a running loop. The\n\
     REPL's tasks() prints this listing.",
);

fn format_tasks_fn(vm: &Vm, args: Args) -> PyResult {
    let ([], [tasks]) = FORMAT_TASKS.bind(vm, args)?;
    let asyncio = vm.import_module("asyncio")?;
    let asyncio = Value::Module(asyncio);
    let tasks = match tasks {
        Some(v) if !v.is_none() => v.clone(),
        _ => vm.call_method(&asyncio, "all_tasks", &[])?,
    };
    let current = match vm.call_method(&asyncio, "current_task", &[]) {
        Ok(v) if !v.is_none() => Some(v),
        _ => None,
    };
    let mut infos = Vec::new();
    for t in vm.to_vec(&tasks)? {
        infos.push(task_info(vm, &t, current.as_ref())?);
    }
    // Sets have no order; the listing goes by task name, which for asyncio's
    // default names ("Task-3") is creation order.
    infos.sort_by(|a, b| natural_key(&a.name).cmp(&natural_key(&b.name)));
    Ok(Value::string(format_tasks(vm, &infos)))
}

/// Sorts "Task-10" after "Task-9": the name's text, then its trailing number.
fn natural_key(name: &str) -> (&str, u64) {
    let digits = name.len() - name.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (text, num) = name.split_at(name.len() - digits);
    (text, num.parse().unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_read_naturally() {
        assert_eq!(format_age(Duration::from_millis(1234)), "1.2s");
        assert_eq!(format_age(Duration::from_secs(125)), "2m05s");
        assert_eq!(format_age(Duration::from_secs(3720)), "1h02m");
    }

    #[test]
    fn task_names_sort_by_number() {
        let mut names = vec!["Task-10", "Task-9", "main", "Task-1"];
        names.sort_by(|a, b| natural_key(a).cmp(&natural_key(b)));
        assert_eq!(names, ["Task-1", "Task-9", "Task-10", "main"]);
    }

    #[test]
    fn a_suspended_coroutine_shows_its_chain() {
        let vm = Vm::new();
        let src = "def inner():\n    yield\n\nclass A:\n    pass\n\ndef outer():\n    yield from inner()\n\ng = outer()\nnext(g)\n";
        let code = vm
            .compile(src, "t.py", crate::compiler::Mode::Exec)
            .unwrap_or_else(|e| panic!("{}", e.render()));
        let m = vm.new_module("__main__", None);
        assert!(vm.run_code(code, &m).is_ok());
        let g = m.get("g").expect("g is set");
        let chain = await_chain(&vm, &g);
        assert_eq!(
            format_chain(&chain),
            "outer (t.py:8) -> inner (t.py:2) -> its next turn"
        );
        let infos = [TaskInfo {
            name: "Task-1".into(),
            state: TaskState::Pending,
            age: Some(Duration::from_millis(500)),
            coro: Some(g),
        }];
        assert_eq!(
            format_tasks(&vm, &infos),
            "Task-1  pending      0.5s  outer (t.py:8) -> inner (t.py:2) -> its next turn\n"
        );
    }
}
