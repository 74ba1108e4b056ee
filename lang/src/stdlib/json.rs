//! `json`: a native encoder and decoder with CPython's output format and
//! error messages; `json.py` holds the public functions, JSONEncoder /
//! JSONDecoder and JSONDecodeError.

use crate::objects::signature::{Signature, Style};
use crate::objects::BoolWord;
use crate::objects::{Args, Module, PyDict, PyErr, PyResult, Value};
use crate::vm::limits::Recursing;
use crate::vm::Vm;
use num_bigint::BigInt;
use std::fmt::Write;
use std::rc::Rc;

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with_declared(vm, "json", &[(&ENCODE, encode), (&DECODE, decode)]);
    super::exec_source(vm, &m, super::stdlib_source!("json.py"))?;
    Ok(m)
}

// -- encoding ------------------------------------------------------------------------

struct Encoder<'a> {
    vm: &'a Vm,
    /// One indentation step, or None for the compact one-line form.
    indent: Option<String>,
    item_sep: String,
    key_sep: String,
    sort_keys: bool,
    skip_keys: bool,
    ensure_ascii: bool,
    allow_nan: bool,
    default: Option<Value>,
    /// Containers being encoded, by identity (circular reference check).
    active: Vec<usize>,
}

/// The encoder behind `json.dumps` (json.py), every option given.
static ENCODE: Signature = Signature::new(
    Style::Positional,
    "_encode",
    "obj, indent, item_sep, key_sep, sort_keys, skipkeys, ensure_ascii, allow_nan, default, /",
)
.doc("Return obj as JSON text, with the options of json.dumps.");

fn encode(vm: &Vm, args: Args) -> PyResult {
    ENCODE.check(vm, args)?;
    let a = &args.pos;
    let indent = match &a[1] {
        Value::None => None,
        Value::Str(s) => Some(s.as_str().to_string()),
        v => {
            let n = vm.size_arg(v, crate::vm::limits::SizeArg::Index)?.max(0) as usize;
            let mut spaces = vm.try_string(n)?;
            spaces.extend(std::iter::repeat_n(' ', n));
            Some(spaces)
        }
    };
    let text = |v: &Value| {
        v.as_str()
            .map(str::to_string)
            .ok_or_else(|| vm.type_error("separators must be strings"))
    };
    let mut enc = Encoder {
        vm,
        indent,
        item_sep: text(&a[2])?,
        key_sep: text(&a[3])?,
        sort_keys: vm.truthy(&a[4])?,
        skip_keys: vm.truthy(&a[5])?,
        ensure_ascii: vm.truthy(&a[6])?,
        allow_nan: vm.truthy(&a[7])?,
        default: Some(a[8].clone()).filter(|d| !d.is_none()),
        active: Vec::new(),
    };
    let mut out = String::new();
    enc.value(&a[0], &mut out, 0)?;
    Ok(Value::string(out))
}

