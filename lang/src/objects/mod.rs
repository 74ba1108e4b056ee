//! The object model: [`Value`] and the heap objects it points to.
//!
//! `Value` is a 16-byte enum (two machine words): `None`, `Bool`, `Int` and `Float` are stored
//! inline (ints are unboxed until they overflow `i64`); everything else is an
//! `Rc` handle. Objects are single-threaded (`Rc`/`RefCell`), which is why the
//! runtime's executor is a `LocalExecutor`.
//!
//! Each built-in type has a [`Class`] (found with `Vm::class_of`) whose
//! namespace holds its methods as native functions, so `"a".upper()`,
//! `str.upper("a")` and `getattr("a", "upper")` all go through one lookup.

pub mod buffer;
pub mod bytes;
pub mod class;
pub mod complex;
pub mod dict;
pub mod function;
pub mod gc;
pub mod generator;
pub mod iter;
pub mod list;
pub mod native;
pub mod set;
pub mod signature;
pub mod str;
pub mod weakref;

use indexmap::IndexMap;
use num_bigint::BigInt;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::fmt;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::rc::Rc;

pub use class::{Attrs, Class, ExcData, Instance, Payload};
pub use dict::{DictKey, PyDict};
pub use function::{
    BoundMethod, Builtin, CallerNeeds, CellObj, Code, Function, NativeClosure, NativeFn, NativeRow,
};
pub use generator::{GenKind, GenState, Generator};
pub use iter::NativeIter;
pub use list::PyList;
pub use native::{Native, NativeBox, NativeRef, WeakNative};
pub use set::PySet;
pub use signature::{Signature, Style};
pub use str::PyStr;

use crate::vm::Vm;

/// The result of any operation that can raise a Python exception.
pub type PyResult<T = Value> = Result<T, PyErr>;

/// A raised exception: a handle to the exception instance.
///
/// It is one pointer wide so that `PyResult` stays cheap on the hot path.
#[derive(Clone)]
pub struct PyErr(pub Rc<Instance>);

impl PyErr {
    pub fn value(&self) -> Value {
        Value::Instance(self.0.clone())
    }

    pub fn class(&self) -> &Rc<Class> {
        &self.0.class
    }

    pub fn exc(&self) -> std::cell::RefMut<'_, ExcData> {
        self.0.exc_data()
    }
}

impl fmt::Debug for PyErr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PyErr({})", self.0.class.name)
    }
}

