//! Runs every case in `../shared/conformance/cases` against the built
//! `towel` binary, one named test per case: stdout must be byte-identical
//! to CPython's recording, the exit code equal, and the last stderr line
//! equal when the case records one.
//!
//! Cases listed in `tests/conformance_pending.txt` (with the reason) are
//! reported as ignored; `cargo test --test conformance -- --include-ignored`
//! runs them too.

use libtest_mimic::{Arguments, Trial};

mod common;

fn main() {
    let args = Arguments::from_args();
    let pending = common::pending_cases();
    let trials = common::recorded_cases(&common::shared_dir().join("conformance/cases"))
        .into_iter()
        .map(|(name, script)| {
            let ignored = pending.contains(&name);
            Trial::test(name, move || Ok(common::run_recorded_case(&script)?))
                .with_ignored_flag(ignored)
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
