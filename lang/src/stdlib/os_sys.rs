//! The POSIX half of `os`: file descriptors, `stat`, permissions, links and
//! what the C library reports about the system (`uname`, `times`,
//! `strerror`, the terminal size). Each native is one system call through
//! `libc`, with CPython's `OSError` subclass chosen by errno.

use crate::objects::{Args, Name, PyErr, PyResult, Value};
use crate::vm::Vm;
use std::ffi::{CStr, CString};
use std::rc::Rc;

/// The natives of this file, registered into `os` by `os::make`.
pub(crate) const NATIVES: &[(&str, crate::objects::NativeFn)] = &[
    ("_stat", stat),
    ("open", open),
    ("read", read),
    ("write", write),
    ("close", close),
    ("pipe", pipe),
    ("dup", dup),
    ("dup2", dup2),
    ("lseek", lseek),
    ("fsync", fsync),
    ("ftruncate", ftruncate),
    ("truncate", truncate),
    ("isatty", isatty),
    ("umask", umask),
    ("access", access),
    ("chmod", chmod),
    ("_utime", utime),
    ("symlink", symlink),
    ("readlink", readlink),
    ("link", link),
    ("strerror", strerror),
    ("_uname", uname),
    ("_times", times),
    ("_terminal_size", terminal_size),
    ("getuid", getuid),
    ("geteuid", geteuid),
    ("getgid", getgid),
    ("getegid", getegid),
    ("_statvfs_usage", statvfs_usage),
];

/// The text the C library gives an errno.
pub(crate) fn strerror_text(errno: i32) -> String {
    // SAFETY: strerror returns a pointer to a NUL-terminated string that
    // stays valid until the next call on this thread; we copy it at once.
    unsafe { CStr::from_ptr(libc::strerror(errno)) }
        .to_string_lossy()
        .into_owned()
}

/// The `OSError` subclass CPython raises for an errno, with its filenames.
pub(crate) fn errno_error(
    vm: &Vm,
    errno: i32,
    filename: Option<&Value>,
    filename2: Option<&Value>,
) -> PyErr {
    let class = errno_class(vm, errno);
    let mut args = vec![
        Value::Int(errno as i64),
        Value::string(strerror_text(errno)),
    ];
    if let Some(f) = filename {
        args.push(f.clone());
    }
    let err = vm.new_exception(class, args);
    if let Some(f2) = filename2 {
        err.0.set_attr(Name::new("filename2"), f2.clone());
    }
    err
}

/// The `OSError` subclass CPython chooses for an errno (`OSError` itself
/// for the rest).
pub(crate) fn errno_class(vm: &Vm, errno: i32) -> &std::rc::Rc<crate::objects::Class> {
    let e = &vm.exc;
    match errno {
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => &e.blocking_io_error,
        libc::ECHILD => &e.child_process_error,
        libc::EPIPE | libc::ESHUTDOWN => &e.broken_pipe_error,
        libc::ECONNABORTED => &e.connection_aborted_error,
        libc::ECONNREFUSED => &e.connection_refused_error,
        libc::ECONNRESET => &e.connection_reset_error,
        libc::EEXIST => &e.file_exists_error,
        libc::ENOENT => &e.file_not_found_error,
        libc::EINTR => &e.interrupted_error,
        libc::EISDIR => &e.is_a_directory_error,
        libc::ENOTDIR => &e.not_a_directory_error,
        libc::EACCES | libc::EPERM => &e.permission_error,
        libc::ESRCH => &e.process_lookup_error,
        libc::ETIMEDOUT => &e.timeout_error,
        _ => &e.os_error,
    }
}

/// The error of the last failed system call.
fn last_error(vm: &Vm, filename: Option<&Value>) -> PyErr {
    let errno = std::io::Error::last_os_error()
        .raw_os_error()
        .unwrap_or(libc::EIO);
    errno_error(vm, errno, filename, None)
}

