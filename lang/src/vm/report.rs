//! Traceback text as CPython 3.11 prints it: the one formatter behind the
//! VM's own printing of uncaught exceptions and the `traceback` module.
//!
//! # How it works
//! An exception is first described by an [`ExceptionReport`] (CPython's
//! `traceback.TracebackException`): its stack as [`FrameSummary`]s, its type
//! name and message, its notes, and the reports of its cause, context and
//! group members. Formatting a report is then text work only, in
//! [`format_report`] (chains, exception groups with their margins) and
//! [`format_stack`] (frames, with repeated lines collapsed). The VM builds
//! reports straight from exceptions (`Vm::exception_report`); the
//! `traceback` module builds them from its `TracebackException` objects
//! (`stdlib/traceback.rs`), so both print through the same code.
//!
//! CPython has two printers, the interpreter's (in C) and the `traceback`
//! module's; in 3.11.2 they differ only in how a source line's trailing
//! whitespace shows (see [`Printer`]) and in which end of a stack
//! `sys.tracebacklimit` keeps ([`Limit`]).
//!
//! Extensions (the "Did you mean" hints of `NameError` and
//! `AttributeError`) belong in [`Vm::exception_report`], where a report's
//! message is made: both printers then show them.

use super::carets;
pub use super::carets::Positions;
use super::traceback::Traceback;
use super::Vm;
use crate::objects::{Code, Name, Native, Value};

/// Which of CPython's two traceback printers to follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Printer {
    /// The interpreter's: a source line keeps its trailing whitespace.
    Interpreter,
    /// The `traceback` module's: a source line is stripped, and the carets
    /// under it shift by its trailing whitespace.
    Module,
}

/// How many frames of a stack to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    All,
    /// The outermost `n` frames (the module's positive `limit`).
    First(usize),
    /// The innermost `n` frames (the module's negative `limit`, and the
    /// interpreter's `sys.tracebacklimit`).
    Last(usize),
}

impl Limit {
    /// The module's `limit` argument, `sys.tracebacklimit` standing in
    /// when it is None (a negative `tracebacklimit` counts as 0).
    pub fn for_module(vm: &Vm, limit: Option<i64>) -> Limit {
        let limit = limit.or_else(|| vm.sys_tracebacklimit().map(|l| l.max(0)));
        match limit {
            None => Limit::All,
            Some(n) if n >= 0 => Limit::First(n as usize),
            Some(n) => Limit::Last(n.unsigned_abs() as usize),
        }
    }

    /// Keeps the frames the limit lets through.
    pub fn apply<T>(self, mut items: Vec<T>) -> Vec<T> {
        match self {
            Limit::All => items,
            Limit::First(n) => {
                items.truncate(n);
                items
            }
            Limit::Last(n) => {
                let cut = items.len().saturating_sub(n);
                items.split_off(cut)
            }
        }
    }
}

/// One frame of a stack listing (`traceback.FrameSummary`).
#[derive(Clone, Debug, Default)]
pub struct FrameSummary {
    pub filename: String,
    pub lineno: Option<i64>,
    pub name: String,
    /// The source line as `linecache` gives it (with its newline); None
    /// when there is none.
    pub line: Option<String>,
    pub end_lineno: Option<i64>,
    pub colno: Option<i64>,
    pub end_colno: Option<i64>,
    /// `capture_locals`: the frame's locals, each name with its repr.
    pub locals: Option<Vec<(String, String)>>,
}

impl FrameSummary {
    /// The entry for `code` at line `lineno`, with the positions of
    /// instruction `instr` when they lie on that line.
    pub fn at(code: &Code, lineno: i64, instr: Option<usize>) -> FrameSummary {
        let co = &code.co;
        let mut fs = FrameSummary {
            filename: co.filename.to_string(),
            lineno: Some(lineno),
            name: co.name.to_string(),
            ..FrameSummary::default()
        };
        let Some(source) = co.source.as_deref().filter(|_| has_lines(&co.filename)) else {
            return fs;
        };
        let index = crate::source::LineIndex::new(source);
        let Ok(line) = u32::try_from(lineno) else {
            return fs;
        };
        fs.line = Some(format!("{}\n", index.line_text(source, line)));
        let span = instr.and_then(|i| co.spans.get(i));
        let pos = span.and_then(|&s| Positions::of_span(source, &index, s));
        if let Some(pos) = pos.filter(|p| p.lineno == line) {
            fs.end_lineno = Some(pos.end_lineno as i64);
            fs.colno = Some(pos.colno as i64);
            fs.end_colno = Some(pos.end_colno as i64);
        }
        fs
    }

