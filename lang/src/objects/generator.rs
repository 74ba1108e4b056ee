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

use super::gc::{GcHead, Kind, Traced, Visitor};
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

#[repr(C)]
pub struct Generator {
    /// First, next to the reference counts, so that a collection reads
    /// one cache line per object it only counts (`objects::gc`).
    pub(crate) gc: GcHead,
    pub kind: GenKind,
    pub code: Rc<Code>,
    pub name: RefCell<Rc<str>>,
    pub qualname: RefCell<Rc<str>>,
    /// The parked frame; None while it runs (the VM holds it) and after it finished.
    pub frame: RefCell<Option<Box<Frame>>>,
    /// Where the frame is, parked or running (a frame does not move while
    /// its box does); not to be read once the generator is closed.
    pub frame_addr: std::ptr::NonNull<Frame>,
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
    /// Async generators: the first-iteration hook ran (CPython's `ag_hooks_inited`).
    pub hooks_inited: Cell<bool>,
    /// Async generators: an event loop finalizes this one (schedules `aclose()`).
    pub has_finalizer: Cell<bool>,
    /// Async generators: already handed to a finalizer once (never twice).
    pub finalized: Cell<bool>,
    /// Coroutines: a `cr_origin` was recorded for this one in [`ORIGINS`].
    has_origin: Cell<bool>,
}

/// A suspended generator owns its frame, and with it everything the frame
/// holds; a running one has lent its frame to the dispatch loop, whose
/// references count as references from outside.
impl Traced for Generator {
    const KIND: Kind = Kind::Generator;
    const HEAD_OFFSET: usize = std::mem::offset_of!(Generator, gc);
    fn gc_head(&self) -> &GcHead {
        &self.gc
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        if let Ok(Some(frame)) = self.frame.try_borrow().as_deref() {
            frame.traverse(visit);
        }
        if let Ok(Some(exc)) = self.saved_exc.try_borrow().as_deref() {
            visit.value(exc);
        }
    }
    fn clear(&self) {
        let taken = (
            self.frame.try_borrow_mut().map(|mut f| f.take()),
            self.saved_exc.try_borrow_mut().map(|mut e| e.take()),
        );
        drop(taken);
    }
}

impl Generator {
    pub fn new(
        kind: GenKind,
        code: Rc<Code>,
        frame: Box<Frame>,
        name: Rc<str>,
        qualname: Rc<str>,
        iterable_coroutine: bool,
    ) -> Generator {
        Generator {
            kind,
            code,
            name: RefCell::new(name),
            qualname: RefCell::new(qualname),
            frame_addr: std::ptr::NonNull::from(&*frame),
            frame: RefCell::new(Some(frame)),
            state: Cell::new(GenState::Created),
            saved_exc: RefCell::new(None),
            started: Cell::new(false),
            running_async: Cell::new(false),
            iterable_coroutine,
            hooks_inited: Cell::new(false),
            has_finalizer: Cell::new(false),
            finalized: Cell::new(false),
            gc: GcHead::new(),
            has_origin: Cell::new(false),
        }
    }

