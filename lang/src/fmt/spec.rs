//! The format-spec mini-language (`format(value, spec)`, f-strings, `str.format`) as
//! implemented by CPython 3.11's Python/formatter_unicode.c, for `int`, `float` and `str`.

use super::float_repr::{double_to_string, DtsfFlags};
use super::numeric::{bigint_to_f64, INT_MAX_STR_DIGITS};
use super::unicode::decimal_value;
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive};
use std::fmt;

/// Output longer than this many characters is refused with `FormatError::Memory` instead of
/// attempting a huge allocation (CPython would try, then raise `MemoryError`).
pub const MAX_FORMAT_LEN: u64 = 1 << 32;

/// A formatting failure; `message(type_name)` renders CPython's exact text.
///
/// Two variants mention the formatted object's type, so the caller supplies its Python type
/// name (`"int"`, `"float"`, `"str"`, `"bool"`, ...) when rendering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// ValueError: `Invalid format specifier '{spec}' for object of type '{type}'`.
    InvalidSpec(String),
    /// ValueError: `Unknown format code '{code}' for object of type '{type}'`.
    UnknownCode(char),
    /// ValueError with a complete message.
    Value(String),
    /// OverflowError with a complete message.
    Overflow(String),
    /// `format(cp, 'c')` for a surrogate code point, which a Rust `String` cannot hold.
    Surrogate(u32),
    /// The result would exceed `MAX_FORMAT_LEN` characters (CPython: MemoryError).
    Memory,
}

impl FormatError {
    /// The error message exactly as CPython prints it, given the object's type name.
    pub fn message(&self, type_name: &str) -> String {
        let tn: String = type_name.chars().take(200).collect();
        match self {
            FormatError::InvalidSpec(spec) => {
                format!("Invalid format specifier '{spec}' for object of type '{tn}'")
            }
            FormatError::UnknownCode(c) => {
                format!(
                    "Unknown format code '{}' for object of type '{tn}'",
                    code_display(*c)
                )
            }
            FormatError::Value(m) | FormatError::Overflow(m) => m.clone(),
            FormatError::Surrogate(cp) => {
                format!("character U+{cp:04X} is a lone surrogate and cannot be represented")
            }
            FormatError::Memory => String::new(),
        }
    }

    /// The Python exception class name: `ValueError`, `OverflowError` or `MemoryError`.
    pub fn exception_name(&self) -> &'static str {
        match self {
            FormatError::Overflow(_) => "OverflowError",
            FormatError::Memory => "MemoryError",
            _ => "ValueError",
        }
    }
}

impl fmt::Display for FormatError {
    /// Renders the message with the placeholder type name `object`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message("object"))
    }
}

impl std::error::Error for FormatError {}

/// How CPython renders a presentation-type character inside an error message (`%c` or `\x%x`).
fn code_display(c: char) -> String {
    let cp = c as u32;
    if cp > 32 && cp < 128 {
        c.to_string()
    } else {
        format!("\\x{cp:x}")
    }
}

/// A parsed `[[fill]align][sign][z][#][0][width][grouping][.precision][type]` spec.
///
/// Fields hold what was written; type-dependent defaults (alignment, type) are applied by the
/// `format_*` functions, as CPython does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormatSpec {
    /// Fill character given before an explicit alignment token.
    pub fill: Option<char>,
    /// Alignment token: one of `<`, `>`, `=`, `^`.
    pub align: Option<char>,
    /// Sign option: `+`, `-` or space.
    pub sign: Option<char>,
    /// `z`: coerce negative zero results to positive zero (floats only).
    pub no_neg_0: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// The `0` flag before the width (only recognised when no explicit fill was given).
    pub zero_pad: bool,
    /// Minimum field width.
    pub width: Option<usize>,
    /// Grouping option: `,` or `_`.
    pub grouping: Option<char>,
    /// Precision (digits for floats, maximum length for strings).
    pub precision: Option<usize>,
    /// Presentation type character, if given (may be any character; validated on use).
    pub ty: Option<char>,
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// CPython's `get_integer`: reads Unicode decimal digits; `Ok(None)` when there are none.
fn get_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, FormatError> {
    let mut acc: i64 = 0;
    let mut n = 0usize;
    while *pos < chars.len() {
        let Some(d) = decimal_value(chars[*pos]) else {
            break;
        };
        let d = d as i64;
        if acc > (i64::MAX - d) / 10 {
            return Err(FormatError::Value(
                "Too many decimal digits in format string".into(),
            ));
        }
        acc = acc * 10 + d;
        *pos += 1;
        n += 1;
    }
    Ok(if n == 0 {
        None
    } else {
        Some(usize::try_from(acc).unwrap_or(usize::MAX))
    })
}

