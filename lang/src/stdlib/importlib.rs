//! `importlib`, `importlib.util` and `importlib.machinery`: the import
//! system's Python face. Everything here is a thin layer over
//! `vm/import/`, which `import` statements use too.

use crate::objects::{Args, Module, Name, PyResult, Signature, Style, Value};
use crate::stdlib::Kind;
use crate::vm::import::spec::SpecFields;
use crate::vm::Vm;
use std::rc::Rc;

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    Ok(super::module_with(
        vm,
        "importlib",
        &[
            ("import_module", import_module),
            ("reload", reload),
            ("invalidate_caches", invalidate_caches),
            ("__import__", crate::builtins::import_),
        ],
    ))
}

pub fn make_util(vm: &Vm) -> PyResult<Rc<Module>> {
    Ok(super::module_with(
        vm,
        "importlib.util",
        &[
            ("find_spec", find_spec),
            ("module_from_spec", module_from_spec),
            ("spec_from_file_location", spec_from_file_location),
            ("spec_from_loader", spec_from_loader),
            ("resolve_name", resolve_name),
        ],
    ))
}

pub fn make_machinery(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with(vm, "importlib.machinery", &[("all_suffixes", all_suffixes)]);
    let classes = [
        ("ModuleSpec", vm.module_spec_class()),
        ("BuiltinImporter", vm.table_loader(Kind::Builtin)),
        ("FrozenImporter", vm.table_loader(Kind::Frozen)),
        ("SourceFileLoader", vm.source_loader_class()),
        ("NamespaceLoader", vm.namespace_loader_class()),
        ("PathFinder", crate::vm::import::path_finder_class(vm)),
    ];
    for (name, class) in classes {
        super::set(&m, name, Value::Class(class));
    }
    let strs = |items: &[&str]| Value::list(items.iter().map(|s| Value::str(s)).collect());
    super::set(&m, "SOURCE_SUFFIXES", strs(&[".py"]));
    super::set(&m, "BYTECODE_SUFFIXES", strs(&[".pyc"]));
    super::set(&m, "EXTENSION_SUFFIXES", strs(&[]));
    Ok(m)
}

fn str_arg<'a>(vm: &Vm, args: &Args<'a>, i: usize, name: &str, func: &str) -> PyResult<&'a str> {
    match args.arg_or_kw(i, name) {
        Some(Value::Str(s)) => Ok(s.as_str()),
        Some(other) => Err(vm.type_error(format!(
            "{func}() argument '{name}' must be str, not {}",
            vm.type_name(other)
        ))),
        None => Err(vm.type_error(format!(
            "{func}() missing 1 required positional argument: '{name}'"
        ))),
    }
}

/// The absolute name of `name`, resolving leading dots against `package`
/// (`import_module('.b', 'a')` is `a.b`).
fn absolute_name(vm: &Vm, name: &str, package: Option<&Value>, func: &str) -> PyResult<String> {
    let level = name.len() - name.trim_start_matches('.').len();
    if level == 0 {
        return Ok(name.to_string());
    }
    let package = match package {
        Some(Value::Str(p)) if !p.as_str().is_empty() => p.as_str(),
        Some(Value::None) | None => {
            let msg = if func == "import_module" {
                format!(
                    "the 'package' argument is required to perform a relative import for {}",
                    crate::objects::str::repr_str(name)
                )
            } else {
                format!(
                    "no package specified for {} (required for relative module names)",
                    crate::objects::str::repr_str(name)
                )
            };
            let class = if func == "import_module" {
                &vm.exc.type_error
            } else {
                &vm.exc.import_error
            };
            return Err(vm.new_error(class, msg));
        }
        Some(Value::Str(_)) => {
            return Err(vm.import_error(
                &vm.exc.import_error,
                "attempted relative import with no known parent package",
                None,
                None,
            ))
        }
        Some(_) => return Err(vm.type_error("__package__ not set to a string")),
    };
    vm.resolve_name(&name[level..], package, level as i64)
}

/// `importlib.import_module(name, package=None)`: the module itself
/// (not its top-level package, as `__import__` gives).
fn import_module(vm: &Vm, args: Args) -> PyResult {
    let name = str_arg(vm, &args, 0, "name", "import_module")?;
    let name = absolute_name(vm, name, args.arg_or_kw(1, "package"), "import_module")?;
    if name.is_empty() {
        return Err(vm.value_error("Empty module name"));
    }
    vm.import(&name)
}

