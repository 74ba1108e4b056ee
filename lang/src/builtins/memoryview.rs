//! `memoryview`: a window on the bytes of an exporter (`bytes`, `bytearray`,
//! `array.array`), read and written in place.
//!
//! A view holds its exporter and a one-dimensional window on it: the byte
//! offset of item 0, the stride in bytes between items (negative for
//! reversed slices), the number of items and their `struct` code. Slicing
//! makes a new window on the same exporter; `cast` reinterprets a
//! contiguous window. While a view lives (until `release()`, the end of a
//! `with` block, or its last reference), it counts as an export of a
//! resizable exporter, which then refuses to change length: see
//! `objects::buffer`. Multi-dimensional shapes are not supported
//! (`cast` with a shape of more than one dimension raises
//! NotImplementedError).

use crate::objects::buffer::{self, Buffer};
use crate::objects::gc::Visitor;
use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Class, NativeObject, PyErr, PyResult, Value};
use crate::stdlib::packing::format::{item_size, unpack_item, Mode};
use crate::vm::types::{add_declared_methods, add_methods, new_class};
use crate::vm::Vm;
use std::any::Any;
use std::cell::Cell;
use std::rc::Rc;

pub(crate) struct MemoryView {
    class: Rc<Class>,
    /// The object the view was made from (`.obj`): an exporter.
    base: Value,
    /// Byte offset of item 0 in the exporter's bytes.
    offset: usize,
    /// Bytes from one item to the next.
    stride: isize,
    len: usize,
    code: u8,
    itemsize: usize,
    readonly: bool,
    released: Cell<bool>,
}

impl NativeObject for MemoryView {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.value(&self.base);
    }
    fn get_attr(&self, vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        if self.released.get() && name != "obj" {
            // CPython checks every attribute but `obj` too.
            if ATTRIBUTES.contains(&name) {
                return Some(Err(released(vm)));
            }
        }
        let int = |n: usize| Value::Int(n as i64);
        Some(Ok(match name {
            "obj" if self.released.get() => return Some(Err(released(vm))),
            "obj" => self.base.clone(),
            "nbytes" => int(self.len * self.itemsize),
            "readonly" => Value::from_bool(self.readonly),
            "itemsize" => int(self.itemsize),
            "format" => Value::string((self.code as char).to_string()),
            "ndim" => int(1),
            "shape" => Value::tuple(vec![int(self.len)]),
            "strides" => Value::tuple(vec![Value::Int(self.stride as i64)]),
            "suboffsets" => Value::tuple(Vec::new()),
            "c_contiguous" | "f_contiguous" | "contiguous" => {
                Value::from_bool(self.is_contiguous())
            }
            _ => return None,
        }))
    }
}

const ATTRIBUTES: &[&str] = &[
    "nbytes",
    "readonly",
    "itemsize",
    "format",
    "ndim",
    "shape",
    "strides",
    "suboffsets",
    "c_contiguous",
    "f_contiguous",
    "contiguous",
];

impl Drop for MemoryView {
    fn drop(&mut self) {
        self.release();
    }
}

fn released(vm: &Vm) -> PyErr {
    vm.value_error("operation forbidden on released memoryview object")
}

impl MemoryView {
    fn exporter(&self) -> &dyn Buffer {
        buffer::exporter(&self.base).expect("a memoryview's base is an exporter")
    }

    fn is_contiguous(&self) -> bool {
        self.len <= 1 || self.stride == self.itemsize as isize
    }

    /// Byte offset of item `i` (which is below `len`).
    fn at(&self, i: usize) -> usize {
        (self.offset as isize + i as isize * self.stride) as usize
    }

    /// The viewed bytes in logical order; `None` once released.
    pub(crate) fn to_bytes(&self) -> Option<Vec<u8>> {
        if self.released.get() {
            return None;
        }
        let bytes = self.exporter().buffer_bytes();
        let mut out = Vec::with_capacity(self.len * self.itemsize);
        if self.is_contiguous() {
            out.extend_from_slice(&bytes[self.offset..self.offset + self.len * self.itemsize]);
        } else {
            for i in 0..self.len {
                out.extend_from_slice(&bytes[self.at(i)..self.at(i) + self.itemsize]);
            }
        }
        Some(out)
    }

