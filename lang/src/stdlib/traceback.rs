//! `traceback`: the module's classes and functions are in `traceback.py`;
//! these natives give it what only the interpreter knows (a traceback's
//! frames with their code positions and source lines, how an exception's
//! chain is walked) and the formatting, which is the interpreter's own
//! (`vm/report.rs`, with the module's `Printer`): one formatter serves
//! both, as the output must be the same.

use crate::objects::{Args, Module, Name, PyDict, PyResult, Value};
use crate::vm::report::{
    self, ExceptionReport, FormatOptions, FrameSummary, Limit, Printer, ReportOptions,
    SyntaxDetails,
};
use crate::vm::traceback::as_traceback;
use crate::vm::Vm;
use std::rc::Rc;

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    super::module_from_source(
        vm,
        "traceback",
        &[
            ("_extract_tb", extract_tb),
            ("_frame_line", frame_line),
            ("_report", report_tree),
            ("_format_frame", format_frame),
            ("_format_stack", format_stack),
            ("_format", format),
            ("_format_exception_only", format_exception_only),
        ],
        super::stdlib_source!("traceback.py"),
    )
}

/// A `limit` argument: None or an int.
fn limit_arg(vm: &Vm, v: Option<&Value>) -> PyResult<Limit> {
    let limit = match v {
        None | Some(Value::None) => None,
        Some(v) => Some(vm.to_index(v)?),
    };
    Ok(Limit::for_module(vm, limit))
}

/// A summary as the tuple `traceback.py` makes a `FrameSummary` from:
/// `(filename, lineno, name, line, end_lineno, colno, end_colno, locals)`.
fn summary_tuple(vm: &Vm, fs: &FrameSummary) -> PyResult<Value> {
    let opt_int = |v: Option<i64>| v.map_or(Value::None, Value::Int);
    let locals = match &fs.locals {
        None => Value::None,
        Some(pairs) => {
            let d = PyDict::new();
            for (k, v) in pairs {
                d.set(vm, Value::str(k), Value::str(v))?;
            }
            Value::Dict(Rc::new(d))
        }
    };
    Ok(Value::tuple(vec![
        Value::str(&fs.filename),
        opt_int(fs.lineno),
        Value::str(&fs.name),
        fs.line.as_deref().map_or(Value::None, Value::str),
        opt_int(fs.end_lineno),
        opt_int(fs.colno),
        opt_int(fs.end_colno),
        locals,
    ]))
}

/// `_extract_tb(tb, limit, capture_locals)`: the traceback's frames as
/// summary tuples, outermost first.
fn extract_tb(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "_extract_tb", 3, 3)?;
    let Some(tb) = as_traceback(&args.pos[0]) else {
        return Ok(Value::list(Vec::new()));
    };
    let opts = ReportOptions {
        limit: limit_arg(vm, args.get(1))?,
        capture_locals: vm.truthy(&args.pos[2])?,
        lookup_lines: true,
        compact: false,
        suggestions: false,
    };
    let frames = vm.extract_tb(&tb, opts);
    let items = frames
        .iter()
        .map(|fs| summary_tuple(vm, fs))
        .collect::<PyResult<_>>()?;
    Ok(Value::list(items))
}

/// `_frame_line(frame, lineno)`: line `lineno` of the frame's source, with
/// its newline, or None when the interpreter has none (then `linecache`
/// is asked).
fn frame_line(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "_frame_line", 2, 2)?;
    let frame = match &args.pos[0] {
        Value::Native(n) => n.downcast::<crate::vm::frame_object::FrameObject>(),
        _ => None,
    };
    let (Some(frame), Value::Int(lineno)) = (frame, &args.pos[1]) else {
        return Ok(Value::None);
    };
    let code = frame.frame().code.clone();
    let fs = FrameSummary::at(&code, *lineno, None);
    Ok(fs.line.map_or(Value::None, Value::string))
}

/// `_report(exc_type, exc_value, exc_traceback, limit, capture_locals,
/// compact)`: the exception and those chained to it as CPython's
/// `TracebackException` walks them, as nested nodes
/// `(exc_type, exc_value, frames, cause, context, exceptions)`.
fn report_tree(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "_report", 6, 6)?;
    let opts = ReportOptions {
        limit: limit_arg(vm, args.get(3))?,
        capture_locals: vm.truthy(&args.pos[4])?,
        lookup_lines: true,
        compact: vm.truthy(&args.pos[5])?,
        suggestions: false,
    };
    let tb = as_traceback(&args.pos[2]);
    let report = vm.exception_report(&args.pos[0], &args.pos[1], tb, opts);
    report_node(vm, &report)
}

fn report_node(vm: &Vm, r: &ExceptionReport) -> PyResult<Value> {
    let frames = r
        .stack
        .iter()
        .map(|fs| summary_tuple(vm, fs))
        .collect::<PyResult<_>>()?;
    let child = |c: &Option<Box<ExceptionReport>>| match c {
        Some(c) => report_node(vm, c),
        None => Ok(Value::None),
    };
    let members = match &r.exceptions {
        Some(members) => Value::list(
            members
                .iter()
                .map(|m| report_node(vm, m))
                .collect::<PyResult<_>>()?,
        ),
        None => Value::None,
    };
    Ok(Value::tuple(vec![
        r.exc_type.clone(),
        r.exc.clone(),
        Value::list(frames),
        child(&r.cause)?,
        child(&r.context)?,
        members,
    ]))
}

