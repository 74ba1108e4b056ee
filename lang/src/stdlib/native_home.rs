//! Which module each native function belongs to: its `__module__`.
//!
//! A native is a plain `Builtin` (name, function pointer, signature), with
//! no field for its module, and most natives are not modules' functions at
//! all. So the module a native function was created for is recorded here
//! when its module is built ([`super::module_with_declared`] and the other
//! table constructors do it), and the attribute lookup of `__module__` asks
//! [`home`]. A native recorded nowhere is a builtin (`'builtins'`).
//!
//! A module may also give a native another home than itself: asyncio's
//! natives name the submodule CPython defines them in (`asyncio.tasks`), or
//! `_asyncio` for those CPython writes in C.
//!
//! **Invariant**: an entry holds a weak reference to its native, so the
//! native's allocation (and with it the address that keys the entry) is
//! never reused for another while the entry exists.

use crate::objects::{Builtin, Value};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::{Rc, Weak};

struct Home {
    native: Weak<Builtin>,
    module: Value,
}

thread_local! {
    static HOMES: RefCell<HashMap<usize, Home>> = RefCell::new(HashMap::new());
}

fn key(b: &Rc<Builtin>) -> usize {
    Rc::as_ptr(b) as usize
}

/// Records that native function `f` belongs to module `module` (a later
/// record replaces an earlier one). Values other than natives are left alone.
pub(crate) fn set_home(f: &Value, module: &str) {
    if let Value::Builtin(b) = f {
        let home = Home {
            native: Rc::downgrade(b),
            module: Value::string(module.to_string()),
        };
        HOMES.with(|h| h.borrow_mut().insert(key(b), home));
    }
}

/// The module native function `f` was recorded in, if it is one.
pub(crate) fn home_of(f: &Value) -> Option<Value> {
    match f {
        Value::Builtin(b) => home(b),
        _ => None,
    }
}

/// The module native `b` was recorded in, as a `str` value.
pub(crate) fn home(b: &Rc<Builtin>) -> Option<Value> {
    HOMES.with(|h| {
        h.borrow()
            .get(&key(b))
            .filter(|home| home.native.as_ptr() == Rc::as_ptr(b))
            .map(|home| home.module.clone())
    })
}
