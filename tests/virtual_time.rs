//! Virtual time (`towel --virtual-time`, `TOWEL_VIRTUAL_TIME=1`,
//! `towel.virtual_time()`): each script in `tests/virtual_time/` must print
//! what CPython printed running it in real time (`NAME.out`, recorded with
//! `python3 NAME.py > NAME.out`; the scripts print elapsed times at a
//! precision a real run keeps) and finish in a fraction of that time.
//!
//! Scripts in `flag/` run twice, with `--virtual-time` and with
//! `TOWEL_VIRTUAL_TIME=1`; scripts in `self/` run plainly and turn virtual
//! time on themselves (`towel.virtual_time()`, which CPython lacks: there
//! they fall back to real time).

use libtest_mimic::{Arguments, Trial};
use std::path::{Path, PathBuf};
use std::time::Duration;

mod common;

use common::Invocation;

/// Each recorded script sleeps for seconds in real time; on the virtual
/// clock a run takes about as long as the interpreter's start-up.
const VIRTUAL_RUN_LIMIT: Duration = Duration::from_secs(1);

fn main() {
    let args = Arguments::from_args();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/virtual_time");
    let flag = Invocation {
        options: vec!["--virtual-time".into()],
        env: vec![],
    };
    let env = Invocation {
        options: vec![],
        env: vec![("TOWEL_VIRTUAL_TIME".into(), "1".into())],
    };
    let mut trials = Vec::new();
    for (name, script) in common::recorded_cases(&dir.join("flag")) {
        trials.push(trial(
            format!("{name} --virtual-time"),
            script.clone(),
            flag.clone(),
        ));
        trials.push(trial(
            format!("{name} TOWEL_VIRTUAL_TIME=1"),
            script,
            env.clone(),
        ));
    }
    for (name, script) in common::recorded_cases(&dir.join("self")) {
        trials.push(trial(name, script, Invocation::default()));
    }
    libtest_mimic::run(&args, trials).exit();
}

fn trial(name: String, script: PathBuf, invocation: Invocation) -> Trial {
    Trial::test(name, move || Ok(run_fast(&script, &invocation)?))
}

/// Runs `script` in its directory against its recording, within
/// [`VIRTUAL_RUN_LIMIT`].
fn run_fast(script: &Path, invocation: &Invocation) -> Result<(), String> {
    let dir = script.parent().ok_or("case has no directory")?;
    let file = Path::new(script.file_name().ok_or("case has no file name")?);
    let took =
        common::run_against_recording_as(file, dir, &script.with_extension("out"), invocation)?;
    if took > VIRTUAL_RUN_LIMIT {
        return Err(format!(
            "took {took:?} on the virtual clock (limit {VIRTUAL_RUN_LIMIT:?})"
        ));
    }
    Ok(())
}
