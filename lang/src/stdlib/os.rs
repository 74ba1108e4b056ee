//! `os` and `os.path`: the process environment, the working directory and
//! files, over `std::env` and `std::fs`. Path arithmetic (join, split,
//! normpath, ...) is pure string work and lives in `os_path.py`; `environ`,
//! `walk` and `makedirs` are in `os.py`.

use crate::objects::{Args, Module, PyErr, PyResult, Value};
use crate::vm::Vm;
use std::rc::Rc;

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with(
        vm,
        "os",
        &[
            ("getcwd", getcwd),
            ("chdir", chdir),
            ("listdir", listdir),
            ("mkdir", mkdir),
            ("rmdir", rmdir),
            ("remove", remove),
            ("unlink", remove),
            ("rename", rename),
            ("replace", rename),
            ("getpid", getpid),
            ("getppid", getppid),
            ("cpu_count", cpu_count),
            ("urandom", urandom),
            ("system", system),
            ("_environ_items", environ_items),
            ("_putenv", putenv),
            ("_unsetenv", unsetenv),
        ],
    );
    for row in super::os_sys::NATIVES {
        super::set(&m, row.0, crate::builtins::native_row(row));
    }
    for row in super::os_process::NATIVES {
        super::set(&m, row.0.name(), crate::builtins::native_row(row));
    }
    for (name, value) in super::os_process::CONSTANTS {
        super::set(&m, name, Value::Int(*value as i64));
    }
    let strings = [
        ("name", "posix"),
        ("sep", "/"),
        ("altsep", ""),
        ("extsep", "."),
        ("pathsep", ":"),
        ("linesep", "\n"),
        ("curdir", "."),
        ("pardir", ".."),
        ("devnull", "/dev/null"),
    ];
    for (name, value) in strings {
        super::set(
            &m,
            name,
            if name == "altsep" {
                Value::None
            } else {
                Value::str(value)
            },
        );
    }
    super::exec_source(vm, &m, super::stdlib_source!("os.py"))?;
    Ok(m)
}

pub fn make_path(vm: &Vm) -> PyResult<Rc<Module>> {
    super::module_from_source(
        vm,
        "posixpath",
        &[
            ("_kind", path_kind),
            ("_getsize", getsize),
            ("_getmtime", getmtime),
        ],
        super::stdlib_source!("os_path.py"),
    )
}

/// The OSError subclass and errno CPython raises for an I/O error on `path`.
pub fn os_error(vm: &Vm, e: &std::io::Error, path: &str) -> PyErr {
    let errno = e.raw_os_error().unwrap_or(libc::EIO);
    super::os_sys::errno_error(vm, errno, Some(&Value::str(path)), None)
}

/// A path argument: str (or an object with `__fspath__`).
fn path_arg(vm: &Vm, v: Option<&Value>, fname: &str) -> PyResult<String> {
    match v {
        Some(Value::Str(s)) => Ok(s.as_str().to_string()),
        Some(other) if vm.class_of(other).lookup_str("__fspath__").is_some() => {
            let r = vm.call_method(other, "__fspath__", &[])?;
            path_arg(vm, Some(&r), fname)
        }
        Some(other) => Err(vm.type_error(format!(
            "{fname}: path should be string, bytes or os.PathLike, not {}",
            vm.type_name(other)
        ))),
        None => Err(vm.type_error(format!(
            "{fname}() missing required argument 'path' (pos 1)"
        ))),
    }
}

fn getcwd(vm: &Vm, _args: Args) -> PyResult {
    let dir = std::env::current_dir().map_err(|e| os_error(vm, &e, "."))?;
    Ok(Value::string(dir.display().to_string()))
}

fn chdir(vm: &Vm, args: Args) -> PyResult {
    let path = path_arg(vm, args.arg_or_kw(0, "path"), "chdir")?;
    std::env::set_current_dir(&path).map_err(|e| os_error(vm, &e, &path))?;
    Ok(Value::None)
}

fn listdir(vm: &Vm, args: Args) -> PyResult {
    let path = match args.arg_or_kw(0, "path") {
        None | Some(Value::None) => ".".to_string(),
        v => path_arg(vm, v, "listdir")?,
    };
    let mut names = Vec::new();
    for entry in std::fs::read_dir(&path).map_err(|e| os_error(vm, &e, &path))? {
        let entry = entry.map_err(|e| os_error(vm, &e, &path))?;
        names.push(Value::string(
            entry.file_name().to_string_lossy().into_owned(),
        ));
    }
    Ok(Value::list(names))
}

fn mkdir(vm: &Vm, args: Args) -> PyResult {
    use std::os::unix::fs::DirBuilderExt;
    let path = path_arg(vm, args.arg_or_kw(0, "path"), "mkdir")?;
    let mode = match args.arg_or_kw(1, "mode") {
        Some(m) => vm.to_index(m)? as u32,
        None => 0o777,
    };
    std::fs::DirBuilder::new()
        .mode(mode)
        .create(&path)
        .map_err(|e| os_error(vm, &e, &path))?;
    Ok(Value::None)
}

