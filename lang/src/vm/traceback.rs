//! `traceback`: the Python object an exception's `__traceback__` is.
//!
//! # How it works
//! As in CPython, a traceback is a linked list with one entry per frame the
//! exception passed through: each time the exception is raised in a frame or
//! propagates into it, a new entry for that frame goes in front of the list
//! (`Vm::add_traceback`). The head is therefore the outermost frame and
//! `tb_next` leads inwards, the order tracebacks print in. An entry holds the
//! frame's object (`tb_frame`), so the frame's final locals stay reachable,
//! and the instruction that was running there (`tb_lasti`, which gives the
//! line and the caret columns).

use super::frame::Frame;
use super::frame_object::FrameObject;
use super::Vm;
use crate::objects::gc::Visitor;
use crate::objects::{Args, Class, Code, Native, NativeBox, NativeObject, NativeRef, PyErr};
use crate::objects::{PyResult, Value};
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

pub struct Traceback {
    class: Rc<Class>,
    /// `tb_next`: the entry for the frame the exception came from.
    pub next: RefCell<Option<Native<Traceback>>>,
    /// `tb_frame`.
    pub frame: Native<FrameObject>,
    /// `tb_lasti`: the instruction's offset in bytes (two per instruction).
    pub lasti: i64,
    /// `tb_lineno`.
    pub lineno: i64,
}

impl Traceback {
    pub fn new(
        vm: &Vm,
        next: Option<Native<Traceback>>,
        frame: Native<FrameObject>,
        lasti: i64,
        lineno: i64,
    ) -> Native<Traceback> {
        NativeBox::new(Traceback {
            class: traceback_class(vm),
            next: RefCell::new(next),
            frame,
            lasti,
            lineno,
        })
    }

    /// The code of the entry's frame.
    pub fn code(&self) -> Rc<Code> {
        self.frame.frame().code.clone()
    }

    /// The index of the instruction the entry is at, if `tb_lasti` names one.
    pub fn instr(&self) -> Option<usize> {
        usize::try_from(self.lasti / 2).ok()
    }

    /// `tb` and the entries after it, outermost frame first.
    pub fn chain(tb: &Native<Traceback>) -> impl Iterator<Item = Native<Traceback>> {
        let mut next = Some(tb.clone());
        std::iter::from_fn(move || {
            let tb = next.take()?;
            next = tb.next.borrow().clone();
            Some(tb)
        })
    }
}

impl NativeObject for Traceback {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        if let Some(next) = self.next.borrow().as_ref() {
            visit.native(next);
        }
        visit.native(&self.frame);
    }
    fn get_attr(&self, _vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        Some(Ok(match name {
            "tb_next" => match self.next.borrow().as_ref() {
                Some(tb) => Value::Native(NativeRef::from(tb.clone())),
                None => Value::None,
            },
            "tb_frame" => Value::Native(NativeRef::from(self.frame.clone())),
            "tb_lasti" => Value::Int(self.lasti),
            "tb_lineno" => Value::Int(self.lineno),
            _ => return None,
        }))
    }
    fn set_attr(&self, vm: &Vm, name: &str, value: Value) -> Option<PyResult<()>> {
        Some(match name {
            "tb_next" => self.set_next(vm, value),
            "tb_frame" | "tb_lasti" | "tb_lineno" => Err(vm.attribute_error("readonly attribute")),
            _ => return None,
        })
    }
}

impl Traceback {
    /// `tb.tb_next = value`: a traceback or None, never making a loop.
    fn set_next(&self, vm: &Vm, value: Value) -> PyResult<()> {
        let next = match &value {
            Value::None => None,
            other => Some(as_traceback(other).ok_or_else(|| {
                vm.type_error(format!(
                    "expected traceback object, got '{}'",
                    vm.type_name(other)
                ))
            })?),
        };
        if let Some(next) = &next {
            if Traceback::chain(next).any(|tb| std::ptr::eq(&**tb, self)) {
                return Err(vm.value_error("traceback loop detected"));
            }
        }
        *self.next.borrow_mut() = next;
        Ok(())
    }
}

/// The traceback `v` is, if it is one.
pub fn as_traceback(v: &Value) -> Option<Native<Traceback>> {
    match v {
        Value::Native(n) => n.downcast::<Traceback>(),
        _ => None,
    }
}

/// `tb` as a Python value (None for no traceback).
pub fn traceback_value(tb: Option<Native<Traceback>>) -> Value {
    tb.map_or(Value::None, |tb| Value::Native(NativeRef::from(tb)))
}

/// The `traceback` class (`types.TracebackType`), callable as
/// `TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)`.
pub fn traceback_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("traceback", |vm| {
        let class = super::types::new_class(
            "traceback",
            &[vm.types.object.clone()],
            crate::objects::class::Layout::Builtin,
            "builtins",
        );
        super::types::add_methods(&class, "traceback", &[("__new__", traceback_new)]);
        class
    })
}

fn traceback_new(vm: &Vm, args: Args) -> PyResult {
    const NAMES: [&str; 4] = ["tb_next", "tb_frame", "tb_lasti", "tb_lineno"];
    let given = args.skip_first();
    if given.pos.len() > 4 {
        return Err(vm.type_error(format!(
            "TracebackType() takes at most 4 arguments ({} given)",
            given.pos.len() + given.kwnames.len()
        )));
    }
    let mut values: [Option<Value>; 4] = Default::default();
    for (i, name) in NAMES.iter().enumerate() {
        values[i] = given.arg_or_kw(i, name).cloned();
        if values[i].is_none() {
            return Err(vm.type_error(format!(
                "TracebackType() missing required argument '{name}' (pos {})",
                i + 1
            )));
        }
    }
    let [next, frame, lasti, lineno] = values.map(Option::unwrap_or_default);
    let next = match &next {
        Value::None => None,
        other => Some(as_traceback(other).ok_or_else(|| {
            vm.type_error(format!(
                "TracebackType() argument 'tb_next' must be traceback or None, not {}",
                vm.type_name(other)
            ))
        })?),
    };
    let frame = match &frame {
        Value::Native(n) => n.downcast::<FrameObject>(),
        _ => None,
    }
    .ok_or_else(|| {
        vm.type_error(format!(
            "TracebackType() argument 'tb_frame' must be frame, not {}",
            vm.type_name(&frame)
        ))
    })?;
    let int = |v: &Value| match v {
        Value::Int(i) => Ok(*i),
        other => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(other)
        ))),
    };
    let tb = Traceback::new(vm, next, frame, int(&lasti)?, int(&lineno)?);
    Ok(Value::Native(NativeRef::from(tb)))
}

impl Vm {
    /// Puts an entry for `frame`, at instruction `instr`, in front of
    /// `err`'s traceback (the exception is raised in the frame or has
    /// propagated into it).
    pub fn add_traceback(&self, err: &PyErr, frame: &Frame, instr: usize) {
        let line = frame.code.co.line_of(instr);
        let object = frame.object(self);
        let next = err.exc().traceback.take();
        let tb = Traceback::new(self, next, object, 2 * instr as i64, line as i64);
        err.exc().traceback = Some(tb);
    }
}
