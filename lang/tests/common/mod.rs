//! Shared checks for the parser tests.
#![allow(dead_code)]

use towel_lang::ast::Module;
use towel_lang::parser::visit::{expr_children, stmt_children, Node};

/// Checks that every span lies within the source and inside its parent's.
/// Decorators are exempt: as in CPython, a definition's span starts at
/// `def`/`class`, after them.
pub fn check_spans(source: &str, m: &Module) -> Result<(), String> {
    let len = source.len() as u32;
    let mut errors = Vec::new();
    for s in &m.body {
        walk(Node::Stmt(s), None, len, &mut errors);
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("\n"))
    }
}

fn walk(node: Node<'_>, parent: Option<Node<'_>>, len: u32, errors: &mut Vec<String>) {
    let span = node.span();
    if span.start > span.end || span.end > len {
        errors.push(format!("span {span:?} outside the source (len {len})"));
    }
    if let Some(p) = parent {
        let ps = p.span();
        let is_decorator = match (p, node) {
            (Node::Stmt(s), Node::Expr(e)) => match &s.kind {
                towel_lang::ast::StmtKind::FunctionDef(f) => {
                    f.decorators.iter().any(|d| std::ptr::eq(d, e))
                }
                towel_lang::ast::StmtKind::ClassDef(c) => {
                    c.decorators.iter().any(|d| std::ptr::eq(d, e))
                }
                _ => false,
            },
            _ => false,
        };
        if !is_decorator && (span.start < ps.start || span.end > ps.end) {
            errors.push(format!("child span {span:?} not inside parent span {ps:?}"));
        }
    }
    let mut children = Vec::new();
    match node {
        Node::Stmt(s) => stmt_children(s, &mut |c| children.push(c)),
        Node::Expr(e) => expr_children(e, &mut |c| children.push(c)),
    }
    for c in children {
        walk(c, Some(node), len, errors);
    }
}
