# `io`: the stream classes and `open`. Files are layered as in CPython: a
# raw `FileIO` over an OS file descriptor (os.open/read/write/lseek), a
# buffered layer (`BufferedReader`, `BufferedWriter`, `BufferedRandom`) and
# `TextIOWrapper`, which decodes and translates newlines. Reading text keeps
# the not-yet-returned data as bytes, so `tell()` is the byte offset.
# `StringIO` and `BytesIO` are in-memory streams. The builtin `open` is
# `io.open`.

import os as _os
import sys
import abc as _abc

__all__ = ["StringIO", "BytesIO", "open", "open_code", "TextIOWrapper", "FileIO", "BufferedReader",
           "BufferedWriter", "BufferedRandom", "IOBase", "RawIOBase", "BufferedIOBase", "TextIOBase",
           "UnsupportedOperation", "SEEK_SET", "SEEK_CUR", "SEEK_END", "DEFAULT_BUFFER_SIZE", "text_encoding"]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


class UnsupportedOperation(OSError, ValueError):
    pass


UnsupportedOperation.__module__ = "io"


class IOBase(_abc.ABC):
    pass


class RawIOBase(IOBase):
    pass


class BufferedIOBase(IOBase):
    pass


class TextIOBase(IOBase):
    pass


# The console streams are native objects: they are text streams too.
TextIOBase.register(type(sys.stdout))


def text_encoding(encoding, stacklevel=2):
    if encoding is None:
        return "locale"
    return encoding


def _closed_error():
    return ValueError("I/O operation on closed file.")


class _Stream:
    # What every file layer shares: closing, context management, iteration.
    _closed = False

    @property
    def closed(self):
        return self._closed

    def _check_closed(self):
        if self.closed:
            raise _closed_error()

    def _check_readable(self):
        if not self.readable():
            raise UnsupportedOperation("not readable")

    def _check_writable(self):
        if not self.writable():
            raise UnsupportedOperation("not writable")

    def _check_seekable(self):
        if not self.seekable():
            raise UnsupportedOperation("underlying stream is not seekable")

    def __enter__(self):
        self._check_closed()
        return self

    def __exit__(self, *exc):
        self.close()

    def __iter__(self):
        self._check_closed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=-1):
        if hint is None or hint <= 0:
            return list(self)
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if total >= hint:
                break
        return lines

    def writelines(self, lines):
        self._check_closed()
        for line in lines:
            self.write(line)

    def isatty(self):
        self._check_closed()
        return False

    def flush(self):
        self._check_closed()

    def __del__(self):
        try:
            if not self.closed:
                self.close()
        except Exception:
            pass


