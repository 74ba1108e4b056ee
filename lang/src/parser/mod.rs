//! The parser: a lalrpop grammar over the lexer's token stream, plus the
//! diagnosis that turns LR parse failures into CPython's error messages.

mod actions;
mod diagnose;
pub mod dump;
mod patterns;
mod soft_keywords;
mod strings;
pub mod visit;

#[allow(
    clippy::all,
    clippy::pedantic,
    unused_parens,
    unused_imports,
    dead_code
)]
mod grammar {
    include!(concat!(env!("OUT_DIR"), "/parser/grammar.rs"));
}

use crate::ast;
use crate::lexer::{self, LexError, Spanned, Tok};
use crate::source::{
    CompileWarning, ErrorOrigin, LineIndex, Span, SyntaxError, SyntaxErrorKind, WarningCategory,
};
use lalrpop_util::ParseError;
use std::cell::RefCell;

pub use actions::Top;

/// Where a parser error is reported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Loc {
    /// A byte range of the source.
    Span(usize, usize),
    /// At the first token starting at or after this byte offset: CPython
    /// reports errors raised while reducing a rule at the lookahead token
    /// (the last token its parser fetched).
    NextToken(usize),
    /// Explicit CPython coordinates, with the line text when it is not the
    /// source line (errors inside f-string expressions).
    Explicit {
        lineno: u32,
        offset: u32,
        end_lineno: u32,
        end_offset: u32,
        text: Option<String>,
    },
}

/// A syntax error found by the parser or its actions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub loc: Loc,
    pub incomplete: bool,
    /// The tokenizer error that stopped lexing, when the parser reached it.
    pub lex: Option<Box<LexError>>,
    /// Index of the furthest token CPython's parser would have fetched
    /// before raising this error (`tokens.len()` means past the last one).
    /// It decides whether an unclosed bracket is reported instead.
    pub reach: Option<usize>,
}

impl PError {
    pub fn new(msg: impl Into<String>, loc: Loc) -> PError {
        PError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: msg.into(),
            loc,
            incomplete: false,
            lex: None,
            reach: None,
        }
    }

    pub fn at(msg: impl Into<String>, span: Span) -> PError {
        PError::new(msg, Loc::Span(span.start as usize, span.end as usize))
    }
}

pub(crate) type PResult<T> = Result<T, ParseError<usize, Tok, PError>>;

pub(crate) fn user_error<T>(e: PError) -> PResult<T> {
    Err(ParseError::User { error: e })
}

/// What the grammar actions can see: the source, for decoding strings and
/// parsing f-string replacement fields.
pub struct Ctx<'s> {
    pub src: &'s str,
    pub index: &'s LineIndex,
    pub filename: &'s str,
    /// The source is a program read from its file (or standard input), not
    /// a string: CPython's tokenizer then reports errors at the end of the
    /// input at column 0.
    pub file_input: bool,
    /// Warnings found while parsing (CPython's parser warns as it decodes
    /// string literals).
    pub warnings: &'s RefCell<Vec<ParseWarning>>,
    /// Invalid escapes decoded in the literal token being read, reported at
    /// that token once it is done.
    pub pending_escapes: &'s RefCell<Vec<String>>,
}

/// A warning the tokenizer or the parser issues: see [`CompileWarning`].
#[derive(Clone, Debug)]
pub struct ParseWarning {
    pub category: WarningCategory,
    pub msg: String,
    pub span: Span,
}

/// Parses a module (`exec` input) given as a string.
pub fn parse_module(source: &str, filename: &str) -> Result<ast::Module, SyntaxError> {
    parse_module_input(source, filename, false)
}

/// Parses a module, saying whether it is a program read from its file
/// (see [`Ctx::file_input`]).
pub fn parse_module_input(
    source: &str,
    filename: &str,
    file_input: bool,
) -> Result<ast::Module, SyntaxError> {
    parse_module_warned(source, filename, file_input).0
}

