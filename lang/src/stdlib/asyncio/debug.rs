//! asyncio's debug mode, as CPython's: on for a loop when
//! `asyncio.run(debug=True)` or `loop.set_debug(True)` says so, and by
//! default under `PYTHONASYNCIODEBUG` (non-empty) and in development mode
//! (`-X dev`, `PYTHONDEVMODE`).
//!
//! A loop in debug mode times each task step and each callback it runs and
//! reports those slower than `loop.slow_callback_duration` (0.1 s) through
//! the `asyncio` logger: "Executing <Task ...> took 0.105 seconds". The
//! timing reads the loop's clock, so it follows virtual time too.
//!
//! A future, task or handle made while its loop is in debug mode remembers
//! where ([`Site`]), and its repr ends with `created at FILE:LINE`; a
//! coroutine made while it runs records its `cr_origin`, which the "never
//! awaited" warning prints ([`track_origins`]).

use super::face;
use super::futures::Fut;
use super::handles::Handle;
use crate::objects::function::Code;
use crate::objects::function::{Builtin, CallerNeeds};
use crate::objects::gc::GcHead;
use crate::objects::{Class, Name, NativeFn, PyResult, Signature, Value};
use crate::vm::Vm;
use std::cell::OnceCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};

/// What the command line asked for: `PYTHONASYNCIODEBUG` or development
/// mode (`-X dev`, `PYTHONDEVMODE`), read with the other options
/// (`sys.flags`, so `-E` is honoured).
static DEBUG_BY_DEFAULT: AtomicBool = AtomicBool::new(false);

/// New loops start in debug mode (the command line asked for it).
pub fn set_debug_by_default() {
    DEBUG_BY_DEFAULT.store(true, Ordering::Relaxed);
}

/// Whether a new loop starts in debug mode (CPython's `_is_debug_mode`).
pub fn enabled_by_default() -> bool {
    let on = DEBUG_BY_DEFAULT.load(Ordering::Relaxed);
    if on {
        note_debug_loop();
    }
    on
}

/// Set once any loop has been in debug mode: until then the natives that
/// record creation sites skip the work (see [`recording_site!`]).
static ANY_DEBUG_LOOP: AtomicBool = AtomicBool::new(false);

/// Records that a loop is in debug mode.
pub fn note_debug_loop() {
    ANY_DEBUG_LOOP.store(true, Ordering::Relaxed);
}

/// Whether any loop has been in debug mode.
#[inline]
pub fn any_debug_loop() -> bool {
    ANY_DEBUG_LOOP.load(Ordering::Relaxed)
}

/// How many frames a coroutine's `cr_origin` keeps while a loop runs in
/// debug mode (CPython's `asyncio.constants.DEBUG_STACK_DEPTH`): the
/// "never awaited" warning then says where the coroutine was created.
const DEBUG_STACK_DEPTH: usize = 10;

/// Turns coroutine origin tracking on for a running debug-mode loop, or
/// back to what it was (`sys.set_coroutine_origin_tracking_depth`), as
/// CPython's `run_forever` and `set_debug` do.
pub fn track_origins(vm: &Vm, lp: &super::events::EventLoop, on: bool) {
    let depth = &vm.coroutine_origin_depth;
    match (on, lp.origin_depth_before.get()) {
        (true, None) => {
            lp.origin_depth_before.set(Some(depth.get()));
            depth.set(DEBUG_STACK_DEPTH);
        }
        (false, Some(before)) => {
            lp.origin_depth_before.set(None);
            depth.set(before);
        }
        _ => {}
    }
}

/// CPython's default `loop.slow_callback_duration`, in seconds.
pub const SLOW_CALLBACK_DURATION: f64 = 0.1;

/// Reports a step or callback that held the loop for `seconds` (described
/// by `what`, made only when the report is due) if that is at least the
/// loop's `slow_callback_duration`.
pub fn check_slow(vm: &Vm, limit: f64, seconds: f64, what: impl FnOnce() -> String) {
    if seconds < limit {
        return;
    }
    let what = what();
    if log_warning(vm, &what, seconds).is_err() {
        vm.flush_stdout();
        eprintln!("Executing {what} took {seconds:.3} seconds");
    }
}

/// `logging.getLogger('asyncio').warning('Executing %s took %.3f seconds', ...)`.
fn log_warning(vm: &Vm, what: &str, seconds: f64) -> PyResult<()> {
    let logging = vm.import_module("logging")?;
    let get_logger = crate::stdlib::module_attr(vm, &logging, "getLogger")?;
    let logger = vm.call(&get_logger, &[Value::str("asyncio")])?;
    vm.call_method(
        &logger,
        "warning",
        &[
            Value::str("Executing %s took %.3f seconds"),
            Value::string(what.to_string()),
            Value::float(seconds),
        ],
    )?;
    Ok(())
}

