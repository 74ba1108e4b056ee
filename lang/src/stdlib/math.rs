//! `math`: CPython's math module over Rust's `f64` (whose transcendental
//! functions are the platform libm's, as CPython's are) and num-bigint.
//!
//! Errors follow CPython's rules: a NaN result from non-NaN arguments is
//! `ValueError: math domain error`; an infinite result from finite
//! arguments is `OverflowError: math range error` for the functions that can
//! overflow (exp, cosh, ...) and a domain error for the others (log(0)).
//! gamma, lgamma, hypot and fsum use CPython's own algorithms
//! (documented in its mathmodule.c), not libm's, so results agree bit for bit.

use crate::builtins::number::{to_bigint, to_f64};
use crate::objects::signature::{Signature, Style};
use crate::objects::BoolWord;
use crate::objects::{Args, Module, PyResult, Value};
use crate::vm::ops::BinOp;
use crate::vm::Vm;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::f64::consts::PI;
use std::rc::Rc;

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with_declared(
        vm,
        "math",
        &[
            (&SQRT, sqrt),
            (&EXP, exp),
            (&EXP2, exp2),
            (&EXPM1, expm1),
            (&LOG, log),
            (&LOG2, log2),
            (&LOG10, log10),
            (&LOG1P, log1p),
            (&SIN, sin),
            (&COS, cos),
            (&TAN, tan),
            (&ASIN, asin),
            (&ACOS, acos),
            (&ATAN, atan),
            (&ATAN2, atan2),
            (&SINH, sinh),
            (&COSH, cosh),
            (&TANH, tanh),
            (&ASINH, asinh),
            (&ACOSH, acosh),
            (&ATANH, atanh),
            (&CBRT, cbrt),
            (&FABS, fabs),
            (&FLOOR, floor),
            (&CEIL, ceil),
            (&TRUNC, trunc),
            (&POW, pow),
            (&HYPOT, hypot),
            (&DIST, dist),
            (&ISCLOSE, isclose),
            (&ISFINITE, isfinite),
            (&ISINF, isinf),
            (&ISNAN, isnan),
            (&GCD, gcd),
            (&LCM, lcm),
            (&FACTORIAL, factorial),
            (&COMB, comb),
            (&PERM, perm),
            (&ISQRT, isqrt),
            (&PROD, prod),
            (&FSUM, fsum),
            (&COPYSIGN, copysign),
            (&DEGREES, degrees),
            (&RADIANS, radians),
            (&MODF, modf),
            (&FREXP, frexp),
            (&LDEXP, ldexp),
            (&FMOD, fmod),
            (&REMAINDER, remainder),
            (&NEXTAFTER, nextafter),
            (&ULP, ulp),
            (&GAMMA, gamma),
            (&LGAMMA, lgamma),
            (&ERF, erf),
            (&ERFC, erfc),
        ],
    );
    super::set(&m, "pi", Value::float(PI));
    super::set(&m, "e", Value::float(std::f64::consts::E));
    super::set(&m, "tau", Value::float(std::f64::consts::TAU));
    super::set(&m, "inf", Value::float(f64::INFINITY));
    super::set(&m, "nan", Value::float(f64::NAN));
    Ok(m)
}

fn domain_error(vm: &Vm) -> crate::objects::PyErr {
    vm.value_error("math domain error")
}

fn range_error(vm: &Vm) -> crate::objects::PyErr {
    vm.overflow_error("math range error")
}

/// The one argument of a function declared `NAME(x, /)`.
#[inline]
fn one<'a>(vm: &Vm, args: Args<'a>, sig: &Signature) -> PyResult<&'a Value> {
    let ([x], []) = sig.bind(vm, args)?;
    Ok(x)
}

/// The two arguments of a function declared `NAME(x, y, /)`.
#[inline]
fn two<'a>(vm: &Vm, args: Args<'a>, sig: &Signature) -> PyResult<(&'a Value, &'a Value)> {
    let ([x, y], []) = sig.bind(vm, args)?;
    Ok((x, y))
}