class FileIO(_Stream):
    # Raw, unbuffered I/O on a file descriptor.
    def __init__(self, file, mode="r", closefd=True, opener=None):
        self._fd = -1
        if isinstance(file, float):
            raise TypeError("integer argument expected, got float")
        if not isinstance(mode, str):
            raise TypeError(f"FileIO() argument 'mode' must be str, not {type(mode).__name__}")
        modes = set(mode)
        if modes - set("rwxab+") or len(mode) != len(modes):
            raise ValueError(f"invalid mode: {mode}")
        if sum(c in modes for c in "rwxa") != 1:
            raise ValueError("Must have exactly one of create/read/write/append mode and at most one plus")
        self._readable = "r" in modes or "+" in modes
        self._writable = "r" not in modes or "+" in modes
        self._appending = "a" in modes
        self._created = "x" in modes
        if "r" in modes:
            flags = _os.O_RDONLY
        elif "w" in modes:
            flags = _os.O_CREAT | _os.O_TRUNC
        elif "x" in modes:
            flags = _os.O_CREAT | _os.O_EXCL
        else:
            flags = _os.O_CREAT | _os.O_APPEND
        if "+" in modes:
            flags |= _os.O_RDWR
        elif "r" not in modes:
            flags |= _os.O_WRONLY
        if isinstance(file, int):
            if file < 0:
                raise ValueError("negative file descriptor")
            fd = file
            self.name = file
        else:
            if not closefd:
                raise ValueError("Cannot use closefd=False with file name")
            self.name = file
            path = _os.fspath(file)
            if opener is None:
                fd = _os.open(path, flags, 0o666)
            else:
                fd = opener(path, flags)
                if not isinstance(fd, int):
                    raise TypeError("expected integer from opener")
                if fd < 0:
                    raise ValueError(f"opener returned {fd}")
        self._fd = fd
        self._closefd = closefd
        try:
            st = _os.fstat(fd)
        except OSError:
            st = None
        if st is not None and st.st_mode & 0o170000 == 0o040000:
            if closefd:
                _os.close(fd)
            self._fd = -1
            raise IsADirectoryError(21, "Is a directory", self.name)
        self._blksize = st.st_blksize if st is not None and st.st_blksize > 1 else DEFAULT_BUFFER_SIZE
        self._seekable = None
        if self._appending:
            _os.lseek(fd, 0, SEEK_END)

    @property
    def mode(self):
        if self._created:
            return "xb+" if self._readable else "xb"
        if self._appending:
            return "ab+" if self._readable else "ab"
        if self._readable:
            return "rb+" if self._writable else "rb"
        return "wb"

    @property
    def closefd(self):
        return self._closefd

    @property
    def closed(self):
        return self._fd < 0

    def fileno(self):
        self._check_closed()
        return self._fd

    def readable(self):
        self._check_closed()
        return self._readable

    def writable(self):
        self._check_closed()
        return self._writable

    def seekable(self):
        self._check_closed()
        if self._seekable is None:
            try:
                _os.lseek(self._fd, 0, SEEK_CUR)
                self._seekable = True
            except OSError:
                self._seekable = False
        return self._seekable

    def isatty(self):
        self._check_closed()
        return _os.isatty(self._fd)

    def read(self, size=-1):
        self._check_closed()
        self._check_readable()
        if size is None or size < 0:
            return self.readall()
        return _os.read(self._fd, size)

    def readall(self):
        self._check_closed()
        chunks = []
        while True:
            chunk = _os.read(self._fd, 65536)
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)

    def readinto(self, buffer):
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def write(self, data):
        self._check_closed()
        self._check_writable()
        return _os.write(self._fd, bytes(data))

    def seek(self, pos, whence=SEEK_SET):
        self._check_closed()
        if isinstance(pos, float):
            raise TypeError("an integer is required")
        return _os.lseek(self._fd, pos, whence)

    def tell(self):
        self._check_closed()
        return _os.lseek(self._fd, 0, SEEK_CUR)

    def truncate(self, size=None):
        self._check_closed()
        self._check_writable()
        if size is None:
            size = self.tell()
        _os.ftruncate(self._fd, size)
        return size

    def close(self):
        if self._fd >= 0:
            fd = self._fd
            self._fd = -1
            if self._closefd:
                _os.close(fd)

    def __repr__(self):
        if self.closed:
            return "<_io.FileIO [closed]>"
        return f"<_io.FileIO name={self.name!r} mode={self.mode!r} closefd={self._closefd!r}>"


