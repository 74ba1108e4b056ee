//! Walking the tree: child enumeration (used to move f-string expression
//! spans into their source and by the span-invariant tests).

use crate::ast::*;
use crate::source::Span;

/// A reference to a node of either kind.
#[derive(Clone, Copy)]
pub enum Node<'a> {
    Stmt(&'a Stmt),
    Expr(&'a Expr),
}

impl Node<'_> {
    pub fn span(&self) -> Span {
        match self {
            Node::Stmt(s) => s.span,
            Node::Expr(e) => e.span,
        }
    }
}

/// Calls `f` with each direct child of `e`.
pub fn expr_children<'a>(e: &'a Expr, f: &mut dyn FnMut(Node<'a>)) {
    let mut ex = |x: &'a Expr| f(Node::Expr(x));
    match &e.kind {
        ExprKind::BoolOp { values, .. } => values.iter().for_each(&mut ex),
        ExprKind::NamedExpr { target, value } => {
            ex(target);
            ex(value);
        }
        ExprKind::BinOp { left, right, .. } => {
            ex(left);
            ex(right);
        }
        ExprKind::UnaryOp { operand, .. } => ex(operand),
        ExprKind::Lambda { args, body } => {
            arguments_exprs(args, &mut ex);
            ex(body);
        }
        ExprKind::IfExp { test, body, orelse } => {
            ex(test);
            ex(body);
            ex(orelse);
        }
        ExprKind::Dict { keys, values } => {
            keys.iter().flatten().for_each(&mut ex);
            values.iter().for_each(&mut ex);
        }
        ExprKind::Set(v) | ExprKind::List(v) | ExprKind::Tuple(v) | ExprKind::JoinedStr(v) => {
            v.iter().for_each(&mut ex)
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            ex(elt);
            comprehension_exprs(generators, &mut ex);
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            ex(key);
            ex(value);
            comprehension_exprs(generators, &mut ex);
        }
        ExprKind::Await(v) | ExprKind::YieldFrom(v) | ExprKind::Starred(v) => ex(v),
        ExprKind::Yield(v) => v.iter().for_each(|v| ex(v)),
        ExprKind::Compare {
            left, comparators, ..
        } => {
            ex(left);
            comparators.iter().for_each(&mut ex);
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            ex(func);
            args.iter().for_each(&mut ex);
            keywords.iter().for_each(|k| ex(&k.value));
        }
        ExprKind::FormattedValue {
            value, format_spec, ..
        } => {
            ex(value);
            format_spec.iter().for_each(|s| ex(s));
        }
        ExprKind::Constant(_) | ExprKind::Name(_) => {}
        ExprKind::Attribute { value, .. } => ex(value),
        ExprKind::Subscript { value, slice } => {
            ex(value);
            ex(slice);
        }
        ExprKind::Slice { lower, upper, step } => {
            for part in [lower, upper, step].into_iter().flatten() {
                ex(part);
            }
        }
    }
}

fn arguments_exprs<'a>(a: &'a Arguments, ex: &mut dyn FnMut(&'a Expr)) {
    let all = a
        .posonlyargs
        .iter()
        .chain(&a.args)
        .chain(&a.vararg)
        .chain(&a.kwonlyargs)
        .chain(&a.kwarg);
    for arg in all {
        if let Some(ann) = &arg.annotation {
            ex(ann);
        }
    }
    a.defaults.iter().for_each(&mut *ex);
    a.kw_defaults.iter().flatten().for_each(ex);
}

fn comprehension_exprs<'a>(gens: &'a [Comprehension], ex: &mut dyn FnMut(&'a Expr)) {
    for g in gens {
        ex(&g.target);
        ex(&g.iter);
        g.ifs.iter().for_each(&mut *ex);
    }
}

