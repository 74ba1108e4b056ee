//! The byte-moving core of a stream transport: one connected socket, its
//! outgoing bytes and its flow-control state, with no event loop in it.
//!
//! A [`Wire`] owns a duplicate of a connected stream socket's descriptor
//! (TCP or Unix), switched to non-blocking mode, so the program's socket
//! object and the wire can be closed independently: the peer sees the
//! connection end once both are gone. An event loop drives it from
//! readiness callbacks:
//!
//! - **Reading**: on readable, [`Wire::recv`] once. One call per readiness
//!   is the per-connection read budget: a client that floods gets one chunk
//!   per loop iteration, like every other connection, so none starves. A
//!   peer's reset is an error of kind `ConnectionReset`, never an end of file.
//! - **Writing**: [`Wire::write`] sends right away while nothing waits and
//!   keeps what the socket refused; on writable, [`Wire::flush`] sends what
//!   was kept, at most [`Wire::FLUSH_BUDGET`] bytes a call. Both report a
//!   [`Pressure`] change when the kept bytes cross the high-water mark
//!   (pause the producer) or fall back to the low-water mark (resume it).
//! - **Half-close**: [`Wire::write_eof`] shuts the sending side down as soon
//!   as the kept bytes are out.
//! - **TLS**: after [`Wire::start_tls`], the same calls move plaintext: `recv`
//!   decrypts (a readiness that brought only handshake records reads as
//!   `Nothing`), `write` encrypts, the kept bytes are TLS records, and
//!   `write_eof` sends close_notify first. The handshake runs inside `recv`
//!   and `flush`; [`Wire::is_handshaking`] tells when it is over, and
//!   [`Wire::pending`] counts decrypted bytes a `recv` has not taken yet
//!   (they need no readiness to be read).
//!
//! ```
//! use std::io::Read;
//! use std::os::fd::AsFd;
//! use std::os::unix::net::UnixStream;
//! use towel_runtime::wire::{Pressure, Received, Wire};
//!
//! let (ours, mut theirs) = UnixStream::pair()?;
//! let mut wire = Wire::new(ours.as_fd())?;
//! drop(ours); // the wire holds its own copy
//! wire.set_limits(Some(8), None).unwrap(); // pause above 8 bytes, resume at 2
//!
//! assert_eq!(wire.write(b"ping")?, None); // sent at once, nothing kept
//! let mut got = [0u8; 4];
//! theirs.read_exact(&mut got)?;
//! assert_eq!(&got, b"ping");
//!
//! // Fill the socket until it refuses: the kept bytes pass the mark.
//! let chunk = vec![7u8; 64 * 1024];
//! let mut pressure = None;
//! while pressure.is_none() {
//!     pressure = wire.write(&chunk)?;
//! }
//! assert_eq!(pressure, Some(Pressure::Pause));
//! assert!(wire.buffered() > 8);
//!
//! // The peer drains; flushes on writable bring the kept bytes down.
//! theirs.set_nonblocking(true)?;
//! let mut sink = vec![0u8; 1 << 20];
//! let mut resumed = false;
//! while wire.buffered() > 0 {
//!     let _ = theirs.read(&mut sink);
//!     resumed |= wire.flush()? == Some(Pressure::Resume);
//! }
//! assert!(resumed);
//!
//! wire.write_eof()?;
//! let mut buf = [0u8; 16];
//! while theirs.read(&mut buf).map_or(true, |n| n > 0) {} // sees end of file
//! theirs.set_nonblocking(false)?;
//! std::io::Write::write_all(&mut theirs, b"bye")?;
//! drop(theirs);
//! assert_eq!(wire.recv(&mut buf)?, Received::Data(3));
//! assert_eq!(wire.recv(&mut buf)?, Received::Eof);
//! # std::io::Result::Ok(())
//! ```

use crate::tls::{Session, TlsError};
use std::io::{self, Read, Write};
use std::net::Shutdown;
use std::os::fd::BorrowedFd;

/// Default marks, as asyncio's: pause above 64 KiB, resume at 16 KiB.
const DEFAULT_HIGH: usize = 64 * 1024;

