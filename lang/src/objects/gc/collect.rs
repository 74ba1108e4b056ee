//! Generations and collections (the algorithm of the module documentation
//! of `objects::gc`), and what the `gc` module reads and sets.
//!
//! Each generation is an intrusive circular list of heads behind a
//! sentinel, as CPython's: tracking and untracking are a few pointer writes,
//! and a collection merges the younger lists into the one it collects and
//! moves the survivors on by splicing whole lists.

use super::{
    clear_head, strong_count, traverse_head, value_of, GcHead, Kind, Referent, Visitor, COLLECTING,
    SENTINEL, TENTATIVE,
};
use crate::objects::{PyList, Value};
use crate::vm::Vm;
use std::cell::Cell;
use std::ptr;
use std::rc::Rc;

/// Generations, youngest first, then the permanent one (`gc.freeze`).
pub(super) const GENERATIONS: usize = 3;
const PERMANENT: usize = 3;

/// Statistics of one generation, as `gc.get_stats()` shows them.
#[derive(Clone, Copy, Default)]
pub struct GenStats {
    pub collections: usize,
    pub collected: usize,
    pub uncollectable: usize,
}

/// The collector's state (one per thread: objects are single-threaded).
struct GcState {
    /// Sentinels of the generation lists, made on first use and never
    /// freed (objects still alive when the thread ends unlink from them).
    lists: [Cell<*const GcHead>; GENERATIONS + 1],
    /// Generation 0: objects made minus objects freed since its last
    /// collection; generation `i > 0`: collections of generation `i - 1`
    /// since its last one.
    count: [Cell<usize>; GENERATIONS],
    threshold: [Cell<usize>; GENERATIONS],
    enabled: Cell<bool>,
    collecting: Cell<bool>,
    /// A collection is due at the next safe point.
    due: Cell<bool>,
    /// Objects that survived the last full collection, and those that
    /// reached the oldest generation since (CPython runs a full collection
    /// only when the latter are a quarter of the former).
    long_lived_total: Cell<usize>,
    long_lived_pending: Cell<usize>,
    stats: [Cell<GenStats>; GENERATIONS],
}

const NO_STATS: GenStats = GenStats {
    collections: 0,
    collected: 0,
    uncollectable: 0,
};

thread_local! {
    static GC: GcState = const {
        GcState {
            lists: [
                Cell::new(ptr::null()),
                Cell::new(ptr::null()),
                Cell::new(ptr::null()),
                Cell::new(ptr::null()),
            ],
            count: [Cell::new(0), Cell::new(0), Cell::new(0)],
            threshold: [Cell::new(700), Cell::new(10), Cell::new(10)],
            enabled: Cell::new(true),
            collecting: Cell::new(false),
            due: Cell::new(false),
            long_lived_total: Cell::new(0),
            long_lived_pending: Cell::new(0),
            stats: [Cell::new(NO_STATS), Cell::new(NO_STATS), Cell::new(NO_STATS)],
        }
    };
}

impl GcState {
    /// The sentinel of list `i`.
    #[inline]
    fn list(&self, i: usize) -> *const GcHead {
        let s = self.lists[i].get();
        if !s.is_null() {
            return s;
        }
        self.new_list(i)
    }

    #[cold]
    #[inline(never)]
    fn new_list(&self, i: usize) -> *const GcHead {
        let s: &'static GcHead = Box::leak(Box::new(GcHead::sentinel()));
        s.init_list();
        self.lists[i].set(s);
        s
    }
}

impl GcHead {
    /// An empty list's sentinel (a circular list of one).
    fn sentinel() -> GcHead {
        let s = GcHead::new();
        s.flags.set(SENTINEL);
        s
    }

    /// Makes a sentinel (at its final address) the empty circular list.
    fn init_list(&self) {
        self.next.set(self);
        self.prev.set(self);
    }
}

