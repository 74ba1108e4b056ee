//! Signals as flags that a program polls, plus a wake-up for a thread
//! parked in the reactor.
//!
//! [`on_interrupt`] replaces SIGINT's default action (terminate the process)
//! with two signal-safe actions from `signal-hook`: set the caller's flag, and
//! write a byte to a self-pipe. The calling thread keeps the pipe's read end;
//! [`run_one_or_wait`](crate::run_one_or_wait) watches it, so an event loop
//! sleeping until its next timer wakes up at once and can notice the flag.
//!
//! [`set_disposition`] gives any signal one of three actions: the default,
//! ignore, or **catch**: the handler marks the signal pending (read back with
//! [`take_pending`]), sets the flag given to [`on_interrupt`] and writes to
//! the same self-pipe, so a language checks one flag for every signal. Caught
//! signals interrupt blocking system calls (no `SA_RESTART`), which then fail
//! with `EINTR` and let the program run its handlers before retrying.
//!
//! ```
//! use towel_runtime::signal::{set_disposition, take_pending, Disposition};
//!
//! set_disposition(libc::SIGUSR1, Disposition::Catch)?;
//! // SAFETY: raise(3) only sends a signal to this process.
//! unsafe { libc::raise(libc::SIGUSR1) };
//! assert!(take_pending(libc::SIGUSR1));
//! assert!(!take_pending(libc::SIGUSR1));
//! set_disposition(libc::SIGUSR1, Disposition::Default)?;
//! # std::io::Result::Ok(())
//! ```

use std::cell::RefCell;
use std::io::Read;
use std::os::fd::IntoRawFd;
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
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
    // Caught signals set the same flag and wake the same reader.
    let _ = NOTIFY.set(flag.clone());
    WAKE_FD.store(write.try_clone()?.into_raw_fd(), Ordering::Release);
    // SAFETY: the action only stores to an atomic, which is signal-safe.
    unsafe {
        signal_hook::low_level::register(signal_hook::consts::SIGINT, || {
            PENDING[libc::SIGINT as usize].store(true, Ordering::SeqCst)
        })?;
    }
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

/// Signal numbers below this are tracked (Linux's `_NSIG`).
pub const NSIG: usize = 65;

/// Caught signals not yet taken, by number.
static PENDING: [AtomicBool; NSIG] = [const { AtomicBool::new(false) }; NSIG];
/// The flag of [`on_interrupt`], which caught signals set too.
static NOTIFY: OnceLock<Arc<AtomicBool>> = OnceLock::new();
/// The write end of [`on_interrupt`]'s self-pipe (-1 before it).
static WAKE_FD: AtomicI32 = AtomicI32::new(-1);

/// What the process does when a signal arrives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Disposition {
    /// The system's default action (often: terminate).
    Default,
    /// Nothing.
    Ignore,
    /// Mark it pending (see the module documentation).
    Catch,
}

/// The thread that catches signals (the one that last set a disposition to
/// [`Disposition::Catch`]), and whether it is known.
static HOME_THREAD: AtomicU64 = AtomicU64::new(0);
static HOME_KNOWN: AtomicBool = AtomicBool::new(false);

extern "C" fn on_signal(signum: libc::c_int) {
    // Only async-signal-safe work here: atomics, pthread_kill and write(2).
    // errno is saved and restored, since the interrupted code may be about
    // to read it.
    let saved = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
    // The kernel hands a process-wide signal to any thread; a blocking call
    // on the home thread must see EINTR, so the signal goes on to it.
    // SAFETY: pthread_self and pthread_kill are async-signal-safe.
    let me = unsafe { libc::pthread_self() } as u64;
    if HOME_KNOWN.load(Ordering::Acquire) {
        let home = HOME_THREAD.load(Ordering::Acquire);
        if home != me {
            // SAFETY: the home thread is the program's main thread, alive
            // for as long as handlers are installed.
            unsafe { libc::pthread_kill(home as libc::pthread_t, signum) };
            // SAFETY: __errno_location returns this thread's errno slot.
            unsafe { *libc::__errno_location() = saved };
            return;
        }
    }
    if let Some(pending) = PENDING.get(signum as usize) {
        pending.store(true, Ordering::SeqCst);
    }
    if let Some(flag) = NOTIFY.get() {
        flag.store(true, Ordering::SeqCst);
    }
    let fd = WAKE_FD.load(Ordering::Acquire);
    if fd >= 0 {
        let byte = 0u8;
        // SAFETY: write(2) is async-signal-safe; the pipe is non-blocking, so
        // a full pipe drops the byte instead of blocking the handler.
        unsafe { libc::write(fd, (&byte as *const u8).cast(), 1) };
    }
    // SAFETY: __errno_location returns this thread's errno slot.
    unsafe { *libc::__errno_location() = saved };
}

