//! Expressions back to source text, as CPython's `ast_unparse.c` writes
//! them: under `from __future__ import annotations` every annotation is
//! stored as this string instead of being evaluated.

use crate::ast::{self, Arguments, BinOp, BoolOp, CmpOp, Comprehension, Expr, ExprKind, UnaryOp};
use crate::bytecode::Constant;

// Precedence levels, lowest first (CPython's `PR_*`).
const PR_TUPLE: u8 = 0;
const PR_TEST: u8 = 1;
const PR_OR: u8 = 2;
const PR_AND: u8 = 3;
const PR_NOT: u8 = 4;
const PR_CMP: u8 = 5;
const PR_EXPR: u8 = 6;
const PR_BOR: u8 = PR_EXPR;
const PR_BXOR: u8 = 7;
const PR_BAND: u8 = 8;
const PR_SHIFT: u8 = 9;
const PR_ARITH: u8 = 10;
const PR_TERM: u8 = 11;
const PR_FACTOR: u8 = 12;
const PR_POWER: u8 = 13;
const PR_AWAIT: u8 = 14;
const PR_ATOM: u8 = 15;

/// The annotation string CPython stores for `e`.
pub fn unparse(e: &Expr) -> String {
    let mut out = String::new();
    expr(&mut out, e, PR_TEST);
    out
}

fn open(out: &mut String, cond: bool) {
    if cond {
        out.push('(');
    }
}

fn close(out: &mut String, cond: bool) {
    if cond {
        out.push(')');
    }
}

fn join(out: &mut String, items: &[Expr], level: u8) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(out, item, level);
    }
}

/// `repr()` of a constant; infinities are written `1e309` so that they parse back.
fn constant(out: &mut String, c: &ast::Constant) {
    let text = match c {
        ast::Constant::Ellipsis => "...".to_string(),
        ast::Constant::Complex(f) => {
            let r = crate::fmt::float_repr(*f);
            let r = r.strip_suffix(".0").unwrap_or(&r).to_string();
            format!("{r}j").replace("inf", "1e309")
        }
        ast::Constant::Float(f) if f.is_infinite() => {
            super::fold::literal(c).to_string().replace("inf", "1e309")
        }
        _ => super::fold::literal(c).to_string(),
    };
    out.push_str(&text);
}

