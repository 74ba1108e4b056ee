//! `itertools`: lazy iterator building blocks, native.
//!
//! Every iterator is one [`ItertoolsIter`] whose state is an enum variant per
//! kind; each kind has its own class (`itertools.chain`, ...) so that `type()`
//! and reprs match CPython. The state is taken out of its cell while a step
//! calls back into the VM, so re-entrant use cannot observe it half-updated.

use crate::objects::class::Layout;
use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Class, Module, NativeObject, PyResult, Value};
use crate::vm::ops::BinOp;
use crate::vm::types::{add_declared_classmethod, add_declared_methods, add_methods, new_class};
use crate::vm::Vm;
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with_declared(vm, "itertools", &[(&TEE, tee)]);
    for kind in KINDS {
        let class = kind_class(vm, kind.name);
        super::set(&m, kind.name, Value::Class(class));
    }
    Ok(m)
}

/// An iterator kind: its class name and constructor.
struct Kind {
    name: &'static str,
    /// The `lazy_class` key (qualified, so it cannot clash with other modules' classes).
    key: &'static str,
    new: fn(&Vm, Args) -> PyResult<State>,
}

const KINDS: &[Kind] = &[
    Kind {
        name: "count",
        key: "itertools.count",
        new: count_new,
    },
    Kind {
        name: "cycle",
        key: "itertools.cycle",
        new: cycle_new,
    },
    Kind {
        name: "repeat",
        key: "itertools.repeat",
        new: repeat_new,
    },
    Kind {
        name: "chain",
        key: "itertools.chain",
        new: chain_new,
    },
    Kind {
        name: "islice",
        key: "itertools.islice",
        new: islice_new,
    },
    Kind {
        name: "takewhile",
        key: "itertools.takewhile",
        new: takewhile_new,
    },
    Kind {
        name: "dropwhile",
        key: "itertools.dropwhile",
        new: dropwhile_new,
    },
    Kind {
        name: "accumulate",
        key: "itertools.accumulate",
        new: accumulate_new,
    },
    Kind {
        name: "product",
        key: "itertools.product",
        new: product_new,
    },
    Kind {
        name: "permutations",
        key: "itertools.permutations",
        new: permutations_new,
    },
    Kind {
        name: "combinations",
        key: "itertools.combinations",
        new: combinations_new,
    },
    Kind {
        name: "combinations_with_replacement",
        key: "itertools.combinations_with_replacement",
        new: combinations_wr_new,
    },
    Kind {
        name: "zip_longest",
        key: "itertools.zip_longest",
        new: zip_longest_new,
    },
    Kind {
        name: "groupby",
        key: "itertools.groupby",
        new: groupby_new,
    },
    Kind {
        name: "starmap",
        key: "itertools.starmap",
        new: starmap_new,
    },
    Kind {
        name: "pairwise",
        key: "itertools.pairwise",
        new: pairwise_new,
    },
    Kind {
        name: "compress",
        key: "itertools.compress",
        new: compress_new,
    },
    Kind {
        name: "filterfalse",
        key: "itertools.filterfalse",
        new: filterfalse_new,
    },
];

