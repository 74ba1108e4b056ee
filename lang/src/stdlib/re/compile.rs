//! Compiles a [`Node`] tree to the instructions of the backtracking
//! matcher ([`super::exec`]).
//!
//! Invariants: a capturing group `g` writes slots `2g` and `2g+1`; every
//! general repeat has its own counter id; single-character repeats become
//! one `RepeatOne` (CPython's REPEAT_ONE), which backtracks by stepping back
//! instead of stacking a choice per character.

use super::parse::{At, Case, Node, RepeatKind};
use super::unicode::Class;

/// Something that matches exactly one character.
#[derive(Debug, Clone, Copy)]
pub enum Single {
    Char(u32),
    CharCase(u32, Case),
    /// `.` without DOTALL.
    Any,
    AnyAll,
    /// A set, by index in [`Program::sets`].
    Set(u32),
}

#[derive(Debug, Clone)]
pub enum Inst {
    One(Single),
    /// A run of case-sensitive literals, by index in [`Program::strings`].
    Str(u32),
    At(At),
    /// Try `.0` first, and `.1` on backtracking.
    Split(usize, usize),
    Jmp(usize),
    Save(usize),
    RepeatOne {
        single: Single,
        min: u32,
        max: u32,
        kind: RepeatKind,
    },
    /// Starts repeat `id`: its count is 0.
    RepeatInit {
        id: usize,
    },
    /// The loop head of repeat `id`, reached before each iteration.
    RepeatHead {
        id: usize,
        min: u32,
        max: u32,
        lazy: bool,
        body: usize,
        exit: usize,
    },
    /// Starts an iteration: records where it began (for the empty-match rule).
    RepeatBody {
        id: usize,
    },
    /// Ends an iteration: counts it and returns to the head.
    RepeatTail {
        id: usize,
        head: usize,
    },
    AtomicStart,
    AtomicEnd,
    /// `after` is the instruction following the lookaround.
    LookStart {
        behind: Option<u32>,
        negate: bool,
        after: usize,
    },
    LookEnd {
        negate: bool,
    },
    Backref {
        group: usize,
        case: Case,
    },
    /// Goes on if the group has matched, else jumps to `no`.
    GroupExists {
        group: usize,
        no: usize,
    },
    Match,
}

/// A compiled pattern.
pub struct Program {
    pub insts: Vec<Inst>,
    pub sets: Vec<Class>,
    pub strings: Vec<Vec<u32>>,
    pub groups: usize,
    pub repeats: usize,
    /// Literal text every match starts with (case-sensitive).
    pub prefix: Vec<u32>,
    /// The pattern can match only at the start of the string.
    pub anchored: bool,
    /// A character every match starts with, when there is no prefix.
    pub first: Option<Single>,
    /// The code points below 256 a match can start with, when every match
    /// starts with one of them (`agggtaaa|tttaccct`).
    pub first_bytes: Option<[u64; 4]>,
}

pub fn compile(node: &Node, groups: usize) -> Program {
    let mut c = Compiler {
        prog: Program {
            insts: Vec::new(),
            sets: Vec::new(),
            strings: Vec::new(),
            groups,
            repeats: 0,
            prefix: Vec::new(),
            anchored: false,
            first: None,
            first_bytes: None,
        },
    };
    c.node(node);
    c.emit(Inst::Match);
    c.analyse();
    if c.prog.prefix.is_empty() && c.prog.first.is_none() && !c.prog.anchored {
        c.prog.first_bytes = first_bytes(node);
    }
    c.prog
}

/// The code points below 256 that every match of `node` starts with, if
/// `node` cannot match empty and can start with nothing else.
fn first_bytes(node: &Node) -> Option<[u64; 4]> {
    let mut bits = [0u64; 4];
    match node {
        Node::Literal { c, icase } => {
            if *c >= 256 || *icase == Case::UnicodeIgnore {
                return None;
            }
            bits[(*c >> 6) as usize] |= 1 << (c & 63);
            if *icase == Case::AsciiIgnore && *c < 128 {
                for v in [
                    (*c as u8).to_ascii_lowercase(),
                    (*c as u8).to_ascii_uppercase(),
                ] {
                    bits[(v >> 6) as usize] |= 1 << (v & 63);
                }
            }
        }
        Node::Set(class) => {
            if !class.latin1_only() {
                return None;
            }
            for c in 0..256u32 {
                if class.contains(c) {
                    bits[(c >> 6) as usize] |= 1 << (c & 63);
                }
            }
        }
        Node::Concat(items) => return items.first().and_then(first_bytes),
        Node::Alternate(branches) => {
            for b in branches {
                let more = first_bytes(b)?;
                for (w, m) in bits.iter_mut().zip(more) {
                    *w |= m;
                }
            }
        }
        Node::Group(_, inner) | Node::Atomic(inner) => return first_bytes(inner),
        Node::Repeat { node, min, .. } if *min > 0 => return first_bytes(node),
        _ => return None,
    }
    Some(bits)
}

struct Compiler {
    prog: Program,
}

impl Compiler {
    fn emit(&mut self, inst: Inst) -> usize {
        self.prog.insts.push(inst);
        self.prog.insts.len() - 1
    }

    fn here(&self) -> usize {
        self.prog.insts.len()
    }

    fn patch(&mut self, at: usize, target: usize) {
        match &mut self.prog.insts[at] {
            Inst::Jmp(t) => *t = target,
            Inst::Split(_, second) => *second = target,
            Inst::RepeatHead { exit, .. } => *exit = target,
            Inst::LookStart { after, .. } => *after = target,
            Inst::GroupExists { no, .. } => *no = target,
            _ => {}
        }
    }

