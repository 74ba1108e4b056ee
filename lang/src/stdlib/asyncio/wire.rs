//! `_Wire`: asyncio's socket transports' byte-moving core
//! ([`towel_runtime::wire::Wire`]) as a native object for the transports
//! in `socket_transports.py`, which drive it from readiness callbacks.
//!
//! - `_wire(fd)`: a wire over a copy of the connected socket `fd`;
//! - `recv(n)`: `bytes` read, `b""` at end of file, `None` when nothing
//!   was there; a reset raises `ConnectionResetError`; `recv_into(buffer)`
//!   the same into a bytearray or writable memoryview (a count, 0 at end);
//! - `write(data)` / `flush()`: `True` when the kept bytes just crossed the
//!   high-water mark (pause the protocol) / fell to the low one (resume);
//! - `buffered()`, `limits()` (`(low, high)`), `set_limits(high, low)`,
//!   `write_eof()`, `eof_written()`, `discard()`, `close()`;
//! - TLS (`ssl=`): `start_tls(config, server_name)` with a `_ssl` config;
//!   `handshake()` on readable until it returns `True`; `pending()`, the
//!   decrypted bytes a `recv` can take without readiness; `tls_info()`,
//!   `(cipher, version, bits, alpn, [der...], sni)` once the handshake is
//!   over. A TLS failure raises `ssl`'s error with CPython's message.

use crate::objects::class::Layout;
use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Class, Module, NativeFn, NativeObject, PyResult, Value};
use crate::vm::types::{add_declared_methods, new_class};
use crate::vm::Vm;
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;
use towel_runtime::tls::TlsError;
use towel_runtime::wire::{Handshake, Pressure, Received, Wire};

pub fn install(m: &Module) {
    crate::stdlib::set(
        m,
        WIRE.name(),
        crate::builtins::native_row(&(&WIRE, wire as NativeFn)),
    );
}

/// A wire until `close()`, then nothing (every call but `close` raises).
struct WireObject {
    class: Rc<Class>,
    wire: RefCell<Option<Wire>>,
    /// The name a TLS client connects to, for its errors' messages.
    server_name: RefCell<Option<String>>,
}

impl NativeObject for WireObject {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

const METHODS: &[(&Signature, NativeFn)] = &[
    (&RECV, recv),
    (&RECV_INTO, recv_into),
    (&WRITE, write),
    (&FLUSH, flush),
    (&BUFFERED, buffered),
    (&LIMITS, limits),
    (&SET_LIMITS, set_limits),
    (&WRITE_EOF, write_eof),
    (&EOF_WRITTEN, eof_written),
    (&DISCARD, discard),
    (&CLOSE, close),
    (&START_TLS, start_tls),
    (&HANDSHAKE, handshake),
    (&PENDING, pending),
    (&TLS_INFO, tls_info),
];

fn wire_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("asyncio._Wire", |vm| {
        let c = new_class(
            "_Wire",
            std::slice::from_ref(&vm.types.object),
            Layout::Builtin,
            "asyncio",
        );
        add_declared_methods(&c, "_Wire", METHODS);
        c
    })
}

static WIRE: Signature = Signature::new(Style::Positional, "_wire", "fd, /");

fn wire(vm: &Vm, args: Args) -> PyResult {
    let ([fd], []) = WIRE.bind(vm, args)?;
    let fd = i32::try_from(vm.to_index(fd)?)
        .ok()
        .filter(|fd| *fd >= 0)
        .ok_or_else(|| vm.value_error("invalid file descriptor"))?;
    // SAFETY: the caller's socket object keeps `fd` open during this call;
    // the wire only duplicates it.
    let borrowed = unsafe { std::os::fd::BorrowedFd::borrow_raw(fd) };
    let w = Wire::new(borrowed).map_err(|e| crate::stdlib::socket::socket_error(vm, e))?;
    Ok(Value::native(WireObject {
        class: wire_class(vm),
        wire: RefCell::new(Some(w)),
        server_name: RefCell::new(None),
    }))
}

/// Runs `f` on the wire behind `this`; a closed wire is an `OSError(EBADF)`.
fn with_wire<R>(vm: &Vm, this: &Value, f: impl FnOnce(&mut Wire) -> PyResult<R>) -> PyResult<R> {
    let w = wire_object(vm, this)?;
    let mut slot = w.wire.borrow_mut();
    match slot.as_mut() {
        Some(wire) => f(wire),
        None => Err(crate::stdlib::socket::socket_error(
            vm,
            std::io::Error::from_raw_os_error(libc::EBADF),
        )),
    }
}

fn wire_object<'a>(vm: &Vm, this: &'a Value) -> PyResult<&'a WireObject> {
    this.downcast_native::<WireObject>()
        .ok_or_else(|| vm.type_error("expected a _Wire"))
}

