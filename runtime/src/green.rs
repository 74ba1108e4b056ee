//! Green threads: several call stacks that take turns on one OS thread.
//!
//! A language whose objects are single-threaded (`Rc`, `RefCell`) can still
//! offer threads with the semantics of a global interpreter lock: exactly one
//! thread runs at a time, the running one gives way at a regular interval
//! (preemption) or when it waits, and a blocking call runs on the blocking
//! pool while the others go on. Each green thread is a stackful coroutine
//! (`corosensei`) with its own Rust stack, so it can be suspended anywhere,
//! with any number of native frames on its stack.
//!
//! # How it works
//!
//! The OS thread's own stack is the **root** thread ([`ROOT`]). Green threads
//! are only ever resumed by the root, from one of three places:
//!
//! * [`park`] and [`sleep_until`] on the root run the **hub**: it resumes
//!   runnable green threads one after another, and when none is runnable it
//!   parks the OS thread until the earliest deadline of a sleeping thread or
//!   until a blocking job (or another OS thread) calls [`Unparker::unpark`];
//! * [`yield_now`] on the root (preemption) gives every green thread that
//!   is runnable at that moment one turn, then returns;
//! * the **pump**, an executor task spawned with the first green thread, does
//!   the same whenever this thread's executor runs tasks (an event loop in
//!   `block_on`): the loop keeps turning while threads run beside it, and its
//!   idle wait ends when a sleeping thread's deadline comes or a blocking job
//!   finishes.
//!
//! A green thread that waits ([`park`], [`sleep_until`]) or is preempted
//! ([`yield_now`]) suspends back to whoever resumed it. It never resumes
//! another green thread itself, so stacks never nest beyond root -> one green
//! thread, and a thread is never resumed while it runs.
//!
//! [`set_switch_hooks`] lets the language save and restore its per-thread
//! state (current frame, exception state, recursion depth) at every switch:
//! `leave(id)` runs on the thread being left, `enter(id)` on the thread
//! being entered, so every switch is a `leave` of one followed by an `enter`
//! of the other.
//!
//! While any green thread exists this OS thread holds a
//! [`PendingIo`](crate::event_loop::PendingIo), so a virtual clock waits for
//! the threads instead of jumping.
//!
//! # Example
//!
//! ```
//! use std::{cell::RefCell, rc::Rc};
//! use towel_runtime::green;
//!
//! let log = Rc::new(RefCell::new(Vec::new()));
//! for name in ["a", "b"] {
//!     let log = log.clone();
//!     green::spawn(move || {
//!         for step in 0..2 {
//!             log.borrow_mut().push((name, step));
//!             green::yield_now();
//!         }
//!     })
//!     .unwrap();
//! }
//! // The root waits until both threads have finished.
//! while green::alive() > 0 {
//!     green::sleep_until(std::time::Instant::now());
//! }
//! assert_eq!(*log.borrow(), [("a", 0), ("b", 0), ("a", 1), ("b", 1)]);
//! ```

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

use corosensei::stack::{DefaultStack, Stack};
use corosensei::{Coroutine, CoroutineResult, Yielder};

/// Identifies a thread of this OS thread: [`ROOT`] or a green thread.
pub type ThreadId = u64;

/// The OS thread's own stack, which runs the program's main thread.
pub const ROOT: ThreadId = 0;

/// The size of each green thread's stack: as large as a main thread's
/// usually is, so that the same recursion fits. The memory is reserved, and
/// only touched pages are committed.
const STACK_SIZE: usize = 64 * 1024 * 1024;

type Green = Coroutine<(), (), (), DefaultStack>;

/// What a green thread is doing.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum State {
    /// In the run queue.
    Runnable,
    /// Waiting for [`unpark`] or its deadline.
    Parked(Option<Instant>),
    /// Resumed and running (or resuming the hub: never the case).
    Running,
}

struct Thread {
    /// Taken out while the thread runs, so that no borrow of the table is
    /// held across a switch.
    coroutine: Option<Green>,
    /// The thread's yielder, set when its function starts.
    yielder: *const Yielder<(), ()>,
    state: State,
    /// An [`unpark`] that came while the thread was not parked: its next
    /// [`park`] returns at once.
    token: bool,
    /// The lowest address of the thread's stack.
    stack_limit: usize,
}

/// What other OS threads (blocking jobs) send to this one.
struct Remote {
    woken: Mutex<Vec<ThreadId>>,
    unparker: parking::Unparker,
    waker: Mutex<Option<Waker>>,
}

