//! Finding modules: the finders of `sys.meta_path`.
//!
//! The default meta path is CPython's: `BuiltinImporter` (the table's
//! [`Kind::Builtin`] rows), `FrozenImporter` (its [`Kind::Frozen`] rows),
//! then `PathFinder`, which walks `sys.path` (or a package's `__path__`):
//! in each folder a package `NAME/__init__.py`, then a module `NAME.py`,
//! and folders without `__init__.py` are remembered as the portions of a
//! namespace package. The standard library's entry of `sys.path`
//! ([`Vm::stdlib_dir`]) holds the table's [`Kind::Stdlib`] rows, so they
//! are found in path order (a script's own `json.py` comes first, as in
//! CPython). Finders a program adds to `sys.meta_path` are asked through
//! their `find_spec(name, path, target)`.

use super::spec::SpecFields;
use crate::objects::class::Layout;
use crate::objects::{Args, Class, Instance, Name, PyResult, Value};
use crate::stdlib::{self, Kind};
use crate::vm::types::{add_classmethod, new_class};
use crate::vm::Vm;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// `PathFinder`, the meta path finder for `sys.path`.
pub fn path_finder_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("PathFinder", |vm| {
        let c = new_class(
            "PathFinder",
            &[vm.types.object.clone()],
            Layout::Object,
            "_frozen_importlib_external",
        );
        add_classmethod(vm, &c, "find_spec", path_find_spec);
        add_classmethod(vm, &c, "invalidate_caches", invalidate_caches);
        c
    })
}

/// The finders of the default `sys.meta_path`.
#[derive(Clone, Copy)]
enum Finder {
    Table(Kind),
    Path,
}

impl Vm {
    /// The default `sys.meta_path`.
    pub fn default_meta_path(&self) -> Vec<Value> {
        vec![
            Value::Class(self.table_loader(Kind::Builtin)),
            Value::Class(self.table_loader(Kind::Frozen)),
            Value::Class(path_finder_class(self)),
        ]
    }

    /// CPython's `_find_spec`: asks each finder of `sys.meta_path` for
    /// module `name` (`path` is the package's `__path__`, or None).
    pub fn find_spec(&self, name: &str, path: &Value) -> PyResult<Option<Value>> {
        let finders = match self.sys_attr("meta_path") {
            Some(meta) => self.to_vec(&meta)?,
            None => self.default_meta_path(),
        };
        for finder in finders {
            let spec = match self.native_finder(&finder) {
                Some(Finder::Table(kind)) => self.find_in_table(name, kind),
                Some(Finder::Path) => self.find_on_path(name, path)?,
                None => match self.lookup_attr(&finder, "find_spec")? {
                    Some(find) => {
                        let spec =
                            self.call(&find, &[Value::str(name), path.clone(), Value::None])?;
                        (!spec.is_none()).then_some(spec)
                    }
                    None => None,
                },
            };
            if spec.is_some() {
                return Ok(spec);
            }
        }
        Ok(None)
    }

    fn native_finder(&self, finder: &Value) -> Option<Finder> {
        let Value::Class(c) = finder else {
            return None;
        };
        if Rc::ptr_eq(c, &self.table_loader(Kind::Builtin)) {
            Some(Finder::Table(Kind::Builtin))
        } else if Rc::ptr_eq(c, &self.table_loader(Kind::Frozen)) {
            Some(Finder::Table(Kind::Frozen))
        } else if Rc::ptr_eq(c, &path_finder_class(self)) {
            Some(Finder::Path)
        } else {
            None
        }
    }

    /// A spec for the table row `name` if it is of `kind`.
    fn find_in_table(&self, name: &str, kind: Kind) -> Option<Value> {
        stdlib::find(name)
            .filter(|d| d.kind == kind)
            .map(|d| self.table_spec(d))
    }

