//! The import system, as CPython's `importlib._bootstrap` does it.
//!
//! - `sys.modules` ([`ImportState::modules`]) is the one cache of loaded
//!   modules: a Python dict that programs read, assign and delete entries
//!   of; every import looks there first and nothing else remembers modules.
//! - `sys.path` is read from the `sys` module at each search, so programs
//!   may mutate or rebind it. Until `sys` is imported, the list it will
//!   start as ([`ImportState::path`]) is the search path.
//! - Finding (`finder.rs`) asks the finders of `sys.meta_path`: the
//!   built-in modules, the frozen ones, then `sys.path`'s directories, on
//!   which the standard library's own entry stands for towel's embedded
//!   library ([`ImportState::stdlib_dir`]).
//! - Loading ([`Vm::load_spec`], `spec.rs`) creates the module, sets its
//!   `__spec__`, `__loader__`, `__package__`, `__path__`, `__file__`,
//!   registers it in `sys.modules` *before* its code runs (so circular
//!   imports see the partial module, whose `__spec__._initializing` is
//!   true meanwhile), and removes it again if the code raises.
//! - A submodule is bound as an attribute of its package once loaded.
//! - `run.rs` runs the main program: a script, a directory with a
//!   `__main__.py`, or a module by name (`-m`), as `runpy` does.

mod finder;
mod run;
pub mod spec;

pub use finder::path_finder_class;
pub use run::executable;

use super::Vm;
use crate::objects::{Module, Name, Namespace, PyDict, PyList, PyResult, Value};
use crate::stdlib;
use std::cell::OnceCell;
use std::rc::Rc;

/// The state of the import system (see the module docs).
pub struct ImportState {
    /// `sys.modules`.
    pub modules: Rc<PyDict>,
    /// The list `sys.path` starts as: the embedder (the command line) fills
    /// it before the program runs.
    pub path: Rc<PyList>,
    /// The `sys` module once made, for `sys.path` and `sys.meta_path`.
    pub sys: OnceCell<Rc<Module>>,
    stdlib_dir: OnceCell<String>,
}

impl ImportState {
    pub fn new() -> ImportState {
        ImportState {
            modules: Rc::new(PyDict::new()),
            path: Rc::new(PyList::new(Vec::new())),
            sys: OnceCell::new(),
            stdlib_dir: OnceCell::new(),
        }
    }
}

impl Default for ImportState {
    fn default() -> Self {
        ImportState::new()
    }
}

/// `sys.prefix`: the folder above the one holding the executable, as for
/// an installed interpreter (`/usr/bin/towel` -> `/usr`).
pub fn prefix() -> String {
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent()?.parent().map(|p| p.display().to_string()))
        .unwrap_or_else(|| "/usr/local".to_string())
}

impl Vm {
    /// Where the standard library sits on `sys.path`: the modules of
    /// towel's table are found at this entry (and its subfolders, for
    /// packages), in `sys.path` order; nothing is read from the disk there.
    pub fn stdlib_dir(&self) -> &str {
        self.imports
            .stdlib_dir
            .get_or_init(|| format!("{}/lib/towel3.11", prefix()))
    }

    /// The default `sys.path`: `first` (the script's folder, `''`, or none),
    /// then `extra` (PYTHONPATH), then the standard library.
    pub fn set_search_path(&self, first: Option<String>, extra: Vec<String>) {
        let mut entries: Vec<Value> = first.into_iter().map(Value::string).collect();
        entries.extend(extra.into_iter().map(Value::string));
        entries.push(Value::str(self.stdlib_dir()));
        *self.imports.path.items.borrow_mut() = entries;
    }

    /// An attribute of the `sys` module, if `sys` has been made.
    pub fn sys_attr(&self, name: &str) -> Option<Value> {
        self.imports
            .sys
            .get()
            .and_then(|m| stdlib::module_get(m, name))
    }

    /// The module registered as `name` in `sys.modules`, if it is a module.
    pub fn loaded_module(&self, name: &str) -> Option<Rc<Module>> {
        match self.imports.modules.get_str(name) {
            Some(Value::Module(m)) => Some(m),
            _ => None,
        }
    }

