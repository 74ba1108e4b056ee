//! Frames: the state of one running (or suspended) piece of code.
//!
//! # How it works
//! A frame is {code, instruction pointer, value stack, fast locals, cells,
//! handler blocks}. That is the whole state of a function's execution, so a
//! generator "suspends" simply by keeping its frame instead of dropping it:
//! the frame is the state machine. Fast locals live in a `Vec` indexed by
//! `LOAD_FAST`'s argument; the value stack is allocated once at the code's
//! computed maximum depth.
//!
//! # The frame chain
//! Every frame that is running, or waiting for a callee to return, is on
//! one chain: `Vm::current_frame` points at the innermost and each frame's
//! `back` at the frame that called or resumed it (null for the outermost,
//! and for a frame that is not running). The chain is what `sys._getframe`,
//! `f_back` and tracebacks walk. It costs a pointer store when a frame is
//! entered and one when it is left, nothing per instruction.
//!
//! # Frame objects
//! The Python-visible `frame` ([`FrameObject`]) is made only when someone
//! asks for it (`sys._getframe`, a traceback, `gi_frame`, tracing) and is
//! kept in `object`, so a frame has one object for its whole life. The
//! object points at the frame. A frame that finishes while its object is
//! still referenced is handed to the object (see `Vm::recycle_frame` and
//! `Drop`) instead of going back to the pool, so the object stays valid and
//! keeps the final locals.

use super::frame_object::FrameObject;
use crate::objects::{CellObj, Code, Namespace, Native, Value};
use std::cell::Cell;
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// `SETUP_FINALLY`/`SETUP_WITH`/`SETUP_ASYNC_WITH`: jump to `handler` on an exception.
    Finally,
    /// An except handler is running; unwinding past it restores the previously handled exception.
    ExceptHandler,
}

#[derive(Clone, Copy, Debug)]
pub struct Block {
    pub kind: BlockKind,
    pub handler: u32,
    /// Value-stack depth to restore when the block is unwound.
    pub level: u32,
}

pub struct Frame {
    pub code: Rc<Code>,
    /// Index of the next instruction to run.
    pub ip: usize,
    pub stack: Vec<Value>,
    pub locals: Vec<Value>,
    /// `cellvars ++ freevars`.
    pub cells: Vec<Rc<CellObj>>,
    pub globals: Namespace,
    /// The namespace `LOAD_NAME`/`STORE_NAME` use: module globals or a class body's dict.
    pub names: Option<Namespace>,
    pub blocks: Vec<Block>,
    /// Set for frames of `types.coroutine`-decorated generators, which may `yield from` coroutines.
    pub iterable_coroutine: bool,
    /// What the caller's instruction expects when this frame stops.
    pub callee: Callee,
    /// The frame that called or resumed this one, while it runs (see "The
    /// frame chain" above); null otherwise.
    pub back: Cell<*const Frame>,
    /// The frame's Python object, once made (see "Frame objects" above).
    pub object: Cell<Option<Native<FrameObject>>>,
}

/// Why a frame runs as a callee of the dispatch loop, when it is not a plain
/// function call: what its return (or yield) means to the caller.
#[derive(Default)]
pub enum Callee {
    #[default]
    Call,
    /// An `__init__` pushed by a class call (see `Vm::call_plan`): returning
    /// hands the caller this new instance instead of `__init__`'s result,
    /// which must be None.
    Init(Value),
    /// A plain generator's frame entered by the `FOR_ITER` below it (see
    /// `Vm::enter_generator`): a yield hands the value to that `FOR_ITER`, a
    /// return ends its loop.
    Generator(Rc<crate::objects::Generator>),
    /// A plain generator's frame entered by a `gen.send(v)` call below it
    /// (see `Vm::enter_generator_send`): a yield is the call's result, a
    /// return raises StopIteration in the caller.
    Send(Rc<crate::objects::Generator>),
    /// A generator's or coroutine's frame entered by the `yield from` or
    /// `await` (`YIELD_FROM`) of the frame below it (see
    /// `Vm::enter_delegate`): a yield suspends that frame too, at its
    /// `YIELD_FROM`, and goes on to its consumer; a return is the value of
    /// the `yield from`.
    YieldFrom(Rc<crate::objects::Generator>),
}

