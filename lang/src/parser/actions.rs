//! Helpers for the grammar's actions: building nodes and checking the
//! things CPython checks in its grammar actions (assignment targets,
//! argument and parameter order), with CPython's messages.

use super::{user_error, Loc, PError, PResult};
use crate::ast::*;
use crate::source::Span;

/// What the single parser table produces.
#[derive(Debug)]
pub enum Top {
    Module(Vec<Stmt>),
    Expression(Expr),
}

pub fn sp(l: usize, r: usize) -> Span {
    Span::new(l, r)
}

pub fn bin(left: Expr, op: BinOp, right: Expr, span: Span) -> Expr {
    Expr::new(
        ExprKind::BinOp {
            left: Box::new(left),
            op,
            right: Box::new(right),
        },
        span,
    )
}

pub fn bool_op(op: BoolOp, first: Expr, rest: Vec<Expr>, span: Span) -> Expr {
    let mut values = vec![first];
    values.extend(rest);
    Expr::new(ExprKind::BoolOp { op, values }, span)
}

pub fn genexp(elt: Expr, generators: Vec<Comprehension>, span: Span) -> Expr {
    Expr::new(
        ExprKind::GeneratorExp {
            elt: Box::new(elt),
            generators,
        },
        span,
    )
}

/// The end of a compound statement: the end of its last nested statement.
pub fn block_end(body: &[Stmt], orelse: &[Stmt]) -> usize {
    orelse
        .last()
        .or(body.last())
        .map_or(0, |s| s.span.end as usize)
}

/// CPython's `_PyPegen_get_expr_name`: how messages name an expression.
pub fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
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
        ExprKind::Constant(c) => match c {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    Assign,
    For,
    Del,
}

/// CPython's `_PyPegen_get_invalid_target`: the first sub-expression that
/// cannot be a target, if any.
fn invalid_target(e: &Expr, kind: TargetKind) -> Option<&Expr> {
    match &e.kind {
        ExprKind::List(elts) | ExprKind::Tuple(elts) => {
            elts.iter().find_map(|x| invalid_target(x, kind))
        }
        ExprKind::Starred(inner) => {
            if kind == TargetKind::Del {
                Some(e)
            } else {
                invalid_target(inner, kind)
            }
        }
        ExprKind::Compare { left, ops, .. } => {
            if kind == TargetKind::For {
                if ops.first() == Some(&CmpOp::In) {
                    invalid_target(left, kind)
                } else {
                    None
                }
            } else {
                Some(e)
            }
        }
        ExprKind::Name(_) | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(e),
    }
}

fn target_error(bad: &Expr, kind: TargetKind) -> PError {
    let verb = if kind == TargetKind::Del {
        "delete"
    } else {
        "assign to"
    };
    PError::at(format!("cannot {verb} {}", expr_name(bad)), bad.span)
}

pub fn check_target(e: &Expr, kind: TargetKind) -> PResult<()> {
    match invalid_target(e, kind) {
        Some(bad) => user_error(target_error(bad, kind)),
        None => Ok(()),
    }
}

pub fn del_stmt(t: Expr, span: Span) -> PResult<Stmt> {
    // `del a, b` has two targets; `del (a, b)` has one tuple target.
    let targets = match t.kind {
        ExprKind::Tuple(elts) if !parenthesized_at(&elts, t.span) => elts,
        kind => vec![Expr::new(kind, t.span)],
    };
    for target in &targets {
        check_target(target, TargetKind::Del)?;
    }
    Ok(Stmt::new(StmtKind::Delete(targets), span))
}

/// Whether a tuple spanning `span` starts before its first element, i.e.
/// was written in parentheses.
fn parenthesized_at(elts: &[Expr], span: Span) -> bool {
    elts.first()
        .is_some_and(|first| first.span.start > span.start)
}

/// True if `e` is at the level of CPython's `bitwise_or` (no comparison,
/// `not`, boolean operator, conditional, lambda or walrus at its top).
fn is_bitwise_or_level(e: &Expr) -> bool {
    !matches!(
        e.kind,
        ExprKind::Compare { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::UnaryOp {
                op: UnaryOp::Not,
                ..
            }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::NamedExpr { .. }
            | ExprKind::Starred(_)
            | ExprKind::Yield(_)
            | ExprKind::YieldFrom(_)
    )
}

/// Whether the text of `e` begins with a `bitwise_or` expression.
fn starts_with_bitwise_or(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Tuple(elts) if elts.first().is_some_and(|f| f.span.start == e.span.start) => {
            elts.first().is_some_and(starts_with_bitwise_or)
        }
        ExprKind::BoolOp { values, .. } => values.first().is_some_and(starts_with_bitwise_or),
        ExprKind::Compare { left, .. } => starts_with_bitwise_or(left),
        ExprKind::IfExp { body, .. } => starts_with_bitwise_or(body),
        ExprKind::UnaryOp {
            op: UnaryOp::Not, ..
        }
        | ExprKind::Lambda { .. }
        | ExprKind::Starred(_)
        | ExprKind::Yield(_)
        | ExprKind::YieldFrom(_) => false,
        _ => true,
    }
}

