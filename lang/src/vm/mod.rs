//! The virtual machine: built-in types, the dispatch loop, calls and the
//! protocols (`repr`, `hash`, attribute access, operators) that tie values
//! together.
//!
//! The VM is used through `&Vm`: its mutable parts sit behind `Cell` and
//! `RefCell`. That lets the asyncio task driver, running inside the
//! executor's `poll`, resume coroutines on the same VM that called
//! `asyncio.run`.

pub mod attention;
pub mod call;
mod carets;
pub mod exceptions;
pub mod finalize;
pub mod frame;
pub mod frame_object;
pub mod hooks;
pub mod import;
pub mod inline_cache;
pub mod interp;
pub mod limits;
pub mod ops;
mod pattern;
pub mod protocol;
pub mod report;
mod suggestions;
pub mod traceback;
pub mod tracing;
pub mod types;

use crate::objects::{
    new_namespace, Class, Code, Instance, Module, Name, Namespace, PyErr, PyResult, Value,
};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::io::Write;
use std::rc::Rc;

pub use exceptions::ExcTypes;
pub use types::Types;

/// CPython's default recursion limit.
pub const DEFAULT_RECURSION_LIMIT: usize = 1000;

pub struct Vm {
    pub types: Types,
    pub exc: ExcTypes,
    pub builtins: Namespace,
    /// `sys.modules`, `sys.path` and the rest of the import system's state.
    pub imports: import::ImportState,
    /// Python-level call depth, for RecursionError.
    pub depth: Cell<usize>,
    pub recursion_limit: Cell<usize>,
    /// Exceptions being handled, innermost last (`sys.exc_info()` is the last non-None).
    pub exc_stack: RefCell<Vec<Option<Value>>>,
    /// Buffered standard output (line-buffered when it is a terminal).
    pub stdout: RefCell<Output>,
    /// What `sys.argv` starts as (set by the embedder before `sys` is made).
    pub argv: RefCell<Vec<String>>,
    /// The command line's settings (`sys.flags`, `-W`, `-X`), for `sys`.
    pub config: RefCell<Config>,
    /// Classes created lazily by name (iterator types and the like).
    pub lazy_classes: RefCell<HashMap<&'static str, Rc<Class>>>,
    /// Set by a signal handler when Ctrl-C arrives; checked on backward jumps and calls.
    /// An `Arc` because the handler (or the thread that receives the signal) sets it
    /// from outside the VM's thread.
    pub interrupt: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// Raised when a coroutine was dropped unawaited or an async generator
    /// mid-iteration; the dispatch loop then finalizes them (and prints
    /// CPython's RuntimeWarning) at the current line. While tracing it stays
    /// raised, so the loop's single check per instruction covers both.
    pub warn_pending: std::sync::Arc<attention::AttentionFlag>,
    /// `TOWEL_TRACE=1`: disassemble each instruction to stderr before it runs.
    pub trace: bool,
    /// `sys.settrace` and `sys.setprofile`.
    pub tracing: tracing::Tracing,
    /// `sys.set_coroutine_origin_tracking_depth`: how many frames a new
    /// coroutine's `cr_origin` records (0: none, and no cost).
    pub coroutine_origin_depth: Cell<usize>,
    /// The innermost running frame: the head of the frame chain (see
    /// `frame.rs`); null when no Python code runs.
    pub current_frame: Cell<*const frame::Frame>,
    /// Finished frames kept for reuse, so a call allocates nothing in the common case.
    #[allow(clippy::vec_box)] // frames move between the pool, the loop and generators as boxes
    frame_pool: RefCell<Vec<Box<frame::Frame>>>,
    /// The code and line that called the running caller-aware native (see
    /// `CallerNeeds::CallSite`), e.g. where `warnings.warn` was called.
    pub call_site: RefCell<Option<(Rc<Code>, u32)>>,
    /// `sys.set_asyncgen_hooks`: (firstiter, finalizer), None when unset.
    pub asyncgen_hooks: RefCell<(Value, Value)>,
    /// `sys.intern`'s table: the one string object kept for each text.
    pub interned: RefCell<HashMap<Rc<str>, Value>>,
    /// The caller's globals and locals, for a native that runs code in them
    /// (see `CallerNeeds::Namespaces`).
    pub caller_namespaces: RefCell<Option<(Namespace, Namespace)>>,
}

