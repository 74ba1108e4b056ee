# select.select, select.poll and selectors over socket pairs and pipes.
import os
import select
import selectors
import socket

a, b = socket.socketpair()
print(select.select([a], [b], [], 0) == ([], [b], []))
b.sendall(b"x")
r, w, x = select.select([a, b], [], [], 1)
print(r == [a], w, x)
print(a.recv(1))
print(select.select([], [], [], 0.01))

rfd, wfd = os.pipe()
print(select.select([rfd], [wfd], [], 0) == ([], [wfd], []))
os.write(wfd, b"data")
print(select.select([rfd], [], [], 0)[0] == [rfd])
os.close(wfd)
print(os.read(rfd, 10), select.select([rfd], [], [], 0)[0] == [rfd], os.read(rfd, 10))
os.close(rfd)

print(select.POLLIN, select.POLLPRI, select.POLLOUT, select.POLLERR, select.POLLHUP, select.POLLNVAL)
p = select.poll()
p.register(a, select.POLLIN)
p.register(b.fileno(), select.POLLOUT)
print(sorted(p.poll(0)) == [(b.fileno(), select.POLLOUT)])
b.sendall(b"yz")
print(sorted(p.poll(1000)) == sorted([(a.fileno(), select.POLLIN), (b.fileno(), select.POLLOUT)]))
p.modify(b, select.POLLIN)
print(p.poll(0) == [(a.fileno(), select.POLLIN)])
p.unregister(a)
print(p.poll(10))
try:
    p.unregister(a)
except KeyError as e:
    print("KeyError", e.args == (a.fileno(),))
print(a.recv(2))

for check in [
    lambda: select.select([], [], [], -1),
    lambda: select.select(["x"], [], []),
    lambda: select.select([-1], [], []),
    lambda: select.select([], [], [], "x"),
    lambda: select.select(),
    lambda: select.select(1, [], []),
]:
    try:
        check()
    except Exception as e:
        print(type(e).__name__, e)

sel = selectors.DefaultSelector()
print(isinstance(sel, selectors.BaseSelector), selectors.EVENT_READ, selectors.EVENT_WRITE)
key = sel.register(a, selectors.EVENT_READ, "reader")
print(key.fd == a.fileno(), key.events, key.data, key.fileobj is a)
print(sel.select(0))
b.sendall(b"!")
ready = sel.select(1)
print([(k.data, ev) for k, ev in ready])
print(a.recv(1))
sel.modify(a, selectors.EVENT_READ | selectors.EVENT_WRITE, "both")
print([(k.data, ev) for k, ev in sel.select(0)])
print(sel.get_key(a).data, len(sel.get_map()), list(sel.get_map()) == [a.fileno()])
for check in [
    lambda: sel.register(a, selectors.EVENT_READ),
    lambda: sel.register(b, 0),
    lambda: sel.unregister(b),
    lambda: sel.register("x", 1),
    lambda: sel.get_key(b),
    lambda: sel.register(-1, 1),
]:
    try:
        check()
    except (KeyError, ValueError) as e:
        print(type(e).__name__, str(e).replace(repr(a), "A").replace(repr(b), "B").replace(str(a.fileno()), "N"))
print(sel.unregister(a).data, len(sel.get_map()))
sel.close()
print(sel.get_map())

with selectors.SelectSelector() as s2:
    s2.register(b, selectors.EVENT_WRITE, 7)
    print([(k.data, ev) for k, ev in s2.select(0)])
a.close()
b.close()