/// Applies `f` to a float argument with CPython's error rules (`math_1`).
fn unary(vm: &Vm, args: Args, sig: &Signature, f: fn(f64) -> f64, can_overflow: bool) -> PyResult {
    let x = to_f64(vm, one(vm, args, sig)?)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_error(vm)
        } else {
            domain_error(vm)
        });
    }
    Ok(Value::float(r))
}

/// Two float arguments with CPython's error rules (`math_2`).
fn binary(vm: &Vm, args: Args, sig: &Signature, f: fn(f64, f64) -> f64) -> PyResult {
    let (x, y) = two(vm, args, sig)?;
    let (x, y) = (to_f64(vm, x)?, to_f64(vm, y)?);
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error(vm));
    }
    Ok(Value::float(r))
}

/// Declares the functions of one float argument: each with its signature
/// (`math.NAME(x, /)`), docstring, the `f64` function and whether an
/// infinite result from a finite x is an overflow.
macro_rules! unary_fns {
    ($($sig:ident $name:ident => $f:expr, $overflow:expr, $doc:literal;)*) => {
        $(static $sig: Signature =
            Signature::new(Style::Exact, concat!("math.", stringify!($name)), "x, /").doc($doc);

        fn $name(vm: &Vm, args: Args) -> PyResult {
            unary(vm, args, &$sig, $f, $overflow)
        })*
    };
}

unary_fns! {
    SQRT sqrt => f64::sqrt, false, "Return the square root of x.";
    EXP exp => f64::exp, true, "Return e raised to the power x.";
    EXP2 exp2 => f64::exp2, true, "Return 2 raised to the power x.";
    EXPM1 expm1 => f64::exp_m1, true, "Return exp(x) - 1, precise even for x near zero.";
    SIN sin => f64::sin, false, "Return the sine of x, in radians.";
    COS cos => f64::cos, false, "Return the cosine of x, in radians.";
    TAN tan => f64::tan, false, "Return the tangent of x, in radians.";
    ASIN asin => f64::asin, false, "Return the arc sine of x, in radians.";
    ACOS acos => f64::acos, false, "Return the arc cosine of x, in radians.";
    ATAN atan => f64::atan, false, "Return the arc tangent of x, in radians.";
    SINH sinh => f64::sinh, true, "Return the hyperbolic sine of x.";
    COSH cosh => f64::cosh, true, "Return the hyperbolic cosine of x.";
    TANH tanh => f64::tanh, false, "Return the hyperbolic tangent of x.";
    ASINH asinh => super::libm::asinh, false, "Return the inverse hyperbolic sine of x.";
    ACOSH acosh => super::libm::acosh, false, "Return the inverse hyperbolic cosine of x.";
    ATANH atanh => super::libm::atanh, false, "Return the inverse hyperbolic tangent of x.";
    CBRT cbrt => f64::cbrt, false, "Return the cube root of x.";
    ERF erf => super::libm::erf, false, "Return the error function at x.";
    ERFC erfc => super::libm::erfc, false, "Return the complementary error function at x, 1 - erf(x).";
    FABS fabs => f64::abs, false, "Return the absolute value of x as a float.";
    LOG1P log1p => f64::ln_1p, false, "Return the natural logarithm of 1 + x, precise even for x near zero.";
}

static ATAN2: Signature = Signature::new(Style::Positional, "math.atan2", "y, x, /")
    .doc("Return the arc tangent of y/x in radians, using both signs for the quadrant.");
fn atan2(vm: &Vm, args: Args) -> PyResult {
    binary(vm, args, &ATAN2, f64::atan2)
}

static COPYSIGN: Signature = Signature::new(Style::Positional, "math.copysign", "x, y, /")
    .doc("Return a float with the magnitude of x and the sign of y.");
fn copysign(vm: &Vm, args: Args) -> PyResult {
    binary(vm, args, &COPYSIGN, f64::copysign)
}

/// The logarithm of an int or float; ints too large for a float are split
/// into mantissa and exponent first, as CPython's `loghelper` does.
fn log_of(vm: &Vm, v: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    let x = match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            let b = to_bigint(vm, v)?;
            if !b.is_positive() {
                return Err(domain_error(vm));
            }
            match crate::fmt::bigint_to_f64(&b) {
                Some(x) => x,
                None => {
                    let shift = b.bits().saturating_sub(60);
                    let mantissa = crate::fmt::bigint_to_f64(&(&b >> shift)).unwrap_or(f64::MAX);
                    return Ok(f(mantissa) + f(2.0) * shift as f64);
                }
            }
        }
        other => to_f64(vm, other)?,
    };
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain_error(vm));
    }
    Ok(f(x))
}