/// Parses a format spec as CPython's `parse_internal_render_format_spec` (type-independent
/// part); errors: missing precision, too many digits, both `,` and `_`, invalid specifier.
pub fn parse_format_spec(spec: &str) -> Result<FormatSpec, FormatError> {
    // Specs are short: decode into a stack buffer (a str has at most as many chars as bytes).
    let mut small = ['\0'; 24];
    let heap: Vec<char>;
    let chars: &[char] = if spec.len() <= small.len() {
        let mut n = 0;
        for c in spec.chars() {
            small[n] = c;
            n += 1;
        }
        &small[..n]
    } else {
        heap = spec.chars().collect();
        &heap
    };
    let end = chars.len();
    let mut pos = 0usize;
    let mut f = FormatSpec::default();

    if end >= 2 && is_align(chars[1]) {
        f.align = Some(chars[1]);
        f.fill = Some(chars[0]);
        pos = 2;
    } else if end >= 1 && is_align(chars[0]) {
        f.align = Some(chars[0]);
        pos = 1;
    }
    if pos < end && matches!(chars[pos], '+' | '-' | ' ') {
        f.sign = Some(chars[pos]);
        pos += 1;
    }
    if pos < end && chars[pos] == 'z' {
        f.no_neg_0 = true;
        pos += 1;
    }
    if pos < end && chars[pos] == '#' {
        f.alternate = true;
        pos += 1;
    }
    if f.fill.is_none() && pos < end && chars[pos] == '0' {
        f.zero_pad = true;
        pos += 1;
    }
    f.width = get_integer(chars, &mut pos)?;
    let both = || FormatError::Value("Cannot specify both ',' and '_'.".into());
    if pos < end && chars[pos] == ',' {
        f.grouping = Some(',');
        pos += 1;
    }
    if pos < end && chars[pos] == '_' {
        if f.grouping.is_some() {
            return Err(both());
        }
        f.grouping = Some('_');
        pos += 1;
    }
    if pos < end && chars[pos] == ',' && f.grouping == Some('_') {
        return Err(both());
    }
    if pos < end && chars[pos] == '.' {
        pos += 1;
        match get_integer(chars, &mut pos)? {
            Some(p) => f.precision = Some(p),
            None => {
                return Err(FormatError::Value(
                    "Format specifier missing precision".into(),
                ))
            }
        }
    }
    if end - pos > 1 {
        return Err(FormatError::InvalidSpec(spec.to_string()));
    }
    if end - pos == 1 {
        f.ty = Some(chars[pos]);
    }
    Ok(f)
}

/// A spec with CPython's type-dependent defaults applied (`InternalFormatSpec`).
#[derive(Clone)]
struct Resolved {
    fill: char,
    align: char,
    sign: Option<char>,
    no_neg_0: bool,
    alternate: bool,
    /// -1 when not given.
    width: i64,
    /// -1 when not given.
    precision: i64,
    /// `'\0'` stands for "no type" (the float default).
    ty: char,
    /// Group size and separator, after validation against the type.
    grouping: Option<(usize, char)>,
}

