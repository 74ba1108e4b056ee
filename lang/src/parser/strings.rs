//! String literals: escape decoding, implicit concatenation and f-strings.
//!
//! As in CPython 3.11, the tokenizer only finds where a literal ends; this
//! module decodes it when the parser reduces a run of adjacent literals,
//! and splits f-strings, parsing each replacement field's expression with
//! the parser itself (as the text `(expr)`, like CPython does).

use super::{
    run_parser, to_syntax_error, user_error, visit, Ctx, Loc, PError, PResult, ParseWarning, Top,
};
use crate::ast::{Constant, Expr, ExprKind};
use crate::lexer::{self, StrTok, Tok};
use crate::source::{LineIndex, Span, WarningCategory};

/// A piece of an f-string while it is being assembled.
enum Part {
    Literal(String),
    Value(Expr),
}

impl Ctx<'_> {
    /// Builds the node for a run of adjacent string literals.
    pub fn strings(&self, parts: Vec<(usize, StrTok, usize)>) -> PResult<Expr> {
        let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
            return user_error(PError::new("invalid syntax", Loc::NextToken(0)));
        };
        let span = Span::new(first.0, last.2);
        // Errors found here are reported at the token after the literals,
        // which is where CPython's parser stands when it concatenates them.
        let after = Loc::NextToken(last.2);
        // Literals are taken in order, as CPython does: a bad f-string is
        // reported before a bytes literal that follows it.
        let bytes_mode = first.1.flags.bytes;
        let any_fstring = parts.iter().any(|p| p.1.flags.fstring);
        let mut bytes = Vec::new();
        let mut text = String::new();
        let mut pieces = Vec::new();
        for (l, tok, r) in &parts {
            if tok.flags.bytes != bytes_mode {
                return user_error(PError::new("cannot mix bytes and nonbytes literals", after));
            }
            let body = self.body(tok);
            if tok.flags.bytes {
                if !body.is_ascii() {
                    return user_error(PError::at(
                        "bytes can only contain ASCII literal characters",
                        Span::new(*l, *r),
                    ));
                }
                let invalid = decode_bytes(body, tok.flags.raw, &mut bytes)
                    .map_err(|m| err(m, after.clone()))?;
                self.invalid_escape(invalid);
            } else if tok.flags.fstring {
                let mut cur = tok.body_start as usize;
                let end = tok.body_end as usize;
                self.fstring(&mut cur, end, tok.flags.raw, 0, &after, &mut pieces)?;
            } else if any_fstring {
                let mut s = String::new();
                let invalid =
                    decode_str(body, tok.flags.raw, &mut s).map_err(|m| err(m, after.clone()))?;
                self.invalid_escape(invalid);
                pieces.push(Part::Literal(s));
            } else {
                let invalid = decode_str(body, tok.flags.raw, &mut text)
                    .map_err(|m| err(m, after.clone()))?;
                self.invalid_escape(invalid);
            }
            self.warn_escapes(Span::new(*l, *r));
        }
        if bytes_mode {
            return Ok(Expr::new(ExprKind::Constant(Constant::Bytes(bytes)), span));
        }
        if !any_fstring {
            return Ok(Expr::new(ExprKind::Constant(Constant::Str(text)), span));
        }
        Ok(Expr::new(ExprKind::JoinedStr(join(pieces, span)), span))
    }

    /// Notes the first invalid escape of a literal (or of a piece of an
    /// f-string), to be reported at its token by [`Ctx::warn_escapes`].
    fn invalid_escape(&self, invalid: Option<String>) {
        if let Some(msg) = invalid {
            self.pending_escapes.borrow_mut().push(msg);
        }
    }

    /// CPython's `DeprecationWarning`s for the invalid escapes of the
    /// literal token at `span`.
    fn warn_escapes(&self, span: Span) {
        for msg in self.pending_escapes.borrow_mut().drain(..) {
            self.warnings.borrow_mut().push(ParseWarning {
                category: WarningCategory::DeprecationWarning,
                msg,
                span,
            });
        }
    }

    fn body(&self, tok: &StrTok) -> &str {
        self.src
            .get(tok.body_start as usize..tok.body_end as usize)
            .unwrap_or("")
    }

    /// Parses f-string text from `*s` to `end` (CPython's `fstring_parse`),
    /// stopping at the end or, in a format spec, at its closing `}`.
    fn fstring(
        &self,
        s: &mut usize,
        end: usize,
        raw: bool,
        lvl: u32,
        after: &Loc,
        out: &mut Vec<Part>,
    ) -> PResult<()> {
        loop {
            let (literal, doubled) = self.fstring_literal(s, end, raw, lvl, after)?;
            if !literal.is_empty() {
                out.push(Part::Literal(literal));
            }
            if doubled {
                continue;
            }
            if *s >= end || self.src.as_bytes()[*s] == b'}' {
                return Ok(());
            }
            self.fstring_expr(s, end, raw, lvl, after, out)?;
        }
    }

    /// The literal text up to the next replacement field (CPython's
    /// `fstring_find_literal`). Returns true as the second value when it
    /// stopped after a doubled brace and scanning should go on.
    fn fstring_literal(
        &self,
        s: &mut usize,
        end: usize,
        raw: bool,
        lvl: u32,
        after: &Loc,
    ) -> PResult<(String, bool)> {
        let b = self.src.as_bytes();
        let start = *s;
        let mut i = *s;
        let mut doubled = false;
        let mut stop = None;
        while i < end {
            let mut ch = b[i];
            i += 1;
            if !raw && ch == b'\\' && i < end {
                ch = b[i];
                i += 1;
                if ch == b'N' {
                    if i < end && b[i] == b'{' {
                        i += 1;
                        while i < end {
                            let c = b[i];
                            i += 1;
                            if c == b'}' {
                                break;
                            }
                        }
                        continue;
                    }
                    break;
                }
            }
            if ch == b'{' || ch == b'}' {
                if lvl == 0 {
                    if i < end && b[i] == ch {
                        // A doubled brace: the literal ends after the first one.
                        stop = Some((i, i + 1));
                        doubled = true;
                        break;
                    }
                    if ch == b'}' {
                        return user_error(err(
                            "f-string: single '}' is not allowed".into(),
                            after.clone(),
                        ));
                    }
                }
                i -= 1;
                break;
            }
        }
        let (lit_end, next) = stop.unwrap_or((i, i));
        *s = next;
        let text = &self.src[start..lit_end];
        let mut out = String::new();
        if raw {
            push_raw(text, &mut out);
        } else {
            let invalid = decode_str(text, false, &mut out).map_err(|m| err(m, after.clone()))?;
            self.invalid_escape(invalid);
        }
        Ok((out, doubled))
    }

    /// One replacement field `{expr=!c:spec}` (CPython's `fstring_find_expr`).
    fn fstring_expr(
        &self,
        s: &mut usize,
        end: usize,
        raw: bool,
        lvl: u32,
        after: &Loc,
        out: &mut Vec<Part>,
    ) -> PResult<()> {
        let fail = |msg: &str| user_error(err(msg.to_string(), after.clone()));
        if lvl >= 2 {
            return fail("f-string: expressions nested too deeply");
        }
        let b = self.src.as_bytes();
        let open = *s;
        *s += 1;
        let expr_start = *s;
        let mut quote: u8 = 0;
        let mut triple = false;
        let mut stack: Vec<u8> = Vec::new();
        while *s < end {
            let ch = b[*s];
            if ch == b'\\' {
                return fail("f-string expression part cannot include a backslash");
            }
            if quote != 0 {
                if ch == quote {
                    if triple {
                        if *s + 2 < end && b[*s + 1] == ch && b[*s + 2] == ch {
                            *s += 2;
                            quote = 0;
                            triple = false;
                        }
                    } else {
                        quote = 0;
                    }
                }
            } else if ch == b'\'' || ch == b'"' {
                if *s + 2 < end && b[*s + 1] == ch && b[*s + 2] == ch {
                    triple = true;
                    *s += 2;
                } else {
                    triple = false;
                }
                quote = ch;
            } else if ch == b'[' || ch == b'{' || ch == b'(' {
                if stack.len() >= 200 {
                    return fail("f-string: too many nested parenthesis");
                }
                stack.push(ch);
            } else if ch == b'#' {
                return fail("f-string expression part cannot include '#'");
            } else if stack.is_empty() && matches!(ch, b'!' | b':' | b'}' | b'=' | b'>' | b'<') {
                if *s + 1 < end {
                    let next = b[*s + 1];
                    if next == b'=' && matches!(ch, b'!' | b'=' | b'<' | b'>') {
                        *s += 2;
                        continue;
                    }
                    if ch == b'>' || ch == b'<' {
                        *s += 1;
                        continue;
                    }
                }
                break;
            } else if ch == b']' || ch == b'}' || ch == b')' {
                let Some(opening) = stack.pop() else {
                    return fail(&format!("f-string: unmatched '{}'", ch as char));
                };
                if !matches!((opening, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}')) {
                    return fail(&format!(
                        "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                        ch as char, opening as char
                    ));
                }
            }
            *s += 1;
        }
        let expr_end = *s;
        if quote != 0 {
            return fail("f-string: unterminated string");
        }
        if let Some(&opening) = stack.last() {
            return fail(&format!("f-string: unmatched '{}'", opening as char));
        }
        if *s >= end {
            return fail("f-string: expecting '}'");
        }
        let text = &self.src[expr_start..expr_end];
        if text
            .bytes()
            .all(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'))
        {
            return match b[*s] {
                c @ (b'!' | b':' | b'=') => fail(&format!(
                    "f-string: expression required before '{}'",
                    c as char
                )),
                _ => fail("f-string: empty expression not allowed"),
            };
        }
        let value = self.fstring_compile(open, expr_start, expr_end)?;
        let mut debug_text = None;
        if b[*s] == b'=' {
            *s += 1;
            while *s < end && b[*s].is_ascii_whitespace() {
                *s += 1;
            }
            debug_text = Some(self.src[expr_start..*s].to_string());
        }
        let mut conversion = None;
        if *s < end && b[*s] == b'!' {
            *s += 1;
            if *s >= end {
                return fail("f-string: expecting '}'");
            }
            let c = self.src[*s..].chars().next().unwrap_or('\0');
            *s += c.len_utf8();
            if !matches!(c, 's' | 'r' | 'a') {
                return fail("f-string: invalid conversion character: expected 's', 'r', or 'a'");
            }
            conversion = Some(c);
        }
        if *s >= end {
            return fail("f-string: expecting '}'");
        }
        let mut format_spec = None;
        if b[*s] == b':' {
            *s += 1;
            if *s >= end {
                return fail("f-string: expecting '}'");
            }
            let mut spec = Vec::new();
            self.fstring(s, end, raw, lvl + 1, after, &mut spec)?;
            format_spec = Some(spec);
        }
        if *s >= end || b[*s] != b'}' {
            return fail("f-string: expecting '}'");
        }
        *s += 1;
        if debug_text.is_some() && format_spec.is_none() && conversion.is_none() {
            conversion = Some('r');
        }
        if let Some(t) = debug_text {
            out.push(Part::Literal(t));
        }
        // Nodes made from the f-string get the span of its whole token run;
        // `join` assigns it.
        let spec = format_spec.map(|parts| {
            Box::new(Expr::new(
                ExprKind::JoinedStr(join(parts, value.span)),
                value.span,
            ))
        });
        let fv = ExprKind::FormattedValue {
            value: Box::new(value),
            conversion,
            format_spec: spec,
        };
        out.push(Part::Value(Expr::new(fv, Span::default())));
        Ok(())
    }

    /// Parses a replacement field's expression as the text `(expr)`, as
    /// CPython does, and moves the resulting spans into this source.
    fn fstring_compile(&self, open: usize, start: usize, end: usize) -> PResult<Expr> {
        let sub = format!("({})", &self.src[start..end]);
        let index = LineIndex::new(&sub);
        let lexed = lexer::tokenize(&sub, &index);
        let mut tokens = Vec::with_capacity(lexed.tokens.len() + 1);
        tokens.push((0, Tok::StartExpression, 0));
        tokens.extend(
            lexed
                .tokens
                .into_iter()
                .filter(|t| !matches!(t.1, Tok::Indent | Tok::Dedent)),
        );
        // Warnings inside a replacement field would point into `sub`: they
        // are not reported.
        let unreported = Default::default();
        let ctx = Ctx {
            src: &sub,
            index: &index,
            filename: self.filename,
            file_input: false,
            warnings: &unreported,
            pending_escapes: &Default::default(),
        };
        match run_parser(&ctx, &tokens, lexed.error.as_ref()) {
            Ok(Top::Expression(mut e)) => {
                // '(' stands where '{' is, so offsets map one to one.
                visit::shift_expr(&mut e, open as i64);
                Ok(e)
            }
            Ok(Top::Module(_)) => {
                user_error(PError::new("f-string: invalid syntax", Loc::NextToken(end)))
            }
            Err(e) => {
                let se = match &e.lex {
                    Some(lex) => crate::source::SyntaxError {
                        kind: lex.kind,
                        msg: lex.msg.clone(),
                        filename: String::new(),
                        lineno: lex.lineno,
                        offset: lex.offset,
                        end_lineno: lex.end_lineno,
                        end_offset: lex.end_offset,
                        text: index.line_text(&sub, lex.lineno).to_string(),
                        origin: super::tokenizer_origin(lex),
                        incomplete: false,
                    },
                    None => to_syntax_error(&ctx, &tokens, &e),
                };
                // CPython reports these relative to the `(expr)` text, on
                // the line where the field starts.
                let base_line = self.index.line(open as u32);
                let msg = if se.msg.starts_with("f-string") {
                    se.msg
                } else {
                    format!("f-string: {}", se.msg)
                };
                let mut pe = PError::new(
                    msg,
                    Loc::Explicit {
                        lineno: base_line + se.lineno - 1,
                        offset: se.offset,
                        end_lineno: base_line + se.end_lineno.max(1) - 1,
                        end_offset: se.end_offset,
                        text: Some(se.text),
                    },
                );
                pe.kind = se.kind;
                user_error(pe)
            }
        }
    }
}

