//! `_http`: the natives under `httpx` (`httpx.py`), a thin face over
//! `towel_runtime::http`.
//!
//! `_http.Client(tls, timeouts, max_connections, max_idle, idle_expiry,
//! blocking)` makes a pooled HTTP/1.1 client: `tls` a `_ssl` client
//! configuration or `None` (Mozilla's roots), `timeouts` four seconds-or-None
//! (connect, read, write, pool). An asyncio client's
//! `send(method, url, headers, body, callback)` runs the request on the
//! loop's executor and calls `callback(response, error)` with the loop
//! running (its `cancel()` drops the request); a blocking client's
//! `send_blocking(method, url, headers, body)` returns that pair itself.
//! `response` is `(status, reason, version, [(name, value)], body)` and
//! `error` `(kind, message)`, kind one of `invalid_url`, `connect`, `tls`,
//! `timeout:connect`, `timeout:read`, `timeout:write`, `timeout:pool`,
//! `protocol`: `httpx.py` turns it into httpx's exception.

use crate::objects::class::Layout;
use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Class, Module, NativeFn, NativeObject, PyResult, Value};
use crate::vm::types::{add_declared_methods, new_class};
use crate::vm::Vm;
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;
use towel_runtime::http::{
    BlockingClient, Client, FullResponse, HttpError, Limits, Phase, Request, Timeouts,
};

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with_declared(vm, "_http", FUNCTIONS);
    let _ = client_class(vm);
    let _ = request_class(vm);
    Ok(m)
}

const FUNCTIONS: &[(&Signature, NativeFn)] = &[(&CLIENT, client)];

enum Pool {
    Async(Client),
    Blocking(BlockingClient),
}

struct ClientObject {
    class: Rc<Class>,
    pool: RefCell<Option<Pool>>,
}

impl NativeObject for ClientObject {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn client_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("_http.Client", |vm| {
        let c = new_class(
            "Client",
            std::slice::from_ref(&vm.types.object),
            Layout::Builtin,
            "_http",
        );
        add_declared_methods(
            &c,
            "Client",
            &[
                (&SEND, send),
                (&SEND_BLOCKING, send_blocking),
                (&CLOSE, close),
            ],
        );
        c
    })
}

static CLIENT: Signature = Signature::new(
    Style::Positional,
    "Client",
    "tls, timeouts, max_connections, max_idle, idle_expiry, blocking, /",
);

fn client(vm: &Vm, args: Args) -> PyResult {
    let ([tls, timeouts, max_connections, max_idle, idle_expiry, blocking], []) =
        CLIENT.bind(vm, args)?;
    let tls = if tls.is_none() {
        None
    } else {
        match crate::stdlib::ssl::config_of(vm, tls)? {
            crate::stdlib::ssl::TlsConfig::Client(config) => Some(config.clone()),
            crate::stdlib::ssl::TlsConfig::Server(_) => {
                return Err(vm.value_error("an HTTP client needs a client TLS configuration"))
            }
        }
    };
    let limits = vm.to_vec(timeouts)?;
    let [connect, read, write, pool] = limits.as_slice() else {
        return Err(vm.type_error("timeouts must be (connect, read, write, pool)"));
    };
    let timeouts = Timeouts {
        connect: seconds(vm, connect)?,
        read: seconds(vm, read)?,
        write: seconds(vm, write)?,
        pool: seconds(vm, pool)?,
    };
    let limits = Limits {
        max_connections: count(vm, max_connections)?,
        max_idle: count(vm, max_idle)?,
        idle_expiry: seconds(vm, idle_expiry)?,
    };
    let pool = if vm.truthy(blocking)? {
        Pool::Blocking(
            BlockingClient::new(tls, timeouts, limits)
                .map_err(|e| crate::stdlib::socket::socket_error(vm, e))?,
        )
    } else {
        Pool::Async(Client::new(tls, timeouts, limits))
    };
    Ok(Value::native(ClientObject {
        class: client_class(vm),
        pool: RefCell::new(Some(pool)),
    }))
}

