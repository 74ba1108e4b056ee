//! Runs every case in `tests/programs/` against the built `towel` binary,
//! one named test per case: programs of several files, command-line
//! options, environment variables and standard input.
//!
//! A case is a folder holding the program's files, `args` (the command line
//! after the interpreter, one argument per line; default `main.py`), `env`
//! (`KEY=VALUE` lines, optional) and `stdin` (optional), and what CPython
//! 3.11 did, recorded by `tests/programs/record.py`: `expected.out`,
//! `expected.exit` (when not 0) and `expected.err` (the last non-empty
//! stderr line; without it stderr must be empty). Both run the case in its
//! folder with the caller's `PYTHON*` variables removed, and both read the
//! case folder's path as `<case>` and the interpreter's as `<interpreter>`.

use libtest_mimic::{Arguments, Trial};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;

fn main() {
    let args = Arguments::from_args();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let trials = common::case_folders(&dir)
        .into_iter()
        .map(|(name, case)| Trial::test(name, move || Ok(run_case(&case)?)))
        .collect();
    libtest_mimic::run(&args, trials).exit();
}

/// The non-empty lines of `path`, or None when there is no such file.
fn lines(path: &Path) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(path).ok()?;
    Some(
        text.lines()
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect(),
    )
}

/// `text` with the case folder and the interpreter named as in recordings.
fn normalise(text: &[u8], case: &Path, interpreter: &Path) -> String {
    let mut pairs = [
        (case.display().to_string(), "<case>"),
        (interpreter.display().to_string(), "<interpreter>"),
    ];
    // Longest first: the binary may live under the case folder's parents.
    pairs.sort_by_key(|(path, _)| std::cmp::Reverse(path.len()));
    let mut text = String::from_utf8_lossy(text).into_owned();
    for (path, name) in pairs {
        text = text.replace(&path, name);
    }
    text
}

fn run_case(case: &Path) -> Result<(), String> {
    let case = case
        .canonicalize()
        .map_err(|e| format!("{}: {e}", case.display()))?;
    let towel = common::towel_binary();
    let args = lines(&case.join("args")).unwrap_or_else(|| vec!["main.py".to_string()]);
    let mut command = Command::new(&towel);
    command
        .args(&args)
        .current_dir(&case)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("PYTHON") {
            command.env_remove(key);
        }
    }
    command.env("PYTHONDONTWRITEBYTECODE", "1");
    for line in lines(&case.join("env")).unwrap_or_default() {
        let (key, value) = line.split_once('=').unwrap_or((&line, ""));
        command.env(key, value);
    }
    let mut child = command
        .spawn()
        .map_err(|e| format!("cannot run towel: {e}"))?;
    let input = std::fs::read(case.join("stdin")).unwrap_or_default();
    if let Some(mut stdin) = child.stdin.take() {
        // A program that exits without reading its input closes the pipe.
        let _ = stdin.write_all(&input);
    }
    let output = common::wait_with_timeout(&mut child, Duration::from_secs(60), Instant::now())?;
    let stdout = normalise(&output.stdout, &case, &towel);
    let stderr = normalise(&output.stderr, &case, &towel);
    let mut problems = Vec::new();
    let expected = std::fs::read_to_string(case.join("expected.out")).unwrap_or_default();
    if stdout != expected {
        problems.push(format!(
            "stdout differs:\n{}",
            common::diff(expected.as_bytes(), stdout.as_bytes())
        ));
    }
    let want_code: i32 = std::fs::read_to_string(case.join("expected.exit"))
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0);
    let code = output.status.code().unwrap_or(-1);
    if code != want_code {
        problems.push(format!("exit code {code}, expected {want_code}"));
    }
    let last_line = stderr
        .lines()
        .rfind(|l| !l.trim().is_empty())
        .map(|l| l.trim().to_string());
    let want_err = std::fs::read_to_string(case.join("expected.err"))
        .ok()
        .map(|s| s.trim().to_string());
    if last_line != want_err {
        problems.push(format!(
            "last stderr line {last_line:?}, expected {want_err:?}"
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        problems.push(format!("stderr:\n{stderr}"));
        Err(problems.join("\n"))
    }
}
