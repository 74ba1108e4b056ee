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
