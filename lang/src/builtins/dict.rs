//! `dict`: the constructor and methods.

use crate::objects::iter::DictView;
use crate::objects::{Args, PyDict, PyResult, Signature, Style, Value};
use crate::vm::types::{add_declared_classmethod, add_declared_methods, add_methods};
use crate::vm::Vm;
use std::rc::Rc;

pub fn install(vm: &Vm) {
    add_methods(
        &vm.types.dict,
        "dict",
        &[("__new__", dict_new), ("__init__", dict_init)],
    );
    add_declared_methods(
        &vm.types.dict,
        "dict",
        &[
            (&GET, get),
            (&KEYS, keys),
            (&VALUES, values),
            (&ITEMS, items),
            (&POP, pop),
            (&POPITEM, popitem),
            (&SETDEFAULT, setdefault),
            (&UPDATE, update),
            (&CLEAR, clear),
            (&COPY, copy),
        ],
    );
    add_declared_classmethod(vm, &vm.types.dict, &FROMKEYS, fromkeys);
}

static GET: Signature =
    Signature::new(Style::Positional, "dict.get", "$self, key, default=None, /")
        .doc("Return the value for key if key is in the dictionary, else default.");
static KEYS: Signature = Signature::undocumented(Style::Exact, "dict.keys", "$self, /")
    .doc("Return a view of the dictionary's keys (a set-like object).");
static VALUES: Signature = Signature::undocumented(Style::Exact, "dict.values", "$self, /")
    .doc("Return a view of the dictionary's values.");
static ITEMS: Signature = Signature::undocumented(Style::Exact, "dict.items", "$self, /")
    .doc("Return a view of the dictionary's (key, value) pairs (a set-like object).");
static POP: Signature = Signature::new(
    Style::Positional,
    "dict.pop",
    "$self, key, default=<unrepresentable>, /",
).doc("Remove key and return its value.\n\nWhen key is missing, return default if one was given; otherwise raise KeyError.");
static POPITEM: Signature = Signature::new(Style::Exact, "dict.popitem", "$self, /").doc("Remove and return the (key, value) pair added last.\n\nRaise KeyError when the dictionary is empty.");
static SETDEFAULT: Signature = Signature::new(
    Style::Positional,
    "dict.setdefault",
    "$self, key, default=None, /",
)
.doc("Return the value for key, first inserting key with default as its value if key is missing.");
static UPDATE: Signature = Signature::undocumented(
    Style::Positional,
    "dict.update",
    "$self, other=<unrepresentable>, /, **kwargs",
).doc("Add the pairs of a mapping or of an iterable of pairs, then the keyword arguments, to the dictionary.\n\nExisting keys get the new values.");
static CLEAR: Signature = Signature::undocumented(Style::Exact, "dict.clear", "$self, /")
    .doc("Remove every item from the dictionary.");
static COPY: Signature = Signature::undocumented(Style::Exact, "dict.copy", "$self, /")
    .doc("Return a shallow copy of the dictionary.");
static FROMKEYS: Signature = Signature::new(
    Style::Positional,
    "dict.fromkeys",
    "$type, iterable, value=None, /",
)
.doc("Return a new dictionary with the keys of an iterable, each with value as its value.");

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
    update_with(vm, args)
}

fn get(vm: &Vm, args: Args) -> PyResult {
    GET.check(vm, args)?;
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
    KEYS.check(vm, args)?;
    view(vm, &args, DictView::Keys)
}

fn values(vm: &Vm, args: Args) -> PyResult {
    VALUES.check(vm, args)?;
    view(vm, &args, DictView::Values)
}

fn items(vm: &Vm, args: Args) -> PyResult {
    ITEMS.check(vm, args)?;
    view(vm, &args, DictView::Items)
}

fn pop(vm: &Vm, args: Args) -> PyResult {
    POP.check(vm, args)?;
    match this(vm, &args)?.remove(vm, &args.pos[1])? {
        Some(v) => Ok(v),
        None => args
            .get(2)
            .cloned()
            .ok_or_else(|| vm.key_error(args.pos[1].clone())),
    }
}

fn popitem(vm: &Vm, args: Args) -> PyResult {
    POPITEM.check(vm, args)?;
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
    SETDEFAULT.check(vm, args)?;
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
    UPDATE.check(vm, args)?;
    update_with(vm, args)
}

/// `d.update(other, **kw)` once the arguments are checked.
fn update_with(vm: &Vm, args: Args) -> PyResult {
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
    CLEAR.check(vm, args)?;
    this(vm, &args)?.clear();
    Ok(Value::None)
}

fn copy(vm: &Vm, args: Args) -> PyResult {
    COPY.check(vm, args)?;
    Ok(Value::Dict(crate::objects::gc::new(
        this(vm, &args)?.copy(),
    )))
}

fn fromkeys(vm: &Vm, args: Args) -> PyResult {
    let ([_, src], [value]) = FROMKEYS.bind(vm, args)?;
    let d = PyDict::new();
    let value = value.cloned().unwrap_or_default();
    for k in vm.to_vec(src)? {
        d.set(vm, k, value.clone())?;
    }
    Ok(Value::Dict(crate::objects::gc::new(d)))
}
