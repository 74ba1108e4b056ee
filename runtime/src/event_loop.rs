//! An event loop run in iterations, as `asyncio`'s is: timers kept in
//! (deadline, sequence) order, the executor's ready tasks, and a wait in
//! between that is either real (the OS reactor) or virtual (a jump of the
//! thread's [`VirtualClock`](crate::time::VirtualClock)).
//!
//! # How an iteration works
//!
//! [`EventLoop::run_once`] is one turn of the loop, CPython's
//! `BaseEventLoop._run_once` rebuilt on the executor's FIFO queue:
//!
//! 0. The thread's selector ([`watch::poll_ready`](crate::watch::poll_ready))
//!    is polled without blocking, so the descriptors that became ready
//!    wake their tasks, which go to the back of the executor's queue:
//!    CPython's `select(0)` at the top of every iteration. A busy loop
//!    therefore still sees its sockets each turn, and a descriptor's event
//!    is handled behind the callbacks the previous iteration scheduled.
//! 1. The timers whose deadline has come on this thread's clock
//!    ([`time::now`]) leave the queue in (deadline, sequence) order and go to
//!    the back of the executor's queue as one task, which fires them one
//!    after the other. They run after every task that was already ready,
//!    exactly where CPython appends due timers to its ready queue.
//! 2. [`run_ready`] runs the tasks that are ready at that point, and only
//!    those: work they schedule waits for the next iteration.
//! 3. If nothing ran, the loop waits, as far as the caller's [`Wait`]
//!    allows, until the next timer is due or a task becomes ready; a task
//!    that becomes ready during the wait runs at once.
//!
//! The sequence number is the timer's creation order, so timers with equal
//! deadlines fire in the order they were made. CPython gets the same order
//! from real clocks, whose readings practically never tie; with a virtual
//! clock they tie all the time, and the sequence keeps the order CPython
//! would have shown in real time.
//!
//! # Waiting, real and virtual
//!
//! With the real clock the thread parks in async-io's reactor until a task
//! becomes ready (socket readiness, a runtime timer, a wake-up from another
//! thread, Ctrl-C caught by [`signal::on_interrupt`](crate::signal::on_interrupt))
//! or the loop's next deadline passes.
//!
//! With a virtual clock installed on the thread ([`time::use_virtual_clock`]),
//! an idle loop first polls the reactor without blocking, so that I/O which
//! has already happened is seen before time moves. Then, unless a
//! [`PendingIo`] is alive on the thread, the clock jumps to the earliest
//! deadline among the loop's timers, the clock's own sleeps and the caller's
//! limit, and the next iteration fires what became due. Time therefore only
//! passes while every task waits on time. While a `PendingIo` is alive the
//! loop waits for real events instead: the clock does not jump while a
//! socket operation or a thread is outstanding.
//!
//! # Readiness sources
//!
//! Anything that delivers events from the outside world (sockets, child
//! processes, thread pools, signals) plugs in the same way: it is an
//! executor task (or a waker registered by one) that async-io's reactor or
//! another thread wakes, so the wait above ends when it has news. A source
//! whose event is due soon (a connect, a write being flushed, a job on a
//! thread) holds a [`PendingIo`] for as long as it is outstanding, so that
//! virtual time waits for it; a source that may legitimately wait forever (a
//! listening socket, a connection waiting for its peer's next request) holds
//! none. [`spawn_blocking`](crate::spawn_blocking) holds one for its job.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::fmt;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::{pin, Pin};
use std::rc::Rc;
use std::task::Poll;
use std::time::Instant;

use crate::executor::with_executor;
use crate::{run_ready, spawn, time};

/// Where a timer sits in an [`EventLoop`]'s queue: its deadline, then its
/// creation number. Keep it to [`cancel`](EventLoop::cancel) the timer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimerKey {
    deadline: Instant,
    seq: u64,
}

impl TimerKey {
    /// The instant at which the timer is due, on the clock of the thread
    /// that runs the loop.
    pub fn deadline(&self) -> Instant {
        self.deadline
    }
}

/// How long [`EventLoop::run_once`] may wait when it finds nothing to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wait {
    /// Not at all: return at once (CPython's loop after `stop()`).
    Never,
    /// Until the loop's next timer, a ready task, or this instant on the
    /// thread's clock, whichever comes first.
    Until(Instant),
    /// Until the loop's next timer or a ready task.
    Forever,
}

