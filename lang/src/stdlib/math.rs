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
    let m = super::module_with(
        vm,
        "math",
        &[
            ("sqrt", sqrt),
            ("exp", exp),
            ("exp2", exp2),
            ("expm1", expm1),
            ("log", log),
            ("log2", log2),
            ("log10", log10),
            ("log1p", log1p),
            ("sin", sin),
            ("cos", cos),
            ("tan", tan),
            ("asin", asin),
            ("acos", acos),
            ("atan", atan),
            ("atan2", atan2),
            ("sinh", sinh),
            ("cosh", cosh),
            ("tanh", tanh),
            ("asinh", asinh),
            ("acosh", acosh),
            ("atanh", atanh),
            ("cbrt", cbrt),
            ("fabs", fabs),
            ("floor", floor),
            ("ceil", ceil),
            ("trunc", trunc),
            ("pow", pow),
            ("hypot", hypot),
            ("dist", dist),
            ("isclose", isclose),
            ("isfinite", isfinite),
            ("isinf", isinf),
            ("isnan", isnan),
            ("gcd", gcd),
            ("lcm", lcm),
            ("factorial", factorial),
            ("comb", comb),
            ("perm", perm),
            ("isqrt", isqrt),
            ("prod", prod),
            ("fsum", fsum),
            ("copysign", copysign),
            ("degrees", degrees),
            ("radians", radians),
            ("modf", modf),
            ("frexp", frexp),
            ("ldexp", ldexp),
            ("fmod", fmod),
            ("remainder", remainder),
            ("nextafter", nextafter),
            ("ulp", ulp),
            ("gamma", gamma),
            ("lgamma", lgamma),
            ("erf", erf),
            ("erfc", erfc),
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

/// The one argument of `math.NAME(x)`.
fn one<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    args.check(vm, &format!("math.{name}"), 1, 1)?;
    Ok(&args.pos[0])
}

/// Applies `f` to a float argument with CPython's error rules (`math_1`).
fn unary(vm: &Vm, args: &Args, name: &str, f: fn(f64) -> f64, can_overflow: bool) -> PyResult {
    let x = to_f64(vm, one(vm, args, name)?)?;
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
fn binary(vm: &Vm, args: &Args, name: &str, f: fn(f64, f64) -> f64) -> PyResult {
    args.check(vm, name, 2, 2)?;
    let (x, y) = (to_f64(vm, &args.pos[0])?, to_f64(vm, &args.pos[1])?);
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error(vm));
    }
    Ok(Value::float(r))
}

macro_rules! unary_fns {
    ($($name:ident => $f:expr, $overflow:expr;)*) => {
        $(fn $name(vm: &Vm, args: Args) -> PyResult {
            unary(vm, &args, stringify!($name), $f, $overflow)
        })*
    };
}

unary_fns! {
    sqrt => f64::sqrt, false;
    exp => f64::exp, true;
    exp2 => f64::exp2, true;
    expm1 => f64::exp_m1, true;
    sin => f64::sin, false;
    cos => f64::cos, false;
    tan => f64::tan, false;
    asin => f64::asin, false;
    acos => f64::acos, false;
    atan => f64::atan, false;
    sinh => f64::sinh, true;
    cosh => f64::cosh, true;
    tanh => f64::tanh, false;
    asinh => super::libm::asinh, false;
    acosh => super::libm::acosh, false;
    atanh => super::libm::atanh, false;
    cbrt => f64::cbrt, false;
    erf => super::libm::erf, false;
    erfc => super::libm::erfc, false;
    fabs => f64::abs, false;
    log1p => f64::ln_1p, false;
}

fn atan2(vm: &Vm, args: Args) -> PyResult {
    binary(vm, &args, "atan2", f64::atan2)
}

fn copysign(vm: &Vm, args: Args) -> PyResult {
    binary(vm, &args, "copysign", f64::copysign)
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

fn log(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "log", 1, 2)?;
    let num = log_of(vm, &args.pos[0], f64::ln)?;
    match args.get(1) {
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

fn log2(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::float(log_of(
        vm,
        one(vm, &args, "log2")?,
        f64::log2,
    )?))
}

fn log10(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::float(log_of(
        vm,
        one(vm, &args, "log10")?,
        f64::log10,
    )?))
}

