//! The object protocols: `repr`, `str`, `hash`, truth, `len`, iteration,
//! attribute access and subscripting. Built-in types are handled in Rust;
//! instances of user classes dispatch to their dunder methods.

use super::limits::Recursing;
use super::Vm;
use crate::builtins::descriptors::{ClassMethod, Property, StaticMethod};
use crate::objects::iter::{DictView, IterState};
use crate::objects::BoolWord;
use crate::objects::{BoundMethod, Class, GenKind, Name, NativeIter, PyResult, Value};
use num_traits::{Signed, ToPrimitive, Zero};
use std::ops::ControlFlow;
use std::rc::Rc;

/// Pre-interned dunder names, so hot paths skip the interner.
pub struct Dunders {
    pub init: Name,
    pub repr: Name,
    pub str: Name,
    pub hash: Name,
    pub eq: Name,
    pub bool: Name,
    pub len: Name,
    pub iter: Name,
    pub next: Name,
    pub getattr: Name,
    pub getattribute: Name,
    pub setattr: Name,
    pub delattr: Name,
    pub getitem: Name,
    pub setitem: Name,
    pub delitem: Name,
    pub contains: Name,
    pub call: Name,
    pub get: Name,
    pub set: Name,
    pub class: Name,
    pub dict: Name,
    pub name: Name,
    pub qualname: Name,
    pub module: Name,
    pub doc: Name,
    pub new: Name,
    pub enter: Name,
    pub exit: Name,
    pub aenter: Name,
    pub aexit: Name,
    pub await_: Name,
    pub aiter: Name,
    pub anext: Name,
    pub missing: Name,
    pub format: Name,
    pub index: Name,
    pub set_name: Name,
    pub init_subclass: Name,
    pub class_getitem: Name,
}

impl Dunders {
    pub fn new() -> Dunders {
        let n = Name::new;
        Dunders {
            init: n("__init__"),
            repr: n("__repr__"),
            str: n("__str__"),
            hash: n("__hash__"),
            eq: n("__eq__"),
            bool: n("__bool__"),
            len: n("__len__"),
            iter: n("__iter__"),
            next: n("__next__"),
            getattr: n("__getattr__"),
            getattribute: n("__getattribute__"),
            setattr: n("__setattr__"),
            delattr: n("__delattr__"),
            getitem: n("__getitem__"),
            setitem: n("__setitem__"),
            delitem: n("__delitem__"),
            contains: n("__contains__"),
            call: n("__call__"),
            get: n("__get__"),
            set: n("__set__"),
            class: n("__class__"),
            dict: n("__dict__"),
            name: n("__name__"),
            qualname: n("__qualname__"),
            module: n("__module__"),
            doc: n("__doc__"),
            new: n("__new__"),
            enter: n("__enter__"),
            exit: n("__exit__"),
            aenter: n("__aenter__"),
            aexit: n("__aexit__"),
            await_: n("__await__"),
            aiter: n("__aiter__"),
            anext: n("__anext__"),
            missing: n("__missing__"),
            format: n("__format__"),
            index: n("__index__"),
            set_name: n("__set_name__"),
            init_subclass: n("__init_subclass__"),
            class_getitem: n("__class_getitem__"),
        }
    }
}

impl Default for Dunders {
    fn default() -> Self {
        Dunders::new()
    }
}

