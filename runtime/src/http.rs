//! An HTTP/1.1 client on hyper, with keep-alive connection pooling and
//! https through [`crate::tls`].
//!
//! A [`Client`] keeps the idle connections of each origin (scheme, host,
//! port) and hands one to the next request for that origin, so a run of
//! requests to one server shares a connection; it opens at most
//! [`Limits::max_connections`] at once and keeps at most
//! [`Limits::max_idle`] idle, each for [`Limits::idle_expiry`]. A
//! [`Response`] holds its connection until its body is read to the end
//! ([`Response::chunk`] returns `None`, or [`Response::bytes`] returns), and
//! then gives it back. A request that fails on a reused connection the
//! server had closed meanwhile is sent once more on a new one.
//!
//! hyper writes and parses the wire format (content lengths, chunked
//! bodies, `Connection: close`); this module adds the connections, the pool,
//! the timeouts ([`Timeouts`]) and the errors ([`HttpError`]).
//!
//! ```
//! use towel_runtime::http::{Client, Request};
//! use towel_runtime::net::TcpListener;
//! use towel_runtime::prelude::*;
//!
//! towel_runtime::block_on(async {
//!     // A server that accepts one connection and answers two requests on it.
//!     let listener = TcpListener::bind("127.0.0.1:0").await?;
//!     let url = format!("http://{}/hello", listener.local_addr()?);
//!     let server = towel_runtime::spawn(async move {
//!         let (mut conn, _) = listener.accept().await?;
//!         for _ in 0..2 {
//!             let mut head = Vec::new();
//!             while !head.ends_with(b"\r\n\r\n") {
//!                 let mut byte = [0u8; 1];
//!                 conn.read_exact(&mut byte).await?;
//!                 head.push(byte[0]);
//!             }
//!             conn.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi").await?;
//!         }
//!         std::io::Result::Ok(())
//!     });
//!     let client = Client::default();
//!     for _ in 0..2 {
//!         let response = client.send(Request::get(&url)).await.unwrap();
//!         assert_eq!((response.status, response.version), (200, "HTTP/1.1"));
//!         assert_eq!(response.bytes().await.unwrap(), b"hi");
//!     }
//!     server.await // one connection served both
//! })?;
//! # std::io::Result::Ok(())
//! ```

use crate::tls::{self, ClientConfig, TlsError};
use bytes::Bytes;
use futures_lite::{AsyncRead, AsyncWrite};
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1;
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::io;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

// -- requests and responses -----------------------------------------------------------

/// What to send: a method, an absolute `http` or `https` URL, headers in
/// order (a `Host` header is added when missing) and a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// `GET`, `POST`...
    pub method: String,
    /// The absolute URL.
    pub url: String,
    /// Header names and values, sent in this order.
    pub headers: Vec<(String, Vec<u8>)>,
    /// The body (a `Content-Length` is added when it is not empty).
    pub body: Vec<u8>,
}

impl Request {
    /// A `GET` of `url` with no headers of its own.
    pub fn get(url: &str) -> Self {
        Self {
            method: "GET".to_owned(),
            url: url.to_owned(),
            headers: Vec::new(),
            body: Vec::new(),
        }
    }
}

/// A response whose head has arrived; the body follows on demand.
pub struct Response {
    /// The status code.
    pub status: u16,
    /// The reason phrase the server sent (`OK`, `Not Found`...).
    pub reason: String,
    /// `HTTP/1.1` or `HTTP/1.0`.
    pub version: &'static str,
    /// Header names (lower case) and values, in the order received.
    pub headers: Vec<(String, Vec<u8>)>,
    body: hyper::body::Incoming,
    read_timeout: Option<Duration>,
    /// The connection, given back to the pool once the body is read.
    lease: Option<Lease>,
}

impl fmt::Debug for Response {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Response")
            .field("status", &self.status)
            .field("version", &self.version)
            .field("headers", &self.headers)
            .finish_non_exhaustive()
    }
}

