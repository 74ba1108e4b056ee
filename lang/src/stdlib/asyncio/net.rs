//! TCP sockets for `asyncio`'s streams, on the runtime's `async-net`.
//!
//! Each operation that waits (connect, read, flush, accept) is an executor
//! task that does the I/O with the runtime's reactor and then settles an
//! `asyncio` future; script code awaits that future like any other. The
//! stream classes themselves (`StreamReader`, `StreamWriter`, `Server`) are
//! towel source in `asyncio.py`, over the natives here:
//!
//! - `_open_connection(host, port)` → future of a `_Conn`;
//! - `_start_server(host, port, on_connection)` → future of a `_Listener`,
//!   which calls `on_connection(conn)` for each accepted client;
//! - `_Conn`: `recv(n)` (future of bytes, `b""` at EOF), `write(data)`,
//!   `write_eof()`, `close()`, `drain()` and `wait_closed()` (futures),
//!   `is_closing()`, `peername()`, `sockname()`;
//! - `_Listener`: `close()`, `is_serving()`, `sockname()`.
//!
//! Writes go to one writer task per connection through a channel, so they
//! reach the socket in order without blocking the script.

use super::events::EventLoop;
use super::futures::Fut;
use super::{aio, Aio};
use crate::objects::BoolWord;
use crate::objects::{Args, Class, Module, NativeObject, PyErr, PyResult, Value};
use crate::objects::{Native, NativeBox};
use crate::vm::Vm;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};
use towel_runtime::io::{AsyncRead, AsyncWrite, AsyncWriteExt};
use towel_runtime::net::{Shutdown, TcpListener, TcpStream};

/// Runs `f` with the VM once `lp` is running (right away if it is).
pub(crate) async fn with_vm<R>(lp: &Native<EventLoop>, mut f: impl FnMut(&Vm) -> R) -> R {
    let mut f = Some(&mut f);
    std::future::poll_fn(|cx| match lp.enter(cx.waker()) {
        Some(vm) => match f.take() {
            Some(g) => Poll::Ready(g(vm)),
            None => Poll::Pending,
        },
        None => Poll::Pending,
    })
    .await
}

/// An `OSError` (or the matching subclass) for an I/O error, as CPython words it.
fn os_error(vm: &Vm, e: &std::io::Error, what: Option<String>) -> PyErr {
    use std::io::ErrorKind as K;
    let class = match e.kind() {
        K::ConnectionRefused => vm.exc.connection_refused_error.clone(),
        K::ConnectionReset => vm.exc.connection_reset_error.clone(),
        K::ConnectionAborted => vm.exc.connection_aborted_error.clone(),
        K::BrokenPipe => vm.exc.broken_pipe_error.clone(),
        K::TimedOut => vm.exc.timeout_error.clone(),
        K::PermissionDenied => vm.exc.permission_error.clone(),
        _ => vm.exc.os_error.clone(),
    };
    let errno = e.raw_os_error().unwrap_or(0);
    let text = e.to_string();
    let strerror = text.split(" (os error").next().unwrap_or(&text).to_string();
    let msg = what.unwrap_or(strerror);
    let err = vm.new_exception(
        &class,
        vec![Value::Int(errno as i64), Value::string(msg.clone())],
    );
    err.0
        .set_attr(crate::objects::Name::new("errno"), Value::Int(errno as i64));
    err.0
        .set_attr(crate::objects::Name::new("strerror"), Value::string(msg));
    err
}

fn settle(vm: &Vm, fut: &Native<Fut>, r: Result<Value, PyErr>) {
    if fut.done() {
        return;
    }
    let _ = match r {
        Ok(v) => fut.set_result(vm, v),
        Err(e) => fut.set_exception(vm, e),
    };
}

fn addr_value(a: std::io::Result<std::net::SocketAddr>) -> Value {
    match a {
        Ok(a) => Value::tuple(vec![
            Value::string(a.ip().to_string()),
            Value::Int(a.port() as i64),
        ]),
        Err(_) => Value::None,
    }
}

// -- connections ---------------------------------------------------------------------

enum WriteCmd {
    Data(Vec<u8>),
    Eof,
    Close,
}

