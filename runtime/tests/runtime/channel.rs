use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use towel_runtime::channel::{self, TryRecvError, TrySendError};
use towel_runtime::sync::{Barrier, Event, Listener, Mutex, RwLock, Semaphore};
use towel_runtime::{block_on, spawn, spawn_blocking, yield_now};

#[test]
fn bounded_channel_applies_backpressure() {
    let (tx, rx) = channel::bounded(2);
    tx.try_send(1).unwrap();
    tx.try_send(2).unwrap();
    assert_eq!(tx.try_send(3), Err(TrySendError::Full(3)));
    let got = block_on(async {
        let producer = spawn(async move {
            for n in 3..6 {
                tx.send(n).await.unwrap();
            }
        });
        let mut got = Vec::new();
        while let Ok(n) = rx.recv().await {
            got.push(n);
        }
        producer.await;
        got
    });
    assert_eq!(got, [1, 2, 3, 4, 5]);
}

#[test]
fn unbounded_channel_reports_closing() {
    let (tx, rx) = channel::unbounded();
    tx.try_send("a").unwrap();
    drop(tx);
    assert_eq!(rx.try_recv(), Ok("a"));
    assert_eq!(rx.try_recv(), Err(TryRecvError::Closed));
    assert!(block_on(rx.recv()).is_err());
}

#[test]
fn channels_cross_to_blocking_threads() {
    let (tx, rx) = channel::unbounded();
    let sum = block_on(async {
        spawn_blocking(move || {
            for n in 1..=10 {
                tx.send_blocking(n).unwrap();
            }
        })
        .detach();
        let mut sum = 0;
        while let Ok(n) = rx.recv().await {
            sum += n;
        }
        sum
    });
    assert_eq!(sum, 55);
}

#[test]
fn mutex_and_rwlock_guard_shared_state() {
    let state = Rc::new(Mutex::new(Vec::new()));
    let table = Rc::new(RwLock::new(0));
    block_on(async {
        let tasks: Vec<_> = (0..5)
            .map(|n| {
                let state = state.clone();
                let table = table.clone();
                spawn(async move {
                    let mut guard = state.lock().await;
                    yield_now().await; // Hold the lock across a suspension.
                    guard.push(n);
                    *table.write().await += n;
                })
            })
            .collect();
        for task in tasks {
            task.await;
        }
    });
    assert_eq!(*block_on(state.lock()), [0, 1, 2, 3, 4]);
    assert_eq!(*block_on(table.read()), 10);
}

#[test]
fn semaphore_limits_concurrency() {
    let semaphore = Rc::new(Semaphore::new(2));
    let inside = Rc::new(Cell::new(0));
    let peak = Rc::new(Cell::new(0));
    block_on(async {
        let tasks: Vec<_> = (0..6)
            .map(|_| {
                let (semaphore, inside, peak) = (semaphore.clone(), inside.clone(), peak.clone());
                spawn(async move {
                    let _permit = semaphore.acquire().await;
                    inside.set(inside.get() + 1);
                    peak.set(peak.get().max(inside.get()));
                    yield_now().await;
                    inside.set(inside.get() - 1);
                })
            })
            .collect();
        for task in tasks {
            task.await;
        }
    });
    assert_eq!(peak.get(), 2);
}

#[test]
fn event_wakes_its_listeners() {
    let event = Rc::new(Event::new());
    let log = Rc::new(RefCell::new(Vec::new()));
    block_on(async {
        let tasks: Vec<_> = (0..3)
            .map(|n| {
                let (event, log) = (event.clone(), log.clone());
                spawn(async move {
                    let listener = event.listen();
                    listener.await;
                    log.borrow_mut().push(n);
                })
            })
            .collect();
        yield_now().await; // Let every task start listening.
        event.notify(usize::MAX);
        for task in tasks {
            task.await;
        }
    });
    assert_eq!(*log.borrow(), [0, 1, 2]);
    // A listener also works as a blocking wait, from a plain thread.
    let event = Arc::new(Event::new());
    let listener = event.listen();
    let notifier = {
        let event = event.clone();
        std::thread::spawn(move || event.notify(1))
    };
    listener.wait();
    notifier.join().unwrap();
}

#[test]
fn barrier_releases_everyone_together() {
    let barrier = Rc::new(Barrier::new(3));
    let leaders = block_on(async {
        let tasks: Vec<_> = (0..3)
            .map(|_| {
                let barrier = barrier.clone();
                spawn(async move { barrier.wait().await.is_leader() })
            })
            .collect();
        let mut leaders = 0;
        for task in tasks {
            leaders += usize::from(task.await);
        }
        leaders
    });
    assert_eq!(leaders, 1);
}
