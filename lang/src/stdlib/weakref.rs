//! `weakref`: `ref`, `proxy`, `getweakrefcount` and `getweakrefs` in Rust
//! (on `objects::weakref`), and `WeakMethod`, the weak dictionaries,
//! `WeakSet` and `finalize` in towel source (`weakref.py`).

use crate::objects::weakref::{self as weak, WeakKind, WeakRef};
use crate::objects::{Args, Class, Module, Name, NativeRef, PyResult, Value};
use crate::vm::ops::{BinOp, CmpOp};
use crate::vm::types::{add_methods, new_class};
use crate::vm::Vm;
use std::rc::Rc;

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with(
        vm,
        "weakref",
        &[
            ("proxy", proxy),
            ("getweakrefcount", getweakrefcount),
            ("getweakrefs", getweakrefs),
        ],
    );
    let (r, p, cp) = (ref_class(vm), proxy_class(vm), callable_proxy_class(vm));
    super::set(&m, "ref", Value::Class(r.clone()));
    super::set(&m, "ReferenceType", Value::Class(r));
    super::set(&m, "ProxyType", Value::Class(p));
    super::set(&m, "CallableProxyType", Value::Class(cp));
    super::exec_source(vm, &m, super::stdlib_source!("weakref.py"))?;
    Ok(m)
}

/// `weakref.ref` (`weakref.ReferenceType`).
pub fn ref_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("weakref.ReferenceType", |vm| {
        let c = weak_class(vm, "ReferenceType");
        add_methods(
            &c,
            "weakref",
            &[
                ("__new__", ref_new),
                ("__call__", ref_call),
                ("__hash__", ref_hash),
                ("__eq__", ref_eq),
                ("__ne__", ref_ne),
                ("__repr__", ref_repr),
            ],
        );
        c
    })
}

fn weak_class(vm: &Vm, name: &str) -> Rc<Class> {
    let c = new_class(
        name,
        &[vm.types.object.clone()],
        crate::objects::class::Layout::Builtin,
        "weakref",
    );
    *c.qualname.borrow_mut() = Rc::from(name);
    c
}

/// What a proxy does with the special methods: the same as its object, the
/// protocol run on the object (and on the object of a proxy operand).
const FORWARDERS: &[(&str, crate::objects::NativeFn)] = &[
    ("__getitem__", |vm, a| {
        let (o, rest) = operands(vm, a)?;
        vm.get_item(&o, arg(vm, &rest, 0)?)
    }),
    ("__setitem__", |vm, a| {
        let (o, rest) = operands(vm, a)?;
        vm.set_item(&o, arg(vm, &rest, 0)?, arg(vm, &rest, 1)?.clone())
            .map(|_| Value::None)
    }),
    ("__delitem__", |vm, a| {
        let (o, rest) = operands(vm, a)?;
        vm.del_item(&o, arg(vm, &rest, 0)?).map(|_| Value::None)
    }),
    ("__len__", |vm, a| {
        Ok(Value::Int(vm.len(&operands(vm, a)?.0)? as i64))
    }),
    ("__contains__", |vm, a| {
        let (o, rest) = operands(vm, a)?;
        Ok(Value::from_bool(vm.contains(&o, arg(vm, &rest, 0)?)?))
    }),
    ("__iter__", |vm, a| vm.iter(&operands(vm, a)?.0)),
    ("__next__", |vm, a| match vm.next(&operands(vm, a)?.0)? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::None)),
    }),
    ("__str__", |vm, a| {
        Ok(Value::string(vm.to_str(&operands(vm, a)?.0)?))
    }),
    ("__bool__", |vm, a| {
        Ok(Value::from_bool(vm.truthy(&operands(vm, a)?.0)?))
    }),
    ("__lt__", |vm, a| compare(vm, a, CmpOp::Lt)),
    ("__le__", |vm, a| compare(vm, a, CmpOp::Le)),
    ("__eq__", |vm, a| compare(vm, a, CmpOp::Eq)),
    ("__ne__", |vm, a| compare(vm, a, CmpOp::Ne)),
    ("__gt__", |vm, a| compare(vm, a, CmpOp::Gt)),
    ("__ge__", |vm, a| compare(vm, a, CmpOp::Ge)),
    ("__add__", |vm, a| binary(vm, a, BinOp::Add)),
    ("__sub__", |vm, a| binary(vm, a, BinOp::Sub)),
    ("__mul__", |vm, a| binary(vm, a, BinOp::Mul)),
    ("__truediv__", |vm, a| binary(vm, a, BinOp::TrueDiv)),
    ("__floordiv__", |vm, a| binary(vm, a, BinOp::FloorDiv)),
    ("__mod__", |vm, a| binary(vm, a, BinOp::Mod)),
    ("__pow__", |vm, a| binary(vm, a, BinOp::Pow)),
    ("__and__", |vm, a| binary(vm, a, BinOp::And)),
    ("__or__", |vm, a| binary(vm, a, BinOp::Or)),
    ("__xor__", |vm, a| binary(vm, a, BinOp::Xor)),
    ("__neg__", |vm, a| {
        vm.call_method(&operands(vm, a)?.0, "__neg__", &[])
    }),
    ("__pos__", |vm, a| {
        vm.call_method(&operands(vm, a)?.0, "__pos__", &[])
    }),
    ("__abs__", |vm, a| {
        vm.call_method(&operands(vm, a)?.0, "__abs__", &[])
    }),
    ("__index__", |vm, a| {
        vm.call_method(&operands(vm, a)?.0, "__index__", &[])
    }),
    ("__int__", |vm, a| {
        vm.call_method(&operands(vm, a)?.0, "__int__", &[])
    }),
    ("__float__", |vm, a| {
        vm.call_method(&operands(vm, a)?.0, "__float__", &[])
    }),
    ("__reversed__", |vm, a| {
        vm.call_method(&operands(vm, a)?.0, "__reversed__", &[])
    }),
    ("__enter__", |vm, a| {
        vm.call_method(&operands(vm, a)?.0, "__enter__", &[])
    }),
    ("__exit__", |vm, a| {
        let (o, rest) = operands(vm, a)?;
        vm.call_method(&o, "__exit__", &rest)
    }),
];

