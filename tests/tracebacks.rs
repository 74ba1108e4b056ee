//! Tracebacks byte for byte: each `tests/tracebacks/NAME.py` runs under the
//! built `towel` binary in its own directory, one named test per script, and
//! must write what CPython 3.11 wrote (recorded by `tests/tracebacks/record.py`):
//! stdout (`NAME.out`), the whole of stderr (`NAME.stderr`, the traceback with
//! its 3.11 caret lines) and the exit code (`NAME.exit`, default 0).

use libtest_mimic::{Arguments, Trial};
use std::path::PathBuf;

mod common;

fn main() {
    let args = Arguments::from_args();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/tracebacks");
    let trials = common::recorded_cases(&dir)
        .into_iter()
        .map(|(name, script)| Trial::test(name, move || Ok(common::run_recorded_case(&script)?)))
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
