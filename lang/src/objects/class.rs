//! Classes and instances, including exceptions.
//!
//! Built-in types and user classes are both [`Class`]: a name, bases, the
//! method resolution order and a namespace. What an instance of a class
//! physically is (a plain object, an exception, a built-in value) is decided
//! by the built-in base it derives from, recorded as [`Layout`].

use super::{AttrMap, Name, PassBuild, Value};
use std::cell::{Cell, RefCell, RefMut};
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

pub struct Class {
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
    /// True once a class (or a base) defines `__getattr__`; saves a lookup on every missing attribute.
    pub has_getattr: Cell<bool>,
    /// The class's metaclass when it is not `type` (a user subclass of `type`).
    pub metaclass: RefCell<Option<Rc<Class>>>,
    /// Direct subclasses, for `__subclasses__()` (weak: a class does not keep its subclasses alive).
    pub subclasses: RefCell<Vec<std::rc::Weak<Class>>>,
    /// What calling the class takes, with the epoch it was worked out in
    /// (see `Vm::call_plan`).
    pub call_plan: RefCell<(u64, CallPlan)>,
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
pub struct Instance {
    pub class: Rc<Class>,
    pub dict: RefCell<AttrMap>,
    pub payload: Payload,
}

/// Data that some instances carry besides their `__dict__`.
pub enum Payload {
    None,
    Exception(RefCell<ExcData>),
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

impl Instance {
    pub fn new(class: Rc<Class>) -> Instance {
        let payload = if class.layout == Layout::Exception {
            Payload::Exception(RefCell::new(ExcData::default()))
        } else {
            Payload::None
        };
        Instance {
            class,
            dict: RefCell::new(AttrMap::default()),
            payload,
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

    pub fn get_attr(&self, name: &Name) -> Option<Value> {
        self.dict.borrow().get(name).cloned()
    }

    pub fn set_attr(&self, name: Name, value: Value) {
        self.dict.borrow_mut().insert(name, value);
    }
}
