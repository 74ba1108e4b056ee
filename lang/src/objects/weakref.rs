//! Weak references: the `weakref.ref` and proxy objects, and the registry
//! that tells them when their object dies.
//!
//! # How it works
//! A weak reference holds its object through a `std::rc::Weak` of the
//! object's own type ([`WeakTarget`]), so it never keeps it alive. The
//! registry maps each object that has weak references (by the address of
//! its `GcHead`, which has the `HAS_WEAKREFS` flag) to them, in CPython's
//! order: the plain `ref` without callback first (there is at most one, and
//! `weakref.ref(obj)` returns it again), then the plain proxy, then the
//! others, newest first. When the object dies its head's drop
//! ([`object_died`]) clears them all and queues their callbacks, which the
//! VM runs at its next safe point (see `vm::finalize`); when the cycle
//! collector finds the object in garbage, [`clear_for_garbage`] does the
//! same before any finalizer runs, and calls the callbacks of the weak
//! references that are not garbage themselves, as CPython does.

use super::gc::{GcHead, Visitor};
use super::{
    BoundMethod, Builtin, Class, Function, Generator, Instance, Module, Native, NativeBox,
    NativeObject, NativeRef, PySet, Value, WeakNative,
};
use crate::vm::Vm;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};

/// What a weak reference object is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum WeakKind {
    /// `weakref.ref`: called, it gives the object (or None).
    Ref,
    /// `weakref.proxy` of an object that is not callable.
    Proxy,
    /// `weakref.proxy` of a callable object.
    CallableProxy,
}

/// A weak handle to an object of any kind that can be weakly referenced.
enum WeakTarget {
    Instance(Weak<Instance>),
    Class(Weak<Class>),
    Function(Weak<Function>),
    Builtin(Weak<Builtin>),
    BoundMethod(Weak<BoundMethod>),
    Set(Weak<PySet>),
    FrozenSet(Weak<PySet>),
    Generator(Weak<Generator>),
    Module(Weak<Module>),
    Native(WeakNative),
}

impl WeakTarget {
    /// A weak handle to `v`, if its kind can be weakly referenced.
    fn of(v: &Value) -> Option<WeakTarget> {
        Some(match v {
            Value::Instance(r) if r.class.shape.weakref => WeakTarget::Instance(Rc::downgrade(r)),
            Value::Class(r) => WeakTarget::Class(Rc::downgrade(r)),
            Value::Function(r) => WeakTarget::Function(Rc::downgrade(r)),
            Value::Builtin(r) => WeakTarget::Builtin(Rc::downgrade(r)),
            Value::BoundMethod(r) => WeakTarget::BoundMethod(Rc::downgrade(r)),
            Value::Set(r) => WeakTarget::Set(Rc::downgrade(r)),
            Value::FrozenSet(r) => WeakTarget::FrozenSet(Rc::downgrade(r)),
            Value::Generator(r) => WeakTarget::Generator(Rc::downgrade(r)),
            Value::Module(r) => WeakTarget::Module(Rc::downgrade(r)),
            Value::Native(n) => WeakTarget::Native(n.downgrade()),
            _ => return None,
        })
    }

    fn upgrade(&self) -> Option<Value> {
        Some(match self {
            WeakTarget::Instance(w) => Value::Instance(w.upgrade()?),
            WeakTarget::Class(w) => Value::Class(w.upgrade()?),
            WeakTarget::Function(w) => Value::Function(w.upgrade()?),
            WeakTarget::Builtin(w) => Value::Builtin(w.upgrade()?),
            WeakTarget::BoundMethod(w) => Value::BoundMethod(w.upgrade()?),
            WeakTarget::Set(w) => Value::Set(w.upgrade()?),
            WeakTarget::FrozenSet(w) => Value::FrozenSet(w.upgrade()?),
            WeakTarget::Generator(w) => Value::Generator(w.upgrade()?),
            WeakTarget::Module(w) => Value::Module(w.upgrade()?),
            WeakTarget::Native(w) => Value::Native(NativeRef::upgrade(w)?),
        })
    }
}

/// A `weakref.ref`, `weakref.ProxyType` or `weakref.CallableProxyType`.
pub struct WeakRef {
    class: Rc<Class>,
    pub kind: WeakKind,
    /// None once the object died.
    target: RefCell<Option<WeakTarget>>,
    /// The callback (None when there is none), until it has been called.
    callback: RefCell<Value>,
    /// The object's hash, once asked for (a dead reference still has it).
    pub hash: Cell<Option<i64>>,
    /// The registry key of the object (the address of its head).
    key: Cell<usize>,
}