pub struct Conn {
    class: Rc<Class>,
    stream: TcpStream,
    lp: Native<EventLoop>,
    tx: async_channel_like::Sender<WriteCmd>,
    /// Bytes written by the script but not yet by the socket.
    pending: Rc<Cell<usize>>,
    closing: Cell<bool>,
    /// Futures waiting for the writer to catch up (`drain`) or to finish (`wait_closed`).
    drain_waiters: Rc<RefCell<Vec<Native<Fut>>>>,
    closed_waiters: Rc<RefCell<Vec<Native<Fut>>>>,
    closed: Rc<Cell<bool>>,
}

/// The channel type the writer task reads from.
mod async_channel_like {
    pub use towel_runtime::channel::{unbounded, Sender};
}

impl NativeObject for Conn {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Above this many unsent bytes `drain()` waits, as CPython's default high-water mark.
const HIGH_WATER: usize = 64 * 1024;

fn new_conn(a: &Aio, lp: &Native<EventLoop>, stream: TcpStream) -> Value {
    let (tx, rx) = async_channel_like::unbounded::<WriteCmd>();
    let pending = Rc::new(Cell::new(0usize));
    let drain_waiters: Rc<RefCell<Vec<Native<Fut>>>> = Rc::new(RefCell::new(Vec::new()));
    let closed_waiters: Rc<RefCell<Vec<Native<Fut>>>> = Rc::new(RefCell::new(Vec::new()));
    let closed = Rc::new(Cell::new(false));
    let writer = {
        let mut stream = stream.clone();
        let lp = lp.clone();
        let pending = pending.clone();
        let drain_waiters = drain_waiters.clone();
        let closed_waiters = closed_waiters.clone();
        let closed = closed.clone();
        async move {
            let mut failed: Option<std::io::Error> = None;
            while let Ok(cmd) = rx.recv().await {
                match cmd {
                    WriteCmd::Data(bytes) => {
                        if failed.is_none() {
                            if let Err(e) = stream.write_all(&bytes).await {
                                failed = Some(e);
                            }
                        }
                        pending.set(pending.get().saturating_sub(bytes.len()));
                        if pending.get() <= HIGH_WATER / 4 && !drain_waiters.borrow().is_empty() {
                            let waiters = std::mem::take(&mut *drain_waiters.borrow_mut());
                            with_vm(&lp, |vm| {
                                for w in &waiters {
                                    settle(vm, w, Ok(Value::None));
                                }
                            })
                            .await;
                        }
                    }
                    WriteCmd::Eof => {
                        let _ = stream.flush().await;
                        let _ = stream.shutdown(Shutdown::Write);
                    }
                    WriteCmd::Close => break,
                }
            }
            let _ = stream.flush().await;
            let _ = stream.shutdown(Shutdown::Both);
            drop(stream);
            closed.set(true);
            let waiters: Vec<Native<Fut>> = std::mem::take(&mut *closed_waiters.borrow_mut())
                .into_iter()
                .chain(std::mem::take(&mut *drain_waiters.borrow_mut()))
                .collect();
            if !waiters.is_empty() {
                with_vm(&lp, |vm| {
                    for w in &waiters {
                        settle(vm, w, Ok(Value::None));
                    }
                })
                .await;
            }
        }
    };
    towel_runtime::spawn(writer).detach();
    Value::native(Conn {
        class: a.conn_class.clone(),
        stream,
        lp: lp.clone(),
        tx,
        pending,
        closing: Cell::new(false),
        drain_waiters,
        closed_waiters,
        closed,
    })
}

fn conn<'a>(vm: &Vm, args: &'a Args) -> PyResult<&'a Conn> {
    args.get(0)
        .and_then(|v| v.downcast_native::<Conn>())
        .ok_or_else(|| vm.type_error("expected a connection"))
}

fn bytes_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::Bytes(b) => Ok(b.to_vec()),
        other => Err(vm.type_error(format!(
            "data argument must be a bytes-like object, not '{}'",
            vm.type_name(other)
        ))),
    }
}

