//! Operators: arithmetic, bitwise, comparison, with Python's numeric tower
//! (bool < int < float; ints promote to big ints instead of overflowing) and
//! the dunder protocol (`__add__`, then the reflected `__radd__`) for instances.

use super::limits::Recursing;
use super::Vm;
use crate::objects::complex::{Complex, ComplexError};
use crate::objects::{Name, PyResult, Value};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{FromPrimitive, Pow, Signed, ToPrimitive, Zero};
use std::rc::Rc;

/// Binary operators in `BINARY_OPS` order (the in-place ones are +13).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    And,
    FloorDiv,
    LShift,
    MatMul,
    Mul,
    Mod,
    Or,
    Pow,
    RShift,
    Sub,
    TrueDiv,
    Xor,
}

impl BinOp {
    pub fn from_arg(arg: u32) -> (BinOp, bool) {
        use BinOp::*;
        const OPS: [BinOp; 13] = [
            Add, And, FloorDiv, LShift, MatMul, Mul, Mod, Or, Pow, RShift, Sub, TrueDiv, Xor,
        ];
        let inplace = arg >= crate::bytecode::BINARY_OP_INPLACE;
        (OPS[(arg % 13) as usize], inplace)
    }

    pub fn symbol(self) -> &'static str {
        crate::bytecode::BINARY_OPS[self as usize]
    }

    /// (`__add__`, `__radd__`, `__iadd__`)
    pub fn dunder_names(self) -> (&'static str, &'static str, &'static str) {
        use BinOp::*;
        match self {
            Add => ("__add__", "__radd__", "__iadd__"),
            And => ("__and__", "__rand__", "__iand__"),
            FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
            Mul => ("__mul__", "__rmul__", "__imul__"),
            Mod => ("__mod__", "__rmod__", "__imod__"),
            Or => ("__or__", "__ror__", "__ior__"),
            Pow => ("__pow__", "__rpow__", "__ipow__"),
            RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            Sub => ("__sub__", "__rsub__", "__isub__"),
            TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            Xor => ("__xor__", "__rxor__", "__ixor__"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn from_arg(arg: u32) -> CmpOp {
        [
            CmpOp::Lt,
            CmpOp::Le,
            CmpOp::Eq,
            CmpOp::Ne,
            CmpOp::Gt,
            CmpOp::Ge,
        ][arg as usize % 6]
    }

    pub fn symbol(self) -> &'static str {
        crate::bytecode::COMPARE_OPS[self as usize]
    }

    fn dunder(self) -> &'static str {
        ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"][self as usize]
    }

    fn reflected(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }

    fn test(self, ord: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            CmpOp::Lt => ord == Less,
            CmpOp::Le => ord != Greater,
            CmpOp::Eq => ord == Equal,
            CmpOp::Ne => ord != Equal,
            CmpOp::Gt => ord == Greater,
            CmpOp::Ge => ord != Less,
        }
    }
}

/// A number view of a value, for mixed arithmetic.
enum Num {
    Int(i64),
    Big(BigInt),
    Float(f64),
}

fn as_num(v: &Value) -> Option<Num> {
    match v {
        Value::Int(i) => Some(Num::Int(*i)),
        Value::Bool(b) => Some(Num::Int(b.get() as i64)),
        Value::BigInt(b) => Some(Num::Big((**b).clone())),
        Value::Float(f) => Some(Num::Float(f.get())),
        _ => None,
    }
}

fn to_big(n: &Num) -> BigInt {
    match n {
        Num::Int(i) => BigInt::from(*i),
        Num::Big(b) => b.clone(),
        Num::Float(_) => BigInt::zero(),
    }
}

/// `items` repeated `k` times (`seq * k`); one item (`[x] * n`) is cloned
/// in a single loop rather than extended onto the vector `k` times.
/// MemoryError when the result does not fit, as CPython's list and tuple
/// repetition report it.
fn repeat_items(vm: &Vm, items: &[Value], k: usize) -> PyResult<Vec<Value>> {
    let mut v = vm.try_vec(vm.size_mul(items.len(), k)?)?;
    match items {
        [] => {}
        [x] => v.resize(k, x.clone()),
        _ => {
            for _ in 0..k {
                v.extend_from_slice(items);
            }
        }
    }
    Ok(v)
}

/// `bytes * k`: OverflowError when the size overflows, MemoryError when it
/// cannot be allocated.
fn repeat_bytes(vm: &Vm, b: &[u8], k: usize) -> PyResult<Vec<u8>> {
    let n = b
        .len()
        .checked_mul(k)
        .filter(|&n| n <= isize::MAX as usize)
        .ok_or_else(|| vm.overflow_error("repeated bytes are too long"))?;
    let mut v = vm.try_vec(n)?;
    for _ in 0..k {
        v.extend_from_slice(b);
    }
    Ok(v)
}