fn expr(out: &mut String, e: &Expr, level: u8) {
    match &e.kind {
        ExprKind::BoolOp { op, values } => {
            let (word, pr) = match op {
                BoolOp::And => (" and ", PR_AND),
                BoolOp::Or => (" or ", PR_OR),
            };
            open(out, level > pr);
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    out.push_str(word);
                }
                expr(out, v, pr + 1);
            }
            close(out, level > pr);
        }
        ExprKind::BinOp { left, op, right } => {
            let (sym, pr) = match op {
                BinOp::Add => (" + ", PR_ARITH),
                BinOp::Sub => (" - ", PR_ARITH),
                BinOp::Mult => (" * ", PR_TERM),
                BinOp::MatMult => (" @ ", PR_TERM),
                BinOp::Div => (" / ", PR_TERM),
                BinOp::Mod => (" % ", PR_TERM),
                BinOp::LShift => (" << ", PR_SHIFT),
                BinOp::RShift => (" >> ", PR_SHIFT),
                BinOp::BitOr => (" | ", PR_BOR),
                BinOp::BitXor => (" ^ ", PR_BXOR),
                BinOp::BitAnd => (" & ", PR_BAND),
                BinOp::FloorDiv => (" // ", PR_TERM),
                BinOp::Pow => (" ** ", PR_POWER),
            };
            let rassoc = u8::from(*op == BinOp::Pow);
            open(out, level > pr);
            expr(out, left, pr + rassoc);
            out.push_str(sym);
            expr(out, right, pr + 1 - rassoc);
            close(out, level > pr);
        }
        ExprKind::UnaryOp { op, operand } => {
            let (sym, pr) = match op {
                UnaryOp::Invert => ("~", PR_FACTOR),
                UnaryOp::Not => ("not ", PR_NOT),
                UnaryOp::UAdd => ("+", PR_FACTOR),
                UnaryOp::USub => ("-", PR_FACTOR),
            };
            open(out, level > pr);
            out.push_str(sym);
            expr(out, operand, pr);
            close(out, level > pr);
        }
        ExprKind::Lambda { args, body } => {
            open(out, level > PR_TEST);
            let positional = args.args.len() + args.posonlyargs.len();
            out.push_str(if positional > 0 { "lambda " } else { "lambda" });
            arguments(out, args);
            out.push_str(": ");
            expr(out, body, PR_TEST);
            close(out, level > PR_TEST);
        }
        ExprKind::IfExp { test, body, orelse } => {
            open(out, level > PR_TEST);
            expr(out, body, PR_TEST + 1);
            out.push_str(" if ");
            expr(out, test, PR_TEST + 1);
            out.push_str(" else ");
            expr(out, orelse, PR_TEST);
            close(out, level > PR_TEST);
        }
        ExprKind::Dict { keys, values } => {
            out.push('{');
            for (i, (k, v)) in keys.iter().zip(values).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match k {
                    Some(k) => {
                        expr(out, k, PR_TEST);
                        out.push_str(": ");
                        expr(out, v, PR_TEST);
                    }
                    None => {
                        out.push_str("**");
                        expr(out, v, PR_EXPR);
                    }
                }
            }
            out.push('}');
        }
        ExprKind::Set(items) => {
            out.push('{');
            join(out, items, PR_TEST);
            out.push('}');
        }
        ExprKind::GeneratorExp { elt, generators } => {
            out.push('(');
            expr(out, elt, PR_TEST);
            comprehensions(out, generators);
            out.push(')');
        }
        ExprKind::ListComp { elt, generators } => {
            out.push('[');
            expr(out, elt, PR_TEST);
            comprehensions(out, generators);
            out.push(']');
        }
        ExprKind::SetComp { elt, generators } => {
            out.push('{');
            expr(out, elt, PR_TEST);
            comprehensions(out, generators);
            out.push('}');
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            out.push('{');
            expr(out, key, PR_TEST);
            out.push_str(": ");
            expr(out, value, PR_TEST);
            comprehensions(out, generators);
            out.push('}');
        }
        ExprKind::Yield(value) => match value {
            Some(v) => {
                out.push_str("(yield ");
                expr(out, v, PR_TEST);
                out.push(')');
            }
            None => out.push_str("(yield)"),
        },
        ExprKind::YieldFrom(value) => {
            out.push_str("(yield from ");
            expr(out, value, PR_TEST);
            out.push(')');
        }
        ExprKind::Await(value) => {
            open(out, level > PR_AWAIT);
            out.push_str("await ");
            expr(out, value, PR_ATOM);
            close(out, level > PR_AWAIT);
        }
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            open(out, level > PR_CMP);
            expr(out, left, PR_CMP + 1);
            for (op, right) in ops.iter().zip(comparators) {
                out.push_str(match op {
                    CmpOp::Eq => " == ",
                    CmpOp::NotEq => " != ",
                    CmpOp::Lt => " < ",
                    CmpOp::LtE => " <= ",
                    CmpOp::Gt => " > ",
                    CmpOp::GtE => " >= ",
                    CmpOp::Is => " is ",
                    CmpOp::IsNot => " is not ",
                    CmpOp::In => " in ",
                    CmpOp::NotIn => " not in ",
                });
                expr(out, right, PR_CMP + 1);
            }
            close(out, level > PR_CMP);
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            expr(out, func, PR_ATOM);
            if let ([arg], []) = (args.as_slice(), keywords.as_slice()) {
                if matches!(arg.kind, ExprKind::GeneratorExp { .. }) {
                    // A lone generator argument keeps only its own parentheses.
                    expr(out, arg, PR_TEST);
                    return;
                }
            }
            out.push('(');
            join(out, args, PR_TEST);
            for (i, k) in keywords.iter().enumerate() {
                if i > 0 || !args.is_empty() {
                    out.push_str(", ");
                }
                match &k.arg {
                    Some(name) => {
                        out.push_str(name);
                        out.push('=');
                    }
                    None => out.push_str("**"),
                }
                expr(out, &k.value, PR_TEST);
            }
            out.push(')');
        }
        ExprKind::Constant(c) => constant(out, c),
        ExprKind::JoinedStr(parts) => {
            let body = fstring_body(parts);
            out.push('f');
            out.push_str(&Constant::Str(body.into()).to_string());
        }
        ExprKind::FormattedValue { .. } => {
            let body = fstring_body(std::slice::from_ref(e));
            out.push('f');
            out.push_str(&Constant::Str(body.into()).to_string());
        }
        ExprKind::Attribute { value, attr } => {
            expr(out, value, PR_ATOM);
            // `1 .real`: an int needs a space before the dot.
            let int = matches!(value.kind, ExprKind::Constant(ast::Constant::Int(_)));
            out.push_str(if int { " ." } else { "." });
            out.push_str(attr);
        }
        ExprKind::Subscript { value, slice } => {
            expr(out, value, PR_ATOM);
            out.push('[');
            expr(out, slice, PR_TUPLE);
            out.push(']');
        }
        ExprKind::Starred(value) => {
            out.push('*');
            expr(out, value, PR_EXPR);
        }
        ExprKind::Slice { lower, upper, step } => {
            if let Some(l) = lower {
                expr(out, l, PR_TEST);
            }
            out.push(':');
            if let Some(u) = upper {
                expr(out, u, PR_TEST);
            }
            if let Some(s) = step {
                out.push(':');
                expr(out, s, PR_TEST);
            }
        }
        ExprKind::Name(name) => out.push_str(name),
        ExprKind::List(items) => {
            out.push('[');
            join(out, items, PR_TEST);
            out.push(']');
        }
        ExprKind::Tuple(items) => {
            if items.is_empty() {
                out.push_str("()");
                return;
            }
            open(out, level > PR_TUPLE);
            join(out, items, PR_TEST);
            if items.len() == 1 {
                out.push(',');
            }
            close(out, level > PR_TUPLE);
        }
        ExprKind::NamedExpr { target, value } => {
            open(out, level > PR_TUPLE);
            expr(out, target, PR_ATOM);
            out.push_str(" := ");
            expr(out, value, PR_ATOM);
            close(out, level > PR_TUPLE);
        }
    }
}