impl Frame {
    pub fn new(code: Rc<Code>, globals: Namespace, names: Option<Namespace>) -> Frame {
        let co = &code.co;
        let nlocals = co.varnames.len();
        let ncells = co.cellvars.len();
        Frame {
            stack: Vec::with_capacity(co.stacksize as usize + 1),
            locals: vec![Value::Undef; nlocals],
            cells: (0..ncells).map(|_| CellObj::new(Value::Undef)).collect(),
            globals,
            names,
            blocks: Vec::new(),
            iterable_coroutine: false,
            callee: Callee::Call,
            ip: 0,
            code,
            back: Cell::new(std::ptr::null()),
            object: Cell::new(None),
        }
    }

    /// A frame with no code yet, to be reset before use.
    pub fn empty() -> Frame {
        thread_local! {
            static EMPTY_CODE: Rc<Code> = Rc::new(Code {
                co: Rc::new(crate::bytecode::CodeObject {
                    name: Rc::from(""),
                    qualname: Rc::from(""),
                    filename: Rc::from(""),
                    firstlineno: 0,
                    flags: 0,
                    argcount: 0,
                    posonlyargcount: 0,
                    kwonlyargcount: 0,
                    instructions: Vec::new(),
                    spans: Vec::new(),
                    lines: Vec::new(),
                    consts: Vec::new(),
                    names: Vec::new(),
                    varnames: Vec::new(),
                    cellvars: Vec::new(),
                    freevars: Vec::new(),
                    cell2arg: Vec::new(),
                    stacksize: 0,
                    suspensions: Vec::new(),
                    source: None,
                }),
                consts: Vec::new(),
                names: Vec::new(),
                varnames: Vec::new(),
                cell_names: Vec::new(),
                global_sites: Vec::new(),
                attr_sites: Vec::new(),
                simple_args: true,
            });
        }
        Frame::new(
            EMPTY_CODE.with(Rc::clone),
            crate::objects::new_namespace(),
            None,
        )
    }

    /// Reinitialises a recycled frame for `code`, keeping its buffers' capacity.
    pub fn reset(&mut self, code: Rc<Code>, globals: Namespace, names: Option<Namespace>) {
        let co = &code.co;
        release_all(&mut self.stack);
        self.stack.reserve(co.stacksize as usize + 1);
        release_all(&mut self.locals);
        self.locals.resize_with(co.varnames.len(), || Value::Undef);
        self.cells.clear();
        self.cells
            .extend((0..co.cellvars.len()).map(|_| CellObj::new(Value::Undef)));
        self.blocks.clear();
        self.ip = 0;
        self.iterable_coroutine = false;
        self.callee = Callee::Call;
        self.globals = globals;
        self.names = names;
        self.code = code;
        // A frame made here may be parked in a generator before it runs.
        self.back.set(std::ptr::null());
    }

