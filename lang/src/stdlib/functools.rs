//! `functools`: `partial`, `reduce` and the `lru_cache` wrapper are native
//! (they sit on call paths: callbacks and memoised recursion); `wraps`,
//! `total_ordering`, `cached_property`, `singledispatch` and the decorator
//! factories are in `functools.py`.

use crate::objects::class::Layout;
use crate::objects::gc::Visitor;
use crate::objects::signature::{Signature, Style};
use crate::objects::{
    Args, AttrMap, BoundMethod, Class, Module, Name, NativeObject, PyDict, PyResult, Value,
};
use crate::vm::types::{add_declared_methods, add_methods, new_class};
use crate::vm::Vm;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with_declared(
        vm,
        "functools",
        &[(&REDUCE, reduce), (&LRU_CACHE_WRAPPER, lru_cache_wrapper)],
    );
    super::set(&m, "partial", Value::Class(partial_class(vm)));
    super::exec_source(vm, &m, super::stdlib_source!("functools.py"))?;
    Ok(m)
}

/// CPython shows `reduce(function, iterable[, initial])`, which is no
/// signature inspect can read.
static REDUCE: Signature =
    Signature::undocumented(Style::Positional, "reduce", "function, iterable, initial=None, /")
        .doc("Combine the items of the iterable from left to right with the two-argument function, starting from initial when given.");

fn reduce(vm: &Vm, args: Args) -> PyResult {
    let ([function, iterable], [initial]) = REDUCE.bind(vm, args)?;
    let it = vm.iter(iterable)?;
    let mut acc = match initial {
        Some(v) => v.clone(),
        None => match vm.next(&it)? {
            Some(v) => v,
            None => return Err(vm.type_error("reduce() of empty iterable with no initial value")),
        },
    };
    while let Some(v) = vm.next(&it)? {
        acc = vm.call(function, &[acc, v])?;
    }
    Ok(acc)
}

// -- partial ---------------------------------------------------------------------------

/// `partial(func, *args, **keywords)`: a call with some arguments filled in.
pub struct Partial {
    class: Rc<Class>,
    /// Replaced only by `__setstate__` (unpickling).
    parts: RefCell<PartialParts>,
    dict: RefCell<AttrMap>,
}

struct PartialParts {
    func: Value,
    args: Vec<Value>,
    /// Keyword names (str values) and values, in order.
    keywords: Vec<(Value, Value)>,
}

impl NativeObject for Partial {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        let parts = self.parts.borrow();
        visit.value(&parts.func);
        parts.args.iter().for_each(|v| visit.value(v));
        for (_, v) in &parts.keywords {
            visit.value(v);
        }
    }
    fn get_attr(&self, vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        match name {
            "func" => Some(Ok(self.parts.borrow().func.clone())),
            "args" => Some(Ok(Value::tuple(self.parts.borrow().args.clone()))),
            "keywords" => Some(self.keywords_dict(vm)),
            _ => self.dict.borrow().get(&Name::new(name)).cloned().map(Ok),
        }
    }
    fn set_attr(&self, _vm: &Vm, name: &str, value: Value) -> Option<PyResult<()>> {
        if matches!(name, "func" | "args" | "keywords") {
            return None;
        }
        self.dict.borrow_mut().insert(Name::new(name), value);
        Some(Ok(()))
    }
}

impl Partial {
    fn keywords_dict(&self, vm: &Vm) -> PyResult {
        let d = PyDict::new();
        let keywords = self.parts.borrow().keywords.clone();
        for (k, v) in &keywords {
            d.set(vm, k.clone(), v.clone())?;
        }
        Ok(Value::Dict(crate::objects::gc::new(d)))
    }
}

fn partial_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("functools.partial", |vm| {
        let c = new_class(
            "partial",
            std::slice::from_ref(&vm.types.object),
            Layout::Builtin,
            "functools",
        );
        add_methods(
            &c,
            "partial",
            &[
                ("__new__", partial_new),
                ("__call__", partial_call),
                ("__repr__", partial_repr),
            ],
        );
        add_declared_methods(
            &c,
            "partial",
            &[
                (&PARTIAL_REDUCE, partial_reduce),
                (&PARTIAL_SETSTATE, partial_setstate),
            ],
        );
        c
    })
}

