//! Turning an LR parse failure into CPython's message.
//!
//! CPython's PEG parser re-parses a failing input with extra `invalid_*`
//! rules that recognise common mistakes. The LR parser only knows the token
//! it could not accept and the tokens it expected there, so this module
//! looks at the tokens around the failure to recognise the same mistakes,
//! re-running the parser on token ranges where it needs to know where an
//! expression ends.

use super::actions::{expr_name, Top};
use super::{grammar, Ctx, Loc, PError};
use crate::ast::{Expr, ExprKind};
use crate::lexer::{Spanned, Tok};
use crate::source::{Span, SyntaxErrorKind};
use lalrpop_util::ParseError;

/// The error for an unexpected token at `tokens[idx]`, given the terminals
/// the parser would have accepted there.
pub fn unexpected_token(
    ctx: &Ctx<'_>,
    tokens: &[Spanned],
    idx: usize,
    expected: &[String],
) -> PError {
    let d = Diag {
        ctx,
        tokens,
        expected,
    };
    let mut e = d.diagnose(idx);
    let tok = &tokens[idx.min(tokens.len() - 1)];
    if tok.1 == Tok::EndOfFile || (tok.1 == Tok::Dedent && tok.0 >= ctx.src.len()) {
        e.incomplete = true;
    }
    e
}

struct Diag<'a, 's> {
    ctx: &'a Ctx<'s>,
    tokens: &'a [Spanned],
    expected: &'a [String],
}

fn is_line_break(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Newline | Tok::Indent | Tok::Dedent | Tok::StartModule | Tok::StartExpression
    )
}

fn is_open(t: &Tok) -> bool {
    matches!(t, Tok::Lpar | Tok::Lsqb | Tok::Lbrace | Tok::WithLpar)
}

fn is_close(t: &Tok) -> bool {
    matches!(t, Tok::Rpar | Tok::Rsqb | Tok::Rbrace | Tok::WithRpar)
}

fn ends_expression(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Imag(_)
            | Tok::Str(_)
            | Tok::True
            | Tok::False
            | Tok::None
            | Tok::Ellipsis
            | Tok::Rpar
            | Tok::Rsqb
            | Tok::Rbrace
    )
}

impl Diag<'_, '_> {
    fn expects(&self, terminal: &str) -> bool {
        let quoted = format!("\"{terminal}\"");
        self.expected.iter().any(|e| *e == quoted || e == terminal)
    }

    fn tok(&self, i: usize) -> &Tok {
        &self.tokens[i].1
    }

    fn span(&self, from: usize, to_incl: usize) -> Span {
        Span::new(self.tokens[from].0, self.tokens[to_incl].2)
    }

    /// Index of the first token of the logical line holding `idx`.
    fn line_start(&self, idx: usize) -> usize {
        let mut j = idx;
        while j > 0 && !is_line_break(self.tok(j - 1)) {
            j -= 1;
        }
        j
    }

    /// Bracket depth just before `idx`, counted from the start of its line.
    fn depth_at(&self, idx: usize) -> usize {
        let mut depth = 0usize;
        for t in &self.tokens[self.line_start(idx)..idx] {
            if is_open(&t.1) {
                depth += 1;
            } else if is_close(&t.1) {
                depth = depth.saturating_sub(1);
            }
        }
        depth
    }

    /// The innermost bracket open just before `idx`.
    fn open_bracket(&self, idx: usize) -> Option<usize> {
        let mut depth = 0usize;
        let stop = self.line_start(idx);
        let mut j = idx;
        while j > stop {
            j -= 1;
            if is_close(self.tok(j)) {
                depth += 1;
            } else if is_open(self.tok(j)) {
                if depth == 0 {
                    return Some(j);
                }
                depth -= 1;
            }
        }
        None
    }

