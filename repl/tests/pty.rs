//! The REPL driven as a user drives it: the real `towel` binary in a
//! pseudo-terminal, keys in, screen text out.
//!
//! Every wait is an `expect` with a generous deadline (the machines that run
//! these are small and busy), never a sleep. Tests marked
//! it is merged (`cargo test -p towel-cli --test pty -- --include-ignored`).

use std::process::Command;
use std::time::{Duration, Instant};

use rexpect::error::Error;
use rexpect::process::WaitStatus;
use rexpect::session::{spawn_with_options, Options, PtySession};
use rexpect::ReadUntil;

/// Deadline of each expectation.
const TIMEOUT_MS: u64 = 30_000;

/// A history file of its own for each test, so tests neither share one nor touch the user's.
fn history_file(test: &str) -> std::path::PathBuf {
    let path =
        std::env::temp_dir().join(format!("towel-pty-{}-{test}.history", std::process::id()));
    let _ = std::fs::remove_file(&path);
    path
}

fn command(test: &str, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_towel"));
    cmd.args(args)
        .env("TOWEL_HISTORY", history_file(test))
        .env("TERM", "xterm")
        .env("NO_COLOR", "1");
    cmd
}

fn start(test: &str) -> Result<PtySession, Error> {
    start_with(command(test, &[]))
}

fn start_with(cmd: Command) -> Result<PtySession, Error> {
    let mut p = spawn_with_options(
        cmd,
        Options::new()
            .timeout_ms(Some(TIMEOUT_MS))
            .strip_ansi_escape_codes(true),
    )?;
    ready(&mut p)?;
    Ok(p)
}

/// Waits until the session answers at its first prompt. (With asyncio a
/// `>>> import asyncio` line comes first, so the first `>>> ` seen is not
/// necessarily the prompt.)
fn ready(p: &mut PtySession) -> Result<(), Error> {
    p.send_line("'rea' + 'dy'")?;
    p.exp_string("'ready'")?;
    p.exp_string(">>> ")?;
    Ok(())
}

/// Sends one line and waits for the next primary prompt.
fn line(p: &mut PtySession, text: &str) -> Result<String, Error> {
    p.send_line(text)?;
    p.exp_string(">>> ")
}

/// Types keys without pressing Enter.
fn keys(p: &mut PtySession, text: &str) -> Result<(), Error> {
    p.send(text)?;
    p.flush()
}

/// Waits for the process to end and returns its exit status.
fn exit_status(p: &PtySession) -> Option<i32> {
    let deadline = Instant::now() + Duration::from_millis(TIMEOUT_MS);
    while Instant::now() < deadline {
        match p.process().status() {
            Some(WaitStatus::Exited(_, code)) => return Some(code),
            Some(WaitStatus::Signaled(..)) => return None,
            _ => std::thread::sleep(Duration::from_millis(20)),
        }
    }
    None
}

#[test]
fn banner_echo_and_underscore() -> Result<(), Error> {
    let mut p = spawn_with_options(
        command("banner", &[]),
        Options::new()
            .timeout_ms(Some(TIMEOUT_MS))
            .strip_ansi_escape_codes(true),
    )?;
    p.exp_string("Python 3.11 compatible")?;
    p.exp_string("Use \"await\" directly")?;
    ready(&mut p)?;
    let out = line(&mut p, "1 + 2")?;
    assert!(out.contains('3'), "{out:?}");
    let out = line(&mut p, "_ * 10")?;
    assert!(out.contains("30"), "{out:?}");
    // None is not echoed, and `_` keeps the last value.
    let out = line(&mut p, "None")?;
    assert_eq!(
        out.matches("None").count(),
        1,
        "only the typed line: {out:?}"
    );
    let out = line(&mut p, "_ + 1")?;
    assert!(out.contains("31"), "{out:?}");
    Ok(())
}

#[test]
fn a_multi_line_async_def_is_defined_and_awaited() -> Result<(), Error> {
    let mut p = start("async_def")?;
    // Typed as a user does with auto-indentation: no leading spaces.
    p.send_line("async def double(x):")?;
    p.exp_string("... ")?;
    p.send_line("y = x * 2")?;
    p.exp_string("... ")?;
    p.send_line("return y")?;
    p.exp_string("... ")?;
    line(&mut p, "")?;
    let out = line(&mut p, "await double(21)")?;
    assert!(out.contains("42"), "{out:?}");
    let out = line(&mut p, "r = await double(50)")?;
    assert!(
        !out.contains("100"),
        "an assignment echoes nothing: {out:?}"
    );
    let out = line(&mut p, "r")?;
    assert!(out.contains("100"), "{out:?}");
    Ok(())
}

