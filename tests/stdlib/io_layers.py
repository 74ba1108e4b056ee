# The io stack: FileIO, the buffered classes, TextIOWrapper, StringIO and
# BytesIO; modes, newline translation, encodings, positions and errors.
import io, os, tempfile

tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "data.txt")

def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, "->", type(e).__name__, str(e).replace(tmp, "TMP"))
    else:
        print(label, "=", repr(r).replace(tmp, "TMP"))

# modes and their errors
for mode in ["rw", "rt+b", "q", "", "bt", "U", "rU", "wa", "r++", "xb", 3]:
    attempt(f"open mode {mode!r}", lambda: open(path, mode))
attempt("binary encoding", lambda: open(path, "wb", encoding="utf-8"))
attempt("binary errors", lambda: open(path, "wb", errors="strict"))
attempt("binary newline", lambda: open(path, "wb", newline=""))
attempt("bad newline", lambda: open(path, "w", newline="x"))
attempt("unbuffered text", lambda: open(path, "w", buffering=0))
attempt("bad file type", lambda: open(3.5))
attempt("missing", lambda: open(os.path.join(tmp, "nope")))
attempt("FileIO bad mode", lambda: io.FileIO(path, "rt"))
attempt("FileIO bad mode2", lambda: io.FileIO(path, "rw"))
attempt("exclusive twice", lambda: [open(path, "x").close(), open(path, "x")])

with open(path, "w") as f:
    print(type(f).__name__, f.name == path, f.mode, f.encoding, f.errors, f.line_buffering)
    print(type(f.buffer).__name__, type(f.buffer.raw).__name__, f.buffer.raw.mode, f.buffer.mode)
    print(f.readable(), f.writable(), f.seekable(), f.closed, f.newlines)
    print(f.write("one\ntwo\r\nthree\rfour"), f.tell())
print(f.closed)
attempt("write closed", lambda: f.write("x"))
attempt("read closed", lambda: f.read())
attempt("tell closed", lambda: f.tell())
attempt("readable closed", lambda: f.readable())
attempt("iterate closed", lambda: next(f))

with open(path, "rb") as f:
    print(f.read())
for nl in [None, "", "\n", "\r", "\r\n"]:
    with open(path, newline=nl) as f:
        print(repr(nl), f.readlines(), f.newlines)
    with open(path, newline=nl) as f:
        print(repr(nl), repr(f.read()), f.newlines)
    with open(path, newline=nl) as f:
        print(repr(nl), [f.read(3) for _ in range(8)])

for nl in [None, "", "\n", "\r", "\r\n"]:
    with open(path, "w", newline=nl) as f:
        f.write("a\nb\r\nc\rd\n")
    with open(path, "rb") as f:
        print("write", repr(nl), f.read())

# newlines kinds
with open(path, "wb") as f:
    f.write(b"a\rb\nc\r\nd\n")
with open(path) as f:
    seen = []
    for line in f:
        seen.append((line, f.newlines))
    print(seen)

# positions
with open(path, "w", encoding="utf-8") as f:
    f.write("h\u00e9llo\nw\u00f6rld\nthird line\n")
with open(path, encoding="utf-8") as f:
    print(repr(f.readline()), f.tell())
    print(repr(f.read(3)), f.tell())
    pos = f.tell()
    print(repr(f.readline()), f.tell())
    print(f.seek(pos), repr(f.read()))
    print(f.seek(0, 2), f.tell())
    attempt("text seek cur nonzero", lambda: f.seek(2, 1))
    attempt("text seek end nonzero", lambda: f.seek(-2, 2))
    attempt("text seek negative", lambda: f.seek(-1))
    attempt("text seek whence", lambda: f.seek(0, 5))
    print(f.seek(0, 1))
    attempt("text write on read", lambda: f.write("x"))
    attempt("text fileno", lambda: type(f.fileno()))

# read / write mixing in r+ and a+
with open(path, "w") as f:
    f.write("0123456789\nabcdefghij\n")
with open(path, "r+") as f:
    print(repr(f.read(4)))
    f.write("XY")
    print(f.tell())
    f.seek(0)
    print(repr(f.read()))
