//! Code generation for expressions, assignment targets and conditions.
//!
//! The shapes follow CPython 3.10's `compile.c` (calls, displays, chained
//! comparisons, comprehensions as nested code objects, f-strings), with
//! 3.11's `BINARY_OP` and the await family named as in `bytecode.rs`.

use super::codegen::{CResult, Compiler, NameCtx, UnitKind, STACK_USE_GUIDELINE};
use super::symtable::CompKind;
use super::{fold, CompileError};
use crate::ast::{self, CmpOp, Expr, ExprKind, UnaryOp};
use crate::bytecode::{Constant, Opcode, SuspendKind};
use crate::source::Span;
use std::rc::Rc;

/// `COMPARE_OP`/`IS_OP`/`CONTAINS_OP` and its argument for a comparison operator.
fn compare_op(op: CmpOp) -> (Opcode, u32) {
    match op {
        CmpOp::Lt => (Opcode::COMPARE_OP, 0),
        CmpOp::LtE => (Opcode::COMPARE_OP, 1),
        CmpOp::Eq => (Opcode::COMPARE_OP, 2),
        CmpOp::NotEq => (Opcode::COMPARE_OP, 3),
        CmpOp::Gt => (Opcode::COMPARE_OP, 4),
        CmpOp::GtE => (Opcode::COMPARE_OP, 5),
        CmpOp::Is => (Opcode::IS_OP, 0),
        CmpOp::IsNot => (Opcode::IS_OP, 1),
        CmpOp::In => (Opcode::CONTAINS_OP, 0),
        CmpOp::NotIn => (Opcode::CONTAINS_OP, 1),
    }
}

/// `not (a is b)` is compiled as `a is not b` (and likewise for `in`), as CPython's optimiser does.
fn inverted_compare(e: &Expr) -> Option<(&Expr, CmpOp, &Expr)> {
    let ExprKind::UnaryOp {
        op: UnaryOp::Not,
        operand,
    } = &e.kind
    else {
        return None;
    };
    let ExprKind::Compare {
        left,
        ops,
        comparators,
    } = &operand.kind
    else {
        return None;
    };
    let ([op], [right]) = (ops.as_slice(), comparators.as_slice()) else {
        return None;
    };
    let inverted = match op {
        CmpOp::Is => CmpOp::IsNot,
        CmpOp::IsNot => CmpOp::Is,
        CmpOp::In => CmpOp::NotIn,
        CmpOp::NotIn => CmpOp::In,
        _ => return None,
    };
    Some((left, inverted, right))
}

pub(super) fn is_starred(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Starred(_))
}

impl<'a> Compiler<'a> {
    pub fn compile_expr(&mut self, e: &'a Expr) -> CResult {
        self.enter_nesting(e.span, 1)?;
        let saved = std::mem::replace(&mut self.u_mut().span, e.span);
        let result = self.compile_expr_inner(e);
        self.u_mut().span = saved;
        self.depth -= 1;
        result
    }