type Hook = Box<dyn Fn(ThreadId)>;

struct Scheduler {
    threads: RefCell<HashMap<ThreadId, Thread>>,
    run_queue: RefCell<VecDeque<ThreadId>>,
    current: Cell<ThreadId>,
    next_id: Cell<ThreadId>,
    root_token: Cell<bool>,
    parker: parking::Parker,
    remote: Arc<Remote>,
    hooks: RefCell<Option<Rc<(Hook, Hook)>>>,
    pump_alive: Cell<bool>,
    pump_waker: RefCell<Option<Waker>>,
    pending_io: RefCell<Option<crate::event_loop::PendingIo>>,
}

impl Scheduler {
    fn new() -> Scheduler {
        let (parker, unparker) = parking::pair();
        Scheduler {
            threads: RefCell::new(HashMap::new()),
            run_queue: RefCell::new(VecDeque::new()),
            current: Cell::new(ROOT),
            next_id: Cell::new(1),
            root_token: Cell::new(false),
            parker,
            remote: Arc::new(Remote {
                woken: Mutex::new(Vec::new()),
                unparker,
                waker: Mutex::new(None),
            }),
            hooks: RefCell::new(None),
            pump_alive: Cell::new(false),
            pump_waker: RefCell::new(None),
            pending_io: RefCell::new(None),
        }
    }
}

impl Drop for Scheduler {
    /// Threads still suspended when the OS thread ends (daemon threads at
    /// exit) are abandoned, not unwound: unwinding would run their owners'
    /// destructors after the language has shut down.
    fn drop(&mut self) {
        for (_, thread) in self.threads.get_mut().drain() {
            std::mem::forget(thread.coroutine);
        }
    }
}

thread_local! {
    static SCHEDULER: Scheduler = Scheduler::new();
}

/// How often a running thread is asked to give way, in nanoseconds (CPython's
/// `sys.setswitchinterval`, 5 ms by default).
static SWITCH_INTERVAL_NANOS: AtomicU64 = AtomicU64::new(5_000_000);
/// Raised by the ticker: the running thread should call [`yield_now`].
static SWITCH_REQUESTED: AtomicBool = AtomicBool::new(false);
/// Green threads alive in the process, which keeps the ticker going.
static ALIVE: AtomicUsize = AtomicUsize::new(0);
static TICKER_RUNNING: AtomicBool = AtomicBool::new(false);
/// A flag the language's interpreter checks often (its "attention" flag),
/// raised with each switch request so that it looks at [`take_switch_request`].
type Notify = Box<dyn Fn() + Send + Sync>;
static NOTIFY: Mutex<Option<Notify>> = Mutex::new(None);

/// Sets the switch interval (`sys.setswitchinterval`).
///
/// ```
/// use std::time::Duration;
/// towel_runtime::green::set_switch_interval(Duration::from_millis(5));
/// assert_eq!(towel_runtime::green::switch_interval(), Duration::from_millis(5));
/// ```
pub fn set_switch_interval(interval: Duration) {
    let nanos = interval.as_nanos().clamp(1, u64::MAX as u128) as u64;
    SWITCH_INTERVAL_NANOS.store(nanos, Ordering::Relaxed);
}

/// The switch interval.
pub fn switch_interval() -> Duration {
    Duration::from_nanos(SWITCH_INTERVAL_NANOS.load(Ordering::Relaxed))
}

/// Registers what a switch request also does, on the ticker's thread:
/// typically raising an interpreter's "check something" flag, which it
/// polls often anyway, so that it then looks at [`take_switch_request`].
pub fn notify_switch_requests(notify: impl Fn() + Send + Sync + 'static) {
    *NOTIFY.lock().unwrap_or_else(|e| e.into_inner()) = Some(Box::new(notify));
}

/// Whether a switch interval has passed since the last call: then the running
/// thread should call [`yield_now`]. Cheap; false while no green thread exists.
///
/// ```
/// assert!(!towel_runtime::green::take_switch_request());
/// ```
pub fn take_switch_request() -> bool {
    SWITCH_REQUESTED.load(Ordering::Relaxed) && SWITCH_REQUESTED.swap(false, Ordering::AcqRel)
}

