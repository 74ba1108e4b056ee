//! `array`: compact arrays of one C numeric type, as CPython's.
//!
//! An array keeps its items as native bytes (`Vec<u8>`, `itemsize` bytes
//! each), so its buffer (`memoryview`, `struct.pack_into`, `tobytes`) is
//! those bytes as they are, and items are decoded on access with the same
//! routine `struct` uses. Conversions of stored values follow CPython's
//! per-typecode C conversions, whose OverflowError texts programs see.

use crate::objects::buffer::{Buffer, BufferBytes};
use crate::objects::class::Layout as ClassLayout;
use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Class, Module, NativeFn, NativeObject, PyErr, PyResult, Value};
use crate::stdlib::packing::format::{unpack_item, Mode};
use crate::vm::ops::CmpOp;
use crate::vm::types::{add_declared_methods, add_methods, new_class};
use crate::vm::Vm;
use std::any::Any;
use std::cell::{Cell, RefCell, RefMut};
use std::rc::Rc;

const TYPECODES: &str = "bBuhHiIlLqQfd";

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = vm.new_module("array", None);
    let c = Value::Class(array_class(vm));
    super::set(&m, "array", c.clone());
    super::set(&m, "ArrayType", c);
    super::set(&m, "typecodes", Value::str(TYPECODES));
    Ok(m)
}

pub(crate) struct Array {
    class: Rc<Class>,
    code: u8,
    bytes: RefCell<Vec<u8>>,
    /// Live memoryviews: while there are any, the length is fixed.
    exports: Cell<usize>,
}

impl NativeObject for Array {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn buffer(&self) -> Option<&dyn Buffer> {
        Some(self)
    }
    fn get_attr(&self, _vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        match name {
            "typecode" => Some(Ok(Value::string((self.code as char).to_string()))),
            "itemsize" => Some(Ok(Value::Int(itemsize(self.code) as i64))),
            _ => None,
        }
    }
}

impl Buffer for Array {
    fn buffer_bytes(&self) -> BufferBytes<'_> {
        BufferBytes::Cell(self.bytes.borrow())
    }
    fn buffer_bytes_mut(&self) -> Option<RefMut<'_, Vec<u8>>> {
        Some(self.bytes.borrow_mut())
    }
    fn writable(&self) -> bool {
        true
    }
    fn item_code(&self) -> u8 {
        self.code
    }
    fn exports(&self) -> Option<&Cell<usize>> {
        Some(&self.exports)
    }
}

fn itemsize(code: u8) -> usize {
    match code {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'u' | b'i' | b'I' | b'f' => 4,
        _ => 8,
    }
}

impl Array {
    fn create(vm: &Vm, code: u8, bytes: Vec<u8>) -> Value {
        Value::native(Array {
            class: array_class(vm),
            code,
            bytes: RefCell::new(bytes),
            exports: Cell::new(0),
        })
    }

    fn len(&self) -> usize {
        self.bytes.borrow().len() / itemsize(self.code)
    }

    fn item(&self, i: usize) -> Value {
        let size = itemsize(self.code);
        let bytes = self.bytes.borrow();
        let raw = &bytes[i * size..(i + 1) * size];
        if self.code == b'u' {
            let cp = u32::from_le_bytes(raw.try_into().expect("4 bytes"));
            return Value::string(char::from_u32(cp).unwrap_or('\u{fffd}').to_string());
        }
        unpack_item(self.code, Mode::Native, raw)
    }

    fn items(&self) -> Vec<Value> {
        (0..self.len()).map(|i| self.item(i)).collect()
    }

    /// The bytes, for a change of length: BufferError while views exist.
    fn resizable(&self, vm: &Vm) -> PyResult<RefMut<'_, Vec<u8>>> {
        if self.exports.get() > 0 {
            return Err(vm.new_error(
                &vm.exc.buffer_error,
                "cannot resize an array that is exporting buffers",
            ));
        }
        Ok(self.bytes.borrow_mut())
    }
}

// -- converting values to items -------------------------------------------------------

fn overflow(vm: &Vm, msg: &str) -> PyErr {
    vm.overflow_error(msg)
}

