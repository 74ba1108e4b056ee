//! Methods of `object` (the defaults every class inherits) and of `type`.

use crate::objects::{Args, PyResult, Value};
use crate::vm::types::add_methods;
use crate::vm::Vm;

pub fn install(vm: &Vm) {
    add_methods(
        &vm.types.object,
        "object",
        &[
            ("__init__", object_init),
            ("__new__", object_new),
            ("__repr__", object_repr),
            ("__str__", object_str),
            ("__eq__", object_eq),
            ("__ne__", object_ne),
            ("__hash__", object_hash),
            ("__format__", object_format),
            ("__setattr__", object_setattr),
            ("__getattribute__", object_getattribute),
            ("__delattr__", object_delattr),
            ("__init_subclass__", object_init_subclass),
        ],
    );
    add_methods(
        &vm.types.type_,
        "type",
        &[
            ("mro", type_mro),
            ("__subclasses__", type_subclasses),
            ("__repr__", type_repr),
        ],
    );
    add_methods(&vm.types.none_type, "NoneType", &[("__new__", none_new)]);
}

fn object_init(_vm: &Vm, _args: Args) -> PyResult {
    Ok(Value::None)
}

fn object_new(vm: &Vm, args: Args) -> PyResult {
    match args.get(0) {
        Some(Value::Class(c)) => {
            let inst = crate::objects::Instance::new(c.clone());
            if inst.is_exception() {
                inst.exc_data().args = args.pos[1..].to_vec();
            }
            Ok(Value::Instance(std::rc::Rc::new(inst)))
        }
        _ => Err(vm.type_error("object.__new__(X): X is not a type object")),
    }
}

fn object_repr(vm: &Vm, args: Args) -> PyResult {
    let v = args.get(0).cloned().unwrap_or_default();
    Ok(Value::string(vm.default_repr(&v)))
}

fn object_str(vm: &Vm, args: Args) -> PyResult {
    let v = args.get(0).cloned().unwrap_or_default();
    Ok(Value::string(vm.repr(&v)?))
}

fn object_eq(_vm: &Vm, args: Args) -> PyResult {
    match (args.get(0), args.get(1)) {
        (Some(a), Some(b)) if a.is(b) => Ok(Value::Bool(true)),
        _ => Ok(Value::NotImplemented),
    }
}

fn object_ne(vm: &Vm, args: Args) -> PyResult {
    match (args.get(0), args.get(1)) {
        (Some(a), Some(b)) => {
            let r = vm.compare(a, b, crate::vm::ops::CmpOp::Eq)?;
            Ok(Value::Bool(!vm.truthy(&r)?))
        }
        _ => Ok(Value::NotImplemented),
    }
}

fn object_hash(_vm: &Vm, args: Args) -> PyResult {
    Ok(Value::Int(args.get(0).map_or(0, |v| (v.id() >> 4) as i64)))
}

fn object_format(vm: &Vm, args: Args) -> PyResult {
    let v = args.get(0).cloned().unwrap_or_default();
    match args.get(1).and_then(|s| s.as_str()) {
        Some("") | None => Ok(Value::string(vm.to_str(&v)?)),
        Some(_) => Err(vm.type_error(format!(
            "unsupported format string passed to {}.__format__",
            vm.type_name(&v)
        ))),
    }
}

/// `object.__setattr__(self, name, value)`: the plain instance-dict store, for user `__setattr__` overrides.
fn object_setattr(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__setattr__", 3, 3)?;
    let name = crate::objects::Name::new(
        args.pos[1]
            .as_str()
            .ok_or_else(|| vm.type_error("attribute name must be string"))?,
    );
    match &args.pos[0] {
        Value::Instance(i) => {
            i.set_attr(name, args.pos[2].clone());
            Ok(Value::None)
        }
        other => vm
            .set_attr(other, &name, args.pos[2].clone())
            .map(|_| Value::None),
    }
}

fn object_getattribute(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__getattribute__", 2, 2)?;
    let name = crate::objects::Name::new(
        args.pos[1]
            .as_str()
            .ok_or_else(|| vm.type_error("attribute name must be string"))?,
    );
    vm.get_attr(&args.pos[0], &name)
}

fn object_delattr(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__delattr__", 2, 2)?;
    let name = crate::objects::Name::new(
        args.pos[1]
            .as_str()
            .ok_or_else(|| vm.type_error("attribute name must be string"))?,
    );
    match &args.pos[0] {
        Value::Instance(i) => {
            if i.dict.borrow_mut().shift_remove(&name).is_none() {
                return Err(vm.no_attribute(&args.pos[0], &name));
            }
            Ok(Value::None)
        }
        other => vm.del_attr(other, &name).map(|_| Value::None),
    }
}

fn object_init_subclass(_vm: &Vm, _args: Args) -> PyResult {
    Ok(Value::None)
}

fn type_mro(vm: &Vm, args: Args) -> PyResult {
    match args.get(0) {
        Some(Value::Class(c)) => Ok(Value::list(
            c.full_mro().into_iter().map(Value::Class).collect(),
        )),
        _ => Err(vm.type_error("descriptor 'mro' requires a 'type' object")),
    }
}

fn type_subclasses(_vm: &Vm, _args: Args) -> PyResult {
    Ok(Value::list(Vec::new()))
}

fn type_repr(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::string(
        vm.repr(&args.get(0).cloned().unwrap_or_default())?,
    ))
}

fn none_new(_vm: &Vm, _args: Args) -> PyResult {
    Ok(Value::None)
}
