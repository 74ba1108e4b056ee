//! The pattern parser: CPython 3.11's regular-expression syntax into a
//! [`Node`] tree, with CPython's `re.error` messages and positions.
//!
//! Flags are resolved while parsing (a literal knows whether it ignores
//! case, `^` whether it is MULTILINE), so the compiler sees no flags. Global
//! inline flags must open the pattern (3.11); `(?x)` there restarts the
//! parse in verbose mode, as CPython does.

use super::flags::*;
use super::unicode::{Class, ClassKind};

/// The largest repeat count (`_sre.MAXREPEAT` on 64-bit CPython).
pub const MAXREPEAT: u64 = 4_294_967_295;

/// A parsed pattern element.
#[derive(Debug, Clone)]
pub enum Node {
    Empty,
    Literal {
        c: u32,
        icase: Case,
    },
    /// `.`; `all` with DOTALL.
    Any {
        all: bool,
    },
    Set(Box<Class>),
    Concat(Vec<Node>),
    Alternate(Vec<Node>),
    /// A capturing group (1-based).
    Group(usize, Box<Node>),
    Repeat {
        node: Box<Node>,
        min: u32,
        max: u32,
        kind: RepeatKind,
    },
    Atomic(Box<Node>),
    /// A lookaround; `width` is the fixed width of a lookbehind.
    Look {
        behind: bool,
        negate: bool,
        width: u32,
        node: Box<Node>,
    },
    Backref {
        group: usize,
        icase: Case,
    },
    GroupExists {
        group: usize,
        yes: Box<Node>,
        no: Box<Node>,
    },
    At(At),
}

/// How a literal or backreference compares characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    Sensitive,
    /// IGNORECASE over the ASCII letters only (bytes, or ASCII flag).
    AsciiIgnore,
    /// IGNORECASE with Unicode's simple case mappings.
    UnicodeIgnore,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RepeatKind {
    Greedy,
    Lazy,
    Possessive,
}

/// Zero-width assertions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At {
    /// `^` without MULTILINE, and `\A`.
    Beginning,
    BeginningLine,
    /// `$` without MULTILINE: the end, or before a final newline.
    End,
    EndLine,
    /// `\Z`.
    EndString,
    Boundary {
        unicode: bool,
    },
    NonBoundary {
        unicode: bool,
    },
}

/// A parse error: CPython's message and position (in characters).
#[derive(Debug)]
pub enum ParseError {
    Re { msg: String, pos: Option<usize> },
    Overflow(String),
    Recursion,
}

/// A parsed pattern.
pub struct Parsed {
    pub node: Node,
    /// Number of capturing groups.
    pub groups: usize,
    /// Group names with their numbers, in definition order.
    pub names: Vec<(String, usize)>,
    /// The final flags, global inline flags included.
    pub flags: u32,
}

/// Groups nested deeper than this raise RecursionError, where CPython's
/// recursive parser reaches its recursion limit from a script's top level.
const MAX_DEPTH: usize = 495;

struct Parser<'a> {
    src: &'a [u32],
    pos: usize,
    bytes: bool,
    flags: u32,
    groups: usize,
    names: Vec<(String, usize)>,
    /// Groups opened and not yet closed.
    open: Vec<usize>,
    /// Width of each closed group, for lookbehind width of backreferences.
    widths: Vec<Option<(u64, u64)>>,
    /// The first group number inside the lookbehind being parsed.
    lookbehind_groups: Option<usize>,
    depth: usize,
}

/// Parses `src` (code points of a str pattern, or bytes) with `flags`.
pub fn parse(src: &[u32], bytes: bool, flags: u32) -> Result<Parsed, ParseError> {
    let mut flags = flags;
    loop {
        let mut p = Parser {
            src,
            pos: 0,
            bytes,
            flags,
            groups: 0,
            names: Vec::new(),
            open: Vec::new(),
            widths: vec![None],
            lookbehind_groups: None,
            depth: 0,
        };
        match p.parse_top() {
            Ok(node) => {
                return Ok(Parsed {
                    node,
                    groups: p.groups,
                    names: p.names,
                    flags: p.flags,
                })
            }
            Err(Restart::Verbose) => flags = p.flags | VERBOSE,
            Err(Restart::Error(e)) => return Err(e),
        }
    }
}

