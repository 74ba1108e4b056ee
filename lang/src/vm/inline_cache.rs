//! Inline caches for attribute instructions on instances.
//!
//! `self.x`, `self.x = v` and `obj.method(...)` on instances of user classes
//! ask the same two questions again and again at one place in the code: what
//! does the class (along its MRO) hold under this name, and where in the
//! instance's dict does the name live. Each code object keeps one
//! [`AttrSite`] per name it uses; `LOAD_ATTR`, `STORE_ATTR` and `LOAD_METHOD`
//! of that name share it, because the answers are about the class and the
//! name, not the instruction.
//!
//! A site remembers the last class it saw and the class epoch (any change to
//! any class namespace invalidates every site, as it does the per-class
//! lookup caches), what the MRO lookup found, reduced to what the fast paths
//! need, and the name's index among the class's shared keys (see
//! `objects::class::SharedKeys`): an instance whose attributes are inline
//! holds the value at that index, so `self.x` is a bounds check and a load.
//! For instances whose `__dict__` was materialised, the site keeps the index
//! in the dict where the name was last found, a hint checked with one
//! pointer compare instead of a hash probe. Whatever the fast paths do not
//! cover (exceptions, descriptors, `__setattr__`, `__getattr__`, misses)
//! takes the general path in `protocol.rs`, which stays the definition of
//! the semantics.

use super::Vm;
use crate::builtins::descriptors::Super;
use crate::builtins::member::Member;
use crate::objects::class::{class_epoch, Attrs, Class, Instance};
use crate::objects::{BoundMethod, Name, PyDict, PyResult, Value};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

/// The inline cache of one name in one code object (see the module
/// documentation).
///
/// The fast paths read only the primary entry: plain `Cell`s describing the
/// last class seen, checked with a pointer compare and an epoch compare. The
/// ways remember up to [`SITE_WAYS`] classes for code that sees several (a
/// base-class method called on instances of its subclasses) and refill the
/// primary when the class changes.
///
/// Invariant: the class the primary names (by address) always has an entry
/// in the ways, whose `Weak` keeps the class's allocation, and with it its
/// address, from being reused by another class while the primary names it.
/// Only [`AttrSite::refill`] changes the ways (through `add_way`), and it
/// always ends by copying one of them into the primary.
pub struct AttrSite {
    /// The primary entry's class; null while the site is empty.
    class: Cell<*const Class>,
    epoch: Cell<u64>,
    /// [`DICT_FIRST`], [`METHOD`] and [`PLAIN_STORE`], as they hold for the
    /// primary's class.
    flags: Cell<u8>,
    /// The index of the primary's way, which holds its method.
    way: Cell<u8>,
    /// The name's index among the primary class's shared keys, or
    /// [`NO_INDEX`] when the name was not one of them, as of `nkeys` keys.
    index: Cell<u32>,
    nkeys: Cell<u32>,
    /// Index in a materialised instance dict where the name was last found
    /// or stored: one hint for all classes.
    slot: Cell<u32>,
    ways: RefCell<Vec<Way>>,
}

/// The name is not (yet) a shared key of the class.
const NO_INDEX: u32 = u32::MAX;

impl Default for AttrSite {
    fn default() -> AttrSite {
        AttrSite {
            class: Cell::new(std::ptr::null()),
            epoch: Cell::new(0),
            flags: Cell::new(0),
            way: Cell::new(0),
            index: Cell::new(NO_INDEX),
            nkeys: Cell::new(0),
            slot: Cell::new(0),
            ways: RefCell::new(Vec::new()),
        }
    }
}

/// How many classes a site remembers; past that, the oldest entry is replaced.
const SITE_WAYS: usize = 4;

/// The class attribute is not a descriptor: a load may read the instance dict
/// first. Without this flag every access takes the general path.
const DICT_FIRST: u8 = 1;
/// With [`DICT_FIRST`]: the class attribute is a function or builtin, bound
/// as a method when the instance dict lacks the name.
const METHOD: u8 = 2;
/// `obj.name = v` may write the instance dict directly: no `__setattr__` and
/// no data descriptor under the name.
const PLAIN_STORE: u8 = 4;
/// The class attribute is the member descriptor of a slot of the instance's
/// layout (`__slots__`), at the index the way holds: a load reads the
/// slot (when set).
const SLOT_LOAD: u8 = 8;
/// With a slot's member descriptor and no `__setattr__`: a store writes the
/// slot.
const SLOT_STORE: u8 = 16;

