//! Code generation for `match` statements: a port of CPython 3.10's
//! `compiler_match` and `compiler_pattern_*` (the instruction set is
//! 3.10's, with `ROT_N` and `DUP_TOP`), with CPython's compile-time checks
//! and messages.
//!
//! # How it works
//! The subject is evaluated once; every case but the last matches against
//! a `DUP_TOP` copy. A pattern consumes the value it matches: it either
//! leaves the values of its captures on the stack and falls through, or
//! jumps to a *fail-pop* block. Captured values are not stored as they are
//! found, since a later part of the pattern may still fail: each is rotated
//! (`ROT_N`) underneath whatever the pattern still needs on the stack, and
//! the case stores them all at once when the whole pattern has matched.
//!
//! [`PatternContext`] keeps that bookkeeping: `on_top` counts the values
//! the pattern is working on above the captures, `stores` names the
//! captures (innermost on the stack first), and `fail_pop[n]` is a block
//! that pops `n` values and falls into `fail_pop[n - 1]`, so that a failed
//! test jumps to `fail_pop[on_top + stores.len()]` and leaves the stack as
//! the case found it. Or-patterns run each alternative on a fresh context
//! and reorder the captures of later alternatives to match the first's.

use super::assemble::BlockId;
use super::codegen::{CResult, Compiler, NameCtx};
use super::expr::binop_index;
use super::fold;
use crate::ast::{BinOp, Expr, ExprKind, MatchCase, Pattern, PatternKind};
use crate::bytecode::{Constant, Opcode};
use num_bigint::BigInt;
use num_traits::FromPrimitive;
use std::rc::Rc;

/// `COMPARE_OP` arguments (indices into `COMPARE_OPS`).
const CMP_EQ: u32 = 2;
const CMP_GE: u32 = 5;

/// CPython's `pattern_context`.
#[derive(Default)]
struct PatternContext<'a> {
    /// The names captured so far, in the order their values will be stored.
    stores: Vec<&'a str>,
    /// Whether an irrefutable pattern is allowed here (it is not in a
    /// case followed by other cases, unless the case has a guard).
    allow_irrefutable: bool,
    /// `fail_pop[n]` pops `n` values, then continues into `fail_pop[n - 1]`.
    fail_pop: Vec<BlockId>,
    /// Values above the captures that must survive a successful sub-match.
    on_top: usize,
}

impl<'a> PatternContext<'a> {
    fn reset(&mut self, allow_irrefutable: bool) {
        self.stores.clear();
        self.allow_irrefutable = allow_irrefutable;
        self.fail_pop.clear();
        self.on_top = 0;
    }
}

