//! Turns a syntax tree back into source text, as CPython's `ast.unparse`.
//!
//! `dis.desugar` rewrites a function's tree and prints it with this, so the
//! printer must produce text that parses back to the same tree: it
//! parenthesises by operator precedence (the table of CPython's
//! `_Precedence`), not by how the original was written. Comments and the
//! original layout are lost, as with `ast.unparse`.

use crate::ast::*;

/// Operator precedence, lowest first (CPython's `ast._Precedence`).
mod prec {
    pub const NAMED_EXPR: u8 = 1;
    pub const TUPLE: u8 = 2;
    pub const YIELD: u8 = 3;
    pub const TEST: u8 = 4;
    pub const OR: u8 = 5;
    pub const AND: u8 = 6;
    pub const NOT: u8 = 7;
    pub const CMP: u8 = 8;
    pub const EXPR: u8 = 9;
    pub const BOR: u8 = 9;
    pub const BXOR: u8 = 10;
    pub const BAND: u8 = 11;
    pub const SHIFT: u8 = 12;
    pub const ARITH: u8 = 13;
    pub const TERM: u8 = 14;
    pub const FACTOR: u8 = 15;
    pub const POWER: u8 = 16;
    pub const AWAIT: u8 = 17;
    pub const ATOM: u8 = 18;
}

/// Source text for a list of statements, each indented by `indent` levels of four spaces.
pub fn stmts(body: &[Stmt], indent: usize) -> String {
    let mut p = Printer {
        out: String::new(),
        indent,
    };
    p.body(body);
    p.out
}

/// Source text for one expression at the lowest precedence (as an expression statement would print it).
pub fn expr(e: &Expr) -> String {
    let mut p = Printer {
        out: String::new(),
        indent: 0,
    };
    p.expr(e, prec::TEST);
    p.out
}

struct Printer {
    out: String,
    indent: usize,
}

impl Printer {
    fn w(&mut self, s: &str) {
        self.out.push_str(s);
    }

    /// Starts a new line at the current indentation.
    fn fill(&mut self, s: &str) {
        self.out.push_str(&"    ".repeat(self.indent));
        self.out.push_str(s);
    }

    fn newline(&mut self) {
        self.out.push('\n');
    }

    fn body(&mut self, body: &[Stmt]) {
        if body.is_empty() {
            self.fill("pass");
            self.newline();
        }
        for s in body {
            self.stmt(s);
        }
    }

    /// A `:` and an indented block.
    fn block(&mut self, body: &[Stmt]) {
        self.w(":");
        self.newline();
        self.indent += 1;
        self.body(body);
        self.indent -= 1;
    }

