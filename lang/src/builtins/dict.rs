//! `dict`: the constructor and methods.

use crate::objects::iter::DictView;
use crate::objects::{Args, PyDict, PyResult, Value};
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

/// The dict whose entries `src` stands for when they may be copied without
/// calling its methods: a dict, or an instance of a dict subclass that keeps
/// dict's `__iter__` (CPython copies those directly too, whatever their
/// `keys` and `__getitem__` say).
pub fn raw_dict(src: &Value) -> Option<&Rc<PyDict>> {
    match src {
        Value::Dict(d) => Some(d),
        Value::Instance(inst) => match src.builtin_base() {
            Value::Dict(d) => {
                let iter = inst.class.lookup(&crate::vm::protocol::dunders().iter);
                matches!(iter, Some(Value::Builtin(b)) if b.owner == Some("dict")).then_some(d)
            }
            _ => None,
        },
        _ => None,
    }
}

/// Adds a mapping or an iterable of pairs to `d` (`dict(x)`, `d.update(x)`).
pub fn update_from(vm: &Vm, d: &PyDict, src: &Value) -> PyResult<()> {
    match raw_dict(src) {
        Some(s) => {
            for (k, v) in s.items() {
                d.set(vm, k, v)?;
            }
        }
        None if vm
            .get_attr_opt(src, &crate::objects::Name::new("keys"))?
            .is_some() =>
        {
            let keys = vm.call_method(src, "keys", &[])?;
            for k in vm.to_vec(&keys)? {
                let v = vm.get_item(src, &k)?;
                d.set(vm, k, v)?;
            }
        }
        None => {
            for (i, item) in vm.to_vec(src)?.into_iter().enumerate() {
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
    super::payload::construct(vm, args, &vm.types.dict, |vm, args, exact| {
        let d = PyDict::new();
        // A subclass's dict is filled by `__init__`, as in CPython.
        if exact {
            args.check_pos(vm, "dict", 0, 1)?;
            if let Some(src) = args.get(0) {
                update_from(vm, &d, src)?;
            }
            for (k, v) in args.kwnames.iter().zip(args.kwvalues) {
                d.set(vm, k.clone(), v.clone())?;
            }
        }
        Ok(Value::Dict(crate::objects::gc::new(d)))
    })
}

/// `dict.__init__(self, [mapping], **kw)`: `dict(x)` skips it (its `__new__` fills the dict).
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
