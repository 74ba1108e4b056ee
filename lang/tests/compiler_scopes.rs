//! Scope resolution and code-object metadata against CPython 3.11: for
//! each program of `tests/data/scopes.py.txt`, every code object's
//! qualname, flags, argument counts, first line, varnames, cellvars and
//! freevars must be CPython's (recorded by `tools/record_codes.py`).

#[path = "compiler/common/mod.rs"]
mod common;

fn programs(text: &str) -> Vec<String> {
    text.split("# ----\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| format!("{}\n", p.trim_matches('\n')))
        .collect()
}

fn describe(src: &str) -> Vec<String> {
    let code = common::compile(src);
    common::all_codes(&code)
        .iter()
        .map(|c| {
            let join = |v: &[std::rc::Rc<str>]| {
                v.iter()
                    .map(|s| s.to_string())
                    .collect::<Vec<_>>()
                    .join(",")
            };
            format!(
                "{}|{}|{}/{}/{}|{}|{}|{}|{}",
                c.qualname,
                c.flags,
                c.argcount,
                c.posonlyargcount,
                c.kwonlyargcount,
                c.firstlineno,
                join(&c.varnames),
                join(&c.cellvars),
                join(&c.freevars)
            )
        })
        .collect()
}

#[test]
fn code_metadata_matches_cpython() {
    let progs = programs(include_str!("compiler/data/scopes.py.txt"));
    let expected: Vec<Vec<String>> = include_str!("compiler/data/scopes.expected")
        .split("# end\n")
        .filter(|b| !b.is_empty())
        .map(|b| b.lines().map(str::to_string).collect())
        .collect();
    assert_eq!(progs.len(), expected.len(), "re-run tools/record_codes.py");
    let mut failures = Vec::new();
    for (src, want) in progs.iter().zip(&expected) {
        let got = describe(src);
        if &got != want {
            failures.push(format!(
                "--- program:\n{src}want:\n  {}\ngot:\n  {}",
                want.join("\n  "),
                got.join("\n  ")
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
