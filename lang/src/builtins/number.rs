//! `int`, `bool` and `float`: constructors and methods.

use crate::objects::{Args, PyResult, Signature, Style, Value};
use crate::vm::types::{add_declared_classmethod, add_declared_methods, add_methods, bool_class};
use crate::vm::Vm;
use num_bigint::BigInt;

pub fn install(vm: &Vm) {
    add_methods(&vm.types.int, "int", &[("__new__", int_new)]);
    add_declared_methods(
        &vm.types.int,
        "int",
        &[
            (&INT_BIT_LENGTH, int_bit_length),
            (&INT_BIT_COUNT, int_bit_count),
            (&INT_CONJUGATE, int_conjugate),
            (&INT_TO_BYTES, int_to_bytes),
            (&INT_AS_INTEGER_RATIO, int_as_integer_ratio),
        ],
    );
    add_declared_classmethod(vm, &vm.types.int, &INT_FROM_BYTES, int_from_bytes);
    add_declared_classmethod(
        vm,
        &vm.types.float,
        &super::float_fromhex::FROMHEX,
        super::float_fromhex::fromhex,
    );
    add_methods(&bool_class(vm), "bool", &[("__new__", bool_new)]);
    add_methods(&vm.types.float, "float", &[("__new__", float_new)]);
    add_declared_methods(
        &vm.types.float,
        "float",
        &[
            (&FLOAT_IS_INTEGER, float_is_integer),
            (&FLOAT_AS_INTEGER_RATIO, float_as_integer_ratio),
            (&FLOAT_CONJUGATE, float_conjugate),
            (&FLOAT_HEX, float_hex),
        ],
    );
}

static INT_BIT_LENGTH: Signature = Signature::new(Style::Exact, "int.bit_length", "$self, /").doc(
    "Return how many bits the absolute value needs in binary, without sign and leading zeros.",
);
static INT_CONJUGATE: Signature =
    Signature::undocumented(Style::Exact, "int.conjugate", "$self, /")
        .doc("Return the integer itself (the conjugate of a real number).");
static INT_AS_INTEGER_RATIO: Signature =
    Signature::new(Style::Exact, "int.as_integer_ratio", "$self, /")
        .doc("Return the pair (self, 1): the integer as a fraction.");
static INT_TO_BYTES: Signature = Signature::new(
    Style::Clinic,
    "int.to_bytes",
    "$self, /, length=1, byteorder='big', *, signed=False",
).doc("Return the integer as an array of length bytes.\n\nbyteorder is 'big' (most significant byte first) or 'little'. With signed=True, negative numbers are written in two's complement; otherwise they raise OverflowError, as do numbers that do not fit.");
static INT_FROM_BYTES: Signature = Signature::new(
    Style::Clinic,
    "int.from_bytes",
    "$type, /, bytes, byteorder='big', *, signed=False",
).doc("Return the integer that an array of bytes represents.\n\nbyteorder is 'big' (most significant byte first) or 'little'; with signed=True, the bytes are read in two's complement.");
static FLOAT_IS_INTEGER: Signature = Signature::new(Style::Exact, "float.is_integer", "$self, /")
    .doc("Return True if the float has no fractional part.");
static FLOAT_AS_INTEGER_RATIO: Signature =
    Signature::new(Style::Exact, "float.as_integer_ratio", "$self, /").doc("Return the pair of integers (numerator, denominator), the denominator positive and as small as possible, whose ratio is exactly the float.");
static FLOAT_CONJUGATE: Signature = Signature::new(Style::Exact, "float.conjugate", "$self, /")
    .doc("Return the float itself (the conjugate of a real number).");
static FLOAT_HEX: Signature = Signature::new(Style::Exact, "float.hex", "$self, /")
    .doc("Return the float written in hexadecimal, as float.fromhex() reads it.");

/// An int value (int, bool or big int) as a BigInt; TypeError otherwise.
pub fn to_bigint(vm: &Vm, v: &Value) -> PyResult<BigInt> {
    match v.builtin_base() {
        Value::Int(i) => Ok(BigInt::from(*i)),
        Value::Bool(b) => Ok(BigInt::from(b.get() as i64)),
        Value::BigInt(b) => Ok((**b).clone()),
        Value::Instance(_) => Ok(BigInt::from(vm.to_index(v)?)),
        other => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(other)
        ))),
    }
}