impl Response {
    /// The next piece of the body; `None` at its end, when the connection
    /// goes back to the pool.
    pub async fn chunk(&mut self) -> Result<Option<Bytes>, HttpError> {
        loop {
            let frame = self.body.frame();
            let frame = match self.read_timeout {
                Some(limit) => crate::time::timeout(limit, frame)
                    .await
                    .map_err(|_| HttpError::Timeout(Phase::Read))?,
                None => frame.await,
            };
            match frame {
                None => {
                    if let Some(lease) = self.lease.take() {
                        lease.give_back();
                    }
                    return Ok(None);
                }
                Some(Err(e)) => return Err(HttpError::from_hyper(e)),
                Some(Ok(frame)) => {
                    if let Ok(data) = frame.into_data() {
                        if !data.is_empty() {
                            return Ok(Some(data));
                        }
                    }
                }
            }
        }
    }

    /// The whole body.
    pub async fn bytes(mut self) -> Result<Vec<u8>, HttpError> {
        let mut body = Vec::new();
        while let Some(chunk) = self.chunk().await? {
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }

    /// The head and the whole body as one value.
    pub async fn full(mut self) -> Result<FullResponse, HttpError> {
        let mut body = Vec::new();
        while let Some(chunk) = self.chunk().await? {
            body.extend_from_slice(&chunk);
        }
        Ok(FullResponse {
            status: self.status,
            reason: std::mem::take(&mut self.reason),
            version: self.version,
            headers: std::mem::take(&mut self.headers),
            body,
        })
    }
}

/// A response read to the end of its body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FullResponse {
    /// The status code.
    pub status: u16,
    /// The reason phrase.
    pub reason: String,
    /// `HTTP/1.1` or `HTTP/1.0`.
    pub version: &'static str,
    /// Header names (lower case) and values, in the order received.
    pub headers: Vec<(String, Vec<u8>)>,
    /// The body.
    pub body: Vec<u8>,
}

// -- errors ---------------------------------------------------------------------------

/// Which wait ran out of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Opening the connection (TCP and TLS).
    Connect,
    /// Waiting for a free connection when the limit is reached.
    Pool,
    /// Sending the request.
    Write,
    /// Waiting for the response or a piece of its body.
    Read,
}

/// Why a request failed.
#[derive(Debug)]
pub enum HttpError {
    /// The URL is not an absolute `http`/`https` URL; the text says why.
    InvalidUrl(String),
    /// A header name or value cannot be sent.
    InvalidHeader(String),
    /// The connection could not be opened.
    Connect(io::Error),
    /// The TLS handshake failed.
    Tls(TlsError),
    /// A wait ran out of time.
    Timeout(Phase),
    /// The server broke the protocol or the connection; the text says how.
    Protocol(String),
}

impl fmt::Display for HttpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::InvalidUrl(why) => write!(f, "invalid URL: {why}"),
            Self::InvalidHeader(why) => write!(f, "invalid header: {why}"),
            Self::Connect(e) => write!(f, "{e}"),
            Self::Tls(e) => write!(f, "{e}"),
            Self::Timeout(phase) => write!(f, "timed out ({phase:?})"),
            Self::Protocol(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for HttpError {}

impl HttpError {
    fn from_hyper(error: hyper::Error) -> Self {
        if let Some(io) =
            std::error::Error::source(&error).and_then(|s| s.downcast_ref::<io::Error>())
        {
            if let Some(tls) = TlsError::from_io(io) {
                return Self::Tls(tls);
            }
        }
        Self::Protocol(error.to_string())
    }

    fn from_connect(error: io::Error) -> Self {
        match TlsError::from_io(&error) {
            Some(tls) => Self::Tls(tls),
            None => Self::Connect(error),
        }
    }
}

// -- options --------------------------------------------------------------------------

/// How long each wait may take; `None` waits for ever.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// Opening a connection.
    pub connect: Option<Duration>,
    /// Waiting for the response's head and each piece of its body.
    pub read: Option<Duration>,
    /// Sending the request.
    pub write: Option<Duration>,
    /// Waiting for a connection when the limit is reached.
    pub pool: Option<Duration>,
}

impl Timeouts {
    /// The same limit for every wait.
    pub fn all(limit: Option<Duration>) -> Self {
        Self {
            connect: limit,
            read: limit,
            write: limit,
            pool: limit,
        }
    }
}

/// How many connections a client keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Open at once, busy or idle (`None`: no limit).
    pub max_connections: Option<usize>,
    /// Idle, over all origins (`None`: no limit).
    pub max_idle: Option<usize>,
    /// How long an idle connection is kept.
    pub idle_expiry: Option<Duration>,
}