/// `importlib.reload(module)`: runs the module's code again in the same
/// module object.
fn reload(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "reload", 1, 1)?;
    let Value::Module(m) = &args.pos[0] else {
        return Err(vm.type_error("reload() argument must be a module"));
    };
    let module = &args.pos[0];
    let spec = super::module_get(m, "__spec__").filter(|s| !s.is_none());
    let name = match &spec {
        Some(spec) => vm.get_attr_str(spec, "name")?,
        None => vm.get_attr_str(module, "__name__")?,
    };
    let name = vm.to_str(&name)?;
    if !vm
        .imports
        .modules
        .get_str(&name)
        .is_some_and(|loaded| loaded.is(module))
    {
        return Err(vm.import_error(
            &vm.exc.import_error,
            format!("module {name} not in sys.modules"),
            Some(&name),
            None,
        ));
    }
    let path = match name.rsplit_once('.') {
        Some((parent, _)) => match vm.imports.modules.get_str(parent) {
            Some(p) => vm.get_attr_str(&p, "__path__")?,
            None => {
                return Err(vm.import_error(
                    &vm.exc.import_error,
                    format!(
                        "parent {} not in sys.modules",
                        crate::objects::str::repr_str(parent)
                    ),
                    Some(parent),
                    None,
                ))
            }
        },
        None => Value::None,
    };
    let Some(spec) = vm.find_spec(&name, &path)? else {
        return Err(vm.import_error(
            &vm.exc.module_not_found_error,
            format!(
                "spec not found for the module {}",
                crate::objects::str::repr_str(&name)
            ),
            Some(&name),
            None,
        ));
    };
    vm.init_module_attrs(m, &spec)?;
    let loader = vm.get_attr_str(&spec, "loader")?;
    match (super::find(&name), &loader) {
        (Some(d), Value::Class(_)) => {
            if let super::Make::Script(source) = d.make {
                super::exec_source(vm, m, source)?;
            }
        }
        _ => {
            let exec = vm.get_attr_str(&loader, "exec_module")?;
            vm.call(&exec, &[module.clone()])?;
        }
    }
    Ok(vm
        .imports
        .modules
        .get_str(&name)
        .unwrap_or_else(|| module.clone()))
}

/// Asks each finder of `sys.meta_path` to forget what it cached.
fn invalidate_caches(vm: &Vm, _args: Args) -> PyResult {
    let finders = match vm.sys_attr("meta_path") {
        Some(meta) => vm.to_vec(&meta)?,
        None => Vec::new(),
    };
    for finder in finders {
        if let Some(f) = vm.lookup_attr(&finder, "invalidate_caches")? {
            vm.call(&f, &[])?;
        }
    }
    Ok(Value::None)
}

/// `importlib.util.find_spec(name, package=None)`.
fn find_spec(vm: &Vm, args: Args) -> PyResult {
    let name = str_arg(vm, &args, 0, "name", "find_spec")?;
    let name = absolute_name(vm, name, args.arg_or_kw(1, "package"), "find_spec")?;
    Ok(vm.util_find_spec(&name)?.unwrap_or_default())
}

/// `importlib.util.resolve_name(name, package)`.
fn resolve_name(vm: &Vm, args: Args) -> PyResult {
    let name = str_arg(vm, &args, 0, "name", "resolve_name")?;
    let absolute = absolute_name(vm, name, args.arg_or_kw(1, "package"), "resolve_name")?;
    Ok(Value::string(absolute))
}

/// `importlib.util.module_from_spec(spec)`: the loader's module (or a new
/// one) with the spec's import attributes; its code is not run.
fn module_from_spec(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "module_from_spec", 1, 1)?;
    let spec = &args.pos[0];
    let loader = vm.get_attr_str(spec, "loader")?;
    let created = match vm.lookup_attr(&loader, "create_module")? {
        Some(create) => vm.call(&create, &[spec.clone()])?,
        None => Value::None,
    };
    let module = match created {
        Value::None => {
            let name = vm.to_str(&vm.get_attr_str(spec, "name")?)?;
            Value::Module(vm.new_module(&name, None))
        }
        other => other,
    };
    if let Value::Module(m) = &module {
        vm.init_module_attrs(m, spec)?;
    }
    Ok(module)
}

