//! A compact, deterministic text form of the tree, shaped like CPython's
//! `ast.dump` (minus `ctx`), for snapshot tests and for comparing against
//! CPython's own parse (see `tools/cpy_dump.py`, which prints the same form).

use crate::ast::*;
use crate::source::{LineIndex, Span};
use std::cell::RefCell;
use std::fmt::Write;

thread_local! {
    /// When set, node positions are appended as `@line:col-line:col`, with
    /// byte columns like CPython's `col_offset` (see `dump_module_spans`).
    static POSITIONS: RefCell<Option<(LineIndex, String)>> = const { RefCell::new(None) };
}

/// Like [`dump_module`], with each statement's and expression's position,
/// for comparison with CPython's (`tools/cpy_dump.py --spans`).
pub fn dump_module_spans(source: &str, m: &Module) -> String {
    POSITIONS.with(|p| *p.borrow_mut() = Some((LineIndex::new(source), source.to_string())));
    let out = dump_module(m);
    POSITIONS.with(|p| *p.borrow_mut() = None);
    out
}

fn position(out: &mut String, span: Span) {
    POSITIONS.with(|p| {
        if let Some((index, _)) = p.borrow().as_ref() {
            let (l1, c1) = (
                index.line(span.start),
                span.start - index.line_start(index.line(span.start)),
            );
            let (l2, c2) = (
                index.line(span.end),
                span.end - index.line_start(index.line(span.end)),
            );
            let _ = write!(out, "@{l1}:{c1}-{l2}:{c2}");
        }
    });
}

/// Dumps a module, one top-level statement per line.
pub fn dump_module(m: &Module) -> String {
    let mut out = String::new();
    for s in &m.body {
        stmt(&mut out, s);
        out.push('\n');
    }
    out
}

pub fn dump_expr(e: &Expr) -> String {
    let mut out = String::new();
    expr(&mut out, e);
    out
}

fn list<T>(out: &mut String, items: &[T], f: fn(&mut String, &T)) {
    out.push('[');
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        f(out, x);
    }
    out.push(']');
}

fn opt(out: &mut String, e: &Option<Expr>) {
    match e {
        Some(e) => expr(out, e),
        None => out.push_str("None"),
    }
}

fn opt_box(out: &mut String, e: &Option<Box<Expr>>) {
    match e {
        Some(e) => expr(out, e),
        None => out.push_str("None"),
    }
}

fn ident(out: &mut String, s: &str) {
    json_str(out, s);
}

fn opt_ident(out: &mut String, s: &Option<String>) {
    match s {
        Some(s) => json_str(out, s),
        None => out.push_str("None"),
    }
}

fn boolean(out: &mut String, b: bool) {
    out.push_str(if b { "True" } else { "False" });
}

/// A JSON string with only ASCII characters (like Python's `json.dumps`).
fn json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || (c as u32) > 0x7e => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    let _ = write!(out, "\\u{unit:04x}");
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Python's `repr` of a float.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let s = format!("{x:?}");
    match s.find('e') {
        Some(i) => {
            let (mant, exp) = s.split_at(i);
            let exp = &exp[1..];
            let (sign, digits) = match exp.strip_prefix('-') {
                Some(d) => ('-', d),
                None => ('+', exp),
            };
            let mant = mant.strip_suffix(".0").unwrap_or(mant);
            format!("{mant}e{sign}{digits:0>2}")
        }
        None => s,
    }
}

fn constant(out: &mut String, c: &Constant) {
    match c {
        Constant::None => out.push_str("None"),
        Constant::Bool(b) => boolean(out, *b),
        Constant::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Constant::Float(f) => out.push_str(&float_repr(*f)),
        Constant::Complex(f) => {
            let _ = write!(out, "complex({})", float_repr(*f));
        }
        Constant::Str(s) => json_str(out, s),
        Constant::Bytes(b) => {
            out.push('b');
            let s: String = b.iter().map(|&x| x as char).collect();
            json_str(out, &s);
        }
        Constant::Ellipsis => out.push_str("Ellipsis"),
    }
}

fn binop(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "Add",
        BinOp::Sub => "Sub",
        BinOp::Mult => "Mult",
        BinOp::MatMult => "MatMult",
        BinOp::Div => "Div",
        BinOp::Mod => "Mod",
        BinOp::Pow => "Pow",
        BinOp::LShift => "LShift",
        BinOp::RShift => "RShift",
        BinOp::BitOr => "BitOr",
        BinOp::BitXor => "BitXor",
        BinOp::BitAnd => "BitAnd",
        BinOp::FloorDiv => "FloorDiv",
    }
}

