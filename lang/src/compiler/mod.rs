//! The compiler: `ast::Module` -> `CodeObject`.
//!
//! It follows CPython's own compiler closely, because the product must
//! behave like CPython 3.11 down to its error messages and `dis` output:
//!
//! * [`symtable`] decides the scope of every name (a port of `symtable.c`);
//! * [`codegen`] and [`expr`] walk the tree and emit instructions into basic
//!   blocks, with a stack of "frame blocks" so that `return`, `break` and
//!   `continue` can unwind loops, `try`, `with` and handlers (`compile.c`);
//! * [`fold`] does the constant folding of CPython's AST optimiser;
//! * [`assemble`] lays the blocks out, removes dead code, resolves jumps,
//!   computes the stack depth over the control-flow graph and builds the
//!   [`CodeObject`].
//!
//! The instruction set is the one in `bytecode.rs`: CPython 3.10's block
//! stack with single-value exceptions, so the code patterns are 3.10's with
//! 3.11's exception-handler shape.

mod assemble;
mod codegen;
mod expr;
mod fold;
pub mod symtable;

use crate::ast;
use crate::bytecode::CodeObject;
use crate::source::{Span, SyntaxError, SyntaxErrorKind};
use std::rc::Rc;

/// What kind of source is being compiled, as CPython's `compile()` modes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A script or module.
    Exec,
    /// One REPL input: expression statements print their value, and a
    /// top-level `await` is allowed (the module code is then a coroutine).
    Interactive,
    /// A module holding exactly one expression statement, whose value is returned.
    Eval,
}

/// How deep statements and expressions may nest before compilation is
/// refused: the compiler recurses on the tree, and a deeper tree could
/// overflow the Rust stack (CPython refuses too, with a RecursionError).
pub const MAX_NESTING: usize = 500;

/// The message for a tree nested deeper than [`MAX_NESTING`] (CPython's RecursionError text).
pub const TOO_DEEP: &str = "maximum recursion depth exceeded during compilation";

/// A compile error before it is given a file and a line: a message and where it points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub msg: String,
    pub span: Span,
}

impl CompileError {
    pub fn new(msg: impl Into<String>, span: Span) -> CompileError {
        CompileError { msg: msg.into(), span }
    }
}

/// Compiles a parsed module into the code object of its top level.
pub fn compile_module(module: &ast::Module, filename: &str, source: &str, mode: Mode) -> Result<Rc<CodeObject>, SyntaxError> {
    let to_syntax_error = |e: CompileError| SyntaxError::at(SyntaxErrorKind::SyntaxError, e.msg, filename, source, e.span);
    let table = symtable::build(module).map_err(to_syntax_error)?;
    codegen::compile(module, &table, filename, source, mode).map_err(to_syntax_error)
}

/// CPython's private-name mangling: inside class `C`, `__x` becomes `_C__x`.
pub fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class) = private else { return name.to_string() };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}
