//! `dis.desugar`: a function's source with its async syntax rewritten into
//! the generator form it means.
//!
//! The rewrites follow the PEPs that defined the syntax, so the output reads
//! as the specification does and runs with the same results:
//!
//! * a coroutine (`async def` without `yield`) becomes a generator marked
//!   with `@types.coroutine`, and `await e` becomes
//!   `yield from e.__await__()` (PEP 492);
//! * `async with` becomes calls of `__aenter__` and `__aexit__` around a
//!   `try`/`finally` (PEP 492 over PEP 343's expansion of `with`);
//! * `async for` becomes a `while` loop awaiting `__anext__` until
//!   `StopAsyncIteration` (PEP 492);
//! * in a generator, a `yield from` statement becomes PEP 380's expansion.
//!
//! The expansions are written below as Python templates and parsed, rather
//! than built node by node, so that each one reads like the PEP it comes
//! from. A template's placeholders (`__E__`, `__BODY__`, ...) are replaced
//! by the real subtrees, and its temporaries get a numeric suffix that no
//! name of the function uses.

use super::unparse;
use crate::ast::*;
use crate::source::Span;
use std::collections::HashSet;

/// What kind of function a `def` is, which decides what desugaring means for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DefKind {
    Function,
    Generator,
    /// A generator decorated as a coroutine (`types.coroutine`, `asyncio.coroutine`).
    GeneratorCoroutine,
    Coroutine,
    AsyncGenerator,
}

impl DefKind {
    pub fn of(def: &FunctionDef) -> DefKind {
        let gen = body_yields(&def.body);
        match (def.is_async, gen) {
            (true, true) => DefKind::AsyncGenerator,
            (true, false) => DefKind::Coroutine,
            (false, true) if def.decorators.iter().any(is_coroutine_decorator) => {
                DefKind::GeneratorCoroutine
            }
            (false, true) => DefKind::Generator,
            (false, false) => DefKind::Function,
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            DefKind::Function => "a plain function",
            DefKind::Generator => "a generator",
            DefKind::GeneratorCoroutine => "a generator-based coroutine",
            DefKind::Coroutine => "a coroutine",
            DefKind::AsyncGenerator => "an async generator",
        }
    }
}

/// `@types.coroutine`, `@asyncio.coroutine` or a bare `@coroutine`.
fn is_coroutine_decorator(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Name(n) => n == "coroutine",
        ExprKind::Attribute { attr, .. } => attr == "coroutine",
        _ => false,
    }
}

/// The result of desugaring: the new source and what was done (or could not be).
pub struct Desugared {
    pub source: String,
    /// One line per function: what it was and what became of it.
    pub notes: Vec<String>,
}

/// Desugars one statement (a `def`, a `class` or any other) and everything nested in it.
pub fn desugar_stmt(stmt: &Stmt) -> Result<Desugared, String> {
    let mut names = HashSet::new();
    collect_names_stmt(stmt, &mut names);
    let mut d = Desugarer {
        used: names,
        counter: 0,
        notes: Vec::new(),
    };
    let out = d.stmt(stmt.clone())?;
    Ok(Desugared {
        source: unparse::stmts(&out, 0),
        notes: d.notes,
    })
}

/// Desugars a whole module.
pub fn desugar_module(module: &Module) -> Result<Desugared, String> {
    let mut names = HashSet::new();
    module
        .body
        .iter()
        .for_each(|s| collect_names_stmt(s, &mut names));
    let mut d = Desugarer {
        used: names,
        counter: 0,
        notes: Vec::new(),
    };
    let out = d.stmts(module.body.clone())?;
    Ok(Desugared {
        source: unparse::stmts(&out, 0),
        notes: d.notes,
    })
}

/// Finds the statement defining the code object named `name` whose first
/// line (the first decorator's, as `co_firstlineno`) is `line`.
pub fn find_def<'a>(body: &'a [Stmt], source: &str, name: &str, line: u32) -> Option<&'a Stmt> {
    let index = crate::source::LineIndex::new(source);
    find_def_in(body, &index, name, line)
}

