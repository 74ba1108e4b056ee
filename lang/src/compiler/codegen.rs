//! Code generation: compilation units, names, frame blocks and statements.
//!
//! A [`Compiler`] keeps a stack of [`Unit`]s, one per code object being
//! built (module, class body, function, lambda, comprehension); the
//! innermost is the one instructions go to. Each unit also keeps a stack of
//! frame blocks ([`FBlock`]): the loops, `try` bodies, handlers and `with`
//! blocks the current statement is inside, so that `return`, `break` and
//! `continue` can emit the code that leaves each of them, exactly as
//! CPython's `compiler_unwind_fblock` does. Expressions are in `expr.rs`.

use super::assemble::{BlockId, Cfg, Ins};
use super::symtable::{BlockType, NameScope, ScopeId, SymbolTable, DEF_FREE_CLASS};
use super::{fold, mangle, CompileError, Mode, MAX_NESTING, TOO_DEEP};
use crate::ast::{self, Expr, ExprKind, Stmt, StmtKind};
use crate::bytecode::{flags, CodeObject, Constant, Opcode, SuspendKind};
use crate::source::{LineIndex, Span};
use num_bigint::BigInt;
use std::collections::HashMap;
use std::rc::Rc;

pub(super) type CResult<T = ()> = Result<T, CompileError>;

/// Calls with more arguments than this use the generic `CALL_FUNCTION_EX`
/// path, and displays are built incrementally (CPython's `STACK_USE_GUIDELINE`).
pub(super) const STACK_USE_GUIDELINE: usize = 30;

/// What kind of code a unit compiles (CPython's `COMPILER_SCOPE_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum UnitKind {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

/// A block the current statement is nested in, and what leaving it early takes.
#[derive(Clone, Debug)]
pub(super) enum FBlockKind<'a> {
    WhileLoop,
    ForLoop,
    /// The body of a `try` with handlers: leaving it pops the handler block.
    TryExcept,
    /// The body of a `try` with a `finally`: leaving it runs the finally body.
    FinallyTry(&'a [Stmt]),
    /// The finally body run for an exception: `[.., prev_exc, exc]` are on the stack.
    FinallyEnd,
    /// A `with` body: leaving it calls `__exit__(None, None, None)`.
    With { is_async: bool, mgr: Span },
    /// An except-handler body; the name bound by `as`, if any, is cleared on leaving.
    HandlerCleanup(Option<&'a str>),
    /// A value sits on the stack (a return value while a finally body runs).
    PopValue,
    /// The matching part of an except handler.
    ExceptionHandler,
    /// The handlers of an `except*`: nothing may jump out of them.
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

#[derive(Clone, Debug)]
pub(super) struct FBlock<'a> {
    pub kind: FBlockKind<'a>,
    /// Where `continue` goes, for loops.
    pub start: BlockId,
    /// Where `break` goes, for loops.
    pub exit: BlockId,
}

/// An insertion-ordered set of names, giving each its index.
#[derive(Debug, Default)]
pub(super) struct NameSet {
    pub items: Vec<Rc<str>>,
    index: HashMap<Rc<str>, u32>,
}

impl NameSet {
    pub fn from_names(names: impl IntoIterator<Item = String>) -> NameSet {
        let mut set = NameSet::default();
        for n in names {
            set.add(&n);
        }
        set
    }

    pub fn add(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let rc: Rc<str> = Rc::from(name);
        let i = self.items.len() as u32;
        self.items.push(rc.clone());
        self.index.insert(rc, i);
        i
    }

    pub fn get(&self, name: &str) -> Option<u32> {
        self.index.get(name).copied()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }
}

/// The identity of a constant for deduplication: like CPython's, it tells
/// `1` from `1.0` from `True`, and `0.0` from `-0.0`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    Bool(bool),
    Int(BigInt),
    Float(u64),
    Complex(u64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Vec<ConstKey>),
    Code(usize),
    Ellipsis,
}