impl NativeObject for WeakRef {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        if let Ok(cb) = self.callback.try_borrow() {
            visit.value(&cb);
        }
    }
    fn clear(&self) {
        let cb = self
            .callback
            .try_borrow_mut()
            .map(|mut c| std::mem::take(&mut *c));
        drop(cb);
    }
    /// A reference's `__callback__`; every attribute of a proxy's object.
    fn get_attr(&self, vm: &Vm, name: &str) -> Option<crate::objects::PyResult<Value>> {
        match self.kind {
            WeakKind::Ref => (name == "__callback__").then(|| Ok(self.callback())),
            WeakKind::Proxy | WeakKind::CallableProxy => Some(
                self.referent(vm)
                    .and_then(|obj| vm.get_attr(&obj, &crate::objects::Name::new(name))),
            ),
        }
    }
    fn set_attr(&self, vm: &Vm, name: &str, value: Value) -> Option<crate::objects::PyResult<()>> {
        match self.kind {
            WeakKind::Ref => None,
            WeakKind::Proxy | WeakKind::CallableProxy => Some(
                self.referent(vm)
                    .and_then(|obj| vm.set_attr(&obj, &crate::objects::Name::new(name), value)),
            ),
        }
    }
}

impl WeakRef {
    /// The object, while it lives.
    pub fn get(&self) -> Option<Value> {
        self.target.borrow().as_ref()?.upgrade()
    }

    /// The object, or ReferenceError once it died (what a proxy does).
    pub fn referent(&self, vm: &Vm) -> crate::objects::PyResult<Value> {
        self.get().ok_or_else(|| {
            vm.new_error(
                &vm.exc.reference_error,
                "weakly-referenced object no longer exists",
            )
        })
    }

    pub fn callback(&self) -> Value {
        self.callback.borrow().clone()
    }

    pub fn is_plain(&self, base: &Rc<Class>) -> bool {
        self.callback.borrow().is_none() && Rc::ptr_eq(&self.class, base)
    }
}

impl Drop for WeakRef {
    fn drop(&mut self) {
        // The object outlives this reference: forget it in the registry.
        let Some(target) = self.target.get_mut().take().and_then(|t| t.upgrade()) else {
            return;
        };
        let empty = REGISTRY.try_with(|r| {
            let Ok(mut r) = r.try_borrow_mut() else {
                return false;
            };
            let key = self.key.get();
            let Some(list) = r.get_mut(&key) else {
                return false;
            };
            list.retain(|w| w.strong_count() > 0);
            let empty = list.is_empty();
            if empty {
                r.remove(&key);
            }
            empty
        });
        if empty == Ok(true) {
            if let Some(head) = target.gc_head() {
                head.set_has_weakrefs(false);
            }
        }
        drop(target);
    }
}

thread_local! {
    /// Object (the address of its head) -> its weak references, in CPython's order.
    static REGISTRY: RefCell<HashMap<usize, Vec<Weak<NativeBox<WeakRef>>>>> =
        RefCell::new(HashMap::new());
}

/// The weak references to `obj` that are alive, in order.
fn live_refs(key: usize) -> Vec<Native<WeakRef>> {
    REGISTRY.with(|r| {
        r.borrow()
            .get(&key)
            .map(|list| list.iter().filter_map(Weak::upgrade).collect())
            .unwrap_or_default()
    })
}

/// Whether objects like `obj` can be weakly referenced.
pub fn is_weakrefable(obj: &Value) -> bool {
    WeakTarget::of(obj).is_some()
}

/// A weak reference to `obj` of `kind`, of class `class`, with `callback`
/// (None for none). A plain one (no callback, the base class) is shared:
/// asking again gives the same object, as in CPython.
///
/// Returns None when `obj` cannot be weakly referenced.
pub fn new_ref(
    obj: &Value,
    kind: WeakKind,
    class: &Rc<Class>,
    base: &Rc<Class>,
    callback: Value,
) -> Option<Native<WeakRef>> {
    let target = WeakTarget::of(obj)?;
    let head: &GcHead = obj.gc_head()?;
    let key = head as *const GcHead as usize;
    let plain = callback.is_none() && Rc::ptr_eq(class, base);
    if plain {
        let existing = live_refs(key)
            .into_iter()
            .find(|w| w.kind == kind && w.is_plain(base));
        if existing.is_some() {
            return existing;
        }
    }
    let wr = NativeBox::new(WeakRef {
        class: class.clone(),
        kind,
        target: RefCell::new(Some(target)),
        callback: RefCell::new(callback),
        hash: Cell::new(None),
        key: Cell::new(key),
    });
    REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        let list = r.entry(key).or_default();
        list.retain(|w| w.strong_count() > 0);
        // The plain ref first, then the plain proxy, then the others, newest first.
        let plain_count = list
            .iter()
            .filter_map(Weak::upgrade)
            .take_while(|w| w.callback.borrow().is_none())
            .count();
        let at = if plain && kind == WeakKind::Ref {
            0
        } else {
            plain_count
        };
        list.insert(at, Rc::downgrade(&wr));
    });
    head.set_has_weakrefs(true);
    Some(wr)
}