#[test]
fn typed_indentation_replaces_the_automatic_one() -> Result<(), Error> {
    let mut p = start("typed_indent")?;
    // As pasted or typed by someone who indents by hand.
    p.send_line("def f(x):")?;
    p.exp_string("... ")?;
    p.send_line("    if x:")?;
    p.exp_string("... ")?;
    p.send_line("        return 'yes'")?;
    p.exp_string("... ")?;
    p.send_line("    return 'no'")?;
    p.exp_string("... ")?;
    line(&mut p, "")?;
    let out = line(&mut p, "f(1), f(0)")?;
    assert!(out.contains("('yes', 'no')"), "{out:?}");
    Ok(())
}

/// Types `text` one key at a time, as a person does: the editor sees each
/// key on its own rather than a burst that arrives in one read.
fn type_slowly(p: &mut PtySession, text: &str) -> Result<(), Error> {
    for c in text.chars() {
        keys(p, &c.to_string())?;
        std::thread::sleep(Duration::from_millis(15));
    }
    Ok(())
}

#[test]
fn indentation_typed_key_by_key_after_the_automatic_one() -> Result<(), Error> {
    let mut p = start("typed_indent_keys")?;
    p.send_line("def f(x):")?;
    p.exp_string("... ")?;
    // The first body line keeps the editor's indentation...
    type_slowly(&mut p, "y = x + 1")?;
    p.send_line("")?;
    p.exp_string("... ")?;
    // ...the second is indented by hand over it, and must line up.
    type_slowly(&mut p, "    return y")?;
    p.send_line("")?;
    p.exp_string("... ")?;
    line(&mut p, "")?;
    let out = line(&mut p, "f(41)")?;
    assert!(out.contains("42"), "{out:?}");
    Ok(())
}

#[test]
fn backspace_in_the_indentation_removes_one_level() -> Result<(), Error> {
    let mut p = start("backspace_level")?;
    p.send_line("if True:")?;
    p.exp_string("... ")?;
    p.send_line("for i in range(2):")?;
    p.exp_string("... ")?;
    p.send_line("print('in', i)")?;
    p.exp_string("... ")?;
    // The editor offers eight spaces; one Backspace leaves four.
    keys(&mut p, "\x7f")?;
    p.send_line("print('after')")?;
    p.exp_string("... ")?;
    let out = line(&mut p, "")?;
    assert!(out.contains("in 1\r\nafter"), "{out:?}");
    Ok(())
}

#[test]
fn top_level_await_inside_a_for_loop_and_async_with() -> Result<(), Error> {
    let mut p = start("for_await")?;
    p.send_line("async def sq(x): return x * x")?;
    p.exp_string("... ")?;
    line(&mut p, "")?;
    p.send_line("for i in range(4):")?;
    p.exp_string("... ")?;
    p.send_line("print('sq', await sq(i + 5))")?;
    p.exp_string("... ")?;
    p.send_line("")?;
    p.exp_string("sq 25")?;
    p.exp_string("sq 36")?;
    p.exp_string("sq 49")?;
    p.exp_string("sq 64")?;
    p.exp_string(">>> ")?;
    // async with at top level.
    p.send_line("class CM:")?;
    p.exp_string("... ")?;
    p.send_line("async def __aenter__(self): return 'entered'")?;
    p.exp_string("... ")?;
    p.send_line("async def __aexit__(self, *a): print('exited')")?;
    p.exp_string("... ")?;
    line(&mut p, "")?;
    p.send_line("async with CM() as v:")?;
    p.exp_string("... ")?;
    p.send_line("print(v)")?;
    p.exp_string("... ")?;
    p.send_line("")?;
    p.exp_string("entered")?;
    p.exp_string("exited")?;
    p.exp_string(">>> ")?;
    Ok(())
}

#[test]
fn generators_work_at_the_prompt() -> Result<(), Error> {
    let mut p = start("generators")?;
    p.send_line("def count(n):")?;
    p.exp_string("... ")?;
    p.send_line("yield from range(n)")?;
    p.exp_string("... ")?;
    line(&mut p, "")?;
    let out = line(&mut p, "list(count(4)), sum(count(101))")?;
    assert!(out.contains("([0, 1, 2, 3], 5050)"), "{out:?}");
    Ok(())
}

