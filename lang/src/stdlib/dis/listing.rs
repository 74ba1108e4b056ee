//! Disassembly of a [`CodeObject`] into CPython's listing format.
//!
//! Everything here is a pure function of the compiler's code object, so the
//! same text comes out of `dis.dis`, `towel -m dis`, the `TOWEL_TRACE`
//! tracer and the snapshot tests. Arguments are decoded in one place,
//! [`describe_arg`], by the [`ArgKind`] that the opcode table gives each
//! opcode (the way clox and Lua print their bytecode): the opcode table
//! stays the only place that knows what an argument means.

use crate::bytecode::{
    flags, ArgKind, CodeObject, Constant, Opcode, SuspendKind, BINARY_OPS, COMPARE_OPS,
};
use std::fmt::Write;

/// CPython's `_OPNAME_WIDTH`: the opname column is padded to this width.
const OPNAME_WIDTH: usize = 20;
/// CPython's `_OPARG_WIDTH`: the argument column is right-aligned to this width.
const OPARG_WIDTH: usize = 5;

/// `MAKE_FUNCTION`'s flag bits, in bit order, as CPython names them.
const MAKE_FUNCTION_FLAGS: [&str; 4] = ["defaults", "kwdefaults", "annotations", "closure"];

/// `FORMAT_VALUE`'s conversions, indexed by the low two bits of its argument.
const FORMAT_CONVERSIONS: [&str; 4] = ["", "str", "repr", "ascii"];