    /// Sets up a pooled (cleared) frame to call `code`: the values
    /// `args[start..]` become the first locals, moved rather than cloned, and
    /// `closure` the free-variable cells. Used by the dispatch loop's fast
    /// path for calls that bind arguments positionally (`Code::simple_args`).
    #[inline]
    pub fn setup_call(
        &mut self,
        code: &Rc<Code>,
        globals: &Namespace,
        args: &mut Vec<Value>,
        start: usize,
        closure: &[Rc<CellObj>],
    ) {
        debug_assert!(self.stack.is_empty() && self.locals.is_empty());
        debug_assert!(self.cells.is_empty() && self.blocks.is_empty());
        let co = &code.co;
        let nargs = args.len() - start;
        let nlocals = co.varnames.len().max(nargs);
        self.stack.reserve(co.stacksize as usize + 1);
        self.locals.reserve(nlocals);
        // SAFETY: `start <= args.len()` (`nargs` was computed from it), the
        // frame came cleared from the pool so `locals` is empty, and it now has
        // room for `nlocals >= nargs` values. The `nargs` values are moved
        // bit for bit: `args` gives them up by shrinking to `start` (no drop
        // runs for them there) and `locals` takes them by growing to `nargs`,
        // so each value is owned exactly once. The two buffers are distinct
        // allocations, hence non-overlapping.
        // (A loop rather than `copy_nonoverlapping`: argument counts are
        // small, and a `memcpy` call of unknown length costs more than a few
        // 16-byte moves.)
        unsafe {
            let (from, to) = (args.as_ptr().add(start), self.locals.as_mut_ptr());
            for i in 0..nargs {
                to.add(i).write(from.add(i).read());
            }
            args.set_len(start);
            self.locals.set_len(nargs);
        }
        for _ in nargs..nlocals {
            self.locals.push(Value::Undef);
        }
        if !co.cellvars.is_empty() {
            self.cells
                .extend((0..co.cellvars.len()).map(|_| CellObj::new(Value::Undef)));
        }
        if !closure.is_empty() {
            self.cells.extend(closure.iter().cloned());
        }
        self.ip = 0;
        self.iterable_coroutine = false;
        if !Rc::ptr_eq(&self.globals, globals) {
            self.globals = globals.clone();
        }
        if !Rc::ptr_eq(&self.code, code) {
            self.code = code.clone();
        }
    }

    /// Visits the references the frame owns, for the cycle collector (see
    /// `objects::gc`): its stack, locals, cells, namespaces and what it is a
    /// callee for. Only suspended frames (owned by a generator) are
    /// traversed: the frames the dispatch loop runs are the collector's roots.
    pub fn traverse(&self, visit: &mut crate::objects::gc::Visitor<'_>) {
        visit.values(&self.stack);
        visit.values(&self.locals);
        for cell in &self.cells {
            visit.rc(cell);
        }
        visit.rc(&self.globals);
        if let Some(names) = &self.names {
            visit.rc(names);
        }
        match &self.callee {
            Callee::Call => {}
            Callee::Init(v) => visit.value(v),
            Callee::Generator(g) | Callee::Send(g) | Callee::YieldFrom(g) => visit.rc(g),
        }
    }

    /// Drops the values a finished frame still holds, before it goes back to the pool.
    pub fn clear(&mut self) {
        release_all(&mut self.stack);
        release_all(&mut self.locals);
        self.cells.clear();
        self.blocks.clear();
        self.names = None;
        self.callee = Callee::Call;
    }

    /// The line being executed (the instruction before `ip`).
    pub fn current_line(&self) -> u32 {
        self.code.co.line_of(self.ip.saturating_sub(1))
    }

    /// The line `f_lineno` shows: the current line, or the `def` line for
    /// a frame that has not started (as CPython, whose first instruction
    /// sits on that line).
    pub fn shown_line(&self) -> u32 {
        if self.ip == 0 {
            self.code.co.firstlineno
        } else {
            self.current_line()
        }
    }

    /// The frame's object, made on first use.
    pub fn object(&self, vm: &super::Vm) -> Native<FrameObject> {
        let obj = match self.object.take() {
            Some(obj) => obj,
            None => FrameObject::new(vm, self),
        };
        self.object.set(Some(obj.clone()));
        obj
    }

    /// The state of a finished frame for its object to keep (the code,
    /// namespaces, position, locals and cells), taken out of `self`.
    fn take_finished_state(&mut self) -> Frame {
        Frame {
            code: self.code.clone(),
            ip: self.ip,
            stack: Vec::new(),
            locals: std::mem::take(&mut self.locals),
            cells: std::mem::take(&mut self.cells),
            globals: self.globals.clone(),
            names: self.names.take(),
            blocks: Vec::new(),
            iterable_coroutine: self.iterable_coroutine,
            callee: Callee::Call,
            back: Cell::new(std::ptr::null()),
            object: Cell::new(None),
        }
    }

