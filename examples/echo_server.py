# An echo server and three clients on the loopback interface.
# Run it with: towel examples/echo_server.py
#
# start_server listens on 127.0.0.1 (port 0: the OS picks a free one) and runs
# handle() for each connection; each client sends a few lines, reads the
# echoes back, and closes. Everything is bounded: three clients, three lines.
import asyncio


async def handle(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port, name):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    replies = []
    for i in range(3):
        writer.write(f"{name} says hello {i}\n".encode())
        await writer.drain()
        replies.append((await reader.readline()).decode().strip())
    writer.close()
    await writer.wait_closed()
    return replies


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        results = await asyncio.gather(*(client(port, name) for name in ("ann", "bob", "cy")))
    for replies in results:
        print(replies)
    print("server serving after close:", server.is_serving())


asyncio.run(main())
