# Transports and protocols, run into the asyncio module after
# selector_events.py: the abstract classes of asyncio.transports and
# asyncio.protocols, the selector transports (stream sockets, datagram
# sockets, pipes) on the loop's descriptor watches, `Server`, and the loop's
# connection methods (create_server, create_connection, the Unix and datagram
# variants, connect_accepted_socket, connect_read_pipe/connect_write_pipe).
#
# A transport reads in the reader callback of its descriptor (one `recv` of
# at most `max_size` bytes per loop iteration, so a flooding peer cannot
# starve the others) and writes straight to the socket, buffering what the
# socket does not take and flushing it from a writer callback. Protocol
# callbacks are scheduled as CPython's are: connection_made and the first read
# with call_soon, connection_lost with call_soon after close() or an error,
# so callback order is CPython's.

# -- protocols ----------------------------------------------------------------------

class BaseProtocol:
    __module__ = "asyncio.protocols"
    __slots__ = ()

    def connection_made(self, transport):
        pass

    def connection_lost(self, exc):
        pass

    def pause_writing(self):
        pass

    def resume_writing(self):
        pass


class Protocol(BaseProtocol):
    __module__ = "asyncio.protocols"
    __slots__ = ()

    def data_received(self, data):
        pass

    def eof_received(self):
        pass


class BufferedProtocol(BaseProtocol):
    __module__ = "asyncio.protocols"
    __slots__ = ()

    def get_buffer(self, sizehint):
        pass

    def buffer_updated(self, nbytes):
        pass

    def eof_received(self):
        pass


class DatagramProtocol(BaseProtocol):
    __module__ = "asyncio.protocols"
    __slots__ = ()

    def datagram_received(self, data, addr):
        pass

    def error_received(self, exc):
        pass


class SubprocessProtocol(BaseProtocol):
    __module__ = "asyncio.protocols"
    __slots__ = ()

    def pipe_data_received(self, fd, data):
        pass

    def pipe_connection_lost(self, fd, exc):
        pass

    def process_exited(self):
        pass


# -- abstract transports ------------------------------------------------------------

class BaseTransport:
    __module__ = "asyncio.transports"
    __slots__ = ('_extra',)

    def __init__(self, extra=None):
        if extra is None:
            extra = {}
        self._extra = extra

    def get_extra_info(self, name, default=None):
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
    __module__ = "asyncio.transports"
    __slots__ = ()

    def is_reading(self):
        raise NotImplementedError

    def pause_reading(self):
        raise NotImplementedError

    def resume_reading(self):
        raise NotImplementedError


class WriteTransport(BaseTransport):
    __module__ = "asyncio.transports"
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
        self.write(b''.join(list_of_data))

    def write_eof(self):
        raise NotImplementedError

    def can_write_eof(self):
        raise NotImplementedError

    def abort(self):
        raise NotImplementedError


class Transport(ReadTransport, WriteTransport):
    __module__ = "asyncio.transports"
    __slots__ = ()


class DatagramTransport(BaseTransport):
    __module__ = "asyncio.transports"
    __slots__ = ()

    def sendto(self, data, addr=None):
        raise NotImplementedError

    def abort(self):
        raise NotImplementedError


class SubprocessTransport(BaseTransport):
    __module__ = "asyncio.transports"
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


class _FlowControlMixin(Transport):
    # Write flow control: the protocol is paused above the high-water mark
    # and resumed at or below the low one.
    __slots__ = ('_loop', '_protocol_paused', '_high_water', '_low_water')

    def __init__(self, extra=None, loop=None):
        super().__init__(extra)
        self._loop = loop
        self._protocol_paused = False
        self._set_write_buffer_limits()

    def _maybe_pause_protocol(self):
        size = self.get_write_buffer_size()
        if size <= self._high_water or self._protocol_paused:
            return
        self._protocol_paused = True
        try:
            self._protocol.pause_writing()
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.call_exception_handler({
                'message': 'protocol.pause_writing() failed',
                'exception': exc,
                'transport': self,
                'protocol': self._protocol,
            })

    def _maybe_resume_protocol(self):
        if self._protocol_paused and self.get_write_buffer_size() <= self._low_water:
            self._protocol_paused = False
            try:
                self._protocol.resume_writing()
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._loop.call_exception_handler({
                    'message': 'protocol.resume_writing() failed',
                    'exception': exc,
                    'transport': self,
                    'protocol': self._protocol,
                })

    def get_write_buffer_limits(self):
        return (self._low_water, self._high_water)

    def _set_write_buffer_limits(self, high=None, low=None):
        if high is None:
            high = 64 * 1024 if low is None else 4 * low
        if low is None:
            low = high // 4
        if not high >= low >= 0:
            raise ValueError(f'high ({high!r}) must be >= low ({low!r}) must be >= 0')
        self._high_water = high
        self._low_water = low

    def set_write_buffer_limits(self, high=None, low=None):
        self._set_write_buffer_limits(high=high, low=low)
        self._maybe_pause_protocol()

    def get_write_buffer_size(self):
        raise NotImplementedError


# -- selector transports ------------------------------------------------------------

# After this many writes to a lost connection, each further one logs a warning.
_LOG_THRESHOLD_FOR_CONNLOST_WRITES = 5


def _asyncio_logger():
    import logging
    return logging.getLogger('asyncio')


def _set_result_unless_cancelled(fut, result):
    if fut.cancelled():
        return
    fut.set_result(result)


def _fd_is_watched(loop, fd, writing):
    return fd in _watchers(loop, writing)


class TransportSocket:
    # What get_extra_info('socket') and Server.sockets give: the socket
    # without the operations that would disturb the transport.
    __module__ = "asyncio.trsock"
    __slots__ = ('_sock',)

    def __init__(self, sock):
        self._sock = sock

    @property
    def family(self):
        return self._sock.family

    @property
    def type(self):
        return self._sock.type

    @property
    def proto(self):
        return self._sock.proto

    def __repr__(self):
        text = (f"<asyncio.TransportSocket fd={self.fileno()}, "
                f"family={int(self.family)}, type={int(self.type)}, "
                f"proto={self.proto}")
        if self.fileno() != -1:
            try:
                laddr = self.getsockname()
                if laddr:
                    text = f"{text}, laddr={laddr}"
            except OSError:
                pass
            try:
                raddr = self.getpeername()
                if raddr:
                    text = f"{text}, raddr={raddr}"
            except OSError:
                pass
        return f"{text}>"

    def __getstate__(self):
        raise TypeError("Cannot serialize asyncio.TransportSocket object")

    def fileno(self):
        return self._sock.fileno()

    def dup(self):
        return self._sock.dup()

    def get_inheritable(self):
        return self._sock.get_inheritable()

    def shutdown(self, how):
        self._sock.shutdown(how)

    def getsockopt(self, *args, **kwargs):
        return self._sock.getsockopt(*args, **kwargs)

    def setsockopt(self, *args, **kwargs):
        self._sock.setsockopt(*args, **kwargs)

    def getpeername(self):
        return self._sock.getpeername()

    def getsockname(self):
        return self._sock.getsockname()

    def getsockbyname(self):
        return self._sock.getsockbyname()

    def settimeout(self, value):
        if value == 0:
            return
        raise ValueError('settimeout(): only 0 timeout is allowed on transport sockets')

    def gettimeout(self):
        return 0

    def setblocking(self, flag):
        if not flag:
            return
        raise ValueError('setblocking(): transport sockets cannot be blocking')


