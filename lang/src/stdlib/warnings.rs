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

/// Finds the file, line and source text of the frame `stacklevel` calls
/// out (1: the caller), then lets `_warn_impl` filter and show the warning;
/// past the outermost frame the warning comes from `sys:1`, as in CPython.
fn warn(vm: &Vm, args: Args) -> PyResult {
    let site = vm.call_site.borrow_mut().take();
    let ([message], [category, stacklevel, _source]) = WARN.bind(vm, args)?;
    let message = message.clone();
    let category = category.cloned().unwrap_or_default();
    let level = match stacklevel {
        Some(v) => vm.to_index(v)?,
        None => 1,
    };
    let found = if level <= 1 {
        let module = vm.frame_chain().next().and_then(module_name);
        site.map(|(code, line)| (code, line, module))
    } else {
        vm.frame_chain()
            .nth(level as usize - 1)
            .map(|f| (f.code.clone(), f.current_line(), module_name(f)))
    };
    let (filename, lineno, line, module) = match found {
        Some((code, line, module)) => {
            let text = code
                .co
                .source
                .as_ref()
                .and_then(|s| s.lines().nth((line as usize).saturating_sub(1)))
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
            (absolute, line as i64, text, module)
        }
        None => ("sys".to_string(), 1, String::new(), Some(Value::str("sys"))),
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
            module.unwrap_or_default(),
        ],
    )
}

/// The `__name__` of the module a frame runs in (the filters match it).
fn module_name(frame: &crate::vm::frame::Frame) -> Option<Value> {
    frame
        .globals
        .get_str("__name__")
        .filter(|n| n.as_str().is_some())
}