/// `v` as the native bytes of one item of `code`, with CPython's errors.
fn encode(vm: &Vm, code: u8, v: &Value) -> PyResult<Vec<u8>> {
    match code {
        b'u' => match v {
            Value::Str(s) if s.char_len() == 1 => {
                let c = s.as_str().chars().next().expect("one character");
                Ok((c as u32).to_le_bytes().to_vec())
            }
            _ => Err(vm.type_error("array item must be unicode character")),
        },
        b'f' => Ok((crate::builtins::number::to_f64(vm, v)? as f32)
            .to_le_bytes()
            .to_vec()),
        b'd' => Ok(crate::builtins::number::to_f64(vm, v)?
            .to_le_bytes()
            .to_vec()),
        _ => {
            let n = integer(vm, v)?;
            let size = itemsize(code);
            let long = |n: Option<i128>| {
                n.filter(|n| (i64::MIN as i128..=i64::MAX as i128).contains(n))
                    .ok_or_else(|| overflow(vm, "Python int too large to convert to C long"))
            };
            let range = |n: i128, lo: i128, hi: i128, below: &str, above: &str| {
                if n < lo {
                    Err(overflow(vm, below))
                } else if n > hi {
                    Err(overflow(vm, above))
                } else {
                    Ok(n)
                }
            };
            const SHORT: (&str, &str) = (
                "signed short integer is less than minimum",
                "signed short integer is greater than maximum",
            );
            const INT: (&str, &str) = (
                "signed integer is less than minimum",
                "signed integer is greater than maximum",
            );
            let unsigned_long = |n: Option<i128>, negative: &str, big: &str| match n {
                Some(n) if n < 0 => Err(overflow(vm, negative)),
                Some(n) if n <= u64::MAX as i128 => Ok(n),
                None if n_is_negative(v) => Err(overflow(vm, negative)),
                _ => Err(overflow(vm, big)),
            };
            let n = match code {
                b'b' => {
                    let n = range(long(n)?, -32768, 32767, SHORT.0, SHORT.1)?;
                    range(
                        n,
                        -128,
                        127,
                        "signed char is less than minimum",
                        "signed char is greater than maximum",
                    )?
                }
                b'B' => range(
                    long(n)?,
                    0,
                    255,
                    "unsigned byte integer is less than minimum",
                    "unsigned byte integer is greater than maximum",
                )?,
                b'h' => range(long(n)?, -32768, 32767, SHORT.0, SHORT.1)?,
                b'H' => {
                    let n = range(long(n)?, i32::MIN as i128, i32::MAX as i128, INT.0, INT.1)?;
                    range(
                        n,
                        0,
                        65535,
                        "unsigned short is less than minimum",
                        "unsigned short is greater than maximum",
                    )?
                }
                b'i' => range(long(n)?, i32::MIN as i128, i32::MAX as i128, INT.0, INT.1)?,
                b'I' => {
                    let n = unsigned_long(
                        n,
                        "can't convert negative value to unsigned int",
                        "Python int too large to convert to C unsigned long",
                    )?;
                    range(
                        n,
                        0,
                        u32::MAX as i128,
                        "",
                        "unsigned int is greater than maximum",
                    )?
                }
                b'l' => long(n)?,
                b'L' => unsigned_long(
                    n,
                    "can't convert negative value to unsigned int",
                    "Python int too large to convert to C unsigned long",
                )?,
                b'q' => n
                    .filter(|n| (i64::MIN as i128..=i64::MAX as i128).contains(n))
                    .ok_or_else(|| overflow(vm, "int too big to convert"))?,
                _ => unsigned_long(
                    n,
                    "can't convert negative int to unsigned",
                    "int too big to convert",
                )?,
            };
            Ok((n as u64).to_le_bytes()[..size].to_vec())
        }
    }
}

fn n_is_negative(v: &Value) -> bool {
    match v.builtin_base() {
        Value::BigInt(b) => num_traits::Signed::is_negative(&**b),
        _ => false,
    }
}

/// An integer item through `__index__` (TypeError otherwise); `None` when it
/// does not fit in 128 bits.
fn integer(vm: &Vm, v: &Value) -> PyResult<Option<i128>> {
    match v.builtin_base() {
        Value::Int(i) => Ok(Some(*i as i128)),
        Value::Bool(b) => Ok(Some(b.get() as i128)),
        Value::BigInt(b) => Ok(num_traits::ToPrimitive::to_i128(&**b)),
        other => Ok(Some(vm.to_index(other)? as i128)),
    }
}

fn encode_all(vm: &Vm, code: u8, values: &[Value]) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(values.len() * itemsize(code));
    for v in values {
        out.extend(encode(vm, code, v)?);
    }
    Ok(out)
}