fn find_def_in<'a>(
    body: &'a [Stmt],
    index: &crate::source::LineIndex,
    name: &str,
    line: u32,
) -> Option<&'a Stmt> {
    for s in body {
        let (def_name, decorators, inner): (&str, &[Expr], Option<&[Stmt]>) = match &s.kind {
            StmtKind::FunctionDef(f) => (&f.name, &f.decorators, Some(&f.body)),
            StmtKind::ClassDef(c) => (&c.name, &c.decorators, Some(&c.body)),
            _ => ("", &[], None),
        };
        if inner.is_some() {
            let first = decorators.first().map_or(s.span, |d| d.span);
            if def_name == name && index.line(first.start) == line {
                return Some(s);
            }
        }
        let found = match &s.kind {
            StmtKind::FunctionDef(f) => find_def_in(&f.body, index, name, line),
            StmtKind::ClassDef(c) => find_def_in(&c.body, index, name, line),
            StmtKind::If { body, orelse, .. }
            | StmtKind::While { body, orelse, .. }
            | StmtKind::For { body, orelse, .. } => find_def_in(body, index, name, line)
                .or_else(|| find_def_in(orelse, index, name, line)),
            StmtKind::With { body, .. } => find_def_in(body, index, name, line),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => find_def_in(body, index, name, line)
                .or_else(|| {
                    handlers
                        .iter()
                        .find_map(|h| find_def_in(&h.body, index, name, line))
                })
                .or_else(|| find_def_in(orelse, index, name, line))
                .or_else(|| find_def_in(finalbody, index, name, line)),
            _ => None,
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// Finds the `class NAME` statement whose lines include `line` (a method's first line).
pub fn find_class<'a>(body: &'a [Stmt], source: &str, name: &str, line: u32) -> Option<&'a Stmt> {
    let index = crate::source::LineIndex::new(source);
    find_class_in(body, &index, name, line)
}

fn find_class_in<'a>(
    body: &'a [Stmt],
    index: &crate::source::LineIndex,
    name: &str,
    line: u32,
) -> Option<&'a Stmt> {
    for s in body {
        let inner: &[Stmt] = match &s.kind {
            StmtKind::ClassDef(c) => {
                let (first, last) = (
                    index.line(s.span.start),
                    index.line(s.span.end.saturating_sub(1)),
                );
                if c.name == name && (first..=last).contains(&line) {
                    return Some(s);
                }
                &c.body
            }
            StmtKind::FunctionDef(f) => &f.body,
            StmtKind::If { body, .. }
            | StmtKind::While { body, .. }
            | StmtKind::For { body, .. }
            | StmtKind::With { body, .. } => body,
            StmtKind::Try { body, .. } => body,
            _ => continue,
        };
        if let Some(found) = find_class_in(inner, index, name, line) {
            return Some(found);
        }
    }
    None
}

struct Desugarer {
    /// Every identifier of the tree, so that temporaries never collide with one.
    used: HashSet<String>,
    counter: usize,
    notes: Vec<String>,
}

/// Which rewrites apply inside the function body being walked.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Ctx {
    /// Rewrite `await e` as `yield from e.__await__()`.
    await_to_yield_from: bool,
    /// Rewrite `async for`/`async with` into explicit `__anext__`/`__aenter__`/`__aexit__` awaits.
    async_stmts: bool,
    /// Expand `yield from` statements (PEP 380).
    yield_from: bool,
    /// The generator is a coroutine, whose `yield from` also accepts coroutines and futures.
    iterable_coroutine: bool,
}

const NO_REWRITES: Ctx = Ctx {
    await_to_yield_from: false,
    async_stmts: false,
    yield_from: false,
    iterable_coroutine: false,
};

// The PEP expansions. `{n}` is replaced by a fresh suffix.

/// PEP 492's `async with`, on PEP 343's expansion of `with`.
const ASYNC_WITH: &str = "
_mgr{n} = __E__
_aexit{n} = type(_mgr{n}).__aexit__
__TARGET__ = await type(_mgr{n}).__aenter__(_mgr{n})
_ok{n} = True
try:
    try:
        __BODY__
    except BaseException as _exc{n}:
        _ok{n} = False
        if not await _aexit{n}(_mgr{n}, type(_exc{n}), _exc{n}, _exc{n}.__traceback__):
            raise
finally:
    if _ok{n}:
        await _aexit{n}(_mgr{n}, None, None, None)
";

/// PEP 492's `async for`.
const ASYNC_FOR: &str = "
_ait{n} = __E__
_ait{n} = type(_ait{n}).__aiter__(_ait{n})
_running{n} = True
while _running{n}:
    try:
        __TARGET__ = await type(_ait{n}).__anext__(_ait{n})
    except StopAsyncIteration:
        _running{n} = False
    else:
        __BODY__
else:
    __ORELSE__
";

/// PEP 380's expansion of `_r{n} = yield from __E__` (with the one-argument `throw` of Python 3.11).
const YIELD_FROM: &str = "
__ITER__
try:
    _y{n} = next(_i{n})
except StopIteration as _stop{n}:
    _r{n} = _stop{n}.value
else:
    while 1:
        try:
            _s{n} = yield _y{n}
        except GeneratorExit as _exc{n}:
            try:
                _m{n} = _i{n}.close
            except AttributeError:
                pass
            else:
                _m{n}()
            raise _exc{n}
        except BaseException as _exc{n}:
            try:
                _m{n} = _i{n}.throw
            except AttributeError:
                raise _exc{n}
            else:
                try:
                    _y{n} = _m{n}(_exc{n})
                except StopIteration as _stop{n}:
                    _r{n} = _stop{n}.value
                    break
        else:
            try:
                if _s{n} is None:
                    _y{n} = next(_i{n})
                else:
                    _y{n} = _i{n}.send(_s{n})
            except StopIteration as _stop{n}:
                _r{n} = _stop{n}.value
                break
