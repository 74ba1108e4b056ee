//! Placeholder until the compiler lands.
use crate::source::{Span, SyntaxError, SyntaxErrorKind};
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Exec,
    Interactive,
    Eval,
}

pub fn compile_module(_m: &crate::ast::Module, filename: &str, source: &str, _mode: Mode) -> Result<Rc<crate::bytecode::CodeObject>, SyntaxError> {
    Err(SyntaxError::at(SyntaxErrorKind::SyntaxError, "compiler missing", filename, source, Span::default()))
}