/// The identity of a mapping-pattern key under Python's `==` and `hash`
/// (`1`, `1.0` and `True` are one key), for the duplicate-key check.
#[derive(PartialEq)]
enum KeyIdentity {
    Int(BigInt),
    Float(u64),
    /// Real and imaginary parts (with no zero sign).
    Complex(u64, u64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    None,
    /// Never equal to anything (NaN, or a constant kind keys cannot have).
    Unique,
}

fn key_identity(c: &Constant) -> KeyIdentity {
    match c {
        Constant::Bool(b) => KeyIdentity::Int(BigInt::from(u8::from(*b))),
        Constant::Int(i) => KeyIdentity::Int(i.clone()),
        Constant::Float(f) if f.is_nan() => KeyIdentity::Unique,
        Constant::Float(f) if f.fract() == 0.0 => match BigInt::from_f64(*f) {
            Some(i) => KeyIdentity::Int(i),
            None => KeyIdentity::Float(f.to_bits()),
        },
        Constant::Float(f) => KeyIdentity::Float(f.to_bits()),
        Constant::Complex(re, im) => complex_identity(*re, *im),
        Constant::Str(s) => KeyIdentity::Str(s.clone()),
        Constant::Bytes(b) => KeyIdentity::Bytes(b.clone()),
        Constant::None => KeyIdentity::None,
        Constant::Tuple(_) | Constant::FrozenSet(_) | Constant::Code(_) | Constant::Ellipsis => {
            KeyIdentity::Unique
        }
    }
}

/// The identity of the complex number `re + im*j` as a key.
fn complex_identity(re: f64, im: f64) -> KeyIdentity {
    if re.is_nan() || im.is_nan() {
        KeyIdentity::Unique
    } else if im == 0.0 {
        key_identity(&Constant::Float(re))
    } else {
        // `+ 0.0` turns -0.0 into 0.0, which compares equal to it.
        KeyIdentity::Complex((re + 0.0).to_bits(), (im + 0.0).to_bits())
    }
}

/// The parts of a complex literal key (`1+2j`, `-1.5-2j`) that did not fold
/// into a constant.
fn complex_literal(e: &Expr) -> Option<(f64, f64)> {
    fn real(e: &Expr) -> Option<f64> {
        match fold::const_value(e)? {
            Constant::Int(i) => i.to_string().parse().ok(),
            Constant::Float(f) => Some(f),
            _ => None,
        }
    }
    let ExprKind::BinOp { left, op, right } = &e.kind else {
        return None;
    };
    let Some(Constant::Complex(_, im)) = fold::const_value(right) else {
        return None;
    };
    let re = real(left)?;
    match op {
        BinOp::Add => Some((re, im)),
        BinOp::Sub => Some((re, -im)),
        _ => None,
    }
}

/// Python's `repr` of a complex number: `2j`, `(1+2j)`, `(1.5-0j)`.
fn complex_repr(re: f64, im: f64) -> String {
    crate::objects::complex::Complex::new(re, im).repr()
}

impl<'a> Compiler<'a> {
    /// `match subject: case ...` (CPython's `compiler_match_inner`).
    pub(super) fn compile_match(&mut self, subject: &'a Expr, cases: &'a [MatchCase]) -> CResult {
        self.compile_expr(subject)?;
        let Some(last) = cases.last() else {
            self.emit(Opcode::POP_TOP, 0);
            return Ok(());
        };
        let end = self.new_block();
        // A trailing `case _:` needs no copy of the subject and no test.
        let has_default = last.pattern.is_wildcard() && cases.len() > 1;
        let tested = cases.len() - usize::from(has_default);
        let mut pc = PatternContext::default();
        for (i, case) in cases[..tested].iter().enumerate() {
            self.u_mut().span = case.pattern.span;
            // Only the last tested case may consume the subject itself.
            let keep_subject = i + 1 != tested;
            if keep_subject {
                self.emit(Opcode::DUP_TOP, 0);
            }
            // Irrefutable cases must be either guarded, last, or both.
            pc.reset(case.guard.is_some() || i + 1 == cases.len());
            self.compile_pattern(&case.pattern, &mut pc)?;
            debug_assert_eq!(pc.on_top, 0);
            // It's a match: store the captured values (they are on the stack).
            for name in std::mem::take(&mut pc.stores) {
                self.name_op(name, NameCtx::Store)?;
            }
            if let Some(guard) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let fail = pc.fail_pop[0];
                self.jump_if(guard, fail, false)?;
            }
            if keep_subject {
                self.emit(Opcode::POP_TOP, 0);
            }
            self.compile_stmts(&case.body)?;
            self.emit_jump(Opcode::JUMP_FORWARD, end);
            // The clean-up of a failed match belongs to the pattern's line.
            self.u_mut().span = case.pattern.span;
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            self.u_mut().span = last.pattern.span;
            if let Some(guard) = &last.guard {
                self.jump_if(guard, end, false)?;
            }
            self.compile_stmts(&last.body)?;
        }
        self.use_block(end);
        Ok(())
    }

