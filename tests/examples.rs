//! Runs every script in `examples/` with the built `towel` binary and
//! compares its stdout with CPython's, recorded in `examples/expected/NAME.out`
//! (re-record with `python3 examples/NAME.py > examples/expected/NAME.out`).
//! A script must also exit with status 0.

use libtest_mimic::{Arguments, Trial};
use std::path::PathBuf;

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
            let recording = root.join("examples/expected").join(format!("{name}.out"));
            Trial::test(name, move || {
                Ok(common::run_against_recording(&script, &root, &recording)?)
            })
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
