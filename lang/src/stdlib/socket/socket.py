# `socket`: BSD sockets. `socket.socket` holds a native handle (`_socket`,
# over towel_runtime::socket) as `_sock` and forwards each call to it, so the
# natives state CPython's signatures and errors; this file adds what CPython
# writes in Python: the enums, `accept` returning a socket, `makefile`,
# `create_connection`, `create_server`, `getaddrinfo`'s enum results, and the
# default timeout.

import _socket
import io
import os
import sys
from enum import IntEnum

__all__ = ["socket", "socketpair", "fromfd", "create_connection", "create_server",
           "has_dualstack_ipv6", "getaddrinfo", "getnameinfo", "gethostname", "gethostbyname",
           "getfqdn", "inet_aton", "inet_ntoa", "inet_pton", "inet_ntop", "htons", "ntohs",
           "htonl", "ntohl", "getdefaulttimeout", "setdefaulttimeout", "error", "timeout",
           "herror", "gaierror", "AddressFamily", "SocketKind", "SocketIO"]

for _name in dir(_socket):
    if _name.isupper():
        globals()[_name] = getattr(_socket, _name)
        __all__.append(_name)
del _name

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

AddressFamily = IntEnum("AddressFamily",
                        {n: getattr(_socket, n) for n in dir(_socket) if n.startswith("AF_")},
                        module=__name__)
SocketKind = IntEnum("SocketKind",
                     {n: getattr(_socket, n) for n in dir(_socket)
                      if n.startswith("SOCK_") and n not in ("SOCK_NONBLOCK", "SOCK_CLOEXEC")}
                     | {"SOCK_NONBLOCK": _socket.SOCK_NONBLOCK, "SOCK_CLOEXEC": _socket.SOCK_CLOEXEC},
                     module=__name__)
for _member in list(AddressFamily) + list(SocketKind):
    globals()[_member.name] = _member
del _member


def _enum(value, enum_class):
    try:
        return enum_class(value)
    except ValueError:
        return value


_default_timeout = None


def getdefaulttimeout():
    return _default_timeout


def setdefaulttimeout(timeout):
    global _default_timeout
    if timeout is not None:
        if not isinstance(timeout, (int, float)):
            raise TypeError(f"'{type(timeout).__name__}' object cannot be interpreted as an integer")
        if timeout < 0:
            raise ValueError("Timeout value out of range")
        timeout = float(timeout)
    _default_timeout = timeout


def _check_int16(x, name):
    if not isinstance(x, int):
        raise TypeError(f"'{type(x).__name__}' object cannot be interpreted as an integer")
    if x < 0:
        raise OverflowError(f"{name}: can't convert negative Python int to C 16-bit unsigned integer")
    if x > 0xFFFF:
        raise OverflowError(f"{name}: Python int too large to convert to C 16-bit unsigned integer")


def htons(x):
    _check_int16(x, "htons")
    return ((x & 0xFF) << 8) | (x >> 8)


ntohs = htons


def htonl(x):
    if not isinstance(x, int):
        raise TypeError(f"'{type(x).__name__}' object cannot be interpreted as an integer")
    if x < 0:
        raise OverflowError("can't convert negative value to unsigned int")
    if x > 0xFFFFFFFF:
        raise OverflowError("int larger than 32 bits")
    return int.from_bytes(x.to_bytes(4, "big"), "little")


ntohl = htonl


class SocketType:
    # `_socket.socket` in CPython: the base of `socket.socket`.
    __slots__ = ()


SocketType.__name__ = SocketType.__qualname__ = "socket"
SocketType.__module__ = "_socket"