struct Way {
    /// Weak, so the class's allocation (and with it its address, the cache
    /// key) cannot be reused by another class while the site remembers it.
    _class: Weak<Class>,
    /// The class's address, the key.
    addr: *const Class,
    epoch: u64,
    flags: u8,
    /// The function the class holds under the name, when [`METHOD`].
    method: Option<Value>,
    /// As `AttrSite::index` and `AttrSite::nkeys`, for this class (with
    /// [`SLOT_LOAD`], the slot's index instead).
    index: u32,
    nkeys: u32,
}

impl Way {
    fn new(class: &Rc<Class>, name: &Name, epoch: u64) -> Way {
        let d = super::protocol::dunders();
        let special = *name == d.class || *name == d.dict;
        let (mut flags, method) = match class.lookup(name) {
            _ if special => (0, None),
            None => (DICT_FIRST, None),
            Some(f @ Value::Function(_)) => (DICT_FIRST | METHOD, Some(f)),
            Some(Value::Builtin(b)) if b.binds_to_instance() => {
                (DICT_FIRST | METHOD, Some(Value::Builtin(b)))
            }
            // A property or another possible descriptor: the general path.
            Some(Value::Instance(_) | Value::Native(_)) => (0, None),
            // A class variable: the general path when the dict lacks it.
            Some(_) => (DICT_FIRST, None),
        };
        let plain_setattr = super::protocol::user_method(class, &d.setattr).is_none();
        if flags & DICT_FIRST != 0 && plain_setattr && class.shape.dict {
            flags |= PLAIN_STORE;
        }
        let mut index = class.keys.index_of(name).map_or(NO_INDEX, |i| i as u32);
        let slot = match class.lookup(name) {
            Some(attr) if !special => attr
                .downcast_native::<Member>()
                .and_then(|m| m.index_for(class)),
            _ => None,
        };
        if let Some(slot) = slot {
            flags = SLOT_LOAD | if plain_setattr { SLOT_STORE } else { 0 };
            index = slot as u32;
        }
        // A `__getattribute__` of the class's own sees every load.
        if class.has_getattr.get() && super::protocol::user_method(class, &d.getattribute).is_some()
        {
            flags &= !(DICT_FIRST | METHOD | SLOT_LOAD);
        }
        Way {
            _class: Rc::downgrade(class),
            addr: Rc::as_ptr(class),
            epoch,
            flags,
            method,
            index,
            nkeys: class.keys.len(),
        }
    }
}

impl AttrSite {
    /// The flags for `inst`'s class, refilling the primary first when it
    /// describes another class or an older epoch.
    #[inline(always)]
    fn flags(&self, inst: &Instance, name: &Name) -> u8 {
        let epoch = class_epoch();
        if std::ptr::eq(self.class.get(), Rc::as_ptr(&inst.class)) && self.epoch.get() == epoch {
            // The primary only ever names classes of non-exception instances.
            if !inst.is_exception() {
                return self.flags.get();
            }
        }
        self.refill(inst, name, epoch)
    }

    /// The slow half of [`AttrSite::flags`]: finds or computes the way for
    /// `inst`'s class and copies it into the primary. Exceptions are left to
    /// the general path (their attributes are partly virtual).
    #[inline(never)]
    fn refill(&self, inst: &Instance, name: &Name, epoch: u64) -> u8 {
        if inst.is_exception() {
            return 0;
        }
        self.refill_class(&inst.class, name, epoch)
    }

    /// The flags for `class`, the class of a built-in value (a generator, a
    /// list): only [`METHOD`] is read for those, which have no attributes
    /// of their own to look in first.
    #[inline(always)]
    fn class_flags(&self, class: &Rc<Class>, name: &Name) -> u8 {
        let epoch = class_epoch();
        if std::ptr::eq(self.class.get(), Rc::as_ptr(class)) && self.epoch.get() == epoch {
            return self.flags.get();
        }
        self.refill_class(class, name, epoch)
    }