/// Objects defined by native modules (deque, Future, Task, locks, ...): they
/// carry their class and are downcast by their methods.
pub trait NativeObject: Any {
    fn class(&self) -> Rc<Class>;
    fn as_any(&self) -> &dyn Any;
    /// Visits every reference the object holds, for the cycle collector:
    /// each strong reference the object owns, once (see `objects::gc`),
    /// borrowed (`visit.value`, `visit.rc`, `visit.native`: no count
    /// changes, this is the collector's inner loop). A value the object
    /// holds but does not visit is never freed by the collector while the
    /// object lives (it counts as referenced from outside), so a cycle
    /// through it leaks.
    fn traverse(&self, _visit: &mut gc::Visitor<'_>) {}
    /// The object's length, for a container whose `__len__` is native:
    /// `len()` and truth tests (`while queue:`) take it without looking up
    /// and calling `__len__`.
    fn native_len(&self) -> Option<usize> {
        None
    }
    /// Drops the values held in the object's `RefCell`s when the collector
    /// frees it as part of a cycle; objects that hold values mutably
    /// implement it, so that a cycle through them can be broken.
    fn clear(&self) {}
    /// Whether the object owes the program something when the collector
    /// finds it in garbage (asyncio's reports on futures and tasks); the
    /// collector then calls [`NativeObject::finalize`] once, before it
    /// clears anything (PEP 442).
    fn needs_finalizing(&self) -> bool {
        false
    }
    fn finalize(&self, _vm: &Vm) {}
    /// Data attributes that are not methods of the class (`fut._state`, `prop.fget`).
    fn get_attr(&self, _vm: &Vm, _name: &str) -> Option<PyResult<Value>> {
        None
    }
    /// Attribute assignment; None means the object has no such settable attribute.
    fn set_attr(&self, _vm: &Vm, _name: &str, _value: Value) -> Option<PyResult<()>> {
        None
    }
    /// True for native iterators that `yield from`/`await` may resume directly through [`NativeObject::send`].
    fn is_resumable(&self) -> bool {
        false
    }
    /// Resumes a native iterator that is the delegate of a `yield from`/`await` (see `is_resumable`).
    fn send(&self, vm: &Vm, _value: Value) -> PyResult<crate::vm::interp::Resumed> {
        Err(vm.type_error("object is not an iterator"))
    }
    /// For native iterators (itertools, deque iterators): the next item, or
    /// None when exhausted, without a `__next__` method call. `None` here
    /// means the object is not such an iterator.
    fn next_item(&self, _vm: &Vm) -> Option<PyResult<Option<Value>>> {
        None
    }
    /// What a coroutine suspended on this object waits for, in a few words
    /// ("sleep(1), 0.4s left", "Lock", "task Task-3"). Task listings
    /// (`towel.format_tasks`, the REPL's `tasks()`) show it at the end of a
    /// task's await chain; objects without an answer are shown by their repr.
    fn waiting_for(&self, _vm: &Vm) -> Option<String> {
        None
    }
    /// When this object was created, for objects whose age a task listing
    /// shows (tasks); None when the object does not keep track.
    fn created_at(&self) -> Option<std::time::Instant> {
        None
    }
    /// The object's bytes, for exporters of the buffer protocol
    /// (`bytearray`, `array.array`); see `objects::buffer`.
    fn buffer(&self) -> Option<&dyn buffer::Buffer> {
        None
    }
}

/// A Python value.
#[derive(Default)]
pub enum Value {
    #[default]
    None,
    Bool(BoolWord),
    Int(i64),
    Float(FloatBits),
    BigInt(Rc<BigInt>),
    /// Boxed, so that `Value` stays two words wide.
    Complex(Rc<complex::Complex>),
    Str(Rc<PyStr>),
    Bytes(Rc<Vec<u8>>),
    List(Rc<PyList>),
    Tuple(Rc<Tuple>),
    Dict(Rc<PyDict>),
    Set(Rc<PySet>),
    /// Immutable set; same representation as `Set`.
    FrozenSet(Rc<PySet>),
    Range(Rc<Range>),
    Slice(Rc<Slice>),
    Function(Rc<Function>),
    Builtin(Rc<Builtin>),
    Closure(Rc<NativeClosure>),
    BoundMethod(Rc<BoundMethod>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    Generator(Rc<Generator>),
    Iter(Rc<NativeIter>),
    Module(Rc<Module>),
    Code(Rc<Code>),
    Cell(Rc<CellObj>),
    Native(NativeRef),
    NotImplemented,
    Ellipsis,
    /// An unbound fast local. Never visible to programs.
    Undef,
}

impl Clone for Value {
    /// Unboxed values copy inline, and so do instances and strings (the
    /// handles attribute loads clone most); the other handles take the
    /// out-of-line path. Built in registers, an inline clone also spares the
    /// caller reading back a value the out-of-line call wrote to memory.
    #[inline(always)]
    fn clone(&self) -> Value {
        match self {
            Value::Int(i) => Value::Int(*i),
            Value::None => Value::None,
            Value::Bool(b) => Value::Bool(*b),
            Value::Float(f) => Value::Float(*f),
            Value::Instance(r) => Value::Instance(Rc::clone(r)),
            Value::Str(r) => Value::Str(Rc::clone(r)),
            _ => self.clone_handle(),
        }
    }
}

impl Value {
    #[inline(never)]
    fn clone_handle(&self) -> Value {
        match self {
            Value::None => Value::None,
            Value::Bool(b) => Value::Bool(*b),
            Value::Int(i) => Value::Int(*i),
            Value::Float(f) => Value::Float(*f),
            Value::BigInt(r) => Value::BigInt(r.clone()),
            Value::Complex(r) => Value::Complex(r.clone()),
            Value::Str(r) => Value::Str(r.clone()),
            Value::Bytes(r) => Value::Bytes(r.clone()),
            Value::List(r) => Value::List(r.clone()),
            Value::Tuple(r) => Value::Tuple(r.clone()),
            Value::Dict(r) => Value::Dict(r.clone()),
            Value::Set(r) => Value::Set(r.clone()),
            Value::FrozenSet(r) => Value::FrozenSet(r.clone()),
            Value::Range(r) => Value::Range(r.clone()),
            Value::Slice(r) => Value::Slice(r.clone()),
            Value::Function(r) => Value::Function(r.clone()),
            Value::Builtin(r) => Value::Builtin(r.clone()),
            Value::Closure(r) => Value::Closure(r.clone()),
            Value::BoundMethod(r) => Value::BoundMethod(r.clone()),
            Value::Class(r) => Value::Class(r.clone()),
            Value::Instance(r) => Value::Instance(r.clone()),
            Value::Generator(r) => Value::Generator(r.clone()),
            Value::Iter(r) => Value::Iter(r.clone()),
            Value::Module(r) => Value::Module(r.clone()),
            Value::Code(r) => Value::Code(r.clone()),
            Value::Cell(r) => Value::Cell(r.clone()),
            Value::Native(r) => Value::Native(r.clone()),
            Value::NotImplemented => Value::NotImplemented,
            Value::Ellipsis => Value::Ellipsis,
            Value::Undef => Value::Undef,
        }
    }