/// Standard output with Python-like buffering.
pub struct Output {
    buf: Vec<u8>,
    line_buffered: bool,
    /// `-u`: every write goes straight out.
    unbuffered: bool,
    /// A flush that nobody could be told about failed (see
    /// `Vm::flush_stdout`): the exit reports it as the final flush would.
    lost: Option<std::io::Error>,
}

/// Whatever the program printed reaches the terminal even when the
/// interpreter stops abnormally (an internal error unwinding the VM).
impl Drop for Output {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

impl Output {
    fn new() -> Output {
        use std::io::IsTerminal;
        Output {
            buf: Vec::with_capacity(8192),
            line_buffered: std::io::stdout().is_terminal(),
            unbuffered: false,
            lost: None,
        }
    }

    /// `-u` and `PYTHONUNBUFFERED`: no buffering at all.
    pub fn set_unbuffered(&mut self) {
        self.unbuffered = true;
    }

    pub fn is_unbuffered(&self) -> bool {
        self.unbuffered
    }

    /// Buffers `s`, writing the buffer out when it is full, at a line end
    /// on a terminal, or at once under `-u`.
    pub fn write(&mut self, s: &str) -> std::io::Result<()> {
        self.write_bytes(s.as_bytes())
    }

    /// [`Output::write`] for bytes: `sys.stdout.buffer` writes into the
    /// same buffer as the text layer, so the two interleave in order.
    pub fn write_bytes(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.buf.extend_from_slice(bytes);
        if self.unbuffered
            || self.buf.len() >= 8192
            || (self.line_buffered && bytes.contains(&b'\n'))
        {
            self.flush()?;
        }
        Ok(())
    }

    /// Whether a line end writes the buffer out (`line_buffering`).
    pub fn line_buffered(&self) -> bool {
        self.line_buffered
    }

    /// `sys.stdout.reconfigure(line_buffering=...)`.
    pub fn set_line_buffered(&mut self, on: bool) {
        self.line_buffered = on;
    }

    /// Writes the buffer out. What could not be written is dropped, as
    /// CPython's buffered writer drops it: a reader that went away (a
    /// broken pipe) raises once, not again at every later flush.
    pub fn flush(&mut self) -> std::io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let mut out = std::io::stdout().lock();
        let result = out.write_all(&self.buf).and_then(|()| out.flush());
        self.buf.clear();
        result
    }
}

impl Vm {
    pub fn new() -> Vm {
        let types = Types::new();
        let exc = ExcTypes::new(&types);
        let trace = crate::stdlib::dis::trace_enabled();
        let vm = Vm {
            types,
            exc,
            builtins: new_namespace(),
            imports: import::ImportState::new(),
            depth: Cell::new(0),
            recursion_limit: Cell::new(DEFAULT_RECURSION_LIMIT),
            exc_stack: RefCell::new(vec![None]),
            stdout: RefCell::new(Output::new()),
            argv: RefCell::new(Vec::new()),
            config: RefCell::new(Config::default()),
            lazy_classes: RefCell::new(HashMap::new()),
            interrupt: std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
            warn_pending: std::sync::Arc::new(attention::AttentionFlag::new(trace)),
            current_frame: Cell::new(std::ptr::null()),
            frame_pool: RefCell::new(Vec::new()),
            trace,
            tracing: Default::default(),
            coroutine_origin_depth: Cell::new(0),
            call_site: RefCell::new(None),
            asyncgen_hooks: RefCell::new((Value::None, Value::None)),
            interned: RefCell::new(HashMap::new()),
            caller_namespaces: RefCell::new(None),
        };
        crate::objects::generator::WARN_FLAG
            .with(|f| *f.borrow_mut() = Some(vm.warn_pending.clone()));
        types::install_methods(&vm);
        exceptions::install_methods(&vm);
        crate::builtins::install(&vm);
        // Embedders get the standard library; the command line puts the
        // program's folder and PYTHONPATH in front.
        vm.set_search_path(None, Vec::new());
        vm
    }

