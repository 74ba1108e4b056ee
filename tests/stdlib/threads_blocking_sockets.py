# A thread blocked on a socket (recv, accept, connect, sendall of more than
# the kernel buffers, select) lets the other threads run, as under CPython's
# global lock; timeouts and shutdown from another thread still work.
import select
import socket
import threading
import time

events = []
def note(what):
    events.append(what)

print('recv in a thread while the main thread works:')
a, b = socket.socketpair()
def reader():
    note('reader waits')
    note('reader got %r' % a.recv(10))
t = threading.Thread(target=reader)
t.start()
time.sleep(0.05)
note('main sends')
b.sendall(b'ping')
t.join()
print(' ', events)
events.clear()

print('accept and connect in threads:')
server = socket.socket()
server.bind(('127.0.0.1', 0))
server.listen()
def acceptor():
    conn, _ = server.accept()
    with conn:
        conn.sendall(conn.recv(100).upper())
t = threading.Thread(target=acceptor)
t.start()
with socket.create_connection(server.getsockname()) as c:
    c.sendall(b'hello')
    print(' ', c.recv(100))
t.join()

print('sendall of 4 MB to a reader thread:')
payload = bytes(range(256)) * (4 * 4096)
received = []
def drain():
    total = 0
    while True:
        chunk = a.recv(65536)
        if not chunk:
            break
        total += len(chunk)
    received.append(total)
t = threading.Thread(target=drain)
t.start()
b.sendall(payload)
b.shutdown(socket.SHUT_WR)
t.join()
print(' ', received == [len(payload)])

print('select in a thread:')
r, w = socket.socketpair()
seen = []
def selector():
    ready, _, _ = select.select([r], [], [], 5)
    seen.append([s is r for s in ready])
t = threading.Thread(target=selector)
t.start()
time.sleep(0.05)
seen.append('main ran')
w.send(b'x')
t.join()
print(' ', seen)

print('timeout in a thread:')
def timing_out():
    r.recv(1)  # the byte sent above
    r.settimeout(0.05)
    try:
        r.recv(1)
    except TimeoutError as e:
        note('TimeoutError: %s' % e)
t = threading.Thread(target=timing_out)
t.start()
t.join()
print(' ', events)
events.clear()

print('shutdown from another thread ends a blocked recv:')
r.settimeout(None)
def blocked():
    note('recv returned %r' % r.recv(10))
t = threading.Thread(target=blocked)
t.start()
time.sleep(0.05)
r.shutdown(socket.SHUT_RDWR)
t.join()
print(' ', events)

print('many client threads against one server thread:')
def serve(n):
    for _ in range(n):
        conn, _ = server.accept()
        with conn:
            conn.sendall(b'#' + conn.recv(10))
answers = []
def client(i):
    with socket.create_connection(server.getsockname()) as c:
        c.sendall(str(i).encode())
        answers.append(c.recv(10))
st = threading.Thread(target=serve, args=(8,))
st.start()
clients = [threading.Thread(target=client, args=(i,)) for i in range(8)]
for c in clients:
    c.start()
for c in clients:
    c.join()
st.join()
print(' ', sorted(answers))
for s in (a, b, r, w, server):
    s.close()
