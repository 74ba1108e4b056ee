//! `operator`: the operators as functions, and itemgetter, attrgetter and
//! methodcaller. Native, because they are passed to `map`, `sorted(key=)`
//! and `reduce` and run once per element.
//!
//! CPython implements these in `_operator`, whose name its messages carry
//! ("_operator.add() takes no keyword arguments"), so the declared
//! signatures are qualified with it.

use crate::bytecode::Opcode;
use crate::objects::class::Layout;
use crate::objects::gc::Visitor;
use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Class, Module, NativeFn, NativeObject, PyResult, Value};
use crate::vm::ops::{BinOp, CmpOp};
use crate::vm::types::{add_methods, new_class};
use crate::vm::Vm;
use std::any::Any;
use std::rc::Rc;

/// Declares functions of two operands that apply a binary operator: each
/// with its signature (static `SIG`), Python name and docstring.
macro_rules! binary {
    ($($sig:ident $name:ident = $py:literal, $op:expr, $inplace:expr, $doc:literal;)*) => {
        $(static $sig: Signature =
            Signature::new(Style::Positional, concat!("_operator.", $py), "a, b, /").doc($doc);

        fn $name(vm: &Vm, args: Args) -> PyResult {
            let ([a, b], []) = $sig.bind(vm, args)?;
            vm.binary_op(a, b, $op, $inplace)
        })*
    };
}

binary! {
    ADD add = "add", BinOp::Add, false, "Return a + b.";
    SUB sub = "sub", BinOp::Sub, false, "Return a - b.";
    MUL mul = "mul", BinOp::Mul, false, "Return a * b.";
    TRUEDIV truediv = "truediv", BinOp::TrueDiv, false, "Return a / b, true division.";
    FLOORDIV floordiv = "floordiv", BinOp::FloorDiv, false, "Return a // b, division rounded down.";
    MOD mod_ = "mod", BinOp::Mod, false, "Return a % b.";
    POW pow = "pow", BinOp::Pow, false, "Return a ** b.";
    LSHIFT lshift = "lshift", BinOp::LShift, false, "Return a << b.";
    RSHIFT rshift = "rshift", BinOp::RShift, false, "Return a >> b.";
    AND and_ = "and_", BinOp::And, false, "Return a & b, bitwise and.";
    OR or_ = "or_", BinOp::Or, false, "Return a | b, bitwise or.";
    XOR xor = "xor", BinOp::Xor, false, "Return a ^ b, bitwise exclusive or.";
    MATMUL matmul = "matmul", BinOp::MatMul, false, "Return a @ b.";
    IADD iadd = "iadd", BinOp::Add, true, "Apply a += b and return the new a.";
    ISUB isub = "isub", BinOp::Sub, true, "Apply a -= b and return the new a.";
    IMUL imul = "imul", BinOp::Mul, true, "Apply a *= b and return the new a.";
    ITRUEDIV itruediv = "itruediv", BinOp::TrueDiv, true, "Apply a /= b and return the new a.";
    IFLOORDIV ifloordiv = "ifloordiv", BinOp::FloorDiv, true, "Apply a //= b and return the new a.";
    IMOD imod = "imod", BinOp::Mod, true, "Apply a %= b and return the new a.";
    IPOW ipow = "ipow", BinOp::Pow, true, "Apply a **= b and return the new a.";
    ILSHIFT ilshift = "ilshift", BinOp::LShift, true, "Apply a <<= b and return the new a.";
    IRSHIFT irshift = "irshift", BinOp::RShift, true, "Apply a >>= b and return the new a.";
    IAND iand = "iand", BinOp::And, true, "Apply a &= b and return the new a.";
    IOR ior = "ior", BinOp::Or, true, "Apply a |= b and return the new a.";
    IXOR ixor = "ixor", BinOp::Xor, true, "Apply a ^= b and return the new a.";
    IMATMUL imatmul = "imatmul", BinOp::MatMul, true, "Apply a @= b and return the new a.";
}

/// Declares the rich comparisons as functions, as [`binary!`] does.
macro_rules! compare {
    ($($sig:ident $name:ident => $op:expr, $doc:literal;)*) => {
        $(static $sig: Signature = Signature::new(
            Style::Positional,
            concat!("_operator.", stringify!($name)),
            "a, b, /",
        )
        .doc($doc);

        fn $name(vm: &Vm, args: Args) -> PyResult {
            let ([a, b], []) = $sig.bind(vm, args)?;
            vm.compare(a, b, $op)
        })*
    };
}

