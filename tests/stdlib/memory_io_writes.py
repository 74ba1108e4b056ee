# io.StringIO and io.BytesIO writes at the end, in the middle, past the end,
# after truncate, mixed with reads.
import io
s = io.StringIO("hello")
s.write("XY"); print(repr(s.getvalue()), s.tell())
s.seek(0, 2); s.write("!"); s.write("?"); print(repr(s.getvalue()), s.tell())
s.seek(10); s.write("z"); print(repr(s.getvalue()))
s.seek(3); print(repr(s.read(4)), repr(s.readline()))
s.truncate(4); print(repr(s.getvalue()), s.tell()); s.write("end"); print(repr(s.getvalue()))
b = io.BytesIO(b"ab"); b.seek(0, 2); b.write(b"cd"); b.write(b"ef"); print(b.getvalue(), bytes(b.getbuffer()), b.tell())
b.seek(1); b.write(b"ZZZZZZZZ"); print(b.getvalue()); b.seek(0); print(b.read(), b.readline())
t = io.StringIO(); t.write("a\nb\n"); t.write("c"); t.seek(0); print(t.readlines())
