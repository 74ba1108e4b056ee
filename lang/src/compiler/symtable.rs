//! The symbol table: which scope every name belongs to.
//!
//! This is a port of CPython 3.11's `symtable.c`. A first pass over the tree
//! records, per scope (module, class, function, lambda, comprehension), how
//! each name is used (bound, used, declared global/nonlocal, a parameter).
//! A second pass ("analysis") walks the scopes top-down with the sets of
//! names bound in enclosing functions and decides for every name whether it
//! is local, global (explicit or implicit), free, or a cell. The code
//! generator then only asks "what is the scope of this name here?".
//!
//! Scopes are keyed by the address of the AST node that opens them: the tree
//! is borrowed immutably for the whole compilation, so the address is a
//! stable identity and the code generator can find the scope of any
//! function, class, lambda or comprehension it meets without the two passes
//! having to visit children in the same order.

use super::{mangle, CResult, CompileError, MAX_NESTING, STMT_WEIGHT, TOO_DEEP};
use crate::ast::{self, Expr, ExprKind, Stmt, StmtKind};
use crate::source::Span;
use std::collections::{HashMap, HashSet};

/// The name is bound by `global`.
pub const DEF_GLOBAL: u32 = 1;
/// The name is bound in this scope (assignment, def, for target, ...).
pub const DEF_LOCAL: u32 = 2;
/// The name is a parameter.
pub const DEF_PARAM: u32 = 4;
/// The name is declared `nonlocal`.
pub const DEF_NONLOCAL: u32 = 8;
/// The name is read.
pub const USE: u32 = 16;
/// The name is free in a class because a method uses it while the class binds it too.
pub const DEF_FREE_CLASS: u32 = 64;
/// The name is bound by an import.
pub const DEF_IMPORT: u32 = 128;
/// The name is annotated (`x: int`).
pub const DEF_ANNOT: u32 = 256;
/// The name is a comprehension's iteration variable.
pub const DEF_COMP_ITER: u32 = 512;
/// Any flag that binds the name in its scope.
pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

/// Where a name lives, once analysis has run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameScope {
    /// Not yet analysed, or a name that only appears in a class/module (uses the name opcodes).
    Unknown,
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

/// The kind of block a scope is, as CPython's `_Py_block_ty`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockType {
    Module,
    Class,
    Function,
}

/// Which comprehension a comprehension scope belongs to (for error messages and code names).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    Generator,
}

/// One name in one scope.
#[derive(Clone, Copy, Debug)]
pub struct Symbol {
    pub flags: u32,
    pub scope: NameScope,
}

/// Index of a scope in [`SymbolTable::scopes`].
pub type ScopeId = usize;

/// One scope: the names it uses and what analysis decided about them.
#[derive(Debug)]
pub struct Scope {
    pub name: String,
    pub kind: BlockType,
    pub comprehension: Option<CompKind>,
    /// Symbols in order of first mention; `index` maps a name to its position.
    pub symbols: Vec<(String, Symbol)>,
    index: HashMap<String, usize>,
    /// Parameters, in declaration order (posonly, args, kwonly, *args, **kwargs).
    pub varnames: Vec<String>,
    pub children: Vec<ScopeId>,
    /// A function nested (at any depth) in a function.
    pub nested: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub varargs: bool,
    pub varkeywords: bool,
    /// A class some method of which uses `__class__` or `super`.
    pub needs_class_closure: bool,
    /// The scope has free variables.
    pub free: bool,
    pub child_free: bool,
    pub returns_value: bool,
    comp_iter_target: bool,
    comp_iter_expr: u32,
    /// Where each `global`/`nonlocal` directive for a name was written (for error locations).
    directives: HashMap<String, Span>,
}

impl Scope {
    fn new(name: &str, kind: BlockType, nested: bool) -> Scope {
        Scope {
            name: name.to_string(),
            kind,
            comprehension: None,
            symbols: Vec::new(),
            index: HashMap::new(),
            varnames: Vec::new(),
            children: Vec::new(),
            nested,
            generator: false,
            coroutine: false,
            varargs: false,
            varkeywords: false,
            needs_class_closure: false,
            free: false,
            child_free: false,
            returns_value: false,
            comp_iter_target: false,
            comp_iter_expr: 0,
            directives: HashMap::new(),
        }
    }

