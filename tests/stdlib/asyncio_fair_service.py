# While one client floods the server, another is still served promptly:
# every connection gets a turn each loop iteration (one read per turn).
import asyncio
import time


async def main():
    async def handle(reader, writer):
        kind = await reader.readline()
        if kind == b'flood\n':
            total = 0
            while True:
                chunk = await reader.read(65536)
                if not chunk:
                    break
                total += len(chunk)
            writer.write(f'{total}\n'.encode())
        else:
            async for line in reader:
                writer.write(line)
                await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]

    stop = False

    async def flood():
        reader, writer = await asyncio.open_connection('127.0.0.1', port)
        writer.write(b'flood\n')
        sent = 0
        block = b'f' * 65536
        while not stop:
            writer.write(block)
            sent += len(block)
            await writer.drain()
        writer.write_eof()
        received = int(await reader.readline())
        writer.close()
        await writer.wait_closed()
        return sent == received

    flooder = asyncio.ensure_future(flood())
    await asyncio.sleep(0.1)
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(b'ping\n')
    times = []
    for i in range(50):
        start = time.perf_counter()
        writer.write(f'{i}\n'.encode())
        await writer.drain()
        reply = await reader.readline()
        assert reply == f'{i}\n'.encode(), reply
        times.append(time.perf_counter() - start)
    stop = True
    print('flood delivered intact', await flooder)
    median = sorted(times)[len(times) // 2]
    print('median round trip under 20 ms while flooded', median < 0.02)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