thread_local! {
    /// Scratch space for reads; data is copied out of it, so no read allocates its full size.
    static SCRATCH: RefCell<Vec<u8>> = RefCell::new(vec![0u8; 1 << 16]);
}

/// One non-blocking read attempt into the scratch buffer.
fn poll_read_some(
    stream: &mut TcpStream,
    cx: &mut Context<'_>,
    n: usize,
) -> Poll<std::io::Result<Vec<u8>>> {
    SCRATCH.with(|s| {
        let mut s = s.borrow_mut();
        let n = n.min(s.len());
        match Pin::new(stream).poll_read(cx, &mut s[..n]) {
            Poll::Ready(Ok(k)) => Poll::Ready(Ok(s[..k].to_vec())),
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Pending => Poll::Pending,
        }
    })
}

fn conn_recv(vm: &Vm, args: Args) -> PyResult {
    let c = conn(vm, &args)?;
    let n = match args.get(1) {
        Some(v) => vm.to_index(v)?.clamp(1, 1 << 16) as usize,
        None => 1 << 16,
    };
    let fut = Fut::new(&c.lp, aio(vm).future_class.clone(), None);
    // Data (or EOF) already there: settle at once, so the reader does not
    // suspend, as with CPython's buffered transport.
    let mut cx = Context::from_waker(Waker::noop());
    let mut stream = c.stream.clone();
    match poll_read_some(&mut stream, &mut cx, n) {
        Poll::Ready(r) => {
            let v = r
                .map(|b| Value::Bytes(Rc::new(b)))
                .map_err(|e| os_error(vm, &e, None));
            settle(vm, &fut, v);
            return Ok(fut.value());
        }
        Poll::Pending => {}
    }
    let target = fut.clone();
    let lp = c.lp.clone();
    towel_runtime::spawn(async move {
        let r = std::future::poll_fn(|cx| poll_read_some(&mut stream, cx, n)).await;
        with_vm(&lp, |vm| {
            let v = match &r {
                Ok(b) => Ok(Value::Bytes(Rc::new(b.clone()))),
                Err(e) => Err(os_error(vm, e, None)),
            };
            settle(vm, &target, v);
        })
        .await;
    })
    .detach();
    Ok(fut.value())
}

/// `conn.start_reading(on_data)`: calls `on_data(bytes)` as data arrives and
/// `on_data(b"")` at end of file (or `on_data(exc)` on an error); the
/// transport of `loop.create_server`/`create_connection` protocols.
fn conn_start_reading(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "start_reading", 2, 2)?;
    let c = conn(vm, &args)?;
    let callback = args.pos[1].clone();
    let mut stream = c.stream.clone();
    let lp = c.lp.clone();
    towel_runtime::spawn(async move {
        loop {
            let r = std::future::poll_fn(|cx| poll_read_some(&mut stream, cx, 1 << 16)).await;
            let last = !matches!(&r, Ok(b) if !b.is_empty());
            let cb = callback.clone();
            let keep_going = with_vm(&lp, |vm| {
                let arg = match &r {
                    Ok(b) => Value::Bytes(Rc::new(b.clone())),
                    Err(e) => os_error(vm, e, None).value(),
                };
                match vm.call(&cb, &[arg]) {
                    Ok(v) => !matches!(v, Value::Bool(BoolWord::FALSE)),
                    Err(e) => {
                        lp.call_exception_handler(
                            vm,
                            vec![
                                (
                                    "message",
                                    Value::str(
                                        "Fatal error: protocol.data_received() call failed.",
                                    ),
                                ),
                                ("exception", e.value()),
                            ],
                        );
                        false
                    }
                }
            })
            .await;
            if last || !keep_going {
                break;
            }
        }
    })
    .detach();
    Ok(Value::None)
}

fn conn_write(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "write", 2, 2)?;
    let c = conn(vm, &args)?;
    let data = bytes_arg(vm, &args.pos[1])?;
    if data.is_empty() || c.closing.get() {
        return Ok(Value::None);
    }
    let mut data = data;
    if c.pending.get() == 0 {
        // Nothing queued: write what the socket takes now, queue the rest.
        let mut cx = Context::from_waker(Waker::noop());
        let mut writer = c.stream.clone();
        while !data.is_empty() {
            match Pin::new(&mut writer).poll_write(&mut cx, &data) {
                Poll::Ready(Ok(k)) if k > 0 => {
                    data.drain(..k);
                }
                _ => break,
            }
        }
        if data.is_empty() {
            return Ok(Value::None);
        }
    }
    c.pending.set(c.pending.get() + data.len());
    let _ = c.tx.try_send(WriteCmd::Data(data));
    Ok(Value::None)
}

