//! Unicode helpers mirroring CPython 3.11 (Unicode 14.0) character predicates.

/// Characters for which CPython's `str.isspace()` is true.
const SPACES: [u32; 29] = [
    0x9, 0xA, 0xB, 0xC, 0xD, 0x1C, 0x1D, 0x1E, 0x1F, 0x20, 0x85, 0xA0, 0x1680, 0x2000, 0x2001,
    0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F,
    0x205F, 0x3000,
];

/// The decimal digit value of `c` as CPython's `unicodedata.decimal` / `Py_UNICODE_TODECIMAL`.
pub fn decimal_value(c: char) -> Option<u32> {
    crate::ucd::decimal_value(c)
}

/// Whether `c` is whitespace by CPython's `str.isspace()`.
pub fn is_py_space(c: char) -> bool {
    SPACES.binary_search(&(c as u32)).is_ok()
}

/// Whether `b` is whitespace by CPython's ASCII `Py_ISSPACE` (space, \t, \n, \v, \f, \r).
pub(crate) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII` as bytes: non-ASCII spaces become
/// `' '`, non-ASCII decimal digits become ASCII digits, and the first other non-ASCII
/// character (or DEL) becomes `'?'` and ends the string.
pub(crate) fn transform_decimal_and_space(s: &str) -> Vec<u8> {
    if s.is_ascii() {
        return s.as_bytes().to_vec();
    }
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let cp = c as u32;
        if cp < 127 {
            out.push(cp as u8);
        } else if is_py_space(c) {
            out.push(b' ');
        } else if let Some(d) = decimal_value(c) {
            out.push(b'0' + d as u8);
        } else {
            out.push(b'?');
            break;
        }
    }
    out
}
