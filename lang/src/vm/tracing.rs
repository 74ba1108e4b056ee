//! `sys.settrace` and `sys.setprofile`: trace and profile functions called
//! on 'call', 'line', 'return', 'exception' and 'opcode' events.
//!
//! # How it works
//! The dispatch loop already tests one flag before each instruction
//! (`Vm::warn_pending`, raised for `TOWEL_TRACE` and pending warnings); a
//! trace or profile function keeps it raised, and the loop's out-of-line
//! `attend` then calls [`Vm::trace_instruction`]. Nothing else in the loop
//! knows about tracing, so an untraced program pays nothing for it. Two
//! more hooks sit on the error path only: an exception raised in or
//! propagating into a frame ('exception', from `note_raise`) and a frame
//! left by an exception ('return' with None, from the unwinding loop).
//!
//! Calls and returns are not seen as they happen; they are worked out from
//! the frame chain. `entered` lists the frames known to run, outermost
//! first. When an instruction runs in another frame than the last one
//! traced, the chain is compared with that list: frames gone from it have
//! returned (a coroutine suspended in an `await` leaves that way) and get
//! their 'return'; frames new on it get their 'call' (a resumed generator
//! counts as called again, as in CPython). A frame's own `RETURN_VALUE` or
//! `YIELD_VALUE` gives its 'return' just before it runs, with the value.
//!
//! While a trace or profile function runs, nothing is traced (CPython's
//! `tstate->tracing`). A function that raises is removed (`settrace(None)`)
//! and its exception propagates from the traced code.

use super::frame::Frame;
use super::frame_object::FrameObject;
use super::Vm;
use crate::bytecode::Opcode;
use crate::objects::{Native, NativeRef, PyErr, PyResult, Value};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// A trace event (CPython's `PyTrace_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    Call,
    Exception,
    Line,
    Return,
    Opcode,
}

impl Event {
    fn name(self) -> &'static str {
        match self {
            Event::Call => "call",
            Event::Exception => "exception",
            Event::Line => "line",
            Event::Return => "return",
            Event::Opcode => "opcode",
        }
    }
}

/// The tracing state of a VM.
pub struct Tracing {
    /// `sys.settrace`'s function, None when unset.
    pub trace: RefCell<Value>,
    /// `sys.setprofile`'s function, None when unset.
    pub profile: RefCell<Value>,
    /// The frames known to run, outermost first (see the module docs).
    entered: RefCell<Vec<Native<FrameObject>>>,
    /// The frame of the last instruction traced.
    last_frame: Cell<*const Frame>,
    /// A trace or profile function is running.
    in_hook: Cell<bool>,
    /// The event last handed to a trace function (what assigning
    /// `f_lineno` checks, as CPython's `tstate->tracing_what`).
    pub what: Cell<Event>,
    /// The value last yielded, for the 'return' of the frames that
    /// suspend with it through `yield from`/`await`.
    last_yield: RefCell<Value>,
}

impl Default for Tracing {
    fn default() -> Tracing {
        Tracing {
            trace: RefCell::new(Value::None),
            profile: RefCell::new(Value::None),
            entered: RefCell::new(Vec::new()),
            last_frame: Cell::new(std::ptr::null()),
            in_hook: Cell::new(false),
            what: Cell::new(Event::Call),
            last_yield: RefCell::new(Value::None),
        }
    }
}

impl Tracing {
    /// True while a trace or profile function is set.
    pub fn is_active(&self) -> bool {
        !self.trace.borrow().is_none() || !self.profile.borrow().is_none()
    }
}

impl Vm {
    /// `sys.settrace(func)` (`profile` false) or `sys.setprofile(func)`.
    pub fn set_trace_function(&self, func: Value, profile: bool) {
        let t = &self.tracing;
        let was_active = t.is_active();
        let slot = if profile { &t.profile } else { &t.trace };
        *slot.borrow_mut() = func;
        if t.is_active() && !was_active {
            // The frames running now were entered before: they get no 'call'.
            let chain: Vec<_> = self.frame_chain().map(|f| f.object(self)).collect();
            for obj in &chain {
                obj.trace_prev.set(resume_point(obj.frame()));
            }
            *t.entered.borrow_mut() = chain.into_iter().rev().collect();
            t.last_frame.set(self.current_frame.get());
        } else if !t.is_active() {
            t.entered.borrow_mut().clear();
            *t.last_yield.borrow_mut() = Value::None;
        }
        self.warn_pending
            .set(self.attention_baseline() || self.warn_pending.get());
    }

    /// Whether the dispatch loop's attention flag stays raised with nothing
    /// pending: while disassembling (`TOWEL_TRACE`) or tracing.
    pub fn attention_baseline(&self) -> bool {
        self.trace || self.tracing.is_active()
    }

