//! `bytearray`: a mutable byte string (the common methods).

use super::payload::native_receiver;
use crate::objects::buffer::{self, Buffer, BufferBytes};
use crate::objects::{Args, Class, NativeObject, PyResult, Signature, Style, Value};
use crate::vm::ops::CmpOp;
use crate::vm::types::{add_declared_methods, add_methods, new_class};
use crate::vm::Vm;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

pub struct ByteArray {
    class: Rc<Class>,
    pub bytes: RefCell<Vec<u8>>,
    /// Live memoryviews of these bytes: while there are any, the length is fixed.
    exports: Cell<usize>,
}

impl ByteArray {
    pub(crate) fn new(vm: &Vm, bytes: Vec<u8>) -> ByteArray {
        ByteArray {
            class: class(vm),
            bytes: RefCell::new(bytes),
            exports: Cell::new(0),
        }
    }

    /// The bytes, for a change of length: BufferError while views exist.
    fn resizable(&self, vm: &Vm) -> PyResult<std::cell::RefMut<'_, Vec<u8>>> {
        buffer::check_resizable(vm, self)?;
        Ok(self.bytes.borrow_mut())
    }
}

impl NativeObject for ByteArray {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn buffer(&self) -> Option<&dyn Buffer> {
        Some(self)
    }
}

impl Buffer for ByteArray {
    fn buffer_bytes(&self) -> BufferBytes<'_> {
        BufferBytes::Cell(self.bytes.borrow())
    }
    fn buffer_bytes_mut(&self) -> Option<std::cell::RefMut<'_, Vec<u8>>> {
        Some(self.bytes.borrow_mut())
    }
    fn writable(&self) -> bool {
        true
    }
    fn exports(&self) -> Option<&Cell<usize>> {
        Some(&self.exports)
    }
}

pub fn class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("bytearray", |vm| {
        new_class(
            "bytearray",
            &[vm.types.object.clone()],
            crate::objects::class::Layout::Builtin,
            "builtins",
        )
    })
}

pub fn install(vm: &Vm) {
    let c = class(vm);
    add_methods(
        &c,
        "bytearray",
        &[
            ("__new__", new),
            ("__init__", init),
            ("__repr__", repr),
            ("__str__", repr),
            ("__len__", len),
            ("__getitem__", getitem),
            ("__setitem__", setitem),
            ("__iter__", iter),
            ("__contains__", contains),
            ("__eq__", eq),
            ("__ne__", ne),
            ("__lt__", lt),
            ("__le__", le),
            ("__gt__", gt),
            ("__ge__", ge),
            ("__add__", add),
            ("__iadd__", iadd),
            ("__mul__", mul),
            ("__rmul__", mul),
            ("__imul__", imul),
            ("__delitem__", delitem),
        ],
    );
    add_declared_methods(
        &c,
        "bytearray",
        &[
            (&APPEND, append),
            (&EXTEND, extend),
            (&DECODE, decode),
            (&COPY, copy),
            (&CLEAR, clear),
            (&POP, pop),
            (&INSERT, insert),
            (&REMOVE, remove),
            (&REVERSE, reverse),
        ],
    );
    add_declared_methods(&c, "bytearray", SHARED_WITH_BYTES);
    add_declared_methods(&c, "bytearray", TRANSFORMED_LIKE_BYTES);
    crate::vm::types::add_declared_classmethod(vm, &c, &FROMHEX, fromhex);
    super::bytes_methods::add_staticmethod(vm, &c, &MAKETRANS, maketrans);
    c.set_attr("__hash__", Value::None);
    vm.builtins
        .set_name(&crate::objects::Name::new("bytearray"), Value::Class(c));
}

/// True if `v` is a bytearray (or an instance of a subclass).
pub fn is_bytearray(v: &Value) -> bool {
    native_receiver::<ByteArray>(v).is_some()
}

/// The bytes of a bytes-like value (bytes, bytearray, their subclasses).
pub fn bytes_like(v: &Value) -> Option<Vec<u8>> {
    buffer::contents(v).map(|b| b.into_owned())
}

fn this<'a>(vm: &Vm, args: &'a Args) -> PyResult<&'a ByteArray> {
    args.get(0)
        .and_then(native_receiver::<ByteArray>)
        .ok_or_else(|| vm.type_error("descriptor requires a 'bytearray' object"))
}