/// CPython documents log with two signatures (`log(x, [base=math.e])`), and
/// words its count errors its own way; the declaration serves `help()`.
static LOG: Signature = Signature::undocumented(Style::Positional, "math.log", "x, base=math.e, /")
    .doc("Return the logarithm of x to the given base, natural when no base is given.");

fn log(vm: &Vm, args: Args) -> PyResult {
    if args.has_kwargs() {
        return Err(vm.type_error("log() takes no keyword arguments"));
    }
    if !(1..=2).contains(&args.pos.len()) {
        return Err(vm.type_error("math.log requires 1 to 2 arguments"));
    }
    let ([x], [base]) = LOG.bind(vm, args)?;
    let num = log_of(vm, x, f64::ln)?;
    match base {
        None => Ok(Value::float(num)),
        Some(base) => {
            let den = log_of(vm, base, f64::ln)?;
            if den == 0.0 {
                return Err(vm.zero_division("float division by zero"));
            }
            Ok(Value::float(num / den))
        }
    }
}

static LOG2: Signature =
    Signature::new(Style::Exact, "math.log2", "x, /").doc("Return the base-2 logarithm of x.");
fn log2(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::float(log_of(vm, one(vm, args, &LOG2)?, f64::log2)?))
}

static LOG10: Signature =
    Signature::new(Style::Exact, "math.log10", "x, /").doc("Return the base-10 logarithm of x.");
fn log10(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::float(log_of(
        vm,
        one(vm, args, &LOG10)?,
        f64::log10,
    )?))
}

/// `floor`/`ceil`/`trunc`: ints unchanged, the dunder if the type has one, else via float.
fn rounding(vm: &Vm, v: &Value, dunder: &str, f: fn(f64) -> f64) -> PyResult {
    match v {
        Value::Int(_) | Value::BigInt(_) => return Ok(v.clone()),
        Value::Bool(b) => return Ok(Value::Int(b.get() as i64)),
        Value::Float(_) => {}
        other => {
            if let Some(m) = vm.class_of(other).lookup_str(dunder) {
                return vm.call_bound(&m, other, &[]);
            }
            if dunder == "__trunc__" {
                return Err(vm.type_error(format!(
                    "type {} doesn't define __trunc__ method",
                    vm.type_name(other)
                )));
            }
        }
    }
    let x = f(to_f64(vm, v)?);
    if x.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    match crate::fmt::float_to_bigint(x) {
        Some(b) => Ok(Value::from_bigint(b)),
        None => Err(vm.overflow_error("cannot convert float infinity to integer")),
    }
}

static FLOOR: Signature = Signature::new(Style::Exact, "math.floor", "x, /")
    .doc("Return the largest integer less than or equal to x.");
fn floor(vm: &Vm, args: Args) -> PyResult {
    rounding(vm, one(vm, args, &FLOOR)?, "__floor__", f64::floor)
}

static CEIL: Signature = Signature::new(Style::Exact, "math.ceil", "x, /")
    .doc("Return the smallest integer greater than or equal to x.");
fn ceil(vm: &Vm, args: Args) -> PyResult {
    rounding(vm, one(vm, args, &CEIL)?, "__ceil__", f64::ceil)
}

static TRUNC: Signature = Signature::new(Style::Exact, "math.trunc", "x, /")
    .doc("Return x with its fractional part dropped, as an int.");
fn trunc(vm: &Vm, args: Args) -> PyResult {
    rounding(vm, one(vm, args, &TRUNC)?, "__trunc__", f64::trunc)
}

/// `math.pow`: C99 special cases handled explicitly, as CPython does.
static POW: Signature = Signature::new(Style::Positional, "math.pow", "x, y, /")
    .doc("Return x raised to the power y, as floats.");
