//! The interactive session: `towel` on a terminal, and `towel -m asyncio`.
//!
//! # How it works
//!
//! The main thread runs the event loop ([`crate::tasks`]); the session is a
//! future on it. Reading the next line is an async wait on a channel fed by
//! the line editor's thread ([`crate::editor`]), so tasks started at the
//! prompt keep running while the user types, and their output appears above
//! the prompt ([`crate::output`]).
//!
//! One input is compiled in the compiler's interactive mode: expression
//! statements echo their value's repr and store it in `builtins._`, and a
//! top-level `await` (also `async for`/`async with`, anywhere at top level)
//! makes the module code a coroutine. Such code runs as a task that the
//! session awaits, so Ctrl-C can cancel it while background tasks go on;
//! other code runs directly.
//!
//! Lines are gathered as in CPython's REPL: `>>> ` starts an input and `... `
//! continues it while the source is incomplete (an open bracket, a block
//! waiting for its body, an unterminated triple-quoted string); a compound
//! statement ends with an empty line.

use std::cell::Cell;
use std::path::PathBuf;
use std::pin::pin;
use std::process::ExitCode;
use std::rc::Rc;
use std::sync::atomic::Ordering;
use std::sync::Arc;

use towel_lang::bytecode::flags;
use towel_lang::compiler::Mode;
use towel_lang::lexer::{highlight, TokenClass};
use towel_lang::objects::{
    Args, Code, GenKind, Generator, Module, Name, NativeClosure, PyErr, PyResult, Value,
};
use towel_lang::source::SyntaxError;
use towel_lang::Vm;
use towel_runtime::channel::{self, Receiver};

use crate::editor::{Event, Input, Reader, INDENT};
use crate::output::Gate;
use crate::tasks::{EventLoop, Statement};

/// The file name of interactive input, as in CPython's tracebacks.
const FILENAME: &str = "<stdin>";
/// Run in `__main__` before the first prompt and shown there, as CPython's `python -m asyncio` does.
const PRELUDE: &str = "import asyncio";

/// How many editor failures in a row end the session (a terminal that went away).
const MAX_FAILURES: u32 = 3;

/// How the session starts.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// `towel`, `towel -m asyncio`: the banner (unless `-q`) and the prelude.
    Fresh,
    /// `-i` after a program: straight to the prompt, as python's.
    AfterProgram,
}

/// Runs the REPL until `exit()`, Ctrl-D or the end of input.
pub fn run(vm: Vm, start: Start) -> ExitCode {
    // The session and the tasks it starts hold the VM for as long as the
    // process lives; leaking it gives them the `'static` borrow they need.
    let vm: &'static Vm = Box::leak(Box::new(vm));
    // The command line has set `sys.path` and `sys.argv`; a script run
    // before (`-i`) leaves its globals in `__main__`.
    let main = vm.main_module();

    use std::io::IsTerminal;
    let terminal = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    let gate = if terminal {
        Gate::install().ok().map(Arc::new)
    } else {
        None
    };
    let (events_tx, events) = channel::unbounded();
    if let Err(e) = crate::interrupt::install(vm.interrupt.clone(), events_tx.clone()) {
        eprintln!("towel: Ctrl-C will not interrupt statements: {e}");
    }
    let reader = match Reader::spawn(events_tx, gate.clone(), history_path()) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("towel: cannot start the line editor: {e}");
            return ExitCode::from(1);
        }
    };
    let lp = match EventLoop::new(vm) {
        Ok(lp) => Rc::new(lp),
        Err(e) => {
            vm.print_exception(&e);
            eprintln!("towel: asyncio could not start the REPL's event loop");
            return ExitCode::from(1);
        }
    };
    install_builtins(vm, &lp);
    let session = Session {
        vm,
        main,
        lp: lp.clone(),
        reader: Rc::new(reader),
        events,
        gate: gate.clone(),
        failures: Cell::new(0),
        start,
        terminal,
    };
    let reader = session.reader.clone();
    let terminal_mode = TerminalMode::save();
    // A panic here is a bug in the interpreter, and its state cannot be
    // trusted afterwards: end the session, but leave the terminal usable.
    let code = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        lp.run(Box::pin(session.run()))
    }))
    .unwrap_or_else(|_| {
        eprintln!("towel: internal error; the session cannot go on");
        ExitCode::from(1)
    });
    vm.flush_stdout();
    if let Ok(reader) = Rc::try_unwrap(reader) {
        reader.stop();
    }
    terminal_mode.restore();
    if let Some(gate) = gate {
        gate.restore();
    }
    code
}

