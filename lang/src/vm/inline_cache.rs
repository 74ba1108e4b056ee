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
//! need, and the index in the instance dict where the name was last found.
//! Instances built by the same `__init__` put their attributes at the same
//! indices, so that index is a hint checked with one pointer compare instead
//! of a hash probe. Whatever the fast paths do not cover (exceptions,
//! descriptors, `__setattr__`, `__getattr__`, misses) takes the general path
//! in `protocol.rs`, which stays the definition of the semantics.

use super::Vm;
use crate::builtins::descriptors::Super;
use crate::objects::class::{class_epoch, Class, Instance};
use crate::objects::{AttrMap, BoundMethod, Name, PyResult, Value};
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
    /// Index in the instance dict where the name was last found or stored:
    /// one hint for all classes, since subclasses mostly share `__init__`s.
    slot: Cell<u32>,
    ways: RefCell<Vec<Way>>,
}

impl Default for AttrSite {
    fn default() -> AttrSite {
        AttrSite {
            class: Cell::new(std::ptr::null()),
            epoch: Cell::new(0),
            flags: Cell::new(0),
            way: Cell::new(0),
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
}

impl Way {
    fn new(class: &Rc<Class>, name: &Name, epoch: u64) -> Way {
        let d = super::protocol::dunders();
        let special = *name == d.class || *name == d.dict;
        let (mut flags, method) = match class.lookup(name) {
            _ if special => (0, None),
            None => (DICT_FIRST, None),
            Some(f @ (Value::Function(_) | Value::Builtin(_))) => (DICT_FIRST | METHOD, Some(f)),
            // A property or another possible descriptor: the general path.
            Some(Value::Instance(_) | Value::Native(_)) => (0, None),
            // A class variable: the general path when the dict lacks it.
            Some(_) => (DICT_FIRST, None),
        };
        if flags & DICT_FIRST != 0 && super::protocol::user_method(class, &d.setattr).is_none() {
            flags |= PLAIN_STORE;
        }
        Way {
            _class: Rc::downgrade(class),
            addr: Rc::as_ptr(class),
            epoch,
            flags,
            method,
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
        let class = Rc::as_ptr(&inst.class);
        let hit = self
            .ways
            .borrow()
            .iter()
            .enumerate()
            .find(|(_, w)| w.epoch == epoch && std::ptr::eq(w.addr, class))
            .map(|(at, w)| (at, w.flags));
        let (at, flags) = match hit {
            Some(hit) => hit,
            None => self.add_way(Way::new(&inst.class, name, epoch)),
        };
        self.class.set(class);
        self.epoch.set(epoch);
        self.flags.set(flags);
        self.way.set(at as u8);
        flags
    }

    /// Adds `way`, dropping those of older epochs and, when full, the oldest.
    /// Returns its index and flags.
    #[cold]
    fn add_way(&self, way: Way) -> (usize, u8) {
        let flags = way.flags;
        let mut ways = self.ways.borrow_mut();
        ways.retain(|w| w.epoch == way.epoch);
        if ways.len() == SITE_WAYS {
            ways.remove(0);
        }
        ways.push(way);
        (ways.len() - 1, flags)
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

/// Whether an instance dict holds `name`. Instances rarely shadow methods
/// and their dicts are small, so a scan of the keys by pointer is cheaper
/// than hashing.
#[inline(always)]
fn dict_has(dict: &AttrMap, name: &Name) -> bool {
    if dict.len() <= 8 {
        dict.keys().any(|k| k == name)
    } else {
        dict.contains_key(name)
    }
}

/// The value under `name` in an instance dict, trying the hinted index first.
#[inline(always)]
fn dict_get(dict: &AttrMap, name: &Name, slot: &Cell<u32>) -> Option<Value> {
    if let Some((k, v)) = dict.get_index(slot.get() as usize) {
        if k == name {
            return Some(v.clone());
        }
    }
    let (i, _, v) = dict.get_full(name)?;
    slot.set(i as u32);
    Some(v.clone())
}

/// Stores `value` under `name`, trying the hinted index first; returns the
/// value replaced, to be dropped once the dict is no longer borrowed.
#[inline(always)]
fn dict_set(dict: &mut AttrMap, name: &Name, value: Value, slot: &Cell<u32>) -> Option<Value> {
    if let Some((k, v)) = dict.get_index_mut(slot.get() as usize) {
        if k == name {
            return Some(std::mem::replace(v, value));
        }
    }
    let (i, old) = dict.insert_full(name.clone(), value);
    slot.set(i as u32);
    old
}

impl Vm {
    /// `LOAD_ATTR`: `obj.name`, through `site` when `obj` is an instance.
    /// Not inlined, to keep the dispatch loop's code independent of this.
    #[inline(never)]
    pub fn load_attr_cached(&self, site: &AttrSite, obj: &Value, name: &Name) -> PyResult<Value> {
        if let Value::Instance(inst) = obj {
            let flags = site.flags(inst, name);
            if flags & DICT_FIRST != 0 {
                if let Some(v) = dict_get(&inst.dict.borrow(), name, &site.slot) {
                    return Ok(v);
                }
                if flags & METHOD != 0 {
                    return Ok(Value::BoundMethod(Rc::new(BoundMethod {
                        func: site.method(),
                        receiver: obj.clone(),
                    })));
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
            if site.flags(inst, name) & PLAIN_STORE != 0 {
                let old = dict_set(&mut inst.dict.borrow_mut(), name, value, &site.slot);
                if let Some(old) = old {
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
                    let dict = inst.dict.borrow();
                    if flags & METHOD != 0 && !dict_has(&dict, name) {
                        drop(dict);
                        return Ok((site.method(), Some(obj.clone())));
                    }
                    if let Some(v) = dict_get(&dict, name, &site.slot) {
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
            _ => {}
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
