//! The built-in modules: one table ([`MODULES`]) that the import system
//! reads, each module created on first import.
//!
//! Each module is one file with a `make(vm) -> Module` function that fills
//! a namespace from a table of natives. Glue that is naturally script-level
//! is towel source (`NAME.py` beside the Rust file, embedded with
//! `include_str!`) run into the module's namespace after the natives are set,
//! so the source can build on them. A module written wholly in towel is a
//! [`Make::Script`] row; a submodule whose objects live in its package
//! (`asyncio.tasks`) is a [`Make::Reexport`] row.

pub mod array;
pub mod ast;
pub mod asyncio;
pub mod atexit;
pub mod binascii;
pub mod bisect;
pub mod cmath;
pub mod codecs;
pub mod collections;
pub mod contextvars;
pub mod csv;
pub mod dis;
pub mod functools;
pub mod gc;
pub mod hashlib;
pub mod heapq;
pub mod hmac;
pub mod html;
pub mod http_client;
pub mod inspect;
pub mod itertools;
pub mod json;
pub mod keyword;
mod libm;
pub mod math;
pub(crate) mod native_home;
pub mod operator;
pub mod os;
pub mod os_process;
pub mod os_sys;
pub mod packing;
pub mod pickle;
pub mod random;
mod random_draws;
pub mod re;
pub mod select;
pub mod signal;
pub mod socket;
pub mod spawn;
pub mod sqlite3;
pub mod ssl;
pub mod subprocess;
pub mod sys;
pub mod thread;
pub mod time;
pub mod towel;
pub mod traceback;
pub mod types;
pub mod unicodedata;
pub mod warnings;
pub mod weakref;
pub mod zlib;
pub mod zoneinfo;

pub mod importlib;
pub mod structseq;
mod sys_names;

use crate::objects::{Module, NativeFn, NativeRow, PyResult, Value};
use crate::vm::Vm;
use std::rc::Rc;

/// Builds a native module on first import.
pub type ModuleMaker = fn(&Vm) -> PyResult<Rc<Module>>;

/// Towel source of the standard library, embedded in the binary, with the
/// place in the repository it came from.
///
/// `TOWEL_DEV_STDLIB=REPO` makes towel read the file from that checkout
/// instead (`REPO/lang/src/stdlib/NAME.py`), so that changing a module
/// written in towel needs no rebuild while developing it.
#[derive(Clone, Copy)]
pub struct Source {
    /// The Rust file that embeds it (`file!()`): the source sits beside it.
    pub embedder: &'static str,
    pub name: &'static str,
    pub embedded: &'static str,
}

/// The [`Source`] of a towel file beside the calling Rust file.
macro_rules! stdlib_source {
    ($name:literal) => {
        $crate::stdlib::Source {
            embedder: file!(),
            name: $name,
            embedded: include_str!($name),
        }
    };
}
pub(crate) use stdlib_source;

impl Source {
    /// The text to run: the embedded copy, or the checkout's under `TOWEL_DEV_STDLIB`.
    pub fn text(&self) -> std::borrow::Cow<'static, str> {
        if let Some(root) = std::env::var_os("TOWEL_DEV_STDLIB") {
            let dir = std::path::Path::new(self.embedder)
                .parent()
                .unwrap_or(std::path::Path::new(""));
            if let Ok(text) =
                std::fs::read_to_string(std::path::Path::new(&root).join(dir).join(self.name))
            {
                return text.into();
            }
        }
        self.embedded.into()
    }
}

/// Where the import system finds a module, as CPython 3.11 would find the
/// module of that name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// Compiled into CPython's interpreter (`sys.builtin_module_names`):
    /// found before `sys.path` is searched, with origin `built-in`.
    Builtin,
    /// Frozen into CPython 3.11 (`abc`, `io`, `os`, ...): found before
    /// `sys.path`, with origin `frozen`.
    Frozen,
    /// The rest of the standard library: found at the standard library's
    /// entry of `sys.path` ([`crate::vm::import::ImportState::stdlib_dir`]),
    /// so a script's own `json.py` shadows towel's `json` as it would
    /// CPython's. Shown as frozen (towel's library is inside the binary).
    Stdlib,
}

