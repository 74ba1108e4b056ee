//! Numeric helpers with CPython semantics: rounding, int/float conversion, floor division
//! and modulo, numeric hashing, and radix strings for `bin`/`oct`/`hex`.

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// CPython 3.11's default `sys.get_int_max_str_digits()`.
pub const INT_MAX_STR_DIGITS: usize = 4300;

/// Modulus of CPython's numeric hash, `2**61 - 1` (`sys.hash_info.modulus`).
pub const HASH_MODULUS: u64 = (1 << 61) - 1;

/// `hash(float('inf'))` (`sys.hash_info.inf`).
pub const HASH_INF: i64 = 314159;

/// Splits a finite or infinite `f64` into `(negative, mantissa, exponent)` with
/// `|x| == mantissa * 2**exponent` (meaningless for inf/nan).
fn decompose(x: f64) -> (bool, u64, i32) {
    let bits = x.to_bits();
    let negative = bits >> 63 == 1;
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        (negative, frac, -1074)
    } else {
        (negative, frac | (1u64 << 52), exp - 1075)
    }
}

/// `x.as_integer_ratio()`: exact `(numerator, denominator)` in lowest terms, denominator > 0;
/// `None` for inf (CPython: OverflowError) and nan (ValueError).
pub fn float_as_integer_ratio(x: f64) -> Option<(BigInt, BigInt)> {
    if !x.is_finite() {
        return None;
    }
    let (negative, mut m, mut e) = decompose(x);
    if m == 0 {
        return Some((BigInt::zero(), BigInt::one()));
    }
    let tz = m.trailing_zeros();
    m >>= tz;
    e += tz as i32;
    let (num, den) = if e >= 0 {
        (BigInt::from(m) << e as usize, BigInt::one())
    } else {
        (BigInt::from(m), BigInt::one() << (-e) as usize)
    };
    Some((if negative { -num } else { num }, den))
}

/// `int(x)` for a float: truncation toward zero; `None` for inf/nan.
pub fn float_to_bigint(x: f64) -> Option<BigInt> {
    if !x.is_finite() {
        return None;
    }
    let t = x.trunc();
    if t.abs() < 9.0e18 {
        return Some(BigInt::from(t as i64));
    }
    let (negative, m, e) = decompose(t);
    // |t| >= 2**63 here, so e > 0.
    let mag = BigInt::from(m) << e.max(0) as usize;
    Some(if negative { -mag } else { mag })
}

/// `float(v)` for an int, correctly rounded (half to even); `None` when it overflows
/// (CPython: OverflowError "int too large to convert to float").
pub fn bigint_to_f64(v: &BigInt) -> Option<f64> {
    let mag = v.magnitude();
    let bits = mag.bits();
    let f = if bits <= 64 {
        mag.to_u64().unwrap_or(0) as f64
    } else {
        if bits > 1024 {
            return None;
        }
        let shift = bits - 64;
        let top = (mag >> shift).to_u64().unwrap_or(0);
        let sticky = mag.trailing_zeros().is_some_and(|tz| tz < shift);
        // Bit 0 of `top` lies far below the rounding position, so OR-ing the sticky bit
        // into it makes the u64 -> f64 conversion round exactly as the full value would.
        let approx = (top | sticky as u64) as f64;
        let scaled = approx * f64::from_bits((1023 + shift) << 52);
        if scaled.is_infinite() {
            return None;
        }
        scaled
    };
    Some(if v.sign() == Sign::Minus { -f } else { f })
}

/// `round(x)` without ndigits, before conversion to int: nearest integer, ties to even.
pub fn round_half_even(x: f64) -> f64 {
    let rounded = x.round();
    if (x - rounded).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        rounded
    }
}

/// `round(x, ndigits)` for a float, correctly rounded from the exact binary value (ties to
/// even); `None` when the result overflows (CPython: OverflowError
/// "rounded value too large to represent").
pub fn round_float(x: f64, ndigits: i64) -> Option<f64> {
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Some(x);
    }
    if ndigits < NDIGITS_MIN {
        return Some(0.0 * x);
    }
    let text = if ndigits >= 0 {
        format!("{:.*}", ndigits as usize, x)
    } else {
        let (num, den) = float_as_integer_ratio(x)?;
        let scale = num_traits::pow(BigInt::from(10u32), (-ndigits) as usize);
        let q = div_round_half_even(&num.abs(), &(den * scale));
        let sign = if x.is_sign_negative() { "-" } else { "" };
        format!("{sign}{q}e{}", -ndigits)
    };
    let r: f64 = text.parse().ok()?;
    if r.is_infinite() {
        None
    } else {
        Some(r)
    }
}

/// `a / b` rounded to the nearest integer, ties to even (`b > 0`).
fn div_round_half_even(a: &BigInt, b: &BigInt) -> BigInt {
    let (q, r) = a.div_mod_floor(b);
    let twice: BigInt = r * 2;
    if twice > *b || (twice == *b && q.is_odd()) {
        q + 1
    } else {
        q
    }
}