/// A path argument as the C string a system call takes: str, bytes or an
/// object with `__fspath__`.
fn c_path(vm: &Vm, v: &Value, fname: &str) -> PyResult<CString> {
    let bytes: Vec<u8> = match v {
        Value::Str(s) => s.as_str().as_bytes().to_vec(),
        Value::Bytes(b) => b.as_ref().clone(),
        other if vm.class_of(other).lookup_str("__fspath__").is_some() => {
            let r = vm.call_method(other, "__fspath__", &[])?;
            return c_path(vm, &r, fname);
        }
        other => {
            return Err(vm.type_error(format!(
                "{fname}: path should be string, bytes or os.PathLike, not {}",
                vm.type_name(other)
            )))
        }
    };
    CString::new(bytes)
        .map_err(|_| vm.value_error(format!("{fname}: embedded null character in path")))
}

fn fd_arg(vm: &Vm, v: &Value) -> PyResult<libc::c_int> {
    let n = vm.to_index(v)?;
    libc::c_int::try_from(n).map_err(|_| vm.overflow_error("fd is greater than maximum"))
}

fn int_arg(vm: &Vm, v: Option<&Value>, default: i64) -> PyResult<i64> {
    v.map_or(Ok(default), |v| vm.to_index(v))
}

/// Turns a C return value into a result: -1 is the last error.
fn check(vm: &Vm, ret: libc::c_int, filename: Option<&Value>) -> PyResult<libc::c_int> {
    if ret == -1 {
        Err(last_error(vm, filename))
    } else {
        Ok(ret)
    }
}

/// `_stat(path_or_fd, follow_symlinks)`: `(mode, ino, dev, nlink, uid, gid,
/// size, atime_ns, mtime_ns, ctime_ns, blksize, blocks, rdev)`, built into
/// `os.stat_result` by `os.py`.
fn stat(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "stat", 1, 2)?;
    let target = &args.pos[0];
    let follow = args.get(1).map_or(Ok(true), |v| vm.truthy(v))?;
    // SAFETY: an all-zero `stat` is a valid value for the call to fill.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    let ret = if let Value::Int(_) = target {
        // SAFETY: `st` is valid and writable; a bad fd gives EBADF.
        unsafe { libc::fstat(fd_arg(vm, target)?, &mut st) }
    } else {
        let path = c_path(vm, target, "stat")?;
        // SAFETY: `path` is NUL-terminated and `st` is writable.
        unsafe {
            if follow {
                libc::stat(path.as_ptr(), &mut st)
            } else {
                libc::lstat(path.as_ptr(), &mut st)
            }
        }
    };
    check(
        vm,
        ret,
        (!matches!(target, Value::Int(_))).then_some(target),
    )?;
    let ns = |s: i64, n: i64| Value::from_bigint(num_bigint::BigInt::from(s) * 1_000_000_000 + n);
    Ok(Value::tuple(vec![
        Value::Int(st.st_mode as i64),
        Value::Int(st.st_ino as i64),
        Value::Int(st.st_dev as i64),
        Value::Int(st.st_nlink as i64),
        Value::Int(st.st_uid as i64),
        Value::Int(st.st_gid as i64),
        Value::Int(st.st_size),
        ns(st.st_atime, st.st_atime_nsec),
        ns(st.st_mtime, st.st_mtime_nsec),
        ns(st.st_ctime, st.st_ctime_nsec),
        Value::Int(st.st_blksize),
        Value::Int(st.st_blocks),
        Value::Int(st.st_rdev as i64),
    ]))
}

/// `open(path, flags, mode=0o777)`: a new file descriptor.
fn open(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "open", 2, 3)?;
    let path = c_path(vm, &args.pos[0], "open")?;
    let flags = vm.to_index(&args.pos[1])? as libc::c_int | libc::O_CLOEXEC;
    let mode = int_arg(vm, args.get(2), 0o777)? as libc::c_uint;
    // SAFETY: `path` is NUL-terminated; open takes the mode as a variadic uint.
    let fd = unsafe { libc::open(path.as_ptr(), flags, mode) };
    Ok(Value::Int(check(vm, fd, Some(&args.pos[0]))? as i64))
}