#[test]
fn an_exception_prints_a_traceback_and_the_session_goes_on() -> Result<(), Error> {
    let mut p = start("traceback")?;
    p.send_line("def boom():")?;
    p.exp_string("... ")?;
    p.send_line("return 1 / 0")?;
    p.exp_string("... ")?;
    line(&mut p, "")?;
    p.send_line("boom()")?;
    p.exp_string("Traceback (most recent call last):")?;
    p.exp_string("File \"<stdin>\", line 2, in boom")?;
    p.exp_string("ZeroDivisionError: division by zero")?;
    p.exp_string(">>> ")?;
    // A syntax error, then an unknown name, then normal service.
    p.send_line("x = )")?;
    p.exp_string("SyntaxError")?;
    p.exp_string(">>> ")?;
    p.send_line("undefined_name")?;
    p.exp_string("NameError: name 'undefined_name' is not defined")?;
    p.exp_string(">>> ")?;
    let out = line(&mut p, "6 * 7")?;
    assert!(out.contains("42"), "{out:?}");
    Ok(())
}

#[test]
fn ctrl_c_interrupts_a_busy_loop() -> Result<(), Error> {
    let mut p = start("busy_loop")?;
    p.send_line("def spin():")?;
    p.exp_string("... ")?;
    p.send_line("print('spinning')")?;
    p.exp_string("... ")?;
    p.send_line("while True: pass")?;
    p.exp_string("... ")?;
    line(&mut p, "")?;
    p.send_line("spin()")?;
    p.exp_string("spinning")?;
    p.send_control('c')?;
    p.exp_string("KeyboardInterrupt")?;
    p.exp_string(">>> ")?;
    let out = line(&mut p, "'still' + ' here'")?;
    assert!(out.contains("'still here'"), "{out:?}");
    Ok(())
}

#[test]
fn ctrl_c_cancels_an_awaiting_statement() -> Result<(), Error> {
    let mut p = start("await_ctrl_c")?;
    // An awaitable that gives up its turn forever: the statement waits
    // without ever finishing, as `await asyncio.sleep(100)` does.
    p.send_line("class Turn:")?;
    p.exp_string("... ")?;
    p.send_line("def __await__(self): yield")?;
    p.exp_string("... ")?;
    line(&mut p, "")?;
    p.send_line("async def forever():")?;
    p.exp_string("... ")?;
    p.send_line("print('waiting')")?;
    p.exp_string("... ")?;
    p.send_line("while True: await Turn()")?;
    p.exp_string("... ")?;
    line(&mut p, "")?;
    p.send_line("await forever()")?;
    p.exp_string("waiting")?;
    let pressed = Instant::now();
    p.send_control('c')?;
    p.exp_string("KeyboardInterrupt")?;
    p.exp_string(">>> ")?;
    assert!(
        pressed.elapsed() < Duration::from_secs(10),
        "Ctrl-C took {:?}",
        pressed.elapsed()
    );
    let out = line(&mut p, "2 ** 10")?;
    assert!(out.contains("1024"), "{out:?}");
    Ok(())
}

#[test]
fn ctrl_c_at_the_prompt_clears_the_line() -> Result<(), Error> {
    let mut p = start("prompt_ctrl_c")?;
    keys(&mut p, "half-typed")?;
    p.exp_string("half-typed")?;
    p.send_control('c')?;
    p.exp_string("KeyboardInterrupt")?;
    p.exp_string(">>> ")?;
    // Also in the middle of a block.
    p.send_line("if True:")?;
    p.exp_string("... ")?;
    p.send_control('c')?;
    p.exp_string("KeyboardInterrupt")?;
    p.exp_string(">>> ")?;
    let out = line(&mut p, "3 + 4")?;
    assert!(out.contains('7'), "{out:?}");
    Ok(())
}

#[test]
fn ctrl_d_exits_with_status_0() -> Result<(), Error> {
    let mut p = start("ctrl_d")?;
    line(&mut p, "x = 1")?;
    p.send_control('d')?;
    p.exp_eof()?;
    assert_eq!(exit_status(&p), Some(0));
    Ok(())
}