enum State {
    /// Taken out while a step runs.
    Busy,
    Done,
    Count {
        next: Value,
        step: Value,
    },
    Cycle {
        it: Option<Value>,
        saved: Vec<Value>,
        index: usize,
    },
    Repeat {
        obj: Value,
        remaining: Option<i64>,
    },
    Chain {
        sources: Value,
        current: Option<Value>,
    },
    ISlice {
        it: Value,
        next_index: usize,
        stop: Option<usize>,
        step: usize,
        position: usize,
    },
    TakeWhile {
        pred: Value,
        it: Value,
    },
    DropWhile {
        pred: Value,
        it: Value,
        dropping: bool,
    },
    Accumulate {
        it: Value,
        func: Option<Value>,
        total: Option<Value>,
        initial: Option<Value>,
    },
    /// product / permutations / combinations: pools and the current indices.
    Product {
        pools: Vec<Vec<Value>>,
        indices: Vec<usize>,
        first: bool,
    },
    Permutations {
        pool: Vec<Value>,
        r: usize,
        indices: Vec<usize>,
        cycles: Vec<usize>,
        first: bool,
    },
    Combinations {
        pool: Vec<Value>,
        indices: Vec<usize>,
        first: bool,
        replace: bool,
    },
    ZipLongest {
        iters: Vec<Option<Value>>,
        fill: Value,
    },
    /// The groupby state is shared with its groupers (taken out while a step runs).
    GroupBy(Rc<RefCell<Option<GroupBy>>>),
    Grouper {
        parent: Rc<RefCell<Option<GroupBy>>>,
        key: Value,
        id: u64,
    },
    StarMap {
        func: Value,
        it: Value,
    },
    Pairwise {
        it: Value,
        last: Option<Value>,
    },
    Compress {
        data: Value,
        selectors: Value,
    },
    FilterFalse {
        pred: Value,
        it: Value,
    },
    Tee {
        shared: Rc<RefCell<TeeShared>>,
        index: usize,
    },
}

struct GroupBy {
    it: Value,
    key: Value,
    /// The key of the current group and of the last value read (None before the first).
    tgtkey: Option<Value>,
    currkey: Option<Value>,
    currvalue: Option<Value>,
    /// Identifies the current group; older groupers stop when it changes.
    id: u64,
}

/// The items read so far from a `tee`d iterator, shared by its copies.
struct TeeShared {
    it: Value,
    items: Vec<Value>,
}

pub struct ItertoolsIter {
    class: Rc<Class>,
    state: RefCell<State>,
}

impl NativeObject for ItertoolsIter {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn next_item(&self, vm: &Vm) -> Option<PyResult<Option<Value>>> {
        Some(self.advance(vm))
    }
}

impl ItertoolsIter {
    /// One step, with the state taken out of its cell while the VM runs.
    fn advance(&self, vm: &Vm) -> PyResult<Option<Value>> {
        let state = std::mem::replace(&mut *self.state.borrow_mut(), State::Busy);
        if let State::Busy = state {
            return Err(vm.value_error("generator already executing"));
        }
        let (result, state) = step(vm, state);
        *self.state.borrow_mut() = state;
        result
    }
}

fn kind_class(vm: &Vm, name: &'static str) -> Rc<Class> {
    let key: &'static str = match name {
        "_grouper" => "itertools._grouper",
        "_tee" => "itertools._tee",
        _ => KINDS
            .iter()
            .find(|k| k.name == name)
            .map_or("itertools.?", |k| k.key),
    };
    vm.lazy_class(key, |vm| {
        let c = new_class(
            name,
            std::slice::from_ref(&vm.types.object),
            Layout::Builtin,
            "itertools",
        );
        add_methods(
            &c,
            name,
            &[
                ("__new__", iter_new),
                ("__next__", iter_next),
                ("__iter__", iter_self),
            ],
        );
        match name {
            "count" | "repeat" => add_methods(&c, name, &[("__repr__", iter_repr)]),
            "chain" => add_declared_classmethod(vm, &c, &CHAIN_FROM_ITERABLE, chain_from_iterable),
            "_tee" => add_declared_methods(&c, name, &[(&TEE_COPY, tee_copy)]),
            _ => {}
        }
        c
    })
}

fn wrap(vm: &Vm, name: &'static str, state: State) -> Value {
    Value::native(ItertoolsIter {
        class: kind_class(vm, name),
        state: RefCell::new(state),
    })
}

/// `__new__` of every kind: dispatches on the class's name.
fn iter_new(vm: &Vm, args: Args) -> PyResult {
    let Some(Value::Class(cls)) = args.get(0) else {
        return Err(vm.type_error("itertools constructor needs a class"));
    };
    let name = cls.name.clone();
    let Some(kind) = KINDS.iter().find(|k| *k.name == *name) else {
        return Err(vm.type_error(format!("cannot create '{name}' instances")));
    };
    let state = (kind.new)(vm, args.skip_first())?;
    Ok(wrap(vm, kind.name, state))
}

