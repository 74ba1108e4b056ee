//! BSD sockets with the three timeout modes of a scripting language's socket
//! object, on `socket2`.
//!
//! [`Socket`] is one file descriptor (TCP, UDP, Unix, any family the OS
//! offers) plus a timeout mode: **blocking** (`None`: the descriptor blocks
//! and operations wait as long as it takes), **non-blocking** (`Some(0)`: an
//! operation that would wait fails with [`std::io::ErrorKind::WouldBlock`])
//! and **timeout** (`Some(d)`: the descriptor is non-blocking and an
//! operation polls for readiness for at most `d`, then fails with
//! [`timed_out`]). These are the modes of CPython's `socket.settimeout`.
//!
//! **Beside green threads** ([`crate::green`]) nothing blocks the OS thread,
//! which all of them share: while green threads exist, a blocking-mode
//! operation runs non-blocking and waits for readiness as [`wait`] does
//! then, on the blocking pool while the calling thread is parked, so the
//! other threads run meanwhile (a threaded server's handler threads, a
//! reader thread beside a writer).
//!
//! A call interrupted by a signal fails with
//! [`std::io::ErrorKind::Interrupted`] instead of retrying by itself, so
//! that the caller can run its signal handlers first and then retry (PEP 475).
//!
//! [`getaddrinfo`] and [`getnameinfo`] ask the C library's resolver, with its
//! error numbers kept (`EAI_*`), and [`wait`] is `poll(2)` over several
//! descriptors.
//!
//! ```
//! use std::time::Duration;
//! use towel_runtime::socket::{Domain, SockAddr, Socket, Type};
//!
//! let listener = Socket::new(Domain::IPV4, Type::STREAM, None)?;
//! listener.bind(&SockAddr::from("127.0.0.1:0".parse::<std::net::SocketAddr>().unwrap()))?;
//! listener.listen(8)?;
//! let addr = listener.local_addr()?;
//!
//! let client = Socket::new(Domain::IPV4, Type::STREAM, None)?;
//! client.set_timeout(Some(Duration::from_secs(5)))?;
//! client.connect(&addr)?;
//! let (server, _) = listener.accept()?;
//! client.send(b"ping", 0)?;
//! let mut buf = [0u8; 4];
//! assert_eq!(server.recv(&mut buf, 0)?, 4);
//! assert_eq!(&buf, b"ping");
//!
//! // Nothing to read: the timeout mode waits, then reports it.
//! client.set_timeout(Some(Duration::from_millis(10)))?;
//! let err = client.recv(&mut buf, 0).unwrap_err();
//! assert!(towel_runtime::socket::is_timeout(&err));
//! # std::io::Result::Ok(())
//! ```

use std::cell::Cell;
use std::ffi::{CStr, CString};
use std::io;
use std::mem::MaybeUninit;
use std::os::fd::{AsRawFd, FromRawFd, IntoRawFd, RawFd};
use std::time::{Duration, Instant};

pub use socket2::{Domain, Protocol, SockAddr, Type};

/// A socket descriptor and its timeout mode (see the module documentation).
#[derive(Debug)]
pub struct Socket {
    inner: socket2::Socket,
    /// A `Cell`, so that the mode can change while another green thread
    /// is inside an operation on the same socket.
    timeout: Cell<Option<Duration>>,
}

/// Which readiness an operation waits for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Interest {
    /// Data (or a connection, or end of file) to read.
    Read,
    /// Room to write (or a connection attempt finished).
    Write,
}

/// The error a timed-out operation fails with: kind `TimedOut`, no errno
/// (CPython's `TimeoutError('timed out')`).
pub fn timed_out() -> io::Error {
    io::Error::new(io::ErrorKind::TimedOut, "timed out")
}

/// True for the error of [`timed_out`] (not for an `ETIMEDOUT` from the OS).
pub fn is_timeout(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::TimedOut && e.raw_os_error().is_none()
}

