//! The task timeline (`towel --timeline FILE`, `towel.timeline(FILE)`, the
//! REPL's `timeline('out.svg')`): a record of every task's life, written as
//! a Chrome/Perfetto trace (`.json`), a picture (`.svg`) or a page with the
//! picture and hover details (`.html`; see [`render`]).
//!
//! # What is recorded
//! For each task: when and by whom it was created (the task running then,
//! and the line of the user's code that asked for it), each step it ran
//! (start and end on the loop's clock, so virtual time works too), what it
//! waited on between steps (the end of its await chain, as
//! `towel.format_tasks` describes it: `sleep(0.3)`, `Lock.acquire()`, a task,
//! a future), who woke it (the task running when the awaited future
//! completed, or the loop itself for timers and I/O), and how it ended.
//!
//! # Cost
//! Recording is off unless asked for. When off, the task machinery pays
//! one load and branch of [`on`] at each step and wake-up, beside the
//! debug-mode check it shares (see `tasks.rs`); everything else lives here,
//! behind `#[inline(never)]` entry points.
//!
//! Tasks are told apart by the address of their native object while they
//! live; the entry is dropped when the task ends, so a later task at the
//! same address starts a new row.

pub mod render;

use super::events::now;
use super::futures::{FState, Fut};
use super::tasks::part;
use crate::objects::{Native, Value};
use crate::vm::Vm;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether a timeline is being recorded (on this thread: asyncio's state is
/// per thread, and so is the recorder).
static RECORDING: AtomicBool = AtomicBool::new(false);

thread_local! {
    static RECORDER: RefCell<Option<Recorder>> = const { RefCell::new(None) };
}

/// Whether a timeline is being recorded.
#[inline(always)]
pub fn on() -> bool {
    RECORDING.load(Ordering::Relaxed)
}

/// Starts recording (again from nothing if it was on).
pub fn start() {
    RECORDER.with(|r| *r.borrow_mut() = Some(Recorder::default()));
    RECORDING.store(true, Ordering::Relaxed);
}

/// Starts recording unless it is on already (the REPL's session timeline).
pub fn ensure_started() {
    if !on() {
        start();
    }
}

/// What was recorded so far, for a renderer.
pub fn snapshot() -> Option<Timeline> {
    RECORDER.with(|r| r.borrow().as_ref().map(|r| r.timeline.clone()))
}

/// Writes what was recorded so far to `path`, in the format its extension
/// names (`.json`, `.svg`, `.html`).
pub fn write(path: &str) -> Result<(), String> {
    let format = render::Format::of(path)?;
    let timeline = snapshot().unwrap_or_default();
    std::fs::write(path, render::render(&timeline, format))
        .map_err(|e| format!("cannot write the timeline to {path}: {e}"))
}

/// One task's life.
#[derive(Clone, Debug, Default)]
pub struct TaskLife {
    /// Its name when last seen (tasks can be renamed).
    pub name: String,
    /// Its coroutine's qualified name (`send_crow`).
    pub coro: String,
    /// The row of the task that created it, if one was running.
    pub parent: Option<usize>,
    pub created: f64,
    /// `file:line` of the user's code that asked for the task.
    pub site: Option<String>,
    pub steps: Vec<Span>,
    pub waits: Vec<Wait>,
    /// When it ended, and how (`result 3`, `raised ValueError('x')`,
    /// `cancelled`).
    pub end: Option<(f64, String)>,
}

/// A step: the task ran from `start` to `end`.
#[derive(Clone, Copy, Debug)]
pub struct Span {
    pub start: f64,
    pub end: f64,
}

/// A wait between two steps.
#[derive(Clone, Debug)]
pub struct Wait {
    pub start: f64,
    /// None while it still waits.
    pub end: Option<f64>,
    /// What it waits on, short (`sleep(0.3)`, `task Task-2`).
    pub what: String,
    /// The await chain down to it.
    pub chain: String,
}

/// A wake-up: `from` (a task's row, or None for the loop: timers, I/O,
/// callbacks) made the task of row `to` runnable at `at`; it ran again at
/// `arrive`.
#[derive(Clone, Copy, Debug)]
pub struct Flow {
    pub from: Option<usize>,
    pub to: usize,
    pub at: f64,
    pub arrive: Option<f64>,
}

/// Everything recorded, times in loop seconds.
#[derive(Clone, Debug, Default)]
pub struct Timeline {
    pub tasks: Vec<TaskLife>,
    pub flows: Vec<Flow>,
}

#[derive(Default)]
struct Recorder {
    timeline: Timeline,
    /// Row of each live task, by the address of its native object.
    rows: HashMap<usize, usize>,
    /// Per row: the step under way (its start).
    running: HashMap<usize, f64>,
    /// Per row: the wake-up waiting for the task's next step.
    pending_flow: HashMap<usize, usize>,
}

fn key(task: &Native<Fut>) -> usize {
    Rc::as_ptr(task) as *const u8 as usize
}

fn with_recorder<R>(f: impl FnOnce(&mut Recorder) -> R) -> Option<R> {
    RECORDER.with(|r| r.borrow_mut().as_mut().map(f))
}

impl Recorder {
    fn row(&mut self, task: &Native<Fut>) -> usize {
        let k = key(task);
        if let Some(&row) = self.rows.get(&k) {
            return row;
        }
        // A task made before recording started: it gets a row now.
        let row = self.timeline.tasks.len();
        self.timeline.tasks.push(TaskLife {
            name: name_of(task),
            created: now(),
            ..TaskLife::default()
        });
        self.rows.insert(k, row);
        row
    }
}

fn coro_name(task: &Fut) -> String {
    match part(task).and_then(|p| p.coro.get()) {
        Some(Value::Generator(g)) => g.qualname.borrow().to_string(),
        _ => String::new(),
    }
}

/// What a wait's label says: the end of the await chain, without the
/// time a sleep had left when the step ended (the line's length shows it);
/// what asyncio's own code waits on (but a task) is named after that code
/// (`Semaphore.acquire()`), which says more than the future's repr.
fn wait_label(chain: &crate::stdlib::towel::AwaitChain) -> String {
    let library = chain
        .links
        .last()
        .filter(|l| l.file.starts_with("<frozen") && chain.links.len() > 1);
    let what = match (library, &chain.waiting_for) {
        (Some(l), Some(w)) if !w.starts_with("task ") => return format!("{}()", l.name),
        (_, Some(w)) => w.clone(),
        (_, None) => "its next turn".into(),
    };
    match what.split_once(", ") {
        Some((sleep, left)) if what.starts_with("sleep(") && left.ends_with("s left") => {
            sleep.to_string()
        }
        _ => what,
    }
}

fn name_of(task: &Fut) -> String {
    match part(task).map(|p| p.name()) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => String::new(),
    }
}

