//! The cycle collector.
//!
//! Objects are freed by reference counting (`Rc`) the moment their count
//! drops to zero. What counting cannot free is a cycle, so, as CPython does,
//! a collector finds groups of objects that only reference each other and
//! breaks them.
//!
//! # How it works
//! Every heap object that can hold references has a [`GcHead`] and is
//! linked into one of three generation lists when it is made ("tracked").
//! A collection of generation `g` looks at the objects of generations
//! `0..=g` (the "young" set) and runs CPython's trial deletion:
//!
//! 1. each young object's `refs` starts as its `Rc` strong count;
//! 2. every young object visits what it references ([`Traced::traverse`]),
//!    and each young object it reaches loses one from `refs`: what is left
//!    is the number of references from outside the young set (Rust code,
//!    running frames, older or untracked objects);
//! 3. objects with `refs > 0` are reachable, and so is everything they
//!    reach; the rest is garbage;
//! 4. survivors move to the next older generation;
//! 5. weak references to the garbage are cleared (callbacks of weakrefs that
//!    are not garbage themselves run), then finalizers run (`__del__`,
//!    closing suspended generators, asyncio's reports), each at most once
//!    per object (PEP 442);
//! 6. trial deletion runs again over the garbage: what a finalizer made
//!    reachable again (resurrected) survives;
//! 7. the rest is cleared ([`Traced::clear`] drops the references each
//!    object owns), which breaks the cycles, and counting frees it all.
//!
//! Collections run at safe points only (between two instructions of the
//! dispatch loop, see `Vm::attend`), never in the middle of an operation:
//! allocation merely counts, and raises the VM's attention flag once the
//! young generation passed its threshold (700 by default, as CPython).
//!
//! # Invariants
//! - `traverse` visits exactly the strong references an object owns, each
//!   once. Missing one only hides a cycle (the referent looks referenced from
//!   outside); visiting one the object does not own could make a reachable
//!   object look like garbage. References held by Rust code (the executor,
//!   wakers, the REPL, natives' locals) are simply not visited by anything,
//!   so they count as references from outside: what Rust holds is never
//!   collected.
//! - A tracked object's head never moves: only objects inside an `Rc`
//!   (made by [`new`]) are ever linked, and the head unlinks itself when the
//!   object is dropped.
//! - Steps 1-4 run no code and change no count; the garbage is held by
//!   strong references from step 5 on, so nothing is freed under the
//!   collector's feet, and only garbage (which nothing outside references) is
//!   ever cleared.

mod collect;

pub use collect::{
    any_object, callbacks_list, collect, collect_due, counts, enable, freeze, freeze_count,
    garbage_list, is_due, is_enabled, objects, reachable_from, referents, referrers,
    set_thresholds, stats, thresholds, unfreeze, GenStats, DEBUG, DEBUG_SAVEALL,
};

use super::Value;
use std::cell::Cell;
use std::mem::ManuallyDrop;
use std::ptr;
use std::rc::Rc;

/// The collector's part of every heap object that can hold references.
///
/// A head is linked into a generation list while its object is tracked. It
/// is 24 bytes: two links, the count used during a collection, the object's
/// [`Kind`] and flags.
pub struct GcHead {
    next: Cell<*const GcHead>,
    prev: Cell<*const GcHead>,
    /// During a collection: references from outside the set being collected.
    refs: Cell<u32>,
    kind: Cell<Kind>,
    flags: Cell<u8>,
}

/// The object lives in an `Rc` made by [`new`]: its head's address is
/// stable, so it may be linked (now or later).
const IN_RC: u8 = 1;
/// Its finalizer has run (PEP 442: never twice).
const FINALIZED: u8 = 2;
/// Weak references to it exist (see `objects::weakref`).
pub(crate) const HAS_WEAKREFS: u8 = 4;
/// In the set being collected.
const COLLECTING: u8 = 8;
/// Put aside as unreachable while a collection walks its set.
const TENTATIVE: u8 = 16;
/// A list's sentinel, not an object.
const SENTINEL: u8 = 32;

impl GcHead {
    pub const fn new() -> GcHead {
        GcHead {
            next: Cell::new(ptr::null()),
            prev: Cell::new(ptr::null()),
            refs: Cell::new(0),
            kind: Cell::new(Kind::Untracked),
            flags: Cell::new(0),
        }
    }

    #[inline]
    pub fn is_tracked(&self) -> bool {
        !self.next.get().is_null()
    }

    #[inline]
    fn has(&self, flag: u8) -> bool {
        self.flags.get() & flag != 0
    }