impl Socket {
    /// A new socket in blocking mode.
    pub fn new(domain: Domain, ty: Type, protocol: Option<Protocol>) -> io::Result<Self> {
        Ok(Self::from_inner(socket2::Socket::new(
            domain, ty, protocol,
        )?))
    }

    /// A connected pair (`socketpair(2)`), both in blocking mode.
    pub fn pair(domain: Domain, ty: Type, protocol: Option<Protocol>) -> io::Result<(Self, Self)> {
        let (a, b) = socket2::Socket::pair(domain, ty, protocol)?;
        Ok((Self::from_inner(a), Self::from_inner(b)))
    }

    /// Takes ownership of an open socket descriptor, in blocking mode
    /// whatever its flags (as CPython's `socket(fileno=fd)`): an operation
    /// on a descriptor left non-blocking fails with `WouldBlock`.
    ///
    /// # Safety
    /// `fd` must be an open socket that nothing else will close.
    pub unsafe fn from_raw_fd(fd: RawFd) -> Self {
        // SAFETY: the caller hands over an open socket it no longer owns.
        Self::from_inner(unsafe { socket2::Socket::from_raw_fd(fd) })
    }

    fn from_inner(inner: socket2::Socket) -> Self {
        Self {
            inner,
            timeout: Cell::new(None),
        }
    }

    /// The socket's descriptor.
    pub fn fd(&self) -> RawFd {
        self.inner.as_raw_fd()
    }

    /// Gives up ownership of the descriptor without closing it.
    pub fn into_raw_fd(self) -> RawFd {
        self.inner.into_raw_fd()
    }

    /// The underlying `socket2` socket, for options this type does not wrap.
    pub fn inner(&self) -> &socket2::Socket {
        &self.inner
    }

    /// The timeout mode: `None` blocking, `Some(0)` non-blocking, else the limit.
    pub fn timeout(&self) -> Option<Duration> {
        self.timeout.get()
    }

    /// Sets the timeout mode; the descriptor is non-blocking in every mode but `None`.
    pub fn set_timeout(&self, timeout: Option<Duration>) -> io::Result<()> {
        self.inner.set_nonblocking(timeout.is_some())?;
        self.timeout.set(timeout);
        Ok(())
    }

    /// How long an operation may wait: `Some(None)` without limit,
    /// `Some(Some(d))` at most `d`, `None` not at all (the call is made
    /// once, blocking the OS thread only in blocking mode without green
    /// threads). While green threads exist a blocking-mode descriptor is
    /// made non-blocking for the operation ([`NonBlockingForNow`]).
    fn patience(&self) -> io::Result<Option<(Option<Duration>, Option<NonBlockingForNow<'_>>)>> {
        Ok(match self.timeout.get() {
            Some(limit) if !limit.is_zero() => Some((Some(limit), None)),
            Some(_) => None,
            None if crate::green::alive() == 0 => None,
            None => Some((None, Some(NonBlockingForNow::new(&self.inner)?))),
        })
    }

    /// Runs `op` in the socket's mode: once when non-blocking (or blocking
    /// with no green thread about); otherwise again after each readiness
    /// until it does not have to wait or the time is up.
    fn run<T>(&self, interest: Interest, mut op: impl FnMut() -> io::Result<T>) -> io::Result<T> {
        let Some((limit, _nonblocking)) = self.patience()? else {
            return op();
        };
        let deadline = limit.map(|limit| Instant::now() + limit);
        loop {
            match op() {
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {}
                other => return other,
            }
            let left = deadline.map(|d| d.saturating_duration_since(Instant::now()));
            if !wait_one(self.fd(), interest, left)? {
                return Err(timed_out());
            }
        }
    }

    /// Binds to a local address.
    pub fn bind(&self, addr: &SockAddr) -> io::Result<()> {
        self.inner.bind(addr)
    }

    /// Marks the socket as accepting connections, with a backlog.
    pub fn listen(&self, backlog: i32) -> io::Result<()> {
        self.inner.listen(backlog)
    }