";

/// How `yield from` gets its iterator in a plain generator.
const YIELD_FROM_ITER: &str = "_i{n} = iter(__E__)";
/// ... and in a generator-based coroutine, where a coroutine or future is awaited, not iterated.
const YIELD_FROM_ITER_COROUTINE: &str = "_i{n} = __E__\n_i{n} = _i{n}.__await__() if hasattr(type(_i{n}), '__await__') else iter(_i{n})";

impl Desugarer {
    /// A suffix such that none of `temps` with it collides with a name in the tree.
    fn fresh(&mut self, template: &str) -> String {
        loop {
            self.counter += 1;
            let n = self.counter.to_string();
            let text = template.replace("{n}", &n);
            let mut names = HashSet::new();
            if let Ok(m) = crate::parser::parse_module(&text, "<desugar>") {
                m.body
                    .iter()
                    .for_each(|s| collect_names_stmt(s, &mut names));
            }
            if names
                .iter()
                .filter(|t| t.ends_with(&n) && t.starts_with('_'))
                .all(|t| !self.used.contains(t))
            {
                self.used.extend(names);
                return text;
            }
        }
    }

    /// Parses a template (with its suffix already filled in), rewrites its own
    /// `await`s as the function's other awaits are, and puts the subtrees in.
    fn template(
        &mut self,
        text: &str,
        exprs: &[(&str, Expr)],
        bodies: &[(&str, Vec<Stmt>)],
        span: Span,
        ctx: Ctx,
    ) -> Result<Vec<Stmt>, String> {
        let module = crate::parser::parse_module(text, "<desugar>").map_err(|e| {
            format!(
                "internal error: desugaring template does not parse: {}",
                e.render()
            )
        })?;
        // Templates hold no definitions, so this only turns their awaits into `yield from`.
        let own = self.body_in(
            module.body,
            Ctx {
                await_to_yield_from: ctx.await_to_yield_from,
                ..NO_REWRITES
            },
        )?;
        let mut out = Vec::new();
        for s in own {
            out.extend(fill_stmt(s, exprs, bodies, span));
        }
        Ok(out)
    }

    fn note(&mut self, s: String) {
        self.notes.push(s);
    }

    fn stmts(&mut self, body: Vec<Stmt>) -> Result<Vec<Stmt>, String> {
        let mut out = Vec::new();
        for s in body {
            out.extend(self.stmt_in(s, NO_REWRITES)?);
        }
        Ok(out)
    }

    fn stmt(&mut self, s: Stmt) -> Result<Vec<Stmt>, String> {
        self.stmt_in(s, NO_REWRITES)
    }

    fn body_in(&mut self, body: Vec<Stmt>, ctx: Ctx) -> Result<Vec<Stmt>, String> {
        let mut out = Vec::new();
        for s in body {
            out.extend(self.stmt_in(s, ctx)?);
        }
        Ok(out)
    }

    /// A `def`: decides from its kind which rewrites apply to its body.
    fn function(&mut self, mut def: FunctionDef, span: Span, outer: Ctx) -> Result<Stmt, String> {
        // Decorators, defaults and annotations run in the enclosing scope.
        def.decorators = def
            .decorators
            .into_iter()
            .map(|e| self.expr(e, outer))
            .collect();
        def.args.defaults = std::mem::take(&mut def.args.defaults)
            .into_iter()
            .map(|e| self.expr(e, outer))
            .collect();
        def.args.kw_defaults = std::mem::take(&mut def.args.kw_defaults)
            .into_iter()
            .map(|e| e.map(|e| self.expr(e, outer)))
            .collect();
        let kind = DefKind::of(&def);
        let awaits_in_comprehension = body_has_async_comprehension(&def.body);
        let ctx = match kind {
            DefKind::Function => NO_REWRITES,
            DefKind::Generator => Ctx {
                yield_from: true,
                ..NO_REWRITES
            },
            DefKind::GeneratorCoroutine => Ctx {
                yield_from: true,
                iterable_coroutine: true,
                ..NO_REWRITES
            },
            DefKind::Coroutine if awaits_in_comprehension => Ctx {
                async_stmts: true,
                ..NO_REWRITES
            },
            DefKind::Coroutine => Ctx {
                await_to_yield_from: true,
                async_stmts: true,
                iterable_coroutine: true,
                yield_from: false,
            },
            DefKind::AsyncGenerator => Ctx {
                async_stmts: true,
                ..NO_REWRITES
            },
        };
        def.body = self.body_in(def.body, ctx)?;
        let name = def.name.clone();
        match kind {
            DefKind::Function => self.note(format!("{name}: {}, nothing to desugar", kind.describe())),
            DefKind::Generator | DefKind::GeneratorCoroutine => self.note(format!("{name}: {}; `yield from` statements expanded as in PEP 380", kind.describe())),
            DefKind::Coroutine if awaits_in_comprehension => self.note(format!(
                "{name}: {}; it stays `async def` because it awaits inside a comprehension, which `yield from` cannot express; `async for`/`async with` are expanded",
                kind.describe()
            )),
            DefKind::Coroutine => {
                def.is_async = false;
                // `types.coroutine` must see the bare generator function: it goes nearest the `def`.
                def.decorators.push(parse_expr("types.coroutine")?);
                if !body_yields(&def.body) {
                    // Every coroutine is a generator, even one that never awaits.
                    let never = self.template("if False:\n    yield\n", &[], &[], span, NO_REWRITES)?;
                    def.body.extend(never);
                }
                self.note(format!("{name}: {}, now the generator it means: `await e` is `yield from e.__await__()` (PEP 492)", kind.describe()));
            }
            DefKind::AsyncGenerator => self.note(format!(
                "{name}: {}; it stays `async def` (an async generator has no generator spelling), `async for`/`async with` are expanded",
                kind.describe()
            )),
        }
        Ok(Stmt::new(StmtKind::FunctionDef(Box::new(def)), span))
    }

