//! Text I/O: the `sys.stdout`/`sys.stderr` objects (with their binary
//! `buffer`, which writes into the same buffer so the two interleave in
//! order), and the builtin `open()`.

use crate::objects::{Args, Class, NativeObject, PyResult, Signature, Style, Value};
use crate::vm::types::{add_declared_methods, add_methods, new_class};
use crate::vm::Vm;
use std::any::Any;
use std::cell::{Cell, OnceCell, RefCell};
use std::io::Write;
use std::rc::Rc;

pub fn install(vm: &Vm) {
    let c = stream_class(vm);
    add_declared_methods(
        &c,
        "TextIOWrapper",
        &[
            (&WRITE, stream_write),
            (&WRITELINES, stream_writelines),
            (&FLUSH, stream_flush),
            (&ISATTY, stream_isatty),
            (&FILENO, stream_fileno),
            (&WRITABLE, writable),
            (&READABLE, readable),
            (&SEEKABLE, seekable),
            (&RECONFIGURE, stream_reconfigure),
        ],
    );
    add_methods(&c, "TextIOWrapper", &[("__repr__", stream_repr)]);
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

/// The binary layer of `sys.stdout` and `sys.stderr` (their `buffer`):
/// a `BufferedWriter`, or (`raw`, under `-u`) a `FileIO`, as in CPython.
fn buffer_class(vm: &Vm, raw: bool) -> Rc<Class> {
    let name = if raw { "FileIO" } else { "BufferedWriter" };
    vm.lazy_class(name, |vm| {
        let c = new_class(
            name,
            &[vm.types.object.clone()],
            crate::objects::class::Layout::Builtin,
            "_io",
        );
        add_declared_methods(
            &c,
            "BufferedWriter",
            &[
                (&BUFFER_WRITE, buffer_write),
                (&BUFFER_FLUSH, stream_flush),
                (&BUFFER_ISATTY, stream_isatty),
                (&BUFFER_FILENO, stream_fileno),
                (&BUFFER_WRITABLE, writable),
                (&BUFFER_READABLE, readable),
                (&BUFFER_SEEKABLE, seekable),
            ],
        );
        add_methods(&c, "BufferedWriter", &[("__repr__", stream_repr)]);
        c
    })
}

/// `sys.stdout` (fd 1) or `sys.stderr` (fd 2), or (`binary`) their `buffer`.
pub struct Stream {
    class: Rc<Class>,
    pub fd: i32,
    binary: bool,
    /// The error handler `errors` names (see [`default_errors`]); towel
    /// writes UTF-8 whatever it says.
    errors: RefCell<Rc<str>>,
    /// `line_buffering` of standard error (standard output keeps its own
    /// in the VM's output buffer).
    line_buffering: Cell<bool>,
    /// The binary layer, made on first use so that `buffer` is one object.
    buffer: OnceCell<Value>,
}

impl NativeObject for Stream {
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
            ("name", _) => Value::str(self.name()),
            ("mode", false) => Value::str("w"),
            ("mode", true) => Value::str("wb"),
            ("closed", _) => Value::from_bool(false),
            ("encoding", false) => Value::str("utf-8"),
            ("errors", false) => Value::str(&self.errors.borrow()),
            ("newlines", false) => Value::None,
            ("write_through", false) => Value::from_bool(false),
            ("line_buffering", false) => Value::from_bool(self.line_buffered(vm)),
            ("buffer", false) => self
                .buffer
                .get_or_init(|| {
                    let raw = vm.stdout.borrow().is_unbuffered();
                    Value::native(Stream::new(buffer_class(vm, raw), self.fd, true))
                })
                .clone(),
            _ => return None,
        }))
    }
}

impl Stream {
    fn new(class: Rc<Class>, fd: i32, binary: bool) -> Stream {
        Stream {
            class,
            fd,
            binary,
            errors: RefCell::new(Rc::from(default_errors(fd))),
            line_buffering: Cell::new(false),
            buffer: OnceCell::new(),
        }
    }

    fn name(&self) -> &'static str {
        if self.fd == 1 {
            "<stdout>"
        } else {
            "<stderr>"
        }
    }

    fn line_buffered(&self, vm: &Vm) -> bool {
        if self.fd == 1 {
            vm.stdout.borrow().line_buffered()
        } else {
            self.line_buffering.get()
        }
    }

    /// Writes `bytes` where the stream goes: standard output through the
    /// VM's buffer, standard error at once.
    fn write_bytes(&self, vm: &Vm, bytes: &[u8]) -> PyResult<()> {
        if self.fd == 1 {
            vm.write_stdout_bytes(bytes)
        } else {
            let _ = std::io::stderr().write_all(bytes);
            Ok(())
        }
    }
}