/// A number as f64 (`float(x)` for ints and floats).
pub fn to_f64(vm: &Vm, v: &Value) -> PyResult<f64> {
    match v.builtin_base() {
        Value::Float(f) => Ok(f.get()),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(b.get() as i64 as f64),
        Value::BigInt(b) => crate::fmt::bigint_to_f64(b)
            .ok_or_else(|| vm.overflow_error("int too large to convert to float")),
        other => match vm.class_of(other).lookup_str("__float__") {
            Some(m) => match vm.call_bound(&m, other, &[])? {
                Value::Float(f) => Ok(f.get()),
                r => Err(vm.type_error(format!(
                    "{}.__float__ returned non-float (type {})",
                    vm.type_name(other),
                    vm.type_name(&r)
                ))),
            },
            None => match vm.class_of(other).lookup_str("__index__") {
                Some(_) => Ok(vm.to_index(other)? as f64),
                None => {
                    Err(vm.type_error(format!("must be real number, not {}", vm.type_name(other))))
                }
            },
        },
    }
}

fn int_new(vm: &Vm, args: Args) -> PyResult {
    super::payload::construct(vm, args, &vm.types.int, |vm, args, _| int_value(vm, args))
}

/// `int(x=0, base=10)` from the arguments after the class.
fn int_value(vm: &Vm, args: Args) -> PyResult {
    args.check_pos(vm, "int", 0, 2)?;
    let base = args.arg_or_kw(1, "base");
    let Some(x) = args.arg_or_kw(0, "x") else {
        return Ok(Value::Int(0));
    };
    if let Some(base) = base {
        let b = vm.to_index(base)?;
        if b != 0 && !(2..=36).contains(&b) {
            return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        return match x.builtin_base() {
            Value::Str(s) => parse_int_value(vm, s.as_str(), b as u32),
            Value::Bytes(bts) => parse_int_value(vm, &String::from_utf8_lossy(bts), b as u32),
            _ => Err(vm.type_error("int() can't convert non-string with explicit base")),
        };
    }
    int_of(vm, x)
}

/// `int(x)` with one argument.
pub(crate) fn int_of(vm: &Vm, x: &Value) -> PyResult {
    match x {
        Value::Int(_) | Value::BigInt(_) => Ok(x.clone()),
        Value::Bool(b) => Ok(Value::Int(b.get() as i64)),
        Value::Float(f) => {
            if f.get().is_nan() {
                return Err(vm.value_error("cannot convert float NaN to integer"));
            }
            if f.get().is_infinite() {
                return Err(vm.overflow_error("cannot convert float infinity to integer"));
            }
            Ok(crate::fmt::float_to_bigint(f.get())
                .map(Value::from_bigint)
                .unwrap_or(Value::Int(0)))
        }
        Value::Str(s) => parse_int_value(vm, s.as_str(), 10),
        Value::Bytes(b) => parse_int_value(vm, &String::from_utf8_lossy(b), 10),
        other => {
            let class = vm.class_of(other);
            for name in ["__int__", "__index__", "__trunc__"] {
                if let Some(m) = class.lookup_str(name) {
                    return vm.call_bound(&m, other, &[]);
                }
            }
            // A str or bytes subclass without those methods: its text.
            if let base @ (Value::Str(_) | Value::Bytes(_)) = other.builtin_base() {
                return int_of(vm, base);
            }
            Err(vm.type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                class.name
            )))
        }
    }
}

/// `int(s)` for the common text: an optional sign and at most 18 ASCII digits, nothing
/// else (no spaces, underscores or non-ASCII digits, which take the general parser).
fn small_decimal(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    let (negative, digits) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    };
    if digits.is_empty() || digits.len() > 18 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let v = digits.iter().fold(0i64, |v, &d| v * 10 + (d - b'0') as i64);
    Some(if negative { -v } else { v })
}

fn parse_int_value(vm: &Vm, s: &str, base: u32) -> PyResult {
    if base == 10 {
        if let Some(i) = small_decimal(s) {
            return Ok(Value::Int(i));
        }
    }
    match crate::fmt::parse_int_checked(s, base, true) {
        Ok(i) => Ok(Value::from_bigint(i)),
        Err(crate::fmt::IntParseError::TooManyDigits(n)) => Err(vm.value_error(format!(
            "Exceeds the limit (4300 digits) for integer string conversion: value has {n} digits; use sys.set_int_max_str_digits() to increase the limit"
        ))),
        Err(_) => Err(vm.value_error(format!("invalid literal for int() with base {base}: {}", crate::objects::str::repr_str(s)))),
    }
}