/// An I/O error of the wire behind `this` as the socket's exception, or
/// TLS's (`ssl.SSLError` and kin) when the session failed.
fn io_result<T>(vm: &Vm, this: &Value, r: std::io::Result<T>) -> PyResult<T> {
    r.map_err(|e| match TlsError::from_io(&e) {
        Some(tls) => {
            let name = wire_object(vm, this)
                .ok()
                .and_then(|w| w.server_name.borrow().clone());
            crate::stdlib::ssl::tls_error(vm, &tls, name.as_deref())
        }
        None => crate::stdlib::socket::socket_error(vm, e),
    })
}

static RECV: Signature = Signature::new(Style::Positional, "_Wire.recv", "$self, n, /");

fn recv(vm: &Vm, args: Args) -> PyResult {
    let ([this, n], []) = RECV.bind(vm, args)?;
    let n = usize::try_from(vm.to_index(n)?).map_err(|_| vm.value_error("negative size"))?;
    with_wire(vm, this, |w| {
        let mut buf = vec![0u8; n];
        match io_result(vm, this, w.recv(&mut buf))? {
            Received::Data(got) => {
                buf.truncate(got);
                Ok(Value::Bytes(Rc::new(buf)))
            }
            Received::Eof => Ok(Value::Bytes(Rc::new(Vec::new()))),
            Received::Nothing => Ok(Value::None),
        }
    })
}

static RECV_INTO: Signature =
    Signature::new(Style::Positional, "_Wire.recv_into", "$self, buffer, /");

/// `recv_into(buffer)` for a bytearray or a writable memoryview: the
/// count read, 0 at end of file, `None` when nothing was there.
fn recv_into(vm: &Vm, args: Args) -> PyResult {
    use crate::builtins::bytearray::ByteArray;
    use crate::builtins::memoryview::MemoryView;
    let ([this, buffer], []) = RECV_INTO.bind(vm, args)?;
    with_wire(vm, this, |w| {
        let received = if let Some(array) = buffer.downcast_native::<ByteArray>() {
            w.recv(&mut array.bytes.borrow_mut())
        } else if let Some(view) = buffer.downcast_native::<MemoryView>() {
            view.with_writable(|bytes| w.recv(bytes))
                .ok_or_else(|| vm.type_error("buffer is not a writable contiguous memoryview"))?
        } else {
            return Err(vm.type_error(format!(
                "a writable bytes-like object is required, not '{}'",
                vm.type_name(buffer)
            )));
        };
        Ok(match io_result(vm, this, received)? {
            Received::Data(n) => Value::Int(n as i64),
            Received::Eof => Value::Int(0),
            Received::Nothing => Value::None,
        })
    })
}

static WRITE: Signature = Signature::new(Style::Positional, "_Wire.write", "$self, data, /");

fn write(vm: &Vm, args: Args) -> PyResult {
    let ([this, data], []) = WRITE.bind(vm, args)?;
    let data = crate::objects::bytes::bytes_like(data).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(data)
        ))
    })?;
    with_wire(vm, this, |w| {
        let pressure = io_result(vm, this, w.write(&data))?;
        Ok(Value::from_bool(pressure == Some(Pressure::Pause)))
    })
}

static FLUSH: Signature = Signature::new(Style::Exact, "_Wire.flush", "$self, /");

fn flush(vm: &Vm, args: Args) -> PyResult {
    let ([this], []) = FLUSH.bind(vm, args)?;
    with_wire(vm, this, |w| {
        let pressure = io_result(vm, this, w.flush())?;
        Ok(Value::from_bool(pressure == Some(Pressure::Resume)))
    })
}

static BUFFERED: Signature = Signature::new(Style::Exact, "_Wire.buffered", "$self, /");

fn buffered(vm: &Vm, args: Args) -> PyResult {
    let ([this], []) = BUFFERED.bind(vm, args)?;
    let w = this
        .downcast_native::<WireObject>()
        .ok_or_else(|| vm.type_error("expected a _Wire"))?;
    let n = w.wire.borrow().as_ref().map_or(0, Wire::buffered);
    Ok(Value::Int(n as i64))
}

static LIMITS: Signature = Signature::new(Style::Exact, "_Wire.limits", "$self, /");

fn limits(vm: &Vm, args: Args) -> PyResult {
    let ([this], []) = LIMITS.bind(vm, args)?;
    with_wire(vm, this, |w| {
        let (low, high) = w.limits();
        Ok(Value::tuple(vec![
            Value::Int(low as i64),
            Value::Int(high as i64),
        ]))
    })
}

static SET_LIMITS: Signature =
    Signature::new(Style::Positional, "_Wire.set_limits", "$self, high, low, /");

/// `set_limits(high, low)` (either may be `None`): `True` when the kept
/// bytes are now above the high mark.
fn set_limits(vm: &Vm, args: Args) -> PyResult {
    let ([this, high, low], []) = SET_LIMITS.bind(vm, args)?;
    let mark = |v: &Value| -> PyResult<Option<usize>> {
        if v.is_none() {
            return Ok(None);
        }
        let n = vm.to_index(v)?;
        usize::try_from(n)
            .map(Some)
            .map_err(|_| vm.value_error(format!("high ({n}) must be >= low ({n}) must be >= 0")))
    };
    let (high, low) = (mark(high)?, mark(low)?);
    with_wire(vm, this, |w| match w.set_limits(high, low) {
        Ok(p) => Ok(Value::from_bool(p == Some(Pressure::Pause))),
        Err(e) => Err(vm.value_error(e.to_string())),
    })
}