/// An event loop's timers and its iteration; `T` is what a timer carries,
/// handed to the loop's `fire` function when it is due.
///
/// The loop runs on the current thread's executor: tasks spawned with
/// [`spawn`] run in its iterations. Several loops may exist on a thread;
/// each fires only its own timers, and only while something calls its
/// [`run_once`](EventLoop::run_once).
///
/// ```
/// use std::{cell::RefCell, rc::Rc, time::Duration};
/// use towel_runtime::event_loop::{EventLoop, Wait};
/// use towel_runtime::{spawn, time};
///
/// time::use_virtual_clock();
/// let log = Rc::new(RefCell::new(Vec::new()));
/// let event_loop = {
///     let log = log.clone();
///     EventLoop::new(move |name: &'static str| log.borrow_mut().push(name))
/// };
/// let start = time::now();
/// event_loop.call_at(start + Duration::from_secs(2), "later");
/// event_loop.call_at(start + Duration::from_secs(1), "sooner");
/// let log2 = log.clone();
/// spawn(async move { log2.borrow_mut().push("task") }).detach();
/// while event_loop.timers() > 0 {
///     event_loop.run_once(Wait::Forever);
/// }
/// assert_eq!(*log.borrow(), ["task", "sooner", "later"]);
/// assert_eq!(time::now() - start, Duration::from_secs(2));
/// ```
pub struct EventLoop<T: 'static> {
    timers: RefCell<BTreeMap<TimerKey, T>>,
    next_seq: Cell<u64>,
    fire: Rc<dyn Fn(T)>,
}

impl<T: 'static> EventLoop<T> {
    /// A loop with no timers, whose due timers are handed to `fire`.
    pub fn new(fire: impl Fn(T) + 'static) -> Self {
        EventLoop {
            timers: RefCell::new(BTreeMap::new()),
            next_seq: Cell::new(0),
            fire: Rc::new(fire),
        }
    }

    /// Schedules `timer` for `deadline` (an instant of this thread's clock,
    /// see [`time::now`]) and returns its key. A deadline in the past fires
    /// at the next iteration.
    pub fn call_at(&self, deadline: Instant, timer: T) -> TimerKey {
        let seq = self.next_seq.get();
        self.next_seq.set(seq + 1);
        let key = TimerKey { deadline, seq };
        self.timers.borrow_mut().insert(key, timer);
        key
    }

    /// Removes a timer that has not fired yet and returns what it carried.
    ///
    /// ```
    /// use towel_runtime::{event_loop::EventLoop, time};
    ///
    /// let event_loop = EventLoop::new(|_: u32| unreachable!());
    /// let key = event_loop.call_at(time::now(), 7);
    /// assert_eq!(event_loop.cancel(key), Some(7));
    /// assert_eq!(event_loop.cancel(key), None); // already gone
    /// ```
    pub fn cancel(&self, key: TimerKey) -> Option<T> {
        self.timers.borrow_mut().remove(&key)
    }

    /// The earliest deadline among the pending timers.
    pub fn next_deadline(&self) -> Option<Instant> {
        self.timers.borrow().keys().next().map(TimerKey::deadline)
    }

    /// How many timers are pending.
    pub fn timers(&self) -> usize {
        self.timers.borrow().len()
    }

    /// Calls `visit` with every pending timer, in firing order (for a garbage
    /// collector that must see what timers hold). `visit` must not schedule
    /// or cancel timers of this loop.
    pub fn for_each_timer(&self, mut visit: impl FnMut(&T)) {
        for timer in self.timers.borrow().values() {
            visit(timer);
        }
    }

    /// Drops every pending timer (when the loop is closed).
    pub fn clear(&self) {
        let old = std::mem::take(&mut *self.timers.borrow_mut());
        drop(old); // After the borrow ends: dropping a timer may run code.
    }

    /// Runs one iteration (see the module documentation) and returns how
    /// many executor tasks ran, counting the task that fired due timers.
    ///
    /// ```
    /// use towel_runtime::event_loop::{EventLoop, Wait};
    /// use towel_runtime::{spawn, yield_now};
    ///
    /// let event_loop = EventLoop::new(|(): ()| {});
    /// spawn(async { yield_now().await }).detach();
    /// assert_eq!(event_loop.run_once(Wait::Never), 1); // the first step
    /// assert_eq!(event_loop.run_once(Wait::Never), 1); // after the yield
    /// assert_eq!(event_loop.run_once(Wait::Never), 0); // nothing left
    /// ```
    pub fn run_once(&self, wait: Wait) -> usize {
        crate::watch::poll_ready();
        let due = self.take_due(time::now());
        let fired = !due.is_empty();
        if fired {
            let fire = self.fire.clone();
            spawn(async move {
                for timer in due {
                    fire(timer);
                }
            })
            .detach();
        }
        let ran = run_ready();
        if ran > 0 || fired {
            return ran;
        }
        self.wait_idle(wait)
    }

    /// Removes the timers due at `now`, in firing order.
    fn take_due(&self, now: Instant) -> Vec<T> {
        let mut timers = self.timers.borrow_mut();
        let mut due = Vec::new();
        while let Some(entry) = timers.first_entry() {
            if entry.key().deadline > now {
                break;
            }
            due.push(entry.remove());
        }
        due
    }

    /// Step 3 of an iteration: waits for a ready task (and runs it, returning
    /// 1) or for the next deadline (returning 0).
    fn wait_idle(&self, wait: Wait) -> usize {
        let limit = match wait {
            Wait::Never => return 0,
            Wait::Until(limit) => Some(limit),
            Wait::Forever => None,
        };
        let deadline = earliest(self.next_deadline(), limit);
        let Some(clock) = time::current_virtual_clock() else {
            return usize::from(run_one_or_wait(deadline));
        };
        if run_one_if_io_ready() {
            return 1;
        }
        if pending_io() > 0 {
            return usize::from(run_one_or_wait(None));
        }
        match earliest(deadline, clock.next_deadline()) {
            Some(target) => {
                clock.advance_to(target);
                0
            }
            // Nothing will ever be due: only the outside world can help.
            None => usize::from(run_one_or_wait(None)),
        }
    }
}

