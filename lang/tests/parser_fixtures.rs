//! Snapshot tests of parse trees, one test per fixture file (like ruff's
//! parser tests). The dump, with node positions, matches `tools/cpy_dump.py --spans`, so a
//! snapshot can be checked against CPython's own parse.

mod common;

use towel_lang::parse_module;
use towel_lang::parser::dump::dump_module_spans;

fn check(name: &str) {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(&path).expect("fixture exists");
    let module = match parse_module(&source, name) {
        Ok(m) => m,
        Err(e) => panic!("{name} failed to parse: {}", e.render()),
    };
    if let Err(e) = common::check_spans(&source, &module) {
        panic!("{name}: span invariants broken:\n{e}");
    }
    insta::assert_snapshot!(name, dump_module_spans(&source, &module));
}

macro_rules! fixtures {
    ($($test:ident => $file:literal,)*) => {
        $(
            #[test]
            fn $test() {
                check($file);
            }
        )*
    };
}

fixtures! {
    comment_only => "comment_only.py",
    comprehensions => "comprehensions.py",
    control => "control.py",
    crlf => "crlf.py",
    empty => "empty.py",
    expressions => "expressions.py",
    functions => "functions.py",
    layout => "layout.py",
    match_statement => "match.py",
    no_trailing_newline => "no_trailing_newline.py",
    statements => "statements.py",
    strings => "strings.py",
    tabs => "tabs.py",
    unicode => "unicode.py",
}