    /// Finds or computes the way for `class` and copies it into the primary.
    #[inline(never)]
    fn refill_class(&self, class: &Rc<Class>, name: &Name, epoch: u64) -> u8 {
        let addr = Rc::as_ptr(class);
        let hit = self
            .ways
            .borrow()
            .iter()
            .position(|w| w.epoch == epoch && std::ptr::eq(w.addr, addr));
        let at = match hit {
            Some(at) => at,
            None => self.add_way(Way::new(class, name, epoch)),
        };
        let ways = self.ways.borrow();
        let way = &ways[at];
        self.class.set(addr);
        self.epoch.set(epoch);
        self.flags.set(way.flags);
        self.way.set(at as u8);
        self.index.set(way.index);
        self.nkeys.set(way.nkeys);
        way.flags
    }

    /// The name's shared-key index in the primary's class (`class`), or
    /// [`NO_INDEX`]. A name that was not a key may have become one since.
    #[inline(always)]
    fn key_index(&self, class: &Class, name: &Name) -> u32 {
        let i = self.index.get();
        if i != NO_INDEX || class.keys.len() == self.nkeys.get() {
            return i;
        }
        self.refresh_index(class, name)
    }

    /// The slow half of [`AttrSite::key_index`], which also updates the way.
    #[cold]
    #[inline(never)]
    fn refresh_index(&self, class: &Class, name: &Name) -> u32 {
        let i = class.keys.index_of(name).map_or(NO_INDEX, |i| i as u32);
        let nkeys = class.keys.len();
        self.index.set(i);
        self.nkeys.set(nkeys);
        if let Some(way) = self.ways.borrow_mut().get_mut(self.way.get() as usize) {
            way.index = i;
            way.nkeys = nkeys;
        }
        i
    }

    /// The instance's value under `name` (None when it lacks it), the
    /// primary describing its class.
    #[inline(always)]
    fn instance_value(&self, inst: &Instance, name: &Name) -> Option<Value> {
        match &*inst.attrs() {
            Attrs::Inline(values) => {
                let i = self.key_index(&inst.class, name);
                match values.get(i as usize) {
                    Some(Value::Undef) | None => None,
                    Some(v) => Some(v.clone()),
                }
            }
            Attrs::Dict(d, _) => d.get_name_hinted(name, &self.slot),
        }
    }

    /// Adds `way`, dropping those of older epochs and, when full, the oldest.
    /// Returns its index.
    #[cold]
    fn add_way(&self, way: Way) -> usize {
        let mut ways = self.ways.borrow_mut();
        ways.retain(|w| w.epoch == way.epoch);
        if ways.len() == SITE_WAYS {
            ways.remove(0);
        }
        ways.push(way);
        ways.len() - 1
    }

    /// Stores `value` as the instance's attribute `name` (the primary
    /// describing its class); returns the value it replaced.
    #[inline(always)]
    fn store(&self, inst: &Instance, name: &Name, value: Value) -> Option<Value> {
        {
            let mut attrs = inst.attrs_mut();
            match &mut *attrs {
                Attrs::Inline(values) => {
                    let i = self.key_index(&inst.class, name) as usize;
                    let len = values.len();
                    match values.get_mut(i) {
                        Some(slot) if !matches!(slot, Value::Undef) => {
                            return Some(std::mem::replace(slot, value));
                        }
                        None if i == len => {
                            values.push(value);
                            return None;
                        }
                        _ => {}
                    }
                }
                Attrs::Dict(d, _) => return d.set_name_hinted(name, value, &self.slot),
            }
        }
        // A new shared key or a new order: the instance decides.
        inst.store_attr(name, value)
    }

    /// The primary's method (only call when its flags have [`METHOD`]).
    #[inline(always)]
    fn method(&self) -> Value {
        let ways = self.ways.borrow();
        let method = ways
            .get(self.way.get() as usize)
            .and_then(|w| w.method.as_ref());
        method.cloned().unwrap_or_default()
    }
}

impl Vm {
    /// `LOAD_ATTR`: `obj.name`, through `site` when `obj` is an instance.
    /// Not inlined, to keep the dispatch loop's code independent of this.
    #[inline(never)]
    pub fn load_attr_cached(&self, site: &AttrSite, obj: &Value, name: &Name) -> PyResult<Value> {
        if let Value::Instance(inst) = obj {
            let flags = site.flags(inst, name);
            if flags & DICT_FIRST != 0 {
                if let Some(v) = site.instance_value(inst, name) {
                    return Ok(v);
                }
                if flags & METHOD != 0 {
                    return Ok(BoundMethod::value(site.method(), obj.clone()));
                }
            } else if flags & SLOT_LOAD != 0 {
                if let Some(v) = inst.slot(site.index.get() as usize) {
                    return Ok(v);
                }
            }
        }
        self.get_attr(obj, name)
    }

