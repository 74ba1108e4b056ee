//! `_re`: the regular-expression engine under `re` (`re.py` beside it).
//!
//! Patterns are parsed with CPython 3.11's syntax and errors
//! ([`parse`]), compiled to instructions ([`compile`]) and run by a
//! backtracking matcher with an explicit stack ([`exec`]) that has CPython's
//! semantics (leftmost-first alternation, last-iteration captures, the
//! empty-iteration rule of repeats, 3.7+ empty matches in scans). The
//! natives return spans; `re.py` builds `Pattern` and `Match` on them.

mod compile;
mod exec;
pub(crate) mod flags;
mod parse;
mod unicode;

use crate::objects::bytes::bytes_like;
use crate::objects::class::Layout;
use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Class, Module, NativeFn, NativeObject, PyResult, PyStr, Value};
use crate::vm::types::{add_declared_methods, new_class};
use crate::vm::Vm;
use exec::{Found, Matcher, Mode, Text, UNSET};
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with_declared(vm, "_re", &[(&COMPILE, compile_pattern)]);
    super::set(&m, "MAXREPEAT", Value::Int(parse::MAXREPEAT as i64));
    super::set(&m, "MAXGROUPS", Value::Int(i32::MAX as i64 / 2));
    Ok(m)
}

/// A str and its code points.
type Decoded = (Rc<PyStr>, Rc<Vec<u32>>);

/// A compiled pattern.
struct Program {
    class: Rc<Class>,
    prog: compile::Program,
    bytes: bool,
    /// The last non-ASCII subject decoded to code points, kept for repeated
    /// searches of one string (`pattern.search(s, pos)` loops).
    decoded: RefCell<Option<Decoded>>,
}

impl NativeObject for Program {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn program_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("_re.Program", |vm| {
        let c = new_class(
            "Program",
            std::slice::from_ref(&vm.types.object),
            Layout::Builtin,
            "_re",
        );
        add_declared_methods(&c, "Program", METHODS);
        c
    })
}

static COMPILE: Signature =
    Signature::new(Style::Positional, "compile", "pattern, flags, error, /")
        .doc("Return the program compiled from a pattern and its flags.");

/// `_re.compile(pattern, flags, error)` → `(program, groups, names, flags)`;
/// syntax errors raise `error(msg, pattern, pos)`.
fn compile_pattern(vm: &Vm, args: Args) -> PyResult {
    let ([pattern, flags, error], []) = COMPILE.bind(vm, args)?;
    let flags = vm.to_index(flags)? as u32;
    let (src, bytes): (Vec<u32>, bool) = match pattern.builtin_base() {
        Value::Str(s) => (s.as_str().chars().map(|c| c as u32).collect(), false),
        other => match bytes_like(other) {
            Some(b) => (b.iter().map(|&b| b as u32).collect(), true),
            None => return Err(vm.type_error("first argument must be string or compiled pattern")),
        },
    };
    let parsed = match parse::parse(&src, bytes, flags) {
        Ok(p) => p,
        Err(parse::ParseError::Re { msg, pos }) => {
            // Without a position CPython gives no pattern either.
            let args = match pos {
                Some(p) => vec![Value::string(msg), pattern.clone(), Value::Int(p as i64)],
                None => vec![Value::string(msg)],
            };
            return Err(match vm.call(error, &args)? {
                Value::Instance(exc) => crate::objects::PyErr(exc),
                _ => vm.type_error("re.error must be an exception class"),
            });
        }
        Err(parse::ParseError::Overflow(msg)) => return Err(vm.overflow_error(msg)),
        Err(parse::ParseError::Recursion) => return Err(vm.recursion_error()),
    };
    let prog = compile::compile(&parsed.node, parsed.groups);
    let names: Vec<Value> = parsed
        .names
        .iter()
        .map(|(n, g)| Value::tuple(vec![Value::str(n), Value::Int(*g as i64)]))
        .collect();
    let program = Value::native(Program {
        class: program_class(vm),
        prog,
        bytes,
        decoded: RefCell::new(None),
    });
    Ok(Value::tuple(vec![
        program,
        Value::Int(parsed.groups as i64),
        Value::list(names),
        Value::Int(parsed.flags as i64),
    ]))
}

static MATCH: Signature = Signature::new(
    Style::Positional,
    "Program.match",
    "$self, string, pos, endpos, mode, /",
)
.doc("Return the match of the program in string between pos and endpos, or None.");
static SCAN: Signature = Signature::new(
    Style::Positional,
    "Program.scan",
    "$self, string, pos, endpos, limit, /",
)
.doc("Return up to limit successive matches of the program in string.");

const METHODS: &[(&Signature, NativeFn)] = &[(&MATCH, program_match), (&SCAN, program_scan)];

fn this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Program> {
    v.downcast_native::<Program>()
        .ok_or_else(|| vm.type_error("descriptor requires a _re.Program object"))
}

/// The subject of a match, as the matcher reads it.
enum Subject<'a> {
    Bytes(std::borrow::Cow<'a, [u8]>),
    Wide(Rc<Vec<u32>>),
}

