//! `binascii`: conversions between binary data and ASCII encodings (hex,
//! base64, uuencode, quoted-printable) and the CRC-32 and CRC-CCITT
//! checksums, with CPython's errors (`binascii.Error`, a `ValueError`).
//! `base64` is written in towel on top of these.

use crate::objects::bytes::bytes_like;
use crate::objects::class::Layout;
use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Class, Module, NativeFn, PyErr, PyResult, Value};
use crate::vm::types::new_class;
use crate::vm::Vm;
use std::borrow::Cow;
use std::rc::Rc;

const FUNCTIONS: &[(&Signature, NativeFn)] = &[
    (&HEXLIFY, hexlify),
    (&B2A_HEX, hexlify),
    (&UNHEXLIFY, unhexlify),
    (&A2B_HEX, unhexlify),
    (&B2A_BASE64, b2a_base64),
    (&A2B_BASE64, a2b_base64),
    (&B2A_UU, b2a_uu),
    (&A2B_UU, a2b_uu),
    (&B2A_QP, b2a_qp),
    (&A2B_QP, a2b_qp),
    (&CRC32, crc32),
    (&CRC_HQX, crc_hqx),
];

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with_declared(vm, "binascii", FUNCTIONS);
    super::set(&m, "Error", Value::Class(error_class(vm)));
    super::set(&m, "Incomplete", Value::Class(incomplete_class(vm)));
    Ok(m)
}

fn error_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("binascii.Error", |vm| {
        new_class(
            "Error",
            std::slice::from_ref(&vm.exc.value_error),
            Layout::Exception,
            "binascii",
        )
    })
}

fn incomplete_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("binascii.Incomplete", |vm| {
        new_class(
            "Incomplete",
            std::slice::from_ref(&vm.exc.exception),
            Layout::Exception,
            "binascii",
        )
    })
}

fn error(vm: &Vm, msg: impl Into<String>) -> PyErr {
    vm.new_error(&error_class(vm), msg)
}

/// Binary data: any bytes-like object.
pub(crate) fn binary<'a>(vm: &Vm, v: &'a Value) -> PyResult<Cow<'a, [u8]>> {
    bytes_like(v).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

/// ASCII input of the `a2b_*` functions: bytes-like, or a str of ASCII
/// characters only.
fn ascii<'a>(vm: &Vm, v: &'a Value) -> PyResult<Cow<'a, [u8]>> {
    match v {
        Value::Str(s) if s.as_str().is_ascii() => Ok(Cow::Borrowed(s.as_str().as_bytes())),
        Value::Str(_) => {
            Err(vm.value_error("string argument should contain only ASCII characters"))
        }
        other => bytes_like(other).ok_or_else(|| {
            vm.type_error(format!(
                "argument should be bytes, buffer or ASCII string, not '{}'",
                vm.type_name(other)
            ))
        }),
    }
}

// -- hex ------------------------------------------------------------------------------

static HEXLIFY: Signature = Signature::new(
    Style::Clinic,
    "hexlify",
    "data, sep=<unrepresentable>, bytes_per_sep=1",
)
.doc("Return the bytes of data as hexadecimal digits, optionally grouped by sep.");
static B2A_HEX: Signature = Signature::new(
    Style::Clinic,
    "b2a_hex",
    "data, sep=<unrepresentable>, bytes_per_sep=1",
)
.doc("Return the bytes of data as hexadecimal digits, optionally grouped by sep.");
static UNHEXLIFY: Signature = Signature::new(Style::Exact, "unhexlify", "hexstr, /")
    .doc("Return the bytes that a string of hexadecimal digit pairs spells.");
static A2B_HEX: Signature = Signature::new(Style::Exact, "a2b_hex", "hexstr, /")
    .doc("Return the bytes that a string of hexadecimal digit pairs spells.");

/// `hexlify(data, sep=None, bytes_per_sep=1)` (and `b2a_hex`).
fn hexlify(vm: &Vm, args: Args) -> PyResult {
    let ([data], [sep, per_sep]) = HEXLIFY.bind(vm, args)?;
    let data = binary(vm, data)?;
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(s) => Some(separator(vm, s)?),
    };
    let per_sep = per_sep.map_or(Ok(1), |v| vm.to_index(v))?;
    Ok(Value::bytes(
        hex_with_separator(&data, sep, per_sep).into_bytes(),
    ))
}

