//! `complex`: the constructor and methods (operators are in `vm/ops.rs`,
//! dunders in `slots.rs`, the arithmetic in `objects/complex.rs`).

use crate::fmt::ComplexParseError;
use crate::objects::complex::Complex;
use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, PyResult, Value};
use crate::vm::types::{add_declared_methods, add_methods};
use crate::vm::Vm;
use std::rc::Rc;

static NEW: Signature = Signature::new(Style::Clinic, "complex", "real=0, imag=0").doc(
    "Return a complex number built from a real part and an imaginary part, or read from a string.",
);
static CONJUGATE: Signature = Signature::new(Style::Exact, "complex.conjugate", "$self").doc(
    "Return the complex conjugate: the same number with the sign of its imaginary part flipped.",
);
static COMPLEX: Signature = Signature::new(Style::Exact, "complex.__complex__", "$self")
    .doc("Return the number itself, as a complex.");

pub fn install(vm: &Vm) {
    add_methods(&vm.types.complex, "complex", &[("__new__", complex_new)]);
    add_declared_methods(
        &vm.types.complex,
        "complex",
        &[(&CONJUGATE, conjugate), (&COMPLEX, dunder_complex)],
    );
}

fn complex_new(vm: &Vm, args: Args) -> PyResult {
    super::payload::construct(vm, args, &vm.types.complex, |vm, args, exact| {
        let ([], [real, imag]) = NEW.bind(vm, args)?;
        // `complex(z)` of an exact complex is `z` itself, as in CPython.
        if let (Some(z @ Value::Complex(_)), None, true) = (real, imag, exact) {
            return Ok(z.clone());
        }
        let c = construct(vm, real, imag)?;
        Ok(Value::Complex(Rc::new(c)))
    })
}

/// `complex(real, imag)`: a string, or numbers (a complex `imag` rotates
/// into the real part, as `real + imag*1j` would).
fn construct(vm: &Vm, real: Option<&Value>, imag: Option<&Value>) -> PyResult<Complex> {
    if let Some(Value::Str(s)) = real.map(Value::builtin_base) {
        if imag.is_some() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        return parse(vm, s.as_str());
    }
    if let Some(Value::Str(_)) = imag.map(Value::builtin_base) {
        return Err(vm.type_error("complex() second arg can't be a string"));
    }
    let (r, r_complex) = match real {
        None => (Complex::new(0.0, 0.0), false),
        Some(v) => operand(vm, v, "first argument must be a string or a number")?,
    };
    let Some(imag) = imag else {
        return Ok(r);
    };
    let (i, i_complex) = operand(vm, imag, "second argument must be a number")?;
    let mut re = r.re;
    let mut im = i.re;
    if i_complex {
        re -= i.im;
    }
    if r_complex {
        im += r.im;
    }
    Ok(Complex::new(re, im))
}

/// A number as a complex, and whether it was one (`__complex__`, or a
/// complex value) rather than a real number (`__float__`, `__index__`).
fn operand(vm: &Vm, v: &Value, what: &str) -> PyResult<(Complex, bool)> {
    if let Value::Complex(c) = v {
        return Ok((**c, true));
    }
    if let Some(m) = vm.class_of(v).lookup_str("__complex__") {
        return match vm.call_bound(&m, v, &[])?.builtin_base() {
            Value::Complex(c) => Ok((**c, true)),
            r => Err(vm.type_error(format!(
                "__complex__ returned non-complex (type {})",
                vm.type_name(r)
            ))),
        };
    }
    let base = v.builtin_base();
    let real = matches!(
        base,
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_)
    ) || vm.class_of(v).lookup_str("__float__").is_some()
        || vm.class_of(v).lookup_str("__index__").is_some();
    if !real {
        return Err(vm.type_error(format!("complex() {what}, not '{}'", vm.type_name(v))));
    }
    Ok((Complex::new(super::number::to_f64(vm, v)?, 0.0), false))
}

/// A number as a complex where a function takes one (`cmath`): a complex,
/// `__complex__`'s result, or a real number.
pub(crate) fn to_complex(vm: &Vm, v: &Value) -> PyResult<Complex> {
    if let Value::Complex(c) = v.builtin_base() {
        return Ok(**c);
    }
    if vm.class_of(v).lookup_str("__complex__").is_some() {
        return Ok(operand(vm, v, "")?.0);
    }
    Ok(Complex::new(super::number::to_f64(vm, v)?, 0.0))
}

/// `complex(s)`, with CPython's two messages for bad strings.
pub(crate) fn parse(vm: &Vm, s: &str) -> PyResult<Complex> {
    match crate::fmt::parse_complex(s) {
        Ok((re, im)) => Ok(Complex::new(re, im)),
        Err(ComplexParseError::Malformed) => {
            Err(vm.value_error("complex() arg is a malformed string"))
        }
        Err(ComplexParseError::Underscores) => Err(vm.value_error(format!(
            "could not convert string to complex: {}",
            crate::objects::str::repr_str(s)
        ))),
    }
}

fn receiver(vm: &Vm, v: &Value, name: &str) -> PyResult<Complex> {
    match v.builtin_base() {
        Value::Complex(c) => Ok(**c),
        _ => Err(vm.type_error(format!(
            "descriptor '{name}' for 'complex' objects doesn't apply to a '{}' object",
            vm.type_name(v)
        ))),
    }
}

fn conjugate(vm: &Vm, args: Args) -> PyResult {
    let ([this], []) = CONJUGATE.bind(vm, args)?;
    let c = receiver(vm, this, "conjugate")?;
    Ok(Value::complex(c.re, -c.im))
}

fn dunder_complex(vm: &Vm, args: Args) -> PyResult {
    let ([this], []) = COMPLEX.bind(vm, args)?;
    let c = receiver(vm, this, "__complex__")?;
    Ok(Value::complex(c.re, c.im))
}
