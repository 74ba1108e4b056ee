//! User subclasses of asyncio's native types (`class MyTask(asyncio.Task)`,
//! `class MyLoop(asyncio.SelectorEventLoop)`, `class MyQueue(asyncio.Queue)`).
//!
//! # How it works
//! An instance of such a subclass is the built-in payload instance of
//! `builtins/payload.rs`: an ordinary `Instance` (the subclass, a
//! `__dict__`) whose payload is the native object, so `super().method()`
//! and inherited native methods find their native receiver through
//! [`receiver`] (`Value::builtin_base`), and an unsubclassed native object
//! stays a plain `Value::Native` with no cost added.
//!
//! Two things are particular to asyncio:
//!
//! - **The face.** A future, a task or a loop is handed to Python code by
//!   the machinery itself, long after the method that received it returned
//!   (done callbacks get the future, `current_task()` the task,
//!   `get_running_loop()` the loop). Those must see the subclass instance,
//!   so the native object keeps a [`Face`]: a back-pointer to its instance.
//!   It is strong while the loop is using the object (a pending future or
//!   task, a running loop), so a task nobody else holds keeps its subclass
//!   state, and weak otherwise, so that the instance and its native object
//!   do not keep each other alive for ever. A pending future that every
//!   holder dropped is such a cycle; `traverse` reports the strong face so
//!   a cycle collector can free it.
//! - **Overridable hooks.** Where CPython's machinery calls a method that a
//!   subclass may override (a queue's `_put`, a lock's `acquire` in
//!   `async with`, a loop's `create_task`), the native code asks
//!   [`override_of`] whether the receiver's class replaces the native
//!   method, and calls the override if so; otherwise it stays on its native
//!   path.

use crate::objects::class::{Instance, Payload};
use crate::objects::gc::Visitor;
use crate::objects::{Class, Name, PyResult, Value};
use crate::vm::Vm;
use std::cell::{OnceCell, RefCell};
use std::rc::{Rc, Weak};

/// The subclass instance a native object is the payload of (see the module
/// documentation). Empty (one null word) for objects of the native classes
/// themselves, which are the ones on hot paths.
#[derive(Default)]
pub struct Face(OnceCell<Box<FaceData>>);

struct FaceData {
    link: RefCell<Link>,
    /// The subclass, kept for reprs made after the instance is gone.
    class: Rc<Class>,
}

enum Link {
    Strong(Rc<Instance>),
    Weak(Weak<Instance>),
}

impl Face {
    /// The subclass instance, if there is one and it is alive.
    #[inline]
    pub fn get(&self) -> Option<Value> {
        let data = self.0.get()?;
        match &*data.link.borrow() {
            Link::Strong(i) => Some(Value::Instance(i.clone())),
            Link::Weak(w) => w.upgrade().map(Value::Instance),
        }
    }

    /// Whether the object is the payload of a subclass instance.
    #[inline]
    pub fn is_set(&self) -> bool {
        self.0.get().is_some()
    }

    /// The subclass's name, or `native`'s for an object of a native class.
    pub fn class_name(&self, native: &Class) -> Rc<str> {
        match self.0.get() {
            Some(data) => data.class.name.clone(),
            None => native.name.clone(),
        }
    }

    fn set(&self, link: Link, instance: &Rc<Instance>) {
        match self.0.get() {
            Some(data) => *data.link.borrow_mut() = link,
            None => {
                let _ = self.0.set(Box::new(FaceData {
                    link: RefCell::new(link),
                    class: instance.class.clone(),
                }));
            }
        }
    }

    /// Records the instance, held strongly until [`release`](Face::release).
    pub fn hold(&self, instance: &Rc<Instance>) {
        self.set(Link::Strong(instance.clone()), instance);
    }

    /// Records the instance without keeping it alive.
    pub fn attach(&self, instance: &Rc<Instance>) {
        self.set(Link::Weak(Rc::downgrade(instance)), instance);
    }

