//! `sys.stdin`: standard input as a text stream (`read`, `readline`,
//! `readlines`, iteration), with a binary `buffer` beside it.
//!
//! Both read through the process's one buffered `std::io::stdin()`, which
//! `input()` uses too, so mixing them loses nothing. Text is UTF-8; invalid
//! bytes are replaced.

use crate::objects::class::Layout;
use crate::objects::{Args, Class, NativeObject, PyResult, Value};
use crate::vm::types::{add_methods, new_class};
use crate::vm::Vm;
use std::any::Any;
use std::io::{BufRead, Read};
use std::rc::Rc;

/// The text stream (`binary` false) or its `buffer` (true).
pub struct Stdin {
    class: Rc<Class>,
    binary: bool,
}

impl NativeObject for Stdin {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn get_attr(&self, vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        Some(Ok(match (name, self.binary) {
            ("name", _) => Value::str("<stdin>"),
            ("closed", _) => Value::from_bool(false),
            ("mode", false) => Value::str("r"),
            ("mode", true) => Value::str("rb"),
            ("encoding", false) => Value::str("utf-8"),
            ("errors", false) => Value::str("strict"),
            ("line_buffering", false) => Value::from_bool(false),
            ("buffer", false) => stream(vm, true),
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
            &[
                ("read", read),
                ("readline", readline),
                ("readlines", readlines),
                ("__iter__", iter),
                ("__next__", next),
                ("isatty", isatty),
                ("fileno", fileno),
                ("readable", yes),
                ("writable", no),
                ("seekable", no),
                ("close", close),
                ("__repr__", repr),
            ],
        );
        c
    })
}

fn stream(vm: &Vm, binary: bool) -> Value {
    Value::native(Stdin {
        class: class(vm, binary),
        binary,
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
fn size_arg(vm: &Vm, args: &Args, name: &str) -> PyResult<Option<usize>> {
    match args.arg_or_kw(1, name) {
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
    let s = this(vm, &args)?;
    let limit = size_arg(vm, &args, "size")?;
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
    let s = this(vm, &args)?;
    let limit = size_arg(vm, &args, "size")?;
    Ok(result(s.binary, read_line(vm, s.binary, limit)?))
}

fn readlines(vm: &Vm, args: Args) -> PyResult {
    let s = this(vm, &args)?;
    let mut lines = Vec::new();
    loop {
        let line = read_line(vm, s.binary, None)?;
        if line.is_empty() {
            return Ok(Value::list(lines));
        }
        lines.push(result(s.binary, line));
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

fn isatty(_vm: &Vm, _args: Args) -> PyResult {
    use std::io::IsTerminal;
    Ok(Value::from_bool(std::io::stdin().is_terminal()))
}

fn fileno(_vm: &Vm, _args: Args) -> PyResult {
    Ok(Value::Int(0))
}

fn yes(_vm: &Vm, _args: Args) -> PyResult {
    Ok(Value::from_bool(true))
}

fn no(_vm: &Vm, _args: Args) -> PyResult {
    Ok(Value::from_bool(false))
}

/// Closing standard input is not supported: it stays open.
fn close(vm: &Vm, _args: Args) -> PyResult {
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
