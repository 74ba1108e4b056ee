//! `logging`: written in towel (`logging.py`, `logging_handlers.py`,
//! `logging_config.py`); these natives are what it needs from the system
//! that towel's `time` and `threading` modules do not offer yet: local
//! time and `strftime` for `%(asctime)s` and the thread identity for
//! `%(thread)d`. `logging.py` uses `time.localtime`/`time.strftime` and
//! `threading.get_ident` instead when those exist.

use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Module, NativeFn, PyResult, Value};
use crate::vm::Vm;
use std::rc::Rc;

const FUNCTIONS: &[(&Signature, NativeFn)] = &[
    (&LOCALTIME, localtime),
    (&STRFTIME, strftime),
    (&GET_IDENT, get_ident),
];

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with_declared(vm, "logging", FUNCTIONS);
    super::exec_source(vm, &m, super::stdlib_source!("logging.py"))?;
    Ok(m)
}

static LOCALTIME: Signature = Signature::new(Style::Positional, "_localtime", "seconds, /")
    .doc("Return the local time fields of a timestamp.");

/// `_localtime(seconds)`: the local time as `time.localtime` gives it, a
/// 9-tuple (year, month, day, hour, minute, second, weekday with Monday 0,
/// day of the year from 1, DST flag).
fn localtime(vm: &Vm, args: Args) -> PyResult {
    let ([seconds], []) = LOCALTIME.bind(vm, args)?;
    let seconds = crate::builtins::number::to_f64(vm, seconds)?;
    let t = seconds.floor() as libc::time_t;
    // SAFETY: `tm` is plain old data that `localtime_r` fills in; both
    // pointers are valid for the call and it keeps neither.
    let tm = unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        if libc::localtime_r(&t, &mut tm).is_null() {
            return Err(vm.overflow_error("timestamp out of range for platform time_t"));
        }
        tm
    };
    let fields = [
        tm.tm_year as i64 + 1900,
        tm.tm_mon as i64 + 1,
        tm.tm_mday as i64,
        tm.tm_hour as i64,
        tm.tm_min as i64,
        tm.tm_sec as i64,
        (tm.tm_wday as i64 + 6) % 7,
        tm.tm_yday as i64 + 1,
        tm.tm_isdst as i64,
    ];
    Ok(Value::tuple(
        fields.iter().map(|&f| Value::Int(f)).collect(),
    ))
}

static STRFTIME: Signature = Signature::new(Style::Positional, "_strftime", "format, fields, /")
    .doc("Return the time fields formatted by a strftime format.");

/// `_strftime(format, fields)`: C's `strftime` on a 9-tuple of `_localtime`.
fn strftime(vm: &Vm, args: Args) -> PyResult {
    let ([format, fields], []) = STRFTIME.bind(vm, args)?;
    let Some(format) = format.as_str() else {
        return Err(vm.type_error("strftime() argument 1 must be str"));
    };
    let fields: Vec<i64> = vm
        .to_vec(fields)?
        .iter()
        .map(|f| vm.to_index(f))
        .collect::<PyResult<_>>()?;
    let [year, mon, mday, hour, min, sec, wday, yday, isdst] = fields[..] else {
        return Err(vm.type_error("time tuple must have 9 fields"));
    };
    // SAFETY: `tm` is plain old data; every field C reads is set below.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    tm.tm_year = (year - 1900) as libc::c_int;
    tm.tm_mon = (mon - 1) as libc::c_int;
    tm.tm_mday = mday as libc::c_int;
    tm.tm_hour = hour as libc::c_int;
    tm.tm_min = min as libc::c_int;
    tm.tm_sec = sec as libc::c_int;
    tm.tm_wday = ((wday + 1) % 7) as libc::c_int;
    tm.tm_yday = (yday - 1) as libc::c_int;
    tm.tm_isdst = isdst as libc::c_int;
    if isdst >= 0 {
        // The zone's name and offset for %Z and %z, as localtime would set them.
        // SAFETY: `copy` is a valid `tm` for `mktime` to normalise and fill in.
        unsafe {
            let mut copy = tm;
            libc::mktime(&mut copy);
            tm.tm_gmtoff = copy.tm_gmtoff;
            tm.tm_zone = copy.tm_zone;
        }
    }
    let c_format =
        std::ffi::CString::new(format).map_err(|_| vm.value_error("embedded null character"))?;
    let mut size = 256 + format.len() * 8;
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: `buf` has `size` writable bytes, `c_format` is
        // NUL-terminated and `tm` is a valid, initialised `tm`.
        let n = unsafe {
            libc::strftime(
                buf.as_mut_ptr() as *mut libc::c_char,
                size,
                c_format.as_ptr(),
                &tm,
            )
        };
        // 0 is also the right length for a format that prints nothing.
        if n > 0 || size > 64 * 1024 || format.is_empty() {
            buf.truncate(n);
            return Ok(Value::string(String::from_utf8_lossy(&buf).into_owned()));
        }
        size *= 4;
    }
}

static GET_IDENT: Signature =
    Signature::new(Style::Exact, "_get_ident", "").doc("Return the current thread's identifier.");

/// `_get_ident()`: the running thread's identity, as `threading.get_ident`.
fn get_ident(vm: &Vm, args: Args) -> PyResult {
    GET_IDENT.bind::<0, 0>(vm, args)?;
    // SAFETY: pthread_self has no preconditions.
    let id = unsafe { libc::pthread_self() };
    Ok(Value::from_bigint((id as u64).into()))
}
