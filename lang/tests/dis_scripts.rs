//! Runs the `dis` test scripts in `tests/dis/` on an in-process VM (each
//! script raises on the first mismatch), and checks that `compare`, `states`
//! and `desugar` work on every function of every script in `examples/`.

use std::path::{Path, PathBuf};
use std::rc::Rc;
use towel_lang::bytecode::{CodeObject, Constant};
use towel_lang::stdlib::dis::{self, listing};
use towel_lang::vm::{MainError, Vm};

fn run_script(path: &Path) {
    let source =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let vm = Vm::new();
    *vm.argv.borrow_mut() = vec![path.display().to_string(), "--quiet".into()];
    match vm.run_main(&source, &path.display().to_string()) {
        Ok(()) => {}
        Err(MainError::Syntax(e)) => panic!("{}", e.render()),
        Err(MainError::Exception(err)) => panic!("{}", vm.format_exception(&err)),
        Err(MainError::Message(msg)) => panic!("{msg}"),
    }
}

fn test_script(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/dis")
        .join(name)
}

/// The Python-facing API: `dis`, `get_instructions`, `Bytecode`, `code_info`, `file=`, errors.
#[test]
fn python_api() {
    run_script(&test_script("api.py"));
}

/// Desugared coroutines, generators and async generators run with the same results as the originals.
#[test]
fn desugared_functions_behave_the_same() {
    run_script(&test_script("desugar_equivalence.py"));
}

/// Every code object nested in `co`, depth first.
fn all_code(co: &Rc<CodeObject>, out: &mut Vec<Rc<CodeObject>>) {
    for c in &co.consts {
        if let Constant::Code(inner) = c {
            out.push(inner.clone());
            all_code(inner, out);
        }
    }
}

fn scripts_in(dir: &Path) -> Vec<PathBuf> {
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "py"))
                .collect()
        })
        .unwrap_or_default();
    scripts.sort();
    scripts
}

#[test]
fn compare_states_and_desugar_work_on_every_example() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
    let scripts = scripts_in(&dir);
    assert!(!scripts.is_empty(), "no examples in {}", dir.display());
    check_every_function(&scripts);
}

/// The conformance programs are a wider corpus of real code: desugaring
/// every function of them must give text that compiles.
#[test]
fn desugar_works_on_every_conformance_function() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/conformance/cases");
    check_every_function(&scripts_in(&dir));
}

fn check_every_function(scripts: &[PathBuf]) {
    let vm = Vm::new();
    let mut functions = 0;
    for script in scripts {
        let source = std::fs::read_to_string(script).unwrap_or_default();
        let name = script.display().to_string();
        // Cases that test syntax errors have nothing to disassemble.
        let Ok(module) = vm.compile(&source, &name, towel_lang::compiler::Mode::Exec) else {
            continue;
        };
        let mut codes = Vec::new();
        all_code(&module.co, &mut codes);
        for co in codes.iter().filter(|c| !c.name.starts_with('<')) {
            functions += 1;
            let same = listing::compare(co, co.flags, co, co.flags);
            assert!(
                same.contains("Verdict: identical"),
                "{name}: {}: {same}",
                co.qualname
            );
            let states = listing::format_states(co, co.flags);
            if co.is_resumable() {
                assert_eq!(
                    states.lines().count(),
                    2 + 1 + co.suspensions.len(),
                    "{name}: {}",
                    co.qualname
                );
            }
            let text = dis::desugar_standalone(co)
                .unwrap_or_else(|e| panic!("{name}: {}: {e}", co.qualname));
            if let Err(e) = vm.compile(&text, "<desugared>", towel_lang::compiler::Mode::Exec) {
                panic!(
                    "{name}: {}: the desugared text does not compile:\n{}\n{text}",
                    co.qualname,
                    e.render()
                );
            }
        }
    }
    assert!(functions > 0);
}