/// [`parse_module_input`], with the warnings the tokenizer and the parser
/// found (invalid escapes, numbers running into keywords), in source order,
/// for the caller to issue before the compiler's. When the source is
/// rejected, they are those found before the error.
pub fn parse_module_warned(
    source: &str,
    filename: &str,
    file_input: bool,
) -> (Result<ast::Module, SyntaxError>, Vec<CompileWarning>) {
    let (top, warnings) = parse(source, filename, Mode::Module, file_input);
    let module = top.map(|top| match top {
        Top::Module(body) => ast::Module { body },
        Top::Expression(_) => ast::Module { body: vec![] },
    });
    (module, warnings)
}

/// Parses one expression (`eval` input); surrounding whitespace and
/// newlines are allowed.
pub fn parse_expression(source: &str, filename: &str) -> Result<ast::Expr, SyntaxError> {
    parse_expression_warned(source, filename).0
}

/// [`parse_expression`], with its warnings (see [`parse_module_warned`]).
pub fn parse_expression_warned(
    source: &str,
    filename: &str,
) -> (Result<ast::Expr, SyntaxError>, Vec<CompileWarning>) {
    let (top, warnings) = parse(source, filename, Mode::Expression, false);
    let expr = top.and_then(|top| match top {
        Top::Expression(e) => Ok(e),
        Top::Module(_) => Err(SyntaxError::at(
            SyntaxErrorKind::SyntaxError,
            "invalid syntax",
            filename,
            source,
            Span::new(0, 0),
        )),
    });
    (expr, warnings)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Module,
    Expression,
}

fn parse(
    source: &str,
    filename: &str,
    mode: Mode,
    file_input: bool,
) -> (Result<Top, SyntaxError>, Vec<CompileWarning>) {
    let index = LineIndex::new(source);
    let lexed = lexer::tokenize(source, &index);
    let mut tokens = Vec::with_capacity(lexed.tokens.len() + 1);
    let start = match mode {
        Mode::Module => Tok::StartModule,
        Mode::Expression => Tok::StartExpression,
    };
    tokens.push((0, start, 0));
    match mode {
        Mode::Module => tokens.extend(lexed.tokens),
        // `eval` ignores indentation around its expression.
        Mode::Expression => tokens.extend(
            lexed
                .tokens
                .into_iter()
                .filter(|t| !matches!(t.1, Tok::Indent | Tok::Dedent)),
        ),
    }
    mark_with_parens(&mut tokens);
    if mode == Mode::Module {
        soft_keywords::mark_soft_keywords(&mut tokens);
    }
    let warnings = RefCell::new(
        lexed
            .warnings
            .iter()
            .map(|w| ParseWarning {
                category: WarningCategory::SyntaxWarning,
                msg: w.msg.clone(),
                span: Span::new(w.start, w.end),
            })
            .collect(),
    );
    let ctx = Ctx {
        src: source,
        index: &index,
        filename,
        file_input,
        warnings: &warnings,
        pending_escapes: &Default::default(),
    };
    let result = match run_parser(&ctx, &tokens, lexed.error.as_ref()) {
        Ok(top) => {
            let deep = match &top {
                Top::Module(body) => check_depth(body, 0),
                Top::Expression(e) => (visit::expr_depth(e) > MAX_DEPTH).then_some(e.span),
            };
            match deep {
                Some(span) => {
                    // Dropping the tree would recurse as deep as it is; a
                    // tree this deep is refused, and left unfreed instead.
                    std::mem::forget(top);
                    let e = recursion_error(span.start as usize);
                    Err(to_syntax_error(&ctx, &tokens, &e))
                }
                None => Ok(top),
            }
        }
        Err(e) => Err(finish_error(&ctx, &tokens, lexed.error.as_ref(), e)),
    };
    // Warnings found before an error are issued too: CPython's tokenizer
    // and parser warn as they go, before the error is raised.
    let mut found = warnings.into_inner();
    found.sort_by_key(|w| w.span.start);
    let warnings = found
        .into_iter()
        .map(|w| CompileWarning {
            category: w.category,
            error: warning_location(w, filename, source),
        })
        .collect();
    (result, warnings)
}

