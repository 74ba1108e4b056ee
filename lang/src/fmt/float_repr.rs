//! Float-to-text conversion matching CPython's `PyOS_double_to_string` (`repr`, `%e`, `%f`,
//! `%g`), built on Rust's correctly rounded float formatting.

/// Largest digit count requested from Rust's formatter; every finite `f64` has fewer
/// significant digits (at most 767) and fewer fractional digits (at most 1074) than this,
/// so longer requests are answered exactly by zero padding.
const MAX_EXACT_DIGITS: usize = 1200;

/// A decimal digit string as David Gay's `dtoa` returns it: the value is `0.DIGITS * 10**decpt`.
/// Trailing zeros are stripped; an empty `digits` means a value that rounded to zero.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Digits {
    pub digits: Vec<u8>,
    pub decpt: i64,
}

impl Digits {
    fn zero() -> Digits {
        Digits {
            digits: vec![b'0'],
            decpt: 1,
        }
    }
}

/// Splits Rust's `{:e}` output (`"1.25e-7"`) of a non-negative finite value into digits.
fn from_exp_string(s: &str) -> Digits {
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let mut digits: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).collect();
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
    let exp: i64 = exp.parse().unwrap_or(0);
    Digits {
        digits,
        decpt: exp + 1,
    }
}

/// dtoa mode 0: the shortest digit string that round-trips (closest one on ties).
pub(crate) fn shortest_digits(x: f64) -> Digits {
    if x == 0.0 {
        return Digits::zero();
    }
    let d = from_exp_string(&format!("{:e}", x.abs()));
    // Two shortest candidates can both round-trip only at 16 or 17 digits. Gay's dtoa then
    // returns the one closest to x, ties to even; that is the correctly rounded n-digit
    // value whenever it round-trips (Rust's shortest mode breaks exact ties upward).
    let n = d.digits.len();
    if n >= 16 {
        let c = from_exp_string(&format!("{:.*e}", n - 1, x.abs()));
        if c != d && c.digits.len() == n && to_f64(&c) == Some(x.abs()) {
            return c;
        }
    }
    d
}

/// Reads a digit string back as a float.
fn to_f64(d: &Digits) -> Option<f64> {
    let s = format!("0.{}e{}", std::str::from_utf8(&d.digits).ok()?, d.decpt);
    s.parse().ok()
}

/// dtoa mode 2: `max(1, n)` significant digits, correctly rounded (ties to even).
pub(crate) fn significant_digits(x: f64, n: i64) -> Digits {
    if x == 0.0 {
        return Digits::zero();
    }
    let n = n.clamp(1, MAX_EXACT_DIGITS as i64) as usize;
    from_exp_string(&format!("{:.*e}", n - 1, x.abs()))
}

/// dtoa mode 3: rounded (ties to even) to `n >= 0` digits after the decimal point.
pub(crate) fn fixed_digits(x: f64, n: i64) -> Digits {
    if x == 0.0 {
        return Digits::zero();
    }
    let n = n.max(0);
    let prec = n.min(MAX_EXACT_DIGITS as i64) as usize;
    let s = format!("{:.*}", prec, x.abs());
    let (int_part, frac_part) = s.split_once('.').unwrap_or((&s, ""));
    let mut decpt = int_part.len() as i64;
    let all: Vec<u8> = int_part.bytes().chain(frac_part.bytes()).collect();
    let first_nonzero = all.iter().position(|&b| b != b'0');
    match first_nonzero {
        None => Digits {
            digits: Vec::new(),
            decpt: -n,
        },
        Some(k) => {
            decpt -= k as i64;
            let mut digits = all[k..].to_vec();
            while digits.last() == Some(&b'0') {
                digits.pop();
            }
            Digits { digits, decpt }
        }
    }
}

/// Flags of CPython's `PyOS_double_to_string` (`Py_DTSF_*`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DtsfFlags {
    /// `Py_DTSF_SIGN`: always emit a sign (`+` for non-negative values).
    pub sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: append `.0` to integral values in non-exponent form.
    pub add_dot_0: bool,
    /// `Py_DTSF_ALT`: alternate form (`#`): keep the decimal point and trailing zeros.
    pub alt: bool,
    /// `Py_DTSF_NO_NEG_0`: drop the sign of a result that is (or rounds to) zero (`z`).
    pub no_neg_0: bool,
}

/// CPython's `PyOS_double_to_string(val, code, precision, flags)`: `code` is one of
/// `e E f F g G r` (`r` = repr, precision ignored); returns `None` for any other code.
pub fn double_to_string(x: f64, code: char, precision: i64, flags: DtsfFlags) -> Option<String> {
    let upper = code.is_ascii_uppercase();
    let (code, mode_precision) = match code {
        'e' | 'E' => (b'e', precision.saturating_add(1)),
        'f' | 'F' => (b'f', precision),
        'g' | 'G' => (b'g', if precision == 0 { 1 } else { precision }),
        'r' => (b'r', 0),
        _ => return None,
    };
    Some(format_float_short(x, code, mode_precision, flags, upper))
}

/// CPython's `repr(float)` / `str(float)`: shortest round-trip digits, exponent form when
/// the decimal exponent is < -4 or >= 16, and `.0` appended to integral values.
pub fn float_repr(x: f64) -> String {
    let flags = DtsfFlags {
        add_dot_0: true,
        ..DtsfFlags::default()
    };
    format_float_short(x, b'r', 0, flags, false)
}

/// A faithful port of CPython's `format_float_short` (Python/pystrtod.c).
fn format_float_short(x: f64, code: u8, precision: i64, flags: DtsfFlags, upper: bool) -> String {
    if x.is_nan() {
        let mut s = String::new();
        if flags.sign {
            s.push('+');
        }
        s.push_str(if upper { "NAN" } else { "nan" });
        return s;
    }
    let mut sign = x.is_sign_negative();
    if x.is_infinite() {
        let mut s = String::new();
        if sign {
            s.push('-');
        } else if flags.sign {
            s.push('+');
        }
        s.push_str(if upper { "INF" } else { "inf" });
        return s;
    }

    let Digits { digits, decpt } = match code {
        b'r' => shortest_digits(x),
        b'f' => fixed_digits(x, precision),
        _ => significant_digits(x, precision),
    };
    let mut decpt = decpt;
    let digits_len = digits.len() as i64;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        b'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        b'f' => vdigits_end = decpt.saturating_add(precision),
        b'g' => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }

    let mut exp = 0i64;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && flags.add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }

    if flags.no_neg_0 && sign && (digits.is_empty() || digits == b"0") {
        sign = false;
    }

    let mut out: Vec<u8> = Vec::with_capacity((vdigits_end - vdigits_start + 8).max(8) as usize);
    let zeros = |out: &mut Vec<u8>, n: i64| {
        if n > 0 {
            out.resize(out.len() + n as usize, b'0');
        }
    };
    if sign {
        out.push(b'-');
    } else if flags.sign {
        out.push(b'+');
    }
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push(b'.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        out.extend_from_slice(&digits[..decpt as usize]);
        out.push(b'.');
        out.extend_from_slice(&digits[decpt as usize..]);
    } else {
        out.extend_from_slice(&digits);
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push(b'.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.last() == Some(&b'.') && !flags.alt {
        out.pop();
    }
    let mut s = String::from_utf8(out).unwrap_or_default();
    if use_exp {
        s.push(if upper { 'E' } else { 'e' });
        s.push(if exp < 0 { '-' } else { '+' });
        let a = exp.unsigned_abs();
        if a < 10 {
            s.push('0');
        }
        s.push_str(&a.to_string());
    }
    s
}
