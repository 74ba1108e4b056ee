//! The backtracking matcher: runs a [`Program`] over a subject with an
//! explicit stack, so no pattern or subject can overflow the Rust stack.
//!
//! The stack holds choice points and undo records (old capture slots,
//! repeat counters, `lastindex`). Backtracking pops records, restoring what
//! they saved, until a choice point resumes. Atomic groups and lookarounds
//! push a marker; leaving them "cuts" the choices above the marker but keeps
//! the undo records, so earlier backtracking still restores captures.

use super::compile::{Inst, Program, Single};
use super::parse::At;
use super::unicode::{chars_equal, is_word};

/// The subject: code points by index (bytes, or a str's characters).
pub trait Text {
    fn len(&self) -> usize;
    fn at(&self, i: usize) -> u32;
    /// The first index at or after `from` where `needle` starts.
    fn find(&self, needle: &[u32], from: usize, end: usize) -> Option<usize> {
        let first = needle[0];
        let mut i = from;
        while i + needle.len() <= end {
            if self.at(i) == first && (1..needle.len()).all(|k| self.at(i + k) == needle[k]) {
                return Some(i);
            }
            i += 1;
        }
        None
    }
}

impl Text for [u8] {
    #[inline]
    fn len(&self) -> usize {
        <[u8]>::len(self)
    }
    #[inline]
    fn at(&self, i: usize) -> u32 {
        self[i] as u32
    }
    fn find(&self, needle: &[u32], from: usize, end: usize) -> Option<usize> {
        if needle.iter().any(|&c| c > 255) {
            return None;
        }
        let bytes: Vec<u8> = needle.iter().map(|&c| c as u8).collect();
        if from > end {
            return None;
        }
        let hay = &self[from..end];
        let found = if bytes.len() == 1 {
            memchr::memchr(bytes[0], hay)
        } else {
            memchr::memmem::find(hay, &bytes)
        };
        found.map(|i| i + from)
    }
}

impl Text for [u32] {
    #[inline]
    fn len(&self) -> usize {
        <[u32]>::len(self)
    }
    #[inline]
    fn at(&self, i: usize) -> u32 {
        self[i]
    }
}

/// Slot value of a group that has not matched.
pub const UNSET: usize = usize::MAX;

/// Beyond this many stacked records a match raises MemoryError instead of
/// exhausting memory.
const STACK_LIMIT: usize = 1 << 27;

enum Bt {
    Choice {
        pc: usize,
        pos: usize,
    },
    Slot {
        slot: usize,
        old: usize,
    },
    Counter {
        id: usize,
        count: u32,
        last: usize,
    },
    LastIndex(usize),
    /// A greedy single-character repeat that can give back characters down
    /// to `min_pos`; `need` is the literal that must follow, if known.
    Greedy {
        pc: usize,
        pos: usize,
        min_pos: usize,
        need: Option<u32>,
    },
    /// A lazy one that can take more, up to `max_pos`; `rep` is its instruction.
    Lazy {
        pc: usize,
        pos: usize,
        max_pos: usize,
        rep: usize,
    },
    Atomic,
    Look {
        negate: bool,
        pos: usize,
        after: usize,
    },
}

impl Bt {
    fn is_undo(&self) -> bool {
        matches!(
            self,
            Bt::Slot { .. } | Bt::Counter { .. } | Bt::LastIndex(_)
        )
    }
}

/// What a match attempt must satisfy.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Match,
    FullMatch,
    Search,
}

/// A successful match: slots of every group (group 0 first) and `lastindex`.
pub struct Found {
    pub slots: Vec<usize>,
    pub lastindex: usize,
}

/// The stack grew past its limit.
pub struct TooBig;

pub struct Matcher<'a, T: Text + ?Sized> {
    prog: &'a Program,
    text: &'a T,
    /// Where the subject ends for this match (`endpos`).
    end: usize,
    slots: Vec<usize>,
    counters: Vec<(u32, usize)>,
    lastindex: usize,
    stack: Vec<Bt>,
    /// A match at `must_advance_at` must not be empty (finditer/sub/split).
    must_advance_at: Option<usize>,
    fullmatch: bool,
}

impl<'a, T: Text + ?Sized> Matcher<'a, T> {
    pub fn new(prog: &'a Program, text: &'a T, end: usize) -> Self {
        Matcher {
            prog,
            text,
            end,
            slots: vec![UNSET; 2 * prog.groups + 2],
            counters: vec![(0, UNSET); prog.repeats],
            lastindex: 0,
            stack: Vec::new(),
            must_advance_at: None,
            fullmatch: false,
        }
    }

