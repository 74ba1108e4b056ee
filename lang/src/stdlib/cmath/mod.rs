//! `cmath`: complex functions with CPython's algorithms (Kahan's branch cuts,
//! rescaling near overflow and underflow, so results agree bit for bit) and
//! its errors: a domain error is `ValueError: math domain error`, an
//! overflow `OverflowError: math range error`.
//!
//! Arguments with an infinite or NaN part take their results from tables
//! recorded from CPython (`special.rs`, C99 Annex G's values); where such a
//! result depends on the finite part (`exp(inf + 2j)`), it is computed.

mod special;

use crate::builtins::complex::to_complex;
use crate::builtins::number::to_f64;
use crate::objects::complex::{Complex, ComplexError};
use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Module, PyErr, PyResult, Value};
use crate::vm::Vm;
use std::f64::consts::{LN_2, PI};
use std::rc::Rc;

/// A table entry: a value, an error, or "compute from the finite part".
#[derive(Clone, Copy)]
enum Special {
    V(f64, f64),
    Domain,
    Compute,
}

type CResult = Result<Complex, ComplexError>;

/// Past this, intermediate squares and sums overflow: the functions rescale.
const LARGE: f64 = f64::MAX / 4.0;
const SQRT_DBL_MIN: f64 = 1.4916681462400413e-154;
/// Exponents that scale subnormal arguments into the normal range.
const SCALE_UP: i32 = 53;
const SCALE_DOWN: i32 = -27;

fn large_log() -> f64 {
    LARGE.ln()
}

fn sqrt_large() -> f64 {
    LARGE.sqrt()
}

/// Which of the table's seven rows or columns `x` falls in.
fn class(x: f64) -> usize {
    if x.is_nan() {
        6
    } else if x.is_infinite() {
        if x < 0.0 {
            0
        } else {
            5
        }
    } else if x == 0.0 {
        if x.is_sign_negative() {
            2
        } else {
            3
        }
    } else if x < 0.0 {
        1
    } else {
        4
    }
}

/// The table's answer for `z` when a part is not finite.
fn special(table: &[[Special; 7]; 7], z: Complex) -> Option<CResult> {
    if z.re.is_finite() && z.im.is_finite() {
        return None;
    }
    match table[class(z.re)][class(z.im)] {
        Special::V(re, im) => Some(Ok(Complex::new(re, im))),
        Special::Domain => Some(Err(ComplexError::Domain)),
        Special::Compute => None,
    }
}

fn ldexp(x: f64, e: i32) -> f64 {
    x * 2f64.powi(e)
}

fn c_sqrt(z: Complex) -> CResult {
    if let Some(r) = special(&special::SQRT, z) {
        return r;
    }
    if z.re == 0.0 && z.im == 0.0 {
        return Ok(Complex::new(0.0, z.im));
    }
    let (mut ax, ay) = (z.re.abs(), z.im.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        // The modulus would be subnormal: scale up first.
        ax = ldexp(ax, SCALE_UP);
        ldexp((ax + ax.hypot(ldexp(ay, SCALE_UP))).sqrt(), SCALE_DOWN)
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    Ok(if z.re >= 0.0 {
        Complex::new(s, d.copysign(z.im))
    } else {
        Complex::new(d, s.copysign(z.im))
    })
}

/// Fails with Range when a finite argument gave an infinite part.
fn range_checked(r: Complex) -> CResult {
    if r.re.is_infinite() || r.im.is_infinite() {
        Err(ComplexError::Range)
    } else {
        Ok(r)
    }
}

fn c_exp(z: Complex) -> CResult {
    if !z.re.is_finite() || !z.im.is_finite() {
        if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let (c, s) = (z.im.cos(), z.im.sin());
            return Ok(if z.re > 0.0 {
                Complex::new(f64::INFINITY.copysign(c), f64::INFINITY.copysign(s))
            } else {
                Complex::new(0f64.copysign(c), 0f64.copysign(s))
            });
        }
        return special(&special::EXP, z).unwrap_or(Ok(Complex::new(f64::NAN, f64::NAN)));
    }
    let r = if z.re > large_log() {
        let l = (z.re - 1.0).exp();
        Complex::new(
            l * z.im.cos() * std::f64::consts::E,
            l * z.im.sin() * std::f64::consts::E,
        )
    } else {
        let l = z.re.exp();
        Complex::new(l * z.im.cos(), l * z.im.sin())
    };
    range_checked(r)
}

