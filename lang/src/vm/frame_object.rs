//! `frame`: the Python object for a frame, what `sys._getframe()`,
//! `tb_frame`, `gi_frame` and trace functions give (see "Frame objects" in
//! `frame.rs` for when it is made and how it outlives its frame).
//!
//! # How it works
//! A [`FrameObject`] points at its [`Frame`]. While the frame runs (it is on
//! the frame chain) or is parked in a generator, the VM or the generator owns
//! it and the object reads it live: `f_lineno` follows the frame. When the
//! frame finishes while the object is still referenced (by a traceback, say),
//! the frame is handed to the object (`adopt`): the object then owns it, with
//! its final position, locals and cells, and keeps `f_back` as the caller's
//! object, made at that moment.
//!
//! **Invariant**: the pointer is valid for as long as the object lives.
//! Whoever owns a frame with an object hands the frame over before dropping
//! or recycling it (`Vm::recycle_frame`, `Drop for Frame`), unless the frame
//! holds the object's only reference, in which case both go.

use super::frame::Frame;
use super::Vm;
use crate::objects::gc::Visitor;
use crate::objects::{
    Args, Class, Generator, Native, NativeObject, NativeRef, PyDict, PyResult, Value,
};
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::ptr::NonNull;
use std::rc::{Rc, Weak};

pub struct FrameObject {
    class: Rc<Class>,
    /// The frame; see the module's invariant.
    frame: Cell<NonNull<Frame>>,
    /// The frame once it finished, owned here.
    finished: RefCell<Option<Box<Frame>>>,
    /// `f_back` of a finished frame: the caller's object (or None).
    back: RefCell<Value>,
    /// `f_locals` of a function frame: one dict per frame, refreshed from
    /// the fast locals on each access (as CPython 3.11 does).
    locals: RefCell<Option<Rc<PyDict>>>,
    /// The generator the frame belongs to, once `gi_frame` gave it out
    /// (`clear()` of a suspended generator's frame closes the generator).
    pub generator: RefCell<Weak<Generator>>,
    /// `f_trace`: the local trace function.
    pub trace: RefCell<Value>,
    /// `f_trace_lines`, `f_trace_opcodes`.
    pub trace_lines: Cell<bool>,
    pub trace_opcodes: Cell<bool>,
    /// The instruction last traced in this frame, for 'line' events (-1
    /// before the first).
    pub trace_prev: Cell<isize>,
}

impl FrameObject {
    /// The object for `frame`; the caller stores it in `frame.object`.
    pub fn new(vm: &Vm, frame: &Frame) -> Native<FrameObject> {
        crate::objects::NativeBox::new(FrameObject {
            class: frame_class(vm),
            frame: Cell::new(NonNull::from(frame)),
            finished: RefCell::new(None),
            back: RefCell::new(Value::None),
            locals: RefCell::new(None),
            generator: RefCell::new(Weak::new()),
            trace: RefCell::new(Value::None),
            trace_lines: Cell::new(true),
            trace_opcodes: Cell::new(false),
            trace_prev: Cell::new(-1),
        })
    }

    /// The frame. Read it briefly: running Python code while holding the
    /// reference could see the frame change under it.
    pub fn frame(&self) -> &Frame {
        // SAFETY: the pointer is valid while `self` lives (the module's
        // invariant). The frame may belong to the dispatch loop, which is
        // suspended in a call whenever code reaches this object (only the
        // running thread touches frames), so only shared reads happen here.
        unsafe { self.frame.get().as_ref() }
    }

    /// Takes ownership of the frame, which has finished: `back` is its
    /// caller's object (or None). Its value stack and blocks are dropped;
    /// its code, namespaces, position, locals and cells are kept.
    pub fn adopt(&self, mut frame: Box<Frame>, back: Value) {
        frame.stack.clear();
        frame.blocks.clear();
        frame.callee = Default::default();
        frame.back.set(std::ptr::null());
        self.frame.set(NonNull::from(&*frame));
        *self.finished.borrow_mut() = Some(frame);
        *self.back.borrow_mut() = back;
    }

    pub fn is_finished(&self) -> bool {
        self.finished.borrow().is_some()
    }

    /// `f_back`: the frame that called or resumed this one; None for the
    /// outermost frame and for a suspended generator's.
    pub fn back(&self, vm: &Vm) -> Value {
        if self.is_finished() {
            return self.back.borrow().clone();
        }
        let back = self.frame().back.get();
        if back.is_null() {
            return Value::None;
        }
        // SAFETY: a running frame's `back` is on the frame chain, so alive.
        let back = unsafe { &*back };
        Value::Native(NativeRef::from(back.object(vm)))
    }

    /// `f_lineno`.
    pub fn lineno(&self) -> u32 {
        self.frame().shown_line()
    }

    /// `f_lasti`: the offset of the last instruction run, in bytes (two per
    /// instruction, as CPython's code units).
    pub fn lasti(&self) -> i64 {
        2 * self.frame().ip.saturating_sub(1) as i64
    }

    /// True while the frame is on the frame chain.
    pub fn is_executing(&self, vm: &Vm) -> bool {
        let me: *const Frame = self.frame();
        vm.frame_chain().any(|f| std::ptr::eq(f, me))
    }