fn resolve(
    spec: &FormatSpec,
    default_type: char,
    default_align: char,
) -> Result<Resolved, FormatError> {
    let fill = spec.fill.unwrap_or(if spec.zero_pad { '0' } else { ' ' });
    let align = spec
        .align
        .unwrap_or(if spec.zero_pad && default_align == '>' {
            '='
        } else {
            default_align
        });
    let ty = spec.ty.unwrap_or(default_type);
    let grouping = match spec.grouping {
        None => None,
        Some(g) => match ty {
            'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => Some((3, g)),
            'b' | 'o' | 'x' | 'X' if g == '_' => Some((4, '_')),
            _ => {
                return Err(FormatError::Value(format!(
                    "Cannot specify '{g}' with '{}'.",
                    code_display(ty)
                )))
            }
        },
    };
    let width = spec.width.map_or(-1, |w| w.min(i64::MAX as usize) as i64);
    Ok(Resolved {
        fill,
        align,
        sign: spec.sign,
        no_neg_0: spec.no_neg_0,
        alternate: spec.alternate,
        width,
        precision: spec
            .precision
            .map_or(-1, |p| p.min(i64::MAX as usize) as i64),
        ty,
        grouping,
    })
}

/// CPython's `_PyUnicode_InsertThousandsGrouping`: groups `digits` (ASCII) from the right,
/// zero-padding (with separators) to at least `min_width` characters.
fn insert_grouping(digits: &[u8], min_width: i64, grouping: Option<(usize, char)>) -> String {
    let mut rev: Vec<char> = Vec::with_capacity(digits.len() * 2);
    let mut min_width = min_width.max(0);
    let mut remaining = digits.len() as i64;
    let mut dpos = digits.len();
    let mut use_sep = false;
    let mut emit = |rev: &mut Vec<char>, n_chars: i64, n_zeros: i64, sep: Option<char>| {
        if let Some(s) = sep {
            rev.push(s);
        }
        for _ in 0..n_chars {
            dpos -= 1;
            rev.push(digits[dpos] as char);
        }
        for _ in 0..n_zeros {
            rev.push('0');
        }
    };
    let mut broken = false;
    if let Some((g, sep)) = grouping {
        let g = g as i64;
        loop {
            let len = g.min(remaining.max(min_width).max(1));
            let n_zeros = (len - remaining).max(0);
            let n_chars = remaining.min(len).max(0);
            emit(&mut rev, n_chars, n_zeros, use_sep.then_some(sep));
            use_sep = true;
            remaining -= n_chars;
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                broken = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !broken {
        let len = remaining.max(min_width).max(1);
        let n_zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0);
        let sep = grouping.map(|(_, s)| s).filter(|_| use_sep);
        emit(&mut rev, n_chars, n_zeros, sep);
    }
    rev.iter().rev().collect()
}

/// The pieces of a formatted number, as CPython's `calc_number_widths` sees them.
struct NumberParts<'a> {
    negative: bool,
    prefix: &'a str,
    /// Integer digits (ASCII) that take grouping and zero padding.
    digits: &'a [u8],
    has_decimal: bool,
    /// Everything after the decimal point (or the non-digit text, e.g. `inf`, `%`, a char).
    remainder: &'a str,
}

/// CPython's `calc_number_widths` + `fill_number`.
fn fill_number(
    n: &NumberParts<'_>,
    r: &Resolved,
    grouping: Option<(usize, char)>,
) -> Result<String, FormatError> {
    let mut out = String::new();
    fill_number_into(&mut out, n, r, grouping)?;
    Ok(out)
}

