//! `struct` format strings: parsing, sizes and alignment, and packing and
//! unpacking of single items, with CPython's `struct.error` messages.
//!
//! A format is parsed once into a [`Layout`]: one [`Field`] per format
//! character with its repeat count (`'1000i'` is one field, so huge counts
//! cost nothing until data is packed). Sizes and alignment are CPython's on
//! x86-64 Linux: native mode (`@`) uses the C sizes (`l` is 8 bytes) and
//! aligns every item to its size; the standard modes (`=<>!`) use fixed sizes
//! and no alignment.
//!
//! The range checks reproduce CPython's quirks: which message an integer out
//! of range gets depends on the format character *and* the byte order,
//! because CPython packs little-endian standard formats with its native
//! routines where sizes agree (see [`int_rule`]).

use crate::objects::{PyErr, PyResult, Value};
use crate::vm::Vm;
use num_traits::ToPrimitive;

/// Byte order and size mode: the first character of a format.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Mode {
    /// `@`: native order, C sizes, alignment.
    Native,
    /// `=` and `<`: little-endian standard sizes (the host is little-endian).
    Little,
    /// `>` and `!`: big-endian standard sizes.
    Big,
}

impl Mode {
    fn little_endian(self) -> bool {
        self != Mode::Big
    }
}

/// One format character and its repeat count.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Field {
    pub code: u8,
    /// For `s` and `p` the string's length; otherwise how many items.
    pub count: usize,
    /// Size of one item (of the whole string for `s`/`p`).
    pub size: usize,
    /// Where the first item starts in the packed bytes.
    pub offset: usize,
}

/// A parsed format.
#[derive(Debug)]
pub(crate) struct Layout {
    pub mode: Mode,
    pub fields: Vec<Field>,
    /// Packed size in bytes.
    pub size: usize,
    /// How many values pack consumes and unpack produces.
    pub nvalues: usize,
}

/// Size of one item of `code` in `mode`; `None` for characters the mode lacks.
pub(crate) fn item_size(code: u8, mode: Mode) -> Option<usize> {
    Some(match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' if mode == Mode::Native => 8,
        b'l' | b'L' => 4,
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if mode == Mode::Native => 8,
        _ => return None,
    })
}

/// Parses `format` (the text of a `str` or `bytes` format) as CPython does.
pub(crate) fn parse(vm: &Vm, format: &[u8]) -> PyResult<Layout> {
    let (mode, body) = match format.first() {
        Some(b'@') => (Mode::Native, &format[1..]),
        Some(b'=' | b'<') => (Mode::Little, &format[1..]),
        Some(b'>' | b'!') => (Mode::Big, &format[1..]),
        _ => (Mode::Native, format),
    };
    let too_long = || error(vm, "total struct size too long");
    let mut fields = Vec::new();
    let (mut size, mut nvalues) = (0usize, 0usize);
    let mut i = 0;
    while i < body.len() {
        let mut c = body[i];
        i += 1;
        if c.is_ascii_whitespace() {
            continue;
        }
        let mut count = 1usize;
        if c.is_ascii_digit() {
            count = (c - b'0') as usize;
            loop {
                match body.get(i) {
                    Some(d) if d.is_ascii_digit() => {
                        count = count
                            .checked_mul(10)
                            .and_then(|n| n.checked_add((d - b'0') as usize))
                            .filter(|&n| n <= isize::MAX as usize)
                            .ok_or_else(too_long)?;
                        i += 1;
                    }
                    Some(&d) => {
                        c = d;
                        i += 1;
                        break;
                    }
                    None => return Err(error(vm, "repeat count given without format specifier")),
                }
            }
        }
        let item = item_size(c, mode).ok_or_else(|| error(vm, "bad char in struct format"))?;
        if mode == Mode::Native && item > 1 && !matches!(c, b's' | b'p') {
            size = size.checked_next_multiple_of(item).ok_or_else(too_long)?;
        }
        let (field_size, values) = match c {
            b's' | b'p' => (count, 1),
            b'x' => (1, 0),
            _ => (item, count),
        };
        let total = if matches!(c, b's' | b'p') {
            count
        } else {
            field_size.checked_mul(count).ok_or_else(too_long)?
        };
        fields.push(Field {
            code: c,
            count,
            size: field_size,
            offset: size,
        });
        size = size
            .checked_add(total)
            .filter(|&n| n <= isize::MAX as usize)
            .ok_or_else(too_long)?;
        nvalues += values;
    }
    Ok(Layout {
        mode,
        fields,
        size,
        nvalues,
    })
}

