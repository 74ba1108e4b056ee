//! `from __future__ import annotations`: each annotation must become the
//! string CPython's unparser writes (recorded by `tools/record_annotations.py`).

#[path = "compiler/common/mod.rs"]
mod common;

use towel_lang::bytecode::{Constant, Opcode};

fn stored_annotation(expr: &str) -> String {
    let code = common::compile(&format!("from __future__ import annotations\nx: {expr}\n"));
    let i = code
        .instructions
        .iter()
        .position(|ins| {
            ins.op == Opcode::LOAD_NAME && &*code.names[ins.arg as usize] == "__annotations__"
        })
        .expect("annotation store");
    match &code.consts[code.instructions[i - 1].arg as usize] {
        Constant::Str(s) => s.to_string(),
        other => panic!("annotation is not a string: {other:?}"),
    }
}

#[test]
fn annotations_are_unparsed_like_cpython() {
    let exprs: Vec<&str> = include_str!("compiler/data/annotations.txt")
        .lines()
        .collect();
    let expected: Vec<&str> = include_str!("compiler/data/annotations.expected")
        .lines()
        .collect();
    assert_eq!(
        exprs.len(),
        expected.len(),
        "re-run tools/record_annotations.py"
    );
    let failures: Vec<String> = exprs
        .iter()
        .zip(&expected)
        .filter_map(|(e, want)| {
            let got = stored_annotation(e);
            (got != *want).then(|| format!("{e}: want {want:?}, got {got:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn future_annotations_are_not_evaluated() {
    let code = common::compile(
        "from __future__ import annotations\ndef f(a: Undefined) -> 'X':\n    pass\n",
    );
    let ops = common::ops(&code);
    assert!(
        ops.contains(&"LOAD_CONST 'Undefined'".to_string()),
        "{ops:?}"
    );
    assert!(ops.contains(&"LOAD_CONST \"'X'\"".to_string()), "{ops:?}");
    assert!(!ops.iter().any(|o| o.contains("LOAD_NAME Undefined")));
}
