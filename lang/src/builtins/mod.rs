//! The `builtins` module: built-in functions, and the Python-visible methods
//! of the built-in types (one file per type).
//!
//! Functions are registered from tables, as Lua's `luaL_Reg` arrays do.

pub mod bytearray;
pub mod bytes_methods;
pub(crate) mod complex;
pub mod descriptors;
pub mod dict;
mod exec;
mod float_fromhex;
pub mod generator;
mod help;
pub mod io;
pub mod list;
pub mod mappingproxy;
pub mod member;
pub mod memoryview;
pub mod number;
pub mod object;
pub mod payload;
mod quitter;
pub mod set;
pub mod slots;
pub mod stdin;
pub mod str;
pub(crate) mod type_docs;

use crate::objects::iter::IterState;
use crate::objects::BoolWord;
use crate::objects::{
    Args, Builtin, CallerNeeds, Code, Name, NativeFn, NativeIter, NativeRow, PyDict, PyResult,
    Signature, Style, Value,
};
use crate::vm::Vm;
use std::ops::ControlFlow;
use std::rc::Rc;

/// The builtin functions with declared signatures.
const FUNCTIONS: &[(&Signature, NativeFn)] = &[
    (&PRINT, print),
    (&LEN, len),
    (&REPR, repr),
    (&ASCII, ascii),
    (&ITER, iter),
    (&NEXT, next),
    (&AITER, aiter),
    (&ANEXT, anext),
    (&ISINSTANCE, isinstance),
    (&ISSUBCLASS, issubclass),
    (&HASATTR, hasattr),
    (&GETATTR, getattr),
    (&SETATTR, setattr),
    (&DELATTR, delattr),
    (&ID, id),
    (&HASH, hash),
    (&CALLABLE, callable),
    (&ABS, abs),
    (&MIN, min),
    (&MAX, max),
    (&SUM, sum),
    (&ANY, any),
    (&ALL, all),
    (&SORTED, sorted),
    (&REVERSED, reversed),
    (&ENUMERATE, enumerate),
    (&ZIP, zip),
    (&FILTER, filter),
    (&CHR, chr),
    (&ORD, ord),
    (&HEX, hex),
    (&OCT, oct),
    (&BIN, bin),
    (&ROUND, round),
    (&DIVMOD, divmod),
    (&POW, pow),
    (&FORMAT, format),
    (&INPUT, input),
    (&MAP, map),
    (&io::OPEN, io::open),
    (&BUILD_CLASS, build_class),
    (&IMPORT, import_),
    (&exec::COMPILE, exec::compile),
];

/// Builtins that, called with no arguments, answer about the calling frame
/// (see `CallerNeeds::FrameWhenNoArgs`); with arguments they are plain natives.
const FRAME_READERS: &[(&Signature, NativeFn)] = &[
    (&VARS, vars),
    (&LOCALS, locals),
    (&GLOBALS, globals),
    (&DIR, dir),
    (&SUPER, super_),
];

pub fn install(vm: &Vm) {
    let b = &vm.builtins;
    let add = |row: &dyn NativeRow, caller: CallerNeeds| {
        b.set_name(
            &Name::new(row.name()),
            Value::Builtin(crate::objects::gc::new(Builtin {
                name: row.name(),
                func: row.func(),
                owner: None,
                bound: None,
                caller,
                sig: row.sig(),
                gc: crate::objects::gc::GcHead::new(),
            })),
        );
    };
    for row in FUNCTIONS {
        add(row, CallerNeeds::Nothing);
    }
    quitter::install(vm);
    help::install(vm);
    for row in FRAME_READERS {
        add(row, CallerNeeds::FrameWhenNoArgs);
    }
    for row in exec::NAMESPACE_READERS {
        add(row, CallerNeeds::Namespaces);
    }
    let t = &vm.types;
    for class in [
        &t.object,
        &t.type_,
        &t.int,
        &t.float,
        &t.str,
        &t.bytes,
        &t.list,
        &t.tuple,
        &t.dict,
        &t.set,
        &t.frozenset,
        &t.range,
        &t.slice,
        &t.property,
        &t.staticmethod,
        &t.classmethod,
        &t.complex,
    ] {
        b.set_name(&Name::new(&class.name), Value::Class(class.clone()));
    }
    b.set_name(
        &Name::new("bool"),
        Value::Class(crate::vm::types::bool_class(vm)),
    );
    for class in vm.exc.all() {
        b.set_name(&Name::new(&class.name), Value::Class(class));
    }
    b.set_name(
        &Name::new("EnvironmentError"),
        Value::Class(vm.exc.os_error.clone()),
    );
    b.set_name(&Name::new("IOError"), Value::Class(vm.exc.os_error.clone()));
    b.set_name(&Name::new("None"), Value::None);
    b.set_name(&Name::new("True"), Value::Bool(BoolWord::TRUE));
    b.set_name(&Name::new("False"), Value::Bool(BoolWord::FALSE));
    b.set_name(&Name::new("NotImplemented"), Value::NotImplemented);
    b.set_name(&Name::new("Ellipsis"), Value::Ellipsis);
    b.set_name(&Name::new("__debug__"), Value::Bool(BoolWord::TRUE));
    b.set_name(&Name::new("__name__"), Value::str("builtins"));
}

pub fn install_type_methods(vm: &Vm) {
    object::install(vm);
    descriptors::install(vm);
    number::install(vm);
    complex::install(vm);
    str::install(vm);
    list::install(vm);
    dict::install(vm);
    set::install(vm);
    generator::install(vm);
    io::install(vm);
    bytearray::install(vm);
    memoryview::install(vm);
    bytes_methods::install(vm);
    // Last: the slot tables are the types' dunders.
    slots::install(vm);
}

/// `__next__` and `__iter__` for the classes of the built-in iterators, so
/// that `it.__next__()` and the `collections.abc.Iterator` check see them.
pub fn add_iterator_methods(class: &crate::objects::Class, owner: &'static str) {
    crate::vm::types::add_methods(
        class,
        owner,
        &[("__next__", iterator_next), ("__iter__", iterator_iter)],
    );
}

fn iterator_next(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__next__", 1, 1)?;
    match vm.next(&args.pos[0])? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::None)),
    }
}

fn iterator_iter(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__iter__", 1, 1)?;
    Ok(args.pos[0].clone())
}

/// A function value for a native (used by modules).
pub fn native(name: &'static str, func: NativeFn) -> Value {
    native_row(&(name, func))
}

/// A function value for a row of a table of natives.
pub fn native_row<R: NativeRow>(row: &R) -> Value {
    Value::Builtin(crate::objects::gc::new(Builtin {
        name: row.name(),
        func: row.func(),
        owner: None,
        bound: None,
        caller: Default::default(),
        sig: row.sig(),
        gc: crate::objects::gc::GcHead::new(),
    }))
}

static PRINT: Signature = Signature::new(
    Style::Clinic,
    "print",
    "*args, sep=' ', end='\\n', file=None, flush=False",
).doc("Write the arguments to a stream, turned to text with str().\n\nItems are joined by sep and followed by end; file defaults to sys.stdout, and flush=True flushes the stream at once.");

fn print(vm: &Vm, args: Args) -> PyResult {
    let bound = PRINT.bind_all::<0, 4>(vm, args)?;
    let [sep, end, file, flush] = bound.optional;
    let sep = match sep {
        None | Some(Value::None) => " ".to_string(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(vm.type_error(format!(
                "sep must be None or a string, not {}",
                vm.type_name(other)
            )))
        }
    };
    let end = match end {
        None | Some(Value::None) => "\n".to_string(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(vm.type_error(format!(
                "end must be None or a string, not {}",
                vm.type_name(other)
            )))
        }
    };
    let mut out = String::new();
    for (i, a) in bound.varargs.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match a {
            Value::Str(s) => out.push_str(s.as_str()),
            other => out.push_str(&vm.to_str(other)?),
        }
    }
    out.push_str(&end);
    let flush = match flush {
        Some(f) => vm.truthy(f)?,
        None => false,
    };
    match file {
        None | Some(Value::None) => {
            io::write_stdout(vm, &out)?;
            if flush {
                vm.flush_stdout();
            }
        }
        Some(file) => {
            vm.call_method(file, "write", &[Value::string(out)])?;
            if flush {
                vm.call_method(file, "flush", &[])?;
            }
        }
    }
    Ok(Value::None)
}

