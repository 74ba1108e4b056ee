//! `operator`: the operators as functions, and itemgetter, attrgetter and
//! methodcaller. Native, because they are passed to `map`, `sorted(key=)`
//! and `reduce` and run once per element.

use crate::bytecode::Opcode;
use crate::objects::class::Layout;
use crate::objects::gc::Visitor;
use crate::objects::{Args, Class, Module, Name, NativeFn, NativeObject, PyResult, Value};
use crate::vm::ops::{BinOp, CmpOp};
use crate::vm::types::{add_methods, new_class};
use crate::vm::Vm;
use std::any::Any;
use std::rc::Rc;

macro_rules! binary {
    ($($name:ident => $op:expr, $inplace:expr;)*) => {
        $(fn $name(vm: &Vm, args: Args) -> PyResult {
            args.check(vm, stringify!($name), 2, 2)?;
            vm.binary_op(&args.pos[0], &args.pos[1], $op, $inplace)
        })*
    };
}

binary! {
    add => BinOp::Add, false;
    sub => BinOp::Sub, false;
    mul => BinOp::Mul, false;
    truediv => BinOp::TrueDiv, false;
    floordiv => BinOp::FloorDiv, false;
    mod_ => BinOp::Mod, false;
    pow => BinOp::Pow, false;
    lshift => BinOp::LShift, false;
    rshift => BinOp::RShift, false;
    and_ => BinOp::And, false;
    or_ => BinOp::Or, false;
    xor => BinOp::Xor, false;
    matmul => BinOp::MatMul, false;
    iadd => BinOp::Add, true;
    isub => BinOp::Sub, true;
    imul => BinOp::Mul, true;
    itruediv => BinOp::TrueDiv, true;
    ifloordiv => BinOp::FloorDiv, true;
    imod => BinOp::Mod, true;
    ipow => BinOp::Pow, true;
    ilshift => BinOp::LShift, true;
    irshift => BinOp::RShift, true;
    iand => BinOp::And, true;
    ior => BinOp::Or, true;
    ixor => BinOp::Xor, true;
    imatmul => BinOp::MatMul, true;
}

macro_rules! compare {
    ($($name:ident => $op:expr;)*) => {
        $(fn $name(vm: &Vm, args: Args) -> PyResult {
            args.check(vm, stringify!($name), 2, 2)?;
            vm.compare(&args.pos[0], &args.pos[1], $op)
        })*
    };
}

compare! {
    lt => CmpOp::Lt;
    le => CmpOp::Le;
    eq => CmpOp::Eq;
    ne => CmpOp::Ne;
    gt => CmpOp::Gt;
    ge => CmpOp::Ge;
}

macro_rules! unary {
    ($($name:ident => $op:expr;)*) => {
        $(fn $name(vm: &Vm, args: Args) -> PyResult {
            args.check(vm, stringify!($name), 1, 1)?;
            vm.unary_op(&args.pos[0], $op)
        })*
    };
}

unary! {
    neg => Opcode::UNARY_NEGATIVE;
    pos => Opcode::UNARY_POSITIVE;
    invert => Opcode::UNARY_INVERT;
}

/// The function table; dunder aliases (`__add__`) are added from it.
const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("add", add),
    ("sub", sub),
    ("mul", mul),
    ("truediv", truediv),
    ("floordiv", floordiv),
    ("mod", mod_),
    ("pow", pow),
    ("lshift", lshift),
    ("rshift", rshift),
    ("and_", and_),
    ("or_", or_),
    ("xor", xor),
    ("matmul", matmul),
    ("iadd", iadd),
    ("isub", isub),
    ("imul", imul),
    ("itruediv", itruediv),
    ("ifloordiv", ifloordiv),
    ("imod", imod),
    ("ipow", ipow),
    ("ilshift", ilshift),
    ("irshift", irshift),
    ("iand", iand),
    ("ior", ior),
    ("ixor", ixor),
    ("imatmul", imatmul),
    ("iconcat", iadd),
    ("lt", lt),
    ("le", le),
    ("eq", eq),
    ("ne", ne),
    ("gt", gt),
    ("ge", ge),
    ("neg", neg),
    ("pos", pos),
    ("invert", invert),
    ("inv", invert),
    ("abs", abs),
    ("not_", not_),
    ("truth", truth),
    ("is_", is_),
    ("is_not", is_not),
    ("index", index),
    ("concat", concat),
    ("contains", contains),
    ("countOf", count_of),
    ("indexOf", index_of),
    ("getitem", getitem),
    ("setitem", setitem),
    ("delitem", delitem),
    ("length_hint", length_hint),
    ("call", call),
];