// -- the class ------------------------------------------------------------------------

fn array_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("array.array", |vm| {
        let c = new_class(
            "array",
            std::slice::from_ref(&vm.types.object),
            ClassLayout::Builtin,
            "array",
        );
        add_declared_methods(&c, "array", METHODS);
        // `__new__` is named for the class in messages, so it is registered by name.
        add_methods(&c, "array", &[("__new__", new)]);
        c.set_attr("__hash__", Value::None);
        c
    })
}

const METHODS: &[(&Signature, NativeFn)] = &[
    (&REPR, repr),
    (&LEN, len),
    (&GETITEM, getitem),
    (&SETITEM, setitem),
    (&DELITEM, delitem),
    (&ITER, iter),
    (&CONTAINS, contains),
    (&EQ, eq),
    (&NE, ne),
    (&LT, lt),
    (&LE, le),
    (&GT, gt),
    (&GE, ge),
    (&ADD, add),
    (&IADD, iadd),
    (&MUL, mul),
    (&RMUL, mul),
    (&IMUL, imul),
    (&APPEND, append),
    (&EXTEND, extend),
    (&INSERT, insert),
    (&POP, pop),
    (&REMOVE, remove),
    (&INDEX, index),
    (&COUNT, count),
    (&REVERSE, reverse),
    (&BYTESWAP, byteswap),
    (&BUFFER_INFO, buffer_info),
    (&FROMBYTES, frombytes),
    (&TOBYTES, tobytes),
    (&FROMLIST, fromlist),
    (&TOLIST, tolist),
    (&FROMUNICODE, fromunicode),
    (&TOUNICODE, tounicode),
    (&COPY, copy),
    (&DEEPCOPY, deepcopy),
];

static REPR: Signature = Signature::new(Style::Exact, "array.__repr__", "$self, /")
    .doc("Return the array written as array(typecode, items).");
static LEN: Signature = Signature::new(Style::Exact, "array.__len__", "$self, /")
    .doc("Return how many items the array holds.");
static GETITEM: Signature = Signature::new(Style::Exact, "array.__getitem__", "$self, key, /")
    .doc("Return the item or slice at key.");
static SETITEM: Signature = Signature::new(
    Style::Positional,
    "array.__setitem__",
    "$self, key, value, /",
)
.doc("Store value at the position or slice key.");
static DELITEM: Signature = Signature::new(Style::Exact, "array.__delitem__", "$self, key, /")
    .doc("Remove the item or slice at key.");
static ITER: Signature = Signature::new(Style::Exact, "array.__iter__", "$self, /")
    .doc("Return an iterator over the items.");
static CONTAINS: Signature = Signature::new(Style::Exact, "array.__contains__", "$self, key, /")
    .doc("Return whether an item equals key.");
static EQ: Signature = Signature::new(Style::Exact, "array.__eq__", "$self, value, /")
    .doc("Compare with another array: equal items in the same order.");
static NE: Signature = Signature::new(Style::Exact, "array.__ne__", "$self, value, /")
    .doc("Compare with another array: not equal.");
static LT: Signature = Signature::new(Style::Exact, "array.__lt__", "$self, value, /")
    .doc("Compare items in order with another array: less than.");
static LE: Signature = Signature::new(Style::Exact, "array.__le__", "$self, value, /")
    .doc("Compare items in order with another array: less than or equal.");
static GT: Signature = Signature::new(Style::Exact, "array.__gt__", "$self, value, /")
    .doc("Compare items in order with another array: greater than.");
static GE: Signature = Signature::new(Style::Exact, "array.__ge__", "$self, value, /")
    .doc("Compare items in order with another array: greater than or equal.");
static ADD: Signature = Signature::new(Style::Exact, "array.__add__", "$self, value, /")
    .doc("Return a new array: these items, then those of value.");
static IADD: Signature = Signature::new(Style::Exact, "array.__iadd__", "$self, value, /")
    .doc("Add the items of the array value at the end, in place.");
static MUL: Signature = Signature::new(Style::Exact, "array.__mul__", "$self, value, /")
    .doc("Return a new array of the items repeated value times.");
static RMUL: Signature = Signature::new(Style::Exact, "array.__rmul__", "$self, value, /")
    .doc("Return a new array of the items repeated value times.");
static IMUL: Signature = Signature::new(Style::Exact, "array.__imul__", "$self, value, /")
    .doc("Repeat the items value times, in place.");
