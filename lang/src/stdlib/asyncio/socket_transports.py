# asyncio's protocols, transports and the loop's connection methods, run
# into the asyncio module at import (after selector_events.py).
#
# A socket transport is a thin face over the runtime's wire (`_wire`, see
# wire.rs): the wire moves the bytes, keeps what the socket refused and
# tracks the write-buffer marks; the transport turns readiness into protocol
# callbacks. Readiness comes from `_watch_fd` (fd_events.rs): a level-
# triggered watch per direction, the writer's only while bytes wait.
#
# Callback order is CPython's, observed: a new transport calls
# connection_made in the iteration after it is made, starts reading behind
# it, and only then wakes whoever waits for the connection.

import errno as _errno
import socket as _socket_module


def _tell_protocol(transport, what):
    """Calls the transport's protocol's method `what` (a flow-control or
    end-of-file notice); a failure, fatal ones apart, goes to the loop's
    exception handler instead of ending the transport's callback."""
    try:
        getattr(transport._protocol, what)()
    except BaseException as exc:
        if _is_fatal(exc):
            raise
        transport._loop.call_exception_handler({
            'message': f'protocol.{what}() failed',
            'exception': exc,
            'transport': transport,
            'protocol': transport._protocol,
        })


class BaseProtocol:
    """What every protocol hears from its transport: the connection made
    and lost, and the write buffer's pause and resume."""
    __module__ = 'asyncio.protocols'
    __slots__ = ()

    def connection_made(self, transport):
        """Called when a connection is made."""

    def connection_lost(self, exc):
        """Called when the connection is lost or closed (exc is None on EOF or close)."""

    def pause_writing(self):
        """Called when the transport's buffer goes over the high-water mark."""

    def resume_writing(self):
        """Called when the transport's buffer drains below the low-water mark."""


class Protocol(BaseProtocol):
    """A stream protocol: bytes arrive through data_received, the peer's
    end of sending through eof_received."""
    __module__ = 'asyncio.protocols'
    __slots__ = ()

    def data_received(self, data):
        """Called when some data is received."""

    def eof_received(self):
        """Called when the other end signals it won't send any more data."""


class BufferedProtocol(BaseProtocol):
    __module__ = 'asyncio.protocols'
    __slots__ = ()

    def get_buffer(self, sizehint):
        """Called to allocate a new receive buffer."""

    def buffer_updated(self, nbytes):
        """Called when the buffer was updated with the received data."""

    def eof_received(self):
        """Called when the other end signals it won't send any more data."""


class DatagramProtocol(BaseProtocol):
    __module__ = 'asyncio.protocols'
    __slots__ = ()

    def datagram_received(self, data, addr):
        """Called when some datagram is received."""

    def error_received(self, exc):
        """Called when a send or receive operation raises an OSError."""


class SubprocessProtocol(BaseProtocol):
    __module__ = 'asyncio.protocols'
    __slots__ = ()

    def pipe_data_received(self, fd, data):
        """Called when the subprocess writes data into stdout/stderr pipe."""

    def pipe_connection_lost(self, fd, exc):
        """Called when a file descriptor associated with the child process is closed."""

    def process_exited(self):
        """Called when subprocess has exited."""


# -- the transport interfaces ---------------------------------------------------

class BaseTransport:
    __module__ = 'asyncio.transports'
    __slots__ = ('_extra',)

    def __init__(self, extra=None):
        self._extra = {} if extra is None else extra

    def get_extra_info(self, name, default=None):
        """Transport-specific information: 'socket', 'sockname', 'peername'..."""
        return self._extra.get(name, default)

    def is_closing(self):
        raise NotImplementedError

    def close(self):
        raise NotImplementedError

    def set_protocol(self, protocol):
        raise NotImplementedError

    def get_protocol(self):
        raise NotImplementedError


class ReadTransport(BaseTransport):
    __module__ = 'asyncio.transports'
    __slots__ = ()

    def is_reading(self):
        raise NotImplementedError

    def pause_reading(self):
        raise NotImplementedError

    def resume_reading(self):
        raise NotImplementedError


class WriteTransport(BaseTransport):
    __module__ = 'asyncio.transports'
    __slots__ = ()

    def set_write_buffer_limits(self, high=None, low=None):
        raise NotImplementedError

    def get_write_buffer_size(self):
        raise NotImplementedError

    def get_write_buffer_limits(self):
        raise NotImplementedError

    def write(self, data):
        raise NotImplementedError

    def writelines(self, list_of_data):
        """Write the bytes objects of `list_of_data`, as one write."""
        self.write(b''.join(list_of_data))

    def write_eof(self):
        raise NotImplementedError

    def can_write_eof(self):
        raise NotImplementedError

    def abort(self):
        raise NotImplementedError


class Transport(ReadTransport, WriteTransport):
    __module__ = 'asyncio.transports'
    __slots__ = ()


class DatagramTransport(BaseTransport):
    __module__ = 'asyncio.transports'
    __slots__ = ()

    def sendto(self, data, addr=None):
        raise NotImplementedError

    def abort(self):
        raise NotImplementedError


class SubprocessTransport(BaseTransport):
    __module__ = 'asyncio.transports'
    __slots__ = ()

    def get_pid(self):
        raise NotImplementedError

    def get_returncode(self):
        raise NotImplementedError

    def get_pipe_transport(self, fd):
        raise NotImplementedError

    def send_signal(self, signal):
        raise NotImplementedError

    def terminate(self):
        raise NotImplementedError

    def kill(self):
        raise NotImplementedError


class TransportSocket:
    """A transport's socket as protocols see it: queries and options, but
    no I/O of its own (the transport owns the descriptor)."""
    __module__ = 'asyncio.trsock'
    __slots__ = ('_sock',)

    def __init__(self, sock):
        self._sock = sock

    family = property(lambda self: self._sock.family)
    type = property(lambda self: self._sock.type)
    proto = property(lambda self: self._sock.proto)

    def __repr__(self):
        fd = self.fileno()
        text = (f'<asyncio.TransportSocket fd={fd}, family={self.family:d}, '
                f'type={self.type:d}, proto={self.proto:d}')
        if fd != -1:
            for key, query in (('laddr', self.getsockname), ('raddr', self.getpeername)):
                try:
                    address = query()
                except OSError:
                    continue
                if address:
                    text += f', {key}={address!r}'
        return text + '>'

    def __getstate__(self):
        raise TypeError("Cannot serialize asyncio.TransportSocket object")

    def settimeout(self, value):
        # A transport's socket stays non-blocking: 0 is the only timeout.
        if value != 0:
            raise ValueError('settimeout(): only 0 timeout is allowed on transport sockets')

    def gettimeout(self):
        return 0

    def setblocking(self, flag):
        if not flag:
            return
        raise ValueError('setblocking(): transport sockets cannot be blocking')


