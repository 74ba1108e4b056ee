//! The text-like methods of `bytes` (`split`, `find`, `join`, `replace`,
//! `strip`, `startswith`, ...).
//!
//! Most of them are the `str` methods applied through Latin-1: each byte is
//! the code point of the same number, so a bytes argument maps to a str, the
//! str method runs, and str results map back to bytes. That keeps one
//! implementation of the searching and splitting rules. Case and whitespace
//! rules differ between the two types (bytes only know ASCII), so methods
//! that depend on them without an explicit argument are native here.

use crate::objects::{Args, NativeFn, PyResult, Signature, Style, Value};
use crate::vm::types::add_declared_methods;
use crate::vm::Vm;
use std::rc::Rc;

fn to_latin1(b: &[u8]) -> Value {
    Value::string(b.iter().map(|&c| c as char).collect())
}

/// A bytes-like argument as its Latin-1 str; other values pass through.
fn arg_in(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(match v.builtin_base() {
        Value::Bytes(b) => to_latin1(b),
        Value::Str(_) => {
            return Err(vm.type_error(format!(
                "a bytes-like object is required, not '{}'",
                vm.type_name(v)
            )))
        }
        Value::Tuple(t) => {
            Value::tuple(t.0.iter().map(|x| arg_in(vm, x)).collect::<PyResult<_>>()?)
        }
        other => match other.downcast_native::<super::bytearray::ByteArray>() {
            Some(ba) => to_latin1(&ba.bytes.borrow()),
            None => other.clone(),
        },
    })
}

/// A str result back to bytes (lists and tuples of them too).
fn result_out(v: Value) -> Value {
    match v {
        Value::Str(s) => Value::Bytes(Rc::new(
            s.as_str().chars().map(|c| c as u32 as u8).collect(),
        )),
        Value::List(l) => Value::list(l.snapshot().into_iter().map(result_out).collect()),
        Value::Tuple(t) => Value::tuple(t.0.iter().cloned().map(result_out).collect()),
        other => other,
    }
}

fn via_str(vm: &Vm, name: &str, args: &Args) -> PyResult {
    let Some(Value::Bytes(me)) = args.get(0).map(Value::builtin_base) else {
        return Err(vm.type_error(format!("descriptor '{name}' requires a 'bytes' object")));
    };
    let me = to_latin1(me);
    let pos: Vec<Value> = args.pos[1..]
        .iter()
        .map(|v| arg_in(vm, v))
        .collect::<PyResult<_>>()?;
    let kwvalues: Vec<Value> = args
        .kwvalues
        .iter()
        .map(|v| arg_in(vm, v))
        .collect::<PyResult<_>>()?;
    let method = vm.get_attr_str(&me, name)?;
    let r = vm.call_args(&method, Args::with_kw(&pos, args.kwnames, &kwvalues))?;
    Ok(result_out(r))
}

/// Methods that run as the `str` method of the same name, each with its
/// declared signature in a module named as the method (`find::SIG`).
macro_rules! via_str_methods {
    ($($name:ident: $ctor:ident($style:ident, $params:literal)),* $(,)?) => {
        $(
            mod $name {
                use crate::objects::{Signature, Style};
                pub(super) static SIG: Signature =
                    Signature::$ctor(Style::$style, concat!("bytes.", stringify!($name)), $params);
            }
            fn $name(vm: &Vm, args: Args) -> PyResult {
                $name::SIG.check(vm, args)?;
                via_str(vm, stringify!($name), &args)
            }
        )*
        const VIA_STR: &[(&Signature, NativeFn)] = &[$((&$name::SIG, $name)),*];
    };
}

via_str_methods!(
    find: undocumented(ParseTuple, "$self, sub, start=None, end=None, /"),
    rfind: undocumented(ParseTuple, "$self, sub, start=None, end=None, /"),
    index: undocumented(ParseTuple, "$self, sub, start=None, end=None, /"),
    rindex: undocumented(ParseTuple, "$self, sub, start=None, end=None, /"),
    count: undocumented(ParseTuple, "$self, sub, start=None, end=None, /"),
    replace: new(Positional, "$self, old, new, count=-1, /"),
    startswith: undocumented(ParseTuple, "$self, prefix, start=None, end=None, /"),
    endswith: undocumented(ParseTuple, "$self, suffix, start=None, end=None, /"),
    partition: new(Exact, "$self, sep, /"),
    rpartition: new(Exact, "$self, sep, /"),
    center: new(Positional, "$self, width, fillchar=b' ', /"),
    ljust: new(Positional, "$self, width, fillchar=b' ', /"),
    rjust: new(Positional, "$self, width, fillchar=b' ', /"),
    zfill: new(Exact, "$self, width, /"),
    expandtabs: new(Clinic, "$self, /, tabsize=8"),
    removeprefix: new(Exact, "$self, prefix, /"),
    removesuffix: new(Exact, "$self, suffix, /"),
    isdigit: undocumented(Exact, "$self, /"),
    isalnum: undocumented(Exact, "$self, /"),
    isalpha: undocumented(Exact, "$self, /"),
);

