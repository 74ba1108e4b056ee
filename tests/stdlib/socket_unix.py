# Unix-domain sockets: a path in a temporary folder, the abstract namespace,
# socketpair, datagrams, and descriptors passed between socket objects.
import os
import socket
import tempfile

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "sock")
    srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    srv.bind(path)
    srv.listen(1)
    print(srv.getsockname() == path, os.path.exists(path))
    c = socket.socket(socket.AF_UNIX)
    c.connect(path)
    conn, addr = srv.accept()
    print(repr(addr), c.getpeername() == path, repr(c.getsockname()))
    c.sendall(b"over unix")
    print(conn.recv(100))
    print(repr(conn.family), repr(conn.type))
    for s in (c, conn, srv):
        s.close()

name = b"\0towel-test-" + str(os.getpid()).encode()
srv = socket.socket(socket.AF_UNIX)
srv.bind(name)
srv.listen()
print(srv.getsockname() == name)
c = socket.socket(socket.AF_UNIX)
c.connect(name)
conn, _ = srv.accept()
conn.sendall(b"abstract")
print(c.recv(100))
for s in (c, conn, srv):
    s.close()

a, b = socket.socketpair()
print(repr(a.family), repr(a.type), repr(a.getsockname()), repr(b.getpeername()))
a.sendall(b"ping")
print(b.recv(4))
b.sendall(b"pong")
print(a.recv(4))
f = b.makefile("r", encoding="utf-8")
a.sendall("ligne é\nsecond\n".encode())
a.shutdown(socket.SHUT_WR)
print(f.readlines())
f.close()
a.close()
b.close()

x, y = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
x.send(b"one")
x.send(b"two")
print(y.recv(100), y.recvfrom(100))
x.close()
y.close()

fd_sock = socket.socket(socket.AF_UNIX)
dup = fd_sock.dup()
print(dup.family == fd_sock.family, dup.fileno() != fd_sock.fileno())
dup.close()
other = socket.fromfd(fd_sock.fileno(), socket.AF_UNIX, socket.SOCK_STREAM)
print(repr(other.family))
other.close()
fd_sock.close()

try:
    socket.socket(socket.AF_UNIX).connect("/nonexistent/towel/socket")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno)
try:
    socket.socket(socket.AF_UNIX).bind("x" * 200)
except OSError as e:
    print(type(e).__name__, e)