    fn stmt_in(&mut self, s: Stmt, ctx: Ctx) -> Result<Vec<Stmt>, String> {
        let span = s.span;
        let kind = match s.kind {
            StmtKind::FunctionDef(def) => return Ok(vec![self.function(*def, span, ctx)?]),
            StmtKind::ClassDef(mut class) => {
                class.decorators = class
                    .decorators
                    .into_iter()
                    .map(|e| self.expr(e, ctx))
                    .collect();
                class.bases = class.bases.into_iter().map(|e| self.expr(e, ctx)).collect();
                class.body = self.body_in(class.body, NO_REWRITES)?;
                StmtKind::ClassDef(class)
            }
            StmtKind::With {
                items,
                body,
                is_async: true,
            } if ctx.async_stmts => return self.async_with(items, body, span, ctx),
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async: true,
            } if ctx.async_stmts => return self.async_for(target, iter, body, orelse, span, ctx),
            StmtKind::Expr(Expr {
                kind: ExprKind::YieldFrom(e),
                ..
            }) if ctx.yield_from => return self.yield_from(*e, None, span, ctx),
            StmtKind::Assign {
                targets,
                value:
                    Expr {
                        kind: ExprKind::YieldFrom(e),
                        ..
                    },
            } if ctx.yield_from => {
                let targets = targets.into_iter().map(|t| self.expr(t, ctx)).collect();
                return self.yield_from(
                    *e,
                    Some(StmtKind::Assign {
                        targets,
                        value: Expr::new(ExprKind::Name(String::new()), span),
                    }),
                    span,
                    ctx,
                );
            }
            StmtKind::Return(Some(Expr {
                kind: ExprKind::YieldFrom(e),
                ..
            })) if ctx.yield_from => {
                return self.yield_from(
                    *e,
                    Some(StmtKind::Return(Some(Expr::new(
                        ExprKind::Name(String::new()),
                        span,
                    )))),
                    span,
                    ctx,
                )
            }
            StmtKind::Expr(e) => StmtKind::Expr(self.expr(e, ctx)),
            StmtKind::Assign { targets, value } => StmtKind::Assign {
                targets: targets.into_iter().map(|t| self.expr(t, ctx)).collect(),
                value: self.expr(value, ctx),
            },
            StmtKind::AugAssign { target, op, value } => StmtKind::AugAssign {
                target: self.expr(target, ctx),
                op,
                value: self.expr(value, ctx),
            },
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => StmtKind::AnnAssign {
                target: self.expr(target, ctx),
                annotation,
                value: value.map(|v| self.expr(v, ctx)),
                simple,
            },
            StmtKind::Delete(targets) => {
                StmtKind::Delete(targets.into_iter().map(|t| self.expr(t, ctx)).collect())
            }
            StmtKind::If { test, body, orelse } => StmtKind::If {
                test: self.expr(test, ctx),
                body: self.body_in(body, ctx)?,
                orelse: self.body_in(orelse, ctx)?,
            },
            StmtKind::While { test, body, orelse } => StmtKind::While {
                test: self.expr(test, ctx),
                body: self.body_in(body, ctx)?,
                orelse: self.body_in(orelse, ctx)?,
            },
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => StmtKind::For {
                target: self.expr(target, ctx),
                iter: self.expr(iter, ctx),
                body: self.body_in(body, ctx)?,
                orelse: self.body_in(orelse, ctx)?,
                is_async,
            },
            StmtKind::Return(v) => StmtKind::Return(v.map(|v| self.expr(v, ctx))),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star,
            } => {
                let mut hs = Vec::new();
                for h in handlers {
                    hs.push(ExceptHandler {
                        typ: h.typ.map(|t| self.expr(t, ctx)),
                        name: h.name,
                        body: self.body_in(h.body, ctx)?,
                        span: h.span,
                    });
                }
                StmtKind::Try {
                    body: self.body_in(body, ctx)?,
                    handlers: hs,
                    orelse: self.body_in(orelse, ctx)?,
                    finalbody: self.body_in(finalbody, ctx)?,
                    is_star,
                }
            }
            StmtKind::Raise { exc, cause } => StmtKind::Raise {
                exc: exc.map(|e| self.expr(e, ctx)),
                cause: cause.map(|e| self.expr(e, ctx)),
            },
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                let items = items
                    .into_iter()
                    .map(|i| WithItem {
                        context_expr: self.expr(i.context_expr, ctx),
                        optional_vars: i.optional_vars.map(|v| self.expr(v, ctx)),
                    })
                    .collect();
                StmtKind::With {
                    items,
                    body: self.body_in(body, ctx)?,
                    is_async,
                }
            }
            StmtKind::Assert { test, msg } => StmtKind::Assert {
                test: self.expr(test, ctx),
                msg: msg.map(|m| self.expr(m, ctx)),
            },
            other => other,
        };
        Ok(vec![Stmt::new(kind, span)])
    }

    /// `async with a as x, b as y: body` is `async with a as x: async with b as y: body`.
    fn async_with(
        &mut self,
        mut items: Vec<WithItem>,
        body: Vec<Stmt>,
        span: Span,
        ctx: Ctx,
    ) -> Result<Vec<Stmt>, String> {
        if items.is_empty() {
            return self.body_in(body, ctx);
        }
        let first = items.remove(0);
        // The outer statement's temporaries are numbered before the inner ones.
        let text = self.fresh(ASYNC_WITH);
        let inner = if items.is_empty() {
            self.body_in(body, ctx)?
        } else {
            self.async_with(items, body, span, ctx)?
        };
        let target = first.optional_vars.map(|t| self.expr(t, ctx));
        let mut exprs = vec![("__E__", self.expr(first.context_expr, ctx))];
        let text = match target {
            Some(t) => {
                exprs.push(("__TARGET__", t));
                text
            }
            None => text.replace("__TARGET__ = ", ""),
        };
        self.template(&text, &exprs, &[("__BODY__", inner)], span, ctx)
    }

    fn async_for(
        &mut self,
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
        span: Span,
        ctx: Ctx,
    ) -> Result<Vec<Stmt>, String> {
        let mut text = self.fresh(ASYNC_FOR);
        let body = self.body_in(body, ctx)?;
        let orelse = self.body_in(orelse, ctx)?;
        if orelse.is_empty() {
            text = text.replace("else:\n    __ORELSE__\n", "");
        }
        let exprs = [
            ("__E__", self.expr(iter, ctx)),
            ("__TARGET__", self.expr(target, ctx)),
        ];
        self.template(
            &text,
            &exprs,
            &[("__BODY__", body), ("__ORELSE__", orelse)],
            span,
            ctx,
        )
    }

    /// PEP 380: `yield from e` as a statement, or as the value of an assignment or `return`
    /// (`then` holds that statement with an empty name standing for the result).
    fn yield_from(
        &mut self,
        e: Expr,
        then: Option<StmtKind>,
        span: Span,
        ctx: Ctx,
    ) -> Result<Vec<Stmt>, String> {
        let e = self.expr(e, ctx);
        let iter_text = if ctx.iterable_coroutine {
            YIELD_FROM_ITER_COROUTINE
        } else {
            YIELD_FROM_ITER
        };
        let text = self.fresh(&YIELD_FROM.replace("__ITER__", iter_text));
        let suffix = self.counter;
        let mut stmts = self.template(&text, &[("__E__", e)], &[], span, NO_REWRITES)?;
        if let Some(then) = then {
            let result = Expr::new(ExprKind::Name(format!("_r{suffix}")), span);
            let kind = match then {
                StmtKind::Assign { targets, .. } => StmtKind::Assign {
                    targets,
                    value: result,
                },
                StmtKind::Return(_) => StmtKind::Return(Some(result)),
                other => other,
            };
            stmts.push(Stmt::new(kind, span));
        }
        Ok(stmts)
    }

    /// Rewrites the expressions of the current function (not of nested scopes).
    fn expr(&mut self, e: Expr, ctx: Ctx) -> Expr {
        if !ctx.await_to_yield_from {
            return e;
        }
        map_expr(e, &mut |e| match e.kind {
            ExprKind::Await(v) => {
                let span = e.span;
                let method = Expr::new(
                    ExprKind::Attribute {
                        value: v,
                        attr: "__await__".into(),
                    },
                    span,
                );
                let call = Expr::new(
                    ExprKind::Call {
                        func: Box::new(method),
                        args: vec![],
                        keywords: vec![],
                    },
                    span,
                );
                Expr::new(ExprKind::YieldFrom(Box::new(call)), span)
            }
            kind => Expr::new(kind, e.span),
        })
    }
}

