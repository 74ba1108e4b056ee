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
//! * while the prompt is up, to the printer thread, which hands it to
//!   rustyline's `ExternalPrinter`: that clears the prompt, prints the text
//!   and redraws the prompt with what the user has typed so far. Only whole
//!   lines go that way (the printer ends every message with a newline); a
//!   partial line waits a moment for its end ([`PARTIAL_WAIT`]), then is
//!   shown as a line of its own, so background output that never ends its
//!   line (`print('.', end='')`) still appears, and never glues onto the
//!   next message.
//!
//! A prompt always starts on a line of its own: before drawing one, the REPL
//! ends a line the program left open, as Python 3.13's REPL does.
//!
//! Before the REPL shows a prompt it drains the pipe itself ([`Gate::sync`]),
//! so the output of the statement that just finished is on the screen before
//! the prompt is drawn. Draining is safe from both threads because every read
//! happens under one mutex and the pipe is non-blocking: whatever was written
//! before `sync` started is in the pipe and gets read.
//!
//! # Why a printer thread
//!
//! `ExternalPrinter::print` can block: while the terminal is in raw mode it
//! queues the text (one message deep) for rustyline's input loop. A message
//! sent just as the user presses Enter stays queued until the next prompt,
//! and a second one would wait for it. If the forwarder itself waited there,
//! the pipe would fill, the program writing to it would stop, no next prompt
//! would come, and the session would hang. The printer thread takes that wait
//! instead; when the prompt goes away, output still waiting for it is given
//! a moment to come out, then later output goes straight to the terminal.
//!
//! The line editor itself writes to `/dev/tty` (rustyline's
//! `Behavior::PreferTerm`), not to file descriptor 1, so it never goes
//! through the pipe.

use rustyline::ExternalPrinter;
use std::fs::File;
use std::io::{ErrorKind, Read, Write};
use std::os::fd::{AsFd, OwnedFd};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

/// The printer through which output reaches the screen while a line is edited.
pub type Printer = Box<dyn ExternalPrinter + Send>;

/// How long the end of an edit waits for output still on its way to the printer.
const PRINTER_DRAIN: Duration = Duration::from_millis(200);

/// How long the start of a line written while the prompt is up waits for its end.
const PARTIAL_WAIT: Duration = Duration::from_millis(50);

/// The pipe behind stdout and stderr, and the threads that empty it.
pub struct Gate {
    shared: Arc<Shared>,
    /// The terminal's stdout and stderr, put back by [`Gate::restore`].
    saved_out: OwnedFd,
    saved_err: OwnedFd,
}

struct Shared {
    /// The read end, non-blocking.
    pipe: File,
    state: Mutex<State>,
    /// Messages handed to the printer thread and not yet printed.
    in_flight: Arc<AtomicUsize>,
}

/// What the printer thread is asked to do.
enum ToPrinter {
    /// Use this printer from now on (None: there is no editor).
    Set(Option<Printer>),
    Text(String),
}

struct State {
    /// The terminal (a duplicate of the original stdout).
    term: File,
    /// Whether what was last written to `term` ended its line.
    at_line_start: bool,
    /// The start of a line written while the prompt was up, waiting for its end.
    partial: Vec<u8>,
    /// Whether the line editor has the prompt up.
    editing: bool,
    /// Whether an editor has handed over its printer.
    has_printer: bool,
    printer: mpsc::Sender<ToPrinter>,
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
            self.forward(&mut state, &data);
        }
        closed
    }

    fn forward(&self, state: &mut State, data: &[u8]) {
        if state.editing && state.has_printer {
            state.partial.extend_from_slice(data);
            let Some(end) = state.partial.iter().rposition(|&b| b == b'\n') else {
                return;
            };
            let lines: Vec<u8> = state.partial.drain(..=end).collect();
            let text = String::from_utf8_lossy(&lines).into_owned();
            self.in_flight.fetch_add(1, Ordering::AcqRel);
            if let Err(mpsc::SendError(ToPrinter::Text(text))) =
                state.printer.send(ToPrinter::Text(text))
            {
                // The printer thread is gone: the terminal is the next best place.
                self.in_flight.fetch_sub(1, Ordering::AcqRel);
                write_term(&mut state.term, text.as_bytes());
            }
        } else {
            let partial = std::mem::take(&mut state.partial);
            state.write(&partial);
            state.write(data);
        }
    }

    /// Shows a line start that waited [`PARTIAL_WAIT`] for its end as a
    /// line of its own above the prompt.
    fn flush_partial(&self) {
        let mut state = self.lock();
        if state.editing && state.has_printer && !state.partial.is_empty() {
            state.partial.push(b'\n');
            let data = std::mem::take(&mut state.partial);
            self.forward(&mut state, &data);
        }
    }

    fn partial_pending(&self) -> bool {
        !self.lock().partial.is_empty()
    }
}

impl State {
    fn write(&mut self, bytes: &[u8]) {
        if let Some(&last) = bytes.last() {
            self.at_line_start = last == b'\n';
            write_term(&mut self.term, bytes);
        }
    }
}

