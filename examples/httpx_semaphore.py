# The talk's fourth example: 20 HTTP requests with httpx.AsyncClient, at most
# 3 at a time (a Semaphore) inside a TaskGroup.
# Run it with: towel examples/httpx_semaphore.py
#
# httpx is built into towel. So that the example runs offline, it first
# starts a small HTTP server of its own on 127.0.0.1, which answers
# /books/N with a little JSON after a short pause and counts how many
# requests it holds at once.
import asyncio
import json

import httpx

held = 0
most_held = 0
open_connections = 0


async def serve(reader, writer):
    """One connection: answer each request on it (keep-alive) in turn."""
    global held, most_held, open_connections
    open_connections += 1
    while True:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
        except asyncio.IncompleteReadError:
            break
        number = int(head.split(b" ")[1].rsplit(b"/", 1)[1])
        held += 1
        most_held = max(most_held, held)
        await asyncio.sleep(0.05)
        held -= 1
        body = json.dumps({"id": number, "title": f"Book {number}"}).encode()
        head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(body)}\r\n\r\n")
        writer.write(head.encode() + body)
        await writer.drain()
    writer.close()
    open_connections -= 1


async def fetch(client, limit, url):
    async with limit:
        response = await client.get(url)
        response.raise_for_status()
        return response.json()


async def main():
    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    limit = asyncio.Semaphore(3)
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(fetch(client, limit, f"/books/{n}"))
                     for n in range(20)]
    for task in tasks:
        book = task.result()
        print(f"{book['id']:2d}: {book['title']}")
    print(f"at most {most_held} requests were in flight at once")
    while open_connections:  # the server sees the client's connections close
        await asyncio.sleep(0.01)
    server.close()
    await server.wait_closed()


asyncio.run(main())
