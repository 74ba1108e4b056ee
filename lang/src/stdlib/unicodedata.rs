//! `unicodedata`: character properties from the Unicode Character Database.
//!
//! Properties come from [`crate::ucd`] (UCD 15.0.0, next to CPython 3.11's
//! 14.0.0). Names come from `unicode_names2`, normalization from
//! `unicode-normalization`; both know later versions, so a character the
//! tables call unassigned has no name here, as it has none in 15.0.0.

use crate::objects::bytes::bytes_like;
use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Module, NativeFn, PyResult, Value};
use crate::ucd;
use crate::vm::Vm;
use std::rc::Rc;
use unicode_normalization::{is_nfc, is_nfd, is_nfkc, is_nfkd, UnicodeNormalization};

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with_declared(vm, "unicodedata", FUNCTIONS);
    super::set(&m, "unidata_version", Value::str(ucd::UNIDATA_VERSION));
    Ok(m)
}

const FUNCTIONS: &[(&Signature, NativeFn)] = &[
    (&LOOKUP, lookup),
    (&NAME, name),
    (&CATEGORY, category),
    (&BIDIRECTIONAL, bidirectional),
    (&COMBINING, combining),
    (&EAST_ASIAN_WIDTH, east_asian_width),
    (&MIRRORED, mirrored),
    (&DECOMPOSITION, decomposition),
    (&DECIMAL, decimal),
    (&DIGIT, digit),
    (&NUMERIC, numeric),
    (&NORMALIZE, normalize),
    (&IS_NORMALIZED, is_normalized),
];

// -- argument helpers -----------------------------------------------------------------

/// The one character a property function takes; CPython words the error
/// "argument 1" for functions with more than one parameter.
fn char_arg(vm: &Vm, sig: &Signature, value: &Value, numbered: bool) -> PyResult<char> {
    if let Value::Str(s) = value.builtin_base() {
        let mut chars = s.as_str().chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return Ok(c);
        }
    }
    let which = if numbered { "argument 1" } else { "argument" };
    let type_name = match value {
        Value::None => "None".to_string(),
        _ => vm.type_name(value),
    };
    Err(vm.type_error(format!(
        "{}() {which} must be a unicode character, not {type_name}",
        sig.name(),
    )))
}

/// `default` if given, else ValueError(`message`).
fn or_default(vm: &Vm, default: Option<&Value>, message: &str) -> PyResult {
    default.cloned().ok_or_else(|| vm.value_error(message))
}

// -- names ----------------------------------------------------------------------------

static LOOKUP: Signature = Signature::new(Style::Exact, "unicodedata.lookup", "name, /")
    .doc("Return the character with the given name or alias.");

/// `lookup(name)`: the character (or named sequence) called `name`, aliases
/// included, in any case.
fn lookup(vm: &Vm, args: Args) -> PyResult {
    let ([given], []) = LOOKUP.bind(vm, args)?;
    let name = match given.builtin_base() {
        Value::Str(s) => s.as_str().to_string(),
        other => match bytes_like(other) {
            Some(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            None => {
                return Err(vm.type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    vm.type_name(given)
                )))
            }
        },
    };
    if let Some(c) = unicode_names2::character(&name).filter(|&c| ucd::has_name(c)) {
        return Ok(Value::string(c.to_string()));
    }
    let upper = name.to_ascii_uppercase();
    if let Some((_, text)) = ucd::NAMED_SEQUENCES.iter().find(|(n, _)| *n == upper) {
        return Ok(Value::str(text));
    }
    Err(vm.key_error(Value::string(format!("undefined character name '{name}'"))))
}

static NAME: Signature = Signature::new(
    Style::Positional,
    "unicodedata.name",
    "chr, default=<unrepresentable>, /",
)
.doc("Return the name of the character chr.");

