# Stream callback order as CPython's: a writer's wait_closed() wakes after
# connection_lost, start_server binds in CPython's iteration, a peer's reset
# raises ConnectionResetError from reads and drain(), EOF and half-close.
import asyncio
import socket
import struct

events = []


async def ticker(n):
    for i in range(n):
        events.append(f'tick {i}')
        await asyncio.sleep(0)


async def wait_closed_order():
    async def handle(reader, writer):
        data = await reader.read(100)
        events.append(f'server got {data!r}')
        writer.write(b'reply')
        writer.close()
        await writer.wait_closed()
        events.append('server closed')

    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(b'ping')
    data = await reader.read(100)
    events.append(f'client got {data!r}')
    writer.close()
    events.append(f'client closing {writer.is_closing()}')
    await writer.wait_closed()
    events.append('client closed')
    print('at eof', reader.at_eof(), await reader.read(), reader.at_eof())
    server.close()
    await server.wait_closed()
    print(*events, sep='\n')
    events.clear()


async def bind_timing():
    loop = asyncio.get_running_loop()
    probe = asyncio.ensure_future(ticker(5))
    events.append('start_server')
    server = await asyncio.start_server(lambda r, w: None, '127.0.0.1', 0)
    events.append('bound')
    server.close()
    await probe
    print(*events, sep='\n')
    events.clear()
    server = await asyncio.start_server(lambda r, w: w.close(), '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    events.clear()
    probe = asyncio.ensure_future(ticker(4))
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    events.append('connected')
    await probe
    writer.close()
    await writer.wait_closed()
    server.close()
    print(*events, sep='\n')
    events.clear()


async def reset():
    accepted = asyncio.get_running_loop().create_future()

    async def handle(reader, writer):
        accepted.set_result((reader, writer))

    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    sock = socket.create_connection(('127.0.0.1', port))
    reader, writer = await accepted
    # SO_LINGER with a zero timeout: close() sends RST instead of FIN.
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
    sock.close()
    try:
        data = await reader.read(100)
        print('read', data)
    except ConnectionResetError as e:
        print('read raised', type(e).__name__, e.errno)
    writer.write(b'after reset')
    try:
        await writer.drain()
        print('drain ok')
    except ConnectionResetError as e:
        print('drain raised', type(e).__name__, e)
    try:
        await reader.readline()
    except ConnectionResetError as e:
        print('readline raised', type(e).__name__)
    writer.close()
    try:
        await writer.wait_closed()
        print('wait_closed ok')
    except ConnectionResetError as e:
        print('wait_closed raised', type(e).__name__)
    server.close()
    await server.wait_closed()


async def half_close():
    async def handle(reader, writer):
        data = await reader.read()
        writer.write(b'got ' + str(len(data)).encode())
        await writer.drain()
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    print('can_write_eof', writer.can_write_eof())
    writer.writelines([b'a' * 1000, b'b' * 1000])
    writer.write_eof()
    print('reply', await reader.read())
    try:
        await reader.readexactly(1)
    except asyncio.IncompleteReadError as e:
        print('IncompleteReadError', e.partial, e.expected)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


async def big_transfer():
    # A reader that falls behind pauses the transport; drain() waits for the peer.
    got = asyncio.get_running_loop().create_future()

    async def handle(reader, writer):
        total = 0
        await asyncio.sleep(0.05)
        while True:
            chunk = await reader.read(65536)
            if not chunk:
                break
            total += len(chunk)
        got.set_result(total)
        writer.close()

    server = await asyncio.start_server(handle, '127.0.0.1', 0, limit=1024)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    for _ in range(64):
        writer.write(b'z' * 65536)
        await writer.drain()
    writer.write_eof()
    print('server read', await got)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


async def reprs():
    server = await asyncio.start_server(lambda r, w: None, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    print(repr(reader).split(' transport=')[0])
    print(repr(writer).startswith('<StreamWriter transport=<_SelectorSocketTransport fd='))
    print(asyncio.StreamReader(limit=10))
    try:
        asyncio.StreamReader(limit=0)
    except ValueError as e:
        print('ValueError', e)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(wait_closed_order())
asyncio.run(bind_timing())
asyncio.run(reset())
asyncio.run(half_close())
asyncio.run(big_transfer())
asyncio.run(reprs())