/// `str * k`, with CPython's errors as for bytes.
fn repeat_str(vm: &Vm, s: &crate::objects::PyStr, k: usize) -> PyResult<Value> {
    let text = s.as_str();
    let n = text
        .len()
        .checked_mul(k)
        .filter(|&n| n <= isize::MAX as usize)
        .ok_or_else(|| vm.overflow_error("repeated string is too long"))?;
    let mut out = vm.try_string(n)?;
    for _ in 0..k {
        out.push_str(text);
    }
    Ok(Value::Str(Rc::new(
        crate::objects::PyStr::from_string_with_len(out, s.char_len() * k),
    )))
}

impl Vm {
    fn num_to_f64(&self, n: &Num) -> PyResult<f64> {
        Ok(match n {
            Num::Int(i) => *i as f64,
            Num::Float(f) => *f,
            Num::Big(b) => b
                .to_f64()
                .filter(|f| f.is_finite())
                .ok_or_else(|| self.overflow_error("int too large to convert to float"))?,
        })
    }

    /// `a OP b` (or `a OP= b` when `inplace`).
    pub fn binary_op(&self, a: &Value, b: &Value, op: BinOp, inplace: bool) -> PyResult<Value> {
        // Fast path: small ints.
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            if let Some(v) = self.int_op_fast(*x, *y, op)? {
                return Ok(v);
            }
        }
        // Numbers next: they never have dunders a program wrote.
        if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
            return self.num_binary(a, b, x, y, op);
        }
        if matches!(a, Value::Complex(_)) || matches!(b, Value::Complex(_)) {
            if let (Some(x), Some(y)) = (self.as_complex(a)?, self.as_complex(b)?) {
                return self.complex_op(x, y, op, a, b, inplace);
            }
        }
        if has_dunders(a) || has_dunders(b) {
            return self.dunder_binary(a, b, op, inplace);
        }
        match self.builtin_binary(a, b, op, inplace)? {
            Some(v) => Ok(v),
            None => Err(self.binop_type_error(a, b, op, inplace)),
        }
    }

    /// `a OP b` for two numbers (`x` and `y` are `a` and `b` as `Num`s).
    #[inline]
    fn num_binary(&self, a: &Value, b: &Value, x: Num, y: Num, op: BinOp) -> PyResult<Value> {
        if let (Value::Bool(p), Value::Bool(q), BinOp::And | BinOp::Or | BinOp::Xor) = (a, b, op) {
            return Ok(Value::Bool(
                match op {
                    BinOp::And => p.get() & q.get(),
                    BinOp::Or => p.get() | q.get(),
                    _ => p.get() ^ q.get(),
                }
                .into(),
            ));
        }
        self.num_op(x, y, op, a, b)
    }

    /// `a OP b` as the built-in types compute it, calling no method of an
    /// instance; None when they do not define it for these operands. It is
    /// what the slot wrappers (`int.__add__`, ...) run, so a slot never
    /// comes back to the dunder protocol.
    pub(crate) fn native_binary(
        &self,
        a: &Value,
        b: &Value,
        op: BinOp,
        inplace: bool,
    ) -> PyResult<Option<Value>> {
        if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
            return self.num_binary(a, b, x, y, op).map(Some);
        }
        if matches!(a, Value::Complex(_)) || matches!(b, Value::Complex(_)) {
            if let (Some(x), Some(y)) = (self.as_complex(a)?, self.as_complex(b)?) {
                return self.complex_op(x, y, op, a, b, inplace).map(Some);
            }
        }
        self.builtin_binary(a, b, op, inplace)
    }

    pub(crate) fn binop_type_error(
        &self,
        a: &Value,
        b: &Value,
        op: BinOp,
        inplace: bool,
    ) -> crate::objects::PyErr {
        let (ta, tb) = (self.type_name(a), self.type_name(b));
        // An instance of a built-in subclass gets its base type's message.
        let (a, b) = (a.builtin_base(), b.builtin_base());
        match (a, op) {
            (Value::Str(_), BinOp::Add) => {
                return self.type_error(format!("can only concatenate str (not \"{tb}\") to str"))
            }
            (Value::Bytes(_), BinOp::Add) => {
                return self.type_error(format!("can't concat {tb} to bytes"))
            }
            (Value::List(_), BinOp::Add) => {
                return self.type_error(format!("can only concatenate list (not \"{tb}\") to list"))
            }
            (Value::Tuple(_), BinOp::Add) => {
                return self.type_error(format!(
                    "can only concatenate tuple (not \"{tb}\") to tuple"
                ))
            }
            (Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_), BinOp::Mul)
            | (_, BinOp::Mul)
                if matches!(
                    a,
                    Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_)
                ) || matches!(
                    b,
                    Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_)
                ) =>
            {
                let other = if matches!(
                    a,
                    Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_)
                ) {
                    &tb
                } else {
                    &ta
                };
                return self.type_error(format!(
                    "can't multiply sequence by non-int of type '{other}'"
                ));
            }
            _ => {}
        }
        let sym = if inplace {
            format!("{}=", op.symbol())
        } else {
            op.symbol().to_string()
        };
        if op == BinOp::Pow && !inplace {
            return self.type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{ta}' and '{tb}'"
            ));
        }
        self.type_error(format!(
            "unsupported operand type(s) for {sym}: '{ta}' and '{tb}'"
        ))
    }

    #[inline]
    fn int_op_fast(&self, x: i64, y: i64, op: BinOp) -> PyResult<Option<Value>> {
        Ok(match op {
            BinOp::Add => x.checked_add(y).map(Value::Int),
            BinOp::Sub => x.checked_sub(y).map(Value::Int),
            BinOp::Mul => x.checked_mul(y).map(Value::Int),
            BinOp::FloorDiv => {
                if y == 0 {
                    return Err(self.zero_division("integer division or modulo by zero"));
                }
                x.checked_div_euclid(y)
                    .map(|_| Value::Int(num_integer::Integer::div_floor(&x, &y)))
            }
            BinOp::Mod => {
                if y == 0 {
                    return Err(self.zero_division("integer modulo by zero"));
                }
                x.checked_rem(y)
                    .map(|_| Value::Int(num_integer::Integer::mod_floor(&x, &y)))
            }
            BinOp::And => Some(Value::Int(x & y)),
            BinOp::Or => Some(Value::Int(x | y)),
            BinOp::Xor => Some(Value::Int(x ^ y)),
            BinOp::TrueDiv => {
                if y == 0 {
                    return Err(self.zero_division("division by zero"));
                }
                if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                    Some(Value::float(x as f64 / y as f64))
                } else {
                    None
                }
            }
            BinOp::LShift => {
                if y < 0 {
                    return Err(self.value_error("negative shift count"));
                }
                if y < 63 && x.unsigned_abs() < (1u64 << (63 - y)) {
                    Some(Value::Int(x << y))
                } else {
                    None
                }
            }
            BinOp::RShift => {
                if y < 0 {
                    return Err(self.value_error("negative shift count"));
                }
                Some(Value::Int(if y >= 64 {
                    if x < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    x >> y
                }))
            }
            BinOp::Pow => {
                if y >= 0 && y <= u32::MAX as i64 {
                    x.checked_pow(y as u32).map(Value::Int)
                } else {
                    None
                }
            }
            BinOp::MatMul => None,
        })
    }

    fn num_op(&self, x: Num, y: Num, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        let is_float = matches!(x, Num::Float(_)) || matches!(y, Num::Float(_));
        if is_float {
            if matches!(
                op,
                BinOp::And | BinOp::Or | BinOp::Xor | BinOp::LShift | BinOp::RShift | BinOp::MatMul
            ) {
                return Err(self.binop_type_error(a, b, op, false));
            }
            let (p, q) = (self.num_to_f64(&x)?, self.num_to_f64(&y)?);
            return self.float_op(p, q, op);
        }
        let (p, q) = (to_big(&x), to_big(&y));
        Ok(match op {
            BinOp::Add => Value::from_bigint(p + q),
            BinOp::Sub => Value::from_bigint(p - q),
            BinOp::Mul => Value::from_bigint(p * q),
            BinOp::FloorDiv => {
                if q.is_zero() {
                    return Err(self.zero_division("integer division or modulo by zero"));
                }
                Value::from_bigint(p.div_floor(&q))
            }
            BinOp::Mod => {
                if q.is_zero() {
                    return Err(self.zero_division("integer modulo by zero"));
                }
                Value::from_bigint(p.mod_floor(&q))
            }
            BinOp::TrueDiv => {
                if q.is_zero() {
                    return Err(self.zero_division("division by zero"));
                }
                Value::float(crate::fmt::bigint_true_div(&p, &q).ok_or_else(|| {
                    self.overflow_error("integer division result too large for a float")
                })?)
            }
            BinOp::And => Value::from_bigint(p & q),
            BinOp::Or => Value::from_bigint(p | q),
            BinOp::Xor => Value::from_bigint(p ^ q),
            BinOp::LShift => {
                let n = q.to_i64().unwrap_or(i64::MAX);
                if n < 0 {
                    return Err(self.value_error("negative shift count"));
                }
                if n > 1 << 24 {
                    return Err(self.overflow_error("too many digits in integer"));
                }
                Value::from_bigint(p << (n as usize))
            }
            BinOp::RShift => {
                let n = q.to_i64().unwrap_or(i64::MAX);
                if n < 0 {
                    return Err(self.value_error("negative shift count"));
                }
                Value::from_bigint(p >> (n.min(1 << 30) as usize))
            }
            BinOp::Pow => {
                if q.is_negative() {
                    let (pf, qf) = (self.num_to_f64(&x)?, self.num_to_f64(&y)?);
                    if pf == 0.0 {
                        return Err(self.zero_division("0.0 cannot be raised to a negative power"));
                    }
                    return Ok(Value::float(pf.powf(qf)));
                }
                let e = q
                    .to_u32()
                    .ok_or_else(|| self.overflow_error("exponent too large"))?;
                if p.bits() * e as u64 > 1 << 26 {
                    return Err(self.overflow_error("result too large"));
                }
                Value::from_bigint(Pow::pow(p, e))
            }
            BinOp::MatMul => return Err(self.binop_type_error(a, b, op, false)),
        })
    }

    /// A number as a complex operand: complex, float, or int (OverflowError
    /// past float's range); None for other values.
    fn as_complex(&self, v: &Value) -> PyResult<Option<Complex>> {
        Ok(match v {
            Value::Complex(c) => Some(**c),
            _ => match as_num(v) {
                Some(n) => Some(Complex::new(self.num_to_f64(&n)?, 0.0)),
                None => None,
            },
        })
    }

    /// Complex arithmetic, with CPython's errors.
    fn complex_op(
        &self,
        x: Complex,
        y: Complex,
        op: BinOp,
        a: &Value,
        b: &Value,
        inplace: bool,
    ) -> PyResult<Value> {
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::TrueDiv => x
                .quotient(y)
                .map_err(|_| self.zero_division("complex division by zero"))?,
            BinOp::Pow => self.complex_pow(x, y)?,
            _ => return Err(self.binop_type_error(a, b, op, inplace)),
        };
        Ok(Value::Complex(Rc::new(r)))
    }

    /// `x ** y` for complex numbers.
    pub fn complex_pow(&self, x: Complex, y: Complex) -> PyResult<Complex> {
        x.pow(y).map_err(|e| match e {
            ComplexError::Domain => self.zero_division("0.0 to a negative or complex power"),
            ComplexError::Range => self.overflow_error("complex exponentiation"),
        })
    }

    pub fn float_op(&self, p: f64, q: f64, op: BinOp) -> PyResult<Value> {
        Ok(Value::float(match op {
            BinOp::Add => p + q,
            BinOp::Sub => p - q,
            BinOp::Mul => p * q,
            BinOp::TrueDiv => {
                if q == 0.0 {
                    return Err(self.zero_division("float division by zero"));
                }
                p / q
            }
            BinOp::FloorDiv => {
                if q == 0.0 {
                    return Err(self.zero_division("float floor division by zero"));
                }
                crate::fmt::float_floordiv(p, q).unwrap_or(f64::NAN)
            }
            BinOp::Mod => {
                if q == 0.0 {
                    return Err(self.zero_division("float modulo"));
                }
                crate::fmt::float_mod(p, q).unwrap_or(f64::NAN)
            }
            BinOp::Pow => {
                if p == 0.0 && q < 0.0 {
                    return Err(self.zero_division("0.0 cannot be raised to a negative power"));
                }
                if p < 0.0 && q.fract() != 0.0 && q.is_finite() {
                    // A negative base to a fractional power is complex.
                    let r = self.complex_pow(Complex::new(p, 0.0), Complex::new(q, 0.0))?;
                    return Ok(Value::Complex(Rc::new(r)));
                }
                let r = p.powf(q);
                if r.is_infinite() && p.is_finite() && q.is_finite() {
                    return Err(self.overflow_error("(34, 'Numerical result out of range')"));
                }
                r
            }
            _ => {
                return Err(self.type_error(format!(
                    "unsupported operand type(s) for {}: 'float' and 'float'",
                    op.symbol()
                )))
            }
        }))
    }

    /// Operators on built-in containers and strings.
    fn builtin_binary(
        &self,
        a: &Value,
        b: &Value,
        op: BinOp,
        inplace: bool,
    ) -> PyResult<Option<Value>> {
        Ok(Some(match (a, b, op) {
            (Value::Class(_), Value::Class(_) | Value::None, BinOp::Or)
            | (Value::None, Value::Class(_), BinOp::Or) => {
                // `int | None`: a `types.UnionType`.
                match crate::stdlib::types::union(self, a, b)? {
                    Value::NotImplemented => return Ok(None),
                    union => union,
                }
            }
            (Value::Str(x), Value::Str(y), BinOp::Add) => Value::Str(Rc::new(
                crate::objects::PyStr::concat([&**x, &**y].into_iter())
                    .ok_or_else(|| self.memory_error())?,
            )),
            (Value::Str(s), n, BinOp::Mul) | (n, Value::Str(s), BinOp::Mul) if is_int(n) => {
                repeat_str(self, s, self.repeat_count(n)?)?
            }
            (Value::Str(s), args, BinOp::Mod) => Value::string(
                crate::builtins::str::percent_format(self, s.as_str(), args)?,
            ),
            (Value::Bytes(x), Value::Bytes(y), BinOp::Add) => {
                Value::Bytes(Rc::new([x.as_slice(), y.as_slice()].concat()))
            }
            // Any other buffer (bytearray, memoryview, array) on the right.
            (Value::Bytes(x), y @ Value::Native(_), BinOp::Add)
                if crate::objects::buffer::contents(y).is_some() =>
            {
                let tail = crate::objects::buffer::contents(y).unwrap_or_default();
                Value::Bytes(Rc::new([x.as_slice(), &tail].concat()))
            }
            (Value::Bytes(s), n, BinOp::Mul) | (n, Value::Bytes(s), BinOp::Mul) if is_int(n) => {
                Value::Bytes(Rc::new(repeat_bytes(self, s, self.repeat_count(n)?)?))
            }
            (Value::List(x), Value::List(y), BinOp::Add) => {
                if inplace {
                    let extra = y.snapshot();
                    x.items.borrow_mut().extend(extra);
                    return Ok(Some(a.clone()));
                }
                let mut v = x.snapshot();
                v.extend(y.snapshot());
                Value::list(v)
            }
            (Value::List(x), other, BinOp::Add) if inplace => {
                let extra = self.to_vec(other)?;
                x.items.borrow_mut().extend(extra);
                a.clone()
            }
            (Value::List(l), n, BinOp::Mul) | (n, Value::List(l), BinOp::Mul) if is_int(n) => {
                let k = self.repeat_count(n)?;
                let v = repeat_items(self, &l.items.borrow(), k)?;
                if inplace && matches!(a, Value::List(_)) {
                    *l.items.borrow_mut() = v;
                    return Ok(Some(a.clone()));
                }
                Value::list(v)
            }
            (Value::Tuple(x), Value::Tuple(y), BinOp::Add) => {
                let mut v = x.0.clone();
                v.extend(y.0.iter().cloned());
                Value::tuple(v)
            }
            (Value::Tuple(t), n, BinOp::Mul) | (n, Value::Tuple(t), BinOp::Mul) if is_int(n) => {
                Value::tuple(repeat_items(self, &t.0, self.repeat_count(n)?)?)
            }
            (Value::Dict(x), Value::Dict(y), BinOp::Or) => {
                let target = if inplace {
                    x.clone()
                } else {
                    crate::objects::gc::new(x.copy())
                };
                for (k, v) in y.items() {
                    target.set(self, k, v)?;
                }
                Value::Dict(target)
            }
            (
                Value::Set(_) | Value::FrozenSet(_),
                Value::Set(_) | Value::FrozenSet(_),
                BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor,
            ) => {
                return crate::builtins::set::set_binary(self, a, b, op, inplace).map(Some);
            }
            _ => return Ok(None),
        }))
    }

    /// The count of a sequence repetition: negative counts repeat nothing.
    fn repeat_count(&self, n: &Value) -> PyResult<usize> {
        if let Value::BigInt(b) = n {
            if b.is_negative() {
                return Ok(0);
            }
        }
        let k = self.size_arg(n, super::limits::SizeArg::Index)?;
        Ok(k.max(0) as usize)
    }

    /// The dunder protocol for binary operators, when an operand is an
    /// instance or a native object: the left operand's `__add__`, then the
    /// right's `__radd__` (first when the right operand's class derives from
    /// the left's and overrides it, as in CPython). Plain operands take part
    /// through their types' slot wrappers (`builtins/slots.rs`), which compute
    /// natively and never come back here; instances of built-in subclasses
    /// find the same wrappers.
    fn dunder_binary(&self, a: &Value, b: &Value, op: BinOp, inplace: bool) -> PyResult<Value> {
        let (fwd, rev, inp) = op.dunder_names();
        let ca = self.class_of(a);
        let cb = self.class_of(b);
        let attempt = |m: Option<Value>, this: &Value, other: &Value| -> PyResult<Option<Value>> {
            match m {
                Some(m) => match self.call_bound(&m, this, std::slice::from_ref(other))? {
                    Value::NotImplemented => Ok(None),
                    r => Ok(Some(r)),
                },
                None => Ok(None),
            }
        };
        if inplace && matches!(a, Value::Instance(_) | Value::Native(_)) {
            if let Some(r) = attempt(ca.lookup(&Name::new(inp)), a, b)? {
                return Ok(r);
            }
        }
        let rev_name = Name::new(rev);
        let reflected = if Rc::ptr_eq(&ca, &cb) {
            None
        } else {
            cb.lookup(&rev_name)
        };
        let rev_first = reflected.is_some()
            && cb.is_subclass(&ca)
            && !matches!((&reflected, ca.lookup(&rev_name)), (Some(x), Some(y)) if x.is(&y));
        if rev_first {
            if let Some(r) = attempt(reflected.clone(), b, a)? {
                return Ok(r);
            }
        }
        if let Some(r) = attempt(ca.lookup(&Name::new(fwd)), a, b)? {
            return Ok(r);
        }
        if !rev_first {
            if let Some(r) = attempt(reflected, b, a)? {
                return Ok(r);
            }
        }
        // Built-in operations that take any object on one side:
        // `lst += iterable`, `seq * obj` for an object with `__index__`.
        if let Some(v) = self.builtin_binary(a, b, op, inplace)? {
            return Ok(v);
        }
        if op == BinOp::Mul {
            let sequence = |v: &Value| {
                matches!(
                    v,
                    Value::Str(_) | Value::Bytes(_) | Value::List(_) | Value::Tuple(_)
                )
            };
            let indexable = |v: &Value| {
                matches!(v, Value::Instance(_) | Value::Native(_))
                    && self
                        .class_of(v)
                        .lookup(&super::protocol::dunders().index)
                        .is_some()
            };
            if sequence(a) && indexable(b) {
                return self.binary_op(a, &Value::Int(self.to_index(b)?), op, inplace);
            }
            if indexable(a) && sequence(b) {
                return self.binary_op(&Value::Int(self.to_index(a)?), b, op, inplace);
            }
        }
        Err(self.binop_type_error(a, b, op, inplace))
    }

    /// `-v`, `+v`, `~v`.
    pub fn unary_op(&self, v: &Value, op: crate::bytecode::Opcode) -> PyResult<Value> {
        use crate::bytecode::Opcode::*;
        Ok(match (op, v) {
            (UNARY_NEGATIVE, Value::Int(i)) => i
                .checked_neg()
                .map(Value::Int)
                .unwrap_or_else(|| Value::from_bigint(-BigInt::from(*i))),
            (UNARY_NEGATIVE, Value::Bool(b)) => Value::Int(-(b.get() as i64)),
            (UNARY_NEGATIVE, Value::BigInt(b)) => Value::from_bigint(-(**b).clone()),
            (UNARY_NEGATIVE, Value::Float(f)) => Value::float(-f.get()),
            (UNARY_NEGATIVE, Value::Complex(c)) => Value::Complex(Rc::new(-**c)),
            (
                UNARY_POSITIVE,
                Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Complex(_),
            ) => v.clone(),
            (UNARY_POSITIVE, Value::Bool(b)) => Value::Int(b.get() as i64),
            (UNARY_INVERT, Value::Int(i)) => Value::Int(!i),
            (UNARY_INVERT, Value::Bool(b)) => Value::Int(!(b.get() as i64)),
            (UNARY_INVERT, Value::BigInt(b)) => Value::from_bigint(-(**b).clone() - 1),
            (UNARY_NOT, _) => Value::from_bool(!self.truthy(v)?),
            (_, Value::Instance(_) | Value::Native(_)) => {
                let name = match op {
                    UNARY_NEGATIVE => "__neg__",
                    UNARY_POSITIVE => "__pos__",
                    _ => "__invert__",
                };
                let class = self.class_of(v);
                match class.lookup(&Name::new(name)) {
                    Some(m) => self.call_bound(&m, v, &[])?,
                    None => return Err(self.unary_error(v, op)),
                }
            }
            _ => return Err(self.unary_error(v, op)),
        })
    }

    fn unary_error(&self, v: &Value, op: crate::bytecode::Opcode) -> crate::objects::PyErr {
        let sym = match op {
            crate::bytecode::Opcode::UNARY_NEGATIVE => "-",
            crate::bytecode::Opcode::UNARY_POSITIVE => "+",
            _ => "~",
        };
        self.type_error(format!(
            "bad operand type for unary {sym}: '{}'",
            self.type_name(v)
        ))
    }

    // -- comparison ------------------------------------------------------------------

    /// `a == b` as a bool.
    pub fn eq(&self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(r) = crate::objects::dict::native_eq(a, b) {
            return Ok(r);
        }
        let r = self.compare(a, b, CmpOp::Eq)?;
        self.truthy(&r)
    }

    /// Rich comparison `a OP b`: natively for built-in values, else the
    /// dunders of both sides (the right side's reflected one first when its
    /// class derives from the left's), plain values through their types'
    /// slot wrappers.
    pub fn compare(&self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
        if let Some(ord) = self.native_ordering(a, b, op)? {
            return Ok(Value::from_bool(ord));
        }
        let ca = self.class_of(a);
        let cb = self.class_of(b);
        let rev_first = !Rc::ptr_eq(&ca, &cb) && cb.is_subclass(&ca);
        let try_side = |vm: &Vm,
                        this: &Value,
                        class: &Rc<crate::objects::Class>,
                        other: &Value,
                        op: CmpOp|
         -> PyResult<Option<Value>> {
            if let Some(m) = class.lookup(&Name::new(op.dunder())) {
                if matches!(&m, Value::Builtin(bi) if bi.owner == Some("object")) {
                    return Ok(None);
                }
                let r = vm.recursing(Recursing::Comparison, || {
                    vm.call_bound(&m, this, std::slice::from_ref(other))
                })?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(Some(r));
                }
            }
            Ok(None)
        };
        if rev_first {
            if let Some(r) = try_side(self, b, &cb, a, op.reflected())? {
                return Ok(r);
            }
        }
        if let Some(r) = try_side(self, a, &ca, b, op)? {
            return Ok(r);
        }
        if !rev_first {
            if let Some(r) = try_side(self, b, &cb, a, op.reflected())? {
                return Ok(r);
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::from_bool(a.is(b))),
            CmpOp::Ne => {
                // `!=` defaults to the inverse of a user `__eq__`.
                if let Some(r) = try_side(self, a, &ca, b, CmpOp::Eq)? {
                    return Ok(Value::from_bool(!self.truthy(&r)?));
                }
                Ok(Value::from_bool(!a.is(b)))
            }
            _ => Err(self.type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                self.type_name(a),
                self.type_name(b)
            ))),
        }
    }

    /// Comparison of built-in values; None when the dunder protocol must decide.
    pub(crate) fn native_ordering(
        &self,
        a: &Value,
        b: &Value,
        op: CmpOp,
    ) -> PyResult<Option<bool>> {
        use std::cmp::Ordering;
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return Ok(Some(op.test(x.cmp(y))));
        }
        if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
            let ord = match (x, y) {
                (Num::Float(p), Num::Float(q)) => p.partial_cmp(&q),
                (Num::Float(p), n) | (n, Num::Float(p)) if false => {
                    let _ = (p, n);
                    None
                }
                (Num::Float(p), n) => cmp_float_int(p, &to_big(&n)),
                (n, Num::Float(q)) => cmp_float_int(q, &to_big(&n)).map(Ordering::reverse),
                (x, y) => Some(to_big(&x).cmp(&to_big(&y))),
            };
            return Ok(Some(match ord {
                Some(o) => op.test(o),
                None => op == CmpOp::Ne, // NaN
            }));
        }
        if matches!(a, Value::Complex(_)) || matches!(b, Value::Complex(_)) {
            return self.complex_compare(a, b, op);
        }
        Ok(Some(match (a, b) {
            (Value::Str(x), Value::Str(y)) => op.test(x.as_str().cmp(y.as_str())),
            (Value::Bytes(x), Value::Bytes(y)) => op.test(x.as_slice().cmp(y.as_slice())),
            (Value::List(x), Value::List(y)) => {
                let (x, y) = (x.snapshot(), y.snapshot());
                return self
                    .recursing(Recursing::Comparison, || self.seq_compare(&x, &y, op))
                    .map(Some);
            }
            (Value::Tuple(x), Value::Tuple(y)) => {
                return self
                    .recursing(Recursing::Comparison, || self.seq_compare(&x.0, &y.0, op))
                    .map(Some)
            }
            (Value::Dict(x), Value::Dict(y)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let eq = x.len() == y.len()
                    && self.recursing(Recursing::Comparison, || self.dict_items_equal(x, y))?;
                (op == CmpOp::Eq) == eq
            }
            (Value::Set(x) | Value::FrozenSet(x), Value::Set(y) | Value::FrozenSet(y)) => {
                return self
                    .recursing(Recursing::Comparison, || set_compare(self, x, y, op))
                    .map(Some)
            }
            (Value::Range(x), Value::Range(y)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let same = (x.is_empty() && y.is_empty())
                    || (x.len() == y.len()
                        && x.start == y.start
                        && (x.len() == 1 || x.step == y.step));
                (op == CmpOp::Eq) == same
            }
            (Value::Slice(x), Value::Slice(y)) => {
                let (x, y) = (
                    [x.start.clone(), x.stop.clone(), x.step.clone()],
                    [y.start.clone(), y.stop.clone(), y.step.clone()],
                );
                return self
                    .recursing(Recursing::Comparison, || self.seq_compare(&x, &y, op))
                    .map(Some);
            }
            // Methods are equal when they bind the same function to the same object.
            (Value::BoundMethod(x), Value::BoundMethod(y))
                if matches!(op, CmpOp::Eq | CmpOp::Ne) =>
            {
                (op == CmpOp::Eq) == (x.receiver.is(&y.receiver) && self.eq(&x.func, &y.func)?)
            }
            (Value::Builtin(x), Value::Builtin(y)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let same = match (&x.bound, &y.bound) {
                    (Some(p), Some(q)) => p.is(q) && x.name == y.name && x.owner == y.owner,
                    _ => a.is(b),
                };
                (op == CmpOp::Eq) == same
            }
            (a, b) if has_dunders(a) || has_dunders(b) => return Ok(None),
            _ => match op {
                CmpOp::Eq => a.is(b),
                CmpOp::Ne => !a.is(b),
                _ => return Ok(None),
            },
        }))
    }

    /// `==` and `!=` of a complex number with a number (exactly: a complex
    /// equals an int only if the int is exactly its real part); orderings
    /// are not defined (None: the caller raises TypeError).
    fn complex_compare(&self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Option<bool>> {
        if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
            return Ok(None);
        }
        let (c, other) = match (a, b) {
            (Value::Complex(c), other) | (other, Value::Complex(c)) => (**c, other),
            _ => return Ok(None),
        };
        let equal = match other {
            Value::Complex(d) => c.re == d.re && c.im == d.im,
            Value::Float(f) => c.im == 0.0 && c.re == f.get(),
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                c.im == 0.0
                    && as_num(other).is_some_and(|n| {
                        cmp_float_int(c.re, &to_big(&n)) == Some(std::cmp::Ordering::Equal)
                    })
            }
            Value::Instance(_) | Value::Native(_) => return Ok(None),
            _ => false,
        };
        Ok(Some((op == CmpOp::Eq) == equal))
    }

    /// Whether two dicts of equal length hold equal values under equal keys.
    fn dict_items_equal(
        &self,
        x: &crate::objects::PyDict,
        y: &crate::objects::PyDict,
    ) -> PyResult<bool> {
        for (k, v) in x.items() {
            match y.get(self, &k)? {
                Some(v2) if self.eq(&v, &v2)? => {}
                _ => return Ok(false),
            }
        }
        Ok(true)
    }

    fn seq_compare(&self, x: &[Value], y: &[Value], op: CmpOp) -> PyResult<bool> {
        for (p, q) in x.iter().zip(y.iter()) {
            // Identity implies equality for container comparison, as in CPython (`[nan] == [nan]`).
            if !p.is(q) && !self.eq(p, q)? {
                if op == CmpOp::Eq {
                    return Ok(false);
                }
                if op == CmpOp::Ne {
                    return Ok(true);
                }
                let r = self.compare(p, q, op)?;
                return self.truthy(&r);
            }
        }
        Ok(op.test(x.len().cmp(&y.len())))
    }
}