impl Default for Limits {
    /// 100 connections, 20 idle, each for 5 seconds.
    fn default() -> Self {
        Self {
            max_connections: Some(100),
            max_idle: Some(20),
            idle_expiry: Some(Duration::from_secs(5)),
        }
    }
}

// -- the client -----------------------------------------------------------------------

/// See the module documentation. Cloning shares the pool.
#[derive(Clone, Default)]
pub struct Client {
    inner: Rc<Inner>,
}

#[derive(Default)]
struct Inner {
    settings: Settings,
    /// Idle connections by origin, the most recently used last.
    idle: RefCell<HashMap<Origin, Vec<Idle>>>,
    /// Connections open now, and the waiters for a free slot.
    open: RefCell<usize>,
    freed: event_listener::Event,
}

struct Settings {
    tls: Option<ClientConfig>,
    timeouts: Timeouts,
    limits: Limits,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            tls: None,
            timeouts: Timeouts::all(Some(Duration::from_secs(5))),
            limits: Limits::default(),
        }
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("open", &*self.inner.open.borrow())
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Origin {
    https: bool,
    host: String,
    port: u16,
}

struct Idle {
    sender: http1::SendRequest<Full<Bytes>>,
    since: Instant,
}

/// A connection lent to one request and its response.
struct Lease {
    client: Rc<Inner>,
    origin: Origin,
    sender: Option<http1::SendRequest<Full<Bytes>>>,
}

impl Lease {
    /// Back to the pool, if the connection can take another request and
    /// the idle limit leaves room; closed (its slot freed) otherwise.
    fn give_back(mut self) {
        let Some(sender) = self.sender.take() else {
            return;
        };
        let inner = self.client.clone();
        let mut idle = inner.idle.borrow_mut();
        let total: usize = idle.values().map(Vec::len).sum();
        let room = inner.settings.limits.max_idle.is_none_or(|max| total < max);
        if sender.is_closed() || !room {
            drop(idle);
            inner.release_slot();
            return;
        }
        idle.entry(self.origin.clone()).or_default().push(Idle {
            sender,
            since: crate::time::now(),
        });
        // A request waiting for a connection may take this one.
        inner.freed.notify(1);
    }
}

impl Drop for Lease {
    fn drop(&mut self) {
        // A connection not given back is closed: its slot is free.
        if self.sender.is_some() {
            self.sender = None;
            self.client.release_slot();
        }
    }
}

impl Client {
    /// A client with its own TLS configuration (`None`: Mozilla's roots,
    /// made on first https use), timeouts and limits.
    pub fn new(tls: Option<ClientConfig>, timeouts: Timeouts, limits: Limits) -> Self {
        Self {
            inner: Rc::new(Inner {
                settings: Settings {
                    tls,
                    timeouts,
                    limits,
                },
                ..Inner::default()
            }),
        }
    }

    /// How many connections are open now (busy or idle).
    pub fn open_connections(&self) -> usize {
        *self.inner.open.borrow()
    }

    /// Closes every idle connection.
    pub fn close_idle(&self) {
        let drained: Vec<Idle> = self
            .inner
            .idle
            .borrow_mut()
            .drain()
            .flat_map(|(_, v)| v)
            .collect();
        for _ in drained {
            self.inner.release_slot();
        }
    }

    /// Sends `request` and waits for the response's head.
    pub async fn send(&self, request: Request) -> Result<Response, HttpError> {
        let (origin, target) = parse_url(&request.url)?;
        let (mut lease, reused) = self.lease(&origin).await?;
        match self.exchange(&mut lease, &origin, &target, &request).await {
            Err(HttpError::Protocol(_)) if reused => {
                // The server closed the idle connection as we used it: once
                // more on a new one.
                drop(lease);
                let mut lease = self.open(&origin).await?;
                let head = self
                    .exchange(&mut lease, &origin, &target, &request)
                    .await?;
                Ok(self.response(head, lease))
            }
            other => Ok(self.response(other?, lease)),
        }
    }