    fn diagnose(&self, idx: usize) -> PError {
        if let Some(e) = self.match_missing_colon(idx) {
            return e;
        }
        let (_, tok, end) = &self.tokens[idx];
        if *tok == Tok::Indent {
            let line = self.ctx.index.line(*end as u32);
            let (_, col) = self.ctx.index.line_col(self.ctx.src, *end as u32);
            let mut e = explicit(
                "unexpected indent",
                line,
                col - 1,
                line,
                crate::source::NO_END_OFFSET,
            );
            e.kind = SyntaxErrorKind::IndentationError;
            return e;
        }
        if let Some(e) = self.expected_block(idx) {
            return e;
        }
        if let Some(e) = self.expected_colon(idx) {
            return e;
        }
        if let Some(e) = self.invalid_pattern_target(idx) {
            return e;
        }
        // Inside a pattern, CPython's error rules for expressions do not apply.
        if !self.in_pattern(idx) {
            if let Some(e) = self.legacy_print(idx) {
                return e;
            }
            if let Some(e) = self.forgot_comma(idx) {
                return e;
            }
            if let Some(e) = self.missing_else(idx) {
                return e;
            }
            if let Some(e) = self.assign_in_expression(idx) {
                return e;
            }
            if let Some(e) = self.statement_specific(idx) {
                return e;
            }
        }
        let at = self.match_reach(idx).map_or(idx, |reach| reach.max(idx));
        self.error_at_token("invalid syntax", at)
    }

    /// `msg` at token `idx`; the end of input and DEDENTs have no column
    /// in CPython (it reports column 0).
    fn error_at_token(&self, msg: &str, idx: usize) -> PError {
        let (start, tok, end) = &self.tokens[idx];
        match tok {
            Tok::EndOfFile | Tok::Dedent => {
                let line = if *tok == Tok::EndOfFile {
                    self.ctx
                        .index
                        .line((*start).min(self.ctx.src.len().saturating_sub(1)) as u32)
                        .max(1)
                } else {
                    self.ctx.index.line(*start as u32)
                };
                explicit(msg, line, 0, line, 0)
            }
            _ => PError::new(msg, Loc::Span(*start, *end)),
        }
    }

    /// IndentationError: a block header not followed by an indented block.
    fn expected_block(&self, idx: usize) -> Option<PError> {
        if idx < 2 || *self.tok(idx - 1) != Tok::Newline || *self.tok(idx - 2) != Tok::Colon {
            return None;
        }
        let ls = self.line_start(idx - 1);
        let mut first = ls;
        if *self.tok(first) == Tok::Async {
            first += 1;
        }
        let what = match self.tok(first) {
            Tok::If => "'if' statement".to_string(),
            Tok::Elif => "'elif' statement".to_string(),
            Tok::Else => "'else' statement".to_string(),
            Tok::While => "'while' statement".to_string(),
            Tok::For => "'for' statement".to_string(),
            Tok::With => "'with' statement".to_string(),
            Tok::Try => "'try' statement".to_string(),
            Tok::Finally => "'finally' statement".to_string(),
            Tok::Except if self.tokens.get(first + 1).map(|t| &t.1) == Some(&Tok::Star) => {
                "'except*' statement".to_string()
            }
            Tok::Except => "'except' statement".to_string(),
            Tok::Def => "function definition".to_string(),
            Tok::Class => "class definition".to_string(),
            Tok::Match => "'match' statement".to_string(),
            Tok::Case => "'case' statement".to_string(),
            _ => return None,
        };
        let header_line = self.ctx.index.line(self.tokens[first].0 as u32);
        let msg = format!("expected an indented block after {what} on line {header_line}");
        let (start, tok, end) = &self.tokens[idx];
        let mut e = match tok {
            Tok::EndOfFile | Tok::Dedent if *start >= self.ctx.src.len() => {
                let (line, col) = super::eof_location(self.ctx);
                explicit(&msg, line, col, line, 0)
            }
            Tok::Dedent => {
                let line = self.ctx.index.line(*start as u32);
                explicit(&msg, line, 0, line, 0)
            }
            _ => PError::new(msg, Loc::Span(*start, *end)),
        };
        e.kind = SyntaxErrorKind::IndentationError;
        Some(e)
    }