    /// Accepts a connection; the new socket is in blocking mode (CPython
    /// then gives it the default timeout).
    pub fn accept(&self) -> io::Result<(Socket, SockAddr)> {
        let (s, addr) = self.run(Interest::Read, || self.inner.accept())?;
        s.set_nonblocking(false)?;
        Ok((Self::from_inner(s), addr))
    }

    /// Connects; with a timeout, waits for the connection to finish at most
    /// that long. In non-blocking mode an attempt in progress fails with
    /// `EINPROGRESS`.
    pub fn connect(&self, addr: &SockAddr) -> io::Result<()> {
        let patience = self.patience()?;
        match self.inner.connect(addr) {
            Ok(()) => Ok(()),
            Err(e) if e.raw_os_error() == Some(libc::EINPROGRESS) => {
                let Some((limit, _nonblocking)) = patience else {
                    return Err(e);
                };
                if !wait_one(self.fd(), Interest::Write, limit)? {
                    return Err(timed_out());
                }
                match self.inner.take_error()? {
                    Some(e) => Err(e),
                    None => Ok(()),
                }
            }
            Err(e) => Err(e),
        }
    }

    /// Sends what the socket takes now (or after waiting, in timeout mode).
    pub fn send(&self, data: &[u8], flags: i32) -> io::Result<usize> {
        self.run(Interest::Write, || self.inner.send_with_flags(data, flags))
    }

    /// Sends a datagram to `addr`.
    pub fn send_to(&self, data: &[u8], flags: i32, addr: &SockAddr) -> io::Result<usize> {
        self.run(Interest::Write, || {
            self.inner.send_to_with_flags(data, addr, flags)
        })
    }

    /// Sends all of `data`; in timeout mode the limit applies to each wait.
    pub fn send_all(&self, mut data: &[u8], flags: i32) -> io::Result<()> {
        while !data.is_empty() {
            let n = self.send(data, flags)?;
            data = &data[n..];
        }
        Ok(())
    }

    /// Receives into `buf`; 0 is end of file on a stream.
    pub fn recv(&self, buf: &mut [u8], flags: i32) -> io::Result<usize> {
        self.run(Interest::Read, || {
            self.inner.recv_with_flags(uninit(buf), flags)
        })
    }

    /// Receives a datagram and the address it came from.
    pub fn recv_from(&self, buf: &mut [u8], flags: i32) -> io::Result<(usize, SockAddr)> {
        self.run(Interest::Read, || {
            self.inner.recv_from_with_flags(uninit(buf), flags)
        })
    }

    /// Shuts down one or both directions.
    pub fn shutdown(&self, how: std::net::Shutdown) -> io::Result<()> {
        self.inner.shutdown(how)
    }

    /// The local address.
    pub fn local_addr(&self) -> io::Result<SockAddr> {
        self.inner.local_addr()
    }

    /// The peer's address.
    pub fn peer_addr(&self) -> io::Result<SockAddr> {
        self.inner.peer_addr()
    }

    /// Sets an option from its raw bytes (`setsockopt(2)`).
    pub fn set_option_raw(&self, level: i32, name: i32, value: &[u8]) -> io::Result<()> {
        // SAFETY: the pointer and length describe `value`, which outlives the call.
        let r = unsafe {
            libc::setsockopt(
                self.fd(),
                level,
                name,
                value.as_ptr().cast(),
                value.len() as libc::socklen_t,
            )
        };
        if r == -1 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }

    /// Reads an option's raw bytes, at most `len` of them (`getsockopt(2)`).
    pub fn option_raw(&self, level: i32, name: i32, len: usize) -> io::Result<Vec<u8>> {
        let mut buf = vec![0u8; len];
        let mut size = len as libc::socklen_t;
        // SAFETY: the pointer and length describe `buf`; the kernel writes at
        // most `size` bytes and stores the length it wrote back in `size`.
        let r =
            unsafe { libc::getsockopt(self.fd(), level, name, buf.as_mut_ptr().cast(), &mut size) };
        if r == -1 {
            return Err(io::Error::last_os_error());
        }
        buf.truncate(size as usize);
        Ok(buf)
    }