fn partial_new(vm: &Vm, args: Args) -> PyResult {
    let args = args.skip_first();
    let Some(func) = args.get(0) else {
        return Err(vm.type_error("type 'partial' takes at least one argument"));
    };
    if !crate::builtins::is_callable(vm, func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let mut keywords: Vec<(Value, Value)> = Vec::new();
    let set_kw = |keywords: &mut Vec<(Value, Value)>, k: &Value, v: &Value| match keywords
        .iter_mut()
        .find(|(n, _)| n.as_str() == k.as_str())
    {
        Some(slot) => slot.1 = v.clone(),
        None => keywords.push((k.clone(), v.clone())),
    };
    // A partial of a partial flattens into one, as in CPython.
    let (func, mut pos) = match func.downcast_native::<Partial>() {
        Some(inner) => {
            let inner = inner.parts.borrow();
            for (k, v) in &inner.keywords {
                set_kw(&mut keywords, k, v);
            }
            (inner.func.clone(), inner.args.clone())
        }
        None => (func.clone(), Vec::new()),
    };
    pos.extend_from_slice(&args.pos[1..]);
    for (k, v) in args.kwnames.iter().zip(args.kwvalues) {
        set_kw(&mut keywords, k, v);
    }
    Ok(Value::native(Partial {
        class: partial_class(vm),
        parts: RefCell::new(PartialParts {
            func,
            args: pos,
            keywords,
        }),
        dict: RefCell::new(AttrMap::default()),
    }))
}

fn partial_call(vm: &Vm, args: Args) -> PyResult {
    let Some(p) = args.get(0).and_then(|v| v.downcast_native::<Partial>()) else {
        return Err(vm.type_error("descriptor '__call__' requires a 'functools.partial' object"));
    };
    let parts = p.parts.borrow();
    let func = parts.func.clone();
    let mut pos = parts.args.clone();
    pos.extend_from_slice(&args.pos[1..]);
    let mut names: Vec<Value> = Vec::with_capacity(parts.keywords.len() + args.kwnames.len());
    let mut values: Vec<Value> = Vec::with_capacity(names.capacity());
    for (k, v) in &parts.keywords {
        if !args.kwnames.iter().any(|n| n.as_str() == k.as_str()) {
            names.push(k.clone());
            values.push(v.clone());
        }
    }
    drop(parts);
    names.extend_from_slice(args.kwnames);
    values.extend_from_slice(args.kwvalues);
    vm.call_args(&func, Args::with_kw(&pos, &names, &values))
}

/// `__reduce__`: `(type, (func,), (func, args, keywords or None, __dict__ or None))`.
static PARTIAL_REDUCE: Signature =
    Signature::undocumented(Style::Exact, "partial.__reduce__", "$self, /")
        .doc("Return what pickle needs to rebuild the partial.");

fn partial_reduce(vm: &Vm, args: Args) -> PyResult {
    PARTIAL_REDUCE.check(vm, args)?;
    let Some(p) = args.get(0).and_then(|v| v.downcast_native::<Partial>()) else {
        return Err(vm.type_error("descriptor '__reduce__' requires a 'functools.partial' object"));
    };
    let (func, pos, has_keywords) = {
        let parts = p.parts.borrow();
        (
            parts.func.clone(),
            parts.args.clone(),
            !parts.keywords.is_empty(),
        )
    };
    let keywords = if has_keywords {
        p.keywords_dict(vm)?
    } else {
        Value::None
    };
    let dict = if p.dict.borrow().is_empty() {
        Value::None
    } else {
        let d = PyDict::new();
        for (k, v) in p.dict.borrow().iter() {
            d.set(vm, Value::str(k.as_str()), v.clone())?;
        }
        Value::Dict(Rc::new(d))
    };
    Ok(Value::tuple(vec![
        Value::Class(vm.class_of(&args.pos[0])),
        Value::tuple(vec![func.clone()]),
        Value::tuple(vec![func, Value::tuple(pos), keywords, dict]),
    ]))
}

/// `__setstate__((func, args, keywords, dict))`, for unpickling.
static PARTIAL_SETSTATE: Signature =
    Signature::undocumented(Style::Exact, "partial.__setstate__", "$self, state, /")
        .doc("Restore the partial from the state its __reduce__ gave.");

fn partial_setstate(vm: &Vm, args: Args) -> PyResult {
    PARTIAL_SETSTATE.check(vm, args)?;
    let Some(p) = args.get(0).and_then(|v| v.downcast_native::<Partial>()) else {
        return Err(
            vm.type_error("descriptor '__setstate__' requires a 'functools.partial' object")
        );
    };
    let state = args.get(1).cloned().unwrap_or(Value::None);
    let Value::Tuple(t) = &state else {
        return Err(vm.type_error("argument to __setstate__ must be a tuple"));
    };
    let [func, fargs, keywords, dict] = t.0.as_slice() else {
        return Err(vm.type_error(format!("expected 4 items in state, got {}", t.0.len())));
    };
    if !crate::builtins::is_callable(vm, func)
        || !matches!(fargs, Value::Tuple(_))
        || !matches!(keywords, Value::Dict(_) | Value::None)
    {
        return Err(vm.type_error("invalid partial state"));
    }
    let keywords = match keywords {
        Value::Dict(d) => d.items(),
        _ => Vec::new(),
    };
    *p.parts.borrow_mut() = PartialParts {
        func: func.clone(),
        args: vm.to_vec(fargs)?,
        keywords,
    };
    let mut own = p.dict.borrow_mut();
    own.clear();
    if let Value::Dict(d) = dict {
        for (k, v) in d.items() {
            own.insert(Name::new(&vm.to_str(&k)?), v);
        }
    }
    Ok(Value::None)
}

fn partial_repr(vm: &Vm, args: Args) -> PyResult {
    let Some(p) = args.get(0).and_then(|v| v.downcast_native::<Partial>()) else {
        return Err(vm.type_error("descriptor '__repr__' requires a 'functools.partial' object"));
    };
    let (func, pos, keywords) = {
        let parts = p.parts.borrow();
        (
            parts.func.clone(),
            parts.args.clone(),
            parts.keywords.clone(),
        )
    };
    let mut parts = vec![vm.repr(&func)?];
    for a in &pos {
        parts.push(vm.repr(a)?);
    }
    for (k, v) in &keywords {
        parts.push(format!("{}={}", k.as_str().unwrap_or(""), vm.repr(v)?));
    }
    let class = vm.class_of(&args.pos[0]);
    Ok(Value::string(format!(
        "{}.{}({})",
        class.module.borrow(),
        class.qualname.borrow(),
        parts.join(", ")
    )))
}

// -- lru_cache ---------------------------------------------------------------------------

/// The function `lru_cache` returns: calls are memoised by their arguments.
///
/// The cache is a dict kept in recency order (a hit moves its entry to the
/// end; a miss past `maxsize` evicts the first entry).
pub struct LruCache {
    class: Rc<Class>,
    func: Value,
    maxsize: Option<usize>,
    typed: bool,
    cache: PyDict,
    hits: Cell<i64>,
    misses: Cell<i64>,
    /// The `CacheInfo` namedtuple class.
    info_class: Value,
    /// `__wrapped__`, `__name__`, `__doc__`, ... set by `update_wrapper`.
    dict: RefCell<AttrMap>,
}

impl NativeObject for LruCache {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.value(&self.func);
        for (k, v) in self.cache.items() {
            visit.value(&k);
            visit.value(&v);
        }
    }
    fn get_attr(&self, _vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        self.dict.borrow().get(&Name::new(name)).cloned().map(Ok)
    }
    fn set_attr(&self, _vm: &Vm, name: &str, value: Value) -> Option<PyResult<()>> {
        self.dict.borrow_mut().insert(Name::new(name), value);
        Some(Ok(()))
    }
}