    /// Holds the instance strongly again (a loop that starts running).
    pub fn reacquire(&self) {
        let Some(data) = self.0.get() else { return };
        let strong = match &*data.link.borrow() {
            Link::Weak(w) => w.upgrade(),
            Link::Strong(_) => None,
        };
        if let Some(i) = strong {
            *data.link.borrow_mut() = Link::Strong(i);
        }
    }

    /// Stops keeping the instance alive (the loop is done with the object).
    #[inline]
    pub fn release(&self) {
        if let Some(data) = self.0.get() {
            release(data);
        }
    }

    /// Visits the instance while it is held strongly (for a cycle collector).
    pub fn traverse(&self, visit: &mut Visitor<'_>) {
        if let Some(data) = self.0.get() {
            if let Link::Strong(i) = &*data.link.borrow() {
                visit.rc(i);
            }
        }
    }
}

fn release(data: &FaceData) {
    let mut link = data.link.borrow_mut();
    if let Link::Strong(i) = &*link {
        let weak = Rc::downgrade(i);
        // Dropping the strong handle may drop the instance, and with it the
        // native object that owns this face: finish the borrow first.
        let old = std::mem::replace(&mut *link, Link::Weak(weak));
        drop(link);
        drop(old);
    }
}

/// `native` as the collector must see it: the native object itself, never
/// its subclass instance ([`Fut::value`](super::futures::Fut::value) gives
/// the instance, which is a different object with its own count).
#[inline]
pub fn native_value<T: crate::objects::NativeObject>(native: &crate::objects::Native<T>) -> Value {
    Value::Native(native.clone().into())
}

/// The native object of type `T` a method was called on: the receiver
/// itself, or the payload of a subclass instance.
pub fn receiver<T: 'static>(v: &Value) -> Option<&T> {
    v.builtin_base().downcast_native::<T>()
}

/// Wraps `native` in a new instance of the user subclass `cls`.
pub fn subclass_instance(cls: &Rc<Class>, native: Value) -> Rc<Instance> {
    crate::objects::gc::new(Instance::with_payload(
        cls.clone(),
        Payload::Builtin(native),
    ))
}

/// The class a native `__new__` was asked to build (its first argument).
/// Errors name the class as CPython does: `_asyncio.Future` for the types
/// CPython writes in C, `object` for those it writes in Python.
pub fn new_target(vm: &Vm, args: &crate::objects::Args, owner: &Rc<Class>) -> PyResult<Rc<Class>> {
    let owner_name = if &**owner.module.borrow() == "_asyncio" {
        owner.display_name()
    } else {
        "object".to_string()
    };
    match args.get(0) {
        Some(Value::Class(c)) if c.is_subclass(owner) => Ok(c.clone()),
        Some(Value::Class(c)) => {
            let name = c.qualname.borrow();
            Err(vm.type_error(format!(
                "{owner_name}.__new__({name}): {name} is not a subtype of {owner_name}"
            )))
        }
        Some(other) => Err(vm.type_error(format!(
            "{owner_name}.__new__(X): X is not a type object ({})",
            vm.type_name(other)
        ))),
        None => Err(vm.type_error(format!("{owner_name}.__new__(): not enough arguments"))),
    }
}

/// The method `name` of `receiver` if its class overrides the native
/// method that `native` (a native class) defines, bound to the receiver.
/// `None` for native receivers and for subclasses that inherit the native
/// method, which then run their native path.
#[inline]
pub fn override_of(
    vm: &Vm,
    receiver: &Value,
    native: &Rc<Class>,
    name: &str,
) -> PyResult<Option<Value>> {
    let Value::Instance(i) = receiver else {
        return Ok(None);
    };
    if !overrides(&i.class, native, name) {
        return Ok(None);
    }
    vm.get_attr(receiver, &Name::new(name)).map(Some)
}

/// Whether `class` replaces the attribute `name` that the native class
/// `native` defines.
pub fn overrides(class: &Rc<Class>, native: &Rc<Class>, name: &str) -> bool {
    let name = Name::new(name);
    match (class.lookup(&name), native.lookup(&name)) {
        (Some(mine), Some(theirs)) => !mine.is(&theirs),
        (Some(_), None) => true,
        (None, _) => false,
    }
}