/// The proxy's object, and the other operands with proxies replaced by
/// their objects.
fn operands(vm: &Vm, args: Args) -> PyResult<(Value, Vec<Value>)> {
    let obj = referent(vm, &args)?;
    let rest = args.pos[1..]
        .iter()
        .map(|v| match v.downcast_native::<WeakRef>() {
            Some(w) if w.kind != WeakKind::Ref => w.referent(vm),
            _ => Ok(v.clone()),
        })
        .collect::<PyResult<Vec<Value>>>()?;
    Ok((obj, rest))
}

fn arg<'a>(vm: &Vm, rest: &'a [Value], i: usize) -> PyResult<&'a Value> {
    rest.get(i)
        .ok_or_else(|| vm.type_error("expected an argument"))
}

fn compare(vm: &Vm, args: Args, op: CmpOp) -> PyResult {
    let (o, rest) = operands(vm, args)?;
    vm.compare(&o, arg(vm, &rest, 0)?, op)
}

fn binary(vm: &Vm, args: Args, op: BinOp) -> PyResult {
    let (o, rest) = operands(vm, args)?;
    vm.binary_op(&o, arg(vm, &rest, 0)?, op, false)
}

fn add_proxy_methods(c: &Class) {
    add_methods(c, "weakproxy", FORWARDERS);
    add_methods(
        c,
        "weakproxy",
        &[("__repr__", proxy_repr), ("__hash__", proxy_hash)],
    );
}

/// `weakref.ProxyType`.
pub fn proxy_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("weakref.ProxyType", |vm| {
        let c = weak_class(vm, "ProxyType");
        add_proxy_methods(&c);
        c
    })
}

/// `weakref.CallableProxyType`.
pub fn callable_proxy_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("weakref.CallableProxyType", |vm| {
        let c = weak_class(vm, "CallableProxyType");
        add_proxy_methods(&c);
        add_methods(&c, "weakcallableproxy", &[("__call__", proxy_call)]);
        c
    })
}

fn cannot_weakref(vm: &Vm, obj: &Value) -> crate::objects::PyErr {
    vm.type_error(format!(
        "cannot create weak reference to '{}' object",
        vm.type_name(obj)
    ))
}

fn ref_new(vm: &Vm, args: Args) -> PyResult {
    if args.has_kwargs() {
        return Err(vm.type_error("ref() takes no keyword arguments"));
    }
    let (cls, rest) = match args.pos.split_first() {
        Some((Value::Class(c), rest)) => (c.clone(), rest),
        _ => return Err(vm.type_error("ref.__new__(X): X is not a type object")),
    };
    let (obj, callback) = match rest {
        [obj] => (obj, Value::None),
        [obj, cb] => (obj, cb.clone()),
        _ => {
            return Err(vm.type_error(format!(
                "__new__ expected at most 2 arguments, got {}",
                rest.len()
            )))
        }
    };
    let base = ref_class(vm);
    weak::new_ref(obj, WeakKind::Ref, &cls, &base, callback)
        .map(|w| Value::Native(NativeRef::from(w)))
        .ok_or_else(|| cannot_weakref(vm, obj))
}

