//! Socket addresses between Python's shapes and the OS's: `(host, port)` for
//! AF_INET, `(host, port, flowinfo, scope_id)` for AF_INET6, a path (str or
//! bytes; a leading NUL is Linux's abstract namespace) for AF_UNIX, with
//! CPython's errors for the wrong shape.

use super::{gai_error, resolve_error};
use crate::objects::{PyResult, Value};
use crate::vm::Vm;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6};
use std::rc::Rc;
use towel_runtime::socket::{getaddrinfo, Hints, SockAddr};

/// A Python address for `family` as the OS's; `what` names the call in
/// messages (`bind`, `connect`, `sendto`).
pub(crate) fn to_sockaddr(vm: &Vm, family: i32, addr: &Value, what: &str) -> PyResult<SockAddr> {
    match family {
        libc::AF_UNIX => unix_addr(vm, addr),
        libc::AF_INET => {
            let items = tuple_items(vm, addr, what, "AF_INET", 2, 2, "a pair (host, port)")?;
            let ip = host_ip(vm, &items[0], libc::AF_INET)?;
            let port = port(vm, &items[1], what)?;
            match ip {
                IpAddr::V4(ip) => Ok(SockAddr::from(SocketAddrV4::new(ip, port))),
                IpAddr::V6(_) => Err(gai_error(vm, libc::EAI_FAMILY)),
            }
        }
        libc::AF_INET6 => {
            let items = tuple_items(
                vm,
                addr,
                what,
                "AF_INET6",
                2,
                4,
                "a tuple (host, port[, flowinfo[, scopeid]])",
            )?;
            let ip = host_ip(vm, &items[0], libc::AF_INET6)?;
            let port = port(vm, &items[1], what)?;
            let flowinfo = match items.get(2) {
                Some(v) => {
                    let f = vm.to_index(v)?;
                    u32::try_from(f)
                        .ok()
                        .filter(|f| *f <= 0xfffff)
                        .ok_or_else(|| {
                            vm.overflow_error(format!("{what}(): flowinfo must be 0-1048575."))
                        })?
                }
                None => 0,
            };
            let scope = match items.get(3) {
                Some(v) => u32::try_from(vm.to_index(v)?).map_err(|_| {
                    vm.overflow_error("Python int too large to convert to C unsigned long")
                })?,
                None => 0,
            };
            let ip = match ip {
                IpAddr::V6(ip) => ip,
                IpAddr::V4(ip) => ip.to_ipv6_mapped(),
            };
            Ok(SockAddr::from(SocketAddrV6::new(ip, port, flowinfo, scope)))
        }
        _ => Err(vm.new_error(&vm.exc.os_error, format!("{what}(): bad family"))),
    }
}

/// The items of an address tuple of `min..=max` items.
fn tuple_items(
    vm: &Vm,
    addr: &Value,
    what: &str,
    family: &str,
    min: usize,
    max: usize,
    shape: &str,
) -> PyResult<Vec<Value>> {
    let Value::Tuple(t) = addr.builtin_base() else {
        return Err(vm.type_error(format!(
            "{what}(): {family} address must be tuple, not {}",
            vm.type_name(addr)
        )));
    };
    let items = t.0.clone();
    if items.len() < min || items.len() > max {
        return Err(vm.type_error(format!("{family} address must be {shape}")));
    }
    Ok(items)
}