    #[inline]
    fn set(&self, flag: u8) {
        self.flags.set(self.flags.get() | flag)
    }

    #[inline]
    fn unset(&self, flag: u8) {
        self.flags.set(self.flags.get() & !flag)
    }

    pub(crate) fn has_weakrefs(&self) -> bool {
        self.has(HAS_WEAKREFS)
    }

    pub(crate) fn set_has_weakrefs(&self, on: bool) {
        if on {
            self.set(HAS_WEAKREFS)
        } else {
            self.unset(HAS_WEAKREFS)
        }
    }

    /// Whether the object's finalizer has run.
    pub fn is_finalized(&self) -> bool {
        self.has(FINALIZED)
    }

    /// Marks the finalizer as run; returns whether it had run before.
    pub fn mark_finalized(&self) -> bool {
        let was = self.has(FINALIZED);
        self.set(FINALIZED);
        was
    }

    /// Tracks the object again (dicts are tracked once they hold a
    /// container). A no-op for an object not made by [`new`], whose head
    /// may still move.
    #[inline]
    pub fn track_late(&self) {
        if !self.is_tracked() && self.has(IN_RC) {
            collect::link_young(self);
        }
    }

    /// Stops tracking the object (it holds nothing that can form a cycle).
    pub fn untrack(&self) {
        if self.is_tracked() {
            // SAFETY: a tracked head is in a well-formed list (see `link`).
            unsafe { collect::unlink(self) };
        }
    }
}

impl Default for GcHead {
    fn default() -> GcHead {
        GcHead::new()
    }
}

impl Drop for GcHead {
    fn drop(&mut self) {
        if self.has(SENTINEL) {
            return;
        }
        if self.is_tracked() {
            // SAFETY: a tracked head is in a well-formed list (see `link`).
            unsafe { collect::unlink(self) };
            collect::count_freed();
        }
        if self.has(HAS_WEAKREFS) {
            super::weakref::object_died(self as *const GcHead as usize);
        }
    }
}

// ---------------------------------------------------------------------------
// Kinds: from a head back to its object

/// A heap type the collector can see into.
pub trait Traced: Sized + 'static {
    /// How the collector finds the object from its head.
    const KIND: Kind;
    /// `offset_of!(Self, gc)`: where the head sits in the object.
    const HEAD_OFFSET: usize;
    fn gc_head(&self) -> &GcHead;
    /// Visits every reference the object owns (see the module invariants).
    fn traverse(&self, visit: &mut Visitor<'_>);
    /// Drops the references the object owns that can form a cycle (what
    /// sits in its `RefCell`s); immutable objects leave this to the mutable
    /// objects of the cycle.
    fn clear(&self) {}
    /// Whether a new object is tracked from the start (a dict holding only
    /// strings and numbers is not, as in CPython, until it gets a container).
    fn tracked_when_made(&self) -> bool {
        true
    }
}

macro_rules! kinds {
    ($($kind:ident => $ty:ty, $variant:ident;)*) => {
        /// What a tracked object is, so that the collector can reach it
        /// from its head.
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        #[repr(u8)]
        pub enum Kind {
            Untracked,
            $($kind,)*
            /// A set used as a frozenset (same representation).
            FrozenSet,
            /// A native object (`NativeBox`).
            Native,
        }

        /// The object's strong count.
        ///
        /// # Safety
        /// `head` is the head of a live object of its recorded kind.
        pub(super) unsafe fn strong_count(head: &GcHead) -> usize {
            match head.kind.get() {
                $(Kind::$kind => typed_strong_count::<$ty>(head),)*
                Kind::FrozenSet => typed_strong_count::<super::PySet>(head),
                Kind::Native => native_at(head).strong_count(),
                Kind::Untracked => usize::MAX,
            }
        }

        /// Calls `traverse` on the object.
        ///
        /// # Safety
        /// As [`strong_count`].
        pub(super) unsafe fn traverse_head(head: &GcHead, visit: &mut Visitor<'_>) {
            match head.kind.get() {
                $(Kind::$kind => Traced::traverse(&*object::<$ty>(head), visit),)*
                Kind::FrozenSet => Traced::traverse(&*object::<super::PySet>(head), visit),
                Kind::Native => native_at(head).traverse(visit),
                Kind::Untracked => {}
            }
        }

        /// Calls `clear` on the object.
        ///
        /// # Safety
        /// As [`strong_count`].
        pub(super) unsafe fn clear_head(head: &GcHead) {
            match head.kind.get() {
                $(Kind::$kind => Traced::clear(&*object::<$ty>(head)),)*
                Kind::FrozenSet => Traced::clear(&*object::<super::PySet>(head)),
                Kind::Native => native_at(head).clear(),
                Kind::Untracked => {}
            }
        }

        /// A new strong reference to the object, as a value.
        ///
        /// # Safety
        /// As [`strong_count`].
        pub(super) unsafe fn value_of(head: &GcHead) -> Value {
            match head.kind.get() {
                $(Kind::$kind => Value::$variant(typed_rc::<$ty>(head)),)*
                Kind::FrozenSet => Value::FrozenSet(typed_rc::<super::PySet>(head)),
                Kind::Native => Value::Native((*native_at(head)).clone()),
                Kind::Untracked => Value::None,
            }
        }
    };
}