/// Where a future, task or handle was made, shown as `created at
/// FILE:LINE` in its repr when its loop was in debug mode then: the line of
/// the user's code that called the native that made it, past any frames of
/// towel's own frozen modules (a task a `TaskGroup` makes names the user's
/// `tg.create_task(...)` line), and the stack then, for the
/// `source_traceback` of reports about it.
pub struct Site {
    file: Rc<str>,
    line: u32,
    /// `cr_origin`-shaped: (file, line, function) tuples, innermost first.
    stack: Value,
}

impl std::fmt::Display for Site {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "created at {}:{}", self.file, self.line)
    }
}

/// A creation site, recorded once (empty, one word, outside debug mode).
#[derive(Default)]
pub struct SiteCell(OnceCell<Box<Site>>);

impl SiteCell {
    fn record(&self, vm: &Vm, code: &Code, line: u32) {
        let (file, line) = if code.co.filename.starts_with("<frozen ") {
            vm.frame_chain()
                .find(|f| !f.code.co.filename.starts_with("<frozen "))
                .map(|f| (f.code.co.filename.clone(), f.current_line()))
                .unwrap_or((code.co.filename.clone(), line))
        } else {
            (code.co.filename.clone(), line)
        };
        let _ = self.0.set(Box::new(Site {
            file,
            line,
            stack: vm.origin_stack(DEBUG_STACK_DEPTH),
        }));
    }

    /// ` created at FILE:LINE`, or nothing.
    pub fn suffix(&self) -> String {
        self.0.get().map(|s| format!(" {s}")).unwrap_or_default()
    }

    /// The `source_traceback` entry of a report about the object: the
    /// stack where it was made, if it was made in debug mode.
    pub fn source_traceback(&self) -> Option<(&'static str, Value)> {
        self.0.get().map(|s| ("source_traceback", s.stack.clone()))
    }
}

/// The `source_traceback: Object created at ...` line of the default
/// exception handler, from a [`SiteCell::source_traceback`] stack.
pub fn format_source_traceback(vm: &Vm, stack: &Value) -> String {
    use crate::vm::report::{format_stack, FrameSummary, Printer};
    let frames = vm.to_vec(stack).unwrap_or_default();
    let summaries: Vec<_> = frames
        .iter()
        .rev()
        .filter_map(|f| FrameSummary::from_origin(vm, f))
        .collect();
    let text: String = format_stack(&summaries, Printer::Module).concat();
    format!(
        "Object created at (most recent call last):\n{}",
        text.trim_end()
    )
}

/// Gives `made` (a future, task or handle a native just returned) the call
/// site the dispatch loop recorded for that native, if its loop is in debug
/// mode.
pub fn stamp(vm: &Vm, made: &Value, site: Option<(Rc<Code>, u32)>) {
    let Some((code, line)) = site else { return };
    if let Some(f) = face::receiver::<Fut>(made) {
        if f.lp.debug.get() {
            f.source.record(vm, &code, line);
        }
    } else if let Some(h) = face::receiver::<Handle>(made) {
        if h.lp.debug.get() {
            h.source.record(vm, &code, line);
        }
    }
}

/// Defines `fn $name(vm, args)`: the native `$inner`, whose result is
/// stamped with its caller's line (see [`stamp`]). Register it with
/// [`record_call_sites`] or [`native_recording_site`] so that the dispatch
/// loop records that line.
macro_rules! recording_site {
    ($name:ident => $inner:path) => {
        fn $name(vm: &crate::vm::Vm, args: crate::objects::Args) -> crate::objects::PyResult {
            if !super::debug::any_debug_loop() {
                return $inner(vm, args);
            }
            let site = vm.call_site.borrow_mut().take();
            let made = $inner(vm, args)?;
            super::debug::stamp(vm, &made, site);
            Ok(made)
        }
    };
}
pub(crate) use recording_site;

/// Asks the dispatch loop to record the call site of the methods `names`
/// of `class` (natives made with [`recording_site!`]).
pub fn record_call_sites(class: &Class, names: &[&str]) {
    let mut dict = class.dict_mut();
    for name in names {
        let name = Name::new(name);
        let marked = match dict.get(&name) {
            Some(Value::Builtin(b)) => Builtin {
                name: b.name,
                func: b.func,
                owner: b.owner,
                bound: b.bound.clone(),
                caller: CallerNeeds::CallSite,
                sig: b.sig,
                gc: GcHead::new(),
            },
            _ => continue,
        };
        dict.insert(name, Value::Builtin(crate::objects::gc::new(marked)));
    }
}

/// A module function whose call site the dispatch loop records (a native
/// made with [`recording_site!`]).
pub fn native_recording_site(sig: &'static Signature, func: NativeFn) -> Value {
    Value::Builtin(crate::objects::gc::new(Builtin {
        name: sig.name(),
        func,
        owner: None,
        bound: None,
        caller: CallerNeeds::CallSite,
        sig: Some(sig),
        gc: GcHead::new(),
    }))
}