/// The one-character separator of `hexlify` and `bytes.hex`.
pub(crate) fn separator(vm: &Vm, sep: &Value) -> PyResult<u8> {
    let sep: Cow<[u8]> = match sep {
        Value::Str(s) => Cow::Borrowed(s.as_str().as_bytes()),
        other => binary(vm, other)?,
    };
    match *sep {
        [c] if c.is_ascii() => Ok(c),
        [_] => Err(vm.value_error("sep must be ASCII.")),
        _ => Err(vm.value_error("sep must be length 1.")),
    }
}

/// Lowercase hex, with `sep` every `per_sep` bytes counted from the right
/// (from the left when `per_sep` is negative).
pub(crate) fn hex_with_separator(data: &[u8], sep: Option<u8>, per_sep: i64) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let group = per_sep.unsigned_abs() as usize;
    let mut out = String::with_capacity(data.len() * 3);
    for (i, b) in data.iter().enumerate() {
        if let Some(sep) = sep.filter(|_| group > 0 && i > 0) {
            let boundary = if per_sep > 0 {
                (data.len() - i).is_multiple_of(group)
            } else {
                i % group == 0
            };
            if boundary {
                out.push(sep as char);
            }
        }
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
    out
}

fn unhexlify(vm: &Vm, args: Args) -> PyResult {
    let ([hexstr], []) = UNHEXLIFY.bind(vm, args)?;
    let text = ascii(vm, hexstr)?;
    if text.len() % 2 == 1 {
        return Err(error(vm, "Odd-length string"));
    }
    let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    text.chunks(2)
        .map(|pair| match (digit(pair[0]), digit(pair[1])) {
            (Some(hi), Some(lo)) => Ok(hi << 4 | lo),
            _ => Err(error(vm, "Non-hexadecimal digit found")),
        })
        .collect::<PyResult<Vec<u8>>>()
        .map(Value::bytes)
}

// -- base64 ---------------------------------------------------------------------------

static B2A_BASE64: Signature = Signature::new(
    Style::Clinic,
    "b2a_base64",
    "data, /, *, newline=True",
)
.doc("Return data encoded as a line of base64, with a newline at its end unless newline is false.");
static A2B_BASE64: Signature =
    Signature::new(Style::Clinic, "a2b_base64", "data, /, *, strict_mode=False").doc(
        "Return the bytes a base64 text encodes (rejecting any stray character in strict mode).",
    );

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b2a_base64(vm: &Vm, args: Args) -> PyResult {
    let ([data], [newline]) = B2A_BASE64.bind(vm, args)?;
    let data = binary(vm, data)?;
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let n = chunk.iter().fold(0u32, |acc, &b| acc << 8 | b as u32) << (8 * (3 - chunk.len()));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(BASE64[(n >> (18 - 6 * i) & 63) as usize]);
            } else {
                out.push(b'=');
            }
        }
    }
    if newline.map_or(Ok(true), |v| vm.truthy(v))? {
        out.push(b'\n');
    }
    Ok(Value::bytes(out))
}

fn base64_value(c: u8) -> Option<u32> {
    BASE64.iter().position(|&d| d == c).map(|i| i as u32)
}

/// Decodes base64 as CPython does: outside strict mode, characters that are
/// not base64 are skipped, and decoding stops at padding that completes a
/// quantum.
fn a2b_base64(vm: &Vm, args: Args) -> PyResult {
    let ([data], [strict]) = A2B_BASE64.bind(vm, args)?;
    let data = ascii(vm, data)?;
    let strict = strict.map_or(Ok(false), |v| vm.truthy(v))?;
    if strict && data.first() == Some(&b'=') {
        return Err(error(vm, "Leading padding not allowed"));
    }
    let mut out = Vec::with_capacity(data.len() / 4 * 3);
    let (mut quad_pos, mut pads, mut acc, mut data_chars) = (0u32, 0u32, 0u32, 0usize);
    let mut padding_started = false;
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            padding_started = true;
            if quad_pos >= 2 {
                pads += 1;
                if quad_pos + pads >= 4 {
                    if strict && i + 1 < data.len() {
                        return Err(error(vm, "Excess data after padding"));
                    }
                    return Ok(Value::bytes(out));
                }
            }
            continue;
        }
        let Some(v) = base64_value(c) else {
            if strict {
                return Err(error(vm, "Only base64 data is allowed"));
            }
            continue;
        };
        if strict && padding_started {
            return Err(error(vm, "Discontinuous padding not allowed"));
        }
        pads = 0;
        data_chars += 1;
        acc = acc << 6 | v;
        quad_pos = (quad_pos + 1) % 4;
        match quad_pos {
            2 => out.push((acc >> 4) as u8),
            3 => out.push((acc >> 2) as u8),
            0 => out.push(acc as u8),
            _ => {}
        }
        acc &= 0xff;
    }
    match quad_pos {
        0 => Ok(Value::bytes(out)),
        1 => Err(error(
            vm,
            format!(
                "Invalid base64-encoded string: number of data characters ({data_chars}) \
                 cannot be 1 more than a multiple of 4"
            ),
        )),
        _ => Err(error(vm, "Incorrect padding")),
    }
}

