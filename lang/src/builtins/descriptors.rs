//! `property`, `staticmethod`, `classmethod` and `super`.

use super::payload::native_receiver;
use crate::objects::gc::Visitor;
use crate::objects::BoolWord;
use crate::objects::{Args, Class, Name, NativeObject, PyResult, Signature, Style, Value};
use crate::vm::Vm;
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

pub struct Property {
    pub class: Rc<Class>,
    /// Set by `__new__` for `property(...)`, by `__init__` for a subclass
    /// (whose `__new__` makes an empty one, as CPython's does).
    fns: RefCell<PropertyFns>,
}

/// What a property is made of.
#[derive(Clone, Default)]
pub struct PropertyFns {
    pub fget: Option<Value>,
    pub fset: Option<Value>,
    pub fdel: Option<Value>,
    pub doc: Value,
    /// The attribute name, from `__set_name__` (for error messages).
    pub name: Option<Value>,
}

impl Property {
    /// A read-only property of `getter`, for the attributes native types
    /// expose as properties (struct sequences' fields, `ModuleSpec.parent`).
    pub fn read_only(vm: &Vm, getter: Value) -> Value {
        Value::native(Property {
            class: vm.types.property.clone(),
            fns: RefCell::new(PropertyFns {
                fget: Some(getter),
                ..PropertyFns::default()
            }),
        })
    }

    pub fn getter(&self) -> Option<Value> {
        self.fns.borrow().fget.clone()
    }

    pub fn setter(&self) -> Option<Value> {
        self.fns.borrow().fset.clone()
    }

    pub fn deleter(&self) -> Option<Value> {
        self.fns.borrow().fdel.clone()
    }

    /// `'name' ` for error messages, once `__set_name__` has named it.
    pub fn name_for_error(&self) -> String {
        match &self.fns.borrow().name {
            Some(Value::Str(name)) => format!("'{}' ", name.as_str()),
            _ => String::new(),
        }
    }
}

impl NativeObject for Property {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        let fns = self.fns.borrow();
        [&fns.fget, &fns.fset, &fns.fdel]
            .into_iter()
            .flatten()
            .for_each(|v| visit.value(v));
        visit.value(&fns.doc);
    }
    fn get_attr(&self, vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        let fns = self.fns.borrow().clone();
        match name {
            // An abstract getter, setter or deleter makes the property abstract (for `abc`).
            "__isabstractmethod__" => Some((|| {
                for f in [&fns.fget, &fns.fset, &fns.fdel].into_iter().flatten() {
                    if let Some(flag) = vm.get_attr_opt(f, &Name::new("__isabstractmethod__"))? {
                        if vm.truthy(&flag)? {
                            return Ok(Value::Bool(BoolWord::TRUE));
                        }
                    }
                }
                Ok(Value::Bool(BoolWord::FALSE))
            })()),
            "fget" => Some(Ok(fns.fget.unwrap_or_default())),
            "fset" => Some(Ok(fns.fset.unwrap_or_default())),
            "fdel" => Some(Ok(fns.fdel.unwrap_or_default())),
            "__doc__" => Some(Ok(fns.doc)),
            _ => None,
        }
    }
}

/// `staticmethod(f)`, and the same for `classmethod(f)`: the wrapped
/// callable, set by `__new__` or (for a subclass) by `__init__`.
pub struct StaticMethod {
    pub class: Rc<Class>,
    func: RefCell<Value>,
}

impl StaticMethod {
    /// Wraps `func` in a staticmethod and returns it as a value.
    #[allow(clippy::new_ret_no_self)]
    pub fn new(vm: &Vm, func: Value) -> Value {
        Value::native(StaticMethod {
            class: vm.types.staticmethod.clone(),
            func: RefCell::new(func),
        })
    }

    pub fn func(&self) -> Value {
        self.func.borrow().clone()
    }
}

impl NativeObject for StaticMethod {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.value(&self.func.borrow());
    }
    fn get_attr(&self, vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        wrapper_attr(vm, &self.func(), name)
    }
}

