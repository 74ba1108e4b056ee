//! The instructions of `match` statements: what CPython 3.11's `ceval.c`
//! does for `MATCH_CLASS` (`match_class`), `MATCH_KEYS` (`match_keys`),
//! `MATCH_MAPPING`, `MATCH_SEQUENCE`, `GET_LEN`, `COPY_DICT_WITHOUT_KEYS`
//! and `ROT_N`, with the stack shapes of 3.10 (see `bytecode.rs`).
//!
//! # Which values are sequences and mappings
//! CPython decides with two type flags, which built-in types set and
//! classes inherit: `list`, `tuple`, `range` and `collections.deque` are
//! sequences (`str`, `bytes` and `bytearray` are not, although they are
//! sequences elsewhere); `dict` is a mapping. `collections.abc.Sequence`
//! and `Mapping` carry the flags too (as `__abc_tpflags__` in their class
//! body), so classes deriving from them match. Here the first class along
//! the subject's MRO that settles the question decides.

use super::frame::Frame;
use super::Vm;
use crate::objects::BoolWord;
use crate::objects::{Class, Instance, Name, PyDict, PyResult, Value};
use std::rc::Rc;

/// `__abc_tpflags__` bits, as CPython's `Py_TPFLAGS_SEQUENCE` and `Py_TPFLAGS_MAPPING`.
const TPFLAGS_SEQUENCE: i64 = 1 << 5;
const TPFLAGS_MAPPING: i64 = 1 << 6;

/// What a class is to `MATCH_SEQUENCE` and `MATCH_MAPPING`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Collection {
    Sequence,
    Mapping,
    Neither,
}

impl Vm {
    /// `ROT_N`: `[.., x1, .., xn] -> [.., xn, x1, .., xn-1]` with `n = count`.
    pub(super) fn op_rot_n(&self, frame: &mut Frame, count: usize) {
        let v = frame.pop();
        let len = frame.stack.len();
        let at = (len + 1).saturating_sub(count).min(len);
        frame.stack.insert(at, v);
    }

    /// `GET_LEN`: `[.., x] -> [.., x, len(x)]`.
    pub(super) fn op_get_len(&self, frame: &mut Frame) -> PyResult<()> {
        let n = self.len(frame.top())?;
        frame.push(Value::Int(n as i64));
        Ok(())
    }

    /// `MATCH_SEQUENCE` (`sequence`) or `MATCH_MAPPING`: `[.., x] -> [.., x, b]`.
    pub(super) fn op_match_collection(&self, frame: &mut Frame, sequence: bool) {
        let want = if sequence {
            Collection::Sequence
        } else {
            Collection::Mapping
        };
        let is = self.collection_kind(frame.top()) == want;
        frame.push(Value::from_bool(is));
    }

    /// `MATCH_KEYS`: `[.., map, keys] -> [.., map, keys, values, True]`, or
    /// `[.., map, keys, None, False]` when a key is missing.
    pub(super) fn op_match_keys(&self, frame: &mut Frame) -> PyResult<()> {
        let keys = frame.peek(0).clone();
        let map = frame.peek(1).clone();
        match self.match_keys(&map, &keys)? {
            Some(values) => {
                frame.push(values);
                frame.push(Value::Bool(BoolWord::TRUE));
            }
            None => {
                frame.push(Value::None);
                frame.push(Value::Bool(BoolWord::FALSE));
            }
        }
        Ok(())
    }

    /// `COPY_DICT_WITHOUT_KEYS`: `[.., map, keys] -> [.., map, rest]`.
    pub(super) fn op_copy_dict_without_keys(&self, frame: &mut Frame) -> PyResult<()> {
        let keys = frame.pop();
        let rest = PyDict::new();
        crate::builtins::dict::update_from(self, &rest, frame.top())?;
        for key in tuple_items(&keys) {
            if rest.remove(self, key)?.is_none() {
                return Err(self.key_error(key.clone()));
            }
        }
        frame.push(Value::Dict(crate::objects::gc::new(rest)));
        Ok(())
    }