static SPLIT: Signature = Signature::new(
    Style::Clinic,
    "bytes.split",
    "$self, /, sep=None, maxsplit=-1",
);
static RSPLIT: Signature = Signature::new(
    Style::Clinic,
    "bytes.rsplit",
    "$self, /, sep=None, maxsplit=-1",
);
static SPLITLINES: Signature = Signature::new(
    Style::Clinic,
    "bytes.splitlines",
    "$self, /, keepends=False",
);
static JOIN: Signature = Signature::new(Style::Exact, "bytes.join", "$self, iterable_of_bytes, /");
static STRIP: Signature = Signature::new(Style::Positional, "bytes.strip", "$self, bytes=None, /");
static LSTRIP: Signature =
    Signature::new(Style::Positional, "bytes.lstrip", "$self, bytes=None, /");
static RSTRIP: Signature =
    Signature::new(Style::Positional, "bytes.rstrip", "$self, bytes=None, /");
static UPPER: Signature = Signature::undocumented(Style::Exact, "bytes.upper", "$self, /");
static LOWER: Signature = Signature::undocumented(Style::Exact, "bytes.lower", "$self, /");
static SWAPCASE: Signature = Signature::undocumented(Style::Exact, "bytes.swapcase", "$self, /");
static CAPITALIZE: Signature =
    Signature::undocumented(Style::Exact, "bytes.capitalize", "$self, /");
static TITLE: Signature = Signature::undocumented(Style::Exact, "bytes.title", "$self, /");
static ISSPACE: Signature = Signature::undocumented(Style::Exact, "bytes.isspace", "$self, /");
static ISUPPER: Signature = Signature::undocumented(Style::Exact, "bytes.isupper", "$self, /");
static ISLOWER: Signature = Signature::undocumented(Style::Exact, "bytes.islower", "$self, /");

fn me<'a>(vm: &Vm, args: &'a Args) -> PyResult<&'a [u8]> {
    match args.get(0).map(Value::builtin_base) {
        Some(Value::Bytes(b)) => Ok(b),
        _ => Err(vm.type_error("descriptor requires a 'bytes' object")),
    }
}

fn bytes(v: Vec<u8>) -> Value {
    Value::Bytes(Rc::new(v))
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

fn chars_arg(vm: &Vm, args: &Args) -> PyResult<Option<Vec<u8>>> {
    match args.get(1) {
        None | Some(Value::None) => Ok(None),
        Some(Value::Bytes(b)) => Ok(Some(b.to_vec())),
        Some(other) => Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(other)
        ))),
    }
}

fn strip_with(vm: &Vm, args: &Args, left: bool, right: bool) -> PyResult {
    let b = me(vm, args)?;
    let set = chars_arg(vm, args)?;
    let keep = |c: &u8| match &set {
        Some(s) => !s.contains(c),
        None => !is_space(*c),
    };
    let start = if left {
        b.iter().position(keep).unwrap_or(b.len())
    } else {
        0
    };
    let end = if right {
        b.iter().rposition(keep).map_or(start, |i| i + 1)
    } else {
        b.len()
    };
    Ok(bytes(b[start..end.max(start)].to_vec()))
}

fn strip(vm: &Vm, args: Args) -> PyResult {
    STRIP.check(vm, args)?;
    strip_with(vm, &args, true, true)
}

fn lstrip(vm: &Vm, args: Args) -> PyResult {
    LSTRIP.check(vm, args)?;
    strip_with(vm, &args, true, false)
}

fn rstrip(vm: &Vm, args: Args) -> PyResult {
    RSTRIP.check(vm, args)?;
    strip_with(vm, &args, false, true)
}

fn split_ws(b: &[u8], maxsplit: i64) -> Vec<Value> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut splits = 0;
    while i < b.len() {
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        if maxsplit >= 0 && splits >= maxsplit {
            let mut end = b.len();
            while end > i && is_space(b[end - 1]) {
                end -= 1;
            }
            out.push(bytes(b[i..end].to_vec()));
            return out;
        }
        let start = i;
        while i < b.len() && !is_space(b[i]) {
            i += 1;
        }
        out.push(bytes(b[start..i].to_vec()));
        splits += 1;
    }
    out
}

fn split(vm: &Vm, args: Args) -> PyResult {
    let ([_], [sep, maxsplit]) = SPLIT.bind(vm, args)?;
    let b = me(vm, &args)?;
    let sep = sep.cloned().unwrap_or_default();
    let maxsplit = match maxsplit {
        Some(v) => vm.to_index(v)?,
        None => -1,
    };
    if sep.is_none() {
        return Ok(Value::list(split_ws(b, maxsplit)));
    }
    via_str(vm, "split", &args)
}