    /// Writes to standard output (through `sys.stdout`'s buffer); a failed
    /// write raises `OSError` (`BrokenPipeError` when the reader is gone).
    pub fn write_stdout(&self, s: &str) -> PyResult<()> {
        self.write_stdout_bytes(s.as_bytes())
    }

    /// `sys.stdout.buffer.write(b)`: into the text layer's buffer.
    pub fn write_stdout_bytes(&self, bytes: &[u8]) -> PyResult<()> {
        let result = self.stdout.borrow_mut().write_bytes(bytes);
        result.map_err(|e| self.stdout_error(&e))
    }

    /// `sys.stdout.flush()`: writes the buffer out, raising as a write does.
    pub fn try_flush_stdout(&self) -> PyResult<()> {
        let result = self.stdout.borrow_mut().flush();
        result.map_err(|e| self.stdout_error(&e))
    }

    /// Writes the buffer out before something else reaches the terminal
    /// (standard error, a prompt); a failure is kept for the exit to report.
    pub fn flush_stdout(&self) {
        let mut out = self.stdout.borrow_mut();
        if let Err(e) = out.flush() {
            out.lost = Some(e);
        }
    }

    fn stdout_error(&self, e: &std::io::Error) -> PyErr {
        let errno = e.raw_os_error().unwrap_or(libc::EIO);
        crate::stdlib::os_sys::errno_error(self, errno, None, None)
    }

    /// The flush at exit: when standard output cannot take what is left,
    /// reports it as CPython does ("Exception ignored in: <_io.TextIOWrapper
    /// name='<stdout>' ...>") and returns false, for exit status 120.
    pub fn flush_stdout_at_exit(&self) -> bool {
        let result = {
            let mut out = self.stdout.borrow_mut();
            let flushed = out.flush();
            match out.lost.take() {
                Some(e) => Err(e),
                None => flushed,
            }
        };
        match result {
            Ok(()) => true,
            Err(e) => {
                let err = self.stdout_error(&e);
                let report = self.format_exception(&err);
                let last = report.lines().last().unwrap_or_default();
                eprintln!(
                    "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n{last}"
                );
                false
            }
        }
    }

    /// A new module with what every module object starts with in CPython
    /// (`__name__`, `__doc__`, and `__package__`, `__loader__`, `__spec__`
    /// as None until the import system sets them).
    pub fn new_module(&self, name: &str, file: Option<&str>) -> Rc<Module> {
        let ns = new_namespace();
        for (key, value) in [
            ("__name__", Value::str(name)),
            ("__doc__", Value::None),
            ("__package__", Value::None),
            ("__loader__", Value::None),
            ("__spec__", Value::None),
        ] {
            ns.set_name(&Name::new(key), value);
        }
        if let Some(f) = file {
            ns.set_name(&Name::new("__file__"), Value::str(f));
        }
        crate::objects::gc::new(Module {
            name: Rc::from(name),
            ns,
            gc: crate::objects::gc::GcHead::new(),
        })
    }

    /// The namespace of `__main__` (made if there is none yet), where code
    /// runs when nothing says where.
    pub fn main_namespace(&self) -> Namespace {
        self.main_module().ns.clone()
    }

    /// The exception currently being handled, if any.
    pub fn current_exception(&self) -> Option<Value> {
        self.exc_stack.borrow().iter().rev().find_map(|e| e.clone())
    }

    // -- errors ----------------------------------------------------------

    /// Instantiates exception `class` with `args` (no `__init__` call: for built-in classes).
    pub fn new_exception(&self, class: &Rc<Class>, args: Vec<Value>) -> PyErr {
        let inst = Instance::new(class.clone());
        inst.exc_data().args = args;
        PyErr(crate::objects::gc::new(inst))
    }

    pub fn new_error(&self, class: &Rc<Class>, msg: impl Into<String>) -> PyErr {
        self.new_exception(class, vec![Value::string(msg.into())])
    }