    /// An entry of a coroutine's `cr_origin`, `(filename, lineno, name)`,
    /// with its line read from the file.
    pub fn from_origin(vm: &Vm, entry: &Value) -> Option<FrameSummary> {
        let items = vm.to_vec(entry).ok()?;
        let [filename, Value::Int(lineno), name] = items.as_slice() else {
            return None;
        };
        let filename = filename.as_str()?.to_string();
        Some(FrameSummary {
            line: file_line(&filename, *lineno),
            filename,
            lineno: Some(*lineno),
            name: name.as_str()?.to_string(),
            ..FrameSummary::default()
        })
    }

    fn positions(&self) -> Option<Positions> {
        let lineno = u32::try_from(self.lineno?).ok()?;
        Some(Positions {
            lineno,
            end_lineno: self
                .end_lineno
                .and_then(|l| u32::try_from(l).ok())
                .unwrap_or(lineno),
            colno: usize::try_from(self.colno?).ok()?,
            end_colno: usize::try_from(self.end_colno?).ok()?,
        })
    }
}

/// Where instruction `instr` of `code` sits in its source (CPython's
/// `co_positions()` entry), if the code has its source.
pub fn code_positions(code: &Code, instr: usize) -> Option<Positions> {
    let co = &code.co;
    let source = co.source.as_deref()?;
    let span = *co.spans.get(instr)?;
    Positions::of_span(source, &crate::source::LineIndex::new(source), span)
}

/// Whether a file's lines can be shown: CPython finds none for `<string>`,
/// `<stdin>`, `<frozen os>` and the like.
pub fn has_lines(filename: &str) -> bool {
    !(filename.starts_with('<') && filename.ends_with('>'))
}

/// Line `lineno` of file `filename` as read from disk (with a newline),
/// as `linecache.getline` finds it; files are read once.
pub fn file_line(filename: &str, lineno: i64) -> Option<String> {
    thread_local! {
        static FILES: std::cell::RefCell<std::collections::HashMap<String, Option<std::rc::Rc<str>>>> =
            Default::default();
    }
    if !has_lines(filename) || lineno < 1 {
        return None;
    }
    let text = FILES.with(|files| {
        files
            .borrow_mut()
            .entry(filename.to_string())
            .or_insert_with(|| {
                std::fs::read_to_string(filename)
                    .ok()
                    .map(std::rc::Rc::from)
            })
            .clone()
    })?;
    let line = text.split_inclusive('\n').nth(lineno as usize - 1)?;
    Some(format!("{}\n", line.trim_end_matches('\n')))
}

/// One frame's text: the `File` line, the source line and its carets, and
/// the captured locals.
pub fn format_frame(fs: &FrameSummary, printer: Printer) -> String {
    let mut out = format!(
        "  File \"{}\", line {}, in {}\n",
        fs.filename,
        fs.lineno.map_or("None".to_string(), |l| l.to_string()),
        fs.name
    );
    if let Some(raw) = &fs.line {
        let line = raw.trim_end_matches(['\n', '\r']);
        let shown = match printer {
            Printer::Interpreter => carets::shown_line(line),
            Printer::Module => raw.trim(),
        };
        if !shown.trim().is_empty() {
            out.push_str("    ");
            out.push_str(shown);
            out.push('\n');
            if let Some(pos) = fs.positions() {
                let carets = match printer {
                    Printer::Interpreter => carets::interpreter_carets(line, pos),
                    Printer::Module => carets::module_carets(raw, pos),
                };
                out.extend(carets);
            }
        }
    }
    if let Some(locals) = &fs.locals {
        let mut locals = locals.clone();
        locals.sort();
        for (name, value) in locals {
            out.push_str(&format!("    {name} = {value}\n"));
        }
    }
    out
}

/// How many times a line repeats before the rest are counted, not shown.
const RECURSIVE_CUTOFF: usize = 3;