static APPEND: Signature =
    Signature::new(Style::Exact, "array.append", "$self, v, /").doc("Add the item v at the end.");
static EXTEND: Signature = Signature::new(Style::Exact, "array.extend", "$self, bb, /")
    .doc("Add the items of the iterable or array bb at the end.");
static INSERT: Signature = Signature::new(Style::Positional, "array.insert", "$self, i, v, /")
    .doc("Insert the item v before position i.");
static POP: Signature = Signature::new(Style::Positional, "array.pop", "$self, i=-1, /")
    .doc("Remove and return the item at position i (the last by default).");
static REMOVE: Signature = Signature::new(Style::Exact, "array.remove", "$self, v, /")
    .doc("Remove the first item equal to v.");
static INDEX: Signature = Signature::new(
    Style::Positional,
    "array.index",
    "$self, v, start=0, stop=sys.maxsize, /",
)
.doc("Return the position of the first item equal to v, searched between start and stop.");
static COUNT: Signature = Signature::new(Style::Exact, "array.count", "$self, v, /")
    .doc("Return how many items equal v.");
static REVERSE: Signature =
    Signature::new(Style::Exact, "array.reverse", "$self, /").doc("Reverse the items in place.");
static BYTESWAP: Signature = Signature::new(Style::Exact, "array.byteswap", "$self, /")
    .doc("Swap the byte order of every item in place.");
static BUFFER_INFO: Signature = Signature::new(Style::Exact, "array.buffer_info", "$self, /")
    .doc("Return (address, length) of the memory holding the items.");
static FROMBYTES: Signature = Signature::new(Style::Exact, "array.frombytes", "$self, buffer, /")
    .doc("Add the items read from the machine bytes in buffer.");
static TOBYTES: Signature = Signature::new(Style::Exact, "array.tobytes", "$self, /")
    .doc("Return the items as machine bytes.");
static FROMLIST: Signature = Signature::new(Style::Exact, "array.fromlist", "$self, list, /")
    .doc("Add the items of the list at the end.");
static TOLIST: Signature =
    Signature::new(Style::Exact, "array.tolist", "$self, /").doc("Return the items as a list.");
static FROMUNICODE: Signature = Signature::new(Style::Exact, "array.fromunicode", "$self, ustr, /")
    .doc("Add the characters of the str ustr to a 'u' or 'w' array.");
static TOUNICODE: Signature = Signature::new(Style::Exact, "array.tounicode", "$self, /")
    .doc("Return a 'u' or 'w' array's characters as a str.");
static COPY: Signature =
    Signature::new(Style::Exact, "array.__copy__", "$self, /").doc("Return a copy of the array.");
static DEEPCOPY: Signature = Signature::new(Style::Exact, "array.__deepcopy__", "$self, unused, /")
    .doc("Return a copy of the array (its items are numbers, so shared safely).");

fn this<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a Array> {
    args.get(0)
        .and_then(|v| v.downcast_native::<Array>())
        .ok_or_else(|| vm.type_error("descriptor requires a 'array.array' object"))
}

fn typecode(vm: &Vm, v: &Value) -> PyResult<u8> {
    let code = match v {
        Value::Str(s) if s.char_len() == 1 => s.as_str().as_bytes()[0],
        other => {
            return Err(vm.type_error(format!(
                "array() argument 1 must be a unicode character, not {}",
                vm.type_name(other)
            )))
        }
    };
    if !TYPECODES.as_bytes().contains(&code) {
        return Err(
            vm.value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        );
    }
    Ok(code)
}

fn new(vm: &Vm, args: Args) -> PyResult {
    if args.has_kwargs() {
        return Err(vm.type_error("array.array() takes no keyword arguments"));
    }
    let rest = &args.pos[1..];
    let Some(code) = rest.first() else {
        return Err(vm.type_error("array() takes at least 1 argument (0 given)"));
    };
    if rest.len() > 2 {
        return Err(vm.type_error(format!(
            "array() takes at most 2 arguments ({} given)",
            rest.len()
        )));
    }
    let code = typecode(vm, code)?;
    let bytes = match rest.get(1) {
        None => Vec::new(),
        Some(init) => initial(vm, code, init)?,
    };
    Ok(Array::create(vm, code, bytes))
}