    /// Drops a value, skipping the out-of-line drop glue for unboxed values
    /// (the hot loop's ints and bools).
    #[inline(always)]
    pub fn release(self) {
        match self {
            Value::Int(_) | Value::None | Value::Bool(_) | Value::Float(_) | Value::Undef => {
                std::mem::forget(self)
            }
            other => drop(other),
        }
    }
}

/// A `float` payload, stored as its bits.
///
/// Every payload of [`Value`] is one 64-bit integer or pointer: that makes
/// `Value` a pair of scalars to the compiler, passed and returned in two
/// registers. One `f64` (or `bool`) payload would make it an aggregate that
/// goes through memory on every move, where copies written piecewise and
/// read back whole stall the CPU.
///
/// It has no `PartialEq`: floats compare by value (`-0.0 == 0.0`, NaN is
/// unequal to itself), never by bits, so compare `get()`s.
#[derive(Clone, Copy)]
#[repr(transparent)]
pub struct FloatBits(u64);

impl FloatBits {
    #[inline(always)]
    pub fn get(self) -> f64 {
        f64::from_bits(self.0)
    }
}

impl From<f64> for FloatBits {
    #[inline(always)]
    fn from(f: f64) -> FloatBits {
        FloatBits(f.to_bits())
    }
}

/// A `bool` payload, one word wide for the reason given at [`FloatBits`].
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(transparent)]
pub struct BoolWord(u64);

impl BoolWord {
    pub const TRUE: BoolWord = BoolWord(1);
    pub const FALSE: BoolWord = BoolWord(0);