#[test]
fn exit_leaves_with_its_status() -> Result<(), Error> {
    let mut p = start("exit")?;
    p.send_line("exit(3)")?;
    p.exp_eof()?;
    assert_eq!(exit_status(&p), Some(3));
    let mut p = start("quit")?;
    p.send_line("quit()")?;
    p.exp_eof()?;
    assert_eq!(exit_status(&p), Some(0));
    Ok(())
}

#[test]
fn tab_completes_keywords_names_and_attributes() -> Result<(), Error> {
    let mut p = start("complete")?;
    line(&mut p, "greeting = 'hello'")?;
    // A name in scope.
    keys(&mut p, "gree\t")?;
    p.exp_string("greeting")?;
    keys(&mut p, ".upp\t")?;
    p.exp_string("upper(")?;
    let out = line(&mut p, ")")?;
    assert!(out.contains("'HELLO'"), "{out:?}");
    // A keyword, then a module name, then a module member.
    keys(&mut p, "imp\t")?;
    p.exp_string("import ")?;
    keys(&mut p, "tim\t")?;
    p.exp_string("time")?;
    line(&mut p, "")?;
    keys(&mut p, "time.monotonic_n\t")?;
    p.exp_string("monotonic_ns(")?;
    p.send_line(") > 0")?;
    p.exp_string("True")?;
    p.exp_string(">>> ")?;
    Ok(())
}

#[test]
fn history_is_kept_across_sessions() -> Result<(), Error> {
    let history = history_file("history");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_towel"));
    cmd.env("TOWEL_HISTORY", &history)
        .env("TERM", "xterm")
        .env("NO_COLOR", "1");
    let mut p = start_with(cmd)?;
    line(&mut p, "1000 + 337")?;
    p.send_control('d')?;
    p.exp_eof()?;
    let saved = std::fs::read_to_string(&history).unwrap_or_default();
    assert!(saved.contains("1000 + 337"), "{saved:?}");

    let mut cmd = Command::new(env!("CARGO_BIN_EXE_towel"));
    cmd.env("TOWEL_HISTORY", &history)
        .env("TERM", "xterm")
        .env("NO_COLOR", "1");
    let mut p = start_with(cmd)?;
    // Up arrow twice (past this session's first line), then Enter: the
    // previous session's line runs again.
    keys(&mut p, "\x1b[A\x1b[A")?;
    p.exp_string("1000 + 337")?;
    p.send_line("")?;
    p.exp_string("1337")?;
    p.exp_string(">>> ")?;
    let _ = std::fs::remove_file(&history);
    Ok(())
}

#[test]
fn input_is_highlighted() -> Result<(), Error> {
    let mut cmd = command("highlight", &[]);
    cmd.env_remove("NO_COLOR");
    let mut p = spawn_with_options(
        cmd,
        Options::new()
            .timeout_ms(Some(TIMEOUT_MS))
            .strip_ansi_escape_codes(false),
    )?;
    p.exp_string("to leave.")?;
    keys(&mut p, "await x")?;
    // The keyword is redrawn in bold magenta.
    p.exp_string("\x1b[1;35mawait\x1b[0m")?;
    p.send_control('c')?;
    p.exp_string("KeyboardInterrupt")?;
    Ok(())
}

#[test]
fn help_lists_builtins_and_modules() -> Result<(), Error> {
    let mut p = start("help")?;
    p.send_line("help()")?;
    p.exp_string("Built-in functions, types and exceptions:")?;
    p.exp_string("print")?;
    p.exp_string("Modules (import NAME):")?;
    p.exp_string("time")?;
    p.exp_string(">>> ")?;
    Ok(())
}

/// `help(x)` shows CPython's heading and signature, then a docstring (towel's
/// own words, so only its presence is checked: an indented line under the
/// signature).
#[test]
fn help_shows_signature_and_docstring() -> Result<(), Error> {
    let mut p = start("help_docstrings")?;
    p.send_line("import asyncio")?;
    p.exp_string(">>> ")?;
    p.send_line("help(asyncio.gather)")?;
    p.exp_string("Help on function gather in module asyncio.tasks:")?;
    p.exp_regex(r"gather\(\*coros_or_futures, return_exceptions=False\)\r?\n    \S")?;
    p.exp_string(">>> ")?;
    p.send_line("help(print)")?;
    p.exp_string("Help on built-in function print in module builtins:")?;
    p.exp_regex(r"print\(\*args, sep=' ', end='\\n', file=None, flush=False\)\r?\n    \S")?;
    p.exp_string(">>> ")?;
    Ok(())
}

