# `socket`: BSD sockets. The native `_socket.Handle` (mod.rs, over
# towel_runtime::socket) does the system calls, states CPython's signatures
# and words its errors. This file gives programs CPython's classes over it:
# `SocketType` (CPython's `_socket.socket`) holds a handle as `_sock` and
# passes the plain calls through; `socket` adds what CPython writes in
# Python (enum-valued family and type, accept, dup, makefile, sendfile, the
# close protocol with file objects); `SocketIO` is the raw stream `makefile`
# buffers; and the module functions that build sockets.

import _socket
import io
import operator
import os
import sys
from enum import IntEnum

# -- constants ----------------------------------------------------------------------

_CONSTANT_NAMES = [name for name in dir(_socket) if name.isupper()]
globals().update((name, getattr(_socket, name)) for name in _CONSTANT_NAMES)


def _enum_of(class_name, wanted):
    """An IntEnum of the `_socket` constants `wanted` accepts, in value
    order as CPython lists them."""
    members = sorted(((name, getattr(_socket, name)) for name in _CONSTANT_NAMES if wanted(name)),
                     key=lambda member: (member[1], member[0]))
    return IntEnum(class_name, members, module=__name__)


AddressFamily = _enum_of("AddressFamily", lambda name: name.startswith("AF_"))
SocketKind = _enum_of("SocketKind", lambda name: name.startswith("SOCK_"))
# The module's AF_* and SOCK_* constants are the enum members.
globals().update((member.name, member) for enum in (AddressFamily, SocketKind) for member in enum)

__all__ = ["socket", "socketpair", "fromfd", "create_connection", "create_server",
           "has_dualstack_ipv6", "getaddrinfo", "getnameinfo", "gethostname", "gethostbyname",
           "getfqdn", "inet_aton", "inet_ntoa", "inet_pton", "inet_ntop", "htons", "ntohs",
           "htonl", "ntohl", "getdefaulttimeout", "setdefaulttimeout", "error", "timeout",
           "herror", "gaierror", "AddressFamily", "SocketKind", "SocketIO"] + _CONSTANT_NAMES

error = OSError
timeout = TimeoutError
gaierror = _socket.gaierror
herror = _socket.herror
has_ipv6 = True

getnameinfo = _socket.getnameinfo
gethostname = _socket.gethostname
gethostbyname = _socket.gethostbyname
inet_aton = _socket.inet_aton
inet_ntoa = _socket.inet_ntoa
inet_pton = _socket.inet_pton
inet_ntop = _socket.inet_ntop


def _as_enum(value, enum_class):
    """`value` as a member of `enum_class`, or the plain int when it names
    none."""
    try:
        return enum_class(value)
    except ValueError:
        return value


# -- byte order ---------------------------------------------------------------------

def _swapped(value, size):
    """`value` (an unsigned int of `size` bytes) in network byte order."""
    if sys.byteorder == "big":
        return value
    return int.from_bytes(value.to_bytes(size, "big"), "little")


def htons(x, /):
    """A 16-bit int from host to network byte order (its own inverse)."""
    x = operator.index(x)
    if x < 0:
        raise OverflowError("htons: can't convert negative Python int to C 16-bit unsigned integer")
    if x > 0xFFFF:
        raise OverflowError("htons: Python int too large to convert to C 16-bit unsigned integer")
    return _swapped(x, 2)


def htonl(x, /):
    """A 32-bit int from host to network byte order (its own inverse)."""
    if not isinstance(x, int):
        raise TypeError(f"expected int, {type(x).__name__} found")
    if x < 0:
        raise OverflowError("can't convert negative value to unsigned int")
    if x > 0xFFFFFFFF:
        raise OverflowError("int larger than 32 bits")
    return _swapped(x, 4)


ntohs = htons
ntohl = htonl


# -- the default timeout ------------------------------------------------------------

_default_timeout = None


def _seconds(value):
    """A timeout argument as float seconds (None: blocking), checked as
    CPython checks it."""
    if value is None:
        return None
    seconds = value if isinstance(value, float) else float(operator.index(value))
    if seconds != seconds:
        raise ValueError("Invalid value NaN (not a number)")
    if seconds < 0:
        raise ValueError("Timeout value out of range")
    return seconds


def getdefaulttimeout():
    """The timeout new sockets start with (None: blocking)."""
    return _default_timeout


def setdefaulttimeout(timeout, /):
    """Sets the timeout new sockets start with."""
    global _default_timeout
    _default_timeout = _seconds(timeout)


# -- sockets ------------------------------------------------------------------------

