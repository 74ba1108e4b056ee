//! Encoding and decoding with error handlers: the loops that run an
//! encoding's rules (`encodings.rs`) and call a handler at each fault.
//!
//! The built-in handlers are applied here directly; a handler registered
//! with `codecs.register_error` is called with the UnicodeError and returns
//! `(replacement, resume_position)`, as in CPython. Lone surrogates cannot
//! be stored in towel's `str` (it is UTF-8), so `surrogateescape` and
//! `surrogatepass`, whose only job is to make or read them, raise
//! NotImplementedError where they would make one, and otherwise fail as
//! `strict` does (which is what they do in CPython for other characters).

use super::encodings::{self, decode_step, encode_char, Encoding, Step};
use super::errors::{decode_error, encode_error, escaped};
use crate::objects::{PyErr, PyResult, Value};
use crate::vm::Vm;
use std::cell::RefCell;
use std::collections::HashMap;

thread_local! {
    /// Handlers registered by programs (`codecs.register_error`).
    static REGISTERED: RefCell<HashMap<String, Value>> = RefCell::new(HashMap::new());
}

pub(crate) fn register(name: &str, handler: Value) {
    REGISTERED.with(|r| r.borrow_mut().insert(name.to_string(), handler));
}

pub(crate) fn registered(name: &str) -> Option<Value> {
    REGISTERED.with(|r| r.borrow().get(name).cloned())
}

/// The handler an `errors` name stands for.
enum Handler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
    NameReplace,
    SurrogateEscape,
    SurrogatePass,
    Custom(Value),
}

fn handler(vm: &Vm, name: &str) -> PyResult<Handler> {
    Ok(match name {
        "strict" => Handler::Strict,
        "ignore" => Handler::Ignore,
        "replace" => Handler::Replace,
        "backslashreplace" => Handler::BackslashReplace,
        "xmlcharrefreplace" => Handler::XmlCharRefReplace,
        "namereplace" => Handler::NameReplace,
        "surrogateescape" => Handler::SurrogateEscape,
        "surrogatepass" => Handler::SurrogatePass,
        other => match registered(other) {
            Some(f) => Handler::Custom(f),
            None => {
                return Err(vm.new_error(
                    &vm.exc.lookup_error,
                    format!("unknown error handler name '{other}'"),
                ))
            }
        },
    })
}

fn no_lone_surrogates(vm: &Vm, handler: &str) -> PyErr {
    vm.not_implemented(format!(
        "the '{handler}' error handler where it would make a lone surrogate (towel's str cannot hold one)"
    ))
}

/// Where a handler said to resume: `pos` counted from the end when
/// negative, IndexError past either end (CPython's message).
fn resume_position(vm: &Vm, pos: &Value, len: usize) -> PyResult<usize> {
    let p = vm.to_index(pos)?;
    let q = if p < 0 { p + len as i64 } else { p };
    if q < 0 || q > len as i64 {
        return Err(vm.index_error(format!("position {p} from error handler out of bounds")));
    }
    Ok(q as usize)
}

/// Calls a registered handler: `(replacement, position)`.
fn call_custom(vm: &Vm, f: &Value, exc: PyErr, decoding: bool) -> PyResult<(Value, Value)> {
    let result = vm.call(f, &[exc.value()])?;
    let shape = if decoding {
        "decoding error handler must return (str, int) tuple"
    } else {
        "encoding error handler must return (str/bytes, int) tuple"
    };
    match &result {
        Value::Tuple(t) if t.0.len() == 2 => {
            let (text, pos) = (&t.0[0], &t.0[1]);
            let ok_text = match text {
                Value::Str(_) => true,
                Value::Bytes(_) => !decoding,
                _ => false,
            };
            if ok_text && matches!(pos, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) {
                return Ok((text.clone(), pos.clone()));
            }
            Err(vm.type_error(shape))
        }
        _ => Err(vm.type_error(shape)),
    }
}

// -- encoding -------------------------------------------------------------------------

