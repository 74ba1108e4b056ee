# TCP and UDP on 127.0.0.1 with the blocking socket API: connect, accept,
# send/recv in the three timeout modes, makefile, shutdown, datagrams.
import socket

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
srv.bind(("127.0.0.1", 0))
srv.listen()
host, port = srv.getsockname()
print(host, type(port).__name__)
print(srv.family, repr(srv.family), repr(srv.type), srv.proto)
print(srv.gettimeout(), srv.getblocking(), srv.timeout)

c = socket.create_connection(("127.0.0.1", port), timeout=2)
print(c.gettimeout(), c.getblocking())
conn, addr = srv.accept()
print(addr[0], conn.getpeername() == c.getsockname(), c.getpeername() == (host, port))
print(conn.gettimeout())
c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
print(c.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))

c.sendall(b"hello")
print(conn.recv(10))
print(c.send(b"abc"), conn.recv(2), conn.recv(10))

conn.settimeout(0.05)
try:
    conn.recv(10)
except socket.timeout as e:
    print("timeout:", type(e).__name__, e.args, isinstance(e, OSError))
conn.setblocking(False)
print(conn.gettimeout())
try:
    conn.recv(10)
except BlockingIOError as e:
    print("would block:", e.errno == 11, type(e).__name__)
conn.setblocking(True)

buf = bytearray(8)
c.sendall(b"into")
print(conn.recv_into(buf), buf)
c.sendall(b"12345")
print(conn.recv_into(buf, 2), buf)
print(conn.recv(3))

c.sendall(b"peek")
print(conn.recv(4, socket.MSG_PEEK), conn.recv(4))

f = c.makefile("rb")
w = conn.makefile("w", encoding="utf-8")
w.write("line one\nline two\n")
w.flush()
print(f.readline(), f.readline())
w.close()
f.close()

c.shutdown(socket.SHUT_WR)
print(conn.recv(10), conn.recv(10))
conn.sendall(b"after shutdown")
print(c.recv(100))
c.close()
conn.close()
print("closed:", "[closed]" in repr(c), c.fileno())
try:
    c.recv(1)
except OSError as e:
    print(type(e).__name__, e)

with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as u, \
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as v:
    u.bind(("127.0.0.1", 0))
    print(repr(u.type))
    print(v.sendto(b"dgram", u.getsockname()))
    data, frm = u.recvfrom(100)
    print(data, frm == v.getsockname())
    v.sendto(b"flags", 0, u.getsockname())
    print(u.recv(100))
    v.connect(u.getsockname())
    v.send(b"connected")
    print(u.recvfrom(4)[0])
print(u._closed if hasattr(u, "_closed") else True)

s2 = socket.socket()
port2 = srv.getsockname()[1]
srv.close()
try:
    s2.connect(("127.0.0.1", port2))
except ConnectionRefusedError as e:
    print(type(e).__name__, e.errno, e)
s3 = socket.socket()
print(s3.connect_ex(("127.0.0.1", port2)) == 111)
s2.close()
s3.close()

server = socket.create_server(("127.0.0.1", 0))
print(server.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
client = socket.create_connection(server.getsockname())
peer, _ = server.accept()
client.sendall(b"x" * 100000)
client.shutdown(socket.SHUT_WR)
total = 0
while True:
    chunk = peer.recv(65536)
    if not chunk:
        break
    total += len(chunk)
print(total)
for s in (server, client, peer):
    s.close()
