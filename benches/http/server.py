# The benchmark's HTTP/1.1 server: answers every request with a small JSON
# body, keeping connections open, on an asyncio Protocol (the quickest
# server CPython has without packages). It prints its port, then serves
# until killed. Usage: python3 server.py
import asyncio

BODY = b'{"ok": true, "service": "bench"}'
RESPONSE = (b'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n'
            b'Content-Length: %d\r\n\r\n' % len(BODY)) + BODY


class Answer(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        self.pending = b''

    def data_received(self, data):
        # Requests carry no body here: each blank line ends one.
        self.pending += data
        count = self.pending.count(b'\r\n\r\n')
        if count:
            self.pending = self.pending[self.pending.rindex(b'\r\n\r\n') + 4:]
            self.transport.write(RESPONSE * count)


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Answer, '127.0.0.1', 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    await server.serve_forever()


asyncio.run(main())
