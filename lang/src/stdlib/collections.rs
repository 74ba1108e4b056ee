//! `collections`: `deque` (native: it is the queue of schedulers and
//! breadth-first searches), and in `collections.py` namedtuple, defaultdict,
//! Counter, OrderedDict and ChainMap, written as subclasses of the built-in
//! `dict` and `tuple`. `collections.abc` is `collections_abc.py`.

use crate::objects::class::Layout;
use crate::objects::gc::Visitor;
use crate::objects::signature::{Signature, Style};
use crate::objects::BoolWord;
use crate::objects::{Args, Class, Module, NativeFn, NativeObject, PyResult, Value};
use crate::vm::ops::CmpOp;
use crate::vm::types::{add_methods, new_class};
use crate::vm::Vm;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with_declared(
        vm,
        "collections",
        &[
            (&MOVE_TO_END, move_to_end),
            (&COUNT_ELEMENTS, count_elements),
        ],
    );
    super::set(&m, "deque", Value::Class(deque_class(vm)));
    super::exec_source(vm, &m, super::stdlib_source!("collections.py"))?;
    Ok(m)
}

pub fn make_abc(vm: &Vm) -> PyResult<Rc<Module>> {
    super::module_from_source(
        vm,
        "collections.abc",
        &[],
        super::stdlib_source!("collections_abc.py"),
    )
}

/// `_move_to_end(d, key, last)`: OrderedDict.move_to_end on the dict's own order.
static MOVE_TO_END: Signature = Signature::new(
    Style::Positional,
    "_collections._move_to_end",
    "d, key, last, /",
)
.doc("Move key to the end of the dict d's order (to the front when last is false).");

fn move_to_end(vm: &Vm, args: Args) -> PyResult {
    let ([d, key, last], []) = MOVE_TO_END.bind(vm, args)?;
    let Value::Dict(d) = d.builtin_base() else {
        return Err(vm.type_error("_move_to_end() expects a dict"));
    };
    let hash = vm.hash(key)?;
    let index = crate::objects::dict::find_index(vm, &d.map, hash, key)?;
    let Some(i) = index else {
        return Err(vm.key_error(key.clone()));
    };
    let last = vm.truthy(last)?;
    let mut map = d.map.borrow_mut();
    let to = if last { map.len() - 1 } else { 0 };
    map.move_index(i, to);
    d.changed();
    Ok(Value::None)
}

/// `_count_elements(mapping, iterable)`: Counter's tally loop. Straight on
/// the dict when the mapping is a dict (sub)class that keeps dict's `get`
/// and `__setitem__`, as CPython's C helper does; through them otherwise.
static COUNT_ELEMENTS: Signature = Signature::new(
    Style::Positional,
    "_collections._count_elements",
    "mapping, iterable, /",
)
.doc("Add one to mapping[x] for every item x of the iterable.");

fn count_elements(vm: &Vm, args: Args) -> PyResult {
    let ([mapping, iterable], []) = COUNT_ELEMENTS.bind(vm, args)?;
    let class = vm.class_of(mapping);
    let plain = |name: &str| matches!(class.lookup_str(name), Some(Value::Builtin(b)) if b.owner == Some("dict"));
    let direct = match mapping.builtin_base() {
        Value::Dict(d) if plain("get") && plain("__setitem__") => Some(d.clone()),
        _ => None,
    };
    let it = vm.iter(iterable)?;
    let one = Value::Int(1);
    while let Some(elem) = vm.next(&it)? {
        match &direct {
            Some(d) => {
                let count = match d.get(vm, &elem)? {
                    Some(c) => vm.binary_op(&c, &one, crate::vm::ops::BinOp::Add, false)?,
                    None => one.clone(),
                };
                d.set(vm, elem, count)?;
            }
            None => {
                let current = vm.call_method(mapping, "get", &[elem.clone(), Value::Int(0)])?;
                let count = vm.binary_op(&current, &one, crate::vm::ops::BinOp::Add, false)?;
                vm.set_item(mapping, &elem, count)?;
            }
        }
    }
    Ok(Value::None)
}