pub(crate) fn error(vm: &Vm, msg: impl Into<String>) -> PyErr {
    vm.new_error(&super::error_class(vm), msg)
}

// -- unpacking ------------------------------------------------------------------------

impl Layout {
    /// The values packed in `data`, which is exactly `self.size` bytes.
    pub(crate) fn unpack(&self, data: &[u8]) -> Vec<Value> {
        let mut out = Vec::with_capacity(self.nvalues);
        for f in &self.fields {
            match f.code {
                b'x' => {}
                b's' => out.push(bytes(&data[f.offset..f.offset + f.count])),
                b'p' => {
                    let field = &data[f.offset..f.offset + f.count];
                    let n = match field.first() {
                        Some(&n) => (n as usize).min(f.count - 1),
                        None => 0,
                    };
                    out.push(bytes(&field[field.len().min(1)..][..n]));
                }
                code => {
                    for k in 0..f.count {
                        let at = f.offset + k * f.size;
                        out.push(unpack_item(code, self.mode, &data[at..at + f.size]));
                    }
                }
            }
        }
        out
    }
}

fn bytes(b: &[u8]) -> Value {
    Value::Bytes(std::rc::Rc::new(b.to_vec()))
}

/// One item of `code` (not `x`, `s` or `p`) from its bytes.
pub(crate) fn unpack_item(code: u8, mode: Mode, raw: &[u8]) -> Value {
    let mut word = [0u8; 8];
    if mode.little_endian() {
        word[..raw.len()].copy_from_slice(raw);
    } else {
        for (k, b) in raw.iter().rev().enumerate() {
            word[k] = *b;
        }
    }
    let unsigned = u64::from_le_bytes(word);
    let bits = raw.len() as u32 * 8;
    let signed = || {
        let shift = 64 - bits;
        ((unsigned << shift) as i64) >> shift
    };
    match code {
        b'c' => bytes(&raw[..1]),
        b'?' => Value::from_bool(unsigned != 0),
        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => Value::Int(signed()),
        b'e' => Value::float(half::f16::from_bits(unsigned as u16).to_f64()),
        b'f' => Value::float(f32::from_bits(unsigned as u32) as f64),
        b'd' => Value::float(f64::from_bits(unsigned)),
        _ => match i64::try_from(unsigned) {
            Ok(i) => Value::Int(i),
            Err(_) => Value::from_bigint(unsigned.into()),
        },
    }
}

// -- packing --------------------------------------------------------------------------

