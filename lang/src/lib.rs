//! towel's language: source text in, running bytecode out.
//!
//! ```text
//! source --lexer--> tokens --parser--> ast --compiler--> CodeObject --vm--> values
//! ```
//!
//! Each stage is one module and its output type is the next stage's input.
//! The bytecode module depends on neither the compiler nor the VM; parsing
//! and compiling return errors as values ([`source::SyntaxError`]).

// Classes are created from bases written `&[base.clone()]` throughout; the
// `slice::from_ref` spelling clippy suggests reads worse there.
#![allow(clippy::cloned_ref_to_slice_refs)]

#[rustfmt::skip]
pub mod ast;
pub mod builtins;
pub mod bytecode;
pub mod compiler;
pub mod fmt;
pub mod lexer;
pub mod objects;
pub mod parser;
#[rustfmt::skip]
pub mod source;
pub mod source_encoding;
pub mod stdlib;
pub(crate) mod ucd;
pub mod vm;

pub use objects::{PyErr, PyResult, Value};
pub use parser::{parse_expression, parse_module};
pub use vm::Vm;
