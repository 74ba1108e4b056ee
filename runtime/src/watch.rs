//! Readiness of a descriptor someone else owns, through the reactor.
//!
//! A [`Watch`] duplicates the descriptor and registers the copy with
//! async-io's reactor without touching its flags (a blocking socket stays
//! blocking), so an event loop can wait for a socket, a pipe or a terminal
//! that a program opened itself (asyncio's `add_reader`, `sock_recv`). The
//! copy keeps the open file alive while the watch lives: drop the watch when
//! the program is done with the descriptor, or a peer never sees it closed.
//!
//! ```
//! use std::io::Write;
//! use std::os::fd::AsRawFd;
//! use towel_runtime::{block_on, watch::Watch};
//!
//! let (a, mut b) = std::os::unix::net::UnixStream::pair()?;
//! let watch = Watch::new(a.as_raw_fd())?;
//! b.write_all(b"x")?;
//! block_on(watch.readable())?;
//! # std::io::Result::Ok(())
//! ```

use std::io;
use std::os::fd::{BorrowedFd, OwnedFd, RawFd};

use async_io::Async;

/// See the module documentation.
#[derive(Debug)]
pub struct Watch {
    io: Async<OwnedFd>,
}

impl Watch {
    /// Watches `fd` (which must stay open while the call runs; the watch
    /// holds its own copy afterwards).
    pub fn new(fd: RawFd) -> io::Result<Self> {
        if fd < 0 {
            return Err(io::Error::from_raw_os_error(libc::EBADF));
        }
        // SAFETY: the caller guarantees `fd` is open for the duration of
        // this call; we only duplicate it.
        let copy = unsafe { BorrowedFd::borrow_raw(fd) }.try_clone_to_owned()?;
        Ok(Self {
            io: Async::new_nonblocking(copy)?,
        })
    }

    /// Waits until the descriptor is readable (data, a connection, end of
    /// file or an error). Reading may still find nothing: retry then.
    pub async fn readable(&self) -> io::Result<()> {
        self.io.readable().await
    }

    /// Waits until the descriptor is writable (or a connection attempt ended).
    /// Counts as pending I/O meanwhile, so a virtual clock waits for it.
    pub async fn writable(&self) -> io::Result<()> {
        let _pending = crate::event_loop::PendingIo::new();
        self.io.writable().await
    }
}