static LEN: Signature =
    Signature::new(Style::Exact, "len", "obj, /").doc("Return how many items a container holds.");

fn len(vm: &Vm, args: Args) -> PyResult {
    let ([obj], []) = LEN.bind(vm, args)?;
    Ok(Value::Int(vm.len(obj)? as i64))
}

static REPR: Signature = Signature::new(Style::Exact, "repr", "obj, /")
    .doc("Return the printable representation of an object (what the REPL shows).");

fn repr(vm: &Vm, args: Args) -> PyResult {
    let ([obj], []) = REPR.bind(vm, args)?;
    Ok(Value::string(vm.repr(obj)?))
}

static ASCII: Signature = Signature::new(Style::Exact, "ascii", "obj, /")
    .doc("Return repr(obj) with every non-ASCII character written as an escape.");

fn ascii(vm: &Vm, args: Args) -> PyResult {
    let ([obj], []) = ASCII.bind(vm, args)?;
    Ok(Value::string(crate::objects::str::ascii_str(
        &vm.repr(obj)?,
    )))
}

static ITER: Signature =
    Signature::undocumented(Style::Positional, "iter", "object, sentinel=None, /").doc("Return an iterator over an iterable.\n\nWith a sentinel, call the first argument without arguments until it returns the sentinel.");

fn iter(vm: &Vm, args: Args) -> PyResult {
    let ([object], [sentinel]) = ITER.bind(vm, args)?;
    if let Some(sentinel) = sentinel {
        if !is_callable(vm, object) {
            return Err(vm.type_error("iter(v, w): v must be callable"));
        }
        return Ok(NativeIter::new(IterState::CallableSentinel {
            func: object.clone(),
            sentinel: sentinel.clone(),
        }));
    }
    vm.iter(object)
}

static NEXT: Signature =
    Signature::undocumented(Style::Positional, "next", "iterator, default=None, /").doc("Return the next item of an iterator.\n\nWhen the iterator is exhausted, return default if one was given; otherwise raise StopIteration.");

fn next(vm: &Vm, args: Args) -> PyResult {
    let ([it], [default]) = NEXT.bind(vm, args)?;
    let is_iterator = matches!(it, Value::Iter(_) | Value::Generator(_))
        || vm.class_of(it).lookup_str("__next__").is_some();
    if !is_iterator {
        return Err(vm.type_error(format!("'{}' object is not an iterator", vm.type_name(it))));
    }
    if let Value::Generator(g) = it {
        // Keep the StopIteration value of a generator's return.
        return match vm.resume_generator(g, Value::None) {
            Ok(crate::vm::interp::Resumed::Yield(v)) => Ok(v),
            Ok(crate::vm::interp::Resumed::Return(v)) => match default {
                Some(d) => Ok(d.clone()),
                None => Err(vm.stop_iteration(v)),
            },
            Err(e) if vm.err_is(&e, &vm.exc.stop_iteration) && default.is_some() => {
                Ok(default.cloned().unwrap_or_default())
            }
            Err(e) => Err(e),
        };
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => match default {
            Some(d) => Ok(d.clone()),
            None => Err(vm.stop_iteration(Value::None)),
        },
    }
}

static AITER: Signature = Signature::new(Style::Exact, "aiter", "async_iterable, /")
    .doc("Return an asynchronous iterator for an asynchronous iterable.");

fn aiter(vm: &Vm, args: Args) -> PyResult {
    let ([obj], []) = AITER.bind(vm, args)?;
    vm.call_method(obj, "__aiter__", &[])
}

static ANEXT: Signature = Signature::new(
    Style::Positional,
    "anext",
    "aiterator, default=<unrepresentable>, /",
).doc("Return an awaitable that gives the next item of an async iterator.\n\nWhen the iterator is exhausted, the awaitable gives default if one was given; otherwise it raises StopAsyncIteration.");

fn anext(vm: &Vm, args: Args) -> PyResult {
    let ([aiterator], [default]) = ANEXT.bind(vm, args)?;
    if let Some(default) = default {
        return generator::anext_with_default(vm, aiterator, default.clone());
    }
    vm.call_method(aiterator, "__anext__", &[])
}