/// `importlib.util.spec_from_file_location(name, location, *, loader=None,
/// submodule_search_locations=...)`.
fn spec_from_file_location(vm: &Vm, args: Args) -> PyResult {
    let name = str_arg(vm, &args, 0, "name", "spec_from_file_location")?;
    let location = match args.arg_or_kw(1, "location") {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(v) if !v.is_none() => vm.to_str(&vm.call_method(v, "__fspath__", &[])?)?,
        _ => return Err(vm.not_implemented("spec_from_file_location() without a location")),
    };
    // As CPython: the spec's origin (the module's `__file__`) is absolute.
    let location = std::env::current_dir()
        .map(|d| d.join(&location).display().to_string())
        .unwrap_or(location);
    let given_locations = args.kw("submodule_search_locations").cloned();
    let loader = match args.kw("loader") {
        Some(l) if !l.is_none() => l.clone(),
        _ if location.ends_with(".py") => {
            let path = std::path::Path::new(&location);
            let package = is_init_file(path).then(|| vec![parent_folder(path)]);
            let spec = vm.source_spec(name, path, package);
            return finish_file_spec(vm, spec, given_locations);
        }
        _ => return Ok(Value::None),
    };
    let spec = vm.new_spec(SpecFields {
        name: name.to_string(),
        loader: loader.clone(),
        origin: Some(location.clone()),
        search_locations: None,
        has_location: true,
    });
    let populate = match vm.lookup_attr(&loader, "is_package")? {
        Some(is_package) => vm.truthy(&vm.call(&is_package, &[Value::str(name)])?)?,
        None => false,
    };
    if populate {
        let folder = parent_folder(std::path::Path::new(&location));
        vm.set_attr(
            &spec,
            &Name::new("submodule_search_locations"),
            Value::list(vec![Value::string(folder)]),
        )?;
    }
    finish_file_spec(vm, spec, given_locations)
}

fn is_init_file(path: &std::path::Path) -> bool {
    path.file_stem().is_some_and(|s| s == "__init__")
}

fn parent_folder(path: &std::path::Path) -> String {
    path.parent()
        .map(|p| p.display().to_string())
        .unwrap_or_default()
}

/// Applies an explicit `submodule_search_locations=` to a file's spec.
fn finish_file_spec(vm: &Vm, spec: Value, locations: Option<Value>) -> PyResult {
    if let Some(locations) = locations {
        vm.set_attr(&spec, &Name::new("submodule_search_locations"), locations)?;
    }
    Ok(spec)
}

/// `importlib.util.spec_from_loader(name, loader, *, origin=None, is_package=None)`.
fn spec_from_loader(vm: &Vm, args: Args) -> PyResult {
    let name = str_arg(vm, &args, 0, "name", "spec_from_loader")?;
    let loader = args.arg_or_kw(1, "loader").cloned().unwrap_or_default();
    let origin = args.kw("origin").filter(|o| !o.is_none());
    let is_package = match args.kw("is_package") {
        Some(v) if !v.is_none() => vm.truthy(v)?,
        _ => match vm.lookup_attr(&loader, "is_package")? {
            Some(f) => vm.truthy(&vm.call(&f, &[Value::str(name)])?)?,
            None => false,
        },
    };
    Ok(vm.new_spec(SpecFields {
        name: name.to_string(),
        loader,
        origin: origin.map(|o| vm.to_str(o)).transpose()?,
        search_locations: is_package.then(Vec::new),
        has_location: false,
    }))
}

fn all_suffixes(_vm: &Vm, _args: Args) -> PyResult {
    Ok(Value::list(vec![Value::str(".py"), Value::str(".pyc")]))
}

/// `_imp`: the import machinery's own helpers, as CPython's private module
/// has them ("frozen" meaning what CPython 3.11 freezes, [`Kind::Frozen`]),
/// plus `_library_module_names`, the modules found at `sys.path`'s library
/// entry, for `pkgutil` to list that entry, which is no folder on the disk.
pub fn make_imp(vm: &Vm) -> PyResult<Rc<Module>> {
    Ok(super::module_with_declared(
        vm,
        "_imp",
        &[
            (&FROZEN_MODULE_NAMES, frozen_module_names),
            (&LIBRARY_MODULE_NAMES, library_module_names),
            (&IS_BUILTIN, is_builtin),
            (&IS_FROZEN, is_frozen),
            (&IS_FROZEN_PACKAGE, is_frozen_package),
            (&EXTENSION_SUFFIXES, extension_suffixes),
            (&ACQUIRE_LOCK, acquire_lock),
            (&RELEASE_LOCK, release_lock),
            (&LOCK_HELD, lock_held),
        ],
    ))
}

static FROZEN_MODULE_NAMES: Signature = Signature::new(Style::Clinic, "_frozen_module_names", "")
    .doc("Return the names of the frozen modules.");
static LIBRARY_MODULE_NAMES: Signature =
    Signature::new(Style::Clinic, "_library_module_names", "")
        .doc("Return the names of the compiled-in library's modules that sys.path's library entry holds.");
static IS_BUILTIN: Signature = Signature::new(Style::Clinic, "is_builtin", "name, /")
    .doc("Return 1 (or -1 for a module that cannot be initialised again) if name is a built-in module, else 0.");
static IS_FROZEN: Signature = Signature::new(Style::Clinic, "is_frozen", "name, /")
    .doc("Return True if name is a frozen module.");
