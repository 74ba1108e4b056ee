# asyncio streams, run into the asyncio module at import after
# socket_transports.py. A StreamReader is a byte buffer that a protocol fills
# and coroutines drain: every read waits in one place (_more) and takes bytes
# in one place (_take), which also resumes a transport paused for a full
# buffer. A StreamWriter is a transport plus drain() (the protocol's flow
# control) and wait_closed() (which wakes once the protocol saw
# connection_lost).


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
        # The future a read waits on (one reader at a time).
        self._waiter = None
        # The transport, and whether it is paused for a buffer over 2 * limit.
        self._transport = None
        self._paused = False

    def __repr__(self):
        facts = [
            (self._data, f'{len(self._data)} bytes'),
            (self._eof, 'eof'),
            (self._limit != _DEFAULT_LIMIT, f'limit={self._limit}'),
            (self._waiter, f'waiter={self._waiter!r}'),
            (self._exception, f'exception={self._exception!r}'),
            (self._transport, f'transport={self._transport!r}'),
            (self._paused, 'paused'),
        ]
        return ' '.join(['<StreamReader'] + [text for present, text in facts if present]) + '>'

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
        if len(self._data) > 2 * self._limit:
            self._hold_back()

    def at_eof(self):
        return self._eof and not self._data

    def _hold_back(self):
        """Ask the transport to stop reading while the buffer is this full; a
        transport that cannot pause is not asked again."""
        if self._transport is None or self._paused:
            return
        try:
            self._transport.pause_reading()
        except NotImplementedError:
            self._transport = None
        else:
            self._paused = True

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

    def _take_rest(self):
        """Everything buffered, at end of file (no transport to resume then)."""
        rest = bytes(self._data)
        self._data.clear()
        return rest

    def _raise_pending_error(self):
        if self._exception is not None:
            raise self._exception

    # -- the consumer's side ---------------------------------------------------

    async def read(self, n=-1):
        """Up to `n` bytes, waiting for some if none are buffered; with n < 0,
        everything up to end of file. b'' means end of file."""
        self._raise_pending_error()
        if n == 0:
            return b''
        if n > 0:
            return await self._chunk(n)
        # In chunks of the limit, so that a paused transport is resumed as the
        # buffer empties.
        pieces = []
        while piece := await self._chunk(self._limit):
            pieces.append(piece)
            self._raise_pending_error()
        return b''.join(pieces)

    async def _chunk(self, most):
        while not self._data and not self._eof:
            await self._more('read')
        return self._take(most)

    async def readexactly(self, n):
        """Exactly `n` bytes; IncompleteReadError if the stream ends first."""
        if n < 0:
            raise ValueError('readexactly size can not be less than zero')
        self._raise_pending_error()
        while len(self._data) < n:
            if self._eof:
                raise IncompleteReadError(self._take_rest(), n)
            await self._more('readexactly')
        return self._take(n)

    async def readuntil(self, separator=b'\n'):
        """The bytes up to and including `separator`.

        LimitOverrunError when it is not within the limit (the bytes stay
        buffered); IncompleteReadError if the stream ends first."""
        width = len(separator)
        if width == 0:
            raise ValueError('Separator should be at least one-byte string')
        self._raise_pending_error()
        # No match starts before `clear`: those bytes were searched already.
        clear = 0
        while (end := self._data.find(separator, clear)) < 0:
            clear = max(clear, len(self._data) + 1 - width)
            if clear > self._limit:
                raise LimitOverrunError(
                    'Separator is not found, and chunk exceed the limit', clear)
            if self._eof:
                raise IncompleteReadError(self._take_rest(), None)
            await self._more('readuntil')
        if end > self._limit:
            raise LimitOverrunError('Separator is found, but chunk is longer than limit', end)
        return self._take(end + width)

    async def readline(self):
        """One line, ending in b'\\n' unless it is the last; b'' at end of file.

        A line longer than the limit is dropped and raises ValueError."""
        try:
            return await self.readuntil(b'\n')
        except IncompleteReadError as short:
            return short.partial
        except LimitOverrunError as overrun:
            self._drop_line(overrun.consumed)
            raise ValueError(overrun.args[0])

    def _drop_line(self, searched):
        """Discard an over-long line: through its newline if that is
        buffered (at `searched`), else all the buffer."""
        past_newline = searched + 1 if self._data.startswith(b'\n', searched) else len(self._data)
        del self._data[:past_newline]
        self._consumed()

    def __aiter__(self):
        return self

    async def __anext__(self):
        line = await self.readline()
        if not line:
            raise StopAsyncIteration
        return line