fn c_log(z: Complex) -> CResult {
    match log_with_value(z) {
        (_, Some(e)) => Err(e),
        (r, None) => Ok(r),
    }
}

/// The logarithm and its error: `log(0)` is a domain error whose value
/// (`-inf` with the phase) `log(0, base)` still divides.
fn log_with_value(z: Complex) -> (Complex, Option<ComplexError>) {
    if let Some(r) = special(&special::LOG, z) {
        return (r.unwrap_or(Complex::new(f64::NAN, f64::NAN)), r.err());
    }
    let (ax, ay) = (z.re.abs(), z.im.abs());
    let re = if ax > LARGE || ay > LARGE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN_2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            let m = f64::MANTISSA_DIGITS as i32;
            ldexp(ax, m).hypot(ldexp(ay, m)).ln() - m as f64 * LN_2
        } else {
            // log(0) is -inf + i*phase, a domain error.
            let r = Complex::new(f64::NEG_INFINITY, z.im.atan2(z.re));
            return (r, Some(ComplexError::Domain));
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            ((am - 1.0) * (am + 1.0) + an * an).ln_1p() / 2.0
        } else {
            h.ln()
        }
    };
    (Complex::new(re, z.im.atan2(z.re)), None)
}

/// cosh and sinh, which differ in where cosh and sinh of the real part go.
fn c_cosh_sinh(z: Complex, is_cosh: bool) -> CResult {
    let table = if is_cosh {
        &special::COSH
    } else {
        &special::SINH
    };
    if !z.re.is_finite() || !z.im.is_finite() {
        if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let (c, s) = (z.im.cos(), z.im.sin());
            let sign = 1f64.copysign(z.re);
            let inf = f64::INFINITY;
            return Ok(if is_cosh {
                Complex::new(inf.copysign(c), inf.copysign(s) * sign)
            } else {
                Complex::new(inf.copysign(c) * sign, inf.copysign(s))
            });
        }
        return special(table, z).unwrap_or(Ok(Complex::new(f64::NAN, f64::NAN)));
    }
    // Near overflow, cosh and sinh of x - 1 are scaled by e afterwards.
    let (x, scale) = if z.re.abs() > large_log() {
        (z.re - 1f64.copysign(z.re), Some(std::f64::consts::E))
    } else {
        (z.re, None)
    };
    let (re_part, im_part) = if is_cosh {
        (x.cosh(), x.sinh())
    } else {
        (x.sinh(), x.cosh())
    };
    let (mut re, mut im) = (z.im.cos() * re_part, z.im.sin() * im_part);
    if let Some(e) = scale {
        re *= e;
        im *= e;
    }
    range_checked(Complex::new(re, im))
}

fn c_tanh(z: Complex) -> CResult {
    if !z.re.is_finite() || !z.im.is_finite() {
        if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let im = 0f64.copysign(2.0 * z.im.sin() * z.im.cos());
            return Ok(Complex::new(1f64.copysign(z.re), im));
        }
        return special(&special::TANH, z).unwrap_or(Ok(Complex::new(f64::NAN, f64::NAN)));
    }
    if z.re.abs() > large_log() {
        return Ok(Complex::new(
            1f64.copysign(z.re),
            4.0 * z.im.sin() * z.im.cos() * (-2.0 * z.re.abs()).exp(),
        ));
    }
    let (tx, ty) = (z.re.tanh(), z.im.tan());
    let cx = 1.0 / z.re.cosh();
    let txty = tx * ty;
    let denom = 1.0 + txty * txty;
    Ok(Complex::new(
        tx * (1.0 + ty * ty) / denom,
        ((ty / denom) * cx) * cx,
    ))
}

/// `log(hypot(x, y)) + log(4)`, halving first so that the modulus of a
/// huge argument does not overflow.
fn log_large(x: f64, y: f64) -> f64 {
    (x / 2.0).hypot(y / 2.0).ln() + LN_2 * 2.0
}

fn c_acos(z: Complex) -> CResult {
    if let Some(r) = special(&special::ACOS, z) {
        return r;
    }
    if z.re.abs() > LARGE || z.im.abs() > LARGE {
        let re = z.im.abs().atan2(z.re);
        let im = if z.re < 0.0 {
            -log_large(z.re, z.im).copysign(z.im)
        } else {
            log_large(z.re, z.im).copysign(-z.im)
        };
        return Ok(Complex::new(re, im));
    }
    let s1 = c_sqrt(Complex::new(1.0 - z.re, -z.im))?;
    let s2 = c_sqrt(Complex::new(1.0 + z.re, z.im))?;
    Ok(Complex::new(
        2.0 * s1.re.atan2(s2.re),
        super::libm::asinh(s2.re * s1.im - s2.im * s1.re),
    ))
}

