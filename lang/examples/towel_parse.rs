//! Parses (and with `--compile`, compiles) each file given, printing one
//! line per file: `OK`, or `Class|msg|lineno|offset|end_lineno|end_offset`.
//! With `--ast` or `--spans` it prints the tree instead, in the form of
//! `tools/cpy_dump.py` (which prints CPython's). The scripts in `tools/`
//! compare these against CPython.
//!
//! Run: `cargo run -p towel-lang --example towel_parse -- [--compile|--ast|--spans] FILE...`

use towel_lang::compiler::{compile_module, Mode};
use towel_lang::parser::dump::{dump_module, dump_module_spans};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |f: &str| args.iter().any(|a| a == f);
    let (compile, ast, spans) = (flag("--compile"), flag("--ast"), flag("--spans"));
    for path in args.iter().filter(|a| !a.starts_with("--")) {
        let source = match std::fs::read_to_string(path) {
            Ok(s) => s,
            Err(e) => {
                println!("ERROR|{e}");
                continue;
            }
        };
        let name = std::path::Path::new(path)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(path);
        let result = towel_lang::parse_module(&source, name).and_then(|m| {
            if compile {
                compile_module(&m, name, &source, Mode::Exec)?;
            }
            Ok(m)
        });
        match result {
            Ok(m) if spans => print!("{}", dump_module_spans(&source, &m)),
            Ok(m) if ast => print!("{}", dump_module(&m)),
            Ok(_) => println!("OK"),
            Err(e) => println!(
                "{}|{}|{}|{}|{}|{}",
                e.kind.class_name(),
                e.msg.replace('\n', "\\n"),
                e.lineno,
                e.offset,
                e.end_lineno,
                e.end_offset
            ),
        }
    }
}