    /// Runs `f` on the viewed bytes of a writable contiguous view.
    pub(crate) fn with_writable<R>(&self, f: impl FnOnce(&mut [u8]) -> R) -> Option<R> {
        if self.released.get() || self.readonly || !self.is_contiguous() {
            return None;
        }
        let mut bytes = self.exporter().buffer_bytes_mut()?;
        Some(f(
            &mut bytes[self.offset..self.offset + self.len * self.itemsize]
        ))
    }

    fn release(&self) {
        if !self.released.replace(true) {
            if let Some(n) = self.exporter().exports() {
                n.set(n.get() - 1);
            }
        }
    }

    /// A new view of the same exporter, counted as one more export.
    fn derive(&self, window: Window) -> Value {
        if let Some(n) = self.exporter().exports() {
            n.set(n.get() + 1);
        }
        Value::native(MemoryView {
            class: self.class.clone(),
            base: self.base.clone(),
            offset: window.offset,
            stride: window.stride,
            len: window.len,
            code: window.code,
            itemsize: window.itemsize,
            readonly: window.readonly,
            released: Cell::new(false),
        })
    }

    /// This view's own window, for views that change only part of it.
    fn window(&self) -> Window {
        Window {
            offset: self.offset,
            stride: self.stride,
            len: self.len,
            code: self.code,
            itemsize: self.itemsize,
            readonly: self.readonly,
        }
    }

    fn item(&self, vm: &Vm, i: usize) -> PyResult {
        check_supported(vm, self.code)?;
        let bytes = self.exporter().buffer_bytes();
        Ok(unpack_item(
            self.code,
            Mode::Native,
            &bytes[self.at(i)..self.at(i) + self.itemsize],
        ))
    }

    fn items(&self, vm: &Vm) -> PyResult<Vec<Value>> {
        (0..self.len).map(|i| self.item(vm, i)).collect()
    }
}

/// What a derived view sees of its exporter.
struct Window {
    offset: usize,
    stride: isize,
    len: usize,
    code: u8,
    itemsize: usize,
    readonly: bool,
}

/// The formats memoryview reads and writes (`struct`'s native codes).
fn check_supported(vm: &Vm, code: u8) -> PyResult<()> {
    match code {
        b'e' | b's' | b'p' | b'x' | b'u' | b'w' => {
            Err(vm.not_implemented(format!("memoryview: format {} not supported", code as char)))
        }
        _ => Ok(()),
    }
}

fn class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("memoryview", |vm| {
        new_class(
            "memoryview",
            std::slice::from_ref(&vm.types.object),
            crate::objects::class::Layout::Builtin,
            "builtins",
        )
    })
}

pub fn install(vm: &Vm) {
    let c = class(vm);
    add_declared_methods(&c, "memoryview", METHODS);
    // `__new__` is named for the class in messages, so it is registered by name.
    add_methods(&c, "memoryview", &[("__new__", new)]);
    vm.builtins
        .set_name(&crate::objects::Name::new("memoryview"), Value::Class(c));
}

const METHODS: &[(&Signature, crate::objects::NativeFn)] = &[
    (&REPR, repr),
    (&LEN, len),
    (&GETITEM, getitem),
    (&SETITEM, setitem),
    (&ITER, iter),
    (&EQ, eq),
    (&NE, ne),
    (&HASH, hash),
    (&ENTER, enter),
    (&EXIT, exit),
    (&TOBYTES, tobytes),
    (&TOLIST, tolist),
    (&HEX, hex),
    (&CAST, cast),
    (&RELEASE, release),
    (&TOREADONLY, toreadonly),
];

static NEW: Signature = Signature::new(Style::Clinic, "memoryview", "$type, object")
    .doc("Return a memoryview of an object that supports the buffer protocol.");