fn c_acosh(z: Complex) -> CResult {
    if let Some(r) = special(&special::ACOSH, z) {
        return r;
    }
    if z.re.abs() > LARGE || z.im.abs() > LARGE {
        return Ok(Complex::new(log_large(z.re, z.im), z.im.atan2(z.re)));
    }
    let s1 = c_sqrt(Complex::new(z.re - 1.0, z.im))?;
    let s2 = c_sqrt(Complex::new(z.re + 1.0, z.im))?;
    Ok(Complex::new(
        super::libm::asinh(s1.re * s2.re + s1.im * s2.im),
        2.0 * s1.im.atan2(s2.re),
    ))
}

fn c_asinh(z: Complex) -> CResult {
    if let Some(r) = special(&special::ASINH, z) {
        return r;
    }
    if z.re.abs() > LARGE || z.im.abs() > LARGE {
        let re = if z.im >= 0.0 {
            log_large(z.re, z.im).copysign(z.re)
        } else {
            -log_large(z.re, z.im).copysign(-z.re)
        };
        return Ok(Complex::new(re, z.im.atan2(z.re.abs())));
    }
    let s1 = c_sqrt(Complex::new(1.0 + z.im, -z.re))?;
    let s2 = c_sqrt(Complex::new(1.0 - z.im, z.re))?;
    Ok(Complex::new(
        super::libm::asinh(s1.re * s2.im - s2.re * s1.im),
        z.im.atan2(s1.re * s2.re - s1.im * s2.im),
    ))
}

fn c_atanh(z: Complex) -> CResult {
    if let Some(r) = special(&special::ATANH, z) {
        return r;
    }
    if z.re < 0.0 {
        return c_atanh(-z).map(|r| -r);
    }
    let ay = z.im.abs();
    if z.re > sqrt_large() || ay > sqrt_large() {
        let h = (z.re / 2.0).hypot(z.im / 2.0);
        return Ok(Complex::new(
            z.re / 4.0 / h / h,
            -(PI / 2.0).copysign(-z.im),
        ));
    }
    if z.re == 1.0 && ay < SQRT_DBL_MIN {
        if ay == 0.0 {
            return Err(ComplexError::Domain);
        }
        return Ok(Complex::new(
            -(ay.sqrt() / ay.hypot(2.0).sqrt()).ln(),
            ((2f64).atan2(-ay) / 2.0).copysign(z.im),
        ));
    }
    Ok(Complex::new(
        (4.0 * z.re / ((1.0 - z.re) * (1.0 - z.re) + ay * ay)).ln_1p() / 4.0,
        -(-2.0 * z.im).atan2((1.0 - z.re) * (1.0 + z.re) - ay * ay) / 2.0,
    ))
}

/// `f(z)` for the circular functions, through their hyperbolic twins:
/// `g(i*z)` rotated back (`sin(z) = -i*sinh(i*z)`).
fn rotated(z: Complex, g: fn(Complex) -> CResult) -> CResult {
    let s = g(Complex::new(-z.im, z.re))?;
    Ok(Complex::new(s.im, -s.re))
}

fn c_cos(z: Complex) -> CResult {
    c_cosh_sinh(Complex::new(-z.im, z.re), true)
}

fn c_sin(z: Complex) -> CResult {
    rotated(z, |w| c_cosh_sinh(w, false))
}

fn c_tan(z: Complex) -> CResult {
    rotated(z, c_tanh)
}

fn c_asin(z: Complex) -> CResult {
    rotated(z, c_asinh)
}

fn c_atan(z: Complex) -> CResult {
    rotated(z, c_atanh)
}

fn c_cosh(z: Complex) -> CResult {
    c_cosh_sinh(z, true)
}

fn c_sinh(z: Complex) -> CResult {
    c_cosh_sinh(z, false)
}

fn c_log10(z: Complex) -> CResult {
    let r = c_log(z)?;
    Ok(Complex::new(
        r.re / std::f64::consts::LN_10,
        r.im / std::f64::consts::LN_10,
    ))
}

