# `io`: the stream classes and `open` (the builtin `open` is `io.open`).
#
# A file opened by `open` is a stack of three objects:
#   - `FileIO`, the raw layer: one OS call per method on a file descriptor;
#   - a buffered layer (`BufferedReader`, `BufferedWriter`,
#     `BufferedRandom`) that keeps either unread bytes or unwritten bytes,
#     never both, so the logical position is always the raw position minus
#     what is unread or plus what is unwritten;
#   - `TextIOWrapper`, which decodes whole chunks at a time and hands out
#     text from the current chunk. Its position (`tell`) is a plain byte
#     offset: the start of the current chunk plus the bytes that produced
#     the characters already handed out.
# `StringIO` and `BytesIO` are in-memory streams. The abstract bases
# (`IOBase` and its three children) carry the generic behaviour the docs
# give them, so user subclasses that define only `readinto` or `read` work.

import os as _os
import sys
import abc as _abc

__all__ = ["StringIO", "BytesIO", "open", "open_code", "TextIOWrapper", "FileIO", "BufferedReader",
           "BufferedWriter", "BufferedRandom", "BufferedRWPair", "IOBase", "RawIOBase",
           "BufferedIOBase", "TextIOBase", "UnsupportedOperation", "SEEK_SET", "SEEK_CUR",
           "SEEK_END", "DEFAULT_BUFFER_SIZE", "text_encoding"]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


class UnsupportedOperation(OSError, ValueError):
    pass


UnsupportedOperation.__module__ = "io"

_CLOSED_FILE = "I/O operation on closed file."


def _as_size(size):
    """A read size: None means "all" (-1); anything else must be an int."""
    if size is None:
        return -1
    if not hasattr(type(size), "__index__"):
        raise TypeError(f"argument should be integer or None, not '{type(size).__name__}'")
    return size.__index__()


def _bytes_of(data):
    """The bytes of a bytes-like object, with the TypeError write() gives
    for anything else."""
    if isinstance(data, bytes):
        return data
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    try:
        return bytes(memoryview(data))
    except TypeError:
        raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'") from None


def _read_only(attribute):
    """A read-only attribute showing a private one."""
    return property(lambda self: getattr(self, attribute))


def _nonblocking(call, *args):
    """call(*args), or None when a non-blocking descriptor has nothing to
    give or take (what the raw layer returns then)."""
    try:
        return call(*args)
    except BlockingIOError:
        return None


def _capacity(buffer):
    """How many bytes a writable buffer holds (a bytearray is measured
    without a memoryview, which would pin its size)."""
    if isinstance(buffer, bytearray):
        return len(buffer)
    return memoryview(buffer).nbytes


def _fill(buffer, data):
    """Copies data into the start of a writable buffer; returns the count."""
    n = len(data)
    with memoryview(buffer) as view:
        view.cast("B")[:n] = data
    return n


# -- the abstract bases ------------------------------------------------------------


class IOBase(metaclass=_abc.ABCMeta):
    """The root of the stream classes: closing, iteration by lines and the
    context-manager protocol; every capability defaults to "unsupported"."""

    _closed = False

    @property
    def closed(self):
        return self._closed

    def _ensure_open(self, message=_CLOSED_FILE):
        if self.closed:
            raise ValueError(message)

    def close(self):
        if not self._closed:
            try:
                self.flush()
            finally:
                self._closed = True

    def flush(self):
        self._ensure_open()

    def __del__(self):
        try:
            if not self.closed:
                self.close()
        except Exception:
            pass

    def readable(self):
        return False

    def writable(self):
        return False

    def seekable(self):
        return False

    def isatty(self):
        self._ensure_open()
        return False

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def seek(self, pos, whence=0):
        raise UnsupportedOperation("seek")

    def tell(self):
        return self.seek(0, 1)

    def truncate(self, pos=None):
        raise UnsupportedOperation("truncate")

    def readline(self, size=-1):
        """One line by the stream's own read(): in chunks up to the newline
        when the stream can peek, else a byte at a time."""
        limit = _as_size(size)
        line = bytearray()
        peek = getattr(self, "peek", None)
        while limit < 0 or len(line) < limit:
            want = 1
            if peek is not None:
                ahead = peek(1)
                if ahead:
                    stop = ahead.find(b"\n") + 1 or len(ahead)
                    want = stop if limit < 0 else min(stop, limit - len(line))
            piece = self.read(want)
            if not piece:
                break
            line += piece
            if line.endswith(b"\n"):
                break
        return bytes(line)

    def readlines(self, hint=None):
        limit = _as_size(hint)
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < limit <= total:
                break
        return lines

    def writelines(self, lines):
        self._ensure_open()
        for line in lines:
            self.write(line)

    def __iter__(self):
        self._ensure_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __enter__(self):
        self._ensure_open()
        return self

    def __exit__(self, *exc_info):
        self.close()


class RawIOBase(IOBase):
    """Unbuffered binary streams: read() and readall() are built on
    readinto(), which a subclass provides."""

    def read(self, size=-1):
        size = _as_size(size)
        if size < 0:
            return self.readall()
        scratch = bytearray(size)
        count = self.readinto(scratch)
        if count is None:
            return None
        return bytes(scratch[:count])

    def readall(self):
        pieces = []
        while True:
            piece = self.read(DEFAULT_BUFFER_SIZE)
            if piece is None:
                if pieces:
                    break
                return None
            if not piece:
                break
            pieces.append(piece)
        return b"".join(pieces)

    def readinto(self, buffer):
        raise NotImplementedError

    def write(self, data):
        raise NotImplementedError


class BufferedIOBase(IOBase):
    """Buffered binary streams: readinto() is built on read()."""

    def read(self, size=-1):
        raise UnsupportedOperation("read")

    def read1(self, size=-1):
        raise UnsupportedOperation("read1")

    def write(self, data):
        raise UnsupportedOperation("write")

    def detach(self):
        raise UnsupportedOperation("detach")

    def readinto(self, buffer):
        return _fill(buffer, self.read(_capacity(buffer)))

    def readinto1(self, buffer):
        return _fill(buffer, self.read1(_capacity(buffer)))


class TextIOBase(IOBase):
    """Text streams: str in, str out."""

    def read(self, size=-1):
        raise UnsupportedOperation("read")

    def readline(self, size=-1):
        raise UnsupportedOperation("readline")

    def write(self, text):
        raise UnsupportedOperation("write")

    def detach(self):
        raise UnsupportedOperation("detach")

    @property
    def encoding(self):
        return None

    @property
    def errors(self):
        return None

    @property
    def newlines(self):
        return None


