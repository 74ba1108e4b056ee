//! Methods of generators, coroutines and async generators, and the awaitables
//! that drive async generators (`__anext__`, `asend`, `athrow`, `aclose`).
//!
//! # How async generators work
//! An async generator's frame yields two kinds of values: values for its
//! consumer (`yield x`, compiled as `ASYNC_GEN_WRAP; YIELD_VALUE`) and values
//! its inner `await`s pass up to the event loop. The wrapper marks the first
//! kind. `agen.__anext__()` returns an [`AsyncGenSend`] awaitable; each time
//! it is resumed it resumes the generator: a wrapped value completes the
//! awaitable (`StopIteration(x)`), an unwrapped one is yielded on to the
//! event loop, and the generator returning ends iteration (`StopAsyncIteration`).

use crate::objects::gc::Visitor;
use crate::objects::signature::checked;
use crate::objects::{
    Args, Class, GenKind, GenState, Generator, NativeFn, NativeObject, PyErr, PyResult, Signature,
    Style, Value,
};
use crate::vm::interp::Resumed;
use crate::vm::types::{add_declared_methods, add_methods, new_final_class};
use crate::vm::Vm;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

pub fn install(vm: &Vm) {
    add_methods(
        &vm.types.generator,
        "generator",
        &[("__next__", gen_next), ("__iter__", gen_iter)],
    );
    add_methods(
        &vm.types.coroutine,
        "coroutine",
        &[("__await__", coro_await)],
    );
    add_methods(
        &wrapper_class(vm),
        "coroutine_wrapper",
        &[("__next__", wrapper_next), ("__iter__", gen_iter)],
    );
    add_methods(
        &anext_class(vm),
        "anext_awaitable",
        &[
            ("__next__", anext_next),
            ("__iter__", gen_iter),
            ("__await__", gen_iter),
        ],
    );
    add_methods(
        &vm.types.async_generator,
        "async_generator",
        &[("__aiter__", gen_iter), ("__anext__", agen_anext)],
    );
    let c = asend_class(vm);
    add_methods(
        &c,
        "async_generator_asend",
        &[
            ("__next__", asend_next),
            ("__iter__", gen_iter),
            ("__await__", gen_iter),
        ],
    );
    let tables: [(&Class, &'static str, &Methods); 6] = [
        (&vm.types.generator, "generator", GENERATOR_METHODS),
        (&vm.types.coroutine, "coroutine", COROUTINE_METHODS),
        (&wrapper_class(vm), "coroutine_wrapper", WRAPPER_METHODS),
        (&anext_class(vm), "anext_awaitable", ANEXT_METHODS),
        (
            &vm.types.async_generator,
            "async_generator",
            ASYNC_GENERATOR_METHODS,
        ),
        (&c, "async_generator_asend", ASEND_METHODS),
    ];
    for (class, owner, methods) in tables {
        add_declared_methods(class, owner, methods);
    }
}

/// A table of declared methods.
type Methods = [(&'static Signature, NativeFn)];

const SEND_DOC: &str = "Resume with value as the result of the suspended yield; return the next value yielded.\n\nWhen it returns instead, raise StopIteration with the returned value.";
const THROW_DOC: &str = "Raise an exception where execution is suspended; return the next value yielded.\n\nWhen it returns instead, raise StopIteration with the returned value. throw(exception) is the usual form; throw(type[, value[, traceback]]) is the older one.";
const CLOSE_DOC: &str =
    "Raise GeneratorExit where execution is suspended, to finish it; return None.";

/// `send`, `throw` and `close` of each kind of resumable object, named by
/// its type in error messages.
macro_rules! resumable_methods {
    ($($table:ident: $owner:literal, $send:ident = $send_body:ident, $throw:ident = $throw_body:ident, $close:ident = $close_body:ident;)*) => {$(
        mod $send {
            use crate::objects::{Signature, Style};
            pub(super) static SIG: Signature =
                Signature::undocumented(Style::Exact, concat!($owner, ".send"), "$self, value, /")
                    .doc(super::SEND_DOC);
        }
        mod $throw {
            use crate::objects::{Signature, Style};
            pub(super) static SIG: Signature = Signature::undocumented(
                Style::Positional,
                concat!($owner, ".throw"),
                "$self, typ, val=None, tb=None, /",
            )
            .doc(super::THROW_DOC);
        }
        mod $close {
            use crate::objects::{Signature, Style};
            pub(super) static SIG: Signature =
                Signature::undocumented(Style::Exact, concat!($owner, ".close"), "$self, /")
                    .doc(super::CLOSE_DOC);
        }
        fn $send(vm: &Vm, args: Args) -> PyResult {
            $send::SIG.check(vm, args)?;
            $send_body(vm, args)
        }
        fn $throw(vm: &Vm, args: Args) -> PyResult {
            $throw::SIG.check(vm, args)?;
            $throw_body(vm, args)
        }
        fn $close(vm: &Vm, args: Args) -> PyResult {
            $close::SIG.check(vm, args)?;
            $close_body(vm, args)
        }
        const $table: &[(&Signature, NativeFn)] =
            &[(&$send::SIG, $send), (&$throw::SIG, $throw), (&$close::SIG, $close)];
    )*};
}

resumable_methods! {
    GENERATOR_METHODS: "generator",
        generator_send = gen_send, generator_throw = gen_throw, generator_close = gen_close;
    COROUTINE_METHODS: "coroutine",
        coroutine_send = gen_send, coroutine_throw = gen_throw, coroutine_close = gen_close;
    WRAPPER_METHODS: "coroutine_wrapper",
        wrapper_send_checked = wrapper_send, wrapper_throw_checked = wrapper_throw,
        wrapper_close_checked = wrapper_close;
    ANEXT_METHODS: "anext_awaitable",
        anext_send_checked = anext_send, anext_throw_checked = anext_throw,
        anext_close_checked = anext_close;
    ASEND_METHODS: "async_generator_asend",
        asend_send_checked = asend_send, asend_throw_checked = asend_throw,
        asend_close_checked = asend_close;
}

static AGEN_ASEND: Signature =
    Signature::undocumented(Style::Exact, "async_generator.asend", "$self, value, /").doc(
        "Return an awaitable that resumes the async generator with value and gives the next value it yields.",
    );
/// CPython checks `athrow`'s arguments when the awaitable runs; the body
/// checks them at the call.
static AGEN_ATHROW: Signature = Signature::undocumented(
    Style::Positional,
    "async_generator.athrow",
    "$self, typ, val=None, tb=None, /",
)
.doc("Return an awaitable that raises an exception where the async generator is suspended and gives the next value it yields.");
static AGEN_ACLOSE: Signature = Signature::undocumented(Style::Exact, "async_generator.aclose", "$self, /")
    .doc("Return an awaitable that raises GeneratorExit where the async generator is suspended, to finish it.");

checked!(agen_asend_checked: AGEN_ASEND => agen_asend, agen_aclose_checked: AGEN_ACLOSE => agen_aclose);

const ASYNC_GENERATOR_METHODS: &[(&Signature, NativeFn)] = &[
    (&AGEN_ASEND, agen_asend_checked),
    (&AGEN_ATHROW, agen_athrow),
    (&AGEN_ACLOSE, agen_aclose_checked),
];

fn asend_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("async_generator_asend", |vm| {
        new_final_class(
            "async_generator_asend",
            &[vm.types.object.clone()],
            "builtins",
        )
    })
}

fn this(vm: &Vm, args: &Args) -> PyResult<Rc<Generator>> {
    match args.get(0) {
        Some(Value::Generator(g)) => Ok(g.clone()),
        _ => Err(vm.type_error("descriptor requires a generator object")),
    }
}

/// Turns a `Resumed` into what `send`/`__next__` return: the yielded value, or StopIteration.
fn yielded(vm: &Vm, r: Resumed) -> PyResult {
    match r {
        Resumed::Yield(v) => Ok(v),
        Resumed::Return(v) => Err(vm.stop_iteration(v)),
    }
}

fn gen_send(vm: &Vm, args: Args) -> PyResult {
    let g = this(vm, &args)?;
    yielded(vm, vm.resume_generator(&g, args.pos[1].clone())?)
}

fn gen_next(vm: &Vm, args: Args) -> PyResult {
    let g = this(vm, &args)?;
    yielded(vm, vm.resume_generator(&g, Value::None)?)
}

fn gen_iter(_vm: &Vm, args: Args) -> PyResult {
    Ok(args.get(0).cloned().unwrap_or_default())
}

/// The exception `gen.throw(typ[, val[, tb]])` raises.
pub fn throw_args_to_exception(vm: &Vm, args: &[Value]) -> PyResult<PyErr> {
    let typ = args.first().cloned().unwrap_or_default();
    let val = args.get(1).cloned().filter(|v| !v.is_none());
    match (&typ, val) {
        (Value::Class(c), Some(v)) if c.is_subclass(&vm.exc.base_exception) => match &v {
            Value::Instance(i) if i.is_exception() && i.class.is_subclass(c) => {
                Ok(PyErr(i.clone()))
            }
            Value::Tuple(t) => vm.make_exception(
                &vm.call(&typ, &t.0)?,
                "exceptions must derive from BaseException",
            ),
            other => vm.make_exception(
                &vm.call(&typ, std::slice::from_ref(other))?,
                "exceptions must derive from BaseException",
            ),
        },
        (Value::Instance(_), Some(_)) => {
            Err(vm.type_error("instance exception may not have a separate value"))
        }
        _ => vm
            .make_exception(
                &typ,
                "exceptions must be classes or instances deriving from BaseException, not "
                    .to_string()
                    .as_str(),
            )
            .map_err(|_| {
                vm.type_error(format!(
                    "exceptions must be classes or instances deriving from BaseException, not {}",
                    vm.type_name(&typ)
                ))
            }),
    }
}

fn gen_throw(vm: &Vm, args: Args) -> PyResult {
    let g = this(vm, &args)?;
    let exc = throw_args_to_exception(vm, &args.pos[1..])?;
    yielded(vm, vm.throw_generator(&g, exc)?)
}

fn gen_close(vm: &Vm, args: Args) -> PyResult {
    let g = this(vm, &args)?;
    vm.close_generator(&g)?;
    Ok(Value::None)
}

/// `gi_frame`, `gi_running`, `cr_await` and friends: `gi_` for generators,
/// `cr_` for coroutines, `ag_` for async generators.
pub fn generator_attr(vm: &Vm, g: &Rc<Generator>, name: &str) -> Option<Value> {
    let prefix = match g.kind {
        GenKind::Generator => "gi_",
        GenKind::Coroutine => "cr_",
        GenKind::AsyncGenerator => "ag_",
    };
    Some(match (name, name.strip_prefix(prefix)) {
        ("__name__", _) => Value::str(&g.name.borrow()),
        ("__qualname__", _) => Value::str(&g.qualname.borrow()),
        (_, Some("running")) if g.kind == GenKind::AsyncGenerator => {
            Value::from_bool(g.running_async.get())
        }
        (_, Some("running")) => Value::from_bool(g.state.get() == GenState::Running),
        (_, Some("suspended")) if g.kind != GenKind::AsyncGenerator => {
            Value::from_bool(g.state.get() == GenState::Suspended)
        }
        (_, Some("code")) => Value::Code(g.code.clone()),
        (_, Some("yieldfrom")) if g.kind == GenKind::Generator => {
            g.yield_from_target().unwrap_or_default()
        }
        (_, Some("await")) if g.kind != GenKind::Generator => {
            g.yield_from_target().unwrap_or_default()
        }
        (_, Some("origin")) if g.kind == GenKind::Coroutine => g.origin(),
        (_, Some("frame")) => match g.live_frame() {
            Some(frame) => {
                let obj = frame.object(vm);
                *obj.generator.borrow_mut() = Rc::downgrade(g);
                Value::Native(crate::objects::NativeRef::from(obj))
            }
            None => Value::None,
        },
        _ => return None,
    })
}

// -- async generators -----------------------------------------------------------------

/// A value an async generator yields to its consumer (see the module docs).
pub struct AsyncGenWrapped {
    class: Rc<Class>,
    pub value: Value,
}

impl NativeObject for AsyncGenWrapped {
    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.value(&self.value);
    }
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

thread_local! {
    static WRAPPED_CLASS: Rc<Class> = new_final_class("async_generator_wrapped_value", &[], "builtins");
}

pub fn wrap_async_gen_value(v: Value) -> Value {
    Value::native(AsyncGenWrapped {
        class: WRAPPED_CLASS.with(|c| c.clone()),
        value: v,
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Send,
    Throw,
    Close,
}

/// The awaitable returned by `__anext__`, `asend`, `athrow` and `aclose`.
pub struct AsyncGenSend {
    class: Rc<Class>,
    gen: Rc<Generator>,
    mode: Mode,
    /// The value to send (or the exception to throw) on the first resumption.
    first: RefCell<Option<Result<Value, PyErr>>>,
    done: Cell<bool>,
}

impl NativeObject for AsyncGenSend {
    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.rc(&self.gen);
        match self.first.try_borrow().as_deref() {
            Ok(Some(Ok(v))) => visit.value(v),
            Ok(Some(Err(e))) => visit.rc(&e.0),
            _ => {}
        }
    }
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn make_asend(vm: &Vm, gen: Rc<Generator>, mode: Mode, first: Result<Value, PyErr>) -> Value {
    // The first `__anext__`/`asend`/`athrow`/`aclose` runs the event loop's firstiter hook.
    if !gen.hooks_inited.replace(true) {
        if let Some(hooks) = crate::objects::generator::ASYNCGEN_HOOKS.with(std::cell::Cell::get) {
            (hooks.firstiter)(vm, &gen);
        }
    }
    Value::native(AsyncGenSend {
        class: asend_class(vm),
        gen,
        mode,
        first: RefCell::new(Some(first)),
        done: Cell::new(false),
    })
}

fn agen_anext(vm: &Vm, args: Args) -> PyResult {
    let g = this(vm, &args)?;
    Ok(make_asend(vm, g, Mode::Send, Ok(Value::None)))
}

fn agen_asend(vm: &Vm, args: Args) -> PyResult {
    let g = this(vm, &args)?;
    Ok(make_asend(vm, g, Mode::Send, Ok(args.pos[1].clone())))
}

fn agen_athrow(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "athrow", 2, 4)?;
    let g = this(vm, &args)?;
    let exc = throw_args_to_exception(vm, &args.pos[1..])?;
    Ok(make_asend(vm, g, Mode::Throw, Err(exc)))
}

fn agen_aclose(vm: &Vm, args: Args) -> PyResult {
    let g = this(vm, &args)?;
    Ok(aclose_awaitable(vm, g))
}

/// `agen.aclose()`: the awaitable that throws GeneratorExit into the generator.
pub fn aclose_awaitable(vm: &Vm, g: Rc<Generator>) -> Value {
    let exit = vm.new_exception(&vm.exc.generator_exit, vec![]);
    make_asend(vm, g, Mode::Close, Err(exit))
}

fn asend_this<'a>(vm: &Vm, args: &'a Args) -> PyResult<&'a AsyncGenSend> {
    args.get(0)
        .and_then(|v| v.downcast_native::<AsyncGenSend>())
        .ok_or_else(|| vm.type_error("expected an async generator awaitable"))
}

/// One step of an async-generator awaitable.
fn asend_step(vm: &Vm, a: &AsyncGenSend, input: Result<Value, PyErr>) -> PyResult {
    if a.done.get() {
        return Err(vm.runtime_error("cannot reuse already awaited __anext__()/asend()"));
    }
    let g = &a.gen;
    if a.mode == Mode::Close && matches!(g.state.get(), GenState::Created | GenState::Closed) {
        g.state.set(GenState::Closed);
        a.done.set(true);
        return Err(vm.stop_iteration(Value::None));
    }
    if g.state.get() == GenState::Closed {
        a.done.set(true);
        return Err(vm.new_exception(&vm.exc.stop_async_iteration, vec![]));
    }
    let input = match a.first.borrow_mut().take() {
        Some(first) => match (first, input) {
            (Ok(v), Ok(Value::None)) => Ok(v),
            (Ok(_), other) => other,
            (Err(e), _) => Err(e),
        },
        None => input,
    };
    let r = match input {
        Ok(v) => vm.resume_generator(g, v),
        Err(e) => vm.throw_generator(g, e),
    };
    match r {
        Ok(Resumed::Yield(v)) => match v.downcast_native::<AsyncGenWrapped>() {
            Some(w) => {
                a.done.set(true);
                if a.mode == Mode::Close {
                    return Err(vm.runtime_error("async generator ignored GeneratorExit"));
                }
                Err(vm.stop_iteration(w.value.clone()))
            }
            None => Ok(v),
        },
        Ok(Resumed::Return(_)) => {
            a.done.set(true);
            if a.mode == Mode::Close {
                return Err(vm.stop_iteration(Value::None));
            }
            Err(vm.new_exception(&vm.exc.stop_async_iteration, vec![]))
        }
        Err(e) => {
            a.done.set(true);
            if a.mode == Mode::Close
                && (vm.err_is(&e, &vm.exc.generator_exit)
                    || vm.err_is(&e, &vm.exc.stop_async_iteration))
            {
                return Err(vm.stop_iteration(Value::None));
            }
            Err(e)
        }
    }
}

fn asend_send(vm: &Vm, args: Args) -> PyResult {
    let a = asend_this(vm, &args)?;
    asend_step(vm, a, Ok(args.get(1).cloned().unwrap_or_default()))
}

fn asend_next(vm: &Vm, args: Args) -> PyResult {
    let a = asend_this(vm, &args)?;
    asend_step(vm, a, Ok(Value::None))
}

fn asend_throw(vm: &Vm, args: Args) -> PyResult {
    let a = asend_this(vm, &args)?;
    let exc = throw_args_to_exception(vm, &args.pos[1..])?;
    asend_step(vm, a, Err(exc))
}

fn asend_close(vm: &Vm, args: Args) -> PyResult {
    let a = asend_this(vm, &args)?;
    a.done.set(true);
    Ok(Value::None)
}

/// True for coroutine objects (for `inspect.iscoroutine`, asyncio).
pub fn is_coroutine(v: &Value) -> bool {
    matches!(v, Value::Generator(g) if g.kind == GenKind::Coroutine)
}

// -- coroutine.__await__() ---------------------------------------------------------------

/// What `coro.__await__()` returns: an iterator over the coroutine (CPython's
/// `coroutine_wrapper`), so that an `__await__` method may delegate to a coroutine.
pub struct CoroWrapper {
    class: Rc<Class>,
    pub coro: Rc<Generator>,
}

impl NativeObject for CoroWrapper {
    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.rc(&self.coro);
    }
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn wrapper_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("coroutine_wrapper", |vm| {
        new_final_class("coroutine_wrapper", &[vm.types.object.clone()], "builtins")
    })
}