    #[inline(always)]
    pub fn get(self) -> bool {
        self.0 != 0
    }
}

impl From<bool> for BoolWord {
    #[inline(always)]
    fn from(b: bool) -> BoolWord {
        BoolWord(b as u64)
    }
}

/// A tuple's items (and the collector's head: see `objects::gc`).
#[repr(C)]
pub struct Tuple(pub Vec<Value>, pub(crate) gc::GcHead);

/// Items are released last first, as CPython does.
impl Drop for Tuple {
    fn drop(&mut self) {
        list::release_reversed(std::mem::take(&mut self.0));
    }
}

impl Tuple {
    /// Stops tracking the tuple if it holds nothing that can reference
    /// anything (CPython's `_PyTuple_MaybeUntrack`): tuples cannot change, so
    /// such a tuple can never be part of a cycle.
    pub fn untrack_if_atomic(&self) -> bool {
        if self.0.iter().any(Value::may_be_tracked) {
            return false;
        }
        self.1.untrack();
        true
    }
}

impl gc::Traced for Tuple {
    const KIND: gc::Kind = gc::Kind::Tuple;
    const HEAD_OFFSET: usize = std::mem::offset_of!(Tuple, 1);
    fn gc_head(&self) -> &gc::GcHead {
        &self.1
    }
    fn traverse(&self, visit: &mut gc::Visitor<'_>) {
        visit.values(self.0.iter().rev());
    }
    /// A tuple of atoms (a dict item, an `enumerate` pair, most call
    /// arguments) can never be in a cycle, so it is never linked: tracking
    /// it would only cost its allocation and its drop a list update each.
    fn tracked_when_made(&self) -> bool {
        self.0.iter().any(Value::may_be_tracked)
    }
}

/// `range(start, stop, step)`; step is never zero.
#[derive(Clone, Debug)]
pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl Range {
    pub fn len(&self) -> i64 {
        if self.step > 0 && self.start < self.stop {
            (self.stop - self.start - 1) / self.step + 1
        } else if self.step < 0 && self.start > self.stop {
            (self.start - self.stop - 1) / (-self.step) + 1
        } else {
            0
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, i: i64) -> i64 {
        self.start + i * self.step
    }
}

/// `slice(start, stop, step)`.
pub struct Slice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

/// A module: a name and a namespace (its `__dict__`).
#[repr(C)]
pub struct Module {
    /// First, next to the reference counts, so that a collection reads
    /// one cache line per object it only counts (`objects::gc`).
    pub(crate) gc: gc::GcHead,
    pub name: Rc<str>,
    pub ns: Namespace,
}

impl gc::Traced for Module {
    const KIND: gc::Kind = gc::Kind::Module;
    const HEAD_OFFSET: usize = std::mem::offset_of!(Module, gc);
    fn gc_head(&self) -> &gc::GcHead {
        &self.gc
    }
    fn traverse(&self, visit: &mut gc::Visitor<'_>) {
        visit.rc(&self.ns);
    }
}

impl Module {
    /// A module named `name` with namespace `ns`, tracked.
    pub fn new(name: &str, ns: Namespace) -> Rc<Module> {
        gc::new(Module {
            name: Rc::from(name),
            ns,
            gc: gc::GcHead::new(),
        })
    }

    /// The module global `name`.
    pub fn get(&self, name: &str) -> Option<Value> {
        self.ns.get_name(&Name::new(name))
    }

    /// Sets module global `name`.
    pub fn set(&self, name: &str, value: Value) {
        drop(self.ns.set_name(&Name::new(name), value));
    }
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::new(PyStr::new(s)))
    }

    pub fn string(s: String) -> Value {
        Value::Str(Rc::new(PyStr::from_string(s)))
    }

    pub fn bytes(data: Vec<u8>) -> Value {
        Value::Bytes(Rc::new(data))
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(gc::new(Tuple(items, gc::GcHead::new())))
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(gc::new(PyList::new(items)))
    }

    /// A dict value (tracked by the collector once it holds a container).
    pub fn dict(d: PyDict) -> Value {
        Value::Dict(gc::new(d))
    }

    pub fn set(s: PySet) -> Value {
        Value::Set(gc::new(s))
    }

    pub fn frozenset(s: PySet) -> Value {
        Value::FrozenSet(gc::new_frozenset(s))
    }

    /// An instance value, tracked by the collector.
    pub fn instance(inst: Instance) -> Value {
        Value::Instance(gc::new(inst))
    }

    #[inline(always)]
    pub fn from_bool(b: bool) -> Value {
        Value::Bool(b.into())
    }

    #[inline(always)]
    pub fn float(f: f64) -> Value {
        Value::Float(f.into())
    }

    pub fn native<T: NativeObject>(obj: T) -> Value {
        Value::Native(NativeRef::new(obj))
    }

    pub fn complex(re: f64, im: f64) -> Value {
        Value::Complex(Rc::new(complex::Complex::new(re, im)))
    }

    pub fn from_bigint(b: BigInt) -> Value {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(Rc::new(b)),
        }
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// Object identity, as `is` and `id()` see it.
    pub fn id(&self) -> usize {
        fn addr<T: ?Sized>(rc: &Rc<T>) -> usize {
            Rc::as_ptr(rc) as *const u8 as usize
        }
        match self {
            Value::None => 1,
            Value::Bool(b) => 2 + b.get() as usize,
            Value::NotImplemented => 4,
            Value::Ellipsis => 5,
            Value::Undef => 6,
            Value::Int(i) => (*i as usize).wrapping_mul(16).wrapping_add(8),
            Value::Float(f) => f.get().to_bits() as usize | 7,
            Value::BigInt(r) => addr(r),
            Value::Complex(r) => addr(r),
            Value::Str(r) => addr(r),
            Value::Bytes(r) => addr(r),
            Value::List(r) => addr(r),
            Value::Tuple(r) => addr(r),
            Value::Dict(r) => addr(r),
            Value::Set(r) | Value::FrozenSet(r) => addr(r),
            Value::Range(r) => addr(r),
            Value::Slice(r) => addr(r),
            Value::Function(r) => addr(r),
            Value::Builtin(r) => addr(r),
            Value::Closure(r) => addr(r),
            Value::BoundMethod(r) => addr(r),
            Value::Class(r) => addr(r),
            Value::Instance(r) => addr(r),
            Value::Generator(r) => addr(r),
            Value::Iter(r) => addr(r),
            Value::Module(r) => addr(r),
            // The compiled code object, so that `repr(code)` and dis listings show the same address.
            Value::Code(r) => addr(&r.co),
            Value::Cell(r) => addr(r),
            Value::Native(r) => r.addr(),
        }
    }

