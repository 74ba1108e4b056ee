//! `str`: the constructor, methods, `str.format` and `%`-formatting.

use crate::objects::str::{count_chars, is_py_space_byte};
use crate::objects::BoolWord;
use crate::objects::{Args, PyResult, PyStr, Signature, Style, Value};
use crate::vm::limits::SizeArg;
use crate::vm::types::{add_declared_methods, add_methods};
use crate::vm::Vm;
use std::rc::Rc;

pub fn install(vm: &Vm) {
    add_methods(&vm.types.str, "str", &[("__new__", str_new)]);
    add_declared_methods(
        &vm.types.str,
        "str",
        &[
            (&STR_FORMAT, format),
            (&STR_UPPER, upper),
            (&STR_LOWER, lower),
            (&STR_CASEFOLD, casefold),
            (&STR_CAPITALIZE, capitalize),
            (&STR_TITLE, title),
            (&STR_SWAPCASE, swapcase),
            (&STR_STRIP, strip),
            (&STR_LSTRIP, lstrip),
            (&STR_RSTRIP, rstrip),
            (&STR_SPLIT, split),
            (&STR_RSPLIT, rsplit),
            (&STR_SPLITLINES, splitlines),
            (&STR_JOIN, join),
            (&STR_REPLACE, replace),
            (&STR_STARTSWITH, startswith),
            (&STR_ENDSWITH, endswith),
            (&STR_FIND, find),
            (&STR_RFIND, rfind),
            (&STR_INDEX, index),
            (&STR_RINDEX, rindex),
            (&STR_COUNT, count),
            (&STR_FORMAT_MAP, format_map),
            (&STR_ISDIGIT, isdigit),
            (&STR_ISDECIMAL, isdecimal),
            (&STR_ISNUMERIC, isnumeric),
            (&STR_ISALPHA, isalpha),
            (&STR_ISALNUM, isalnum),
            (&STR_ISSPACE, isspace),
            (&STR_ISUPPER, isupper),
            (&STR_ISLOWER, islower),
            (&STR_ISTITLE, istitle),
            (&STR_ISIDENTIFIER, isidentifier),
            (&STR_ISASCII, isascii),
            (&STR_ISPRINTABLE, isprintable),
            (&STR_CENTER, center),
            (&STR_LJUST, ljust),
            (&STR_RJUST, rjust),
            (&STR_ZFILL, zfill),
            (&STR_PARTITION, partition),
            (&STR_RPARTITION, rpartition),
            (&ENCODE, encode),
            (&STR_EXPANDTABS, expandtabs),
            (&STR_REMOVEPREFIX, removeprefix),
            (&STR_REMOVESUFFIX, removesuffix),
            (&STR_TRANSLATE, translate),
        ],
    );
    let maketrans_fn = Value::Builtin(crate::objects::gc::new(crate::objects::Builtin {
        name: "maketrans",
        func: maketrans,
        owner: None,
        bound: None,
        caller: Default::default(),
        sig: Some(&STR_MAKETRANS),
        gc: crate::objects::gc::GcHead::new(),
    }));
    vm.types.str.set_attr(
        "maketrans",
        crate::builtins::descriptors::StaticMethod::new(vm, maketrans_fn),
    );
    add_methods(&vm.types.bytes, "bytes", &[("__new__", bytes_new)]);
    add_declared_methods(
        &vm.types.bytes,
        "bytes",
        &[(&DECODE, decode), (&BYTES_HEX, bytes_hex)],
    );
}

static STR_UPPER: Signature = Signature::new(Style::Exact, "str.upper", "$self, /")
    .doc("Return a copy of the string with every cased character in upper case.");
static STR_LOWER: Signature = Signature::new(Style::Exact, "str.lower", "$self, /")
    .doc("Return a copy of the string with every cased character in lower case.");
static STR_CASEFOLD: Signature = Signature::new(Style::Exact, "str.casefold", "$self, /")
    .doc("Return a version of the string for caseless comparisons (more thorough than lower()).");
static STR_CAPITALIZE: Signature = Signature::new(Style::Exact, "str.capitalize", "$self, /").doc("Return a copy of the string whose first character is in title case and the rest in lower case.");
static STR_TITLE: Signature = Signature::new(Style::Exact, "str.title", "$self, /").doc("Return a copy of the string in which each word starts in title case and goes on in lower case.");
static STR_SWAPCASE: Signature = Signature::new(Style::Exact, "str.swapcase", "$self, /")
    .doc("Return a copy of the string with upper case turned to lower case and the reverse.");
static STR_ISDIGIT: Signature = Signature::new(Style::Exact, "str.isdigit", "$self, /")
    .doc("Return True if the string is not empty and every character in it is a digit.");
static STR_ISDECIMAL: Signature = Signature::new(Style::Exact, "str.isdecimal", "$self, /")
    .doc("Return True if the string is not empty and every character in it is a decimal digit.");
static STR_ISNUMERIC: Signature = Signature::new(Style::Exact, "str.isnumeric", "$self, /")
    .doc("Return True if the string is not empty and every character in it is numeric.");
static STR_ISALPHA: Signature = Signature::new(Style::Exact, "str.isalpha", "$self, /")
    .doc("Return True if the string is not empty and every character in it is a letter.");
static STR_ISALNUM: Signature = Signature::new(Style::Exact, "str.isalnum", "$self, /").doc(
    "Return True if the string is not empty and every character in it is a letter or a digit.",
);
static STR_ISSPACE: Signature = Signature::new(Style::Exact, "str.isspace", "$self, /")
    .doc("Return True if the string is not empty and every character in it is whitespace.");
static STR_ISUPPER: Signature = Signature::new(Style::Exact, "str.isupper", "$self, /").doc(
    "Return True if the string has a cased character and all its cased characters are upper case.",
);
static STR_ISLOWER: Signature = Signature::new(Style::Exact, "str.islower", "$self, /").doc(
    "Return True if the string has a cased character and all its cased characters are lower case.",
);
static STR_ISTITLE: Signature = Signature::new(Style::Exact, "str.istitle", "$self, /").doc("Return True if the string has a cased character and each word in it starts with the only upper-case letter of the word.");
static STR_ISIDENTIFIER: Signature = Signature::new(Style::Exact, "str.isidentifier", "$self, /")
    .doc("Return True if the string is a valid Python identifier (keywords included).");
static STR_ISASCII: Signature = Signature::new(Style::Exact, "str.isascii", "$self, /")
    .doc("Return True if every character of the string is ASCII (True for an empty string).");
static STR_ISPRINTABLE: Signature = Signature::new(Style::Exact, "str.isprintable", "$self, /")
    .doc(
    "Return True if every character of the string shows when printed (True for an empty string).",
);
static STR_STRIP: Signature =
    Signature::new(Style::Positional, "str.strip", "$self, chars=None, /").doc("Return a copy of the string without leading and trailing whitespace.\n\nWith chars, remove the characters it holds instead of whitespace.");
static STR_LSTRIP: Signature =
    Signature::new(Style::Positional, "str.lstrip", "$self, chars=None, /").doc("Return a copy of the string without leading whitespace.\n\nWith chars, remove the characters it holds instead of whitespace.");
static STR_RSTRIP: Signature =
    Signature::new(Style::Positional, "str.rstrip", "$self, chars=None, /").doc("Return a copy of the string without trailing whitespace.\n\nWith chars, remove the characters it holds instead of whitespace.");
static STR_SPLIT: Signature = Signature::new(
    Style::Clinic,
    "str.split",
    "$self, /, sep=None, maxsplit=-1",
).doc("Return a list of the words of the string, cut at sep.\n\nWithout sep (or with None), cut at runs of whitespace and drop empty words. maxsplit limits how many cuts are made, from the left; -1 means no limit.");
static STR_RSPLIT: Signature = Signature::new(
    Style::Clinic,
    "str.rsplit",
    "$self, /, sep=None, maxsplit=-1",
).doc("Return a list of the words of the string, cut at sep, starting from the right.\n\nWithout sep (or with None), cut at runs of whitespace and drop empty words. maxsplit limits how many cuts are made, from the right; -1 means no limit.");
static STR_SPLITLINES: Signature =
    Signature::new(Style::Clinic, "str.splitlines", "$self, /, keepends=False").doc("Return a list of the lines of the string, cut at line boundaries.\n\nThe line breaks are left out unless keepends is true.");