/// `StackSummary.format()`: one string per frame, outermost first, with
/// runs of the same file, line and function past three collapsed into
/// `[Previous line repeated N more times]`.
pub fn format_stack(frames: &[FrameSummary], printer: Printer) -> Vec<String> {
    format_stack_with(frames, |fs| fs, |fs| Some(format_frame(fs, printer)))
}

/// [`format_stack`] with each frame's text from `text` (None leaves the
/// frame out, as a `format_frame_summary` returning None does).
pub fn format_stack_with<T>(
    items: &[T],
    summary: impl Fn(&T) -> &FrameSummary,
    mut text: impl FnMut(&T) -> Option<String>,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut last: Option<(&str, Option<i64>, &str)> = None;
    let mut count = 0;
    for item in items {
        let Some(formatted) = text(item) else {
            continue;
        };
        let fs = summary(item);
        let key = (fs.filename.as_str(), fs.lineno, fs.name.as_str());
        if last != Some(key) {
            push_repeated(&mut out, count);
            last = Some(key);
            count = 0;
        }
        count += 1;
        if count <= RECURSIVE_CUTOFF {
            out.push(formatted);
        }
    }
    push_repeated(&mut out, count);
    out
}

fn push_repeated(out: &mut Vec<String>, count: usize) {
    if count > RECURSIVE_CUTOFF {
        let more = count - RECURSIVE_CUTOFF;
        let s = if more > 1 { "s" } else { "" };
        out.push(format!("  [Previous line repeated {more} more time{s}]\n"));
    }
}

/// A `SyntaxError`'s location, shown above its message.
#[derive(Clone, Debug, Default)]
pub struct SyntaxDetails {
    pub filename: Option<String>,
    pub lineno: Option<String>,
    pub text: Option<String>,
    pub offset: Option<i64>,
    pub end_offset: Option<i64>,
    /// Whether the error spans several lines (`end_lineno > lineno`).
    pub multiline: bool,
    /// The exception is a `SyntaxError` itself, not a subclass such as
    /// `IndentationError` (the interpreter underlines only its errors).
    pub exact: bool,
    pub msg: Option<String>,
}

/// An exception's `__notes__`.
#[derive(Clone, Debug, Default)]
pub enum Notes {
    #[default]
    None,
    /// A sequence: each note's `str()` (or the failure placeholder).
    Each(Vec<String>),
    /// Anything else: its `repr()`, shown as is.
    Other(String),
}

/// Everything shown for one exception (`traceback.TracebackException`).
#[derive(Clone, Debug, Default)]
pub struct ExceptionReport {
    pub stack: Vec<FrameSummary>,
    /// The qualified type name; None for an exception type of None.
    pub type_name: Option<String>,
    /// `str()` of the exception, or `<exception str() failed>`.
    pub message: String,
    pub syntax: Option<SyntaxDetails>,
    pub notes: Notes,
    pub cause: Option<Box<ExceptionReport>>,
    pub context: Option<Box<ExceptionReport>>,
    pub suppress_context: bool,
    /// The members of an exception group.
    pub exceptions: Option<Vec<ExceptionReport>>,
    /// The exception reported and its type, when the report was made from
    /// one (for the `traceback` module's `TracebackException`).
    pub exc_type: Value,
    pub exc: Value,
}

/// CPython's limits on how much of an exception group a traceback shows.
pub const MAX_GROUP_WIDTH: usize = 15;
pub const MAX_GROUP_DEPTH: usize = 10;

/// How to format a report.
#[derive(Clone, Copy, Debug)]
pub struct FormatOptions {
    pub printer: Printer,
    /// Show the cause or context before the exception.
    pub chain: bool,
    pub max_group_width: usize,
    pub max_group_depth: usize,
}

impl FormatOptions {
    pub fn new(printer: Printer) -> FormatOptions {
        FormatOptions {
            printer,
            chain: true,
            max_group_width: MAX_GROUP_WIDTH,
            max_group_depth: MAX_GROUP_DEPTH,
        }
    }
}

/// The chained exceptions' separators.
const CAUSE_MESSAGE: &str =
    "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_MESSAGE: &str =
    "\nDuring handling of the above exception, another exception occurred:\n\n";