class _Buffered(_Stream):
    # A buffer over a raw stream: reads come from `_rbuf`, writes gather in
    # `_wbuf` until it holds a buffer's worth (or a flush, seek or close).
    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        if buffer_size <= 0:
            raise ValueError("buffer size must be strictly positive")
        self.raw = raw
        self.buffer_size = buffer_size
        self._rbuf = b""
        self._wbuf = []
        self._wlen = 0

    @property
    def closed(self):
        return self.raw.closed

    @property
    def name(self):
        return self.raw.name

    @property
    def mode(self):
        return self.raw.mode

    def fileno(self):
        return self.raw.fileno()

    def isatty(self):
        return self.raw.isatty()

    def readable(self):
        return self.raw.readable()

    def writable(self):
        return self.raw.writable()

    def seekable(self):
        return self.raw.seekable()

    def detach(self):
        self.flush()
        raw = self.raw
        self.raw = None
        return raw

    def _flush_writes(self):
        if self._wbuf:
            data = b"".join(self._wbuf)
            self._wbuf = []
            self._wlen = 0
            while data:
                written = self.raw.write(data)
                data = data[written:]

    def flush(self):
        self._check_closed()
        self._flush_writes()

    def _drop_read_ahead(self):
        # The raw position is ahead of ours by what is buffered for reading.
        if self._rbuf:
            self.raw.seek(-len(self._rbuf), SEEK_CUR)
            self._rbuf = b""

    def read(self, size=-1):
        self._check_closed()
        self._check_readable()
        self._flush_writes()
        if size is None or size < 0:
            data = self._rbuf + self.raw.readall()
            self._rbuf = b""
            return data
        while len(self._rbuf) < size:
            chunk = self.raw.read(max(self.buffer_size, size - len(self._rbuf)))
            if not chunk:
                break
            self._rbuf += chunk
        data, self._rbuf = self._rbuf[:size], self._rbuf[size:]
        return data

    def read1(self, size=-1):
        self._check_closed()
        self._check_readable()
        self._flush_writes()
        if not self._rbuf:
            self._rbuf = self.raw.read(self.buffer_size if size is None or size < 0 else max(size, 1))
        if size is None or size < 0:
            size = len(self._rbuf)
        data, self._rbuf = self._rbuf[:size], self._rbuf[size:]
        return data

    def peek(self, size=0):
        self._check_closed()
        if not self._rbuf:
            self._rbuf = self.raw.read(self.buffer_size)
        return self._rbuf

    def readline(self, size=-1):
        self._check_closed()
        self._check_readable()
        self._flush_writes()
        while True:
            end = self._rbuf.find(b"\n")
            if end >= 0 or (size is not None and 0 <= size <= len(self._rbuf)):
                break
            chunk = self.raw.read(self.buffer_size)
            if not chunk:
                break
            self._rbuf += chunk
        end = self._rbuf.find(b"\n")
        end = len(self._rbuf) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, size)
        data, self._rbuf = self._rbuf[:end], self._rbuf[end:]
        return data

    def readinto(self, buffer):
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def write(self, data):
        self._check_closed()
        self._check_writable()
        if isinstance(data, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        data = bytes(data)
        self._drop_read_ahead()
        self._wbuf.append(data)
        self._wlen += len(data)
        # Written through, as TextIOWrapper.write: no finalizer would flush.
        self._flush_writes()
        return len(data)

    def seek(self, pos, whence=SEEK_SET):
        self._check_closed()
        if whence not in (0, 1, 2):
            raise ValueError(f"whence value {whence} unsupported")
        self._flush_writes()
        if whence == SEEK_CUR:
            pos -= len(self._rbuf)
        self._rbuf = b""
        return self.raw.seek(pos, whence)

    def tell(self):
        self._check_closed()
        return self.raw.tell() - len(self._rbuf) + self._wlen

    def truncate(self, size=None):
        self._check_closed()
        self.flush()
        if size is None:
            size = self.tell()
        self._drop_read_ahead()
        return self.raw.truncate(size)

    def close(self):
        if self.raw is not None and not self.closed:
            try:
                self._flush_writes()
            finally:
                self.raw.close()

    def __repr__(self):
        kind = type(self).__name__
        try:
            name = self.name
        except AttributeError:
            return f"<_io.{kind}>"
        return f"<_io.{kind} name={name!r}>"


class BufferedReader(_Buffered, BufferedIOBase):
    def writable(self):
        return False


class BufferedWriter(_Buffered, BufferedIOBase):
    def readable(self):
        return False


class BufferedRandom(_Buffered, BufferedIOBase):
    pass


class BufferedRWPair(_Stream, BufferedIOBase):
    # Two raw streams, one read and one written (a pipe's ends, a socket's
    # two directions), as one buffered stream: a BufferedReader and a
    # BufferedWriter side by side, each call going to its side (the
    # methods are made from the tables below); nothing is seekable.
    def __init__(self, reader, writer, buffer_size=DEFAULT_BUFFER_SIZE):
        for raw, ability in ((reader, "readable"), (writer, "writable")):
            if not getattr(raw, ability)():
                raise UnsupportedOperation(f"File or stream is not {ability}.")
        self._reading_side = BufferedReader(reader, buffer_size)
        self._writing_side = BufferedWriter(writer, buffer_size)

    @property
    def closed(self):
        return self._writing_side.closed

    def seekable(self):
        return False

    def isatty(self):
        return any(side.isatty() for side in (self._reading_side, self._writing_side))

    def close(self):
        # The writer first: closing it flushes what is buffered.
        try:
            self._writing_side.close()
        finally:
            self._reading_side.close()


def _pair_method(side, name):
    def method(self, *args):
        return getattr(getattr(self, side), name)(*args)
    method.__name__ = name
    method.__qualname__ = f"BufferedRWPair.{name}"
    return method


def _pair_refusal(name, operation):
    def method(self, *args):
        raise UnsupportedOperation(operation)
    method.__name__ = name
    method.__qualname__ = f"BufferedRWPair.{name}"
    return method


for _side, _names in (("_reading_side", ("read", "read1", "readline", "readinto", "peek", "readable")),
                      ("_writing_side", ("write", "flush", "writable"))):
    for _name in _names:
        setattr(BufferedRWPair, _name, _pair_method(_side, _name))
for _name, _operation in (("fileno", "fileno"), ("detach", "detach"), ("seek", "seek"),
                          ("tell", "seek"), ("truncate", "truncate")):
    setattr(BufferedRWPair, _name, _pair_refusal(_name, _operation))
del _side, _names, _name, _operation


_ASCII_COMPATIBLE = {"utf-8", "utf8", "latin-1", "latin1", "iso-8859-1", "iso8859-1", "ascii", "us-ascii", "cp1252"}


def _utf8_complete(data):
    # How many leading bytes of UTF-8 data end on a character boundary.
    n = len(data)
    i = n - 1
    back = 0
    while i >= 0 and back < 4:
        b = data[i]
        if b < 0x80:
            return n
        if b >= 0xC0:
            need = 2 if b < 0xE0 else 3 if b < 0xF0 else 4
            return n if n - i >= need else i
        i -= 1
        back += 1
    return n


class TextIOWrapper(_Stream, TextIOBase):
    def __init__(self, buffer, encoding=None, errors=None, newline=None, line_buffering=False, write_through=False):
        if newline not in (None, "", "\n", "\r", "\r\n"):
            if not isinstance(newline, str):
                raise TypeError(f"TextIOWrapper() argument 'newline' must be str or None, not {type(newline).__name__}")
            raise ValueError(f"illegal newline value: {newline}")
        if encoding is None or encoding == "locale":
            encoding = "UTF-8"
        if not isinstance(encoding, str):
            raise TypeError(f"TextIOWrapper() argument 'encoding' must be str or None, not {type(encoding).__name__}")
        try:
            "".encode(encoding)
        except LookupError:
            raise LookupError(f"unknown encoding: {encoding}")
        if errors is None:
            errors = "strict"
        self.buffer = buffer
        self.encoding = encoding
        self.errors = errors
        self._newline = newline
        self.line_buffering = line_buffering
        self.write_through = write_through
        self._pending = b""
        self._decoded = None
        self._seen_cr = False
        self._ascii_compatible = encoding.lower().replace("_", "-") in _ASCII_COMPATIBLE
        self._utf8 = encoding.lower().replace("_", "-") in ("utf-8", "utf8")
        self.newlines = None

    @property
    def closed(self):
        return self.buffer.closed

    @property
    def name(self):
        return self.buffer.name

    def fileno(self):
        return self.buffer.fileno()

    def isatty(self):
        return self.buffer.isatty()

    def readable(self):
        return self.buffer.readable()

    def writable(self):
        return self.buffer.writable()

    def seekable(self):
        return self.buffer.seekable()

    def detach(self):
        self.flush()
        buffer = self.buffer
        self.buffer = None
        return buffer

    def reconfigure(self, *, encoding=None, errors=None, newline=Ellipsis, line_buffering=None, write_through=None):
        if encoding is not None:
            self.encoding = encoding
        if errors is not None:
            self.errors = errors
        if newline is not Ellipsis:
            self._newline = newline
        if line_buffering is not None:
            self.line_buffering = line_buffering
        if write_through is not None:
            self.write_through = write_through

    def _decode(self, data, final):
        # Text for the leading complete characters of data, and what is left.
        if self._utf8 and not final:
            cut = _utf8_complete(data)
            return data[:cut].decode(self.encoding, self.errors), data[cut:]
        return data.decode(self.encoding, self.errors), b""

    def _translate(self, text):
        if self._newline is None:
            if "\r" in text:
                text = text.replace("\r\n", "\n").replace("\r", "\n")
        return text

    def _fill(self):
        # More bytes into the pending buffer; False at the end of the file.
        chunk = self.buffer.read1(DEFAULT_BUFFER_SIZE) if hasattr(self.buffer, "read1") else self.buffer.read(DEFAULT_BUFFER_SIZE)
        if not chunk:
            return False
        self._pending += chunk
        return True

    def read(self, size=-1):
        self._check_closed()
        self._check_readable()
        if size is None or size < 0:
            data = self._pending + self.buffer.read()
            self._pending = b""
            text, _ = self._decode(data, True)
            return self._translate(text)
        if not self._ascii_compatible:
            text = self.read()
            self._pending = text[size:].encode(self.encoding)
            return text[:size]
        at_eof = False
        while True:
            text, rest = self._decode(self._pending, False)
            # A final "\r" may be the first half of "\r\n".
            if len(text) > size or (len(text) == size and not text.endswith("\r")):
                break
            if not self._fill():
                at_eof = True
                break
        if at_eof:
            text, rest = self._decode(self._pending, True)
        line, consumed = self._translate_prefix(text, size)
        self._pending = self._pending[consumed:]
        return line

    def _translate_prefix(self, text, size):
        # The first `size` characters after newline translation, and how many
        # bytes of the pending buffer they came from.
        out = []
        count = 0
        i = 0
        while i < len(text) and count < size:
            c = text[i]
            if c == "\r" and self._newline is None:
                if text[i + 1:i + 2] == "\n":
                    i += 1
                c = "\n"
            out.append(c)
            count += 1
            i += 1
        consumed = text[:i]
        return "".join(out), len(consumed.encode(self.encoding, self.errors))

    def _line_end(self, text):
        # The end index of the first line in text, or -1.
        if self._newline is None or self._newline == "":
            n = text.find("\n")
            r = text.find("\r")
            if r >= 0 and (n < 0 or r < n):
                if r + 1 < len(text) or self._at_eof:
                    return r + 2 if text[r + 1:r + 2] == "\n" else r + 1
                return -1
            return n + 1 if n >= 0 else -1
        end = text.find(self._newline)
        return end + len(self._newline) if end >= 0 else -1

    def readline(self, size=-1):
        self._check_closed()
        self._check_readable()
        if size is None:
            size = -1
        if not self._ascii_compatible:
            text = self.read()
            self._pending = b""
            lines = text.splitlines(True)
            if not lines:
                return ""
            self._pending = "".join(lines[1:]).encode(self.encoding)
            return lines[0]
        self._at_eof = False
        while True:
            text, rest = self._decode(self._pending, False)
            end = self._line_end(text)
            if end >= 0 or (0 <= size <= len(text)):
                break
            if not self._fill():
                self._at_eof = True
                text, rest = self._decode(self._pending, True)
                end = self._line_end(text)
                break
        if end < 0:
            end = len(text)
        if 0 <= size < end:
            end = size
        line = text[:end]
        self._pending = self._pending[len(line.encode(self.encoding, self.errors)):]
        return self._translate(line)

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, text):
        self._check_closed()
        self._check_writable()
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        length = len(text)
        out = text
        if self._newline not in (None, "", "\n") and "\n" in out:
            out = out.replace("\n", self._newline)
        if self._pending:
            # Writing after reading: continue at the logical position.
            self.buffer.seek(-len(self._pending), SEEK_CUR)
            self._pending = b""
        self.buffer.write(out.encode(self.encoding, self.errors))
        # Written through: towel runs no finalizers yet, so a file a program
        # never closes must not keep its text in a buffer.
        self.buffer.flush()
        return length

    def flush(self):
        self._check_closed()
        self.buffer.flush()

    def seek(self, cookie, whence=SEEK_SET):
        self._check_closed()
        if not self.seekable():
            raise UnsupportedOperation("underlying stream is not seekable")
        if whence == SEEK_CUR:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero cur-relative seeks")
            return self.tell()
        if whence == SEEK_END:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero end-relative seeks")
            self.flush()
            self._pending = b""
            return self.buffer.seek(0, SEEK_END)
        if whence != SEEK_SET:
            raise ValueError(f"invalid whence ({whence}, should be 0, 1 or 2)")
        if cookie < 0:
            raise ValueError(f"negative seek position {cookie}")
        self.flush()
        self._pending = b""
        return self.buffer.seek(cookie)

    def tell(self):
        self._check_closed()
        if not self.seekable():
            raise UnsupportedOperation("underlying stream is not seekable")
        self.flush()
        return self.buffer.tell() - len(self._pending)

    def truncate(self, pos=None):
        self.flush()
        if pos is None:
            pos = self.tell()
        return self.buffer.truncate(pos)

    def close(self):
        if self.buffer is not None and not self.closed:
            try:
                self.flush()
            finally:
                self.buffer.close()

    @property
    def mode(self):
        try:
            return self._mode
        except AttributeError:
            return self.buffer.mode

    # CPython's wrapper takes a `mode` attribute, as `open()` and
    # `socket.makefile()` set it.
    @mode.setter
    def mode(self, value):
        self._mode = value

    def __repr__(self):
        text = "<_io.TextIOWrapper"
        try:
            text += f" name={self.name!r}"
        except AttributeError:
            pass
        try:
            text += f" mode={self.mode!r}"
        except AttributeError:
            pass
        return text + f" encoding={self.encoding!r}>"


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None):
    if not isinstance(file, (str, bytes, int)) and not hasattr(type(file), "__fspath__"):
        raise TypeError(f"expected str, bytes or os.PathLike object, not {type(file).__name__}")
    if not isinstance(mode, str):
        raise TypeError(f"open() argument 'mode' must be str, not {type(mode).__name__}")
    if not isinstance(buffering, int):
        raise TypeError(f"'{type(buffering).__name__}' object cannot be interpreted as an integer")
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError(f"open() argument 'encoding' must be str or None, not {type(encoding).__name__}")
    if errors is not None and not isinstance(errors, str):
        raise TypeError(f"open() argument 'errors' must be str or None, not {type(errors).__name__}")
    modes = set(mode)
    if modes - set("axrwb+tU") or len(mode) > len(modes):
        raise ValueError(f"invalid mode: '{mode}'")
    creating = "x" in modes
    reading = "r" in modes
    writing = "w" in modes
    appending = "a" in modes
    updating = "+" in modes
    text = "t" in modes
    binary = "b" in modes
    if "U" in modes:
        raise ValueError(f"invalid mode: '{mode}'")
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if creating + reading + writing + appending > 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    if not (creating or reading or writing or appending):
        raise ValueError("Must have exactly one of create/read/write/append mode and at most one plus")
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    if binary and buffering == 1:
        import warnings
        warnings.warn("line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be used", RuntimeWarning, 2)
    if newline is not None and newline not in ("", "\n", "\r", "\r\n"):
        if not isinstance(newline, str):
            raise TypeError(f"open() argument 'newline' must be str or None, not {type(newline).__name__}")
        raise ValueError(f"illegal newline value: {newline}")
    raw_mode = (creating and "x" or "") + (reading and "r" or "") + (writing and "w" or "") + (appending and "a" or "") + (updating and "+" or "")
    raw = FileIO(file, raw_mode, closefd, opener=opener)
    result = raw
    try:
        line_buffering = False
        if buffering == 1 or buffering < 0 and raw.isatty():
            buffering = -1
            line_buffering = True
        if buffering < 0:
            buffering = raw._blksize
        if buffering == 0:
            if binary:
                return result
            raise ValueError("can't have unbuffered text I/O")
        if updating:
            buffer = BufferedRandom(raw, buffering)
        elif creating or writing or appending:
            buffer = BufferedWriter(raw, buffering)
        else:
            buffer = BufferedReader(raw, buffering)
        result = buffer
        if binary:
            return result
        text_file = TextIOWrapper(buffer, encoding, errors, newline, line_buffering)
        text_file._mode = mode
        return text_file
    except BaseException:
        result.close()
        raise