with open(path, "a+") as f:
    print(f.tell())
    f.write("tail\n")
    f.seek(0)
    print(repr(f.readline()))
with open(path, "rb+") as f:
    print(f.read(3), f.tell())
    f.write(b"__")
    print(f.tell(), f.read(2), f.peek(1)[:1])
    f.seek(-3, 2)
    print(f.read())
    print(f.truncate(5), f.tell())
    f.seek(0)
    print(f.read())
    print(f.seek(0, 2), f.seek(-2, 1))
    attempt("binary seek negative", lambda: f.seek(-100))
    attempt("binary seek whence", lambda: f.seek(0, 3))

# binary reads
with open(path, "wb") as f:
    f.write(b"line1\nline2\nline3")
with open(path, "rb") as f:
    print(f.readline(), f.readline(3), f.read1(2), f.readlines())
    print(f.read(), f.read(5))
with open(path, "rb", buffering=0) as f:
    print(type(f).__name__, f.read(4), f.readall(), f.read())
    b = bytearray(3)
    f.seek(1)
    print(f.readinto(b), b)
with open(path, "rb") as f:
    b = bytearray(4)
    print(f.readinto(b), b, f.readinto1(b), b)
    print(list(f))
with open(path, "rb") as f:
    print(f.readlines(7))
with open(path) as f:
    print(f.readlines(7))

# buffered writer state
with open(path, "wb", buffering=4) as f:
    print(type(f).__name__, f.write(b"ab"), os.path.getsize(path))
    print(f.write(b"cdefgh"), os.path.getsize(path))
    f.flush()
    print(os.path.getsize(path))
    attempt("read on writer", lambda: f.read())
    attempt("write str", lambda: f.write("text"))
with open(path, "w") as f:
    attempt("write bytes to text", lambda: f.write(b"x"))
    attempt("write int to text", lambda: f.write(3))
    f.writelines(["a", "b\n"])
print(open(path).read())

# encodings and errors
with open(path, "wb") as f:
    f.write("caf\u00e9\n".encode("latin-1") + b"\xff\xfe\n")
attempt("strict utf-8", lambda: open(path, encoding="utf-8").read())
print(repr(open(path, encoding="utf-8", errors="replace").read()))
print(repr(open(path, encoding="latin-1").read()))
attempt("unknown encoding", lambda: open(path, encoding="nope"))
with open(path, "w", encoding="ascii", errors="backslashreplace") as f:
    f.write("snow \u2603\n")
print(open(path, "rb").read())
with open(path, "w", encoding="ascii") as f:
    attempt("ascii write", lambda: (f.write("\u2603"), f.flush()))
for enc in ["utf-16", "utf-8-sig", "utf-16-le", "cp1252"]:
    with open(path, "w", encoding=enc) as f:
        f.write("ab\u00e9\n")
        f.write("cd\n")
    with open(path, encoding=enc) as f:
        data = open(path, "rb").read()
        print(enc, data, repr(f.readline()), repr(f.read()))

# reconfigure, detach, repr
f = open(path, "w", encoding="utf-8")
print(repr(f).replace(path, "PATH"))
f.reconfigure(line_buffering=True)
print(f.line_buffering)
f.write("abc\n")
print(os.path.getsize(path))
f.reconfigure(encoding="latin-1", errors="replace")
print(f.encoding, f.errors)
raw = f.detach()
print(type(raw).__name__)
attempt("after detach", lambda: f.write("x"))
attempt("repr after detach", lambda: repr(f))
raw.close()
f = open(path, "rb")
print(repr(f).replace(path, "PATH"), repr(f.raw).replace(path, "PATH"))
f.close()
print(repr(f).replace(path, "PATH"), repr(f.raw))
attempt("closed peek", lambda: f.peek())
fd = os.open(path, os.O_RDONLY)
f = open(fd, "rb", closefd=False)
print(f.name == fd, f.raw.closefd)
f.close()
print(os.read(fd, 3))
os.close(fd)
attempt("closefd false with name", lambda: open(path, closefd=False))
f = open(path, "r", opener=lambda p, fl: os.open(p, fl))
print(f.read(3))
f.close()