    /// "expected ':'" after a compound statement's header.
    fn expected_colon(&self, idx: usize) -> Option<PError> {
        if !self.expects(":") || self.depth_at(idx) > 0 {
            return None;
        }
        let ls = self.line_start(idx);
        let mut first = ls;
        if *self.tok(first) == Tok::Async {
            first += 1;
        }
        let tok = self.tok(idx);
        // Some headers demand the colon whatever follows (CPython's `&&':'`);
        // the others only when the line ends there.
        let forced = matches!(
            self.tok(first),
            Tok::Def | Tok::Try | Tok::Else | Tok::Finally | Tok::With
        );
        let at_newline = matches!(
            self.tok(first),
            Tok::If | Tok::Elif | Tok::While | Tok::For | Tok::Class | Tok::Except | Tok::Case
        ) && *tok == Tok::Newline;
        if !(forced || at_newline) {
            return None;
        }
        let (start, _, end) = &self.tokens[idx];
        Some(PError::new("expected ':'", Loc::Span(*start, *end)))
    }

    /// `print x`: "Missing parentheses in call to 'print'".
    fn legacy_print(&self, idx: usize) -> Option<PError> {
        if idx < 1 {
            return None;
        }
        let Tok::Name(name) = self.tok(idx - 1) else {
            return None;
        };
        if name != "print" && name != "exec" {
            return None;
        }
        if idx >= 2 && *self.tok(idx - 2) == Tok::Dot {
            return None;
        }
        let tok = self.tok(idx);
        if *tok == Tok::Lpar || !(tok.starts_expression() || *tok == Tok::Star) {
            return None;
        }
        let end = self.longest_expr(idx, true)?;
        let mut e = PError::at(
            format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"),
            self.span(idx - 1, end - 1),
        );
        e.reach = Some(end);
        Some(e)
    }

    /// Walks back from `last` over one expression (a `disjunction`),
    /// returning the index of its first token. None when the expression is
    /// not in a place where CPython would look for a missing comma.
    fn expr_start_back(&self, last: usize, stop_at_compare: bool) -> Option<usize> {
        // With `stop_at_compare`, the operand of an `=` is wanted: it stops
        // at any keyword or operator below `bitwise_or`.
        let stop = self.line_start(last);
        let mut depth = 0usize;
        let mut j = last;
        loop {
            let t = self.tok(j);
            if is_close(t) {
                depth += 1;
            } else if is_open(t) {
                if depth == 0 {
                    return Some(j + 1);
                }
                depth -= 1;
            } else if depth == 0 {
                let boundary = match t {
                    Tok::Comma
                    | Tok::Colon
                    | Tok::Equal
                    | Tok::ColonEqual
                    | Tok::Semi
                    | Tok::Else
                    | Tok::Lambda
                    | Tok::Yield
                    | Tok::Return
                    | Tok::Assert
                    | Tok::Del
                    | Tok::Import
                    | Tok::From
                    | Tok::As
                    | Tok::Rarrow
                    | Tok::Raise
                    | Tok::With
                    | Tok::At
                    | Tok::In
                    | Tok::PlusEqual
                    | Tok::MinEqual
                    | Tok::StarEqual
                    | Tok::SlashEqual
                    | Tok::PercentEqual
                    | Tok::AmperEqual
                    | Tok::VbarEqual
                    | Tok::CircumflexEqual
                    | Tok::LeftShiftEqual
                    | Tok::RightShiftEqual
                    | Tok::DoubleStarEqual
                    | Tok::DoubleSlashEqual
                    | Tok::AtEqual => true,
                    // In a comprehension or conditional, the condition and
                    // iterable are disjunctions, where CPython does not look.
                    Tok::If | Tok::For | Tok::Async | Tok::Elif | Tok::While if stop_at_compare => {
                        true
                    }
                    Tok::If | Tok::For | Tok::Async => return None,
                    Tok::Star | Tok::DoubleStar => {
                        j == stop
                            || matches!(self.tok(j - 1), Tok::Comma)
                            || is_open(self.tok(j - 1))
                    }
                    Tok::Not
                    | Tok::And
                    | Tok::Or
                    | Tok::Is
                    | Tok::Less
                    | Tok::Greater
                    | Tok::EqEqual
                    | Tok::NotEqual
                    | Tok::LessEqual
                    | Tok::GreaterEqual
                        if stop_at_compare =>
                    {
                        true
                    }
                    _ => false,
                };
                if boundary {
                    // `in` is an operator unless it belongs to a `for`.
                    if *t == Tok::In && !stop_at_compare {
                        let mut k = j;
                        let mut dd = 0usize;
                        let mut is_for = false;
                        while k > stop {
                            k -= 1;
                            let tk = self.tok(k);
                            if is_close(tk) {
                                dd += 1;
                            } else if is_open(tk) {
                                if dd == 0 {
                                    break;
                                }
                                dd -= 1;
                            } else if dd == 0
                                && matches!(tk, Tok::For | Tok::Comma | Tok::Colon | Tok::Equal)
                            {
                                is_for = *tk == Tok::For;
                                break;
                            }
                        }
                        if is_for {
                            return None;
                        }
                    } else {
                        return if j == last { None } else { Some(j + 1) };
                    }
                }
            }
            if j == stop {
                return if depth == 0 { Some(stop) } else { None };
            }
            j -= 1;
        }
    }

