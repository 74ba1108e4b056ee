# asyncio streams, run into the asyncio module at import after
# socket_transports.py: a StreamReader is a byte buffer that a protocol
# fills and coroutines drain; a StreamWriter is a socket transport plus
# drain() (the transport's flow control) and wait_closed() (which wakes
# once the protocol saw connection_lost, as CPython's).


class StreamReader:
    __module__ = 'asyncio.streams'

    def __init__(self, *args, limit=_DEFAULT_LIMIT, loop=None):
        # Bridge: asyncio.subprocess's pipes (not yet on transports) pass a
        # connection first, which the reader pulls from (see _more).
        self._source = None
        if args and hasattr(args[0], 'recv'):
            self._source, args = args[0], args[1:]
        if len(args) > 2:
            raise TypeError(f'StreamReader.__init__() takes from 1 to 3 positional '
                            f'arguments but {len(args) + 1} were given')
        if args:
            limit = args[0]
            loop = args[1] if len(args) > 1 else loop
        if limit <= 0:
            raise ValueError('Limit cannot be <= 0')
        self._limit = limit
        self._loop = loop
        self._data = bytearray()
        self._eof = False
        self._exception = None
        self._waiter = None
        self._transport = None
        self._paused = False

    def __repr__(self):
        parts = ['StreamReader']
        if self._data:
            parts.append(f'{len(self._data)} bytes')
        if self._eof:
            parts.append('eof')
        if self._limit != _DEFAULT_LIMIT:
            parts.append(f'limit={self._limit}')
        if self._waiter is not None:
            parts.append(f'waiter={self._waiter!r}')
        if self._exception is not None:
            parts.append(f'exception={self._exception!r}')
        if self._transport is not None:
            parts.append(f'transport={self._transport!r}')
        if self._paused:
            parts.append('paused')
        return '<' + ' '.join(parts) + '>'

    # -- the producer's side (a protocol) --------------------------------------

    def exception(self):
        return self._exception

    def set_exception(self, exc):
        self._exception = exc
        self._wake(exc)

    def set_transport(self, transport):
        if self._transport is not None:
            raise AssertionError('Transport already set')
        self._transport = transport

    def feed_eof(self):
        self._eof = True
        self._wake()

    def feed_data(self, data):
        if self._eof:
            raise AssertionError('feed_data after feed_eof')
        if not data:
            return
        self._data += data
        self._wake()
        # Far ahead of the consumer: stop reading until it catches up.
        if (self._transport is not None and not self._paused
                and len(self._data) > 2 * self._limit):
            try:
                self._transport.pause_reading()
            except NotImplementedError:
                self._transport = None
            else:
                self._paused = True

    def at_eof(self):
        return self._eof and not self._data

    def _wake(self, exc=None):
        waiter, self._waiter = self._waiter, None
        if waiter is not None and not waiter.done():
            if exc is None:
                waiter.set_result(None)
            else:
                waiter.set_exception(exc)

    def _consumed(self):
        if self._paused and len(self._data) <= self._limit:
            self._paused = False
            self._transport.resume_reading()

    async def _more(self, caller):
        """Waits until data, end of file or an error arrives."""
        if self._waiter is not None:
            raise RuntimeError(f'{caller}() called while another coroutine is '
                               f'already waiting for incoming data')
        if self._source is not None:
            data = await self._source.recv(self._limit)
            if data:
                self.feed_data(data)
            else:
                self.feed_eof()
            return
        if self._paused:
            self._paused = False
            self._transport.resume_reading()
        loop = self._loop if self._loop is not None else get_running_loop()
        self._waiter = loop.create_future()
        try:
            await self._waiter
        finally:
            self._waiter = None

    def _take(self, n):
        chunk = bytes(self._data[:n])
        del self._data[:n]
        self._consumed()
        return chunk

    # -- the consumer's side ---------------------------------------------------

    async def read(self, n=-1):
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        if n < 0:
            pieces = []
            while True:
                piece = await self.read(self._limit)
                if not piece:
                    return b''.join(pieces)
                pieces.append(piece)
        if not self._data and not self._eof:
            await self._more('read')
        return self._take(n)

    async def readexactly(self, n):
        if n < 0:
            raise ValueError('readexactly size can not be less than zero')
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        while len(self._data) < n:
            if self._eof:
                partial = bytes(self._data)
                self._data.clear()
                raise IncompleteReadError(partial, n)
            await self._more('readexactly')
        return self._take(n)

    async def readuntil(self, separator=b'\n'):
        width = len(separator)
        if width == 0:
            raise ValueError('Separator should be at least one-byte string')
        if self._exception is not None:
            raise self._exception
        searched = 0
        while True:
            found = self._data.find(separator, searched)
            if found >= 0:
                break
            # Where the next search starts: the separator may straddle the
            # end of what is here.
            searched = max(0, len(self._data) + 1 - width)
            if searched > self._limit:
                raise LimitOverrunError(
                    'Separator is not found, and chunk exceed the limit', searched)
            if self._eof:
                partial = bytes(self._data)
                self._data.clear()
                raise IncompleteReadError(partial, None)
            await self._more('readuntil')
        if found > self._limit:
            raise LimitOverrunError(
                'Separator is found, but chunk is longer than limit', found)
        return self._take(found + width)

    async def readline(self):
        try:
            return await self.readuntil(b'\n')
        except IncompleteReadError as e:
            return e.partial
        except LimitOverrunError as e:
            # Drop the overlong line (with its newline when it is here).
            if self._data.startswith(b'\n', e.consumed):
                del self._data[:e.consumed + 1]
            else:
                self._data.clear()
            self._consumed()
            raise ValueError(e.args[0])

    def __aiter__(self):
        return self

    async def __anext__(self):
        line = await self.readline()
        if line == b'':
            raise StopAsyncIteration
        return line


