import io
from contextlib import redirect_stdout

s = io.StringIO()
s.write("hello\n")
print("world", file=s)
print(repr(s.getvalue()), s.tell())
s.seek(0)
print(repr(s.readline()), repr(s.read()), repr(s.read()))
r = io.StringIO("a\nb\nc")
print(list(r), r.readlines())
r.seek(2)
print(repr(r.read(2)), r.tell())
buf = io.StringIO()
with redirect_stdout(buf):
    print("captured", 1, 2)
    print("more")
print(repr(buf.getvalue()))
w = io.StringIO("abcdef")
w.seek(2)
w.write("XY")
print(w.getvalue(), w.truncate(3), w.getvalue())
b = io.BytesIO(b"xyz")
b.seek(0, 2)
b.write(b"!")
print(b.getvalue(), b.read(), io.SEEK_END)
try:
    io.StringIO().write(5)
except TypeError as e:
    print(e)
c = io.StringIO()
c.close()
try:
    c.write("x")
except ValueError as e:
    print(e)
with io.StringIO("line1\nline2\n") as f:
    for line in f:
        print(line.rstrip())
