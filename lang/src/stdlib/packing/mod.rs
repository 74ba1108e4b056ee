//! `_struct`, the native half of `struct`: packing values into bytes and
//! back by format strings (`format.rs`), the `Struct` class, the module
//! functions over a cache of parsed formats, and `struct.error`. `struct.py`
//! re-exports it, as CPython's `struct` re-exports its `_struct`.

pub(crate) mod format;

use crate::objects::buffer;
use crate::objects::class::Layout as ClassLayout;
use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Class, Module, NativeFn, NativeObject, PyResult, Value};
use crate::vm::types::{add_declared_methods, add_methods, new_class};
use crate::vm::Vm;
use format::{error, Layout};
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

const FUNCTIONS: &[(&Signature, NativeFn)] = &[
    (&PACK, pack),
    (&PACK_INTO, pack_into),
    (&UNPACK, unpack),
    (&UNPACK_FROM, unpack_from),
    (&ITER_UNPACK, iter_unpack),
    (&CALCSIZE, calcsize),
    (&CLEARCACHE, clearcache),
];

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with_declared(vm, "_struct", FUNCTIONS);
    super::set(&m, "error", Value::Class(error_class(vm)));
    super::set(&m, "Struct", Value::Class(struct_class(vm)));
    Ok(m)
}

pub(crate) fn error_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("struct.error", |vm| {
        new_class(
            "error",
            std::slice::from_ref(&vm.exc.exception),
            ClassLayout::Exception,
            "struct",
        )
    })
}

// -- the cache of parsed formats ------------------------------------------------------

/// As CPython's `_MAXCACHE`: the cache is emptied when it would grow past it.
const MAX_CACHE: usize = 100;

thread_local! {
    static CACHE: RefCell<HashMap<Vec<u8>, Rc<Layout>>> = RefCell::new(HashMap::new());
}

/// The text of a format argument (`str` or `bytes`), CPython's TypeError otherwise.
fn format_text(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    let text = match v.builtin_base() {
        Value::Str(s) => s.as_str().as_bytes().to_vec(),
        Value::Bytes(b) => b.to_vec(),
        other => {
            return Err(vm.type_error(format!(
                "Struct() argument 1 must be a str or bytes object, not {}",
                vm.type_name(other)
            )))
        }
    };
    if text.contains(&0) {
        return Err(error(vm, "embedded null character"));
    }
    Ok(text)
}

/// The parsed layout of a format argument, from the cache when it is there.
fn cached(vm: &Vm, format: &Value) -> PyResult<Rc<Layout>> {
    let text = format_text(vm, format)?;
    if let Some(layout) = CACHE.with(|c| c.borrow().get(&text).cloned()) {
        return Ok(layout);
    }
    let layout = Rc::new(format::parse(vm, &text)?);
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= MAX_CACHE {
            c.clear();
        }
        c.insert(text, layout.clone());
    });
    Ok(layout)
}

static CLEARCACHE: Signature =
    Signature::new(Style::Exact, "_clearcache", "").doc("Forget the compiled formats.");

fn clearcache(vm: &Vm, args: Args) -> PyResult {
    CLEARCACHE.bind::<0, 0>(vm, args)?;
    CACHE.with(|c| c.borrow_mut().clear());
    Ok(Value::None)
}

// -- the operations, shared by the functions and the methods ---------------------------

fn do_pack(vm: &Vm, layout: &Layout, values: &[Value]) -> PyResult {
    if values.len() != layout.nvalues {
        return Err(error(
            vm,
            format!(
                "pack expected {} items for packing (got {})",
                layout.nvalues,
                values.len()
            ),
        ));
    }
    let mut out = vm.try_vec(layout.size)?;
    out.resize(layout.size, 0);
    layout.pack(vm, values, &mut out)?;
    Ok(Value::Bytes(Rc::new(out)))
}

fn binary<'a>(vm: &Vm, v: &'a Value) -> PyResult<std::borrow::Cow<'a, [u8]>> {
    buffer::contents(v).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

fn do_unpack(vm: &Vm, layout: &Layout, data: &Value) -> PyResult {
    let data = binary(vm, data)?;
    if data.len() != layout.size {
        return Err(error(
            vm,
            format!("unpack requires a buffer of {} bytes", layout.size),
        ));
    }
    Ok(Value::tuple(layout.unpack(&data)))
}