fn seconds(vm: &Vm, value: &Value) -> PyResult<Option<Duration>> {
    if value.is_none() {
        return Ok(None);
    }
    let s = crate::builtins::number::to_f64(vm, value)?;
    Duration::try_from_secs_f64(s)
        .map(Some)
        .map_err(|_| vm.value_error(format!("invalid timeout {s}")))
}

fn count(vm: &Vm, value: &Value) -> PyResult<Option<usize>> {
    if value.is_none() {
        return Ok(None);
    }
    usize::try_from(vm.to_index(value)?)
        .map(Some)
        .map_err(|_| vm.value_error("a limit must not be negative"))
}

fn request_of(
    vm: &Vm,
    method: &Value,
    url: &Value,
    headers: &Value,
    body: &Value,
) -> PyResult<Request> {
    let mut pairs = Vec::new();
    for pair in vm.to_vec(headers)? {
        let items = vm.to_vec(&pair)?;
        let [name, value] = items.as_slice() else {
            return Err(vm.type_error("headers must be (name, value) pairs"));
        };
        let value = crate::objects::bytes::bytes_like(value)
            .map(|b| b.to_vec())
            .ok_or_else(|| vm.type_error("header values must be bytes"))?;
        pairs.push((vm.to_str(name)?, value));
    }
    Ok(Request {
        method: vm.to_str(method)?,
        url: vm.to_str(url)?,
        headers: pairs,
        body: crate::objects::bytes::bytes_like(body)
            .map(|b| b.to_vec())
            .ok_or_else(|| vm.type_error("the body must be bytes"))?,
    })
}

/// `(response, None)` or `(None, (kind, message))`.
fn outcome_value(outcome: &Result<FullResponse, HttpError>) -> (Value, Value) {
    match outcome {
        Ok(r) => {
            let bytes = |b: &[u8]| Value::Bytes(Rc::new(b.to_vec()));
            let headers = r
                .headers
                .iter()
                .map(|(k, v)| Value::tuple(vec![Value::string(k.clone()), bytes(v)]))
                .collect();
            let response = Value::tuple(vec![
                Value::Int(i64::from(r.status)),
                Value::string(r.reason.clone()),
                Value::str(r.version),
                Value::list(headers),
                bytes(&r.body),
            ]);
            (response, Value::None)
        }
        Err(e) => {
            let (kind, message) = error_parts(e);
            (
                Value::None,
                Value::tuple(vec![Value::str(kind), Value::string(message)]),
            )
        }
    }
}

/// httpx's kind of failure and the message it would carry.
fn error_parts(error: &HttpError) -> (&'static str, String) {
    match error {
        HttpError::InvalidUrl(why) | HttpError::InvalidHeader(why) => ("invalid_url", why.clone()),
        HttpError::Connect(e) => ("connect", os_error_text(e)),
        HttpError::Tls(e) => ("tls", crate::stdlib::ssl::tls_message(e, None)),
        HttpError::Timeout(phase) => (
            match phase {
                Phase::Connect => "timeout:connect",
                Phase::Read => "timeout:read",
                Phase::Write => "timeout:write",
                Phase::Pool => "timeout:pool",
            },
            "timed out".to_owned(),
        ),
        HttpError::Protocol(why) => ("protocol", why.clone()),
    }
}

/// An OS error as `str(OSError)` words it (`[Errno 111] Connection refused`).
fn os_error_text(error: &std::io::Error) -> String {
    const LOOKUP: &str = "failed to lookup address information: ";
    match error.raw_os_error() {
        Some(errno) => format!(
            "[Errno {errno}] {}",
            crate::stdlib::os_sys::strerror_text(errno)
        ),
        None => {
            let text = error.to_string();
            match text.strip_prefix(LOOKUP) {
                Some(why) => format!("[Errno -2] {why}"),
                None => text,
            }
        }
    }
}

fn with_pool<R>(vm: &Vm, this: &Value, f: impl FnOnce(&Pool) -> PyResult<R>) -> PyResult<R> {
    let object = this
        .downcast_native::<ClientObject>()
        .ok_or_else(|| vm.type_error("expected an _http.Client"))?;
    let pool = object.pool.borrow();
    match pool.as_ref() {
        Some(pool) => f(pool),
        None => Err(vm.runtime_error("Cannot send a request, as the client has been closed.")),
    }
}