static REPR: Signature =
    Signature::new(Style::Exact, "memoryview.__repr__", "$self, /").doc("Return repr(self).");
static LEN: Signature = Signature::new(Style::Exact, "memoryview.__len__", "$self, /")
    .doc("Return len(self): the number of elements viewed.");
static GETITEM: Signature = Signature::new(Style::Exact, "memoryview.__getitem__", "$self, key, /")
    .doc("Return self[key]: one element, or a view of a slice.");
static SETITEM: Signature = Signature::new(
    Style::Positional,
    "memoryview.__setitem__",
    "$self, key, value, /",
)
.doc("Set self[key] to value, writing through to the underlying buffer.");
static ITER: Signature = Signature::new(Style::Exact, "memoryview.__iter__", "$self, /")
    .doc("Return iter(self), over the elements viewed.");
static EQ: Signature = Signature::new(Style::Exact, "memoryview.__eq__", "$self, value, /")
    .doc("Return self == value: whether the elements viewed are equal.");
static NE: Signature = Signature::new(Style::Exact, "memoryview.__ne__", "$self, value, /")
    .doc("Return self != value.");
static HASH: Signature = Signature::new(Style::Exact, "memoryview.__hash__", "$self, /")
    .doc("Return hash(self); only read-only views of hashable buffers have one.");
static ENTER: Signature = Signature::new(Style::Exact, "memoryview.__enter__", "$self, /")
    .doc("Return the view itself, for a with statement.");
static EXIT: Signature =
    Signature::new(Style::Positional, "memoryview.__exit__", "$self, /, *args")
        .doc("Release the view at the end of a with statement.");
static TOBYTES: Signature =
    Signature::new(Style::Clinic, "memoryview.tobytes", "$self, /, order='C'")
        .doc("Return the bytes viewed, as a bytes object.");
static TOLIST: Signature = Signature::new(Style::Exact, "memoryview.tolist", "$self, /")
    .doc("Return the elements viewed as a list of integers (nested for several dimensions).");
static HEX: Signature = Signature::new(
    Style::Clinic,
    "memoryview.hex",
    "$self, /, sep=<unrepresentable>, bytes_per_sep=1",
).doc("Return the bytes viewed as a string of two hexadecimal digits per byte.\n\nsep, if given, is put between groups of bytes_per_sep bytes.");
static CAST: Signature = Signature::new(
    Style::Clinic,
    "memoryview.cast",
    "$self, /, format, shape=<unrepresentable>",
)
.doc("Return a view of the same memory as another format (and shape).");
static RELEASE: Signature = Signature::new(Style::Exact, "memoryview.release", "$self, /")
    .doc("Release the underlying buffer; the view cannot be used afterwards.");
static TOREADONLY: Signature = Signature::new(Style::Exact, "memoryview.toreadonly", "$self, /")
    .doc("Return a read-only view of the same memory.");

fn this<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a MemoryView> {
    args.get(0)
        .and_then(|v| v.downcast_native::<MemoryView>())
        .ok_or_else(|| vm.type_error("descriptor requires a 'memoryview' object"))
}

/// The receiver, which must not be released.
fn live<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a MemoryView> {
    let m = this(vm, args)?;
    if m.released.get() {
        return Err(released(vm));
    }
    Ok(m)
}

/// `memoryview(object)`.
fn new(vm: &Vm, args: Args) -> PyResult {
    let ([_cls, object], []) = NEW.bind(vm, args)?;
    view_of(vm, object)
}

/// A new memoryview of `object`, as `memoryview(object)`.
pub(crate) fn view_of(vm: &Vm, object: &Value) -> PyResult {
    if let Some(m) = object.downcast_native::<MemoryView>() {
        if m.released.get() {
            return Err(released(vm));
        }
        return Ok(m.derive(m.window()));
    }
    let Some(exporter) = buffer::exporter(object) else {
        return Err(vm.type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            vm.type_name(object)
        )));
    };
    let code = exporter.item_code();
    let itemsize = item_size(code, Mode::Native).unwrap_or(4);
    let len = exporter.buffer_bytes().len() / itemsize;
    if let Some(n) = exporter.exports() {
        n.set(n.get() + 1);
    }
    Ok(Value::native(MemoryView {
        class: class(vm),
        base: object.clone(),
        offset: 0,
        stride: itemsize as isize,
        len,
        code,
        itemsize,
        readonly: !exporter.writable(),
        released: Cell::new(false),
    }))
}

