//! `contextvars`: context variables, contexts and tokens (PEP 567).
//!
//! A [`Context`] maps variables to values. Its mapping is an immutable
//! vector behind an `Rc`, replaced (copied on write) by each `set`, so
//! `copy_context()` is one `Rc` clone: asyncio copies the context for every
//! task it creates, and that must stay cheap. The running thread's current
//! context lives in a thread-local slot, created empty on first use; each
//! Python thread has its own (the thread switch hooks of `stdlib::thread`
//! swap the slot), and `Context.run` swaps it for the call.

use crate::objects::class::Layout;
use crate::objects::gc::Visitor;
use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Class, Module, NativeFn, NativeObject, PyResult, Value};
use crate::vm::types::{add_classmethod, add_declared_methods, new_class};
use crate::vm::Vm;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// A context's variables and values, in the order they were first set.
type Mapping = Rc<Vec<(Value, Value)>>;

/// What a thread's (or an asyncio task's) current context is: a `Context`
/// object, or a copy not yet made into one. asyncio copies the context for
/// every task, and most tasks never set a variable nor ask for their
/// context, so a task's copy stays a shared mapping until one does.
#[derive(Clone)]
pub(crate) enum Current {
    Object(Value),
    Detached(Mapping),
}

impl Current {
    fn mapping(&self) -> Mapping {
        match self {
            Current::Object(ctx) => ctx
                .downcast_native::<Context>()
                .map(|c| c.mapping.borrow().clone())
                .unwrap_or_default(),
            Current::Detached(mapping) => mapping.clone(),
        }
    }

    /// The `Context` object, for the collector (a detached mapping is
    /// shared, so it counts as referenced from outside).
    pub(crate) fn object(&self) -> Option<&Value> {
        match self {
            Current::Object(ctx) => Some(ctx),
            Current::Detached(_) => None,
        }
    }
}

thread_local! {
    /// The running thread's context, if one was made yet.
    static CURRENT: RefCell<Option<Current>> = const { RefCell::new(None) };
}

/// Takes the running thread's context out of the slot (a thread switch).
pub(crate) fn take_current() -> Option<Current> {
    CURRENT.with(|c| c.borrow_mut().take())
}

/// Puts a thread's context back in the slot (a thread switch).
pub(crate) fn set_current(context: Option<Current>) {
    CURRENT.with(|c| *c.borrow_mut() = context);
}

/// The running thread's context object, made (empty, or from a detached
/// copy) on first use.
pub(crate) fn current(vm: &Vm) -> Value {
    CURRENT.with(|c| {
        let mut slot = c.borrow_mut();
        match &*slot {
            Some(Current::Object(ctx)) => ctx.clone(),
            other => {
                let mapping = other.as_ref().map(Current::mapping).unwrap_or_default();
                let ctx = new_context(vm, mapping);
                *slot = Some(Current::Object(ctx.clone()));
                ctx
            }
        }
    })
}

/// The current context's mapping (empty when there is none).
fn current_mapping() -> Mapping {
    CURRENT.with(|c| {
        c.borrow()
            .as_ref()
            .map(Current::mapping)
            .unwrap_or_default()
    })
}

/// A new context with the current one's variables: what `copy_context()`
/// returns.
pub(crate) fn copy_current(vm: &Vm) -> Value {
    new_context(vm, current_mapping())
}

/// The context a new asyncio task runs in: a copy of the current one (a
/// shared mapping, made into an object only if the task sets a variable or
/// asks for it), or None while the thread has none yet (the task then makes
/// its own, empty, on its first `ContextVar.set`, which is what a copy of
/// nothing is). So a program that never uses context variables pays one
/// thread-local read per task.
pub(crate) fn context_for_task() -> Option<Current> {
    CURRENT.with(|c| {
        c.borrow()
            .as_ref()
            .map(|current| Current::Detached(current.mapping()))
    })
}