/// Links `head` at the end of list `list`.
///
/// # Safety
/// `list` is a live sentinel of a well-formed list (every sentinel is made
/// a list of one before use: see `GcState::new_list`); `head` is unlinked
/// and sits in an `Rc` (its address is stable until it is dropped, which
/// unlinks it).
#[inline(always)]
unsafe fn link(list: *const GcHead, head: &GcHead) {
    let last = (*list).prev.get();
    head.prev.set(last);
    head.next.set(list);
    (*last).next.set(head);
    (*list).prev.set(head);
}

/// Takes `head` out of its list.
///
/// # Safety
/// `head` is linked (its neighbours are live heads or sentinels).
pub(super) unsafe fn unlink(head: &GcHead) {
    let (prev, next) = (head.prev.get(), head.next.get());
    (*prev).next.set(next);
    (*next).prev.set(prev);
    head.next.set(ptr::null());
    head.prev.set(ptr::null());
}

/// Appends every head of list `from` to list `to`, leaving `from` empty.
///
/// # Safety
/// Both are live sentinels.
unsafe fn splice(from: *const GcHead, to: *const GcHead) {
    let first = (*from).next.get();
    if first == from {
        return;
    }
    let last = (*from).prev.get();
    let to_last = (*to).prev.get();
    (*to_last).next.set(first);
    (*first).prev.set(to_last);
    (*last).next.set(to);
    (*to).prev.set(last);
    (*from).init_list();
}

/// Calls `f` on each head of list `list`, in order. `f` may move the head
/// it is given (not others) to another list.
///
/// # Safety
/// `list` is a live sentinel and its list is well formed.
unsafe fn for_each(list: *const GcHead, mut f: impl FnMut(&GcHead)) {
    let mut h = (*list).next.get();
    while h != list {
        let next = (*h).next.get();
        f(&*h);
        h = next;
    }
}

/// Links a new object into generation 0 and counts it; a collection becomes
/// due once the count passes the threshold.
#[inline]
pub(super) fn link_young(head: &GcHead) {
    GC.with(|gc| {
        // SAFETY: callers pass heads of objects inside an `Rc` (IN_RC).
        unsafe { link(gc.list(0), head) };
        let c = gc.count[0].get() + 1;
        gc.count[0].set(c);
        if c > gc.threshold[0].get() && gc.enabled.get() && !gc.due.get() {
            schedule(gc);
        }
    });
}

/// Counts a tracked object freed (generation 0 counts allocations minus
/// deallocations, as in CPython).
#[inline]
pub(super) fn count_freed() {
    let _ = GC.try_with(|gc| {
        let c = gc.count[0].get();
        gc.count[0].set(c.saturating_sub(1));
    });
}

#[cold]
fn schedule(gc: &GcState) {
    if gc.collecting.get() || gc.threshold[0].get() == 0 {
        return;
    }
    gc.due.set(true);
    crate::objects::generator::raise_attention();
}

/// The heads in list `i`, in order.
fn heads(gc: &GcState, i: usize) -> Vec<*const GcHead> {
    let mut out = Vec::new();
    // SAFETY: the list is well formed: every linked head is live.
    unsafe { for_each(gc.list(i), |h| out.push(h as *const GcHead)) };
    out
}

// ---------------------------------------------------------------------------
// Collecting

/// Whether a collection is due (the allocation count passed its threshold).
pub fn is_due() -> bool {
    GC.with(|gc| gc.due.get())
}

/// Runs the collection that is due, choosing the generation as CPython's
/// `collect_generations` does: the oldest whose count passed its threshold
/// (the oldest only when enough objects reached it since the last full one).
pub fn collect_due(vm: &Vm) {
    let generation = GC.with(|gc| {
        gc.due.set(false);
        if !gc.enabled.get() || gc.collecting.get() {
            return None;
        }
        (0..GENERATIONS).rev().find(|&i| {
            gc.count[i].get() > gc.threshold[i].get()
                && (i + 1 < GENERATIONS
                    || gc.long_lived_pending.get() >= gc.long_lived_total.get() / 4)
        })
    });
    if let Some(g) = generation {
        collect(vm, g);
    }
}

