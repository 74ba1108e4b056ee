//! The thread-local executor and the loop that drives it.
//!
//! # How it works
//!
//! Each thread owns one [`LocalExecutor`] in a thread-local. [`spawn`] pushes
//! a task onto it; the task's `Runnable` (its handle to be polled) goes to the
//! back of the executor's global queue every time it is woken, and
//! [`LocalExecutor::try_tick`] pops from the front. This crate only ever runs
//! tasks through `try_tick` (and, when idle, through one pending
//! [`LocalExecutor::tick`], which pops from the same queue), never through
//! `LocalExecutor::run`, whose work-stealing runner exists for multi-threaded
//! executors. Scheduling is therefore strictly FIFO: tasks run in the order in
//! which they were spawned or woken. The language's `asyncio` relies on that
//! for `call_soon` ordering.
//!
//! [`block_on`] hands a [`Driver`] to [`async_io::block_on`]. `async_io`
//! parks the thread and, while parked, polls the OS reactor (epoll, kqueue...)
//! for I/O readiness and real timers. Each time the driver is polled it:
//!
//! 1. polls the main future if (and only if) its waker fired;
//! 2. runs ready tasks, front of the queue first, until the queue is empty
//!    or a budget of [`BUDGET`] tasks is spent, then goes back to 1 if any
//!    ran. On budget exhaustion it wakes itself and returns `Pending`, so
//!    `async_io` gets to poll the reactor without blocking before the next
//!    batch: a busy program still sees its sockets and timers, and the main
//!    future gets polled at least every [`BUDGET`] tasks;
//! 3. when no task is ready it polls a stored `LocalExecutor::tick` future.
//!    That registers the driver's waker with the executor, so a task woken
//!    later (by another task, a timer, a socket or another thread) unparks the
//!    thread;
//! 4. if this thread uses a [`VirtualClock`](crate::time::VirtualClock) with
//!    pending timers and no [`PendingIo`](crate::event_loop::PendingIo) is
//!    alive, it advances the clock instead of parking (see [`crate::time`]):
//!    first it yields once to `async_io` so that I/O which is already ready
//!    is seen before time jumps, then it moves the clock to the earliest
//!    deadline and loops;
//! 5. otherwise it returns `Pending` and `async_io` parks the thread.
//!
//! The main future is thus polled between batches of tasks, not queued among
//! them: a main future that yields with [`yield_now`] lets every ready task
//! run first. `block_on` returns as soon as the main future is ready, even if
//! tasks are still ready: they stay queued and run at the next `block_on`,
//! [`try_tick`] or [`run_ready`] on this thread.

use std::cell::Cell;
use std::future::Future;
use std::pin::{pin, Pin};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

use async_executor::LocalExecutor;

use crate::time;

/// A spawned task: await it for its output, [`cancel`](Task::cancel) it or
/// [`detach`](Task::detach) it.
///
/// Dropping a `Task` cancels it (its future is dropped at the next
/// opportunity); call [`Task::detach`] to let it run to completion unobserved.
/// If the task's future panics, awaiting the `Task` resumes that panic in the
/// awaiting code; a detached task's panic is discarded.
///
/// This is [`async_executor::Task`] (which is [`async_task::Task`]), so it is
/// also the type that [`spawn_blocking`](crate::spawn_blocking) returns. It is
/// `Unpin`: a hand-written future can poll it with
/// `Pin::new(&mut task).poll(cx)`.
///
/// [`async_task::Task`]: https://docs.rs/async-task/4/async_task/struct.Task.html
pub use async_executor::Task;

/// Gives other ready tasks a chance to run: the current task goes to the back
/// of the queue, behind every task that is ready now.
///
/// ```
/// use std::{cell::RefCell, rc::Rc};
/// use towel_runtime::{block_on, spawn, yield_now};
///
/// let log = Rc::new(RefCell::new(Vec::new()));
/// block_on(async {
///     let tasks: Vec<_> = (0..2)
///         .map(|id| {
///             let log = log.clone();
///             spawn(async move {
///                 for step in 0..2 {
///                     log.borrow_mut().push((id, step));
///                     yield_now().await;
///                 }
///             })
///         })
///         .collect();
///     for task in tasks {
///         task.await;
///     }
/// });
/// assert_eq!(*log.borrow(), [(0, 0), (1, 0), (0, 1), (1, 1)]);
/// ```
pub use futures_lite::future::yield_now;

