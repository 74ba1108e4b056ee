//! The reduce protocol's defaults: `object.__reduce_ex__`,
//! `object.__reduce__` and `object.__getstate__`, which pickle and copy
//! call on every object that no copyreg entry or class method reduces.
//!
//! A reduction is a global name (str) or a tuple `(callable, args[, state[,
//! listitems[, dictitems[, state_setter]]]])`. Built-in values that CPython
//! reduces with their own `__reduce__` (range, slice, methods, exceptions)
//! get that reduction here, since towel's built-in types inherit these
//! methods from `object`; instances of classes get CPython's
//! `copyreg._reduce_ex` before protocol 2 and `copyreg.__newobj__` (or
//! `__newobj_ex__`) with their state from protocol 2.

use crate::builtins::bytearray::ByteArray;
use crate::objects::class::Payload;
use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Name, PyDict, PyResult, Value};
use crate::vm::Vm;
use std::rc::Rc;

/// `object.__reduce_ex__(protocol)`: a class's own `__reduce__` when it
/// overrides object's, else the default reduction for that protocol.
pub(crate) static OBJECT_REDUCE_EX: Signature =
    Signature::new(Style::Exact, "object.__reduce_ex__", "$self, protocol, /")
        .doc("Return what pickle and copy need to rebuild the object, for the given protocol.");

pub(crate) fn object_reduce_ex(vm: &Vm, args: Args) -> PyResult {
    OBJECT_REDUCE_EX.check(vm, args)?;
    let obj = &args.pos[0];
    let proto = vm.to_index(&args.pos[1])?;
    let own = vm.class_of(obj).lookup_str("__reduce__");
    let default = vm.types.object.lookup_str("__reduce__");
    match (own, default) {
        (Some(own), Some(default)) if !own.is(&default) => vm.call_method(obj, "__reduce__", &[]),
        _ => reduce(vm, obj, proto),
    }
}

/// `object.__reduce__()`: the protocol 0 reduction.
pub(crate) static OBJECT_REDUCE: Signature =
    Signature::new(Style::Exact, "object.__reduce__", "$self, /")
        .doc("Return what pickle and copy need to rebuild the object.");

pub(crate) fn object_reduce(vm: &Vm, args: Args) -> PyResult {
    OBJECT_REDUCE.check(vm, args)?;
    reduce(vm, &args.pos[0], 0)
}

/// `object.__getstate__()`: the instance's `__dict__` (None when empty),
/// paired with its slot values when its class has `__slots__`.
pub(crate) static OBJECT_GETSTATE: Signature =
    Signature::new(Style::Exact, "object.__getstate__", "$self, /")
        .doc("Return the object's state for pickling: its __dict__ (and slot values).");

pub(crate) fn object_getstate(vm: &Vm, args: Args) -> PyResult {
    OBJECT_GETSTATE.check(vm, args)?;
    default_state(vm, &args.pos[0])
}

