//! Every Python file of the shared conformance cases and benchmarks is
//! valid Python 3.11 and must parse (with sound spans).

mod common;

use std::path::{Path, PathBuf};

/// Files using syntax outside towel's language (none at present).
const UNSUPPORTED: &[&str] = &[];

fn python_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            python_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
}

#[test]
fn shared_python_files_parse() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared");
    let mut files = Vec::new();
    python_files(&root.join("conformance/cases"), &mut files);
    python_files(&root.join("bench"), &mut files);
    files.sort();
    if files.is_empty() {
        eprintln!("no shared files found under {}; skipping", root.display());
        return;
    }
    let mut failures = Vec::new();
    let mut parsed = 0;
    for path in &files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let source = std::fs::read_to_string(path).expect("readable");
        match towel_lang::parse_module(&source, name) {
            Ok(m) => {
                parsed += 1;
                if let Err(e) = common::check_spans(&source, &m) {
                    failures.push(format!("{}: {e}", path.display()));
                }
            }
            Err(e) if UNSUPPORTED.contains(&name) => {
                let _ = e;
            }
            Err(e) => failures.push(format!("{}:\n{}", path.display(), e.render())),
        }
    }
    println!("parsed {parsed} of {} shared files", files.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