fn cmpop(out: &mut String, op: &CmpOp) {
    out.push_str(match op {
        CmpOp::Eq => "Eq",
        CmpOp::NotEq => "NotEq",
        CmpOp::Lt => "Lt",
        CmpOp::LtE => "LtE",
        CmpOp::Gt => "Gt",
        CmpOp::GtE => "GtE",
        CmpOp::Is => "Is",
        CmpOp::IsNot => "IsNot",
        CmpOp::In => "In",
        CmpOp::NotIn => "NotIn",
    });
}

fn arguments(out: &mut String, a: &Arguments) {
    out.push_str("arguments(");
    list(out, &a.posonlyargs, arg);
    out.push_str(", ");
    list(out, &a.args, arg);
    out.push_str(", ");
    match &a.vararg {
        Some(v) => arg(out, v),
        None => out.push_str("None"),
    }
    out.push_str(", ");
    list(out, &a.kwonlyargs, arg);
    out.push_str(", ");
    list(out, &a.kw_defaults, opt);
    out.push_str(", ");
    match &a.kwarg {
        Some(v) => arg(out, v),
        None => out.push_str("None"),
    }
    out.push_str(", ");
    list(out, &a.defaults, expr);
    out.push(')');
}

fn arg(out: &mut String, a: &Arg) {
    out.push_str("arg(");
    ident(out, &a.name);
    out.push_str(", ");
    opt(out, &a.annotation);
    out.push(')');
}

fn keyword(out: &mut String, k: &Keyword) {
    out.push_str("keyword(");
    opt_ident(out, &k.arg);
    out.push_str(", ");
    expr(out, &k.value);
    out.push(')');
}

fn comprehension(out: &mut String, c: &Comprehension) {
    out.push_str("comprehension(");
    expr(out, &c.target);
    out.push_str(", ");
    expr(out, &c.iter);
    out.push_str(", ");
    list(out, &c.ifs, expr);
    out.push_str(", ");
    boolean(out, c.is_async);
    out.push(')');
}

fn alias(out: &mut String, a: &Alias) {
    out.push_str("alias(");
    ident(out, &a.name);
    out.push_str(", ");
    opt_ident(out, &a.asname);
    out.push(')');
}

fn expr(out: &mut String, e: &Expr) {
    match &e.kind {
        ExprKind::BoolOp { op, values } => {
            out.push_str(if *op == BoolOp::And {
                "BoolOp(And, "
            } else {
                "BoolOp(Or, "
            });
            list(out, values, expr);
        }
        ExprKind::NamedExpr { target, value } => {
            out.push_str("NamedExpr(");
            expr(out, target);
            out.push_str(", ");
            expr(out, value);
        }
        ExprKind::BinOp { left, op, right } => {
            out.push_str("BinOp(");
            expr(out, left);
            let _ = write!(out, ", {}, ", binop(*op));
            expr(out, right);
        }
        ExprKind::UnaryOp { op, operand } => {
            let name = match op {
                UnaryOp::Invert => "Invert",
                UnaryOp::Not => "Not",
                UnaryOp::UAdd => "UAdd",
                UnaryOp::USub => "USub",
            };
            let _ = write!(out, "UnaryOp({name}, ");
            expr(out, operand);
        }
        ExprKind::Lambda { args, body } => {
            out.push_str("Lambda(");
            arguments(out, args);
            out.push_str(", ");
            expr(out, body);
        }
        ExprKind::IfExp { test, body, orelse } => {
            out.push_str("IfExp(");
            expr(out, test);
            out.push_str(", ");
            expr(out, body);
            out.push_str(", ");
            expr(out, orelse);
        }
        ExprKind::Dict { keys, values } => {
            out.push_str("Dict(");
            list(out, keys, opt);
            out.push_str(", ");
            list(out, values, expr);
        }
        ExprKind::Set(v) => {
            out.push_str("Set(");
            list(out, v, expr);
        }
        ExprKind::ListComp { elt, generators } => {
            out.push_str("ListComp(");
            expr(out, elt);
            out.push_str(", ");
            list(out, generators, comprehension);
        }
        ExprKind::SetComp { elt, generators } => {
            out.push_str("SetComp(");
            expr(out, elt);
            out.push_str(", ");
            list(out, generators, comprehension);
        }
        ExprKind::GeneratorExp { elt, generators } => {
            out.push_str("GeneratorExp(");
            expr(out, elt);
            out.push_str(", ");
            list(out, generators, comprehension);
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            out.push_str("DictComp(");
            expr(out, key);
            out.push_str(", ");
            expr(out, value);
            out.push_str(", ");
            list(out, generators, comprehension);
        }
        ExprKind::Await(v) => {
            out.push_str("Await(");
            expr(out, v);
        }
        ExprKind::Yield(v) => {
            out.push_str("Yield(");
            opt_box(out, v);
        }
        ExprKind::YieldFrom(v) => {
            out.push_str("YieldFrom(");
            expr(out, v);
        }
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            out.push_str("Compare(");
            expr(out, left);
            out.push_str(", ");
            list(out, ops, cmpop);
            out.push_str(", ");
            list(out, comparators, expr);
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            out.push_str("Call(");
            expr(out, func);
            out.push_str(", ");
            list(out, args, expr);
            out.push_str(", ");
            list(out, keywords, keyword);
        }
        ExprKind::FormattedValue {
            value,
            conversion,
            format_spec,
        } => {
            out.push_str("FormattedValue(");
            expr(out, value);
            match conversion {
                Some(c) => {
                    let _ = write!(out, ", '{c}', ");
                }
                None => out.push_str(", None, "),
            }
            opt_box(out, format_spec);
        }
        ExprKind::JoinedStr(v) => {
            out.push_str("JoinedStr(");
            list(out, v, expr);
        }
        ExprKind::Constant(c) => {
            out.push_str("Constant(");
            constant(out, c);
        }
        ExprKind::Attribute { value, attr } => {
            out.push_str("Attribute(");
            expr(out, value);
            out.push_str(", ");
            ident(out, attr);
        }
        ExprKind::Subscript { value, slice } => {
            out.push_str("Subscript(");
            expr(out, value);
            out.push_str(", ");
            expr(out, slice);
        }
        ExprKind::Starred(v) => {
            out.push_str("Starred(");
            expr(out, v);
        }
        ExprKind::Name(n) => {
            out.push_str("Name(");
            ident(out, n);
        }
        ExprKind::List(v) => {
            out.push_str("List(");
            list(out, v, expr);
        }
        ExprKind::Tuple(v) => {
            out.push_str("Tuple(");
            list(out, v, expr);
        }
        ExprKind::Slice { lower, upper, step } => {
            out.push_str("Slice(");
            opt_box(out, lower);
            out.push_str(", ");
            opt_box(out, upper);
            out.push_str(", ");
            opt_box(out, step);
        }
    }
    out.push(')');
    position(out, e.span);
}

