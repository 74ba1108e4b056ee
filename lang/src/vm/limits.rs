//! How deep a program may make the interpreter recurse, and what it gets
//! past that: a `RecursionError`, never a Rust stack overflow.
//!
//! Two bounds hold together:
//!
//! - **The recursion limit** (`sys.getrecursionlimit()`, 1000 by default)
//!   counts Python frames and the native operations that can recurse
//!   (comparing, `repr`, `str` of containers and instances), one level each,
//!   as CPython 3.11 counts them in one counter. Each kind of operation gives
//!   CPython's message (" in comparison", " while getting the repr of an
//!   object"), so a program sees the same error at the same depth.
//! - **The native stack**: a native walk that CPython leaves unchecked
//!   (hashing a tuple nested 100,000 deep) or a limit raised with
//!   `sys.setrecursionlimit` can still run the Rust stack low. Every
//!   recursion check also asks how much stack is left and raises
//!   `RecursionError` when less than [`STACK_RED_ZONE`] remains, where
//!   CPython would crash.

use super::Vm;
use crate::objects::{PyErr, PyResult, Value};

/// Stack bytes that must remain when a recursive step starts: room for the
/// deepest native call chain between two checks (a dispatch loop frame, a
/// call into a native, formatting, raising) with a wide margin.
const STACK_RED_ZONE: usize = 512 * 1024;

/// What a recursive step is doing, for the RecursionError's message.
#[derive(Clone, Copy)]
pub enum Recursing {
    /// A Python frame (or a native call of Python code).
    Call,
    /// A rich comparison of containers or instances.
    Comparison,
    /// `repr()` of a container or instance.
    Repr,
    /// `str()` of an instance.
    Str,
    /// `isinstance()` through `__instancecheck__`.
    InstanceCheck,
    /// `issubclass()` through `__subclasscheck__`.
    SubclassCheck,
    /// Encoding a value to JSON.
    JsonEncode,
    /// Decoding a JSON array.
    JsonDecodeArray,
    /// Decoding a JSON object.
    JsonDecodeObject,
    /// Calling an object through a `__call__` that is not a function (an
    /// instance whose class's `__call__` is itself a callable instance).
    CallObject,
}

impl Recursing {
    /// The end of CPython's message for this step.
    fn context(self) -> &'static str {
        match self {
            Recursing::Call => "",
            Recursing::Comparison => " in comparison",
            Recursing::Repr => " while getting the repr of an object",
            Recursing::Str => " while getting the str of an object",
            Recursing::InstanceCheck => " in __instancecheck__",
            Recursing::SubclassCheck => " in __subclasscheck__",
            Recursing::CallObject => " while calling a Python object",
            Recursing::JsonEncode => " while encoding a JSON object",
            Recursing::JsonDecodeArray => " while decoding a JSON array from a unicode string",
            Recursing::JsonDecodeObject => " while decoding a JSON object from a unicode string",
        }
    }
}

/// True when less than [`STACK_RED_ZONE`] bytes of the thread's stack are
/// left (false when the platform cannot tell). Every call checks this, so
/// the address below which the red zone starts is worked out once per
/// thread and each check is one comparison with the stack pointer.
#[inline]
pub fn stack_exhausted() -> bool {
    let here = stack_pointer();
    let red_line = RED_LINE.with(|line| match line.get() {
        Some(at) => at,
        None => {
            let at = red_line_below(here);
            line.set(Some(at));
            at
        }
    });
    here < red_line
}

thread_local! {
    /// The stack address below which less than [`STACK_RED_ZONE`] bytes are
    /// left on the running stack (0 when the platform cannot tell; None
    /// until first needed).
    static RED_LINE: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
}

/// Tells the check which stack runs from now on: a green thread's, whose
/// lowest address is `lowest` (the OS, and so `stacker`, does not know its
/// bounds), or with None the OS thread's own.
pub(crate) fn enter_stack(lowest: Option<usize>) {
    RED_LINE.with(|line| line.set(lowest.map(|low| low.saturating_add(STACK_RED_ZONE))));
}

/// An address in the current stack frame (stacks grow down on every
/// platform towel runs on).
#[inline(always)]
fn stack_pointer() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

