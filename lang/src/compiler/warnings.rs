//! The `SyntaxWarning`s of CPython 3.11's compiler: code that compiles but
//! is almost certainly a mistake, such as `x is 1`, `assert (x, "msg")` or
//! a missing comma that makes a literal look called (`"a" ("b")`) or
//! indexed (`(1, 2) [0, 1]`). The checks see constants as CPython's AST
//! optimiser leaves them (`-1` and `(1, 2)` are constants).

use super::codegen::Compiler;
use crate::ast::{CmpOp, Expr, ExprKind};
use crate::bytecode::Constant;
use crate::source::{
    CompileWarning, ErrorOrigin, Span, SyntaxError, SyntaxErrorKind, WarningCategory,
};

/// The Python type a literal expression is known to have at compile time
/// (CPython's `infer_type`); `None` when it depends on the run.
fn literal_type(c: &Compiler<'_>, e: &Expr) -> Option<&'static str> {
    if let Some(value) = c.const_value(e) {
        return Some(constant_type(&value));
    }
    Some(match &e.kind {
        ExprKind::Tuple(_) => "tuple",
        ExprKind::List(_) | ExprKind::ListComp { .. } => "list",
        ExprKind::Dict { .. } | ExprKind::DictComp { .. } => "dict",
        ExprKind::Set(_) | ExprKind::SetComp { .. } => "set",
        ExprKind::GeneratorExp { .. } => "generator",
        ExprKind::Lambda { .. } => "function",
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "str",
        _ => return None,
    })
}

fn constant_type(c: &Constant) -> &'static str {
    match c {
        Constant::None => "NoneType",
        Constant::Bool(_) => "bool",
        Constant::Int(_) => "int",
        Constant::Float(_) => "float",
        Constant::Complex(_) => "complex",
        Constant::Str(_) => "str",
        Constant::Bytes(_) => "bytes",
        Constant::Tuple(_) => "tuple",
        Constant::FrozenSet(_) => "frozenset",
        Constant::Code(_) => "code",
        Constant::Ellipsis => "ellipsis",
    }
}

impl Compiler<'_> {
    /// Records a `SyntaxWarning` pointing at `span`.
    fn syntax_warning(&mut self, msg: String, span: Span) {
        let mut error = SyntaxError::at(
            SyntaxErrorKind::SyntaxError,
            msg,
            &self.filename,
            self.source,
            span,
        );
        error.origin = ErrorOrigin::Compiler;
        self.warnings.push(CompileWarning {
            category: WarningCategory::SyntaxWarning,
            error,
        });
    }

    /// `x is 1`: identity with a literal other than None, True, False and
    /// `...` (whose identity is not guaranteed).
    pub(super) fn check_compare(
        &mut self,
        left: &Expr,
        ops: &[CmpOp],
        comparators: &[Expr],
        span: Span,
    ) {
        let is_literal = |c: &Compiler<'_>, e: &Expr| {
            !matches!(
                c.const_value(e),
                None | Some(Constant::None | Constant::Bool(_) | Constant::Ellipsis)
            )
        };
        let mut lhs = left;
        for (op, rhs) in ops.iter().zip(comparators) {
            if matches!(op, CmpOp::Is | CmpOp::IsNot)
                && (is_literal(self, lhs) || is_literal(self, rhs))
            {
                let msg = if *op == CmpOp::Is {
                    "\"is\" with a literal. Did you mean \"==\"?"
                } else {
                    "\"is not\" with a literal. Did you mean \"!=\"?"
                };
                self.syntax_warning(msg.to_string(), span);
                return;
            }
            lhs = rhs;
        }
    }

    /// `"a" ("b")`: a call of a literal, which can only fail.
    pub(super) fn check_caller(&mut self, func: &Expr, span: Span) {
        let callable_literal = matches!(
            func.kind,
            ExprKind::Constant(_)
                | ExprKind::Tuple(_)
                | ExprKind::List(_)
                | ExprKind::ListComp { .. }
                | ExprKind::Dict { .. }
                | ExprKind::DictComp { .. }
                | ExprKind::Set(_)
                | ExprKind::SetComp { .. }
                | ExprKind::GeneratorExp { .. }
                | ExprKind::JoinedStr(_)
                | ExprKind::FormattedValue { .. }
        ) || self.const_value(func).is_some();
        if !callable_literal {
            return;
        }
        if let Some(ty) = literal_type(self, func) {
            self.syntax_warning(
                format!("'{ty}' object is not callable; perhaps you missed a comma?"),
                span,
            );
        }
    }

    /// `1 [0]` and `(1, 2) ["a"]`: indexing a literal that cannot be
    /// indexed, or with an index of a type it cannot take.
    pub(super) fn check_subscript(&mut self, value: &Expr, index: &Expr, span: Span) {
        let constant = self.const_value(value);
        let unsubscriptable = match &constant {
            Some(c) => !matches!(
                c,
                Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_)
            ),
            None => matches!(
                value.kind,
                ExprKind::Set(_)
                    | ExprKind::SetComp { .. }
                    | ExprKind::GeneratorExp { .. }
                    | ExprKind::Lambda { .. }
            ),
        };
        let Some(value_type) = literal_type(self, value) else {
            return;
        };
        if unsubscriptable {
            self.syntax_warning(
                format!("'{value_type}' object is not subscriptable; perhaps you missed a comma?"),
                span,
            );
            return;
        }
        let sequence = constant.is_some()
            || matches!(
                value.kind,
                ExprKind::Tuple(_)
                    | ExprKind::List(_)
                    | ExprKind::ListComp { .. }
                    | ExprKind::JoinedStr(_)
                    | ExprKind::FormattedValue { .. }
            );
        let index_type = match literal_type(self, index) {
            Some("int" | "bool") | None => return,
            Some(t) => t,
        };
        if sequence {
            self.syntax_warning(
                format!(
                    "{value_type} indices must be integers or slices, not {index_type}; perhaps you missed a comma?"
                ),
                span,
            );
        }
    }

    /// `assert (x, "msg")`: a non-empty tuple is always true.
    pub(super) fn check_assert(&mut self, test: &Expr, span: Span) {
        let tuple = matches!(&test.kind, ExprKind::Tuple(items) if !items.is_empty())
            || matches!(self.const_value(test), Some(Constant::Tuple(items)) if !items.is_empty());
        if tuple {
            self.syntax_warning(
                "assertion is always true, perhaps remove parentheses?".to_string(),
                span,
            );
        }
    }
}