/// `isinstance`'s and `issubclass`'s second argument: a class or a tuple of them.
///
/// `arg` is the first argument and `hook` `__instancecheck__` or
/// `__subclasscheck__`, found on the metaclass (`abc.ABCMeta`) of a class
/// and asked when the plain check fails; other objects (`int | str`, typing
/// aliases) are asked through their type.
fn class_spec_matches(
    vm: &Vm,
    spec: &Value,
    test: &dyn Fn(&Rc<crate::objects::Class>) -> bool,
    arg: &Value,
    hook: &str,
    fname: &str,
) -> PyResult<bool> {
    let ask_hook = || -> PyResult<bool> {
        let f = vm.get_attr_str(spec, hook)?;
        let r = vm.call(&f, std::slice::from_ref(arg))?;
        vm.truthy(&r)
    };
    match spec {
        Value::Class(c) => {
            if test(c) {
                return Ok(true);
            }
            match vm.metaclass_method(c, &Name::new(hook)) {
                Some(h) => vm.truthy(&vm.call_bound(&h, spec, std::slice::from_ref(arg))?),
                None => Ok(false),
            }
        }
        Value::Tuple(t) => {
            for s in &t.0 {
                if class_spec_matches(vm, s, test, arg, hook, fname)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Instance(_) | Value::Native(_) if vm.class_of(spec).lookup_str(hook).is_some() => {
            ask_hook()
        }
        _ => Err(vm.type_error(format!(
            "{fname}() arg 2 must be a type, a tuple of types, or a union"
        ))),
    }
}

static ISINSTANCE: Signature = Signature::new(
    Style::Positional,
    "isinstance",
    "obj, class_or_tuple, /",
)
.doc("Return whether an object is an instance of a class, or of any class in a tuple of classes.");

fn isinstance(vm: &Vm, args: Args) -> PyResult {
    let ([obj, spec], []) = ISINSTANCE.bind(vm, args)?;
    // A class without a metaclass has no `__instancecheck__` hook to ask.
    if let Value::Class(c) = spec {
        if c.metaclass.borrow().is_none() {
            return Ok(Value::from_bool(instance_of(vm, obj, c)));
        }
    }
    Ok(Value::from_bool(class_spec_matches(
        vm,
        spec,
        &|c| instance_of(vm, obj, c),
        obj,
        "__instancecheck__",
        "isinstance",
    )?))
}

/// `isinstance`'s plain check: the object's type, or else the class its
/// `__class__` attribute claims, as CPython asks when a class defines
/// `__class__` (a mock with a spec passes for an instance of the spec).
fn instance_of(vm: &Vm, obj: &Value, class: &Rc<crate::objects::Class>) -> bool {
    if vm.isinstance(obj, class) {
        return true;
    }
    let Value::Instance(inst) = obj else {
        return false;
    };
    if inst.class.lookup_str("__class__").is_none() {
        return false;
    }
    match vm.get_attr_str(obj, "__class__") {
        Ok(Value::Class(claimed)) => {
            !Rc::ptr_eq(&claimed, &inst.class) && claimed.is_subclass(class)
        }
        _ => false,
    }
}

static ISSUBCLASS: Signature = Signature::new(
    Style::Positional,
    "issubclass",
    "cls, class_or_tuple, /",
)
.doc("Return whether a class derives from another class, or from any class in a tuple of classes.");

fn issubclass(vm: &Vm, args: Args) -> PyResult {
    let ([cls, spec], []) = ISSUBCLASS.bind(vm, args)?;
    let Value::Class(c) = cls else {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    };
    let bool_class = crate::vm::types::bool_class(vm);
    Ok(Value::from_bool(class_spec_matches(
        vm,
        spec,
        &|base| {
            c.is_subclass(base) || (Rc::ptr_eq(c, &bool_class) && Rc::ptr_eq(base, &vm.types.int))
        },
        cls,
        "__subclasscheck__",
        "issubclass",
    )?))
}

fn attr_name(vm: &Vm, v: &Value, fname: &str) -> PyResult<Name> {
    match v {
        Value::Str(s) => Ok(Name::new(s.as_str())),
        other => Err(vm.type_error(format!(
            "{fname}(): attribute name must be string, not '{}'",
            vm.type_name(other)
        ))),
    }
}

static HASATTR: Signature = Signature::new(Style::Positional, "hasattr", "obj, name, /")
    .doc("Return whether an object has an attribute of the given name.");

fn hasattr(vm: &Vm, args: Args) -> PyResult {
    let ([obj, name], []) = HASATTR.bind(vm, args)?;
    let name = attr_name(vm, name, "hasattr")?;
    match vm.get_attr_opt(obj, &name) {
        Ok(v) => Ok(Value::from_bool(v.is_some())),
        Err(e) if vm.err_is(&e, &vm.exc.attribute_error) => Ok(Value::Bool(BoolWord::FALSE)),
        Err(e) => Err(e),
    }
}

static GETATTR: Signature = Signature::undocumented(
    Style::Positional,
    "getattr",
    "object, name, default=None, /",
).doc("Return the attribute of an object with the given name.\n\ngetattr(x, 'y') is x.y. When the attribute is missing, return default if one was given; otherwise raise AttributeError.");

fn getattr(vm: &Vm, args: Args) -> PyResult {
    let ([obj, name], [default]) = GETATTR.bind(vm, args)?;
    let name = attr_name(vm, name, "getattr")?;
    match vm.get_attr(obj, &name) {
        Err(e) if vm.err_is(&e, &vm.exc.attribute_error) && default.is_some() => {
            Ok(default.cloned().unwrap_or_default())
        }
        other => other,
    }
}

static SETATTR: Signature = Signature::new(Style::Positional, "setattr", "obj, name, value, /")
    .doc(
    "Set the attribute of an object with the given name to value: setattr(x, 'y', v) is x.y = v.",
);

fn setattr(vm: &Vm, args: Args) -> PyResult {
    let ([obj, name, value], []) = SETATTR.bind(vm, args)?;
    let name = attr_name(vm, name, "setattr")?;
    vm.set_attr(obj, &name, value.clone())?;
    Ok(Value::None)
}

static DELATTR: Signature = Signature::new(Style::Positional, "delattr", "obj, name, /")
    .doc("Delete the attribute of an object with the given name: delattr(x, 'y') is del x.y.");

fn delattr(vm: &Vm, args: Args) -> PyResult {
    let ([obj, name], []) = DELATTR.bind(vm, args)?;
    let name = attr_name(vm, name, "delattr")?;
    vm.del_attr(obj, &name)?;
    Ok(Value::None)
}

static ID: Signature = Signature::new(Style::Exact, "id", "obj, /")
    .doc("Return a number that identifies the object among all objects alive at the same time.");

fn id(vm: &Vm, args: Args) -> PyResult {
    let ([obj], []) = ID.bind(vm, args)?;
    Ok(Value::Int(obj.id() as i64))
}

static HASH: Signature = Signature::new(Style::Exact, "hash", "obj, /")
    .doc("Return the hash of an object: equal objects have equal hashes.");

fn hash(vm: &Vm, args: Args) -> PyResult {
    let ([obj], []) = HASH.bind(vm, args)?;
    Ok(Value::Int(vm.hash(obj)?))
}

pub fn is_callable(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Function(_)
        | Value::Builtin(_)
        | Value::Closure(_)
        | Value::BoundMethod(_)
        | Value::Class(_) => true,
        Value::Instance(_) | Value::Native(_) => vm.class_of(v).lookup_str("__call__").is_some(),
        _ => false,
    }
}

static CALLABLE: Signature = Signature::new(Style::Exact, "callable", "obj, /")
    .doc("Return whether the object can be called (classes, functions, objects with __call__).");

fn callable(vm: &Vm, args: Args) -> PyResult {
    let ([obj], []) = CALLABLE.bind(vm, args)?;
    Ok(Value::from_bool(is_callable(vm, obj)))
}

static ABS: Signature =
    Signature::new(Style::Exact, "abs", "x, /").doc("Return the absolute value of a number.");

pub(crate) fn abs(vm: &Vm, args: Args) -> PyResult {
    let ([x], []) = ABS.bind(vm, args)?;
    use num_traits::Signed;
    Ok(match x {
        Value::Int(i) => i
            .checked_abs()
            .map(Value::Int)
            .unwrap_or_else(|| Value::from_bigint(num_bigint::BigInt::from(*i).abs())),
        Value::Bool(b) => Value::Int(b.get() as i64),
        Value::BigInt(b) => Value::from_bigint(b.abs()),
        Value::Float(f) => Value::float(f.get().abs()),
        Value::Complex(c) => Value::float(
            c.abs()
                .map_err(|_| vm.overflow_error("absolute value too large"))?,
        ),
        other => match vm.class_of(other).lookup_str("__abs__") {
            Some(m) => vm.call_bound(&m, other, &[])?,
            None => {
                return Err(vm.type_error(format!(
                    "bad operand type for abs(): '{}'",
                    vm.type_name(other)
                )))
            }
        },
    })
}

fn min_max(vm: &Vm, args: Args, sig: &Signature, want: crate::vm::ops::CmpOp) -> PyResult {
    let name = sig.name();
    let ([], [key, default]) = sig.bind(vm, Args::with_kw(&[], args.kwnames, args.kwvalues))?;
    let key = key.filter(|k| !k.is_none()).cloned();
    let default = default.cloned();
    let mut best: Option<(Value, Value)> = None;
    // Each item is keyed and compared as it comes, as in CPython.
    let mut consider = |item: Value| -> PyResult<ControlFlow<()>> {
        let k = match &key {
            Some(f) => vm.call(f, std::slice::from_ref(&item))?,
            None => item.clone(),
        };
        best = Some(match best.take() {
            None => (k, item),
            Some((bk, bv)) => {
                let better = vm.compare(&k, &bk, want)?;
                if vm.truthy(&better)? {
                    (k, item)
                } else {
                    (bk, bv)
                }
            }
        });
        Ok(ControlFlow::Continue(()))
    };
    match args.len() {
        0 => return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => {
            vm.for_each(&args.pos[0], consider)?;
        }
        _ => {
            if default.is_some() {
                return Err(vm.type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            for item in args.pos {
                let _ = consider(item.clone())?;
            }
        }
    }
    match best {
        Some((_, v)) => Ok(v),
        None => default.ok_or_else(|| vm.value_error(format!("{name}() arg is an empty sequence"))),
    }
}

/// `min`'s and `max`'s keywords: CPython parses them apart from the
/// positional arguments, so they are bound alone.
static MIN: Signature = Signature::undocumented(Style::Clinic, "min", "*, key=None, default=None").doc("Return the smallest item of an iterable, or the smallest of several arguments.\n\nkey, if given, maps each item to what is compared. An empty iterable gives default when one was given, and ValueError otherwise.");
static MAX: Signature = Signature::undocumented(Style::Clinic, "max", "*, key=None, default=None").doc("Return the largest item of an iterable, or the largest of several arguments.\n\nkey, if given, maps each item to what is compared. An empty iterable gives default when one was given, and ValueError otherwise.");

fn min(vm: &Vm, args: Args) -> PyResult {
    min_max(vm, args, &MIN, crate::vm::ops::CmpOp::Lt)
}

fn max(vm: &Vm, args: Args) -> PyResult {
    min_max(vm, args, &MAX, crate::vm::ops::CmpOp::Gt)
}

/// The running total of `sum`, unboxed while it is a plain int or float: as
/// in CPython's loops, exact ints and bools add as i64 until that overflows
/// and floats add as f64; anything else goes through `+`.
enum SumTotal {
    Int(i64),
    Float(f64),
    Any(Value),
}

impl SumTotal {
    fn new(v: Value) -> SumTotal {
        match v {
            Value::Int(i) => SumTotal::Int(i),
            Value::Float(f) => SumTotal::Float(f.get()),
            v => SumTotal::Any(v),
        }
    }

    /// `total + x` through the `+` protocol. Out of line, so that the
    /// unboxed cases stay small enough to inline into the draining loop.
    #[inline(never)]
    fn add_general(&mut self, vm: &Vm, x: &Value) -> PyResult<()> {
        let t = std::mem::replace(self, SumTotal::Int(0)).into_value();
        *self = SumTotal::new(vm.binary_op(&t, x, crate::vm::ops::BinOp::Add, false)?);
        Ok(())
    }

    fn into_value(self) -> Value {
        match self {
            SumTotal::Int(i) => Value::Int(i),
            SumTotal::Float(f) => Value::float(f),
            SumTotal::Any(v) => v,
        }
    }
}

static SUM: Signature = Signature::new(Style::Clinic, "sum", "iterable, /, start=0").doc("Return start plus the sum of the items of an iterable (start defaults to 0).\n\nFor joining strings, use ''.join(items) instead.");

fn sum(vm: &Vm, args: Args) -> PyResult {
    let ([iterable], [start]) = SUM.bind(vm, args)?;
    let start = start.cloned().unwrap_or(Value::Int(0));
    if matches!(start, Value::Str(_)) {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if matches!(start, Value::Bytes(_)) {
        return Err(vm.type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
    }
    let mut total = SumTotal::new(start);
    vm.for_each(iterable, |x| {
        match (&mut total, &x) {
            (SumTotal::Int(a), Value::Int(b)) => {
                if let Some(r) = a.checked_add(*b) {
                    *a = r;
                    return Ok(ControlFlow::<()>::Continue(()));
                }
            }
            (SumTotal::Int(a), Value::Bool(b)) => {
                if let Some(r) = a.checked_add(b.get() as i64) {
                    *a = r;
                    return Ok(ControlFlow::Continue(()));
                }
            }
            (SumTotal::Float(a), Value::Float(b)) => {
                *a += b.get();
                return Ok(ControlFlow::Continue(()));
            }
            _ => {}
        }
        total.add_general(vm, &x)?;
        Ok(ControlFlow::Continue(()))
    })?;
    Ok(total.into_value())
}

/// `any(iterable)` (`want` true) and `all(iterable)` (false): whether some
/// item's truth is `want`, stopping at the first such item.
fn any_all(vm: &Vm, args: Args, sig: &Signature, want: bool) -> PyResult {
    let ([iterable], []) = sig.bind(vm, args)?;
    let found = vm.for_each(iterable, |x| {
        Ok(match vm.truthy(&x)? == want {
            true => ControlFlow::Break(()),
            false => ControlFlow::Continue(()),
        })
    })?;
    Ok(Value::from_bool(found.is_some() == want))
}

static ANY: Signature = Signature::new(Style::Exact, "any", "iterable, /")
    .doc("Return True if some item of the iterable is true (False for an empty one).");
static ALL: Signature = Signature::new(Style::Exact, "all", "iterable, /")
    .doc("Return True if every item of the iterable is true (True for an empty one).");

fn any(vm: &Vm, args: Args) -> PyResult {
    any_all(vm, args, &ANY, true)
}

fn all(vm: &Vm, args: Args) -> PyResult {
    any_all(vm, args, &ALL, false)
}

/// A stable merge sort whose comparison may fail (it runs Python `__lt__`).
/// Only `<` is used, as in CPython, and a failing comparison stops the sort.
pub fn sort_values(
    vm: &Vm,
    items: &mut Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> PyResult<()> {
    if key.is_none() && sort_natively(items, reverse) {
        return Ok(());
    }
    let keys: Vec<Value> = match key {
        Some(f) => items
            .iter()
            .map(|v| vm.call(f, std::slice::from_ref(v)))
            .collect::<PyResult<_>>()?,
        None => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    let less = |a: usize, b: usize| -> PyResult<bool> {
        let (x, y) = (&keys[a], &keys[b]);
        if let (Value::Int(p), Value::Int(q)) = (x, y) {
            return Ok(p < q);
        }
        if let (Value::Str(p), Value::Str(q)) = (x, y) {
            return Ok(p.as_str() < q.as_str());
        }
        let r = vm.compare(x, y, crate::vm::ops::CmpOp::Lt)?;
        vm.truthy(&r)
    };
    // Reverse keeps stability: compare with swapped arguments.
    let before = |a: usize, b: usize| -> PyResult<bool> {
        if reverse {
            less(b, a)
        } else {
            less(a, b)
        }
    };
    merge_sort(&mut idx, &before)?;
    let sorted: Vec<Value> = idx.into_iter().map(|i| items[i].clone()).collect();
    *items = sorted;
    Ok(())
}

/// Sorts a list of only ints or only strs with Rust's sorts and says so;
/// false (leaving `items` alone) for other lists. Their `<` is a total order
/// that runs no Python code and cannot fail, so the result is the merge
/// sort's: stable, and reversed with equal items kept in order.
fn sort_natively(items: &mut [Value], reverse: bool) -> bool {
    fn int(v: &Value) -> i64 {
        match v {
            Value::Int(i) => *i,
            _ => 0,
        }
    }
    fn str(v: &Value) -> &str {
        v.as_str().unwrap_or("")
    }
    if items.iter().all(|v| matches!(v, Value::Int(_))) {
        // Equal ints are indistinguishable, so stability does not matter.
        items.sort_unstable_by_key(int);
        if reverse {
            items.reverse();
        }
        return true;
    }
    if items.iter().all(|v| matches!(v, Value::Str(_))) {
        if reverse {
            items.sort_by(|a, b| str(b).cmp(str(a)));
        } else {
            items.sort_by(|a, b| str(a).cmp(str(b)));
        }
        return true;
    }
    false
}

fn merge_sort(v: &mut Vec<usize>, before: &dyn Fn(usize, usize) -> PyResult<bool>) -> PyResult<()> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    // Insertion sort for short runs, then bottom-up merging.
    const RUN: usize = 16;
    for start in (0..n).step_by(RUN) {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let mut j = i;
            while j > start && before(v[j], v[j - 1])? {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
    }
    let mut width = RUN;
    let mut buf = Vec::with_capacity(n);
    while width < n {
        buf.clear();
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            while i < mid && j < end {
                if before(v[j], v[i])? {
                    buf.push(v[j]);
                    j += 1;
                } else {
                    buf.push(v[i]);
                    i += 1;
                }
            }
            buf.extend_from_slice(&v[i..mid]);
            buf.extend_from_slice(&v[j..end]);
            start = end;
        }
        std::mem::swap(v, &mut buf);
        width *= 2;
    }
    Ok(())
}

static SORTED: Signature = Signature::new(
    Style::Positional,
    "sorted",
    "iterable, /, *, key=None, reverse=False",
).doc("Return a new list holding the items of an iterable in ascending order.\n\nkey maps each item to what is compared; reverse=True sorts in descending order. The sort is stable.");

fn sorted(vm: &Vm, args: Args) -> PyResult {
    // CPython checks the positional argument, then hands the keywords to
    // `list.sort`, whose errors name `sort()`.
    let ([iterable], [_, _]) = SORTED.bind(vm, Args::new(args.pos))?;
    let keywords = Args::with_kw(std::slice::from_ref(iterable), args.kwnames, args.kwvalues);
    let ([_], [key, reverse]) = list::SORT.bind(vm, keywords)?;
    let mut items = vm.to_vec(iterable)?;
    let key = key.filter(|k| !k.is_none());
    let reverse = match reverse {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    sort_values(vm, &mut items, key, reverse)?;
    Ok(Value::list(items))
}

static REVERSED: Signature = Signature::new(Style::Positional, "reversed", "sequence, /")
    .doc("Return an iterator over the items of a sequence, last first.");

pub(crate) fn reversed(vm: &Vm, args: Args) -> PyResult {
    let ([v], []) = REVERSED.bind(vm, args)?;
    Ok(match v {
        Value::List(l) => NativeIter::new(IterState::Reversed {
            seq: v.clone(),
            index: l.len(),
        }),
        Value::Tuple(t) => NativeIter::new(IterState::Reversed {
            seq: v.clone(),
            index: t.0.len(),
        }),
        Value::Str(s) => NativeIter::new(IterState::Reversed {
            seq: v.clone(),
            index: s.char_len(),
        }),
        Value::Range(r) => {
            let n = r.len();
            NativeIter::new(IterState::Range {
                next: r.start + (n - 1) * r.step,
                remaining: n,
                step: -r.step,
            })
        }
        Value::Dict(d) => NativeIter::new(IterState::Items {
            items: d.keys().into_iter().rev().collect(),
            index: 0,
        }),
        other => {
            let class = vm.class_of(other);
            let not_reversible =
                || vm.type_error(format!("'{}' object is not reversible", class.name));
            match class.lookup_str("__reversed__") {
                // `__reversed__ = None` opts out (collections.abc.Mapping does).
                Some(Value::None) => return Err(not_reversible()),
                Some(m) => return vm.call_bound(&m, other, &[]),
                None => {}
            }
            if class.lookup_str("__len__").is_some() && class.lookup_str("__getitem__").is_some() {
                let n = vm.len(other)?;
                let mut items = Vec::with_capacity(n);
                for i in (0..n).rev() {
                    items.push(vm.get_item(other, &Value::Int(i as i64))?);
                }
                return Ok(NativeIter::new(IterState::Items { items, index: 0 }));
            }
            return Err(not_reversible());
        }
    })
}

static ENUMERATE: Signature = Signature::new(Style::Clinic, "enumerate", "iterable, start=0")
    .doc("Return an iterator of (index, item) pairs over an iterable, counting from start.");

fn enumerate(vm: &Vm, args: Args) -> PyResult {
    // CPython's enumerate words a call without arguments its own way.
    if args.pos.is_empty() && args.kwnames.is_empty() {
        return Err(vm.type_error("enumerate() missing required argument 'iterable'"));
    }
    let ([iterable], [start]) = ENUMERATE.bind(vm, args)?;
    let start = match start {
        Some(v) => vm.to_index(v)?,
        None => 0,
    };
    let inner = vm.iter(iterable)?;
    Ok(NativeIter::new(IterState::Enumerate {
        inner,
        count: start,
    }))
}

/// `zip`'s keyword, bound apart from the iterables as CPython does.
static ZIP: Signature = Signature::new(Style::Clinic, "zip", "*, strict=False").doc("Return an iterator of tuples taking one item from each iterable in turn.\n\nIt stops with the shortest iterable; with strict=True, iterables of different lengths raise ValueError.");

fn zip(vm: &Vm, args: Args) -> PyResult {
    let ([], [strict]) = ZIP.bind(vm, Args::with_kw(&[], args.kwnames, args.kwvalues))?;
    let strict = match strict {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let iters = args
        .pos
        .iter()
        .enumerate()
        .map(|(i, a)| {
            vm.iter(a).map_err(|e| {
                if vm.err_is(&e, &vm.exc.type_error) {
                    vm.type_error(format!("zip argument #{} must support iteration", i + 1))
                } else {
                    e
                }
            })
        })
        .collect::<PyResult<Vec<_>>>()?;
    Ok(NativeIter::new(IterState::Zip { iters, strict }))
}

static MAP: Signature = Signature::undocumented(Style::Positional, "map", "func, *iterables")
    .doc("Return an iterator applying a function to the items of one or more iterables.\n\nWith several iterables, the function takes one item from each, and the iterator stops with the shortest.");

/// Checks its arguments itself: CPython's words for too few are its own.
fn map(vm: &Vm, args: Args) -> PyResult {
    if args.has_kwargs() {
        return Err(vm.type_error("map() takes no keyword arguments"));
    }
    if args.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let iters = args.pos[1..]
        .iter()
        .map(|a| vm.iter(a))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(NativeIter::new(IterState::Map {
        func: args.pos[0].clone(),
        iters,
    }))
}

static FILTER: Signature = Signature::new(Style::Positional, "filter", "function, iterable, /").doc("Return an iterator over the items of an iterable for which function(item) is true.\n\nWith None as the function, keep the items that are true themselves.");

fn filter(vm: &Vm, args: Args) -> PyResult {
    let ([function, iterable], []) = FILTER.bind(vm, args)?;
    let inner = vm.iter(iterable)?;
    Ok(NativeIter::new(IterState::Filter {
        func: function.clone(),
        inner,
    }))
}

static CHR: Signature = Signature::new(Style::Exact, "chr", "i, /")
    .doc("Return the one-character string for a Unicode code point (0 to 0x10ffff).");

fn chr(vm: &Vm, args: Args) -> PyResult {
    let ([i], []) = CHR.bind(vm, args)?;
    let i = vm.to_index(i)?;
    match u32::try_from(i)
        .ok()
        .filter(|&c| c <= 0x10ffff)
        .map(char::from_u32)
    {
        Some(Some(c)) => Ok(Value::string(c.to_string())),
        Some(None) => Err(vm.not_implemented("chr() of a surrogate code point")),
        None => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}

static ORD: Signature = Signature::new(Style::Exact, "ord", "c, /").doc(
    "Return the Unicode code point of a one-character string (or the value of a one-byte bytes).",
);

fn ord(vm: &Vm, args: Args) -> PyResult {
    let ([c], []) = ORD.bind(vm, args)?;
    match c.builtin_base() {
        Value::Str(s) => {
            if s.char_len() != 1 {
                return Err(vm.type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.char_len()
                )));
            }
            Ok(Value::Int(
                s.as_str().chars().next().map_or(0, |c| c as i64),
            ))
        }
        Value::Bytes(b) if b.len() == 1 => Ok(Value::Int(b[0] as i64)),
        Value::Bytes(b) => Err(vm.type_error(format!(
            "ord() expected a character, but string of length {} found",
            b.len()
        ))),
        other => Err(vm.type_error(format!(
            "ord() expected string of length 1, but {} found",
            vm.type_name(other)
        ))),
    }
}

fn radix(vm: &Vm, args: Args, sig: &Signature, radix: u32) -> PyResult {
    let ([number], []) = sig.bind(vm, args)?;
    let i = number::to_bigint(vm, number)?;
    Ok(Value::string(crate::fmt::int_to_string_radix(
        &i, radix, true,
    )))
}

static HEX: Signature = Signature::new(Style::Exact, "hex", "number, /")
    .doc("Return an integer written in hexadecimal, with a '0x' prefix.");

fn hex(vm: &Vm, args: Args) -> PyResult {
    radix(vm, args, &HEX, 16)
}

static OCT: Signature = Signature::new(Style::Exact, "oct", "number, /")
    .doc("Return an integer written in octal, with a '0o' prefix.");

fn oct(vm: &Vm, args: Args) -> PyResult {
    radix(vm, args, &OCT, 8)
}

static BIN: Signature = Signature::new(Style::Exact, "bin", "number, /")
    .doc("Return an integer written in binary, with a '0b' prefix.");

fn bin(vm: &Vm, args: Args) -> PyResult {
    radix(vm, args, &BIN, 2)
}

static ROUND: Signature = Signature::new(Style::Clinic, "round", "number, ndigits=None").doc("Return a number rounded to ndigits decimal places (halves go to the even neighbour).\n\nWithout ndigits, the result is an int; otherwise it has the number's type.");

pub(crate) fn round(vm: &Vm, args: Args) -> PyResult {
    let ([number], [ndigits]) = ROUND.bind(vm, args)?;
    let ndigits = ndigits.filter(|v| !v.is_none());
    match number {
        Value::Float(f) => match ndigits {
            None => {
                if f.get().is_nan() {
                    return Err(vm.value_error("cannot convert float NaN to integer"));
                }
                if f.get().is_infinite() {
                    return Err(vm.overflow_error("cannot convert float infinity to integer"));
                }
                let r = crate::fmt::round_half_even(f.get());
                Ok(crate::fmt::float_to_bigint(r)
                    .map(Value::from_bigint)
                    .unwrap_or(Value::float(r)))
            }
            Some(n) => {
                let n = vm.to_index(n)?;
                Ok(Value::float(
                    crate::fmt::round_float(f.get(), n)
                        .ok_or_else(|| vm.overflow_error("rounded value too large to represent"))?,
                ))
            }
        },
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            let i = number::to_bigint(vm, number)?;
            match ndigits {
                None => Ok(Value::from_bigint(i)),
                Some(n) => Ok(Value::from_bigint(crate::fmt::round_int(
                    &i,
                    vm.to_index(n)?,
                ))),
            }
        }
        other => match vm.class_of(other).lookup_str("__round__") {
            Some(m) => {
                let extra: Vec<Value> = ndigits.into_iter().cloned().collect();
                vm.call_bound(&m, other, &extra)
            }
            None => Err(vm.type_error(format!(
                "type {} doesn't define __round__ method",
                vm.type_name(other)
            ))),
        },
    }
}

static DIVMOD: Signature =
    Signature::new(Style::Positional, "divmod", "x, y, /").doc("Return the pair (x // y, x % y).");

pub(crate) fn divmod(vm: &Vm, args: Args) -> PyResult {
    let ([a, b], []) = DIVMOD.bind(vm, args)?;
    use crate::vm::ops::BinOp;
    if matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_)) {
        return divmod_dunders(vm, a, b);
    }
    let q = vm
        .binary_op(a, b, BinOp::FloorDiv, false)
        .map_err(|e| rename_unsupported(vm, e, "//", "divmod()"))?;
    let r = vm.binary_op(a, b, BinOp::Mod, false)?;
    Ok(Value::tuple(vec![q, r]))
}

/// `divmod(a, b)` through `a.__divmod__(b)` and `b.__rdivmod__(a)` (the
/// reflected one first when `b`'s class is a subclass of `a`'s that
/// overrides it), each skipped when it returns NotImplemented.
fn divmod_dunders(vm: &Vm, a: &Value, b: &Value) -> PyResult {
    let (ca, cb) = (vm.class_of(a), vm.class_of(b));
    let forward = ca.lookup_str("__divmod__");
    let reflected = if Rc::ptr_eq(&ca, &cb) {
        None
    } else {
        cb.lookup_str("__rdivmod__")
    };
    let reflected_first = reflected.is_some()
        && cb.is_subclass(&ca)
        && !matches!((&reflected, &ca.lookup_str("__rdivmod__")), (Some(r), Some(f)) if r.is(f));
    let mut calls = [(forward, a, b), (reflected, b, a)];
    if reflected_first {
        calls.swap(0, 1);
    }
    for (method, this, other) in calls {
        if let Some(m) = method {
            let r = vm.call_bound(&m, this, std::slice::from_ref(other))?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
    }
    Err(vm.type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        vm.type_name(a),
        vm.type_name(b)
    )))
}

fn rename_unsupported(
    vm: &Vm,
    e: crate::objects::PyErr,
    op: &str,
    name: &str,
) -> crate::objects::PyErr {
    if vm.err_is(&e, &vm.exc.type_error) {
        let msg = e
            .exc()
            .args
            .first()
            .and_then(|m| m.as_str().map(str::to_string))
            .unwrap_or_default();
        return vm.type_error(msg.replace(&format!("for {op}:"), &format!("for {name}:")));
    }
    e
}

static POW: Signature = Signature::new(Style::Clinic, "pow", "base, exp, mod=None").doc("Return base raised to the power exp, reduced modulo mod when mod is given.\n\nThe three-argument form computes the modulus efficiently.");

pub(crate) fn pow(vm: &Vm, args: Args) -> PyResult {
    let ([base, exp], [modulus]) = POW.bind(vm, args)?;
    if let Some(m) = modulus.filter(|m| !m.is_none()) {
        return ternary_pow(vm, base, exp, m);
    }
    vm.binary_op(base, exp, crate::vm::ops::BinOp::Pow, false)
}

/// `pow(base, exp, mod)`: CPython offers the three operands' types their
/// turn in order (each type once); int computes when all three are ints,
/// float refuses any modulus, complex refuses it differently, and of other
/// types only the base's `__pow__` is asked.
fn ternary_pow(vm: &Vm, base: &Value, exp: &Value, m: &Value) -> PyResult {
    let is_int = |v: &Value| matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_));
    let is_real = |v: &Value| is_int(v) || matches!(v, Value::Float(_));
    let operands = [base, exp, m];
    let mut seen: Vec<Rc<crate::objects::Class>> = Vec::with_capacity(3);
    for (i, v) in operands.iter().enumerate() {
        let class = vm.class_of(v);
        if seen.iter().any(|c| Rc::ptr_eq(c, &class)) {
            continue;
        }
        seen.push(class.clone());
        match v {
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_)
                if operands.iter().all(|v| is_int(v)) =>
            {
                return int_modpow(vm, base, exp, m);
            }
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {}
            Value::Float(_) => {
                return Err(vm.type_error(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                ))
            }
            Value::Complex(_) => {
                let complex_ok = |v: &Value| is_real(v) || matches!(v, Value::Complex(_));
                if complex_ok(base) && complex_ok(exp) {
                    return Err(vm.value_error("complex modulo"));
                }
            }
            _ if i == 0 => {
                if let Some(f) = class.lookup_str("__pow__") {
                    let r = vm.call_bound(&f, base, &[exp.clone(), m.clone()])?;
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(r);
                    }
                }
            }
            _ => {}
        }
    }
    Err(vm.type_error(format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        vm.type_name(base),
        vm.type_name(exp),
        vm.type_name(m)
    )))
}

