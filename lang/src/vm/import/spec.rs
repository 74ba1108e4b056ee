//! Module specs and loaders: what the finders return and what a module's
//! `__spec__` and `__loader__` are.
//!
//! As in CPython, a spec says what a module is (name, origin, whether it is
//! a package and where its submodules are) and the import system turns it
//! into a module in one place ([`Vm::load_spec`]): create, set the import
//! attributes, register in `sys.modules`, execute. The classes here are
//! native, made once per VM on first use:
//!
//! - `ModuleSpec`: a plain object (settable attributes, `vars()` works) with
//!   CPython's fields and a computed `parent`;
//! - `BuiltinImporter` and `FrozenImporter`: the loaders of the modules of
//!   towel's table (`stdlib::MODULES`); they are classes used as loaders and
//!   meta path finders, as CPython's are;
//! - `SourceFileLoader(name, path)`: the loader of `.py` files;
//! - `NamespaceLoader`: directories without `__init__.py`;
//! - `PathFinder`: the meta path finder that searches `sys.path` (see
//!   `finder.rs`).

use crate::builtins::descriptors::Property;
use crate::objects::class::Layout;
use crate::objects::{Args, Class, Instance, Module, Name, PyErr, PyResult, Value};
use crate::stdlib::{self, Kind};
use crate::vm::types::{add_classmethod, add_methods, new_class};
use crate::vm::Vm;
use std::rc::Rc;

/// The module CPython's import classes report as theirs.
const BOOTSTRAP: &str = "_frozen_importlib";
const BOOTSTRAP_EXTERNAL: &str = "_frozen_importlib_external";

/// The loader classes, made on first use.
impl Vm {
    pub fn module_spec_class(&self) -> Rc<Class> {
        self.lazy_class("ModuleSpec", |vm| {
            let c = new_class(
                "ModuleSpec",
                &[vm.types.object.clone()],
                Layout::Object,
                BOOTSTRAP,
            );
            add_methods(
                &c,
                "ModuleSpec",
                &[
                    ("__init__", spec_init),
                    ("__repr__", spec_repr),
                    ("__eq__", spec_eq),
                ],
            );
            let parent = Property::read_only(vm, crate::builtins::native("parent", spec_parent));
            c.set_attr("parent", parent);
            c
        })
    }

    /// `BuiltinImporter` (for [`Kind::Builtin`] modules) or `FrozenImporter`.
    pub fn table_loader(&self, kind: Kind) -> Rc<Class> {
        let (key, name): (&'static str, &str) = match kind {
            Kind::Builtin => ("BuiltinImporter", "BuiltinImporter"),
            Kind::Frozen | Kind::Stdlib => ("FrozenImporter", "FrozenImporter"),
        };
        self.lazy_class(key, |vm| {
            let c = new_class(name, &[vm.types.object.clone()], Layout::Object, BOOTSTRAP);
            add_classmethod(vm, &c, "find_spec", super::finder::table_find_spec);
            add_classmethod(vm, &c, "create_module", table_create_module);
            add_classmethod(vm, &c, "exec_module", noop_exec_module);
            add_classmethod(vm, &c, "is_package", table_is_package);
            c
        })
    }

    pub fn source_loader_class(&self) -> Rc<Class> {
        self.lazy_class("SourceFileLoader", |vm| {
            let c = new_class(
                "SourceFileLoader",
                &[vm.types.object.clone()],
                Layout::Object,
                BOOTSTRAP_EXTERNAL,
            );
            add_methods(
                &c,
                "SourceFileLoader",
                &[
                    ("__init__", source_loader_init),
                    ("create_module", source_create_module),
                    ("exec_module", source_exec_module),
                    ("get_data", source_get_data),
                    ("get_filename", source_get_filename),
                    ("get_source", source_get_source),
                    ("is_package", source_is_package),
                ],
            );
            c
        })
    }

    pub fn namespace_loader_class(&self) -> Rc<Class> {
        self.lazy_class("NamespaceLoader", |vm| {
            let c = new_class(
                "NamespaceLoader",
                &[vm.types.object.clone()],
                Layout::Object,
                BOOTSTRAP_EXTERNAL,
            );
            add_methods(
                &c,
                "NamespaceLoader",
                &[
                    ("create_module", source_create_module),
                    ("exec_module", noop_exec_module),
                ],
            );
            c
        })
    }
}

/// What a new spec is made from.
pub struct SpecFields {
    pub name: String,
    pub loader: Value,
    pub origin: Option<String>,
    /// `Some` for a package: where its submodules are.
    pub search_locations: Option<Vec<String>>,
    /// True when `origin` is a file (`__file__` is then set).
    pub has_location: bool,
}