/// Starts the thread that raises switch requests, unless it runs; it stops
/// by itself when no green thread is left.
fn start_ticker() {
    if TICKER_RUNNING.swap(true, Ordering::AcqRel) {
        return;
    }
    let started = std::thread::Builder::new()
        .name("towel-switch-ticker".into())
        .spawn(|| loop {
            std::thread::sleep(switch_interval());
            if ALIVE.load(Ordering::Acquire) == 0 {
                TICKER_RUNNING.store(false, Ordering::Release);
                // A thread spawned meanwhile found the ticker still running.
                if ALIVE.load(Ordering::Acquire) == 0 || TICKER_RUNNING.swap(true, Ordering::AcqRel)
                {
                    return;
                }
            }
            SWITCH_REQUESTED.store(true, Ordering::Release);
            if let Some(notify) = &*NOTIFY.lock().unwrap_or_else(|e| e.into_inner()) {
                notify();
            }
        });
    if started.is_err() {
        // Without a ticker, threads still switch whenever one waits.
        TICKER_RUNNING.store(false, Ordering::Release);
    }
}

/// Registers the language's switch hooks: `leave(id)` runs on a thread just
/// before it is switched away from, `enter(id)` on a thread just after it is
/// switched to (for a new green thread, before its function starts).
pub fn set_switch_hooks(leave: impl Fn(ThreadId) + 'static, enter: impl Fn(ThreadId) + 'static) {
    SCHEDULER.with(|s| *s.hooks.borrow_mut() = Some(Rc::new((Box::new(leave), Box::new(enter)))));
}

fn hooks() -> Option<Rc<(Hook, Hook)>> {
    SCHEDULER.with(|s| s.hooks.borrow().clone())
}

/// Starts a green thread running `f`; it first runs when the root next
/// switches (waits, yields or runs its executor). Fails only when its stack
/// cannot be allocated.
pub fn spawn(f: impl FnOnce() + 'static) -> std::io::Result<ThreadId> {
    let stack = DefaultStack::new(STACK_SIZE)?;
    let stack_limit = stack.limit().get();
    SCHEDULER.with(|s| {
        let id = s.next_id.get();
        s.next_id.set(id + 1);
        let coroutine = Green::with_stack(stack, move |yielder, ()| {
            SCHEDULER.with(|s| {
                if let Some(t) = s.threads.borrow_mut().get_mut(&id) {
                    t.yielder = yielder as *const _;
                }
            });
            let hooks = hooks();
            if let Some(h) = &hooks {
                (h.1)(id);
            }
            f();
            if let Some(h) = &hooks {
                (h.0)(id);
            }
        });
        s.threads.borrow_mut().insert(
            id,
            Thread {
                coroutine: Some(coroutine),
                yielder: std::ptr::null(),
                state: State::Runnable,
                token: false,
                stack_limit,
            },
        );
        s.run_queue.borrow_mut().push_back(id);
        ALIVE.fetch_add(1, Ordering::AcqRel);
        if s.pending_io.borrow().is_none() {
            *s.pending_io.borrow_mut() = Some(crate::event_loop::PendingIo::new());
        }
        if !s.pump_alive.replace(true) {
            crate::spawn(Pump { timer: None }).detach();
        }
        s.wake_pump();
        start_ticker();
        Ok(id)
    })
}

/// The thread running now.
pub fn current() -> ThreadId {
    SCHEDULER.with(|s| s.current.get())
}

/// How many green threads of this OS thread have not finished.
pub fn alive() -> usize {
    SCHEDULER.with(|s| s.threads.borrow().len())
}

/// The lowest address of the running thread's stack, for stack-depth
/// checks; `None` on the root (whose limit the OS knows).
pub fn stack_limit() -> Option<usize> {
    SCHEDULER.with(|s| {
        let id = s.current.get();
        s.threads.borrow().get(&id).map(|t| t.stack_limit)
    })
}

/// Gives way: a green thread goes to the back of the run queue; the root lets
/// every green thread that is runnable now run once.
pub fn yield_now() {
    SCHEDULER.with(|s| {
        let me = s.current.get();
        if me == ROOT {
            s.collect_wakeups();
            s.run_round();
        } else {
            s.set_state(me, State::Runnable);
            s.run_queue.borrow_mut().push_back(me);
            s.suspend(me);
        }
    })
}