    /// The exclusive end index of the longest expression starting at
    /// `from` (a tuple of them when `tuple` is set), if one does.
    fn longest_expr(&self, from: usize, tuple: bool) -> Option<usize> {
        let mut depth = 0usize;
        let mut cut = from;
        while cut < self.tokens.len() {
            let t = self.tok(cut);
            if is_open(t) {
                depth += 1;
            } else if is_close(t) {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            } else if depth == 0
                && (matches!(
                    t,
                    Tok::Newline
                        | Tok::EndOfFile
                        | Tok::Semi
                        | Tok::Colon
                        | Tok::Equal
                        | Tok::Indent
                        | Tok::Dedent
                ) || (*t == Tok::Comma && !tuple))
            {
                break;
            }
            cut += 1;
        }
        for _ in 0..4 {
            if cut <= from {
                return None;
            }
            match self.parse_range(from, cut) {
                Ok(_) => return Some(cut),
                Err(Some(k)) if k > from && k < cut => cut = k,
                Err(_) => return None,
            }
        }
        None
    }

    /// Parses `tokens[from..to]` as an expression; on failure, the index of
    /// the token the parser stopped at.
    fn parse_range(&self, from: usize, to: usize) -> Result<Expr, Option<usize>> {
        let mut toks: Vec<Spanned> = Vec::with_capacity(to - from + 2);
        toks.push((0, Tok::StartExpression, 0));
        toks.extend(self.tokens[from..to].iter().cloned().map(|mut t| {
            t.1 = match t.1 {
                Tok::WithLpar => Tok::Lpar,
                Tok::WithRpar => Tok::Rpar,
                other => other,
            };
            t
        }));
        let endpos = self.tokens[to - 1].2;
        toks.push((endpos, Tok::EndOfFile, endpos));
        let parser = grammar::TopParser::new();
        match parser.parse(self.ctx, toks.iter().cloned().map(Ok::<_, PError>)) {
            Ok(Top::Expression(e)) => Ok(e),
            Ok(Top::Module(_)) => Err(None),
            Err(ParseError::UnrecognizedToken { token, .. }) => {
                let k = toks
                    .iter()
                    .position(|t| t.0 == token.0 && t.2 == token.2 && t.1 == token.1);
                Err(k.map(|k| k - 1 + from))
            }
            Err(_) => Err(None),
        }
    }