pub fn assign_stmt(first: Expr, mut rest: Vec<Expr>, span: Span) -> PResult<Stmt> {
    let Some(value) = rest.pop() else {
        return Ok(Stmt::new(StmtKind::Expr(first), span));
    };
    let mut targets = vec![first];
    targets.extend(rest);
    for (i, target) in targets.iter().enumerate() {
        if matches!(target.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) {
            return user_error(PError::at(
                "assignment to yield expression not possible",
                target.span,
            ));
        }
        if let Some(bad) = invalid_target(target, TargetKind::Assign) {
            // CPython's invalid_named_expression rule fires first for a
            // lone `target = value`, suggesting `==`.
            let excluded = matches!(
                target.kind,
                ExprKind::List(_)
                    | ExprKind::Tuple(_)
                    | ExprKind::GeneratorExp { .. }
                    | ExprKind::Constant(Constant::Bool(_) | Constant::None)
            );
            if i == 0
                && targets.len() == 1
                && !excluded
                && is_bitwise_or_level(target)
                && starts_with_bitwise_or(&value)
            {
                return user_error(PError::at(
                    format!(
                        "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                        expr_name(target)
                    ),
                    target.span,
                ));
            }
            return user_error(target_error(bad, TargetKind::Assign));
        }
    }
    Ok(Stmt::new(StmtKind::Assign { targets, value }, span))
}

pub fn aug_assign(target: Expr, op: BinOp, value: Expr, span: Span) -> PResult<Stmt> {
    if !matches!(
        target.kind,
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
    ) {
        return user_error(PError::at(
            format!(
                "'{}' is an illegal expression for augmented assignment",
                expr_name(&target)
            ),
            target.span,
        ));
    }
    Ok(Stmt::new(StmtKind::AugAssign { target, op, value }, span))
}

pub fn ann_assign(
    target: Expr,
    annotation: Expr,
    value: Option<Expr>,
    span: Span,
) -> PResult<Stmt> {
    match &target.kind {
        ExprKind::Tuple(elts) => {
            // A bare `a, b: int` is reported at its first element; `()`
            // and `(a, b)` at the parentheses.
            let at = match elts.first() {
                Some(first) if !parenthesized_at(elts, target.span) => first.span,
                _ => target.span,
            };
            return user_error(PError::at(
                "only single target (not tuple) can be annotated",
                at,
            ));
        }
        ExprKind::List(_) => {
            return user_error(PError::at(
                "only single target (not list) can be annotated",
                target.span,
            ));
        }
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
        _ => return user_error(PError::at("illegal target for annotation", target.span)),
    }
    // `(x): int` is not simple: the statement starts before its target.
    let simple = matches!(target.kind, ExprKind::Name(_)) && target.span.start == span.start;
    Ok(Stmt::new(
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            simple,
        },
        span,
    ))
}

pub fn named_expr(target: Expr, value: Expr, span: Span) -> PResult<Expr> {
    if !matches!(target.kind, ExprKind::Name(_)) {
        return user_error(PError::at(
            format!(
                "cannot use assignment expressions with {}",
                expr_name(&target)
            ),
            target.span,
        ));
    }
    Ok(Expr::new(
        ExprKind::NamedExpr {
            target: Box::new(target),
            value: Box::new(value),
        },
        span,
    ))
}

pub fn starred_group(e: Expr) -> PResult<Expr> {
    user_error(PError::at("cannot use starred expression here", e.span))
}

pub fn decorate(decorators: Vec<Expr>, mut stmt: Stmt, _start: usize) -> PResult<Stmt> {
    match &mut stmt.kind {
        StmtKind::FunctionDef(f) => f.decorators = decorators,
        StmtKind::ClassDef(c) => c.decorators = decorators,
        _ => {}
    }
    Ok(stmt)
}

