//! Finalization: what runs when objects die, and the VM's safe points.
//!
//! A destructor (`Drop`) may run in the middle of any VM operation, with
//! `RefCell`s borrowed up the stack, so it never runs Python code. What an
//! object still owes the program when it dies is queued as [`Pending`] work
//! instead, the VM's attention flag is raised, and the dispatch loop does
//! the work before its next instruction ([`Vm::attend_pending`]): after
//! `del x`, `x`'s `__del__` has run by the time the next statement starts,
//! as in CPython.
//!
//! - An instance whose class defines `__del__` cannot stay alive in its own
//!   drop, so its state (attributes, payload, weak references) moves into
//!   a new instance of the same class, which the queue finalizes and then
//!   releases; if `__del__` stores `self` somewhere, that instance lives on
//!   (resurrection), already finalized (PEP 442: once per object). The
//!   cycle collector finalizes garbage in place instead (`objects::gc`).
//! - A suspended generator or coroutine dropped inside a `try` or `with`
//!   block is closed the same way (its frame moves to a new generator), so
//!   its `finally` blocks run.
//! - Weak reference callbacks are called with their (dead) reference.
//!
//! Errors from finalizers are reported as CPython's "Exception ignored in"
//! (through `sys.unraisablehook` when a program sets it).

use super::Vm;
use crate::objects::class::Instance;
use crate::objects::{GenKind, GenState, Generator, Name, PyErr, Value};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

/// Work a dying object leaves for the VM's next safe point.
pub(crate) enum Pending {
    /// An instance whose class defines `__del__` (the one that holds the
    /// dead instance's state).
    Del(Rc<Instance>),
    /// A generator or coroutine to close (its `finally` blocks to run).
    Close(Rc<Generator>),
    /// A weak reference's callback, and the reference.
    WeakCallback(Value, Value),
}

thread_local! {
    static PENDING: RefCell<VecDeque<Pending>> = const { RefCell::new(VecDeque::new()) };
}

/// Queues `work` for the VM's next safe point.
pub(crate) fn defer(work: Pending) {
    let _ = PENDING.try_with(|p| p.borrow_mut().push_back(work));
    crate::objects::generator::raise_attention();
}

fn next_pending() -> Option<Pending> {
    PENDING.with(|p| p.borrow_mut().pop_front())
}

/// Called by an instance's drop: if its class defines `__del__` and it was
/// not finalized yet, its state moves into a new instance queued for
/// finalization.
pub(crate) fn instance_dropped(inst: &mut Instance) {
    if inst.gc.is_finalized() || !inst.class.has_del() {
        return;
    }
    let heir = crate::objects::gc::new(inst.take_state());
    heir.gc.mark_finalized();
    crate::objects::weakref::move_refs(&inst.gc, &Value::Instance(heir.clone()));
    defer(Pending::Del(heir));
}

/// Called by a generator's drop: a suspended generator or coroutine inside
/// a `try`/`with` block is closed from the queue.
pub(crate) fn generator_dropped(gen: &Generator) {
    if !matches!(gen.kind, GenKind::Generator | GenKind::Coroutine)
        || gen.state.get() != GenState::Suspended
        || gen.gc.is_finalized()
    {
        return;
    }
    let has_blocks = gen
        .frame
        .borrow()
        .as_ref()
        .is_some_and(|f| !f.blocks.is_empty());
    if !has_blocks {
        return;
    }
    if let Some(heir) = gen.take_suspended() {
        defer(Pending::Close(crate::objects::gc::new(heir)));
    }
}

impl Vm {
    /// The work between two instructions when the attention flag is raised:
    /// a due collection, queued finalizers, then the "never awaited"
    /// warnings (at the line of `at`).
    pub fn attend_pending(&self, at: Option<&super::frame::Frame>) {
        self.warn_pending.set(self.attention_baseline());
        loop {
            if crate::objects::gc::is_due() {
                crate::objects::gc::collect_due(self);
            }
            let Some(work) = next_pending() else { break };
            self.run_pending(work);
        }
        self.report_never_awaited(at);
    }