def _socket_query(name):
    """A TransportSocket method that is the socket's own `name`."""
    def query(self, *args, **kwargs):
        return getattr(self._sock, name)(*args, **kwargs)
    query.__name__ = name
    query.__qualname__ = f'TransportSocket.{name}'
    return query


for _name in ('fileno', 'dup', 'get_inheritable', 'shutdown', 'getsockopt', 'setsockopt',
              'getpeername', 'getsockname', 'getsockbyname'):
    setattr(TransportSocket, _name, _socket_query(_name))
del _name


def _transport_repr(transport, reading, writing):
    """`<_SelectorSocketTransport fd=7 read=polling write=<idle, bufsize=0>>`,
    with 'closing' or 'closed' after the name (a closed one shows its fd only)."""
    if transport._sock is None:
        return f'<{type(transport).__name__} closed fd={transport._fd}>'
    state = ' closing' if transport._closing else ''
    read = 'polling' if reading else 'idle'
    write = 'polling' if writing else 'idle'
    return (f'<{type(transport).__name__}{state} fd={transport._fd} read={read} '
            f'write=<{write}, bufsize={transport.get_write_buffer_size()}>>')


def _report_transport_error(transport, exc, message):
    """An error that ends a connection. An OSError (the peer went away and the
    like) is routine, logged in debug mode only; anything else goes to the
    loop's exception handler."""
    loop = transport._loop
    if not isinstance(exc, OSError):
        loop.call_exception_handler({
            'message': message,
            'exception': exc,
            'transport': transport,
            'protocol': transport._protocol,
        })
    elif loop.get_debug():
        _logger().debug("%r: %s", transport, message, exc_info=True)


# -- the socket transport -----------------------------------------------------------

# The most one read hands a protocol (the wire reads once per readiness).
_READ_CHUNK = 256 * 1024


def _require_bytes_like(data):
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f'data argument must be a bytes-like object, '
                        f'not {type(data).__name__!r}')


def _resolve(fut, value):
    if not fut.done():
        fut.set_result(value)