/// True for operands whose operators are methods of a class a program
/// wrote: instances, native objects, classes with a metaclass.
fn has_dunders(v: &Value) -> bool {
    match v {
        Value::Instance(_) | Value::Native(_) => true,
        Value::Class(c) => c.metaclass.borrow().is_some(),
        _ => false,
    }
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
}

/// Exact comparison of a float with an integer (no rounding of big ints).
fn cmp_float_int(f: f64, i: &BigInt) -> Option<std::cmp::Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Less
        });
    }
    let fl = f.floor();
    let fb = BigInt::from_f64(fl)?;
    match fb.cmp(i) {
        std::cmp::Ordering::Equal => Some(if f > fl {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }),
        o => Some(o),
    }
}

/// Set comparison: equality and the subset orders.
fn set_compare(
    vm: &Vm,
    x: &crate::objects::PySet,
    y: &crate::objects::PySet,
    op: CmpOp,
) -> PyResult<bool> {
    let subset = |p: &crate::objects::PySet, q: &crate::objects::PySet| -> PyResult<bool> {
        for item in p.items() {
            if !q.contains(vm, &item)? {
                return Ok(false);
            }
        }
        Ok(true)
    };
    Ok(match op {
        CmpOp::Eq => x.len() == y.len() && subset(x, y)?,
        CmpOp::Ne => !(x.len() == y.len() && subset(x, y)?),
        CmpOp::Le => subset(x, y)?,
        CmpOp::Lt => x.len() < y.len() && subset(x, y)?,
        CmpOp::Ge => subset(y, x)?,
        CmpOp::Gt => x.len() > y.len() && subset(y, x)?,
    })
}