    /// The pending error of the socket (`SO_ERROR`), cleared by reading it.
    pub fn take_error(&self) -> io::Result<Option<io::Error>> {
        self.inner.take_error()
    }
}

/// Makes a blocking descriptor non-blocking until dropped, for an operation
/// that must wait beside green threads without blocking the OS thread.
struct NonBlockingForNow<'a>(&'a socket2::Socket);

impl<'a> NonBlockingForNow<'a> {
    fn new(socket: &'a socket2::Socket) -> io::Result<Self> {
        socket.set_nonblocking(true)?;
        Ok(Self(socket))
    }
}

impl Drop for NonBlockingForNow<'_> {
    fn drop(&mut self) {
        // The descriptor was blocking before and must be again; there is no
        // one to report a failure to, and the next operation would see it.
        let _ = self.0.set_nonblocking(false);
    }
}

/// Views an initialised buffer as the uninitialised one socket2 reads into.
fn uninit(buf: &mut [u8]) -> &mut [MaybeUninit<u8>] {
    // SAFETY: `MaybeUninit<u8>` has the layout of `u8`, and the kernel only
    // writes initialised bytes into the buffer.
    unsafe { &mut *(buf as *mut [u8] as *mut [MaybeUninit<u8>]) }
}

/// Waits until `fd` is ready for `interest`; false when `timeout` passed.
/// A signal ends the wait with `Interrupted`.
pub fn wait_one(fd: RawFd, interest: Interest, timeout: Option<Duration>) -> io::Result<bool> {
    let events = match interest {
        Interest::Read => libc::POLLIN,
        Interest::Write => libc::POLLOUT,
    };
    let mut fds = [PollFd {
        fd,
        events,
        revents: 0,
    }];
    Ok(wait(&mut fds, timeout)? > 0)
}

/// One descriptor of a [`wait`]: the events asked for (`POLLIN`,
/// `POLLOUT`, ...) and, after the wait, those that happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PollFd {
    /// The descriptor.
    pub fd: RawFd,
    /// `POLL*` bits asked for.
    pub events: i16,
    /// `POLL*` bits that happened.
    pub revents: i16,
}

/// `poll(2)`: waits until one of `fds` is ready or `timeout` passes (`None`
/// waits forever) and returns how many are ready. A signal ends the wait
/// with `Interrupted`.
///
/// ```
/// use std::time::Duration;
/// use towel_runtime::socket::{wait, PollFd};
///
/// let (a, b) = std::os::unix::net::UnixStream::pair()?;
/// use std::os::fd::AsRawFd;
/// let mut fds = [PollFd { fd: a.as_raw_fd(), events: libc::POLLIN, revents: 0 }];
/// assert_eq!(wait(&mut fds, Some(Duration::ZERO))?, 0);
/// std::io::Write::write_all(&mut &b, b"x")?;
/// assert_eq!(wait(&mut fds, None)?, 1);
/// assert_eq!(fds[0].revents & libc::POLLIN, libc::POLLIN);
/// # std::io::Result::Ok(())
/// ```
pub fn wait(fds: &mut [PollFd], timeout: Option<Duration>) -> io::Result<usize> {
    if timeout != Some(Duration::ZERO) && crate::green::alive() > 0 {
        return wait_beside_green_threads(fds, timeout);
    }
    poll_now(fds, timeout)
}

/// How long one `poll` of a waiting green thread lasts on the blocking pool
/// before the thread looks for signals to handle.
const GREEN_WAIT_SLICE: Duration = Duration::from_millis(100);

/// [`wait`] while green threads share the OS thread: `poll` runs on the
/// blocking pool, in slices, while the caller is parked. A signal caught
/// meanwhile ends the wait with `Interrupted`, as `poll` itself would.
fn wait_beside_green_threads(fds: &mut [PollFd], timeout: Option<Duration>) -> io::Result<usize> {
    let deadline = timeout.map(|t| Instant::now() + t);
    loop {
        let left = deadline.map(|d| d.saturating_duration_since(Instant::now()));
        let slice = left.map_or(GREEN_WAIT_SLICE, |l| l.min(GREEN_WAIT_SLICE));
        let mut asked = fds.to_vec();
        let (asked, result) = crate::green::run_blocking(move || {
            let result = poll_now(&mut asked, Some(slice));
            (asked, result)
        });
        let ready = result?;
        let last = left.is_some_and(|l| l <= slice);
        if ready > 0 || last {
            fds.copy_from_slice(&asked);
            return Ok(ready);
        }
        if crate::signal::any_pending() {
            return Err(io::Error::from_raw_os_error(libc::EINTR));
        }
    }
}