fn bool_new(vm: &Vm, args: Args) -> PyResult {
    let args = args.skip_first();
    args.check(vm, "bool", 0, 1)?;
    Ok(Value::from_bool(match args.get(0) {
        Some(v) => vm.truthy(v)?,
        None => false,
    }))
}

fn float_new(vm: &Vm, args: Args) -> PyResult {
    super::payload::construct(vm, args, &vm.types.float, |vm, args, _| {
        float_value(vm, args)
    })
}

/// `float(x=0.0)` from the arguments after the class.
fn float_value(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "float", 0, 1)?;
    let Some(x) = args.get(0) else {
        return Ok(Value::float(0.0));
    };
    match x.builtin_base() {
        Value::Str(s) => crate::fmt::parse_float(s.as_str())
            .map(Value::float)
            .ok_or_else(|| {
                vm.value_error(format!(
                    "could not convert string to float: {}",
                    crate::objects::str::repr_str(s.as_str())
                ))
            }),
        Value::Bytes(b) => std::str::from_utf8(b)
            .ok()
            .and_then(crate::fmt::parse_float)
            .map(Value::float)
            .ok_or_else(|| {
                vm.value_error(format!(
                    "could not convert string to float: {}",
                    crate::objects::bytes::repr_bytes(b)
                ))
            }),
        other => {
            let class = vm.class_of(x);
            let real = matches!(
                other,
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_)
            ) || class.lookup_str("__float__").is_some()
                || class.lookup_str("__index__").is_some();
            if !real {
                return Err(vm.type_error(format!(
                    "float() argument must be a string or a real number, not '{}'",
                    vm.type_name(x)
                )));
            }
            Ok(Value::float(to_f64(vm, other)?))
        }
    }
}

fn self_int(vm: &Vm, args: &Args) -> PyResult<BigInt> {
    to_bigint(vm, args.get(0).unwrap_or(&Value::None))
}

fn int_bit_length(vm: &Vm, args: Args) -> PyResult {
    INT_BIT_LENGTH.check(vm, args)?;
    Ok(Value::Int(self_int(vm, &args)?.bits() as i64))
}

static INT_BIT_COUNT: Signature = Signature::new(Style::Exact, "int.bit_count", "$self, /")
    .doc("Return how many ones the binary form of the absolute value has (the population count).");

fn int_bit_count(vm: &Vm, args: Args) -> PyResult {
    INT_BIT_COUNT.check(vm, args)?;
    let ones: u64 = self_int(vm, &args)?
        .magnitude()
        .iter_u64_digits()
        .map(|digit| u64::from(digit.count_ones()))
        .sum();
    Ok(Value::Int(ones as i64))
}

fn int_conjugate(vm: &Vm, args: Args) -> PyResult {
    INT_CONJUGATE.check(vm, args)?;
    Ok(Value::from_bigint(self_int(vm, &args)?))
}

fn int_as_integer_ratio(vm: &Vm, args: Args) -> PyResult {
    INT_AS_INTEGER_RATIO.check(vm, args)?;
    Ok(Value::tuple(vec![
        Value::from_bigint(self_int(vm, &args)?),
        Value::Int(1),
    ]))
}

/// `byteorder` and `signed` of `to_bytes`/`from_bytes`, checked as CPython does:
/// true for big-endian.
fn byteorder_and_sign(
    vm: &Vm,
    byteorder: Option<&Value>,
    signed: Option<&Value>,
    name: &str,
) -> PyResult<(bool, bool)> {
    let big = match byteorder {
        None => true,
        Some(Value::Str(s)) => match s.as_str() {
            "big" => true,
            "little" => false,
            _ => return Err(vm.value_error("byteorder must be either 'little' or 'big'")),
        },
        Some(other) => {
            return Err(vm.type_error(format!(
                "{name}() argument 'byteorder' must be str, not {}",
                vm.type_name(other)
            )))
        }
    };
    let signed = signed.map(|s| vm.truthy(s)).transpose()?.unwrap_or(false);
    Ok((big, signed))
}