class _SelectorTransport(_FlowControlMixin):
    # What stream and datagram socket transports share: the socket, the
    # protocol, the write buffer, closing and fatal errors.
    max_size = 256 * 1024
    _buffer_factory = bytearray
    _sock = None

    def __init__(self, loop, sock, protocol, extra=None, server=None):
        super().__init__(extra, loop)
        self._extra['socket'] = TransportSocket(sock)
        try:
            self._extra['sockname'] = sock.getsockname()
        except OSError:
            self._extra['sockname'] = None
        if 'peername' not in self._extra:
            try:
                self._extra['peername'] = sock.getpeername()
            except OSError:
                self._extra['peername'] = None
        self._sock = sock
        self._sock_fd = sock.fileno()
        # The hot calls go straight to the native socket under a plain
        # socket.socket (a subclass keeps its own methods).
        io = sock._sock if type(sock) is _socket_module().socket else sock
        self._recv = io.recv
        self._send = io.send
        self._protocol_connected = False
        self.set_protocol(protocol)
        self._server = server
        self._buffer = self._buffer_factory()
        self._conn_lost = 0
        self._closing = False
        self._paused = False
        if self._server is not None:
            self._server._attach()

    def __repr__(self):
        info = [self.__class__.__name__]
        if self._sock is None:
            info.append('closed')
        elif self._closing:
            info.append('closing')
        info.append(f'fd={self._sock_fd}')
        if self._loop is not None and not self._loop.is_closed():
            reading = _fd_is_watched(self._loop, self._sock_fd, False)
            info.append('read=polling' if reading else 'read=idle')
            writing = _fd_is_watched(self._loop, self._sock_fd, True)
            state = 'polling' if writing else 'idle'
            info.append(f'write=<{state}, bufsize={self.get_write_buffer_size()}>')
        return '<{}>'.format(' '.join(info))

    def abort(self):
        self._force_close(None)

    def set_protocol(self, protocol):
        self._protocol = protocol
        self._protocol_connected = True

    def get_protocol(self):
        return self._protocol

    def is_closing(self):
        return self._closing

    def is_reading(self):
        return not self.is_closing() and not self._paused

    def pause_reading(self):
        if not self.is_reading():
            return
        self._paused = True
        _remove_watch(self._loop, self._sock_fd, False)

    def resume_reading(self):
        if self._closing or not self._paused:
            return
        self._paused = False
        self._add_reader(self._sock_fd, self._read_ready)

    def close(self):
        if self._closing:
            return
        self._closing = True
        _remove_watch(self._loop, self._sock_fd, False)
        if not self._buffer:
            self._conn_lost += 1
            _remove_watch(self._loop, self._sock_fd, True)
            self._loop.call_soon(self._call_connection_lost, None)

    def __del__(self):
        if self._sock is not None:
            import warnings
            warnings.warn(f"unclosed transport {self!r}", ResourceWarning, source=self)
            self._sock.close()

    def _fatal_error(self, exc, message='Fatal error on transport'):
        if isinstance(exc, OSError):
            if self._loop.get_debug():
                _asyncio_logger().debug("%r: %s", self, message, exc_info=True)
        else:
            self._loop.call_exception_handler({
                'message': message,
                'exception': exc,
                'transport': self,
                'protocol': self._protocol,
            })
        self._force_close(exc)

    def _force_close(self, exc):
        if self._conn_lost:
            return
        if self._buffer:
            self._buffer.clear()
            _remove_watch(self._loop, self._sock_fd, True)
        if not self._closing:
            self._closing = True
            _remove_watch(self._loop, self._sock_fd, False)
        self._conn_lost += 1
        self._loop.call_soon(self._call_connection_lost, exc)

    def _call_connection_lost(self, exc):
        try:
            if self._protocol_connected:
                self._protocol.connection_lost(exc)
        finally:
            self._sock.close()
            self._sock = None
            self._protocol = None
            self._loop = None
            server = self._server
            if server is not None:
                server._detach()
                self._server = None

    def get_write_buffer_size(self):
        return len(self._buffer)

    def _add_reader(self, fd, callback, *args):
        # A transport paused before its first read starts reading on resume.
        if not self.is_reading():
            return
        _add_watch(self._loop, fd, False, callback, args)


def _check_bytes_like(data):
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f'data argument must be a bytes-like object, '
                        f'not {type(data).__name__!r}')