fn write_term(term: &mut File, bytes: &[u8]) {
    if !bytes.is_empty() {
        // A terminal that cannot be written to has nowhere to report it.
        let _ = term.write_all(bytes);
        let _ = term.flush();
    }
}

impl Gate {
    /// Puts the pipe behind stdout and stderr and starts the forwarder.
    pub fn install() -> std::io::Result<Gate> {
        let term = File::from(rustix::io::dup(std::io::stdout().as_fd())?);
        let printer_term = term.try_clone()?;
        let saved_out = rustix::io::dup(std::io::stdout().as_fd())?;
        let saved_err = rustix::io::dup(std::io::stderr().as_fd())?;
        let (reader, writer) = std::io::pipe()?;
        rustix::io::ioctl_fionbio(&reader, true)?;
        let in_flight = Arc::new(AtomicUsize::new(0));
        let (printer, inbox) = mpsc::channel();
        {
            let in_flight = in_flight.clone();
            std::thread::Builder::new()
                .name("towel-printer".into())
                .spawn(move || print_loop(&inbox, printer_term, &in_flight))?;
        }
        std::io::stdout().flush()?;
        rustix::stdio::dup2_stdout(&writer)?;
        rustix::stdio::dup2_stderr(&writer)?;
        drop(writer);
        let shared = Arc::new(Shared {
            pipe: File::from(OwnedFd::from(reader)),
            state: Mutex::new(State {
                term,
                at_line_start: true,
                partial: Vec::new(),
                editing: false,
                has_printer: false,
                printer,
            }),
            in_flight,
        });
        {
            let shared = shared.clone();
            std::thread::Builder::new()
                .name("towel-output".into())
                .spawn(move || forward_loop(&shared))?;
        }
        Ok(Gate {
            shared,
            saved_out,
            saved_err,
        })
    }

    /// Forwards everything written so far and ends a line left open; call
    /// it before drawing a prompt.
    pub fn sync(&self) {
        let _ = std::io::stdout().flush();
        let _ = std::io::stderr().flush();
        self.shared.pump();
        let mut state = self.shared.lock();
        if !state.at_line_start {
            state.write(b"\n");
        }
    }

    /// Says whether the prompt is up; output then goes through the printer.
    pub fn set_editing(&self, editing: bool) {
        if !editing {
            // Let what is on its way to the printer come out first, so that
            // what follows does not overtake it (see the module documentation).
            let deadline = Instant::now() + PRINTER_DRAIN;
            while self.shared.in_flight.load(Ordering::Acquire) > 0 && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(1));
            }
        }
        let mut state = self.shared.lock();
        state.editing = editing;
        if !editing {
            let mut partial = std::mem::take(&mut state.partial);
            if !partial.is_empty() {
                // The user's Enter moved the cursor to a new line: the
                // waiting line start goes there as a line of its own.
                partial.push(b'\n');
            }
            state.write(&partial);
        }
    }

    /// Hands over the printer of a (new) line editor.
    pub fn set_printer(&self, printer: Option<Printer>) {
        let mut state = self.shared.lock();
        state.has_printer = printer.is_some();
        if state.printer.send(ToPrinter::Set(printer)).is_err() {
            state.has_printer = false;
        }
    }

    /// Puts the terminal back behind stdout and stderr and forwards what is
    /// left in the pipe. The threads end by themselves once the pipe's last
    /// write end is closed (or with the process).
    pub fn restore(&self) {
        self.sync();
        self.set_editing(false);
        let _ = rustix::stdio::dup2_stdout(&self.saved_out);
        let _ = rustix::stdio::dup2_stderr(&self.saved_err);
        self.shared.pump();
    }
}

/// The forwarder thread: waits for data and forwards it until the pipe closes.
fn forward_loop(shared: &Shared) {
    use rustix::event::{poll, PollFd, PollFlags};
    loop {
        let mut fds = [PollFd::new(&shared.pipe, PollFlags::IN)];
        let wait = shared
            .partial_pending()
            .then(|| rustix::event::Timespec::try_from(PARTIAL_WAIT).unwrap_or_default());
        match poll(&mut fds, wait.as_ref()) {
            Ok(0) => {
                shared.flush_partial();
                continue;
            }
            Ok(_) => {}
            Err(rustix::io::Errno::INTR) => continue,
            Err(_) => return,
        }
        let revents = fds[0].revents();
        let hangup =
            revents.intersects(PollFlags::HUP | PollFlags::ERR) && !revents.contains(PollFlags::IN);
        if shared.pump() || hangup {
            return;
        }
    }
}

/// The printer thread: prints each message above the prompt, or on the
/// terminal when there is no printer or it fails.
fn print_loop(inbox: &mpsc::Receiver<ToPrinter>, mut term: File, in_flight: &AtomicUsize) {
    let mut printer: Option<Printer> = None;
    for msg in inbox {
        match msg {
            ToPrinter::Set(p) => printer = p,
            ToPrinter::Text(text) => {
                let printed = printer
                    .as_mut()
                    .is_some_and(|p| p.print(text.clone()).is_ok());
                if !printed {
                    write_term(&mut term, text.as_bytes());
                }
                in_flight.fetch_sub(1, Ordering::AcqRel);
            }
        }
    }
}
