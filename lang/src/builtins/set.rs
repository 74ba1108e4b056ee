//! `set`, `frozenset` and the dict views (`keys()`, `values()`, `items()`).

use crate::objects::gc::Visitor;
use crate::objects::iter::{DictView, IterState};
use crate::objects::BoolWord;
use crate::objects::{
    Args, Class, NativeIter, NativeObject, PyDict, PyResult, PySet, Signature, Style, Value,
};
use crate::vm::ops::{BinOp, CmpOp};
use crate::vm::types::{add_declared_methods, add_methods, new_final_class};
use crate::vm::Vm;
use std::any::Any;
use std::ops::ControlFlow;
use std::rc::Rc;

pub fn install(vm: &Vm) {
    add_declared_methods(
        &vm.types.set,
        "set",
        &[
            (&UNION, set_union),
            (&INTERSECTION, set_intersection),
            (&DIFFERENCE, set_difference),
            (&SET_SYMMETRIC_DIFFERENCE, set_symmetric_difference),
            (&SET_ISSUBSET, set_issubset),
            (&SET_ISSUPERSET, set_issuperset),
            (&SET_ISDISJOINT, set_isdisjoint),
            (&SET_COPY, set_copy),
            (&ADD, add),
            (&REMOVE, remove),
            (&DISCARD, discard),
            (&POP, pop),
            (&CLEAR, clear),
            (&UPDATE, update),
            (&DIFFERENCE_UPDATE, difference_update),
            (&INTERSECTION_UPDATE, intersection_update),
            (
                &SYMMETRIC_DIFFERENCE_UPDATE,
                symmetric_difference_update_method,
            ),
        ],
    );
    add_declared_methods(
        &vm.types.frozenset,
        "frozenset",
        &[
            (&FROZENSET_UNION, frozenset_union),
            (&FROZENSET_INTERSECTION, frozenset_intersection),
            (&FROZENSET_DIFFERENCE, frozenset_difference),
            (
                &FROZENSET_SYMMETRIC_DIFFERENCE,
                frozenset_symmetric_difference,
            ),
            (&FROZENSET_ISSUBSET, frozenset_issubset),
            (&FROZENSET_ISSUPERSET, frozenset_issuperset),
            (&FROZENSET_ISDISJOINT, frozenset_isdisjoint),
            (&FROZENSET_COPY, frozenset_copy),
        ],
    );
    add_methods(
        &vm.types.set,
        "set",
        &[("__new__", set_new), ("__init__", set_init)],
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
        if key != "dict_values" {
            add_methods(&c, name, VIEW_SET_METHODS);
        }
    }
}

/// What keys and items views share with sets (values views have none of
/// it: their items need not be hashable).
const VIEW_SET_METHODS: &[(&str, crate::objects::NativeFn)] = &[
    ("__sub__", |vm, args| {
        view_set_op(vm, &args, BinOp::Sub, false)
    }),
    ("__rsub__", |vm, args| {
        view_set_op(vm, &args, BinOp::Sub, true)
    }),
    ("__and__", |vm, args| {
        view_set_op(vm, &args, BinOp::And, false)
    }),
    ("__rand__", |vm, args| {
        view_set_op(vm, &args, BinOp::And, true)
    }),
    ("__or__", |vm, args| {
        view_set_op(vm, &args, BinOp::Or, false)
    }),
    ("__ror__", |vm, args| {
        view_set_op(vm, &args, BinOp::Or, true)
    }),
    ("__xor__", |vm, args| {
        view_set_op(vm, &args, BinOp::Xor, false)
    }),
    ("__rxor__", |vm, args| {
        view_set_op(vm, &args, BinOp::Xor, true)
    }),
    ("__eq__", |vm, args| view_compare(vm, &args, CmpOp::Eq)),
    ("__ne__", |vm, args| view_compare(vm, &args, CmpOp::Ne)),
    ("__lt__", |vm, args| view_compare(vm, &args, CmpOp::Lt)),
    ("__le__", |vm, args| view_compare(vm, &args, CmpOp::Le)),
    ("__gt__", |vm, args| view_compare(vm, &args, CmpOp::Gt)),
    ("__ge__", |vm, args| view_compare(vm, &args, CmpOp::Ge)),
    ("isdisjoint", view_isdisjoint),
];