fn read(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "read", 2, 2)?;
    let fd = fd_arg(vm, &args.pos[0])?;
    let n = vm.to_index(&args.pos[1])?;
    if n < 0 {
        return Err(errno_error(vm, libc::EINVAL, None, None));
    }
    let mut buf = vec![0u8; n as usize];
    // SAFETY: `buf` has room for `n` bytes.
    let got = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
    if got < 0 {
        return Err(last_error(vm, None));
    }
    buf.truncate(got as usize);
    Ok(Value::Bytes(Rc::new(buf)))
}

fn write(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "write", 2, 2)?;
    let fd = fd_arg(vm, &args.pos[0])?;
    let data = crate::objects::bytes::bytes_like(&args.pos[1]).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(&args.pos[1])
        ))
    })?;
    // SAFETY: `data` is valid for `data.len()` bytes.
    let n = unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) };
    if n < 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::Int(n as i64))
}

/// A native that takes one fd and returns nothing.
macro_rules! fd_call {
    ($name:ident, $text:literal, $call:path) => {
        fn $name(vm: &Vm, args: Args) -> PyResult {
            args.check(vm, $text, 1, 1)?;
            let fd = fd_arg(vm, &args.pos[0])?;
            // SAFETY: a bad fd gives EBADF, never undefined behaviour.
            check(vm, unsafe { $call(fd) }, None)?;
            Ok(Value::None)
        }
    };
}

fd_call!(close, "close", libc::close);
fd_call!(fsync, "fsync", libc::fsync);

fn dup(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "dup", 1, 1)?;
    let fd = fd_arg(vm, &args.pos[0])?;
    // SAFETY: a bad fd gives EBADF.
    let new = check(
        vm,
        unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) },
        None,
    )?;
    Ok(Value::Int(new as i64))
}

fn dup2(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "dup2", 2, 3)?;
    let fd = fd_arg(vm, &args.pos[0])?;
    let fd2 = fd_arg(vm, &args.pos[1])?;
    // SAFETY: bad fds give EBADF.
    let new = check(vm, unsafe { libc::dup2(fd, fd2) }, None)?;
    Ok(Value::Int(new as i64))
}

fn pipe(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "pipe", 0, 0)?;
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `fds` has room for the two descriptors.
    check(
        vm,
        unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) },
        None,
    )?;
    Ok(Value::tuple(vec![
        Value::Int(fds[0] as i64),
        Value::Int(fds[1] as i64),
    ]))
}

fn lseek(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "lseek", 3, 3)?;
    let fd = fd_arg(vm, &args.pos[0])?;
    let pos = vm.to_index(&args.pos[1])?;
    let how = fd_arg(vm, &args.pos[2])?;
    // SAFETY: a bad fd or whence gives an errno.
    let at = unsafe { libc::lseek(fd, pos, how) };
    if at < 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::Int(at))
}

fn ftruncate(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "ftruncate", 2, 2)?;
    let fd = fd_arg(vm, &args.pos[0])?;
    let len = vm.to_index(&args.pos[1])?;
    // SAFETY: a bad fd gives EBADF.
    check(vm, unsafe { libc::ftruncate(fd, len) }, None)?;
    Ok(Value::None)
}

fn truncate(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "truncate", 2, 2)?;
    let path = c_path(vm, &args.pos[0], "truncate")?;
    let len = vm.to_index(&args.pos[1])?;
    // SAFETY: `path` is NUL-terminated.
    check(
        vm,
        unsafe { libc::truncate(path.as_ptr(), len) },
        Some(&args.pos[0]),
    )?;
    Ok(Value::None)
}

