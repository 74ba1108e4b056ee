//! Calling things: Python functions (binding arguments to fast locals),
//! natives, bound methods, classes (instantiation) and callable objects.

use super::frame::Frame;
use super::limits::Recursing;
use super::protocol::dunders;
use super::Vm;
use crate::bytecode::flags;
use crate::objects::class::{class_epoch, CallPlan, Layout};
use crate::objects::signature::python_style;
use crate::objects::{
    Args, CellObj, Class, Function, GenKind, Generator, Instance, Name, PyErr, PyResult, Value,
};
use std::rc::Rc;

impl Vm {
    /// `f(*args)`.
    pub fn call(&self, f: &Value, args: &[Value]) -> PyResult<Value> {
        self.call_args(f, Args::new(args))
    }

    /// `f(*pos, **kw)` with vectorcall-style arguments.
    pub fn call_args(&self, f: &Value, args: Args<'_>) -> PyResult<Value> {
        match f {
            Value::Function(func) => {
                let frame = self.make_frame(func, args)?;
                if func.code.co.is_resumable() {
                    return Ok(self.make_generator(func, frame));
                }
                self.run_frame_to_completion(frame)
            }
            Value::Builtin(b) => match &b.bound {
                None => (b.func)(self, args),
                Some(recv) => {
                    self.call_with_receiver(&Value::Builtin(b.clone()), recv, args, |vm, a| {
                        (b.func)(vm, a)
                    })
                }
            },
            Value::Closure(c) => (c.func)(self, args),
            Value::BoundMethod(m) => {
                let func = m.func.clone();
                self.call_with_receiver(&func, &m.receiver, args, |vm, a| vm.call_args(&func, a))
            }
            Value::Class(c) => {
                // A metaclass `__call__` (other than type's) decides what calling the class does.
                let meta_call = c
                    .metaclass
                    .borrow()
                    .as_ref()
                    .and_then(|m| m.lookup(&dunders().call))
                    .filter(|m| !matches!(m, Value::Builtin(b) if b.owner == Some("type")));
                match meta_call {
                    Some(m) => self.call_with_receiver(&m, f, args, |vm, a| vm.call_args(&m, a)),
                    None => self.instantiate(c, args),
                }
            }
            Value::Instance(_) | Value::Native(_) => {
                let class = self.class_of(f);
                match class.lookup(&dunders().call) {
                    // A `__call__` that is not a function binds as a
                    // descriptor does (an object without `__get__` is called
                    // as it is, without the receiver) and calls on through
                    // its own class: a step that counts toward the limit.
                    Some(m @ (Value::Instance(_) | Value::Native(_) | Value::Class(_))) => self
                        .recursing(Recursing::CallObject, || {
                            let bound = self.bind_class_attr(m, f, &class)?;
                            self.call_args(&bound, args)
                        }),
                    Some(m) => self.call_with_receiver(&m, f, args, |vm, a| vm.call_args(&m, a)),
                    None => {
                        Err(self.type_error(format!("'{}' object is not callable", class.name)))
                    }
                }
            }
            _ => Err(self.type_error(format!("'{}' object is not callable", self.type_name(f)))),
        }
    }