// -- uuencode ---------------------------------------------------------------------------

static B2A_UU: Signature = Signature::new(Style::Clinic, "b2a_uu", "data, /, *, backtick=False")
    .doc("Return one line of uuencoded data.");
static A2B_UU: Signature = Signature::new(Style::Exact, "a2b_uu", "data, /")
    .doc("Return the bytes one line of uuencoded text holds.");

/// One uuencoded line of at most 45 bytes.
fn b2a_uu(vm: &Vm, args: Args) -> PyResult {
    let ([data], [backtick]) = B2A_UU.bind(vm, args)?;
    let data = binary(vm, data)?;
    let backtick = backtick.map_or(Ok(false), |v| vm.truthy(v))?;
    if data.len() > 45 {
        return Err(error(vm, "At most 45 bytes at once"));
    }
    let char_of = |v: u8| if backtick && v == 0 { b'`' } else { b' ' + v };
    let mut out = vec![char_of(data.len() as u8)];
    for chunk in data.chunks(3) {
        let n = chunk.iter().fold(0u32, |acc, &b| acc << 8 | b as u32) << (8 * (3 - chunk.len()));
        for i in 0..4 {
            out.push(char_of((n >> (18 - 6 * i) & 63) as u8));
        }
    }
    out.push(b'\n');
    Ok(Value::bytes(out))
}

fn a2b_uu(vm: &Vm, args: Args) -> PyResult {
    let ([data], []) = A2B_UU.bind(vm, args)?;
    let data = ascii(vm, data)?;
    let Some((&len_char, rest)) = data.split_first() else {
        return Ok(Value::bytes(vec![0; 32]));
    };
    let length = (len_char.wrapping_sub(b' ') & 0o77) as usize;
    let mut out = Vec::with_capacity(length);
    let mut chars = rest.iter();
    let (mut acc, mut bits) = (0u32, 0u32);
    while out.len() < length {
        // Missing characters at the end of a line (stripped whitespace) count as zeros.
        let c = match chars.next() {
            None | Some(b'\n' | b'\r') => 0,
            Some(&c) if c == b'`' || (b' '..=b' ' + 64).contains(&c) => (c - b' ') & 0o77,
            Some(_) => return Err(error(vm, "Illegal char")),
        };
        acc = acc << 6 | c as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // What follows the data may only be padding and the line's end.
    for &c in chars {
        if !matches!(c, b' ' | b'`' | b'\n' | b'\r' | b'@') && c != b' ' + 64 {
            return Err(error(vm, "Trailing garbage"));
        }
    }
    Ok(Value::bytes(out))
}

// -- quoted-printable -----------------------------------------------------------------

static B2A_QP: Signature = Signature::new(
    Style::Clinic,
    "b2a_qp",
    "data, quotetabs=False, istext=True, header=False",
)
.doc("Return data encoded as quoted-printable.");
static A2B_QP: Signature = Signature::new(Style::Clinic, "a2b_qp", "data, header=False")
    .doc("Return the bytes quoted-printable data holds.");

/// The longest line `b2a_qp` writes, its soft line break included.
const QP_LINE: usize = 76;

fn b2a_qp(vm: &Vm, args: Args) -> PyResult {
    let ([data], [quotetabs, istext, header]) = B2A_QP.bind(vm, args)?;
    let data = binary(vm, data)?;
    let flag = |v: Option<&Value>, default| v.map_or(Ok(default), |v| vm.truthy(v));
    let (quotetabs, istext, header) = (
        flag(quotetabs, false)?,
        flag(istext, true)?,
        flag(header, false)?,
    );
    // Line ends are written as the data writes its first one.
    let crlf = data
        .iter()
        .position(|&c| c == b'\n')
        .is_some_and(|i| i > 0 && data[i - 1] == b'\r');
    let mut out = Vec::with_capacity(data.len() * 3 / 2);
    let mut line_len = 0;
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        let at_line_end = |j: usize| {
            j + 1 == data.len()
                || data[j + 1] == b'\n'
                || (data[j + 1] == b'\r' && data.get(j + 2) == Some(&b'\n'))
        };
        let line_break = istext && (c == b'\n' || (c == b'\r' && data.get(i + 1) == Some(&b'\n')));
        if line_break {
            // A space or tab before a line end would be lost in transport.
            if let Some(&last) = out.last() {
                if line_len > 0 && (last == b' ' || last == b'\t') {
                    out.pop();
                    out.extend_from_slice(format!("={last:02X}").as_bytes());
                }
            }
            out.extend_from_slice(if crlf { b"\r\n" } else { b"\n" });
            line_len = 0;
            i += if c == b'\r' { 2 } else { 1 };
            continue;
        }
        let quote = c > 126
            || c == b'='
            || (header && c == b'_')
            || (c == b'.' && line_len == 0 && at_line_end(i))
            || (!istext && (c == b'\r' || c == b'\n'))
            || ((c == b'\t' || c == b' ') && i + 1 == data.len())
            || (c < 33 && c != b'\r' && c != b'\n' && (quotetabs || (c != b'\t' && c != b' ')));
        let piece: Vec<u8> = if quote {
            format!("={c:02X}").into_bytes()
        } else if header && c == b' ' {
            vec![b'_']
        } else {
            vec![c]
        };
        if line_len + piece.len() > QP_LINE - 1
            && !(i + 1 == data.len() && line_len + piece.len() <= QP_LINE)
        {
            out.extend_from_slice(if crlf { b"=\r\n" } else { b"=\n" });
            line_len = 0;
        }
        line_len += piece.len();
        out.extend_from_slice(&piece);
        i += 1;
    }
    Ok(Value::bytes(out))
}