/// A `FrameSummary` object (or a 4-tuple) read back for formatting.
fn summary_from(vm: &Vm, fs: &Value) -> PyResult<FrameSummary> {
    let attr = |name: &str| -> PyResult<Value> {
        Ok(vm.get_attr_opt(fs, &Name::new(name))?.unwrap_or_default())
    };
    let opt_int = |v: Value| match v {
        Value::Int(i) => Some(i),
        _ => None,
    };
    // `line` looks the line up (through `linecache`) when it is not known.
    let shown = attr("line")?;
    let line = match attr("_line")? {
        Value::Str(s) if !shown.is_none() => Some(s.as_str().to_string()),
        _ => None,
    };
    let locals = match attr("locals")? {
        Value::Dict(d) if !d.is_empty() => Some(
            d.items()
                .iter()
                .map(|(k, v)| Ok((vm.to_str(k)?, vm.to_str(v)?)))
                .collect::<PyResult<_>>()?,
        ),
        _ => None,
    };
    Ok(FrameSummary {
        filename: vm.to_str(&attr("filename")?)?,
        lineno: opt_int(attr("lineno")?),
        name: vm.to_str(&attr("name")?)?,
        line,
        end_lineno: opt_int(attr("end_lineno")?),
        colno: opt_int(attr("colno")?),
        end_colno: opt_int(attr("end_colno")?),
        locals,
    })
}

/// `StackSummary.format_frame_summary(fs)`.
fn format_frame(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "_format_frame", 1, 1)?;
    let fs = summary_from(vm, &args.pos[0])?;
    Ok(Value::string(report::format_frame(&fs, Printer::Module)))
}

/// `StackSummary.format()`: a subclass's `format_frame_summary` is called
/// for each frame (a None result leaves the frame out); the base class's
/// is the module's formatting.
fn format_stack(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "_format_stack", 1, 1)?;
    let stack = &args.pos[0];
    let custom = vm
        .class_of(stack)
        .lookup(&Name::new("format_frame_summary"))
        .filter(|m| !matches!(m, Value::Function(f) if f.module.as_ref() == "traceback"));
    let mut frames = Vec::new();
    for item in vm.to_vec(stack)? {
        let fs = summary_from(vm, &item)?;
        let text = match &custom {
            Some(method) => match vm.call(method, &[stack.clone(), item])? {
                Value::None => None,
                text => Some(vm.to_str(&text)?),
            },
            None => Some(report::format_frame(&fs, Printer::Module)),
        };
        frames.push((fs, text));
    }
    let lines = report::format_stack_with(&frames, |(fs, _)| fs, |(_, text)| text.clone());
    Ok(Value::list(lines.into_iter().map(Value::string).collect()))
}

/// A `TracebackException` read back as a report, with its chain.
fn report_from(vm: &Vm, te: &Value, depth: usize) -> PyResult<ExceptionReport> {
    if depth > 1000 {
        return Err(vm.recursion_error());
    }
    let attr = |name: &str| -> PyResult<Value> {
        Ok(vm.get_attr_opt(te, &Name::new(name))?.unwrap_or_default())
    };
    let exc_type = attr("exc_type")?;
    let type_name = match &exc_type {
        Value::None => None,
        other => Some(vm.qualified_type_name(other)),
    };
    let is_syntax_error =
        matches!(&exc_type, Value::Class(c) if c.is_subclass(&vm.exc.syntax_error));
    let syntax: Option<SyntaxDetails> = is_syntax_error.then(|| vm.syntax_details(te));
    let stack = vm
        .to_vec(&attr("stack")?)?
        .iter()
        .map(|fs| summary_from(vm, fs))
        .collect::<PyResult<_>>()?;
    let child = |name: &str| -> PyResult<Option<Box<ExceptionReport>>> {
        match attr(name)? {
            Value::None => Ok(None),
            c => Ok(Some(Box::new(report_from(vm, &c, depth + 1)?))),
        }
    };
    let exceptions = match attr("exceptions")? {
        Value::None => None,
        members => Some(
            vm.to_vec(&members)?
                .iter()
                .map(|m| report_from(vm, m, depth + 1))
                .collect::<PyResult<_>>()?,
        ),
    };
    Ok(ExceptionReport {
        stack,
        type_name,
        message: vm.to_str(&attr("_str")?)?,
        syntax,
        notes: vm.notes_from(&attr("__notes__")?, Printer::Module),
        cause: child("__cause__")?,
        context: child("__context__")?,
        suppress_context: vm.truthy(&attr("__suppress_context__")?)?,
        exceptions,
        exc_type,
        exc: Value::None,
    })
}

/// The group limits a `TracebackException` was made with.
fn format_options(vm: &Vm, te: &Value, chain: bool) -> PyResult<FormatOptions> {
    let mut opts = FormatOptions::new(Printer::Module);
    opts.chain = chain;
    let size = |name: &str, default: usize| -> PyResult<usize> {
        match vm.get_attr_opt(te, &Name::new(name))? {
            Some(Value::Int(i)) => Ok(usize::try_from(i).unwrap_or(0)),
            _ => Ok(default),
        }
    };
    opts.max_group_width = size("max_group_width", opts.max_group_width)?;
    opts.max_group_depth = size("max_group_depth", opts.max_group_depth)?;
    Ok(opts)
}

fn lines(out: Vec<String>) -> Value {
    Value::list(out.into_iter().map(Value::string).collect())
}

/// `_format(te, chain)`: `TracebackException.format()` as a list.
fn format(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "_format", 2, 2)?;
    let te = &args.pos[0];
    let report = report_from(vm, te, 0)?;
    let opts = format_options(vm, te, vm.truthy(&args.pos[1])?)?;
    Ok(lines(report::format_report(&report, opts)))
}

/// `_format_exception_only(te)`.
fn format_exception_only(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "_format_exception_only", 1, 1)?;
    let report = report_from(vm, &args.pos[0], 0)?;
    Ok(lines(report::format_exception_only(
        &report,
        Printer::Module,
    )))
}