/// `fill_number`, appending to `out`.
fn fill_number_into(
    out: &mut String,
    n: &NumberParts<'_>,
    r: &Resolved,
    grouping: Option<(usize, char)>,
) -> Result<(), FormatError> {
    let sign = match r.sign {
        Some('+') => Some(if n.negative { '-' } else { '+' }),
        Some(' ') => Some(if n.negative { '-' } else { ' ' }),
        _ => n.negative.then_some('-'),
    };
    if r.width > MAX_FORMAT_LEN as i64 {
        return Err(FormatError::Memory);
    }
    let n_remainder = crate::objects::str::count_chars(n.remainder) as i64;
    let n_non_digit =
        sign.is_some() as i64 + n.prefix.len() as i64 + n.has_decimal as i64 + n_remainder;
    let min_width = if r.fill == '0' && r.align == '=' {
        r.width - n_non_digit
    } else {
        0
    };
    // Without grouping the digits are only left-padded with zeros up to `min_width`.
    let (grouped, n_zeros) = if n.digits.is_empty() {
        (String::new(), 0)
    } else if grouping.is_none() {
        (String::new(), (min_width - n.digits.len() as i64).max(0))
    } else {
        (insert_grouping(n.digits, min_width, grouping), 0)
    };
    let n_digits = if grouping.is_none() {
        n.digits.len() as i64 + n_zeros
    } else {
        grouped.len() as i64
    };
    let body_len = n_non_digit + n_digits;
    let n_padding = (r.width - body_len).max(0);
    let (lpad, spad, rpad) = match r.align {
        '<' => (0, 0, n_padding),
        '^' => (n_padding / 2, 0, n_padding - n_padding / 2),
        '=' => (0, n_padding, 0),
        _ => (n_padding, 0, 0),
    };
    if (body_len + n_padding) as u64 > MAX_FORMAT_LEN {
        return Err(FormatError::Memory);
    }
    out.reserve((body_len + n_padding) as usize);
    let pad = |out: &mut String, c: char, k: i64| {
        if k > 0 {
            out.extend(std::iter::repeat_n(c, k as usize))
        }
    };
    pad(out, r.fill, lpad);
    if let Some(s) = sign {
        out.push(s);
    }
    out.push_str(n.prefix);
    pad(out, r.fill, spad);
    if grouping.is_none() {
        pad(out, '0', n_zeros);
        // The digits are ASCII.
        out.push_str(std::str::from_utf8(n.digits).unwrap_or_default());
    } else {
        out.push_str(&grouped);
    }
    if n.has_decimal {
        out.push('.');
    }
    out.push_str(n.remainder);
    pad(out, r.fill, rpad);
    Ok(())
}

/// Number of decimal digits of `v` exceeds CPython's default `sys.get_int_max_str_digits()`.
pub(crate) fn exceeds_str_digits(v: &BigInt) -> bool {
    let bits = v.bits();
    if bits <= 14284 {
        return false;
    }
    if bits > 14286 {
        return true;
    }
    let limit = num_traits::pow(BigInt::from(10u32), INT_MAX_STR_DIGITS);
    v.abs() >= limit
}

/// The `ValueError` CPython raises when converting an over-long int to decimal text.
pub(crate) fn str_digits_error() -> FormatError {
    FormatError::Value(format!(
        "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// `format(v, spec)` for an `int` (types b c d o x X n, none, and e E f F g G % via float).
///
/// An empty spec gives `str(v)`; for `bool` and other int subclasses CPython formats an empty
/// spec with `str(obj)`, which the caller must handle. Decimal output longer than 4300 digits
/// fails as in CPython's default `int_max_str_digits` setting.
pub fn format_int(v: &BigInt, spec: &FormatSpec) -> Result<String, FormatError> {
    let mut out = String::new();
    format_int_into(&mut out, IntRef::Big(v), spec)?;
    Ok(out)
}

/// `format(v, spec)` for an `int` that fits in an `i64` (no big-int conversion).
pub fn format_i64(v: i64, spec: &FormatSpec) -> Result<String, FormatError> {
    let mut out = String::new();
    format_int_into(&mut out, IntRef::Small(v), spec)?;
    Ok(out)
}

/// An int to format: inline or big.
#[derive(Clone, Copy)]
pub enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntRef<'_> {
    fn to_bigint(self) -> BigInt {
        match self {
            IntRef::Small(i) => BigInt::from(i),
            IntRef::Big(b) => b.clone(),
        }
    }
}

/// `format(v, spec)` for an `int`, appending to `out` (which is left as it was on error
/// only up to a prefix: callers discard `out` when this fails).
pub fn format_int_into(
    out: &mut String,
    v: IntRef<'_>,
    spec: &FormatSpec,
) -> Result<(), FormatError> {
    let r = resolve(spec, 'd', '>')?;
    match r.ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => format_long_internal(out, v, &r),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let x = match v {
                IntRef::Small(i) if i.unsigned_abs() < (1 << 53) => i as f64,
                _ => bigint_to_f64(&v.to_bigint()).ok_or_else(|| {
                    FormatError::Overflow("int too large to convert to float".into())
                })?,
            };
            out.push_str(&format_float_internal(x, &r)?);
            Ok(())
        }
        c => Err(FormatError::UnknownCode(c)),
    }
}