/// What one [`Wire::recv`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Received {
    /// This many bytes were read into the buffer.
    Data(usize),
    /// The peer shut its sending side: no more data will come.
    Eof,
    /// Nothing to read now (a spurious wake-up).
    Nothing,
}

/// A crossing of the write-buffer marks, for the producer's flow control.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pressure {
    /// The kept bytes went above the high-water mark: stop producing.
    Pause,
    /// They fell to the low-water mark or below: produce again.
    Resume,
}

/// Marks that contradict each other, as asyncio words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLimits {
    /// The high-water mark asked for (or derived).
    pub high: usize,
    /// The low-water mark asked for (or derived).
    pub low: usize,
}

impl std::fmt::Display for BadLimits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "high ({}) must be >= low ({}) must be >= 0",
            self.high, self.low
        )
    }
}

/// See the module documentation.
#[derive(Debug)]
pub struct Wire {
    socket: socket2::Socket,
    /// Bytes the socket refused so far; `sent` of them are already out.
    kept: Vec<u8>,
    sent: usize,
    high: usize,
    low: usize,
    /// Whether the producer was told to pause and not yet to resume.
    paused: bool,
    /// `write_eof` was asked for and the sending side is not shut yet.
    eof_pending: bool,
    eof_sent: bool,
    /// The TLS session the bytes go through, once started.
    tls: Option<Box<Session>>,
}

impl Wire {
    /// The most one [`Wire::flush`] sends, so a peer that reads fast cannot
    /// keep the loop on one connection.
    pub const FLUSH_BUDGET: usize = 256 * 1024;

    /// A wire over a copy of `fd`, a connected stream socket. The copy is
    /// made non-blocking, which the original shares (one open file).
    pub fn new(fd: BorrowedFd<'_>) -> io::Result<Self> {
        let socket = socket2::Socket::from(fd.try_clone_to_owned()?);
        socket.set_nonblocking(true)?;
        Ok(Self {
            socket,
            kept: Vec::new(),
            sent: 0,
            high: DEFAULT_HIGH,
            low: DEFAULT_HIGH / 4,
            paused: false,
            eof_pending: false,
            eof_sent: false,
            tls: None,
        })
    }

    /// Reads what the socket has, up to `buf.len()` bytes, in one call.
    /// Interrupted calls are retried; a reset is an error.
    pub fn recv(&mut self, buf: &mut [u8]) -> io::Result<Received> {
        if self.tls.is_some() {
            return self.recv_tls(buf);
        }
        // SAFETY: `recv` only writes initialised bytes into the buffer, and
        // `u8` has no invalid bit patterns, so viewing it as uninit is sound.
        let uninit = unsafe {
            std::slice::from_raw_parts_mut(
                buf.as_mut_ptr().cast::<std::mem::MaybeUninit<u8>>(),
                buf.len(),
            )
        };
        loop {
            return match self.socket.recv(uninit) {
                Ok(0) if !buf.is_empty() => Ok(Received::Eof),
                Ok(n) => Ok(Received::Data(n)),
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => Ok(Received::Nothing),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => Err(e),
            };
        }
    }

    /// Sends `data`, or keeps it behind what already waits. Returns
    /// `Some(Pause)` when the kept bytes just went above the high-water mark.
    pub fn write(&mut self, data: &[u8]) -> io::Result<Option<Pressure>> {
        if let Some(session) = self.tls.as_mut() {
            session.connection.writer().write_all(data)?;
            self.send_tls_output()?;
            return Ok(self.check_high());
        }
        let mut rest = data;
        if self.buffered() == 0 {
            let n = self.send_some(rest)?;
            rest = &rest[n..];
        }
        self.kept.extend_from_slice(rest);
        Ok(self.check_high())
    }

