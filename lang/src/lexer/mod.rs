//! The tokenizer: `logos` finds the raw tokens, and the layer here turns them
//! into the token stream CPython's tokenizer produces (NEWLINE, INDENT,
//! DEDENT, joined bracketed and backslash-continued lines, no comments or
//! blank lines), reporting tokenizer errors with CPython's messages and
//! locations.

mod highlight;
mod raw;
mod token;

pub use highlight::{highlight, TokenClass};
pub use token::{StrFlags, StrTok, Tok};
pub(crate) use token::{KEYWORDS, SOFT_KEYWORDS};

use crate::source::{LineIndex, SyntaxErrorKind, NO_END_OFFSET};
use logos::Logos;
use num_bigint::BigInt;
use num_traits::Num;
use raw::Raw;

/// A token with its byte range.
pub type Spanned = (usize, Tok, usize);

/// A tokenizer error, located the way CPython locates it.
///
/// Locations are kept as CPython's (lineno, offset, end_lineno, end_offset)
/// because several tokenizer errors use positions that are not token spans
/// (the end of a line, a column counted from a scanning cursor).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub lineno: u32,
    pub offset: u32,
    pub end_lineno: u32,
    pub end_offset: u32,
    /// The input ended inside an unfinished construct.
    pub incomplete: bool,
    /// CPython raises this error even when the parser already failed earlier
    /// in the file (its tokenizer set an exception while the rest of the
    /// file was checked).
    pub overrides: bool,
    /// For "'(' was never closed": the line of the unclosed bracket.
    pub unclosed_line: Option<u32>,
    /// CPython's tokenizer reports this error at column 0 when it reads the
    /// program from its file (a backslash at the end of the input before
    /// any token of its logical line), at `offset` otherwise.
    pub from_file_at_column_0: bool,
}

/// The tokens of a source, up to the first tokenizer error.
#[derive(Debug)]
pub struct Lexed {
    pub tokens: Vec<Spanned>,
    pub error: Option<LexError>,
    /// The tokenizer's `SyntaxWarning`s, in source order.
    pub warnings: Vec<LexWarning>,
}

/// A `SyntaxWarning` of the tokenizer (`1if x else y`: "invalid decimal
/// literal"), pointing at `start..end`.
#[derive(Clone, Debug)]
pub struct LexWarning {
    pub msg: String,
    pub start: usize,
    pub end: usize,
}

/// An open bracket: its character, byte offset and line.
#[derive(Clone, Copy, Debug)]
struct Open {
    ch: u8,
    pos: usize,
    line: u32,
}

/// Tokenizes a whole module.
pub fn tokenize(source: &str, index: &LineIndex) -> Lexed {
    // A UTF-8 byte order mark at the start is not part of the program.
    let start = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lx = Lexer::new(source, index, start, source.len(), false);
    lx.run();
    Lexed {
        tokens: lx.tokens,
        error: lx.error,
        warnings: lx.warnings,
    }
}

/// Tokenizes `source[start..end]` as if it were inside parentheses (no
/// NEWLINE or INDENT tokens): the replacement fields of f-strings.
pub fn tokenize_parenthesized(source: &str, index: &LineIndex, start: usize, end: usize) -> Lexed {
    let mut lx = Lexer::new(source, index, start, end, true);
    lx.run();
    Lexed {
        tokens: lx.tokens,
        error: lx.error,
        warnings: lx.warnings,
    }
}

struct Lexer<'s> {
    src: &'s str,
    bytes: &'s [u8],
    index: &'s LineIndex,
    /// Offset of the lexed range in `src`; logos sees `src[base..end]`.
    base: usize,
    end: usize,
    raw: logos::Lexer<'s, Raw>,
    pushed_back: Option<(Result<Raw, ()>, usize, usize)>,
    tokens: Vec<Spanned>,
    error: Option<LexError>,
    warnings: Vec<LexWarning>,
    brackets: Vec<Open>,
    /// Indentation columns with tabs to multiples of 8, and with tabs as 1
    /// column: CPython compares both to detect inconsistent tab use.
    indents: Vec<(u32, u32)>,
    /// Inside an f-string replacement field: brackets never produce NEWLINEs.
    parenthesized: bool,
}