fn this<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a ItertoolsIter> {
    args.get(0)
        .and_then(|v| v.downcast_native::<ItertoolsIter>())
        .ok_or_else(|| vm.type_error("descriptor requires an itertools object"))
}

fn iter_self(_vm: &Vm, args: Args) -> PyResult {
    Ok(args.get(0).cloned().unwrap_or_default())
}

fn iter_next(vm: &Vm, args: Args) -> PyResult {
    match this(vm, &args)?.advance(vm)? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::None)),
    }
}

fn iter_repr(vm: &Vm, args: Args) -> PyResult {
    let it = this(vm, &args)?;
    let text = match &*it.state.borrow() {
        State::Count { next, step } => match step {
            Value::Int(1) => format!("count({})", vm.repr(next)?),
            _ => format!("count({}, {})", vm.repr(next)?, vm.repr(step)?),
        },
        State::Repeat {
            obj,
            remaining: Some(n),
        } => format!("repeat({}, {n})", vm.repr(obj)?),
        State::Repeat {
            obj,
            remaining: None,
        } => format!("repeat({})", vm.repr(obj)?),
        _ => vm.default_repr(&args.pos[0]),
    };
    Ok(Value::string(text))
}

/// Advances one state; returns the item (None when exhausted) and the state to keep.
fn step(vm: &Vm, state: State) -> (PyResult<Option<Value>>, State) {
    let mut state = state;
    let r = advance(vm, &mut state);
    (r, state)
}

