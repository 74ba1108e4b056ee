//! Tracebacks byte for byte: each `tests/tracebacks/NAME.py` runs under the
//! built `towel` binary in its own directory, one named test per script, and
//! must write what CPython 3.11 wrote (recorded by `tests/tracebacks/record.py`):
//! stdout (`NAME.out`), the whole of stderr (`NAME.stderr`, the traceback with
//! its 3.11 caret lines) and the exit code (`NAME.exit`, default 0).

use libtest_mimic::{Arguments, Failed, Trial};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;

fn run_case(script: &Path) -> Result<(), Failed> {
    let stderr_file = script.with_extension("stderr");
    let want_stderr = std::fs::read(&stderr_file)
        .map_err(|e| format!("missing {}: {e}", stderr_file.display()))?;
    let name = script.file_name().ok_or("case has no file name")?;
    let dir = script.parent().ok_or("case has no directory")?;
    let mut child = Command::new(common::towel_binary())
        .arg(name)
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run towel: {e}"))?;
    let mut output =
        common::wait_with_timeout(&mut child, Duration::from_secs(60), Instant::now())?;
    // The main script is named by its absolute path; the recording drops the
    // directory (see record.py), and so does this comparison.
    let prefix = format!("{}{}", dir.display(), std::path::MAIN_SEPARATOR);
    output.stderr = String::from_utf8_lossy(&output.stderr)
        .replace(&prefix, "")
        .into_bytes();
    let mut problems = Vec::new();
    if output.stderr != want_stderr {
        problems.push(format!(
            "stderr differs:\n{}",
            common::diff(&want_stderr, &output.stderr)
        ));
    }
    let want_stdout = std::fs::read(script.with_extension("out")).unwrap_or_default();
    if output.stdout != want_stdout {
        problems.push(format!(
            "stdout differs:\n{}",
            common::diff(&want_stdout, &output.stdout)
        ));
    }
    let want_code: i32 = std::fs::read_to_string(script.with_extension("exit"))
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
        Err(problems.join("\n").into())
    }
}

fn main() {
    let args = Arguments::from_args();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/tracebacks");
    let trials = common::recorded_cases(&dir)
        .into_iter()
        .map(|(name, script)| Trial::test(name, move || run_case(&script)))
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
