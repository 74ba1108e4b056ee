//! Classes and instances, including exceptions.
//!
//! Built-in types and user classes are both [`Class`]: a name, bases, the
//! method resolution order and a namespace. What an instance of a class
//! physically is (a plain object, an exception, a built-in value) is decided
//! by the built-in base it derives from, recorded as [`Layout`].

use super::gc::{GcHead, Kind, Traced, Visitor};
use super::{AttrMap, Name, PassBuild, PyDict, Value};
use std::cell::{Cell, Ref, RefCell, RefMut};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Bumped whenever any class namespace changes. Lookup caches remember the
/// epoch they were filled in, so one counter invalidates every cache,
/// including those of subclasses whose base changed.
static CLASS_EPOCH: AtomicU64 = AtomicU64::new(1);

/// The current class epoch (see [`CLASS_EPOCH`]), for caches keyed on it.
#[inline]
pub fn class_epoch() -> u64 {
    CLASS_EPOCH.load(Ordering::Relaxed)
}

/// Per-class memo of MRO lookups: (epoch, name -> result).
pub type LookupCache = RefCell<(u64, HashMap<Name, Option<Value>, PassBuild>)>;

pub fn new_lookup_cache() -> LookupCache {
    RefCell::new((0, HashMap::default()))
}

/// What kind of object instances of a class are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// A plain `Instance` with a `__dict__`.
    Object,
    /// An `Instance` with exception data.
    Exception,
    /// A built-in type whose values are not `Instance`s (int, str, list, ...).
    Builtin,
}

#[repr(C)]
pub struct Class {
    /// First, next to the reference counts, so that a collection reads
    /// one cache line per object it only counts (`objects::gc`).
    pub(crate) gc: GcHead,
    pub name: Rc<str>,
    pub qualname: RefCell<Rc<str>>,
    pub module: RefCell<Rc<str>>,
    pub bases: Vec<Rc<Class>>,
    /// Method resolution order, without the class itself (it comes first).
    pub mro: Vec<Rc<Class>>,
    /// The class namespace. Read it freely; change it only through
    /// [`Class::dict_mut`], which invalidates the lookup caches.
    pub dict: RefCell<AttrMap>,
    pub lookup_cache: LookupCache,
    pub layout: Layout,
    /// Built-in types cannot be subclassed unless this is set (like CPython's Py_TPFLAGS_BASETYPE).
    pub subclassable: bool,
    /// True once a class (or a base) defines `__getattr__` or `__getattribute__`:
    /// only then does attribute access look for either (`Vm::get_attr_opt`).
    pub has_getattr: Cell<bool>,
    /// The class's metaclass when it is not `type` (a user subclass of `type`).
    pub metaclass: RefCell<Option<Rc<Class>>>,
    /// Direct subclasses, for `__subclasses__()` (weak: a class does not keep its subclasses alive).
    pub subclasses: RefCell<Vec<std::rc::Weak<Class>>>,
    /// What calling the class takes, with the epoch it was worked out in
    /// (see `Vm::call_plan`).
    pub call_plan: RefCell<(u64, CallPlan)>,
    /// The attribute names its instances store inline (see [`SharedKeys`]).
    pub keys: SharedKeys,
    /// What its instances carry, as `__slots__` decides (see [`Shape`]).
    pub shape: Shape,
    /// Whether instances have a `__del__`, as `epoch << 1 | answer` (see
    /// [`Class::has_del`]).
    pub del_cache: Cell<u64>,
}

impl Traced for Class {
    const KIND: Kind = Kind::Class;
    const HEAD_OFFSET: usize = std::mem::offset_of!(Class, gc);
    fn gc_head(&self) -> &GcHead {
        &self.gc
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        if let Ok(dict) = self.dict.try_borrow() {
            visit.values(dict.values());
        }
        for c in self.bases.iter().chain(&self.mro) {
            visit.rc(c);
        }
        if let Ok(cache) = self.lookup_cache.try_borrow() {
            visit.values(cache.1.values().flatten());
        }
        if let Ok(Some(meta)) = self.metaclass.try_borrow().as_deref() {
            visit.rc(meta);
        }
        if let Ok(plan) = self.call_plan.try_borrow() {
            if let CallPlan::Init(f) = &plan.1 {
                visit.rc(f);
            }
        }
    }
    fn clear(&self) {
        let taken = (
            self.dict
                .try_borrow_mut()
                .map(|mut d| std::mem::take(&mut *d)),
            self.lookup_cache
                .try_borrow_mut()
                .map(|mut c| std::mem::take(&mut c.1)),
            self.metaclass.try_borrow_mut().map(|mut m| m.take()),
            self.call_plan
                .try_borrow_mut()
                .map(|mut p| std::mem::take(&mut p.1)),
        );
        drop(taken);
    }
}

