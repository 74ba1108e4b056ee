//! Constant folding, as CPython's AST optimiser (`ast_opt.c`) does it.
//!
//! CPython folds before compiling, so that `-1`, `(1, 2)` and `2 ** 8` are
//! single constants in `dis` and in the `consts` tuple. The tree here is
//! borrowed immutably, so instead of rewriting it the code generator asks
//! [`const_value`] whether a node would have been folded. The same size
//! limits as CPython's apply, so that `'x' * 10**6` is not folded into a
//! megabyte constant, and operations that raise (`1 / 0`) are left to run
//! (and raise) at run time.

use crate::ast::{self, BinOp, Expr, ExprKind, UnaryOp};
use crate::bytecode::Constant;
use num_bigint::BigInt;
use num_traits::{FromPrimitive, Signed, ToPrimitive, Zero};
use std::rc::Rc;

/// Largest int (in bits) a folded `*`, `**` or `<<` may produce.
const MAX_INT_SIZE: u64 = 128;
/// Largest tuple a folded `*` may produce.
const MAX_COLLECTION_SIZE: usize = 256;
/// Largest str/bytes a folded `*` may produce.
const MAX_STR_SIZE: usize = 4096;

/// Converts a literal to a code constant.
pub fn literal(c: &ast::Constant) -> Constant {
    match c {
        ast::Constant::None => Constant::None,
        ast::Constant::Bool(b) => Constant::Bool(*b),
        ast::Constant::Int(i) => Constant::Int(i.clone()),
        ast::Constant::Float(f) => Constant::Float(*f),
        ast::Constant::Complex(f) => Constant::Complex(0.0, *f),
        ast::Constant::Str(s) => Constant::Str(Rc::from(s.as_str())),
        ast::Constant::Bytes(b) => Constant::Bytes(Rc::from(b.as_slice())),
        ast::Constant::Ellipsis => Constant::Ellipsis,
    }
}

/// The constant `e` folds to, if CPython's optimiser would fold it.
pub fn const_value(e: &Expr) -> Option<Constant> {
    const_value_in(e, true)
}

/// [`const_value`] with `__debug__` standing for `debug` (False under `-O`).
pub fn const_value_in(e: &Expr, debug: bool) -> Option<Constant> {
    let fold = |e: &Expr| const_value_in(e, debug);
    match &e.kind {
        ExprKind::Constant(c) => Some(literal(c)),
        ExprKind::Name(n) if n == "__debug__" => Some(Constant::Bool(debug)),
        ExprKind::UnaryOp { op, operand } => fold_unary(*op, &fold(operand)?),
        ExprKind::BinOp { left, op, right } => {
            let l = fold(left)?;
            let r = fold(right)?;
            fold_binop(&l, *op, &r)
        }
        ExprKind::Tuple(items) => const_tuple_in(items, debug),
        ExprKind::Subscript { value, slice } => {
            let v = fold(value)?;
            let i = fold(slice)?;
            fold_subscript(&v, &i)
        }
        _ => None,
    }
}

/// A tuple of the folded items, if every item folds (`__debug__` stands
/// for `debug`).
pub fn const_tuple_in(items: &[Expr], debug: bool) -> Option<Constant> {
    let values: Option<Vec<Constant>> = items.iter().map(|e| const_value_in(e, debug)).collect();
    values.map(|v| Constant::Tuple(Rc::from(v)))
}

/// A frozenset of the folded items, if every item folds to a hashable
/// constant (CPython folds a set display of three or more constants, and a
/// set display iterated by `for` or tested by `in`).
///
/// CPython builds the frozenset from the items in order, then (merging
/// constants) builds it again from the first one's iteration order; the
/// items are stored in that second construction order, which the VM
/// repeats, so the constant's table is laid out as CPython's. `__debug__`
/// stands for `debug`.
pub fn const_frozenset_in(items: &[Expr], debug: bool) -> Option<Constant> {
    let mut distinct: Vec<(Constant, i64)> = Vec::new();
    for item in items {
        let c = const_value_in(item, debug)?;
        let hash = const_hash(&c)?;
        if !distinct.iter().any(|(d, h)| *h == hash && const_eq(d, &c)) {
            distinct.push((c, hash));
        }
    }
    let hashes: Vec<i64> = distinct.iter().map(|(_, h)| *h).collect();
    let first_build = crate::objects::set::slot_order(&hashes);
    Some(Constant::FrozenSet(
        first_build
            .into_iter()
            .map(|i| distinct[i].0.clone())
            .collect(),
    ))
}