fn parse_expr(text: &str) -> Result<Expr, String> {
    crate::parser::parse_expression(text, "<desugar>").map_err(|e| {
        format!(
            "internal error: desugaring template does not parse: {}",
            e.render()
        )
    })
}

/// Applies `f` bottom-up to every expression of `e` that belongs to the same
/// scope (lambdas and comprehensions are scopes of their own and are left alone,
/// except for a comprehension's first iterable, which runs in the enclosing scope).
fn map_expr(e: Expr, f: &mut dyn FnMut(Expr) -> Expr) -> Expr {
    let span = e.span;
    let mut m = |x: Box<Expr>| Box::new(map_expr(*x, f));
    let kind = match e.kind {
        ExprKind::BoolOp { op, values } => ExprKind::BoolOp {
            op,
            values: values.into_iter().map(|v| *m(Box::new(v))).collect(),
        },
        ExprKind::NamedExpr { target, value } => ExprKind::NamedExpr {
            target,
            value: m(value),
        },
        ExprKind::BinOp { left, op, right } => {
            let left = m(left);
            ExprKind::BinOp {
                left,
                op,
                right: m(right),
            }
        }
        ExprKind::UnaryOp { op, operand } => ExprKind::UnaryOp {
            op,
            operand: m(operand),
        },
        ExprKind::IfExp { test, body, orelse } => {
            let test = m(test);
            let body = m(body);
            ExprKind::IfExp {
                test,
                body,
                orelse: m(orelse),
            }
        }
        ExprKind::Dict { keys, values } => {
            let mut ks = Vec::new();
            let mut vs = Vec::new();
            for (k, v) in keys.into_iter().zip(values) {
                ks.push(k.map(|k| *m(Box::new(k))));
                vs.push(*m(Box::new(v)));
            }
            ExprKind::Dict {
                keys: ks,
                values: vs,
            }
        }
        ExprKind::Set(v) => ExprKind::Set(v.into_iter().map(|x| *m(Box::new(x))).collect()),
        ExprKind::List(v) => ExprKind::List(v.into_iter().map(|x| *m(Box::new(x))).collect()),
        ExprKind::Tuple(v) => ExprKind::Tuple(v.into_iter().map(|x| *m(Box::new(x))).collect()),
        ExprKind::JoinedStr(v) => {
            ExprKind::JoinedStr(v.into_iter().map(|x| *m(Box::new(x))).collect())
        }
        ExprKind::ListComp { elt, generators } => ExprKind::ListComp {
            elt,
            generators: first_iter(generators, &mut m),
        },
        ExprKind::SetComp { elt, generators } => ExprKind::SetComp {
            elt,
            generators: first_iter(generators, &mut m),
        },
        ExprKind::GeneratorExp { elt, generators } => ExprKind::GeneratorExp {
            elt,
            generators: first_iter(generators, &mut m),
        },
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => ExprKind::DictComp {
            key,
            value,
            generators: first_iter(generators, &mut m),
        },
        ExprKind::Await(v) => ExprKind::Await(m(v)),
        ExprKind::Yield(v) => ExprKind::Yield(v.map(&mut m)),
        ExprKind::YieldFrom(v) => ExprKind::YieldFrom(m(v)),
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            let left = m(left);
            ExprKind::Compare {
                left,
                ops,
                comparators: comparators.into_iter().map(|c| *m(Box::new(c))).collect(),
            }
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            let func = m(func);
            let args = args.into_iter().map(|a| *m(Box::new(a))).collect();
            let keywords = keywords
                .into_iter()
                .map(|k| Keyword {
                    arg: k.arg,
                    value: *m(Box::new(k.value)),
                    span: k.span,
                })
                .collect();
            ExprKind::Call {
                func,
                args,
                keywords,
            }
        }
        ExprKind::FormattedValue {
            value,
            conversion,
            format_spec,
        } => {
            let value = m(value);
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec: format_spec.map(&mut m),
            }
        }
        ExprKind::Attribute { value, attr } => ExprKind::Attribute {
            value: m(value),
            attr,
        },
        ExprKind::Subscript { value, slice } => {
            let value = m(value);
            ExprKind::Subscript {
                value,
                slice: m(slice),
            }
        }
        ExprKind::Starred(v) => ExprKind::Starred(m(v)),
        ExprKind::Slice { lower, upper, step } => {
            let lower = lower.map(&mut m);
            let upper = upper.map(&mut m);
            ExprKind::Slice {
                lower,
                upper,
                step: step.map(&mut m),
            }
        }
        other @ (ExprKind::Lambda { .. } | ExprKind::Constant(_) | ExprKind::Name(_)) => other,
    };
    f(Expr::new(kind, span))
}