/// What the instances of a class carry besides their base layout, as the
/// `__slots__` of the classes in its MRO decide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape {
    /// How many slot values each instance carries (its class's own slots
    /// and its bases'): the first values of its attribute storage, read
    /// and written by the member descriptors of `builtins/member.rs`.
    pub slots: u32,
    /// Whether instances have a `__dict__` (false when every class of the
    /// MRO but `object` declares `__slots__` without `'__dict__'`).
    pub dict: bool,
    /// Whether instances can be weakly referenced (as `dict`, for
    /// `'__weakref__'`).
    pub weakref: bool,
}

impl Shape {
    /// Instances with a `__dict__`, no slots and weak references: a class
    /// without `__slots__`.
    pub const OPEN: Shape = Shape {
        slots: 0,
        dict: true,
        weakref: true,
    };
    /// Instances with neither: `object()` and the built-in values.
    pub const CLOSED: Shape = Shape {
        slots: 0,
        dict: false,
        weakref: false,
    };
}

/// The attribute names that instances of one class store inline, in the
/// order they were first set (CPython's shared keys, V8's hidden classes).
///
/// An instance keeps one value per key index instead of a dict of its own,
/// so `self.x` is an index once an inline cache knows `x`'s index. The list
/// only grows, so a name's index never changes; it is capped at
/// [`MAX_SHARED_KEYS`], past which instances fall back to a dict. Indices
/// start after the class's slots (`reserved`), whose values come first in
/// an instance's storage: a name's index is its position in the storage.
#[derive(Default)]
pub struct SharedKeys {
    names: RefCell<Vec<Name>>,
    /// `reserved + names.len()`, readable without a borrow (inline caches
    /// check it).
    len: Cell<u32>,
    /// The class's slot count ([`Shape::slots`]): the first key's index.
    reserved: u32,
}

/// How many names a class shares among its instances (as CPython's 30).
pub const MAX_SHARED_KEYS: usize = 30;

impl SharedKeys {
    /// Keys whose indices start after `slots` slot values.
    pub fn after_slots(slots: u32) -> SharedKeys {
        SharedKeys {
            names: RefCell::default(),
            len: Cell::new(slots),
            reserved: slots,
        }
    }

    /// The length of an instance's storage holding every key: the slots
    /// and the shared names.
    #[inline]
    pub fn len(&self) -> u32 {
        self.len.get()
    }

    pub fn is_empty(&self) -> bool {
        self.len.get() == 0
    }

    /// The index of `name`, if instances share it.
    #[inline]
    pub fn index_of(&self, name: &Name) -> Option<usize> {
        let at = self.names.borrow().iter().position(|n| n == name)?;
        Some(self.reserved as usize + at)
    }

    /// The index of `name`, adding it at the end when it is new and there is room.
    fn index_or_add(&self, name: &Name) -> Option<usize> {
        if let Some(i) = self.index_of(name) {
            return Some(i);
        }
        let mut names = self.names.borrow_mut();
        if names.len() >= MAX_SHARED_KEYS {
            return None;
        }
        names.push(name.clone());
        self.len.set(self.reserved + names.len() as u32);
        Some(self.len.get() as usize - 1)
    }

    /// The name whose value is at index `i` (not a slot's index).
    pub fn name_at(&self, i: usize) -> Name {
        self.names.borrow()[i - self.reserved as usize].clone()
    }
}

/// What `Cls(args)` takes, as far as the dispatch loop's fast paths care.
#[derive(Clone, Default)]
pub enum CallPlan {
    /// Anything but the cases below: `Vm::instantiate` decides.
    #[default]
    General,
    /// `object.__new__`, then this Python `__init__`.
    Init(Rc<super::Function>),
    /// `object.__new__` and `object.__init__`: a plain instance, and no
    /// arguments allowed.
    Bare,
}

