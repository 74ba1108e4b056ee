//! `sys`: the interpreter's state as programs see it, frames
//! (`_getframe`), tracing and the hooks the VM reports through.
//!
//! The import system's tables are the live objects (`sys.path` is the list
//! the finders read, `sys.modules` the dict every import consults); the
//! command line's settings come from [`crate::vm::Config`]. Values that
//! describe CPython's build (`float_info`, `maxunicode`) are those of
//! towel's, which match; `implementation.name` is `'towel'` and its
//! `cache_tag` None (towel writes no bytecode caches).

use super::structseq;
use crate::objects::{Args, Class, Module, PyDict, PyResult, Signature, Style, Value};
use crate::vm::Vm;
use std::rc::Rc;

/// The Python version towel implements, as `sys.version_info`.
const VERSION: (i64, i64, i64) = (3, 11, 0);

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with_declared(
        vm,
        "sys",
        &[
            (&EXIT, exit),
            (&GETRECURSIONLIMIT, getrecursionlimit),
            (&SETRECURSIONLIMIT, setrecursionlimit),
            (&GETSWITCHINTERVAL, getswitchinterval),
            (&SETSWITCHINTERVAL, setswitchinterval),
            (&EXC_INFO, exc_info),
            (&EXCEPTION, exception),
            (&GETSIZEOF, getsizeof),
            (&GETREFCOUNT, getrefcount),
            (&INTERN, intern),
            (&GETDEFAULTENCODING, getdefaultencoding),
            (&GETFILESYSTEMENCODING, getfilesystemencoding),
            (&GETFILESYSTEMENCODEERRORS, getfilesystemencodeerrors),
            (&GET_ASYNCGEN_HOOKS, get_asyncgen_hooks),
            (&GET_INT_MAX_STR_DIGITS, get_int_max_str_digits),
            (&GETFRAME, getframe),
            (&SETTRACE, settrace),
            (&GETTRACE, gettrace),
            (&SETPROFILE, setprofile),
            (&GETPROFILE, getprofile),
            (
                &SET_COROUTINE_ORIGIN_TRACKING_DEPTH,
                set_coroutine_origin_tracking_depth,
            ),
            (
                &GET_COROUTINE_ORIGIN_TRACKING_DEPTH,
                get_coroutine_origin_tracking_depth,
            ),
        ],
    );
    // Not yet declared: set_asyncgen_hooks (CPython's parser for it names
    // no function in its messages) and the hooks, which live in vm::hooks.
    for (name, f) in [
        (
            "set_asyncgen_hooks",
            set_asyncgen_hooks as crate::objects::NativeFn,
        ),
        ("excepthook", crate::vm::hooks::excepthook),
        ("displayhook", crate::vm::hooks::displayhook),
        ("unraisablehook", crate::vm::hooks::unraisablehook),
    ] {
        let native = crate::builtins::native(name, f);
        super::native_home::set_home(&native, "sys");
        super::set(&m, name, native);
    }
    // The defaults stay reachable when a program replaces a hook.
    for hook in ["excepthook", "displayhook", "unraisablehook"] {
        let default = m.ns.get_name(&crate::objects::Name::new(hook));
        super::set(&m, &format!("__{hook}__"), default.unwrap_or_default());
    }
    // Recorded first: the import system reads `sys.path` and
    // `sys.meta_path` from here from now on.
    let _ = vm.imports.sys.set(m.clone());
    let set = |name: &str, v: Value| super::set(&m, name, v);
    let strs = |items: &[String]| Value::list(items.iter().map(|a| Value::str(a)).collect());
    set("argv", strs(&vm.argv.borrow()));
    set("path", Value::List(vm.imports.path.clone()));
    set("modules", Value::Dict(vm.imports.modules.clone()));
    set("meta_path", Value::list(vm.default_meta_path()));
    set("path_hooks", Value::list(Vec::new()));
    set("path_importer_cache", Value::Dict(Rc::new(PyDict::new())));
    set_streams(vm, &m);
    set_build_facts(vm, &m);
    set_config(vm, &m)?;
    let builtin_names = super::MODULES
        .iter()
        .filter(|d| d.kind == super::Kind::Builtin)
        .map(|d| d.name);
    let mut builtin_names: Vec<&str> = builtin_names.collect();
    builtin_names.sort_unstable();
    set(
        "builtin_module_names",
        Value::tuple(builtin_names.into_iter().map(Value::str).collect()),
    );
    let names = super::sys_names::STDLIB_MODULE_NAMES;
    let set_of_names = crate::objects::PySet::new();
    for name in names {
        set_of_names.add(vm, Value::str(name))?;
    }
    set(
        "stdlib_module_names",
        Value::FrozenSet(Rc::new(set_of_names)),
    );
    Ok(m)
}

