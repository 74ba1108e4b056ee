//! The caret line CPython 3.11 prints under a traceback's source line
//! (`^^^^` under the failing call, `~~^~~` under a binary operator or
//! subscript), following `StackSummary.format_frame_summary` and
//! `_extract_caret_anchors_from_line_segment` of 3.11's `traceback.py`.

use crate::ast::{ExprKind, StmtKind};
use crate::source::{LineIndex, Span};

/// The char offset of UTF-8 byte `offset` of `s` (as CPython's
/// `_byte_offset_to_character_offset`; a cut inside a character counts as one).
fn char_offset(s: &str, offset: usize) -> usize {
    let bytes = &s.as_bytes()[..offset.min(s.len())];
    String::from_utf8_lossy(bytes).chars().count()
}

/// The first `n` chars of `s` as a byte length.
fn byte_len_of_chars(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)
}

/// The indentation CPython strips from a traceback's source line.
fn is_indent(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\x0c')
}

/// The source line as a traceback shows it: without its indentation
/// (spaces, tabs and form feeds), trailing whitespace kept.
pub fn shown_line(line: &str) -> &str {
    line.trim_start_matches(is_indent)
}

/// The secondary (`^`) range of an anchored caret line, as UTF-8 byte
/// offsets into `segment`, when the segment is one binary operation (the
/// operator) or subscript (the brackets and index), as 3.11's
/// `extract_anchors_from_expr` finds it.
fn anchors(segment: &str) -> Option<(usize, usize)> {
    let module = crate::parser::parse_module(segment, "<traceback>").ok()?;
    let [stmt] = module.body.as_slice() else {
        return None;
    };
    let StmtKind::Expr(expr) = &stmt.kind else {
        return None;
    };
    let bytes = segment.as_bytes();
    let white = |i: usize| matches!(bytes.get(i), Some(b' ' | b'\t' | b'\x0c'));
    match &expr.kind {
        ExprKind::BinOp { left, right, .. } => {
            let (from, to) = (left.span.end as usize, right.span.start as usize);
            let i = (from..to).find(|&i| !white(i))?;
            let right_anchor = if i + 1 < to && !white(i + 1) {
                i + 2
            } else {
                i + 1
            };
            Some((i, right_anchor))
        }
        ExprKind::Subscript { value, slice } => {
            Some((value.span.end as usize, slice.span.end as usize + 1))
        }
        _ => None,
    }
}

/// The caret line (with its newline) CPython 3.11's `tb_displayline` prints
/// under the source line for the instruction at `span` of `source`, or
/// `None` when it prints none (the span covers the whole shown line and
/// there is no operator or subscript to point at).
pub fn caret_line(source: &str, index: &LineIndex, span: Span) -> Option<String> {
    if span.end < span.start || span.end as usize > source.len() {
        return None;
    }
    let lineno = index.line(span.start);
    let end_lineno = index.line(span.end);
    let line = index.line_text(source, lineno);
    let line_len = line.chars().count();
    let indent = line.chars().take_while(|&c| is_indent(c)).count();
    let line_start = index.line_start(lineno) as usize;
    let start = char_offset(line, span.start as usize - line_start);
    let end;
    let mut secondary = None;
    if lineno == end_lineno {
        end = char_offset(line, span.end as usize - line_start);
        if end > start {
            let from = byte_len_of_chars(line, start);
            let to = byte_len_of_chars(line, end);
            let segment = &line[from..to];
            secondary = anchors(segment).map(|(l, r)| {
                (
                    char_offset(segment, l) + start,
                    char_offset(segment, r) + start,
                )
            });
        }
    } else {
        // Up to the last non-blank character. CPython walks the UTF-8 bytes
        // with a character count here; so does this, to print the same.
        let bytes = line.as_bytes();
        end = (0..line_len)
            .rev()
            .find(|&i| !matches!(bytes.get(i), Some(b' ' | b'\t' | b'\x0c')))
            .map_or(0, |i| i + 1);
    }
    if end as isize - start as isize == (line_len - indent) as isize && secondary.is_none() {
        return None;
    }
    let mut out = String::from("    ");
    let (primary, second) = if secondary.is_some() {
        ('~', '^')
    } else {
        ('^', '^')
    };
    for offset in indent + 1..=end {
        out.push(if offset <= start {
            ' '
        } else if secondary.is_some_and(|(l, r)| l < offset && offset <= r) {
            second
        } else {
            primary
        });
    }
    out.push('\n');
    Some(out)
}