impl Vm {
    /// A new `ModuleSpec`.
    pub fn new_spec(&self, f: SpecFields) -> Value {
        let spec = Instance::new(self.module_spec_class());
        let opt = |s: Option<String>| s.map(Value::string).unwrap_or_default();
        let locations = f
            .search_locations
            .map(|l| Value::list(l.into_iter().map(Value::string).collect()))
            .unwrap_or_default();
        for (k, v) in [
            ("name", Value::string(f.name)),
            ("loader", f.loader),
            ("origin", opt(f.origin)),
            ("loader_state", Value::None),
            ("submodule_search_locations", locations),
            ("cached", Value::None),
            ("has_location", Value::from_bool(f.has_location)),
        ] {
            spec.set_attr(Name::new(k), v);
        }
        Value::Instance(Rc::new(spec))
    }

    /// The spec of table row `d` (`stdlib::MODULES`).
    pub fn table_spec(&self, d: &stdlib::ModuleDef) -> Value {
        let locations = stdlib::is_package(d.name).then(|| {
            vec![format!(
                "{}/{}",
                self.stdlib_dir(),
                d.name.replace('.', "/")
            )]
        });
        self.new_spec(SpecFields {
            name: d.name.to_string(),
            loader: Value::Class(self.table_loader(d.kind)),
            origin: Some(
                if d.kind == Kind::Builtin {
                    "built-in"
                } else {
                    "frozen"
                }
                .into(),
            ),
            search_locations: locations,
            has_location: false,
        })
    }

    /// Sets what the import system gives a module before it runs (CPython's
    /// `_init_module_attrs`): `__name__`, `__loader__`, `__package__`,
    /// `__spec__`, `__path__` for a package, `__file__` and `__cached__`
    /// for a module from a file.
    pub fn init_module_attrs(&self, m: &Module, spec: &Value) -> PyResult<()> {
        let get = |k: &str| self.get_attr_str(spec, k);
        stdlib::set(m, "__name__", get("name")?);
        stdlib::set(m, "__loader__", get("loader")?);
        stdlib::set(m, "__package__", get("parent")?);
        stdlib::set(m, "__spec__", spec.clone());
        let locations = get("submodule_search_locations")?;
        if !locations.is_none() {
            stdlib::set(m, "__path__", locations);
        }
        if self.truthy(&get("has_location")?)? {
            stdlib::set(m, "__file__", get("origin")?);
            stdlib::set(m, "__cached__", get("cached")?);
        }
        Ok(())
    }

    /// Sets the import attributes of a module of the table from its row,
    /// unless the import system already has (a module whose source runs
    /// while it is made sees them, as a file's code does).
    pub fn init_table_module(&self, m: &Module) -> PyResult<()> {
        if stdlib::module_get(m, "__spec__").is_some_and(|s| !s.is_none()) {
            return Ok(());
        }
        match stdlib::find(&m.name) {
            Some(d) => self.init_module_attrs(m, &self.table_spec(d)),
            None => Ok(()),
        }
    }

    /// `repr(module)` as CPython 3.11's `_module_repr`: a built-in or
    /// frozen loader names itself, else the spec (`_module_repr_from_spec`)
    /// or `__file__` says where the module came from.
    pub fn module_repr(&self, m: &Module) -> String {
        let name = match stdlib::module_get(m, "__name__") {
            Some(Value::Str(s)) => s.as_str().to_string(),
            _ => "?".to_string(),
        };
        let attr = |o: &Value, k: &str| self.get_attr_opt(o, &Name::new(k)).ok().flatten();
        let loader = stdlib::module_get(m, "__loader__").filter(|l| !l.is_none());
        if let Some(Value::Class(c)) = &loader {
            if Rc::ptr_eq(c, &self.table_loader(Kind::Builtin)) {
                return format!("<module '{name}' (built-in)>");
            }
            if Rc::ptr_eq(c, &self.table_loader(Kind::Frozen)) {
                return format!("<module '{name}' (frozen)>");
            }
        }
        let spec = stdlib::module_get(m, "__spec__").filter(|s| !s.is_none());
        if let Some(spec) = &spec {
            let origin = attr(spec, "origin").filter(|o| !o.is_none());
            let has_location =
                attr(spec, "has_location").is_some_and(|h| self.truthy(&h).unwrap_or(false));
            match origin.as_ref().and_then(Value::as_str) {
                Some(o) if has_location => return format!("<module '{name}' from '{o}'>"),
                Some(o) => return format!("<module '{name}' ({o})>"),
                None => {
                    if let Some(loader) = attr(spec, "loader").filter(|l| !l.is_none()) {
                        let r = self.repr(&loader).unwrap_or_default();
                        return format!("<module '{name}' ({r})>");
                    }
                    return format!("<module '{name}'>");
                }
            }
        }
        match (stdlib::module_get(m, "__file__"), loader) {
            (Some(f), _) => {
                let f = self.repr(&f).unwrap_or_default();
                format!("<module '{name}' from {f}>")
            }
            (None, Some(loader)) => {
                let r = self.repr(&loader).unwrap_or_default();
                format!("<module '{name}' ({r})>")
            }
            (None, None) => format!("<module '{name}'>"),
        }
    }
}