    /// Traces instruction `ip` of `frame` before it runs: the calls and
    /// returns since the last one, then 'line', 'opcode' and, before a
    /// `RETURN_VALUE` or `YIELD_VALUE`, 'return'. An error is what a trace
    /// function raised, to be raised at the instruction.
    pub fn trace_instruction(&self, frame: &mut Frame, ip: usize) -> Option<PyErr> {
        let t = &self.tracing;
        if t.in_hook.get() || !t.is_active() {
            return None;
        }
        if let Err(e) = self.trace_frame_switch(frame) {
            return Some(e);
        }
        // During the events the frame is at this instruction.
        frame.ip = ip + 1;
        let obj = frame.object(self);
        if let Err(e) = self.trace_line_and_opcode(frame, &obj, ip) {
            return Some(e);
        }
        let op = frame.code.co.instructions.get(ip).map(|i| i.op);
        if let Some(op @ (Opcode::RETURN_VALUE | Opcode::YIELD_VALUE)) = op {
            // The frame leaves: whatever runs next is worked out afresh.
            t.last_frame.set(std::ptr::null());
            let value = frame.stack.last().cloned().unwrap_or_default();
            self.forget_entered(&obj);
            if let Err(e) = self.fire(&obj, Event::Return, value.clone()) {
                return Some(e);
            }
            if op == Opcode::YIELD_VALUE {
                *t.last_yield.borrow_mut() = value.clone();
                return self.trace_delegators_suspending(frame, value).err();
            }
        }
        None
    }

    /// A value yielded passes up through the generators delegating to the
    /// yielding one (each sits in a `yield from`/`await`), which suspend
    /// with it: their 'return' events, innermost first.
    fn trace_delegators_suspending(&self, frame: &Frame, value: Value) -> PyResult<()> {
        let mut back = frame.back.get();
        // SAFETY: `back` pointers of running frames are on the frame chain.
        while let Some(delegator) = unsafe { back.as_ref() } {
            let co = &delegator.code.co;
            let delegating = co.is_resumable()
                && delegator.ip > 0
                && co.instructions.get(delegator.ip - 1).map(|i| i.op) == Some(Opcode::YIELD_FROM);
            if !delegating {
                break;
            }
            let obj = delegator.object(self);
            self.forget_entered(&obj);
            self.fire(&obj, Event::Return, value.clone())?;
            back = delegator.back.get();
        }
        Ok(())
    }

    /// 'line' (a new line, or a jump back) and 'opcode' events for
    /// instruction `ip` of a frame with a local trace function.
    fn trace_line_and_opcode(
        &self,
        frame: &Frame,
        obj: &Native<FrameObject>,
        ip: usize,
    ) -> PyResult<()> {
        let prev = obj.trace_prev.replace(ip as isize);
        if obj.trace.borrow().is_none() {
            return Ok(());
        }
        let co = &frame.code.co;
        let new_line = prev < 0 || co.line_of(prev as usize) != co.line_of(ip);
        let jumped_back = prev >= 0 && ip < prev as usize;
        if obj.trace_lines.get() && (new_line || jumped_back) {
            self.fire(obj, Event::Line, Value::None)?;
        }
        if obj.trace_opcodes.get() {
            self.fire(obj, Event::Opcode, Value::None)?;
        }
        Ok(())
    }

    /// The 'exception' event for `err`, raised in or propagated into
    /// `frame` (the running frame). Returns the error to raise: `err`, or
    /// what the trace function raised instead.
    pub fn trace_exception(&self, frame: &Frame, err: PyErr) -> PyErr {
        let t = &self.tracing;
        if t.in_hook.get() || !t.is_active() {
            return err;
        }
        if let Err(e) = self.trace_frame_switch(frame) {
            return e;
        }
        let obj = frame.object(self);
        let exc = err.value();
        let tb = super::traceback::traceback_value(err.exc().traceback.clone());
        let arg = Value::tuple(vec![Value::Class(err.class().clone()), exc, tb]);
        match self.fire(&obj, Event::Exception, arg) {
            Ok(()) => err,
            Err(e) => e,
        }
    }

    /// The 'exception' event CPython gives when a generator a `for` loop
    /// or `yield from` runs returns `value` (not None), or a coroutine an
    /// `await` runs returns: the StopIteration carrying it. What a trace
    /// function raises here is dropped with it.
    pub fn trace_stop_iteration(&self, frame: &Frame, value: &Value, coroutine: bool) {
        if (value.is_none() && !coroutine) || !self.tracing.is_active() {
            return;
        }
        let stop = self.stop_iteration(value.clone());
        drop(self.trace_exception(frame, stop));
    }

