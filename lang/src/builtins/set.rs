//! `set`, `frozenset` and the dict views (`keys()`, `values()`, `items()`).

use crate::objects::iter::{DictView, IterState};
use crate::objects::BoolWord;
use crate::objects::{Args, Class, NativeIter, NativeObject, PyDict, PyResult, PySet, Value};
use crate::vm::ops::BinOp;
use crate::vm::types::{add_methods, new_final_class};
use crate::vm::Vm;
use std::any::Any;
use std::rc::Rc;

pub fn install(vm: &Vm) {
    let common: &[(&'static str, crate::objects::NativeFn)] = &[
        ("union", union),
        ("intersection", intersection),
        ("difference", difference),
        ("symmetric_difference", symmetric_difference),
        ("issubset", issubset),
        ("issuperset", issuperset),
        ("isdisjoint", isdisjoint),
        ("copy", copy),
    ];
    add_methods(&vm.types.set, "set", common);
    add_methods(&vm.types.frozenset, "frozenset", common);
    add_methods(
        &vm.types.set,
        "set",
        &[
            ("__new__", set_new),
            ("__init__", set_init),
            ("add", add),
            ("remove", remove),
            ("discard", discard),
            ("pop", pop),
            ("clear", clear),
            ("update", update),
            ("difference_update", difference_update),
            ("intersection_update", intersection_update),
        ],
    );
    add_methods(
        &vm.types.frozenset,
        "frozenset",
        &[("__new__", frozenset_new)],
    );
    for (key, name) in [
        ("dict_keys", "dict_keys"),
        ("dict_values", "dict_values"),
        ("dict_items", "dict_items"),
    ] {
        let c = vm.lazy_class(key, |vm| {
            new_final_class(name, &[vm.types.object.clone()], "builtins")
        });
        add_methods(
            &c,
            name,
            &[
                ("__len__", view_len),
                ("__iter__", view_iter),
                ("__contains__", view_contains),
                ("__repr__", view_repr),
            ],
        );
    }
}

/// A live view of a dict's keys, values or items.
pub struct DictViewObj {
    class: Rc<Class>,
    pub dict: Rc<PyDict>,
    pub view: DictView,
}

impl NativeObject for DictViewObj {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub fn dict_view(vm: &Vm, dict: Rc<PyDict>, view: DictView) -> Value {
    let key = match view {
        DictView::Keys => "dict_keys",
        DictView::Values => "dict_values",
        DictView::Items => "dict_items",
    };
    let class = vm.lazy_class(key, |vm| {
        new_final_class(key, &[vm.types.object.clone()], "builtins")
    });
    Value::native(DictViewObj { class, dict, view })
}

fn view_of<'a>(vm: &Vm, args: &'a Args) -> PyResult<&'a DictViewObj> {
    args.get(0)
        .and_then(|v| v.downcast_native::<DictViewObj>())
        .ok_or_else(|| vm.type_error("expected a dict view"))
}

fn view_items(v: &DictViewObj) -> Vec<Value> {
    match v.view {
        DictView::Keys => v.dict.keys(),
        DictView::Values => v.dict.values(),
        DictView::Items => v
            .dict
            .items()
            .into_iter()
            .map(|(k, v)| Value::tuple(vec![k, v]))
            .collect(),
    }
}

fn view_len(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::Int(view_of(vm, &args)?.dict.len() as i64))
}

fn view_iter(vm: &Vm, args: Args) -> PyResult {
    let v = view_of(vm, &args)?;
    Ok(NativeIter::new(IterState::Dict {
        dict: v.dict.clone(),
        index: 0,
        view: v.view,
        len: v.dict.len(),
    }))
}

fn view_contains(vm: &Vm, args: Args) -> PyResult {
    let v = view_of(vm, &args)?;
    let item = args.get(1).cloned().unwrap_or_default();
    Ok(Value::from_bool(match v.view {
        DictView::Keys => v.dict.contains(vm, &item)?,
        _ => {
            let mut found = false;
            for x in view_items(v) {
                if vm.eq(&x, &item)? {
                    found = true;
                    break;
                }
            }
            found
        }
    }))
}