    /// Finds a match from `pos` under `mode`; a search that must not
    /// return an empty match at `pos` passes `must_advance`.
    pub fn find(
        &mut self,
        pos: usize,
        mode: Mode,
        must_advance: bool,
    ) -> Result<Option<Found>, TooBig> {
        self.fullmatch = mode == Mode::FullMatch;
        self.must_advance_at = must_advance.then_some(pos);
        if pos > self.end {
            return Ok(None);
        }
        if mode != Mode::Search {
            return Ok(self.attempt(pos)?.then(|| self.found(pos)));
        }
        let prog = self.prog;
        if prog.anchored {
            // `\A` matches only at index 0.
            if pos == 0 && self.attempt(0)? {
                return Ok(Some(self.found(0)));
            }
            return Ok(None);
        }
        let mut start = pos;
        loop {
            if !prog.prefix.is_empty() {
                match self.text.find(&prog.prefix, start, self.end) {
                    Some(i) => start = i,
                    None => return Ok(None),
                }
            } else if let Some(bits) = &prog.first_bytes {
                while start < self.end && {
                    let c = self.text.at(start);
                    c >= 256 || bits[(c >> 6) as usize] & (1 << (c & 63)) == 0
                } {
                    start += 1;
                }
                if start >= self.end {
                    return Ok(None);
                }
            } else if let Some(first) = prog.first {
                while start < self.end && !self.single(first, self.text.at(start)) {
                    start += 1;
                }
                if start >= self.end {
                    return Ok(None);
                }
            }
            if self.attempt(start)? {
                return Ok(Some(self.found(start)));
            }
            start += 1;
            if start > self.end {
                return Ok(None);
            }
        }
    }

    fn found(&self, start: usize) -> Found {
        let mut slots = self.slots.clone();
        slots[0] = start;
        Found {
            slots,
            lastindex: self.lastindex,
        }
    }

    #[inline]
    fn single(&self, s: Single, c: u32) -> bool {
        match s {
            Single::Char(x) => c == x,
            Single::CharCase(x, case) => chars_equal(c, x, case),
            Single::Any => c != '\n' as u32,
            Single::AnyAll => true,
            Single::Set(i) => self.prog.sets[i as usize].contains(c),
        }
    }

    fn set_slot(&mut self, slot: usize, value: usize) {
        let old = self.slots[slot];
        self.stack.push(Bt::Slot { slot, old });
        self.slots[slot] = value;
        if slot % 2 == 1 {
            self.stack.push(Bt::LastIndex(self.lastindex));
            self.lastindex = slot / 2;
        }
    }

    fn set_counter(&mut self, id: usize, count: u32, last: usize) {
        let (c, l) = self.counters[id];
        self.stack.push(Bt::Counter {
            id,
            count: c,
            last: l,
        });
        self.counters[id] = (count, last);
    }

    fn at(&self, at: At, pos: usize) -> bool {
        let t = self.text;
        let end = self.end;
        let nl = '\n' as u32;
        match at {
            At::Beginning => pos == 0,
            At::BeginningLine => pos == 0 || t.at(pos - 1) == nl,
            At::End => pos == end || (pos + 1 == end && t.at(pos) == nl),
            At::EndLine => pos == end || t.at(pos) == nl,
            At::EndString => pos == end,
            At::Boundary { unicode } | At::NonBoundary { unicode } => {
                let before = pos > 0 && is_word(t.at(pos - 1), unicode);
                let after = pos < end && is_word(t.at(pos), unicode);
                let boundary = if end == 0 { false } else { before != after };
                match at {
                    At::Boundary { .. } => boundary,
                    _ => end != 0 && !boundary,
                }
            }
        }
    }