/// Collects generation `generation` (and the younger ones); returns the
/// number of unreachable objects found, as `gc.collect()`. Does nothing
/// (and returns 0) when a collection is already running.
pub fn collect(vm: &Vm, generation: usize) -> usize {
    let generation = generation.min(GENERATIONS - 1);
    if GC.with(|gc| gc.collecting.replace(true)) {
        return 0;
    }
    run_callbacks(vm, "start", generation, 0, 0);
    let (collected, uncollectable) = collect_generation(vm, generation);
    GC.with(|gc| {
        let mut s = gc.stats[generation].get();
        s.collections += 1;
        s.collected += collected;
        s.uncollectable += uncollectable;
        gc.stats[generation].set(s);
    });
    run_callbacks(vm, "stop", generation, collected, uncollectable);
    GC.with(|gc| gc.collecting.set(false));
    collected + uncollectable
}

/// One collection of `generation`; returns the objects collected and those
/// left uncollectable.
fn collect_generation(vm: &Vm, generation: usize) -> (usize, usize) {
    let older_gen = (generation + 1).min(GENERATIONS - 1);
    let (young, older) = GC.with(|gc| {
        if generation + 1 < GENERATIONS {
            let next = &gc.count[generation + 1];
            next.set(next.get() + 1);
        }
        for c in &gc.count[..=generation] {
            c.set(0);
        }
        let young = gc.list(generation);
        // SAFETY: sentinels from `list`.
        unsafe {
            for i in 0..generation {
                splice(gc.list(i), young);
            }
        }
        (young, gc.list(older_gen))
    });
    // The garbage, and what is still garbage after its finalizers ran.
    let (unreachable, remaining) = (Box::new(GcHead::sentinel()), Box::new(GcHead::sentinel()));
    unreachable.init_list();
    remaining.init_list();
    let (unreachable, remaining): (&GcHead, &GcHead) = (&unreachable, &remaining);
    // SAFETY: every head in `young` is linked, so its object is alive, and
    // no code runs (and no count changes) until the survivors have moved.
    let survivors = unsafe {
        update_refs(young);
        subtract_refs(young);
        let survivors = move_unreachable(young, unreachable);
        if young != older {
            splice(young, older);
        }
        survivors
    };
    GC.with(|gc| {
        if generation == GENERATIONS - 1 {
            gc.long_lived_total.set(survivors);
            gc.long_lived_pending.set(0);
        } else if older_gen == GENERATIONS - 1 {
            gc.long_lived_pending
                .set(gc.long_lived_pending.get() + survivors);
        }
    });
    // From here on the garbage is held, so it cannot be freed before it is
    // cleared, and code may run.
    let mut garbage = Vec::new();
    // SAFETY: the unreachable heads are linked, hence alive.
    unsafe { for_each(unreachable, |h| garbage.push(value_of(h))) };
    if garbage.is_empty() {
        return (0, 0);
    }
    let (weakrefs_freed, callbacks_ran) = crate::objects::weakref::clear_for_garbage(vm, &garbage);
    let finalizers_ran = finalize(vm, &garbage);
    let garbage_heads = if callbacks_ran || finalizers_ran {
        // Only code can make garbage reachable again: what a finalizer
        // resurrected stays in `unreachable` and survives.
        // SAFETY: the garbage is held by `garbage`, hence alive, and still
        // flagged `COLLECTING`; no code runs while this looks at it.
        unsafe {
            update_refs_held(unreachable);
            subtract_refs(unreachable);
            move_unreachable(unreachable, remaining);
            splice(unreachable, older);
        }
        remaining
    } else {
        unreachable
    };
    let saveall = DEBUG.with(Cell::get) & DEBUG_SAVEALL != 0;
    let mut collected = 0;
    // SAFETY: what is left in `garbage_heads` is held by `garbage`.
    unsafe {
        for_each(garbage_heads, |h| {
            h.unset(COLLECTING | TENTATIVE);
            collected += 1;
            if saveall {
                garbage_list().push(value_of(h));
            } else {
                clear_head(h);
            }
        });
    }
    drop(garbage);
    // What the clearing did not free (nothing, unless a `clear` missed a
    // cycle) goes on to the older generation.
    // SAFETY: sentinels; the lists are well formed.
    unsafe {
        splice(unreachable, older);
        splice(remaining, older);
    }
    (collected + weakrefs_freed, 0)
}

