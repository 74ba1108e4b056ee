//! Generates the LR parser from `src/parser/grammar.lalrpop` into OUT_DIR.
fn main() {
    println!("cargo:rerun-if-changed=src/parser/grammar.lalrpop");
    lalrpop::Configuration::new()
        .use_cargo_dir_conventions()
        .process()
        .expect("lalrpop failed to generate the parser");
}
