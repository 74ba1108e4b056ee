//! Timers on the real clock. Durations are short; assertions only use lower
//! bounds and generous upper bounds, because the machine may be loaded.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use towel_runtime::future;
use towel_runtime::stream::StreamExt;
use towel_runtime::time::{self, Sleep, TimedOut};
use towel_runtime::{block_on, spawn};

const GENEROUS: Duration = Duration::from_secs(5);

#[test]
fn sleep_waits_at_least_its_duration() {
    let start = Instant::now();
    block_on(time::sleep(Duration::from_millis(30)));
    let elapsed = start.elapsed();
    assert!(elapsed >= Duration::from_millis(30), "{elapsed:?}");
    assert!(elapsed < GENEROUS, "{elapsed:?}");
}

#[test]
fn sleep_until_a_past_instant_is_ready_at_once() {
    let past = Instant::now();
    let mut sleep = time::sleep_until(past);
    assert!(sleep.is_elapsed());
    assert_eq!(future::block_on(future::poll_once(&mut sleep)), Some(()));
}

#[test]
fn sleeping_tasks_wake_in_deadline_order() {
    let order = block_on(async {
        let tasks: Vec<_> = [40u64, 10, 25]
            .into_iter()
            .map(|ms| {
                spawn(async move {
                    time::sleep(Duration::from_millis(ms)).await;
                    (Instant::now(), ms)
                })
            })
            .collect();
        let mut done = Vec::new();
        for task in tasks {
            done.push(task.await);
        }
        done.sort();
        done.into_iter().map(|(_, ms)| ms).collect::<Vec<_>>()
    });
    assert_eq!(order, [10, 25, 40]);
}

#[test]
fn timeout_passes_through_a_quick_future() {
    let result = block_on(time::timeout(GENEROUS, async {
        time::sleep(Duration::from_millis(5)).await;
        "ok"
    }));
    assert_eq!(result, Ok("ok"));
}

#[test]
fn timeout_gives_up_on_a_slow_future() {
    let start = Instant::now();
    let result = block_on(time::timeout(
        Duration::from_millis(20),
        time::sleep(Duration::from_secs(60)),
    ));
    assert_eq!(result, Err(TimedOut));
    assert!(start.elapsed() >= Duration::from_millis(20));
    assert!(start.elapsed() < GENEROUS);
    let io: std::io::Error = TimedOut.into();
    assert_eq!(io.kind(), std::io::ErrorKind::TimedOut);
}

#[test]
fn interval_ticks_a_period_apart() {
    // Exact spacing is checked on the virtual clock; here a loaded machine
    // may make a tick late enough to skip one, so only lower bounds hold.
    let period = Duration::from_millis(10);
    let start = Instant::now();
    let ticks: Vec<Instant> = block_on(time::interval(period).take(3).collect());
    assert!(start.elapsed() >= 3 * period);
    assert!(ticks[0] >= start + period);
    assert!(ticks[1] - ticks[0] >= period);
    assert!(ticks[2] - ticks[1] >= period);
}

#[test]
fn a_huge_duration_never_fires_and_does_not_panic() {
    let sleep = time::sleep(Duration::MAX);
    assert_eq!(sleep.deadline(), None);
    let result = block_on(time::timeout(Duration::from_millis(5), sleep));
    assert_eq!(result, Err(TimedOut));
}

/// A hand-written future that polls a `Sleep` it owns, as the language's task
/// driver does: wait for `first`, then for `second`.
struct TwoNaps {
    first: Sleep,
    second: Option<Sleep>,
    polls: u32,
}

impl Future for TwoNaps {
    type Output = u32;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        self.polls += 1;
        if Pin::new(&mut self.first).poll(cx).is_pending() {
            return Poll::Pending;
        }
        let second = self
            .second
            .get_or_insert_with(|| time::sleep(Duration::from_millis(5)));
        match Pin::new(second).poll(cx) {
            Poll::Ready(()) => Poll::Ready(self.polls),
            Poll::Pending => Poll::Pending,
        }
    }
}

#[test]
fn a_hand_written_future_can_poll_sleeps_with_its_waker() {
    let start = Instant::now();
    let polls = block_on(spawn(TwoNaps {
        first: time::sleep(Duration::from_millis(5)),
        second: None,
        polls: 0,
    }));
    assert!(start.elapsed() >= Duration::from_millis(10));
    // One poll to start, one per timer: no busy polling.
    assert!(polls <= 4, "polled {polls} times");
}
