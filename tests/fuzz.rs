//! Fuzzing on stable Rust (issue 18, part 6): programs mutated from the
//! conformance cases are fed to the tokenizer, the parser and the compiler
//! in process, and the ones that compile are run by the built `towel`
//! under a time and memory limit. Nothing reachable from Python may panic
//! or abort: a parse or compile error must come back as a value, a run
//! must end with an exit status, never a signal or towel's internal-error
//! report.
//!
//! The CI run is short (a few seconds). The long run is the same binary
//! with more inputs, at low priority and under a memory limit:
//!
//! ```text
//! ulimit -v 4000000
//! TOWEL_FUZZ_INPUTS=10000000 TOWEL_FUZZ_RUNS=20000 TOWEL_FUZZ_CPYTHON=2000 \
//!     nice -n 19 cargo test --profile ci --test fuzz -- --nocapture
//! ```
//!
//! `TOWEL_FUZZ_SEED` picks the random sequence (the run prints it, so a
//! failure can be replayed); `TOWEL_FUZZ_CPYTHON=N` also compiles N of the
//! programs towel accepts with `/usr/bin/python3.11` and reports any that
//! CPython rejects as a SyntaxError. Before each in-process input the
//! harness writes it to `target/fuzz-current.py`, so an abort leaves the
//! input that caused it behind.

use libtest_mimic::{Arguments, Failed, Trial};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use towel_lang::compiler::{compile_module_with, Mode, Options};

mod common;

/// Pieces the mutator inserts: the tokens and near-tokens where the front
/// end has its edge cases.
const PIECES: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ".",
    ";",
    "=",
    "==",
    ":=",
    "->",
    "**",
    "*",
    "@",
    "\\",
    "\\\n",
    "\n",
    "\r",
    "\r\n",
    "\t",
    "    ",
    " ",
    "#",
    "'",
    "\"",
    "'''",
    "\"\"\"",
    "f'",
    "b'",
    "r'",
    "rb'",
    "f\"{",
    "}\"",
    "{x!r:>{w}}",
    "\\N{",
    "\\x",
    "\\u12",
    "\\d",
    "\\477",
    "0x",
    "0b1",
    "0o",
    "1_000",
    "1e",
    "1j",
    "1.5",
    ".5",
    "09",
    "1if",
    "0x1for",
    "1else",
    "if",
    "else",
    "elif",
    "for",
    "while",
    "in",
    "not",
    "is",
    "and",
    "or",
    "def",
    "class",
    "lambda",
    "return",
    "yield",
    "yield from",
    "await",
    "async",
    "with",
    "try",
    "except",
    "except*",
    "finally",
    "raise",
    "from",
    "import",
    "global",
    "nonlocal",
    "del",
    "pass",
    "break",
    "continue",
    "match",
    "case",
    "_",
    "assert",
    "None",
    "True",
    "False",
    "...",
    "print(",
    "x",
    "é",
    "\u{feff}",
    "\u{0}",
    "# -*- coding: latin-1 -*-\n",
    "\u{2028}",
];

/// A small deterministic generator (xorshift64*), so a run is replayed
/// from its seed alone.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The nearest char boundary at or before `i`.
fn boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One to four random edits of `seed`: insert a piece, delete or duplicate
/// a range, splice in part of another seed, or change indentation.
fn mutate(rng: &mut Rng, seed: &str, seeds: &[String]) -> String {
    let mut s = seed.to_string();
    for _ in 0..1 + rng.below(4) {
        let at = boundary(&s, rng.below(s.len() + 1));
        match rng.below(6) {
            0 | 1 => s.insert_str(at, PIECES[rng.below(PIECES.len())]),
            2 => {
                let end = boundary(&s, at + rng.below(16));
                s.replace_range(at..end, "");
            }
            3 => {
                let end = boundary(&s, at + rng.below(40));
                let copy = s[at..end].to_string();
                s.insert_str(end, &copy);
            }
            4 => {
                let other = &seeds[rng.below(seeds.len())];
                let from = boundary(other, rng.below(other.len() + 1));
                let to = boundary(other, from + rng.below(200));
                s.insert_str(at, &other[from..to]);
            }
            _ => {
                // Re-indent the line under `at`.
                let line_start = s[..at].rfind('\n').map_or(0, |i| i + 1);
                let indent = ["", " ", "  ", "\t", "        ", "   \t"][rng.below(6)];
                s.insert_str(line_start, indent);
            }
        }
    }
    s
}

fn seeds() -> Vec<String> {
    let dir = common::shared_dir().join("conformance/cases");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    let seeds: Vec<String> = files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    assert!(!seeds.is_empty(), "no seeds in {}", dir.display());
    seeds
}

fn env_count(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn seed_value() -> u64 {
    env_count(
        "TOWEL_FUZZ_SEED",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64)
            | 1,
    )
}

/// Tokenizes, parses and compiles `source`; the result does not matter,
/// only that each stage returns.
fn front_end(source: &str) -> bool {
    let Ok(module) = towel_lang::parser::parse_module(source, "<fuzz>") else {
        return false;
    };
    compile_module_with(&module, "<fuzz>", source, Mode::Exec, Options::default()).is_ok()
}

/// Where the harness keeps the input being tried (see the module docs).
fn current_input_file() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-current.py")
}