/// `TracebackException.format()`: the report's text as a list of chunks
/// (what `traceback.format_exception` returns; joined, what is printed).
pub fn format_report(report: &ExceptionReport, opts: FormatOptions) -> Vec<String> {
    let mut ctx = Context::default();
    format_chain(report, opts, &mut ctx);
    ctx.out
}

/// The state of formatting one report with its chain and groups (CPython's
/// `_ExceptionPrintContext`).
#[derive(Default)]
struct Context {
    out: Vec<String>,
    /// Exception-group nesting: lines are indented by two spaces a level
    /// and, inside a group, get a `| ` margin.
    depth: usize,
    /// Whether the innermost group still owes its closing line.
    need_close: bool,
}

impl Context {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// Adds `text` with every line indented and, inside a group, after
    /// the margin (`margin` then a space).
    fn emit(&mut self, text: &str, margin: char) {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        let mut chunk = String::with_capacity(text.len());
        for line in text.split_inclusive('\n') {
            chunk.push_str(&prefix);
            chunk.push_str(line);
        }
        self.out.push(chunk);
    }
}

fn format_chain(report: &ExceptionReport, opts: FormatOptions, ctx: &mut Context) {
    let mut chain: Vec<(Option<&str>, &ExceptionReport)> = Vec::new();
    let mut exc = Some(report);
    while let Some(e) = exc {
        let (msg, next) = if !opts.chain {
            (None, None)
        } else if let Some(cause) = &e.cause {
            (Some(CAUSE_MESSAGE), Some(&**cause))
        } else if let Some(context) = e.context.as_ref().filter(|_| !e.suppress_context) {
            (Some(CONTEXT_MESSAGE), Some(&**context))
        } else {
            (None, None)
        };
        chain.push((msg, e));
        exc = next;
    }
    for (msg, exc) in chain.into_iter().rev() {
        if let Some(msg) = msg {
            ctx.emit(msg, '|');
        }
        format_one(exc, opts, ctx);
    }
}

/// One exception of a chain: its traceback, its `Type: message` and
/// notes, and an exception group's members.
fn format_one(exc: &ExceptionReport, opts: FormatOptions, ctx: &mut Context) {
    let Some(members) = &exc.exceptions else {
        if !exc.stack.is_empty() {
            ctx.emit("Traceback (most recent call last):\n", '|');
            for frame in format_stack(&exc.stack, opts.printer) {
                ctx.emit(&frame, '|');
            }
        }
        for line in format_exception_only(exc, opts.printer) {
            ctx.emit(&line, '|');
        }
        return;
    };
    if ctx.depth > opts.max_group_depth {
        ctx.emit(
            &format!("... (max_group_depth is {})\n", opts.max_group_depth),
            '|',
        );
        return;
    }
    let top_level = ctx.depth == 0;
    if top_level {
        ctx.depth += 1;
    }
    if !exc.stack.is_empty() {
        let margin = if top_level { '+' } else { '|' };
        ctx.emit(
            "Exception Group Traceback (most recent call last):\n",
            margin,
        );
        for frame in format_stack(&exc.stack, opts.printer) {
            ctx.emit(&frame, '|');
        }
    }
    for line in format_exception_only(exc, opts.printer) {
        ctx.emit(&line, '|');
    }
    let n = members.len().min(opts.max_group_width + 1);
    ctx.need_close = false;
    for (i, member) in members.iter().take(n).enumerate() {
        let last = i + 1 == n;
        if last {
            // The closing line may come from a nested group instead.
            ctx.need_close = true;
        }
        let truncated = i >= opts.max_group_width;
        let title = if truncated {
            "...".to_string()
        } else {
            (i + 1).to_string()
        };
        let corner = if i == 0 { "+-" } else { "  " };
        let line = format!(
            "{}{corner}+---------------- {title} ----------------\n",
            ctx.indent()
        );
        ctx.out.push(line);
        ctx.depth += 1;
        if truncated {
            let remaining = members.len() - opts.max_group_width;
            let s = if remaining > 1 { "s" } else { "" };
            ctx.emit(&format!("and {remaining} more exception{s}\n"), '|');
        } else {
            format_chain(member, opts, ctx);
        }
        if last && ctx.need_close {
            let line = format!("{}+------------------------------------\n", ctx.indent());
            ctx.out.push(line);
            ctx.need_close = false;
        }
        ctx.depth -= 1;
    }
    if top_level {
        ctx.depth = 0;
    }
}