// -- deque ------------------------------------------------------------------------

/// A double-ended queue with an optional maximum length.
pub struct Deque {
    class: Rc<Class>,
    items: RefCell<VecDeque<Value>>,
    /// Set by `__new__` for `deque(...)`, by `__init__` for a subclass.
    maxlen: Cell<Option<usize>>,
    /// Bumped by every mutation, so iterators can detect one.
    state: Cell<u64>,
}

impl NativeObject for Deque {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        if let Ok(items) = self.items.try_borrow() {
            items.iter().for_each(|v| visit.value(v));
        }
    }
    fn native_len(&self) -> Option<usize> {
        Some(self.items.borrow().len())
    }
    fn get_attr(&self, _vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        (name == "maxlen").then(|| {
            Ok(self
                .maxlen
                .get()
                .map_or(Value::None, |n| Value::Int(n as i64)))
        })
    }
}

impl Deque {
    fn create(vm: &Vm, items: VecDeque<Value>, maxlen: Option<usize>) -> Value {
        let d = Deque {
            class: deque_class(vm),
            items: RefCell::new(VecDeque::new()),
            maxlen: Cell::new(maxlen),
            state: Cell::new(0),
        };
        d.extend(items);
        Value::native(d)
    }

    fn touched(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }

    fn push_back(&self, v: Value) {
        let mut items = self.items.borrow_mut();
        if self.maxlen.get() == Some(0) {
            return;
        }
        if Some(items.len()) == self.maxlen.get() {
            items.pop_front();
        }
        items.push_back(v);
        drop(items);
        self.touched();
    }

    fn push_front(&self, v: Value) {
        let mut items = self.items.borrow_mut();
        if self.maxlen.get() == Some(0) {
            return;
        }
        if Some(items.len()) == self.maxlen.get() {
            items.pop_back();
        }
        items.push_front(v);
        drop(items);
        self.touched();
    }

    fn extend(&self, items: impl IntoIterator<Item = Value>) {
        for v in items {
            self.push_back(v);
        }
    }

    fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().iter().cloned().collect()
    }
}

/// deque's methods. Their signatures are undocumented: CPython 3.11 shows
/// none for them (`deque.append.__text_signature__` is None).
const DEQUE_METHODS: &[(&Signature, NativeFn)] = &[
    (&APPEND, append),
    (&APPENDLEFT, appendleft),
    (&POP, pop),
    (&POPLEFT, popleft),
    (&EXTEND, extend),
    (&EXTENDLEFT, extendleft),
    (&CLEAR, clear),
    (&COPY, copy),
    (&DUNDER_COPY, dunder_copy),
    (&COUNT, count),
    (&INDEX, index),
    (&INSERT, insert),
    (&REMOVE, remove),
    (&REVERSE, reverse),
    (&ROTATE, rotate),
    (&REVERSED, reversed),
];

/// deque's slots (CPython's wrappers of them show no declared signature either).
const DEQUE_SLOTS: &[(&str, NativeFn)] = &[
    ("__new__", deque_new),
    ("__init__", deque_init),
    ("__len__", len),
    ("__getitem__", getitem),
    ("__setitem__", setitem),
    ("__delitem__", delitem),
    ("__contains__", contains),
    ("__iter__", iter),
    ("__repr__", repr),
    ("__eq__", eq),
    ("__ne__", ne),
    ("__lt__", lt),
    ("__le__", le),
    ("__gt__", gt),
    ("__ge__", ge),
    ("__add__", add),
    ("__iadd__", iadd),
    ("__mul__", mul),
    ("__rmul__", mul),
    ("__imul__", imul),
];