/// Where `offset` lands in a buffer of `len` bytes for `size` bytes of data,
/// with CPython's messages (`what` is "unpack"/"pack" in them).
fn place(vm: &Vm, size: usize, offset: i64, len: usize, unpacking: bool) -> PyResult<usize> {
    let (size_i, len_i) = (size as i64, len as i64);
    let mut offset = offset;
    if offset < 0 {
        if offset + size_i > 0 {
            return Err(error(
                vm,
                if unpacking {
                    format!("not enough data to unpack {size} bytes at offset {offset}")
                } else {
                    format!("no space to pack {size} bytes at offset {offset}")
                },
            ));
        }
        if offset + len_i < 0 {
            return Err(error(
                vm,
                format!("offset {offset} out of range for {len}-byte buffer"),
            ));
        }
        offset += len_i;
    }
    if len_i - offset < size_i {
        let (name, verb) = if unpacking {
            ("unpack_from", "unpacking")
        } else {
            ("pack_into", "packing")
        };
        return Err(error(
            vm,
            format!(
                "{name} requires a buffer of at least {} bytes for {verb} {size} bytes at offset {offset} (actual buffer size is {len})",
                size as i128 + offset as i128
            ),
        ));
    }
    Ok(offset as usize)
}

fn do_unpack_from(vm: &Vm, layout: &Layout, data: &Value, offset: Option<&Value>) -> PyResult {
    let data = binary(vm, data)?;
    let offset = offset.map_or(Ok(0), |v| vm.to_index(v))?;
    let at = place(vm, layout.size, offset, data.len(), true)?;
    Ok(Value::tuple(layout.unpack(&data[at..at + layout.size])))
}

/// `pack_into(buffer, offset, *values)`, the arguments after the format.
fn do_pack_into(vm: &Vm, layout: &Layout, args: &[Value]) -> PyResult {
    let (target, offset, values) = match args {
        [] => return Err(error(vm, "pack_into expected buffer argument")),
        [_] => return Err(error(vm, "pack_into expected offset argument")),
        [target, offset, values @ ..] => (target, offset, values),
    };
    if values.len() != layout.nvalues {
        return Err(error(
            vm,
            format!(
                "pack_into expected {} items for packing (got {})",
                layout.nvalues,
                values.len()
            ),
        ));
    }
    let Some(len) = buffer::with_writable(target, |b| b.len()) else {
        return Err(vm.type_error(format!(
            "argument must be read-write bytes-like object, not {}",
            vm.type_name(target)
        )));
    };
    let offset = vm.to_index(offset)?;
    let at = place(vm, layout.size, offset, len, false)?;
    // Packed apart first: converting the values may run Python code.
    let mut packed = vec![0u8; layout.size];
    layout.pack(vm, values, &mut packed)?;
    buffer::with_writable(target, |b| {
        if let Some(dest) = b.get_mut(at..at + packed.len()) {
            dest.copy_from_slice(&packed);
        }
    });
    Ok(Value::None)
}

