//! One-word handles to native objects.
//!
//! `Value::Native` must be one pointer wide so that `Value` stays 16 bytes
//! (DESIGN.md, "Performance principles"): values of that size move in two
//! registers, while a 24-byte value goes through memory on every copy. An
//! `Rc<dyn NativeObject>` is two words (data + vtable), so native objects
//! live in a [`NativeBox`] instead, whose first field can rebuild the
//! two-word pointer from the one-word [`NativeRef`].
//!
//! Code that needs the concrete type keeps a typed handle, [`Native<T>`]
//! (`Rc<NativeBox<T>>`, which derefs to `T`); `NativeRef::from` turns it
//! into the handle a `Value` holds. Both count the same allocation, so
//! identity (`is`, `id()`) is the same whichever way a value was made.

use super::gc::{GcHead, Kind};
use super::NativeObject;
use std::mem::ManuallyDrop;
use std::ops::Deref;
use std::ptr::NonNull;
use std::rc::{Rc, Weak};

/// Rebuilds the two-word pointer to a box from the address of its data.
type AsDyn = unsafe fn(*const ()) -> *const NativeBox<dyn NativeObject>;

/// A native object with the function that recovers its vtable.
#[repr(C)]
pub struct NativeBox<T: ?Sized> {
    /// Always the first field (`repr(C)`), so it can be read through a
    /// pointer that does not know `T`.
    as_dyn: AsDyn,
    /// The cycle collector's head (see `objects::gc`), always second, so
    /// the collector finds the box from it whatever `T` is.
    gc: GcHead,
    value: T,
}

/// Where the head sits in every box: right after `as_dyn` (a function
/// pointer, so no padding whatever the alignment of `T`).
const HEAD_OFFSET: usize = std::mem::size_of::<AsDyn>();

/// A typed, counted handle to a native object.
pub type Native<T> = Rc<NativeBox<T>>;

/// `as_dyn` for boxes of `T`.
///
/// # Safety
/// `data` must point at a live `NativeBox<T>`.
unsafe fn as_dyn<T: NativeObject>(data: *const ()) -> *const NativeBox<dyn NativeObject> {
    data as *const NativeBox<T> as *const NativeBox<dyn NativeObject>
}

impl<T: NativeObject> NativeBox<T> {
    /// A new native object, tracked by the cycle collector.
    pub fn new(value: T) -> Native<T> {
        let rc = Rc::new(NativeBox {
            as_dyn: as_dyn::<T>,
            gc: GcHead::new(),
            value,
        });
        super::gc::adopt(&rc.gc, Kind::Native, true);
        rc
    }

    /// For objects that keep a weak handle to themselves (futures, locks).
    pub fn new_cyclic(make: impl FnOnce(&Weak<NativeBox<T>>) -> T) -> Native<T> {
        let rc = Rc::new_cyclic(|me| NativeBox {
            as_dyn: as_dyn::<T>,
            gc: GcHead::new(),
            value: make(me),
        });
        super::gc::adopt(&rc.gc, Kind::Native, true);
        rc
    }
}

impl<T: ?Sized> NativeBox<T> {
    /// The collector's head.
    pub fn gc_head(&self) -> &GcHead {
        &self.gc
    }
}

impl<T: ?Sized> Deref for NativeBox<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.value
    }
}

/// An untyped, counted, one-word handle to a native object: what
/// `Value::Native` holds. It derefs to `dyn NativeObject`.
pub struct NativeRef(NonNull<()>);

impl NativeRef {
    pub fn new<T: NativeObject>(value: T) -> NativeRef {
        NativeRef::from(NativeBox::new(value))
    }

    /// The two-word pointer to the box.
    #[inline]
    fn wide(&self) -> *const NativeBox<dyn NativeObject> {
        // SAFETY: `self.0` came from `Rc::into_raw` of a `Native<T>` (see
        // `From`), and the handle keeps that box alive. Every `NativeBox` is
        // `repr(C)` with `as_dyn` first, so the function pointer sits at the
        // data address whatever `T` is, and that function was instantiated
        // for the box's own `T`.
        unsafe {
            let as_dyn = *(self.0.as_ptr() as *const AsDyn);
            as_dyn(self.0.as_ptr())
        }
    }

    /// The address of the object, for identity.
    pub fn addr(&self) -> usize {
        self.0.as_ptr() as usize
    }

    /// The collector's head of the object: at the same offset in every box,
    /// so it is found without rebuilding the two-word pointer (the
    /// collector asks for it on every reference it follows).
    #[inline]
    pub fn gc_head(&self) -> &GcHead {
        // SAFETY: `self.0` points at a live `NativeBox` (see `wide`), which
        // is `repr(C)` with its head at `HEAD_OFFSET` whatever `T` is.
        unsafe {
            &*(self.0.as_ptr() as *const u8)
                .add(HEAD_OFFSET)
                .cast::<GcHead>()
        }
    }

    /// The number of strong handles to the object.
    pub fn strong_count(&self) -> usize {
        // SAFETY: as in `downgrade`: the rebuilt `Rc` is never dropped.
        let rc = ManuallyDrop::new(unsafe { Rc::from_raw(self.wide()) });
        Rc::strong_count(&rc)
    }

