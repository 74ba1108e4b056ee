//! Text I/O: the `sys.stdout`/`sys.stderr` objects, and the builtin `open()`.

use crate::objects::{Args, Class, NativeObject, PyResult, Signature, Style, Value};
use crate::vm::types::{add_declared_methods, new_class};
use crate::vm::Vm;
use std::any::Any;
use std::io::Write;
use std::rc::Rc;

pub fn install(vm: &Vm) {
    let c = stream_class(vm);
    add_declared_methods(
        &c,
        "TextIOWrapper",
        &[
            (&WRITE, stream_write),
            (&FLUSH, stream_flush),
            (&ISATTY, stream_isatty),
            (&FILENO, stream_fileno),
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
    write_sys_stream(vm, "stdout", s)
}

/// Writes to `sys.stderr`, honouring a replaced `sys.stderr`.
pub fn write_stderr(vm: &Vm, s: &str) -> PyResult<()> {
    write_sys_stream(vm, "stderr", s)
}

/// Writes to `sys.NAME` (`stdout` or `stderr`): to the process's stream
/// while it is a standard one (or unset), else through the object's `write`.
fn write_sys_stream(vm: &Vm, name: &str, s: &str) -> PyResult<()> {
    let replaced = vm.sys_attr(name);
    let default_fd = if name == "stderr" { 2 } else { 1 };
    let fd = match &replaced {
        None | Some(Value::None) => default_fd,
        Some(Value::Native(n)) => n.as_any().downcast_ref::<Stream>().map_or(0, |st| st.fd),
        Some(_) => 0,
    };
    match (fd, replaced) {
        (1, _) => vm.write_stdout(s)?,
        (2, _) => {
            vm.flush_stdout();
            let _ = std::io::stderr().write_all(s.as_bytes());
        }
        (_, Some(other)) => {
            vm.call_method(&other, "write", &[Value::str(s)])?;
        }
        (_, None) => {}
    }
    Ok(())
}

static WRITE: Signature = Signature::new(Style::Exact, "TextIOWrapper.write", "$self, text, /")
    .doc("Write a string to the stream and return how many characters were written.");
static FLUSH: Signature = Signature::new(Style::Exact, "TextIOWrapper.flush", "$self, /")
    .doc("Write out whatever the stream holds in its buffer.");
static ISATTY: Signature = Signature::new(Style::Exact, "TextIOWrapper.isatty", "$self, /")
    .doc("Return True if the stream is connected to a terminal.");
static FILENO: Signature = Signature::new(Style::Exact, "TextIOWrapper.fileno", "$self, /")
    .doc("Return the file descriptor the stream writes to.");

fn stream_write(vm: &Vm, args: Args) -> PyResult {
    WRITE.check(vm, args)?;
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
        vm.write_stdout(&text)?;
    } else {
        let _ = std::io::stderr().write_all(text.as_bytes());
    }
    Ok(Value::Int(text.chars().count() as i64))
}

fn stream_flush(vm: &Vm, args: Args) -> PyResult {
    FLUSH.check(vm, args)?;
    if let Some(st) = args.get(0).and_then(|v| v.downcast_native::<Stream>()) {
        if st.fd == 1 {
            vm.try_flush_stdout()?;
        }
    }
    Ok(Value::None)
}

fn stream_isatty(vm: &Vm, args: Args) -> PyResult {
    use std::io::IsTerminal;
    ISATTY.check(vm, args)?;
    Ok(Value::from_bool(
        match args.get(0).and_then(|v| v.downcast_native::<Stream>()) {
            Some(s) if s.fd == 1 => std::io::stdout().is_terminal(),
            Some(_) => std::io::stderr().is_terminal(),
            None => false,
        },
    ))
}

fn stream_fileno(vm: &Vm, args: Args) -> PyResult {
    FILENO.check(vm, args)?;
    Ok(Value::Int(
        args.get(0)
            .and_then(|v| v.downcast_native::<Stream>())
            .map_or(1, |s| s.fd) as i64,
    ))
}

/// The builtin `open`, which is `io.open` (towel source in `stdlib/io.py`):
/// `io` is imported on the first call, so startup does not pay for it.
pub(super) static OPEN: Signature = Signature::new(
    Style::Clinic,
    "open",
    "file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None",
)
.doc("Open a file and return a file object (text or binary, as mode says).\n\nmode combines 'r' (read), 'w' (truncate and write), 'x' (create), 'a' (append) and '+' (update) with 't' (text, the default) or 'b' (binary). encoding, errors and newline apply to text files.");

/// `io.open` does the work; the arguments are checked here so that the
/// errors name the builtin.
pub fn open(vm: &Vm, args: Args) -> PyResult {
    OPEN.check(vm, args)?;
    let io = vm.import_module("io")?;
    let io_open = crate::stdlib::module_attr(vm, &io, "open")?;
    vm.call_args(&io_open, args)
}