fn pow(vm: &Vm, args: Args) -> PyResult {
    let (x, y) = two(vm, args, &POW)?;
    let (x, y) = (to_f64(vm, x)?, to_f64(vm, y)?);
    if !x.is_finite() || !y.is_finite() {
        let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
        let r = if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
            f64::INFINITY
        } else {
            0.0
        };
        return Ok(Value::float(r));
    }
    let r = x.powf(y);
    if r.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() {
        return Err(if x == 0.0 {
            domain_error(vm)
        } else {
            range_error(vm)
        });
    }
    Ok(Value::float(r))
}

/// The Euclidean norm of non-negative finite values, as CPython's
/// `vector_norm`: exact power-of-two scaling, Veltkamp-Dekker splitting of
/// each square, compensated summation and a final correction of the root.
fn vector_norm(vec: &[f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    const SPLIT: f64 = 134217729.0; // 2**27 + 1
    let split = |x: f64| {
        let t = x * SPLIT;
        let hi = t - (t - x);
        (hi, x - hi)
    };
    let (_, max_e) = frexp_parts(max);
    let (mut csum, mut frac1, mut frac2, mut frac3) = (1.0f64, 0.0f64, 0.0f64, 0.0f64);
    let add = |acc: &mut f64, csum: &mut f64, x: f64| {
        let old = *csum;
        *csum += x;
        *acc += (old - *csum) + x;
    };
    if max_e < -1023 {
        for &v in vec {
            let x = v / max;
            add(&mut frac1, &mut csum, x * x);
        }
        return max * (csum - 1.0 + frac1).sqrt();
    }
    let scale = ldexp_f(1.0, -max_e);
    for &v in vec {
        let (hi, lo) = split(v * scale);
        add(&mut frac1, &mut csum, hi * hi);
        add(&mut frac2, &mut csum, 2.0 * hi * lo);
        frac3 += lo * lo;
    }
    let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
    let (hi, lo) = split(h);
    add(&mut frac1, &mut csum, -hi * hi);
    add(&mut frac2, &mut csum, -2.0 * hi * lo);
    add(&mut frac3, &mut csum, -lo * lo);
    let x = csum - 1.0 + (frac1 + frac2 + frac3);
    (h + x / (2.0 * h)) / scale
}

static HYPOT: Signature = Signature::undocumented(Style::Positional, "math.hypot", "*coordinates")
    .doc("Return the Euclidean norm of the coordinates, the distance from the origin.");

fn hypot(vm: &Vm, args: Args) -> PyResult {
    HYPOT.check(vm, args)?;
    let mut coords = Vec::with_capacity(args.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for v in args.pos {
        let x = to_f64(vm, v)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        coords.push(x);
    }
    Ok(Value::float(vector_norm(&coords, max, found_nan)))
}

static DIST: Signature = Signature::new(Style::Positional, "math.dist", "p, q, /")
    .doc("Return the Euclidean distance between the points p and q.");
fn dist(vm: &Vm, args: Args) -> PyResult {
    let (p, q) = two(vm, args, &DIST)?;
    let (p, q) = (vm.to_vec(p)?, vm.to_vec(q)?);
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::with_capacity(p.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for (a, b) in p.iter().zip(&q) {
        let x = (to_f64(vm, a)? - to_f64(vm, b)?).abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        diffs.push(x);
    }
    Ok(Value::float(vector_norm(&diffs, max, found_nan)))
}

static ISCLOSE: Signature = Signature::new(
    Style::Clinic,
    "math.isclose",
    "a, b, *, rel_tol=1e-09, abs_tol=0.0",
)
.doc("Return whether a and b are equal within the given tolerances.");
fn isclose(vm: &Vm, args: Args) -> PyResult {
    let ([a, b], [rel_tol, abs_tol]) = ISCLOSE.bind(vm, args)?;
    let (a, b) = (to_f64(vm, a)?, to_f64(vm, b)?);
    let rel_tol = match rel_tol {
        Some(v) => to_f64(vm, v)?,
        None => 1e-9,
    };
    let abs_tol = match abs_tol {
        Some(v) => to_f64(vm, v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(BoolWord::TRUE));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(BoolWord::FALSE));
    }
    let diff = (b - a).abs();
    Ok(Value::from_bool(
        diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol,
    ))
}

static ISFINITE: Signature = Signature::new(Style::Exact, "math.isfinite", "x, /")
    .doc("Return whether x is neither infinite nor NaN.");
fn isfinite(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::from_bool(
        to_f64(vm, one(vm, args, &ISFINITE)?)?.is_finite(),
    ))
}

static ISINF: Signature = Signature::new(Style::Exact, "math.isinf", "x, /")
    .doc("Return whether x is positive or negative infinity.");
fn isinf(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::from_bool(
        to_f64(vm, one(vm, args, &ISINF)?)?.is_infinite(),
    ))
}

