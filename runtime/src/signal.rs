//! Ctrl-C (SIGINT) as a flag that a program polls, plus a wake-up for a
//! thread parked in the reactor.
//!
//! [`on_interrupt`] replaces SIGINT's default action (terminate the process)
//! with two signal-safe actions from `signal-hook`: set the caller's flag, and
//! write a byte to a self-pipe. The calling thread keeps the pipe's read end;
//! [`run_one_or_wait`](crate::run_one_or_wait) watches it, so an event loop
//! sleeping until its next timer wakes up at once and can notice the flag.

use std::cell::RefCell;
use std::io::Read;
use std::os::unix::net::UnixStream;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::task::{Context, Poll};

use async_io::Async;

thread_local! {
    /// The read end of the self-pipe, on the thread that installed the handler.
    static WAKE: RefCell<Option<Async<UnixStream>>> = const { RefCell::new(None) };
}

/// Makes SIGINT set `flag` (and wake this thread's reactor wait) instead of
/// terminating the process. Call it once, from the thread that runs the
/// program's event loop.
pub fn on_interrupt(flag: Arc<AtomicBool>) -> std::io::Result<()> {
    let (read, write) = UnixStream::pair()?;
    read.set_nonblocking(true)?;
    write.set_nonblocking(true)?;
    signal_hook::flag::register(signal_hook::consts::SIGINT, flag)?;
    signal_hook::low_level::pipe::register(signal_hook::consts::SIGINT, write)?;
    let read = Async::new(read)?;
    WAKE.with(|w| *w.borrow_mut() = Some(read));
    Ok(())
}

/// Ready (after draining the pipe) when a SIGINT arrived since the last call.
pub(crate) fn poll_interrupted(cx: &mut Context<'_>) -> bool {
    WAKE.with(|w| {
        let w = w.borrow();
        let Some(read) = w.as_ref() else { return false };
        match read.poll_readable(cx) {
            Poll::Ready(_) => {
                let mut buf = [0u8; 64];
                let mut stream = read.get_ref();
                while matches!(stream.read(&mut buf), Ok(n) if n > 0) {}
                true
            }
            Poll::Pending => false,
        }
    })
}
