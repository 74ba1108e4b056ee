# Protocols and transports: create_server/create_connection, callback order,
# extra info, flow control, BufferedProtocol, sock=, connect_accepted_socket.
import asyncio
import socket

log = []
# The client's connection_made is kept apart: whether it runs before or after
# the server's in the same loop iteration depends on the order in which the
# kernel reports the two sockets ready.
client_made = []


def dump():
    for entry in client_made + log:
        print(*entry)
    client_made.clear()
    log.clear()


class EchoServer(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        peer = transport.get_extra_info('peername')
        log.append(('server made', type(peer).__name__, peer[0]))
        sock = transport.get_extra_info('socket')
        log.append(('socket', type(sock).__name__, sock.family == socket.AF_INET))
        log.append(('missing', transport.get_extra_info('nothing', 'dflt')))

    def data_received(self, data):
        log.append(('server data', data))
        self.transport.write(data.upper())
        if data.endswith(b'!'):
            self.transport.writelines([b'a', b'b', b'c'])

    def eof_received(self):
        log.append(('server eof', self.transport.is_closing()))

    def connection_lost(self, exc):
        log.append(('server lost', exc))


class Client(asyncio.Protocol):
    def __init__(self, done):
        self.done = done

    def connection_made(self, transport):
        client_made.append(('client made', transport.is_closing(), transport.can_write_eof()))
        self.transport = transport

    def data_received(self, data):
        log.append(('client data', data))

    def eof_received(self):
        log.append(('client eof',))
        return False

    def connection_lost(self, exc):
        log.append(('client lost', exc))
        self.done.set_result(None)


async def basic():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(EchoServer, '127.0.0.1', 0)
    print('serving', server.is_serving(), len(server.sockets),
          type(server.sockets[0]).__name__)
    port = server.sockets[0].getsockname()[1]
    done = loop.create_future()
    transport, protocol = await loop.create_connection(lambda: Client(done), '127.0.0.1', port)
    print('connected', type(transport).__name__, isinstance(transport, asyncio.Transport),
          protocol.transport is transport, transport.get_protocol() is protocol)
    transport.write(b'hello')
    await asyncio.sleep(0.05)
    transport.write(b'bye!')
    await asyncio.sleep(0.05)
    transport.write_eof()
    await done
    print('closing after lost', transport.is_closing())
    server.close()
    await server.wait_closed()
    print('serving after close', server.is_serving(), server.sockets)
    dump()


class Quiet(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        transport.pause_reading()
        log.append(('reading', transport.is_reading()))


class Writer(asyncio.Protocol):
    def __init__(self):
        self.events = []

    def connection_made(self, transport):
        self.transport = transport

    def pause_writing(self):
        self.events.append('pause')

    def resume_writing(self):
        self.events.append('resume')

    def connection_lost(self, exc):
        self.events.append(('lost', exc))


async def flow_control():
    loop = asyncio.get_running_loop()
    servers = []

    def factory():
        p = Quiet()
        servers.append(p)
        return p

    server = await loop.create_server(factory, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    transport, writer = await loop.create_connection(Writer, '127.0.0.1', port)
    print('limits', transport.get_write_buffer_limits())
    transport.set_write_buffer_limits(high=1000)
    print('limits', transport.get_write_buffer_limits())
    try:
        transport.set_write_buffer_limits(high=1, low=2)
    except ValueError as e:
        print('ValueError', e)
    chunk = b'x' * 65536
    for _ in range(200):
        transport.write(chunk)
        if writer.events:
            break
    print('events', writer.events, transport.get_write_buffer_size() > 1000)
    await asyncio.sleep(0.01)
    servers[0].transport.resume_reading()
    received = 0
    while transport.get_write_buffer_size():
        await asyncio.sleep(0.01)
    print('events', writer.events, transport.get_write_buffer_size())
    print('server reading', servers[0].transport.is_reading())
    transport.close()
    print('closing', transport.is_closing())
    await asyncio.sleep(0.05)
    print('events', writer.events)
    server.close()
    await server.wait_closed()
    dump()


class Buffered(asyncio.BufferedProtocol):
    def __init__(self, done):
        self.buf = bytearray(4)
        self.got = []
        self.done = done

    def connection_made(self, transport):
        self.transport = transport

    def get_buffer(self, sizehint):
        return self.buf

    def buffer_updated(self, nbytes):
        self.got.append(bytes(self.buf[:nbytes]))

    def eof_received(self):
        self.got.append('eof')

    def connection_lost(self, exc):
        self.done.set_result(b''.join(x for x in self.got if x != 'eof'))


async def buffered():
    loop = asyncio.get_running_loop()

    async def handle(reader, writer):
        writer.write(b'0123456789')
        await writer.drain()
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    done = loop.create_future()
    transport, proto = await loop.create_connection(lambda: Buffered(done), '127.0.0.1', port)
    print('buffered', await done, proto.got[-1], all(len(x) <= 4 for x in proto.got[:-1]))
    server.close()
    await server.wait_closed()


async def with_sockets():
    loop = asyncio.get_running_loop()
    lsock = socket.socket()
    lsock.bind(('127.0.0.1', 0))
    server = await loop.create_server(EchoServer, sock=lsock)
    port = lsock.getsockname()[1]
    csock = socket.socket()
    csock.connect(('127.0.0.1', port))
    done = loop.create_future()
    transport, _ = await loop.create_connection(lambda: Client(done), sock=csock)
    transport.write(b'via sock')
    await asyncio.sleep(0.05)
    transport.close()
    await done
    server.close()
    await server.wait_closed()

    # connect_accepted_socket: a socket accepted by hand becomes a transport.
    listener = socket.socket()
    listener.bind(('127.0.0.1', 0))
    listener.listen()
    listener.setblocking(False)
    port = listener.getsockname()[1]
    client = socket.socket()
    client.setblocking(False)
    connecting = asyncio.ensure_future(loop.sock_connect(client, ('127.0.0.1', port)))
    accepted, _ = await loop.sock_accept(listener)
    await connecting
    transport, proto = await loop.connect_accepted_socket(EchoServer, accepted)
    await loop.sock_sendall(client, b'accepted')
    print('reply', await loop.sock_recv(client, 100))
    client.close()
    await asyncio.sleep(0.05)
    listener.close()
    dump()


async def errors():
    loop = asyncio.get_running_loop()
    for call in [
        lambda: loop.create_server(asyncio.Protocol),
        lambda: loop.create_server(asyncio.Protocol, '127.0.0.1', 0, sock=socket.socket()),
        lambda: loop.create_connection(asyncio.Protocol),
        lambda: loop.create_connection(asyncio.Protocol, '127.0.0.1', 1, server_hostname='x'),
        lambda: loop.create_server(asyncio.Protocol, '127.0.0.1', 0, ssl=True),
        lambda: loop.create_connection(asyncio.Protocol, sock=socket.socket(type=socket.SOCK_DGRAM)),
    ]:
        try:
            await call()
        except (ValueError, TypeError) as e:
            print(type(e).__name__, str(e).split(', got')[0])
    try:
        await loop.create_connection(asyncio.Protocol, '127.0.0.1', 1)
    except OSError as e:
        print(type(e).__name__, e)
    done = loop.create_future()
    server = await loop.create_server(EchoServer, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    transport, _ = await loop.create_connection(lambda: Client(done), '127.0.0.1', port)
    for bad in ['text', 12]:
        try:
            transport.write(bad)
        except TypeError as e:
            print('TypeError', e)
    transport.write_eof()
    try:
        transport.write(b'late')
    except RuntimeError as e:
        print('RuntimeError', e)
    transport.abort()
    await done
    await asyncio.sleep(0.05)
    server.close()
    dump()


asyncio.run(basic())
asyncio.run(flow_control())
asyncio.run(buffered())
asyncio.run(with_sockets())
asyncio.run(errors())