fn set_streams(vm: &Vm, m: &Module) {
    use crate::builtins::io;
    let stdin = crate::builtins::stdin::stdin(vm);
    for (name, v) in [
        ("stdin", stdin.clone()),
        ("stdout", io::stream(vm, 1)),
        ("stderr", io::stream(vm, 2)),
        ("__stdin__", stdin),
        ("__stdout__", io::stream(vm, 1)),
        ("__stderr__", io::stream(vm, 2)),
    ] {
        super::set(m, name, v);
    }
}

/// What the interpreter is: version, platform, limits of its numbers.
fn set_build_facts(vm: &Vm, m: &Module) {
    let set = |name: &str, v: Value| super::set(m, name, v);
    let (major, minor, micro) = VERSION;
    let version_info = structseq::class(
        vm,
        "sys.version_info",
        "sys",
        "version_info",
        &["major", "minor", "micro", "releaselevel", "serial"],
    );
    let version_info = structseq::new(
        &version_info,
        vec![
            Value::Int(major),
            Value::Int(minor),
            Value::Int(micro),
            Value::str("final"),
            Value::Int(0),
        ],
    );
    let hexversion = (major << 24) | (minor << 16) | (micro << 8) | 0xf0;
    set("version_info", version_info.clone());
    set("hexversion", Value::Int(hexversion));
    set("api_version", Value::Int(1013));
    set(
        "version",
        Value::string(format!(
            "{major}.{minor}.{micro} (towel {})",
            env!("CARGO_PKG_VERSION")
        )),
    );
    set(
        "implementation",
        implementation(vm, version_info, hexversion),
    );
    set("platform", Value::str(platform()));
    set(
        "byteorder",
        Value::str(if cfg!(target_endian = "little") {
            "little"
        } else {
            "big"
        }),
    );
    set("maxsize", Value::Int(i64::MAX));
    set("maxunicode", Value::Int(0x10ffff));
    set("float_repr_style", Value::str("short"));
    set("abiflags", Value::str(""));
    set(
        "copyright",
        Value::str("towel: a Python 3.11-compatible language written in Rust"),
    );
    let executable = crate::vm::import::executable();
    set("executable", Value::string(executable));
    let prefix = crate::vm::import::prefix();
    for name in ["prefix", "base_prefix", "exec_prefix", "base_exec_prefix"] {
        set(name, Value::str(&prefix));
    }
    set("platlibdir", Value::str("lib"));
    set("pycache_prefix", Value::None);
    set("float_info", float_info(vm));
    let int_info = structseq::class(
        vm,
        "sys.int_info",
        "sys",
        "int_info",
        &[
            "bits_per_digit",
            "sizeof_digit",
            "default_max_str_digits",
            "str_digits_check_threshold",
        ],
    );
    // towel's big integers are vectors of 64-bit digits.
    let int_info = structseq::new(
        &int_info,
        [64, 8, crate::fmt::numeric::INT_MAX_STR_DIGITS as i64, 640]
            .into_iter()
            .map(Value::Int)
            .collect(),
    );
    set("int_info", int_info);
    set("hash_info", hash_info(vm));
}

