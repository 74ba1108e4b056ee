use std::io::Cursor;
use std::thread;
use std::time::Duration;

use towel_runtime::io::AsyncReadExt;
use towel_runtime::{block_on, spawn, spawn_blocking, yield_now, Unblock};

#[test]
fn spawn_blocking_runs_on_another_thread() {
    let here = thread::current().id();
    let there = block_on(spawn_blocking(|| thread::current().id()));
    assert_ne!(here, there);
}

#[test]
fn the_executor_keeps_running_while_blocking_work_waits() {
    let (steps, result) = block_on(async {
        let slow = spawn_blocking(|| {
            thread::sleep(Duration::from_millis(50));
            "slow"
        });
        let counter = spawn(async {
            let mut steps = 0;
            for _ in 0..10 {
                steps += 1;
                yield_now().await;
            }
            steps
        });
        (counter.await, slow.await)
    });
    assert_eq!((steps, result), (10, "slow"));
}

#[test]
fn unblock_wraps_a_blocking_reader() {
    let text = block_on(async {
        let mut reader = Unblock::new(Cursor::new(b"blocking bytes".to_vec()));
        let mut text = String::new();
        reader.read_to_string(&mut text).await.unwrap();
        text
    });
    assert_eq!(text, "blocking bytes");
}