fn advance(vm: &Vm, state: &mut State) -> PyResult<Option<Value>> {
    match state {
        State::Busy | State::Done => Ok(None),
        State::Count { next, step } => {
            let v = next.clone();
            *next = vm.binary_op(next, step, BinOp::Add, false)?;
            Ok(Some(v))
        }
        State::Cycle { it, saved, index } => {
            if let Some(src) = it {
                match vm.next(src)? {
                    Some(v) => {
                        saved.push(v.clone());
                        return Ok(Some(v));
                    }
                    None => *it = None,
                }
            }
            if saved.is_empty() {
                return Ok(None);
            }
            let v = saved[*index % saved.len()].clone();
            *index = (*index + 1) % saved.len();
            Ok(Some(v))
        }
        State::Repeat { obj, remaining } => match remaining {
            Some(0) => Ok(None),
            Some(n) => {
                *n -= 1;
                Ok(Some(obj.clone()))
            }
            None => Ok(Some(obj.clone())),
        },
        State::Chain { sources, current } => loop {
            if let Some(cur) = current {
                if let Some(v) = vm.next(cur)? {
                    return Ok(Some(v));
                }
                *current = None;
            }
            match vm.next(sources)? {
                Some(src) => *current = Some(vm.iter(&src)?),
                None => {
                    *state = State::Done;
                    return Ok(None);
                }
            }
        },
        State::ISlice {
            it,
            next_index,
            stop,
            step,
            position,
        } => {
            if stop.is_some_and(|s| *next_index >= s) {
                // Consume up to `stop`, as CPython does, then finish.
                while stop.is_some_and(|s| *position < s) {
                    if vm.next(it)?.is_none() {
                        break;
                    }
                    *position += 1;
                }
                *state = State::Done;
                return Ok(None);
            }
            while *position < *next_index {
                if vm.next(it)?.is_none() {
                    *state = State::Done;
                    return Ok(None);
                }
                *position += 1;
            }
            match vm.next(it)? {
                Some(v) => {
                    *position += 1;
                    *next_index += *step;
                    Ok(Some(v))
                }
                None => {
                    *state = State::Done;
                    Ok(None)
                }
            }
        }
        State::TakeWhile { pred, it } => match vm.next(it)? {
            Some(v) if vm.truthy(&vm.call(pred, std::slice::from_ref(&v))?)? => Ok(Some(v)),
            _ => {
                *state = State::Done;
                Ok(None)
            }
        },
        State::DropWhile { pred, it, dropping } => loop {
            let Some(v) = vm.next(it)? else {
                return Ok(None);
            };
            if *dropping && vm.truthy(&vm.call(pred, std::slice::from_ref(&v))?)? {
                continue;
            }
            *dropping = false;
            return Ok(Some(v));
        },
        State::Accumulate {
            it,
            func,
            total,
            initial,
        } => {
            if let Some(init) = initial.take() {
                *total = Some(init.clone());
                return Ok(Some(init));
            }
            let Some(v) = vm.next(it)? else {
                return Ok(None);
            };
            let new = match (total.take(), func) {
                (None, _) => v,
                (Some(t), None) => vm.binary_op(&t, &v, BinOp::Add, false)?,
                (Some(t), Some(f)) => vm.call(f, &[t, v])?,
            };
            *total = Some(new.clone());
            Ok(Some(new))
        }
        State::Product {
            pools,
            indices,
            first,
        } => {
            if *first {
                *first = false;
                if pools.iter().any(|p| p.is_empty()) {
                    return Ok(None);
                }
            } else {
                let mut i = pools.len();
                loop {
                    if i == 0 {
                        *state = State::Done;
                        return Ok(None);
                    }
                    i -= 1;
                    indices[i] += 1;
                    if indices[i] < pools[i].len() {
                        break;
                    }
                    indices[i] = 0;
                }
            }
            Ok(Some(Value::tuple(
                indices
                    .iter()
                    .zip(pools.iter())
                    .map(|(&i, p)| p[i].clone())
                    .collect(),
            )))
        }
        State::Permutations {
            pool,
            r,
            indices,
            cycles,
            first,
        } => {
            let n = pool.len();
            let r = *r;
            if *first {
                *first = false;
                if r > n {
                    return Ok(None);
                }
            } else {
                // CPython's algorithm (see the itertools.permutations docs).
                let mut found = false;
                for i in (0..r).rev() {
                    cycles[i] -= 1;
                    if cycles[i] == 0 {
                        let moved = indices.remove(i);
                        indices.push(moved);
                        cycles[i] = n - i;
                    } else {
                        let j = cycles[i];
                        indices.swap(i, n - j);
                        found = true;
                        break;
                    }
                }
                if !found {
                    *state = State::Done;
                    return Ok(None);
                }
            }
            Ok(Some(Value::tuple(
                indices[..r].iter().map(|&i| pool[i].clone()).collect(),
            )))
        }
        State::Combinations {
            pool,
            indices,
            first,
            replace,
        } => {
            let n = pool.len();
            let r = indices.len();
            if *first {
                *first = false;
                if (!*replace && r > n) || (*replace && n == 0 && r > 0) {
                    return Ok(None);
                }
            } else {
                let limit = |i: usize| if *replace { n - 1 } else { i + n - r };
                let Some(i) = (0..r).rev().find(|&i| indices[i] != limit(i)) else {
                    *state = State::Done;
                    return Ok(None);
                };
                if *replace {
                    let v = indices[i] + 1;
                    for slot in indices[i..].iter_mut() {
                        *slot = v;
                    }
                } else {
                    indices[i] += 1;
                    for j in i + 1..r {
                        indices[j] = indices[j - 1] + 1;
                    }
                }
            }
            Ok(Some(Value::tuple(
                indices.iter().map(|&i| pool[i].clone()).collect(),
            )))
        }
        State::ZipLongest { iters, fill } => {
            if iters.iter().all(Option::is_none) {
                return Ok(None);
            }
            let mut items = Vec::with_capacity(iters.len());
            for slot in iters.iter_mut() {
                let v = match slot {
                    Some(it) => match vm.next(it)? {
                        Some(v) => v,
                        None => {
                            *slot = None;
                            fill.clone()
                        }
                    },
                    None => fill.clone(),
                };
                items.push(v);
            }
            if iters.iter().all(Option::is_none) {
                *state = State::Done;
                return Ok(None);
            }
            Ok(Some(Value::tuple(items)))
        }
        State::GroupBy(shared) => {
            let Some(mut g) = shared.borrow_mut().take() else {
                return Err(vm.value_error("generator already executing"));
            };
            let r = groupby_next(vm, &mut g, shared);
            *shared.borrow_mut() = Some(g);
            r
        }
        State::Grouper { parent, key, id } => grouper_next(vm, parent, key, *id),
        State::StarMap { func, it } => match vm.next(it)? {
            Some(args) => {
                let args = vm.to_vec(&args)?;
                vm.call(func, &args).map(Some)
            }
            None => Ok(None),
        },
        State::Pairwise { it, last } => {
            let prev = match last.take() {
                Some(v) => v,
                None => match vm.next(it)? {
                    Some(v) => v,
                    None => return Ok(None),
                },
            };
            match vm.next(it)? {
                Some(v) => {
                    *last = Some(v.clone());
                    Ok(Some(Value::tuple(vec![prev, v])))
                }
                None => {
                    *state = State::Done;
                    Ok(None)
                }
            }
        }
        State::Compress { data, selectors } => loop {
            let (Some(d), Some(s)) = (vm.next(data)?, vm.next(selectors)?) else {
                return Ok(None);
            };
            if vm.truthy(&s)? {
                return Ok(Some(d));
            }
        },
        State::FilterFalse { pred, it } => loop {
            let Some(v) = vm.next(it)? else {
                return Ok(None);
            };
            let keep = if pred.is_none() {
                !vm.truthy(&v)?
            } else {
                !vm.truthy(&vm.call(pred, std::slice::from_ref(&v))?)?
            };
            if keep {
                return Ok(Some(v));
            }
        },
        State::Tee { shared, index } => {
            let buffered = shared.borrow().items.get(*index).cloned();
            let v = match buffered {
                Some(v) => v,
                None => {
                    let src = shared.borrow().it.clone();
                    match vm.next(&src)? {
                        Some(v) => {
                            shared.borrow_mut().items.push(v.clone());
                            v
                        }
                        None => return Ok(None),
                    }
                }
            };
            *index += 1;
            Ok(Some(v))
        }
    }
}

