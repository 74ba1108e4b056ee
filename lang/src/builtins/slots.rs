//! The dunders of the core built-in value types (`int.__add__`,
//! `str.__len__`, `list.__getitem__`, `dict.__setitem__`, ...), as tables.
//!
//! The VM runs operators, `len`, subscripts and the other protocols on
//! built-in values natively, without looking anything up. These slot
//! wrappers are what a lookup finds instead: they are called for unbound
//! dunders (`int.__mul__(3, 4)`), for `super().__setitem__(k, v)`, and by the
//! protocols for instances of user subclasses (see `payload.rs`). Each one
//! checks its receiver as CPython's descriptors do ("descriptor '__mul__'
//! requires a 'int' object but received a 'str'"), takes the receiver's base
//! value and runs the native operation on it, so results have the base type.
//!
//! A table row names a dunder and the [`SlotOp`] it performs; [`slots!`]
//! turns each row into its own native function (a native receives no data of
//! its own, so the function is where the row's type and operation live).

use super::payload::wrong_receiver;
use crate::bytecode::Opcode;
use crate::objects::{Args, Class, NativeFn, PyResult, Value};
use crate::vm::ops::{BinOp, CmpOp};
use crate::vm::types::{add_classmethod, add_methods, bool_class};
use crate::vm::Vm;
use std::rc::Rc;

/// The built-in value types that have slot tables.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Int,
    Bool,
    Float,
    Complex,
    Str,
    Bytes,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Range,
}

/// What a slot does with its receiver's base value (`this`) and arguments.
#[derive(Clone, Copy)]
pub(crate) enum SlotOp {
    Repr,
    Str,
    Hash,
    Bool,
    Len,
    Iter,
    Reversed,
    Contains,
    GetItem,
    SetItem,
    DelItem,
    Compare(CmpOp),
    /// `this OP other`.
    Binary(BinOp),
    /// `other OP this` (`__radd__`).
    Reflected(BinOp),
    /// `this OP= other`; the receiver itself when the operation mutated it.
    InPlace(BinOp),
    Neg,
    Pos,
    Invert,
    Abs,
    Int,
    Float,
    Index,
    Format,
    Round,
    Trunc,
    Floor,
    Ceil,
    Divmod,
    RDivmod,
    GetNewArgs,
    Bytes,
}

impl SlotOp {
    /// How many arguments besides the receiver the slot takes.
    fn arity(self) -> (usize, usize) {
        use SlotOp::*;
        match self {
            Binary(BinOp::Pow) | Reflected(BinOp::Pow) => (1, 2),
            Compare(_) | Binary(_) | Reflected(_) | InPlace(_) | Contains | GetItem | DelItem
            | Format | Divmod | RDivmod => (1, 1),
            SetItem => (2, 2),
            Round => (0, 1),
            _ => (0, 0),
        }
    }
}

impl SlotOp {
    /// True for the dunders CPython defines as methods rather than slot
    /// wrappers (their receiver errors are worded differently).
    fn is_method(self, kind: Kind) -> bool {
        use Kind::*;
        match self {
            SlotOp::Trunc
            | SlotOp::Floor
            | SlotOp::Ceil
            | SlotOp::Round
            | SlotOp::GetNewArgs
            | SlotOp::Format
            | SlotOp::Bytes => true,
            SlotOp::GetItem => matches!(kind, List | Dict),
            SlotOp::Reversed => true,
            SlotOp::Contains => matches!(kind, Dict | Set | FrozenSet),
            _ => false,
        }
    }
}

impl Kind {
    fn class(self, vm: &Vm) -> Rc<Class> {
        let t = &vm.types;
        match self {
            Kind::Int => t.int.clone(),
            Kind::Bool => bool_class(vm),
            Kind::Float => t.float.clone(),
            Kind::Complex => t.complex.clone(),
            Kind::Str => t.str.clone(),
            Kind::Bytes => t.bytes.clone(),
            Kind::List => t.list.clone(),
            Kind::Tuple => t.tuple.clone(),
            Kind::Dict => t.dict.clone(),
            Kind::Set => t.set.clone(),
            Kind::FrozenSet => t.frozenset.clone(),
            Kind::Range => t.range.clone(),
        }
    }