    /// Sends kept bytes, at most [`Wire::FLUSH_BUDGET`]; once all are out,
    /// shuts the sending side if [`Wire::write_eof`] asked for it. Returns
    /// `Some(Resume)` when the kept bytes just fell to the low-water mark.
    pub fn flush(&mut self) -> io::Result<Option<Pressure>> {
        let end = self.kept.len().min(self.sent + Self::FLUSH_BUDGET);
        let n = self.send_some(&self.kept[self.sent..end])?;
        self.sent += n;
        if self.sent == self.kept.len() {
            self.kept.clear();
            self.sent = 0;
        } else if self.sent > self.kept.len() / 2 {
            self.kept.drain(..self.sent);
            self.sent = 0;
        }
        if self.buffered() == 0 && self.eof_pending {
            self.shut_write()?;
        }
        Ok(self.check_low())
    }

    /// Bytes kept and not yet sent.
    pub fn buffered(&self) -> usize {
        self.kept.len() - self.sent
    }

    /// Shuts the sending side once the kept bytes are out (now if none are).
    pub fn write_eof(&mut self) -> io::Result<()> {
        if self.eof_sent {
            return Ok(());
        }
        if let Some(session) = self.tls.as_mut().filter(|_| !self.eof_pending) {
            session.connection.send_close_notify();
            self.send_tls_output()?;
        }
        self.eof_pending = true;
        if self.buffered() == 0 {
            self.shut_write()?;
        }
        Ok(())
    }

    /// Whether the sending side is shut (or will be once the kept bytes
    /// are out).
    pub fn eof_written(&self) -> bool {
        self.eof_pending || self.eof_sent
    }

    /// The marks as `(low, high)`.
    pub fn limits(&self) -> (usize, usize) {
        (self.low, self.high)
    }

    /// Sets the marks as asyncio's `set_write_buffer_limits`: a missing low
    /// mark is a quarter of the high one, a missing high mark four times the
    /// low one (64 KiB when both are missing). Returns `Some(Pause)` when
    /// the kept bytes are now above a lowered high mark.
    pub fn set_limits(
        &mut self,
        high: Option<usize>,
        low: Option<usize>,
    ) -> Result<Option<Pressure>, BadLimits> {
        let high = high.unwrap_or_else(|| low.map_or(DEFAULT_HIGH, |l| l * 4));
        let low = low.unwrap_or(high / 4);
        if high < low {
            return Err(BadLimits { high, low });
        }
        self.high = high;
        self.low = low;
        Ok(self.check_high())
    }

    /// Drops the kept bytes (an abort: they will never be sent).
    pub fn discard(&mut self) {
        self.kept = Vec::new();
        self.sent = 0;
    }

    /// Runs TLS over the connection from now on, as a client or a server
    /// by how `session` was made; a client's first handshake message goes
    /// out at once.
    pub fn start_tls(&mut self, session: Session) -> io::Result<()> {
        self.tls = Some(Box::new(session));
        self.send_tls_output()
    }

    /// The TLS session, once started.
    pub fn tls(&self) -> Option<&Session> {
        self.tls.as_deref()
    }

    /// Whether a TLS handshake is still going on.
    pub fn is_handshaking(&self) -> bool {
        self.tls.as_ref().is_some_and(|s| s.is_handshaking())
    }

    /// Decrypted bytes waiting for a [`Wire::recv`] (always 0 without TLS).
    pub fn pending(&mut self) -> usize {
        self.tls.as_mut().map_or(0, |session| {
            session
                .connection
                .process_new_packets()
                .map_or(0, |state| state.plaintext_bytes_to_read())
        })
    }