class StreamReaderProtocol(Protocol):
    """Feeds a StreamReader from a transport; with a callback, makes the
    connection's StreamWriter and hands both to it (servers)."""
    __module__ = 'asyncio.streams'

    def __init__(self, stream_reader, client_connected_cb=None, loop=None):
        self._loop = loop if loop is not None else get_running_loop()
        self._stream_reader = stream_reader
        self._stream_writer = None
        self._client_connected_cb = client_connected_cb
        self._task = None
        self._transport = None
        self._lost = False
        self._writing_paused = False
        self._drain_waiters = []
        self._closed = self._loop.create_future()

    def connection_made(self, transport):
        self._transport = transport
        reader = self._stream_reader
        if reader is not None:
            reader.set_transport(transport)
        if self._client_connected_cb is not None:
            self._stream_writer = StreamWriter(transport, self, reader, self._loop)
            result = self._client_connected_cb(reader, self._stream_writer)
            if iscoroutine(result):
                self._task = self._loop.create_task(result)

    def connection_lost(self, exc):
        self._lost = True
        reader = self._stream_reader
        if reader is not None:
            if exc is None:
                reader.feed_eof()
            else:
                reader.set_exception(exc)
        if not self._closed.done():
            if exc is None:
                self._closed.set_result(None)
            else:
                self._closed.set_exception(exc)
                # Nobody need await wait_closed() to see it: no "never
                # retrieved" report.
                self._closed.exception()
        for waiter in self._drain_waiters:
            if not waiter.done():
                if exc is None:
                    waiter.set_result(None)
                else:
                    waiter.set_exception(exc)
        self._drain_waiters.clear()
        self._stream_reader = None
        self._stream_writer = None
        self._task = None
        self._transport = None

    def data_received(self, data):
        if self._stream_reader is not None:
            self._stream_reader.feed_data(data)

    def eof_received(self):
        if self._stream_reader is not None:
            self._stream_reader.feed_eof()
        # Keep our side open, so the writer may still send; TLS has no
        # half-close, so a TLS connection closes.
        return self._transport is None or self._transport.get_extra_info('sslcontext') is None

    def pause_writing(self):
        self._writing_paused = True

    def resume_writing(self):
        self._writing_paused = False
        for waiter in self._drain_waiters:
            if not waiter.done():
                waiter.set_result(None)
        self._drain_waiters.clear()

    async def _wait_writable(self):
        if self._lost:
            raise ConnectionResetError('Connection lost')
        if not self._writing_paused:
            return
        waiter = self._loop.create_future()
        self._drain_waiters.append(waiter)
        await waiter