fn lru_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("functools._lru_cache_wrapper", |vm| {
        let c = new_class(
            "_lru_cache_wrapper",
            std::slice::from_ref(&vm.types.object),
            Layout::Builtin,
            "functools",
        );
        add_methods(
            &c,
            "_lru_cache_wrapper",
            &[("__call__", lru_call), ("__get__", lru_get)],
        );
        add_declared_methods(
            &c,
            "_lru_cache_wrapper",
            &[(&CACHE_INFO, lru_info), (&CACHE_CLEAR, lru_clear)],
        );
        c
    })
}

/// `_lru_cache_wrapper(user_function, maxsize, typed, CacheInfo)`.
static LRU_CACHE_WRAPPER: Signature = Signature::undocumented(
    Style::Positional,
    "_lru_cache_wrapper",
    "user_function, maxsize, typed, cache_info_type, /",
)
.doc("Return user_function wrapped with a cache of maxsize results (unbounded when None).");

fn lru_cache_wrapper(vm: &Vm, args: Args) -> PyResult {
    LRU_CACHE_WRAPPER.check(vm, args)?;
    let maxsize = match &args.pos[1] {
        Value::None => None,
        v => Some(vm.to_index(v)?.max(0) as usize),
    };
    Ok(Value::native(LruCache {
        class: lru_class(vm),
        func: args.pos[0].clone(),
        maxsize,
        typed: vm.truthy(&args.pos[2])?,
        cache: PyDict::new(),
        hits: Cell::new(0),
        misses: Cell::new(0),
        info_class: args.pos[3].clone(),
        dict: RefCell::new(AttrMap::default()),
    }))
}

