//! From basic blocks to a flat instruction list.
//!
//! The code generator emits into basic blocks whose jumps name blocks, not
//! positions. Here, as in CPython's `assemble()`, the blocks are laid out in
//! the order they were started, jumps to jumps are threaded, jumps to the
//! next instruction dropped, unreachable blocks removed, jump targets turned
//! into instruction indices and the maximum stack depth computed over the
//! control-flow graph (both the taken and the fall-through edge of every
//! jump, with each opcode's [`Opcode::stack_effect`]).

use crate::bytecode::{ArgKind, Instr, Opcode, SuspendKind};
use crate::source::Span;

/// Index of a block in [`Cfg::blocks`].
pub type BlockId = usize;

/// An instruction before assembly: jumps name their target block.
#[derive(Clone, Debug)]
pub struct Ins {
    pub op: Opcode,
    pub arg: u32,
    pub target: Option<BlockId>,
    pub span: Span,
    /// For `YIELD_VALUE`/`YIELD_FROM`: what is awaited and the span of its source text.
    pub suspend: Option<(SuspendKind, Span)>,
    /// A jump whose line must show when it runs: never threaded through.
    pub own_line: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Block {
    pub instrs: Vec<Ins>,
}

/// The blocks of one code object, with the order they were started in.
#[derive(Debug, Default)]
pub struct Cfg {
    pub blocks: Vec<Block>,
    pub layout: Vec<BlockId>,
}

/// A laid-out instruction stream.
pub struct Assembled {
    pub instructions: Vec<Instr>,
    pub spans: Vec<Span>,
    pub suspensions: Vec<(u32, SuspendKind, Span)>,
    pub stacksize: u32,
}

/// Opcodes after which control never falls through to the next instruction.
pub fn is_terminator(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::JUMP_FORWARD
            | Opcode::JUMP_ABSOLUTE
            | Opcode::RETURN_VALUE
            | Opcode::RAISE_VARARGS
            | Opcode::RERAISE
    )
}

fn is_unconditional_jump(op: Opcode) -> bool {
    matches!(op, Opcode::JUMP_FORWARD | Opcode::JUMP_ABSOLUTE)
}

impl Cfg {
    pub fn new_block(&mut self) -> BlockId {
        self.blocks.push(Block::default());
        self.blocks.len() - 1
    }

    /// The first instruction control reaches when jumping to `block`
    /// (skipping empty blocks, which fall through), with its block.
    fn first_instr(&self, block: BlockId, pos: &[Option<usize>]) -> Option<(BlockId, &Ins)> {
        let start = pos[block]?;
        self.layout[start..]
            .iter()
            .find_map(|&b| self.blocks[b].instrs.first().map(|i| (b, i)))
    }

    /// Lays the blocks out, simplifies jumps and removes dead code and the
    /// NOPs no line needs (`line_of` gives a span's line).
    pub fn assemble(mut self, line_of: impl Fn(Span) -> u32) -> Assembled {
        // Instructions after a terminator in the same block can never run.
        for block in &mut self.blocks {
            if let Some(i) = block.instrs.iter().position(|i| is_terminator(i.op)) {
                block.instrs.truncate(i + 1);
            }
        }
        self.thread_jumps();
        self.remove_unreachable();
        self.remove_jumps_to_next();
        self.remove_unreachable();
        self.remove_redundant_nops(line_of);
        self.linearize()
    }

    /// A NOP is there to give its line an instruction (`pass`, `while
    /// True:`), for line tracing; it goes when an instruction of the same
    /// line comes right before it in its block, right after it, or first in
    /// the next block (CPython's `clean_basic_block`).
    fn remove_redundant_nops(&mut self, line_of: impl Fn(Span) -> u32) {
        for li in 0..self.layout.len() {
            let b = self.layout[li];
            let next_first = self.layout[li + 1..]
                .iter()
                .find_map(|&n| self.blocks[n].instrs.first())
                .map(|i| line_of(i.span));
            let instrs = std::mem::take(&mut self.blocks[b].instrs);
            let mut kept: Vec<Ins> = Vec::with_capacity(instrs.len());
            let mut prev_line = None;
            for (i, ins) in instrs.iter().enumerate() {
                let line = line_of(ins.span);
                if ins.op == Opcode::NOP {
                    let next_line = match instrs.get(i + 1) {
                        Some(next) => Some(line_of(next.span)),
                        None => next_first,
                    };
                    if prev_line == Some(line) || next_line == Some(line) {
                        continue;
                    }
                }
                prev_line = Some(line);
                kept.push(ins.clone());
            }
            self.blocks[b].instrs = kept;
        }
    }

    fn positions(&self) -> Vec<Option<usize>> {
        let mut pos = vec![None; self.blocks.len()];
        for (i, &b) in self.layout.iter().enumerate() {
            pos[b] = Some(i);
        }
        pos
    }