static STR_JOIN: Signature = Signature::new(Style::Exact, "str.join", "$self, iterable, /").doc("Return the strings of an iterable joined, with this string between them.\n\n'-'.join(['a', 'b', 'c']) is 'a-b-c'.");
static STR_REPLACE: Signature = Signature::new(
    Style::Positional,
    "str.replace",
    "$self, old, new, count=-1, /",
).doc("Return a copy of the string with each occurrence of old replaced by new.\n\nA count, if given and not negative, limits how many occurrences are replaced, from the left.");
static STR_STARTSWITH: Signature = Signature::undocumented(
    Style::ParseTuple,
    "str.startswith",
    "$self, prefix, start=None, end=None, /",
).doc("Return True if the string starts with prefix (or with one of a tuple of prefixes).\n\nstart and end, as in slicing, restrict the part of the string compared.");
static STR_ENDSWITH: Signature = Signature::undocumented(
    Style::ParseTuple,
    "str.endswith",
    "$self, prefix, start=None, end=None, /",
).doc("Return True if the string ends with suffix (or with one of a tuple of suffixes).\n\nstart and end, as in slicing, restrict the part of the string compared.");
static STR_FIND: Signature = Signature::undocumented(
    Style::ParseTuple,
    "str.find",
    "$self, sub, start=None, end=None, /",
)
.doc("Return the lowest index where sub is found in S[start:end], or -1 when it is not.");
static STR_RFIND: Signature = Signature::undocumented(
    Style::ParseTuple,
    "str.rfind",
    "$self, sub, start=None, end=None, /",
)
.doc("Return the highest index where sub is found in S[start:end], or -1 when it is not.");
static STR_INDEX: Signature = Signature::undocumented(
    Style::ParseTuple,
    "str.index",
    "$self, sub, start=None, end=None, /",
)
.doc(
    "Return the lowest index where sub is found in S[start:end]; raise ValueError when it is not.",
);
static STR_RINDEX: Signature = Signature::undocumented(
    Style::ParseTuple,
    "str.rindex",
    "$self, sub, start=None, end=None, /",
)
.doc(
    "Return the highest index where sub is found in S[start:end]; raise ValueError when it is not.",
);
static STR_COUNT: Signature = Signature::undocumented(
    Style::ParseTuple,
    "str.count",
    "$self, sub, start=None, end=None, /",
)
.doc("Return how many non-overlapping times sub occurs in S[start:end].");
static STR_FORMAT_MAP: Signature =
    Signature::undocumented(Style::Exact, "str.format_map", "$self, mapping, /")
        .doc("Return the string formatted as str.format does, taking names from a mapping.");
static STR_CENTER: Signature = Signature::new(
    Style::Positional,
    "str.center",
    "$self, width, fillchar=' ', /",
).doc("Return the string centred in a string of the given width, padded with fillchar (a space by default).");
static STR_LJUST: Signature = Signature::new(
    Style::Positional,
    "str.ljust",
    "$self, width, fillchar=' ', /",
).doc("Return the string aligned left in a string of the given width, padded with fillchar (a space by default).");
static STR_RJUST: Signature = Signature::new(
    Style::Positional,
    "str.rjust",
    "$self, width, fillchar=' ', /",
).doc("Return the string aligned right in a string of the given width, padded with fillchar (a space by default).");
static STR_ZFILL: Signature = Signature::new(Style::Exact, "str.zfill", "$self, width, /")
    .doc("Return the string padded on the left with zeros to the given width, after any sign.");
static STR_PARTITION: Signature = Signature::new(Style::Exact, "str.partition", "$self, sep, /").doc("Split the string at the first occurrence of sep; return (before, sep, after).\n\nWhen sep is absent, return (S, '', '').");
static STR_RPARTITION: Signature = Signature::new(Style::Exact, "str.rpartition", "$self, sep, /").doc("Split the string at the last occurrence of sep; return (before, sep, after).\n\nWhen sep is absent, return ('', '', S).");
static STR_EXPANDTABS: Signature =
    Signature::new(Style::Clinic, "str.expandtabs", "$self, /, tabsize=8").doc("Return a copy of the string with tab characters replaced by spaces, up to the next multiple of tabsize columns.");
static STR_REMOVEPREFIX: Signature =
    Signature::new(Style::Exact, "str.removeprefix", "$self, prefix, /")
        .doc("Return the string without prefix if it starts with it, or the string unchanged.");
static STR_REMOVESUFFIX: Signature =
    Signature::new(Style::Exact, "str.removesuffix", "$self, suffix, /")
        .doc("Return the string without suffix if it ends with it, or the string unchanged.");
static STR_TRANSLATE: Signature = Signature::new(Style::Exact, "str.translate", "$self, table, /").doc("Return a copy of the string with each character mapped through a table.\n\nThe table maps code points to strings, code points or None (to delete); characters it does not map stay.");
static STR_MAKETRANS: Signature = Signature::new(
    Style::Positional,
    "str.maketrans",
    "x, y=<unrepresentable>, z=<unrepresentable>, /",
).doc("Return a translation table for str.translate().\n\nWith one argument, a dict mapping characters or code points; with two strings of equal length, map each character of the first to the one at the same place in the second; a third string lists characters to delete.");
static BYTES_HEX: Signature = Signature::new(
    Style::Clinic,
    "bytes.hex",
    "$self, /, sep=<unrepresentable>, bytes_per_sep=1",
).doc("Return the bytes as a string of two hexadecimal digits per byte.\n\nsep, if given, is put between groups of bytes_per_sep bytes (counted from the right; from the left when negative).");

fn this<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a str> {
    Ok(this_py(vm, args)?.as_str())
}

/// The `str` a method is called on, with its cached length and ASCII flag.
fn this_py<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a PyStr> {
    match args.get(0).map(Value::builtin_base) {
        Some(Value::Str(s)) => Ok(s),
        Some(other) => Err(vm.type_error(format!(
            "descriptor requires a 'str' object but received a '{}'",
            vm.type_name(other)
        ))),
        None => Err(vm.type_error("descriptor needs an argument")),
    }
}

fn arg_str<'a>(vm: &Vm, v: Option<&'a Value>, what: &str) -> PyResult<Option<&'a str>> {
    match v.map(Value::builtin_base) {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.as_str())),
        Some(other) => Err(vm.type_error(format!(
            "{what} arg must be None or str, not {}",
            vm.type_name(other)
        ))),
    }
}

fn need_str<'a>(vm: &Vm, v: Option<&'a Value>, fname: &str, n: usize) -> PyResult<&'a str> {
    match v.map(Value::builtin_base) {
        Some(Value::Str(s)) => Ok(s.as_str()),
        Some(other) => Err(vm.type_error(format!(
            "{fname}() argument {n} must be str, not {}",
            vm.type_name(other)
        ))),
        None => Err(vm.type_error(format!(
            "{fname}() takes at least {n} argument ({} given)",
            n - 1
        ))),
    }
}

fn s(v: String) -> PyResult {
    Ok(Value::string(v))
}

/// A new str value for a piece of a str that is known to be ASCII (no code-point count).
fn piece(p: &str, ascii: bool) -> Value {
    if ascii {
        Value::Str(Rc::new(PyStr::with_len(p, p.len())))
    } else {
        Value::str(p)
    }
}

fn str_new(vm: &Vm, args: Args) -> PyResult {
    super::payload::construct(vm, args, &vm.types.str, |vm, args, _| {
        let encoded =
            args.len() > 1 || args.kw("encoding").is_some() || args.kw("errors").is_some();
        match args.arg_or_kw(0, "object") {
            None => Ok(Value::str("")),
            Some(v) if encoded => decode_object(vm, v, &args),
            Some(v) => str_of(vm, v),
        }
    })
}