/// Whether any object has weak references.
pub(crate) fn any_exist() -> bool {
    REGISTRY.with(|r| !r.borrow().is_empty())
}

/// `weakref.getweakrefcount(obj)`.
pub fn count(obj: &Value) -> usize {
    match obj.gc_head() {
        Some(h) if h.has_weakrefs() => live_refs(h as *const GcHead as usize).len(),
        _ => 0,
    }
}

/// `weakref.getweakrefs(obj)`.
pub fn refs(obj: &Value) -> Vec<Value> {
    match obj.gc_head() {
        Some(h) if h.has_weakrefs() => live_refs(h as *const GcHead as usize)
            .into_iter()
            .map(|w| Value::Native(NativeRef::from(w)))
            .collect(),
        _ => Vec::new(),
    }
}

/// Takes the weak references of the object with head `key` out of the
/// registry and clears them; returns those with a callback still to call.
fn clear_refs(key: usize) -> Vec<(Native<WeakRef>, Value)> {
    let list = REGISTRY
        .try_with(|r| r.borrow_mut().remove(&key))
        .ok()
        .flatten()
        .unwrap_or_default();
    let mut callbacks = Vec::new();
    for wr in list.iter().filter_map(Weak::upgrade) {
        let target = wr.target.borrow_mut().take();
        drop(target);
        let cb = std::mem::take(&mut *wr.callback.borrow_mut());
        if !cb.is_none() {
            callbacks.push((wr, cb));
        }
    }
    callbacks
}

/// Called by a head's drop when its object had weak references: clears
/// them and queues their callbacks for the VM's next safe point.
pub(crate) fn object_died(key: usize) {
    for (wr, cb) in clear_refs(key) {
        crate::vm::finalize::defer(crate::vm::finalize::Pending::WeakCallback(
            Value::Native(NativeRef::from(wr)),
            cb,
        ));
    }
}

/// Step 5 of a collection (see `objects::gc`): clears the weak references
/// to the garbage, then calls the callbacks of those that are not garbage
/// themselves. Returns how many weak references those callbacks freed (as
/// CPython counts them among the objects collected), and whether any
/// callback ran.
pub(crate) fn clear_for_garbage(vm: &Vm, garbage: &[Value]) -> (usize, bool) {
    let mut callbacks = Vec::new();
    for v in garbage {
        let Some(head) = v.gc_head() else { continue };
        if !head.has_weakrefs() {
            continue;
        }
        head.set_has_weakrefs(false);
        callbacks.extend(clear_refs(head as *const GcHead as usize));
    }
    let mut freed = 0;
    let ran = !callbacks.is_empty();
    for (wr, cb) in callbacks {
        if super::gc::is_collecting(wr.gc_head()) {
            continue;
        }
        let wr = Value::Native(NativeRef::from(wr));
        if let Err(e) = vm.call(&cb, std::slice::from_ref(&wr)) {
            vm.report_unraisable(&e, Some(&cb), None);
        }
        if let Value::Native(n) = &wr {
            if n.strong_count() == 1 {
                freed += 1;
            }
        }
    }
    (freed, ran)
}

/// Moves the weak references of a dying instance to the instance that
/// replaces it (an instance with `__del__` is finalized as a new object
/// holding its state: see `vm::finalize`).
pub(crate) fn move_refs(from: &GcHead, to: &Value) {
    if !from.has_weakrefs() {
        return;
    }
    from.set_has_weakrefs(false);
    let (Some(to_head), Some(_)) = (to.gc_head(), WeakTarget::of(to)) else {
        return;
    };
    let old_key = from as *const GcHead as usize;
    let new_key = to_head as *const GcHead as usize;
    let list = REGISTRY
        .try_with(|r| r.borrow_mut().remove(&old_key))
        .ok()
        .flatten()
        .unwrap_or_default();
    let mut moved = Vec::new();
    for wr in list.iter().filter_map(Weak::upgrade) {
        *wr.target.borrow_mut() = WeakTarget::of(to);
        wr.key.set(new_key);
        moved.push(wr);
    }
    if moved.is_empty() {
        return;
    }
    REGISTRY.with(|r| {
        r.borrow_mut()
            .insert(new_key, moved.iter().map(Rc::downgrade).collect())
    });
    to_head.set_has_weakrefs(true);
}