/// `sys.implementation`: a SimpleNamespace, as in CPython.
fn implementation(vm: &Vm, version: Value, hexversion: i64) -> Value {
    let items = [
        ("name", Value::str("towel")),
        ("cache_tag", Value::None),
        ("version", version),
        ("hexversion", Value::Int(hexversion)),
    ];
    super::types::new_namespace(vm, &items).unwrap_or_default()
}

fn platform() -> &'static str {
    match std::env::consts::OS {
        "macos" => "darwin",
        "windows" => "win32",
        other => other,
    }
}

fn float_info(vm: &Vm) -> Value {
    let class = structseq::class(
        vm,
        "sys.float_info",
        "sys",
        "float_info",
        &[
            "max",
            "max_exp",
            "max_10_exp",
            "min",
            "min_exp",
            "min_10_exp",
            "dig",
            "mant_dig",
            "epsilon",
            "radix",
            "rounds",
        ],
    );
    structseq::new(
        &class,
        vec![
            Value::float(f64::MAX),
            Value::Int(f64::MAX_EXP as i64),
            Value::Int(f64::MAX_10_EXP as i64),
            Value::float(f64::MIN_POSITIVE),
            Value::Int(f64::MIN_EXP as i64),
            Value::Int(f64::MIN_10_EXP as i64),
            Value::Int(f64::DIGITS as i64),
            Value::Int(f64::MANTISSA_DIGITS as i64),
            Value::float(f64::EPSILON),
            Value::Int(f64::RADIX as i64),
            Value::Int(1),
        ],
    )
}

/// `sys.hash_info`: numbers hash as CPython's do (modulus 2**61 - 1);
/// strings with FNV-1a, unseeded.
fn hash_info(vm: &Vm) -> Value {
    let class = structseq::class(
        vm,
        "sys.hash_info",
        "sys",
        "hash_info",
        &[
            "width",
            "modulus",
            "inf",
            "nan",
            "imag",
            "algorithm",
            "hash_bits",
            "seed_bits",
            "cutoff",
        ],
    );
    structseq::new(
        &class,
        vec![
            Value::Int(64),
            Value::Int((1 << 61) - 1),
            Value::Int(314159),
            Value::Int(0),
            Value::Int(1000003),
            Value::str("fnv"),
            Value::Int(64),
            Value::Int(0),
            Value::Int(0),
        ],
    )
}

/// `sys.flags`, `warnoptions`, `_xoptions`, `orig_argv`, `dont_write_bytecode`.
fn set_config(vm: &Vm, m: &Module) -> PyResult<()> {
    let c = vm.config.borrow().clone();
    let set = |name: &str, v: Value| super::set(m, name, v);
    let class = structseq::class(
        vm,
        "sys.flags",
        "sys",
        "flags",
        &[
            "debug",
            "inspect",
            "interactive",
            "optimize",
            "dont_write_bytecode",
            "no_user_site",
            "no_site",
            "ignore_environment",
            "verbose",
            "bytes_warning",
            "quiet",
            "hash_randomization",
            "isolated",
            "dev_mode",
            "utf8_mode",
            "warn_default_encoding",
            "safe_path",
            "int_max_str_digits",
        ],
    );
    let int = |b: bool| Value::Int(b as i64);
    let flags = vec![
        Value::Int(0),
        int(c.inspect),
        int(c.interactive),
        Value::Int(c.optimize as i64),
        int(c.dont_write_bytecode),
        int(c.no_user_site),
        int(c.no_site),
        int(c.ignore_environment),
        Value::Int(c.verbose as i64),
        Value::Int(c.bytes_warning as i64),
        int(c.quiet),
        // String hashes are not randomised.
        Value::Int(0),
        int(c.isolated),
        Value::from_bool(c.dev_mode),
        Value::Int(0),
        Value::Int(0),
        Value::from_bool(c.safe_path),
        Value::Int(-1),
    ];
    set("flags", structseq::new(&class, flags));
    set(
        "dont_write_bytecode",
        Value::from_bool(c.dont_write_bytecode),
    );
    let strs = |items: &[String]| Value::list(items.iter().map(|a| Value::str(a)).collect());
    set("warnoptions", strs(&c.warnoptions));
    set("orig_argv", strs(&c.orig_argv));
    let xoptions = PyDict::new();
    for (k, v) in &c.xoptions {
        let v = v
            .as_deref()
            .map(Value::str)
            .unwrap_or(Value::from_bool(true));
        xoptions.set(vm, Value::str(k), v)?;
    }
    set("_xoptions", Value::Dict(Rc::new(xoptions)));
    Ok(())
}