static ISNAN: Signature = Signature::new(Style::Exact, "math.isnan", "x, /")
    .doc("Return whether x is a NaN (not a number).");
fn isnan(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::from_bool(
        to_f64(vm, one(vm, args, &ISNAN)?)?.is_nan(),
    ))
}

// -- integers -------------------------------------------------------------------------

/// An integer argument (`operator.index` semantics: floats are refused).
fn int_arg(vm: &Vm, v: &Value) -> PyResult<BigInt> {
    match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => to_bigint(vm, v),
        Value::Instance(_) if vm.class_of(v).lookup_str("__index__").is_some() => to_bigint(vm, v),
        other => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(other)
        ))),
    }
}

static GCD: Signature = Signature::new(Style::Positional, "math.gcd", "*integers")
    .doc("Return the greatest common divisor of the integers.");
fn gcd(vm: &Vm, args: Args) -> PyResult {
    GCD.check(vm, args)?;
    let mut acc = BigInt::zero();
    for v in args.pos {
        acc = acc.gcd(&int_arg(vm, v)?);
    }
    Ok(Value::from_bigint(acc))
}

static LCM: Signature = Signature::new(Style::Positional, "math.lcm", "*integers")
    .doc("Return the least common multiple of the integers.");
fn lcm(vm: &Vm, args: Args) -> PyResult {
    LCM.check(vm, args)?;
    let mut acc = BigInt::one();
    for v in args.pos {
        let x = int_arg(vm, v)?;
        acc = if acc.is_zero() || x.is_zero() {
            BigInt::zero()
        } else {
            acc.lcm(&x)
        };
    }
    Ok(Value::from_bigint(acc))
}

/// The product of the integers in `lo..hi`, by halving (keeps the operands balanced).
fn range_product(lo: u64, hi: u64) -> BigInt {
    if hi <= lo {
        return BigInt::one();
    }
    if hi - lo <= 16 {
        let mut acc = BigInt::one();
        for k in lo..hi {
            acc *= k;
        }
        return acc;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid, hi)
}

static FACTORIAL: Signature = Signature::new(Style::Exact, "math.factorial", "n, /")
    .doc("Return n!, the product of the integers 1 to n.");
fn factorial(vm: &Vm, args: Args) -> PyResult {
    let n = int_arg(vm, one(vm, args, &FACTORIAL)?)?;
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_u64().filter(|&n| n <= i64::MAX as u64) else {
        return Err(vm.overflow_error("factorial() argument should not exceed 9223372036854775807"));
    };
    Ok(Value::from_bigint(range_product(1, n + 1)))
}

/// The (n, k) arguments of comb/perm, checked as CPython checks them.
fn n_k(vm: &Vm, n: &Value, k: &Value) -> PyResult<(BigInt, BigInt)> {
    let (n, k) = (int_arg(vm, n)?, int_arg(vm, k)?);
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

static COMB: Signature = Signature::new(Style::Positional, "math.comb", "n, k, /")
    .doc("Return the number of ways to choose k of n items, ignoring order.");
fn comb(vm: &Vm, args: Args) -> PyResult {
    let (n, k) = two(vm, args, &COMB)?;
    let (n, mut k) = n_k(vm, n, k)?;
    if k > n {
        return Ok(Value::Int(0));
    }
    if &n - &k < k {
        k = &n - &k;
    }
    let Some(k) = k.to_u64() else {
        return Err(vm.overflow_error("min(n - k, k) must not exceed 9223372036854775807"));
    };
    let mut acc = BigInt::one();
    for i in 0..k {
        acc = acc * (&n - i) / (i + 1);
    }
    Ok(Value::from_bigint(acc))
}

static PERM: Signature = Signature::new(Style::Positional, "math.perm", "n, k=None, /")
    .doc("Return the number of ways to arrange k of n items in order.");
fn perm(vm: &Vm, args: Args) -> PyResult {
    let ([n], [k]) = PERM.bind(vm, args)?;
    let k = match k {
        None | Some(Value::None) => n,
        Some(k) => k,
    };
    let (n, k) = n_k(vm, n, k)?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let Some(k) = k.to_u64() else {
        return Err(vm.overflow_error("k must not exceed 9223372036854775807"));
    };
    let mut acc = BigInt::one();
    for i in 0..k {
        acc *= &n - i;
    }
    Ok(Value::from_bigint(acc))
}

static ISQRT: Signature = Signature::new(Style::Exact, "math.isqrt", "n, /")
    .doc("Return the integer square root of n, rounded down.");
fn isqrt(vm: &Vm, args: Args) -> PyResult {
    let n = int_arg(vm, one(vm, args, &ISQRT)?)?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::from_bigint(n.sqrt()))
}

