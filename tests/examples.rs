//! Runs every script in `examples/` with the built `towel` binary and
//! compares its stdout with CPython's, recorded in `examples/expected/NAME.out`
//! (re-record with `python3 examples/NAME.py > examples/expected/NAME.out`).
//! A script must also exit with status 0.

use libtest_mimic::{Arguments, Failed, Trial};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;

fn main() {
    let args = Arguments::from_args();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(root.join("examples"))
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "py"))
                // The dis examples print towel's own listings (dis.compare,
                // dis.desugar), which CPython cannot record; tests/dis_cli.rs
                // runs them and checks their output.
                .filter(|p| {
                    !p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with("dis_"))
                })
                .collect()
        })
        .unwrap_or_default();
    scripts.sort();
    assert!(!scripts.is_empty(), "no examples found");
    let trials = scripts
        .into_iter()
        .map(|script| {
            let name = script
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let root = root.clone();
            Trial::test(name, move || run_example(&root, &script))
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}

fn run_example(root: &Path, script: &Path) -> Result<(), Failed> {
    let name = script
        .file_stem()
        .ok_or("example has no name")?
        .to_string_lossy()
        .into_owned();
    let expected_path = root.join("examples/expected").join(format!("{name}.out"));
    let expected = std::fs::read(&expected_path)
        .map_err(|e| format!("missing {}: {e}", expected_path.display()))?;
    let mut child = Command::new(common::towel_binary())
        .arg(script)
        .current_dir(root)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run towel: {e}"))?;
    let output = common::wait_with_timeout(&mut child, Duration::from_secs(60), Instant::now())?;
    let mut problems = Vec::new();
    if output.stdout != expected {
        problems.push(format!(
            "stdout differs from CPython's:\n{}",
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
