//! Running the main program as `__main__`: source text (a script, `-c`,
//! stdin), a module found by name (`-m`), or a folder holding a
//! `__main__.py`, as CPython's `runpy` does.

use crate::objects::{Code, Module, Name, PyDict, PyErr, PyResult, Value};
use crate::stdlib;
use crate::vm::{MainError, Vm};
use std::rc::Rc;

/// Why a module cannot be run with `-m`: runpy's own message (printed
/// after the executable's name), or an exception from importing.
enum NotRunnable {
    Message(String),
    Raised(PyErr),
}

impl From<PyErr> for NotRunnable {
    fn from(e: PyErr) -> NotRunnable {
        NotRunnable::Raised(e)
    }
}

impl Vm {
    /// The `__main__` module, made and registered on first use with what
    /// CPython gives it before the program runs.
    pub fn main_module(&self) -> Rc<Module> {
        if let Some(m) = self.loaded_module("__main__") {
            return m;
        }
        let m = self.new_module("__main__", None);
        // As CPython's: `__main__` is a built-in module until a script's
        // loader replaces this.
        let loader = self.table_loader(stdlib::Kind::Builtin);
        stdlib::set(&m, "__loader__", Value::Class(loader));
        stdlib::set(&m, "__annotations__", Value::Dict(Rc::new(PyDict::new())));
        let builtins = self
            .import_module("builtins")
            .expect("builtins is built in");
        stdlib::set(&m, "__builtins__", Value::Module(builtins));
        let _ = self.register_module("__main__", Value::Module(m.clone()));
        m
    }

    /// Runs a program's source as `__main__`; `filename` is its path, or
    /// `<string>`/`<stdin>` for `-c` and standard input.
    pub fn run_main(&self, source: &str, filename: &str) -> Result<(), MainError> {
        let mut options = self.compile_options(false);
        // CPython reads a script or standard input from the file, `-c`'s
        // code as a string.
        options.file_input = filename != "<string>";
        let code = self
            .compile_with(source, filename, crate::compiler::Mode::Exec, options)
            .map_err(MainError::Syntax)?;
        let main = self.main_module();
        // As CPython: a script has `__file__` and `__cached__`, standard
        // input `__file__` only, `-c` neither.
        if filename != "<string>" {
            stdlib::set(&main, "__file__", Value::str(filename));
            if filename != "<stdin>" {
                stdlib::set(&main, "__cached__", Value::None);
                let loader = self.source_loader("__main__", filename);
                stdlib::set(&main, "__loader__", loader);
            }
        }
        self.run_as_main(code, &main)
    }

    /// `-m NAME`: runs module NAME (for a package, NAME.__main__) as
    /// `__main__`, with `sys.argv[0]` set to its file.
    pub fn run_module_as_main(&self, name: &str) -> Result<(), MainError> {
        let (spec, code) = self.runnable(name).map_err(|e| self.not_runnable(e))?;
        self.run_spec_as_main(&spec, code, true)
    }

    /// `towel FOLDER`: runs the folder's `__main__.py` (the folder is
    /// `sys.path[0]`), leaving `sys.argv[0]` as given.
    pub fn run_folder_as_main(&self, folder: &str) -> Result<(), MainError> {
        // `__main__` is looked up afresh, not taken from sys.modules.
        let main = self.imports.modules.get_str("__main__");
        self.unregister_module("__main__");
        let found = self.runnable("__main__");
        if let Some(m) = main {
            let _ = self.register_module("__main__", m);
        }
        let (spec, code) = found.map_err(|e| match e {
            NotRunnable::Raised(e) if !self.err_is(&e, &self.exc.import_error) => {
                self.not_runnable(NotRunnable::Raised(e))
            }
            _ => self.not_runnable(NotRunnable::Message(format!(
                "can't find '__main__' module in {}",
                crate::objects::str::repr_str(folder)
            ))),
        })?;
        self.run_spec_as_main(&spec, code, false)
    }

    fn not_runnable(&self, e: NotRunnable) -> MainError {
        match e {
            NotRunnable::Message(m) => MainError::Message(format!("{}: {m}", executable())),
            NotRunnable::Raised(e) => MainError::Exception(e),
        }
    }

    /// runpy's `_run_code`: the spec's attributes on `__main__`, then the code.
    fn run_spec_as_main(
        &self,
        spec: &Value,
        code: Rc<Code>,
        set_argv0: bool,
    ) -> Result<(), MainError> {
        let main = self.main_module();
        let get = |k: &str| self.get_attr_str(spec, k).map_err(MainError::Exception);
        let origin = get("origin")?;
        stdlib::set(&main, "__name__", Value::str("__main__"));
        stdlib::set(&main, "__file__", origin.clone());
        stdlib::set(&main, "__cached__", get("cached")?);
        stdlib::set(&main, "__doc__", Value::None);
        stdlib::set(&main, "__loader__", get("loader")?);
        stdlib::set(&main, "__package__", get("parent")?);
        stdlib::set(&main, "__spec__", spec.clone());
        if set_argv0 {
            self.set_argv0(origin);
        }
        self.run_as_main(code, &main)
    }

    fn run_as_main(&self, code: Rc<Code>, main: &Rc<Module>) -> Result<(), MainError> {
        let result = self.run_code(code, main);
        self.attend_pending(None);
        self.flush_stdout();
        result.map(|_| ()).map_err(MainError::Exception)
    }