fn math_error(vm: &Vm, e: ComplexError) -> PyErr {
    match e {
        ComplexError::Domain => vm.value_error("math domain error"),
        ComplexError::Range => vm.overflow_error("math range error"),
    }
}

fn result(vm: &Vm, r: CResult) -> PyResult {
    r.map(|c| Value::complex(c.re, c.im))
        .map_err(|e| math_error(vm, e))
}

/// The unary functions: their signatures and algorithms, one row each.
macro_rules! unary {
    ($($name:ident => $sig:ident, $f:ident, $doc:literal;)*) => {
        $(
            static $sig: Signature =
                Signature::new(Style::Exact, concat!("cmath.", stringify!($name)), "z, /").doc($doc);
            fn $name(vm: &Vm, args: Args) -> PyResult {
                let ([z], []) = $sig.bind(vm, args)?;
                result(vm, $f(to_complex(vm, z)?))
            }
        )*
        const UNARY: &[(&Signature, crate::objects::NativeFn)] = &[$((&$sig, $name)),*];
    };
}

unary! {
    sqrt => SQRT, c_sqrt, "Return the principal square root of the complex z.";
    exp => EXP, c_exp, "Return e raised to the complex power z.";
    log10 => LOG10, c_log10, "Return the base-10 logarithm of the complex z.";
    cos => COS, c_cos, "Return the cosine of the complex z.";
    sin => SIN, c_sin, "Return the sine of the complex z.";
    tan => TAN, c_tan, "Return the tangent of the complex z.";
    acos => ACOS, c_acos, "Return the arc cosine of the complex z.";
    asin => ASIN, c_asin, "Return the arc sine of the complex z.";
    atan => ATAN, c_atan, "Return the arc tangent of the complex z.";
    cosh => COSH, c_cosh, "Return the hyperbolic cosine of the complex z.";
    sinh => SINH, c_sinh, "Return the hyperbolic sine of the complex z.";
    tanh => TANH, c_tanh, "Return the hyperbolic tangent of the complex z.";
    acosh => ACOSH, c_acosh, "Return the inverse hyperbolic cosine of the complex z.";
    asinh => ASINH, c_asinh, "Return the inverse hyperbolic sine of the complex z.";
    atanh => ATANH, c_atanh, "Return the inverse hyperbolic tangent of the complex z.";
}

static LOG: Signature = Signature::undocumented(Style::Positional, "log", "x, base=None, /")
    .doc("Return the logarithm of the complex x to the given base, natural when no base is given.");
static PHASE: Signature = Signature::new(Style::Exact, "cmath.phase", "z, /")
    .doc("Return the argument of z, the angle from the positive real axis.");
static POLAR: Signature =
    Signature::new(Style::Exact, "cmath.polar", "z, /").doc("Return z as (modulus, phase).");
static RECT: Signature = Signature::new(Style::Positional, "rect", "r, phi, /")
    .doc("Return the complex number with modulus r and phase phi.");
static ISFINITE: Signature = Signature::new(Style::Exact, "cmath.isfinite", "z, /")
    .doc("Return whether both parts of z are finite.");
static ISINF: Signature = Signature::new(Style::Exact, "cmath.isinf", "z, /")
    .doc("Return whether either part of z is infinite.");
static ISNAN: Signature = Signature::new(Style::Exact, "cmath.isnan", "z, /")
    .doc("Return whether either part of z is a NaN.");
static ISCLOSE: Signature = Signature::new(
    Style::Clinic,
    "isclose",
    "a, b, *, rel_tol=1e-09, abs_tol=0.0",
)
.doc("Return whether the complex numbers a and b are equal within the given tolerances.");

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let mut rows: Vec<(&'static Signature, crate::objects::NativeFn)> = UNARY.to_vec();
    rows.extend_from_slice(&[
        (&LOG, log as crate::objects::NativeFn),
        (&PHASE, phase),
        (&POLAR, polar),
        (&RECT, rect),
        (&ISFINITE, isfinite),
        (&ISINF, isinf),
        (&ISNAN, isnan),
        (&ISCLOSE, isclose),
    ]);
    let m = super::module_with_declared(vm, "cmath", &rows);
    let inf = f64::INFINITY;
    for (name, v) in [
        ("pi", Value::float(PI)),
        ("e", Value::float(std::f64::consts::E)),
        ("tau", Value::float(std::f64::consts::TAU)),
        ("inf", Value::float(inf)),
        ("infj", Value::complex(0.0, inf)),
        ("nan", Value::float(f64::NAN)),
        ("nanj", Value::complex(0.0, f64::NAN)),
    ] {
        super::set(&m, name, v);
    }
    Ok(m)
}

