# The event loop's lower layer, run into the asyncio module after
# asyncio.py: readers and writers on descriptors (`add_reader`, ...), the
# `sock_*` coroutines on non-blocking sockets, the resolver on the executor,
# and signal handlers. Readiness comes from `_watch_fd` (fd_events.rs), an
# executor task woken by the runtime's reactor. `socket`, `signal` and
# `inspect` are imported by the methods that use them, so that importing
# asyncio stays cheap.


def _fileobj_fd(fileobj):
    if isinstance(fileobj, int):
        fd = fileobj
    else:
        try:
            fd = int(fileobj.fileno())
        except (AttributeError, TypeError, ValueError):
            raise ValueError(f"Invalid file object: {fileobj!r}") from None
    if fd < 0:
        raise ValueError(f"Invalid file descriptor: {fd}")
    return fd


# Each loop's watchers: {loop: ({fd: watch}, {fd: watch})} for readers and writers.
_fd_watchers = {}


def _watchers(loop, writing):
    pair = _fd_watchers.get(id(loop))
    if pair is None:
        pair = _fd_watchers[id(loop)] = ({}, {})
    return pair[1 if writing else 0]


def _check_not_closed(loop):
    if loop.is_closed():
        raise RuntimeError('Event loop is closed')


def _add_watch(loop, fd, writing, callback, args):
    _check_not_closed(loop)
    fd = _fileobj_fd(fd)
    table = _watchers(loop, writing)
    old = table.pop(fd, None)
    if old is not None:
        old.cancel()
    table[fd] = _watch_fd(fd, writing, lambda: callback(*args), False)


def _remove_watch(loop, fd, writing):
    if loop.is_closed():
        return False
    fd = _fileobj_fd(fd)
    watch = _watchers(loop, writing).pop(fd, None)
    if watch is None:
        return False
    watch.cancel()
    return True


def _loop_add_reader(self, fd, callback, *args):
    _add_watch(self, fd, False, callback, args)


def _loop_remove_reader(self, fd):
    return _remove_watch(self, fd, False)


def _loop_add_writer(self, fd, callback, *args):
    _add_watch(self, fd, True, callback, args)


def _loop_remove_writer(self, fd):
    return _remove_watch(self, fd, True)


async def _ready(fd, writing):
    # Waits once for `fd` to be ready; the watch ends with the wait, even
    # when the waiting task is cancelled.
    fut = get_running_loop().create_future()

    def wake():
        if not fut.done():
            fut.set_result(None)

    watch = _watch_fd(fd, writing, wake, True)
    try:
        await fut
    finally:
        watch.cancel()


def _check_sock(loop, sock):
    if loop.get_debug() and sock.gettimeout() != 0:
        raise ValueError("the socket must be non-blocking")


async def _loop_sock_recv(self, sock, n):
    _check_sock(self, sock)
    while True:
        try:
            return sock.recv(n)
        except (BlockingIOError, InterruptedError):
            await _ready(sock.fileno(), False)


async def _loop_sock_recv_into(self, sock, buf):
    _check_sock(self, sock)
    while True:
        try:
            return sock.recv_into(buf)
        except (BlockingIOError, InterruptedError):
            await _ready(sock.fileno(), False)


async def _loop_sock_recvfrom(self, sock, bufsize):
    _check_sock(self, sock)
    while True:
        try:
            return sock.recvfrom(bufsize)
        except (BlockingIOError, InterruptedError):
            await _ready(sock.fileno(), False)


async def _loop_sock_sendall(self, sock, data):
    _check_sock(self, sock)
    data = bytes(data)
    while data:
        try:
            n = sock.send(data)
        except (BlockingIOError, InterruptedError):
            n = 0
        data = data[n:]
        if data:
            await _ready(sock.fileno(), True)


async def _loop_sock_sendto(self, sock, data, address):
    _check_sock(self, sock)
    while True:
        try:
            return sock.sendto(data, address)
        except (BlockingIOError, InterruptedError):
            await _ready(sock.fileno(), True)