fn coro_await(vm: &Vm, args: Args) -> PyResult {
    let g = this(vm, &args)?;
    Ok(Value::native(CoroWrapper {
        class: wrapper_class(vm),
        coro: g,
    }))
}

fn wrapped(vm: &Vm, args: &Args) -> PyResult<Rc<Generator>> {
    args.get(0)
        .and_then(|v| v.downcast_native::<CoroWrapper>())
        .map(|w| w.coro.clone())
        .ok_or_else(|| vm.type_error("expected a coroutine_wrapper"))
}

fn wrapper_send(vm: &Vm, args: Args) -> PyResult {
    let g = wrapped(vm, &args)?;
    yielded(
        vm,
        vm.resume_generator(&g, args.get(1).cloned().unwrap_or_default())?,
    )
}

fn wrapper_next(vm: &Vm, args: Args) -> PyResult {
    let g = wrapped(vm, &args)?;
    yielded(vm, vm.resume_generator(&g, Value::None)?)
}

fn wrapper_throw(vm: &Vm, args: Args) -> PyResult {
    let g = wrapped(vm, &args)?;
    let exc = throw_args_to_exception(vm, &args.pos[1..])?;
    yielded(vm, vm.throw_generator(&g, exc)?)
}

fn wrapper_close(vm: &Vm, args: Args) -> PyResult {
    let g = wrapped(vm, &args)?;
    vm.close_generator(&g)?;
    Ok(Value::None)
}

