//! Struct sequences: CPython's named tuples written in C (`sys.flags`,
//! `sys.version_info`, `sys.float_info`, ...).
//!
//! A struct sequence class derives from `tuple`; its instances carry the
//! tuple as their payload (as user subclasses of `tuple` do), so indexing,
//! slicing, comparison and unpacking are the tuple's. Each field is a
//! read-only property of the class, and `__match_args__` holds the field
//! names, from which the repr (`sys.flags(debug=0, ...)`) is built.

use crate::builtins::descriptors::Property;
use crate::objects::class::Layout;
use crate::objects::{Args, Class, NativeClosure, PyResult, Value};
use crate::vm::types::{add_methods, new_class};
use crate::vm::Vm;
use std::rc::Rc;

/// A struct sequence class `module.name` with `fields`, made once per VM.
pub fn class(
    vm: &Vm,
    key: &'static str,
    module: &'static str,
    name: &'static str,
    fields: &'static [&'static str],
) -> Rc<Class> {
    vm.lazy_class(key, |vm| {
        let c = new_class(name, &[vm.types.tuple.clone()], Layout::Object, module);
        add_methods(&c, name, &[("__repr__", repr)]);
        for (i, &field) in fields.iter().enumerate() {
            let getter = Value::Closure(Rc::new(NativeClosure {
                name: field.to_string(),
                func: Box::new(move |vm: &Vm, args: Args| item(vm, &args, i)),
            }));
            let prop = Property::read_only(vm, getter);
            c.set_attr(field, prop);
        }
        let names = fields.iter().map(|f| Value::str(f)).collect();
        c.set_attr("__match_args__", Value::tuple(names));
        for (attr, n) in [
            ("n_fields", fields.len()),
            ("n_sequence_fields", fields.len()),
        ] {
            c.set_attr(attr, Value::Int(n as i64));
        }
        c.set_attr("n_unnamed_fields", Value::Int(0));
        c
    })
}

/// An instance of struct sequence class `class` with `values`.
pub fn new(class: &Rc<Class>, values: Vec<Value>) -> Value {
    crate::builtins::payload::new_instance(class, Value::tuple(values))
}

fn tuple_items(vm: &Vm, v: &Value) -> PyResult<Rc<crate::objects::Tuple>> {
    match v.builtin_base() {
        Value::Tuple(t) => Ok(t.clone()),
        other => Err(vm.type_error(format!(
            "descriptor needs a struct sequence, not {}",
            vm.type_name(other)
        ))),
    }
}

fn item(vm: &Vm, args: &Args, i: usize) -> PyResult {
    let this = args.get(0).cloned().unwrap_or_default();
    Ok(tuple_items(vm, &this)?
        .0
        .get(i)
        .cloned()
        .unwrap_or_default())
}

/// `sys.flags(debug=0, inspect=0, ...)`.
fn repr(vm: &Vm, args: Args) -> PyResult {
    let this = args.get(0).cloned().unwrap_or_default();
    let items = tuple_items(vm, &this)?;
    let class = vm.class_of(&this);
    let names = vm.to_vec(&vm.get_attr_str(&Value::Class(class.clone()), "__match_args__")?)?;
    let mut parts = Vec::with_capacity(items.0.len());
    for (name, value) in names.iter().zip(items.0.iter()) {
        parts.push(format!("{}={}", vm.to_str(name)?, vm.repr(value)?));
    }
    Ok(Value::string(format!(
        "{}({})",
        class.display_name(),
        parts.join(", ")
    )))
}