/// The terminal's settings at the start, put back at the end: if the session
/// ends while the line editor has the terminal in raw mode (a background
/// task called `sys.exit()`), the shell must not inherit raw mode.
struct TerminalMode(Option<rustix::termios::Termios>);

impl TerminalMode {
    fn save() -> TerminalMode {
        TerminalMode(rustix::termios::tcgetattr(std::io::stdin()).ok())
    }

    fn restore(&self) {
        if let Some(t) = &self.0 {
            let _ = rustix::termios::tcsetattr(
                std::io::stdin(),
                rustix::termios::OptionalActions::Now,
                t,
            );
        }
    }
}

/// `$TOWEL_HISTORY` if set (empty: no history), else `~/.towel_history`.
fn history_path() -> Option<PathBuf> {
    match std::env::var_os("TOWEL_HISTORY") {
        Some(p) if p.is_empty() => None,
        Some(p) => Some(PathBuf::from(p)),
        None => std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".towel_history")),
    }
}

struct Session {
    vm: &'static Vm,
    main: Rc<Module>,
    lp: Rc<EventLoop>,
    reader: Rc<Reader>,
    events: Receiver<Event>,
    gate: Option<Arc<Gate>>,
    failures: Cell<u32>,
    start: Start,
    /// Standard input and output are a terminal (the line editor echoes).
    terminal: bool,
}

/// What the lines gathered so far call for.
enum Next {
    /// Nothing but blank lines: start over.
    Nothing,
    /// The input goes on: prompt with `... `.
    More,
    Run(Rc<Code>),
    Error(SyntaxError),
}

impl Session {
    async fn run(self) -> ExitCode {
        if self.start == Start::Fresh {
            // `-q`: no version and copyright lines, as python's.
            if !self.vm.config.borrow().quiet {
                self.banner();
            }
            eprintln!(">>> {PRELUDE}");
            if let Ok(code) = self.vm.compile(PRELUDE, FILENAME, Mode::Interactive) {
                if let Some(exit) = self.execute(code).await {
                    return exit;
                }
            }
        }
        let mut lines: Vec<String> = Vec::new();
        loop {
            let (prompt, indent) = if lines.is_empty() {
                (">>> ", String::new())
            } else {
                ("... ", next_indent(&lines))
            };
            self.sync_output();
            if !self.reader.read(prompt, &indent, !lines.is_empty()) {
                return ExitCode::SUCCESS;
            }
            match self.next_input().await {
                Input::Eof => {
                    // As python's: the prompt's line ends when the input does.
                    if !self.terminal {
                        eprintln!();
                    }
                    return ExitCode::SUCCESS;
                }
                Input::Interrupted => {
                    eprintln!("KeyboardInterrupt");
                    lines.clear();
                }
                Input::Failed(why) => {
                    eprintln!("towel: {why}");
                    lines.clear();
                    self.failures.set(self.failures.get() + 1);
                    if self.failures.get() >= MAX_FAILURES {
                        return ExitCode::from(1);
                    }
                }
                Input::Line(text) => {
                    self.failures.set(0);
                    // A paste may bring several lines at once.
                    let pasted: Vec<&str> =
                        text.split('\n').map(|l| l.trim_end_matches('\r')).collect();
                    for (i, line) in pasted.iter().enumerate() {
                        lines.push(line.to_string());
                        if blank_inside_pasted_block(&lines, &pasted[i + 1..]) {
                            continue;
                        }
                        match self.next(&lines) {
                            Next::More => continue,
                            Next::Nothing => {}
                            Next::Error(e) => {
                                self.vm.flush_stdout();
                                eprint!("{}", e.render());
                            }
                            Next::Run(code) => {
                                if let Some(exit) = self.execute(code).await {
                                    return exit;
                                }
                            }
                        }
                        lines.clear();
                    }
                }
            }
        }
    }

