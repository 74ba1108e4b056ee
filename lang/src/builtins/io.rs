//! Text I/O: `sys.stdout`/`sys.stderr` objects and `open()` for text files.

use crate::objects::BoolWord;
use crate::objects::{Args, Class, NativeObject, PyResult, Value};
use crate::vm::types::{add_methods, new_class};
use crate::vm::Vm;
use std::any::Any;
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

pub fn install(vm: &Vm) {
    let c = stream_class(vm);
    add_methods(
        &c,
        "TextIOWrapper",
        &[
            ("write", stream_write),
            ("flush", stream_flush),
            ("isatty", stream_isatty),
            ("fileno", stream_fileno),
        ],
    );
    let f = file_class(vm);
    add_methods(
        &f,
        "TextIOWrapper",
        &[
            ("read", file_read),
            ("readline", file_readline),
            ("readlines", file_readlines),
            ("write", file_write),
            ("writelines", file_writelines),
            ("close", file_close),
            ("flush", file_flush),
            ("__enter__", file_enter),
            ("__exit__", file_exit),
            ("__iter__", file_enter),
            ("__next__", file_next),
        ],
    );
}

fn stream_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("TextIOStream", |vm| {
        new_class(
            "TextIOWrapper",
            &[vm.types.object.clone()],
            crate::objects::class::Layout::Builtin,
            "_io",
        )
    })
}

fn file_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("TextIOFile", |vm| {
        new_class(
            "TextIOWrapper",
            &[vm.types.object.clone()],
            crate::objects::class::Layout::Builtin,
            "_io",
        )
    })
}

/// `sys.stdout` (fd 1) or `sys.stderr` (fd 2).
pub struct Stream {
    class: Rc<Class>,
    pub fd: i32,
}

impl NativeObject for Stream {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub fn stream(vm: &Vm, fd: i32) -> Value {
    Value::native(Stream {
        class: stream_class(vm),
        fd,
    })
}

/// Writes to `sys.stdout`, honouring a replaced `sys.stdout`.
pub fn write_stdout(vm: &Vm, s: &str) -> PyResult<()> {
    let replaced = vm.sys_attr("stdout");
    match replaced {
        Some(Value::Native(n))
            if n.as_any()
                .downcast_ref::<Stream>()
                .is_some_and(|s| s.fd == 1) =>
        {
            vm.write_stdout(s)
        }
        Some(Value::Native(n))
            if n.as_any()
                .downcast_ref::<Stream>()
                .is_some_and(|s| s.fd == 2) =>
        {
            vm.flush_stdout();
            let _ = std::io::stderr().write_all(s.as_bytes());
        }
        Some(other) if !other.is_none() => {
            vm.call_method(&other, "write", &[Value::str(s)])?;
        }
        _ => vm.write_stdout(s),
    }
    Ok(())
}

fn stream_write(vm: &Vm, args: Args) -> PyResult {
    let Some(st) = args.get(0).and_then(|v| v.downcast_native::<Stream>()) else {
        return Err(vm.type_error("write() on a non-stream"));
    };
    let text = match args.get(1) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(vm.type_error(format!(
                "write() argument must be str, not {}",
                vm.type_name(other)
            )))
        }
        None => return Err(vm.type_error("write() takes exactly one argument (0 given)")),
    };
    if st.fd == 1 {
        vm.write_stdout(&text);
    } else {
        let _ = std::io::stderr().write_all(text.as_bytes());
    }
    Ok(Value::Int(text.chars().count() as i64))
}

fn stream_flush(vm: &Vm, args: Args) -> PyResult {
    if let Some(st) = args.get(0).and_then(|v| v.downcast_native::<Stream>()) {
        if st.fd == 1 {
            vm.flush_stdout();
        }
    }
    Ok(Value::None)
}

fn stream_isatty(_vm: &Vm, args: Args) -> PyResult {
    use std::io::IsTerminal;
    Ok(Value::from_bool(
        match args.get(0).and_then(|v| v.downcast_native::<Stream>()) {
            Some(s) if s.fd == 1 => std::io::stdout().is_terminal(),
            Some(_) => std::io::stderr().is_terminal(),
            None => false,
        },
    ))
}

fn stream_fileno(_vm: &Vm, args: Args) -> PyResult {
    Ok(Value::Int(
        args.get(0)
            .and_then(|v| v.downcast_native::<Stream>())
            .map_or(1, |s| s.fd) as i64,
    ))
}

/// A text file opened with `open()`: read fully on open, or written on close.
pub struct File {
    class: Rc<Class>,
    path: String,
    mode: String,
    state: RefCell<FileState>,
}

struct FileState {
    /// Text not yet read (read modes).
    content: String,
    pos: usize,
    /// Text written so far (write/append modes).
    written: String,
    closed: bool,
}

impl NativeObject for File {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn get_attr(&self, _vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        match name {
            "name" => Some(Ok(Value::str(&self.path))),
            "mode" => Some(Ok(Value::str(&self.mode))),
            "closed" => Some(Ok(Value::from_bool(self.state.borrow().closed))),
            _ => None,
        }
    }
}

fn os_error(vm: &Vm, e: &std::io::Error, path: &str) -> crate::objects::PyErr {
    let (class, errno, text) = match e.kind() {
        std::io::ErrorKind::NotFound => {
            (&vm.exc.file_not_found_error, 2, "No such file or directory")
        }
        std::io::ErrorKind::PermissionDenied => (&vm.exc.permission_error, 13, "Permission denied"),
        std::io::ErrorKind::AlreadyExists => (&vm.exc.file_exists_error, 17, "File exists"),
        _ => (
            &vm.exc.os_error,
            e.raw_os_error().unwrap_or(5),
            "Input/output error",
        ),
    };
    let err = vm.new_exception(class, vec![Value::Int(errno as i64), Value::str(text)]);
    err.0
        .set_attr(crate::objects::Name::new("filename"), Value::str(path));
    err
}