/// How many tasks the driver runs before it lets `async_io` poll the reactor.
///
/// The same number `LocalExecutor::run` uses; large enough that the reactor
/// check is rare, small enough that I/O is not starved by a busy program.
const BUDGET: usize = 200;

thread_local! {
    /// This thread's executor. `'static` because spawned futures are.
    static EXECUTOR: LocalExecutor<'static> = const { LocalExecutor::new() };

    /// Set while this thread is inside [`block_on`], to refuse nesting.
    static IN_BLOCK_ON: Cell<bool> = const { Cell::new(false) };
}

/// Spawns a future onto the current thread's executor and returns a handle to
/// its output.
///
/// The future need not be `Send`: it only ever runs on this thread. It starts
/// running the next time this thread's executor runs tasks ([`block_on`],
/// [`try_tick`] or [`run_ready`]), after every task that was already ready
/// (FIFO).
///
/// # Panics
///
/// Panics if called while the thread is being torn down (from a thread-local
/// destructor), when the executor no longer exists.
pub fn spawn<T: 'static>(future: impl Future<Output = T> + 'static) -> Task<T> {
    EXECUTOR.with(|ex| ex.spawn(future))
}

/// Runs the current thread's executor until `future` completes, and returns
/// its output.
///
/// Spawned tasks make progress while `block_on` waits; I/O and timers are
/// driven by async-io's reactor. With a
/// [`VirtualClock`](crate::time::VirtualClock) installed on this thread,
/// simulated time advances whenever nothing is ready to run. The module
/// documentation explains the loop in detail.
///
/// Tasks that are still pending or ready when `future` completes are kept and
/// resume at the next `block_on` on this thread.
///
/// # Panics
///
/// Nesting is not supported: calling `block_on` from inside a future or task
/// that the same thread's `block_on` is running panics, because the inner
/// call would have to run the outer call's tasks re-entrantly. Check
/// [`in_block_on`] first where nesting can happen (for instance when a script
/// calls `asyncio.run` from a coroutine), and spawn the future instead. Panics
/// of `future` itself propagate.
pub fn block_on<T>(future: impl Future<Output = T>) -> T {
    let _guard = BlockOnGuard::enter();
    let future = pin!(future);
    EXECUTOR.with(|ex| async_io::block_on(Driver::new(ex, future)))
}

/// Lends the current thread's executor to `f` (for the event-loop helpers in
/// `crate::event_loop`, which need to wait for a task without running a whole
/// `block_on`).
pub(crate) fn with_executor<R>(f: impl FnOnce(&LocalExecutor<'static>) -> R) -> R {
    EXECUTOR.with(f)
}

/// Tells whether the current thread is inside [`block_on`], where a nested
/// `block_on` would panic.
pub fn in_block_on() -> bool {
    IN_BLOCK_ON.with(Cell::get)
}

/// Runs one ready task of the current thread's executor, if there is one, and
/// tells whether it did.
///
/// This is a building block for an event loop that wants to interleave its own
/// work with the executor's. It does not wait, and it neither polls the OS
/// reactor itself nor advances a virtual clock: I/O and real timers are still
/// delivered meanwhile by async-io's background thread, which drives the
/// reactor whenever no thread is inside `block_on`.
pub fn try_tick() -> bool {
    EXECUTOR.with(LocalExecutor::try_tick)
}

/// Runs every task that is ready now, in FIFO order, then returns how many ran.
///
/// Tasks woken while this runs (including a task that wakes itself with
/// [`yield_now`]) are not run: they wait for the next call, like the
/// callbacks scheduled during one iteration of an `asyncio` event loop. It
/// works by spawning a marker task at the back of the queue and ticking until
/// the marker has run. Like [`try_tick`], it never waits.
pub fn run_ready() -> usize {
    let reached = Rc::new(Cell::new(false));
    let marker = {
        let reached = reached.clone();
        spawn(async move { reached.set(true) })
    };
    let mut ran: usize = 0;
    while !reached.get() && try_tick() {
        ran += 1;
    }
    drop(marker);
    // The marker itself was one of the ticks, unless someone else ran it.
    if reached.get() {
        ran.saturating_sub(1)
    } else {
        ran
    }
}

/// Marks the thread as inside [`block_on`] for as long as it lives, including
/// while unwinding from a panic.
struct BlockOnGuard;

impl BlockOnGuard {
    fn enter() -> Self {
        IN_BLOCK_ON.with(|inside| {
            assert!(
                !inside.replace(true),
                "towel_runtime::block_on called inside block_on on the same thread; \
                 spawn the future instead (see `in_block_on`)"
            );
        });
        BlockOnGuard
    }
}

impl Drop for BlockOnGuard {
    fn drop(&mut self) {
        IN_BLOCK_ON.with(|inside| inside.set(false));
    }
}

/// The waker given to the main future: it records that the main future asked
/// to be polled, then wakes `async_io::block_on`, so the driver polls the main
/// future only when it has something to report.
struct MainWaker {
    woken: AtomicBool,
    outer: Waker,
}

impl Wake for MainWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.woken.store(true, Ordering::Release);
        self.outer.wake_by_ref();
    }
}