/// `view OP other` (or `other OP view` when `reflected`), as CPython
/// computes it: a new set of the left operand's items, combined with the
/// right operand's, which may be any iterable.
fn view_set_op(vm: &Vm, args: &Args, op: BinOp, reflected: bool) -> PyResult {
    args.check(vm, "set operation", 2, 2)?;
    let (left, right) = if reflected {
        (&args.pos[1], &args.pos[0])
    } else {
        (&args.pos[0], &args.pos[1])
    };
    let result = set_from(vm, Some(left))?;
    match op {
        BinOp::Or => update_internal(vm, &result, right)?,
        BinOp::Sub => difference_update_internal(vm, &result, right)?,
        BinOp::Xor => symmetric_difference_update(vm, &result, right)?,
        _ => return Ok(Value::set(intersection(vm, &Rc::new(result), right)?)),
    }
    Ok(Value::set(result))
}

/// Comparisons of a keys or items view with a set, a frozenset or another
/// such view, as sets; NotImplemented for anything else.
fn view_compare(vm: &Vm, args: &Args, op: CmpOp) -> PyResult {
    args.check(vm, "comparison", 2, 2)?;
    let set_like = |v: &Value| match v {
        Value::Set(_) | Value::FrozenSet(_) => Some(Ok(v.clone())),
        other => other
            .downcast_native::<DictViewObj>()
            .filter(|view| view.view != DictView::Values)
            .map(|_| set_from(vm, Some(other)).map(Value::set)),
    };
    let (Some(mine), Some(theirs)) = (set_like(&args.pos[0]), set_like(&args.pos[1])) else {
        return Ok(Value::NotImplemented);
    };
    vm.compare(&mine?, &theirs?, op)
}

/// `view.isdisjoint(iterable)`: True if no item of the iterable is in the view.
fn view_isdisjoint(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "isdisjoint", 2, 2)?;
    let mine = set_from(vm, Some(&args.pos[0]))?;
    let mut disjoint = true;
    vm.for_each(&args.pos[1], |item| {
        if mine.contains(vm, &item)? {
            disjoint = false;
            return Ok(ControlFlow::Break(()));
        }
        Ok(ControlFlow::Continue(()))
    })?;
    Ok(Value::from_bool(disjoint))
}

// Docstrings of the methods set and frozenset share.
const UNION_DOC: &str = "Return a new set with the items of this set and of all the others.";
const INTERSECTION_DOC: &str =
    "Return a new set with the items this set shares with all the others.";
const DIFFERENCE_DOC: &str =
    "Return a new set with the items of this set that none of the others holds.";
const SYMMETRIC_DIFFERENCE_DOC: &str =
    "Return a new set with the items in exactly one of this set and other.";
const ISSUBSET_DOC: &str = "Return True if every item of this set is in other.";
const ISSUPERSET_DOC: &str = "Return True if every item of other is in this set.";
const ISDISJOINT_DOC: &str = "Return True if this set and other have no item in common.";

static UNION: Signature =
    Signature::undocumented(Style::ParseTuple, "set.union", "$self, *others").doc(UNION_DOC);
static INTERSECTION: Signature =
    Signature::undocumented(Style::ParseTuple, "set.intersection", "$self, *others")
        .doc(INTERSECTION_DOC);
static DIFFERENCE: Signature =
    Signature::undocumented(Style::ParseTuple, "set.difference", "$self, *others")
        .doc(DIFFERENCE_DOC);
static SET_SYMMETRIC_DIFFERENCE: Signature =
    Signature::undocumented(Style::Exact, "set.symmetric_difference", "$self, other, /")
        .doc(SYMMETRIC_DIFFERENCE_DOC);
static FROZENSET_SYMMETRIC_DIFFERENCE: Signature = Signature::undocumented(
    Style::Exact,
    "frozenset.symmetric_difference",
    "$self, other, /",
)
.doc(SYMMETRIC_DIFFERENCE_DOC);
static SET_ISSUBSET: Signature =
    Signature::undocumented(Style::Exact, "set.issubset", "$self, other, /").doc(ISSUBSET_DOC);
static FROZENSET_ISSUBSET: Signature =
    Signature::undocumented(Style::Exact, "frozenset.issubset", "$self, other, /")
        .doc(ISSUBSET_DOC);
static SET_ISSUPERSET: Signature =
    Signature::undocumented(Style::Exact, "set.issuperset", "$self, other, /").doc(ISSUPERSET_DOC);