pub fn open(vm: &Vm, args: Args) -> PyResult {
    args.check_pos(vm, "open", 1, 3)?;
    let path = match &args.pos[0] {
        Value::Str(s) => s.as_str().to_string(),
        other => {
            return Err(vm.type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                vm.type_name(other)
            )))
        }
    };
    let mode = args
        .arg_or_kw(1, "mode")
        .and_then(|m| m.as_str())
        .unwrap_or("r")
        .to_string();
    if mode.contains('b') {
        return Err(vm.not_implemented("open() in binary mode"));
    }
    let mut state = FileState {
        content: String::new(),
        pos: 0,
        written: String::new(),
        closed: false,
    };
    if mode.contains('r') {
        state.content = std::fs::read_to_string(&path).map_err(|e| os_error(vm, &e, &path))?;
    } else if mode.contains('w') {
        std::fs::write(&path, "").map_err(|e| os_error(vm, &e, &path))?;
    } else if mode.contains('a') {
        std::fs::OpenOptions::new()
            .append(true)
            .create(true)
            .open(&path)
            .map_err(|e| os_error(vm, &e, &path))?;
    } else if mode.contains('x') {
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|e| os_error(vm, &e, &path))?;
    }
    Ok(Value::native(File {
        class: file_class(vm),
        path,
        mode,
        state: RefCell::new(state),
    }))
}

fn file<'a>(vm: &Vm, args: &'a Args) -> PyResult<&'a File> {
    let f = args
        .get(0)
        .and_then(|v| v.downcast_native::<File>())
        .ok_or_else(|| vm.type_error("expected a file"))?;
    if f.state.borrow().closed {
        return Err(vm.value_error("I/O operation on closed file."));
    }
    Ok(f)
}

fn file_read(vm: &Vm, args: Args) -> PyResult {
    let f = file(vm, &args)?;
    let mut st = f.state.borrow_mut();
    let rest = st.content[st.pos..].to_string();
    let n = args
        .get(1)
        .map(|v| vm.to_index(v))
        .transpose()?
        .filter(|&n| n >= 0);
    let taken: String = match n {
        Some(n) => rest.chars().take(n as usize).collect(),
        None => rest,
    };
    st.pos += taken.len();
    Ok(Value::string(taken))
}

fn file_readline(vm: &Vm, args: Args) -> PyResult {
    let f = file(vm, &args)?;
    let mut st = f.state.borrow_mut();
    let rest = &st.content[st.pos..];
    let end = rest.find('\n').map_or(rest.len(), |i| i + 1);
    let line = rest[..end].to_string();
    st.pos += end;
    Ok(Value::string(line))
}

fn file_readlines(vm: &Vm, args: Args) -> PyResult {
    let mut out = Vec::new();
    loop {
        let line = file_readline(vm, args)?;
        if line.as_str() == Some("") {
            break;
        }
        out.push(line);
    }
    Ok(Value::list(out))
}

fn file_next(vm: &Vm, args: Args) -> PyResult {
    let line = file_readline(vm, args)?;
    if line.as_str() == Some("") {
        return Err(vm.stop_iteration(Value::None));
    }
    Ok(line)
}

fn file_write(vm: &Vm, args: Args) -> PyResult {
    let f = file(vm, &args)?;
    let text = match args.get(1) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(vm.type_error(format!(
                "write() argument must be str, not {}",
                vm.type_name(other)
            )))
        }
        None => return Err(vm.type_error("write() takes exactly one argument (0 given)")),
    };
    f.state.borrow_mut().written.push_str(&text);
    Ok(Value::Int(text.chars().count() as i64))
}

fn file_writelines(vm: &Vm, args: Args) -> PyResult {
    let lines = vm.to_vec(args.get(1).unwrap_or(&Value::None))?;
    for l in lines {
        file_write(vm, Args::new(&[args.pos[0].clone(), l]))?;
    }
    Ok(Value::None)
}

fn file_close(vm: &Vm, args: Args) -> PyResult {
    let Some(f) = args.get(0).and_then(|v| v.downcast_native::<File>()) else {
        return Err(vm.type_error("expected a file"));
    };
    if f.state.borrow().closed {
        return Ok(Value::None);
    }
    write_pending(vm, f)?;
    f.state.borrow_mut().closed = true;
    Ok(Value::None)
}

/// `flush()`: what was written so far goes to the file now (loggers
/// flush after every record, and rotating ones then read the file's size).
fn file_flush(vm: &Vm, args: Args) -> PyResult {
    write_pending(vm, file(vm, &args)?)?;
    Ok(Value::None)
}

/// Appends the text written since the last flush to the file (a file
/// opened for writing was truncated when opened).
fn write_pending(vm: &Vm, f: &File) -> PyResult<()> {
    let mut st = f.state.borrow_mut();
    if st.written.is_empty() {
        return Ok(());
    }
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(&f.path)
        .map_err(|e| os_error(vm, &e, &f.path))?;
    file.write_all(st.written.as_bytes())
        .map_err(|e| os_error(vm, &e, &f.path))?;
    st.written.clear();
    Ok(())
}

fn file_enter(vm: &Vm, args: Args) -> PyResult {
    file(vm, &args)?;
    Ok(args.pos[0].clone())
}

fn file_exit(vm: &Vm, args: Args) -> PyResult {
    file_close(vm, Args::new(&args.pos[..1]))?;
    Ok(Value::Bool(BoolWord::FALSE))
}