/// Makes `context` the current context and returns the one it replaces
/// (an asyncio task's step enters and leaves its context this way).
pub(crate) fn swap_current(context: Option<Current>) -> Option<Current> {
    CURRENT.with(|c| std::mem::replace(&mut *c.borrow_mut(), context))
}

/// Runs `f` with `context` as the current context, as `Context.run` does.
pub(crate) fn run_in<T>(vm: &Vm, context: &Value, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    let ctx = as_context(vm, context)?;
    if ctx.entered.replace(true) {
        return Err(vm.runtime_error(format!(
            "cannot enter context: {} is already entered",
            vm.repr(context)?
        )));
    }
    let before = CURRENT.with(|c| c.borrow_mut().replace(Current::Object(context.clone())));
    let result = f();
    CURRENT.with(|c| *c.borrow_mut() = before);
    ctx.entered.set(false);
    result
}

const FUNCTIONS: &[(&Signature, NativeFn)] = &[(&COPY_CONTEXT, copy_context)];

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with_declared(vm, "contextvars", FUNCTIONS);
    super::set(&m, "Context", Value::Class(context_class(vm)));
    super::set(&m, "ContextVar", Value::Class(var_class(vm)));
    super::set(&m, "Token", Value::Class(token_class(vm)));
    token_missing(vm);
    Ok(m)
}

static COPY_CONTEXT: Signature = Signature::new(Style::Exact, "copy_context", "").doc(
    "Return a copy of the current Context: the same variables with the same\n\
     values, which later changes on either side do not affect.",
);

fn copy_context(vm: &Vm, args: Args) -> PyResult {
    COPY_CONTEXT.bind::<0, 0>(vm, args)?;
    Ok(copy_current(vm))
}

/// A class of the module, with its docstring.
fn builtin_class(vm: &Vm, name: &str, doc: &'static str) -> Rc<Class> {
    let c = new_class(
        name,
        std::slice::from_ref(&vm.types.object),
        Layout::Builtin,
        "_contextvars",
    );
    c.set_attr("__doc__", Value::str(doc));
    c
}

// -- Context ------------------------------------------------------------------------

/// `contextvars.Context`.
pub struct Context {
    class: Rc<Class>,
    mapping: RefCell<Mapping>,
    entered: Cell<bool>,
}

impl NativeObject for Context {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        // The mapping may be shared with copies; each holder visits it, and
        // a shared mapping is one object to the collector only when one
        // context holds it, so visiting is exact only then.
        let mapping = self.mapping.borrow();
        if Rc::strong_count(&mapping) == 1 {
            for (var, value) in mapping.iter() {
                visit.value(var);
                visit.value(value);
            }
        }
    }
    fn clear(&self) {
        *self.mapping.borrow_mut() = Rc::default();
    }
}

fn new_context(vm: &Vm, mapping: Mapping) -> Value {
    Value::native(Context {
        class: context_class(vm),
        mapping: RefCell::new(mapping),
        entered: Cell::new(false),
    })
}

fn as_context<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Context> {
    v.downcast_native::<Context>()
        .ok_or_else(|| vm.type_error("an instance of Context was expected"))
}

fn context_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("_contextvars.Context", |vm| {
        let c = builtin_class(
            vm,
            "Context",
            "A mapping from ContextVars to their values: the state a task or a\n\
             callback runs in.\n\n\
             Each asyncio task runs in a copy of the context it was created in, so\n\
             a variable set in one task is not seen by the others.",
        );
        add_declared_methods(&c, "Context", CONTEXT_METHODS);
        c
    })
}

static CTX_NEW: Signature = Signature::new(Style::Positional, "Context.__new__", "$type, /");
static CTX_RUN: Signature = Signature::new(
    Style::Positional,
    "run",
    "$self, callable, /, *args, **kwargs",
)
.doc(
    "Call `callable(*args, **kwargs)` in this context and return its result.\n\n\
     ContextVar.set() calls made meanwhile change this context; the caller's\n\
     context is current again afterwards.",
);
static CTX_COPY: Signature = Signature::new(Style::Exact, "Context.copy", "$self")
    .doc("Return a shallow copy of the context.");