/// The future that [`block_on`] hands to `async_io::block_on`: polls the main
/// future, runs the executor's tasks and advances a virtual clock (see the
/// module documentation).
struct Driver<'a, F> {
    executor: &'a LocalExecutor<'static>,
    main: Pin<&'a mut F>,
    /// The main future's waker, and the `MainWaker` behind it; rebuilt if the
    /// outer waker changes.
    main_waker: Option<(Arc<MainWaker>, Waker)>,
    /// A pending `LocalExecutor::tick`, kept while idle so the executor knows
    /// whom to wake when a task becomes ready.
    ticker: Option<Pin<Box<dyn Future<Output = ()> + 'a>>>,
    /// Whether the driver already yielded to the reactor once since it last
    /// found work; a virtual clock only jumps after that.
    reactor_checked: bool,
}

impl<'a, F: Future> Driver<'a, F> {
    fn new(executor: &'a LocalExecutor<'static>, main: Pin<&'a mut F>) -> Self {
        Driver {
            executor,
            main,
            main_waker: None,
            ticker: None,
            reactor_checked: false,
        }
    }

    /// Returns the main future's waker, built around `outer` (the waker of
    /// `async_io::block_on`, stable across polls in practice).
    fn main_waker(&mut self, outer: &Waker) -> (Arc<MainWaker>, Waker) {
        match &self.main_waker {
            Some((state, waker)) if state.outer.will_wake(outer) => (state.clone(), waker.clone()),
            _ => {
                let state = Arc::new(MainWaker {
                    // A fresh waker means nobody can have woken us yet: poll.
                    woken: AtomicBool::new(true),
                    outer: outer.clone(),
                });
                let waker = Waker::from(state.clone());
                self.main_waker = Some((state.clone(), waker.clone()));
                (state, waker)
            }
        }
    }
}

impl<F: Future> Future for Driver<'_, F> {
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let this = self.get_mut();
        let (main_state, main_waker) = this.main_waker(cx.waker());
        let mut budget = BUDGET;
        loop {
            // 1. The main future, when its waker fired.
            if main_state.woken.swap(false, Ordering::AcqRel) {
                let mut main_cx = Context::from_waker(&main_waker);
                if let Poll::Ready(output) = this.main.as_mut().poll(&mut main_cx) {
                    return Poll::Ready(output);
                }
            }

            // 2. Ready tasks, FIFO, until none is left.
            let mut ran = false;
            loop {
                if budget == 0 {
                    cx.waker().wake_by_ref();
                    return Poll::Pending;
                }
                if !this.executor.try_tick() {
                    break;
                }
                budget -= 1;
                ran = true;
            }
            if ran || main_state.woken.load(Ordering::Acquire) {
                this.reactor_checked = false;
                continue;
            }

            // 3. Idle: register with the executor so a new ready task wakes us.
            let executor = this.executor;
            let ticker = this.ticker.get_or_insert_with(|| Box::pin(executor.tick()));
            if ticker.as_mut().poll(cx).is_ready() {
                // A task became ready in the meantime and the ticker ran it.
                this.ticker = None;
                this.reactor_checked = false;
                budget = budget.saturating_sub(1);
                continue;
            }

            // 4. Idle with a virtual clock: jump to the next deadline,
            // unless a real event is expected soon.
            if let Some(clock) = time::current_virtual_clock() {
                if clock.next_deadline().is_some() && crate::event_loop::pending_io() == 0 {
                    if !this.reactor_checked {
                        this.reactor_checked = true;
                        cx.waker().wake_by_ref();
                        return Poll::Pending;
                    }
                    this.reactor_checked = false;
                    clock.advance_to_next();
                    continue;
                }
            }

            // 5. Nothing to do until a waker fires: let async_io park.
            this.reactor_checked = false;
            return Poll::Pending;
        }
    }
}