class _SelectorSocketTransport(_SelectorTransport):
    __module__ = "asyncio.selector_events"

    def __init__(self, loop, sock, protocol, waiter=None, extra=None, server=None):
        self._read_ready_cb = None
        super().__init__(loop, sock, protocol, extra, server)
        self._eof = False
        _set_nodelay(self._sock)
        self._loop.call_soon(self._protocol.connection_made, self)
        self._loop.call_soon(self._add_reader, self._sock_fd, self._read_ready)
        if waiter is not None:
            self._loop.call_soon(_set_result_unless_cancelled, waiter, None)

    def set_protocol(self, protocol):
        if isinstance(protocol, BufferedProtocol):
            self._read_ready_cb = self._read_ready__get_buffer
        else:
            self._read_ready_cb = self._read_ready__data_received
        super().set_protocol(protocol)

    def _read_ready(self):
        self._read_ready_cb()

    def _read_ready__get_buffer(self):
        if self._conn_lost:
            return
        try:
            buf = self._protocol.get_buffer(-1)
            if not len(buf):
                raise RuntimeError('get_buffer() returned an empty buffer')
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal error: protocol.get_buffer() call failed.')
            return
        try:
            nbytes = self._sock.recv_into(buf)
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal read error on socket transport')
            return
        if not nbytes:
            self._read_ready__on_eof()
            return
        try:
            self._protocol.buffer_updated(nbytes)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal error: protocol.buffer_updated() call failed.')

    def _read_ready__data_received(self):
        if self._conn_lost:
            return
        try:
            data = self._recv(self.max_size)
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal read error on socket transport')
            return
        if not data:
            self._read_ready__on_eof()
            return
        try:
            self._protocol.data_received(data)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal error: protocol.data_received() call failed.')

    def _read_ready__on_eof(self):
        if self._loop.get_debug():
            _asyncio_logger().debug("%r received EOF", self)
        try:
            keep_open = self._protocol.eof_received()
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal error: protocol.eof_received() call failed.')
            return
        if keep_open:
            # The peer will send nothing more; keep the socket for writing.
            _remove_watch(self._loop, self._sock_fd, False)
        else:
            self.close()

    def write(self, data):
        _check_bytes_like(data)
        if self._eof:
            raise RuntimeError('Cannot call write() after write_eof()')
        if not data:
            return
        if self._conn_lost:
            if self._conn_lost >= _LOG_THRESHOLD_FOR_CONNLOST_WRITES:
                _asyncio_logger().warning('socket.send() raised exception.')
            self._conn_lost += 1
            return
        if not self._buffer:
            try:
                sent = self._send(data)
            except (BlockingIOError, InterruptedError):
                pass
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._fatal_error(exc, 'Fatal write error on socket transport')
                return
            else:
                data = data[sent:]
                if not data:
                    return
            _add_watch(self._loop, self._sock_fd, True, self._write_ready, ())
        self._buffer.extend(data)
        self._maybe_pause_protocol()

    def _write_ready(self):
        if self._conn_lost:
            return
        try:
            sent = self._send(self._buffer)
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            _remove_watch(self._loop, self._sock_fd, True)
            self._buffer.clear()
            self._fatal_error(exc, 'Fatal write error on socket transport')
            return
        if sent:
            del self._buffer[:sent]
        self._maybe_resume_protocol()
        if not self._buffer:
            _remove_watch(self._loop, self._sock_fd, True)
            if self._closing:
                self._call_connection_lost(None)
            elif self._eof:
                self._sock.shutdown(_socket_module().SHUT_WR)

    def write_eof(self):
        if self._closing or self._eof:
            return
        self._eof = True
        if not self._buffer:
            self._sock.shutdown(_socket_module().SHUT_WR)

    def can_write_eof(self):
        return True

    def _call_connection_lost(self, exc):
        super()._call_connection_lost(exc)


class _SelectorDatagramTransport(_SelectorTransport):
    __module__ = "asyncio.selector_events"

    def __init__(self, loop, sock, protocol, address=None, waiter=None, extra=None):
        super().__init__(loop, sock, protocol, extra)
        self._buffer = _deque()
        self._address = address
        self._buffer_size = 0
        self._loop.call_soon(self._protocol.connection_made, self)
        self._loop.call_soon(self._add_reader, self._sock_fd, self._read_ready)
        if waiter is not None:
            self._loop.call_soon(_set_result_unless_cancelled, waiter, None)

    def get_write_buffer_size(self):
        return self._buffer_size

    def _read_ready(self):
        if self._conn_lost:
            return
        try:
            data, addr = self._sock.recvfrom(self.max_size)
        except (BlockingIOError, InterruptedError):
            pass
        except OSError as exc:
            self._protocol.error_received(exc)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal read error on datagram transport')
        else:
            self._protocol.datagram_received(data, addr)

    def sendto(self, data, addr=None):
        _check_bytes_like(data)
        if not data:
            return
        if self._address:
            if addr not in (None, self._address):
                raise ValueError(f'Invalid address: must be None or {self._address}')
            addr = self._address
        if self._conn_lost and self._address:
            if self._conn_lost >= _LOG_THRESHOLD_FOR_CONNLOST_WRITES:
                _asyncio_logger().warning('socket.send() raised exception.')
            self._conn_lost += 1
            return
        if not self._buffer:
            try:
                if self._extra['peername']:
                    self._sock.send(data)
                else:
                    self._sock.sendto(data, addr)
                return
            except (BlockingIOError, InterruptedError):
                _add_watch(self._loop, self._sock_fd, True, self._sendto_ready, ())
            except OSError as exc:
                self._protocol.error_received(exc)
                return
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._fatal_error(exc, 'Fatal write error on datagram transport')
                return
        self._buffer.append((bytes(data), addr))
        self._buffer_size += len(data)
        self._maybe_pause_protocol()

    def _sendto_ready(self):
        while self._buffer:
            data, addr = self._buffer.popleft()
            self._buffer_size -= len(data)
            try:
                if self._extra['peername']:
                    self._sock.send(data)
                else:
                    self._sock.sendto(data, addr)
            except (BlockingIOError, InterruptedError):
                self._buffer.appendleft((data, addr))
                self._buffer_size += len(data)
                break
            except OSError as exc:
                self._protocol.error_received(exc)
                return
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._fatal_error(exc, 'Fatal write error on datagram transport')
                return
        self._maybe_resume_protocol()
        if not self._buffer:
            _remove_watch(self._loop, self._sock_fd, True)
            if self._closing:
                self._call_connection_lost(None)


def _deque():
    import collections
    return collections.deque()


def _socket_module():
    import socket
    return socket


def _set_nodelay(sock):
    socket = _socket_module()
    if (sock.family in (socket.AF_INET, socket.AF_INET6) and
            sock.type == socket.SOCK_STREAM and sock.proto == socket.IPPROTO_TCP):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


# -- pipes --------------------------------------------------------------------------

def _check_pipe_mode(fileno):
    import os
    import stat
    mode = os.fstat(fileno).st_mode
    if not (stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode) or stat.S_ISCHR(mode)):
        raise ValueError("Pipe transport is for pipes/sockets only.")
    return mode