/// Step 1: each head's `refs` starts as its object's strong count. Tuples
/// that hold only atoms stop being tracked on the way (CPython's
/// `untrack_tuples`: what they held may have become untracked since).
///
/// # Safety
/// `list`'s heads are alive.
unsafe fn update_refs(list: *const GcHead) {
    for_each(list, |h| {
        if h.kind.get() == Kind::Tuple
            && (*super::object::<crate::objects::Tuple>(h)).untrack_if_atomic()
        {
            return;
        }
        h.refs.set(strong_count(h).min(u32::MAX as usize) as u32);
        h.set(COLLECTING);
        h.unset(TENTATIVE);
    });
}

/// Step 1 again for the garbage, which the collector holds one reference
/// to each of (not a reference from outside).
///
/// # Safety
/// As [`update_refs`].
unsafe fn update_refs_held(list: *const GcHead) {
    for_each(list, |h| {
        let held = strong_count(h).saturating_sub(1);
        h.refs.set(held.min(u32::MAX as usize) as u32);
        h.unset(TENTATIVE);
    });
}

/// Step 2: takes the references among the collected heads off their `refs`.
///
/// # Safety
/// As [`update_refs`].
unsafe fn subtract_refs(list: *const GcHead) {
    let mut visitor = Visitor::subtracting();
    for_each(list, |h| traverse_head(h, &mut visitor));
}

/// Step 2 for one reference: a collected head it reaches loses one `ref`.
#[inline]
pub(super) fn subtract_one(target: &GcHead) {
    if target.has(COLLECTING) {
        // Below zero would mean a traverse visiting a reference its
        // object does not own.
        debug_assert!(target.refs.get() > 0, "traverse over-reported");
        target.refs.set(target.refs.get().saturating_sub(1));
    }
}

/// Step 3 for one reference from a reachable head: a collected head it
/// reaches is reachable too (moved back from `unreachable` if it was put
/// there, or given `refs = 1` to be found reachable when reached).
///
/// # Safety
/// `young` is the live sentinel [`move_unreachable`] walks; `target` is
/// alive.
#[inline]
pub(super) unsafe fn reach(young: &GcHead, target: &GcHead) {
    if !target.has(COLLECTING) {
        return;
    }
    if target.has(TENTATIVE) {
        target.unset(TENTATIVE);
        unlink(target);
        link(young, target);
        target.refs.set(1);
    } else if target.refs.get() == 0 {
        target.refs.set(1);
    }
}

/// Step 3, CPython's `move_unreachable`: walks `young`; a head with
/// references from outside is reachable, and what it references is too
/// (see [`reach`]); a head without goes to `unreachable`, tentatively. A
/// reachable head loses its `COLLECTING` flag once scanned; what ends in
/// `unreachable` keeps it (with `TENTATIVE`).
///
/// Returns the number of reachable heads (those left in `young`).
///
/// # Safety
/// Both are live sentinels; `young`'s heads are alive and flagged
/// `COLLECTING` with their `refs` from [`subtract_refs`].
unsafe fn move_unreachable(young: *const GcHead, unreachable: &GcHead) -> usize {
    let mut reachable = 0;
    let mut visitor = Visitor::reaching(&*young);
    let mut h = (*young).next.get();
    while h != young {
        let head = &*h;
        if head.refs.get() > 0 {
            traverse_head(head, &mut visitor);
            head.unset(COLLECTING);
            reachable += 1;
            // Read after the traversal, which may append heads to `young`.
            h = head.next.get();
        } else {
            let next = head.next.get();
            unlink(head);
            link(unreachable, head);
            head.set(TENTATIVE);
            h = next;
        }
    }
    reachable
}