/// The items `array(code, initializer)` starts with, as bytes.
fn initial(vm: &Vm, code: u8, init: &Value) -> PyResult<Vec<u8>> {
    if let Some(other) = init.downcast_native::<Array>() {
        if (other.code == b'u') != (code == b'u') {
            return Err(vm.type_error(format!(
                "cannot use a unicode array to initialize an array with typecode '{}'",
                code as char
            )));
        }
        return encode_all(vm, code, &other.items());
    }
    match init.builtin_base() {
        Value::Str(s) if code == b'u' => Ok(unicode_bytes(s.as_str())),
        Value::Str(_) => Err(vm.type_error(format!(
            "cannot use a str to initialize an array with typecode '{}'",
            code as char
        ))),
        Value::Bytes(b) => from_bytes(vm, code, b),
        _ if crate::objects::buffer::exporter(init).is_some() => {
            let b = crate::objects::buffer::contents(init).unwrap_or_default();
            from_bytes(vm, code, &b)
        }
        _ => encode_all(vm, code, &vm.to_vec(init)?),
    }
}

fn unicode_bytes(s: &str) -> Vec<u8> {
    s.chars().flat_map(|c| (c as u32).to_le_bytes()).collect()
}

fn from_bytes(vm: &Vm, code: u8, b: &[u8]) -> PyResult<Vec<u8>> {
    if !b.len().is_multiple_of(itemsize(code)) {
        return Err(vm.value_error("bytes length not a multiple of item size"));
    }
    Ok(b.to_vec())
}

fn repr(vm: &Vm, args: Args) -> PyResult {
    let a = this(vm, &args)?;
    let name = vm.type_name(&args.pos[0]);
    let code = a.code as char;
    if a.len() == 0 {
        return Ok(Value::string(format!("{name}('{code}')")));
    }
    let body = if a.code == b'u' {
        vm.repr(&Value::string(unicode_text(a)))?
    } else {
        vm.repr(&Value::list(a.items()))?
    };
    Ok(Value::string(format!("{name}('{code}', {body})")))
}

fn unicode_text(a: &Array) -> String {
    a.bytes
        .borrow()
        .chunks(4)
        .map(|c| {
            char::from_u32(u32::from_le_bytes(c.try_into().expect("4 bytes"))).unwrap_or('\u{fffd}')
        })
        .collect()
}

fn len(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::Int(this(vm, &args)?.len() as i64))
}

/// The positions a slice selects, in order.
fn slice_positions(vm: &Vm, s: &crate::objects::Slice, len: usize) -> PyResult<Vec<usize>> {
    let (start, stop, step) = vm.slice_indices(s, len)?;
    let mut out = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(i as usize);
        i += step;
    }
    Ok(out)
}

fn getitem(vm: &Vm, args: Args) -> PyResult {
    let a = this(vm, &args)?;
    let ([_, key], []) = GETITEM.bind(vm, args)?;
    if let Value::Slice(s) = key {
        let size = itemsize(a.code);
        let bytes = a.bytes.borrow();
        let mut out = Vec::new();
        for i in slice_positions(vm, s, a.len())? {
            out.extend_from_slice(&bytes[i * size..(i + 1) * size]);
        }
        return Ok(Array::create(vm, a.code, out));
    }
    let i = item_index(vm, key, a.len(), "array index out of range")?;
    Ok(a.item(i))
}

fn item_index(vm: &Vm, key: &Value, len: usize, msg: &str) -> PyResult<usize> {
    let i = match key {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Instance(_) => {
            vm.to_index(key)?
        }
        _ => return Err(vm.type_error("array indices must be integers")),
    };
    Vm::norm_index(i, len).ok_or_else(|| vm.index_error(msg))
}