/// Sets what the process does on `signum` (`sigaction(2)`).
pub fn set_disposition(signum: i32, disposition: Disposition) -> std::io::Result<()> {
    // SAFETY: an all-zero sigaction is valid; we fill the fields we use.
    let mut action: libc::sigaction = unsafe { std::mem::zeroed() };
    if disposition == Disposition::Catch {
        // SAFETY: pthread_self has no preconditions.
        HOME_THREAD.store(unsafe { libc::pthread_self() } as u64, Ordering::Release);
        HOME_KNOWN.store(true, Ordering::Release);
    }
    action.sa_sigaction = match disposition {
        Disposition::Default => libc::SIG_DFL,
        Disposition::Ignore => libc::SIG_IGN,
        Disposition::Catch => on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t,
    };
    action.sa_flags = libc::SA_ONSTACK;
    // SAFETY: the mask belongs to `action`, which sigaction reads.
    unsafe { libc::sigemptyset(&mut action.sa_mask) };
    // SAFETY: `action` is a valid sigaction; the old action is not wanted.
    if unsafe { libc::sigaction(signum, &action, std::ptr::null_mut()) } == -1 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

/// What the process does on `signum` now; a handler installed by anyone
/// (this module, signal-hook, a library) counts as [`Disposition::Catch`].
pub fn disposition(signum: i32) -> std::io::Result<Disposition> {
    // SAFETY: an all-zero sigaction is a valid buffer for the old action.
    let mut old: libc::sigaction = unsafe { std::mem::zeroed() };
    // SAFETY: a null new action only queries the current one into `old`.
    if unsafe { libc::sigaction(signum, std::ptr::null(), &mut old) } == -1 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(match old.sa_sigaction {
        libc::SIG_DFL => Disposition::Default,
        libc::SIG_IGN => Disposition::Ignore,
        _ => Disposition::Catch,
    })
}

/// Whether [`on_interrupt`] ran: every caught signal, SIGINT included, is
/// then marked pending before the flag is raised.
pub fn marks_pending() -> bool {
    NOTIFY.get().is_some()
}

/// Whether any signal was caught and not yet taken.
pub fn any_pending() -> bool {
    PENDING.iter().any(|p| p.load(Ordering::Acquire))
}

/// Whether `signum` was caught and not yet taken (without taking it).
pub fn is_pending(signum: i32) -> bool {
    PENDING
        .get(signum as usize)
        .is_some_and(|p| p.load(Ordering::Acquire))
}

/// True (once) if `signum` was caught since the last call.
pub fn take_pending(signum: i32) -> bool {
    PENDING
        .get(signum as usize)
        .is_some_and(|p| p.swap(false, Ordering::AcqRel))
}

/// Marks `signum` pending again (for a handler that could not run yet) and
/// raises the flag.
pub fn set_pending(signum: i32) {
    if let Some(p) = PENDING.get(signum as usize) {
        p.store(true, Ordering::Release);
    }
    if let Some(flag) = NOTIFY.get() {
        flag.store(true, Ordering::Release);
    }
}

/// Ends the process the way `signum` would have, had nothing caught it: the
/// default action is restored and the signal raised, so that the parent
/// (a shell: status 128 + `signum`) sees how it ended. Programs end so after
/// an uncaught `KeyboardInterrupt`, as CPython does.
///
/// ```no_run
/// towel_runtime::signal::end_by_signal(libc::SIGINT);
/// ```
pub fn end_by_signal(signum: i32) -> ! {
    let _ = set_disposition(signum, Disposition::Default);
    // SAFETY: raise(3) only sends a signal to the calling thread.
    unsafe { libc::raise(signum) };
    // A signal whose default action does not end the process.
    std::process::exit(128 + signum)
}