/// Step 5: runs the finalizers of the garbage that has one and has not run
/// it yet, in the order the objects were made; returns whether any ran.
fn finalize(vm: &Vm, garbage: &[Value]) -> bool {
    let mut ran = false;
    for v in garbage {
        let Some(head) = v.gc_head() else { continue };
        if head.is_finalized() || !vm.has_finalizer(v) {
            continue;
        }
        head.mark_finalized();
        vm.run_finalizer(v);
        ran = true;
    }
    ran
}

// ---------------------------------------------------------------------------
// What the `gc` module reads and sets

/// `gc.set_debug` flags the collector acts on.
pub const DEBUG_SAVEALL: i64 = 32;

thread_local! {
    /// `gc.get_debug()`.
    pub static DEBUG: Cell<i64> = const { Cell::new(0) };
    /// `gc.garbage`: with `DEBUG_SAVEALL`, what would have been freed.
    static GARBAGE: Rc<PyList> = super::new(PyList::new(Vec::new()));
    /// `gc.callbacks`, called as `cb(phase, info)` around each collection.
    static CALLBACKS: Rc<PyList> = super::new(PyList::new(Vec::new()));
}

/// The list `gc.garbage`.
pub fn garbage_list() -> Rc<PyList> {
    GARBAGE.with(Rc::clone)
}

/// The list `gc.callbacks`.
pub fn callbacks_list() -> Rc<PyList> {
    CALLBACKS.with(Rc::clone)
}

fn run_callbacks(vm: &Vm, phase: &str, generation: usize, collected: usize, uncollectable: usize) {
    let callbacks = callbacks_list().snapshot();
    if callbacks.is_empty() {
        return;
    }
    let info = crate::builtins::dict_from_pairs(
        vm,
        vec![
            (Value::str("generation"), Value::Int(generation as i64)),
            (Value::str("collected"), Value::Int(collected as i64)),
            (
                Value::str("uncollectable"),
                Value::Int(uncollectable as i64),
            ),
        ],
    );
    let Ok(info) = info else { return };
    for cb in callbacks {
        if let Err(e) = vm.call(&cb, &[Value::str(phase), info.clone()]) {
            vm.report_unraisable(&e, Some(&cb), None);
        }
    }
}

pub fn enable(on: bool) {
    GC.with(|gc| gc.enabled.set(on));
}

pub fn is_enabled() -> bool {
    GC.with(|gc| gc.enabled.get())
}

pub fn counts() -> [usize; GENERATIONS] {
    GC.with(|gc| [0, 1, 2].map(|i| gc.count[i].get()))
}

pub fn thresholds() -> [usize; GENERATIONS] {
    GC.with(|gc| [0, 1, 2].map(|i| gc.threshold[i].get()))
}

/// `gc.set_threshold`: the thresholds given (the others stay).
pub fn set_thresholds(values: &[usize]) {
    GC.with(|gc| {
        for (t, &v) in gc.threshold.iter().zip(values) {
            t.set(v);
        }
    });
}

pub fn stats() -> [GenStats; GENERATIONS] {
    GC.with(|gc| [0, 1, 2].map(|i| gc.stats[i].get()))
}