kinds! {
    Instance => super::Instance, Instance;
    Class => super::Class, Class;
    Function => super::Function, Function;
    List => super::PyList, List;
    Tuple => super::Tuple, Tuple;
    Dict => super::PyDict, Dict;
    Set => super::PySet, Set;
    BoundMethod => super::BoundMethod, BoundMethod;
    Builtin => super::Builtin, Builtin;
    Cell => super::CellObj, Cell;
    Generator => super::Generator, Generator;
    Iter => super::NativeIter, Iter;
    Module => super::Module, Module;
}

/// The object whose head is `head`.
///
/// # Safety
/// `head` is the `gc` field of a `T`.
pub(super) unsafe fn object<T: Traced>(head: &GcHead) -> *const T {
    (head as *const GcHead as *const u8).sub(T::HEAD_OFFSET) as *const T
}

/// # Safety
/// `head` is the `gc` field of a live `T` inside an `Rc` (only such heads
/// are linked, see `GcHead::track_late` and [`new`]).
unsafe fn typed_strong_count<T: Traced>(head: &GcHead) -> usize {
    let rc = ManuallyDrop::new(Rc::from_raw(object::<T>(head)));
    Rc::strong_count(&rc)
}

/// # Safety
/// As [`typed_strong_count`].
unsafe fn typed_rc<T: Traced>(head: &GcHead) -> Rc<T> {
    let obj = object::<T>(head);
    Rc::increment_strong_count(obj);
    Rc::from_raw(obj)
}

/// A borrowed handle to the native object whose head is `head`.
///
/// # Safety
/// `head` is the head of a live `NativeBox` (see `native::NativeBox`).
unsafe fn native_at(head: &GcHead) -> ManuallyDrop<super::NativeRef> {
    super::native::NativeRef::borrow_from_head(head)
}

/// Makes an object in an `Rc` and tracks it (unless it holds nothing that
/// can form a cycle yet, see [`Traced::tracked_when_made`]). Every heap
/// object that can hold references should be made here (or through the
/// `Value` constructors that call it): one made with a bare `Rc::new` is
/// never tracked, so the cycles through it are never found.
#[inline]
pub fn new<T: Traced>(value: T) -> Rc<T> {
    let rc = Rc::new(value);
    adopt(rc.gc_head(), T::KIND, rc.tracked_when_made());
    rc
}

/// [`new`] for a frozenset.
pub fn new_frozenset(value: super::PySet) -> Rc<super::PySet> {
    let rc = Rc::new(value);
    adopt(&rc.gc, Kind::FrozenSet, true);
    rc
}

/// Records that `head` sits in an `Rc` of an object of `kind`, and links it
/// when `track`.
#[inline]
pub(crate) fn adopt(head: &GcHead, kind: Kind, track: bool) {
    head.kind.set(kind);
    head.set(IN_RC);
    if track {
        collect::link_young(head);
    }
}

// ---------------------------------------------------------------------------
// Visiting references

/// What `traverse` reports to: the collector's own passes, which act on
/// each head inline (an object's traversal is the collector's inner loop,
/// so its per-reference work is a predictable branch, not an indirect
/// call), or a callback (`gc.get_referents`, `gc.get_referrers`).
pub struct Visitor<'a> {
    action: Action<'a>,
}

enum Action<'a> {
    /// Step 2 of a collection (see `collect::subtract_refs`).
    Subtract,
    /// Step 3 of a collection: what is reached from a reachable head is
    /// reachable (see `collect::move_unreachable`); the list is `young`.
    Reach(&'a GcHead),
    /// Anything else; `atoms`: report values that hold no references too
    /// (`gc.get_referents`), not only the objects with a head.
    Call {
        visit: &'a mut dyn FnMut(Referent<'_>),
        atoms: bool,
    },
}