pub struct ClassMethod {
    pub class: Rc<Class>,
    func: RefCell<Value>,
}

impl ClassMethod {
    /// Wraps `func` in a classmethod and returns it as a value.
    #[allow(clippy::new_ret_no_self)]
    pub fn new(vm: &Vm, func: Value) -> Value {
        Value::native(ClassMethod {
            class: vm.types.classmethod.clone(),
            func: RefCell::new(func),
        })
    }

    pub fn func(&self) -> Value {
        self.func.borrow().clone()
    }
}

impl NativeObject for ClassMethod {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.value(&self.func.borrow());
    }
    fn get_attr(&self, vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        wrapper_attr(vm, &self.func(), name)
    }
}

/// The attributes staticmethod and classmethod objects show of the callable
/// they wrap (`__func__`, and since 3.10 `__wrapped__`, `__name__`, ...).
fn wrapper_attr(vm: &Vm, func: &Value, name: &str) -> Option<PyResult<Value>> {
    match name {
        "__func__" | "__wrapped__" => Some(Ok(func.clone())),
        "__name__" | "__qualname__" | "__doc__" | "__module__" | "__isabstractmethod__" => {
            match vm.get_attr_opt(func, &Name::new(name)) {
                Ok(Some(v)) => Some(Ok(v)),
                Ok(None) if name == "__isabstractmethod__" => Some(Ok(Value::from_bool(false))),
                Ok(None) => None,
                Err(e) => Some(Err(e)),
            }
        }
        _ => None,
    }
}

/// `super(cls, obj)`: attribute lookup starting after `cls` in `obj`'s MRO.
pub struct Super {
    pub class: Rc<Class>,
    pub start_after: Rc<Class>,
    pub obj: Value,
}

impl Super {
    /// The class whose MRO is searched, and whether `obj` is searched as a
    /// class: `super()` in a classmethod searches the class's own MRO; in an
    /// instance method (including a metaclass method, whose instance is a
    /// class) the type's.
    fn search_class(&self, vm: &Vm) -> (Rc<Class>, bool) {
        match &self.obj {
            Value::Class(c) if c.is_subclass(&self.start_after) => (c.clone(), true),
            other => (vm.class_of(other), false),
        }
    }

    /// The first attribute under `name` in `class`'s MRO after `start_after`
    /// (the MRO is walked in place: no list, no allocation).
    fn find(&self, class: &Rc<Class>, name: &Name) -> Option<Value> {
        let rest = if Rc::ptr_eq(class, &self.start_after) {
            &class.mro[..]
        } else {
            let pos = class
                .mro
                .iter()
                .position(|c| Rc::ptr_eq(c, &self.start_after))?;
            &class.mro[pos + 1..]
        };
        rest.iter().find_map(|c| c.dict.borrow().get(name).cloned())
    }

    /// For `LOAD_METHOD`: the plain function `super().name` finds when it
    /// binds to `obj` as a method (so the call can prepend `obj` instead of
    /// building a bound method); None leaves the attribute to `get_attr`.
    pub fn method(&self, vm: &Vm, name: &Name) -> Option<Value> {
        if name.as_str() == "__class__" {
            return None;
        }
        let (class, as_class) = self.search_class(vm);
        match self.find(&class, name)? {
            f @ Value::Function(_) if !as_class => Some(f),
            _ => None,
        }
    }
}

impl NativeObject for Super {
    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.rc(&self.start_after);
        visit.value(&self.obj);
    }
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn get_attr(&self, vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        let (obj_class, as_class) = self.search_class(vm);
        let attr = self.find(&obj_class, &Name::new(name))?;
        Some(match &self.obj {
            Value::Class(cls) if as_class => match attr.downcast_native::<ClassMethod>() {
                Some(cm) => Ok(crate::objects::BoundMethod::value(
                    cm.func(),
                    Value::Class(cls.clone()),
                )),
                None => Ok(attr),
            },
            obj => vm.bind_class_attr(attr, obj, &obj_class),
        })
    }
}

