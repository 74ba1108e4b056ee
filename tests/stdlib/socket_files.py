# socket's Python layer: makefile and SocketIO, the close protocol with file
# objects, dup/accept/fromfd, repr, sendfile, create_server and
# create_connection, byte order and the default timeout. Offline (loopback).
import io
import os
import pickle
import socket
import tempfile
import time


def attempt(label, call):
    try:
        result = call()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, "->", result)


def shape(sock):
    """A socket's repr without its descriptor and port numbers."""
    text = repr(sock)
    text = text.replace(f"fd={sock.fileno()}", "fd=N")
    for port in {a[1] for a in (safe(sock.getsockname), safe(sock.getpeername)) if isinstance(a, tuple)}:
        text = text.replace(str(port), "PORT")
    return text


def safe(call):
    try:
        return call()
    except OSError:
        return None


print("--- repr, dup, pickling")
srv = socket.create_server(("127.0.0.1", 0))
port = srv.getsockname()[1]
print(shape(srv))
print(srv.family, srv.type, repr(srv.family), repr(srv.type), srv.proto)
cli = socket.create_connection(("127.0.0.1", port))
conn, address = srv.accept()
print(type(conn).__name__, conn.gettimeout(), type(address).__name__, shape(conn) == shape(conn))
print("laddr" in repr(cli), "raddr" in repr(cli))
twin = cli.dup()
print(type(twin).__name__, twin.fileno() != cli.fileno(), twin.family, twin.type, twin.gettimeout())
twin.close()
print(repr(twin))
attempt("pickle", lambda: pickle.dumps(cli))
class Mine(socket.socket):
    pass
mine = Mine()
print(repr(mine).split(" fd=")[0], type(mine.dup()).__name__)
mine.close()
print(repr(mine))
with socket.socket() as ctx:
    pass
print(ctx.fileno(), ctx._closed)
attempt("dup closed", ctx.dup)
attempt("accept closed", ctx.accept)

print("--- makefile modes")
for mode in ("r", "w", "rw", "b", "rb", "wb", "rwb", "x", "rb+", "rt"):
    try:
        f = cli.makefile(mode)
    except ValueError as e:
        print(mode, "ValueError", e)
        continue
    raw = getattr(getattr(f, "buffer", f), "raw", None)
    print(mode, type(f).__name__, getattr(f, "mode", None), type(raw).__name__,
          getattr(raw, "mode", None))
    f.close()
attempt("text unbuffered", lambda: cli.makefile("r", buffering=0))
raw = cli.makefile("rwb", buffering=0)
print(type(raw).__name__, raw.mode, raw.name == cli.fileno(), raw.readable(), raw.writable(),
      raw.seekable(), raw.isatty(), raw.closed)
raw.close()

print("--- reading and writing through files")
wfile = cli.makefile("w", encoding="latin-1", newline="\r\n")
print(wfile.encoding, wfile.mode)
wfile.write("caf\xe9\nline two\n")
wfile.flush()
rfile = conn.makefile("rb")
print(rfile.readline(), rfile.read(10))
text = conn.makefile(encoding="utf-8", errors="replace", newline="")
print(text.encoding, text.errors, text.mode)
pair = cli.makefile("rwb")
print(type(pair).__name__, pair.readable(), pair.writable(), pair.seekable())
pair.write(b"via pair\n")
pair.flush()
print(rfile.readline())
conn.sendall(b"back\n")
print(pair.readline())
cli.sendall(b"\xff\xfe text\n")
print(repr(text.readline()))
for f in (wfile, rfile, text, pair):
    f.close()

print("--- SocketIO")
a, b = socket.socketpair()
r = socket.SocketIO(a, "r")
w = socket.SocketIO(b, "w")
print(r.mode, w.mode, r.readable(), r.writable(), w.readable(), w.writable())
print(w.write(b"hello\nworld\n"))
print(r.read(3), r.readline(), r.read(0))
buf = bytearray(4)
print(r.readinto(buf), buf)
attempt("write on reader", lambda: r.write(b"x"))
attempt("read on writer", lambda: w.read(1))
for name in ("tell", "seek", "truncate"):
    attempt(name, lambda: getattr(r, name)(*(() if name == "tell" else (0,))))
a.setblocking(False)
print(r.read(5), r.readinto(bytearray(2)), r.readall())
a.settimeout(0.01)
attempt("timed out", lambda: r.read(5))
attempt("after timeout", lambda: r.read(5))
a.settimeout(None)
b.sendall(b"one\ntwo\nrest")
b.shutdown(socket.SHUT_WR)
r2 = socket.SocketIO(a, "rb")
print(r2.readline(), list(r2))
print(r2.readall(), r2.read())
for m in ("x", "rw+", "bw"):
    attempt(f"mode {m!r}", lambda: socket.SocketIO(a, m))
print(socket.SocketIO(a, "rw").mode, socket.SocketIO(a, "wb").mode)
r2.close()
r2.close()
print(r2.closed, r2.name, r2.mode)
for name in ("fileno", "readable", "writable", "seekable", "isatty", "flush"):
    attempt(f"closed {name}", getattr(r2, name))
attempt("closed read", lambda: r2.read(1))
attempt("closed write", lambda: r2.write(b"x"))
with socket.SocketIO(a, "rwb") as x:
    print(x.closed)
print(x.closed)
a.close()
b.close()

