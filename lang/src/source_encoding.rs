//! How the bytes of a source file become text (PEP 263 and PEP 3120).
//!
//! Source is UTF-8 unless a coding cookie (`# -*- coding: latin-1 -*-`) on
//! the first line, or on the second after a comment-only or blank first
//! line, names another encoding; a UTF-8 byte order mark is skipped and
//! only agrees with a UTF-8 cookie. Undecodable bytes, unknown encodings
//! and NUL bytes are SyntaxErrors with CPython's messages.

use crate::stdlib::codecs::encodings::Encoding;
use std::borrow::Cow;

/// Where the bytes come from: CPython words some errors differently for a
/// program's file and for source compiled from bytes (which is how imports
/// compile modules).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    File,
    Bytes,
}

/// Why source bytes could not be read as text.
#[derive(Debug, PartialEq, Eq)]
pub enum SourceDecodeError {
    /// A SyntaxError CPython reports without a location (just its message).
    Message(String),
    /// A SyntaxError at a line: its number and text.
    Located {
        msg: String,
        lineno: u32,
        text: String,
    },
}

/// The text of `bytes`, a source file named `filename` (for messages).
pub fn decode_source<'a>(
    bytes: &'a [u8],
    filename: &str,
    kind: SourceKind,
) -> Result<Cow<'a, str>, SourceDecodeError> {
    let (bom, body) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let cookie = find_cookie(body);
    let text: Cow<str> = match cookie {
        None => utf8(body, filename)?,
        Some(name) => {
            let normal = normal_name(&name);
            let encoding = Encoding::lookup(&normal).ok_or_else(|| match kind {
                SourceKind::File => SourceDecodeError::Message(format!("encoding problem: {name}")),
                SourceKind::Bytes => SourceDecodeError::Located {
                    msg: format!("unknown encoding: {name}"),
                    lineno: 0,
                    text: String::new(),
                },
            })?;
            let is_utf8 = encoding == Encoding::Utf8;
            if bom && !is_utf8 {
                return Err(SourceDecodeError::Message(format!(
                    "encoding problem: {normal} with BOM"
                )));
            }
            if is_utf8 {
                utf8(body, filename)?
            } else {
                Cow::Owned(decode_with(encoding, body).ok_or_else(|| {
                    SourceDecodeError::Message(format!("encoding problem: {name}"))
                })?)
            }
        }
    };
    if kind == SourceKind::Bytes && text.contains('\0') {
        return Err(SourceDecodeError::Message(
            "source code string cannot contain null bytes".into(),
        ));
    }
    if let Some(at) = text.find('\0') {
        let lineno = text[..at].matches('\n').count() as u32 + 1;
        let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        return Err(SourceDecodeError::Located {
            msg: "source code cannot contain null bytes".into(),
            lineno,
            text: text[start..at].to_string(),
        });
    }
    Ok(text)
}

fn utf8<'a>(body: &'a [u8], filename: &str) -> Result<Cow<'a, str>, SourceDecodeError> {
    std::str::from_utf8(body).map(Cow::Borrowed).map_err(|e| {
        let at = e.valid_up_to();
        let line = body[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        SourceDecodeError::Message(format!(
            "Non-UTF-8 code starting with '\\x{:02x}' in file {filename} on line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
            body[at]
        ))
    })
}

/// `body` in a single-byte or UTF-16/32 encoding; `None` when a byte does not decode.
fn decode_with(encoding: Encoding, body: &[u8]) -> Option<String> {
    use crate::stdlib::codecs::encodings::{decode_step, Step};
    let mut out = String::with_capacity(body.len());
    let mut pos = 0;
    while pos < body.len() {
        match decode_step(encoding, &body[pos..], true) {
            Step::Char(c, n) => {
                out.push(c);
                pos += n;
            }
            _ => return None,
        }
    }
    Some(out)
}

/// The encoding name of a coding cookie on line 1, or on line 2 when line
/// 1 is blank or only a comment.
fn find_cookie(body: &[u8]) -> Option<String> {
    let mut lines = body.split(|&b| b == b'\n');
    let first = lines.next()?;
    if let Some(name) = cookie_in(first) {
        return Some(name);
    }
    let stripped = trim_start(first);
    if stripped.is_empty() || stripped[0] == b'#' || stripped == b"\r" {
        return lines.next().and_then(cookie_in);
    }
    None
}