# FileIO directly
r = io.FileIO(path, "w")
print(r.mode, r.write(b"raw data"), r.tell(), r.seekable(), r.readable(), r.writable())
attempt("FileIO read on w", lambda: r.read())
r.close()
r = io.FileIO(path)
print(r.read(3), r.readall(), r.read(), r.seek(2), r.read(2))
r.close()
attempt("FileIO closed read", lambda: r.read())
print(repr(r))
attempt("FileIO dir", lambda: io.FileIO(tmp))

# BufferedRWPair
rf, wf = os.pipe()
pair = io.BufferedRWPair(io.FileIO(rf, "r"), io.FileIO(wf, "w"))
print(pair.write(b"ping\n"), pair.flush(), pair.readline())
print(pair.readable(), pair.writable(), pair.seekable())
attempt("pair seek", lambda: pair.seek(0))
pair.close()
print(pair.closed)

# StringIO
s = io.StringIO("initial\nvalue")
print(s.tell(), repr(s.read(4)), s.tell(), repr(s.readline()), s.readlines())
s.seek(3)
print(s.write("XYZ"), repr(s.getvalue()), s.tell())
s.seek(20)
print(s.write("!"), repr(s.getvalue()))
print(s.truncate(5), repr(s.getvalue()), s.tell())
attempt("stringio cur seek", lambda: s.seek(1, 1))
attempt("stringio negative", lambda: s.seek(-1))
attempt("stringio truncate negative", lambda: s.truncate(-1))
attempt("stringio bytes", lambda: s.write(b"x"))
attempt("stringio init bytes", lambda: io.StringIO(b"x"))
attempt("stringio bad newline", lambda: io.StringIO("", newline="x"))
for nl in [None, "", "\n", "\r", "\r\n"]:
    s = io.StringIO("a\nb\r\nc\rd", newline=nl)
    print(repr(nl), repr(s.getvalue()), s.readlines(), s.newlines)
s.close()
attempt("stringio closed", lambda: s.getvalue())
attempt("stringio closed read", lambda: s.read())
print(s.closed, io.StringIO().readable(), io.StringIO().seekable())
s = io.StringIO()
print(s.write("x" * 3), s.line_buffering, s.encoding, s.errors)
attempt("stringio fileno", lambda: s.fileno())
attempt("stringio detach", lambda: s.detach())
with io.StringIO("l1\nl2\n") as s:
    print([line for line in s])

# BytesIO
b = io.BytesIO(b"hello world")
print(b.read(5), b.tell(), b.read1(3), b.peek() if hasattr(b, "peek") else None)
b.seek(0, 2)
print(b.write(b"!"), b.getvalue())
b.seek(15)
print(b.write(b"?"), b.getvalue())
print(b.seek(-3, 2), b.read(), b.seek(2, 0), b.seek(1, 1))
attempt("bytesio negative", lambda: b.seek(-1))
attempt("bytesio whence", lambda: b.seek(0, 3))
attempt("bytesio str", lambda: b.write("x"))
print(b.truncate(4), b.getvalue(), b.tell())
buf = bytearray(3)
b.seek(0)
print(b.readinto(buf), buf, b.readline(), b.readlines())
view = b.getbuffer()
attempt("bytesio resize exported", lambda: b.write(b"more data"))
view.release()
print(b.write(b"more"), b.getvalue())
b.close()
attempt("bytesio closed", lambda: b.getvalue())
print(io.BytesIO(bytearray(b"xy")).getvalue(), io.BytesIO(memoryview(b"mv")).read())
attempt("bytesio init str", lambda: io.BytesIO("x"))
print(isinstance(io.BytesIO(), io.BufferedIOBase), isinstance(io.StringIO(), io.TextIOBase))
print(issubclass(io.FileIO, io.RawIOBase), issubclass(io.BufferedReader, io.BufferedIOBase))
print(issubclass(io.TextIOWrapper, io.TextIOBase), isinstance(open(path), io.IOBase))

# TextIOWrapper over BytesIO
t = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="\r\n")
t.write("x\ny\n")
t.flush()
print(t.buffer.getvalue())
t = io.TextIOWrapper(io.BytesIO(b"one\r\ntwo\rthree\n"), encoding="ascii")
print(t.readlines(), t.newlines, repr(t.read()))
t = io.TextIOWrapper(io.BytesIO(b"abc"), encoding="ascii", line_buffering=True)
print(repr(t))