    fn banner(&self) {
        let version = env!("CARGO_PKG_VERSION");
        eprintln!(
            "towel {version} (Python 3.11 compatible) on {}, asynchronous REPL",
            std::env::consts::OS
        );
        eprintln!("Use \"await\" directly instead of \"asyncio.run()\"; tasks() shows what the tasks are doing.");
        eprintln!("Type \"help()\" for the builtins and modules, \"exit()\" or Ctrl-D to leave.");
    }

    /// Puts everything written so far on the screen, before a prompt.
    fn sync_output(&self) {
        self.vm.flush_stdout();
        if let Some(g) = &self.gate {
            g.sync();
        }
    }

    /// Waits for the editor's answer, serving completion requests meanwhile.
    async fn next_input(&self) -> Input {
        loop {
            match self.events.recv().await {
                Ok(Event::Input(input)) => return input,
                Ok(Event::Complete { line, pos, reply }) => {
                    let answer = crate::complete::complete(self.vm, &self.main, &line, pos);
                    // The editor may have given up waiting; then nobody needs the answer.
                    let _ = reply.send(answer);
                }
                Ok(Event::Interrupt) => {
                    // Nothing runs in the foreground: a late Ctrl-C must not
                    // hit whatever runs next.
                    self.vm.interrupt.store(false, Ordering::Release);
                    towel_runtime::signal::take_pending(signal_hook::consts::SIGINT);
                }
                Err(_) => return Input::Eof,
            }
        }
    }

    /// Decides what the lines gathered so far are (see the module documentation).
    fn next(&self, lines: &[String]) -> Next {
        if lines.iter().all(|l| l.trim().is_empty()) {
            return Next::Nothing;
        }
        let last_blank = lines.last().is_some_and(|l| l.trim().is_empty());
        let mut source = lines.join("\n");
        source.push('\n');
        match self.vm.compile(&source, FILENAME, Mode::Interactive) {
            Ok(code) if starts_compound(&source) && !last_blank => {
                let _ = code;
                Next::More
            }
            Ok(code) => Next::Run(code),
            // An empty line ends a block, but not a bracket or a string.
            Err(e) if e.incomplete && (!last_blank || inside_bracket_or_string(&source)) => {
                Next::More
            }
            Err(e) => Next::Error(e),
        }
    }

    /// Runs one input; returns the exit status if it ended the session.
    async fn execute(&self, code: Rc<Code>) -> Option<ExitCode> {
        let vm = self.vm;
        let (result, by_user) = if code.co.flags & flags::COROUTINE != 0 {
            let ns = self.main.ns.clone();
            let frame = vm.new_frame(code.clone(), ns.clone(), Some(ns));
            let name: Rc<str> = Rc::from("<module>");
            let coro = Value::Generator(towel_lang::objects::gc::new(Generator::new(
                GenKind::Coroutine,
                code,
                frame,
                name.clone(),
                name,
                false,
            )));
            match self.lp.start(coro) {
                Ok(stmt) => {
                    let result = self.await_statement(&stmt).await;
                    (result, stmt.cancelled_by_user())
                }
                Err(e) => (Err(e), false),
            }
        } else {
            (vm.run_code(code, &self.main), false)
        };
        vm.flush_stdout();
        self.lp.note_tasks();
        let err = result.err()?;
        if vm.err_is(&err, &vm.exc.system_exit) {
            return Some(towel_lang::vm::exit_status(vm, &err));
        }
        if by_user && is_cancellation(vm, &err) {
            eprintln!("\nKeyboardInterrupt");
        } else {
            vm.print_exception(&err);
        }
        None
    }

