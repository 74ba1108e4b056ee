//! `_socket`: the natives under `socket` (`socket.py`), a thin face over
//! `towel_runtime::socket`.
//!
//! A `Handle` owns one runtime [`Socket`] (its descriptor and timeout
//! mode) and remembers the family, type and protocol it was made with;
//! `socket.socket` (towel source) holds one as `_sock` and forwards its
//! methods, so each native states CPython's signature and words its errors.
//! Errors become CPython's `OSError` subclasses by errno, a timeout is
//! `TimeoutError('timed out')`, a resolver failure `socket.gaierror`. A
//! call interrupted by a signal runs the program's signal handlers and then
//! retries, as PEP 475 asks.

mod addr;

use crate::objects::bytes::bytes_like;
use crate::objects::class::Layout;
use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Class, Module, NativeFn, NativeObject, PyErr, PyResult, Value};
use crate::vm::types::{add_declared_methods, new_class};
use crate::vm::Vm;
use addr::{from_sockaddr, to_sockaddr};
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::io;
use std::rc::Rc;
use std::time::Duration;
use towel_runtime::socket::{self as rt, Domain, Protocol, ResolveError, Socket, Type};

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with_declared(vm, "_socket", FUNCTIONS);
    for (name, value) in CONSTANTS {
        super::set(&m, name, Value::Int(*value as i64));
    }
    super::set(&m, "gaierror", Value::Class(gaierror_class(vm)));
    super::set(&m, "herror", Value::Class(herror_class(vm)));
    super::set(&m, "Handle", Value::Class(handle_class(vm)));
    Ok(m)
}

/// The constants `socket` exports, with the values of this platform's C library.
const CONSTANTS: &[(&str, i32)] = &[
    ("AF_UNSPEC", libc::AF_UNSPEC),
    ("AF_INET", libc::AF_INET),
    ("AF_INET6", libc::AF_INET6),
    ("AF_UNIX", libc::AF_UNIX),
    ("SOCK_STREAM", libc::SOCK_STREAM),
    ("SOCK_DGRAM", libc::SOCK_DGRAM),
    ("SOCK_RAW", libc::SOCK_RAW),
    ("SOCK_SEQPACKET", libc::SOCK_SEQPACKET),
    ("SOCK_NONBLOCK", libc::SOCK_NONBLOCK),
    ("SOCK_CLOEXEC", libc::SOCK_CLOEXEC),
    ("SOL_SOCKET", libc::SOL_SOCKET),
    ("SOL_TCP", libc::SOL_TCP),
    ("SOL_UDP", libc::SOL_UDP),
    ("SO_REUSEADDR", libc::SO_REUSEADDR),
    ("SO_REUSEPORT", libc::SO_REUSEPORT),
    ("SO_KEEPALIVE", libc::SO_KEEPALIVE),
    ("SO_BROADCAST", libc::SO_BROADCAST),
    ("SO_LINGER", libc::SO_LINGER),
    ("SO_RCVBUF", libc::SO_RCVBUF),
    ("SO_SNDBUF", libc::SO_SNDBUF),
    ("SO_RCVLOWAT", libc::SO_RCVLOWAT),
    ("SO_SNDLOWAT", libc::SO_SNDLOWAT),
    ("SO_RCVTIMEO", libc::SO_RCVTIMEO),
    ("SO_SNDTIMEO", libc::SO_SNDTIMEO),
    ("SO_ERROR", libc::SO_ERROR),
    ("SO_TYPE", libc::SO_TYPE),
    ("SO_ACCEPTCONN", libc::SO_ACCEPTCONN),
    ("SO_DOMAIN", libc::SO_DOMAIN),
    ("SO_PROTOCOL", libc::SO_PROTOCOL),
    ("SO_OOBINLINE", libc::SO_OOBINLINE),
    ("SO_DONTROUTE", libc::SO_DONTROUTE),
    ("IPPROTO_IP", libc::IPPROTO_IP),
    ("IPPROTO_TCP", libc::IPPROTO_TCP),
    ("IPPROTO_UDP", libc::IPPROTO_UDP),
    ("IPPROTO_IPV6", libc::IPPROTO_IPV6),
    ("IPPROTO_ICMP", libc::IPPROTO_ICMP),
    ("IPPROTO_RAW", libc::IPPROTO_RAW),
    ("IP_TTL", libc::IP_TTL),
    ("IP_TOS", libc::IP_TOS),
    ("IP_MULTICAST_TTL", libc::IP_MULTICAST_TTL),
    ("IP_MULTICAST_LOOP", libc::IP_MULTICAST_LOOP),
    ("IP_ADD_MEMBERSHIP", libc::IP_ADD_MEMBERSHIP),
    ("IP_DROP_MEMBERSHIP", libc::IP_DROP_MEMBERSHIP),
    ("IPV6_V6ONLY", libc::IPV6_V6ONLY),
    ("TCP_NODELAY", libc::TCP_NODELAY),
    ("TCP_KEEPIDLE", libc::TCP_KEEPIDLE),
    ("TCP_KEEPINTVL", libc::TCP_KEEPINTVL),
    ("TCP_KEEPCNT", libc::TCP_KEEPCNT),
    ("TCP_MAXSEG", libc::TCP_MAXSEG),
    ("TCP_QUICKACK", libc::TCP_QUICKACK),
    ("SHUT_RD", libc::SHUT_RD),
    ("SHUT_WR", libc::SHUT_WR),
    ("SHUT_RDWR", libc::SHUT_RDWR),
    ("MSG_PEEK", libc::MSG_PEEK),
    ("MSG_OOB", libc::MSG_OOB),
    ("MSG_WAITALL", libc::MSG_WAITALL),
    ("MSG_DONTWAIT", libc::MSG_DONTWAIT),
    ("MSG_DONTROUTE", libc::MSG_DONTROUTE),
    ("MSG_NOSIGNAL", libc::MSG_NOSIGNAL),
    ("MSG_TRUNC", libc::MSG_TRUNC),
    ("MSG_EOR", libc::MSG_EOR),
    ("AI_PASSIVE", libc::AI_PASSIVE),
    ("AI_CANONNAME", libc::AI_CANONNAME),
    ("AI_NUMERICHOST", libc::AI_NUMERICHOST),
    ("AI_NUMERICSERV", libc::AI_NUMERICSERV),
    ("AI_V4MAPPED", libc::AI_V4MAPPED),
    ("AI_ALL", libc::AI_ALL),
    ("AI_ADDRCONFIG", libc::AI_ADDRCONFIG),
    ("NI_NUMERICHOST", libc::NI_NUMERICHOST),
    ("NI_NUMERICSERV", libc::NI_NUMERICSERV),
    ("NI_NOFQDN", libc::NI_NOFQDN),
    ("NI_NAMEREQD", libc::NI_NAMEREQD),
    ("NI_DGRAM", libc::NI_DGRAM),
    ("NI_MAXHOST", libc::NI_MAXHOST as i32),
    ("NI_MAXSERV", 32),
    ("EAI_AGAIN", libc::EAI_AGAIN),
    ("EAI_BADFLAGS", libc::EAI_BADFLAGS),
    ("EAI_FAIL", libc::EAI_FAIL),
    ("EAI_FAMILY", libc::EAI_FAMILY),
    ("EAI_MEMORY", libc::EAI_MEMORY),
    ("EAI_NODATA", libc::EAI_NODATA),
    ("EAI_NONAME", libc::EAI_NONAME),
    ("EAI_SERVICE", libc::EAI_SERVICE),
    ("EAI_SOCKTYPE", libc::EAI_SOCKTYPE),
    ("EAI_SYSTEM", libc::EAI_SYSTEM),
    ("SOMAXCONN", 4096),
    ("INADDR_ANY", 0),
    ("INADDR_LOOPBACK", 0x7f00_0001),
    ("INADDR_NONE", -1),
];