class _SelectorSocketTransport(Transport):
    __module__ = 'asyncio.selector_events'
    __slots__ = ('_loop', '_sock', '_fd', '_wire', '_protocol', '_buffered',
                 '_server', '_closing', '_lost', '_reading_paused',
                 '_writing_paused', '_reader', '_writer', '_made', '_late_writes')

    def __init__(self, loop, sock, protocol, waiter=None, extra=None, server=None):
        super().__init__(extra)
        self._extra['socket'] = TransportSocket(sock)
        for key, query in (('sockname', sock.getsockname), ('peername', sock.getpeername)):
            if key not in self._extra:
                try:
                    self._extra[key] = query()
                except OSError:
                    self._extra[key] = None
        self._loop = loop
        self._sock = sock
        self._fd = sock.fileno()
        self._wire = _wire(self._fd)
        self._protocol = None
        self._buffered = False
        self.set_protocol(protocol)
        self._server = server
        if server is not None:
            server._attach()
        self._closing = False
        self._lost = False
        self._reading_paused = False
        self._writing_paused = False
        self._reader = None
        self._writer = None
        self._made = False
        self._late_writes = 0
        self._start(waiter)

    def _start(self, waiter):
        """Tells the protocol of the connection from the next iteration."""
        loop = self._loop
        loop.call_soon(self._make_connection)
        loop.call_soon(self._start_reading)
        if waiter is not None:
            loop.call_soon(_resolve, waiter, None)

    def __repr__(self):
        return _transport_repr(self, self._reader is not None, self._writer is not None)
    # -- protocol ---------------------------------------------------------------

    def get_protocol(self):
        return self._protocol

    def set_protocol(self, protocol):
        # A BufferedProtocol is read into its own buffers (_read_into_buffer).
        self._buffered = isinstance(protocol, BufferedProtocol)
        self._protocol = protocol

    def _make_connection(self):
        self._made = True
        self._protocol.connection_made(self)

    # -- reading ------------------------------------------------------------------

    def _start_reading(self):
        if self._closing or self._reading_paused or self._reader is not None:
            return
        self._reader = _watch_fd(self._fd, False, self._on_readable, False)

    def _stop_reading(self):
        if self._reader is not None:
            self._reader.cancel()
            self._reader = None

    def is_reading(self):
        return not self._reading_paused and not self._closing

    def pause_reading(self):
        self._set_reading_paused(True)

    def resume_reading(self):
        self._set_reading_paused(False)

    def _set_reading_paused(self, paused):
        if self._closing or self._reading_paused == paused:
            return
        self._reading_paused = paused
        if paused:
            self._stop_reading()
        else:
            self._start_reading()
        if self._loop.get_debug():
            _logger().debug("%r %s reading", self, 'pauses' if paused else 'resumes')

    def _on_readable(self):
        if self._lost or self._reader is None:
            return
        if self._buffered:
            self._read_into_buffer()
            return
        try:
            data = self._wire.recv(_READ_CHUNK)
        except BaseException as exc:
            if _is_fatal(exc):
                raise
            self._fatal_error(exc, 'Fatal read error on socket transport')
            return
        if data:
            try:
                self._protocol.data_received(data)
            except BaseException as exc:
                if _is_fatal(exc):
                    raise
                self._fatal_error(exc, 'Fatal error: protocol.data_received() call failed.')
        elif data is not None:   # b'': the peer closed its side
            self._end_of_input()

    def _read_into_buffer(self):
        protocol = self._protocol
        try:
            buf = protocol.get_buffer(-1)
            room = len(buf)
            if not room:
                raise RuntimeError('get_buffer() returned an empty buffer')
        except BaseException as exc:
            if _is_fatal(exc):
                raise
            self._fatal_error(exc, 'Fatal error: protocol.get_buffer() call failed.')
            return
        try:
            n = self._wire.recv_into(buf)
        except BaseException as exc:
            if _is_fatal(exc):
                raise
            self._fatal_error(exc, 'Fatal read error on socket transport')
            return
        if n is None:
            return
        if not n:
            self._end_of_input()
            return
        try:
            protocol.buffer_updated(n)
        except BaseException as exc:
            if _is_fatal(exc):
                raise
            self._fatal_error(exc, 'Fatal error: protocol.buffer_updated() call failed.')

    def _end_of_input(self):
        """The peer will send nothing more: the protocol decides whether our
        side stays open (a true answer from eof_received) or closes."""
        self._stop_reading()
        try:
            keep_open = self._protocol.eof_received()
        except BaseException as exc:
            if _is_fatal(exc):
                raise
            self._fatal_error(exc, 'Fatal error: protocol.eof_received() call failed.')
            return
        if not keep_open:
            self.close()

    # -- writing ------------------------------------------------------------------

    def write(self, data):
        _require_bytes_like(data)
        if self._lost or self._wire is None:
            self._late_writes += 1
            if self._late_writes >= 5:
                _logger().warning('socket.send() raised exception.')
            return
        if self._wire.eof_written():
            raise RuntimeError('Cannot call write() after write_eof()')
        if not data:
            return
        try:
            pause = self._wire.write(data)
        except BaseException as exc:
            if _is_fatal(exc):
                raise
            self._fatal_error(exc, 'Fatal write error on socket transport')
            return
        if self._writer is None and self._wire.buffered():
            self._writer = _watch_fd(self._fd, True, self._on_writable, False)
        if pause:
            self._pause_protocol()

    def _on_writable(self):
        if self._lost or self._writer is None:
            return
        try:
            resume = self._wire.flush()
        except BaseException as exc:
            if _is_fatal(exc):
                raise
            self._stop_writing()
            self._wire.discard()
            self._fatal_error(exc, 'Fatal write error on socket transport')
            return
        if resume:
            self._resume_protocol()
        if self._wire.buffered():
            return
        self._stop_writing()
        if self._closing:
            self._flushed_while_closing()

    def _flushed_while_closing(self):
        """The last buffered byte went out after close(): the end."""
        self._lose(None)

    def _stop_writing(self):
        if self._writer is not None:
            self._writer.cancel()
            self._writer = None

    def _pause_protocol(self):
        self._writing_paused = True
        _tell_protocol(self, 'pause_writing')

    def _resume_protocol(self):
        self._writing_paused = False
        _tell_protocol(self, 'resume_writing')

    def write_eof(self):
        if self._closing or self._wire is None or self._wire.eof_written():
            return
        self._wire.write_eof()

    def can_write_eof(self):
        return True

    def get_write_buffer_size(self):
        return 0 if self._wire is None else self._wire.buffered()

    def get_write_buffer_limits(self):
        return self._wire.limits()

    def set_write_buffer_limits(self, high=None, low=None):
        if high is None:
            high = 4 * low if low is not None else 64 * 1024
        if low is None:
            low = high // 4
        if not high >= low >= 0:
            raise ValueError(f'high ({high!r}) must be >= low ({low!r}) must be >= 0')
        if self._wire.set_limits(high, low) and not self._writing_paused:
            self._pause_protocol()

    # -- closing ------------------------------------------------------------------

    def is_closing(self):
        return self._closing

    def close(self):
        """Stop reading; the connection is lost once the buffered bytes are sent."""
        if self._closing:
            return
        self._closing = True
        self._stop_reading()
        if self._wire is None or not self._wire.buffered():
            self._lose(None)

    def abort(self):
        """Closes now, dropping the buffered bytes."""
        self._force_close(None)

    def _force_close(self, exc):
        """Lose the connection now, buffered bytes and all."""
        if self._lost:
            return
        self._closing = True
        self._stop_reading()
        self._stop_writing()
        if self._wire is not None:
            self._wire.discard()
        self._lose(exc)

    def _fatal_error(self, exc, message):
        _report_transport_error(self, exc, message)
        self._force_close(exc)

    def _lose(self, exc):
        """Schedules connection_lost(exc); the socket closes after it."""
        if self._lost:
            return
        self._lost = True
        self._stop_writing()
        self._loop.call_soon(self._connection_lost, exc)

    def _connection_lost(self, exc):
        try:
            if self._made:
                self._protocol.connection_lost(exc)
        finally:
            self._wire.close()
            self._wire = None
            self._sock.close()
            self._sock = None
            self._protocol = None
            server, self._server = self._server, None
            if server is not None:
                server._detach()


