//! Text-to-number parsing: `float(str)`, `int(str, base)` and source-code numeric literals,
//! following CPython 3.11 (Objects/floatobject.c, Objects/longobject.c, Parser/tokenizer.c).

use super::numeric::INT_MAX_STR_DIGITS;
use super::unicode::{is_ascii_space, transform_decimal_and_space};
use num_bigint::{BigInt, BigUint};
use num_traits::{Num, Zero};

/// Why `int(str, base)` failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntParseError {
    /// `base` is not 0 or 2..=36: "int() base must be >= 2 and <= 36, or 0".
    InvalidBase,
    /// "invalid literal for int() with base {base}: {repr(s)}" (base 0 stays 0 in the message).
    InvalidLiteral,
    /// More than 4300 digits in a non-power-of-two base: "Exceeds the limit (4300 digits) for
    /// integer string conversion: value has {n} digits; use sys.set_int_max_str_digits() to
    /// increase the limit".
    TooManyDigits(usize),
}

impl IntParseError {
    /// CPython's message; `repr_s` is the Python `repr()` of the argument string.
    pub fn message(&self, base: u32, repr_s: &str) -> String {
        match self {
            IntParseError::InvalidBase => "int() base must be >= 2 and <= 36, or 0".to_string(),
            IntParseError::InvalidLiteral => {
                let shown: String = repr_s.chars().take(200).collect();
                format!("invalid literal for int() with base {base}: {shown}")
            }
            IntParseError::TooManyDigits(n) => format!(
                "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion: \
                 value has {n} digits; use sys.set_int_max_str_digits() to increase the limit"
            ),
        }
    }
}

/// CPython's `_Py_string_to_number_with_underscores` pre-pass: underscores only between
/// digits; returns the text with them removed, or `None` if misplaced (or a NUL is present).
fn strip_float_underscores(buf: &[u8]) -> Option<Vec<u8>> {
    if buf.contains(&0) {
        return None;
    }
    if !buf.contains(&b'_') {
        return Some(buf.to_vec());
    }
    let mut out = Vec::with_capacity(buf.len());
    let mut prev = 0u8;
    for &b in buf {
        if b == b'_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            out.push(b);
            if prev == b'_' && !b.is_ascii_digit() {
                return None;
            }
        }
        prev = b;
    }
    if prev == b'_' {
        return None;
    }
    Some(out)
}

/// Parses an entire ASCII decimal float (`_Py_dg_strtod` syntax, then inf/nan words).
fn parse_float_core(t: &[u8]) -> Option<f64> {
    let len = t.len();
    let mut i = 0;
    let negative = matches!(t.first(), Some(b'-'));
    if matches!(t.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let sign_end = i;
    let digit_run = |i: &mut usize| {
        let s = *i;
        while *i < len && t[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - s
    };
    let n_int = digit_run(&mut i);
    let mut n_frac = 0;
    if i < len && t[i] == b'.' {
        let save = i;
        i += 1;
        n_frac = digit_run(&mut i);
        if n_int + n_frac == 0 {
            i = save;
        }
    }
    if n_int + n_frac == 0 {
        let rest = t[sign_end..].to_ascii_lowercase();
        let v = match rest.as_slice() {
            b"inf" | b"infinity" => f64::INFINITY,
            b"nan" => f64::NAN,
            _ => return None,
        };
        return Some(if negative { -v } else { v });
    }
    if i < len && (t[i] == b'e' || t[i] == b'E') {
        let mut j = i + 1;
        if j < len && (t[j] == b'+' || t[j] == b'-') {
            j += 1;
        }
        if digit_run(&mut j) > 0 {
            i = j;
        }
    }
    if i != len {
        return None;
    }
    std::str::from_utf8(t).ok()?.parse::<f64>().ok()
}

/// `float(s)` for a str: surrounding whitespace, Unicode decimal digits, underscores between
/// digits, `inf`/`infinity`/`nan` in any case with a sign; `None` where CPython raises
/// "could not convert string to float".
pub fn parse_float(s: &str) -> Option<f64> {
    let buf = transform_decimal_and_space(s);
    let buf = strip_float_underscores(&buf)?;
    let mut a = 0;
    let mut b = buf.len();
    while a < b && is_ascii_space(buf[a]) {
        a += 1;
    }
    if a == b {
        return None;
    }
    while b > a + 1 && is_ascii_space(buf[b - 1]) {
        b -= 1;
    }
    parse_float_core(&buf[a..b])
}

/// The value of an ASCII digit/letter in bases up to 36 (37 for anything else).
fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => (b - b'0') as u32,
        b'a'..=b'z' => (b - b'a') as u32 + 10,
        b'A'..=b'Z' => (b - b'A') as u32 + 10,
        _ => 37,
    }
}