    /// The one-character matcher `node` is, if it is one.
    fn single(&mut self, node: &Node) -> Option<Single> {
        Some(match node {
            Node::Literal {
                c,
                icase: Case::Sensitive,
            } => Single::Char(*c),
            Node::Literal { c, icase } => Single::CharCase(*c, *icase),
            Node::Any { all: false } => Single::Any,
            Node::Any { all: true } => Single::AnyAll,
            Node::Set(class) => match class.as_single_char() {
                Some(c) => Single::Char(c),
                None => {
                    self.prog.sets.push((**class).clone());
                    Single::Set(self.prog.sets.len() as u32 - 1)
                }
            },
            _ => return None,
        })
    }

    fn node(&mut self, node: &Node) {
        match node {
            Node::Empty => {}
            Node::Literal { .. } | Node::Any { .. } | Node::Set(_) => {
                if let Some(s) = self.single(node) {
                    self.emit(Inst::One(s));
                }
            }
            Node::Concat(items) => self.concat(items),
            Node::Alternate(branches) => {
                let mut jumps = Vec::new();
                for (i, b) in branches.iter().enumerate() {
                    if i + 1 < branches.len() {
                        let split = self.emit(Inst::Split(0, 0));
                        if let Inst::Split(first, _) = &mut self.prog.insts[split] {
                            *first = split + 1;
                        }
                        self.node(b);
                        jumps.push(self.emit(Inst::Jmp(0)));
                        let next = self.here();
                        self.patch(split, next);
                    } else {
                        self.node(b);
                    }
                }
                let end = self.here();
                for j in jumps {
                    self.patch(j, end);
                }
            }
            Node::Group(g, inner) => {
                self.emit(Inst::Save(2 * g));
                self.node(inner);
                self.emit(Inst::Save(2 * g + 1));
            }
            Node::Repeat {
                node,
                min,
                max,
                kind,
            } => self.repeat(node, *min, *max, *kind),
            Node::Atomic(inner) => {
                self.emit(Inst::AtomicStart);
                self.node(inner);
                self.emit(Inst::AtomicEnd);
            }
            Node::Look {
                behind,
                negate,
                width,
                node,
            } => {
                let start = self.emit(Inst::LookStart {
                    behind: behind.then_some(*width),
                    negate: *negate,
                    after: 0,
                });
                self.node(node);
                self.emit(Inst::LookEnd { negate: *negate });
                let after = self.here();
                self.patch(start, after);
            }
            Node::Backref { group, icase } => {
                self.emit(Inst::Backref {
                    group: *group,
                    case: *icase,
                });
            }
            Node::GroupExists { group, yes, no } => {
                let test = self.emit(Inst::GroupExists {
                    group: *group,
                    no: 0,
                });
                self.node(yes);
                let jump = self.emit(Inst::Jmp(0));
                let no_start = self.here();
                self.patch(test, no_start);
                self.node(no);
                let end = self.here();
                self.patch(jump, end);
            }
            Node::At(at) => {
                self.emit(Inst::At(*at));
            }
        }
    }

    /// A sequence, with runs of case-sensitive literals joined into strings.
    fn concat(&mut self, items: &[Node]) {
        let mut run: Vec<u32> = Vec::new();
        for item in items {
            if let Node::Literal {
                c,
                icase: Case::Sensitive,
            } = item
            {
                run.push(*c);
                continue;
            }
            self.flush(&mut run);
            self.node(item);
        }
        self.flush(&mut run);
    }

    fn flush(&mut self, run: &mut Vec<u32>) {
        match run.len() {
            0 => {}
            1 => {
                self.emit(Inst::One(Single::Char(run[0])));
            }
            _ => {
                self.prog.strings.push(std::mem::take(run));
                let idx = self.prog.strings.len() as u32 - 1;
                self.emit(Inst::Str(idx));
            }
        }
        run.clear();
    }

    fn repeat(&mut self, node: &Node, min: u32, max: u32, kind: RepeatKind) {
        if let Some(single) = self.single(node) {
            self.emit(Inst::RepeatOne {
                single,
                min,
                max,
                kind,
            });
            return;
        }
        if kind == RepeatKind::Possessive {
            self.emit(Inst::AtomicStart);
            self.repeat(node, min, max, RepeatKind::Greedy);
            self.emit(Inst::AtomicEnd);
            return;
        }
        let id = self.prog.repeats;
        self.prog.repeats += 1;
        self.emit(Inst::RepeatInit { id });
        let head = self.emit(Inst::RepeatHead {
            id,
            min,
            max,
            lazy: kind == RepeatKind::Lazy,
            body: 0,
            exit: 0,
        });
        let body = self.emit(Inst::RepeatBody { id });
        if let Inst::RepeatHead { body: b, .. } = &mut self.prog.insts[head] {
            *b = body;
        }
        self.node(node);
        self.emit(Inst::RepeatTail { id, head });
        let exit = self.here();
        self.patch(head, exit);
    }

    /// Finds what every match starts with, for the search loop.
    fn analyse(&mut self) {
        let mut pc = 0;
        while let Some(Inst::Save(_)) = self.prog.insts.get(pc) {
            pc += 1;
        }
        match self.prog.insts.get(pc) {
            Some(Inst::At(At::Beginning)) => self.prog.anchored = true,
            Some(Inst::Str(i)) => self.prog.prefix = self.prog.strings[*i as usize].clone(),
            Some(Inst::One(s)) => match s {
                Single::Char(c) => self.prog.prefix = vec![*c],
                _ => self.prog.first = Some(*s),
            },
            Some(Inst::RepeatOne { single, min, .. }) if *min > 0 => match single {
                Single::Char(c) => self.prog.prefix = vec![*c],
                _ => self.prog.first = Some(*single),
            },
            _ => {}
        }
    }
}