    /// `STORE_ATTR`: `obj.name = value`, through `site` when `obj` is an instance.
    #[inline(never)]
    pub fn store_attr_cached(
        &self,
        site: &AttrSite,
        obj: &Value,
        name: &Name,
        value: Value,
    ) -> PyResult<()> {
        if let Value::Instance(inst) = obj {
            let flags = site.flags(inst, name);
            if flags & PLAIN_STORE != 0 {
                let old = site.store(inst, name, value);
                if let Some(old) = old {
                    old.release();
                }
                return Ok(());
            }
            if flags & SLOT_STORE != 0 {
                if let Some(old) = inst.set_slot(site.index.get() as usize, value) {
                    old.release();
                }
                return Ok(());
            }
        }
        self.set_attr(obj, name, value)
    }

    /// `LOAD_METHOD`: the function and its receiver when `obj.name` is a
    /// method, else the attribute and None.
    #[inline(never)]
    pub fn load_method_cached(
        &self,
        site: &AttrSite,
        obj: &Value,
        name: &Name,
    ) -> PyResult<(Value, Option<Value>)> {
        match obj {
            Value::Instance(inst) => {
                let flags = site.flags(inst, name);
                if flags & DICT_FIRST != 0 {
                    match site.instance_value(inst, name) {
                        None if flags & METHOD != 0 => {
                            return Ok((site.method(), Some(obj.clone())));
                        }
                        Some(v) => return Ok((v, None)),
                        None => {}
                    }
                } else if flags & SLOT_LOAD != 0 {
                    if let Some(v) = inst.slot(site.index.get() as usize) {
                        return Ok((v, None));
                    }
                }
            }
            Value::Native(n) => {
                if let Some(s) = n.as_any().downcast_ref::<Super>() {
                    if let Some(f) = s.method(self, name) {
                        return Ok((f, Some(s.obj.clone())));
                    }
                }
            }
            Value::Class(_) | Value::Module(_) => {}
            // A built-in value (`gen.send`, `items.append`): what
            // `get_method` finds first on its class, remembered.
            _ => {
                let class = self.class_of(obj);
                if site.class_flags(&class, name) & METHOD != 0 {
                    return Ok((site.method(), Some(obj.clone())));
                }
            }
        }
        match self.get_method(obj, name)? {
            // A bound method found some other way (`super().m` in a
            // classmethod, a native's attribute): its function and receiver,
            // so that CALL_METHOD can run a Python function as a frame of the
            // dispatch loop.
            (Value::BoundMethod(m), None) if matches!(m.func, Value::Function(_)) => {
                Ok((m.func.clone(), Some(m.receiver.clone())))
            }
            found => Ok(found),
        }
    }
}

/// The cache of one global name in one code object, for `LOAD_GLOBAL`.
///
/// A name found in the globals is tried first at the index where it was
/// last found (one indexed read and a pointer compare). A name that lives
/// in the builtins (`len`, `range`) is known absent from the globals while
/// the globals dict keeps the key-set tag ([`PyDict::version`]) it had when
/// the name was missed there: tags are unique among the dicts of a thread,
/// so an equal tag means the same dict with the same keys. Then only the
/// builtins are read, at their own hinted index.
#[derive(Default)]
pub struct GlobalSite {
    index: Cell<u32>,
    builtin_index: Cell<u32>,
    /// The globals' tag when the name was last missed there. Initially 0,
    /// the tag of dicts never changed, which are empty: right for them too.
    absent_at: Cell<u64>,
}

impl GlobalSite {
    /// The value of `name` in `globals`, else in `builtins`.
    #[inline(always)]
    pub(crate) fn load(&self, globals: &PyDict, builtins: &PyDict, name: &Name) -> Option<Value> {
        let tag = globals.version();
        if self.absent_at.get() != tag {
            if let Some(v) = globals.get_name_hinted(name, &self.index) {
                return Some(v);
            }
            self.absent_at.set(tag);
        }
        builtins.get_name_hinted(name, &self.builtin_index)
    }
}