/// `pow(b, e, m)` for ints; a negative exponent takes the modular inverse.
fn int_modpow(vm: &Vm, base: &Value, exp: &Value, m: &Value) -> PyResult {
    {
        let (b, e, m) = (
            number::to_bigint(vm, base)?,
            number::to_bigint(vm, exp)?,
            number::to_bigint(vm, m)?,
        );
        use num_traits::{Signed, Zero};
        if m.is_zero() {
            return Err(vm.value_error("pow() 3rd argument cannot be 0"));
        }
        let (b, e) = if e.is_negative() {
            // A negative exponent means the modular inverse, raised to -e.
            let inv = mod_inverse(&b, &m)
                .ok_or_else(|| vm.value_error("base is not invertible for the given modulus"))?;
            (inv, -e)
        } else {
            (b, e)
        };
        let r = b.modpow(&e, &m);
        let r = if !r.is_zero() && r.is_negative() != m.is_negative() {
            r + &m
        } else {
            r
        };
        Ok(Value::from_bigint(r))
    }
}

/// The inverse of `a` modulo `m`, if it exists (extended Euclid).
fn mod_inverse(a: &num_bigint::BigInt, m: &num_bigint::BigInt) -> Option<num_bigint::BigInt> {
    use num_integer::Integer;
    use num_traits::{One, Signed};
    let m_abs = m.abs();
    let g = a.mod_floor(&m_abs).extended_gcd(&m_abs);
    if !g.gcd.is_one() {
        return None;
    }
    Some(g.x.mod_floor(&m_abs))
}

