//! Code generation: compilation units, names, frame blocks and statements.
//!
//! A [`Compiler`] keeps a stack of [`Unit`]s, one per code object being
//! built (module, class body, function, lambda, comprehension); the
//! innermost is the one instructions go to. Each unit also keeps a stack of
//! frame blocks ([`FBlock`]): the loops, `try` bodies, handlers and `with`
//! blocks the current statement is inside, so that `return`, `break` and
//! `continue` can emit the code that leaves each of them, exactly as
//! CPython's `compiler_unwind_fblock` does. Statements are compiled in
//! `stmt.rs`, expressions in `expr.rs`, nested code objects in `defs.rs`.

use super::assemble::{BlockId, Cfg, Ins};
use super::stmt::find_ann;
use super::symtable::{BlockType, NameScope, ScopeId, SymbolTable, DEF_FREE_CLASS};
use super::{mangle, CompileError, Future, Mode};
use crate::ast::{self, Stmt, StmtKind};
use crate::bytecode::{flags, CodeObject, Constant, Opcode, SuspendKind};
use crate::source::{CompileWarning, LineIndex, Span};
use num_bigint::BigInt;
use std::collections::HashMap;
use std::rc::Rc;

pub(super) use super::CResult;

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
    With {
        is_async: bool,
        mgr: Span,
    },
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
    FrozenSet(Vec<ConstKey>),
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
        Constant::FrozenSet(t) => ConstKey::FrozenSet(t.iter().map(const_key).collect()),
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
    pub future: Future,
    /// `-O` level: from 1, assertions are left out and `__debug__` is False.
    pub optimize: u8,
    /// `await` (and `async for`/`async with`) allowed at the top level,
    /// making the module code a coroutine: the REPL, and `compile()` with
    /// `ast.PyCF_ALLOW_TOP_LEVEL_AWAIT`.
    pub top_level_await: bool,
    /// The `SyntaxWarning`s found so far, in source order of compilation.
    pub warnings: Vec<CompileWarning>,
}

/// Compiles the module whose symbol table is `table`; also returns the
/// warnings to issue before it runs.
pub(super) fn compile(
    module: &ast::Module,
    table: &SymbolTable,
    filename: &str,
    source: &str,
    mode: Mode,
    future: Future,
    options: super::Options,
) -> CResult<(Rc<CodeObject>, Vec<CompileWarning>)> {
    let mut c = Compiler {
        top_level_await: options.top_level_await,
        table,
        filename: Rc::from(filename),
        source,
        source_rc: Rc::from(source),
        lines: LineIndex::new(source),
        mode,
        units: Vec::new(),
        depth: 0,
        future,
        optimize: options.optimize,
        warnings: Vec::new(),
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
            let [Stmt {
                kind: StmtKind::Expr(e),
                ..
            }] = module.body.as_slice()
            else {
                let span = module
                    .body
                    .get(1)
                    .or(module.body.first())
                    .map(|s| s.span)
                    .unwrap_or_default();
                return Err(CompileError::new("invalid syntax", span));
            };
            c.compile_expr(e)?;
            c.emit(Opcode::RETURN_VALUE, 0);
        }
    }
    let code = c.exit_unit(true);
    Ok((code, c.warnings))
}

impl<'a> Compiler<'a> {
    /// The constant `e` folds to, with `__debug__` as `-O` sets it.
    pub fn const_value(&self, e: &ast::Expr) -> Option<crate::bytecode::Constant> {
        super::fold::const_value_in(e, self.optimize == 0)
    }

    /// The folded tuple of `items`, with `__debug__` as `-O` sets it.
    pub fn const_tuple(&self, items: &[ast::Expr]) -> Option<crate::bytecode::Constant> {
        super::fold::const_tuple_in(items, self.optimize == 0)
    }

    /// The folded frozenset of `items`, with `__debug__` as `-O` sets it.
    pub fn const_frozenset(&self, items: &[ast::Expr]) -> Option<crate::bytecode::Constant> {
        super::fold::const_frozenset_in(items, self.optimize == 0)
    }

    // ----- units -------------------------------------------------------