async def _ensure_resolved(loop, address, family, type, proto):
    import socket as _socket
    if family not in (_socket.AF_INET, _socket.AF_INET6) or not isinstance(address, tuple):
        return address
    host, port = address[:2]
    try:
        _socket.inet_pton(family, host)
        return address
    except (OSError, TypeError):
        pass
    infos = await loop.getaddrinfo(host, port, family=family, type=type, proto=proto)
    return infos[0][4]


async def _loop_sock_connect(self, sock, address):
    import socket as _socket
    _check_sock(self, sock)
    address = await _ensure_resolved(self, address, sock.family, sock.type, sock.proto)
    try:
        sock.connect(address)
        return
    except (BlockingIOError, InterruptedError):
        pass
    await _ready(sock.fileno(), True)
    err = sock.getsockopt(_socket.SOL_SOCKET, _socket.SO_ERROR)
    if err != 0:
        raise OSError(err, f'Connect call failed {address}')


async def _loop_sock_accept(self, sock):
    _check_sock(self, sock)
    while True:
        try:
            conn, address = sock.accept()
            conn.setblocking(False)
            return conn, address
        except (BlockingIOError, InterruptedError):
            await _ready(sock.fileno(), False)


async def _loop_sock_sendfile(self, sock, file, offset=0, count=None, *, fallback=True):
    import socket as _socket
    _check_sock(self, sock)
    if "b" not in getattr(file, "mode", "b"):
        raise ValueError("file should be opened in binary mode")
    if not sock.type == _socket.SOCK_STREAM:
        raise ValueError("only SOCK_STREAM type sockets are supported")
    if count is not None:
        if not isinstance(count, int):
            raise TypeError(f"count must be a positive integer (got {count!r})")
        if count <= 0:
            raise ValueError(f"count must be a positive integer (got {count!r})")
    if not fallback:
        raise SendfileNotAvailableError("os.sendfile() is not available in towel")
    if offset:
        file.seek(offset)
    total = 0
    try:
        while True:
            size = 16384 if count is None else min(count - total, 16384)
            if size <= 0:
                break
            data = file.read(size)
            if not data:
                break
            await self.sock_sendall(sock, data)
            total += len(data)
        return total
    finally:
        if total > 0 and hasattr(file, "seek"):
            file.seek(offset + total)


async def _loop_getaddrinfo(self, host, port, *, family=0, type=0, proto=0, flags=0):
    import socket as _socket
    return await self.run_in_executor(None, _socket.getaddrinfo, host, port, family, type, proto, flags)


async def _loop_getnameinfo(self, sockaddr, flags=0):
    import socket as _socket
    return await self.run_in_executor(None, _socket.getnameinfo, sockaddr, flags)


# Each loop's signal handlers: {id(loop): {signum: (callback, args)}}.
_signal_handlers = {}


def _loop_add_signal_handler(self, sig, callback, *args):
    import signal as _signal
    import inspect as _inspect
    if iscoroutine(callback) or _inspect.iscoroutinefunction(callback):
        raise TypeError("coroutines cannot be used with add_signal_handler()")
    if not isinstance(sig, int):
        raise TypeError(f'sig must be an int, not {sig!r}')
    if sig not in _signal.valid_signals():
        raise ValueError(f'invalid signal number {sig}')
    _check_not_closed(self)
    handlers = _signal_handlers.setdefault(id(self), {})
    loop = self

    def on_signal(signum, frame):
        # Runs between two instructions; the callback runs in the loop, as
        # a callback scheduled from a signal handler.
        current = _signal_handlers.get(id(loop), {}).get(signum)
        if current is not None:
            loop.call_soon(current[0], *current[1])

    try:
        _signal.signal(sig, on_signal)
    except OSError as exc:
        if exc.errno == 22:
            raise RuntimeError(f'sig {sig:d} cannot be caught')
        raise
    handlers[sig] = (callback, args)