/// The in-process targets: `inputs` mutated programs through the front
/// end. Returns the programs that compiled (for the run targets).
fn fuzz_front_end(seed: u64, inputs: u64, keep: usize) -> Result<Vec<String>, Failed> {
    let seeds = seeds();
    let mut rng = Rng(seed);
    let mut compiled = Vec::new();
    let trace = inputs > 100_000;
    let started = Instant::now();
    let mut failures = Vec::new();
    for n in 0..inputs {
        let base = &seeds[rng.below(seeds.len())];
        let program = mutate(&mut rng, base, &seeds);
        if trace {
            let _ = std::fs::write(current_input_file(), &program);
        }
        match std::panic::catch_unwind(|| front_end(&program)) {
            Ok(true) if compiled.len() < keep && rng.below(8) == 0 => compiled.push(program),
            Ok(_) => {}
            Err(_) => failures.push(program),
        }
        if trace && n % 1_000_000 == 0 {
            eprintln!(
                "fuzz: {n} front-end inputs, {:?}, {} panics",
                started.elapsed(),
                failures.len()
            );
        }
    }
    eprintln!(
        "fuzz: {inputs} front-end inputs (seed {seed}) in {:?}",
        started.elapsed()
    );
    if let Some(first) = failures.first() {
        return Err(format!(
            "{} inputs panicked the tokenizer, parser or compiler; the first:\n{first}",
            failures.len()
        )
        .into());
    }
    Ok(compiled)
}

/// Runs `program` with the built towel: two seconds and 2 GB at most.
fn run_program(program: &str, dir: &Path) -> Result<(), String> {
    let script = dir.join("fuzz_case.py");
    std::fs::write(&script, program).map_err(|e| e.to_string())?;
    let mut child = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 2000000; exec \"$0\" \"$1\"")
        .arg(common::towel_binary())
        .arg(&script)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let deadline = Instant::now() + Duration::from_secs(2);
    loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            let mut err = String::new();
            if let Some(mut e) = child.stderr.take() {
                let _ = std::io::Read::read_to_string(&mut e, &mut err);
            }
            use std::os::unix::process::ExitStatusExt;
            if let Some(sig) = status.signal() {
                return Err(format!("killed by signal {sig}"));
            }
            if err.contains("internal error") {
                return Err(err);
            }
            return Ok(());
        }
        if Instant::now() > deadline {
            // A program may loop forever; that is not a failure.
            let _ = child.kill();
            let _ = child.wait();
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

fn fuzz_runs(seed: u64, programs: &[String]) -> Result<(), Failed> {
    let dir = std::env::temp_dir().join(format!("towel-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let started = Instant::now();
    let mut failures = Vec::new();
    for program in programs {
        if let Err(why) = run_program(program, &dir) {
            failures.push((why, program.clone()));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    eprintln!(
        "fuzz: {} programs run (seed {seed}) in {:?}",
        programs.len(),
        started.elapsed()
    );
    match failures.first() {
        Some((why, program)) => Err(format!(
            "{} runs failed; the first ({why}):\n{program}",
            failures.len()
        )
        .into()),
        None => Ok(()),
    }
}

/// Programs towel compiles that CPython 3.11 rejects with a SyntaxError.
fn compare_with_cpython(programs: &[String]) -> Result<(), Failed> {
    let python = Path::new("/usr/bin/python3.11");
    if programs.is_empty() || !python.exists() {
        return Ok(());
    }
    let mut child = Command::new(python)
        .arg("-c")
        .arg(concat!(
            "import sys, json, warnings\n",
            "warnings.simplefilter('ignore')\n",
            "for i, src in enumerate(json.load(sys.stdin)):\n",
            "    try: compile(src, '<fuzz>', 'exec')\n",
            "    except SyntaxError as e: print(i, type(e).__name__, e.msg)\n",
            "    except (ValueError, MemoryError, RecursionError): pass\n",
        ))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let json = serde_json::to_string(programs).map_err(|e| e.to_string())?;
    child
        .stdin
        .take()
        .ok_or("no stdin")?
        .write_all(json.as_bytes())
        .map_err(|e| e.to_string())?;
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    let report = String::from_utf8_lossy(&out.stdout);
    eprintln!(
        "fuzz: {} accepted programs compared with CPython",
        programs.len()
    );
    match report.lines().next() {
        None => Ok(()),
        Some(first) => {
            let index: usize = first
                .split_whitespace()
                .next()
                .and_then(|i| i.parse().ok())
                .unwrap_or(0);
            Err(format!(
                "{} programs towel accepts are SyntaxErrors in CPython; the first ({first}):\n{}",
                report.lines().count(),
                programs[index]
            )
            .into())
        }
    }
}

fn main() {
    let args = Arguments::from_args();
    let seed = seed_value();
    let inputs = env_count("TOWEL_FUZZ_INPUTS", 5_000);
    let runs = env_count("TOWEL_FUZZ_RUNS", 20) as usize;
    let cpython = env_count("TOWEL_FUZZ_CPYTHON", 0) as usize;
    let trials = vec![Trial::test("front_end_and_runs", move || {
        eprintln!("fuzz: seed {seed}");
        let compiled = fuzz_front_end(seed, inputs, runs.max(cpython))?;
        fuzz_runs(seed, &compiled[..runs.min(compiled.len())])?;
        compare_with_cpython(&compiled[..cpython.min(compiled.len())])
    })];
    libtest_mimic::run(&args, trials).exit();
}