fn setitem(vm: &Vm, args: Args) -> PyResult {
    let a = this(vm, &args)?;
    let ([_, key, value], []) = SETITEM.bind(vm, args)?;
    let size = itemsize(a.code);
    if let Value::Slice(s) = key {
        let Some(other) = value.downcast_native::<Array>() else {
            return Err(vm.type_error(format!(
                "can only assign array (not \"{}\") to array slice",
                vm.type_name(value)
            )));
        };
        if other.code != a.code {
            return Err(vm.type_error("bad argument type for built-in operation"));
        }
        let new = other.bytes.borrow().clone();
        let positions = slice_positions(vm, s, a.len())?;
        let (_, _, step) = vm.slice_indices(s, a.len())?;
        if step == 1 {
            let (start, stop) = match (positions.first(), positions.last()) {
                (Some(&f), Some(&l)) => (f, l + 1),
                _ => {
                    let (start, _, _) = vm.slice_indices(s, a.len())?;
                    (start as usize, start as usize)
                }
            };
            if new.len() != (stop - start) * size {
                a.resizable(vm)?;
            }
            a.bytes.borrow_mut().splice(start * size..stop * size, new);
            return Ok(Value::None);
        }
        if positions.len() * size != new.len() {
            return Err(vm.value_error(format!(
                "attempt to assign array of size {} to extended slice of size {}",
                new.len() / size,
                positions.len()
            )));
        }
        let mut bytes = a.bytes.borrow_mut();
        for (k, i) in positions.into_iter().enumerate() {
            bytes[i * size..(i + 1) * size].copy_from_slice(&new[k * size..(k + 1) * size]);
        }
        return Ok(Value::None);
    }
    let i = item_index(vm, key, a.len(), "array assignment index out of range")?;
    let raw = encode(vm, a.code, value)?;
    a.bytes.borrow_mut()[i * size..(i + 1) * size].copy_from_slice(&raw);
    Ok(Value::None)
}

fn delitem(vm: &Vm, args: Args) -> PyResult {
    let a = this(vm, &args)?;
    let ([_, key], []) = DELITEM.bind(vm, args)?;
    let size = itemsize(a.code);
    let mut positions = match key {
        Value::Slice(s) => slice_positions(vm, s, a.len())?,
        _ => vec![item_index(
            vm,
            key,
            a.len(),
            "array assignment index out of range",
        )?],
    };
    if positions.is_empty() {
        return Ok(Value::None);
    }
    positions.sort_unstable();
    let mut bytes = a.resizable(vm)?;
    for i in positions.into_iter().rev() {
        bytes.drain(i * size..(i + 1) * size);
    }
    Ok(Value::None)
}

fn iter(vm: &Vm, args: Args) -> PyResult {
    vm.iter(&Value::list(this(vm, &args)?.items()))
}

fn contains(vm: &Vm, args: Args) -> PyResult {
    let a = this(vm, &args)?;
    let ([_, v], []) = CONTAINS.bind(vm, args)?;
    for item in a.items() {
        if vm.eq(&item, v)? {
            return Ok(Value::from_bool(true));
        }
    }
    Ok(Value::from_bool(false))
}

fn compare(vm: &Vm, args: &Args, op: CmpOp) -> PyResult {
    let a = this(vm, args)?;
    let Some(b) = args.pos.get(1).and_then(|v| v.downcast_native::<Array>()) else {
        return Ok(Value::NotImplemented);
    };
    vm.compare(&Value::list(a.items()), &Value::list(b.items()), op)
}

fn eq(vm: &Vm, args: Args) -> PyResult {
    EQ.bind::<2, 0>(vm, args)?;
    compare(vm, &args, CmpOp::Eq)
}
fn ne(vm: &Vm, args: Args) -> PyResult {
    NE.bind::<2, 0>(vm, args)?;
    compare(vm, &args, CmpOp::Ne)
}
fn lt(vm: &Vm, args: Args) -> PyResult {
    LT.bind::<2, 0>(vm, args)?;
    compare(vm, &args, CmpOp::Lt)
}
fn le(vm: &Vm, args: Args) -> PyResult {
    LE.bind::<2, 0>(vm, args)?;
    compare(vm, &args, CmpOp::Le)
}
fn gt(vm: &Vm, args: Args) -> PyResult {
    GT.bind::<2, 0>(vm, args)?;
    compare(vm, &args, CmpOp::Gt)
}
fn ge(vm: &Vm, args: Args) -> PyResult {
    GE.bind::<2, 0>(vm, args)?;
    compare(vm, &args, CmpOp::Ge)
}

/// The bytes of another array of the same typecode, for `+` (`extending`
/// false), `+=` and `extend`, with the TypeError each gives otherwise.
fn same_kind(vm: &Vm, a: &Array, other: &Value, extending: bool) -> PyResult<Vec<u8>> {
    match other.downcast_native::<Array>() {
        Some(b) if b.code == a.code => Ok(b.bytes.borrow().clone()),
        Some(_) if extending => Err(vm.type_error("can only extend with array of same kind")),
        Some(_) => Err(vm.type_error("bad argument type for built-in operation")),
        None if extending => Err(vm.type_error(format!(
            "can only extend array with array (not \"{}\")",
            vm.type_name(other)
        ))),
        None => Err(vm.type_error(format!(
            "can only append array (not \"{}\") to array",
            vm.type_name(other)
        ))),
    }
}