fn first_iter(
    mut generators: Vec<Comprehension>,
    m: &mut dyn FnMut(Box<Expr>) -> Box<Expr>,
) -> Vec<Comprehension> {
    if let Some(first) = generators.first_mut() {
        let iter = std::mem::replace(
            &mut first.iter,
            Expr::new(ExprKind::Constant(Constant::None), Span::default()),
        );
        first.iter = *m(Box::new(iter));
    }
    generators
}

/// Puts the real subtrees into a parsed template statement.
fn fill_stmt(
    s: Stmt,
    exprs: &[(&str, Expr)],
    bodies: &[(&str, Vec<Stmt>)],
    span: Span,
) -> Vec<Stmt> {
    if let StmtKind::Expr(Expr {
        kind: ExprKind::Name(n),
        ..
    }) = &s.kind
    {
        if let Some((_, body)) = bodies.iter().find(|(p, _)| p == n) {
            return if body.is_empty() {
                vec![Stmt::new(StmtKind::Pass, span)]
            } else {
                body.clone()
            };
        }
    }
    let fe = |e: Expr| fill_expr(e, exprs, span);
    let fb = |b: Vec<Stmt>| {
        b.into_iter()
            .flat_map(|s| fill_stmt(s, exprs, bodies, span))
            .collect::<Vec<_>>()
    };
    let kind = match s.kind {
        StmtKind::Expr(e) => StmtKind::Expr(fe(e)),
        StmtKind::Assign { targets, value } => StmtKind::Assign {
            targets: targets.into_iter().map(fe).collect(),
            value: fe(value),
        },
        StmtKind::If { test, body, orelse } => StmtKind::If {
            test: fe(test),
            body: fb(body),
            orelse: fb(orelse),
        },
        StmtKind::While { test, body, orelse } => StmtKind::While {
            test: fe(test),
            body: fb(body),
            orelse: fb(orelse),
        },
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            is_star,
        } => StmtKind::Try {
            body: fb(body),
            handlers: handlers
                .into_iter()
                .map(|h| ExceptHandler {
                    typ: h.typ,
                    name: h.name,
                    body: fb(h.body),
                    span,
                })
                .collect(),
            orelse: fb(orelse),
            finalbody: fb(finalbody),
            is_star,
        },
        StmtKind::Return(v) => StmtKind::Return(v.map(fe)),
        other => other,
    };
    vec![Stmt::new(kind, span)]
}