    /// A handle to the box whose head is `head`, that must not be dropped
    /// (it owns no count).
    ///
    /// # Safety
    /// `head` is the `gc` field of a live `NativeBox` made by `NativeBox::new`
    /// or `new_cyclic` (only those are tracked with `Kind::Native`).
    pub(crate) unsafe fn borrow_from_head(head: &GcHead) -> ManuallyDrop<NativeRef> {
        let data = (head as *const GcHead as *const u8).sub(HEAD_OFFSET) as *mut ();
        ManuallyDrop::new(NativeRef(NonNull::new_unchecked(data)))
    }

    /// The typed handle, if the object is a `T`.
    pub fn downcast<T: NativeObject>(&self) -> Option<Native<T>> {
        if !self.as_any().is::<T>() {
            return None;
        }
        let typed = self.0.as_ptr() as *const NativeBox<T>;
        // SAFETY: the object is a `T`, so the allocation is an
        // `RcBox<NativeBox<T>>` whose data `self.0` points at (see `From`).
        // The count is raised first because `from_raw` adopts one reference
        // and `self` keeps its own.
        unsafe {
            Rc::increment_strong_count(typed);
            Some(Rc::from_raw(typed))
        }
    }
}

/// A weak handle to a native object of any type (see [`NativeRef::downgrade`]).
pub type WeakNative = Weak<NativeBox<dyn NativeObject>>;

impl NativeRef {
    /// A weak handle, for lists that must not keep objects alive.
    pub fn downgrade(&self) -> WeakNative {
        // SAFETY: `wide()` is this allocation's `Rc` pointer (see `wide`);
        // the `Rc` rebuilt from it is never dropped, so the handle's own
        // reference is neither given up nor duplicated.
        let rc = std::mem::ManuallyDrop::new(unsafe { Rc::from_raw(self.wide()) });
        Rc::downgrade(&rc)
    }

    /// The handle for an object reached through a [`WeakNative`].
    pub fn upgrade(weak: &WeakNative) -> Option<NativeRef> {
        let data = Rc::into_raw(weak.upgrade()?) as *const () as *mut ();
        // SAFETY: `Rc::into_raw` never returns null, and the data pointer of
        // an `Rc<NativeBox<dyn NativeObject>>` is the one `From` would give.
        Some(NativeRef(unsafe { NonNull::new_unchecked(data) }))
    }
}

impl<T: NativeObject> From<Native<T>> for NativeRef {
    fn from(rc: Native<T>) -> NativeRef {
        let data = Rc::into_raw(rc) as *mut ();
        // SAFETY: `Rc::into_raw` never returns null.
        NativeRef(unsafe { NonNull::new_unchecked(data) })
    }
}

impl Clone for NativeRef {
    fn clone(&self) -> NativeRef {
        // SAFETY: `wide()` is the pointer `Rc::into_raw` gave for this
        // allocation (with its vtable restored), and the allocation is alive
        // while `self` is; the new handle owns the added reference.
        unsafe { Rc::increment_strong_count(self.wide()) };
        NativeRef(self.0)
    }
}

impl Drop for NativeRef {
    fn drop(&mut self) {
        // SAFETY: this handle owns one strong reference to the allocation
        // `wide()` points at, given up here exactly once. The vtable makes
        // `Rc` drop the object as its real type and free it with its real
        // layout.
        unsafe { drop(Rc::from_raw(self.wide())) };
    }
}

impl Deref for NativeRef {
    type Target = dyn NativeObject;

    #[inline]
    fn deref(&self) -> &(dyn NativeObject + 'static) {
        // SAFETY: see `wide`; the object lives as long as this handle.
        unsafe { &(*self.wide()).value }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::Class;
    use std::any::Any;
    use std::cell::Cell;

    thread_local! {
        static DROPS: Cell<u32> = const { Cell::new(0) };
    }

    struct Counted(u64);

    impl Drop for Counted {
        fn drop(&mut self) {
            DROPS.with(|d| d.set(d.get() + 1));
        }
    }

    impl NativeObject for Counted {
        fn class(&self) -> Rc<Class> {
            unreachable!("not called by these tests")
        }
        fn as_any(&self) -> &dyn Any {
            self
        }
    }

    #[test]
    fn handles_share_one_allocation_and_drop_it_once() {
        DROPS.with(|d| d.set(0));
        let typed = NativeBox::new(Counted(7));
        let a = NativeRef::from(typed.clone());
        let b = a.clone();
        assert_eq!(a.addr(), b.addr());
        assert_eq!(a.addr(), Rc::as_ptr(&typed) as usize);
        let back = b.downcast::<Counted>().expect("a Counted");
        assert_eq!(back.0, 7);
        drop((a, b, typed));
        assert_eq!(DROPS.with(Cell::get), 0);
        drop(back);
        assert_eq!(DROPS.with(Cell::get), 1);
    }

    #[test]
    fn the_head_sits_after_the_vtable_function() {
        assert_eq!(std::mem::offset_of!(NativeBox<u8>, gc), HEAD_OFFSET);
        assert_eq!(std::mem::offset_of!(NativeBox<u128>, gc), HEAD_OFFSET);
    }

    #[test]
    fn a_handle_is_one_word() {
        assert_eq!(
            std::mem::size_of::<NativeRef>(),
            std::mem::size_of::<usize>()
        );
        assert_eq!(std::mem::size_of::<crate::objects::Value>(), 16);
    }
}
