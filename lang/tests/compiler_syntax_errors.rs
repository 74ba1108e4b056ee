//! The compile-error corpus: every program's (class, msg, lineno, offset,
//! end_lineno, end_offset) must be what CPython 3.11 reports (recorded by
//! `tools/record_errors.py` into `tests/data/compile_errors.expected`).

#[path = "compiler/common/mod.rs"]
mod common;

use towel_lang::compiler::Mode;

fn programs(text: &str) -> Vec<String> {
    text.split("# ----\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| format!("{}\n", p.trim_matches('\n')))
        .collect()
}

fn verdict(src: &str) -> String {
    match common::compile_mode(src, Mode::Exec) {
        Ok(_) => "OK".to_string(),
        Err(e) => format!(
            "{}|{}|{}|{}|{}|{}",
            e.kind.class_name(),
            e.msg,
            e.lineno,
            e.offset,
            e.end_lineno,
            e.end_offset
        ),
    }
}

#[test]
fn corpus_matches_cpython() {
    let corpus = include_str!("compiler/data/compile_errors.py.txt");
    let expected: Vec<&str> = include_str!("compiler/data/compile_errors.expected")
        .lines()
        .collect();
    let progs = programs(corpus);
    assert_eq!(
        progs.len(),
        expected.len(),
        "corpus and expectations out of step: re-run tools/record_errors.py"
    );
    let mut failures = Vec::new();
    for (src, want) in progs.iter().zip(&expected) {
        let mut got = verdict(src);
        // CPython leaves end_offset unset for some errors; the caret then spans one column.
        if let Some(stem) = want.strip_suffix("|None") {
            if let Some(cut) = got.rfind('|') {
                if got.starts_with(stem) && got[..cut] == *stem {
                    got = want.to_string();
                }
            }
        }
        if got != *want {
            failures.push(format!(
                "--- program:\n{src}    want: {want}\n    got:  {got}"
            ));
        }
    }
    println!(
        "{} of {} programs match CPython",
        progs.len() - failures.len(),
        progs.len()
    );
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