/// `str(object, encoding, errors)`: the object decoded, which must be bytes-like.
fn decode_object(vm: &Vm, v: &Value, args: &Args) -> PyResult {
    let Some(bytes) = crate::objects::buffer::contents(v) else {
        return Err(vm.type_error(match v.builtin_base() {
            Value::Str(_) => "decoding str is not supported".to_string(),
            other => format!(
                "decoding to str: need a bytes-like object, {} found",
                vm.type_name(other)
            ),
        }));
    };
    let text = crate::stdlib::codecs::decode_bytes(
        vm,
        "str",
        &bytes,
        args.arg_or_kw(1, "encoding"),
        args.arg_or_kw(2, "errors"),
    )?;
    Ok(Value::string(text))
}

/// `str(v)` with one argument.
pub(crate) fn str_of(vm: &Vm, v: &Value) -> PyResult {
    match v {
        Value::Int(i) => Ok(Value::Str(Rc::new(PyStr::from_i64(*i)))),
        v => vm.str_value(v),
    }
}

fn upper(vm: &Vm, args: Args) -> PyResult {
    STR_UPPER.check(vm, args)?;
    let t = this_py(vm, &args)?;
    if t.is_ascii() {
        return Ok(Value::Str(Rc::new(t.map_ascii(u8::to_ascii_uppercase))));
    }
    s(t.as_str().to_uppercase())
}

fn lower(vm: &Vm, args: Args) -> PyResult {
    STR_LOWER.check(vm, args)?;
    lowercase(vm, args)
}

/// `str.casefold` is `str.lower` for now (no full case folding yet).
fn casefold(vm: &Vm, args: Args) -> PyResult {
    STR_CASEFOLD.check(vm, args)?;
    lowercase(vm, args)
}

fn lowercase(vm: &Vm, args: Args) -> PyResult {
    let t = this_py(vm, &args)?;
    if t.is_ascii() {
        return Ok(Value::Str(Rc::new(t.map_ascii(u8::to_ascii_lowercase))));
    }
    s(t.as_str().to_lowercase())
}

fn capitalize(vm: &Vm, args: Args) -> PyResult {
    STR_CAPITALIZE.check(vm, args)?;
    let t = this(vm, &args)?;
    let mut chars = t.chars();
    s(match chars.next() {
        Some(c) => c.to_uppercase().collect::<String>() + &chars.as_str().to_lowercase(),
        None => String::new(),
    })
}

fn title(vm: &Vm, args: Args) -> PyResult {
    STR_TITLE.check(vm, args)?;
    let t = this(vm, &args)?;
    let mut out = String::with_capacity(t.len());
    let mut prev_cased = false;
    for c in t.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_cased = c.is_alphabetic();
    }
    s(out)
}

fn swapcase(vm: &Vm, args: Args) -> PyResult {
    STR_SWAPCASE.check(vm, args)?;
    let t = this(vm, &args)?;
    s(t.chars()
        .flat_map(|c| {
            if c.is_uppercase() {
                c.to_lowercase().collect::<Vec<_>>()
            } else {
                c.to_uppercase().collect()
            }
        })
        .collect())
}

fn strip_impl(vm: &Vm, args: &Args, left: bool, right: bool, name: &str) -> PyResult {
    let py = this_py(vm, args)?;
    let t = py.as_str();
    let chars = arg_str(vm, args.get(1), name)?;
    let r = match chars {
        // Stripping ASCII characters cuts at ASCII bytes, which never split a UTF-8 sequence.
        None if py.is_ascii() => trim_bytes(t, left, right, is_py_space_byte),
        Some(set) if set.is_ascii() => {
            let set = set.as_bytes();
            trim_bytes(t, left, right, |b| set.contains(&b))
        }
        _ => {
            let pred = |c: char| match chars {
                Some(set) => set.contains(c),
                None => crate::fmt::is_py_space(c),
            };
            let mut r = t;
            if left {
                r = r.trim_start_matches(pred);
            }
            if right {
                r = r.trim_end_matches(pred);
            }
            r
        }
    };
    if r.len() == t.len() && matches!(args.pos[0], Value::Str(_)) {
        return Ok(args.pos[0].clone());
    }
    Ok(piece(r, py.is_ascii()))
}

/// `t` without the leading and/or trailing bytes for which `strip` holds (an ASCII test).
fn trim_bytes(t: &str, left: bool, right: bool, strip: impl Fn(u8) -> bool) -> &str {
    let b = t.as_bytes();
    let (mut i, mut j) = (0, b.len());
    if left {
        while i < j && strip(b[i]) {
            i += 1;
        }
    }
    if right {
        while j > i && strip(b[j - 1]) {
            j -= 1;
        }
    }
    &t[i..j]
}

fn strip(vm: &Vm, args: Args) -> PyResult {
    STR_STRIP.check(vm, args)?;
    strip_impl(vm, &args, true, true, "strip")
}

fn lstrip(vm: &Vm, args: Args) -> PyResult {
    STR_LSTRIP.check(vm, args)?;
    strip_impl(vm, &args, true, false, "lstrip")
}

fn rstrip(vm: &Vm, args: Args) -> PyResult {
    STR_RSTRIP.check(vm, args)?;
    strip_impl(vm, &args, false, true, "rstrip")
}

/// `sep` and `maxsplit` of `str.split`/`str.rsplit`, bound by `sig`.
fn split_args<'a>(vm: &Vm, args: Args<'a>, sig: &Signature) -> PyResult<(Option<&'a str>, i64)> {
    let ([_], [sep, maxsplit]) = sig.bind(vm, args)?;
    let sep = arg_str(vm, sep, "must be str or None")?;
    if sep == Some("") {
        return Err(vm.value_error("empty separator"));
    }
    let maxsplit = match maxsplit {
        Some(v) => vm.to_index(v)?,
        None => -1,
    };
    Ok((sep, maxsplit))
}

fn split(vm: &Vm, args: Args) -> PyResult {
    let (sep, maxsplit) = split_args(vm, args, &STR_SPLIT)?;
    let py = this_py(vm, &args)?;
    let (t, ascii) = (py.as_str(), py.is_ascii());
    let limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize + 1
    };
    let mut out = Vec::new();
    match sep {
        // A one-byte separator is searched with memchr.
        Some(sep) if sep.len() == 1 => out.extend(
            t.splitn(limit, sep.as_bytes()[0] as char)
                .map(|p| piece(p, ascii)),
        ),
        Some(sep) => out.extend(t.splitn(limit, sep).map(|p| piece(p, ascii))),
        None if ascii => {
            let b = t.as_bytes();
            let mut i = 0;
            loop {
                while i < b.len() && is_py_space_byte(b[i]) {
                    i += 1;
                }
                if i == b.len() {
                    break;
                }
                if maxsplit >= 0 && out.len() as i64 == maxsplit {
                    out.push(piece(&t[i..], true));
                    break;
                }
                let start = i;
                while i < b.len() && !is_py_space_byte(b[i]) {
                    i += 1;
                }
                out.push(piece(&t[start..i], true));
            }
        }
        None => {
            let space = crate::fmt::is_py_space;
            let mut rest = t.trim_start_matches(space);
            while !rest.is_empty() {
                if maxsplit >= 0 && out.len() as i64 == maxsplit {
                    out.push(Value::str(rest));
                    break;
                }
                let end = rest.find(space).unwrap_or(rest.len());
                out.push(Value::str(&rest[..end]));
                rest = rest[end..].trim_start_matches(space);
            }
        }
    }
    Ok(Value::list(out))
}

fn rsplit(vm: &Vm, args: Args) -> PyResult {
    let (sep, maxsplit) = split_args(vm, args, &STR_RSPLIT)?;
    let t = this(vm, &args)?;
    let mut parts: Vec<String> = match sep {
        Some(sep) => {
            if maxsplit < 0 {
                t.rsplit(sep).map(str::to_string).collect()
            } else {
                t.rsplitn(maxsplit as usize + 1, sep)
                    .map(str::to_string)
                    .collect()
            }
        }
        None => {
            let mut out = Vec::new();
            let space = crate::fmt::is_py_space;
            let mut rest = t.trim_end_matches(space);
            while !rest.is_empty() {
                if maxsplit >= 0 && out.len() as i64 == maxsplit {
                    out.push(rest.to_string());
                    break;
                }
                let start = rest.rfind(space).map_or(0, |i| {
                    i + rest[i..].chars().next().map_or(1, char::len_utf8)
                });
                out.push(rest[start..].to_string());
                rest = rest[..start].trim_end_matches(space);
            }
            out
        }
    };
    parts.reverse();
    Ok(Value::list(parts.into_iter().map(Value::string).collect()))
}

