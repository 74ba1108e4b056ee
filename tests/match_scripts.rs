//! End-to-end tests of the `match` statement: each `tests/match/NAME.py`
//! runs under the built `towel` binary, one named test per script, and must
//! print what CPython 3.11 printed (`NAME.out`, recorded by
//! `tests/match/record.py`), exit with the same code (`NAME.exit`, default 0)
//! and end its stderr with the same line (`NAME.err`), as the shared
//! conformance cases do.

use libtest_mimic::{Arguments, Trial};
use std::path::PathBuf;

mod common;

fn main() {
    let args = Arguments::from_args();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/match");
    let trials = common::recorded_cases(&dir)
        .into_iter()
        .map(|(name, script)| Trial::test(name, move || Ok(common::run_recorded_case(&script)?)))
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
