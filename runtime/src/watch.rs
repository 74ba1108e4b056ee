//! Readiness of a descriptor someone else owns, through the thread's selector.
//!
//! A [`Watch`] duplicates the descriptor and registers the copy with this
//! thread's selector (an epoll instance of its own, through `polling`)
//! without touching its flags (a blocking socket stays blocking), so an
//! event loop can wait for a socket, a pipe or a terminal that a program
//! opened itself (asyncio's `add_reader`, `sock_recv`). The copy keeps the
//! open file alive while the watch lives: drop the watch when the program is
//! done with the descriptor, or a peer never sees it closed.
//!
//! Why a selector of our own rather than async-io's reactor: the reactor is
//! shared with async-io's driver thread, which holds it while a busy loop
//! runs, so a loop that is never idle would see its sockets only when that
//! thread gets the CPU. The thread's own selector is polled by the loop
//! itself, without blocking, at the top of every iteration ([`poll_ready`],
//! CPython's `select(0)`), so every connection gets its turn each
//! iteration. An idle loop still parks in the reactor: the selector's own
//! descriptor is registered there, and a task wakes when it becomes readable.
//!
//! Interest is one-shot: waiting re-arms it, and a descriptor that is still
//! ready when waited on again is reported at the next poll, which gives a
//! loop level-triggered callbacks (a reader that leaves data unread is
//! called again in the next iteration).
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

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::io;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd, RawFd};
use std::rc::Rc;
use std::task::{Poll, Waker};
use std::time::Duration;

use async_io::Async;
use polling::{Event, Events, Poller};

/// See the module documentation.
#[derive(Debug)]
pub struct Watch {
    key: usize,
    /// The selector is per thread (`Rc`): a watch stays on the thread that made it.
    selector: Rc<Selector>,
}

/// One watched descriptor: its copy, who waits for it and what was reported.
#[derive(Debug)]
struct Entry {
    fd: OwnedFd,
    reader: Option<Waker>,
    writer: Option<Waker>,
    readable: bool,
    writable: bool,
    /// The interest registered with the poller now (one-shot).
    armed: (bool, bool),
    /// Interest registered by [`Watch::expect`] before anyone waits: what a
    /// poll then reports counts for the first wait, not as stale.
    early: (bool, bool),
}

#[derive(Debug)]
struct Selector {
    poller: Poller,
    entries: RefCell<HashMap<usize, Entry>>,
    next_key: Cell<usize>,
    events: RefCell<Events>,
}

thread_local! {
    static SELECTOR: RefCell<Option<Rc<Selector>>> = const { RefCell::new(None) };
}

/// This thread's selector, made (with its wake-up task) on first use.
fn selector() -> io::Result<Rc<Selector>> {
    if let Some(s) = SELECTOR.with(|s| s.borrow().clone()) {
        return Ok(s);
    }
    let poller = Poller::new()?;
    // The reactor learns of ready descriptors through the poller's own
    // descriptor, which epoll makes readable while it has events.
    let copy = poller.as_fd().try_clone_to_owned()?;
    let wakeup = Async::new_nonblocking(copy)?;
    let selector = Rc::new(Selector {
        poller,
        entries: RefCell::new(HashMap::new()),
        next_key: Cell::new(0),
        events: RefCell::new(Events::new()),
    });
    SELECTOR.with(|s| *s.borrow_mut() = Some(selector.clone()));
    crate::spawn(async move {
        while wakeup.readable().await.is_ok() {
            poll_ready();
        }
    })
    .detach();
    Ok(selector)
}

/// Delivers the readiness the thread's selector has seen, without
/// blocking: the tasks waiting for it are woken (they join the back of the
/// executor's queue) and none runs. Costs nothing while nothing is watched.
///
/// ```
/// use std::cell::Cell;
/// use std::io::Write;
/// use std::os::fd::AsRawFd;
/// use std::rc::Rc;
/// use towel_runtime::{run_ready, spawn, watch::{poll_ready, Watch}};
///
/// let (a, mut b) = std::os::unix::net::UnixStream::pair()?;
/// let watch = Watch::new(a.as_raw_fd())?;
/// let seen = Rc::new(Cell::new(false));
/// let flag = seen.clone();
/// spawn(async move {
///     watch.readable().await.unwrap();
///     flag.set(true);
/// })
/// .detach();
/// run_ready(); // the task starts waiting
/// b.write_all(b"x")?;
/// poll_ready(); // wakes it...
/// assert!(!seen.get()); // ...without running it
/// run_ready();
/// assert!(seen.get());
/// # std::io::Result::Ok(())
/// ```
pub fn poll_ready() {
    let Some(selector) = SELECTOR.with(|s| s.borrow().clone()) else {
        return;
    };
    selector.deliver();
}