/// `poll(2)` on this OS thread.
fn poll_now(fds: &mut [PollFd], timeout: Option<Duration>) -> io::Result<usize> {
    let mut raw: Vec<libc::pollfd> = fds
        .iter()
        .map(|p| libc::pollfd {
            fd: p.fd,
            events: p.events,
            revents: 0,
        })
        .collect();
    let ms = match timeout {
        None => -1,
        // Round up, so that a short wait never becomes a busy loop.
        Some(d) => d.as_micros().div_ceil(1000).min(i32::MAX as u128) as i32,
    };
    // SAFETY: `raw` is a valid array of `raw.len()` pollfd structures.
    let n = unsafe { libc::poll(raw.as_mut_ptr(), raw.len() as libc::nfds_t, ms) };
    if n == -1 {
        return Err(io::Error::last_os_error());
    }
    for (p, r) in fds.iter_mut().zip(&raw) {
        p.revents = r.revents;
    }
    Ok(n as usize)
}

/// One answer of [`getaddrinfo`].
#[derive(Clone, Debug)]
pub struct AddrInfo {
    /// `AF_*`.
    pub family: i32,
    /// `SOCK_*`.
    pub socktype: i32,
    /// `IPPROTO_*`.
    pub protocol: i32,
    /// The canonical name, when asked for with `AI_CANONNAME` (first answer only).
    pub canonname: String,
    /// The address.
    pub addr: SockAddr,
}

/// A resolver failure: the `EAI_*` code and the C library's text for it.
/// `EAI_SYSTEM` carries the errno's error instead.
#[derive(Debug)]
pub enum ResolveError {
    /// `EAI_*` code and message (`gai_strerror`).
    Gai(i32, String),
    /// `EAI_SYSTEM`: the system error.
    System(io::Error),
}

fn gai_error(code: i32) -> ResolveError {
    if code == libc::EAI_SYSTEM {
        return ResolveError::System(io::Error::last_os_error());
    }
    // SAFETY: gai_strerror returns a static NUL-terminated string.
    let text = unsafe { CStr::from_ptr(libc::gai_strerror(code)) };
    ResolveError::Gai(code, text.to_string_lossy().into_owned())
}

/// What [`getaddrinfo`] is asked: the `hints` of `getaddrinfo(3)`.
#[derive(Clone, Copy, Debug, Default)]
pub struct Hints {
    /// `AF_*` (0 for any).
    pub family: i32,
    /// `SOCK_*` (0 for any).
    pub socktype: i32,
    /// `IPPROTO_*` (0 for any).
    pub protocol: i32,
    /// `AI_*` bits.
    pub flags: i32,
}

