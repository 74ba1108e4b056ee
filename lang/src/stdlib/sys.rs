//! `sys`: argv, exit, the standard streams, the recursion limit, frames
//! (`_getframe`), tracing and the hooks the VM reports through.

use crate::objects::{Args, Module, PyResult, Value};
use crate::vm::Vm;
use std::rc::Rc;

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with(
        vm,
        "sys",
        &[
            ("exit", exit),
            ("getrecursionlimit", getrecursionlimit),
            ("setrecursionlimit", setrecursionlimit),
            ("exc_info", exc_info),
            ("exception", exception),
            ("getsizeof", getsizeof),
            ("intern", intern),
            ("_getframe", getframe),
            ("settrace", settrace),
            ("gettrace", gettrace),
            ("setprofile", setprofile),
            ("getprofile", getprofile),
            ("excepthook", crate::vm::hooks::excepthook),
            ("displayhook", crate::vm::hooks::displayhook),
            ("unraisablehook", crate::vm::hooks::unraisablehook),
            (
                "set_coroutine_origin_tracking_depth",
                set_coroutine_origin_tracking_depth,
            ),
            (
                "get_coroutine_origin_tracking_depth",
                get_coroutine_origin_tracking_depth,
            ),
        ],
    );
    // The defaults stay reachable when a program replaces a hook.
    for hook in ["excepthook", "displayhook", "unraisablehook"] {
        let default = m.ns.get_name(&crate::objects::Name::new(hook));
        super::set(&m, &format!("__{hook}__"), default.unwrap_or_default());
    }
    let argv = vm.argv.borrow().iter().map(|a| Value::str(a)).collect();
    super::set(&m, "argv", Value::list(argv));
    super::set(&m, "stdout", crate::builtins::io::stream(vm, 1));
    super::set(&m, "stderr", crate::builtins::io::stream(vm, 2));
    super::set(&m, "__stdout__", crate::builtins::io::stream(vm, 1));
    super::set(&m, "__stderr__", crate::builtins::io::stream(vm, 2));
    super::set(&m, "platform", Value::str(std::env::consts::OS));
    super::set(&m, "maxsize", Value::Int(i64::MAX));
    super::set(
        &m,
        "byteorder",
        Value::str(if cfg!(target_endian = "little") {
            "little"
        } else {
            "big"
        }),
    );
    super::set(
        &m,
        "version",
        Value::str(concat!("3.11.0 (towel ", env!("CARGO_PKG_VERSION"), ")")),
    );
    super::set(
        &m,
        "version_info",
        Value::tuple(vec![
            Value::Int(3),
            Value::Int(11),
            Value::Int(0),
            Value::str("final"),
            Value::Int(0),
        ]),
    );
    super::set(&m, "implementation", Value::str("towel"));
    super::set(
        &m,
        "executable",
        Value::string(
            std::env::current_exe()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
        ),
    );
    let path = vm
        .path
        .borrow()
        .iter()
        .map(|p| Value::string(p.display().to_string()))
        .collect();
    super::set(&m, "path", Value::list(path));
    let modules = crate::objects::PyDict::new();
    super::set(&m, "modules", Value::Dict(Rc::new(modules)));
    Ok(m)
}

fn exit(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "exit", 0, 1)?;
    Err(vm.new_exception(&vm.exc.system_exit, args.pos.to_vec()))
}

fn getrecursionlimit(vm: &Vm, _args: Args) -> PyResult {
    Ok(Value::Int(vm.recursion_limit.get() as i64))
}

fn setrecursionlimit(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "setrecursionlimit", 1, 1)?;
    let n = vm.to_index(&args.pos[0])?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    vm.recursion_limit.set(n as usize);
    Ok(Value::None)
}

fn exc_info(vm: &Vm, _args: Args) -> PyResult {
    Ok(match vm.current_exception() {
        Some(e) => {
            let t = Value::Class(vm.class_of(&e));
            let tb = vm.get_attr_str(&e, "__traceback__")?;
            Value::tuple(vec![t, e, tb])
        }
        None => Value::tuple(vec![Value::None, Value::None, Value::None]),
    })
}

fn exception(vm: &Vm, _args: Args) -> PyResult {
    Ok(vm.current_exception().unwrap_or_default())
}

fn getsizeof(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "getsizeof", 1, 2)?;
    Ok(Value::Int(match &args.pos[0] {
        Value::Int(_) => 28,
        Value::Float(_) => 24,
        Value::Str(s) => 49 + s.as_str().len() as i64,
        Value::List(l) => 56 + 8 * l.len() as i64,
        Value::Tuple(t) => 40 + 8 * t.0.len() as i64,
        Value::Generator(_) => 104,
        _ => 48,
    }))
}

fn intern(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "intern", 1, 1)?;
    Ok(args.pos[0].clone())
}

/// `sys._getframe(depth=0)`: the frame `depth` calls out from the caller's.
fn getframe(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "_getframe", 0, 1)?;
    let depth = match args.get(0) {
        Some(d) => vm.to_index(d)?,
        None => 0,
    };
    usize::try_from(depth)
        .ok()
        .and_then(|d| vm.frame_object_at(d))
        .ok_or_else(|| vm.value_error("call stack is not deep enough"))
}

fn settrace(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "settrace", 1, 1)?;
    vm.set_trace_function(args.pos[0].clone(), false);
    Ok(Value::None)
}

fn gettrace(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "gettrace", 0, 0)?;
    Ok(vm.tracing.trace.borrow().clone())
}

fn setprofile(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "setprofile", 1, 1)?;
    vm.set_trace_function(args.pos[0].clone(), true);
    Ok(Value::None)
}

fn getprofile(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "getprofile", 0, 0)?;
    Ok(vm.tracing.profile.borrow().clone())
}

/// How many frames a new coroutine's `cr_origin` records.
fn set_coroutine_origin_tracking_depth(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "set_coroutine_origin_tracking_depth", 1, 1)?;
    let depth = vm.to_index(&args.pos[0])?;
    let depth = usize::try_from(depth).map_err(|_| vm.value_error("depth must be >= 0"))?;
    vm.coroutine_origin_depth.set(depth);
    Ok(Value::None)
}

fn get_coroutine_origin_tracking_depth(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "get_coroutine_origin_tracking_depth", 0, 0)?;
    Ok(Value::Int(vm.coroutine_origin_depth.get() as i64))
}
