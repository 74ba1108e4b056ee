//! `sys.stdin`: standard input as a text stream (`read`, `readline`,
//! `readlines`, iteration), with a binary `buffer` beside it.
//!
//! Both read through the process's one buffered `std::io::stdin()`, which
//! `input()` uses too, so mixing them loses nothing. Text is UTF-8; invalid
//! bytes are replaced.

use crate::objects::class::Layout;
use crate::objects::{Args, Class, NativeFn, NativeObject, PyResult, Signature, Value};
use crate::vm::types::{add_declared_methods, add_methods, new_class};
use crate::vm::Vm;
use std::any::Any;
use std::cell::OnceCell;
use std::io::{BufRead, Read};
use std::rc::Rc;

/// The text stream (`binary` false) or its `buffer` (true).
pub struct Stdin {
    class: Rc<Class>,
    binary: bool,
    /// The binary layer, made on first use so that `buffer` is one object.
    buffer: OnceCell<Value>,
}

impl NativeObject for Stdin {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn traverse(&self, visit: &mut crate::objects::gc::Visitor<'_>) {
        if let Some(buffer) = self.buffer.get() {
            visit.value(buffer);
        }
    }
    fn get_attr(&self, vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        Some(Ok(match (name, self.binary) {
            ("name", _) => Value::str("<stdin>"),
            ("closed", _) => Value::from_bool(false),
            ("mode", false) => Value::str("r"),
            ("mode", true) => Value::str("rb"),
            ("encoding", false) => Value::str("utf-8"),
            ("errors", false) => Value::str(super::io::default_errors(0)),
            ("line_buffering", false) => Value::from_bool(false),
            ("buffer", false) => self.buffer.get_or_init(|| stream(vm, true)).clone(),
            _ => return None,
        }))
    }
}

fn class(vm: &Vm, binary: bool) -> Rc<Class> {
    let (key, name) = if binary {
        ("BufferedReader", "BufferedReader")
    } else {
        ("StdinTextIOWrapper", "TextIOWrapper")
    };
    vm.lazy_class(key, |vm| {
        let c = new_class(name, &[vm.types.object.clone()], Layout::Builtin, "_io");
        add_methods(
            &c,
            name,
            &[("__iter__", iter), ("__next__", next), ("__repr__", repr)],
        );
        add_declared_methods(
            &c,
            name,
            if binary {
                BUFFERED_READER_METHODS
            } else {
                TEXT_IO_WRAPPER_METHODS
            },
        );
        c
    })
}

/// The methods of one of the two stream classes, named after it in
/// messages: each gets its signature in a module named as the method.
macro_rules! stream_methods {
    ($table:ident: $owner:literal; $($module:ident, $method:literal = $body:ident: $ctor:ident($style:ident, $params:literal, $doc:ident)),* $(,)?) => {
        $(
            mod $module {
                use crate::objects::{Signature, Style};
                pub(super) static SIG: Signature =
                    Signature::$ctor(Style::$style, concat!($owner, ".", $method), $params)
                        .doc(super::$doc);
            }
        )*
        const $table: &[(&Signature, NativeFn)] = &[$((&$module::SIG, $body)),*];
    };
}

const READ_DOC: &str = "Read and return at most size characters (bytes for the buffer); all that is left when size is negative or None.";
const READLINE_DOC: &str = "Read and return one line, newline included (an empty result at the end of input).\n\nWith a non-negative size, read at most size characters (bytes for the buffer).";
const READLINES_DOC: &str = "Read and return a list of the remaining lines.\n\nWith a positive hint, stop after the line that brings the total read to hint characters (bytes for the buffer).";
const ISATTY_DOC: &str = "Return True if standard input is a terminal.";
const FILENO_DOC: &str = "Return the file descriptor of standard input (0).";
const READABLE_DOC: &str = "Return True: standard input can be read.";
const WRITABLE_DOC: &str = "Return False: standard input cannot be written.";
const SEEKABLE_DOC: &str = "Return False: towel reads standard input as a stream.";
const CLOSE_DOC: &str =
    "Close the stream (not supported for standard input: raises NotImplementedError).";

