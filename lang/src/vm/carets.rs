//! The caret line CPython 3.11 prints under a traceback's source line
//! (`^^^^` under the failing call, `~~^~~` under a binary operator or
//! subscript), following 3.11.2's interpreter printer (`tb_displayline`)
//! and `traceback` module (`StackSummary.format_frame_summary`,
//! `_extract_caret_anchors_from_line_segment`), which differ only for lines
//! with trailing whitespace.

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

/// Where an instruction's code sits in its source, as CPython's code
/// positions: 1-based lines, 0-based UTF-8 byte columns within their lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Positions {
    pub lineno: u32,
    pub end_lineno: u32,
    pub colno: usize,
    pub end_colno: usize,
}

impl Positions {
    /// The positions of `span` in `source`, if it lies inside it.
    pub fn of_span(source: &str, index: &LineIndex, span: Span) -> Option<Positions> {
        if span.end < span.start || span.end as usize > source.len() {
            return None;
        }
        let lineno = index.line(span.start);
        let end_lineno = index.line(span.end);
        Some(Positions {
            lineno,
            end_lineno,
            colno: (span.start - index.line_start(lineno)) as usize,
            end_colno: (span.end - index.line_start(end_lineno)) as usize,
        })
    }
}

/// The caret line (with its newline) the interpreter's printer (3.11.2's
/// `tb_displayline`) puts under `line` (the source line of `pos.lineno`,
/// without its newline), or `None` when it prints none: the code covers
/// the whole shown line and there is no operator or subscript to point at.
pub fn interpreter_carets(line: &str, pos: Positions) -> Option<String> {
    let line_len = line.chars().count();
    let indent = line.chars().take_while(|&c| is_indent(c)).count();
    let start = char_offset(line, pos.colno);
    let end;
    let mut secondary = None;
    if pos.lineno == pos.end_lineno {
        end = char_offset(line, pos.end_colno);
        if end > start {
            secondary = segment_anchors(line, start, end);
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
    // Columns indent+1..=end (1-based) are drawn: blank up to `start`.
    let first = start.max(indent);
    let mut out = String::from("    ");
    out.extend((indent..first).map(|_| ' '));
    push_carets(&mut out, first - start..end.max(first) - start, secondary);
    out.push('\n');
    Some(out)
}

/// The caret line the `traceback` module (3.11.2's
/// `StackSummary.format_frame_summary`) puts under a frame's source line,
/// or `None`. `line` is the line as `linecache` gives it, newline included:
/// the module's arithmetic counts it, and shifts the carets by a line's
/// trailing whitespace, as 3.11.2 does.
pub fn module_carets(line: &str, pos: Positions) -> Option<String> {
    let original_len = line.chars().count();
    let stripped_len = line.trim().chars().count();
    let stripped_characters = original_len - stripped_len;
    let start_offset = char_offset(line, pos.colno) + 1;
    let mut end_offset = char_offset(line, pos.end_colno) + 1;
    let mut anchors = None;
    if pos.lineno == pos.end_lineno {
        anchors = segment_anchors(line, start_offset - 1, end_offset - 1);
    } else {
        end_offset = stripped_characters + stripped_len;
    }
    let width = end_offset as isize - start_offset as isize;
    if !(width < stripped_len as isize || anchors.is_some_and(|(l, r)| r > l)) {
        return None;
    }
    let mut out = String::from("    ");
    out.extend((0..start_offset as isize - stripped_characters as isize).map(|_| ' '));
    push_carets(&mut out, 0..width.max(0) as usize, anchors);
    out.push('\n');
    Some(out)
}

/// The anchors (operator or subscript) of the code between chars `start`
/// and `end` of `line`, as char offsets into that segment.
fn segment_anchors(line: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    if end <= start {
        return None;
    }
    let from = byte_len_of_chars(line, start);
    let to = byte_len_of_chars(line, end);
    let segment = line.get(from..to)?;
    anchors(segment).map(|(l, r)| (char_offset(segment, l), char_offset(segment, r)))
}

/// The carets at offsets `range` from the start of the code: `^`
/// throughout, or `~` with `^` over the anchors' range.
fn push_carets(out: &mut String, range: std::ops::Range<usize>, anchors: Option<(usize, usize)>) {
    out.extend(range.map(|i| match anchors {
        None => '^',
        Some((l, r)) if l <= i && i < r => '^',
        Some(_) => '~',
    }));
}