    /// `a is b`.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.get().to_bits() == b.get().to_bits(),
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::None, Value::None) => true,
            _ => {
                std::mem::discriminant(self) == std::mem::discriminant(other)
                    && self.id() == other.id()
            }
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s.as_str()),
            _ => None,
        }
    }

    /// The built-in value `self` stands for: itself, or the `dict`/`list`/`tuple`
    /// carried by an instance of a user subclass of one of those.
    pub fn builtin_base(&self) -> &Value {
        match self {
            Value::Instance(i) => match &i.payload {
                Payload::Builtin(v) => v,
                _ => self,
            },
            _ => self,
        }
    }

    pub fn downcast_native<T: 'static>(&self) -> Option<&T> {
        match self {
            Value::Native(n) => n.as_any().downcast_ref::<T>(),
            _ => None,
        }
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::None => write!(f, "None"),
            Value::Bool(b) => write!(f, "{}", b.get()),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{}", x.get()),
            Value::Str(s) => write!(f, "{:?}", s.as_str()),
            other => write!(f, "<value at {:#x}>", other.id()),
        }
    }
}

// ---------------------------------------------------------------------------
// Interned names

/// An interned string: equal names share one allocation, so name lookups
/// compare a pointer instead of the text.
///
/// A name is a `str` object, so namespaces that are Python dicts (module
/// globals, materialised instance dicts) use it as their key as it is, and
/// its hash is computed once, when it is first interned.
#[derive(Clone)]
pub struct Name(Rc<PyStr>);

/// The interner's key: a name's string, found by its text.
struct Interned(Rc<PyStr>);

impl std::borrow::Borrow<str> for Interned {
    fn borrow(&self) -> &str {
        self.0.as_str()
    }
}

impl PartialEq for Interned {
    fn eq(&self, other: &Interned) -> bool {
        self.0.as_str() == other.0.as_str()
    }
}

impl Eq for Interned {}

impl Hash for Interned {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.as_str().hash(state)
    }
}

thread_local! {
    static INTERNER: RefCell<HashSet<Interned>> = RefCell::new(HashSet::new());
}

impl Name {
    pub fn new(s: &str) -> Name {
        INTERNER.with(|set| {
            let mut set = set.borrow_mut();
            if let Some(existing) = set.get(s) {
                return Name(existing.0.clone());
            }
            let rc = Rc::new(PyStr::new(s));
            rc.hash();
            set.insert(Interned(rc.clone()));
            Name(rc)
        })
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// The name as a `str` object (the interned one itself).
    pub fn as_pystr(&self) -> &Rc<PyStr> {
        &self.0
    }

    /// The name as a Python `str` value, sharing the interned string.
    pub fn to_value(&self) -> Value {
        Value::Str(self.0.clone())
    }

    /// The Python hash of the name's text (cached in the string).
    #[inline]
    pub fn py_hash(&self) -> i64 {
        self.0.hash()
    }
}

impl PartialEq for Name {
    fn eq(&self, other: &Name) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Name {}

impl Hash for Name {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (Rc::as_ptr(&self.0) as *const u8 as usize).hash(state)
    }
}

impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.as_str())
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A hasher for keys that are already well-distributed numbers (pointers, Python hashes).
#[derive(Default)]
pub struct PassHasher(u64);

impl Hasher for PassHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        // Mix so that pointer alignment zeros do not cluster buckets.
        self.0 = n.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64)
    }
    fn write_i64(&mut self, n: i64) {
        self.write_u64(n as u64)
    }
}

pub type PassBuild = BuildHasherDefault<PassHasher>;