fn splitlines(vm: &Vm, args: Args) -> PyResult {
    let ([_], [keepends]) = STR_SPLITLINES.bind(vm, args)?;
    let py = this_py(vm, &args)?;
    let (t, ascii) = (py.as_str(), py.is_ascii());
    let keep = match keepends {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut out = Vec::new();
    let b = t.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        // The byte length of a line break at `i` (\x85, \u2028 and \u2029 are multi-byte).
        let brk = match b[i] {
            b'\r' if b.get(i + 1) == Some(&b'\n') => 2,
            b'\n' | b'\r' | 0x0b | 0x0c | 0x1c | 0x1d | 0x1e => 1,
            0xc2 if b.get(i + 1) == Some(&0x85) => 2,
            0xe2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xa8 | 0xa9)) => 3,
            _ => 0,
        };
        if brk == 0 {
            i += 1;
            continue;
        }
        let end = i + brk;
        out.push(piece(&t[start..if keep { end } else { i }], ascii));
        start = end;
        i = end;
    }
    if start < t.len() {
        out.push(piece(&t[start..], ascii));
    }
    Ok(Value::list(out))
}

fn join(vm: &Vm, args: Args) -> PyResult {
    STR_JOIN.check(vm, args)?;
    let sep = this_py(vm, &args)?;
    let Some(it) = args.get(1) else {
        return Err(vm.type_error("str.join() takes exactly one argument (0 given)"));
    };
    match it {
        Value::List(l) => join_items(vm, sep, &l.items.borrow()),
        Value::Tuple(t) => join_items(vm, sep, &t.0),
        _ => join_items(vm, sep, &vm.to_vec(it)?),
    }
}

/// `sep.join(items)`: the result is sized before any text is copied.
fn join_items(vm: &Vm, sep: &PyStr, items: &[Value]) -> PyResult {
    // Instances of str subclasses join as their text.
    for (i, item) in items.iter().enumerate() {
        if !matches!(item.builtin_base(), Value::Str(_)) {
            return Err(vm.type_error(format!(
                "sequence item {i}: expected str instance, {} found",
                vm.type_name(item)
            )));
        }
    }
    let parts = items.iter().enumerate().flat_map(|(i, item)| {
        let text = match item.builtin_base() {
            Value::Str(x) => Some(&**x),
            _ => None,
        };
        (i > 0).then_some(sep).into_iter().chain(text)
    });
    Ok(Value::Str(Rc::new(
        PyStr::concat(parts).ok_or_else(|| vm.memory_error())?,
    )))
}

fn replace(vm: &Vm, args: Args) -> PyResult {
    STR_REPLACE.check(vm, args)?;
    let t = this(vm, &args)?;
    let old = need_str(vm, args.get(1), "replace", 1)?;
    let new = need_str(vm, args.get(2), "replace", 2)?;
    let count = match args.get(3) {
        Some(v) => vm.to_index(v)?,
        None => -1,
    };
    let n = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    if old.len() == 1 && !t.contains(old.as_bytes()[0] as char) {
        return Ok(args.pos[0].builtin_base().clone());
    }
    if old.len() == 1 {
        s(t.replacen(old.as_bytes()[0] as char, new, n))
    } else {
        s(t.replacen(old, new, n))
    }
}

/// Resolves optional start/end arguments to a char-index window of `py` and its start,
/// as CPython's `ADJUST_INDICES`; None when start lies past end (nothing matches there,
/// not even an empty string).
fn window<'a>(
    vm: &Vm,
    py: &'a PyStr,
    start: Option<&Value>,
    end: Option<&Value>,
) -> PyResult<Option<(&'a str, usize)>> {
    let t = py.as_str();
    if matches!(start, None | Some(Value::None)) && matches!(end, None | Some(Value::None)) {
        return Ok(Some((t, 0)));
    }
    let n = py.char_len() as i64;
    let norm = |v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(v) => {
                let i = vm.to_index(v)?;
                Ok(if i < 0 { (i + n).max(0) } else { i })
            }
        }
    };
    let (a, b) = (norm(start, 0)?, norm(end, n)?.min(n));
    if a > b {
        return Ok(None);
    }
    let (ba, bb) = (py.byte_offset(a as usize), py.byte_offset(b as usize));
    Ok(Some((&t[ba..bb], a as usize)))
}

fn prefix_check(vm: &Vm, args: &Args, name: &str, test: fn(&str, &str) -> bool) -> PyResult {
    let t = this_py(vm, args)?;
    let win = window(vm, t, args.get(2), args.get(3))?;
    let test = |p: &str| win.is_some_and(|(w, _)| test(w, p));
    match args.get(1).map(Value::builtin_base) {
        Some(Value::Str(p)) => Ok(Value::from_bool(test(p.as_str()))),
        Some(Value::Tuple(tup)) => {
            for p in &tup.0 {
                match p.builtin_base() {
                    Value::Str(p) if test(p.as_str()) => return Ok(Value::Bool(BoolWord::TRUE)),
                    Value::Str(_) => {}
                    other => {
                        return Err(vm.type_error(format!(
                            "tuple for {name} must only contain str, not {}",
                            vm.type_name(other)
                        )))
                    }
                }
            }
            Ok(Value::Bool(BoolWord::FALSE))
        }
        Some(other) => Err(vm.type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            vm.type_name(other)
        ))),
        None => Err(vm.type_error(format!("{name}() takes at least 1 argument (0 given)"))),
    }
}

fn startswith(vm: &Vm, args: Args) -> PyResult {
    STR_STARTSWITH.check(vm, args)?;
    prefix_check(vm, &args, "startswith", |w, p| w.starts_with(p))
}

fn endswith(vm: &Vm, args: Args) -> PyResult {
    STR_ENDSWITH.check(vm, args)?;
    prefix_check(vm, &args, "endswith", |w, p| w.ends_with(p))
}

fn find_impl(vm: &Vm, args: &Args, reverse: bool) -> PyResult<i64> {
    let t = this_py(vm, args)?;
    let sub = match args.get(1).map(Value::builtin_base) {
        Some(Value::Str(x)) => x.as_str(),
        Some(other) => {
            return Err(vm.type_error(format!("must be str, not {}", vm.type_name(other))))
        }
        None => return Err(vm.type_error("find() takes at least 1 argument (0 given)")),
    };
    let Some((win, offset)) = window(vm, t, args.get(2), args.get(3))? else {
        return Ok(-1);
    };
    let found = match (reverse, sub.len()) {
        (false, 1) => win.find(sub.as_bytes()[0] as char),
        (false, _) => win.find(sub),
        (true, 1) => win.rfind(sub.as_bytes()[0] as char),
        (true, _) => win.rfind(sub),
    };
    let char_index = |b: usize| {
        if t.is_ascii() {
            b
        } else {
            count_chars(&win[..b])
        }
    };
    Ok(found.map_or(-1, |b| (offset + char_index(b)) as i64))
}

fn find(vm: &Vm, args: Args) -> PyResult {
    STR_FIND.check(vm, args)?;
    Ok(Value::Int(find_impl(vm, &args, false)?))
}

fn rfind(vm: &Vm, args: Args) -> PyResult {
    STR_RFIND.check(vm, args)?;
    Ok(Value::Int(find_impl(vm, &args, true)?))
}

