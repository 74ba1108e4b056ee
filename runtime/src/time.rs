//! Sleeps, timeouts, intervals, and a virtual clock for simulated time.
//!
//! Every timer reads the clock of the thread that creates it. By default that
//! is real time: a [`Sleep`] wraps an [`async_io::Timer`], which async-io's
//! reactor fires. After [`use_virtual_clock`], timers created on the thread use
//! a [`VirtualClock`] instead, and a program that sleeps for an hour finishes
//! as soon as its real work is done. A timer keeps the clock it was created
//! with, so switching clocks only affects timers created afterwards.
//!
//! # Precision
//!
//! A real timer never fires before its deadline. It fires after it by however
//! long the reactor and the OS take to wake the thread: typically well under
//! a millisecond on an idle machine, more on a loaded one or while the
//! executor's thread is busy running other tasks (a task that never yields
//! delays every timer on its thread). Deadlines are [`Instant`]s, so time is
//! monotonic and unaffected by changes to the wall clock. A deadline too far
//! in the future to be represented (say `Duration::MAX`) never fires.
//!
//! Virtual timers are exact: a task sleeping until `t` wakes when the virtual
//! clock reads exactly `t`.
//!
//! # Order
//!
//! Timers that become due together wake their tasks in (deadline, creation)
//! order, and the executor then runs those tasks in that order (it is FIFO).
//! With a virtual clock this is guaranteed, ties included. With real time,
//! timers that fire in the same reactor turn are woken in deadline order, and
//! equal deadlines (only possible with [`sleep_until`] on the same `Instant`)
//! in the order in which they were first polled.
//!
//! # How the virtual clock advances
//!
//! A [`VirtualClock`] holds the current virtual time and a queue of pending
//! timers keyed by (deadline, creation number), each with the waker of the
//! task waiting on it. A timer joins the queue when it is created (not when it
//! is first polled) and leaves it when it fires or is dropped. Nothing moves
//! the clock except [`VirtualClock::advance`], [`VirtualClock::advance_to`],
//! [`VirtualClock::advance_to_next`], [`block_on`](crate::block_on) and
//! [`EventLoop::run_once`](crate::event_loop::EventLoop::run_once): when
//! its thread's executor has no task ready to run and the main future (or
//! the event loop) is waiting, they first let the reactor deliver any I/O
//! that is already ready, then jump to the earliest deadline and wake every
//! timer due at that instant, in creation order. So time only passes while
//! the program is blocked on time.
//!
//! Time does not jump while a [`PendingIo`](crate::event_loop::PendingIo)
//! is alive on the thread (a socket operation or a
//! [`spawn_blocking`](crate::spawn_blocking) job that will complete soon):
//! the thread waits for that real event first. A task that waits for real
//! I/O without such a guard (a listening socket, say) does not hold time
//! back.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;
use std::future::{Future, IntoFuture};
use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError};
use std::task::{Context, Poll, Waker};
pub use std::time::{Duration, Instant, SystemTime};

use futures_lite::Stream;

thread_local! {
    /// The clock of this thread: `None` means real time.
    static CLOCK: RefCell<Option<VirtualClock>> = const { RefCell::new(None) };
}

/// Returns the current time according to this thread's clock: the virtual
/// time if [`use_virtual_clock`] is in effect, [`Instant::now`] otherwise.
pub fn now() -> Instant {
    match current_virtual_clock() {
        Some(clock) => clock.now(),
        None => Instant::now(),
    }
}

/// The process's reference point for [`since_start`]: the first time any
/// thread asked for it.
pub fn start() -> Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
}

/// How far this thread's clock ([`now`]) is past [`start`]: a monotonic
/// reading that language clocks (`time.monotonic()`, an event loop's
/// `time()`) can turn into seconds, and that follows a virtual clock.
///
/// ```
/// use std::time::Duration;
/// use towel_runtime::time;
///
/// let before = time::since_start();
/// time::use_virtual_clock().advance(Duration::from_secs(60));
/// assert!(time::since_start() - before >= Duration::from_secs(60));
/// ```
pub fn since_start() -> Duration {
    now().saturating_duration_since(start())
}