static EXIT: Signature = Signature::new(Style::Positional, "sys.exit", "status=None, /").doc(
    "Leave the program by raising SystemExit(status).\n\n\
     A status of None or 0 means success, another int is the exit status, and\n\
     anything else is printed to stderr with exit status 1. `finally` blocks\n\
     and `with` exits run on the way out.",
);

fn exit(vm: &Vm, args: Args) -> PyResult {
    EXIT.check(vm, args)?;
    Err(vm.new_exception(&vm.exc.system_exit, args.pos.to_vec()))
}

static GETRECURSIONLIMIT: Signature = Signature::new(Style::Exact, "sys.getrecursionlimit", "")
    .doc("Return the recursion limit: how deep calls may nest before RecursionError.");

fn getrecursionlimit(vm: &Vm, args: Args) -> PyResult {
    GETRECURSIONLIMIT.check(vm, args)?;
    Ok(Value::Int(vm.recursion_limit.get() as i64))
}

static GETSWITCHINTERVAL: Signature = Signature::new(Style::Exact, "sys.getswitchinterval", "")
    .doc("Return how long, in seconds, a thread runs before the others get a turn.");

/// How long a thread runs before the others get a turn (`towel_runtime::green`).
fn getswitchinterval(vm: &Vm, args: Args) -> PyResult {
    GETSWITCHINTERVAL.check(vm, args)?;
    Ok(Value::float(
        towel_runtime::green::switch_interval().as_secs_f64(),
    ))
}

static SETSWITCHINTERVAL: Signature =
    Signature::new(Style::Exact, "sys.setswitchinterval", "interval, /")
        .doc("Set how long, in seconds, a thread runs before the others get a turn.");

fn setswitchinterval(vm: &Vm, args: Args) -> PyResult {
    let ([interval], []) = SETSWITCHINTERVAL.bind(vm, args)?;
    let secs = crate::builtins::number::to_f64(vm, interval)?;
    if secs.is_nan() || secs <= 0.0 {
        return Err(vm.value_error("switch interval must be strictly positive"));
    }
    towel_runtime::green::set_switch_interval(std::time::Duration::from_secs_f64(secs.min(1e9)));
    Ok(Value::None)
}

static SETRECURSIONLIMIT: Signature =
    Signature::new(Style::Exact, "sys.setrecursionlimit", "limit, /")
        .doc("Set how deep calls may nest before RecursionError is raised.");

fn setrecursionlimit(vm: &Vm, args: Args) -> PyResult {
    let ([limit], []) = SETRECURSIONLIMIT.bind(vm, args)?;
    let n = vm.to_index(limit)?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    vm.recursion_limit.set(n as usize);
    Ok(Value::None)
}

static EXC_INFO: Signature = Signature::new(Style::Exact, "sys.exc_info", "").doc(
    "Return (type, value, traceback) of the exception being handled, or\n\
     (None, None, None) outside an except block.",
);

fn exc_info(vm: &Vm, args: Args) -> PyResult {
    EXC_INFO.check(vm, args)?;
    Ok(match vm.current_exception() {
        Some(e) => {
            let t = Value::Class(vm.class_of(&e));
            let tb = vm.get_attr_str(&e, "__traceback__")?;
            Value::tuple(vec![t, e, tb])
        }
        None => Value::tuple(vec![Value::None, Value::None, Value::None]),
    })
}