static SEND: Signature = Signature::new(
    Style::Positional,
    "Client.send",
    "$self, method, url, headers, body, callback, /",
);

/// Starts a request on the running loop; the returned `_http.Request`'s
/// `cancel()` drops it.
fn send(vm: &Vm, args: Args) -> PyResult {
    let ([this, method, url, headers, body, callback], []) = SEND.bind(vm, args)?;
    let request = request_of(vm, method, url, headers, body)?;
    let client = with_pool(vm, this, |pool| match pool {
        Pool::Async(client) => Ok(client.clone()),
        Pool::Blocking(_) => Err(vm.type_error("a blocking client cannot send asynchronously")),
    })?;
    let lp = crate::stdlib::asyncio::events::get_running_loop_rc(vm)?;
    let callback = callback.clone();
    let task = towel_runtime::spawn(async move {
        let outcome = match client.send(request).await {
            Ok(response) => response.full().await,
            Err(e) => Err(e),
        };
        crate::stdlib::asyncio::fd_events::with_vm(&lp, |vm| {
            let (response, error) = outcome_value(&outcome);
            if let Err(e) = vm.call(&callback, &[response, error]) {
                lp.call_exception_handler(
                    vm,
                    vec![
                        (
                            "message",
                            Value::str("Exception in an HTTP request's callback"),
                        ),
                        ("exception", e.value()),
                    ],
                );
            }
        })
        .await;
    });
    Ok(Value::native(RequestObject {
        class: request_class(vm),
        task: RefCell::new(Some(task)),
    }))
}

static SEND_BLOCKING: Signature = Signature::new(
    Style::Positional,
    "Client.send_blocking",
    "$self, method, url, headers, body, /",
);

/// Sends and waits for the whole response: `(response, error)`.
fn send_blocking(vm: &Vm, args: Args) -> PyResult {
    let ([this, method, url, headers, body], []) = SEND_BLOCKING.bind(vm, args)?;
    let request = request_of(vm, method, url, headers, body)?;
    let pending = with_pool(vm, this, |pool| match pool {
        Pool::Blocking(client) => Ok(client.submit(request)),
        Pool::Async(_) => Err(vm.type_error("an asyncio client cannot block")),
    })?;
    // Other threads of this OS thread (a server, say) go on meanwhile.
    let outcome = pending.and_then(|p| towel_runtime::green::run_blocking(move || p.wait()));
    let (response, error) = outcome_value(&outcome);
    Ok(Value::tuple(vec![response, error]))
}

static CLOSE: Signature = Signature::new(Style::Exact, "Client.close", "$self, /");

/// Closes the pool's connections; later requests raise.
fn close(vm: &Vm, args: Args) -> PyResult {
    let ([this], []) = CLOSE.bind(vm, args)?;
    let object = this
        .downcast_native::<ClientObject>()
        .ok_or_else(|| vm.type_error("expected an _http.Client"))?;
    let pool = object.pool.borrow_mut().take();
    if let Some(Pool::Async(client)) = &pool {
        client.close_idle();
    }
    drop(pool);
    Ok(Value::None)
}

/// A request in flight: dropping its task drops the request.
struct RequestObject {
    class: Rc<Class>,
    task: RefCell<Option<towel_runtime::Task<()>>>,
}

impl NativeObject for RequestObject {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn request_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("_http.Request", |vm| {
        let c = new_class(
            "Request",
            std::slice::from_ref(&vm.types.object),
            Layout::Builtin,
            "_http",
        );
        add_declared_methods(&c, "Request", &[(&CANCEL, cancel)]);
        c
    })
}

static CANCEL: Signature = Signature::new(Style::Exact, "Request.cancel", "$self, /");

fn cancel(vm: &Vm, args: Args) -> PyResult {
    let ([this], []) = CANCEL.bind(vm, args)?;
    let request = this
        .downcast_native::<RequestObject>()
        .ok_or_else(|| vm.type_error("expected an _http.Request"))?;
    request.task.borrow_mut().take();
    Ok(Value::None)
}
