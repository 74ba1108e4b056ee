//! `dict`: the constructor and methods.

use crate::objects::iter::{DictView, IterState};
use crate::objects::{Args, NativeIter, PyDict, PyResult, Value};
use crate::vm::types::{add_classmethod, add_methods};
use crate::vm::Vm;
use std::rc::Rc;

pub fn install(vm: &Vm) {
    add_methods(
        &vm.types.dict,
        "dict",
        &[
            ("__new__", dict_new),
            ("__init__", dict_init),
            ("get", get),
            ("keys", keys),
            ("values", values),
            ("items", items),
            ("pop", pop),
            ("popitem", popitem),
            ("setdefault", setdefault),
            ("update", update),
            ("clear", clear),
            ("copy", copy),
            ("__len__", len),
            ("__getitem__", getitem),
            ("__setitem__", setitem),
            ("__delitem__", delitem),
            ("__contains__", contains),
            ("__iter__", iter),
        ],
    );
    add_classmethod(vm, &vm.types.dict, "fromkeys", fromkeys);
}

/// The dict a method was called on (a subclass instance's built-in value),
/// borrowed from the arguments.
fn this<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a Rc<PyDict>> {
    match args.get(0).map(Value::builtin_base) {
        Some(Value::Dict(d)) => Ok(d),
        _ => Err(vm.type_error("descriptor requires a 'dict' object")),
    }
}

/// Adds a mapping or an iterable of pairs to `d` (`dict(x)`, `d.update(x)`).
pub fn update_from(vm: &Vm, d: &PyDict, src: &Value) -> PyResult<()> {
    match src {
        Value::Dict(s) => {
            for (k, v) in s.items() {
                d.set(vm, k, v)?;
            }
        }
        other
            if vm
                .get_attr_opt(other, &crate::objects::Name::new("keys"))?
                .is_some() =>
        {
            let keys = vm.call_method(other, "keys", &[])?;
            for k in vm.to_vec(&keys)? {
                let v = vm.get_item(other, &k)?;
                d.set(vm, k, v)?;
            }
        }
        other => {
            for (i, item) in vm.to_vec(other)?.into_iter().enumerate() {
                let pair = vm.to_vec(&item).map_err(|_| {
                    vm.type_error(format!(
                        "cannot convert dictionary update sequence element #{i} to a sequence"
                    ))
                })?;
                if pair.len() != 2 {
                    return Err(vm.value_error(format!(
                        "dictionary update sequence element #{i} has length {}; 2 is required",
                        pair.len()
                    )));
                }
                let mut it = pair.into_iter();
                if let (Some(k), Some(v)) = (it.next(), it.next()) {
                    d.set(vm, k, v)?;
                }
            }
        }
    }
    Ok(())
}

fn dict_new(vm: &Vm, args: Args) -> PyResult {
    if let Some(Value::Class(cls)) = args.get(0) {
        if !Rc::ptr_eq(cls, &vm.types.dict) {
            // A subclass: `__init__` fills the dict, as in CPython.
            return Ok(super::payload::new_instance(
                cls,
                Value::Dict(crate::objects::gc::new(PyDict::new())),
            ));
        }
    }
    let args = args.skip_first();
    args.check_pos(vm, "dict", 0, 1)?;
    let d = PyDict::new();
    if let Some(src) = args.get(0) {
        update_from(vm, &d, src)?;
    }
    for (k, v) in args.kwnames.iter().zip(args.kwvalues) {
        d.set(vm, k.clone(), v.clone())?;
    }
    Ok(Value::Dict(crate::objects::gc::new(d)))
}

/// `dict.__init__(self, [mapping], **kw)`: only subclass instances get here (plain dicts are filled by `__new__`).
fn dict_init(vm: &Vm, args: Args) -> PyResult {
    args.check_pos(vm, "dict", 1, 2)?;
    update(vm, args)
}

fn get(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "get", 2, 3)?;
    Ok(this(vm, &args)?
        .get(vm, &args.pos[1])?
        .unwrap_or_else(|| args.get(2).cloned().unwrap_or_default()))
}