/// Where a warning points, as the `SyntaxError` it becomes under an
/// "error" filter. CPython measures the end of a span that runs onto later
/// lines (a triple-quoted string) on its first line, which caps it there.
fn warning_location(w: ParseWarning, filename: &str, source: &str) -> SyntaxError {
    let mut error = SyntaxError::at(
        SyntaxErrorKind::SyntaxError,
        w.msg,
        filename,
        source,
        w.span,
    );
    if error.end_lineno > error.lineno {
        let first_line_end = error.text.trim_end_matches(['\n', '\r']).chars().count() + 1;
        error.end_offset = error.end_offset.min(first_line_end as u32);
    }
    error
}

/// Runs the LR parser over `tokens`, followed by the tokenizer's error (if
/// lexing stopped early).
pub(crate) fn run_parser(
    ctx: &Ctx<'_>,
    tokens: &[Spanned],
    lex_error: Option<&LexError>,
) -> Result<Top, PError> {
    if let Some(pos) = too_deep(tokens) {
        return Err(recursion_error(pos));
    }
    let lex_err = lex_error.cloned();
    let iter = tokens
        .iter()
        .cloned()
        .map(Ok)
        .chain(lex_err.into_iter().map(|e| {
            let mut p = PError::new(e.msg.clone(), Loc::Span(0, 0));
            p.kind = e.kind;
            p.incomplete = e.incomplete;
            p.lex = Some(Box::new(e));
            Err(p)
        }));
    let parser = grammar::TopParser::new();
    match parser.parse(ctx, iter) {
        Ok(top) => Ok(top),
        Err(ParseError::User { error }) => Err(error),
        Err(ParseError::UnrecognizedToken { token, expected }) => {
            let idx = tokens
                .iter()
                .position(|t| t.0 == token.0 && t.2 == token.2 && t.1 == token.1)
                .unwrap_or(tokens.len().saturating_sub(1));
            let mut e = diagnose::unexpected_token(ctx, tokens, idx, &expected);
            e.reach = Some(e.reach.unwrap_or(idx).max(idx));
            Err(e)
        }
        Err(ParseError::UnrecognizedEof { location, expected }) => {
            let idx = tokens.len().saturating_sub(1);
            let _ = location;
            Err(diagnose::unexpected_token(ctx, tokens, idx, &expected))
        }
        Err(ParseError::InvalidToken { location }) => {
            Err(PError::new("invalid syntax", Loc::NextToken(location)))
        }
        Err(ParseError::ExtraToken { token }) => {
            Err(PError::new("invalid syntax", Loc::Span(token.0, token.2)))
        }
    }
}

/// CPython's compiler gives up on trees deeper than this (counting the
/// statements around an expression).
const MAX_DEPTH: usize = 2994;

/// The error CPython raises (as a RecursionError) for too deep a tree.
fn recursion_error(pos: usize) -> PError {
    PError::new(
        "maximum recursion depth exceeded during compilation",
        Loc::Span(pos, pos),
    )
}