fn view_repr(vm: &Vm, args: Args) -> PyResult {
    let v = view_of(vm, &args)?;
    let name = match v.view {
        DictView::Keys => "dict_keys",
        DictView::Values => "dict_values",
        DictView::Items => "dict_items",
    };
    Ok(Value::string(format!(
        "{name}({})",
        vm.repr(&Value::list(view_items(v)))?
    )))
}

fn set_from(vm: &Vm, v: Option<&Value>) -> PyResult<PySet> {
    let s = PySet::new();
    if let Some(v) = v {
        for item in vm.to_vec(v)? {
            s.add(vm, item)?;
        }
    }
    Ok(s)
}

fn set_new(vm: &Vm, args: Args) -> PyResult {
    super::payload::construct(vm, args, &vm.types.set, |vm, args, exact| {
        // A subclass's set is filled by `__init__`, as in CPython.
        if !exact {
            return Ok(Value::Set(Rc::new(PySet::new())));
        }
        args.check(vm, "set", 0, 1)?;
        Ok(Value::Set(Rc::new(set_from(vm, args.get(0))?)))
    })
}

/// `set.__init__(self, [iterable])`: `set(x)` skips it (its `__new__` fills the set).
fn set_init(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "set", 1, 2)?;
    let s = this(vm, &args)?;
    let items = set_from(vm, args.get(1))?;
    *s.map.borrow_mut() = items.map.into_inner();
    Ok(Value::None)
}

fn frozenset_new(vm: &Vm, args: Args) -> PyResult {
    super::payload::construct(vm, args, &vm.types.frozenset, |vm, args, _| {
        args.check(vm, "frozenset", 0, 1)?;
        Ok(Value::FrozenSet(Rc::new(set_from(vm, args.get(0))?)))
    })
}

fn this(vm: &Vm, args: &Args) -> PyResult<Rc<PySet>> {
    match args.get(0).map(Value::builtin_base) {
        Some(Value::Set(s)) | Some(Value::FrozenSet(s)) => Ok(s.clone()),
        _ => Err(vm.type_error("descriptor requires a 'set' object")),
    }
}