// -- errors --------------------------------------------------------------------------

fn error_class(vm: &Vm, key: &'static str, name: &str) -> Rc<Class> {
    vm.lazy_class(key, |vm| {
        new_class(
            name,
            std::slice::from_ref(&vm.exc.os_error),
            Layout::Exception,
            "socket",
        )
    })
}

fn gaierror_class(vm: &Vm) -> Rc<Class> {
    error_class(vm, "socket.gaierror", "gaierror")
}

fn herror_class(vm: &Vm) -> Rc<Class> {
    error_class(vm, "socket.herror", "herror")
}

/// A socket error as CPython raises it: `TimeoutError('timed out')` for a
/// timeout, the errno's `OSError` subclass otherwise.
pub(crate) fn socket_error(vm: &Vm, e: io::Error) -> PyErr {
    if rt::is_timeout(&e) {
        return vm.new_exception(&vm.exc.timeout_error, vec![Value::str("timed out")]);
    }
    match e.raw_os_error() {
        Some(errno) => super::os_sys::errno_error(vm, errno, None, None),
        None => vm.new_error(&vm.exc.os_error, e.to_string()),
    }
}

/// `socket.gaierror(code, text)` for an `EAI_*` code.
pub(crate) fn gai_error(vm: &Vm, code: i32) -> PyErr {
    // SAFETY: gai_strerror returns a static NUL-terminated string.
    let text = unsafe { std::ffi::CStr::from_ptr(libc::gai_strerror(code)) };
    let text = text.to_string_lossy().into_owned();
    vm.new_exception(
        &gaierror_class(vm),
        vec![Value::Int(code as i64), Value::string(text)],
    )
}

pub(crate) fn resolve_error(vm: &Vm, e: ResolveError) -> PyErr {
    match e {
        ResolveError::Gai(code, text) => vm.new_exception(
            &gaierror_class(vm),
            vec![Value::Int(code as i64), Value::string(text)],
        ),
        ResolveError::System(e) => socket_error(vm, e),
    }
}

/// Runs a socket call, retrying it after the program's signal handlers
/// when a signal interrupts it (PEP 475).
fn retrying<T>(vm: &Vm, mut op: impl FnMut() -> io::Result<T>) -> PyResult<T> {
    loop {
        match op() {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => super::signal::run_handlers(vm)?,
            other => return other.map_err(|e| socket_error(vm, e)),
        }
    }
}

// -- the handle ----------------------------------------------------------------------

/// One socket: the runtime's socket (None once closed or detached) and what
/// it was made as.
struct Handle {
    class: Rc<Class>,
    socket: RefCell<Option<Rc<Socket>>>,
    family: Cell<i32>,
    kind: Cell<i32>,
    proto: Cell<i32>,
}

impl NativeObject for Handle {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn handle_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("_socket.Handle", |vm| {
        let c = new_class(
            "Handle",
            std::slice::from_ref(&vm.types.object),
            Layout::Builtin,
            "_socket",
        );
        add_declared_methods(&c, "Handle", METHODS);
        c
    })
}

fn new_handle(vm: &Vm, socket: Socket, family: i32, kind: i32, proto: i32) -> Value {
    Value::native(Handle {
        class: handle_class(vm),
        socket: RefCell::new(Some(Rc::new(socket))),
        family: Cell::new(family),
        kind: Cell::new(kind),
        proto: Cell::new(proto),
    })
}

fn handle<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Handle> {
    v.downcast_native::<Handle>()
        .ok_or_else(|| vm.type_error("expected a socket handle"))
}