class _UnixReadPipeTransport(ReadTransport):
    __module__ = "asyncio.unix_events"
    max_size = 256 * 1024

    def __init__(self, loop, pipe, protocol, waiter=None, extra=None):
        import os
        super().__init__(extra)
        self._extra['pipe'] = pipe
        self._loop = loop
        self._pipe = pipe
        self._fileno = pipe.fileno()
        self._protocol = protocol
        self._closing = False
        self._paused = False
        _check_pipe_mode(self._fileno)
        os.set_blocking(self._fileno, False)
        self._loop.call_soon(self._protocol.connection_made, self)
        self._loop.call_soon(self._add_reader, self._fileno, self._read_ready)
        if waiter is not None:
            self._loop.call_soon(_set_result_unless_cancelled, waiter, None)

    def _add_reader(self, fd, callback):
        if not self.is_reading():
            return
        _add_watch(self._loop, fd, False, callback, ())

    def is_reading(self):
        return not self._paused and not self._closing

    def __repr__(self):
        info = [self.__class__.__name__]
        if self._pipe is None:
            info.append('closed')
        elif self._closing:
            info.append('closing')
        info.append(f'fd={self._fileno}')
        if self._loop is not None and not self._loop.is_closed():
            reading = _fd_is_watched(self._loop, self._fileno, False)
            info.append('polling' if reading else 'idle')
        elif self._pipe is not None:
            info.append('open')
        else:
            info.append('closed')
        return '<{}>'.format(' '.join(info))

    def _read_ready(self):
        import os
        try:
            data = os.read(self._fileno, self.max_size)
        except (BlockingIOError, InterruptedError):
            pass
        except OSError as exc:
            self._fatal_error(exc, 'Fatal read error on pipe transport')
        else:
            if data:
                self._protocol.data_received(data)
            else:
                self._closing = True
                _remove_watch(self._loop, self._fileno, False)
                self._loop.call_soon(self._protocol.eof_received)
                self._loop.call_soon(self._call_connection_lost, None)

    def pause_reading(self):
        if not self.is_reading():
            return
        self._paused = True
        _remove_watch(self._loop, self._fileno, False)

    def resume_reading(self):
        if self._closing or not self._paused:
            return
        self._paused = False
        _add_watch(self._loop, self._fileno, False, self._read_ready, ())

    def set_protocol(self, protocol):
        self._protocol = protocol

    def get_protocol(self):
        return self._protocol

    def is_closing(self):
        return self._closing

    def close(self):
        if not self._closing:
            self._close(None)

    def _fatal_error(self, exc, message='Fatal error on pipe transport'):
        if isinstance(exc, OSError) and exc.errno == 5:  # EIO: the terminal went away
            if self._loop.get_debug():
                _asyncio_logger().debug("%r: %s", self, message, exc_info=True)
        else:
            self._loop.call_exception_handler({
                'message': message,
                'exception': exc,
                'transport': self,
                'protocol': self._protocol,
            })
        self._close(exc)

    def _close(self, exc):
        self._closing = True
        _remove_watch(self._loop, self._fileno, False)
        self._loop.call_soon(self._call_connection_lost, exc)

    def _call_connection_lost(self, exc):
        try:
            self._protocol.connection_lost(exc)
        finally:
            self._pipe.close()
            self._pipe = None
            self._protocol = None
            self._loop = None


class _UnixWritePipeTransport(_FlowControlMixin, WriteTransport):
    __module__ = "asyncio.unix_events"

    def __init__(self, loop, pipe, protocol, waiter=None, extra=None):
        import os
        import stat
        super().__init__(extra, loop)
        self._extra['pipe'] = pipe
        self._pipe = pipe
        self._fileno = pipe.fileno()
        self._protocol = protocol
        self._buffer = bytearray()
        self._conn_lost = 0
        self._closing = False
        mode = _check_pipe_mode(self._fileno)
        os.set_blocking(self._fileno, False)
        self._loop.call_soon(self._protocol.connection_made, self)
        # The write end of a pipe reads as ready when the reader closes it,
        # which is how the transport notices the reader went away.
        if stat.S_ISSOCK(mode) or stat.S_ISFIFO(mode):
            self._loop.call_soon(_add_watch, self._loop, self._fileno, False,
                                 self._read_ready, ())
        if waiter is not None:
            self._loop.call_soon(_set_result_unless_cancelled, waiter, None)

    def __repr__(self):
        info = [self.__class__.__name__]
        if self._pipe is None:
            info.append('closed')
        elif self._closing:
            info.append('closing')
        info.append(f'fd={self._fileno}')
        if self._loop is not None and not self._loop.is_closed():
            writing = _fd_is_watched(self._loop, self._fileno, True)
            info.append('polling' if writing else 'idle')
            info.append(f'bufsize={self.get_write_buffer_size()}')
        elif self._pipe is not None:
            info.append('open')
        else:
            info.append('closed')
        return '<{}>'.format(' '.join(info))

    def get_write_buffer_size(self):
        return len(self._buffer)

    def _read_ready(self):
        if self._buffer:
            self._close(BrokenPipeError())
        else:
            self._close()

    def write(self, data):
        import os
        _check_bytes_like(data)
        if isinstance(data, bytearray):
            data = memoryview(data)
        if not data:
            return
        if self._conn_lost or self._closing:
            if self._conn_lost >= _LOG_THRESHOLD_FOR_CONNLOST_WRITES:
                _asyncio_logger().warning('pipe closed by peer or os.write(pipe, data) raised exception.')
            self._conn_lost += 1
            return
        if not self._buffer:
            try:
                written = os.write(self._fileno, data)
            except (BlockingIOError, InterruptedError):
                written = 0
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._conn_lost += 1
                self._fatal_error(exc, 'Fatal write error on pipe transport')
                return
            if written == len(data):
                return
            elif written > 0:
                data = memoryview(data)[written:]
            _add_watch(self._loop, self._fileno, True, self._write_ready, ())
        self._buffer += data
        self._maybe_pause_protocol()

    def _write_ready(self):
        import os
        try:
            written = os.write(self._fileno, self._buffer)
        except (BlockingIOError, InterruptedError):
            pass
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._buffer.clear()
            self._conn_lost += 1
            _remove_watch(self._loop, self._fileno, True)
            self._fatal_error(exc, 'Fatal write error on pipe transport')
        else:
            if written == len(self._buffer):
                self._buffer.clear()
                _remove_watch(self._loop, self._fileno, True)
                self._maybe_resume_protocol()
                if self._closing:
                    _remove_watch(self._loop, self._fileno, False)
                    self._call_connection_lost(None)
                return
            elif written > 0:
                del self._buffer[:written]

    def can_write_eof(self):
        return True

    def write_eof(self):
        if self._closing:
            return
        self._closing = True
        if not self._buffer:
            _remove_watch(self._loop, self._fileno, False)
            self._loop.call_soon(self._call_connection_lost, None)

    def set_protocol(self, protocol):
        self._protocol = protocol

    def get_protocol(self):
        return self._protocol

    def is_closing(self):
        return self._closing

    def close(self):
        if self._pipe is not None and not self._closing:
            self.write_eof()

    def abort(self):
        self._close(None)

    def _fatal_error(self, exc, message='Fatal error on pipe transport'):
        if isinstance(exc, OSError):
            if self._loop.get_debug():
                _asyncio_logger().debug("%r: %s", self, message, exc_info=True)
        else:
            self._loop.call_exception_handler({
                'message': message,
                'exception': exc,
                'transport': self,
                'protocol': self._protocol,
            })
        self._close(exc)

    def _close(self, exc=None):
        self._closing = True
        if self._buffer:
            _remove_watch(self._loop, self._fileno, True)
        self._buffer.clear()
        _remove_watch(self._loop, self._fileno, False)
        self._loop.call_soon(self._call_connection_lost, exc)

    def _call_connection_lost(self, exc):
        try:
            self._protocol.connection_lost(exc)
        finally:
            self._pipe.close()
            self._pipe = None
            self._protocol = None
            self._loop = None