/// What an argument resolves to: the `argval` of CPython's `Instruction`,
/// kept free of VM values so that the listing does not need a VM.
#[derive(Clone, Debug, PartialEq)]
pub enum ArgVal {
    /// The instruction takes no argument.
    None,
    /// A plain number (counts, flags, operator indices).
    Int(u32),
    /// Index into `consts`; the VM layer turns it into the constant's value.
    Const(usize),
    /// A name, variable or operator symbol.
    Str(String),
    /// A jump target, as a byte offset.
    Offset(usize),
    /// `FORMAT_VALUE`: the conversion's name (None for no conversion) and whether a spec follows.
    Format(Option<&'static str>, bool),
}

/// One decoded instruction: the fields of CPython's `dis.Instruction`.
#[derive(Clone, Debug, PartialEq)]
pub struct Ins {
    /// Index into `CodeObject::instructions`.
    pub index: usize,
    pub op: Opcode,
    /// The raw argument, or None for opcodes without one.
    pub arg: Option<u32>,
    pub argval: ArgVal,
    pub argrepr: String,
    /// Byte offset (two bytes per instruction, as CPython).
    pub offset: usize,
    /// The source line, on the first instruction of each line only.
    pub starts_line: Option<u32>,
    pub is_jump_target: bool,
}

/// The byte offset of instruction `index`.
pub fn offset_of(index: usize) -> usize {
    index * 2
}

/// Decodes instruction `index`'s argument by its kind: the single place where
/// argument meanings turn into values and text.
pub fn describe_arg(co: &CodeObject, index: usize) -> (Option<u32>, ArgVal, String) {
    let Some(instr) = co.instructions.get(index) else {
        return (None, ArgVal::None, String::new());
    };
    let arg = instr.arg;
    let i = arg as usize;
    let name = |list: &[std::rc::Rc<str>]| {
        list.get(i)
            .map_or_else(|| format!("<invalid {arg}>"), |s| s.to_string())
    };
    let (val, repr) = match instr.op.arg_kind() {
        ArgKind::None => return (None, ArgVal::None, String::new()),
        ArgKind::Const => (
            ArgVal::Const(i),
            co.consts
                .get(i)
                .map_or_else(|| format!("<invalid {arg}>"), |c| c.to_string()),
        ),
        ArgKind::Name => {
            let n = name(&co.names);
            (ArgVal::Str(n.clone()), n)
        }
        ArgKind::Local => {
            let n = name(&co.varnames);
            (ArgVal::Str(n.clone()), n)
        }
        ArgKind::Free => {
            let n = co
                .cellvars
                .iter()
                .chain(co.freevars.iter())
                .nth(i)
                .map_or_else(|| format!("<invalid {arg}>"), |s| s.to_string());
            (ArgVal::Str(n.clone()), n)
        }
        ArgKind::Jump => (ArgVal::Offset(offset_of(i)), format!("to {}", offset_of(i))),
        ArgKind::Compare => {
            let op = COMPARE_OPS.get(i).copied().unwrap_or("?");
            (ArgVal::Str(op.to_string()), op.to_string())
        }
        ArgKind::Binary => (
            ArgVal::Int(arg),
            BINARY_OPS.get(i).copied().unwrap_or("?").to_string(),
        ),
        ArgKind::Format => {
            let conv = FORMAT_CONVERSIONS[i & 3];
            let spec = arg & 4 != 0;
            let mut repr = conv.to_string();
            if spec {
                if !repr.is_empty() {
                    repr.push_str(", ");
                }
                repr.push_str("with format");
            }
            (
                ArgVal::Format((!conv.is_empty()).then_some(conv), spec),
                repr,
            )
        }
        ArgKind::Count if instr.op == Opcode::MAKE_FUNCTION => {
            let names: Vec<&str> = MAKE_FUNCTION_FLAGS
                .iter()
                .enumerate()
                .filter(|(bit, _)| arg & (1 << bit) != 0)
                .map(|(_, n)| *n)
                .collect();
            (ArgVal::Int(arg), names.join(", "))
        }
        ArgKind::Count => (ArgVal::Int(arg), String::new()),
    };
    (Some(arg), val, repr)
}

/// The instruction indices that start a source line, with their line (CPython's `findlinestarts`).
pub fn line_starts(co: &CodeObject) -> Vec<(usize, u32)> {
    let mut starts = Vec::new();
    let mut last = None;
    for (i, &line) in co.lines.iter().enumerate().take(co.instructions.len()) {
        if line != 0 && Some(line) != last {
            starts.push((i, line));
            last = Some(line);
        }
    }
    starts
}

/// The byte offsets that some jump targets (CPython's `findlabels`), in order of appearance.
pub fn jump_targets(co: &CodeObject) -> Vec<usize> {
    let mut labels = Vec::new();
    for instr in &co.instructions {
        if instr.op.arg_kind() == ArgKind::Jump {
            let target = offset_of(instr.arg as usize);
            if !labels.contains(&target) {
                labels.push(target);
            }
        }
    }
    labels
}

/// Decodes every instruction of `co` (CPython's `get_instructions`).
pub fn instructions(co: &CodeObject) -> Vec<Ins> {
    let labels: std::collections::HashSet<usize> = jump_targets(co).into_iter().collect();
    let starts = line_starts(co);
    let mut next_start = starts.iter().peekable();
    co.instructions
        .iter()
        .enumerate()
        .map(|(index, instr)| {
            let starts_line = match next_start.peek() {
                Some(&&(i, line)) if i == index => {
                    next_start.next();
                    Some(line)
                }
                _ => None,
            };
            let (arg, argval, argrepr) = describe_arg(co, index);
            let offset = offset_of(index);
            Ins {
                index,
                op: instr.op,
                arg,
                argval,
                argrepr,
                offset,
                starts_line,
                is_jump_target: labels.contains(&offset),
            }
        })
        .collect()
}

/// Column widths of one listing, which depend on the largest line number and offset.
#[derive(Clone, Copy, Debug)]
pub struct Widths {
    /// 0 omits the line column (code without line information).
    pub lineno: usize,
    pub offset: usize,
}

impl Widths {
    /// CPython's rule: three columns for line numbers below 1000, four for offsets below 10000.
    pub fn for_code(co: &CodeObject) -> Widths {
        let max_line = line_starts(co).iter().map(|&(_, l)| l).max();
        let lineno = match max_line {
            None => 0,
            Some(l) if l >= 1000 => l.to_string().len(),
            Some(_) => 3,
        };
        let max_offset = offset_of(co.instructions.len().saturating_sub(1));
        let offset = if max_offset >= 10000 {
            max_offset.to_string().len()
        } else {
            4
        };
        Widths { lineno, offset }
    }
}

/// Formats one instruction as a listing line (CPython's `Instruction._disassemble`).
pub fn format_ins(ins: &Ins, widths: Widths, current: bool) -> String {
    let mut fields: Vec<String> = Vec::with_capacity(7);
    if widths.lineno > 0 {
        fields.push(match ins.starts_line {
            Some(line) => format!("{line:>w$}", w = widths.lineno),
            None => " ".repeat(widths.lineno),
        });
    }
    fields.push(if current { "-->" } else { "   " }.to_string());
    fields.push(if ins.is_jump_target { ">>" } else { "  " }.to_string());
    fields.push(format!("{:>w$}", ins.offset, w = widths.offset));
    fields.push(format!("{:<w$}", ins.op.name(), w = OPNAME_WIDTH));
    if let Some(arg) = ins.arg {
        fields.push(format!("{arg:>w$}", w = OPARG_WIDTH));
        if !ins.argrepr.is_empty() {
            fields.push(format!("({})", ins.argrepr));
        }
    }
    fields.join(" ").trim_end().to_string()
}

/// Disassembles one code object; `current` marks an instruction index with `-->`.
pub fn disassemble(co: &CodeObject, current: Option<usize>) -> String {
    let widths = Widths::for_code(co);
    let mut out = String::new();
    for ins in instructions(co) {
        if widths.lineno > 0 && ins.starts_line.is_some() && ins.offset > 0 {
            out.push('\n');
        }
        out.push_str(&format_ins(&ins, widths, current == Some(ins.index)));
        out.push('\n');
    }
    out
}

/// The `repr` of a code object as CPython prints it in listings.
pub fn code_repr(co: &std::rc::Rc<CodeObject>) -> String {
    Constant::Code(co.clone()).to_string()
}

/// Disassembles a code object and then, recursively, the code objects among
/// its constants (CPython's `_disassemble_recursive`); `depth` limits the recursion.
pub fn disassemble_recursive(co: &CodeObject, depth: Option<usize>) -> String {
    let mut out = disassemble(co, None);
    if depth != Some(0) {
        for c in &co.consts {
            if let Constant::Code(inner) = c {
                let _ = write!(out, "\nDisassembly of {}:\n", code_repr(inner));
                out.push_str(&disassemble_recursive(inner, depth.map(|d| d - 1)));
            }
        }
    }
    out
}

/// CPython's `pretty_flags`: flag names in bit order, unknown bits in hex.
pub fn pretty_flags(code_flags: u32) -> String {
    let mut names = Vec::new();
    let mut rest = code_flags;
    for &(bit, name) in flags::NAMES.iter() {
        if rest & bit != 0 {
            names.push(name.to_string());
            rest &= !bit;
        }
    }
    if rest != 0 || names.is_empty() {
        names.push(format!("{rest:#x}"));
    }
    names.join(", ")
}

/// CPython's `code_info` text, with `code_flags` standing for `co_flags`
/// (a function decorated by `types.coroutine` adds ITERABLE_COROUTINE).
pub fn code_info(co: &CodeObject, code_flags: u32) -> String {
    let mut lines = vec![
        format!("Name:              {}", co.name),
        format!("Filename:          {}", co.filename),
        format!("Argument count:    {}", co.argcount),
        format!("Positional-only arguments: {}", co.posonlyargcount),
        format!("Kw-only arguments: {}", co.kwonlyargcount),
        format!("Number of locals:  {}", co.varnames.len()),
        format!("Stack size:        {}", co.stacksize),
        format!("Flags:             {}", pretty_flags(code_flags)),
    ];
    let mut section = |title: &str, items: Vec<String>| {
        if !items.is_empty() {
            lines.push(format!("{title}:"));
            lines.extend(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, s)| format!("{i:>4}: {s}")),
            );
        }
    };
    section(
        "Constants",
        co.consts.iter().map(|c| c.to_string()).collect(),
    );
    let strs = |v: &[std::rc::Rc<str>]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    section("Names", strs(&co.names));
    section("Variable names", strs(&co.varnames));
    section("Free variables", strs(&co.freevars));
    section("Cell variables", strs(&co.cellvars));
    lines.join("\n")
}