/// Blocks the running thread until [`unpark`] is called for it (or was
/// called since its last `park`) or `deadline` passes; other threads run
/// meanwhile. May return early, so callers re-check their condition.
pub fn park(deadline: Option<Instant>) {
    SCHEDULER.with(|s| {
        let me = s.current.get();
        if me == ROOT {
            s.hub(deadline, true);
            return;
        }
        {
            let mut threads = s.threads.borrow_mut();
            let Some(t) = threads.get_mut(&me) else {
                return;
            };
            if std::mem::take(&mut t.token) {
                return;
            }
            t.state = State::Parked(deadline);
        }
        s.suspend(me);
    })
}

/// Blocks the running thread until `deadline`, letting the others run.
pub fn sleep_until(deadline: Instant) {
    loop {
        let me = current();
        if me == ROOT {
            SCHEDULER.with(|s| s.hub(Some(deadline), false));
        } else {
            SCHEDULER.with(|s| {
                s.set_state(me, State::Parked(Some(deadline)));
                s.suspend(me);
            });
        }
        if Instant::now() >= deadline {
            return;
        }
    }
}

/// Makes `id` runnable if it is parked, or lets its next [`park`] return at
/// once. For this OS thread only; other OS threads use an [`Unparker`].
pub fn unpark(id: ThreadId) {
    SCHEDULER.with(|s| s.unpark(id))
}

/// A handle that wakes a parked thread of this OS thread from any OS thread
/// (the end of a blocking job).
#[derive(Clone)]
pub struct Unparker {
    id: ThreadId,
    remote: Arc<Remote>,
}

impl Unparker {
    /// Wakes the thread, as [`unpark`] would on its own OS thread.
    pub fn unpark(&self) {
        self.remote
            .woken
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(self.id);
        self.remote.unparker.unpark();
        if let Some(w) = &*self.remote.waker.lock().unwrap_or_else(|e| e.into_inner()) {
            w.wake_by_ref();
        }
    }
}

/// An [`Unparker`] for the running thread.
pub fn unparker() -> Unparker {
    SCHEDULER.with(|s| Unparker {
        id: s.current.get(),
        remote: s.remote.clone(),
    })
}

/// Runs a blocking function on the blocking pool while the other threads of
/// this OS thread go on, and returns its result. Without green threads it
/// simply calls `f`.
///
/// ```
/// assert_eq!(towel_runtime::green::run_blocking(|| 6 * 7), 42);
/// ```
pub fn run_blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    if alive() == 0 {
        return f();
    }
    let slot = Arc::new(Mutex::new(None));
    let unparker = unparker();
    let filled = slot.clone();
    let _pending = crate::event_loop::PendingIo::new();
    blocking::unblock(move || {
        let out = f();
        *filled.lock().unwrap_or_else(|e| e.into_inner()) = Some(out);
        unparker.unpark();
    })
    .detach();
    loop {
        if let Some(out) = slot.lock().unwrap_or_else(|e| e.into_inner()).take() {
            return out;
        }
        park(None);
    }
}

impl Scheduler {
    fn set_state(&self, id: ThreadId, state: State) {
        if let Some(t) = self.threads.borrow_mut().get_mut(&id) {
            t.state = state;
        }
    }

    fn unpark(&self, id: ThreadId) {
        if id == ROOT {
            self.root_token.set(true);
            return;
        }
        let mut threads = self.threads.borrow_mut();
        let Some(t) = threads.get_mut(&id) else {
            return;
        };
        match t.state {
            State::Parked(_) => {
                t.state = State::Runnable;
                self.run_queue.borrow_mut().push_back(id);
                drop(threads);
                self.wake_pump();
            }
            State::Running | State::Runnable => t.token = true,
        }
    }

    fn wake_pump(&self) {
        if let Some(w) = &*self.pump_waker.borrow() {
            w.wake_by_ref();
        }
    }

    /// Moves threads woken by other OS threads, and sleepers whose deadline
    /// passed, to the run queue; returns the earliest deadline still ahead.
    fn collect_wakeups(&self) -> Option<Instant> {
        let woken =
            std::mem::take(&mut *self.remote.woken.lock().unwrap_or_else(|e| e.into_inner()));
        for id in woken {
            self.unpark(id);
        }
        let now = Instant::now();
        let mut earliest: Option<Instant> = None;
        let mut due = Vec::new();
        for (id, t) in self.threads.borrow_mut().iter_mut() {
            if let State::Parked(Some(deadline)) = t.state {
                if deadline <= now {
                    t.state = State::Runnable;
                    due.push(*id);
                } else {
                    earliest = Some(earliest.map_or(deadline, |e| e.min(deadline)));
                }
            }
        }
        due.sort_unstable();
        self.run_queue.borrow_mut().extend(due);
        earliest
    }