    pub fn type_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(&self.exc.type_error, msg)
    }

    pub fn value_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(&self.exc.value_error, msg)
    }

    pub fn index_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(&self.exc.index_error, msg)
    }

    pub fn key_error(&self, key: Value) -> PyErr {
        self.new_exception(&self.exc.key_error, vec![key])
    }

    pub fn attribute_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(&self.exc.attribute_error, msg)
    }

    pub fn name_error(&self, name: &str) -> PyErr {
        let err = self.new_error(
            &self.exc.name_error,
            format!("name '{name}' is not defined"),
        );
        err.0.set_attr(Name::new("name"), Value::str(name));
        err
    }

    pub fn runtime_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(&self.exc.runtime_error, msg)
    }

    pub fn zero_division(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(&self.exc.zero_division_error, msg)
    }

    pub fn overflow_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(&self.exc.overflow_error, msg)
    }

    /// `MemoryError` (no message, as CPython raises it when an allocation fails).
    pub fn memory_error(&self) -> PyErr {
        self.new_exception(&self.exc.memory_error, Vec::new())
    }

    pub fn not_implemented(&self, what: impl Into<String>) -> PyErr {
        self.new_error(&self.exc.not_implemented_error, what)
    }

    pub fn stop_iteration(&self, value: Value) -> PyErr {
        let args = if value.is_none() { vec![] } else { vec![value] };
        self.new_exception(&self.exc.stop_iteration, args)
    }

    pub fn recursion_error(&self) -> PyErr {
        self.new_error(
            &self.exc.recursion_error,
            "maximum recursion depth exceeded",
        )
    }

    /// True if `err` is an instance of `class`.
    pub fn err_is(&self, err: &PyErr, class: &Rc<Class>) -> bool {
        err.0.class.is_subclass(class)
    }

    // -- running code ---------------------------------------------------------

    /// Loads and runs a module's code object in `module`'s namespace.
    pub fn run_code(&self, code: Rc<Code>, module: &Rc<Module>) -> PyResult<Value> {
        let frame = self.new_frame(code, module.ns.clone(), Some(module.ns.clone()));
        self.run_frame_to_completion(frame)
    }

    /// A frame for `code`, reusing a pooled one when possible.
    #[inline]
    pub fn new_frame(
        &self,
        code: Rc<Code>,
        globals: Namespace,
        names: Option<Namespace>,
    ) -> Box<frame::Frame> {
        match self.frame_pool.borrow_mut().pop() {
            Some(mut f) => {
                f.reset(code, globals, names);
                f
            }
            None => Box::new(frame::Frame::new(code, globals, names)),
        }
    }

    /// An empty frame from the pool (the caller resets it). Every call of a
    /// Python function takes one, so the pool's hit stays inline and the
    /// allocation of a new frame is out of line.
    #[inline(always)]
    pub fn pooled_frame(&self) -> Box<frame::Frame> {
        match self.frame_pool.borrow_mut().pop() {
            Some(f) => f,
            None => new_empty_frame(),
        }
    }

    /// Returns a finished frame to the pool, or to its object when it has
    /// one that is still referenced (see "Frame objects" in `frame.rs`).
    #[inline]
    pub fn recycle_frame(&self, mut frame: Box<frame::Frame>) {
        if frame.object.get_mut().is_some() {
            return self.retire_frame_with_object(frame);
        }
        frame.clear();
        let mut pool = self.frame_pool.borrow_mut();
        if pool.len() < 256 {
            pool.push(frame);
        }
    }

    /// `recycle_frame` for a frame with an object: the object takes the
    /// frame, with its caller's object as `f_back`, unless nothing else
    /// refers to the object.
    #[cold]
    #[inline(never)]
    fn retire_frame_with_object(&self, mut frame: Box<frame::Frame>) {
        let Some(obj) = frame.object.get_mut().take() else {
            return self.recycle_frame(frame);
        };
        if Rc::strong_count(&obj) == 1 {
            drop(obj);
            return self.recycle_frame(frame);
        }
        // SAFETY: a finishing frame's `back` is its caller, still running.
        let caller = unsafe { frame.back.get().as_ref() };
        // As in CPython, a finished generator's frame has no `f_back`.
        let back = match caller.filter(|_| !frame.code.co.is_resumable()) {
            Some(caller) => Value::Native(crate::objects::NativeRef::from(caller.object(self))),
            None => Value::None,
        };
        obj.adopt(frame, back);
    }

    /// Compiles `source` as a module (or eval/interactive input) and turns it into VM code.
    pub fn compile(
        &self,
        source: &str,
        filename: &str,
        mode: crate::compiler::Mode,
    ) -> Result<Rc<Code>, crate::source::SyntaxError> {
        let options = self.compile_options(mode == crate::compiler::Mode::Interactive);
        self.compile_with(source, filename, mode, options)
    }

    /// Compiler options at the interpreter's `-O` level.
    pub fn compile_options(&self, top_level_await: bool) -> crate::compiler::Options {
        crate::compiler::Options {
            top_level_await,
            optimize: self.config.borrow().optimize,
            file_input: false,
        }
    }

    /// [`Vm::compile`] with explicit options: whether the top level may
    /// `await`, and the `-O` level (see `compiler::Options`).
    pub fn compile_with(
        &self,
        source: &str,
        filename: &str,
        mode: crate::compiler::Mode,
        options: crate::compiler::Options,
    ) -> Result<Rc<Code>, crate::source::SyntaxError> {
        let (module, parse_warnings) = match mode {
            crate::compiler::Mode::Eval => {
                let (expr, warnings) = crate::parser::parse_expression_warned(source, filename);
                let module = expr.map(|expr| {
                    let span = expr.span;
                    crate::ast::Module {
                        body: vec![crate::ast::Stmt::new(
                            crate::ast::StmtKind::Expr(expr),
                            span,
                        )],
                    }
                });
                (module, warnings)
            }
            _ => crate::parser::parse_module_warned(source, filename, options.file_input),
        };
        // The tokenizer and the parser warn before the compiler runs (the
        // tokenizer's warnings come even when the source is rejected).
        for warning in &parse_warnings {
            self.issue_compile_warning(warning)?;
        }
        let module = module?;
        let compiled =
            crate::compiler::compile_module_with(&module, filename, source, mode, options)?;
        for warning in &compiled.warnings {
            self.issue_compile_warning(warning)?;
        }
        Ok(self.load_code(&compiled.code))
    }

    /// Issues a compiler warning through `warnings.warn_explicit`, as
    /// CPython does while compiling; when a filter makes it an error, the
    /// compilation fails with a `SyntaxError` where the warning points.
    fn issue_compile_warning(
        &self,
        warning: &crate::source::CompileWarning,
    ) -> Result<(), crate::source::SyntaxError> {
        use crate::source::WarningCategory;
        let error = &warning.error;
        let category = match warning.category {
            WarningCategory::SyntaxWarning => &self.exc.syntax_warning,
            WarningCategory::DeprecationWarning => &self.exc.deprecation_warning,
        };
        let issued = self.import_module("warnings").and_then(|m| {
            let warn_explicit = crate::stdlib::module_attr(self, &m, "warn_explicit")?;
            self.call(
                &warn_explicit,
                &[
                    Value::str(&error.msg),
                    Value::Class(category.clone()),
                    Value::str(&error.filename),
                    Value::Int(error.lineno.into()),
                ],
            )
        });
        match issued {
            Ok(_) => Ok(()),
            Err(_) => Err(error.clone()),
        }
    }

    /// Turns a compiled [`CodeObject`](crate::bytecode::CodeObject) into VM code, converting constants once.
    pub fn load_code(&self, co: &Rc<crate::bytecode::CodeObject>) -> Rc<Code> {
        let consts = co.consts.iter().map(|c| self.load_const(c)).collect();
        Rc::new(Code {
            co: co.clone(),
            consts,
            names: co.names.iter().map(|n| Name::new(n)).collect(),
            varnames: co.varnames.iter().map(|n| Name::new(n)).collect(),
            cell_names: co
                .cellvars
                .iter()
                .chain(co.freevars.iter())
                .map(|n| Name::new(n))
                .collect(),
            global_sites: co.names.iter().map(|_| Default::default()).collect(),
            attr_sites: co.names.iter().map(|_| Default::default()).collect(),
            simple_args: co.flags
                & (crate::bytecode::flags::VARARGS | crate::bytecode::flags::VARKEYWORDS)
                == 0
                && co.kwonlyargcount == 0
                && co.cell2arg.iter().all(Option::is_none)
                && !co.is_resumable(),
        })
    }

    fn load_const(&self, c: &crate::bytecode::Constant) -> Value {
        use crate::bytecode::Constant as C;
        match c {
            C::None => Value::None,
            C::Bool(b) => Value::from_bool(*b),
            C::Int(i) => Value::from_bigint(i.clone()),
            C::Float(f) => Value::float(*f),
            C::Complex(re, im) => Value::complex(*re, *im),
            // Constants made of name characters are interned, as CPython
            // does: `globals()['x']` then finds the name by pointer.
            C::Str(s) if s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') => {
                Name::new(s).to_value()
            }
            C::Str(s) => Value::str(s),
            C::Bytes(b) => Value::Bytes(Rc::new(b.to_vec())),
            C::Tuple(items) => {
                let t = Value::tuple(items.iter().map(|c| self.load_const(c)).collect());
                if let Value::Tuple(t) = &t {
                    t.untrack_if_atomic();
                }
                t
            }
            C::FrozenSet(items) => {
                let set = crate::objects::PySet::new();
                for c in items.iter() {
                    // The compiler folds only hashable, distinct items: this cannot fail.
                    let _ = set.add(self, self.load_const(c));
                }
                Value::frozenset(set)
            }
            C::Code(co) => Value::Code(self.load_code(co)),
            C::Ellipsis => Value::Ellipsis,
        }
    }
}