compare! {
    LT lt => CmpOp::Lt, "Return a < b.";
    LE le => CmpOp::Le, "Return a <= b.";
    EQ eq => CmpOp::Eq, "Return a == b.";
    NE ne => CmpOp::Ne, "Return a != b.";
    GT gt => CmpOp::Gt, "Return a > b.";
    GE ge => CmpOp::Ge, "Return a >= b.";
}

/// Declares the unary operators as functions, as [`binary!`] does.
macro_rules! unary {
    ($($sig:ident $name:ident = $py:literal, $op:expr, $doc:literal;)*) => {
        $(static $sig: Signature =
            Signature::new(Style::Exact, concat!("_operator.", $py), "a, /").doc($doc);

        fn $name(vm: &Vm, args: Args) -> PyResult {
            let ([a], []) = $sig.bind(vm, args)?;
            vm.unary_op(a, $op)
        })*
    };
}

unary! {
    NEG neg = "neg", Opcode::UNARY_NEGATIVE, "Return -a.";
    POS pos = "pos", Opcode::UNARY_POSITIVE, "Return +a.";
    INVERT invert = "invert", Opcode::UNARY_INVERT, "Return ~a, the bitwise inverse.";
    INV inv = "inv", Opcode::UNARY_INVERT, "Return ~a, the bitwise inverse.";
}

/// The function table.
const FUNCTIONS: &[(&Signature, NativeFn)] = &[
    (&ADD, add),
    (&SUB, sub),
    (&MUL, mul),
    (&TRUEDIV, truediv),
    (&FLOORDIV, floordiv),
    (&MOD, mod_),
    (&POW, pow),
    (&LSHIFT, lshift),
    (&RSHIFT, rshift),
    (&AND, and_),
    (&OR, or_),
    (&XOR, xor),
    (&MATMUL, matmul),
    (&IADD, iadd),
    (&ISUB, isub),
    (&IMUL, imul),
    (&ITRUEDIV, itruediv),
    (&IFLOORDIV, ifloordiv),
    (&IMOD, imod),
    (&IPOW, ipow),
    (&ILSHIFT, ilshift),
    (&IRSHIFT, irshift),
    (&IAND, iand),
    (&IOR, ior),
    (&IXOR, ixor),
    (&IMATMUL, imatmul),
    (&ICONCAT, iconcat),
    (&LT, lt),
    (&LE, le),
    (&EQ, eq),
    (&NE, ne),
    (&GT, gt),
    (&GE, ge),
    (&NEG, neg),
    (&POS, pos),
    (&INVERT, invert),
    (&INV, inv),
    (&ABS, abs),
    (&NOT, not_),
    (&TRUTH, truth),
    (&IS, is_),
    (&IS_NOT, is_not),
    (&INDEX, index),
    (&CONCAT, concat),
    (&CONTAINS, contains),
    (&COUNT_OF, count_of),
    (&INDEX_OF, index_of),
    (&GETITEM, getitem),
    (&SETITEM, setitem),
    (&DELITEM, delitem),
    (&LENGTH_HINT, length_hint),
    (&CALL, call),
];

/// The functions CPython's operator module also binds to a dunder name
/// (`__add__ = add`, `__and__ = and_`): the same function object.
const DUNDER_ALIASED: &[&str] = &[
    "add",
    "sub",
    "mul",
    "truediv",
    "floordiv",
    "mod",
    "pow",
    "lshift",
    "rshift",
    "and_",
    "or_",
    "xor",
    "matmul",
    "iadd",
    "isub",
    "imul",
    "itruediv",
    "ifloordiv",
    "imod",
    "ipow",
    "ilshift",
    "irshift",
    "iand",
    "ior",
    "ixor",
    "imatmul",
    "iconcat",
    "lt",
    "le",
    "eq",
    "ne",
    "gt",
    "ge",
    "neg",
    "pos",
    "invert",
    "inv",
    "abs",
    "not_",
    "index",
    "concat",
    "contains",
    "getitem",
    "setitem",
    "delitem",
    "call",
];

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with_declared(vm, "operator", FUNCTIONS);
    for &name in DUNDER_ALIASED {
        let f = super::module_get(&m, name).unwrap_or_default();
        super::set(&m, &format!("__{}__", name.trim_end_matches('_')), f);
    }
    for kind in [GetterKind::Item, GetterKind::Attr, GetterKind::Method] {
        super::set(&m, kind.name(), Value::Class(getter_class(vm, kind)));
    }
    Ok(m)
}

static ABS: Signature =
    Signature::new(Style::Exact, "_operator.abs", "a, /").doc("Return abs(a), the absolute value.");

