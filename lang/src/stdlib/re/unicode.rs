//! Character classes and case rules of `re`: `\d`, `\s`, `\w` with
//! CPython's Unicode or ASCII meaning, and IGNORECASE comparison.

use super::parse::Case;

/// `\d`, `\s` or `\w`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClassKind {
    Digit,
    Space,
    Word,
}

impl ClassKind {
    pub fn contains(self, c: u32, unicode: bool) -> bool {
        if c < 128 {
            let b = c as u8;
            return match self {
                ClassKind::Digit => b.is_ascii_digit(),
                ClassKind::Space if unicode => matches!(b, b' ' | b'\t'..=b'\r' | 0x1c..=0x1f),
                ClassKind::Space => matches!(b, b' ' | b'\t'..=b'\r'),
                ClassKind::Word => b.is_ascii_alphanumeric() || b == b'_',
            };
        }
        if !unicode {
            return false;
        }
        let Some(ch) = char::from_u32(c) else {
            return false;
        };
        match self {
            ClassKind::Digit => crate::fmt::decimal_value(ch).is_some(),
            ClassKind::Space => crate::fmt::is_py_space(ch),
            ClassKind::Word => ch.is_alphanumeric(),
        }
    }
}

/// A character set: `[...]`, or `\d` and kin alone.
#[derive(Debug, Clone)]
pub struct Class {
    pub negate: bool,
    pub case: Case,
    pub unicode: bool,
    /// Inclusive ranges of code points.
    pub ranges: Vec<(u32, u32)>,
    /// `\d`-like members, each possibly negated (`\D`).
    pub kinds: Vec<(ClassKind, bool)>,
    /// Membership of the code points below 256, case rules applied.
    latin1: [u64; 4],
}

impl Class {
    pub fn new(negate: bool, case: Case, unicode: bool) -> Class {
        Class {
            negate,
            case,
            unicode,
            ranges: Vec::new(),
            kinds: Vec::new(),
            latin1: [0; 4],
        }
    }

    pub fn single(kind: ClassKind, negate: bool, unicode: bool) -> Class {
        let mut c = Class::new(false, Case::Sensitive, unicode);
        c.kinds.push((kind, negate));
        c.finish();
        c
    }

    /// Fills the table for code points below 256; call once items are in.
    pub fn finish(&mut self) {
        for c in 0..256u32 {
            if self.compute(c) {
                self.latin1[(c >> 6) as usize] |= 1 << (c & 63);
            }
        }
    }

    #[inline]
    pub fn contains(&self, c: u32) -> bool {
        if c < 256 {
            return self.latin1[(c >> 6) as usize] & (1 << (c & 63)) != 0;
        }
        self.compute(c)
    }

    fn compute(&self, c: u32) -> bool {
        let hit = match self.case {
            Case::Sensitive => self.raw(c),
            Case::AsciiIgnore => {
                self.raw(c)
                    || (c < 128 && {
                        let b = c as u8;
                        self.raw(b.to_ascii_lowercase() as u32)
                            || self.raw(b.to_ascii_uppercase() as u32)
                    })
            }
            Case::UnicodeIgnore => {
                self.raw(c) || {
                    let (lo, up) = case_pair(c);
                    self.raw(lo) || self.raw(up) || case_variants(c).iter().any(|&v| self.raw(v))
                }
            }
        };
        hit != self.negate
    }

    fn raw(&self, c: u32) -> bool {
        self.ranges.iter().any(|&(a, b)| a <= c && c <= b)
            || self
                .kinds
                .iter()
                .any(|&(k, neg)| k.contains(c, self.unicode) != neg)
    }

    /// Whether the set can match only code points below 256.
    pub fn latin1_only(&self) -> bool {
        !self.negate
            && self.case != Case::UnicodeIgnore
            && self.ranges.iter().all(|&(_, hi)| hi < 256)
            && self
                .kinds
                .iter()
                .all(|&(_, negate)| !negate && !self.unicode)
    }

    /// The single character this set stands for, if it is one (no case rules).
    pub fn as_single_char(&self) -> Option<u32> {
        match (self.negate, self.case, &self.ranges[..], &self.kinds[..]) {
            (false, Case::Sensitive, [(a, b)], []) if a == b => Some(*a),
            _ => None,
        }
    }
}

/// Simple lower- and uppercase of `c` (itself where the mapping is not one character).
#[inline]
pub fn case_pair(c: u32) -> (u32, u32) {
    if c < 128 {
        let b = c as u8;
        return (b.to_ascii_lowercase() as u32, b.to_ascii_uppercase() as u32);
    }
    let Some(ch) = char::from_u32(c) else {
        return (c, c);
    };
    let one = |mut it: std::iter::Peekable<&mut dyn Iterator<Item = char>>| -> u32 {
        match (it.next(), it.peek()) {
            (Some(x), None) => x as u32,
            _ => c,
        }
    };
    let lo = one((&mut ch.to_lowercase() as &mut dyn Iterator<Item = char>).peekable());
    let up = one((&mut ch.to_uppercase() as &mut dyn Iterator<Item = char>).peekable());
    (lo, up)
}

/// Characters that CPython's IGNORECASE treats as equal although their
/// simple lowercase differs (they share an uppercase, or fold alike).
fn case_variants(c: u32) -> &'static [u32] {
    match c {
        0x73 | 0x53 => &[0x17f],
        0x17f => &[0x73, 0x53],
        0x6b | 0x4b => &[0x212a],
        0x212a => &[0x6b, 0x4b],
        0x69 | 0x49 => &[0x131],
        0x131 => &[0x69, 0x49],
        0xb5 => &[0x3bc, 0x39c],
        0x3bc | 0x39c => &[0xb5],
        _ => &[],
    }
}

/// Whether `a` (from the subject) equals `b` (from the pattern) under `case`.
#[inline]
pub fn chars_equal(a: u32, b: u32, case: Case) -> bool {
    if a == b {
        return true;
    }
    match case {
        Case::Sensitive => false,
        Case::AsciiIgnore => a < 128 && b < 128 && (a as u8).eq_ignore_ascii_case(&(b as u8)),
        Case::UnicodeIgnore => {
            let (la, ua) = case_pair(a);
            let (lb, ub) = case_pair(b);
            la == lb || ua == ub || case_variants(a).contains(&b)
        }
    }
}

/// Whether `c` is a word character for `\b` and `\w`.
#[inline]
pub fn is_word(c: u32, unicode: bool) -> bool {
    ClassKind::Word.contains(c, unicode)
}