/// The digits of `v` in `base` (2, 8, 10 or 16, lowercase), written at the end of `buf`.
fn u64_digits(mut v: u64, base: u64, buf: &mut [u8; 64]) -> &[u8] {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b"0123456789abcdef"[(v % base) as usize];
        v /= base;
        if v == 0 {
            break;
        }
    }
    &buf[i..]
}

fn format_long_internal(out: &mut String, v: IntRef<'_>, r: &Resolved) -> Result<(), FormatError> {
    if r.precision != -1 {
        return Err(FormatError::Value(
            "Precision not allowed in integer format specifier".into(),
        ));
    }
    if r.no_neg_0 {
        return Err(FormatError::Value(
            "Negative zero coercion (z) not allowed in integer format specifier".into(),
        ));
    }
    if r.ty == 'c' {
        if r.sign.is_some() {
            return Err(FormatError::Value(
                "Sign not allowed with integer format specifier 'c'".into(),
            ));
        }
        if r.alternate {
            return Err(FormatError::Value(
                "Alternate form (#) not allowed with integer format specifier 'c'".into(),
            ));
        }
        let x = match v {
            IntRef::Small(i) => i,
            IntRef::Big(b) => b.to_i64().ok_or_else(|| {
                FormatError::Overflow("Python int too large to convert to C long".into())
            })?,
        };
        if !(0..=0x10ffff).contains(&x) {
            return Err(FormatError::Overflow(
                "%c arg not in range(0x110000)".into(),
            ));
        }
        let c = char::from_u32(x as u32).ok_or(FormatError::Surrogate(x as u32))?;
        let s = c.to_string();
        let parts = NumberParts {
            negative: false,
            prefix: "",
            digits: b"",
            has_decimal: false,
            remainder: &s,
        };
        return fill_number_into(out, &parts, r, None);
    }
    let (base, prefix) = match r.ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut buf = [0u8; 64];
    let big_digits;
    let (negative, digits): (bool, &[u8]) = match v {
        IntRef::Small(i) => (i < 0, u64_digits(i.unsigned_abs(), base as u64, &mut buf)),
        IntRef::Big(b) => {
            if base == 10 && exceeds_str_digits(b) {
                return Err(str_digits_error());
            }
            big_digits = b.magnitude().to_str_radix(base);
            (b.sign() == Sign::Minus, big_digits.as_bytes())
        }
    };
    let upper;
    let digits = if r.ty == 'X' {
        upper = digits.to_ascii_uppercase();
        &upper[..]
    } else {
        digits
    };
    let parts = NumberParts {
        negative,
        prefix: if r.alternate { prefix } else { "" },
        digits,
        has_decimal: false,
        remainder: "",
    };
    let grouping = if r.ty == 'n' { None } else { r.grouping };
    fill_number_into(out, &parts, r, grouping)
}

/// `format(v, spec)` for a `float` (types e E f F g G n % and none); an empty spec is `repr`.
pub fn format_float(v: f64, spec: &FormatSpec) -> Result<String, FormatError> {
    let r = resolve(spec, '\0', '>')?;
    match r.ty {
        '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%' => format_float_internal(v, &r),
        c => Err(FormatError::UnknownCode(c)),
    }
}

