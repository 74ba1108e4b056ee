//! `_pickle`: the pickle encoder and decoder, native as in CPython, with
//! CPython's output byte for byte (opcodes, memo, batching, protocol 4's
//! frames) so that pickles move between the two. `pickle.py` holds the
//! public API (Pickler/Unpickler classes, dumps/loads, the exceptions) and
//! `copyreg.py` the reduction registry both use.
//!
//! The encoder handles built-in values itself and everything else through
//! the reduce protocol: `__reduce_ex__`, whose defaults on `object`
//! ([`reduce`]) copy uses too.

mod decode;
mod encode;
mod opcodes;
pub(crate) mod reduce;

use crate::objects::class::Layout;
use crate::objects::gc::Visitor;
use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Class, Module, Name, NativeFn, NativeObject, PyErr, PyResult, Value};
use crate::vm::types::new_class;
use crate::vm::Vm;
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

pub const HIGHEST_PROTOCOL: i64 = 5;
pub const DEFAULT_PROTOCOL: i64 = 4;

const FUNCTIONS: &[(&Signature, NativeFn)] = &[
    (&encode::DUMP, encode::dump),
    (&decode::LOAD, decode::load),
    (&decode::FIND_CLASS, decode::find_class),
    (&NEW_MEMO, new_memo),
];

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with_declared(vm, "_pickle", FUNCTIONS);
    let errors = errors(vm);
    super::set(&m, "PickleError", Value::Class(errors.base));
    super::set(&m, "PicklingError", Value::Class(errors.pickling));
    super::set(&m, "UnpicklingError", Value::Class(errors.unpickling));
    Ok(m)
}

/// The pickle exceptions (`_pickle.PickleError` and its two subclasses).
struct Errors {
    base: Rc<Class>,
    pickling: Rc<Class>,
    unpickling: Rc<Class>,
}

fn errors(vm: &Vm) -> Errors {
    let base = vm.lazy_class("_pickle.PickleError", |vm| {
        new_class(
            "PickleError",
            std::slice::from_ref(&vm.exc.exception),
            Layout::Exception,
            "_pickle",
        )
    });
    let sub = |key, name: &str| {
        let base = base.clone();
        vm.lazy_class(key, move |_| {
            new_class(name, &[base], Layout::Exception, "_pickle")
        })
    };
    Errors {
        pickling: sub("_pickle.PicklingError", "PicklingError"),
        unpickling: sub("_pickle.UnpicklingError", "UnpicklingError"),
        base,
    }
}

/// The object `module.path` for pickling and unpickling. Until towel has
/// a `builtins` module to import, its names are found in the builtins
/// namespace.
fn resolve_global(vm: &Vm, module: &str, path: &[&str]) -> PyResult<Option<Value>> {
    let mut v = match vm.import_module(module) {
        Ok(m) => Value::Module(m),
        Err(e) => match (module, path) {
            ("builtins", [first, ..]) => match vm.builtins.get_name(&Name::new(first)) {
                Some(v) => return walk(vm, v, &path[1..]),
                None => return Ok(None),
            },
            _ => return Err(e),
        },
    };
    for part in path {
        match vm.get_attr_opt(&v, &Name::new(part))? {
            Some(next) => v = next,
            None => return Ok(None),
        }
    }
    Ok(Some(v))
}

fn walk(vm: &Vm, mut v: Value, path: &[&str]) -> PyResult<Option<Value>> {
    for part in path {
        match vm.get_attr_opt(&v, &Name::new(part))? {
            Some(next) => v = next,
            None => return Ok(None),
        }
    }
    Ok(Some(v))
}

fn pickling_error(vm: &Vm, msg: impl Into<String>) -> PyErr {
    vm.new_error(&errors(vm).pickling, msg)
}

fn unpickling_error(vm: &Vm, msg: impl Into<String>) -> PyErr {
    vm.new_error(&errors(vm).unpickling, msg)
}

/// A Pickler's memo, kept between its `dump` calls: each pickled object's
/// id, its memo index, and the object (held so that its id stays unique).
pub struct Memo {
    class: Rc<Class>,
    entries: RefCell<std::collections::HashMap<usize, (u32, Value)>>,
    /// Memo indices of strs CPython interns, by text (see `encode::interned_name`).
    names: RefCell<std::collections::HashMap<String, u32>>,
}

impl NativeObject for Memo {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        for (_, v) in self.entries.borrow().values() {
            visit.value(v);
        }
    }
}

fn memo_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("_pickle.PicklerMemo", |vm| {
        let c = new_class(
            "PicklerMemo",
            std::slice::from_ref(&vm.types.object),
            Layout::Builtin,
            "_pickle",
        );
        crate::vm::types::add_methods(
            &c,
            "PicklerMemo",
            &[("clear", memo_clear), ("__len__", memo_len)],
        );
        c
    })
}

static NEW_MEMO: Signature =
    Signature::new(Style::Exact, "_new_memo", "").doc("Return a new, empty pickle memo.");

fn new_memo(vm: &Vm, args: Args) -> PyResult {
    NEW_MEMO.bind::<0, 0>(vm, args)?;
    Ok(Value::native(Memo {
        class: memo_class(vm),
        entries: RefCell::new(Default::default()),
        names: RefCell::new(Default::default()),
    }))
}

fn this_memo<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a Memo> {
    args.get(0)
        .and_then(|v| v.downcast_native::<Memo>())
        .ok_or_else(|| vm.type_error("descriptor requires a '_pickle.PicklerMemo' object"))
}

fn memo_clear(vm: &Vm, args: Args) -> PyResult {
    let memo = this_memo(vm, &args)?;
    memo.entries.borrow_mut().clear();
    memo.names.borrow_mut().clear();
    Ok(Value::None)
}

fn memo_len(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::Int(
        this_memo(vm, &args)?.entries.borrow().len() as i64
    ))
}