    /// `f_locals`: a module or class body's namespace, or for a function
    /// the frame's dict refreshed from its fast locals and cells.
    pub fn locals(&self, vm: &Vm) -> PyResult<Value> {
        let (names, bound) = {
            let frame = self.frame();
            if let Some(ns) = &frame.names {
                return Ok(Value::Dict(ns.clone()));
            }
            let code = &frame.code;
            let names: Vec<_> = code
                .varnames
                .iter()
                .chain(code.cell_names.iter())
                .cloned()
                .collect();
            let bound: Vec<Value> = frame
                .locals
                .iter()
                .cloned()
                .chain(frame.cells.iter().map(|c| c.get()))
                .collect();
            (names, bound)
        };
        let dict = self
            .locals
            .borrow_mut()
            .get_or_insert_with(|| Rc::new(PyDict::new()))
            .clone();
        for (name, value) in names.iter().zip(bound) {
            let key = Value::str(name.as_str());
            match value {
                Value::Undef => {
                    dict.remove(vm, &key)?;
                }
                v => dict.set(vm, key, v)?,
            }
        }
        Ok(Value::Dict(dict))
    }

    /// `frame.clear()`: drops the locals of a finished frame; closes the
    /// generator of a suspended one first.
    fn clear(&self, vm: &Vm) -> PyResult<()> {
        if self.is_executing(vm) {
            return Err(vm.runtime_error("cannot clear an executing frame"));
        }
        if !self.is_finished() {
            // Parked in a generator: closing it finishes the frame.
            let Some(g) = self.generator.borrow().upgrade() else {
                return Err(vm.not_implemented(
                    "frame.clear() of a suspended generator's frame not reached through gi_frame",
                ));
            };
            vm.close_generator(&g)?;
        }
        if let Some(frame) = self.finished.borrow_mut().as_mut() {
            frame.locals.iter_mut().for_each(|v| *v = Value::Undef);
            frame.cells.clear();
            frame.names = None;
        }
        if let Some(d) = self.locals.borrow_mut().take() {
            d.clear();
        }
        Ok(())
    }
}

impl NativeObject for FrameObject {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        if let Some(frame) = self.finished.borrow().as_ref() {
            frame.traverse(visit);
        }
        visit.value(&self.back.borrow());
        if let Some(d) = self.locals.borrow().as_ref() {
            visit.rc(d);
        }
        visit.value(&self.trace.borrow());
    }
    fn get_attr(&self, vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        Some(Ok(match name {
            "f_code" => Value::Code(self.frame().code.clone()),
            "f_back" => self.back(vm),
            "f_lineno" => Value::Int(self.lineno() as i64),
            "f_lasti" => Value::Int(self.lasti()),
            "f_locals" => return Some(self.locals(vm)),
            "f_globals" => Value::Dict(self.frame().globals.clone()),
            "f_builtins" => Value::Dict(vm.builtins.clone()),
            "f_trace" => self.trace.borrow().clone(),
            "f_trace_lines" => Value::from_bool(self.trace_lines.get()),
            "f_trace_opcodes" => Value::from_bool(self.trace_opcodes.get()),
            _ => return None,
        }))
    }
    fn set_attr(&self, vm: &Vm, name: &str, value: Value) -> Option<PyResult<()>> {
        Some(match name {
            "f_trace" => {
                *self.trace.borrow_mut() = value;
                Ok(())
            }
            "f_trace_lines" | "f_trace_opcodes" => match value {
                Value::Bool(b) => {
                    let flag = match name {
                        "f_trace_lines" => &self.trace_lines,
                        _ => &self.trace_opcodes,
                    };
                    flag.set(b.get());
                    Ok(())
                }
                _ => Err(vm.type_error("attribute value type must be bool")),
            },
            "f_lineno" => Err(super::tracing::set_lineno_error(vm, self, &value)),
            "f_code" | "f_back" | "f_lasti" | "f_locals" | "f_globals" | "f_builtins" => {
                Err(vm.attribute_error("readonly attribute"))
            }
            _ => return None,
        })
    }
}

/// The `frame` class (`types.FrameType`).
pub fn frame_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("frame", |vm| {
        let class = super::types::new_class(
            "frame",
            &[vm.types.object.clone()],
            crate::objects::class::Layout::Builtin,
            "builtins",
        );
        super::types::add_methods(
            &class,
            "frame",
            &[("__repr__", frame_repr), ("clear", frame_clear)],
        );
        class
    })
}

fn this(vm: &Vm, args: &Args) -> PyResult<Native<FrameObject>> {
    match args.get(0) {
        Some(Value::Native(n)) => n.downcast::<FrameObject>(),
        _ => None,
    }
    .ok_or_else(|| vm.type_error("descriptor requires a 'frame' object"))
}

/// `<frame at 0x..., file 'f.py', line 3, code f>`.
fn frame_repr(vm: &Vm, args: Args) -> PyResult {
    let f = this(vm, &args)?;
    let co = &f.frame().code.co;
    Ok(Value::string(format!(
        "<frame at {:#x}, file {}, line {}, code {}>",
        args.pos[0].id(),
        crate::objects::str::repr_str(&co.filename),
        f.lineno(),
        co.name
    )))
}

fn frame_clear(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "clear", 1, 1)?;
    this(vm, &args)?.clear(vm)?;
    Ok(Value::None)
}

impl Vm {
    /// The running frames, innermost first (the frame chain of `frame.rs`).
    pub fn frame_chain(&self) -> impl Iterator<Item = &Frame> + '_ {
        let mut next = self.current_frame.get();
        std::iter::from_fn(move || {
            // SAFETY: every frame on the chain is alive: it is running or
            // waiting for the frame after it to return (see "The frame
            // chain" in `frame.rs`). The iterator is used while the chain
            // does not change (no Python code runs between its steps).
            let frame = unsafe { next.as_ref()? };
            next = frame.back.get();
            Some(frame)
        })
    }

    /// The object of the frame `depth` calls out from the innermost
    /// running one (`sys._getframe(depth)`), if the stack is that deep.
    pub fn frame_object_at(&self, depth: usize) -> Option<Value> {
        let frame = self.frame_chain().nth(depth)?;
        Some(Value::Native(NativeRef::from(frame.object(self))))
    }
}
