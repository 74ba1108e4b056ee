//! `dict`: insertion-ordered hash map with Python's hash and equality.
//!
//! Keys are stored with their Python hash. Lookups go through indexmap's raw
//! entry API so that equality can call back into the VM (`__eq__` on user
//! objects) and report its errors; str and int keys never leave Rust.

use super::gc::{GcHead, Kind, Traced, Visitor};
use super::{Name, PassHasher, PyResult, Value};
use crate::vm::Vm;
use indexmap::map::raw_entry_v1::RawEntryMut;
use indexmap::map::RawEntryApiV1;
use indexmap::IndexMap;
use std::cell::{Cell, RefCell};
use std::hash::{Hash, Hasher};
use std::rc::Rc;

/// A key with its precomputed Python hash.
#[derive(Clone)]
pub struct DictKey {
    pub hash: i64,
    pub key: Value,
}

impl Hash for DictKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_i64(self.hash)
    }
}

impl PartialEq for DictKey {
    fn eq(&self, other: &DictKey) -> bool {
        self.hash == other.hash
            && native_eq(&self.key, &other.key).unwrap_or_else(|| self.key.is(&other.key))
    }
}

impl Eq for DictKey {}

pub type KeyMap<V> = IndexMap<DictKey, V, super::PassBuild>;

/// The u64 indexmap uses for a Python hash (must match `DictKey::hash`).
pub fn table_hash(h: i64) -> u64 {
    let mut s = PassHasher::default();
    s.write_i64(h);
    s.finish()
}

/// [`native_eq`] for a dict probe: two ints and one str twice, the usual
/// cases, are answered in line.
#[inline]
fn probe_eq(a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x == y),
        (Value::Str(x), Value::Str(y)) if std::rc::Rc::ptr_eq(x, y) => Some(true),
        _ => native_eq(a, b),
    }
}

/// Equality that needs no VM: Some(answer) for str/int/float/bool/None and
/// identical objects, None when `__eq__` may have to run.
pub fn native_eq(a: &Value, b: &Value) -> Option<bool> {
    use Value::*;
    Some(match (a, b) {
        (Str(x), Str(y)) => x.as_str() == y.as_str(),
        (Int(x), Int(y)) => x == y,
        (Int(x), Float(y)) | (Float(y), Int(x)) => (*x as f64) == y.get() && (y.get() as i64) == *x,
        (Float(x), Float(y)) => x.get() == y.get(),
        (Bool(x), Bool(y)) => x == y,
        (Bool(x), Int(y)) | (Int(y), Bool(x)) => (x.get() as i64) == *y,
        (None, None) => true,
        (BigInt(x), BigInt(y)) => x == y,
        (Int(_), BigInt(_)) | (BigInt(_), Int(_)) => false,
        (Bytes(x), Bytes(y)) => x == y,
        _ if a.is(b) => true,
        (Str(_), Int(_) | Float(_) | None | Bool(_) | Tuple(_)) => false,
        (Int(_) | Float(_) | None | Bool(_) | Tuple(_), Str(_)) => false,
        _ => return Option::None,
    })
}

/// Finds `key` in `map` using the VM for equality when needed.
#[inline]
pub fn find_index<V>(
    vm: &Vm,
    map: &RefCell<KeyMap<V>>,
    hash: i64,
    key: &Value,
) -> PyResult<Option<usize>> {
    // First without the VM: the answer unless some key of equal hash met
    // before the match (if any) needs `__eq__`.
    let mut undecided = false;
    let found = map
        .borrow()
        .raw_entry_v1()
        .index_from_hash(table_hash(hash), |k| {
            k.hash == hash
                && probe_eq(&k.key, key).unwrap_or_else(|| {
                    undecided = true;
                    false
                })
        });
    if !undecided {
        return Ok(found);
    }
    find_index_by_eq(vm, map, hash, key)
}