static APPEND: Signature = Signature::new(Style::Exact, "bytearray.append", "$self, item, /")
    .doc("Add one byte (an integer from 0 to 255) at the end.");
static EXTEND: Signature = Signature::new(
    Style::Exact,
    "bytearray.extend",
    "$self, iterable_of_ints, /",
)
.doc("Add the bytes of an iterable of integers or a bytes-like object at the end.");
static COPY: Signature = Signature::new(Style::Exact, "bytearray.copy", "$self, /")
    .doc("Return a copy of the bytearray.");
static DECODE: Signature = Signature::new(
    Style::Clinic,
    "bytearray.decode",
    "$self, /, encoding='utf-8', errors='strict'",
).doc("Return the bytes decoded to a string with a codec (UTF-8 by default).\n\nerrors says what to do with bytes the codec cannot decode: 'strict' raises UnicodeDecodeError; 'ignore', 'replace' and others substitute.");

/// `bytearray.decode(encoding='utf-8', errors='strict')`: as `bytes.decode`.
fn decode(vm: &Vm, args: Args) -> PyResult {
    DECODE.check(vm, args)?;
    super::str::decode(vm, args)
}

/// `bytearray.copy()`: a new bytearray with the same bytes.
fn copy(vm: &Vm, args: Args) -> PyResult {
    COPY.check(vm, args)?;
    let bytes = this(vm, &args)?.bytes.borrow().clone();
    Ok(Value::native(ByteArray::new(vm, bytes)))
}

fn new(vm: &Vm, args: Args) -> PyResult {
    super::payload::construct(vm, args, &class(vm), |vm, args, exact| {
        // A subclass's bytearray is filled by `__init__`, as in CPython.
        let bytes = if exact {
            initial_bytes(vm, &args)?
        } else {
            Vec::new()
        };
        Ok(Value::native(ByteArray::new(vm, bytes)))
    })
}

/// `bytearray.__init__(self, source=b'', ...)`: `bytearray(x)` skips it.
fn init(vm: &Vm, args: Args) -> PyResult {
    let b = this(vm, &args)?;
    let bytes = initial_bytes(vm, &args.skip_first())?;
    *b.resizable(vm)? = bytes;
    Ok(Value::None)
}

/// The contents `bytearray(source, encoding, errors)` starts with.
fn initial_bytes(vm: &Vm, args: &Args) -> PyResult<Vec<u8>> {
    // An encoding or errors argument only goes with a str source.
    if !matches!(args.get(0).map(Value::builtin_base), Some(Value::Str(_))) {
        for (at, name) in [(1, "encoding"), (2, "errors")] {
            if args.arg_or_kw(at, name).is_some() {
                return Err(vm.type_error(format!("{name} without a string argument")));
            }
        }
    }
    match args.get(0) {
        None => Ok(Vec::new()),
        Some(text @ Value::Str(_)) => match args.arg_or_kw(1, "encoding") {
            None => Err(vm.type_error("string argument without an encoding")),
            encoding => crate::stdlib::codecs::encode_str(
                vm,
                "bytearray",
                text,
                encoding,
                args.arg_or_kw(2, "errors"),
            ),
        },
        Some(v) => match vm.call(&Value::Class(vm.types.bytes.clone()), args.pos)? {
            Value::Bytes(b) => Ok(b.to_vec()),
            _ => Err(vm.type_error(format!(
                "cannot convert '{}' object to bytearray",
                vm.type_name(v)
            ))),
        },
    }
}

fn repr(vm: &Vm, args: Args) -> PyResult {
    let b = this(vm, &args)?;
    Ok(Value::string(format!(
        "{}({})",
        vm.type_name(&args.pos[0]),
        crate::objects::bytes::repr_bytes(&b.bytes.borrow())
    )))
}

fn len(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::Int(this(vm, &args)?.bytes.borrow().len() as i64))
}

fn snapshot(vm: &Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Bytes(Rc::new(
        this(vm, args)?.bytes.borrow().clone(),
    )))
}

