//! Code objects as the VM holds them, functions, native functions and methods.

use super::gc::{GcHead, Kind, Traced, Visitor};
use super::{Args, Name, Namespace, PyDict, PyResult, Signature, Value};
use crate::bytecode::CodeObject;
use crate::vm::Vm;
use std::cell::RefCell;
use std::rc::Rc;

/// A code object loaded into the VM: the compiler's [`CodeObject`] plus its
/// constants turned into values and its names interned, once, at load time.
pub struct Code {
    pub co: Rc<CodeObject>,
    pub consts: Vec<Value>,
    pub names: Vec<Name>,
    pub varnames: Vec<Name>,
    /// `cellvars ++ freevars`, interned.
    pub cell_names: Vec<Name>,
    /// Per global name (by `names` index): the cache of `LOAD_GLOBAL` (see
    /// `vm::inline_cache::GlobalSite`).
    pub global_sites: Vec<crate::vm::inline_cache::GlobalSite>,
    /// Per name (by `names` index): the inline cache of attribute
    /// instructions on instances (see `vm::inline_cache`).
    pub attr_sites: Vec<crate::vm::inline_cache::AttrSite>,
    /// True when calls can bind arguments by moving them straight into the
    /// first locals: no `*args`/`**kwargs`/keyword-only parameters and no
    /// parameter captured in a cell.
    pub simple_args: bool,
}

impl Code {
    pub fn name(&self) -> &str {
        &self.co.name
    }
}

/// A Python function: code plus everything bound at `def` time.
#[repr(C)]
pub struct Function {
    /// First, next to the reference counts, so that a collection reads
    /// one cache line per object it only counts (`objects::gc`).
    pub(crate) gc: GcHead,
    pub code: Rc<Code>,
    pub globals: Namespace,
    pub defaults: Vec<Value>,
    /// Keyword-only defaults by name.
    pub kwdefaults: Vec<(Name, Value)>,
    pub closure: Vec<Rc<CellObj>>,
    pub name: RefCell<Rc<str>>,
    pub qualname: RefCell<Rc<str>>,
    pub module: Rc<str>,
    pub doc: RefCell<Value>,
    pub annotations: RefCell<Value>,
    /// Attributes set on the function object (`f.calls = 0`, `__wrapped__`):
    /// its `__dict__`, made when first needed.
    pub dict: RefCell<Option<Rc<PyDict>>>,
    /// Code flags that decorators such as `types.coroutine` add after the fact.
    pub extra_flags: std::cell::Cell<u32>,
}

impl Traced for Function {
    const KIND: Kind = Kind::Function;
    const HEAD_OFFSET: usize = std::mem::offset_of!(Function, gc);
    fn gc_head(&self) -> &GcHead {
        &self.gc
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.rc(&self.globals);
        visit.values(&self.defaults);
        visit.values(self.kwdefaults.iter().map(|(_, v)| v));
        for cell in &self.closure {
            visit.rc(cell);
        }
        if let Ok(doc) = self.doc.try_borrow() {
            visit.value(&doc);
        }
        if let Ok(annotations) = self.annotations.try_borrow() {
            visit.value(&annotations);
        }
        if let Ok(Some(dict)) = self.dict.try_borrow().as_deref() {
            visit.rc(dict);
        }
    }
    fn clear(&self) {
        let taken = (
            self.doc
                .try_borrow_mut()
                .map(|mut d| std::mem::take(&mut *d)),
            self.annotations
                .try_borrow_mut()
                .map(|mut a| std::mem::take(&mut *a)),
            self.dict.try_borrow_mut().map(|mut d| d.take()),
        );
        drop(taken);
    }
}

impl Function {
    pub fn flags(&self) -> u32 {
        self.code.co.flags | self.extra_flags.get()
    }

    /// The attribute `name` set on the function, if any.
    pub fn get_attr(&self, name: &Name) -> Option<Value> {
        self.dict.borrow().as_ref()?.get_name(name)
    }

    pub fn set_attr(&self, name: &Name, value: Value) {
        let old = self.dict().set_name(name, value);
        drop(old);
    }

    pub fn del_attr(&self, name: &Name) -> Option<Value> {
        self.dict.borrow().as_ref()?.del_name(name)
    }

    /// The function's `__dict__`.
    pub fn dict(&self) -> Rc<PyDict> {
        self.dict
            .borrow_mut()
            .get_or_insert_with(|| crate::objects::gc::new(PyDict::new()))
            .clone()
    }
}

/// The signature of a native function: the VM and the call's arguments.
pub type NativeFn = fn(&Vm, Args<'_>) -> PyResult<Value>;

/// A native function or method (`len`, `str.upper`, ...).
#[repr(C)]
pub struct Builtin {
    /// First, next to the reference counts, so that a collection reads
    /// one cache line per object it only counts (`objects::gc`).
    pub(crate) gc: GcHead,
    pub name: &'static str,
    pub func: NativeFn,
    /// For methods: the qualified owner name used in messages (`str`), if any.
    pub owner: Option<&'static str>,
    /// Module functions and bound natives: the value passed as the first argument.
    pub bound: Option<Value>,
    /// What the native needs from the frame that calls it.
    pub caller: CallerNeeds,
    /// The declared parameters, for `__text_signature__` and `help()`
    /// (natives not yet converted to [`Signature`] have none).
    pub sig: Option<&'static Signature>,
}

/// One row of a table of natives: the name and the function, plus the
/// declared signature for natives that have one (the name is then the
/// signature's, so it is written once).
pub trait NativeRow {
    fn name(&self) -> &'static str;
    fn func(&self) -> NativeFn;
    fn sig(&self) -> Option<&'static Signature>;
}

impl NativeRow for (&'static str, NativeFn) {
    fn name(&self) -> &'static str {
        self.0
    }
    fn func(&self) -> NativeFn {
        self.1
    }
    fn sig(&self) -> Option<&'static Signature> {
        None
    }
}