/// `int(s, base)` with CPython's full error classification, optionally enforcing the default
/// 4300-digit limit (`sys.int_info.default_max_str_digits`) for non-power-of-two bases.
pub fn parse_int_checked(s: &str, base: u32, limit_digits: bool) -> Result<BigInt, IntParseError> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(IntParseError::InvalidBase);
    }
    let bad = Err(IntParseError::InvalidLiteral);
    let buf = transform_decimal_and_space(s);
    let at = |i: usize| buf.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while i < buf.len() && is_ascii_space(buf[i]) {
        i += 1;
    }
    let mut negative = false;
    if at(i) == b'+' {
        i += 1;
    } else if at(i) == b'-' {
        negative = true;
        i += 1;
    }
    let mut base = base;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = if at(i) != b'0' {
            10
        } else {
            match at(i + 1) {
                b'x' | b'X' => 16,
                b'o' | b'O' => 8,
                b'b' | b'B' => 2,
                _ => {
                    error_if_nonzero = true;
                    10
                }
            }
        };
    }
    if at(i) == b'0' {
        let p = at(i + 1).to_ascii_lowercase();
        if (base == 16 && p == b'x') || (base == 8 && p == b'o') || (base == 2 && p == b'b') {
            i += 2;
            if at(i) == b'_' {
                i += 1;
            }
        }
    }
    if at(i) == b'_' {
        return bad;
    }
    let start = i;
    let mut digits: Vec<u8> = Vec::new();
    let mut prev = 0u8;
    while i < buf.len() && (digit_value(buf[i]) < base || buf[i] == b'_') {
        if buf[i] == b'_' {
            if prev == b'_' {
                return bad;
            }
        } else {
            digits.push(buf[i]);
        }
        prev = buf[i];
        i += 1;
    }
    if prev == b'_' {
        return bad;
    }
    if limit_digits && !base.is_power_of_two() && digits.len() > INT_MAX_STR_DIGITS {
        return Err(IntParseError::TooManyDigits(digits.len()));
    }
    let mag = if digits.is_empty() {
        BigUint::zero()
    } else {
        let text = std::str::from_utf8(&digits).map_err(|_| IntParseError::InvalidLiteral)?;
        BigUint::from_str_radix(text, base).map_err(|_| IntParseError::InvalidLiteral)?
    };
    if error_if_nonzero && !mag.is_zero() {
        return bad;
    }
    if i == start {
        return bad;
    }
    while i < buf.len() && is_ascii_space(buf[i]) {
        i += 1;
    }
    if i != buf.len() {
        return bad;
    }
    let v = BigInt::from(mag);
    Ok(if negative { -v } else { v })
}

/// `int(s, base)` for a str (base 0 or 2..=36); `None` where CPython raises ValueError.
/// The 4300-digit limit is not applied here (see `parse_int_checked`).
pub fn parse_int(s: &str, base: u32) -> Option<BigInt> {
    parse_int_checked(s, base, false).ok()
}

/// The value of a Python integer literal token (`123`, `0xFF`, `0o17`, `0b101`, `1_000`,
/// `00`); `None` if `src` is not exactly one valid literal (no sign or whitespace).
pub fn int_literal_value(src: &str) -> Option<BigInt> {
    let b = src.as_bytes();
    if !src.is_ascii() || !b.first()?.is_ascii_digit() || !b.last()?.is_ascii_alphanumeric() {
        return None;
    }
    parse_int(src, 0)
}

/// The value of a Python float literal token (`1.5`, `1e3`, `.5`, `5.`, `1_000.0_1e-1_0`);
/// `None` unless `src` is exactly one valid float literal (needs a `.` or an exponent).
pub fn float_literal_value(src: &str) -> Option<f64> {
    let t = src.as_bytes();
    let len = t.len();
    let mut i = 0;
    // digitpart: digit (["_"] digit)*
    let digitpart = |i: &mut usize| -> bool {
        if *i >= len || !t[*i].is_ascii_digit() {
            return false;
        }
        *i += 1;
        loop {
            if *i < len && t[*i].is_ascii_digit() {
                *i += 1;
            } else if *i + 1 < len && t[*i] == b'_' && t[*i + 1].is_ascii_digit() {
                *i += 2;
            } else {
                return true;
            }
        }
    };
    let has_int = digitpart(&mut i);
    let mut has_point = false;
    if i < len && t[i] == b'.' {
        has_point = true;
        i += 1;
        let has_frac = digitpart(&mut i);
        if !has_int && !has_frac {
            return None;
        }
    } else if !has_int {
        return None;
    }
    let mut has_exp = false;
    if i < len && (t[i] == b'e' || t[i] == b'E') {
        i += 1;
        if i < len && (t[i] == b'+' || t[i] == b'-') {
            i += 1;
        }
        if !digitpart(&mut i) {
            return None;
        }
        has_exp = true;
    }
    if i != len || !(has_point || has_exp) {
        return None;
    }
    let clean: String = src.chars().filter(|&c| c != '_').collect();
    clean.parse::<f64>().ok()
}