impl Selector {
    fn deliver(&self) {
        if self.entries.borrow().is_empty() {
            return;
        }
        let mut events = self.events.borrow_mut();
        events.clear();
        if self.poller.wait(&mut events, Some(Duration::ZERO)).is_err() {
            return;
        }
        let mut wake = Vec::new();
        {
            let mut entries = self.entries.borrow_mut();
            for ev in events.iter() {
                let Some(entry) = entries.get_mut(&ev.key) else {
                    continue;
                };
                entry.armed = (false, false);
                if ev.readable {
                    entry.readable = true;
                    wake.extend(entry.reader.take());
                }
                if ev.writable {
                    entry.writable = true;
                    wake.extend(entry.writer.take());
                }
                // One-shot: whoever still waits needs the interest back.
                self.arm(ev.key, entry);
            }
        }
        drop(events);
        for w in wake {
            w.wake();
        }
    }

    /// Registers the interest of whoever waits on `entry` (if it changed).
    fn arm(&self, key: usize, entry: &mut Entry) {
        let wanted = (
            entry.reader.is_some() || (entry.early.0 && !entry.readable),
            entry.writer.is_some() || (entry.early.1 && !entry.writable),
        );
        if wanted == entry.armed {
            return;
        }
        entry.armed = wanted;
        let _ = self
            .poller
            .modify(&entry.fd, Event::new(key, wanted.0, wanted.1));
    }
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
        let selector = selector()?;
        let key = selector.next_key.get();
        selector.next_key.set(key + 1);
        // SAFETY: the copy is deleted from the poller before it is closed
        // (`Drop` below), as `Poller::add` requires.
        unsafe { selector.poller.add(copy.as_raw_fd(), Event::none(key))? };
        selector.entries.borrow_mut().insert(
            key,
            Entry {
                fd: copy,
                reader: None,
                writer: None,
                readable: false,
                writable: false,
                armed: (false, false),
                early: (false, false),
            },
        );
        Ok(Self { key, selector })
    }

    /// Waits until the descriptor is readable (data, a connection, end of
    /// file or an error), as reported by a poll after this call began.
    /// Reading may still find nothing: retry then.
    pub async fn readable(&self) -> io::Result<()> {
        self.ready(false).await
    }

    /// Waits until the descriptor is writable (or a connection attempt ended).
    /// Counts as pending I/O meanwhile, so a virtual clock waits for it.
    pub async fn writable(&self) -> io::Result<()> {
        let _pending = crate::event_loop::PendingIo::new();
        self.ready(true).await
    }

    async fn ready(&self, write: bool) -> io::Result<()> {
        let mut first = true;
        std::future::poll_fn(|cx| {
            let mut entries = self.selector.entries.borrow_mut();
            let Some(entry) = entries.get_mut(&self.key) else {
                return Poll::Ready(Err(io::Error::from_raw_os_error(libc::EBADF)));
            };
            let (flag, waiter, early) = if write {
                (&mut entry.writable, &mut entry.writer, &mut entry.early.1)
            } else {
                (&mut entry.readable, &mut entry.reader, &mut entry.early.0)
            };
            // What was reported before this wait began is stale (unless
            // `expect` asked for it): wait for a poll that sees the
            // descriptor ready now.
            if std::mem::replace(&mut first, false) && !std::mem::take(early) {
                *flag = false;
            }
            if std::mem::take(flag) {
                *waiter = None;
                return Poll::Ready(Ok(()));
            }
            *waiter = Some(cx.waker().clone());
            self.selector.arm(self.key, entry);
            Poll::Pending
        })
        .await
    }

    /// Registers interest in readability (or writability) now, before
    /// anyone waits: the next poll sees it, as a selector's registration
    /// takes effect at once, and the first wait in that direction takes
    /// what that poll reported.
    pub fn expect(&self, write: bool) {
        let mut entries = self.selector.entries.borrow_mut();
        if let Some(entry) = entries.get_mut(&self.key) {
            if write {
                entry.early.1 = true;
                entry.writable = false;
            } else {
                entry.early.0 = true;
                entry.readable = false;
            }
            self.selector.arm(self.key, entry);
        }
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        if let Some(entry) = self.selector.entries.borrow_mut().remove(&self.key) {
            let _ = self.selector.poller.delete(&entry.fd);
        }
    }
}
