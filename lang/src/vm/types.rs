//! The built-in types as classes, created once per VM.

use super::Vm;
use crate::objects::class::Layout;
use crate::objects::{AttrMap, Builtin, Class, Name, NativeFn, NativeRow, Signature, Value};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Creates a class. `layout` is inherited from the base unless given.
pub fn new_class(name: &str, bases: &[Rc<Class>], layout: Layout, module: &str) -> Rc<Class> {
    make_class(name, bases, layout, module, true)
}

/// Creates a built-in class that programs cannot subclass (`bool`,
/// `range`, `function`, the iterators: CPython's types without
/// `Py_TPFLAGS_BASETYPE`).
pub fn new_final_class(name: &str, bases: &[Rc<Class>], module: &str) -> Rc<Class> {
    make_class(name, bases, Layout::Builtin, module, false)
}

fn make_class(
    name: &str,
    bases: &[Rc<Class>],
    layout: Layout,
    module: &str,
    subclassable: bool,
) -> Rc<Class> {
    let mro = crate::objects::class::compute_mro(bases).unwrap_or_else(|| bases.to_vec());
    let has_getattr = bases.iter().any(|b| b.has_getattr.get());
    let mut dict = AttrMap::default();
    if let Some(doc) = builtin_class_doc(name, module) {
        dict.insert(Name::new("__doc__"), doc);
    }
    crate::objects::gc::new(Class {
        name: Rc::from(name),
        qualname: RefCell::new(Rc::from(name)),
        module: RefCell::new(Rc::from(module)),
        bases: bases.to_vec(),
        mro,
        dict: RefCell::new(dict),
        lookup_cache: crate::objects::class::new_lookup_cache(),
        layout,
        subclassable,
        has_getattr: Cell::new(has_getattr),
        metaclass: RefCell::new(None),
        subclasses: RefCell::new(Vec::new()),
        call_plan: RefCell::new((0, Default::default())),
        del_cache: Default::default(),
        keys: Default::default(),
        shape: crate::builtins::member::builtin_shape(bases, layout),
        gc: crate::objects::gc::GcHead::new(),
    })
}

/// The `__doc__` a class of `builtins` keeps in its namespace: its
/// docstring, or None as CPython's undocumented types have. `object`'s is
/// served by class attribute lookup instead: in `object`'s namespace it
/// would be inherited by every class without a `__doc__` of its own. The
/// classes of functions and methods keep none: their values answer
/// `__doc__` themselves, after the class namespace is consulted.
pub(crate) fn builtin_class_doc(name: &str, module: &str) -> Option<Value> {
    if module != "builtins"
        || matches!(
            name,
            "object" | "function" | "builtin_function_or_method" | "method"
        )
    {
        return None;
    }
    Some(crate::builtins::type_docs::class_doc(name).map_or(Value::None, Value::str))
}

macro_rules! builtin_types {
    ($($field:ident = $name:literal),* ; final: $($final_field:ident = $final_name:literal),* $(,)?) => {
        /// The built-in classes.
        pub struct Types {
            pub object: Rc<Class>,
            pub type_: Rc<Class>,
            $(pub $field: Rc<Class>,)*
            $(pub $final_field: Rc<Class>,)*
        }

        impl Types {
            pub fn new() -> Types {
                let object = new_class("object", &[], Layout::Object, "builtins");
                let type_ = new_class("type", &[object.clone()], Layout::Builtin, "builtins");
                $(let $field = new_class($name, &[object.clone()], Layout::Builtin, "builtins");)*
                $(let $final_field = new_final_class($final_name, &[object.clone()], "builtins");)*
                Types { object, type_, $($field,)* $($final_field,)* }
            }
        }
    };
}

builtin_types! {
    int = "int",
    float = "float",
    complex = "complex",
    str = "str",
    bytes = "bytes",
    list = "list",
    tuple = "tuple",
    dict = "dict",
    set = "set",
    frozenset = "frozenset",
    module = "module",
    property = "property",
    staticmethod = "staticmethod",
    classmethod = "classmethod",
    super_ = "super";
    final:
    range = "range",
    slice = "slice",
    none_type = "NoneType",
    not_implemented_type = "NotImplementedType",
    ellipsis_type = "ellipsis",
    function = "function",
    builtin_function = "builtin_function_or_method",
    method = "method",
    generator = "generator",
    coroutine = "coroutine",
    async_generator = "async_generator",
    code = "code",
    cell = "cell",
}

impl Default for Types {
    fn default() -> Self {
        Types::new()
    }
}

/// `bool` derives from `int`; it is created apart because of that.
pub fn bool_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("bool", |vm| {
        new_final_class("bool", &[vm.types.int.clone()], "builtins")
    })
}

/// Registers native methods in a class's namespace.
pub fn add_methods(class: &Class, owner: &'static str, methods: &[(&'static str, NativeFn)]) {
    add_rows(class, owner, methods)
}