static CTX_GET: Signature = Signature::new(Style::Positional, "get", "$self, key, default=None, /")
    .doc("Return the value of ContextVar `key` in this context, or `default`.");
static CTX_GETITEM: Signature =
    Signature::new(Style::Exact, "Context.__getitem__", "$self, key, /");
static CTX_CONTAINS: Signature =
    Signature::new(Style::Exact, "Context.__contains__", "$self, key, /");
static CTX_LEN: Signature = Signature::new(Style::Exact, "Context.__len__", "$self");
static CTX_ITER: Signature = Signature::new(Style::Exact, "Context.__iter__", "$self");
static CTX_KEYS: Signature = Signature::new(Style::Exact, "Context.keys", "$self")
    .doc("Return the ContextVars that have a value in this context.");
static CTX_VALUES: Signature = Signature::new(Style::Exact, "Context.values", "$self")
    .doc("Return the values the context's variables have.");
static CTX_ITEMS: Signature = Signature::new(Style::Exact, "Context.items", "$self")
    .doc("Return the context's (ContextVar, value) pairs.");

const CONTEXT_METHODS: &[(&Signature, NativeFn)] = &[
    (&CTX_NEW, context_new),
    (&CTX_RUN, context_run),
    (&CTX_COPY, context_copy),
    (&CTX_GET, context_get),
    (&CTX_GETITEM, context_getitem),
    (&CTX_CONTAINS, context_contains),
    (&CTX_LEN, context_len),
    (&CTX_ITER, context_iter),
    (&CTX_KEYS, context_keys),
    (&CTX_VALUES, context_values),
    (&CTX_ITEMS, context_items),
];

fn context_new(vm: &Vm, args: Args) -> PyResult {
    if args.len() > 1 || !args.kwnames.is_empty() {
        return Err(vm.type_error("Context() does not accept any arguments"));
    }
    Ok(new_context(vm, Rc::default()))
}

fn context_run(vm: &Vm, args: Args) -> PyResult {
    let b = CTX_RUN.bind_all::<2, 0>(vm, args)?;
    let [me, callable] = b.required;
    let (names, values): (Vec<Value>, Vec<Value>) = b
        .varkw
        .iter()
        .map(|(n, v)| ((*n).clone(), (*v).clone()))
        .unzip();
    run_in(vm, me, || {
        vm.call_args(callable, Args::with_kw(b.varargs, &names, &values))
    })
}

fn context_copy(vm: &Vm, args: Args) -> PyResult {
    let ([me], []) = CTX_COPY.bind(vm, args)?;
    let mapping = as_context(vm, me)?.mapping.borrow().clone();
    Ok(new_context(vm, mapping))
}

/// The value of `var` in `ctx`, if set; `var` must be a `ContextVar`.
fn lookup(vm: &Vm, ctx: &Context, var: &Value) -> PyResult<Option<Value>> {
    if var.downcast_native::<ContextVar>().is_none() {
        return Err(vm.type_error(format!(
            "a ContextVar key was expected, got {}",
            vm.repr(var)?
        )));
    }
    Ok(ctx
        .mapping
        .borrow()
        .iter()
        .find(|(v, _)| v.is(var))
        .map(|(_, value)| value.clone()))
}

fn context_get(vm: &Vm, args: Args) -> PyResult {
    let ([me, key], [default]) = CTX_GET.bind(vm, args)?;
    let found = lookup(vm, as_context(vm, me)?, key)?;
    Ok(found.unwrap_or_else(|| default.cloned().unwrap_or(Value::None)))
}