fn self_arg<'a>(vm: &Vm, args: &Args<'a>, what: &str) -> PyResult<&'a Value> {
    args.get(0)
        .ok_or_else(|| vm.type_error(format!("{what} needs an argument")))
}

/// `ModuleSpec(name, loader, *, origin=None, loader_state=None, is_package=None)`.
fn spec_init(vm: &Vm, args: Args) -> PyResult {
    let this = self_arg(vm, &args, "ModuleSpec.__init__")?;
    let name = args.arg_or_kw(1, "name").cloned().ok_or_else(|| {
        vm.type_error(
            "ModuleSpec.__init__() missing 2 required positional arguments: 'name' and 'loader'",
        )
    })?;
    let loader = args.arg_or_kw(2, "loader").cloned().ok_or_else(|| {
        vm.type_error("ModuleSpec.__init__() missing 1 required positional argument: 'loader'")
    })?;
    let kw = |k: &str| args.kw(k).cloned().unwrap_or_default();
    let is_package = vm.truthy(&kw("is_package"))?;
    for (k, v) in [
        ("name", name),
        ("loader", loader),
        ("origin", kw("origin")),
        ("loader_state", kw("loader_state")),
        (
            "submodule_search_locations",
            if is_package {
                Value::list(vec![])
            } else {
                Value::None
            },
        ),
        ("cached", Value::None),
        ("has_location", Value::from_bool(false)),
    ] {
        vm.set_attr(this, &Name::new(k), v)?;
    }
    Ok(Value::None)
}

fn spec_parent(vm: &Vm, args: Args) -> PyResult {
    let this = self_arg(vm, &args, "parent")?;
    let name = vm.get_attr_str(this, "name")?;
    let Some(text) = name.as_str() else {
        return Ok(Value::None);
    };
    if vm
        .get_attr_str(this, "submodule_search_locations")?
        .is_none()
    {
        Ok(Value::str(text.rsplit_once('.').map_or("", |(p, _)| p)))
    } else {
        Ok(name)
    }
}

/// `ModuleSpec(name='x', loader=..., origin='...', submodule_search_locations=[...])`.
fn spec_repr(vm: &Vm, args: Args) -> PyResult {
    let this = self_arg(vm, &args, "ModuleSpec.__repr__")?;
    let get = |k: &str| vm.get_attr_str(this, k);
    let mut parts = vec![
        format!("name={}", vm.repr(&get("name")?)?),
        format!("loader={}", vm.repr(&get("loader")?)?),
    ];
    let origin = get("origin")?;
    if !origin.is_none() {
        parts.push(format!("origin={}", vm.repr(&origin)?));
    }
    let locations = get("submodule_search_locations")?;
    if !locations.is_none() {
        parts.push(format!(
            "submodule_search_locations={}",
            vm.repr(&locations)?
        ));
    }
    Ok(Value::string(format!("ModuleSpec({})", parts.join(", "))))
}

fn spec_eq(vm: &Vm, args: Args) -> PyResult {
    let (this, other) = (
        self_arg(vm, &args, "__eq__")?,
        args.get(1).cloned().unwrap_or_default(),
    );
    if !vm.isinstance(&other, &vm.module_spec_class()) {
        return Ok(Value::NotImplemented);
    }
    for k in [
        "name",
        "loader",
        "origin",
        "cached",
        "has_location",
        "submodule_search_locations",
    ] {
        let (a, b) = (vm.get_attr_str(this, k)?, vm.get_attr_str(&other, k)?);
        if !vm.eq(&a, &b)? {
            return Ok(Value::from_bool(false));
        }
    }
    Ok(Value::from_bool(true))
}