fn deque_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("collections.deque", |vm| {
        let c = new_class(
            "deque",
            std::slice::from_ref(&vm.types.object),
            Layout::Builtin,
            "collections",
        );
        add_methods(&c, "deque", DEQUE_SLOTS);
        crate::vm::types::add_declared_methods(&c, "deque", DEQUE_METHODS);
        c.set_attr("__hash__", Value::None);
        crate::vm::types::add_classmethod(
            vm,
            &c,
            "__class_getitem__",
            crate::builtins::slots::class_getitem,
        );
        c
    })
}

fn this<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a Deque> {
    args.get(0)
        .and_then(crate::builtins::payload::native_receiver::<Deque>)
        .ok_or_else(|| vm.type_error("descriptor requires a 'collections.deque' object"))
}

fn deque_new(vm: &Vm, args: Args) -> PyResult {
    let class = deque_class(vm);
    crate::builtins::payload::construct(vm, args, &class, |vm, args, exact| {
        // A subclass's deque is filled by `__init__`, as in CPython.
        if !exact {
            return Ok(Deque::create(vm, VecDeque::new(), None));
        }
        let (items, maxlen) = deque_args(vm, &args)?;
        Ok(Deque::create(vm, items, maxlen))
    })
}

/// `deque.__init__(self, iterable=(), maxlen=None)`: `deque(x)` skips it
/// (its `__new__` fills the deque).
fn deque_init(vm: &Vm, args: Args) -> PyResult {
    let d = this(vm, &args)?;
    let (items, maxlen) = deque_args(vm, &args.skip_first())?;
    d.items.borrow_mut().clear();
    d.maxlen.set(maxlen);
    d.extend(items);
    Ok(Value::None)
}

/// The arguments of `deque(...)`, checked with CPython's messages (the
/// `__init__` slot itself shows no signature).
static DEQUE_INIT: Signature = Signature::new(Style::Clinic, "deque", "iterable=(), maxlen=None");

/// The `iterable` and `maxlen` arguments of `deque(...)`.
fn deque_args(vm: &Vm, args: &Args) -> PyResult<(VecDeque<Value>, Option<usize>)> {
    let ([], [iterable, maxlen]) = DEQUE_INIT.bind(vm, *args)?;
    let maxlen = match maxlen {
        None | Some(Value::None) => None,
        Some(v) => {
            let n = vm.to_index(v)?;
            if n < 0 {
                return Err(vm.value_error("maxlen must be non-negative"));
            }
            Some(n as usize)
        }
    };
    let items = match iterable {
        Some(v) => vm.to_vec(v)?.into(),
        None => VecDeque::new(),
    };
    Ok((items, maxlen))
}

/// A new deque of the receiver's own type holding `items` (CPython's
/// `deque.copy`, `+` and `*` call a subclass to make theirs).
fn same_type(vm: &Vm, receiver: &Value, d: &Deque, items: Vec<Value>) -> PyResult {
    let class = vm.class_of(receiver);
    if Rc::ptr_eq(&class, &deque_class(vm)) {
        return Ok(Deque::create(vm, items.into(), d.maxlen.get()));
    }
    let mut call = vec![Value::list(items)];
    if let Some(n) = d.maxlen.get() {
        call.push(Value::Int(n as i64));
    }
    vm.call(&Value::Class(class), &call)
}

static APPEND: Signature = Signature::undocumented(Style::Exact, "deque.append", "$self, x, /")
    .doc("Add x at the right end.");

fn append(vm: &Vm, args: Args) -> PyResult {
    APPEND.check(vm, args)?;
    this(vm, &args)?.push_back(args.pos[1].clone());
    Ok(Value::None)
}

static APPENDLEFT: Signature =
    Signature::undocumented(Style::Exact, "deque.appendleft", "$self, x, /")
        .doc("Add x at the left end.");

fn appendleft(vm: &Vm, args: Args) -> PyResult {
    APPENDLEFT.check(vm, args)?;
    this(vm, &args)?.push_front(args.pos[1].clone());
    Ok(Value::None)
}

