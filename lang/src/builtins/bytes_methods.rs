//! The text-like methods of `bytes` (`split`, `find`, `join`, `replace`,
//! `strip`, `startswith`, ...).
//!
//! Most of them are the `str` methods applied through Latin-1: each byte is
//! the code point of the same number, so a bytes argument maps to a str, the
//! str method runs, and str results map back to bytes. That keeps one
//! implementation of the searching and splitting rules. Case and whitespace
//! rules differ between the two types (bytes only know ASCII), so methods
//! that depend on them without an explicit argument are native here.

use crate::objects::{Args, PyResult, Value};
use crate::vm::types::add_methods;
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

macro_rules! via_str_methods {
    ($($name:ident),* $(,)?) => {
        $(fn $name(vm: &Vm, args: Args) -> PyResult { via_str(vm, stringify!($name), &args) })*
        const VIA_STR: &[(&str, crate::objects::NativeFn)] = &[$((stringify!($name), $name)),*];
    };
}

via_str_methods!(
    find,
    rfind,
    index,
    rindex,
    count,
    replace,
    startswith,
    endswith,
    partition,
    rpartition,
    center,
    ljust,
    rjust,
    zfill,
    expandtabs,
    removeprefix,
    removesuffix,
    isdigit,
    isalnum,
    isalpha
);

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
    strip_with(vm, &args, true, true)
}

fn lstrip(vm: &Vm, args: Args) -> PyResult {
    strip_with(vm, &args, true, false)
}

fn rstrip(vm: &Vm, args: Args) -> PyResult {
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
    let b = me(vm, &args)?;
    let sep = args.arg_or_kw(1, "sep").cloned().unwrap_or_default();
    let maxsplit = match args.arg_or_kw(2, "maxsplit") {
        Some(v) => vm.to_index(v)?,
        None => -1,
    };
    if sep.is_none() {
        return Ok(Value::list(split_ws(b, maxsplit)));
    }
    via_str(vm, "split", &args)
}

fn rsplit(vm: &Vm, args: Args) -> PyResult {
    let sep = args.arg_or_kw(1, "sep").cloned().unwrap_or_default();
    if sep.is_none() && args.arg_or_kw(2, "maxsplit").is_none() {
        return split(vm, args);
    }
    via_str(vm, "rsplit", &args)
}

fn splitlines(vm: &Vm, args: Args) -> PyResult {
    let b = me(vm, &args)?;
    let keepends = match args.arg_or_kw(1, "keepends") {
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
    args.check(vm, "join", 2, 2)?;
    let sep = me(vm, &args)?;
    let items = vm.to_vec(&args.pos[1])?;
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
    map_ascii(vm, &args, |c| c.to_ascii_uppercase())
}

fn lower(vm: &Vm, args: Args) -> PyResult {
    map_ascii(vm, &args, |c| c.to_ascii_lowercase())
}

fn swapcase(vm: &Vm, args: Args) -> PyResult {
    map_ascii(vm, &args, |c| {
        if c.is_ascii_uppercase() {
            c.to_ascii_lowercase()
        } else {
            c.to_ascii_uppercase()
        }
    })
}

fn capitalize(vm: &Vm, args: Args) -> PyResult {
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
    let b = me(vm, &args)?;
    Ok(Value::from_bool(
        !b.is_empty() && b.iter().all(|&c| is_space(c)),
    ))
}

fn isupper(vm: &Vm, args: Args) -> PyResult {
    let b = me(vm, &args)?;
    Ok(Value::from_bool(
        b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase),
    ))
}

fn islower(vm: &Vm, args: Args) -> PyResult {
    let b = me(vm, &args)?;
    Ok(Value::from_bool(
        b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase),
    ))
}

pub fn install(vm: &Vm) {
    add_methods(&vm.types.bytes, "bytes", VIA_STR);
    add_methods(
        &vm.types.bytes,
        "bytes",
        &[
            ("split", split),
            ("rsplit", rsplit),
            ("splitlines", splitlines),
            ("join", join),
            ("strip", strip),
            ("lstrip", lstrip),
            ("rstrip", rstrip),
            ("upper", upper),
            ("lower", lower),
            ("swapcase", swapcase),
            ("capitalize", capitalize),
            ("title", title),
            ("isspace", isspace),
            ("isupper", isupper),
            ("islower", islower),
        ],
    );
}