fn abs(vm: &Vm, args: Args) -> PyResult {
    ABS.check(vm, args)?;
    crate::builtins::abs(vm, args)
}

static NOT: Signature =
    Signature::new(Style::Exact, "_operator.not_", "a, /").doc("Return not a, as a bool.");

fn not_(vm: &Vm, args: Args) -> PyResult {
    let ([a], []) = NOT.bind(vm, args)?;
    Ok(Value::from_bool(!vm.truthy(a)?))
}

static TRUTH: Signature = Signature::new(Style::Exact, "_operator.truth", "a, /")
    .doc("Return True when a is true, False otherwise.");

fn truth(vm: &Vm, args: Args) -> PyResult {
    let ([a], []) = TRUTH.bind(vm, args)?;
    Ok(Value::from_bool(vm.truthy(a)?))
}

static IS: Signature = Signature::new(Style::Positional, "_operator.is_", "a, b, /")
    .doc("Return a is b: whether both are the same object.");

fn is_(vm: &Vm, args: Args) -> PyResult {
    let ([a, b], []) = IS.bind(vm, args)?;
    Ok(Value::from_bool(a.is(b)))
}

static IS_NOT: Signature = Signature::new(Style::Positional, "_operator.is_not", "a, b, /")
    .doc("Return a is not b: whether they are different objects.");

fn is_not(vm: &Vm, args: Args) -> PyResult {
    let ([a, b], []) = IS_NOT.bind(vm, args)?;
    Ok(Value::from_bool(!a.is(b)))
}

static INDEX: Signature = Signature::new(Style::Exact, "_operator.index", "a, /")
    .doc("Return a converted to an int through its __index__ method.");

fn index(vm: &Vm, args: Args) -> PyResult {
    let ([a], []) = INDEX.bind(vm, args)?;
    match a {
        v @ (Value::Int(_) | Value::BigInt(_)) => Ok(v.clone()),
        v => Ok(Value::Int(vm.to_index(v)?)),
    }
}

/// Refuses `a + b` as a concatenation when `a` is not a sequence.
fn check_concatenable(vm: &Vm, a: &Value) -> PyResult<()> {
    if vm.class_of(a).lookup_str("__getitem__").is_none() {
        return Err(vm.type_error(format!(
            "'{}' object can't be concatenated",
            vm.type_name(a)
        )));
    }
    Ok(())
}

static CONCAT: Signature = Signature::new(Style::Positional, "_operator.concat", "a, b, /")
    .doc("Return the sequences a and b joined, a + b.");

fn concat(vm: &Vm, args: Args) -> PyResult {
    let ([a, b], []) = CONCAT.bind(vm, args)?;
    check_concatenable(vm, a)?;
    vm.binary_op(a, b, BinOp::Add, false)
}

static ICONCAT: Signature = Signature::new(Style::Positional, "_operator.iconcat", "a, b, /")
    .doc("Apply a += b to the sequence a and return the new a.");

fn iconcat(vm: &Vm, args: Args) -> PyResult {
    let ([a, b], []) = ICONCAT.bind(vm, args)?;
    check_concatenable(vm, a)?;
    vm.binary_op(a, b, BinOp::Add, true)
}

static CONTAINS: Signature = Signature::new(Style::Positional, "_operator.contains", "a, b, /")
    .doc("Return b in a: whether the container a holds b.");

fn contains(vm: &Vm, args: Args) -> PyResult {
    let ([a, b], []) = CONTAINS.bind(vm, args)?;
    Ok(Value::from_bool(vm.contains(a, b)?))
}

static COUNT_OF: Signature = Signature::new(Style::Positional, "_operator.countOf", "a, b, /")
    .doc("Return how many items of the iterable a are b or equal to b.");