/// `TracebackException.format_exception_only()`: the `Type: message`
/// line (a `SyntaxError` shows its location first), then the notes.
pub fn format_exception_only(exc: &ExceptionReport, printer: Printer) -> Vec<String> {
    let mut out = Vec::new();
    let type_name = exc.type_name.as_deref().unwrap_or("None");
    match (&exc.syntax, &exc.type_name) {
        (Some(syntax), Some(_)) => format_syntax_error(syntax, type_name, printer, &mut out),
        _ => out.push(final_line(type_name, &exc.message)),
    }
    if exc.type_name.is_none() {
        return out;
    }
    match &exc.notes {
        Notes::None => {}
        Notes::Each(notes) => {
            for note in notes {
                out.extend(note.split('\n').map(|l| format!("{l}\n")));
            }
        }
        Notes::Other(repr) => out.push(repr.clone()),
    }
    out
}

fn final_line(type_name: &str, message: &str) -> String {
    if message.is_empty() {
        format!("{type_name}\n")
    } else {
        format!("{type_name}: {message}\n")
    }
}

/// A `SyntaxError`: where it is (file, line, the text with a caret), then
/// the message.
pub(crate) fn format_syntax_error(
    s: &SyntaxDetails,
    type_name: &str,
    printer: Printer,
    out: &mut Vec<String>,
) {
    let mut filename_suffix = String::new();
    if let Some(lineno) = &s.lineno {
        out.push(format!(
            "  File \"{}\", line {lineno}\n",
            s.filename.as_deref().unwrap_or("<string>")
        ));
    } else if let Some(filename) = &s.filename {
        filename_suffix = format!(" ({filename})");
    }
    if let Some(text) = &s.text {
        match printer {
            Printer::Interpreter => interpreter_syntax_text(s, text, out),
            Printer::Module => module_syntax_text(s, text, out),
        }
    }
    let msg = s
        .msg
        .as_deref()
        .filter(|m| !m.is_empty())
        .unwrap_or("<no detail available>");
    out.push(format!("{type_name}: {msg}{filename_suffix}\n"));
}

/// The source line and carets as the interpreter prints them: the line
/// loses its leading blanks (spaces, tabs, form feeds) but keeps trailing
/// ones; there is no caret when the offset points into the stripped
/// blanks; a `SyntaxError` itself is underlined up to `end_offset` (to the
/// end of the line when the error spans lines), its subclasses get one
/// caret; carets never run past the line.
fn interpreter_syntax_text(s: &SyntaxDetails, text: &str, out: &mut Vec<String>) {
    let ltext = text.trim_start_matches([' ', '\t', '\x0c']);
    let lead = (text.chars().count() - ltext.chars().count()) as i64;
    let shown = ltext.strip_suffix('\n').unwrap_or(ltext);
    out.push(format!("    {shown}\n"));
    let Some(offset) = s.offset else {
        return;
    };
    let colno = offset - 1 - lead;
    if colno < 0 {
        return;
    }
    let colno = colno.min(shown.chars().count() as i64);
    let width = if s.exact {
        let line_size = text.chars().count() as i64;
        let mut end_offset = s.end_offset.unwrap_or(-1);
        if s.multiline {
            end_offset = line_size;
        }
        end_offset = end_offset.min(line_size + 1);
        if end_offset > offset {
            end_offset - offset
        } else {
            1
        }
    } else {
        1
    };
    out.push(format!(
        "    {}{}\n",
        " ".repeat(colno as usize),
        "^".repeat(width as usize)
    ));
}