/// Why `complex(s)` rejected a string: the two messages CPython words differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComplexParseError {
    /// "complex() arg is a malformed string".
    Malformed,
    /// An underscore not between two digits: "could not convert string to complex: 's'".
    Underscores,
}

/// `complex(s)` for a str: `<float>`, `<float>j`, `<float><signed float>j`, `<float><sign>j`,
/// `<sign>j` or `j`, optionally in parentheses, with surrounding whitespace, Unicode decimal
/// digits and underscores between digits, as CPython's `complex_from_string_inner` reads it.
pub fn parse_complex(s: &str) -> Result<(f64, f64), ComplexParseError> {
    // CPython looks for an underscore with C's strchr, so only before a NUL;
    // text with one takes the underscore pass, where a NUL is also an error.
    // Without, a NUL makes the text malformed.
    let buf = transform_decimal_and_space(s);
    let before_nul = buf.split(|&b| b == 0).next().unwrap_or_default();
    let buf = if before_nul.contains(&b'_') {
        strip_float_underscores(&buf).ok_or(ComplexParseError::Underscores)?
    } else {
        buf
    };
    if buf.contains(&0) {
        return Err(ComplexParseError::Malformed);
    }
    complex_parts(&buf).ok_or(ComplexParseError::Malformed)
}

fn complex_parts(t: &[u8]) -> Option<(f64, f64)> {
    let mut i = 0;
    let skip_space = |i: &mut usize| {
        while *i < t.len() && is_ascii_space(t[*i]) {
            *i += 1;
        }
    };
    skip_space(&mut i);
    let bracket = t.get(i) == Some(&b'(');
    if bracket {
        i += 1;
        skip_space(&mut i);
    }
    let is_j = |b: Option<&u8>| matches!(b, Some(b'j' | b'J'));
    let sign_unit = |b: u8| if b == b'+' { 1.0 } else { -1.0 };
    let (re, im);
    if let Some((z, n)) = float_prefix(&t[i..]) {
        i += n;
        match t.get(i) {
            Some(&c @ (b'+' | b'-')) => {
                re = z;
                im = match float_prefix(&t[i..]) {
                    Some((y, n)) => {
                        i += n;
                        y
                    }
                    None => {
                        i += 1;
                        sign_unit(c)
                    }
                };
                if !is_j(t.get(i)) {
                    return None;
                }
                i += 1;
            }
            Some(b'j' | b'J') => {
                i += 1;
                (re, im) = (0.0, z);
            }
            _ => (re, im) = (z, 0.0),
        }
    } else {
        re = 0.0;
        im = match t.get(i) {
            Some(&c @ (b'+' | b'-')) => {
                i += 1;
                sign_unit(c)
            }
            _ => 1.0,
        };
        if !is_j(t.get(i)) {
            return None;
        }
        i += 1;
    }
    skip_space(&mut i);
    if bracket {
        if t.get(i) != Some(&b')') {
            return None;
        }
        i += 1;
        skip_space(&mut i);
    }
    (i == t.len()).then_some((re, im))
}

/// The longest prefix of `t` that is a float (`strtod`'s syntax: sign, digits with an
/// optional point and exponent, or `inf`/`infinity`/`nan`), with its length.
fn float_prefix(t: &[u8]) -> Option<(f64, usize)> {
    let len = t.len();
    let mut i = usize::from(matches!(t.first(), Some(b'+' | b'-')));
    let start = i;
    let digits = |i: &mut usize| {
        let s = *i;
        while *i < len && t[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - s
    };
    let mut n = digits(&mut i);
    if i < len && t[i] == b'.' {
        let mut j = i + 1;
        let frac = digits(&mut j);
        if n + frac > 0 {
            i = j;
            n += frac;
        }
    }
    if n == 0 {
        let word = t[start..].to_ascii_lowercase();
        let n = if word.starts_with(b"infinity") {
            8
        } else if word.starts_with(b"inf") || word.starts_with(b"nan") {
            3
        } else {
            return None;
        };
        return Some((parse_float_core(&t[..start + n])?, start + n));
    }
    if i < len && (t[i] == b'e' || t[i] == b'E') {
        let mut j = i + 1;
        if j < len && (t[j] == b'+' || t[j] == b'-') {
            j += 1;
        }
        if digits(&mut j) > 0 {
            i = j;
        }
    }
    Some((parse_float_core(&t[..i])?, i))
}