class SocketType:
    """The socket object the system call layer gives (CPython's
    `_socket.socket`): each plain method passes straight to the native
    handle."""

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        self._sock = _socket.open(family, type, proto, fileno)
        if _default_timeout is not None:
            self._sock.settimeout(_default_timeout)

    @property
    def family(self):
        return self._sock._info()[0]

    @property
    def type(self):
        return self._sock._info()[1]

    @property
    def proto(self):
        return self._sock._info()[2]

    @property
    def timeout(self):
        return self._sock.gettimeout()

    def close(self):
        self._sock.close()

    def detach(self):
        return self._sock.detach()


SocketType.__name__ = SocketType.__qualname__ = "socket"
SocketType.__module__ = "_socket"

# The methods that are the handle's own, under the same name.
_PASSED_THROUGH = ("fileno", "bind", "listen", "connect", "connect_ex", "send", "sendall",
                   "sendto", "recv", "recv_into", "recvfrom", "shutdown", "getsockname",
                   "getpeername", "setsockopt", "getsockopt", "settimeout", "gettimeout",
                   "setblocking", "getblocking")


def _pass_through(name):
    def method(self, *args, **kwargs):
        return getattr(self._sock, name)(*args, **kwargs)
    method.__name__ = name
    method.__qualname__ = f"socket.{name}"
    return method


for _name in _PASSED_THROUGH:
    setattr(SocketType, _name, _pass_through(_name))
del _name


def _from_handle(handle):
    """A `socket` around a handle the natives made (a socketpair end)."""
    sock = socket.__new__(socket)
    sock._sock = handle
    sock._io_refs = 0
    sock._closed = False
    if _default_timeout is not None:
        handle.settimeout(_default_timeout)
    return sock


class socket(SocketType):
    """A socket: `socket(family=AF_INET, type=SOCK_STREAM, proto=0,
    fileno=None)`. Closing it while file objects from `makefile()` are open
    defers the real close until the last of them is closed."""

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        super().__init__(family, type, proto, fileno)
        self._io_refs = 0
        self._closed = False

    @property
    def family(self):
        return _as_enum(super().family, AddressFamily)

    @property
    def type(self):
        return _as_enum(super().type, SocketKind)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        if not self._closed:
            self.close()

    def __repr__(self):
        fd = self.fileno()
        family, kind, proto = self._sock._info()
        parts = [f"<{type(self).__module__}.{type(self).__qualname__}"
                 f"{' [closed]' if self._closed else ''} fd={fd}",
                 f"family={family}", f"type={kind}", f"proto={proto}"]
        if not self._closed:
            for label, lookup in (("laddr", self.getsockname), ("raddr", self.getpeername)):
                try:
                    address = lookup()
                except OSError:
                    continue
                if address:
                    parts.append(f"{label}={address}")
        return ", ".join(parts) + ">"

    def __getstate__(self):
        raise TypeError(f"cannot pickle {type(self).__name__!r} object")

    def dup(self):
        """A new socket object on a duplicate of this one's descriptor."""
        twin = type(self)(self.family, self.type, self.proto, fileno=os.dup(self.fileno()))
        twin.settimeout(self.gettimeout())
        return twin

    def accept(self):
        """Waits for a connection: `(socket, address)`. The new socket has
        the default timeout, whatever this one's."""
        fd, address = self._sock._accept()
        conn = socket(self.family, self.type, self.proto, fileno=fd)
        conn.settimeout(_default_timeout)
        return conn, address

    def makefile(self, mode="r", buffering=None, *, encoding=None, errors=None, newline=None):
        """A file object reading and/or writing this socket; `mode` is made
        of "r", "w" and "b", the rest as for `open()`."""
        reading, writing, binary = _makefile_mode(mode)
        size = io.DEFAULT_BUFFER_SIZE if buffering is None or buffering < 0 else buffering
        if not size and not binary:
            raise ValueError("unbuffered streams must be binary")
        raw = SocketIO(self, "r" * reading + "w" * writing)
        self._io_refs += 1
        if not size:
            return raw
        stream = _BUFFER_MAKERS[reading, writing](raw, size)
        if binary:
            return stream
        text = io.TextIOWrapper(stream, io.text_encoding(encoding), errors, newline)
        text.mode = mode
        return text

    def sendfile(self, file, offset=0, count=None):
        """Sends a binary file from `offset` (to its end, or `count` bytes)
        and returns the number of bytes sent; the file's position is left
        after the last byte sent."""
        if "b" not in getattr(file, "mode", "b"):
            raise ValueError("file should be opened in binary mode")
        if not self.type & SOCK_STREAM:
            raise ValueError("only SOCK_STREAM type sockets are supported")
        if count is not None:
            if not isinstance(count, int):
                raise TypeError(f"count must be a positive integer (got {count!r})")
            if count <= 0:
                raise ValueError(f"count must be a positive integer (got {count})")
        if self.gettimeout() == 0:
            raise ValueError("non-blocking sockets are not supported")
        # A real file is sent from `offset` whatever its position (as
        # os.sendfile sends it); another object from its position unless an
        # offset is given.
        if offset or _has_descriptor(file):
            file.seek(offset)
        sent = 0
        try:
            while count is None or sent < count:
                want = 8192 if count is None else min(8192, count - sent)
                chunk = file.read(want)
                if not chunk:
                    break
                self.sendall(chunk)
                sent += len(chunk)
        finally:
            if sent and hasattr(file, "seek"):
                file.seek(offset + sent)
        return sent

    def _release_stream(self):
        """A file object from `makefile()` was closed: once the socket is
        closed too and no file object is left, the descriptor goes."""
        self._io_refs = max(self._io_refs - 1, 0)
        if self._closed:
            self._close_if_unused()

    def close(self):
        """Closes the socket; the descriptor itself stays open while file
        objects from `makefile()` use it."""
        self._closed = True
        self._close_if_unused()

    def _close_if_unused(self):
        if not self._io_refs:
            self._sock.close()

    def detach(self):
        """Gives up the descriptor (returned) without closing it."""
        self._closed = True
        return self._sock.detach()

    def get_inheritable(self):
        raise NotImplementedError("socket.get_inheritable is not available in towel")

    def set_inheritable(self, inheritable):
        raise NotImplementedError("socket.set_inheritable is not available in towel")