    /// True if `v` is a value of this type (the receiver's base value).
    fn holds(self, v: &Value) -> bool {
        match self {
            Kind::Int => is_int(v),
            Kind::Bool => matches!(v, Value::Bool(_)),
            Kind::Float => matches!(v, Value::Float(_)),
            Kind::Complex => matches!(v, Value::Complex(_)),
            Kind::Str => matches!(v, Value::Str(_)),
            Kind::Bytes => matches!(v, Value::Bytes(_)),
            Kind::List => matches!(v, Value::List(_)),
            Kind::Tuple => matches!(v, Value::Tuple(_)),
            Kind::Dict => matches!(v, Value::Dict(_)),
            Kind::Set | Kind::FrozenSet => matches!(v, Value::Set(_) | Value::FrozenSet(_)),
            Kind::Range => matches!(v, Value::Range(_)),
        }
    }

    fn is_sequence(self) -> bool {
        matches!(self, Kind::Str | Kind::Bytes | Kind::List | Kind::Tuple)
    }

    /// Whether this type's binary slot `op` computes with `other` (a base
    /// value); otherwise the slot returns NotImplemented, so that the other
    /// operand's reflected method gets its turn.
    fn operand_ok(self, op: SlotOp, other: &Value) -> bool {
        use Kind::*;
        let number = is_int(other) || matches!(other, Value::Float(_));
        let foreign = matches!(other, Value::Instance(_) | Value::Native(_));
        let set = matches!(other, Value::Set(_) | Value::FrozenSet(_));
        match (self, op) {
            (Int | Bool, _) => is_int(other),
            (Float, _) => number,
            (Complex, _) => number || matches!(other, Value::Complex(_)),
            (Dict, SlotOp::Compare(CmpOp::Eq | CmpOp::Ne)) => matches!(other, Value::Dict(_)),
            (Range, SlotOp::Compare(CmpOp::Eq | CmpOp::Ne)) => matches!(other, Value::Range(_)),
            (Dict | Range, SlotOp::Compare(_)) => false,
            (Set | FrozenSet, _) => set,
            (_, SlotOp::Compare(_)) => self.holds(other),
            // `'%s' % anything`; `x % s` only when `x` is of the same type.
            (Str | Bytes, SlotOp::Binary(BinOp::Mod)) => true,
            (Str | Bytes, SlotOp::Reflected(BinOp::Mod)) => self.holds(other),
            (Bytes, _) => !foreign || super::bytearray::is_bytearray(other),
            (Dict, SlotOp::InPlace(BinOp::Or)) => true,
            (Dict, _) => matches!(other, Value::Dict(_)),
            // `l += iterable`.
            (List, SlotOp::InPlace(BinOp::Add)) => true,
            _ => !foreign,
        }
    }
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
}

/// Turns rows `"__name__" => op` into `(name, native)` pairs for `kind`;
/// `compared KIND` adds the six rich comparisons.
macro_rules! slots {
    (compared $kind:ident: $($rows:tt)*) => {
        slots!($kind:
            "__eq__" => Compare(Eq), "__ne__" => Compare(Ne), "__lt__" => Compare(Lt),
            "__le__" => Compare(Le), "__gt__" => Compare(Gt), "__ge__" => Compare(Ge),
            $($rows)*
        )
    };
    ($kind:ident: $($name:literal => $op:expr),* $(,)?) => {
        &[$(($name, {
            fn slot(vm: &Vm, args: Args) -> PyResult {
                #[allow(unused_imports)]
                use {SlotOp::*, BinOp::*, CmpOp::*};
                call_slot(vm, args, Kind::$kind, $name, $op)
            }
            slot as NativeFn
        })),*]
    };
}

/// A type's dunders as `(name, native)` pairs.
type SlotTable = &'static [(&'static str, NativeFn)];