fn port(vm: &Vm, v: &Value, what: &str) -> PyResult<u16> {
    if let Value::Float(_) = v {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let p = vm.to_index(v)?;
    u16::try_from(p).map_err(|_| vm.overflow_error(format!("{what}(): port must be 0-65535.")))
}

/// A host as an IP address: numeric, `''` (any), `'<broadcast>'`, or a name
/// resolved for `family`.
pub(crate) fn host_ip(vm: &Vm, host: &Value, family: i32) -> PyResult<IpAddr> {
    let text = match host.builtin_base() {
        Value::Str(s) => {
            let s = s.as_str();
            if !s.is_ascii() {
                // CPython encodes with IDNA; non-ASCII names are rare in scripts.
                return Err(vm.new_error(
                    &vm.exc.not_implemented_error,
                    "socket: non-ASCII host names (IDNA) are not supported in towel",
                ));
            }
            s.to_string()
        }
        Value::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
        other => {
            return Err(vm.type_error(format!(
                "str, bytes or bytearray expected, not {}",
                vm.type_name(other)
            )))
        }
    };
    if text.contains('\0') {
        return Err(vm.type_error("host name must not contain null character"));
    }
    let any = if family == libc::AF_INET6 {
        IpAddr::V6(Ipv6Addr::UNSPECIFIED)
    } else {
        IpAddr::V4(Ipv4Addr::UNSPECIFIED)
    };
    match text.as_str() {
        "" => return Ok(any),
        "<broadcast>" if family == libc::AF_INET => return Ok(IpAddr::V4(Ipv4Addr::BROADCAST)),
        _ => {}
    }
    if let Ok(ip) = text.parse::<IpAddr>() {
        let fits = matches!(
            (family, ip),
            (libc::AF_INET, IpAddr::V4(_)) | (libc::AF_INET6, IpAddr::V6(_))
        );
        if fits {
            return Ok(ip);
        }
    }
    let hints = Hints {
        family,
        ..Hints::default()
    };
    let found = getaddrinfo(Some(&text), None, hints).map_err(|e| resolve_error(vm, e))?;
    found
        .iter()
        .find_map(|a| a.addr.as_socket().map(|s| s.ip()))
        .ok_or_else(|| gai_error(vm, libc::EAI_NONAME))
}

fn unix_addr(vm: &Vm, addr: &Value) -> PyResult<SockAddr> {
    let path: Vec<u8> = match addr.builtin_base() {
        Value::Str(s) => s.as_str().as_bytes().to_vec(),
        other => match crate::objects::bytes::bytes_like(other) {
            Some(b) => b.into_owned(),
            None if vm.class_of(other).lookup_str("__fspath__").is_some() => {
                let p = vm.call_method(other, "__fspath__", &[])?;
                return unix_addr(vm, &p);
            }
            None => {
                return Err(vm.type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    vm.type_name(other)
                )))
            }
        },
    };
    // sun_path holds 108 bytes; a path name needs its terminating NUL too.
    let room = 108 - usize::from(path.first() != Some(&0));
    if path.len() > room {
        return Err(vm.new_error(&vm.exc.os_error, "AF_UNIX path too long"));
    }
    // SAFETY: sockaddr_un fits in sockaddr_storage; we write its family and
    // at most 108 path bytes, and report the length actually used.
    let made = unsafe {
        SockAddr::try_init(|storage, len| {
            let un = storage.cast::<libc::sockaddr_un>();
            (*un).sun_family = libc::AF_UNIX as libc::sa_family_t;
            for (i, b) in path.iter().enumerate() {
                (*un).sun_path[i] = *b as libc::c_char;
            }
            let base = std::mem::size_of::<libc::sa_family_t>();
            *len = (base + path.len()) as libc::socklen_t;
            Ok(())
        })
    };
    made.map(|((), a)| a)
        .map_err(|e| super::socket_error(vm, e))
}

/// An OS address as Python's: a tuple for IP families, a str (or bytes in
/// the abstract namespace) for AF_UNIX.
pub(crate) fn from_sockaddr(addr: &SockAddr) -> Value {
    match addr.as_socket() {
        Some(SocketAddr::V4(a)) => Value::tuple(vec![
            Value::string(a.ip().to_string()),
            Value::Int(a.port() as i64),
        ]),
        Some(SocketAddr::V6(a)) => Value::tuple(vec![
            Value::string(a.ip().to_string()),
            Value::Int(a.port() as i64),
            Value::Int(a.flowinfo() as i64),
            Value::Int(a.scope_id() as i64),
        ]),
        None if addr.family() == libc::AF_UNIX as libc::sa_family_t => unix_path(addr),
        None => Value::tuple(vec![
            Value::Int(addr.family() as i64),
            Value::Bytes(Rc::new(Vec::new())),
        ]),
    }
}

fn unix_path(addr: &SockAddr) -> Value {
    let base = std::mem::size_of::<libc::sa_family_t>();
    let len = (addr.len() as usize).saturating_sub(base).min(108);
    // SAFETY: the address is a sockaddr_un (its family says so) whose first
    // `addr.len()` bytes are initialised.
    let path: Vec<u8> = unsafe {
        let un = &*addr.as_ptr().cast::<libc::sockaddr_un>();
        un.sun_path[..len].iter().map(|&c| c as u8).collect()
    };
    if path.first() == Some(&0) {
        return Value::Bytes(Rc::new(path));
    }
    let end = path.iter().position(|&b| b == 0).unwrap_or(path.len());
    Value::string(String::from_utf8_lossy(&path[..end]).into_owned())
}