// -- anext(ait, default) -----------------------------------------------------------------

/// `anext(ait, default)`: awaits `ait.__anext__()`, turning the end of
/// iteration into the default value.
pub struct AnextAwaitable {
    class: Rc<Class>,
    inner: Value,
    default: Value,
}

impl NativeObject for AnextAwaitable {
    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.value(&self.inner);
        visit.value(&self.default);
    }
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn anext_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("anext_awaitable", |vm| {
        new_final_class("anext_awaitable", &[vm.types.object.clone()], "builtins")
    })
}

/// Builds the awaitable for `anext(ait, default)`.
pub fn anext_with_default(vm: &Vm, ait: &Value, default: Value) -> PyResult {
    let aw = vm.call_method(ait, "__anext__", &[])?;
    let inner = vm.get_awaitable(&aw, 0)?;
    Ok(Value::native(AnextAwaitable {
        class: anext_class(vm),
        inner,
        default,
    }))
}

fn anext_this<'a>(vm: &Vm, args: &'a Args) -> PyResult<&'a AnextAwaitable> {
    args.get(0)
        .and_then(|v| v.downcast_native::<AnextAwaitable>())
        .ok_or_else(|| vm.type_error("expected an anext_awaitable"))
}

fn anext_result(vm: &Vm, a: &AnextAwaitable, r: PyResult<Resumed>) -> PyResult {
    match r {
        Ok(Resumed::Yield(v)) => Ok(v),
        Ok(Resumed::Return(v)) => Err(vm.stop_iteration(v)),
        Err(e) if vm.err_is(&e, &vm.exc.stop_async_iteration) => {
            Err(vm.stop_iteration(a.default.clone()))
        }
        Err(e) => Err(e),
    }
}