    /// `MATCH_CLASS nargs`: `[.., x, cls, names] -> [.., attrs, True]`, or
    /// `[.., x, False]` when `x` does not match.
    pub(super) fn op_match_class(&self, frame: &mut Frame, nargs: usize) -> PyResult<()> {
        let names = frame.pop();
        let cls = frame.pop();
        let subject = frame.pop();
        let matched = match self.match_class(&subject, &cls, nargs, &names)? {
            Some(attrs) => {
                frame.push(attrs);
                true
            }
            None => {
                frame.push(subject);
                false
            }
        };
        frame.push(Value::from_bool(matched));
        Ok(())
    }

    /// Whether `v` counts as a sequence, a mapping or neither.
    fn collection_kind(&self, v: &Value) -> Collection {
        match v {
            Value::List(_) | Value::Tuple(_) | Value::Range(_) => Collection::Sequence,
            Value::Dict(_) => Collection::Mapping,
            Value::Instance(_) | Value::Native(_) => self.class_collection_kind(&self.class_of(v)),
            _ => Collection::Neither,
        }
    }

    /// The collection kind of a class: that of the first class along its
    /// MRO that has one (see the module docs).
    fn class_collection_kind(&self, class: &Rc<Class>) -> Collection {
        let t = &self.types;
        let tpflags = Name::new("__abc_tpflags__");
        for c in class.full_mro() {
            let is = |b: &Rc<Class>| Rc::ptr_eq(&c, b);
            if is(&t.list) || is(&t.tuple) || is(&t.range) {
                return Collection::Sequence;
            }
            if is(&t.dict) {
                return Collection::Mapping;
            }
            if is(&t.str) || is(&t.bytes) || is(&crate::builtins::bytearray::class(self)) {
                return Collection::Neither;
            }
            let module = c.module.borrow().clone();
            match (&*module, &*c.name) {
                ("collections", "deque") => return Collection::Sequence,
                ("collections.abc" | "_collections_abc", "Sequence" | "MutableSequence") => {
                    return Collection::Sequence
                }
                ("collections.abc" | "_collections_abc", "Mapping" | "MutableMapping") => {
                    return Collection::Mapping
                }
                _ => {}
            }
            if let Some(Value::Int(flags)) = c.dict.borrow().get(&tpflags) {
                if flags & TPFLAGS_SEQUENCE != 0 {
                    return Collection::Sequence;
                }
                if flags & TPFLAGS_MAPPING != 0 {
                    return Collection::Mapping;
                }
            }
        }
        Collection::Neither
    }

    /// The values of `keys` in `map`, or None if one is missing (CPython's
    /// `match_keys`). Mappings other than dicts are asked with
    /// `map.get(key, sentinel)`, which neither raises nor creates keys.
    fn match_keys(&self, map: &Value, keys: &Value) -> PyResult<Option<Value>> {
        let keys = tuple_items(keys);
        if keys.is_empty() {
            return Ok(Some(Value::tuple(Vec::new())));
        }
        let getter = match map {
            Value::Dict(_) => None,
            _ => Some(self.get_attr(map, &Name::new("get"))?),
        };
        let sentinel = crate::objects::gc::new(Instance::new(self.types.object.clone()));
        let seen = PyDict::new();
        let mut values = Vec::with_capacity(keys.len());
        for key in keys {
            if seen.contains(self, key)? {
                return Err(self.value_error(format!(
                    "mapping pattern checks duplicate key ({})",
                    self.repr(key)?
                )));
            }
            seen.set(self, key.clone(), Value::None)?;
            let value = match (&getter, map) {
                (None, Value::Dict(d)) => d.get(self, key)?,
                (Some(get), _) => {
                    let v = self.call(get, &[key.clone(), Value::Instance(sentinel.clone())])?;
                    match &v {
                        Value::Instance(i) if Rc::ptr_eq(i, &sentinel) => None,
                        _ => Some(v),
                    }
                }
                (None, _) => None,
            };
            match value {
                Some(v) => values.push(v),
                None => return Ok(None),
            }
        }
        Ok(Some(Value::tuple(values)))
    }