fn conn_write_eof(vm: &Vm, args: Args) -> PyResult {
    let c = conn(vm, &args)?;
    let _ = c.tx.try_send(WriteCmd::Eof);
    Ok(Value::None)
}

fn conn_close(vm: &Vm, args: Args) -> PyResult {
    let c = conn(vm, &args)?;
    if !c.closing.replace(true) {
        let _ = c.tx.try_send(WriteCmd::Close);
    }
    Ok(Value::None)
}

fn conn_is_closing(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::from_bool(conn(vm, &args)?.closing.get()))
}

fn conn_drain(vm: &Vm, args: Args) -> PyResult {
    let c = conn(vm, &args)?;
    let fut = Fut::new(&c.lp, aio(vm).future_class.clone(), None);
    if c.pending.get() <= HIGH_WATER || c.closed.get() {
        fut.set_result(vm, Value::None)?;
    } else {
        c.drain_waiters.borrow_mut().push(fut.clone());
    }
    Ok(fut.value())
}

fn conn_wait_closed(vm: &Vm, args: Args) -> PyResult {
    let c = conn(vm, &args)?;
    let fut = Fut::new(&c.lp, aio(vm).future_class.clone(), None);
    if c.closed.get() {
        fut.set_result(vm, Value::None)?;
    } else {
        c.closed_waiters.borrow_mut().push(fut.clone());
    }
    Ok(fut.value())
}

fn conn_peername(vm: &Vm, args: Args) -> PyResult {
    Ok(addr_value(conn(vm, &args)?.stream.peer_addr()))
}

fn conn_sockname(vm: &Vm, args: Args) -> PyResult {
    Ok(addr_value(conn(vm, &args)?.stream.local_addr()))
}

fn host_port(vm: &Vm, args: &Args) -> PyResult<String> {
    let host = match args.get(0) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(Value::None) | None => "0.0.0.0".to_string(),
        Some(other) => {
            return Err(vm.type_error(format!("host must be a str, not {}", vm.type_name(other))))
        }
    };
    let port = match args.get(1) {
        Some(Value::None) | None => 0,
        Some(v) => vm.to_index(v)?,
    };
    if !(0..=65535).contains(&port) {
        return Err(vm.new_error(
            &vm.exc.overflow_error,
            "getsockaddrarg: port must be 0-65535.",
        ));
    }
    if host.contains(':') {
        Ok(format!("[{host}]:{port}"))
    } else {
        Ok(format!("{host}:{port}"))
    }
}

fn open_connection(vm: &Vm, args: Args) -> PyResult {
    let addr = host_port(vm, &args)?;
    let shown = match (args.get(0), args.get(1)) {
        (Some(h), Some(p)) => format!("({}, {})", vm.repr(h)?, vm.repr(p)?),
        _ => addr.clone(),
    };
    let lp = super::events::get_running_loop_rc(vm)?;
    let fut = Fut::new(&lp, aio(vm).future_class.clone(), None);
    let target = fut.clone();
    let lp2 = lp.clone();
    towel_runtime::spawn(async move {
        let r = TcpStream::connect(addr.as_str()).await;
        if let Ok(s) = &r {
            let _ = s.set_nodelay(true);
        }
        with_vm(&lp2, |vm| {
            let v = match &r {
                Ok(s) => Ok(new_conn(&aio(vm), &lp2, s.clone())),
                Err(e) => Err(os_error(
                    vm,
                    e,
                    Some(format!("Connect call failed {shown}")),
                )),
            };
            settle(vm, &target, v);
        })
        .await;
    })
    .detach();
    Ok(fut.value())
}

// -- listeners -----------------------------------------------------------------------