def _makefile_mode(mode):
    """`(reading, writing, binary)` for a `makefile()` mode; reading when
    neither direction is named."""
    if not set(mode) <= {"r", "w", "b"}:
        raise ValueError(f"invalid mode {mode!r} (only r, w, b allowed)")
    writing = "w" in mode
    return "r" in mode or not writing, writing, "b" in mode


# The buffered stream `makefile()` puts over its SocketIO, by (reading, writing).
_BUFFER_MAKERS = {
    (True, False): io.BufferedReader,
    (False, True): io.BufferedWriter,
    (True, True): lambda raw, size: io.BufferedRWPair(raw, raw, size),
}


def _has_descriptor(file):
    try:
        file.fileno()
    except (AttributeError, OSError, ValueError):
        return False
    return True


# -- the raw stream under makefile() ------------------------------------------------

# The modes SocketIO takes, and the mode each gives it.
_SOCKETIO_MODES = {"r": "rb", "w": "wb", "rw": "rwb", "rb": "rb", "wb": "wb", "rwb": "rwb"}


class SocketIO(io.RawIOBase):
    """A raw binary stream over a socket: `SocketIO(sock, mode)` with mode
    "r", "w", "rw" ("b" optional). It is what `socket.makefile()` buffers;
    closing it (or losing it) tells the socket, whose close may wait for
    its file objects."""

    def __init__(self, sock, mode):
        if mode not in _SOCKETIO_MODES:
            raise ValueError(f"invalid mode: {mode!r}")
        self._mode = _SOCKETIO_MODES[mode]
        self._sock = sock
        self._timed_out = False

    # -- state

    def _usable(self):
        if self._closed:
            raise ValueError("I/O operation on closed socket.")

    def readable(self):
        self._usable()
        return "r" in self._mode

    def writable(self):
        self._usable()
        return "w" in self._mode

    def seekable(self):
        self._usable()
        return False

    def fileno(self):
        self._ensure_open()
        return self._sock.fileno()

    @property
    def name(self):
        return -1 if self._closed else self.fileno()

    @property
    def mode(self):
        return self._mode

    def close(self):
        if not self._closed:
            self._closed = True
            sock, self._sock = self._sock, None
            sock._release_stream()

    def seek(self, *args):
        raise io.UnsupportedOperation("seek")

    def tell(self):
        raise io.UnsupportedOperation("seek")

    def truncate(self, *args):
        raise io.UnsupportedOperation("truncate")

    def _open_for(self, direction, adjective):
        self._ensure_open()
        if direction not in self._mode:
            raise io.UnsupportedOperation(f"File or stream is not {adjective}.")

    # -- reading

    def _receive(self, receive):
        """Runs a receive call: None when a non-blocking socket has nothing;
        after a timeout the stream refuses to read again (data may have
        been lost)."""
        self._open_for("r", "readable")
        if self._timed_out:
            raise OSError("cannot read from timed out object")
        try:
            return receive()
        except TimeoutError:
            self._timed_out = True
            raise
        except BlockingIOError:
            return None

    def readinto(self, b):
        return self._receive(lambda: self._sock.recv_into(b))

    def read(self, size=-1):
        if size is None or size < 0:
            return self.readall()
        return self._receive(lambda: self._sock.recv(size))

    def readall(self):
        """Everything up to end of file; None when a non-blocking socket has
        nothing yet, what came so far when it runs dry later."""
        received = []
        for chunk in iter(lambda: self.read(io.DEFAULT_BUFFER_SIZE), b""):
            if chunk is None:
                return b"".join(received) if received else None
            received.append(chunk)
        return b"".join(received)

    def readline(self, size=-1):
        line = bytearray()
        while size is None or size < 0 or len(line) < size:
            byte = self.read(1)
            if not byte:
                break
            line += byte
            if byte == b"\n":
                break
        return bytes(line)

    # -- writing

    def write(self, b):
        self._open_for("w", "writable")
        try:
            return self._sock.send(b)
        except BlockingIOError:
            return None