print("--- closing with open file objects")
c, d = socket.socketpair()
f1 = c.makefile("rb")
f2 = c.makefile("wb")
print(c._io_refs)
c.close()
print(c.fileno() >= 0, c._closed, "[closed]" in repr(c))
f2.write(b"still works")
f2.flush()
print(d.recv(100))
f1.close()
print(c.fileno() >= 0)
f2.close()
print(c.fileno(), c._io_refs)
fd = d.detach()
print(d.fileno(), d._closed, fd >= 0)
os.close(fd)

print("--- sendfile")
with tempfile.TemporaryFile() as f:
    f.write(b"0123456789" * 1000)
    f.seek(0)
    print(cli.sendfile(f), f.tell())
    got = b""
    while len(got) < 10000:
        got += conn.recv(65536)
    print(len(got), got[:12])
    f.seek(123)
    print(cli.sendfile(f, 5, 10), f.tell(), conn.recv(100))
    print(cli.sendfile(f, 9995), f.tell(), conn.recv(100))
    f.seek(500)
    print(cli.sendfile(f, 0, 3), f.tell(), conn.recv(100))
    for args in ((0, 0), (0, -3), (0, "x"), (0, 1.5)):
        attempt(f"sendfile{args}", lambda: cli.sendfile(f, *args))
    attempt("text file", lambda: cli.sendfile(open(f.fileno(), "r", closefd=False)))
data = io.BytesIO(b"abcdefgh")
data.seek(2)
print(cli.sendfile(data), data.tell(), conn.recv(100))
print(cli.sendfile(io.BytesIO(b"abcdef"), 1, 3), conn.recv(100))
print(cli.sendfile(io.BytesIO(b"")), cli.sendfile(io.BytesIO(b"abc"), 3))
udp = socket.socket(type=socket.SOCK_DGRAM)
attempt("udp", lambda: udp.sendfile(io.BytesIO(b"x")))
udp.close()
cli.setblocking(False)
attempt("non-blocking", lambda: cli.sendfile(io.BytesIO(b"x")))
cli.setblocking(True)

print("--- accept and timeouts")
srv.settimeout(0.01)
attempt("accept timeout", srv.accept)
srv.setblocking(False)
attempt("accept non-blocking", srv.accept)
late = socket.create_connection(("127.0.0.1", port))
time.sleep(0.05)
accepted, _ = srv.accept()
print(accepted.gettimeout(), accepted.getblocking())
print(socket.getdefaulttimeout())
for value in (2, 2.5, 0, None, -1, "x", float("nan")):
    attempt(f"setdefaulttimeout({value!r})", lambda: (socket.setdefaulttimeout(value), socket.getdefaulttimeout())[1])
socket.setdefaulttimeout(1.5)
fresh = socket.socket()
p1, p2 = socket.socketpair()
srv.setblocking(True)
later = socket.create_connection(("127.0.0.1", port))
accepted2, _ = srv.accept()
print(fresh.gettimeout(), p1.gettimeout(), later.gettimeout(), accepted2.gettimeout())
print(socket.create_connection(("127.0.0.1", port), timeout=None).gettimeout())
print(socket.create_connection(("127.0.0.1", port), timeout=4).gettimeout())
socket.setdefaulttimeout(None)
for s in (fresh, p1, p2, later, accepted, accepted2, late):
    s.close()

print("--- create_server and create_connection")
for kw in (dict(reuse_port=True), dict(backlog=3), dict(dualstack_ipv6=True)):
    try:
        s = socket.create_server(("127.0.0.1", 0), **kw)
    except ValueError as e:
        print(kw, "ValueError", e)
        continue
    print(kw, s.family, s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0,
          s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT) != 0)
    s.close()
s6 = socket.create_server(("::1", 0), family=socket.AF_INET6)
print(s6.family, s6.getsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY))
s6.close()
print(socket.has_dualstack_ipv6())
try:
    socket.create_server(("127.0.0.1", port))
except OSError as e:
    print(type(e).__name__, e.errno, str(e).replace(str(port), "PORT"))
source = socket.create_connection(("127.0.0.1", port), source_address=("127.0.0.1", 0))
print(source.getsockname()[0])
source.close()
srv.close()
for kw in ({}, {"all_errors": True}):
    try:
        socket.create_connection(("127.0.0.1", port), **kw)
    except Exception as e:
        print(type(e).__name__, e, [type(x).__name__ for x in getattr(e, "exceptions", [])])
conn.close()
cli.close()

print("--- module functions")
x, y = socket.socketpair()
print(x.family, x.type, x.proto, y.gettimeout())
z = socket.fromfd(x.fileno(), socket.AF_UNIX, socket.SOCK_STREAM)
print(z.fileno() != x.fileno(), z.family, z.type)
print(socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)[0].type)
for s in (x, y, z):
    s.close()
print(socket.getfqdn("127.0.0.1"), socket.getfqdn(" 127.0.0.1 "))
print(socket.htons(258), socket.ntohs(258), socket.htonl(1), socket.ntohl(16777216), socket.htonl(2**32 - 1))
for bad in (-1, 2**16, "x", 1.5):
    attempt(f"htons({bad!r})", lambda: socket.htons(bad))
for bad in (-1, 2**32, "x"):
    attempt(f"htonl({bad!r})", lambda: socket.htonl(bad))
print(socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM)[0])
print(socket.getaddrinfo("127.0.0.1", None, proto=socket.IPPROTO_UDP)[0])
print(list(socket.SocketKind)[:3], list(socket.AddressFamily)[:3])
print(socket.SOCK_STREAM is socket.SocketKind.SOCK_STREAM, socket.AF_UNIX.name)
attempt("negative fd", lambda: socket.socket(fileno=-5))
attempt("str fd", lambda: socket.socket(1, 2, 3, "x"))