fn add(vm: &Vm, args: Args) -> PyResult {
    let a = this(vm, &args)?;
    let ([_, other], []) = ADD.bind(vm, args)?;
    let extra = same_kind(vm, a, other, false)?;
    let mut bytes = a.bytes.borrow().clone();
    bytes.extend(extra);
    Ok(Array::create(vm, a.code, bytes))
}

fn iadd(vm: &Vm, args: Args) -> PyResult {
    let a = this(vm, &args)?;
    let ([me, other], []) = IADD.bind(vm, args)?;
    let extra = same_kind(vm, a, other, true)?;
    a.resizable(vm)?.extend(extra);
    Ok(me.clone())
}

fn repeated(vm: &Vm, a: &Array, n: &Value) -> PyResult<Vec<u8>> {
    let n = vm.to_index(n)?.max(0) as usize;
    let bytes = a.bytes.borrow();
    let total = bytes
        .len()
        .checked_mul(n)
        .ok_or_else(|| vm.memory_error())?;
    let mut out = vm.try_vec(total)?;
    for _ in 0..n {
        out.extend_from_slice(&bytes);
    }
    Ok(out)
}

fn mul(vm: &Vm, args: Args) -> PyResult {
    let a = this(vm, &args)?;
    let ([_, n], []) = MUL.bind(vm, args)?;
    Ok(Array::create(vm, a.code, repeated(vm, a, n)?))
}

fn imul(vm: &Vm, args: Args) -> PyResult {
    let a = this(vm, &args)?;
    let ([me, n], []) = IMUL.bind(vm, args)?;
    let bytes = repeated(vm, a, n)?;
    *a.resizable(vm)? = bytes;
    Ok(me.clone())
}

fn append(vm: &Vm, args: Args) -> PyResult {
    let a = this(vm, &args)?;
    let ([_, v], []) = APPEND.bind(vm, args)?;
    let raw = encode(vm, a.code, v)?;
    a.resizable(vm)?.extend(raw);
    Ok(Value::None)
}

fn extend(vm: &Vm, args: Args) -> PyResult {
    let a = this(vm, &args)?;
    let ([_, items], []) = EXTEND.bind(vm, args)?;
    let raw = if items.downcast_native::<Array>().is_some() {
        same_kind(vm, a, items, true)?
    } else {
        encode_all(vm, a.code, &vm.to_vec(items)?)?
    };
    a.resizable(vm)?.extend(raw);
    Ok(Value::None)
}

fn insert(vm: &Vm, args: Args) -> PyResult {
    let a = this(vm, &args)?;
    let ([_, i, v], []) = INSERT.bind(vm, args)?;
    let len = a.len() as i64;
    let i = vm.to_index(i)?;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
    let raw = encode(vm, a.code, v)?;
    let size = itemsize(a.code);
    a.resizable(vm)?.splice(i * size..i * size, raw);
    Ok(Value::None)
}

fn pop(vm: &Vm, args: Args) -> PyResult {
    let a = this(vm, &args)?;
    let ([_], [i]) = POP.bind(vm, args)?;
    let i = i.map_or(Ok(-1), |v| vm.to_index(v))?;
    if a.len() == 0 {
        return Err(vm.index_error("pop from empty array"));
    }
    let i = Vm::norm_index(i, a.len()).ok_or_else(|| vm.index_error("pop index out of range"))?;
    let item = a.item(i);
    let size = itemsize(a.code);
    a.resizable(vm)?.drain(i * size..(i + 1) * size);
    Ok(item)
}