pub fn if_stmt(
    start: usize,
    test: Expr,
    body: Vec<Stmt>,
    elifs: Vec<(usize, Expr, Vec<Stmt>)>,
    orelse: Option<Vec<Stmt>>,
) -> Stmt {
    let mut tail = orelse.unwrap_or_default();
    for (l, t, b) in elifs.into_iter().rev() {
        let r = block_end(&b, &tail);
        tail = vec![Stmt::new(
            StmtKind::If {
                test: t,
                body: b,
                orelse: tail,
            },
            sp(l, r),
        )];
    }
    let r = block_end(&body, &tail);
    Stmt::new(
        StmtKind::If {
            test,
            body,
            orelse: tail,
        },
        sp(start, r),
    )
}

pub fn try_stmt(
    start: usize,
    body: Vec<Stmt>,
    handlers: Vec<(ExceptHandler, bool)>,
    orelse: Option<Vec<Stmt>>,
    finalbody: Option<Vec<Stmt>>,
) -> PResult<Stmt> {
    let stars = handlers.iter().filter(|h| h.1).count();
    if stars != 0 && stars != handlers.len() {
        let at = handlers
            .iter()
            .find(|h| h.1 != handlers[0].1)
            .map_or(sp(start, start), |h| h.0.span);
        let at = Span::new(at.start as usize, at.start as usize + 6);
        return user_error(PError::at(
            "cannot have both 'except' and 'except*' on the same 'try'",
            at,
        ));
    }
    let handlers: Vec<ExceptHandler> = handlers.into_iter().map(|h| h.0).collect();
    let orelse = orelse.unwrap_or_default();
    let finalbody = finalbody.unwrap_or_default();
    let end = finalbody
        .last()
        .or(orelse.last())
        .map(|s| s.span.end as usize)
        .or(handlers.last().map(|h| h.span.end as usize))
        .unwrap_or_else(|| block_end(&body, &[]));
    let is_star = stars > 0;
    Ok(Stmt::new(
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            is_star,
        },
        sp(start, end),
    ))
}

/// One item of a parameter list, before the order checks.
pub enum ParamItem {
    Plain(Arg, Option<Expr>),
    /// `*` or `*args`: the star's span, the parameter, a (bad) default.
    Star(Span, Option<Arg>, Option<Expr>),
    DoubleStar(Span, Arg, Option<Expr>),
    Slash(Span),
}

impl ParamItem {
    fn span(&self) -> Span {
        match self {
            ParamItem::Plain(a, _) => a.span,
            ParamItem::Star(s, a, _) => a.as_ref().map_or(*s, |a| s.to(a.span)),
            ParamItem::DoubleStar(s, a, _) => s.to(a.span),
            ParamItem::Slash(s) => *s,
        }
    }
}

/// Lays out a parameter list as `ast.arguments`, reporting CPython's
/// messages for parameters in the wrong order.
pub fn build_arguments(items: Vec<ParamItem>, is_lambda: bool) -> PResult<Arguments> {
    let mut a = Arguments::default();
    let mut seen_slash = false;
    let mut seen_star = false;
    let mut seen_kwarg = false;
    let mut seen_default = false;
    let n = items.len();
    let mut items = items.into_iter().peekable();
    let mut i = 0;
    while let Some(item) = items.next() {
        i += 1;
        if seen_kwarg {
            return user_error(PError::at(
                "arguments cannot follow var-keyword argument",
                item.span(),
            ));
        }
        match item {
            ParamItem::Slash(span) => {
                if seen_slash {
                    return user_error(PError::at("/ may appear only once", span));
                }
                if seen_star {
                    return user_error(PError::at("/ must be ahead of *", span));
                }
                if a.args.is_empty() {
                    // CPython has a message only for `/,` at the start.
                    let msg = if i == 1 && n > 1 {
                        "at least one argument must precede /"
                    } else {
                        "invalid syntax"
                    };
                    return user_error(PError::at(msg, span));
                }
                seen_slash = true;
                a.posonlyargs = std::mem::take(&mut a.args);
            }
            ParamItem::Plain(arg, default) => {
                if seen_star {
                    a.kwonlyargs.push(arg);
                    a.kw_defaults.push(default);
                } else {
                    match default {
                        Some(d) => {
                            seen_default = true;
                            a.defaults.push(d);
                        }
                        None if seen_default => {
                            return user_error(PError::at(
                                "non-default argument follows default argument",
                                arg.span,
                            ));
                        }
                        None => {}
                    }
                    a.args.push(arg);
                }
            }
            ParamItem::Star(span, arg, default) => {
                if seen_star {
                    return user_error(PError::at("* argument may appear only once", span));
                }
                if default.is_some() {
                    // Reported at the `=`, the token after the parameter.
                    let end = arg.as_ref().map_or(span.end, |a| a.span.end);
                    return user_error(PError::new(
                        "var-positional argument cannot have default value",
                        Loc::NextToken(end as usize),
                    ));
                }
                seen_star = true;
                if arg.is_none() {
                    // A bare `*` needs a keyword-only parameter after it.
                    let next_is_named = matches!(items.peek(), Some(ParamItem::Plain(..)));
                    if !next_is_named {
                        if is_lambda {
                            // CPython points at the token it stopped at:
                            // the `**` of `*, **k`, else the one after `*`.
                            let loc = match items.peek() {
                                Some(ParamItem::DoubleStar(s, _, _)) => {
                                    Loc::Span(s.start as usize, s.end as usize)
                                }
                                _ => Loc::NextToken(span.end as usize),
                            };
                            return user_error(PError::new(
                                "named arguments must follow bare *",
                                loc,
                            ));
                        }
                        return user_error(PError::at("named arguments must follow bare *", span));
                    }
                }
                a.vararg = arg;
            }
            ParamItem::DoubleStar(span, arg, default) => {
                if default.is_some() {
                    let _ = span;
                    return user_error(PError::new(
                        "var-keyword argument cannot have default value",
                        Loc::NextToken(arg.span.end as usize),
                    ));
                }
                seen_kwarg = true;
                a.kwarg = Some(arg);
            }
        }
    }
    Ok(a)
}