impl Vm {
    /// Issues `RuntimeWarning: coroutine '...' was never awaited` through
    /// the `warnings` module (filters, `catch_warnings`, once per location by
    /// default) for the coroutines dropped since the last call, at `at` (the
    /// frame running when they were dropped; `sys:1` at shutdown).
    pub fn report_never_awaited(&self, at: Option<&frame::Frame>) {
        self.warn_pending.set(self.attention_baseline());
        self.finalize_dropped_agens();
        let names =
            crate::objects::generator::NEVER_AWAITED.with(|l| std::mem::take(&mut *l.borrow_mut()));
        for (name, origin) in names {
            let message = self.never_awaited_message(&name, &origin);
            let (file, line, text) = match at {
                Some(f) => {
                    let line = f.current_line();
                    let co = &f.code.co;
                    let text = co
                        .source
                        .as_ref()
                        .map(|src| {
                            crate::source::LineIndex::new(src)
                                .line_text(src, line)
                                .trim()
                                .to_string()
                        })
                        .unwrap_or_default();
                    (co.filename.to_string(), line, text)
                }
                None => ("sys".to_string(), 1, String::new()),
            };
            self.flush_stdout();
            let issued = self.import_module("warnings").and_then(|m| {
                let warn = crate::stdlib::module_attr(self, &m, "_warn_unawaited")?;
                self.call(
                    &warn,
                    &[
                        Value::str(&message),
                        Value::string(file),
                        Value::Int(line.into()),
                        Value::string(text),
                    ],
                )
            });
            if let Err(e) = issued {
                self.write_unraisable(&e, None, Value::None);
            }
        }
        crate::stdlib::asyncio::futures::report_unretrieved(self);
    }

