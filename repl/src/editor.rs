//! The line editor, on its own thread.
//!
//! # Why a thread
//!
//! Reading a line blocks until the user presses Enter, and the main thread
//! must keep running the event loop meanwhile so that background tasks make
//! progress. So rustyline reads on a reader thread: the session asks for a
//! line with [`Reader::read`] and gets the answer as an [`Event`] on the
//! channel its async wait listens to. Completion needs the VM, which lives
//! on the main thread, so the editor's completer sends a
//! [`Event::Complete`] request over the same channel and waits for the reply.
//!
//! # Resilience
//!
//! Each `readline` runs under `catch_unwind`: if the editor panics, the
//! input is reported lost, a fresh editor replaces it, and the session goes
//! on. When standard input is not a terminal, lines are read plainly (no
//! editing, prompts on stderr), as `python -i` does.

use std::io::{BufRead, IsTerminal, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;

use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{
    Behavior, Cmd, ConditionalEventHandler, Config, EventContext, EventHandler, KeyCode, KeyEvent,
    Modifiers, Movement, RepeatCount,
};
use towel_runtime::channel::Sender;

use crate::output::Gate;

/// What the session hears from the reader thread and the signal handler.
pub enum Event {
    /// The answer to a [`Reader::read`].
    Input(Input),
    /// The editor wants the completions of `line` at byte `pos`.
    Complete {
        line: String,
        pos: usize,
        reply: mpsc::SyncSender<(usize, Vec<String>)>,
    },
    /// Ctrl-C arrived as a signal: a statement was running, not the editor.
    Interrupt,
}

/// One answer of the line editor.
pub enum Input {
    Line(String),
    /// Ctrl-C at the prompt.
    Interrupted,
    /// Ctrl-D at the prompt, or the end of standard input.
    Eof,
    /// The editor failed; the message says why.
    Failed(String),
}

enum Request {
    Read { prompt: String, indent: String },
    Stop,
}

/// The handle to the reader thread.
pub struct Reader {
    requests: mpsc::Sender<Request>,
    thread: Option<JoinHandle<()>>,
}

/// How long the editor waits for completions before giving up, so that a
/// main thread kept busy by a task cannot freeze the editor.
const COMPLETION_TIMEOUT: Duration = Duration::from_secs(2);

/// Indentation added after a line that ends with `:`.
pub const INDENT: &str = "    ";

impl Reader {
    /// Starts the reader thread: a line editor when stdin is a terminal,
    /// plain line reading otherwise.
    pub fn spawn(
        events: Sender<Event>,
        gate: Option<Arc<Gate>>,
        history: Option<PathBuf>,
    ) -> std::io::Result<Reader> {
        let (requests, inbox) = mpsc::channel();
        let terminal = std::io::stdin().is_terminal();
        let thread = std::thread::Builder::new()
            .name("towel-editor".into())
            .spawn(move || {
                if terminal {
                    edit_loop(&inbox, &events, gate.as_deref(), history);
                } else {
                    plain_loop(&inbox, &events);
                }
            })?;
        Ok(Reader {
            requests,
            thread: Some(thread),
        })
    }

    /// Asks for the next line, shown after `prompt` with `indent` already typed.
    /// Returns false when the reader thread is gone.
    pub fn read(&self, prompt: &str, indent: &str) -> bool {
        self.requests
            .send(Request::Read {
                prompt: prompt.into(),
                indent: indent.into(),
            })
            .is_ok()
    }

    /// Stops the thread and waits a moment for it. A thread still inside
    /// `readline` (the session ended from a background task) cannot be
    /// woken; it is left to end with the process.
    pub fn stop(mut self) {
        let _ = self.requests.send(Request::Stop);
        if let Some(t) = self.thread.take() {
            let deadline = std::time::Instant::now() + Duration::from_millis(500);
            while !t.is_finished() && std::time::Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(5));
            }
            if t.is_finished() {
                let _ = t.join();
            }
        }
    }
}