    /// "invalid syntax. Perhaps you forgot a comma?" for two expressions
    /// side by side inside brackets.
    fn forgot_comma(&self, idx: usize) -> Option<PError> {
        // `a[]` is not a subscript: CPython reads it as `a` and an empty list.
        let idx = if idx >= 2 && *self.tok(idx) == Tok::Rsqb && *self.tok(idx - 1) == Tok::Lsqb {
            idx - 1
        } else {
            idx
        };
        let tok = self.tok(idx);
        if idx < 1 || !tok.starts_expression() || !ends_expression(self.tok(idx - 1)) {
            return None;
        }
        if self.depth_at(idx) == 0 {
            return None;
        }
        let a = self.expr_start_back(idx - 1, false)?;
        // A parameter name is not an expression.
        if a > 0 && matches!(self.tok(a - 1), Tok::Lpar | Tok::Comma) {
            if let Some(open) = self.open_bracket(idx) {
                if open >= 2 && *self.tok(open) == Tok::Lpar && *self.tok(open - 2) == Tok::Def {
                    return None;
                }
            }
        }
        if a >= idx {
            return None;
        }
        if let Tok::Name(n) = self.tok(a) {
            // CPython skips `NAME STRING` (a string prefix typo) and soft keywords.
            if a == idx - 1 && matches!(tok, Tok::Str(_)) {
                return None;
            }
            if matches!(n.as_str(), "match" | "case" | "_") {
                return None;
            }
            if a == idx - 1 && matches!(n.as_str(), "print" | "exec") {
                return None;
            }
        }
        self.parse_range(a, idx).ok()?;
        let end = self.longest_expr(idx, false)?;
        let mut e = PError::at(
            "invalid syntax. Perhaps you forgot a comma?",
            self.span(a, end - 1),
        );
        e.reach = Some(end);
        Some(e)
    }

    /// "expected 'else' after 'if' expression".
    fn missing_else(&self, idx: usize) -> Option<PError> {
        if !self.expects("else") || matches!(self.tok(idx), Tok::Else | Tok::Colon) {
            return None;
        }
        // Find the `if` of the conditional, at this bracket depth.
        let stop = self.line_start(idx);
        let mut depth = 0usize;
        let mut j = idx;
        while j > stop {
            j -= 1;
            let t = self.tok(j);
            if is_close(t) {
                depth += 1;
            } else if is_open(t) {
                if depth == 0 {
                    return None;
                }
                depth -= 1;
            } else if depth == 0 && *t == Tok::If {
                break;
            }
        }
        if j <= stop || *self.tok(j) != Tok::If {
            return None;
        }
        let a = self
            .expr_start_back(j - 1, false)
            .or_else(|| self.plain_start_back(j - 1))?;
        Some(PError::at(
            "expected 'else' after 'if' expression",
            self.span(a, idx - 1),
        ))
    }

    /// The start of the operand ending at `last`, stopping at any
    /// delimiter (no exclusions).
    fn plain_start_back(&self, last: usize) -> Option<usize> {
        let stop = self.line_start(last);
        let mut depth = 0usize;
        let mut j = last;
        loop {
            let t = self.tok(j);
            if is_close(t) {
                depth += 1;
            } else if is_open(t) {
                if depth == 0 {
                    return Some(j + 1);
                }
                depth -= 1;
            } else if depth == 0
                && matches!(
                    t,
                    Tok::Comma | Tok::Equal | Tok::Colon | Tok::Return | Tok::Lambda
                )
            {
                return Some(j + 1);
            }
            if j == stop {
                return Some(stop);
            }
            j -= 1;
        }
    }

    /// `=` where a named expression is parsed: CPython suggests `==`.
    fn assign_in_expression(&self, idx: usize) -> Option<PError> {
        if *self.tok(idx) != Tok::Equal || idx < 2 {
            return None;
        }
        let a = self.expr_start_back(idx - 1, true)?;
        if a == 0 || a >= idx {
            return None;
        }
        let before = self.tok(a - 1);
        let inside = self.depth_at(idx) > 0;
        let allowed = matches!(
            before,
            Tok::If | Tok::Elif | Tok::While | Tok::Lpar | Tok::Lsqb | Tok::Lbrace
        ) || (*before == Tok::Comma && inside);
        if !allowed {
            return None;
        }
        let target = self.parse_range(a, idx).ok()?;
        // The value is a bitwise_or, which must not be followed by `=`.
        let b_end = self.longest_bitwise_or(idx + 1)?;
        if matches!(
            self.tokens.get(b_end).map(|t| &t.1),
            Some(Tok::Equal | Tok::ColonEqual)
        ) {
            return None;
        }
        if matches!(target.kind, ExprKind::Name(_)) {
            return Some(PError::at(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                self.span(a, b_end - 1),
            ));
        }
        let excluded = matches!(
            target.kind,
            ExprKind::List(_)
                | ExprKind::Tuple(_)
                | ExprKind::GeneratorExp { .. }
                | ExprKind::Constant(crate::ast::Constant::Bool(_) | crate::ast::Constant::None)
        );
        if excluded {
            return None;
        }
        Some(PError::at(
            format!(
                "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                expr_name(&target)
            ),
            target.span,
        ))
    }