const INT: SlotTable = slots!(compared Int:
    "__repr__" => Repr, "__hash__" => Hash, "__bool__" => Bool, "__format__" => Format,
    "__int__" => SlotOp::Int, "__float__" => SlotOp::Float, "__index__" => Index,
    "__neg__" => Neg, "__pos__" => Pos, "__abs__" => Abs, "__invert__" => Invert,
    "__round__" => Round, "__trunc__" => Trunc, "__floor__" => Floor, "__ceil__" => Ceil,
    "__getnewargs__" => GetNewArgs,
    "__add__" => Binary(Add), "__radd__" => Reflected(Add),
    "__sub__" => Binary(Sub), "__rsub__" => Reflected(Sub),
    "__mul__" => Binary(Mul), "__rmul__" => Reflected(Mul),
    "__truediv__" => Binary(TrueDiv), "__rtruediv__" => Reflected(TrueDiv),
    "__floordiv__" => Binary(FloorDiv), "__rfloordiv__" => Reflected(FloorDiv),
    "__mod__" => Binary(Mod), "__rmod__" => Reflected(Mod),
    "__divmod__" => Divmod, "__rdivmod__" => RDivmod,
    "__pow__" => Binary(Pow), "__rpow__" => Reflected(Pow),
    "__lshift__" => Binary(LShift), "__rlshift__" => Reflected(LShift),
    "__rshift__" => Binary(RShift), "__rrshift__" => Reflected(RShift),
    "__and__" => Binary(And), "__rand__" => Reflected(And),
    "__or__" => Binary(Or), "__ror__" => Reflected(Or),
    "__xor__" => Binary(Xor), "__rxor__" => Reflected(Xor),
);

const BOOL: SlotTable = slots!(Bool:
    "__repr__" => Repr,
    "__and__" => Binary(And), "__rand__" => Reflected(And),
    "__or__" => Binary(Or), "__ror__" => Reflected(Or),
    "__xor__" => Binary(Xor), "__rxor__" => Reflected(Xor),
);

const FLOAT: SlotTable = slots!(compared Float:
    "__repr__" => Repr, "__hash__" => Hash, "__bool__" => Bool, "__format__" => Format,
    "__int__" => SlotOp::Int, "__float__" => SlotOp::Float,
    "__neg__" => Neg, "__pos__" => Pos, "__abs__" => Abs,
    "__round__" => Round, "__trunc__" => Trunc, "__floor__" => Floor, "__ceil__" => Ceil,
    "__getnewargs__" => GetNewArgs,
    "__add__" => Binary(Add), "__radd__" => Reflected(Add),
    "__sub__" => Binary(Sub), "__rsub__" => Reflected(Sub),
    "__mul__" => Binary(Mul), "__rmul__" => Reflected(Mul),
    "__truediv__" => Binary(TrueDiv), "__rtruediv__" => Reflected(TrueDiv),
    "__floordiv__" => Binary(FloorDiv), "__rfloordiv__" => Reflected(FloorDiv),
    "__mod__" => Binary(Mod), "__rmod__" => Reflected(Mod),
    "__divmod__" => Divmod, "__rdivmod__" => RDivmod,
    "__pow__" => Binary(Pow), "__rpow__" => Reflected(Pow),
);

const COMPLEX: SlotTable = slots!(compared Complex:
    "__repr__" => Repr, "__hash__" => Hash, "__bool__" => Bool, "__format__" => Format,
    "__neg__" => Neg, "__pos__" => Pos, "__abs__" => Abs, "__getnewargs__" => GetNewArgs,
    "__add__" => Binary(Add), "__radd__" => Reflected(Add),
    "__sub__" => Binary(Sub), "__rsub__" => Reflected(Sub),
    "__mul__" => Binary(Mul), "__rmul__" => Reflected(Mul),
    "__truediv__" => Binary(TrueDiv), "__rtruediv__" => Reflected(TrueDiv),
    "__pow__" => Binary(Pow), "__rpow__" => Reflected(Pow),
);

const STR: SlotTable = slots!(compared Str:
    "__repr__" => Repr, "__str__" => SlotOp::Str, "__hash__" => Hash, "__format__" => Format,
    "__len__" => Len, "__iter__" => Iter, "__contains__" => Contains, "__getitem__" => GetItem,
    "__getnewargs__" => GetNewArgs,
    "__add__" => Binary(Add), "__mul__" => Binary(Mul), "__rmul__" => Reflected(Mul),
    "__mod__" => Binary(Mod), "__rmod__" => Reflected(Mod),
);

const BYTES: SlotTable = slots!(compared Bytes:
    "__repr__" => Repr, "__str__" => SlotOp::Str, "__hash__" => Hash, "__bytes__" => SlotOp::Bytes,
    "__len__" => Len, "__iter__" => Iter, "__contains__" => Contains, "__getitem__" => GetItem,
    "__getnewargs__" => GetNewArgs,
    "__add__" => Binary(Add), "__mul__" => Binary(Mul), "__rmul__" => Reflected(Mul),
    "__mod__" => Binary(Mod), "__rmod__" => Reflected(Mod),
);