/// The `__add__`-style aliases CPython's operator module also has.
const DUNDER_ALIASES: &[(&str, NativeFn)] = &[
    ("__add__", add),
    ("__sub__", sub),
    ("__mul__", mul),
    ("__truediv__", truediv),
    ("__floordiv__", floordiv),
    ("__mod__", mod_),
    ("__pow__", pow),
    ("__lshift__", lshift),
    ("__rshift__", rshift),
    ("__and__", and_),
    ("__or__", or_),
    ("__xor__", xor),
    ("__matmul__", matmul),
    ("__iadd__", iadd),
    ("__isub__", isub),
    ("__imul__", imul),
    ("__itruediv__", itruediv),
    ("__ifloordiv__", ifloordiv),
    ("__imod__", imod),
    ("__ipow__", ipow),
    ("__ilshift__", ilshift),
    ("__irshift__", irshift),
    ("__iand__", iand),
    ("__ior__", ior),
    ("__ixor__", ixor),
    ("__imatmul__", imatmul),
    ("__iconcat__", iadd),
    ("__lt__", lt),
    ("__le__", le),
    ("__eq__", eq),
    ("__ne__", ne),
    ("__gt__", gt),
    ("__ge__", ge),
    ("__neg__", neg),
    ("__pos__", pos),
    ("__invert__", invert),
    ("__inv__", invert),
    ("__abs__", abs),
    ("__not__", not_),
    ("__index__", index),
    ("__concat__", concat),
    ("__contains__", contains),
    ("__getitem__", getitem),
    ("__setitem__", setitem),
    ("__delitem__", delitem),
    ("__call__", call),
];

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with(vm, "operator", FUNCTIONS);
    for &(name, func) in DUNDER_ALIASES {
        super::set(&m, name, crate::builtins::native(name, func));
    }
    for kind in [GetterKind::Item, GetterKind::Attr, GetterKind::Method] {
        super::set(&m, kind.name(), Value::Class(getter_class(vm, kind)));
    }
    Ok(m)
}

fn abs(vm: &Vm, args: Args) -> PyResult {
    let f = vm.builtins.get_name(&Name::new("abs")).unwrap_or_default();
    vm.call(&f, args.pos)
}

fn not_(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "not_", 1, 1)?;
    Ok(Value::from_bool(!vm.truthy(&args.pos[0])?))
}

fn truth(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "truth", 1, 1)?;
    Ok(Value::from_bool(vm.truthy(&args.pos[0])?))
}

fn is_(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "is_", 2, 2)?;
    Ok(Value::from_bool(args.pos[0].is(&args.pos[1])))
}

fn is_not(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "is_not", 2, 2)?;
    Ok(Value::from_bool(!args.pos[0].is(&args.pos[1])))
}

fn index(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "index", 1, 1)?;
    match &args.pos[0] {
        v @ (Value::Int(_) | Value::BigInt(_)) => Ok(v.clone()),
        v => Ok(Value::Int(vm.to_index(v)?)),
    }
}

fn concat(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "concat", 2, 2)?;
    if vm
        .class_of(&args.pos[0])
        .lookup_str("__getitem__")
        .is_none()
    {
        return Err(vm.type_error(format!(
            "'{}' object can't be concatenated",
            vm.type_name(&args.pos[0])
        )));
    }
    vm.binary_op(&args.pos[0], &args.pos[1], BinOp::Add, false)
}

fn contains(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "contains", 2, 2)?;
    Ok(Value::from_bool(vm.contains(&args.pos[0], &args.pos[1])?))
}

fn count_of(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "countOf", 2, 2)?;
    let it = vm.iter(&args.pos[0])?;
    let mut n = 0;
    while let Some(x) = vm.next(&it)? {
        if x.is(&args.pos[1]) || vm.eq(&x, &args.pos[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn index_of(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "indexOf", 2, 2)?;
    let it = vm.iter(&args.pos[0])?;
    let mut i = 0;
    while let Some(x) = vm.next(&it)? {
        if x.is(&args.pos[1]) || vm.eq(&x, &args.pos[1])? {
            return Ok(Value::Int(i));
        }
        i += 1;
    }
    Err(vm.value_error("sequence.index(x): x not in sequence"))
}

fn getitem(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "getitem", 2, 2)?;
    vm.get_item(&args.pos[0], &args.pos[1])
}

fn setitem(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "setitem", 3, 3)?;
    vm.set_item(&args.pos[0], &args.pos[1], args.pos[2].clone())?;
    Ok(Value::None)
}

fn delitem(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "delitem", 2, 2)?;
    vm.del_item(&args.pos[0], &args.pos[1])?;
    Ok(Value::None)
}

fn length_hint(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "length_hint", 1, 2)?;
    match vm.len(&args.pos[0]) {
        Ok(n) => Ok(Value::Int(n as i64)),
        Err(e) if vm.err_is(&e, &vm.exc.type_error) => {
            Ok(args.get(1).cloned().unwrap_or(Value::Int(0)))
        }
        Err(e) => Err(e),
    }
}

fn call(vm: &Vm, args: Args) -> PyResult {
    let Some(f) = args.get(0) else {
        return Err(vm.type_error("call() missing required argument 'obj' (pos 1)"));
    };
    vm.call_args(
        f,
        Args::with_kw(&args.pos[1..], args.kwnames, args.kwvalues),
    )
}

// -- itemgetter, attrgetter, methodcaller ------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum GetterKind {
    Item,
    Attr,
    Method,
}