/// A task was created (started): by the running task, at the user's line.
#[inline(never)]
pub fn task_created(vm: &Vm, task: &Native<Fut>) {
    let parent = task.lp.current_task.borrow().clone();
    let site = user_site(vm);
    with_recorder(|r| {
        let parent = parent.map(|p| r.row(&p));
        let row = r.timeline.tasks.len();
        let created = now();
        r.timeline.tasks.push(TaskLife {
            name: name_of(task),
            coro: coro_name(task),
            parent,
            created,
            site,
            ..TaskLife::default()
        });
        r.rows.insert(key(task), row);
        if let Some(from) = parent {
            r.timeline.flows.push(Flow {
                from: Some(from),
                to: row,
                at: created,
                arrive: None,
            });
            r.pending_flow.insert(row, r.timeline.flows.len() - 1);
        }
    });
}

/// The innermost line of code outside towel's own library (`<frozen ...>`):
/// for a task made by `tg.create_task(...)`, the user's line, not
/// `TaskGroup.create_task`'s.
fn user_site(vm: &Vm) -> Option<String> {
    vm.frame_chain()
        .find(|f| !f.code.co.filename.starts_with("<frozen"))
        .map(|f| format!("{}:{}", f.code.co.filename, f.current_line()))
}

/// A step of `task` starts.
#[inline(never)]
pub fn step_started(task: &Native<Fut>) {
    let t = now();
    with_recorder(|r| {
        let row = r.row(task);
        r.running.insert(row, t);
        let life = &mut r.timeline.tasks[row];
        if let Some(w) = life.waits.last_mut() {
            if w.end.is_none() {
                w.end = Some(t);
            }
        }
        if let Some(flow) = r.pending_flow.remove(&row) {
            r.timeline.flows[flow].arrive = Some(t);
        }
    });
}

/// A step of `task` ended: what it waits on now, or how it ended.
#[inline(never)]
pub fn step_ended(vm: &Vm, task: &Native<Fut>) {
    let t = now();
    let outcome = task.done().then(|| outcome(vm, task));
    let wait = if task.done() {
        None
    } else {
        part(task)
            .and_then(|p| p.coro.get().cloned())
            .map(|coro| crate::stdlib::towel::await_chain(vm, &coro))
    };
    let name = name_of(task);
    with_recorder(|r| {
        let row = r.row(task);
        let start = r.running.remove(&row).unwrap_or(t);
        let life = &mut r.timeline.tasks[row];
        life.name = name;
        life.steps.push(Span { start, end: t });
        if let Some(chain) = wait {
            life.waits.push(Wait {
                start: t,
                end: None,
                what: wait_label(&chain),
                chain: crate::stdlib::towel::format_chain(&chain),
            });
        }
        if let Some(how) = outcome {
            life.end = Some((t, how));
            r.rows.remove(&key(task));
        }
    });
}

/// `task` was made runnable (a future it waited on completed): by the task
/// running now, or by the loop.
#[inline(never)]
pub fn woken(task: &Native<Fut>) {
    let waker = task.lp.current_task.borrow().clone();
    with_recorder(|r| {
        let to = r.row(task);
        let from = waker.filter(|w| !Rc::ptr_eq(w, task)).map(|w| r.row(&w));
        r.timeline.flows.push(Flow {
            from,
            to,
            at: now(),
            arrive: None,
        });
        r.pending_flow.insert(to, r.timeline.flows.len() - 1);
    });
}

/// How a finished task ended, in a few words.
fn outcome(vm: &Vm, task: &Fut) -> String {
    let short = |v: &Value| super::futures::short_repr(vm, v).unwrap_or_default();
    match task.state.get() {
        FState::Cancelled => "cancelled".into(),
        FState::Finished => match task.exception_ref() {
            Some(e) => format!("raised {}", short(&e.value())),
            None => format!("returned {}", short(&task.result_ref())),
        },
        FState::Pending => "pending".into(),
    }
}