impl Handle {
    /// Runs `f` on the open socket; a closed one is `EBADF`, as in CPython.
    /// The handle is not borrowed meanwhile: while `f` waits, another
    /// thread may use, reconfigure or close the same socket (the
    /// descriptor then stays open until `f` is done with it).
    fn with<T>(&self, vm: &Vm, f: impl FnOnce(&Socket) -> PyResult<T>) -> PyResult<T> {
        let socket = self.socket.borrow().clone();
        match socket {
            Some(s) => f(&s),
            None => Err(super::os_sys::errno_error(vm, libc::EBADF, None, None)),
        }
    }
}

fn int_arg(vm: &Vm, v: Option<&Value>, default: i64) -> PyResult<i64> {
    match v {
        Some(Value::Float(_)) => {
            Err(vm.type_error("'float' object cannot be interpreted as an integer"))
        }
        Some(v) => vm.to_index(v),
        None => Ok(default),
    }
}

fn flags_arg(vm: &Vm, v: Option<&Value>) -> PyResult<i32> {
    let f = int_arg(vm, v, 0)?;
    i32::try_from(f).map_err(|_| vm.overflow_error("signed integer is greater than maximum"))
}

fn data_arg<'a>(vm: &Vm, v: &'a Value) -> PyResult<std::borrow::Cow<'a, [u8]>> {
    bytes_like(v).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

// -- module functions ----------------------------------------------------------------

const FUNCTIONS: &[(&Signature, NativeFn)] = &[
    (&OPEN, open),
    (&SOCKETPAIR, socketpair),
    (&GETADDRINFO, getaddrinfo),
    (&GETNAMEINFO, getnameinfo),
    (&GETHOSTNAME, gethostname),
    (&GETHOSTBYNAME, gethostbyname),
    (&INET_ATON, inet_aton),
    (&INET_NTOA, inet_ntoa),
    (&INET_PTON, inet_pton),
    (&INET_NTOP, inet_ntop),
];

static OPEN: Signature =
    Signature::new(Style::Positional, "open", "family, type, proto, fileno, /");

/// `open(family, type, proto, fileno)` → a handle: a new socket, or the
/// one `fileno` names (its family, type and protocol read from the OS when
/// given as -1).
fn open(vm: &Vm, args: Args) -> PyResult {
    let ([family, kind, proto, fileno], []) = OPEN.bind(vm, args)?;
    let mut family = int_arg(vm, Some(family), -1)? as i32;
    let mut kind = int_arg(vm, Some(kind), -1)? as i32;
    let mut proto = int_arg(vm, Some(proto), -1)? as i32;
    if !matches!(fileno, Value::None) {
        let fd = int_arg(vm, Some(fileno), -1)?;
        if fd < 0 {
            return Err(vm.value_error("negative file descriptor"));
        }
        let fd = i32::try_from(fd).map_err(|_| vm.overflow_error("fd is greater than maximum"))?;
        let probe = |name: i32| -> PyResult<i32> {
            let mut v: libc::c_int = 0;
            let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
            // SAFETY: `v` and `len` describe an int-sized buffer.
            let r = unsafe {
                libc::getsockopt(
                    fd,
                    libc::SOL_SOCKET,
                    name,
                    (&mut v as *mut libc::c_int).cast(),
                    &mut len,
                )
            };
            if r == -1 {
                return Err(socket_error(vm, io::Error::last_os_error()));
            }
            Ok(v)
        };
        if family == -1 {
            family = probe(libc::SO_DOMAIN)?;
        } else {
            probe(libc::SO_TYPE)?;
        }
        if kind == -1 {
            kind = probe(libc::SO_TYPE)?;
        }
        if proto == -1 {
            proto = probe(libc::SO_PROTOCOL)?;
        }
        // SAFETY: the descriptor is a socket (getsockopt said so) whose
        // ownership the program hands to the new socket object, as CPython's
        // `socket(fileno=fd)` does.
        let socket = unsafe { Socket::from_raw_fd(fd) };
        return Ok(new_handle(vm, socket, family, kind, proto));
    }
    if family == -1 {
        family = libc::AF_INET;
    }
    if kind == -1 {
        kind = libc::SOCK_STREAM;
    }
    if proto == -1 {
        proto = 0;
    }
    let protocol = (proto != 0).then(|| Protocol::from(proto));
    let socket = retrying(vm, || {
        Socket::new(Domain::from(family), Type::from(kind), protocol)
    })?;
    // The type reported is the plain one, without the creation flags.
    let plain = kind & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC);
    if kind & libc::SOCK_NONBLOCK != 0 {
        socket
            .set_timeout(Some(Duration::ZERO))
            .map_err(|e| socket_error(vm, e))?;
    }
    Ok(new_handle(vm, socket, family, plain, proto))
}

static SOCKETPAIR: Signature =
    Signature::new(Style::Positional, "socketpair", "family, type, proto, /");

/// `socketpair(family, type, proto)` → two connected handles.
fn socketpair(vm: &Vm, args: Args) -> PyResult {
    let ([family, kind, proto], []) = SOCKETPAIR.bind(vm, args)?;
    let family = int_arg(vm, Some(family), libc::AF_UNIX as i64)? as i32;
    let kind = int_arg(vm, Some(kind), libc::SOCK_STREAM as i64)? as i32;
    let proto = int_arg(vm, Some(proto), 0)? as i32;
    let protocol = (proto != 0).then(|| Protocol::from(proto));
    let (a, b) = retrying(vm, || {
        Socket::pair(Domain::from(family), Type::from(kind), protocol)
    })?;
    Ok(Value::tuple(vec![
        new_handle(vm, a, family, kind, proto),
        new_handle(vm, b, family, kind, proto),
    ]))
}