    /// The attributes a class pattern extracts from `subject`, or None if
    /// it does not match (CPython's `match_class`).
    fn match_class(
        &self,
        subject: &Value,
        cls: &Value,
        nargs: usize,
        names: &Value,
    ) -> PyResult<Option<Value>> {
        let Value::Class(class) = cls else {
            return Err(self.type_error("called match pattern must be a type"));
        };
        if !self.match_isinstance(subject, cls, class)? {
            return Ok(None);
        }
        let keywords = tuple_items(names);
        let mut seen: Vec<Rc<str>> = Vec::with_capacity(nargs + keywords.len());
        let mut attrs = Vec::with_capacity(nargs + keywords.len());
        if nargs > 0 {
            let (match_args, match_self) =
                match self.get_attr_opt(cls, &Name::new("__match_args__"))? {
                    Some(Value::Tuple(t)) => (t.0.clone(), false),
                    Some(other) => {
                        return Err(self.type_error(format!(
                            "{}.__match_args__ must be a tuple (got {})",
                            class.name,
                            self.type_name(&other)
                        )))
                    }
                    // Only acknowledged when the class does not define `__match_args__`.
                    None => (Vec::new(), self.matches_self(class)),
                };
            let allowed = if match_self { 1 } else { match_args.len() };
            if allowed < nargs {
                let plural = if allowed == 1 { "" } else { "s" };
                return Err(self.type_error(format!(
                    "{}() accepts {allowed} positional sub-pattern{plural} ({nargs} given)",
                    class.name
                )));
            }
            if match_self {
                attrs.push(subject.clone());
            } else {
                for name in &match_args[..nargs] {
                    let Value::Str(name) = name else {
                        return Err(self.type_error(format!(
                            "__match_args__ elements must be strings (got {})",
                            self.type_name(name)
                        )));
                    };
                    match self.match_class_attr(subject, class, name.as_str(), &mut seen)? {
                        Some(v) => attrs.push(v),
                        None => return Ok(None),
                    }
                }
            }
        }
        for name in keywords {
            let name = name.as_str().unwrap_or_default();
            match self.match_class_attr(subject, class, name, &mut seen)? {
                Some(v) => attrs.push(v),
                None => return Ok(None),
            }
        }
        Ok(Some(Value::tuple(attrs)))
    }

    /// `isinstance(subject, cls)`, including a class's own
    /// `__instancecheck__` (how towel's ABCs take part, having no metaclasses).
    fn match_isinstance(&self, subject: &Value, cls: &Value, class: &Rc<Class>) -> PyResult<bool> {
        if self.isinstance(subject, class) {
            return Ok(true);
        }
        let hook = Name::new("__instancecheck__");
        if class.lookup(&hook).is_none() {
            return Ok(false);
        }
        let check = self.get_attr(cls, &hook)?;
        let result = self.call(&check, &[subject.clone()])?;
        self.truthy(&result)
    }

    /// One attribute for a class pattern: None (no match) if it is missing.
    fn match_class_attr(
        &self,
        subject: &Value,
        class: &Class,
        name: &str,
        seen: &mut Vec<Rc<str>>,
    ) -> PyResult<Option<Value>> {
        if seen.iter().any(|s| &**s == name) {
            return Err(self.type_error(format!(
                "{}() got multiple sub-patterns for attribute {}",
                class.name,
                crate::objects::str::repr_str(name)
            )));
        }
        seen.push(Rc::from(name));
        match self.get_attr(subject, &Name::new(name)) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.err_is(&e, &self.exc.attribute_error) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Whether a class pattern on `class` with one positional sub-pattern
    /// matches the subject itself (`case int(x)`): the built-in types
    /// CPython marks with `_Py_TPFLAGS_MATCH_SELF`, and classes deriving
    /// from them.
    fn matches_self(&self, class: &Rc<Class>) -> bool {
        let t = &self.types;
        let bool_class = super::types::bool_class(self);
        let bytearray = crate::builtins::bytearray::class(self);
        let selves = [
            &bool_class,
            &bytearray,
            &t.bytes,
            &t.dict,
            &t.float,
            &t.frozenset,
            &t.int,
            &t.list,
            &t.set,
            &t.str,
            &t.tuple,
        ];
        class
            .full_mro()
            .iter()
            .any(|c| selves.iter().any(|s| Rc::ptr_eq(c, s)))
    }
}

/// The items of a tuple (of keys or attribute names); empty for anything else.
fn tuple_items(v: &Value) -> &[Value] {
    match v {
        Value::Tuple(t) => &t.0,
        _ => &[],
    }
}
