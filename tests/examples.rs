//! Runs every script in `examples/` with the built `towel` binary and
//! compares its stdout with CPython's, recorded in `examples/expected/NAME.out`
//! (re-record with `python3 examples/NAME.py > examples/expected/NAME.out`).
//! A script must also exit with status 0. Each also runs under
//! `--virtual-time`, where it must print the same (elapsed times included)
//! and finish within [`VIRTUAL_RUN_LIMIT`].

use libtest_mimic::{Arguments, Trial};
use std::path::PathBuf;

mod common;

/// The talk's examples sleep for seconds; on the virtual clock a run takes
/// about as long as the interpreter's start-up.
const VIRTUAL_RUN_LIMIT: std::time::Duration = std::time::Duration::from_secs(1);

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
    let mut trials = Vec::new();
    for script in scripts {
        let name = script
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let recording = root.join("examples/expected").join(format!("{name}.out"));
        let (script2, root2, recording2) = (script.clone(), root.clone(), recording.clone());
        let root = root.clone();
        trials.push(Trial::test(name.clone(), move || {
            Ok(common::run_against_recording(&script, &root, &recording)?)
        }));
        trials.push(Trial::test(format!("{name} --virtual-time"), move || {
            let virtual_time = common::Invocation {
                options: vec!["--virtual-time".into()],
                env: vec![],
            };
            let took =
                common::run_against_recording_as(&script2, &root2, &recording2, &virtual_time)?;
            if took > VIRTUAL_RUN_LIMIT {
                return Err(format!("took {took:?} (limit {VIRTUAL_RUN_LIMIT:?})").into());
            }
            Ok(())
        }));
    }
    libtest_mimic::run(&args, trials).exit();
}