/// What kind of resumable code this is, for headings ("generator", "coroutine", ...).
pub fn kind_name(code_flags: u32) -> &'static str {
    if code_flags & flags::ASYNC_GENERATOR != 0 {
        "async generator"
    } else if code_flags & flags::COROUTINE != 0 {
        "coroutine"
    } else if code_flags & flags::GENERATOR != 0 && code_flags & flags::ITERABLE_COROUTINE != 0 {
        "generator-based coroutine"
    } else if code_flags & flags::GENERATOR != 0 {
        "generator"
    } else {
        "function"
    }
}

/// One resume point of a generator or coroutine: a state of its state machine.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub number: usize,
    /// Byte offset of the suspending instruction (`YIELD_VALUE` or `YIELD_FROM`).
    pub offset: usize,
    pub line: u32,
    /// What the frame waits on there, as source-like text.
    pub waits_on: String,
}

/// The resume points of `co`, from the compiler's suspension table. State 0
/// is the frame before it first runs; each suspension is a further state.
pub fn states(co: &CodeObject) -> Vec<State> {
    let mut out = vec![State {
        number: 0,
        offset: 0,
        line: co.firstlineno,
        waits_on: "created: not started yet (the first send(None) starts it)".into(),
    }];
    for (n, (index, kind, text)) in co.suspensions.iter().enumerate() {
        let index = *index as usize;
        let text = one_line(text);
        // The GET_AWAITABLE two instructions earlier says which half of `async with` this is.
        let context = index
            .checked_sub(2)
            .and_then(|i| co.instructions.get(i))
            .filter(|i| i.op == Opcode::GET_AWAITABLE)
            .map(|i| i.arg);
        let waits_on = match kind {
            SuspendKind::Yield if text.is_empty() => "yield".to_string(),
            SuspendKind::Yield => format!("yield {text}"),
            SuspendKind::YieldFrom => format!("yield from {text}"),
            SuspendKind::Await => format!("await {text}"),
            SuspendKind::AsyncFor => format!("async for: await __anext__() of {text}"),
            SuspendKind::AsyncWith => {
                let on_exception = index
                    .checked_sub(3)
                    .and_then(|i| co.instructions.get(i))
                    .is_some_and(|i| i.op == Opcode::WITH_EXCEPT_START);
                match (context, on_exception) {
                    (Some(1), _) => format!("async with: await {text}.__aenter__()"),
                    (_, true) => format!("async with: await {text}.__aexit__(exc) on an exception"),
                    _ => format!("async with: await {text}.__aexit__(None, None, None)"),
                }
            }
        };
        out.push(State {
            number: n + 1,
            offset: offset_of(index),
            line: co.line_of(index),
            waits_on,
        });
    }
    out
}

