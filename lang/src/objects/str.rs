//! `str`: immutable text, indexed by code point.
//!
//! ASCII strings (the common case) index in O(1); others walk the UTF-8 text.

use std::cell::Cell;

pub struct PyStr {
    s: String,
    /// Number of code points (== byte length when ASCII).
    char_len: usize,
    /// Cached hash; 0 until computed (a computed hash of 0 is stored as 1... we just recompute).
    hash: Cell<i64>,
}

impl PyStr {
    pub fn new(s: &str) -> PyStr {
        PyStr::from_string(s.to_string())
    }

    pub fn from_string(s: String) -> PyStr {
        let char_len = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        PyStr {
            s,
            char_len,
            hash: Cell::new(0),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.s
    }

    pub fn is_ascii(&self) -> bool {
        self.char_len == self.s.len()
    }

    /// Length in code points, as `len()` reports it.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// The code point at index `i` (0-based, already bounds-checked by the caller).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.s.as_bytes().get(i).map(|&b| b as char)
        } else {
            self.s.chars().nth(i)
        }
    }

    /// Byte offset of code point `i` (`i == char_len` gives the end).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i.min(self.s.len())
        } else {
            self.s
                .char_indices()
                .nth(i)
                .map_or(self.s.len(), |(b, _)| b)
        }
    }

    /// Substring by code-point range.
    pub fn slice_chars(&self, start: usize, end: usize) -> &str {
        let (a, b) = (self.byte_offset(start), self.byte_offset(end.max(start)));
        &self.s[a..b]
    }

    /// A hash of the text (Python randomises str hashes, so any good hash matches its behaviour).
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != 0 {
            return h;
        }
        // FNV-1a, then fold -1 away as CPython reserves it.
        let mut x: u64 = 0xcbf2_9ce4_8422_2325;
        for b in self.s.bytes() {
            x ^= b as u64;
            x = x.wrapping_mul(0x0100_0000_01b3);
        }
        let mut h = (x >> 1) as i64;
        if h == -1 || h == 0 {
            h = 2;
        }
        self.hash.set(h);
        h
    }
}

/// Python's `repr()` of a string: single quotes unless the text holds a single quote and no double quote.
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if !is_printable(c) => {
                let n = c as u32;
                if n <= 0xff {
                    out.push_str(&format!("\\x{n:02x}"));
                } else if n <= 0xffff {
                    out.push_str(&format!("\\u{n:04x}"));
                } else {
                    out.push_str(&format!("\\U{n:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// `ascii()`: like repr but escapes every non-ASCII character.
pub fn ascii_str(s: &str) -> String {
    let r = repr_str(s);
    let mut out = String::with_capacity(r.len());
    for c in r.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n <= 0xff {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n <= 0xffff {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

/// An approximation of Python's `str.isprintable` for a single character.
pub fn is_printable(c: char) -> bool {
    let n = c as u32;
    if n < 0x20 || (0x7f..0xa0).contains(&n) || n == 0xad {
        return false;
    }
    // Separators other than ASCII space, and unassigned/private/surrogate ranges.
    !(matches!(
        n,
        0x2028 | 0x2029 | 0xa0 | 0x1680 | 0x2000..=0x200f | 0x202f | 0x205f | 0x3000 | 0xfeff
    ) || (0xe000..=0xf8ff).contains(&n)
        || (0xd800..=0xdfff).contains(&n)
        || n == 0xfffe
        || n == 0xffff)
}