impl Layout {
    /// Packs `values` (exactly `self.nvalues` of them) into `out`, which is
    /// `self.size` zeroed bytes.
    pub(crate) fn pack(&self, vm: &Vm, values: &[Value], out: &mut [u8]) -> PyResult<()> {
        let mut values = values.iter();
        for f in &self.fields {
            match f.code {
                b'x' => {}
                b's' | b'p' => {
                    let v = values.next().expect("count checked by the caller");
                    let data = string_arg(vm, v, f.code)?;
                    let dest = &mut out[f.offset..f.offset + f.count];
                    if f.code == b's' {
                        let n = data.len().min(dest.len());
                        dest[..n].copy_from_slice(&data[..n]);
                    } else if !dest.is_empty() {
                        // The length byte saturates at 255; the data still fills the field.
                        let n = data.len().min(dest.len() - 1);
                        dest[0] = n.min(255) as u8;
                        dest[1..1 + n].copy_from_slice(&data[..n]);
                    }
                }
                code => {
                    for k in 0..f.count {
                        let v = values.next().expect("count checked by the caller");
                        let at = f.offset + k * f.size;
                        pack_item(vm, code, self.mode, v, &mut out[at..at + f.size]).map_err(
                            |e| {
                                // As CPython: an int that overflows a float format.
                                let int = matches!(
                                    v.builtin_base(),
                                    Value::Int(_) | Value::BigInt(_) | Value::Bool(_)
                                );
                                if int && vm.err_is(&e, &vm.exc.overflow_error) {
                                    error(vm, "int too large to convert")
                                } else {
                                    e
                                }
                            },
                        )?;
                    }
                }
            }
        }
        Ok(())
    }
}

/// The bytes of an `s`/`p` argument: `bytes` or `bytearray` only.
fn string_arg(vm: &Vm, v: &Value, code: u8) -> PyResult<Vec<u8>> {
    match v.builtin_base() {
        Value::Bytes(b) => Ok(b.to_vec()),
        other => match other.downcast_native::<crate::builtins::bytearray::ByteArray>() {
            Some(ba) => Ok(ba.bytes.borrow().clone()),
            None => Err(error(
                vm,
                format!("argument for '{}' must be a bytes object", code as char),
            )),
        },
    }
}

/// Writes `value` as one item of `code` into `dest`.
pub(crate) fn pack_item(vm: &Vm, code: u8, mode: Mode, v: &Value, dest: &mut [u8]) -> PyResult<()> {
    let word: u64 = match code {
        b'c' => match v.builtin_base() {
            Value::Bytes(b) if b.len() == 1 => b[0] as u64,
            _ => return Err(error(vm, "char format requires a bytes object of length 1")),
        },
        b'?' => vm.truthy(v)? as u64,
        b'e' | b'f' | b'd' => {
            let x = crate::builtins::number::to_f64(vm, v)
                .map_err(|_| error(vm, "required argument is not a float"))?;
            match code {
                b'd' => x.to_bits(),
                b'f' => {
                    let y = x as f32;
                    if y.is_infinite() && x.is_finite() && mode != Mode::Native {
                        return Err(vm.overflow_error("float too large to pack with f format"));
                    }
                    y.to_bits() as u64
                }
                _ => {
                    let y = half::f16::from_f64(x);
                    if y.is_infinite() && x.is_finite() {
                        return Err(vm.overflow_error("float too large to pack with e format"));
                    }
                    y.to_bits() as u64
                }
            }
        }
        _ => pack_int(vm, code, mode, v)?,
    };
    let bytes = word.to_le_bytes();
    if mode.little_endian() {
        dest.copy_from_slice(&bytes[..dest.len()]);
    } else {
        for (k, b) in dest.iter_mut().rev().enumerate() {
            *b = bytes[k];
        }
    }
    Ok(())
}

/// How CPython first converts an integer for a format character, and what
/// it says when that fails.
#[derive(Clone, Copy)]
enum Conversion {
    /// To a C `long`: "argument out of range" outside i64.
    Long,
    /// To a C `unsigned long`: "argument out of range" when negative or too big.
    ULong,
    /// Big-endian `q`: "int too large to convert" outside i64.
    LongLong,
    /// Big-endian `Q`: "int too large to convert" when negative or too big.
    ULongLong,
    /// `P`: any value from -2**63 to 2**64-1 (negative ones wrap).
    Pointer,
}