#[cold]
fn red_line_below(here: usize) -> usize {
    match stacker::remaining_stack() {
        Some(left) => (here - left.min(here)).saturating_add(STACK_RED_ZONE),
        None => 0,
    }
}

impl Vm {
    /// `RecursionError: maximum recursion depth exceeded<context>`.
    pub fn recursion_error_for(&self, why: Recursing) -> PyErr {
        self.new_error(
            &self.exc.recursion_error,
            format!("maximum recursion depth exceeded{}", why.context()),
        )
    }

    /// Checks that one more recursive step fits (under the recursion limit
    /// and with stack to spare) and counts it; the caller undoes the count.
    #[inline]
    pub fn enter_recursion(&self, why: Recursing) -> PyResult<usize> {
        let d = self.depth.get();
        if d >= self.recursion_limit.get() || stack_exhausted() {
            return Err(self.recursion_error_for(why));
        }
        self.depth.set(d + 1);
        Ok(d)
    }

    /// Runs `f` one level deeper, raising RecursionError past the limit.
    pub fn with_depth<T>(&self, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
        self.recursing(Recursing::Call, f)
    }

    /// Runs `f` one level deeper as a `why` step, raising RecursionError
    /// with `why`'s message past the limit.
    pub fn recursing<T>(&self, why: Recursing, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
        let d = self.enter_recursion(why)?;
        let r = f();
        self.depth.set(d);
        r
    }
}

// -- sizes and allocations ----------------------------------------------------
//
// A program chooses many sizes (`'a' * n`, `bytearray(n)`, `s.center(n)`,
// `list(range(n))`). Allocating them infallibly would abort the process when
// the memory is not there; these helpers turn a size that does not fit into
// the exception CPython raises, and a failed allocation into MemoryError.

/// How an integer argument that sizes something is converted, each with
/// CPython's error for an int too big for it.
#[derive(Clone, Copy)]
pub enum SizeArg {
    /// `PyNumber_AsSsize_t(v, OverflowError)`: sequence repetition,
    /// `bytearray(n)`.
    Index,
    /// An `n` argument of a C function (`str.center`, `str.zfill`).
    Ssize,
    /// An `i` argument of a C function (`str.expandtabs`).
    CInt,
}

impl Vm {
    /// `v` as a size argument, with CPython's OverflowError when it does not
    /// fit (negative values pass: each caller treats them as CPython does).
    pub fn size_arg(&self, v: &Value, kind: SizeArg) -> PyResult<i64> {
        let too_big = || {
            self.overflow_error(match kind {
                SizeArg::Index => "cannot fit 'int' into an index-sized integer",
                SizeArg::Ssize => "Python int too large to convert to C ssize_t",
                SizeArg::CInt => "Python int too large to convert to C int",
            })
        };
        let n = match v {
            Value::BigInt(_) => return Err(too_big()),
            Value::Instance(_) => match self.to_index(v) {
                Err(e) if self.err_is(&e, &self.exc.index_error) => return Err(too_big()),
                other => other?,
            },
            _ => self.to_index(v)?,
        };
        if matches!(kind, SizeArg::CInt) && i32::try_from(n).is_err() {
            return Err(too_big());
        }
        Ok(n)
    }

    /// An empty string with room for `bytes` bytes, or MemoryError.
    pub fn try_string(&self, bytes: usize) -> PyResult<String> {
        let mut s = String::new();
        s.try_reserve_exact(bytes)
            .map_err(|_| self.memory_error())?;
        Ok(s)
    }

    /// An empty vector with room for `n` items, or MemoryError.
    pub fn try_vec<T>(&self, n: usize) -> PyResult<Vec<T>> {
        let mut v = Vec::new();
        v.try_reserve_exact(n).map_err(|_| self.memory_error())?;
        Ok(v)
    }

    /// Room for `more` items in `v`, or MemoryError.
    pub fn try_grow<T>(&self, v: &mut Vec<T>, more: usize) -> PyResult<()> {
        v.try_reserve(more).map_err(|_| self.memory_error())
    }

    /// `a * b` for sizes, or MemoryError when it overflows (as CPython's
    /// list and tuple repetition report it).
    pub fn size_mul(&self, a: usize, b: usize) -> PyResult<usize> {
        a.checked_mul(b)
            .filter(|&n| n <= isize::MAX as usize)
            .ok_or_else(|| self.memory_error())
    }
}