static EXCEPTION: Signature = Signature::new(Style::Exact, "sys.exception", "")
    .doc("Return the exception being handled, or None outside an except block.");

fn exception(vm: &Vm, args: Args) -> PyResult {
    EXCEPTION.check(vm, args)?;
    Ok(vm.current_exception().unwrap_or_default())
}

/// Plausible sizes: CPython 3.11's on 64-bit for the common objects.
/// The GC header CPython puts before objects its cycle collector tracks.
const GC_HEADER: i64 = 16;

/// `sys.getsizeof(obj[, default])`: CPython 3.11's sizes on 64-bit Linux
/// for the built-in types, and a class's own `__sizeof__()` (plus the GC
/// header) when the program defines one.
static GETSIZEOF: Signature = Signature::undocumented(
    Style::Clinic,
    "getsizeof",
    "object, default=<unrepresentable>",
)
.doc(
    "getsizeof(object [, default]) -> int\n\n\
     Return the size of `object` in bytes, as CPython 3.11 would report it on a\n\
     64-bit machine (towel's own layout differs).",
);

fn getsizeof(vm: &Vm, args: Args) -> PyResult {
    let ([obj], [_default]) = GETSIZEOF.bind(vm, args)?;
    if let Value::Instance(inst) = obj {
        if let Some(size) = program_sizeof(vm, obj)? {
            return Ok(Value::Int(size + pre_header(vm, &inst.class)));
        }
        return Ok(Value::Int(instance_size(vm, &inst.class)));
    }
    Ok(Value::Int(builtin_size(obj)))
}

/// The result of a `__sizeof__` the program's classes define, checked as
/// CPython checks it.
fn program_sizeof(vm: &Vm, obj: &Value) -> PyResult<Option<i64>> {
    let class = vm.class_of(obj);
    let Some(Value::Function(_)) = class.lookup_str("__sizeof__") else {
        return Ok(None);
    };
    let size = match vm.call_method(obj, "__sizeof__", &[])? {
        Value::Int(n) => n,
        Value::Bool(b) => b.get() as i64,
        Value::BigInt(_) => {
            return Err(vm.overflow_error("Python int too large to convert to C ssize_t"))
        }
        _ => return Err(vm.type_error("an integer is required")),
    };
    if size < 0 {
        return Err(vm.value_error("__sizeof__() should return >= 0"));
    }
    Ok(Some(size))
}

/// What CPython 3.11 puts before an instance of a class: the GC header,
/// and the managed dict's two words when the instances have a dict.
fn pre_header(vm: &Vm, class: &Rc<Class>) -> i64 {
    match slot_count(vm, class) {
        None if !class.is_subclass(&vm.exc.base_exception) => GC_HEADER + 16,
        _ => GC_HEADER,
    }
}

/// An instance of a class: `object()` has no GC header; exceptions carry
/// their fields; an instance without a dict has one word a slot.
fn instance_size(vm: &Vm, class: &Rc<Class>) -> i64 {
    if Rc::ptr_eq(class, &vm.types.object) {
        return 16;
    }
    if class.is_subclass(&vm.exc.base_exception) {
        let native = &**class.module.borrow() == "builtins";
        return if native { 88 } else { 96 };
    }
    match slot_count(vm, class) {
        Some(slots) => 16 + GC_HEADER + 8 * slots,
        None => 16 + pre_header(vm, class) + 8,
    }
}

/// The slots of the class's instances, or None when they have a `__dict__`
/// (a class of the MRO declares no `__slots__`, or names `__dict__` there).
fn slot_count(vm: &Vm, class: &Rc<Class>) -> Option<i64> {
    let mut slots = 0;
    for c in std::iter::once(class).chain(class.mro.iter()) {
        if Rc::ptr_eq(c, &vm.types.object) {
            continue;
        }
        let names = match c.dict.borrow().get(&crate::objects::Name::new("__slots__")) {
            Some(Value::Str(s)) => vec![Value::Str(s.clone())],
            Some(Value::Tuple(t)) => t.0.to_vec(),
            Some(Value::List(l)) => l.items.borrow().clone(),
            _ => return None,
        };
        if names.iter().any(|n| n.as_str() == Some("__dict__")) {
            return None;
        }
        slots += names.len() as i64;
    }
    Some(slots)
}