fn err(msg: String, loc: Loc) -> PError {
    PError::new(msg, loc)
}

/// Merges adjacent literals and drops empty ones, giving every node `span`.
fn join(parts: Vec<Part>, span: Span) -> Vec<Expr> {
    let mut values = Vec::new();
    let mut pending = String::new();
    for part in parts {
        match part {
            Part::Literal(s) => pending.push_str(&s),
            Part::Value(mut e) => {
                if !pending.is_empty() {
                    let s = std::mem::take(&mut pending);
                    values.push(Expr::new(ExprKind::Constant(Constant::Str(s)), span));
                }
                respan(&mut e, span);
                values.push(e);
            }
        }
    }
    if !pending.is_empty() {
        values.push(Expr::new(ExprKind::Constant(Constant::Str(pending)), span));
    }
    values
}

/// Gives a replacement field, and its format spec's parts, the span of
/// the whole literal (its expression keeps its own).
fn respan(e: &mut Expr, span: Span) {
    e.span = span;
    if let ExprKind::FormattedValue {
        format_spec: Some(spec),
        ..
    } = &mut e.kind
    {
        spec.span = span;
        if let ExprKind::JoinedStr(parts) = &mut spec.kind {
            for p in parts {
                respan(p, span);
            }
        }
    }
}