class socket(SocketType):
    """A socket object: one OS socket and its timeout mode."""

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None:
            if family == -1:
                family = AF_INET
            if type == -1:
                type = SOCK_STREAM
            if proto == -1:
                proto = 0
        self._sock = _socket.open(family, type, proto, fileno)
        self._io_refs = 0
        self._closed = False
        if _default_timeout is not None:
            self._sock.settimeout(_default_timeout)

    @property
    def family(self):
        return _enum(self._sock._info()[0], AddressFamily)

    @property
    def type(self):
        return _enum(self._sock._info()[1], SocketKind)

    @property
    def proto(self):
        return self._sock._info()[2]

    @property
    def timeout(self):
        return self._sock.gettimeout()

    def __enter__(self):
        return self

    def __exit__(self, *args):
        if not self._closed:
            self.close()

    def __repr__(self):
        closed = getattr(self, "_closed", False)
        family, kind, proto = self._sock._info()
        s = "<%s.%s%s fd=%i, family=%s, type=%s, proto=%i" % (
            self.__class__.__module__, self.__class__.__qualname__,
            " [closed]" if closed else "", self.fileno(), family, kind, proto)
        if not closed:
            try:
                laddr = self.getsockname()
                if laddr:
                    s += ", laddr=%s" % str(laddr)
            except OSError:
                pass
            try:
                raddr = self.getpeername()
                if raddr:
                    s += ", raddr=%s" % str(raddr)
            except OSError:
                pass
        return s + ">"

    def __getstate__(self):
        raise TypeError(f"cannot pickle {self.__class__.__name__!r} object")

    def dup(self):
        fd = os.dup(self.fileno())
        sock = self.__class__(self.family, self.type, self.proto, fileno=fd)
        sock.settimeout(self.gettimeout())
        return sock

    def accept(self):
        fd, addr = self._sock._accept()
        sock = socket(self.family, self.type, self.proto, fileno=fd)
        if getdefaulttimeout() is None and self.gettimeout():
            sock.setblocking(True)
        return sock, addr

    def makefile(self, mode="r", buffering=None, *, encoding=None, errors=None, newline=None):
        if not set(mode) <= {"r", "w", "b"}:
            raise ValueError(f"invalid mode {mode!r} (only r, w, b allowed)")
        writing = "w" in mode
        reading = "r" in mode or not writing
        assert reading or writing
        binary = "b" in mode
        rawmode = ""
        if reading:
            rawmode += "r"
        if writing:
            rawmode += "w"
        raw = SocketIO(self, rawmode)
        self._io_refs += 1
        if buffering is None:
            buffering = -1
        if buffering < 0:
            buffering = io.DEFAULT_BUFFER_SIZE
        if buffering == 0:
            if not binary:
                raise ValueError("unbuffered streams must be binary")
            return raw
        if reading and writing:
            buffer = _BufferedRWPair(raw, buffering)
        elif reading:
            buffer = io.BufferedReader(raw, buffering)
        else:
            buffer = io.BufferedWriter(raw, buffering)
        if binary:
            return buffer
        encoding = io.text_encoding(encoding)
        text = io.TextIOWrapper(buffer, encoding, errors, newline)
        text._mode = mode
        return text

    def sendfile(self, file, offset=0, count=None):
        if "b" not in getattr(file, "mode", "b"):
            raise ValueError("file should be opened in binary mode")
        if not self.type & SOCK_STREAM:
            raise ValueError("only SOCK_STREAM type sockets are supported")
        if count is not None:
            if not isinstance(count, int):
                raise TypeError(f"count must be a positive integer (got {count!r})")
            if count <= 0:
                raise ValueError(f"count must be a positive integer (got {count!r})")
        if offset:
            file.seek(offset)
        total = 0
        try:
            while True:
                size = 8192 if count is None else min(count - total, 8192)
                if size <= 0:
                    break
                data = file.read(size)
                if not data:
                    break
                self.sendall(data)
                total += len(data)
            return total
        finally:
            if total > 0 and hasattr(file, "seek"):
                file.seek(offset + total)

    def _decref_socketios(self):
        if self._io_refs > 0:
            self._io_refs -= 1
        if self._closed:
            self.close()

    def close(self):
        self._closed = True
        if self._io_refs <= 0:
            self._sock.close()

    def detach(self):
        self._closed = True
        return self._sock.detach()

    def fileno(self):
        return self._sock.fileno()

    def get_inheritable(self):
        return os.get_inheritable(self.fileno())

    def set_inheritable(self, inheritable):
        os.set_inheritable(self.fileno(), inheritable)

    def bind(self, *args, **kwargs):
        return self._sock.bind(*args, **kwargs)

    def listen(self, *args, **kwargs):
        return self._sock.listen(*args, **kwargs)

    def connect(self, *args, **kwargs):
        return self._sock.connect(*args, **kwargs)

    def connect_ex(self, *args, **kwargs):
        return self._sock.connect_ex(*args, **kwargs)

    def send(self, *args, **kwargs):
        return self._sock.send(*args, **kwargs)

    def sendall(self, *args, **kwargs):
        return self._sock.sendall(*args, **kwargs)

    def sendto(self, *args, **kwargs):
        return self._sock.sendto(*args, **kwargs)

    def recv(self, *args, **kwargs):
        return self._sock.recv(*args, **kwargs)

    def recv_into(self, *args, **kwargs):
        return self._sock.recv_into(*args, **kwargs)

    def recvfrom(self, *args, **kwargs):
        return self._sock.recvfrom(*args, **kwargs)

    def shutdown(self, *args, **kwargs):
        return self._sock.shutdown(*args, **kwargs)

    def getsockname(self, *args, **kwargs):
        return self._sock.getsockname(*args, **kwargs)

    def getpeername(self, *args, **kwargs):
        return self._sock.getpeername(*args, **kwargs)

    def setsockopt(self, *args, **kwargs):
        return self._sock.setsockopt(*args, **kwargs)

    def getsockopt(self, *args, **kwargs):
        return self._sock.getsockopt(*args, **kwargs)

    def settimeout(self, *args, **kwargs):
        return self._sock.settimeout(*args, **kwargs)

    def gettimeout(self, *args, **kwargs):
        return self._sock.gettimeout(*args, **kwargs)

    def setblocking(self, *args, **kwargs):
        return self._sock.setblocking(*args, **kwargs)

    def getblocking(self, *args, **kwargs):
        return self._sock.getblocking(*args, **kwargs)


