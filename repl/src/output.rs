//! Output above the prompt: what the program writes while the user edits a
//! line is printed above the prompt instead of through the half-typed line.
//!
//! # How it works
//!
//! [`Gate::install`] points file descriptors 1 and 2 at one pipe (one pipe
//! for both, so that stdout and stderr keep their relative order on the
//! terminal) and keeps a duplicate of the terminal for itself. Everything the
//! process writes, `print` as well as tracebacks and asyncio's "Task exception
//! was never retrieved", goes through the pipe. A forwarder thread waits for
//! data and passes it on:
//!
//! * while no line is being edited, straight to the terminal;
//! * while the prompt is up, through rustyline's `ExternalPrinter`, which
//!   clears the prompt, prints the text and redraws the prompt with what the
//!   user has typed so far. Only whole lines go that way (the printer ends
//!   every message with a newline); a partial line waits for its end, or for
//!   the prompt to go away.
//!
//! Before the REPL shows a prompt it drains the pipe itself ([`Gate::sync`]),
//! so the output of the statement that just finished is on the screen before
//! the prompt is drawn. Draining is safe from both threads because every read
//! happens under one mutex and the pipe is non-blocking: whatever was written
//! before `sync` started is in the pipe and gets read.
//!
//! The line editor itself writes to `/dev/tty` (rustyline's
//! `Behavior::PreferTerm`), not to file descriptor 1, so it never goes
//! through the pipe.

use rustyline::ExternalPrinter;
use std::fs::File;
use std::io::{ErrorKind, Read, Write};
use std::os::fd::{AsFd, OwnedFd};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;

/// The printer through which output reaches the screen while a line is edited.
pub type Printer = Box<dyn ExternalPrinter + Send>;

/// The pipe behind stdout and stderr, and the thread that empties it.
pub struct Gate {
    shared: Arc<Shared>,
    /// The terminal's stdout and stderr, put back by [`Gate::restore`].
    saved_out: OwnedFd,
    saved_err: OwnedFd,
    forwarder: Mutex<Option<JoinHandle<()>>>,
}

struct Shared {
    /// The read end, non-blocking.
    pipe: File,
    state: Mutex<State>,
}

struct State {
    /// The terminal (a duplicate of the original stdout).
    term: File,
    /// The start of a line written while the prompt was up, waiting for its end.
    partial: Vec<u8>,
    /// Whether the line editor has the prompt up.
    editing: bool,
    printer: Option<Printer>,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        // Nothing can leave the state inconsistent, so a panic elsewhere
        // while holding the lock is no reason to stop forwarding output.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Reads everything the pipe holds and forwards it; tells whether the
    /// write ends are all closed.
    fn pump(&self) -> bool {
        let mut state = self.lock();
        let mut data = Vec::new();
        let mut buf = [0u8; 8192];
        let mut closed = false;
        loop {
            match (&self.pipe).read(&mut buf) {
                Ok(0) => {
                    closed = true;
                    break;
                }
                Ok(n) => data.extend_from_slice(&buf[..n]),
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(_) => break,
            }
        }
        if !data.is_empty() {
            state.forward(&data);
        }
        closed
    }
}

impl State {
    fn forward(&mut self, data: &[u8]) {
        if self.editing && self.printer.is_some() {
            self.partial.extend_from_slice(data);
            let Some(end) = self.partial.iter().rposition(|&b| b == b'\n') else {
                return;
            };
            let lines: Vec<u8> = self.partial.drain(..=end).collect();
            let text = String::from_utf8_lossy(&lines).into_owned();
            let printed = self.printer.as_mut().map(|p| p.print(text.clone()).is_ok());
            if printed != Some(true) {
                // The editor is gone: the terminal is the next best place.
                self.write_term(text.as_bytes());
            }
        } else {
            let partial = std::mem::take(&mut self.partial);
            self.write_term(&partial);
            self.write_term(data);
        }
    }

    fn write_term(&mut self, bytes: &[u8]) {
        if !bytes.is_empty() {
            // A terminal that cannot be written to has nowhere to report it.
            let _ = self.term.write_all(bytes);
            let _ = self.term.flush();
        }
    }
}

impl Gate {
    /// Puts the pipe behind stdout and stderr and starts the forwarder.
    pub fn install() -> std::io::Result<Gate> {
        let term = File::from(rustix::io::dup(std::io::stdout().as_fd())?);
        let saved_out = rustix::io::dup(std::io::stdout().as_fd())?;
        let saved_err = rustix::io::dup(std::io::stderr().as_fd())?;
        let (reader, writer) = std::io::pipe()?;
        rustix::io::ioctl_fionbio(&reader, true)?;
        std::io::stdout().flush()?;
        rustix::stdio::dup2_stdout(&writer)?;
        rustix::stdio::dup2_stderr(&writer)?;
        drop(writer);
        let shared = Arc::new(Shared {
            pipe: File::from(OwnedFd::from(reader)),
            state: Mutex::new(State {
                term,
                partial: Vec::new(),
                editing: false,
                printer: None,
            }),
        });
        let forwarder = {
            let shared = shared.clone();
            std::thread::Builder::new()
                .name("towel-output".into())
                .spawn(move || forward_loop(&shared))?
        };
        Ok(Gate {
            shared,
            saved_out,
            saved_err,
            forwarder: Mutex::new(Some(forwarder)),
        })
    }

    /// Forwards everything written so far; call it before drawing a prompt.
    pub fn sync(&self) {
        let _ = std::io::stdout().flush();
        let _ = std::io::stderr().flush();
        self.shared.pump();
    }

    /// Says whether the prompt is up; output then goes through the printer.
    pub fn set_editing(&self, editing: bool) {
        let mut state = self.shared.lock();
        state.editing = editing;
        if !editing {
            let partial = std::mem::take(&mut state.partial);
            state.write_term(&partial);
        }
    }

    /// Hands over the printer of a (new) line editor.
    pub fn set_printer(&self, printer: Option<Printer>) {
        self.shared.lock().printer = printer;
    }

    /// Puts the terminal back behind stdout and stderr, forwards what is
    /// left in the pipe and stops the forwarder.
    pub fn restore(&self) {
        self.sync();
        self.set_editing(false);
        let _ = rustix::stdio::dup2_stdout(&self.saved_out);
        let _ = rustix::stdio::dup2_stderr(&self.saved_err);
        // With fds 1 and 2 back on the terminal, the pipe's last write ends
        // are closed (unless a child process still holds one), so the
        // forwarder sees the end of the pipe and exits.
        self.shared.pump();
        let handle = self
            .forwarder
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(handle) = handle {
            if handle.is_finished() {
                let _ = handle.join();
            }
        }
    }
}

/// The forwarder thread: waits for data and forwards it until the pipe closes.
fn forward_loop(shared: &Shared) {
    use rustix::event::{poll, PollFd, PollFlags};
    loop {
        let mut fds = [PollFd::new(&shared.pipe, PollFlags::IN)];
        match poll(&mut fds, None) {
            Ok(_) => {}
            Err(rustix::io::Errno::INTR) => continue,
            Err(_) => return,
        }
        let hangup = fds[0].revents().intersects(PollFlags::HUP | PollFlags::ERR);
        if shared.pump() || (hangup && !fds[0].revents().contains(PollFlags::IN)) {
            return;
        }
    }
}