/// `property(fget=None, fset=None, fdel=None, doc=None)` from the arguments
/// after the receiver or class.
fn property_fns(args: &Args) -> PropertyFns {
    let get = |i: usize, name: &str| args.arg_or_kw(i, name).cloned().filter(|v| !v.is_none());
    let fget = get(0, "fget");
    let doc = match (args.arg_or_kw(3, "doc"), &fget) {
        (Some(d), _) => d.clone(),
        (None, Some(Value::Function(f))) => f.doc.borrow().clone(),
        _ => Value::None,
    };
    PropertyFns {
        fget,
        fset: get(1, "fset"),
        fdel: get(2, "fdel"),
        doc,
        name: None,
    }
}

pub fn property_new(vm: &Vm, args: Args) -> PyResult {
    super::payload::construct(vm, args, &vm.types.property, |vm, args, exact| {
        // A subclass's property is filled by `__init__`, as in CPython.
        let fns = if exact {
            property_fns(&args)
        } else {
            PropertyFns::default()
        };
        Ok(Value::native(Property {
            class: vm.types.property.clone(),
            fns: RefCell::new(fns),
        }))
    })
}

/// The property a method was called on (a subclass instance's base value).
fn this_property<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a Property> {
    let receiver = args.get(0).unwrap_or(&Value::None);
    native_receiver::<Property>(receiver)
        .ok_or_else(|| super::payload::wrong_receiver(vm, name, "property", receiver))
}

/// `property.__init__(self, fget=None, fset=None, fdel=None, doc=None)`.
fn property_init(vm: &Vm, args: Args) -> PyResult {
    let p = this_property(vm, &args, "__init__")?;
    *p.fns.borrow_mut() = property_fns(&args.skip_first());
    Ok(Value::None)
}

/// `getter`, `setter`, `deleter`: a copy with one function replaced, made
/// by calling the property's own type (a subclass's constructor runs).
fn property_with(vm: &Vm, args: &Args, which: usize) -> PyResult {
    let name = ["getter", "setter", "deleter"][which];
    let mut fns = this_property(vm, args, name)?.fns.borrow().clone();
    let f = Some(args.pos[1].clone()).filter(|v| !v.is_none());
    match which {
        0 => fns.fget = f,
        1 => fns.fset = f,
        _ => fns.fdel = f,
    }
    let class = vm.class_of(&args.pos[0]);
    if !Rc::ptr_eq(&class, &vm.types.property) {
        let or_none = |f: Option<Value>| f.unwrap_or_default();
        let call = [
            or_none(fns.fget),
            or_none(fns.fset),
            or_none(fns.fdel),
            fns.doc,
        ];
        let copy = vm.call(&Value::Class(class), &call)?;
        if let Some(p) = native_receiver::<Property>(&copy) {
            p.fns.borrow_mut().name = fns.name;
        }
        return Ok(copy);
    }
    Ok(Value::native(Property {
        class: vm.types.property.clone(),
        fns: RefCell::new(fns),
    }))
}

static PROPERTY_GETTER: Signature =
    Signature::undocumented(Style::Exact, "property.getter", "$self, fget, /")
        .doc("Return a copy of the property with fget as its getter (for use as a decorator).");
static PROPERTY_SETTER: Signature =
    Signature::undocumented(Style::Exact, "property.setter", "$self, fset, /")
        .doc("Return a copy of the property with fset as its setter (for use as a decorator).");
static PROPERTY_DELETER: Signature =
    Signature::undocumented(Style::Exact, "property.deleter", "$self, fdel, /")
        .doc("Return a copy of the property with fdel as its deleter (for use as a decorator).");

fn property_getter(vm: &Vm, args: Args) -> PyResult {
    PROPERTY_GETTER.check(vm, args)?;
    property_with(vm, &args, 0)
}
fn property_setter(vm: &Vm, args: Args) -> PyResult {
    PROPERTY_SETTER.check(vm, args)?;
    property_with(vm, &args, 1)
}
fn property_deleter(vm: &Vm, args: Args) -> PyResult {
    PROPERTY_DELETER.check(vm, args)?;
    property_with(vm, &args, 2)
}