stream_methods!(TEXT_IO_WRAPPER_METHODS: "TextIOWrapper";
    text_read, "read" = read: new(Positional, "$self, size=-1, /", READ_DOC),
    text_readline, "readline" = readline: new(Positional, "$self, size=-1, /", READLINE_DOC),
    text_readlines, "readlines" = readlines: new(Positional, "$self, hint=-1, /", READLINES_DOC),
    text_isatty, "isatty" = isatty: new(Exact, "$self, /", ISATTY_DOC),
    text_fileno, "fileno" = fileno: new(Exact, "$self, /", FILENO_DOC),
    text_readable, "readable" = yes: new(Exact, "$self, /", READABLE_DOC),
    text_writable, "writable" = no: new(Exact, "$self, /", WRITABLE_DOC),
    text_seekable, "seekable" = unseekable: new(Exact, "$self, /", SEEKABLE_DOC),
    text_close, "close" = close: new(Exact, "$self, /", CLOSE_DOC),
);

stream_methods!(BUFFERED_READER_METHODS: "BufferedReader";
    buffer_read, "read" = read: new(Positional, "$self, size=-1, /", READ_DOC),
    buffer_readline, "readline" = readline: new(Positional, "$self, size=-1, /", READLINE_DOC),
    buffer_readlines, "readlines" = readlines: new(Positional, "$self, hint=-1, /", READLINES_DOC),
    buffer_isatty, "isatty" = isatty: undocumented(Exact, "$self, /", ISATTY_DOC),
    buffer_fileno, "fileno" = fileno: undocumented(Exact, "$self, /", FILENO_DOC),
    buffer_readable, "readable" = yes: undocumented(Exact, "$self, /", READABLE_DOC),
    buffer_writable, "writable" = no: new(Exact, "$self, /", WRITABLE_DOC),
    buffer_seekable, "seekable" = unseekable: undocumented(Exact, "$self, /", SEEKABLE_DOC),
    buffer_close, "close" = close: undocumented(Exact, "$self, /", CLOSE_DOC),
);

/// The declared signature of the method `name` of the stream `args.pos[0]`
/// is (its class decides which table).
fn check(vm: &Vm, args: Args, name: &str) -> PyResult<()> {
    let binary = args
        .get(0)
        .and_then(|v| v.downcast_native::<Stdin>())
        .is_some_and(|s| s.binary);
    let table = if binary {
        BUFFERED_READER_METHODS
    } else {
        TEXT_IO_WRAPPER_METHODS
    };
    match table.iter().find(|(sig, _)| sig.name() == name) {
        Some((sig, _)) => sig.check(vm, args),
        None => Ok(()),
    }
}

fn stream(vm: &Vm, binary: bool) -> Value {
    Value::native(Stdin {
        class: class(vm, binary),
        binary,
        buffer: OnceCell::new(),
    })
}

/// The text stream `sys.stdin`.
pub fn stdin(vm: &Vm) -> Value {
    stream(vm, false)
}

fn this<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a Stdin> {
    args.get(0)
        .and_then(|v| v.downcast_native::<Stdin>())
        .ok_or_else(|| vm.type_error("descriptor needs a stdin stream"))
}

fn io_error(vm: &Vm, e: std::io::Error) -> crate::objects::PyErr {
    vm.new_error(&vm.exc.os_error, e.to_string())
}

/// What was read, as `str` for the text stream and `bytes` for the buffer.
fn result(binary: bool, bytes: Vec<u8>) -> Value {
    if binary {
        Value::Bytes(Rc::new(bytes))
    } else {
        Value::string(String::from_utf8_lossy(&bytes).into_owned())
    }
}

/// The `size` argument: None or negative means "all".
fn size_arg(vm: &Vm, args: &Args) -> PyResult<Option<usize>> {
    match args.get(1) {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            let n = vm.to_index(v)?;
            Ok((n >= 0).then_some(n as usize))
        }
    }
}

/// One line, newline included; at most `limit` characters (bytes for the
/// buffer) when given.
fn read_line(vm: &Vm, binary: bool, limit: Option<usize>) -> PyResult<Vec<u8>> {
    vm.flush_stdout();
    let mut input = std::io::stdin().lock();
    let mut line = Vec::new();
    loop {
        let chunk = input.fill_buf().map_err(|e| io_error(vm, e))?;
        if chunk.is_empty() {
            break;
        }
        let mut take = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => i + 1,
            None => chunk.len(),
        };
        if let Some(limit) = limit {
            take = take.min(bytes_for(&line, chunk, limit, binary));
        }
        line.extend_from_slice(&chunk[..take]);
        input.consume(take);
        let done = line.last() == Some(&b'\n') || limit.is_some_and(|l| units(&line, binary) >= l);
        if done || take == 0 {
            break;
        }
    }
    Ok(line)
}

