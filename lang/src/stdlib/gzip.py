# `gzip`: the gzip file format (RFC 1952) over `zlib`'s raw deflate.
#
# A gzip stream is one or more members, each a header, a raw deflate body
# and a trailer (CRC-32 and length of the data, little-endian). Reading is
# one raw stream, `_MemberReader`, that walks the members and checks each
# trailer; `GzipFile` puts an `io.BufferedReader` over it for reading, and
# for writing compresses straight into the file object. `decompress` is
# the same reader over the bytes given.

import builtins
import io
import os
import struct
import time
import zlib

__all__ = ["BadGzipFile", "GzipFile", "open", "compress", "decompress"]

READ, WRITE = 1, 2
FTEXT, FHCRC, FEXTRA, FNAME, FCOMMENT = 1, 2, 4, 8, 16

_COMPRESS_LEVEL_FAST = 1
_COMPRESS_LEVEL_TRADEOFF = 6
_COMPRESS_LEVEL_BEST = 9

_MAGIC = b"\x1f\x8b"
_DEFLATE = 8
_OS_UNKNOWN = 255
_OS_UNIX = 3
_READ_SIZE = 128 * 1024
_TRUNCATED = "Compressed file ended before the end-of-stream marker was reached"


class BadGzipFile(OSError):
    """Raised for data that is not a valid gzip stream."""


def _header(compresslevel, mtime, name=b"", extra_flags=None, system=_OS_UNKNOWN):
    """A member header with no optional fields but the file name."""
    if extra_flags is None:
        extra_flags = {_COMPRESS_LEVEL_BEST: 2, _COMPRESS_LEVEL_FAST: 4}.get(compresslevel, 0)
    flags = FNAME if name else 0
    fixed = struct.pack("<2sBBIBB", _MAGIC, _DEFLATE, flags, int(mtime) & 0xFFFFFFFF,
                        extra_flags, system)
    return fixed + (name + b"\0" if name else b"")


def _raw_deflater(compresslevel):
    return zlib.compressobj(compresslevel, zlib.DEFLATED, -zlib.MAX_WBITS, zlib.DEF_MEM_LEVEL, 0)


def compress(data, compresslevel=_COMPRESS_LEVEL_BEST, *, mtime=None):
    """The gzip member holding data. With mtime=0 the header is the one
    zlib writes (system "Unix", flags by zlib's rule)."""
    body = zlib.compress(data, compresslevel, wbits=-zlib.MAX_WBITS)
    if mtime == 0:
        level = 6 if compresslevel == -1 else compresslevel
        header = _header(compresslevel, 0, extra_flags=2 if level == 9 else 4 if level < 2 else 0,
                         system=_OS_UNIX)
    else:
        header = _header(compresslevel, time.time() if mtime is None else mtime)
    view = memoryview(data)
    return header + body + struct.pack("<II", zlib.crc32(view), view.nbytes & 0xFFFFFFFF)


def decompress(data):
    """The data of every member of a gzip stream, joined."""
    return _MemberReader(io.BytesIO(data)).readall()