/// Wraps a result set in the type of `like` (set or frozenset).
fn same_kind(like: &Value, s: PySet) -> Value {
    match like.builtin_base() {
        Value::FrozenSet(_) => Value::FrozenSet(Rc::new(s)),
        _ => Value::Set(Rc::new(s)),
    }
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` for sets (in place when `inplace`).
pub fn set_binary(vm: &Vm, a: &Value, b: &Value, op: BinOp, inplace: bool) -> PyResult<Value> {
    let (Value::Set(x) | Value::FrozenSet(x), Value::Set(y) | Value::FrozenSet(y)) = (a, b) else {
        return Err(vm.type_error("set operation on non-sets"));
    };
    let result = PySet::new();
    match op {
        BinOp::Or => {
            for v in x.items().into_iter().chain(y.items()) {
                result.add(vm, v)?;
            }
        }
        BinOp::And => {
            for v in x.items() {
                if y.contains(vm, &v)? {
                    result.add(vm, v)?;
                }
            }
        }
        BinOp::Sub => {
            for v in x.items() {
                if !y.contains(vm, &v)? {
                    result.add(vm, v)?;
                }
            }
        }
        _ => {
            for v in x.items() {
                if !y.contains(vm, &v)? {
                    result.add(vm, v)?;
                }
            }
            for v in y.items() {
                if !x.contains(vm, &v)? {
                    result.add(vm, v)?;
                }
            }
        }
    }
    if inplace {
        if let Value::Set(x) = a {
            *x.map.borrow_mut() = result.map.into_inner();
            return Ok(a.clone());
        }
    }
    Ok(same_kind(a, result))
}

fn multi(vm: &Vm, args: &Args, op: BinOp) -> PyResult {
    let mut acc = Value::Set(Rc::new(this(vm, args)?.copy()));
    for other in &args.pos[1..] {
        let o = Value::Set(Rc::new(set_from(vm, Some(other))?));
        acc = set_binary(vm, &acc, &o, op, false)?;
    }
    Ok(match (args.pos[0].builtin_base(), acc) {
        (Value::FrozenSet(_), Value::Set(s)) => Value::FrozenSet(s),
        (_, v) => v,
    })
}

fn union(vm: &Vm, args: Args) -> PyResult {
    multi(vm, &args, BinOp::Or)
}
fn intersection(vm: &Vm, args: Args) -> PyResult {
    multi(vm, &args, BinOp::And)
}
fn difference(vm: &Vm, args: Args) -> PyResult {
    multi(vm, &args, BinOp::Sub)
}
fn symmetric_difference(vm: &Vm, args: Args) -> PyResult {
    multi(vm, &args, BinOp::Xor)
}

fn issubset(vm: &Vm, args: Args) -> PyResult {
    let s = this(vm, &args)?;
    let other = set_from(vm, args.get(1))?;
    for v in s.items() {
        if !other.contains(vm, &v)? {
            return Ok(Value::Bool(BoolWord::FALSE));
        }
    }
    Ok(Value::Bool(BoolWord::TRUE))
}

fn issuperset(vm: &Vm, args: Args) -> PyResult {
    let s = this(vm, &args)?;
    for v in vm.to_vec(args.get(1).unwrap_or(&Value::None))? {
        if !s.contains(vm, &v)? {
            return Ok(Value::Bool(BoolWord::FALSE));
        }
    }
    Ok(Value::Bool(BoolWord::TRUE))
}

fn isdisjoint(vm: &Vm, args: Args) -> PyResult {
    let s = this(vm, &args)?;
    for v in vm.to_vec(args.get(1).unwrap_or(&Value::None))? {
        if s.contains(vm, &v)? {
            return Ok(Value::Bool(BoolWord::FALSE));
        }
    }
    Ok(Value::Bool(BoolWord::TRUE))
}

fn copy(vm: &Vm, args: Args) -> PyResult {
    Ok(same_kind(&args.pos[0], this(vm, &args)?.copy()))
}

fn add(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "add", 2, 2)?;
    this(vm, &args)?.add(vm, args.pos[1].clone())?;
    Ok(Value::None)
}

fn remove(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "remove", 2, 2)?;
    if !this(vm, &args)?.remove(vm, &args.pos[1])? {
        return Err(vm.key_error(args.pos[1].clone()));
    }
    Ok(Value::None)
}

fn discard(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "discard", 2, 2)?;
    this(vm, &args)?.remove(vm, &args.pos[1])?;
    Ok(Value::None)
}

fn pop(vm: &Vm, args: Args) -> PyResult {
    let s = this(vm, &args)?;
    let first = s.items().into_iter().next();
    match first {
        Some(v) => {
            s.remove(vm, &v)?;
            Ok(v)
        }
        None => Err(vm.key_error(Value::str("pop from an empty set"))),
    }
}

fn clear(vm: &Vm, args: Args) -> PyResult {
    this(vm, &args)?.map.borrow_mut().clear();
    Ok(Value::None)
}

fn update(vm: &Vm, args: Args) -> PyResult {
    let s = this(vm, &args)?;
    for other in &args.pos[1..] {
        for v in vm.to_vec(other)? {
            s.add(vm, v)?;
        }
    }
    Ok(Value::None)
}

fn difference_update(vm: &Vm, args: Args) -> PyResult {
    let s = this(vm, &args)?;
    for other in &args.pos[1..] {
        for v in vm.to_vec(other)? {
            s.remove(vm, &v)?;
        }
    }
    Ok(Value::None)
}

fn intersection_update(vm: &Vm, args: Args) -> PyResult {
    let r = multi(vm, &args, BinOp::And)?;
    let s = this(vm, &args)?;
    if let Value::Set(r) | Value::FrozenSet(r) = r {
        *s.map.borrow_mut() = r.map.borrow().clone();
    }
    Ok(Value::None)
}