/// Calls `f` with each direct child of `s`. Decorators are included; note
/// that, as in CPython, they lie before the statement's own span.
pub fn stmt_children<'a>(s: &'a Stmt, f: &mut dyn FnMut(Node<'a>)) {
    let st = |b: &'a [Stmt], f: &mut dyn FnMut(Node<'a>)| b.iter().for_each(|s| f(Node::Stmt(s)));
    match &s.kind {
        StmtKind::Expr(e) => f(Node::Expr(e)),
        StmtKind::Assign { targets, value } => {
            targets.iter().for_each(|t| f(Node::Expr(t)));
            f(Node::Expr(value));
        }
        StmtKind::AugAssign { target, value, .. } => {
            f(Node::Expr(target));
            f(Node::Expr(value));
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            ..
        } => {
            f(Node::Expr(target));
            f(Node::Expr(annotation));
            value.iter().for_each(|v| f(Node::Expr(v)));
        }
        StmtKind::Delete(v) => v.iter().for_each(|t| f(Node::Expr(t))),
        StmtKind::Pass
        | StmtKind::Break
        | StmtKind::Continue
        | StmtKind::Global(_)
        | StmtKind::Nonlocal(_) => {}
        StmtKind::Import(_) | StmtKind::ImportFrom { .. } => {}
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            f(Node::Expr(test));
            st(body, f);
            st(orelse, f);
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
            ..
        } => {
            f(Node::Expr(target));
            f(Node::Expr(iter));
            st(body, f);
            st(orelse, f);
        }
        StmtKind::FunctionDef(d) => {
            d.decorators.iter().for_each(|e| f(Node::Expr(e)));
            arguments_exprs(&d.args, &mut |e| f(Node::Expr(e)));
            d.returns.iter().for_each(|e| f(Node::Expr(e)));
            st(&d.body, f);
        }
        StmtKind::ClassDef(c) => {
            c.decorators.iter().for_each(|e| f(Node::Expr(e)));
            c.bases.iter().for_each(|e| f(Node::Expr(e)));
            c.keywords.iter().for_each(|k| f(Node::Expr(&k.value)));
            st(&c.body, f);
        }
        StmtKind::Return(v) => v.iter().for_each(|e| f(Node::Expr(e))),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            ..
        } => {
            st(body, f);
            for h in handlers {
                h.typ.iter().for_each(|e| f(Node::Expr(e)));
                st(&h.body, f);
            }
            st(orelse, f);
            st(finalbody, f);
        }
        StmtKind::Raise { exc, cause } => {
            exc.iter().for_each(|e| f(Node::Expr(e)));
            cause.iter().for_each(|e| f(Node::Expr(e)));
        }
        StmtKind::With { items, body, .. } => {
            for item in items {
                f(Node::Expr(&item.context_expr));
                item.optional_vars.iter().for_each(|e| f(Node::Expr(e)));
            }
            st(body, f);
        }
        StmtKind::Assert { test, msg } => {
            f(Node::Expr(test));
            msg.iter().for_each(|e| f(Node::Expr(e)));
        }
        StmtKind::Match { subject, cases } => {
            f(Node::Expr(subject));
            for case in cases {
                pattern_exprs(&case.pattern, &mut |e| f(Node::Expr(e)));
                case.guard.iter().for_each(|e| f(Node::Expr(e)));
                st(&case.body, f);
            }
        }
    }
}

/// Calls `f` with each expression inside a pattern (values, mapping keys,
/// class names), in source order. Patterns are not [`Node`]s: their
/// expressions count as children of the `match` statement.
pub fn pattern_exprs<'a>(p: &'a Pattern, f: &mut dyn FnMut(&'a Expr)) {
    match &p.kind {
        PatternKind::MatchValue(v) => f(v),
        PatternKind::MatchSingleton(_) | PatternKind::MatchStar(_) => {}
        PatternKind::MatchSequence(items) | PatternKind::MatchOr(items) => {
            items.iter().for_each(|p| pattern_exprs(p, f))
        }
        PatternKind::MatchMapping { keys, patterns, .. } => {
            for (k, p) in keys.iter().zip(patterns) {
                f(k);
                pattern_exprs(p, f);
            }
        }
        PatternKind::MatchClass {
            cls,
            patterns,
            kwd_patterns,
            ..
        } => {
            f(cls);
            patterns
                .iter()
                .chain(kwd_patterns)
                .for_each(|p| pattern_exprs(p, f));
        }
        PatternKind::MatchAs { pattern, .. } => {
            if let Some(p) = pattern {
                pattern_exprs(p, f);
            }
        }
    }
}

