//! The compiler: `ast::Module` -> `CodeObject`.
//!
//! It follows CPython's own compiler closely, because the product must
//! behave like CPython 3.11 down to its error messages and `dis` output:
//!
//! * [`symtable`] decides the scope of every name (a port of `symtable.c`);
//! * `codegen` holds the compilation units, name resolution and the stack
//!   of "frame blocks" that lets `return`, `break` and `continue` unwind
//!   loops, `try`, `with` and handlers (`compile.c`); `stmt`, `expr` and
//!   `defs` emit the instructions of statements, expressions and nested
//!   code objects (functions, classes, lambdas, comprehensions);
//! * `fold` does the constant folding of CPython's AST optimiser, and
//!   `unparse` writes annotations back as text for
//!   `from __future__ import annotations`;
//! * `assemble` lays the blocks out, removes dead code, resolves jumps and
//!   computes the stack depth over the control-flow graph.
//!
//! The instruction set is the one in `bytecode.rs`: CPython 3.10's block
//! stack with single-value exceptions, so the code patterns are 3.10's with
//! 3.11's exception-handler shape.

mod assemble;
mod codegen;
mod defs;
mod expr;
pub(crate) mod fold;
mod pattern;
mod stmt;
pub mod symtable;
mod unparse;
mod warnings;

use crate::ast;
use crate::bytecode::CodeObject;
use crate::source::{CompileWarning, ErrorOrigin, LineIndex, Span, SyntaxError, SyntaxErrorKind};
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

/// How much one statement counts towards [`MAX_NESTING`]: compiling a
/// statement takes about twice the stack of an expression.
pub const STMT_WEIGHT: usize = 2;

/// The message for a tree nested deeper than [`MAX_NESTING`] (CPython's RecursionError text).
pub const TOO_DEEP: &str = "maximum recursion depth exceeded during compilation";

/// A compile error before it is given a file and a line: a message and where it points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub msg: String,
    pub span: Span,
}

impl CompileError {
    /// A boxed error: it keeps `CResult` one word wide, which keeps the
    /// frames of the deeply recursive compiler functions small.
    pub fn new(msg: impl Into<String>, span: Span) -> Box<CompileError> {
        Box::new(CompileError {
            msg: msg.into(),
            span,
        })
    }
}

/// The result of a compiler step.
pub type CResult<T = ()> = Result<T, Box<CompileError>>;

/// Compiles a parsed module into the code object of its top level.
/// Interactive input may `await` at the top level; see [`compile_module_with`].
pub fn compile_module(
    module: &ast::Module,
    filename: &str,
    source: &str,
    mode: Mode,
) -> Result<Rc<CodeObject>, SyntaxError> {
    let options = Options {
        top_level_await: mode == Mode::Interactive,
        optimize: 0,
        file_input: false,
    };
    compile_module_with(module, filename, source, mode, options).map(|compiled| compiled.code)
}

/// A compiled module and the warnings to issue before it runs.
#[derive(Debug)]
pub struct Compiled {
    pub code: Rc<CodeObject>,
    pub warnings: Vec<CompileWarning>,
}

/// How to compile beyond the source and its mode.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// `await` (and `async for`/`async with`) allowed at the top level
    /// (the REPL, `compile()`'s `ast.PyCF_ALLOW_TOP_LEVEL_AWAIT`); the code
    /// is then a coroutine when it awaits.
    pub top_level_await: bool,
    /// `-O` level: from 1, assertions are left out and `__debug__` is False.
    pub optimize: u8,
    /// The program was read from its file (a script, standard input), not
    /// given as a string: see `parser::Ctx::file_input`.
    pub file_input: bool,
}

/// [`compile_module`] with explicit [`Options`].
pub fn compile_module_with(
    module: &ast::Module,
    filename: &str,
    source: &str,
    mode: Mode,
    options: Options,
) -> Result<Compiled, SyntaxError> {
    let to_syntax_error = |e: Box<CompileError>| {
        let mut error = SyntaxError::at(
            SyntaxErrorKind::SyntaxError,
            e.msg,
            filename,
            source,
            e.span,
        );
        error.origin = ErrorOrigin::Compiler;
        error
    };
    let future = parse_future(module, source, mode).map_err(to_syntax_error)?;
    let table = symtable::build(module, future.annotations).map_err(to_syntax_error)?;
    let (code, warnings) =
        codegen::compile(module, &table, filename, source, mode, future, options)
            .map_err(to_syntax_error)?;
    Ok(Compiled { code, warnings })
}

/// What the `from __future__ import ...` statements at the top of a module ask for.
#[derive(Clone, Copy, Debug, Default)]
pub struct Future {
    /// `annotations`: annotations are stored as strings, not evaluated.
    pub annotations: bool,
    /// The line of the last leading future import; later ones are errors.
    pub lineno: u32,
}

/// The message for a future import after other statements.
pub(crate) const LATE_FUTURE: &str =
    "from __future__ imports must occur at the beginning of the file";

/// CPython's `future.c`: reads the leading future imports and checks their features.
fn parse_future(module: &ast::Module, source: &str, mode: Mode) -> CResult<Future> {
    let mut future = Future::default();
    if mode == Mode::Eval {
        return Ok(future);
    }
    let lines = LineIndex::new(source);
    let mut body = &module.body[..];
    if stmt::docstring(body).is_some() {
        body = &body[1..];
    }
    let mut done = false;
    let mut prev_line = 0;
    for s in body {
        let line = lines.line(s.span.start);
        // Only statements sharing a line with a future import can still be checked here.
        if done && line > prev_line {
            break;
        }
        prev_line = line;
        match &s.kind {
            ast::StmtKind::ImportFrom {
                module: Some(m),
                names,
                ..
            } if m == "__future__" => {
                if done {
                    // CPython points one column early here (it passes a 0-based column).
                    let at = s.span.start.saturating_sub(1);
                    return Err(CompileError::new(LATE_FUTURE, Span { start: at, end: at }));
                }
                let at = Span {
                    start: s.span.start,
                    end: s.span.start,
                };
                for alias in names {
                    match alias.name.as_str() {
                        "nested_scopes" | "generators" | "division" | "absolute_import"
                        | "with_statement" | "print_function" | "unicode_literals"
                        | "barry_as_FLUFL" | "generator_stop" => {}
                        "annotations" => future.annotations = true,
                        "braces" => return Err(CompileError::new("not a chance", at)),
                        other => {
                            return Err(CompileError::new(
                                format!("future feature {other} is not defined"),
                                at,
                            ))
                        }
                    }
                }
                future.lineno = line;
            }
            _ => done = true,
        }
    }
    Ok(future)
}

/// CPython's private-name mangling: inside class `C`, `__x` becomes `_C__x`.
pub fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class) = private else {
        return name.to_string();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}
