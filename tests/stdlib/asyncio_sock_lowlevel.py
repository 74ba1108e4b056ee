# The loop's lower layer: readers and writers on descriptors, the sock_*
# coroutines on non-blocking sockets, the resolver and signal handlers.
import asyncio
import os
import signal
import socket


async def readers():
    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    a.setblocking(False)
    got = loop.create_future()

    def on_readable(tag):
        data = a.recv(100)
        print("reader", tag, data)
        if not got.done():
            got.set_result(data)

    loop.add_reader(a, on_readable, "A")
    print(loop.remove_writer(a))
    b.sendall(b"first")
    print(await got)
    print(loop.remove_reader(a), loop.remove_reader(a))

    writes = []
    loop.add_writer(b.fileno(), lambda: writes.append(1) or loop.remove_writer(b.fileno()))
    await asyncio.sleep(0.01)
    print("writer called", writes)
    a.close()
    b.close()


async def sockets():
    loop = asyncio.get_running_loop()
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen()
    srv.setblocking(False)
    client = socket.socket()
    client.setblocking(False)

    async def serve():
        conn, addr = await loop.sock_accept(srv)
        print("accepted", conn.getblocking(), addr[0])
        data = await loop.sock_recv(conn, 100)
        await loop.sock_sendall(conn, data.upper() * 20000)
        conn.close()

    server = asyncio.create_task(serve())
    await loop.sock_connect(client, srv.getsockname())
    await loop.sock_sendall(client, b"hello")
    total = b""
    while True:
        chunk = await loop.sock_recv(client, 65536)
        if not chunk:
            break
        total += chunk
    print(len(total), total[:10])
    await server
    buf = bytearray(4)
    a, b = socket.socketpair()
    a.setblocking(False)
    b.sendall(b"into")
    print(await loop.sock_recv_into(a, buf), buf)
    for s in (a, b, client, srv):
        s.close()

    c2 = socket.socket()
    c2.setblocking(False)
    port = srv.getsockname()[1] if False else 1
    try:
        await loop.sock_connect(c2, ("127.0.0.1", port))
    except ConnectionRefusedError as e:
        print(type(e).__name__, e)
    c2.close()

    infos = await loop.getaddrinfo("127.0.0.1", 80, type=socket.SOCK_STREAM)
    print(infos)
    print(await loop.getnameinfo(("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))


async def signals():
    loop = asyncio.get_running_loop()
    got = loop.create_future()
    loop.add_signal_handler(signal.SIGUSR1, lambda tag: got.set_result(tag), "usr1")
    os.kill(os.getpid(), signal.SIGUSR1)
    print("signal:", await got)
    print(loop.remove_signal_handler(signal.SIGUSR1), loop.remove_signal_handler(signal.SIGUSR1))
    print(signal.getsignal(signal.SIGUSR1))
    for bad in (lambda: loop.add_signal_handler(signal.SIGUSR1, signals),
                lambda: loop.add_signal_handler("x", print),
                lambda: loop.add_signal_handler(0, print),
                lambda: loop.add_signal_handler(signal.SIGKILL, print)):
        try:
            bad()
        except (TypeError, ValueError, RuntimeError) as e:
            print(type(e).__name__, e)


asyncio.run(readers())
asyncio.run(sockets())
asyncio.run(signals())
