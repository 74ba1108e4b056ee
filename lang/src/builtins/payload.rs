//! User subclasses of `dict`, `list`, `tuple`, `int` and `str`.
//!
//! An instance of such a subclass is an ordinary `Instance` (it has a
//! `__dict__` and the subclass's methods) whose payload is the built-in value
//! it extends. The built-in methods unwrap the payload (`Value::builtin_base`),
//! and the dunders below give the protocols the VM only knows for built-in
//! values (repr, comparison, hashing) to the instances, so that
//! `class Point(tuple)` or `class Counter(dict)` behave as in CPython.

use crate::objects::class::{Instance, Payload};
use crate::objects::{Args, Class, PyResult, Value};
use crate::vm::ops::CmpOp;
use crate::vm::types::add_methods;
use crate::vm::Vm;
use std::rc::Rc;

/// A new instance of the subclass `cls` carrying `payload`.
pub fn new_instance(cls: &Rc<Class>, payload: Value) -> Value {
    Value::Instance(Rc::new(Instance::with_payload(
        cls.clone(),
        Payload::Builtin(payload),
    )))
}

pub fn install(vm: &Vm) {
    let t = &vm.types;
    for (class, owner) in [
        (&t.dict, "dict"),
        (&t.list, "list"),
        (&t.tuple, "tuple"),
        (&t.int, "int"),
        (&t.str, "str"),
    ] {
        add_methods(
            class,
            owner,
            &[
                ("__repr__", repr),
                ("__eq__", eq),
                ("__ne__", ne),
                ("__lt__", lt),
                ("__le__", le),
                ("__gt__", gt),
                ("__ge__", ge),
            ],
        );
    }
    add_methods(&t.tuple, "tuple", &[("__hash__", hash)]);
    add_methods(
        &t.int,
        "int",
        &[
            ("__hash__", hash),
            ("__bool__", bool_),
            ("__str__", str_),
            ("__abs__", abs),
            ("__round__", round),
        ],
    );
    add_methods(&t.str, "str", &[("__hash__", hash), ("__str__", str_)]);
    // Mutable containers are unhashable, subclasses included.
    t.dict.set_attr("__hash__", Value::None);
    t.list.set_attr("__hash__", Value::None);
}

fn receiver<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a Value> {
    args.get(0)
        .map(Value::builtin_base)
        .ok_or_else(|| vm.type_error("descriptor needs an argument"))
}

fn repr(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::string(vm.repr(receiver(vm, &args)?)?))
}

fn str_(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::string(vm.to_str(receiver(vm, &args)?)?))
}

fn bool_(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::from_bool(vm.truthy(receiver(vm, &args)?)?))
}

/// Calls the builtin `name` on the receiver's built-in value (and the other arguments).
fn builtin_on_base(vm: &Vm, args: &Args, name: &str) -> PyResult {
    let mut pos = args.pos.to_vec();
    if let Some(first) = pos.first_mut() {
        *first = first.builtin_base().clone();
    }
    let f = vm
        .builtins
        .get_name(&crate::objects::Name::new(name))
        .unwrap_or_default();
    vm.call(&f, &pos)
}

fn abs(vm: &Vm, args: Args) -> PyResult {
    builtin_on_base(vm, &args, "abs")
}

fn round(vm: &Vm, args: Args) -> PyResult {
    builtin_on_base(vm, &args, "round")
}

fn hash(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::Int(vm.hash(receiver(vm, &args)?)?))
}

/// Compares the built-in values of both sides when they are of the same built-in type.
fn compare(vm: &Vm, args: &Args, op: CmpOp) -> PyResult {
    args.check(vm, "comparison", 2, 2)?;
    let (a, b) = (args.pos[0].builtin_base(), args.pos[1].builtin_base());
    let numbers = |v: &Value| {
        matches!(
            v,
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_)
        )
    };
    let comparable = Rc::ptr_eq(&vm.class_of(a), &vm.class_of(b)) || (numbers(a) && numbers(b));
    if matches!(a, Value::Instance(_))
        || matches!(b, Value::Instance(_) | Value::Native(_))
        || !comparable
    {
        return Ok(Value::NotImplemented);
    }
    vm.compare(a, b, op)
}

fn eq(vm: &Vm, args: Args) -> PyResult {
    compare(vm, &args, CmpOp::Eq)
}

fn ne(vm: &Vm, args: Args) -> PyResult {
    compare(vm, &args, CmpOp::Ne)
}

fn lt(vm: &Vm, args: Args) -> PyResult {
    compare(vm, &args, CmpOp::Lt)
}

fn le(vm: &Vm, args: Args) -> PyResult {
    compare(vm, &args, CmpOp::Le)
}

fn gt(vm: &Vm, args: Args) -> PyResult {
    compare(vm, &args, CmpOp::Gt)
}

fn ge(vm: &Vm, args: Args) -> PyResult {
    compare(vm, &args, CmpOp::Ge)
}