    /// `sys.modules[name] = module`.
    pub fn register_module(&self, name: &str, module: Value) -> PyResult<()> {
        self.imports.modules.set(self, Value::str(name), module)
    }

    /// `sys.modules.pop(name, None)`.
    pub fn unregister_module(&self, name: &str) {
        let _ = self.imports.modules.remove(self, &Value::str(name));
    }

    /// Imports the absolute dotted `name` and returns `sys.modules[name]`
    /// (CPython's `_gcd_import`): parents first, each bound on its package.
    pub fn import(&self, name: &str) -> PyResult<Value> {
        match self.imports.modules.get_str(name) {
            Some(Value::None) => Err(self.import_error(
                &self.exc.module_not_found_error,
                format!("import of {name} halted; None in sys.modules"),
                Some(name),
                None,
            )),
            Some(m) => Ok(m),
            None => self.find_and_load(name),
        }
    }

    /// [`Vm::import`] for native code that needs the module object itself.
    pub fn import_module(&self, name: &str) -> PyResult<Rc<Module>> {
        match self.import(name)? {
            Value::Module(m) => Ok(m),
            other => Err(self.type_error(format!(
                "sys.modules[{}] is not a module but {}",
                crate::objects::str::repr_str(name),
                self.type_name(&other)
            ))),
        }
    }

    fn find_and_load(&self, name: &str) -> PyResult<Value> {
        let mut search = Value::None;
        let mut parent = None;
        if let Some((parent_name, child)) = name.rsplit_once('.') {
            let package = self.import(parent_name)?;
            // Importing the parent may have imported this module too.
            if let Some(m) = self.imports.modules.get_str(name) {
                return Ok(m);
            }
            search = match self.lookup_attr(&package, "__path__")? {
                Some(p) => p,
                None => {
                    return Err(self.import_error(
                        &self.exc.module_not_found_error,
                        format!(
                            "No module named {}; {} is not a package",
                            crate::objects::str::repr_str(name),
                            crate::objects::str::repr_str(parent_name)
                        ),
                        Some(name),
                        None,
                    ))
                }
            };
            parent = Some((package, child));
        }
        let spec = self
            .find_spec(name, &search)?
            .ok_or_else(|| self.no_module_named(name))?;
        let module = self.load_spec(&spec)?;
        if let Some((package, child)) = parent {
            // As CPython, a package that refuses the attribute is no error.
            let _ = self.set_attr(&package, &Name::new(child), module.clone());
        }
        Ok(module)
    }

    /// Turns a spec into a loaded module (CPython's `_load_unlocked`).
    pub fn load_spec(&self, spec: &Value) -> PyResult<Value> {
        let name = self.get_attr_str(spec, "name")?;
        let name = self.to_str(&name)?;
        let loader = self.get_attr_str(spec, "loader")?;
        if let Some(def) = self.table_def_for(&loader, &name) {
            let m = stdlib::make(self, def)?;
            // A module made from towel source had its import attributes set
            // before its code ran (`exec_source`), and the code may have
            // changed them (a package widening its `__path__`).
            let ran_source = stdlib::module_get(&m, "__spec__").is_some_and(|s| !s.is_none());
            if !ran_source {
                self.init_module_attrs(&m, spec)?;
            }
            self.register_module(&name, Value::Module(m.clone()))?;
            return Ok(Value::Module(m));
        }
        let created = match self.lookup_attr(&loader, "create_module")? {
            Some(create) => self.call(&create, &[spec.clone()])?,
            None => Value::None,
        };
        let module = match created {
            Value::None => Value::Module(self.new_module(&name, None)),
            other => other,
        };
        if let Value::Module(m) = &module {
            self.init_module_attrs(m, spec)?;
        }
        self.register_module(&name, module.clone())?;
        let initializing = Name::new("_initializing");
        let _ = self.set_attr(spec, &initializing, Value::from_bool(true));
        let result = self.exec_with_loader(&loader, &module);
        let _ = self.set_attr(spec, &initializing, Value::from_bool(false));
        if let Err(e) = result {
            self.unregister_module(&name);
            return Err(e);
        }
        // The module may have replaced itself in sys.modules.
        Ok(self.imports.modules.get_str(&name).unwrap_or(module))
    }