/// Copies raw text, turning CRLF line endings into LF as CPython's reader does.
fn push_raw(text: &str, out: &mut String) {
    if text.contains('\r') {
        out.push_str(&text.replace("\r\n", "\n"));
    } else {
        out.push_str(text);
    }
}

fn unicode_error(start: usize, end: usize, what: &str) -> String {
    format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{end}: {what}")
}

fn hex_value(digits: &[u8]) -> Option<u32> {
    let mut v: u32 = 0;
    for &d in digits {
        v = v.checked_mul(16)?.checked_add((d as char).to_digit(16)?)?;
    }
    Some(v)
}

/// Counts the hex digits at the start of `b`, at most `max`.
fn hex_run(b: &[u8], max: usize) -> usize {
    b.iter()
        .take(max)
        .take_while(|c| c.is_ascii_hexdigit())
        .count()
}

/// CPython's warning for an escape it does not know (`\d`) or an octal
/// escape above `\377`: the first such escape of `body`, which starts at
/// the backslash at `at`.
fn invalid_escape_warning(body: &[u8], at: usize, octal: bool) -> String {
    if octal {
        let digits = String::from_utf8_lossy(&body[at + 1..(at + 4).min(body.len())]);
        format!("invalid octal escape sequence '\\{digits}'")
    } else {
        // CPython formats the byte after the backslash as a character.
        let c = char::from(body.get(at + 1).copied().unwrap_or(b'\\'));
        format!("invalid escape sequence '\\{c}'")
    }
}