/// `round(v, ndigits)` for an int: unchanged for `ndigits >= 0`, otherwise rounded to a
/// multiple of `10**-ndigits` with ties to even.
pub fn round_int(v: &BigInt, ndigits: i64) -> BigInt {
    if ndigits >= 0 {
        return v.clone();
    }
    let k = ndigits.unsigned_abs();
    // 10**k > 2*|v| means the result is 0 (|v| < 2**bits <= 10**(bits*0.302 + 1)).
    if k > v.bits() / 3 + 2 {
        return BigInt::zero();
    }
    let p = num_traits::pow(BigInt::from(10u32), k as usize);
    let (q, r) = v.div_mod_floor(&p);
    let twice: BigInt = r * 2;
    let q = if twice > p || (twice == p && q.is_odd()) {
        q + 1
    } else {
        q
    };
    q * p
}

/// CPython's `_float_div_mod`: `(a // b, a % b)` with the sign of `b`; `None` if `b == 0`.
pub fn float_divmod(vx: f64, wx: f64) -> Option<(f64, f64)> {
    if wx == 0.0 {
        return None;
    }
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    Some((floordiv, m))
}

/// `a // b` for floats (Python semantics); `None` if `b == 0`
/// (CPython: ZeroDivisionError "float floor division by zero").
pub fn float_floordiv(a: f64, b: f64) -> Option<f64> {
    float_divmod(a, b).map(|(q, _)| q)
}

/// `a % b` for floats (result has the sign of `b`); `None` if `b == 0`
/// (CPython: ZeroDivisionError "float modulo").
pub fn float_mod(a: f64, b: f64) -> Option<f64> {
    if b == 0.0 {
        return None;
    }
    let m = a % b;
    Some(if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        0.0f64.copysign(b)
    })
}

/// Applies the sign and the `-1 -> -2` rule to a hash magnitude already reduced mod 2**61-1.
fn signed_hash(h: u64, negative: bool) -> i64 {
    let h = if negative { -(h as i64) } else { h as i64 };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(x)` for a float, equal to `hash(int(x))` for integral values. NaN hashes by object
/// identity in CPython 3.10+, which a pure function cannot reproduce: it returns 0 here.
pub fn float_hash(x: f64) -> i64 {
    if x.is_nan() {
        return 0;
    }
    if x.is_infinite() {
        return if x > 0.0 { HASH_INF } else { -HASH_INF };
    }
    let (negative, m, e) = decompose(x);
    let k = e.rem_euclid(61) as u32;
    let h = ((m as u128 % HASH_MODULUS as u128) << k) % HASH_MODULUS as u128;
    signed_hash(h as u64, negative)
}

/// `hash(v)` for an int: `|v| mod (2**61 - 1)` with the sign of `v`, and `-1` mapped to `-2`.
pub fn int_hash(v: &BigInt) -> i64 {
    let (sign, digits) = v.to_u64_digits();
    let mut h: u128 = 0;
    for d in digits.iter().rev() {
        h = ((h << 64) | *d as u128) % HASH_MODULUS as u128;
    }
    signed_hash(h as u64, sign == Sign::Minus)
}

/// CPython's tuple hash (xxHash-based), fed the hashes of the items one by
/// one, so equal tuples hash alike whatever the types of their items.
pub struct TupleHasher {
    acc: u64,
    len: u64,
}

impl TupleHasher {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;

    pub fn new() -> TupleHasher {
        TupleHasher {
            acc: Self::P5,
            len: 0,
        }
    }

    pub fn add(&mut self, lane: i64) {
        self.acc = self.acc.wrapping_add((lane as u64).wrapping_mul(Self::P2));
        self.acc = self.acc.rotate_left(31);
        self.acc = self.acc.wrapping_mul(Self::P1);
        self.len += 1;
    }

    pub fn finish(self) -> i64 {
        let acc = self.acc.wrapping_add(self.len ^ (Self::P5 ^ 3527539));
        if acc == u64::MAX {
            return 1546275796;
        }
        acc as i64
    }
}

impl Default for TupleHasher {
    fn default() -> Self {
        TupleHasher::new()
    }
}

/// A hash of a bytes object's contents (CPython randomises these, as it
/// does str hashes, so any good hash behaves as CPython's does).
pub fn bytes_hash(b: &[u8]) -> i64 {
    let mut x: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in b {
        x = (x ^ c as u64).wrapping_mul(0x0100_0000_01b3);
    }
    (x >> 1) as i64
}

/// `hash(None)` (a fixed number; CPython 3.11 hashes None by its address).
pub const NONE_HASH: i64 = 0x5f3759df;

/// `bin`/`oct`/`hex`-style text: `-0xff` for `(-255, 16, true)`; the prefix (`0b`, `0o`,
/// `0x`) exists only for radix 2, 8, 16; a radix outside 2..=36 is treated as 10.
pub fn int_to_string_radix(v: &BigInt, radix: u32, prefix: bool) -> String {
    let radix = if (2..=36).contains(&radix) { radix } else { 10 };
    let mut s = String::new();
    if v.sign() == Sign::Minus {
        s.push('-');
    }
    if prefix {
        s.push_str(match radix {
            2 => "0b",
            8 => "0o",
            16 => "0x",
            _ => "",
        });
    }
    s.push_str(&v.magnitude().to_str_radix(radix));
    s
}