/// `hash(c)` as the VM computes it, for constants whose hash needs no
/// object identity (None for NaN, `...` and code).
pub fn const_hash(c: &Constant) -> Option<i64> {
    Some(match c {
        Constant::None => crate::fmt::NONE_HASH,
        Constant::Bool(b) => *b as i64,
        Constant::Int(i) => crate::fmt::int_hash(i),
        Constant::Float(f) if f.is_nan() => return None,
        Constant::Float(f) => crate::fmt::float_hash(*f),
        Constant::Str(s) => crate::objects::PyStr::new(s).hash(),
        Constant::Bytes(b) => crate::fmt::bytes_hash(b),
        Constant::Tuple(items) => {
            let mut hasher = crate::fmt::TupleHasher::new();
            for item in items.iter() {
                hasher.add(const_hash(item)?);
            }
            hasher.finish()
        }
        Constant::Complex(re, im) if re.is_nan() || im.is_nan() => return None,
        Constant::Complex(re, im) => crate::objects::complex::Complex::new(*re, *im).hash(),
        Constant::FrozenSet(_) | Constant::Code(_) | Constant::Ellipsis => return None,
    })
}

/// `a == b` for hashable constants (numbers compare across types).
fn const_eq(a: &Constant, b: &Constant) -> bool {
    match (a, b) {
        (Constant::Str(x), Constant::Str(y)) => x == y,
        (Constant::Bytes(x), Constant::Bytes(y)) => x == y,
        (Constant::None, Constant::None) => true,
        (Constant::Tuple(x), Constant::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| const_eq(p, q))
        }
        (Constant::Float(x), Constant::Float(y)) => x == y,
        (Constant::Float(f), other) | (other, Constant::Float(f)) => {
            as_int(other).is_some_and(|i| f.fract() == 0.0 && BigInt::from_f64(*f) == Some(i))
        }
        _ => matches!((as_int(a), as_int(b)), (Some(x), Some(y)) if x == y),
    }
}

/// Python truthiness of a constant.
pub fn truthy(c: &Constant) -> bool {
    match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Int(i) => !i.is_zero(),
        Constant::Float(f) => *f != 0.0,
        Constant::Complex(re, im) => *re != 0.0 || *im != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
        Constant::Code(_) | Constant::Ellipsis => true,
    }
}

/// An int constant's value (bools are ints).
fn as_int(c: &Constant) -> Option<BigInt> {
    match c {
        Constant::Int(i) => Some(i.clone()),
        Constant::Bool(b) => Some(BigInt::from(*b as u8)),
        _ => None,
    }
}

/// A number as a float, only when the conversion is exact.
fn as_float(c: &Constant) -> Option<f64> {
    match c {
        Constant::Float(f) => Some(*f),
        _ => {
            let i = as_int(c)?;
            (i.bits() <= 53).then(|| i.to_f64()).flatten()
        }
    }
}

fn fold_unary(op: UnaryOp, v: &Constant) -> Option<Constant> {
    match op {
        UnaryOp::Not => Some(Constant::Bool(!truthy(v))),
        UnaryOp::USub => match v {
            Constant::Float(f) => Some(Constant::Float(-f)),
            Constant::Complex(re, im) => Some(Constant::Complex(-re, -im)),
            _ => as_int(v).map(|i| Constant::Int(-i)),
        },
        UnaryOp::UAdd => match v {
            Constant::Float(_) | Constant::Complex(..) => Some(v.clone()),
            _ => as_int(v).map(Constant::Int),
        },
        UnaryOp::Invert => as_int(v).map(|i| Constant::Int(-(i + BigInt::from(1)))),
    }
}

/// Floor division and modulo with Python's signs.
fn floor_divmod(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    let mut q = a / b;
    let mut r = a % b;
    if !r.is_zero() && (r.is_negative() != b.is_negative()) {
        q -= 1;
        r += b;
    }
    (q, r)
}

fn fold_binop(l: &Constant, op: BinOp, r: &Constant) -> Option<Constant> {
    // Bitwise operators on two bools give a bool.
    if let (Constant::Bool(a), Constant::Bool(b)) = (l, r) {
        match op {
            BinOp::BitAnd => return Some(Constant::Bool(a & b)),
            BinOp::BitOr => return Some(Constant::Bool(a | b)),
            BinOp::BitXor => return Some(Constant::Bool(a ^ b)),
            _ => {}
        }
    }
    if let (Some(a), Some(b)) = (as_int(l), as_int(r)) {
        return fold_int(&a, op, &b);
    }
    match (l, op, r) {
        (Constant::Str(a), BinOp::Add, Constant::Str(b)) => {
            Some(Constant::Str(Rc::from(format!("{a}{b}"))))
        }
        (Constant::Bytes(a), BinOp::Add, Constant::Bytes(b)) => {
            Some(Constant::Bytes(Rc::from([&a[..], &b[..]].concat())))
        }
        (Constant::Tuple(a), BinOp::Add, Constant::Tuple(b)) => Some(Constant::Tuple(
            a.iter().chain(b.iter()).cloned().collect::<Vec<_>>().into(),
        )),
        (Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_), BinOp::Mult, _) => {
            repeat(l, &as_int(r)?)
        }
        (_, BinOp::Mult, Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_)) => {
            repeat(r, &as_int(l)?)
        }
        (Constant::Complex(..), _, _) | (_, _, Constant::Complex(..)) => fold_complex(l, op, r),
        (Constant::Float(_), _, _) | (_, _, Constant::Float(_)) => {
            let a = as_float(l)?;
            let b = as_float(r)?;
            let v = match op {
                BinOp::Add => a + b,
                BinOp::Sub => a - b,
                BinOp::Mult => a * b,
                BinOp::Div if b != 0.0 => a / b,
                _ => return None,
            };
            Some(Constant::Float(v))
        }
        _ => None,
    }
}