/// `property.__set_name__(self, owner, name)`: remembers the name for messages.
fn property_set_name(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__set_name__", 3, 3)?;
    let p = this_property(vm, &args, "__set_name__")?;
    p.fns.borrow_mut().name = Some(args.pos[2].clone());
    Ok(Value::None)
}

/// `property.__get__(self, obj, type=None)`.
fn property_get(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__get__", 2, 3)?;
    let p = this_property(vm, &args, "__get__")?;
    match (&args.pos[1], p.getter()) {
        (Value::None, _) => Ok(args.pos[0].clone()),
        (obj, Some(f)) => vm.call(&f, std::slice::from_ref(obj)),
        (obj, None) => Err(vm.attribute_error(format!(
            "property {}of '{}' object has no getter",
            p.name_for_error(),
            vm.type_name(obj)
        ))),
    }
}

/// `property.__set__(self, obj, value)`.
fn property_set(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__set__", 3, 3)?;
    let p = this_property(vm, &args, "__set__")?;
    match p.setter() {
        Some(f) => vm.call(&f, &args.pos[1..]).map(|_| Value::None),
        None => Err(vm.attribute_error(format!(
            "property {}of '{}' object has no setter",
            p.name_for_error(),
            vm.type_name(&args.pos[1])
        ))),
    }
}

/// `property.__delete__(self, obj)`.
fn property_delete(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__delete__", 2, 2)?;
    let p = this_property(vm, &args, "__delete__")?;
    match p.deleter() {
        Some(f) => vm.call(&f, &args.pos[1..]).map(|_| Value::None),
        None => Err(vm.attribute_error(format!(
            "property {}of '{}' object has no deleter",
            p.name_for_error(),
            vm.type_name(&args.pos[1])
        ))),
    }
}

fn staticmethod_new(vm: &Vm, args: Args) -> PyResult {
    super::payload::construct(vm, args, &vm.types.staticmethod, |vm, args, exact| {
        let func = wrapped_callable(vm, &args, "staticmethod", exact)?;
        Ok(StaticMethod::new(vm, func))
    })
}

fn classmethod_new(vm: &Vm, args: Args) -> PyResult {
    super::payload::construct(vm, args, &vm.types.classmethod, |vm, args, exact| {
        let func = wrapped_callable(vm, &args, "classmethod", exact)?;
        Ok(ClassMethod::new(vm, func))
    })
}

/// The callable `staticmethod(f)` / `classmethod(f)` wraps; a subclass's
/// `__new__` leaves it for `__init__` to set.
fn wrapped_callable(vm: &Vm, args: &Args, name: &str, exact: bool) -> PyResult {
    if !exact {
        return Ok(Value::None);
    }
    args.check(vm, name, 1, 1)?;
    Ok(args.pos[0].clone())
}

/// `staticmethod.__init__(self, f)` and `classmethod.__init__(self, f)`.
fn wrapper_init(vm: &Vm, args: Args) -> PyResult {
    let receiver = args.get(0).unwrap_or(&Value::None);
    let (name, slot) = if let Some(sm) = native_receiver::<StaticMethod>(receiver) {
        ("staticmethod", &sm.func)
    } else if let Some(cm) = native_receiver::<ClassMethod>(receiver) {
        ("classmethod", &cm.func)
    } else {
        return Err(super::payload::wrong_receiver(
            vm,
            "__init__",
            "staticmethod",
            receiver,
        ));
    };
    args.skip_first().check(vm, name, 1, 1)?;
    *slot.borrow_mut() = args.pos[1].clone();
    Ok(Value::None)
}

/// `staticmethod.__get__(self, obj, type=None)`: the callable itself.
fn staticmethod_get(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__get__", 2, 3)?;
    let receiver = &args.pos[0];
    match native_receiver::<StaticMethod>(receiver) {
        Some(sm) => Ok(sm.func()),
        None => Err(super::payload::wrong_receiver(
            vm,
            "__get__",
            "staticmethod",
            receiver,
        )),
    }
}