/// How a module of the table is made.
#[derive(Clone, Copy)]
pub enum Make {
    /// A Rust function that builds the module.
    Native(ModuleMaker),
    /// A module written entirely in towel source.
    Script(Source),
    /// A submodule of a package whose objects live in the package itself
    /// (`asyncio.tasks`): it binds each of `names` that the package (first
    /// field) has, so `asyncio.tasks.Task is asyncio.Task`.
    Reexport(&'static str, &'static [&'static str]),
}

/// One row of the module table.
pub struct ModuleDef {
    pub name: &'static str,
    pub kind: Kind,
    pub make: Make,
}

const fn def(name: &'static str, kind: Kind, make: Make) -> ModuleDef {
    ModuleDef { name, kind, make }
}

use Kind::{Builtin, Frozen, Stdlib};
use Make::{Native, Reexport, Script};

/// The built-in modules, by import name. A dotted name is a submodule, and
/// a module with submodules here is a package (it gets a `__path__`); a new
/// submodule of a package (`urllib.parse`, `json.tool`) is one more row.
pub const MODULES: &[ModuleDef] = &[
    def("sys", Builtin, Native(sys::make)),
    def("builtins", Builtin, Native(crate::builtins::make_module)),
    def("time", Builtin, Native(time::make)),
    def("math", Builtin, Native(math::make)),
    def("cmath", Builtin, Native(cmath::make)),
    def("itertools", Builtin, Native(itertools::make)),
    def("towel", Builtin, Native(towel::make)),
    def("abc", Frozen, Script(stdlib_source!("abc.py"))),
    def("io", Frozen, Script(stdlib_source!("io.py"))),
    def("os", Frozen, Native(os::make)),
    def("posixpath", Frozen, Native(os::make_path)),
    def("_imp", Builtin, Native(importlib::make_imp)),
    def("importlib", Stdlib, Native(importlib::make)),
    def("importlib.util", Frozen, Native(importlib::make_util)),
    def(
        "importlib.machinery",
        Frozen,
        Native(importlib::make_machinery),
    ),
    def(
        "importlib.abc",
        Stdlib,
        Script(stdlib_source!("importlib_abc.py")),
    ),
    def("dis", Stdlib, Native(dis::make)),
    def("asyncio", Stdlib, Native(asyncio::make)),
    def("types", Stdlib, Native(types::make)),
    def("collections", Stdlib, Native(collections::make)),
    def("collections.abc", Stdlib, Native(collections::make_abc)),
    def("functools", Stdlib, Native(functools::make)),
    def(
        "contextlib",
        Stdlib,
        Script(stdlib_source!("contextlib.py")),
    ),
    def("typing", Stdlib, Script(stdlib_source!("typing.py"))),
    def("inspect", Stdlib, Native(inspect::make)),
    def("random", Stdlib, Native(random::make)),
    def("bisect", Stdlib, Native(bisect::make)),
    // CPython's C accelerators, which its tests import by name: the same
    // natives as the public modules (towel's are native already).
    def(
        "_bisect",
        Builtin,
        Reexport(
            "bisect",
            &["bisect_left", "bisect_right", "insort_left", "insort_right"],
        ),
    ),
    def("keyword", Stdlib, Native(keyword::make)),
    def("string", Stdlib, Script(stdlib_source!("string.py"))),
    def("numbers", Stdlib, Script(stdlib_source!("numbers.py"))),
    def(
        "statistics",
        Stdlib,
        Script(stdlib_source!("statistics.py")),
    ),
    def("fractions", Stdlib, Script(stdlib_source!("fractions.py"))),
    def("decimal", Stdlib, Script(stdlib_source!("decimal.py"))),
    def("operator", Stdlib, Native(operator::make)),
    def("json", Stdlib, Native(json::make)),
    def("json.tool", Stdlib, Script(stdlib_source!("json_tool.py"))),
    def(
        "dataclasses",
        Stdlib,
        Script(stdlib_source!("dataclasses.py")),
    ),
    def("enum", Stdlib, Script(stdlib_source!("enum.py"))),
    def("warnings", Stdlib, Native(warnings::make)),
    def("heapq", Stdlib, Native(heapq::make)),
    def(
        "_heapq",
        Builtin,
        Reexport(
            "heapq",
            &[
                "heappush",
                "heappop",
                "heapify",
                "heapreplace",
                "heappushpop",
            ],
        ),
    ),
    def("copy", Stdlib, Script(stdlib_source!("copy.py"))),
    def("__future__", Stdlib, Script(stdlib_source!("future.py"))),
    def("textwrap", Stdlib, Script(stdlib_source!("textwrap.py"))),
    def("binascii", Builtin, Native(binascii::make)),
    def("_struct", Stdlib, Native(packing::make)),
    def("_codecs", Builtin, Native(codecs::make)),
    def("codecs", Frozen, Script(stdlib_source!("codecs.py"))),
    def("struct", Stdlib, Script(stdlib_source!("struct.py"))),
    def("array", Stdlib, Native(array::make)),
    def("zlib", Stdlib, Native(zlib::make)),
    def("gzip", Stdlib, Script(stdlib_source!("gzip.py"))),
    def("hashlib", Stdlib, Native(hashlib::make)),
    def("hmac", Stdlib, Native(hmac::make)),
    def("base64", Stdlib, Script(stdlib_source!("base64.py"))),
    def("secrets", Stdlib, Script(stdlib_source!("secrets.py"))),
    def("getopt", Stdlib, Script(stdlib_source!("getopt.py"))),
    def("urllib", Stdlib, Script(stdlib_source!("urllib.py"))),
    def(
        "urllib.parse",
        Stdlib,
        Script(stdlib_source!("urllib_parse.py")),
    ),
    def("uuid", Stdlib, Script(stdlib_source!("uuid.py"))),
    def("ast", Stdlib, Native(ast::make)),
    def("traceback", Stdlib, Native(traceback::make)),
    def("linecache", Stdlib, Script(stdlib_source!("linecache.py"))),
    def("pkgutil", Stdlib, Script(stdlib_source!("pkgutil.py"))),
    def("logging", Stdlib, Script(stdlib_source!("logging.py"))),
    def(
        "logging.handlers",
        Stdlib,
        Script(stdlib_source!("logging_handlers.py")),
    ),
    def(
        "logging.config",
        Stdlib,
        Script(stdlib_source!("logging_config.py")),
    ),
    def("argparse", Stdlib, Script(stdlib_source!("argparse.py"))),
    def("difflib", Stdlib, Script(stdlib_source!("difflib.py"))),
    def("pprint", Stdlib, Script(stdlib_source!("pprint.py"))),
    def("fnmatch", Stdlib, Script(stdlib_source!("fnmatch.py"))),
    def("doctest", Stdlib, Script(stdlib_source!("doctest.py"))),
    def("timeit", Stdlib, Script(stdlib_source!("timeit.py"))),
    def("_csv", Builtin, Native(csv::make)),
    def("csv", Stdlib, Script(stdlib_source!("csv.py"))),
    def("gc", Builtin, Native(gc::make)),
    def("atexit", Builtin, Native(atexit::make)),
    def("weakref", Stdlib, Native(weakref::make)),
    def("_re", Builtin, Native(re::make)),
    def("re", Stdlib, Script(stdlib_source!("re/re.py"))),
    def("shlex", Stdlib, Script(stdlib_source!("shlex.py"))),
    def("reprlib", Stdlib, Script(stdlib_source!("reprlib.py"))),
    def(
        "configparser",
        Stdlib,
        Script(stdlib_source!("configparser.py")),
    ),
    def("html", Stdlib, Native(html::make)),
    def("html.entities", Stdlib, Native(html::make_entities)),
    def(
        "html.parser",
        Stdlib,
        Script(stdlib_source!("html/parser.py")),
    ),
    def("unicodedata", Stdlib, Native(unicodedata::make)),
    def("_sqlite3", Stdlib, Native(sqlite3::make)),
    def(
        "sqlite3",
        Stdlib,
        Script(stdlib_source!("sqlite3/sqlite3.py")),
    ),
    // Time and files.
    def("datetime", Stdlib, Script(stdlib_source!("datetime.py"))),
    def("calendar", Stdlib, Script(stdlib_source!("calendar.py"))),
    def("_tzdata", Builtin, Native(zoneinfo::make)),
    def("zoneinfo", Stdlib, Script(stdlib_source!("zoneinfo.py"))),
    def("pathlib", Stdlib, Script(stdlib_source!("pathlib.py"))),
    def("tempfile", Stdlib, Script(stdlib_source!("tempfile.py"))),
    def("shutil", Stdlib, Script(stdlib_source!("shutil.py"))),
    def("glob", Stdlib, Script(stdlib_source!("glob.py"))),
    def("errno", Builtin, Script(stdlib_source!("errno.py"))),
    def("platform", Stdlib, Script(stdlib_source!("platform.py"))),
    def("stat", Frozen, Script(stdlib_source!("stat.py"))),
    def("locale", Stdlib, Script(stdlib_source!("locale.py"))),
    def("fileinput", Stdlib, Script(stdlib_source!("fileinput.py"))),
    def("_pickle", Stdlib, Native(pickle::make)),
    def("pickle", Stdlib, Script(stdlib_source!("pickle.py"))),
    def("copyreg", Stdlib, Script(stdlib_source!("copyreg.py"))),
    // Sockets, processes and signals (over towel_runtime's I/O).
    def("_socket", Builtin, Native(socket::make)),
    def("socket", Stdlib, Script(stdlib_source!("socket/socket.py"))),
    def("_ssl", Builtin, Native(ssl::make)),
    def("ssl", Stdlib, Script(stdlib_source!("ssl.py"))),
    def("_http", Builtin, Native(http_client::make)),
    def("httpx", Stdlib, Script(stdlib_source!("httpx.py"))),
    def("select", Builtin, Native(select::make)),
    def("selectors", Stdlib, Script(stdlib_source!("selectors.py"))),
    def(
        "socketserver",
        Stdlib,
        Script(stdlib_source!("socketserver.py")),
    ),
    def("_signal", Builtin, Native(signal::make)),
    def("signal", Stdlib, Script(stdlib_source!("signal.py"))),
    def("_subprocess", Builtin, Native(subprocess::make)),
    def(
        "subprocess",
        Stdlib,
        Script(stdlib_source!("subprocess/subprocess.py")),
    ),
    // Concurrency: contexts, threads, executors, processes.
    def("contextvars", Stdlib, Native(contextvars::make)),
    def("_thread", Builtin, Native(thread::make)),
    def("threading", Stdlib, Script(stdlib_source!("threading.py"))),
    def("queue", Stdlib, Script(stdlib_source!("queue.py"))),
    def(
        "concurrent",
        Stdlib,
        Script(stdlib_source!("concurrent/__init__.py")),
    ),
    def(
        "concurrent.futures",
        Stdlib,
        Script(stdlib_source!("concurrent/futures/__init__.py")),
    ),
    def(
        "concurrent.futures._base",
        Stdlib,
        Script(stdlib_source!("concurrent/futures/_base.py")),
    ),
    def(
        "concurrent.futures.thread",
        Stdlib,
        Script(stdlib_source!("concurrent/futures/thread.py")),
    ),
    def(
        "concurrent.futures.process",
        Stdlib,
        Script(stdlib_source!("concurrent/futures/process.py")),
    ),
    def("_spawn", Builtin, Native(spawn::make)),
    def(
        "multiprocessing",
        Stdlib,
        Script(stdlib_source!("multiprocessing/__init__.py")),
    ),
    def(
        "multiprocessing.pool",
        Stdlib,
        Script(stdlib_source!("multiprocessing/pool.py")),
    ),
    // unittest: a package of submodules, as CPython's.
    def(
        "unittest",
        Stdlib,
        Script(stdlib_source!("unittest/__init__.py")),
    ),
    def(
        "unittest.util",
        Stdlib,
        Script(stdlib_source!("unittest/util.py")),
    ),
    def(
        "unittest.result",
        Stdlib,
        Script(stdlib_source!("unittest/result.py")),
    ),
    def(
        "unittest.case",
        Stdlib,
        Script(stdlib_source!("unittest/case.py")),
    ),
    def(
        "unittest.suite",
        Stdlib,
        Script(stdlib_source!("unittest/suite.py")),
    ),
    def(
        "unittest.loader",
        Stdlib,
        Script(stdlib_source!("unittest/loader.py")),
    ),
    def(
        "unittest.signals",
        Stdlib,
        Script(stdlib_source!("unittest/signals.py")),
    ),
    def(
        "unittest.runner",
        Stdlib,
        Script(stdlib_source!("unittest/runner.py")),
    ),
    def(
        "unittest.main",
        Stdlib,
        Script(stdlib_source!("unittest/main.py")),
    ),
    def(
        "unittest.async_case",
        Stdlib,
        Script(stdlib_source!("unittest/async_case.py")),
    ),
    def(
        "unittest._log",
        Stdlib,
        Script(stdlib_source!("unittest/_log.py")),
    ),
    def(
        "unittest.__main__",
        Stdlib,
        Script(stdlib_source!("unittest/__main__.py")),
    ),
    def(
        "unittest.mock",
        Stdlib,
        Script(stdlib_source!("unittest/mock.py")),
    ),
    // test.support: the helpers CPython's own test files import.
    def("test", Stdlib, Script(stdlib_source!("test/__init__.py"))),
    def(
        "test.support",
        Stdlib,
        Script(stdlib_source!("test/support/__init__.py")),
    ),
    def(
        "test.support.os_helper",
        Stdlib,
        Script(stdlib_source!("test/support/os_helper.py")),
    ),
    def(
        "test.support.import_helper",
        Stdlib,
        Script(stdlib_source!("test/support/import_helper.py")),
    ),
    def(
        "test.support.warnings_helper",
        Stdlib,
        Script(stdlib_source!("test/support/warnings_helper.py")),
    ),
    def(
        "test.support.threading_helper",
        Stdlib,
        Script(stdlib_source!("test/support/threading_helper.py")),
    ),
    def(
        "test.support.socket_helper",
        Stdlib,
        Script(stdlib_source!("test/support/socket_helper.py")),
    ),
    def(
        "test.support.script_helper",
        Stdlib,
        Script(stdlib_source!("test/support/script_helper.py")),
    ),
    // asyncio's submodules, each with the names CPython 3.11 defines there.
    def(
        "asyncio.base_events",
        Stdlib,
        Reexport("asyncio", &["BaseEventLoop", "Server"]),
    ),
    def(
        "asyncio.coroutines",
        Stdlib,
        Reexport("asyncio", &["iscoroutinefunction", "iscoroutine"]),
    ),
    def(
        "asyncio.events",
        Stdlib,
        Reexport(
            "asyncio",
            &[
                "AbstractEventLoopPolicy",
                "AbstractEventLoop",
                "AbstractServer",
                "Handle",
                "TimerHandle",
                "get_event_loop_policy",
                "set_event_loop_policy",
                "get_event_loop",
                "set_event_loop",
                "new_event_loop",
                "get_child_watcher",
                "set_child_watcher",
                "_set_running_loop",
                "get_running_loop",
                "_get_running_loop",
                "BaseDefaultEventLoopPolicy",
            ],
        ),
    ),
    def(
        "asyncio.exceptions",
        Stdlib,
        Reexport(
            "asyncio",
            &[
                "BrokenBarrierError",
                "CancelledError",
                "InvalidStateError",
                "TimeoutError",
                "IncompleteReadError",
                "LimitOverrunError",
                "SendfileNotAvailableError",
            ],
        ),
    ),
    def(
        "asyncio.futures",
        Stdlib,
        Reexport("asyncio", &["Future", "wrap_future", "isfuture"]),
    ),
    def(
        "asyncio.locks",
        Stdlib,
        Reexport(
            "asyncio",
            &[
                "Lock",
                "Event",
                "Condition",
                "Semaphore",
                "BoundedSemaphore",
                "Barrier",
            ],
        ),
    ),
    def(
        "asyncio.protocols",
        Stdlib,
        Reexport(
            "asyncio",
            &[
                "BaseProtocol",
                "Protocol",
                "DatagramProtocol",
                "SubprocessProtocol",
                "BufferedProtocol",
            ],
        ),
    ),
    def(
        "asyncio.queues",
        Stdlib,
        Reexport(
            "asyncio",
            &[
                "Queue",
                "PriorityQueue",
                "LifoQueue",
                "QueueFull",
                "QueueEmpty",
            ],
        ),
    ),
    def(
        "asyncio.runners",
        Stdlib,
        Reexport("asyncio", &["Runner", "run"]),
    ),
    def(
        "asyncio.streams",
        Stdlib,
        Reexport(
            "asyncio",
            &[
                "StreamReader",
                "StreamWriter",
                "StreamReaderProtocol",
                "open_connection",
                "start_server",
                "open_unix_connection",
                "start_unix_server",
            ],
        ),
    ),
    def(
        "asyncio.subprocess",
        Stdlib,
        Script(stdlib_source!("asyncio/subprocess.py")),
    ),
    def(
        "asyncio.taskgroups",
        Stdlib,
        Reexport("asyncio", &["TaskGroup"]),
    ),
    def(
        "asyncio.tasks",
        Stdlib,
        Reexport(
            "asyncio",
            &[
                "Task",
                "create_task",
                "FIRST_COMPLETED",
                "FIRST_EXCEPTION",
                "ALL_COMPLETED",
                "wait",
                "wait_for",
                "as_completed",
                "sleep",
                "gather",
                "shield",
                "ensure_future",
                "run_coroutine_threadsafe",
                "current_task",
                "all_tasks",
                "_register_task",
                "_unregister_task",
                "_enter_task",
                "_leave_task",
            ],
        ),
    ),
    def(
        "asyncio.threads",
        Stdlib,
        Reexport("asyncio", &["to_thread"]),
    ),
    def(
        "asyncio.timeouts",
        Stdlib,
        Reexport("asyncio", &["Timeout", "timeout", "timeout_at"]),
    ),
    def(
        "asyncio.trsock",
        Stdlib,
        Reexport("asyncio", &["TransportSocket"]),
    ),
    def(
        "asyncio.transports",
        Stdlib,
        Reexport(
            "asyncio",
            &[
                "BaseTransport",
                "ReadTransport",
                "WriteTransport",
                "Transport",
                "DatagramTransport",
                "SubprocessTransport",
            ],
        ),
    ),
];

/// The table row for module `name`.
pub fn find(name: &str) -> Option<&'static ModuleDef> {
    MODULES.iter().find(|d| d.name == name)
}

/// True if the table has submodules of `name`: it is then a package.
pub fn is_package(name: &str) -> bool {
    MODULES.iter().any(|d| {
        d.name.len() > name.len()
            && d.name.starts_with(name)
            && d.name.as_bytes()[name.len()] == b'.'
    })
}

/// The names of the modules in the table (for completion and `help()`).
pub fn module_names() -> impl Iterator<Item = &'static str> {
    MODULES.iter().map(|d| d.name)
}