# -- servers ------------------------------------------------------------------------

class AbstractServer:
    __module__ = "asyncio.events"

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
        self.close()
        await self.wait_closed()


# Accepting is retried after this long when the process is out of descriptors.
_ACCEPT_RETRY_DELAY = 1


class Server(AbstractServer):
    __module__ = "asyncio.base_events"

    def __init__(self, loop, sockets, protocol_factory, ssl_context, backlog,
                 ssl_handshake_timeout, ssl_shutdown_timeout=None):
        self._loop = loop
        self._sockets = sockets
        self._active_count = 0
        self._waiters = []
        self._protocol_factory = protocol_factory
        self._backlog = backlog
        self._ssl_context = ssl_context
        self._ssl_handshake_timeout = ssl_handshake_timeout
        self._ssl_shutdown_timeout = ssl_shutdown_timeout
        self._serving = False
        self._serving_forever_fut = None

    def __repr__(self):
        return f'<{self.__class__.__name__} sockets={self.sockets!r}>'

    def _attach(self):
        self._active_count += 1

    def _detach(self):
        self._active_count -= 1
        if self._active_count == 0 and self._sockets is None:
            self._wakeup()

    def _wakeup(self):
        waiters = self._waiters
        self._waiters = None
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(waiter)

    def _start_serving(self):
        if self._serving:
            return
        self._serving = True
        for sock in self._sockets:
            sock.listen(self._backlog)
            _start_accepting(self._loop, self._protocol_factory, sock,
                             self._ssl_context, self, self._backlog,
                             self._ssl_handshake_timeout, self._ssl_shutdown_timeout)

    def get_loop(self):
        return self._loop

    def is_serving(self):
        return self._serving

    @property
    def sockets(self):
        if self._sockets is None:
            return ()
        return tuple(TransportSocket(s) for s in self._sockets)

    def close(self):
        sockets = self._sockets
        if sockets is None:
            return
        self._sockets = None
        for sock in sockets:
            _remove_watch(self._loop, sock.fileno(), False)
            sock.close()
        self._serving = False
        if (self._serving_forever_fut is not None and
                not self._serving_forever_fut.done()):
            self._serving_forever_fut.cancel()
            self._serving_forever_fut = None
        if self._active_count == 0:
            self._wakeup()

    async def start_serving(self):
        self._start_serving()
        await sleep(0)

    async def serve_forever(self):
        if self._serving_forever_fut is not None:
            raise RuntimeError(
                f'server {self!r} is already being awaited on serve_forever()')
        if self._sockets is None:
            raise RuntimeError(f'server {self!r} is closed')
        self._start_serving()
        self._serving_forever_fut = self._loop.create_future()
        try:
            await self._serving_forever_fut
        except CancelledError:
            try:
                self.close()
                await self.wait_closed()
            finally:
                raise
        finally:
            self._serving_forever_fut = None

    async def wait_closed(self):
        if self._sockets is None or self._waiters is None:
            return
        waiter = self._loop.create_future()
        self._waiters.append(waiter)
        await waiter


def _start_accepting(loop, protocol_factory, sock, sslcontext, server, backlog,
                     ssl_handshake_timeout, ssl_shutdown_timeout):
    _add_watch(loop, sock.fileno(), False, _accept_connections,
               (loop, protocol_factory, sock, sslcontext, server, backlog,
                ssl_handshake_timeout, ssl_shutdown_timeout))


def _accept_connections(loop, protocol_factory, sock, sslcontext, server, backlog,
                        ssl_handshake_timeout, ssl_shutdown_timeout):
    # At most `backlog` connections per wake-up, each set up in a task of its own.
    import errno
    for _ in range(backlog):
        try:
            conn, addr = sock.accept()
            conn.setblocking(False)
        except (BlockingIOError, InterruptedError, ConnectionAbortedError):
            return
        except OSError as exc:
            if exc.errno in (errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM):
                loop.call_exception_handler({
                    'message': 'socket.accept() out of system resource',
                    'exception': exc,
                    'socket': TransportSocket(sock),
                })
                _remove_watch(loop, sock.fileno(), False)
                loop.call_later(_ACCEPT_RETRY_DELAY, _start_accepting, loop,
                                protocol_factory, sock, sslcontext, server, backlog,
                                ssl_handshake_timeout, ssl_shutdown_timeout)
            else:
                raise
        else:
            extra = {'peername': addr}
            loop.create_task(_set_up_accepted(loop, protocol_factory, conn, extra,
                                              sslcontext, server, ssl_handshake_timeout,
                                              ssl_shutdown_timeout))


async def _set_up_accepted(loop, protocol_factory, conn, extra, sslcontext, server,
                           ssl_handshake_timeout, ssl_shutdown_timeout):
    transport = None
    try:
        protocol = protocol_factory()
        waiter = loop.create_future()
        if sslcontext:
            transport = _make_ssl_transport(
                loop, conn, protocol, sslcontext, waiter=waiter, server_side=True,
                extra=extra, server=server, ssl_handshake_timeout=ssl_handshake_timeout,
                ssl_shutdown_timeout=ssl_shutdown_timeout)
        else:
            transport = _SelectorSocketTransport(loop, conn, protocol, waiter=waiter,
                                                 extra=extra, server=server)
        try:
            await waiter
        except BaseException:
            transport.close()
            raise
    except (SystemExit, KeyboardInterrupt):
        raise
    except BaseException as exc:
        if loop.get_debug():
            context = {
                'message': 'Error on transport creation for incoming connection',
                'exception': exc,
            }
            if transport is not None:
                context['transport'] = transport
            loop.call_exception_handler(context)