    /// A jump to an unconditional jump goes straight to the final target.
    fn thread_jumps(&mut self) {
        let pos = self.positions();
        for b in 0..self.blocks.len() {
            for i in 0..self.blocks[b].instrs.len() {
                let ins = &self.blocks[b].instrs[i];
                let threadable = matches!(
                    ins.op,
                    Opcode::JUMP_FORWARD
                        | Opcode::JUMP_ABSOLUTE
                        | Opcode::POP_JUMP_IF_FALSE
                        | Opcode::POP_JUMP_IF_TRUE
                        | Opcode::JUMP_IF_FALSE_OR_POP
                        | Opcode::JUMP_IF_TRUE_OR_POP
                );
                let Some(mut target) = ins.target else {
                    continue;
                };
                if !threadable {
                    continue;
                }
                // Bounded, so that a jump cycle (`while True: pass`) cannot loop forever.
                for _ in 0..16 {
                    match self.first_instr(target, &pos) {
                        Some((tb, next))
                            if is_unconditional_jump(next.op)
                                && next.target.is_some()
                                && !next.own_line =>
                        {
                            let t = next.target.unwrap_or(tb);
                            if t == target {
                                break;
                            }
                            target = t;
                        }
                        _ => break,
                    }
                }
                self.blocks[b].instrs[i].target = Some(target);
            }
        }
    }

    /// An unconditional jump to the instruction right after it becomes a
    /// NOP, which stays only if its line needs it (a `break` at the end of
    /// a loop, for line tracing; see `remove_redundant_nops`).
    fn remove_jumps_to_next(&mut self) {
        let pos = self.positions();
        for li in 0..self.layout.len() {
            let b = self.layout[li];
            let Some(last) = self.blocks[b].instrs.last() else {
                continue;
            };
            if !is_unconditional_jump(last.op) {
                continue;
            }
            let Some(target) = last.target else { continue };
            let next = self.layout[li + 1..]
                .iter()
                .find(|&&n| !self.blocks[n].instrs.is_empty());
            let target_first = self.first_instr(target, &pos).map(|(tb, _)| tb);
            if next.is_some() && next.copied() == target_first {
                if let Some(jump) = self.blocks[b].instrs.last_mut() {
                    jump.op = Opcode::NOP;
                    jump.target = None;
                }
            }
        }
    }

    /// Drops blocks that no path from the entry reaches.
    fn remove_unreachable(&mut self) {
        let pos = self.positions();
        let mut reachable = vec![false; self.blocks.len()];
        let mut work = Vec::new();
        if let Some(&entry) = self.layout.first() {
            work.push(entry);
        }
        while let Some(b) = work.pop() {
            if reachable[b] {
                continue;
            }
            reachable[b] = true;
            let block = &self.blocks[b];
            for ins in &block.instrs {
                if let Some(t) = ins.target {
                    work.push(t);
                }
            }
            let falls_through = block.instrs.last().is_none_or(|i| !is_terminator(i.op));
            if falls_through {
                if let Some(&next) = pos[b].and_then(|p| self.layout.get(p + 1)) {
                    work.push(next);
                }
            }
        }
        for (b, r) in reachable.iter().enumerate() {
            if !r {
                self.blocks[b].instrs.clear();
            }
        }
    }

    fn linearize(self) -> Assembled {
        // Each block's first instruction index; an empty block shares the next one's.
        let mut start = vec![0u32; self.blocks.len()];
        let mut n = 0u32;
        for &b in &self.layout {
            start[b] = n;
            n += self.blocks[b].instrs.len() as u32;
        }
        let mut instructions = Vec::with_capacity(n as usize);
        let mut spans = Vec::with_capacity(n as usize);
        let mut suspensions = Vec::new();
        for &b in &self.layout {
            for ins in &self.blocks[b].instrs {
                let index = instructions.len() as u32;
                let mut op = ins.op;
                let arg = match ins.target {
                    Some(t) => {
                        let target = start[t];
                        if is_unconditional_jump(op) {
                            op = if target > index {
                                Opcode::JUMP_FORWARD
                            } else {
                                Opcode::JUMP_ABSOLUTE
                            };
                        }
                        target
                    }
                    None => ins.arg,
                };
                if let Some((kind, span)) = &ins.suspend {
                    suspensions.push((index, kind.clone(), *span));
                }
                instructions.push(Instr { op, arg });
                spans.push(ins.span);
            }
        }
        let stacksize = max_stack_depth(&instructions);
        Assembled {
            instructions,
            spans,
            suspensions,
            stacksize,
        }
    }
}

/// The deepest the value stack gets, following every edge of the control-flow graph.
pub fn max_stack_depth(code: &[Instr]) -> u32 {
    let mut depth_at: Vec<Option<i32>> = vec![None; code.len()];
    let mut work = vec![(0usize, 0i32)];
    let mut max = 0i32;
    while let Some((mut pc, mut depth)) = work.pop() {
        while pc < code.len() {
            // The first depth seen wins, as in CPython; a consistent
            // code generator reaches every instruction with one depth.
            if depth_at[pc].is_some() {
                break;
            }
            depth_at[pc] = Some(depth);
            let ins = code[pc];
            if ins.op.arg_kind() == ArgKind::Jump {
                let taken = depth + ins.op.stack_effect(ins.arg, true);
                max = max.max(taken);
                work.push((ins.arg as usize, taken));
            }
            depth += ins.op.stack_effect(ins.arg, false);
            max = max.max(depth);
            if is_terminator(ins.op) {
                break;
            }
            pc += 1;
        }
    }
    max.max(0) as u32
}
