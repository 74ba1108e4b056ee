# io: open() in every mode (text and binary, buffering, encodings, newline translation, r+/w+/a/x, seek/tell, readline/iteration), StringIO/BytesIO, os fd functions.
import io, os, tempfile
d = "tmp_io_test"
os.makedirs(d, exist_ok=True)
p = os.path.join(d, "a.txt")
with open(p, "w") as f:
    print(repr(f)[:40], f.mode, f.name, f.encoding, f.closed, f.writable(), f.readable())
    f.write("line1\nline2\r\nline3\rline4")
    print(f.tell())
print(f.closed)
with open(p) as f:
    print(f.readlines())
with open(p, newline="") as f:
    print(list(f))
with open(p, "rb") as f:
    print(repr(f), f.mode, f.read())
with open(p, "rb") as f:
    print(f.read(3), f.tell(), f.readline(), f.peek()[:3], f.seek(0), f.read1(4), list(f))
with open(p, "r+") as f:
    print(f.read(5), f.tell())
    f.seek(0)
    f.write("LINE")
    f.seek(0)
    print(repr(f.read()))
with open(p, "a") as f:
    f.write("\nappended")
with open(p) as f:
    print(repr(f.read()))
    f.seek(0)
    print(repr(f.readline()), f.tell(), repr(f.read(3)), repr(f.readline(2)))
with open(p, "wb") as f:
    print(f.write(b"\x00\x01caf\xc3\xa9\n"), repr(f))
with open(p, "rb", buffering=0) as f:
    print(repr(f), f.read())
with open(p, encoding="utf-8") as f:
    print(repr(f.read()))
    print(repr(f.read()))
with open(p, "w+") as f:
    f.write("hello\nworld\n")
    f.seek(0)
    print(f.read(), f.tell())
try:
    open(p, "x")
except FileExistsError as e:
    print(type(e).__name__, e.errno)
with open(os.path.join(d, "new.txt"), "x") as f:
    f.write("x")
for bad in [lambda: open(p, "rw"), lambda: open(p, "rb", encoding="utf-8"), lambda: open(p, "z"), lambda: open(p, "r", buffering=0), lambda: open(p, newline="x"), lambda: open(d), lambda: open(os.path.join(d, "missing"))]:
    try:
        bad()
    except (ValueError, OSError) as e:
        print(type(e).__name__, e)
f = open(p)
f.close()
try:
    f.read()
except ValueError as e:
    print(e)
with open(p, "w") as f:
    try:
        f.read()
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation", e)
with open(p, "w", newline="\r\n") as f:
    f.write("a\nb\n")
with open(p, "rb") as f:
    print(f.read())
s = io.StringIO("abc\ndef\n")
print(s.readline(), s.read(), isinstance(s, io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase))
b = io.BytesIO(b"xyz")
print(b.read(2), b.getvalue())
fd = os.open(p, os.O_RDONLY)
print(os.read(fd, 3), os.lseek(fd, 0, 0), os.fstat(fd).st_size)
os.close(fd)
r, w = os.pipe()
os.write(w, b"pipe data")
os.close(w)
print(os.read(r, 100))
os.close(r)
with open(p, "w") as f:
    f.writelines(["x\n", "y\n"])
    print(f.fileno() > 2, f.isatty())
with open(p) as f:
    for i, line in enumerate(f):
        print(i, repr(line))
big = "".join(f"{i:05d} é\n" for i in range(3000))
with open(p, "w") as f:
    f.write(big)
with open(p) as f:
    lines = f.readlines()
print(len(lines), lines[-1], os.path.getsize(p))
with open(p) as f:
    print(f.read(10000) == big[:10000], f.tell())
for name in sorted(os.listdir(d)):
    os.remove(os.path.join(d, name))
os.rmdir(d)
print(io.SEEK_END, io.DEFAULT_BUFFER_SIZE)