fn proxy(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "proxy", 1, 2)?;
    let obj = &args.pos[0];
    let callback = args.pos.get(1).cloned().unwrap_or_default();
    let callable = crate::builtins::is_callable(vm, obj);
    let (kind, class) = if callable {
        (WeakKind::CallableProxy, callable_proxy_class(vm))
    } else {
        (WeakKind::Proxy, proxy_class(vm))
    };
    weak::new_ref(obj, kind, &class, &class, callback)
        .map(|w| Value::Native(NativeRef::from(w)))
        .ok_or_else(|| cannot_weakref(vm, obj))
}

fn getweakrefcount(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "getweakrefcount", 1, 1)?;
    Ok(Value::Int(weak::count(&args.pos[0]) as i64))
}

fn getweakrefs(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "getweakrefs", 1, 1)?;
    Ok(Value::list(weak::refs(&args.pos[0])))
}

fn this<'a>(vm: &Vm, args: &'a Args) -> PyResult<&'a WeakRef> {
    args.get(0)
        .and_then(|v| v.downcast_native::<WeakRef>())
        .ok_or_else(|| vm.type_error("descriptor requires a 'weakref.ReferenceType' object"))
}

fn ref_call(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "weakref", 1, 1)?;
    Ok(this(vm, &args)?.get().unwrap_or_default())
}

fn ref_hash(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__hash__", 1, 1)?;
    let w = this(vm, &args)?;
    if let Some(h) = w.hash.get() {
        return Ok(Value::Int(h));
    }
    let Some(obj) = w.get() else {
        return Err(vm.type_error("weak object has gone away"));
    };
    let h = vm.hash(&obj)?;
    w.hash.set(Some(h));
    Ok(Value::Int(h))
}

/// Equal references to live objects compare their objects; otherwise identity.
fn ref_equal(vm: &Vm, args: &Args) -> PyResult<Option<bool>> {
    args.check(vm, "__eq__", 2, 2)?;
    let a = this(vm, args)?;
    let Some(b) = args.pos[1].downcast_native::<WeakRef>() else {
        return Ok(None);
    };
    match (a.get(), b.get()) {
        (Some(x), Some(y)) => Ok(Some(vm.eq(&x, &y)?)),
        _ => Ok(Some(args.pos[0].is(&args.pos[1]))),
    }
}

fn ref_eq(vm: &Vm, args: Args) -> PyResult {
    Ok(match ref_equal(vm, &args)? {
        Some(eq) => Value::from_bool(eq),
        None => Value::NotImplemented,
    })
}

fn ref_ne(vm: &Vm, args: Args) -> PyResult {
    Ok(match ref_equal(vm, &args)? {
        Some(eq) => Value::from_bool(!eq),
        None => Value::NotImplemented,
    })
}

/// `'A' at 0x...` and the object's `__name__` when it has one.
fn describe(vm: &Vm, obj: &Value) -> PyResult<String> {
    let name = match vm.get_attr_opt(obj, &Name::new("__name__")) {
        Ok(Some(Value::Str(s))) => format!(" ({})", s.as_str()),
        _ => String::new(),
    };
    Ok(format!(
        "to '{}' at {:#x}{name}",
        vm.class_of(obj).name,
        obj.id()
    ))
}

fn ref_repr(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__repr__", 1, 1)?;
    let w = this(vm, &args)?;
    let what = match w.get() {
        Some(obj) => describe(vm, &obj)?,
        None => "dead".to_string(),
    };
    Ok(Value::string(format!(
        "<weakref at {:#x}; {what}>",
        args.pos[0].id()
    )))
}

/// The object a proxy stands for, or ReferenceError once it died.
fn referent(vm: &Vm, args: &Args) -> PyResult<Value> {
    args.get(0)
        .and_then(|v| v.downcast_native::<WeakRef>())
        .ok_or_else(|| vm.type_error("descriptor requires a 'weakproxy' object"))?
        .referent(vm)
}

fn proxy_call(vm: &Vm, args: Args) -> PyResult {
    let obj = referent(vm, &args)?;
    vm.call_args(&obj, args.skip_first())
}

fn proxy_hash(vm: &Vm, args: Args) -> PyResult {
    let class = args.get(0).map(|p| vm.class_of(p));
    let name = class.map(|c| c.name.to_string()).unwrap_or_default();
    Err(vm.type_error(format!("unhashable type: 'weakref.{name}'")))
}

fn proxy_repr(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__repr__", 1, 1)?;
    let w = args
        .get(0)
        .and_then(|v| v.downcast_native::<WeakRef>())
        .ok_or_else(|| vm.type_error("descriptor requires a 'weakproxy' object"))?;
    let what = match w.get() {
        Some(obj) => format!("to '{}' at {:#x}", vm.class_of(&obj).name, obj.id()),
        None => "dead".to_string(),
    };
    Ok(Value::string(format!(
        "<weakproxy at {:#x}; {what}>",
        args.pos[0].id()
    )))
}