# The interpreter's own sys.stdout/stderr are native text streams.
TextIOBase.register(type(sys.stdout))


def text_encoding(encoding, stacklevel=2):
    """The encoding a text API should pass on: `encoding` itself, or
    "locale" (or "utf-8" in UTF-8 mode) when it is None."""
    if encoding is not None:
        return encoding
    return "utf-8" if sys.flags.utf8_mode else "locale"


_locale_encoding_cache = []


def _locale_encoding():
    """The locale's encoding. A UTF-8 (or C/POSIX, which Python coerces to
    UTF-8) locale is recognised from the environment without importing
    `locale`, so that opening a file stays cheap."""
    if not _locale_encoding_cache:
        env = _os.environ
        setting = env.get("LC_ALL") or env.get("LC_CTYPE") or env.get("LANG") or "C"
        lowered = setting.lower().replace("-", "")
        if setting in ("C", "POSIX") or lowered.endswith(".utf8"):
            name = "UTF-8"
        else:
            import locale
            name = locale.getpreferredencoding(False)
        _locale_encoding_cache.append(name)
    return _locale_encoding_cache[0]


# -- the raw layer -----------------------------------------------------------------

# open()'s access letters: the os.open flags each asks for and how
# FileIO.mode spells it.
_ACCESS = {
    "r": (_os.O_RDONLY, "rb"),
    "w": (_os.O_WRONLY | _os.O_CREAT | _os.O_TRUNC, "wb"),
    "x": (_os.O_WRONLY | _os.O_CREAT | _os.O_EXCL, "xb"),
    "a": (_os.O_WRONLY | _os.O_CREAT | _os.O_APPEND, "ab"),
}
_ONE_ACCESS = "Must have exactly one of create/read/write/append mode and at most one plus"


class FileIO(RawIOBase):
    """A raw binary stream over an OS file descriptor."""

    def __init__(self, file, mode="r", closefd=True, opener=None):
        self._fd = -1
        if not isinstance(mode, str):
            raise TypeError(f"FileIO() argument 'mode' must be str, not {type(mode).__name__}")
        if any(c not in "rwxab+" or mode.count(c) > 1 for c in mode):
            raise ValueError(f"invalid mode: {mode}")
        letters = [c for c in mode if c in _ACCESS]
        if len(letters) != 1:
            raise ValueError(_ONE_ACCESS)
        flags, self._mode = _ACCESS[letters[0]]
        self._readable = letters[0] == "r"
        self._writable = not self._readable
        if "+" in mode:
            flags = (flags & ~(_os.O_RDONLY | _os.O_WRONLY)) | _os.O_RDWR
            self._readable = self._writable = True
            self._mode = ("rb" if letters[0] == "w" else self._mode) + "+"
        flags |= getattr(_os, "O_CLOEXEC", 0)
        if isinstance(file, float):
            raise TypeError("expected str, bytes or os.PathLike object, not float")
        if isinstance(file, int):
            if file < 0:
                raise ValueError("negative file descriptor")
            self._fd = file
            self._closefd = bool(closefd)
        else:
            if not closefd:
                raise ValueError("Cannot use closefd=False with file name")
            path = _os.fspath(file)
            if opener is None:
                self._fd = _os.open(path, flags, 0o666)
            else:
                fd = opener(path, flags)
                if not isinstance(fd, int):
                    raise TypeError("expected integer from opener")
                if fd < 0:
                    raise ValueError(f"opener returned {fd}")
                self._fd = fd
            self._closefd = True
        self.name = file
        self._seekable = None
        try:
            self._blksize = self._reject_directory()
            if letters[0] == "a":
                _os.lseek(self._fd, 0, SEEK_END)
        except BaseException:
            if self._closefd and not isinstance(file, int):
                _os.close(self._fd)
            self._fd = -1
            raise

    def _reject_directory(self):
        """fstat()s the new descriptor: a directory is refused; returns the
        block size open() picks its buffer size from."""
        info = _os.fstat(self._fd)
        if info.st_mode & 0o170000 == 0o040000:
            import errno
            raise IsADirectoryError(errno.EISDIR, _os.strerror(errno.EISDIR), self.name)
        size = getattr(info, "st_blksize", 0)
        return size if size > 1 else DEFAULT_BUFFER_SIZE

    @property
    def closed(self):
        return self._fd < 0

    @property
    def closefd(self):
        return self._closefd

    @property
    def mode(self):
        return self._mode

    def _live_fd(self):
        if self._fd < 0:
            raise ValueError("I/O operation on closed file")
        return self._fd

    def _reading_fd(self):
        fd = self._live_fd()
        if not self._readable:
            raise UnsupportedOperation("File not open for reading")
        return fd

    def _writing_fd(self):
        fd = self._live_fd()
        if not self._writable:
            raise UnsupportedOperation("File not open for writing")
        return fd

    def fileno(self):
        return self._live_fd()

    def readable(self):
        self._live_fd()
        return self._readable

    def writable(self):
        self._live_fd()
        return self._writable

    def seekable(self):
        fd = self._live_fd()
        if self._seekable is None:
            try:
                _os.lseek(fd, 0, SEEK_CUR)
                self._seekable = True
            except OSError:
                self._seekable = False
        return self._seekable

    def isatty(self):
        return _os.isatty(self._live_fd())

    def read(self, size=-1):
        size = _as_size(size)
        fd = self._reading_fd()
        return self.readall() if size < 0 else _nonblocking(_os.read, fd, size)

    def readall(self):
        fd = self._reading_fd()
        pieces = []
        step = DEFAULT_BUFFER_SIZE
        try:
            here = _os.lseek(fd, 0, SEEK_CUR)
            remaining = _os.fstat(fd).st_size - here
            if remaining > 0:
                step = remaining + 1
        except OSError:
            pass
        while True:
            piece = _nonblocking(_os.read, fd, step)
            if piece is None and not pieces:
                return None
            if not piece:
                break
            pieces.append(piece)
            step = max(step, DEFAULT_BUFFER_SIZE) * 2 if len(piece) == step else DEFAULT_BUFFER_SIZE * 8
        return pieces[0] if len(pieces) == 1 else b"".join(pieces)

    def readinto(self, buffer):
        data = _nonblocking(_os.read, self._reading_fd(), _capacity(buffer))
        return None if data is None else _fill(buffer, data)

    def write(self, data):
        return _nonblocking(_os.write, self._writing_fd(), data)

    def seek(self, pos, whence=SEEK_SET):
        if isinstance(pos, float):
            raise TypeError("an integer is required")
        return _os.lseek(self._live_fd(), pos, whence)

    def tell(self):
        return _os.lseek(self._live_fd(), 0, SEEK_CUR)

    def truncate(self, size=None):
        fd = self._writing_fd()
        if size is None:
            size = self.tell()
        _os.ftruncate(fd, size)
        return size

    def close(self):
        if self._fd < 0:
            return
        try:
            RawIOBase.close(self)
        finally:
            fd, self._fd = self._fd, -1
            if self._closefd:
                _os.close(fd)

    def __repr__(self):
        if self._fd < 0:
            return "<_io.FileIO [closed]>"
        return f"<_io.FileIO name={self.name!r} mode={self._mode!r} closefd={self._closefd!r}>"