/// Which state a suspended frame is in, given its instruction pointer: a
/// `YIELD_FROM` frame stays on its instruction, a `YIELD_VALUE` frame has
/// moved past it.
pub fn current_state(co: &CodeObject, ip: usize) -> String {
    let found = states(co)
        .into_iter()
        .skip(1)
        .find(|s| s.offset == offset_of(ip) || s.offset + 2 == offset_of(ip));
    match found {
        Some(s) => format!(
            "Now suspended in state {} (offset {}, line {}): {}\n",
            s.number, s.offset, s.line, s.waits_on
        ),
        None => format!("Now at offset {}\n", offset_of(ip)),
    }
}

/// Collapses a multi-line source excerpt onto one line for tables.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The state table as text: a heading, then one row per state.
pub fn format_states(co: &std::rc::Rc<CodeObject>, code_flags: u32) -> String {
    let mut out = String::new();
    let resumable =
        code_flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0;
    if !resumable {
        let _ = writeln!(
            out,
            "{} is a plain function: it runs to completion and has no resume points.",
            co.qualname
        );
        return out;
    }
    let st = states(co);
    let _ = writeln!(
        out,
        "States of {} {} ({} resume point{}):",
        kind_name(code_flags),
        co.qualname,
        st.len() - 1,
        if st.len() == 2 { "" } else { "s" }
    );
    let _ = writeln!(
        out,
        "{:>7} {:>7} {:>5}  waits on",
        "state", "offset", "line"
    );
    for s in &st {
        let _ = writeln!(
            out,
            "{:>7} {:>7} {:>5}  {}",
            s.number, s.offset, s.line, s.waits_on
        );
    }
    out
}