fn position(vm: &Vm, a: &Array, v: &Value) -> PyResult<Option<usize>> {
    for (i, item) in a.items().iter().enumerate() {
        if vm.eq(item, v)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn remove(vm: &Vm, args: Args) -> PyResult {
    let a = this(vm, &args)?;
    let ([_, v], []) = REMOVE.bind(vm, args)?;
    let Some(i) = position(vm, a, v)? else {
        return Err(vm.value_error("array.remove(x): x not in array"));
    };
    let size = itemsize(a.code);
    a.resizable(vm)?.drain(i * size..(i + 1) * size);
    Ok(Value::None)
}

fn index(vm: &Vm, args: Args) -> PyResult {
    let a = this(vm, &args)?;
    let ([_, v], [start, stop]) = INDEX.bind(vm, args)?;
    let len = a.len() as i64;
    let clamp = |x: Option<&Value>, default: i64| -> PyResult<usize> {
        let x = x.map_or(Ok(default), |x| vm.to_index(x))?;
        Ok(if x < 0 { (x + len).max(0) } else { x.min(len) } as usize)
    };
    let (start, stop) = (clamp(start, 0)?, clamp(stop, len)?);
    let items = a.items();
    for (i, item) in items.iter().enumerate().take(stop).skip(start) {
        if vm.eq(item, v)? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(vm.value_error("array.index(x): x not in array"))
}

fn count(vm: &Vm, args: Args) -> PyResult {
    let a = this(vm, &args)?;
    let ([_, v], []) = COUNT.bind(vm, args)?;
    let mut n = 0;
    for item in a.items() {
        n += vm.eq(&item, v)? as i64;
    }
    Ok(Value::Int(n))
}

fn reverse(vm: &Vm, args: Args) -> PyResult {
    let a = this(vm, &args)?;
    let size = itemsize(a.code);
    let mut bytes = a.bytes.borrow_mut();
    let reversed: Vec<u8> = bytes.chunks(size).rev().flatten().copied().collect();
    *bytes = reversed;
    Ok(Value::None)
}

fn byteswap(vm: &Vm, args: Args) -> PyResult {
    let a = this(vm, &args)?;
    let size = itemsize(a.code);
    for item in a.bytes.borrow_mut().chunks_mut(size) {
        item.reverse();
    }
    Ok(Value::None)
}

fn buffer_info(vm: &Vm, args: Args) -> PyResult {
    let a = this(vm, &args)?;
    let address = a.bytes.borrow().as_ptr() as usize as i64;
    Ok(Value::tuple(vec![
        Value::Int(address),
        Value::Int(a.len() as i64),
    ]))
}

fn frombytes(vm: &Vm, args: Args) -> PyResult {
    let a = this(vm, &args)?;
    let ([_, data], []) = FROMBYTES.bind(vm, args)?;
    let data = crate::stdlib::binascii::binary(vm, data)?;
    let data = from_bytes(vm, a.code, &data)?;
    a.resizable(vm)?.extend(data);
    Ok(Value::None)
}

fn tobytes(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::Bytes(Rc::new(
        this(vm, &args)?.bytes.borrow().clone(),
    )))
}

fn fromlist(vm: &Vm, args: Args) -> PyResult {
    let a = this(vm, &args)?;
    let ([_, list], []) = FROMLIST.bind(vm, args)?;
    let Value::List(items) = list.builtin_base() else {
        return Err(vm.type_error("arg must be list"));
    };
    let items = items.snapshot();
    let raw = encode_all(vm, a.code, &items)?;
    a.resizable(vm)?.extend(raw);
    Ok(Value::None)
}

fn tolist(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::list(this(vm, &args)?.items()))
}

fn fromunicode(vm: &Vm, args: Args) -> PyResult {
    let a = this(vm, &args)?;
    let ([_, text], []) = FROMUNICODE.bind(vm, args)?;
    let Value::Str(s) = text.builtin_base() else {
        return Err(vm.type_error(format!(
            "fromunicode() argument must be str, not {}",
            vm.type_name(text)
        )));
    };
    if a.code != b'u' {
        return Err(vm.value_error("fromunicode() may only be called on unicode type arrays"));
    }
    a.resizable(vm)?.extend(unicode_bytes(s.as_str()));
    Ok(Value::None)
}

fn tounicode(vm: &Vm, args: Args) -> PyResult {
    let a = this(vm, &args)?;
    if a.code != b'u' {
        return Err(vm.value_error("tounicode() may only be called on unicode type arrays"));
    }
    Ok(Value::string(unicode_text(a)))
}

fn copy(vm: &Vm, args: Args) -> PyResult {
    let a = this(vm, &args)?;
    Ok(Array::create(vm, a.code, a.bytes.borrow().clone()))
}

/// `__deepcopy__(memo)`: items are numbers, so a copy is a deep copy.
fn deepcopy(vm: &Vm, args: Args) -> PyResult {
    let a = this(vm, &args)?;
    DEEPCOPY.bind::<2, 0>(vm, args)?;
    Ok(Array::create(vm, a.code, a.bytes.borrow().clone()))
}