    pub fn u(&self) -> &Unit<'a> {
        self.units.last().expect("a unit is always being compiled")
    }

    pub fn u_mut(&mut self) -> &mut Unit<'a> {
        self.units
            .last_mut()
            .expect("a unit is always being compiled")
    }

    pub fn enter_unit(
        &mut self,
        scope: ScopeId,
        kind: UnitKind,
        name: &str,
        firstlineno: u32,
        span: Span,
    ) {
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
        let Some(parent) = self.units.last() else {
            return name.to_string();
        };
        if matches!(
            kind,
            UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Class
        ) {
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
            u.cfg.blocks[u.cur]
                .instrs
                .last()
                .is_some_and(|i| i.op == Opcode::RETURN_VALUE)
        };
        if !ends_with_return {
            // The implicit return belongs to the line that falls into it, not to the `def`
            // (CPython's line propagation): the last instruction laid out before it.
            let u = self.u();
            let last = u
                .cfg
                .layout
                .iter()
                .rev()
                .find_map(|&b| u.cfg.blocks[b].instrs.last());
            if let Some(span) = last.map(|i| i.span) {
                self.u_mut().span = span;
            }
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
        if self.top_level_await
            && unit.kind == UnitKind::Module
            && (st.coroutine || unit.top_level_coroutine)
            && !st.generator
        {
            code_flags |= flags::COROUTINE;
        }
        let total_args =
            unit.argcount + unit.kwonlyargcount + st.varargs as u32 + st.varkeywords as u32;
        let cell2arg = unit
            .cellvars
            .items
            .iter()
            .map(|cell| {
                unit.varnames
                    .items
                    .iter()
                    .take(total_args as usize)
                    .position(|v| v == cell)
                    .map(|i| i as u32)
            })
            .collect::<Vec<_>>();
        let cell2arg = if cell2arg.iter().any(Option::is_some) {
            cell2arg
        } else {
            Vec::new()
        };
        let assembled = unit.cfg.assemble(|span| self.lines.line(span.start));
        let lines = assembled
            .spans
            .iter()
            .map(|s| self.lines.line(s.start))
            .collect();
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
        self.source
            .get(span.start as usize..span.end as usize)
            .unwrap_or("")
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

    pub fn error(&self, msg: impl Into<String>) -> Box<CompileError> {
        CompileError::new(msg, self.u().span)
    }

    /// A top level where `await` is allowed outside functions (see
    /// `Compiler::top_level_await`).
    pub fn is_top_level_await(&self) -> bool {
        self.top_level_await && self.u().kind == UnitKind::Module
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
        self.push_ins(Ins {
            op,
            arg,
            target: None,
            span,
            suspend: None,
            own_line: false,
        });
    }

    pub fn emit_jump(&mut self, op: Opcode, target: BlockId) {
        let span = self.u().span;
        self.push_ins(Ins {
            op,
            arg: 0,
            target: Some(target),
            span,
            suspend: None,
            own_line: false,
        });
    }

    /// An unconditional jump that shows its line when it runs (a `while
    /// True:` back edge): other jumps are not threaded through it.
    pub fn emit_jump_on_own_line(&mut self, target: BlockId) {
        self.emit_jump(Opcode::JUMP_ABSOLUTE, target);
        let u = self.u_mut();
        if let Some(ins) = u.cfg.blocks[u.cur].instrs.last_mut() {
            ins.own_line = true;
        }
    }

    /// Emits a `YIELD_VALUE`/`YIELD_FROM` and records what it waits on.
    pub fn emit_suspend(&mut self, op: Opcode, kind: SuspendKind, what: Span) {
        let span = self.u().span;
        self.push_ins(Ins {
            op,
            arg: 0,
            target: None,
            span,
            suspend: Some((kind, what)),
            own_line: false,
        });
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
            let what = if ctx == NameCtx::Store {
                "assign to"
            } else {
                "delete"
            };
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
    pub(super) fn unwind_fblock(&mut self, fb: &FBlock<'a>, preserve_tos: bool) -> CResult {
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
    pub(super) fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        to_loop: bool,
    ) -> CResult<Option<FBlock<'a>>> {
        let Some(top) = self.u().fblocks.last().cloned() else {
            return Ok(None);
        };
        if matches!(top.kind, FBlockKind::ExceptionGroupHandler) {
            return Err(
                self.error("'break', 'continue' and 'return' cannot appear in an except* block")
            );
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
}