fn getitem(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__getitem__", 2, 2)?;
    let me = this(vm, &args)?;
    match &args.pos[1] {
        // Indexing and contiguous slices read the bytes in place: copying
        // the whole bytearray first made each small slice cost its size.
        Value::Int(i) => {
            let bytes = me.bytes.borrow();
            let at = Vm::norm_index(*i, bytes.len())
                .ok_or_else(|| vm.index_error("bytearray index out of range"))?;
            return Ok(Value::Int(i64::from(bytes[at])));
        }
        Value::Slice(s) => {
            let len = me.bytes.borrow().len();
            let (start, stop, step) = vm.slice_indices(s, len)?;
            if step == 1 {
                let part = me.bytes.borrow()[start as usize..stop.max(start) as usize].to_vec();
                return Ok(Value::native(ByteArray::new(vm, part)));
            }
        }
        _ => {}
    }
    let b = snapshot(vm, &args)?;
    match vm.get_item(&b, &args.pos[1])? {
        // A slice of a bytearray is a bytearray.
        Value::Bytes(part) => Ok(Value::native(ByteArray::new(vm, part.to_vec()))),
        item => Ok(item),
    }
}

/// `del b[i]` and `del b[start:stop:step]`.
fn delitem(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__delitem__", 2, 2)?;
    let b = this(vm, &args)?;
    let len = b.bytes.borrow().len();
    match &args.pos[1] {
        Value::Slice(s) => {
            let (start, stop, step) = vm.slice_indices(s, len)?;
            if step == 1 {
                let stop = stop.max(start);
                if stop > start {
                    b.resizable(vm)?.drain(start as usize..stop as usize);
                }
                return Ok(Value::None);
            }
            let mut doomed = vec![false; len];
            for i in vm.slice_positions(s, len)? {
                doomed[i] = true;
            }
            let mut bytes = b.resizable(vm)?;
            let mut keep = doomed.iter().map(|d| !d);
            bytes.retain(|_| keep.next().unwrap_or(true));
        }
        key => {
            let i = Vm::norm_index(vm.to_index(key)?, len)
                .ok_or_else(|| vm.index_error("bytearray index out of range"))?;
            b.resizable(vm)?.remove(i);
        }
    }
    Ok(Value::None)
}

static CLEAR: Signature = Signature::new(Style::Exact, "bytearray.clear", "$self, /")
    .doc("Remove every byte from the bytearray.");

fn clear(vm: &Vm, args: Args) -> PyResult {
    CLEAR.check(vm, args)?;
    this(vm, &args)?.resizable(vm)?.clear();
    Ok(Value::None)
}

static POP: Signature =
    Signature::new(Style::Positional, "bytearray.pop", "$self, index=-1, /").doc(
        "Remove the byte at index (the last by default) and return it as an integer.\n\nRaise IndexError if the bytearray is empty or the index is out of range.",
    );

fn pop(vm: &Vm, args: Args) -> PyResult {
    POP.check(vm, args)?;
    let b = this(vm, &args)?;
    let len = b.bytes.borrow().len();
    if len == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let i = match args.get(1) {
        Some(v) => Vm::norm_index(vm.to_index(v)?, len)
            .ok_or_else(|| vm.index_error("pop index out of range"))?,
        None => len - 1,
    };
    Ok(Value::Int(b.resizable(vm)?.remove(i) as i64))
}

static INSERT: Signature = Signature::new(
    Style::Positional,
    "bytearray.insert",
    "$self, index, item, /",
)
.doc("Insert one byte (an integer from 0 to 255) before the given index.");

fn insert(vm: &Vm, args: Args) -> PyResult {
    INSERT.check(vm, args)?;
    let b = this(vm, &args)?;
    let len = b.bytes.borrow().len() as i64;
    let i = vm.to_index(&args.pos[1])?;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
    let v = byte(vm, &args.pos[2])?;
    b.resizable(vm)?.insert(i as usize, v);
    Ok(Value::None)
}

static REMOVE: Signature = Signature::new(Style::Exact, "bytearray.remove", "$self, value, /")
    .doc("Remove the first byte equal to value; raise ValueError if there is none.");