impl<'s> Lexer<'s> {
    fn new(
        src: &'s str,
        index: &'s LineIndex,
        base: usize,
        end: usize,
        parenthesized: bool,
    ) -> Self {
        let slice = src.get(base..end).unwrap_or("");
        Lexer {
            src,
            bytes: src.as_bytes(),
            index,
            base,
            end: base + slice.len(),
            raw: Raw::lexer(slice),
            pushed_back: None,
            tokens: Vec::new(),
            error: None,
            warnings: Vec::new(),
            brackets: Vec::new(),
            indents: vec![(0, 0)],
            parenthesized,
        }
    }

    fn next_raw(&mut self) -> Option<(Result<Raw, ()>, usize, usize)> {
        if let Some(t) = self.pushed_back.take() {
            return Some(t);
        }
        let tok = self.raw.next()?;
        let span = self.raw.span();
        Some((tok, span.start + self.base, span.end + self.base))
    }

    /// Moves the raw lexer on to absolute offset `to` (after a token whose
    /// extent was found by hand: strings and numbers).
    fn skip_to(&mut self, to: usize) {
        let cur = self.raw.span().end + self.base;
        if to > cur {
            self.raw.bump(to - cur);
        }
    }

    /// 1-based line and 0-based character column of byte `pos`.
    fn line_col0(&self, pos: usize) -> (u32, u32) {
        let (l, c) = self.index.line_col(self.src, pos as u32);
        (l, c - 1)
    }

    fn depth(&self) -> usize {
        self.brackets.len() + usize::from(self.parenthesized)
    }

    fn push(&mut self, start: usize, tok: Tok, end: usize) {
        self.tokens.push((start, tok, end));
    }

    fn fail(
        &mut self,
        kind: SyntaxErrorKind,
        msg: impl Into<String>,
        loc: (u32, u32, u32, u32),
        overrides: bool,
    ) {
        self.error = Some(LexError {
            kind,
            msg: msg.into(),
            lineno: loc.0,
            offset: loc.1,
            end_lineno: loc.2,
            end_offset: loc.3,
            incomplete: false,
            overrides,
            unclosed_line: None,
            from_file_at_column_0: false,
        });
    }

    /// A `syntaxerror()` of CPython's tokenizer: reported at the column of
    /// the scanning cursor `cur` (which CPython passes as a 1-based offset,
    /// so it designates the character before the cursor).
    fn fail_at_cursor(&mut self, msg: impl Into<String>, cur: usize) {
        let (line, col) = self.line_col0(cur);
        self.fail(
            SyntaxErrorKind::SyntaxError,
            msg,
            (line, col, line, col),
            true,
        );
    }

    fn run(&mut self) {
        let mut at_bol = !self.parenthesized;
        // Whether the current logical line has produced a token (so that a
        // NEWLINE is due at its end).
        let mut line_has_tokens = false;
        loop {
            if at_bol {
                at_bol = false;
                match self.indentation() {
                    Ok(true) => {}
                    Ok(false) => continue,
                    Err(()) => return,
                }
            }
            let Some((raw, start, end)) = self.next_raw() else {
                break;
            };
            let raw = match raw {
                Ok(r) => r,
                Err(()) => {
                    if !self.unknown(start, end) {
                        return;
                    }
                    line_has_tokens = true;
                    continue;
                }
            };
            match raw {
                Raw::Whitespace | Raw::Comment => {}
                Raw::Newline => {
                    if self.depth() == 0 {
                        if line_has_tokens {
                            self.push(start, Tok::Newline, start);
                            line_has_tokens = false;
                        }
                        at_bol = true;
                    }
                }
                Raw::Continuation => {
                    if end >= self.end {
                        self.eof_after_backslash(start, !line_has_tokens);
                        return;
                    }
                }
                Raw::Backslash => {
                    if end >= self.end {
                        self.eof_after_backslash(start, !line_has_tokens);
                    } else {
                        // CPython reports the column just past the character
                        // after the backslash.
                        let (line, col) = self.line_col0(start);
                        self.fail(
                            SyntaxErrorKind::SyntaxError,
                            "unexpected character after line continuation character",
                            (line, col + 2, line, 0),
                            false,
                        );
                    }
                    return;
                }
                Raw::Name => {
                    let text = &self.src[start..end];
                    if !text.is_ascii() && !self.verify_identifier(start, end) {
                        return;
                    }
                    let tok = Tok::keyword(text).unwrap_or_else(|| Tok::Name(identifier(text)));
                    self.push(start, tok, end);
                    line_has_tokens = true;
                }
                Raw::Number => {
                    self.pushed_back = None;
                    match self.number(start) {
                        Some((tok, end)) => {
                            self.skip_to(end);
                            self.push(start, tok, end);
                            line_has_tokens = true;
                        }
                        None => return,
                    }
                }
                Raw::StringStart => match self.string(start, end) {
                    Some((tok, end)) => {
                        self.skip_to(end);
                        self.push(start, tok, end);
                        line_has_tokens = true;
                    }
                    None => return,
                },
                Raw::Lpar | Raw::Lsqb | Raw::Lbrace => {
                    if self.brackets.len() >= 200 {
                        self.fail_at_cursor("too many nested parentheses", end);
                        return;
                    }
                    let line = self.index.line(start as u32);
                    self.brackets.push(Open {
                        ch: self.bytes[start],
                        pos: start,
                        line,
                    });
                    self.push(start, raw.tok(), end);
                    line_has_tokens = true;
                }
                Raw::Rpar | Raw::Rsqb | Raw::Rbrace => {
                    if !self.close_bracket(start, end) {
                        return;
                    }
                    self.push(start, raw.tok(), end);
                    line_has_tokens = true;
                }
                other => {
                    self.push(start, other.tok(), end);
                    line_has_tokens = true;
                }
            }
        }
        self.finish(line_has_tokens);
    }