    /// A `case` pattern, written back in the syntax it was parsed from.
    fn pattern(&mut self, pat: &crate::ast::Pattern) {
        use crate::ast::PatternKind as P;
        match &pat.kind {
            P::MatchValue(e) => self.expr(e, prec::TEST),
            P::MatchSingleton(c) => self.w(&constant(c)),
            P::MatchSequence(items) => {
                self.w("[");
                for (i, p) in items.iter().enumerate() {
                    if i > 0 {
                        self.w(", ");
                    }
                    self.pattern(p);
                }
                self.w("]");
            }
            P::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                self.w("{");
                for (i, (k, p)) in keys.iter().zip(patterns).enumerate() {
                    if i > 0 {
                        self.w(", ");
                    }
                    self.expr(k, prec::TEST);
                    self.w(": ");
                    self.pattern(p);
                }
                if let Some(r) = rest {
                    if !keys.is_empty() {
                        self.w(", ");
                    }
                    self.w("**");
                    self.w(r);
                }
                self.w("}");
            }
            P::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                self.expr(cls, prec::TEST);
                self.w("(");
                let mut first = true;
                for p in patterns {
                    if !first {
                        self.w(", ");
                    }
                    first = false;
                    self.pattern(p);
                }
                for (a, p) in kwd_attrs.iter().zip(kwd_patterns) {
                    if !first {
                        self.w(", ");
                    }
                    first = false;
                    self.w(a);
                    self.w("=");
                    self.pattern(p);
                }
                self.w(")");
            }
            P::MatchStar(name) => {
                self.w("*");
                self.w(name.as_deref().unwrap_or("_"));
            }
            P::MatchAs { pattern, name } => match (pattern, name) {
                (Some(p), Some(n)) => {
                    self.w("(");
                    self.pattern(p);
                    self.w(" as ");
                    self.w(n);
                    self.w(")");
                }
                (None, Some(n)) => self.w(n),
                _ => self.w("_"),
            },
            P::MatchOr(alts) => {
                self.w("(");
                for (i, p) in alts.iter().enumerate() {
                    if i > 0 {
                        self.w(" | ");
                    }
                    self.pattern(p);
                }
                self.w(")");
            }
        }
    }

    fn comma_list(&mut self, items: &[Expr], p: u8) {
        for (i, e) in items.iter().enumerate() {
            if i > 0 {
                self.w(", ");
            }
            self.expr(e, p);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Expr(e) => {
                self.fill("");
                self.expr(e, prec::YIELD);
                self.newline();
            }
            StmtKind::Assign { targets, value } => {
                self.fill("");
                for t in targets {
                    self.expr(t, prec::TUPLE);
                    self.w(" = ");
                }
                self.expr(value, prec::TEST);
                self.newline();
            }
            StmtKind::AugAssign { target, op, value } => {
                self.fill("");
                self.expr(target, prec::TEST);
                self.w(&format!(" {}= ", binop(*op).0));
                self.expr(value, prec::TEST);
                self.newline();
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                self.fill("");
                let paren = !simple && matches!(target.kind, ExprKind::Name(_));
                if paren {
                    self.w("(");
                }
                self.expr(target, prec::TEST);
                if paren {
                    self.w(")");
                }
                self.w(": ");
                self.expr(annotation, prec::TEST);
                if let Some(v) = value {
                    self.w(" = ");
                    self.expr(v, prec::TEST);
                }
                self.newline();
            }
            StmtKind::Delete(targets) => {
                self.fill("del ");
                self.comma_list(targets, prec::TEST);
                self.newline();
            }
            StmtKind::Pass => self.line("pass"),
            StmtKind::Break => self.line("break"),
            StmtKind::Continue => self.line("continue"),
            StmtKind::Match { subject, cases } => {
                self.fill("match ");
                self.expr(subject, prec::TEST);
                self.w(":");
                self.newline();
                self.indent += 1;
                for case in cases {
                    self.fill("case ");
                    self.pattern(&case.pattern);
                    if let Some(guard) = &case.guard {
                        self.w(" if ");
                        self.expr(guard, prec::TEST);
                    }
                    self.block(&case.body);
                }
                self.indent -= 1;
            }
            StmtKind::If { test, body, orelse } => {
                self.fill("if ");
                self.expr(test, prec::TEST);
                self.block(body);
                self.orelse_if(orelse);
            }
            StmtKind::While { test, body, orelse } => {
                self.fill("while ");
                self.expr(test, prec::TEST);
                self.block(body);
                self.else_block(orelse);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                self.fill(if *is_async { "async for " } else { "for " });
                self.expr(target, prec::TUPLE);
                self.w(" in ");
                self.expr(iter, prec::TEST);
                self.block(body);
                self.else_block(orelse);
            }
            StmtKind::FunctionDef(def) => self.function(def),
            StmtKind::ClassDef(class) => {
                self.decorators(&class.decorators);
                self.fill(&format!("class {}", class.name));
                if !class.bases.is_empty() || !class.keywords.is_empty() {
                    self.w("(");
                    self.call_args(&class.bases, &class.keywords);
                    self.w(")");
                }
                self.block(&class.body);
            }
            StmtKind::Return(value) => {
                self.fill("return");
                if let Some(v) = value {
                    self.w(" ");
                    self.expr(v, prec::TEST);
                }
                self.newline();
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star,
            } => {
                self.fill("try");
                self.block(body);
                for h in handlers {
                    self.fill(if *is_star { "except*" } else { "except" });
                    if let Some(t) = &h.typ {
                        self.w(" ");
                        self.expr(t, prec::TEST);
                    }
                    if let Some(n) = &h.name {
                        self.w(&format!(" as {n}"));
                    }
                    self.block(&h.body);
                }
                self.else_block(orelse);
                if !finalbody.is_empty() {
                    self.fill("finally");
                    self.block(finalbody);
                }
            }
            StmtKind::Raise { exc, cause } => {
                self.fill("raise");
                if let Some(e) = exc {
                    self.w(" ");
                    self.expr(e, prec::TEST);
                }
                if let Some(c) = cause {
                    self.w(" from ");
                    self.expr(c, prec::TEST);
                }
                self.newline();
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                self.fill(if *is_async { "async with " } else { "with " });
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.w(", ");
                    }
                    self.expr(&item.context_expr, prec::TEST);
                    if let Some(v) = &item.optional_vars {
                        self.w(" as ");
                        self.expr(v, prec::TEST);
                    }
                }
                self.block(body);
            }
            StmtKind::Global(names) => self.line(&format!("global {}", names.join(", "))),
            StmtKind::Nonlocal(names) => self.line(&format!("nonlocal {}", names.join(", "))),
            StmtKind::Assert { test, msg } => {
                self.fill("assert ");
                self.expr(test, prec::TEST);
                if let Some(m) = msg {
                    self.w(", ");
                    self.expr(m, prec::TEST);
                }
                self.newline();
            }
            StmtKind::Import(names) => {
                let names: Vec<String> = names.iter().map(alias).collect();
                self.line(&format!("import {}", names.join(", ")));
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                let names: Vec<String> = names.iter().map(alias).collect();
                self.line(&format!(
                    "from {}{} import {}",
                    ".".repeat(*level as usize),
                    module.as_deref().unwrap_or(""),
                    names.join(", ")
                ));
            }
        }
    }

    fn line(&mut self, s: &str) {
        self.fill(s);
        self.newline();
    }

    fn else_block(&mut self, orelse: &[Stmt]) {
        if !orelse.is_empty() {
            self.fill("else");
            self.block(orelse);
        }
    }

    /// An `else` holding exactly one `if` prints as `elif`.
    fn orelse_if(&mut self, orelse: &[Stmt]) {
        match orelse {
            [] => {}
            [Stmt {
                kind: StmtKind::If { test, body, orelse },
                ..
            }] => {
                self.fill("elif ");
                self.expr(test, prec::TEST);
                self.block(body);
                self.orelse_if(orelse);
            }
            _ => self.else_block(orelse),
        }
    }

    fn decorators(&mut self, decorators: &[Expr]) {
        for d in decorators {
            self.fill("@");
            self.expr(d, prec::TEST);
            self.newline();
        }
    }

    fn function(&mut self, def: &FunctionDef) {
        self.decorators(&def.decorators);
        self.fill(if def.is_async { "async def " } else { "def " });
        self.w(&def.name);
        self.w("(");
        self.arguments(&def.args);
        self.w(")");
        if let Some(r) = &def.returns {
            self.w(" -> ");
            self.expr(r, prec::TEST);
        }
        self.block(&def.body);
    }

    fn arg(&mut self, a: &Arg) {
        self.w(&a.name);
        if let Some(ann) = &a.annotation {
            self.w(": ");
            self.expr(ann, prec::TEST);
        }
    }

    fn arguments(&mut self, args: &Arguments) {
        let mut first = true;
        let mut sep = |p: &mut Printer| {
            if !first {
                p.w(", ");
            }
            first = false;
        };
        let positional: Vec<&Arg> = args.posonlyargs.iter().chain(args.args.iter()).collect();
        let ndefault_start = positional.len().saturating_sub(args.defaults.len());
        for (i, a) in positional.iter().enumerate() {
            sep(self);
            self.arg(a);
            if i >= ndefault_start {
                if let Some(d) = args.defaults.get(i - ndefault_start) {
                    self.w("=");
                    self.expr(d, prec::TEST);
                }
            }
            if i + 1 == args.posonlyargs.len() {
                self.w(", /");
            }
        }
        if args.vararg.is_some() || !args.kwonlyargs.is_empty() {
            sep(self);
            self.w("*");
            if let Some(v) = &args.vararg {
                self.arg(v);
            }
        }
        for (i, a) in args.kwonlyargs.iter().enumerate() {
            sep(self);
            self.arg(a);
            if let Some(Some(d)) = args.kw_defaults.get(i) {
                self.w("=");
                self.expr(d, prec::TEST);
            }
        }
        if let Some(k) = &args.kwarg {
            sep(self);
            self.w("**");
            self.arg(k);
        }
    }

    fn call_args(&mut self, args: &[Expr], keywords: &[Keyword]) {
        let mut first = true;
        for a in args {
            if !first {
                self.w(", ");
            }
            first = false;
            self.expr(a, prec::TEST);
        }
        for k in keywords {
            if !first {
                self.w(", ");
            }
            first = false;
            match &k.arg {
                Some(name) => {
                    self.w(name);
                    self.w("=");
                }
                None => self.w("**"),
            }
            self.expr(&k.value, prec::TEST);
        }
    }

    /// Prints `e`, in parentheses if its own precedence is below `p`, the
    /// precedence its position requires.
    fn expr(&mut self, e: &Expr, p: u8) {
        let paren = |own: u8| p > own;
        match &e.kind {
            ExprKind::BoolOp { op, values } => {
                let (word, own) = match op {
                    BoolOp::And => (" and ", prec::AND),
                    BoolOp::Or => (" or ", prec::OR),
                };
                self.wrap(paren(own), |s| {
                    for (i, v) in values.iter().enumerate() {
                        if i > 0 {
                            s.w(word);
                        }
                        // Operands bind tighter each time, as CPython's increasing_level_traverse.
                        s.expr(v, own + 1 + i as u8);
                    }
                });
            }
            ExprKind::NamedExpr { target, value } => self.wrap(paren(prec::NAMED_EXPR), |s| {
                s.expr(target, prec::ATOM);
                s.w(" := ");
                s.expr(value, prec::ATOM);
            }),
            ExprKind::BinOp { left, op, right } => {
                let (sym, own) = binop(*op);
                let (lp, rp) = if *op == BinOp::Pow {
                    (own + 1, own)
                } else {
                    (own, own + 1)
                };
                self.wrap(paren(own), |s| {
                    s.expr(left, lp);
                    s.w(&format!(" {sym} "));
                    s.expr(right, rp);
                });
            }
            ExprKind::UnaryOp { op, operand } => {
                let (sym, own) = match op {
                    UnaryOp::Not => ("not ", prec::NOT),
                    UnaryOp::Invert => ("~", prec::FACTOR),
                    UnaryOp::UAdd => ("+", prec::FACTOR),
                    UnaryOp::USub => ("-", prec::FACTOR),
                };
                self.wrap(paren(own), |s| {
                    s.w(sym);
                    s.expr(operand, own);
                });
            }
            ExprKind::Lambda { args, body } => self.wrap(paren(prec::TEST), |s| {
                s.w("lambda");
                let mut a = String::new();
                std::mem::swap(&mut s.out, &mut a);
                s.arguments(args);
                std::mem::swap(&mut s.out, &mut a);
                if !a.is_empty() {
                    s.w(" ");
                    s.w(&a);
                }
                s.w(": ");
                s.expr(body, prec::TEST);
            }),
            ExprKind::IfExp { test, body, orelse } => self.wrap(paren(prec::TEST), |s| {
                s.expr(body, prec::TEST + 1);
                s.w(" if ");
                s.expr(test, prec::TEST + 1);
                s.w(" else ");
                s.expr(orelse, prec::TEST);
            }),
            ExprKind::Dict { keys, values } => {
                self.w("{");
                for (i, (k, v)) in keys.iter().zip(values).enumerate() {
                    if i > 0 {
                        self.w(", ");
                    }
                    match k {
                        Some(k) => {
                            self.expr(k, prec::TEST);
                            self.w(": ");
                            self.expr(v, prec::TEST);
                        }
                        None => {
                            self.w("**");
                            self.expr(v, prec::EXPR);
                        }
                    }
                }
                self.w("}");
            }
            ExprKind::Set(items) => {
                if items.is_empty() {
                    self.w("{*()}");
                } else {
                    self.w("{");
                    self.comma_list(items, prec::TEST);
                    self.w("}");
                }
            }
            ExprKind::ListComp { elt, generators } => {
                self.comp("[", "]", |s| s.expr(elt, prec::TEST), generators)
            }
            ExprKind::SetComp { elt, generators } => {
                self.comp("{", "}", |s| s.expr(elt, prec::TEST), generators)
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comp("(", ")", |s| s.expr(elt, prec::TEST), generators)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comp(
                "{",
                "}",
                |s| {
                    s.expr(key, prec::TEST);
                    s.w(": ");
                    s.expr(value, prec::TEST);
                },
                generators,
            ),
            ExprKind::Await(v) => self.wrap(paren(prec::AWAIT), |s| {
                s.w("await ");
                s.expr(v, prec::ATOM);
            }),
            ExprKind::Yield(v) => self.wrap(paren(prec::YIELD), |s| {
                s.w("yield");
                if let Some(v) = v {
                    s.w(" ");
                    s.expr(v, prec::ATOM);
                }
            }),
            ExprKind::YieldFrom(v) => self.wrap(paren(prec::YIELD), |s| {
                s.w("yield from ");
                s.expr(v, prec::ATOM);
            }),
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.wrap(paren(prec::CMP), |s| {
                s.expr(left, prec::CMP + 1);
                for (op, c) in ops.iter().zip(comparators) {
                    s.w(&format!(" {} ", cmpop(*op)));
                    s.expr(c, prec::CMP + 1);
                }
            }),
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func, prec::ATOM);
                self.w("(");
                // A lone generator expression argument keeps its own parentheses.
                self.call_args(args, keywords);
                self.w(")");
            }
            ExprKind::FormattedValue { .. } | ExprKind::JoinedStr(_) => {
                let parts = match &e.kind {
                    ExprKind::JoinedStr(parts) => parts.as_slice(),
                    _ => std::slice::from_ref(e),
                };
                self.w(&fstring(parts));
            }
            ExprKind::Constant(c) => self.w(&constant(c)),
            ExprKind::Attribute { value, attr } => {
                self.expr(value, prec::ATOM);
                if matches!(value.kind, ExprKind::Constant(Constant::Int(_))) {
                    self.w(" ");
                }
                self.w(".");
                self.w(attr);
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value, prec::ATOM);
                self.w("[");
                match &slice.kind {
                    ExprKind::Tuple(items) if !items.is_empty() => self.tuple_items(items),
                    _ => self.expr(slice, prec::TEST),
                }
                self.w("]");
            }
            ExprKind::Starred(v) => {
                self.w("*");
                self.expr(v, prec::EXPR);
            }
            ExprKind::Name(n) => self.w(n),
            ExprKind::List(items) => {
                self.w("[");
                self.comma_list(items, prec::TEST);
                self.w("]");
            }
            ExprKind::Tuple(items) => {
                let p_needed = items.is_empty() || p > prec::TUPLE;
                self.wrap(p_needed, |s| s.tuple_items(items));
            }
            ExprKind::Slice { lower, upper, step } => {
                if let Some(l) = lower {
                    self.expr(l, prec::TEST);
                }
                self.w(":");
                if let Some(u) = upper {
                    self.expr(u, prec::TEST);
                }
                if let Some(s) = step {
                    self.w(":");
                    self.expr(s, prec::TEST);
                }
            }
        }
    }

    /// Tuple items with the trailing comma a one-item tuple needs.
    fn tuple_items(&mut self, items: &[Expr]) {
        self.comma_list(items, prec::TEST);
        if items.len() == 1 {
            self.w(",");
        }
    }

    fn wrap(&mut self, paren: bool, f: impl FnOnce(&mut Printer)) {
        if paren {
            self.w("(");
        }
        f(self);
        if paren {
            self.w(")");
        }
    }

    fn comp(
        &mut self,
        open: &str,
        close: &str,
        elt: impl FnOnce(&mut Printer),
        generators: &[Comprehension],
    ) {
        self.w(open);
        elt(self);
        for g in generators {
            self.w(if g.is_async { " async for " } else { " for " });
            self.expr(&g.target, prec::TUPLE);
            self.w(" in ");
            self.expr(&g.iter, prec::TEST + 1);
            for cond in &g.ifs {
                self.w(" if ");
                self.expr(cond, prec::TEST + 1);
            }
        }
        self.w(close);
    }
}