class StreamReaderProtocol(Protocol):
    """Feeds a StreamReader from a transport; with a callback, makes the
    connection's StreamWriter and hands both to it (servers)."""
    __module__ = 'asyncio.streams'

    def __init__(self, stream_reader, client_connected_cb=None, loop=None):
        self._loop = get_event_loop() if loop is None else loop
        self._stream_reader = stream_reader
        # A server's: called with the connection's reader and writer (a
        # coroutine it returns runs as _task).
        self._client_connected_cb = client_connected_cb
        self._stream_writer = self._task = None
        self._transport = None
        # wait_closed()'s future: done when the connection is lost.
        self._closed = self._loop.create_future()
        self._lost = False
        # Flow control: drain() waits while the transport's buffer is full.
        self._writing_paused = False
        self._drain_waiters = []

    def connection_made(self, transport):
        self._transport = transport
        if self._stream_reader is not None:
            self._stream_reader.set_transport(transport)
        if self._client_connected_cb is None:
            return
        writer = StreamWriter(transport, self, self._stream_reader, self._loop)
        self._stream_writer = writer
        outcome = self._client_connected_cb(self._stream_reader, writer)
        if iscoroutine(outcome):
            self._task = self._loop.create_task(outcome)

    def connection_lost(self, exc):
        """The reader sees end of file (or `exc`); wait_closed() and any
        drain() waiting wake up with the same outcome."""
        if self._stream_reader is not None:
            if exc is None:
                self._stream_reader.feed_eof()
            else:
                self._stream_reader.set_exception(exc)
        waiters = [self._closed] if not self._closed.done() else []
        self._lost = True
        if self._writing_paused:
            waiters += self._drain_waiters
        for waiter in waiters:
            _settle(waiter, exc)
        self._stream_reader = self._stream_writer = None
        self._task = self._transport = None

    def data_received(self, data):
        if self._stream_reader is not None:
            self._stream_reader.feed_data(data)

    def eof_received(self):
        if self._stream_reader is not None:
            self._stream_reader.feed_eof()
        # Keep the transport open for writing (no TLS in towel's streams).
        return True

    def pause_writing(self):
        self._writing_paused = True

    def resume_writing(self):
        if not self._writing_paused:
            raise AssertionError
        self._writing_paused = False
        for waiter in self._drain_waiters:
            _settle(waiter, None)

    async def _wait_writable(self):
        if self._lost:
            raise ConnectionResetError('Connection lost')
        if not self._writing_paused:
            return
        waiter = self._loop.create_future()
        self._drain_waiters.append(waiter)
        try:
            await waiter
        finally:
            self._drain_waiters.remove(waiter)


def _settle(waiter, exc):
    """Wake `waiter` (if still pending) with `exc`, or with None."""
    if waiter.done():
        return
    if exc is None:
        waiter.set_result(None)
    else:
        waiter.set_exception(exc)


class StreamWriter:
    """The sending half of a stream connection: writes go to the transport,
    drain() waits while its buffer is over the high-water mark, and
    wait_closed() until the connection is lost."""
    __module__ = 'asyncio.streams'

    def __init__(self, transport, protocol, reader=None, loop=None):
        if protocol is None:
            # Bridge: an asyncio.subprocess pipe connection in place of a transport.
            transport, protocol = _PipeTransport(transport), _PipeEnd(transport)
        self._transport = transport
        self._protocol = protocol
        self._reader = reader
        self._loop = loop

    def __repr__(self):
        shown = f'<StreamWriter transport={self._transport!r}'
        if self._reader is not None:
            shown += f' reader={self._reader!r}'
        return shown + '>'

    @property
    def transport(self):
        """The transport underneath."""
        return self._transport

    def write(self, data):
        """Queue `data` for sending (see drain())."""
        self._transport.write(data)

    def writelines(self, data):
        """Queue each bytes object of `data` for sending."""
        self._transport.writelines(data)

    def write_eof(self):
        """Close the sending side once the queued data is sent."""
        return self._transport.write_eof()

    def can_write_eof(self):
        """Whether write_eof() is supported."""
        return self._transport.can_write_eof()

    def close(self):
        """Close the transport (see wait_closed())."""
        return self._transport.close()

    def is_closing(self):
        """Whether the transport is closed or closing."""
        return self._transport.is_closing()

    async def wait_closed(self):
        """Wait until the connection is lost (raising what it was lost to)."""
        await self._protocol._closed

    def get_extra_info(self, name, default=None):
        """The transport's extra information `name` (see BaseTransport)."""
        return self._transport.get_extra_info(name, default)

    async def drain(self):
        """Wait until the transport's buffer is below its high-water mark.

        Raises the reader's error, or ConnectionResetError once the connection
        is lost."""
        if self._reader is not None:
            self._reader._raise_pending_error()
        if self._transport.is_closing():
            # Let connection_lost run first, so that the loss is what we see.
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


async def _connected_streams(connect, limit, *address, **kwds):
    """Open a connection with the loop method `connect`; return its
    (StreamReader, StreamWriter)."""
    loop = get_running_loop()
    reader = StreamReader(limit=limit, loop=loop)
    protocol = StreamReaderProtocol(reader, loop=loop)
    transport, _ = await getattr(loop, connect)(lambda: protocol, *address, **kwds)
    return reader, StreamWriter(transport, protocol, reader, loop)


async def open_connection(host=None, port=None, *, limit=_DEFAULT_LIMIT, **kwds):
    """Connect to (host, port); return a (StreamReader, StreamWriter) pair.

    The other keywords go to loop.create_connection()."""
    return await _connected_streams('create_connection', limit, host, port, **kwds)


async def start_server(client_connected_cb, host=None, port=None, *,
                       limit=_DEFAULT_LIMIT, **kwds):
    """Start a server that calls client_connected_cb(reader, writer) for each
    connection (a coroutine's result becomes a task); return the Server.

    The other keywords go to loop.create_server()."""
    loop = get_running_loop()
    return await loop.create_server(
        _server_protocols(limit, loop, client_connected_cb), host, port, **kwds)


async def open_unix_connection(path=None, *, limit=_DEFAULT_LIMIT, **kwds):
    """Connect to the Unix socket at `path`; return (StreamReader, StreamWriter)."""
    return await _connected_streams('create_unix_connection', limit, path, **kwds)


async def start_unix_server(client_connected_cb, path=None, *,
                            limit=_DEFAULT_LIMIT, **kwds):
    loop = get_running_loop()
    return await loop.create_unix_server(
        _server_protocols(limit, loop, client_connected_cb), path, **kwds)