/// `BuiltinImporter.create_module(spec)`: builds the module of the table.
fn table_create_module(vm: &Vm, args: Args) -> PyResult {
    let spec = args.get(1).ok_or_else(|| {
        vm.type_error("create_module() missing 1 required positional argument: 'spec'")
    })?;
    let name = vm.get_attr_str(spec, "name")?;
    let name = name.as_str().unwrap_or_default();
    match stdlib::find(name) {
        Some(d) => Ok(Value::Module(stdlib::make(vm, d)?)),
        None => Err(vm.import_error(
            &vm.exc.import_error,
            format!(
                "{} is not a built-in module",
                crate::objects::str::repr_str(name)
            ),
            Some(name),
            None,
        )),
    }
}

fn table_is_package(vm: &Vm, args: Args) -> PyResult {
    let name = args.get(1).and_then(Value::as_str).unwrap_or_default();
    if stdlib::find(name).is_none() {
        return Err(vm.import_error(
            &vm.exc.import_error,
            format!("No module named {}", crate::objects::str::repr_str(name)),
            Some(name),
            None,
        ));
    }
    Ok(Value::from_bool(stdlib::is_package(name)))
}

/// The module was complete when it was made.
fn noop_exec_module(_vm: &Vm, _args: Args) -> PyResult {
    Ok(Value::None)
}

/// `SourceFileLoader(fullname, path)`.
fn source_loader_init(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "SourceFileLoader", 3, 3)?;
    vm.set_attr(&args.pos[0], &Name::new("name"), args.pos[1].clone())?;
    vm.set_attr(&args.pos[0], &Name::new("path"), args.pos[2].clone())?;
    Ok(Value::None)
}

/// `create_module(spec)`: None, for the default module object.
fn source_create_module(_vm: &Vm, _args: Args) -> PyResult {
    Ok(Value::None)
}

/// `exec_module(module)`: runs the file in the module's namespace.
fn source_exec_module(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "exec_module", 2, 2)?;
    let Value::Module(m) = &args.pos[1] else {
        return Err(vm.type_error(format!(
            "exec_module() expects a module, not {}",
            vm.type_name(&args.pos[1])
        )));
    };
    let path = vm.get_attr_str(&args.pos[0], "path")?;
    let path = vm.to_str(&path)?;
    vm.exec_source_file(m, &path)?;
    Ok(Value::None)
}

fn source_get_filename(vm: &Vm, args: Args) -> PyResult {
    vm.get_attr_str(self_arg(vm, &args, "get_filename")?, "path")
}

/// `get_data(path)`: the bytes of a file (a package's resource, as
/// `pkgutil.get_data` reads it).
fn source_get_data(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "get_data", 2, 2)?;
    let path = vm.to_str(&args.pos[1])?;
    let bytes = std::fs::read(&path).map_err(|e| crate::stdlib::os::os_error(vm, &e, &path))?;
    Ok(Value::bytes(bytes))
}

fn source_get_source(vm: &Vm, args: Args) -> PyResult {
    let path = vm.get_attr_str(self_arg(vm, &args, "get_source")?, "path")?;
    let path = vm.to_str(&path)?;
    let bytes = std::fs::read(&path).map_err(|e| crate::stdlib::os::os_error(vm, &e, &path))?;
    Ok(Value::string(String::from_utf8_lossy(&bytes).into_owned()))
}

fn source_is_package(vm: &Vm, args: Args) -> PyResult {
    let path = vm.get_attr_str(self_arg(vm, &args, "is_package")?, "path")?;
    let path = vm.to_str(&path)?;
    let stem = std::path::Path::new(&path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned());
    Ok(Value::from_bool(stem.as_deref() == Some("__init__")))
}

impl Vm {
    /// An ImportError (or subclass) with its `name` and `path` attributes.
    pub fn import_error(
        &self,
        class: &Rc<Class>,
        msg: impl Into<String>,
        name: Option<&str>,
        path: Option<&str>,
    ) -> PyErr {
        let msg = msg.into();
        let err = self.new_error(class, msg.clone());
        err.0.set_attr(Name::new("msg"), Value::string(msg));
        let opt = |s: Option<&str>| s.map(Value::str).unwrap_or_default();
        err.0.set_attr(Name::new("name"), opt(name));
        err.0.set_attr(Name::new("path"), opt(path));
        err
    }

    /// `No module named 'x'` (ModuleNotFoundError).
    pub fn no_module_named(&self, name: &str) -> PyErr {
        self.import_error(
            &self.exc.module_not_found_error,
            format!("No module named {}", crate::objects::str::repr_str(name)),
            Some(name),
            None,
        )
    }
}
