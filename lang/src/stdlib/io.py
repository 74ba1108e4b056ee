# `io`: in-memory text and byte streams (StringIO, BytesIO), and `open`.

import sys

__all__ = ["StringIO", "BytesIO", "open", "TextIOWrapper", "UnsupportedOperation", "SEEK_SET", "SEEK_CUR", "SEEK_END"]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192
open = open
TextIOWrapper = type(sys.stdout)


class UnsupportedOperation(OSError, ValueError):
    pass


class _MemoryIO:
    _empty = ""
    _kind = "string"

    def __init__(self, initial_value=None):
        self._buf = self._empty if initial_value is None else initial_value
        self._pos = 0
        self.closed = False

    def _check_open(self):
        if self.closed:
            raise ValueError("I/O operation on closed file")

    def write(self, s):
        self._check_open()
        if not isinstance(s, type(self._empty)):
            if self._kind == "string":
                raise TypeError(f"string argument expected, got '{type(s).__name__}'")
            raise TypeError(f"a bytes-like object is required, not '{type(s).__name__}'")
        buf = self._buf
        if self._pos > len(buf):
            buf = buf + self._padding(self._pos - len(buf))
        self._buf = buf[:self._pos] + s + buf[self._pos + len(s):]
        self._pos += len(s)
        return len(s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def read(self, size=-1):
        self._check_open()
        if size is None or size < 0:
            end = len(self._buf)
        else:
            end = min(len(self._buf), self._pos + size)
        data = self._buf[self._pos:end]
        self._pos = max(self._pos, end)
        return data

    def readline(self, size=-1):
        self._check_open()
        newline = "\n" if self._kind == "string" else b"\n"
        end = self._buf.find(newline, self._pos)
        end = len(self._buf) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        data = self._buf[self._pos:end]
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
        return self._buf

    def seek(self, pos, whence=0):
        self._check_open()
        if whence == 0:
            if pos < 0:
                raise ValueError(f"Negative seek position {pos}")
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._buf) + pos)
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
        self._buf = self._buf[:size]
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


class StringIO(_MemoryIO):
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


class BytesIO(_MemoryIO):
    _empty = b""
    _kind = "bytes"

    def __init__(self, initial_bytes=b""):
        super().__init__(bytes(initial_bytes))

    def _padding(self, n):
        return bytes(n)

    def getbuffer(self):
        return self._buf