def _make_ssl_transport(*args, **kwargs):
    raise NotImplementedError("ssl= is not supported by towel's asyncio yet (no ssl module)")


# -- resolving addresses ------------------------------------------------------------

def _ipaddr_info(host, port, family, type, proto, flowinfo=0, scopeid=0):
    # An address that needs no resolver (a literal IP), as getaddrinfo would
    # answer it, or None.
    socket = _socket_module()
    if proto not in {0, socket.IPPROTO_TCP, socket.IPPROTO_UDP} or host is None:
        return None
    if type == socket.SOCK_STREAM:
        proto = socket.IPPROTO_TCP
    elif type == socket.SOCK_DGRAM:
        proto = socket.IPPROTO_UDP
    else:
        return None
    if port is None or port == b'' or port == '':
        port = 0
    else:
        try:
            port = int(port)
        except (TypeError, ValueError):
            return None
    if family == socket.AF_UNSPEC:
        families = [socket.AF_INET, socket.AF_INET6]
    else:
        families = [family]
    if isinstance(host, bytes):
        host = host.decode('idna')
    if '%' in host:
        return None
    for af in families:
        try:
            socket.inet_pton(af, host)
        except OSError:
            continue
        if af == socket.AF_INET6:
            return af, type, proto, '', (host, port, flowinfo, scopeid)
        return af, type, proto, '', (host, port)
    return None


async def _resolve(loop, address, *, family=0, type=1, proto=0, flags=0):
    host, port = address[:2]
    info = _ipaddr_info(host, port, family, type, proto, *address[2:])
    if info is not None:
        return [info]
    return await loop.getaddrinfo(host, port, family=family, type=type,
                                  proto=proto, flags=flags)


async def _server_addrinfo(loop, host, port, family, flags):
    infos = await _resolve(loop, (host, port), family=family, type=1, flags=flags)
    if not infos:
        raise OSError(f'getaddrinfo({host!r}) returned empty list')
    return infos


def _check_ssl_arguments(ssl, ssl_handshake_timeout, ssl_shutdown_timeout):
    if isinstance(ssl, bool):
        raise TypeError('ssl argument must be an SSLContext or None')
    if ssl_handshake_timeout is not None and ssl is None:
        raise ValueError('ssl_handshake_timeout is only meaningful with ssl')
    if ssl_shutdown_timeout is not None and ssl is None:
        raise ValueError('ssl_shutdown_timeout is only meaningful with ssl')
    if ssl is not None:
        _make_ssl_transport()


def _check_ssl_socket(sock):
    import ssl
    if isinstance(sock, ssl.SSLSocket):
        raise TypeError("Socket cannot be of type SSLSocket")


def _check_plain_socket(sock):
    # Only an ssl module that was imported can have made an SSLSocket.
    import sys
    if 'ssl' in sys.modules:
        _check_ssl_socket(sock)


# -- the loop's connection methods --------------------------------------------------

async def _loop_create_server(self, protocol_factory, host=None, port=None, *,
                              family=0, flags=1, sock=None, backlog=100, ssl=None,
                              reuse_address=None, reuse_port=None,
                              ssl_handshake_timeout=None, ssl_shutdown_timeout=None,
                              start_serving=True):
    socket = _socket_module()
    _check_ssl_arguments(ssl, ssl_handshake_timeout, ssl_shutdown_timeout)
    if sock is not None:
        _check_plain_socket(sock)
    if host is not None or port is not None:
        if sock is not None:
            raise ValueError('host/port and sock can not be specified at the same time')
        if reuse_address is None:
            reuse_address = True
        if host == '':
            hosts = [None]
        elif isinstance(host, str) or not _is_iterable(host):
            hosts = [host]
        else:
            hosts = host
        # Each host is resolved in a task of its own, so binding happens in
        # the iteration CPython's does.
        results = await gather(*[_server_addrinfo(self, h, port, family, flags)
                                 for h in hosts])
        infos = []
        for result in results:
            for info in result:
                if info not in infos:
                    infos.append(info)
        sockets = []
        completed = False
        try:
            for af, socktype, proto, canonname, sa in infos:
                try:
                    sock = socket.socket(af, socktype, proto)
                except OSError:
                    if self.get_debug():
                        _asyncio_logger().warning(
                            'create_server() failed to create socket.socket(%r, %r, %r)',
                            af, socktype, proto, exc_info=True)
                    continue
                sockets.append(sock)
                if reuse_address:
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, True)
                if reuse_port:
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
                if af == socket.AF_INET6:
                    sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, True)
                try:
                    sock.bind(sa)
                except OSError as err:
                    raise OSError(err.errno, 'error while attempting '
                                  'to bind on address %r: %s'
                                  % (sa, err.strerror.lower())) from None
            completed = True
        finally:
            if not completed:
                for sock in sockets:
                    sock.close()
    else:
        if sock is None:
            raise ValueError('Neither host/port nor sock were specified')
        if sock.type != socket.SOCK_STREAM:
            raise ValueError(f'A Stream Socket was expected, got {sock!r}')
        sockets = [sock]
    for sock in sockets:
        sock.setblocking(False)
    server = Server(self, sockets, protocol_factory, ssl, backlog,
                    ssl_handshake_timeout, ssl_shutdown_timeout)
    if start_serving:
        server._start_serving()
        # Let the accept watches start before the caller goes on.
        await sleep(0)
    if self.get_debug():
        _asyncio_logger().info("%r is serving", server)
    return server


def _is_iterable(value):
    try:
        iter(value)
    except TypeError:
        return False
    return True


async def _connect_sock(loop, exceptions, addr_info, local_addr_infos=None):
    socket = _socket_module()
    my_exceptions = []
    exceptions.append(my_exceptions)
    family, type_, proto, _, address = addr_info
    sock = None
    try:
        sock = socket.socket(family=family, type=type_, proto=proto)
        sock.setblocking(False)
        if local_addr_infos is not None:
            for lfamily, _, _, _, laddr in local_addr_infos:
                if lfamily != family:
                    continue
                try:
                    sock.bind(laddr)
                    break
                except OSError as exc:
                    msg = (f'error while attempting to bind on '
                           f'address {laddr!r}: {exc.strerror.lower()}')
                    my_exceptions.append(OSError(exc.errno, msg))
            else:
                if my_exceptions:
                    raise my_exceptions.pop()
                raise OSError(f"no matching local address with {family=} found")
        await loop.sock_connect(sock, address)
        return sock
    except OSError as exc:
        my_exceptions.append(exc)
        if sock is not None:
            sock.close()
        raise
    except BaseException:
        if sock is not None:
            sock.close()
        raise