class SocketIO(io.RawIOBase):
    """The raw stream under `socket.makefile()`."""

    def __init__(self, sock, mode):
        if mode not in ("r", "w", "rw", "rb", "wb", "rwb"):
            raise ValueError(f"invalid mode: {mode!r}")
        self._sock = sock
        if "b" not in mode:
            mode += "b"
        self._mode = mode
        self._reading = "r" in mode
        self._writing = "w" in mode
        self._closed = False

    @property
    def closed(self):
        return self._closed

    def _check_closed(self):
        if self._closed:
            raise ValueError("I/O operation on closed socket.")

    def read(self, size=-1):
        if size is None or size < 0:
            return self.readall()
        self._check_closed()
        if not self._reading:
            raise io.UnsupportedOperation("File or stream is not readable.")
        try:
            return self._sock.recv(size)
        except BlockingIOError:
            return None

    def readall(self):
        chunks = []
        while True:
            chunk = self.read(io.DEFAULT_BUFFER_SIZE)
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)

    def readinto(self, b):
        data = self.read(len(b))
        if data is None:
            return None
        b[:len(data)] = data
        return len(data)

    def write(self, b):
        self._check_closed()
        if not self._writing:
            raise io.UnsupportedOperation("File or stream is not writable.")
        try:
            return self._sock.send(b)
        except BlockingIOError:
            return None

    def readable(self):
        self._check_closed()
        return self._reading

    def writable(self):
        self._check_closed()
        return self._writing

    def seekable(self):
        self._check_closed()
        return False

    def isatty(self):
        return False

    def flush(self):
        pass

    def fileno(self):
        self._check_closed()
        return self._sock.fileno()

    @property
    def name(self):
        if not self.closed:
            return self.fileno()
        return -1

    @property
    def mode(self):
        return self._mode

    def close(self):
        if self.closed:
            return
        self._closed = True
        self._sock._decref_socketios()
        self._sock = None

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


class _BufferedRWPair(io.BufferedReader):
    # Reads and writes on a socket go in opposite directions: writing never
    # has to give back what was read ahead.
    def _drop_read_ahead(self):
        pass


def socketpair(family=None, type=SOCK_STREAM, proto=0):
    if family is None:
        family = AF_UNIX
    a, b = _socket.socketpair(family, type, proto)
    return _adopt(a), _adopt(b)


def _adopt(handle):
    sock = socket.__new__(socket)
    sock._sock = handle
    sock._io_refs = 0
    sock._closed = False
    if _default_timeout is not None:
        handle.settimeout(_default_timeout)
    return sock


def fromfd(fd, family, type, proto=0):
    return socket(family, type, proto, os.dup(fd))


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    return [(_enum(af, AddressFamily), _enum(kind, SocketKind), proto, canonname, sa)
            for af, kind, proto, canonname, sa in _socket.getaddrinfo(host, port, family, type, proto, flags)]


def getfqdn(name=""):
    name = name.strip()
    if not name or name in ("0.0.0.0", "::"):
        name = gethostname()
    try:
        infos = _socket.getaddrinfo(name, None, 0, SOCK_STREAM, 0, AI_CANONNAME)
    except OSError:
        return name
    for info in infos:
        if info[3]:
            return info[3]
    return name


_GLOBAL_DEFAULT_TIMEOUT = object()


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT, source_address=None, *, all_errors=False):
    host, port = address
    exceptions = []
    for res in getaddrinfo(host, port, 0, SOCK_STREAM):
        af, socktype, proto, canonname, sa = res
        sock = None
        try:
            sock = socket(af, socktype, proto)
            if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sa)
            exceptions.clear()
            return sock
        except error as exc:
            if not all_errors:
                exceptions.clear()
            exceptions.append(exc)
            if sock is not None:
                sock.close()
    if len(exceptions):
        try:
            if not all_errors:
                raise exceptions[0]
            raise ExceptionGroup("create_connection failed", exceptions)
        finally:
            exceptions.clear()
    raise error("getaddrinfo returns an empty list")


def has_dualstack_ipv6():
    try:
        with socket(AF_INET6, SOCK_STREAM) as sock:
            sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0)
            return True
    except error:
        return False


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False, dualstack_ipv6=False):
    if dualstack_ipv6 and family != AF_INET6:
        raise ValueError("dualstack_ipv6 requires AF_INET6 family")
    sock = socket(family, SOCK_STREAM)
    try:
        if os.name not in ("nt", "cygwin"):
            try:
                sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
            except error:
                pass
        if reuse_port:
            sock.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1)
        if family == AF_INET6:
            sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0 if dualstack_ipv6 else 1)
        try:
            sock.bind(address)
        except error as err:
            msg = "%s (while attempting to bind on address %r)" % (err.strerror, address)
            raise error(err.errno, msg) from None
        if backlog is None:
            sock.listen()
        else:
            sock.listen(backlog)
        return sock
    except error:
        sock.close()
        raise