static GETADDRINFO: Signature = Signature::new(
    Style::Positional,
    "getaddrinfo",
    "host, port, family, type, proto, flags, /",
);

/// `getaddrinfo(host, port, family, type, proto, flags)` → a list of
/// `(family, type, proto, canonname, sockaddr)` with plain ints (`socket.py`
/// turns them into enums).
fn getaddrinfo(vm: &Vm, args: Args) -> PyResult {
    let ([host, port, family, kind, proto, flags], []) = GETADDRINFO.bind(vm, args)?;
    let host = match host.builtin_base() {
        Value::None => None,
        Value::Str(s) => Some(s.as_str().to_string()),
        Value::Bytes(b) => Some(String::from_utf8_lossy(b).into_owned()),
        other => {
            return Err(vm.type_error(format!(
                "getaddrinfo() argument 1 must be string or None, not {}",
                vm.type_name(other)
            )))
        }
    };
    let port = match port.builtin_base() {
        Value::None => None,
        Value::Int(i) => Some(i.to_string()),
        Value::Str(s) => Some(s.as_str().to_string()),
        Value::Bytes(b) => Some(String::from_utf8_lossy(b).into_owned()),
        _ => return Err(vm.new_error(&vm.exc.os_error, "Int or String expected")),
    };
    let hints = rt::Hints {
        family: int_arg(vm, Some(family), 0)? as i32,
        socktype: int_arg(vm, Some(kind), 0)? as i32,
        protocol: int_arg(vm, Some(proto), 0)? as i32,
        flags: int_arg(vm, Some(flags), 0)? as i32,
    };
    let found = rt::getaddrinfo(host.as_deref(), port.as_deref(), hints)
        .map_err(|e| resolve_error(vm, e))?;
    Ok(Value::list(
        found
            .iter()
            .map(|a| {
                Value::tuple(vec![
                    Value::Int(a.family as i64),
                    Value::Int(a.socktype as i64),
                    Value::Int(a.protocol as i64),
                    Value::string(a.canonname.clone()),
                    from_sockaddr(&a.addr),
                ])
            })
            .collect(),
    ))
}

static GETNAMEINFO: Signature =
    Signature::new(Style::ParseTuple, "getnameinfo", "sockaddr, flags, /");

fn getnameinfo(vm: &Vm, args: Args) -> PyResult {
    let ([sockaddr, flags], []) = GETNAMEINFO.bind(vm, args)?;
    let Value::Tuple(t) = sockaddr.builtin_base() else {
        return Err(vm.type_error("getnameinfo() argument 1 must be a tuple"));
    };
    let family = if t.0.len() == 4 {
        libc::AF_INET6
    } else {
        libc::AF_INET
    };
    let addr = to_sockaddr(vm, family, sockaddr, "getnameinfo")?;
    let flags = flags_arg(vm, Some(flags))?;
    let (host, service) = rt::getnameinfo(&addr, flags).map_err(|e| resolve_error(vm, e))?;
    Ok(Value::tuple(vec![
        Value::string(host),
        Value::string(service),
    ]))
}

static GETHOSTNAME: Signature = Signature::new(Style::Exact, "gethostname", "");

fn gethostname(vm: &Vm, args: Args) -> PyResult {
    let ([], []) = GETHOSTNAME.bind(vm, args)?;
    rt::hostname()
        .map(Value::string)
        .map_err(|e| socket_error(vm, e))
}

static GETHOSTBYNAME: Signature = Signature::new(Style::ParseTuple, "gethostbyname", "host, /");

/// `gethostbyname(host)`: the first IPv4 address of a host.
fn gethostbyname(vm: &Vm, args: Args) -> PyResult {
    let ([host], []) = GETHOSTBYNAME.bind(vm, args)?;
    let ip = addr::host_ip(vm, host, libc::AF_INET)?;
    Ok(Value::string(ip.to_string()))
}

static INET_ATON: Signature = Signature::new(Style::ParseTuple, "inet_aton", "string, /");

/// `inet_aton(text)`: the C library's parser, which takes the short forms
/// (`127.1`) too.
fn inet_aton(vm: &Vm, args: Args) -> PyResult {
    let ([text], []) = INET_ATON.bind(vm, args)?;
    let Value::Str(s) = text.builtin_base() else {
        return Err(vm.type_error(format!(
            "inet_aton() argument 1 must be str, not {}",
            vm.type_name(text)
        )));
    };
    parse_inet_aton(s.as_str())
        .map(|ip| Value::Bytes(Rc::new(ip.to_be_bytes().to_vec())))
        .ok_or_else(|| {
            vm.new_error(
                &vm.exc.os_error,
                "illegal IP address string passed to inet_aton",
            )
        })
}

/// The C library's `inet_aton` rules: one to four parts, each decimal,
/// octal (`0` prefix) or hexadecimal (`0x`), the last filling the bytes the
/// others leave (`127.1` is 127.0.0.1).
fn parse_inet_aton(text: &str) -> Option<u32> {
    let parts: Vec<&str> = text.split('.').collect();
    if parts.len() > 4 {
        return None;
    }
    let mut values = Vec::with_capacity(4);
    for p in &parts {
        let (digits, radix) = if let Some(h) = p.strip_prefix("0x").or_else(|| p.strip_prefix("0X"))
        {
            (h, 16)
        } else if p.len() > 1 && p.starts_with('0') {
            (&p[1..], 8)
        } else {
            (*p, 10)
        };
        if digits.is_empty() && radix != 16 {
            return None;
        }
        let v = if digits.is_empty() {
            0
        } else {
            u64::from_str_radix(digits, radix).ok()?
        };
        values.push(v);
    }
    let (last, head) = values.split_last()?;
    let mut ip: u64 = 0;
    for (i, v) in head.iter().enumerate() {
        if *v > 255 {
            return None;
        }
        ip |= v << (24 - 8 * i);
    }
    let room = 32 - 8 * head.len() as u32;
    if room < 64 && *last >= 1u64 << room {
        return None;
    }
    u32::try_from(ip | last).ok()
}