class _SSLProtocolTransport(_SelectorSocketTransport):
    """A socket transport with TLS under its bytes: the wire runs the
    session, so reading, writing and flow control are the base class's.
    The protocol hears of the connection once the handshake is over, and
    whoever waits for the connection then; a failed handshake fails that
    wait (a server's just closes). close() sends close_notify first."""
    __module__ = 'asyncio.sslproto'
    __slots__ = ('_context', '_server_side', '_hostname', '_handshaking',
                 '_handshake_timer', '_handshake_timeout', '_waiter',
                 '_peer_closed', '_shutdown_timer')

    def __init__(self, loop, sock, protocol, context, server_side, server_hostname,
                 waiter=None, extra=None, server=None, handshake_timeout=None):
        self._context = context
        self._server_side = server_side
        self._hostname = server_hostname
        self._handshaking = True
        self._handshake_timer = None
        self._waiter = None
        self._handshake_timeout = handshake_timeout
        self._peer_closed = False
        self._shutdown_timer = None
        super().__init__(loop, sock, protocol, waiter, extra, server)

    __repr__ = object.__repr__

    def _start(self, waiter):
        self._waiter = waiter
        self._wire.start_tls(self._context._config(self._server_side), self._hostname)
        self._reader = _watch_fd(self._fd, False, self._on_handshake_readable, False)
        self._watch_writes()
        timeout = self._handshake_timeout
        if timeout is None:
            timeout = _SSL_HANDSHAKE_TIMEOUT
        self._handshake_timer = self._loop.call_later(timeout, self._handshake_expired, timeout)

    def _watch_writes(self):
        if self._writer is None and self._wire is not None and self._wire.buffered():
            self._writer = _watch_fd(self._fd, True, self._on_writable, False)

    def _on_handshake_readable(self):
        if self._lost or not self._handshaking:
            return
        try:
            done = self._wire.handshake()
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._handshake_failed(exc)
            return
        self._watch_writes()
        if done:
            self._handshake_done()

    def _handshake_expired(self, timeout):
        if self._handshaking and not self._lost:
            self._handshake_failed(ConnectionAbortedError(
                f'SSL handshake is taking longer than {timeout} seconds: '
                f'aborting the connection'))

    def _handshake_done(self):
        import ssl
        self._handshaking = False
        self._handshake_timer.cancel()
        self._stop_reading()
        ssl_object = ssl.SSLObject._create(self._context, self._server_side,
                                           self._hostname, self._wire.tls_info())
        self._extra.update(ssl_object=ssl_object, sslcontext=self._context,
                           peercert=ssl_object.getpeercert(),
                           cipher=ssl_object.cipher(), compression=None)
        self._make_connection()
        self._start_reading()
        waiter, self._waiter = self._waiter, None
        if waiter is not None:
            _resolve(waiter, None)

    def _handshake_failed(self, exc):
        self._handshaking = False
        self._handshake_timer.cancel()
        waiter, self._waiter = self._waiter, None
        self._force_close(exc)
        if waiter is not None and not waiter.done():
            waiter.set_exception(exc)

    def _start_reading(self):
        if self._handshaking:
            return
        super()._start_reading()
        self._read_pending()

    def _read_pending(self):
        """Decrypted bytes left from the last record need no readiness:
        they are read in the next iteration, as a level-triggered watch
        would."""
        if self._reader is not None and not self._lost and self._wire is not None \
                and self._wire.pending():
            self._loop.call_soon(self._on_readable)

    def write_eof(self):
        raise NotImplementedError

    def can_write_eof(self):
        return False

    # -- closing: close_notify both ways ----------------------------------------

    def close(self):
        """Sends close_notify and goes on reading until the peer's (its
        protocol then hears eof_received), at most _SSL_SHUTDOWN_TIMEOUT;
        the connection is lost once both are through."""
        if self._closing:
            return
        if self._handshaking or self._lost or self._wire is None:
            super().close()
            return
        self._closing = True
        try:
            self._wire.write_eof()
        except OSError:
            self._force_close(None)
            return
        self._watch_writes()
        if self._peer_closed:
            self._stop_reading()
            if not self._wire.buffered():
                self._lose(None)
            return
        if self._reader is None:
            self._reader = _watch_fd(self._fd, False, self._on_readable, False)
        self._shutdown_timer = self._loop.call_later(
            _SSL_SHUTDOWN_TIMEOUT, self._force_close, None)

    def _on_readable(self):
        if not self._closing:
            super()._on_readable()
            self._read_pending()
            return
        # Closing: what still comes is dropped, up to the peer's end.
        if self._lost or self._reader is None:
            return
        try:
            data = self._wire.recv(_READ_CHUNK)
        except OSError:
            self._force_close(None)
            return
        if data == b'':
            self._end_of_input()

    def _end_of_input(self):
        self._peer_closed = True
        if not self._closing:
            super()._end_of_input()
            return
        self._stop_reading()
        _tell_protocol(self, 'eof_received')
        if not self._wire.buffered():
            self._lose(None)

    def _flushed_while_closing(self):
        if self._peer_closed:
            self._lose(None)

    def _fatal_error(self, exc, message):
        # A peer that goes away while we close is no error.
        if self._closing and isinstance(exc, OSError):
            self._force_close(None)
            return
        super()._fatal_error(exc, message)

    def _lose(self, exc):
        if self._shutdown_timer is not None:
            self._shutdown_timer.cancel()
            self._shutdown_timer = None
        super()._lose(exc)


# How long a TLS handshake and a TLS shutdown may take, as asyncio's defaults.
_SSL_HANDSHAKE_TIMEOUT = 60.0
_SSL_SHUTDOWN_TIMEOUT = 30.0


def _logger():
    import logging
    return logging.getLogger('asyncio')


# -- servers ------------------------------------------------------------------------

class AbstractServer:
    __module__ = 'asyncio.events'

    def close(self):
        raise NotImplementedError

    def get_loop(self):
        raise NotImplementedError

    def is_serving(self):
        raise NotImplementedError

    async def start_serving(self):
        raise NotImplementedError

    async def serve_forever(self):
        raise NotImplementedError

    async def wait_closed(self):
        raise NotImplementedError

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        # Leaving `async with server` closes it and waits until it is closed.
        self.close()
        await self.wait_closed()


