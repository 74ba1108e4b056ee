//! The dispatch loop and generator resumption.
//!
//! # How it works
//! [`Vm::execute`] runs a frame until it returns or yields. A call from
//! Python code to a plain Python function does not recurse on the Rust
//! stack: the caller's frame is parked in a local list and the callee
//! becomes the current frame; `RETURN_VALUE` pops back. Only calls that go
//! through native code (a `__repr__` called by `print`, a generator resumed
//! by `FOR_ITER`) start a nested `execute`, and those count towards the
//! recursion limit like Python calls do, so deep recursion of any kind ends
//! in `RecursionError`, never in a Rust stack overflow.
//!
//! Each instruction arm either finishes with `continue 'dispatch` or breaks
//! out of the `'op` block with a `PyErr`; the error path then records the
//! traceback entry and unwinds to the innermost handler block.
//!
//! `YIELD_FROM` sends into its delegate; if the delegate yields, the frame
//! yields the same value with its instruction pointer left *on* the
//! `YIELD_FROM`, so the next resumption (which pushes the sent value)
//! executes it again: a suspended `await` is just a frame parked on
//! `YIELD_FROM` with its delegate on top of the stack.

use super::frame::{Block, BlockKind, Callee, Frame};
use super::ops::{BinOp, CmpOp};
use super::protocol::dunders;
use super::Vm;
use crate::bytecode::{flags, Instr, Opcode};
use crate::objects::class::{CallPlan, Instance};
use crate::objects::{
    Args, BoundMethod, CallerNeeds, CellObj, Function, GenKind, GenState, Generator, Name,
    NativeFn, PyDict, PyErr, PyResult, PySet, Slice, Value,
};
use std::rc::Rc;

/// How a frame stopped.
pub enum FrameExit {
    Return(Value),
    Yield(Value),
}

/// What resuming a generator produced.
pub enum Resumed {
    Yield(Value),
    Return(Value),
}

/// How to resume a suspended frame.
enum ResumeWith {
    /// Push the sent value (the result of the `yield`/`YIELD_FROM`).
    Send(Value),
    /// Raise this exception at the suspension point.
    Throw(PyErr),
    /// The frame's stack is already set up (a delegate finished during a throw).
    Continue,
}

macro_rules! tri {
    ($label:lifetime, $e:expr) => {
        match $e {
            Ok(v) => v,
            Err(e) => break $label e,
        }
    };
}

impl Vm {
    /// Runs a non-generator frame to its return value.
    pub fn run_frame_to_completion(&self, frame: Box<Frame>) -> PyResult<Value> {
        let (frame, result) = self.execute(frame, None);
        self.recycle_frame(frame);
        match result? {
            FrameExit::Return(v) => Ok(v),
            FrameExit::Yield(_) => Err(self.runtime_error("yield outside a generator frame")),
        }
    }

    /// Runs `base` until it returns or yields, starting with `throw` raised in it if given.
    #[inline]
    pub fn execute(
        &self,
        base: Box<Frame>,
        throw: Option<PyErr>,
    ) -> (Box<Frame>, PyResult<FrameExit>) {
        let depth0 = match self.enter_recursion(super::limits::Recursing::Call) {
            Ok(d) => d,
            Err(e) => return (base, Err(e)),
        };
        let caller = self.current_frame.get();
        base.back.set(caller);
        self.current_frame.set(&*base);
        let (frame, result) = self.dispatch(base, throw);
        self.current_frame.set(caller);
        self.depth.set(depth0);
        (frame, result)
    }