fn context_getitem(vm: &Vm, args: Args) -> PyResult {
    let ([me, key], []) = CTX_GETITEM.bind(vm, args)?;
    match lookup(vm, as_context(vm, me)?, key)? {
        Some(v) => Ok(v),
        None => Err(vm.new_exception(&vm.exc.key_error, vec![key.clone()])),
    }
}

fn context_contains(vm: &Vm, args: Args) -> PyResult {
    let ([me, key], []) = CTX_CONTAINS.bind(vm, args)?;
    Ok(Value::from_bool(
        lookup(vm, as_context(vm, me)?, key)?.is_some(),
    ))
}

fn context_len(vm: &Vm, args: Args) -> PyResult {
    let ([me], []) = CTX_LEN.bind(vm, args)?;
    Ok(Value::Int(as_context(vm, me)?.mapping.borrow().len() as i64))
}

/// The context's entries, one value each, as a list.
fn entries(vm: &Vm, me: &Value, each: impl Fn(&(Value, Value)) -> Value) -> PyResult {
    let mapping = as_context(vm, me)?.mapping.borrow().clone();
    Ok(Value::list(mapping.iter().map(each).collect()))
}

fn context_iter(vm: &Vm, args: Args) -> PyResult {
    let ([me], []) = CTX_ITER.bind(vm, args)?;
    let keys = entries(vm, me, |(k, _)| k.clone())?;
    vm.iter(&keys)
}

fn context_keys(vm: &Vm, args: Args) -> PyResult {
    let ([me], []) = CTX_KEYS.bind(vm, args)?;
    entries(vm, me, |(k, _)| k.clone())
}

fn context_values(vm: &Vm, args: Args) -> PyResult {
    let ([me], []) = CTX_VALUES.bind(vm, args)?;
    entries(vm, me, |(_, v)| v.clone())
}

fn context_items(vm: &Vm, args: Args) -> PyResult {
    let ([me], []) = CTX_ITEMS.bind(vm, args)?;
    entries(vm, me, |(k, v)| Value::tuple(vec![k.clone(), v.clone()]))
}

// -- ContextVar ---------------------------------------------------------------------

/// `contextvars.ContextVar`: a name and an optional default; it is its own
/// key (compared by identity).
pub struct ContextVar {
    class: Rc<Class>,
    name: Value,
    default: Option<Value>,
}

impl NativeObject for ContextVar {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        if let Some(d) = &self.default {
            visit.value(d);
        }
    }
    fn get_attr(&self, _vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        (name == "name").then(|| Ok(self.name.clone()))
    }
}

fn as_var<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a ContextVar> {
    v.downcast_native::<ContextVar>()
        .ok_or_else(|| vm.type_error("descriptor requires a '_contextvars.ContextVar' object"))
}

fn var_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("_contextvars.ContextVar", |vm| {
        let c = builtin_class(
            vm,
            "ContextVar",
            "A variable whose value depends on the context it is read in.\n\n\
             ContextVar(name, *, default=...) makes one (at module level, once);\n\
             get(), set() and reset() read and change its value in the current\n\
             context.",
        );
        add_declared_methods(&c, "ContextVar", VAR_METHODS);
        add_classmethod(vm, &c, "__class_getitem__", var_class_getitem);
        c
    })
}

static VAR_NEW: Signature = Signature::new(
    Style::Clinic,
    "ContextVar.__new__",
    "$type, name, *, default=<unrepresentable>",
);
static VAR_GET: Signature = Signature::new(
    Style::Positional,
    "get",
    "$self, default=<unrepresentable>, /",
)
.doc(
    "Return the variable's value in the current context.\n\n\
     Without one, return `default` if given, else the variable's own default,\n\
     else raise LookupError.",
);
static VAR_SET: Signature = Signature::new(Style::Exact, "ContextVar.set", "$self, value, /").doc(
    "Give the variable `value` in the current context, and return a Token\n\
         that reset() takes to restore the previous value.",
);
static VAR_RESET: Signature = Signature::new(Style::Exact, "ContextVar.reset", "$self, token, /")
    .doc("Restore the value the variable had before the set() that returned `token`.");