/// Builds the module of table row `d` (the import system then sets its
/// `__spec__` and the other import attributes).
pub fn make(vm: &Vm, d: &ModuleDef) -> PyResult<Rc<Module>> {
    match d.make {
        Native(make) => make(vm),
        Script(source) => module_from_source(vm, d.name, &[], source),
        Reexport(package, names) => {
            let from = vm.import_module(package)?;
            let m = vm.new_module(d.name, None);
            for &name in names {
                // Through getattr, so a package's `__getattr__` can supply
                // names it loads lazily (asyncio's transports and streams).
                let found = module_get(&from, name).or_else(|| {
                    vm.get_attr(
                        &Value::Module(from.clone()),
                        &crate::objects::Name::new(name),
                    )
                    .ok()
                });
                if let Some(v) = found {
                    set(&m, name, v);
                }
            }
            Ok(m)
        }
    }
}

/// Creates a module with the given native functions.
pub fn module_with(vm: &Vm, name: &str, functions: &[(&'static str, NativeFn)]) -> Rc<Module> {
    module_with_rows(vm, name, functions)
}

/// [`module_with`] for natives with declared signatures.
pub fn module_with_declared(
    vm: &Vm,
    name: &str,
    functions: &[(&'static crate::objects::Signature, NativeFn)],
) -> Rc<Module> {
    module_with_rows(vm, name, functions)
}

fn module_with_rows<R: NativeRow>(vm: &Vm, name: &str, functions: &[R]) -> Rc<Module> {
    let m = vm.new_module(name, None);
    for row in functions {
        let f = crate::builtins::native_row(row);
        native_home::set_home(&f, name);
        set(&m, row.name(), f);
    }
    m
}

/// Sets an attribute in a module's namespace.
pub fn set(m: &Module, name: &str, v: Value) {
    m.set(name, v);
}

/// Creates module `name` from its natives and then its embedded towel source.
///
/// The module is registered in `sys.modules` while its source runs, so that
/// a module its source imports may import it back (as in CPython).
pub fn module_from_source(
    vm: &Vm,
    name: &str,
    functions: &[(&'static str, NativeFn)],
    source: Source,
) -> PyResult<Rc<Module>> {
    let m = module_with(vm, name, functions);
    exec_source(vm, &m, source)?;
    Ok(m)
}

/// Runs embedded towel source in module `m`'s namespace, with the import
/// attributes of its table row set and the module in `sys.modules`
/// meanwhile (so that a module its source imports may import it back).
pub fn exec_source(vm: &Vm, m: &Rc<Module>, source: Source) -> PyResult<()> {
    let filename = format!("<frozen {}>", m.name);
    let code = vm
        .compile(&source.text(), &filename, crate::compiler::Mode::Exec)
        .map_err(|e| vm.syntax_error_value(&e))?;
    vm.init_table_module(m)?;
    vm.set_module_builtins(m, false)?;
    let name = m.name.to_string();
    vm.register_module(&name, Value::Module(m.clone()))?;
    let result = vm.run_code(code, m);
    if result.is_err() {
        vm.unregister_module(&name);
    }
    result.map(|_| ())
}

/// A global of module `m`, if it has one.
pub fn module_get(m: &Module, name: &str) -> Option<Value> {
    m.get(name)
}

/// Reads a global of module `m` (a class or function its source defined).
pub fn module_attr(vm: &Vm, m: &Module, name: &str) -> PyResult<Value> {
    module_get(m, name)
        .ok_or_else(|| vm.attribute_error(format!("module '{}' has no attribute '{name}'", m.name)))
}