fn alias(a: &Alias) -> String {
    match &a.asname {
        Some(n) => format!("{} as {n}", a.name),
        None => a.name.clone(),
    }
}

/// A binary operator's symbol and precedence.
fn binop(op: BinOp) -> (&'static str, u8) {
    match op {
        BinOp::Add => ("+", prec::ARITH),
        BinOp::Sub => ("-", prec::ARITH),
        BinOp::Mult => ("*", prec::TERM),
        BinOp::MatMult => ("@", prec::TERM),
        BinOp::Div => ("/", prec::TERM),
        BinOp::Mod => ("%", prec::TERM),
        BinOp::FloorDiv => ("//", prec::TERM),
        BinOp::Pow => ("**", prec::POWER),
        BinOp::LShift => ("<<", prec::SHIFT),
        BinOp::RShift => (">>", prec::SHIFT),
        BinOp::BitOr => ("|", prec::BOR),
        BinOp::BitXor => ("^", prec::BXOR),
        BinOp::BitAnd => ("&", prec::BAND),
    }
}

fn cmpop(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "==",
        CmpOp::NotEq => "!=",
        CmpOp::Lt => "<",
        CmpOp::LtE => "<=",
        CmpOp::Gt => ">",
        CmpOp::GtE => ">=",
        CmpOp::Is => "is",
        CmpOp::IsNot => "is not",
        CmpOp::In => "in",
        CmpOp::NotIn => "not in",
    }
}

