//! asyncio's debug mode switched on from outside the script: each script
//! in `tests/asyncio_debug/` runs with `PYTHONASYNCIODEBUG=1` and with
//! `-X dev`, and must print what CPython printed under
//! `PYTHONASYNCIODEBUG=1` (`NAME.out`; CPython prints the same under
//! `-X dev`).

use libtest_mimic::{Arguments, Trial};
use std::path::{Path, PathBuf};

mod common;

use common::Invocation;

fn main() {
    let args = Arguments::from_args();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/asyncio_debug");
    let env = Invocation {
        options: vec![],
        env: vec![("PYTHONASYNCIODEBUG".into(), "1".into())],
    };
    let dev = Invocation {
        options: vec!["-X".into(), "dev".into()],
        env: vec![],
    };
    let mut trials = Vec::new();
    for (name, script) in common::recorded_cases(&dir) {
        for (how, invocation) in [("PYTHONASYNCIODEBUG=1", &env), ("-X dev", &dev)] {
            let (script, invocation) = (script.clone(), invocation.clone());
            trials.push(Trial::test(format!("{name} {how}"), move || {
                Ok(run(&script, &invocation)?)
            }));
        }
    }
    libtest_mimic::run(&args, trials).exit();
}

fn run(script: &Path, invocation: &Invocation) -> Result<(), String> {
    let dir = script.parent().ok_or("case has no directory")?;
    let file = Path::new(script.file_name().ok_or("case has no file name")?);
    common::run_against_recording_as(file, dir, &script.with_extension("out"), invocation)
        .map(|_| ())
}