impl Encoder<'_> {
    fn newline(&self, out: &mut String, depth: usize) {
        if let Some(step) = &self.indent {
            out.push('\n');
            for _ in 0..depth {
                out.push_str(step);
            }
        }
    }

    fn float(&self, f: f64) -> PyResult<String> {
        if f.is_finite() {
            return Ok(crate::fmt::float_repr(f));
        }
        if !self.allow_nan {
            return Err(self
                .vm
                .value_error("Out of range float values are not JSON compliant"));
        }
        Ok(if f.is_nan() {
            "NaN"
        } else if f > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        }
        .to_string())
    }

    fn enter(&mut self, v: &Value) -> PyResult<()> {
        let id = v.id();
        if self.active.contains(&id) {
            return Err(self.vm.value_error("Circular reference detected"));
        }
        self.active.push(id);
        Ok(())
    }

    fn value(&mut self, v: &Value, out: &mut String, depth: usize) -> PyResult<()> {
        let vm = self.vm;
        match v.builtin_base() {
            Value::None
            | Value::Bool(_)
            | Value::Int(_)
            | Value::BigInt(_)
            | Value::Float(_)
            | Value::Str(_) => self.value_unchecked(v, out, depth),
            // Containers and `default` replacements recurse: one level each, as CPython counts.
            _ => vm.recursing(Recursing::JsonEncode, || {
                self.value_unchecked(v, out, depth)
            }),
        }
    }

    fn value_unchecked(&mut self, v: &Value, out: &mut String, depth: usize) -> PyResult<()> {
        let vm = self.vm;
        match v.builtin_base() {
            Value::None => out.push_str("null"),
            Value::Bool(BoolWord::TRUE) => out.push_str("true"),
            Value::Bool(BoolWord::FALSE) => out.push_str("false"),
            Value::Int(i) => {
                let _ = write!(out, "{i}");
            }
            Value::BigInt(b) => {
                let _ = write!(out, "{b}");
            }
            Value::Float(f) => out.push_str(&self.float(f.get())?),
            Value::Str(s) => write_string(s.as_str(), self.ensure_ascii, out),
            Value::List(_) | Value::Tuple(_) => {
                // A subclass is encoded as what it iterates to, as in CPython.
                let items = vm.to_vec(v)?;
                if items.is_empty() {
                    out.push_str("[]");
                    return Ok(());
                }
                self.enter(v)?;
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(&self.item_sep);
                    }
                    self.newline(out, depth + 1);
                    self.value(item, out, depth + 1)?;
                }
                self.newline(out, depth);
                out.push(']');
                self.active.pop();
            }
            Value::Dict(d) => {
                // A subclass is encoded from its `items()`, as in CPython.
                let mut items = match v {
                    Value::Instance(_) => {
                        let pairs = vm.call_method(v, "items", &[])?;
                        let mut items = Vec::new();
                        for pair in vm.to_vec(&pairs)? {
                            match vm.to_vec(&pair)?.as_slice() {
                                [k, val] => items.push((k.clone(), val.clone())),
                                _ => return Err(vm.value_error("items must return 2-tuples")),
                            }
                        }
                        items
                    }
                    _ => d.items(),
                };
                if items.is_empty() {
                    out.push_str("{}");
                    return Ok(());
                }
                self.enter(v)?;
                if self.sort_keys {
                    let mut keys: Vec<Value> = items.iter().map(|(k, _)| k.clone()).collect();
                    crate::builtins::sort_values(vm, &mut keys, None, false)?;
                    let mut sorted = Vec::with_capacity(items.len());
                    for k in keys {
                        let v = d.get(vm, &k)?.unwrap_or_default();
                        sorted.push((k, v));
                    }
                    items = sorted;
                }
                out.push('{');
                let mut first = true;
                for (k, val) in &items {
                    let key = match k.builtin_base() {
                        Value::Str(s) => s.as_str().to_string(),
                        Value::Bool(b) => if b.get() { "true" } else { "false" }.to_string(),
                        Value::None => "null".to_string(),
                        Value::Int(i) => i.to_string(),
                        Value::BigInt(b) => b.to_string(),
                        Value::Float(f) => self.float(f.get())?,
                        _ if self.skip_keys => continue,
                        other => {
                            return Err(vm.type_error(format!(
                                "keys must be str, int, float, bool or None, not {}",
                                vm.type_name(other)
                            )))
                        }
                    };
                    if !first {
                        out.push_str(&self.item_sep);
                    }
                    first = false;
                    self.newline(out, depth + 1);
                    write_string(&key, self.ensure_ascii, out);
                    out.push_str(&self.key_sep);
                    self.value(val, out, depth + 1)?;
                }
                self.newline(out, depth);
                out.push('}');
                self.active.pop();
            }
            _ => match self.default.clone() {
                Some(default) => {
                    self.enter(v)?;
                    let replacement = vm.call(&default, std::slice::from_ref(v))?;
                    self.value(&replacement, out, depth)?;
                    self.active.pop();
                }
                None => {
                    return Err(vm.type_error(format!(
                        "Object of type {} is not JSON serializable",
                        vm.type_name(v)
                    )))
                }
            },
        }
        Ok(())
    }
}

/// A JSON string literal; with `ensure_ascii`, non-ASCII as `\uXXXX` (surrogate pairs beyond the BMP).
fn write_string(s: &str, ensure_ascii: bool, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || (ensure_ascii && (c as u32) > 0x7e) => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    let _ = write!(out, "\\u{unit:04x}");
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

// -- decoding --------------------------------------------------------------------------

struct Decoder<'a> {
    vm: &'a Vm,
    chars: Vec<char>,
    doc: Value,
    error_class: Value,
    object_hook: Option<Value>,
    pairs_hook: Option<Value>,
    parse_float: Option<Value>,
    parse_int: Option<Value>,
}

/// The decoder behind `json.loads` (json.py), every option given.
static DECODE: Signature = Signature::new(
    Style::Positional,
    "_decode",
    "s, error_class, object_hook, object_pairs_hook, parse_float, parse_int, /",
)
.doc("Return the value the JSON text s denotes, with the hooks of json.loads.");

