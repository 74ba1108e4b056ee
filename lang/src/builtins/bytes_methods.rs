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
use crate::vm::types::{add_declared_classmethod, add_declared_methods};
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
    ($($name:ident: $ctor:ident($style:ident, $params:literal, $doc:expr)),* $(,)?) => {
        $(
            mod $name {
                use crate::objects::{Signature, Style};
                pub(super) static SIG: Signature =
                    Signature::$ctor(Style::$style, concat!("bytes.", stringify!($name)), $params)
                        .doc($doc);
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
    find: undocumented(ParseTuple, "$self, sub, start=None, end=None, /",
        crate::builtins::bytes_methods::docs::FIND_DOC),
    rfind: undocumented(ParseTuple, "$self, sub, start=None, end=None, /",
        crate::builtins::bytes_methods::docs::RFIND_DOC),
    index: undocumented(ParseTuple, "$self, sub, start=None, end=None, /",
        crate::builtins::bytes_methods::docs::INDEX_DOC),
    rindex: undocumented(ParseTuple, "$self, sub, start=None, end=None, /",
        crate::builtins::bytes_methods::docs::RINDEX_DOC),
    count: undocumented(ParseTuple, "$self, sub, start=None, end=None, /",
        crate::builtins::bytes_methods::docs::COUNT_DOC),
    replace: new(Positional, "$self, old, new, count=-1, /",
        crate::builtins::bytes_methods::docs::REPLACE_DOC),
    startswith: undocumented(ParseTuple, "$self, prefix, start=None, end=None, /",
        crate::builtins::bytes_methods::docs::STARTSWITH_DOC),
    endswith: undocumented(ParseTuple, "$self, suffix, start=None, end=None, /",
        crate::builtins::bytes_methods::docs::ENDSWITH_DOC),
    partition: new(Exact, "$self, sep, /",
        "Split the bytes at the first occurrence of sep; return (before, sep, after).\n\nWhen sep is absent, return (B, b'', b'')."),
    rpartition: new(Exact, "$self, sep, /",
        "Split the bytes at the last occurrence of sep; return (before, sep, after).\n\nWhen sep is absent, return (b'', b'', B)."),
    center: new(Positional, "$self, width, fillchar=b' ', /",
        "Return the bytes centred in bytes of the given width, padded with fillchar (a space by default)."),
    ljust: new(Positional, "$self, width, fillchar=b' ', /",
        "Return the bytes aligned left in bytes of the given width, padded with fillchar (a space by default)."),
    rjust: new(Positional, "$self, width, fillchar=b' ', /",
        "Return the bytes aligned right in bytes of the given width, padded with fillchar (a space by default)."),
    zfill: new(Exact, "$self, width, /",
        crate::builtins::bytes_methods::docs::ZFILL_DOC),
    expandtabs: new(Clinic, "$self, /, tabsize=8",
        crate::builtins::bytes_methods::docs::EXPANDTABS_DOC),
    removeprefix: new(Exact, "$self, prefix, /",
        "Return the bytes without prefix if they start with it, or unchanged."),
    removesuffix: new(Exact, "$self, suffix, /",
        "Return the bytes without suffix if they end with it, or unchanged."),
);

static SPLIT: Signature = Signature::new(
    Style::Clinic,
    "bytes.split",
    "$self, /, sep=None, maxsplit=-1",
).doc("Return a list of the parts of the bytes, cut at sep.\n\nWithout sep (or with None), cut at runs of ASCII whitespace and drop empty parts. maxsplit limits how many cuts are made, from the left; -1 means no limit.");
static RSPLIT: Signature = Signature::new(
    Style::Clinic,
    "bytes.rsplit",
    "$self, /, sep=None, maxsplit=-1",
).doc("Return a list of the parts of the bytes, cut at sep, starting from the right.\n\nWithout sep (or with None), cut at runs of ASCII whitespace and drop empty parts. maxsplit limits how many cuts are made, from the right; -1 means no limit.");
static SPLITLINES: Signature = Signature::new(
    Style::Clinic,
    "bytes.splitlines",
    "$self, /, keepends=False",
).doc("Return a list of the lines of the bytes, cut at line boundaries.\n\nThe line breaks are left out unless keepends is true.");
static JOIN: Signature = Signature::new(Style::Exact, "bytes.join", "$self, iterable_of_bytes, /")
    .doc(crate::builtins::bytes_methods::docs::JOIN_DOC);
static STRIP: Signature = Signature::new(Style::Positional, "bytes.strip", "$self, bytes=None, /")
    .doc(crate::builtins::bytes_methods::docs::STRIP_DOC);
static LSTRIP: Signature =
    Signature::new(Style::Positional, "bytes.lstrip", "$self, bytes=None, /")
        .doc(crate::builtins::bytes_methods::docs::LSTRIP_DOC);
static RSTRIP: Signature =
    Signature::new(Style::Positional, "bytes.rstrip", "$self, bytes=None, /")
        .doc(crate::builtins::bytes_methods::docs::RSTRIP_DOC);
static UPPER: Signature = Signature::undocumented(Style::Exact, "bytes.upper", "$self, /")
    .doc(crate::builtins::bytes_methods::docs::UPPER_DOC);
static LOWER: Signature = Signature::undocumented(Style::Exact, "bytes.lower", "$self, /")
    .doc(crate::builtins::bytes_methods::docs::LOWER_DOC);
static SWAPCASE: Signature = Signature::undocumented(Style::Exact, "bytes.swapcase", "$self, /")
    .doc(crate::builtins::bytes_methods::docs::SWAPCASE_DOC);
static CAPITALIZE: Signature =
    Signature::undocumented(Style::Exact, "bytes.capitalize", "$self, /")
        .doc(crate::builtins::bytes_methods::docs::CAPITALIZE_DOC);
static TITLE: Signature = Signature::undocumented(Style::Exact, "bytes.title", "$self, /")
    .doc(crate::builtins::bytes_methods::docs::TITLE_DOC);
static ISSPACE: Signature = Signature::undocumented(Style::Exact, "bytes.isspace", "$self, /")
    .doc(crate::builtins::bytes_methods::docs::ISSPACE_DOC);
static ISUPPER: Signature = Signature::undocumented(Style::Exact, "bytes.isupper", "$self, /")
    .doc(crate::builtins::bytes_methods::docs::ISUPPER_DOC);
static ISLOWER: Signature = Signature::undocumented(Style::Exact, "bytes.islower", "$self, /")
    .doc(crate::builtins::bytes_methods::docs::ISLOWER_DOC);
static ISDIGIT: Signature = Signature::undocumented(Style::Exact, "bytes.isdigit", "$self, /")
    .doc(crate::builtins::bytes_methods::docs::ISDIGIT_DOC);
static ISALNUM: Signature = Signature::undocumented(Style::Exact, "bytes.isalnum", "$self, /")
    .doc(crate::builtins::bytes_methods::docs::ISALNUM_DOC);
static ISALPHA: Signature = Signature::undocumented(Style::Exact, "bytes.isalpha", "$self, /")
    .doc(crate::builtins::bytes_methods::docs::ISALPHA_DOC);
static ISASCII: Signature = Signature::undocumented(Style::Exact, "bytes.isascii", "$self, /")
    .doc("Return True if every byte is ASCII (below 0x80); True for empty bytes.");
static ISTITLE: Signature = Signature::undocumented(Style::Exact, "bytes.istitle", "$self, /")
    .doc(crate::builtins::bytes_methods::docs::ISTITLE_DOC);
static TRANSLATE: Signature =
    Signature::new(Style::Clinic, "bytes.translate", "$self, table, /, delete=b''").doc(
        "Return a copy with the bytes in delete removed and each other byte mapped through table.\n\ntable is a bytes-like object of length 256 (see bytes.maketrans), or None to map nothing.",
    );
pub(super) static FROMHEX: Signature = Signature::new(Style::Exact, "bytes.fromhex", "$type, string, /")
    .doc("Return the bytes written in a string of hexadecimal digits, two per byte.\n\nASCII whitespace between the pairs is ignored: bytes.fromhex('de ad') is b'\\xde\\xad'.");
static MAKETRANS: Signature =
    Signature::new(Style::Positional, "bytes.maketrans", "frm, to, /").doc(MAKETRANS_DOC);
/// Shared with `bytearray.maketrans`.
pub(super) const MAKETRANS_DOC: &str = "Return a translation table for translate(): 256 bytes mapping each byte of frm to the byte at the same place in to.\n\nfrm and to are bytes-like objects of the same length; other bytes map to themselves.";

fn me<'a>(vm: &Vm, args: &'a Args) -> PyResult<&'a [u8]> {
    match args.get(0).map(Value::builtin_base) {
        Some(Value::Bytes(b)) => Ok(b),
        _ => Err(vm.type_error("descriptor requires a 'bytes' object")),
    }
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
    Ok(Value::bytes(b[start..end.max(start)].to_vec()))
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
            out.push(Value::bytes(b[i..end].to_vec()));
            return out;
        }
        let start = i;
        while i < b.len() && !is_space(b[i]) {
            i += 1;
        }
        out.push(Value::bytes(b[start..i].to_vec()));
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
            out.push(Value::bytes(b[start..end].to_vec()));
            i += eol;
            start = i;
        } else {
            i += 1;
        }
    }
    if start < b.len() {
        out.push(Value::bytes(b[start..].to_vec()));
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
    Ok(Value::bytes(out))
}