fn fill_expr(e: Expr, exprs: &[(&str, Expr)], span: Span) -> Expr {
    map_expr_all(e, &mut |e| match &e.kind {
        ExprKind::Name(n) => match exprs.iter().find(|(p, _)| p == n) {
            Some((_, x)) => x.clone(),
            None => Expr::new(e.kind, span),
        },
        _ => Expr::new(e.kind, span),
    })
}

/// Like [`map_expr`], but also into lambdas (templates put placeholders there).
fn map_expr_all(e: Expr, f: &mut dyn FnMut(Expr) -> Expr) -> Expr {
    match e.kind {
        ExprKind::Lambda { args, body } => {
            let body = Box::new(map_expr_all(*body, f));
            f(Expr::new(ExprKind::Lambda { args, body }, e.span))
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            let func = Box::new(map_expr_all(*func, f));
            let args = args.into_iter().map(|a| map_expr_all(a, f)).collect();
            let keywords = keywords
                .into_iter()
                .map(|k| Keyword {
                    arg: k.arg,
                    value: map_expr_all(k.value, f),
                    span: k.span,
                })
                .collect();
            f(Expr::new(
                ExprKind::Call {
                    func,
                    args,
                    keywords,
                },
                e.span,
            ))
        }
        kind => map_expr(Expr::new(kind, e.span), f),
    }
}

/// True if the statements (not nested scopes) contain `yield` or `yield from`.
pub fn body_yields(body: &[Stmt]) -> bool {
    let mut found = false;
    for s in body {
        walk_stmt_exprs(s, &mut |e| {
            if matches!(e.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) {
                found = true;
            }
        });
    }
    found
}

/// True if a comprehension of the body (not of nested functions) awaits or is asynchronous.
fn body_has_async_comprehension(body: &[Stmt]) -> bool {
    let mut found = false;
    for s in body {
        walk_stmt_exprs(s, &mut |e| {
            let (generators, parts): (&[Comprehension], Vec<&Expr>) = match &e.kind {
                ExprKind::ListComp { elt, generators }
                | ExprKind::SetComp { elt, generators }
                | ExprKind::GeneratorExp { elt, generators } => (generators, vec![elt]),
                ExprKind::DictComp {
                    key,
                    value,
                    generators,
                } => (generators, vec![key, value]),
                _ => return,
            };
            let mut inner = parts;
            for g in generators {
                inner.push(&g.target);
                inner.push(&g.iter);
                inner.extend(g.ifs.iter());
            }
            if generators.iter().any(|g| g.is_async) || inner.iter().any(|x| expr_awaits(x)) {
                found = true;
            }
        });
    }
    found
}

fn expr_awaits(e: &Expr) -> bool {
    let mut found = false;
    walk_expr(e, &mut |x| {
        if matches!(x.kind, ExprKind::Await(_)) {
            found = true;
        }
    });
    found
}