    /// `PathFinder.find_spec`: searches the folders of `path` (None:
    /// `sys.path`).
    pub fn find_on_path(&self, name: &str, path: &Value) -> PyResult<Option<Value>> {
        let entries = match path {
            Value::None => match self.sys_attr("path") {
                Some(p) => self.to_vec(&p)?,
                None => self.imports.path.snapshot(),
            },
            p => self.to_vec(p)?,
        };
        let tail = name.rsplit('.').next().unwrap_or(name);
        let stdlib_home = match name.rsplit_once('.') {
            Some((parent, _)) => format!("{}/{}", self.stdlib_dir(), parent.replace('.', "/")),
            None => self.stdlib_dir().to_string(),
        };
        let mut portions = Vec::new();
        for entry in entries {
            let Some(entry) = entry.as_str() else {
                continue;
            };
            if entry == stdlib_home {
                match stdlib::find(name).filter(|d| d.kind != Kind::Builtin) {
                    Some(d) => return Ok(Some(self.table_spec(d))),
                    None => continue,
                }
            }
            let dir = folder(entry);
            let base = dir.join(tail);
            let init = base.join("__init__.py");
            if init.is_file() {
                let location = base.display().to_string();
                return Ok(Some(self.source_spec(name, &init, Some(vec![location]))));
            }
            let file = dir.join(format!("{tail}.py"));
            if file.is_file() {
                return Ok(Some(self.source_spec(name, &file, None)));
            }
            if base.is_dir() {
                portions.push(base.display().to_string());
            }
        }
        if portions.is_empty() {
            return Ok(None);
        }
        let loader = Value::Instance(Rc::new(Instance::new(self.namespace_loader_class())));
        Ok(Some(self.new_spec(SpecFields {
            name: name.to_string(),
            loader,
            origin: None,
            search_locations: Some(portions),
            has_location: false,
        })))
    }

    /// `SourceFileLoader(name, path)`.
    pub fn source_loader(&self, name: &str, path: &str) -> Value {
        let loader = Instance::new(self.source_loader_class());
        loader.set_attr(Name::new("name"), Value::str(name));
        loader.set_attr(Name::new("path"), Value::str(path));
        Value::Instance(Rc::new(loader))
    }

    /// The spec of a source file, with a `SourceFileLoader`.
    pub fn source_spec(&self, name: &str, file: &Path, package: Option<Vec<String>>) -> Value {
        let path = file.display().to_string();
        self.new_spec(SpecFields {
            name: name.to_string(),
            loader: self.source_loader(name, &path),
            origin: Some(path),
            search_locations: package,
            has_location: true,
        })
    }
}

/// The absolute folder a `sys.path` entry names (`''` is the working
/// directory), so that `__file__` is absolute as in CPython.
fn folder(entry: &str) -> PathBuf {
    let cwd = || std::env::current_dir().unwrap_or_default();
    if entry.is_empty() || entry == "." {
        cwd()
    } else {
        cwd().join(entry)
    }
}

/// `BuiltinImporter.find_spec(name, path=None, target=None)` and
/// `FrozenImporter.find_spec(...)`.
pub(super) fn table_find_spec(vm: &Vm, args: Args) -> PyResult {
    let Some(Value::Class(cls)) = args.get(0) else {
        return Ok(Value::None);
    };
    let name = args.arg_or_kw(1, "fullname").and_then(Value::as_str);
    let Some(name) = name else {
        return Err(vm.type_error("find_spec() argument 'fullname' must be str"));
    };
    let kind = match vm.native_finder(&Value::Class(cls.clone())) {
        Some(Finder::Table(kind)) => kind,
        _ => return Ok(Value::None),
    };
    Ok(vm.find_in_table(name, kind).unwrap_or_default())
}

/// `PathFinder.find_spec(fullname, path=None, target=None)`.
fn path_find_spec(vm: &Vm, args: Args) -> PyResult {
    let Some(name) = args.arg_or_kw(1, "fullname").and_then(Value::as_str) else {
        return Err(vm.type_error("find_spec() argument 'fullname' must be str"));
    };
    let path = args.arg_or_kw(2, "path").cloned().unwrap_or_default();
    Ok(vm.find_on_path(name, &path)?.unwrap_or_default())
}

/// Nothing is cached: every search looks at the folders afresh.
fn invalidate_caches(_vm: &Vm, _args: Args) -> PyResult {
    Ok(Value::None)
}
