//! `bytes`: immutable byte strings.

/// Python's `repr()` of a bytes object: `b'...'` with escapes.
pub fn repr_bytes(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

/// The contents of a bytes-like value (`bytes`, `bytearray`, `array`,
/// `memoryview`), for natives that take any buffer; `None` for every other
/// value. Mutable exporters are copied, since they may change while the
/// native runs.
pub(crate) fn bytes_like(v: &super::Value) -> Option<std::borrow::Cow<'_, [u8]>> {
    super::buffer::contents(v)
}