/// [`add_methods`] for natives with declared signatures.
pub fn add_declared_methods(
    class: &Class,
    owner: &'static str,
    methods: &[(&'static Signature, NativeFn)],
) {
    add_rows(class, owner, methods)
}

fn add_rows<R: NativeRow>(class: &Class, owner: &'static str, methods: &[R]) {
    let mut dict = class.dict_mut();
    for row in methods {
        dict.insert(
            Name::new(row.name()),
            Value::Builtin(crate::objects::gc::new(Builtin {
                name: row.name(),
                func: row.func(),
                owner: Some(owner),
                bound: None,
                caller: Default::default(),
                sig: row.sig(),
                gc: crate::objects::gc::GcHead::new(),
            })),
        );
    }
}

/// Wraps a native function as a class method/static (the first argument is the class).
pub fn add_classmethod(vm: &Vm, class: &Class, name: &'static str, func: NativeFn) {
    insert_classmethod(vm, class, name, func, None)
}

/// [`add_classmethod`] for a native with a declared signature (`$type` first).
pub fn add_declared_classmethod(vm: &Vm, class: &Class, sig: &'static Signature, func: NativeFn) {
    insert_classmethod(vm, class, sig.name(), func, Some(sig))
}

fn insert_classmethod(
    vm: &Vm,
    class: &Class,
    name: &'static str,
    func: NativeFn,
    sig: Option<&'static Signature>,
) {
    let f = Value::Builtin(crate::objects::gc::new(Builtin {
        name,
        func,
        owner: sig.and_then(Signature::owner),
        bound: None,
        caller: Default::default(),
        sig,
        gc: crate::objects::gc::GcHead::new(),
    }));
    let cm = crate::builtins::descriptors::ClassMethod::new(vm, f);
    class.dict_mut().insert(Name::new(name), cm);
}

pub fn install_methods(vm: &Vm) {
    crate::builtins::install_type_methods(vm);
}

impl Vm {
    /// A class created on first use and cached by name.
    pub fn lazy_class(&self, key: &'static str, make: impl FnOnce(&Vm) -> Rc<Class>) -> Rc<Class> {
        if let Some(c) = self.lazy_classes.borrow().get(key) {
            return c.clone();
        }
        let c = make(self);
        self.lazy_classes.borrow_mut().insert(key, c.clone());
        c
    }

    /// The class of a value: `type(v)`.
    pub fn class_of(&self, v: &Value) -> Rc<Class> {
        let t = &self.types;
        match v {
            Value::None => t.none_type.clone(),
            Value::Bool(_) => bool_class(self),
            Value::Int(_) | Value::BigInt(_) => t.int.clone(),
            Value::Float(_) => t.float.clone(),
            Value::Complex(_) => t.complex.clone(),
            Value::Str(_) => t.str.clone(),
            Value::Bytes(_) => t.bytes.clone(),
            Value::List(_) => t.list.clone(),
            Value::Tuple(_) => t.tuple.clone(),
            Value::Dict(_) => t.dict.clone(),
            Value::Set(_) => t.set.clone(),
            Value::FrozenSet(_) => t.frozenset.clone(),
            Value::Range(_) => t.range.clone(),
            Value::Slice(_) => t.slice.clone(),
            Value::Function(_) => t.function.clone(),
            Value::Builtin(_) | Value::Closure(_) => t.builtin_function.clone(),
            Value::BoundMethod(_) => t.method.clone(),
            Value::Class(c) => c
                .metaclass
                .borrow()
                .clone()
                .unwrap_or_else(|| t.type_.clone()),
            Value::Instance(i) => i.class.clone(),
            Value::Generator(g) => match g.kind {
                crate::objects::GenKind::Generator => t.generator.clone(),
                crate::objects::GenKind::Coroutine => t.coroutine.clone(),
                crate::objects::GenKind::AsyncGenerator => t.async_generator.clone(),
            },
            Value::Iter(it) => {
                let name = it.type_name();
                self.lazy_class(name, |vm| {
                    let class = new_final_class(name, &[vm.types.object.clone()], "builtins");
                    crate::builtins::add_iterator_methods(&class, name);
                    class
                })
            }
            Value::Module(_) => t.module.clone(),
            Value::Code(_) => t.code.clone(),
            Value::Cell(_) => t.cell.clone(),
            Value::Native(n) => n.class(),
            Value::NotImplemented => t.not_implemented_type.clone(),
            Value::Ellipsis => t.ellipsis_type.clone(),
            Value::Undef => t.none_type.clone(),
        }
    }

    /// `type(v).__name__`.
    pub fn type_name(&self, v: &Value) -> String {
        match v {
            Value::Iter(it) => it.type_name().to_string(),
            _ => self.class_of(v).name.to_string(),
        }
    }

    /// `isinstance(v, class)`.
    pub fn isinstance(&self, v: &Value, class: &Rc<Class>) -> bool {
        match v {
            Value::Instance(i) => i.class.is_subclass(class),
            Value::Bool(_) => {
                Rc::ptr_eq(class, &self.types.int)
                    || Rc::ptr_eq(class, &self.types.object)
                    || class.name.as_ref() == "bool" && Rc::ptr_eq(class, &bool_class(self))
            }
            _ => self.class_of(v).is_subclass(class),
        }
    }
}
