# Datagram endpoints (UDP, Unix datagrams) and Unix stream servers and
# connections, through protocols and streams.
import asyncio
import os
import socket
import tempfile

log = []


class EchoUDP(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        self.transport = transport
        log.append(('udp server made', transport.get_extra_info('peername')))

    def datagram_received(self, data, addr):
        log.append(('udp server got', data[:10], addr[0]))
        self.transport.sendto(data[::-1], addr)

    def connection_lost(self, exc):
        log.append(('udp server lost', exc))


class ClientUDP(asyncio.DatagramProtocol):
    def __init__(self):
        self.replies = asyncio.Queue()

    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        self.replies.put_nowait(data)

    def error_received(self, exc):
        log.append(('client error', type(exc).__name__))

    def connection_lost(self, exc):
        log.append(('udp client lost', exc))


async def udp():
    loop = asyncio.get_running_loop()
    transport, server = await loop.create_datagram_endpoint(
        EchoUDP, local_addr=('127.0.0.1', 0))
    addr = transport.get_extra_info('sockname')
    print('server', type(transport).__name__, isinstance(transport, asyncio.DatagramTransport))
    ctransport, client = await loop.create_datagram_endpoint(
        ClientUDP, remote_addr=addr)
    print('client peer is server', ctransport.get_extra_info('peername') == addr)
    for word in [b'abc', b'hello', b'x' * 1000]:
        ctransport.sendto(word)
        print('reply', (await client.replies.get())[:10])
    try:
        ctransport.sendto(b'x', ('127.0.0.1', 9))
    except ValueError as e:
        print('ValueError', str(e).split(' or ')[0])
    try:
        ctransport.sendto('text')
    except TypeError as e:
        print('TypeError', e)
    # An unconnected client names the address each time.
    utransport, uclient = await loop.create_datagram_endpoint(
        ClientUDP, local_addr=('127.0.0.1', 0))
    utransport.sendto(b'free', addr)
    print('reply', await uclient.replies.get())
    print('buffer', utransport.get_write_buffer_size())
    utransport.close()
    ctransport.close()
    transport.close()
    await asyncio.sleep(0.01)
    # Sending to a closed port: the connected socket reports the ICMP error.
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(('127.0.0.1', 0))
    dead = s.getsockname()
    s.close()
    dtransport, dclient = await loop.create_datagram_endpoint(ClientUDP, remote_addr=dead)
    dtransport.sendto(b'anyone?')
    await asyncio.sleep(0.05)
    dtransport.sendto(b'anyone?')
    await asyncio.sleep(0.05)
    dtransport.close()
    await asyncio.sleep(0.01)
    for entry in log:
        print(*entry)
    log.clear()
    for kwargs in [dict(), dict(sock=socket.socket(), local_addr=('127.0.0.1', 0)),
                   dict(local_addr='nope'), dict(family=socket.AF_UNIX, local_addr=('127.0.0.1', 0))]:
        try:
            await loop.create_datagram_endpoint(ClientUDP, **kwargs)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, str(e).split(', got')[0])
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        await loop.create_datagram_endpoint(ClientUDP, sock=sock, local_addr=('127.0.0.1', 0))
    except ValueError as e:
        print('ValueError', e)
    sock.close()


async def unix_streams(path):
    async def handle(reader, writer):
        line = await reader.readline()
        print('server peername', repr(writer.get_extra_info('peername')))
        writer.write(b'echo ' + line)
        await writer.drain()
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_unix_server(handle, path)
    print('sockets', len(server.sockets), server.sockets[0].family == socket.AF_UNIX)
    reader, writer = await asyncio.open_unix_connection(path)
    print('client sockname', repr(writer.get_extra_info('sockname')))
    writer.write(b'over unix\n')
    print(await reader.read())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    print('socket file left', os.path.exists(path))

    loop = asyncio.get_running_loop()

    class Proto(asyncio.Protocol):
        def connection_made(self, transport):
            transport.write(b'protocol over unix')
            transport.close()

    server = await loop.create_unix_server(Proto, path)
    # A second server on the same path replaces the socket file.
    second = await loop.create_unix_server(Proto, path)
    second.close()
    server.close()
    server = await loop.create_unix_server(Proto, path)
    sock = socket.socket(socket.AF_UNIX)
    sock.connect(path)
    reader, writer = await asyncio.open_unix_connection(sock=sock)
    print(await reader.read())
    writer.close()
    server.close()
    for kwargs in [dict(), dict(path=path, sock=socket.socket(socket.AF_UNIX))]:
        try:
            await loop.create_unix_connection(asyncio.Protocol, **kwargs)
        except ValueError as e:
            print('ValueError', e)
    try:
        await loop.create_unix_connection(asyncio.Protocol, sock=socket.socket())
    except ValueError as e:
        print('ValueError', str(e).split(', got')[0])
    try:
        await loop.create_unix_connection(asyncio.Protocol, path + '.missing')
    except FileNotFoundError as e:
        print('FileNotFoundError', e.errno)


async def unix_datagram(directory):
    loop = asyncio.get_running_loop()
    spath = os.path.join(directory, 'dgram-server')
    cpath = os.path.join(directory, 'dgram-client')
    transport, server = await loop.create_datagram_endpoint(
        EchoUDP, local_addr=spath, family=socket.AF_UNIX)
    ctransport, client = await loop.create_datagram_endpoint(
        ClientUDP, local_addr=cpath, remote_addr=spath, family=socket.AF_UNIX)
    ctransport.sendto(b'unix datagram')
    print('reply', await client.replies.get())
    ctransport.close()
    transport.close()
    await asyncio.sleep(0.01)
    log.clear()


with tempfile.TemporaryDirectory() as d:
    asyncio.run(udp())
    asyncio.run(unix_streams(os.path.join(d, 'sock')))
    asyncio.run(unix_datagram(d))
