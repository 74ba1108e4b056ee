# The socket module's functions, constants and errors, offline.
import socket

print(socket.AF_INET, socket.AF_INET6, socket.AF_UNIX, socket.SOCK_STREAM, socket.SOCK_DGRAM)
print(repr(socket.AF_INET), repr(socket.SOCK_DGRAM), socket.AddressFamily.AF_UNIX.name)
print(socket.SOL_SOCKET, socket.SO_REUSEADDR, socket.IPPROTO_TCP, socket.TCP_NODELAY)
print(socket.SHUT_RD, socket.SHUT_WR, socket.SHUT_RDWR, socket.MSG_PEEK)
print(socket.timeout is TimeoutError, socket.error is OSError)
print(socket.gaierror.__mro__, socket.herror.__mro__[1])
print(socket.socket is socket.SocketType)

print(socket.inet_aton("127.0.0.1"), socket.inet_aton("127.1"), socket.inet_aton("0x7f.1"))
print(socket.inet_ntoa(b"\x0a\x00\x00\x01"))
print(socket.inet_pton(socket.AF_INET6, "::1"), socket.inet_ntop(socket.AF_INET6, b"\x00" * 15 + b"\x01"))
print(socket.inet_pton(socket.AF_INET, "1.2.3.4"), socket.inet_ntop(socket.AF_INET, b"\x01\x02\x03\x04"))
print(socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.ntohl(16777216))
print(type(socket.gethostname()).__name__)

for info in socket.getaddrinfo("127.0.0.1", 8080, type=socket.SOCK_STREAM):
    print(info)
for info in socket.getaddrinfo("::1", "53", socket.AF_INET6, socket.SOCK_DGRAM):
    print(info)
print(socket.getaddrinfo(None, 0, socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_PASSIVE))
print(socket.getnameinfo(("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
print(socket.gethostbyname("127.0.0.1"))

print(socket.getdefaulttimeout())
socket.setdefaulttimeout(3)
with socket.socket() as s:
    print(s.gettimeout())
socket.setdefaulttimeout(None)

s = socket.socket()
checks = [
    lambda: s.recv(),
    lambda: s.recv(1, 2, 3),
    lambda: s.bind(),
    lambda: s.settimeout(),
    lambda: s.send(),
    lambda: s.setsockopt(1),
    lambda: s.connect_ex(),
    lambda: s.sendto(b"x"),
    lambda: s.listen(1, 2),
    lambda: s.recv(-1),
    lambda: s.settimeout(-1),
    lambda: s.settimeout("x"),
    lambda: s.bind(("x",)),
    lambda: s.bind("x"),
    lambda: s.bind(("127.0.0.1", 70000)),
    lambda: s.bind(("127.0.0.1", -1)),
    lambda: s.bind((1, 2)),
    lambda: s.recv(1, flags=2),
    lambda: s.sendall("x"),
    lambda: s.getpeername(),
    lambda: socket.inet_aton("x"),
    lambda: socket.inet_aton("1.2.3.4.5"),
    lambda: socket.inet_ntoa(b"x"),
    lambda: socket.inet_pton(socket.AF_INET, "::1"),
    lambda: socket.getaddrinfo("not a host", 80, flags=socket.AI_NUMERICHOST),
    lambda: socket.htons(-1),
    lambda: socket.htons(70000),
    lambda: socket.setdefaulttimeout(-1),
]
for check in checks:
    try:
        check()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)
s.close()
try:
    s.recv(1)
except OSError as e:
    print(type(e).__name__, e.errno, e)
s.close()
print(s.fileno(), s.detach())

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK)
print(s.gettimeout(), repr(s.type))
fd = s.detach()
again = socket.socket(fileno=fd)
print(again.family, again.type, again.gettimeout())
again.close()