static POP: Signature = Signature::undocumented(Style::Exact, "deque.pop", "$self, /")
    .doc("Remove and return the item at the right end.");

fn pop(vm: &Vm, args: Args) -> PyResult {
    POP.check(vm, args)?;
    let d = this(vm, &args)?;
    let v = d
        .items
        .borrow_mut()
        .pop_back()
        .ok_or_else(|| vm.index_error("pop from an empty deque"))?;
    d.touched();
    Ok(v)
}

static POPLEFT: Signature = Signature::undocumented(Style::Exact, "deque.popleft", "$self, /")
    .doc("Remove and return the item at the left end.");

fn popleft(vm: &Vm, args: Args) -> PyResult {
    POPLEFT.check(vm, args)?;
    let d = this(vm, &args)?;
    let v = d
        .items
        .borrow_mut()
        .pop_front()
        .ok_or_else(|| vm.index_error("pop from an empty deque"))?;
    d.touched();
    Ok(v)
}

static EXTEND: Signature =
    Signature::undocumented(Style::Exact, "deque.extend", "$self, iterable, /")
        .doc("Add the items of the iterable at the right end, in order.");

fn extend(vm: &Vm, args: Args) -> PyResult {
    EXTEND.check(vm, args)?;
    let d = this(vm, &args)?;
    d.extend(vm.to_vec(&args.pos[1])?);
    Ok(Value::None)
}

static EXTENDLEFT: Signature =
    Signature::undocumented(Style::Exact, "deque.extendleft", "$self, iterable, /").doc(
        "Add the items of the iterable at the left end, one by one (so they end up reversed).",
    );

fn extendleft(vm: &Vm, args: Args) -> PyResult {
    EXTENDLEFT.check(vm, args)?;
    let d = this(vm, &args)?;
    for v in vm.to_vec(&args.pos[1])? {
        d.push_front(v);
    }
    Ok(Value::None)
}

static CLEAR: Signature =
    Signature::undocumented(Style::Exact, "deque.clear", "$self, /").doc("Remove every item.");

fn clear(vm: &Vm, args: Args) -> PyResult {
    CLEAR.check(vm, args)?;
    let d = this(vm, &args)?;
    d.items.borrow_mut().clear();
    d.touched();
    Ok(Value::None)
}

static DUNDER_COPY: Signature = Signature::undocumented(Style::Exact, "deque.__copy__", "$self, /")
    .doc("Return a shallow copy of the deque.");
static COPY: Signature = Signature::undocumented(Style::Exact, "deque.copy", "$self, /")
    .doc("Return a shallow copy of the deque.");

crate::objects::signature::checked!(copy: COPY => copy_of, dunder_copy: DUNDER_COPY => copy_of);

fn copy_of(vm: &Vm, args: Args) -> PyResult {
    let d = this(vm, &args)?;
    same_type(vm, &args.pos[0], d, d.snapshot())
}

static COUNT: Signature = Signature::undocumented(Style::Exact, "deque.count", "$self, value, /")
    .doc("Return how many items equal value.");

