//! `property`, `staticmethod`, `classmethod` and `super`.

use crate::objects::BoolWord;
use crate::objects::{Args, Class, Name, NativeObject, PyResult, Value};
use crate::vm::Vm;
use std::any::Any;
use std::rc::Rc;

pub struct Property {
    pub class: Rc<Class>,
    pub fget: Option<Value>,
    pub fset: Option<Value>,
    pub fdel: Option<Value>,
    pub doc: Value,
}

impl Property {
    /// `'name' ` for error messages, when the getter has a name.
    pub fn name_for_error(&self) -> String {
        match &self.fget {
            Some(Value::Function(f)) => format!("'{}' ", f.qualname.borrow()),
            _ => String::new(),
        }
    }
}

impl NativeObject for Property {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.fget
            .iter()
            .chain(&self.fset)
            .chain(&self.fdel)
            .for_each(&mut *visit);
        visit(&self.doc);
    }
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn get_attr(&self, vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        match name {
            // An abstract getter, setter or deleter makes the property abstract (for `abc`).
            "__isabstractmethod__" => Some((|| {
                for f in [&self.fget, &self.fset, &self.fdel].into_iter().flatten() {
                    if let Some(flag) = vm.get_attr_opt(f, &Name::new("__isabstractmethod__"))? {
                        if vm.truthy(&flag)? {
                            return Ok(Value::Bool(BoolWord::TRUE));
                        }
                    }
                }
                Ok(Value::Bool(BoolWord::FALSE))
            })()),
            "fget" => Some(Ok(self.fget.clone().unwrap_or_default())),
            "fset" => Some(Ok(self.fset.clone().unwrap_or_default())),
            "fdel" => Some(Ok(self.fdel.clone().unwrap_or_default())),
            "__doc__" => Some(Ok(self.doc.clone())),
            _ => None,
        }
    }
}

pub struct StaticMethod {
    pub class: Rc<Class>,
    pub func: Value,
}

impl NativeObject for StaticMethod {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func);
    }
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn get_attr(&self, _vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        (name == "__func__").then(|| Ok(self.func.clone()))
    }
}

pub struct ClassMethod {
    pub class: Rc<Class>,
    pub func: Value,
}

impl ClassMethod {
    /// Wraps `func` in a classmethod and returns it as a value.
    #[allow(clippy::new_ret_no_self)]
    pub fn new(vm: &Vm, func: Value) -> Value {
        Value::native(ClassMethod {
            class: vm.types.classmethod.clone(),
            func,
        })
    }
}

impl NativeObject for ClassMethod {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func);
    }
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn get_attr(&self, _vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        (name == "__func__").then(|| Ok(self.func.clone()))
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
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&Value::Class(self.start_after.clone()));
        visit(&self.obj);
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
                    cm.func.clone(),
                    Value::Class(cls.clone()),
                )),
                None => Ok(attr),
            },
            obj => vm.bind_class_attr(attr, obj, &obj_class),
        })
    }
}

pub fn property_new(vm: &Vm, args: Args) -> PyResult {
    let get = |i: usize, name: &str| args.arg_or_kw(i, name).cloned().filter(|v| !v.is_none());
    let fget = get(1, "fget");
    let doc = match (args.arg_or_kw(4, "doc"), &fget) {
        (Some(d), _) => d.clone(),
        (None, Some(Value::Function(f))) => f.doc.borrow().clone(),
        _ => Value::None,
    };
    Ok(Value::native(Property {
        class: vm.types.property.clone(),
        fget,
        fset: get(2, "fset"),
        fdel: get(3, "fdel"),
        doc,
    }))
}

fn property_with(vm: &Vm, args: &Args, which: usize) -> PyResult {
    let Some(p) = args.get(0).and_then(|v| v.downcast_native::<Property>()) else {
        return Err(vm.type_error("descriptor requires a 'property' object"));
    };
    let f = args.get(1).cloned();
    let mut new = Property {
        class: p.class.clone(),
        fget: p.fget.clone(),
        fset: p.fset.clone(),
        fdel: p.fdel.clone(),
        doc: p.doc.clone(),
    };
    match which {
        0 => new.fget = f,
        1 => new.fset = f,
        _ => new.fdel = f,
    }
    Ok(Value::native(new))
}

fn property_getter(vm: &Vm, args: Args) -> PyResult {
    property_with(vm, &args, 0)
}
fn property_setter(vm: &Vm, args: Args) -> PyResult {
    property_with(vm, &args, 1)
}
fn property_deleter(vm: &Vm, args: Args) -> PyResult {
    property_with(vm, &args, 2)
}

fn property_get(vm: &Vm, args: Args) -> PyResult {
    let Some(p) = args.get(0).and_then(|v| v.downcast_native::<Property>()) else {
        return Err(vm.type_error("descriptor requires a 'property' object"));
    };
    match (args.get(1), &p.fget) {
        (Some(Value::None) | None, _) => Ok(args.pos[0].clone()),
        (Some(obj), Some(f)) => vm.call(f, std::slice::from_ref(obj)),
        (Some(_), None) => Err(vm.attribute_error("unreadable attribute")),
    }
}

fn staticmethod_new(vm: &Vm, args: Args) -> PyResult {
    let func = args
        .get(1)
        .cloned()
        .ok_or_else(|| vm.type_error("staticmethod expected 1 argument, got 0"))?;
    Ok(Value::native(StaticMethod {
        class: vm.types.staticmethod.clone(),
        func,
    }))
}

fn classmethod_new(vm: &Vm, args: Args) -> PyResult {
    let func = args
        .get(1)
        .cloned()
        .ok_or_else(|| vm.type_error("classmethod expected 1 argument, got 0"))?;
    Ok(ClassMethod::new(vm, func))
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
            ("getter", property_getter),
            ("setter", property_setter),
            ("deleter", property_deleter),
            ("__get__", property_get),
        ],
    );
    add_methods(
        &vm.types.staticmethod,
        "staticmethod",
        &[("__new__", staticmethod_new)],
    );
    add_methods(
        &vm.types.classmethod,
        "classmethod",
        &[("__new__", classmethod_new)],
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