/// Estimates, from the tokens alone, how deep the tree of each statement
/// will be, returning where a statement gets deeper than CPython allows.
///
/// The tree is built and dropped recursively, so an absurdly deep one (a
/// sum of a million terms) must be refused before it exists. Each operator,
/// `.`, `lambda`, `if`, `await` and bracket can add one level; commas start
/// sibling subtrees. The estimate bounds the real depth from above, closely
/// enough that `check_depth` settles the exact limit on the built tree.
fn too_deep(tokens: &[Spanned]) -> Option<usize> {
    let mut saved: Vec<(usize, usize)> = Vec::new();
    let mut base = 0usize;
    let mut run = 0usize;
    for (start, tok, _) in tokens {
        match tok {
            Tok::Newline | Tok::Semi | Tok::Indent | Tok::Dedent => {
                saved.clear();
                base = 0;
                run = 0;
            }
            Tok::Comma => run = 0,
            Tok::Lpar | Tok::Lsqb | Tok::Lbrace | Tok::WithLpar => {
                run += 1;
                saved.push((base, run));
                base += run + 1;
                run = 0;
            }
            Tok::Rpar | Tok::Rsqb | Tok::Rbrace | Tok::WithRpar => {
                if let Some((b, r)) = saved.pop() {
                    base = b;
                    run = r;
                }
            }
            Tok::Plus
            | Tok::Minus
            | Tok::Star
            | Tok::Slash
            | Tok::DoubleSlash
            | Tok::Percent
            | Tok::At
            | Tok::LeftShift
            | Tok::RightShift
            | Tok::Amper
            | Tok::Vbar
            | Tok::Circumflex
            | Tok::DoubleStar
            | Tok::Tilde
            | Tok::Not
            | Tok::Await
            | Tok::Dot
            | Tok::Lambda
            | Tok::If
            | Tok::ColonEqual => run += 1,
            _ => {}
        }
        if base + run > MAX_DEPTH + 6 {
            return Some(*start);
        }
    }
    None
}

/// Checks the exact depth of parsed statements against CPython's limit,
/// returning the span of the first statement that is too deep.
fn check_depth(stmts: &[ast::Stmt], outer: usize) -> Option<Span> {
    for s in stmts {
        let depth = outer + 1;
        let mut found = None;
        visit::stmt_children(s, &mut |c| match c {
            visit::Node::Expr(e) => {
                if found.is_none() && depth + visit::expr_depth(e) > MAX_DEPTH {
                    found = Some(s.span);
                }
            }
            visit::Node::Stmt(inner) => {
                if found.is_none() {
                    found = check_depth(std::slice::from_ref(inner), depth);
                }
            }
        });
        if found.is_some() {
            return found;
        }
    }
    None
}

/// Applies CPython's rule that tokenizer errors later in the file win over
/// parser errors, and turns the error into a [`SyntaxError`].
fn finish_error(
    ctx: &Ctx<'_>,
    tokens: &[Spanned],
    lex_error: Option<&LexError>,
    e: PError,
) -> SyntaxError {
    if let Some(lex) = &e.lex {
        return lex_to_syntax_error(ctx, lex);
    }
    let err = to_syntax_error(ctx, tokens, &e);
    if let Some(lex) = lex_error {
        // CPython tokenizes the rest of the file after a parser error; an
        // error its tokenizer raises there replaces the parser's, and so
        // does a bracket left open on a line before the furthest token its
        // parser fetched. Fetching past the last token is the tokenizer
        // error itself.
        if e.reach.is_some_and(|r| r >= tokens.len()) {
            return lex_to_syntax_error(ctx, lex);
        }
        let reach_line = match e.reach {
            Some(r) => ctx.index.line(tokens[r].0 as u32),
            None => err.lineno,
        };
        let replace = lex.overrides || lex.unclosed_line.is_some_and(|line| line < reach_line);
        if replace {
            return lex_to_syntax_error(ctx, lex);
        }
    }
    err
}

/// The errors CPython's tokenizer raises itself (the lexer's `overrides`),
/// rather than through the parser.
pub(crate) fn tokenizer_origin(lex: &LexError) -> ErrorOrigin {
    if lex.overrides {
        ErrorOrigin::Tokenizer
    } else {
        ErrorOrigin::Parser
    }
}

fn lex_to_syntax_error(ctx: &Ctx<'_>, lex: &LexError) -> SyntaxError {
    SyntaxError {
        kind: lex.kind,
        msg: lex.msg.clone(),
        filename: ctx.filename.to_string(),
        lineno: lex.lineno,
        offset: if ctx.file_input && lex.from_file_at_column_0 {
            0
        } else {
            lex.offset
        },
        end_lineno: lex.end_lineno,
        end_offset: lex.end_offset,
        text: ctx.index.line_text(ctx.src, lex.lineno).to_string(),
        origin: match lex.unclosed_line {
            // CPython hands over the bracket's line with a line ending only
            // when it is the last line of the input.
            Some(line) if line < last_line(ctx) => ErrorOrigin::Tokenizer,
            _ => tokenizer_origin(lex),
        },
        incomplete: lex.incomplete,
    }
}