impl Program {
    fn subject<'a>(&self, vm: &Vm, string: &'a Value) -> PyResult<Subject<'a>> {
        match string.builtin_base() {
            Value::Str(s) => {
                if self.bytes {
                    return Err(vm.type_error("cannot use a bytes pattern on a string-like object"));
                }
                if s.is_ascii() {
                    return Ok(Subject::Bytes(std::borrow::Cow::Borrowed(
                        s.as_str().as_bytes(),
                    )));
                }
                let mut cache = self.decoded.borrow_mut();
                if let Some((k, v)) = cache.as_ref() {
                    if Rc::ptr_eq(k, s) {
                        return Ok(Subject::Wide(v.clone()));
                    }
                }
                let wide: Rc<Vec<u32>> = Rc::new(s.as_str().chars().map(|c| c as u32).collect());
                *cache = Some((s.clone(), wide.clone()));
                Ok(Subject::Wide(wide))
            }
            other => match bytes_like(other) {
                Some(b) => {
                    if !self.bytes {
                        return Err(
                            vm.type_error("cannot use a string pattern on a bytes-like object")
                        );
                    }
                    Ok(Subject::Bytes(b))
                }
                None => Err(vm.type_error(format!(
                    "expected string or bytes-like object, got '{}'",
                    vm.type_name(string)
                ))),
            },
        }
    }
}

/// Clamps `pos`/`endpos` to the subject as CPython does.
fn bounds(vm: &Vm, len: usize, pos: &Value, endpos: &Value) -> PyResult<(usize, usize)> {
    let clamp = |v: i64| v.clamp(0, len as i64) as usize;
    let pos = clamp(vm.to_index(pos)?);
    let end = if endpos.is_none() {
        len
    } else {
        clamp(vm.to_index(endpos)?)
    };
    Ok((pos, end))
}

/// `(lastindex, start0, end0, start1, end1, ...)`, -1 for unset groups.
fn spans(found: &Found) -> Value {
    let mut items = Vec::with_capacity(found.slots.len() + 1);
    items.push(Value::Int(found.lastindex as i64));
    for &s in &found.slots {
        items.push(Value::Int(if s == UNSET { -1 } else { s as i64 }));
    }
    Value::tuple(items)
}

fn too_big(vm: &Vm) -> crate::objects::PyErr {
    vm.memory_error()
}

/// `program.match(string, pos, endpos, mode)`: mode 0 match, 1 fullmatch, 2 search.
fn program_match(vm: &Vm, args: Args) -> PyResult {
    let ([me, string, pos, endpos, mode], []) = MATCH.bind(vm, args)?;
    let p = this(vm, me)?;
    let mode = match vm.to_index(mode)? {
        0 => Mode::Match,
        1 => Mode::FullMatch,
        _ => Mode::Search,
    };
    let subject = p.subject(vm, string)?;
    fn run<T: Text + ?Sized>(
        vm: &Vm,
        p: &Program,
        text: &T,
        pos: &Value,
        endpos: &Value,
        mode: Mode,
    ) -> PyResult {
        let (pos, end) = bounds(vm, text.len(), pos, endpos)?;
        if end < pos {
            return Ok(Value::None);
        }
        let mut m = Matcher::new(&p.prog, text, end);
        match m.find(pos, mode, false) {
            Ok(Some(found)) => Ok(spans(&found)),
            Ok(None) => Ok(Value::None),
            Err(_) => Err(too_big(vm)),
        }
    }
    match &subject {
        Subject::Bytes(b) => run(vm, p, &b[..], pos, endpos, mode),
        Subject::Wide(w) => run(vm, p, &w[..], pos, endpos, mode),
    }
}

/// `program.scan(string, pos, endpos, limit)`: the successive
/// non-overlapping matches of a search (at most `limit`, 0 for all), as
/// `finditer`, `sub` and `split` see them.
fn program_scan(vm: &Vm, args: Args) -> PyResult {
    let ([me, string, pos, endpos, limit], []) = SCAN.bind(vm, args)?;
    let p = this(vm, me)?;
    let limit = vm.to_index(limit)?.max(0) as usize;
    let subject = p.subject(vm, string)?;
    fn run<T: Text + ?Sized>(
        vm: &Vm,
        p: &Program,
        text: &T,
        pos: &Value,
        endpos: &Value,
        limit: usize,
    ) -> PyResult {
        let (mut pos, end) = bounds(vm, text.len(), pos, endpos)?;
        let mut out = Vec::new();
        if end < pos {
            return Ok(Value::list(out));
        }
        let mut m = Matcher::new(&p.prog, text, end);
        let mut must_advance = false;
        while limit == 0 || out.len() < limit {
            match m.find(pos, Mode::Search, must_advance) {
                Ok(Some(found)) => {
                    let (s, e) = (found.slots[0], found.slots[1]);
                    out.push(spans(&found));
                    must_advance = s == e;
                    pos = e;
                    if pos > end {
                        break;
                    }
                }
                Ok(None) => break,
                Err(_) => return Err(too_big(vm)),
            }
        }
        Ok(Value::list(out))
    }
    match &subject {
        Subject::Bytes(b) => run(vm, p, &b[..], pos, endpos, limit),
        Subject::Wide(w) => run(vm, p, &w[..], pos, endpos, limit),
    }
}
