//! `str`: immutable text, indexed by code point.
//!
//! ASCII strings (the common case) index in O(1); others walk the UTF-8 text.
//!
//! Short strings (up to [`INLINE_CAP`] bytes) live inside the `PyStr` itself,
//! so `Rc<PyStr>` is one allocation of 64 bytes for them; longer text sits in
//! a separate `Box<str>`. Most strings a program makes (names, numbers,
//! words, short lines) are short.

use std::cell::Cell;

/// Bytes of text stored inline, without a second allocation.
pub const INLINE_CAP: usize = 29;

enum Repr {
    /// `len` bytes of valid UTF-8 in `buf`, `chars` code points.
    Inline {
        len: u8,
        chars: u8,
        buf: [u8; INLINE_CAP],
    },
    Heap {
        char_len: usize,
        s: Box<str>,
    },
}

pub struct PyStr {
    /// Cached hash; 0 until computed (a computed hash is never 0).
    hash: Cell<i64>,
    repr: Repr,
}

const _: () = assert!(std::mem::size_of::<PyStr>() == 40);

/// Number of code points in `s`: UTF-8 continuation bytes are not counted.
pub fn count_chars(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.len() - s.bytes().filter(|&b| (b as i8) < -64).count()
    }
}

/// Whether the ASCII byte `b` is whitespace by `str.isspace()` (includes \x1c-\x1f).
#[inline]
pub fn is_py_space_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r' | 0x1c..=0x1f)
}

impl PyStr {
    pub fn new(s: &str) -> PyStr {
        PyStr::with_len(s, count_chars(s))
    }

    /// A copy of `s`, which has `char_len` code points.
    pub fn with_len(s: &str, char_len: usize) -> PyStr {
        debug_assert_eq!(char_len, count_chars(s));
        if s.len() <= INLINE_CAP {
            let mut buf = [0u8; INLINE_CAP];
            buf[..s.len()].copy_from_slice(s.as_bytes());
            return PyStr::inline(buf, s.len(), char_len);
        }
        PyStr::heap(s.into(), char_len)
    }

    /// An inline string from `buf[..len]`, which must be UTF-8 of `chars` code points:
    /// every caller fills `buf` from `&str`s or with ASCII bytes, and `as_str` relies on it.
    fn inline(buf: [u8; INLINE_CAP], len: usize, chars: usize) -> PyStr {
        debug_assert!(std::str::from_utf8(&buf[..len]).is_ok());
        PyStr {
            hash: Cell::new(0),
            repr: Repr::Inline {
                len: len as u8,
                chars: chars as u8,
                buf,
            },
        }
    }

    /// `str(i)` for an inline int, written straight into the string.
    pub fn from_i64(i: i64) -> PyStr {
        let mut digits = [0u8; 20];
        let text = crate::fmt::i64_decimal(i, &mut digits).as_bytes();
        let mut buf = [0u8; INLINE_CAP];
        buf[..text.len()].copy_from_slice(text);
        PyStr::inline(buf, text.len(), text.len())
    }