fn stmts(out: &mut String, body: &[Stmt]) {
    list(out, body, stmt);
}

fn stmt(out: &mut String, s: &Stmt) {
    match &s.kind {
        StmtKind::Expr(e) => {
            out.push_str("Expr(");
            expr(out, e);
        }
        StmtKind::Assign { targets, value } => {
            out.push_str("Assign(");
            list(out, targets, expr);
            out.push_str(", ");
            expr(out, value);
        }
        StmtKind::AugAssign { target, op, value } => {
            out.push_str("AugAssign(");
            expr(out, target);
            let _ = write!(out, ", {}, ", binop(*op));
            expr(out, value);
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            simple,
        } => {
            out.push_str("AnnAssign(");
            expr(out, target);
            out.push_str(", ");
            expr(out, annotation);
            out.push_str(", ");
            opt(out, value);
            out.push_str(", ");
            boolean(out, *simple);
        }
        StmtKind::Delete(t) => {
            out.push_str("Delete(");
            list(out, t, expr);
        }
        StmtKind::Pass => out.push_str("Pass("),
        StmtKind::Break => out.push_str("Break("),
        StmtKind::Continue => out.push_str("Continue("),
        StmtKind::If { test, body, orelse } => {
            out.push_str("If(");
            expr(out, test);
            out.push_str(", ");
            stmts(out, body);
            out.push_str(", ");
            stmts(out, orelse);
        }
        StmtKind::While { test, body, orelse } => {
            out.push_str("While(");
            expr(out, test);
            out.push_str(", ");
            stmts(out, body);
            out.push_str(", ");
            stmts(out, orelse);
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
            is_async,
        } => {
            out.push_str("For(");
            expr(out, target);
            out.push_str(", ");
            expr(out, iter);
            out.push_str(", ");
            stmts(out, body);
            out.push_str(", ");
            stmts(out, orelse);
            out.push_str(", ");
            boolean(out, *is_async);
        }
        StmtKind::FunctionDef(f) => {
            out.push_str("FunctionDef(");
            ident(out, &f.name);
            out.push_str(", ");
            arguments(out, &f.args);
            out.push_str(", ");
            stmts(out, &f.body);
            out.push_str(", ");
            list(out, &f.decorators, expr);
            out.push_str(", ");
            opt(out, &f.returns);
            out.push_str(", ");
            boolean(out, f.is_async);
        }
        StmtKind::ClassDef(c) => {
            out.push_str("ClassDef(");
            ident(out, &c.name);
            out.push_str(", ");
            list(out, &c.bases, expr);
            out.push_str(", ");
            list(out, &c.keywords, keyword);
            out.push_str(", ");
            stmts(out, &c.body);
            out.push_str(", ");
            list(out, &c.decorators, expr);
        }
        StmtKind::Return(v) => {
            out.push_str("Return(");
            opt(out, v);
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            is_star,
        } => {
            out.push_str("Try(");
            stmts(out, body);
            out.push_str(", ");
            list(out, handlers, |out, h| {
                out.push_str("ExceptHandler(");
                opt(out, &h.typ);
                out.push_str(", ");
                opt_ident(out, &h.name);
                out.push_str(", ");
                stmts(out, &h.body);
                out.push(')');
            });
            out.push_str(", ");
            stmts(out, orelse);
            out.push_str(", ");
            stmts(out, finalbody);
            out.push_str(", ");
            boolean(out, *is_star);
        }
        StmtKind::Raise { exc, cause } => {
            out.push_str("Raise(");
            opt(out, exc);
            out.push_str(", ");
            opt(out, cause);
        }
        StmtKind::With {
            items,
            body,
            is_async,
        } => {
            out.push_str("With(");
            list(out, items, |out, w| {
                out.push_str("withitem(");
                expr(out, &w.context_expr);
                out.push_str(", ");
                opt(out, &w.optional_vars);
                out.push(')');
            });
            out.push_str(", ");
            stmts(out, body);
            out.push_str(", ");
            boolean(out, *is_async);
        }
        StmtKind::Global(n) => {
            out.push_str("Global(");
            list(out, n, |o, s| ident(o, s));
        }
        StmtKind::Nonlocal(n) => {
            out.push_str("Nonlocal(");
            list(out, n, |o, s| ident(o, s));
        }
        StmtKind::Assert { test, msg } => {
            out.push_str("Assert(");
            expr(out, test);
            out.push_str(", ");
            opt(out, msg);
        }
        StmtKind::Import(names) => {
            out.push_str("Import(");
            list(out, names, alias);
        }
        StmtKind::ImportFrom {
            module,
            names,
            level,
        } => {
            out.push_str("ImportFrom(");
            opt_ident(out, module);
            out.push_str(", ");
            list(out, names, alias);
            let _ = write!(out, ", {level}");
        }
        StmtKind::Match { subject, cases } => {
            out.push_str("Match(");
            expr(out, subject);
            out.push_str(", ");
            list(out, cases, |out, c| {
                out.push_str("match_case(");
                pattern(out, &c.pattern);
                out.push_str(", ");
                opt(out, &c.guard);
                out.push_str(", ");
                stmts(out, &c.body);
                out.push(')');
            });
        }
    }
    out.push(')');
    position(out, s.span);
}