    /// The never-awaited warning's text, with where the coroutine was
    /// created when its `cr_origin` was recorded.
    fn never_awaited_message(&self, name: &str, origin: &Value) -> Rc<str> {
        let mut message = format!("coroutine '{name}' was never awaited\n");
        let frames = self.to_vec(origin).unwrap_or_default();
        if !frames.is_empty() {
            message.push_str("Coroutine created at (most recent call last)\n");
            let summaries: Vec<_> = frames
                .iter()
                .rev()
                .filter_map(|f| report::FrameSummary::from_origin(self, f))
                .collect();
            message.extend(report::format_stack(&summaries, report::Printer::Module));
        }
        Rc::from(message.trim_end_matches('\n'))
    }
}

impl Vm {
    /// Closes async generators that were dropped mid-iteration, or hands them
    /// to the running event loop's finalizer (which schedules `aclose()`), as
    /// CPython's `_PyGen_Finalize` does.
    fn finalize_dropped_agens(&self) {
        use crate::objects::generator::{ASYNCGEN_HOOKS, DROPPED_AGENS};
        loop {
            let agens = DROPPED_AGENS.with(|l| std::mem::take(&mut *l.borrow_mut()));
            if agens.is_empty() {
                return;
            }
            for g in agens {
                if g.has_finalizer.get() {
                    if let Some(hooks) = ASYNCGEN_HOOKS.with(Cell::get) {
                        (hooks.finalizer)(self, g);
                        continue;
                    }
                }
                if let Err(e) = self.close_generator(&g) {
                    self.write_unraisable(&e, None, Value::Generator(g));
                }
            }
        }
    }
}