    fn dispatch(
        &self,
        base: Box<Frame>,
        throw: Option<PyErr>,
    ) -> (Box<Frame>, PyResult<FrameExit>) {
        let mut frame = base;
        let mut callers: Vec<Box<Frame>> = Vec::new();
        let mut pending: Option<PyErr> = None;
        if let Some(err) = throw {
            // Raised at the suspension point: the YIELD_FROM we sit on, or the YIELD_VALUE just before.
            let at = match frame.code.co.instructions.get(frame.ip) {
                Some(i) if i.op == Opcode::YIELD_FROM => frame.ip,
                _ => frame.ip.saturating_sub(1),
            };
            pending = Some(self.note_raise(err, &frame, at, true));
        }
        // The running frame's instructions, cached so that a fetch is one
        // indexed load rather than a walk through frame -> code -> code object.
        // `load_code!` refreshes them whenever `frame` becomes another frame.
        let (mut instrs, mut n_instrs): (*const Instr, usize) = {
            let v = &frame.code.co.instructions;
            (v.as_ptr(), v.len())
        };
        macro_rules! load_code {
            () => {{
                let v = &frame.code.co.instructions;
                instrs = v.as_ptr();
                n_instrs = v.len();
            }};
        }
        // A generator frame entered by FOR_ITER (`Callee::Generator`) or by
        // `gen.send` (`Callee::Send`) that suspends: back into its generator,
        // and the value to the FOR_ITER or as the call's result. A frame
        // entered by a `YIELD_FROM` (`Callee::YieldFrom`) suspends with the
        // frame below it, which yields the value in turn. Evaluates to the
        // value when it leaves the dispatch loop (the yielding frame is the
        // one `dispatch` was called for).
        macro_rules! yield_to_for_iter {
            ($v:expr) => {{
                let v = $v;
                loop {
                    // Such a frame always sits above its caller's frame in `callers`.
                    let entered = matches!(
                        frame.callee,
                        Callee::Generator(_) | Callee::Send(_) | Callee::YieldFrom(_)
                    );
                    match (entered, callers.pop()) {
                        (true, Some(caller)) => {
                            self.depth.set(self.depth.get() - 1);
                            let mut suspended = std::mem::replace(&mut frame, caller);
                            self.current_frame.set(&*frame);
                            let callee = std::mem::take(&mut suspended.callee);
                            load_code!();
                            match callee {
                                Callee::YieldFrom(g) => {
                                    self.leave_generator(&g, Some(suspended));
                                    // Suspended at its YIELD_FROM, to run it again when resumed.
                                    frame.ip -= 1;
                                }
                                Callee::Generator(g) | Callee::Send(g) => {
                                    self.leave_generator(&g, Some(suspended));
                                    frame.push(v);
                                    break None;
                                }
                                Callee::Call | Callee::Init(_) => {
                                    unreachable!("not an entered generator")
                                }
                            }
                        }
                        (_, caller) => {
                            callers.extend(caller);
                            break Some(v);
                        }
                    }
                }
            }};
        }
        // The running frame has finished: back to `caller`, the finished
        // frame to the pool. Evaluates to what the finished frame was a callee as.
        macro_rules! return_to {
            ($caller:expr) => {{
                self.depth.set(self.depth.get() - 1);
                let callee = std::mem::take(&mut frame.callee);
                let done = std::mem::replace(&mut frame, $caller);
                self.current_frame.set(&*frame);
                self.recycle_frame(done);
                load_code!();
                callee
            }};
        }
        // A pooled frame set up to run Python function `$f`, its arguments
        // moved from `frame.stack[$start..]` (see `Frame::setup_call`).
        macro_rules! call_frame {
            ($f:expr, $start:expr) => {{
                let mut new = self.pooled_frame();
                new.setup_call(&$f.code, &$f.globals, &mut frame.stack, $start, &$f.closure);
                new
            }};
        }
        // Raised when a dropped coroutine awaits its warning, and for good while tracing.
        let attention: &super::attention::AttentionFlag = &self.warn_pending;
        // Errors leave the inner loop for the outer one, which unwinds to a
        // handler (or to the caller): the hot loop's head does no error check.
        'unwind: loop {
            if let Some(err) = pending.take() {
                let Err(mut err) = self.unwind(&mut frame, err) else {
                    continue 'unwind;
                };
                if attention.get() {
                    // The frame is left with `err`: its 'return' trace event.
                    err = self.trace_unwound(&frame, err);
                }
                match callers.pop() {
                    Some(caller) => {
                        let callee = return_to!(caller);
                        let (err, fresh) = match callee {
                            Callee::Generator(g) | Callee::Send(g) | Callee::YieldFrom(g) => {
                                self.leave_generator(&g, None);
                                self.generator_error(&g, err)
                            }
                            Callee::Call | Callee::Init(_) => (err, false),
                        };
                        pending = Some(self.note_raise(err, &frame, frame.ip - 1, fresh));
                        continue 'unwind;
                    }
                    None => return (frame, Err(err)),
                }
            }
            'dispatch: loop {
                let ip = frame.ip;
                if ip >= n_instrs {
                    pending =
                        Some(self.runtime_error("instruction pointer ran off the end of the code"));
                    continue 'unwind;
                }
                // SAFETY: `instrs`/`n_instrs` describe `frame.code.co.instructions`:
                // `load_code!` runs after every assignment to `frame`, and a frame's
                // `code` only changes while the frame sits in the pool, never while
                // it is running here. The running frame holds an `Rc` to its code,
                // which keeps the vector alive, and code objects are immutable once
                // built, so the vector is never reallocated. `ip < n_instrs` was
                // checked just above.
                let instr = unsafe { *instrs.add(ip) };
                if attention.get() {
                    if let Some(err) = self.attend(&mut frame, ip) {
                        frame.ip = ip + 1;
                        pending = Some(self.note_raise(err, &frame, ip, true));
                        continue 'unwind;
                    }
                }
                frame.ip = ip + 1;
                let arg = instr.arg as usize;
                let err: PyErr = 'op: {
                    match instr.op {
                        Opcode::NOP => continue 'dispatch,
                        Opcode::LOAD_FAST => {
                            match &frame.locals[arg] {
                                Value::Int(i) => {
                                    let i = *i;
                                    frame.push(Value::Int(i));
                                }
                                Value::Undef => {
                                    let name = frame.code.varnames[arg].clone();
                                    break 'op self.new_error(&self.exc.unbound_local_error, format!("cannot access local variable '{name}' where it is not associated with a value"));
                                }
                                v => {
                                    let v = v.clone();
                                    frame.push(v);
                                }
                            }
                            continue 'dispatch;
                        }
                        Opcode::STORE_FAST => {
                            // int over int: only the payload changes.
                            if let (Some(Value::Int(v)), Some(Value::Int(slot))) =
                                (frame.stack.last(), frame.locals.get_mut(arg))
                            {
                                *slot = *v;
                                frame.forget_unboxed(1);
                                continue 'dispatch;
                            }
                            let v = frame.pop();
                            std::mem::replace(&mut frame.locals[arg], v).release();
                            continue 'dispatch;
                        }
                        Opcode::LOAD_CONST => {
                            let v = frame.code.consts[arg].clone();
                            frame.stack.push(v);
                            continue 'dispatch;
                        }
                        Opcode::POP_TOP => {
                            if let Some(v) = frame.stack.pop() {
                                v.release();
                            }
                            continue 'dispatch;
                        }
                        Opcode::ROT_TWO => {
                            let n = frame.stack.len();
                            frame.stack.swap(n - 1, n - 2);
                            continue 'dispatch;
                        }
                        Opcode::ROT_THREE => {
                            let v = frame.pop();
                            let n = frame.stack.len();
                            frame.stack.insert(n - 2, v);
                            continue 'dispatch;
                        }
                        Opcode::DUP_TOP_TWO => {
                            let n = frame.stack.len();
                            frame.stack.extend_from_within(n - 2..);
                            continue 'dispatch;
                        }
                        Opcode::UNPACK_SEQUENCE => {
                            // A tuple or list of the right length (`for a, b in
                            // pairs`); the rest, and the errors, take the general path.
                            let seq = frame.pop();
                            match &seq {
                                Value::Tuple(t) if t.0.len() == arg => {
                                    frame.stack.extend(t.0.iter().rev().cloned());
                                }
                                Value::List(l) if l.len() == arg => {
                                    frame.stack.extend(l.items.borrow().iter().rev().cloned());
                                }
                                _ => {
                                    frame.push(seq);
                                    tri!('op, self.slow_op(&mut frame, instr));
                                }
                            }
                            continue 'dispatch;
                        }
                        Opcode::DUP_TOP => {
                            let v = frame.top().clone();
                            frame.push(v);
                            continue 'dispatch;
                        }
                        Opcode::UNARY_POSITIVE
                        | Opcode::UNARY_NEGATIVE
                        | Opcode::UNARY_NOT
                        | Opcode::UNARY_INVERT => {
                            let v = frame.pop();
                            let r = tri!('op, self.unary_op(&v, instr.op));
                            frame.push(r);
                            continue 'dispatch;
                        }
                        Opcode::BINARY_OP => {
                            if let Some((x, y)) = frame.top_two_ints() {
                                if let Some(r) = int_binary_op(*x, y, instr.arg % 13) {
                                    *x = r;
                                    frame.forget_unboxed(1);
                                    continue 'dispatch;
                                }
                            }
                            if let [.., a, b] = frame.stack.as_slice() {
                                if let Some(r) = float_binary_op(a, b, instr.arg % 13) {
                                    frame.forget_unboxed(2);
                                    frame.push(Value::float(r));
                                    continue 'dispatch;
                                }
                            }
                            let b = frame.pop();
                            let a = frame.pop();
                            let (op, inplace) = BinOp::from_arg(instr.arg);
                            let r = tri!('op, self.binary_op(&a, &b, op, inplace));
                            frame.push(r);
                            continue 'dispatch;
                        }
                        Opcode::COMPARE_OP => {
                            let unboxed = match frame.stack.as_slice() {
                                [.., Value::Int(x), Value::Int(y)] => {
                                    Some(compare_unboxed(x, y, instr.arg))
                                }
                                [.., Value::Float(x), Value::Float(y)] => {
                                    Some(compare_unboxed(&x.get(), &y.get(), instr.arg))
                                }
                                _ => None,
                            };
                            if let Some(t) = unboxed {
                                frame.forget_unboxed(2);
                                // A conditional jump right after takes the result
                                // directly (not while tracing: each instruction shows).
                                if ip + 1 < n_instrs && !attention.get() {
                                    // SAFETY: `ip + 1 < n_instrs`; see the fetch above.
                                    let next = unsafe { *instrs.add(ip + 1) };
                                    let jump_if = match next.op {
                                        Opcode::POP_JUMP_IF_FALSE => Some(false),
                                        Opcode::POP_JUMP_IF_TRUE => Some(true),
                                        _ => None,
                                    };
                                    if let Some(jump_if) = jump_if {
                                        frame.ip = if t == jump_if {
                                            next.arg as usize
                                        } else {
                                            ip + 2
                                        };
                                        continue 'dispatch;
                                    }
                                }
                                frame.push(Value::from_bool(t));
                                continue 'dispatch;
                            }
                            let b = frame.pop();
                            let a = frame.pop();
                            let r = tri!('op, self.compare(&a, &b, CmpOp::from_arg(instr.arg)));
                            frame.push(r);
                            continue 'dispatch;
                        }
                        Opcode::IS_OP => {
                            let b = frame.pop();
                            let a = frame.pop();
                            frame.push(Value::from_bool(a.is(&b) != (arg == 1)));
                            continue 'dispatch;
                        }
                        Opcode::BINARY_SUBSCR => {
                            let key = frame.pop();
                            let obj = frame.pop();
                            let r = tri!('op, self.get_item(&obj, &key));
                            frame.push(r);
                            continue 'dispatch;
                        }
                        Opcode::STORE_SUBSCR => {
                            let key = frame.pop();
                            let obj = frame.pop();
                            let v = frame.pop();
                            tri!('op, self.set_item(&obj, &key, v));
                            continue 'dispatch;
                        }
                        Opcode::LOAD_GLOBAL => {
                            let name = &frame.code.names[arg];
                            let site = &frame.code.global_sites[arg];
                            let v = match site.load(&frame.globals, &self.builtins, name) {
                                Some(v) => v,
                                None => break 'op self.name_error(name.as_str()),
                            };
                            frame.push(v);
                            continue 'dispatch;
                        }
                        Opcode::LOAD_NAME => {
                            let name = &frame.code.names[arg];
                            let local = frame.names.as_ref().and_then(|ns| ns.get_name(name));
                            let v = match local {
                                Some(v) => v,
                                None => match frame
                                    .globals
                                    .get_name(name)
                                    .or_else(|| self.builtins.get_name(name))
                                {
                                    Some(v) => v,
                                    None => break 'op self.name_error(name.as_str()),
                                },
                            };
                            frame.push(v);
                            continue 'dispatch;
                        }
                        Opcode::STORE_NAME => {
                            let v = frame.pop();
                            let ns = frame.names.as_ref().unwrap_or(&frame.globals);
                            if let Some(old) = ns.set_name(&frame.code.names[arg], v) {
                                old.release();
                            }
                            continue 'dispatch;
                        }
                        Opcode::LOAD_CLOSURE => {
                            let c = frame.cells[arg].clone();
                            frame.push(Value::Cell(c));
                            continue 'dispatch;
                        }
                        Opcode::LOAD_DEREF => {
                            let v = frame.cells[arg].get();
                            if let Value::Undef = v {
                                break 'op self.unbound_deref(&frame, arg);
                            }
                            frame.push(v);
                            continue 'dispatch;
                        }
                        Opcode::STORE_DEREF => {
                            let v = frame.pop();
                            frame.cells[arg].set(v);
                            continue 'dispatch;
                        }
                        Opcode::LOAD_ATTR => {
                            let obj = frame.pop();
                            let r = tri!('op, self.load_attr_cached(&frame.code.attr_sites[arg], &obj, &frame.code.names[arg]));
                            frame.push(r);
                            continue 'dispatch;
                        }
                        Opcode::STORE_ATTR => {
                            let obj = frame.pop();
                            let v = frame.pop();
                            tri!('op, self.store_attr_cached(&frame.code.attr_sites[arg], &obj, &frame.code.names[arg], v));
                            continue 'dispatch;
                        }
                        Opcode::LOAD_METHOD => {
                            let obj = frame.pop();
                            let (m, this) = tri!('op, self.load_method_cached(&frame.code.attr_sites[arg], &obj, &frame.code.names[arg]));
                            frame.push(m);
                            frame.push(this.unwrap_or(Value::Undef));
                            continue 'dispatch;
                        }
                        Opcode::CALL_METHOD => {
                            let n = frame.stack.len();
                            let meth_idx = n - arg - 2;
                            let has_self = !matches!(frame.stack[meth_idx + 1], Value::Undef);
                            let args_start = if has_self { meth_idx + 1 } else { meth_idx + 2 };
                            if let Value::Function(f) = &frame.stack[meth_idx] {
                                if f.code.simple_args
                                    && f.code.co.argcount as usize == frame.stack.len() - args_start
                                {
                                    let f = f.clone();
                                    let new = call_frame!(f, args_start);
                                    frame.stack.truncate(meth_idx);
                                    tri!('op, self.push_frame(&mut frame, &mut callers, new));
                                    load_code!();
                                    continue 'dispatch;
                                }
                                if !f.code.co.is_resumable() {
                                    let f = f.clone();
                                    let new = tri!('op, self.make_frame(&f, Args::new(&frame.stack[args_start..])));
                                    frame.stack.truncate(meth_idx);
                                    tri!('op, self.push_frame(&mut frame, &mut callers, new));
                                    load_code!();
                                    continue 'dispatch;
                                }
                            }
                            if arg == 1 && has_self {
                                if let Some(entered) =
                                    self.enter_generator_send(&frame.stack[meth_idx..])
                                {
                                    frame.stack.truncate(meth_idx);
                                    tri!('op, self.push_frame(&mut frame, &mut callers, entered));
                                    load_code!();
                                    continue 'dispatch;
                                }
                            }
                            let r = tri!('op, self.call_in_frame(&frame, meth_idx, Args::new(&frame.stack[args_start..])));
                            frame.stack.truncate(meth_idx);
                            frame.push(r);
                            continue 'dispatch;
                        }
                        Opcode::CALL_FUNCTION => {
                            let n = frame.stack.len();
                            let func_idx = n - arg - 1;
                            if let Value::Class(cls) = &frame.stack[func_idx] {
                                match self.call_plan(cls) {
                                    CallPlan::Init(init)
                                        if init.code.simple_args
                                            && init.code.co.argcount as usize == arg + 1 =>
                                    {
                                        // `Cls(args)` with object's `__new__` and a Python `__init__`
                                        // taking the arguments as they are: the instance is made here and
                                        // `__init__` runs as a frame of this loop. The instance takes the
                                        // class's place on the stack, as `self`.
                                        let inst = Value::Instance(crate::objects::gc::new(
                                            Instance::new(cls.clone()),
                                        ));
                                        frame.stack[func_idx] = inst.clone();
                                        let mut new = call_frame!(init, func_idx);
                                        new.callee = Callee::Init(inst);
                                        tri!('op, self.push_frame(&mut frame, &mut callers, new));
                                        load_code!();
                                        continue 'dispatch;
                                    }
                                    CallPlan::Bare if arg == 0 => {
                                        // `Cls()` with object's `__new__` and `__init__`.
                                        let inst = Value::Instance(crate::objects::gc::new(
                                            Instance::new(cls.clone()),
                                        ));
                                        frame.stack[func_idx] = inst;
                                        continue 'dispatch;
                                    }
                                    _ => {}
                                }
                            }
                            if let Value::Function(f) = &frame.stack[func_idx] {
                                if f.code.simple_args && f.code.co.argcount as usize == arg {
                                    // The common call: arguments move from the caller's stack into the callee's locals.
                                    let f = f.clone();
                                    let new = call_frame!(f, func_idx + 1);
                                    frame.stack.pop();
                                    tri!('op, self.push_frame(&mut frame, &mut callers, new));
                                    load_code!();
                                    continue 'dispatch;
                                }
                                if !f.code.co.is_resumable() {
                                    let f = f.clone();
                                    let new = tri!('op, self.make_frame(&f, Args::new(&frame.stack[func_idx + 1..])));
                                    frame.stack.truncate(func_idx);
                                    tri!('op, self.push_frame(&mut frame, &mut callers, new));
                                    load_code!();
                                    continue 'dispatch;
                                }
                            }
                            let r = tri!('op, self.call_in_frame(&frame, func_idx, Args::new(&frame.stack[func_idx + 1..])));
                            frame.stack.truncate(func_idx);
                            frame.push(r);
                            continue 'dispatch;
                        }
                        Opcode::RETURN_VALUE => {
                            let mut v = frame.pop();
                            match callers.pop() {
                                Some(caller) => {
                                    let callee = return_to!(caller);
                                    match callee {
                                        Callee::Call => {}
                                        Callee::Generator(g) => {
                                            // The generator is exhausted: the FOR_ITER that entered it ends its loop.
                                            self.leave_generator(&g, None);
                                            if attention.get() {
                                                self.trace_stop_iteration(&frame, &v, false);
                                            }
                                            v.release();
                                            frame.stack.pop();
                                            frame.ip = frame.code.co.instructions[frame.ip - 1].arg
                                                as usize;
                                            continue 'dispatch;
                                        }
                                        Callee::YieldFrom(g) => {
                                            // The value of the `yield from`, in place of the delegate.
                                            self.leave_generator(&g, None);
                                            if attention.get() {
                                                let coroutine = g.kind == GenKind::Coroutine;
                                                self.trace_stop_iteration(&frame, &v, coroutine);
                                            }
                                            frame.stack.pop();
                                        }
                                        Callee::Send(g) => {
                                            // `send` raises StopIteration with the value, in the caller.
                                            self.leave_generator(&g, None);
                                            let err = self.stop_iteration(v);
                                            pending = Some(self.note_raise(
                                                err,
                                                &frame,
                                                frame.ip - 1,
                                                true,
                                            ));
                                            continue 'unwind;
                                        }
                                        Callee::Init(inst) => {
                                            if !v.is_none() {
                                                // Raised by the class call, in the caller.
                                                let err = self.init_returned_non_none(&v);
                                                pending = Some(self.note_raise(
                                                    err,
                                                    &frame,
                                                    frame.ip - 1,
                                                    true,
                                                ));
                                                continue 'unwind;
                                            }
                                            v = inst;
                                        }
                                    }
                                    frame.push(v);
                                    continue 'dispatch;
                                }
                                None => return (frame, Ok(FrameExit::Return(v))),
                            }
                        }
                        Opcode::BUILD_TUPLE => {
                            let items = frame.stack.split_off(frame.stack.len() - arg);
                            frame.push(Value::tuple(items));
                            continue 'dispatch;
                        }
                        Opcode::BUILD_LIST => {
                            let items = frame.stack.split_off(frame.stack.len() - arg);
                            frame.push(Value::list(items));
                            continue 'dispatch;
                        }
                        Opcode::LIST_APPEND => {
                            let v = frame.pop();
                            if let Value::List(l) = frame.peek(arg - 1) {
                                l.push(v);
                            }
                            continue 'dispatch;
                        }
                        Opcode::JUMP_FORWARD => {
                            frame.ip = arg;
                            continue 'dispatch;
                        }
                        Opcode::JUMP_ABSOLUTE => {
                            frame.ip = arg;
                            // A signal arrived (Ctrl-C among them): its handler runs
                            // here, between two instructions, as in CPython.
                            if self.interrupt.load(std::sync::atomic::Ordering::Relaxed) {
                                if let Err(e) = crate::stdlib::signal::run_handlers(self) {
                                    break 'op e;
                                }
                            }
                            continue 'dispatch;
                        }
                        Opcode::POP_JUMP_IF_FALSE | Opcode::POP_JUMP_IF_TRUE => {
                            let t = match frame.stack.last() {
                                Some(Value::Bool(b)) => {
                                    let b = b.get();
                                    frame.forget_unboxed(1);
                                    b
                                }
                                _ => {
                                    let v = frame.pop();
                                    tri!('op, self.truthy(&v))
                                }
                            };
                            if t == (instr.op == Opcode::POP_JUMP_IF_TRUE) {
                                frame.ip = arg;
                            }
                            continue 'dispatch;
                        }
                        Opcode::JUMP_IF_FALSE_OR_POP | Opcode::JUMP_IF_TRUE_OR_POP => {
                            let t = tri!('op, self.truthy(frame.top()));
                            if t == (instr.op == Opcode::JUMP_IF_TRUE_OR_POP) {
                                frame.ip = arg;
                            } else {
                                frame.stack.pop();
                            }
                            continue 'dispatch;
                        }
                        Opcode::GET_ITER => {
                            let v = frame.pop();
                            let it = tri!('op, self.iter(&v));
                            frame.push(it);
                            continue 'dispatch;
                        }
                        Opcode::FOR_ITER => {
                            let in_range = match frame.top() {
                                Value::Iter(it) => it.range_next(),
                                _ => None,
                            };
                            match in_range {
                                Some(Some(i)) => {
                                    frame.push(Value::Int(i));
                                    continue 'dispatch;
                                }
                                Some(None) => {
                                    frame.stack.pop();
                                    frame.ip = arg;
                                    continue 'dispatch;
                                }
                                None => {}
                            }
                            let next = match frame.top() {
                                Value::Iter(it) => {
                                    let it = it.clone();
                                    tri!('op, it.next(self))
                                }
                                Value::Generator(g) => {
                                    let g = g.clone();
                                    if let Some(entered) = self.enter_generator(&g) {
                                        tri!('op, self.push_frame(&mut frame, &mut callers, entered));
                                        load_code!();
                                        continue 'dispatch;
                                    }
                                    match tri!('op, self.resume_generator(&g, Value::None)) {
                                        Resumed::Yield(v) => Some(v),
                                        Resumed::Return(v) => {
                                            if attention.get() {
                                                self.trace_stop_iteration(&frame, &v, false);
                                            }
                                            None
                                        }
                                    }
                                }
                                other => {
                                    let other = other.clone();
                                    tri!('op, self.next(&other))
                                }
                            };
                            match next {
                                Some(v) => frame.push(v),
                                None => {
                                    frame.stack.pop();
                                    frame.ip = arg;
                                }
                            }
                            continue 'dispatch;
                        }
                        Opcode::SETUP_FINALLY => {
                            frame.blocks.push(Block {
                                kind: BlockKind::Finally,
                                handler: instr.arg,
                                level: frame.stack.len() as u32,
                            });
                            continue 'dispatch;
                        }
                        Opcode::POP_BLOCK => {
                            frame.blocks.pop();
                            continue 'dispatch;
                        }
                        Opcode::POP_EXCEPT => {
                            if let Some(b) = frame.blocks.pop() {
                                debug_assert_eq!(b.kind, BlockKind::ExceptHandler);
                            }
                            let prev = frame.pop();
                            self.set_handled(prev);
                            continue 'dispatch;
                        }
                        Opcode::RERAISE => {
                            let exc = frame.pop();
                            match exc {
                                Value::Instance(i) if i.is_exception() => {
                                    pending = Some(PyErr(i));
                                    continue 'unwind;
                                }
                                _ => break 'op self.runtime_error("RERAISE of a non-exception"),
                            }
                        }
                        Opcode::YIELD_VALUE => {
                            let v = frame.pop();
                            let Some(v) = yield_to_for_iter!(v) else {
                                continue 'dispatch;
                            };
                            return (frame, Ok(FrameExit::Yield(v)));
                        }
                        Opcode::YIELD_FROM => {
                            if let Some(entered) = self.enter_delegate(&frame.stack) {
                                // The sent value now sits on the delegate's stack.
                                frame.pop().release();
                                tri!('op, self.push_frame(&mut frame, &mut callers, entered));
                                load_code!();
                                continue 'dispatch;
                            }
                            let v = frame.pop();
                            let resumed = match frame.top() {
                                // The common delegate, resumed without going through `send`.
                                Value::Generator(g) => {
                                    let g = g.clone();
                                    self.resume_generator(&g, v)
                                }
                                other => {
                                    let delegate = other.clone();
                                    self.send(&delegate, v)
                                }
                            };
                            match resumed {
                                Ok(Resumed::Yield(y)) => {
                                    frame.ip = ip;
                                    let Some(y) = yield_to_for_iter!(y) else {
                                        continue 'dispatch;
                                    };
                                    return (frame, Ok(FrameExit::Yield(y)));
                                }
                                Ok(Resumed::Return(r)) => {
                                    if attention.get() {
                                        if let Value::Generator(g) = frame.top() {
                                            let coroutine = g.kind == GenKind::Coroutine;
                                            self.trace_stop_iteration(&frame, &r, coroutine);
                                        }
                                    }
                                    frame.stack.pop();
                                    frame.push(r);
                                    continue 'dispatch;
                                }
                                Err(e) => break 'op e,
                            }
                        }
                        Opcode::END_ASYNC_FOR => {
                            let exc = frame.pop();
                            if let Value::Instance(i) = &exc {
                                if i.class.is_subclass(&self.exc.stop_async_iteration) {
                                    frame.blocks.pop();
                                    let prev = frame.pop();
                                    self.set_handled(prev);
                                    frame.stack.pop();
                                    continue 'dispatch;
                                }
                                pending = Some(PyErr(i.clone()));
                                continue 'unwind;
                            }
                            break 'op self.runtime_error("END_ASYNC_FOR without an exception");
                        }
                        // Listed rather than `_`: an exhaustive match lets the
                        // jump table skip its range check.
                        Opcode::ROT_FOUR
                        | Opcode::DELETE_SUBSCR
                        | Opcode::CONTAINS_OP
                        | Opcode::DELETE_NAME
                        | Opcode::STORE_GLOBAL
                        | Opcode::DELETE_GLOBAL
                        | Opcode::DELETE_FAST
                        | Opcode::LOAD_CLASSDEREF
                        | Opcode::DELETE_DEREF
                        | Opcode::DELETE_ATTR
                        | Opcode::CALL_FUNCTION_KW
                        | Opcode::CALL_FUNCTION_EX
                        | Opcode::MAKE_FUNCTION
                        | Opcode::LOAD_BUILD_CLASS
                        | Opcode::BUILD_SET
                        | Opcode::BUILD_MAP
                        | Opcode::BUILD_CONST_KEY_MAP
                        | Opcode::BUILD_STRING
                        | Opcode::BUILD_SLICE
                        | Opcode::SET_ADD
                        | Opcode::MAP_ADD
                        | Opcode::LIST_EXTEND
                        | Opcode::SET_UPDATE
                        | Opcode::DICT_UPDATE
                        | Opcode::DICT_MERGE
                        | Opcode::LIST_TO_TUPLE
                        | Opcode::FORMAT_VALUE
                        | Opcode::UNPACK_EX
                        | Opcode::RAISE_VARARGS
                        | Opcode::JUMP_IF_NOT_EXC_MATCH
                        | Opcode::CHECK_EG_MATCH
                        | Opcode::PREP_RERAISE_STAR
                        | Opcode::LOAD_ASSERTION_ERROR
                        | Opcode::SETUP_WITH
                        | Opcode::WITH_EXCEPT_START
                        | Opcode::GET_YIELD_FROM_ITER
                        | Opcode::GET_AWAITABLE
                        | Opcode::GET_AITER
                        | Opcode::GET_ANEXT
                        | Opcode::BEFORE_ASYNC_WITH
                        | Opcode::SETUP_ASYNC_WITH
                        | Opcode::ASYNC_GEN_WRAP
                        | Opcode::IMPORT_NAME
                        | Opcode::IMPORT_FROM
                        | Opcode::IMPORT_STAR
                        | Opcode::SETUP_ANNOTATIONS
                        | Opcode::PRINT_EXPR
                        | Opcode::ROT_N
                        | Opcode::GET_LEN
                        | Opcode::MATCH_MAPPING
                        | Opcode::MATCH_SEQUENCE
                        | Opcode::MATCH_KEYS
                        | Opcode::COPY_DICT_WITHOUT_KEYS
                        | Opcode::MATCH_CLASS => {
                            tri!('op, self.slow_op(&mut frame, instr));
                            continue 'dispatch;
                        }
                    }
                };
                // The instruction at `ip` raised `err`.
                pending = Some(self.note_raise(err, &frame, ip, true));
                continue 'unwind;
            }
        }
    }

    /// Work between instructions that the dispatch loop does only when
    /// `warn_pending` is raised: reporting dropped coroutines, disassembling
    /// (`TOWEL_TRACE`) and calling trace functions (`sys.settrace`). An
    /// error is one a trace function raised, to raise at the instruction.
    #[cold]
    #[inline(never)]
    fn attend(&self, frame: &mut Frame, ip: usize) -> Option<PyErr> {
        self.attend_pending(Some(frame));
        // Another thread is waiting for its turn (the switch interval passed).
        if towel_runtime::green::take_switch_request() {
            crate::stdlib::thread::give_way(self);
        }
        if self.trace {
            self.flush_stdout();
            eprintln!("{}", crate::stdlib::dis::trace_line(frame, ip));
        }
        if self.tracing.is_active() {
            return self.trace_instruction(frame, ip);
        }
        None
    }

    /// The less frequent instructions, out of line so that the hot loop keeps
    /// its working set in registers.
    #[inline(never)]
    fn slow_op(&self, frame: &mut Frame, instr: crate::bytecode::Instr) -> PyResult<()> {
        let arg = instr.arg as usize;
        match instr.op {
            Opcode::DELETE_FAST => {
                if let Value::Undef = frame.locals[arg] {
                    let name = frame.code.varnames[arg].clone();
                    return Err(self.new_error(&self.exc.unbound_local_error, format!("cannot access local variable '{name}' where it is not associated with a value")));
                }
                frame.locals[arg] = Value::Undef;
                Ok(())
            }
            Opcode::DICT_UPDATE | Opcode::DICT_MERGE => {
                let m = frame.pop();
                let target = frame.peek(arg - 1).clone();
                let Value::Dict(target) = target else {
                    return Ok(());
                };
                let items = match &m {
                    Value::Dict(d) => d.items(),
                    other => {
                        let keys = match self.call_method(other, "keys", &[]) {
                            Ok(k) => self.to_vec(&k)?,
                            Err(_) => {
                                let msg = if instr.op == Opcode::DICT_MERGE {
                                    let fname = self.repr_callable_name(frame.peek(arg + 1));
                                    format!(
                                        "{fname} argument after ** must be a mapping, not {}",
                                        self.type_name(other)
                                    )
                                } else {
                                    format!("'{}' object is not a mapping", self.type_name(other))
                                };
                                return Err(self.type_error(msg));
                            }
                        };
                        let mut items = Vec::new();
                        for k in keys {
                            let v = self.get_item(other, &k)?;
                            items.push((k, v));
                        }
                        items
                    }
                };
                for (k, v) in items {
                    if instr.op == Opcode::DICT_MERGE && target.contains(self, &k)? {
                        let fname = self.repr_callable_name(frame.peek(arg + 1));
                        return Err(self.type_error(format!(
                            "{fname} got multiple values for keyword argument '{}'",
                            k.as_str().unwrap_or("")
                        )));
                    }
                    target.set(self, k, v)?;
                }
                Ok(())
            }
            Opcode::ROT_FOUR => {
                let v = frame.pop();
                let n = frame.stack.len();
                frame.stack.insert(n - 3, v);
                Ok(())
            }
            Opcode::CONTAINS_OP => {
                let b = frame.pop();
                let a = frame.pop();
                let r = (self.contains(&b, &a))?;
                frame.push(Value::from_bool(r != (arg == 1)));
                Ok(())
            }
            Opcode::DELETE_SUBSCR => {
                let key = frame.pop();
                let obj = frame.pop();
                (self.del_item(&obj, &key))?;
                Ok(())
            }
            Opcode::STORE_GLOBAL => {
                let v = frame.pop();
                drop(frame.globals.set_name(&frame.code.names[arg], v));
                Ok(())
            }
            Opcode::DELETE_GLOBAL => {
                let name = &frame.code.names[arg];
                if frame.globals.del_name(name).is_none() {
                    return Err(self.name_error(name.as_str()));
                }
                Ok(())
            }
            Opcode::DELETE_NAME => {
                let name = &frame.code.names[arg];
                let ns = frame.names.as_ref().unwrap_or(&frame.globals);
                if ns.del_name(name).is_none() {
                    return Err(self.name_error(name.as_str()));
                }
                Ok(())
            }
            Opcode::LOAD_CLASSDEREF => {
                let name = frame.code.cell_names[arg].clone();
                let local = frame.names.as_ref().and_then(|ns| ns.get_name(&name));
                let v = match local {
                    Some(v) => v,
                    None => frame.cells[arg].get(),
                };
                if let Value::Undef = v {
                    return Err(self.unbound_deref(frame, arg));
                }
                frame.push(v);
                Ok(())
            }
            Opcode::DELETE_DEREF => {
                if let Value::Undef = frame.cells[arg].get() {
                    return Err(self.unbound_deref(frame, arg));
                }
                frame.cells[arg].set(Value::Undef);
                Ok(())
            }
            Opcode::DELETE_ATTR => {
                let obj = frame.pop();
                (self.del_attr(&obj, &frame.code.names[arg]))?;
                Ok(())
            }
            Opcode::CALL_FUNCTION_KW => {
                let names = frame.pop();
                let Value::Tuple(names) = names else {
                    return Err(self.runtime_error("CALL_FUNCTION_KW without names"));
                };
                let n = frame.stack.len();
                let func_idx = n - arg - 1;
                let k = names.0.len();
                let all = &frame.stack[func_idx + 1..];
                let args = Args::with_kw(&all[..arg - k], &names.0, &all[arg - k..]);
                let r = (self.call_in_frame(frame, func_idx, args))?;
                frame.stack.truncate(func_idx);
                frame.push(r);
                Ok(())
            }
            Opcode::CALL_FUNCTION_EX => {
                let kwargs = if arg & 1 != 0 {
                    Some(frame.pop())
                } else {
                    None
                };
                let pos = frame.pop();
                let func = frame.pop();
                let pos = match pos {
                    Value::Tuple(t) => t.0.clone(),
                    other => match self.to_vec(&other) {
                        Ok(v) => v,
                        Err(e)
                            if self.err_is(&e, &self.exc.type_error)
                                && self.iter(&other).is_err() =>
                        {
                            return Err(self.type_error(format!(
                                "{} argument after * must be an iterable, not {}",
                                self.repr_callable_name(&func),
                                self.type_name(&other)
                            )));
                        }
                        Err(e) => return Err(e),
                    },
                };
                let (mut names, mut values) = (Vec::new(), Vec::new());
                if let Some(kw) = kwargs {
                    let Value::Dict(d) = kw else {
                        return Err(self.type_error("argument after ** must be a mapping"));
                    };
                    for (k, v) in d.items() {
                        if !matches!(k, Value::Str(_)) {
                            return Err(self.type_error("keywords must be strings"));
                        }
                        names.push(k);
                        values.push(v);
                    }
                }
                let r = if reads_caller_frame(&func) && pos.is_empty() {
                    (self.call_frame_builtin(frame, &func))?
                } else {
                    (self.call_args(&func, Args::with_kw(&pos, &names, &values)))?
                };
                frame.push(r);
                Ok(())
            }
            Opcode::MAKE_FUNCTION => {
                let f = (self.make_function(frame, instr.arg))?;
                frame.push(f);
                Ok(())
            }
            Opcode::LOAD_BUILD_CLASS => {
                let v = self
                    .builtins
                    .get_name(&Name::new("__build_class__"))
                    .unwrap_or_default();
                frame.push(v);
                Ok(())
            }
            Opcode::BUILD_SET => {
                let items = frame.stack.split_off(frame.stack.len() - arg);
                let set = PySet::new();
                for item in items {
                    (set.add(self, item))?;
                }
                frame.push(Value::Set(crate::objects::gc::new(set)));
                Ok(())
            }
            Opcode::BUILD_MAP => {
                let items = frame.stack.split_off(frame.stack.len() - 2 * arg);
                let dict = PyDict::new();
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    (dict.set(self, k, v))?;
                }
                frame.push(Value::Dict(crate::objects::gc::new(dict)));
                Ok(())
            }
            Opcode::BUILD_CONST_KEY_MAP => {
                let keys = frame.pop();
                let values = frame.stack.split_off(frame.stack.len() - arg);
                let dict = PyDict::new();
                if let Value::Tuple(keys) = keys {
                    for (k, v) in keys.0.iter().zip(values) {
                        (dict.set(self, k.clone(), v))?;
                    }
                }
                frame.push(Value::Dict(crate::objects::gc::new(dict)));
                Ok(())
            }
            Opcode::BUILD_STRING => {
                let start = frame.stack.len() - arg;
                let s = crate::objects::str::concat_values(&frame.stack[start..])
                    .ok_or_else(|| self.memory_error())?;
                frame.stack.truncate(start);
                frame.push(s);
                Ok(())
            }
            Opcode::BUILD_SLICE => {
                let step = if arg == 3 { frame.pop() } else { Value::None };
                let stop = frame.pop();
                let start = frame.pop();
                frame.push(Value::Slice(Rc::new(Slice { start, stop, step })));
                Ok(())
            }
            Opcode::SET_ADD => {
                let v = frame.pop();
                if let Value::Set(s) = frame.peek(arg - 1).clone() {
                    (s.add(self, v))?;
                }
                Ok(())
            }
            Opcode::MAP_ADD => {
                let v = frame.pop();
                let k = frame.pop();
                if let Value::Dict(d) = frame.peek(arg - 1).clone() {
                    (d.set(self, k, v))?;
                }
                Ok(())
            }
            Opcode::LIST_EXTEND => {
                let it = frame.pop();
                let items = match self.to_vec(&it) {
                    Ok(items) => items,
                    Err(e)
                        if self.err_is(&e, &self.exc.type_error)
                            && !matches!(it, Value::Instance(_)) =>
                    {
                        return Err(self.type_error(format!(
                            "Value after * must be an iterable, not {}",
                            self.type_name(&it)
                        )));
                    }
                    Err(e) => return Err(e),
                };
                if let Value::List(l) = frame.peek(arg - 1) {
                    l.items.borrow_mut().extend(items);
                }
                Ok(())
            }
            Opcode::SET_UPDATE => {
                let it = frame.pop();
                if let Value::Set(s) = frame.peek(arg - 1).clone() {
                    crate::builtins::set::update_internal(self, &s, &it)?;
                }
                Ok(())
            }
            Opcode::LIST_TO_TUPLE => {
                let l = frame.pop();
                let items = match l {
                    Value::List(l) => l.snapshot(),
                    _ => Vec::new(),
                };
                frame.push(Value::tuple(items));
                Ok(())
            }
            Opcode::FORMAT_VALUE => {
                let spec = if arg & 4 != 0 {
                    Some(frame.pop())
                } else {
                    None
                };
                let v = frame.pop();
                let v = match arg & 3 {
                    1 => (self.str_value(&v))?,
                    2 => Value::string((self.repr(&v))?),
                    3 => Value::string(crate::objects::str::ascii_str(&(self.repr(&v))?)),
                    _ => v,
                };
                let spec = spec.as_ref().and_then(|s| s.as_str()).unwrap_or("");
                frame.push(self.format_value(&v, spec)?);
                Ok(())
            }
            Opcode::UNPACK_SEQUENCE => {
                let seq = frame.pop();
                let items = match &seq {
                    Value::Tuple(t) => t.0.clone(),
                    Value::List(l) => l.snapshot(),
                    other => match self.to_vec(other) {
                        Ok(v) => v,
                        Err(e) => {
                            if self.err_is(&e, &self.exc.type_error)
                                && matches!(
                                    other,
                                    Value::Int(_)
                                        | Value::Float(_)
                                        | Value::None
                                        | Value::Bool(_)
                                        | Value::BigInt(_)
                                )
                            {
                                return Err(self.type_error(format!(
                                    "cannot unpack non-iterable {} object",
                                    self.type_name(other)
                                )));
                            }
                            return Err(e);
                        }
                    },
                };
                if items.len() != arg {
                    if items.len() > arg {
                        return Err(
                            self.value_error(format!("too many values to unpack (expected {arg})"))
                        );
                    }
                    return Err(self.value_error(format!(
                        "not enough values to unpack (expected {arg}, got {})",
                        items.len()
                    )));
                }
                frame.stack.extend(items.into_iter().rev());
                Ok(())
            }
            Opcode::UNPACK_EX => {
                let before = arg & 0xff;
                let after = arg >> 8;
                let seq = frame.pop();
                let items = match self.to_vec(&seq) {
                    Ok(v) => v,
                    Err(e) if self.err_is(&e, &self.exc.type_error) => {
                        return Err(self.type_error(format!(
                            "cannot unpack non-iterable {} object",
                            self.type_name(&seq)
                        )))
                    }
                    Err(e) => return Err(e),
                };
                if items.len() < before + after {
                    return Err(self.value_error(format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        before + after,
                        items.len()
                    )));
                }
                let mid_end = items.len() - after;
                let mut out: Vec<Value> = Vec::with_capacity(before + after + 1);
                out.extend(items[..before].iter().cloned());
                out.push(Value::list(items[before..mid_end].to_vec()));
                out.extend(items[mid_end..].iter().cloned());
                frame.stack.extend(out.into_iter().rev());
                Ok(())
            }
            Opcode::RAISE_VARARGS => {
                // Either way an exception is raised: the one built, or the error building it.
                Err(self.do_raise(frame, arg).unwrap_or_else(|e| e))
            }
            Opcode::JUMP_IF_NOT_EXC_MATCH => {
                let spec = frame.pop();
                let exc = frame.top().clone();
                if !(self.exception_matches(&exc, &spec))? {
                    frame.ip = arg;
                }
                Ok(())
            }
            Opcode::CHECK_EG_MATCH => {
                let spec = frame.pop();
                let rest = frame.pop();
                let (m, r) = (self.eg_match(&rest, &spec))?;
                if !m.is_none() {
                    // The matched subgroup is what the clause handles (bare `raise`, `__context__`).
                    self.set_handled(m.clone());
                }
                frame.push(r);
                frame.push(m);
                Ok(())
            }
            Opcode::PREP_RERAISE_STAR => {
                let list = frame.pop();
                let orig = frame.pop();
                let r = (self.prep_reraise_star(&orig, &list))?;
                frame.push(r);
                Ok(())
            }
            Opcode::LOAD_ASSERTION_ERROR => {
                frame.push(Value::Class(self.exc.assertion_error.clone()));
                Ok(())
            }
            Opcode::SETUP_WITH => {
                let mgr = frame.pop();
                let (exit, res) = self.enter_context(&mgr, false)?;
                frame.push(exit);
                frame.blocks.push(Block {
                    kind: BlockKind::Finally,
                    handler: instr.arg,
                    level: frame.stack.len() as u32,
                });
                frame.push(res);
                Ok(())
            }
            Opcode::WITH_EXCEPT_START => {
                let exc = frame.peek(0).clone();
                let exit = frame.peek(2).clone();
                let typ = Value::Class(self.class_of(&exc));
                let tb = (self.get_attr_str(&exc, "__traceback__"))?;
                let r = (self.call(&exit, &[typ, exc, tb]))?;
                frame.push(r);
                Ok(())
            }
            Opcode::GET_YIELD_FROM_ITER => {
                let v = frame.top().clone();
                match &v {
                    Value::Generator(g) if g.kind == GenKind::Coroutine => {
                        let co_flags = frame.code.co.flags;
                        if co_flags & (flags::COROUTINE | flags::ITERABLE_COROUTINE) == 0
                            && !frame.iterable_coroutine
                        {
                            return Err(self.type_error("cannot 'yield from' a coroutine object in a non-coroutine generator"));
                        }
                    }
                    Value::Generator(_) => {}
                    _ => {
                        frame.stack.pop();
                        let it = (self.iter(&v))?;
                        frame.push(it);
                    }
                }
                Ok(())
            }
            Opcode::GET_AWAITABLE => {
                let v = frame.pop();
                let a = (self.get_awaitable(&v, arg))?;
                frame.push(a);
                Ok(())
            }
            Opcode::GET_AITER => {
                let v = frame.pop();
                let class = self.class_of(&v);
                let r = match class.lookup(&dunders().aiter) {
                    Some(m) => (self.call_bound(&m, &v, &[]))?,
                    None => {
                        return Err(self.type_error(format!(
                            "'async for' requires an object with __aiter__ method, got {}",
                            class.name
                        )))
                    }
                };
                if self.class_of(&r).lookup(&dunders().anext).is_none() {
                    return Err(self.type_error(format!("'async for' received an object from __aiter__ that does not implement __anext__: {}", self.type_name(&r))));
                }
                frame.push(r);
                Ok(())
            }
            Opcode::GET_ANEXT => {
                let ait = frame.top().clone();
                let class = self.class_of(&ait);
                let aw = match class.lookup(&dunders().anext) {
                    Some(m) => (self.call_bound(&m, &ait, &[]))?,
                    None => {
                        return Err(self.type_error(format!(
                            "'async for' requires an iterator with __anext__ method, got {}",
                            class.name
                        )))
                    }
                };
                let aw = match self.get_awaitable(&aw, 0) {
                    Ok(a) => a,
                    Err(_) => {
                        return Err(self.type_error(format!(
                            "'async for' received an invalid object from __anext__: {}",
                            self.type_name(&aw)
                        )))
                    }
                };
                frame.push(aw);
                Ok(())
            }
            Opcode::BEFORE_ASYNC_WITH => {
                let mgr = frame.pop();
                let (exit, res) = self.enter_context(&mgr, true)?;
                frame.push(exit);
                frame.push(res);
                Ok(())
            }
            Opcode::SETUP_ASYNC_WITH => {
                let res = frame.pop();
                frame.blocks.push(Block {
                    kind: BlockKind::Finally,
                    handler: instr.arg,
                    level: frame.stack.len() as u32,
                });
                frame.push(res);
                Ok(())
            }
            Opcode::ASYNC_GEN_WRAP => {
                let v = frame.pop();
                frame.push(crate::builtins::generator::wrap_async_gen_value(v));
                Ok(())
            }
            Opcode::IMPORT_NAME => {
                let fromlist = frame.pop();
                let level = frame.pop();
                let name = frame.code.names[arg].clone();
                let m = (self.import_name(name.as_str(), &fromlist, &level, &frame.globals))?;
                frame.push(m);
                Ok(())
            }
            Opcode::IMPORT_FROM => {
                let module = frame.top().clone();
                let v = (self.import_from(&module, &frame.code.names[arg]))?;
                frame.push(v);
                Ok(())
            }
            Opcode::IMPORT_STAR => {
                let module = frame.pop();
                let ns = frame.names.as_ref().unwrap_or(&frame.globals);
                (self.import_star(&module, ns))?;
                Ok(())
            }
            Opcode::SETUP_ANNOTATIONS => {
                let ns = frame.names.as_ref().unwrap_or(&frame.globals);
                let key = Name::new("__annotations__");
                if !ns.contains_name(&key) {
                    ns.set_name(&key, Value::Dict(crate::objects::gc::new(PyDict::new())));
                }
                Ok(())
            }
            Opcode::PRINT_EXPR => {
                let v = frame.pop();
                self.display_value(v)
            }
            Opcode::ROT_N => {
                self.op_rot_n(frame, arg);
                Ok(())
            }
            Opcode::GET_LEN => self.op_get_len(frame),
            Opcode::MATCH_SEQUENCE | Opcode::MATCH_MAPPING => {
                self.op_match_collection(frame, instr.op == Opcode::MATCH_SEQUENCE);
                Ok(())
            }
            Opcode::MATCH_KEYS => self.op_match_keys(frame),
            Opcode::COPY_DICT_WITHOUT_KEYS => self.op_copy_dict_without_keys(frame),
            Opcode::MATCH_CLASS => self.op_match_class(frame, arg),
            _ => Err(self.runtime_error(format!("unknown opcode {}", instr.op.name()))),
        }
    }

    /// Makes `new` the current frame, parking the caller.
    #[allow(clippy::vec_box)] // parked frames stay boxed: they move back without copying
    fn push_frame(
        &self,
        frame: &mut Box<Frame>,
        callers: &mut Vec<Box<Frame>>,
        new: Box<Frame>,
    ) -> PyResult<()> {
        let d = self.depth.get();
        if d >= self.recursion_limit.get() {
            self.recycle_frame(new);
            return Err(self.recursion_error());
        }
        self.depth.set(d + 1);
        new.back.set(&**frame);
        self.current_frame.set(&*new);
        let caller = std::mem::replace(frame, new);
        callers.push(caller);
        Ok(())
    }

    /// Calls the callable at `frame.stack[func_idx]`, giving natives what
    /// they need of the calling frame (their `CallerNeeds`).
    fn call_in_frame(&self, frame: &Frame, func_idx: usize, args: Args<'_>) -> PyResult<Value> {
        let func = &frame.stack[func_idx];
        if let Value::Builtin(b) = func {
            match b.caller {
                CallerNeeds::Nothing => {}
                CallerNeeds::FrameWhenNoArgs => {
                    if args.pos.is_empty() && args.kwnames.is_empty() && b.bound.is_none() {
                        return self.call_frame_builtin(frame, func);
                    }
                }
                CallerNeeds::CallSite => {
                    *self.call_site.borrow_mut() = Some((frame.code.clone(), frame.current_line()));
                }
                CallerNeeds::Namespaces => {
                    let has_globals = args.pos.len() >= 2 || args.kw("globals").is_some();
                    if !has_globals {
                        let locals = self.frame_locals(frame)?;
                        *self.caller_namespaces.borrow_mut() =
                            Some((frame.globals.clone(), locals));
                    }
                }
            }
        } else if let Value::BoundMethod(m) = func {
            // A native method called in its bound form (`obj.m(x, k=v)`
            // compiles to an attribute load and a keyword call).
            if matches!(&m.func, Value::Builtin(b) if b.caller == CallerNeeds::CallSite) {
                *self.call_site.borrow_mut() = Some((frame.code.clone(), frame.current_line()));
            }
        }
        self.call_args(func, args)
    }

    /// What `locals()` returns in `frame`: the namespace itself at module
    /// and class level, a new dict of the bound fast locals and cells in a
    /// function (a snapshot: writing to it changes no variable).
    pub fn frame_locals(&self, frame: &Frame) -> PyResult<Rc<PyDict>> {
        if let Some(ns) = &frame.names {
            return Ok(ns.clone());
        }
        let dict = PyDict::new();
        for (name, v) in frame.code.varnames.iter().zip(&frame.locals) {
            if !matches!(v, Value::Undef) {
                dict.set_name(name, v.clone());
            }
        }
        for (name, c) in frame.code.cell_names.iter().zip(&frame.cells) {
            let v = c.get();
            if !matches!(v, Value::Undef) {
                dict.set_name(name, v);
            }
        }
        Ok(crate::objects::gc::new(dict))
    }

    /// `super()`, `locals()`, `globals()`, `vars()`, `dir()` with no arguments.
    fn call_frame_builtin(&self, frame: &Frame, func: &Value) -> PyResult<Value> {
        let Value::Builtin(b) = func else {
            return self.call(func, &[]);
        };
        match b.name {
            "super" => {
                let class_idx = frame
                    .code
                    .cell_names
                    .iter()
                    .position(|n| n.as_str() == "__class__");
                let class = match class_idx.map(|i| frame.cells[i].get()) {
                    Some(Value::Class(c)) => c,
                    _ => return Err(self.runtime_error("super(): __class__ cell not found")),
                };
                if frame.code.co.argcount == 0 && frame.code.co.flags & flags::VARARGS == 0 {
                    return Err(self.runtime_error("super(): no arguments"));
                }
                let first = match frame.locals.first() {
                    Some(Value::Undef) | None => {
                        // The first argument may live in a cell.
                        let first_name = frame.code.varnames.first().cloned();
                        let cell = first_name
                            .and_then(|n| frame.code.cell_names.iter().position(|c| *c == n))
                            .map(|i| frame.cells[i].get());
                        match cell {
                            Some(v) if !matches!(v, Value::Undef) => v,
                            _ => return Err(self.runtime_error("super(): arg[0] deleted")),
                        }
                    }
                    Some(v) => v.clone(),
                };
                // `super(class, first)`, without the argument vector and class call.
                crate::builtins::descriptors::new_super(self, &class, &first)
            }
            "locals" | "vars" => Ok(Value::Dict(self.frame_locals(frame)?)),
            "globals" => Ok(Value::Dict(frame.globals.clone())),
            "dir" => {
                let mut names: Vec<String> = match &frame.names {
                    Some(ns) => ns
                        .key_names()
                        .iter()
                        .map(|k| k.as_str().to_string())
                        .collect(),
                    None => frame
                        .code
                        .varnames
                        .iter()
                        .zip(&frame.locals)
                        .filter(|(_, v)| !matches!(v, Value::Undef))
                        .map(|(n, _)| n.as_str().to_string())
                        .collect(),
                };
                names.sort();
                Ok(Value::list(names.into_iter().map(Value::string).collect()))
            }
            _ => self.call(func, &[]),
        }
    }

    fn unbound_deref(&self, frame: &Frame, i: usize) -> PyErr {
        let name = frame.code.cell_names[i].clone();
        if i < frame.code.co.cellvars.len() {
            self.new_error(
                &self.exc.unbound_local_error,
                format!(
                    "cannot access local variable '{name}' where it is not associated with a value"
                ),
            )
        } else {
            self.new_error(&self.exc.name_error, format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"))
        }
    }

    fn repr_callable_name(&self, f: &Value) -> String {
        match f {
            Value::Function(f) => format!("{}()", f.qualname.borrow()),
            Value::Builtin(b) => format!("{}()", b.name),
            Value::Class(c) => format!("{}()", c.name),
            other => format!("{}()", self.type_name(other)),
        }
    }

    /// Records that `err` was raised by instruction `at` of `frame`: adds the
    /// traceback entry and, for a fresh exception, chains the exception
    /// being handled. Returns the exception to raise: `err`, unless a trace
    /// function's 'exception' event raised another.
    fn note_raise(&self, err: PyErr, frame: &Frame, at: usize, fresh: bool) -> PyErr {
        let is_new = err.exc().traceback.is_none();
        // An exception made with its context already set (PEP 479's
        // RuntimeError, chained to the StopIteration) keeps it.
        if fresh && is_new && err.exc().context.is_none() {
            self.set_context(&err);
        }
        // A bare `raise` re-raises with the traceback the exception has: like
        // CPython, it adds no line of its own.
        let bare_raise = matches!(
            frame.code.co.instructions.get(at),
            Some(Instr {
                op: Opcode::RAISE_VARARGS,
                arg: 0
            })
        );
        if bare_raise && !is_new {
            return err;
        }
        self.add_traceback(&err, frame, at);
        if self.warn_pending.get() {
            return self.trace_exception(frame, err);
        }
        err
    }

    /// Sets `err.__context__` to the exception being handled (breaking cycles as CPython does).
    pub fn set_context(&self, err: &PyErr) {
        let Some(handled) = self.current_exception() else {
            return;
        };
        let exc = err.value();
        if handled.is(&exc) {
            return;
        }
        // Break a cycle: if `exc` already appears in the handled exception's context chain, cut it there.
        let mut cur = handled.clone();
        for _ in 0..1000 {
            let Value::Instance(i) = &cur else { break };
            if !i.is_exception() {
                break;
            }
            let next = i.exc_data().context.clone();
            match next {
                Some(n) if n.is(&exc) => {
                    i.exc_data().context = None;
                    break;
                }
                Some(n) if !n.is_none() => cur = n,
                _ => break,
            }
        }
        err.exc().context = Some(handled);
    }

    /// Makes `v` (an exception or None) the exception being handled in the current context.
    fn set_handled(&self, v: Value) {
        let mut stack = self.exc_stack.borrow_mut();
        if let Some(top) = stack.last_mut() {
            *top = if v.is_none() { None } else { Some(v) };
        }
    }

    /// Unwinds `frame`'s blocks to the innermost handler; Err if there is none.
    fn unwind(&self, frame: &mut Frame, err: PyErr) -> Result<(), PyErr> {
        while let Some(block) = frame.blocks.pop() {
            let level = block.level as usize;
            match block.kind {
                BlockKind::ExceptHandler => {
                    let prev = frame.stack.get(level).cloned().unwrap_or_default();
                    frame.stack.truncate(level);
                    self.set_handled(prev);
                }
                BlockKind::Finally => {
                    frame.stack.truncate(level);
                    frame.blocks.push(Block {
                        kind: BlockKind::ExceptHandler,
                        handler: 0,
                        level: frame.stack.len() as u32,
                    });
                    let prev = self
                        .exc_stack
                        .borrow()
                        .last()
                        .cloned()
                        .flatten()
                        .unwrap_or_default();
                    frame.push(prev);
                    let exc = err.value();
                    frame.push(exc.clone());
                    self.set_handled(exc);
                    frame.ip = block.handler as usize;
                    return Ok(());
                }
            }
        }
        Err(err)
    }

    /// `raise`, `raise exc`, `raise exc from cause`: returns the exception to raise.
    fn do_raise(&self, frame: &mut Frame, argc: usize) -> PyResult<PyErr> {
        if argc == 0 {
            return match self.current_exception() {
                Some(Value::Instance(i)) => Ok(PyErr(i)),
                _ => Err(self.runtime_error("No active exception to reraise")),
            };
        }
        let cause = if argc == 2 { Some(frame.pop()) } else { None };
        let exc = frame.pop();
        let err = self.make_exception(&exc, "exceptions must derive from BaseException")?;
        if let Some(cause) = cause {
            let cause = match cause {
                Value::None => Value::None,
                c => self
                    .make_exception(&c, "exception causes must derive from BaseException")?
                    .value(),
            };
            let mut d = err.exc();
            d.cause = Some(cause);
            d.suppress_context = true;
        }
        self.set_context(&err);
        Ok(err)
    }

    /// An exception instance from `raise X` where X is a class or an instance.
    pub fn make_exception(&self, v: &Value, msg: &str) -> PyResult<PyErr> {
        match v {
            Value::Instance(i) if i.is_exception() => Ok(PyErr(i.clone())),
            Value::Class(c) if c.is_subclass(&self.exc.base_exception) => {
                match self.call(v, &[])? {
                    Value::Instance(i) if i.is_exception() => Ok(PyErr(i)),
                    other => Err(self.type_error(format!(
                        "calling {} should have returned an instance of BaseException, not {}",
                        self.repr(v)?,
                        self.type_name(&other)
                    ))),
                }
            }
            _ => Err(self.type_error(msg.to_string())),
        }
    }

    /// Builds a function object for `MAKE_FUNCTION`.
    fn make_function(&self, frame: &mut Frame, fl: u32) -> PyResult<Value> {
        let qualname = frame.pop();
        let code = frame.pop();
        let closure = if fl & 8 != 0 {
            frame.pop()
        } else {
            Value::None
        };
        let annotations = if fl & 4 != 0 {
            frame.pop()
        } else {
            Value::None
        };
        let kwdefaults = if fl & 2 != 0 {
            frame.pop()
        } else {
            Value::None
        };
        let defaults = if fl & 1 != 0 {
            frame.pop()
        } else {
            Value::None
        };
        let Value::Code(code) = code else {
            return Err(self.runtime_error("MAKE_FUNCTION without a code object"));
        };
        let closure = match closure {
            Value::Tuple(t) => {
                t.0.iter()
                    .filter_map(|c| {
                        if let Value::Cell(c) = c {
                            Some(c.clone())
                        } else {
                            None
                        }
                    })
                    .collect()
            }
            _ => Vec::new(),
        };
        let defaults = match defaults {
            Value::Tuple(t) => t.0.clone(),
            _ => Vec::new(),
        };
        let kwdefaults = match kwdefaults {
            Value::Dict(d) => d
                .items()
                .into_iter()
                .map(|(k, v)| (Name::new(k.as_str().unwrap_or("")), v))
                .collect(),
            _ => Vec::new(),
        };
        let annotations = match annotations {
            Value::Tuple(t) => {
                let d = PyDict::new();
                for pair in t.0.chunks(2) {
                    if let [k, v] = pair {
                        d.set(self, k.clone(), v.clone())?;
                    }
                }
                Value::Dict(crate::objects::gc::new(d))
            }
            _ => Value::Dict(crate::objects::gc::new(PyDict::new())),
        };
        let is_function = code.co.flags & flags::OPTIMIZED != 0;
        let doc = match code.consts.first() {
            Some(v @ Value::Str(_)) if is_function && &*code.co.name != "<lambda>" => v.clone(),
            _ => Value::None,
        };
        let module = frame
            .globals
            .get_name(&dunders().name)
            .and_then(|v| v.as_str().map(Rc::from))
            .unwrap_or_else(|| Rc::from("__main__"));
        let name: Rc<str> = code.co.name.clone();
        let qualname: Rc<str> = qualname
            .as_str()
            .map(Rc::from)
            .unwrap_or_else(|| name.clone());
        Ok(Value::Function(crate::objects::gc::new(Function {
            code,
            globals: frame.globals.clone(),
            defaults,
            kwdefaults,
            closure,
            name: std::cell::RefCell::new(name),
            qualname: std::cell::RefCell::new(qualname),
            module,
            doc: std::cell::RefCell::new(doc),
            annotations: std::cell::RefCell::new(annotations),
            dict: std::cell::RefCell::new(Default::default()),
            extra_flags: std::cell::Cell::new(0),
            gc: crate::objects::gc::GcHead::new(),
        })))
    }

    /// The iterator an `await` delegates to (`GET_AWAITABLE`).
    pub fn get_awaitable(&self, v: &Value, context: usize) -> PyResult<Value> {
        match v {
            Value::Generator(g) if g.kind == GenKind::Coroutine || g.iterable_coroutine => {
                if g.kind == GenKind::Coroutine
                    && g.yield_from_target().is_some()
                    && g.state.get() == GenState::Suspended
                    && context == 0
                {
                    // Already being awaited elsewhere.
                    return Err(self.runtime_error("coroutine is being awaited already"));
                }
                Ok(v.clone())
            }
            _ => {
                let class = self.class_of(v);
                match class.lookup(&dunders().await_) {
                    Some(m) => {
                        let it = self.call_bound(&m, v, &[])?;
                        match &it {
                            Value::Generator(g) if g.kind == GenKind::Coroutine => Err(self.type_error("__await__() returned a coroutine")),
                            Value::Generator(_) | Value::Iter(_) => Ok(it),
                            other if self.class_of(other).lookup(&dunders().next).is_some() => Ok(it),
                            other => Err(self.type_error(format!("__await__() returned non-iterator of type '{}'", self.type_name(other)))),
                        }
                    }
                    None => Err(self.type_error(match context {
                        1 => format!("'async with' received an object from __aenter__ that does not implement __await__: {}", class.name),
                        2 => format!("'async with' received an object from __aexit__ that does not implement __await__: {}", class.name),
                        _ => format!("object {} can't be used in 'await' expression", class.name),
                    })),
                }
            }
        }
    }

    // -- generators ------------------------------------------------------------------

    /// Sends `v` into an iterator or generator (the delegate of `yield from`).
    pub fn send(&self, it: &Value, v: Value) -> PyResult<Resumed> {
        match it {
            Value::Generator(g) => self.resume_generator(g, v),
            Value::Native(n) if n.as_any().is::<crate::builtins::generator::CoroWrapper>() => {
                let w = n
                    .as_any()
                    .downcast_ref::<crate::builtins::generator::CoroWrapper>()
                    .map(|w| w.coro.clone());
                match w {
                    Some(g) => self.resume_generator(&g, v),
                    None => Err(self.runtime_error("bad coroutine wrapper")),
                }
            }
            Value::Iter(_) if !v.is_none() => Err(self.attribute_error(format!(
                "'{}' object has no attribute 'send'",
                self.type_name(it)
            ))),
            Value::Iter(i) => Ok(match i.next(self)? {
                Some(y) => Resumed::Yield(y),
                None => Resumed::Return(Value::None),
            }),
            // Native awaitables (asyncio's futures, sleep) resume without a
            // method lookup or a StopIteration allocation.
            Value::Native(n) if n.is_resumable() => n.send(self, v),
            _ => {
                let r = if v.is_none() {
                    let class = self.class_of(it);
                    match class.lookup(&dunders().next) {
                        Some(m) => self.call_bound(&m, it, &[]),
                        None => {
                            return Err(self
                                .type_error(format!("'{}' object is not an iterator", class.name)))
                        }
                    }
                } else {
                    self.call_method(it, "send", &[v])
                };
                match r {
                    Ok(y) => Ok(Resumed::Yield(y)),
                    Err(e) if self.err_is(&e, &self.exc.stop_iteration) => {
                        let value = e.exc().args.first().cloned().unwrap_or_default();
                        Ok(Resumed::Return(value))
                    }
                    Err(e) => Err(e),
                }
            }
        }
    }

    /// `gen.send(v)` / `next(gen)`.
    #[inline]
    pub fn resume_generator(&self, g: &Rc<Generator>, v: Value) -> PyResult<Resumed> {
        self.resume_with(g, ResumeWith::Send(v))
    }

    /// `gen.throw(exc)`, with PEP 380 delegation to a `yield from` target.
    pub fn throw_generator(&self, g: &Rc<Generator>, exc: PyErr) -> PyResult<Resumed> {
        if g.state.get() == GenState::Suspended {
            if let Some(delegate) = g.yield_from_target() {
                let is_exit = self.err_is(&exc, &self.exc.generator_exit);
                g.state.set(GenState::Running);
                let r = if is_exit {
                    let closed = match &delegate {
                        Value::Generator(d) => self.close_generator(d),
                        other => match self.get_attr_opt(other, &Name::new("close")) {
                            Ok(Some(close)) => self.call(&close, &[]).map(|_| ()),
                            Ok(None) => Ok(()),
                            Err(e) => Err(e),
                        },
                    };
                    match closed {
                        Ok(()) => None,
                        Err(e) => Some(Err(e)),
                    }
                } else {
                    match &delegate {
                        Value::Generator(d) => Some(self.throw_generator(d, exc.clone())),
                        other => match self.get_attr_opt(other, &Name::new("throw")) {
                            Ok(Some(throw)) => Some(match self.call(&throw, &[exc.value()]) {
                                Ok(y) => Ok(Resumed::Yield(y)),
                                Err(e) if self.err_is(&e, &self.exc.stop_iteration) => {
                                    Ok(Resumed::Return(
                                        e.exc().args.first().cloned().unwrap_or_default(),
                                    ))
                                }
                                Err(e) => Err(e),
                            }),
                            Ok(None) => None,
                            Err(e) => Some(Err(e)),
                        },
                    }
                };
                g.state.set(GenState::Suspended);
                match r {
                    Some(Ok(Resumed::Yield(y))) => return Ok(Resumed::Yield(y)),
                    Some(Ok(Resumed::Return(v))) => {
                        // The delegate finished: its value is the result of the `yield from`.
                        if let Some(frame) = g.frame.borrow_mut().as_mut() {
                            frame.stack.pop();
                            frame.push(v);
                            frame.ip += 1;
                        }
                        return self.resume_with(g, ResumeWith::Continue);
                    }
                    Some(Err(e)) => return self.resume_with(g, ResumeWith::Throw(e)),
                    None => {}
                }
            }
        }
        self.resume_with(g, ResumeWith::Throw(exc))
    }

    /// `gen.close()`.
    pub fn close_generator(&self, g: &Rc<Generator>) -> PyResult<()> {
        match g.state.get() {
            GenState::Created => {
                g.state.set(GenState::Closed);
                g.frame.borrow_mut().take();
                return Ok(());
            }
            GenState::Closed => return Ok(()),
            _ => {}
        }
        let exit = self.new_exception(&self.exc.generator_exit, vec![]);
        match self.throw_generator(g, exit) {
            Ok(Resumed::Yield(_)) => Err(self.runtime_error(format!(
                "{} ignored GeneratorExit",
                match g.kind {
                    GenKind::AsyncGenerator => "async generator",
                    GenKind::Coroutine => "coroutine",
                    GenKind::Generator => "generator",
                }
            ))),
            Ok(Resumed::Return(_)) => Ok(()),
            Err(e)
                if self.err_is(&e, &self.exc.generator_exit)
                    || self.err_is(&e, &self.exc.stop_iteration) =>
            {
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    fn resume_with(&self, g: &Rc<Generator>, how: ResumeWith) -> PyResult<Resumed> {
        let what = match g.kind {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        };
        match g.state.get() {
            GenState::Running => return Err(self.value_error(format!("{what} already executing"))),
            GenState::Closed => {
                return match how {
                    ResumeWith::Throw(e) => Err(e),
                    _ if g.kind == GenKind::Coroutine => {
                        Err(self.runtime_error("cannot reuse already awaited coroutine"))
                    }
                    _ => Ok(Resumed::Return(Value::None)),
                };
            }
            GenState::Created => {
                if let ResumeWith::Send(v) = &how {
                    if !v.is_none() {
                        return Err(self.type_error(format!(
                            "can't send non-None value to a just-started {what}"
                        )));
                    }
                }
                if let ResumeWith::Throw(e) = how {
                    g.state.set(GenState::Closed);
                    g.frame.borrow_mut().take();
                    return Err(e);
                }
            }
            GenState::Suspended => {}
        }
        let Some(mut frame) = g.frame.borrow_mut().take() else {
            return Err(self.stop_iteration(Value::None));
        };
        let was_created = g.state.get() == GenState::Created;
        let throw = match how {
            ResumeWith::Send(v) => {
                if !was_created {
                    frame.push(v);
                }
                None
            }
            ResumeWith::Throw(e) => Some(e),
            ResumeWith::Continue => None,
        };
        self.mark_running(g);
        let (frame, result) = self.execute(frame, throw);
        self.finish_resume(g, frame, result, Resumed::Yield, Resumed::Return)
    }

    /// `next(g)` for the native consumers of a generator (`sum`, `list`,
    /// `Vm::next`...): None when it is exhausted. A new or suspended plain
    /// generator is resumed straight into the dispatch loop, without the
    /// checks `resume_with` makes for `send`/`throw`, and the value it yields
    /// goes straight to the caller (each move of a `Value` between
    /// differently laid out enums costs a store-forwarding stall).
    #[inline(always)]
    pub fn generator_next(&self, g: &Rc<Generator>) -> PyResult<Option<Value>> {
        match self.start_generator(g) {
            Some(frame) => {
                let (frame, result) = self.execute(frame, None);
                self.finish_resume(g, frame, result, Some, |_| None)
            }
            None => Ok(match self.resume_generator(g, Value::None)? {
                Resumed::Yield(v) => Some(v),
                Resumed::Return(_) => None,
            }),
        }
    }

    /// Marks `g`, whose frame the caller has taken, running: the handled
    /// exception it saved becomes the current one (undone by `leave_generator`).
    #[inline(always)]
    fn mark_running(&self, g: &Generator) {
        g.state.set(GenState::Running);
        g.started.set(true);
        self.exc_stack
            .borrow_mut()
            .push(g.saved_exc.borrow_mut().take());
    }

    /// What a generator's frame running from `resume_with` or
    /// `generator_next` stopping with `result` means to whoever resumed it:
    /// `yielded(v)` or `returned(v)`, or the error that escaped.
    #[inline(always)]
    fn finish_resume<T>(
        &self,
        g: &Generator,
        frame: Box<Frame>,
        result: PyResult<FrameExit>,
        yielded: impl FnOnce(Value) -> T,
        returned: impl FnOnce(Value) -> T,
    ) -> PyResult<T> {
        match result {
            Ok(FrameExit::Yield(v)) => {
                self.leave_generator(g, Some(frame));
                Ok(yielded(v))
            }
            Ok(FrameExit::Return(v)) => {
                self.leave_generator(g, None);
                self.recycle_frame(frame);
                Ok(returned(v))
            }
            Err(e) => {
                self.leave_generator(g, None);
                self.recycle_frame(frame);
                Err(self.generator_error(g, e).0)
            }
        }
    }

    /// The error a generator's caller sees when `e` escapes the generator:
    /// PEP 479 turns a leaked StopIteration (StopAsyncIteration for async
    /// generators) into a RuntimeError caused by it. The flag says whether
    /// the error is new.
    fn generator_error(&self, g: &Generator, e: PyErr) -> (PyErr, bool) {
        let what = match g.kind {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        };
        let leaked = if g.kind == GenKind::AsyncGenerator
            && self.err_is(&e, &self.exc.stop_async_iteration)
        {
            Some("async generator raised StopAsyncIteration".to_string())
        } else if self.err_is(&e, &self.exc.stop_iteration) {
            Some(format!("{what} raised StopIteration"))
        } else {
            None
        };
        match leaked {
            Some(msg) => {
                let new = self.runtime_error(msg);
                {
                    let mut d = new.exc();
                    d.cause = Some(e.value());
                    d.context = Some(e.value());
                    d.suppress_context = true;
                }
                (new, true)
            }
            None => (e, false),
        }
    }

    /// Takes a new or suspended plain generator's frame so that the dispatch
    /// loop runs it as a callee of the `FOR_ITER` asking for its next value,
    /// with the state changes `resume_with` makes but no nested `execute`.
    /// None when it cannot be entered that way (see `start_generator`): the
    /// caller resumes it as usual.
    fn enter_generator(&self, g: &Rc<Generator>) -> Option<Box<Frame>> {
        let mut frame = self.start_generator(g)?;
        frame.callee = Callee::Generator(g.clone());
        Some(frame)
    }

    /// Takes a new or suspended plain generator's frame and marks it running,
    /// with the None that `next()` sends pushed as the result of the `yield`
    /// it is suspended at. None when it cannot be resumed that simply: not a
    /// plain generator, not new or suspended, or at the recursion limit.
    #[inline]
    fn start_generator(&self, g: &Generator) -> Option<Box<Frame>> {
        if g.kind != GenKind::Generator {
            return None;
        }
        let (mut frame, was_created) = self.take_generator_frame(g)?;
        if !was_created {
            frame.push_none();
        }
        self.mark_running(g);
        Some(frame)
    }

    /// `gen.send(v)` as `CALL_METHOD` finds it on the stack (`call` is
    /// `[send, gen, v]`): the frame of a plain generator, with `v` pushed as
    /// the result of its `yield` and marked running, to enter as a callee of
    /// the dispatch loop (`Callee::Send`). None when the native `send` must
    /// run instead (another method, not resumable so simply, or a value sent
    /// to a just-started generator, which the native rejects).
    #[inline]
    fn enter_generator_send(&self, call: &[Value]) -> Option<Box<Frame>> {
        let [Value::Builtin(send), Value::Generator(g), sent] = call else {
            return None;
        };
        let native_send: NativeFn = crate::builtins::generator::generator_send;
        if !std::ptr::fn_addr_eq(send.func, native_send)
            || (g.state.get() == GenState::Created && !sent.is_none())
        {
            return None;
        }
        if g.kind != GenKind::Generator {
            return None;
        }
        let (mut frame, was_created) = self.take_generator_frame(g)?;
        if !was_created {
            frame.push(sent.clone());
        }
        self.mark_running(g);
        frame.callee = Callee::Send(g.clone());
        Some(frame)
    }

    /// `YIELD_FROM` with a generator or coroutine as the delegate (`stack`
    /// ends with the delegate and the value sent to it): the delegate's frame,
    /// with the value pushed as the result of its `yield` and marked
    /// running, to enter as a callee of the dispatch loop
    /// (`Callee::YieldFrom`). None when it must be resumed natively.
    #[inline]
    fn enter_delegate(&self, stack: &[Value]) -> Option<Box<Frame>> {
        let [.., Value::Generator(g), sent] = stack else {
            return None;
        };
        if g.kind == GenKind::AsyncGenerator
            || (g.state.get() == GenState::Created && !sent.is_none())
        {
            return None;
        }
        let (mut frame, was_created) = self.take_generator_frame(g)?;
        if !was_created {
            frame.push(sent.clone());
        }
        self.mark_running(g);
        frame.callee = Callee::YieldFrom(g.clone());
        Some(frame)
    }

    /// Takes a new or suspended generator's or coroutine's frame (and
    /// whether it is new), unless it is running or closed, or the recursion
    /// limit is reached.
    #[inline(always)]
    fn take_generator_frame(&self, g: &Generator) -> Option<(Box<Frame>, bool)> {
        if self.depth.get() >= self.recursion_limit.get() {
            return None;
        }
        let was_created = match g.state.get() {
            GenState::Created => true,
            GenState::Suspended => false,
            GenState::Running | GenState::Closed => return None,
        };
        let frame = g.frame.borrow_mut().take()?;
        Some((frame, was_created))
    }

    /// A generator frame taken by [`Vm::start_generator`] (or `resume_with`)
    /// stops running: suspended (`Some`, parked in the generator again) or
    /// finished (`None`).
    #[inline(always)]
    fn leave_generator(&self, g: &Generator, suspended: Option<Box<Frame>>) {
        *g.saved_exc.borrow_mut() = self.exc_stack.borrow_mut().pop().flatten();
        match suspended {
            Some(frame) => {
                frame.back.set(std::ptr::null());
                *g.frame.borrow_mut() = Some(frame);
                g.state.set(GenState::Suspended);
            }
            None => g.state.set(GenState::Closed),
        }
    }

    /// The start of `with mgr` (`async with` when `is_async`): the bound
    /// `__exit__` (`__aexit__`) and what `__enter__` (`__aenter__`) returned,
    /// or CPython's error for an object that is no context manager.
    fn enter_context(&self, mgr: &Value, is_async: bool) -> PyResult<(Value, Value)> {
        let d = dunders();
        let (enter_name, exit_name, what) = if is_async {
            (&d.aenter, &d.aexit, "asynchronous context manager")
        } else {
            (&d.enter, &d.exit, "context manager")
        };
        let class = self.class_of(mgr);
        let (Some(enter), Some(exit)) = (class.lookup(enter_name), class.lookup(exit_name)) else {
            let missing = if class.lookup(enter_name).is_none() {
                String::new()
            } else {
                format!(" (missed {exit_name} method)")
            };
            return Err(self.type_error(format!(
                "'{}' object does not support the {what} protocol{missing}",
                class.name
            )));
        };
        let exit = self.bind_class_attr(exit, mgr, &class)?;
        let res = self.call_bound(&enter, mgr, &[])?;
        Ok((exit, res))
    }

    /// `except*` matching: splits `exc` into (match, rest) by `spec`.
    fn eg_match(&self, exc: &Value, spec: &Value) -> PyResult<(Value, Value)> {
        if exc.is_none() {
            return Ok((Value::None, Value::None));
        }
        if let Value::Class(c) = spec {
            if c.is_subclass(&self.exc.base_exception_group) {
                return Err(self.type_error(
                    "catching ExceptionGroup with except* is not allowed. Use except instead.",
                ));
            }
        }
        let is_group =
            matches!(exc, Value::Instance(i) if i.is_exception() && i.exc_data().group.is_some());
        if !is_group {
            if self.exception_matches(exc, spec)? {
                // A naked exception is wrapped in a group.
                let group = self.call(
                    &Value::Class(self.exc.exception_group.clone()),
                    &[Value::str(""), Value::list(vec![exc.clone()])],
                )?;
                if let (Value::Instance(g), Value::Instance(e)) = (&group, exc) {
                    g.exc_data().traceback = e.exc_data().traceback.clone();
                }
                return Ok((group, Value::None));
            }
            return Ok((Value::None, exc.clone()));
        }
        let (m, r) = super::exceptions::split_group(self, exc, spec)?;
        Ok((m.unwrap_or_default(), r.unwrap_or_default()))
    }

    /// The exception to re-raise after the `except*` clauses ran, or None.
    fn prep_reraise_star(&self, orig: &Value, list: &Value) -> PyResult<Value> {
        let raised: Vec<Value> = match list {
            Value::List(l) => l.snapshot().into_iter().filter(|v| !v.is_none()).collect(),
            _ => Vec::new(),
        };
        if raised.is_empty() {
            return Ok(Value::None);
        }
        // Exceptions that are (parts of) the original group keep their place in it;
        // exceptions raised by handlers are new and go beside it.
        let leaves = |v: &Value| -> Vec<usize> {
            let mut out = Vec::new();
            collect_leaf_ids(v, &mut out);
            out
        };
        let orig_leaves = leaves(orig);
        let (mut reraised, mut new): (Vec<Value>, Vec<Value>) = (Vec::new(), Vec::new());
        for r in raised {
            let l = leaves(&r);
            if !l.is_empty() && l.iter().all(|id| orig_leaves.contains(id)) {
                reraised.push(r);
            } else {
                new.push(r);
            }
        }
        let mut keep_ids = Vec::new();
        for r in &reraised {
            collect_leaf_ids(r, &mut keep_ids);
        }
        let kept = if keep_ids.is_empty() {
            None
        } else {
            let ids = keep_ids.clone();
            let pred = Value::Closure(Rc::new(crate::objects::NativeClosure {
                name: "matcher".into(),
                func: Box::new(move |_, args: Args<'_>| {
                    Ok(Value::from_bool(
                        args.get(0).is_some_and(|e| ids.contains(&e.id())),
                    ))
                }),
            }));
            let is_group = matches!(orig, Value::Instance(i) if i.exc_data().group.is_some());
            if is_group {
                super::exceptions::split_group(self, orig, &pred)?.0
            } else {
                Some(orig.clone())
            }
        };
        // As CPython's _PyExc_PrepReraiseStar: the new exceptions first, then
        // what is left of the original group.
        let mut all: Vec<Value> = new;
        all.extend(kept);
        if all.len() == 1 {
            return Ok(all.remove(0));
        }
        self.call(
            &Value::Class(self.exc.exception_group.clone()),
            &[Value::str(""), Value::list(all)],
        )
    }
}

fn collect_leaf_ids(v: &Value, out: &mut Vec<usize>) {
    if let Value::Instance(i) = v {
        if i.is_exception() {
            let group = i.exc_data().group.clone();
            match group {
                Some((_, excs)) => excs.iter().for_each(|e| collect_leaf_ids(e, out)),
                None => out.push(v.id()),
            }
        }
    }
}

/// `COMPARE_OP` on two ints or two floats (IEEE comparisons are Python's:
/// every order comparison with a NaN is false, and so is `==`).
#[inline(always)]
fn compare_unboxed<T: PartialOrd>(x: &T, y: &T, arg: u32) -> bool {
    match CmpOp::from_arg(arg) {
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Eq => x == y,
        CmpOp::Ne => x != y,
        CmpOp::Gt => x > y,
        CmpOp::Ge => x >= y,
    }
}

/// `BINARY_OP` on a float and a float or an int, for the operations whose
/// result is the IEEE operation CPython computes too (`+`, `-`, `*`, and
/// `/` by a non-zero divisor); None sends the rest (`//`, `%`, `**`,
/// division by zero) down the general path. An int converts as CPython's
/// `PyLong_AsDouble` does, rounding to nearest even.
#[inline(always)]
fn float_binary_op(a: &Value, b: &Value, op: u32) -> Option<f64> {
    let (x, y) = match (a, b) {
        (Value::Float(x), Value::Float(y)) => (x.get(), y.get()),
        (Value::Float(x), Value::Int(y)) => (x.get(), *y as f64),
        (Value::Int(x), Value::Float(y)) => (*x as f64, y.get()),
        _ => return None,
    };
    match op {
        0 => Some(x + y),
        10 => Some(x - y),
        5 => Some(x * y),
        11 if y != 0.0 => Some(x / y),
        _ => None,
    }
}

/// `x <op> y` for the integer operators whose result fits an unboxed int
/// (`op` is `BINARY_OP`'s argument modulo 13, the in-place flag dropped);
/// None sends the operation down the general path (overflow, division by
/// zero, negative shift counts, the other operators).
#[inline(always)]
fn int_binary_op(x: i64, y: i64, op: u32) -> Option<i64> {
    match op {
        0 => x.checked_add(y),
        10 => x.checked_sub(y),
        5 => x.checked_mul(y),
        1 => Some(x & y),
        7 => Some(x | y),
        12 => Some(x ^ y),
        // `%` and `//` round towards negative infinity.
        6 if y != 0 => {
            let r = x.checked_rem(y)?;
            Some(if r != 0 && (r < 0) != (y < 0) {
                r + y
            } else {
                r
            })
        }
        2 if y != 0 => {
            let q = x.checked_div(y)?;
            Some(if x % y != 0 && (x < 0) != (y < 0) {
                q - 1
            } else {
                q
            })
        }
        9 if y >= 0 => Some(if y >= 64 { x >> 63 } else { x >> y }),
        3 if (0..64).contains(&y) => {
            let r = x << y;
            (r >> y == x).then_some(r)
        }
        _ => None,
    }
}

/// True for a frame-reading builtin (`super`, `locals`, ...) that has to be
/// answered from the calling frame (see `CallerNeeds::FrameWhenNoArgs`).
fn reads_caller_frame(f: &Value) -> bool {
    matches!(f, Value::Builtin(b) if b.caller == CallerNeeds::FrameWhenNoArgs && b.bound.is_none())
}

#[allow(dead_code)]
fn _assert_types(_: &BoundMethod, _: &CellObj) {}