impl Class {
    /// Looks a name up along the MRO: the class itself, then its ancestors.
    /// Results (including misses) are memoised until some class changes.
    #[inline]
    pub fn lookup(&self, name: &Name) -> Option<Value> {
        let epoch = CLASS_EPOCH.load(Ordering::Relaxed);
        {
            let cache = self.lookup_cache.borrow();
            if cache.0 == epoch {
                if let Some(v) = cache.1.get(name) {
                    return v.clone();
                }
            }
        }
        let found = self.lookup_uncached(name);
        let mut cache = self.lookup_cache.borrow_mut();
        if cache.0 != epoch {
            cache.1.clear();
            cache.0 = epoch;
        }
        cache.1.insert(name.clone(), found.clone());
        found
    }

    /// The namespace for writing; invalidates every class's lookup cache.
    pub fn dict_mut(&self) -> RefMut<'_, AttrMap> {
        CLASS_EPOCH.fetch_add(1, Ordering::Relaxed);
        self.dict.borrow_mut()
    }

    /// The class's own entry for `name`, not its ancestors'.
    pub fn own(&self, name: &Name) -> Option<Value> {
        self.dict.borrow().get(name).cloned()
    }

    fn lookup_uncached(&self, name: &Name) -> Option<Value> {
        if let Some(v) = self.dict.borrow().get(name) {
            return Some(v.clone());
        }
        for base in &self.mro {
            if let Some(v) = base.dict.borrow().get(name) {
                return Some(v.clone());
            }
        }
        None
    }

    /// Whether instances have a `__del__` (asked on every instance's drop,
    /// so the answer is kept per class epoch). Drops happen anywhere, even
    /// while a class namespace is being changed: then the last answer stands.
    pub fn has_del(&self) -> bool {
        let epoch = CLASS_EPOCH.load(Ordering::Relaxed);
        let cached = self.del_cache.get();
        if cached >> 1 == epoch {
            return cached & 1 != 0;
        }
        let name = Name::new("__del__");
        let mut found = false;
        for class in std::iter::once(self).chain(self.mro.iter().map(|c| &**c)) {
            let Ok(dict) = class.dict.try_borrow() else {
                return cached & 1 != 0;
            };
            if dict.contains_key(&name) {
                found = true;
                break;
            }
        }
        self.del_cache.set(epoch << 1 | found as u64);
        found
    }

    /// Records that the class, and so every subclass, may now define
    /// `__getattr__` or `__getattribute__` (see `has_getattr`).
    pub fn note_getattr_hook(&self) {
        self.has_getattr.set(true);
        let subclasses: Vec<_> = self
            .subclasses
            .borrow()
            .iter()
            .filter_map(|w| w.upgrade())
            .collect();
        for sub in subclasses {
            sub.note_getattr_hook();
        }
    }

    pub fn lookup_str(&self, name: &str) -> Option<Value> {
        self.lookup(&Name::new(name))
    }

    /// True if `self` is `other` or derives from it.
    pub fn is_subclass(&self, other: &Class) -> bool {
        std::ptr::eq(self, other) || self.mro.iter().any(|c| std::ptr::eq(&**c, other))
    }

    /// The name as tracebacks print it: `module.qualname` unless the module is
    /// `builtins` or `__main__`.
    pub fn display_name(&self) -> String {
        let module = self.module.borrow();
        let qualname = self.qualname.borrow();
        if &**module == "builtins" || &**module == "__main__" || module.is_empty() {
            qualname.to_string()
        } else {
            format!("{module}.{qualname}")
        }
    }

    pub fn set_attr(&self, name: &str, value: Value) {
        self.dict_mut().insert(Name::new(name), value);
    }

    /// The full MRO including the class itself, as `__mro__` shows it.
    pub fn full_mro(self: &Rc<Class>) -> Vec<Rc<Class>> {
        let mut v = vec![self.clone()];
        v.extend(self.mro.iter().cloned());
        v
    }
}

/// Computes the C3 linearisation of a new class with `bases` (excluding the class itself).
/// Returns None when no consistent order exists.
pub fn compute_mro(bases: &[Rc<Class>]) -> Option<Vec<Rc<Class>>> {
    let mut seqs: Vec<Vec<Rc<Class>>> = bases.iter().map(|b| b.full_mro()).collect();
    seqs.push(bases.to_vec());
    let mut result: Vec<Rc<Class>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(result);
        }
        let candidate = seqs.iter().find_map(|s| {
            let head = &s[0];
            let in_tail = seqs
                .iter()
                .any(|t| t[1..].iter().any(|c| Rc::ptr_eq(c, head)));
            (!in_tail).then(|| head.clone())
        })?;
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &candidate) {
                s.remove(0);
            }
        }
        result.push(candidate);
    }
}