impl<T: 'static> fmt::Debug for EventLoop<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EventLoop")
            .field("timers", &self.timers())
            .field("next_deadline", &self.next_deadline())
            .finish()
    }
}

fn earliest(a: Option<Instant>, b: Option<Instant>) -> Option<Instant> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, None) => a,
        (None, b) => b,
    }
}

/// Waits until a task of this thread's executor is ready and runs it, or until
/// `deadline` passes, whichever comes first; tells whether a task ran.
///
/// `deadline` is a real instant ([`Instant::now`]'s clock), whatever clock
/// the thread uses. While waiting, the thread parks in async-io's reactor, so
/// I/O readiness, real timers and wake-ups from other threads (such as
/// [`spawn_blocking`](crate::spawn_blocking) completions) all end the wait. A
/// task that is already ready runs at once, even if the deadline has passed.
/// With no deadline it waits until some task is ready. A Ctrl-C caught by
/// [`signal::on_interrupt`](crate::signal::on_interrupt) also ends the wait.
/// [`EventLoop::run_once`] is built on it; use it directly only for a loop of
/// your own.
pub fn run_one_or_wait(deadline: Option<Instant>) -> bool {
    with_executor(|executor| {
        let mut tick = pin!(executor.tick());
        let mut timer = deadline.map(async_io::Timer::at);
        async_io::block_on(std::future::poll_fn(|cx| {
            if tick.as_mut().poll(cx).is_ready() {
                return Poll::Ready(true);
            }
            if crate::signal::poll_interrupted(cx) {
                return Poll::Ready(false);
            }
            if let Some(t) = timer.as_mut() {
                if Pin::new(t).poll(cx).is_ready() {
                    return Poll::Ready(false);
                }
            }
            Poll::Pending
        }))
    })
}

/// Lets the reactor deliver the I/O events that have already happened,
/// without blocking, and runs one task if that (or anything else) made one
/// ready; tells whether a task ran.
fn run_one_if_io_ready() -> bool {
    with_executor(|executor| {
        let mut tick = pin!(executor.tick());
        let mut yielded = false;
        // A future that wakes itself and returns `Pending` makes
        // `async_io::block_on` poll the reactor with a zero timeout before
        // polling it again.
        async_io::block_on(std::future::poll_fn(|cx| {
            if tick.as_mut().poll(cx).is_ready() {
                return Poll::Ready(true);
            }
            if yielded {
                return Poll::Ready(false);
            }
            yielded = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }))
    })
}

thread_local! {
    /// How many [`PendingIo`] guards are alive on this thread.
    static PENDING_IO: Cell<usize> = const { Cell::new(0) };
}

/// A real event this thread is waiting for and expects soon (a connect, a
/// write being flushed, a job on another thread): while a `PendingIo` is
/// alive, a virtual clock does not jump, and an idle [`EventLoop`] waits for
/// real events instead (see the module documentation).
///
/// Create it where the operation starts and drop it where its result is
/// delivered, on the same thread; it is neither `Send` nor `Sync`.
///
/// ```
/// use towel_runtime::event_loop::{pending_io, PendingIo};
///
/// assert_eq!(pending_io(), 0);
/// let connecting = PendingIo::new();
/// assert_eq!(pending_io(), 1);
/// drop(connecting);
/// assert_eq!(pending_io(), 0);
/// ```
#[derive(Debug)]
#[must_use = "the operation counts as pending only while the guard lives"]
pub struct PendingIo {
    _not_send: PhantomData<*const ()>,
}

impl PendingIo {
    /// Counts one more outstanding operation on this thread.
    pub fn new() -> Self {
        PENDING_IO.with(|n| n.set(n.get() + 1));
        PendingIo {
            _not_send: PhantomData,
        }
    }
}

impl Default for PendingIo {
    fn default() -> Self {
        PendingIo::new()
    }
}

impl Drop for PendingIo {
    fn drop(&mut self) {
        // `try_with`: a guard may be dropped during thread teardown.
        let _ = PENDING_IO.try_with(|n| n.set(n.get().saturating_sub(1)));
    }
}

/// How many [`PendingIo`] guards are alive on this thread.
pub fn pending_io() -> usize {
    PENDING_IO.try_with(Cell::get).unwrap_or(0)
}
