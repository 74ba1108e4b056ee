//! `set` and `frozenset`: an open-addressing hash table laid out as
//! CPython's, so that iteration order is CPython's.
//!
//! Programs print sets, and CPython iterates a set in the order of its table
//! slots, which follows from the hashes (ints hash to themselves), the table
//! size and the history of insertions and deletions. This table reproduces
//! that behaviour as CPython 3.11 shows it:
//!
//! - the table starts with 8 slots; after an insertion into a never-used
//!   slot leaves it 60% or more filled (counting deleted slots), it is
//!   rebuilt for four times the live entries (twice past 50,000), at the
//!   smallest power of two above that;
//! - a key's probe sequence starts at `hash & mask`, looks at the next 9
//!   slots as well when they fit before the end of the table, then jumps to
//!   `(i * 5 + 1 + perturb) & mask`, with `perturb` starting as the hash and
//!   shifted right by 5 on each jump;
//! - deleting leaves a dummy slot; a new key takes the last dummy met on its
//!   probe sequence (if it is not already present) rather than the empty
//!   slot that ends the search;
//! - rebuilding re-inserts the live entries in slot order.
//!
//! The operations that build one set from others (`|`, `&`, `-`, `^`,
//! `copy`) choose which operand to walk and how big to make the result as
//! CPython does; those choices live in `builtins/set.rs`.

use super::dict::{native_eq, DictKey};
use super::gc::{GcHead, Kind, Traced, Visitor};
use super::{PyResult, Value};
use crate::vm::Vm;
use std::cell::{Cell, RefCell};

/// Slots in a new or cleared table.
const MIN_SIZE: usize = 8;
/// Slots looked at after the first before the probe sequence jumps.
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
enum Slot {
    Empty,
    /// A deleted entry: probe sequences pass over it.
    Dummy,
    Active(DictKey),
}

#[derive(Clone)]
struct Table {
    /// A power of two long.
    slots: Vec<Slot>,
    /// Active and dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
}

impl Table {
    fn new(size: usize) -> Table {
        Table {
            slots: vec![Slot::Empty; size],
            fill: 0,
            used: 0,
        }
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// Puts `key` in the first empty slot of its probe sequence, in a table
    /// known to hold no dummy and no equal key (a table being rebuilt).
    fn insert_clean(&mut self, key: DictKey) {
        let mut seq = ProbeSeq::new(key.hash, self.mask());
        if let Some(slot) = seq.find(|&i| matches!(self.slots[i], Slot::Empty)) {
            self.slots[slot] = Slot::Active(key);
        }
    }

    /// Puts `key` in the empty slot `slot` (where a probe for it ended),
    /// growing the table if that left it 60% or more filled.
    fn fill_empty(&mut self, slot: usize, key: DictKey) -> Result<(), ()> {
        self.slots[slot] = Slot::Active(key);
        self.used += 1;
        self.fill += 1;
        if self.fill * 5 < self.mask() * 3 {
            return Ok(());
        }
        self.grow()
    }

    /// The live entries in slot order.
    fn entries(&self) -> impl Iterator<Item = &DictKey> {
        self.slots.iter().filter_map(|s| match s {
            Slot::Active(k) => Some(k),
            _ => None,
        })
    }

    /// Rebuilds the table for `min_used` entries: the smallest power of two
    /// from 8 above it, live entries re-inserted in slot order.
    fn resize(&mut self, min_used: usize) -> Result<(), ()> {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size = size.checked_mul(2).ok_or(())?;
        }
        let mut slots = Vec::new();
        slots.try_reserve_exact(size).map_err(|_| ())?;
        slots.resize(size, Slot::Empty);
        let old = std::mem::replace(&mut self.slots, slots);
        self.fill = self.used;
        for slot in old {
            if let Slot::Active(k) = slot {
                self.insert_clean(k);
            }
        }
        Ok(())
    }

    /// The size CPython grows to after an insertion that filled the table.
    fn grow(&mut self) -> Result<(), ()> {
        let used = self.used;
        self.resize(if used > 50_000 { used * 2 } else { used * 4 })
    }
}

