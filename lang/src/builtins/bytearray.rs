//! `bytearray`: a mutable byte string (the common methods).

use crate::objects::{Args, Class, NativeObject, PyResult, Value};
use crate::vm::types::{add_methods, new_class};
use crate::vm::Vm;
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

pub struct ByteArray {
    class: Rc<Class>,
    pub bytes: RefCell<Vec<u8>>,
}

impl NativeObject for ByteArray {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub fn class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("bytearray", |vm| {
        new_class(
            "bytearray",
            &[vm.types.object.clone()],
            crate::objects::class::Layout::Builtin,
            "builtins",
        )
    })
}

pub fn install(vm: &Vm) {
    let c = class(vm);
    add_methods(
        &c,
        "bytearray",
        &[
            ("__new__", new),
            ("__repr__", repr),
            ("__len__", len),
            ("__getitem__", getitem),
            ("__iter__", iter),
            ("__eq__", eq),
            ("append", append),
            ("extend", extend),
            ("decode", decode),
        ],
    );
    vm.builtins
        .set_name(&crate::objects::Name::new("bytearray"), Value::Class(c));
}

fn this<'a>(vm: &Vm, args: &'a Args) -> PyResult<&'a ByteArray> {
    args.get(0)
        .and_then(|v| v.downcast_native::<ByteArray>())
        .ok_or_else(|| vm.type_error("descriptor requires a 'bytearray' object"))
}

fn new(vm: &Vm, args: Args) -> PyResult {
    let rest = args.skip_first();
    let bytes = match rest.get(0) {
        None => Vec::new(),
        Some(v) => match vm.call(&Value::Class(vm.types.bytes.clone()), rest.pos)? {
            Value::Bytes(b) => b.to_vec(),
            _ => {
                return Err(vm.type_error(format!(
                    "cannot convert '{}' object to bytearray",
                    vm.type_name(v)
                )))
            }
        },
    };
    Ok(Value::native(ByteArray {
        class: class(vm),
        bytes: RefCell::new(bytes),
    }))
}

fn repr(vm: &Vm, args: Args) -> PyResult {
    let b = this(vm, &args)?;
    Ok(Value::string(format!(
        "bytearray({})",
        crate::objects::bytes::repr_bytes(&b.bytes.borrow())
    )))
}

fn len(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::Int(this(vm, &args)?.bytes.borrow().len() as i64))
}

fn snapshot(vm: &Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::Bytes(Rc::new(
        this(vm, args)?.bytes.borrow().clone(),
    )))
}

fn getitem(vm: &Vm, args: Args) -> PyResult {
    let b = snapshot(vm, &args)?;
    vm.get_item(&b, args.get(1).unwrap_or(&Value::None))
}

fn iter(vm: &Vm, args: Args) -> PyResult {
    vm.iter(&snapshot(vm, &args)?)
}

fn eq(vm: &Vm, args: Args) -> PyResult {
    let mine = this(vm, &args)?.bytes.borrow().clone();
    Ok(match args.get(1) {
        Some(Value::Bytes(b)) => Value::from_bool(**b == mine),
        Some(other) => match other.downcast_native::<ByteArray>() {
            Some(o) => Value::from_bool(*o.bytes.borrow() == mine),
            None => Value::NotImplemented,
        },
        None => Value::NotImplemented,
    })
}

fn append(vm: &Vm, args: Args) -> PyResult {
    let b = this(vm, &args)?;
    let i = vm.to_index(args.get(1).unwrap_or(&Value::None))?;
    let byte = u8::try_from(i).map_err(|_| vm.value_error("byte must be in range(0, 256)"))?;
    b.bytes.borrow_mut().push(byte);
    Ok(Value::None)
}

fn extend(vm: &Vm, args: Args) -> PyResult {
    let b = this(vm, &args)?;
    for v in vm.to_vec(args.get(1).unwrap_or(&Value::None))? {
        let i = vm.to_index(&v)?;
        b.bytes
            .borrow_mut()
            .push(u8::try_from(i).map_err(|_| vm.value_error("byte must be in range(0, 256)"))?);
    }
    Ok(Value::None)
}

fn decode(vm: &Vm, args: Args) -> PyResult {
    let b = snapshot(vm, &args)?;
    vm.call_method(&b, "decode", &args.pos[1..])
}