static INET_NTOA: Signature = Signature::new(Style::Exact, "inet_ntoa", "packed_ip, /");

fn inet_ntoa(vm: &Vm, args: Args) -> PyResult {
    let ([packed], []) = INET_NTOA.bind(vm, args)?;
    let b = data_arg(vm, packed)?;
    let octets: [u8; 4] = b
        .as_ref()
        .try_into()
        .map_err(|_| vm.new_error(&vm.exc.os_error, "packed IP wrong length for inet_ntoa"))?;
    Ok(Value::string(std::net::Ipv4Addr::from(octets).to_string()))
}

static INET_PTON: Signature = Signature::new(
    Style::ParseTuple,
    "inet_pton",
    "address_family, ip_string, /",
);

fn inet_pton(vm: &Vm, args: Args) -> PyResult {
    let ([family, text], []) = INET_PTON.bind(vm, args)?;
    let family = int_arg(vm, Some(family), 0)? as i32;
    let Value::Str(s) = text.builtin_base() else {
        return Err(vm.type_error(format!(
            "inet_pton() argument 2 must be str, not {}",
            vm.type_name(text)
        )));
    };
    let bad = || {
        vm.new_error(
            &vm.exc.os_error,
            "illegal IP address string passed to inet_pton",
        )
    };
    let bytes = match family {
        libc::AF_INET => s
            .as_str()
            .parse::<std::net::Ipv4Addr>()
            .map_err(|_| bad())?
            .octets()
            .to_vec(),
        libc::AF_INET6 => s
            .as_str()
            .parse::<std::net::Ipv6Addr>()
            .map_err(|_| bad())?
            .octets()
            .to_vec(),
        _ => {
            return Err(super::os_sys::errno_error(
                vm,
                libc::EAFNOSUPPORT,
                None,
                None,
            ))
        }
    };
    Ok(Value::Bytes(Rc::new(bytes)))
}

static INET_NTOP: Signature = Signature::new(
    Style::ParseTuple,
    "inet_ntop",
    "address_family, packed_ip, /",
);

fn inet_ntop(vm: &Vm, args: Args) -> PyResult {
    let ([family, packed], []) = INET_NTOP.bind(vm, args)?;
    let family = int_arg(vm, Some(family), 0)? as i32;
    let b = data_arg(vm, packed)?;
    let text = match family {
        libc::AF_INET => {
            let o: [u8; 4] = b
                .as_ref()
                .try_into()
                .map_err(|_| vm.value_error("invalid length of packed IP address string"))?;
            std::net::Ipv4Addr::from(o).to_string()
        }
        libc::AF_INET6 => {
            let o: [u8; 16] = b
                .as_ref()
                .try_into()
                .map_err(|_| vm.value_error("invalid length of packed IP address string"))?;
            std::net::Ipv6Addr::from(o).to_string()
        }
        _ => return Err(vm.value_error(format!("unknown address family {family}"))),
    };
    Ok(Value::string(text))
}

// -- methods ---------------------------------------------------------------------------

const METHODS: &[(&Signature, NativeFn)] = &[
    (&FILENO, fileno),
    (&CLOSE, close),
    (&DETACH, detach),
    (&INFO, info),
    (&BIND, bind),
    (&LISTEN, listen),
    (&ACCEPT, accept),
    (&CONNECT, connect),
    (&CONNECT_EX, connect_ex),
    (&SEND, send),
    (&SENDALL, sendall),
    (&SENDTO, sendto),
    (&RECV, recv),
    (&RECV_INTO, recv_into),
    (&RECVFROM, recvfrom),
    (&SHUTDOWN, shutdown),
    (&GETSOCKNAME, getsockname),
    (&GETPEERNAME, getpeername),
    (&SETSOCKOPT, setsockopt),
    (&GETSOCKOPT, getsockopt),
    (&SETTIMEOUT, settimeout),
    (&GETTIMEOUT, gettimeout),
    (&SETBLOCKING, setblocking),
    (&GETBLOCKING, getblocking),
];

static FILENO: Signature = Signature::new(Style::Exact, "socket.fileno", "$self, /");

fn fileno(vm: &Vm, args: Args) -> PyResult {
    let ([this], []) = FILENO.bind(vm, args)?;
    let h = handle(vm, this)?;
    let fd = h.socket.borrow().as_ref().map_or(-1, |s| s.fd());
    Ok(Value::Int(fd as i64))
}

static CLOSE: Signature = Signature::new(Style::Exact, "socket.close", "$self, /");

/// `close()`: closes the descriptor; closing twice is harmless, and a
/// connection reset reported by close is ignored, as in CPython.
fn close(vm: &Vm, args: Args) -> PyResult {
    let ([this], []) = CLOSE.bind(vm, args)?;
    let socket = handle(vm, this)?.socket.borrow_mut().take();
    // A socket another thread is still waiting on closes when that wait ends.
    if let Some(s) = socket.and_then(|s| Rc::try_unwrap(s).ok()) {
        let fd = s.into_raw_fd();
        // SAFETY: the descriptor was owned by the socket we just took apart.
        if unsafe { libc::close(fd) } == -1 {
            let e = io::Error::last_os_error();
            if e.raw_os_error() != Some(libc::ECONNRESET) {
                return Err(socket_error(vm, e));
            }
        }
    }
    Ok(Value::None)
}

static DETACH: Signature = Signature::new(Style::Exact, "socket.detach", "$self, /");