pub struct Listener {
    class: Rc<Class>,
    addr: Value,
    serving: Rc<Cell<bool>>,
    task: RefCell<Option<towel_runtime::Task<()>>>,
}

impl NativeObject for Listener {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn start_server(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "_start_server", 3, 3)?;
    let addr = host_port(vm, &args)?;
    let callback = args.pos[2].clone();
    let lp = super::events::get_running_loop_rc(vm)?;
    let fut = Fut::new(&lp, aio(vm).future_class.clone(), None);
    let target = fut.clone();
    let lp2 = lp.clone();
    towel_runtime::spawn(async move {
        let r = TcpListener::bind(addr.as_str()).await;
        let listener = match r {
            Ok(l) => l,
            Err(e) => {
                with_vm(&lp2, |vm| settle(vm, &target, Err(os_error(vm, &e, None)))).await;
                return;
            }
        };
        let serving = Rc::new(Cell::new(true));
        let accept = {
            let lp = lp2.clone();
            let listener = listener.clone();
            let serving = serving.clone();
            async move {
                loop {
                    let Ok((stream, _)) = listener.accept().await else {
                        continue;
                    };
                    let _ = stream.set_nodelay(true);
                    if !serving.get() {
                        break;
                    }
                    let cb = callback.clone();
                    let lp3 = lp.clone();
                    with_vm(&lp, |vm| {
                        let c = new_conn(&aio(vm), &lp3, stream.clone());
                        if let Err(e) = vm.call(&cb, &[c]) {
                            lp3.call_exception_handler(
                                vm,
                                vec![
                                    (
                                        "message",
                                        Value::str("Exception in callback for a new connection"),
                                    ),
                                    ("exception", e.value()),
                                ],
                            );
                        }
                    })
                    .await;
                }
            }
        };
        let addr_v = addr_value(listener.local_addr());
        let task = towel_runtime::spawn(accept);
        // The accept loop lives as long as the listener is open: dropping
        // its task handle (in `close`) stops it and closes the socket.
        let l = NativeBox::new(Listener {
            class: lp2.aio.listener_class.clone(),
            addr: addr_v,
            serving,
            task: RefCell::new(Some(task)),
        });
        drop(listener);
        with_vm(&lp2, |vm| {
            settle(vm, &target, Ok(Value::Native(l.clone().into())))
        })
        .await;
    })
    .detach();
    Ok(fut.value())
}

fn listener<'a>(vm: &Vm, args: &'a Args) -> PyResult<&'a Listener> {
    args.get(0)
        .and_then(|v| v.downcast_native::<Listener>())
        .ok_or_else(|| vm.type_error("expected a listener"))
}

fn listener_close(vm: &Vm, args: Args) -> PyResult {
    let l = listener(vm, &args)?;
    l.serving.set(false);
    // Dropping the accept task closes the listening socket.
    l.task.borrow_mut().take();
    Ok(Value::None)
}

fn listener_is_serving(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::from_bool(listener(vm, &args)?.serving.get()))
}

fn listener_sockname(vm: &Vm, args: Args) -> PyResult {
    Ok(listener(vm, &args)?.addr.clone())
}

pub fn install(vm: &Vm, a: &Aio, m: &Module) {
    use crate::vm::types::add_methods;
    add_methods(
        &a.conn_class,
        "_Conn",
        &[
            ("recv", conn_recv),
            ("start_reading", conn_start_reading),
            ("write", conn_write),
            ("write_eof", conn_write_eof),
            ("close", conn_close),
            ("is_closing", conn_is_closing),
            ("drain", conn_drain),
            ("wait_closed", conn_wait_closed),
            ("peername", conn_peername),
            ("sockname", conn_sockname),
        ],
    );
    add_methods(
        &a.listener_class,
        "_Listener",
        &[
            ("close", listener_close),
            ("is_serving", listener_is_serving),
            ("sockname", listener_sockname),
        ],
    );
    let _ = vm;
    for (name, f) in [
        (
            "_open_connection",
            open_connection as crate::objects::NativeFn,
        ),
        ("_start_server", start_server),
    ] {
        crate::stdlib::set(m, name, crate::builtins::native(name, f));
    }
}