    /// The flags recorded for `name` (0 if the scope never mentions it).
    pub fn flags(&self, name: &str) -> u32 {
        self.index.get(name).map_or(0, |&i| self.symbols[i].1.flags)
    }

    /// The analysed scope of `name` (Unknown if the scope never mentions it).
    pub fn scope_of(&self, name: &str) -> NameScope {
        self.index
            .get(name)
            .map_or(NameScope::Unknown, |&i| self.symbols[i].1.scope)
    }

    fn set_flags(&mut self, name: &str, flags: u32) {
        match self.index.get(name) {
            Some(&i) => self.symbols[i].1.flags = flags,
            None => {
                self.index.insert(name.to_string(), self.symbols.len());
                self.symbols.push((
                    name.to_string(),
                    Symbol {
                        flags,
                        scope: NameScope::Unknown,
                    },
                ));
            }
        }
    }

    /// Names of the given scope (or carrying `flag`), sorted as CPython's `dictbytype` sorts them.
    pub fn names_by_scope(&self, scope: NameScope, flag: u32) -> Vec<String> {
        let mut names: Vec<String> = self
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == scope || (flag != 0 && s.flags & flag != 0))
            .map(|(n, _)| n.clone())
            .collect();
        names.sort();
        names
    }
}

/// The symbol tables of one module, with the scope of every scope-opening node.
#[derive(Debug)]
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
}

impl SymbolTable {
    /// The scope opened by the node at `key` (see [`node_key`]).
    pub fn scope_for(&self, key: usize) -> Option<ScopeId> {
        self.by_node.get(&key).copied()
    }
}

/// The identity of a node: its address, stable while the tree is borrowed.
pub fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

/// Whether a name is read, written or deleted where it appears.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Load,
    Store,
}

/// Builds and analyses the symbol table of a module.
pub fn build(module: &ast::Module, future_annotations: bool) -> CResult<SymbolTable> {
    let mut builder = Builder {
        table: SymbolTable {
            scopes: vec![Scope::new("top", BlockType::Module, false)],
            by_node: HashMap::new(),
        },
        stack: vec![0],
        private: None,
        depth: 0,
        future_annotations,
    };
    builder.table.by_node.insert(node_key(module), 0);
    for stmt in &module.body {
        builder.visit_stmt(stmt)?;
    }
    let mut table = builder.table;
    analyze(&mut table)?;
    Ok(table)
}

struct Builder {
    table: SymbolTable,
    /// The scopes being visited, innermost last.
    stack: Vec<ScopeId>,
    /// The name of the class whose body is being visited (for private-name mangling).
    private: Option<String>,
    depth: usize,
    /// Under `from __future__ import annotations` annotations are strings: no names are used.
    future_annotations: bool,
}

impl Builder {
    fn cur(&self) -> ScopeId {
        self.stack.last().copied().unwrap_or(0)
    }

    fn cur_scope(&mut self) -> &mut Scope {
        let id = self.cur();
        &mut self.table.scopes[id]
    }

