//! Runs every script in `tests/stdlib/` against the built `towel` binary, one
//! named test per script: stdout must be byte-identical to the `.out` file
//! recorded from CPython 3.11 (`tests/stdlib/record.sh` re-records them),
//! and the exit code must be zero.

use libtest_mimic::{Arguments, Trial};
use std::path::PathBuf;

mod common;

fn main() {
    let args = Arguments::from_args();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/stdlib");
    let trials = common::recorded_cases(&dir)
        .into_iter()
        .map(|(name, script)| Trial::test(name, move || Ok(common::run_recorded_case(&script)?)))
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
