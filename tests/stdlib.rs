//! Runs every script in `tests/stdlib/` against the built `towel` binary, one
//! named test per script: stdout must be byte-identical to the `.out` file
//! recorded from CPython 3.11 (`tests/stdlib/record.sh` re-records them),
//! and the exit code must be zero.

use libtest_mimic::{Arguments, Failed, Trial};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;

fn main() {
    let args = Arguments::from_args();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/stdlib");
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "py"))
                .collect()
        })
        .unwrap_or_default();
    scripts.sort();
    assert!(
        !scripts.is_empty(),
        "no stdlib cases found in {}",
        dir.display()
    );
    let trials = scripts
        .into_iter()
        .map(|script| {
            let name = script
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            Trial::test(name, move || run_case(&script))
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}

fn run_case(script: &Path) -> Result<(), Failed> {
    let expected =
        std::fs::read(script.with_extension("out")).map_err(|e| format!("missing .out: {e}"))?;
    let dir = script.parent().ok_or("case has no directory")?;
    let mut child = Command::new(common::towel_binary())
        .arg(script.file_name().ok_or("case has no file name")?)
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
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
    if !output.status.success() {
        problems.push(format!(
            "exit status {:?}; stderr:\n{}",
            output.status.code(),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n").into())
    }
}