class _MemberReader(io.RawIOBase):
    """The decompressed data of a gzip stream, as a raw stream over the
    compressed file object. Positions count decompressed bytes; seeking
    backwards starts again from the beginning."""

    def __init__(self, fileobj):
        self._source = fileobj
        self._start = fileobj.tell() if fileobj.seekable() else 0
        self._restart()
        self.last_mtime = None

    def _restart(self):
        self._held = b""        # input read from the file but not yet used
        self._inflater = None   # None between members
        self._crc = 0
        self._length = 0
        self._position = 0
        self._finished = False

    def readable(self):
        return True

    def seekable(self):
        return self._source.seekable()

    # -- input

    def _take(self, count):
        """Up to count bytes of input."""
        if len(self._held) < count:
            more = self._source.read(max(count - len(self._held), _READ_SIZE))
            if more:
                self._held += more
        piece, self._held = self._held[:count], self._held[count:]
        return piece

    def _take_exactly(self, count):
        piece = self._take(count)
        if len(piece) < count:
            raise EOFError(_TRUNCATED)
        return piece

    def _take_through_nul(self):
        """Input up to and including the next NUL (a header's name or
        comment)."""
        parts = []
        while True:
            byte = self._take_exactly(1)
            parts.append(byte)
            if byte == b"\0":
                return b"".join(parts)

    # -- members

    def _begin_member(self):
        """Reads a member header; False at the clean end of the stream."""
        magic = self._take(2)
        while magic[:1] == b"\0":
            # Zero bytes may pad the stream after a member.
            magic = magic[1:] + self._take(1)
        if not magic:
            return False
        if magic != _MAGIC:
            if len(magic) < 2 and _MAGIC.startswith(magic):
                raise EOFError(_TRUNCATED)
            raise BadGzipFile(f"Not a gzipped file ({magic!r})")
        method, flags, mtime, _, _ = struct.unpack("<BBIBB", self._take_exactly(8))
        if method != _DEFLATE:
            raise BadGzipFile("Unknown compression method")
        self.last_mtime = mtime
        if flags & FEXTRA:
            (size,) = struct.unpack("<H", self._take_exactly(2))
            self._take_exactly(size)
        if flags & FNAME:
            self._take_through_nul()
        if flags & FCOMMENT:
            self._take_through_nul()
        if flags & FHCRC:
            self._take_exactly(2)
        self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        self._crc = 0
        self._length = 0
        return True

    def _end_member(self):
        """Checks the trailer of the member just inflated."""
        self._held = self._inflater.unused_data + self._held
        self._inflater = None
        crc, length = struct.unpack("<II", self._take_exactly(8))
        if crc != self._crc:
            raise BadGzipFile("CRC check failed")
        if length != self._length & 0xFFFFFFFF:
            raise BadGzipFile("Incorrect length of data produced")

    def _inflate(self, limit):
        """Up to limit decompressed bytes (at least one unless the stream
        has ended)."""
        while not self._finished:
            if self._inflater is None and not self._begin_member():
                self._finished = True
                break
            inflater = self._inflater
            if inflater.eof:
                self._end_member()
                continue
            data = self._take(_READ_SIZE)
            out = inflater.decompress(data, limit)
            self._held = inflater.unconsumed_tail + self._held
            if not out and not data and not inflater.eof:
                raise EOFError(_TRUNCATED)
            if out:
                self._crc = zlib.crc32(out, self._crc)
                self._length += len(out)
                self._position += len(out)
                return out
        return b""

    def readinto(self, buffer):
        with memoryview(buffer) as view:
            out = self._inflate(view.nbytes)
            view.cast("B")[:len(out)] = out
        return len(out)

    def readall(self):
        pieces = []
        while True:
            out = self._inflate(1 << 20)
            if not out:
                return b"".join(pieces)
            pieces.append(out)

    # -- positions

    def tell(self):
        return self._position

    def _skip(self, count):
        """Decompresses and drops count bytes (all that remain when None);
        stops early at the end of the data."""
        while count is None or count > 0:
            dropped = len(self._inflate(1 << 20 if count is None else min(count, 1 << 20)))
            if not dropped:
                return
            if count is not None:
                count -= dropped

    def seek(self, offset, whence=io.SEEK_SET):
        if whence not in (io.SEEK_SET, io.SEEK_CUR, io.SEEK_END):
            raise ValueError(f"Invalid value for whence: {whence}")
        if whence == io.SEEK_END:
            self._skip(None)
        target = offset if whence == io.SEEK_SET else self._position + offset
        if target < self._position:
            # Backwards: decompress again from the start.
            self._source.seek(self._start)
            self._restart()
        self._skip(target - self._position)
        return self._position


class _Compressing:
    """The writing side of a GzipFile: a raw deflater into the file object,
    keeping the CRC and length the member's trailer ends with."""

    def __init__(self, fileobj, compresslevel):
        self._out = fileobj
        self._deflater = _raw_deflater(compresslevel)
        self._crc = 0
        self._length = 0

    def write(self, data):
        with memoryview(data) as view:
            if view.nbytes:
                self._out.write(self._deflater.compress(view))
                self._crc = zlib.crc32(view, self._crc)
                self._length += view.nbytes
            return view.nbytes

    def tell(self):
        return self._length

    def seek(self, offset, whence):
        """Forward only: the gap is written as zeros."""
        if whence == io.SEEK_CUR:
            offset += self._length
        elif whence != io.SEEK_SET:
            raise ValueError("Seek from end not supported")
        if offset < self._length:
            raise OSError("Negative seek in write mode")
        zeros = bytes(1024)
        while self._length < offset:
            self.write(zeros[:offset - self._length])
        return self._length

    def flush(self, zlib_mode):
        self._out.write(self._deflater.flush(zlib_mode))
        self._out.flush()

    def close(self):
        trailer = struct.pack("<II", self._crc, self._length & 0xFFFFFFFF)
        self._out.write(self._deflater.flush() + trailer)


def _member_name(filename):
    """The name a header records: the file's base name without ".gz", as
    Latin-1 (empty when it is not Latin-1)."""
    if isinstance(filename, bytes):
        filename = filename.decode("latin-1")
    base = os.path.basename(filename)
    base = base[:-3] if base.endswith(".gz") else base
    try:
        return base.encode("latin-1")
    except UnicodeEncodeError:
        return b""