/// `staticmethod.__call__(self, *args)` (static methods are callable since 3.10).
fn staticmethod_call(vm: &Vm, args: Args) -> PyResult {
    let receiver = args.get(0).unwrap_or(&Value::None);
    match native_receiver::<StaticMethod>(receiver) {
        Some(sm) => vm.call_args(&sm.func(), args.skip_first()),
        None => Err(super::payload::wrong_receiver(
            vm,
            "__call__",
            "staticmethod",
            receiver,
        )),
    }
}

/// `classmethod.__get__(self, obj, type=None)`: the callable bound to the class.
fn classmethod_get(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__get__", 2, 3)?;
    let receiver = &args.pos[0];
    let Some(cm) = native_receiver::<ClassMethod>(receiver) else {
        return Err(super::payload::wrong_receiver(
            vm,
            "__get__",
            "classmethod",
            receiver,
        ));
    };
    let owner = match args.get(2) {
        Some(t) if !t.is_none() => t.clone(),
        _ => Value::Class(vm.class_of(&args.pos[1])),
    };
    Ok(crate::objects::BoundMethod::value(cm.func(), owner))
}

fn super_new(vm: &Vm, args: Args) -> PyResult {
    let (Some(Value::Class(cls)), Some(obj)) = (args.get(1), args.get(2)) else {
        return Err(vm.runtime_error("super(): no arguments"));
    };
    new_super(vm, cls, obj)
}

/// `super(cls, obj)`, checked. Zero-argument `super()` can call this
/// directly: going through the `super` type's `__new__` costs an argument
/// vector and an instantiation.
pub fn new_super(vm: &Vm, cls: &Rc<Class>, obj: &Value) -> PyResult {
    let ok = match obj {
        Value::Class(c) => c.is_subclass(cls) || vm.isinstance(obj, cls),
        other => vm.isinstance(other, cls),
    };
    if !ok {
        return Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type"));
    }
    Ok(Value::native(Super {
        class: vm.types.super_.clone(),
        start_after: cls.clone(),
        obj: obj.clone(),
    }))
}

pub fn install(vm: &Vm) {
    use crate::vm::types::add_methods;
    add_methods(
        &vm.types.property,
        "property",
        &[
            ("__new__", property_new),
            ("__init__", property_init),
            ("__get__", property_get),
            ("__set__", property_set),
            ("__delete__", property_delete),
            ("__set_name__", property_set_name),
        ],
    );
    crate::vm::types::add_declared_methods(
        &vm.types.property,
        "property",
        &[
            (&PROPERTY_GETTER, property_getter),
            (&PROPERTY_SETTER, property_setter),
            (&PROPERTY_DELETER, property_deleter),
        ],
    );
    add_methods(
        &vm.types.staticmethod,
        "staticmethod",
        &[
            ("__new__", staticmethod_new),
            ("__init__", wrapper_init),
            ("__get__", staticmethod_get),
            ("__call__", staticmethod_call),
        ],
    );
    add_methods(
        &vm.types.classmethod,
        "classmethod",
        &[
            ("__new__", classmethod_new),
            ("__init__", wrapper_init),
            ("__get__", classmethod_get),
        ],
    );
    add_methods(&vm.types.super_, "super", &[("__new__", super_new)]);
    add_methods(&vm.types.method, "method", &[("__new__", method_new)]);
}

/// `types.MethodType(func, obj)`: `func` bound to `obj`.
fn method_new(vm: &Vm, args: Args) -> PyResult {
    if args.has_kwargs() {
        return Err(vm.type_error("method() takes no keyword arguments"));
    }
    let [_, func, obj] = args.pos else {
        return Err(vm.type_error(format!(
            "method expected 2 arguments, got {}",
            args.pos.len().saturating_sub(1)
        )));
    };
    if !crate::builtins::is_callable(vm, func) {
        return Err(vm.type_error("first argument must be callable"));
    }
    if obj.is_none() {
        return Err(vm.type_error("instance must not be None"));
    }
    Ok(crate::objects::BoundMethod::value(
        func.clone(),
        obj.clone(),
    ))
}
