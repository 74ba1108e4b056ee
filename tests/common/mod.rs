//! Helpers shared by the end-to-end tests: finding the binary and `../shared`,
//! running with a timeout, and a small line diff for failure messages.

#![allow(dead_code)]

use std::io::Read;
use std::path::PathBuf;
use std::process::{Child, Output};
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