def open_code(path):
    return open(path, "rb")


class _MemoryIO:
    _empty = ""
    _kind = "string"

    def __init__(self, initial_value=None):
        self._buf = self._empty if initial_value is None else initial_value
        # Chunks written at the end since `_buf` was last joined: appending,
        # the common case, stays linear in what is written.
        self._tail = []
        self._size = len(self._buf)
        self._pos = 0
        self.closed = False

    def _check_open(self):
        if self.closed:
            raise ValueError("I/O operation on closed file")

    def _joined(self):
        """The whole buffer, with the chunks written at its end joined in."""
        if self._tail:
            self._buf = self._buf + self._empty.join(self._tail)
            self._tail = []
        return self._buf

    def write(self, s):
        self._check_open()
        if not isinstance(s, type(self._empty)):
            if self._kind == "string":
                raise TypeError(f"string argument expected, got '{type(s).__name__}'")
            raise TypeError(f"a bytes-like object is required, not '{type(s).__name__}'")
        if self._pos == self._size:
            if s:
                self._tail.append(s)
                self._size += len(s)
                self._pos = self._size
            return len(s)
        buf = self._joined()
        if self._pos > len(buf):
            buf = buf + self._padding(self._pos - len(buf))
        self._buf = buf[:self._pos] + s + buf[self._pos + len(s):]
        self._size = len(self._buf)
        self._pos += len(s)
        return len(s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def read(self, size=-1):
        self._check_open()
        buf = self._joined()
        if size is None or size < 0:
            end = len(buf)
        else:
            end = min(len(buf), self._pos + size)
        data = buf[self._pos:end]
        self._pos = max(self._pos, end)
        return data

    def readline(self, size=-1):
        self._check_open()
        newline = "\n" if self._kind == "string" else b"\n"
        buf = self._joined()
        end = buf.find(newline, self._pos)
        end = len(buf) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        data = buf[self._pos:end]
        self._pos = max(self._pos, end)
        return data

    def readlines(self, hint=-1):
        lines = []
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)

    def getvalue(self):
        self._check_open()
        return self._joined()

    def seek(self, pos, whence=0):
        self._check_open()
        if whence == 0:
            if pos < 0:
                raise ValueError(f"Negative seek position {pos}")
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, self._size + pos)
        else:
            raise ValueError(f"Invalid whence ({whence}, should be 0, 1 or 2)")
        return self._pos

    def tell(self):
        self._check_open()
        return self._pos

    def truncate(self, size=None):
        self._check_open()
        if size is None:
            size = self._pos
        self._buf = self._joined()[:size]
        self._size = len(self._buf)
        return size

    def close(self):
        self.closed = True

    def flush(self):
        pass

    def readable(self):
        return True

    def writable(self):
        return True

    def seekable(self):
        return True

    def isatty(self):
        return False

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line


class StringIO(_MemoryIO, TextIOBase):
    _empty = ""
    _kind = "string"

    def __init__(self, initial_value="", newline="\n"):
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError(f"initial_value must be str or None, not {type(initial_value).__name__}")
        super().__init__(initial_value or "")

    def _padding(self, n):
        return "\0" * n

    def __repr__(self):
        return f"<_io.StringIO object at {hex(id(self))}>"


class BytesIO(_MemoryIO, BufferedIOBase):
    _empty = b""
    _kind = "bytes"

    def __init__(self, initial_bytes=b""):
        super().__init__(bytes(initial_bytes))

    def _padding(self, n):
        return bytes(n)

    def getbuffer(self):
        return self._joined()