fn view(vm: &Vm, args: &Args, view: DictView) -> PyResult {
    let d = this(vm, args)?;
    // A view is a live object in CPython; towel returns a dict-backed iterator
    // wrapped as a view value that supports len/iter/in/repr.
    Ok(super::set::dict_view(vm, d.clone(), view))
}

fn keys(vm: &Vm, args: Args) -> PyResult {
    view(vm, &args, DictView::Keys)
}

fn values(vm: &Vm, args: Args) -> PyResult {
    view(vm, &args, DictView::Values)
}

fn items(vm: &Vm, args: Args) -> PyResult {
    view(vm, &args, DictView::Items)
}

fn pop(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "pop", 2, 3)?;
    match this(vm, &args)?.remove(vm, &args.pos[1])? {
        Some(v) => Ok(v),
        None => args
            .get(2)
            .cloned()
            .ok_or_else(|| vm.key_error(args.pos[1].clone())),
    }
}

fn popitem(vm: &Vm, args: Args) -> PyResult {
    let d = this(vm, &args)?;
    let last = d.map.borrow_mut().pop();
    match last {
        Some((k, v)) => {
            d.version.set(d.version.get() + 1);
            Ok(Value::tuple(vec![k.key, v]))
        }
        None => Err(vm.key_error(Value::str("popitem(): dictionary is empty"))),
    }
}

fn setdefault(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "setdefault", 2, 3)?;
    let d = this(vm, &args)?;
    match d.get(vm, &args.pos[1])? {
        Some(v) => Ok(v),
        None => {
            let v = args.get(2).cloned().unwrap_or_default();
            d.set(vm, args.pos[1].clone(), v.clone())?;
            Ok(v)
        }
    }
}

fn update(vm: &Vm, args: Args) -> PyResult {
    let d = this(vm, &args)?;
    if let Some(src) = args.get(1) {
        update_from(vm, d, src)?;
    }
    for (k, v) in args.kwnames.iter().zip(args.kwvalues) {
        d.set(vm, k.clone(), v.clone())?;
    }
    Ok(Value::None)
}

fn clear(vm: &Vm, args: Args) -> PyResult {
    this(vm, &args)?.clear();
    Ok(Value::None)
}

fn copy(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::Dict(crate::objects::gc::new(
        this(vm, &args)?.copy(),
    )))
}

fn fromkeys(vm: &Vm, args: Args) -> PyResult {
    let d = PyDict::new();
    let value = args.get(2).cloned().unwrap_or_default();
    let Some(src) = args.get(1) else {
        return Err(vm.type_error("fromkeys expected at least 1 argument, got 0"));
    };
    for k in vm.to_vec(src)? {
        d.set(vm, k, value.clone())?;
    }
    Ok(Value::Dict(crate::objects::gc::new(d)))
}

fn len(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::Int(this(vm, &args)?.len() as i64))
}

fn getitem(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__getitem__", 2, 2)?;
    let key = &args.pos[1];
    match this(vm, &args)?.get(vm, key)? {
        Some(v) => Ok(v),
        None => {
            // Subclasses (defaultdict, Counter) may supply missing values.
            if let Value::Instance(inst) = &args.pos[0] {
                if let Some(missing) = inst.class.lookup(&crate::vm::protocol::dunders().missing) {
                    return vm.call_bound(&missing, &args.pos[0], std::slice::from_ref(key));
                }
            }
            Err(vm.key_error(key.clone()))
        }
    }
}

fn setitem(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__setitem__", 3, 3)?;
    this(vm, &args)?.set(vm, args.pos[1].clone(), args.pos[2].clone())?;
    Ok(Value::None)
}

fn delitem(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__delitem__", 2, 2)?;
    vm.del_item(args.pos[0].builtin_base(), &args.pos[1])?;
    Ok(Value::None)
}

fn contains(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__contains__", 2, 2)?;
    Ok(Value::from_bool(
        this(vm, &args)?.contains(vm, &args.pos[1])?,
    ))
}

fn iter(vm: &Vm, args: Args) -> PyResult {
    let d = this(vm, &args)?;
    let len = d.len();
    Ok(NativeIter::new(IterState::Dict {
        dict: d.clone(),
        index: 0,
        view: DictView::Keys,
        len,
    }))
}