impl NativeRow for (&'static Signature, NativeFn) {
    fn name(&self) -> &'static str {
        self.0.name()
    }
    fn func(&self) -> NativeFn {
        self.1
    }
    fn sig(&self) -> Option<&'static Signature> {
        Some(self.0)
    }
}

/// Bound natives are tracked (the object they are bound to may reference them).
impl Builtin {
    /// Whether, found on a class, it binds to the instance: a type's method
    /// does (CPython's method descriptors), a module function or an
    /// already bound native does not (`class C: f = len` calls `len(x)`,
    /// not `len(self, x)`).
    pub fn binds_to_instance(&self) -> bool {
        self.owner.is_some() && self.bound.is_none()
    }
}

impl Traced for Builtin {
    const KIND: Kind = Kind::Builtin;
    const HEAD_OFFSET: usize = std::mem::offset_of!(Builtin, gc);
    fn gc_head(&self) -> &GcHead {
        &self.gc
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        if let Some(b) = &self.bound {
            visit.value(b);
        }
    }
    fn tracked_when_made(&self) -> bool {
        self.bound.as_ref().is_some_and(Value::may_be_tracked)
    }
}

/// What a native needs from the frame that calls it; the dispatch loop
/// provides it at the call (natives do not see frames otherwise).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CallerNeeds {
    #[default]
    Nothing,
    /// Called with no arguments, it answers about the calling frame:
    /// `super()`, `locals()`, `globals()`, `vars()`, `dir()`.
    FrameWhenNoArgs,
    /// The caller's code and line are recorded in `Vm::call_site` before the
    /// call (`warnings.warn` attributes the warning to them).
    CallSite,
    /// Called without a globals dict, it runs code in the caller's globals
    /// and locals, which are recorded in `Vm::caller_namespaces` before the
    /// call (`exec`, `eval`).
    Namespaces,
}

/// A native function with captured state.
///
/// What the closure captures is invisible to the cycle collector (it counts
/// as referenced from outside, so it is never freed early, but a cycle
/// through a closure is never found): state that can reference the objects
/// that hold the closure belongs in a `NativeObject` with a `traverse`.
pub struct NativeClosure {
    pub name: String,
    pub func: Box<ClosureFn>,
}

/// The body of a [`NativeClosure`].
pub type ClosureFn = dyn Fn(&Vm, Args<'_>) -> PyResult<Value>;

/// A function bound to an object (`obj.method` evaluated without calling it).
#[repr(C)]
pub struct BoundMethod {
    /// First, next to the reference counts, so that a collection reads
    /// one cache line per object it only counts (`objects::gc`).
    pub(crate) gc: GcHead,
    pub func: Value,
    pub receiver: Value,
}

impl Traced for BoundMethod {
    const KIND: Kind = Kind::BoundMethod;
    const HEAD_OFFSET: usize = std::mem::offset_of!(BoundMethod, gc);
    fn gc_head(&self) -> &GcHead {
        &self.gc
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.value(&self.func);
        visit.value(&self.receiver);
    }
}

impl BoundMethod {
    /// `func` bound to `receiver`, as a value.
    #[inline]
    pub fn value(func: Value, receiver: Value) -> Value {
        Value::BoundMethod(super::gc::new(BoundMethod {
            func,
            receiver,
            gc: GcHead::new(),
        }))
    }
}

/// A cell holding a variable shared between a function and its closures.
#[derive(Default)]
#[repr(C)]
pub struct CellObj {
    /// First, next to the reference counts, so that a collection reads
    /// one cache line per object it only counts (`objects::gc`).
    pub(crate) gc: GcHead,
    pub value: RefCell<Value>,
}

impl Traced for CellObj {
    const KIND: Kind = Kind::Cell;
    const HEAD_OFFSET: usize = std::mem::offset_of!(CellObj, gc);
    fn gc_head(&self) -> &GcHead {
        &self.gc
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        if let Ok(v) = self.value.try_borrow() {
            visit.value(&v);
        }
    }
    fn clear(&self) {
        let old = self
            .value
            .try_borrow_mut()
            .map(|mut v| std::mem::take(&mut *v));
        drop(old);
    }
}

impl CellObj {
    pub fn new(value: Value) -> Rc<CellObj> {
        super::gc::new(CellObj {
            value: RefCell::new(value),
            gc: GcHead::new(),
        })
    }

    pub fn get(&self) -> Value {
        self.value.borrow().clone()
    }

    pub fn set(&self, v: Value) {
        *self.value.borrow_mut() = v;
    }
}