const LIST: SlotTable = slots!(compared List:
    "__repr__" => Repr, "__len__" => Len, "__iter__" => Iter, "__reversed__" => Reversed,
    "__contains__" => Contains, "__getitem__" => GetItem, "__setitem__" => SetItem,
    "__delitem__" => DelItem,
    "__add__" => Binary(Add), "__iadd__" => InPlace(Add),
    "__mul__" => Binary(Mul), "__rmul__" => Reflected(Mul), "__imul__" => InPlace(Mul),
);

const TUPLE: SlotTable = slots!(compared Tuple:
    "__repr__" => Repr, "__hash__" => Hash, "__len__" => Len, "__iter__" => Iter,
    "__contains__" => Contains, "__getitem__" => GetItem, "__getnewargs__" => GetNewArgs,
    "__add__" => Binary(Add), "__mul__" => Binary(Mul), "__rmul__" => Reflected(Mul),
);

const DICT: SlotTable = slots!(compared Dict:
    "__repr__" => Repr, "__len__" => Len, "__iter__" => Iter, "__reversed__" => Reversed,
    "__contains__" => Contains, "__getitem__" => GetItem, "__setitem__" => SetItem,
    "__delitem__" => DelItem,
    "__or__" => Binary(Or), "__ror__" => Reflected(Or), "__ior__" => InPlace(Or),
);

const SET: SlotTable = slots!(compared Set:
    "__repr__" => Repr, "__len__" => Len, "__iter__" => Iter, "__contains__" => Contains,
    "__and__" => Binary(And), "__rand__" => Reflected(And), "__iand__" => InPlace(And),
    "__or__" => Binary(Or), "__ror__" => Reflected(Or), "__ior__" => InPlace(Or),
    "__sub__" => Binary(Sub), "__rsub__" => Reflected(Sub), "__isub__" => InPlace(Sub),
    "__xor__" => Binary(Xor), "__rxor__" => Reflected(Xor), "__ixor__" => InPlace(Xor),
);

const FROZENSET: SlotTable = slots!(compared FrozenSet:
    "__repr__" => Repr, "__hash__" => Hash, "__len__" => Len, "__iter__" => Iter,
    "__contains__" => Contains,
    "__and__" => Binary(And), "__rand__" => Reflected(And),
    "__or__" => Binary(Or), "__ror__" => Reflected(Or),
    "__sub__" => Binary(Sub), "__rsub__" => Reflected(Sub),
    "__xor__" => Binary(Xor), "__rxor__" => Reflected(Xor),
);

const RANGE: SlotTable = slots!(compared Range:
    "__repr__" => Repr, "__hash__" => Hash, "__bool__" => Bool, "__len__" => Len,
    "__iter__" => Iter, "__reversed__" => Reversed, "__contains__" => Contains,
    "__getitem__" => GetItem,
);