    /// Runs each thread that is runnable now once.
    fn run_round(&self) {
        let n = self.run_queue.borrow().len();
        for _ in 0..n {
            let Some(id) = self.run_queue.borrow_mut().pop_front() else {
                break;
            };
            self.resume(id);
        }
    }

    /// The root's wait: runs green threads until the root is unparked (when
    /// `parkable`) or `deadline` passes.
    fn hub(&self, deadline: Option<Instant>, parkable: bool) {
        // Everyone runnable gets a turn first, even when the wait is over
        // already (`time.sleep(0)` gives way, as in CPython).
        self.collect_wakeups();
        self.run_round();
        loop {
            if parkable && self.root_token.take() {
                return;
            }
            let earliest = self.collect_wakeups();
            if parkable && self.root_token.take() {
                return;
            }
            if deadline.is_some_and(|d| Instant::now() >= d) {
                return;
            }
            let next = self.run_queue.borrow_mut().pop_front();
            if let Some(id) = next {
                self.resume(id);
                continue;
            }
            let until = match (deadline, earliest) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            match until {
                Some(t) => {
                    self.parker.park_deadline(t);
                }
                None => self.parker.park(),
            }
        }
    }

    fn resume(&self, id: ThreadId) {
        let coroutine = {
            let mut threads = self.threads.borrow_mut();
            let Some(t) = threads.get_mut(&id) else {
                return;
            };
            if t.state != State::Runnable {
                return;
            }
            t.state = State::Running;
            t.coroutine.take()
        };
        let Some(mut coroutine) = coroutine else {
            return;
        };
        let before = self.current.replace(id);
        let hooks = hooks();
        if let Some(h) = &hooks {
            (h.0)(before);
        }
        let result = coroutine.resume(());
        if let Some(h) = &hooks {
            (h.1)(before);
        }
        self.current.set(before);
        match result {
            CoroutineResult::Yield(()) => {
                if let Some(t) = self.threads.borrow_mut().get_mut(&id) {
                    t.coroutine = Some(coroutine);
                }
            }
            CoroutineResult::Return(()) => {
                self.threads.borrow_mut().remove(&id);
                drop(coroutine);
                ALIVE.fetch_sub(1, Ordering::AcqRel);
                if self.threads.borrow().is_empty() {
                    self.pending_io.borrow_mut().take();
                }
            }
        }
    }

    /// Suspends green thread `me` back to whoever resumed it.
    fn suspend(&self, me: ThreadId) {
        let yielder = match self.threads.borrow().get(&me) {
            Some(t) => t.yielder,
            None => return,
        };
        let hooks = hooks();
        if let Some(h) = &hooks {
            (h.0)(me);
        }
        // SAFETY: `yielder` was set by `me`'s own coroutine function when it
        // started, and that function is still running (it is the caller, on
        // `me`'s stack), so the yielder it was given is alive.
        unsafe { (*yielder).suspend(()) };
        if let Some(h) = &hooks {
            (h.1)(me);
        }
    }
}

/// The executor task that runs green threads while an event loop turns.
struct Pump {
    timer: Option<async_io::Timer>,
}

impl Future for Pump {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let earliest = SCHEDULER.with(|s| {
            if s.threads.borrow().is_empty() {
                s.pump_alive.set(false);
                *s.pump_waker.borrow_mut() = None;
                return Err(());
            }
            *s.pump_waker.borrow_mut() = Some(cx.waker().clone());
            *s.remote.waker.lock().unwrap_or_else(|e| e.into_inner()) = Some(cx.waker().clone());
            if s.current.get() != ROOT {
                return Ok(None);
            }
            s.collect_wakeups();
            s.run_round();
            if s.threads.borrow().is_empty() {
                s.pump_alive.set(false);
                *s.pump_waker.borrow_mut() = None;
                return Err(());
            }
            let earliest = s.collect_wakeups();
            if !s.run_queue.borrow().is_empty() {
                cx.waker().wake_by_ref();
            }
            Ok(earliest)
        });
        match earliest {
            Err(()) => Poll::Ready(()),
            Ok(None) => Poll::Pending,
            Ok(Some(deadline)) => {
                let timer = self
                    .timer
                    .get_or_insert_with(|| async_io::Timer::at(deadline));
                timer.set_at(deadline);
                let _ = Pin::new(timer).poll(cx);
                Poll::Pending
            }
        }
    }
}