/// The size of a built-in object.
fn builtin_size(obj: &Value) -> i64 {
    match obj {
        Value::None => 16,
        Value::Bool(b) => 24 + 4 * b.get() as i64,
        Value::Int(0) => 28,
        Value::Int(i) => 24 + 4 * ((64 - i.unsigned_abs().leading_zeros() as i64) + 29) / 30,
        Value::BigInt(b) => 24 + 4 * ((b.bits() as i64) + 29) / 30,
        Value::Float(_) => 24,
        Value::Str(s) => {
            let text = s.as_str();
            let widest = text.chars().map(|c| c as u32).max().unwrap_or(0);
            let n = text.chars().count() as i64;
            match widest {
                0..=0x7f => 49 + n,
                0x80..=0xff => 73 + n,
                0x100..=0xffff => 74 + 2 * n,
                _ => 76 + 4 * n,
            }
        }
        Value::Bytes(b) => 33 + b.len() as i64,
        Value::List(l) => 56 + 8 * l.len() as i64,
        Value::Tuple(t) => 40 + 8 * t.0.len() as i64,
        Value::Dict(d) => match d.len() {
            0 => 64,
            1..=5 => 184,
            6..=10 => 272,
            n => 64 + 40 * n.next_power_of_two() as i64,
        },
        Value::Set(s) | Value::FrozenSet(s) => match s.len() {
            0..=4 => 216,
            n => 216 + 64 * n.next_power_of_two() as i64,
        },
        Value::Range(_) => 48,
        Value::Function(_) => 152,
        Value::Generator(_) => 104,
        Value::Class(_) => 1072,
        Value::Module(_) => 72,
        _ => 48,
    }
}

/// The number of references to the object (the argument's own included),
/// as far as towel counts them; values stored inline have no count and
/// report a large one, as CPython's immortal objects do.
static GETREFCOUNT: Signature = Signature::new(Style::Exact, "sys.getrefcount", "object, /")
    .doc("Return how many references to `object` towel counts (the argument's own included).");

fn getrefcount(vm: &Vm, args: Args) -> PyResult {
    let ([object], []) = GETREFCOUNT.bind(vm, args)?;
    let count = match object {
        Value::Str(r) => Rc::strong_count(r),
        Value::List(r) => Rc::strong_count(r),
        Value::Tuple(r) => Rc::strong_count(r),
        Value::Dict(r) => Rc::strong_count(r),
        Value::Set(r) | Value::FrozenSet(r) => Rc::strong_count(r),
        Value::Function(r) => Rc::strong_count(r),
        Value::Class(r) => Rc::strong_count(r),
        Value::Instance(r) => Rc::strong_count(r),
        Value::Module(r) => Rc::strong_count(r),
        Value::Generator(r) => Rc::strong_count(r),
        Value::BigInt(r) => Rc::strong_count(r),
        Value::Bytes(r) => Rc::strong_count(r),
        _ => u32::MAX as usize,
    };
    Ok(Value::Int(count as i64))
}

static INTERN: Signature = Signature::new(Style::Exact, "sys.intern", "string, /").doc(
    "Return the one interned copy of `string`, so that equal interned strings\n\
     are the same object.",
);

fn intern(vm: &Vm, args: Args) -> PyResult {
    let ([string], []) = INTERN.bind(vm, args)?;
    match string {
        Value::Str(s) => {
            let mut table = vm.interned.borrow_mut();
            let kept = table
                .entry(Rc::from(s.as_str()))
                .or_insert_with(|| string.clone());
            Ok(kept.clone())
        }
        // A str subclass instance is refused, as CPython's.
        other if vm.isinstance(other, &vm.types.str) => {
            Err(vm.type_error(format!("can't intern {}", vm.type_name(other))))
        }
        other => Err(vm.type_error(format!(
            "intern() argument must be str, not {}",
            vm.type_name(other)
        ))),
    }
}

