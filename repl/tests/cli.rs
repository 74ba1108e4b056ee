//! The command line behaves like `python`'s: `-c`, `-V`, `-h`, stdin,
//! script arguments, exit codes and error output. Without a terminal,
//! `towel` reads a program from a piped stdin and `towel -m asyncio` runs the
//! REPL over it (prompts on stderr, as `python -i` does); scripts can format
//! the task listing.
//!
//! Being an integration test of `towel-cli`, this also makes `cargo test
//! --workspace` build the `towel` binary before any test runs, which the
//! root package's conformance tests rely on.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn towel(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_towel"))
        .args(args)
        .env("TOWEL_HISTORY", "")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("towel runs");
    if let Some(mut input) = child.stdin.take() {
        input
            .write_all(stdin.as_bytes())
            .expect("stdin accepts input");
    }
    child.wait_with_output().expect("towel finishes")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn dash_c_runs_code_with_argv() {
    let out = towel(&["-c", "import sys; print(sys.argv, 6 * 7)", "a", "b"], "");
    assert_eq!(text(&out.stdout), "['-c', 'a', 'b'] 42\n");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn version_and_help() {
    let v = towel(&["-V"], "");
    assert!(text(&v.stdout).starts_with("towel "), "{}", text(&v.stdout));
    let h = towel(&["-h"], "");
    // As python's, the usage line names the program as it was invoked.
    let usage = format!(
        "usage: {} [option] ... [-c cmd | -m mod | file | -] [arg] ...\n",
        env!("CARGO_BIN_EXE_towel")
    );
    assert!(text(&h.stdout).starts_with(&usage), "{}", text(&h.stdout));
    assert!(text(&h.stdout).contains("\n-m mod : run library module as a script"));
    assert_eq!(h.status.code(), Some(0));
}

#[test]
fn dash_reads_the_program_from_stdin() {
    let out = towel(&["-"], "for i in range(3):\n    print(i)\n");
    assert_eq!(text(&out.stdout), "0\n1\n2\n");
}

#[test]
fn uncaught_exception_prints_a_traceback_and_exits_1() {
    let out = towel(&["-c", "def f():\n    return 1 / 0\nf()"], "");
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        err.starts_with("Traceback (most recent call last):\n"),
        "{err}"
    );
    assert!(
        err.contains("  File \"<string>\", line 3, in <module>\n"),
        "{err}"
    );
    assert!(
        err.ends_with("ZeroDivisionError: division by zero\n"),
        "{err}"
    );
}

#[test]
fn syntax_error_shows_file_line_caret_and_exits_1() {
    let out = towel(&["-"], "x = 1\nprint((x)\n");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr), "  File \"<stdin>\", line 2\n    print((x)\n         ^\nSyntaxError: '(' was never closed\n");
}

#[test]
fn system_exit_codes() {
    assert_eq!(
        towel(&["-c", "import sys; sys.exit(3)"], "").status.code(),
        Some(3)
    );
    let out = towel(&["-c", "raise SystemExit('bye')"], "");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr), "bye\n");
}