/// The source line and carets as the `traceback` module prints them: the
/// line is stripped of spaces at both ends, and whitespace before the
/// carets other than spaces (tabs) is kept, for alignment.
fn module_syntax_text(s: &SyntaxDetails, text: &str, out: &mut Vec<String>) {
    let rtext = text.trim_end_matches('\n');
    let ltext = rtext.trim_start_matches([' ', '\n', '\x0c']);
    let spaces = (rtext.chars().count() - ltext.chars().count()) as i64;
    out.push(format!("    {ltext}\n"));
    let Some(offset) = s.offset else {
        return;
    };
    let mut end_offset = match s.end_offset {
        None | Some(0) => offset,
        Some(e) => e,
    };
    if offset == end_offset || end_offset == -1 {
        end_offset = offset + 1;
    }
    let colno = offset - 1 - spaces;
    let end_colno = end_offset - 1 - spaces;
    if colno >= 0 {
        let caret_space: String = ltext
            .chars()
            .take(colno as usize)
            .map(|c| if c.is_whitespace() { c } else { ' ' })
            .collect();
        let width = (end_colno - colno).max(0) as usize;
        out.push(format!("    {caret_space}{}\n", "^".repeat(width)));
    }
}

/// What to put in the reports `Vm::exception_report` makes.
#[derive(Clone, Copy, Debug)]
pub struct ReportOptions {
    pub limit: Limit,
    pub capture_locals: bool,
    /// Look the source lines up (the module's `lookup_lines`); without,
    /// frames show none.
    pub lookup_lines: bool,
    /// Leave out a context that will not be shown (the module's `compact`).
    pub compact: bool,
    /// Add "Did you mean" hints to `NameError`s and `AttributeError`s: the
    /// interpreter's printer does, 3.11's `traceback` module does not.
    pub suggestions: bool,
}

impl ReportOptions {
    /// What the interpreter's printer shows: all frames (or the innermost
    /// `sys.tracebacklimit`), with their lines.
    pub fn interpreter(vm: &Vm) -> ReportOptions {
        ReportOptions {
            limit: match vm.sys_tracebacklimit() {
                // No traceback at all, as CPython's `PyTraceBack_Print`.
                Some(n) if n <= 0 => Limit::First(0),
                Some(n) => Limit::Last(n as usize),
                None => Limit::All,
            },
            capture_locals: false,
            lookup_lines: true,
            compact: false,
            suggestions: true,
        }
    }
}

impl Vm {
    /// The report for exception `exc` (of type `exc_type`, with traceback
    /// `tb`), with those of its cause, context and group members, each
    /// exception reported once however often it is reached (as CPython's
    /// `TracebackException` builds them).
    pub fn exception_report(
        &self,
        exc_type: &Value,
        exc: &Value,
        tb: Option<Native<Traceback>>,
        opts: ReportOptions,
    ) -> ExceptionReport {
        let mut seen = vec![exc.id()];
        let mut report = self.report_one(exc_type, exc, tb, opts);
        self.report_links(&mut report, exc, opts, &mut seen);
        report
    }

    /// A report's cause, context and members, breadth first as CPython's
    /// queue does it, each new exception marked seen as its report is made.
    fn report_links(
        &self,
        report: &mut ExceptionReport,
        exc: &Value,
        opts: ReportOptions,
        seen: &mut Vec<usize>,
    ) {
        let Value::Instance(inst) = exc else { return };
        if !inst.is_exception() {
            return;
        }
        let (cause, context, group) = {
            let d = inst.exc_data();
            (d.cause.clone(), d.context.clone(), d.group.clone())
        };
        let linked = |v: Option<Value>, seen: &mut Vec<usize>| {
            let v = v.filter(|v| !v.is_none() && !seen.contains(&v.id()))?;
            seen.push(v.id());
            Some((self.report_of(&v, opts), v))
        };
        let cause = linked(cause, seen);
        let need_context = !opts.compact || (cause.is_none() && !report.suppress_context);
        let context = linked(context.filter(|_| need_context), seen);
        let members: Option<Vec<_>> = group.map(|(_, excs)| {
            excs.iter()
                .map(|e| {
                    seen.push(e.id());
                    (self.report_of(e, opts), e.clone())
                })
                .collect()
        });
        // CPython pops its queue from the end: the members' links are
        // made first (last member first), then the context's, the cause's.
        let members = members.map(|mut m| {
            for (r, e) in m.iter_mut().rev() {
                self.report_links(r, e, opts, seen);
            }
            m.into_iter().map(|(r, _)| r).collect()
        });
        let context = context.map(|(mut r, e)| {
            self.report_links(&mut r, &e, opts, seen);
            Box::new(r)
        });
        let cause = cause.map(|(mut r, e)| {
            self.report_links(&mut r, &e, opts, seen);
            Box::new(r)
        });
        report.cause = cause;
        report.context = context;
        report.exceptions = members;
    }