/// Attribute and namespace storage: interned names to values, in insertion order.
pub type AttrMap = IndexMap<Name, Value, PassBuild>;

/// A namespace that programs see as a dict (module globals, a class body
/// being executed, `exec`'s dicts): the dict itself, keyed by names (see
/// `PyDict::get_name`).
pub type Namespace = Rc<PyDict>;

pub fn new_namespace() -> Namespace {
    gc::new(PyDict::new())
}

// ---------------------------------------------------------------------------
// Call arguments

/// The error of [`Args::check`] for keywords, out of line so the check
/// inlines as two compares.
#[cold]
#[inline(never)]
fn no_keywords(vm: &Vm, name: &str) -> PyErr {
    vm.type_error(format!("{name}() takes no keyword arguments"))
}

/// The error of [`Args::check_pos`] for `n` positional arguments.
#[cold]
#[inline(never)]
fn wrong_count(vm: &Vm, name: &str, min: usize, max: usize, n: usize) -> PyErr {
    let msg = if min == max {
        match min {
            0 => format!("{name}() takes no arguments ({n} given)"),
            1 => format!("{name}() takes exactly one argument ({n} given)"),
            _ => format!("{name} expected {min} arguments, got {n}"),
        }
    } else if n < min {
        format!(
            "{name} expected at least {min} argument{}, got {n}",
            if min == 1 { "" } else { "s" }
        )
    } else {
        format!(
            "{name} expected at most {max} argument{}, got {n}",
            if max == 1 { "" } else { "s" }
        )
    };
    vm.type_error(msg)
}

/// Arguments of a call, borrowed from the caller's stack when possible.
///
/// Like CPython's vectorcall: positional values, then keyword values named by
/// `kwnames` (strings).
#[derive(Clone, Copy)]
pub struct Args<'a> {
    pub pos: &'a [Value],
    pub kwnames: &'a [Value],
    pub kwvalues: &'a [Value],
}

impl<'a> Args<'a> {
    pub fn new(pos: &'a [Value]) -> Args<'a> {
        Args {
            pos,
            kwnames: &[],
            kwvalues: &[],
        }
    }

    pub fn with_kw(pos: &'a [Value], kwnames: &'a [Value], kwvalues: &'a [Value]) -> Args<'a> {
        Args {
            pos,
            kwnames,
            kwvalues,
        }
    }

    pub fn len(&self) -> usize {
        self.pos.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pos.is_empty()
    }

    pub fn get(&self, i: usize) -> Option<&'a Value> {
        self.pos.get(i)
    }

    /// The keyword argument `name`, if given.
    pub fn kw(&self, name: &str) -> Option<&'a Value> {
        self.kwnames
            .iter()
            .position(|n| n.as_str() == Some(name))
            .map(|i| &self.kwvalues[i])
    }

    /// Positional argument `i`, else keyword `name`.
    pub fn arg_or_kw(&self, i: usize, name: &str) -> Option<&'a Value> {
        self.pos.get(i).or_else(|| self.kw(name))
    }

    pub fn has_kwargs(&self) -> bool {
        !self.kwnames.is_empty()
    }

    /// Drops the first positional argument (`self`).
    pub fn skip_first(&self) -> Args<'a> {
        Args {
            pos: self.pos.get(1..).unwrap_or(&[]),
            ..*self
        }
    }

    /// Raises TypeError unless there are between `min` and `max` positional arguments and no keywords.
    #[inline]
    pub fn check(&self, vm: &Vm, name: &str, min: usize, max: usize) -> PyResult<()> {
        if !self.kwnames.is_empty() {
            return Err(no_keywords(vm, name));
        }
        self.check_pos(vm, name, min, max)
    }

    /// Like `check`, but keywords are allowed (the caller reads them).
    #[inline]
    pub fn check_pos(&self, vm: &Vm, name: &str, min: usize, max: usize) -> PyResult<()> {
        let n = self.pos.len();
        if n < min || n > max {
            return Err(wrong_count(vm, name, min, max, n));
        }
        Ok(())
    }

    pub fn to_vec(&self) -> Vec<Value> {
        self.pos.to_vec()
    }
}

/// Small helper so `Cell<T>` fields read naturally.
pub fn cell<T: Copy>(v: T) -> Cell<T> {
    Cell::new(v)
}