static IS_FROZEN_PACKAGE: Signature = Signature::new(Style::Clinic, "is_frozen_package", "name, /")
    .doc("Return True if the frozen module name is a package.");
static EXTENSION_SUFFIXES: Signature = Signature::new(Style::Clinic, "extension_suffixes", "")
    .doc("Return the suffixes of extension modules (none: towel loads no native extensions).");
static ACQUIRE_LOCK: Signature = Signature::new(Style::Clinic, "acquire_lock", "")
    .doc("Acquire the import lock (reentrant: each acquire needs its release).");
static RELEASE_LOCK: Signature = Signature::new(Style::Clinic, "release_lock", "")
    .doc("Release the import lock; RuntimeError if it is not held.");
static LOCK_HELD: Signature =
    Signature::new(Style::Clinic, "lock_held", "").doc("Return True if the import lock is held.");

/// The one `name` argument of `_imp`'s tests, which must be a str.
fn name_param(vm: &Vm, sig: &'static Signature, args: Args) -> PyResult<String> {
    let ([name], []) = sig.bind(vm, args)?;
    match &name {
        Value::Str(s) => Ok(s.as_str().to_string()),
        other => Err(vm.type_error(format!(
            "{}() argument must be str, not {}",
            sig.name(),
            vm.type_name(other)
        ))),
    }
}

fn frozen_module_names(vm: &Vm, args: Args) -> PyResult {
    let ([], []) = FROZEN_MODULE_NAMES.bind(vm, args)?;
    Ok(table_names(|kind| kind == Kind::Frozen))
}

fn library_module_names(vm: &Vm, args: Args) -> PyResult {
    let ([], []) = LIBRARY_MODULE_NAMES.bind(vm, args)?;
    Ok(table_names(|kind| kind != Kind::Builtin))
}

/// The table's module names whose kind `wanted` accepts, as a list.
fn table_names(wanted: impl Fn(Kind) -> bool) -> Value {
    let names = super::MODULES
        .iter()
        .filter(|d| wanted(d.kind))
        .map(|d| Value::str(d.name))
        .collect();
    Value::list(names)
}

/// True if `name` is a row of the table that CPython 3.11 freezes.
fn frozen(name: &str) -> bool {
    super::find(name).is_some_and(|d| d.kind == Kind::Frozen)
}

fn is_builtin(vm: &Vm, args: Args) -> PyResult {
    let name = name_param(vm, &IS_BUILTIN, args)?;
    let answer = match super::find(&name) {
        // As CPython's: these two are set up with the interpreter.
        Some(d) if d.kind == Kind::Builtin && matches!(d.name, "sys" | "builtins") => -1,
        Some(d) if d.kind == Kind::Builtin => 1,
        _ => 0,
    };
    Ok(Value::Int(answer))
}

fn is_frozen(vm: &Vm, args: Args) -> PyResult {
    let name = name_param(vm, &IS_FROZEN, args)?;
    Ok(Value::from_bool(frozen(&name)))
}

fn is_frozen_package(vm: &Vm, args: Args) -> PyResult {
    let name = name_param(vm, &IS_FROZEN_PACKAGE, args)?;
    if !frozen(&name) {
        return Err(vm.import_error(
            &vm.exc.import_error,
            format!(
                "No such frozen object named {}",
                crate::objects::str::repr_str(&name)
            ),
            Some(&name),
            None,
        ));
    }
    Ok(Value::from_bool(super::is_package(&name)))
}

fn extension_suffixes(vm: &Vm, args: Args) -> PyResult {
    let ([], []) = EXTENSION_SUFFIXES.bind(vm, args)?;
    Ok(Value::list(Vec::new()))
}

thread_local! {
    /// How many times the import lock is held. towel imports on one
    /// interpreter thread at a time, so the lock only counts.
    static IMPORT_LOCK_DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

fn acquire_lock(vm: &Vm, args: Args) -> PyResult {
    let ([], []) = ACQUIRE_LOCK.bind(vm, args)?;
    IMPORT_LOCK_DEPTH.with(|d| d.set(d.get() + 1));
    Ok(Value::None)
}

fn release_lock(vm: &Vm, args: Args) -> PyResult {
    let ([], []) = RELEASE_LOCK.bind(vm, args)?;
    match IMPORT_LOCK_DEPTH.with(|d| d.get()) {
        0 => Err(vm.runtime_error("not holding the import lock")),
        n => {
            IMPORT_LOCK_DEPTH.with(|d| d.set(n - 1));
            Ok(Value::None)
        }
    }
}

fn lock_held(vm: &Vm, args: Args) -> PyResult {
    let ([], []) = LOCK_HELD.bind(vm, args)?;
    Ok(Value::from_bool(IMPORT_LOCK_DEPTH.with(|d| d.get()) > 0))
}