/// The second check, against the item's own range, and its wording.
#[derive(Clone, Copy)]
enum RangeText {
    /// The conversion already guarantees the range.
    None,
    /// "byte format requires -128 <= number <= 127" (CPython's native
    /// routines for the one- and two-byte codes).
    Named(&'static str),
    /// "'i' format requires -2147483648 <= number <= 2147483647".
    Quoted,
}

/// CPython's conversion and range message for an integer code in a mode.
fn int_rule(code: u8, mode: Mode) -> (Conversion, RangeText) {
    use Conversion::*;
    use RangeText::{Named, Quoted};
    match (code, mode) {
        (b'b', _) => (Long, Named("byte")),
        (b'B', _) => (Long, Named("ubyte")),
        (b'h', Mode::Big) => (Long, Quoted),
        (b'h', _) => (Long, Named("short")),
        (b'H', Mode::Big) => (ULong, Quoted),
        (b'H', _) => (Long, Named("ushort")),
        (b'i', _) => (Long, Quoted),
        (b'I', _) => (ULong, Quoted),
        (b'l', Mode::Native) | (b'q' | b'n', Mode::Native | Mode::Little) => {
            (Long, RangeText::None)
        }
        (b'l', _) => (Long, Quoted),
        (b'L', Mode::Native) | (b'Q' | b'N', Mode::Native | Mode::Little) => {
            (ULong, RangeText::None)
        }
        (b'L', _) => (ULong, Quoted),
        (b'q', _) => (LongLong, RangeText::None),
        (b'Q', _) => (ULongLong, RangeText::None),
        _ => (Pointer, RangeText::None),
    }
}

/// An integer argument for `code`, as the low bits of a word.
fn pack_int(vm: &Vm, code: u8, mode: Mode, v: &Value) -> PyResult<u64> {
    let n = int_value(vm, v)?;
    let (conversion, range) = int_rule(code, mode);
    let fits = |lo: i128, hi: i128| n.is_some_and(|n| (lo..=hi).contains(&n));
    let (lo64, hi64) = (i64::MIN as i128, i64::MAX as i128);
    let converted = match conversion {
        Conversion::Long => fits(lo64, hi64),
        Conversion::ULong => fits(0, u64::MAX as i128),
        Conversion::LongLong => fits(lo64, hi64),
        Conversion::ULongLong => fits(0, u64::MAX as i128),
        Conversion::Pointer => fits(lo64, u64::MAX as i128),
    };
    if !converted {
        return Err(error(
            vm,
            match conversion {
                Conversion::Long | Conversion::ULong => "argument out of range",
                _ => "int too large to convert",
            },
        ));
    }
    let n = n.expect("checked above");
    let bits = item_size(code, mode).expect("a valid code") as u32 * 8;
    let signed = matches!(code, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
    let (lo, hi) = if signed {
        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
    } else {
        (0, (1i128 << bits) - 1)
    };
    if !matches!(range, RangeText::None) && !(lo..=hi).contains(&n) {
        return Err(error(
            vm,
            match range {
                RangeText::Named(name) => format!("{name} format requires {lo} <= number <= {hi}"),
                _ => format!("'{}' format requires {lo} <= number <= {hi}", code as char),
            },
        ));
    }
    Ok(n as u64)
}

/// An integer argument (through `__index__`), `None` when it does not fit in
/// 128 bits; struct.error when the value is not an integer.
fn int_value(vm: &Vm, v: &Value) -> PyResult<Option<i128>> {
    match v.builtin_base() {
        Value::Int(i) => Ok(Some(*i as i128)),
        Value::Bool(b) => Ok(Some(b.get() as i128)),
        Value::BigInt(b) => Ok(b.to_i128()),
        other if vm.class_of(other).lookup_str("__index__").is_some() => {
            let r = vm.call_method(other, "__index__", &[])?;
            match r {
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => int_value(vm, &r),
                _ => Err(vm.type_error(format!(
                    "__index__ returned non-int (type {})",
                    vm.type_name(&r)
                ))),
            }
        }
        _ => Err(error(vm, "required argument is not an integer")),
    }
}
