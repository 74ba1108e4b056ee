//! Building blocks for an event loop that runs the executor in iterations of
//! its own (as `asyncio`'s loop does) instead of through [`block_on`].
//!
//! [`run_ready`](crate::run_ready) runs one batch of ready tasks; when it
//! finds none, the loop calls [`run_one_or_wait`] to sleep in the reactor
//! until a task becomes ready (and run that one task) or a deadline of the
//! loop's own passes.
//!
//! [`block_on`]: crate::block_on

use std::future::Future;
use std::pin::{pin, Pin};
use std::task::Poll;
use std::time::Instant;

use crate::executor::with_executor;

/// Waits until a task of this thread's executor is ready and runs it, or until
/// `deadline` passes, whichever comes first; tells whether a task ran.
///
/// While waiting, the thread parks in async-io's reactor, so I/O readiness,
/// real timers and wake-ups from other threads (such as
/// [`spawn_blocking`](crate::spawn_blocking) completions) all end the wait. A
/// task that is already ready runs at once, even if the deadline has passed.
/// With no deadline it waits until some task is ready. A Ctrl-C caught by
/// [`signal::on_interrupt`](crate::signal::on_interrupt) also ends the wait.
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