/// The key two instructions are aligned on in `compare`: the opcode and the
/// meaning of its argument, leaving out what naturally differs between two
/// functions (line numbers, jump offsets, code-object addresses).
fn compare_key(co: &CodeObject, ins: &Ins) -> String {
    let name = ins.op.name();
    match ins.op.arg_kind() {
        ArgKind::Jump => name.to_string(),
        ArgKind::Const => match &ins.argval {
            ArgVal::Const(i) => match co.consts.get(*i) {
                Some(Constant::Code(inner)) => format!("{name} <code {}>", inner.name),
                _ => format!("{name} {}", ins.argrepr),
            },
            _ => format!("{name} {}", ins.argrepr),
        },
        // Table indices differ between functions; what they name is what counts.
        ArgKind::Name | ArgKind::Local | ArgKind::Free => format!("{name} {}", ins.argrepr),
        _ => format!("{name} {} {}", ins.arg.unwrap_or(0), ins.argrepr),
    }
}

/// An instruction in a narrower form than the listing's, for side-by-side
/// rows: line, jump-target mark, offset, opname, argument and its meaning.
fn compact(ins: &Ins) -> String {
    let line = ins.starts_line.map_or(String::new(), |l| l.to_string());
    let mark = if ins.is_jump_target { ">>" } else { "  " };
    let mut s = format!("{line:>3} {mark}{:>4} {:<20}", ins.offset, ins.op.name());
    if let Some(arg) = ins.arg {
        s.push_str(&format!("{arg:>4}"));
        if !ins.argrepr.is_empty() {
            s.push_str(&format!(" ({})", ins.argrepr));
        }
    }
    s.trim_end().to_string()
}

/// One row of an aligned comparison: an instruction index on either side.
type Row = (Option<usize>, Option<usize>);

/// Aligns two instruction lists on their keys with a longest common
/// subsequence; unmatched runs are paired up side by side as substitutions.
fn align(a: &[String], b: &[String]) -> Vec<Row> {
    let (n, m) = (a.len(), b.len());
    // The table is n*m: past a few million cells (huge module bodies), pair by position instead.
    if n.saturating_mul(m) > 4_000_000 {
        return (0..n.max(m))
            .map(|i| ((i < n).then_some(i), (i < m).then_some(i)))
            .collect();
    }
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut rows = Vec::new();
    let (mut i, mut j) = (0, 0);
    let (mut only_a, mut only_b) = (Vec::new(), Vec::new());
    let flush = |rows: &mut Vec<Row>, only_a: &mut Vec<usize>, only_b: &mut Vec<usize>| {
        let k = only_a.len().max(only_b.len());
        for t in 0..k {
            rows.push((only_a.get(t).copied(), only_b.get(t).copied()));
        }
        only_a.clear();
        only_b.clear();
    };
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            flush(&mut rows, &mut only_a, &mut only_b);
            rows.push((Some(i), Some(j)));
            i += 1;
            j += 1;
        } else if j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1]) {
            only_a.push(i);
            i += 1;
        } else {
            only_b.push(j);
            j += 1;
        }
    }
    flush(&mut rows, &mut only_a, &mut only_b);
    rows
}