fn rmdir(vm: &Vm, args: Args) -> PyResult {
    let path = path_arg(vm, args.arg_or_kw(0, "path"), "rmdir")?;
    std::fs::remove_dir(&path).map_err(|e| os_error(vm, &e, &path))?;
    Ok(Value::None)
}

fn remove(vm: &Vm, args: Args) -> PyResult {
    let path = path_arg(vm, args.arg_or_kw(0, "path"), "remove")?;
    std::fs::remove_file(&path).map_err(|e| os_error(vm, &e, &path))?;
    Ok(Value::None)
}

fn rename(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "rename", 2, 2)?;
    let src = path_arg(vm, args.get(0), "rename")?;
    let dst = path_arg(vm, args.get(1), "rename")?;
    std::fs::rename(&src, &dst).map_err(|e| {
        let err = os_error(vm, &e, &src);
        err.0
            .set_attr(crate::objects::Name::new("filename2"), Value::str(&dst));
        err
    })?;
    Ok(Value::None)
}

fn getpid(_vm: &Vm, _args: Args) -> PyResult {
    Ok(Value::Int(std::process::id() as i64))
}

/// The parent's pid, read from /proc (0 where that is unavailable).
fn getppid(_vm: &Vm, _args: Args) -> PyResult {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let ppid = stat
        .rsplit(')')
        .next()
        .and_then(|rest| rest.split_whitespace().nth(1))
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    Ok(Value::Int(ppid))
}

fn cpu_count(_vm: &Vm, _args: Args) -> PyResult {
    Ok(std::thread::available_parallelism().map_or(Value::None, |n| Value::Int(n.get() as i64)))
}

fn urandom(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "urandom", 1, 1)?;
    let n = vm.to_index(&args.pos[0])?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    use std::io::Read;
    let mut buf = vec![0u8; n as usize];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .map_err(|e| os_error(vm, &e, "/dev/urandom"))?;
    Ok(Value::Bytes(Rc::new(buf)))
}

/// `os.system(command)`: runs it through `sh -c` and returns the wait status.
fn system(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "system", 1, 1)?;
    let command = path_arg(vm, args.get(0), "system")?;
    vm.flush_stdout();
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(&command)
        .status();
    Ok(Value::Int(match status {
        Ok(s) => s.code().map_or(-1, |c| (c as i64) << 8),
        Err(_) => 127 << 8,
    }))
}

fn environ_items(_vm: &Vm, _args: Args) -> PyResult {
    let items = std::env::vars_os()
        .map(|(k, v)| {
            Value::tuple(vec![
                Value::string(k.to_string_lossy().into_owned()),
                Value::string(v.to_string_lossy().into_owned()),
            ])
        })
        .collect();
    Ok(Value::list(items))
}

fn putenv(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "putenv", 2, 2)?;
    let (Some(k), Some(v)) = (args.pos[0].as_str(), args.pos[1].as_str()) else {
        return Err(vm.type_error("str expected"));
    };
    if k.is_empty() || k.contains('=') || k.contains('\0') || v.contains('\0') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    std::env::set_var(k, v);
    Ok(Value::None)
}

fn unsetenv(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "unsetenv", 1, 1)?;
    let Some(k) = args.pos[0].as_str() else {
        return Err(vm.type_error("str expected"));
    };
    if !k.is_empty() && !k.contains('=') && !k.contains('\0') {
        std::env::remove_var(k);
    }
    Ok(Value::None)
}

/// `"file"`, `"dir"`, `"link"`-free kind of a path, or None when it does not exist.
fn path_kind(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "_kind", 1, 2)?;
    let Some(path) = args.pos[0].as_str() else {
        return Ok(Value::None);
    };
    let follow = args.get(1).map_or(Ok(true), |v| vm.truthy(v))?;
    let meta = if follow {
        std::fs::metadata(path)
    } else {
        std::fs::symlink_metadata(path)
    };
    Ok(match meta {
        Ok(m) if m.file_type().is_symlink() => Value::str("link"),
        Ok(m) if m.is_dir() => Value::str("dir"),
        Ok(m) if m.is_file() => Value::str("file"),
        Ok(_) => Value::str("other"),
        Err(_) => Value::None,
    })
}

fn getsize(vm: &Vm, args: Args) -> PyResult {
    let path = path_arg(vm, args.get(0), "getsize")?;
    let meta = std::fs::metadata(&path).map_err(|e| os_error(vm, &e, &path))?;
    Ok(Value::Int(meta.len() as i64))
}

fn getmtime(vm: &Vm, args: Args) -> PyResult {
    let path = path_arg(vm, args.get(0), "getmtime")?;
    let meta = std::fs::metadata(&path).map_err(|e| os_error(vm, &e, &path))?;
    let t = meta
        .modified()
        .ok()
        .and_then(|m| m.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0.0, |d| d.as_secs_f64());
    Ok(Value::float(t))
}