impl GetterKind {
    fn name(self) -> &'static str {
        match self {
            GetterKind::Item => "itemgetter",
            GetterKind::Attr => "attrgetter",
            GetterKind::Method => "methodcaller",
        }
    }
}

/// `itemgetter(*items)`, `attrgetter(*names)` or `methodcaller(name, *args, **kw)`.
pub struct Getter {
    class: Rc<Class>,
    kind: GetterKind,
    /// Items, attribute paths or (for methodcaller) the method name then its arguments.
    items: Vec<Value>,
    kwnames: Vec<Value>,
    kwvalues: Vec<Value>,
}

impl NativeObject for Getter {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        self.items
            .iter()
            .chain(&self.kwvalues)
            .for_each(|v| visit.value(v));
    }
}

fn getter_class(vm: &Vm, kind: GetterKind) -> Rc<Class> {
    let key = match kind {
        GetterKind::Item => "operator.itemgetter",
        GetterKind::Attr => "operator.attrgetter",
        GetterKind::Method => "operator.methodcaller",
    };
    vm.lazy_class(key, |vm| {
        let c = new_class(
            kind.name(),
            std::slice::from_ref(&vm.types.object),
            Layout::Builtin,
            "operator",
        );
        add_methods(
            &c,
            kind.name(),
            &[
                ("__new__", getter_new),
                ("__call__", getter_call),
                ("__repr__", getter_repr),
            ],
        );
        c
    })
}

fn getter_new(vm: &Vm, args: Args) -> PyResult {
    let Some(Value::Class(cls)) = args.get(0) else {
        return Err(vm.type_error("getter needs a class"));
    };
    let kind = match &*cls.name {
        "itemgetter" => GetterKind::Item,
        "attrgetter" => GetterKind::Attr,
        _ => GetterKind::Method,
    };
    let items = args.pos[1..].to_vec();
    match kind {
        GetterKind::Item | GetterKind::Attr if args.has_kwargs() => {
            return Err(vm.type_error(format!("{}() takes no keyword arguments", kind.name())))
        }
        GetterKind::Item | GetterKind::Attr if items.is_empty() => {
            return Err(vm.type_error(format!("{} expected 1 argument, got 0", kind.name())))
        }
        GetterKind::Attr if items.iter().any(|i| !matches!(i, Value::Str(_))) => {
            return Err(vm.type_error("attribute name must be a string"))
        }
        GetterKind::Method if items.is_empty() => {
            return Err(vm.type_error("methodcaller needs at least one argument, the method name"))
        }
        GetterKind::Method if !matches!(items[0], Value::Str(_)) => {
            return Err(vm.type_error("method name must be a string"))
        }
        _ => {}
    }
    Ok(Value::native(Getter {
        class: getter_class(vm, kind),
        kind,
        items,
        kwnames: args.kwnames.to_vec(),
        kwvalues: args.kwvalues.to_vec(),
    }))
}

/// `obj.a.b.c` for a dotted attribute path.
fn dotted_attr(vm: &Vm, obj: &Value, path: &Value) -> PyResult {
    let mut v = obj.clone();
    for part in path.as_str().unwrap_or("").split('.') {
        v = vm.get_attr_str(&v, part)?;
    }
    Ok(v)
}

fn getter_call(vm: &Vm, args: Args) -> PyResult {
    let Some(g) = args.get(0).and_then(|v| v.downcast_native::<Getter>()) else {
        return Err(vm.type_error("descriptor '__call__' needs a getter"));
    };
    if g.kind != GetterKind::Method && args.has_kwargs() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", g.kind.name())));
    }
    let call_args = Args::new(&args.pos[1..]);
    call_args.check(vm, g.kind.name(), 1, 1)?;
    let obj = &args.pos[1];
    let one = |item: &Value| match g.kind {
        GetterKind::Item => vm.get_item(obj, item),
        _ => dotted_attr(vm, obj, item),
    };
    match g.kind {
        GetterKind::Method => {
            let method = vm.get_attr_str(obj, g.items[0].as_str().unwrap_or(""))?;
            vm.call_args(
                &method,
                Args::with_kw(&g.items[1..], &g.kwnames, &g.kwvalues),
            )
        }
        _ if g.items.len() == 1 => one(&g.items[0]),
        _ => Ok(Value::tuple(
            g.items.iter().map(one).collect::<PyResult<Vec<_>>>()?,
        )),
    }
}

fn getter_repr(vm: &Vm, args: Args) -> PyResult {
    let Some(g) = args.get(0).and_then(|v| v.downcast_native::<Getter>()) else {
        return Err(vm.type_error("descriptor '__repr__' needs a getter"));
    };
    let mut parts = g
        .items
        .iter()
        .map(|v| vm.repr(v))
        .collect::<PyResult<Vec<_>>>()?;
    for (k, v) in g.kwnames.iter().zip(&g.kwvalues) {
        parts.push(format!("{}={}", k.as_str().unwrap_or(""), vm.repr(v)?));
    }
    Ok(Value::string(format!(
        "operator.{}({})",
        g.kind.name(),
        parts.join(", ")
    )))
}
