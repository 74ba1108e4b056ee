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
    Read {
        prompt: String,
        indent: String,
        /// The line continues the entry of the lines before it (a `...`
        /// prompt), so that history keeps the entry as one block.
        continues: bool,
    },
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

    /// Asks for the next line, shown after `prompt` with `indent` already
    /// typed; `continues` when it goes on the entry of the lines before it.
    /// Returns false when the reader thread is gone.
    pub fn read(&self, prompt: &str, indent: &str, continues: bool) -> bool {
        self.requests
            .send(Request::Read {
                prompt: prompt.into(),
                indent: indent.into(),
                continues,
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
    let auto = Arc::new(Mutex::new(AutoIndent::default()));
    let mut editor = new_editor(events, &auto, gate, history.as_ref());
    let mut entry = Entry::default();
    while let Ok(Request::Read {
        prompt,
        indent: initial,
        continues,
    }) = inbox.recv()
    {
        if !continues {
            if let Some(ed) = editor.as_mut() {
                entry.save(ed, history.as_ref());
            }
        }
        let Some(ed) = editor.as_mut() else {
            let _ = events.send_blocking(Event::Input(Input::Failed(
                "the line editor could not start".into(),
            )));
            editor = new_editor(events, &auto, gate, history.as_ref());
            continue;
        };
        *lock(&auto) = AutoIndent {
            offered: initial.clone(),
            owed_space: false,
        };
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
                entry.lines.push(line.clone());
                Input::Line(line)
            }
            Ok(Err(ReadlineError::Interrupted)) => {
                entry.lines.clear();
                Input::Interrupted
            }
            Ok(Err(ReadlineError::Eof)) => Input::Eof,
            Ok(Err(e)) => Input::Failed(e.to_string()),
            Err(_) => {
                // The panic message went to stderr already; start afresh.
                drop(editor.take());
                editor = new_editor(events, &auto, gate, history.as_ref());
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

/// The lines of the entry being typed: a statement of several lines goes
/// into history as one block, recalled and run again as one.
#[derive(Default)]
struct Entry {
    lines: Vec<String>,
}

impl Entry {
    /// Adds the finished entry to the history (and its file) and starts a
    /// new one. A block keeps a final empty line, so that recalling it and
    /// pressing Enter runs it at once.
    fn save(&mut self, ed: &mut Editor, file: Option<&PathBuf>) {
        let text = self.lines.join("\n");
        self.lines.clear();
        let text = text.trim_end();
        if text.trim().is_empty() {
            return;
        }
        let text = if text.contains('\n') {
            format!("{text}\n")
        } else {
            text.to_string()
        };
        let _ = ed.add_history_entry(text);
        if let Some(path) = file {
            // A history file that cannot be written costs only the history.
            let _ = ed.append_history(path);
        }
    }
}

/// A configured editor with its helper, key bindings, history and printer.
fn new_editor(
    events: &Sender<Event>,
    auto: &Arc<Mutex<AutoIndent>>,
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
        .indent_size(INDENT.len() as u8)
        .build();
    let mut ed = Editor::with_config(config).ok()?;
    ed.set_helper(Some(Helper {
        events: events.clone(),
        colour: crate::highlight::enabled(),
    }));
    ed.bind_sequence(
        KeyEvent(KeyCode::Tab, Modifiers::NONE),
        EventHandler::Conditional(Box::new(TabIndents { auto: auto.clone() })),
    );
    ed.bind_sequence(
        KeyEvent(KeyCode::Backspace, Modifiers::NONE),
        EventHandler::Conditional(Box::new(BackspaceDedents { auto: auto.clone() })),
    );
    ed.bind_sequence(
        KeyEvent(KeyCode::Char(' '), Modifiers::NONE),
        EventHandler::Conditional(Box::new(SpaceReplacesAutoIndent { auto: auto.clone() })),
    );
    ed.bind_sequence(
        rustyline::Event::Any,
        EventHandler::Conditional(Box::new(OwedSpaceComesFirst { auto: auto.clone() })),
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
struct TabIndents {
    auto: Arc<Mutex<AutoIndent>>,
}

impl ConditionalEventHandler for TabIndents {
    fn handle(
        &self,
        _evt: &rustyline::Event,
        _n: RepeatCount,
        _positive: bool,
        ctx: &EventContext<'_>,
    ) -> Option<Cmd> {
        let owed = std::mem::take(&mut lock(&self.auto).owed_space);
        blank_before(ctx)
            .map(|_| Cmd::Insert(1, format!("{}{INDENT}", if owed { " " } else { "" })))
    }
}

/// Backspace in the indentation removes one level, when the indentation is
/// whole levels; otherwise one column, back to the previous level.
///
/// rustyline replays a returned command with the key's repeat count, which
/// would turn "delete four columns" into "delete one"; `Dedent` of the whole
/// line is not counted, so it removes exactly one level (`indent_size`).
struct BackspaceDedents {
    auto: Arc<Mutex<AutoIndent>>,
}

impl ConditionalEventHandler for BackspaceDedents {
    fn handle(
        &self,
        _evt: &rustyline::Event,
        _n: RepeatCount,
        _positive: bool,
        ctx: &EventContext<'_>,
    ) -> Option<Cmd> {
        lock(&self.auto).owed_space = false;
        match blank_before(ctx) {
            Some(len)
                if len > 0
                    && len.is_multiple_of(INDENT.len())
                    && !ctx.line()[..len].contains('\t') =>
            {
                Some(Cmd::Dedent(Movement::WholeLine))
            }
            _ => None,
        }
    }
}

/// The automatic indentation of the line being edited, and what typing over
/// it has left to do.
#[derive(Default)]
struct AutoIndent {
    /// The indentation the editor offered, while the line still holds exactly it.
    offered: String,
    /// The user's first space removed the offered indentation; that space is
    /// still to be inserted, with the next key.
    owed_space: bool,
}

fn lock(auto: &Mutex<AutoIndent>) -> std::sync::MutexGuard<'_, AutoIndent> {
    auto.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The automatic indentation is a suggestion: a space typed on a line that
/// still holds exactly that indentation replaces it. So a user (or a paste
/// without bracketed-paste support) who types the indentation gets exactly
/// the indentation typed, never the sum of both.
///
/// rustyline has no single command that deletes text and leaves the cursor
/// after what it inserts, so the first space deletes the offered
/// indentation and the next key brings that space back in front of itself
/// ([`OwedSpaceComesFirst`]).
struct SpaceReplacesAutoIndent {
    auto: Arc<Mutex<AutoIndent>>,
}

impl ConditionalEventHandler for SpaceReplacesAutoIndent {
    fn handle(
        &self,
        _evt: &rustyline::Event,
        _n: RepeatCount,
        _positive: bool,
        ctx: &EventContext<'_>,
    ) -> Option<Cmd> {
        let mut auto = lock(&self.auto);
        if std::mem::take(&mut auto.owed_space) {
            return Some(Cmd::Insert(1, "  ".into()));
        }
        let untouched = !auto.offered.is_empty()
            && ctx.line() == auto.offered.as_str()
            && ctx.pos() == ctx.line().len();
        if untouched {
            auto.offered.clear();
            auto.owed_space = true;
            Some(Cmd::Kill(Movement::BeginningOfLine))
        } else {
            None
        }
    }
}

/// Any other key after the space that replaced the automatic indentation:
/// a character is inserted after the owed space; any other key drops it.
struct OwedSpaceComesFirst {
    auto: Arc<Mutex<AutoIndent>>,
}

impl ConditionalEventHandler for OwedSpaceComesFirst {
    fn handle(
        &self,
        evt: &rustyline::Event,
        _n: RepeatCount,
        _positive: bool,
        _ctx: &EventContext<'_>,
    ) -> Option<Cmd> {
        if !std::mem::take(&mut lock(&self.auto).owed_space) {
            return None;
        }
        match evt.get(0) {
            Some(KeyEvent(KeyCode::Char(c), Modifiers::NONE)) => {
                Some(Cmd::Insert(1, format!(" {c}")))
            }
            _ => None,
        }
    }
}