/// `detach()`: gives up the descriptor without closing it and returns it.
fn detach(vm: &Vm, args: Args) -> PyResult {
    let ([this], []) = DETACH.bind(vm, args)?;
    let h = handle(vm, this)?;
    let Some(socket) = h.socket.borrow_mut().take() else {
        return Ok(Value::Int(-1));
    };
    match Rc::try_unwrap(socket) {
        Ok(s) => Ok(Value::Int(s.into_raw_fd() as i64)),
        Err(shared) => {
            // Another thread is inside an operation on it: the descriptor
            // cannot be handed over while that operation may close it.
            *h.socket.borrow_mut() = Some(shared);
            Err(super::os_sys::errno_error(vm, libc::EBUSY, None, None))
        }
    }
}

static INFO: Signature = Signature::new(Style::Exact, "socket._info", "$self, /");

/// `_info()` → `(family, type, proto)`.
fn info(vm: &Vm, args: Args) -> PyResult {
    let ([this], []) = INFO.bind(vm, args)?;
    let h = handle(vm, this)?;
    Ok(Value::tuple(vec![
        Value::Int(h.family.get() as i64),
        Value::Int(h.kind.get() as i64),
        Value::Int(h.proto.get() as i64),
    ]))
}

static BIND: Signature = Signature::new(Style::Exact, "socket.bind", "$self, address, /");

fn bind(vm: &Vm, args: Args) -> PyResult {
    let ([this, address], []) = BIND.bind(vm, args)?;
    let h = handle(vm, this)?;
    let addr = to_sockaddr(vm, h.family.get(), address, "bind")?;
    h.with(vm, |s| retrying(vm, || s.bind(&addr)))?;
    Ok(Value::None)
}

static LISTEN: Signature =
    Signature::new(Style::ParseTuple, "socket.listen", "$self, backlog=128, /");

fn listen(vm: &Vm, args: Args) -> PyResult {
    let ([this], [backlog]) = LISTEN.bind(vm, args)?;
    let h = handle(vm, this)?;
    // CPython takes the smaller of the backlog and SOMAXCONN, and no less than 0.
    let backlog = int_arg(vm, backlog, 128)?.clamp(0, 4096) as i32;
    h.with(vm, |s| retrying(vm, || s.listen(backlog)))?;
    Ok(Value::None)
}

static ACCEPT: Signature = Signature::new(Style::Exact, "socket._accept", "$self, /");

/// `_accept()` → `(fd, address)`; `socket.py` wraps the descriptor.
fn accept(vm: &Vm, args: Args) -> PyResult {
    let ([this], []) = ACCEPT.bind(vm, args)?;
    let h = handle(vm, this)?;
    let (s, addr) = h.with(vm, |s| retrying(vm, || s.accept()))?;
    Ok(Value::tuple(vec![
        Value::Int(s.into_raw_fd() as i64),
        from_sockaddr(&addr),
    ]))
}

static CONNECT: Signature = Signature::new(Style::Exact, "socket.connect", "$self, address, /");

fn connect(vm: &Vm, args: Args) -> PyResult {
    let ([this, address], []) = CONNECT.bind(vm, args)?;
    let h = handle(vm, this)?;
    let addr = to_sockaddr(vm, h.family.get(), address, "connect")?;
    h.with(vm, |s| connect_retrying(vm, s, &addr))?;
    Ok(Value::None)
}

/// Connects; a connect interrupted by a signal goes on in the background,
/// so after the handlers it waits for the outcome instead of starting over.
fn connect_retrying(vm: &Vm, s: &Socket, addr: &rt::SockAddr) -> PyResult<()> {
    match s.connect(addr) {
        Err(e) if e.kind() == io::ErrorKind::Interrupted => {
            super::signal::run_handlers(vm)?;
            retrying(vm, || {
                rt::wait_one(
                    s.fd(),
                    rt::Interest::Write,
                    s.timeout().filter(|t| !t.is_zero()),
                )
            })?;
            match s.take_error().map_err(|e| socket_error(vm, e))? {
                Some(e) => Err(socket_error(vm, e)),
                None => Ok(()),
            }
        }
        other => other.map_err(|e| socket_error(vm, e)),
    }
}

static CONNECT_EX: Signature =
    Signature::new(Style::Exact, "socket.connect_ex", "$self, address, /");

/// `connect_ex(address)`: the errno instead of an exception (0 when connected).
fn connect_ex(vm: &Vm, args: Args) -> PyResult {
    let ([this, address], []) = CONNECT_EX.bind(vm, args)?;
    let h = handle(vm, this)?;
    let addr = to_sockaddr(vm, h.family.get(), address, "connect_ex")?;
    let r = h.with(vm, |s| Ok(s.connect(&addr)))?;
    Ok(Value::Int(match r {
        Ok(()) => 0,
        Err(e) if rt::is_timeout(&e) => libc::EWOULDBLOCK as i64,
        Err(e) => e.raw_os_error().unwrap_or(libc::EIO) as i64,
    }))
}

static SEND: Signature =
    Signature::new(Style::ParseTuple, "socket.send", "$self, data, flags=0, /");

fn send(vm: &Vm, args: Args) -> PyResult {
    let ([this, data], [flags]) = SEND.bind(vm, args)?;
    let h = handle(vm, this)?;
    let data = data_arg(vm, data)?;
    let flags = flags_arg(vm, flags)?;
    let n = h.with(vm, |s| retrying(vm, || s.send(&data, flags)))?;
    Ok(Value::Int(n as i64))
}

static SENDALL: Signature = Signature::new(
    Style::ParseTuple,
    "socket.sendall",
    "$self, data, flags=0, /",
);