fn map_ascii(vm: &Vm, args: &Args, f: impl Fn(u8) -> u8) -> PyResult {
    Ok(Value::bytes(me(vm, args)?.iter().map(|&c| f(c)).collect()))
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
    Ok(Value::bytes(
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
    Ok(Value::bytes(
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
            (&ISDIGIT, isdigit),
            (&ISALNUM, isalnum),
            (&ISALPHA, isalpha),
            (&ISASCII, isascii),
            (&ISTITLE, istitle),
            (&TRANSLATE, translate),
        ],
    );
    add_declared_classmethod(vm, &vm.types.bytes, &FROMHEX, fromhex);
    add_staticmethod(vm, &vm.types.bytes, &MAKETRANS, maketrans);
}

/// Registers a native as a static method of `class` (`bytes.maketrans`).
pub(super) fn add_staticmethod(
    vm: &Vm,
    class: &crate::objects::Class,
    sig: &'static Signature,
    func: NativeFn,
) {
    let f = Value::Builtin(crate::objects::gc::new(crate::objects::Builtin {
        name: sig.name(),
        func,
        owner: sig.owner(),
        bound: None,
        caller: Default::default(),
        sig: Some(sig),
        gc: crate::objects::gc::GcHead::new(),
    }));
    class.set_attr(
        sig.name(),
        crate::builtins::descriptors::StaticMethod::new(vm, f),
    );
}

/// True when the bytes are not empty and every one satisfies `test`.
fn all_nonempty(vm: &Vm, args: &Args, test: fn(&u8) -> bool) -> PyResult {
    let b = me(vm, args)?;
    Ok(Value::from_bool(!b.is_empty() && b.iter().all(test)))
}

fn isdigit(vm: &Vm, args: Args) -> PyResult {
    ISDIGIT.check(vm, args)?;
    all_nonempty(vm, &args, u8::is_ascii_digit)
}

fn isalnum(vm: &Vm, args: Args) -> PyResult {
    ISALNUM.check(vm, args)?;
    all_nonempty(vm, &args, u8::is_ascii_alphanumeric)
}

fn isalpha(vm: &Vm, args: Args) -> PyResult {
    ISALPHA.check(vm, args)?;
    all_nonempty(vm, &args, u8::is_ascii_alphabetic)
}

fn isascii(vm: &Vm, args: Args) -> PyResult {
    ISASCII.check(vm, args)?;
    Ok(Value::from_bool(me(vm, &args)?.is_ascii()))
}

/// Words are runs of ASCII letters: an upper-case letter may only start
/// one, a lower-case letter only continue one.
fn istitle(vm: &Vm, args: Args) -> PyResult {
    ISTITLE.check(vm, args)?;
    let mut in_word = false;
    let mut cased = false;
    for &c in me(vm, &args)? {
        if c.is_ascii_uppercase() {
            if in_word {
                return Ok(Value::from_bool(false));
            }
            in_word = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
            if !in_word {
                return Ok(Value::from_bool(false));
            }
            cased = true;
        } else {
            in_word = false;
        }
    }
    Ok(Value::from_bool(cased))
}

/// The bytes of a bytes-like argument, or CPython's TypeError.
fn bytes_like_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    crate::objects::buffer::contents(v)
        .map(|b| b.into_owned())
        .ok_or_else(|| {
            vm.type_error(format!(
                "a bytes-like object is required, not '{}'",
                vm.type_name(v)
            ))
        })
}

/// `translate`'s work, shared with `bytearray.translate`.
pub(super) fn translated(
    vm: &Vm,
    data: &[u8],
    table: &Value,
    delete: Option<&Value>,
) -> PyResult<Vec<u8>> {
    let table = match table {
        Value::None => None,
        t => {
            let t = bytes_like_arg(vm, t)?;
            if t.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let mut doomed = [false; 256];
    if let Some(delete) = delete {
        for b in bytes_like_arg(vm, delete)? {
            doomed[b as usize] = true;
        }
    }
    Ok(data
        .iter()
        .filter(|&&b| !doomed[b as usize])
        .map(|&b| table.as_ref().map_or(b, |t| t[b as usize]))
        .collect())
}

fn translate(vm: &Vm, args: Args) -> PyResult {
    let ([_, table], [delete]) = TRANSLATE.bind(vm, args)?;
    let data = me(vm, &args)?;
    Ok(Value::bytes(translated(vm, data, table, delete)?))
}

/// `fromhex`'s work, shared with `bytearray.fromhex`: pairs of hexadecimal
/// digits, with ASCII whitespace allowed between pairs.
pub(super) fn hex_to_bytes(vm: &Vm, text: &Value) -> PyResult<Vec<u8>> {
    let Value::Str(text) = text.builtin_base() else {
        return Err(vm.type_error(format!(
            "fromhex() argument must be str, not {}",
            vm.type_name(text)
        )));
    };
    let chars: Vec<char> = text.as_str().chars().collect();
    let bad = |at: usize| {
        vm.value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {at}"
        ))
    };
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    while i < chars.len() {
        if matches!(chars[i], ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c') {
            i += 1;
            continue;
        }
        let high = chars[i].to_digit(16).ok_or_else(|| bad(i))?;
        let low = chars
            .get(i + 1)
            .and_then(|c| c.to_digit(16))
            .ok_or_else(|| bad(i + 1))?;
        out.push((high * 16 + low) as u8);
        i += 2;
    }
    Ok(out)
}

fn fromhex(vm: &Vm, args: Args) -> PyResult {
    let ([cls, text], []) = FROMHEX.bind(vm, args)?;
    let made = Value::bytes(hex_to_bytes(vm, text)?);
    match cls {
        Value::Class(c) if Rc::ptr_eq(c, &vm.types.bytes) => Ok(made),
        // A subclass is built from the bytes, as CPython does.
        other => vm.call(other, &[made]),
    }
}

fn maketrans(vm: &Vm, args: Args) -> PyResult {
    let ([from, to], []) = MAKETRANS.bind(vm, args)?;
    translation_table(vm, from, to)
}

/// `maketrans`'s work, shared with `bytearray.maketrans`.
pub(super) fn translation_table(vm: &Vm, from: &Value, to: &Value) -> PyResult {
    let (from, to) = (bytes_like_arg(vm, from)?, bytes_like_arg(vm, to)?);
    if from.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (f, t) in from.into_iter().zip(to) {
        table[f as usize] = t;
    }
    Ok(Value::bytes(table))
}

/// Docstrings of the methods bytes and bytearray share (bytearray.rs uses
/// them too), each written once.
pub(crate) mod docs {
    pub(crate) const CAPITALIZE_DOC: &str =
        "Return a copy whose first byte is an upper-case ASCII letter and the rest lower case.";
    pub(crate) const COUNT_DOC: &str =
        "Return how many non-overlapping times sub occurs in B[start:end].";
    pub(crate) const ENDSWITH_DOC: &str = "Return True if the bytes end with suffix (or with one of a tuple of suffixes).\n\nstart and end, as in slicing, restrict the part compared.";
    pub(crate) const EXPANDTABS_DOC: &str = "Return a copy with tab bytes replaced by spaces, up to the next multiple of tabsize columns.";
    pub(crate) const FIND_DOC: &str =
        "Return the lowest index where sub is found in B[start:end], or -1 when it is not.";
    pub(crate) const INDEX_DOC: &str = "Return the lowest index where sub is found in B[start:end]; raise ValueError when it is not.";
    pub(crate) const ISALNUM_DOC: &str =
        "Return True if the bytes are not empty and all ASCII letters or digits.";
    pub(crate) const ISALPHA_DOC: &str =
        "Return True if the bytes are not empty and all ASCII letters.";
    pub(crate) const ISDIGIT_DOC: &str =
        "Return True if the bytes are not empty and all ASCII digits.";
    pub(crate) const ISLOWER_DOC: &str =
        "Return True if the bytes hold an ASCII letter and all their letters are lower case.";
    pub(crate) const ISSPACE_DOC: &str =
        "Return True if the bytes are not empty and all ASCII whitespace.";
    pub(crate) const ISTITLE_DOC: &str = "Return True if the bytes hold an ASCII letter and each word starts with the only upper-case letter of the word.";
    pub(crate) const ISUPPER_DOC: &str =
        "Return True if the bytes hold an ASCII letter and all their letters are upper case.";
    pub(crate) const JOIN_DOC: &str =
        "Return the bytes-like objects of an iterable joined, with these bytes between them.";
    pub(crate) const LOWER_DOC: &str =
        "Return a copy with the ASCII upper-case letters turned to lower case.";
    pub(crate) const LSTRIP_DOC: &str = "Return a copy without leading ASCII whitespace.\n\nWith an argument, remove the bytes it holds instead of whitespace.";
    pub(crate) const REPLACE_DOC: &str = "Return a copy with each occurrence of old replaced by new.\n\nA count, if given and not negative, limits how many occurrences are replaced, from the left.";
    pub(crate) const RFIND_DOC: &str =
        "Return the highest index where sub is found in B[start:end], or -1 when it is not.";
    pub(crate) const RINDEX_DOC: &str = "Return the highest index where sub is found in B[start:end]; raise ValueError when it is not.";
    pub(crate) const RSTRIP_DOC: &str = "Return a copy without trailing ASCII whitespace.\n\nWith an argument, remove the bytes it holds instead of whitespace.";
    pub(crate) const STARTSWITH_DOC: &str = "Return True if the bytes start with prefix (or with one of a tuple of prefixes).\n\nstart and end, as in slicing, restrict the part compared.";
    pub(crate) const STRIP_DOC: &str = "Return a copy without leading and trailing ASCII whitespace.\n\nWith an argument, remove the bytes it holds instead of whitespace.";
    pub(crate) const SWAPCASE_DOC: &str =
        "Return a copy with ASCII upper-case letters turned to lower case and the reverse.";
    pub(crate) const TITLE_DOC: &str =
        "Return a copy in which each ASCII word starts in upper case and goes on in lower case.";
    pub(crate) const UPPER_DOC: &str =
        "Return a copy with the ASCII lower-case letters turned to upper case.";
    pub(crate) const ZFILL_DOC: &str =
        "Return the bytes padded on the left with ASCII zeros to the given width, after any sign.";
}