/// `name(chr[, default])`.
fn name(vm: &Vm, args: Args) -> PyResult {
    let ([chr], [default]) = NAME.bind(vm, args)?;
    let c = char_arg(vm, &NAME, chr, true)?;
    match unicode_names2::name(c).filter(|_| ucd::has_name(c)) {
        Some(name) => Ok(Value::string(name.to_string())),
        None => or_default(vm, default, "no such name"),
    }
}

// -- properties -----------------------------------------------------------------------

static CATEGORY: Signature = Signature::new(Style::Exact, "unicodedata.category", "chr, /")
    .doc("Return the general category of chr.");
static BIDIRECTIONAL: Signature =
    Signature::new(Style::Exact, "unicodedata.bidirectional", "chr, /")
        .doc("Return the bidirectional class of chr.");
static COMBINING: Signature = Signature::new(Style::Exact, "unicodedata.combining", "chr, /")
    .doc("Return the canonical combining class of chr, 0 when none.");
static EAST_ASIAN_WIDTH: Signature =
    Signature::new(Style::Exact, "unicodedata.east_asian_width", "chr, /")
        .doc("Return the East Asian width of chr.");
static MIRRORED: Signature = Signature::new(Style::Exact, "unicodedata.mirrored", "chr, /")
    .doc("Return 1 if chr is mirrored in bidirectional text, else 0.");
static DECOMPOSITION: Signature =
    Signature::new(Style::Exact, "unicodedata.decomposition", "chr, /")
        .doc("Return the decomposition mapping of chr as text.");

/// Binds the one character of a property function and reads its record.
fn record_arg(vm: &Vm, sig: &Signature, args: Args) -> PyResult<ucd::Record> {
    let ([chr], []) = sig.bind(vm, args)?;
    Ok(ucd::record(char_arg(vm, sig, chr, false)?))
}

fn category(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::str(record_arg(vm, &CATEGORY, args)?.category))
}

fn bidirectional(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::str(
        record_arg(vm, &BIDIRECTIONAL, args)?.bidirectional,
    ))
}

fn combining(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::Int(
        record_arg(vm, &COMBINING, args)?.combining as i64,
    ))
}

fn east_asian_width(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::str(
        record_arg(vm, &EAST_ASIAN_WIDTH, args)?.east_asian_width,
    ))
}

fn mirrored(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::Int(record_arg(vm, &MIRRORED, args)?.mirrored as i64))
}

fn decomposition(vm: &Vm, args: Args) -> PyResult {
    let ([chr], []) = DECOMPOSITION.bind(vm, args)?;
    let c = char_arg(vm, &DECOMPOSITION, chr, false)?;
    Ok(Value::str(ucd::decomposition(c)))
}

// -- numeric values -------------------------------------------------------------------

static DECIMAL: Signature = Signature::new(
    Style::Positional,
    "unicodedata.decimal",
    "chr, default=<unrepresentable>, /",
)
.doc("Return the decimal value of chr, or default.");
static DIGIT: Signature = Signature::new(
    Style::Positional,
    "unicodedata.digit",
    "chr, default=<unrepresentable>, /",
)
.doc("Return the digit value of chr, or default.");
static NUMERIC: Signature = Signature::new(
    Style::Positional,
    "unicodedata.numeric",
    "chr, default=<unrepresentable>, /",
)
.doc("Return the numeric value of chr as a float, or default.");

fn decimal(vm: &Vm, args: Args) -> PyResult {
    let ([chr], [default]) = DECIMAL.bind(vm, args)?;
    match ucd::numeric(char_arg(vm, &DECIMAL, chr, true)?).and_then(|n| n.decimal) {
        Some(value) => Ok(Value::Int(value as i64)),
        None => or_default(vm, default, "not a decimal"),
    }
}

fn digit(vm: &Vm, args: Args) -> PyResult {
    let ([chr], [default]) = DIGIT.bind(vm, args)?;
    match ucd::numeric(char_arg(vm, &DIGIT, chr, true)?).and_then(|n| n.digit) {
        Some(value) => Ok(Value::Int(value as i64)),
        _ => or_default(vm, default, "not a digit"),
    }
}