fn this_lru<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a LruCache> {
    args.get(0)
        .and_then(|v| v.downcast_native::<LruCache>())
        .ok_or_else(|| vm.type_error("descriptor requires a 'functools._lru_cache_wrapper' object"))
}

/// The cache key of a call, as CPython's `_make_key`: the arguments, a
/// marker and the keyword items (and the types when `typed`); a lone int or
/// str argument is its own key.
fn make_key(vm: &Vm, lru: &LruCache, pos: &[Value], args: &Args) -> Value {
    if args.kwnames.is_empty()
        && !lru.typed
        && pos.len() == 1
        && matches!(pos[0], Value::Int(_) | Value::Str(_))
    {
        return pos[0].clone();
    }
    let mut key = pos.to_vec();
    if !args.kwnames.is_empty() {
        key.push(Value::Class(lru.class.clone()));
        for (k, v) in args.kwnames.iter().zip(args.kwvalues) {
            key.push(k.clone());
            key.push(v.clone());
        }
    }
    if lru.typed {
        key.extend(pos.iter().map(|v| Value::Class(vm.class_of(v))));
        key.extend(args.kwvalues.iter().map(|v| Value::Class(vm.class_of(v))));
    }
    Value::tuple(key)
}

fn lru_call(vm: &Vm, args: Args) -> PyResult {
    let lru = this_lru(vm, &args)?;
    let pos = &args.pos[1..];
    let call = Args::with_kw(pos, args.kwnames, args.kwvalues);
    if lru.maxsize == Some(0) {
        lru.misses.set(lru.misses.get() + 1);
        return vm.call_args(&lru.func, call);
    }
    let key = make_key(vm, lru, pos, &args);
    let hash = vm.hash(&key)?;
    let found = crate::objects::dict::find_index(vm, &lru.cache.map, hash, &key)?;
    if let Some(i) = found {
        lru.hits.set(lru.hits.get() + 1);
        let mut map = lru.cache.map.borrow_mut();
        let last = map.len() - 1;
        map.move_index(i, last);
        return Ok(map
            .get_index(last)
            .map(|(_, v)| v.clone())
            .unwrap_or_default());
    }
    lru.misses.set(lru.misses.get() + 1);
    let result = vm.call_args(&lru.func, call)?;
    // The call may have filled the cache (recursion); a key already there keeps its place.
    lru.cache.set_hashed(vm, hash, key, result.clone())?;
    if let Some(max) = lru.maxsize {
        let mut map = lru.cache.map.borrow_mut();
        while map.len() > max {
            map.shift_remove_index(0);
        }
    }
    Ok(result)
}

/// Looked up on a class, the wrapper binds to the instance like a function.
fn lru_get(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__get__", 2, 3)?;
    match &args.pos[1] {
        Value::None => Ok(args.pos[0].clone()),
        obj => Ok(BoundMethod::value(args.pos[0].clone(), obj.clone())),
    }
}

static CACHE_INFO: Signature =
    Signature::undocumented(Style::Exact, "_lru_cache_wrapper.cache_info", "$self, /")
        .doc("Return the cache's hits, misses, maximum size and current size.");

fn lru_info(vm: &Vm, args: Args) -> PyResult {
    CACHE_INFO.check(vm, args)?;
    let lru = this_lru(vm, &args)?;
    let maxsize = lru.maxsize.map_or(Value::None, |n| Value::Int(n as i64));
    vm.call(
        &lru.info_class,
        &[
            Value::Int(lru.hits.get()),
            Value::Int(lru.misses.get()),
            maxsize,
            Value::Int(lru.cache.len() as i64),
        ],
    )
}

static CACHE_CLEAR: Signature =
    Signature::undocumented(Style::Exact, "_lru_cache_wrapper.cache_clear", "$self, /")
        .doc("Empty the cache and reset its statistics.");

fn lru_clear(vm: &Vm, args: Args) -> PyResult {
    CACHE_CLEAR.check(vm, args)?;
    let lru = this_lru(vm, &args)?;
    lru.cache.clear();
    lru.hits.set(0);
    lru.misses.set(0);
    Ok(Value::None)
}