static FORMAT: Signature = Signature::new(Style::Positional, "format", "value, format_spec='', /")
    .doc("Return value formatted by its __format__ method according to format_spec.");

fn format(vm: &Vm, args: Args) -> PyResult {
    let ([value], [spec]) = FORMAT.bind(vm, args)?;
    let spec = match spec {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(vm.type_error(format!(
                "format() argument 2 must be str, not {}",
                vm.type_name(other)
            )))
        }
        None => String::new(),
    };
    Ok(Value::string(vm.format(value, &spec)?))
}

static INPUT: Signature = Signature::new(Style::Positional, "input", "prompt='', /").doc("Read one line from standard input and return it without its newline.\n\nThe prompt, if given, is written first, without a newline. At end of input, raise EOFError.");

fn input(vm: &Vm, args: Args) -> PyResult {
    let ([], [prompt]) = INPUT.bind(vm, args)?;
    if let Some(p) = prompt {
        let s = vm.to_str(p)?;
        io::write_stdout(vm, &s)?;
    }
    vm.flush_stdout();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(vm.new_error(&vm.exc.eof_error, "EOF when reading a line")),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(Value::string(line))
        }
        Err(e) => Err(vm.new_error(&vm.exc.os_error, e.to_string())),
    }
}

static VARS: Signature =
    Signature::undocumented(Style::Positional, "vars", "object=<unrepresentable>, /").doc(
        "Return the __dict__ of an object; without an argument, the local names as locals() does.",
    );