# -- the buffered layer ------------------------------------------------------------


def _raw_closed(raw):
    """raw.closed, read without a property call when raw is our FileIO
    (the buffered and text layers ask on every read)."""
    return raw._fd < 0 if raw.__class__ is FileIO else raw.closed


def _class_label(obj, ours):
    """How a repr names obj's class: `_io.X` for our own classes."""
    cls = type(obj)
    return f"_io.{cls.__name__}" if cls in ours else cls.__name__


class _BufferedCore(BufferedIOBase):
    """What the buffered classes share: the raw stream, the two buffers
    (`_ahead`/`_ahead_at`: bytes read but not yet returned; `_unwritten`:
    bytes written but not yet passed down) and the position arithmetic.
    The reading and writing methods are in `_ReadSide` and `_WriteSide`."""

    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        self._check_raw(raw)
        if buffer_size <= 0:
            raise ValueError("buffer size must be strictly positive")
        self._raw = raw
        self.buffer_size = buffer_size
        self._ahead = b""
        self._ahead_at = 0
        self._unwritten = bytearray()

    def _check_raw(self, raw):
        pass

    @property
    def raw(self):
        return self._stream()

    def _stream(self):
        if self._raw is None:
            raise ValueError("raw stream has been detached")
        return self._raw

    def _usable(self, action):
        """The raw stream, after checking it is attached and open; action
        names the operation in the closed-file message."""
        raw = self._raw
        if raw is None:
            raise ValueError("raw stream has been detached")
        if _raw_closed(raw):
            raise ValueError(f"{action} of closed file" if action else "I/O operation on closed file")
        return raw

    @property
    def closed(self):
        try:
            return self._raw.closed
        except AttributeError:
            return self._stream().closed

    @property
    def name(self):
        return self._stream().name

    @property
    def mode(self):
        return self._stream().mode

    def fileno(self):
        return self._stream().fileno()

    def isatty(self):
        return self._stream().isatty()

    def readable(self):
        return self._stream().readable()

    def writable(self):
        return self._stream().writable()

    def seekable(self):
        return self._stream().seekable()

    def _unread_count(self):
        return len(self._ahead) - self._ahead_at

    def _take_ahead(self, limit=-1):
        """Up to limit (all when negative) of the bytes read ahead."""
        start = self._ahead_at
        if limit < 0 or start + limit >= len(self._ahead):
            piece = self._ahead[start:] if start else self._ahead
            self._ahead = b""
            self._ahead_at = 0
            return piece
        self._ahead_at = start + limit
        return self._ahead[start:start + limit]

    def _forget_ahead(self):
        """Drops the read-ahead, moving the raw stream back to where the
        caller has read up to (before writing there)."""
        unread = self._unread_count()
        self._ahead = b""
        self._ahead_at = 0
        if unread:
            self._raw.seek(-unread, SEEK_CUR)

    def _write_out(self):
        """Passes the unwritten bytes to the raw stream, all of them."""
        pending = self._unwritten
        done = 0
        while done < len(pending):
            count = self._raw.write(memoryview(pending)[done:])
            if count is None:
                import errno
                del pending[:done]
                raise BlockingIOError(errno.EAGAIN, "write could not complete without blocking", 0)
            done += count
        pending.clear()

    def flush(self):
        if self._stream().closed:
            raise ValueError(_CLOSED_FILE)
        if self._unwritten:
            self._write_out()

    def tell(self):
        position = self._usable("").tell() - self._unread_count() + len(self._unwritten)
        return max(position, 0)

    def seek(self, pos, whence=SEEK_SET):
        raw = self._usable("seek")
        if self._unwritten:
            self._write_out()
        if whence == SEEK_CUR:
            pos -= self._unread_count()
        self._ahead = b""
        self._ahead_at = 0
        return raw.seek(pos, whence)

    def truncate(self, pos=None):
        raw = self._usable("truncate")
        if self._unwritten:
            self._write_out()
        if pos is None:
            pos = self.tell()
        self._forget_ahead()
        return raw.truncate(pos)

    def detach(self):
        self.flush()
        raw, self._raw = self._raw, None
        return raw

    def close(self):
        raw = self._stream()
        if raw.closed:
            return
        try:
            if self._unwritten:
                self._write_out()
        finally:
            raw.close()

    def __repr__(self):
        label = _class_label(self, (BufferedReader, BufferedWriter, BufferedRandom))
        try:
            name = self.name
        except (AttributeError, ValueError):
            return f"<{label}>"
        return f"<{label} name={name!r}>"


