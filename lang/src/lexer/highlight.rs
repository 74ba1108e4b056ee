//! Token classes for the REPL's syntax highlighting.
//!
//! This pass never fails: it classifies whatever it can recognise, so that a
//! half-typed line still gets colour.

use super::raw::Raw;
use super::token::Tok;
use crate::source::Span;
use logos::Logos;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenClass {
    Keyword,
    /// Any identifier (builtins are not singled out).
    Name,
    Number,
    String,
    Comment,
    Operator,
}

/// Classifies the tokens of `source` for display. Whitespace and unknown
/// characters get no entry; an unterminated string runs to the end of its
/// line (or of the input, when triple-quoted).
pub fn highlight(source: &str) -> Vec<(Span, TokenClass)> {
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    let mut lex = Raw::lexer(source);
    while let Some(raw) = lex.next() {
        let span = lex.span();
        let (start, end) = (span.start, span.end);
        let Ok(raw) = raw else { continue };
        let class = match raw {
            Raw::Whitespace | Raw::Newline | Raw::Continuation | Raw::Backslash => continue,
            Raw::Comment => TokenClass::Comment,
            Raw::Name => {
                let text = &source[start..end];
                if Tok::keyword(text).is_some() {
                    TokenClass::Keyword
                } else {
                    TokenClass::Name
                }
            }
            Raw::Number => {
                // Take the rest of the number loosely: digits, letters,
                // underscores, dots and exponent signs.
                let mut cur = end;
                while cur < bytes.len() {
                    let b = bytes[cur];
                    let sign = (b == b'+' || b == b'-') && matches!(bytes[cur - 1], b'e' | b'E');
                    if b.is_ascii_alphanumeric() || b == b'_' || b == b'.' || sign {
                        cur += 1;
                    } else {
                        break;
                    }
                }
                lex.bump(cur - end);
                out.push((Span::new(start, cur), TokenClass::Number));
                continue;
            }
            Raw::StringStart => {
                let cur = string_end(bytes, end);
                lex.bump(cur - end);
                out.push((Span::new(start, cur), TokenClass::String));
                continue;
            }
            _ if raw.is_operator() => TokenClass::Operator,
            _ => continue,
        };
        out.push((Span::new(start, end), class));
    }
    out
}

/// Where a string whose opening quote ends at `quote_end` ends, tolerating
/// a missing closing quote.
fn string_end(bytes: &[u8], quote_end: usize) -> usize {
    let quote = bytes[quote_end - 1];
    let triple = bytes.get(quote_end) == Some(&quote) && bytes.get(quote_end + 1) == Some(&quote);
    let mut cur = if triple { quote_end + 2 } else { quote_end };
    let mut run = 0;
    while cur < bytes.len() {
        let b = bytes[cur];
        cur += 1;
        if b == quote {
            run += 1;
            if !triple || run == 3 {
                return cur;
            }
        } else {
            run = 0;
            if b == b'\\' {
                cur += 1;
            } else if b == b'\n' && !triple {
                return cur - 1;
            }
        }
    }
    // Never split a character: the loop may have stepped past a backslash
    // at the very end.
    let mut end = cur.min(bytes.len());
    while end < bytes.len() && (bytes[end] & 0xC0) == 0x80 {
        end += 1;
    }
    end
}