/// The tracked objects, of one generation or of all.
pub fn objects(generation: Option<usize>) -> Vec<Value> {
    GC.with(|gc| {
        let lists: Vec<usize> = match generation {
            Some(g) => vec![g],
            None => (0..GENERATIONS).collect(),
        };
        lists
            .into_iter()
            .flat_map(|i| heads(gc, i))
            // SAFETY: linked heads are alive.
            .map(|h| unsafe { value_of(&*h) })
            .collect()
    })
}

/// Whether `pred` holds for any tracked object (a walk that makes no list).
pub fn any_object(mut pred: impl FnMut(&Value) -> bool) -> bool {
    let lists: Vec<*const GcHead> = GC.with(|gc| (0..=PERMANENT).map(|i| gc.list(i)).collect());
    let mut found = false;
    for list in lists {
        // SAFETY: linked heads are alive; `pred` runs no code that could
        // free or unlink another head (it only inspects the object).
        unsafe {
            for_each(list, |h| {
                if !found && pred(&value_of(h)) {
                    found = true;
                }
            })
        };
        if found {
            return true;
        }
    }
    false
}

/// The values `obj` references (its `traverse`).
pub fn referents(obj: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    let Some(head) = obj.gc_head() else {
        return out;
    };
    if head.kind.get() == Kind::Untracked {
        return out;
    }
    let mut visit = |r: Referent<'_>| match r {
        Referent::Value(v) => out.push(v.clone()),
        // SAFETY: a head reached from a live object is alive.
        Referent::Head(h) => out.push(unsafe { value_of(h) }),
    };
    // SAFETY: `obj` keeps its object alive, and its head records its kind.
    unsafe { traverse_head(head, &mut Visitor::with_atoms(&mut visit)) };
    out
}

/// The objects `root` leads to, breadth first (each once, in the order its
/// `traverse` and theirs report them): the order CPython's collector
/// finalizes a program's objects in at exit (its last collections see them
/// in that order).
pub fn reachable_from(root: &Value) -> Vec<Value> {
    let mut seen = std::collections::HashSet::new();
    let mut order: Vec<Value> = Vec::new();
    let mut next = 0;
    let mut push = |v: Value, order: &mut Vec<Value>| {
        if v.gc_head().is_some() && seen.insert(v.id()) {
            order.push(v);
        }
    };
    for v in referents(root) {
        push(v, &mut order);
    }
    while next < order.len() {
        let v = order[next].clone();
        next += 1;
        for r in referents(&v) {
            push(r, &mut order);
        }
    }
    order
}

/// The tracked objects that reference any of `targets`.
pub fn referrers(targets: &[Value]) -> Vec<Value> {
    let wanted: Vec<usize> = targets.iter().map(Value::id).collect();
    objects(None)
        .into_iter()
        .filter(|candidate| {
            let mut hit = false;
            let mut visit = |r: Referent<'_>| {
                let id = match r {
                    Referent::Value(v) => v.id(),
                    // SAFETY: a head reached from a live object is alive.
                    Referent::Head(h) => unsafe { value_of(h) }.id(),
                };
                hit |= wanted.contains(&id);
            };
            if let Some(head) = candidate.gc_head() {
                // SAFETY: `candidate` keeps it alive.
                unsafe { traverse_head(head, &mut Visitor::with_atoms(&mut visit)) };
            }
            hit
        })
        .collect()
}

/// `gc.freeze()`: every tracked object moves to the permanent generation,
/// which collections ignore.
pub fn freeze() {
    GC.with(|gc| {
        for i in 0..GENERATIONS {
            // SAFETY: sentinels.
            unsafe { splice(gc.list(i), gc.list(PERMANENT)) };
            gc.count[i].set(0);
        }
    });
}

/// `gc.unfreeze()`: the permanent generation joins the oldest one.
pub fn unfreeze() {
    // SAFETY: sentinels.
    GC.with(|gc| unsafe { splice(gc.list(PERMANENT), gc.list(GENERATIONS - 1)) });
}

pub fn freeze_count() -> usize {
    GC.with(|gc| heads(gc, PERMANENT).len())
}
