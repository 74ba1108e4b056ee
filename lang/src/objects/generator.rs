//! Generators, coroutines and async generators: objects that own a suspended frame.
//!
//! # How it works
//! Calling a generator function builds its frame but does not run it; the
//! frame is parked here. `send(v)` moves the frame back onto the VM, which
//! runs it until `YIELD_VALUE` (the frame is parked again, state
//! `Suspended`), `RETURN_VALUE` (state `Closed`, the value travels in
//! `StopIteration`) or an exception. The frame's instruction pointer and
//! value stack *are* the state machine's state: nothing else is saved, and
//! resuming allocates nothing.

use super::{Code, Value};
use crate::vm::frame::Frame;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

impl GenKind {
    pub fn type_name(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async_generator",
        }
    }
}

/// Where the state machine is; `inspect.getgeneratorstate` reports these.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    Closed,
}

pub struct Generator {
    pub kind: GenKind,
    pub code: Rc<Code>,
    pub name: RefCell<Rc<str>>,
    pub qualname: RefCell<Rc<str>>,
    /// The parked frame; None while it runs (the VM holds it) and after it finished.
    pub frame: RefCell<Option<Box<Frame>>>,
    pub state: Cell<GenState>,
    /// The exception being handled inside the generator when it yielded
    /// (restored when it resumes, as CPython's `gi_exc_state`).
    pub saved_exc: RefCell<Option<Value>>,
    /// For coroutines: set once awaited or sent to, for the "never awaited" warning.
    pub started: Cell<bool>,
    /// Async generators: an `asend`/`athrow` awaitable is in progress.
    pub running_async: Cell<bool>,
    /// Set when a coroutine was created by an iterable-coroutine (types.coroutine) function.
    pub iterable_coroutine: bool,
}

impl Generator {
    pub fn new(kind: GenKind, code: Rc<Code>, frame: Box<Frame>, name: Rc<str>, qualname: Rc<str>, iterable_coroutine: bool) -> Generator {
        Generator {
            kind,
            code,
            name: RefCell::new(name),
            qualname: RefCell::new(qualname),
            frame: RefCell::new(Some(frame)),
            state: Cell::new(GenState::Created),
            saved_exc: RefCell::new(None),
            started: Cell::new(false),
            running_async: Cell::new(false),
            iterable_coroutine,
        }
    }

    /// The instruction index the frame is suspended at (for `dis.states` and task listings).
    pub fn suspended_at(&self) -> Option<usize> {
        self.frame.borrow().as_ref().map(|f| f.ip)
    }

    /// Value the frame is delegating to through `yield from`/`await`, if suspended there.
    pub fn yield_from_target(&self) -> Option<Value> {
        let frame = self.frame.borrow();
        let frame = frame.as_ref()?;
        if self.state.get() != GenState::Suspended {
            return None;
        }
        let instr = frame.code.co.instructions.get(frame.ip)?;
        if instr.op == crate::bytecode::Opcode::YIELD_FROM {
            // Suspended on YIELD_FROM the stack is [.., delegate]: the sent value is pushed on resume.
            let n = frame.stack.len();
            let _ = n;
            frame.stack.last().cloned()
        } else {
            None
        }
    }
}

thread_local! {
    /// Names of coroutines dropped before they ever ran, waiting for the VM to
    /// report them (a destructor cannot know where the program is).
    pub static NEVER_AWAITED: RefCell<Vec<Rc<str>>> = const { RefCell::new(Vec::new()) };
    /// The VM's "warnings pending" flag, raised with each entry above.
    pub static WARN_FLAG: RefCell<Option<Rc<Cell<bool>>>> = const { RefCell::new(None) };
}

/// Records a never-started native coroutine (asyncio's `sleep`, `Queue.get`...) for the warning.
pub fn note_never_awaited(qualname: &str) {
    let name: Rc<str> = Rc::from(qualname);
    let _ = NEVER_AWAITED.try_with(|l| l.borrow_mut().push(name));
    let _ = WARN_FLAG.try_with(|f| {
        if let Some(flag) = &*f.borrow() {
            flag.set(true);
        }
    });
}

impl Drop for Generator {
    fn drop(&mut self) {
        // CPython's `_PyGen_Finalize`: a coroutine that was never started warns.
        if self.kind == GenKind::Coroutine && self.state.get() == GenState::Created {
            let name = self.qualname.borrow().clone();
            let _ = NEVER_AWAITED.try_with(|l| l.borrow_mut().push(name));
            let _ = WARN_FLAG.try_with(|f| {
                if let Some(flag) = &*f.borrow() {
                    flag.set(true);
                }
            });
        }
    }
}
