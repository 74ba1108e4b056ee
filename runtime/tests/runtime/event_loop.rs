//! The event loop in iterations: timer order, what one iteration runs, and
//! how an idle loop waits on real and virtual clocks.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use towel_runtime::event_loop::{pending_io, EventLoop, PendingIo, Wait};
use towel_runtime::{spawn, spawn_blocking, time, yield_now};

type Log = Rc<RefCell<Vec<String>>>;

/// A loop whose timers are names, logged when they fire.
fn logging_loop() -> (EventLoop<String>, Log) {
    let log: Log = Rc::default();
    let sink = log.clone();
    (
        EventLoop::new(move |name| sink.borrow_mut().push(name)),
        log,
    )
}

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

#[test]
fn timers_fire_by_deadline_then_creation() {
    time::use_virtual_clock();
    let (event_loop, log) = logging_loop();
    let start = time::now();
    for (s, name) in [(3, "a"), (1, "b"), (2, "c"), (1, "d"), (3, "e")] {
        event_loop.call_at(start + secs(s), name.to_string());
    }
    while event_loop.timers() > 0 {
        event_loop.run_once(Wait::Forever);
    }
    assert_eq!(*log.borrow(), ["b", "d", "c", "a", "e"]);
    assert_eq!(time::now() - start, secs(3));
}

#[test]
fn due_timers_run_after_the_tasks_already_ready() {
    let (event_loop, log) = logging_loop();
    let now = time::now();
    event_loop.call_at(now, "timer".to_string());
    for n in 0..2 {
        let log = log.clone();
        spawn(async move { log.borrow_mut().push(format!("task {n}")) }).detach();
    }
    event_loop.run_once(Wait::Never);
    assert_eq!(*log.borrow(), ["task 0", "task 1", "timer"]);
}

#[test]
fn work_scheduled_during_an_iteration_waits_for_the_next() {
    let (event_loop, log) = logging_loop();
    {
        let log = log.clone();
        spawn(async move {
            log.borrow_mut().push("step 1".into());
            yield_now().await;
            log.borrow_mut().push("step 2".into());
        })
        .detach();
    }
    assert_eq!(event_loop.run_once(Wait::Never), 1);
    assert_eq!(*log.borrow(), ["step 1"]);
    assert_eq!(event_loop.run_once(Wait::Never), 1);
    assert_eq!(*log.borrow(), ["step 1", "step 2"]);
}

#[test]
fn cancelled_timers_never_fire() {
    time::use_virtual_clock();
    let (event_loop, log) = logging_loop();
    let start = time::now();
    let doomed = event_loop.call_at(start + secs(1), "doomed".to_string());
    event_loop.call_at(start + secs(2), "kept".to_string());
    assert_eq!(event_loop.cancel(doomed).as_deref(), Some("doomed"));
    while event_loop.timers() > 0 {
        event_loop.run_once(Wait::Forever);
    }
    assert_eq!(*log.borrow(), ["kept"]);
}

#[test]
fn a_real_idle_loop_sleeps_until_its_next_timer() {
    let (event_loop, log) = logging_loop();
    let start = Instant::now();
    event_loop.call_at(start + Duration::from_millis(30), "due".to_string());
    while log.borrow().is_empty() {
        event_loop.run_once(Wait::Forever);
    }
    assert!(start.elapsed() >= Duration::from_millis(30));
}

#[test]
fn a_limit_bounds_the_wait() {
    time::use_virtual_clock();
    let (event_loop, log) = logging_loop();
    let start = time::now();
    event_loop.call_at(start + secs(10), "late".to_string());
    event_loop.run_once(Wait::Until(start + secs(4)));
    assert_eq!(time::now() - start, secs(4));
    assert!(log.borrow().is_empty());
}

#[test]
fn virtual_time_waits_for_pending_io() {
    time::use_virtual_clock();
    let (event_loop, log) = logging_loop();
    event_loop.call_at(time::now() + secs(3600), "an hour later".to_string());
    let job = spawn_blocking(|| std::thread::sleep(Duration::from_millis(30)));
    assert_eq!(pending_io(), 1);
    {
        let log = log.clone();
        spawn(async move {
            job.await;
            log.borrow_mut().push("job done".into());
        })
        .detach();
    }
    while event_loop.timers() > 0 {
        event_loop.run_once(Wait::Forever);
    }
    assert_eq!(*log.borrow(), ["job done", "an hour later"]);
    assert_eq!(pending_io(), 0);
}

#[test]
fn virtual_time_also_wakes_the_clocks_own_sleeps() {
    time::use_virtual_clock();
    let (event_loop, log) = logging_loop();
    let start = time::now();
    event_loop.call_at(start + secs(5), "timer".to_string());
    {
        let log = log.clone();
        spawn(async move {
            time::sleep(secs(2)).await;
            log.borrow_mut()
                .push(format!("slept {:?}", time::now() - start));
        })
        .detach();
    }
    while event_loop.timers() > 0 {
        event_loop.run_once(Wait::Forever);
    }
    assert_eq!(*log.borrow(), ["slept 2s", "timer"]);
}

#[test]
fn a_pending_io_guard_counts_until_dropped() {
    let guards: Vec<_> = (0..3).map(|_| PendingIo::new()).collect();
    assert_eq!(pending_io(), 3);
    drop(guards);
    assert_eq!(pending_io(), 0);
}