# Subclassing the bases
class Source(io.RawIOBase):
    def __init__(self, data):
        self.data = data
    def readable(self):
        return True
    def readinto(self, b):
        n = min(len(b), 3, len(self.data))
        b[:n] = self.data[:n]
        self.data = self.data[n:]
        return n
src = Source(b"abcdefgh\nijk\nlm")
print(src.read(2), src.readline(), src.readall())
br = io.BufferedReader(Source(b"abcdefgh\nijk\nlm"), buffer_size=4)
print(br.read(5), br.peek(1)[:1], br.readline(), br.read())
tw = io.TextIOWrapper(io.BufferedReader(Source(b"a\nb\nc")), encoding="ascii")
print(list(tw))

class Sink(io.RawIOBase):
    def __init__(self):
        self.chunks = []
    def writable(self):
        return True
    def write(self, b):
        self.chunks.append(bytes(b))
        return len(b)
sink = Sink()
bw = io.BufferedWriter(sink, buffer_size=4)
bw.write(b"ab"); bw.write(b"cdef"); bw.write(b"g")
print(sink.chunks)
bw.flush()
print(sink.chunks)
attempt("base read", lambda: io.RawIOBase().read())
attempt("base fileno", lambda: io.IOBase().fileno())
attempt("base seek", lambda: io.IOBase().seek(0))
attempt("base write", lambda: io.BufferedIOBase().write(b""))
attempt("text base read", lambda: io.TextIOBase().read())
print(io.IOBase().readable(), io.IOBase().isatty(), io.TextIOBase().encoding)
attempt("base iter", lambda: list(io.IOBase()))
attempt("unsupported", lambda: issubclass(io.UnsupportedOperation, (OSError, ValueError)))
print(io.text_encoding(None), io.text_encoding("latin-1"))
print(io.DEFAULT_BUFFER_SIZE, io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)

# Chunk boundaries: a raw stream that gives one or two bytes per read.
class Trickle(io.RawIOBase):
    def __init__(self, data, step):
        self.data, self.step = data, step
    def readable(self):
        return True
    def readinto(self, b):
        n = min(len(b), self.step, len(self.data))
        b[:n] = self.data[:n]
        self.data = self.data[n:]
        return n
sample = "a\r\nb\rc\r\r\nd\n\u00e9\u20ac\U0001f600x\r".encode("utf-8")
for step in (1, 2, 3):
    for nl in (None, "", "\n", "\r", "\r\n"):
        t = io.TextIOWrapper(io.BufferedReader(Trickle(sample, step), 1), encoding="utf-8", newline=nl)
        t._CHUNK_SIZE = step
        lines = t.readlines()
        t = io.TextIOWrapper(io.BufferedReader(Trickle(sample, step), 1), encoding="utf-8", newline=nl)
        t._CHUNK_SIZE = step
        parts = []
        while True:
            piece = t.read(2)
            if not piece:
                break
            parts.append(piece)
        print(step, repr(nl), lines, parts, t.newlines)
# tell() after each line of a file in several encodings
for enc in ("utf-8", "latin-1", "utf-16", "utf-8-sig"):
    with open(path, "w", encoding=enc, newline="") as f:
        f.write("\u00e9t\u00e9\r\nhiver\nprintemps\n\u00e9")
    with open(path, encoding=enc) as f:
        marks = []
        while True:
            line = f.readline()
            if not line:
                break
            marks.append((line, f.tell()))
        print(enc, marks)
        f.seek(marks[0][1])
        print(repr(f.read()))
# byte order marks: appending, seeking back into the middle, rewriting the start
for enc in ("utf-16", "utf-32", "utf-8-sig", "utf-16-be"):
    with open(path, "w", encoding=enc) as f:
        f.write("one\n")
    with open(path, "a", encoding=enc) as f:
        f.write("two\n")
    with open(path, "r+", encoding=enc) as f:
        first = f.readline()
        where = f.tell()
        f.seek(0)
        f.seek(where)
        print(enc, repr(first), repr(f.read()))
        f.seek(0)
        f.write("ONE\n")
    print(enc, open(path, "rb").read())