fn vars(vm: &Vm, args: Args) -> PyResult {
    let ([], [object]) = VARS.bind(vm, args)?;
    match object {
        Some(v) => vm
            .get_attr_str(v, "__dict__")
            .map_err(|_| vm.type_error("vars() argument must have __dict__ attribute")),
        None => Err(vm.runtime_error("vars(): no current frame")),
    }
}

static LOCALS: Signature = Signature::new(Style::Exact, "locals", "")
    .doc("Return a dictionary of the names defined in the current local scope.");

fn locals(vm: &Vm, args: Args) -> PyResult {
    let ([], []) = LOCALS.bind(vm, args)?;
    Err(vm.runtime_error("locals(): no current frame"))
}

static GLOBALS: Signature = Signature::new(Style::Exact, "globals", "")
    .doc("Return the dictionary of the names defined in the current module.");

fn globals(vm: &Vm, args: Args) -> PyResult {
    let ([], []) = GLOBALS.bind(vm, args)?;
    Err(vm.runtime_error("globals(): no current frame"))
}

static DIR: Signature =
    Signature::undocumented(Style::Positional, "dir", "object=<unrepresentable>, /")
        .doc("Return the sorted names of the attributes of an object.\n\nWithout an argument, return the names in the current scope. A class's __dir__ method decides for its instances.");

