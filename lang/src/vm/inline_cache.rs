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
use crate::objects::class::{class_epoch, Class, Instance};
use crate::objects::{AttrMap, BoundMethod, Name, PyResult, Value};
use std::cell::{Cell, Ref, RefCell};
use std::rc::{Rc, Weak};

/// The inline cache of one name in one code object (see the module
/// documentation): up to [`SITE_WAYS`] classes, for code that sees several
/// (a base-class method called on instances of its subclasses).
#[derive(Default)]
pub struct AttrSite(RefCell<Vec<SiteState>>);

/// How many classes a site remembers; past that, the oldest entry is replaced.
const SITE_WAYS: usize = 4;

struct SiteState {
    /// Weak, so the class's allocation (and with it its address, the cache
    /// key) cannot be reused by another class while the site remembers it.
    class: Weak<Class>,
    epoch: u64,
    /// What the class's MRO holds under the name, as the fast paths need it.
    class_attr: ClassAttr,
    /// `obj.name = v` may write the instance dict directly: no `__setattr__`
    /// and no data descriptor under the name.
    plain_store: bool,
    /// Index in the instance dict where the name was last found or stored.
    slot: Cell<u32>,
}

enum ClassAttr {
    /// Not a descriptor: the instance dict is looked at first, and when it
    /// lacks the name the class attribute is bound as a method (`Some`) or
    /// the general path decides (`None`: absent, a class variable).
    Plain(Option<Value>),
    /// A property or another possible descriptor: always the general path.
    Descriptor,
}

impl SiteState {
    fn new(class: &Rc<Class>, name: &Name, epoch: u64) -> SiteState {
        let d = super::protocol::dunders();
        let found = class.lookup(name);
        let special = *name == d.class || *name == d.dict;
        let class_attr = match &found {
            _ if special => ClassAttr::Descriptor,
            None => ClassAttr::Plain(None),
            Some(f @ (Value::Function(_) | Value::Builtin(_))) => ClassAttr::Plain(Some(f.clone())),
            Some(Value::Instance(_) | Value::Native(_)) => ClassAttr::Descriptor,
            Some(_) => ClassAttr::Plain(None),
        };
        let user_setattr = super::protocol::user_method(class, &d.setattr).is_some();
        SiteState {
            class: Rc::downgrade(class),
            epoch,
            plain_store: !user_setattr && matches!(class_attr, ClassAttr::Plain(_)),
            class_attr,
            slot: Cell::new(0),
        }
    }
}

impl AttrSite {
    /// The site's state for `inst`'s class, refilled first when it describes
    /// another class or an older epoch. Exceptions are left to the general
    /// path (their attributes are partly virtual).
    #[inline]
    fn state(&self, inst: &Instance, name: &Name) -> Option<Ref<'_, SiteState>> {
        if inst.is_exception() {
            return None;
        }
        let epoch = class_epoch();
        let class = Rc::as_ptr(&inst.class);
        let found = self
            .0
            .borrow()
            .iter()
            .position(|s| s.epoch == epoch && std::ptr::eq(s.class.as_ptr(), class));
        let at = match found {
            Some(at) => at,
            None => {
                let fresh = SiteState::new(&inst.class, name, epoch);
                let mut ways = self.0.borrow_mut();
                ways.retain(|s| s.epoch == epoch);
                if ways.len() == SITE_WAYS {
                    ways.remove(0);
                }
                ways.push(fresh);
                ways.len() - 1
            }
        };
        Some(Ref::map(self.0.borrow(), |ways| &ways[at]))
    }
}

/// The value under `name` in an instance dict, trying the hinted index first.
#[inline]
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
#[inline]
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
    pub fn load_attr_cached(&self, site: &AttrSite, obj: &Value, name: &Name) -> PyResult<Value> {
        if let Value::Instance(inst) = obj {
            if let Some(s) = site.state(inst, name) {
                if let ClassAttr::Plain(method) = &s.class_attr {
                    if let Some(v) = dict_get(&inst.dict.borrow(), name, &s.slot) {
                        return Ok(v);
                    }
                    if let Some(f) = method {
                        return Ok(Value::BoundMethod(Rc::new(BoundMethod {
                            func: f.clone(),
                            receiver: obj.clone(),
                        })));
                    }
                }
            }
        }
        self.get_attr(obj, name)
    }

    /// `STORE_ATTR`: `obj.name = value`, through `site` when `obj` is an instance.
    pub fn store_attr_cached(
        &self,
        site: &AttrSite,
        obj: &Value,
        name: &Name,
        value: Value,
    ) -> PyResult<()> {
        if let Value::Instance(inst) = obj {
            if let Some(s) = site.state(inst, name) {
                if s.plain_store {
                    let old = dict_set(&mut inst.dict.borrow_mut(), name, value, &s.slot);
                    drop(s);
                    if let Some(old) = old {
                        old.release();
                    }
                    return Ok(());
                }
            }
        }
        self.set_attr(obj, name, value)
    }

    /// `LOAD_METHOD`: the function and its receiver when `obj.name` is a
    /// method, else the attribute and None.
    pub fn load_method_cached(
        &self,
        site: &AttrSite,
        obj: &Value,
        name: &Name,
    ) -> PyResult<(Value, Option<Value>)> {
        if let Value::Instance(inst) = obj {
            if let Some(s) = site.state(inst, name) {
                if let ClassAttr::Plain(method) = &s.class_attr {
                    let dict = inst.dict.borrow();
                    match method {
                        Some(f) if !dict.contains_key(name) => {
                            return Ok((f.clone(), Some(obj.clone())))
                        }
                        _ => {
                            if let Some(v) = dict_get(&dict, name, &s.slot) {
                                return Ok((v, None));
                            }
                        }
                    }
                }
            }
        }
        match self.get_method(obj, name)? {
            // A bound method found some other way (`super().m`, a native's
            // attribute): its function and receiver, so that CALL_METHOD can
            // run a Python function as a frame of the dispatch loop.
            (Value::BoundMethod(m), None) if matches!(m.func, Value::Function(_)) => {
                Ok((m.func.clone(), Some(m.receiver.clone())))
            }
            found => Ok(found),
        }
    }
}