/// The wall clock according to this thread's clock: [`SystemTime::now`], or
/// with a virtual clock the wall time at which that clock was installed plus
/// the virtual time that has passed since.
pub fn system_now() -> SystemTime {
    match current_virtual_clock() {
        Some(clock) => {
            let state = clock.lock();
            state.wall_start + state.now.saturating_duration_since(state.start)
        }
        None => SystemTime::now(),
    }
}

/// Switches the current thread to virtual time and returns its clock.
///
/// If the thread already uses a virtual clock, that clock is returned
/// unchanged; otherwise a new one starts at [`Instant::now`]. Timers created
/// earlier keep running on real time.
///
/// ```
/// use std::time::{Duration, Instant};
/// use towel_runtime::{block_on, time};
///
/// let clock = time::use_virtual_clock();
/// let start = clock.now();
/// let wall = Instant::now();
/// block_on(time::sleep(Duration::from_secs(3600)));
/// assert_eq!(clock.now() - start, Duration::from_secs(3600));
/// assert!(wall.elapsed() < Duration::from_secs(1));
/// ```
pub fn use_virtual_clock() -> VirtualClock {
    CLOCK.with(|clock| {
        clock
            .borrow_mut()
            .get_or_insert_with(VirtualClock::new)
            .clone()
    })
}

/// Switches the current thread back to real time, and returns the virtual
/// clock it used, if any. Timers created on the virtual clock stay on it.
pub fn use_real_clock() -> Option<VirtualClock> {
    CLOCK.with(|clock| clock.borrow_mut().take())
}

/// Returns the current thread's virtual clock, or `None` if it uses real
/// time.
pub fn virtual_clock() -> Option<VirtualClock> {
    current_virtual_clock()
}

/// Like [`virtual_clock`], but also safe during thread teardown.
pub(crate) fn current_virtual_clock() -> Option<VirtualClock> {
    CLOCK
        .try_with(|clock| clock.borrow().clone())
        .ok()
        .flatten()
}

/// A simulated clock whose time only moves when told to.
///
/// Install one on a thread with [`use_virtual_clock`]; [`block_on`](crate::block_on)
/// then advances it whenever the thread has nothing else to do (see the
/// module documentation). The handle is cheap to clone and can also drive the
/// clock by hand, which is handy in tests of code that runs tasks with
/// [`try_tick`](crate::try_tick).
#[derive(Clone)]
pub struct VirtualClock {
    state: Arc<Mutex<ClockState>>,
}

/// The mutable part of a [`VirtualClock`].
struct ClockState {
    now: Instant,
    /// The real instant and wall time at which the clock was made, for
    /// [`system_now`].
    start: Instant,
    wall_start: SystemTime,
    /// Creation number of the next timer, to break deadline ties.
    next_id: u64,
    /// Pending timers, in firing order, with the waker of whoever last polled
    /// them (none until the first poll).
    timers: BTreeMap<(Instant, u64), Option<Waker>>,
}

impl VirtualClock {
    /// Creates a clock that reads [`Instant::now`] until advanced. It is not
    /// installed on any thread; timers can only be made on it through
    /// [`use_virtual_clock`].
    fn new() -> Self {
        let start = Instant::now();
        VirtualClock {
            state: Arc::new(Mutex::new(ClockState {
                now: start,
                start,
                wall_start: SystemTime::now(),
                next_id: 0,
                timers: BTreeMap::new(),
            })),
        }
    }

    /// Locks the state. A panic while it was locked cannot leave it
    /// inconsistent (every update is a single map or field operation), so a
    /// poisoned lock is simply taken over.
    fn lock(&self) -> MutexGuard<'_, ClockState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Returns the current virtual time.
    pub fn now(&self) -> Instant {
        self.lock().now
    }

    /// Returns the earliest deadline among pending timers.
    pub fn next_deadline(&self) -> Option<Instant> {
        self.lock()
            .timers
            .keys()
            .next()
            .map(|&(deadline, _)| deadline)
    }

    /// Returns how many timers are waiting on this clock.
    pub fn pending_timers(&self) -> usize {
        self.lock().timers.len()
    }