    /// Handles the end of input: unclosed brackets, the final NEWLINE and
    /// the DEDENTs closing open blocks.
    fn finish(&mut self, line_has_tokens: bool) {
        if let Some(open) = self.brackets.last().copied() {
            let (line, col) = self.line_col0(open.pos);
            self.error = Some(LexError {
                kind: SyntaxErrorKind::SyntaxError,
                msg: format!("'{}' was never closed", open.ch as char),
                lineno: line,
                offset: col + 1,
                end_lineno: line,
                end_offset: 0,
                incomplete: true,
                overrides: false,
                unclosed_line: Some(line),
                from_file_at_column_0: false,
            });
            return;
        }
        let end = self.end;
        if self.parenthesized {
            self.push(end, Tok::EndOfFile, end);
            return;
        }
        if line_has_tokens {
            self.push(end, Tok::Newline, end);
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.push(end, Tok::Dedent, end);
        }
        self.push(end, Tok::EndOfFile, end);
    }

    /// Measures the indentation at the start of a physical line and emits
    /// INDENT/DEDENT tokens. Returns Ok(false) for a blank or comment-only
    /// line (the caller then reads its newline and starts over).
    fn indentation(&mut self) -> Result<bool, ()> {
        let mut col: u32 = 0;
        let mut altcol: u32 = 0;
        let mut cont_col: Option<(u32, u32)> = None;
        let mut line_start: Option<usize> = None;
        let next = loop {
            let Some((raw, start, end)) = self.next_raw() else {
                return Ok(true);
            };
            line_start.get_or_insert(start);
            match raw {
                Ok(Raw::Whitespace) => {
                    for &b in &self.bytes[start..end] {
                        match b {
                            b' ' => {
                                col += 1;
                                altcol += 1;
                            }
                            b'\t' => {
                                col = (col / 8 + 1) * 8;
                                altcol += 1;
                            }
                            _ => {
                                col = 0;
                                altcol = 0;
                            }
                        }
                    }
                }
                Ok(Raw::Continuation) => {
                    if end >= self.end {
                        self.eof_after_backslash(start, true);
                        return Err(());
                    }
                    // Indentation cannot be split over lines with a
                    // backslash: the first one found after some whitespace
                    // sets the level (one at column 0 leaves it to what
                    // follows, as in CPython).
                    if col != 0 && cont_col.is_none() {
                        cont_col = Some((col, altcol));
                    }
                }
                Ok(Raw::Backslash) if end >= self.end => {
                    self.eof_after_backslash(start, true);
                    return Err(());
                }
                other => break (other, start, end),
            }
        };
        let (raw, start, end) = next;
        self.pushed_back = Some((raw, start, end));
        if matches!(raw, Ok(Raw::Comment) | Ok(Raw::Newline)) || self.depth() > 0 {
            return Ok(matches!(raw, Ok(r) if r != Raw::Comment && r != Raw::Newline));
        }
        let (col, altcol) = cont_col.unwrap_or((col, altcol));
        let (cur, cur_alt) = self.indents.last().copied().unwrap_or((0, 0));
        let (line, _) = self.line_col0(start);
        let line_start = self.index.line_start(line) as usize;
        if col == cur {
            if altcol != cur_alt {
                self.tab_error(line);
                return Err(());
            }
        } else if col > cur {
            if self.indents.len() >= 100 {
                self.fail(
                    SyntaxErrorKind::IndentationError,
                    "too many levels of indentation",
                    (line, 1, line, 0),
                    false,
                );
                return Err(());
            }
            if altcol <= cur_alt {
                self.tab_error(line);
                return Err(());
            }
            self.indents.push((col, altcol));
            self.push(line_start, Tok::Indent, start);
        } else {
            while self.indents.len() > 1 && col < self.indents.last().map_or(0, |i| i.0) {
                self.indents.pop();
                self.push(start, Tok::Dedent, start);
            }
            let (now, now_alt) = self.indents.last().copied().unwrap_or((0, 0));
            if col != now {
                // CPython points past the end of the offending line.
                let len = self.index.line_text(self.src, line).chars().count() as u32;
                self.fail(
                    SyntaxErrorKind::IndentationError,
                    "unindent does not match any outer indentation level",
                    (line, len + 1, line, NO_END_OFFSET),
                    false,
                );
                return Err(());
            }
            if altcol != now_alt {
                self.tab_error(line);
                return Err(());
            }
        }
        Ok(true)
    }