class GzipFile(io.BufferedIOBase):
    """A gzip file, read or written like a binary file. Its work is done by
    one of two sides: an io.BufferedReader over a _MemberReader, or a
    _Compressing writer."""

    myfileobj = None

    def __init__(self, filename=None, mode=None, compresslevel=_COMPRESS_LEVEL_BEST, fileobj=None,
                 mtime=None):
        if mode:
            if "t" in mode or "U" in mode:
                raise ValueError(f"Invalid mode: {mode!r}")
            mode = mode if "b" in mode else mode + "b"
        if fileobj is None:
            fileobj = self.myfileobj = builtins.open(filename, mode or "rb")
        if filename is not None:
            self.name = os.fspath(filename)
        else:
            found = getattr(fileobj, "name", "")
            self.name = found if isinstance(found, (str, bytes)) else ""
        mode = mode or getattr(fileobj, "mode", "rb")
        self.fileobj = fileobj
        kind = mode[:1]
        if kind == "r":
            self.mode = READ
            self._reader = _MemberReader(fileobj)
            self._side = io.BufferedReader(self._reader)
        elif kind and kind in "wax":
            self.mode = WRITE
            stamp = time.time() if mtime is None else mtime
            fileobj.write(_header(compresslevel, stamp, _member_name(self.name)))
            self._side = _Compressing(fileobj, compresslevel)
        else:
            raise ValueError(f"Invalid mode: {mode!r}")

    @property
    def mtime(self):
        """The modification time in the last member header read."""
        if self.mode != READ:
            raise AttributeError("'GzipFile' object has no attribute 'mtime'")
        return self._reader.last_mtime

    @property
    def closed(self):
        return self.fileobj is None

    def __repr__(self):
        if self.fileobj is None:
            return f"<gzip on {hex(id(self))}>"
        return f"<gzip {repr(self.fileobj)[1:-1]} {hex(id(self))}>"

    def _side_for(self, wanted, verb):
        """The side doing the work, after checking the file is open and in
        the mode verb needs."""
        if self.fileobj is None:
            raise ValueError("I/O operation on closed file")
        if self.mode != wanted:
            import errno
            other = "read-only" if wanted == WRITE else "write-only"
            raise OSError(errno.EBADF, f"{verb}() on {other} GzipFile object")
        return self._side

    def write(self, data):
        return self._side_for(WRITE, "write").write(data)

    def read(self, size=-1):
        return self._side_for(READ, "read").read(size)

    def read1(self, size=-1):
        return self._side_for(READ, "read1").read1(io.DEFAULT_BUFFER_SIZE if size < 0 else size)

    def peek(self, n):
        return self._side_for(READ, "peek").peek(n)

    def readline(self, size=-1):
        return self._side_for(READ, "readline").readline(size)

    def readinto(self, buffer):
        return self._side_for(READ, "read").readinto(buffer)

    def flush(self, zlib_mode=zlib.Z_SYNC_FLUSH):
        if self.fileobj is None:
            raise ValueError("I/O operation on closed file")
        if self.mode == WRITE:
            self._side.flush(zlib_mode)

    def close(self):
        if self.fileobj is None:
            return
        try:
            self._side.close()
        finally:
            self.fileobj = None
            owned, self.myfileobj = self.myfileobj, None
            if owned is not None:
                owned.close()

    def fileno(self):
        return self.fileobj.fileno()

    def readable(self):
        return self.mode == READ

    def writable(self):
        return self.mode == WRITE

    def seekable(self):
        return True

    def rewind(self):
        """Back to the start of the decompressed data (reading only)."""
        if self.mode != READ:
            raise OSError("Can't rewind in write mode")
        self._side.seek(0)

    def tell(self):
        if self.fileobj is None:
            raise ValueError("I/O operation on closed file")
        return self._side.tell()

    def seek(self, offset, whence=io.SEEK_SET):
        if self.fileobj is None:
            raise ValueError("I/O operation on closed file")
        return self._side.seek(offset, whence)


# The arguments only a text-mode open() takes.
_TEXT_ONLY = ("encoding", "errors", "newline")


def open(filename, mode="rb", compresslevel=_COMPRESS_LEVEL_BEST, encoding=None, errors=None,
         newline=None):
    """A GzipFile for binary modes, a TextIOWrapper over one for text
    modes ("rt", "wt", ...)."""
    text = "t" in mode
    if text and "b" in mode:
        raise ValueError(f"Invalid mode: {mode!r}")
    given = dict(zip(_TEXT_ONLY, (encoding, errors, newline)))
    if not text:
        for name in _TEXT_ONLY:
            if given[name] is not None:
                raise ValueError(f"Argument '{name}' not supported in binary mode")
    if isinstance(filename, (str, bytes, os.PathLike)):
        path, fileobj = filename, None
    elif hasattr(filename, "read") or hasattr(filename, "write"):
        path, fileobj = None, filename
    else:
        raise TypeError("filename must be a str or bytes object, or a file")
    binary = GzipFile(path, mode.replace("t", ""), compresslevel, fileobj)
    if not text:
        return binary
    return io.TextIOWrapper(binary, io.text_encoding(encoding), errors, newline)