class Server(AbstractServer):
    """Listening sockets that accept connections for one protocol factory."""
    __module__ = 'asyncio.base_events'

    def __init__(self, loop, sockets, protocol_factory, backlog, tls=None):
        self._loop = loop
        # (context, handshake timeout) for a TLS server.
        self._tls = tls
        self._protocol_factory = protocol_factory
        self._backlog = backlog
        # The listening sockets (None once closed) and their accept watches
        # (while serving).
        self._listening = list(sockets)
        self._watches = []
        # Transports made for accepted connections and not yet lost.
        self._connections = 0
        # wait_closed()'s futures; None once they were woken.
        self._closed_waiters = []
        # serve_forever()'s future while it runs.
        self._forever = None

    def __repr__(self):
        return f'<{type(self).__name__} sockets={self.sockets!r}>'

    def get_loop(self):
        return self._loop

    @property
    def sockets(self):
        """The listening sockets, as TransportSockets (none once closed)."""
        if self._listening is None:
            return ()
        return tuple(map(TransportSocket, self._listening))

    def is_serving(self):
        return bool(self._watches)

    def _start_accepting(self):
        if self._watches or self._listening is None:
            return
        for sock in self._listening:
            sock.listen(self._backlog)
            sock.setblocking(False)
            accept = _Acceptor(self, sock)
            self._watches.append(_watch_fd(sock.fileno(), False, accept, False))

    async def start_serving(self):
        self._start_accepting()
        # The watches take effect from the next iteration, as a selector's.
        await sleep(0)

    def close(self):
        """Stop listening and close the listening sockets; the connections
        already made stay open."""
        listening, self._listening = self._listening, None
        if listening is None:
            return
        self._stop_accepting()
        for sock in listening:
            sock.close()
        forever, self._forever = self._forever, None
        if forever is not None and not forever.done():
            forever.cancel()
        if not self._connections:
            self._wake_closed_waiters()

    def _attach(self):
        self._connections += 1

    def _detach(self):
        # One of our transports lost its connection.
        self._connections -= 1
        if not self._connections and self._listening is None:
            self._wake_closed_waiters()

    def _wake_closed_waiters(self):
        waiters = self._closed_waiters
        self._closed_waiters = None
        for waiter in waiters or ():
            _resolve(waiter, None)

    async def wait_closed(self):
        """Wait until the server is closed and its connections are gone.

        As in CPython 3.11, it returns at once when close() was already called."""
        if self._listening is None or self._closed_waiters is None:
            return
        closed = self._loop.create_future()
        self._closed_waiters.append(closed)
        await closed

    async def serve_forever(self):
        """Accept connections until cancelled (close() cancels it too); then
        close the server and raise CancelledError."""
        if self._forever is not None:
            raise RuntimeError(f'server {self!r} is already being awaited on serve_forever()')
        if self._listening is None:
            raise RuntimeError(f'server {self!r} is closed')
        self._start_accepting()
        # Nothing resolves this future: it only ends cancelled (by the
        # caller's task being cancelled, or by close()).
        self._forever = self._loop.create_future()
        try:
            await self._forever
        finally:
            self._forever = None
            self.close()
            await self.wait_closed()

    def _stop_accepting(self):
        for watch in self._watches:
            watch.cancel()
        self._watches = []

    def _pause_accepting_for(self, delay):
        self._stop_accepting()
        self._loop.call_later(delay, self._start_accepting)

    def _serve(self, conn, extra):
        try:
            protocol = self._protocol_factory()
            if self._tls is None:
                _SelectorSocketTransport(self._loop, conn, protocol, extra=extra, server=self)
            else:
                context, timeout = self._tls
                _SSLProtocolTransport(self._loop, conn, protocol, context, True, None,
                                      extra=extra, server=self, handshake_timeout=timeout)
        except BaseException as exc:
            if _is_fatal(exc):
                raise
            conn.close()
            self._loop.call_exception_handler({
                'message': 'Error on transport creation for incoming connection',
                'exception': exc,
            })


class _Acceptor:
    """The listening socket's reader: takes what connections wait, at most
    the backlog per readiness, and serves each from the next iteration."""
    __slots__ = ('_server', '_sock')

    def __init__(self, server, sock):
        self._server = server
        self._sock = sock

    def __call__(self):
        server = self._server
        for _ in range(server._backlog):
            try:
                conn, address = self._sock.accept()
            except (BlockingIOError, InterruptedError, ConnectionAbortedError):
                return
            except OSError as exc:
                if exc.errno in (_errno.EMFILE, _errno.ENFILE, _errno.ENOBUFS, _errno.ENOMEM):
                    # Out of descriptors: pause accepting for a second.
                    server._loop.call_exception_handler({
                        'message': 'socket.accept() out of system resource',
                        'exception': exc,
                        'socket': TransportSocket(self._sock),
                    })
                    server._pause_accepting_for(1.0)
                    return
                raise
            conn.setblocking(False)
            server._loop.call_soon(server._serve, conn, {'peername': address})




# -- the loop's connection methods ------------------------------------------------

def _client_tls(ssl, server_hostname, host, handshake_timeout, shutdown_timeout):
    """A client's (context, server name), or None without ssl; the checks
    and defaults of create_connection."""
    if server_hostname is not None and not ssl:
        raise ValueError('server_hostname is only meaningful with ssl')
    if server_hostname is None and ssl:
        if not host:
            raise ValueError('You must set server_hostname when using ssl without a host')
        server_hostname = host
    _check_tls_timeouts(ssl, handshake_timeout, shutdown_timeout)
    if not ssl:
        return None
    if isinstance(ssl, bool):
        import ssl as _ssl_module
        ssl = _ssl_module.create_default_context()
    return ssl, server_hostname


def _server_tls(ssl, handshake_timeout, shutdown_timeout):
    """A server's (context, handshake timeout), or None without ssl."""
    if isinstance(ssl, bool):
        raise TypeError('ssl argument must be an SSLContext or None')
    _check_tls_timeouts(ssl, handshake_timeout, shutdown_timeout)
    if ssl is None:
        return None
    return ssl, handshake_timeout


def _check_tls_timeouts(ssl, handshake_timeout, shutdown_timeout):
    for name, value in (('ssl_handshake_timeout', handshake_timeout),
                        ('ssl_shutdown_timeout', shutdown_timeout)):
        if value is None:
            continue
        if not ssl:
            raise ValueError(f'{name} is only meaningful with ssl')
        if value <= 0:
            raise ValueError(f'{name} should be a positive number, got {value}')


def _check_stream_socket(sock):
    if sock.type != _socket_module.SOCK_STREAM:
        raise ValueError(f'A Stream Socket was expected, got {sock!r}')


async def _resolve_address(loop, host, port, family, type, proto, flags):
    """getaddrinfo, without a thread for an address that is already numeric."""
    try:
        return _socket_module.getaddrinfo(host, port, family, type, proto,
                                          flags | _socket_module.AI_NUMERICHOST)
    except _socket_module.gaierror:
        pass
    infos = await loop.getaddrinfo(host, port, family=family, type=type,
                                   proto=proto, flags=flags)
    if not infos:
        raise OSError('getaddrinfo() returned empty list')
    return infos


async def _connect_one(loop, info, local_infos):
    family, type_, proto, _, address = info
    sock = _socket_module.socket(family=family, type=type_, proto=proto)
    try:
        sock.setblocking(False)
        if local_infos is not None:
            for local in local_infos:
                if local[0] != family:
                    continue
                try:
                    sock.bind(local[4])
                    break
                except OSError as exc:
                    msg = (f'error while attempting to bind on address '
                           f'{local[4]!r}: {exc.strerror.lower()}')
                    raise OSError(exc.errno, msg) from None
            else:
                raise OSError(f'no matching local address with family={family} found')
        await _connect(loop, sock, address)
        return sock
    except OSError as exc:
        sock.close()
        if exc.errno is not None and exc.strerror is not None \
                and not exc.strerror.startswith('error while attempting'):
            raise OSError(exc.errno, f'Connect call failed {address}') from None
        raise
    except BaseException:
        sock.close()
        raise


