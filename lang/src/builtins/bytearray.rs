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
            ("clear", clear),
            ("pop", pop),
            ("insert", insert),
            ("remove", remove),
            ("reverse", reverse),
            ("find", find),
            ("rfind", rfind),
            ("index", index),
            ("rindex", rindex),
            ("count", count),
            ("startswith", startswith),
            ("endswith", endswith),
            ("hex", hex),
            ("isdigit", isdigit),
            ("isalpha", isalpha),
            ("isspace", isspace),
            ("upper", upper),
            ("lower", lower),
            ("strip", strip),
            ("lstrip", lstrip),
            ("rstrip", rstrip),
            ("replace", replace),
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
        ],
    );
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

static APPEND: Signature = Signature::new(Style::Exact, "bytearray.append", "$self, item, /");
static EXTEND: Signature = Signature::new(
    Style::Exact,
    "bytearray.extend",
    "$self, iterable_of_ints, /",
);
static COPY: Signature = Signature::new(Style::Exact, "bytearray.copy", "$self, /");
static DECODE: Signature = Signature::new(
    Style::Clinic,
    "bytearray.decode",
    "$self, /, encoding='utf-8', errors='strict'",
);

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

fn clear(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "clear", 1, 1)?;
    this(vm, &args)?.resizable(vm)?.clear();
    Ok(Value::None)
}

fn pop(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "pop", 1, 2)?;
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

fn insert(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "insert", 3, 3)?;
    let b = this(vm, &args)?;
    let len = b.bytes.borrow().len() as i64;
    let i = vm.to_index(&args.pos[1])?;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
    let v = byte(vm, &args.pos[2])?;
    b.resizable(vm)?.insert(i as usize, v);
    Ok(Value::None)
}

fn remove(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "remove", 2, 2)?;
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

fn reverse(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "reverse", 1, 1)?;
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
macro_rules! shared_with_bytes {
    ($($name:ident),*) => {$(
        fn $name(vm: &Vm, args: Args) -> PyResult {
            as_bytes_method(vm, &args, stringify!($name))
        }
    )*};
}
shared_with_bytes!(
    find, rfind, index, rindex, count, startswith, endswith, hex, isdigit, isalpha, isspace
);

/// Methods that make new bytes: a bytearray's make a new bytearray.
macro_rules! transformed_like_bytes {
    ($($name:ident),*) => {$(
        fn $name(vm: &Vm, args: Args) -> PyResult {
            match as_bytes_method(vm, &args, stringify!($name))? {
                Value::Bytes(b) => Ok(Value::native(ByteArray::new(vm, b.to_vec()))),
                other => Ok(other),
            }
        }
    )*};
}
transformed_like_bytes!(upper, lower, strip, lstrip, rstrip, replace);

/// `b[i] = byte` (an index; slices are not supported yet).
fn setitem(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__setitem__", 3, 3)?;
    let b = this(vm, &args)?;
    if matches!(args.pos[1], Value::Slice(_)) {
        return Err(vm.not_implemented("bytearray slice assignment"));
    }
    let len = b.bytes.borrow().len();
    let i = Vm::norm_index(vm.to_index(&args.pos[1])?, len)
        .ok_or_else(|| vm.index_error("bytearray index out of range"))?;
    b.bytes.borrow_mut()[i] = byte(vm, &args.pos[2])?;
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