    fn response(&self, head: hyper::Response<hyper::body::Incoming>, lease: Lease) -> Response {
        let (parts, body) = head.into_parts();
        let reason = parts
            .extensions
            .get::<hyper::ext::ReasonPhrase>()
            .map(|r| String::from_utf8_lossy(r.as_bytes()).into_owned())
            .or_else(|| parts.status.canonical_reason().map(str::to_owned))
            .unwrap_or_default();
        Response {
            status: parts.status.as_u16(),
            reason,
            version: match parts.version {
                hyper::Version::HTTP_10 => "HTTP/1.0",
                hyper::Version::HTTP_09 => "HTTP/0.9",
                _ => "HTTP/1.1",
            },
            headers: parts
                .headers
                .iter()
                .map(|(k, v)| (k.as_str().to_owned(), v.as_bytes().to_vec()))
                .collect(),
            body,
            read_timeout: self.inner.settings.timeouts.read,
            lease: Some(lease),
        }
    }

    /// An idle connection to `origin` (true: reused), or a new one once
    /// the limit leaves room, waiting at most the pool timeout for either.
    async fn lease(&self, origin: &Origin) -> Result<(Lease, bool), HttpError> {
        let pool = self.inner.settings.timeouts.pool;
        let got = with_timeout(pool, Phase::Pool, async {
            loop {
                let listener = self.inner.freed.listen();
                if let Some(lease) = self.take_idle(origin) {
                    return Some(lease);
                }
                if self.inner.try_take_slot() {
                    return None;
                }
                // An idle connection elsewhere gives way to a new one here.
                if !self.inner.drop_one_idle() {
                    listener.await;
                }
            }
        })
        .await?;
        match got {
            Some(lease) => Ok((lease, true)),
            None => Ok((self.connect_in_slot(origin).await?, false)),
        }
    }

    /// The most recently used idle connection to `origin` still open.
    fn take_idle(&self, origin: &Origin) -> Option<Lease> {
        let expiry = self.inner.settings.limits.idle_expiry;
        loop {
            let idle = self
                .inner
                .idle
                .borrow_mut()
                .get_mut(origin)
                .and_then(Vec::pop)?;
            let stale = expiry.is_some_and(|limit| idle.since.elapsed() > limit);
            if stale || idle.sender.is_closed() || !idle.sender.is_ready() {
                self.inner.release_slot();
                continue;
            }
            return Some(Lease {
                client: self.inner.clone(),
                origin: origin.clone(),
                sender: Some(idle.sender),
            });
        }
    }

    /// A new connection, in a slot of its own (after a reused one failed).
    async fn open(&self, origin: &Origin) -> Result<Lease, HttpError> {
        let pool = self.inner.settings.timeouts.pool;
        with_timeout(pool, Phase::Pool, async {
            loop {
                let listener = self.inner.freed.listen();
                if self.inner.try_take_slot() {
                    return;
                }
                if !self.inner.drop_one_idle() {
                    listener.await;
                }
            }
        })
        .await?;
        self.connect_in_slot(origin).await
    }

    /// Connects in a slot already counted; the slot is freed on failure.
    async fn connect_in_slot(&self, origin: &Origin) -> Result<Lease, HttpError> {
        let limit = self.inner.settings.timeouts.connect;
        let sender = match with_timeout(limit, Phase::Connect, self.connect(origin)).await {
            Ok(Ok(sender)) => sender,
            Ok(Err(e)) | Err(e) => {
                self.inner.release_slot();
                return Err(e);
            }
        };
        Ok(Lease {
            client: self.inner.clone(),
            origin: origin.clone(),
            sender: Some(sender),
        })
    }

    async fn connect(&self, origin: &Origin) -> Result<http1::SendRequest<Full<Bytes>>, HttpError> {
        let _pending = crate::event_loop::PendingIo::new();
        let tcp = Watched::connect(&origin.host, origin.port)
            .await
            .map_err(HttpError::Connect)?;
        let stream = if origin.https {
            let config = match &self.inner.settings.tls {
                Some(config) => config.clone(),
                None => tls::ClientOptions::with_builtin_roots()
                    .config()
                    .map_err(HttpError::Tls)?,
            };
            let host = origin.host.trim_start_matches('[').trim_end_matches(']');
            let tls = tls::connect(&config, host, tcp)
                .await
                .map_err(HttpError::from_connect)?;
            Stream::Tls(Box::new(tls))
        } else {
            Stream::Plain(tcp)
        };
        let (sender, connection) = http1::Builder::new()
            .title_case_headers(true)
            .handshake(Io(stream))
            .await
            .map_err(HttpError::from_hyper)?;
        crate::spawn(async move {
            // Ends when the server closes or every sender is dropped.
            let _ = connection.await;
        })
        .detach();
        Ok(sender)
    }