fn repr(vm: &Vm, args: Args) -> PyResult {
    let m = this(vm, &args)?;
    let state = if m.released.get() { "released " } else { "" };
    Ok(Value::string(format!(
        "<{state}memory at {:#x}>",
        args.pos[0].id()
    )))
}

fn len(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::Int(live(vm, &args)?.len as i64))
}

/// Where `key` (an int or a slice) falls in the view.
enum Key {
    Index(usize),
    Slice { start: i64, step: i64, len: usize },
}

fn key(vm: &Vm, m: &MemoryView, key: &Value) -> PyResult<Key> {
    match key {
        Value::Slice(s) => {
            let (start, stop, step) = vm.slice_indices(s, m.len)?;
            let len = if step > 0 {
                ((stop - start).max(0) + step - 1) / step
            } else {
                ((start - stop).max(0) + (-step) - 1) / (-step)
            };
            Ok(Key::Slice {
                start,
                step,
                len: len as usize,
            })
        }
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => index(vm, m, key),
        Value::Instance(_) if vm.class_of(key).lookup_str("__index__").is_some() => {
            index(vm, m, key)
        }
        _ => Err(vm.type_error("memoryview: invalid slice key")),
    }
}

fn index(vm: &Vm, m: &MemoryView, key: &Value) -> PyResult<Key> {
    let i = vm.to_index(key)?;
    Vm::norm_index(i, m.len)
        .map(Key::Index)
        .ok_or_else(|| vm.index_error("index out of bounds on dimension 1"))
}

fn getitem(vm: &Vm, args: Args) -> PyResult {
    let m = live(vm, &args)?;
    let ([_, k], []) = GETITEM.bind(vm, args)?;
    match key(vm, m, k)? {
        Key::Index(i) => m.item(vm, i),
        Key::Slice { start, step, len } => {
            let offset = if len == 0 {
                m.offset
            } else {
                m.at(start as usize)
            };
            Ok(m.derive(Window {
                offset,
                stride: m.stride * step as isize,
                len,
                ..m.window()
            }))
        }
    }
}

fn setitem(vm: &Vm, args: Args) -> PyResult {
    let m = live(vm, &args)?;
    let ([_, k, value], []) = SETITEM.bind(vm, args)?;
    if m.readonly {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    match key(vm, m, k)? {
        Key::Index(i) => {
            check_supported(vm, m.code)?;
            let raw = item_bytes(vm, m.code, m.itemsize, value)?;
            let at = m.at(i);
            if let Some(mut bytes) = m.exporter().buffer_bytes_mut() {
                bytes[at..at + m.itemsize].copy_from_slice(&raw);
            }
            Ok(Value::None)
        }
        Key::Slice { start, step, len } => {
            let source = match value.downcast_native::<MemoryView>() {
                Some(other) => Some((other.to_bytes(), other.code, other.len)),
                None => buffer::exporter(value).map(|e| {
                    let code = e.item_code();
                    let bytes = e.buffer_bytes().to_vec();
                    let n = bytes.len() / item_size(code, Mode::Native).unwrap_or(1);
                    (Some(bytes), code, n)
                }),
            };
            let Some((bytes, code, n)) = source else {
                return Err(vm.type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    vm.type_name(value)
                )));
            };
            let bytes = bytes.ok_or_else(|| released(vm))?;
            if code != m.code || n != len {
                return Err(vm.value_error(
                    "memoryview assignment: lvalue and rvalue have different structures",
                ));
            }
            if let Some(mut dest) = m.exporter().buffer_bytes_mut() {
                for (k, item) in bytes.chunks(m.itemsize).enumerate() {
                    let at = m.at((start + k as i64 * step) as usize);
                    dest[at..at + m.itemsize].copy_from_slice(item);
                }
            }
            Ok(Value::None)
        }
    }
}