fn pattern(out: &mut String, p: &Pattern) {
    match &p.kind {
        PatternKind::MatchValue(v) => {
            out.push_str("MatchValue(");
            expr(out, v);
        }
        PatternKind::MatchSingleton(c) => {
            out.push_str("MatchSingleton(");
            constant(out, c);
        }
        PatternKind::MatchSequence(items) => {
            out.push_str("MatchSequence(");
            list(out, items, pattern);
        }
        PatternKind::MatchMapping {
            keys,
            patterns,
            rest,
        } => {
            out.push_str("MatchMapping(");
            list(out, keys, expr);
            out.push_str(", ");
            list(out, patterns, pattern);
            out.push_str(", ");
            opt_ident(out, rest);
        }
        PatternKind::MatchClass {
            cls,
            patterns,
            kwd_attrs,
            kwd_patterns,
        } => {
            out.push_str("MatchClass(");
            expr(out, cls);
            out.push_str(", ");
            list(out, patterns, pattern);
            out.push_str(", ");
            list(out, kwd_attrs, |o, s| ident(o, s));
            out.push_str(", ");
            list(out, kwd_patterns, pattern);
        }
        PatternKind::MatchStar(name) => {
            out.push_str("MatchStar(");
            opt_ident(out, name);
        }
        PatternKind::MatchAs {
            pattern: inner,
            name,
        } => {
            out.push_str("MatchAs(");
            match inner {
                Some(inner) => pattern(out, inner),
                None => out.push_str("None"),
            }
            out.push_str(", ");
            opt_ident(out, name);
        }
        PatternKind::MatchOr(alternatives) => {
            out.push_str("MatchOr(");
            list(out, alternatives, pattern);
        }
    }
    out.push(')');
    position(out, p.span);
}
