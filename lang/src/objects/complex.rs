//! `complex` values: arithmetic, `repr` and `hash` as CPython computes
//! them (Objects/complexobject.c's algorithms, so results agree bit for bit,
//! overflow and NaN cases included).

use crate::fmt::{double_to_string, float_hash, DtsfFlags};
use std::ops::{Add, Mul, Neg, Sub};

/// A complex number. `Value::Complex` boxes it, so `Value` stays two words.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Complex {
    pub re: f64,
    pub im: f64,
}

/// Why a complex operation failed; the caller words the exception.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComplexError {
    /// Division by zero, or zero to a negative or complex power (C's EDOM).
    Domain,
    /// A result too large for a float (C's ERANGE).
    Range,
}

/// Exponents that are integers of at most this size are computed by repeated
/// multiplication, as CPython does (more accurate than the polar form).
const SMALL_INT_POWER: f64 = 100.0;

impl Complex {
    pub const ONE: Complex = Complex { re: 1.0, im: 0.0 };

    pub const fn new(re: f64, im: f64) -> Complex {
        Complex { re, im }
    }

    /// Smith's algorithm, scaling by the larger part of the divisor so that
    /// intermediate products do not overflow (CPython's `_Py_c_quot`).
    pub fn quotient(self, o: Complex) -> Result<Complex, ComplexError> {
        let (a, b) = (self, o);
        let (abs_re, abs_im) = (b.re.abs(), b.im.abs());
        if abs_re >= abs_im {
            if abs_re == 0.0 {
                return Err(ComplexError::Domain);
            }
            let ratio = b.im / b.re;
            let denom = b.re + b.im * ratio;
            Ok(Complex::new(
                (a.re + a.im * ratio) / denom,
                (a.im - a.re * ratio) / denom,
            ))
        } else if abs_im >= abs_re {
            let ratio = b.re / b.im;
            let denom = b.re * ratio + b.im;
            Ok(Complex::new(
                (a.re * ratio + a.im) / denom,
                (a.im * ratio - a.re) / denom,
            ))
        } else {
            // A NaN part in the divisor.
            Ok(Complex::new(f64::NAN, f64::NAN))
        }
    }

    /// `abs(z)`: infinite if either part is, even beside a NaN; Range when a
    /// finite number's modulus overflows.
    pub fn abs(self) -> Result<f64, ComplexError> {
        if self.re.is_infinite() || self.im.is_infinite() {
            return Ok(f64::INFINITY);
        }
        if self.re.is_nan() || self.im.is_nan() {
            return Ok(f64::NAN);
        }
        let r = self.re.hypot(self.im);
        if r.is_infinite() {
            return Err(ComplexError::Range);
        }
        Ok(r)
    }

    /// `self ** e`, with CPython's choice of algorithm and its errors: any
    /// infinite part of the result is a Range error.
    pub fn pow(self, e: Complex) -> Result<Complex, ComplexError> {
        let r = if e.im == 0.0 && e.re == e.re.floor() && e.re.abs() <= SMALL_INT_POWER {
            self.powi(e.re as i64)?
        } else {
            self.pow_polar(e)?
        };
        if r.re.is_infinite() || r.im.is_infinite() {
            return Err(ComplexError::Range);
        }
        Ok(r)
    }

    fn powi(self, n: i64) -> Result<Complex, ComplexError> {
        if n > 0 {
            Ok(self.powu(n as u64))
        } else {
            Complex::ONE.quotient(self.powu(n.unsigned_abs()))
        }
    }

    /// Binary exponentiation (CPython's `c_powu`).
    fn powu(self, n: u64) -> Complex {
        let (mut r, mut p) = (Complex::ONE, self);
        let mut mask = 1u64;
        while mask <= n {
            if n & mask != 0 {
                r = r * p;
            }
            mask <<= 1;
            p = p * p;
        }
        r
    }

    /// The polar form (CPython's `_Py_c_pow`).
    fn pow_polar(self, e: Complex) -> Result<Complex, ComplexError> {
        if e.re == 0.0 && e.im == 0.0 {
            return Ok(Complex::ONE);
        }
        if self.re == 0.0 && self.im == 0.0 {
            if e.im != 0.0 || e.re < 0.0 {
                return Err(ComplexError::Domain);
            }
            return Ok(Complex::new(0.0, 0.0));
        }
        let vabs = self.re.hypot(self.im);
        let mut len = vabs.powf(e.re);
        let at = self.im.atan2(self.re);
        let mut phase = at * e.re;
        if e.im != 0.0 {
            len /= (at * e.im).exp();
            phase += e.im * vabs.ln();
        }
        // C's cos and sin of an infinite phase fail with EDOM, which
        // CPython reports as for zero to a negative power.
        if phase.is_infinite() {
            return Err(ComplexError::Domain);
        }
        Ok(Complex::new(len * phase.cos(), len * phase.sin()))
    }

    /// `repr(z)`: `2j` when the real part is +0, else `(1+2j)`; the parts as
    /// float reprs without a trailing `.0`.
    pub fn repr(&self) -> String {
        let part = |x: f64, sign: bool| {
            let flags = DtsfFlags {
                sign,
                ..DtsfFlags::default()
            };
            double_to_string(x, 'r', 0, flags).unwrap_or_default()
        };
        if self.re == 0.0 && self.re.is_sign_positive() {
            return format!("{}j", part(self.im, false));
        }
        format!("({}{}j)", part(self.re, false), part(self.im, true))
    }

    /// `hash(z)`: equal to the hash of the int or float it equals.
    pub fn hash(&self) -> i64 {
        const IMAG: u64 = 1_000_003;
        let re = float_hash(self.re) as u64;
        let im = float_hash(self.im) as u64;
        let h = re.wrapping_add(IMAG.wrapping_mul(im)) as i64;
        if h == -1 {
            -2
        } else {
            h
        }
    }
}

impl Add for Complex {
    type Output = Complex;
    fn add(self, o: Complex) -> Complex {
        Complex::new(self.re + o.re, self.im + o.im)
    }
}

impl Sub for Complex {
    type Output = Complex;
    fn sub(self, o: Complex) -> Complex {
        Complex::new(self.re - o.re, self.im - o.im)
    }
}

impl Mul for Complex {
    type Output = Complex;
    fn mul(self, o: Complex) -> Complex {
        Complex::new(
            self.re * o.re - self.im * o.im,
            self.re * o.im + self.im * o.re,
        )
    }
}

impl Neg for Complex {
    type Output = Complex;
    fn neg(self) -> Complex {
        Complex::new(-self.re, -self.im)
    }
}