/// Registers every table in its type's namespace.
pub fn install(vm: &Vm) {
    let t = &vm.types;
    let tables: [(&Rc<Class>, &'static str, SlotTable); 12] = [
        (&t.int, "int", INT),
        (&t.float, "float", FLOAT),
        (&t.complex, "complex", COMPLEX),
        (&t.str, "str", STR),
        (&t.bytes, "bytes", BYTES),
        (&t.list, "list", LIST),
        (&t.tuple, "tuple", TUPLE),
        (&t.dict, "dict", DICT),
        (&t.set, "set", SET),
        (&t.frozenset, "frozenset", FROZENSET),
        (&t.range, "range", RANGE),
        (&bool_class(vm), "bool", BOOL),
    ];
    for (class, owner, table) in tables {
        add_methods(class, owner, table);
    }
    // Mutable containers are unhashable, subclasses included.
    for class in [&t.list, &t.dict, &t.set] {
        class.set_attr("__hash__", Value::None);
    }
    // `list[int]`, and `Stack[int]` for a subclass, are generic aliases.
    for class in [&t.list, &t.tuple, &t.dict, &t.set, &t.frozenset] {
        add_classmethod(vm, class, "__class_getitem__", class_getitem);
    }
}

/// `cls[item]` for the generic built-in containers: `types.GenericAlias`.
pub(crate) fn class_getitem(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__class_getitem__", 2, 2)?;
    crate::stdlib::types::generic_alias(vm, &args.pos[0], &args.pos[1])
}

/// Runs the slot `name` (operation `op`) of the type `kind`.
fn call_slot(vm: &Vm, args: Args, kind: Kind, name: &str, op: SlotOp) -> PyResult {
    let owner = kind.class(vm);
    let Some(receiver) = args.get(0) else {
        return Err(vm.type_error(format!(
            "descriptor '{name}' of '{}' object needs an argument",
            owner.name
        )));
    };
    let this = receiver.builtin_base();
    if !vm.isinstance(receiver, &owner) || !kind.holds(this) {
        return Err(if op.is_method(kind) {
            vm.type_error(format!(
                "descriptor '{name}' for '{}' objects doesn't apply to a '{}' object",
                owner.name,
                vm.type_name(receiver)
            ))
        } else {
            wrong_receiver(vm, name, &owner.name, receiver)
        });
    }
    // `int.__and__(True, False)` is the int 0: int's slots see a bool as an int.
    let as_int;
    let this = match (kind, this) {
        (Kind::Int, Value::Bool(b)) => {
            as_int = Value::Int(b.get() as i64);
            &as_int
        }
        _ => this,
    };
    if args.has_kwargs() {
        return Err(vm.type_error(format!("wrapper {name}() takes no keyword arguments")));
    }
    let rest = &args.pos[1..];
    check_arity(vm, op, rest.len())?;
    match op {
        SlotOp::Repr => match (this, receiver) {
            // A set subclass shows its own name: `MySet({1, 2})`, `MySet()`.
            (Value::Set(s) | Value::FrozenSet(s), Value::Instance(_)) => {
                let name = vm.type_name(receiver);
                Ok(Value::string(if s.is_empty() {
                    format!("{name}()")
                } else {
                    format!("{name}({})", vm.repr(&Value::Set(s.clone()))?)
                }))
            }
            _ => Ok(Value::string(vm.repr(this)?)),
        },
        SlotOp::Str => match this {
            Value::Str(_) => Ok(this.clone()),
            _ => Ok(Value::string(vm.repr(this)?)),
        },
        SlotOp::Hash => Ok(Value::Int(vm.hash(this)?)),
        SlotOp::Bool => Ok(Value::from_bool(vm.truthy(this)?)),
        SlotOp::Len => Ok(Value::Int(vm.len(this)? as i64)),
        SlotOp::Iter => vm.iter(this),
        SlotOp::Reversed => super::reversed(vm, Args::new(std::slice::from_ref(this))),
        SlotOp::Contains => Ok(Value::from_bool(vm.contains(this, &rest[0])?)),
        SlotOp::GetItem => get_item(vm, receiver, this, &rest[0]),
        SlotOp::SetItem => {
            vm.set_item(this, &rest[0], rest[1].clone())?;
            Ok(Value::None)
        }
        SlotOp::DelItem => {
            vm.del_item(this, &rest[0])?;
            Ok(Value::None)
        }
        SlotOp::Compare(cmp) => {
            let other = rest[0].builtin_base();
            if !kind.operand_ok(op, other) {
                return Ok(Value::NotImplemented);
            }
            Ok(match vm.native_ordering(this, other, cmp)? {
                Some(result) => Value::from_bool(result),
                None => Value::NotImplemented,
            })
        }
        SlotOp::Binary(bin) | SlotOp::Reflected(bin) | SlotOp::InPlace(bin) => {
            binary(vm, kind, op, bin, receiver, this, rest)
        }
        SlotOp::Neg => vm.unary_op(this, Opcode::UNARY_NEGATIVE),
        SlotOp::Pos => vm.unary_op(this, Opcode::UNARY_POSITIVE),
        SlotOp::Invert => vm.unary_op(this, Opcode::UNARY_INVERT),
        SlotOp::Abs => super::abs(vm, Args::new(std::slice::from_ref(this))),
        SlotOp::Int | SlotOp::Index | SlotOp::Trunc => super::number::int_of(vm, this),
        SlotOp::Float => Ok(Value::float(super::number::to_f64(vm, this)?)),
        SlotOp::Floor | SlotOp::Ceil => match this {
            Value::Float(f) => {
                let f = if matches!(op, SlotOp::Floor) {
                    f.get().floor()
                } else {
                    f.get().ceil()
                };
                super::number::int_of(vm, &Value::float(f))
            }
            _ => super::number::int_of(vm, this),
        },
        SlotOp::Round => {
            let mut call = vec![this.clone()];
            call.extend_from_slice(rest);
            super::round(vm, Args::new(&call))
        }
        SlotOp::Format => match &rest[0] {
            Value::Str(spec) if spec.as_str().is_empty() => vm.str_value(receiver),
            Value::Str(spec) => Ok(Value::string(vm.format(this, spec.as_str())?)),
            other => Err(vm.type_error(format!(
                "__format__() argument must be str, not {}",
                vm.type_name(other)
            ))),
        },
        SlotOp::Divmod | SlotOp::RDivmod => {
            let other = rest[0].builtin_base();
            if !kind.operand_ok(op, other) {
                return Ok(Value::NotImplemented);
            }
            let pair = match op {
                SlotOp::Divmod => [this.clone(), other.clone()],
                _ => [other.clone(), this.clone()],
            };
            super::divmod(vm, Args::new(&pair))
        }
        SlotOp::GetNewArgs => Ok(Value::tuple(match this {
            Value::Complex(c) => vec![Value::float(c.re), Value::float(c.im)],
            _ => vec![this.clone()],
        })),
        SlotOp::Bytes => Ok(this.clone()),
    }
}

/// `__add__`, `__radd__`, `__iadd__` and the other operator slots.
fn binary(
    vm: &Vm,
    kind: Kind,
    op: SlotOp,
    bin: BinOp,
    receiver: &Value,
    this: &Value,
    rest: &[Value],
) -> PyResult {
    // `'%r' % obj` formats `obj` itself, not its base value.
    let other = match (kind, bin) {
        (Kind::Str | Kind::Bytes, BinOp::Mod) if matches!(op, SlotOp::Binary(_)) => &rest[0],
        _ => rest[0].builtin_base(),
    };
    if !kind.operand_ok(op, other) {
        return Ok(Value::NotImplemented);
    }
    if let Some(modulus) = rest.get(1).filter(|m| !m.is_none()) {
        let call = match op {
            SlotOp::Reflected(_) => [other.clone(), this.clone(), modulus.clone()],
            _ => [this.clone(), other.clone(), modulus.clone()],
        };
        return super::pow(vm, Args::new(&call));
    }
    let (left, right) = match op {
        SlotOp::Reflected(_) => (other, this),
        _ => (this, other),
    };
    let inplace = matches!(op, SlotOp::InPlace(_));
    let result = match (this, bin) {
        (Value::Dict(d), BinOp::Or) if inplace => {
            super::dict::update_from(vm, d, other)?;
            Some(this.clone())
        }
        _ => vm.native_binary(left, right, bin, inplace)?,
    };
    match result {
        // The operation mutated the base value: the result is the receiver.
        Some(r) if inplace && r.is(this) => Ok(receiver.clone()),
        Some(r) => Ok(r),
        // `[] + ()`: sequences raise their own TypeError rather than defer.
        None if matches!(op, SlotOp::Binary(BinOp::Add)) && kind.is_sequence() => {
            Err(vm.binop_type_error(this, other, bin, false))
        }
        None => Ok(Value::NotImplemented),
    }
}

/// `__getitem__`; `dict.__getitem__` asks a subclass's `__missing__` for absent keys.
fn get_item(vm: &Vm, receiver: &Value, this: &Value, key: &Value) -> PyResult {
    let Value::Dict(d) = this else {
        return vm.get_item(this, key);
    };
    if let Some(v) = d.get(vm, key)? {
        return Ok(v);
    }
    if let Value::Instance(inst) = receiver {
        if let Some(missing) = inst.class.lookup(&crate::vm::protocol::dunders().missing) {
            return vm.call_bound(&missing, receiver, std::slice::from_ref(key));
        }
    }
    Err(vm.key_error(key.clone()))
}

fn check_arity(vm: &Vm, op: SlotOp, given: usize) -> PyResult<()> {
    let (min, max) = op.arity();
    if (min..=max).contains(&given) {
        return Ok(());
    }
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    Err(vm.type_error(if min == max {
        format!("expected {min} argument{}, got {given}", plural(min))
    } else if given < min {
        format!(
            "expected at least {min} argument{}, got {given}",
            plural(min)
        )
    } else {
        format!(
            "expected at most {max} argument{}, got {given}",
            plural(max)
        )
    }))
}
