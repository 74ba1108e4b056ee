//! CPython 3.11-compatible numeric text conversions and the format-spec mini-language, as
//! pure functions on Rust values (`f64`, `num_bigint::BigInt`, `&str`).
//!
//! - `float_repr`: `repr(float)`; `double_to_string`: `PyOS_double_to_string` (for `%`-style
//!   formatting).
//! - `parse_format_spec` + `format_int` / `format_float` / `format_str` (and `*_with`
//!   convenience forms taking the spec text): `format(value, spec)`. Errors are
//!   `FormatError`; render with `message(type_name)`, class with `exception_name()`.
//! - `parse_float`, `parse_int`, `parse_int_checked`, `int_literal_value`,
//!   `float_literal_value`: `float(str)`, `int(str, base)`, source literals.
//! - `numeric`: rounding, int/float conversion, floor division and modulo, numeric hashes,
//!   `bin`/`oct`/`hex` text.
//!
//! Reference data: `scripts/gen_testdata.py` (run under CPython 3.11) writes `tests/data/`.

pub mod float_repr;
pub mod numeric;
pub mod parse;
pub mod spec;
pub mod unicode;

pub use float_repr::{double_to_string, float_repr, DtsfFlags};
pub use numeric::{
    bigint_to_f64, bytes_hash, float_as_integer_ratio, float_divmod, float_floordiv, float_hash,
    float_mod, float_to_bigint, int_hash, int_to_string_radix, round_float, round_half_even,
    round_int, TupleHasher, HASH_INF, HASH_MODULUS, INT_MAX_STR_DIGITS, NONE_HASH,
};
pub use parse::{
    float_literal_value, int_literal_value, parse_complex, parse_float, parse_int,
    parse_int_checked, ComplexParseError, IntParseError,
};
pub use spec::{
    format_complex, format_float, format_float_with, format_i64, format_int, format_int_into,
    format_int_with, format_str, format_str_into, format_str_with, int_to_decimal_string,
    parse_format_spec, FormatError, FormatSpec, IntRef, MAX_FORMAT_LEN,
};
pub use unicode::{decimal_value, is_py_space};

use num_bigint::BigInt;
use num_traits::ToPrimitive;

/// The decimal text of `v`, written at the end of `buf` (`str(v)` without an allocation).
pub fn i64_decimal(v: i64, buf: &mut [u8; 20]) -> &str {
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899";
    let mut n = v.unsigned_abs();
    let mut i = buf.len();
    while n >= 100 {
        let k = (n % 100) as usize * 2;
        n /= 100;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[k..k + 2]);
    }
    if n >= 10 {
        let k = n as usize * 2;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[k..k + 2]);
    } else {
        i -= 1;
        buf[i] = b'0' + n as u8;
    }
    if v < 0 {
        i -= 1;
        buf[i] = b'-';
    }
    // Only ASCII digits and '-' were written.
    std::str::from_utf8(&buf[i..]).unwrap_or_default()
}

/// Appends the decimal text of `v` to `out`.
pub fn push_i64(out: &mut String, v: i64) {
    out.push_str(i64_decimal(v, &mut [0; 20]));
}

/// `hash(i)` for a small int, without building a big int.
pub fn int_hash_i64(i: i64) -> i64 {
    let m = (1u64 << 61) - 1;
    let x = (i.unsigned_abs() % m) as i64;
    let x = if i < 0 { -x } else { x };
    if x == -1 {
        -2
    } else {
        x
    }
}

/// `a / b` for ints too large for an exact f64 conversion, rounded correctly
/// (the quotient is computed to 66 bits with a sticky bit, then rounded once).
pub fn bigint_true_div(a: &BigInt, b: &BigInt) -> Option<f64> {
    use num_integer::Integer;
    use num_traits::Signed;
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64()) {
        if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
            return Some(x as f64 / y as f64);
        }
    }
    let negative = a.is_negative() != b.is_negative();
    let (a, b) = (a.abs(), b.abs());
    let shift = 66 + b.bits() as i64 - a.bits() as i64;
    let (num, den) = if shift >= 0 {
        (a << shift as usize, b)
    } else {
        (a, b << (-shift) as usize)
    };
    let (q, r) = num.div_rem(&den);
    let q = if r.bits() > 0 {
        (q << 1usize) | BigInt::from(1)
    } else {
        q << 1usize
    };
    let f = q.to_f64()? * 2f64.powi(-(shift as i32) - 1);
    if !f.is_finite() {
        return None;
    }
    Some(if negative { -f } else { f })
}