/// The error handler of a standard stream, as CPython chooses it: standard
/// error `backslashreplace`; standard input and output `surrogateescape`
/// under the C or POSIX locale (where CPython runs in UTF-8 mode) or the
/// one it coerces them to, else
/// `strict`.
pub(crate) fn default_errors(fd: i32) -> &'static str {
    if fd == 2 {
        return "backslashreplace";
    }
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .filter_map(|var| std::env::var(var).ok())
        .find(|v| !v.is_empty())
        .unwrap_or_default();
    // CPython coerces the C locale to C.UTF-8 (PEP 538) and keeps its
    // handler there.
    if matches!(
        locale.as_str(),
        "" | "C" | "POSIX" | "C.UTF-8" | "C.utf8" | "UTF-8"
    ) {
        "surrogateescape"
    } else {
        "strict"
    }
}

pub fn stream(vm: &Vm, fd: i32) -> Value {
    let stream = Stream::new(stream_class(vm), fd, false);
    // Standard error is line buffered, unless nothing is buffered (`-u`).
    stream
        .line_buffering
        .set(fd == 2 && !vm.stdout.borrow().is_unbuffered());
    Value::native(stream)
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

// Docstrings the text layer and its `.buffer` share.
const FLUSH_DOC: &str = "Write out whatever the stream holds in its buffer.";
const ISATTY_DOC: &str = "Return True if the stream is connected to a terminal.";
const FILENO_DOC: &str = "Return the file descriptor the stream writes to.";
const WRITABLE_DOC: &str = "Return True: the stream can be written.";
const READABLE_DOC: &str = "Return False: the stream cannot be read.";
const SEEKABLE_DOC: &str = "Return False: towel writes standard streams as streams.";

static WRITE: Signature = Signature::new(Style::Exact, "TextIOWrapper.write", "$self, text, /")
    .doc("Write a string to the stream and return how many characters were written.");
static WRITELINES: Signature =
    Signature::new(Style::Exact, "TextIOWrapper.writelines", "$self, lines, /")
        .doc("Write each string of an iterable to the stream (no line ends are added).");
static FLUSH: Signature =
    Signature::new(Style::Exact, "TextIOWrapper.flush", "$self, /").doc(FLUSH_DOC);
static ISATTY: Signature =
    Signature::new(Style::Exact, "TextIOWrapper.isatty", "$self, /").doc(ISATTY_DOC);
static FILENO: Signature =
    Signature::new(Style::Exact, "TextIOWrapper.fileno", "$self, /").doc(FILENO_DOC);
static WRITABLE: Signature =
    Signature::new(Style::Exact, "TextIOWrapper.writable", "$self, /").doc(WRITABLE_DOC);
static READABLE: Signature =
    Signature::new(Style::Exact, "TextIOWrapper.readable", "$self, /").doc(READABLE_DOC);
static SEEKABLE: Signature =
    Signature::new(Style::Exact, "TextIOWrapper.seekable", "$self, /").doc(SEEKABLE_DOC);
static RECONFIGURE: Signature = Signature::new(
    Style::Clinic,
    "TextIOWrapper.reconfigure",
    "$self, /, *, encoding=None, errors=None, newline=None, line_buffering=None, write_through=None",
)
.doc("Change the stream's error handler or line buffering (the encoding stays UTF-8).");
static BUFFER_WRITE: Signature =
    Signature::undocumented(Style::Exact, "BufferedWriter.write", "$self, buffer, /")
        .doc("Write a bytes-like object and return how many bytes were written.");
static BUFFER_FLUSH: Signature =
    Signature::undocumented(Style::Exact, "BufferedWriter.flush", "$self, /").doc(FLUSH_DOC);
static BUFFER_ISATTY: Signature =
    Signature::undocumented(Style::Exact, "BufferedWriter.isatty", "$self, /").doc(ISATTY_DOC);
static BUFFER_FILENO: Signature =
    Signature::undocumented(Style::Exact, "BufferedWriter.fileno", "$self, /").doc(FILENO_DOC);
static BUFFER_WRITABLE: Signature =
    Signature::undocumented(Style::Exact, "BufferedWriter.writable", "$self, /").doc(WRITABLE_DOC);
static BUFFER_READABLE: Signature =
    Signature::undocumented(Style::Exact, "BufferedWriter.readable", "$self, /").doc(READABLE_DOC);
static BUFFER_SEEKABLE: Signature =
    Signature::undocumented(Style::Exact, "BufferedWriter.seekable", "$self, /").doc(SEEKABLE_DOC);

fn this<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a Stream> {
    args.get(0)
        .and_then(|v| v.downcast_native::<Stream>())
        .ok_or_else(|| vm.type_error("descriptor requires a standard stream"))
}

fn stream_write(vm: &Vm, args: Args) -> PyResult {
    WRITE.check(vm, args)?;
    let st = this(vm, &args)?;
    let text = match &args.pos[1] {
        Value::Str(s) => s.clone(),
        other => {
            return Err(vm.type_error(format!(
                "write() argument must be str, not {}",
                vm.type_name(other)
            )))
        }
    };
    st.write_bytes(vm, text.as_str().as_bytes())?;
    Ok(Value::Int(text.as_str().chars().count() as i64))
}

fn stream_writelines(vm: &Vm, args: Args) -> PyResult {
    WRITELINES.check(vm, args)?;
    let st = this(vm, &args)?;
    for line in vm.to_vec(&args.pos[1])? {
        let Value::Str(s) = &line else {
            return Err(vm.type_error(format!(
                "write() argument must be str, not {}",
                vm.type_name(&line)
            )));
        };
        st.write_bytes(vm, s.as_str().as_bytes())?;
    }
    Ok(Value::None)
}

fn buffer_write(vm: &Vm, args: Args) -> PyResult {
    BUFFER_WRITE.check(vm, args)?;
    let st = this(vm, &args)?;
    let Some(bytes) = crate::objects::buffer::contents(&args.pos[1]) else {
        return Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(&args.pos[1])
        )));
    };
    st.write_bytes(vm, &bytes)?;
    Ok(Value::Int(bytes.len() as i64))
}

