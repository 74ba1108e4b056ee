//! The buffer protocol: objects whose bytes natives read, and some write, in
//! place.
//!
//! An exporter (`bytes`, `bytearray`, `array.array`) implements [`Buffer`]:
//! its bytes, mutable access when it is writable, the `struct` code of one
//! item, and a count of live exports for exporters that can resize. A
//! `memoryview` is not an exporter itself: it holds the exporter it was made
//! from and a window on its bytes (offset, stride, length), and
//! [`contents`] reads through it. Natives that take "a bytes-like object"
//! call [`contents`]; natives that write into one (`struct.pack_into`,
//! `readinto`) call [`with_writable`].
//!
//! **Invariant**: an exporter whose [`Buffer::exports`] count is above zero
//! refuses every change of its length (BufferError), so a view's window stays
//! inside the bytes it was made for.

use super::Value;
use std::borrow::Cow;
use std::cell::{Cell, Ref, RefMut};
use std::ops::Deref;

/// The bytes an exporter lends, borrowed for as long as the guard lives.
pub enum BufferBytes<'a> {
    Plain(&'a [u8]),
    Cell(Ref<'a, Vec<u8>>),
}

impl Deref for BufferBytes<'_> {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            BufferBytes::Plain(b) => b,
            BufferBytes::Cell(b) => b,
        }
    }
}

/// An object that exports its bytes: see the module documentation.
pub trait Buffer {
    fn buffer_bytes(&self) -> BufferBytes<'_>;
    /// Mutable access for writable exporters; `None` for read-only ones.
    fn buffer_bytes_mut(&self) -> Option<RefMut<'_, Vec<u8>>> {
        None
    }
    /// Whether [`Buffer::buffer_bytes_mut`] gives access (asked without borrowing).
    fn writable(&self) -> bool {
        false
    }
    /// The `struct` format code of one item (`B` for byte strings).
    fn item_code(&self) -> u8 {
        b'B'
    }
    /// Live exports, for exporters that can change length.
    fn exports(&self) -> Option<&Cell<usize>> {
        None
    }
}

impl Buffer for Vec<u8> {
    fn buffer_bytes(&self) -> BufferBytes<'_> {
        BufferBytes::Plain(self)
    }
}

/// The exporter behind `v` (a `bytes`, `bytearray` or `array`, or an
/// instance of a subclass of one); `None` for other values, memoryviews
/// included.
pub(crate) fn exporter(v: &Value) -> Option<&dyn Buffer> {
    match v.builtin_base() {
        Value::Bytes(b) => Some(&**b as &dyn Buffer),
        Value::Native(n) => n.buffer(),
        _ => None,
    }
}

/// The bytes of any bytes-like value, memoryviews included: borrowed from a
/// `bytes`, copied from mutable exporters (which may change while the
/// native runs). `None` for values that are not bytes-like and for released
/// memoryviews.
pub(crate) fn contents(v: &Value) -> Option<Cow<'_, [u8]>> {
    if let Some(view) = v.downcast_native::<crate::builtins::memoryview::MemoryView>() {
        return view.to_bytes().map(Cow::Owned);
    }
    match v.builtin_base() {
        Value::Bytes(b) => Some(Cow::Borrowed(b.as_slice())),
        _ => exporter(v).map(|e| Cow::Owned(e.buffer_bytes().to_vec())),
    }
}

/// Runs `f` on the bytes of a writable bytes-like value (a `bytearray`, an
/// `array`, a writable contiguous memoryview); `None` when `v` is not one.
pub(crate) fn with_writable<R>(v: &Value, f: impl FnOnce(&mut [u8]) -> R) -> Option<R> {
    if let Some(view) = v.downcast_native::<crate::builtins::memoryview::MemoryView>() {
        return view.with_writable(f);
    }
    let mut bytes = exporter(v)?.buffer_bytes_mut()?;
    Some(f(&mut bytes))
}

/// CPython's BufferError text when an exporter with live views would resize.
pub(crate) fn check_resizable(vm: &crate::vm::Vm, exporter: &dyn Buffer) -> super::PyResult<()> {
    match exporter.exports() {
        Some(n) if n.get() > 0 => Err(vm.new_error(
            &vm.exc.buffer_error,
            "Existing exports of data: object cannot be re-sized",
        )),
        _ => Ok(()),
    }
}
