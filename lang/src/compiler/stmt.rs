//! Code generation for statements: assignments, control flow, `try`,
//! `with`, imports. Each follows the shape of CPython 3.10's `compile.c`
//! with single-value exception handlers (see `bytecode.rs`, "Handlers").

use super::codegen::{CResult, Compiler, FBlockKind, NameCtx, UnitKind};
use super::expr::{binop_index, expr_kind_name};
use super::symtable::BlockType;
use super::{mangle, CompileError, Mode, MAX_NESTING, STMT_WEIGHT, TOO_DEEP};
use crate::ast::{self, Expr, ExprKind, Stmt, StmtKind};
use crate::bytecode::{Constant, Opcode, SuspendKind};
use crate::source::Span;
use num_bigint::BigInt;
use std::rc::Rc;

/// Does any statement here (outside nested functions and classes) annotate a name?
pub(super) fn find_ann(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::For { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::If { body, orelse, .. } => find_ann(body) || find_ann(orelse),
        StmtKind::With { body, .. } => find_ann(body),
        StmtKind::Match { cases, .. } => cases.iter().any(|c| find_ann(&c.body)),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            ..
        } => {
            handlers.iter().any(|h| find_ann(&h.body))
                || find_ann(body)
                || find_ann(finalbody)
                || find_ann(orelse)
        }
        _ => false,
    })
}

/// The docstring of a body: a leading string-literal statement.
pub(super) fn docstring(body: &[Stmt]) -> Option<&str> {
    match body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr(Expr {
            kind: ExprKind::Constant(ast::Constant::Str(s)),
            ..
        })) => Some(s),
        _ => None,
    }
}

impl<'a> Compiler<'a> {
    pub fn enter_nesting(&mut self, span: Span, weight: usize) -> CResult {
        self.depth += weight;
        if self.depth > MAX_NESTING {
            return Err(CompileError::new(TOO_DEEP, span));
        }
        Ok(())
    }

    pub fn compile_stmts(&mut self, stmts: &'a [Stmt]) -> CResult {
        stmts.iter().try_for_each(|s| self.compile_stmt(s))
    }

    /// A module or class body: annotations set-up, docstring, statements.
    pub fn compile_body(&mut self, stmts: &'a [Stmt]) -> CResult {
        if find_ann(stmts) {
            self.emit(Opcode::SETUP_ANNOTATIONS, 0);
        }
        let mut rest = stmts;
        if let (Some(doc), Some(first)) = (docstring(stmts), stmts.first()) {
            self.u_mut().span = first.span;
            self.emit_str(doc);
            self.name_op("__doc__", NameCtx::Store)?;
            rest = &stmts[1..];
        }
        self.compile_stmts(rest)
    }

    /// Compiles one statement at its own position. The position is left
    /// as the statement set it last (as CPython's compiler leaves it): the
    /// jumps and block bookkeeping a compound statement emits after a body
    /// take the position of the body's last statement, so that a line
    /// trace (`sys.settrace`) shows no line twice where CPython shows it
    /// once. Positions a statement needs after its body are set again
    /// explicitly (the `with` exit, a `while True` back edge).
    pub fn compile_stmt(&mut self, s: &'a Stmt) -> CResult {
        self.enter_nesting(s.span, STMT_WEIGHT)?;
        self.u_mut().span = s.span;
        let result = self.compile_stmt_inner(s);
        self.depth -= STMT_WEIGHT;
        result
    }