fn decode(vm: &Vm, args: Args) -> PyResult {
    DECODE.check(vm, args)?;
    let text = match &args.pos[0] {
        Value::Str(s) => s.as_str().to_string(),
        Value::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
        other => {
            return Err(vm.type_error(format!(
                "the JSON object must be str, bytes or bytearray, not {}",
                vm.type_name(other)
            )))
        }
    };
    let hook = |i: usize| Some(args.pos[i].clone()).filter(|v| !v.is_none());
    let dec = Decoder {
        vm,
        chars: text.chars().collect(),
        doc: Value::string(text),
        error_class: args.pos[1].clone(),
        object_hook: hook(2),
        pairs_hook: hook(3),
        parse_float: hook(4),
        parse_int: hook(5),
    };
    let start = dec.skip_ws(0);
    let (value, end) = dec.value(start)?;
    let end = dec.skip_ws(end);
    if end != dec.chars.len() {
        return Err(dec.error("Extra data", end));
    }
    Ok(value)
}

impl Decoder<'_> {
    fn error(&self, msg: &str, pos: usize) -> PyErr {
        match self.vm.call(
            &self.error_class,
            &[Value::str(msg), self.doc.clone(), Value::Int(pos as i64)],
        ) {
            Ok(exc) => self
                .vm
                .make_exception(&exc, "JSONDecodeError must be an exception")
                .unwrap_or_else(|e| e),
            Err(e) => e,
        }
    }

    fn skip_ws(&self, mut i: usize) -> usize {
        while i < self.chars.len() && matches!(self.chars[i], ' ' | '\t' | '\n' | '\r') {
            i += 1;
        }
        i
    }

    fn starts_with(&self, i: usize, word: &str) -> bool {
        word.chars()
            .enumerate()
            .all(|(k, c)| self.chars.get(i + k) == Some(&c))
    }

    fn value(&self, i: usize) -> PyResult<(Value, usize)> {
        let vm = self.vm;
        match self.chars.get(i) {
            Some('"') => {
                let (s, end) = self.string(i)?;
                Ok((Value::string(s), end))
            }
            Some('{') => vm.recursing(Recursing::JsonDecodeObject, || self.object(i)),
            Some('[') => vm.recursing(Recursing::JsonDecodeArray, || self.array(i)),
            Some('n') if self.starts_with(i, "null") => Ok((Value::None, i + 4)),
            Some('t') if self.starts_with(i, "true") => Ok((Value::Bool(BoolWord::TRUE), i + 4)),
            Some('f') if self.starts_with(i, "false") => Ok((Value::Bool(BoolWord::FALSE), i + 5)),
            Some('N') if self.starts_with(i, "NaN") => Ok((Value::float(f64::NAN), i + 3)),
            Some('I') if self.starts_with(i, "Infinity") => {
                Ok((Value::float(f64::INFINITY), i + 8))
            }
            Some('-') if self.starts_with(i, "-Infinity") => {
                Ok((Value::float(f64::NEG_INFINITY), i + 9))
            }
            Some(c) if *c == '-' || c.is_ascii_digit() => self.number(i),
            _ => Err(self.error("Expecting value", i)),
        }
    }

    fn number(&self, start: usize) -> PyResult<(Value, usize)> {
        let c = &self.chars;
        let digits = |mut i: usize| {
            while i < c.len() && c[i].is_ascii_digit() {
                i += 1;
            }
            i
        };
        let mut i = start;
        if c.get(i) == Some(&'-') {
            i += 1;
        }
        match c.get(i) {
            Some('0') => i += 1,
            Some(d) if d.is_ascii_digit() => i = digits(i),
            _ => return Err(self.error("Expecting value", start)),
        }
        let mut is_float = false;
        if c.get(i) == Some(&'.') && c.get(i + 1).is_some_and(|d| d.is_ascii_digit()) {
            i = digits(i + 1);
            is_float = true;
        }
        if matches!(c.get(i), Some('e' | 'E')) {
            let mut j = i + 1;
            if matches!(c.get(j), Some('+' | '-')) {
                j += 1;
            }
            if c.get(j).is_some_and(|d| d.is_ascii_digit()) {
                i = digits(j);
                is_float = true;
            }
        }
        let text: String = c[start..i].iter().collect();
        let value = if is_float {
            match &self.parse_float {
                Some(f) => self.vm.call(f, &[Value::string(text)])?,
                None => Value::float(crate::fmt::parse_float(&text).unwrap_or(f64::NAN)),
            }
        } else {
            match &self.parse_int {
                Some(f) => self.vm.call(f, &[Value::string(text)])?,
                None => Value::from_bigint(text.parse::<BigInt>().unwrap_or_default()),
            }
        };
        Ok((value, i))
    }

    /// A string starting at the quote at `start`; returns it and the index after the closing quote.
    fn string(&self, start: usize) -> PyResult<(String, usize)> {
        let c = &self.chars;
        let mut out = String::new();
        let mut i = start + 1;
        loop {
            let Some(&ch) = c.get(i) else {
                return Err(self.error("Unterminated string starting at", start));
            };
            match ch {
                '"' => return Ok((out, i + 1)),
                '\\' => {
                    let Some(&esc) = c.get(i + 1) else {
                        return Err(self.error("Unterminated string starting at", start));
                    };
                    match esc {
                        '"' => out.push('"'),
                        '\\' => out.push('\\'),
                        '/' => out.push('/'),
                        'b' => out.push('\u{8}'),
                        'f' => out.push('\u{c}'),
                        'n' => out.push('\n'),
                        'r' => out.push('\r'),
                        't' => out.push('\t'),
                        'u' => {
                            let unit = self
                                .hex4(i + 2)
                                .ok_or_else(|| self.error("Invalid \\uXXXX escape", i + 1))?;
                            i += 6;
                            if (0xd800..0xdc00).contains(&unit)
                                && c.get(i) == Some(&'\\')
                                && c.get(i + 1) == Some(&'u')
                            {
                                if let Some(low) =
                                    self.hex4(i + 2).filter(|l| (0xdc00..0xe000).contains(l))
                                {
                                    let cp = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
                                    out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
                                    i += 6;
                                    continue;
                                }
                            }
                            out.push(char::from_u32(unit).unwrap_or('\u{fffd}'));
                            continue;
                        }
                        _ => return Err(self.error("Invalid \\escape", i)),
                    }
                    i += 2;
                }
                ch if (ch as u32) < 0x20 => {
                    return Err(self.error("Invalid control character at", i))
                }
                ch => {
                    out.push(ch);
                    i += 1;
                }
            }
        }
    }

    fn hex4(&self, i: usize) -> Option<u32> {
        let digits: String = self.chars.get(i..i + 4)?.iter().collect();
        if digits.chars().all(|d| d.is_ascii_hexdigit()) {
            u32::from_str_radix(&digits, 16).ok()
        } else {
            None
        }
    }

    fn object(&self, start: usize) -> PyResult<(Value, usize)> {
        let vm = self.vm;
        let mut pairs: Vec<(Value, Value)> = Vec::new();
        let mut i = self.skip_ws(start + 1);
        if self.chars.get(i) == Some(&'}') {
            return Ok((self.finish_object(pairs)?, i + 1));
        }
        loop {
            if self.chars.get(i) != Some(&'"') {
                return Err(self.error("Expecting property name enclosed in double quotes", i));
            }
            let (key, after) = self.string(i)?;
            i = self.skip_ws(after);
            if self.chars.get(i) != Some(&':') {
                return Err(self.error("Expecting ':' delimiter", i));
            }
            i = self.skip_ws(i + 1);
            let (value, after) = self.value(i)?;
            pairs.push((Value::string(key), value));
            i = self.skip_ws(after);
            match self.chars.get(i) {
                Some('}') => break,
                Some(',') => i = self.skip_ws(i + 1),
                _ => return Err(self.error("Expecting ',' delimiter", i)),
            }
        }
        let _ = vm;
        Ok((self.finish_object(pairs)?, i + 1))
    }

    fn finish_object(&self, pairs: Vec<(Value, Value)>) -> PyResult {
        let vm = self.vm;
        if let Some(hook) = &self.pairs_hook {
            let list = Value::list(
                pairs
                    .into_iter()
                    .map(|(k, v)| Value::tuple(vec![k, v]))
                    .collect(),
            );
            return vm.call(hook, &[list]);
        }
        let d = PyDict::new();
        for (k, v) in pairs {
            d.set(vm, k, v)?;
        }
        let d = Value::Dict(crate::objects::gc::new(d));
        match &self.object_hook {
            Some(hook) => vm.call(hook, &[d]),
            None => Ok(d),
        }
    }

    fn array(&self, start: usize) -> PyResult<(Value, usize)> {
        let mut items = Vec::new();
        let mut i = self.skip_ws(start + 1);
        if self.chars.get(i) == Some(&']') {
            return Ok((Value::list(items), i + 1));
        }
        loop {
            let (value, after) = self.value(i)?;
            items.push(value);
            i = self.skip_ws(after);
            match self.chars.get(i) {
                Some(']') => return Ok((Value::list(items), i + 1)),
                Some(',') => i = self.skip_ws(i + 1),
                _ => return Err(self.error("Expecting ',' delimiter", i)),
            }
        }
    }
}
