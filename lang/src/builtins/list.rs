//! `list`, `tuple`, `range` and `slice`: constructors and methods.

use crate::objects::{Args, PyResult, Range, Signature, Slice, Style, Value};
use crate::vm::types::{add_declared_methods, add_methods};
use crate::vm::Vm;
use std::rc::Rc;

pub fn install(vm: &Vm) {
    add_methods(
        &vm.types.list,
        "list",
        &[
            ("__new__", list_new),
            ("__init__", list_init),
            ("append", append),
            ("extend", extend),
            ("insert", insert),
            ("pop", pop),
            ("remove", remove),
            ("index", index),
            ("count", count),
            ("clear", clear),
            ("copy", copy),
            ("reverse", reverse),
        ],
    );
    add_declared_methods(&vm.types.list, "list", &[(&SORT, sort)]);
    add_methods(
        &vm.types.tuple,
        "tuple",
        &[("__new__", tuple_new), ("index", index), ("count", count)],
    );
    add_methods(
        &vm.types.range,
        "range",
        &[("__new__", range_new), ("index", index), ("count", count)],
    );
    add_methods(
        &vm.types.slice,
        "slice",
        &[("__new__", slice_new), ("indices", slice_indices)],
    );
}

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
    let (Some(Value::Slice(s)), Some(n)) = (args.get(0), args.get(1)) else {
        return Err(vm.type_error("slice.indices() requires a length"));
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
    args.check(vm, "append", 2, 2)?;
    this(vm, &args)?.push(args.pos[1].clone());
    Ok(Value::None)
}

fn extend(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "extend", 2, 2)?;
    let l = this(vm, &args)?;
    match &args.pos[1] {
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
    args.check(vm, "insert", 3, 3)?;
    let l = this(vm, &args)?;
    let i = vm.to_index(&args.pos[1])?;
    let mut items = l.items.borrow_mut();
    let n = items.len() as i64;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
    items.insert(i as usize, args.pos[2].clone());
    Ok(Value::None)
}

fn pop(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "pop", 1, 2)?;
    let l = this(vm, &args)?;
    let mut items = l.items.borrow_mut();
    if items.is_empty() {
        return Err(vm.index_error("pop from empty list"));
    }
    let i = match args.get(1) {
        Some(v) => vm.to_index(v)?,
        None => -1,
    };
    match Vm::norm_index(i, items.len()) {
        Some(i) => Ok(items.remove(i)),
        None => Err(vm.index_error("pop index out of range")),
    }
}

fn remove(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "remove", 2, 2)?;
    let l = this(vm, &args)?;
    let items = l.snapshot();
    for (i, x) in items.iter().enumerate() {
        if vm.eq(x, &args.pos[1])? {
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

fn index(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "index", 2, 4)?;
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
    args.check(vm, "count", 2, 2)?;
    let mut n = 0;
    for x in items_of(vm, &args.pos[0])? {
        if vm.eq(&x, &args.pos[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn clear(vm: &Vm, args: Args) -> PyResult {
    this(vm, &args)?.items.borrow_mut().clear();
    Ok(Value::None)
}

fn copy(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::list(this(vm, &args)?.snapshot()))
}

fn reverse(vm: &Vm, args: Args) -> PyResult {
    this(vm, &args)?.items.borrow_mut().reverse();
    Ok(Value::None)
}

/// `list.sort`'s parameters; `sorted` takes the same keywords.
pub(crate) static SORT: Signature = Signature::new(
    Style::Clinic,
    "list.sort",
    "$self, /, *, key=None, reverse=False",
);

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
