//! Blocking work, on the `blocking` crate's thread pool.

/// Wraps a blocking [`std::io`] reader, writer or iterator so that async code
/// can use it; each operation runs on the blocking thread pool. Re-exported
/// from the `blocking` crate.
pub use blocking::Unblock;

use crate::Task;

/// Runs a blocking function on a thread pool and returns a [`Task`] for its
/// result, so the executor's thread keeps running other tasks meanwhile.
///
/// Use it for anything that may block: file system calls, DNS lookups through
/// the OS, CPU-heavy work, calls into blocking libraries. The pool is the
/// `blocking` crate's: threads are spawned on demand (up to 500 by default,
/// or `BLOCKING_MAX_THREADS`) and exit after a second of idleness.
///
/// The function runs to completion even if the task is dropped or cancelled:
/// a thread cannot be interrupted. Until its result is delivered, the job
/// counts as a [`PendingIo`](crate::event_loop::PendingIo): a virtual clock
/// waits for it instead of jumping. A panic in `f` is resumed in whoever awaits
/// the task.
///
/// ```
/// use towel_runtime::{block_on, spawn_blocking};
///
/// let sum = block_on(spawn_blocking(|| (1..=100u32).sum::<u32>()));
/// assert_eq!(sum, 5050);
/// ```
pub fn spawn_blocking<T, F>(f: F) -> Task<T>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    let pending = crate::event_loop::PendingIo::new();
    let job = blocking::unblock(f);
    crate::spawn(async move {
        let output = job.await;
        drop(pending);
        output
    })
}
