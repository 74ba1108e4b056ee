//! `import`: native modules first, then `NAME.py` files on the search path
//! (the script's directory).

use super::Vm;
use crate::objects::{Module, PyResult, Value};
use std::rc::Rc;

impl Vm {
    /// Imports `name` (dotted names import each package in turn) and returns the module.
    pub fn import_module(&self, name: &str) -> PyResult<Rc<Module>> {
        if let Some(m) = self.modules.borrow().get(name) {
            return Ok(m.clone());
        }
        let make = self.native_modules.borrow().get(name).copied();
        let module = match make {
            Some(make) => make(self)?,
            None => self.import_source_module(name)?,
        };
        self.modules
            .borrow_mut()
            .insert(name.to_string(), module.clone());
        Ok(module)
    }

    fn import_source_module(&self, name: &str) -> PyResult<Rc<Module>> {
        let rel = name.replace('.', "/");
        let dirs = self.path.borrow().clone();
        for dir in dirs {
            for candidate in [
                dir.join(format!("{rel}.py")),
                dir.join(&rel).join("__init__.py"),
            ] {
                if let Ok(source) = std::fs::read_to_string(&candidate) {
                    let filename = candidate.display().to_string();
                    let code = self
                        .compile(&source, &filename, crate::compiler::Mode::Exec)
                        .map_err(|e| self.syntax_error_value(&e))?;
                    let module = self.new_module(name, Some(&filename));
                    // Registered before running, so circular imports see the partial module.
                    self.modules
                        .borrow_mut()
                        .insert(name.to_string(), module.clone());
                    if let Err(e) = self.run_code(code, &module) {
                        self.modules.borrow_mut().remove(name);
                        return Err(e);
                    }
                    return Ok(module);
                }
            }
        }
        let err = self.new_error(
            &self.exc.module_not_found_error,
            format!("No module named '{name}'"),
        );
        err.0
            .set_attr(crate::objects::Name::new("name"), Value::str(name));
        Err(err)
    }

    /// `IMPORT_NAME`: the module bound by `import a.b` (the top package) or `from a.b import x` (a.b).
    pub fn import_name(
        &self,
        name: &str,
        fromlist: &Value,
        level: &Value,
        _globals: &crate::objects::Namespace,
    ) -> PyResult<Value> {
        if matches!(level, Value::Int(l) if *l > 0) {
            return Err(self.new_error(
                &self.exc.import_error,
                "attempted relative import with no known parent package",
            ));
        }
        let mut parts = Vec::new();
        let mut top = None;
        for part in name.split('.') {
            parts.push(part);
            let m = self.import_module(&parts.join("."))?;
            if top.is_none() {
                top = Some(m.clone());
            }
            if parts.len() > 1 {
                // Bind the submodule on its parent package.
                let parent = self.import_module(&parts[..parts.len() - 1].join("."))?;
                parent.set(part, Value::Module(m.clone()));
            }
        }
        let last = self.import_module(name)?;
        let has_fromlist =
            !fromlist.is_none() && !matches!(fromlist, Value::Tuple(t) if t.0.is_empty());
        Ok(Value::Module(if has_fromlist {
            last
        } else {
            top.unwrap_or(last)
        }))
    }

    /// `(built-in)` or the module's file, for ImportError messages.
    pub fn module_origin(&self, m: &Value) -> String {
        match m {
            Value::Module(m) => match m
                .get("__file__")
                .and_then(|f| f.as_str().map(str::to_string))
            {
                Some(f) => f,
                None => "unknown location".to_string(),
            },
            _ => "unknown location".to_string(),
        }
    }
}