static VAR_REPR: Signature = Signature::new(Style::Exact, "ContextVar.__repr__", "$self");
static VAR_HASH: Signature = Signature::new(Style::Exact, "ContextVar.__hash__", "$self");

const VAR_METHODS: &[(&Signature, NativeFn)] = &[
    (&VAR_NEW, var_new),
    (&VAR_GET, var_get),
    (&VAR_SET, var_set),
    (&VAR_RESET, var_reset),
    (&VAR_REPR, var_repr),
    (&VAR_HASH, var_hash),
];

fn var_new(vm: &Vm, args: Args) -> PyResult {
    let ([_, name], [default]) = VAR_NEW.bind(vm, args)?;
    if !matches!(name, Value::Str(_)) {
        return Err(vm.type_error("context variable name must be a str"));
    }
    Ok(Value::native(ContextVar {
        class: var_class(vm),
        name: name.clone(),
        default: default.cloned(),
    }))
}

fn var_get(vm: &Vm, args: Args) -> PyResult {
    let ([me], [default]) = VAR_GET.bind(vm, args)?;
    let var = as_var(vm, me)?;
    let found = current_mapping()
        .iter()
        .find(|(v, _)| v.is(me))
        .map(|(_, value)| value.clone());
    if let Some(v) = found {
        return Ok(v);
    }
    match default.or(var.default.as_ref()) {
        Some(d) => Ok(d.clone()),
        None => Err(vm.new_exception(&vm.exc.lookup_error, vec![me.clone()])),
    }
}

/// Sets `var` to `value` in `ctx` (copying the mapping if it is shared).
fn assign(ctx: &Context, var: &Value, value: Option<Value>) {
    let mut mapping = ctx.mapping.borrow_mut();
    let entries = Rc::make_mut(&mut mapping);
    let at = entries.iter().position(|(v, _)| v.is(var));
    match (at, value) {
        (Some(i), Some(value)) => entries[i].1 = value,
        (None, Some(value)) => entries.push((var.clone(), value)),
        (Some(i), None) => {
            entries.remove(i);
        }
        (None, None) => {}
    }
}

fn var_set(vm: &Vm, args: Args) -> PyResult {
    let ([me, value], []) = VAR_SET.bind(vm, args)?;
    as_var(vm, me)?;
    let ctx_value = current(vm);
    let ctx = as_context(vm, &ctx_value)?;
    let old = lookup(vm, ctx, me)?;
    assign(ctx, me, Some(value.clone()));
    Ok(Value::native(Token {
        class: token_class(vm),
        context: ctx_value.clone(),
        var: me.clone(),
        old,
        used: Cell::new(false),
    }))
}

fn var_reset(vm: &Vm, args: Args) -> PyResult {
    let ([me, token_value], []) = VAR_RESET.bind(vm, args)?;
    as_var(vm, me)?;
    let Some(token) = token_value.downcast_native::<Token>() else {
        return Err(vm.type_error(format!(
            "expected an instance of Token, got {}",
            vm.repr(token_value)?
        )));
    };
    if token.used.get() {
        return Err(vm.runtime_error(format!(
            "{} has already been used once",
            vm.repr(token_value)?
        )));
    }
    if !token.var.is(me) {
        return Err(vm.value_error(format!(
            "{} was created by a different ContextVar",
            vm.repr(token_value)?
        )));
    }
    let ctx_value = current(vm);
    if !token.context.is(&ctx_value) {
        return Err(vm.value_error(format!(
            "{} was created in a different Context",
            vm.repr(token_value)?
        )));
    }
    token.used.set(true);
    assign(as_context(vm, &ctx_value)?, me, token.old.clone());
    Ok(Value::None)
}