/// `sendall(data)`: sends everything, running signal handlers between
/// partial sends; in timeout mode the limit applies to the whole call.
fn sendall(vm: &Vm, args: Args) -> PyResult {
    let ([this, data], [flags]) = SENDALL.bind(vm, args)?;
    let h = handle(vm, this)?;
    let data = data_arg(vm, data)?;
    let flags = flags_arg(vm, flags)?;
    h.with(vm, |s| {
        let mut rest: &[u8] = &data;
        while !rest.is_empty() {
            let n = retrying(vm, || s.send(rest, flags))?;
            rest = &rest[n..];
        }
        Ok(())
    })?;
    Ok(Value::None)
}

static SENDTO: Signature = Signature::new(Style::ParseTuple, "socket.sendto", "$self, /, *args");

/// `sendto(data[, flags], address)`.
fn sendto(vm: &Vm, args: Args) -> PyResult {
    let b = SENDTO.bind_all::<1, 0>(vm, args)?;
    let h = handle(vm, b.required[0])?;
    let (data, flags, address) = match b.varargs {
        [data, address] => (data, 0, address),
        [data, flags, address] => (data, flags_arg(vm, Some(flags))?, address),
        other => {
            return Err(vm.type_error(format!(
                "sendto() takes 2 or 3 arguments ({} given)",
                other.len()
            )))
        }
    };
    let data = data_arg(vm, data)?;
    let addr = to_sockaddr(vm, h.family.get(), address, "sendto")?;
    let n = h.with(vm, |s| retrying(vm, || s.send_to(&data, flags, &addr)))?;
    Ok(Value::Int(n as i64))
}

/// A buffer size argument: negative sizes are refused with `what`'s message.
fn size_arg(vm: &Vm, v: &Value, what: &str) -> PyResult<usize> {
    let n = int_arg(vm, Some(v), 0)?;
    usize::try_from(n).map_err(|_| vm.value_error(format!("negative buffersize in {what}")))
}

static RECV: Signature = Signature::new(
    Style::ParseTuple,
    "socket.recv",
    "$self, bufsize, flags=0, /",
);

fn recv(vm: &Vm, args: Args) -> PyResult {
    let ([this, size], [flags]) = RECV.bind(vm, args)?;
    let h = handle(vm, this)?;
    let size = size_arg(vm, size, "recv")?;
    let flags = flags_arg(vm, flags)?;
    let mut buf = vec![0u8; size];
    let n = h.with(vm, |s| retrying(vm, || s.recv(&mut buf, flags)))?;
    buf.truncate(n);
    Ok(Value::Bytes(Rc::new(buf)))
}

static RECV_INTO: Signature = Signature::new(
    Style::Clinic,
    "recv_into",
    "$self, buffer, nbytes=0, flags=0",
);

/// `recv_into(buffer[, nbytes[, flags]])` into a bytearray.
fn recv_into(vm: &Vm, args: Args) -> PyResult {
    let ([this, buffer], [nbytes, flags]) = RECV_INTO.bind(vm, args)?;
    let h = handle(vm, this)?;
    let Some(target) = buffer.downcast_native::<crate::builtins::bytearray::ByteArray>() else {
        return Err(vm.type_error(format!(
            "recv_into() argument 'buffer' must be read-write bytes-like object, not {}",
            vm.type_name(buffer)
        )));
    };
    let room = target.bytes.borrow().len();
    let n = match nbytes {
        Some(v) => int_arg(vm, Some(v), 0)?,
        None => 0,
    };
    if n < 0 {
        return Err(vm.value_error("negative buffersize in recv_into"));
    }
    let n = if n == 0 { room } else { n as usize };
    if n > room {
        return Err(vm.value_error("buffer too small for requested bytes"));
    }
    let flags = flags_arg(vm, flags)?;
    let mut buf = vec![0u8; n];
    let got = h.with(vm, |s| retrying(vm, || s.recv(&mut buf, flags)))?;
    target.bytes.borrow_mut()[..got].copy_from_slice(&buf[..got]);
    Ok(Value::Int(got as i64))
}

static RECVFROM: Signature = Signature::new(
    Style::ParseTuple,
    "socket.recvfrom",
    "$self, bufsize, flags=0, /",
);

fn recvfrom(vm: &Vm, args: Args) -> PyResult {
    let ([this, size], [flags]) = RECVFROM.bind(vm, args)?;
    let h = handle(vm, this)?;
    let size = size_arg(vm, size, "recvfrom")?;
    let flags = flags_arg(vm, flags)?;
    let mut buf = vec![0u8; size];
    let (n, addr) = h.with(vm, |s| retrying(vm, || s.recv_from(&mut buf, flags)))?;
    buf.truncate(n);
    // An unbound peer (a socketpair's) has no address: CPython gives None.
    let addr = if addr.len() as usize <= std::mem::size_of::<libc::sa_family_t>() {
        Value::None
    } else {
        from_sockaddr(&addr)
    };
    Ok(Value::tuple(vec![Value::Bytes(Rc::new(buf)), addr]))
}

static SHUTDOWN: Signature = Signature::new(Style::Exact, "socket.shutdown", "$self, how, /");

fn shutdown(vm: &Vm, args: Args) -> PyResult {
    let ([this, how], []) = SHUTDOWN.bind(vm, args)?;
    let h = handle(vm, this)?;
    let how = match int_arg(vm, Some(how), 0)? as i32 {
        libc::SHUT_RD => std::net::Shutdown::Read,
        libc::SHUT_WR => std::net::Shutdown::Write,
        libc::SHUT_RDWR => std::net::Shutdown::Both,
        _ => return Err(super::os_sys::errno_error(vm, libc::EINVAL, None, None)),
    };
    h.with(vm, |s| retrying(vm, || s.shutdown(how)))?;
    Ok(Value::None)
}

static GETSOCKNAME: Signature = Signature::new(Style::Exact, "socket.getsockname", "$self, /");