/// Why a parse stopped: an error, or a `(?x)` that needs a verbose re-parse.
enum Restart {
    Verbose,
    Error(ParseError),
}

impl From<ParseError> for Restart {
    fn from(e: ParseError) -> Restart {
        Restart::Error(e)
    }
}

type PResult<T> = Result<T, Restart>;

fn rerr<T>(msg: impl Into<String>, pos: usize) -> PResult<T> {
    Err(Restart::Error(ParseError::Re {
        msg: msg.into(),
        pos: Some(pos),
    }))
}

fn is_digit(c: u32) -> bool {
    (b'0' as u32..=b'9' as u32).contains(&c)
}

fn is_octal(c: u32) -> bool {
    (b'0' as u32..=b'7' as u32).contains(&c)
}

fn hex_value(c: u32) -> Option<u32> {
    char::from_u32(c).and_then(|c| c.to_digit(16))
}

fn ch(c: u32) -> char {
    char::from_u32(c).unwrap_or('\u{fffd}')
}

fn text(s: &[u32]) -> String {
    s.iter().map(|&c| ch(c)).collect()
}

fn is_identifier(name: &str, bytes: bool) -> bool {
    let mut chars = name.chars();
    let ok = match chars.next() {
        Some(c) if c == '_' || c.is_alphabetic() => chars.all(|c| c == '_' || c.is_alphanumeric()),
        _ => false,
    };
    // A bytes pattern's non-ASCII names are accepted (CPython warns).
    let _ = bytes;
    ok
}

