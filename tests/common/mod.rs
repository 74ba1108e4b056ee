//! Helpers shared by the end-to-end tests: finding the binary and `../shared`,
//! running a recorded case (script plus CPython's `.out`/`.exit`/`.err`) with
//! a timeout, and a small line diff for failure messages.

#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// `../shared` beside the repository.
pub fn shared_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

/// The `towel` binary built alongside this test (same profile directory).
pub fn towel_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    // target/<profile>/deps/<test> -> target/<profile>/towel
    let profile_dir = exe
        .parent()
        .and_then(|d| d.parent())
        .expect("target profile directory");
    let bin = profile_dir.join(format!("towel{}", std::env::consts::EXE_SUFFIX));
    assert!(
        bin.exists(),
        "{} not built: run `cargo test --workspace`",
        bin.display()
    );
    bin
}

/// Case names listed in `tests/conformance_pending.txt` (first word of each non-comment line).
pub fn pending_cases() -> Vec<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/conformance_pending.txt");
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect()
}

/// Waits for `child`, killing it after `timeout`.
pub fn wait_with_timeout(
    child: &mut Child,
    timeout: Duration,
    start: Instant,
) -> Result<Output, String> {
    let mut stdout = child.stdout.take();
    let mut stderr = child.stderr.take();
    let out_thread = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(s) = stdout.as_mut() {
            let _ = s.read_to_end(&mut buf);
        }
        buf
    });
    let err_thread = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(s) = stderr.as_mut() {
            let _ = s.read_to_end(&mut buf);
        }
        buf
    });
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if start.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("timed out after {timeout:?}"));
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stdout = out_thread.join().unwrap_or_default();
    let stderr = err_thread.join().unwrap_or_default();
    Ok(Output {
        status,
        stdout,
        stderr,
    })
}

/// The first differing lines of expected vs actual output.
pub fn diff(expected: &[u8], actual: &[u8]) -> String {
    let e = String::from_utf8_lossy(expected);
    let a = String::from_utf8_lossy(actual);
    let (el, al): (Vec<&str>, Vec<&str>) = (e.lines().collect(), a.lines().collect());
    let mut out = String::new();
    let mut shown = 0;
    for i in 0..el.len().max(al.len()) {
        let (x, y) = (el.get(i).copied(), al.get(i).copied());
        if x != y {
            out.push_str(&format!(
                "  line {}:\n    expected: {:?}\n    actual:   {:?}\n",
                i + 1,
                x.unwrap_or("<missing>"),
                y.unwrap_or("<missing>")
            ));
            shown += 1;
            if shown == 5 {
                out.push_str("  ...\n");
                break;
            }
        }
    }
    out
}

/// The case folders in `dir` (each with its `expected.out`), with their
/// names as test names, sorted; panics when there are none.
pub fn case_folders(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.join("expected.out").exists())
                .collect()
        })
        .unwrap_or_default();
    cases.sort();
    assert!(!cases.is_empty(), "no cases found in {}", dir.display());
    cases
        .into_iter()
        .map(|case| {
            let name = case
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (name, case)
        })
        .collect()
}

/// The `*.py` scripts in `dir` that have a recording (`NAME.out`) beside
/// them, with their stems as test names, sorted; panics when there are none
/// (a missing directory must not pass as empty).
pub fn recorded_cases(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "py"))
                .filter(|p| p.with_extension("out").exists())
                .collect()
        })
        .unwrap_or_default();
    scripts.sort();
    assert!(
        !scripts.is_empty(),
        "no cases found in {}: the team's `shared` folder must sit beside this \
         repository (see the README, \"Two commands\")",
        dir.display()
    );
    scripts
        .into_iter()
        .map(|p| {
            let name = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            (name, p)
        })
        .collect()
}

/// Runs `script` with the built `towel` in its own directory and checks it
/// against CPython's recording beside it (see [`run_against_recording`]).
pub fn run_recorded_case(script: &Path) -> Result<(), String> {
    let arg = script.file_name().ok_or("case has no file name")?;
    let dir = script.parent().ok_or("case has no directory")?;
    run_against_recording(Path::new(arg), dir, &script.with_extension("out"))
}

/// Runs `towel SCRIPT` in `cwd` and checks it against CPython's recording:
/// stdout byte for byte (`out_file`), the exit code (the `.exit` file beside
/// it, 0 when absent), the whole of stderr when a `.stderr` file is there
/// (tracebacks), and the last non-empty stderr line when a `.err` file is.
pub fn run_against_recording(script: &Path, cwd: &Path, out_file: &Path) -> Result<(), String> {
    run_against_recording_as(script, cwd, out_file, &Invocation::default()).map(|_| ())
}

/// How a recorded case is run: options before the script and extra
/// environment variables (`--virtual-time`, `TOWEL_VIRTUAL_TIME=1`).
#[derive(Clone, Default)]
pub struct Invocation {
    pub options: Vec<String>,
    pub env: Vec<(String, String)>,
}

/// [`run_against_recording`] run as `invocation` says; returns how long
/// the run took (wall-clock time).
pub fn run_against_recording_as(
    script: &Path,
    cwd: &Path,
    out_file: &Path,
    invocation: &Invocation,
) -> Result<Duration, String> {
    let expected =
        std::fs::read(out_file).map_err(|e| format!("missing {}: {e}", out_file.display()))?;
    let want_code: i32 = std::fs::read_to_string(out_file.with_extension("exit"))
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0);
    let want_err = std::fs::read_to_string(out_file.with_extension("err"))
        .ok()
        .map(|s| s.trim().to_string());
    let want_stderr = std::fs::read(out_file.with_extension("stderr")).ok();
    let start = Instant::now();
    let mut child = Command::new(towel_binary())
        .args(&invocation.options)
        .arg(script)
        .current_dir(cwd)
        .env("PYTHONHASHSEED", "0")
        .envs(invocation.env.iter().map(|(k, v)| (k, v)))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run towel: {e}"))?;
    let output = wait_with_timeout(&mut child, Duration::from_secs(60), start)?;
    let took = start.elapsed();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let mut problems = Vec::new();
    if output.stdout != expected {
        problems.push(format!(
            "stdout differs:\n{}",
            diff(&expected, &output.stdout)
        ));
    }
    let code = output.status.code().unwrap_or(-1);
    if code != want_code {
        problems.push(format!(
            "exit code {code}, expected {want_code}; stderr:\n{stderr}"
        ));
    }
    if let Some(want) = want_stderr {
        // The main script is named by its absolute path; recordings drop
        // the directory, and so does the comparison.
        let got = stderr.replace(
            &format!("{}{}", cwd.display(), std::path::MAIN_SEPARATOR),
            "",
        );
        if got.as_bytes() != want.as_slice() {
            problems.push(format!("stderr differs:\n{}", diff(&want, got.as_bytes())));
        }
    }
    if let Some(want) = want_err {
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
        Ok(took)
    } else {
        Err(problems.join("\n"))
    }
}