/// groupby's step: skips the rest of the current group, then starts the next one.
fn groupby_next(
    vm: &Vm,
    g: &mut GroupBy,
    shared: &Rc<RefCell<Option<GroupBy>>>,
) -> PyResult<Option<Value>> {
    g.id += 1;
    loop {
        let same = match (&g.currkey, &g.tgtkey) {
            (Some(c), Some(t)) => vm.eq(c, t)?,
            (None, None) => true,
            _ => false,
        };
        if !same {
            break;
        }
        let Some(v) = vm.next(&g.it)? else {
            return Ok(None);
        };
        g.currkey = Some(keyed(vm, &g.key, &v)?);
        g.currvalue = Some(v);
    }
    g.tgtkey = g.currkey.clone();
    let key = g.currkey.clone().unwrap_or_default();
    let grouper = State::Grouper {
        parent: shared.clone(),
        key: key.clone(),
        id: g.id,
    };
    Ok(Some(Value::tuple(vec![key, wrap(vm, "_grouper", grouper)])))
}

fn keyed(vm: &Vm, key: &Value, v: &Value) -> PyResult<Value> {
    if key.is_none() {
        Ok(v.clone())
    } else {
        vm.call(key, std::slice::from_ref(v))
    }
}

/// A group's next item: the parent's current value while it still belongs to this group.
fn grouper_next(
    vm: &Vm,
    parent: &Rc<RefCell<Option<GroupBy>>>,
    key: &Value,
    id: u64,
) -> PyResult<Option<Value>> {
    let Some(mut g) = parent.borrow_mut().take() else {
        return Err(vm.value_error("generator already executing"));
    };
    let result = (|| -> PyResult<Option<Value>> {
        if g.id != id {
            return Ok(None);
        }
        if g.currvalue.is_none() {
            match vm.next(&g.it)? {
                Some(v) => {
                    g.currkey = Some(keyed(vm, &g.key, &v)?);
                    g.currvalue = Some(v);
                }
                None => return Ok(None),
            }
        }
        match &g.currkey {
            Some(c) if vm.eq(c, key)? => Ok(g.currvalue.take()),
            _ => Ok(None),
        }
    })();
    *parent.borrow_mut() = Some(g);
    result
}

// -- constructors ------------------------------------------------------------------------