/// `text` (a `str` value) in `enc`, with the `errors` handler.
pub(crate) fn encode(vm: &Vm, text: &Value, enc: Encoding, errors: &str) -> PyResult<Vec<u8>> {
    let Value::Str(s) = text else {
        return Err(vm.type_error("encode() argument must be str"));
    };
    let s = s.as_str();
    let fast = match enc {
        Encoding::Utf8 => true,
        Encoding::Ascii | Encoding::Latin1 | Encoding::Cp1252 | Encoding::Cp437 => s.is_ascii(),
        _ => false,
    };
    if fast {
        return Ok(s.as_bytes().to_vec());
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = encodings::preamble(enc).to_vec();
    let mut scratch = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if encode_char(enc, chars[i], &mut out) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < chars.len() && !encode_char(enc, chars[end], &mut scratch) {
            end += 1;
        }
        scratch.clear();
        let fail = || encode_error(vm, enc.error_name(), text, i, end, enc.encode_reason());
        let ascii = |out: &mut Vec<u8>, text: &str| {
            for c in text.chars() {
                encode_char(enc, c, out);
            }
        };
        match handler(vm, errors)? {
            Handler::Strict | Handler::SurrogateEscape | Handler::SurrogatePass => {
                return Err(fail())
            }
            Handler::Ignore => {}
            Handler::Replace => (i..end).for_each(|_| ascii(&mut out, "?")),
            Handler::BackslashReplace => {
                for &c in &chars[i..end] {
                    ascii(&mut out, &escaped(c));
                }
            }
            Handler::XmlCharRefReplace => {
                for &c in &chars[i..end] {
                    ascii(&mut out, &format!("&#{};", c as u32));
                }
            }
            Handler::NameReplace => {
                for &c in &chars[i..end] {
                    match unicode_names2::name(c) {
                        Some(name) => ascii(&mut out, &format!("\\N{{{name}}}")),
                        None => ascii(&mut out, &escaped(c)),
                    }
                }
            }
            Handler::Custom(f) => {
                let (replacement, pos) = call_custom(vm, &f, fail(), false)?;
                match replacement {
                    Value::Bytes(b) => out.extend_from_slice(&b),
                    Value::Str(r) => {
                        for c in r.as_str().chars() {
                            if !encode_char(enc, c, &mut out) {
                                return Err(fail());
                            }
                        }
                    }
                    _ => unreachable!("checked by call_custom"),
                }
                i = resume_position(vm, &pos, chars.len())?;
                continue;
            }
        }
        i = end;
    }
    Ok(out)
}

// -- decoding -------------------------------------------------------------------------

/// `data` decoded from `enc` with the `errors` handler. Unless `last`, an
/// incomplete character at the end is left: the result says how many bytes
/// were used, and which encoding a byte order mark chose (for the next
/// call of an incremental decoder).
pub(crate) fn decode(
    vm: &Vm,
    data: &[u8],
    enc: Encoding,
    errors: &str,
    last: bool,
) -> PyResult<(String, usize, Encoding)> {
    let Some((enc, start)) = encodings::read_bom(enc, data, last) else {
        return Ok((String::new(), 0, enc));
    };
    if enc == Encoding::Utf8 {
        if let Ok(s) = std::str::from_utf8(&data[start..]) {
            return Ok((s.to_string(), data.len(), enc));
        }
    }
    let mut out = String::with_capacity(data.len());
    let mut pos = start;
    while pos < data.len() {
        let (len, reason) = match decode_step(enc, &data[pos..], last) {
            Step::Char(c, k) => {
                out.push(c);
                pos += k;
                continue;
            }
            Step::Incomplete => break,
            Step::Fault(k, reason) => (k, reason),
        };
        let end = pos + len;
        let fail = || decode_error(vm, enc.error_name(), data, pos, end, reason);
        match handler(vm, errors)? {
            Handler::Strict => return Err(fail()),
            Handler::Ignore => {}
            Handler::Replace => out.push('\u{fffd}'),
            Handler::BackslashReplace => {
                for b in &data[pos..end] {
                    out.push_str(&format!("\\x{b:02x}"));
                }
            }
            Handler::XmlCharRefReplace | Handler::NameReplace => {
                return Err(
                    vm.type_error("don't know how to handle UnicodeDecodeError in error callback")
                )
            }
            Handler::SurrogateEscape if data[pos..end].iter().all(|&b| b >= 0x80) => {
                return Err(no_lone_surrogates(vm, "surrogateescape"))
            }
            Handler::SurrogatePass if encodes_surrogate(enc, &data[pos..], reason) => {
                return Err(no_lone_surrogates(vm, "surrogatepass"))
            }
            Handler::SurrogateEscape | Handler::SurrogatePass => return Err(fail()),
            Handler::Custom(f) => {
                let (replacement, resume) = call_custom(vm, &f, fail(), true)?;
                if let Value::Str(r) = replacement {
                    out.push_str(r.as_str());
                }
                pos = resume_position(vm, &resume, data.len())?;
                continue;
            }
        }
        pos = end;
    }
    Ok((out, pos, enc))
}

/// Whether the bytes of a fault are a surrogate in `enc`'s own form (what
/// `surrogatepass` would decode).
fn encodes_surrogate(enc: Encoding, rest: &[u8], reason: &str) -> bool {
    match enc {
        Encoding::Utf8 | Encoding::Utf8Sig => {
            matches!(rest, [0xed, 0xa0..=0xbf, 0x80..=0xbf, ..])
        }
        Encoding::Utf16(_) => reason != "truncated data",
        Encoding::Utf32(_) => reason.contains("surrogate"),
        _ => false,
    }
}