    fn run_pending(&self, work: Pending) {
        match work {
            Pending::Del(inst) => self.call_del(&Value::Instance(inst)),
            Pending::Close(gen) => self.close_dropped(&gen),
            Pending::WeakCallback(wr, cb) => {
                if let Err(e) = self.call(&cb, std::slice::from_ref(&wr)) {
                    self.report_unraisable(&e, Some(&cb), None);
                }
            }
        }
    }

    /// Whether the collector must finalize `v` before clearing it.
    pub(crate) fn has_finalizer(&self, v: &Value) -> bool {
        match v {
            Value::Instance(i) => i.class.has_del(),
            Value::Generator(g) => {
                matches!(g.kind, GenKind::Generator | GenKind::Coroutine)
                    && g.state.get() == GenState::Suspended
            }
            Value::Native(n) => n.needs_finalizing(),
            _ => false,
        }
    }

    /// Runs `v`'s finalizer (the collector has marked it finalized).
    pub(crate) fn run_finalizer(&self, v: &Value) {
        match v {
            Value::Instance(_) => self.call_del(v),
            Value::Generator(g) => self.close_dropped(g),
            Value::Native(n) => n.finalize(self),
            _ => {}
        }
    }

    /// Calls `obj.__del__()`, reporting what it raises.
    fn call_del(&self, obj: &Value) {
        let Value::Instance(inst) = obj else { return };
        let Some(del) = inst.class.lookup(&Name::new("__del__")) else {
            return;
        };
        if let Err(e) = self.call_bound(&del, obj, &[]) {
            self.report_unraisable(&e, Some(&del), None);
        }
    }

    /// Closes a generator that was dropped (or found in garbage) suspended.
    fn close_dropped(&self, gen: &Rc<Generator>) {
        if let Err(e) = self.close_generator(gen) {
            self.report_unraisable(&e, Some(&Value::Generator(gen.clone())), None);
        }
    }

    /// Reports an exception that cannot be raised (in a finalizer, a weak
    /// reference callback, a collector callback) through `sys.unraisablehook`
    /// (`hooks.rs`): "Exception ignored in: OBJ" (or "Exception ignored MSG:
    /// OBJ") and the traceback by default.
    pub fn report_unraisable(&self, err: &PyErr, obj: Option<&Value>, msg: Option<&str>) {
        let msg = msg.map(|m| format!("Exception ignored {m}"));
        self.write_unraisable(err, msg.as_deref(), obj.cloned().unwrap_or_default());
    }

    /// What is left to do when the program ends, in CPython's order: the
    /// `atexit` functions (last registered first), then the objects the
    /// program's namespace still holds are finalized, in the order CPython's
    /// shutdown finalizes them (breadth first from `__main__`'s globals: its
    /// last collections meet them in that order), and released.
    ///
    /// When no object could notice (nothing with a finalizer, no weak
    /// reference, no collector callback), the heap is left to the process's
    /// end: walking and freeing a large heap would only cost time.
    pub fn finalize_at_exit(&self) {
        crate::stdlib::thread::shutdown(self);
        crate::stdlib::atexit::run_all(self);
        self.attend_pending(None);
        let noticed = crate::objects::weakref::any_exist()
            || !crate::objects::gc::callbacks_list().is_empty()
            || crate::objects::gc::any_object(|v| self.has_finalizer(v));
        let main = self.loaded_module("__main__");
        if let Some(main) = main.filter(|_| noticed) {
            let alive = crate::objects::gc::reachable_from(&Value::Dict(main.ns.clone()));
            for v in &alive {
                let Some(head) = v.gc_head() else { continue };
                if !head.is_finalized() && self.has_finalizer(v) {
                    head.mark_finalized();
                    self.run_finalizer(v);
                }
            }
            drop(alive);
            main.ns.clear();
            crate::objects::gc::collect(self, 2);
        }
        self.attend_pending(None);
        self.flush_stdout();
    }
}