    fn compile_stmt_inner(&mut self, s: &'a Stmt) -> CResult {
        match &s.kind {
            StmtKind::Expr(value) => self.compile_expr_stmt(value),
            StmtKind::Assign { targets, value } => {
                if let [target] = targets.as_slice() {
                    if self.compile_swap_assign(target, value)? {
                        return Ok(());
                    }
                }
                self.compile_expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Opcode::DUP_TOP, 0);
                    }
                    self.compile_store(t)?;
                }
                Ok(())
            }
            StmtKind::AugAssign { target, op, value } => self.compile_augassign(target, *op, value),
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.compile_annassign(target, annotation, value.as_ref(), *simple),
            StmtKind::Delete(targets) => targets.iter().try_for_each(|t| self.compile_delete(t)),
            // A NOP keeps the line for tracing; the assembler drops it
            // where another instruction of the line follows or precedes it.
            StmtKind::Pass => {
                self.emit(Opcode::NOP, 0);
                Ok(())
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => Ok(()),
            StmtKind::Break => self.compile_break(),
            StmtKind::Continue => self.compile_continue(),
            StmtKind::If { test, body, orelse } => self.compile_if(test, body, orelse),
            StmtKind::While { test, body, orelse } => self.compile_while(test, body, orelse),
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async: false,
            } => self.compile_for(target, iter, body, orelse),
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async: true,
            } => self.compile_async_for(target, iter, body, orelse),
            StmtKind::FunctionDef(def) => self.compile_function(s, def),
            StmtKind::ClassDef(class) => self.compile_class(s, class),
            StmtKind::Return(value) => self.compile_return(s, value.as_ref()),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star,
            } => {
                if !finalbody.is_empty() {
                    self.compile_try_finally(body, handlers, orelse, finalbody, *is_star)
                } else if *is_star {
                    self.compile_try_star_except(body, handlers, orelse)
                } else {
                    self.compile_try_except(body, handlers, orelse)
                }
            }
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.compile_expr(e)?;
                    n += 1;
                    if let Some(c) = cause {
                        self.compile_expr(c)?;
                        n += 1;
                    }
                }
                self.emit(Opcode::RAISE_VARARGS, n);
                Ok(())
            }
            StmtKind::With {
                items,
                body,
                is_async: false,
            } => self.compile_with(items, body),
            StmtKind::With {
                items,
                body,
                is_async: true,
            } => self.compile_async_with(items, body),
            StmtKind::Assert { test, .. } if self.optimize > 0 => {
                self.check_assert(test, s.span);
                Ok(())
            }
            StmtKind::Assert { test, msg } => {
                self.check_assert(test, s.span);
                let end = self.new_block();
                self.jump_if(test, end, true)?;
                // CPython 3.11's compiler keeps the position of the last
                // comparison of the test for the rest of the statement, so
                // the traceback points at `x > 1` in `assert x > 1, msg`.
                let saved = self.u().span;
                if let Some(span) = last_compare_span(test) {
                    self.u_mut().span = span;
                }
                self.emit(Opcode::LOAD_ASSERTION_ERROR, 0);
                if let Some(m) = msg {
                    self.compile_expr(m)?;
                    self.emit(Opcode::CALL_FUNCTION, 1);
                }
                self.emit(Opcode::RAISE_VARARGS, 1);
                self.u_mut().span = saved;
                self.use_block(end);
                Ok(())
            }
            StmtKind::Import(names) => self.compile_import(names),
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => self.compile_import_from(module.as_deref(), names, *level),
            StmtKind::Match { subject, cases } => self.compile_match(subject, cases),
        }
    }

    fn compile_expr_stmt(&mut self, value: &'a Expr) -> CResult {
        if self.mode == Mode::Interactive && self.units.len() == 1 {
            self.compile_expr(value)?;
            self.emit(Opcode::PRINT_EXPR, 0);
            return Ok(());
        }
        if matches!(value.kind, ExprKind::Constant(_)) {
            // A constant statement (a docstring elsewhere, `...`) does nothing.
            return Ok(());
        }
        self.compile_expr(value)?;
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }

    /// `a, b = b, a` without building the tuple: CPython's peephole turns
    /// `BUILD_TUPLE n; UNPACK_SEQUENCE n` into rotations for n <= 3.
    fn compile_swap_assign(&mut self, target: &'a Expr, value: &'a Expr) -> CResult<bool> {
        let (ExprKind::Tuple(values), ExprKind::Tuple(targets) | ExprKind::List(targets)) =
            (&value.kind, &target.kind)
        else {
            return Ok(false);
        };
        let n = values.len();
        if n != targets.len()
            || !(1..=3).contains(&n)
            || values
                .iter()
                .chain(targets)
                .any(|e| matches!(e.kind, ExprKind::Starred(_)))
            || self.const_tuple(values).is_some()
        {
            return Ok(false);
        }
        let saved = std::mem::replace(&mut self.u_mut().span, value.span);
        for v in values {
            self.compile_expr(v)?;
        }
        match n {
            2 => self.emit(Opcode::ROT_TWO, 0),
            3 => {
                self.emit(Opcode::ROT_THREE, 0);
                self.emit(Opcode::ROT_TWO, 0);
            }
            _ => {}
        }
        self.u_mut().span = target.span;
        for t in targets {
            self.compile_store(t)?;
        }
        self.u_mut().span = saved;
        Ok(true)
    }

    fn compile_augassign(&mut self, target: &'a Expr, op: ast::BinOp, value: &'a Expr) -> CResult {
        let saved = std::mem::replace(&mut self.u_mut().span, target.span);
        match &target.kind {
            ExprKind::Attribute { value: obj, attr } => {
                self.compile_expr(obj)?;
                self.emit(Opcode::DUP_TOP, 0);
                self.emit_attr(Opcode::LOAD_ATTR, target, attr);
            }
            ExprKind::Subscript { value: obj, slice } => {
                self.compile_expr(obj)?;
                self.compile_expr(slice)?;
                self.emit(Opcode::DUP_TOP_TWO, 0);
                self.emit(Opcode::BINARY_SUBSCR, 0);
            }
            ExprKind::Name(name) => self.name_op(name, NameCtx::Load)?,
            _ => {
                return Err(CompileError::new(
                    format!(
                        "'{}' is an illegal expression for augmented assignment",
                        expr_kind_name(target)
                    ),
                    target.span,
                ))
            }
        }
        self.u_mut().span = saved;
        self.compile_expr(value)?;
        self.emit(
            Opcode::BINARY_OP,
            binop_index(op) + crate::bytecode::BINARY_OP_INPLACE,
        );
        self.u_mut().span = target.span;
        match &target.kind {
            ExprKind::Attribute { attr, .. } => {
                self.emit(Opcode::ROT_TWO, 0);
                self.emit_attr(Opcode::STORE_ATTR, target, attr);
            }
            ExprKind::Subscript { .. } => {
                self.emit(Opcode::ROT_THREE, 0);
                self.emit(Opcode::STORE_SUBSCR, 0);
            }
            ExprKind::Name(name) => self.name_op(name, NameCtx::Store)?,
            _ => {}
        }
        self.u_mut().span = saved;
        Ok(())
    }

    fn compile_annassign(
        &mut self,
        target: &'a Expr,
        annotation: &'a Expr,
        value: Option<&'a Expr>,
        simple: bool,
    ) -> CResult {
        if let Some(v) = value {
            self.compile_expr(v)?;
            self.compile_store(target)?;
        }
        let module_or_class = matches!(self.u().kind, UnitKind::Module | UnitKind::Class);
        match &target.kind {
            ExprKind::Name(name) if simple && module_or_class => {
                if self.future.annotations {
                    self.emit_str(&super::unparse::unparse(annotation));
                } else {
                    self.compile_expr(annotation)?;
                }
                self.emit_name_raw(Opcode::LOAD_NAME, "__annotations__");
                let mangled = mangle(self.u().private.as_deref(), name);
                self.emit_str(&mangled);
                self.emit(Opcode::STORE_SUBSCR, 0);
            }
            // Without a value, the target's object (and index) is still evaluated.
            ExprKind::Attribute { value: obj, .. } if value.is_none() => {
                self.compile_expr(obj)?;
                self.emit(Opcode::POP_TOP, 0);
            }
            ExprKind::Subscript { value: obj, slice } if value.is_none() => {
                self.compile_expr(obj)?;
                self.emit(Opcode::POP_TOP, 0);
                self.check_ann_subscr(slice)?;
            }
            _ => {}
        }
        // A non-simple target's annotation is evaluated (and dropped) in modules and classes.
        if !simple && module_or_class && !self.future.annotations {
            self.compile_expr(annotation)?;
            self.emit(Opcode::POP_TOP, 0);
        }
        Ok(())
    }

    /// Evaluates the parts of an annotated subscript target's index.
    fn check_ann_subscr(&mut self, e: &'a Expr) -> CResult {
        match &e.kind {
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.compile_expr(part)?;
                    self.emit(Opcode::POP_TOP, 0);
                }
                Ok(())
            }
            ExprKind::Tuple(items) => items.iter().try_for_each(|i| self.check_ann_subscr(i)),
            _ => {
                self.compile_expr(e)?;
                self.emit(Opcode::POP_TOP, 0);
                Ok(())
            }
        }
    }

    fn compile_break(&mut self) -> CResult {
        let Some(lp) = self.unwind_fblock_stack(false, true)? else {
            return Err(self.error("'break' outside loop"));
        };
        self.unwind_fblock(&lp, false)?;
        self.emit_jump(Opcode::JUMP_ABSOLUTE, lp.exit);
        self.next_block();
        Ok(())
    }

    fn compile_continue(&mut self) -> CResult {
        let Some(lp) = self.unwind_fblock_stack(false, true)? else {
            return Err(self.error("'continue' not properly in loop"));
        };
        self.emit_jump(Opcode::JUMP_ABSOLUTE, lp.start);
        self.next_block();
        Ok(())
    }

    fn compile_return(&mut self, s: &'a Stmt, value: Option<&'a Expr>) -> CResult {
        if self.scope().kind != BlockType::Function {
            return Err(self.error("'return' outside function"));
        }
        if value.is_some() && self.scope().coroutine && self.scope().generator {
            return Err(self.error("'return' with value in async generator"));
        }
        let folded = value.and_then(|k| self.const_value(k));
        let preserve_tos = value.is_some() && folded.is_none();
        if preserve_tos {
            if let Some(v) = value {
                self.compile_expr(v)?;
            }
        } else if let Some(v) = value {
            // The location of a constant return value stays on for the unwinding, as in CPython.
            if self.line_of(v.span) == self.line_of(s.span) {
                self.u_mut().span = v.span;
            }
        }
        self.unwind_fblock_stack(preserve_tos, false)?;
        match folded {
            Some(c) => self.emit_const(c),
            None if value.is_none() => self.emit_const(Constant::None),
            None => {}
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        self.next_block();
        Ok(())
    }

    fn compile_if(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> CResult {
        let end = self.new_block();
        let next = if orelse.is_empty() {
            end
        } else {
            self.new_block()
        };
        self.jump_if(test, next, false)?;
        self.compile_stmts(body)?;
        if !orelse.is_empty() {
            self.emit_jump(Opcode::JUMP_FORWARD, end);
            self.use_block(next);
            self.compile_stmts(orelse)?;
        }
        self.use_block(end);
        Ok(())
    }

    fn compile_while(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> CResult {
        let lp = self.new_block();
        let anchor = self.new_block();
        let end = self.new_block();
        let stmt_span = self.u().span;
        // `while True:` runs no test, but its line shows on entry and on
        // each jump back, as CPython's (whose back edge is on that line).
        let always = super::fold::const_value(test).is_some_and(|c| super::fold::truthy(&c));
        if always {
            self.emit(Opcode::NOP, 0);
        }
        self.use_block(lp);
        self.push_fblock(FBlockKind::WhileLoop, lp, end);
        self.jump_if(test, anchor, false)?;
        self.compile_stmts(body)?;
        if always {
            self.u_mut().span = stmt_span;
            self.emit_jump_on_own_line(lp);
        } else {
            self.emit_jump(Opcode::JUMP_ABSOLUTE, lp);
        }
        self.pop_fblock();
        self.use_block(anchor);
        self.compile_stmts(orelse)?;
        self.use_block(end);
        Ok(())
    }

    fn compile_for(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult {
        let start = self.new_block();
        let cleanup = self.new_block();
        let end = self.new_block();
        self.compile_iterable(iter)?;
        self.emit(Opcode::GET_ITER, 0);
        self.use_block(start);
        self.push_fblock(FBlockKind::ForLoop, start, end);
        self.emit_jump(Opcode::FOR_ITER, cleanup);
        self.next_block();
        self.compile_store(target)?;
        self.compile_stmts(body)?;
        self.emit_jump(Opcode::JUMP_ABSOLUTE, start);
        self.pop_fblock();
        self.use_block(cleanup);
        self.compile_stmts(orelse)?;
        self.use_block(end);
        Ok(())
    }

    fn compile_async_for(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult {
        if self.is_top_level_await() {
            self.u_mut().top_level_coroutine = true;
        } else if self.u().kind != UnitKind::AsyncFunction {
            return Err(self.error("'async for' outside async function"));
        }
        let start = self.new_block();
        let except = self.new_block();
        let end = self.new_block();
        self.compile_expr(iter)?;
        self.emit(Opcode::GET_AITER, 0);
        self.use_block(start);
        self.push_fblock(FBlockKind::ForLoop, start, end);
        self.emit_jump(Opcode::SETUP_FINALLY, except);
        self.emit(Opcode::GET_ANEXT, 0);
        self.emit_const(Constant::None);
        self.emit_suspend(Opcode::YIELD_FROM, SuspendKind::AsyncFor, iter.span);
        self.emit(Opcode::POP_BLOCK, 0);
        self.compile_store(target)?;
        self.compile_stmts(body)?;
        self.emit_jump(Opcode::JUMP_ABSOLUTE, start);
        self.pop_fblock();
        self.use_block(except);
        let saved = std::mem::replace(&mut self.u_mut().span, iter.span);
        self.emit(Opcode::END_ASYNC_FOR, 0);
        self.u_mut().span = saved;
        self.compile_stmts(orelse)?;
        self.use_block(end);
        Ok(())
    }

    fn compile_try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
        is_star: bool,
    ) -> CResult {
        let body_block = self.new_block();
        let end = self.new_block();
        let exit = self.new_block();
        self.emit_jump(Opcode::SETUP_FINALLY, end);
        self.use_block(body_block);
        self.push_fblock(FBlockKind::FinallyTry(finalbody), body_block, end);
        if handlers.is_empty() {
            self.compile_stmts(body)?;
        } else if is_star {
            self.compile_try_star_except(body, handlers, orelse)?;
        } else {
            self.compile_try_except(body, handlers, orelse)?;
        }
        self.emit(Opcode::POP_BLOCK, 0);
        self.pop_fblock();
        self.compile_stmts(finalbody)?;
        self.emit_jump(Opcode::JUMP_FORWARD, exit);
        // The exceptional path: `[.., prev_exc, exc]`.
        self.use_block(end);
        self.push_fblock(FBlockKind::FinallyEnd, end, end);
        self.compile_stmts(finalbody)?;
        self.pop_fblock();
        self.emit(Opcode::RERAISE, 0);
        self.use_block(exit);
        Ok(())
    }

    fn compile_try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [Stmt],
    ) -> CResult {
        let body_block = self.new_block();
        let mut except = self.new_block();
        let orelse_block = self.new_block();
        let end = self.new_block();
        self.emit_jump(Opcode::SETUP_FINALLY, except);
        self.use_block(body_block);
        self.push_fblock(FBlockKind::TryExcept, body_block, body_block);
        self.compile_stmts(body)?;
        self.pop_fblock();
        self.emit(Opcode::POP_BLOCK, 0);
        self.emit_jump(Opcode::JUMP_FORWARD, orelse_block);
        self.use_block(except);
        // The VM pushes an except-handler block here: `[.., prev_exc, exc]`.
        self.push_fblock(FBlockKind::ExceptionHandler, except, except);
        for (i, handler) in handlers.iter().enumerate() {
            self.u_mut().span = handler.span;
            if handler.typ.is_none() && i + 1 < handlers.len() {
                return Err(self.error("default 'except:' must be last"));
            }
            except = self.new_block();
            if let Some(typ) = &handler.typ {
                self.compile_expr(typ)?;
                self.emit_jump(Opcode::JUMP_IF_NOT_EXC_MATCH, except);
                self.next_block();
            }
            if let Some(name) = &handler.name {
                let cleanup_end = self.new_block();
                let cleanup_body = self.new_block();
                self.name_op(name, NameCtx::Store)?;
                // try: <body> finally: name = None; del name
                self.emit_jump(Opcode::SETUP_FINALLY, cleanup_end);
                self.use_block(cleanup_body);
                self.push_fblock(
                    FBlockKind::HandlerCleanup(Some(name)),
                    cleanup_body,
                    cleanup_body,
                );
                self.compile_stmts(&handler.body)?;
                self.pop_fblock();
                self.emit(Opcode::POP_BLOCK, 0);
                self.emit(Opcode::POP_EXCEPT, 0);
                self.clear_name(name)?;
                self.emit_jump(Opcode::JUMP_FORWARD, end);
                // An exception in the handler body: `[.., prev_exc, exc, prev2, exc2]`.
                self.use_block(cleanup_end);
                self.clear_name(name)?;
                self.emit(Opcode::RERAISE, 0);
            } else {
                let cleanup_body = self.new_block();
                self.emit(Opcode::POP_TOP, 0);
                self.use_block(cleanup_body);
                self.push_fblock(FBlockKind::HandlerCleanup(None), cleanup_body, cleanup_body);
                self.compile_stmts(&handler.body)?;
                self.pop_fblock();
                self.emit(Opcode::POP_EXCEPT, 0);
                self.emit_jump(Opcode::JUMP_FORWARD, end);
            }
            self.use_block(except);
        }
        self.pop_fblock();
        self.emit(Opcode::RERAISE, 0);
        self.use_block(orelse_block);
        self.compile_stmts(orelse)?;
        self.use_block(end);
        Ok(())
    }

    /// `try: .. except* T as e: ..`; the stack contract is in the module docs of `bytecode.rs`
    /// plus the one written out below (and in the compiler's report).
    fn compile_try_star_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [Stmt],
    ) -> CResult {
        let body_block = self.new_block();
        let except = self.new_block();
        let orelse_block = self.new_block();
        let end = self.new_block();
        let reraise_star = self.new_block();
        self.emit_jump(Opcode::SETUP_FINALLY, except);
        self.use_block(body_block);
        self.push_fblock(FBlockKind::TryExcept, body_block, body_block);
        self.compile_stmts(body)?;
        self.pop_fblock();
        self.emit(Opcode::POP_BLOCK, 0);
        self.emit_jump(Opcode::JUMP_FORWARD, orelse_block);
        self.use_block(except);
        // [prev_exc, exc] -> [prev_exc, orig, list, rest]
        self.emit(Opcode::DUP_TOP, 0);
        self.emit(Opcode::BUILD_LIST, 0);
        self.emit(Opcode::ROT_TWO, 0);
        self.push_fblock(FBlockKind::ExceptionGroupHandler, except, except);
        for handler in handlers {
            self.u_mut().span = handler.span;
            let next_clause = self.new_block();
            let no_match = self.new_block();
            if let Some(typ) = &handler.typ {
                // [.., rest, T] -> [.., rest', match]
                self.compile_expr(typ)?;
                self.emit(Opcode::CHECK_EG_MATCH, 0);
                self.emit(Opcode::DUP_TOP, 0);
                self.emit_const(Constant::None);
                self.emit(Opcode::IS_OP, 0);
                self.emit_jump(Opcode::POP_JUMP_IF_TRUE, no_match);
                self.next_block();
            }
            match &handler.name {
                Some(name) => self.name_op(name, NameCtx::Store)?,
                None => self.emit(Opcode::POP_TOP, 0),
            }
            let raised = self.new_block();
            let cleanup_body = self.new_block();
            self.emit_jump(Opcode::SETUP_FINALLY, raised);
            self.use_block(cleanup_body);
            self.push_fblock(
                FBlockKind::HandlerCleanup(handler.name.as_deref()),
                cleanup_body,
                cleanup_body,
            );
            self.compile_stmts(&handler.body)?;
            self.pop_fblock();
            self.emit(Opcode::POP_BLOCK, 0);
            if let Some(name) = &handler.name {
                self.clear_name(name)?;
            }
            self.emit_jump(Opcode::JUMP_FORWARD, next_clause);
            // The handler raised: [.., orig, list, rest', prev2, exc2]; add exc2 to the
            // list and end the inner except-handler block.
            self.use_block(raised);
            if let Some(name) = &handler.name {
                self.clear_name(name)?;
            }
            self.emit(Opcode::LIST_APPEND, 3);
            self.emit(Opcode::POP_EXCEPT, 0);
            self.emit_jump(Opcode::JUMP_FORWARD, next_clause);
            self.use_block(no_match);
            self.emit(Opcode::POP_TOP, 0);
            self.use_block(next_clause);
        }
        self.pop_fblock();
        // [prev_exc, orig, list, rest]: the unhandled rest joins the list unless it is None.
        let skip_rest = self.new_block();
        self.emit(Opcode::DUP_TOP, 0);
        self.emit_const(Constant::None);
        self.emit(Opcode::IS_OP, 0);
        self.emit_jump(Opcode::POP_JUMP_IF_TRUE, skip_rest);
        self.next_block();
        self.emit(Opcode::LIST_APPEND, 1);
        self.emit_jump(Opcode::JUMP_FORWARD, reraise_star);
        self.use_block(skip_rest);
        self.emit(Opcode::POP_TOP, 0);
        self.use_block(reraise_star);
        // [prev_exc, orig, list] -> [prev_exc, exc_or_None]
        let reraise = self.new_block();
        self.emit(Opcode::PREP_RERAISE_STAR, 0);
        self.emit(Opcode::DUP_TOP, 0);
        self.emit_const(Constant::None);
        self.emit(Opcode::IS_OP, 0);
        self.emit_jump(Opcode::POP_JUMP_IF_FALSE, reraise);
        self.next_block();
        self.emit(Opcode::POP_TOP, 0);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit_jump(Opcode::JUMP_FORWARD, end);
        self.use_block(reraise);
        self.emit(Opcode::RERAISE, 0);
        self.use_block(orelse_block);
        self.compile_stmts(orelse)?;
        self.use_block(end);
        Ok(())
    }

    fn compile_with(&mut self, items: &'a [ast::WithItem], body: &'a [Stmt]) -> CResult {
        let Some((item, rest)) = items.split_first() else {
            return self.compile_stmts(body);
        };
        let stmt_span = self.u().span;
        let block = self.new_block();
        let final_ = self.new_block();
        let exit = self.new_block();
        self.compile_expr(&item.context_expr)?;
        self.emit_jump(Opcode::SETUP_WITH, final_);
        self.use_block(block);
        self.push_fblock(
            FBlockKind::With {
                is_async: false,
                mgr: item.context_expr.span,
            },
            block,
            final_,
        );
        match &item.optional_vars {
            Some(target) => self.compile_store(target)?,
            None => self.emit(Opcode::POP_TOP, 0),
        }
        if rest.is_empty() {
            self.compile_stmts(body)?;
        } else {
            self.compile_with(rest, body)?;
        }
        self.u_mut().span = stmt_span;
        self.emit(Opcode::POP_BLOCK, 0);
        self.pop_fblock();
        self.call_exit_with_nones();
        self.emit(Opcode::POP_TOP, 0);
        self.emit_jump(Opcode::JUMP_FORWARD, exit);
        // [.., exit, prev_exc, exc]
        self.use_block(final_);
        self.emit(Opcode::WITH_EXCEPT_START, 0);
        self.with_except_finish();
        self.use_block(exit);
        Ok(())
    }

    /// `[.., exit, prev_exc, exc, res]`: re-raise unless `res` is true.
    fn with_except_finish(&mut self) {
        let suppress = self.new_block();
        self.emit_jump(Opcode::POP_JUMP_IF_TRUE, suppress);
        self.next_block();
        self.emit(Opcode::RERAISE, 1);
        self.use_block(suppress);
        self.emit(Opcode::POP_TOP, 0);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::POP_TOP, 0);
    }

    fn compile_async_with(&mut self, items: &'a [ast::WithItem], body: &'a [Stmt]) -> CResult {
        let Some((item, rest)) = items.split_first() else {
            return self.compile_stmts(body);
        };
        if self.is_top_level_await() {
            self.u_mut().top_level_coroutine = true;
        } else if self.u().kind != UnitKind::AsyncFunction {
            return Err(self.error("'async with' outside async function"));
        }
        let stmt_span = self.u().span;
        let mgr = item.context_expr.span;
        let block = self.new_block();
        let final_ = self.new_block();
        let exit = self.new_block();
        self.compile_expr(&item.context_expr)?;
        self.emit(Opcode::BEFORE_ASYNC_WITH, 0);
        self.emit_await_suspend(SuspendKind::AsyncWith, mgr, 1);
        self.emit_jump(Opcode::SETUP_ASYNC_WITH, final_);
        self.use_block(block);
        self.push_fblock(
            FBlockKind::With {
                is_async: true,
                mgr,
            },
            block,
            final_,
        );
        match &item.optional_vars {
            Some(target) => self.compile_store(target)?,
            None => self.emit(Opcode::POP_TOP, 0),
        }
        if rest.is_empty() {
            self.compile_stmts(body)?;
        } else {
            self.compile_async_with(rest, body)?;
        }
        self.u_mut().span = stmt_span;
        self.pop_fblock();
        self.emit(Opcode::POP_BLOCK, 0);
        self.call_exit_with_nones();
        self.emit_await_suspend(SuspendKind::AsyncWith, mgr, 2);
        self.emit(Opcode::POP_TOP, 0);
        self.emit_jump(Opcode::JUMP_FORWARD, exit);
        self.use_block(final_);
        self.emit(Opcode::WITH_EXCEPT_START, 0);
        self.emit_await_suspend(SuspendKind::AsyncWith, mgr, 2);
        self.with_except_finish();
        self.use_block(exit);
        Ok(())
    }

    fn compile_import(&mut self, names: &'a [ast::Alias]) -> CResult {
        // Every instruction of the statement is at the statement, as in CPython.
        for alias in names {
            self.emit_const(Constant::Int(BigInt::from(0)));
            self.emit_const(Constant::None);
            self.emit_name(Opcode::IMPORT_NAME, &alias.name);
            match &alias.asname {
                Some(asname) => {
                    let mut parts = alias.name.split('.');
                    parts.next();
                    let attrs: Vec<&str> = parts.collect();
                    if attrs.is_empty() {
                        self.name_op(asname, NameCtx::Store)?;
                    } else {
                        // `import a.b.c as d`: walk down to `c` with IMPORT_FROM.
                        for (i, attr) in attrs.iter().enumerate() {
                            self.emit_name_raw(Opcode::IMPORT_FROM, attr);
                            if i + 1 < attrs.len() {
                                self.emit(Opcode::ROT_TWO, 0);
                                self.emit(Opcode::POP_TOP, 0);
                            }
                        }
                        self.name_op(asname, NameCtx::Store)?;
                        self.emit(Opcode::POP_TOP, 0);
                    }
                }
                None => {
                    let top = alias.name.split('.').next().unwrap_or(&alias.name);
                    self.name_op(top, NameCtx::Store)?;
                }
            }
        }
        Ok(())
    }

    fn compile_import_from(
        &mut self,
        module: Option<&str>,
        names: &'a [ast::Alias],
        level: u32,
    ) -> CResult {
        if module == Some("__future__") && self.line_of(self.u().span) > self.future.lineno {
            return Err(self.error(super::LATE_FUTURE));
        }
        self.emit_const(Constant::Int(BigInt::from(level)));
        let fromlist: Vec<Constant> = names
            .iter()
            .map(|a| Constant::Str(Rc::from(a.name.as_str())))
            .collect();
        self.emit_const(Constant::Tuple(fromlist.into()));
        self.emit_name(Opcode::IMPORT_NAME, module.unwrap_or(""));
        for (i, alias) in names.iter().enumerate() {
            if i == 0 && alias.name.starts_with('*') {
                self.emit(Opcode::IMPORT_STAR, 0);
                return Ok(());
            }
            self.emit_name(Opcode::IMPORT_FROM, &alias.name);
            self.name_op(
                alias.asname.as_deref().unwrap_or(&alias.name),
                NameCtx::Store,
            )?;
        }
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }
}

/// The span of the comparison a test's conditional jumps end on, as CPython
/// 3.11's `compiler_jump_if` walks it (through `not`, `and`/`or` and
/// conditional expressions): the last one compiled, if any.
fn last_compare_span(e: &Expr) -> Option<crate::source::Span> {
    match &e.kind {
        ExprKind::Compare { .. } => Some(e.span),
        ExprKind::UnaryOp {
            op: ast::UnaryOp::Not,
            operand,
        } => last_compare_span(operand),
        ExprKind::BoolOp { values, .. } => values.iter().rev().find_map(last_compare_span),
        ExprKind::IfExp { test, body, orelse } => last_compare_span(orelse)
            .or_else(|| last_compare_span(body))
            .or_else(|| last_compare_span(test)),
        _ => None,
    }
}