fn int_to_bytes(vm: &Vm, args: Args) -> PyResult {
    let ([_], [length, byteorder, signed]) = INT_TO_BYTES.bind(vm, args)?;
    let v = self_int(vm, &args)?;
    let length = match length {
        Some(l) => vm.size_arg(l, crate::vm::limits::SizeArg::Ssize)?,
        None => 1,
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let (big, signed) = byteorder_and_sign(vm, byteorder, signed, "to_bytes")?;
    if !signed && v.sign() == num_bigint::Sign::Minus {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let digits = if signed {
        v.to_signed_bytes_le()
    } else {
        v.to_bytes_le().1
    };
    // Zero's minimal form is one byte; it fits any length, even 0.
    let needed = if v.sign() == num_bigint::Sign::NoSign {
        0
    } else {
        digits.len()
    };
    if needed > length as usize {
        return Err(vm.overflow_error("int too big to convert"));
    }
    let fill = if signed && v.sign() == num_bigint::Sign::Minus {
        0xff
    } else {
        0
    };
    let mut bytes = vm.try_vec(length as usize)?;
    bytes.extend_from_slice(&digits[..needed]);
    bytes.resize(length as usize, fill);
    if big {
        bytes.reverse();
    }
    Ok(Value::Bytes(std::rc::Rc::new(bytes)))
}

fn int_from_bytes(vm: &Vm, args: Args) -> PyResult {
    let ([_, bytes], [byteorder, signed]) = INT_FROM_BYTES.bind(vm, args)?;
    let mut bytes = match bytes {
        Value::Bytes(b) => b.to_vec(),
        other => {
            let items = vm.to_vec(other).map_err(|_| {
                vm.type_error(format!(
                    "cannot convert '{}' object to bytes",
                    vm.type_name(other)
                ))
            })?;
            let mut out = Vec::with_capacity(items.len());
            for item in &items {
                let i = vm.to_index(item)?;
                out.push(
                    u8::try_from(i)
                        .map_err(|_| vm.value_error("bytes must be in range(0, 256)"))?,
                );
            }
            out
        }
    };
    let (big, signed) = byteorder_and_sign(vm, byteorder, signed, "from_bytes")?;
    if big {
        bytes.reverse();
    }
    let v = if signed {
        BigInt::from_signed_bytes_le(&bytes)
    } else {
        BigInt::from_bytes_le(num_bigint::Sign::Plus, &bytes)
    };
    Ok(Value::from_bigint(v))
}

fn self_float(vm: &Vm, args: &Args) -> PyResult<f64> {
    match args.get(0).map(Value::builtin_base) {
        Some(Value::Float(f)) => Ok(f.get()),
        _ => Err(vm.type_error("descriptor requires a 'float' object")),
    }
}

fn float_is_integer(vm: &Vm, args: Args) -> PyResult {
    FLOAT_IS_INTEGER.check(vm, args)?;
    let f = self_float(vm, &args)?;
    Ok(Value::from_bool(f.is_finite() && f.fract() == 0.0))
}

fn float_as_integer_ratio(vm: &Vm, args: Args) -> PyResult {
    FLOAT_AS_INTEGER_RATIO.check(vm, args)?;
    let f = self_float(vm, &args)?;
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    match crate::fmt::float_as_integer_ratio(f) {
        Some((n, d)) => Ok(Value::tuple(vec![
            Value::from_bigint(n),
            Value::from_bigint(d),
        ])),
        None => Err(vm.overflow_error("cannot convert Infinity to integer ratio")),
    }
}

fn float_conjugate(vm: &Vm, args: Args) -> PyResult {
    FLOAT_CONJUGATE.check(vm, args)?;
    Ok(Value::float(self_float(vm, &args)?))
}

/// `float.hex()`: `[-]0x1.<13 hex digits>p<exponent>` for normal numbers,
/// `0x0.<digits>p-1022` for subnormal ones, as CPython writes them.
fn float_hex(vm: &Vm, args: Args) -> PyResult {
    FLOAT_HEX.check(vm, args)?;
    Ok(Value::string(hex_of_float(self_float(vm, &args)?)))
}

fn hex_of_float(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f < 0.0 { "-inf" } else { "inf" }.into();
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = f.to_bits();
    let mantissa = bits & ((1u64 << 52) - 1);
    let biased = ((bits >> 52) & 0x7ff) as i64;
    if biased == 0 {
        format!("{sign}0x0.{mantissa:013x}p-1022")
    } else {
        format!("{sign}0x1.{mantissa:013x}p{:+}", biased - 1023)
    }
}