    /// The table row a table loader (BuiltinImporter, FrozenImporter) loads.
    fn table_def_for(&self, loader: &Value, name: &str) -> Option<&'static stdlib::ModuleDef> {
        let Value::Class(c) = loader else {
            return None;
        };
        let ours = [stdlib::Kind::Builtin, stdlib::Kind::Frozen]
            .iter()
            .any(|&k| Rc::ptr_eq(c, &self.table_loader(k)));
        if ours {
            stdlib::find(name)
        } else {
            None
        }
    }

    fn exec_with_loader(&self, loader: &Value, module: &Value) -> PyResult<()> {
        if let (Value::Instance(i), Value::Module(m)) = (loader, module) {
            if Rc::ptr_eq(&i.class, &self.source_loader_class()) {
                let path = self.get_attr_str(loader, "path")?;
                return self.exec_source_file(m, &self.to_str(&path)?);
            }
        }
        match self.lookup_attr(loader, "exec_module")? {
            Some(exec) => self.call(&exec, &[module.clone()]).map(|_| ()),
            None => Err(self.import_error(
                &self.exc.import_error,
                "loader has no exec_module()",
                None,
                None,
            )),
        }
    }

    /// Runs the source file `path` in module `m` (the body of
    /// `SourceFileLoader.exec_module`).
    pub fn exec_source_file(&self, m: &Rc<Module>, path: &str) -> PyResult<()> {
        let source = self.read_source(path)?;
        let code = self
            .compile(&source, path, crate::compiler::Mode::Exec)
            .map_err(|e| self.syntax_error_value(&e))?;
        self.set_module_builtins(m, false)?;
        self.run_code(code, m).map(|_| ())
    }

    /// Gives module `m` its `__builtins__` before its code runs: the
    /// `builtins` module for `__main__`, its namespace dict elsewhere (as
    /// CPython does) once modules have a `__dict__`.
    pub fn set_module_builtins(&self, m: &Module, main: bool) -> PyResult<()> {
        if stdlib::module_get(m, "__builtins__").is_some() {
            return Ok(());
        }
        let builtins = Value::Module(self.import_module("builtins")?);
        let dict = if main {
            None
        } else {
            self.lookup_attr(&builtins, "__dict__")?
        };
        let value = dict.unwrap_or(builtins);
        stdlib::set(m, "__builtins__", value);
        Ok(())
    }

    /// `IMPORT_NAME`: `__import__(name, globals, None, fromlist, level)`
    /// with the running frame's globals.
    pub fn import_name(
        &self,
        name: &str,
        fromlist: &Value,
        level: &Value,
        globals: &Namespace,
    ) -> PyResult<Value> {
        let level = match level {
            Value::Int(l) => *l,
            _ => 0,
        };
        let lookup = |k: &str| globals.get_name(&Name::new(k));
        self.import_with(name, &lookup, fromlist, level)
    }

    /// `__import__(name, globals, locals, fromlist, level)`; `global` reads
    /// the importing module's globals (`__package__`, `__spec__`, ...).
    pub fn import_with(
        &self,
        name: &str,
        global: &dyn Fn(&str) -> Option<Value>,
        fromlist: &Value,
        level: i64,
    ) -> PyResult<Value> {
        if level < 0 {
            return Err(self.value_error("level must be >= 0"));
        }
        let module = if level == 0 {
            if name.is_empty() {
                return Err(self.value_error("Empty module name"));
            }
            self.import(name)?
        } else {
            let package = self.calc_package(global)?;
            let absolute = self.resolve_name(name, &package, level)?;
            self.import(&absolute)?
        };
        if !self.truthy(fromlist)? {
            let top = name.split('.').next().unwrap_or_default();
            return if level == 0 {
                if top.len() == name.len() {
                    Ok(module)
                } else {
                    self.import(top)
                }
            } else if name.is_empty() {
                Ok(module)
            } else {
                // `from .a.b import` without names is not Python syntax,
                // but `__import__('a.b', level=1)` returns `.a`.
                let full = self.to_str(&self.get_attr_str(&module, "__name__")?)?;
                let keep = full.len() - (name.len() - top.len());
                self.import(&full[..keep])
            };
        }
        if self.lookup_attr(&module, "__path__")?.is_some() {
            self.handle_fromlist(&module, fromlist, false)?;
        }
        Ok(module)
    }

    /// Imports the submodules named in `from package import a, b` that are
    /// not attributes of the package yet (CPython's `_handle_fromlist`).
    fn handle_fromlist(&self, module: &Value, fromlist: &Value, recursive: bool) -> PyResult<()> {
        for item in self.to_vec(fromlist)? {
            let Some(x) = item.as_str() else {
                let module_name = self.get_attr_str(module, "__name__")?;
                let place = if recursive {
                    format!("{}.__all__", self.to_str(&module_name)?)
                } else {
                    "``from list''".to_string()
                };
                return Err(self.type_error(format!(
                    "Item in {place} must be str, not {}",
                    self.type_name(&item)
                )));
            };
            if x == "*" {
                if !recursive {
                    if let Some(all) = self.lookup_attr(module, "__all__")? {
                        self.handle_fromlist(module, &all, true)?;
                    }
                }
                continue;
            }
            if self.lookup_attr(module, x)?.is_some() {
                continue;
            }
            let package = self.to_str(&self.get_attr_str(module, "__name__")?)?;
            let from_name = format!("{package}.{x}");
            if let Err(e) = self.import(&from_name) {
                // A missing submodule is left for IMPORT_FROM to report.
                let missing = self.err_is(&e, &self.exc.module_not_found_error)
                    && e.0
                        .get_attr(&Name::new("name"))
                        .as_ref()
                        .and_then(Value::as_str)
                        == Some(from_name.as_str())
                    && !matches!(self.imports.modules.get_str(&from_name), Some(Value::None));
                if !missing {
                    return Err(e);
                }
            }
        }
        Ok(())
    }

    /// The package a relative import is relative to (CPython's
    /// `_calc___package__`): `__package__`, else `__spec__.parent`, else
    /// from `__name__` and `__path__`.
    fn calc_package(&self, global: &dyn Fn(&str) -> Option<Value>) -> PyResult<String> {
        let package = global("__package__").filter(|p| !p.is_none());
        let spec = global("__spec__").filter(|s| !s.is_none());
        let package = match (package, spec) {
            (Some(p), _) => p,
            (None, Some(spec)) => self.get_attr_str(&spec, "parent")?,
            (None, None) => {
                let name =
                    global("__name__").ok_or_else(|| self.key_error(Value::str("__name__")))?;
                let name = self.to_str(&name)?;
                if global("__path__").is_some() {
                    Value::string(name)
                } else {
                    Value::str(name.rsplit_once('.').map_or("", |(p, _)| p))
                }
            }
        };
        let Some(package) = package.as_str() else {
            return Err(self.type_error("package must be a string"));
        };
        if package.is_empty() {
            return Err(self.import_error(
                &self.exc.import_error,
                "attempted relative import with no known parent package",
                None,
                None,
            ));
        }
        Ok(package.to_string())
    }

    /// The absolute name of a relative import (CPython's `_resolve_name`).
    pub fn resolve_name(&self, name: &str, package: &str, level: i64) -> PyResult<String> {
        let mut base = package;
        for _ in 1..level {
            match base.rsplit_once('.') {
                Some((up, _)) => base = up,
                None => {
                    return Err(self.import_error(
                        &self.exc.import_error,
                        "attempted relative import beyond top-level package",
                        None,
                        None,
                    ))
                }
            }
        }
        Ok(if name.is_empty() {
            base.to_string()
        } else {
            format!("{base}.{name}")
        })
    }

    /// `IMPORT_FROM`: the attribute `name` of `module`, or the submodule
    /// `module.name` already in `sys.modules`, else CPython's ImportError.
    pub fn import_from(&self, module: &Value, name: &Name) -> PyResult<Value> {
        if let Some(v) = self.lookup_attr(module, name.as_str())? {
            return Ok(v);
        }
        let package = self.lookup_attr(module, "__name__")?;
        let Some(package) = package.as_ref().and_then(Value::as_str) else {
            return Err(self.import_error(
                &self.exc.import_error,
                format!(
                    "cannot import name {}",
                    crate::objects::str::repr_str(name.as_str())
                ),
                None,
                None,
            ));
        };
        if let Some(m) = self
            .imports
            .modules
            .get_str(&format!("{package}.{}", name.as_str()))
        {
            return Ok(m);
        }
        let path = self
            .lookup_attr(module, "__file__")?
            .filter(|p| p.as_str().is_some());
        let location = path
            .as_ref()
            .and_then(Value::as_str)
            .unwrap_or("unknown location")
            .to_string();
        let partially = if self.is_initializing(module) {
            "partially initialized module "
        } else {
            ""
        };
        let circular = if partially.is_empty() {
            ""
        } else {
            " (most likely due to a circular import)"
        };
        Err(self.import_error(
            &self.exc.import_error,
            format!(
                "cannot import name {} from {partially}{}{circular} ({location})",
                crate::objects::str::repr_str(name.as_str()),
                crate::objects::str::repr_str(package)
            ),
            Some(package),
            path.as_ref().and_then(Value::as_str),
        ))
    }

    /// True while `module`'s code is running under the import system
    /// (`__spec__._initializing`).
    pub fn is_initializing(&self, module: &Value) -> bool {
        let Value::Module(m) = module else {
            return false;
        };
        stdlib::module_get(m, "__spec__")
            .filter(|s| !s.is_none())
            .and_then(|s| self.lookup_attr(&s, "_initializing").ok().flatten())
            .is_some_and(|v| self.truthy(&v).unwrap_or(false))
    }

    /// `IMPORT_STAR`: binds the names of `__all__`, or else every public
    /// name of the module, in `ns`.
    pub fn import_star(&self, module: &Value, ns: &Namespace) -> PyResult<()> {
        let items: Vec<(Name, Value)> = match self.lookup_attr(module, "__all__")? {
            Some(all) => {
                let module_name = self.get_attr_str(module, "__name__")?;
                let mut items = Vec::new();
                for item in self.to_vec(&all)? {
                    let Some(key) = item.as_str() else {
                        return Err(self.type_error(format!(
                            "Item in {}.__all__ must be str, not {}",
                            self.to_str(&module_name)?,
                            self.type_name(&item)
                        )));
                    };
                    let key = Name::new(key);
                    items.push((key.clone(), self.get_attr(module, &key)?));
                }
                items
            }
            None => match module {
                Value::Module(m) => {
                    m.ns.items()
                        .into_iter()
                        .filter_map(|(k, v)| match k.as_str() {
                            Some(k) if !k.starts_with('_') => Some((Name::new(k), v)),
                            _ => None,
                        })
                        .collect()
                }
                _ => {
                    return Err(self.import_error(
                        &self.exc.import_error,
                        "from-import-* object has no __dict__ and no __all__",
                        None,
                        None,
                    ))
                }
            },
        };
        for (key, value) in items {
            ns.set_name(&key, value);
        }
        Ok(())
    }

    /// `getattr(obj, name, None)`-like: None when the attribute is missing
    /// or its lookup raises AttributeError (a module's `__getattr__` may).
    pub fn lookup_attr(&self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        match self.get_attr_opt(obj, &Name::new(name)) {
            Err(e) if self.err_is(&e, &self.exc.attribute_error) => Ok(None),
            other => other,
        }
    }

    /// A module attribute its namespace lacks: the module's own
    /// `__getattr__(name)` answers when it defines one (PEP 562).
    pub fn module_getattr(&self, m: &Rc<Module>, name: &Name) -> PyResult<Option<Value>> {
        match stdlib::module_get(m, "__getattr__") {
            Some(hook) => self.call(&hook, &[Value::str(name.as_str())]).map(Some),
            None => Ok(None),
        }
    }

    /// The AttributeError message for a missing module attribute: CPython
    /// 3.11 points at a circular import when the module is still running.
    pub fn module_attribute_message(&self, m: &Rc<Module>, name: &str) -> String {
        let module_name = match stdlib::module_get(m, "__name__") {
            Some(Value::Str(s)) => s.as_str().to_string(),
            _ => return format!("module has no attribute '{name}'"),
        };
        if self.is_initializing(&Value::Module(m.clone())) {
            format!("partially initialized module '{module_name}' has no attribute '{name}' (most likely due to a circular import)")
        } else {
            format!("module '{module_name}' has no attribute '{name}'")
        }
    }
}