def _loop_remove_signal_handler(self, sig):
    import signal as _signal
    if not isinstance(sig, int):
        raise TypeError(f'sig must be an int, not {sig!r}')
    if sig not in _signal.valid_signals():
        raise ValueError(f'invalid signal number {sig}')
    handlers = _signal_handlers.get(id(self), {})
    if handlers.pop(sig, None) is None:
        return False
    _signal.signal(sig, _signal.default_int_handler if sig == _signal.SIGINT else _signal.SIG_DFL)
    return True


async def create_subprocess_exec(program, *args, stdin=None, stdout=None, stderr=None,
                                 limit=_DEFAULT_LIMIT, **kwds):
    """Start program `program` with arguments `args`; return a Process.

    The keyword arguments are those of subprocess.Popen; pass
    stdout=asyncio.subprocess.PIPE (and so on) to talk to it through streams.
    """
    from asyncio import subprocess
    return await subprocess.create_subprocess_exec(
        program, *args, stdin=stdin, stdout=stdout, stderr=stderr, limit=limit, **kwds)


async def create_subprocess_shell(cmd, stdin=None, stdout=None, stderr=None,
                                  limit=_DEFAULT_LIMIT, **kwds):
    """Run shell command line `cmd` in a new process; return a Process.

    The keyword arguments are those of create_subprocess_exec().
    """
    from asyncio import subprocess
    return await subprocess.create_subprocess_shell(
        cmd, stdin=stdin, stdout=stdout, stderr=stderr, limit=limit, **kwds)


# They are asyncio.subprocess's functions, reached from the package.
create_subprocess_exec.__module__ = create_subprocess_shell.__module__ = "asyncio.subprocess"


# Protocols, transports, servers and streams (socket_transports.py,
# streams_layer.py) are run into this module the first time one of their
# names is looked up or one of the loop methods they define is called
# (mod.rs, TRANSPORT_LAYER): compiling them and importing socket would cost
# more than the rest of the import, and most programs never open a
# connection.
_transport_layer_loaded = False


def _ensure_transport_layer():
    global _transport_layer_loaded
    if not _transport_layer_loaded:
        _transport_layer_loaded = True
        _load_transport_layer()


_absent = object()


def __getattr__(name):
    if not _transport_layer_loaded and not name.startswith('__'):
        _ensure_transport_layer()
        value = globals().get(name, _absent)
        if value is not _absent:
            return value
    raise AttributeError(f"module 'asyncio' has no attribute '{name}'")


def _transport_loop_method(name):
    # Stands in for a loop method of the transport layer until the layer is
    # loaded, which installs the real one under the same name.
    async def method(self, *args, **kwargs):
        _ensure_transport_layer()
        return await getattr(self, name)(*args, **kwargs)
    method.__name__ = method.__qualname__ = name
    return method


# The loop methods the transport layer defines, each as `_loop_<name>`
# there (socket_transports.py installs them from this tuple).
_TRANSPORT_LOOP_METHODS = ('create_connection', 'create_server', 'create_unix_connection',
                           'create_unix_server', 'connect_accepted_socket',
                           'create_datagram_endpoint')
for _name in _TRANSPORT_LOOP_METHODS:
    _add_loop_method(_name, _transport_loop_method(_name))


for _name, _method in [
    ('add_reader', _loop_add_reader),
    ('remove_reader', _loop_remove_reader),
    ('add_writer', _loop_add_writer),
    ('remove_writer', _loop_remove_writer),
    ('sock_recv', _loop_sock_recv),
    ('sock_recv_into', _loop_sock_recv_into),
    ('sock_recvfrom', _loop_sock_recvfrom),
    ('sock_sendall', _loop_sock_sendall),
    ('sock_sendto', _loop_sock_sendto),
    ('sock_connect', _loop_sock_connect),
    ('sock_accept', _loop_sock_accept),
    ('sock_sendfile', _loop_sock_sendfile),
    ('getaddrinfo', _loop_getaddrinfo),
    ('getnameinfo', _loop_getnameinfo),
    ('add_signal_handler', _loop_add_signal_handler),
    ('remove_signal_handler', _loop_remove_signal_handler),
]:
    _add_loop_method(_name, _method)
del _name, _method
