//! `mappingproxy`: a read-only, live view of a mapping. A class's
//! `__dict__` is one, over the class namespace itself, so it shows the
//! class as it is now and cannot change it behind the lookup caches.

use crate::objects::gc::Visitor;
use crate::objects::{Args, Class, Name, NativeObject, PyDict, PyResult, Signature, Style, Value};
use crate::vm::types::{add_declared_methods, add_methods, new_class};
use crate::vm::Vm;
use std::any::Any;
use std::rc::Rc;

/// What a proxy shows.
enum Target {
    /// A class's own namespace.
    Class(Rc<Class>),
    /// Any other mapping (`types.MappingProxyType(d)`).
    Mapping(Value),
}

pub struct MappingProxy {
    class: Rc<Class>,
    target: Target,
}

impl NativeObject for MappingProxy {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        match &self.target {
            Target::Class(c) => visit.rc(c),
            Target::Mapping(m) => visit.value(m),
        }
    }
}

/// The `mappingproxy` type.
pub fn class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("mappingproxy", |vm| {
        let c = new_class(
            "mappingproxy",
            &[vm.types.object.clone()],
            crate::objects::class::Layout::Builtin,
            "builtins",
        );
        add_methods(
            &c,
            "mappingproxy",
            &[
                ("__new__", proxy_new),
                ("__getitem__", getitem),
                ("__contains__", contains),
                ("__iter__", iter),
                ("__len__", len),
                ("__repr__", repr),
                ("__str__", str_),
                ("__eq__", eq),
                ("__or__", or),
            ],
        );
        add_declared_methods(
            &c,
            "mappingproxy",
            &[
                (&GET, get),
                (&KEYS, keys),
                (&VALUES, values),
                (&ITEMS, items),
                (&COPY, copy),
            ],
        );
        c
    })
}

/// `cls.__dict__`.
pub fn of_class(vm: &Vm, cls: &Rc<Class>) -> Value {
    Value::native(MappingProxy {
        class: class(vm),
        target: Target::Class(cls.clone()),
    })
}

fn proxy_new(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "mappingproxy", 2, 2)?;
    let mapping = &args.pos[1];
    let is_mapping = matches!(mapping.builtin_base(), Value::Dict(_))
        || (!matches!(mapping, Value::List(_) | Value::Tuple(_))
            && vm.class_of(mapping).lookup_str("__getitem__").is_some()
            && vm.class_of(mapping).lookup_str("keys").is_some());
    if !is_mapping {
        return Err(vm.type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            vm.type_name(mapping)
        )));
    }
    Ok(Value::native(MappingProxy {
        class: class(vm),
        target: Target::Mapping(mapping.clone()),
    }))
}

fn this<'a>(vm: &Vm, args: &'a Args) -> PyResult<&'a MappingProxy> {
    args.get(0)
        .and_then(|v| v.downcast_native::<MappingProxy>())
        .ok_or_else(|| vm.type_error("descriptor requires a 'mappingproxy' object"))
}

/// A dict with the class namespace's entries, in order.
fn class_snapshot(cls: &Class) -> Rc<PyDict> {
    let dict = PyDict::new();
    for (k, v) in cls.dict.borrow().iter() {
        dict.set_name(k, v.clone());
    }
    crate::objects::gc::new(dict)
}

/// The mapping to read: the target, or a snapshot of a class namespace.
fn mapping(p: &MappingProxy) -> Value {
    match &p.target {
        Target::Class(c) => Value::Dict(class_snapshot(c)),
        Target::Mapping(m) => m.clone(),
    }
}

/// The class namespace entry under string key `key`, or None for a non-string key.
fn class_entry(cls: &Class, key: &Value) -> Option<Option<Value>> {
    let Value::Str(s) = key else {
        return None;
    };
    Some(cls.dict.borrow().get(&Name::new(s.as_str())).cloned())
}

fn getitem(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__getitem__", 2, 2)?;
    let p = this(vm, &args)?;
    let key = &args.pos[1];
    match &p.target {
        Target::Class(c) => match class_entry(c, key) {
            Some(Some(v)) => Ok(v),
            _ => Err(vm.key_error(key.clone())),
        },
        Target::Mapping(m) => vm.get_item(m, key),
    }
}