class _ReadSide:
    """The reading methods of a buffered stream (mixed into _BufferedCore)."""

    def _check_raw(self, raw):
        if not raw.readable():
            raise UnsupportedOperation("File or stream is not readable.")

    def _prepare_read(self, action):
        raw = self._usable(action)
        if self._unwritten:
            self._write_out()
        return raw

    def _refill(self, raw, size):
        """One raw read of at most size bytes into the (empty) read-ahead;
        False at end of file, None when a non-blocking stream has nothing."""
        data = raw.read(size)
        if not data:
            return None if data is None else False
        self._ahead = data
        self._ahead_at = 0
        return True

    def read(self, size=-1):
        size = _as_size(size)
        raw = self._prepare_read("read")
        if size < 0:
            head = self._take_ahead()
            rest = raw.readall() if hasattr(raw, "readall") else raw.read()
            if rest is None:
                return head or None
            return head + rest if head else rest
        if self._unread_count() >= size:
            return self._take_ahead(size)
        pieces = [self._take_ahead()]
        missing = size - len(pieces[0])
        while missing > 0:
            if missing >= self.buffer_size:
                data = raw.read(missing)
                if not data:
                    if data is None and not pieces[0] and len(pieces) == 1:
                        return None
                    break
                pieces.append(data)
                missing -= len(data)
                continue
            if not self._refill(raw, self.buffer_size):
                break
            piece = self._take_ahead(missing)
            pieces.append(piece)
            missing -= len(piece)
        return b"".join(pieces)

    def read1(self, size=-1):
        size = _as_size(size)
        raw = self._prepare_read("read")
        if size == 0:
            return b""
        if not self._unread_count():
            if not self._refill(raw, max(size, self.buffer_size)):
                return b""
        return self._take_ahead(size)

    def peek(self, size=0):
        raw = self._prepare_read("peek")
        if not self._unread_count():
            self._refill(raw, self.buffer_size)
        return self._ahead[self._ahead_at:] if self._ahead_at else self._ahead

    def readline(self, size=-1):
        limit = size if size.__class__ is int else _as_size(size)
        raw = self._prepare_read("readline")
        if limit < 0:
            ahead, start = self._ahead, self._ahead_at
            stop = ahead.find(b"\n", start) + 1
            if stop:
                self._ahead_at = stop
                return ahead[start:stop]
        pieces = []
        length = 0
        while True:
            ahead, start = self._ahead, self._ahead_at
            stop = ahead.find(b"\n", start) + 1
            if stop:
                count = stop - start
                if limit >= 0 and length + count > limit:
                    count = limit - length
                pieces.append(self._take_ahead(count))
                break
            if start < len(ahead):
                if limit >= 0 and length + len(ahead) - start >= limit:
                    pieces.append(self._take_ahead(limit - length))
                    break
                piece = self._take_ahead()
                pieces.append(piece)
                length += len(piece)
            if not self._refill(raw, self.buffer_size):
                break
        return pieces[0] if len(pieces) == 1 else b"".join(pieces)

class _WriteSide:
    """The writing method of a buffered stream (mixed into _BufferedCore)."""

    def _check_raw(self, raw):
        if not raw.writable():
            raise UnsupportedOperation("File or stream is not writable.")

    def flush(self):
        self._usable("flush")
        if self._unwritten:
            self._write_out()

    def write(self, data):
        data = _bytes_of(data)
        self._usable("write")
        if self._ahead:
            self._forget_ahead()
        if len(self._unwritten) + len(data) > self.buffer_size:
            if self._unwritten:
                self._write_out()
            if len(data) >= self.buffer_size:
                self._unwritten += data
                self._write_out()
                return len(data)
        self._unwritten += data
        return len(data)


class BufferedReader(_ReadSide, _BufferedCore):
    """A buffered readable binary stream."""

    def writable(self):
        return False


class BufferedWriter(_WriteSide, _BufferedCore):
    """A buffered writable binary stream."""

    def readable(self):
        return False


class BufferedRandom(_ReadSide, _WriteSide, _BufferedCore):
    """A buffered seekable stream for reading and writing."""

    def _check_raw(self, raw):
        if not raw.seekable():
            raise UnsupportedOperation("File or stream is not seekable.")
        _ReadSide._check_raw(self, raw)
        _WriteSide._check_raw(self, raw)


class BufferedRWPair(BufferedIOBase):
    """Two one-way raw streams (say the ends of a pipe) as one buffered
    stream: reads come from `reader`, writes go to `writer`."""

    def __init__(self, reader, writer, buffer_size=DEFAULT_BUFFER_SIZE):
        self._in = BufferedReader(reader, buffer_size)
        self._out = BufferedWriter(writer, buffer_size)

    def read(self, size=-1):
        return self._in.read(size)

    def read1(self, size=-1):
        return self._in.read1(size)

    def peek(self, size=0):
        return self._in.peek(size)

    def readinto(self, buffer):
        return self._in.readinto(buffer)

    def readinto1(self, buffer):
        return self._in.readinto1(buffer)

    def readline(self, size=-1):
        return self._in.readline(size)

    def write(self, data):
        return self._out.write(data)

    def flush(self):
        return self._out.flush()

    def readable(self):
        return self._in.readable()

    def writable(self):
        return self._out.writable()

    def seekable(self):
        return False

    def isatty(self):
        return self._out.isatty() or self._in.isatty()

    @property
    def closed(self):
        return self._out.closed

    def close(self):
        try:
            self._out.close()
        finally:
            self._in.close()


# -- the text layer ----------------------------------------------------------------

# Codecs whose bytes for ASCII text are that text, one byte per character:
# in them, an all-ASCII chunk has as many bytes as characters.
_ASCII_SUPERSETS = frozenset([
    "utf-8", "ascii", "latin-1", "iso8859-1", "iso8859-15", "cp1250", "cp1251", "cp1252",
    "cp437", "cp850", "koi8-r", "mac-roman",
])

_NEWLINE_VALUES = (None, "", "\n", "\r", "\r\n")