/// [`find_index`] for when equality may run `__eq__`. The map is not
/// borrowed while `__eq__` runs, since it may read or change this very
/// dict: the keys of equal hash are taken out first, and the one found
/// equal is looked up again by identity (if `__eq__` removed it, the search
/// starts over, as CPython's does when a comparison mutates the dict).
#[inline(never)]
fn find_index_by_eq<V>(
    vm: &Vm,
    map: &RefCell<KeyMap<V>>,
    hash: i64,
    key: &Value,
) -> PyResult<Option<usize>> {
    loop {
        let mut candidates = Vec::new();
        map.borrow()
            .raw_entry_v1()
            .index_from_hash(table_hash(hash), |k| {
                if k.hash == hash {
                    candidates.push(k.key.clone());
                }
                false
            });
        let mut equal = None;
        for candidate in candidates {
            let eq = match native_eq(&candidate, key) {
                Some(eq) => eq,
                None => vm.eq(&candidate, key)?,
            };
            if eq {
                equal = Some(candidate);
                break;
            }
        }
        let Some(equal) = equal else {
            return Ok(None);
        };
        let index = map
            .borrow()
            .raw_entry_v1()
            .index_from_hash(table_hash(hash), |k| k.hash == hash && k.key.is(&equal));
        if index.is_some() {
            return Ok(index);
        }
    }
}

#[repr(C)]
pub struct PyDict {
    /// First, next to the reference counts, so that a collection reads
    /// one cache line per object it only counts (`objects::gc`).
    pub(crate) gc: GcHead,
    pub map: RefCell<KeyMap<Value>>,
    /// Renewed on every insertion or removal ([`PyDict::changed`]) with a
    /// tag no dict of this thread has had (0 only while a dict was never
    /// changed, so it is empty): iterators detect changes by it, and a
    /// `LOAD_GLOBAL` site remembers by it that its name is absent from a
    /// globals dict (`vm::inline_cache::GlobalSite`).
    version: Cell<u64>,
}

thread_local! {
    /// The next [`PyDict::version`] tag.
    static NEXT_VERSION: Cell<u64> = const { Cell::new(1) };
}

/// A dict is tracked by the collector only once it holds something that can
/// hold references, as in CPython: most dicts (keyword arguments, JSON
/// records, counters) hold strings and numbers, and cost a collection nothing.
impl Traced for PyDict {
    const KIND: Kind = Kind::Dict;
    const HEAD_OFFSET: usize = std::mem::offset_of!(PyDict, gc);
    fn gc_head(&self) -> &GcHead {
        &self.gc
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        // As CPython: strings cannot reference anything, so a dict whose
        // keys are all strings reports only its values.
        // SAFETY: as in `PyList::traverse`.
        if let Ok(map) = unsafe { self.map.try_borrow_unguarded() } {
            let str_keys = map.keys().all(|k| matches!(k.key, Value::Str(_)));
            for (k, v) in map.iter() {
                visit.value(v);
                if !str_keys {
                    visit.value(&k.key);
                }
            }
        }
    }
    fn clear(&self) {
        let map = self
            .map
            .try_borrow_mut()
            .map(|mut m| std::mem::take(&mut *m));
        self.changed();
        drop(map);
    }
    fn tracked_when_made(&self) -> bool {
        self.map
            .borrow()
            .iter()
            .any(|(k, v)| k.key.may_be_tracked() || v.may_be_tracked())
    }
}

impl Default for PyDict {
    fn default() -> Self {
        PyDict::new()
    }
}

impl PyDict {
    /// The tag of the dict's set of keys: see the field's documentation.
    #[inline]
    pub fn version(&self) -> u64 {
        self.version.get()
    }

    /// Notes that keys were inserted or removed (or reordered).
    #[inline]
    pub fn changed(&self) {
        let tag = NEXT_VERSION.with(|next| next.replace(next.get() + 1));
        self.version.set(tag);
    }

