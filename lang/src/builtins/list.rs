//! `list`, `tuple`, `range` and `slice`: constructors and methods.

use crate::objects::{Args, PyResult, Range, Signature, Slice, Style, Value};
use crate::vm::types::{add_declared_methods, add_methods};
use crate::vm::Vm;
use std::rc::Rc;

pub fn install(vm: &Vm) {
    add_methods(
        &vm.types.list,
        "list",
        &[("__new__", list_new), ("__init__", list_init)],
    );
    add_declared_methods(
        &vm.types.list,
        "list",
        &[
            (&LIST_APPEND, append),
            (&LIST_EXTEND, extend),
            (&LIST_INSERT, insert),
            (&LIST_POP, pop),
            (&LIST_REMOVE, remove),
            (&LIST_INDEX, list_index),
            (&LIST_COUNT, list_count),
            (&LIST_CLEAR, clear),
            (&LIST_COPY, copy),
            (&LIST_REVERSE, reverse),
            (&SORT, sort),
        ],
    );
    add_methods(&vm.types.tuple, "tuple", &[("__new__", tuple_new)]);
    add_declared_methods(
        &vm.types.tuple,
        "tuple",
        &[(&TUPLE_INDEX, tuple_index), (&TUPLE_COUNT, tuple_count)],
    );
    add_methods(&vm.types.range, "range", &[("__new__", range_new)]);
    add_declared_methods(
        &vm.types.range,
        "range",
        &[(&RANGE_INDEX, range_index), (&RANGE_COUNT, range_count)],
    );
    add_methods(&vm.types.slice, "slice", &[("__new__", slice_new)]);
    add_declared_methods(&vm.types.slice, "slice", &[(&SLICE_INDICES, slice_indices)]);
}

static LIST_APPEND: Signature = Signature::new(Style::Exact, "list.append", "$self, object, /")
    .doc("Add an item at the end of the list.");
static LIST_EXTEND: Signature = Signature::new(Style::Exact, "list.extend", "$self, iterable, /")
    .doc("Add the items of an iterable at the end of the list.");
static LIST_INSERT: Signature =
    Signature::new(Style::Positional, "list.insert", "$self, index, object, /")
        .doc("Insert an item before the given index.");
static LIST_POP: Signature = Signature::new(Style::Positional, "list.pop", "$self, index=-1, /").doc("Remove the item at index (the last by default) and return it.\n\nRaise IndexError if the list is empty or the index is out of range.");
static LIST_REMOVE: Signature = Signature::new(Style::Exact, "list.remove", "$self, value, /")
    .doc("Remove the first item equal to value; raise ValueError if there is none.");
static LIST_INDEX: Signature = Signature::new(
    Style::Positional,
    "list.index",
    "$self, value, start=0, stop=sys.maxsize, /",
).doc("Return the index of the first item equal to value, looking in [start:stop]; raise ValueError if there is none.");
static LIST_COUNT: Signature = Signature::new(Style::Exact, "list.count", "$self, value, /")
    .doc("Return how many items are equal to value.");
static LIST_CLEAR: Signature =
    Signature::new(Style::Exact, "list.clear", "$self, /").doc("Remove every item from the list.");
static LIST_COPY: Signature =
    Signature::new(Style::Exact, "list.copy", "$self, /").doc("Return a shallow copy of the list.");
static LIST_REVERSE: Signature = Signature::new(Style::Exact, "list.reverse", "$self, /")
    .doc("Reverse the order of the items of the list, in place.");
static TUPLE_INDEX: Signature = Signature::new(
    Style::Positional,
    "tuple.index",
    "$self, value, start=0, stop=sys.maxsize, /",
).doc("Return the index of the first item equal to value, looking in [start:stop]; raise ValueError if there is none.");
static TUPLE_COUNT: Signature = Signature::new(Style::Exact, "tuple.count", "$self, value, /")
    .doc("Return how many items are equal to value.");
static RANGE_INDEX: Signature =
    Signature::undocumented(Style::Exact, "range.index", "$self, value, /").doc(
        "Return the index of value in the range; raise ValueError if the range does not hold it.",
    );
static RANGE_COUNT: Signature =
    Signature::undocumented(Style::Exact, "range.count", "$self, value, /")
        .doc("Return how many times value occurs in the range (0 or 1 for integers).");
static SLICE_INDICES: Signature =
    Signature::undocumented(Style::Exact, "slice.indices", "$self, len, /").doc("Return (start, stop, step) for a sequence of the given length.\n\nThe values are those range() needs to visit the same items as the slice, with missing and negative bounds resolved.");