    /// Emits the code matching `p` against TOS (CPython's `compiler_pattern`).
    /// Like `SET_LOC` there, the location is left at the last pattern
    /// compiled: CPython's errors about a pattern point there.
    fn compile_pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext<'a>) -> CResult {
        self.enter_nesting(p.span, 1)?;
        self.u_mut().span = p.span;
        let result = match &p.kind {
            PatternKind::MatchValue(value) => self.compile_pattern_value(value, pc),
            PatternKind::MatchSingleton(c) => {
                self.emit_const(fold::literal(c));
                self.emit(Opcode::IS_OP, 0);
                self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
                Ok(())
            }
            PatternKind::MatchSequence(items) => self.compile_pattern_sequence(items, pc),
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => self.compile_pattern_mapping(keys, patterns, rest.as_deref(), pc),
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => self.compile_pattern_class(p, cls, patterns, kwd_attrs, kwd_patterns, pc),
            PatternKind::MatchStar(name) => self.pattern_store_name(name.as_deref(), pc),
            PatternKind::MatchAs { pattern, name } => {
                self.compile_pattern_as(pattern.as_deref(), name.as_deref(), pc)
            }
            PatternKind::MatchOr(alternatives) => self.compile_pattern_or(alternatives, pc),
        };
        self.depth -= 1;
        result
    }

    /// A pattern inside another: irrefutable ones are always allowed there.
    fn compile_subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext<'a>) -> CResult {
        let allow = std::mem::replace(&mut pc.allow_irrefutable, true);
        self.compile_pattern(p, pc)?;
        pc.allow_irrefutable = allow;
        Ok(())
    }

    // ----- fail-pop blocks ---------------------------------------------

    /// Makes sure `fail_pop[n]` exists.
    fn ensure_fail_pop(&mut self, pc: &mut PatternContext<'a>, n: usize) {
        while pc.fail_pop.len() <= n {
            let block = self.new_block();
            pc.fail_pop.push(block);
        }
    }

    /// Jumps with `op` to the block that undoes everything the pattern
    /// pushed so far: its working values and the captures.
    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext<'a>, op: Opcode) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.emit_jump(op, pc.fail_pop[pops]);
        self.next_block();
    }

    /// Lays out the fail-pop blocks (each pops one value into the next)
    /// and forgets them: the code after them is where a failure ends up.
    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext<'a>) {
        let Some((&first, rest)) = pc.fail_pop.split_first() else {
            self.next_block();
            return;
        };
        for &block in rest.iter().rev() {
            self.use_block(block);
            self.emit(Opcode::POP_TOP, 0);
        }
        self.use_block(first);
        pc.fail_pop.clear();
    }

    // ----- stack helpers -----------------------------------------------

    /// Moves TOS down to position `n` (CPython's `ROT_N`, as its optimiser
    /// spells the small ones). `n` rotations by `n` in a row cancel out,
    /// and are removed as CPython's `fold_rotations` does.
    fn emit_rotation(&mut self, n: usize) {
        let op = match n {
            0 | 1 => return,
            2 => Opcode::ROT_TWO,
            3 => Opcode::ROT_THREE,
            4 => Opcode::ROT_FOUR,
            _ => Opcode::ROT_N,
        };
        let u = self.u_mut();
        let instrs = &mut u.cfg.blocks[u.cur].instrs;
        let rotation = |op: Opcode, arg: u32| match op {
            Opcode::ROT_TWO => 2,
            Opcode::ROT_THREE => 3,
            Opcode::ROT_FOUR => 4,
            Opcode::ROT_N => arg as usize,
            _ => 0,
        };
        let before = instrs.len().saturating_sub(n - 1);
        if instrs.len() >= n - 1 && instrs[before..].iter().all(|i| rotation(i.op, i.arg) == n) {
            instrs.truncate(before);
            return;
        }
        let arg = if op == Opcode::ROT_N { n as u32 } else { 0 };
        self.emit(op, arg);
    }

    /// Captures TOS as `name` (pops it for the wildcard), checking that no
    /// name is bound twice (`pattern_helper_store_name`).
    fn pattern_store_name(
        &mut self,
        name: Option<&'a str>,
        pc: &mut PatternContext<'a>,
    ) -> CResult {
        let Some(name) = name else {
            self.emit(Opcode::POP_TOP, 0);
            return Ok(());
        };
        if name == "__debug__" {
            return Err(self.error("cannot assign to __debug__"));
        }
        if pc.stores.contains(&name) {
            return Err(self.error(format!("multiple assignments to name '{name}' in pattern")));
        }
        // Rotate the value underneath the items the pattern still needs.
        self.emit_rotation(pc.on_top + pc.stores.len() + 1);
        pc.stores.push(name);
        Ok(())
    }

    // ----- the pattern kinds -------------------------------------------

    /// `case 1:`, `case Color.RED:`: compared with `==`.
    fn compile_pattern_value(&mut self, value: &'a Expr, pc: &mut PatternContext<'a>) -> CResult {
        match &value.kind {
            ExprKind::Attribute { .. } => self.compile_expr(value)?,
            // Literals: CPython's optimiser has folded signs and complex sums into constants.
            ExprKind::Constant(_) | ExprKind::UnaryOp { .. } | ExprKind::BinOp { .. } => {
                match fold::const_value(value) {
                    Some(c) => self.emit_const(c),
                    // A literal the folder leaves to run time (an int too large for a
                    // float in a complex sum): evaluate it, as a sum, then.
                    None => self.compile_expr(value)?,
                }
            }
            _ => return Err(self.error("patterns may only match literals and attribute lookups")),
        }
        self.emit(Opcode::COMPARE_OP, CMP_EQ);
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        Ok(())
    }

    /// `pattern as name`, a capture, or the wildcard.
    fn compile_pattern_as(
        &mut self,
        pattern: Option<&'a Pattern>,
        name: Option<&'a str>,
        pc: &mut PatternContext<'a>,
    ) -> CResult {
        let Some(pattern) = pattern else {
            // An irrefutable match.
            if !pc.allow_irrefutable {
                return Err(match name {
                    Some(name) => self.error(format!(
                        "name capture '{name}' makes remaining patterns unreachable"
                    )),
                    None => self.error("wildcard makes remaining patterns unreachable"),
                });
            }
            return self.pattern_store_name(name, pc);
        };
        // A copy for (possibly) storing later.
        pc.on_top += 1;
        self.emit(Opcode::DUP_TOP, 0);
        self.compile_pattern(pattern, pc)?;
        pc.on_top -= 1;
        self.pattern_store_name(name, pc)
    }

    /// `[a, *rest, b]`, `(a, b)`, `a, b`.
    fn compile_pattern_sequence(
        &mut self,
        items: &'a [Pattern],
        pc: &mut PatternContext<'a>,
    ) -> CResult {
        let size = items.len();
        let mut star = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, item) in items.iter().enumerate() {
            if let PatternKind::MatchStar(name) = &item.kind {
                if star.is_some() {
                    return Err(self.error("multiple starred names in sequence pattern"));
                }
                star_wildcard = name.is_none();
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= item.is_wildcard();
        }
        // The subject stays on top during the sequence and length checks.
        pc.on_top += 1;
        self.emit(Opcode::MATCH_SEQUENCE, 0);
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        match star {
            None => {
                self.emit(Opcode::GET_LEN, 0);
                self.emit_const(Constant::Int(BigInt::from(size)));
                self.emit(Opcode::COMPARE_OP, CMP_EQ);
                self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
            }
            Some(_) if size > 1 => {
                self.emit(Opcode::GET_LEN, 0);
                self.emit_const(Constant::Int(BigInt::from(size - 1)));
                self.emit(Opcode::COMPARE_OP, CMP_GE);
                self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
            }
            Some(_) => {}
        }
        // Whatever comes next consumes the subject.
        pc.on_top -= 1;
        match star {
            _ if only_wildcard => {
                // `[]`, `[_]`, `[_, _]`, `[*_]`, `[_, *_]`, ...
                self.emit(Opcode::POP_TOP, 0);
                Ok(())
            }
            Some(star) if star_wildcard => self.pattern_sequence_subscr(items, star, pc),
            _ => self.pattern_sequence_unpack(items, star, pc),
        }
    }

    /// Matches the items of a sequence after unpacking it onto the stack.
    fn pattern_sequence_unpack(
        &mut self,
        items: &'a [Pattern],
        star: Option<usize>,
        pc: &mut PatternContext<'a>,
    ) -> CResult {
        let size = items.len();
        match star {
            Some(i) => {
                let after = size - i - 1;
                if i >= 1 << 8 || after >= (i32::MAX >> 8) as usize {
                    return Err(
                        self.error("too many expressions in star-unpacking sequence pattern")
                    );
                }
                self.emit(Opcode::UNPACK_EX, (i + (after << 8)) as u32);
            }
            None => self.emit(Opcode::UNPACK_SEQUENCE, size as u32),
        }
        // The unpacked values stay on the stack until each is matched.
        pc.on_top += size;
        for item in items {
            pc.on_top -= 1;
            self.compile_subpattern(item, pc)?;
        }
        Ok(())
    }

    /// Matches the items of a sequence with a `*_` by subscripting it
    /// (negative positions computed from `len`, which a sequence may not
    /// support directly): no list is built for the skipped items.
    fn pattern_sequence_subscr(
        &mut self,
        items: &'a [Pattern],
        star: usize,
        pc: &mut PatternContext<'a>,
    ) -> CResult {
        let size = items.len();
        pc.on_top += 1;
        for (i, item) in items.iter().enumerate() {
            if item.is_wildcard() || i == star {
                continue;
            }
            self.emit(Opcode::DUP_TOP, 0);
            if i < star {
                self.emit_const(Constant::Int(BigInt::from(i)));
            } else {
                self.emit(Opcode::GET_LEN, 0);
                self.emit_const(Constant::Int(BigInt::from(size - i)));
                self.emit(Opcode::BINARY_OP, binop_index(BinOp::Sub));
            }
            self.emit(Opcode::BINARY_SUBSCR, 0);
            self.compile_subpattern(item, pc)?;
        }
        pc.on_top -= 1;
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }

    /// `{"key": pattern, Const.KEY: pattern, **rest}`.
    fn compile_pattern_mapping(
        &mut self,
        keys: &'a [Expr],
        patterns: &'a [Pattern],
        rest: Option<&'a str>,
        pc: &mut PatternContext<'a>,
    ) -> CResult {
        let size = keys.len();
        // The subject stays on top during the mapping and length checks.
        pc.on_top += 1;
        self.emit(Opcode::MATCH_MAPPING, 0);
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        if size == 0 && rest.is_none() {
            // `{}`: done; pop the subject.
            pc.on_top -= 1;
            self.emit(Opcode::POP_TOP, 0);
            return Ok(());
        }
        if size > 0 {
            self.emit(Opcode::GET_LEN, 0);
            self.emit_const(Constant::Int(BigInt::from(size)));
            self.emit(Opcode::COMPARE_OP, CMP_GE);
            self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        }
        // The keys, as one tuple: literals (no two equal) or dotted names.
        let mut seen: Vec<KeyIdentity> = Vec::new();
        let mut constants: Vec<Option<Constant>> = Vec::with_capacity(size);
        for key in keys {
            let folded = match &key.kind {
                ExprKind::Attribute { .. } => None,
                ExprKind::JoinedStr(_) => None,
                _ => fold::const_value(key),
            };
            let identity = match (&folded, complex_literal(key)) {
                (Some(Constant::Complex(re, im)), _) => {
                    Some((complex_identity(*re, *im), complex_repr(*re, *im)))
                }
                (Some(c), _) => Some((key_identity(c), c.to_string())),
                // Evaluated at run time, but still checked for duplicates.
                (None, Some((re, im))) => Some((complex_identity(re, im), complex_repr(re, im))),
                (None, None) if matches!(key.kind, ExprKind::Attribute { .. }) => None,
                (None, None) => {
                    return Err(self.error(
                        "mapping pattern keys may only match literals and attribute lookups",
                    ))
                }
            };
            if let Some((identity, repr)) = identity {
                if identity != KeyIdentity::Unique && seen.contains(&identity) {
                    return Err(
                        self.error(format!("mapping pattern checks duplicate key ({repr})"))
                    );
                }
                seen.push(identity);
            }
            constants.push(folded);
        }
        let all_constant: Option<Vec<Constant>> = constants.iter().cloned().collect();
        match all_constant {
            Some(items) => self.emit_const(Constant::Tuple(Rc::from(items))),
            None => {
                for (key, folded) in keys.iter().zip(constants) {
                    match folded {
                        Some(c) => self.emit_const(c),
                        None => self.compile_expr(key)?,
                    }
                }
                self.emit(Opcode::BUILD_TUPLE, size as u32);
            }
        }
        self.emit(Opcode::MATCH_KEYS, 0);
        // Now a tuple of keys and a tuple of values sit on top of the subject.
        pc.on_top += 2;
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        for (i, pattern) in patterns.iter().enumerate() {
            if pattern.is_wildcard() {
                continue;
            }
            self.emit(Opcode::DUP_TOP, 0);
            self.emit_const(Constant::Int(BigInt::from(i)));
            self.emit(Opcode::BINARY_SUBSCR, 0);
            self.compile_subpattern(pattern, pc)?;
        }
        // A match: done with the values, and (unless `**rest` wants them) the keys.
        pc.on_top -= 2;
        self.emit(Opcode::POP_TOP, 0);
        match rest {
            Some(_) => {
                self.emit(Opcode::COPY_DICT_WITHOUT_KEYS, 0);
                self.pattern_store_name(rest, pc)?;
            }
            None => self.emit(Opcode::POP_TOP, 0),
        }
        pc.on_top -= 1;
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }

    /// `Cls(p1, p2, attr=p3)`.
    fn compile_pattern_class(
        &mut self,
        p: &'a Pattern,
        cls: &'a Expr,
        patterns: &'a [Pattern],
        kwd_attrs: &'a [String],
        kwd_patterns: &'a [Pattern],
        pc: &mut PatternContext<'a>,
    ) -> CResult {
        if kwd_attrs.len() != kwd_patterns.len() {
            return Err(self.error(format!(
                "kwd_attrs ({}) / kwd_patterns ({}) length mismatch in class pattern",
                kwd_attrs.len(),
                kwd_patterns.len()
            )));
        }
        if !kwd_attrs.is_empty() {
            // Errors point at the sub-pattern: the attribute names carry no location.
            for (i, attr) in kwd_attrs.iter().enumerate() {
                self.u_mut().span = kwd_patterns[i].span;
                if attr == "__debug__" {
                    return Err(self.error("cannot assign to __debug__"));
                }
                if let Some(j) = (i + 1..kwd_attrs.len()).find(|&j| kwd_attrs[j] == *attr) {
                    self.u_mut().span = kwd_patterns[j].span;
                    return Err(
                        self.error(format!("attribute name repeated in class pattern: {attr}"))
                    );
                }
            }
            self.u_mut().span = p.span;
        }
        self.compile_expr(cls)?;
        let names: Vec<Constant> = kwd_attrs
            .iter()
            .map(|a| Constant::Str(Rc::from(a.as_str())))
            .collect();
        self.emit_const(Constant::Tuple(Rc::from(names)));
        self.emit(Opcode::MATCH_CLASS, patterns.len() as u32);
        // TOS is now a tuple of the attributes: keep it while they are matched.
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        for (i, pattern) in patterns.iter().chain(kwd_patterns).enumerate() {
            if pattern.is_wildcard() {
                continue;
            }
            self.emit(Opcode::DUP_TOP, 0);
            self.emit_const(Constant::Int(BigInt::from(i)));
            self.emit(Opcode::BINARY_SUBSCR, 0);
            self.compile_subpattern(pattern, pc)?;
        }
        pc.on_top -= 1;
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }

    /// `p1 | p2 | ...`: every alternative binds the same names, and the
    /// captures of each are left on the stack in the first one's order.
    fn compile_pattern_or(
        &mut self,
        alternatives: &'a [Pattern],
        pc: &mut PatternContext<'a>,
    ) -> CResult {
        let end = self.new_block();
        let outer_stores = std::mem::take(&mut pc.stores);
        let outer_fail_pop = std::mem::take(&mut pc.fail_pop);
        let outer_on_top = pc.on_top;
        let outer_allow = pc.allow_irrefutable;
        // The names bound by the first alternative: the others must bind
        // the same ones, and are reordered to match. (On an error the
        // context is abandoned with the compilation.)
        let mut control: Option<Vec<&'a str>> = None;
        for (i, alt) in alternatives.iter().enumerate() {
            self.u_mut().span = alt.span;
            pc.stores = Vec::new();
            // An irrefutable alternative must be last, if it is allowed at all.
            pc.allow_irrefutable = i + 1 == alternatives.len() && outer_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Opcode::DUP_TOP, 0);
            self.compile_pattern(alt, pc)?;
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(control) => self.reorder_captures(control, pc)?,
            }
            self.emit_jump(Opcode::JUMP_FORWARD, end);
            self.next_block();
            self.emit_and_reset_fail_pop(pc);
        }
        pc.stores = outer_stores;
        pc.fail_pop = outer_fail_pop;
        pc.on_top = outer_on_top;
        pc.allow_irrefutable = outer_allow;
        // No alternative matched: pop the remaining copy of the subject and fail.
        self.emit(Opcode::POP_TOP, 0);
        self.jump_to_fail_pop(pc, Opcode::JUMP_FORWARD);
        self.use_block(end);
        let control = control.unwrap_or_default();
        // Between the new captures and where they belong are: the other
        // new captures, the copy of the subject, the pattern's working
        // values and the captures made before this or-pattern.
        let rotations = control.len() + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.emit_rotation(rotations);
            if pc.stores.contains(&name) {
                return Err(self.error(format!("multiple assignments to name '{name}' in pattern")));
            }
            pc.stores.push(name);
        }
        // Pop the copy of the subject.
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }

    /// Checks that an alternative bound the names of the first one, and
    /// rotates its captures on the stack into the first one's order.
    fn reorder_captures(&mut self, control: &[&'a str], pc: &mut PatternContext<'a>) -> CResult {
        let diff = || "alternative patterns bind different names";
        if pc.stores.len() != control.len() {
            return Err(self.error(diff()));
        }
        for icontrol in (0..control.len()).rev() {
            let name = control[icontrol];
            let Some(istores) = pc.stores.iter().position(|&n| n == name) else {
                return Err(self.error(diff()));
            };
            if icontrol != istores {
                // Move the first `istores + 1` names to just before position
                // `icontrol`, on the stack and in `stores` alike.
                let rotations = istores + 1;
                let moved: Vec<&'a str> = pc.stores.drain(..rotations).collect();
                let at = icontrol - istores;
                pc.stores.splice(at..at, moved);
                for _ in 0..rotations {
                    self.emit_rotation(icontrol + 1);
                }
            }
        }
        Ok(())
    }
}