/// Compares two code objects side by side, instruction by instruction,
/// marking rows that differ with `*`, and ends with a one-line verdict.
pub fn compare(a: &CodeObject, a_flags: u32, b: &CodeObject, b_flags: u32) -> String {
    let (ia, ib) = (instructions(a), instructions(b));
    let ka: Vec<String> = ia.iter().map(|i| compare_key(a, i)).collect();
    let kb: Vec<String> = ib.iter().map(|i| compare_key(b, i)).collect();
    let rows = align(&ka, &kb);
    // Where each instruction of `a` landed in `b`, to check that jumps still agree.
    let mut a_to_b = vec![None; ia.len()];
    for &(x, y) in &rows {
        if let (Some(x), Some(y)) = (x, y) {
            a_to_b[x] = Some(y);
        }
    }
    let left_w = rows
        .iter()
        .filter_map(|r| r.0)
        .map(|x| compact(&ia[x]).chars().count())
        .max()
        .unwrap_or(0)
        .max(a.qualname.chars().count() + kind_name(a_flags).len() + 1);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "  {:<left_w$} | {} {}",
        format!("{} {}", kind_name(a_flags), a.qualname),
        kind_name(b_flags),
        b.qualname
    );
    let _ = writeln!(out, "  {:-<left_w$}-+-{:-<left_w$}", "", "");
    let mut changed: Vec<(String, String)> = Vec::new();
    let (mut subs, mut only_left, mut only_right) = (0, 0, 0);
    for &(x, y) in &rows {
        let same = match (x, y) {
            (Some(x), Some(y)) => {
                let jump_ok = match (&ia[x].argval, &ib[y].argval) {
                    (ArgVal::Offset(ta), ArgVal::Offset(tb)) => {
                        a_to_b.get(ta / 2).copied().flatten() == Some(tb / 2)
                    }
                    _ => true,
                };
                ka[x] == kb[y] && jump_ok
            }
            _ => false,
        };
        match (x, y) {
            (Some(x), Some(y)) if !same => {
                subs += 1;
                let pair = (ia[x].op.name().to_string(), ib[y].op.name().to_string());
                let pair = if pair.0 == pair.1 {
                    (ka[x].clone(), kb[y].clone())
                } else {
                    pair
                };
                if !changed.contains(&pair) {
                    changed.push(pair);
                }
            }
            (Some(_), None) => only_left += 1,
            (None, Some(_)) => only_right += 1,
            _ => {}
        }
        let l = x.map_or(String::new(), |x| compact(&ia[x]));
        let r = y.map_or(String::new(), |y| compact(&ib[y]));
        let mark = if same { ' ' } else { '*' };
        let row = format!("{mark} {l:<left_w$} | {r}");
        let _ = writeln!(out, "{}", row.trim_end());
    }
    let total = rows.len();
    let verdict = if subs + only_left + only_right == 0 {
        format!("identical: the same {} instructions", ia.len())
    } else if only_left + only_right == 0 {
        let what: Vec<String> = changed.iter().map(|(l, r)| format!("{l} / {r}")).collect();
        format!("the same but for {}", what.join(", "))
    } else {
        let mut parts = Vec::new();
        if subs > 0 {
            parts.push(format!("{subs} changed"));
        }
        if only_left > 0 {
            parts.push(format!("{only_left} only in {}", a.qualname));
        }
        if only_right > 0 {
            parts.push(format!("{only_right} only in {}", b.qualname));
        }
        format!(
            "different: {} of {total} rows differ ({})",
            subs + only_left + only_right,
            parts.join(", ")
        )
    };
    let _ = writeln!(out, "Verdict: {verdict}");
    out
}

/// One trace line for the instruction about to run: the code's qualified
/// name, the instruction as `compare` rows show it (line, offset, opname,
/// argument) and the value-stack depth before it runs.
pub fn trace_line(co: &CodeObject, index: usize, stack_depth: usize) -> String {
    let Some(instr) = co.instructions.get(index) else {
        return format!("{}: <no instruction at index {index}>", co.qualname);
    };
    let (arg, argval, argrepr) = describe_arg(co, index);
    let ins = Ins {
        index,
        op: instr.op,
        arg,
        argval,
        argrepr,
        offset: offset_of(index),
        starts_line: Some(co.line_of(index)),
        is_jump_target: false,
    };
    format!(
        "{:<24} {:<60} [stack {stack_depth}]",
        co.qualname,
        compact(&ins)
    )
}