#[test]
fn missing_script_is_exit_2() {
    let out = towel(&["no_such_script.py"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("can't open file"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn deep_recursion_is_a_recursion_error() {
    let out = towel(&["-c", "def f(n):\n    return f(n + 1)\nf(0)"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).ends_with("RecursionError: maximum recursion depth exceeded\n"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn piped_stdin_is_a_program_not_a_session() {
    let out = towel(&[], "x = 20\nprint(x + 1)\n1 + 1\n");
    assert_eq!(
        text(&out.stdout),
        "21\n",
        "an expression statement of a program echoes nothing"
    );
    assert!(out.status.success());
    assert!(!text(&out.stderr).contains(">>>"));
}

#[test]
fn m_asyncio_reads_a_session_from_piped_stdin() {
    let session = "async def f(x):\n    return x * 3\n\nawait f(14)\n_ + 1\nfor i in range(2):\n    print('i', await f(i))\n\n1 / 0\n'after'\n";
    let out = towel(&["-m", "asyncio"], session);
    assert_eq!(text(&out.stdout), "42\n43\ni 0\ni 3\n'after'\n");
    let err = text(&out.stderr);
    assert!(err.contains(">>> ") && err.contains("... "), "{err}");
    assert!(err.contains("ZeroDivisionError: division by zero"), "{err}");
    assert!(out.status.success(), "end of input leaves with status 0");
}

#[test]
fn m_asyncio_exit_status() {
    let out = towel(
        &["-m", "asyncio"],
        "print('bye')\nexit(4)\nprint('not reached')\n",
    );
    assert_eq!(text(&out.stdout), "bye\n");
    assert_eq!(out.status.code(), Some(4));
}

#[test]
fn syntax_errors_and_incomplete_input() {
    let out = towel(
        &["-m", "asyncio"],
        "x = (1,\n\n 2)\nx\nif x:\n\nx = )\n'ok'\n",
    );
    assert_eq!(text(&out.stdout), "(1, 2)\n'ok'\n");
    let err = text(&out.stderr);
    assert_eq!(err.matches("Error").count(), 2, "{err}");
}

#[test]
fn scripts_format_the_task_listing() {
    let script = r#"
import asyncio, towel

async def worker(lock):
    async with lock:
        await asyncio.sleep(30)

async def main():
    lock = asyncio.Lock()
    a = asyncio.create_task(worker(lock), name='a')
    b = asyncio.create_task(worker(lock), name='b')
    await asyncio.sleep(0.01)
    print(towel.format_tasks(), end='')
    a.cancel()
    b.cancel()

asyncio.run(main())
"#;
    let out = towel(&["-c", script], "");
    let listing = text(&out.stdout);
    let lines: Vec<&str> = listing.lines().collect();
    assert_eq!(lines.len(), 3, "{listing}");
    assert!(
        lines[0].starts_with("Task-1")
            && lines[0].contains("running")
            && lines[0].contains("main (<string>)"),
        "{listing}"
    );
    assert!(
        lines[1].starts_with("a ")
            && lines[1].contains("pending")
            && lines[1].contains("worker (<string>:6) -> "),
        "{listing}"
    );
    assert!(
        lines[2].starts_with("b ")
            && lines[2].contains("pending")
            && lines[2].contains("worker (<string>:5) -> "),
        "{listing}"
    );
}

/// Standard output a pipe whose reader has gone: each script in
/// `tests/broken_pipe/` must end as CPython's did (stderr and exit status
/// recorded by `tests/broken_pipe/record.py`): `BrokenPipeError` from the
/// write, "Exception ignored" and status 120 when the flush at exit fails.
#[test]
fn writing_to_a_closed_pipe() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken_pipe");
    let mut scripts: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/broken_pipe exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py") && !p.ends_with("record.py"))
        .collect();
    scripts.sort();
    assert!(!scripts.is_empty());
    for script in scripts {
        let mut child = Command::new(env!("CARGO_BIN_EXE_towel"))
            .arg(script.file_name().expect("a file name"))
            .current_dir(&dir)
            .env_remove("PYTHONUNBUFFERED")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("towel runs");
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("towel finishes");
        let prefix = format!("{}{}", dir.display(), std::path::MAIN_SEPARATOR);
        let stderr = text(&out.stderr).replace(&prefix, "");
        let want_stderr =
            std::fs::read_to_string(script.with_extension("stderr")).expect("recorded stderr");
        let want_exit: i32 = std::fs::read_to_string(script.with_extension("exit"))
            .expect("recorded exit status")
            .trim()
            .parse()
            .expect("an exit status");
        assert_eq!(stderr, want_stderr, "stderr of {}", script.display());
        assert_eq!(
            out.status.code(),
            Some(want_exit),
            "exit of {}",
            script.display()
        );
    }
}