    /// The report of exception `v` alone (its links not filled in).
    fn report_of(&self, v: &Value, opts: ReportOptions) -> ExceptionReport {
        let tb = match v {
            Value::Instance(i) if i.is_exception() => i.exc_data().traceback.clone(),
            _ => None,
        };
        let class = Value::Class(self.class_of(v));
        self.report_one(&class, v, tb, opts)
    }

    fn report_one(
        &self,
        exc_type: &Value,
        exc: &Value,
        tb: Option<Native<Traceback>>,
        opts: ReportOptions,
    ) -> ExceptionReport {
        let scopes = tb
            .as_ref()
            .filter(|_| opts.suggestions)
            .and_then(|tb| self.name_scopes(tb));
        let stack = tb.map(|tb| self.extract_tb(&tb, opts)).unwrap_or_default();
        let type_name = match exc_type {
            Value::None => None,
            other => Some(self.qualified_type_name(other)),
        };
        let mut message = self.safe_str(exc, "exception");
        let hint = opts
            .suggestions
            .then(|| self.suggestion(exc, scopes.as_ref()));
        if let Some(hint) = hint.flatten() {
            message.push_str(&format!(". Did you mean: '{hint}'?"));
        }
        let is_syntax_error =
            matches!(exc_type, Value::Class(c) if c.is_subclass(&self.exc.syntax_error));
        let syntax = is_syntax_error.then(|| self.syntax_details(exc));
        let suppress_context = match exc {
            Value::Instance(i) if i.is_exception() => i.exc_data().suppress_context,
            _ => false,
        };
        let notes = self.notes_of(exc);
        ExceptionReport {
            stack,
            type_name,
            message,
            syntax,
            notes,
            suppress_context,
            exc_type: exc_type.clone(),
            exc: exc.clone(),
            ..ExceptionReport::default()
        }
    }

    /// The names visible where the traceback's innermost frame raised: what
    /// a `NameError` may have meant (see `suggestions.rs`).
    fn name_scopes(&self, tb: &Native<Traceback>) -> Option<super::suggestions::NameScopes> {
        let last = Traceback::chain(tb).last()?;
        let frame = last.frame.frame();
        let strings = |names: Vec<crate::objects::Name>| {
            names.iter().map(|n| n.as_str().to_string()).collect()
        };
        Some(super::suggestions::NameScopes {
            locals: frame.code.varnames.iter().map(|n| n.to_string()).collect(),
            globals: strings(frame.globals.key_names()),
            builtins: strings(self.builtins.key_names()),
        })
    }

    /// A traceback's frames as summaries, outermost first.
    pub fn extract_tb(&self, tb: &Native<Traceback>, opts: ReportOptions) -> Vec<FrameSummary> {
        let entries = opts.limit.apply(Traceback::chain(tb).collect());
        entries
            .iter()
            .map(|tb| {
                let mut fs = FrameSummary::at(&tb.code(), tb.lineno, tb.instr());
                self.finish_summary(&mut fs, &tb.frame, opts);
                fs
            })
            .collect()
    }

    /// Drops or adds what `opts` asks: source lines, captured locals.
    pub fn finish_summary(
        &self,
        fs: &mut FrameSummary,
        frame: &super::frame_object::FrameObject,
        opts: ReportOptions,
    ) {
        if !opts.lookup_lines {
            fs.line = None;
        }
        if opts.capture_locals {
            fs.locals = self.captured_locals(frame);
        }
    }

    /// A frame's locals, each name with its repr (CPython's
    /// `capture_locals`), or None when that fails.
    fn captured_locals(
        &self,
        frame: &super::frame_object::FrameObject,
    ) -> Option<Vec<(String, String)>> {
        let Ok(Value::Dict(d)) = frame.locals(self) else {
            return None;
        };
        Some(
            d.items()
                .into_iter()
                .map(|(k, v)| {
                    let name = self.to_str(&k).unwrap_or_default();
                    let repr = self
                        .repr(&v)
                        .unwrap_or_else(|_| "<unprintable object>".to_string());
                    (name, repr)
                })
                .collect(),
        )
    }