#[test]
fn tasks_lists_the_running_statement() -> Result<(), Error> {
    let mut p = start("tasks_running")?;
    p.send_line("async def show(): tasks()")?;
    p.exp_string("... ")?;
    line(&mut p, "")?;
    p.send_line("await show()")?;
    p.exp_regex(r"Task-\d+\s+running\s+\d+\.\ds\s+<module> \(<stdin>\)")?;
    p.exp_string(">>> ")?;
    Ok(())
}

#[test]
fn output_of_a_long_statement_arrives_before_the_next_prompt() -> Result<(), Error> {
    let mut p = start("long_output")?;
    p.send_line("for i in range(3000): print('line', i)")?;
    p.exp_string("... ")?;
    p.send_line("")?;
    p.exp_string("line 2999")?;
    // The prompt comes after the last line, not in the middle of the output.
    let (before, _) = p.exp_any(vec![ReadUntil::String(">>> ".into())])?;
    assert!(!before.contains("line"), "{before:?}");
    Ok(())
}

#[test]
fn python_m_asyncio_starts_the_same_repl() -> Result<(), Error> {
    let mut p = start_with(command("m_asyncio", &["-m", "asyncio"]))?;
    let out = line(&mut p, "40 + 2")?;
    assert!(out.contains("42"), "{out:?}");
    p.send_control('d')?;
    p.exp_eof()?;
    assert_eq!(exit_status(&p), Some(0));
    Ok(())
}

// -- with asyncio ---------------------------------------------------------------------

#[test]
fn a_background_ticker_prints_while_the_prompt_waits() -> Result<(), Error> {
    let mut p = start("ticker")?;
    p.send_line("async def ticker():")?;
    p.exp_string("... ")?;
    p.send_line("n = 0")?;
    p.exp_string("... ")?;
    p.send_line("while True:")?;
    p.exp_string("... ")?;
    p.send_line("n += 1")?;
    p.exp_string("... ")?;
    p.send_line("print('tick', n)")?;
    p.exp_string("... ")?;
    p.send_line("await asyncio.sleep(0.2)")?;
    p.exp_string("... ")?;
    line(&mut p, "")?;
    line(&mut p, "t = asyncio.create_task(ticker())")?;
    // Nothing typed: the ticks arrive while the prompt waits.
    p.exp_string("tick 1")?;
    p.exp_string("tick 2")?;
    p.exp_string("tick 3")?;
    // Typing meanwhile works, and the task can be inspected and cancelled.
    // (While ticks arrive the prompt is redrawn after each one, so a `>>> `
    // proves nothing here: wait for the answers themselves.)
    p.send_line("t.done()")?;
    p.exp_string("False")?;
    p.send_line("t.cancel()")?;
    p.exp_string("True")?;
    p.send_line("await asyncio.sleep(0)")?;
    p.send_line("t.cancelled()")?;
    p.exp_string("True")?;
    p.send_line("'after' + ' cancel'")?;
    p.exp_string("'after cancel'")?;
    Ok(())
}

#[test]
fn background_output_without_a_newline_stands_on_its_own_line() -> Result<(), Error> {
    let mut p = start("partial_line")?;
    p.send_line("async def dots():")?;
    p.exp_string("... ")?;
    p.send_line("for i in range(3):")?;
    p.exp_string("... ")?;
    // Sleep first, so that the first line start comes after the prompt.
    p.send_line("await asyncio.sleep(0.3)")?;
    p.exp_string("... ")?;
    p.send_line("print(f'dot{i}', end='', flush=True)")?;
    p.exp_string("... ")?;
    line(&mut p, "")?;
    line(&mut p, "t = asyncio.create_task(dots())")?;
    // Each line start shows up while the prompt waits, though no newline
    // ends it...
    p.exp_string("dot0")?;
    p.exp_string("dot1")?;
    let seen = p.exp_string("dot2")?;
    assert!(!seen.contains("dot0dot1"), "{seen:?}");
    // ...and what comes next starts a line of its own.
    p.send_line("'next' + 'line'")?;
    let (before, _) = p.exp_regex("'nextline'")?;
    assert!(!before.ends_with("dot2"), "{before:?}");
    p.send_line("print('x', end='')")?;
    // A prompt starts on a line of its own (else this times out on `x>>> `).
    p.exp_regex("\\nx\r\n")?;
    Ok(())
}