    fn enter(&mut self, name: &str, kind: BlockType, key: usize) -> ScopeId {
        let parent = &self.table.scopes[self.cur()];
        let nested = parent.nested || parent.kind == BlockType::Function;
        let id = self.table.scopes.len();
        self.table.scopes.push(Scope::new(name, kind, nested));
        let parent = self.cur();
        self.table.scopes[parent].children.push(id);
        self.table.by_node.insert(key, id);
        self.stack.push(id);
        id
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    fn add_def(&mut self, name: &str, flag: u32, span: Span) -> CResult {
        let id = self.cur();
        self.add_def_in(id, name, flag, span)
    }

    fn add_def_in(&mut self, id: ScopeId, name: &str, flag: u32, span: Span) -> CResult {
        let mangled = mangle(self.private.as_deref(), name);
        let scope = &mut self.table.scopes[id];
        let old = scope.flags(&mangled);
        let mut val = flag;
        if scope.index.contains_key(&mangled) {
            if flag & DEF_PARAM != 0 && old & DEF_PARAM != 0 {
                return Err(CompileError::new(
                    format!("duplicate argument '{name}' in function definition"),
                    span,
                ));
            }
            val |= old;
        }
        if scope.comp_iter_target {
            if val & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return Err(CompileError::new(
                    format!("comprehension inner loop cannot rebind assignment expression target '{name}'"),
                    span,
                ));
            }
            val |= DEF_COMP_ITER;
        }
        scope.set_flags(&mangled, val);
        if flag & DEF_PARAM != 0 {
            scope.varnames.push(mangled);
        } else if flag & DEF_GLOBAL != 0 {
            // CPython also records explicit globals in the module's table.
            let module = &mut self.table.scopes[0];
            let old = module.flags(&mangled);
            module.set_flags(&mangled, old | flag);
        }
        Ok(())
    }

    fn nest(&mut self, span: Span, weight: usize) -> CResult {
        self.depth += weight;
        if self.depth > MAX_NESTING {
            return Err(CompileError::new(TOO_DEEP, span));
        }
        Ok(())
    }

    fn visit_body(&mut self, body: &[Stmt]) -> CResult {
        body.iter().try_for_each(|s| self.visit_stmt(s))
    }

    fn visit_stmt(&mut self, stmt: &Stmt) -> CResult {
        self.nest(stmt.span, STMT_WEIGHT)?;
        let result = self.visit_stmt_inner(stmt);
        self.depth -= STMT_WEIGHT;
        result
    }

