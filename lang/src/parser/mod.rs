//! Placeholder until the parser lands.
use crate::source::{Span, SyntaxError, SyntaxErrorKind};

pub fn parse_module(source: &str, filename: &str) -> Result<crate::ast::Module, SyntaxError> {
    Err(SyntaxError::at(SyntaxErrorKind::SyntaxError, "parser missing", filename, source, Span::default()))
}

pub fn parse_expression(source: &str, filename: &str) -> Result<crate::ast::Expr, SyntaxError> {
    Err(SyntaxError::at(SyntaxErrorKind::SyntaxError, "parser missing", filename, source, Span::default()))
}