fn var_repr(vm: &Vm, args: Args) -> PyResult {
    let ([me], []) = VAR_REPR.bind(vm, args)?;
    let var = as_var(vm, me)?;
    let mut text = format!("<ContextVar name={}", vm.repr(&var.name)?);
    if let Some(d) = &var.default {
        text.push_str(&format!(" default={}", vm.repr(d)?));
    }
    text.push_str(&format!(" at {:#x}>", me.id()));
    Ok(Value::string(text))
}

fn var_hash(vm: &Vm, args: Args) -> PyResult {
    let ([me], []) = VAR_HASH.bind(vm, args)?;
    Ok(Value::Int((me.id() >> 4) as i64))
}

/// `ContextVar[T]`, a generic alias.
fn var_class_getitem(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "ContextVar.__class_getitem__", 2, 2)?;
    let (cls, item) = (&args.pos[0], &args.pos[1]);
    let types = vm.import_module("types")?;
    let alias = vm.get_attr_str(&Value::Module(types), "GenericAlias")?;
    vm.call(&alias, &[cls.clone(), item.clone()])
}

// -- Token --------------------------------------------------------------------------

/// `contextvars.Token`: what `ContextVar.reset` needs to undo one `set`.
pub struct Token {
    class: Rc<Class>,
    context: Value,
    var: Value,
    old: Option<Value>,
    used: Cell<bool>,
}

impl NativeObject for Token {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.value(&self.context);
        visit.value(&self.var);
        if let Some(old) = &self.old {
            visit.value(old);
        }
    }
    fn get_attr(&self, vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        match name {
            "var" => Some(Ok(self.var.clone())),
            "old_value" => Some(Ok(self.old.clone().unwrap_or_else(|| token_missing(vm)))),
            _ => None,
        }
    }
}

fn token_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("_contextvars.Token", |vm| {
        let c = builtin_class(
            vm,
            "Token",
            "What ContextVar.set() returns: ContextVar.reset(token) undoes that set().",
        );
        add_declared_methods(&c, "Token", TOKEN_METHODS);
        c
    })
}

/// `Token.MISSING`, the old value of a variable that was not set.
fn token_missing(vm: &Vm) -> Value {
    let class = token_class(vm);
    if let Some(m) = class.lookup(&crate::objects::Name::new("MISSING")) {
        return m;
    }
    let missing_class = vm.lazy_class("_contextvars.Token.MISSING", |vm| {
        let c = builtin_class(
            vm,
            "Token.MISSING",
            "The old value a Token records for a variable that had none.",
        );
        add_declared_methods(&c, "Token.MISSING", MISSING_METHODS);
        c
    });
    let missing = Value::native(Missing {
        class: missing_class,
    });
    class.set_attr("MISSING", missing.clone());
    missing
}

/// The type of `Token.MISSING`.
struct Missing {
    class: Rc<Class>,
}

impl NativeObject for Missing {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

static MISSING_REPR: Signature = Signature::new(Style::Exact, "Token.MISSING.__repr__", "$self");
const MISSING_METHODS: &[(&Signature, NativeFn)] = &[(&MISSING_REPR, |vm, args| {
    MISSING_REPR.bind::<1, 0>(vm, args)?;
    Ok(Value::str("<Token.MISSING>"))
})];

static TOKEN_REPR: Signature = Signature::new(Style::Exact, "Token.__repr__", "$self");
const TOKEN_METHODS: &[(&Signature, NativeFn)] = &[(&TOKEN_REPR, token_repr)];

fn token_repr(vm: &Vm, args: Args) -> PyResult {
    let ([me], []) = TOKEN_REPR.bind(vm, args)?;
    let Some(token) = me.downcast_native::<Token>() else {
        return Err(vm.type_error("descriptor requires a '_contextvars.Token' object"));
    };
    let used = if token.used.get() { " used" } else { "" };
    Ok(Value::string(format!(
        "<Token{used} var={} at {:#x}>",
        vm.repr(&token.var)?,
        me.id()
    )))
}
