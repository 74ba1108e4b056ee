//! Methods of `object` (the defaults every class inherits) and of `type`.

use crate::objects::BoolWord;
use crate::objects::{Args, PyResult, Signature, Style, Value};
use crate::objects::{Class, Name};
use crate::vm::protocol::dunders;
use crate::vm::types::add_methods;
use crate::vm::Vm;
use std::rc::Rc;

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
            ("__lt__", object_order),
            ("__le__", object_order),
            ("__gt__", object_order),
            ("__ge__", object_order),
            ("__hash__", object_hash),
            ("__format__", object_format),
            ("__setattr__", object_setattr),
            ("__getattribute__", object_getattribute),
            ("__delattr__", object_delattr),
            ("__init_subclass__", object_init_subclass),
            (
                "__reduce_ex__",
                crate::stdlib::pickle::reduce::object_reduce_ex,
            ),
            ("__reduce__", crate::stdlib::pickle::reduce::object_reduce),
            (
                "__getstate__",
                crate::stdlib::pickle::reduce::object_getstate,
            ),
        ],
    );
    add_methods(
        &vm.types.type_,
        "type",
        &[
            ("__repr__", type_repr),
            ("__new__", type_new),
            ("__init__", type_init),
            ("__call__", type_call_method),
            ("__setattr__", type_setattr),
        ],
    );
    crate::vm::types::add_declared_methods(
        &vm.types.type_,
        "type",
        &[(&TYPE_MRO, type_mro), (&TYPE_SUBCLASSES, type_subclasses)],
    );
    crate::vm::types::add_classmethod(vm, &vm.types.type_, "__prepare__", type_prepare);
    add_methods(&vm.types.none_type, "NoneType", &[("__new__", none_new)]);
}

fn object_init(_vm: &Vm, _args: Args) -> PyResult {
    Ok(Value::None)
}