/// The default reduction of `obj` for `proto`.
fn reduce(vm: &Vm, obj: &Value, proto: i64) -> PyResult {
    match obj {
        Value::Builtin(b) => Ok(match &b.bound {
            Some(receiver) if !matches!(receiver, Value::Module(_)) => {
                getattr_reduce(vm, receiver.clone(), Value::str(b.name))
            }
            _ => Value::str(b.name),
        }),
        Value::BoundMethod(m) => {
            let name = vm.get_attr_str(&m.func, "__name__")?;
            Ok(getattr_reduce(vm, m.receiver.clone(), name))
        }
        Value::Range(r) => Ok(Value::tuple(vec![
            Value::Class(vm.types.range.clone()),
            Value::tuple(vec![
                Value::Int(r.start),
                Value::Int(r.stop),
                Value::Int(r.step),
            ]),
        ])),
        Value::Slice(s) => Ok(Value::tuple(vec![
            Value::Class(vm.types.slice.clone()),
            Value::tuple(vec![s.start.clone(), s.stop.clone(), s.step.clone()]),
        ])),
        Value::Ellipsis => Ok(Value::str("Ellipsis")),
        Value::NotImplemented => Ok(Value::str("NotImplemented")),
        Value::Instance(inst) if matches!(inst.payload, Payload::Exception(_)) => {
            exception_reduce(vm, obj)
        }
        Value::Set(s) | Value::FrozenSet(s) => {
            let class = Value::Class(vm.class_of(obj));
            Ok(Value::tuple(vec![
                class,
                Value::tuple(vec![Value::list(s.items())]),
                Value::None,
            ]))
        }
        // A subclass of set or frozenset: as set's own `__reduce__`, with
        // the instance's attributes as the state.
        Value::Instance(_) if matches!(obj.builtin_base(), Value::Set(_) | Value::FrozenSet(_)) => {
            let (Value::Set(s) | Value::FrozenSet(s)) = obj.builtin_base() else {
                unreachable!("matched just above")
            };
            Ok(Value::tuple(vec![
                Value::Class(vm.class_of(obj)),
                Value::tuple(vec![Value::list(s.items())]),
                default_state(vm, obj)?,
            ]))
        }
        Value::Native(_) if obj.downcast_native::<ByteArray>().is_some() => {
            bytearray_reduce(vm, obj, proto)
        }
        Value::Native(_) | Value::Iter(_) => Err(vm.not_implemented(format!(
            "pickling and copying '{}' objects is not implemented in towel",
            vm.type_name(obj)
        ))),
        Value::Generator(_)
        | Value::Code(_)
        | Value::Cell(_)
        | Value::Module(_)
        | Value::Function(_)
        | Value::Closure(_) => {
            Err(vm.type_error(format!("cannot pickle '{}' object", vm.type_name(obj))))
        }
        _ if proto < 2 => {
            let reduce_ex = copyreg_attr(vm, "_reduce_ex")?;
            vm.call(&reduce_ex, &[obj.clone(), Value::Int(proto)])
        }
        _ => reduce_newobj(vm, obj),
    }
}

fn copyreg_attr(vm: &Vm, name: &str) -> PyResult {
    let copyreg = vm.import_module("copyreg")?;
    super::super::module_attr(vm, &copyreg, name)
}

/// `bytearray.__reduce_ex__`: rebuilt from bytes, or before protocol 3
/// (which has no bytes) from its Latin-1 text.
fn bytearray_reduce(vm: &Vm, obj: &Value, proto: i64) -> PyResult<Value> {
    let bytes = obj
        .downcast_native::<ByteArray>()
        .map(|b| b.bytes.borrow().clone())
        .unwrap_or_default();
    let args = if proto < 3 {
        let text: String = bytes.iter().map(|&b| b as char).collect();
        vec![Value::string(text), Value::str("latin-1")]
    } else {
        vec![Value::Bytes(Rc::new(bytes))]
    };
    Ok(Value::tuple(vec![
        Value::Class(vm.class_of(obj)),
        Value::tuple(args),
        Value::None,
    ]))
}

/// `(getattr, (receiver, name))`: how a bound method is rebuilt.
fn getattr_reduce(vm: &Vm, receiver: Value, name: Value) -> Value {
    let getattr = vm
        .builtins
        .get_name(&Name::new("getattr"))
        .unwrap_or(Value::None);
    Value::tuple(vec![getattr, Value::tuple(vec![receiver, name])])
}

/// `BaseException.__reduce__`: (type, args) plus the `__dict__` if any.
fn exception_reduce(vm: &Vm, obj: &Value) -> PyResult<Value> {
    let class = Value::Class(vm.class_of(obj));
    let args = vm.get_attr_str(obj, "args")?;
    let dict = vm.get_attr_opt(obj, &Name::new("__dict__"))?;
    let mut parts = vec![class, args];
    if let Some(Value::Dict(d)) = &dict {
        if !d.is_empty() {
            parts.push(dict.unwrap_or(Value::None));
        }
    }
    Ok(Value::tuple(parts))
}

/// The protocol 2+ reduction: `(copyreg.__newobj__, (cls, *args), state,
/// listitems, dictitems)`, or `copyreg.__newobj_ex__` with keyword
/// arguments from `__getnewargs_ex__`.
fn reduce_newobj(vm: &Vm, obj: &Value) -> PyResult<Value> {
    let class = vm.class_of(obj);
    let (args, kwargs) = new_args(vm, obj)?;
    let state = vm.call_method(obj, "__getstate__", &[])?;
    let listitems = if vm.isinstance(obj, &vm.types.list) {
        vm.iter(obj)?
    } else {
        Value::None
    };
    let dictitems = if vm.isinstance(obj, &vm.types.dict) {
        vm.iter(&vm.call_method(obj, "items", &[])?)?
    } else {
        Value::None
    };
    let cls = Value::Class(class);
    let (newobj, newargs) = match kwargs {
        Some(kw) => (
            copyreg_attr(vm, "__newobj_ex__")?,
            Value::tuple(vec![cls, Value::tuple(args), kw]),
        ),
        None => {
            let mut all = vec![cls];
            all.extend(args);
            (copyreg_attr(vm, "__newobj__")?, Value::tuple(all))
        }
    };
    Ok(Value::tuple(vec![
        newobj, newargs, state, listitems, dictitems,
    ]))
}