    fn compile_expr_inner(&mut self, e: &'a Expr) -> CResult {
        if matches!(
            e.kind,
            ExprKind::Constant(_)
                | ExprKind::UnaryOp { .. }
                | ExprKind::BinOp { .. }
                | ExprKind::Tuple(_)
                | ExprKind::Subscript { .. }
                | ExprKind::Name(_)
        ) {
            if let Some(c) = self.const_value(e) {
                self.emit_const(c);
                return Ok(());
            }
        }
        match &e.kind {
            ExprKind::BoolOp { op, values } => self.compile_boolop(*op, values),
            ExprKind::NamedExpr { target, value } => {
                self.compile_expr(value)?;
                self.emit(Opcode::DUP_TOP, 0);
                self.compile_store(target)
            }
            ExprKind::BinOp { left, op, right } => {
                self.compile_expr(left)?;
                self.compile_expr(right)?;
                self.emit(Opcode::BINARY_OP, binop_index(*op));
                Ok(())
            }
            ExprKind::UnaryOp { op, operand } => {
                if let Some((left, op, right)) = inverted_compare(e) {
                    let right = std::slice::from_ref(right);
                    self.check_compare(left, &[op], right, operand.span);
                    return self.compile_compare(left, &[op], right);
                }
                self.compile_expr(operand)?;
                let opcode = match op {
                    UnaryOp::Invert => Opcode::UNARY_INVERT,
                    UnaryOp::Not => Opcode::UNARY_NOT,
                    UnaryOp::UAdd => Opcode::UNARY_POSITIVE,
                    UnaryOp::USub => Opcode::UNARY_NEGATIVE,
                };
                self.emit(opcode, 0);
                Ok(())
            }
            ExprKind::Lambda { args, body } => self.compile_lambda(e, args, body),
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_block();
                let next = self.new_block();
                self.jump_if(test, next, false)?;
                self.compile_expr(body)?;
                self.emit_jump(Opcode::JUMP_FORWARD, end);
                self.use_block(next);
                self.compile_expr(orelse)?;
                self.use_block(end);
                Ok(())
            }
            ExprKind::Dict { keys, values } => self.compile_dict(keys, values),
            ExprKind::Set(items) => self.starunpack_helper(
                items,
                0,
                Opcode::BUILD_SET,
                Opcode::SET_ADD,
                Opcode::SET_UPDATE,
                false,
            ),
            ExprKind::ListComp { elt, generators } => {
                self.compile_comprehension(e, CompKind::List, generators, elt, None)
            }
            ExprKind::SetComp { elt, generators } => {
                self.compile_comprehension(e, CompKind::Set, generators, elt, None)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.compile_comprehension(e, CompKind::Dict, generators, key, Some(value)),
            ExprKind::GeneratorExp { elt, generators } => {
                self.compile_comprehension(e, CompKind::Generator, generators, elt, None)
            }
            ExprKind::Yield(value) => {
                if self.scope().kind != super::symtable::BlockType::Function {
                    return Err(self.error("'yield' outside function"));
                }
                match value {
                    Some(v) => self.compile_expr(v)?,
                    None => self.emit_const(Constant::None),
                }
                let what = value.as_ref().map_or(ast_span_empty(e), |v| v.span);
                self.emit_yield(what);
                Ok(())
            }
            ExprKind::YieldFrom(value) => {
                if self.scope().kind != super::symtable::BlockType::Function {
                    return Err(self.error("'yield' outside function"));
                }
                if self.u().kind == UnitKind::AsyncFunction {
                    return Err(self.error("'yield from' inside async function"));
                }
                self.compile_expr(value)?;
                self.emit(Opcode::GET_YIELD_FROM_ITER, 0);
                self.emit_const(Constant::None);
                self.emit_suspend(Opcode::YIELD_FROM, SuspendKind::YieldFrom, value.span);
                Ok(())
            }
            ExprKind::Await(value) => {
                if !self.is_top_level_await() {
                    if self.scope().kind != super::symtable::BlockType::Function {
                        return Err(self.error("'await' outside function"));
                    }
                    if !matches!(
                        self.u().kind,
                        UnitKind::AsyncFunction | UnitKind::Comprehension
                    ) {
                        return Err(self.error("'await' outside async function"));
                    }
                }
                self.compile_expr(value)?;
                self.emit_await_suspend(SuspendKind::Await, value.span, 0);
                Ok(())
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                self.check_compare(left, ops, comparators, e.span);
                self.compile_compare(left, ops, comparators)
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.check_caller(func, e.span);
                self.compile_call(func, args, keywords)
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.compile_expr(value)?;
                let mut flags = match conversion {
                    Some('s') => 1,
                    Some('r') => 2,
                    Some('a') => 3,
                    _ => 0,
                };
                if let Some(spec) = format_spec {
                    self.compile_expr(spec)?;
                    flags |= 4;
                }
                self.emit(Opcode::FORMAT_VALUE, flags);
                Ok(())
            }
            ExprKind::JoinedStr(parts) => self.compile_joined_str(parts),
            ExprKind::Constant(c) => {
                self.emit_const(fold::literal(c));
                Ok(())
            }
            ExprKind::Attribute { value, attr } => {
                self.compile_expr(value)?;
                self.emit_attr(Opcode::LOAD_ATTR, e, attr);
                Ok(())
            }
            ExprKind::Subscript { value, slice } => {
                self.check_subscript(value, slice, e.span);
                self.compile_expr(value)?;
                self.compile_expr(slice)?;
                self.emit(Opcode::BINARY_SUBSCR, 0);
                Ok(())
            }
            ExprKind::Starred(_) => Err(self.error("can't use starred expression here")),
            ExprKind::Name(name) => self.name_op(name, NameCtx::Load),
            ExprKind::List(items) => self.starunpack_helper(
                items,
                0,
                Opcode::BUILD_LIST,
                Opcode::LIST_APPEND,
                Opcode::LIST_EXTEND,
                false,
            ),
            ExprKind::Tuple(items) => self.starunpack_helper(
                items,
                0,
                Opcode::BUILD_LIST,
                Opcode::LIST_APPEND,
                Opcode::LIST_EXTEND,
                true,
            ),
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(p) => self.compile_expr(p)?,
                        None => self.emit_const(Constant::None),
                    }
                }
                let mut n = 2;
                if let Some(s) = step {
                    self.compile_expr(s)?;
                    n = 3;
                }
                self.emit(Opcode::BUILD_SLICE, n);
                Ok(())
            }
        }
    }

    /// `YIELD_VALUE` (wrapped first in an async generator), recording the suspension.
    pub(super) fn emit_yield(&mut self, what: crate::source::Span) {
        let st = self.scope();
        if st.generator && st.coroutine {
            self.emit(Opcode::ASYNC_GEN_WRAP, 0);
        }
        self.emit_suspend(Opcode::YIELD_VALUE, SuspendKind::Yield, what);
    }

    /// An iterable of `for` or the right side of `in`: a list display becomes a
    /// tuple, and a set display of constants a frozenset constant.
    pub fn compile_iterable(&mut self, e: &'a Expr) -> CResult {
        match &e.kind {
            ExprKind::Set(items) if !items.iter().any(is_starred) => {
                match self.const_frozenset(items) {
                    Some(folded) => {
                        let saved = std::mem::replace(&mut self.u_mut().span, e.span);
                        self.emit_const(folded);
                        self.u_mut().span = saved;
                        Ok(())
                    }
                    None => self.compile_expr(e),
                }
            }
            ExprKind::List(items) if !items.iter().any(is_starred) => {
                let saved = std::mem::replace(&mut self.u_mut().span, e.span);
                let result = match self.const_tuple(items) {
                    Some(t) => {
                        self.emit_const(t);
                        Ok(())
                    }
                    None => self.starunpack_helper(
                        items,
                        0,
                        Opcode::BUILD_LIST,
                        Opcode::LIST_APPEND,
                        Opcode::LIST_EXTEND,
                        true,
                    ),
                };
                self.u_mut().span = saved;
                result
            }
            _ => self.compile_expr(e),
        }
    }

    // ----- conditions ----------------------------------------------------

    /// Jumps to `target` if `e` is true (`cond`) or false (`!cond`), else falls through.
    pub fn jump_if(
        &mut self,
        e: &'a Expr,
        target: super::assemble::BlockId,
        cond: bool,
    ) -> CResult {
        self.enter_nesting(e.span, 1)?;
        let saved = std::mem::replace(&mut self.u_mut().span, e.span);
        let result = self.jump_if_inner(e, target, cond);
        self.u_mut().span = saved;
        self.depth -= 1;
        result
    }

    fn jump_if_inner(
        &mut self,
        e: &'a Expr,
        target: super::assemble::BlockId,
        cond: bool,
    ) -> CResult {
        if let Some(c) = self.const_value(e) {
            // A constant test: jump always or never.
            if fold::truthy(&c) == cond {
                self.emit_jump(Opcode::JUMP_ABSOLUTE, target);
                self.next_block();
            }
            return Ok(());
        }
        match &e.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } if inverted_compare(e).is_none() => {
                return self.jump_if(operand, target, !cond);
            }
            ExprKind::BoolOp { op, values } => {
                let Some((last, rest)) = values.split_last() else {
                    return Ok(());
                };
                let cond2 = *op == ast::BoolOp::Or;
                let next2 = if cond2 != cond {
                    self.new_block()
                } else {
                    target
                };
                for v in rest {
                    self.jump_if(v, next2, cond2)?;
                }
                self.jump_if(last, target, cond)?;
                if next2 != target {
                    self.use_block(next2);
                }
                return Ok(());
            }
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_block();
                let next2 = self.new_block();
                self.jump_if(test, next2, false)?;
                self.jump_if(body, target, cond)?;
                self.emit_jump(Opcode::JUMP_FORWARD, end);
                self.use_block(next2);
                self.jump_if(orelse, target, cond)?;
                self.use_block(end);
                return Ok(());
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } if ops.len() > 1 && ops.len() == comparators.len() => {
                self.check_compare(left, ops, comparators, e.span);
                let cleanup = self.new_block();
                self.compile_expr(left)?;
                let n = ops.len() - 1;
                for (op, comparator) in ops[..n].iter().zip(comparators) {
                    self.compile_expr(comparator)?;
                    self.emit(Opcode::DUP_TOP, 0);
                    self.emit(Opcode::ROT_THREE, 0);
                    let (opcode, arg) = compare_op(*op);
                    self.emit(opcode, arg);
                    self.emit_jump(Opcode::POP_JUMP_IF_FALSE, cleanup);
                    self.next_block();
                }
                self.compile_comparator(ops[n], &comparators[n])?;
                let (opcode, arg) = compare_op(ops[n]);
                self.emit(opcode, arg);
                let jump = if cond {
                    Opcode::POP_JUMP_IF_TRUE
                } else {
                    Opcode::POP_JUMP_IF_FALSE
                };
                self.emit_jump(jump, target);
                self.next_block();
                let end = self.new_block();
                self.emit_jump(Opcode::JUMP_FORWARD, end);
                self.use_block(cleanup);
                self.emit(Opcode::POP_TOP, 0);
                if !cond {
                    self.emit_jump(Opcode::JUMP_FORWARD, target);
                }
                self.use_block(end);
                return Ok(());
            }
            _ => {}
        }
        self.compile_expr(e)?;
        let jump = if cond {
            Opcode::POP_JUMP_IF_TRUE
        } else {
            Opcode::POP_JUMP_IF_FALSE
        };
        self.emit_jump(jump, target);
        self.next_block();
        Ok(())
    }

    fn compile_boolop(&mut self, op: ast::BoolOp, values: &'a [Expr]) -> CResult {
        let jump = match op {
            ast::BoolOp::And => Opcode::JUMP_IF_FALSE_OR_POP,
            ast::BoolOp::Or => Opcode::JUMP_IF_TRUE_OR_POP,
        };
        let end = self.new_block();
        let Some((last, rest)) = values.split_last() else {
            return Ok(());
        };
        for v in rest {
            self.compile_expr(v)?;
            self.emit_jump(jump, end);
            self.next_block();
        }
        self.compile_expr(last)?;
        self.use_block(end);
        Ok(())
    }

    /// The right operand of a comparison; a list after `in`/`not in` becomes a tuple.
    fn compile_comparator(&mut self, op: CmpOp, e: &'a Expr) -> CResult {
        if matches!(op, CmpOp::In | CmpOp::NotIn) {
            self.compile_iterable(e)
        } else {
            self.compile_expr(e)
        }
    }

    fn compile_compare(
        &mut self,
        left: &'a Expr,
        ops: &[CmpOp],
        comparators: &'a [Expr],
    ) -> CResult {
        if ops.len() != comparators.len() {
            return Err(self.error("internal error: comparison without its operands"));
        }
        self.compile_expr(left)?;
        let n = ops.len().saturating_sub(1);
        if n == 0 {
            if let (Some(op), Some(right)) = (ops.first(), comparators.first()) {
                self.compile_comparator(*op, right)?;
                let (opcode, arg) = compare_op(*op);
                self.emit(opcode, arg);
            }
            return Ok(());
        }
        let cleanup = self.new_block();
        for (op, comparator) in ops[..n].iter().zip(comparators) {
            self.compile_expr(comparator)?;
            self.emit(Opcode::DUP_TOP, 0);
            self.emit(Opcode::ROT_THREE, 0);
            let (opcode, arg) = compare_op(*op);
            self.emit(opcode, arg);
            self.emit_jump(Opcode::JUMP_IF_FALSE_OR_POP, cleanup);
            self.next_block();
        }
        self.compile_comparator(ops[n], &comparators[n])?;
        let (opcode, arg) = compare_op(ops[n]);
        self.emit(opcode, arg);
        let end = self.new_block();
        self.emit_jump(Opcode::JUMP_FORWARD, end);
        self.use_block(cleanup);
        self.emit(Opcode::ROT_TWO, 0);
        self.emit(Opcode::POP_TOP, 0);
        self.use_block(end);
        Ok(())
    }

    // ----- targets -------------------------------------------------------

    /// Stores TOS into an assignment target.
    pub fn compile_store(&mut self, e: &'a Expr) -> CResult {
        self.enter_nesting(e.span, 1)?;
        let saved = std::mem::replace(&mut self.u_mut().span, e.span);
        let result = self.compile_store_inner(e);
        self.u_mut().span = saved;
        self.depth -= 1;
        result
    }

    fn compile_store_inner(&mut self, e: &'a Expr) -> CResult {
        match &e.kind {
            ExprKind::Name(name) => self.name_op(name, NameCtx::Store),
            ExprKind::Attribute { value, attr } => {
                self.compile_expr(value)?;
                self.emit_attr(Opcode::STORE_ATTR, e, attr);
                Ok(())
            }
            ExprKind::Subscript { value, slice } => {
                self.compile_expr(value)?;
                self.compile_expr(slice)?;
                self.emit(Opcode::STORE_SUBSCR, 0);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                self.unpack_helper(items)?;
                for item in items {
                    match &item.kind {
                        ExprKind::Starred(inner) => self.compile_store(inner)?,
                        _ => self.compile_store(item)?,
                    }
                }
                Ok(())
            }
            ExprKind::Starred(_) => {
                Err(self.error("starred assignment target must be in a list or tuple"))
            }
            _ => Err(self.error(format!("cannot assign to {}", expr_kind_name(e)))),
        }
    }

    /// `UNPACK_SEQUENCE n` or `UNPACK_EX before | after << 8`.
    fn unpack_helper(&mut self, items: &[Expr]) -> CResult {
        let n = items.len();
        let mut seen_star = false;
        for (i, item) in items.iter().enumerate() {
            if is_starred(item) {
                if seen_star {
                    return Err(self.error("multiple starred expressions in assignment"));
                }
                if i >= 1 << 8 || n - i > (i32::MAX >> 8) as usize {
                    return Err(self.error("too many expressions in star-unpacking assignment"));
                }
                self.emit(Opcode::UNPACK_EX, (i + ((n - i - 1) << 8)) as u32);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit(Opcode::UNPACK_SEQUENCE, n as u32);
        }
        Ok(())
    }

    pub fn compile_delete(&mut self, e: &'a Expr) -> CResult {
        self.enter_nesting(e.span, 1)?;
        let saved = std::mem::replace(&mut self.u_mut().span, e.span);
        let result = match &e.kind {
            ExprKind::Name(name) => self.name_op(name, NameCtx::Del),
            ExprKind::Attribute { value, attr } => self
                .compile_expr(value)
                .map(|()| self.emit_attr(Opcode::DELETE_ATTR, e, attr)),
            ExprKind::Subscript { value, slice } => self
                .compile_expr(value)
                .and_then(|()| self.compile_expr(slice))
                .map(|()| self.emit(Opcode::DELETE_SUBSCR, 0)),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                items.iter().try_for_each(|i| self.compile_delete(i))
            }
            ExprKind::Starred(_) => Err(self.error("cannot delete starred")),
            _ => Err(self.error(format!("cannot delete {}", expr_kind_name(e)))),
        };
        self.u_mut().span = saved;
        self.depth -= 1;
        result
    }

    // ----- displays ------------------------------------------------------

    /// Builds a list/tuple/set from items that may contain `*x`, with `pushed`
    /// values already on the stack (CPython's `starunpack_helper`).
    fn starunpack_helper(
        &mut self,
        items: &'a [Expr],
        pushed: u32,
        build: Opcode,
        add: Opcode,
        extend: Opcode,
        tuple: bool,
    ) -> CResult {
        let n = items.len();
        // Three or more constants: one constant tuple (extended into a list)
        // or frozenset (updated into a set).
        if n > 2 {
            let folded = if build == Opcode::BUILD_SET {
                self.const_frozenset(items)
            } else {
                self.const_tuple(items)
            };
            if let Some(folded) = folded {
                if tuple {
                    self.emit_const(folded);
                } else {
                    self.emit(build, pushed);
                    self.emit_const(folded);
                    self.emit(extend, 1);
                }
                return Ok(());
            }
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = items.iter().any(is_starred);
        if !seen_star && !big {
            for item in items {
                self.compile_expr(item)?;
            }
            let op = if tuple { Opcode::BUILD_TUPLE } else { build };
            self.emit(op, n as u32 + pushed);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build, pushed);
            built = true;
        }
        for (i, item) in items.iter().enumerate() {
            if let ExprKind::Starred(value) = &item.kind {
                if !built {
                    self.emit(build, i as u32 + pushed);
                    built = true;
                }
                self.compile_expr(value)?;
                self.emit(extend, 1);
            } else {
                self.compile_expr(item)?;
                if built {
                    self.emit(add, 1);
                }
            }
        }
        if tuple {
            self.emit(Opcode::LIST_TO_TUPLE, 0);
        }
        Ok(())
    }

    /// `{k: v, ..}` for entries `begin..end` (no `**`).
    fn compile_subdict(
        &mut self,
        keys: &'a [Option<Expr>],
        values: &'a [Expr],
        begin: usize,
        end: usize,
    ) -> CResult {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            let const_keys: Option<Vec<Constant>> = keys[begin..end]
                .iter()
                .map(|k| k.as_ref().and_then(|k| self.const_value(k)))
                .collect();
            if let Some(const_keys) = const_keys {
                for v in &values[begin..end] {
                    self.compile_expr(v)?;
                }
                self.emit_const(Constant::Tuple(const_keys.into()));
                self.emit(Opcode::BUILD_CONST_KEY_MAP, n as u32);
                return Ok(());
            }
        }
        if big {
            self.emit(Opcode::BUILD_MAP, 0);
        }
        for (k, v) in keys[begin..end].iter().zip(&values[begin..end]) {
            if let Some(k) = k {
                self.compile_expr(k)?;
            }
            self.compile_expr(v)?;
            if big {
                self.emit(Opcode::MAP_ADD, 1);
            }
        }
        if !big {
            self.emit(Opcode::BUILD_MAP, n as u32);
        }
        Ok(())
    }

    fn compile_dict(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr]) -> CResult {
        let n = values.len().min(keys.len());
        let mut have_dict = false;
        let mut elements = 0;
        for i in 0..n {
            if keys[i].is_none() {
                if elements > 0 {
                    self.compile_subdict(keys, values, i - elements, i)?;
                    if have_dict {
                        self.emit(Opcode::DICT_UPDATE, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(Opcode::BUILD_MAP, 0);
                    have_dict = true;
                }
                self.compile_expr(&values[i])?;
                self.emit(Opcode::DICT_UPDATE, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.compile_subdict(keys, values, i - elements, i + 1)?;
                if have_dict {
                    self.emit(Opcode::DICT_UPDATE, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.compile_subdict(keys, values, n - elements, n)?;
            if have_dict {
                self.emit(Opcode::DICT_UPDATE, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Opcode::BUILD_MAP, 0);
        }
        Ok(())
    }

    fn compile_joined_str(&mut self, parts: &'a [Expr]) -> CResult {
        if parts.len() > STACK_USE_GUIDELINE {
            // Many parts: ''.join([...]) keeps the stack small.
            self.emit_str("");
            self.emit_name(Opcode::LOAD_METHOD, "join");
            self.emit(Opcode::BUILD_LIST, 0);
            for p in parts {
                self.compile_expr(p)?;
                self.emit(Opcode::LIST_APPEND, 1);
            }
            self.emit(Opcode::CALL_METHOD, 1);
            return Ok(());
        }
        for p in parts {
            self.compile_expr(p)?;
        }
        if parts.len() != 1 {
            self.emit(Opcode::BUILD_STRING, parts.len() as u32);
        }
        Ok(())
    }

    /// The position of an instruction of attribute `attr_expr` (`value.attr`):
    /// the current one, but when the name is on a later line than the
    /// position starts, starting at the name (CPython 3.11's
    /// `update_start_location_to_match_attr`), so a traceback through
    /// `obj\n    .method()` shows the `.method()` line.
    pub(super) fn attr_span(&self, attr_expr: &Expr, attr: &str) -> Span {
        let cur = self.u().span;
        if self.lines.line(cur.start) == self.lines.line(attr_expr.span.end) {
            return cur;
        }
        // CPython subtracts the name's length in characters from a byte offset.
        let start = attr_expr
            .span
            .end
            .saturating_sub(attr.chars().count() as u32);
        Span::new(start as usize, cur.end.max(start) as usize)
    }

    /// Emits an attribute instruction at [`Compiler::attr_span`].
    pub(super) fn emit_attr(&mut self, op: Opcode, attr_expr: &Expr, attr: &str) {
        let span = self.attr_span(attr_expr, attr);
        let saved = std::mem::replace(&mut self.u_mut().span, span);
        self.emit_name(op, attr);
        self.u_mut().span = saved;
    }

    // ----- calls ---------------------------------------------------------

    fn compile_call(
        &mut self,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [ast::Keyword],
    ) -> CResult {
        if let ExprKind::Attribute { value, attr } = &func.kind {
            if keywords.is_empty()
                && args.len() < STACK_USE_GUIDELINE
                && !args.iter().any(is_starred)
            {
                self.compile_expr(value)?;
                let saved = std::mem::replace(&mut self.u_mut().span, func.span);
                self.emit_attr(Opcode::LOAD_METHOD, func, attr);
                self.u_mut().span = saved;
                for a in args {
                    self.compile_expr(a)?;
                }
                self.u_mut().span = self.attr_span(func, attr);
                self.emit(Opcode::CALL_METHOD, args.len() as u32);
                self.u_mut().span = saved;
                return Ok(());
            }
        }
        self.compile_expr(func)?;
        if let ExprKind::Attribute { attr, .. } = &func.kind {
            // A method call is at the method's line (see `attr_span`).
            let span = self.attr_span(func, attr);
            let saved = std::mem::replace(&mut self.u_mut().span, span);
            let result = self.compile_call_helper(0, args, keywords);
            self.u_mut().span = saved;
            return result;
        }
        self.compile_call_helper(0, args, keywords)
    }

    fn validate_keywords(&mut self, keywords: &[ast::Keyword]) -> CResult {
        for (i, k) in keywords.iter().enumerate() {
            let Some(name) = &k.arg else { continue };
            if name == "__debug__" {
                return Err(self.error("cannot assign to __debug__"));
            }
            if let Some(other) = keywords[i + 1..]
                .iter()
                .find(|o| o.arg.as_ref() == Some(name))
            {
                return Err(CompileError::new(
                    format!("keyword argument repeated: {name}"),
                    other.span,
                ));
            }
        }
        Ok(())
    }

    /// The arguments of a call whose callable (and `pushed` leading
    /// arguments) are on the stack, then the call itself.
    pub fn compile_call_helper(
        &mut self,
        pushed: u32,
        args: &'a [Expr],
        keywords: &'a [ast::Keyword],
    ) -> CResult {
        self.validate_keywords(keywords)?;
        let nelts = args.len();
        let nkw = keywords.len();
        let simple = nelts + nkw * 2 <= STACK_USE_GUIDELINE
            && !args.iter().any(is_starred)
            && keywords.iter().all(|k| k.arg.is_some());
        if simple {
            for a in args {
                self.compile_expr(a)?;
            }
            if nkw > 0 {
                for k in keywords {
                    self.compile_expr(&k.value)?;
                }
                let names: Vec<Constant> = keywords
                    .iter()
                    .map(|k| Constant::Str(Rc::from(k.arg.as_deref().unwrap_or(""))))
                    .collect();
                self.emit_const(Constant::Tuple(names.into()));
                self.emit(Opcode::CALL_FUNCTION_KW, pushed + (nelts + nkw) as u32);
            } else {
                self.emit(Opcode::CALL_FUNCTION, pushed + nelts as u32);
            }
            return Ok(());
        }
        // The general case: a positional tuple and a keyword dict.
        match args {
            [Expr {
                kind: ExprKind::Starred(value),
                ..
            }] if pushed == 0 => self.compile_expr(value)?,
            _ => self.starunpack_helper(
                args,
                pushed,
                Opcode::BUILD_LIST,
                Opcode::LIST_APPEND,
                Opcode::LIST_EXTEND,
                true,
            )?,
        }
        if nkw > 0 {
            let mut have_dict = false;
            let mut nseen = 0;
            for (i, k) in keywords.iter().enumerate() {
                if k.arg.is_none() {
                    if nseen > 0 {
                        self.compile_subkwargs(keywords, i - nseen, i)?;
                        if have_dict {
                            self.emit(Opcode::DICT_MERGE, 1);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit(Opcode::BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.compile_expr(&k.value)?;
                    self.emit(Opcode::DICT_MERGE, 1);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.compile_subkwargs(keywords, nkw - nseen, nkw)?;
                if have_dict {
                    self.emit(Opcode::DICT_MERGE, 1);
                }
            }
        }
        self.emit(Opcode::CALL_FUNCTION_EX, (nkw > 0) as u32);
        Ok(())
    }

    /// A dict of the plain keyword arguments `begin..end`.
    fn compile_subkwargs(
        &mut self,
        keywords: &'a [ast::Keyword],
        begin: usize,
        end: usize,
    ) -> CResult {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        let kws = &keywords[begin..end];
        if n > 1 && !big {
            for k in kws {
                self.compile_expr(&k.value)?;
            }
            let names: Vec<Constant> = kws
                .iter()
                .map(|k| Constant::Str(Rc::from(k.arg.as_deref().unwrap_or(""))))
                .collect();
            self.emit_const(Constant::Tuple(names.into()));
            self.emit(Opcode::BUILD_CONST_KEY_MAP, n as u32);
            return Ok(());
        }
        if big {
            self.emit(Opcode::BUILD_MAP, 0);
        }
        for k in kws {
            self.emit_str(k.arg.as_deref().unwrap_or(""));
            self.compile_expr(&k.value)?;
            if big {
                self.emit(Opcode::MAP_ADD, 1);
            }
        }
        if !big {
            self.emit(Opcode::BUILD_MAP, n as u32);
        }
        Ok(())
    }
}

/// An empty span at the start of `e` (a bare `yield` has no operand text).
fn ast_span_empty(e: &Expr) -> crate::source::Span {
    crate::source::Span {
        start: e.span.start,
        end: e.span.start,
    }
}

/// `BINARY_OP` argument for an operator (index into `BINARY_OPS`).
pub(super) fn binop_index(op: ast::BinOp) -> u32 {
    use ast::BinOp::*;
    match op {
        Add => 0,
        BitAnd => 1,
        FloorDiv => 2,
        LShift => 3,
        MatMult => 4,
        Mult => 5,
        Mod => 6,
        BitOr => 7,
        Pow => 8,
        RShift => 9,
        Sub => 10,
        Div => 11,
        BitXor => 12,
    }
}

/// The name CPython's error messages use for an expression kind.
pub(super) fn expr_kind_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Tuple(_) => "tuple",
        ExprKind::List(_) => "list",
        ExprKind::Starred(_) => "starred",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant(_) => "literal",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        _ => "expression",
    }
}