// The constructors' arguments, checked with CPython's messages (each
// kind's `__new__` is shared, so no table row declares them).
static COUNT: Signature = Signature::new(Style::Clinic, "count", "start=0, step=1");
static CYCLE: Signature = Signature::new(Style::Positional, "cycle", "iterable, /");
static REPEAT: Signature = Signature::new(Style::Clinic, "repeat", "object, times=None");
static CHAIN: Signature = Signature::new(Style::Positional, "chain", "*iterables");
static ISLICE: Signature = Signature::new(
    Style::Positional,
    "islice",
    "iterable, start, stop=None, step=None, /",
);
static TAKEWHILE: Signature =
    Signature::new(Style::Positional, "takewhile", "predicate, iterable, /");
static DROPWHILE: Signature =
    Signature::new(Style::Positional, "dropwhile", "predicate, iterable, /");
static ACCUMULATE: Signature = Signature::new(
    Style::Clinic,
    "accumulate",
    "iterable, func=None, *, initial=None",
);
static PRODUCT: Signature = Signature::new(Style::Clinic, "product", "*iterables, repeat=1");
static PERMUTATIONS: Signature = Signature::new(Style::Clinic, "permutations", "iterable, r=None");
static COMBINATIONS: Signature = Signature::new(Style::Clinic, "combinations", "iterable, r");
static COMBINATIONS_WR: Signature = Signature::new(
    Style::Clinic,
    "combinations_with_replacement",
    "iterable, r",
);
static GROUPBY: Signature = Signature::new(Style::Clinic, "groupby", "iterable, key=None");
static STARMAP: Signature = Signature::new(Style::Positional, "starmap", "function, iterable, /");
static PAIRWISE: Signature = Signature::new(Style::Positional, "pairwise", "iterable, /");
static COMPRESS: Signature = Signature::new(Style::Clinic, "compress", "data, selectors");
static FILTERFALSE: Signature =
    Signature::new(Style::Positional, "filterfalse", "function, iterable, /");

fn count_new(vm: &Vm, args: Args) -> PyResult<State> {
    let ([], [start, step]) = COUNT.bind(vm, args)?;
    let start = start.cloned().unwrap_or(Value::Int(0));
    let step = step.cloned().unwrap_or(Value::Int(1));
    for v in [&start, &step] {
        if !matches!(
            v,
            Value::Int(_)
                | Value::Float(_)
                | Value::BigInt(_)
                | Value::Bool(_)
                | Value::Instance(_)
        ) {
            return Err(vm.type_error("a number is required"));
        }
    }
    Ok(State::Count { next: start, step })
}

fn cycle_new(vm: &Vm, args: Args) -> PyResult<State> {
    let ([iterable], []) = CYCLE.bind(vm, args)?;
    Ok(State::Cycle {
        it: Some(vm.iter(iterable)?),
        saved: Vec::new(),
        index: 0,
    })
}

fn repeat_new(vm: &Vm, args: Args) -> PyResult<State> {
    let ([obj], [times]) = REPEAT.bind(vm, args)?;
    let obj = obj.clone();
    let remaining = match times {
        Some(v) => Some(vm.to_index(v)?.max(0)),
        None => None,
    };
    Ok(State::Repeat { obj, remaining })
}

fn chain_new(vm: &Vm, args: Args) -> PyResult<State> {
    CHAIN.check(vm, args)?;
    Ok(State::Chain {
        sources: vm.iter(&Value::tuple(args.to_vec()))?,
        current: None,
    })
}

static CHAIN_FROM_ITERABLE: Signature =
    Signature::new(Style::Exact, "chain.from_iterable", "$type, iterable, /")
        .doc("Return a chain of the iterables the argument yields, taken lazily.");

fn chain_from_iterable(vm: &Vm, args: Args) -> PyResult {
    CHAIN_FROM_ITERABLE.check(vm, args)?;
    Ok(wrap(
        vm,
        "chain",
        State::Chain {
            sources: vm.iter(&args.pos[1])?,
            current: None,
        },
    ))
}