fn count_of(vm: &Vm, args: Args) -> PyResult {
    let ([a, b], []) = COUNT_OF.bind(vm, args)?;
    let it = vm.iter(a)?;
    let mut n = 0;
    while let Some(x) = vm.next(&it)? {
        if x.is(b) || vm.eq(&x, b)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

static INDEX_OF: Signature = Signature::new(Style::Positional, "_operator.indexOf", "a, b, /")
    .doc("Return the position of the first item of the iterable a that is or equals b.");

fn index_of(vm: &Vm, args: Args) -> PyResult {
    let ([a, b], []) = INDEX_OF.bind(vm, args)?;
    let it = vm.iter(a)?;
    let mut i = 0;
    while let Some(x) = vm.next(&it)? {
        if x.is(b) || vm.eq(&x, b)? {
            return Ok(Value::Int(i));
        }
        i += 1;
    }
    Err(vm.value_error("sequence.index(x): x not in sequence"))
}

static GETITEM: Signature =
    Signature::new(Style::Positional, "_operator.getitem", "a, b, /").doc("Return a[b].");

fn getitem(vm: &Vm, args: Args) -> PyResult {
    let ([a, b], []) = GETITEM.bind(vm, args)?;
    vm.get_item(a, b)
}

static SETITEM: Signature =
    Signature::new(Style::Positional, "_operator.setitem", "a, b, c, /").doc("Store c as a[b].");

fn setitem(vm: &Vm, args: Args) -> PyResult {
    let ([a, b, c], []) = SETITEM.bind(vm, args)?;
    vm.set_item(a, b, c.clone())?;
    Ok(Value::None)
}

static DELITEM: Signature = Signature::new(Style::Positional, "_operator.delitem", "a, b, /")
    .doc("Remove a[b], as del a[b] does.");

fn delitem(vm: &Vm, args: Args) -> PyResult {
    let ([a, b], []) = DELITEM.bind(vm, args)?;
    vm.del_item(a, b)?;
    Ok(Value::None)
}

static LENGTH_HINT: Signature = Signature::new(
    Style::Positional,
    "_operator.length_hint",
    "obj, default=0, /",
)
.doc("Return the length of obj when it has one, else default (an int).");

fn length_hint(vm: &Vm, args: Args) -> PyResult {
    let ([obj], [default]) = LENGTH_HINT.bind(vm, args)?;
    let default = match default {
        None => Value::Int(0),
        Some(v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_))) => v.clone(),
        Some(v) => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            )))
        }
    };
    match vm.len(obj) {
        Ok(n) => return Ok(Value::Int(n as i64)),
        Err(e) if vm.err_is(&e, &vm.exc.type_error) => {}
        Err(e) => return Err(e),
    }
    if let Value::Iter(it) = obj {
        // Built-in iterators know what is left without a method call.
        let left = it.length_hint();
        if left > 0 {
            return Ok(Value::Int(left as i64));
        }
    }
    let Some(hint) = vm.class_of(obj).lookup_str("__length_hint__") else {
        return Ok(default);
    };
    let hint = vm.call(&hint, &[obj.clone()])?;
    match &hint {
        Value::NotImplemented => Ok(default),
        Value::Int(n) if *n < 0 => Err(vm.value_error("__length_hint__() should return >= 0")),
        Value::Int(_) | Value::Bool(_) => Ok(hint),
        other => Err(vm.type_error(format!(
            "__length_hint__ must be an integer, not {}",
            vm.type_name(other)
        ))),
    }
}

static CALL: Signature = Signature::new(
    Style::Positional,
    "_operator.call",
    "obj, /, *args, **kwargs",
)
.doc("Call obj with the remaining arguments and return its result.");

fn call(vm: &Vm, args: Args) -> PyResult {
    // "at least": CPython counts the `*args` here, unlike itemgetter's check.
    if args.pos.is_empty() {
        return Err(vm.type_error("call expected at least 1 argument, got 0"));
    }
    CALL.check(vm, args)?;
    vm.call_args(
        &args.pos[0],
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

// The getters' argument checks, with CPython's messages. They are not the
// `__new__`/`__call__` slots' signatures (CPython shows those as
// `($self, /, *args, **kwargs)`), so no row declares them.
static ITEMGETTER_NEW: Signature =
    Signature::new(Style::Positional, "itemgetter", "$type, item, /, *items");
static ATTRGETTER_NEW: Signature =
    Signature::new(Style::Positional, "attrgetter", "$type, attr, /, *attrs");
static ITEMGETTER_CALL: Signature =
    Signature::new(Style::Positional, "itemgetter", "$self, obj, /");
static ATTRGETTER_CALL: Signature =
    Signature::new(Style::Positional, "attrgetter", "$self, obj, /");
static METHODCALLER_CALL: Signature =
    Signature::new(Style::Positional, "methodcaller", "$self, obj, /");

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
        GetterKind::Item => ITEMGETTER_NEW.check(vm, args)?,
        GetterKind::Attr => ATTRGETTER_NEW.check(vm, args)?,
        GetterKind::Method => {}
    }
    match kind {
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
    match g.kind {
        GetterKind::Item => ITEMGETTER_CALL.check(vm, args)?,
        GetterKind::Attr => ATTRGETTER_CALL.check(vm, args)?,
        GetterKind::Method => METHODCALLER_CALL.check(vm, args)?,
    }
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
