//! Code that makes nested code objects: functions, classes, lambdas and
//! comprehensions (each compiled in its own unit, then wrapped in
//! `MAKE_FUNCTION` with its defaults, annotations and closure).

use super::codegen::{CResult, Compiler, FBlockKind, NameCtx, UnitKind};
use super::expr::is_starred;
use super::mangle;
use super::stmt::docstring;
use super::symtable::{node_key, CompKind, NameScope};
use crate::ast::{self, Comprehension, Expr, ExprKind, Stmt};
use crate::bytecode::{CodeObject, Constant, Opcode, SuspendKind};
use std::rc::Rc;

impl<'a> Compiler<'a> {
    pub(super) fn compile_function(&mut self, s: &'a Stmt, def: &'a ast::FunctionDef) -> CResult {
        self.check_debug_args(&def.args)?;
        for d in &def.decorators {
            self.compile_expr(d)?;
        }
        let firstlineno = self.line_of(def.decorators.first().map_or(s.span, |d| d.span));
        let mut make_flags = self.compile_defaults(&def.args)?;
        if self.compile_annotations(&def.args, def.returns.as_ref())? {
            make_flags |= 4;
        }
        let scope = self.scope_of_node(super::symtable::node_key(def), s.span)?;
        let kind = if def.is_async {
            UnitKind::AsyncFunction
        } else {
            UnitKind::Function
        };
        self.enter_unit(scope, kind, &def.name, firstlineno, s.span);
        let doc = docstring(&def.body);
        self.add_const(doc.map_or(Constant::None, |d| Constant::Str(Rc::from(d))));
        self.set_arg_counts(&def.args);
        let body = if doc.is_some() {
            &def.body[1..]
        } else {
            &def.body[..]
        };
        self.compile_stmts(body)?;
        let code = self.exit_unit(true);
        self.make_closure(code, make_flags, None)?;
        self.apply_decorators(&def.decorators);
        self.name_op(&def.name, NameCtx::Store)
    }

    /// Calls the decorators on the object on top of the stack, innermost
    /// first; each call is at its decorator's position, as in CPython, so a
    /// traceback through one shows the `@decorator` line.
    fn apply_decorators(&mut self, decorators: &[Expr]) {
        let saved = self.u().span;
        for d in decorators.iter().rev() {
            self.u_mut().span = d.span;
            self.emit(Opcode::CALL_FUNCTION, 1);
        }
        self.u_mut().span = saved;
    }

    /// A parameter named `__debug__` is an assignment to it.
    pub fn check_debug_args(&self, args: &ast::Arguments) -> CResult {
        let all = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(args.vararg.as_ref())
            .chain(&args.kwonlyargs)
            .chain(args.kwarg.as_ref());
        for arg in all {
            if arg.name == "__debug__" {
                return Err(self.error("cannot assign to __debug__"));
            }
        }
        Ok(())
    }

    pub fn set_arg_counts(&mut self, args: &ast::Arguments) {
        let u = self.u_mut();
        u.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
        u.posonlyargcount = args.posonlyargs.len() as u32;
        u.kwonlyargcount = args.kwonlyargs.len() as u32;
    }