/// The slots a key of hash `hash` visits, in order, in a table of
/// `mask + 1` slots. The sequence never ends, so a search needs an empty
/// slot to stop at (a table always has one: it is rebuilt before it fills).
struct ProbeSeq {
    mask: usize,
    perturb: usize,
    /// The first slot of the current run, the next slot to visit, and the
    /// number of slots of the run not visited yet.
    start: usize,
    next: usize,
    left: usize,
}

impl ProbeSeq {
    fn new(hash: i64, mask: usize) -> ProbeSeq {
        let perturb = hash as u64 as usize;
        let start = perturb & mask;
        ProbeSeq {
            mask,
            perturb,
            start,
            next: start,
            left: Self::run_len(start, mask),
        }
    }

    /// A run covers its first slot and the next [`LINEAR_PROBES`] when they
    /// fit before the end of the table, else its first slot alone.
    fn run_len(start: usize, mask: usize) -> usize {
        if start + LINEAR_PROBES <= mask {
            LINEAR_PROBES + 1
        } else {
            1
        }
    }
}

impl Iterator for ProbeSeq {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if self.left == 0 {
            self.perturb >>= PERTURB_SHIFT;
            self.start = self
                .start
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(self.perturb)
                & self.mask;
            self.next = self.start;
            self.left = Self::run_len(self.start, self.mask);
        }
        let i = self.next;
        self.next += 1;
        self.left -= 1;
        Some(i)
    }
}

/// Where a probe for a key ended.
enum Probe {
    /// The key is in this slot.
    Found(usize),
    /// The key is absent; this is where it would go (the last dummy met,
    /// or the empty slot that ended the search).
    Absent { slot: usize, reuses_dummy: bool },
}

#[repr(C)]
pub struct PySet {
    /// First, next to the reference counts, so that a collection reads
    /// one cache line per object it only counts (`objects::gc`).
    pub(crate) gc: GcHead,
    table: RefCell<Table>,
    /// Bumped by every change to the table, so that a probe that ran an
    /// `__eq__` can tell the table changed under it and start again, as
    /// CPython's does.
    version: Cell<u64>,
    /// Where `pop` looks first: one past the slot it last emptied.
    finger: Cell<usize>,
    /// A frozenset's hash, once computed.
    hash: Cell<Option<i64>>,
}

impl Default for PySet {
    fn default() -> PySet {
        PySet::new()
    }
}

impl Traced for PySet {
    const KIND: Kind = Kind::Set;
    const HEAD_OFFSET: usize = std::mem::offset_of!(PySet, gc);
    fn gc_head(&self) -> &GcHead {
        &self.gc
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        if let Ok(table) = self.table.try_borrow() {
            visit.values(table.entries().map(|k| &k.key));
        }
    }
    fn clear(&self) {
        let table = self
            .table
            .try_borrow_mut()
            .map(|mut t| std::mem::replace(&mut *t, Table::new(MIN_SIZE)));
        self.changed();
        drop(table);
    }
}