    /// Calls with `receiver` prepended to the positional arguments.
    fn call_with_receiver(
        &self,
        _func: &Value,
        receiver: &Value,
        args: Args<'_>,
        call: impl FnOnce(&Vm, Args<'_>) -> PyResult<Value>,
    ) -> PyResult<Value> {
        let mut pos = Vec::with_capacity(args.pos.len() + 1);
        pos.push(receiver.clone());
        pos.extend_from_slice(args.pos);
        call(
            self,
            Args {
                pos: &pos,
                kwnames: args.kwnames,
                kwvalues: args.kwvalues,
            },
        )
    }

    /// Wraps a fresh frame of a generator/coroutine function in its object.
    pub fn make_generator(&self, func: &Rc<Function>, mut frame: Box<Frame>) -> Value {
        let fl = func.flags();
        let kind = if fl & flags::COROUTINE != 0 {
            GenKind::Coroutine
        } else if fl & flags::ASYNC_GENERATOR != 0 {
            GenKind::AsyncGenerator
        } else {
            GenKind::Generator
        };
        let iterable_coroutine = fl & flags::ITERABLE_COROUTINE != 0;
        // The frame needs it too: `yield from coro` is allowed in an iterable coroutine.
        frame.iterable_coroutine = iterable_coroutine;
        let gen = Generator::new(
            kind,
            func.code.clone(),
            frame,
            func.name.borrow().clone(),
            func.qualname.borrow().clone(),
            iterable_coroutine,
        );
        let gen = crate::objects::gc::new(gen);
        if kind == GenKind::Coroutine && self.coroutine_origin_depth.get() > 0 {
            gen.set_origin(self.origin_stack(self.coroutine_origin_depth.get()));
        }
        Value::Generator(gen)
    }

    /// Where something is being created, as a coroutine's `cr_origin` says
    /// it: (filename, line, function) of each running frame, innermost
    /// first, at most `depth` of them.
    pub(crate) fn origin_stack(&self, depth: usize) -> Value {
        let frames = self.frame_chain().take(depth);
        Value::tuple(
            frames
                .map(|f| {
                    Value::tuple(vec![
                        Value::str(&f.code.co.filename),
                        Value::Int(f.current_line() as i64),
                        Value::str(&f.code.co.name),
                    ])
                })
                .collect(),
        )
    }

    /// Builds the frame for calling `func` with `args`: binds parameters, defaults and cells.
    pub fn make_frame(&self, func: &Rc<Function>, args: Args<'_>) -> PyResult<Box<Frame>> {
        let code = func.code.clone();
        let co = &code.co;
        let mut frame = self.new_frame(code.clone(), func.globals.clone(), None);
        let simple =
            co.flags & (flags::VARARGS | flags::VARKEYWORDS) == 0 && co.kwonlyargcount == 0;
        if simple && args.kwnames.is_empty() && args.pos.len() == co.argcount as usize {
            for (slot, a) in frame.locals.iter_mut().zip(args.pos) {
                *slot = a.clone();
            }
        } else {
            if let Err(e) = self.bind_args(func, &mut frame, args) {
                self.recycle_frame(frame);
                return Err(e);
            }
        }
        for (i, arg) in co.cell2arg.iter().enumerate() {
            if let Some(a) = arg {
                let v = std::mem::replace(&mut frame.locals[*a as usize], Value::Undef);
                frame.cells[i] = CellObj::new(v);
            }
        }
        frame.cells.extend(func.closure.iter().cloned());
        Ok(frame)
    }

    fn bind_args(&self, func: &Rc<Function>, frame: &mut Frame, args: Args<'_>) -> PyResult<()> {
        let co = &func.code.co;
        let qualname = func.qualname.borrow().clone();
        let npos_params = co.argcount as usize;
        let nposonly = co.posonlyargcount as usize;
        let nkwonly = co.kwonlyargcount as usize;
        let has_varargs = co.flags & flags::VARARGS != 0;
        let has_varkw = co.flags & flags::VARKEYWORDS != 0;
        let varargs_slot = npos_params + nkwonly;
        let varkw_slot = varargs_slot + has_varargs as usize;
        let names = &func.code.varnames;

        let given = args.pos.len();
        for (i, a) in args.pos.iter().take(npos_params).enumerate() {
            frame.locals[i] = a.clone();
        }
        if has_varargs {
            let extra = if given > npos_params {
                args.pos[npos_params..].to_vec()
            } else {
                Vec::new()
            };
            frame.locals[varargs_slot] = Value::tuple(extra);
        } else if given > npos_params {
            let ndefaults = func.defaults.len();
            let kw_given = args
                .kwnames
                .iter()
                .filter(|n| {
                    names[npos_params..npos_params + nkwonly]
                        .iter()
                        .any(|p| Some(p.as_str()) == n.as_str())
                })
                .count();
            return Err(self.type_error(python_style::too_many_positional(
                &qualname,
                npos_params,
                ndefaults,
                given,
                kw_given,
            )));
        }
        let kwargs = if has_varkw {
            Some(crate::objects::PyDict::new())
        } else {
            None
        };
        let mut posonly_as_kw = Vec::new();
        for (name, value) in args.kwnames.iter().zip(args.kwvalues) {
            let key = name.as_str().unwrap_or("");
            let slot = names[nposonly..npos_params + nkwonly]
                .iter()
                .position(|p| p.as_str() == key)
                .map(|i| i + nposonly);
            match slot {
                Some(j) => {
                    if !matches!(frame.locals[j], Value::Undef) {
                        return Err(self.type_error(format!(
                            "{qualname}() got multiple values for argument '{key}'"
                        )));
                    }
                    frame.locals[j] = value.clone();
                }
                None => match &kwargs {
                    Some(d) => d.set(self, name.clone(), value.clone())?,
                    None => {
                        if names[..nposonly].iter().any(|p| p.as_str() == key) {
                            posonly_as_kw.push(key.to_string());
                            continue;
                        }
                        return Err(self.type_error(format!(
                            "{qualname}() got an unexpected keyword argument '{key}'"
                        )));
                    }
                },
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(self.type_error(format!(
                "{qualname}() got some positional-only arguments passed as keyword arguments: '{}'",
                posonly_as_kw.join(", ")
            )));
        }
        if let Some(d) = kwargs {
            frame.locals[varkw_slot] = Value::Dict(crate::objects::gc::new(d));
        }
        // Defaults fill the last parameters.
        let ndefaults = func.defaults.len();
        let first_default = npos_params.saturating_sub(ndefaults);
        let mut missing = Vec::new();
        for (i, name) in names
            .iter()
            .enumerate()
            .take(npos_params)
            .skip(given.min(npos_params))
        {
            if matches!(frame.locals[i], Value::Undef) {
                if i >= first_default {
                    frame.locals[i] = func.defaults[i - first_default].clone();
                } else {
                    missing.push(name.as_str().to_string());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(python_style::missing(&qualname, "positional", &missing)));
        }
        for (i, name) in names
            .iter()
            .enumerate()
            .take(npos_params + nkwonly)
            .skip(npos_params)
        {
            if matches!(frame.locals[i], Value::Undef) {
                match func.kwdefaults.iter().find(|(n, _)| n == name) {
                    Some((_, v)) => frame.locals[i] = v.clone(),
                    None => missing.push(name.as_str().to_string()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(python_style::missing(
                &qualname,
                "keyword-only",
                &missing,
            )));
        }
        Ok(())
    }

    /// What calling `cls` takes (see [`CallPlan`]), memoised on the class
    /// until some class changes. A class call that needs nothing but a fresh
    /// plain instance (object's `__new__`, no metaclass) and a Python
    /// `__init__` runs that `__init__` as a frame of the dispatch loop; with
    /// object's `__init__` too, the loop makes the instance itself; anything
    /// else goes through [`Vm::instantiate`]. (A metaclass is only ever set
    /// while the class is being made, before it can be called.)
    #[inline(never)]
    pub fn call_plan(&self, cls: &Class) -> CallPlan {
        let epoch = class_epoch();
        {
            let memo = cls.call_plan.borrow();
            if memo.0 == epoch {
                return memo.1.clone();
            }
        }
        let plan = self.work_out_call_plan(cls);
        *cls.call_plan.borrow_mut() = (epoch, plan.clone());
        plan
    }

    fn work_out_call_plan(&self, cls: &Class) -> CallPlan {
        if cls.layout != Layout::Object || cls.metaclass.borrow().is_some() {
            return CallPlan::General;
        }
        let d = dunders();
        match cls.lookup(&d.new) {
            None => {}
            Some(Value::Builtin(b)) if b.owner == Some("object") => {}
            Some(_) => return CallPlan::General,
        }
        match cls.lookup(&d.init) {
            Some(Value::Function(f)) => CallPlan::Init(f),
            Some(Value::Builtin(b)) if b.owner == Some("object") => CallPlan::Bare,
            _ => CallPlan::General,
        }
    }

    /// The error of a class call whose `__init__` returned `r`, not None.
    pub fn init_returned_non_none(&self, r: &Value) -> PyErr {
        self.type_error(format!(
            "__init__() should return None, not '{}'",
            self.type_name(r)
        ))
    }

    /// `cls(*args, **kw)`.
    pub fn instantiate(&self, cls: &Rc<Class>, args: Args<'_>) -> PyResult<Value> {
        let d = dunders();
        if Rc::ptr_eq(cls, &self.types.type_) {
            return crate::builtins::type_call(self, args);
        }
        if let ([x], []) = (args.pos, args.kwnames) {
            if let Some(r) = crate::builtins::convert_one(self, cls, x) {
                return r;
            }
        }
        let new = cls.lookup(&d.new);
        let obj = match &new {
            Some(Value::Builtin(b)) if b.owner != Some("object") => {
                let mut pos = Vec::with_capacity(args.pos.len() + 1);
                pos.push(Value::Class(cls.clone()));
                pos.extend_from_slice(args.pos);
                let obj = (b.func)(
                    self,
                    Args {
                        pos: &pos,
                        kwnames: args.kwnames,
                        kwvalues: args.kwvalues,
                    },
                )?;
                if cls.layout == Layout::Builtin {
                    return Ok(obj);
                }
                if !self.isinstance(&obj, cls) {
                    // The built-in `__new__` ignored the subclass it was given
                    // (it does not build through `payload::construct`).
                    return Err(self.not_implemented(format!(
                        "subclassing the built-in type '{}'",
                        b.owner.unwrap_or(b.name)
                    )));
                }
                obj
            }
            Some(new @ (Value::Function(_) | Value::Native(_))) => {
                let f = match new.downcast_native::<crate::builtins::descriptors::StaticMethod>() {
                    Some(sm) => sm.func(),
                    None => new.clone(),
                };
                let mut pos = Vec::with_capacity(args.pos.len() + 1);
                pos.push(Value::Class(cls.clone()));
                pos.extend_from_slice(args.pos);
                let obj = self.call_args(
                    &f,
                    Args {
                        pos: &pos,
                        kwnames: args.kwnames,
                        kwvalues: args.kwvalues,
                    },
                )?;
                if !self.isinstance(&obj, cls) {
                    return Ok(obj);
                }
                obj
            }
            _ => {
                if cls.layout == Layout::Builtin || self.payload_base(cls).is_some() {
                    return Err(self.type_error(format!(
                        "cannot create '{}' instances",
                        cls.qualname.borrow()
                    )));
                }
                let inst = Instance::new(cls.clone());
                if inst.is_exception() {
                    inst.exc_data().args = args.pos.to_vec();
                }
                Value::Instance(crate::objects::gc::new(inst))
            }
        };
        // As CPython's `type.__call__`: the `__init__` of the object's own type.
        let class = self.class_of(&obj);
        match class.lookup(&d.init) {
            Some(Value::Builtin(b)) if b.owner == Some("object") => {
                let custom_new = match &new {
                    Some(Value::Function(_) | Value::Native(_)) => true,
                    Some(Value::Builtin(b)) => b.owner != Some("object"),
                    _ => false,
                };
                if (!args.pos.is_empty() || !args.kwnames.is_empty()) && !custom_new {
                    return Err(
                        self.type_error(format!("{}() takes no arguments", cls.qualname.borrow()))
                    );
                }
            }
            Some(init) => {
                let r =
                    self.call_with_receiver(&init, &obj, args, |vm, a| vm.call_args(&init, a))?;
                if !r.is_none() {
                    return Err(self.init_returned_non_none(&r));
                }
            }
            None => {}
        }
        Ok(obj)
    }

    /// `__build_class__(body, name, *bases, **kw)`: runs the class body and creates the class.
    pub fn build_class(&self, args: Args<'_>) -> PyResult<Value> {
        let (Some(Value::Function(body)), Some(Value::Str(name))) = (args.get(0), args.get(1))
        else {
            return Err(self.type_error("__build_class__: func must be a function"));
        };
        let mut bases = Vec::new();
        let mut orig_bases = None;
        for b in &args.pos[2..] {
            match b {
                Value::Class(c) => bases.push(c.clone()),
                // PEP 560: `class Stack(Generic[T])` asks the alias which classes it stands for.
                other => match self.get_attr_opt(other, &Name::new("__mro_entries__"))? {
                    Some(entries) => {
                        let original = Value::tuple(args.pos[2..].to_vec());
                        let resolved = self.call(&entries, std::slice::from_ref(&original))?;
                        for entry in self.to_vec(&resolved)? {
                            match entry {
                                Value::Class(c) => bases.push(c),
                                other => {
                                    return Err(self.type_error(format!(
                                        "bases must be types, not {}",
                                        self.type_name(&other)
                                    )))
                                }
                            }
                        }
                        orig_bases = Some(original);
                    }
                    None => {
                        return Err(self.type_error(format!(
                            "bases must be types, not {}",
                            self.type_name(other)
                        )))
                    }
                },
            }
        }
        let explicit = args
            .kwnames
            .iter()
            .zip(args.kwvalues)
            .find(|(k, _)| k.as_str() == Some("metaclass"))
            .map(|(_, v)| v.clone());
        let metaclass = self.derive_metaclass(explicit, &bases)?;
        for b in &bases {
            if b.layout == Layout::Builtin && !b.subclassable {
                return Err(
                    self.type_error(format!("type '{}' is not an acceptable base type", b.name))
                );
            }
        }
        // Run the body in a fresh namespace (or the one `__prepare__` gives).
        let (ns, mapping) = match &metaclass {
            Some(meta) => {
                let (ns, mapping) = self.prepare_namespace(meta, name, &bases, args)?;
                (ns, Some(mapping))
            }
            None => (crate::objects::new_namespace(), None),
        };
        let mut frame = self.new_frame(body.code.clone(), body.globals.clone(), Some(ns.clone()));
        frame.cells.extend(body.closure.iter().cloned());
        let classcell = self.run_frame_to_completion(frame)?;
        if let Some(orig) = orig_bases {
            ns.set_name(&Name::new("__orig_bases__"), orig);
        }
        if let (Some(meta), Some(mapping)) = (metaclass, mapping) {
            // `meta(name, bases, namespace, **kwargs)` makes the class (usually through `type.__new__`).
            let call = [
                Value::Str(name.clone()),
                Value::tuple(bases.into_iter().map(Value::Class).collect()),
                mapping,
            ];
            let (names, values) = class_keywords(args);
            let class = self.call_args(&meta, Args::with_kw(&call, &names, &values))?;
            if let Value::Cell(cell) = classcell {
                cell.set(class.clone());
            }
            return Ok(class);
        }
        let class = self.create_class(name.as_str(), bases, &ns, body.module.clone())?;
        if let Value::Cell(cell) = classcell {
            cell.set(Value::Class(class.clone()));
        }
        self.finish_class(&class, args)?;
        Ok(Value::Class(class))
    }

    /// The namespace a class body runs in, and the mapping the metaclass is
    /// given: what the metaclass's `__prepare__(name, bases, **kwargs)`
    /// returns. The body stores into the dict itself, so only dicts (and dict
    /// subclasses that keep dict's item methods) are honoured; other mappings
    /// are refused clearly.
    fn prepare_namespace(
        &self,
        meta: &Value,
        name: &Rc<crate::objects::PyStr>,
        bases: &[Rc<Class>],
        args: Args<'_>,
    ) -> PyResult<(crate::objects::Namespace, Value)> {
        let Some(prepare) = self.get_attr_opt(meta, &Name::new("__prepare__"))? else {
            let ns = crate::objects::new_namespace();
            return Ok((ns.clone(), Value::Dict(ns)));
        };
        let call = [
            Value::Str(name.clone()),
            Value::tuple(bases.iter().cloned().map(Value::Class).collect()),
        ];
        let (names, values) = class_keywords(args);
        let mapping = self.call_args(&prepare, Args::with_kw(&call, &names, &values))?;
        let class = self.class_of(&mapping);
        let dict_method = |method: &str| matches!(class.lookup_str(method), Some(Value::Builtin(b)) if b.owner == Some("dict"));
        if let Some(d) = crate::builtins::dict::raw_dict(&mapping)
            .filter(|_| dict_method("__setitem__") && dict_method("__getitem__"))
        {
            return Ok((d.clone(), mapping));
        }
        if class.lookup_str("__getitem__").is_none() {
            let meta_name = match meta {
                Value::Class(c) => c.name.to_string(),
                other => self.type_name(other),
            };
            return Err(self.type_error(format!(
                "{meta_name}.__prepare__() must return a mapping, not {}",
                self.type_name(&mapping)
            )));
        }
        Err(self.not_implemented(format!(
            "a class namespace of type '{}' from __prepare__",
            self.type_name(&mapping)
        )))
    }

    /// Creates a class from a finished namespace (copied: the class owns its
    /// namespace, which programs see through a read-only `mappingproxy`).
    pub fn create_class(
        &self,
        name: &str,
        mut bases: Vec<Rc<Class>>,
        ns: &crate::objects::PyDict,
        module: Rc<str>,
    ) -> PyResult<Rc<Class>> {
        if bases.is_empty() {
            bases.push(self.types.object.clone());
        }
        for b in &bases {
            if b.layout == Layout::Builtin && !b.subclassable {
                return Err(
                    self.type_error(format!("type '{}' is not an acceptable base type", b.name))
                );
            }
        }
        // Instances of a built-in subclass carry one built-in value (see
        // `builtins/payload.rs`): two different ones cannot be combined, nor
        // one with an exception's data.
        let exception = bases.iter().any(|b| b.layout == Layout::Exception);
        let mut payload_bases = bases.iter().filter_map(|b| self.payload_base(b));
        let payload_base = payload_bases.next();
        if let Some(first) = &payload_base {
            if exception || payload_bases.any(|other| !Rc::ptr_eq(&other, first)) {
                return Err(self.type_error("multiple bases have instance lay-out conflict"));
            }
        }
        let slots = crate::builtins::member::plan(self, name, &bases, ns, payload_base.as_ref())?;
        let layout = if exception {
            Layout::Exception
        } else {
            Layout::Object
        };
        let mro = crate::objects::class::compute_mro(&bases).ok_or_else(|| {
            self.type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                bases
                    .iter()
                    .map(|b| b.name.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })?;
        let d = dunders();
        let mut dict = crate::objects::AttrMap::default();
        for (k, v) in ns.items() {
            if let Value::Str(k) = k {
                dict.insert(Name::new(k.as_str()), v);
            }
        }
        let qualname = dict
            .get(&d.qualname)
            .and_then(|q| q.as_str().map(Rc::from))
            .unwrap_or_else(|| Rc::from(name));
        let module = match dict.get(&d.module) {
            Some(m) => m.as_str().map(Rc::from).unwrap_or(module),
            // Every class has its own `__module__` (else a base's would show).
            None => {
                dict.insert(d.module.clone(), Value::str(&module));
                module
            }
        };
        dict.shift_remove(&d.qualname);
        dict.shift_remove(&Name::new("__classcell__"));
        dict.extend(slots.members.iter().cloned());
        // Every class has its own `__doc__` (None without a docstring), so a
        // docstring is not inherited and a class's None shadows the
        // `__doc__` of a built-in base's instances, as in CPython.
        dict.entry(d.doc.clone()).or_insert(Value::None);
        if dict.contains_key(&d.eq) && !dict.contains_key(&d.hash) {
            dict.insert(d.hash.clone(), Value::None);
        }
        // `__init_subclass__` and `__class_getitem__` are implicitly class methods.
        for name in [&d.init_subclass, &d.class_getitem] {
            if let Some(f @ Value::Function(_)) = dict.get(name).cloned() {
                dict.insert(
                    name.clone(),
                    crate::builtins::descriptors::ClassMethod::new(self, f),
                );
            }
        }
        let has_getattr = dict.contains_key(&d.getattr)
            || dict.contains_key(&d.getattribute)
            || bases.iter().any(|b| b.has_getattr.get());
        let class = crate::objects::gc::new(Class {
            name: Rc::from(name),
            qualname: std::cell::RefCell::new(qualname),
            module: std::cell::RefCell::new(module),
            bases,
            mro,
            dict: std::cell::RefCell::new(dict),
            lookup_cache: crate::objects::class::new_lookup_cache(),
            layout,
            subclassable: true,
            has_getattr: std::cell::Cell::new(has_getattr),
            metaclass: std::cell::RefCell::new(None),
            subclasses: std::cell::RefCell::new(Vec::new()),
            call_plan: std::cell::RefCell::new((0, Default::default())),
            del_cache: Default::default(),
            keys: crate::objects::class::SharedKeys::after_slots(slots.shape.slots),
            shape: slots.shape,
            gc: crate::objects::gc::GcHead::new(),
        });
        slots.adopt(&class);
        for base in &class.bases {
            let mut subs = base.subclasses.borrow_mut();
            subs.retain(|w| w.strong_count() > 0);
            subs.push(Rc::downgrade(&class));
        }
        Ok(class)
    }

    /// The built-in class whose values the instances of `class` carry as
    /// their payload (`list` for `class Stack(list)`), if any: the first
    /// built-in type in its MRO (`type` aside: a metaclass's instances are
    /// classes).
    pub fn payload_base(&self, class: &Rc<Class>) -> Option<Rc<Class>> {
        std::iter::once(class)
            .chain(class.mro.iter())
            .find(|c| c.layout == Layout::Builtin && !Rc::ptr_eq(c, &self.types.type_))
            .cloned()
    }

    /// The metaclass a class statement uses: the explicit one, or the most
    /// derived metaclass of the bases; None when that is plain `type`.
    pub(crate) fn derive_metaclass(
        &self,
        explicit: Option<Value>,
        bases: &[Rc<Class>],
    ) -> PyResult<Option<Value>> {
        let mut winner = match explicit {
            Some(Value::Class(c)) => c,
            Some(other) => return Ok(Some(other)),
            None => self.types.type_.clone(),
        };
        for base in bases {
            let meta = self.class_of(&Value::Class(base.clone()));
            if winner.is_subclass(&meta) {
                continue;
            }
            if meta.is_subclass(&winner) {
                winner = meta;
                continue;
            }
            return Err(self.metaclass_conflict());
        }
        Ok((!Rc::ptr_eq(&winner, &self.types.type_)).then_some(Value::Class(winner)))
    }

    /// CPython's error for bases whose metaclasses no one metaclass derives from.
    pub(crate) fn metaclass_conflict(&self) -> PyErr {
        self.type_error("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
    }

    /// `__set_name__` on attributes and the parent's `__init_subclass__`.
    pub fn finish_class(&self, class: &Rc<Class>, class_kwargs: Args<'_>) -> PyResult<()> {
        let d = dunders();
        let attrs: Vec<(Name, Value)> = class
            .dict
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (k, v) in attrs {
            if matches!(v, Value::Instance(_) | Value::Native(_)) {
                if let Some(sn) = self.class_of(&v).lookup(&d.set_name) {
                    self.call_bound(
                        &sn,
                        &v,
                        &[Value::Class(class.clone()), Value::str(k.as_str())],
                    )?;
                }
            }
        }
        // The parent's `__init_subclass__` gets the class keywords other than `metaclass`.
        let (names, values) = class_keywords(class_kwargs);
        for base in &class.mro {
            let hook = base.dict.borrow().get(&d.init_subclass).cloned();
            let f = match &hook {
                Some(f @ (Value::Function(_) | Value::Builtin(_))) => f.clone(),
                Some(cm) => match cm.downcast_native::<crate::builtins::descriptors::ClassMethod>()
                {
                    Some(cm) => cm.func(),
                    None => continue,
                },
                None => continue,
            };
            let cls = [Value::Class(class.clone())];
            self.call_args(&f, Args::with_kw(&cls, &names, &values))?;
            break;
        }
        Ok(())
    }
}

/// The keyword arguments of a class statement other than `metaclass`.
fn class_keywords(args: Args<'_>) -> (Vec<Value>, Vec<Value>) {
    args.kwnames
        .iter()
        .zip(args.kwvalues)
        .filter(|(k, _)| k.as_str() != Some("metaclass"))
        .map(|(k, v)| (k.clone(), v.clone()))
        .unzip()
}
