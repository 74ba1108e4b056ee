//! Child processes, re-exported from async-process.
//!
//! [`Command`] mirrors [`std::process::Command`], with async `output`,
//! `status` and pipes. Exited children are reaped in the background. Note
//! that a [`Child`] is *not* killed when dropped unless
//! [`Command::kill_on_drop`] was set.
//!
//! ```
//! # #[cfg(unix)] {
//! use towel_runtime::{block_on, process::Command};
//!
//! let out = block_on(Command::new("echo").arg("hi").output())?;
//! assert_eq!(out.stdout, b"hi\n");
//! # }
//! # std::io::Result::Ok(())
//! ```

pub use async_process::{
    Child, ChildStderr, ChildStdin, ChildStdout, Command, ExitStatus, Output, Stdio,
};

/// Unix-specific extensions (`CommandExt`), re-exported from
/// `async_process::unix`.
#[cfg(unix)]
pub mod unix {
    pub use async_process::unix::*;
}

/// Windows-specific extensions (`CommandExt`), re-exported from
/// `async_process::windows`.
#[cfg(windows)]
pub mod windows {
    pub use async_process::windows::*;
}

/// How a child ended, as a scripting language reports it: its exit code, or
/// minus the number of the signal that killed it.
///
/// Waits for child `pid` (`waitpid(2)`); with `block` false, `Ok(None)`
/// while it runs. A signal interrupts a blocking wait with `Interrupted`,
/// so that the caller can run its handlers and wait again.
///
/// ```
/// # #[cfg(unix)] {
/// use std::process::Command;
/// use towel_runtime::process::wait_pid;
///
/// let child = Command::new("sh").args(["-c", "exit 3"]).spawn()?;
/// assert_eq!(wait_pid(child.id() as i32, true)?, Some(3));
/// # }
/// # std::io::Result::Ok(())
/// ```
#[cfg(unix)]
pub fn wait_pid(pid: i32, block: bool) -> std::io::Result<Option<i32>> {
    let mut status: libc::c_int = 0;
    let flags = if block { 0 } else { libc::WNOHANG };
    // SAFETY: waitpid writes the status into `status`.
    let r = unsafe { libc::waitpid(pid, &mut status, flags) };
    if r == -1 {
        return Err(std::io::Error::last_os_error());
    }
    if r == 0 {
        return Ok(None);
    }
    if libc::WIFEXITED(status) {
        Ok(Some(libc::WEXITSTATUS(status)))
    } else if libc::WIFSIGNALED(status) {
        Ok(Some(-libc::WTERMSIG(status)))
    } else {
        Ok(Some(status))
    }
}

/// Sends `signum` to process `pid` (`kill(2)`).
///
/// A signal a process sends itself goes to the calling thread (`raise(3)`),
/// so that its handler has run when this returns, as in a single-threaded
/// program: `kill(2)` would let the kernel hand it to any thread of the
/// process (the runtime's helpers, or a thread waiting on the one that runs
/// the program), to be handled a moment later.
#[cfg(unix)]
pub fn send_signal(pid: i32, signum: i32) -> std::io::Result<()> {
    // SAFETY: getpid(2) has no preconditions.
    let itself = pid == unsafe { libc::getpid() };
    // SAFETY: raise(3) and kill(2) take plain integers.
    let failed = unsafe {
        if itself {
            libc::raise(signum) != 0
        } else {
            libc::kill(pid, signum) == -1
        }
    };
    if failed {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

/// A descriptor that becomes readable when child `pid` exits
/// (`pidfd_open(2)`, Linux 5.3 and later), for waiting on a child through
/// the reactor instead of a thread.
///
/// ```
/// # #[cfg(target_os = "linux")] {
/// use std::os::fd::AsRawFd;
/// use std::process::Command;
/// use towel_runtime::{block_on, process::{pidfd, wait_pid}, watch::Watch};
///
/// let child = Command::new("true").spawn()?;
/// let fd = pidfd(child.id() as i32)?;
/// block_on(Watch::new(fd.as_raw_fd())?.readable())?;
/// assert_eq!(wait_pid(child.id() as i32, false)?, Some(0));
/// # }
/// # std::io::Result::Ok(())
/// ```
#[cfg(target_os = "linux")]
pub fn pidfd(pid: i32) -> std::io::Result<std::os::fd::OwnedFd> {
    use std::os::fd::FromRawFd;
    // SAFETY: pidfd_open takes a pid and flags and returns a new descriptor.
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, 0) };
    if fd < 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: the descriptor is new and ours alone.
    Ok(unsafe { std::os::fd::OwnedFd::from_raw_fd(fd as i32) })
}
