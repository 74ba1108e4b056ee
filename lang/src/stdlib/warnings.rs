//! `warnings`: `warn` is native so that it can report the line that called
//! it (`CallerNeeds::CallSite`); filters, `catch_warnings` and the
//! output format are in `warnings.py`.

use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Builtin, CallerNeeds, Module, PyResult, Value};
use crate::vm::Vm;
use std::rc::Rc;

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = vm.new_module("warnings", None);
    super::set(
        &m,
        "warn",
        Value::Builtin(crate::objects::gc::new(Builtin {
            name: "warn",
            func: warn,
            owner: None,
            bound: None,
            caller: CallerNeeds::CallSite,
            sig: Some(&WARN),
            gc: crate::objects::gc::GcHead::new(),
        })),
    );
    super::exec_source(vm, &m, super::stdlib_source!("warnings.py"))?;
    Ok(m)
}

static WARN: Signature = Signature::new(
    Style::Clinic,
    "warn",
    "message, category=None, stacklevel=1, source=None",
)
.doc("Issue a warning, or ignore it or turn it into an exception, as the warning filters say.");

/// Finds the caller's file, line and source text, then lets `_warn_impl`
/// filter and show the warning.
fn warn(vm: &Vm, args: Args) -> PyResult {
    let site = vm.call_site.borrow_mut().take();
    let ([message], [category, _stacklevel, _source]) = WARN.bind(vm, args)?;
    let message = message.clone();
    let category = category.cloned().unwrap_or_default();
    let (filename, lineno, line) = match &site {
        Some((code, line)) => {
            let text = code
                .co
                .source
                .as_ref()
                .and_then(|s| s.lines().nth((*line as usize).saturating_sub(1)))
                .unwrap_or("")
                .to_string();
            // CPython reports the script by its absolute path.
            let name = code.co.filename.to_string();
            let absolute = match std::env::current_dir() {
                Ok(dir) if !name.starts_with('<') && !name.starts_with('/') => {
                    dir.join(&name).display().to_string()
                }
                _ => name,
            };
            (absolute, *line as i64, text)
        }
        None => ("sys".to_string(), 1, String::new()),
    };
    let m = vm.import_module("warnings")?;
    let imp = super::module_attr(vm, &m, "_warn_impl")?;
    vm.call(
        &imp,
        &[
            message,
            category,
            Value::string(filename),
            Value::Int(lineno),
            Value::string(line),
        ],
    )
}