/// A literal as Python writes it (its `repr`; infinities as `1e309`, which parses back).
fn constant(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
        Constant::Int(i) => i.to_string(),
        Constant::Float(f) if f.is_infinite() => if *f > 0.0 { "1e309" } else { "-1e309" }.into(),
        Constant::Float(f) if f.is_nan() => "(1e309 - 1e309)".into(),
        Constant::Float(f) => crate::fmt::float_repr(*f),
        Constant::Complex(f) => format!("{}j", crate::fmt::float_repr(*f)),
        Constant::Str(s) => crate::objects::str::repr_str(s),
        Constant::Bytes(b) => crate::objects::bytes::repr_bytes(b),
        Constant::Ellipsis => "...".into(),
    }
}

/// An f-string from its parts. The replacement fields are printed first so
/// that the quote chosen for the whole string is one they do not use (before
/// Python 3.12 an f-string cannot reuse its own quote inside a field).
fn fstring(parts: &[Expr]) -> String {
    let body = fstring_body(parts);
    let quote = ["'", "\"", "'''", "\"\"\""]
        .into_iter()
        .find(|q| !body.fields.contains(q))
        .unwrap_or("'");
    let mut out = format!("f{quote}");
    for piece in &body.pieces {
        match piece {
            Piece::Literal(s) => out.push_str(&escape_literal(s, quote)),
            Piece::Field(s) => out.push_str(s),
        }
    }
    out.push_str(quote);
    out
}