async def _connect(loop, sock, address):
    """Connects the non-blocking `sock`, waiting for writability once."""
    try:
        sock.connect(address)
        return
    except (BlockingIOError, InterruptedError):
        pass
    done = loop.create_future()
    watch = _watch_fd(sock.fileno(), True, lambda: _resolve(done, None), True)
    try:
        await done
    finally:
        watch.cancel()
    err = sock.getsockopt(_socket_module.SOL_SOCKET, _socket_module.SO_ERROR)
    if err:
        raise OSError(err, _os_strerror(err))


def _os_strerror(err):
    import os
    return os.strerror(err)


async def _make_transport(loop, sock, protocol_factory, extra=None, server=None,
                          tls=None, handshake_timeout=None):
    protocol = protocol_factory()
    waiter = loop.create_future()
    if tls is None:
        transport = _SelectorSocketTransport(loop, sock, protocol, waiter, extra, server)
    else:
        context, hostname = tls
        transport = _SSLProtocolTransport(loop, sock, protocol, context, False, hostname,
                                          waiter, extra, server, handshake_timeout)
    try:
        await waiter
    except BaseException:
        transport.close()
        raise
    return transport, protocol


async def _loop_create_connection(self, protocol_factory, host=None, port=None, *,
                                  ssl=None, family=0, proto=0, flags=0, sock=None,
                                  local_addr=None, server_hostname=None,
                                  ssl_handshake_timeout=None, ssl_shutdown_timeout=None,
                                  happy_eyeballs_delay=None, interleave=None):
    tls = _client_tls(ssl, server_hostname, host, ssl_handshake_timeout, ssl_shutdown_timeout)
    if host is not None or port is not None:
        if sock is not None:
            raise ValueError('host/port and sock can not be specified at the same time')
        infos = await _resolve_address(self, host, port, family,
                                       _socket_module.SOCK_STREAM, proto, flags)
        local_infos = None
        if local_addr is not None:
            local_infos = await _resolve_address(self, *local_addr, family,
                                                 _socket_module.SOCK_STREAM, proto, flags)
        errors = []
        for info in infos:
            try:
                sock = await _connect_one(self, info, local_infos)
                break
            except OSError as exc:
                errors.append(exc)
        else:
            if len(errors) == 1 or len({str(e) for e in errors}) == 1:
                raise errors[0]
            raise OSError('Multiple exceptions: ' + ', '.join(str(e) for e in errors))
    elif sock is None:
        raise ValueError('host and port was not specified and no sock specified')
    else:
        _check_stream_socket(sock)
    sock.setblocking(False)
    return await _make_transport(self, sock, protocol_factory, tls=tls,
                                 handshake_timeout=ssl_handshake_timeout)


async def _loop_create_server(self, protocol_factory, host=None, port=None, *,
                              family=_socket_module.AF_UNSPEC,
                              flags=_socket_module.AI_PASSIVE, sock=None, backlog=100,
                              ssl=None, reuse_address=None, reuse_port=None,
                              ssl_handshake_timeout=None, ssl_shutdown_timeout=None,
                              start_serving=True):
    tls = _server_tls(ssl, ssl_handshake_timeout, ssl_shutdown_timeout)
    if host is not None or port is not None:
        if sock is not None:
            raise ValueError('host/port and sock can not be specified at the same time')
        hosts = [host] if host is None or isinstance(host, str) or not hasattr(host, '__iter__') \
            else list(host)
        hosts = [None if h == '' else h for h in hosts]
        # Every host is resolved at once, each by a task of its own.
        resolved = await gather(*[
            _resolve_address(self, h, port, family, _socket_module.SOCK_STREAM, 0, flags)
            for h in hosts])
        sockets = []
        try:
            for info in dict.fromkeys(info for infos in resolved for info in infos):
                sockets.append(_bind_listener(info, reuse_address, reuse_port))
        except BaseException:
            for s in sockets:
                s.close()
            raise
    elif sock is None:
        raise ValueError('Neither host/port nor sock were specified')
    else:
        _check_stream_socket(sock)
        sockets = [sock]
    for s in sockets:
        s.setblocking(False)
    server = Server(self, sockets, protocol_factory, backlog, tls)
    if start_serving:
        await server.start_serving()
    return server


def _bind_listener(info, reuse_address, reuse_port):
    family, type_, proto, _, address = info
    sock = _socket_module.socket(family, type_, proto)
    try:
        if reuse_address is None or reuse_address:
            sock.setsockopt(_socket_module.SOL_SOCKET, _socket_module.SO_REUSEADDR, True)
        if reuse_port:
            sock.setsockopt(_socket_module.SOL_SOCKET, _socket_module.SO_REUSEPORT, True)
        if family == _socket_module.AF_INET6:
            sock.setsockopt(_socket_module.IPPROTO_IPV6, _socket_module.IPV6_V6ONLY, True)
        try:
            sock.bind(address)
        except OSError as exc:
            raise OSError(exc.errno, f'error while attempting to bind on address '
                                     f'{address!r}: {exc.strerror.lower()}') from None
        return sock
    except BaseException:
        sock.close()
        raise


async def _loop_create_unix_connection(self, protocol_factory, path=None, *, ssl=None,
                                       sock=None, server_hostname=None,
                                       ssl_handshake_timeout=None, ssl_shutdown_timeout=None):
    if ssl and server_hostname is None:
        raise ValueError('you have to pass server_hostname when using ssl')
    tls = _client_tls(ssl, server_hostname, None, ssl_handshake_timeout, ssl_shutdown_timeout)
    if path is not None:
        if sock is not None:
            raise ValueError('path and sock can not be specified at the same time')
        sock = _socket_module.socket(_socket_module.AF_UNIX, _socket_module.SOCK_STREAM, 0)
        try:
            sock.setblocking(False)
            await _connect(self, sock, path)
        except BaseException:
            sock.close()
            raise
    elif sock is None:
        raise ValueError('no path and sock were specified')
    elif sock.family != _socket_module.AF_UNIX or sock.type != _socket_module.SOCK_STREAM:
        raise ValueError(f'A UNIX Domain Stream Socket was expected, got {sock!r}')
    sock.setblocking(False)
    return await _make_transport(self, sock, protocol_factory, tls=tls,
                                 handshake_timeout=ssl_handshake_timeout)