    pub fn new() -> PyDict {
        PyDict {
            map: RefCell::new(KeyMap::default()),
            version: Cell::new(0),
            gc: GcHead::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.map.borrow().len()
    }

    /// Tracks the dict once it gets a key or value that can hold references.
    #[inline]
    fn track_for(&self, key: &Value, value: &Value) {
        if !self.gc.is_tracked() && (value.may_be_tracked() || key.may_be_tracked()) {
            self.gc.track_late();
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, vm: &Vm, key: &Value) -> PyResult<Option<Value>> {
        let hash = vm.hash(key)?;
        let index = find_index(vm, &self.map, hash, key)?;
        Ok(index.and_then(|i| self.map.borrow().get_index(i).map(|(_, v)| v.clone())))
    }

    /// Lookup by a string key (keyword arguments, `__dict__`-like uses).
    pub fn get_str(&self, key: &str) -> Option<Value> {
        let hash = super::str::PyStr::new(key).hash();
        let map = self.map.borrow();
        map.raw_entry_v1()
            .from_hash(table_hash(hash), |k| {
                k.hash == hash && k.key.as_str() == Some(key)
            })
            .map(|(_, v)| v.clone())
    }

    pub fn contains(&self, vm: &Vm, key: &Value) -> PyResult<bool> {
        let hash = vm.hash(key)?;
        self.contains_hashed(vm, key, hash)
    }

    /// `contains` for a key whose hash is known.
    pub fn contains_hashed(&self, vm: &Vm, key: &Value, hash: i64) -> PyResult<bool> {
        Ok(find_index(vm, &self.map, hash, key)?.is_some())
    }

    pub fn set(&self, vm: &Vm, key: Value, value: Value) -> PyResult<()> {
        let hash = vm.hash(&key)?;
        self.set_hashed(vm, hash, key, value)
    }

    pub fn set_hashed(&self, vm: &Vm, hash: i64, key: Value, value: Value) -> PyResult<()> {
        self.track_for(&key, &value);
        let index = find_index(vm, &self.map, hash, &key)?;
        let mut map = self.map.borrow_mut();
        match index {
            Some(i) => {
                if let Some((_, v)) = map.get_index_mut(i) {
                    *v = value;
                }
            }
            None => {
                if let RawEntryMut::Vacant(entry) = map
                    .raw_entry_mut_v1()
                    .from_hash(table_hash(hash), |_| false)
                {
                    entry.insert(DictKey { hash, key }, value);
                }
                self.changed();
            }
        }
        Ok(())
    }

    /// Removes `key`, returning its value if it was present.
    pub fn remove(&self, vm: &Vm, key: &Value) -> PyResult<Option<Value>> {
        let hash = vm.hash(key)?;
        let index = find_index(vm, &self.map, hash, key)?;
        Ok(index.and_then(|i| {
            self.changed();
            self.map.borrow_mut().shift_remove_index(i).map(|(_, v)| v)
        }))
    }

    pub fn keys(&self) -> Vec<Value> {
        self.map.borrow().keys().map(|k| k.key.clone()).collect()
    }

    /// The keys with their hashes, in order.
    pub fn keys_with_hashes(&self) -> Vec<DictKey> {
        self.map.borrow().keys().cloned().collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.map.borrow().values().cloned().collect()
    }

    pub fn items(&self) -> Vec<(Value, Value)> {
        self.map
            .borrow()
            .iter()
            .map(|(k, v)| (k.key.clone(), v.clone()))
            .collect()
    }

    pub fn clear(&self) {
        // Dropped once the map is no longer borrowed.
        let old = std::mem::take(&mut *self.map.borrow_mut());
        self.changed();
        drop(old);
    }

    /// A shallow copy.
    pub fn copy(&self) -> PyDict {
        PyDict {
            map: RefCell::new(self.map.borrow().clone()),
            version: Cell::new(NEXT_VERSION.with(|next| next.replace(next.get() + 1))),
            gc: GcHead::new(),
        }
    }

    pub fn entry_at(&self, i: usize) -> Option<(Value, Value)> {
        self.map
            .borrow()
            .get_index(i)
            .map(|(k, v)| (k.key.clone(), v.clone()))
    }
}

/// Whether dict key `key` is the string `name` (interned names compare by
/// pointer; a string built at run time by its text).
#[inline(always)]
fn is_name(key: &Value, name: &Name) -> bool {
    match key {
        Value::Str(s) => Rc::ptr_eq(s, name.as_pystr()) || s.as_str() == name.as_str(),
        _ => false,
    }
}

/// Namespace access: module globals, class bodies and materialised instance
/// dicts are plain dicts whose keys are names. These methods never run
/// Python code: a key matches a name when it is a `str` with the same text.
impl PyDict {
    /// The index of `name` in the map.
    #[inline]
    fn name_index(map: &KeyMap<Value>, name: &Name) -> Option<usize> {
        let hash = name.py_hash();
        map.raw_entry_v1().index_from_hash(table_hash(hash), |k| {
            k.hash == hash && is_name(&k.key, name)
        })
    }

    /// The value under `name`.
    pub fn get_name(&self, name: &Name) -> Option<Value> {
        let map = self.map.borrow();
        let i = Self::name_index(&map, name)?;
        map.get_index(i).map(|(_, v)| v.clone())
    }

    /// The value under `name`, trying index `hint` first (where the name was
    /// last found: namespaces rarely move their entries) and updating it.
    #[inline(always)]
    pub fn get_name_hinted(&self, name: &Name, hint: &Cell<u32>) -> Option<Value> {
        let map = self.map.borrow();
        if let Some((k, v)) = map.get_index(hint.get() as usize) {
            if is_name(&k.key, name) {
                return Some(v.clone());
            }
        }
        let i = Self::name_index(&map, name)?;
        hint.set(i as u32);
        map.get_index(i).map(|(_, v)| v.clone())
    }

    pub fn contains_name(&self, name: &Name) -> bool {
        Self::name_index(&self.map.borrow(), name).is_some()
    }

    /// Stores `value` under `name`; returns the value it replaced, which the
    /// caller drops (after the dict is no longer borrowed).
    pub fn set_name(&self, name: &Name, value: Value) -> Option<Value> {
        self.track_for(&Value::None, &value);
        let mut map = self.map.borrow_mut();
        if let Some(i) = Self::name_index(&map, name) {
            return map
                .get_index_mut(i)
                .map(|(_, v)| std::mem::replace(v, value));
        }
        let hash = name.py_hash();
        if let RawEntryMut::Vacant(entry) = map
            .raw_entry_mut_v1()
            .from_hash(table_hash(hash), |_| false)
        {
            entry.insert(
                DictKey {
                    hash,
                    key: name.to_value(),
                },
                value,
            );
        }
        self.changed();
        None
    }

    /// [`PyDict::set_name`] trying index `hint` first.
    #[inline(always)]
    pub fn set_name_hinted(&self, name: &Name, value: Value, hint: &Cell<u32>) -> Option<Value> {
        {
            let mut map = self.map.borrow_mut();
            if let Some((k, v)) = map.get_index_mut(hint.get() as usize) {
                if is_name(&k.key, name) {
                    if !self.gc.is_tracked() && value.may_be_tracked() {
                        self.gc.track_late();
                    }
                    return Some(std::mem::replace(v, value));
                }
            }
        }
        let old = self.set_name(name, value);
        if let Some(i) = Self::name_index(&self.map.borrow(), name) {
            hint.set(i as u32);
        }
        old
    }

    /// Removes `name`, returning its value if it was present.
    pub fn del_name(&self, name: &Name) -> Option<Value> {
        let mut map = self.map.borrow_mut();
        let i = Self::name_index(&map, name)?;
        self.changed();
        map.shift_remove_index(i).map(|(_, v)| v)
    }

    /// The names (string keys) in order, for `dir()` and completion.
    pub fn key_names(&self) -> Vec<Name> {
        self.map
            .borrow()
            .keys()
            .filter_map(|k| k.key.as_str().map(Name::new))
            .collect()
    }
}