/// The arguments `cls.__new__` is called with when the object is rebuilt:
/// from `__getnewargs_ex__` (with keywords, None when there are none) or
/// `__getnewargs__`, else the value of a tuple, str, int, float or bytes
/// (the `__getnewargs__` of those types).
fn new_args(vm: &Vm, obj: &Value) -> PyResult<(Vec<Value>, Option<Value>)> {
    let class = vm.class_of(obj);
    if class.lookup_str("__getnewargs_ex__").is_some() {
        let r = vm.call_method(obj, "__getnewargs_ex__", &[])?;
        let Value::Tuple(t) = &r else {
            return Err(vm.type_error(format!(
                "__getnewargs_ex__ should return a tuple, not '{}'",
                vm.type_name(&r)
            )));
        };
        if t.0.len() != 2 {
            return Err(vm.value_error(format!(
                "__getnewargs_ex__ should return a tuple of length 2, not {}",
                t.0.len()
            )));
        }
        let Value::Tuple(a) = &t.0[0] else {
            return Err(vm.type_error(format!(
                "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{}'",
                vm.type_name(&t.0[0])
            )));
        };
        let Value::Dict(kw) = &t.0[1] else {
            return Err(vm.type_error(format!(
                "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{}'",
                vm.type_name(&t.0[1])
            )));
        };
        let kwargs = (!kw.is_empty()).then(|| t.0[1].clone());
        return Ok((a.0.clone(), kwargs));
    }
    if class.lookup_str("__getnewargs__").is_some() {
        return match vm.call_method(obj, "__getnewargs__", &[])? {
            Value::Tuple(t) => Ok((t.0.clone(), None)),
            other => Err(vm.type_error(format!(
                "__getnewargs__ should return a tuple, not '{}'",
                vm.type_name(&other)
            ))),
        };
    }
    Ok(match obj.builtin_base() {
        v @ (Value::Tuple(_)
        | Value::Str(_)
        | Value::Int(_)
        | Value::BigInt(_)
        | Value::Float(_)
        | Value::Bytes(_)
        | Value::Bool(_)) => (vec![v.clone()], None),
        _ => (Vec::new(), None),
    })
}

/// `object.__getstate__()` (see [`object_getstate`]). Slot values are kept
/// apart from the `__dict__`, as in CPython where slots are not in it.
fn default_state(vm: &Vm, obj: &Value) -> PyResult<Value> {
    let class = vm.class_of(obj);
    let names = if class.lookup_str("__slots__").is_some() {
        let slotnames = copyreg_attr(vm, "_slotnames")?;
        let names = vm.call(&slotnames, &[Value::Class(class)])?;
        vm.to_vec(&names)?
            .iter()
            .map(|n| vm.to_str(n))
            .collect::<PyResult<Vec<String>>>()?
    } else {
        Vec::new()
    };
    let dict = PyDict::new();
    if let Value::Instance(_) = obj {
        if let Some(Value::Dict(d)) = vm.get_attr_opt(obj, &Name::new("__dict__"))? {
            for (k, v) in d.items() {
                if k.as_str()
                    .is_some_and(|name| names.iter().any(|n| n == name))
                {
                    continue;
                }
                dict.set(vm, k, v)?;
            }
        }
    }
    let dict = if dict.is_empty() {
        Value::None
    } else {
        Value::Dict(Rc::new(dict))
    };
    if names.is_empty() {
        return Ok(dict);
    }
    let slots = PyDict::new();
    for name in &names {
        if let Some(v) = vm.get_attr_opt(obj, &Name::new(name))? {
            slots.set(vm, Value::str(name), v)?;
        }
    }
    if slots.is_empty() {
        return Ok(dict);
    }
    Ok(Value::tuple(vec![dict, Value::Dict(Rc::new(slots))]))
}
