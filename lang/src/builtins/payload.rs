//! Subclasses of built-in types: how `class Celsius(float)`, `class
//! Registry(dict)` or `class Cached(property)` get their instances.
//!
//! # How it works
//!
//! A built-in value (an int, a list, a native object such as a deque or a
//! property) has no room for a `__dict__` or another class. An instance of a
//! user subclass is therefore an ordinary [`Instance`] (its class, its
//! `__dict__`) whose payload, [`Payload::Builtin`], is the built-in value it
//! extends: the *base value*. Three rules make such instances behave as the
//! base everywhere:
//!
//! 1. **Construction.** Every subclassable built-in type's `__new__` goes
//!    through [`construct`]: called with the type itself it returns the plain
//!    value (the fast path, nothing wrapped); called with a subclass it wraps
//!    the value in an instance of that subclass. Immutable types (int, str,
//!    tuple, ...) build the value in `__new__`; mutable ones (list, dict,
//!    deque, property, ...) build an empty one there and fill it in
//!    `__init__`, as CPython does, so `super().__init__(...)` works.
//! 2. **Protocols.** The VM treats these instances as it treats any instance:
//!    operators, `len`, iteration, hashing, `repr`, subscripts look the dunder
//!    up on the class. The built-in type's own dunders are found there
//!    (unless the subclass overrides them): for the core value types they are
//!    the slot wrappers of `slots.rs`, which check the receiver, take its base
//!    value and run the native operation on it. Results have the base type
//!    (`MyList([1]) + [2]` is a list), as in CPython.
//! 3. **Methods.** A native method reads its receiver with
//!    [`Value::builtin_base`] (core values) or [`native_receiver`] (native
//!    objects), so `super().append(x)` and inherited methods act on the base
//!    value.
//!
//! Reusing it for a native type (`Value::Native`): give the class a `__new__`
//! that calls [`construct`], read receivers with [`native_receiver`] instead
//! of `downcast_native`, and leave the class subclassable. The native object
//! knows only itself; when it must hand its Python identity to callbacks (a
//! Task passing itself to done-callbacks), the method has the receiver
//! (`args.pos[0]`) at hand.

use crate::objects::class::{Instance, Payload};
use crate::objects::{Args, Class, PyResult, Value};
use crate::vm::Vm;
use std::rc::Rc;

/// A new instance of the subclass `cls` carrying the base value `payload`.
pub fn new_instance(cls: &Rc<Class>, payload: Value) -> Value {
    Value::Instance(crate::objects::gc::new(Instance::with_payload(
        cls.clone(),
        Payload::Builtin(payload),
    )))
}

/// `T.__new__(cls, *args)` for the built-in type `owner` (`T`): checks `cls`,
/// builds the base value with `make` (told whether `cls` is `T` itself) and
/// returns it as is for `T`, wrapped in an instance of `cls` for a subclass.
pub fn construct(
    vm: &Vm,
    args: Args,
    owner: &Rc<Class>,
    make: impl FnOnce(&Vm, Args, bool) -> PyResult,
) -> PyResult {
    let cls = match args.get(0) {
        Some(Value::Class(c)) => c,
        Some(other) => {
            return Err(vm.type_error(format!(
                "{}.__new__(X): X is not a type object ({})",
                owner.name,
                vm.type_name(other)
            )))
        }
        None => {
            return Err(vm.type_error(format!("{}.__new__(): not enough arguments", owner.name)))
        }
    };
    if Rc::ptr_eq(cls, owner) {
        return make(vm, args.skip_first(), true);
    }
    if !cls.is_subclass(owner) {
        return Err(vm.type_error(format!(
            "{}.__new__({}): {} is not a subtype of {}",
            owner.name,
            cls.qualname.borrow(),
            cls.qualname.borrow(),
            owner.name
        )));
    }
    let value = make(vm, args.skip_first(), false)?;
    Ok(new_instance(cls, value))
}

/// The native object of type `T` a method was called on: the receiver itself,
/// or the base value of an instance of a subclass.
pub fn native_receiver<T: 'static>(v: &Value) -> Option<&T> {
    v.builtin_base().downcast_native::<T>()
}

/// The TypeError of a method of `owner` called on a value of another type.
pub fn wrong_receiver(vm: &Vm, name: &str, owner: &str, got: &Value) -> crate::objects::PyErr {
    vm.type_error(format!(
        "descriptor '{name}' requires a '{owner}' object but received a '{}'",
        vm.type_name(got)
    ))
}