fn index(vm: &Vm, args: Args) -> PyResult {
    STR_INDEX.check(vm, args)?;
    match find_impl(vm, &args, false)? {
        -1 => Err(vm.value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn rindex(vm: &Vm, args: Args) -> PyResult {
    STR_RINDEX.check(vm, args)?;
    match find_impl(vm, &args, true)? {
        -1 => Err(vm.value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn count(vm: &Vm, args: Args) -> PyResult {
    STR_COUNT.check(vm, args)?;
    let t = this_py(vm, &args)?;
    let sub = need_str(vm, args.get(1), "count", 1)?;
    let Some((win, _)) = window(vm, t, args.get(2), args.get(3))? else {
        return Ok(Value::Int(0));
    };
    if sub.is_empty() {
        return Ok(Value::Int(count_chars(win) as i64 + 1));
    }
    if sub.len() == 1 {
        let c = sub.as_bytes()[0];
        return Ok(Value::Int(win.bytes().filter(|&b| b == c).count() as i64));
    }
    Ok(Value::Int(win.matches(sub).count() as i64))
}

fn all_chars(vm: &Vm, args: &Args, pred: fn(char) -> bool) -> PyResult {
    let t = this(vm, args)?;
    Ok(Value::from_bool(!t.is_empty() && t.chars().all(pred)))
}

/// `isdecimal`, `isdigit` and `isnumeric`: every character has the
/// property (ASCII strings answered without the Unicode tables).
fn all_digits(vm: &Vm, args: &Args, pred: fn(char) -> bool) -> PyResult {
    let t = this_py(vm, args)?;
    if t.is_ascii() {
        let b = t.as_str().as_bytes();
        return Ok(Value::from_bool(
            !b.is_empty() && b.iter().all(u8::is_ascii_digit),
        ));
    }
    all_chars(vm, args, pred)
}

fn isdecimal(vm: &Vm, args: Args) -> PyResult {
    STR_ISDECIMAL.check(vm, args)?;
    all_digits(vm, &args, |c| crate::ucd::decimal_value(c).is_some())
}

fn isdigit(vm: &Vm, args: Args) -> PyResult {
    STR_ISDIGIT.check(vm, args)?;
    all_digits(vm, &args, crate::ucd::is_digit)
}

fn isnumeric(vm: &Vm, args: Args) -> PyResult {
    STR_ISNUMERIC.check(vm, args)?;
    all_digits(vm, &args, crate::ucd::is_numeric)
}

fn isalpha(vm: &Vm, args: Args) -> PyResult {
    STR_ISALPHA.check(vm, args)?;
    all_chars(vm, &args, char::is_alphabetic)
}

fn isalnum(vm: &Vm, args: Args) -> PyResult {
    STR_ISALNUM.check(vm, args)?;
    all_chars(vm, &args, char::is_alphanumeric)
}

fn isspace(vm: &Vm, args: Args) -> PyResult {
    STR_ISSPACE.check(vm, args)?;
    all_chars(vm, &args, crate::fmt::is_py_space)
}

fn isascii(vm: &Vm, args: Args) -> PyResult {
    STR_ISASCII.check(vm, args)?;
    Ok(Value::from_bool(this(vm, &args)?.is_ascii()))
}

fn isprintable(vm: &Vm, args: Args) -> PyResult {
    STR_ISPRINTABLE.check(vm, args)?;
    Ok(Value::from_bool(
        this(vm, &args)?.chars().all(crate::ucd::is_printable),
    ))
}

fn isupper(vm: &Vm, args: Args) -> PyResult {
    STR_ISUPPER.check(vm, args)?;
    let t = this(vm, &args)?;
    Ok(Value::from_bool(
        t.chars().any(char::is_uppercase) && !t.chars().any(char::is_lowercase),
    ))
}

fn islower(vm: &Vm, args: Args) -> PyResult {
    STR_ISLOWER.check(vm, args)?;
    let t = this(vm, &args)?;
    Ok(Value::from_bool(
        t.chars().any(char::is_lowercase) && !t.chars().any(char::is_uppercase),
    ))
}

fn istitle(vm: &Vm, args: Args) -> PyResult {
    STR_ISTITLE.check(vm, args)?;
    let t = this(vm, &args)?;
    let mut prev_cased = false;
    let mut any = false;
    for c in t.chars() {
        if c.is_uppercase() {
            if prev_cased {
                return Ok(Value::Bool(BoolWord::FALSE));
            }
            prev_cased = true;
            any = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return Ok(Value::Bool(BoolWord::FALSE));
            }
            prev_cased = true;
            any = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::from_bool(any))
}

fn isidentifier(vm: &Vm, args: Args) -> PyResult {
    STR_ISIDENTIFIER.check(vm, args)?;
    let t = this(vm, &args)?;
    Ok(Value::from_bool(is_identifier(t)))
}

/// Whether `text` is a Python identifier (keywords included).
pub(crate) fn is_identifier(text: &str) -> bool {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if c == '_' || unicode_ident::is_xid_start(c) => {
            chars.all(unicode_ident::is_xid_continue)
        }
        _ => false,
    }
}

fn pad_args(vm: &Vm, args: &Args, name: &str) -> PyResult<(usize, char)> {
    let width = match args.get(1) {
        Some(w) => vm.size_arg(w, SizeArg::Ssize)?.max(0) as usize,
        None => return Err(vm.type_error(format!("{name}() takes at least 1 argument (0 given)"))),
    };
    let fill = match args.get(2).map(Value::builtin_base) {
        None => ' ',
        Some(Value::Str(f)) if f.char_len() == 1 => f.as_str().chars().next().unwrap_or(' '),
        Some(_) => {
            return Err(vm.type_error("The fill character must be exactly one character long"))
        }
    };
    Ok((width, fill))
}

/// `text` with `left` and `right` fill characters around it (MemoryError
/// when that does not fit in memory).
fn padded(vm: &Vm, text: &PyStr, left: usize, right: usize, fill: char) -> PyResult {
    let total = left.saturating_add(right);
    let mut out = vm.try_string(
        text.as_str()
            .len()
            .saturating_add(total.saturating_mul(fill.len_utf8())),
    )?;
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(text.as_str());
    out.extend(std::iter::repeat_n(fill, right));
    Ok(Value::Str(Rc::new(PyStr::from_string_with_len(
        out,
        text.char_len() + total,
    ))))
}

fn center(vm: &Vm, args: Args) -> PyResult {
    STR_CENTER.check(vm, args)?;
    let t = this_py(vm, &args)?;
    let (width, fill) = pad_args(vm, &args, "center")?;
    let n = t.char_len();
    if width <= n {
        return Ok(args.pos[0].clone());
    }
    let total = width - n;
    // CPython puts the odd fill character on the left when the width is odd too.
    let left = total / 2 + (total & width & 1);
    padded(vm, t, left, total - left, fill)
}

fn ljust(vm: &Vm, args: Args) -> PyResult {
    STR_LJUST.check(vm, args)?;
    let t = this_py(vm, &args)?;
    let (width, fill) = pad_args(vm, &args, "ljust")?;
    if width <= t.char_len() {
        return Ok(args.pos[0].clone());
    }
    padded(vm, t, 0, width - t.char_len(), fill)
}

fn rjust(vm: &Vm, args: Args) -> PyResult {
    STR_RJUST.check(vm, args)?;
    let t = this_py(vm, &args)?;
    let (width, fill) = pad_args(vm, &args, "rjust")?;
    if width <= t.char_len() {
        return Ok(args.pos[0].clone());
    }
    padded(vm, t, width - t.char_len(), 0, fill)
}

fn zfill(vm: &Vm, args: Args) -> PyResult {
    STR_ZFILL.check(vm, args)?;
    let py = this_py(vm, &args)?;
    let t = py.as_str();
    let width = vm
        .size_arg(args.get(1).unwrap_or(&Value::Int(0)), SizeArg::Ssize)?
        .max(0) as usize;
    let n = py.char_len();
    if width <= n {
        return Ok(args.pos[0].clone());
    }
    let (sign, rest) = match t.as_bytes().first() {
        Some(b'+' | b'-') => t.split_at(1),
        _ => ("", t),
    };
    let mut out = vm.try_string(t.len() + (width - n))?;
    out.push_str(sign);
    out.extend(std::iter::repeat_n('0', width - n));
    out.push_str(rest);
    Ok(Value::Str(Rc::new(PyStr::from_string_with_len(out, width))))
}

fn partition(vm: &Vm, args: Args) -> PyResult {
    STR_PARTITION.check(vm, args)?;
    let py = this_py(vm, &args)?;
    let (t, ascii) = (py.as_str(), py.is_ascii());
    let sep = need_str(vm, args.get(1), "partition", 1)?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let found = if sep.len() == 1 {
        t.find(sep.as_bytes()[0] as char)
    } else {
        t.find(sep)
    };
    Ok(match found {
        Some(i) => Value::tuple(vec![
            piece(&t[..i], ascii),
            args.pos[1].clone(),
            piece(&t[i + sep.len()..], ascii),
        ]),
        None => Value::tuple(vec![args.pos[0].clone(), Value::str(""), Value::str("")]),
    })
}

fn rpartition(vm: &Vm, args: Args) -> PyResult {
    STR_RPARTITION.check(vm, args)?;
    let t = this(vm, &args)?;
    let sep = need_str(vm, args.get(1), "rpartition", 1)?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    Ok(match t.rfind(sep) {
        Some(i) => Value::tuple(vec![
            Value::str(&t[..i]),
            Value::str(sep),
            Value::str(&t[i + sep.len()..]),
        ]),
        None => Value::tuple(vec![Value::str(""), Value::str(""), args.pos[0].clone()]),
    })
}

static ENCODE: Signature = Signature::new(
    Style::Clinic,
    "str.encode",
    "$self, /, encoding='utf-8', errors='strict'",
).doc("Return the string encoded to bytes with a codec (UTF-8 by default).\n\nerrors says what to do with characters the codec cannot encode: 'strict' raises UnicodeEncodeError; 'ignore', 'replace' and others substitute.");

/// `str.encode(encoding='utf-8', errors='strict')`.
fn encode(vm: &Vm, args: Args) -> PyResult {
    let ([text], [encoding, errors]) = ENCODE.bind(vm, args)?;
    this(vm, &args)?;
    let bytes =
        crate::stdlib::codecs::encode_str(vm, "encode", text.builtin_base(), encoding, errors)?;
    Ok(Value::Bytes(Rc::new(bytes)))
}

fn expandtabs(vm: &Vm, args: Args) -> PyResult {
    let ([_], [tabsize]) = STR_EXPANDTABS.bind(vm, args)?;
    let t = this(vm, &args)?;
    let size = match tabsize {
        Some(v) => vm.size_arg(v, SizeArg::CInt)?.max(0) as usize,
        None => 8,
    };
    // The result's size first, so a huge one is refused before it is built.
    let (mut bytes, mut col) = (0usize, 0usize);
    for c in t.chars() {
        match c {
            '\t' if size > 0 => {
                let n = size - col % size;
                bytes = bytes.saturating_add(n);
                col = col.saturating_add(n);
            }
            '\t' => {}
            '\n' | '\r' => {
                bytes += 1;
                col = 0;
            }
            c => {
                bytes += c.len_utf8();
                col += 1;
            }
        }
    }
    let mut out = vm.try_string(bytes)?;
    col = 0;
    for c in t.chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size - col % size;
                    out.extend(std::iter::repeat_n(' ', n));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    s(out)
}

fn removeprefix(vm: &Vm, args: Args) -> PyResult {
    STR_REMOVEPREFIX.check(vm, args)?;
    let t = this(vm, &args)?;
    let p = need_str(vm, args.get(1), "removeprefix", 1)?;
    s(t.strip_prefix(p).unwrap_or(t).to_string())
}

fn removesuffix(vm: &Vm, args: Args) -> PyResult {
    STR_REMOVESUFFIX.check(vm, args)?;
    let t = this(vm, &args)?;
    let p = need_str(vm, args.get(1), "removesuffix", 1)?;
    s(t.strip_suffix(p).unwrap_or(t).to_string())
}

/// `str.translate(table)`: each character is looked up by its ordinal.
fn translate(vm: &Vm, args: Args) -> PyResult {
    STR_TRANSLATE.check(vm, args)?;
    let t = this(vm, &args)?;
    let table = args
        .get(1)
        .ok_or_else(|| vm.type_error("translate() takes exactly one argument (0 given)"))?;
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        match vm.get_item(table, &Value::Int(c as i64)) {
            Ok(Value::None) => {}
            Ok(Value::Str(r)) => out.push_str(r.as_str()),
            Ok(Value::Int(i)) => {
                out.push(char::from_u32(i as u32).ok_or_else(|| {
                    vm.value_error("character mapping must be in range(0x110000)")
                })?)
            }
            Ok(other) => {
                return Err(vm.type_error(format!(
                    "character mapping must return integer, None or str, not {}",
                    vm.type_name(&other)
                )))
            }
            Err(e) if vm.err_is(&e, &vm.exc.lookup_error) => out.push(c),
            Err(e) => return Err(e),
        }
    }
    s(out)
}

/// `str.maketrans(x[, y[, z]])`.
fn maketrans(vm: &Vm, args: Args) -> PyResult {
    STR_MAKETRANS.check(vm, args)?;
    let d = crate::objects::PyDict::new();
    match (args.get(0), args.get(1)) {
        (Some(Value::Dict(m)), None) => {
            for (k, v) in m.items() {
                let key = match &k {
                    Value::Str(s) if s.char_len() == 1 => {
                        Value::Int(s.as_str().chars().next().map_or(0, |c| c as i64))
                    }
                    Value::Int(_) => k.clone(),
                    _ => {
                        return Err(
                            vm.value_error("string keys in translate table must be of length 1")
                        )
                    }
                };
                d.set(vm, key, v)?;
            }
        }
        (Some(Value::Str(x)), Some(Value::Str(y))) => {
            if x.char_len() != y.char_len() {
                return Err(
                    vm.value_error("the first two maketrans arguments must have equal length")
                );
            }
            for (a, b) in x.as_str().chars().zip(y.as_str().chars()) {
                d.set(vm, Value::Int(a as i64), Value::Int(b as i64))?;
            }
            if let Some(Value::Str(z)) = args.get(2) {
                for c in z.as_str().chars() {
                    d.set(vm, Value::Int(c as i64), Value::None)?;
                }
            }
        }
        _ => {
            return Err(
                vm.type_error("if you give only one argument to maketrans it must be a dict")
            )
        }
    }
    Ok(Value::Dict(crate::objects::gc::new(d)))
}

fn bytes_new(vm: &Vm, args: Args) -> PyResult {
    super::payload::construct(vm, args, &vm.types.bytes, |vm, args, _| {
        bytes_value(vm, args)
    })
}

/// `bytes(source)` from the arguments after the class.
fn bytes_value(vm: &Vm, args: Args) -> PyResult {
    // An encoding or errors argument only goes with a str source.
    if !matches!(args.get(0).map(Value::builtin_base), Some(Value::Str(_))) {
        for (at, name) in [(1, "encoding"), (2, "errors")] {
            if args.arg_or_kw(at, name).is_some() {
                return Err(vm.type_error(format!("{name} without a string argument")));
            }
        }
    }
    let Some(source) = args.get(0) else {
        return Ok(Value::Bytes(Rc::new(Vec::new())));
    };
    if matches!(source, Value::Instance(_) | Value::Native(_)) {
        if let Some(m) = vm.class_of(source).lookup_str("__bytes__") {
            return match vm.call_bound(&m, source, &[])? {
                b @ Value::Bytes(_) => Ok(b),
                other => Err(vm.type_error(format!(
                    "__bytes__ returned non-bytes (type {})",
                    vm.type_name(&other)
                ))),
            };
        }
    }
    Ok(Value::Bytes(Rc::new(match source.builtin_base() {
        Value::Str(_) => {
            let (encoding, errors) = (args.arg_or_kw(1, "encoding"), args.arg_or_kw(2, "errors"));
            if encoding.is_none() {
                return Err(vm.type_error("string argument without an encoding"));
            }
            let text = source.builtin_base();
            crate::stdlib::codecs::encode_str(vm, "bytes", text, encoding, errors)?
        }
        n @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) => {
            let n = vm.size_arg(n, SizeArg::Index)?;
            if n < 0 {
                return Err(vm.value_error("negative count"));
            }
            let mut zeros = vm.try_vec(n as usize)?;
            zeros.resize(n as usize, 0);
            zeros
        }
        Value::Bytes(b) => b.to_vec(),
        other => match crate::objects::buffer::contents(other) {
            Some(bytes) => bytes.into_owned(),
            None => {
                let mut out = Vec::new();
                for v in vm.to_vec(other)? {
                    let i = vm.to_index(&v)?;
                    if !(0..256).contains(&i) {
                        return Err(vm.value_error("bytes must be in range(0, 256)"));
                    }
                    out.push(i as u8);
                }
                out
            }
        },
    })))
}

static DECODE: Signature = Signature::new(
    Style::Clinic,
    "bytes.decode",
    "$self, /, encoding='utf-8', errors='strict'",
).doc("Return the bytes decoded to a string with a codec (UTF-8 by default).\n\nerrors says what to do with bytes the codec cannot decode: 'strict' raises UnicodeDecodeError; 'ignore', 'replace' and others substitute.");

/// `bytes.decode(encoding='utf-8', errors='strict')` (and `bytearray`'s).
pub(crate) fn decode(vm: &Vm, args: Args) -> PyResult {
    let ([data], [encoding, errors]) = DECODE.bind(vm, args)?;
    let Some(bytes) = crate::objects::buffer::contents(data) else {
        return Err(vm.type_error("descriptor 'decode' requires a 'bytes' object"));
    };
    let text = crate::stdlib::codecs::decode_bytes(vm, "decode", &bytes, encoding, errors)?;
    Ok(Value::string(text))
}

fn bytes_hex(vm: &Vm, args: Args) -> PyResult {
    let ([data], [sep, per_sep]) = BYTES_HEX.bind(vm, args)?;
    let Value::Bytes(b) = data.builtin_base() else {
        return Err(vm.type_error("descriptor 'hex' requires a 'bytes' object"));
    };
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(sep) => Some(crate::stdlib::binascii::separator(vm, sep)?),
    };
    let per_sep = per_sep.map_or(Ok(1), |v| vm.to_index(v))?;
    s(crate::stdlib::binascii::hex_with_separator(b, sep, per_sep))
}

// -- str.format ---------------------------------------------------------------------

static STR_FORMAT: Signature =
    Signature::undocumented(Style::Exact, "str.format", "$self, *args, **kwargs").doc("Return the string with its replacement fields ({}) filled from the arguments.\n\nFields name positional arguments by number and keyword arguments by name, and may add a format spec after a colon.");

fn format(vm: &Vm, args: Args) -> PyResult {
    if args.pos.is_empty() {
        STR_FORMAT.check(vm, args)?;
    }
    let t = this(vm, &args)?;
    let rest = args.skip_first();
    s(format_string(vm, t, rest.pos, &|name| {
        rest.kw(name).cloned()
    })?)
}

fn format_map(vm: &Vm, args: Args) -> PyResult {
    STR_FORMAT_MAP.check(vm, args)?;
    let t = this(vm, &args)?;
    let mapping = args.get(1).cloned().unwrap_or_default();
    s(format_string(vm, t, &[], &|name| {
        vm.get_item(&mapping, &Value::str(name)).ok()
    })?)
}

/// `str.format`: replacement fields `{[name][.attr|[key]]*[!conv][:spec]}`.
///
/// The template is scanned as bytes: every character with a meaning here is ASCII, and
/// literal text between fields is copied as whole slices.
pub fn format_string(
    vm: &Vm,
    template: &str,
    pos: &[Value],
    named: &dyn Fn(&str) -> Option<Value>,
) -> PyResult<String> {
    let mut out = String::with_capacity(template.len() + 16);
    let b = template.as_bytes();
    let mut i = 0;
    let mut lit = 0;
    let mut auto_index = 0usize;
    let mut used_manual = false;
    let mut used_auto = false;
    while i < b.len() {
        let c = b[i];
        if c == b'{' {
            out.push_str(&template[lit..i]);
            if b.get(i + 1) == Some(&b'{') {
                out.push('{');
                i += 2;
                lit = i;
                continue;
            }
            // Find the matching close brace (spec may nest one level of braces).
            let mut depth = 1;
            let mut j = i + 1;
            while j < b.len() && depth > 0 {
                match b[j] {
                    b'{' => depth += 1,
                    b'}' => depth -= 1,
                    _ => {}
                }
                j += 1;
            }
            if depth != 0 {
                return Err(vm.value_error(if i + 1 == b.len() {
                    "Single '{' encountered in format string"
                } else {
                    "expected '}' before end of string"
                }));
            }
            let field = &template[i + 1..j - 1];
            i = j;
            lit = j;
            // Split field into name, conversion and spec.
            let (head, spec) = split_top_level(field, ':').unwrap_or((field, ""));
            let (name_part, conv) = match head.find('!') {
                Some(k) => (&head[..k], Some(&head[k + 1..])),
                None => (head, None),
            };
            // First component of the name.
            let end = name_part.find(['.', '[']).unwrap_or(name_part.len());
            let first = &name_part[..end];
            let mut value = if first.is_empty() {
                if used_manual {
                    return Err(vm.value_error("cannot switch from manual field specification to automatic field numbering"));
                }
                used_auto = true;
                let v = pos.get(auto_index).cloned().ok_or_else(|| {
                    vm.index_error(format!(
                        "Replacement index {auto_index} out of range for positional args tuple"
                    ))
                })?;
                auto_index += 1;
                v
            } else if let Ok(n) = first.parse::<usize>() {
                if used_auto {
                    return Err(vm.value_error("cannot switch from automatic field numbering to manual field specification"));
                }
                used_manual = true;
                pos.get(n).cloned().ok_or_else(|| {
                    vm.index_error(format!(
                        "Replacement index {n} out of range for positional args tuple"
                    ))
                })?
            } else {
                named(first).ok_or_else(|| vm.key_error(Value::str(first)))?
            };
            // Attribute and index accessors.
            let mut rest = &name_part[end..];
            while !rest.is_empty() {
                if let Some(r) = rest.strip_prefix('.') {
                    let e = r.find(['.', '[']).unwrap_or(r.len());
                    value = vm.get_attr_str(&value, &r[..e])?;
                    rest = &r[e..];
                } else if let Some(r) = rest.strip_prefix('[') {
                    let e = r
                        .find(']')
                        .ok_or_else(|| vm.value_error("Missing ']' in format string"))?;
                    let key = &r[..e];
                    let k = key
                        .parse::<i64>()
                        .map(Value::Int)
                        .unwrap_or_else(|_| Value::str(key));
                    value = vm.get_item(&value, &k)?;
                    rest = &r[e + 1..];
                } else {
                    return Err(
                        vm.value_error("Only '.' or '[' may follow ']' in format field specifier")
                    );
                }
            }
            let value = match conv {
                None => value,
                Some("r") => Value::string(vm.repr(&value)?),
                Some("s") => vm.str_value(&value)?,
                Some("a") => Value::string(crate::objects::str::ascii_str(&vm.repr(&value)?)),
                Some(other) => {
                    return Err(vm.value_error(format!("Unknown conversion specifier {other}")))
                }
            };
            // Nested replacement fields in the spec.
            if spec.contains('{') {
                let spec = format_string_nested(vm, spec, pos, named, &mut auto_index)?;
                vm.format_into(&mut out, &value, &spec)?;
            } else {
                vm.format_into(&mut out, &value, spec)?;
            }
        } else if c == b'}' {
            out.push_str(&template[lit..i]);
            if b.get(i + 1) == Some(&b'}') {
                out.push('}');
                i += 2;
                lit = i;
                continue;
            }
            return Err(vm.value_error("Single '}' encountered in format string"));
        } else {
            i += 1;
        }
    }
    out.push_str(&template[lit..]);
    Ok(out)
}

fn format_string_nested(
    vm: &Vm,
    spec: &str,
    pos: &[Value],
    named: &dyn Fn(&str) -> Option<Value>,
    auto: &mut usize,
) -> PyResult<String> {
    let mut out = String::new();
    let mut rest = spec;
    while let Some(k) = rest.find('{') {
        out.push_str(&rest[..k]);
        let e = rest[k..]
            .find('}')
            .ok_or_else(|| vm.value_error("unmatched '{' in format spec"))?
            + k;
        let name = &rest[k + 1..e];
        let v = if name.is_empty() {
            let v = pos.get(*auto).cloned().ok_or_else(|| {
                vm.index_error(format!(
                    "Replacement index {} out of range for positional args tuple",
                    *auto
                ))
            })?;
            *auto += 1;
            v
        } else if let Ok(n) = name.parse::<usize>() {
            pos.get(n).cloned().ok_or_else(|| {
                vm.index_error(format!(
                    "Replacement index {n} out of range for positional args tuple"
                ))
            })?
        } else {
            named(name).ok_or_else(|| vm.key_error(Value::str(name)))?
        };
        out.push_str(&vm.to_str(&v)?);
        rest = &rest[e + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Splits at the first `sep` not inside brackets.
fn split_top_level(s: &str, sep: char) -> Option<(&str, &str)> {
    let mut depth = 0;
    for (i, c) in s.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            c if c == sep && depth == 0 => return Some((&s[..i], &s[i + 1..])),
            _ => {}
        }
    }
    None
}

// -- % formatting -------------------------------------------------------------------

/// `template % args`.
pub fn percent_format(vm: &Vm, template: &str, args: &Value) -> PyResult<String> {
    let values: &[Value] = match args.builtin_base() {
        Value::Tuple(t) => &t.0,
        _ => std::slice::from_ref(args),
    };
    let mapping = match args {
        Value::Dict(_) => Some(args.clone()),
        Value::Instance(_) if matches!(args.builtin_base(), Value::Tuple(_) | Value::Str(_)) => {
            None
        }
        Value::Instance(_) if vm.class_of(args).lookup_str("__getitem__").is_some() => {
            Some(args.clone())
        }
        _ => None,
    };
    let mut next = 0usize;
    let mut out = String::with_capacity(template.len() + 16);
    // Scanned as bytes: the directives are ASCII; literal text is copied in slices.
    let b = template.as_bytes();
    let mut i = 0;
    let mut lit = 0;
    let mut take = |vm: &Vm| -> PyResult<Value> {
        let v = values
            .get(next)
            .cloned()
            .ok_or_else(|| vm.type_error("not enough arguments for format string"))?;
        next += 1;
        Ok(v)
    };
    let mut used_mapping = false;
    while i < b.len() {
        if b[i] != b'%' {
            i += 1;
            continue;
        }
        out.push_str(&template[lit..i]);
        i += 1;
        // %(key)
        let mut keyed: Option<Value> = None;
        if b.get(i) == Some(&b'(') {
            let close = b[i..]
                .iter()
                .position(|&c| c == b')')
                .ok_or_else(|| vm.value_error("incomplete format key"))?
                + i;
            let key = &template[i + 1..close];
            i = close + 1;
            let m = mapping
                .as_ref()
                .ok_or_else(|| vm.type_error("format requires a mapping"))?;
            keyed = Some(vm.get_item(m, &Value::str(key))?);
            used_mapping = true;
        }
        let mut flags = String::new();
        while let Some(&f) = b.get(i) {
            if b"-+ #0".contains(&f) {
                flags.push(f as char);
                i += 1;
            } else {
                break;
            }
        }
        let mut width = String::new();
        if b.get(i) == Some(&b'*') {
            width = vm.to_index(&take(vm)?)?.to_string();
            i += 1;
        }
        while let Some(&d) = b.get(i).filter(|c| c.is_ascii_digit()) {
            width.push(d as char);
            i += 1;
        }
        let mut precision: Option<String> = None;
        if b.get(i) == Some(&b'.') {
            i += 1;
            let mut p = String::new();
            if b.get(i) == Some(&b'*') {
                p = vm.to_index(&take(vm)?)?.to_string();
                i += 1;
            }
            while let Some(&d) = b.get(i).filter(|c| c.is_ascii_digit()) {
                p.push(d as char);
                i += 1;
            }
            precision = Some(if p.is_empty() { "0".into() } else { p });
        }
        while matches!(b.get(i), Some(b'l' | b'h' | b'L')) {
            i += 1;
        }
        let Some(conv) = template[i..].chars().next() else {
            return Err(vm.value_error("incomplete format"));
        };
        let conv_at = i;
        i += conv.len_utf8();
        lit = i;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let v = match keyed.take() {
            Some(v) => v,
            None => take(vm)?,
        };
        // `%s` and `%d` without flags, width or precision: written directly.
        if flags.is_empty() && width.is_empty() && precision.is_none() {
            match (conv, &v) {
                ('s', Value::Str(s)) => {
                    out.push_str(s.as_str());
                    continue;
                }
                ('s' | 'd' | 'i' | 'u', Value::Int(n)) => {
                    crate::fmt::push_i64(&mut out, *n);
                    continue;
                }
                _ => {}
            }
        }
        let left = flags.contains('-');
        let align = if left { "<" } else { ">" };
        let sign = if flags.contains('+') {
            "+"
        } else if flags.contains(' ') {
            " "
        } else {
            ""
        };
        let zero = flags.contains('0') && !left;
        let alt = if flags.contains('#') { "#" } else { "" };
        let prec = precision
            .as_ref()
            .map(|p| format!(".{p}"))
            .unwrap_or_default();
        let text = match conv {
            's' | 'r' | 'a' => {
                let mut t = match conv {
                    's' => vm.to_str(&v)?,
                    'r' => vm.repr(&v)?,
                    _ => crate::objects::str::ascii_str(&vm.repr(&v)?),
                };
                if let Some(p) = &precision {
                    let n: usize = p.parse().unwrap_or(0);
                    t = t.chars().take(n).collect();
                }
                vm.format(&Value::string(t), &format!("{align}{width}"))?
            }
            'd' | 'i' | 'u' => {
                let n = match v.builtin_base() {
                    Value::Float(f) => Value::from_bigint(
                        crate::fmt::float_to_bigint(f.get().trunc()).unwrap_or_default(),
                    ),
                    Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => v.clone(),
                    other => match vm
                        .class_of(other)
                        .lookup_str("__int__")
                        .or_else(|| vm.class_of(other).lookup_str("__index__"))
                    {
                        Some(m) => vm.call_bound(&m, other, &[])?,
                        None => {
                            return Err(vm.type_error(format!(
                                "%{conv} format: a real number is required, not {}",
                                vm.type_name(other)
                            )))
                        }
                    },
                };
                let z = if zero { "0" } else { "" };
                let a = if zero { "" } else { align };
                vm.format(&n, &format!("{a}{sign}{z}{width}d"))?
            }
            'x' | 'X' | 'o' => {
                let n = match v.builtin_base() {
                    n @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) => n.clone(),
                    other if vm.class_of(other).lookup_str("__index__").is_some() => {
                        Value::Int(vm.to_index(other)?)
                    }
                    other => {
                        return Err(vm.type_error(format!(
                            "%{conv} format: an integer is required, not {}",
                            vm.type_name(other)
                        )))
                    }
                };
                let z = if zero { "0" } else { "" };
                let a = if zero { "" } else { align };
                vm.format(&n, &format!("{a}{sign}{alt}{z}{width}{conv}"))?
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let f = match &v {
                    Value::Float(_) | Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
                        Value::float(super::number::to_f64(vm, &v)?)
                    }
                    other => match super::number::to_f64(vm, other) {
                        Ok(f) => Value::float(f),
                        Err(_) => {
                            return Err(vm.type_error(format!(
                                "must be real number, not {}",
                                vm.type_name(other)
                            )))
                        }
                    },
                };
                let z = if zero { "0" } else { "" };
                let a = if zero { "" } else { align };
                let prec = if prec.is_empty() {
                    ".6".to_string()
                } else {
                    prec.clone()
                };
                vm.format(&f, &format!("{a}{sign}{alt}{z}{width}{prec}{conv}"))?
            }
            'c' => {
                let ch = match &v {
                    Value::Int(i) => char::from_u32(*i as u32)
                        .map(String::from)
                        .unwrap_or_default(),
                    Value::Str(s) if s.char_len() == 1 => s.as_str().to_string(),
                    _ => return Err(vm.type_error("%c requires int or char")),
                };
                vm.format(&Value::string(ch), &format!("{align}{width}"))?
            }
            other => {
                return Err(vm.value_error(format!(
                    "unsupported format character '{other}' (0x{:x}) at index {}",
                    other as u32,
                    count_chars(&template[..conv_at])
                )));
            }
        };
        out.push_str(&text);
    }
    out.push_str(&template[lit..]);
    // A mapping argument (a dict or any object with __getitem__) may go unused.
    if !used_mapping && next < values.len() && mapping.is_none() {
        return Err(vm.type_error("not all arguments converted during string formatting"));
    }
    Ok(out)
}