    /// The concatenation of `parts`, built in place: short results need no allocation
    /// besides the `Rc`, and code points are summed rather than counted again.
    /// None when the memory for the result cannot be had (the caller raises
    /// MemoryError).
    pub fn concat<'a>(parts: impl Iterator<Item = &'a PyStr> + Clone) -> Option<PyStr> {
        let (mut bytes, mut chars) = (0usize, 0usize);
        for p in parts.clone() {
            bytes = bytes.checked_add(p.as_str().len())?;
            chars += p.char_len();
        }
        if bytes <= INLINE_CAP {
            let mut buf = [0u8; INLINE_CAP];
            let mut n = 0;
            for p in parts {
                let b = p.as_str().as_bytes();
                buf[n..n + b.len()].copy_from_slice(b);
                n += b.len();
            }
            // Concatenated UTF-8 is UTF-8.
            return Some(PyStr::inline(buf, n, chars));
        }
        let mut s = String::new();
        s.try_reserve_exact(bytes).ok()?;
        for p in parts {
            s.push_str(p.as_str());
        }
        Some(PyStr::heap(s.into_boxed_str(), chars))
    }

    pub fn from_string(s: String) -> PyStr {
        if s.len() <= INLINE_CAP {
            return PyStr::new(&s);
        }
        let n = count_chars(&s);
        PyStr::heap(s.into_boxed_str(), n)
    }

    /// A string whose code-point count the caller already knows.
    pub fn from_string_with_len(s: String, char_len: usize) -> PyStr {
        debug_assert_eq!(char_len, count_chars(&s));
        if s.len() <= INLINE_CAP {
            return PyStr::with_len(&s, char_len);
        }
        PyStr::heap(s.into_boxed_str(), char_len)
    }

    /// An ASCII string mapped byte by byte (`f` must map ASCII to ASCII).
    pub fn map_ascii(&self, f: impl Fn(&u8) -> u8) -> PyStr {
        let s = self.as_str();
        debug_assert!(s.is_ascii());
        if s.len() <= INLINE_CAP {
            let mut buf = [0u8; INLINE_CAP];
            for (o, b) in buf.iter_mut().zip(s.as_bytes()) {
                *o = f(b);
            }
            if buf.is_ascii() {
                return PyStr::inline(buf, s.len(), s.len());
            }
        }
        let bytes: Vec<u8> = s.bytes().map(|b| f(&b)).collect();
        PyStr::from_string(String::from_utf8(bytes).unwrap_or_default())
    }

    fn heap(s: Box<str>, char_len: usize) -> PyStr {
        PyStr {
            hash: Cell::new(0),
            repr: Repr::Heap { char_len, s },
        }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        match &self.repr {
            Repr::Inline { len, buf, .. } => {
                let bytes = &buf[..*len as usize];
                // SAFETY: `buf[..len]` was copied from a `&str` in `PyStr::new`
                // and is never written again.
                unsafe { std::str::from_utf8_unchecked(bytes) }
            }
            Repr::Heap { s, .. } => s,
        }
    }

    pub fn is_ascii(&self) -> bool {
        self.char_len() == self.as_str().len()
    }

    /// Length in code points, as `len()` reports it.
    #[inline]
    pub fn char_len(&self) -> usize {
        match &self.repr {
            Repr::Inline { chars, .. } => *chars as usize,
            Repr::Heap { char_len, .. } => *char_len,
        }
    }

    /// The code point at index `i` (0-based, already bounds-checked by the caller).
    pub fn char_at(&self, i: usize) -> Option<char> {
        let s = self.as_str();
        if self.is_ascii() {
            s.as_bytes().get(i).map(|&b| b as char)
        } else {
            s.chars().nth(i)
        }
    }

    /// Byte offset of code point `i` (`i == char_len` gives the end).
    pub fn byte_offset(&self, i: usize) -> usize {
        let s = self.as_str();
        if self.is_ascii() {
            i.min(s.len())
        } else {
            s.char_indices().nth(i).map_or(s.len(), |(b, _)| b)
        }
    }

    /// Substring by code-point range.
    pub fn slice_chars(&self, start: usize, end: usize) -> &str {
        let (a, b) = (self.byte_offset(start), self.byte_offset(end.max(start)));
        &self.as_str()[a..b]
    }

    /// A hash of the text (Python randomises str hashes, so any good hash matches its behaviour).
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != 0 {
            return h;
        }
        // FNV-1a, then fold -1 away as CPython reserves it.
        let mut x: u64 = 0xcbf2_9ce4_8422_2325;
        for b in self.as_str().bytes() {
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
            c if !crate::ucd::is_printable(c) => {
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

/// `ascii()` given `repr()`'s text: escapes every non-ASCII character of `r`.
pub fn ascii_str(r: &str) -> String {
    if r.is_ascii() {
        return r.to_string();
    }
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

/// `BUILD_STRING`: the concatenation of the str values among `items` (None
/// when it does not fit in memory).
pub fn concat_values(items: &[super::Value]) -> Option<super::Value> {
    let parts = items.iter().filter_map(|v| match v {
        super::Value::Str(s) => Some(&**s),
        _ => None,
    });
    Some(super::Value::Str(std::rc::Rc::new(PyStr::concat(parts)?)))
}
