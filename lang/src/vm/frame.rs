//! Frames: the state of one running (or suspended) piece of code.
//!
//! # How it works
//! A frame is {code, instruction pointer, value stack, fast locals, cells,
//! handler blocks}. That is the whole state of a function's execution, so a
//! generator "suspends" simply by keeping its frame instead of dropping it:
//! the frame is the state machine. Fast locals live in a `Vec` indexed by
//! `LOAD_FAST`'s argument; the value stack is allocated once at the code's
//! computed maximum depth.

use crate::objects::{CellObj, Code, Namespace, Value};
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
    /// Set on an `__init__` frame that a class call pushed (see
    /// `Vm::plain_init`): returning hands the caller this new instance
    /// instead of `__init__`'s result, which must be None.
    pub init_instance: Option<Value>,
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
            init_instance: None,
            ip: 0,
            code,
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
                global_slots: Vec::new(),
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
        self.stack.clear();
        self.stack.reserve(co.stacksize as usize + 1);
        self.locals.clear();
        self.locals.resize_with(co.varnames.len(), || Value::Undef);
        self.cells.clear();
        self.cells
            .extend((0..co.cellvars.len()).map(|_| CellObj::new(Value::Undef)));
        self.blocks.clear();
        self.ip = 0;
        self.iterable_coroutine = false;
        self.init_instance = None;
        self.globals = globals;
        self.names = names;
        self.code = code;
    }

    /// Like [`Frame::reset`], but the first locals are the call's arguments,
    /// moved in rather than copied.
    pub fn reset_with_args(
        &mut self,
        code: Rc<Code>,
        globals: Namespace,
        args: impl Iterator<Item = Value>,
    ) {
        let co = &code.co;
        self.stack.clear();
        self.stack.reserve(co.stacksize as usize + 1);
        self.locals.clear();
        self.locals.extend(args);
        self.locals.resize_with(co.varnames.len(), || Value::Undef);
        self.cells.clear();
        self.cells
            .extend((0..co.cellvars.len()).map(|_| CellObj::new(Value::Undef)));
        self.blocks.clear();
        self.ip = 0;
        self.iterable_coroutine = false;
        self.init_instance = None;
        self.globals = globals;
        self.names = None;
        self.code = code;
    }

    /// Drops the values a finished frame still holds, before it goes back to the pool.
    pub fn clear(&mut self) {
        self.stack.clear();
        self.locals.clear();
        self.cells.clear();
        self.blocks.clear();
        self.names = None;
        self.init_instance = None;
    }

    /// The line being executed (the instruction before `ip`).
    pub fn current_line(&self) -> u32 {
        self.code.co.line_of(self.ip.saturating_sub(1))
    }

    #[inline]
    pub fn push(&mut self, v: Value) {
        self.stack.push(v);
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