fn islice_new(vm: &Vm, args: Args) -> PyResult<State> {
    ISLICE.check(vm, args)?;
    let it = vm.iter(&args.pos[0])?;
    let index = |v: &Value, msg: &str| -> PyResult<Option<usize>> {
        match v {
            Value::None => Ok(None),
            v => match vm.to_index(v) {
                Ok(i) if i >= 0 => Ok(Some(i as usize)),
                _ => Err(vm.value_error(msg.to_string())),
            },
        }
    };
    const STOP: &str =
        "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    const INDICES: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    let (start, stop, step) = if args.len() == 2 {
        (0, index(&args.pos[1], STOP)?, 1)
    } else {
        let start = index(&args.pos[1], INDICES)?.unwrap_or(0);
        let stop = index(&args.pos[2], STOP)?;
        let step = match args.get(3) {
            None | Some(Value::None) => 1,
            Some(v) => match vm.to_index(v) {
                Ok(s) if s > 0 => s as usize,
                _ => {
                    return Err(
                        vm.value_error("Step for islice() must be a positive integer or None.")
                    )
                }
            },
        };
        (start, stop, step)
    };
    Ok(State::ISlice {
        it,
        next_index: start,
        stop,
        step,
        position: 0,
    })
}

fn takewhile_new(vm: &Vm, args: Args) -> PyResult<State> {
    let ([pred, iterable], []) = TAKEWHILE.bind(vm, args)?;
    Ok(State::TakeWhile {
        pred: pred.clone(),
        it: vm.iter(iterable)?,
    })
}

fn dropwhile_new(vm: &Vm, args: Args) -> PyResult<State> {
    let ([pred, iterable], []) = DROPWHILE.bind(vm, args)?;
    Ok(State::DropWhile {
        pred: pred.clone(),
        it: vm.iter(iterable)?,
        dropping: true,
    })
}

fn accumulate_new(vm: &Vm, args: Args) -> PyResult<State> {
    let ([iterable], [func, initial]) = ACCUMULATE.bind(vm, args)?;
    let it = vm.iter(iterable)?;
    let func = func.filter(|f| !f.is_none()).cloned();
    let initial = initial.filter(|v| !v.is_none()).cloned();
    Ok(State::Accumulate {
        it,
        func,
        total: None,
        initial,
    })
}

fn product_new(vm: &Vm, args: Args) -> PyResult<State> {
    let bound = PRODUCT.bind_all::<0, 1>(vm, args)?;
    let repeat = match bound.optional[0] {
        Some(v) => vm.to_index(v)?,
        None => 1,
    };
    if repeat < 0 {
        return Err(vm.value_error("repeat argument cannot be negative"));
    }
    let mut base = Vec::new();
    for a in bound.varargs {
        base.push(vm.to_vec(a)?);
    }
    let mut pools = Vec::new();
    for _ in 0..repeat {
        pools.extend(base.iter().cloned());
    }
    let indices = vec![0; pools.len()];
    Ok(State::Product {
        pools,
        indices,
        first: true,
    })
}

fn r_arg(vm: &Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            let r = vm.to_index(v)?;
            if r < 0 {
                return Err(vm.value_error("r must be non-negative"));
            }
            Ok(Some(r as usize))
        }
    }
}

fn permutations_new(vm: &Vm, args: Args) -> PyResult<State> {
    let ([iterable], [r]) = PERMUTATIONS.bind(vm, args)?;
    let pool = vm.to_vec(iterable)?;
    let n = pool.len();
    let r = r_arg(vm, r)?.unwrap_or(n);
    let cycles = if r <= n {
        (0..r).map(|i| n - i).collect()
    } else {
        Vec::new()
    };
    Ok(State::Permutations {
        pool,
        r,
        indices: (0..n).collect(),
        cycles,
        first: true,
    })
}

fn combinations_new(vm: &Vm, args: Args) -> PyResult<State> {
    let ([iterable, r], []) = COMBINATIONS.bind(vm, args)?;
    let pool = vm.to_vec(iterable)?;
    let r = r_arg(vm, Some(r))?.unwrap_or(0);
    Ok(State::Combinations {
        pool,
        indices: (0..r).collect(),
        first: true,
        replace: false,
    })
}