/// An instance of a user class (or of an exception class).
#[repr(C)]
pub struct Instance {
    /// First, next to the reference counts, so that a collection reads
    /// one cache line per object it only counts (`objects::gc`).
    pub(crate) gc: GcHead,
    pub class: Rc<Class>,
    /// The instance's attributes (its `__dict__`); see [`Attrs`].
    attrs: RefCell<Attrs>,
    pub payload: Payload,
}

impl Traced for Instance {
    const KIND: Kind = Kind::Instance;
    const HEAD_OFFSET: usize = std::mem::offset_of!(Instance, gc);
    fn gc_head(&self) -> &GcHead {
        &self.gc
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        // SAFETY: as in `PyList::traverse`.
        if let Ok(attrs) = unsafe { self.attrs.try_borrow_unguarded() } {
            match attrs {
                Attrs::Inline(values) => visit.values(values),
                Attrs::Dict(d, slots) => {
                    visit.rc(d);
                    visit.values(slots);
                }
            }
        }
        match &self.payload {
            Payload::None => {}
            Payload::Builtin(v) => visit.value(v),
            Payload::Exception(data) => {
                if let Ok(data) = data.try_borrow() {
                    data.traverse(visit);
                }
            }
        }
        visit.rc(&self.class);
    }
    fn clear(&self) {
        let attrs = self
            .attrs
            .try_borrow_mut()
            .map(|mut a| std::mem::replace(&mut *a, Attrs::Inline(Vec::new())));
        let data = match &self.payload {
            Payload::Exception(data) => data
                .try_borrow_mut()
                .ok()
                .map(|mut d| std::mem::take(&mut *d)),
            _ => None,
        };
        drop((attrs, data));
    }
}

/// Where an instance keeps its attributes.
///
/// Instances start [`Attrs::Inline`]: values indexed like their class's
/// [`SharedKeys`]. The first time a program asks for the `__dict__` (or
/// sets attributes in an order the shared keys cannot express), the values
/// move into a real dict, [`Attrs::Dict`], which is then the only store:
/// the dict a program holds and the attributes are one and the same.
///
/// Slot values (`__slots__`) are never in the dict: they are the first
/// [`Shape::slots`] values of either form (`Undef` when unset), at the
/// index their member descriptor holds.
pub enum Attrs {
    /// The slot values, then: `values[i]` is the attribute named by shared
    /// key `i`, or `Undef` when the instance lacks it. The instance's
    /// attributes were set in key order, so key order is their insertion
    /// order (which `__dict__` shows): an attribute whose key comes before
    /// one the instance has can only be added to a materialised dict.
    Inline(Vec<Value>),
    /// The materialised `__dict__`, and the slot values.
    Dict(Rc<PyDict>, Vec<Value>),
}

impl Attrs {
    /// The values whose first [`Shape::slots`] are the slots.
    fn slot_values(&mut self) -> &mut Vec<Value> {
        match self {
            Attrs::Inline(values) | Attrs::Dict(_, values) => values,
        }
    }
}
/// Data that some instances carry besides their attributes.
pub enum Payload {
    None,
    /// Boxed: most instances are not exceptions, and the data is large.
    Exception(Box<RefCell<ExcData>>),
    /// Instances of user subclasses of `dict`, `list` and `tuple` carry the
    /// built-in value they extend, so the built-in methods work on it unchanged.
    Builtin(super::Value),
}

/// The state of an exception object.
#[derive(Default)]
pub struct ExcData {
    pub args: Vec<Value>,
    /// `__traceback__`: the entry of the outermost frame the exception
    /// reached (see `vm/traceback.rs`).
    pub traceback: Option<super::Native<crate::vm::traceback::Traceback>>,
    pub cause: Option<Value>,
    pub context: Option<Value>,
    pub suppress_context: bool,
    /// `BaseExceptionGroup`: the message and the nested exceptions.
    pub group: Option<(Value, Vec<Value>)>,
    pub notes: Vec<Value>,
}

impl ExcData {
    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.values(&self.args);
        visit.values(self.cause.iter().chain(&self.context));
        if let Some((msg, excs)) = &self.group {
            visit.value(msg);
            visit.values(excs);
        }
        visit.values(&self.notes);
    }
}

