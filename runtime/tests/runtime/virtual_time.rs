//! The virtual clock: simulated time that jumps when nothing is ready.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use towel_runtime::stream::StreamExt;
use towel_runtime::time::{self, TimedOut};
use towel_runtime::{block_on, future, run_ready, spawn, yield_now};

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

#[test]
fn a_thousand_virtual_seconds_take_no_real_time() {
    let clock = time::use_virtual_clock();
    let start = clock.now();
    let wall = Instant::now();
    let woke_at = block_on(async {
        let tasks: Vec<_> = (1..=1000u64)
            .map(|n| {
                spawn(async move {
                    time::sleep(secs(n)).await;
                    time::now()
                })
            })
            .collect();
        let mut last = start;
        for (n, task) in (1..=1000u64).zip(tasks) {
            let at = task.await;
            assert_eq!(at - start, secs(n));
            last = at;
        }
        last
    });
    assert_eq!(woke_at - start, secs(1000));
    assert_eq!(time::now() - start, secs(1000));
    assert!(wall.elapsed() < secs(2), "took {:?}", wall.elapsed());
}

#[test]
fn timers_fire_in_deadline_then_creation_order() {
    time::use_virtual_clock();
    let log = Rc::new(RefCell::new(Vec::new()));
    block_on(async {
        // Create the timers in one order, spawn their tasks in reverse: the
        // order of creation, not of spawning or polling, breaks ties.
        let sleeps: Vec<_> = [(3, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (3, 'e'), (2, 'f')]
            .into_iter()
            .map(|(s, name)| (time::sleep(secs(s)), s, name))
            .collect();
        let tasks: Vec<_> = sleeps
            .into_iter()
            .rev()
            .map(|(sleep, s, name)| {
                let log = log.clone();
                spawn(async move {
                    sleep.await;
                    log.borrow_mut().push((s, name));
                })
            })
            .collect();
        for task in tasks {
            task.await;
        }
    });
    assert_eq!(
        *log.borrow(),
        [(1, 'b'), (1, 'd'), (2, 'c'), (2, 'f'), (3, 'a'), (3, 'e')]
    );
}

#[test]
fn time_stands_still_while_tasks_are_ready() {
    let clock = time::use_virtual_clock();
    let start = clock.now();
    let seen = block_on(async {
        let sleeper = spawn(time::sleep(secs(1)));
        let busy = spawn(async {
            let mut seen = Vec::new();
            for _ in 0..50 {
                seen.push(time::now());
                yield_now().await;
            }
            seen
        });
        let seen = busy.await;
        sleeper.await;
        seen
    });
    assert!(seen.iter().all(|&t| t == start));
    assert_eq!(clock.now() - start, secs(1));
}

#[test]
fn timeout_uses_virtual_time() {
    let clock = time::use_virtual_clock();
    let start = clock.now();
    let slow = block_on(time::timeout(secs(5), time::sleep(secs(10))));
    assert_eq!(slow, Err(TimedOut));
    assert_eq!(clock.now() - start, secs(5));
    let quick = block_on(time::timeout(secs(10), async {
        time::sleep(secs(5)).await;
        "done"
    }));
    assert_eq!(quick, Ok("done"));
    assert_eq!(clock.now() - start, secs(10));
    // The abandoned 10 s sleep and the unused 10 s timeout were both dropped.
    assert_eq!(clock.pending_timers(), 0);
}

#[test]
fn interval_ticks_at_exact_virtual_instants() {
    let clock = time::use_virtual_clock();
    let start = clock.now();
    let offsets: Vec<_> = block_on(async {
        let mut interval = time::interval(Duration::from_millis(250));
        let mut offsets = Vec::new();
        for _ in 0..4 {
            offsets.push(interval.tick().await - start);
        }
        // Fall behind by more than a period: missed ticks are skipped.
        clock.advance(Duration::from_millis(600));
        offsets.push(interval.next().await.unwrap() - start);
        offsets.push(interval.tick().await - start);
        offsets
    });
    let ms: Vec<_> = offsets.iter().map(Duration::as_millis).collect();
    assert_eq!(ms, [250, 500, 750, 1000, 1250, 1850]);
}

#[test]
fn the_clock_can_be_driven_by_hand() {
    let clock = time::use_virtual_clock();
    let start = clock.now();
    let task = spawn(async {
        time::sleep(secs(5)).await;
        time::sleep(secs(5)).await;
        time::now()
    });
    assert_eq!(run_ready(), 1);
    assert_eq!(clock.pending_timers(), 1);
    assert_eq!(clock.next_deadline(), Some(start + secs(5)));
    clock.advance(secs(4));
    assert_eq!(run_ready(), 0);
    clock.advance(secs(1));
    assert_eq!(run_ready(), 1);
    assert_eq!(clock.advance_to_next(), Some(start + secs(10)));
    assert_eq!(run_ready(), 1);
    assert!(task.is_finished());
    assert_eq!(clock.advance_to_next(), None);
    assert_eq!(block_on(task), start + secs(10));
}

#[test]
fn dropped_sleeps_leave_the_clock() {
    let clock = time::use_virtual_clock();
    let a = time::sleep(secs(1));
    let b = time::sleep(secs(2));
    assert_eq!(clock.pending_timers(), 2);
    drop(a);
    assert_eq!(clock.next_deadline(), Some(clock.now() + secs(2)));
    drop(b);
    assert_eq!(clock.pending_timers(), 0);
}

#[test]
fn reset_moves_a_sleep() {
    let clock = time::use_virtual_clock();
    let start = clock.now();
    let mut sleep = time::sleep(secs(100));
    sleep.reset(start + secs(3));
    block_on(&mut sleep);
    assert_eq!(clock.now() - start, secs(3));
    assert!(sleep.is_elapsed());
}

#[test]
fn switching_back_to_real_time() {
    let clock = time::use_virtual_clock();
    assert!(time::virtual_clock().is_some());
    // Installing twice returns the same clock.
    time::use_virtual_clock().advance(secs(60));
    assert_eq!(time::now(), clock.now());
    assert!(time::use_real_clock().is_some());
    assert!(time::virtual_clock().is_none());
    let before = Instant::now();
    assert!(time::now() >= before);
}

#[test]
fn a_never_ready_future_with_no_timers_would_block_but_a_timeout_rescues_it() {
    let clock = time::use_virtual_clock();
    let start = clock.now();
    let result = block_on(time::timeout(secs(3600), future::pending::<()>()));
    assert_eq!(result, Err(TimedOut));
    assert_eq!(clock.now() - start, secs(3600));
}