static GETDEFAULTENCODING: Signature = Signature::new(Style::Exact, "sys.getdefaultencoding", "")
    .doc("Return the encoding str and bytes convert with by default: 'utf-8'.");

fn getdefaultencoding(vm: &Vm, args: Args) -> PyResult {
    GETDEFAULTENCODING.check(vm, args)?;
    Ok(Value::str("utf-8"))
}

static GETFILESYSTEMENCODING: Signature =
    Signature::new(Style::Exact, "sys.getfilesystemencoding", "")
        .doc("Return the encoding of file names: 'utf-8'.");

fn getfilesystemencoding(vm: &Vm, args: Args) -> PyResult {
    GETFILESYSTEMENCODING.check(vm, args)?;
    Ok(Value::str("utf-8"))
}

static GETFILESYSTEMENCODEERRORS: Signature =
    Signature::new(Style::Exact, "sys.getfilesystemencodeerrors", "").doc(
        "Return how file names that are not valid in their encoding are handled:\n\
         'surrogateescape'.",
    );

fn getfilesystemencodeerrors(vm: &Vm, args: Args) -> PyResult {
    GETFILESYSTEMENCODEERRORS.check(vm, args)?;
    Ok(Value::str("surrogateescape"))
}

static GET_INT_MAX_STR_DIGITS: Signature =
    Signature::new(Style::Exact, "sys.get_int_max_str_digits", "")
        .doc("Return the most digits an int may have when converted from or to a str.");

fn get_int_max_str_digits(vm: &Vm, args: Args) -> PyResult {
    GET_INT_MAX_STR_DIGITS.check(vm, args)?;
    Ok(Value::Int(crate::fmt::numeric::INT_MAX_STR_DIGITS as i64))
}

fn asyncgen_hooks_class(vm: &Vm) -> Rc<crate::objects::Class> {
    structseq::class(
        vm,
        "asyncgen_hooks",
        "builtins",
        "asyncgen_hooks",
        &["firstiter", "finalizer"],
    )
}

static GET_ASYNCGEN_HOOKS: Signature = Signature::new(Style::Exact, "sys.get_asyncgen_hooks", "")
    .doc(
        "Return the hooks called when an async generator first runs and when it is\n\
          finalised, as (firstiter, finalizer).",
    );

/// `sys.get_asyncgen_hooks()`: `asyncgen_hooks(firstiter=..., finalizer=...)`.
fn get_asyncgen_hooks(vm: &Vm, args: Args) -> PyResult {
    GET_ASYNCGEN_HOOKS.check(vm, args)?;
    let (firstiter, finalizer) = vm.asyncgen_hooks.borrow().clone();
    Ok(structseq::new(
        &asyncgen_hooks_class(vm),
        vec![firstiter, finalizer],
    ))
}

/// `sys.set_asyncgen_hooks(firstiter=..., finalizer=...)`: an argument
/// left out keeps its hook; None removes it.
fn set_asyncgen_hooks(vm: &Vm, args: Args) -> PyResult {
    args.check_pos(vm, "set_asyncgen_hooks", 0, 2)?;
    let pick = |i: usize, name: &str| -> PyResult<Option<Value>> {
        match args.arg_or_kw(i, name) {
            None => Ok(None),
            Some(v) if v.is_none() || crate::builtins::is_callable(vm, v) => Ok(Some(v.clone())),
            Some(v) => {
                Err(vm.type_error(format!("callable {name} expected, got {}", vm.type_name(v))))
            }
        }
    };
    let (firstiter, finalizer) = (pick(0, "firstiter")?, pick(1, "finalizer")?);
    let mut hooks = vm.asyncgen_hooks.borrow_mut();
    if let Some(f) = finalizer {
        hooks.1 = f;
    }
    if let Some(f) = firstiter {
        hooks.0 = f;
    }
    Ok(Value::None)
}