    /// Moves time forward by `by`, waking every timer that becomes due, in
    /// (deadline, creation) order. The woken tasks run when the executor next
    /// runs; they all see the final time. A `by` so large that the time cannot
    /// be represented moves the clock to the last pending deadline instead.
    pub fn advance(&self, by: Duration) {
        let target = self.now().checked_add(by);
        match target {
            Some(target) => self.advance_to(target),
            None => {
                let last = self.lock().timers.keys().next_back().map(|&(d, _)| d);
                if let Some(last) = last {
                    self.advance_to(last);
                }
            }
        }
    }

    /// Moves time forward to `target` (never backwards), waking every timer
    /// due by then, in (deadline, creation) order.
    pub fn advance_to(&self, target: Instant) {
        let wakers = {
            let mut state = self.lock();
            if target > state.now {
                state.now = target;
            }
            state.take_due()
        };
        wake_all(wakers);
    }

    /// Jumps to the earliest pending deadline and wakes the timers due then,
    /// in creation order. Returns the new time, or `None` (leaving the clock
    /// alone) if no timer is pending.
    pub fn advance_to_next(&self) -> Option<Instant> {
        let (now, wakers) = {
            let mut state = self.lock();
            let &(deadline, _) = state.timers.keys().next()?;
            if deadline > state.now {
                state.now = deadline;
            }
            (state.now, state.take_due())
        };
        wake_all(wakers);
        Some(now)
    }

    /// Registers a timer for `deadline` and returns its key, or `None` if it
    /// is already due (and needs no registration).
    fn register(&self, deadline: Instant) -> Option<(Instant, u64)> {
        let mut state = self.lock();
        if deadline <= state.now {
            return None;
        }
        let key = (deadline, state.next_id);
        state.next_id += 1;
        state.timers.insert(key, None);
        Some(key)
    }
}

impl ClockState {
    /// Removes the timers due at or before `now` and returns their wakers in
    /// firing order. Waking happens after the lock is released, because a
    /// waker may run arbitrary code.
    fn take_due(&mut self) -> Vec<Waker> {
        let mut wakers = Vec::new();
        while let Some(entry) = self.timers.first_entry() {
            if entry.key().0 > self.now {
                break;
            }
            if let Some(waker) = entry.remove() {
                wakers.push(waker);
            }
        }
        wakers
    }
}

fn wake_all(wakers: Vec<Waker>) {
    for waker in wakers {
        waker.wake();
    }
}

impl fmt::Debug for VirtualClock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = self.lock();
        f.debug_struct("VirtualClock")
            .field("now", &state.now)
            .field("pending_timers", &state.timers.len())
            .finish()
    }
}

/// Waits until `duration` has passed on this thread's clock.
///
/// Returns a [`Sleep`] future; see the module documentation for its
/// precision and ordering.
pub fn sleep(duration: Duration) -> Sleep {
    let clock = current_virtual_clock();
    let start = match &clock {
        Some(clock) => clock.now(),
        None => Instant::now(),
    };
    Sleep::new(clock, start.checked_add(duration))
}

/// Waits until this thread's clock reaches `deadline` (immediately if it
/// already has).
pub fn sleep_until(deadline: Instant) -> Sleep {
    Sleep::new(current_virtual_clock(), Some(deadline))
}

/// A future that completes at a deadline; made by [`sleep`] and
/// [`sleep_until`].
///
/// `Sleep` is `Unpin`, so a hand-written future can keep one in a field and
/// poll it with `Pin::new(&mut self.sleep).poll(cx)`: when that returns
/// `Pending`, the waker in `cx` will be woken at the deadline. Polling again
/// with another waker replaces the old one. Once elapsed, a `Sleep` returns
/// `Ready` every time it is polled. Dropping a `Sleep` cancels it.
#[derive(Debug)]
pub struct Sleep {
    /// `None` for a deadline too far away to represent: never fires.
    deadline: Option<Instant>,
    timer: SleepTimer,
}

#[derive(Debug)]
enum SleepTimer {
    Real(async_io::Timer),
    Virtual {
        clock: VirtualClock,
        /// The key in the clock's queue; `None` once due or never due.
        key: Option<(Instant, u64)>,
    },
}