    /// The end of the `bitwise_or` expression starting at `from`.
    fn longest_bitwise_or(&self, from: usize) -> Option<usize> {
        let mut depth = 0usize;
        let mut cut = from;
        while cut < self.tokens.len() {
            let t = self.tok(cut);
            if is_open(t) {
                depth += 1;
            } else if is_close(t) {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            } else if depth == 0
                && matches!(
                    t,
                    Tok::Newline
                        | Tok::EndOfFile
                        | Tok::Semi
                        | Tok::Colon
                        | Tok::Equal
                        | Tok::ColonEqual
                        | Tok::Comma
                        | Tok::If
                        | Tok::Else
                        | Tok::For
                        | Tok::Async
                        | Tok::And
                        | Tok::Or
                        | Tok::Not
                        | Tok::In
                        | Tok::Is
                        | Tok::Less
                        | Tok::Greater
                        | Tok::EqEqual
                        | Tok::NotEqual
                        | Tok::LessEqual
                        | Tok::GreaterEqual
                        | Tok::Indent
                        | Tok::Dedent
                )
            {
                break;
            }
            cut += 1;
        }
        if cut > from && self.parse_range(from, cut).is_ok() {
            Some(cut)
        } else {
            None
        }
    }

    /// Messages tied to particular statements.
    fn statement_specific(&self, idx: usize) -> Option<PError> {
        let tok = self.tok(idx);
        let ls = self.line_start(idx);
        let first = self.tok(ls);
        // try: ... with neither except nor finally.
        if self.expects("except")
            && self.expects("finally")
            && !matches!(tok, Tok::Except | Tok::Finally)
        {
            const MSG: &str = "expected 'except' or 'finally' block";
            let (start, tok, end) = &self.tokens[idx];
            if matches!(tok, Tok::EndOfFile | Tok::Dedent) && *start >= self.ctx.src.len() {
                let (line, col) = super::eof_location(self.ctx);
                return Some(explicit(MSG, line, col, line, 0));
            }
            return Some(PError::new(MSG, Loc::Span(*start, *end)));
        }
        // from x import a, b,
        if *first == Tok::From
            && *tok == Tok::Newline
            && idx > 0
            && *self.tok(idx - 1) == Tok::Comma
        {
            let (start, _, end) = &self.tokens[idx];
            return Some(PError::new(
                "trailing comma not allowed without surrounding parentheses",
                Loc::Span(*start, *end),
            ));
        }
        // except A, B:
        if *first == Tok::Except && *tok == Tok::Comma && self.depth_at(idx) == 0 {
            let mut a = ls + 1;
            if *self.tok(a) == Tok::Star {
                a += 1;
            }
            let end = self.longest_expr(a, true)?;
            return Some(PError::at(
                "multiple exception types must be parenthesized",
                self.span(a, end - 1),
            ));
        }
        // {1: 2, 3}: reported at the key's last character.
        if matches!(tok, Tok::Rbrace | Tok::Comma) && self.expects(":") {
            let open = self.open_bracket(idx)?;
            if *self.tok(open) == Tok::Lbrace {
                let (line, col) = self
                    .ctx
                    .index
                    .line_col(self.ctx.src, self.tokens[idx - 1].2 as u32);
                return Some(explicit(
                    "':' expected after dictionary key",
                    line,
                    col - 1,
                    line,
                    0,
                ));
            }
        }
        // {1: }
        if matches!(tok, Tok::Rbrace | Tok::Comma) && idx > 0 && *self.tok(idx - 1) == Tok::Colon {
            if let Some(open) = self.open_bracket(idx) {
                if *self.tok(open) == Tok::Lbrace {
                    let (s, _, e) = &self.tokens[idx - 1];
                    return Some(PError::new(
                        "expression expected after dictionary key and ':'",
                        Loc::Span(*s, *e),
                    ));
                }
            }
        }
        // (**a)
        if *tok == Tok::DoubleStar && idx > 0 && *self.tok(idx - 1) == Tok::Lpar {
            let end = self.longest_expr(idx + 1, false)?;
            if self.tokens.get(end).map(|t| &t.1) == Some(&Tok::Rpar) {
                let (s, _, e) = &self.tokens[idx];
                return Some(PError::new(
                    "cannot use double starred expression here",
                    Loc::Span(*s, *e),
                ));
            }
        }
        // def f: (a forced '(' after the name)
        if *first == Tok::Def && idx == ls + 2 && self.expects("(") {
            let (s, _, e) = &self.tokens[idx];
            return Some(PError::new("expected '('", Loc::Span(*s, *e)));
        }
        None
    }
}

