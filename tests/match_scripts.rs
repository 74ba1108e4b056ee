//! End-to-end tests of the `match` statement: each `tests/match/NAME.py`
//! runs under the built `towel` binary and must print what CPython 3.11
//! printed (`NAME.out`, recorded by `tests/match/record.py`), exit with the
//! same code (`NAME.exit`, default 0) and end its stderr with the same line
//! (`NAME.err`), as the shared conformance cases do.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn run_case(script: &Path) -> Result<(), String> {
    let expected =
        std::fs::read(script.with_extension("out")).map_err(|e| format!("missing .out: {e}"))?;
    let want_code: i32 = std::fs::read_to_string(script.with_extension("exit"))
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0);
    let want_err = std::fs::read_to_string(script.with_extension("err"))
        .ok()
        .map(|s| s.trim().to_string());
    let mut child = Command::new(common::towel_binary())
        .arg(script.file_name().ok_or("no file name")?)
        .current_dir(script.parent().ok_or("no directory")?)
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
            .filter(|l| !l.trim().is_empty())
            .last()
            .unwrap_or("")
            .trim();
        if got != want {
            problems.push(format!("last stderr line {got:?}, expected {want:?}"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

#[test]
fn match_scripts_print_what_cpython_prints() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/match");
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/match exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py") && p.with_extension("out").exists())
        .collect();
    scripts.sort();
    assert!(
        scripts.len() >= 8,
        "the match scripts are missing from {}",
        dir.display()
    );
    let failures: Vec<String> = scripts
        .iter()
        .filter_map(|s| run_case(s).err().map(|e| format!("{}: {e}", s.display())))
        .collect();
    println!(
        "{} of {} match scripts pass",
        scripts.len() - failures.len(),
        scripts.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