/// `sys._getframe(depth=0)`: the frame `depth` calls out from the caller's.
static GETFRAME: Signature = Signature::new(Style::Positional, "sys._getframe", "depth=0, /")
    .doc("Return the frame `depth` calls out from the caller's (0: the caller's own).");

fn getframe(vm: &Vm, args: Args) -> PyResult {
    let ([], [depth]) = GETFRAME.bind(vm, args)?;
    let depth = match depth {
        Some(d) => vm.to_index(d)?,
        None => 0,
    };
    usize::try_from(depth)
        .ok()
        .and_then(|d| vm.frame_object_at(d))
        .ok_or_else(|| vm.value_error("call stack is not deep enough"))
}

static SETTRACE: Signature = Signature::undocumented(Style::Exact, "sys.settrace", "function, /")
    .doc(
        "settrace(function)\n\n\
         Make `function` the trace function of this thread, called on every call,\n\
         line, return and exception (None: stop tracing).",
    );

fn settrace(vm: &Vm, args: Args) -> PyResult {
    let ([function], []) = SETTRACE.bind(vm, args)?;
    vm.set_trace_function(function.clone(), false);
    Ok(Value::None)
}

static GETTRACE: Signature = Signature::new(Style::Exact, "sys.gettrace", "")
    .doc("Return the trace function set with settrace(), or None.");

fn gettrace(vm: &Vm, args: Args) -> PyResult {
    GETTRACE.check(vm, args)?;
    Ok(vm.tracing.trace.borrow().clone())
}

static SETPROFILE: Signature =
    Signature::undocumented(Style::Exact, "sys.setprofile", "function, /").doc(
        "setprofile(function)\n\n\
         Make `function` the profile function of this thread, called on every\n\
         call and return (None: stop profiling).",
    );

fn setprofile(vm: &Vm, args: Args) -> PyResult {
    let ([function], []) = SETPROFILE.bind(vm, args)?;
    vm.set_trace_function(function.clone(), true);
    Ok(Value::None)
}

static GETPROFILE: Signature = Signature::new(Style::Exact, "sys.getprofile", "")
    .doc("Return the profile function set with setprofile(), or None.");

fn getprofile(vm: &Vm, args: Args) -> PyResult {
    GETPROFILE.check(vm, args)?;
    Ok(vm.tracing.profile.borrow().clone())
}

static SET_COROUTINE_ORIGIN_TRACKING_DEPTH: Signature = Signature::new(
    Style::Clinic,
    "set_coroutine_origin_tracking_depth",
    "depth",
)
.doc(
    "Make new coroutines record the `depth` innermost frames of where they were\n\
     created, as their cr_origin (0: record nothing).",
);

/// How many frames a new coroutine's `cr_origin` records.
fn set_coroutine_origin_tracking_depth(vm: &Vm, args: Args) -> PyResult {
    let ([depth], []) = SET_COROUTINE_ORIGIN_TRACKING_DEPTH.bind(vm, args)?;
    let depth = vm.to_index(depth)?;
    let depth = usize::try_from(depth).map_err(|_| vm.value_error("depth must be >= 0"))?;
    vm.coroutine_origin_depth.set(depth);
    Ok(Value::None)
}

static GET_COROUTINE_ORIGIN_TRACKING_DEPTH: Signature =
    Signature::new(Style::Exact, "sys.get_coroutine_origin_tracking_depth", "")
        .doc("Return how many frames new coroutines record as their cr_origin.");

fn get_coroutine_origin_tracking_depth(vm: &Vm, args: Args) -> PyResult {
    GET_COROUTINE_ORIGIN_TRACKING_DEPTH.check(vm, args)?;
    Ok(Value::Int(vm.coroutine_origin_depth.get() as i64))
}