async def _loop_create_connection(self, protocol_factory, host=None, port=None, *,
                                  ssl=None, family=0, proto=0, flags=0, sock=None,
                                  local_addr=None, server_hostname=None,
                                  ssl_handshake_timeout=None, ssl_shutdown_timeout=None,
                                  happy_eyeballs_delay=None, interleave=None):
    socket = _socket_module()
    if server_hostname is not None and not ssl:
        raise ValueError('server_hostname is only meaningful with ssl')
    if server_hostname is None and ssl:
        if not host:
            raise ValueError('You must set server_hostname when using ssl without a host')
        server_hostname = host
    if ssl_handshake_timeout is not None and not ssl:
        raise ValueError('ssl_handshake_timeout is only meaningful with ssl')
    if ssl_shutdown_timeout is not None and not ssl:
        raise ValueError('ssl_shutdown_timeout is only meaningful with ssl')
    if ssl:
        _make_ssl_transport()
    if sock is not None:
        _check_plain_socket(sock)
    if host is not None or port is not None:
        if sock is not None:
            raise ValueError('host/port and sock can not be specified at the same time')
        infos = await _resolve(self, (host, port), family=family,
                               type=socket.SOCK_STREAM, proto=proto, flags=flags)
        if not infos:
            raise OSError('getaddrinfo() returned empty list')
        if local_addr is not None:
            laddr_infos = await _resolve(self, local_addr, family=family,
                                         type=socket.SOCK_STREAM, proto=proto, flags=flags)
            if not laddr_infos:
                raise OSError('getaddrinfo() returned empty list')
        else:
            laddr_infos = None
        exceptions = []
        # Addresses are tried one after the other (happy_eyeballs_delay and
        # interleave only reorder attempts in CPython; the first to connect wins).
        for addrinfo in infos:
            try:
                sock = await _connect_sock(self, exceptions, addrinfo, laddr_infos)
                break
            except OSError:
                continue
        if sock is None:
            flat = [exc for sub in exceptions for exc in sub]
            if len(flat) == 1:
                raise flat[0]
            model = str(flat[0])
            if all(str(exc) == model for exc in flat):
                raise flat[0]
            raise OSError('Multiple exceptions: {}'.format(
                ', '.join(str(exc) for exc in flat)))
    else:
        if sock is None:
            raise ValueError('host and port was not specified and no sock specified')
        if sock.type != socket.SOCK_STREAM:
            raise ValueError(f'A Stream Socket was expected, got {sock!r}')
    return await _connection_transport(self, sock, protocol_factory, ssl, server_hostname,
                                       ssl_handshake_timeout=ssl_handshake_timeout,
                                       ssl_shutdown_timeout=ssl_shutdown_timeout)


async def _connection_transport(loop, sock, protocol_factory, ssl, server_hostname,
                                server_side=False, ssl_handshake_timeout=None,
                                ssl_shutdown_timeout=None):
    sock.setblocking(False)
    protocol = protocol_factory()
    waiter = loop.create_future()
    if ssl:
        sslcontext = None if isinstance(ssl, bool) else ssl
        transport = _make_ssl_transport(
            loop, sock, protocol, sslcontext, waiter=waiter, server_side=server_side,
            server_hostname=server_hostname, ssl_handshake_timeout=ssl_handshake_timeout,
            ssl_shutdown_timeout=ssl_shutdown_timeout)
    else:
        transport = _SelectorSocketTransport(loop, sock, protocol, waiter)
    try:
        await waiter
    except BaseException:
        transport.close()
        raise
    return transport, protocol


async def _loop_connect_accepted_socket(self, protocol_factory, sock, *, ssl=None,
                                        ssl_handshake_timeout=None,
                                        ssl_shutdown_timeout=None):
    socket = _socket_module()
    if sock.type != socket.SOCK_STREAM:
        raise ValueError(f'A Stream Socket was expected, got {sock!r}')
    if ssl_handshake_timeout is not None and not ssl:
        raise ValueError('ssl_handshake_timeout is only meaningful with ssl')
    if ssl_shutdown_timeout is not None and not ssl:
        raise ValueError('ssl_shutdown_timeout is only meaningful with ssl')
    if ssl:
        _make_ssl_transport()
    if sock is not None:
        _check_plain_socket(sock)
    return await _connection_transport(self, sock, protocol_factory, ssl, '',
                                       server_side=True,
                                       ssl_handshake_timeout=ssl_handshake_timeout,
                                       ssl_shutdown_timeout=ssl_shutdown_timeout)


def _check_unix_stream_socket(sock):
    socket = _socket_module()
    if sock.family != socket.AF_UNIX or sock.type != socket.SOCK_STREAM:
        raise ValueError(f'A UNIX Domain Stream Socket was expected, got {sock!r}')


async def _loop_create_unix_connection(self, protocol_factory, path=None, *, ssl=None,
                                       sock=None, server_hostname=None,
                                       ssl_handshake_timeout=None,
                                       ssl_shutdown_timeout=None):
    import os
    socket = _socket_module()
    if ssl:
        if server_hostname is None:
            raise ValueError('you have to pass server_hostname when using ssl')
        _make_ssl_transport()
    else:
        if server_hostname is not None:
            raise ValueError('server_hostname is only meaningful with ssl')
        if ssl_handshake_timeout is not None:
            raise ValueError('ssl_handshake_timeout is only meaningful with ssl')
        if ssl_shutdown_timeout is not None:
            raise ValueError('ssl_shutdown_timeout is only meaningful with ssl')
    if path is not None:
        if sock is not None:
            raise ValueError('path and sock can not be specified at the same time')
        path = os.fspath(path)
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM, 0)
        try:
            sock.setblocking(False)
            await self.sock_connect(sock, path)
        except BaseException:
            sock.close()
            raise
    else:
        if sock is None:
            raise ValueError('no path and sock were specified')
        _check_unix_stream_socket(sock)
        sock.setblocking(False)
    return await _connection_transport(self, sock, protocol_factory, ssl, server_hostname,
                                       ssl_handshake_timeout=ssl_handshake_timeout,
                                       ssl_shutdown_timeout=ssl_shutdown_timeout)


def _remove_stale_unix_socket(path):
    import os
    import stat
    if path[0] in (0, '\x00'):
        return
    try:
        if stat.S_ISSOCK(os.stat(path).st_mode):
            os.remove(path)
    except FileNotFoundError:
        pass
    except OSError as err:
        _asyncio_logger().error('Unable to check or remove stale UNIX socket %r: %r',
                                path, err)


