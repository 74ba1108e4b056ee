//! Source positions and syntax errors, shared by the lexer, parser and compiler.
//!
//! Positions are byte offsets into the source text; [`LineIndex`] turns them
//! into the 1-based line and column numbers that tracebacks and `SyntaxError`
//! show. Keeping offsets in the tree (8 bytes a node) and computing lines
//! only when needed keeps the AST small.

use std::fmt;

/// A half-open byte range `start..end` in the source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start: start as u32, end: end as u32 }
    }

    /// The smallest span covering both `self` and `other`.
    pub fn to(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }
}

/// Maps byte offsets to (line, column) pairs.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset at which each line starts; `line_starts[0] == 0`.
    line_starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(source: &str) -> LineIndex {
        let mut line_starts = vec![0];
        for (i, b) in source.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        LineIndex { line_starts }
    }

    /// The 1-based line number holding byte `offset`.
    pub fn line(&self, offset: u32) -> u32 {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    /// The byte offset where 1-based line `line` starts.
    pub fn line_start(&self, line: u32) -> u32 {
        self.line_starts.get(line.saturating_sub(1) as usize).copied().unwrap_or(0)
    }

    /// The 1-based (line, column) of `offset`; the column counts characters, as CPython's does.
    pub fn line_col(&self, source: &str, offset: u32) -> (u32, u32) {
        let line = self.line(offset);
        let start = self.line_start(line) as usize;
        let end = (offset as usize).min(source.len());
        let col = source.get(start..end).map_or(end - start, |s| s.chars().count());
        (line, col as u32 + 1)
    }

    /// The text of 1-based line `line`, without its line ending.
    pub fn line_text<'s>(&self, source: &'s str, line: u32) -> &'s str {
        let start = self.line_start(line) as usize;
        let end = self
            .line_starts
            .get(line as usize)
            .map_or(source.len(), |&e| e as usize);
        source.get(start..end).unwrap_or("").trim_end_matches(['\n', '\r'])
    }
}

/// Which of Python's syntax error classes an error belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl SyntaxErrorKind {
    pub fn class_name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
        }
    }
}

/// `SyntaxError::end_offset` for errors CPython raises without an end
/// (its `end_offset` is -1): the tokenizer's indentation errors and
/// "unexpected EOF while parsing".
pub const NO_END_OFFSET: u32 = u32::MAX;

/// A syntax error as a value: what CPython would raise, with its location.
///
/// `lineno`/`offset` are 1-based (offset counts characters, as CPython's
/// `SyntaxError.offset`); `end_offset` marks the end of the caret run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub filename: String,
    pub lineno: u32,
    pub offset: u32,
    pub end_lineno: u32,
    pub end_offset: u32,
    /// The offending source line, without its line ending.
    pub text: String,
    /// Which part of CPython raises it, which decides its `text` attribute.
    pub origin: ErrorOrigin,
    /// True when the input ended inside an unfinished construct (open bracket,
    /// block header awaiting its body, unterminated triple-quoted string): the
    /// REPL then asks for more lines instead of reporting the error.
    pub incomplete: bool,
}

impl SyntaxError {
    /// Builds an error located at `span` in `source`.
    pub fn at(kind: SyntaxErrorKind, msg: impl Into<String>, filename: &str, source: &str, span: Span) -> SyntaxError {
        let index = LineIndex::new(source);
        let (lineno, offset) = index.line_col(source, span.start);
        let (end_lineno, end_offset) = index.line_col(source, span.end.max(span.start));
        SyntaxError {
            kind,
            msg: msg.into(),
            filename: filename.to_string(),
            lineno,
            offset,
            end_lineno,
            end_offset,
            text: index.line_text(source, lineno).to_string(),
            origin: ErrorOrigin::Parser,
            incomplete: false,
        }
    }

    /// `end_offset` as Python sees it (-1 for [`NO_END_OFFSET`]).
    pub fn end_offset_value(&self) -> i64 {
        match self.end_offset {
            NO_END_OFFSET => -1,
            n => n.into(),
        }
    }

    /// The lines CPython's interpreter prints for this error after the
    /// traceback header: `  File "f.py", line 3`, the source line, the
    /// caret line, `Kind: msg`.
    pub fn render(&self) -> String {
        let details = crate::vm::report::SyntaxDetails {
            filename: Some(self.filename.clone()),
            lineno: Some(self.lineno.to_string()),
            text: self.text_attribute(),
            offset: Some(self.offset.into()),
            end_offset: Some(self.end_offset_value()),
            multiline: self.end_lineno > self.lineno,
            exact: self.kind == SyntaxErrorKind::SyntaxError,
            msg: Some(self.msg.clone()),
        };
        let mut out = Vec::new();
        crate::vm::report::format_syntax_error(
            &details,
            self.kind.class_name(),
            crate::vm::report::Printer::Interpreter,
            &mut out,
        );
        out.concat()
    }

    /// The exception's `text`, as CPython sets it (see [`ErrorOrigin`]).
    pub fn text_attribute(&self) -> Option<String> {
        match self.origin {
            ErrorOrigin::Parser => Some(format!("{}\n", self.text)),
            ErrorOrigin::Tokenizer => Some(self.text.clone()),
            ErrorOrigin::Compiler => {
                let file = std::fs::read_to_string(&self.filename).ok()?;
                let line = file.split_inclusive('\n').nth(self.lineno.checked_sub(1)? as usize)?;
                Some(line.to_string())
            }
        }
    }
}

/// Which part of CPython raises an error. It decides the exception's
/// `text`: the parser hands over the line with its line ending, the
/// tokenizer the line without it, and the compiler reads the line from the
/// file named `filename` (no text when there is no such file, as for
/// `compile()` of a string).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorOrigin {
    Parser,
    Tokenizer,
    Compiler,
}

/// A warning found while compiling: CPython's `SyntaxWarning`s (`x is 1`,
/// a call of a literal...) and the tokenizer's `DeprecationWarning`s. It is
/// issued through `warnings` before the code runs, and becomes a
/// `SyntaxError` at the same place when a filter turns it into an error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileWarning {
    pub category: WarningCategory,
    /// The message and where it points, as the error it may become.
    pub error: SyntaxError,
}

/// The warning classes the compiler issues.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WarningCategory {
    SyntaxWarning,
    DeprecationWarning,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({}, line {})", self.msg, self.filename, self.lineno)
    }
}

impl std::error::Error for SyntaxError {}