    /// Pushes `v`. Room is made before `v` is written, so that the value is
    /// stored straight into its slot instead of through a temporary (a
    /// piecewise-written temporary read back whole stalls store forwarding).
    #[inline(always)]
    pub fn push(&mut self, v: Value) {
        let len = self.stack.len();
        if len == self.stack.capacity() {
            self.stack.reserve(1);
        }
        // SAFETY: `len < capacity` now holds, so slot `len` is allocated and
        // unused; writing it and then growing the length by one hands the
        // value to the vector exactly once.
        unsafe {
            self.stack.as_mut_ptr().add(len).write(v);
            self.stack.set_len(len + 1);
        }
    }

    /// Pushes None. The slot is written in place: a `Value::None` handed to
    /// [`Frame::push`] may be built in a temporary (the `reserve` call sits
    /// between) and copied whole from its one-byte write, which stalls store
    /// forwarding.
    #[inline(always)]
    pub fn push_none(&mut self) {
        let len = self.stack.len();
        if len == self.stack.capacity() {
            self.stack.reserve(1);
        }
        // SAFETY: as in `push`.
        unsafe {
            self.stack.as_mut_ptr().add(len).write(Value::None);
            self.stack.set_len(len + 1);
        }
    }

    /// The two topmost values, when both are unboxed ints (for the arithmetic
    /// and comparison fast paths, which work on the stack in place).
    #[inline(always)]
    pub fn top_two_ints(&mut self) -> Option<(&mut i64, i64)> {
        match self.stack.as_mut_slice() {
            [.., Value::Int(a), Value::Int(b)] => Some((a, *b)),
            _ => None,
        }
    }

    /// Drops the topmost `n` values, which the caller has checked are unboxed
    /// (`Int`, `Bool`, `Float`, `None`) and so own nothing.
    #[inline(always)]
    pub fn forget_unboxed(&mut self, n: usize) {
        let len = self.stack.len();
        debug_assert!(len >= n);
        debug_assert!(self.stack[len - n..].iter().all(|v| matches!(
            v,
            Value::Int(_) | Value::Bool(_) | Value::Float(_) | Value::None
        )));
        // SAFETY: the caller guarantees that the top `n` values (n <= len)
        // are unboxed variants, which hold no resources, so shortening the
        // vector without running their destructors leaks nothing.
        unsafe { self.stack.set_len(len - n) };
    }

    #[inline]
    pub fn pop(&mut self) -> Value {
        self.stack.pop().unwrap_or(Value::None)
    }

    #[inline]
    pub fn top(&self) -> &Value {
        self.stack.last().unwrap_or(&Value::None)
    }

    /// The value `n` below the top (`peek(0)` is TOS).
    #[inline]
    pub fn peek(&self, n: usize) -> &Value {
        let len = self.stack.len();
        len.checked_sub(n + 1)
            .and_then(|i| self.stack.get(i))
            .unwrap_or(&Value::None)
    }
}

impl Drop for Frame {
    /// A frame dropped while its object lives on (a generator dropped with
    /// its `gi_frame` kept) leaves its final state to the object.
    fn drop(&mut self) {
        if let Some(obj) = self.object.take() {
            if Rc::strong_count(&obj) > 1 {
                obj.adopt(Box::new(self.take_finished_state()), Value::None);
            }
        }
    }
}

/// Empties `values`, dropping each with [`Value::release`]: a frame's locals
/// and stack are mostly numbers and None, which then cost no call into the
/// out-of-line drop glue (`Vec::clear` calls it for every value, on every
/// return).
#[inline]
fn release_all(values: &mut Vec<Value>) {
    while let Some(v) = values.pop() {
        v.release();
    }
}