fn format_float_internal(v: f64, r: &Resolved) -> Result<String, FormatError> {
    if r.precision > i32::MAX as i64 {
        return Err(FormatError::Value("precision too big".into()));
    }
    let mut flags = DtsfFlags {
        alt: r.alternate,
        no_neg_0: r.no_neg_0,
        ..DtsfFlags::default()
    };
    let mut ty = r.ty;
    let mut default_precision = 6;
    if ty == '\0' {
        flags.add_dot_0 = true;
        ty = 'r';
        default_precision = 0;
    }
    if ty == 'n' {
        ty = 'g';
    }
    let mut val = v;
    let mut add_pct = false;
    if ty == '%' {
        ty = 'f';
        val *= 100.0;
        add_pct = true;
    }
    let precision = if r.precision < 0 {
        default_precision
    } else {
        if ty == 'r' {
            ty = 'g';
        }
        r.precision
    };
    if ty == 'f' || ty == 'F' {
        // Rough size check before building a huge zero-padded string.
        let int_digits = if val.is_finite() {
            val.abs().log10().max(0.0) as i64 + 2
        } else {
            0
        };
        if (precision + int_digits) as u64 > MAX_FORMAT_LEN {
            return Err(FormatError::Memory);
        }
    } else if precision as u64 > MAX_FORMAT_LEN {
        return Err(FormatError::Memory);
    }
    let mut buf = double_to_string(val, ty, precision, flags).unwrap_or_default();
    if add_pct {
        buf.push('%');
    }
    let (negative, body) = match buf.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, buf.as_str()),
    };
    let n_int = body.bytes().take_while(u8::is_ascii_digit).count();
    let has_decimal = body.as_bytes().get(n_int) == Some(&b'.');
    let remainder = &body[n_int + has_decimal as usize..];
    let parts = NumberParts {
        negative,
        prefix: "",
        digits: &body.as_bytes()[..n_int],
        has_decimal,
        remainder,
    };
    let grouping = if r.ty == 'n' { None } else { r.grouping };
    fill_number(&parts, r, grouping)
}

/// `format(v, spec)` for a `str` (type `s` or none): precision truncates, default align left.
pub fn format_str(v: &str, spec: &FormatSpec) -> Result<String, FormatError> {
    let mut out = String::new();
    format_str_into(&mut out, v, spec)?;
    Ok(out)
}

/// `format_str`, appending to `out`.
pub fn format_str_into(out: &mut String, v: &str, spec: &FormatSpec) -> Result<(), FormatError> {
    let r = resolve(spec, 's', '<')?;
    if r.ty != 's' {
        return Err(FormatError::UnknownCode(r.ty));
    }
    if let Some(s) = r.sign {
        return Err(FormatError::Value(if s == ' ' {
            "Space not allowed in string format specifier".into()
        } else {
            "Sign not allowed in string format specifier".into()
        }));
    }
    if r.no_neg_0 {
        return Err(FormatError::Value(
            "Negative zero coercion (z) not allowed in string format specifier".into(),
        ));
    }
    if r.alternate {
        return Err(FormatError::Value(
            "Alternate form (#) not allowed in string format specifier".into(),
        ));
    }
    if r.align == '=' {
        return Err(FormatError::Value(
            "'=' alignment not allowed in string format specifier".into(),
        ));
    }
    let len = crate::objects::str::count_chars(v) as i64;
    let (text, nchars) = if r.precision >= 0 && len >= r.precision {
        let end = v
            .char_indices()
            .nth(r.precision as usize)
            .map_or(v.len(), |(i, _)| i);
        (&v[..end], r.precision)
    } else {
        (v, len)
    };
    let total = r.width.max(nchars);
    if total as u64 > MAX_FORMAT_LEN {
        return Err(FormatError::Memory);
    }
    let lpad = match r.align {
        '>' => total - nchars,
        '^' => (total - nchars) / 2,
        _ => 0,
    };
    let rpad = total - nchars - lpad;
    out.reserve(text.len() + (lpad + rpad) as usize);
    out.extend(std::iter::repeat_n(r.fill, lpad as usize));
    out.push_str(text);
    out.extend(std::iter::repeat_n(r.fill, rpad as usize));
    Ok(())
}

/// `str(v)` for an int, failing like CPython 3.11 beyond 4300 decimal digits.
pub fn int_to_decimal_string(v: &BigInt) -> Result<String, FormatError> {
    if exceeds_str_digits(v) {
        return Err(str_digits_error());
    }
    Ok(v.to_string())
}