fn const_key(c: &Constant) -> ConstKey {
    match c {
        Constant::None => ConstKey::None,
        Constant::Bool(b) => ConstKey::Bool(*b),
        Constant::Int(i) => ConstKey::Int(i.clone()),
        Constant::Float(f) => ConstKey::Float(f.to_bits()),
        Constant::Complex(f) => ConstKey::Complex(f.to_bits()),
        Constant::Str(s) => ConstKey::Str(s.clone()),
        Constant::Bytes(b) => ConstKey::Bytes(b.clone()),
        Constant::Tuple(t) => ConstKey::Tuple(t.iter().map(const_key).collect()),
        Constant::Code(c) => ConstKey::Code(Rc::as_ptr(c) as usize),
        Constant::Ellipsis => ConstKey::Ellipsis,
    }
}

/// One code object under construction.
pub(super) struct Unit<'a> {
    pub scope: ScopeId,
    pub kind: UnitKind,
    pub name: String,
    pub qualname: String,
    pub firstlineno: u32,
    pub cfg: Cfg,
    pub cur: BlockId,
    pub consts: Vec<Constant>,
    const_index: HashMap<ConstKey, u32>,
    pub names: NameSet,
    pub varnames: NameSet,
    pub cellvars: NameSet,
    pub freevars: NameSet,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub fblocks: Vec<FBlock<'a>>,
    /// The class whose names are mangled here (`__x` -> `_C__x`).
    pub private: Option<String>,
    /// The span of the innermost node being compiled: every instruction gets it.
    pub span: Span,
    /// Set when a top-level `async for`/`async with`/async comprehension
    /// makes REPL module code a coroutine (the symbol table cannot know).
    pub top_level_coroutine: bool,
}

/// Whether a name is read, written or deleted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum NameCtx {
    Load,
    Store,
    Del,
}

pub(super) struct Compiler<'a> {
    pub table: &'a SymbolTable,
    pub filename: Rc<str>,
    pub source: &'a str,
    pub source_rc: Rc<str>,
    pub lines: LineIndex,
    pub mode: Mode,
    pub units: Vec<Unit<'a>>,
    /// Current recursion depth over statements and expressions.
    pub depth: usize,
}

/// Compiles the module whose symbol table is `table`.
pub(super) fn compile(
    module: &ast::Module,
    table: &SymbolTable,
    filename: &str,
    source: &str,
    mode: Mode,
) -> CResult<Rc<CodeObject>> {
    let mut c = Compiler {
        table,
        filename: Rc::from(filename),
        source,
        source_rc: Rc::from(source),
        lines: LineIndex::new(source),
        mode,
        units: Vec::new(),
        depth: 0,
    };
    let first_span = module.body.first().map(|s| s.span).unwrap_or_default();
    c.enter_unit(0, UnitKind::Module, "<module>", 1, first_span);
    match mode {
        Mode::Exec => c.compile_body(&module.body)?,
        Mode::Interactive => {
            if find_ann(&module.body) {
                c.emit(Opcode::SETUP_ANNOTATIONS, 0);
            }
            c.compile_stmts(&module.body)?;
        }
        Mode::Eval => {
            let [Stmt { kind: StmtKind::Expr(e), .. }] = module.body.as_slice() else {
                let span = module.body.get(1).or(module.body.first()).map(|s| s.span).unwrap_or_default();
                return Err(CompileError::new("invalid syntax", span));
            };
            c.compile_expr(e)?;
            c.emit(Opcode::RETURN_VALUE, 0);
        }
    }
    Ok(c.exit_unit(true))
}

/// Does any statement here (outside nested functions and classes) annotate a name?
fn find_ann(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::For { body, orelse, .. } | StmtKind::While { body, orelse, .. } | StmtKind::If { body, orelse, .. } => {
            find_ann(body) || find_ann(orelse)
        }
        StmtKind::With { body, .. } => find_ann(body),
        StmtKind::Try { body, handlers, orelse, finalbody, .. } => {
            handlers.iter().any(|h| find_ann(&h.body)) || find_ann(body) || find_ann(finalbody) || find_ann(orelse)
        }
        _ => false,
    })
}

/// The docstring of a body: a leading string-literal statement.
pub(super) fn docstring(body: &[Stmt]) -> Option<&str> {
    match body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr(Expr { kind: ExprKind::Constant(ast::Constant::Str(s)), .. })) => Some(s),
        _ => None,
    }
}

impl<'a> Compiler<'a> {
    // ----- units -------------------------------------------------------