enum Piece {
    Literal(String),
    Field(String),
}

struct FBody {
    pieces: Vec<Piece>,
    /// All replacement-field text, to choose a quote that none of it uses.
    fields: String,
}

fn fstring_body(parts: &[Expr]) -> FBody {
    let mut pieces = Vec::new();
    let mut fields = String::new();
    for p in parts {
        match &p.kind {
            ExprKind::Constant(Constant::Str(s)) => pieces.push(Piece::Literal(s.clone())),
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                let mut f = String::from("{");
                let inner = expr(value);
                // A field starting with `{` would read as an escaped brace.
                if inner.starts_with('{') {
                    f.push(' ');
                }
                f.push_str(&inner);
                if let Some(c) = conversion {
                    f.push('!');
                    f.push(*c);
                }
                if let Some(spec) = format_spec {
                    f.push(':');
                    if let ExprKind::JoinedStr(spec_parts) = &spec.kind {
                        for sp in fstring_body(spec_parts).pieces {
                            match sp {
                                Piece::Literal(s) => {
                                    f.push_str(&s.replace('{', "{{").replace('}', "}}"))
                                }
                                Piece::Field(s) => f.push_str(&s),
                            }
                        }
                    }
                }
                f.push('}');
                fields.push_str(&f);
                pieces.push(Piece::Field(f));
            }
            other => {
                let f = format!("{{{}}}", expr(&Expr::new(other.clone(), p.span)));
                fields.push_str(&f);
                pieces.push(Piece::Field(f));
            }
        }
    }
    FBody { pieces, fields }
}

/// Escapes the literal part of an f-string for the chosen quote.
fn escape_literal(s: &str, quote: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '{' => out.push_str("{{"),
            '}' => out.push_str("}}"),
            '\\' => out.push_str("\\\\"),
            '\n' if quote.len() == 1 => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if quote.starts_with(c) => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}