/// One item of a call's argument list, before the order checks.
pub enum CallArg {
    Positional(Expr),
    /// An unparenthesized generator expression, with the offset of its `for`.
    Generator(Expr, usize),
    /// `name=value`: the name expression, the value, the item's span, and
    /// the end of the `=`.
    Keyword(Expr, Expr, Span, usize),
    DoubleStar(Expr, Span),
}

/// Splits call arguments into positional and keyword arguments, with
/// CPython's checks on their order. `parens` is the span of a call's
/// parentheses (None for a class's bases, where a bare generator is an error).
pub fn call_args(
    items: Vec<CallArg>,
    trailing_comma: bool,
    parens: Option<Span>,
) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
    let mut args = Vec::new();
    let mut keywords = Vec::new();
    let mut seen_keyword = false;
    let mut seen_double_star = false;
    let count = items.len();
    for item in items {
        match item {
            CallArg::Positional(e) => {
                if matches!(e.kind, ExprKind::Starred(_)) {
                    if seen_double_star {
                        let at = Span::new(e.span.start as usize, e.span.start as usize + 1);
                        return user_error(PError::at(
                            "iterable argument unpacking follows keyword argument unpacking",
                            at,
                        ));
                    }
                } else if seen_double_star {
                    // CPython reports these at the token after the argument.
                    return user_error(PError::new(
                        "positional argument follows keyword argument unpacking",
                        Loc::NextToken(e.span.end as usize),
                    ));
                } else if seen_keyword {
                    return user_error(PError::new(
                        "positional argument follows keyword argument",
                        Loc::NextToken(e.span.end as usize),
                    ));
                }
                args.push(e);
            }
            CallArg::Generator(mut e, for_pos) => {
                let Some(parens) = parens else {
                    return user_error(PError::at(
                        "invalid syntax",
                        Span::new(for_pos, for_pos + 3),
                    ));
                };
                if count > 1 || trailing_comma {
                    return user_error(PError::at(
                        "Generator expression must be parenthesized",
                        e.span,
                    ));
                }
                // A lone generator argument takes the call's parentheses.
                e.span = parens;
                args.push(e);
            }
            CallArg::Keyword(name, value, span, eq_end) => {
                let at = Span::new(name.span.start as usize, eq_end);
                match name.kind {
                    ExprKind::Name(id) => {
                        seen_keyword = true;
                        keywords.push(Keyword {
                            arg: Some(id),
                            value,
                            span,
                        });
                    }
                    ExprKind::Constant(Constant::Bool(_) | Constant::None) => {
                        return user_error(PError::at(
                            format!("cannot assign to {}", expr_name(&name)),
                            at,
                        ));
                    }
                    _ => {
                        return user_error(PError::at(
                            "expression cannot contain assignment, perhaps you meant \"==\"?",
                            at,
                        ));
                    }
                }
            }
            CallArg::DoubleStar(value, span) => {
                seen_double_star = true;
                keywords.push(Keyword {
                    arg: None,
                    value,
                    span,
                });
            }
        }
    }
    Ok((args, keywords))
}