fn numeric(vm: &Vm, args: Args) -> PyResult {
    let ([chr], [default]) = NUMERIC.bind(vm, args)?;
    match ucd::numeric(char_arg(vm, &NUMERIC, chr, true)?) {
        Some(n) => Ok(Value::float(n.numerator as f64 / n.denominator as f64)),
        None => or_default(vm, default, "not a numeric character"),
    }
}

// -- normalization --------------------------------------------------------------------

static NORMALIZE: Signature = Signature::new(
    Style::Positional,
    "unicodedata.normalize",
    "form, unistr, /",
)
.doc("Return unistr in the normal form NFC, NFKC, NFD or NFKD.");
static IS_NORMALIZED: Signature = Signature::new(
    Style::Positional,
    "unicodedata.is_normalized",
    "form, unistr, /",
)
.doc("Return whether unistr is already in the given normal form.");

#[derive(Clone, Copy)]
enum Form {
    Nfc,
    Nfd,
    Nfkc,
    Nfkd,
}

/// The form and text of `normalize`/`is_normalized`.
fn form_args<'a>(
    vm: &Vm,
    sig: &Signature,
    form: &'a Value,
    text: &'a Value,
) -> PyResult<(Form, &'a str)> {
    let as_str = |value: &'a Value, position: usize| match value.builtin_base() {
        Value::Str(s) => Ok(s.as_str()),
        _ => Err(vm.type_error(format!(
            "{}() argument {position} must be str, not {}",
            sig.name(),
            vm.type_name(value)
        ))),
    };
    let form = match as_str(form, 1)? {
        "NFC" => Form::Nfc,
        "NFD" => Form::Nfd,
        "NFKC" => Form::Nfkc,
        "NFKD" => Form::Nfkd,
        _ => return Err(vm.value_error("invalid normalization form")),
    };
    Ok((form, as_str(text, 2)?))
}

/// Whether the tables assign `c`. The normalization crate follows a later
/// Unicode version than they do, so characters assigned since are kept as
/// they are; being unassigned here, they are starters that compose with
/// nothing, so the text between them normalizes on its own.
fn assigned(c: char) -> bool {
    ucd::record(c).category != "Cn"
}

fn is_form(form: Form, text: &str) -> bool {
    text.split(|c| !assigned(c)).all(|part| match form {
        Form::Nfc => is_nfc(part),
        Form::Nfd => is_nfd(part),
        Form::Nfkc => is_nfkc(part),
        Form::Nfkd => is_nfkd(part),
    })
}

/// `text` in normalization form `form`.
fn normalized(form: Form, text: &str) -> String {
    let part_in_form = |part: &str, out: &mut String| match form {
        Form::Nfc => out.extend(part.nfc()),
        Form::Nfd => out.extend(part.nfd()),
        Form::Nfkc => out.extend(part.nfkc()),
        Form::Nfkd => out.extend(part.nfkd()),
    };
    let mut out = String::with_capacity(text.len());
    let mut start = 0;
    for (at, c) in text.char_indices() {
        if !assigned(c) {
            part_in_form(&text[start..at], &mut out);
            out.push(c);
            start = at + c.len_utf8();
        }
    }
    part_in_form(&text[start..], &mut out);
    out
}

fn normalize(vm: &Vm, args: Args) -> PyResult {
    let ([form, text], []) = NORMALIZE.bind(vm, args)?;
    let (form, s) = form_args(vm, &NORMALIZE, form, text)?;
    if is_form(form, s) {
        // Already normalized: the same str, as CPython returns it.
        return Ok(match text {
            Value::Str(_) => text.clone(),
            _ => Value::str(s),
        });
    }
    Ok(Value::string(normalized(form, s)))
}

fn is_normalized(vm: &Vm, args: Args) -> PyResult {
    let ([form, text], []) = IS_NORMALIZED.bind(vm, args)?;
    let (form, s) = form_args(vm, &IS_NORMALIZED, form, text)?;
    Ok(Value::from_bool(is_form(form, s)))
}