impl Parser<'_> {
    fn peek(&self) -> Option<u32> {
        self.src.get(self.pos).copied()
    }

    fn peek_is(&self, c: char) -> bool {
        self.peek() == Some(c as u32)
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek_is(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn verbose(&self) -> bool {
        self.flags & VERBOSE != 0
    }

    fn case(&self) -> Case {
        if self.flags & IGNORECASE == 0 {
            Case::Sensitive
        } else if self.bytes || self.flags & ASCII != 0 {
            Case::AsciiIgnore
        } else {
            Case::UnicodeIgnore
        }
    }

    fn unicode(&self) -> bool {
        !self.bytes && self.flags & ASCII == 0
    }

    fn parse_top(&mut self) -> PResult<Node> {
        let node = self.parse_alternation(true)?;
        if self.pos < self.src.len() {
            // Only a `)` stops the top level early.
            return rerr("unbalanced parenthesis", self.pos);
        }
        Ok(node)
    }

    /// `a|b|c` up to a `)` or the end.
    fn parse_alternation(&mut self, top: bool) -> PResult<Node> {
        let mut branches = vec![self.parse_sequence(top)?];
        while self.eat('|') {
            branches.push(self.parse_sequence(top)?);
        }
        Ok(if branches.len() == 1 {
            branches.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alternate(branches)
        })
    }

    fn skip_verbose_space(&mut self) {
        while let Some(c) = self.peek() {
            if c == '#' as u32 {
                while let Some(c) = self.peek() {
                    self.pos += 1;
                    if c == '\n' as u32 {
                        break;
                    }
                }
            } else if matches!(c, 0x20 | 0x09..=0x0d) {
                self.pos += 1;
            } else {
                break;
            }
        }
    }

    fn parse_sequence(&mut self, top: bool) -> PResult<Node> {
        let mut items: Vec<Node> = Vec::new();
        loop {
            if self.verbose() {
                self.skip_verbose_space();
            }
            let Some(c) = self.peek() else { break };
            let c = ch(c);
            if c == '|' || c == ')' {
                break;
            }
            let start = self.pos;
            if matches!(c, '*' | '+' | '?' | '{') {
                if c == '{' && self.repeat_bounds()?.is_none() {
                    self.pos = start + 1;
                    items.push(Node::Literal {
                        c: '{' as u32,
                        icase: self.case(),
                    });
                    continue;
                }
                self.pos = start;
                let (min, max) = self.repeat_bounds()?.unwrap_or((0, 0));
                let item = match items.pop() {
                    None | Some(Node::At(_)) => return rerr("nothing to repeat", start),
                    Some(Node::Repeat { .. }) => return rerr("multiple repeat", start),
                    Some(item) => item,
                };
                let kind = if self.eat('?') {
                    RepeatKind::Lazy
                } else if self.eat('+') {
                    RepeatKind::Possessive
                } else {
                    RepeatKind::Greedy
                };
                items.push(Node::Repeat {
                    node: Box::new(item),
                    min,
                    max,
                    kind,
                });
                continue;
            }
            self.pos += 1;
            let node = match c {
                '.' => Node::Any {
                    all: self.flags & DOTALL != 0,
                },
                '^' => Node::At(if self.flags & MULTILINE != 0 {
                    At::BeginningLine
                } else {
                    At::Beginning
                }),
                '$' => Node::At(if self.flags & MULTILINE != 0 {
                    At::EndLine
                } else {
                    At::End
                }),
                '[' => self.parse_class(start)?,
                '(' => match self.parse_group(start, top && items.is_empty())? {
                    Some(node) => node,
                    None => continue,
                },
                '\\' => self.parse_escape(start)?,
                _ => Node::Literal {
                    c: c as u32,
                    icase: self.case(),
                },
            };
            items.push(node);
        }
        // A non-capturing group repeated as a whole keeps its own node; a
        // quantifier after `(?:a*)` is allowed, as in CPython.
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(items),
        })
    }

    /// Reads a quantifier at `pos`; `None` for a `{` that is a literal.
    fn repeat_bounds(&mut self) -> PResult<Option<(u32, u32)>> {
        let start = self.pos;
        let Some(c) = self.peek() else {
            return Ok(None);
        };
        self.pos += 1;
        Ok(Some(match ch(c) {
            '*' => (0, MAXREPEAT as u32),
            '+' => (1, MAXREPEAT as u32),
            '?' => (0, 1),
            _ => {
                let lo = self.digits();
                let hi = if self.eat(',') {
                    Some(self.digits())
                } else {
                    None
                };
                if !self.eat('}') {
                    self.pos = start;
                    return Ok(None);
                }
                let lo_n = self.number(&lo)?.unwrap_or(0);
                let hi_n = match &hi {
                    None => lo_n,
                    Some(h) => self.number(h)?.unwrap_or(MAXREPEAT),
                };
                if hi.is_none() && lo.is_empty() {
                    self.pos = start;
                    return Ok(None);
                }
                if hi_n < lo_n {
                    return rerr("min repeat greater than max repeat", start + 1);
                }
                (lo_n as u32, hi_n as u32)
            }
        }))
    }

    fn digits(&mut self) -> Vec<u32> {
        let start = self.pos;
        while self.peek().is_some_and(is_digit) {
            self.pos += 1;
        }
        self.src[start..self.pos].to_vec()
    }

    fn number(&self, digits: &[u32]) -> PResult<Option<u64>> {
        if digits.is_empty() {
            return Ok(None);
        }
        let mut n: u64 = 0;
        for &d in digits {
            n = n.saturating_mul(10).saturating_add((d - '0' as u32) as u64);
        }
        if n >= MAXREPEAT {
            return Err(ParseError::Overflow("the repetition number is too large".into()).into());
        }
        Ok(Some(n))
    }

    // -- groups ----------------------------------------------------------------

    /// A `(` construct; `None` for a comment or leading global flags.
    fn parse_group(&mut self, start: usize, at_start: bool) -> PResult<Option<Node>> {
        if !self.eat('?') {
            return self.capture(start, None).map(Some);
        }
        let Some(c) = self.peek() else {
            return rerr("unexpected end of pattern", self.pos);
        };
        self.pos += 1;
        match ch(c) {
            // A one-item sequence keeps a repeated group from reading as a
            // repeated repeat: `(?:a*)*` is allowed.
            ':' => Ok(Some(Node::Concat(vec![self.group_body(start)?]))),
            'P' => self.parse_p_group(start),
            '#' => {
                loop {
                    match self.peek() {
                        None => return rerr("missing ), unterminated comment", start),
                        Some(c) => {
                            self.pos += 1;
                            if c == ')' as u32 {
                                break;
                            }
                        }
                    }
                }
                Ok(None)
            }
            '=' | '!' => {
                let negate = c == '!' as u32;
                let node = self.group_body(start)?;
                Ok(Some(Node::Look {
                    behind: false,
                    negate,
                    width: 0,
                    node: Box::new(node),
                }))
            }
            '<' => {
                let Some(c) = self.peek() else {
                    return rerr("unexpected end of pattern", self.pos);
                };
                if c != '=' as u32 && c != '!' as u32 {
                    return rerr(format!("unknown extension ?<{}", ch(c)), start + 1);
                }
                self.pos += 1;
                let saved = self.lookbehind_groups;
                if saved.is_none() {
                    self.lookbehind_groups = Some(self.groups + 1);
                }
                let node = self.group_body(start);
                self.lookbehind_groups = saved;
                let node = node?;
                let (lo, hi) = self.width(&node);
                if lo != hi {
                    return Err(ParseError::Re {
                        msg: "look-behind requires fixed-width pattern".into(),
                        pos: None,
                    }
                    .into());
                }
                Ok(Some(Node::Look {
                    behind: true,
                    negate: c == '!' as u32,
                    width: lo as u32,
                    node: Box::new(node),
                }))
            }
            '>' => {
                let node = self.group_body(start)?;
                Ok(Some(Node::Atomic(Box::new(node))))
            }
            '(' => self.parse_conditional(start).map(Some),
            c if "aiLmsux-".contains(c) => {
                self.pos -= 1;
                self.parse_flags(start, at_start)
            }
            c => rerr(format!("unknown extension ?{c}"), start + 1),
        }
    }

    fn parse_p_group(&mut self, start: usize) -> PResult<Option<Node>> {
        if self.eat('<') {
            let name_start = self.pos;
            let name = self.name('>')?;
            if !is_identifier(&name, self.bytes) {
                return rerr(format!("bad character in group name '{name}'"), name_start);
            }
            let number = self.groups + 1;
            if let Some((_, was)) = self.names.iter().find(|(n, _)| *n == name) {
                return rerr(
                    format!(
                        "redefinition of group name '{name}' as group {number}; was group {was}"
                    ),
                    name_start,
                );
            }
            self.names.push((name.clone(), number));
            return self.capture(start, Some(name)).map(Some);
        }
        if self.eat('=') {
            let name_start = self.pos;
            let name = self.name(')')?;
            if !is_identifier(&name, self.bytes) {
                return rerr(format!("bad character in group name '{name}'"), name_start);
            }
            let Some(&(_, group)) = self.names.iter().find(|(n, _)| *n == name) else {
                return rerr(format!("unknown group name '{name}'"), name_start);
            };
            if self.open.contains(&group) {
                return rerr("cannot refer to an open group", name_start);
            }
            self.check_lookbehind_ref(group, self.pos)?;
            return Ok(Some(Node::Backref {
                group,
                icase: self.case(),
            }));
        }
        match self.peek() {
            None => rerr("unexpected end of pattern", self.pos),
            Some(c) => rerr(format!("unknown extension ?P{}", ch(c)), start + 1),
        }
    }

    /// A group name up to `end`.
    fn name(&mut self, end: char) -> PResult<String> {
        let start = self.pos;
        loop {
            match self.peek() {
                None => {
                    if self.pos == start {
                        return rerr("missing group name", start);
                    }
                    return rerr(format!("missing {end}, unterminated name"), start);
                }
                Some(c) if c == end as u32 => {
                    if self.pos == start {
                        return rerr("missing group name", start);
                    }
                    let name = text(&self.src[start..self.pos]);
                    self.pos += 1;
                    return Ok(name);
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    fn check_lookbehind_ref(&self, group: usize, pos: usize) -> PResult<()> {
        if let Some(first) = self.lookbehind_groups {
            if group >= first {
                return rerr(
                    "cannot refer to group defined in the same lookbehind subpattern",
                    pos,
                );
            }
        }
        Ok(())
    }

    fn capture(&mut self, start: usize, _name: Option<String>) -> PResult<Node> {
        self.groups += 1;
        let group = self.groups;
        self.open.push(group);
        self.widths.push(None);
        let node = self.group_body(start)?;
        self.open.retain(|&g| g != group);
        let w = self.width(&node);
        self.widths[group] = Some(w);
        Ok(Node::Group(group, Box::new(node)))
    }

    /// The alternation of a group and its `)`.
    fn group_body(&mut self, start: usize) -> PResult<Node> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ParseError::Recursion.into());
        }
        let node = self.parse_alternation(false)?;
        self.depth -= 1;
        if !self.eat(')') {
            return rerr("missing ), unterminated subpattern", start);
        }
        Ok(node)
    }

    fn parse_conditional(&mut self, start: usize) -> PResult<Node> {
        let name_start = self.pos;
        let name = self.name(')')?;
        let group = if !name.is_empty() && name.chars().all(|c| c.is_ascii_digit()) {
            let n: usize = name.parse().unwrap_or(usize::MAX);
            if n == 0 {
                return rerr("bad group number", name_start);
            }
            if n >= 100 {
                return rerr(format!("invalid group reference {n}"), name_start);
            }
            n
        } else if is_identifier(&name, self.bytes) {
            match self.names.iter().find(|(n, _)| *n == name) {
                Some(&(_, g)) => g,
                None => return rerr(format!("unknown group name '{name}'"), name_start),
            }
        } else {
            return rerr(format!("bad character in group name '{name}'"), name_start);
        };
        self.check_lookbehind_ref(group, name_start)?;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ParseError::Recursion.into());
        }
        let yes = self.parse_sequence(false)?;
        let no = if self.eat('|') {
            let no = self.parse_sequence(false)?;
            if self.peek_is('|') {
                return rerr("conditional backref with more than two branches", self.pos);
            }
            no
        } else {
            Node::Empty
        };
        self.depth -= 1;
        if !self.eat(')') {
            return rerr("missing ), unterminated subpattern", start);
        }
        if group > self.groups {
            return rerr(format!("invalid group reference {group}"), name_start);
        }
        Ok(Node::GroupExists {
            group,
            yes: Box::new(yes),
            no: Box::new(no),
        })
    }

    /// `(?flags)` or `(?flags-flags:...)`; the cursor is at the first flag.
    fn parse_flags(&mut self, start: usize, at_start: bool) -> PResult<Option<Node>> {
        let mut add = 0u32;
        let mut del = 0u32;
        while let Some(c) = self.peek() {
            let Some(f) = self.flag(c)? else { break };
            add |= f;
            self.pos += 1;
        }
        if self.eat(')') {
            if !at_start {
                return rerr("global flags not at the start of the expression", start);
            }
            let verbose_now = add & VERBOSE != 0 && !self.verbose();
            self.flags |= add;
            if verbose_now {
                return Err(Restart::Verbose);
            }
            return Ok(None);
        }
        if self.eat('-') {
            match self.peek() {
                None => return rerr("missing flag", self.pos),
                Some(c) if "aLu".contains(ch(c)) => {
                    return rerr(
                        "bad inline flags: cannot turn off flags 'a', 'u' and 'L'",
                        self.pos + 1,
                    );
                }
                Some(c) if !"imsx".contains(ch(c)) => {
                    if ch(c).is_alphabetic() {
                        return rerr("unknown flag", self.pos);
                    }
                    return rerr("missing flag", self.pos);
                }
                _ => {}
            }
            while let Some(c) = self.peek() {
                if "aLu".contains(ch(c)) {
                    return rerr(
                        "bad inline flags: cannot turn off flags 'a', 'u' and 'L'",
                        self.pos + 1,
                    );
                }
                let Some(f) = self.flag(c)? else { break };
                del |= f;
                self.pos += 1;
            }
            if add & del != 0 {
                return rerr("bad inline flags: flag turned on and off", self.pos);
            }
            if !self.eat(':') {
                return match self.peek() {
                    None => rerr("missing :", self.pos),
                    Some(c) if ch(c).is_alphabetic() => rerr("unknown flag", self.pos),
                    Some(_) => rerr("missing :", self.pos),
                };
            }
        } else if !self.eat(':') {
            return match self.peek() {
                None => rerr("missing -, : or )", self.pos),
                Some(c) if ch(c).is_alphabetic() => rerr("unknown flag", self.pos),
                Some(_) => rerr("missing -, : or )", self.pos),
            };
        }
        let saved = self.flags;
        let mut flags = (self.flags | add) & !del;
        if add & ASCII != 0 {
            flags &= !UNICODE;
        }
        if add & UNICODE != 0 {
            flags &= !ASCII;
        }
        self.flags = flags;
        let node = self.group_body(start);
        self.flags = saved;
        Ok(Some(Node::Concat(vec![node?])))
    }

    /// The flag a letter stands for; errors for letters not allowed here.
    fn flag(&self, c: u32) -> PResult<Option<u32>> {
        let c = ch(c);
        Ok(Some(match c {
            'i' => IGNORECASE,
            'm' => MULTILINE,
            's' => DOTALL,
            'x' => VERBOSE,
            'a' => ASCII,
            'L' => {
                if !self.bytes {
                    return rerr(
                        "bad inline flags: cannot use 'L' flag with a str pattern",
                        self.pos + 1,
                    );
                }
                LOCALE
            }
            'u' => {
                if self.bytes {
                    return rerr(
                        "bad inline flags: cannot use 'u' flag with a bytes pattern",
                        self.pos + 1,
                    );
                }
                UNICODE
            }
            _ => return Ok(None),
        }))
    }

    // -- escapes -----------------------------------------------------------------

    fn parse_escape(&mut self, start: usize) -> PResult<Node> {
        let Some(c) = self.peek() else {
            return rerr("bad escape (end of pattern)", start);
        };
        self.pos += 1;
        let unicode = self.unicode();
        let class = |kind: ClassKind, negate: bool| {
            Node::Set(Box::new(Class::single(kind, negate, unicode)))
        };
        Ok(match ch(c) {
            'A' => Node::At(At::Beginning),
            'Z' => Node::At(At::EndString),
            'b' => Node::At(At::Boundary { unicode }),
            'B' => Node::At(At::NonBoundary { unicode }),
            'd' => class(ClassKind::Digit, false),
            'D' => class(ClassKind::Digit, true),
            's' => class(ClassKind::Space, false),
            'S' => class(ClassKind::Space, true),
            'w' => class(ClassKind::Word, false),
            'W' => class(ClassKind::Word, true),
            '0'..='9' => return self.numeric_escape(start, c),
            _ => {
                self.pos -= 1;
                let c = self.char_escape(start, false)?;
                Node::Literal {
                    c,
                    icase: self.case(),
                }
            }
        })
    }

    /// `\1`, `\12` (group references) or octal escapes, outside a class.
    fn numeric_escape(&mut self, start: usize, first: u32) -> PResult<Node> {
        if first == '0' as u32 {
            let mut value = 0;
            for _ in 0..2 {
                match self.peek() {
                    Some(d) if is_octal(d) => {
                        value = value * 8 + (d - '0' as u32);
                        self.pos += 1;
                    }
                    _ => break,
                }
            }
            return Ok(Node::Literal {
                c: value,
                icase: self.case(),
            });
        }
        if let Some(d2) = self.peek().filter(|&d| is_digit(d)) {
            if let Some(d3) = self.src.get(self.pos + 1).copied() {
                if is_octal(first) && is_octal(d2) && is_octal(d3) {
                    self.pos += 2;
                    let value = (first - 48) * 64 + (d2 - 48) * 8 + (d3 - 48);
                    if value > 0o377 {
                        return rerr(
                            format!(
                                "octal escape value \\{} outside of range 0-0o377",
                                text(&self.src[start + 1..self.pos])
                            ),
                            start,
                        );
                    }
                    return Ok(Node::Literal {
                        c: value,
                        icase: self.case(),
                    });
                }
            }
            self.pos += 1;
        }
        let group: usize = text(&self.src[start + 1..self.pos]).parse().unwrap_or(0);
        if group <= self.groups {
            if self.open.contains(&group) {
                return rerr("cannot refer to an open group", start);
            }
            self.check_lookbehind_ref(group, self.pos)?;
            return Ok(Node::Backref {
                group,
                icase: self.case(),
            });
        }
        rerr(format!("invalid group reference {group}"), start + 1)
    }

    /// A character escape (`\n`, `\x41`, `\u...`, `\N{...}`, `\.`); the
    /// cursor is after the backslash. `in_class` allows `\b` (backspace)
    /// and octal digits.
    fn char_escape(&mut self, start: usize, in_class: bool) -> PResult<u32> {
        let Some(c) = self.peek() else {
            return rerr("bad escape (end of pattern)", start);
        };
        self.pos += 1;
        let c = ch(c);
        Ok(match c {
            'a' => 7,
            'f' => 12,
            'n' => 10,
            'r' => 13,
            't' => 9,
            'v' => 11,
            'b' if in_class => 8,
            'x' => self.hex_escape(start, 2)?,
            'u' if !self.bytes => self.hex_escape(start, 4)?,
            'U' if !self.bytes => {
                let v = self.hex_escape(start, 8)?;
                if v > 0x10ffff {
                    return rerr(
                        format!("bad escape \\{}", text(&self.src[start + 1..self.pos])),
                        start,
                    );
                }
                v
            }
            'N' if !self.bytes => {
                if !self.eat('{') {
                    return rerr("missing {", self.pos);
                }
                let name_start = self.pos;
                loop {
                    match self.peek() {
                        None if self.pos == name_start => {
                            return rerr("missing character name", name_start)
                        }
                        Some(c) if c == '}' as u32 && self.pos == name_start => {
                            return rerr("missing character name", name_start)
                        }
                        None => return rerr("missing }, unterminated name", name_start),
                        Some(c) if c == '}' as u32 => break,
                        Some(_) => self.pos += 1,
                    }
                }
                let name = text(&self.src[name_start..self.pos]);
                self.pos += 1;
                match unicode_names2::character(&name) {
                    Some(c) => c as u32,
                    None => return rerr(format!("undefined character name '{name}'"), start),
                }
            }
            '0'..='7' if in_class => {
                let mut value = c as u32 - 48;
                for _ in 0..2 {
                    match self.peek() {
                        Some(d) if is_octal(d) => {
                            value = value * 8 + (d - 48);
                            self.pos += 1;
                        }
                        _ => break,
                    }
                }
                if value > 0o377 {
                    return rerr(
                        format!(
                            "octal escape value \\{} outside of range 0-0o377",
                            text(&self.src[start + 1..self.pos])
                        ),
                        start,
                    );
                }
                value
            }
            c if c.is_ascii_alphanumeric() => {
                return rerr(format!("bad escape \\{c}"), start);
            }
            c => c as u32,
        })
    }

    fn hex_escape(&mut self, start: usize, n: usize) -> PResult<u32> {
        let mut value = 0u32;
        for _ in 0..n {
            match self.peek().and_then(hex_value) {
                Some(d) => {
                    value = value.wrapping_mul(16).wrapping_add(d);
                    self.pos += 1;
                }
                None => {
                    return rerr(
                        format!(
                            "incomplete escape \\{}",
                            text(&self.src[start + 1..self.pos])
                        ),
                        start,
                    )
                }
            }
        }
        Ok(value)
    }

    // -- classes -------------------------------------------------------------------

    fn parse_class(&mut self, start: usize) -> PResult<Node> {
        let unicode = self.unicode();
        let mut class = Class::new(self.eat('^'), self.case(), unicode);
        let first = self.pos;
        loop {
            let Some(c) = self.peek() else {
                return rerr("unterminated character set", start);
            };
            if c == ']' as u32 && self.pos != first {
                self.pos += 1;
                break;
            }
            let item_start = self.pos;
            let lo = self.class_item()?;
            if self.peek_is('-') && self.src.get(self.pos + 1).is_some_and(|&c| c != ']' as u32) {
                self.pos += 1;
                let hi_start = self.pos;
                let hi = self.class_item()?;
                match (lo, hi) {
                    (ClassAtom::Char(a), ClassAtom::Char(b)) => {
                        if b < a {
                            return rerr(
                                format!(
                                    "bad character range {}",
                                    text(&self.src[item_start..self.pos])
                                ),
                                item_start,
                            );
                        }
                        class.ranges.push((a, b));
                    }
                    _ => {
                        let _ = hi_start;
                        return rerr(
                            format!(
                                "bad character range {}",
                                text(&self.src[item_start..self.pos])
                            ),
                            item_start,
                        );
                    }
                }
            } else if self.peek_is('-') && self.src.get(self.pos + 1).is_none() {
                // `[a-` : the set is unterminated.
                return rerr("unterminated character set", start);
            } else {
                match lo {
                    ClassAtom::Char(a) => class.ranges.push((a, a)),
                    ClassAtom::Kind(kind, negate) => class.kinds.push((kind, negate)),
                }
            }
        }
        class.finish();
        Ok(Node::Set(Box::new(class)))
    }

    fn class_item(&mut self) -> PResult<ClassAtom> {
        let start = self.pos;
        let Some(c) = self.peek() else {
            return rerr("unterminated character set", start);
        };
        self.pos += 1;
        if c != '\\' as u32 {
            return Ok(ClassAtom::Char(c));
        }
        let Some(e) = self.peek() else {
            return rerr("bad escape (end of pattern)", start);
        };
        let kind = match ch(e) {
            'd' => Some((ClassKind::Digit, false)),
            'D' => Some((ClassKind::Digit, true)),
            's' => Some((ClassKind::Space, false)),
            'S' => Some((ClassKind::Space, true)),
            'w' => Some((ClassKind::Word, false)),
            'W' => Some((ClassKind::Word, true)),
            _ => None,
        };
        if let Some((kind, negate)) = kind {
            self.pos += 1;
            return Ok(ClassAtom::Kind(kind, negate));
        }
        Ok(ClassAtom::Char(self.char_escape(start, true)?))
    }

    // -- widths ----------------------------------------------------------------------

    /// The (min, max) width of `node` in characters, as CPython's getwidth.
    fn width(&self, node: &Node) -> (u64, u64) {
        width(node, &self.widths)
    }
}