fn remove(vm: &Vm, args: Args) -> PyResult {
    REMOVE.check(vm, args)?;
    let b = this(vm, &args)?;
    let v = byte(vm, &args.pos[1])?;
    let at = b.bytes.borrow().iter().position(|&x| x == v);
    match at {
        Some(i) => {
            b.resizable(vm)?.remove(i);
            Ok(Value::None)
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}

static REVERSE: Signature = Signature::new(Style::Exact, "bytearray.reverse", "$self, /")
    .doc("Reverse the order of the bytes, in place.");

fn reverse(vm: &Vm, args: Args) -> PyResult {
    REVERSE.check(vm, args)?;
    this(vm, &args)?.bytes.borrow_mut().reverse();
    Ok(Value::None)
}

/// Calls `bytes.NAME` on a snapshot of the bytearray with the same
/// arguments: the read-only methods the two types share.
fn as_bytes_method(vm: &Vm, args: &Args, name: &str) -> PyResult {
    let mut pos = Vec::with_capacity(args.pos.len());
    pos.push(snapshot(vm, args)?);
    pos.extend(args.pos.iter().skip(1).cloned());
    let method = vm
        .types
        .bytes
        .lookup(&crate::objects::Name::new(name))
        .ok_or_else(|| vm.not_implemented(format!("bytearray.{name}")))?;
    vm.call_args(&method, Args::with_kw(&pos, args.kwnames, args.kwvalues))
}

/// Read-only methods whose result is the same as bytes' (an int, a bool, a str).
/// Declares methods that run as the `bytes` method of the same name on a
/// snapshot of the bytes, each with its signature in a module named as the
/// method (`find::SIG`); `$table` lists them for registration, and `$wrap`
/// turns the method's result into what the bytearray method returns.
macro_rules! like_bytes {
    ($table:ident, $wrap:path; $($name:ident: $ctor:ident($style:ident, $params:literal, $doc:expr)),* $(,)?) => {
        $(
            mod $name {
                use crate::objects::{Signature, Style};
                pub(super) static SIG: Signature =
                    Signature::$ctor(Style::$style, concat!("bytearray.", stringify!($name)), $params)
                        .doc($doc);
            }
            fn $name(vm: &Vm, args: Args) -> PyResult {
                $name::SIG.check(vm, args)?;
                $wrap(vm, as_bytes_method(vm, &args, stringify!($name))?)
            }
        )*
        const $table: &[(&Signature, crate::objects::NativeFn)] = &[$((&$name::SIG, $name)),*];
    };
}

/// The `bytes` method's result as it is.
fn unchanged(_vm: &Vm, v: Value) -> PyResult {
    Ok(v)
}

/// The `bytes` method's result as a new bytearray (each item a bytearray
/// for the lists and tuples that splitting and partitioning give).
fn as_bytearray(vm: &Vm, v: Value) -> PyResult {
    Ok(match v {
        Value::Bytes(b) => Value::native(ByteArray::new(vm, b.to_vec())),
        Value::List(l) => Value::list(
            l.snapshot()
                .into_iter()
                .map(|item| as_bytearray(vm, item))
                .collect::<PyResult<_>>()?,
        ),
        Value::Tuple(t) => Value::tuple(
            t.0.iter()
                .map(|item| as_bytearray(vm, item.clone()))
                .collect::<PyResult<_>>()?,
        ),
        other => other,
    })
}

like_bytes!(SHARED_WITH_BYTES, unchanged;
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
    startswith: undocumented(ParseTuple, "$self, prefix, start=None, end=None, /",
        crate::builtins::bytes_methods::docs::STARTSWITH_DOC),
    endswith: undocumented(ParseTuple, "$self, suffix, start=None, end=None, /",
        crate::builtins::bytes_methods::docs::ENDSWITH_DOC),
    hex: new(Clinic, "$self, /, sep=<unrepresentable>, bytes_per_sep=1",
        "Return the bytes as a string of two hexadecimal digits per byte.\n\nsep, if given, is put between groups of bytes_per_sep bytes (counted from the right; from the left when negative)."),
    isdigit: undocumented(Exact, "$self, /",
        crate::builtins::bytes_methods::docs::ISDIGIT_DOC),
    isalpha: undocumented(Exact, "$self, /",
        crate::builtins::bytes_methods::docs::ISALPHA_DOC),
    isspace: undocumented(Exact, "$self, /",
        crate::builtins::bytes_methods::docs::ISSPACE_DOC),
    isalnum: undocumented(Exact, "$self, /",
        crate::builtins::bytes_methods::docs::ISALNUM_DOC),
    isascii: undocumented(Exact, "$self, /",
        "Return True if every byte is ASCII (below 0x80); True for an empty bytearray."),
    islower: undocumented(Exact, "$self, /",
        crate::builtins::bytes_methods::docs::ISLOWER_DOC),
    isupper: undocumented(Exact, "$self, /",
        crate::builtins::bytes_methods::docs::ISUPPER_DOC),
    istitle: undocumented(Exact, "$self, /",
        crate::builtins::bytes_methods::docs::ISTITLE_DOC),
);

like_bytes!(TRANSFORMED_LIKE_BYTES, as_bytearray;
    upper: undocumented(Exact, "$self, /",
        crate::builtins::bytes_methods::docs::UPPER_DOC),
    lower: undocumented(Exact, "$self, /",
        crate::builtins::bytes_methods::docs::LOWER_DOC),
    strip: new(Positional, "$self, bytes=None, /",
        crate::builtins::bytes_methods::docs::STRIP_DOC),
    lstrip: new(Positional, "$self, bytes=None, /",
        crate::builtins::bytes_methods::docs::LSTRIP_DOC),
    rstrip: new(Positional, "$self, bytes=None, /",
        crate::builtins::bytes_methods::docs::RSTRIP_DOC),
    replace: new(Positional, "$self, old, new, count=-1, /",
        crate::builtins::bytes_methods::docs::REPLACE_DOC),
    capitalize: undocumented(Exact, "$self, /",
        crate::builtins::bytes_methods::docs::CAPITALIZE_DOC),
    swapcase: undocumented(Exact, "$self, /",
        crate::builtins::bytes_methods::docs::SWAPCASE_DOC),
    title: undocumented(Exact, "$self, /",
        crate::builtins::bytes_methods::docs::TITLE_DOC),
    center: new(Positional, "$self, width, fillchar=b' ', /",
        "Return the bytes centred in a bytearray of the given width, padded with fillchar (a space by default)."),
    ljust: new(Positional, "$self, width, fillchar=b' ', /",
        "Return the bytes aligned left in a bytearray of the given width, padded with fillchar (a space by default)."),
    rjust: new(Positional, "$self, width, fillchar=b' ', /",
        "Return the bytes aligned right in a bytearray of the given width, padded with fillchar (a space by default)."),
    zfill: new(Exact, "$self, width, /",
        crate::builtins::bytes_methods::docs::ZFILL_DOC),
    expandtabs: new(Clinic, "$self, /, tabsize=8",
        crate::builtins::bytes_methods::docs::EXPANDTABS_DOC),
    join: new(Exact, "$self, iterable_of_bytes, /",
        crate::builtins::bytes_methods::docs::JOIN_DOC),
    partition: new(Exact, "$self, sep, /",
        "Split at the first occurrence of sep; return (before, sep, after), each a bytearray.\n\nWhen sep is absent, return a copy and two empty bytearrays."),
    rpartition: new(Exact, "$self, sep, /",
        "Split at the last occurrence of sep; return (before, sep, after), each a bytearray.\n\nWhen sep is absent, return two empty bytearrays and a copy."),
    removeprefix: new(Exact, "$self, prefix, /",
        "Return a bytearray without prefix if the bytes start with it, or a copy."),
    removesuffix: new(Exact, "$self, suffix, /",
        "Return a bytearray without suffix if the bytes end with it, or a copy."),
    split: new(Clinic, "$self, /, sep=None, maxsplit=-1",
        "Return a list of the parts of the bytes, cut at sep, each a bytearray.\n\nWithout sep (or with None), cut at runs of ASCII whitespace and drop empty parts. maxsplit limits how many cuts are made, from the left; -1 means no limit."),
    rsplit: new(Clinic, "$self, /, sep=None, maxsplit=-1",
        "Return a list of the parts of the bytes, cut at sep from the right, each a bytearray.\n\nWithout sep (or with None), cut at runs of ASCII whitespace and drop empty parts. maxsplit limits how many cuts are made, from the right; -1 means no limit."),
    splitlines: new(Clinic, "$self, /, keepends=False",
        "Return a list of the lines of the bytes, each a bytearray.\n\nThe line breaks are left out unless keepends is true."),
    translate: new(Clinic, "$self, table, /, delete=b''",
        "Return a copy with the bytes in delete removed and each other byte mapped through table.\n\ntable is a bytes-like object of length 256 (see bytearray.maketrans), or None to map nothing."),
);

static FROMHEX: Signature = Signature::new(Style::Exact, "bytearray.fromhex", "$type, string, /")
    .doc("Return the bytearray written in a string of hexadecimal digits, two per byte.\n\nASCII whitespace between the pairs is ignored.");
static MAKETRANS: Signature =
    Signature::new(Style::Positional, "bytearray.maketrans", "frm, to, /")
        .doc(super::bytes_methods::MAKETRANS_DOC);

fn fromhex(vm: &Vm, args: Args) -> PyResult {
    let ([cls, text], []) = FROMHEX.bind(vm, args)?;
    let made = super::bytes_methods::hex_to_bytes(vm, text)?;
    match cls {
        Value::Class(c) if Rc::ptr_eq(c, &class(vm)) => Ok(Value::native(ByteArray::new(vm, made))),
        // A subclass is built from the bytes, as CPython does.
        other => vm.call(other, &[Value::Bytes(Rc::new(made))]),
    }
}

fn maketrans(vm: &Vm, args: Args) -> PyResult {
    let ([from, to], []) = MAKETRANS.bind(vm, args)?;
    super::bytes_methods::translation_table(vm, from, to)
}

/// `b[i] = byte` and `b[start:stop:step] = bytes-like or iterable of ints`.
fn setitem(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__setitem__", 3, 3)?;
    let b = this(vm, &args)?;
    if let Value::Slice(s) = &args.pos[1] {
        let new = assigned_bytes(vm, &args.pos[2])?;
        return assign_slice(vm, b, s, new);
    }
    let len = b.bytes.borrow().len();
    let i = Vm::norm_index(vm.to_index(&args.pos[1])?, len)
        .ok_or_else(|| vm.index_error("bytearray index out of range"))?;
    b.bytes.borrow_mut()[i] = byte(vm, &args.pos[2])?;
    Ok(Value::None)
}

/// The bytes a slice assignment puts in: a bytes-like value's, or an
/// iterable's integers; a str or an int is refused, as CPython refuses it.
fn assigned_bytes(vm: &Vm, value: &Value) -> PyResult<Vec<u8>> {
    if let Some(bytes) = bytes_like(value) {
        return Ok(bytes);
    }
    if matches!(
        value,
        Value::Str(_) | Value::Int(_) | Value::BigInt(_) | Value::Bool(_)
    ) {
        return Err(
            vm.type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
        );
    }
    let class = vm.class_of(value);
    if class.lookup_str("__iter__").is_none() && class.lookup_str("__getitem__").is_none() {
        return Err(vm.type_error(format!(
            "cannot convert '{}' object to bytearray",
            vm.type_name(value)
        )));
    }
    vm.to_vec(value)?.iter().map(|v| byte(vm, v)).collect()
}

/// `b[start:stop:step] = new`: a simple slice is replaced (the length may
/// change, unless views are exported); an extended slice takes exactly
/// as many bytes as it selects.
fn assign_slice(vm: &Vm, b: &ByteArray, s: &crate::objects::Slice, new: Vec<u8>) -> PyResult {
    let len = b.bytes.borrow().len();
    let (start, stop, step) = vm.slice_indices(s, len)?;
    if step == 1 {
        let (start, stop) = (start as usize, stop.max(start) as usize);
        if stop - start == new.len() {
            b.bytes.borrow_mut()[start..stop].copy_from_slice(&new);
        } else {
            b.resizable(vm)?.splice(start..stop, new);
        }
        return Ok(Value::None);
    }
    let positions = vm.slice_positions(s, len)?;
    if positions.len() != new.len() {
        return Err(vm.value_error(format!(
            "attempt to assign bytes of size {} to extended slice of size {}",
            new.len(),
            positions.len()
        )));
    }
    let mut bytes = b.bytes.borrow_mut();
    for (i, v) in positions.into_iter().zip(new) {
        bytes[i] = v;
    }
    Ok(Value::None)
}

fn iter(vm: &Vm, args: Args) -> PyResult {
    vm.iter(&snapshot(vm, &args)?)
}

fn contains(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__contains__", 2, 2)?;
    let mine = snapshot(vm, &args)?;
    let item = match bytes_like(&args.pos[1]) {
        Some(b) => Value::Bytes(Rc::new(b)),
        None => args.pos[1].clone(),
    };
    Ok(Value::from_bool(vm.contains(&mine, &item)?))
}

/// Comparisons with any bytes-like value, as bytes.
fn compare(vm: &Vm, args: &Args, op: CmpOp) -> PyResult {
    args.check(vm, "comparison", 2, 2)?;
    let mine = snapshot(vm, args)?;
    match bytes_like(&args.pos[1]) {
        Some(other) => vm.compare(&mine, &Value::Bytes(Rc::new(other)), op),
        None => Ok(Value::NotImplemented),
    }
}

fn eq(vm: &Vm, args: Args) -> PyResult {
    compare(vm, &args, CmpOp::Eq)
}
fn ne(vm: &Vm, args: Args) -> PyResult {
    compare(vm, &args, CmpOp::Ne)
}
fn lt(vm: &Vm, args: Args) -> PyResult {
    compare(vm, &args, CmpOp::Lt)
}
fn le(vm: &Vm, args: Args) -> PyResult {
    compare(vm, &args, CmpOp::Le)
}
fn gt(vm: &Vm, args: Args) -> PyResult {
    compare(vm, &args, CmpOp::Gt)
}
fn ge(vm: &Vm, args: Args) -> PyResult {
    compare(vm, &args, CmpOp::Ge)
}

/// The bytes-like right operand of `+` (`args.pos[1]`), or CPython's TypeError.
fn operand(vm: &Vm, args: &Args) -> PyResult<Vec<u8>> {
    bytes_like(&args.pos[1]).ok_or_else(|| {
        vm.type_error(format!(
            "can't concat {} to {}",
            vm.type_name(&args.pos[1]),
            vm.type_name(&args.pos[0])
        ))
    })
}

/// `bytearray + bytes-like`: a new bytearray.
fn add(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__add__", 2, 2)?;
    let mut bytes = this(vm, &args)?.bytes.borrow().clone();
    bytes.extend(operand(vm, &args)?);
    Ok(Value::native(ByteArray::new(vm, bytes)))
}

/// `bytearray += bytes-like`: extends in place.
fn iadd(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__iadd__", 2, 2)?;
    let extra = operand(vm, &args)?;
    this(vm, &args)?.resizable(vm)?.extend(extra);
    Ok(args.pos[0].clone())
}

fn repeated(vm: &Vm, args: &Args) -> PyResult<Vec<u8>> {
    args.check(vm, "__mul__", 2, 2)?;
    let n = vm.to_index(&args.pos[1])?.max(0) as usize;
    let bytes = this(vm, args)?.bytes.borrow().clone();
    if bytes.len().saturating_mul(n) > isize::MAX as usize / 2 {
        return Err(vm.new_exception(&vm.exc.memory_error, Vec::new()));
    }
    Ok(bytes.repeat(n))
}

fn mul(vm: &Vm, args: Args) -> PyResult {
    let bytes = repeated(vm, &args)?;
    Ok(Value::native(ByteArray::new(vm, bytes)))
}

fn imul(vm: &Vm, args: Args) -> PyResult {
    let bytes = repeated(vm, &args)?;
    *this(vm, &args)?.resizable(vm)? = bytes;
    Ok(args.pos[0].clone())
}

fn byte(vm: &Vm, v: &Value) -> PyResult<u8> {
    let i = vm.to_index(v)?;
    u8::try_from(i).map_err(|_| vm.value_error("byte must be in range(0, 256)"))
}

fn append(vm: &Vm, args: Args) -> PyResult {
    let ([_, item], []) = APPEND.bind(vm, args)?;
    let b = this(vm, &args)?;
    let v = byte(vm, item)?;
    b.resizable(vm)?.push(v);
    Ok(Value::None)
}

fn extend(vm: &Vm, args: Args) -> PyResult {
    let ([_, source], []) = EXTEND.bind(vm, args)?;
    let b = this(vm, &args)?;
    let items = match bytes_like(source) {
        Some(bytes) => bytes,
        None => vm
            .to_vec(source)?
            .iter()
            .map(|v| byte(vm, v))
            .collect::<PyResult<_>>()?,
    };
    b.resizable(vm)?.extend(items);
    Ok(Value::None)
}