#[test]
fn a_pasted_block_with_blank_lines_inside_is_one_statement() -> Result<(), Error> {
    let mut p = start("paste")?;
    // A terminal wraps pasted text in bracketed-paste markers.
    keys(
        &mut p,
        "\x1b[200~def f():\r    x = 1\r\r    y = 2\r\r    return x + y\r\x1b[201~",
    )?;
    p.send_line("")?;
    // Had a blank line ended the block, `f` would not exist: no 30, a timeout.
    p.send_line("f() * 10")?;
    let (before, _) = p.exp_regex("\\b30\r\n")?;
    assert!(!before.contains("Error"), "{before:?}");
    Ok(())
}

#[test]
fn await_asyncio_sleep_returns_to_the_prompt() -> Result<(), Error> {
    let mut p = start("sleep")?;
    let began = Instant::now();
    line(&mut p, "await asyncio.sleep(0.2)")?;
    assert!(began.elapsed() >= Duration::from_millis(200));
    line(&mut p, "r = await asyncio.sleep(0.05, result='slept')")?;
    let out = line(&mut p, "r")?;
    assert!(out.contains("'slept'"), "{out:?}");
    Ok(())
}

#[test]
fn ctrl_c_cancels_asyncio_sleep_promptly_and_keeps_background_tasks() -> Result<(), Error> {
    let mut p = start("sleep_ctrl_c")?;
    p.send_line("async def ticker():")?;
    p.exp_string("... ")?;
    p.send_line("for n in range(1000):")?;
    p.exp_string("... ")?;
    p.send_line("print('tick', n)")?;
    p.exp_string("... ")?;
    p.send_line("await asyncio.sleep(0.3)")?;
    p.exp_string("... ")?;
    line(&mut p, "")?;
    line(&mut p, "t = asyncio.create_task(ticker())")?;
    p.send_line("print('sleeping'); await asyncio.sleep(100)")?;
    p.exp_string("sleeping")?;
    let pressed = Instant::now();
    p.send_control('c')?;
    p.exp_string("KeyboardInterrupt")?;
    p.exp_string(">>> ")?;
    assert!(
        pressed.elapsed() < Duration::from_secs(10),
        "Ctrl-C took {:?}",
        pressed.elapsed()
    );
    // The background task is still ticking (the prompt is redrawn after
    // each tick, so wait for the answer itself).
    p.send_line("t.done()")?;
    p.exp_string("False")?;
    p.exp_regex(r"tick \d+")?;
    Ok(())
}

#[test]
fn tasks_shows_a_sleeping_background_task_with_its_function_and_line() -> Result<(), Error> {
    let mut p = start("tasks_listing")?;
    p.send_line("async def nap():")?;
    p.exp_string("... ")?;
    p.send_line("x = 1")?;
    p.exp_string("... ")?;
    p.send_line("await asyncio.sleep(60)")?;
    p.exp_string("... ")?;
    line(&mut p, "")?;
    line(&mut p, "t = asyncio.create_task(nap(), name='napper')")?;
    line(&mut p, "await asyncio.sleep(0)")?;
    p.send_line("tasks()")?;
    p.exp_regex(r"napper\s+pending\s+\d+\.\ds\s+nap \(<stdin>:3\) -> ")?;
    p.exp_string(">>> ")?;
    line(&mut p, "t.cancel()")?;
    line(&mut p, "await asyncio.sleep(0)")?;
    p.send_line("tasks()")?;
    p.exp_regex(r"napper\s+cancelled")?;
    p.exp_string(">>> ")?;
    Ok(())
}

#[test]
fn a_block_is_recalled_from_history_as_one_entry() -> Result<(), Error> {
    let mut p = start("block_history")?;
    p.send_line("for i in range(2):")?;
    p.exp_string("... ")?;
    // The editor offers the indentation; the body line is typed after it.
    p.send_line("print('row', i * 10)")?;
    p.exp_string("... ")?;
    p.send_line("")?;
    p.exp_string("row 10")?;
    p.exp_string(">>> ")?;
    // Up arrow: the whole loop comes back; Enter runs it again at once.
    keys(&mut p, "\x1b[A")?;
    p.exp_string("print('row', i * 10)")?;
    p.send_line("")?;
    p.exp_string("row 0")?;
    p.exp_string("row 10")?;
    p.exp_string(">>> ")?;
    p.send_line("'after' + 'wards'")?;
    p.exp_string("'afterwards'")?;
    Ok(())
}
