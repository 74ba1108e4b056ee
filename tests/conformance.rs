//! Runs every case in `../shared/conformance/cases` against the built
//! `towel` binary, one named test per case: stdout must be byte-identical
//! to CPython's recording, the exit code equal, and the last stderr line
//! equal when the case records one.
//!
//! Cases listed in `tests/conformance_pending.txt` (with the reason) are
//! reported as ignored; `cargo test --test conformance -- --include-ignored`
//! runs them too.

use libtest_mimic::{Arguments, Failed, Trial};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;

fn main() {
    let args = Arguments::from_args();
    let cases_dir = common::shared_dir().join("conformance/cases");
    let pending = common::pending_cases();
    let mut trials = Vec::new();
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(&cases_dir)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "py"))
                .collect()
        })
        .unwrap_or_default();
    scripts.sort();
    assert!(
        !scripts.is_empty(),
        "no conformance cases found in {}",
        cases_dir.display()
    );
    for script in scripts {
        let name = script
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let ignored = pending.contains(&name);
        trials.push(Trial::test(name, move || run_case(&script)).with_ignored_flag(ignored));
    }
    libtest_mimic::run(&args, trials).exit();
}

fn run_case(script: &Path) -> Result<(), Failed> {
    let expected =
        std::fs::read(script.with_extension("out")).map_err(|e| format!("missing .out: {e}"))?;
    let want_code: i32 = std::fs::read_to_string(script.with_extension("exit"))
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0);
    let want_err = std::fs::read_to_string(script.with_extension("err"))
        .ok()
        .map(|s| s.trim().to_string());
    let dir = script.parent().ok_or("case has no directory")?;
    let mut child = Command::new(common::towel_binary())
        .arg(script.file_name().ok_or("case has no file name")?)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run towel: {e}"))?;
    let output = common::wait_with_timeout(&mut child, Duration::from_secs(60), Instant::now())?;
    let mut problems = Vec::new();
    if output.stdout != expected {
        problems.push(format!(
            "stdout differs:\n{}",
            common::diff(&expected, &output.stdout)
        ));
    }
    let code = output.status.code().unwrap_or(-1);
    if code != want_code {
        problems.push(format!("exit code {code}, expected {want_code}"));
    }
    if let Some(want) = want_err {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let got = stderr
            .lines()
            .rfind(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim();
        if got != want {
            problems.push(format!("last stderr line {got:?}, expected {want:?}"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n").into())
    }
}
