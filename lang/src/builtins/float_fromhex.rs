//! `float.fromhex`: reads what `float.hex()` writes (and the looser forms
//! CPython accepts), rounding to the nearest float, ties to even.

use crate::objects::{Args, PyResult, Signature, Style, Value};
use crate::vm::Vm;
use num_bigint::BigUint;
use num_traits::{One, ToPrimitive, Zero};
use std::rc::Rc;

pub(super) static FROMHEX: Signature = Signature::new(Style::Exact, "float.fromhex", "$type, string, /")
    .doc("Return the float written in hexadecimal in a string, as float.hex() writes it.\n\nThe form is [sign]['0x']digits['.'digits]['p'exponent], the exponent a power of two in decimal; 'inf' and 'nan' are accepted too.");

pub(super) fn fromhex(vm: &Vm, args: Args) -> PyResult {
    let ([cls, text], []) = FROMHEX.bind(vm, args)?;
    let Value::Str(s) = text.builtin_base() else {
        return Err(vm.type_error("bad argument type for built-in operation"));
    };
    let value = match parse(s.as_str()) {
        Parsed::Value(v) => v,
        Parsed::Invalid => return Err(vm.value_error("invalid hexadecimal floating-point string")),
        Parsed::TooLarge => {
            return Err(vm.new_error(
                &vm.exc.overflow_error,
                "hexadecimal value too large to represent as a float",
            ))
        }
    };
    match cls {
        Value::Class(c) if Rc::ptr_eq(c, &vm.types.float) => Ok(Value::float(value)),
        // A subclass is built from the float, as CPython does.
        other => vm.call(other, &[Value::float(value)]),
    }
}

enum Parsed {
    Value(f64),
    Invalid,
    TooLarge,
}

fn parse(text: &str) -> Parsed {
    let text = text.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\x0b');
    let (negative, body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let sign = if negative { -1.0 } else { 1.0 };
    let lower = body.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Parsed::Value(sign * f64::INFINITY);
    }
    if lower == "nan" {
        return Parsed::Value(f64::NAN.copysign(sign));
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (number, exponent) = match body.split_once('p') {
        Some((number, exponent)) => (number, Some(exponent)),
        None => (body, None),
    };
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let hex = |s: &str| s.bytes().all(|b| b.is_ascii_hexdigit());
    if whole.len() + fraction.len() == 0 || !hex(whole) || !hex(fraction) {
        return Parsed::Invalid;
    }
    let exponent: i64 = match exponent {
        None => 0,
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Parsed::Invalid;
            }
            // Far beyond any float's range; the exact value no longer matters.
            let magnitude = digits.parse::<i64>().unwrap_or(i64::MAX / 4).min(1 << 40);
            if e.starts_with('-') {
                -magnitude
            } else {
                magnitude
            }
        }
    };
    let digits = format!("{whole}{fraction}");
    let mantissa = BigUint::parse_bytes(digits.as_bytes(), 16).unwrap_or_default();
    let scale = exponent - 4 * fraction.len() as i64;
    match round_to_float(&mantissa, scale) {
        Some(v) => Parsed::Value(sign * v),
        None => Parsed::TooLarge,
    }
}

/// `mantissa * 2**scale` rounded to the nearest float (ties to even);
/// None when it overflows.
fn round_to_float(mantissa: &BigUint, scale: i64) -> Option<f64> {
    if mantissa.is_zero() {
        return Some(0.0);
    }
    let bits = mantissa.bits() as i64;
    // The value lies in [2**top, 2**(top + 1)).
    let top = bits - 1 + scale;
    if top > 1023 {
        return None;
    }
    // Below half the smallest subnormal: rounds to zero.
    if top < -1075 {
        return Some(0.0);
    }
    // Significant bits the float keeps: 53, fewer for subnormal numbers.
    let precision = 53.min(top + 1075);
    let drop = bits - precision;
    let (kept, lsb_scale) = if drop > 0 {
        let drop_u = drop as u64;
        let kept = mantissa >> drop_u;
        let rest = mantissa - (&kept << drop_u);
        let half = BigUint::one() << (drop_u - 1);
        let odd = (&kept & BigUint::one()) == BigUint::one();
        let kept = if rest > half || (rest == half && odd) {
            kept + 1u32
        } else {
            kept
        };
        (kept, scale + drop)
    } else {
        (mantissa.clone(), scale)
    };
    let kept = kept.to_u64()? as f64;
    // Both steps are exact: the result is representable by construction.
    let value = if lsb_scale >= -1022 {
        kept * power_of_two(lsb_scale)
    } else {
        kept * power_of_two(lsb_scale.max(-1074) + 200) * power_of_two(-200)
    };
    value.is_finite().then_some(value)
}

/// 2**k for -1022 <= k <= 1023, exactly (k is clamped to that range).
fn power_of_two(k: i64) -> f64 {
    f64::from_bits(((k.clamp(-1022, 1023) + 1023) as u64) << 52)
}