fn anext_send(vm: &Vm, args: Args) -> PyResult {
    let a = anext_this(vm, &args)?;
    anext_result(
        vm,
        a,
        vm.send(&a.inner, args.get(1).cloned().unwrap_or_default()),
    )
}

fn anext_next(vm: &Vm, args: Args) -> PyResult {
    let a = anext_this(vm, &args)?;
    anext_result(vm, a, vm.send(&a.inner, Value::None))
}

fn anext_throw(vm: &Vm, args: Args) -> PyResult {
    let a = anext_this(vm, &args)?;
    let exc = throw_args_to_exception(vm, &args.pos[1..])?;
    let r = match &a.inner {
        Value::Generator(g) => vm.throw_generator(g, exc),
        other => match vm.call_method(other, "throw", &[exc.value()]) {
            Ok(v) => Ok(Resumed::Yield(v)),
            Err(e) if vm.err_is(&e, &vm.exc.stop_iteration) => Ok(Resumed::Return(
                e.exc().args.first().cloned().unwrap_or_default(),
            )),
            Err(e) => Err(e),
        },
    };
    anext_result(vm, a, r)
}

fn anext_close(vm: &Vm, args: Args) -> PyResult {
    let a = anext_this(vm, &args)?;
    if let Value::Generator(g) = &a.inner {
        vm.close_generator(g)?;
    }
    Ok(Value::None)
}