async def _loop_create_unix_server(self, protocol_factory, path=None, *, sock=None,
                                   backlog=100, ssl=None, ssl_handshake_timeout=None,
                                   ssl_shutdown_timeout=None, start_serving=True):
    tls = _server_tls(ssl, ssl_handshake_timeout, ssl_shutdown_timeout)
    if path is not None:
        if sock is not None:
            raise ValueError('path and sock can not be specified at the same time')
        import os
        path = os.fspath(path)
        if path[:1] not in ('', '\0'):
            _remove_stale_socket_file(path)
        sock = _socket_module.socket(_socket_module.AF_UNIX, _socket_module.SOCK_STREAM)
        try:
            sock.bind(path)
        except OSError as exc:
            sock.close()
            if exc.errno == _errno.EADDRINUSE:
                raise OSError(exc.errno, f'Address {path!r} is already in use') from None
            raise
        except BaseException:
            sock.close()
            raise
    elif sock is None:
        raise ValueError('path was not specified, and no sock specified')
    elif sock.family != _socket_module.AF_UNIX or sock.type != _socket_module.SOCK_STREAM:
        raise ValueError(f'A UNIX Domain Stream Socket was expected, got {sock!r}')
    sock.setblocking(False)
    server = Server(self, [sock], protocol_factory, backlog, tls)
    if start_serving:
        await server.start_serving()
    return server


async def _loop_connect_accepted_socket(self, protocol_factory, sock, *, ssl=None,
                                        ssl_handshake_timeout=None,
                                        ssl_shutdown_timeout=None):
    tls = _server_tls(ssl, ssl_handshake_timeout, ssl_shutdown_timeout)
    _check_stream_socket(sock)
    sock.setblocking(False)
    if tls is None:
        return await _make_transport(self, sock, protocol_factory)
    # An accepted socket is the server's end of the connection.
    protocol = protocol_factory()
    waiter = self.create_future()
    transport = _SSLProtocolTransport(self, sock, protocol, tls[0], True, None, waiter,
                                      handshake_timeout=tls[1])
    try:
        await waiter
    except BaseException:
        transport.close()
        raise
    return transport, protocol


def _remove_stale_socket_file(path):
    """A socket file left by an earlier server is replaced, as CPython does
    (anything else at the path makes bind fail)."""
    import os
    import stat
    try:
        if stat.S_ISSOCK(os.stat(path).st_mode):
            os.remove(path)
    except FileNotFoundError:
        pass
    except OSError as exc:
        _logger().error('Unable to check or remove stale UNIX socket %r: %r', path, exc)


# -- datagrams --------------------------------------------------------------------

class _SelectorDatagramTransport(BaseTransport):
    """A datagram socket's transport: each readiness reads one datagram;
    datagrams the socket refuses wait in order, each with its address."""
    __module__ = 'asyncio.selector_events'

    def __init__(self, loop, sock, protocol, address, waiter):
        super().__init__()
        self._extra['socket'] = TransportSocket(sock)
        for key, query in (('sockname', sock.getsockname), ('peername', sock.getpeername)):
            try:
                self._extra[key] = query()
            except OSError:
                self._extra[key] = None
        self._loop = loop
        self._sock = sock
        self._fd = sock.fileno()
        self._protocol = protocol
        self._address = address
        self._waiting = []
        self._waiting_bytes = 0
        self._high = 64 * 1024
        self._low = 16 * 1024
        self._writing_paused = False
        self._closing = False
        self._lost = False
        self._reader = None
        self._writer = None
        self._late_writes = 0
        loop.call_soon(protocol.connection_made, self)
        loop.call_soon(self._start_reading)
        loop.call_soon(_resolve, waiter, None)

    def __repr__(self):
        return _transport_repr(self, self._reader is not None, self._writer is not None)

    def is_closing(self):
        """Whether close() or abort() was called."""
        return self._closing

    def get_protocol(self):
        """The protocol datagrams go to."""
        return self._protocol

    def set_protocol(self, protocol):
        """Send the datagrams that arrive from now on to `protocol`."""
        self._protocol = protocol

    def get_write_buffer_size(self):
        """How many bytes of datagrams wait to be sent."""
        return self._waiting_bytes

    def get_write_buffer_limits(self):
        return (self._low, self._high)

    def set_write_buffer_limits(self, high=None, low=None):
        if high is None:
            high = 4 * low if low is not None else 64 * 1024
        if low is None:
            low = high // 4
        if not high >= low >= 0:
            raise ValueError(f'high ({high!r}) must be >= low ({low!r}) must be >= 0')
        self._high, self._low = high, low

    def _start_reading(self):
        if not self._closing and self._reader is None:
            self._reader = _watch_fd(self._fd, False, self._on_readable, False)

    def _on_readable(self):
        if self._lost or self._reader is None:
            return
        try:
            data, addr = self._sock.recvfrom(_READ_CHUNK)
        except (BlockingIOError, InterruptedError):
            pass
        except OSError as exc:
            # An ICMP error for an earlier datagram and the like: the
            # endpoint stays usable.
            self._protocol.error_received(exc)
        except BaseException as exc:
            if _is_fatal(exc):
                raise
            self._fatal_error(exc, 'Fatal read error on datagram transport')
        else:
            self._protocol.datagram_received(data, addr)

    def sendto(self, data, addr=None):
        """Send one datagram to `addr` (the connected address when given at
        creation); what the socket refuses now waits its turn in order."""
        _require_bytes_like(data)
        if not data:
            return
        if self._address:
            if addr not in (None, self._address):
                raise ValueError(f'Invalid address: must be None or {self._address}')
            addr = self._address
            if self._lost:
                self._late_writes += 1
                if self._late_writes >= 5:
                    _logger().warning('socket.send() raised exception.')
                return
        if not self._waiting:
            sent = self._send_one(data, addr)
            if sent is not None:
                return
            self._writer = _watch_fd(self._fd, True, self._on_writable, False)
        self._waiting.append((bytes(data), addr))   # a copy: the caller may reuse its buffer
        self._waiting_bytes += len(data)
        if not self._writing_paused and self._waiting_bytes > self._high:
            self._writing_paused = True
            _tell_protocol(self, 'pause_writing')

    def _send_one(self, data, addr):
        """Send one datagram now: True when sent, False when it failed (the
        error is reported), None when the socket would block."""
        try:
            if self._extra['peername']:
                self._sock.send(data)
            else:
                self._sock.sendto(data, addr)
        except (BlockingIOError, InterruptedError):
            return None
        except OSError as exc:
            self._protocol.error_received(exc)
        except BaseException as exc:
            if _is_fatal(exc):
                raise
            self._fatal_error(exc, 'Fatal write error on datagram transport')
        else:
            return True
        return False

    def _on_writable(self):
        while self._waiting:
            data, addr = self._waiting.pop(0)
            self._waiting_bytes -= len(data)
            sent = self._send_one(data, addr)
            if sent is None:
                # Still refused: back to the head of the line.
                self._waiting.insert(0, (data, addr))
                self._waiting_bytes += len(data)
                return
            if not sent:
                return
        if self._writing_paused and self._waiting_bytes <= self._low:
            self._writing_paused = False
            _tell_protocol(self, 'resume_writing')
        self._stop_writing()
        if self._closing:
            self._lose(None)

    def _stop_reading(self):
        if self._reader is not None:
            self._reader.cancel()
            self._reader = None

    def _stop_writing(self):
        if self._writer is not None:
            self._writer.cancel()
            self._writer = None

    def _stop_watches(self):
        self._stop_reading()
        self._stop_writing()

    def close(self):
        """Stop receiving; the endpoint is lost once the waiting datagrams are sent."""
        if self._closing:
            return
        self._closing = True
        self._stop_reading()
        if not self._waiting:
            self._lose(None)

    def abort(self):
        self._force_close(None)

    def _force_close(self, exc):
        if self._lost:
            return
        self._waiting.clear()
        self._waiting_bytes = 0
        self._closing = True
        self._lose(exc)

    def _fatal_error(self, exc, message):
        _report_transport_error(self, exc, message)
        self._force_close(exc)

    def _lose(self, exc):
        if self._lost:
            return
        self._lost = True
        self._stop_watches()
        self._loop.call_soon(self._connection_lost, exc)

    def _connection_lost(self, exc):
        try:
            self._protocol.connection_lost(exc)
        finally:
            self._sock.close()
            self._sock = None
            self._protocol = None