/// The native bytes of `value` as one item of `code`, with memoryview's errors.
fn item_bytes(vm: &Vm, code: u8, size: usize, value: &Value) -> PyResult<Vec<u8>> {
    let invalid_type = || {
        vm.type_error(format!(
            "memoryview: invalid type for format '{}'",
            code as char
        ))
    };
    let invalid_value = || {
        vm.value_error(format!(
            "memoryview: invalid value for format '{}'",
            code as char
        ))
    };
    match code {
        b'c' => match value.builtin_base() {
            Value::Bytes(b) if b.len() == 1 => Ok(b.to_vec()),
            Value::Bytes(_) => Err(invalid_value()),
            _ => Err(invalid_type()),
        },
        b'?' => Ok(vec![vm.truthy(value)? as u8]),
        b'f' | b'd' => {
            let x = crate::builtins::number::to_f64(vm, value).map_err(|_| invalid_type())?;
            Ok(if code == b'f' {
                (x as f32).to_le_bytes().to_vec()
            } else {
                x.to_le_bytes().to_vec()
            })
        }
        _ => {
            let n = match value.builtin_base() {
                Value::Int(i) => *i as i128,
                Value::Bool(b) => b.get() as i128,
                Value::BigInt(b) => num_traits::ToPrimitive::to_i128(&**b).unwrap_or(i128::MAX),
                other if vm.class_of(other).lookup_str("__index__").is_some() => {
                    vm.to_index(other).map_err(|_| invalid_value())? as i128
                }
                _ => return Err(invalid_type()),
            };
            let bits = size as u32 * 8;
            let signed = matches!(code, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
            let (lo, hi) = if signed {
                (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
            } else {
                (0, (1i128 << bits) - 1)
            };
            if !(lo..=hi).contains(&n) {
                return Err(invalid_value());
            }
            Ok((n as u64).to_le_bytes()[..size].to_vec())
        }
    }
}

fn iter(vm: &Vm, args: Args) -> PyResult {
    let items = live(vm, &args)?.items(vm)?;
    vm.iter(&Value::list(items))
}

/// Equality: the same items, read by each side's format.
fn equal(vm: &Vm, args: &Args) -> PyResult<Option<bool>> {
    let m = this(vm, args)?;
    let other = &args.pos[1];
    if args.pos[0].id() == other.id() {
        return Ok(Some(true));
    }
    let theirs = match other.downcast_native::<MemoryView>() {
        Some(o) if o.released.get() => return Ok(Some(false)),
        Some(o) => (o.code, o.to_bytes()),
        None => match buffer::exporter(other) {
            Some(e) => (e.item_code(), Some(e.buffer_bytes().to_vec())),
            None => return Ok(None),
        },
    };
    if m.released.get() {
        return Ok(Some(false));
    }
    let (code, Some(bytes)) = theirs else {
        return Ok(Some(false));
    };
    let mine = m.to_bytes().unwrap_or_default();
    if code == m.code {
        return Ok(Some(mine == bytes));
    }
    check_supported(vm, code)?;
    let size = item_size(code, Mode::Native).unwrap_or(1);
    let theirs: Vec<Value> = bytes
        .chunks(size)
        .map(|raw| unpack_item(code, Mode::Native, raw))
        .collect();
    let mine = m.items(vm)?;
    if mine.len() != theirs.len() {
        return Ok(Some(false));
    }
    for (a, b) in mine.iter().zip(&theirs) {
        if !vm.eq(a, b)? {
            return Ok(Some(false));
        }
    }
    Ok(Some(true))
}

fn eq(vm: &Vm, args: Args) -> PyResult {
    EQ.bind::<2, 0>(vm, args)?;
    Ok(equal(vm, &args)?.map_or(Value::NotImplemented, Value::from_bool))
}

fn ne(vm: &Vm, args: Args) -> PyResult {
    NE.bind::<2, 0>(vm, args)?;
    Ok(equal(vm, &args)?.map_or(Value::NotImplemented, |b| Value::from_bool(!b)))
}

fn hash(vm: &Vm, args: Args) -> PyResult {
    let m = live(vm, &args)?;
    if !m.readonly {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    if !matches!(m.code, b'B' | b'b' | b'c') {
        return Err(vm.value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
    }
    let bytes = Value::Bytes(Rc::new(m.to_bytes().unwrap_or_default()));
    Ok(Value::Int(vm.hash(&bytes)?))
}

fn enter(vm: &Vm, args: Args) -> PyResult {
    live(vm, &args)?;
    Ok(args.pos[0].clone())
}

fn exit(vm: &Vm, args: Args) -> PyResult {
    this(vm, &args)?.release();
    Ok(Value::None)
}

fn release(vm: &Vm, args: Args) -> PyResult {
    this(vm, &args)?.release();
    Ok(Value::None)
}

fn tobytes(vm: &Vm, args: Args) -> PyResult {
    let m = live(vm, &args)?;
    let ([_], [order]) = TOBYTES.bind(vm, args)?;
    if let Some(order) = order {
        match order {
            Value::None => {}
            Value::Str(s) if matches!(s.as_str(), "C" | "F" | "A") => {}
            _ => return Err(vm.value_error("order must be 'C', 'F' or 'A'")),
        }
    }
    Ok(Value::Bytes(Rc::new(m.to_bytes().unwrap_or_default())))
}

fn tolist(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::list(live(vm, &args)?.items(vm)?))
}

fn hex(vm: &Vm, args: Args) -> PyResult {
    let m = live(vm, &args)?;
    let ([_], [sep, per_sep]) = HEX.bind(vm, args)?;
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(s) => Some(crate::stdlib::binascii::separator(vm, s)?),
    };
    let per_sep = per_sep.map_or(Ok(1), |v| vm.to_index(v))?;
    let bytes = m.to_bytes().unwrap_or_default();
    Ok(Value::string(crate::stdlib::binascii::hex_with_separator(
        &bytes, sep, per_sep,
    )))
}

fn cast(vm: &Vm, args: Args) -> PyResult {
    let m = live(vm, &args)?;
    let ([_, format], [shape]) = CAST.bind(vm, args)?;
    let Value::Str(format) = format else {
        return Err(vm.type_error(format!(
            "memoryview.cast() argument 'format' must be str, not {}",
            vm.type_name(format)
        )));
    };
    let text = format.as_str();
    let code = match text.as_bytes() {
        [c] | [b'@', c] => *c,
        _ => 0,
    };
    let Some(size) = item_size(code, Mode::Native).filter(|_| !matches!(code, b'x' | b's' | b'p'))
    else {
        return Err(vm.value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    if !m.is_contiguous() {
        return Err(vm.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let byte_format = |c: u8| matches!(c, b'B' | b'b' | b'c');
    if !byte_format(m.code) && !byte_format(code) {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let nbytes = m.len * m.itemsize;
    if !nbytes.is_multiple_of(size) {
        return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
    }
    let len = nbytes / size;
    if let Some(shape) = shape {
        let dims = vm.to_vec(shape)?;
        match dims.as_slice() {
            [n] if vm.to_index(n)? as usize * size == nbytes => {}
            [_] => {
                return Err(vm.type_error("memoryview: product(shape) * itemsize != buffer size"))
            }
            _ => {
                return Err(
                    vm.not_implemented("memoryview.cast() to a shape of more than one dimension")
                )
            }
        }
    }
    Ok(m.derive(Window {
        stride: size as isize,
        len,
        code,
        itemsize: size,
        ..m.window()
    }))
}

fn toreadonly(vm: &Vm, args: Args) -> PyResult {
    let m = live(vm, &args)?;
    Ok(m.derive(Window {
        readonly: true,
        ..m.window()
    }))
}