    /// A backslash at the end of the input (with or without its newline):
    /// "unexpected EOF while parsing" just past it, or, inside brackets,
    /// the unclosed bracket, as CPython reports them. `line_start` says
    /// that no token of the logical line came before the backslash.
    fn eof_after_backslash(&mut self, backslash: usize, line_start: bool) {
        if !self.brackets.is_empty() {
            self.finish(true);
            return;
        }
        let (line, col) = self.line_col0(backslash);
        self.error = Some(LexError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: "unexpected EOF while parsing".into(),
            lineno: line,
            offset: col + 2,
            end_lineno: line,
            end_offset: NO_END_OFFSET,
            incomplete: true,
            overrides: false,
            unclosed_line: None,
            from_file_at_column_0: line_start,
        });
    }

    fn tab_error(&mut self, line: u32) {
        self.fail(
            SyntaxErrorKind::TabError,
            "inconsistent use of tabs and spaces in indentation",
            (line, 1, line, 0),
            false,
        );
    }

    fn close_bracket(&mut self, start: usize, end: usize) -> bool {
        let ch = self.bytes[start];
        let Some(open) = self.brackets.pop() else {
            let (line, col) = self.line_col0(end);
            self.fail(
                SyntaxErrorKind::SyntaxError,
                format!("unmatched '{}'", ch as char),
                (line, col, line, col),
                true,
            );
            return false;
        };
        let matches = matches!((open.ch, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
        if !matches {
            let (line, col) = self.line_col0(end);
            let msg = if open.line != line {
                format!(
                    "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                    ch as char, open.ch as char, open.line
                )
            } else {
                format!(
                    "closing parenthesis '{}' does not match opening parenthesis '{}'",
                    ch as char, open.ch as char
                )
            };
            self.fail(
                SyntaxErrorKind::SyntaxError,
                msg,
                (line, col, line, col),
                true,
            );
            return false;
        }
        true
    }

    /// A character no token starts with. Non-ASCII ones are reported as
    /// CPython does; ASCII ones become an `Unknown` token that the parser
    /// rejects. Returns false when lexing must stop.
    fn unknown(&mut self, start: usize, end: usize) -> bool {
        let Some(c) = self.src[start..].chars().next() else {
            return false;
        };
        if !c.is_ascii() {
            return self.verify_identifier(start, start + c.len_utf8());
        }
        let _ = end;
        self.push(start, Tok::Unknown, start + c.len_utf8());
        true
    }

    /// Checks a name containing non-ASCII characters, reporting the first
    /// character that cannot be part of an identifier.
    fn verify_identifier(&mut self, start: usize, end: usize) -> bool {
        let text = &self.src[start..end];
        for (i, c) in text.char_indices() {
            let ok = if i == 0 {
                c == '_' || unicode_ident::is_xid_start(c)
            } else {
                unicode_ident::is_xid_continue(c)
            };
            if !ok {
                let pos = start + i;
                let (line, col) = self.line_col0(pos);
                let msg = if is_printable(c) {
                    format!("invalid character '{}' (U+{:04X})", c, c as u32)
                } else {
                    format!("invalid non-printable character U+{:04X}", c as u32)
                };
                self.fail(
                    SyntaxErrorKind::SyntaxError,
                    msg,
                    (line, col + 1, line, col + 1),
                    true,
                );
                return false;
            }
        }
        true
    }

    fn byte(&self, i: usize) -> u8 {
        if i < self.end {
            self.bytes[i]
        } else {
            0
        }
    }

    /// Scans a number starting at `start`, following CPython's tokenizer
    /// (including its error messages and cursor positions).
    fn number(&mut self, start: usize) -> Option<(Tok, usize)> {
        let mut cur = start;
        let b0 = self.byte(cur);
        if b0 == b'0' && matches!(self.byte(cur + 1), b'x' | b'X' | b'o' | b'O' | b'b' | b'B') {
            let (radix, kind) = match self.byte(cur + 1) {
                b'x' | b'X' => (16, "hexadecimal"),
                b'o' | b'O' => (8, "octal"),
                _ => (2, "binary"),
            };
            cur += 2;
            loop {
                if self.byte(cur) == b'_' {
                    cur += 1;
                }
                let c = self.byte(cur);
                if !(c as char).is_digit(radix) {
                    if radix != 16 && c.is_ascii_digit() {
                        self.fail_at_cursor(
                            format!("invalid digit '{}' in {} literal", c as char, kind),
                            cur + 1,
                        );
                    } else {
                        self.fail_at_cursor(format!("invalid {kind} literal"), cur);
                    }
                    return None;
                }
                while (self.byte(cur) as char).is_digit(radix) {
                    cur += 1;
                }
                if self.byte(cur) != b'_' {
                    break;
                }
            }
            let c = self.byte(cur);
            if radix != 16 && c.is_ascii_digit() {
                self.fail_at_cursor(
                    format!("invalid digit '{}' in {} literal", c as char, kind),
                    cur + 1,
                );
                return None;
            }
            if !self.verify_end_of_number(cur, kind) {
                return None;
            }
            let digits: String = self.src[start + 2..cur]
                .chars()
                .filter(|&c| c != '_')
                .collect();
            let value = BigInt::from_str_radix(&digits, radix).unwrap_or_default();
            return Some((Tok::Int(value), cur));
        }
        let mut is_float = false;
        if b0 == b'0' {
            // Zeros, possibly followed by an old-style octal (an error).
            cur += 1;
            loop {
                if self.byte(cur) == b'_' {
                    cur += 1;
                    if !self.byte(cur).is_ascii_digit() {
                        self.fail_at_cursor("invalid decimal literal", cur);
                        return None;
                    }
                }
                if self.byte(cur) != b'0' {
                    break;
                }
                cur += 1;
            }
            let zeros_end = cur + 1;
            let mut nonzero = false;
            if self.byte(cur).is_ascii_digit() {
                nonzero = true;
                cur = self.decimal_tail(cur)?;
            }
            let c = self.byte(cur);
            if c == b'.' || c == b'e' || c == b'E' || c == b'j' || c == b'J' {
                return self.float_rest(start, cur);
            }
            if nonzero {
                let (line, col) = self.line_col0(start);
                let (_, zcol) = self.line_col0(zeros_end);
                self.fail(
                    SyntaxErrorKind::SyntaxError,
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    (line, col + 1, line, zcol),
                    true,
                );
                return None;
            }
            if !self.verify_end_of_number(cur, "decimal") {
                return None;
            }
        } else if b0 == b'.' {
            is_float = true;
        } else {
            cur = self.decimal_tail(cur)?;
            let c = self.byte(cur);
            if c == b'.' || c == b'e' || c == b'E' || c == b'j' || c == b'J' {
                return self.float_rest(start, cur);
            }
            if !self.verify_end_of_number(cur, "decimal") {
                return None;
            }
        }
        if is_float {
            return self.float_rest(start, cur);
        }
        let digits: String = self.src[start..cur].chars().filter(|&c| c != '_').collect();
        let value = BigInt::from_str_radix(&digits, 10).unwrap_or_default();
        Some((Tok::Int(value), cur))
    }

    /// Digits and single underscores; returns the cursor after them.
    fn decimal_tail(&mut self, mut cur: usize) -> Option<usize> {
        loop {
            while self.byte(cur).is_ascii_digit() {
                cur += 1;
            }
            if self.byte(cur) != b'_' {
                return Some(cur);
            }
            cur += 1;
            if !self.byte(cur).is_ascii_digit() {
                self.fail_at_cursor("invalid decimal literal", cur);
                return None;
            }
        }
    }

    /// The fraction, exponent and imaginary suffix of a number whose integer
    /// part ends at `cur` (which is at '.', 'e' or 'j', or after a leading '.').
    fn float_rest(&mut self, start: usize, mut cur: usize) -> Option<(Tok, usize)> {
        if self.byte(cur) == b'.' {
            cur += 1;
            if self.byte(cur).is_ascii_digit() {
                cur = self.decimal_tail(cur)?;
            }
        }
        if matches!(self.byte(cur), b'e' | b'E') {
            let e = cur;
            cur += 1;
            if matches!(self.byte(cur), b'+' | b'-') {
                cur += 1;
                if !self.byte(cur).is_ascii_digit() {
                    self.fail_at_cursor("invalid decimal literal", cur);
                    return None;
                }
            } else if !self.byte(cur).is_ascii_digit() {
                // "1e" followed by a non-digit: the 'e' is not part of the number.
                if !self.verify_end_of_number(e, "decimal") {
                    return None;
                }
                return Some((self.float_token(start, e, false), e));
            }
            cur = self.decimal_tail(cur)?;
        }
        if matches!(self.byte(cur), b'j' | b'J') {
            cur += 1;
            if !self.verify_end_of_number(cur, "imaginary") {
                return None;
            }
            return Some((self.float_token(start, cur - 1, true), cur));
        }
        if !self.verify_end_of_number(cur, "decimal") {
            return None;
        }
        Some((self.float_token(start, cur, false), cur))
    }

    fn float_token(&self, start: usize, end: usize, imag: bool) -> Tok {
        let text: String = self.src[start..end].chars().filter(|&c| c != '_').collect();
        let value = text.parse::<f64>().unwrap_or(f64::INFINITY);
        if imag {
            Tok::Imag(value)
        } else {
            Tok::Float(value)
        }
    }

    /// CPython's `verify_end_of_number`: a number may not run into a name;
    /// when what follows starts as a keyword that can follow a number
    /// (`1if x else y`), it is a `SyntaxWarning` for now. CPython reports it
    /// (and the error it becomes) at the column where the keyword starts,
    /// taken as a 1-based offset: the number's last character.
    fn verify_end_of_number(&mut self, cur: usize, kind: &str) -> bool {
        let rest = &self.bytes[cur.min(self.end)..self.end];
        let keyword_follows = ["and", "else", "for", "if", "in", "is", "or", "not"]
            .iter()
            .any(|k| rest.starts_with(k.as_bytes()));
        if keyword_follows {
            self.warnings.push(LexWarning {
                msg: format!("invalid {kind} literal"),
                start: cur - 1,
                end: cur - 1,
            });
            return true;
        }
        let c = self.byte(cur);
        if c.is_ascii_alphanumeric() || c == b'_' || c >= 128 {
            self.fail_at_cursor(format!("invalid {kind} literal"), cur);
            return false;
        }
        true
    }

    /// Scans a string literal whose prefix and opening quote span
    /// `start..quote_end`.
    fn string(&mut self, start: usize, quote_end: usize) -> Option<(Tok, usize)> {
        let quote = self.bytes[quote_end - 1];
        let mut flags = StrFlags::default();
        for &b in &self.bytes[start..quote_end - 1] {
            match b {
                b'r' | b'R' => flags.raw = true,
                b'b' | b'B' => flags.bytes = true,
                b'f' | b'F' => flags.fstring = true,
                _ => {}
            }
        }
        let mut cur = quote_end;
        let quote_len: u8 = if self.byte(cur) == quote && self.byte(cur + 1) == quote {
            cur += 2;
            3
        } else {
            1
        };
        let body_start = cur;
        let mut run = 0u8;
        loop {
            if cur >= self.end || (quote_len == 1 && self.bytes[cur] == b'\n') {
                let (line, col) = self.line_col0(start);
                let detected = if cur >= self.end {
                    self.index
                        .line(self.end.saturating_sub(1).max(start) as u32)
                } else {
                    self.index.line(cur as u32)
                };
                let msg = if quote_len == 3 {
                    format!(
                        "unterminated triple-quoted string literal (detected at line {detected})"
                    )
                } else {
                    format!("unterminated string literal (detected at line {detected})")
                };
                self.fail(
                    SyntaxErrorKind::SyntaxError,
                    msg,
                    (line, col + 1, line, col + 1),
                    true,
                );
                if quote_len == 3 {
                    if let Some(e) = self.error.as_mut() {
                        e.incomplete = true;
                    }
                }
                return None;
            }
            let b = self.bytes[cur];
            cur += 1;
            if b == quote {
                run += 1;
                if run == quote_len {
                    break;
                }
            } else {
                run = 0;
                if b == b'\\' && cur < self.end {
                    // The escaped character never ends the string; step over
                    // all of it (it may be multi-byte).
                    let width = self.src[cur..].chars().next().map_or(1, char::len_utf8);
                    cur += width;
                }
            }
        }
        let body_end = cur - quote_len as usize;
        let tok = StrTok {
            flags,
            body_start: body_start as u32,
            body_end: body_end as u32,
            quote_len,
        };
        Some((Tok::Str(tok), cur))
    }
}

/// A name as the program means it: non-ASCII names are compared in
/// Unicode's NFKC form (PEP 3131), so `ﬁ` and `fi` are one name.
fn identifier(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    if text.is_ascii() || unicode_normalization::is_nfkc(text) {
        return text.to_string();
    }
    text.nfkc().collect()
}

/// Python's `str.isprintable` for one character, approximated for the
/// characters that matter in source code: controls, separators other than
/// space, and the common format characters are not printable.
fn is_printable(c: char) -> bool {
    let u = c as u32;
    if u < 0x20 || (0x7f..=0xa0).contains(&u) || u == 0xad {
        return false;
    }
    !matches!(
        u,
        0x1680
            | 0x2000..=0x200f
            | 0x2028..=0x202f
            | 0x205f..=0x2064
            | 0x2066..=0x206f
            | 0x3000
            | 0xfeff
            | 0xfff9..=0xfffb
            | 0xe000..=0xf8ff
            | 0xd800..=0xdfff
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(src: &str) -> Vec<Tok> {
        let index = LineIndex::new(src);
        let lexed = tokenize(src, &index);
        assert!(lexed.error.is_none(), "{:?}", lexed.error);
        lexed.tokens.into_iter().map(|t| t.1).collect()
    }

    #[test]
    fn indentation() {
        let t = toks("if x:\n    y\n\n  # c\n    z\nw\n");
        let names: Vec<String> = t.iter().map(|t| t.to_string()).collect();
        assert_eq!(
            names.join(" "),
            "if x : NEWLINE INDENT y NEWLINE z NEWLINE DEDENT w NEWLINE ENDMARKER"
        );
    }

    #[test]
    fn numbers() {
        let t = toks("1_000 0x_ff 0o17 0b1 1.5 .5 5. 1e-3 2j 1if 1 else 2\n");
        assert_eq!(t[0], Tok::Int(BigInt::from(1000)));
        assert_eq!(t[1], Tok::Int(BigInt::from(255)));
        assert_eq!(t[2], Tok::Int(BigInt::from(15)));
        assert_eq!(t[3], Tok::Int(BigInt::from(1)));
        assert_eq!(t[4], Tok::Float(1.5));
        assert_eq!(t[5], Tok::Float(0.5));
        assert_eq!(t[6], Tok::Float(5.0));
        assert_eq!(t[7], Tok::Float(0.001));
        assert_eq!(t[8], Tok::Imag(2.0));
        assert_eq!(t[9], Tok::Int(BigInt::from(1)));
        assert_eq!(t[10], Tok::If);
    }
}