fn getsockname(vm: &Vm, args: Args) -> PyResult {
    let ([this], []) = GETSOCKNAME.bind(vm, args)?;
    let h = handle(vm, this)?;
    let addr = h.with(vm, |s| retrying(vm, || s.local_addr()))?;
    Ok(from_sockaddr(&addr))
}

static GETPEERNAME: Signature = Signature::new(Style::Exact, "socket.getpeername", "$self, /");

fn getpeername(vm: &Vm, args: Args) -> PyResult {
    let ([this], []) = GETPEERNAME.bind(vm, args)?;
    let h = handle(vm, this)?;
    let addr = h.with(vm, |s| retrying(vm, || s.peer_addr()))?;
    Ok(from_sockaddr(&addr))
}

static SETSOCKOPT: Signature = Signature::new(
    Style::ParseTuple,
    "socket.setsockopt",
    "$self, level, optname, value, /",
);

/// `setsockopt(level, option, value)`: an int value is a C int, a
/// bytes-like value goes as it is.
fn setsockopt(vm: &Vm, args: Args) -> PyResult {
    let ([this, level, name, value], []) = SETSOCKOPT.bind(vm, args)?;
    let h = handle(vm, this)?;
    let level = flags_arg(vm, Some(level))?;
    let name = flags_arg(vm, Some(name))?;
    let raw: Vec<u8> = match bytes_like(value) {
        Some(b) => b.into_owned(),
        None => flags_arg(vm, Some(value))?.to_ne_bytes().to_vec(),
    };
    h.with(vm, |s| retrying(vm, || s.set_option_raw(level, name, &raw)))?;
    Ok(Value::None)
}

static GETSOCKOPT: Signature = Signature::new(
    Style::ParseTuple,
    "socket.getsockopt",
    "$self, level, optname, buflen=0, /",
);

/// `getsockopt(level, option[, buflen])`: a C int, or `buflen` raw bytes.
fn getsockopt(vm: &Vm, args: Args) -> PyResult {
    let ([this, level, name], [buflen]) = GETSOCKOPT.bind(vm, args)?;
    let h = handle(vm, this)?;
    let level = flags_arg(vm, Some(level))?;
    let name = flags_arg(vm, Some(name))?;
    let buflen = int_arg(vm, buflen, 0)?;
    if buflen == 0 {
        let raw = h.with(vm, |s| retrying(vm, || s.option_raw(level, name, 4)))?;
        let mut word = [0u8; 4];
        word[..raw.len().min(4)].copy_from_slice(&raw[..raw.len().min(4)]);
        return Ok(Value::Int(i32::from_ne_bytes(word) as i64));
    }
    if !(1..=1024).contains(&buflen) {
        return Err(vm.new_error(&vm.exc.os_error, "getsockopt buflen out of range"));
    }
    let raw = h.with(vm, |s| {
        retrying(vm, || s.option_raw(level, name, buflen as usize))
    })?;
    Ok(Value::Bytes(Rc::new(raw)))
}

/// A timeout argument: None, or a non-negative number of seconds.
fn timeout_arg(vm: &Vm, v: &Value) -> PyResult<Option<Duration>> {
    if matches!(v, Value::None) {
        return Ok(None);
    }
    let secs = match v.builtin_base() {
        Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::BigInt(_) => {
            crate::builtins::number::to_f64(vm, v)?
        }
        other => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(other)
            )))
        }
    };
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.value_error("Timeout value out of range"));
    }
    Duration::try_from_secs_f64(secs)
        .map(Some)
        .map_err(|_| vm.overflow_error("timeout doesn't fit into C timeval"))
}

static SETTIMEOUT: Signature = Signature::new(Style::Exact, "socket.settimeout", "$self, value, /");

fn settimeout(vm: &Vm, args: Args) -> PyResult {
    let ([this, value], []) = SETTIMEOUT.bind(vm, args)?;
    let h = handle(vm, this)?;
    let timeout = timeout_arg(vm, value)?;
    set_mode(vm, h, timeout)
}

fn set_mode(vm: &Vm, h: &Handle, timeout: Option<Duration>) -> PyResult {
    match h.socket.borrow().as_ref() {
        Some(s) => s.set_timeout(timeout).map_err(|e| socket_error(vm, e))?,
        None => return Err(super::os_sys::errno_error(vm, libc::EBADF, None, None)),
    }
    Ok(Value::None)
}

static GETTIMEOUT: Signature = Signature::new(Style::Exact, "socket.gettimeout", "$self, /");

fn gettimeout(vm: &Vm, args: Args) -> PyResult {
    let ([this], []) = GETTIMEOUT.bind(vm, args)?;
    let h = handle(vm, this)?;
    let t = h.socket.borrow().as_ref().and_then(|s| s.timeout());
    Ok(t.map_or(Value::None, |d| Value::float(d.as_secs_f64())))
}

static SETBLOCKING: Signature =
    Signature::new(Style::Exact, "socket.setblocking", "$self, flag, /");

fn setblocking(vm: &Vm, args: Args) -> PyResult {
    let ([this, flag], []) = SETBLOCKING.bind(vm, args)?;
    let h = handle(vm, this)?;
    let blocking = vm.truthy(flag)?;
    set_mode(vm, h, if blocking { None } else { Some(Duration::ZERO) })
}

static GETBLOCKING: Signature = Signature::new(Style::Exact, "socket.getblocking", "$self, /");

fn getblocking(vm: &Vm, args: Args) -> PyResult {
    let ([this], []) = GETBLOCKING.bind(vm, args)?;
    let h = handle(vm, this)?;
    let t = h.socket.borrow().as_ref().and_then(|s| s.timeout());
    Ok(Value::from_bool(t != Some(Duration::ZERO)))
}