# Codecs that open a stream with a byte order mark: the marks they accept
# and the codec each mark says the rest of the stream is in. The first
# entry is the order they write.
_NATIVE = sys.byteorder == "little"
_BOM_CODECS = {
    "utf-16": [(b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")][::1 if _NATIVE else -1],
    "utf-32": [(b"\xff\xfe\0\0", "utf-32-le"), (b"\0\0\xfe\xff", "utf-32-be")][::1 if _NATIVE else -1],
    "utf-8-sig": [(b"\xef\xbb\xbf", "utf-8")],
}


def _unfinished_utf8(data):
    """How many bytes at the end of data start a UTF-8 sequence that the
    next chunk must finish (0 to 3)."""
    for back in range(1, min(3, len(data)) + 1):
        byte = data[-back]
        if byte & 0xC0 == 0x80:
            continue
        if byte < 0xC0:
            return 0
        length = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
        return back if length > back else 0
    return 0


class _WholeCharDecoder:
    """The incremental decoder used for UTF-8 and the one-byte codecs:
    bytes.decode() on whole characters (much faster than a codec's
    incremental decoder); an unfinished UTF-8 sequence at the end of a
    chunk waits for the next."""

    def __init__(self, name, errors):
        self._name = name
        self._errors = errors
        self._utf8 = name == "utf-8"
        self._held = b""

    def decode(self, data, final=False):
        if self._held:
            data = self._held + data
            self._held = b""
        if self._utf8 and not final:
            cut = _unfinished_utf8(data)
            if cut:
                self._held = data[-cut:]
                data = data[:-cut]
        return data.decode(self._name, self._errors)

    def getstate(self):
        return (self._held, 0)

    def setstate(self, state):
        self._held = state[0]

    def reset(self):
        self._held = b""


def _check_text_argument(function, name, value):
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{function} argument '{name}' must be str or None, not {type(value).__name__}")


def _newline_kinds(text, after_cr):
    """The line endings in text as a bit set (1: CR, 2: LF, 4: CRLF);
    after_cr says the previous chunk ended with a CR, so a leading LF
    completes a CRLF (already counted as a CR)."""
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    kinds = 0
    if after_cr and text.startswith("\n"):
        lf -= 1
        kinds |= 4
    if cr:
        kinds |= 1
    if lf:
        kinds |= 2
    if crlf:
        kinds |= 4
    return kinds


def _newlines_value(kinds):
    """What `newlines` shows for a bit set of line endings seen."""
    seen = tuple(end for bit, end in ((1, "\r"), (2, "\n"), (4, "\r\n")) if kinds & bit)
    if not seen:
        return None
    return seen[0] if len(seen) == 1 else seen


def _universal(text):
    """text with every CRLF and lone CR turned into LF."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


_OWN_READERS = (BufferedReader, BufferedRandom)
_OWN_WRITERS = (BufferedWriter, BufferedRandom)


class TextIOWrapper(TextIOBase):
    """A text stream over a buffered binary stream."""

    _CHUNK_SIZE = 8192

    def __init__(self, buffer, encoding=None, errors=None, newline=None, line_buffering=False,
                 write_through=False):
        for name, value in (("encoding", encoding), ("errors", errors), ("newline", newline)):
            _check_text_argument("TextIOWrapper()", name, value)
        if newline not in _NEWLINE_VALUES:
            raise ValueError(f"illegal newline value: {newline}")
        self._buffer = buffer
        self._set_codec(encoding, errors)
        self._set_newline(newline)
        self._line_buffering = bool(line_buffering)
        self._write_through = bool(write_through)
        self._reset_reading()
        self._seen_newlines = 0
        self._started_reading = False
        self._iterating = False
        self._encode = None
        self._unpushed = []
        self._unpushed_size = 0

    # -- configuration

    def _set_codec(self, encoding, errors):
        import codecs
        if encoding is None or encoding == "locale":
            encoding = _locale_encoding()
        info = codecs.lookup(encoding)
        self._encoding = encoding
        self._errors = "strict" if errors is None else errors
        self._codec = info
        self._decoder = None
        self._encode = None
        self._marked_codec = None
        self._ascii_superset = info.name in _ASCII_SUPERSETS
        self._utf8 = info.name == "utf-8"

    def _set_newline(self, newline):
        self._newline = newline
        self._translate_reads = newline is None
        self._universal_reads = newline is None or newline == ""
        self._line_end = newline or "\n"
        self._write_newline = _os.linesep if newline is None else newline or "\n"

    def _new_decoder(self, name=None):
        name = name or self._codec.name
        if name in _ASCII_SUPERSETS:
            return _WholeCharDecoder(name, self._errors)
        import codecs
        return codecs.getincrementaldecoder(name)(self._errors)

    def _after_mark(self):
        """The codec the stream continues in after its byte order mark: the
        one the mark read said, else the one this codec writes."""
        return self._marked_codec or _BOM_CODECS[self._codec.name][0][1]

    def reconfigure(self, *, encoding=None, errors=None, newline=Ellipsis, line_buffering=None,
                    write_through=None):
        _check_text_argument("reconfigure()", "encoding", encoding)
        _check_text_argument("reconfigure()", "errors", errors)
        if newline is not Ellipsis:
            _check_text_argument("reconfigure()", "newline", newline)
            if newline not in _NEWLINE_VALUES:
                raise ValueError(f"illegal newline value: {newline}")
        if self._started_reading and (encoding is not None or newline is not Ellipsis):
            raise UnsupportedOperation("It is not possible to set the encoding or newline of "
                                       "stream after the first read")
        self.flush()
        if encoding is not None or errors is not None:
            self._set_codec(encoding or self._encoding, errors)
        if newline is not Ellipsis:
            self._set_newline(newline)
        if line_buffering is not None:
            self._line_buffering = bool(line_buffering)
        if write_through is not None:
            self._write_through = bool(write_through)

    # -- plain attributes and delegation

    @property
    def buffer(self):
        return self._attached()

    def _attached(self):
        if self._buffer is None:
            raise ValueError("underlying buffer has been detached")
        return self._buffer

    def _open_buffer(self):
        buffer = self._attached()
        if buffer.closed:
            raise ValueError(_CLOSED_FILE)
        return buffer

    encoding = _read_only("_encoding")
    errors = _read_only("_errors")
    line_buffering = _read_only("_line_buffering")
    write_through = _read_only("_write_through")

    @property
    def newlines(self):
        return _newlines_value(self._seen_newlines)

    @property
    def closed(self):
        return self._attached().closed

    @property
    def name(self):
        return self._attached().name

    def fileno(self):
        return self._attached().fileno()

    def isatty(self):
        return self._attached().isatty()

    def readable(self):
        return self._attached().readable()

    def writable(self):
        return self._attached().writable()

    def seekable(self):
        return self._attached().seekable()

    def detach(self):
        self.flush()
        buffer, self._buffer = self._buffer, None
        return buffer

    def _push(self):
        """Passes the encoded text not yet given to the buffer down to it."""
        if self._unpushed:
            data = b"".join(self._unpushed)
            self._unpushed = []
            self._unpushed_size = 0
            self._buffer.write(data)

    def flush(self):
        buffer = self._open_buffer()
        self._push()
        buffer.flush()

    def close(self):
        buffer = self._attached()
        if buffer.closed:
            return
        try:
            self.flush()
        finally:
            buffer.close()

    def __repr__(self):
        parts = [_class_label(self, (TextIOWrapper,))]
        try:
            parts.append(f"name={self.name!r}")
        except (AttributeError, ValueError):
            pass
        mode = self.__dict__.get("mode")
        if mode is not None:
            parts.append(f"mode={mode!r}")
        parts.append(f"encoding={self._encoding!r}")
        return "<" + " ".join(parts) + ">"

    # -- reading: the current chunk
    #
    # `_text` is the decoded (untranslated) text of the current chunk and
    # `_at` how much of it has been handed out. `_chunk` is the bytes it came
    # from, starting where the decoder was clean (the undecoded tail of the
    # chunk before is put in front), and `_chunk_codec` the codec a fresh
    # decoder needs to decode it again (a stream's first chunk starts with
    # its byte order mark, later ones do not), so tell() can count the
    # bytes behind `_text[:_at]`.

    def _reset_reading(self):
        self._text = ""
        self._at = 0
        self._chunk = b""
        self._chunk_codec = None
        self._ended_with_cr = False

    def _readable_buffer(self):
        buffer = self._buffer
        if (self._decoder is not None and buffer.__class__ in _OWN_READERS and not self._unpushed
                and buffer._raw is not None and not _raw_closed(buffer._raw)):
            # The common case, checked without property calls.
            return buffer
        buffer = self._open_buffer()
        if self._decoder is None:
            if not buffer.readable():
                raise UnsupportedOperation("not readable")
            self._decoder = self._new_decoder()
            self._started_reading = True
            self._next_chunk_codec = self._codec.name
            self._marked_codec = None
        if self._unpushed:
            self._push()
        return buffer

    def _record_newlines(self, text):
        if self._universal_reads and text:
            self._seen_newlines |= _newline_kinds(text, self._ended_with_cr)
            self._ended_with_cr = text.endswith("\r")

    def _next_chunk(self, buffer):
        """Decodes the next chunk into `_text`; False at end of file."""
        decoder = self._decoder
        while True:
            held = decoder.getstate()[0]
            reader = getattr(buffer, "read1", buffer.read)
            data = reader(self._CHUNK_SIZE)
            if data is None:
                data = b""
            text = decoder.decode(data, not data)
            self._text = text
            self._at = 0
            self._chunk = held + data if held else data
            self._chunk_codec = self._next_chunk_codec
            self._record_newlines(text)
            if text or not data:
                break
        marks = _BOM_CODECS.get(self._chunk_codec)
        if marks is not None and text:
            # The stream's first chunk: later chunks have no mark.
            for mark, codec in marks:
                if self._chunk.startswith(mark):
                    self._marked_codec = codec
            self._next_chunk_codec = self._after_mark()
        return bool(text)

    def _consumed_bytes(self):
        """How many bytes of `_chunk` produced `_text[:_at]`."""
        count = self._at
        chunk = self._chunk
        if count == len(self._text):
            return len(chunk) - len(self._decoder.getstate()[0])
        if self._ascii_superset and chunk.isascii():
            return count
        if self._utf8 and self._errors == "strict":
            return len(self._text[:count].encode("utf-8"))
        decoder = self._new_decoder(self._chunk_codec)
        produced = 0
        for index in range(len(chunk)):
            if produced >= count:
                return index
            produced += len(decoder.decode(chunk[index:index + 1]))
        return len(chunk)

    def read(self, size=-1):
        size = _as_size(size)
        buffer = self._readable_buffer()
        if size < 0:
            head = self._text[self._at:]
            rest = buffer.read()
            tail = self._decoder.decode(rest or b"", True)
            self._record_newlines(tail)
            self._reset_reading()
            text = head + tail if head else tail
            return _universal(text) if self._translate_reads else text
        pieces = []
        wanted = size
        while wanted > 0:
            if self._at >= len(self._text) and not self._next_chunk(buffer):
                break
            start = self._at
            piece = self._text[start:start + wanted]
            self._at = start + len(piece)
            if self._translate_reads and piece.endswith("\r"):
                piece += self._newline_after_cr(buffer)
                piece = _universal(piece)
            elif self._translate_reads and "\r" in piece:
                piece = _universal(piece)
            pieces.append(piece)
            wanted -= len(piece)
        return "".join(pieces)

    def _newline_after_cr(self, buffer):
        """After handing out a CR: consumes and returns the LF that makes it
        a CRLF, if one follows (fetching the next chunk to see)."""
        if self._at >= len(self._text) and not self._next_chunk(buffer):
            return ""
        if self._text.startswith("\n", self._at):
            self._at += 1
            return "\n"
        return ""

    def _find_line_end(self, text, start):
        """Index just past the first line end in text[start:], or -1. A CR
        at the very end of text, which an LF in the next chunk may
        complete, is reported as -2 - its index."""
        if self._universal_reads:
            lf = text.find("\n", start)
            cr = text.find("\r", start, lf if lf >= 0 else len(text))
            if cr < 0:
                return lf + 1 if lf >= 0 else -1
            if cr + 1 == len(text):
                return -2 - cr
            return cr + 2 if text[cr + 1] == "\n" else cr + 1
        end = self._line_end
        found = text.find(end, start)
        if found >= 0:
            return found + len(end)
        if end == "\r\n" and text.endswith("\r"):
            return -1 - len(text)
        return -1

    def readline(self, size=-1):
        limit = size if size.__class__ is int else _as_size(size)
        buffer = self._readable_buffer()
        if limit < 0:
            # A whole line inside the current chunk, with nothing to
            # translate: the usual case, done here.
            text, start = self._text, self._at
            if self._universal_reads:
                stop = text.find("\n", start) + 1
                if stop and text.find("\r", start, stop) < 0:
                    self._at = stop
                    return text[start:stop]
            else:
                stop = text.find(self._line_end, start)
                if stop >= 0:
                    stop += len(self._line_end)
                    self._at = stop
                    return text[start:stop]
        return self._gather_line(buffer, limit)

    def _gather_line(self, buffer, limit):
        """readline's general case: a line across chunks, a CR to look past,
        a size limit."""
        pieces = []
        length = 0
        while limit < 0 or length < limit:
            if self._at >= len(self._text) and not self._next_chunk(buffer):
                break
            start = self._at
            stop = self._find_line_end(self._text, start)
            if stop >= 0 or limit >= 0 and len(self._text) - start >= limit - length:
                if stop < 0 or limit >= 0 and stop - start > limit - length:
                    stop = start + (limit - length)
                pieces.append(self._text[start:stop])
                self._at = stop
                break
            if stop < -1:
                # A CR ends the chunk: the line ends there, or after the LF
                # that starts the next chunk.
                self._at = len(self._text)
                line_part = self._text[start:]
                pieces.append(line_part + self._newline_after_cr(buffer))
                if self._universal_reads or pieces[-1].endswith("\r\n"):
                    break
                length += len(pieces[-1])
                continue
            piece = self._text[start:]
            self._at = len(self._text)
            pieces.append(piece)
            length += len(piece)
        line = pieces[0] if len(pieces) == 1 else "".join(pieces)
        if self._translate_reads and line.endswith("\r"):
            return line[:-1] + "\n"
        if self._translate_reads and line.endswith("\r\n"):
            return line[:-2] + "\n"
        return line

    def __next__(self):
        self._iterating = True
        line = self.readline()
        if not line:
            self._iterating = False
            raise StopIteration
        return line

    # -- positions

    def _seekable_buffer(self):
        buffer = self._open_buffer()
        if not buffer.seekable():
            raise UnsupportedOperation("underlying stream is not seekable")
        return buffer

    def tell(self):
        buffer = self._seekable_buffer()
        if self._iterating:
            raise OSError("telling position disabled by next() call")
        self.flush()
        return self._position(buffer)

    def _position(self, buffer):
        """The byte offset of the next character to read (see the chunk
        notes above)."""
        if self._decoder is None:
            return buffer.tell()
        return buffer.tell() - (len(self._chunk) - self._consumed_bytes())

    def seek(self, cookie, whence=SEEK_SET):
        buffer = self._seekable_buffer()
        if whence == SEEK_CUR:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero cur-relative seeks")
            return self.tell()
        if whence == SEEK_END:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero end-relative seeks")
            self.flush()
            position = buffer.seek(0, SEEK_END)
            self._restart_decoding(position)
            return position
        if whence != SEEK_SET:
            raise ValueError(f"invalid whence ({whence}, should be 0, 1 or 2)")
        if cookie < 0:
            raise ValueError(f"negative seek position {cookie}")
        self.flush()
        buffer.seek(cookie)
        self._restart_decoding(cookie)
        return cookie

    def _restart_decoding(self, position):
        """Forgets the current chunk after a seek; past the start of the
        stream a byte order mark is not expected again."""
        self._iterating = False
        self._reset_reading()
        codec = self._codec.name
        if position and codec in _BOM_CODECS:
            codec = self._after_mark()
        if self._decoder is not None:
            self._decoder = self._new_decoder(codec)
            self._next_chunk_codec = codec
        # The encoder is chosen again at the next write, for the new place.
        self._encode = None

    def truncate(self, pos=None):
        self.flush()
        if pos is None:
            pos = self.tell()
        return self._attached().truncate(pos)

    # -- writing

    def write(self, text):
        buffer = self._buffer
        if not (buffer.__class__ in _OWN_WRITERS and buffer._raw is not None
                and not _raw_closed(buffer._raw)):
            buffer = self._open_buffer()
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if self._encode is None:
            if not buffer.writable():
                raise UnsupportedOperation("not writable")
            self._encode = self._encoding_function()
        if self._text or self._chunk:
            # As in CPython, the write lands where the buffer is (after the
            # chunk read ahead), and the chunk is forgotten.
            self._reset_reading()
            if self._decoder is not None:
                self._decoder.reset()
        length = len(text)
        if self._write_newline != "\n" and "\n" in text:
            text = text.replace("\n", self._write_newline)
        data = self._encode(text)
        self._unpushed.append(data)
        self._unpushed_size += len(data)
        if self._line_buffering and ("\n" in text or "\r" in text):
            self.flush()
        elif self._write_through or self._unpushed_size >= self._CHUNK_SIZE:
            self._push()
        self._iterating = False
        return length

    def _encoding_function(self):
        """text -> bytes for this stream: str.encode for a stateless codec
        (which is what a codec with a byte order mark is, past the start of
        the stream), else an incremental encoder's encode."""
        name, errors = self._codec.name, self._errors
        if name in _BOM_CODECS:
            try:
                at_start = not self._buffer.seekable() or self._buffer.tell() == 0
            except (OSError, ValueError):
                at_start = True
            if not at_start:
                name = self._after_mark() if self._decoder is not None else _BOM_CODECS[name][0][1]
        if name in _ASCII_SUPERSETS or name in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
            return lambda text: text.encode(name, errors)
        import codecs
        return codecs.getincrementalencoder(name)(errors).encode


# -- open --------------------------------------------------------------------------


def _parse_open_mode(mode):
    """Checks open()'s mode and returns (raw mode for FileIO, text?)."""
    if not isinstance(mode, str):
        raise TypeError(f"open() argument 'mode' must be str, not {type(mode).__name__}")
    if any(c not in "rwxabt+" or mode.count(c) > 1 for c in mode):
        raise ValueError(f"invalid mode: {mode!r}")
    if "t" in mode and "b" in mode:
        raise ValueError("can't have text and binary mode at once")
    if sum(c in mode for c in "rwxa") > 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    raw_mode = "".join(c for c in mode if c in "rwxa+")
    return raw_mode, "b" not in mode


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, closefd=True,
         opener=None):
    raw_mode, text = _parse_open_mode(mode)
    for name, value in (("encoding", encoding), ("errors", errors), ("newline", newline)):
        _check_text_argument("open()", name, value)
    if not text:
        for name, value, article in (("encoding", encoding, "an"), ("errors", errors, "an"),
                                     ("newline", newline, "a")):
            if value is not None:
                raise ValueError(f"binary mode doesn't take {article} {name} argument")
    elif newline not in _NEWLINE_VALUES:
        raise ValueError(f"illegal newline value: {newline}")
    if text and buffering == 0:
        raise ValueError("can't have unbuffered text I/O")
    if not text and buffering == 1:
        import warnings
        warnings.warn("line buffering (buffering=1) isn't supported in binary mode, the default "
                      "buffer size will be used", RuntimeWarning, 2)
    raw = FileIO(file, raw_mode, closefd, opener=opener)
    try:
        line_buffering = buffering == 1 or buffering < 0 and raw.isatty()
        if buffering < 0 or buffering == 1:
            buffering = raw._blksize
        if buffering == 0:
            return raw
        if "+" in raw_mode:
            layer = BufferedRandom
        elif "r" in raw_mode:
            layer = BufferedReader
        else:
            layer = BufferedWriter
        buffered = layer(raw, buffering)
        if not text:
            return buffered
        stream = TextIOWrapper(buffered, encoding, errors, newline, line_buffering)
        stream.mode = mode
        return stream
    except BaseException:
        raw.close()
        raise


def open_code(path):
    """Opens a file of code for reading, as bytes."""
    if not isinstance(path, str):
        raise TypeError(f"open_code() argument 'path' must be str, not {type(path).__name__}")
    return open(path, "rb")


# -- in-memory streams -------------------------------------------------------------


def _memory_repr(stream):
    """object's default repr, with the module CPython's C classes show."""
    cls = type(stream)
    module = "_io" if cls in (BytesIO, StringIO) else cls.__module__
    return f"<{module}.{cls.__qualname__} object at {hex(id(stream))}>"


class BytesIO(BufferedIOBase):
    """A binary stream over a growable in-memory buffer."""

    def __init__(self, initial_bytes=None):
        self._data = bytearray() if initial_bytes is None else bytearray(_bytes_of(initial_bytes))
        self._pos = 0

    def _live(self):
        if self._data is None:
            raise ValueError(_CLOSED_FILE)
        return self._data

    @property
    def closed(self):
        return self._data is None

    def close(self):
        self._data = None

    def getvalue(self):
        return bytes(self._live())

    def getbuffer(self):
        return memoryview(self._live())

    def readable(self):
        self._live()
        return True

    writable = seekable = readable

    def flush(self):
        self._live()

    def read(self, size=-1):
        size = _as_size(size)
        data = self._live()
        start = self._pos
        stop = len(data) if size < 0 else min(len(data), start + size)
        if stop <= start:
            return b""
        self._pos = stop
        return bytes(data[start:stop])

    read1 = read

    def readinto(self, buffer):
        return _fill(buffer, self.read(_capacity(buffer)))

    readinto1 = readinto

    def readline(self, size=-1):
        limit = _as_size(size)
        data = self._live()
        start = self._pos
        stop = data.find(b"\n", start) + 1 or len(data)
        if limit >= 0:
            stop = min(stop, start + limit)
        if stop <= start:
            return b""
        self._pos = stop
        return bytes(data[start:stop])

    def write(self, data):
        buffer = self._live()
        if data.__class__ is not bytes:
            data = _bytes_of(data)
        start = self._pos
        end = start + len(data)
        if start == len(buffer):
            buffer += data
        elif end <= len(buffer):
            with memoryview(buffer) as view:
                view[start:end] = data
        else:
            if start > len(buffer):
                buffer += bytes(start - len(buffer))
            del buffer[start:]
            buffer += data
        self._pos = end
        return len(data)

    def seek(self, pos, whence=SEEK_SET):
        data = self._live()
        pos = pos.__index__()
        if whence == SEEK_SET:
            if pos < 0:
                raise ValueError(f"negative seek value {pos}")
        elif whence == SEEK_CUR:
            pos += self._pos
        elif whence == SEEK_END:
            pos += len(data)
        else:
            raise ValueError(f"invalid whence ({whence}, should be 0, 1 or 2)")
        self._pos = max(pos, 0)
        return self._pos

    def tell(self):
        self._live()
        return self._pos

    def truncate(self, size=None):
        data = self._live()
        size = self._pos if size is None else size.__index__()
        if size < 0:
            raise ValueError(f"negative size value {size}")
        if size < len(data):
            del data[size:]
        return size

    def isatty(self):
        self._live()
        return False

    __repr__ = _memory_repr


class StringIO(TextIOBase):
    """A text stream over an in-memory string. Writes at the end are kept
    as a list of pieces and joined when the text is needed."""

    def __init__(self, initial_value="", newline="\n"):
        if newline is not None and not isinstance(newline, str):
            raise TypeError(f"newline must be str or None, not {type(newline).__name__}")
        if newline not in _NEWLINE_VALUES:
            raise ValueError(f"illegal newline value: {newline!r}")
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError(f"initial_value must be str or None, not {type(initial_value).__name__}")
        self._newline = newline
        self._text = ""
        self._appended = []
        self._length = 0
        self._pos = 0
        self._seen_newlines = 0
        self._open = True
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    def _live(self):
        if not self._open:
            raise ValueError("I/O operation on closed file")

    def _whole(self):
        """The text, with pending appended pieces joined in."""
        if self._appended:
            self._text = self._text + "".join(self._appended)
            self._appended = []
        return self._text

    @property
    def closed(self):
        return not self._open

    def close(self):
        self._open = False
        self._text = ""
        self._appended = []

    @property
    def newlines(self):
        return _newlines_value(self._seen_newlines)

    @property
    def line_buffering(self):
        return False

    __repr__ = _memory_repr

    def readable(self):
        self._live()
        return True

    writable = seekable = readable

    def getvalue(self):
        self._live()
        return self._whole()

    def write(self, s):
        self._live()
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        written = len(s)
        newline = self._newline
        if newline is None or newline == "":
            if s:
                self._seen_newlines |= _newline_kinds(s, False)
            if newline is None:
                s = _universal(s)
        elif newline != "\n":
            s = s.replace("\n", newline)
        start = self._pos
        if start == self._length:
            self._appended.append(s)
        else:
            text = self._whole()
            if start > len(text):
                text += "\0" * (start - len(text))
            self._text = text[:start] + s + text[start + len(s):]
        self._pos = start + len(s)
        self._length = max(self._length, self._pos)
        return written

    def read(self, size=-1):
        self._live()
        size = _as_size(size)
        text = self._whole()
        start = self._pos
        stop = len(text) if size < 0 else min(len(text), start + size)
        if stop <= start:
            return ""
        self._pos = stop
        return text[start:stop]

    def readline(self, size=-1):
        self._live()
        limit = _as_size(size)
        text = self._whole()
        start = self._pos
        if self._newline == "":
            lf = text.find("\n", start)
            cr = text.find("\r", start, lf if lf >= 0 else len(text))
            if cr >= 0:
                stop = cr + 2 if text.startswith("\n", cr + 1) else cr + 1
            else:
                stop = lf + 1 if lf >= 0 else len(text)
        else:
            end = "\n" if self._newline is None else self._newline
            found = text.find(end, start)
            stop = found + len(end) if found >= 0 else len(text)
        if limit >= 0:
            stop = min(stop, start + limit)
        if stop <= start:
            return ""
        self._pos = stop
        return text[start:stop]

    def seek(self, pos, whence=SEEK_SET):
        self._live()
        pos = pos.__index__()
        if whence not in (SEEK_SET, SEEK_CUR, SEEK_END):
            raise ValueError(f"Invalid whence ({whence}, should be 0, 1 or 2)")
        if whence == SEEK_SET:
            if pos < 0:
                raise ValueError(f"Negative seek position {pos}")
            self._pos = pos
        elif pos != 0:
            which = "cur" if whence == SEEK_CUR else "end"
            raise OSError(f"Can't do nonzero {which}-relative seeks")
        elif whence == SEEK_END:
            self._pos = self._length
        return self._pos

    def tell(self):
        self._live()
        return self._pos

    def truncate(self, size=None):
        self._live()
        size = self._pos if size is None else size.__index__()
        if size < 0:
            raise ValueError(f"Negative size value {size}")
        if size < self._length:
            self._text = self._whole()[:size]
            self._length = size
        return size