fn isatty(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "isatty", 1, 1)?;
    let fd = fd_arg(vm, &args.pos[0])?;
    // SAFETY: isatty on any int is defined.
    Ok(Value::from_bool(unsafe { libc::isatty(fd) } == 1))
}

fn umask(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "umask", 1, 1)?;
    let mask = vm.to_index(&args.pos[0])? as libc::mode_t;
    // SAFETY: umask cannot fail.
    Ok(Value::Int(unsafe { libc::umask(mask) } as i64))
}

fn access(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "access", 2, 2)?;
    let path = c_path(vm, &args.pos[0], "access")?;
    let mode = fd_arg(vm, &args.pos[1])?;
    // SAFETY: `path` is NUL-terminated.
    Ok(Value::from_bool(
        unsafe { libc::access(path.as_ptr(), mode) } == 0,
    ))
}

fn chmod(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "chmod", 2, 2)?;
    let mode = vm.to_index(&args.pos[1])? as libc::mode_t;
    let ret = if let Value::Int(_) = args.pos[0] {
        // SAFETY: a bad fd gives EBADF.
        unsafe { libc::fchmod(fd_arg(vm, &args.pos[0])?, mode) }
    } else {
        let path = c_path(vm, &args.pos[0], "chmod")?;
        // SAFETY: `path` is NUL-terminated.
        unsafe { libc::chmod(path.as_ptr(), mode) }
    };
    check(vm, ret, Some(&args.pos[0]))?;
    Ok(Value::None)
}

/// `_utime(path, atime_ns, mtime_ns)`, or the current time when the two are None.
fn utime(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "utime", 3, 3)?;
    let path = c_path(vm, &args.pos[0], "utime")?;
    let spec = |v: &Value| -> PyResult<libc::timespec> {
        if let Value::None = v {
            return Ok(libc::timespec {
                tv_sec: 0,
                tv_nsec: libc::UTIME_NOW,
            });
        }
        let ns = vm.to_index(v)?;
        Ok(libc::timespec {
            tv_sec: ns.div_euclid(1_000_000_000),
            tv_nsec: ns.rem_euclid(1_000_000_000),
        })
    };
    let times = [spec(&args.pos[1])?, spec(&args.pos[2])?];
    // SAFETY: `path` is NUL-terminated and `times` holds two timespecs.
    let ret = unsafe { libc::utimensat(libc::AT_FDCWD, path.as_ptr(), times.as_ptr(), 0) };
    check(vm, ret, Some(&args.pos[0]))?;
    Ok(Value::None)
}

/// A native over a call that takes two paths.
macro_rules! two_path_call {
    ($name:ident, $text:literal, $call:path) => {
        fn $name(vm: &Vm, args: Args) -> PyResult {
            args.check(vm, $text, 2, 3)?;
            let src = c_path(vm, &args.pos[0], $text)?;
            let dst = c_path(vm, &args.pos[1], $text)?;
            // SAFETY: both paths are NUL-terminated.
            if unsafe { $call(src.as_ptr(), dst.as_ptr()) } == -1 {
                let errno = std::io::Error::last_os_error()
                    .raw_os_error()
                    .unwrap_or(libc::EIO);
                return Err(errno_error(
                    vm,
                    errno,
                    Some(&args.pos[0]),
                    Some(&args.pos[1]),
                ));
            }
            Ok(Value::None)
        }
    };
}

two_path_call!(symlink, "symlink", libc::symlink);
two_path_call!(link, "link", libc::link);

fn readlink(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "readlink", 1, 1)?;
    let path = c_path(vm, &args.pos[0], "readlink")?;
    let mut buf = vec![0u8; libc::PATH_MAX as usize];
    // SAFETY: `buf` has room for `buf.len()` bytes.
    let n = unsafe { libc::readlink(path.as_ptr(), buf.as_mut_ptr().cast(), buf.len()) };
    if n < 0 {
        return Err(last_error(vm, Some(&args.pos[0])));
    }
    buf.truncate(n as usize);
    Ok(match args.pos[0] {
        Value::Bytes(_) => Value::Bytes(Rc::new(buf)),
        _ => Value::string(String::from_utf8_lossy(&buf).into_owned()),
    })
}