async def _loop_create_unix_server(self, protocol_factory, path=None, *, sock=None,
                                   backlog=100, ssl=None, ssl_handshake_timeout=None,
                                   ssl_shutdown_timeout=None, start_serving=True):
    import errno
    import os
    socket = _socket_module()
    _check_ssl_arguments(ssl, ssl_handshake_timeout, ssl_shutdown_timeout)
    if path is not None:
        if sock is not None:
            raise ValueError('path and sock can not be specified at the same time')
        path = os.fspath(path)
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        _remove_stale_unix_socket(path)
        try:
            sock.bind(path)
        except OSError as exc:
            sock.close()
            if exc.errno == errno.EADDRINUSE:
                raise OSError(errno.EADDRINUSE, f'Address {path!r} is already in use') from None
            raise
        except BaseException:
            sock.close()
            raise
    else:
        if sock is None:
            raise ValueError('path was not specified, and no sock specified')
        _check_unix_stream_socket(sock)
    sock.setblocking(False)
    server = Server(self, [sock], protocol_factory, ssl, backlog,
                    ssl_handshake_timeout, ssl_shutdown_timeout)
    if start_serving:
        server._start_serving()
        await sleep(0)
    return server


async def _loop_create_datagram_endpoint(self, protocol_factory, local_addr=None,
                                         remote_addr=None, *, family=0, proto=0,
                                         flags=0, reuse_port=None,
                                         allow_broadcast=None, sock=None):
    socket = _socket_module()
    if sock is not None:
        if sock.type != socket.SOCK_DGRAM:
            raise ValueError(f'A UDP Socket was expected, got {sock!r}')
        if (local_addr or remote_addr or family or proto or flags or reuse_port
                or allow_broadcast):
            opts = dict(local_addr=local_addr, remote_addr=remote_addr,
                        family=family, proto=proto, flags=flags,
                        reuse_port=reuse_port,
                        allow_broadcast=allow_broadcast)
            problems = ', '.join(f'{k}={v}' for k, v in opts.items() if v)
            raise ValueError(
                f'socket modifier keyword arguments can not be used '
                f'when sock is specified. ({problems})')
        sock.setblocking(False)
        r_addr = None
    else:
        if not (local_addr or remote_addr):
            if family == 0:
                raise ValueError('unexpected address family')
            addr_pairs_info = (((family, proto), (None, None)),)
        elif family == socket.AF_UNIX:
            for addr in (local_addr, remote_addr):
                if addr is not None and not isinstance(addr, str):
                    raise TypeError('string is expected')
            if local_addr:
                _remove_stale_unix_socket(local_addr)
            addr_pairs_info = (((family, proto), (local_addr, remote_addr)),)
        else:
            addr_infos = {}
            for idx, addr in ((0, local_addr), (1, remote_addr)):
                if addr is not None:
                    if not (isinstance(addr, tuple) and len(addr) == 2):
                        raise TypeError('2-tuple is expected')
                    infos = await _resolve(self, addr, family=family,
                                           type=socket.SOCK_DGRAM, proto=proto,
                                           flags=flags)
                    if not infos:
                        raise OSError('getaddrinfo() returned empty list')
                    for fam, _, pro, _, address in infos:
                        key = (fam, pro)
                        if key not in addr_infos:
                            addr_infos[key] = [None, None]
                        addr_infos[key][idx] = address
            addr_pairs_info = [
                (key, addr_pair) for key, addr_pair in addr_infos.items()
                if not ((local_addr and addr_pair[0] is None) or
                        (remote_addr and addr_pair[1] is None))]
            if not addr_pairs_info:
                raise ValueError('can not get address information')
        exceptions = []
        for ((family, proto), (local_address, remote_address)) in addr_pairs_info:
            sock = None
            r_addr = None
            try:
                sock = socket.socket(family=family, type=socket.SOCK_DGRAM, proto=proto)
                if reuse_port:
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
                if allow_broadcast:
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
                sock.setblocking(False)
                if local_addr:
                    sock.bind(local_address)
                if remote_addr:
                    if not allow_broadcast:
                        await self.sock_connect(sock, remote_address)
                    r_addr = remote_address
            except OSError as exc:
                if sock is not None:
                    sock.close()
                exceptions.append(exc)
            except BaseException:
                if sock is not None:
                    sock.close()
                raise
            else:
                break
        else:
            raise exceptions[0]
    protocol = protocol_factory()
    waiter = self.create_future()
    transport = _SelectorDatagramTransport(self, sock, protocol, r_addr, waiter)
    try:
        await waiter
    except BaseException:
        transport.close()
        raise
    return transport, protocol


async def _loop_connect_read_pipe(self, protocol_factory, pipe):
    protocol = protocol_factory()
    waiter = self.create_future()
    transport = _UnixReadPipeTransport(self, pipe, protocol, waiter)
    try:
        await waiter
    except BaseException:
        transport.close()
        raise
    return transport, protocol


async def _loop_connect_write_pipe(self, protocol_factory, pipe):
    protocol = protocol_factory()
    waiter = self.create_future()
    transport = _UnixWritePipeTransport(self, pipe, protocol, waiter)
    try:
        await waiter
    except BaseException:
        transport.close()
        raise
    return transport, protocol


async def _loop_subprocess_exec(self, protocol_factory, program, *args, **kwargs):
    from asyncio import subprocess
    return await subprocess._loop_subprocess_exec(self, protocol_factory, program,
                                                  *args, **kwargs)


async def _loop_subprocess_shell(self, protocol_factory, cmd, **kwargs):
    from asyncio import subprocess
    return await subprocess._loop_subprocess_shell(self, protocol_factory, cmd, **kwargs)


for _name, _method in [
    ('subprocess_exec', _loop_subprocess_exec),
    ('subprocess_shell', _loop_subprocess_shell),
    ('create_server', _loop_create_server),
    ('create_connection', _loop_create_connection),
    ('connect_accepted_socket', _loop_connect_accepted_socket),
    ('create_unix_connection', _loop_create_unix_connection),
    ('create_unix_server', _loop_create_unix_server),
    ('create_datagram_endpoint', _loop_create_datagram_endpoint),
    ('connect_read_pipe', _loop_connect_read_pipe),
    ('connect_write_pipe', _loop_connect_write_pipe),
]:
    _add_loop_method(_name, _method)
del _name, _method