enum ClassAtom {
    Char(u32),
    Kind(ClassKind, bool),
}

/// The (min, max) width of `node`; `max` saturates at MAXREPEAT.
pub fn width(node: &Node, groups: &[Option<(u64, u64)>]) -> (u64, u64) {
    match node {
        Node::Empty | Node::At(_) | Node::Look { .. } => (0, 0),
        Node::Literal { .. } | Node::Any { .. } | Node::Set(_) => (1, 1),
        Node::Concat(items) => items.iter().fold((0, 0), |(lo, hi), n| {
            let (a, b) = width(n, groups);
            (lo + a, (hi + b).min(MAXREPEAT))
        }),
        Node::Alternate(branches) => {
            let mut lo = u64::MAX;
            let mut hi = 0;
            for b in branches {
                let (a, c) = width(b, groups);
                lo = lo.min(a);
                hi = hi.max(c);
            }
            (lo, hi)
        }
        Node::Group(_, n) | Node::Atomic(n) => width(n, groups),
        Node::Repeat { node, min, max, .. } => {
            let (a, b) = width(node, groups);
            (
                (a * *min as u64).min(MAXREPEAT),
                (b.saturating_mul(*max as u64)).min(MAXREPEAT),
            )
        }
        Node::Backref { group, .. } => groups
            .get(*group)
            .copied()
            .flatten()
            .unwrap_or((0, MAXREPEAT)),
        Node::GroupExists { yes, no, .. } => {
            let (a, b) = width(yes, groups);
            let (c, d) = width(no, groups);
            (a.min(c), b.max(d))
        }
    }
}