    /// `str(v)`, or `<WHAT str() failed>` (CPython's `_safe_string`).
    pub fn safe_str(&self, v: &Value, what: &str) -> String {
        match self.call_method(v, "__str__", &[]) {
            Ok(Value::Str(s)) => s.as_str().to_string(),
            _ => format!("<{what} str() failed>"),
        }
    }

    /// `module.qualname` of a class value, as a traceback names a type.
    pub fn qualified_type_name(&self, class: &Value) -> String {
        let attr = |name: &str| {
            self.get_attr_opt(class, &Name::new(name))
                .ok()
                .flatten()
                .and_then(|v| v.as_str().map(str::to_string))
        };
        let qualname = match (attr("__qualname__"), class) {
            (Some(q), _) => q,
            (None, Value::Class(c)) => c.qualname.borrow().to_string(),
            (None, _) => String::new(),
        };
        let module = match (attr("__module__"), class) {
            (Some(m), _) => m,
            (None, Value::Class(c)) => c.module.borrow().to_string(),
            (None, _) => "<unknown>".to_string(),
        };
        match module.as_str() {
            "__main__" | "builtins" => qualname,
            m => format!("{m}.{qualname}"),
        }
    }

    /// An exception's `__notes__` for printing.
    fn notes_of(&self, exc: &Value) -> Notes {
        match self.get_attr_opt(exc, &Name::new("__notes__")) {
            Ok(Some(notes)) => self.notes_from(&notes, Printer::Interpreter),
            _ => Notes::None,
        }
    }

    /// A `__notes__` value for printing: each note of a list or tuple,
    /// else the value's repr; the module's printer also takes a string
    /// as a sequence, of one-character notes.
    pub fn notes_from(&self, notes: &Value, printer: Printer) -> Notes {
        match notes {
            Value::None => Notes::None,
            Value::Str(s) if printer == Printer::Module => {
                Notes::Each(s.as_str().chars().map(String::from).collect())
            }
            Value::List(_) | Value::Tuple(_) => {
                let items = self.to_vec(notes).unwrap_or_default();
                Notes::Each(items.iter().map(|n| self.safe_str(n, "note")).collect())
            }
            other => Notes::Other(
                self.repr(other)
                    .unwrap_or_else(|_| "<__notes__ repr() failed>".to_string()),
            ),
        }
    }

    /// A `SyntaxError`'s location attributes (of the exception, or of a
    /// `TracebackException`, which copies them).
    pub fn syntax_details(&self, exc: &Value) -> SyntaxDetails {
        let attr = |name: &str| {
            self.get_attr_opt(exc, &Name::new(name))
                .ok()
                .flatten()
                .filter(|v| !v.is_none())
        };
        let text = |name: &str| attr(name).and_then(|v| self.to_str(&v).ok());
        let int = |name: &str| match attr(name) {
            Some(Value::Int(i)) => Some(i),
            _ => None,
        };
        let exact = std::ptr::eq(&*self.class_of(exc), &*self.exc.syntax_error);
        let multiline = matches!(
            (int("lineno"), int("end_lineno")),
            (Some(start), Some(end)) if end > start
        );
        SyntaxDetails {
            filename: text("filename"),
            lineno: text("lineno"),
            text: text("text"),
            offset: int("offset"),
            end_offset: int("end_offset"),
            multiline,
            exact,
            msg: text("msg"),
        }
    }

    /// `sys.tracebacklimit`, when the program set it to an int.
    pub fn sys_tracebacklimit(&self) -> Option<i64> {
        match self.sys_attr("tracebacklimit") {
            Some(Value::Int(i)) => Some(i),
            _ => None,
        }
    }

    /// The text the interpreter prints for an uncaught exception, with
    /// its chain.
    pub fn format_exception(&self, err: &crate::objects::PyErr) -> String {
        let exc = err.value();
        let opts = ReportOptions::interpreter(self);
        let tb = err.exc().traceback.clone();
        let report = self.exception_report(&Value::Class(err.class().clone()), &exc, tb, opts);
        format_report(&report, FormatOptions::new(Printer::Interpreter)).concat()
    }
}