fn comprehensions(out: &mut String, generators: &[Comprehension]) {
    for gen in generators {
        out.push_str(if gen.is_async { " async for " } else { " for " });
        expr(out, &gen.target, PR_TUPLE);
        out.push_str(" in ");
        expr(out, &gen.iter, PR_TEST + 1);
        for cond in &gen.ifs {
            out.push_str(" if ");
            expr(out, cond, PR_TEST + 1);
        }
    }
}

fn arguments(out: &mut String, args: &Arguments) {
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !first {
            out.push_str(", ");
        }
        first = false;
    };
    let positional: Vec<&ast::Arg> = args.posonlyargs.iter().chain(&args.args).collect();
    let n = positional.len();
    for (i, arg) in positional.iter().enumerate() {
        sep(out);
        out.push_str(&arg.name);
        if let Some(di) = (i + args.defaults.len()).checked_sub(n) {
            out.push('=');
            expr(out, &args.defaults[di], PR_TEST);
        }
        if !args.posonlyargs.is_empty() && i + 1 == args.posonlyargs.len() {
            out.push_str(", /");
        }
    }
    if args.vararg.is_some() || !args.kwonlyargs.is_empty() {
        sep(out);
        out.push('*');
        if let Some(v) = &args.vararg {
            out.push_str(&v.name);
        }
    }
    for (arg, default) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
        sep(out);
        out.push_str(&arg.name);
        if let Some(d) = default {
            out.push('=');
            expr(out, d, PR_TEST);
        }
    }
    if let Some(k) = &args.kwarg {
        sep(out);
        out.push_str("**");
        out.push_str(&k.name);
    }
}

/// The text between the quotes of an f-string: literal parts with braces
/// doubled, replacement fields rebuilt.
fn fstring_body(parts: &[Expr]) -> String {
    let mut body = String::new();
    for part in parts {
        match &part.kind {
            ExprKind::Constant(ast::Constant::Str(s)) => {
                body.push_str(&s.replace('{', "{{").replace('}', "}}"))
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                let mut inner = String::new();
                expr(&mut inner, value, PR_TEST + 1);
                body.push('{');
                if inner.starts_with('{') {
                    // `{{` would read as an escaped brace.
                    body.push(' ');
                }
                body.push_str(&inner);
                if let Some(c) = conversion {
                    body.push('!');
                    body.push(*c);
                }
                if let Some(spec) = format_spec {
                    body.push(':');
                    if let ExprKind::JoinedStr(spec_parts) = &spec.kind {
                        body.push_str(&fstring_body(spec_parts));
                    }
                }
                body.push('}');
            }
            ExprKind::JoinedStr(inner) => body.push_str(&fstring_body(inner)),
            _ => {}
        }
    }
    body
}