    /// Sends the request on the lease's connection; the response's head.
    async fn exchange(
        &self,
        lease: &mut Lease,
        origin: &Origin,
        target: &str,
        request: &Request,
    ) -> Result<hyper::Response<hyper::body::Incoming>, HttpError> {
        let timeouts = self.inner.settings.timeouts;
        let message = build_request(origin, target, request)?;
        let sender = lease.sender.as_mut().expect("a lease holds its connection");
        with_timeout(timeouts.write, Phase::Write, sender.ready())
            .await?
            .map_err(HttpError::from_hyper)?;
        with_timeout(timeouts.read, Phase::Read, sender.send_request(message))
            .await?
            .map_err(HttpError::from_hyper)
    }
}

impl Inner {
    /// Counts one more open connection, if the limit leaves room.
    fn try_take_slot(&self) -> bool {
        let mut open = self.open.borrow_mut();
        if self
            .settings
            .limits
            .max_connections
            .is_some_and(|max| *open >= max)
        {
            return false;
        }
        *open += 1;
        true
    }

    fn drop_one_idle(&self) -> bool {
        let mut idle = self.idle.borrow_mut();
        let Some(list) = idle.values_mut().find(|v| !v.is_empty()) else {
            return false;
        };
        list.remove(0);
        drop(idle);
        self.release_slot();
        true
    }

    fn release_slot(&self) {
        let mut open = self.open.borrow_mut();
        *open = open.saturating_sub(1);
        self.freed.notify(1);
    }
}

// -- the blocking client ------------------------------------------------------------------

type Reply = async_channel::Sender<Result<FullResponse, HttpError>>;