thread_local! {
    static DUNDERS: Rc<Dunders> = Rc::new(Dunders::new());
    static REPR_GUARD: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The pre-interned dunder names.
pub fn dunders() -> Rc<Dunders> {
    DUNDERS.with(|d| d.clone())
}

/// True if the class's `name` attribute is a user-defined function (not a
/// built-in default inherited from `object`).
pub(super) fn user_method(class: &Class, name: &Name) -> Option<Value> {
    class
        .lookup(name)
        .filter(|v| !matches!(v, Value::Builtin(b) if b.owner == Some("object")))
}

/// `__name__`-shaped: the names of slot wrappers.
fn is_dunder(name: &str) -> bool {
    name.len() > 4 && name.starts_with("__") && name.ends_with("__")
}

fn hex_id(v: &Value) -> String {
    format!("{:#x}", v.id())
}

impl Vm {
    // -- repr / str ---------------------------------------------------------------

    pub fn repr(&self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::None => "None".into(),
            Value::Bool(b) => if b.get() { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => b.to_string(),
            Value::Float(f) => crate::fmt::float_repr(f.get()),
            Value::Complex(c) => c.repr(),
            Value::Str(s) => crate::objects::str::repr_str(s.as_str()),
            Value::Bytes(b) => crate::objects::bytes::repr_bytes(b),
            Value::List(l) => {
                let items = l.snapshot();
                self.repr_guarded(v, "[...]", |vm| vm.repr_seq("[", &items, "]"))?
            }
            Value::Tuple(t) => self.repr_guarded(v, "(...)", |vm| match &t.0[..] {
                [only] => Ok(format!("({},)", vm.repr(only)?)),
                items => vm.repr_seq("(", items, ")"),
            })?,
            Value::Dict(d) => self.repr_guarded(v, "{...}", |vm| {
                let mut out = String::from("{");
                for (i, (k, val)) in d.items().iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&vm.repr(k)?);
                    out.push_str(": ");
                    out.push_str(&vm.repr(val)?);
                }
                out.push('}');
                Ok(out)
            })?,
            Value::Set(s) => {
                if s.is_empty() {
                    "set()".into()
                } else {
                    self.repr_guarded(v, "{...}", |vm| vm.repr_seq("{", &s.items(), "}"))?
                }
            }
            Value::FrozenSet(s) => {
                if s.is_empty() {
                    "frozenset()".into()
                } else {
                    let items = s.items();
                    self.recursing(Recursing::Repr, || {
                        Ok(format!("frozenset({})", self.repr_seq("{", &items, "}")?))
                    })?
                }
            }
            Value::Range(r) => {
                if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Value::Slice(s) => format!(
                "slice({}, {}, {})",
                self.repr(&s.start)?,
                self.repr(&s.stop)?,
                self.repr(&s.step)?
            ),
            Value::Function(f) => format!("<function {} at {}>", f.qualname.borrow(), hex_id(v)),
            Value::Builtin(b) => match (&b.bound, b.owner) {
                // An unbound method of a built-in type (`list.append`, `int.__add__`).
                (None, Some(owner)) if is_dunder(b.name) => {
                    format!("<slot wrapper '{}' of '{owner}' objects>", b.name)
                }
                (None, Some(owner)) => format!("<method '{}' of '{owner}' objects>", b.name),
                (Some(Value::Module(_)) | None, _) => format!("<built-in function {}>", b.name),
                (Some(obj), _) => format!(
                    "<built-in method {} of {} object at {}>",
                    b.name,
                    self.type_name(obj),
                    hex_id(obj)
                ),
            },
            Value::Closure(c) => format!("<built-in function {}>", c.name),
            Value::BoundMethod(m) => {
                let fname = match &m.func {
                    Value::Function(f) => f.qualname.borrow().to_string(),
                    Value::Builtin(b) => {
                        let what = if is_dunder(b.name) && b.owner.is_some() {
                            format!("method-wrapper '{}'", b.name)
                        } else {
                            format!("built-in method {}", b.name)
                        };
                        return Ok(format!(
                            "<{what} of {} object at {}>",
                            self.type_name(&m.receiver),
                            hex_id(&m.receiver)
                        ));
                    }
                    other => self.repr(other)?,
                };
                format!("<bound method {} of {}>", fname, self.repr(&m.receiver)?)
            }
            Value::Class(c) => {
                if let Some(m) = self.metaclass_method(c, &dunders().repr) {
                    return match self.call_bound(&m, v, &[])? {
                        Value::Str(s) => Ok(s.as_str().to_string()),
                        other => Err(self.type_error(format!(
                            "__repr__ returned non-string (type {})",
                            self.type_name(&other)
                        ))),
                    };
                }
                let module = c.module.borrow();
                if &**module == "builtins" {
                    format!("<class '{}'>", c.qualname.borrow())
                } else {
                    format!("<class '{}.{}'>", module, c.qualname.borrow())
                }
            }
            Value::Generator(g) => format!(
                "<{} object {} at {}>",
                g.kind.type_name(),
                g.qualname.borrow(),
                hex_id(v)
            ),
            Value::Iter(it) => format!("<{} object at {}>", it.type_name(), hex_id(v)),
            Value::Module(m) => self.module_repr(m),
            Value::Code(c) => format!(
                "<code object {} at {}, file \"{}\", line {}>",
                c.co.name,
                hex_id(v),
                c.co.filename,
                c.co.firstlineno
            ),
            Value::Cell(_) => format!("<cell at {}>", hex_id(v)),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::Undef => "<undefined>".into(),
            Value::Instance(_) | Value::Native(_) => {
                let class = self.class_of(v);
                match class.lookup(&dunders().repr) {
                    Some(m) => {
                        let r = self.recursing(Recursing::Repr, || self.call_bound(&m, v, &[]))?;
                        match r {
                            Value::Str(s) => s.as_str().to_string(),
                            other => {
                                return Err(self.type_error(format!(
                                    "__repr__ returned non-string (type {})",
                                    self.type_name(&other)
                                )))
                            }
                        }
                    }
                    None => self.default_repr(v),
                }
            }
        })
    }

    /// A dunder a class's metaclass defines in Python (not type's or object's default), if any.
    pub fn metaclass_method(&self, class: &Class, name: &Name) -> Option<Value> {
        let meta = class.metaclass.borrow().clone()?;
        meta.lookup(name).filter(
            |m| !matches!(m, Value::Builtin(b) if matches!(b.owner, Some("type" | "object"))),
        )
    }

    /// `<__main__.Thing object at 0x...>`
    pub fn default_repr(&self, v: &Value) -> String {
        let class = self.class_of(v);
        let module = class.module.borrow().clone();
        if &*module == "builtins" {
            format!("<{} object at {}>", class.qualname.borrow(), hex_id(v))
        } else {
            format!(
                "<{}.{} object at {}>",
                module,
                class.qualname.borrow(),
                hex_id(v)
            )
        }
    }

    fn repr_seq(&self, open: &str, items: &[Value], close: &str) -> PyResult<String> {
        let mut out = String::from(open);
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&self.repr(item)?);
        }
        out.push_str(close);
        Ok(out)
    }

    /// Guards against infinite recursion when a container contains itself.
    pub(crate) fn repr_guarded(
        &self,
        v: &Value,
        placeholder: &str,
        f: impl FnOnce(&Vm) -> PyResult<String>,
    ) -> PyResult<String> {
        let id = v.id();
        if REPR_GUARD.with(|g| g.borrow().contains(&id)) {
            return Ok(placeholder.to_string());
        }
        REPR_GUARD.with(|g| g.borrow_mut().push(id));
        let result = self.recursing(Recursing::Repr, || f(self));
        REPR_GUARD.with(|g| g.borrow_mut().retain(|&x| x != id));
        result
    }

    /// `str(v)`.
    pub fn to_str(&self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_string()),
            Value::Instance(_) | Value::Native(_) => {
                let class = self.class_of(v);
                match class.lookup(&dunders().str) {
                    Some(m) if !matches!(&m, Value::Builtin(b) if b.owner == Some("object")) => {
                        match self.recursing(Recursing::Str, || self.call_bound(&m, v, &[]))? {
                            Value::Str(s) => Ok(s.as_str().to_string()),
                            other => Err(self.type_error(format!(
                                "__str__ returned non-string (type {})",
                                self.type_name(&other)
                            ))),
                        }
                    }
                    _ => self.repr(v),
                }
            }
            // A metaclass's `__str__`.
            Value::Class(c) => match self.metaclass_method(c, &dunders().str) {
                Some(m) => match self.call_bound(&m, v, &[])? {
                    Value::Str(s) => Ok(s.as_str().to_string()),
                    other => Err(self.type_error(format!(
                        "__str__ returned non-string (type {})",
                        self.type_name(&other)
                    ))),
                },
                None => self.repr(v),
            },
            _ => self.repr(v),
        }
    }

    /// `str(v)` as a value, reusing the string object when `v` already is one.
    pub fn str_value(&self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Str(_) => Ok(v.clone()),
            _ => Ok(Value::string(self.to_str(v)?)),
        }
    }

    // -- hashing and truth ---------------------------------------------------------

    /// `hash(v)`. Str and int keys, the common ones, are hashed here, in a
    /// function small enough to need no stack frame; the rest is
    /// [`Vm::hash_general`]. Out of line: inlined, it perturbed the dispatch
    /// loop's code (fib(22) +16% instructions).
    #[inline(never)]
    pub fn hash(&self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Str(s) => Ok(s.hash()),
            Value::Int(i) => Ok(crate::fmt::int_hash_i64(*i)),
            _ => self.hash_general(v),
        }
    }

    #[inline(never)]
    fn hash_general(&self, v: &Value) -> PyResult<i64> {
        Ok(match v {
            Value::Str(s) => s.hash(),
            Value::Int(i) => crate::fmt::int_hash_i64(*i),
            Value::Bool(b) => b.get() as i64,
            Value::Float(f) => crate::fmt::float_hash(f.get()),
            Value::BigInt(b) => crate::fmt::int_hash(b),
            Value::Complex(c) => c.hash(),
            Value::None => crate::fmt::NONE_HASH,
            Value::Tuple(t) => self.hash_tuple(&t.0)?,
            Value::Bytes(b) => crate::fmt::bytes_hash(b),
            Value::FrozenSet(s) => s.frozen_hash(),
            Value::List(_) | Value::Dict(_) | Value::Set(_) => {
                return Err(self.type_error(format!("unhashable type: '{}'", self.type_name(v))))
            }
            Value::Slice(_) => return Err(self.type_error("unhashable type: 'slice'")),
            Value::Instance(_) | Value::Native(_) => {
                let class = self.class_of(v);
                match class.lookup(&dunders().hash) {
                    Some(Value::None) => {
                        return Err(self.type_error(format!("unhashable type: '{}'", class.name)))
                    }
                    Some(m) if !matches!(&m, Value::Builtin(b) if b.owner == Some("object")) => {
                        match self.call_bound(&m, v, &[])? {
                            Value::Int(i) => i,
                            Value::Bool(b) => b.get() as i64,
                            Value::BigInt(b) => crate::fmt::int_hash(&b),
                            _ => {
                                return Err(
                                    self.type_error("__hash__ method should return an integer")
                                )
                            }
                        }
                    }
                    _ => (v.id() >> 4) as i64,
                }
            }
            _ => (v.id() >> 4) as i64,
        })
    }

    /// CPython's tuple hash of the items' hashes.
    fn hash_tuple(&self, items: &[Value]) -> PyResult<i64> {
        let mut hasher = crate::fmt::TupleHasher::new();
        for item in items {
            hasher.add(self.hash(item)?);
        }
        Ok(hasher.finish())
    }

    /// `bool(v)`.
    pub fn truthy(&self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::None => false,
            Value::Bool(b) => b.get(),
            Value::Int(i) => *i != 0,
            Value::BigInt(b) => !b.is_zero(),
            Value::Float(f) => f.get() != 0.0,
            Value::Complex(c) => c.re != 0.0 || c.im != 0.0,
            Value::Str(s) => !s.as_str().is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::List(l) => !l.is_empty(),
            Value::Tuple(t) => !t.0.is_empty(),
            Value::Dict(d) => !d.is_empty(),
            Value::Set(s) | Value::FrozenSet(s) => !s.is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::Native(n) => match n.native_len() {
                Some(len) => len != 0,
                None => self.truthy_by_dunders(v)?,
            },
            Value::Instance(_) => self.truthy_by_dunders(v)?,
            // A class whose metaclass may define `__bool__` or `__len__`.
            Value::Class(c) if c.metaclass.borrow().is_some() => self.truthy_by_dunders(v)?,
            _ => true,
        })
    }

    /// `bool(v)` from `__bool__`, else `__len__`, else true.
    fn truthy_by_dunders(&self, v: &Value) -> PyResult<bool> {
        let class = self.class_of(v);
        let d = dunders();
        if let Some(m) = class.lookup(&d.bool) {
            match self.call_bound(&m, v, &[])? {
                Value::Bool(b) => Ok(b.get()),
                other => Err(self.type_error(format!(
                    "__bool__ should return bool, returned {}",
                    self.type_name(&other)
                ))),
            }
        } else if let Some(m) = class.lookup(&d.len) {
            let n = self.call_bound(&m, v, &[])?;
            self.truthy(&n)
        } else {
            Ok(true)
        }
    }

    /// `len(v)`.
    pub fn len(&self, v: &Value) -> PyResult<usize> {
        if let Value::Native(n) = v {
            if let Some(len) = n.native_len() {
                return Ok(len);
            }
        }
        Ok(match v {
            Value::Str(s) => s.char_len(),
            Value::Bytes(b) => b.len(),
            Value::List(l) => l.len(),
            Value::Tuple(t) => t.0.len(),
            Value::Dict(d) => d.len(),
            Value::Set(s) | Value::FrozenSet(s) => s.len(),
            Value::Range(r) => r.len() as usize,
            Value::Instance(_) | Value::Native(_) | Value::Class(_) => {
                let class = self.class_of(v);
                match class.lookup(&dunders().len) {
                    Some(m) => match self.call_bound(&m, v, &[])? {
                        Value::Int(i) if i >= 0 => i as usize,
                        Value::Int(_) => {
                            return Err(self.value_error("__len__() should return >= 0"))
                        }
                        Value::Bool(b) => b.get() as usize,
                        other => {
                            return Err(self.type_error(format!(
                                "'{}' object cannot be interpreted as an integer",
                                self.type_name(&other)
                            )))
                        }
                    },
                    None => {
                        return Err(self
                            .type_error(format!("object of type '{}' has no len()", class.name)))
                    }
                }
            }
            _ => {
                return Err(self.type_error(format!(
                    "object of type '{}' has no len()",
                    self.type_name(v)
                )))
            }
        })
    }

    // -- iteration -----------------------------------------------------------------

    /// `iter(v)`.
    pub fn iter(&self, v: &Value) -> PyResult<Value> {
        Ok(match v {
            Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) => {
                NativeIter::new(IterState::Seq {
                    seq: v.clone(),
                    index: 0,
                })
            }
            Value::Range(r) => NativeIter::new(IterState::Range {
                next: r.start,
                remaining: r.len(),
                step: r.step,
            }),
            Value::Dict(d) => NativeIter::new(IterState::Dict {
                dict: d.clone(),
                index: 0,
                view: DictView::Keys,
                len: d.len(),
            }),
            Value::Set(s) | Value::FrozenSet(s) => NativeIter::new(IterState::Set {
                set: s.clone(),
                pos: 0,
                len: s.len(),
            }),
            Value::Iter(_) => v.clone(),
            Value::Generator(g) if g.kind == GenKind::Generator => v.clone(),
            Value::Instance(_) | Value::Native(_) | Value::Generator(_) | Value::Class(_) => {
                let class = self.class_of(v);
                let d = dunders();
                match class.lookup(&d.iter) {
                    Some(Value::None) | None => {
                        if class.lookup(&d.getitem).is_some() && !matches!(v, Value::Class(_)) {
                            // The old sequence protocol: index from 0 until IndexError.
                            let getitem = self.get_attr(v, &d.getitem)?;
                            return Ok(NativeIter::new(IterState::GetItem { getitem, index: 0 }));
                        }
                        return Err(
                            self.type_error(format!("'{}' object is not iterable", class.name))
                        );
                    }
                    Some(m) => {
                        let it = self.call_bound(&m, v, &[])?;
                        let it_class = self.class_of(&it);
                        if !matches!(it, Value::Iter(_) | Value::Generator(_))
                            && it_class.lookup(&d.next).is_none()
                        {
                            return Err(self.type_error(format!(
                                "iter() returned non-iterator of type '{}'",
                                it_class.name
                            )));
                        }
                        it
                    }
                }
            }
            _ => {
                return Err(
                    self.type_error(format!("'{}' object is not iterable", self.type_name(v)))
                )
            }
        })
    }

    /// `next(it)`: Some(item), or None when exhausted.
    pub fn next(&self, it: &Value) -> PyResult<Option<Value>> {
        match it {
            Value::Iter(i) => i.next(self),
            Value::Generator(g) => self.generator_next(g),
            Value::Native(n) => match n.next_item(self) {
                Some(r) => r,
                None => self.next_by_method(it),
            },
            _ => self.next_by_method(it),
        }
    }

    /// `next(it)` through the iterator's `__next__` method.
    fn next_by_method(&self, it: &Value) -> PyResult<Option<Value>> {
        let class = self.class_of(it);
        match class.lookup(&dunders().next) {
            Some(m) => match self.call_bound(&m, it, &[]) {
                Ok(v) => Ok(Some(v)),
                Err(e) if self.err_is(&e, &self.exc.stop_iteration) => Ok(None),
                Err(e) => Err(e),
            },
            None => Err(self.type_error(format!("'{}' object is not an iterator", class.name))),
        }
    }

    /// Collects any iterable into a Vec.
    pub fn to_vec(&self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => Ok(l.snapshot()),
            Value::Tuple(t) => Ok(t.0.clone()),
            _ => {
                // Room for what the iterable says it holds, first: a huge
                // range is refused with MemoryError before it is walked.
                let mut out = self.try_vec(self.length_hint(v))?;
                self.for_each(v, |x| {
                    self.try_grow(&mut out, 1)?;
                    out.push(x);
                    Ok(ControlFlow::<()>::Continue(()))
                })?;
                Ok(out)
            }
        }
    }

    /// How many items `v` holds, when a built-in iterable can tell without
    /// running code (0 otherwise): what a native draining it reserves.
    pub fn length_hint(&self, v: &Value) -> usize {
        match v {
            Value::Range(r) => r.len().max(0) as usize,
            Value::Dict(d) => d.len(),
            Value::Set(s) | Value::FrozenSet(s) => s.len(),
            Value::Str(s) => s.char_len(),
            Value::Bytes(b) => b.len(),
            Value::Iter(it) => it.length_hint(),
            _ => 0,
        }
    }

    /// Feeds the items of `iterable` to `f` until they run out (None) or `f`
    /// breaks (`Some` of what it broke with): the loop of every native that
    /// drains an iterable.
    #[inline]
    pub fn for_each<B>(
        &self,
        iterable: &Value,
        mut f: impl FnMut(Value) -> PyResult<ControlFlow<B>>,
    ) -> PyResult<Option<B>> {
        // A list is read by index, as its iterator would (so growth during
        // the loop is seen), without making the iterator object.
        if let Value::List(l) = iterable {
            let mut i = 0;
            while let Some(x) = l.get(i) {
                i += 1;
                if let ControlFlow::Break(b) = f(x)? {
                    return Ok(Some(b));
                }
            }
            return Ok(None);
        }
        self.for_each_in(&self.iter(iterable)?, f)
    }

    /// [`Vm::for_each`] over the items of the iterator `it`. Generic so that
    /// a generator's resumption is inlined into each consumer's loop: an item
    /// then goes from the generator's frame to `f` without being moved
    /// through intermediate results, each such move of a `Value` risking a
    /// store-forwarding stall.
    #[inline]
    pub fn for_each_in<B>(
        &self,
        it: &Value,
        mut f: impl FnMut(Value) -> PyResult<ControlFlow<B>>,
    ) -> PyResult<Option<B>> {
        if let Value::Generator(g) = it {
            while let Some(x) = self.generator_next(g)? {
                if let ControlFlow::Break(b) = f(x)? {
                    return Ok(Some(b));
                }
            }
            return Ok(None);
        }
        while let Some(x) = self.next(it)? {
            if let ControlFlow::Break(b) = f(x)? {
                return Ok(Some(b));
            }
        }
        Ok(None)
    }

    // -- attributes ------------------------------------------------------------------

    /// `getattr(obj, name)`.
    pub fn get_attr(&self, obj: &Value, name: &Name) -> PyResult<Value> {
        match self.get_attr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.no_attribute(obj, name)),
        }
    }

    pub fn get_attr_str(&self, obj: &Value, name: &str) -> PyResult<Value> {
        self.get_attr(obj, &Name::new(name))
    }

    /// The AttributeError CPython raises for a missing attribute.
    pub fn no_attribute(&self, obj: &Value, name: &Name) -> crate::objects::PyErr {
        let msg = match obj {
            Value::Class(c) => format!("type object '{}' has no attribute '{}'", c.name, name),
            Value::Module(m) => self.module_attribute_message(m, name.as_str()),
            _ => format!(
                "'{}' object has no attribute '{}'",
                self.type_name(obj),
                name
            ),
        };
        let err = self.attribute_error(msg);
        err.0.set_attr(Name::new("name"), Value::str(name.as_str()));
        err.0.set_attr(Name::new("obj"), obj.clone());
        err
    }

    /// `getattr` that reports a missing attribute as None instead of raising.
    pub fn get_attr_opt(&self, obj: &Value, name: &Name) -> PyResult<Option<Value>> {
        let d = dunders();
        match obj {
            Value::Instance(inst) => {
                let class = &inst.class;
                let class_attr = class.lookup(name);
                if let Some(attr) = &class_attr {
                    if let Some(v) = self.data_descriptor_get(attr, obj)? {
                        return Ok(Some(v));
                    }
                }
                if let Some(v) = inst.get_attr(name) {
                    return Ok(Some(v));
                }
                if inst.is_exception() {
                    if let Some(v) = self.exception_attr(inst, name.as_str()) {
                        return Ok(Some(v));
                    }
                }
                if *name == d.class {
                    return Ok(Some(Value::Class(class.clone())));
                }
                if *name == d.dict {
                    return Ok(Some(Value::Dict(inst.dict())));
                }
                if let Some(attr) = class_attr {
                    return Ok(Some(self.bind_class_attr(attr, obj, class)?));
                }
                // Data attributes of the built-in value a subclass instance
                // carries (`.real`, `.maxlen`, `.fget`).
                if let crate::objects::Payload::Builtin(base) = &inst.payload {
                    if let Some(v) = self.builtin_get_attr(base, name)? {
                        return Ok(Some(v));
                    }
                }
                if class.has_getattr.get() {
                    if let Some(ga) = class.lookup(&d.getattr) {
                        return match self.call_bound(&ga, obj, &[Value::str(name.as_str())]) {
                            Ok(v) => Ok(Some(v)),
                            Err(e) if self.err_is(&e, &self.exc.attribute_error) => Err(e),
                            Err(e) => Err(e),
                        };
                    }
                }
                Ok(None)
            }
            Value::Class(c) => self.class_get_attr(c, name),
            Value::Module(m) => {
                if *name == d.dict {
                    return Ok(Some(Value::Dict(m.ns.clone())));
                }
                match m.ns.get_name(name) {
                    Some(v) => Ok(Some(v)),
                    None => self.module_getattr(m, name),
                }
            }
            _ => self.builtin_get_attr(obj, name),
        }
    }

    /// Data descriptors found on the class win over the instance dict (properties).
    fn data_descriptor_get(&self, attr: &Value, obj: &Value) -> PyResult<Option<Value>> {
        if let Some(p) = attr.downcast_native::<Property>() {
            return match p.getter() {
                Some(f) => Ok(Some(self.call(&f, std::slice::from_ref(obj))?)),
                None => Err(self.attribute_error(format!(
                    "property {}of '{}' object has no getter",
                    p.name_for_error(),
                    self.type_name(obj)
                ))),
            };
        }
        if let Value::Instance(desc) = attr {
            let d = dunders();
            if let (Some(get), true) = (
                desc.class.lookup(&d.get),
                desc.class.lookup(&d.set).is_some(),
            ) {
                let owner = Value::Class(self.class_of(obj));
                return Ok(Some(self.call_bound(&get, attr, &[obj.clone(), owner])?));
            }
        }
        Ok(None)
    }

    /// Binds a class attribute found for `obj`: functions become bound methods, etc.
    pub fn bind_class_attr(&self, attr: Value, obj: &Value, class: &Rc<Class>) -> PyResult<Value> {
        Ok(match attr {
            Value::Function(_) => BoundMethod::value(attr, obj.clone()),
            Value::Builtin(ref b) if b.binds_to_instance() => BoundMethod::value(attr, obj.clone()),
            Value::Native(_) => {
                if let Some(sm) = attr.downcast_native::<StaticMethod>() {
                    sm.func()
                } else if let Some(cm) = attr.downcast_native::<ClassMethod>() {
                    BoundMethod::value(cm.func(), Value::Class(class.clone()))
                } else if let Some(get) = self.class_of(&attr).lookup(&dunders().get) {
                    // Native descriptors (functools' cached functions bind like methods).
                    self.call_bound(&get, &attr, &[obj.clone(), Value::Class(class.clone())])?
                } else {
                    attr
                }
            }
            Value::Instance(ref desc) => {
                if let Some(get) = desc.class.lookup(&dunders().get) {
                    self.call_bound(&get, &attr, &[obj.clone(), Value::Class(class.clone())])?
                } else {
                    attr
                }
            }
            other => other,
        })
    }

    fn class_get_attr(&self, c: &Rc<Class>, name: &Name) -> PyResult<Option<Value>> {
        if let Some(v) = self.type_data_attr(c, name.as_str()) {
            return Ok(Some(v));
        }
        if let Some(attr) = c.lookup(name) {
            return Ok(Some(match attr {
                Value::Native(_) => {
                    if let Some(sm) = attr.downcast_native::<StaticMethod>() {
                        sm.func()
                    } else if let Some(cm) = attr.downcast_native::<ClassMethod>() {
                        BoundMethod::value(cm.func(), Value::Class(c.clone()))
                    } else {
                        attr
                    }
                }
                Value::Instance(ref desc) => {
                    if let Some(get) = desc.class.lookup(&dunders().get) {
                        self.call_bound(&get, &attr, &[Value::None, Value::Class(c.clone())])?
                    } else {
                        attr
                    }
                }
                other => other,
            }));
        }
        let v = match name.as_str() {
            "__module__" => Value::str(&c.module.borrow()),
            "__doc__" if Rc::ptr_eq(c, &self.types.object) => {
                crate::builtins::type_docs::class_doc("object").map_or(Value::None, Value::str)
            }
            "__doc__" => Value::None,
            _ => {
                // Attributes of the metaclass: its methods bind to the class.
                if let Some(meta) = c.metaclass.borrow().clone() {
                    if let Some(attr) = meta.lookup(name) {
                        let cls = Value::Class(c.clone());
                        if let Some(v) = self.data_descriptor_get(&attr, &cls)? {
                            return Ok(Some(v));
                        }
                        return Ok(Some(self.bind_class_attr(attr, &cls, &meta)?));
                    }
                }
                // Methods of `type` itself (mro, __subclasses__...).
                return match self.types.type_.lookup(name) {
                    Some(m @ Value::Builtin(_)) => {
                        Ok(Some(BoundMethod::value(m, Value::Class(c.clone()))))
                    }
                    _ => Ok(None),
                };
            }
        };
        Ok(Some(v))
    }

    /// The attributes `type` defines as data descriptors (`__dict__`,
    /// `__mro__`, `__qualname__`...): as in CPython they win over a class's own
    /// attribute of the same name (a class whose body defines a `__dict__`
    /// property for its instances still has its own `C.__dict__`).
    /// A class's name is fixed at creation, so an assigned `C.__name__` lives
    /// in the class's own dict (subclasses keep their own names).
    fn type_data_attr(&self, c: &Rc<Class>, name: &str) -> Option<Value> {
        if !name.starts_with("__") {
            return None;
        }
        Some(match name {
            "__name__" => match c.own(&dunders().name) {
                Some(assigned @ Value::Str(_)) => assigned,
                _ => Value::str(&c.name),
            },
            "__qualname__" => Value::str(&c.qualname.borrow()),
            "__bases__" => Value::tuple(c.bases.iter().map(|b| Value::Class(b.clone())).collect()),
            "__base__" => c
                .bases
                .first()
                .map(|b| Value::Class(b.clone()))
                .unwrap_or(Value::None),
            "__mro__" => Value::tuple(c.full_mro().into_iter().map(Value::Class).collect()),
            "__class__" => Value::Class(self.class_of(&Value::Class(c.clone()))),
            "__dict__" => crate::builtins::mappingproxy::of_class(self, c),
            _ => return None,
        })
    }

    /// Attributes every exception has (`args`, `__traceback__`, ...).
    fn exception_attr(&self, inst: &Rc<crate::objects::Instance>, name: &str) -> Option<Value> {
        let d = inst.exc_data();
        Some(match name {
            "args" => Value::tuple(d.args.clone()),
            "__cause__" => d.cause.clone().unwrap_or_default(),
            "__context__" => d.context.clone().unwrap_or_default(),
            "__suppress_context__" => Value::from_bool(d.suppress_context),
            "__traceback__" => super::traceback::traceback_value(d.traceback.clone()),
            "__notes__" if !d.notes.is_empty() => Value::list(d.notes.clone()),
            "value" if inst.class.is_subclass(&self.exc.stop_iteration) => {
                d.args.first().cloned().unwrap_or_default()
            }
            "code" if inst.class.is_subclass(&self.exc.system_exit) => match d.args.len() {
                0 => Value::None,
                1 => d.args[0].clone(),
                _ => Value::tuple(d.args.clone()),
            },
            "message" if d.group.is_some() => {
                d.group.as_ref().map(|g| g.0.clone()).unwrap_or_default()
            }
            "exceptions" if d.group.is_some() => {
                Value::tuple(d.group.as_ref().map(|g| g.1.clone()).unwrap_or_default())
            }
            "errno" | "strerror" | "filename" if inst.class.is_subclass(&self.exc.os_error) => {
                let i = match name {
                    "errno" => 0,
                    "strerror" => 1,
                    _ => 2,
                };
                if d.args.len() >= 2 {
                    d.args.get(i).cloned().unwrap_or_default()
                } else {
                    Value::None
                }
            }
            "msg" if inst.class.is_subclass(&self.exc.syntax_error) => {
                d.args.first().cloned().unwrap_or_default()
            }
            "filename"
            | "lineno"
            | "offset"
            | "text"
            | "end_lineno"
            | "end_offset"
            | "print_file_and_line"
                if inst.class.is_subclass(&self.exc.syntax_error) =>
            {
                Value::None
            }
            _ => return None,
        })
    }

    /// Attributes of built-in values: methods from the type's namespace and a few data attributes.
    fn builtin_get_attr(&self, obj: &Value, name: &Name) -> PyResult<Option<Value>> {
        // A native object's own attributes come first (`super()` proxies every name).
        if let Value::Native(n) = obj {
            if let Some(r) = n.get_attr(self, name.as_str()) {
                return r.map(Some);
            }
        }
        let class = self.class_of(obj);
        if let Some(attr) = class.lookup(name) {
            if let Some(v) = self.data_descriptor_get(&attr, obj)? {
                return Ok(Some(v));
            }
            return Ok(Some(self.bind_class_attr(attr, obj, &class)?));
        }
        let s = name.as_str();
        if s == "__class__" {
            return Ok(Some(Value::Class(class)));
        }
        Ok(match obj {
            Value::Function(f) => match s {
                "__name__" => Some(Value::str(&f.name.borrow())),
                "__qualname__" => Some(Value::str(&f.qualname.borrow())),
                // Assigned (as `functools.wraps` does) or the defining module's name.
                "__module__" => Some(f.get_attr(name).unwrap_or_else(|| Value::str(&f.module))),
                "__doc__" => Some(f.doc.borrow().clone()),
                "__code__" => Some(Value::Code(f.code.clone())),
                "__defaults__" => Some(if f.defaults.is_empty() {
                    Value::None
                } else {
                    Value::tuple(f.defaults.clone())
                }),
                "__kwdefaults__" => Some(if f.kwdefaults.is_empty() {
                    Value::None
                } else {
                    crate::builtins::dict_from_pairs(
                        self,
                        f.kwdefaults
                            .iter()
                            .map(|(k, v)| (Value::str(k.as_str()), v.clone()))
                            .collect(),
                    )?
                }),
                "__globals__" => Some(Value::Dict(f.globals.clone())),
                "__annotations__" => Some(f.annotations.borrow().clone()),
                "__closure__" => Some(if f.closure.is_empty() {
                    Value::None
                } else {
                    Value::tuple(f.closure.iter().map(|c| Value::Cell(c.clone())).collect())
                }),
                "__dict__" => Some(Value::Dict(f.dict())),
                _ => f.get_attr(name),
            },
            Value::BoundMethod(m) => match s {
                "__self__" => Some(m.receiver.clone()),
                "__func__" => Some(m.func.clone()),
                _ => self.get_attr_opt(&m.func, name)?,
            },
            Value::Builtin(b) => match s {
                "__name__" => Some(Value::str(b.name)),
                "__qualname__" => Some(match b.owner {
                    Some(owner) => Value::string(format!("{owner}.{}", b.name)),
                    None => Value::str(b.name),
                }),
                "__text_signature__" => Some(
                    b.sig
                        .and_then(|sig| sig.text_signature())
                        .map_or(Value::None, Value::string),
                ),
                "__self__" => Some(b.bound.clone().unwrap_or_default()),
                "__doc__" => Some(
                    b.sig
                        .and_then(|sig| sig.docstring())
                        .map_or(Value::None, Value::str),
                ),
                // A module's function names its module; a method of a value, none.
                "__module__" => Some(match &b.bound {
                    Some(Value::Module(m)) => Value::str(&m.name),
                    Some(_) => Value::None,
                    None => crate::stdlib::native_home::home(b)
                        .unwrap_or_else(|| Value::str("builtins")),
                }),
                _ => None,
            },
            Value::Closure(c) => match s {
                "__name__" | "__qualname__" => Some(Value::str(&c.name)),
                _ => None,
            },
            Value::Generator(g) => crate::builtins::generator::generator_attr(self, g, s),
            Value::Code(c) => crate::builtins::code_attr(self, c, s),
            Value::Cell(c) if s == "cell_contents" => Some(c.get()),
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => match s {
                "real" | "numerator" => Some(match obj {
                    Value::Bool(b) => Value::Int(b.get() as i64),
                    o => o.clone(),
                }),
                "imag" => Some(Value::Int(0)),
                "denominator" => Some(Value::Int(1)),
                _ => None,
            },
            Value::Float(f) => match s {
                "real" => Some(Value::Float(*f)),
                "imag" => Some(Value::float(0.0)),
                _ => None,
            },
            Value::Complex(c) => match s {
                "real" => Some(Value::float(c.re)),
                "imag" => Some(Value::float(c.im)),
                _ => None,
            },
            Value::Range(r) => match s {
                "start" => Some(Value::Int(r.start)),
                "stop" => Some(Value::Int(r.stop)),
                "step" => Some(Value::Int(r.step)),
                _ => None,
            },
            Value::Slice(sl) => match s {
                "start" => Some(sl.start.clone()),
                "stop" => Some(sl.stop.clone()),
                "step" => Some(sl.step.clone()),
                _ => None,
            },
            _ => None,
        })
    }

    /// `object.__setattr__` on an instance: data descriptors of its class,
    /// then an exception's own fields, then its `__dict__`.
    pub(crate) fn instance_set_attr(
        &self,
        obj: &Value,
        inst: &Rc<crate::objects::Instance>,
        name: &Name,
        value: Value,
    ) -> PyResult<()> {
        let class = &inst.class;
        if let Some(attr) = class.lookup(name) {
            if let Some(p) = attr.downcast_native::<Property>() {
                return match p.setter() {
                    Some(f) => self.call(&f, &[obj.clone(), value]).map(|_| ()),
                    None => Err(self.attribute_error(format!(
                        "property '{}' of '{}' object has no setter",
                        name, class.name
                    ))),
                };
            }
            if let Value::Instance(desc) = &attr {
                if let Some(set) = desc.class.lookup(&dunders().set) {
                    return self
                        .call_bound(&set, &attr, &[obj.clone(), value])
                        .map(|_| ());
                }
            }
        }
        if inst.is_exception() {
            let mut d = inst.exc_data();
            match name.as_str() {
                "__cause__" => {
                    d.cause = Some(value);
                    d.suppress_context = true;
                    return Ok(());
                }
                "__context__" => {
                    d.context = Some(value);
                    return Ok(());
                }
                "__suppress_context__" => {
                    d.suppress_context = matches!(value, Value::Bool(BoolWord::TRUE));
                    return Ok(());
                }
                "args" => {
                    drop(d);
                    let args = self.to_vec(&value)?;
                    inst.exc_data().args = args;
                    return Ok(());
                }
                "__traceback__" => {
                    drop(d);
                    return super::exceptions::set_traceback(self, inst, &value);
                }
                _ => {}
            }
        }
        if *name == dunders().dict {
            return match value {
                Value::Dict(d) => {
                    inst.set_dict(d);
                    Ok(())
                }
                other => Err(self.type_error(format!(
                    "__dict__ must be set to a dictionary, not a '{}'",
                    self.type_name(&other)
                ))),
            };
        }
        if let Some(old) = inst.store_attr(name, value) {
            old.release();
        }
        Ok(())
    }

    /// `setattr(obj, name, value)`.
    pub fn set_attr(&self, obj: &Value, name: &Name, value: Value) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                if let Some(sa) = user_method(&inst.class, &dunders().setattr) {
                    return self
                        .call_bound(&sa, obj, &[Value::str(name.as_str()), value])
                        .map(|_| ());
                }
                self.instance_set_attr(obj, inst, name, value)
            }
            Value::Class(c) => {
                if let Some(m) = self.metaclass_method(c, &dunders().setattr) {
                    return self
                        .call_bound(&m, obj, &[Value::str(name.as_str()), value])
                        .map(|_| ());
                }
                if *name == dunders().getattr {
                    c.has_getattr.set(true);
                }
                match name.as_str() {
                    "__qualname__" => {
                        let Value::Str(q) = &value else {
                            return Err(self.type_error(format!(
                                "can only assign string to {}.__qualname__, not '{}'",
                                c.name,
                                self.type_name(&value)
                            )));
                        };
                        *c.qualname.borrow_mut() = Rc::from(q.as_str());
                        return Ok(());
                    }
                    "__mro__" | "__base__" => {
                        return Err(self.attribute_error("readonly attribute"))
                    }
                    "__dict__" => {
                        return Err(self.attribute_error(
                            "attribute '__dict__' of 'type' objects is not writable",
                        ))
                    }
                    "__module__" => {
                        if let Value::Str(m) = &value {
                            *c.module.borrow_mut() = Rc::from(m.as_str());
                        }
                    }
                    "__bases__" => {
                        return Err(self.not_implemented("assigning a class's __bases__"))
                    }
                    _ => {}
                }
                if c.layout == crate::objects::class::Layout::Builtin
                    && &**c.module.borrow() == "builtins"
                {
                    return Err(self.type_error(format!(
                        "cannot set '{}' attribute of immutable type '{}'",
                        name, c.name
                    )));
                }
                c.dict_mut().insert(name.clone(), value);
                Ok(())
            }
            Value::Function(f) => {
                match name.as_str() {
                    "__name__" => *f.name.borrow_mut() = Rc::from(value.as_str().unwrap_or("")),
                    "__qualname__" => {
                        *f.qualname.borrow_mut() = Rc::from(value.as_str().unwrap_or(""))
                    }
                    "__doc__" => *f.doc.borrow_mut() = value,
                    "__annotations__" => *f.annotations.borrow_mut() = value,
                    _ => f.set_attr(name, value),
                }
                Ok(())
            }
            Value::Module(m) => {
                if let Some(old) = m.ns.set_name(name, value) {
                    old.release();
                }
                Ok(())
            }
            Value::Generator(g)
                if name.as_str() == "__name__" || name.as_str() == "__qualname__" =>
            {
                let s: Rc<str> = Rc::from(value.as_str().unwrap_or(""));
                if name.as_str() == "__name__" {
                    *g.name.borrow_mut() = s;
                } else {
                    *g.qualname.borrow_mut() = s;
                }
                Ok(())
            }
            Value::Native(n) => {
                if let Some(r) = n.set_attr(self, name.as_str(), value) {
                    return r;
                }
                Err(self.attribute_error(format!(
                    "'{}' object has no attribute '{}'",
                    self.type_name(obj),
                    name
                )))
            }
            _ => {
                let class = self.class_of(obj);
                if class.lookup(name).is_some() {
                    Err(self.attribute_error(format!(
                        "'{}' object attribute '{}' is read-only",
                        class.name, name
                    )))
                } else {
                    Err(self.attribute_error(format!(
                        "'{}' object has no attribute '{}'",
                        class.name, name
                    )))
                }
            }
        }
    }

    /// `delattr(obj, name)`.
    pub fn del_attr(&self, obj: &Value, name: &Name) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                if let Some(attr) = inst.class.lookup(name) {
                    if let Some(p) = attr.downcast_native::<Property>() {
                        return match p.deleter() {
                            Some(f) => self.call(&f, std::slice::from_ref(obj)).map(|_| ()),
                            None => Err(self.attribute_error(format!(
                                "property '{}' of '{}' object has no deleter",
                                name, inst.class.name
                            ))),
                        };
                    }
                    if let Value::Instance(desc) = &attr {
                        if let Some(delete) = desc.class.lookup_str("__delete__") {
                            return self
                                .call_bound(&delete, &attr, std::slice::from_ref(obj))
                                .map(|_| ());
                        }
                    }
                }
                if let Some(da) = user_method(&inst.class, &dunders().delattr) {
                    return self
                        .call_bound(&da, obj, &[Value::str(name.as_str())])
                        .map(|_| ());
                }
                if inst.del_attr(name).is_none() {
                    return Err(self.no_attribute(obj, name));
                }
                Ok(())
            }
            Value::Class(c) => {
                if c.dict_mut().shift_remove(name).is_none() {
                    return Err(self.no_attribute(obj, name));
                }
                Ok(())
            }
            Value::Module(m) => {
                if m.ns.del_name(name).is_none() {
                    return Err(self.no_attribute(obj, name));
                }
                Ok(())
            }
            Value::Function(f) => {
                if f.del_attr(name).is_none() {
                    return Err(self.no_attribute(obj, name));
                }
                Ok(())
            }
            _ => Err(self.no_attribute(obj, name)),
        }
    }

    /// For `LOAD_METHOD`: (function, Some(self)) when the attribute is a plain
    /// method, so the call needs no bound-method object; else (attribute, None).
    pub fn get_method(&self, obj: &Value, name: &Name) -> PyResult<(Value, Option<Value>)> {
        match obj {
            Value::Instance(inst) => {
                if let Some(attr) = inst.class.lookup(name) {
                    let method = match &attr {
                        Value::Function(_) => true,
                        Value::Builtin(b) => b.binds_to_instance(),
                        _ => false,
                    };
                    if method && !inst.has_attr(name) {
                        return Ok((attr, Some(obj.clone())));
                    }
                }
                Ok((self.get_attr(obj, name)?, None))
            }
            Value::Class(_) | Value::Module(_) => Ok((self.get_attr(obj, name)?, None)),
            Value::Native(n) => match n.get_attr(self, name.as_str()) {
                Some(attr) => Ok((attr?, None)),
                None => match self.class_of(obj).lookup(name) {
                    Some(attr @ (Value::Builtin(_) | Value::Function(_))) => {
                        Ok((attr, Some(obj.clone())))
                    }
                    _ => Ok((self.get_attr(obj, name)?, None)),
                },
            },
            _ => {
                // The commonest receivers' classes without cloning the Rc.
                let t = &self.types;
                let class = match obj {
                    Value::List(_) => &t.list,
                    Value::Dict(_) => &t.dict,
                    Value::Str(_) => &t.str,
                    _ => &self.class_of(obj),
                };
                match class.lookup(name) {
                    Some(attr @ (Value::Builtin(_) | Value::Function(_))) => {
                        Ok((attr, Some(obj.clone())))
                    }
                    _ => Ok((self.get_attr(obj, name)?, None)),
                }
            }
        }
    }

    /// Calls method `name` on `obj` with `args`.
    pub fn call_method(&self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let (f, this) = self.get_method(obj, &Name::new(name))?;
        match this {
            Some(this) => self.call_bound(&f, &this, args),
            None => self.call(&f, args),
        }
    }

    /// Calls `func`, found on `receiver`'s class, as a method of `receiver`:
    /// a function gets `receiver` prepended to `args` (an unbound method
    /// call). Any other object (an instance, a class, a bound method) is not
    /// bound that way: as in CPython's special-method lookup, it is bound
    /// through its `__get__` if it has one, and otherwise called as it is
    /// (`unittest.mock` puts such objects on classes as `__len__` and kin).
    pub fn call_bound(&self, func: &Value, receiver: &Value, args: &[Value]) -> PyResult<Value> {
        if let Value::Instance(_) | Value::Class(_) | Value::BoundMethod(_) = func {
            return self.call_descriptor_method(func, receiver, args);
        }
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(receiver.clone());
        all.extend_from_slice(args);
        self.call(func, &all)
    }

    /// [`Vm::call_bound`] for a class attribute that is not a function.
    #[inline(never)]
    fn call_descriptor_method(
        &self,
        func: &Value,
        receiver: &Value,
        args: &[Value],
    ) -> PyResult<Value> {
        let getter = match func {
            Value::Instance(inst) => inst.class.lookup(&Name::new("__get__")),
            _ => None,
        };
        match getter {
            Some(get) => {
                let owner = Value::Class(self.class_of(receiver));
                let bound = self.call_bound(&get, func, &[receiver.clone(), owner])?;
                self.call(&bound, args)
            }
            None => self.call(func, args),
        }
    }

    // -- items ---------------------------------------------------------------------

    /// Converts an index value to i64 (ints, bools, `__index__`).
    pub fn to_index(&self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(b.get() as i64),
            Value::BigInt(b) => b.to_i64().ok_or_else(|| {
                self.index_error("cannot fit 'int' into an index-sized integer".to_string())
            }),
            // An int subclass's value, without calling `__index__` (as CPython).
            Value::Instance(_) if matches!(v.builtin_base(), Value::Int(_) | Value::BigInt(_)) => {
                self.to_index(v.builtin_base())
            }
            Value::Instance(_) => {
                let class = self.class_of(v);
                match class.lookup(&dunders().index) {
                    Some(m) => match self.call_bound(&m, v, &[])? {
                        // CPython names the type whose `__index__` gave the big int.
                        Value::BigInt(b) if b.to_i64().is_none() => Err(self.index_error(format!(
                            "cannot fit '{}' into an index-sized integer",
                            class.name
                        ))),
                        r => self.to_index(&r),
                    },
                    None => Err(self.type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        class.name
                    ))),
                }
            }
            _ => Err(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(v)
            ))),
        }
    }

    /// Normalises a possibly negative index against `len`; None if out of range.
    pub fn norm_index(i: i64, len: usize) -> Option<usize> {
        let len = len as i64;
        let i = if i < 0 { i + len } else { i };
        (0..len).contains(&i).then_some(i as usize)
    }

    /// Resolves a slice against a sequence length: (start, stop, step) as CPython's `PySlice_AdjustIndices`.
    pub fn slice_indices(
        &self,
        s: &crate::objects::Slice,
        len: usize,
    ) -> PyResult<(i64, i64, i64)> {
        let len = len as i64;
        let step = match &s.step {
            Value::None => 1,
            v => self.to_index(v)?,
        };
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let clamp = |v: &Value, default: i64| -> PyResult<i64> {
            match v {
                Value::None => Ok(default),
                v => {
                    let i = match v {
                        Value::BigInt(b) => {
                            if b.is_negative() {
                                i64::MIN / 2
                            } else {
                                i64::MAX / 2
                            }
                        }
                        _ => self.to_index(v)?,
                    };
                    Ok(if i < 0 {
                        (i + len).max(lower)
                    } else {
                        i.min(upper)
                    })
                }
            }
        };
        let start = clamp(&s.start, if step < 0 { upper } else { lower })?;
        let stop = clamp(&s.stop, if step < 0 { lower } else { upper })?;
        Ok((start, stop, step))
    }

    /// The indices a slice selects.
    pub fn slice_positions(&self, s: &crate::objects::Slice, len: usize) -> PyResult<Vec<usize>> {
        let (start, stop, step) = self.slice_indices(s, len)?;
        let mut out = Vec::new();
        let mut i = start;
        if step > 0 {
            while i < stop {
                out.push(i as usize);
                i += step;
            }
        } else {
            while i > stop {
                out.push(i as usize);
                i += step;
            }
        }
        Ok(out)
    }

    /// `obj[key]`. The in-range list and tuple cases are done here, in a
    /// function small enough to need no stack frame; everything else, errors
    /// included, is [`Vm::get_item_general`]. Kept out of line: inlined into
    /// the dispatch loop it would change that loop's register allocation.
    #[inline(never)]
    pub fn get_item(&self, obj: &Value, key: &Value) -> PyResult<Value> {
        match (obj, key) {
            (Value::List(l), Value::Int(i)) => {
                let items = l.items.borrow();
                if let Some(i) = Vm::norm_index(*i, items.len()) {
                    return Ok(items[i].clone());
                }
            }
            (Value::Tuple(t), Value::Int(i)) => {
                if let Some(i) = Vm::norm_index(*i, t.0.len()) {
                    return Ok(t.0[i].clone());
                }
            }
            _ => {}
        }
        self.get_item_general(obj, key)
    }

    #[inline(never)]
    fn get_item_general(&self, obj: &Value, key: &Value) -> PyResult<Value> {
        match (obj, key) {
            (Value::List(l), Value::Int(i)) => {
                let items = l.items.borrow();
                match Vm::norm_index(*i, items.len()) {
                    Some(i) => Ok(items[i].clone()),
                    None => Err(self.index_error("list index out of range")),
                }
            }
            (Value::Tuple(t), Value::Int(i)) => match Vm::norm_index(*i, t.0.len()) {
                Some(i) => Ok(t.0[i].clone()),
                None => Err(self.index_error("tuple index out of range")),
            },
            (Value::Dict(d), _) => match d.get(self, key)? {
                Some(v) => Ok(v),
                None => Err(self.key_error(key.clone())),
            },
            (Value::Str(s), Value::Int(i)) => match Vm::norm_index(*i, s.char_len()) {
                Some(i) => Ok(Value::string(
                    s.char_at(i).map(String::from).unwrap_or_default(),
                )),
                None => Err(self.index_error("string index out of range")),
            },
            (Value::Bytes(b), Value::Int(i)) => match Vm::norm_index(*i, b.len()) {
                Some(i) => Ok(Value::Int(b[i] as i64)),
                None => Err(self.index_error("index out of range")),
            },
            (Value::Range(r), Value::Int(i)) => match Vm::norm_index(*i, r.len() as usize) {
                Some(i) => Ok(Value::Int(r.get(i as i64))),
                None => Err(self.index_error("range object index out of range")),
            },
            (
                Value::List(_)
                | Value::Tuple(_)
                | Value::Str(_)
                | Value::Bytes(_)
                | Value::Range(_),
                Value::Slice(s),
            ) => self.get_slice(obj, s),
            (
                Value::List(_)
                | Value::Tuple(_)
                | Value::Str(_)
                | Value::Bytes(_)
                | Value::Range(_),
                _,
            ) => {
                let i = self.seq_index(obj, key)?;
                self.get_item(obj, &Value::Int(i))
            }
            (Value::Instance(_) | Value::Native(_), _) => {
                let class = self.class_of(obj);
                match class.lookup(&dunders().getitem) {
                    Some(m) => self.call_bound(&m, obj, std::slice::from_ref(key)),
                    None => {
                        Err(self
                            .type_error(format!("'{}' object is not subscriptable", class.name)))
                    }
                }
            }
            (Value::Class(c), _) => {
                if let Some(m) = self.metaclass_method(c, &dunders().getitem) {
                    return self.call_bound(&m, obj, std::slice::from_ref(key));
                }
                if let Some(m) = c.lookup(&dunders().class_getitem) {
                    return self.call(
                        &self
                            .class_get_attr(c, &dunders().class_getitem)?
                            .unwrap_or(m),
                        std::slice::from_ref(key),
                    );
                }
                if c.layout == crate::objects::class::Layout::Builtin
                    || Rc::ptr_eq(c, &self.types.type_)
                {
                    // `list[int]`: a generic alias.
                    return crate::stdlib::types::generic_alias(self, obj, key);
                }
                Err(self.type_error(format!("type '{}' is not subscriptable", c.name)))
            }
            _ => Err(self.type_error(format!(
                "'{}' object is not subscriptable",
                self.type_name(obj)
            ))),
        }
    }

    /// A sequence subscript other than an int or a slice (a bool, a big int,
    /// an object with `__index__`) as an i64, with CPython's errors: an
    /// IndexError for ints too big, a TypeError for keys that are not ints.
    fn seq_index(&self, obj: &Value, key: &Value) -> PyResult<i64> {
        let is_int = match key {
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => true,
            Value::Instance(_) => self.class_of(key).lookup(&dunders().index).is_some(),
            _ => false,
        };
        if !is_int {
            return Err(self.seq_index_type_error(obj, key));
        }
        self.to_index(key)
    }

    fn seq_index_type_error(&self, obj: &Value, key: &Value) -> crate::objects::PyErr {
        let what = match obj {
            Value::List(_) => "list",
            Value::Tuple(_) => "tuple",
            Value::Str(_) => "string",
            Value::Bytes(_) => "byte",
            _ => "range",
        };
        if let Value::Range(_) = obj {
            return self.type_error(format!(
                "range indices must be integers or slices, not {}",
                self.type_name(key)
            ));
        }
        self.type_error(format!(
            "{what} indices must be integers or slices, not {}",
            self.type_name(key)
        ))
    }

    fn get_slice(&self, obj: &Value, s: &crate::objects::Slice) -> PyResult<Value> {
        Ok(match obj {
            Value::List(l) => {
                let items = l.items.borrow();
                let idx = self.slice_positions(s, items.len())?;
                Value::list(idx.into_iter().map(|i| items[i].clone()).collect())
            }
            Value::Tuple(t) => {
                let idx = self.slice_positions(s, t.0.len())?;
                Value::tuple(idx.into_iter().map(|i| t.0[i].clone()).collect())
            }
            Value::Str(st) => {
                let (start, stop, step) = self.slice_indices(s, st.char_len())?;
                if step == 1 {
                    if start >= stop {
                        return Ok(Value::str(""));
                    }
                    return Ok(Value::str(st.slice_chars(start as usize, stop as usize)));
                }
                let chars: Vec<char> = st.as_str().chars().collect();
                let idx = self.slice_positions(s, chars.len())?;
                Value::string(idx.into_iter().map(|i| chars[i]).collect())
            }
            Value::Bytes(b) => {
                let idx = self.slice_positions(s, b.len())?;
                Value::Bytes(Rc::new(idx.into_iter().map(|i| b[i]).collect()))
            }
            Value::Range(r) => {
                let (start, stop, step) = self.slice_indices(s, r.len() as usize)?;
                let new_start = r.get(start);
                let new_stop = r.get(stop);
                Value::Range(Rc::new(crate::objects::Range {
                    start: new_start,
                    stop: new_stop,
                    step: r.step * step,
                }))
            }
            _ => return Err(self.type_error("unsliceable object")),
        })
    }

    /// `obj[key] = value`. An in-range list index and dicts are done here,
    /// without the general function's stack frame; the rest, errors
    /// included, is [`Vm::set_item_general`].
    #[inline]
    pub fn set_item(&self, obj: &Value, key: &Value, value: Value) -> PyResult<()> {
        match (obj, key) {
            (Value::List(l), Value::Int(i)) => {
                let mut items = l.items.borrow_mut();
                if let Some(i) = Vm::norm_index(*i, items.len()) {
                    items[i] = value;
                    return Ok(());
                }
            }
            (Value::Dict(d), _) => return d.set(self, key.clone(), value),
            _ => {}
        }
        self.set_item_general(obj, key, value)
    }

    #[inline(never)]
    fn set_item_general(&self, obj: &Value, key: &Value, value: Value) -> PyResult<()> {
        match (obj, key) {
            (Value::List(l), Value::Int(i)) => {
                let mut items = l.items.borrow_mut();
                match Vm::norm_index(*i, items.len()) {
                    Some(i) => {
                        items[i] = value;
                        Ok(())
                    }
                    None => Err(self.index_error("list assignment index out of range")),
                }
            }
            (Value::List(l), Value::Slice(s)) => {
                let new = self.to_vec(&value)?;
                let len = l.len();
                let (start, stop, step) = self.slice_indices(s, len)?;
                if step == 1 {
                    let stop = stop.max(start);
                    l.items
                        .borrow_mut()
                        .splice(start as usize..stop as usize, new);
                    Ok(())
                } else {
                    let idx = self.slice_positions(s, len)?;
                    if idx.len() != new.len() {
                        return Err(self.value_error(format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            new.len(),
                            idx.len()
                        )));
                    }
                    let mut items = l.items.borrow_mut();
                    for (i, v) in idx.into_iter().zip(new) {
                        items[i] = v;
                    }
                    Ok(())
                }
            }
            (Value::List(_), _) => {
                let i = self.seq_index(obj, key)?;
                self.set_item(obj, &Value::Int(i), value)
            }
            (Value::Dict(d), _) => d.set(self, key.clone(), value),
            (Value::Instance(_) | Value::Native(_), _) => {
                let class = self.class_of(obj);
                match class.lookup(&dunders().setitem) {
                    Some(m) => self.call_bound(&m, obj, &[key.clone(), value]).map(|_| ()),
                    None => Err(self.type_error(format!(
                        "'{}' object does not support item assignment",
                        class.name
                    ))),
                }
            }
            _ => Err(self.type_error(format!(
                "'{}' object does not support item assignment",
                self.type_name(obj)
            ))),
        }
    }

    /// `del obj[key]`.
    pub fn del_item(&self, obj: &Value, key: &Value) -> PyResult<()> {
        match (obj, key) {
            (Value::List(l), Value::Slice(s)) => {
                let mut idx = self.slice_positions(s, l.len())?;
                idx.sort_unstable();
                let mut items = l.items.borrow_mut();
                for i in idx.into_iter().rev() {
                    items.remove(i);
                }
                Ok(())
            }
            (Value::List(l), _) => {
                let i = self.seq_index(obj, key)?;
                let mut items = l.items.borrow_mut();
                match Vm::norm_index(i, items.len()) {
                    Some(i) => {
                        items.remove(i);
                        Ok(())
                    }
                    None => Err(self.index_error("list assignment index out of range")),
                }
            }
            (Value::Dict(d), _) => match d.remove(self, key)? {
                Some(_) => Ok(()),
                None => Err(self.key_error(key.clone())),
            },
            (Value::Instance(_) | Value::Native(_), _) => {
                let class = self.class_of(obj);
                match class.lookup(&dunders().delitem) {
                    Some(m) => self
                        .call_bound(&m, obj, std::slice::from_ref(key))
                        .map(|_| ()),
                    None => Err(self.type_error(format!(
                        "'{}' object does not support item deletion",
                        class.name
                    ))),
                }
            }
            _ => Err(self.type_error(format!(
                "'{}' object does not support item deletion",
                self.type_name(obj)
            ))),
        }
    }

    /// `item in container`.
    pub fn contains(&self, container: &Value, item: &Value) -> PyResult<bool> {
        match container {
            Value::List(l) => {
                let items = l.snapshot();
                for x in &items {
                    if x.is(item) || self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Tuple(t) => {
                for x in &t.0 {
                    if x.is(item) || self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Str(s) => match item.builtin_base() {
                Value::Str(sub) => Ok(s.as_str().contains(sub.as_str())),
                _ => Err(self.type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.type_name(item)
                ))),
            },
            Value::Bytes(b) => match item.builtin_base() {
                Value::Int(i) => match u8::try_from(*i) {
                    Ok(byte) => Ok(b.contains(&byte)),
                    Err(_) => Err(self.value_error("byte must be in range(0, 256)")),
                },
                _ => match crate::objects::bytes::bytes_like(item) {
                    Some(sub) => Ok(sub.is_empty() || b.windows(sub.len()).any(|w| w == &sub[..])),
                    None => Err(self.type_error(format!(
                        "a bytes-like object is required, not '{}'",
                        self.type_name(item)
                    ))),
                },
            },
            Value::Dict(d) => d.contains(self, item),
            Value::Set(s) | Value::FrozenSet(s) => s.contains(self, item),
            Value::Range(r) => match item {
                Value::Int(i) => {
                    let i = *i;
                    Ok(if r.step > 0 {
                        i >= r.start && i < r.stop
                    } else {
                        i <= r.start && i > r.stop
                    } && (i - r.start) % r.step == 0)
                }
                _ => self.iter_contains(&self.iter(container)?, item),
            },
            _ => {
                let class = self.class_of(container);
                if let Some(m) = class.lookup(&dunders().contains) {
                    let r = self.call_bound(&m, container, std::slice::from_ref(item))?;
                    return self.truthy(&r);
                }
                let it = self.iter(container).map_err(|_| {
                    self.type_error(format!("argument of type '{}' is not iterable", class.name))
                })?;
                self.iter_contains(&it, item)
            }
        }
    }

    /// `item in container` by going through `it`, the container's iterator.
    fn iter_contains(&self, it: &Value, item: &Value) -> PyResult<bool> {
        let found = self.for_each_in(it, |x| {
            Ok(match self.eq(&x, item)? {
                true => ControlFlow::Break(()),
                false => ControlFlow::Continue(()),
            })
        })?;
        Ok(found.is_some())
    }
}