    /// `sys.argv[0] = value`, before or after `sys` is made.
    fn set_argv0(&self, value: Value) {
        match self.sys_attr("argv") {
            Some(Value::List(l)) if !l.is_empty() => l.items.borrow_mut()[0] = value,
            _ => {
                if let (Some(first), Some(text)) =
                    (self.argv.borrow_mut().first_mut(), value.as_str())
                {
                    *first = text.to_string();
                }
            }
        }
    }

    /// runpy's `_get_module_details`: the spec and code of module `name`.
    fn runnable(&self, name: &str) -> Result<(Value, Rc<Code>), NotRunnable> {
        if name.starts_with('.') {
            return Err(NotRunnable::Message(
                "Relative module names not supported".into(),
            ));
        }
        if let Some((package, _)) = name.rsplit_once('.') {
            if let Err(e) = self.import(package) {
                // A missing package is reported by the search below.
                let missing = e.0.get_attr(&Name::new("name"));
                let missing = missing.as_ref().and_then(Value::as_str);
                let ours =
                    missing.is_some_and(|m| package == m || package.starts_with(&format!("{m}.")));
                if !self.err_is(&e, &self.exc.import_error) || !ours {
                    return Err(e.into());
                }
            }
        }
        let spec = match self.util_find_spec(name) {
            Ok(spec) => spec,
            Err(e) if self.finding_error(&e) => {
                let mut msg = format!(
                    "Error while finding module specification for {} ({}: {})",
                    crate::objects::str::repr_str(name),
                    e.0.class.name,
                    self.to_str(&e.value())?
                );
                if let Some(stem) = name.strip_suffix(".py") {
                    msg.push_str(&format!(
                        ". Try using '{stem}' instead of '{name}' as the module name."
                    ));
                }
                return Err(NotRunnable::Message(msg));
            }
            Err(e) => return Err(e.into()),
        };
        let Some(spec) = spec else {
            return Err(NotRunnable::Message(format!("No module named {name}")));
        };
        if !self
            .get_attr_str(&spec, "submodule_search_locations")?
            .is_none()
        {
            if name == "__main__" || name.ends_with(".__main__") {
                return Err(NotRunnable::Message(
                    "Cannot use package as __main__ module".into(),
                ));
            }
            return match self.runnable(&format!("{name}.__main__")) {
                Err(NotRunnable::Message(m)) if self.imports.modules.get_str(name).is_some() => {
                    Err(NotRunnable::Message(format!(
                        "{m}; {} is a package and cannot be directly executed",
                        crate::objects::str::repr_str(name)
                    )))
                }
                other => other,
            };
        }
        let loader = self.get_attr_str(&spec, "loader")?;
        if loader.is_none() {
            return Err(NotRunnable::Message(format!(
                "{} is a namespace package and cannot be executed",
                crate::objects::str::repr_str(name)
            )));
        }
        let code = self
            .module_code(name, &spec, &loader)?
            .ok_or_else(|| NotRunnable::Message(format!("No code object available for {name}")))?;
        Ok((spec, code))
    }

    /// Errors runpy reports as "Error while finding module specification".
    fn finding_error(&self, e: &PyErr) -> bool {
        [
            &self.exc.import_error,
            &self.exc.attribute_error,
            &self.exc.type_error,
            &self.exc.value_error,
        ]
        .iter()
        .any(|c| self.err_is(e, c))
    }

    /// The loader's `get_code(name)`: a source file or a module of the
    /// table written in towel; None for native modules.
    fn module_code(&self, name: &str, spec: &Value, loader: &Value) -> PyResult<Option<Rc<Code>>> {
        let (source, filename) = match stdlib::find(name) {
            Some(d) if matches!(loader, Value::Class(_)) => match d.make {
                stdlib::Make::Script(source) => {
                    (source.text().into_owned(), format!("<frozen {name}>"))
                }
                _ => return Ok(None),
            },
            _ => {
                let origin = self.get_attr_str(spec, "origin")?;
                let Some(path) = origin.as_str().map(str::to_string) else {
                    return Ok(None);
                };
                let bytes =
                    std::fs::read(&path).map_err(|e| stdlib::os::os_error(self, &e, &path))?;
                (String::from_utf8_lossy(&bytes).into_owned(), path)
            }
        };
        self.compile(&source, &filename, crate::compiler::Mode::Exec)
            .map(Some)
            .map_err(|e| self.syntax_error_value(&e))
    }

    /// `importlib.util.find_spec(name)` for an absolute name: the spec of
    /// a loaded module, else a search (importing the parent packages).
    pub fn util_find_spec(&self, name: &str) -> PyResult<Option<Value>> {
        if let Some(m) = self.imports.modules.get_str(name) {
            let spec = self.lookup_attr(&m, "__spec__")?;
            return match spec {
                Some(s) if !s.is_none() => Ok(Some(s)),
                _ => Err(self.value_error(format!("{name}.__spec__ is None"))),
            };
        }
        let path = match name.rsplit_once('.') {
            Some((parent, _)) => {
                let package = self.import(parent)?;
                match self.lookup_attr(&package, "__path__")? {
                    Some(p) => p,
                    None => {
                        return Err(self.import_error(
                            &self.exc.module_not_found_error,
                            format!(
                                "__path__ attribute not found on {} while trying to find {}",
                                crate::objects::str::repr_str(parent),
                                crate::objects::str::repr_str(name)
                            ),
                            Some(name),
                            None,
                        ))
                    }
                }
            }
            None => Value::None,
        };
        self.find_spec(name, &path)
    }
}

/// `sys.executable`, as runpy names the interpreter in its messages.
pub fn executable() -> String {
    std::env::current_exe()
        .map(|p| p.display().to_string())
        .unwrap_or_default()
}