impl Instance {
    pub fn new(class: Rc<Class>) -> Instance {
        let payload = if class.layout == Layout::Exception {
            Payload::Exception(Box::new(RefCell::new(ExcData::default())))
        } else {
            Payload::None
        };
        Instance {
            attrs: RefCell::new(Attrs::Inline(fresh_values(&class))),
            class,
            payload,
            gc: GcHead::new(),
        }
    }

    /// An instance that carries `payload` (a built-in value or exception data).
    pub fn with_payload(class: Rc<Class>, payload: Payload) -> Instance {
        Instance {
            attrs: RefCell::new(Attrs::Inline(fresh_values(&class))),
            class,
            payload,
            gc: GcHead::new(),
        }
    }

    pub fn is_exception(&self) -> bool {
        matches!(self.payload, Payload::Exception(_))
    }

    /// The exception data. Only call on exception instances.
    pub fn exc_data(&self) -> RefMut<'_, ExcData> {
        match &self.payload {
            Payload::Exception(d) => d.borrow_mut(),
            Payload::None | Payload::Builtin(_) => panic!(
                "exc_data on a non-exception instance of {}",
                self.class.name
            ),
        }
    }

    /// The attribute storage, for the inline caches' fast paths.
    #[inline(always)]
    pub fn attrs(&self) -> Ref<'_, Attrs> {
        self.attrs.borrow()
    }

    #[inline(always)]
    pub fn attrs_mut(&self) -> RefMut<'_, Attrs> {
        self.attrs.borrow_mut()
    }

    pub fn get_attr(&self, name: &Name) -> Option<Value> {
        match &*self.attrs.borrow() {
            Attrs::Inline(values) => {
                let i = self.class.keys.index_of(name)?;
                values
                    .get(i)
                    .filter(|v| !matches!(v, Value::Undef))
                    .cloned()
            }
            Attrs::Dict(d, _) => d.get_name(name),
        }
    }

    pub fn has_attr(&self, name: &Name) -> bool {
        match &*self.attrs.borrow() {
            Attrs::Inline(values) => self
                .class
                .keys
                .index_of(name)
                .and_then(|i| values.get(i))
                .is_some_and(|v| !matches!(v, Value::Undef)),
            Attrs::Dict(d, _) => d.contains_name(name),
        }
    }

    pub fn set_attr(&self, name: Name, value: Value) {
        let old = self.store_attr(&name, value);
        drop(old);
    }

    /// Moves the instance's state (attributes and payload) into a new
    /// instance of the same class, leaving this one empty (see
    /// `vm::finalize`: an instance with `__del__` is finalized that way).
    pub(crate) fn take_state(&mut self) -> Instance {
        Instance {
            class: self.class.clone(),
            attrs: RefCell::new(std::mem::replace(
                self.attrs.get_mut(),
                Attrs::Inline(Vec::new()),
            )),
            payload: std::mem::replace(&mut self.payload, Payload::None),
            gc: GcHead::new(),
        }
    }

    /// Stores an attribute, returning the value it replaced (for the caller
    /// to drop once nothing is borrowed).
    pub fn store_attr(&self, name: &Name, value: Value) -> Option<Value> {
        let mut attrs = self.attrs.borrow_mut();
        if let Attrs::Inline(values) = &mut *attrs {
            // Inline while the insertion order stays the key order: a new
            // attribute must come after every attribute already present.
            match self.class.keys.index_of(name) {
                Some(i) if i < values.len() && !matches!(values[i], Value::Undef) => {
                    return Some(std::mem::replace(&mut values[i], value));
                }
                Some(i) if i >= values.len() => {
                    values.resize_with(i, || Value::Undef);
                    values.push(value);
                    return None;
                }
                None => {
                    // A new key comes after every key, so after every
                    // attribute the instance has.
                    if let Some(i) = self.class.keys.index_or_add(name) {
                        values.resize_with(i, || Value::Undef);
                        values.push(value);
                        return None;
                    }
                }
                _ => {}
            }
            let dict = self.materialise(values);
            *attrs = Attrs::Dict(dict, std::mem::take(values));
        }
        match &*attrs {
            Attrs::Dict(d, _) => d.set_name(name, value),
            Attrs::Inline(_) => unreachable!("materialised above"),
        }
    }

    /// Removes an attribute, returning its value if it was present.
    pub fn del_attr(&self, name: &Name) -> Option<Value> {
        let mut attrs = self.attrs.borrow_mut();
        match &mut *attrs {
            Attrs::Inline(values) => {
                let i = self.class.keys.index_of(name)?;
                let slot = values.get_mut(i)?;
                if matches!(slot, Value::Undef) {
                    return None;
                }
                let old = std::mem::replace(slot, Value::Undef);
                let slots = self.class.shape.slots as usize;
                while values.len() > slots && matches!(values.last(), Some(Value::Undef)) {
                    values.pop();
                }
                Some(old)
            }
            Attrs::Dict(d, _) => d.del_name(name),
        }
    }

    /// The instance's `__dict__`: its attributes move into a dict (once),
    /// which is from then on where they live.
    pub fn dict(&self) -> Rc<PyDict> {
        let mut attrs = self.attrs.borrow_mut();
        match &mut *attrs {
            Attrs::Dict(d, _) => d.clone(),
            Attrs::Inline(values) => {
                let dict = self.materialise(values);
                *attrs = Attrs::Dict(dict.clone(), std::mem::take(values));
                dict
            }
        }
    }

    /// `obj.__dict__ = d`.
    pub fn set_dict(&self, dict: Rc<PyDict>) {
        let old = {
            let mut attrs = self.attrs.borrow_mut();
            let slots = self.class.shape.slots as usize;
            let values = attrs.slot_values();
            let kept = values.drain(..slots.min(values.len())).collect();
            std::mem::replace(&mut *attrs, Attrs::Dict(dict, kept))
        };
        drop(old);
    }

    /// The value of slot `i` (None when unset).
    pub fn slot(&self, i: usize) -> Option<Value> {
        match &*self.attrs.borrow() {
            Attrs::Inline(values) | Attrs::Dict(_, values) => values
                .get(i)
                .filter(|v| !matches!(v, Value::Undef))
                .cloned(),
        }
    }

    /// Sets slot `i`, returning the value it replaced (for the caller to
    /// drop once nothing is borrowed).
    pub fn set_slot(&self, i: usize, value: Value) -> Option<Value> {
        let mut attrs = self.attrs.borrow_mut();
        let values = attrs.slot_values();
        if values.len() <= i {
            // Only after `clear` (a collection) took the values.
            values.resize_with(i + 1, || Value::Undef);
        }
        Some(std::mem::replace(&mut values[i], value)).filter(|v| !matches!(v, Value::Undef))
    }

    /// Unsets slot `i`, returning its value if it was set.
    pub fn take_slot(&self, i: usize) -> Option<Value> {
        let mut attrs = self.attrs.borrow_mut();
        let slot = attrs.slot_values().get_mut(i)?;
        Some(std::mem::replace(slot, Value::Undef)).filter(|v| !matches!(v, Value::Undef))
    }

    /// The attributes, in order, as (name, value) pairs (a snapshot).
    pub fn attr_items(&self) -> Vec<(Value, Value)> {
        match &*self.attrs.borrow() {
            Attrs::Inline(values) => values
                .iter()
                .enumerate()
                .skip(self.class.shape.slots as usize)
                .filter(|(_, v)| !matches!(v, Value::Undef))
                .map(|(i, v)| (self.class.keys.name_at(i).to_value(), v.clone()))
                .collect(),
            Attrs::Dict(d, _) => d.items(),
        }
    }

    /// A dict holding the attributes of `values` under their shared key
    /// names; they are taken, leaving the slot values.
    fn materialise(&self, values: &mut Vec<Value>) -> Rc<PyDict> {
        let dict = PyDict::new();
        let slots = self.class.shape.slots as usize;
        let attributes = values.split_off(slots.min(values.len()));
        for (i, v) in attributes.into_iter().enumerate() {
            if !matches!(v, Value::Undef) {
                dict.set_name(&self.class.keys.name_at(slots + i), v);
            }
        }
        super::gc::new(dict)
    }
}

/// The attribute storage of a new instance of `class`: its slots unset,
/// with room for the attributes instances of the class have had so far,
/// so an instance's values take one allocation.
fn fresh_values(class: &Class) -> Vec<Value> {
    let mut values = Vec::with_capacity(class.keys.len() as usize);
    values.resize_with(class.shape.slots as usize, || Value::Undef);
    values
}

impl Drop for Instance {
    fn drop(&mut self) {
        crate::vm::finalize::instance_dropped(self);
    }
}
