use std::cell::{Cell, RefCell};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::rc::Rc;

use towel_runtime::future::{self, FutureExt};
use towel_runtime::{block_on, channel, in_block_on, run_ready, spawn, try_tick, yield_now};

type Log = Rc<RefCell<Vec<u32>>>;

fn log() -> Log {
    Rc::new(RefCell::new(Vec::new()))
}

#[test]
fn spawned_tasks_run_in_spawn_order() {
    let log = log();
    block_on(async {
        let tasks: Vec<_> = (0..20)
            .map(|n| {
                let log = log.clone();
                spawn(async move { log.borrow_mut().push(n) })
            })
            .collect();
        for task in tasks.into_iter().rev() {
            task.await;
        }
    });
    assert_eq!(*log.borrow(), (0..20).collect::<Vec<_>>());
}

#[test]
fn woken_tasks_run_in_wake_order() {
    let log = log();
    block_on(async {
        let mut senders = Vec::new();
        let mut tasks = Vec::new();
        for n in 0..4 {
            let (tx, rx) = channel::bounded::<()>(1);
            senders.push(tx);
            let log = log.clone();
            tasks.push(spawn(async move {
                rx.recv().await.unwrap();
                log.borrow_mut().push(n);
            }));
        }
        // Let every task reach its `recv`, then wake them in a scrambled order.
        yield_now().await;
        for n in [2, 0, 3, 1] {
            senders[n].try_send(()).unwrap();
        }
        for task in tasks {
            task.await;
        }
    });
    assert_eq!(*log.borrow(), [2, 0, 3, 1]);
}

#[test]
fn yield_now_interleaves_round_robin() {
    let log = log();
    block_on(async {
        let tasks: Vec<_> = (0..3)
            .map(|n| {
                let log = log.clone();
                spawn(async move {
                    for step in 0..3 {
                        log.borrow_mut().push(n * 10 + step);
                        yield_now().await;
                    }
                })
            })
            .collect();
        for task in tasks {
            task.await;
        }
    });
    assert_eq!(*log.borrow(), [0, 10, 20, 1, 11, 21, 2, 12, 22]);
}

/// Sets a flag when dropped, to observe that a task's future was dropped.
struct DropFlag(Rc<Cell<bool>>);

impl Drop for DropFlag {
    fn drop(&mut self) {
        self.0.set(true);
    }
}

#[test]
fn cancel_pending_task_returns_none_and_drops_it() {
    let dropped = Rc::new(Cell::new(false));
    let result = block_on(async {
        let flag = DropFlag(dropped.clone());
        let task = spawn(async move {
            let _flag = flag;
            future::pending::<u32>().await
        });
        yield_now().await; // Let it start.
        task.cancel().await
    });
    assert_eq!(result, None);
    assert!(dropped.get());
}

#[test]
fn cancel_finished_task_returns_its_output() {
    let result = block_on(async {
        let task = spawn(async { 42 });
        while !task.is_finished() {
            yield_now().await;
        }
        task.cancel().await
    });
    assert_eq!(result, Some(42));
}

#[test]
fn dropping_a_task_cancels_it() {
    let dropped = Rc::new(Cell::new(false));
    let ran = Rc::new(Cell::new(false));
    block_on(async {
        let flag = DropFlag(dropped.clone());
        let ran = ran.clone();
        drop(spawn(async move {
            let _flag = flag;
            ran.set(true);
        }));
        yield_now().await;
    });
    assert!(dropped.get());
    assert!(!ran.get());
}

#[test]
fn detached_task_runs_to_completion() {
    let (tx, rx) = channel::bounded(1);
    spawn(async move {
        for _ in 0..3 {
            yield_now().await;
        }
        tx.send("done").await.unwrap();
    })
    .detach();
    assert_eq!(block_on(rx.recv()), Ok("done"));
}

#[test]
fn block_on_returns_early_and_leftover_tasks_resume_later() {
    let steps = Rc::new(Cell::new(0));
    let task = {
        let steps = steps.clone();
        spawn(async move {
            for _ in 0..5 {
                steps.set(steps.get() + 1);
                yield_now().await;
            }
            steps.get()
        })
    };
    block_on(async {});
    assert!(steps.get() < 5);
    assert_eq!(block_on(task), 5);
}

#[test]
fn nested_block_on_panics_and_leaves_the_outer_one_working() {
    assert!(!in_block_on());
    let value = block_on(async {
        assert!(in_block_on());
        let nested = catch_unwind(|| block_on(async {}));
        assert!(nested.is_err());
        assert!(in_block_on());
        spawn(async { 7 }).await
    });
    assert_eq!(value, 7);
    assert!(!in_block_on());
}

#[test]
fn block_on_can_be_called_again_after_a_panic() {
    let result = catch_unwind(|| block_on(async { panic!("boom") }));
    assert!(result.is_err());
    assert!(!in_block_on());
    assert_eq!(block_on(async { 1 }), 1);
}

#[test]
fn a_task_panic_reaches_its_awaiter() {
    let result = block_on(async {
        let task = spawn(async {
            panic!("task failed");
        });
        AssertUnwindSafe(task).catch_unwind().await
    });
    assert!(result.is_err());
}

#[test]
fn run_ready_runs_only_what_was_ready() {
    let log = log();
    for n in 0..3 {
        let log = log.clone();
        spawn(async move {
            loop {
                log.borrow_mut().push(n);
                yield_now().await;
            }
        })
        .detach();
    }
    assert_eq!(run_ready(), 3);
    assert_eq!(*log.borrow(), [0, 1, 2]);
    assert_eq!(run_ready(), 3);
    assert_eq!(*log.borrow(), [0, 1, 2, 0, 1, 2]);
    assert!(try_tick());
    assert_eq!(log.borrow().last(), Some(&0));
}

#[test]
fn try_tick_on_an_idle_executor_does_nothing() {
    assert!(!try_tick());
    assert_eq!(run_ready(), 0);
}