/// One reference seen by a [`Visitor`].
pub enum Referent<'a> {
    Value(&'a Value),
    /// An object held by a typed handle (`Rc<Class>`, `Rc<PyDict>`, ...).
    Head(&'a GcHead),
}

impl<'a> Visitor<'a> {
    /// A visitor of the objects with a head only.
    pub fn new(visit: &'a mut dyn FnMut(Referent<'_>)) -> Visitor<'a> {
        Visitor {
            action: Action::Call {
                visit,
                atoms: false,
            },
        }
    }

    /// A visitor of every value, numbers and strings included.
    pub(super) fn with_atoms(visit: &'a mut dyn FnMut(Referent<'_>)) -> Visitor<'a> {
        Visitor {
            action: Action::Call { visit, atoms: true },
        }
    }

    /// The visitor of a collection's step 2.
    pub(super) fn subtracting() -> Visitor<'static> {
        Visitor {
            action: Action::Subtract,
        }
    }

    /// The visitor of a collection's step 3, over the list `young`.
    pub(super) fn reaching(young: &'a GcHead) -> Visitor<'a> {
        Visitor {
            action: Action::Reach(young),
        }
    }

    #[inline]
    pub fn value(&mut self, v: &Value) {
        if let Action::Call { visit, atoms: true } = &mut self.action {
            visit(Referent::Value(v))
        } else if let Some(head) = v.gc_head() {
            self.head(head)
        }
    }

    pub fn values<'v>(&mut self, vs: impl IntoIterator<Item = &'v Value>) {
        for v in vs {
            self.value(v)
        }
    }

    /// An object held by a typed handle.
    #[inline]
    pub fn rc<T: Traced>(&mut self, rc: &Rc<T>) {
        self.head(rc.gc_head())
    }

    /// A native object held by a typed handle (`Native<T>`).
    #[inline]
    pub fn native<T: ?Sized>(&mut self, native: &super::native::NativeBox<T>) {
        self.head(native.gc_head())
    }

    #[inline]
    fn head(&mut self, head: &GcHead) {
        match &mut self.action {
            Action::Subtract => collect::subtract_one(head),
            // SAFETY: a reaching visitor only runs inside
            // `move_unreachable`, whose list `young` is.
            Action::Reach(young) => unsafe { collect::reach(young, head) },
            Action::Call { visit, .. } => visit(Referent::Head(head)),
        }
    }
}

impl Referent<'_> {
    /// The head of the object referenced, if it has one.
    pub fn head(&self) -> Option<&GcHead> {
        match self {
            Referent::Value(v) => v.gc_head(),
            Referent::Head(h) => Some(h),
        }
    }
}

impl Value {
    /// The collector's head of the object this value references, for
    /// values of the kinds that can hold references.
    pub fn gc_head(&self) -> Option<&GcHead> {
        Some(match self {
            Value::List(r) => &r.gc,
            Value::Tuple(r) => &r.1,
            Value::Dict(r) => &r.gc,
            Value::Set(r) | Value::FrozenSet(r) => &r.gc,
            Value::Function(r) => &r.gc,
            Value::Builtin(r) => &r.gc,
            Value::BoundMethod(r) => &r.gc,
            Value::Class(r) => &r.gc,
            Value::Instance(r) => &r.gc,
            Value::Generator(r) => &r.gc,
            Value::Iter(r) => &r.gc,
            Value::Module(r) => &r.gc,
            Value::Cell(r) => &r.gc,
            Value::Native(n) => n.gc_head(),
            _ => return None,
        })
    }

    /// Whether a container holding this value must be tracked (CPython's
    /// `_PyObject_GC_MAY_BE_TRACKED`): every value that can hold references,
    /// except a tuple the collector found to hold none.
    #[inline]
    pub fn may_be_tracked(&self) -> bool {
        match self {
            Value::None
            | Value::Bool(_)
            | Value::Int(_)
            | Value::Float(_)
            | Value::Str(_)
            | Value::BigInt(_)
            | Value::Bytes(_)
            | Value::Range(_)
            | Value::Undef
            | Value::Ellipsis
            | Value::NotImplemented => false,
            Value::Tuple(t) => t.1.is_tracked(),
            _ => true,
        }
    }
}

/// Whether `head`'s object is in the set a running collection examines
/// (for the weak references of the garbage: those that are garbage too
/// call no callback).
pub(crate) fn is_collecting(head: &GcHead) -> bool {
    head.has(COLLECTING)
}

/// Whether `v`'s object is tracked (`gc.is_tracked`).
pub fn is_tracked(v: &Value) -> bool {
    v.gc_head().is_some_and(GcHead::is_tracked)
}