/// `log(x[, base])`: the quotient of two logarithms.
fn log(vm: &Vm, args: Args) -> PyResult {
    let ([x], [base]) = LOG.bind(vm, args)?;
    let x = to_complex(vm, x)?;
    let Some(base) = base else {
        return result(vm, c_log(x));
    };
    // As in CPython, only the base's logarithm and the division decide
    // whether there is an error: `log(0, 2)` is `-inf` over `log(2)`.
    let (num, _) = log_with_value(x);
    let (den, error) = log_with_value(to_complex(vm, base)?);
    result(vm, error.map_or_else(|| num.quotient(den), Err))
}

fn phase(vm: &Vm, args: Args) -> PyResult {
    let ([z], []) = PHASE.bind(vm, args)?;
    let z = to_complex(vm, z)?;
    let phi = z.im.atan2(z.re);
    // C's atan2 reports an underflow to zero (ERANGE), and phase passes it on.
    if phi == 0.0 && z.im != 0.0 && z.re.is_finite() && z.im.is_finite() {
        return Err(math_error(vm, ComplexError::Range));
    }
    Ok(Value::float(phi))
}

fn polar(vm: &Vm, args: Args) -> PyResult {
    let ([z], []) = POLAR.bind(vm, args)?;
    let z = to_complex(vm, z)?;
    let r = z.abs().map_err(|e| math_error(vm, e))?;
    Ok(Value::tuple(vec![
        Value::float(r),
        Value::float(z.im.atan2(z.re)),
    ]))
}

fn rect(vm: &Vm, args: Args) -> PyResult {
    let ([r, phi], []) = RECT.bind(vm, args)?;
    let (r, phi) = (to_f64(vm, r)?, to_f64(vm, phi)?);
    let z = Complex::new(r, phi);
    let v = if !r.is_finite() || !phi.is_finite() {
        if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            let sign = 1f64.copysign(r);
            Ok(Complex::new(
                f64::INFINITY.copysign(phi.cos()) * sign,
                f64::INFINITY.copysign(phi.sin()) * sign,
            ))
        } else {
            special(&special::RECT, z).unwrap_or(Ok(Complex::new(f64::NAN, f64::NAN)))
        }
    } else if phi == 0.0 {
        Ok(Complex::new(r, r * phi))
    } else {
        Ok(Complex::new(r * phi.cos(), r * phi.sin()))
    };
    result(vm, v)
}

fn isfinite(vm: &Vm, args: Args) -> PyResult {
    let ([z], []) = ISFINITE.bind(vm, args)?;
    let z = to_complex(vm, z)?;
    Ok(Value::from_bool(z.re.is_finite() && z.im.is_finite()))
}

fn isinf(vm: &Vm, args: Args) -> PyResult {
    let ([z], []) = ISINF.bind(vm, args)?;
    let z = to_complex(vm, z)?;
    Ok(Value::from_bool(z.re.is_infinite() || z.im.is_infinite()))
}

fn isnan(vm: &Vm, args: Args) -> PyResult {
    let ([z], []) = ISNAN.bind(vm, args)?;
    let z = to_complex(vm, z)?;
    Ok(Value::from_bool(z.re.is_nan() || z.im.is_nan()))
}

fn isclose(vm: &Vm, args: Args) -> PyResult {
    let ([a, b], [rel_tol, abs_tol]) = ISCLOSE.bind(vm, args)?;
    let (a, b) = (to_complex(vm, a)?, to_complex(vm, b)?);
    let rel_tol = rel_tol.map_or(Ok(1e-9), |v| to_f64(vm, v))?;
    let abs_tol = abs_tol.map_or(Ok(0.0), |v| to_f64(vm, v))?;
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a.re == b.re && a.im == b.im {
        return Ok(Value::from_bool(true));
    }
    if [a.re, a.im, b.re, b.im].iter().any(|x| x.is_infinite()) {
        return Ok(Value::from_bool(false));
    }
    // `_Py_c_abs` of finite values: an overflow is infinite, never an error.
    let modulus = |c: Complex| c.abs().unwrap_or(f64::INFINITY);
    let diff = modulus(a - b);
    Ok(Value::from_bool(
        diff <= rel_tol * modulus(b) || diff <= rel_tol * modulus(a) || diff <= abs_tol,
    ))
}