    /// The generator's frame while it is not closed, parked or running.
    pub fn live_frame(&self) -> Option<&Frame> {
        if self.state.get() == GenState::Closed {
            return None;
        }
        // SAFETY: until the generator is closed its frame is alive: parked
        // in `self.frame`, or running on the frame chain (see `frame_addr`).
        Some(unsafe { self.frame_addr.as_ref() })
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

impl Generator {
    /// Records the coroutine's `cr_origin` (where it was created).
    pub(crate) fn set_origin(&self, origin: Value) {
        let key = self as *const Generator as usize;
        let _ = ORIGINS.try_with(|t| t.borrow_mut().insert(key, origin));
        self.has_origin.set(true);
    }

    /// `cr_origin`: None unless `sys.set_coroutine_origin_tracking_depth`
    /// asked for it when the coroutine was made.
    pub fn origin(&self) -> Value {
        if !self.has_origin.get() {
            return Value::None;
        }
        let key = self as *const Generator as usize;
        ORIGINS
            .try_with(|t| t.borrow().get(&key).cloned())
            .ok()
            .flatten()
            .unwrap_or_default()
    }

    fn take_origin(&self) -> Value {
        if !self.has_origin.replace(false) {
            return Value::None;
        }
        let key = self as *const Generator as usize;
        ORIGINS
            .try_with(|t| t.borrow_mut().remove(&key))
            .ok()
            .flatten()
            .unwrap_or_default()
    }
}

thread_local! {
    /// `cr_origin` of the coroutines that have one, by address: a side
    /// table, since only programs that turn origin tracking on pay for it
    /// (every coroutine would otherwise carry the field).
    static ORIGINS: RefCell<std::collections::HashMap<usize, Value>> =
        RefCell::new(std::collections::HashMap::new());
    /// Names of coroutines dropped before they ever ran, with their
    /// `cr_origin`, waiting for the VM to report them (a destructor cannot
    /// know where the program is).
    pub static NEVER_AWAITED: RefCell<Vec<(Rc<str>, Value)>> = const { RefCell::new(Vec::new()) };
    /// The VM's "finalizers pending" flag, raised with each entry here.
    pub static WARN_FLAG: RefCell<Option<Rc<Cell<bool>>>> = const { RefCell::new(None) };
    /// Async generators dropped while suspended: the VM closes them (or hands
    /// them to the event loop's finalizer) at its next safe point.
    pub static DROPPED_AGENS: RefCell<Vec<Rc<Generator>>> = const { RefCell::new(Vec::new()) };
    /// `sys.set_asyncgen_hooks` as asyncio sets them: (firstiter, finalizer).
    pub static ASYNCGEN_HOOKS: Cell<Option<AsyncGenHooks>> = const { Cell::new(None) };
}

/// The event loop's async-generator hooks (see `ASYNCGEN_HOOKS`).
#[derive(Clone, Copy)]
pub struct AsyncGenHooks {
    pub firstiter: fn(&crate::vm::Vm, &Rc<Generator>),
    pub finalizer: fn(&crate::vm::Vm, Rc<Generator>),
}

/// Raises the VM's attention flag: the dispatch loop then does the pending
/// work (finalizers, a due collection, warnings) before its next instruction.
pub(crate) fn raise_attention() {
    let _ = WARN_FLAG.try_with(|f| {
        if let Some(flag) = &*f.borrow() {
            flag.set(true);
        }
    });
}

/// Records a never-started native coroutine (asyncio's `sleep`, `Queue.get`...) for the warning.
pub fn note_never_awaited(qualname: &str) {
    let name: Rc<str> = Rc::from(qualname);
    let _ = NEVER_AWAITED.try_with(|l| l.borrow_mut().push((name, Value::None)));
    raise_attention();
}

impl Drop for Generator {
    fn drop(&mut self) {
        // CPython's `_PyGen_Finalize`: a coroutine that was never started warns.
        let origin = self.take_origin();
        if self.kind == GenKind::Coroutine && self.state.get() == GenState::Created {
            let name = self.qualname.borrow().clone();
            let _ = NEVER_AWAITED.try_with(|l| l.borrow_mut().push((name, origin)));
            raise_attention();
        }
        // An async generator dropped mid-iteration still owes its `finally`
        // blocks a run: its frame moves into a new generator object that the
        // VM closes (or the event loop `aclose()`s) at the next safe point.
        if self.kind == GenKind::AsyncGenerator
            && self.state.get() == GenState::Suspended
            && !self.finalized.get()
        {
            if let Some(g) = self.take_suspended() {
                let g = super::gc::new(g);
                let _ = DROPPED_AGENS.try_with(|l| l.borrow_mut().push(g));
                raise_attention();
            }
            return;
        }
        // So does a generator or coroutine suspended in a `try` or `with`.
        crate::vm::finalize::generator_dropped(self);
    }
}

impl Generator {
    /// A new generator object owning this one's suspended frame (which
    /// this one gives up), marked finalized: what a dropped generator's
    /// finalization runs on (see `vm::finalize`).
    pub(crate) fn take_suspended(&self) -> Option<Generator> {
        let frame = self.frame.borrow_mut().take()?;
        let g = Generator::new(
            self.kind,
            self.code.clone(),
            frame,
            self.name.borrow().clone(),
            self.qualname.borrow().clone(),
            self.iterable_coroutine,
        );
        g.state.set(GenState::Suspended);
        g.started.set(true);
        g.hooks_inited.set(true);
        g.has_finalizer.set(self.has_finalizer.get());
        g.finalized.set(true);
        g.gc.mark_finalized();
        *g.saved_exc.borrow_mut() = self.saved_exc.borrow_mut().take();
        Some(g)
    }
}