/// The number of the input's last line.
fn last_line(ctx: &Ctx<'_>) -> u32 {
    ctx.index
        .line(ctx.src.len().saturating_sub(1) as u32)
        .max(1)
}

/// Converts a parser error to CPython's coordinates.
pub(crate) fn to_syntax_error(ctx: &Ctx<'_>, tokens: &[Spanned], e: &PError) -> SyntaxError {
    let (lineno, offset, end_lineno, end_offset, text) = match &e.loc {
        Loc::Span(s, t) => {
            let (l, o) = ctx.index.line_col(ctx.src, *s as u32);
            let (el, eo) = ctx.index.line_col(ctx.src, (*t).max(*s) as u32);
            (l, o, el, eo, None)
        }
        Loc::NextToken(pos) => {
            let tok = tokens
                .iter()
                .find(|t| t.0 >= *pos && !matches!(t.1, Tok::StartModule | Tok::StartExpression));
            match tok {
                Some((s, Tok::EndOfFile, _)) | Some((s, Tok::Dedent, _)) if *s >= ctx.src.len() => {
                    let (l, o) = eof_location(ctx);
                    (l, o, l, o, None)
                }
                Some((s, _, t)) => {
                    let (l, o) = ctx.index.line_col(ctx.src, *s as u32);
                    let (el, eo) = ctx.index.line_col(ctx.src, *t as u32);
                    (l, o, el, eo, None)
                }
                None => {
                    let (l, o) = eof_location(ctx);
                    (l, o, l, o, None)
                }
            }
        }
        Loc::Explicit {
            lineno,
            offset,
            end_lineno,
            end_offset,
            text,
        } => (*lineno, *offset, *end_lineno, *end_offset, text.clone()),
    };
    SyntaxError {
        kind: e.kind,
        msg: e.msg.clone(),
        filename: ctx.filename.to_string(),
        lineno,
        offset,
        end_lineno,
        end_offset,
        text: text.unwrap_or_else(|| ctx.index.line_text(ctx.src, lineno).to_string()),
        origin: ErrorOrigin::Parser,
        incomplete: e.incomplete,
    }
}

/// Where CPython reports an error at the end of input: on the last line,
/// just past its last character (counting the newline CPython adds), or
/// at column 0 when it read the program from its file.
pub(crate) fn eof_location(ctx: &Ctx<'_>) -> (u32, u32) {
    let line = last_line(ctx);
    if ctx.file_input {
        return (line, 0);
    }
    let chars = ctx.index.line_text(ctx.src, line).chars().count() as u32;
    (line, chars + 1)
}

/// Marks the parentheses of `with (a as b, c):` so that the grammar can
/// tell them from a parenthesized expression. CPython tries this form
/// first: it applies when the matching `)` is followed by `:`.
fn mark_with_parens(tokens: &mut [Spanned]) {
    let mut i = 0;
    while i + 1 < tokens.len() {
        if tokens[i].1 == Tok::With && tokens[i + 1].1 == Tok::Lpar {
            let mut depth = 0usize;
            let mut j = i + 1;
            while j < tokens.len() {
                match tokens[j].1 {
                    Tok::Lpar | Tok::Lsqb | Tok::Lbrace => depth += 1,
                    Tok::Rpar | Tok::Rsqb | Tok::Rbrace => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            break;
                        }
                    }
                    Tok::Newline | Tok::EndOfFile => break,
                    _ => {}
                }
                j += 1;
            }
            if j + 1 < tokens.len() && tokens[j].1 == Tok::Rpar && tokens[j + 1].1 == Tok::Colon {
                tokens[i + 1].1 = Tok::WithLpar;
                tokens[j].1 = Tok::WithRpar;
            }
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests;