impl PySet {
    pub fn new() -> PySet {
        PySet {
            table: RefCell::new(Table::new(MIN_SIZE)),
            version: Cell::new(0),
            finger: Cell::new(0),
            hash: Cell::new(None),
            gc: GcHead::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.table.borrow().used
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn changed(&self) {
        self.version.set(self.version.get().wrapping_add(1));
    }

    /// Finds `key` (of hash `hash`), running `__eq__` where needed.
    fn lookup(&self, vm: &Vm, key: &Value, hash: i64) -> PyResult<Probe> {
        'restart: loop {
            let version = self.version.get();
            let mut free: Option<usize> = None;
            let seq = ProbeSeq::new(hash, self.table.borrow().mask());
            for i in seq {
                // The stored key to compare by `__eq__`, taken out of the
                // borrow so that `__eq__` may look at the set.
                let stored = {
                    let table = self.table.borrow();
                    match &table.slots[i] {
                        Slot::Empty => {
                            return Ok(match free {
                                Some(slot) => Probe::Absent {
                                    slot,
                                    reuses_dummy: true,
                                },
                                None => Probe::Absent {
                                    slot: i,
                                    reuses_dummy: false,
                                },
                            })
                        }
                        Slot::Dummy => {
                            free = Some(i);
                            continue;
                        }
                        Slot::Active(k) if k.hash == hash => match native_eq(&k.key, key) {
                            Some(true) => return Ok(Probe::Found(i)),
                            Some(false) => continue,
                            None => k.key.clone(),
                        },
                        Slot::Active(_) => continue,
                    }
                };
                let equal = vm.eq(&stored, key)?;
                if self.version.get() != version {
                    continue 'restart;
                }
                if equal {
                    return Ok(Probe::Found(i));
                }
            }
            unreachable!("a probe sequence never ends")
        }
    }

    pub fn contains(&self, vm: &Vm, key: &Value) -> PyResult<bool> {
        let hash = vm.hash(key)?;
        self.contains_hashed(vm, key, hash)
    }

    pub fn contains_hashed(&self, vm: &Vm, key: &Value, hash: i64) -> PyResult<bool> {
        Ok(matches!(self.lookup(vm, key, hash)?, Probe::Found(_)))
    }

    pub fn add(&self, vm: &Vm, key: Value) -> PyResult<()> {
        let hash = vm.hash(&key)?;
        self.add_hashed(vm, key, hash)
    }

    /// Adds `key` of hash `hash` unless an equal key is present.
    pub fn add_hashed(&self, vm: &Vm, key: Value, hash: i64) -> PyResult<()> {
        let Probe::Absent { slot, reuses_dummy } = self.lookup(vm, &key, hash)? else {
            return Ok(());
        };
        self.changed();
        let mut table = self.table.borrow_mut();
        let key = DictKey { hash, key };
        if reuses_dummy {
            table.slots[slot] = Slot::Active(key);
            table.used += 1;
            return Ok(());
        }
        table.fill_empty(slot, key).map_err(|()| vm.memory_error())
    }

    /// Removes `key`, returning whether it was present.
    pub fn remove(&self, vm: &Vm, key: &Value) -> PyResult<bool> {
        let hash = vm.hash(key)?;
        self.remove_hashed(vm, key, hash)
    }

    pub fn remove_hashed(&self, vm: &Vm, key: &Value, hash: i64) -> PyResult<bool> {
        let Probe::Found(slot) = self.lookup(vm, key, hash)? else {
            return Ok(false);
        };
        self.changed();
        let mut table = self.table.borrow_mut();
        // Dropped after the borrow ends: the key's `__del__` may look at the set.
        let old = std::mem::replace(&mut table.slots[slot], Slot::Dummy);
        table.used -= 1;
        drop(table);
        drop(old);
        Ok(true)
    }

    /// `set.pop()`: the first live entry from the finger on.
    pub fn pop(&self) -> Option<Value> {
        let mut table = self.table.borrow_mut();
        if table.used == 0 {
            return None;
        }
        let n = table.slots.len();
        let mut i = self.finger.get() & (n - 1);
        while !matches!(table.slots[i], Slot::Active(_)) {
            i = (i + 1) % n;
        }
        let Slot::Active(k) = std::mem::replace(&mut table.slots[i], Slot::Dummy) else {
            unreachable!("the loop stops at an active slot")
        };
        table.used -= 1;
        self.finger.set(i + 1);
        self.changed();
        Some(k.key)
    }

    pub fn clear(&self) {
        let old = std::mem::replace(&mut *self.table.borrow_mut(), Table::new(MIN_SIZE));
        self.changed();
        drop(old);
    }

    /// The elements in iteration (slot) order.
    pub fn items(&self) -> Vec<Value> {
        self.table
            .borrow()
            .entries()
            .map(|k| k.key.clone())
            .collect()
    }

    /// The elements with their hashes, in slot order.
    pub fn entries(&self) -> Vec<DictKey> {
        self.table.borrow().entries().cloned().collect()
    }

    /// The live entry at slot `*pos` or after, advancing `*pos` past it: a
    /// set iterator's step.
    pub fn next_from(&self, pos: &mut usize) -> Option<Value> {
        let table = self.table.borrow();
        while let Some(slot) = table.slots.get(*pos) {
            *pos += 1;
            if let Slot::Active(k) = slot {
                return Some(k.key.clone());
            }
        }
        None
    }

    /// Makes room for `incoming` more entries at once, as CPython does
    /// before merging another set or a dict into this one.
    pub fn reserve_for(&self, vm: &Vm, incoming: usize) -> PyResult<()> {
        let mut table = self.table.borrow_mut();
        let wanted = table.fill.saturating_add(incoming);
        if wanted.saturating_mul(5) >= table.mask() * 3 {
            let target = table.used.saturating_add(incoming).saturating_mul(2);
            self.changed();
            table.resize(target).map_err(|()| vm.memory_error())?;
        }
        Ok(())
    }

    /// Adds every element of `other` (CPython's `set_merge`): after one
    /// resize up front, an empty table of the same size copies `other`'s
    /// slots as they are, an empty one re-inserts them in slot order, and a
    /// non-empty one adds them one by one.
    pub fn merge(&self, vm: &Vm, other: &PySet) -> PyResult<()> {
        if std::ptr::eq(self, other) || other.is_empty() {
            return Ok(());
        }
        self.reserve_for(vm, other.len())?;
        let source = other.table.borrow().clone();
        if self.table.borrow().fill == 0 {
            self.changed();
            let mut table = self.table.borrow_mut();
            if table.slots.len() == source.slots.len() && source.fill == source.used {
                *table = source;
            } else {
                table.fill = source.used;
                table.used = source.used;
                for slot in source.slots {
                    if let Slot::Active(k) = slot {
                        table.insert_clean(k);
                    }
                }
            }
            return Ok(());
        }
        for slot in source.slots {
            if let Slot::Active(k) = slot {
                self.add_hashed(vm, k.key, k.hash)?;
            }
        }
        Ok(())
    }

    /// A copy as CPython's `set.copy()` makes it (a merge into a new set).
    pub fn copy_in(&self, vm: &Vm) -> PyResult<PySet> {
        let s = PySet::new();
        s.merge(vm, self)?;
        Ok(s)
    }

    /// A copy of the table as it is (the same slots).
    pub fn copy(&self) -> PySet {
        PySet {
            table: RefCell::new(self.table.borrow().clone()),
            version: Cell::new(0),
            finger: Cell::new(0),
            hash: Cell::new(None),
            gc: GcHead::new(),
        }
    }

    /// Takes `other`'s table, leaving `other` with this one's (CPython's
    /// `set_swap_bodies`, for the in-place operators).
    pub fn swap_bodies(&self, other: &PySet) {
        self.table.swap(&other.table);
        self.changed();
        other.changed();
    }

    /// After removing many elements: rebuilds the table if more than a
    /// quarter of it is dummies.
    pub fn shrink_dummies(&self, vm: &Vm) -> PyResult<()> {
        let mut table = self.table.borrow_mut();
        if table.fill - table.used <= table.mask() / 4 {
            return Ok(());
        }
        self.changed();
        table.grow().map_err(|()| vm.memory_error())
    }

    /// CPython's frozenset hash: the element hashes shuffled and xor-ed (so
    /// the order does not matter), mixed with the size; cached.
    pub fn frozen_hash(&self) -> i64 {
        if let Some(h) = self.hash.get() {
            return h;
        }
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
        }
        let table = self.table.borrow();
        let mut h: u64 = 0;
        for k in table.entries() {
            h ^= shuffle(k.hash as u64);
        }
        h ^= (table.used as u64 + 1).wrapping_mul(1_927_868_237);
        h ^= (h >> 11) ^ (h >> 25);
        h = h.wrapping_mul(69_069).wrapping_add(907_133_923);
        let mut h = h as i64;
        if h == -1 {
            h = 590_923_713;
        }
        self.hash.set(Some(h));
        h
    }
}

/// The order in which a new set holding distinct keys of these hashes,
/// added in this order, iterates them: indices into `hashes`, in slot
/// order. The compiler uses it to lay out frozenset constants as CPython
/// does, without a VM.
pub fn slot_order(hashes: &[i64]) -> Vec<usize> {
    let mut table = Table::new(MIN_SIZE);
    for (i, &hash) in hashes.iter().enumerate() {
        let key = DictKey {
            hash,
            key: Value::Int(i as i64),
        };
        let mut seq = ProbeSeq::new(hash, table.mask());
        let Some(slot) = seq.find(|&j| matches!(table.slots[j], Slot::Empty)) else {
            break;
        };
        if table.fill_empty(slot, key).is_err() {
            break;
        }
    }
    table
        .entries()
        .filter_map(|k| match k.key {
            Value::Int(i) => Some(i as usize),
            _ => None,
        })
        .collect()
}