    /// Pushes the defaults tuple and kw-only defaults dict; returns MAKE_FUNCTION flags 1|2.
    pub fn compile_defaults(&mut self, args: &'a ast::Arguments) -> CResult<u32> {
        let mut make_flags = 0;
        if !args.defaults.is_empty() {
            match self.const_tuple(&args.defaults) {
                Some(t) => self.emit_const(t),
                None => {
                    for d in &args.defaults {
                        self.compile_expr(d)?;
                    }
                    self.emit(Opcode::BUILD_TUPLE, args.defaults.len() as u32);
                }
            }
            make_flags |= 1;
        }
        let mut keys = Vec::new();
        for (arg, default) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
            if let Some(d) = default {
                keys.push(Constant::Str(Rc::from(mangle(
                    self.u().private.as_deref(),
                    &arg.name,
                ))));
                self.compile_expr(d)?;
            }
        }
        if !keys.is_empty() {
            let n = keys.len() as u32;
            self.emit_const(Constant::Tuple(keys.into()));
            self.emit(Opcode::BUILD_CONST_KEY_MAP, n);
            make_flags |= 2;
        }
        Ok(make_flags)
    }

    /// Pushes the annotations tuple `('x', int, 'return', str)`; true if any.
    fn compile_annotations(
        &mut self,
        args: &'a ast::Arguments,
        returns: Option<&'a Expr>,
    ) -> CResult<bool> {
        let mut n = 0;
        // CPython's order: args, posonlyargs, *args, kwonlyargs, **kwargs, return.
        let all = args
            .args
            .iter()
            .chain(&args.posonlyargs)
            .chain(args.vararg.as_ref())
            .chain(&args.kwonlyargs)
            .chain(args.kwarg.as_ref());
        for arg in all {
            if let Some(ann) = &arg.annotation {
                self.compile_annotation(&arg.name, ann)?;
                n += 2;
            }
        }
        if let Some(r) = returns {
            self.compile_annotation("return", r)?;
            n += 2;
        }
        if n > 0 {
            self.emit(Opcode::BUILD_TUPLE, n);
        }
        Ok(n > 0)
    }

    fn compile_annotation(&mut self, name: &str, ann: &'a Expr) -> CResult {
        let mangled = mangle(self.u().private.as_deref(), name);
        self.emit_str(&mangled);
        if self.future.annotations {
            self.emit_str(&super::unparse::unparse(ann));
        } else if let ExprKind::Starred(value) = &ann.kind {
            // `*args: *Ts` evaluates to the single item of the unpacking.
            self.compile_expr(value)?;
            self.emit(Opcode::UNPACK_SEQUENCE, 1);
        } else {
            self.compile_expr(ann)?;
        }
        Ok(())
    }

    /// `[closure tuple]; LOAD_CONST code; LOAD_CONST qualname; MAKE_FUNCTION flags`.
    /// `qualname` overrides the code's own (a class body function is named plainly).
    pub fn make_closure(
        &mut self,
        code: Rc<CodeObject>,
        mut make_flags: u32,
        qualname: Option<Rc<str>>,
    ) -> CResult {
        if !code.freevars.is_empty() {
            for name in code.freevars.iter() {
                let u = self.u();
                let is_cell = (u.kind == UnitKind::Class && &**name == "__class__")
                    || self.scope().scope_of(name) == NameScope::Cell;
                let index = if is_cell {
                    u.cellvars.get(name)
                } else {
                    u.freevars.get(name).map(|i| i + u.cellvars.len() as u32)
                };
                let Some(index) = index else {
                    return Err(self.error(format!("internal error: no closure cell for '{name}'")));
                };
                self.emit(Opcode::LOAD_CLOSURE, index);
            }
            self.emit(Opcode::BUILD_TUPLE, code.freevars.len() as u32);
            make_flags |= 8;
        }
        let qualname = qualname.unwrap_or_else(|| code.qualname.clone());
        self.emit_const(Constant::Code(code));
        self.emit_const(Constant::Str(qualname));
        self.emit(Opcode::MAKE_FUNCTION, make_flags);
        Ok(())
    }

    pub(super) fn compile_class(&mut self, s: &'a Stmt, class: &'a ast::ClassDef) -> CResult {
        for d in &class.decorators {
            self.compile_expr(d)?;
        }
        let firstlineno = self.line_of(class.decorators.first().map_or(s.span, |d| d.span));
        let scope = self.scope_of_node(super::symtable::node_key(class), s.span)?;
        self.enter_unit(scope, UnitKind::Class, &class.name, firstlineno, s.span);
        self.u_mut().private = Some(class.name.clone());
        self.name_op("__name__", NameCtx::Load)?;
        self.name_op("__module__", NameCtx::Store)?;
        let qualname = self.u().qualname.clone();
        self.emit_str(&qualname);
        self.name_op("__qualname__", NameCtx::Store)?;
        self.compile_body(&class.body)?;
        // The return of the namespace keeps the last statement's position.
        if self.scope().needs_class_closure {
            // Return the `__class__` cell so that type.__new__ can fill it in.
            let i = self.u().cellvars.get("__class__").unwrap_or(0);
            self.emit(Opcode::LOAD_CLOSURE, i);
            self.emit(Opcode::DUP_TOP, 0);
            self.name_op("__classcell__", NameCtx::Store)?;
        } else {
            self.emit_const(Constant::None);
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        let code = self.exit_unit(true);
        self.emit(Opcode::LOAD_BUILD_CLASS, 0);
        // The body function's qualname is the class's plain name, as in CPython.
        let name = code.name.clone();
        self.make_closure(code, 0, Some(name))?;
        self.emit_str(&class.name);
        self.compile_call_helper(2, &class.bases, &class.keywords)?;
        self.apply_decorators(&class.decorators);
        self.name_op(&class.name, NameCtx::Store)
    }

    pub(super) fn compile_lambda(
        &mut self,
        e: &'a Expr,
        args: &'a ast::Arguments,
        body: &'a Expr,
    ) -> CResult {
        self.check_debug_args(args)?;
        let make_flags = self.compile_defaults(args)?;
        let scope = self.scope_of_node(node_key(e), e.span)?;
        let line = self.line_of(e.span);
        self.enter_unit(scope, UnitKind::Lambda, "<lambda>", line, e.span);
        // None first, so that a lambda never has a docstring.
        self.add_const(Constant::None);
        self.set_arg_counts(args);
        self.compile_expr(body)?;
        self.emit(Opcode::RETURN_VALUE, 0);
        let code = self.exit_unit(false);
        self.make_closure(code, make_flags, None)
    }

    pub(super) fn compile_comprehension(
        &mut self,
        e: &'a Expr,
        kind: CompKind,
        generators: &'a [Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> CResult {
        let Some(outermost) = generators.first() else {
            return Err(self.error("comprehension without a for clause"));
        };
        let top_level_await = self.is_top_level_await();
        let outer_kind = self.u().kind;
        let scope = self.scope_of_node(node_key(e), e.span)?;
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Generator => "<genexpr>",
        };
        let line = self.line_of(e.span);
        self.enter_unit(scope, UnitKind::Comprehension, name, line, e.span);
        let is_async = self.scope().coroutine;
        if is_async
            && kind != CompKind::Generator
            && !matches!(
                outer_kind,
                UnitKind::AsyncFunction | UnitKind::Comprehension
            )
            && !top_level_await
        {
            let err = self.error("asynchronous comprehension outside of an asynchronous function");
            self.units.pop();
            return Err(err);
        }
        self.u_mut().argcount = 1;
        let build = match kind {
            CompKind::List => Some(Opcode::BUILD_LIST),
            CompKind::Set => Some(Opcode::BUILD_SET),
            CompKind::Dict => Some(Opcode::BUILD_MAP),
            CompKind::Generator => None,
        };
        if let Some(op) = build {
            self.emit(op, 0);
        }
        let result = self.comprehension_generator(generators, 0, 0, elt, value, kind);
        if let Err(err) = result {
            self.units.pop();
            return Err(err);
        }
        if build.is_some() {
            self.emit(Opcode::RETURN_VALUE, 0);
        }
        let code = self.exit_unit(true);
        if top_level_await && is_async {
            self.u_mut().top_level_coroutine = true;
        }
        self.make_closure(code, 0, None)?;
        self.compile_iterable(&outermost.iter)?;
        self.emit(
            if outermost.is_async {
                Opcode::GET_AITER
            } else {
                Opcode::GET_ITER
            },
            0,
        );
        self.emit(Opcode::CALL_FUNCTION, 1);
        if is_async && kind != CompKind::Generator {
            self.emit_await_suspend(SuspendKind::Await, e.span, 0);
        }
        Ok(())
    }

    fn comprehension_generator(
        &mut self,
        generators: &'a [Comprehension],
        index: usize,
        depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
    ) -> CResult {
        if generators[index].is_async {
            self.async_comprehension_generator(generators, index, depth, elt, value, kind)
        } else {
            self.sync_comprehension_generator(generators, index, depth, elt, value, kind)
        }
    }

    /// The innermost part of a comprehension: add the element to the result (or yield it).
    fn comprehension_element(
        &mut self,
        depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
    ) -> CResult {
        match kind {
            CompKind::Generator => {
                self.compile_expr(elt)?;
                self.emit_yield(elt.span);
                self.emit(Opcode::POP_TOP, 0);
            }
            CompKind::List => {
                self.compile_expr(elt)?;
                self.emit(Opcode::LIST_APPEND, depth + 1);
            }
            CompKind::Set => {
                self.compile_expr(elt)?;
                self.emit(Opcode::SET_ADD, depth + 1);
            }
            CompKind::Dict => {
                self.compile_expr(elt)?;
                if let Some(v) = value {
                    self.compile_expr(v)?;
                }
                self.emit(Opcode::MAP_ADD, depth + 1);
            }
        }
        Ok(())
    }

    fn sync_comprehension_generator(
        &mut self,
        generators: &'a [Comprehension],
        index: usize,
        mut depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
    ) -> CResult {
        let gen = &generators[index];
        let mut start = Some(self.new_block());
        let if_cleanup = self.new_block();
        let anchor = self.new_block();
        if index == 0 {
            // The outermost iterator arrives as the argument `.0`.
            self.emit(Opcode::LOAD_FAST, 0);
        } else {
            // `for y in [f(x)]` binds y without a loop.
            let single = match &gen.iter.kind {
                ExprKind::List(items) | ExprKind::Tuple(items)
                    if items.len() == 1 && !is_starred(&items[0]) =>
                {
                    Some(&items[0])
                }
                _ => None,
            };
            match single {
                Some(item) => {
                    self.compile_expr(item)?;
                    start = None;
                }
                None => {
                    self.compile_iterable(&gen.iter)?;
                    self.emit(Opcode::GET_ITER, 0);
                }
            }
        }
        if let Some(start) = start {
            depth += 1;
            self.use_block(start);
            self.emit_jump(Opcode::FOR_ITER, anchor);
        }
        self.next_block();
        self.compile_store(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
            self.next_block();
        }
        if index + 1 < generators.len() {
            self.comprehension_generator(generators, index + 1, depth, elt, value, kind)?;
        } else {
            self.comprehension_element(depth, elt, value, kind)?;
        }
        self.use_block(if_cleanup);
        if let Some(start) = start {
            self.emit_jump(Opcode::JUMP_ABSOLUTE, start);
            self.use_block(anchor);
        }
        Ok(())
    }

    fn async_comprehension_generator(
        &mut self,
        generators: &'a [Comprehension],
        index: usize,
        mut depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
    ) -> CResult {
        let gen = &generators[index];
        let start = self.new_block();
        let except = self.new_block();
        let if_cleanup = self.new_block();
        if index == 0 {
            self.emit(Opcode::LOAD_FAST, 0);
        } else {
            self.compile_iterable(&gen.iter)?;
            self.emit(Opcode::GET_AITER, 0);
        }
        self.use_block(start);
        self.push_fblock(FBlockKind::AsyncComprehensionGenerator, start, start);
        self.emit_jump(Opcode::SETUP_FINALLY, except);
        self.emit(Opcode::GET_ANEXT, 0);
        self.emit_const(Constant::None);
        self.emit_suspend(Opcode::YIELD_FROM, SuspendKind::AsyncFor, gen.iter.span);
        self.emit(Opcode::POP_BLOCK, 0);
        self.compile_store(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
            self.next_block();
        }
        depth += 1;
        if index + 1 < generators.len() {
            self.comprehension_generator(generators, index + 1, depth, elt, value, kind)?;
        } else {
            self.comprehension_element(depth, elt, value, kind)?;
        }
        self.use_block(if_cleanup);
        self.emit_jump(Opcode::JUMP_ABSOLUTE, start);
        self.pop_fblock();
        self.use_block(except);
        self.emit(Opcode::END_ASYNC_FOR, 0);
        Ok(())
    }
}