/// The list a method was called on (a subclass instance's built-in value),
/// borrowed from the arguments.
fn this<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a Rc<crate::objects::PyList>> {
    match args.get(0).map(Value::builtin_base) {
        Some(Value::List(l)) => Ok(l),
        _ => Err(vm.type_error("descriptor requires a 'list' object")),
    }
}

fn list_new(vm: &Vm, args: Args) -> PyResult {
    super::payload::construct(vm, args, &vm.types.list, |vm, args, exact| {
        // A subclass's list is filled by `__init__`, as in CPython; `list(x)`
        // fills it here and skips `__init__`.
        if !exact {
            return Ok(Value::list(Vec::new()));
        }
        args.check(vm, "list", 0, 1)?;
        Ok(Value::list(match args.get(0) {
            Some(v) => vm.to_vec(v)?,
            None => Vec::new(),
        }))
    })
}

/// `list.__init__(self, [iterable])`: `list(x)` skips it (its `__new__` fills the list).
fn list_init(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "list", 1, 2)?;
    let l = this(vm, &args)?;
    let items = match args.get(1) {
        Some(v) => vm.to_vec(v)?,
        None => Vec::new(),
    };
    *l.items.borrow_mut() = items;
    Ok(Value::None)
}

fn tuple_new(vm: &Vm, args: Args) -> PyResult {
    super::payload::construct(vm, args, &vm.types.tuple, |vm, args, _| {
        args.check(vm, "tuple", 0, 1)?;
        Ok(match args.get(0) {
            Some(v @ Value::Tuple(_)) => v.clone(),
            Some(v) => Value::tuple(vm.to_vec(v)?),
            None => Value::tuple(Vec::new()),
        })
    })
}

fn range_new(vm: &Vm, args: Args) -> PyResult {
    let args = args.skip_first();
    args.check(vm, "range", 1, 3)?;
    let int = |v: &Value| -> PyResult<i64> {
        match v {
            Value::Float(_) | Value::Str(_) | Value::None => Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            ))),
            other => vm.to_index(other),
        }
    };
    let (start, stop, step) = match args.len() {
        1 => (0, int(&args.pos[0])?, 1),
        2 => (int(&args.pos[0])?, int(&args.pos[1])?, 1),
        _ => (int(&args.pos[0])?, int(&args.pos[1])?, int(&args.pos[2])?),
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Rc::new(Range { start, stop, step })))
}

fn slice_new(vm: &Vm, args: Args) -> PyResult {
    let args = args.skip_first();
    args.check(vm, "slice", 1, 3)?;
    let a = |i: usize| args.get(i).cloned().unwrap_or_default();
    Ok(Value::Slice(Rc::new(match args.len() {
        1 => Slice {
            start: Value::None,
            stop: a(0),
            step: Value::None,
        },
        2 => Slice {
            start: a(0),
            stop: a(1),
            step: Value::None,
        },
        _ => Slice {
            start: a(0),
            stop: a(1),
            step: a(2),
        },
    })))
}

fn slice_indices(vm: &Vm, args: Args) -> PyResult {
    let ([this, n], []) = SLICE_INDICES.bind(vm, args)?;
    let Value::Slice(s) = this else {
        return Err(vm.type_error("descriptor 'indices' for 'slice' objects doesn't apply"));
    };
    let n = vm.to_index(n)?;
    let (a, b, c) = vm.slice_indices(s, n.max(0) as usize)?;
    Ok(Value::tuple(vec![
        Value::Int(a),
        Value::Int(b),
        Value::Int(c),
    ]))
}

fn append(vm: &Vm, args: Args) -> PyResult {
    let ([_, item], []) = LIST_APPEND.bind(vm, args)?;
    this(vm, &args)?.push(item.clone());
    Ok(Value::None)
}

fn extend(vm: &Vm, args: Args) -> PyResult {
    let ([_, source], []) = LIST_EXTEND.bind(vm, args)?;
    let l = this(vm, &args)?;
    match source {
        source @ (Value::List(_) | Value::Tuple(_)) => {
            let items = vm.to_vec(source)?;
            l.items.borrow_mut().extend(items);
        }
        // Items are appended as they come, so an iterator that fails part
        // way leaves the ones before it in the list, as in CPython.
        source => {
            vm.for_each(source, |item| {
                l.items.borrow_mut().push(item);
                Ok(std::ops::ControlFlow::<()>::Continue(()))
            })?;
        }
    }
    Ok(Value::None)
}

fn insert(vm: &Vm, args: Args) -> PyResult {
    let ([_, index, item], []) = LIST_INSERT.bind(vm, args)?;
    let l = this(vm, &args)?;
    let i = vm.to_index(index)?;
    let mut items = l.items.borrow_mut();
    let n = items.len() as i64;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
    items.insert(i as usize, item.clone());
    Ok(Value::None)
}