/// The `match` statement's errors. Where a statement starts with the name
/// `match`, CPython's parser first tries a match statement, and its error
/// rules look for a match statement missing its colon, so several errors
/// depend on how far that attempt gets.
impl Diag<'_, '_> {
    /// Whether token `i` begins a statement.
    fn statement_start(&self, i: usize) -> bool {
        i > 0 && is_line_break(self.tok(i - 1))
    }

    /// A statement `match <subject>` ending its line: CPython's
    /// `invalid_match_stmt` rule reports "expected ':'". Its second parse
    /// meets the first such statement before (or at) the failure, and
    /// reports at the furthest token its first parse fetched.
    fn match_missing_colon(&self, idx: usize) -> Option<PError> {
        let mut s = 1;
        while s <= idx && s + 1 < self.tokens.len() {
            if self.statement_start(s)
                && matches!(self.tok(s), Tok::Name(n) if n == "match")
                && self.tok(s + 1).starts_expression()
            {
                let newline = s
                    + 1
                    + self.tokens[s + 1..]
                        .iter()
                        .position(|t| t.1 == Tok::Newline)?;
                if self.parse_range(s + 1, newline).is_ok() {
                    return Some(self.error_at_token("expected ':'", newline.max(idx)));
                }
            }
            s += 1;
        }
        None
    }

    /// For a statement starting with the name `match` (not a match
    /// statement), the furthest token CPython's attempt at a match
    /// statement fetches: the one after the longest subject, or after its
    /// colon.
    fn match_reach(&self, idx: usize) -> Option<usize> {
        let s = self.line_start(idx);
        if s + 1 >= self.tokens.len()
            || !matches!(self.tok(s), Tok::Name(n) if n == "match")
            || !self.tok(s + 1).starts_expression()
        {
            return None;
        }
        let end = self.longest_expr(s + 1, true)?;
        let last = self.tokens.len() - 1;
        match self.tokens.get(end).map(|t| &t.1) {
            Some(Tok::Colon) if end < last => Some(end + 1),
            _ => Some(end.min(last)),
        }
    }

    /// Whether token `idx` is inside the patterns of a `case` line (before
    /// its guard).
    fn in_pattern(&self, idx: usize) -> bool {
        let ls = self.line_start(idx);
        if *self.tok(ls) != Tok::Case {
            return false;
        }
        let mut depth = 0usize;
        for t in &self.tokens[ls..idx] {
            match &t.1 {
                t if is_open(t) => depth += 1,
                t if is_close(t) => depth = depth.saturating_sub(1),
                Tok::If if depth == 0 => return false,
                _ => {}
            }
        }
        true
    }

    /// `case p as <not a name>`: CPython's `invalid_as_pattern`.
    fn invalid_pattern_target(&self, idx: usize) -> Option<PError> {
        if idx < 1 || *self.tok(idx - 1) != Tok::As || !self.in_pattern(idx) {
            return None;
        }
        if matches!(self.tok(idx), Tok::Name(_)) || !self.tok(idx).starts_expression() {
            return None;
        }
        let end = self.longest_expr(idx, false)?;
        let target = self.parse_range(idx, end).ok()?;
        Some(PError::at("invalid pattern target", target.span))
    }
}

fn explicit(msg: &str, lineno: u32, offset: u32, end_lineno: u32, end_offset: u32) -> PError {
    PError::new(
        msg,
        Loc::Explicit {
            lineno,
            offset,
            end_lineno,
            end_offset,
            text: None,
        },
    )
}