impl Sleep {
    fn new(clock: Option<VirtualClock>, deadline: Option<Instant>) -> Self {
        let timer = match clock {
            None => SleepTimer::Real(match deadline {
                Some(deadline) => async_io::Timer::at(deadline),
                None => async_io::Timer::never(),
            }),
            Some(clock) => {
                let key = deadline.and_then(|deadline| clock.register(deadline));
                SleepTimer::Virtual { clock, key }
            }
        };
        Sleep { deadline, timer }
    }

    /// Returns the deadline, or `None` if it is too far in the future to be
    /// represented (then the sleep never completes).
    pub fn deadline(&self) -> Option<Instant> {
        self.deadline
    }

    /// Tells whether the deadline has been reached, without polling.
    pub fn is_elapsed(&self) -> bool {
        match self.deadline {
            Some(deadline) => deadline <= self.clock_now(),
            None => false,
        }
    }

    /// Moves the deadline, keeping the clock this sleep was created with. A
    /// reset sleep counts as newly created for the order of equal deadlines.
    pub fn reset(&mut self, deadline: Instant) {
        self.deadline = Some(deadline);
        match &mut self.timer {
            SleepTimer::Real(timer) => timer.set_at(deadline),
            SleepTimer::Virtual { clock, key } => {
                if let Some(old) = key.take() {
                    clock.lock().timers.remove(&old);
                }
                *key = clock.register(deadline);
            }
        }
    }

    /// The current time on this sleep's own clock.
    fn clock_now(&self) -> Instant {
        match &self.timer {
            SleepTimer::Real(_) => Instant::now(),
            SleepTimer::Virtual { clock, .. } => clock.now(),
        }
    }
}

impl Future for Sleep {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = self.get_mut();
        match &mut this.timer {
            SleepTimer::Real(timer) => {
                if Pin::new(timer).poll(cx).is_ready() {
                    return Poll::Ready(());
                }
                // An `async_io::Timer` that has fired stays `Pending` forever
                // when polled again; a `Sleep` stays `Ready`, which is what a
                // hand-written future re-polling its fields expects.
                match this.deadline {
                    Some(deadline) if deadline <= Instant::now() => Poll::Ready(()),
                    _ => Poll::Pending,
                }
            }
            SleepTimer::Virtual { clock, key } => {
                let Some(deadline) = this.deadline else {
                    return Poll::Pending; // Never due: nobody will wake us.
                };
                let mut state = clock.lock();
                if deadline <= state.now {
                    if let Some(old) = key.take() {
                        state.timers.remove(&old);
                    }
                    return Poll::Ready(());
                }
                // Not due, so still registered (timers leave the queue only
                // when due); re-insert defensively all the same.
                let slot = state
                    .timers
                    .entry(*key.get_or_insert((deadline, u64::MAX)))
                    .or_insert(None);
                match slot {
                    Some(waker) if waker.will_wake(cx.waker()) => {}
                    _ => *slot = Some(cx.waker().clone()),
                }
                Poll::Pending
            }
        }
    }
}

impl Drop for Sleep {
    fn drop(&mut self) {
        if let SleepTimer::Virtual {
            clock,
            key: Some(key),
        } = &self.timer
        {
            clock.lock().timers.remove(key);
        }
    }
}

/// The error of a [`timeout`] whose deadline passed before its future
/// completed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimedOut;

impl fmt::Display for TimedOut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("deadline has elapsed")
    }
}

impl std::error::Error for TimedOut {}

impl From<TimedOut> for io::Error {
    fn from(_: TimedOut) -> Self {
        io::Error::new(io::ErrorKind::TimedOut, TimedOut)
    }
}

/// Runs `future` for at most `duration`, returning its output or
/// [`TimedOut`].
///
/// If the deadline passes first, `future` is dropped (cancelled) when the
/// returned [`Timeout`] is. When the future and the deadline are ready at the
/// same poll, the future's output wins.
///
/// ```
/// use std::time::Duration;
/// use towel_runtime::{block_on, future, time};
///
/// let quick = block_on(time::timeout(Duration::from_secs(1), async { 7 }));
/// assert_eq!(quick, Ok(7));
/// let stuck = block_on(time::timeout(Duration::from_millis(5), future::pending::<()>()));
/// assert_eq!(stuck, Err(time::TimedOut));
/// ```
pub fn timeout<F: IntoFuture>(duration: Duration, future: F) -> Timeout<F::IntoFuture> {
    Timeout {
        future: future.into_future(),
        sleep: sleep(duration),
    }
}