/// Reads lines from a non-terminal stdin, prompts on stderr.
fn plain_loop(inbox: &mpsc::Receiver<Request>, events: &Sender<Event>) {
    let stdin = std::io::stdin();
    while let Ok(Request::Read { prompt, .. }) = inbox.recv() {
        eprint!("{prompt}");
        let _ = std::io::stderr().flush();
        let mut line = String::new();
        let input = match stdin.lock().read_line(&mut line) {
            Ok(0) => Input::Eof,
            Ok(_) => {
                let trimmed = line.trim_end_matches(['\n', '\r']);
                Input::Line(trimmed.to_string())
            }
            Err(e) => Input::Failed(e.to_string()),
        };
        if events.send_blocking(Event::Input(input)).is_err() {
            return;
        }
    }
}

type Editor = rustyline::Editor<Helper, rustyline::history::DefaultHistory>;

/// The interactive loop: one `readline` per request.
fn edit_loop(
    inbox: &mpsc::Receiver<Request>,
    events: &Sender<Event>,
    gate: Option<&Gate>,
    history: Option<PathBuf>,
) {
    let indent = Arc::new(Mutex::new(String::new()));
    let mut editor = new_editor(events, &indent, gate, history.as_ref());
    while let Ok(Request::Read {
        prompt,
        indent: initial,
    }) = inbox.recv()
    {
        let Some(ed) = editor.as_mut() else {
            let _ = events.send_blocking(Event::Input(Input::Failed(
                "the line editor could not start".into(),
            )));
            editor = new_editor(events, &indent, gate, history.as_ref());
            continue;
        };
        *indent.lock().unwrap_or_else(PoisonError::into_inner) = initial.clone();
        if let Some(g) = gate {
            g.set_editing(true);
        }
        let result = catch_unwind(AssertUnwindSafe(|| {
            ed.readline_with_initial(prompt.as_str(), (initial.as_str(), ""))
        }));
        if let Some(g) = gate {
            g.set_editing(false);
        }
        let input = match result {
            Ok(Ok(line)) => {
                if !line.trim().is_empty() {
                    let _ = ed.add_history_entry(line.as_str());
                    if let Some(path) = &history {
                        // A history file that cannot be written costs only the history.
                        let _ = ed.append_history(path);
                    }
                }
                Input::Line(line)
            }
            Ok(Err(ReadlineError::Interrupted)) => Input::Interrupted,
            Ok(Err(ReadlineError::Eof)) => Input::Eof,
            Ok(Err(e)) => Input::Failed(e.to_string()),
            Err(_) => {
                // The panic message went to stderr already; start afresh.
                drop(editor.take());
                editor = new_editor(events, &indent, gate, history.as_ref());
                Input::Failed("the line editor crashed; the line was lost".into())
            }
        };
        if events.send_blocking(Event::Input(input)).is_err() {
            break;
        }
    }
    if let Some(g) = gate {
        g.set_printer(None);
    }
}

/// A configured editor with its helper, key bindings, history and printer.
fn new_editor(
    events: &Sender<Event>,
    indent: &Arc<Mutex<String>>,
    gate: Option<&Gate>,
    history: Option<&PathBuf>,
) -> Option<Editor> {
    let config = Config::builder()
        .behavior(Behavior::PreferTerm)
        .auto_add_history(false)
        .max_history_size(10_000)
        .ok()?
        .history_ignore_space(false)
        .completion_type(rustyline::CompletionType::List)
        .build();
    let mut ed = Editor::with_config(config).ok()?;
    ed.set_helper(Some(Helper {
        events: events.clone(),
        colour: crate::highlight::enabled(),
    }));
    ed.bind_sequence(
        KeyEvent(KeyCode::Tab, Modifiers::NONE),
        EventHandler::Conditional(Box::new(TabIndents)),
    );
    ed.bind_sequence(
        KeyEvent(KeyCode::Backspace, Modifiers::NONE),
        EventHandler::Conditional(Box::new(BackspaceDedents)),
    );
    ed.bind_sequence(
        KeyEvent(KeyCode::Char(' '), Modifiers::NONE),
        EventHandler::Conditional(Box::new(SpaceReplacesAutoIndent {
            indent: indent.clone(),
        })),
    );
    if let Some(path) = history {
        // No history file yet is the normal first run.
        let _ = ed.load_history(path);
    }
    if let Some(g) = gate {
        let printer = ed
            .create_external_printer()
            .ok()
            .map(|p| Box::new(p) as crate::output::Printer);
        g.set_printer(printer);
    }
    Some(ed)
}