fn combinations_wr_new(vm: &Vm, args: Args) -> PyResult<State> {
    let ([iterable, r], []) = COMBINATIONS_WR.bind(vm, args)?;
    let pool = vm.to_vec(iterable)?;
    let r = r_arg(vm, Some(r))?.unwrap_or(0);
    Ok(State::Combinations {
        pool,
        indices: vec![0; r],
        first: true,
        replace: true,
    })
}

fn zip_longest_new(vm: &Vm, args: Args) -> PyResult<State> {
    // CPython's own wording, which names no keyword.
    if args.kwnames.iter().any(|k| k.as_str() != Some("fillvalue")) {
        return Err(vm.type_error("zip_longest() got an unexpected keyword argument"));
    }
    let fill = args.kw("fillvalue").cloned().unwrap_or_default();
    let mut iters = Vec::new();
    for a in args.pos {
        iters.push(Some(vm.iter(a)?));
    }
    Ok(State::ZipLongest { iters, fill })
}

fn groupby_new(vm: &Vm, args: Args) -> PyResult<State> {
    let ([iterable], [key]) = GROUPBY.bind(vm, args)?;
    let key = key.cloned().unwrap_or_default();
    Ok(State::GroupBy(Rc::new(RefCell::new(Some(GroupBy {
        it: vm.iter(iterable)?,
        key,
        tgtkey: None,
        currkey: None,
        currvalue: None,
        id: 0,
    })))))
}

fn starmap_new(vm: &Vm, args: Args) -> PyResult<State> {
    let ([func, iterable], []) = STARMAP.bind(vm, args)?;
    Ok(State::StarMap {
        func: func.clone(),
        it: vm.iter(iterable)?,
    })
}

fn pairwise_new(vm: &Vm, args: Args) -> PyResult<State> {
    let ([iterable], []) = PAIRWISE.bind(vm, args)?;
    Ok(State::Pairwise {
        it: vm.iter(iterable)?,
        last: None,
    })
}

fn compress_new(vm: &Vm, args: Args) -> PyResult<State> {
    let ([data, selectors], []) = COMPRESS.bind(vm, args)?;
    Ok(State::Compress {
        data: vm.iter(data)?,
        selectors: vm.iter(selectors)?,
    })
}

fn filterfalse_new(vm: &Vm, args: Args) -> PyResult<State> {
    let ([pred, iterable], []) = FILTERFALSE.bind(vm, args)?;
    Ok(State::FilterFalse {
        pred: pred.clone(),
        it: vm.iter(iterable)?,
    })
}

static TEE: Signature = Signature::new(Style::Positional, "itertools.tee", "iterable, n=2, /")
    .doc("Return a tuple of n independent iterators over the items of one iterable.");

fn tee(vm: &Vm, args: Args) -> PyResult {
    let ([iterable], [n]) = TEE.bind(vm, args)?;
    let n = match n {
        Some(v) => vm.to_index(v)?,
        None => 2,
    };
    if n < 0 {
        return Err(vm.value_error("n must be >= 0"));
    }
    let shared = Rc::new(RefCell::new(TeeShared {
        it: vm.iter(iterable)?,
        items: Vec::new(),
    }));
    Ok(Value::tuple(
        (0..n)
            .map(|_| {
                wrap(
                    vm,
                    "_tee",
                    State::Tee {
                        shared: shared.clone(),
                        index: 0,
                    },
                )
            })
            .collect(),
    ))
}

static TEE_COPY: Signature = Signature::undocumented(Style::Exact, "_tee.__copy__", "$self, /")
    .doc("Return an independent iterator at the same position.");

fn tee_copy(vm: &Vm, args: Args) -> PyResult {
    TEE_COPY.check(vm, args)?;
    let it = this(vm, &args)?;
    let state = match &*it.state.borrow() {
        State::Tee { shared, index } => State::Tee {
            shared: shared.clone(),
            index: *index,
        },
        _ => return Err(vm.type_error("__copy__ of a non-tee iterator")),
    };
    Ok(wrap(vm, "_tee", state))
}