    fn visit_stmt_inner(&mut self, stmt: &Stmt) -> CResult {
        match &stmt.kind {
            StmtKind::FunctionDef(def) => {
                self.add_def(&def.name, DEF_LOCAL, stmt.span)?;
                self.visit_defaults(&def.args)?;
                self.visit_annotations(&def.args, def.returns.as_ref())?;
                for d in &def.decorators {
                    self.visit_expr(d)?;
                }
                self.enter(&def.name, BlockType::Function, node_key(&**def));
                if def.is_async {
                    self.cur_scope().coroutine = true;
                }
                self.visit_params(&def.args)?;
                self.visit_body(&def.body)?;
                self.exit();
            }
            StmtKind::ClassDef(class) => {
                self.add_def(&class.name, DEF_LOCAL, stmt.span)?;
                for b in &class.bases {
                    self.visit_expr(b)?;
                }
                for k in &class.keywords {
                    self.visit_expr(&k.value)?;
                }
                for d in &class.decorators {
                    self.visit_expr(d)?;
                }
                self.enter(&class.name, BlockType::Class, node_key(&**class));
                let saved = self.private.replace(class.name.clone());
                let result = self.visit_body(&class.body);
                self.private = saved;
                result?;
                self.exit();
            }
            StmtKind::Return(value) => {
                if let Some(v) = value {
                    self.visit_expr(v)?;
                    self.cur_scope().returns_value = true;
                }
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.visit_target(t)?;
                }
            }
            StmtKind::Assign { targets, value } => {
                for t in targets {
                    self.visit_target(t)?;
                }
                self.visit_expr(value)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                if let ExprKind::Name(name) = &target.kind {
                    let mangled = mangle(self.private.as_deref(), name);
                    let cur = self.table.scopes[self.cur()].flags(&mangled);
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && self.cur() != 0 && *simple {
                        let what = if cur & DEF_GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        return Err(CompileError::new(
                            format!("annotated name '{name}' can't be {what}"),
                            stmt.span,
                        ));
                    }
                    if *simple {
                        self.add_def(name, DEF_ANNOT | DEF_LOCAL, target.span)?;
                    } else if value.is_some() {
                        self.add_def(name, DEF_LOCAL, target.span)?;
                    }
                } else {
                    self.visit_target(target)?;
                }
                self.visit_annotation(annotation)?;
                if let Some(v) = value {
                    self.visit_expr(v)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.visit_target(target)?;
                self.visit_expr(value)?;
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.visit_target(target)?;
                self.visit_expr(iter)?;
                self.visit_body(body)?;
                self.visit_body(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_body(body)?;
                self.visit_body(orelse)?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.visit_expr(e)?;
                    if let Some(c) = cause {
                        self.visit_expr(c)?;
                    }
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                self.visit_body(body)?;
                self.visit_body(orelse)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.visit_expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n, DEF_LOCAL, h.span)?;
                    }
                    self.visit_body(&h.body)?;
                }
                self.visit_body(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.visit_expr(test)?;
                if let Some(m) = msg {
                    self.visit_expr(m)?;
                }
            }
            StmtKind::Import(names) | StmtKind::ImportFrom { names, .. } => {
                for alias in names {
                    self.visit_alias(alias)?;
                }
            }
            StmtKind::Global(names) => {
                for name in names {
                    let mangled = mangle(self.private.as_deref(), name);
                    let cur = self.table.scopes[self.cur()].flags(&mangled);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{name}' is parameter and global")
                        } else if cur & USE != 0 {
                            format!("name '{name}' is used prior to global declaration")
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{name}' can't be global")
                        } else {
                            format!("name '{name}' is assigned to before global declaration")
                        };
                        return Err(CompileError::new(msg, stmt.span));
                    }
                    self.add_def(name, DEF_GLOBAL, stmt.span)?;
                    self.record_directive(&mangled, stmt.span);
                }
            }
            StmtKind::Nonlocal(names) => {
                for name in names {
                    let mangled = mangle(self.private.as_deref(), name);
                    let cur = self.table.scopes[self.cur()].flags(&mangled);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{name}' is parameter and nonlocal")
                        } else if cur & USE != 0 {
                            format!("name '{name}' is used prior to nonlocal declaration")
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{name}' can't be nonlocal")
                        } else {
                            format!("name '{name}' is assigned to before nonlocal declaration")
                        };
                        return Err(CompileError::new(msg, stmt.span));
                    }
                    self.add_def(name, DEF_NONLOCAL, stmt.span)?;
                    self.record_directive(&mangled, stmt.span);
                }
            }
            StmtKind::Expr(e) => self.visit_expr(e)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::With { items, body, .. } => {
                for item in items {
                    self.visit_expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.visit_target(v)?;
                    }
                }
                self.visit_body(body)?;
            }
            StmtKind::Match { subject, cases } => {
                self.visit_expr(subject)?;
                for case in cases {
                    self.visit_pattern(&case.pattern)?;
                    if let Some(guard) = &case.guard {
                        self.visit_expr(guard)?;
                    }
                    self.visit_body(&case.body)?;
                }
            }
        }
        Ok(())
    }

    /// A `case` pattern: the names it captures are bound here
    /// (`symtable_visit_pattern`).
    fn visit_pattern(&mut self, p: &ast::Pattern) -> CResult {
        self.nest(p.span, 1)?;
        let result = self.visit_pattern_inner(p);
        self.depth -= 1;
        result
    }

    fn visit_pattern_inner(&mut self, p: &ast::Pattern) -> CResult {
        use ast::PatternKind;
        match &p.kind {
            PatternKind::MatchValue(value) => self.visit_expr(value)?,
            PatternKind::MatchSingleton(_) => {}
            PatternKind::MatchSequence(items) | PatternKind::MatchOr(items) => {
                for item in items {
                    self.visit_pattern(item)?;
                }
            }
            PatternKind::MatchStar(name) => {
                if let Some(name) = name {
                    self.add_def(name, DEF_LOCAL, p.span)?;
                }
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                for key in keys {
                    self.visit_expr(key)?;
                }
                for item in patterns {
                    self.visit_pattern(item)?;
                }
                if let Some(rest) = rest {
                    self.add_def(rest, DEF_LOCAL, p.span)?;
                }
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.visit_expr(cls)?;
                for item in patterns.iter().chain(kwd_patterns) {
                    self.visit_pattern(item)?;
                }
            }
            PatternKind::MatchAs { pattern, name } => {
                if let Some(inner) = pattern {
                    self.visit_pattern(inner)?;
                }
                if let Some(name) = name {
                    self.add_def(name, DEF_LOCAL, p.span)?;
                }
            }
        }
        Ok(())
    }

    fn record_directive(&mut self, name: &str, span: Span) {
        self.cur_scope()
            .directives
            .entry(name.to_string())
            .or_insert(span);
    }

    fn visit_alias(&mut self, alias: &ast::Alias) -> CResult {
        let name = alias.asname.as_deref().unwrap_or(&alias.name);
        if name == "*" {
            if self.table.scopes[self.cur()].kind != BlockType::Module {
                return Err(CompileError::new(
                    "import * only allowed at module level",
                    alias.span,
                ));
            }
            return Ok(());
        }
        let store = name.split('.').next().unwrap_or(name);
        self.add_def(store, DEF_IMPORT, alias.span)
    }

    fn visit_defaults(&mut self, args: &ast::Arguments) -> CResult {
        for d in &args.defaults {
            self.visit_expr(d)?;
        }
        for d in args.kw_defaults.iter().flatten() {
            self.visit_expr(d)?;
        }
        Ok(())
    }

    fn visit_annotations(&mut self, args: &ast::Arguments, returns: Option<&Expr>) -> CResult {
        let all = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(args.vararg.as_ref())
            .chain(args.kwarg.as_ref())
            .chain(&args.kwonlyargs);
        for a in all {
            if let Some(ann) = &a.annotation {
                self.visit_annotation(ann)?;
            }
        }
        if let Some(r) = returns {
            self.visit_annotation(r)?;
        }
        Ok(())
    }

    fn visit_annotation(&mut self, ann: &Expr) -> CResult {
        if self.future_annotations {
            return Ok(());
        }
        self.visit_expr(ann)
    }

    fn visit_params(&mut self, args: &ast::Arguments) -> CResult {
        for a in args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
        {
            self.add_def(&a.name, DEF_PARAM, a.span)?;
        }
        if let Some(a) = &args.vararg {
            self.add_def(&a.name, DEF_PARAM, a.span)?;
            self.cur_scope().varargs = true;
        }
        if let Some(a) = &args.kwarg {
            self.add_def(&a.name, DEF_PARAM, a.span)?;
            self.cur_scope().varkeywords = true;
        }
        Ok(())
    }

    /// Visits an assignment or deletion target: names in it are bound.
    fn visit_target(&mut self, e: &Expr) -> CResult {
        self.visit_expr_ctx(e, Ctx::Store)
    }

    fn visit_expr(&mut self, e: &Expr) -> CResult {
        self.visit_expr_ctx(e, Ctx::Load)
    }

    fn visit_expr_ctx(&mut self, e: &Expr, ctx: Ctx) -> CResult {
        self.nest(e.span, 1)?;
        let result = self.visit_expr_inner(e, ctx);
        self.depth -= 1;
        result
    }

    fn visit_expr_inner(&mut self, e: &Expr, ctx: Ctx) -> CResult {
        match &e.kind {
            ExprKind::NamedExpr { target, value } => self.visit_namedexpr(e, target, value)?,
            ExprKind::BoolOp { values, .. } => {
                for v in values {
                    self.visit_expr(v)?;
                }
            }
            ExprKind::BinOp { left, right, .. } => {
                self.visit_expr(left)?;
                self.visit_expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.visit_expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.visit_defaults(args)?;
                self.enter("lambda", BlockType::Function, node_key(e));
                self.visit_params(args)?;
                self.visit_expr(body)?;
                self.exit();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_expr(body)?;
                self.visit_expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.visit_expr(k)?;
                }
                for v in values {
                    self.visit_expr(v)?;
                }
            }
            ExprKind::Set(items) => {
                for i in items {
                    self.visit_expr(i)?;
                }
            }
            ExprKind::ListComp { elt, generators } => {
                self.visit_comprehension(e, "listcomp", CompKind::List, generators, elt, None)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.visit_comprehension(e, "setcomp", CompKind::Set, generators, elt, None)?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.visit_comprehension(
                e,
                "dictcomp",
                CompKind::Dict,
                generators,
                key,
                Some(value),
            )?,
            ExprKind::GeneratorExp { elt, generators } => {
                self.visit_comprehension(e, "genexpr", CompKind::Generator, generators, elt, None)?
            }
            ExprKind::Yield(value) => {
                if let Some(v) = value {
                    self.visit_expr(v)?;
                }
                self.mark_generator(e)?;
            }
            ExprKind::YieldFrom(value) => {
                self.visit_expr(value)?;
                self.mark_generator(e)?;
            }
            ExprKind::Await(value) => {
                self.visit_expr(value)?;
                self.cur_scope().coroutine = true;
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.visit_expr(left)?;
                for c in comparators {
                    self.visit_expr(c)?;
                }
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.visit_expr(func)?;
                for a in args {
                    self.visit_expr(a)?;
                }
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.visit_expr(value)?;
                if let Some(s) = format_spec {
                    self.visit_expr(s)?;
                }
            }
            ExprKind::JoinedStr(parts) => {
                for p in parts {
                    self.visit_expr(p)?;
                }
            }
            ExprKind::Constant(_) => {}
            ExprKind::Attribute { value, .. } => self.visit_expr(value)?,
            ExprKind::Subscript { value, slice } => {
                self.visit_expr(value)?;
                self.visit_expr(slice)?;
            }
            ExprKind::Starred(value) => self.visit_expr_ctx(value, ctx)?,
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.visit_expr(part)?;
                }
            }
            ExprKind::Name(name) => {
                let flag = if ctx == Ctx::Load { USE } else { DEF_LOCAL };
                self.add_def(name, flag, e.span)?;
                // A bare `super` reads `__class__`, so that zero-argument super() works.
                if ctx == Ctx::Load
                    && name == "super"
                    && self.table.scopes[self.cur()].kind == BlockType::Function
                {
                    self.add_def("__class__", USE, e.span)?;
                }
            }
            ExprKind::List(items) | ExprKind::Tuple(items) => {
                for i in items {
                    self.visit_expr_ctx(i, ctx)?;
                }
            }
        }
        Ok(())
    }

    fn mark_generator(&mut self, e: &Expr) -> CResult {
        let scope = self.cur_scope();
        scope.generator = true;
        if let Some(kind) = scope.comprehension {
            let what = match kind {
                CompKind::List => "list comprehension",
                CompKind::Set => "set comprehension",
                CompKind::Dict => "dict comprehension",
                CompKind::Generator => "generator expression",
            };
            return Err(CompileError::new(format!("'yield' inside {what}"), e.span));
        }
        Ok(())
    }

    fn visit_namedexpr(&mut self, e: &Expr, target: &Expr, value: &Expr) -> CResult {
        if self.table.scopes[self.cur()].comp_iter_expr > 0 {
            return Err(CompileError::new(
                "assignment expression cannot be used in a comprehension iterable expression",
                e.span,
            ));
        }
        if self.table.scopes[self.cur()].comprehension.is_some() {
            self.extend_namedexpr_scope(target)?;
        }
        self.visit_expr(value)?;
        self.visit_target(target)
    }

    /// A walrus in a comprehension binds in the nearest enclosing function or module.
    fn extend_namedexpr_scope(&mut self, target: &Expr) -> CResult {
        let ExprKind::Name(name) = &target.kind else {
            return Ok(());
        };
        let span = target.span;
        for &id in self.stack.clone().iter().rev() {
            let scope = &self.table.scopes[id];
            if scope.comprehension.is_some() {
                if scope.flags(name) & DEF_COMP_ITER != 0 {
                    return Err(CompileError::new(
                        format!("assignment expression cannot rebind comprehension iteration variable '{name}'"),
                        span,
                    ));
                }
                continue;
            }
            match scope.kind {
                BlockType::Function => {
                    let flag = if scope.flags(name) & DEF_GLOBAL != 0 {
                        DEF_GLOBAL
                    } else {
                        DEF_NONLOCAL
                    };
                    self.add_def(name, flag, span)?;
                    self.record_directive(name, span);
                    return self.add_def_in(id, name, DEF_LOCAL, span);
                }
                BlockType::Module => {
                    self.add_def(name, DEF_GLOBAL, span)?;
                    self.record_directive(name, span);
                    return self.add_def_in(id, name, DEF_GLOBAL, span);
                }
                BlockType::Class => {
                    return Err(CompileError::new(
                        "assignment expression within a comprehension cannot be used in a class body",
                        span,
                    ));
                }
            }
        }
        Ok(())
    }

    fn visit_comprehension(
        &mut self,
        e: &Expr,
        name: &str,
        kind: CompKind,
        generators: &[ast::Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> CResult {
        let Some((outermost, rest)) = generators.split_first() else {
            return Ok(());
        };
        // The outermost iterable is evaluated in the enclosing scope.
        self.visit_comp_iter(&outermost.iter)?;
        let id = self.enter(&format!("<{name}>"), BlockType::Function, node_key(e));
        self.table.scopes[id].comprehension = Some(kind);
        if outermost.is_async {
            self.table.scopes[id].coroutine = true;
        }
        // The outermost iterator arrives as the implicit parameter `.0`.
        self.add_def(".0", DEF_PARAM, e.span)?;
        self.visit_comp_target(&outermost.target)?;
        for cond in &outermost.ifs {
            self.visit_expr(cond)?;
        }
        for gen in rest {
            self.visit_comp_target(&gen.target)?;
            self.visit_comp_iter(&gen.iter)?;
            for cond in &gen.ifs {
                self.visit_expr(cond)?;
            }
            if gen.is_async {
                self.cur_scope().coroutine = true;
            }
        }
        if let Some(v) = value {
            self.visit_expr(v)?;
        }
        self.visit_expr(elt)?;
        let is_generator = kind == CompKind::Generator;
        let scope = &mut self.table.scopes[id];
        scope.generator = is_generator;
        let is_async = scope.coroutine && !is_generator;
        self.exit();
        if is_async {
            self.cur_scope().coroutine = true;
        }
        Ok(())
    }

    fn visit_comp_target(&mut self, target: &Expr) -> CResult {
        let id = self.cur();
        self.table.scopes[id].comp_iter_target = true;
        let result = self.visit_target(target);
        self.table.scopes[id].comp_iter_target = false;
        result
    }

    /// A comprehension's iterable, where a walrus is not allowed.
    fn visit_comp_iter(&mut self, iter: &Expr) -> CResult {
        let id = self.cur();
        self.table.scopes[id].comp_iter_expr += 1;
        let result = self.visit_expr(iter);
        self.table.scopes[id].comp_iter_expr -= 1;
        result
    }
}

/// Resolves every name of every scope (CPython's `symtable_analyze`).
fn analyze(table: &mut SymbolTable) -> CResult {
    let mut free = HashSet::new();
    let mut global = HashSet::new();
    analyze_block(table, 0, None, &mut free, &mut global)
}

fn analyze_block(
    table: &mut SymbolTable,
    id: ScopeId,
    mut bound: Option<HashSet<String>>,
    free: &mut HashSet<String>,
    global: &mut HashSet<String>,
) -> CResult {
    let mut local = HashSet::new();
    let mut scopes: HashMap<String, NameScope> = HashMap::new();
    let mut newglobal = HashSet::new();
    let mut newfree = HashSet::new();
    let mut newbound = HashSet::new();
    let kind = table.scopes[id].kind;

    // A class namespace is invisible to nested functions: pass down what the
    // enclosing scopes bound before looking at the class's own names.
    if kind == BlockType::Class {
        newglobal.extend(global.iter().cloned());
        if let Some(b) = &bound {
            newbound.extend(b.iter().cloned());
        }
    }

    let symbols: Vec<(String, u32)> = table.scopes[id]
        .symbols
        .iter()
        .map(|(n, s)| (n.clone(), s.flags))
        .collect();
    for (name, flags) in &symbols {
        let scope = analyze_name(
            &mut table.scopes[id],
            name,
            *flags,
            bound.as_mut(),
            &mut local,
            free,
            global,
        )?;
        scopes.insert(name.clone(), scope);
    }

    if kind != BlockType::Class {
        if kind == BlockType::Function {
            newbound.extend(local.iter().cloned());
        }
        if let Some(b) = &bound {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(global.iter().cloned());
    } else {
        newbound.insert("__class__".to_string());
    }

    let mut allfree = HashSet::new();
    for child in table.scopes[id].children.clone() {
        let mut child_free = newfree.clone();
        let mut child_global = newglobal.clone();
        analyze_block(
            table,
            child,
            Some(newbound.clone()),
            &mut child_free,
            &mut child_global,
        )?;
        allfree.extend(child_free);
        if table.scopes[child].free || table.scopes[child].child_free {
            table.scopes[id].child_free = true;
        }
    }
    newfree.extend(allfree);

    if kind == BlockType::Function {
        // Locals that nested functions use become cells.
        for (name, scope) in scopes.iter_mut() {
            if *scope == NameScope::Local && newfree.remove(name) {
                *scope = NameScope::Cell;
            }
        }
    } else if kind == BlockType::Class && newfree.remove("__class__") {
        table.scopes[id].needs_class_closure = true;
    }

    // Record the results, then propagate free names of children upward.
    let scope = &mut table.scopes[id];
    for (name, sym) in scope.symbols.iter_mut() {
        if let Some(s) = scopes.get(name) {
            sym.scope = *s;
        }
    }
    let mut pending: Vec<&String> = newfree.iter().collect();
    pending.sort();
    for name in pending {
        if let Some(&i) = scope.index.get(name.as_str()) {
            let sym = &mut scope.symbols[i].1;
            if kind == BlockType::Class && sym.flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                sym.flags |= DEF_FREE_CLASS;
            }
            continue;
        }
        if !bound.as_ref().is_some_and(|b| b.contains(name.as_str())) {
            continue;
        }
        scope.set_flags(name, 0);
        if let Some(&i) = scope.index.get(name.as_str()) {
            scope.symbols[i].1.scope = NameScope::Free;
        }
    }
    free.extend(newfree);
    Ok(())
}

fn analyze_name(
    scope: &mut Scope,
    name: &str,
    flags: u32,
    bound: Option<&mut HashSet<String>>,
    local: &mut HashSet<String>,
    free: &mut HashSet<String>,
    global: &mut HashSet<String>,
) -> CResult<NameScope> {
    let directive = |scope: &Scope, msg: String| {
        let span = scope.directives.get(name).copied().unwrap_or_default();
        CompileError::new(msg, span)
    };
    if flags & DEF_GLOBAL != 0 {
        if flags & DEF_NONLOCAL != 0 {
            return Err(directive(
                scope,
                format!("name '{name}' is nonlocal and global"),
            ));
        }
        global.insert(name.to_string());
        if let Some(b) = bound {
            b.remove(name);
        }
        return Ok(NameScope::GlobalExplicit);
    }
    if flags & DEF_NONLOCAL != 0 {
        let Some(bound) = bound else {
            return Err(directive(
                scope,
                "nonlocal declaration not allowed at module level".to_string(),
            ));
        };
        if !bound.contains(name) {
            return Err(directive(
                scope,
                format!("no binding for nonlocal '{name}' found"),
            ));
        }
        scope.free = true;
        free.insert(name.to_string());
        return Ok(NameScope::Free);
    }
    if flags & DEF_BOUND != 0 {
        local.insert(name.to_string());
        global.remove(name);
        return Ok(NameScope::Local);
    }
    if bound.as_ref().is_some_and(|b| b.contains(name)) {
        scope.free = true;
        free.insert(name.to_string());
        return Ok(NameScope::Free);
    }
    if global.contains(name) {
        return Ok(NameScope::GlobalImplicit);
    }
    if scope.nested {
        scope.free = true;
    }
    Ok(NameScope::GlobalImplicit)
}