/// A [`Client`] for code that cannot await: a thread of its own runs the
/// client, its pool and its connections (so keep-alive works across calls),
/// and [`BlockingClient::send`] blocks the caller until the whole response
/// has arrived. Dropping it closes the connections and ends the thread.
#[derive(Debug)]
pub struct BlockingClient {
    requests: Option<async_channel::Sender<(Request, Reply)>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl BlockingClient {
    /// Starts the client's thread; the arguments are [`Client::new`]'s.
    pub fn new(tls: Option<ClientConfig>, timeouts: Timeouts, limits: Limits) -> io::Result<Self> {
        let (sender, requests) = async_channel::unbounded::<(Request, Reply)>();
        let thread = std::thread::Builder::new()
            .name("towel-http".to_owned())
            .spawn(move || {
                crate::block_on(async move {
                    let client = Client::new(tls, timeouts, limits);
                    while let Ok((request, reply)) = requests.recv().await {
                        let client = client.clone();
                        crate::spawn(async move {
                            let outcome = match client.send(request).await {
                                Ok(response) => response.full().await,
                                Err(e) => Err(e),
                            };
                            let _ = reply.send(outcome).await;
                        })
                        .detach();
                    }
                });
            })?;
        Ok(Self {
            requests: Some(sender),
            thread: Some(thread),
        })
    }

    /// Sends `request` and waits for the whole response.
    pub fn send(&self, request: Request) -> Result<FullResponse, HttpError> {
        self.submit(request)?.wait()
    }

    /// Hands `request` to the client's thread without waiting; the
    /// [`Pending`] waits (from any thread, e.g. under
    /// [`crate::green::run_blocking`]).
    pub fn submit(&self, request: Request) -> Result<Pending, HttpError> {
        let (reply, outcome) = async_channel::bounded(1);
        self.requests
            .as_ref()
            .ok_or_else(thread_gone)?
            .send_blocking((request, reply))
            .map_err(|_| thread_gone())?;
        Ok(Pending(outcome))
    }
}

/// A request handed to a [`BlockingClient`], not answered yet.
#[derive(Debug)]
pub struct Pending(async_channel::Receiver<Result<FullResponse, HttpError>>);

impl Pending {
    /// Blocks until the whole response has arrived.
    pub fn wait(self) -> Result<FullResponse, HttpError> {
        self.0.recv_blocking().map_err(|_| thread_gone())?
    }
}

fn thread_gone() -> HttpError {
    HttpError::Protocol("the HTTP client's thread has stopped".to_owned())
}

impl Drop for BlockingClient {
    fn drop(&mut self) {
        self.requests = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

async fn with_timeout<F: std::future::Future>(
    limit: Option<Duration>,
    phase: Phase,
    future: F,
) -> Result<F::Output, HttpError> {
    match limit {
        Some(limit) => crate::time::timeout(limit, future)
            .await
            .map_err(|_| HttpError::Timeout(phase)),
        None => Ok(future.await),
    }
}

/// The origin and the request target (path and query) of an absolute URL.
fn parse_url(url: &str) -> Result<(Origin, String), HttpError> {
    let uri: hyper::Uri = url
        .parse()
        .map_err(|e: hyper::http::uri::InvalidUri| HttpError::InvalidUrl(e.to_string()))?;
    let https = match uri.scheme_str() {
        Some("http") => false,
        Some("https") => true,
        Some(other) => {
            return Err(HttpError::InvalidUrl(format!(
                "unsupported scheme {other:?}"
            )))
        }
        None => return Err(HttpError::InvalidUrl("missing scheme".to_owned())),
    };
    let host = uri
        .host()
        .filter(|h| !h.is_empty())
        .ok_or_else(|| HttpError::InvalidUrl("missing host".to_owned()))?;
    let origin = Origin {
        https,
        host: host.to_owned(),
        port: uri.port_u16().unwrap_or(if https { 443 } else { 80 }),
    };
    let target = uri.path_and_query().map_or("/", |p| p.as_str()).to_owned();
    Ok((origin, target))
}

fn build_request(
    origin: &Origin,
    target: &str,
    request: &Request,
) -> Result<hyper::Request<Full<Bytes>>, HttpError> {
    let method = hyper::Method::from_bytes(request.method.as_bytes())
        .map_err(|_| HttpError::InvalidHeader(format!("invalid method {:?}", request.method)))?;
    let mut builder = hyper::Request::builder().method(method).uri(target);
    let has = |name: &str| {
        request
            .headers
            .iter()
            .any(|(k, _)| k.eq_ignore_ascii_case(name))
    };
    if !has("host") {
        let default_port = if origin.https { 443 } else { 80 };
        let host = if origin.port == default_port {
            origin.host.clone()
        } else {
            format!("{}:{}", origin.host, origin.port)
        };
        builder = builder.header("Host", host);
    }
    for (name, value) in &request.headers {
        builder = builder.header(name.as_str(), value.as_slice());
    }
    if !request.body.is_empty() && !has("content-length") && !has("transfer-encoding") {
        builder = builder.header("Content-Length", request.body.len());
    }
    builder
        .body(Full::new(Bytes::from(request.body.clone())))
        .map_err(|e| HttpError::InvalidHeader(e.to_string()))
}

// -- connections -------------------------------------------------------------------------

/// A connection's byte stream, plain or TLS.
enum Stream {
    Plain(Watched),
    Tls(Box<tls::ClientStream<Watched>>),
}

type Wait = Pin<Box<dyn std::future::Future<Output = io::Result<()>>>>;

/// A non-blocking TCP stream whose readiness comes from the thread's
/// selector ([`crate::watch`]), as asyncio's transports' does: an event
/// loop polls it at the top of every iteration, so a response already on
/// its way is seen before a virtual clock jumps (async-io's reactor may be
/// held by its driver thread at that moment).
struct Watched {
    stream: std::net::TcpStream,
    watch: Rc<crate::watch::Watch>,
    reading: Option<Wait>,
    writing: Option<Wait>,
}

impl Watched {
    /// Connects to the first address of `host` that answers (resolved on
    /// the blocking pool unless it is an IP address).
    async fn connect(host: &str, port: u16) -> io::Result<Self> {
        use std::net::ToSocketAddrs;
        let bare = host.trim_start_matches('[').trim_end_matches(']');
        let addresses: Vec<std::net::SocketAddr> = match bare.parse::<std::net::IpAddr>() {
            Ok(ip) => vec![(ip, port).into()],
            Err(_) => {
                let name = bare.to_owned();
                crate::spawn_blocking(move || (name.as_str(), port).to_socket_addrs())
                    .await?
                    .collect()
            }
        };
        let mut last = io::Error::new(io::ErrorKind::NotFound, "no address to connect to");
        for address in addresses {
            match Self::connect_to(address).await {
                Ok(stream) => return Ok(stream),
                Err(e) => last = e,
            }
        }
        Err(last)
    }

    async fn connect_to(address: std::net::SocketAddr) -> io::Result<Self> {
        let socket = socket2::Socket::new(
            socket2::Domain::for_address(address),
            socket2::Type::STREAM.cloexec(),
            None,
        )?;
        socket.set_nonblocking(true)?;
        let _ = socket.set_tcp_nodelay(true);
        match socket.connect(&address.into()) {
            Ok(()) => {}
            Err(e) if e.raw_os_error() == Some(libc::EINPROGRESS) => {}
            Err(e) => return Err(e),
        }
        let stream = std::net::TcpStream::from(socket);
        let watch = Rc::new(crate::watch::Watch::new(std::os::fd::AsRawFd::as_raw_fd(
            &stream,
        ))?);
        watch.writable().await?;
        if let Some(e) = stream.take_error()? {
            return Err(e);
        }
        Ok(Self {
            stream,
            watch,
            reading: None,
            writing: None,
        })
    }

    /// Runs `op` until it stops saying "would block", waiting for the
    /// readiness it needs in between.
    fn poll_io<T>(
        wait: &mut Option<Wait>,
        watch: &Rc<crate::watch::Watch>,
        write: bool,
        cx: &mut Context<'_>,
        mut op: impl FnMut() -> io::Result<T>,
    ) -> Poll<io::Result<T>> {
        loop {
            match op() {
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {}
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                other => {
                    *wait = None;
                    return Poll::Ready(other);
                }
            }
            let pending = wait.get_or_insert_with(|| {
                let watch = watch.clone();
                if write {
                    Box::pin(async move { watch.writable().await })
                } else {
                    Box::pin(async move { watch.readable().await })
                }
            });
            let ready = futures_lite::ready!(pending.as_mut().poll(cx));
            *wait = None;
            ready?;
        }
    }
}

impl AsyncRead for Watched {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        use std::io::Read;
        let this = self.get_mut();
        let stream = &this.stream;
        Self::poll_io(&mut this.reading, &this.watch, false, cx, || {
            (&*stream).read(buf)
        })
    }
}

impl AsyncWrite for Watched {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        use std::io::Write;
        let this = self.get_mut();
        let stream = &this.stream;
        Self::poll_io(&mut this.writing, &this.watch, true, cx, || {
            (&*stream).write(buf)
        })
    }