static WRITE_EOF: Signature = Signature::new(Style::Exact, "_Wire.write_eof", "$self, /");

fn write_eof(vm: &Vm, args: Args) -> PyResult {
    let ([this], []) = WRITE_EOF.bind(vm, args)?;
    with_wire(vm, this, |w| {
        io_result(vm, this, w.write_eof()).map(|()| Value::None)
    })
}

static EOF_WRITTEN: Signature = Signature::new(Style::Exact, "_Wire.eof_written", "$self, /");

fn eof_written(vm: &Vm, args: Args) -> PyResult {
    let ([this], []) = EOF_WRITTEN.bind(vm, args)?;
    with_wire(vm, this, |w| Ok(Value::from_bool(w.eof_written())))
}

static DISCARD: Signature = Signature::new(Style::Exact, "_Wire.discard", "$self, /");

fn discard(vm: &Vm, args: Args) -> PyResult {
    let ([this], []) = DISCARD.bind(vm, args)?;
    with_wire(vm, this, |w| {
        w.discard();
        Ok(Value::None)
    })
}

static CLOSE: Signature = Signature::new(Style::Exact, "_Wire.close", "$self, /");

/// Drops the wire's copy of the descriptor; later calls raise EBADF.
fn close(vm: &Vm, args: Args) -> PyResult {
    let ([this], []) = CLOSE.bind(vm, args)?;
    let w = this
        .downcast_native::<WireObject>()
        .ok_or_else(|| vm.type_error("expected a _Wire"))?;
    w.wire.borrow_mut().take();
    Ok(Value::None)
}

static START_TLS: Signature = Signature::new(
    Style::Positional,
    "_Wire.start_tls",
    "$self, config, server_name, /",
);

/// `start_tls(config, server_name)`: TLS from now on, as the client of
/// `server_name` or as a server, by the config's side.
fn start_tls(vm: &Vm, args: Args) -> PyResult {
    use crate::stdlib::ssl::{config_of, tls_error, TlsConfig};
    let ([this, config, server_name], []) = START_TLS.bind(vm, args)?;
    let session = match config_of(vm, config)? {
        TlsConfig::Client(client) => {
            let name = vm.to_str(server_name)?;
            let session = client.session(&name).map_err(|e| tls_error(vm, &e, None))?;
            *wire_object(vm, this)?.server_name.borrow_mut() = Some(name);
            session
        }
        TlsConfig::Server(server) => server.session().map_err(|e| tls_error(vm, &e, None))?,
    };
    with_wire(vm, this, |w| {
        io_result(vm, this, w.start_tls(session)).map(|()| Value::None)
    })
}

static HANDSHAKE: Signature = Signature::new(Style::Exact, "_Wire.handshake", "$self, /");

/// On readable during the handshake: `True` once it is over; a peer that
/// closes first is a `ConnectionResetError`.
fn handshake(vm: &Vm, args: Args) -> PyResult {
    let ([this], []) = HANDSHAKE.bind(vm, args)?;
    with_wire(vm, this, |w| {
        match io_result(vm, this, w.advance_handshake())? {
            Handshake::Done => Ok(Value::from_bool(true)),
            Handshake::Going => Ok(Value::from_bool(false)),
            Handshake::PeerClosed => Err(vm.new_exception(&vm.exc.connection_reset_error, vec![])),
        }
    })
}

static PENDING: Signature = Signature::new(Style::Exact, "_Wire.pending", "$self, /");

fn pending(vm: &Vm, args: Args) -> PyResult {
    let ([this], []) = PENDING.bind(vm, args)?;
    with_wire(vm, this, |w| Ok(Value::Int(w.pending() as i64)))
}

static TLS_INFO: Signature = Signature::new(Style::Exact, "_Wire.tls_info", "$self, /");

/// `(cipher, version, bits, alpn, [der...], sni)`, or `None` before the
/// handshake is over.
fn tls_info(vm: &Vm, args: Args) -> PyResult {
    let ([this], []) = TLS_INFO.bind(vm, args)?;
    with_wire(vm, this, |w| {
        let Some(info) = w.tls().and_then(|s| s.info()) else {
            return Ok(Value::None);
        };
        let bytes = |b: Vec<u8>| Value::Bytes(Rc::new(b));
        Ok(Value::tuple(vec![
            Value::str(info.cipher),
            Value::str(info.version),
            Value::Int(i64::from(info.secret_bits)),
            info.alpn.map_or(Value::None, bytes),
            Value::list(info.peer_certificates.into_iter().map(bytes).collect()),
            info.server_name.map_or(Value::None, Value::string),
        ]))
    })
}