static FROZENSET_ISSUPERSET: Signature =
    Signature::undocumented(Style::Exact, "frozenset.issuperset", "$self, other, /")
        .doc(ISSUPERSET_DOC);
static SET_ISDISJOINT: Signature =
    Signature::undocumented(Style::Exact, "set.isdisjoint", "$self, other, /").doc(ISDISJOINT_DOC);
static FROZENSET_ISDISJOINT: Signature =
    Signature::undocumented(Style::Exact, "frozenset.isdisjoint", "$self, other, /")
        .doc(ISDISJOINT_DOC);
static SET_COPY: Signature = Signature::undocumented(Style::Exact, "set.copy", "$self, /")
    .doc("Return a shallow copy of the set.");
static FROZENSET_COPY: Signature =
    Signature::undocumented(Style::Exact, "frozenset.copy", "$self, /")
        .doc("Return the frozenset itself: it cannot change, so a copy is not needed.");
static ADD: Signature = Signature::undocumented(Style::Exact, "set.add", "$self, object, /")
    .doc("Add an item to the set (nothing happens if it is there already).");
static REMOVE: Signature = Signature::undocumented(Style::Exact, "set.remove", "$self, object, /")
    .doc("Remove an item from the set; raise KeyError if it is not there.");
static DISCARD: Signature =
    Signature::undocumented(Style::Exact, "set.discard", "$self, object, /")
        .doc("Remove an item from the set if it is there.");
static POP: Signature = Signature::undocumented(Style::Exact, "set.pop", "$self, /")
    .doc("Remove and return an arbitrary item of the set; raise KeyError if the set is empty.");
static CLEAR: Signature = Signature::undocumented(Style::Exact, "set.clear", "$self, /")
    .doc("Remove every item from the set.");
static UPDATE: Signature =
    Signature::undocumented(Style::ParseTuple, "set.update", "$self, *others")
        .doc("Add the items of all the others to this set.");
static DIFFERENCE_UPDATE: Signature =
    Signature::undocumented(Style::ParseTuple, "set.difference_update", "$self, *others")
        .doc("Remove from this set the items that any of the others holds.");
static INTERSECTION_UPDATE: Signature = Signature::undocumented(
    Style::ParseTuple,
    "set.intersection_update",
    "$self, *others",
)
.doc("Keep in this set only the items that all the others hold.");
static SYMMETRIC_DIFFERENCE_UPDATE: Signature = Signature::undocumented(
    Style::Exact,
    "set.symmetric_difference_update",
    "$self, other, /",
)
.doc("Keep in this set the items in exactly one of this set and other.");

static FROZENSET_UNION: Signature =
    Signature::undocumented(Style::ParseTuple, "frozenset.union", "$self, *others").doc(UNION_DOC);
static FROZENSET_INTERSECTION: Signature = Signature::undocumented(
    Style::ParseTuple,
    "frozenset.intersection",
    "$self, *others",
)
.doc(INTERSECTION_DOC);
static FROZENSET_DIFFERENCE: Signature =
    Signature::undocumented(Style::ParseTuple, "frozenset.difference", "$self, *others")
        .doc(DIFFERENCE_DOC);

// The methods set and frozenset share: each type's checks its arguments
// against its own signature, then runs the common body.
crate::objects::signature::checked!(
    set_union: UNION => union,
    frozenset_union: FROZENSET_UNION => union,
    set_intersection: INTERSECTION => intersection_method,
    frozenset_intersection: FROZENSET_INTERSECTION => intersection_method,
    set_difference: DIFFERENCE => difference_method,
    frozenset_difference: FROZENSET_DIFFERENCE => difference_method,
    set_symmetric_difference: SET_SYMMETRIC_DIFFERENCE => symmetric_difference,
    frozenset_symmetric_difference: FROZENSET_SYMMETRIC_DIFFERENCE => symmetric_difference,
    set_issubset: SET_ISSUBSET => issubset,
    frozenset_issubset: FROZENSET_ISSUBSET => issubset,
    set_issuperset: SET_ISSUPERSET => issuperset,
    frozenset_issuperset: FROZENSET_ISSUPERSET => issuperset,
    set_isdisjoint: SET_ISDISJOINT => isdisjoint,
    frozenset_isdisjoint: FROZENSET_ISDISJOINT => isdisjoint,
    set_copy: SET_COPY => copy,
    frozenset_copy: FROZENSET_COPY => copy,
);

