//! Actions of the `match` statement's rules: building patterns and the
//! checks CPython's grammar makes on them, with its messages and locations.
//!
//! What CPython checks later, in its compiler (irrefutable cases, names
//! bound twice, alternatives binding different names, duplicate mapping
//! keys), is checked in `compiler/pattern.rs`, also as CPython does.

use super::actions::block_end;
use super::{user_error, Loc, PError, PResult};
use crate::ast::*;
use crate::source::Span;

/// One argument of a class pattern, before the order is checked.
pub enum ClassArg {
    Positional(Pattern),
    Keyword(Ident, Pattern),
}

pub fn match_stmt(subject: Expr, cases: Vec<MatchCase>, start: usize) -> Stmt {
    let end = cases
        .last()
        .map_or(subject.span.end as usize, |c| block_end(&c.body, &[]));
    Stmt::new(StmtKind::Match { subject, cases }, Span::new(start, end))
}

/// `pattern as name`; `_` is not a target.
pub fn as_pattern(p: Pattern, name: Ident, name_span: Span, span: Span) -> PResult<Pattern> {
    if name == "_" {
        return user_error(PError::at("cannot use '_' as a target", name_span));
    }
    Ok(Pattern::new(
        PatternKind::MatchAs {
            pattern: Some(Box::new(p)),
            name: Some(name),
        },
        span,
    ))
}

pub fn or_pattern(first: Pattern, rest: Vec<Pattern>, span: Span) -> Pattern {
    let mut alternatives = Vec::with_capacity(rest.len() + 1);
    alternatives.push(first);
    alternatives.extend(rest);
    Pattern::new(PatternKind::MatchOr(alternatives), span)
}

/// A literal: `None`, `True` and `False` compare by identity, the others by `==`.
pub fn literal_pattern(e: Expr, span: Span) -> Pattern {
    match e.kind {
        ExprKind::Constant(c @ (Constant::None | Constant::Bool(_))) => {
            Pattern::new(PatternKind::MatchSingleton(c), span)
        }
        _ => Pattern::new(PatternKind::MatchValue(e), span),
    }
}

/// `_` is the wildcard wherever a pattern may start: CPython's parser
/// takes it as one and then fails at a `.` or `(` after it.
fn check_wildcard_root(n: &Expr) -> PResult<()> {
    let mut root = n;
    while let ExprKind::Attribute { value, .. } = &root.kind {
        root = value;
    }
    match &root.kind {
        ExprKind::Name(name) if name == "_" => user_error(PError::new(
            "invalid syntax",
            Loc::NextToken(root.span.end as usize),
        )),
        _ => Ok(()),
    }
}

/// A bare name captures (`_` is the wildcard); a dotted name is a value.
pub fn name_pattern(n: Expr, span: Span) -> PResult<Pattern> {
    if matches!(n.kind, ExprKind::Attribute { .. }) {
        check_wildcard_root(&n)?;
    }
    Ok(match n.kind {
        ExprKind::Name(name) if name == "_" => Pattern::new(
            PatternKind::MatchAs {
                pattern: None,
                name: None,
            },
            span,
        ),
        ExprKind::Name(name) => Pattern::new(
            PatternKind::MatchAs {
                pattern: None,
                name: Some(name),
            },
            span,
        ),
        _ => Pattern::new(PatternKind::MatchValue(n), span),
    })
}

/// `*name` in a sequence; `*_` binds nothing.
pub fn star_pattern(name: Ident, span: Span) -> Pattern {
    let name = (name != "_").then_some(name);
    Pattern::new(PatternKind::MatchStar(name), span)
}

pub fn mapping_pattern(items: Vec<(Expr, Pattern)>, rest: Option<Ident>, span: Span) -> Pattern {
    let (keys, patterns) = items.into_iter().unzip();
    Pattern::new(
        PatternKind::MatchMapping {
            keys,
            patterns,
            rest,
        },
        span,
    )
}

/// `{..., **rest}`; `**_` is not allowed (CPython's parser rejects it at the `_`).
pub fn mapping_pattern_rest(
    items: Vec<(Expr, Pattern)>,
    rest: Ident,
    rest_span: Span,
    span: Span,
) -> PResult<Pattern> {
    if rest == "_" {
        return user_error(PError::at("invalid syntax", rest_span));
    }
    Ok(mapping_pattern(items, Some(rest), span))
}

/// A mapping key that is a name must be dotted; a bare name is a syntax
/// error at the token after it (where CPython's `attr` rule gives up).
pub fn mapping_key(n: Expr) -> PResult<Expr> {
    match n.kind {
        ExprKind::Name(_) => user_error(PError::new(
            "invalid syntax",
            Loc::NextToken(n.span.end as usize),
        )),
        _ => Ok(n),
    }
}

/// `Cls(p1, p2, k1=p3, k2=p4)`: keywords come after the positional patterns.
pub fn class_pattern(cls: Expr, args: Vec<ClassArg>, span: Span) -> PResult<Pattern> {
    check_wildcard_root(&cls)?;
    let mut patterns = Vec::new();
    let mut kwd_attrs = Vec::new();
    let mut kwd_patterns = Vec::new();
    // CPython reports the run of positional patterns right after the first keyword.
    let mut misplaced: Option<(Span, Span)> = None;
    let mut run_open = true;
    for arg in args {
        match arg {
            ClassArg::Positional(p) => {
                if kwd_attrs.is_empty() {
                    patterns.push(p);
                } else if run_open {
                    misplaced = Some(match misplaced {
                        None => (p.span, p.span),
                        Some((first, _)) => (first, p.span),
                    });
                }
            }
            ClassArg::Keyword(name, p) => {
                if misplaced.is_some() {
                    run_open = false;
                }
                kwd_attrs.push(name);
                kwd_patterns.push(p);
            }
        }
    }
    if let Some((first, last)) = misplaced {
        return user_error(PError::at(
            "positional patterns follow keyword patterns",
            Span {
                start: first.start,
                end: last.end,
            },
        ));
    }
    Ok(Pattern::new(
        PatternKind::MatchClass {
            cls,
            patterns,
            kwd_attrs,
            kwd_patterns,
        },
        span,
    ))
}

/// `real + imagj` / `real - imagj` (the real part possibly negative): the
/// checks of CPython's `_PyPegen_ensure_real` and `_PyPegen_ensure_imaginary`.
pub fn complex_literal(real: Expr, op: BinOp, imag: Expr, span: Span) -> PResult<Expr> {
    let number = match &real.kind {
        ExprKind::UnaryOp { operand, .. } => operand,
        _ => &real,
    };
    if matches!(number.kind, ExprKind::Constant(Constant::Complex(_))) {
        return user_error(PError::at(
            "real number required in complex literal",
            number.span,
        ));
    }
    if !matches!(imag.kind, ExprKind::Constant(Constant::Complex(_))) {
        return user_error(PError::at(
            "imaginary number required in complex literal",
            imag.span,
        ));
    }
    Ok(Expr::new(
        ExprKind::BinOp {
            left: Box::new(real),
            op,
            right: Box::new(imag),
        },
        span,
    ))
}