    fn poll_flush(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_close(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(self.stream.shutdown(std::net::Shutdown::Write))
    }
}

impl AsyncRead for Stream {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        match self.get_mut() {
            Stream::Plain(s) => Pin::new(s).poll_read(cx, buf),
            Stream::Tls(s) => Pin::new(s.as_mut()).poll_read(cx, buf),
        }
    }
}

impl AsyncWrite for Stream {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        match self.get_mut() {
            Stream::Plain(s) => Pin::new(s).poll_write(cx, buf),
            Stream::Tls(s) => Pin::new(s.as_mut()).poll_write(cx, buf),
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Stream::Plain(s) => Pin::new(s).poll_flush(cx),
            Stream::Tls(s) => Pin::new(s.as_mut()).poll_flush(cx),
        }
    }

    fn poll_close(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Stream::Plain(s) => Pin::new(s).poll_close(cx),
            Stream::Tls(s) => Pin::new(s.as_mut()).poll_close(cx),
        }
    }
}

/// futures-io's traits as hyper's.
struct Io<S>(S);

impl<S: AsyncRead + Unpin> hyper::rt::Read for Io<S> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        mut buf: hyper::rt::ReadBufCursor<'_>,
    ) -> Poll<io::Result<()>> {
        let room = buf.initialize_unfilled();
        let n = futures_lite::ready!(Pin::new(&mut self.get_mut().0).poll_read(cx, room))?;
        // SAFETY: the first `n` bytes of the unfilled part were initialised
        // above and written by the read.
        unsafe { buf.advance(n) };
        Poll::Ready(Ok(()))
    }
}

impl<S: AsyncWrite + Unpin> hyper::rt::Write for Io<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().0).poll_write(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().0).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().0).poll_close(cx)
    }
}