    /// Waits for a statement's task, cancelling it on Ctrl-C.
    async fn await_statement(&self, stmt: &Statement) -> PyResult<Value> {
        enum Woke {
            Done(PyResult<Value>),
            Event(Result<Event, channel::RecvError>),
        }
        let mut outcome = pin!(stmt.wait());
        loop {
            let woke =
                towel_runtime::future::or(async { Woke::Done(outcome.as_mut().await) }, async {
                    Woke::Event(self.events.recv().await)
                })
                .await;
            match woke {
                Woke::Done(result) => return result,
                Woke::Event(Ok(Event::Interrupt)) => {
                    // Unless the VM already raised KeyboardInterrupt for this Ctrl-C.
                    if self.vm.interrupt.swap(false, Ordering::AcqRel) {
                        // The session acts on this Ctrl-C: no handler runs for it.
                        towel_runtime::signal::take_pending(signal_hook::consts::SIGINT);
                        stmt.cancel();
                    }
                }
                Woke::Event(Ok(Event::Complete { reply, .. })) => {
                    let _ = reply.send((0, Vec::new()));
                }
                Woke::Event(Ok(Event::Input(_))) => {}
                Woke::Event(Err(_)) => return outcome.as_mut().await,
            }
        }
    }
}

/// Whether `err` is how a cancelled statement ends: KeyboardInterrupt
/// (raised by the running code when Ctrl-C lands mid-computation) or asyncio's
/// CancelledError (the statement's task was cancelled at an `await`).
fn is_cancellation(vm: &Vm, err: &PyErr) -> bool {
    vm.err_is(err, &vm.exc.keyboard_interrupt) || &*err.class().name == "CancelledError"
}

/// Whether the blank line just added to `lines` sits inside a block that
/// goes on in the rest of the same paste (its next line is indented): a
/// blank line typed ends a block, but one inside pasted code does not.
fn blank_inside_pasted_block(lines: &[String], rest: &[&str]) -> bool {
    let blank = lines.last().is_some_and(|l| l.trim().is_empty());
    let next = rest.iter().find(|l| !l.trim().is_empty());
    blank && lines.len() > 1 && next.is_some_and(|l| l.starts_with([' ', '\t']))
}

/// Whether `source` starts a compound statement, which ends with an empty line.
fn starts_compound(source: &str) -> bool {
    let first = source.trim_start();
    if first.starts_with('@') {
        return true;
    }
    let word: String = first
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    match word.as_str() {
        "if" | "for" | "while" | "def" | "class" | "with" | "try" | "async" => true,
        // A soft keyword: only a statement when its line ends with a colon.
        "match" => first
            .lines()
            .next()
            .is_some_and(|l| l.trim_end().ends_with(':')),
        _ => false,
    }
}

/// Whether `source` ends inside brackets or a triple-quoted string, where an
/// empty line does not end the input.
fn inside_bracket_or_string(source: &str) -> bool {
    let mut depth: i64 = 0;
    let mut last_string_open = false;
    for (span, class) in highlight(source) {
        let (start, end) = (span.start as usize, span.end as usize);
        let text = source.get(start..end).unwrap_or("");
        match class {
            TokenClass::Operator => match text {
                "(" | "[" | "{" => depth += 1,
                ")" | "]" | "}" => depth -= 1,
                _ => {}
            },
            TokenClass::String => {
                let body = text.trim_start_matches(|c: char| c.is_ascii_alphabetic());
                let triple = body.starts_with("'''") || body.starts_with("\"\"\"");
                last_string_open = triple
                    && end >= source.trim_end().len()
                    && (body.len() < 6 || !body.ends_with(&body[..3]));
            }
            _ => last_string_open = false,
        }
    }
    depth > 0 || last_string_open
}