/// A live view of a dict's keys, values or items.
pub struct DictViewObj {
    class: Rc<Class>,
    pub dict: Rc<PyDict>,
    pub view: DictView,
}

impl NativeObject for DictViewObj {
    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.rc(&self.dict);
    }
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

/// Calls `f` on each item of the iterable `v`.
fn each(vm: &Vm, v: &Value, mut f: impl FnMut(Value) -> PyResult<()>) -> PyResult<()> {
    vm.for_each(v, |item| f(item).map(|()| ControlFlow::<()>::Continue(())))?;
    Ok(())
}

/// A new set of the elements of `v` (CPython's `make_new_set`).
fn set_from(vm: &Vm, v: Option<&Value>) -> PyResult<PySet> {
    let s = PySet::new();
    if let Some(v) = v {
        update_internal(vm, &s, v)?;
    }
    Ok(s)
}

/// Adds the elements of `other` to `s`: a set is merged table to table, a
/// dict's keys are added with their hashes after one resize, anything else
/// is iterated.
pub(crate) fn update_internal(vm: &Vm, s: &PySet, other: &Value) -> PyResult<()> {
    match other {
        Value::Set(o) | Value::FrozenSet(o) => s.merge(vm, o),
        Value::Dict(d) => {
            s.reserve_for(vm, d.len())?;
            for k in d.keys_with_hashes() {
                s.add_hashed(vm, k.key, k.hash)?;
            }
            Ok(())
        }
        _ => each(vm, other, |item| s.add(vm, item)),
    }
}

fn set_new(vm: &Vm, args: Args) -> PyResult {
    super::payload::construct(vm, args, &vm.types.set, |vm, args, exact| {
        // A subclass's set is filled by `__init__`, as in CPython.
        if !exact {
            return Ok(Value::Set(crate::objects::gc::new(PySet::new())));
        }
        args.check(vm, "set", 0, 1)?;
        Ok(Value::Set(crate::objects::gc::new(set_from(
            vm,
            args.get(0),
        )?)))
    })
}

/// `set.__init__(self, [iterable])`: `set(x)` skips it (its `__new__` fills the set).
fn set_init(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "set", 1, 2)?;
    let s = this(vm, &args)?;
    let items = set_from(vm, args.get(1))?;
    s.swap_bodies(&items);
    Ok(Value::None)
}