fn dir(vm: &Vm, args: Args) -> PyResult {
    let ([], [obj]) = DIR.bind(vm, args)?;
    let Some(obj) = obj else {
        return Err(vm.runtime_error("dir(): no current frame"));
    };
    // A class's own `__dir__` decides, its answer sorted (as CPython does).
    if let Value::Instance(inst) = obj {
        if let Some(own_dir) = inst.class.lookup_str("__dir__") {
            let listed = vm.call_bound(&own_dir, obj, &[])?;
            let names = Value::list(vm.to_vec(&listed)?);
            vm.call_method(&names, "sort", &[])?;
            return Ok(names);
        }
    }
    let mut names: Vec<String> = Vec::new();
    let mut add = |n: &str| {
        if !names.iter().any(|x| x == n) {
            names.push(n.to_string());
        }
    };
    match obj {
        Value::Module(m) => m.ns.key_names().iter().for_each(|k| add(k.as_str())),
        Value::Class(c) => c
            .full_mro()
            .iter()
            .for_each(|c| c.dict.borrow().keys().for_each(|k| add(k.as_str()))),
        Value::Instance(i) => {
            i.attr_items()
                .iter()
                .for_each(|(k, _)| add(k.as_str().unwrap_or_default()));
            i.class
                .full_mro()
                .iter()
                .for_each(|c| c.dict.borrow().keys().for_each(|k| add(k.as_str())));
        }
        other => vm
            .class_of(other)
            .full_mro()
            .iter()
            .for_each(|c| c.dict.borrow().keys().for_each(|k| add(k.as_str()))),
    }
    names.sort();
    Ok(Value::list(names.into_iter().map(Value::string).collect()))
}

static SUPER: Signature =
    Signature::undocumented(Style::Positional, "super", "type=<unrepresentable>, object_or_type=None, /")
        .doc("Return a proxy that finds methods in the classes after a given class in an object's method order.\n\nInside a method, super() with no arguments means super(__class__, self).");

/// `super` itself checks its arguments, as CPython's type does.
fn super_(vm: &Vm, args: Args) -> PyResult {
    let mut pos = vec![Value::Class(vm.types.super_.clone())];
    pos.extend_from_slice(args.pos);
    vm.instantiate(&vm.types.super_, Args::new(&pos[1..]))
}

static BUILD_CLASS: Signature = Signature::undocumented(
    Style::Positional,
    "__build_class__",
    "func, name, /, *bases, metaclass=None, **kwds",
)
.doc("Create a class from its body function: what a class statement calls.");

fn build_class(vm: &Vm, args: Args) -> PyResult {
    vm.build_class(args)
}

static IMPORT: Signature = Signature::new(
    Style::Clinic,
    "__import__",
    "name, globals=None, locals=None, fromlist=(), level=0",
)
.doc("Import a module: what the import statement calls.\n\nPrograms call importlib.import_module() instead.");

pub fn import_(vm: &Vm, args: Args) -> PyResult {
    let ([name], [globals, _locals, fromlist, level]) = IMPORT.bind(vm, args)?;
    let name = match name {
        Value::Str(s) => s.as_str().to_string(),
        other => {
            return Err(vm.type_error(format!(
                "__import__() argument 1 must be str, not {}",
                vm.type_name(other)
            )))
        }
    };
    let globals = match globals {
        Some(Value::Dict(d)) => Some(d.clone()),
        _ => None,
    };
    let fromlist = fromlist.cloned().unwrap_or_default();
    let level = match level {
        Some(v) => vm.to_index(v)?,
        None => 0,
    };
    let lookup = |k: &str| globals.as_ref().and_then(|g| g.get_str(k));
    vm.import_with(&name, &lookup, &fromlist, level)
}

/// The `builtins` module: its namespace is the one every global lookup
/// falls back to, so `builtins.x = 1` makes `x` visible everywhere.
pub fn make_module(vm: &Vm) -> PyResult<Rc<crate::objects::Module>> {
    let m = crate::objects::Module::new("builtins", vm.builtins.clone());
    crate::stdlib::set(&m, "__name__", Value::str("builtins"));
    crate::stdlib::set(
        &m,
        "__doc__",
        Value::str("Built-in functions, types, exceptions, and other objects."),
    );
    Ok(m)
}

/// `type(x)` and `type(name, bases, dict, **kwargs)`.
pub fn type_call(vm: &Vm, args: Args) -> PyResult {
    match args.len() {
        1 if !args.has_kwargs() => Ok(Value::Class(vm.class_of(&args.pos[0]))),
        1 => Err(vm.type_error("type() takes no keyword arguments")),
        3 => {
            let kwargs = Args::with_kw(&[], args.kwnames, args.kwvalues);
            object::new_type(vm, &vm.types.type_, args.pos, kwargs)
        }
        _ => Err(vm.type_error("type() takes 1 or 3 arguments")),
    }
}