fn strerror(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "strerror", 1, 1)?;
    let code = vm.to_index(&args.pos[0])?;
    let code = i32::try_from(code)
        .map_err(|_| vm.overflow_error("signed integer is greater than maximum"))?;
    Ok(Value::string(strerror_text(code)))
}

/// `(sysname, nodename, release, version, machine)` for `os.uname_result`.
fn uname(vm: &Vm, _args: Args) -> PyResult {
    // SAFETY: an all-zero utsname is valid for uname to fill.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: `u` is writable.
    check(vm, unsafe { libc::uname(&mut u) }, None)?;
    let field = |f: &[libc::c_char]| {
        // SAFETY: uname NUL-terminates every field within its array.
        let s = unsafe { CStr::from_ptr(f.as_ptr()) };
        Value::string(s.to_string_lossy().into_owned())
    };
    Ok(Value::tuple(vec![
        field(&u.sysname),
        field(&u.nodename),
        field(&u.release),
        field(&u.version),
        field(&u.machine),
    ]))
}

/// `(user, system, children_user, children_system, elapsed)` in seconds.
fn times(vm: &Vm, _args: Args) -> PyResult {
    // SAFETY: an all-zero tms is valid for times to fill.
    let mut t: libc::tms = unsafe { std::mem::zeroed() };
    // SAFETY: `t` is writable.
    let elapsed = unsafe { libc::times(&mut t) };
    if elapsed == (-1i64) as libc::clock_t {
        return Err(last_error(vm, None));
    }
    // SAFETY: sysconf has no preconditions.
    let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    let secs = |c: libc::clock_t| Value::float(c as f64 / ticks);
    Ok(Value::tuple(vec![
        secs(t.tms_utime),
        secs(t.tms_stime),
        secs(t.tms_cutime),
        secs(t.tms_cstime),
        secs(elapsed),
    ]))
}

/// `(columns, lines)` of the terminal on an fd.
fn terminal_size(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "get_terminal_size", 1, 1)?;
    let fd = fd_arg(vm, &args.pos[0])?;
    // SAFETY: an all-zero winsize is valid for the ioctl to fill.
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: TIOCGWINSZ writes one winsize through the pointer.
    check(
        vm,
        unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) },
        None,
    )?;
    Ok(Value::tuple(vec![
        Value::Int(ws.ws_col as i64),
        Value::Int(ws.ws_row as i64),
    ]))
}

/// A native returning one id of the process.
macro_rules! id_call {
    ($name:ident, $call:path) => {
        fn $name(_vm: &Vm, _args: Args) -> PyResult {
            // SAFETY: these calls cannot fail.
            Ok(Value::Int(unsafe { $call() } as i64))
        }
    };
}

id_call!(getuid, libc::getuid);
id_call!(geteuid, libc::geteuid);
id_call!(getgid, libc::getgid);
id_call!(getegid, libc::getegid);

/// `(total, free, available)` bytes of the file system holding a path.
fn statvfs_usage(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "disk_usage", 1, 1)?;
    let path = c_path(vm, &args.pos[0], "disk_usage")?;
    // SAFETY: an all-zero statvfs is valid for the call to fill.
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: `path` is NUL-terminated and `st` is writable.
    check(
        vm,
        unsafe { libc::statvfs(path.as_ptr(), &mut st) },
        Some(&args.pos[0]),
    )?;
    let bytes = |blocks: libc::fsblkcnt_t| {
        Value::from_bigint(num_bigint::BigInt::from(blocks) * num_bigint::BigInt::from(st.f_frsize))
    };
    Ok(Value::tuple(vec![
        bytes(st.f_blocks),
        bytes(st.f_bfree),
        bytes(st.f_bavail),
    ]))
}