fn a2b_qp(vm: &Vm, args: Args) -> PyResult {
    let ([data], [header]) = A2B_QP.bind(vm, args)?;
    let data = ascii(vm, data)?;
    let header = header.map_or(Ok(false), |v| vm.truthy(v))?;
    let hex = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        if c == b'=' {
            i += 1;
            match (data.get(i), data.get(i + 1)) {
                (None, _) => break,
                // A soft line break: '=' ends the line (anything up to its '\n' is dropped).
                (Some(b'\n' | b'\r'), _) => {
                    while i < data.len() && data[i] != b'\n' {
                        i += 1;
                    }
                    i += 1;
                }
                // "==" decodes to one '=' (older encoders wrote it).
                (Some(b'='), _) => {
                    out.push(b'=');
                    i += 1;
                }
                (Some(&a), Some(&b)) if hex(a).is_some() && hex(b).is_some() => {
                    out.push(hex(a).unwrap_or(0) << 4 | hex(b).unwrap_or(0));
                    i += 2;
                }
                _ => out.push(b'='),
            }
        } else {
            out.push(if header && c == b'_' { b' ' } else { c });
            i += 1;
        }
    }
    Ok(Value::bytes(out))
}

// -- checksums ------------------------------------------------------------------------

static CRC32: Signature = Signature::new(Style::Positional, "crc32", "data, crc=0, /")
    .doc("Return the CRC-32 checksum of data, continuing from crc.");
static CRC_HQX: Signature = Signature::new(Style::Positional, "crc_hqx", "data, crc, /")
    .doc("Return the CRC-CCITT checksum of data, continuing from crc.");

/// The low `bits` bits of an int argument, as C's unsigned conversion keeps them.
fn low_bits(vm: &Vm, v: &Value, bits: u32) -> PyResult<u32> {
    let n = crate::builtins::number::to_bigint(vm, v)?;
    let modulus = num_bigint::BigInt::from(1u64 << bits);
    let n = ((n % &modulus) + &modulus) % &modulus;
    Ok(u32::try_from(&n).unwrap_or(0))
}

fn crc32(vm: &Vm, args: Args) -> PyResult {
    let ([data], [crc]) = CRC32.bind(vm, args)?;
    let data = binary(vm, data)?;
    let start = crc.map_or(Ok(0), |v| low_bits(vm, v, 32))?;
    let mut h = crc32fast::Hasher::new_with_initial(start);
    h.update(&data);
    Ok(Value::Int(h.finalize() as i64))
}

/// CRC-CCITT (polynomial 0x1021, no reflection), as BinHex uses.
fn crc_hqx(vm: &Vm, args: Args) -> PyResult {
    let ([data, crc], []) = CRC_HQX.bind(vm, args)?;
    let data = binary(vm, data)?;
    let mut crc = low_bits(vm, crc, 16)? as u16;
    for &b in data.iter() {
        crc ^= (b as u16) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                crc << 1 ^ 0x1021
            } else {
                crc << 1
            };
        }
    }
    Ok(Value::Int(crc as i64))
}