static PROD: Signature = Signature::new(Style::Clinic, "math.prod", "iterable, /, *, start=1")
    .doc("Return start times the product of the items of the iterable.");
fn prod(vm: &Vm, args: Args) -> PyResult {
    let ([iterable], [start]) = PROD.bind(vm, args)?;
    let mut acc = start.cloned().unwrap_or(Value::Int(1));
    let it = vm.iter(iterable)?;
    while let Some(v) = vm.next(&it)? {
        acc = vm.binary_op(&acc, &v, BinOp::Mul, false)?;
    }
    Ok(acc)
}

/// `fsum`: the exactly rounded sum, keeping the running sum as a list of
/// non-overlapping partial sums (Shewchuk's method, as CPython's msum).
static FSUM: Signature = Signature::new(Style::Exact, "math.fsum", "seq, /")
    .doc("Return the exactly rounded float sum of the items of seq.");
fn fsum(vm: &Vm, args: Args) -> PyResult {
    let it = vm.iter(one(vm, args, &FSUM)?)?;
    let mut partials: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    while let Some(v) = vm.next(&it)? {
        let mut x = to_f64(vm, &v)?;
        let original = x;
        let mut kept = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[kept] = lo;
                kept += 1;
            }
            x = hi;
        }
        partials.truncate(kept);
        if x != 0.0 {
            if !x.is_finite() {
                // Either a NaN/inf summand or an intermediate overflow.
                if original.is_finite() {
                    return Err(vm.overflow_error("intermediate overflow in fsum"));
                }
                if original.is_infinite() {
                    inf_sum += original;
                }
                special_sum += original;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return Ok(Value::float(special_sum));
    }
    let mut hi = 0.0f64;
    if let Some(&top) = partials.last() {
        let mut n = partials.len() - 1;
        hi = top;
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            let y = partials[n - 1];
            n -= 1;
            hi = x + y;
            lo = y - (hi - x);
            if lo != 0.0 {
                break;
            }
        }
        // Round half to even across partials: a remaining partial of the same
        // sign as `lo` means the true sum lies past the halfway point.
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            if y == x - hi {
                hi = x;
            }
        }
    }
    Ok(Value::float(hi))
}

static DEGREES: Signature = Signature::new(Style::Exact, "math.degrees", "x, /")
    .doc("Return the angle x converted from radians to degrees.");
fn degrees(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::float(
        to_f64(vm, one(vm, args, &DEGREES)?)? * (180.0 / PI),
    ))
}

static RADIANS: Signature = Signature::new(Style::Exact, "math.radians", "x, /")
    .doc("Return the angle x converted from degrees to radians.");
fn radians(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::float(
        to_f64(vm, one(vm, args, &RADIANS)?)? * (PI / 180.0),
    ))
}

static MODF: Signature = Signature::new(Style::Exact, "math.modf", "x, /")
    .doc("Return the fractional and integer parts of x, as floats.");
fn modf(vm: &Vm, args: Args) -> PyResult {
    let x = to_f64(vm, one(vm, args, &MODF)?)?;
    let (frac, int) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let int = x.trunc();
        ((x - int).copysign(x), int)
    };
    Ok(Value::tuple(vec![Value::float(frac), Value::float(int)]))
}