/// Convenience: parse `spec` and format an int (`format(v, spec)`).
pub fn format_int_with(v: &BigInt, spec: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return int_to_decimal_string(v);
    }
    format_int(v, &parse_format_spec(spec)?)
}

/// Convenience: parse `spec` and format a float (`format(v, spec)`).
pub fn format_float_with(v: f64, spec: &str) -> Result<String, FormatError> {
    format_float(v, &parse_format_spec(spec)?)
}

/// Convenience: parse `spec` and format a str (`format(v, spec)`).
pub fn format_str_with(v: &str, spec: &str) -> Result<String, FormatError> {
    format_str(v, &parse_format_spec(spec)?)
}

/// `format(z, spec)` for a `complex` (types e E f F g G n and none). With no type the parts
/// are written as `repr` writes them (parenthesised unless the real part is +0); the width,
/// fill and alignment apply to the whole text.
pub fn format_complex(re: f64, im: f64, spec: &FormatSpec) -> Result<String, FormatError> {
    let r = resolve(spec, '\0', '>')?;
    if !matches!(r.ty, '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') {
        return Err(FormatError::UnknownCode(r.ty));
    }
    if r.fill == '0' {
        return Err(FormatError::Value(
            "Zero padding is not allowed in complex format specifier".into(),
        ));
    }
    if r.align == '=' {
        return Err(FormatError::Value(
            "'=' alignment flag is not allowed in complex format specifier".into(),
        ));
    }
    if r.precision > i32::MAX as i64 {
        return Err(FormatError::Value("precision too big".into()));
    }
    let (mut ty, mut precision) = (r.ty, r.precision);
    let (mut skip_re, mut parens) = (false, false);
    if ty == '\0' {
        ty = 'r';
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            parens = true;
        }
    }
    if ty == 'n' {
        ty = 'g';
    }
    if precision < 0 {
        precision = if ty == 'r' { 0 } else { 6 };
    } else if ty == 'r' {
        ty = 'g';
    }
    if precision as u64 > MAX_FORMAT_LEN {
        return Err(FormatError::Memory);
    }
    let flags = DtsfFlags {
        alt: r.alternate,
        no_neg_0: r.no_neg_0,
        ..DtsfFlags::default()
    };
    // Each part is a number of its own (sign, grouping), with no width.
    let part = |x: f64, sign: Option<char>| -> Result<String, FormatError> {
        let buf = double_to_string(x, ty, precision, flags).unwrap_or_default();
        let (negative, body) = match buf.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, buf.as_str()),
        };
        let n_int = body.bytes().take_while(u8::is_ascii_digit).count();
        let has_decimal = body.as_bytes().get(n_int) == Some(&b'.');
        let parts = NumberParts {
            negative,
            prefix: "",
            digits: &body.as_bytes()[..n_int],
            has_decimal,
            remainder: &body[n_int + has_decimal as usize..],
        };
        let bare = Resolved {
            width: -1,
            sign,
            ..r.clone()
        };
        let grouping = if r.ty == 'n' { None } else { r.grouping };
        fill_number(&parts, &bare, grouping)
    };
    let mut text = String::new();
    if parens {
        text.push('(');
    }
    if !skip_re {
        text.push_str(&part(re, r.sign)?);
    }
    text.push_str(&part(im, if skip_re { r.sign } else { Some('+') })?);
    text.push('j');
    if parens {
        text.push(')');
    }
    let nchars = crate::objects::str::count_chars(&text) as i64;
    let total = r.width.max(nchars);
    if total as u64 > MAX_FORMAT_LEN {
        return Err(FormatError::Memory);
    }
    let lpad = match r.align {
        '<' => 0,
        '^' => (total - nchars) / 2,
        _ => total - nchars,
    };
    let mut out = String::with_capacity(text.len() + (total - nchars) as usize);
    out.extend(std::iter::repeat_n(r.fill, lpad as usize));
    out.push_str(&text);
    out.extend(std::iter::repeat_n(
        r.fill,
        (total - nchars - lpad) as usize,
    ));
    Ok(out)
}