fn count(vm: &Vm, args: Args) -> PyResult {
    COUNT.check(vm, args)?;
    let mut n = 0;
    for x in this(vm, &args)?.snapshot() {
        if vm.eq(&x, &args.pos[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

static INDEX: Signature = Signature::undocumented(
    Style::ParseTuple,
    "deque.index",
    "$self, value, start=0, stop=sys.maxsize, /",
)
.doc("Return the position of the first item equal to value, searched between start and stop.");

fn index(vm: &Vm, args: Args) -> PyResult {
    INDEX.check(vm, args)?;
    let items = this(vm, &args)?.snapshot();
    let n = items.len() as i64;
    let bound = |v: Option<&Value>, default: i64| -> PyResult<usize> {
        Ok(match v {
            Some(v) => {
                let i = vm.to_index(v)?;
                (if i < 0 { (i + n).max(0) } else { i.min(n) }) as usize
            }
            None => default as usize,
        })
    };
    let (start, stop) = (bound(args.get(2), 0)?, bound(args.get(3), n)?);
    for (i, x) in items.iter().enumerate().take(stop).skip(start) {
        if vm.eq(x, &args.pos[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(vm.value_error(format!("{} is not in deque", vm.repr(&args.pos[1])?)))
}

static INSERT: Signature =
    Signature::undocumented(Style::ParseTuple, "deque.insert", "$self, index, object, /")
        .doc("Insert object before position index.");

fn insert(vm: &Vm, args: Args) -> PyResult {
    INSERT.check(vm, args)?;
    let d = this(vm, &args)?;
    let len = d.items.borrow().len();
    if Some(len) == d.maxlen.get() {
        return Err(vm.index_error("deque already at its maximum size"));
    }
    let i = vm.to_index(&args.pos[1])?;
    let n = len as i64;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
    d.items.borrow_mut().insert(i as usize, args.pos[2].clone());
    d.touched();
    Ok(Value::None)
}

static REMOVE: Signature = Signature::undocumented(Style::Exact, "deque.remove", "$self, value, /")
    .doc("Remove the first item equal to value.");

fn remove(vm: &Vm, args: Args) -> PyResult {
    REMOVE.check(vm, args)?;
    let d = this(vm, &args)?;
    for (i, x) in d.snapshot().iter().enumerate() {
        if vm.eq(x, &args.pos[1])? {
            d.items.borrow_mut().remove(i);
            d.touched();
            return Ok(Value::None);
        }
    }
    Err(vm.value_error(format!("{} is not in deque", vm.repr(&args.pos[1])?)))
}

static REVERSE: Signature = Signature::undocumented(Style::Exact, "deque.reverse", "$self, /")
    .doc("Reverse the items in place.");

fn reverse(vm: &Vm, args: Args) -> PyResult {
    REVERSE.check(vm, args)?;
    let d = this(vm, &args)?;
    d.items.borrow_mut().make_contiguous().reverse();
    d.touched();
    Ok(Value::None)
}

static ROTATE: Signature =
    Signature::undocumented(Style::Positional, "deque.rotate", "$self, n=1, /")
        .doc("Rotate the items n steps to the right (to the left when n is negative).");

fn rotate(vm: &Vm, args: Args) -> PyResult {
    // CPython names the method with its type in this one message.
    if args.pos.len() > 2 {
        return Err(vm.type_error(format!(
            "deque.rotate expected at most 1 argument, got {}",
            args.pos.len() - 1
        )));
    }
    ROTATE.check(vm, args)?;
    let d = this(vm, &args)?;
    let n = match args.get(1) {
        Some(v) => vm.to_index(v)?,
        None => 1,
    };
    let mut items = d.items.borrow_mut();
    let len = items.len() as i64;
    if len > 1 {
        let k = n.rem_euclid(len) as usize;
        items.rotate_right(k);
    }
    drop(items);
    d.touched();
    Ok(Value::None)
}

fn len(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::Int(this(vm, &args)?.items.borrow().len() as i64))
}

/// Resolves a deque index (ints only, as CPython: no slices).
fn position(vm: &Vm, d: &Deque, key: &Value) -> PyResult<usize> {
    if !matches!(key, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
        && vm.class_of(key).lookup_str("__index__").is_none()
    {
        return Err(vm.type_error(format!(
            "sequence index must be integer, not '{}'",
            vm.type_name(key)
        )));
    }
    let i = vm.to_index(key)?;
    Vm::norm_index(i, d.items.borrow().len())
        .ok_or_else(|| vm.index_error("deque index out of range"))
}

fn getitem(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__getitem__", 2, 2)?;
    let d = this(vm, &args)?;
    let i = position(vm, d, &args.pos[1])?;
    Ok(d.items.borrow()[i].clone())
}

fn setitem(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__setitem__", 3, 3)?;
    let d = this(vm, &args)?;
    let i = position(vm, d, &args.pos[1])?;
    d.items.borrow_mut()[i] = args.pos[2].clone();
    Ok(Value::None)
}

fn delitem(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__delitem__", 2, 2)?;
    let d = this(vm, &args)?;
    let i = position(vm, d, &args.pos[1])?;
    d.items.borrow_mut().remove(i);
    d.touched();
    Ok(Value::None)
}

fn contains(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__contains__", 2, 2)?;
    for x in this(vm, &args)?.snapshot() {
        if vm.eq(&x, &args.pos[1])? {
            return Ok(Value::Bool(BoolWord::TRUE));
        }
    }
    Ok(Value::Bool(BoolWord::FALSE))
}

thread_local! {
    /// Deques whose repr is being built, so that a deque containing itself prints `[...]`.
    static REPR_ACTIVE: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

fn repr(vm: &Vm, args: Args) -> PyResult {
    let d = this(vm, &args)?;
    let id = args.pos[0].id();
    if REPR_ACTIVE.with(|a| a.borrow().contains(&id)) {
        return Ok(Value::str("[...]"));
    }
    REPR_ACTIVE.with(|a| a.borrow_mut().push(id));
    let body = vm.repr(&Value::list(d.snapshot()));
    REPR_ACTIVE.with(|a| a.borrow_mut().retain(|&x| x != id));
    let name = vm.type_name(&args.pos[0]);
    Ok(Value::string(match d.maxlen.get() {
        Some(n) => format!("{name}({}, maxlen={n})", body?),
        None => format!("{name}({})", body?),
    }))
}

fn compare(vm: &Vm, args: &Args, op: CmpOp) -> PyResult {
    args.check(vm, "comparison", 2, 2)?;
    let a = this(vm, args)?;
    let Some(b) = crate::builtins::payload::native_receiver::<Deque>(&args.pos[1]) else {
        return Ok(Value::NotImplemented);
    };
    vm.compare(&Value::list(a.snapshot()), &Value::list(b.snapshot()), op)
}

fn eq(vm: &Vm, args: Args) -> PyResult {
    compare(vm, &args, CmpOp::Eq)
}
fn ne(vm: &Vm, args: Args) -> PyResult {
    compare(vm, &args, CmpOp::Ne)
}
fn lt(vm: &Vm, args: Args) -> PyResult {
    compare(vm, &args, CmpOp::Lt)
}
fn le(vm: &Vm, args: Args) -> PyResult {
    compare(vm, &args, CmpOp::Le)
}
fn gt(vm: &Vm, args: Args) -> PyResult {
    compare(vm, &args, CmpOp::Gt)
}
fn ge(vm: &Vm, args: Args) -> PyResult {
    compare(vm, &args, CmpOp::Ge)
}

fn add(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__add__", 2, 2)?;
    let a = this(vm, &args)?;
    let Some(b) = crate::builtins::payload::native_receiver::<Deque>(&args.pos[1]) else {
        return Err(vm.type_error(format!(
            "can only concatenate deque (not \"{}\") to deque",
            vm.type_name(&args.pos[1])
        )));
    };
    let mut items = a.snapshot();
    items.extend(b.snapshot());
    same_type(vm, &args.pos[0], a, items)
}

fn iadd(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__iadd__", 2, 2)?;
    this(vm, &args)?.extend(vm.to_vec(&args.pos[1])?);
    Ok(args.pos[0].clone())
}

fn repeat(vm: &Vm, args: &Args) -> PyResult<Vec<Value>> {
    args.check(vm, "__mul__", 2, 2)?;
    let d = this(vm, args)?;
    let n = vm.to_index(&args.pos[1])?.max(0) as usize;
    let items = d.snapshot();
    let total = items
        .len()
        .checked_mul(n)
        .filter(|&t| t <= isize::MAX as usize / 16)
        .ok_or_else(|| vm.new_exception(&vm.exc.memory_error, Vec::new()))?;
    let mut out = Vec::with_capacity(total);
    for _ in 0..n {
        out.extend(items.iter().cloned());
    }
    Ok(out)
}

fn mul(vm: &Vm, args: Args) -> PyResult {
    let items = repeat(vm, &args)?;
    same_type(vm, &args.pos[0], this(vm, &args)?, items)
}

fn imul(vm: &Vm, args: Args) -> PyResult {
    let items = repeat(vm, &args)?;
    let d = this(vm, &args)?;
    d.items.borrow_mut().clear();
    d.extend(items);
    Ok(args.pos[0].clone())
}

// -- iterators ---------------------------------------------------------------------

/// Iterates a deque forwards or backwards; fails if the deque changes meanwhile.
pub struct DequeIter {
    class: Rc<Class>,
    deque: Value,
    /// Items taken so far.
    taken: Cell<usize>,
    state: u64,
    reverse: bool,
}

impl NativeObject for DequeIter {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.value(&self.deque)
    }
    fn next_item(&self, vm: &Vm) -> Option<PyResult<Option<Value>>> {
        Some(self.advance(vm))
    }
}

impl DequeIter {
    fn advance(&self, vm: &Vm) -> PyResult<Option<Value>> {
        let Some(d) = crate::builtins::payload::native_receiver::<Deque>(&self.deque) else {
            return Ok(None);
        };
        if d.state.get() != self.state {
            return Err(vm.runtime_error("deque mutated during iteration"));
        }
        let items = d.items.borrow();
        let k = self.taken.get();
        if k >= items.len() {
            return Ok(None);
        }
        self.taken.set(k + 1);
        Ok(Some(if self.reverse {
            items[items.len() - 1 - k].clone()
        } else {
            items[k].clone()
        }))
    }
}

fn iterator_class(vm: &Vm, reverse: bool) -> Rc<Class> {
    let (key, name) = if reverse {
        (
            "_collections._deque_reverse_iterator",
            "_deque_reverse_iterator",
        )
    } else {
        ("_collections._deque_iterator", "_deque_iterator")
    };
    vm.lazy_class(key, |vm| {
        let c = new_class(
            name,
            std::slice::from_ref(&vm.types.object),
            Layout::Builtin,
            "_collections",
        );
        add_methods(
            &c,
            name,
            &[("__next__", iter_next), ("__iter__", iter_self)],
        );
        c
    })
}

fn make_iter(vm: &Vm, args: &Args, reverse: bool) -> PyResult {
    let d = this(vm, args)?;
    Ok(Value::native(DequeIter {
        class: iterator_class(vm, reverse),
        deque: args.pos[0].clone(),
        taken: Cell::new(0),
        state: d.state.get(),
        reverse,
    }))
}

fn iter(vm: &Vm, args: Args) -> PyResult {
    make_iter(vm, &args, false)
}

static REVERSED: Signature =
    Signature::undocumented(Style::Exact, "deque.__reversed__", "$self, /")
        .doc("Return an iterator over the items from right to left.");

fn reversed(vm: &Vm, args: Args) -> PyResult {
    REVERSED.check(vm, args)?;
    make_iter(vm, &args, true)
}

fn iter_next(vm: &Vm, args: Args) -> PyResult {
    let Some(it) = args.get(0).and_then(|v| v.downcast_native::<DequeIter>()) else {
        return Err(vm.type_error("descriptor requires a deque iterator"));
    };
    match it.advance(vm)? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::None)),
    }
}

fn iter_self(_vm: &Vm, args: Args) -> PyResult {
    Ok(args.get(0).cloned().unwrap_or_default())
}