fn object_new(vm: &Vm, args: Args) -> PyResult {
    match args.get(0) {
        Some(Value::Class(c)) if vm.payload_base(c).is_some() => {
            // Its instances carry a built-in value that only the built-in
            // type's `__new__` makes; CPython names the nearest class whose
            // `__new__` is not written in Python.
            let static_base = c
                .full_mro()
                .into_iter()
                .find(|k| {
                    !matches!(
                        k.dict.borrow().get(&dunders().new),
                        Some(Value::Function(_))
                    )
                })
                .unwrap_or_else(|| c.clone());
            Err(vm.type_error(format!(
                "object.__new__({}) is not safe, use {}.__new__()",
                c.qualname.borrow(),
                static_base.qualname.borrow()
            )))
        }
        Some(Value::Class(c)) => {
            let inst = crate::objects::Instance::new(c.clone());
            if inst.is_exception() {
                inst.exc_data().args = args.pos[1..].to_vec();
            }
            Ok(Value::Instance(crate::objects::gc::new(inst)))
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
        (Some(a), Some(b)) if a.is(b) => Ok(Value::Bool(BoolWord::TRUE)),
        _ => Ok(Value::NotImplemented),
    }
}

fn object_ne(vm: &Vm, args: Args) -> PyResult {
    match (args.get(0), args.get(1)) {
        (Some(a), Some(b)) => {
            let r = vm.compare(a, b, crate::vm::ops::CmpOp::Eq)?;
            Ok(Value::from_bool(!vm.truthy(&r)?))
        }
        _ => Ok(Value::NotImplemented),
    }
}

/// `object.__lt__` and the other orderings: objects are not ordered.
fn object_order(_vm: &Vm, _args: Args) -> PyResult {
    Ok(Value::NotImplemented)
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

/// `object.__setattr__(self, name, value)`: the store without the class's
/// `__setattr__` override (data descriptors still apply).
fn object_setattr(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__setattr__", 3, 3)?;
    let name = crate::objects::Name::new(
        args.pos[1]
            .as_str()
            .ok_or_else(|| vm.type_error("attribute name must be string"))?,
    );
    match &args.pos[0] {
        Value::Instance(i) => vm
            .instance_set_attr(&args.pos[0], i, &name, args.pos[2].clone())
            .map(|_| Value::None),
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
    let obj = &args.pos[0];
    vm.generic_get_attr(obj, &name)?
        .ok_or_else(|| vm.no_attribute(obj, &name))
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
            if i.del_attr(&name).is_none() {
                return Err(vm.no_attribute(&args.pos[0], &name));
            }
            Ok(Value::None)
        }
        other => vm.del_attr(other, &name).map(|_| Value::None),
    }
}

/// `object.__init_subclass__(cls)`: the end of the chain takes no class keywords.
fn object_init_subclass(vm: &Vm, args: Args) -> PyResult {
    if args.has_kwargs() {
        let name = match args.get(0) {
            Some(Value::Class(c)) => format!("{}.__init_subclass__", c.qualname.borrow()),
            _ => "__init_subclass__".to_string(),
        };
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    Ok(Value::None)
}

/// `type.__new__(mcs, name, bases, namespace, **kwargs)`: creates a class
/// whose metaclass is `mcs` (metaclasses call it through `super().__new__`).
fn type_new(vm: &Vm, args: Args) -> PyResult {
    let Some(Value::Class(mcs)) = args.get(0) else {
        return Err(vm.type_error("type.__new__(X): X is not a type object"));
    };
    if args.len() == 2 {
        return Ok(Value::Class(vm.class_of(&args.pos[1])));
    }
    if args.len() != 4 {
        return Err(vm.type_error("type.__new__() takes exactly 3 arguments"));
    }
    let kwargs = Args::with_kw(&[], args.kwnames, args.kwvalues);
    new_type(vm, mcs, &args.pos[1..], kwargs)
}

/// A class made as a class statement makes it, from `type(name, bases,
/// namespace, **kwargs)` or `type.__new__`: the most derived metaclass of
/// `mcs` and the bases' decides (and makes it, when its `__new__` is its
/// own); the class's `__set_name__` and `__init_subclass__` hooks run.
pub(crate) fn new_type(vm: &Vm, mcs: &Rc<Class>, parts: &[Value], kwargs: Args) -> PyResult {
    let name = match &parts[0] {
        Value::Str(s) => s.as_str(),
        other => return Err(wrong_part(vm, 1, "str", other)),
    };
    let Value::Tuple(bases) = parts[1].builtin_base() else {
        return Err(wrong_part(vm, 2, "tuple", &parts[1]));
    };
    let Value::Dict(ns) = parts[2].builtin_base() else {
        return Err(wrong_part(vm, 3, "dict", &parts[2]));
    };
    let mut classes = Vec::new();
    for b in bases.0.iter() {
        match b {
            Value::Class(c) => classes.push(c.clone()),
            // A class's metaclass derives from `type`; no other value's
            // class does.
            other
                if vm
                    .get_attr_opt(other, &Name::new("__mro_entries__"))?
                    .is_some() =>
            {
                return Err(vm.type_error(
                    "type() doesn't support MRO entry resolution; use types.new_class()",
                ))
            }
            _ => return Err(vm.metaclass_conflict()),
        }
    }
    let winner = match vm.derive_metaclass(Some(Value::Class(mcs.clone())), &classes)? {
        Some(Value::Class(c)) => c,
        _ => vm.types.type_.clone(),
    };
    if !Rc::ptr_eq(&winner, mcs) {
        let own_new = winner
            .lookup(&dunders().new)
            .filter(|new| !matches!(new, Value::Builtin(b) if b.owner == Some("type")));
        if let Some(new) = own_new {
            let mut call = vec![Value::Class(winner.clone())];
            call.extend_from_slice(parts);
            return vm.call_args(&new, Args::with_kw(&call, kwargs.kwnames, kwargs.kwvalues));
        }
    }
    // `__module__` defaults to the name of the calling code's module.
    let module = vm
        .frame_chain()
        .next()
        .and_then(|f| f.globals.get_str("__name__"))
        .and_then(|n| n.as_str().map(Rc::from))
        .unwrap_or_else(|| Rc::from("builtins"));
    let class = vm.create_class(name, classes, ns, module)?;
    if !Rc::ptr_eq(&winner, &vm.types.type_) {
        *class.metaclass.borrow_mut() = Some(winner);
    }
    vm.finish_class(&class, kwargs)?;
    Ok(Value::Class(class))
}

/// CPython's TypeError for a bad argument of `type(name, bases, dict)`.
fn wrong_part(vm: &Vm, n: usize, expected: &str, got: &Value) -> crate::objects::PyErr {
    vm.type_error(format!(
        "type.__new__() argument {n} must be {expected}, not {}",
        vm.type_name(got)
    ))
}

/// `type.__prepare__(name, bases, **kwargs)`: the empty dict a class body runs in.
fn type_prepare(_vm: &Vm, _args: Args) -> PyResult {
    Ok(Value::Dict(std::rc::Rc::new(crate::objects::PyDict::new())))
}

fn type_init(vm: &Vm, args: Args) -> PyResult {
    if !matches!(args.len(), 2 | 4) {
        return Err(vm.type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(Value::None)
}

/// `type.__call__(cls, *args)`: plain instantiation, for metaclass `__call__` overrides to delegate to.
fn type_call_method(vm: &Vm, args: Args) -> PyResult {
    let Some(Value::Class(cls)) = args.get(0) else {
        return Err(match args.get(0) {
            Some(other) => super::payload::wrong_receiver(vm, "__call__", "type", other),
            None => vm.type_error("descriptor '__call__' of 'type' object needs an argument"),
        });
    };
    vm.instantiate(
        cls,
        Args::with_kw(&args.pos[1..], args.kwnames, args.kwvalues),
    )
}

/// `type.__setattr__(cls, name, value)`: the plain class-namespace store.
fn type_setattr(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__setattr__", 3, 3)?;
    let (Value::Class(c), Some(name)) = (&args.pos[0], args.pos[1].as_str()) else {
        return Err(vm.type_error("descriptor '__setattr__' requires a 'type' object"));
    };
    if name == "__getattr__" || name == "__getattribute__" {
        c.note_getattr_hook();
    }
    c.set_attr(name, args.pos[2].clone());
    Ok(Value::None)
}

static TYPE_MRO: Signature = Signature::new(Style::Exact, "type.mro", "$self, /").doc(
    "Return the class's method resolution order, as a list.\n\nA metaclass may override it to choose the order stored in __mro__.",
);

fn type_mro(vm: &Vm, args: Args) -> PyResult {
    TYPE_MRO.check(vm, args)?;
    match args.get(0) {
        Some(Value::Class(c)) => Ok(Value::list(
            c.full_mro().into_iter().map(Value::Class).collect(),
        )),
        _ => Err(vm.type_error("descriptor 'mro' requires a 'type' object")),
    }
}

static TYPE_SUBCLASSES: Signature = Signature::new(Style::Exact, "type.__subclasses__", "$self, /")
    .doc("Return a list of the classes that derive directly from this one and are still alive.");

fn type_subclasses(vm: &Vm, args: Args) -> PyResult {
    TYPE_SUBCLASSES.check(vm, args)?;
    let Some(Value::Class(c)) = args.get(0) else {
        return Err(vm.type_error("descriptor '__subclasses__' requires a 'type' object"));
    };
    Ok(Value::list(
        c.subclasses
            .borrow()
            .iter()
            .filter_map(|w| w.upgrade())
            .map(Value::Class)
            .collect(),
    ))
}

fn type_repr(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::string(
        vm.repr(&args.get(0).cloned().unwrap_or_default())?,
    ))
}

fn none_new(_vm: &Vm, _args: Args) -> PyResult {
    Ok(Value::None)
}