    /// Runs the program from `start`; on success the slots hold the match.
    fn attempt(&mut self, start: usize) -> Result<bool, TooBig> {
        self.slots.fill(UNSET);
        self.lastindex = 0;
        self.stack.clear();
        let insts = &self.prog.insts;
        let mut pc = 0;
        let mut pos = start;
        loop {
            let ok = match &insts[pc] {
                Inst::One(s) => {
                    if pos < self.end && self.single(*s, self.text.at(pos)) {
                        pos += 1;
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::Str(i) => {
                    let s = &self.prog.strings[*i as usize];
                    if pos + s.len() <= self.end
                        && s.iter()
                            .enumerate()
                            .all(|(k, &c)| self.text.at(pos + k) == c)
                    {
                        pos += s.len();
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::At(at) => {
                    if self.at(*at, pos) {
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::Split(first, second) => {
                    self.stack.push(Bt::Choice { pc: *second, pos });
                    pc = *first;
                    true
                }
                Inst::Jmp(t) => {
                    pc = *t;
                    true
                }
                Inst::Save(slot) => {
                    self.set_slot(*slot, pos);
                    pc += 1;
                    true
                }
                Inst::RepeatOne {
                    single,
                    min,
                    max,
                    kind,
                } => self.repeat_one(&mut pc, &mut pos, *single, *min, *max, *kind),
                Inst::RepeatInit { id } => {
                    self.set_counter(*id, 0, UNSET);
                    pc += 1;
                    true
                }
                Inst::RepeatHead {
                    id,
                    min,
                    max,
                    lazy,
                    body,
                    exit,
                } => {
                    let (count, last) = self.counters[*id];
                    if count >= *min && count > 0 && last == pos {
                        // The last iteration matched empty: stop, as CPython does.
                        pc = *exit;
                    } else if count < *min {
                        pc = *body;
                    } else if count >= *max {
                        pc = *exit;
                    } else if *lazy {
                        self.stack.push(Bt::Choice { pc: *body, pos });
                        pc = *exit;
                    } else {
                        self.stack.push(Bt::Choice { pc: *exit, pos });
                        pc = *body;
                    }
                    true
                }
                Inst::RepeatBody { id } => {
                    let (count, _) = self.counters[*id];
                    self.set_counter(*id, count, pos);
                    pc += 1;
                    true
                }
                Inst::RepeatTail { id, head } => {
                    let (count, last) = self.counters[*id];
                    self.set_counter(*id, count + 1, last);
                    pc = *head;
                    true
                }
                Inst::AtomicStart => {
                    self.stack.push(Bt::Atomic);
                    pc += 1;
                    true
                }
                Inst::AtomicEnd => {
                    self.cut();
                    pc += 1;
                    true
                }
                Inst::LookStart {
                    behind,
                    negate,
                    after,
                } => {
                    let from = match behind {
                        None => Some(pos),
                        Some(w) => pos.checked_sub(*w as usize),
                    };
                    match from {
                        Some(from) => {
                            self.stack.push(Bt::Look {
                                negate: *negate,
                                pos,
                                after: *after,
                            });
                            pos = from;
                            pc += 1;
                            true
                        }
                        None if *negate => {
                            pc = *after;
                            true
                        }
                        None => false,
                    }
                }
                Inst::LookEnd { negate } => {
                    let saved = self.look_pos();
                    if *negate {
                        // The body matched: the negative lookaround fails.
                        self.unwind_to_marker();
                        false
                    } else {
                        self.cut();
                        pos = saved;
                        pc += 1;
                        true
                    }
                }
                Inst::Backref { group, case } => {
                    let (s, e) = (self.slots[2 * group], self.slots[2 * group + 1]);
                    if s == UNSET || e == UNSET {
                        false
                    } else {
                        let len = e.saturating_sub(s);
                        if pos + len <= self.end
                            && (0..len).all(|k| {
                                chars_equal(self.text.at(pos + k), self.text.at(s + k), *case)
                            })
                        {
                            pos += len;
                            pc += 1;
                            true
                        } else {
                            false
                        }
                    }
                }
                Inst::GroupExists { group, no } => {
                    let matched =
                        self.slots[2 * group] != UNSET && self.slots[2 * group + 1] != UNSET;
                    pc = if matched { pc + 1 } else { *no };
                    true
                }
                Inst::Match => {
                    let empty_at_start = self.must_advance_at == Some(start) && pos == start;
                    if empty_at_start || (self.fullmatch && pos != self.end) {
                        false
                    } else {
                        self.slots[1] = pos;
                        return Ok(true);
                    }
                }
            };
            if !ok && !self.backtrack(&mut pc, &mut pos) {
                return Ok(false);
            }
            if self.stack.len() > STACK_LIMIT {
                return Err(TooBig);
            }
        }
    }

    fn repeat_one(
        &mut self,
        pc: &mut usize,
        pos: &mut usize,
        single: Single,
        min: u32,
        max: u32,
        kind: super::parse::RepeatKind,
    ) -> bool {
        use super::parse::RepeatKind;
        let start = *pos;
        let limit = (self.end - start).min(max as usize);
        if start + (min as usize) > self.end {
            return false;
        }
        if kind == RepeatKind::Lazy {
            for k in 0..min as usize {
                if !self.single(single, self.text.at(start + k)) {
                    return false;
                }
            }
            let here = start + min as usize;
            if (min as usize) < limit {
                self.stack.push(Bt::Lazy {
                    pc: *pc + 1,
                    pos: here,
                    max_pos: start + limit,
                    rep: *pc,
                });
            }
            *pos = here;
            *pc += 1;
            return true;
        }
        let mut n = 0;
        while n < limit && self.single(single, self.text.at(start + n)) {
            n += 1;
        }
        if n < min as usize {
            return false;
        }
        let min_pos = start + min as usize;
        if kind == RepeatKind::Greedy && start + n > min_pos {
            let need = match self.prog.insts.get(*pc + 1) {
                Some(Inst::One(Single::Char(c))) => Some(*c),
                Some(Inst::Str(i)) => Some(self.prog.strings[*i as usize][0]),
                _ => None,
            };
            self.stack.push(Bt::Greedy {
                pc: *pc + 1,
                pos: start + n,
                min_pos,
                need,
            });
        }
        *pos = start + n;
        *pc += 1;
        true
    }

    /// Pops records until a choice point; `false` when none is left.
    fn backtrack(&mut self, pc: &mut usize, pos: &mut usize) -> bool {
        while let Some(top) = self.stack.pop() {
            match top {
                Bt::Choice { pc: p, pos: q } => {
                    *pc = p;
                    *pos = q;
                    return true;
                }
                Bt::Slot { slot, old } => self.slots[slot] = old,
                Bt::Counter { id, count, last } => self.counters[id] = (count, last),
                Bt::LastIndex(old) => self.lastindex = old,
                Bt::Greedy {
                    pc: p,
                    pos: q,
                    min_pos,
                    need,
                } => {
                    let mut q = q;
                    loop {
                        if q <= min_pos {
                            break;
                        }
                        q -= 1;
                        if let Some(c) = need {
                            if q < self.end && self.text.at(q) != c {
                                continue;
                            }
                        }
                        if q > min_pos {
                            self.stack.push(Bt::Greedy {
                                pc: p,
                                pos: q,
                                min_pos,
                                need,
                            });
                        }
                        *pc = p;
                        *pos = q;
                        return true;
                    }
                }
                Bt::Lazy {
                    pc: p,
                    pos: q,
                    max_pos,
                    rep,
                } => {
                    let Inst::RepeatOne { single, .. } = self.prog.insts[rep] else {
                        continue;
                    };
                    if q < max_pos && self.single(single, self.text.at(q)) {
                        if q + 1 < max_pos {
                            self.stack.push(Bt::Lazy {
                                pc: p,
                                pos: q + 1,
                                max_pos,
                                rep,
                            });
                        }
                        *pc = p;
                        *pos = q + 1;
                        return true;
                    }
                }
                Bt::Atomic => {}
                Bt::Look {
                    negate,
                    pos: q,
                    after,
                } => {
                    if negate {
                        // The body failed: the negative lookaround succeeds.
                        *pc = after;
                        *pos = q;
                        return true;
                    }
                }
            }
        }
        false
    }

    /// The position saved by the innermost lookaround marker.
    fn look_pos(&self) -> usize {
        self.stack
            .iter()
            .rev()
            .find_map(|bt| match bt {
                Bt::Look { pos, .. } => Some(*pos),
                _ => None,
            })
            .unwrap_or(0)
    }

    /// Drops the choices above the innermost marker, and the marker, keeping undo records.
    fn cut(&mut self) {
        let Some(mark) = self
            .stack
            .iter()
            .rposition(|b| matches!(b, Bt::Atomic | Bt::Look { .. }))
        else {
            return;
        };
        let kept: Vec<Bt> = self.stack.drain(mark..).filter(Bt::is_undo).collect();
        self.stack.extend(kept);
    }

    /// Undoes everything above the innermost marker and drops it.
    fn unwind_to_marker(&mut self) {
        while let Some(top) = self.stack.pop() {
            match top {
                Bt::Slot { slot, old } => self.slots[slot] = old,
                Bt::Counter { id, count, last } => self.counters[id] = (count, last),
                Bt::LastIndex(old) => self.lastindex = old,
                Bt::Atomic | Bt::Look { .. } => return,
                _ => {}
            }
        }
    }
}