/// Completion, highlighting: what rustyline asks of the REPL while editing.
struct Helper {
    events: Sender<Event>,
    colour: bool,
}

impl Completer for Helper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &rustyline::Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let (reply, answer) = mpsc::sync_channel(1);
        let asked = self.events.send_blocking(Event::Complete {
            line: line.to_string(),
            pos,
            reply,
        });
        if asked.is_err() {
            return Ok((pos, Vec::new()));
        }
        match answer.recv_timeout(COMPLETION_TIMEOUT) {
            Ok((start, names)) => Ok((
                start,
                names
                    .into_iter()
                    .map(|n| Pair {
                        display: n.clone(),
                        replacement: n,
                    })
                    .collect(),
            )),
            Err(_) => Ok((pos, Vec::new())),
        }
    }
}

impl Highlighter for Helper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> std::borrow::Cow<'l, str> {
        if self.colour {
            std::borrow::Cow::Owned(crate::highlight::colourize(line))
        } else {
            std::borrow::Cow::Borrowed(line)
        }
    }

    fn highlight_char(&self, _line: &str, _pos: usize, kind: CmdKind) -> bool {
        // Recolour after every edit: a quote or a `#` changes the rest of the line.
        self.colour && kind != CmdKind::MoveCursor
    }
}

impl Hinter for Helper {
    type Hint = String;
}

impl Validator for Helper {}

impl rustyline::Helper for Helper {}

/// Whether everything before the cursor is blank (spaces or tabs).
fn blank_before(ctx: &EventContext<'_>) -> Option<usize> {
    let before = ctx.line().get(..ctx.pos())?;
    before
        .chars()
        .all(|c| c == ' ' || c == '\t')
        .then_some(before.len())
}

/// Tab at the start of a line indents by one level; elsewhere it completes.
struct TabIndents;

impl ConditionalEventHandler for TabIndents {
    fn handle(
        &self,
        _evt: &rustyline::Event,
        _n: RepeatCount,
        _positive: bool,
        ctx: &EventContext<'_>,
    ) -> Option<Cmd> {
        blank_before(ctx).map(|_| Cmd::Insert(1, INDENT.into()))
    }
}

/// Backspace in the indentation removes one level, back to the previous multiple of four.
struct BackspaceDedents;

impl ConditionalEventHandler for BackspaceDedents {
    fn handle(
        &self,
        _evt: &rustyline::Event,
        _n: RepeatCount,
        _positive: bool,
        ctx: &EventContext<'_>,
    ) -> Option<Cmd> {
        match blank_before(ctx) {
            Some(len) if len > 0 && !ctx.line()[..len].contains('\t') => {
                let n = (len - 1) % INDENT.len() + 1;
                Some(Cmd::Kill(Movement::BackwardChar(n as RepeatCount)))
            }
            _ => None,
        }
    }
}

/// The automatic indentation is a suggestion: a space typed on a line that
/// still holds exactly that indentation replaces it. So a user (or a paste
/// without bracketed-paste support) who types the indentation gets exactly
/// the indentation typed, never the sum of both.
struct SpaceReplacesAutoIndent {
    indent: Arc<Mutex<String>>,
}

impl ConditionalEventHandler for SpaceReplacesAutoIndent {
    fn handle(
        &self,
        _evt: &rustyline::Event,
        _n: RepeatCount,
        _positive: bool,
        ctx: &EventContext<'_>,
    ) -> Option<Cmd> {
        let mut indent = self.indent.lock().unwrap_or_else(PoisonError::into_inner);
        if !indent.is_empty() && ctx.line() == indent.as_str() && ctx.pos() == ctx.line().len() {
            // Only the first space: the user's own indentation may be as deep.
            indent.clear();
            Some(Cmd::Replace(Movement::WholeLine, Some(" ".into())))
        } else {
            None
        }
    }
}