/// `frexp` for a finite non-zero x: (mantissa in [0.5, 1), exponent).
fn frexp_parts(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: normalise first.
        let (m, e) = frexp_parts(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let mantissa = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (mantissa, exp - 1022)
}

/// 2**k for k in -1022..=1023, built from its bits (exact).
fn pow2(k: i32) -> f64 {
    f64::from_bits(((k + 1023) as u64) << 52)
}

/// `x * 2**e`, rounded once (subnormal results included).
fn ldexp_f(x: f64, e: i32) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let (m, ex) = frexp_parts(x);
    // x * 2**e == m * 2**total with 0.5 <= |m| < 1.
    let total = ex as i64 + e as i64;
    if total > 1024 {
        return f64::INFINITY.copysign(x);
    }
    if total >= -1021 {
        return m * 2.0 * pow2((total - 1) as i32);
    }
    if total < -1075 {
        return 0.0f64.copysign(x);
    }
    // Exact scaling into [2**-2, 2**52), then one rounding onto the subnormal grid.
    m * pow2((total + 1074) as i32) * f64::from_bits(1)
}

static FREXP: Signature = Signature::new(Style::Exact, "math.frexp", "x, /")
    .doc("Return (m, e) with x == m * 2**e and 0.5 <= abs(m) < 1.");
fn frexp(vm: &Vm, args: Args) -> PyResult {
    let x = to_f64(vm, one(vm, args, &FREXP)?)?;
    let (m, e) = frexp_parts(x);
    Ok(Value::tuple(vec![Value::float(m), Value::Int(e as i64)]))
}

static LDEXP: Signature =
    Signature::new(Style::Positional, "math.ldexp", "x, i, /").doc("Return x * 2**i.");
fn ldexp(vm: &Vm, args: Args) -> PyResult {
    let (x, i) = two(vm, args, &LDEXP)?;
    let x = to_f64(vm, x)?;
    let e = match i {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => to_bigint(vm, i)?,
        _ => return Err(vm.type_error("Expected an int as second argument to ldexp.")),
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::float(x));
    }
    let e = e
        .to_i64()
        .unwrap_or(if e.is_negative() { i64::MIN } else { i64::MAX })
        .clamp(-100_000, 100_000) as i32;
    let r = ldexp_f(x, e);
    if r.is_infinite() {
        return Err(range_error(vm));
    }
    Ok(Value::float(r))
}

static FMOD: Signature = Signature::new(Style::Positional, "math.fmod", "x, y, /")
    .doc("Return the remainder of x / y with the sign of x, as C computes it.");
fn fmod(vm: &Vm, args: Args) -> PyResult {
    let (x, y) = two(vm, args, &FMOD)?;
    let (x, y) = (to_f64(vm, x)?, to_f64(vm, y)?);
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(vm));
    }
    Ok(Value::float(r))
}

/// IEEE 754 remainder: `x - n*y` with n the integer nearest x/y (ties to even), computed exactly.
fn ieee_remainder(x: f64, y: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() || y == 0.0 {
        return f64::NAN;
    }
    if y.is_infinite() {
        return x;
    }
    let (absx, absy) = (x.abs(), y.abs());
    let m = absx % absy;
    let c = absy - m;
    let r = if m < c {
        m
    } else if m > c {
        -c
    } else {
        // Exactly halfway: pick the even multiple.
        m - 2.0 * ((0.5 * (absx - m)) % absy)
    };
    1.0f64.copysign(x) * r
}

static REMAINDER: Signature = Signature::new(Style::Positional, "math.remainder", "x, y, /")
    .doc("Return the IEEE 754 remainder of x by y, x - n*y for the nearest integer n.");
fn remainder(vm: &Vm, args: Args) -> PyResult {
    binary(vm, args, &REMAINDER, ieee_remainder)
}

static NEXTAFTER: Signature = Signature::new(Style::Positional, "math.nextafter", "x, y, /")
    .doc("Return the next float after x in the direction of y.");
fn nextafter(vm: &Vm, args: Args) -> PyResult {
    let (x, y) = two(vm, args, &NEXTAFTER)?;
    let (x, y) = (to_f64(vm, x)?, to_f64(vm, y)?);
    Ok(Value::float(next_toward(x, y)))
}