fn rsplit(vm: &Vm, args: Args) -> PyResult {
    let ([_], [sep, maxsplit]) = RSPLIT.bind(vm, args)?;
    if sep.is_none_or(Value::is_none) && maxsplit.is_none() {
        return split(vm, args);
    }
    via_str(vm, "rsplit", &args)
}

fn splitlines(vm: &Vm, args: Args) -> PyResult {
    let ([_], [keepends]) = SPLITLINES.bind(vm, args)?;
    let b = me(vm, &args)?;
    let keepends = match keepends {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let eol = match b[i] {
            b'\n' => 1,
            b'\r' if b.get(i + 1) == Some(&b'\n') => 2,
            b'\r' => 1,
            _ => 0,
        };
        if eol > 0 {
            let end = if keepends { i + eol } else { i };
            out.push(bytes(b[start..end].to_vec()));
            i += eol;
            start = i;
        } else {
            i += 1;
        }
    }
    if start < b.len() {
        out.push(bytes(b[start..].to_vec()));
    }
    Ok(Value::list(out))
}

fn join(vm: &Vm, args: Args) -> PyResult {
    let ([_, items], []) = JOIN.bind(vm, args)?;
    let sep = me(vm, &args)?;
    let items = vm.to_vec(items)?;
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(sep);
        }
        match super::bytearray::bytes_like(item) {
            Some(b) => out.extend_from_slice(&b),
            None => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    vm.type_name(item)
                )))
            }
        }
    }
    Ok(bytes(out))
}

fn map_ascii(vm: &Vm, args: &Args, f: impl Fn(u8) -> u8) -> PyResult {
    Ok(bytes(me(vm, args)?.iter().map(|&c| f(c)).collect()))
}

fn upper(vm: &Vm, args: Args) -> PyResult {
    UPPER.check(vm, args)?;
    map_ascii(vm, &args, |c| c.to_ascii_uppercase())
}

fn lower(vm: &Vm, args: Args) -> PyResult {
    LOWER.check(vm, args)?;
    map_ascii(vm, &args, |c| c.to_ascii_lowercase())
}

fn swapcase(vm: &Vm, args: Args) -> PyResult {
    SWAPCASE.check(vm, args)?;
    map_ascii(vm, &args, |c| {
        if c.is_ascii_uppercase() {
            c.to_ascii_lowercase()
        } else {
            c.to_ascii_uppercase()
        }
    })
}

fn capitalize(vm: &Vm, args: Args) -> PyResult {
    CAPITALIZE.check(vm, args)?;
    let b = me(vm, &args)?;
    Ok(bytes(
        b.iter()
            .enumerate()
            .map(|(i, &c)| {
                if i == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect(),
    ))
}

fn title(vm: &Vm, args: Args) -> PyResult {
    TITLE.check(vm, args)?;
    let b = me(vm, &args)?;
    let mut prev_cased = false;
    Ok(bytes(
        b.iter()
            .map(|&c| {
                let r = if prev_cased {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                };
                prev_cased = c.is_ascii_alphabetic();
                r
            })
            .collect(),
    ))
}

fn isspace(vm: &Vm, args: Args) -> PyResult {
    ISSPACE.check(vm, args)?;
    let b = me(vm, &args)?;
    Ok(Value::from_bool(
        !b.is_empty() && b.iter().all(|&c| is_space(c)),
    ))
}

fn isupper(vm: &Vm, args: Args) -> PyResult {
    ISUPPER.check(vm, args)?;
    let b = me(vm, &args)?;
    Ok(Value::from_bool(
        b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase),
    ))
}

fn islower(vm: &Vm, args: Args) -> PyResult {
    ISLOWER.check(vm, args)?;
    let b = me(vm, &args)?;
    Ok(Value::from_bool(
        b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase),
    ))
}

pub fn install(vm: &Vm) {
    add_declared_methods(&vm.types.bytes, "bytes", VIA_STR);
    add_declared_methods(
        &vm.types.bytes,
        "bytes",
        &[
            (&SPLIT, split),
            (&RSPLIT, rsplit),
            (&SPLITLINES, splitlines),
            (&JOIN, join),
            (&STRIP, strip),
            (&LSTRIP, lstrip),
            (&RSTRIP, rstrip),
            (&UPPER, upper),
            (&LOWER, lower),
            (&SWAPCASE, swapcase),
            (&CAPITALIZE, capitalize),
            (&TITLE, title),
            (&ISSPACE, isspace),
            (&ISUPPER, isupper),
            (&ISLOWER, islower),
        ],
    );
}
