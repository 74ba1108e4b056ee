//! The REPL's behaviour without a terminal: `towel` reads a program from a
//! piped stdin, `towel -m asyncio` runs the REPL over it (prompts on stderr,
//! as `python -i` does), and scripts can format the task listing.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_towel"))
        .args(args)
        .env("TOWEL_HISTORY", "")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("towel starts");
    if let Some(mut input) = child.stdin.take() {
        input.write_all(stdin.as_bytes()).expect("stdin is written");
    }
    child.wait_with_output().expect("towel finishes")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn piped_stdin_is_a_program_not_a_session() {
    let out = run(&[], "x = 20\nprint(x + 1)\n1 + 1\n");
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
    let out = run(&["-m", "asyncio"], session);
    assert_eq!(text(&out.stdout), "42\n43\ni 0\ni 3\n'after'\n");
    let err = text(&out.stderr);
    assert!(err.contains(">>> ") && err.contains("... "), "{err}");
    assert!(err.contains("ZeroDivisionError: division by zero"), "{err}");
    assert!(out.status.success(), "end of input leaves with status 0");
}

#[test]
fn m_asyncio_exit_status() {
    let out = run(
        &["-m", "asyncio"],
        "print('bye')\nexit(4)\nprint('not reached')\n",
    );
    assert_eq!(text(&out.stdout), "bye\n");
    assert_eq!(out.status.code(), Some(4));
}

#[test]
fn syntax_errors_and_incomplete_input() {
    let out = run(
        &["-m", "asyncio"],
        "x = (1,\n\n 2)\nx\nif x:\n\nx = )\n'ok'\n",
    );
    assert_eq!(text(&out.stdout), "(1, 2)\n'ok'\n");
    let err = text(&out.stderr);
    assert_eq!(err.matches("Error").count(), 2, "{err}");
}

#[test]
#[ignore = "needs asyncio"]
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
    let out = run(&["-c", script], "");
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