/// Decodes the body of a str literal, appending to `out`; returns the
/// warning for its first invalid escape, if any.
pub fn decode_str(body: &str, raw: bool, out: &mut String) -> Result<Option<String>, String> {
    if raw || !body.contains('\\') {
        push_raw(body, out);
        return Ok(None);
    }
    let mut invalid = None;
    let b = body.as_bytes();
    let mut i = 0;
    let mut plain_start = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        push_raw(&body[plain_start..i], out);
        let start = i;
        i += 1;
        let Some(&c) = b.get(i) else {
            // A backslash ending the text (before an f-string's `{`) stays.
            out.push('\\');
            plain_start = b.len();
            break;
        };
        i += 1;
        match c {
            b'\n' => {}
            b'\r' => {
                if b.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\\' => out.push('\\'),
            b'\'' => out.push('\''),
            b'"' => out.push('"'),
            b'a' => out.push('\x07'),
            b'b' => out.push('\x08'),
            b'f' => out.push('\x0c'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'v' => out.push('\x0b'),
            b'0'..=b'7' => {
                let mut v = u32::from(c - b'0');
                let mut n = 1;
                while n < 3 && i < b.len() && (b'0'..=b'7').contains(&b[i]) {
                    v = v * 8 + u32::from(b[i] - b'0');
                    i += 1;
                    n += 1;
                }
                if v > 0o377 && invalid.is_none() {
                    invalid = Some(invalid_escape_warning(b, start, true));
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            b'x' | b'u' | b'U' => {
                let (want, name) = match c {
                    b'x' => (2, "truncated \\xXX escape"),
                    b'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let n = hex_run(&b[i..], want);
                if n < want {
                    return Err(unicode_error(start, i + n - 1, name));
                }
                let v = hex_value(&b[i..i + want]).unwrap_or(u32::MAX);
                i += want;
                match char::from_u32(v) {
                    Some(ch) => out.push(ch),
                    // Lone surrogates cannot live in a Rust string.
                    None if (0xd800..0xe000).contains(&v) => out.push('\u{fffd}'),
                    None => return Err(unicode_error(start, i - 1, "illegal Unicode character")),
                }
            }
            b'N' => {
                if b.get(i) != Some(&b'{') {
                    return Err(unicode_error(
                        start,
                        i - 1,
                        "malformed \\N character escape",
                    ));
                }
                let Some(close) = body[i..].find('}') else {
                    return Err(unicode_error(
                        start,
                        b.len() - 1,
                        "malformed \\N character escape",
                    ));
                };
                let name = &body[i + 1..i + close];
                let end = i + close;
                if name.is_empty() {
                    return Err(unicode_error(start, end, "malformed \\N character escape"));
                }
                match unicode_names2::character(name) {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err(unicode_error(start, end, "unknown Unicode character name"))
                    }
                }
                i = end + 1;
            }
            _ => {
                // An unknown escape keeps its backslash. CPython does not
                // see a backslash before a non-ASCII character as an escape.
                if invalid.is_none() && c.is_ascii() {
                    invalid = Some(invalid_escape_warning(b, start, false));
                }
                out.push('\\');
                i -= 1;
            }
        }
        plain_start = i;
    }
    push_raw(&body[plain_start.min(b.len())..], out);
    Ok(invalid)
}

/// Decodes the body of a bytes literal (already known to be ASCII); returns
/// the warning for its first invalid escape, if any.
pub fn decode_bytes(body: &str, raw: bool, out: &mut Vec<u8>) -> Result<Option<String>, String> {
    let b = body.as_bytes();
    let mut invalid = None;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        i += 1;
        if c == b'\r' && b.get(i) == Some(&b'\n') {
            continue;
        }
        if raw || c != b'\\' {
            out.push(c);
            continue;
        }
        let start = i - 1;
        let Some(&e) = b.get(i) else {
            return Err("(value error) Trailing \\ in string".into());
        };
        i += 1;
        match e {
            b'\n' => {}
            b'\r' => {
                if b.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = u32::from(e - b'0');
                let mut n = 1;
                while n < 3 && i < b.len() && (b'0'..=b'7').contains(&b[i]) {
                    v = v * 8 + u32::from(b[i] - b'0');
                    i += 1;
                    n += 1;
                }
                if v > 0o377 && invalid.is_none() {
                    invalid = Some(invalid_escape_warning(b, start, true));
                }
                out.push((v & 0xff) as u8);
            }
            b'x' => {
                if hex_run(&b[i..], 2) < 2 {
                    return Err(format!(
                        "(value error) invalid \\x escape at position {start}"
                    ));
                }
                out.push(hex_value(&b[i..i + 2]).unwrap_or(0) as u8);
                i += 2;
            }
            _ => {
                if invalid.is_none() {
                    invalid = Some(invalid_escape_warning(b, start, false));
                }
                out.push(b'\\');
                i -= 1;
            }
        }
    }
    Ok(invalid)
}