/// Like [`timeout`], with an absolute deadline.
pub fn timeout_at<F: IntoFuture>(deadline: Instant, future: F) -> Timeout<F::IntoFuture> {
    Timeout {
        future: future.into_future(),
        sleep: sleep_until(deadline),
    }
}

pin_project_lite::pin_project! {
    /// The future returned by [`timeout`] and [`timeout_at`].
    #[derive(Debug)]
    #[must_use = "futures do nothing unless awaited"]
    pub struct Timeout<F> {
        #[pin]
        future: F,
        sleep: Sleep,
    }
}

impl<F> Timeout<F> {
    /// Returns the deadline (see [`Sleep::deadline`]).
    pub fn deadline(&self) -> Option<Instant> {
        self.sleep.deadline()
    }

    /// Gives up on the deadline and returns the inner future.
    pub fn into_inner(self) -> F {
        self.future
    }
}

impl<F: Future> Future for Timeout<F> {
    type Output = Result<F::Output, TimedOut>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        if let Poll::Ready(output) = this.future.poll(cx) {
            return Poll::Ready(Ok(output));
        }
        Pin::new(this.sleep).poll(cx).map(|()| Err(TimedOut))
    }
}

/// Returns a stream that yields every `period`, the first time one `period`
/// from now.
///
/// Each item is the deadline of the tick. Ticks do not drift: the next
/// deadline is the previous one plus `period`. If the consumer falls behind by
/// a whole period or more, the missed ticks are skipped rather than delivered
/// in a burst, and the schedule restarts one period after the late tick. A
/// zero period ticks at every poll.
///
/// ```
/// use std::time::Duration;
/// use towel_runtime::{block_on, stream::StreamExt, time};
///
/// let clock = time::use_virtual_clock();
/// let start = clock.now();
/// let ticks: Vec<_> = block_on(time::interval(Duration::from_secs(2)).take(3).collect());
/// let offsets: Vec<_> = ticks.iter().map(|t| t.duration_since(start).as_secs()).collect();
/// assert_eq!(offsets, [2, 4, 6]);
/// ```
pub fn interval(period: Duration) -> Interval {
    Interval {
        sleep: sleep(period),
        period,
    }
}

/// The stream returned by [`interval`]. `Unpin`, like [`Sleep`].
#[derive(Debug)]
#[must_use = "streams do nothing unless polled"]
pub struct Interval {
    sleep: Sleep,
    period: Duration,
}

impl Interval {
    /// Returns the period.
    pub fn period(&self) -> Duration {
        self.period
    }

    /// Waits for the next tick and returns its deadline.
    pub async fn tick(&mut self) -> Instant {
        futures_lite::future::poll_fn(|cx| self.poll_tick(cx)).await
    }

    /// Polls for the next tick, for hand-written futures: when it returns
    /// `Pending`, `cx`'s waker is woken at the tick.
    pub fn poll_tick(&mut self, cx: &mut Context<'_>) -> Poll<Instant> {
        let Some(deadline) = self.sleep.deadline() else {
            return Poll::Pending; // The first deadline was out of range.
        };
        if Pin::new(&mut self.sleep).poll(cx).is_pending() {
            return Poll::Pending;
        }
        let now = self.sleep.clock_now();
        let next = deadline
            .checked_add(self.period)
            .filter(|&next| next > now)
            .or_else(|| now.checked_add(self.period));
        match next {
            Some(next) => self.sleep.reset(next),
            None => {
                self.sleep = Sleep {
                    deadline: None,
                    timer: SleepTimer::Real(async_io::Timer::never()),
                }
            }
        }
        Poll::Ready(deadline)
    }
}

impl Stream for Interval {
    type Item = Instant;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Instant>> {
        self.get_mut().poll_tick(cx).map(Some)
    }
}