/// Calls `f` on every expression of a statement that belongs to its scope
/// (nested `def` and `class` bodies are other scopes; their decorators and
/// defaults are not).
fn walk_stmt_exprs(s: &Stmt, f: &mut dyn FnMut(&Expr)) {
    let mut e = |x: &Expr| walk_expr(x, f);
    match &s.kind {
        StmtKind::Expr(x) => e(x),
        StmtKind::Assign { targets, value } => {
            targets.iter().for_each(&mut e);
            e(value);
        }
        StmtKind::AugAssign { target, value, .. } => {
            e(target);
            e(value);
        }
        StmtKind::AnnAssign { target, value, .. } => {
            e(target);
            value.iter().for_each(e);
        }
        StmtKind::Delete(t) => t.iter().for_each(e),
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            e(test);
            body.iter()
                .chain(orelse)
                .for_each(|s| walk_stmt_exprs(s, f));
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
            ..
        } => {
            e(target);
            e(iter);
            body.iter()
                .chain(orelse)
                .for_each(|s| walk_stmt_exprs(s, f));
        }
        StmtKind::FunctionDef(def) => {
            def.decorators
                .iter()
                .chain(def.args.defaults.iter())
                .chain(def.args.kw_defaults.iter().flatten())
                .for_each(e);
        }
        StmtKind::ClassDef(c) => c.decorators.iter().chain(c.bases.iter()).for_each(e),
        StmtKind::Return(v) => v.iter().for_each(e),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            ..
        } => {
            handlers
                .iter()
                .filter_map(|h| h.typ.as_ref())
                .for_each(&mut e);
            body.iter()
                .chain(handlers.iter().flat_map(|h| h.body.iter()))
                .chain(orelse)
                .chain(finalbody)
                .for_each(|s| walk_stmt_exprs(s, f));
        }
        StmtKind::Raise { exc, cause } => exc.iter().chain(cause.iter()).for_each(e),
        StmtKind::With { items, body, .. } => {
            for i in items {
                e(&i.context_expr);
                i.optional_vars.iter().for_each(&mut e);
            }
            body.iter().for_each(|s| walk_stmt_exprs(s, f));
        }
        StmtKind::Assert { test, msg } => {
            e(test);
            msg.iter().for_each(e);
        }
        _ => {}
    }
}

/// Calls `f` on `e` and its sub-expressions, stopping at lambdas (another scope).
fn walk_expr(e: &Expr, f: &mut dyn FnMut(&Expr)) {
    f(e);
    if matches!(e.kind, ExprKind::Lambda { .. }) {
        return;
    }
    crate::parser::visit::expr_children(e, &mut |n| {
        if let crate::parser::visit::Node::Expr(x) = n {
            walk_expr(x, f);
        }
    });
}

/// Every identifier a statement mentions (names, parameters, definitions).
fn collect_names_stmt(s: &Stmt, names: &mut HashSet<String>) {
    match &s.kind {
        StmtKind::FunctionDef(def) => {
            names.insert(def.name.clone());
            let a = &def.args;
            for arg in a
                .posonlyargs
                .iter()
                .chain(&a.args)
                .chain(&a.kwonlyargs)
                .chain(a.vararg.iter())
                .chain(a.kwarg.iter())
            {
                names.insert(arg.name.clone());
            }
            def.body.iter().for_each(|s| collect_names_stmt(s, names));
        }
        StmtKind::ClassDef(c) => {
            names.insert(c.name.clone());
            c.body.iter().for_each(|s| collect_names_stmt(s, names));
        }
        StmtKind::Try { handlers, .. } => {
            names.extend(handlers.iter().filter_map(|h| h.name.clone()));
        }
        StmtKind::Global(n) | StmtKind::Nonlocal(n) => names.extend(n.iter().cloned()),
        StmtKind::Import(a) | StmtKind::ImportFrom { names: a, .. } => {
            names.extend(
                a.iter()
                    .map(|a| a.asname.clone().unwrap_or_else(|| a.name.clone())),
            );
        }
        _ => {}
    }
    let mut add = |e: &Expr| {
        walk_expr_all(e, &mut |x| {
            if let ExprKind::Name(n) = &x.kind {
                names.insert(n.clone());
            }
        })
    };
    walk_stmt_exprs(s, &mut add);
    // Definitions and handler names nested in compound statements:
    let children: Vec<&Stmt> = match &s.kind {
        StmtKind::If { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::For { body, orelse, .. } => body.iter().chain(orelse).collect(),
        StmtKind::With { body, .. } => body.iter().collect(),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            ..
        } => body
            .iter()
            .chain(handlers.iter().flat_map(|h| h.body.iter()))
            .chain(orelse)
            .chain(finalbody)
            .collect(),
        _ => Vec::new(),
    };
    for c in children {
        collect_names_stmt(c, names);
    }
}

/// Like [`walk_expr`] but also into lambdas.
fn walk_expr_all(e: &Expr, f: &mut dyn FnMut(&Expr)) {
    f(e);
    crate::parser::visit::expr_children(e, &mut |n| {
        if let crate::parser::visit::Node::Expr(x) = n {
            walk_expr_all(x, f);
        }
    });
}
