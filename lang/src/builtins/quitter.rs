//! `exit` and `quit`: objects, as in CPython, so that typing the bare name
//! at a prompt answers with how to leave instead of a function's repr.

use crate::objects::class::Layout;
use crate::objects::{Args, Class, Name, NativeObject, PyResult, Signature, Style, Value};
use crate::vm::types::{add_declared_methods, new_class};
use crate::vm::Vm;
use std::any::Any;
use std::rc::Rc;

/// One of the two builtins; `name` is what it is bound to.
struct Quitter {
    class: Rc<Class>,
    name: &'static str,
}

impl NativeObject for Quitter {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn get_attr(&self, _vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        (name == "name").then(|| Ok(Value::str(self.name)))
    }
}

static CALL: Signature = Signature::new(Style::Python, "Quitter.__call__", "self, code=None")
    .doc("Leave the interpreter, raising SystemExit with the given code.");
static REPR: Signature = Signature::new(Style::Exact, "Quitter.__repr__", "$self, /")
    .doc("Return how to leave the interpreter, as the bare name in the REPL shows it.");

/// Binds `exit` and `quit` in the builtins.
pub(crate) fn install(vm: &Vm) {
    let class = new_class(
        "Quitter",
        std::slice::from_ref(&vm.types.object),
        Layout::Builtin,
        "_sitebuiltins",
    );
    add_declared_methods(&class, "Quitter", &[(&CALL, call), (&REPR, repr)]);
    for name in ["exit", "quit"] {
        let quitter = Quitter {
            class: class.clone(),
            name,
        };
        vm.builtins
            .set_name(&Name::new(name), Value::native(quitter));
    }
}

fn receiver<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Quitter> {
    v.downcast_native::<Quitter>()
        .ok_or_else(|| vm.type_error("descriptor requires a '_sitebuiltins.Quitter' object"))
}

/// Raises `SystemExit(code)`.
fn call(vm: &Vm, args: Args) -> PyResult {
    let ([this], [code]) = CALL.bind(vm, args)?;
    receiver(vm, this)?;
    let args = code.map(|c| vec![c.clone()]).unwrap_or_default();
    Err(vm.new_exception(&vm.exc.system_exit, args))
}

fn repr(vm: &Vm, args: Args) -> PyResult {
    let ([this], []) = REPR.bind(vm, args)?;
    let q = receiver(vm, this)?;
    Ok(Value::string(format!(
        "Use {}() or Ctrl-D (i.e. EOF) to exit",
        q.name
    )))
}