/// Characters (or bytes) in `data`.
fn units(data: &[u8], binary: bool) -> usize {
    if binary {
        data.len()
    } else {
        data.iter().filter(|&&b| b & 0xc0 != 0x80).count()
    }
}

/// How many bytes of `chunk` to take so that `line` holds at most `limit`
/// characters: whole UTF-8 sequences only.
fn bytes_for(line: &[u8], chunk: &[u8], limit: usize, binary: bool) -> usize {
    let have = units(line, binary);
    if binary {
        return limit.saturating_sub(have);
    }
    let mut chars = 0;
    for (i, &b) in chunk.iter().enumerate() {
        if b & 0xc0 != 0x80 {
            if have + chars == limit {
                return i;
            }
            chars += 1;
        }
    }
    chunk.len()
}

fn read(vm: &Vm, args: Args) -> PyResult {
    check(vm, args, "read")?;
    let s = this(vm, &args)?;
    let limit = size_arg(vm, &args)?;
    vm.flush_stdout();
    let mut data = Vec::new();
    match limit {
        None => {
            std::io::stdin()
                .lock()
                .read_to_end(&mut data)
                .map_err(|e| io_error(vm, e))?;
        }
        Some(n) => {
            while units(&data, s.binary) < n {
                let line = read_line(vm, s.binary, Some(n - units(&data, s.binary)))?;
                if line.is_empty() {
                    break;
                }
                data.extend(line);
            }
        }
    }
    Ok(result(s.binary, data))
}

fn readline(vm: &Vm, args: Args) -> PyResult {
    check(vm, args, "readline")?;
    let s = this(vm, &args)?;
    let limit = size_arg(vm, &args)?;
    Ok(result(s.binary, read_line(vm, s.binary, limit)?))
}

fn readlines(vm: &Vm, args: Args) -> PyResult {
    check(vm, args, "readlines")?;
    let s = this(vm, &args)?;
    // A hint of 0 or less (or None) reads every line.
    let hint = size_arg(vm, &args)?.filter(|&h| h > 0);
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        let line = read_line(vm, s.binary, None)?;
        if line.is_empty() {
            return Ok(Value::list(lines));
        }
        total += units(&line, s.binary);
        lines.push(result(s.binary, line));
        if hint.is_some_and(|h| total >= h) {
            return Ok(Value::list(lines));
        }
    }
}

fn iter(vm: &Vm, args: Args) -> PyResult {
    this(vm, &args)?;
    Ok(args.pos[0].clone())
}

fn next(vm: &Vm, args: Args) -> PyResult {
    let s = this(vm, &args)?;
    let line = read_line(vm, s.binary, None)?;
    if line.is_empty() {
        return Err(vm.stop_iteration(Value::None));
    }
    Ok(result(s.binary, line))
}

fn isatty(vm: &Vm, args: Args) -> PyResult {
    use std::io::IsTerminal;
    check(vm, args, "isatty")?;
    Ok(Value::from_bool(std::io::stdin().is_terminal()))
}

fn fileno(vm: &Vm, args: Args) -> PyResult {
    check(vm, args, "fileno")?;
    Ok(Value::Int(0))
}

/// `readable()`.
fn yes(vm: &Vm, args: Args) -> PyResult {
    check(vm, args, "readable")?;
    Ok(Value::from_bool(true))
}

/// `writable()`.
fn no(vm: &Vm, args: Args) -> PyResult {
    check(vm, args, "writable")?;
    Ok(Value::from_bool(false))
}

fn unseekable(vm: &Vm, args: Args) -> PyResult {
    check(vm, args, "seekable")?;
    Ok(Value::from_bool(false))
}

/// Closing standard input is not supported: it stays open.
fn close(vm: &Vm, args: Args) -> PyResult {
    check(vm, args, "close")?;
    Err(vm.not_implemented("closing sys.stdin"))
}

fn repr(vm: &Vm, args: Args) -> PyResult {
    let s = this(vm, &args)?;
    Ok(Value::str(if s.binary {
        "<_io.BufferedReader name='<stdin>'>"
    } else {
        "<_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'>"
    }))
}