fn pop(vm: &Vm, args: Args) -> PyResult {
    let ([_], [index]) = LIST_POP.bind(vm, args)?;
    let l = this(vm, &args)?;
    let mut items = l.items.borrow_mut();
    if items.is_empty() {
        return Err(vm.index_error("pop from empty list"));
    }
    let i = match index {
        Some(v) => vm.to_index(v)?,
        None => -1,
    };
    match Vm::norm_index(i, items.len()) {
        Some(i) => Ok(items.remove(i)),
        None => Err(vm.index_error("pop index out of range")),
    }
}

fn remove(vm: &Vm, args: Args) -> PyResult {
    let ([_, value], []) = LIST_REMOVE.bind(vm, args)?;
    let l = this(vm, &args)?;
    let items = l.snapshot();
    for (i, x) in items.iter().enumerate() {
        if vm.eq(x, value)? {
            l.items.borrow_mut().remove(i);
            return Ok(Value::None);
        }
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn items_of(vm: &Vm, v: &Value) -> PyResult<Vec<Value>> {
    match v.builtin_base() {
        Value::Range(r) => Ok((0..r.len()).map(|i| Value::Int(r.get(i))).collect()),
        other => vm.to_vec(other),
    }
}

// The methods list, tuple and range share: each type's checks its
// arguments against its own signature, then runs the common body.
crate::objects::signature::checked!(
    list_index: LIST_INDEX => index,
    tuple_index: TUPLE_INDEX => index,
    range_index: RANGE_INDEX => index,
    list_count: LIST_COUNT => count,
    tuple_count: TUPLE_COUNT => count,
    range_count: RANGE_COUNT => count,
);

fn index(vm: &Vm, args: Args) -> PyResult {
    let items = items_of(vm, &args.pos[0])?;
    let n = items.len() as i64;
    let norm = |v: Option<&Value>, d: i64| -> PyResult<i64> {
        Ok(match v {
            Some(v) => {
                let i = vm.to_index(v)?;
                if i < 0 {
                    (i + n).max(0)
                } else {
                    i.min(n)
                }
            }
            None => d,
        })
    };
    let (start, end) = (norm(args.get(2), 0)?, norm(args.get(3), n)?);
    for i in start..end {
        if vm.eq(&items[i as usize], &args.pos[1])? {
            return Ok(Value::Int(i));
        }
    }
    Err(vm.value_error(match args.pos[0].builtin_base() {
        Value::List(_) => format!("{} is not in list", vm.repr(&args.pos[1])?),
        Value::Range(_) => format!("{} is not in range", vm.repr(&args.pos[1])?),
        _ => "tuple.index(x): x not in tuple".to_string(),
    }))
}

fn count(vm: &Vm, args: Args) -> PyResult {
    let mut n = 0;
    for x in items_of(vm, &args.pos[0])? {
        if vm.eq(&x, &args.pos[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn clear(vm: &Vm, args: Args) -> PyResult {
    LIST_CLEAR.check(vm, args)?;
    this(vm, &args)?.items.borrow_mut().clear();
    Ok(Value::None)
}

fn copy(vm: &Vm, args: Args) -> PyResult {
    LIST_COPY.check(vm, args)?;
    Ok(Value::list(this(vm, &args)?.snapshot()))
}

fn reverse(vm: &Vm, args: Args) -> PyResult {
    LIST_REVERSE.check(vm, args)?;
    this(vm, &args)?.items.borrow_mut().reverse();
    Ok(Value::None)
}

/// `list.sort`'s parameters; `sorted` takes the same keywords.
pub(crate) static SORT: Signature = Signature::new(
    Style::Clinic,
    "list.sort",
    "$self, /, *, key=None, reverse=False",
).doc("Sort the list in place, in ascending order, and return None.\n\nkey maps each item to what is compared; reverse=True sorts in descending order. The sort is stable: equal items keep their order.");

fn sort(vm: &Vm, args: Args) -> PyResult {
    let ([_], [key, reverse]) = SORT.bind(vm, args)?;
    let l = this(vm, &args)?;
    let key = key.filter(|k| !k.is_none());
    let reverse = match reverse {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    // Sort a copy so that a key function that mutates the list cannot break the sort.
    let mut items = std::mem::take(&mut *l.items.borrow_mut());
    let result = super::sort_values(vm, &mut items, key, reverse);
    *l.items.borrow_mut() = items;
    result?;
    Ok(Value::None)
}
