//! `hmac`: `compare_digest` is native (a comparison whose time does not
//! depend on where the inputs differ); the HMAC class is `hmac.py`.

use crate::objects::bytes::bytes_like;
use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Module, NativeFn, PyResult, Value};
use crate::vm::Vm;
use std::rc::Rc;

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m =
        super::module_with_declared(vm, "hmac", &[(&COMPARE_DIGEST, compare_digest as NativeFn)]);
    super::exec_source(vm, &m, super::stdlib_source!("hmac.py"))?;
    Ok(m)
}

static COMPARE_DIGEST: Signature = Signature::new(Style::Positional, "compare_digest", "a, b, /")
    .doc("Return a == b, taking the same time wherever they differ.");

/// `compare_digest(a, b)`: two ASCII strs or two bytes-like objects.
fn compare_digest(vm: &Vm, args: Args) -> PyResult {
    let ([a, b], []) = COMPARE_DIGEST.bind(vm, args)?;
    let equal = match (a, b) {
        (Value::Str(x), Value::Str(y)) => {
            if !x.as_str().is_ascii() || !y.as_str().is_ascii() {
                return Err(
                    vm.type_error("comparing strings with non-ASCII characters is not supported")
                );
            }
            constant_time_eq(x.as_str().as_bytes(), y.as_str().as_bytes())
        }
        (Value::Str(_), other) | (other, Value::Str(_)) if bytes_like(other).is_some() => {
            return Err(vm.type_error("a bytes-like object is required, not 'str'"));
        }
        _ => match (bytes_like(a), bytes_like(b)) {
            (Some(x), Some(y)) => constant_time_eq(&x, &y),
            _ => {
                return Err(vm.type_error(format!(
                    "unsupported operand types(s) or combination of types: '{}' and '{}'",
                    vm.type_name(a),
                    vm.type_name(b)
                )))
            }
        },
    };
    Ok(Value::from_bool(equal))
}

/// Compares every byte of the longer input whatever the contents.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    let mut diff = (a.len() != b.len()) as u8;
    for i in 0..a.len().max(b.len()) {
        diff |= a.get(i).unwrap_or(&0) ^ b.get(i).unwrap_or(&0);
    }
    diff == 0
}