fn frozenset_new(vm: &Vm, args: Args) -> PyResult {
    super::payload::construct(vm, args, &vm.types.frozenset, |vm, args, exact| {
        args.check(vm, "frozenset", 0, 1)?;
        // `frozenset(f)` of a frozenset is `f` itself, as in CPython.
        if let (true, Some(v @ Value::FrozenSet(_))) = (exact, args.get(0)) {
            return Ok(v.clone());
        }
        Ok(Value::frozenset(set_from(vm, args.get(0))?))
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
        Value::FrozenSet(_) => Value::FrozenSet(crate::objects::gc::new_frozenset(s)),
        _ => Value::Set(crate::objects::gc::new(s)),
    }
}

/// The set `other` is, if it is one.
fn as_set(other: &Value) -> Option<&Rc<PySet>> {
    match other {
        Value::Set(o) | Value::FrozenSet(o) => Some(o),
        _ => None,
    }
}

/// `so & other`: walks the smaller set (the right one on a tie) and keeps
/// what the other holds; an iterable other is walked in its order.
fn intersection(vm: &Vm, so: &Rc<PySet>, other: &Value) -> PyResult<PySet> {
    let result = PySet::new();
    match as_set(other) {
        Some(o) if Rc::ptr_eq(o, so) => return so.copy_in(vm),
        Some(o) => {
            let (probe, walk) = if o.len() > so.len() { (o, so) } else { (so, o) };
            for k in walk.entries() {
                if probe.contains_hashed(vm, &k.key, k.hash)? {
                    result.add_hashed(vm, k.key, k.hash)?;
                }
            }
        }
        None => each(vm, other, |item| {
            let hash = vm.hash(&item)?;
            if so.contains_hashed(vm, &item, hash)? {
                result.add_hashed(vm, item, hash)?;
            }
            Ok(())
        })?,
    }
    Ok(result)
}

/// `so - other`: when `so` is much bigger than `other` (or `other` is a
/// plain iterable), a copy of `so` with `other` removed; else the elements
/// of `so` that `other` lacks.
fn difference(vm: &Vm, so: &Rc<PySet>, other: &Value) -> PyResult<PySet> {
    let other_len = match other {
        Value::Set(o) | Value::FrozenSet(o) => Some(o.len()),
        Value::Dict(d) => Some(d.len()),
        _ => None,
    };
    if !matches!(other_len, Some(n) if (so.len() >> 2) <= n) {
        let result = so.copy_in(vm)?;
        difference_update_internal(vm, &result, other)?;
        return Ok(result);
    }
    let result = PySet::new();
    for k in so.entries() {
        let present = match other {
            Value::Dict(d) => d.contains_hashed(vm, &k.key, k.hash)?,
            Value::Set(o) | Value::FrozenSet(o) => o.contains_hashed(vm, &k.key, k.hash)?,
            // Other values took the copy-and-remove path above.
            _ => false,
        };
        if !present {
            result.add_hashed(vm, k.key, k.hash)?;
        }
    }
    Ok(result)
}

/// `so -= other`; a set more than 8 times bigger than `so` is first cut
/// down to the intersection. Ends by clearing away dummies if they fill
/// more than a quarter of the table.
fn difference_update_internal(vm: &Vm, so: &PySet, other: &Value) -> PyResult<()> {
    match as_set(other) {
        Some(o) if std::ptr::eq(&**o, so) => {
            so.clear();
            return Ok(());
        }
        Some(o) => {
            let entries = if (o.len() >> 3) > so.len() {
                let so_rc = Rc::new(so.copy());
                intersection(vm, &so_rc, other)?.entries()
            } else {
                o.entries()
            };
            for k in entries {
                so.remove_hashed(vm, &k.key, k.hash)?;
            }
        }
        None => each(vm, other, |item| so.remove(vm, &item).map(drop))?,
    }
    so.shrink_dummies(vm)
}

/// `so ^= other`: each element of `other` is removed from `so` if there,
/// else added (a plain iterable is first made a set).
fn symmetric_difference_update(vm: &Vm, so: &PySet, other: &Value) -> PyResult<()> {
    let entries = match other {
        Value::Set(o) | Value::FrozenSet(o) if std::ptr::eq(&**o, so) => {
            so.clear();
            return Ok(());
        }
        Value::Set(o) | Value::FrozenSet(o) => o.entries(),
        Value::Dict(d) => d.keys_with_hashes(),
        _ => set_from(vm, Some(other))?.entries(),
    };
    for k in entries {
        if !so.remove_hashed(vm, &k.key, k.hash)? {
            so.add_hashed(vm, k.key, k.hash)?;
        }
    }
    Ok(())
}

/// `so ^ other`: a new set of `other`'s elements, updated with `so`'s.
fn symmetric_difference_of(vm: &Vm, so: &Value, other: &Value) -> PyResult<PySet> {
    let result = set_from(vm, Some(other))?;
    symmetric_difference_update(vm, &result, so)?;
    Ok(result)
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` for sets (in place when `inplace`
/// and `a` is a mutable set).
pub fn set_binary(vm: &Vm, a: &Value, b: &Value, op: BinOp, inplace: bool) -> PyResult<Value> {
    let (Value::Set(x) | Value::FrozenSet(x), Value::Set(_) | Value::FrozenSet(_)) = (a, b) else {
        return Err(vm.type_error("set operation on non-sets"));
    };
    if inplace && matches!(a, Value::Set(_)) {
        match op {
            BinOp::Or => update_internal(vm, x, b)?,
            BinOp::And => x.swap_bodies(&intersection(vm, x, b)?),
            BinOp::Sub => difference_update_internal(vm, x, b)?,
            _ => symmetric_difference_update(vm, x, b)?,
        }
        return Ok(a.clone());
    }
    let result = match op {
        BinOp::Or => {
            let r = x.copy_in(vm)?;
            update_internal(vm, &r, b)?;
            r
        }
        BinOp::And => intersection(vm, x, b)?,
        BinOp::Sub => difference(vm, x, b)?,
        _ => symmetric_difference_of(vm, a, b)?,
    };
    Ok(same_kind(a, result))
}

fn union(vm: &Vm, args: Args) -> PyResult {
    let so = this(vm, &args)?;
    let result = so.copy_in(vm)?;
    for other in &args.pos[1..] {
        if !matches!(as_set(other), Some(o) if Rc::ptr_eq(o, &so)) {
            update_internal(vm, &result, other)?;
        }
    }
    Ok(same_kind(&args.pos[0], result))
}

/// The intersection of `so` with every set of `others`, in turn.
fn intersection_all(vm: &Vm, so: &Rc<PySet>, others: &[Value]) -> PyResult<PySet> {
    let mut acc = match others.split_first() {
        None => return so.copy_in(vm),
        Some((first, _)) => Rc::new(intersection(vm, so, first)?),
    };
    for other in &others[1..] {
        acc = Rc::new(intersection(vm, &acc, other)?);
    }
    Ok(Rc::try_unwrap(acc).unwrap_or_else(|rc| rc.copy()))
}

fn intersection_method(vm: &Vm, args: Args) -> PyResult {
    let so = this(vm, &args)?;
    let result = intersection_all(vm, &so, &args.pos[1..])?;
    Ok(same_kind(&args.pos[0], result))
}

fn intersection_update(vm: &Vm, args: Args) -> PyResult {
    INTERSECTION_UPDATE.check(vm, args)?;
    let so = this(vm, &args)?;
    let result = intersection_all(vm, &so, &args.pos[1..])?;
    so.swap_bodies(&result);
    Ok(Value::None)
}

fn difference_method(vm: &Vm, args: Args) -> PyResult {
    let so = this(vm, &args)?;
    let result = match &args.pos[1..] {
        [] => so.copy_in(vm)?,
        [other] => difference(vm, &so, other)?,
        others => {
            let r = so.copy_in(vm)?;
            for other in others {
                difference_update_internal(vm, &r, other)?;
            }
            r
        }
    };
    Ok(same_kind(&args.pos[0], result))
}

fn difference_update(vm: &Vm, args: Args) -> PyResult {
    DIFFERENCE_UPDATE.check(vm, args)?;
    let so = this(vm, &args)?;
    for other in &args.pos[1..] {
        difference_update_internal(vm, &so, other)?;
    }
    Ok(Value::None)
}

fn symmetric_difference(vm: &Vm, args: Args) -> PyResult {
    let result = symmetric_difference_of(vm, &args.pos[0], &args.pos[1])?;
    Ok(same_kind(&args.pos[0], result))
}

fn symmetric_difference_update_method(vm: &Vm, args: Args) -> PyResult {
    SYMMETRIC_DIFFERENCE_UPDATE.check(vm, args)?;
    symmetric_difference_update(vm, &*this(vm, &args)?, &args.pos[1])?;
    Ok(Value::None)
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
    if let Value::FrozenSet(_) = &args.pos[0] {
        return Ok(args.pos[0].clone());
    }
    Ok(same_kind(&args.pos[0], this(vm, &args)?.copy_in(vm)?))
}

fn add(vm: &Vm, args: Args) -> PyResult {
    ADD.check(vm, args)?;
    this(vm, &args)?.add(vm, args.pos[1].clone())?;
    Ok(Value::None)
}

fn remove(vm: &Vm, args: Args) -> PyResult {
    REMOVE.check(vm, args)?;
    if !this(vm, &args)?.remove(vm, &args.pos[1])? {
        return Err(vm.key_error(args.pos[1].clone()));
    }
    Ok(Value::None)
}

fn discard(vm: &Vm, args: Args) -> PyResult {
    DISCARD.check(vm, args)?;
    this(vm, &args)?.remove(vm, &args.pos[1])?;
    Ok(Value::None)
}

fn pop(vm: &Vm, args: Args) -> PyResult {
    POP.check(vm, args)?;
    this(vm, &args)?
        .pop()
        .ok_or_else(|| vm.key_error(Value::str("pop from an empty set")))
}

fn clear(vm: &Vm, args: Args) -> PyResult {
    CLEAR.check(vm, args)?;
    this(vm, &args)?.clear();
    Ok(Value::None)
}

fn update(vm: &Vm, args: Args) -> PyResult {
    UPDATE.check(vm, args)?;
    let s = this(vm, &args)?;
    for other in &args.pos[1..] {
        update_internal(vm, &s, other)?;
    }
    Ok(Value::None)
}