/// The stream a method shared by both layers is called on, its arguments
/// checked against the signature of the layer's method.
fn checked<'a>(
    vm: &Vm,
    args: Args<'a>,
    text: &Signature,
    binary: &Signature,
) -> PyResult<&'a Stream> {
    let st = this(vm, &args)?;
    if st.binary { binary } else { text }.check(vm, args)?;
    Ok(st)
}

fn stream_flush(vm: &Vm, args: Args) -> PyResult {
    let st = checked(vm, args, &FLUSH, &BUFFER_FLUSH)?;
    if st.fd == 1 {
        vm.try_flush_stdout()?;
    }
    Ok(Value::None)
}

fn stream_isatty(vm: &Vm, args: Args) -> PyResult {
    use std::io::IsTerminal;
    let st = checked(vm, args, &ISATTY, &BUFFER_ISATTY)?;
    Ok(Value::from_bool(if st.fd == 1 {
        std::io::stdout().is_terminal()
    } else {
        std::io::stderr().is_terminal()
    }))
}

fn stream_fileno(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::Int(
        checked(vm, args, &FILENO, &BUFFER_FILENO)?.fd as i64,
    ))
}

fn writable(vm: &Vm, args: Args) -> PyResult {
    checked(vm, args, &WRITABLE, &BUFFER_WRITABLE)?;
    Ok(Value::from_bool(true))
}

fn readable(vm: &Vm, args: Args) -> PyResult {
    checked(vm, args, &READABLE, &BUFFER_READABLE)?;
    Ok(Value::from_bool(false))
}

fn seekable(vm: &Vm, args: Args) -> PyResult {
    checked(vm, args, &SEEKABLE, &BUFFER_SEEKABLE)?;
    Ok(Value::from_bool(false))
}

/// `reconfigure(*, encoding, errors, newline, line_buffering, write_through)`.
fn stream_reconfigure(vm: &Vm, args: Args) -> PyResult {
    let ([st], [encoding, errors, newline, line_buffering, _write_through]) =
        RECONFIGURE.bind(vm, args)?;
    let st = st
        .downcast_native::<Stream>()
        .ok_or_else(|| vm.type_error("descriptor requires a standard stream"))?;
    if let Some(encoding) = encoding.filter(|e| !e.is_none()) {
        let name = encoding
            .as_str()
            .unwrap_or_default()
            .to_ascii_lowercase()
            .replace('_', "-");
        if !matches!(name.as_str(), "utf-8" | "utf8") {
            return Err(vm.not_implemented(format!(
                "reconfiguring a standard stream to the encoding {}",
                vm.repr(encoding)?
            )));
        }
    }
    if let Some(newline) = newline.filter(|n| !n.is_none()) {
        if newline.as_str() != Some("\n") && newline.as_str() != Some("") {
            return Err(vm.not_implemented("newline translation on a standard stream"));
        }
    }
    if let Some(errors) = errors.filter(|e| !e.is_none()) {
        let Some(name) = errors.as_str() else {
            return Err(vm.type_error(format!(
                "reconfigure() argument 'errors' must be str or None, not {}",
                vm.type_name(errors)
            )));
        };
        *st.errors.borrow_mut() = Rc::from(name);
    }
    if let Some(on) = line_buffering.filter(|l| !l.is_none()) {
        let on = vm.truthy(on)?;
        if st.fd == 1 {
            vm.flush_stdout();
            vm.stdout.borrow_mut().set_line_buffered(on);
        } else {
            st.line_buffering.set(on);
        }
    }
    Ok(Value::None)
}

fn stream_repr(vm: &Vm, args: Args) -> PyResult {
    let st = this(vm, &args)?;
    Ok(Value::string(if st.binary {
        match &*st.class.name {
            "FileIO" => format!("<_io.FileIO name='{}' mode='wb' closefd=False>", st.name()),
            _ => format!("<_io.BufferedWriter name='{}'>", st.name()),
        }
    } else {
        format!(
            "<_io.TextIOWrapper name='{}' mode='w' encoding='utf-8'>",
            st.name()
        )
    }))
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