fn do_iter_unpack(vm: &Vm, layout: Rc<Layout>, data: &Value) -> PyResult {
    let bytes = binary(vm, data)?.into_owned();
    if layout.size == 0 {
        return Err(error(
            vm,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    if !bytes.len().is_multiple_of(layout.size) {
        return Err(error(
            vm,
            format!(
                "iterative unpacking requires a buffer of a multiple of {} bytes",
                layout.size
            ),
        ));
    }
    Ok(Value::native(UnpackIterator {
        class: unpack_iterator_class(vm),
        layout,
        bytes,
        next: Cell::new(0),
    }))
}

// -- module functions -----------------------------------------------------------------

static PACK: Signature =
    Signature::undocumented(Style::Positional, "_struct.pack", "format, /, *values")
        .doc("Return the values packed into bytes as the format describes.");
static PACK_INTO: Signature = Signature::undocumented(
    Style::Positional,
    "_struct.pack_into",
    "format, buffer, offset, /, *values",
)
.doc("Pack the values into the writable buffer at offset, as the format describes.");
static UNPACK: Signature = Signature::new(Style::Positional, "_struct.unpack", "format, buffer, /")
    .doc("Return the tuple of values the bytes in buffer hold, as the format describes.");
static UNPACK_FROM: Signature =
    Signature::new(Style::Clinic, "unpack_from", "format, /, buffer, offset=0").doc(
        "Return the tuple of values the buffer holds from offset on, as the format describes.",
    );
static ITER_UNPACK: Signature = Signature::new(
    Style::Positional,
    "_struct.iter_unpack",
    "format, buffer, /",
)
.doc("Return an iterator of tuples unpacked from consecutive chunks of buffer.");
static CALCSIZE: Signature = Signature::new(Style::Exact, "_struct.calcsize", "format, /")
    .doc("Return how many bytes the format packs into.");

fn pack(vm: &Vm, args: Args) -> PyResult {
    if args.has_kwargs() {
        return Err(vm.type_error("pack() takes no keyword arguments"));
    }
    let Some((format, values)) = args.pos.split_first() else {
        return Err(vm.type_error("missing format argument"));
    };
    do_pack(vm, &*cached(vm, format)?, values)
}

fn pack_into(vm: &Vm, args: Args) -> PyResult {
    if args.has_kwargs() {
        return Err(vm.type_error("pack_into() takes no keyword arguments"));
    }
    let Some((format, rest)) = args.pos.split_first() else {
        return Err(vm.type_error("missing format argument"));
    };
    do_pack_into(vm, &*cached(vm, format)?, rest)
}

fn unpack(vm: &Vm, args: Args) -> PyResult {
    let ([format, data], []) = UNPACK.bind(vm, args)?;
    do_unpack(vm, &*cached(vm, format)?, data)
}

fn unpack_from(vm: &Vm, args: Args) -> PyResult {
    let ([format, data], [offset]) = UNPACK_FROM.bind(vm, args)?;
    do_unpack_from(vm, &*cached(vm, format)?, data, offset)
}

fn iter_unpack(vm: &Vm, args: Args) -> PyResult {
    let ([format, data], []) = ITER_UNPACK.bind(vm, args)?;
    do_iter_unpack(vm, cached(vm, format)?, data)
}

fn calcsize(vm: &Vm, args: Args) -> PyResult {
    let ([format], []) = CALCSIZE.bind(vm, args)?;
    Ok(Value::Int(cached(vm, format)?.size as i64))
}

// -- Struct ---------------------------------------------------------------------------

/// A compiled format: `struct.Struct(format)`.
struct Struct {
    class: Rc<Class>,
    /// The format as given (`str` or `bytes`), shown as a `str` by `.format`.
    format: Value,
    layout: Rc<Layout>,
}

impl NativeObject for Struct {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn get_attr(&self, _vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        match name {
            "size" => Some(Ok(Value::Int(self.layout.size as i64))),
            "format" => Some(Ok(match &self.format {
                Value::Bytes(b) => Value::string(String::from_utf8_lossy(b).into_owned()),
                other => other.clone(),
            })),
            _ => None,
        }
    }
}

static STRUCT_NEW: Signature = Signature::new(Style::Clinic, "Struct", "$type, format")
    .doc("Return a compiled format, faster to use repeatedly.");
static S_PACK: Signature =
    Signature::undocumented(Style::Positional, "Struct.pack", "$self, /, *values")
        .doc("Return the values packed into bytes.");
static S_PACK_INTO: Signature = Signature::undocumented(
    Style::Positional,
    "Struct.pack_into",
    "$self, buffer, offset, /, *values",
)
.doc("Pack the values into the writable buffer at offset.");
static S_UNPACK: Signature = Signature::new(Style::Exact, "Struct.unpack", "$self, buffer, /")
    .doc("Return the tuple of values the bytes in buffer hold.");
static S_UNPACK_FROM: Signature =
    Signature::new(Style::Clinic, "unpack_from", "$self, /, buffer, offset=0")
        .doc("Return the tuple of values the buffer holds from offset on.");
static S_ITER_UNPACK: Signature =
    Signature::new(Style::Exact, "Struct.iter_unpack", "$self, buffer, /")
        .doc("Return an iterator of tuples unpacked from consecutive chunks of buffer.");

fn struct_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("_struct.Struct", |vm| {
        let c = new_class(
            "Struct",
            std::slice::from_ref(&vm.types.object),
            ClassLayout::Builtin,
            "_struct",
        );
        add_declared_methods(
            &c,
            "Struct",
            &[
                (&S_PACK, s_pack),
                (&S_PACK_INTO, s_pack_into),
                (&S_UNPACK, s_unpack),
                (&S_UNPACK_FROM, s_unpack_from),
                (&S_ITER_UNPACK, s_iter_unpack),
            ],
        );
        // `__new__` is named for the class in messages, so it is registered by name.
        add_methods(&c, "Struct", &[("__new__", struct_new)]);
        c
    })
}

fn struct_new(vm: &Vm, args: Args) -> PyResult {
    let ([_cls, format], []) = STRUCT_NEW.bind(vm, args)?;
    let layout = cached(vm, format)?;
    Ok(Value::native(Struct {
        class: struct_class(vm),
        format: format.builtin_base().clone(),
        layout,
    }))
}

fn this<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a Struct> {
    args.get(0)
        .and_then(|v| v.downcast_native::<Struct>())
        .ok_or_else(|| vm.type_error("descriptor requires a '_struct.Struct' object"))
}

fn s_pack(vm: &Vm, args: Args) -> PyResult {
    if args.has_kwargs() {
        return Err(vm.type_error("Struct.pack() takes no keyword arguments"));
    }
    do_pack(vm, &this(vm, &args)?.layout, &args.pos[1..])
}

fn s_pack_into(vm: &Vm, args: Args) -> PyResult {
    if args.has_kwargs() {
        return Err(vm.type_error("Struct.pack_into() takes no keyword arguments"));
    }
    do_pack_into(vm, &this(vm, &args)?.layout, &args.pos[1..])
}

fn s_unpack(vm: &Vm, args: Args) -> PyResult {
    let s = this(vm, &args)?;
    let ([_, data], []) = S_UNPACK.bind(vm, args)?;
    do_unpack(vm, &s.layout, data)
}

fn s_unpack_from(vm: &Vm, args: Args) -> PyResult {
    let s = this(vm, &args)?;
    let ([_, data], [offset]) = S_UNPACK_FROM.bind(vm, args)?;
    do_unpack_from(vm, &s.layout, data, offset)
}

fn s_iter_unpack(vm: &Vm, args: Args) -> PyResult {
    let s = this(vm, &args)?;
    let ([_, data], []) = S_ITER_UNPACK.bind(vm, args)?;
    do_iter_unpack(vm, s.layout.clone(), data)
}

// -- iter_unpack's iterator -----------------------------------------------------------

/// `_struct.unpack_iterator`: the tuples of a copy of the buffer, one struct at a time.
struct UnpackIterator {
    class: Rc<Class>,
    layout: Rc<Layout>,
    bytes: Vec<u8>,
    /// Offset of the next struct.
    next: Cell<usize>,
}

impl NativeObject for UnpackIterator {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn next_item(&self, _vm: &Vm) -> Option<PyResult<Option<Value>>> {
        Some(Ok(self.advance()))
    }
}

impl UnpackIterator {
    fn advance(&self) -> Option<Value> {
        let at = self.next.get();
        let data = self.bytes.get(at..at + self.layout.size)?;
        self.next.set(at + self.layout.size);
        Some(Value::tuple(self.layout.unpack(data)))
    }
}

static IT_NEXT: Signature = Signature::new(Style::Exact, "unpack_iterator.__next__", "$self, /")
    .doc("Return the next unpacked tuple.");
static IT_ITER: Signature = Signature::new(Style::Exact, "unpack_iterator.__iter__", "$self, /")
    .doc("Return the iterator itself.");
static IT_HINT: Signature =
    Signature::new(Style::Exact, "unpack_iterator.__length_hint__", "$self, /")
        .doc("Return how many tuples are left.");

fn unpack_iterator_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("_struct.unpack_iterator", |vm| {
        let c = new_class(
            "unpack_iterator",
            std::slice::from_ref(&vm.types.object),
            ClassLayout::Builtin,
            "_struct",
        );
        add_declared_methods(
            &c,
            "unpack_iterator",
            &[
                (&IT_NEXT, it_next),
                (&IT_ITER, it_iter),
                (&IT_HINT, it_length_hint),
            ],
        );
        c
    })
}

fn iterator<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a UnpackIterator> {
    args.get(0)
        .and_then(|v| v.downcast_native::<UnpackIterator>())
        .ok_or_else(|| vm.type_error("descriptor requires a '_struct.unpack_iterator' object"))
}

fn it_next(vm: &Vm, args: Args) -> PyResult {
    match iterator(vm, &args)?.advance() {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::None)),
    }
}

fn it_iter(vm: &Vm, args: Args) -> PyResult {
    iterator(vm, &args)?;
    Ok(args.pos[0].clone())
}

fn it_length_hint(vm: &Vm, args: Args) -> PyResult {
    let it = iterator(vm, &args)?;
    let left = (it.bytes.len() - it.next.get().min(it.bytes.len())) / it.layout.size;
    Ok(Value::Int(left as i64))
}
