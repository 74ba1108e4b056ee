//! C library functions that CPython calls and Rust does not: Rust computes
//! `f64::asinh`, `acosh` and `atanh` by its own formulas, which
//! differ from the C library's in the last bit for some arguments, and has
//! no `erf`/`erfc`; `math` and `cmath` must agree with CPython bit for bit.

mod c {
    extern "C" {
        pub fn asinh(x: f64) -> f64;
        pub fn acosh(x: f64) -> f64;
        pub fn atanh(x: f64) -> f64;
        pub fn erf(x: f64) -> f64;
        pub fn erfc(x: f64) -> f64;
    }
}

pub(crate) fn asinh(x: f64) -> f64 {
    // SAFETY: a pure function of a float (libm, which std links); it touches
    // no memory of ours (at most the thread's errno, which nothing reads).
    unsafe { c::asinh(x) }
}

pub(crate) fn acosh(x: f64) -> f64 {
    // SAFETY: as for `asinh`.
    unsafe { c::acosh(x) }
}

pub(crate) fn atanh(x: f64) -> f64 {
    // SAFETY: as for `asinh`.
    unsafe { c::atanh(x) }
}

pub(crate) fn erf(x: f64) -> f64 {
    // SAFETY: as for `asinh`.
    unsafe { c::erf(x) }
}

pub(crate) fn erfc(x: f64) -> f64 {
    // SAFETY: as for `asinh`.
    unsafe { c::erfc(x) }
}