/// Complex arithmetic on constants (ints and floats taken as complex), as
/// the VM computes it; operations that raise are left to run time.
fn fold_complex(l: &Constant, op: BinOp, r: &Constant) -> Option<Constant> {
    use crate::objects::complex::Complex;
    let part = |c: &Constant| match c {
        Constant::Complex(re, im) => Some(Complex::new(*re, *im)),
        Constant::Float(f) => Some(Complex::new(*f, 0.0)),
        _ => {
            let i = as_int(c)?;
            let f = i.to_f64().filter(|f| f.is_finite())?;
            Some(Complex::new(f, 0.0))
        }
    };
    let (a, b) = (part(l)?, part(r)?);
    let v = match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mult => a * b,
        BinOp::Div => a.quotient(b).ok()?,
        BinOp::Pow => a.pow(b).ok()?,
        _ => return None,
    };
    Some(Constant::Complex(v.re, v.im))
}

fn fold_int(a: &BigInt, op: BinOp, b: &BigInt) -> Option<Constant> {
    let v = match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mult => {
            if !a.is_zero() && !b.is_zero() && a.bits() + b.bits() > MAX_INT_SIZE {
                return None;
            }
            a * b
        }
        BinOp::FloorDiv | BinOp::Mod => {
            if b.is_zero() {
                return None;
            }
            let (q, r) = floor_divmod(a, b);
            if op == BinOp::FloorDiv {
                q
            } else {
                r
            }
        }
        BinOp::Div => {
            // Exact only while both operands are exactly representable.
            if b.is_zero() || a.bits() > 53 || b.bits() > 53 {
                return None;
            }
            return Some(Constant::Float(a.to_f64()? / b.to_f64()?));
        }
        BinOp::Pow => {
            if b.is_negative() {
                return None;
            }
            let e = b.to_u64()?;
            if !a.is_zero() && e > 0 && a.bits() > MAX_INT_SIZE / e {
                return None;
            }
            num_traits::pow(a.clone(), usize::try_from(e).ok()?)
        }
        BinOp::LShift => {
            if b.is_negative() {
                return None;
            }
            if a.is_zero() || b.is_zero() {
                return Some(Constant::Int(a.clone()));
            }
            let s = b.to_u64()?;
            if s > MAX_INT_SIZE || a.bits() > MAX_INT_SIZE - s {
                return None;
            }
            a << s
        }
        BinOp::RShift => {
            if b.is_negative() {
                return None;
            }
            let s = b.to_u64().unwrap_or(u64::MAX).min(a.bits() + 1);
            a >> s
        }
        BinOp::BitAnd => a & b,
        BinOp::BitOr => a | b,
        BinOp::BitXor => a ^ b,
        BinOp::MatMult => return None,
    };
    Some(Constant::Int(v))
}

/// `seq * n` within CPython's size limits.
fn repeat(seq: &Constant, n: &BigInt) -> Option<Constant> {
    let n = n.to_i64()?;
    if n < 0 {
        return None;
    }
    let n = n as usize;
    match seq {
        Constant::Str(s) => {
            let len = s.chars().count();
            if len > 0 && n > MAX_STR_SIZE / len {
                return None;
            }
            Some(Constant::Str(Rc::from(s.repeat(n))))
        }
        Constant::Bytes(b) => {
            if !b.is_empty() && n > MAX_STR_SIZE / b.len() {
                return None;
            }
            Some(Constant::Bytes(Rc::from(b.repeat(n))))
        }
        Constant::Tuple(t) => {
            if !t.is_empty() && n > MAX_COLLECTION_SIZE / t.len() {
                return None;
            }
            let items: Vec<Constant> = (0..n).flat_map(|_| t.iter().cloned()).collect();
            Some(Constant::Tuple(items.into()))
        }
        _ => None,
    }
}

/// `"abc"[1]`, `(1, 2)[0]`, `b"ab"[0]` with an in-range int index.
fn fold_subscript(v: &Constant, i: &Constant) -> Option<Constant> {
    let i = match i {
        Constant::Int(i) => i.to_i64()?,
        _ => return None,
    };
    let index = |len: usize| -> Option<usize> {
        let len = len as i64;
        let i = if i < 0 { i + len } else { i };
        (0..len).contains(&i).then_some(i as usize)
    };
    match v {
        Constant::Str(s) => {
            let c = s.chars().nth(index(s.chars().count())?)?;
            Some(Constant::Str(Rc::from(c.to_string())))
        }
        Constant::Bytes(b) => Some(Constant::Int(BigInt::from(b[index(b.len())?]))),
        Constant::Tuple(t) => Some(t[index(t.len())?].clone()),
        _ => None,
    }
}