    pub fn u(&self) -> &Unit<'a> {
        self.units.last().expect("a unit is always being compiled")
    }

    pub fn u_mut(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("a unit is always being compiled")
    }

    pub fn enter_unit(&mut self, scope: ScopeId, kind: UnitKind, name: &str, firstlineno: u32, span: Span) {
        let st = &self.table.scopes[scope];
        let mut cellvars = NameSet::from_names(st.names_by_scope(NameScope::Cell, 0));
        if st.kind == BlockType::Class && st.needs_class_closure {
            cellvars.add("__class__");
        }
        let freevars = NameSet::from_names(st.names_by_scope(NameScope::Free, DEF_FREE_CLASS));
        let varnames = NameSet::from_names(st.varnames.iter().cloned());
        let private = self.units.last().and_then(|u| u.private.clone());
        let qualname = self.qualname_for(kind, name);
        let mut cfg = Cfg::default();
        let entry = cfg.new_block();
        cfg.layout.push(entry);
        self.units.push(Unit {
            scope,
            kind,
            name: name.to_string(),
            qualname,
            firstlineno,
            cfg,
            cur: entry,
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: NameSet::default(),
            varnames,
            cellvars,
            freevars,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            fblocks: Vec::new(),
            private,
            span,
            top_level_coroutine: false,
        });
    }

    /// CPython's `compiler_set_qualname`.
    fn qualname_for(&self, kind: UnitKind, name: &str) -> String {
        // Units directly inside the module have plain names.
        if self.units.len() < 2 {
            return name.to_string();
        }
        let Some(parent) = self.units.last() else { return name.to_string() };
        if matches!(kind, UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Class) {
            let mangled = mangle(parent.private.as_deref(), name);
            if self.table.scopes[parent.scope].scope_of(&mangled) == NameScope::GlobalExplicit {
                return name.to_string();
            }
        }
        match parent.kind {
            UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Lambda => {
                format!("{}.<locals>.{}", parent.qualname, name)
            }
            _ => format!("{}.{}", parent.qualname, name),
        }
    }

    /// Finishes the current unit and turns it into a code object.
    pub fn exit_unit(&mut self, add_none: bool) -> Rc<CodeObject> {
        let ends_with_return = {
            let u = self.u();
            u.cfg.blocks[u.cur].instrs.last().is_some_and(|i| i.op == Opcode::RETURN_VALUE)
        };
        if !ends_with_return {
            if add_none {
                self.emit_const(Constant::None);
            }
            self.emit(Opcode::RETURN_VALUE, 0);
        }
        let Some(unit) = self.units.pop() else {
            unreachable!("exit_unit without a unit")
        };
        let st = &self.table.scopes[unit.scope];
        let mut code_flags = 0;
        if st.kind == BlockType::Function {
            code_flags |= flags::OPTIMIZED | flags::NEWLOCALS;
            if st.nested {
                code_flags |= flags::NESTED;
            }
            code_flags |= match (st.generator, st.coroutine) {
                (true, false) => flags::GENERATOR,
                (false, true) => flags::COROUTINE,
                (true, true) => flags::ASYNC_GENERATOR,
                (false, false) => 0,
            };
            if st.varargs {
                code_flags |= flags::VARARGS;
            }
            if st.varkeywords {
                code_flags |= flags::VARKEYWORDS;
            }
        }
        if self.mode == Mode::Interactive
            && unit.kind == UnitKind::Module
            && (st.coroutine || unit.top_level_coroutine)
            && !st.generator
        {
            code_flags |= flags::COROUTINE;
        }
        let total_args = unit.argcount + unit.kwonlyargcount + st.varargs as u32 + st.varkeywords as u32;
        let cell2arg = unit
            .cellvars
            .items
            .iter()
            .map(|cell| unit.varnames.items.iter().take(total_args as usize).position(|v| v == cell).map(|i| i as u32))
            .collect::<Vec<_>>();
        let cell2arg = if cell2arg.iter().any(Option::is_some) { cell2arg } else { Vec::new() };
        let assembled = unit.cfg.assemble();
        let lines = assembled.spans.iter().map(|s| self.lines.line(s.start)).collect();
        let suspensions = assembled
            .suspensions
            .into_iter()
            .map(|(i, kind, span)| (i, kind, self.text(span).to_string()))
            .collect();
        Rc::new(CodeObject {
            name: Rc::from(unit.name.as_str()),
            qualname: Rc::from(unit.qualname.as_str()),
            filename: self.filename.clone(),
            firstlineno: unit.firstlineno,
            flags: code_flags,
            argcount: unit.argcount,
            posonlyargcount: unit.posonlyargcount,
            kwonlyargcount: unit.kwonlyargcount,
            instructions: assembled.instructions,
            spans: assembled.spans,
            lines,
            consts: unit.consts,
            names: unit.names.items,
            varnames: unit.varnames.items,
            cellvars: unit.cellvars.items,
            freevars: unit.freevars.items,
            cell2arg,
            stacksize: assembled.stacksize,
            suspensions,
            source: Some(self.source_rc.clone()),
        })
    }

    /// The source text of a span (empty if the span is not in the source).
    pub fn text(&self, span: Span) -> &str {
        self.source.get(span.start as usize..span.end as usize).unwrap_or("")
    }

    pub fn line_of(&self, span: Span) -> u32 {
        self.lines.line(span.start)
    }

    pub fn scope(&self) -> &'a super::symtable::Scope {
        &self.table.scopes[self.u().scope]
    }

    /// The scope opened by a node, found by its address.
    pub fn scope_of_node(&self, key: usize, span: Span) -> CResult<ScopeId> {
        self.table
            .scope_for(key)
            .ok_or_else(|| CompileError::new("internal error: no symbol table for scope", span))
    }

    pub fn error(&self, msg: impl Into<String>) -> CompileError {
        CompileError::new(msg, self.u().span)
    }

    /// Interactive top level, where `await` is allowed outside functions.
    pub fn is_top_level_await(&self) -> bool {
        self.mode == Mode::Interactive && self.u().kind == UnitKind::Module
    }

    // ----- emitting ----------------------------------------------------

    pub fn new_block(&mut self) -> BlockId {
        self.u_mut().cfg.new_block()
    }

    /// Makes `block` the current one, laying it out after the previous one.
    pub fn use_block(&mut self, block: BlockId) {
        let u = self.u_mut();
        u.cfg.layout.push(block);
        u.cur = block;
    }

    pub fn next_block(&mut self) {
        let b = self.new_block();
        self.use_block(b);
    }

    fn push_ins(&mut self, ins: Ins) {
        let u = self.u_mut();
        let cur = u.cur;
        u.cfg.blocks[cur].instrs.push(ins);
    }

    pub fn emit(&mut self, op: Opcode, arg: u32) {
        let span = self.u().span;
        self.push_ins(Ins { op, arg, target: None, span, suspend: None });
    }

    pub fn emit_jump(&mut self, op: Opcode, target: BlockId) {
        let span = self.u().span;
        self.push_ins(Ins { op, arg: 0, target: Some(target), span, suspend: None });
    }

    /// Emits a `YIELD_VALUE`/`YIELD_FROM` and records what it waits on.
    pub fn emit_suspend(&mut self, op: Opcode, kind: SuspendKind, what: Span) {
        let span = self.u().span;
        self.push_ins(Ins { op, arg: 0, target: None, span, suspend: Some((kind, what)) });
    }

    pub fn add_const(&mut self, c: Constant) -> u32 {
        let key = const_key(&c);
        let u = self.u_mut();
        if let Some(&i) = u.const_index.get(&key) {
            return i;
        }
        let i = u.consts.len() as u32;
        u.consts.push(c);
        u.const_index.insert(key, i);
        i
    }

    pub fn emit_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.emit(Opcode::LOAD_CONST, i);
    }

    pub fn emit_str(&mut self, s: &str) {
        self.emit_const(Constant::Str(Rc::from(s)));
    }

    /// An op on `names`, with the name mangled (CPython's `ADDOP_NAME`).
    pub fn emit_name(&mut self, op: Opcode, name: &str) {
        let mangled = mangle(self.u().private.as_deref(), name);
        let i = self.u_mut().names.add(&mangled);
        self.emit(op, i);
    }

    /// An op on `names`, unmangled (CPython's `ADDOP_N`).
    pub fn emit_name_raw(&mut self, op: Opcode, name: &str) {
        let i = self.u_mut().names.add(name);
        self.emit(op, i);
    }

    /// Load, store or delete a variable, choosing the opcode by its scope.
    pub fn name_op(&mut self, name: &str, ctx: NameCtx) -> CResult {
        if name == "__debug__" && ctx != NameCtx::Load {
            let what = if ctx == NameCtx::Store { "assign to" } else { "delete" };
            return Err(self.error(format!("cannot {what} __debug__")));
        }
        let mangled = mangle(self.u().private.as_deref(), name);
        let st = self.scope();
        let is_function = st.kind == BlockType::Function;
        enum How {
            Fast,
            Global,
            Deref(u32),
            Name,
        }
        let how = match st.scope_of(&mangled) {
            NameScope::Free => {
                let u = self.u();
                match u.freevars.get(&mangled) {
                    Some(i) => How::Deref(u.cellvars.len() as u32 + i),
                    None => How::Name,
                }
            }
            NameScope::Cell => match self.u().cellvars.get(&mangled) {
                Some(i) => How::Deref(i),
                None => How::Name,
            },
            NameScope::Local if is_function => How::Fast,
            NameScope::GlobalImplicit if is_function => How::Global,
            NameScope::GlobalExplicit => How::Global,
            _ => How::Name,
        };
        match how {
            How::Deref(i) => {
                let op = match ctx {
                    NameCtx::Load if st.kind == BlockType::Class => Opcode::LOAD_CLASSDEREF,
                    NameCtx::Load => Opcode::LOAD_DEREF,
                    NameCtx::Store => Opcode::STORE_DEREF,
                    NameCtx::Del => Opcode::DELETE_DEREF,
                };
                self.emit(op, i);
            }
            How::Fast => {
                let op = match ctx {
                    NameCtx::Load => Opcode::LOAD_FAST,
                    NameCtx::Store => Opcode::STORE_FAST,
                    NameCtx::Del => Opcode::DELETE_FAST,
                };
                let i = self.u_mut().varnames.add(&mangled);
                self.emit(op, i);
            }
            How::Global => {
                let op = match ctx {
                    NameCtx::Load => Opcode::LOAD_GLOBAL,
                    NameCtx::Store => Opcode::STORE_GLOBAL,
                    NameCtx::Del => Opcode::DELETE_GLOBAL,
                };
                self.emit_name_raw(op, &mangled);
            }
            How::Name => {
                let op = match ctx {
                    NameCtx::Load => Opcode::LOAD_NAME,
                    NameCtx::Store => Opcode::STORE_NAME,
                    NameCtx::Del => Opcode::DELETE_NAME,
                };
                self.emit_name_raw(op, &mangled);
            }
        }
        Ok(())
    }

    // ----- frame blocks --------------------------------------------------

    pub fn push_fblock(&mut self, kind: FBlockKind<'a>, start: BlockId, exit: BlockId) {
        self.u_mut().fblocks.push(FBlock { kind, start, exit });
    }

    pub fn pop_fblock(&mut self) {
        self.u_mut().fblocks.pop();
    }

    /// Emits the code that leaves one frame block early (CPython's `compiler_unwind_fblock`).
    /// With `preserve_tos`, a value (the return value) on top of the stack survives.
    fn unwind_fblock(&mut self, fb: &FBlock<'a>, preserve_tos: bool) -> CResult {
        match &fb.kind {
            FBlockKind::WhileLoop
            | FBlockKind::ExceptionHandler
            | FBlockKind::ExceptionGroupHandler
            | FBlockKind::AsyncComprehensionGenerator => {}
            FBlockKind::ForLoop => {
                // Pop the iterator.
                if preserve_tos {
                    self.emit(Opcode::ROT_TWO, 0);
                }
                self.emit(Opcode::POP_TOP, 0);
            }
            FBlockKind::TryExcept => self.emit(Opcode::POP_BLOCK, 0),
            FBlockKind::FinallyTry(body) => {
                self.emit(Opcode::POP_BLOCK, 0);
                if preserve_tos {
                    self.push_fblock(FBlockKind::PopValue, 0, 0);
                }
                self.compile_stmts(body)?;
                if preserve_tos {
                    self.pop_fblock();
                }
            }
            FBlockKind::FinallyEnd => {
                // `[.., prev_exc, exc(, value)]`: drop exc, then end the handler.
                if preserve_tos {
                    self.emit(Opcode::ROT_TWO, 0);
                }
                self.emit(Opcode::POP_TOP, 0);
                if preserve_tos {
                    self.emit(Opcode::ROT_TWO, 0);
                }
                self.emit(Opcode::POP_EXCEPT, 0);
            }
            FBlockKind::With { is_async, mgr } => {
                self.emit(Opcode::POP_BLOCK, 0);
                if preserve_tos {
                    self.emit(Opcode::ROT_TWO, 0);
                }
                self.call_exit_with_nones();
                if *is_async {
                    self.emit_await_suspend(SuspendKind::AsyncWith, *mgr, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
            }
            FBlockKind::HandlerCleanup(name) => {
                if name.is_some() {
                    self.emit(Opcode::POP_BLOCK, 0);
                }
                if preserve_tos {
                    self.emit(Opcode::ROT_TWO, 0);
                }
                self.emit(Opcode::POP_EXCEPT, 0);
                if let Some(name) = name {
                    self.clear_name(name)?;
                }
            }
            FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit(Opcode::ROT_TWO, 0);
                }
                self.emit(Opcode::POP_TOP, 0);
            }
        }
        Ok(())
    }

    /// Unwinds every frame block (for `return`), or up to the innermost loop
    /// (for `break`/`continue`, which get that loop back).
    fn unwind_fblock_stack(&mut self, preserve_tos: bool, to_loop: bool) -> CResult<Option<FBlock<'a>>> {
        let Some(top) = self.u().fblocks.last().cloned() else { return Ok(None) };
        if matches!(top.kind, FBlockKind::ExceptionGroupHandler) {
            return Err(self.error("'break', 'continue' and 'return' cannot appear in an except* block"));
        }
        if to_loop && matches!(top.kind, FBlockKind::WhileLoop | FBlockKind::ForLoop) {
            return Ok(Some(top));
        }
        self.pop_fblock();
        let result = self
            .unwind_fblock(&top, preserve_tos)
            .and_then(|()| self.unwind_fblock_stack(preserve_tos, to_loop));
        self.u_mut().fblocks.push(top);
        result
    }

    /// `e = None; del e` after an `except ... as e` handler.
    pub fn clear_name(&mut self, name: &str) -> CResult {
        self.emit_const(Constant::None);
        self.name_op(name, NameCtx::Store)?;
        self.name_op(name, NameCtx::Del)
    }

    /// `[.., exit] -> [.., exit(None, None, None)]`
    pub fn call_exit_with_nones(&mut self) {
        self.emit_const(Constant::None);
        self.emit(Opcode::DUP_TOP, 0);
        self.emit(Opcode::DUP_TOP, 0);
        self.emit(Opcode::CALL_FUNCTION, 3);
    }

    /// `GET_AWAITABLE where; LOAD_CONST None; YIELD_FROM`, recording the suspension.
    pub fn emit_await_suspend(&mut self, kind: SuspendKind, what: Span, where_: u32) {
        self.emit(Opcode::GET_AWAITABLE, where_);
        self.emit_const(Constant::None);
        self.emit_suspend(Opcode::YIELD_FROM, kind, what);
    }

    // ----- statements ----------------------------------------------------

    pub fn enter_nesting(&mut self, span: Span) -> CResult {
        self.depth += 1;
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

    pub fn compile_stmt(&mut self, s: &'a Stmt) -> CResult {
        self.enter_nesting(s.span)?;
        let saved = std::mem::replace(&mut self.u_mut().span, s.span);
        let result = self.compile_stmt_inner(s);
        self.u_mut().span = saved;
        self.depth -= 1;
        result
    }

    fn compile_stmt_inner(&mut self, s: &'a Stmt) -> CResult {
        match &s.kind {
            StmtKind::Expr(value) => self.compile_expr_stmt(value),
            StmtKind::Assign { targets, value } => {
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
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                self.compile_annassign(target, annotation, value.as_ref(), *simple)
            }
            StmtKind::Delete(targets) => targets.iter().try_for_each(|t| self.compile_delete(t)),
            StmtKind::Pass | StmtKind::Global(_) | StmtKind::Nonlocal(_) => Ok(()),
            StmtKind::Break => self.compile_break(),
            StmtKind::Continue => self.compile_continue(),
            StmtKind::If { test, body, orelse } => self.compile_if(test, body, orelse),
            StmtKind::While { test, body, orelse } => self.compile_while(test, body, orelse),
            StmtKind::For { target, iter, body, orelse, is_async: false } => self.compile_for(target, iter, body, orelse),
            StmtKind::For { target, iter, body, orelse, is_async: true } => {
                self.compile_async_for(target, iter, body, orelse)
            }
            StmtKind::FunctionDef(def) => self.compile_function(s, def),
            StmtKind::ClassDef(class) => self.compile_class(s, class),
            StmtKind::Return(value) => self.compile_return(s, value.as_ref()),
            StmtKind::Try { body, handlers, orelse, finalbody, is_star } => {
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
            StmtKind::With { items, body, is_async: false } => self.compile_with(items, body),
            StmtKind::With { items, body, is_async: true } => self.compile_async_with(items, body),
            StmtKind::Assert { test, msg } => {
                let end = self.new_block();
                self.jump_if(test, end, true)?;
                self.emit(Opcode::LOAD_ASSERTION_ERROR, 0);
                if let Some(m) = msg {
                    self.compile_expr(m)?;
                    self.emit(Opcode::CALL_FUNCTION, 1);
                }
                self.emit(Opcode::RAISE_VARARGS, 1);
                self.use_block(end);
                Ok(())
            }
            StmtKind::Import(names) => self.compile_import(names),
            StmtKind::ImportFrom { module, names, level } => self.compile_import_from(module.as_deref(), names, *level),
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

    fn compile_augassign(&mut self, target: &'a Expr, op: ast::BinOp, value: &'a Expr) -> CResult {
        let saved = std::mem::replace(&mut self.u_mut().span, target.span);
        match &target.kind {
            ExprKind::Attribute { value: obj, attr } => {
                self.compile_expr(obj)?;
                self.emit(Opcode::DUP_TOP, 0);
                self.emit_name(Opcode::LOAD_ATTR, attr);
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
                    format!("'{}' is an illegal expression for augmented assignment", expr_kind_name(target)),
                    target.span,
                ))
            }
        }
        self.u_mut().span = saved;
        self.compile_expr(value)?;
        self.emit(Opcode::BINARY_OP, binop_index(op) + crate::bytecode::BINARY_OP_INPLACE);
        self.u_mut().span = target.span;
        match &target.kind {
            ExprKind::Attribute { attr, .. } => {
                self.emit(Opcode::ROT_TWO, 0);
                self.emit_name(Opcode::STORE_ATTR, attr);
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

    fn compile_annassign(&mut self, target: &'a Expr, annotation: &'a Expr, value: Option<&'a Expr>, simple: bool) -> CResult {
        if let Some(v) = value {
            self.compile_expr(v)?;
            self.compile_store(target)?;
        }
        let module_or_class = matches!(self.u().kind, UnitKind::Module | UnitKind::Class);
        match &target.kind {
            ExprKind::Name(name) => {
                if simple && module_or_class {
                    self.compile_expr(annotation)?;
                    self.emit_name_raw(Opcode::LOAD_NAME, "__annotations__");
                    let mangled = mangle(self.u().private.as_deref(), name);
                    self.emit_str(&mangled);
                    self.emit(Opcode::STORE_SUBSCR, 0);
                }
            }
            ExprKind::Attribute { value: obj, .. } => {
                if value.is_none() {
                    self.compile_expr(obj)?;
                    self.emit(Opcode::POP_TOP, 0);
                }
            }
            ExprKind::Subscript { value: obj, slice } => {
                if value.is_none() {
                    self.compile_expr(obj)?;
                    self.emit(Opcode::POP_TOP, 0);
                    self.check_ann_subscr(slice)?;
                }
            }
            _ => {}
        }
        // A non-simple target's annotation is evaluated (and dropped) in modules and classes.
        if !simple && module_or_class {
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
        let folded = value.and_then(fold::const_value);
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
        let next = if orelse.is_empty() { end } else { self.new_block() };
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
        self.use_block(lp);
        self.push_fblock(FBlockKind::WhileLoop, lp, end);
        self.jump_if(test, anchor, false)?;
        self.compile_stmts(body)?;
        self.emit_jump(Opcode::JUMP_ABSOLUTE, lp);
        self.pop_fblock();
        self.use_block(anchor);
        self.compile_stmts(orelse)?;
        self.use_block(end);
        Ok(())
    }

    fn compile_for(&mut self, target: &'a Expr, iter: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> CResult {
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

    fn compile_async_for(&mut self, target: &'a Expr, iter: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> CResult {
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

    fn compile_try_except(&mut self, body: &'a [Stmt], handlers: &'a [ast::ExceptHandler], orelse: &'a [Stmt]) -> CResult {
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
                self.push_fblock(FBlockKind::HandlerCleanup(Some(name)), cleanup_body, cleanup_body);
                self.compile_stmts(&handler.body)?;
                self.pop_fblock();
                self.u_mut().span = handler.span;
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
                self.u_mut().span = handler.span;
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
    fn compile_try_star_except(&mut self, body: &'a [Stmt], handlers: &'a [ast::ExceptHandler], orelse: &'a [Stmt]) -> CResult {
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
            self.push_fblock(FBlockKind::HandlerCleanup(handler.name.as_deref()), cleanup_body, cleanup_body);
            self.compile_stmts(&handler.body)?;
            self.pop_fblock();
            self.u_mut().span = handler.span;
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
        let Some((item, rest)) = items.split_first() else { return self.compile_stmts(body) };
        let stmt_span = self.u().span;
        let block = self.new_block();
        let final_ = self.new_block();
        let exit = self.new_block();
        self.compile_expr(&item.context_expr)?;
        self.emit_jump(Opcode::SETUP_WITH, final_);
        self.use_block(block);
        self.push_fblock(FBlockKind::With { is_async: false, mgr: item.context_expr.span }, block, final_);
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
        let Some((item, rest)) = items.split_first() else { return self.compile_stmts(body) };
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
        self.push_fblock(FBlockKind::With { is_async: true, mgr }, block, final_);
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
        for alias in names {
            self.u_mut().span = alias.span;
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

    fn compile_import_from(&mut self, module: Option<&str>, names: &'a [ast::Alias], level: u32) -> CResult {
        self.emit_const(Constant::Int(BigInt::from(level)));
        let fromlist: Vec<Constant> = names.iter().map(|a| Constant::Str(Rc::from(a.name.as_str()))).collect();
        self.emit_const(Constant::Tuple(fromlist.into()));
        self.emit_name(Opcode::IMPORT_NAME, module.unwrap_or(""));
        for (i, alias) in names.iter().enumerate() {
            if i == 0 && alias.name.starts_with('*') {
                self.emit(Opcode::IMPORT_STAR, 0);
                return Ok(());
            }
            self.emit_name(Opcode::IMPORT_FROM, &alias.name);
            self.name_op(alias.asname.as_deref().unwrap_or(&alias.name), NameCtx::Store)?;
        }
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }

    // ----- functions and classes -----------------------------------------

    fn compile_function(&mut self, s: &'a Stmt, def: &'a ast::FunctionDef) -> CResult {
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
        let kind = if def.is_async { UnitKind::AsyncFunction } else { UnitKind::Function };
        self.enter_unit(scope, kind, &def.name, firstlineno, s.span);
        let doc = docstring(&def.body);
        self.add_const(doc.map_or(Constant::None, |d| Constant::Str(Rc::from(d))));
        self.set_arg_counts(&def.args);
        let body = if doc.is_some() { &def.body[1..] } else { &def.body[..] };
        self.compile_stmts(body)?;
        let code = self.exit_unit(true);
        self.make_closure(code, make_flags, None)?;
        for _ in &def.decorators {
            self.emit(Opcode::CALL_FUNCTION, 1);
        }
        self.name_op(&def.name, NameCtx::Store)
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
            match fold::const_tuple(&args.defaults) {
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
                keys.push(Constant::Str(Rc::from(mangle(self.u().private.as_deref(), &arg.name))));
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
    fn compile_annotations(&mut self, args: &'a ast::Arguments, returns: Option<&'a Expr>) -> CResult<bool> {
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
        if let ExprKind::Starred(value) = &ann.kind {
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
    pub fn make_closure(&mut self, code: Rc<CodeObject>, mut make_flags: u32, qualname: Option<Rc<str>>) -> CResult {
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

    fn compile_class(&mut self, s: &'a Stmt, class: &'a ast::ClassDef) -> CResult {
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
        self.u_mut().span = s.span;
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
        for _ in &class.decorators {
            self.emit(Opcode::CALL_FUNCTION, 1);
        }
        self.name_op(&class.name, NameCtx::Store)
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