/// The indentation offered on the next line: one level deeper after a line
/// ending with `:`, one level shallower after `return`/`pass`/`break`/
/// `continue`/`raise`, else the same as the line before.
fn next_indent(lines: &[String]) -> String {
    let Some(last) = lines.last() else {
        return String::new();
    };
    if last.trim().is_empty() {
        return String::new();
    }
    let base: String = last
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    // The line's code without a trailing comment.
    let code_end = highlight(last)
        .into_iter()
        .filter(|(_, c)| *c != TokenClass::Comment)
        .map(|(s, _)| s.end as usize)
        .max()
        .unwrap_or(0);
    let code = last.get(..code_end).unwrap_or(last).trim();
    if code.ends_with(':') {
        return base + INDENT;
    }
    let first_word = code
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .next()
        .unwrap_or("");
    if matches!(
        first_word,
        "return" | "pass" | "break" | "continue" | "raise"
    ) {
        let keep = base.len().saturating_sub(INDENT.len());
        return base[..keep].to_string();
    }
    base
}

/// `tasks()`, `timeline(path)` and `help()`, available at the prompt.
fn install_builtins(vm: &Vm, lp: &Rc<EventLoop>) {
    let listing = lp.clone();
    let tasks = NativeClosure {
        name: "tasks".into(),
        func: Box::new(move |vm: &Vm, args: Args<'_>| {
            args.check(vm, "tasks", 0, 0)?;
            let text = listing.listing()?;
            vm.write_stdout(&text)?;
            Ok(Value::None)
        }),
    };
    // The session's tasks are recorded from the start, for `timeline()`.
    towel_lang::stdlib::asyncio::timeline::ensure_started();
    let timeline = NativeClosure {
        name: "timeline".into(),
        func: Box::new(|vm: &Vm, args: Args<'_>| {
            args.check(vm, "timeline", 1, 1)?;
            let path = vm.to_str(&args.pos[0])?;
            towel_lang::stdlib::asyncio::timeline::write(&path).map_err(|e| vm.value_error(e))?;
            Ok(Value::None)
        }),
    };
    vm.builtins
        .set_name(&Name::new("tasks"), Value::Closure(Rc::new(tasks)));
    vm.builtins
        .set_name(&Name::new("timeline"), Value::Closure(Rc::new(timeline)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(src: &[&str]) -> Vec<String> {
        src.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn indentation_follows_the_block() {
        assert_eq!(next_indent(&lines(&["def f():"])), "    ");
        assert_eq!(next_indent(&lines(&["def f():", "    x = 1"])), "    ");
        assert_eq!(
            next_indent(&lines(&["def f():", "    if x:  # a comment"])),
            "        "
        );
        assert_eq!(next_indent(&lines(&["def f():", "    return 1"])), "");
        assert_eq!(next_indent(&lines(&["x = {'a:'"])), "");
    }

    #[test]
    fn a_blank_line_ends_a_pasted_block_only_where_the_block_ends() {
        let block = lines(&["def f():", "    x = 1", ""]);
        assert!(blank_inside_pasted_block(&block, &["    return x", ""]));
        assert!(!blank_inside_pasted_block(&block, &["f()"]));
        assert!(!blank_inside_pasted_block(&block, &[]));
        assert!(!blank_inside_pasted_block(&lines(&[""]), &["    x"]));
    }

    #[test]
    fn compound_statements_wait_for_an_empty_line() {
        assert!(starts_compound("if x: print(1)\n"));
        assert!(starts_compound("@dec\ndef f(): pass\n"));
        assert!(starts_compound("async def f(): pass\n"));
        assert!(!starts_compound("x = 1\n"));
        assert!(!starts_compound("match = 3\n"));
        assert!(!starts_compound("iffy = 3\n"));
    }

    #[test]
    fn brackets_and_strings_survive_empty_lines() {
        assert!(inside_bracket_or_string("foo(1,\n\n"));
        assert!(inside_bracket_or_string("x = '''abc\n\n"));
        assert!(!inside_bracket_or_string("if x:\n\n"));
        assert!(!inside_bracket_or_string("x = '''abc'''\n"));
        assert!(!inside_bracket_or_string("x = (1)\n"));
    }
}