/// Attributes of code objects.
pub fn code_attr(_vm: &Vm, c: &Rc<Code>, name: &str) -> Option<Value> {
    let co = &c.co;
    let strs = |v: &[Rc<str>]| Value::tuple(v.iter().map(|s| Value::str(s)).collect());
    Some(match name {
        "co_name" => Value::str(&co.name),
        "co_qualname" => Value::str(&co.qualname),
        "co_filename" => Value::str(&co.filename),
        "co_firstlineno" => Value::Int(co.firstlineno as i64),
        "co_flags" => Value::Int(co.flags as i64),
        "co_argcount" => Value::Int(co.argcount as i64),
        "co_posonlyargcount" => Value::Int(co.posonlyargcount as i64),
        "co_kwonlyargcount" => Value::Int(co.kwonlyargcount as i64),
        "co_nlocals" => Value::Int(co.varnames.len() as i64),
        "co_stacksize" => Value::Int(co.stacksize as i64),
        "co_varnames" => strs(&co.varnames),
        "co_names" => strs(&co.names),
        "co_cellvars" => strs(&co.cellvars),
        "co_freevars" => strs(&co.freevars),
        "co_consts" => Value::tuple(c.consts.clone()),
        "co_code" => Value::Bytes(Rc::new(
            co.instructions
                .iter()
                .flat_map(|i| [i.op as u8, i.arg.min(255) as u8])
                .collect(),
        )),
        _ => return None,
    })
}

/// `str(x)` and `int(x)`, the common one-argument conversions, for `instantiate` to call
/// without looking up `__new__` or building an argument vector; None for other classes.
pub fn convert_one(vm: &Vm, cls: &Rc<crate::objects::Class>, x: &Value) -> Option<PyResult> {
    if Rc::ptr_eq(cls, &vm.types.str) {
        Some(str::str_of(vm, x))
    } else if Rc::ptr_eq(cls, &vm.types.int) {
        Some(number::int_of(vm, x))
    } else {
        None
    }
}

impl Vm {
    /// `format(v, spec)`.
    pub fn format(&self, v: &Value, spec: &str) -> PyResult<String> {
        let mut out = String::new();
        self.format_into(&mut out, v, spec)?;
        Ok(out)
    }

    /// `format(v, spec)` as a value: a str formatted with an empty spec is itself, and
    /// short results need no intermediate `String` (f-strings' `FORMAT_VALUE`).
    pub fn format_value(&self, v: &Value, spec: &str) -> PyResult<Value> {
        match (v, spec) {
            (Value::Str(_), "") => Ok(v.clone()),
            (Value::Int(i), "") => Ok(Value::Str(Rc::new(crate::objects::PyStr::from_i64(*i)))),
            _ => Ok(Value::string(self.format(v, spec)?)),
        }
    }

    /// `format(v, spec)`, appended to `out` (on error `out` may hold part of the text).
    pub fn format_into(&self, out: &mut String, v: &Value, spec: &str) -> PyResult<()> {
        let fmt_err = |e: crate::fmt::FormatError, tn: &str| match e.exception_name() {
            "OverflowError" => self.overflow_error(e.message(tn)),
            "MemoryError" => self.new_error(&self.exc.memory_error, ""),
            _ => self.value_error(e.message(tn)),
        };
        // The type name only appears in error messages: computed on failure.
        let int_err = |e: crate::fmt::FormatError| fmt_err(e, &self.type_name(v));
        match v {
            Value::Str(s) => {
                if spec.is_empty() {
                    out.push_str(s.as_str());
                    return Ok(());
                }
                let parsed = crate::fmt::parse_format_spec(spec).map_err(|e| fmt_err(e, "str"))?;
                crate::fmt::format_str_into(out, s.as_str(), &parsed).map_err(|e| fmt_err(e, "str"))
            }
            Value::Int(i) => {
                if spec.is_empty() {
                    crate::fmt::push_i64(out, *i);
                    return Ok(());
                }
                let parsed = crate::fmt::parse_format_spec(spec).map_err(int_err)?;
                crate::fmt::format_int_into(out, crate::fmt::IntRef::Small(*i), &parsed)
                    .map_err(int_err)
            }
            Value::Bool(b) => {
                if spec.is_empty() {
                    out.push_str(if b.get() { "True" } else { "False" });
                    return Ok(());
                }
                let parsed = crate::fmt::parse_format_spec(spec).map_err(int_err)?;
                crate::fmt::format_int_into(out, crate::fmt::IntRef::Small(b.get() as i64), &parsed)
                    .map_err(int_err)
            }
            Value::BigInt(b) => {
                if spec.is_empty() {
                    out.push_str(&self.to_str(v)?);
                    return Ok(());
                }
                let parsed = crate::fmt::parse_format_spec(spec).map_err(int_err)?;
                crate::fmt::format_int_into(out, crate::fmt::IntRef::Big(b), &parsed)
                    .map_err(int_err)
            }
            Value::Float(f) => {
                if spec.is_empty() {
                    out.push_str(&crate::fmt::float_repr(f.get()));
                    return Ok(());
                }
                let parsed =
                    crate::fmt::parse_format_spec(spec).map_err(|e| fmt_err(e, "float"))?;
                out.push_str(
                    &crate::fmt::format_float(f.get(), &parsed).map_err(|e| fmt_err(e, "float"))?,
                );
                Ok(())
            }
            Value::Complex(c) => {
                if spec.is_empty() {
                    out.push_str(&c.repr());
                    return Ok(());
                }
                let err = |e| fmt_err(e, "complex");
                let parsed = crate::fmt::parse_format_spec(spec).map_err(err)?;
                out.push_str(&crate::fmt::format_complex(c.re, c.im, &parsed).map_err(err)?);
                Ok(())
            }
            _ => {
                let class = self.class_of(v);
                match class.lookup(&crate::vm::protocol::dunders().format) {
                    Some(m) if !matches!(&m, Value::Builtin(b) if b.owner == Some("object")) => {
                        match self.call_bound(&m, v, &[Value::str(spec)])? {
                            Value::Str(s) => {
                                out.push_str(s.as_str());
                                Ok(())
                            }
                            other => Err(self.type_error(format!(
                                "__format__ must return a str, not {}",
                                self.type_name(&other)
                            ))),
                        }
                    }
                    _ => {
                        if spec.is_empty() {
                            out.push_str(&self.to_str(v)?);
                            Ok(())
                        } else {
                            Err(self.type_error(format!(
                                "unsupported format string passed to {}.__format__",
                                class.name
                            )))
                        }
                    }
                }
            }
        }
    }

    /// A SyntaxError exception value for a compile error (for `exec`/`eval`/import).
    pub fn syntax_error_value(&self, e: &crate::source::SyntaxError) -> crate::objects::PyErr {
        let class = match e.kind {
            crate::source::SyntaxErrorKind::SyntaxError => &self.exc.syntax_error,
            crate::source::SyntaxErrorKind::IndentationError => &self.exc.indentation_error,
            crate::source::SyntaxErrorKind::TabError => &self.exc.tab_error,
        };
        let text = e.text_attribute().map_or(Value::None, |t| Value::str(&t));
        let details = Value::tuple(vec![
            Value::str(&e.filename),
            Value::Int(e.lineno as i64),
            Value::Int(e.offset as i64),
            text.clone(),
            Value::Int(e.end_lineno as i64),
            Value::Int(e.end_offset_value()),
        ]);
        let err = self.new_exception(class, vec![Value::str(&e.msg), details]);
        err.0
            .set_attr(Name::new("lineno"), Value::Int(e.lineno as i64));
        err.0
            .set_attr(Name::new("offset"), Value::Int(e.offset as i64));
        err.0
            .set_attr(Name::new("filename"), Value::str(&e.filename));
        err.0.set_attr(Name::new("text"), text);
        err.0
            .set_attr(Name::new("end_lineno"), Value::Int(e.end_lineno as i64));
        err.0
            .set_attr(Name::new("end_offset"), Value::Int(e.end_offset_value()));
        err.0.set_attr(Name::new("msg"), Value::str(&e.msg));
        err
    }
}

/// A new dict value from pairs.
pub fn dict_from_pairs(vm: &Vm, pairs: Vec<(Value, Value)>) -> PyResult<Value> {
    let d = PyDict::new();
    for (k, v) in pairs {
        d.set(vm, k, v)?;
    }
    Ok(Value::Dict(crate::objects::gc::new(d)))
}
