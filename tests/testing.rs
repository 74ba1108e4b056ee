//! The testing tools on their command lines: every case in `tests/testing/`
//! runs under the built `towel` binary, one named test per case, and must
//! print what CPython 3.11 printed (recorded by `tests/testing/record.py`):
//! stdout, the whole of stderr (unittest reports there) and the exit code.
//!
//! A case is a folder holding the program's files and `args` (the command
//! line after the interpreter, one argument per line; default `main.py`),
//! and the recording: `expected.out`, `expected.err` (all of stderr) and
//! `expected.exit` (when not 0). A case whose folder has a `pending` file
//! (saying what towel still lacks for it) shows as ignored; `-- --ignored`
//! runs those. What differs from run to run is masked in
//! both recorded and actual output before they are compared: the time in
//! unittest's "Ran N tests in 0.002s" line and the figures of timeit's
//! report lines; timeit's warning that the timings vary too much (which
//! depends on the machine's load) is left out. The case folder's path reads
//! `<case>` in both.

use libtest_mimic::{Arguments, Trial};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;

fn main() {
    let args = Arguments::from_args();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/testing");
    let trials = common::case_folders(&dir)
        .into_iter()
        .map(|(name, case)| {
            let pending = case.join("pending").exists();
            Trial::test(name, move || Ok(run_case(&case)?)).with_ignored_flag(pending)
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}

/// "Ran 3 tests in 0.001s" -> "Ran 3 tests in <time>".
fn mask_run_time(line: &str) -> Option<String> {
    let rest = line.strip_prefix("Ran ")?;
    let at = rest.find(" in ")?;
    let counted = &rest[..at];
    if !(counted.ends_with(" test") || counted.ends_with(" tests")) || !line.ends_with('s') {
        return None;
    }
    Some(format!("Ran {counted} in <time>"))
}

/// timeit's report lines ("5 loops, best of 3: 1.2 usec per loop",
/// "raw times: ...", "2 loops -> 1.5e-05 secs") with every figure and time
/// unit masked.
fn mask_timings(line: &str) -> Option<String> {
    if !(line.contains(" per loop") || line.starts_with("raw times:") || line.ends_with(" secs")) {
        return None;
    }
    let mut out = String::new();
    for word in line.split(' ') {
        if !out.is_empty() {
            out.push(' ');
        }
        let figure = word.trim_end_matches(',');
        let is_figure = figure.starts_with(|c: char| c.is_ascii_digit())
            && figure
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | '-' | '+'));
        if is_figure || matches!(figure, "nsec" | "usec" | "msec" | "sec") {
            out.push('#');
            out.push_str(&word[figure.len()..]);
        } else {
            out.push_str(word);
        }
    }
    Some(out)
}

/// The text as compared: the case folder as `<case>`, times masked.
fn normalise(text: &str, case: &Path) -> String {
    let text = text.replace(&case.display().to_string(), "<case>");
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        if line.contains("The test results are likely unreliable.") {
            continue;
        }
        let (body, end) = match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        match mask_run_time(body).or_else(|| mask_timings(body)) {
            Some(masked) => out.push_str(&masked),
            None => out.push_str(body),
        }
        out.push_str(end);
    }
    out
}

fn run_case(case: &Path) -> Result<(), String> {
    let case = case
        .canonicalize()
        .map_err(|e| format!("{}: {e}", case.display()))?;
    let args: Vec<String> = std::fs::read_to_string(case.join("args"))
        .map(|text| text.lines().map(str::to_string).collect())
        .unwrap_or_else(|_| vec!["main.py".to_string()]);
    let mut command = Command::new(common::towel_binary());
    command
        .args(&args)
        .current_dir(&case)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("PYTHON") {
            command.env_remove(key);
        }
    }
    command.env("PYTHONHASHSEED", "0");
    let mut child = command
        .spawn()
        .map_err(|e| format!("cannot run towel: {e}"))?;
    let output = common::wait_with_timeout(&mut child, Duration::from_secs(120), Instant::now())?;
    let mut problems = Vec::new();
    for (name, got) in [("out", &output.stdout), ("err", &output.stderr)] {
        let want =
            std::fs::read_to_string(case.join(format!("expected.{name}"))).unwrap_or_default();
        let want = normalise(&want, &case);
        let got = normalise(&String::from_utf8_lossy(got), &case);
        if got != want {
            problems.push(format!(
                "std{name} differs:\n{}",
                common::diff(want.as_bytes(), got.as_bytes())
            ));
        }
    }
    let want_code: i32 = std::fs::read_to_string(case.join("expected.exit"))
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0);
    let code = output.status.code().unwrap_or(-1);
    if code != want_code {
        problems.push(format!("exit code {code}, expected {want_code}"));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        problems.push(format!(
            "stderr:\n{}",
            String::from_utf8_lossy(&output.stderr)
        ));
        Err(problems.join("\n"))
    }
}