fn trim_start(line: &[u8]) -> &[u8] {
    let n = line
        .iter()
        .take_while(|&&b| matches!(b, b' ' | b'\t' | b'\x0c'))
        .count();
    &line[n..]
}

/// `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)` on one line.
fn cookie_in(line: &[u8]) -> Option<String> {
    let line = trim_start(line);
    if line.first() != Some(&b'#') {
        return None;
    }
    let mut from = 0;
    while let Some(at) = find(&line[from..], b"coding") {
        let after = from + at + 6;
        if matches!(line.get(after), Some(b':' | b'=')) {
            let rest = &line[after + 1..];
            let rest = &rest[rest
                .iter()
                .take_while(|&&b| b == b' ' || b == b'\t')
                .count()..];
            let name: Vec<u8> = rest
                .iter()
                .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
                .copied()
                .collect();
            if !name.is_empty() {
                return Some(String::from_utf8_lossy(&name).into_owned());
            }
        }
        from = after;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// CPython's tokenizer's spelling of the common names (`utf-8`,
/// `iso-8859-1`), which its messages show; other names as written.
fn normal_name(name: &str) -> String {
    let lower: String = name
        .chars()
        .take(12)
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    let is = |prefix: &str| lower == prefix || lower.starts_with(&format!("{prefix}-"));
    if is("utf-8") {
        "utf-8".into()
    } else if is("latin-1") || is("iso-8859-1") || is("iso-latin-1") {
        "iso-8859-1".into()
    } else {
        name.into()
    }
}

/// A located decoding error as the SyntaxError value the compiler would give.
fn located(msg: String, filename: &str, lineno: u32, text: String) -> crate::source::SyntaxError {
    crate::source::SyntaxError {
        kind: crate::source::SyntaxErrorKind::SyntaxError,
        msg,
        filename: filename.to_string(),
        lineno,
        offset: 0,
        end_lineno: lineno,
        end_offset: 0,
        text,
        origin: crate::source::ErrorOrigin::Tokenizer,
        incomplete: false,
    }
}

impl crate::vm::Vm {
    /// What running undecodable source as `__main__` reports.
    pub fn source_decode_error(
        &self,
        e: SourceDecodeError,
        filename: &str,
    ) -> crate::vm::MainError {
        match e {
            SourceDecodeError::Message(msg) => {
                crate::vm::MainError::Message(format!("SyntaxError: {msg}"))
            }
            SourceDecodeError::Located { msg, lineno, text } => {
                crate::vm::MainError::Syntax(located(msg, filename, lineno, text))
            }
        }
    }

    /// The text of the source file at `path` (imports, `-m`): OSError when
    /// it cannot be read, SyntaxError when it cannot be decoded.
    pub(crate) fn read_source(&self, path: &str) -> crate::objects::PyResult<String> {
        let bytes = std::fs::read(path).map_err(|e| crate::stdlib::os::os_error(self, &e, path))?;
        match decode_source(&bytes, path, SourceKind::Bytes) {
            Ok(text) => Ok(text.into_owned()),
            Err(SourceDecodeError::Message(msg)) => {
                Err(self.new_error(&self.exc.syntax_error, msg))
            }
            Err(SourceDecodeError::Located { msg, lineno, text }) => {
                Err(self.syntax_error_value(&located(msg, path, lineno, text)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_found_where_pep_263_puts_them() {
        assert_eq!(
            find_cookie(b"# -*- coding: latin-1 -*-\n"),
            Some("latin-1".into())
        );
        assert_eq!(
            find_cookie(b"#!/bin/python\n# vim: set fileencoding=cp1252 :\n"),
            Some("cp1252".into())
        );
        assert_eq!(find_cookie(b"x = 1\n# coding: latin-1\n"), None);
        assert_eq!(find_cookie(b"# coding\n"), None);
    }

    #[test]
    fn latin1_source_decodes() {
        let src = b"# coding: latin-1\nx = '\xe9'\n";
        assert_eq!(
            decode_source(src, "f.py", SourceKind::File).unwrap(),
            "# coding: latin-1\nx = '\u{e9}'\n"
        );
    }
}