fn contains(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__contains__", 2, 2)?;
    let p = this(vm, &args)?;
    let key = &args.pos[1];
    Ok(Value::from_bool(match &p.target {
        Target::Class(c) => matches!(class_entry(c, key), Some(Some(_))),
        Target::Mapping(m) => vm.contains(m, key)?,
    }))
}

static GET: Signature = Signature::undocumented(
    Style::Positional,
    "mappingproxy.get",
    "$self, key, default=None, /",
)
.doc("Return the value for key if key is in the mapping, else default.");
static KEYS: Signature = Signature::undocumented(Style::Exact, "mappingproxy.keys", "$self, /")
    .doc("Return a view of the mapping's keys.");
static VALUES: Signature = Signature::undocumented(Style::Exact, "mappingproxy.values", "$self, /")
    .doc("Return a view of the mapping's values.");
static ITEMS: Signature = Signature::undocumented(Style::Exact, "mappingproxy.items", "$self, /")
    .doc("Return a view of the mapping's (key, value) pairs.");
static COPY: Signature = Signature::undocumented(Style::Exact, "mappingproxy.copy", "$self, /")
    .doc("Return a shallow copy of the underlying mapping (a dict for a class's namespace).");

fn get(vm: &Vm, args: Args) -> PyResult {
    GET.check(vm, args)?;
    let p = this(vm, &args)?;
    let key = &args.pos[1];
    let default = args.pos.get(2).cloned().unwrap_or_default();
    match &p.target {
        Target::Class(c) => Ok(class_entry(c, key).flatten().unwrap_or(default)),
        Target::Mapping(m) => vm.call_method(m, "get", &[key.clone(), default]),
    }
}

fn len(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__len__", 1, 1)?;
    let p = this(vm, &args)?;
    match &p.target {
        Target::Class(c) => Ok(Value::Int(c.dict.borrow().len() as i64)),
        Target::Mapping(m) => Ok(Value::Int(vm.len(m)? as i64)),
    }
}

fn iter(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__iter__", 1, 1)?;
    vm.iter(&mapping(this(vm, &args)?))
}

fn repr(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__repr__", 1, 1)?;
    let inner = vm.repr(&mapping(this(vm, &args)?))?;
    Ok(Value::string(format!("mappingproxy({inner})")))
}

fn str_(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__str__", 1, 1)?;
    Ok(Value::string(vm.to_str(&mapping(this(vm, &args)?))?))
}

fn eq(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__eq__", 2, 2)?;
    let other = match args.pos[1].downcast_native::<MappingProxy>() {
        Some(p) => mapping(p),
        None => args.pos[1].clone(),
    };
    Ok(Value::from_bool(vm.eq(&mapping(this(vm, &args)?), &other)?))
}

fn or(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__or__", 2, 2)?;
    let copied = vm.call_method(&mapping(this(vm, &args)?), "copy", &[])?;
    let other = match args.pos[1].downcast_native::<MappingProxy>() {
        Some(p) => mapping(p),
        None => args.pos[1].clone(),
    };
    vm.call_method(&copied, "update", &[other])?;
    Ok(copied)
}

fn keys(vm: &Vm, args: Args) -> PyResult {
    KEYS.check(vm, args)?;
    vm.call_method(&mapping(this(vm, &args)?), "keys", &[])
}

fn values(vm: &Vm, args: Args) -> PyResult {
    VALUES.check(vm, args)?;
    vm.call_method(&mapping(this(vm, &args)?), "values", &[])
}

fn items(vm: &Vm, args: Args) -> PyResult {
    ITEMS.check(vm, args)?;
    vm.call_method(&mapping(this(vm, &args)?), "items", &[])
}

fn copy(vm: &Vm, args: Args) -> PyResult {
    COPY.check(vm, args)?;
    let p = this(vm, &args)?;
    match &p.target {
        Target::Class(c) => Ok(Value::Dict(class_snapshot(c))),
        Target::Mapping(m) => vm.call_method(m, "copy", &[]),
    }
}