    /// `recv` under TLS: decrypted bytes already waiting, or else one read
    /// of records from the socket, whose answers (handshake messages, an
    /// alert) go out before any failure is reported.
    fn recv_tls(&mut self, buf: &mut [u8]) -> io::Result<Received> {
        if let Some(got) = self.read_plaintext(buf)? {
            return Ok(got);
        }
        let session = self.tls.as_mut().expect("recv_tls runs under TLS");
        loop {
            match session.connection.read_tls(&mut (&self.socket)) {
                Ok(_) => break,
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Ok(Received::Nothing),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        }
        let processed = session.connection.process_new_packets();
        self.send_tls_output()?;
        if let Err(e) = processed {
            return Err(TlsError::from(e).into_io());
        }
        Ok(self.read_plaintext(buf)?.unwrap_or(Received::Nothing))
    }

    /// Decrypted bytes into `buf`; `None` when none are waiting. The end
    /// of input is a close_notify or, as most TLS stacks allow, the
    /// socket's end of file without one.
    fn read_plaintext(&mut self, buf: &mut [u8]) -> io::Result<Option<Received>> {
        let session = self.tls.as_mut().expect("read_plaintext runs under TLS");
        match session.connection.reader().read(buf) {
            Ok(0) if !buf.is_empty() => Ok(Some(Received::Eof)),
            Ok(n) => Ok(Some(Received::Data(n))),
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => Ok(None),
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => Ok(Some(Received::Eof)),
            Err(e) => Err(e),
        }
    }

    /// Moves the TLS records the session has to send behind the kept bytes,
    /// and sends them at once when nothing else was waiting.
    fn send_tls_output(&mut self) -> io::Result<()> {
        let was_idle = self.buffered() == 0;
        if let Some(session) = self.tls.as_mut() {
            while session.connection.wants_write() {
                session.connection.write_tls(&mut self.kept)?;
            }
        }
        if was_idle {
            let n = self.send_some(&self.kept[self.sent..])?;
            self.sent += n;
            if self.sent == self.kept.len() {
                self.kept.clear();
                self.sent = 0;
            }
        }
        Ok(())
    }

    /// One `send`, retried when interrupted; 0 when the socket is full.
    fn send_some(&self, data: &[u8]) -> io::Result<usize> {
        if data.is_empty() {
            return Ok(0);
        }
        loop {
            return match self.socket.send(data) {
                Ok(n) => Ok(n),
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => Ok(0),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => Err(e),
            };
        }
    }

    fn shut_write(&mut self) -> io::Result<()> {
        self.eof_pending = false;
        self.eof_sent = true;
        match self.socket.shutdown(Shutdown::Write) {
            // The peer already went away: nothing left to tell it.
            Err(e) if e.kind() == io::ErrorKind::NotConnected => Ok(()),
            r => r,
        }
    }

    fn check_high(&mut self) -> Option<Pressure> {
        if !self.paused && self.buffered() > self.high {
            self.paused = true;
            return Some(Pressure::Pause);
        }
        None
    }

    fn check_low(&mut self) -> Option<Pressure> {
        if self.paused && self.buffered() <= self.low {
            self.paused = false;
            return Some(Pressure::Resume);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::fd::AsFd;

    /// A peer that closes with unread data (or SO_LINGER 0) resets the
    /// connection: the wire reports it as an error, not as end of file.
    #[test]
    fn reset_is_an_error() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let peer = std::net::TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let (ours, _) = listener.accept().unwrap();
        let mut wire = Wire::new(ours.as_fd()).unwrap();
        socket2::SockRef::from(&peer)
            .set_linger(Some(std::time::Duration::ZERO))
            .unwrap();
        drop(peer);
        let mut buf = [0u8; 8];
        let err = loop {
            match wire.recv(&mut buf) {
                Ok(Received::Nothing) => std::thread::yield_now(),
                Ok(other) => panic!("expected a reset, got {other:?}"),
                Err(e) => break e,
            }
        };
        assert_eq!(err.kind(), io::ErrorKind::ConnectionReset);
    }

    #[test]
    fn limits_as_asyncio_derives_them() {
        let (a, _b) = std::os::unix::net::UnixStream::pair().unwrap();
        let mut wire = Wire::new(a.as_fd()).unwrap();
        assert_eq!(wire.limits(), (16384, 65536));
        wire.set_limits(Some(1000), None).unwrap();
        assert_eq!(wire.limits(), (250, 1000));
        wire.set_limits(None, Some(10)).unwrap();
        assert_eq!(wire.limits(), (10, 40));
        let err = wire.set_limits(Some(1), Some(2)).unwrap_err();
        assert_eq!(err.to_string(), "high (1) must be >= low (2) must be >= 0");
    }
}