class StreamWriter:
    """The sending half of a stream connection: writes go to the transport,
    drain() waits while its buffer is over the high-water mark, and
    wait_closed() until the connection is lost."""
    __module__ = 'asyncio.streams'

    def __init__(self, transport, protocol, reader=None, loop=None):
        if not isinstance(transport, BaseTransport) and hasattr(transport, 'drain'):
            # Bridge: an asyncio.subprocess pipe connection, and its reader.
            transport, protocol, reader = _PipeTransport(transport), _PipeEnd(transport), protocol
        self._transport = transport
        self._protocol = protocol
        self._reader = reader
        self._loop = loop

    def __repr__(self):
        parts = [type(self).__name__, f'transport={self._transport!r}']
        if self._reader is not None:
            parts.append(f'reader={self._reader!r}')
        return '<' + ' '.join(parts) + '>'

    @property
    def transport(self):
        return self._transport

    def write(self, data):
        self._transport.write(data)

    def writelines(self, data):
        self._transport.writelines(data)

    def write_eof(self):
        return self._transport.write_eof()

    def can_write_eof(self):
        return self._transport.can_write_eof()

    def close(self):
        return self._transport.close()

    def is_closing(self):
        return self._transport.is_closing()

    async def wait_closed(self):
        await self._protocol._closed

    def get_extra_info(self, name, default=None):
        return self._transport.get_extra_info(name, default)

    async def drain(self):
        if self._reader is not None:
            exc = self._reader.exception()
            if exc is not None:
                raise exc
        if self._transport.is_closing():
            # Let connection_lost run first, so that a lost connection
            # raises below instead of passing silently.
            await sleep(0)
        await self._protocol._wait_writable()


class _PipeTransport(WriteTransport):
    """Bridge: an asyncio.subprocess pipe connection seen as a write
    transport, until the subprocess layer runs on transports."""

    def __init__(self, conn):
        super().__init__()
        self._conn = conn

    def write(self, data):
        self._conn.write(data)

    def write_eof(self):
        return self._conn.write_eof()

    def can_write_eof(self):
        return True

    def close(self):
        return self._conn.close()

    def is_closing(self):
        return self._conn.is_closing()


class _PipeEnd:
    """Bridge: what a StreamWriter asks of its protocol, for a pipe connection."""

    def __init__(self, conn):
        self._conn = conn

    @property
    def _closed(self):
        return self._conn.wait_closed()

    async def _wait_writable(self):
        await self._conn.drain()


def _server_protocols(limit, loop, client_connected_cb):
    """A server's protocol factory: a reader and its protocol per connection."""
    def make_protocol():
        reader = StreamReader(limit=limit, loop=loop)
        return StreamReaderProtocol(reader, client_connected_cb, loop=loop)
    return make_protocol


async def open_connection(host=None, port=None, *, limit=_DEFAULT_LIMIT, **kwds):
    """Connect to host and port; return a (StreamReader, StreamWriter) pair.

    The other keywords go to loop.create_connection()."""
    loop = get_running_loop()
    reader = StreamReader(limit=limit, loop=loop)
    protocol = StreamReaderProtocol(reader, loop=loop)
    transport, _ = await loop.create_connection(lambda: protocol, host, port, **kwds)
    return reader, StreamWriter(transport, protocol, reader, loop)


async def start_server(client_connected_cb, host=None, port=None, *,
                       limit=_DEFAULT_LIMIT, **kwds):
    """Start a server that calls client_connected_cb(reader, writer) for each
    connection (a coroutine's result becomes a task); return the Server.

    The other keywords go to loop.create_server()."""
    loop = get_running_loop()
    return await loop.create_server(
        _server_protocols(limit, loop, client_connected_cb), host, port, **kwds)


async def open_unix_connection(path=None, *, limit=_DEFAULT_LIMIT, **kwds):
    loop = get_running_loop()
    reader = StreamReader(limit=limit, loop=loop)
    protocol = StreamReaderProtocol(reader, loop=loop)
    transport, _ = await loop.create_unix_connection(lambda: protocol, path, **kwds)
    return reader, StreamWriter(transport, protocol, reader, loop)


async def start_unix_server(client_connected_cb, path=None, *,
                            limit=_DEFAULT_LIMIT, **kwds):
    loop = get_running_loop()
    return await loop.create_unix_server(
        _server_protocols(limit, loop, client_connected_cb), path, **kwds)