fn next_toward(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

static ULP: Signature = Signature::new(Style::Exact, "math.ulp", "x, /")
    .doc("Return the value of the least significant bit of the float x.");
fn ulp(vm: &Vm, args: Args) -> PyResult {
    let x = to_f64(vm, one(vm, args, &ULP)?)?.abs();
    if x.is_nan() || x.is_infinite() {
        return Ok(Value::float(x));
    }
    let next = next_toward(x, f64::INFINITY);
    if next.is_infinite() {
        return Ok(Value::float(x - next_toward(x, 0.0)));
    }
    Ok(Value::float(next - x))
}

// -- gamma and error functions --------------------------------------------------------

/// Lanczos approximation parameters (N = 13, g = 6.024680040776729583740234375),
/// the rational form used by Boost and CPython.
#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];

/// The Lanczos sum for x > 0, evaluated in 1/x for large x to avoid overflow.
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0f64, 0.0f64);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// sin(pi * x) for finite x, accurate near the integers.
fn sin_pi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

/// Why a gamma computation failed: CPython's EDOM (ValueError) or ERANGE (OverflowError).
enum MathErr {
    Domain,
    Range,
}

fn gamma_f(x: f64) -> Result<f64, MathErr> {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 {
            Ok(x)
        } else {
            Err(MathErr::Domain)
        };
    }
    if x == 0.0 {
        return Err(MathErr::Domain);
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(MathErr::Domain);
        }
        if x <= 23.0 {
            return Ok(
                crate::fmt::bigint_to_f64(&range_product(1, x as u64)).unwrap_or(f64::INFINITY)
            );
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() {
            Err(MathErr::Range)
        } else {
            Ok(r)
        };
    }
    if absx > 200.0 {
        return if x < 0.0 {
            Ok(0.0 / sin_pi(x))
        } else {
            Err(MathErr::Range)
        };
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // The rounding error in y, used to correct the power below.
    let z = if absx > LANCZOS_G_MINUS_HALF {
        (y - absx) - LANCZOS_G_MINUS_HALF
    } else {
        (y - LANCZOS_G_MINUS_HALF) - absx
    };
    let z = z * LANCZOS_G / y;
    let r = if x < 0.0 {
        let mut r = -PI / sin_pi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r / y.powf(absx - 0.5)
        } else {
            let half = y.powf(absx / 2.0 - 0.25);
            r / half / half
        }
    } else {
        let mut r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r * y.powf(absx - 0.5)
        } else {
            let half = y.powf(absx / 2.0 - 0.25);
            r * half * half
        }
    };
    if r.is_infinite() {
        Err(MathErr::Range)
    } else {
        Ok(r)
    }
}

fn lgamma_f(x: f64) -> Result<f64, MathErr> {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 {
            Err(MathErr::Domain)
        } else {
            Ok(0.0)
        };
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-absx.ln());
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = LOG_PI - sin_pi(absx).abs().ln() - absx.ln() - r;
    }
    if r.is_infinite() {
        Err(MathErr::Range)
    } else {
        Ok(r)
    }
}

fn gamma_result(vm: &Vm, r: Result<f64, MathErr>) -> PyResult {
    match r {
        Ok(v) => Ok(Value::float(v)),
        Err(MathErr::Domain) => Err(domain_error(vm)),
        Err(MathErr::Range) => Err(range_error(vm)),
    }
}

static GAMMA: Signature =
    Signature::new(Style::Exact, "math.gamma", "x, /").doc("Return the Gamma function at x.");
fn gamma(vm: &Vm, args: Args) -> PyResult {
    let x = to_f64(vm, one(vm, args, &GAMMA)?)?;
    gamma_result(vm, gamma_f(x))
}

static LGAMMA: Signature = Signature::new(Style::Exact, "math.lgamma", "x, /")
    .doc("Return the natural logarithm of abs(Gamma(x)).");
fn lgamma(vm: &Vm, args: Args) -> PyResult {
    let x = to_f64(vm, one(vm, args, &LGAMMA)?)?;
    gamma_result(vm, lgamma_f(x))
}

#[allow(clippy::excessive_precision)]
const LOG_PI: f64 = 1.144729885849400174143427351353058711647;