    /// The 'return' event (with None) of `frame`, which an exception is
    /// leaving. Returns the error to go on with: `err`, or what the trace
    /// function raised instead.
    pub fn trace_unwound(&self, frame: &Frame, err: PyErr) -> PyErr {
        let t = &self.tracing;
        if t.in_hook.get() || !t.is_active() {
            return err;
        }
        if let Err(e) = self.trace_frame_switch(frame) {
            return e;
        }
        t.last_frame.set(std::ptr::null());
        let obj = frame.object(self);
        self.forget_entered(&obj);
        match self.fire(&obj, Event::Return, Value::None) {
            Ok(()) => err,
            Err(e) => e,
        }
    }

    /// When `frame` is not the frame traced last: 'return' for the frames
    /// that left the chain since, 'call' for those that joined it.
    fn trace_frame_switch(&self, frame: &Frame) -> PyResult<()> {
        let t = &self.tracing;
        if std::ptr::eq(t.last_frame.get(), frame) {
            return Ok(());
        }
        t.last_frame.set(frame);
        let mut chain: Vec<Native<FrameObject>> =
            self.frame_chain().map(|f| f.object(self)).collect();
        chain.reverse();
        let left = {
            let mut entered = t.entered.borrow_mut();
            let common = entered
                .iter()
                .zip(&chain)
                .take_while(|(a, b)| Rc::ptr_eq(a, b))
                .count();
            entered.split_off(common)
        };
        for obj in left.iter().rev() {
            // Suspended in a `yield from`/`await`: it passed a value up.
            let value = t.last_yield.borrow().clone();
            self.fire(obj, Event::Return, value)?;
        }
        let common = t.entered.borrow().len();
        for obj in &chain[common..] {
            t.entered.borrow_mut().push(obj.clone());
            obj.trace_prev.set(resume_point(obj.frame()));
            self.fire(obj, Event::Call, Value::None)?;
        }
        Ok(())
    }

    /// Takes a frame that is leaving out of `entered`.
    fn forget_entered(&self, obj: &Native<FrameObject>) {
        let mut entered = self.tracing.entered.borrow_mut();
        if let Some(i) = entered.iter().rposition(|o| Rc::ptr_eq(o, obj)) {
            entered.truncate(i);
        }
    }

    /// Hands `event` in `obj`'s frame to the functions that want it: the
    /// global trace function for 'call' (its result becomes the frame's
    /// `f_trace`), the frame's `f_trace` for the others, and the profile
    /// function for 'call' and 'return'.
    fn fire(&self, obj: &Native<FrameObject>, event: Event, arg: Value) -> PyResult<()> {
        let t = &self.tracing;
        let frame = Value::Native(NativeRef::from(obj.clone()));
        let trace = match event {
            Event::Call => t.trace.borrow().clone(),
            _ => obj.trace.borrow().clone(),
        };
        if !trace.is_none() {
            match self.call_hook(&trace, &frame, event, &arg) {
                Ok(result) if !result.is_none() => *obj.trace.borrow_mut() = result,
                Ok(_) => {}
                Err(e) => {
                    self.set_trace_function(Value::None, false);
                    *obj.trace.borrow_mut() = Value::None;
                    return Err(e);
                }
            }
        }
        let profile = t.profile.borrow().clone();
        if !profile.is_none() && matches!(event, Event::Call | Event::Return) {
            if let Err(e) = self.call_hook(&profile, &frame, event, &arg) {
                self.set_trace_function(Value::None, true);
                return Err(e);
            }
        }
        Ok(())
    }

    /// Calls a trace or profile function with tracing off.
    fn call_hook(&self, func: &Value, frame: &Value, event: Event, arg: &Value) -> PyResult {
        let t = &self.tracing;
        t.in_hook.set(true);
        t.what.set(event);
        let args = [frame.clone(), Value::str(event.name()), arg.clone()];
        let result = self.call(func, &args);
        t.in_hook.set(false);
        result
    }
}

/// The instruction a frame counts as last traced when it is entered: none
/// for a new frame, the suspension point for a resumed generator (so its
/// first line event comes with the next line, as in CPython).
fn resume_point(frame: &Frame) -> isize {
    frame.ip as isize - 1
}

/// The error assigning `f_lineno` raises: towel does not jump, and
/// CPython refuses outside a trace function's 'line' event anyway.
pub fn set_lineno_error(vm: &Vm, obj: &FrameObject, value: &Value) -> PyErr {
    if !matches!(value, Value::Int(_)) {
        return vm.value_error("lineno must be an integer");
    }
    match vm.tracing.what.get() {
        Event::Exception => vm.value_error("can only jump from a 'line' trace event"),
        Event::Call => vm.value_error("can't jump from the 'call' trace event of a new frame"),
        Event::Return | Event::Opcode => {
            vm.value_error("can only jump from a 'line' or 'return' trace event")
        }
        Event::Line if obj.trace.borrow().is_none() => {
            vm.value_error("f_lineno can only be set by a trace function")
        }
        Event::Line => vm.not_implemented("jumping by assigning f_lineno"),
    }
}