# -- making sockets -----------------------------------------------------------------

def socketpair(family=None, type=SOCK_STREAM, proto=0):
    """Two connected sockets (AF_UNIX by default)."""
    if family is None:
        family = AF_UNIX
    first, second = _socket.socketpair(family, type, proto)
    return _from_handle(first), _from_handle(second)


def fromfd(fd, family, type, proto=0):
    """A socket on a duplicate of descriptor `fd`."""
    return socket(family, type, proto, os.dup(fd))


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    """`(family, type, proto, canonname, sockaddr)` for each address of
    `host`, family and type as enums."""
    return [(_as_enum(af, AddressFamily), _as_enum(kind, SocketKind), number, canon, address)
            for af, kind, number, canon, address
            in _socket.getaddrinfo(host, port, family, type, proto, flags)]


def getfqdn(name=""):
    """The fully qualified name of `name` (the local host by default): the
    name its address resolves back to, or `name` itself when that fails."""
    name = name.strip()
    if not name or name in ("0.0.0.0", "::"):
        name = gethostname()
    try:
        address = _socket.getaddrinfo(name, None, 0, SOCK_STREAM, 0, 0)[0][4]
        return _socket.getnameinfo(address[:2], NI_NAMEREQD)[0]
    except OSError:
        return name


_GLOBAL_DEFAULT_TIMEOUT = object()


def _connected(candidate, timeout, source_address):
    """A socket connected to one `getaddrinfo` result; closed again if any
    step fails."""
    family, kind, proto, _, address = candidate
    sock = socket(family, kind, proto)
    try:
        if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
            sock.settimeout(timeout)
        if source_address:
            sock.bind(source_address)
        sock.connect(address)
    except OSError:
        sock.close()
        raise
    return sock


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT, source_address=None, *,
                      all_errors=False):
    """Connects to `(host, port)`, trying each address the host resolves to
    in turn. When none connects, raises the last error, or all of them as
    an ExceptionGroup with `all_errors`."""
    host, port = address
    failures = []
    for candidate in getaddrinfo(host, port, 0, SOCK_STREAM):
        try:
            return _connected(candidate, timeout, source_address)
        except OSError as exc:
            failures.append(exc)
    if not failures:
        raise OSError("getaddrinfo returns an empty list")
    try:
        if all_errors:
            raise ExceptionGroup("create_connection failed", failures)
        raise failures[-1]
    finally:
        failures = None


def has_dualstack_ipv6():
    """Whether a TCP socket can accept both IPv4 and IPv6 connections."""
    try:
        with socket(AF_INET6, SOCK_STREAM) as probe:
            probe.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0)
    except OSError:
        return False
    return True


def _server_options(family, reuse_port, dualstack_ipv6):
    """`(level, option, value, must_succeed)` for each option a listening
    socket gets: SO_REUSEADDR where the OS allows it, SO_REUSEPORT when
    asked, and IPv6 alone unless both stacks were asked for."""
    yield SOL_SOCKET, SO_REUSEADDR, 1, False
    if reuse_port:
        yield SOL_SOCKET, SO_REUSEPORT, 1, True
    if family == AF_INET6:
        yield IPPROTO_IPV6, IPV6_V6ONLY, 0 if dualstack_ipv6 else 1, True


def _bind_saying_where(sock, address):
    """Binds; a failure's message names the address."""
    try:
        sock.bind(address)
    except OSError as exc:
        detail = f"{exc.strerror} (while attempting to bind on address {address!r})"
        raise OSError(exc.errno, detail) from None


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False,
                  dualstack_ipv6=False):
    """A TCP socket bound to `address` and listening, with SO_REUSEADDR
    set (and SO_REUSEPORT with `reuse_port`)."""
    if dualstack_ipv6:
        if not has_dualstack_ipv6():
            raise ValueError("dualstack_ipv6 not supported on this platform")
        if family != AF_INET6:
            raise ValueError("dualstack_ipv6 requires AF_INET6 family")
    sock = socket(family, SOCK_STREAM)
    try:
        for level, option, value, must_succeed in _server_options(family, reuse_port,
                                                                   dualstack_ipv6):
            try:
                sock.setsockopt(level, option, value)
            except OSError:
                if must_succeed:
                    raise
        _bind_saying_where(sock, address)
        sock.listen(*(() if backlog is None else (backlog,)))
    except BaseException:
        sock.close()
        raise
    return sock