impl Default for Vm {
    fn default() -> Self {
        Vm::new()
    }
}

/// Why running a program stopped early.
pub enum MainError {
    Syntax(crate::source::SyntaxError),
    Exception(PyErr),
    /// The program could not be started (`-m` found no such module): the
    /// whole message, for standard error; the exit status is 1.
    Message(String),
}

/// The command line's settings that the running program can see
/// (`sys.flags`, `sys.warnoptions`, `sys._xoptions`, `sys.orig_argv`).
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// `-O` count: 1 turns assertions off and `__debug__` False.
    pub optimize: u8,
    pub inspect: bool,
    pub interactive: bool,
    pub dont_write_bytecode: bool,
    pub no_user_site: bool,
    pub no_site: bool,
    pub ignore_environment: bool,
    pub verbose: u8,
    pub bytes_warning: u8,
    pub quiet: bool,
    pub isolated: bool,
    pub dev_mode: bool,
    pub safe_path: bool,
    pub unbuffered: bool,
    /// `-x`: the first line of the script is not part of the program.
    pub skip_first_line: bool,
    /// `PYTHONASYNCIODEBUG` (or `-X dev`): asyncio's debug mode.
    pub asyncio_debug: bool,
    /// `-W` options, in order.
    pub warnoptions: Vec<String>,
    /// `-X` options: name and value (`True` when given without `=`).
    pub xoptions: Vec<(String, Option<String>)>,
    /// The command line as given.
    pub orig_argv: Vec<String>,
}

/// The process exit status for an uncaught exception, printing it as CPython does
/// (SystemExit exits quietly with its code).
pub fn exit_status(vm: &Vm, err: &PyErr) -> std::process::ExitCode {
    vm.flush_stdout();
    if vm.err_is(err, &vm.exc.system_exit) {
        let code = err.exc().args.first().cloned().unwrap_or_default();
        return match code {
            Value::None => std::process::ExitCode::SUCCESS,
            Value::Int(i) => std::process::ExitCode::from(i as u8),
            Value::Bool(b) => std::process::ExitCode::from(b.get() as u8),
            other => {
                let text = vm.to_str(&other).unwrap_or_default();
                eprintln!("{text}");
                std::process::ExitCode::from(1)
            }
        };
    }
    match vm.handle_uncaught(err) {
        Some(exit) => exit_status(vm, &exit),
        None => std::process::ExitCode::from(1),
    }
}

/// Makes Ctrl-C raise KeyboardInterrupt in the running program instead of killing it.
///
/// The signal sets `vm.interrupt`, which the dispatch loop checks on backward
/// jumps and `asyncio`'s event loop checks between iterations (its reactor
/// wait is woken by the runtime's self-pipe).
pub fn install_interrupt_handler(vm: &Vm) {
    use towel_runtime::signal::{disposition, Disposition};
    // An "ignore SIGINT" inherited from the parent (`nohup`, a shell's
    // background job) stays, as CPython leaves it.
    if matches!(disposition(libc::SIGINT), Ok(Disposition::Ignore)) {
        return;
    }
    // Without a handler the default action (terminate) stays, as before.
    let _ = towel_runtime::signal::on_interrupt(vm.interrupt.clone());
}

/// A new frame for the pool to hand out (see `Vm::pooled_frame`).
#[cold]
#[inline(never)]
fn new_empty_frame() -> Box<frame::Frame> {
    Box::new(frame::Frame::empty())
}