/// Resolves a host and a service (`getaddrinfo(3)`); both may be absent,
/// but not at once. It blocks: from async code, run it on
/// [`spawn_blocking`](crate::spawn_blocking).
///
/// ```
/// use towel_runtime::socket::{getaddrinfo, Hints};
///
/// let found = getaddrinfo(Some("127.0.0.1"), Some("80"), Hints {
///     socktype: libc::SOCK_STREAM,
///     ..Hints::default()
/// }).unwrap();
/// assert_eq!(found[0].addr.as_socket().unwrap().to_string(), "127.0.0.1:80");
/// ```
pub fn getaddrinfo(
    host: Option<&str>,
    service: Option<&str>,
    hints: Hints,
) -> Result<Vec<AddrInfo>, ResolveError> {
    let nul = |s: &str| CString::new(s).map_err(|_| gai_error(libc::EAI_NONAME));
    let host = host.map(nul).transpose()?;
    let service = service.map(nul).transpose()?;
    // SAFETY: an all-zero addrinfo is the documented empty hints value.
    let mut c_hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    c_hints.ai_family = hints.family;
    c_hints.ai_socktype = hints.socktype;
    c_hints.ai_protocol = hints.protocol;
    c_hints.ai_flags = hints.flags;
    let mut list: *mut libc::addrinfo = std::ptr::null_mut();
    // SAFETY: the strings are NUL-terminated or null, the hints are valid,
    // and `list` receives a list we free below.
    let code = unsafe {
        libc::getaddrinfo(
            host.as_ref().map_or(std::ptr::null(), |h| h.as_ptr()),
            service.as_ref().map_or(std::ptr::null(), |s| s.as_ptr()),
            &c_hints,
            &mut list,
        )
    };
    if code != 0 {
        return Err(gai_error(code));
    }
    let mut found = Vec::new();
    let mut cursor = list;
    while !cursor.is_null() {
        // SAFETY: `cursor` walks the list getaddrinfo returned, not yet freed.
        let ai = unsafe { &*cursor };
        let canonname = if ai.ai_canonname.is_null() {
            String::new()
        } else {
            // SAFETY: a non-null ai_canonname is a NUL-terminated string.
            unsafe { CStr::from_ptr(ai.ai_canonname) }
                .to_string_lossy()
                .into_owned()
        };
        // SAFETY: ai_addr points at ai_addrlen bytes of a socket address,
        // which fit in sockaddr_storage.
        let addr = unsafe {
            SockAddr::try_init(|storage, len| {
                std::ptr::copy_nonoverlapping(
                    ai.ai_addr.cast::<u8>(),
                    storage.cast::<u8>(),
                    ai.ai_addrlen as usize,
                );
                *len = ai.ai_addrlen;
                Ok(())
            })
        }
        .map(|((), addr)| addr);
        if let Ok(addr) = addr {
            found.push(AddrInfo {
                family: ai.ai_family,
                socktype: ai.ai_socktype,
                protocol: ai.ai_protocol,
                canonname,
                addr,
            });
        }
        cursor = ai.ai_next;
    }
    // SAFETY: `list` came from a successful getaddrinfo and is freed once.
    unsafe { libc::freeaddrinfo(list) };
    Ok(found)
}

/// The host and service names of an address (`getnameinfo(3)`), with `NI_*`
/// flags. It blocks, as [`getaddrinfo`] does.
pub fn getnameinfo(addr: &SockAddr, flags: i32) -> Result<(String, String), ResolveError> {
    let mut host = [0 as libc::c_char; 1025];
    let mut service = [0 as libc::c_char; 32];
    // SAFETY: the address pointer and length come from a valid SockAddr, and
    // the buffers' lengths are passed with them.
    let code = unsafe {
        libc::getnameinfo(
            addr.as_ptr().cast(),
            addr.len(),
            host.as_mut_ptr(),
            host.len() as libc::socklen_t,
            service.as_mut_ptr(),
            service.len() as libc::socklen_t,
            flags,
        )
    };
    if code != 0 {
        return Err(gai_error(code));
    }
    // SAFETY: on success both buffers hold NUL-terminated strings.
    let text = |b: &[libc::c_char]| {
        unsafe { CStr::from_ptr(b.as_ptr()) }
            .to_string_lossy()
            .into_owned()
    };
    Ok((text(&host), text(&service)))
}

/// The machine's host name (`gethostname(2)`).
pub fn hostname() -> io::Result<String> {
    let mut buf = [0 as libc::c_char; 256];
    // SAFETY: the buffer's length is passed with it; the name is NUL-terminated
    // when it fits, and the last byte stays 0 otherwise.
    if unsafe { libc::gethostname(buf.as_mut_ptr(), buf.len() - 1) } == -1 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: the buffer is NUL-terminated (see above).
    Ok(unsafe { CStr::from_ptr(buf.as_ptr()) }
        .to_string_lossy()
        .into_owned())
}