/// A mutable reference to a child of an expression: another expression,
/// or the span of an `arg` or `keyword` (which are not expressions).
pub enum ChildMut<'a> {
    Expr(&'a mut Expr),
    Span(&'a mut Span),
}

/// Calls `f` with each direct child of `e`, mutably.
pub fn expr_children_mut<'a>(e: &'a mut Expr, f: &mut dyn FnMut(ChildMut<'a>)) {
    let mut ex = |x: &'a mut Expr| f(ChildMut::Expr(x));
    match &mut e.kind {
        ExprKind::BoolOp { values, .. } => values.iter_mut().for_each(&mut ex),
        ExprKind::NamedExpr { target, value } => {
            ex(target);
            ex(value);
        }
        ExprKind::BinOp { left, right, .. } => {
            ex(left);
            ex(right);
        }
        ExprKind::UnaryOp { operand, .. } => ex(operand),
        ExprKind::Lambda { args, body } => {
            let Arguments {
                posonlyargs,
                args: plain,
                vararg,
                kwonlyargs,
                kw_defaults,
                kwarg,
                defaults,
            } = &mut **args;
            let all = posonlyargs
                .iter_mut()
                .chain(plain.iter_mut())
                .chain(vararg.iter_mut());
            let all = all.chain(kwonlyargs.iter_mut()).chain(kwarg.iter_mut());
            for arg in all {
                f(ChildMut::Span(&mut arg.span));
                if let Some(ann) = &mut arg.annotation {
                    f(ChildMut::Expr(ann));
                }
            }
            defaults.iter_mut().for_each(|d| f(ChildMut::Expr(d)));
            kw_defaults
                .iter_mut()
                .flatten()
                .for_each(|d| f(ChildMut::Expr(d)));
            f(ChildMut::Expr(body));
        }
        ExprKind::IfExp { test, body, orelse } => {
            ex(test);
            ex(body);
            ex(orelse);
        }
        ExprKind::Dict { keys, values } => {
            keys.iter_mut().flatten().for_each(&mut ex);
            values.iter_mut().for_each(&mut ex);
        }
        ExprKind::Set(v) | ExprKind::List(v) | ExprKind::Tuple(v) | ExprKind::JoinedStr(v) => {
            v.iter_mut().for_each(&mut ex)
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            ex(elt);
            for g in generators {
                ex(&mut g.target);
                ex(&mut g.iter);
                g.ifs.iter_mut().for_each(&mut ex);
            }
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            ex(key);
            ex(value);
            for g in generators {
                ex(&mut g.target);
                ex(&mut g.iter);
                g.ifs.iter_mut().for_each(&mut ex);
            }
        }
        ExprKind::Await(v) | ExprKind::YieldFrom(v) | ExprKind::Starred(v) => ex(v),
        ExprKind::Yield(v) => {
            if let Some(v) = v {
                ex(v);
            }
        }
        ExprKind::Compare {
            left, comparators, ..
        } => {
            ex(left);
            comparators.iter_mut().for_each(&mut ex);
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            f(ChildMut::Expr(func));
            args.iter_mut().for_each(|a| f(ChildMut::Expr(a)));
            for k in keywords {
                f(ChildMut::Span(&mut k.span));
                f(ChildMut::Expr(&mut k.value));
            }
        }
        ExprKind::FormattedValue {
            value, format_spec, ..
        } => {
            ex(value);
            if let Some(s) = format_spec {
                ex(s);
            }
        }
        ExprKind::Constant(_) | ExprKind::Name(_) => {}
        ExprKind::Attribute { value, .. } => ex(value),
        ExprKind::Subscript { value, slice } => {
            ex(value);
            ex(slice);
        }
        ExprKind::Slice { lower, upper, step } => {
            for part in [lower, upper, step].into_iter().flatten() {
                ex(part);
            }
        }
    }
}

fn shift_span(s: &mut Span, delta: i64) {
    s.start = (i64::from(s.start) + delta).max(0) as u32;
    s.end = (i64::from(s.end) + delta).max(0) as u32;
}

/// Moves every span in `e` by `delta` bytes (without recursion, so deep
/// trees are safe).
pub fn shift_expr(e: &mut Expr, delta: i64) {
    let mut stack: Vec<&mut Expr> = vec![e];
    while let Some(e) = stack.pop() {
        shift_span(&mut e.span, delta);
        expr_children_mut(e, &mut |c| match c {
            ChildMut::Expr(x) => stack.push(x),
            ChildMut::Span(s) => shift_span(s, delta),
        });
    }
}

/// The depth of the deepest expression in `e` (1 for a leaf), counted
/// without recursion.
pub fn expr_depth(e: &Expr) -> usize {
    let mut max = 0;
    let mut stack = vec![(e, 1usize)];
    while let Some((e, d)) = stack.pop() {
        max = max.max(d);
        expr_children(e, &mut |c| {
            if let Node::Expr(x) = c {
                stack.push((x, d + 1));
            }
        });
    }
    max
}

/// Drops an expression tree without recursion (a deep tree would overflow
/// the stack in the compiler-generated recursive drop).
pub fn drop_expr(e: Expr) {
    let mut work = vec![e];
    while let Some(mut e) = work.pop() {
        expr_children_mut(&mut e, &mut |c| {
            if let ChildMut::Expr(x) = c {
                let placeholder = Expr::new(ExprKind::Constant(Constant::None), x.span);
                work.push(std::mem::replace(x, placeholder));
            }
        });
    }
}