/// `floor`/`ceil`/`trunc`: ints unchanged, the dunder if the type has one, else via float.
fn rounding(vm: &Vm, args: &Args, name: &str, dunder: &str, f: fn(f64) -> f64) -> PyResult {
    let v = one(vm, args, name)?;
    match v {
        Value::Int(_) | Value::BigInt(_) => return Ok(v.clone()),
        Value::Bool(b) => return Ok(Value::Int(b.get() as i64)),
        Value::Float(_) => {}
        other => {
            if let Some(m) = vm.class_of(other).lookup_str(dunder) {
                return vm.call_bound(&m, other, &[]);
            }
            if name == "trunc" {
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

fn floor(vm: &Vm, args: Args) -> PyResult {
    rounding(vm, &args, "floor", "__floor__", f64::floor)
}

fn ceil(vm: &Vm, args: Args) -> PyResult {
    rounding(vm, &args, "ceil", "__ceil__", f64::ceil)
}

fn trunc(vm: &Vm, args: Args) -> PyResult {
    rounding(vm, &args, "trunc", "__trunc__", f64::trunc)
}

/// `math.pow`: C99 special cases handled explicitly, as CPython does.
fn pow(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "pow", 2, 2)?;
    let (x, y) = (to_f64(vm, &args.pos[0])?, to_f64(vm, &args.pos[1])?);
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

fn hypot(vm: &Vm, args: Args) -> PyResult {
    if args.has_kwargs() {
        return Err(vm.type_error("hypot() takes no keyword arguments"));
    }
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

fn dist(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "dist", 2, 2)?;
    let (p, q) = (vm.to_vec(&args.pos[0])?, vm.to_vec(&args.pos[1])?);
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

fn isclose(vm: &Vm, args: Args) -> PyResult {
    args.check_pos(vm, "isclose", 2, 2)?;
    let (a, b) = (to_f64(vm, &args.pos[0])?, to_f64(vm, &args.pos[1])?);
    let rel_tol = match args.kw("rel_tol") {
        Some(v) => to_f64(vm, v)?,
        None => 1e-9,
    };
    let abs_tol = match args.kw("abs_tol") {
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

fn isfinite(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::from_bool(
        to_f64(vm, one(vm, &args, "isfinite")?)?.is_finite(),
    ))
}

fn isinf(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::from_bool(
        to_f64(vm, one(vm, &args, "isinf")?)?.is_infinite(),
    ))
}

fn isnan(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::from_bool(
        to_f64(vm, one(vm, &args, "isnan")?)?.is_nan(),
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

fn gcd(vm: &Vm, args: Args) -> PyResult {
    if args.has_kwargs() {
        return Err(vm.type_error("gcd() takes no keyword arguments"));
    }
    let mut acc = BigInt::zero();
    for v in args.pos {
        acc = acc.gcd(&int_arg(vm, v)?);
    }
    Ok(Value::from_bigint(acc))
}

fn lcm(vm: &Vm, args: Args) -> PyResult {
    if args.has_kwargs() {
        return Err(vm.type_error("lcm() takes no keyword arguments"));
    }
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

fn factorial(vm: &Vm, args: Args) -> PyResult {
    let n = int_arg(vm, one(vm, &args, "factorial")?)?;
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

fn comb(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "comb", 2, 2)?;
    let (n, mut k) = n_k(vm, &args.pos[0], &args.pos[1])?;
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

fn perm(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "perm", 1, 2)?;
    let k = match args.get(1) {
        None | Some(Value::None) => args.pos[0].clone(),
        Some(k) => k.clone(),
    };
    let (n, k) = n_k(vm, &args.pos[0], &k)?;
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

fn isqrt(vm: &Vm, args: Args) -> PyResult {
    let n = int_arg(vm, one(vm, &args, "isqrt")?)?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::from_bigint(n.sqrt()))
}

fn prod(vm: &Vm, args: Args) -> PyResult {
    args.check_pos(vm, "prod", 1, 1)?;
    let mut acc = args.kw("start").cloned().unwrap_or(Value::Int(1));
    let it = vm.iter(&args.pos[0])?;
    while let Some(v) = vm.next(&it)? {
        acc = vm.binary_op(&acc, &v, BinOp::Mul, false)?;
    }
    Ok(acc)
}

/// `fsum`: the exactly rounded sum, keeping the running sum as a list of
/// non-overlapping partial sums (Shewchuk's method, as CPython's msum).
fn fsum(vm: &Vm, args: Args) -> PyResult {
    let it = vm.iter(one(vm, &args, "fsum")?)?;
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

fn degrees(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::float(
        to_f64(vm, one(vm, &args, "degrees")?)? * (180.0 / PI),
    ))
}

fn radians(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::float(
        to_f64(vm, one(vm, &args, "radians")?)? * (PI / 180.0),
    ))
}

fn modf(vm: &Vm, args: Args) -> PyResult {
    let x = to_f64(vm, one(vm, &args, "modf")?)?;
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

fn frexp(vm: &Vm, args: Args) -> PyResult {
    let x = to_f64(vm, one(vm, &args, "frexp")?)?;
    let (m, e) = frexp_parts(x);
    Ok(Value::tuple(vec![Value::float(m), Value::Int(e as i64)]))
}

fn ldexp(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "ldexp", 2, 2)?;
    let x = to_f64(vm, &args.pos[0])?;
    let e = match &args.pos[1] {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => to_bigint(vm, &args.pos[1])?,
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

fn fmod(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "fmod", 2, 2)?;
    let (x, y) = (to_f64(vm, &args.pos[0])?, to_f64(vm, &args.pos[1])?);
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

fn remainder(vm: &Vm, args: Args) -> PyResult {
    binary(vm, &args, "remainder", ieee_remainder)
}

fn nextafter(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "nextafter", 2, 2)?;
    let (x, y) = (to_f64(vm, &args.pos[0])?, to_f64(vm, &args.pos[1])?);
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

fn ulp(vm: &Vm, args: Args) -> PyResult {
    let x = to_f64(vm, one(vm, &args, "ulp")?)?.abs();
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

fn gamma(vm: &Vm, args: Args) -> PyResult {
    let x = to_f64(vm, one(vm, &args, "gamma")?)?;
    gamma_result(vm, gamma_f(x))
}

fn lgamma(vm: &Vm, args: Args) -> PyResult {
    let x = to_f64(vm, one(vm, &args, "lgamma")?)?;
    gamma_result(vm, lgamma_f(x))
}

#[allow(clippy::excessive_precision)]
const LOG_PI: f64 = 1.144729885849400174143427351353058711647;