async def _datagram_addresses(loop, local_addr, remote_addr, family, proto, flags):
    """The (family, proto, local, remote) choices for a new datagram socket."""
    if not (local_addr or remote_addr):
        if family == 0:
            raise ValueError('unexpected address family')
        return [(family, proto, None, None)]
    if family == getattr(_socket_module, 'AF_UNIX', None):
        for addr in (local_addr, remote_addr):
            if addr is not None and not isinstance(addr, str):
                raise TypeError('string is expected')
        if local_addr and local_addr[0] not in (0, '\0'):
            _remove_stale_socket_file(local_addr)
        return [(family, proto, local_addr, remote_addr)]
    by_kind = {}
    for which, addr in enumerate((local_addr, remote_addr)):
        if addr is None:
            continue
        if not (isinstance(addr, tuple) and len(addr) == 2):
            raise TypeError('2-tuple is expected')
        infos = await _resolve_address(loop, *addr, family, _socket_module.SOCK_DGRAM,
                                       proto, flags)
        for fam, _, pro, _, address in infos:
            by_kind.setdefault((fam, pro), [None, None])
            if by_kind[(fam, pro)][which] is None:
                by_kind[(fam, pro)][which] = address
    choices = [(fam, pro, local, remote) for (fam, pro), (local, remote) in by_kind.items()
               if (local_addr is None or local is not None)
               and (remote_addr is None or remote is not None)]
    if not choices:
        raise ValueError('can not get address information')
    return choices


async def _loop_create_datagram_endpoint(self, protocol_factory, local_addr=None,
                                         remote_addr=None, *, family=0, proto=0, flags=0,
                                         reuse_address=None, reuse_port=None,
                                         allow_broadcast=None, sock=None):
    if reuse_address:
        raise ValueError('Passing `reuse_address=True` is no longer supported, as the '
                         'usage of SO_REUSEPORT in UDP poses a significant security '
                         'concern.')
    remote = None
    if sock is not None:
        if sock.type != _socket_module.SOCK_DGRAM:
            raise ValueError(f'A UDP Socket was expected, got {sock!r}')
        modifiers = dict(local_addr=local_addr, remote_addr=remote_addr, family=family,
                         proto=proto, flags=flags, reuse_port=reuse_port,
                         allow_broadcast=allow_broadcast)
        given = ', '.join(f'{key}={value}' for key, value in modifiers.items() if value)
        if given:
            raise ValueError(f'socket modifier keyword arguments can not be used '
                             f'when sock is specified. ({given})')
        sock.setblocking(False)
    else:
        errors = []
        for fam, pro, local, remote_address in await _datagram_addresses(
                self, local_addr, remote_addr, family, proto, flags):
            sock = _socket_module.socket(fam, _socket_module.SOCK_DGRAM, pro)
            try:
                if reuse_port:
                    sock.setsockopt(_socket_module.SOL_SOCKET, _socket_module.SO_REUSEPORT, 1)
                if allow_broadcast:
                    sock.setsockopt(_socket_module.SOL_SOCKET, _socket_module.SO_BROADCAST, 1)
                sock.setblocking(False)
                if local_addr:
                    sock.bind(local)
                if remote_addr:
                    if not allow_broadcast:
                        await _connect(self, sock, remote_address)
                    remote = remote_address
                break
            except OSError as exc:
                sock.close()
                errors.append(exc)
            except BaseException:
                sock.close()
                raise
        else:
            raise errors[0]
    protocol = protocol_factory()
    waiter = self.create_future()
    transport = _SelectorDatagramTransport(self, sock, protocol, remote, waiter)
    try:
        await waiter
    except BaseException:
        transport.close()
        raise
    return transport, protocol


# Replaces the stand-ins selector_events.py installed under these names.
for _name in _TRANSPORT_LOOP_METHODS:
    _add_loop_method(_name, globals()['_loop_' + _name])
del _name
