# httpx against a small HTTP/1.1 server the script runs itself (asyncio
# streams on 127.0.0.1, so both interpreters serve alike): requests of each
# kind, keep-alive (one connection for many requests), redirects, status
# errors, timeouts, a refused connection, the talk's Semaphore(3) in a
# TaskGroup, and the blocking Client beside a server on another thread.
import asyncio
import gzip
import json
import threading

import httpx


class Server:
    """Answers by path: /echo (the request as JSON), /status/N, /redirect/N,
    /slow, /gzip, /chunked, /close, /held (counts requests in flight)."""

    def __init__(self):
        self.connections = 0
        self.in_flight = 0
        self.most_in_flight = 0

    async def start(self):
        self.server = await asyncio.start_server(self.serve, '127.0.0.1', 0)
        self.port = self.server.sockets[0].getsockname()[1]
        return f'http://127.0.0.1:{self.port}'

    async def serve(self, reader, writer):
        self.connections += 1
        try:
            while True:
                try:
                    head = await reader.readuntil(b'\r\n\r\n')
                except asyncio.IncompleteReadError:
                    break
                lines = head.decode('latin-1').split('\r\n')
                method, target, version = lines[0].split(' ')
                headers = [line.split(': ', 1) for line in lines[1:] if line]
                headers = [(k.lower(), v) for k, v in headers]
                length = int(dict(headers).get('content-length', 0))
                body = await reader.readexactly(length) if length else b''
                keep = await self.answer(writer, method, target, headers, body)
                await writer.drain()
                if not keep:
                    break
        finally:
            writer.close()

    async def answer(self, writer, method, target, headers, body):
        path = target.split('?')[0]
        parts = path.strip('/').split('/')

        def send(status, payload=b'', extra=()):
            lines = [f'HTTP/1.1 {status}', f'Content-Length: {len(payload)}', *extra]
            # A response to HEAD has the headers of a GET and no body.
            body = b'' if method == 'HEAD' else payload
            writer.write(('\r\n'.join(lines) + '\r\n\r\n').encode() + body)

        if parts[0] == 'status':
            code = int(parts[1])
            send(f'{code} {"Teapot" if code == 418 else "Whatever"}', b'status body')
        elif parts[0] == 'redirect':
            n = int(parts[1])
            where = '/echo' if n <= 1 else f'/redirect/{n - 1}'
            send('302 Found', extra=[f'Location: {where}'])
        elif parts[0] == 'slow':
            await asyncio.sleep(1.0)
            send('200 OK', b'late')
        elif parts[0] == 'gzip':
            send('200 OK', gzip.compress(b'squeezed ' * 10),
                 ['Content-Encoding: gzip', 'Content-Type: text/plain'])
        elif parts[0] == 'chunked':
            writer.write(b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n'
                         b'5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n')
        elif parts[0] == 'close':
            send('200 OK', b'bye', ['Connection: close'])
            return False
        elif parts[0] == 'held':
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
            await asyncio.sleep(0.05)
            self.in_flight -= 1
            send('200 OK', json.dumps({'n': int(parts[1])}).encode(),
                 ['Content-Type: application/json'])
        else:
            host = dict(headers).get('host')
            echo = {'method': method, 'target': target,
                    'host names the port': host == f'127.0.0.1:{self.port}',
                    'headers': [(k, v) for k, v in headers if k != 'host'],
                    'body': body.decode('latin-1')}
            send('200 OK', json.dumps(echo).encode(), ['Content-Type: application/json'])
        return True


def show(response):
    say(' ', response, response.status_code, response.reason_phrase, response.http_version)
    say('  url', response.url, 'headers', response.headers)


def shown_headers(echo):
    return [tuple(pair) for pair in echo['headers']]


PORT = None


def say(*parts):
    """say(), with the server's port (a different one each run) hidden."""
    print(' '.join(str(part) for part in parts).replace(f':{PORT}', ':PORT'))


async def requests_of_each_kind(base):
    say('requests of each kind')
    async with httpx.AsyncClient() as client:
        response = await client.get(base + '/echo', params={'a': 1, 'b': 'x y', 'c': [2, 3]})
        show(response)
        echo = response.json()
        say(' ', echo['method'], echo['target'], shown_headers(echo))
        say('  host header names the port:', echo['host names the port'])
        for call in (
            client.post(base + '/echo', json={'k': [1, 2], 'name': 'towel'}),
            client.post(base + '/echo', data={'k': 'v w', 'z': 1}),
            client.put(base + '/echo', content=b'raw bytes'),
            client.patch(base + '/echo', content='text'),
            client.delete(base + '/echo', headers={'X-Token': 'secret'}),
            client.request('OPTIONS', base + '/echo'),
        ):
            echo = (await call).json()
            say(' ', echo['method'], echo['target'], repr(echo['body']), shown_headers(echo))
        response = await client.head(base + '/echo')
        say('  head', response.status_code, repr(response.content))
        response = await client.get(base + '/gzip')
        say('  gzip', response.text, response.headers['content-encoding'])
        response = await client.get(base + '/chunked')
        say('  chunked', response.text, response.headers)
        chunks = [chunk async for chunk in response.aiter_bytes()]
        lines = [line async for line in response.aiter_lines()]
        say('  iterated', b''.join(chunks), lines)
        response = await client.get(base + '/close')
        say('  close', response.text)
        say('  elapsed', type(response.elapsed).__name__, response.elapsed.total_seconds() < 5)
        say('  request', response.request, response.request.headers['accept'])


async def status_and_redirects(base):
    say('status codes and redirects')
    async with httpx.AsyncClient(base_url=base) as client:
        for code in (200, 201, 404, 418, 500):
            response = await client.get(f'/status/{code}')
            say(' ', response, response.is_success, response.is_error,
                  response.is_client_error, response.is_server_error)
            try:
                response.raise_for_status()
                say('    raise_for_status passed')
            except httpx.HTTPStatusError as exc:
                say('    ', type(exc).__name__, str(exc).splitlines())
                say('    ', exc.request, exc.response)
        response = await client.get('/redirect/3')
        say(' ', response, response.is_redirect, response.headers['location'],
              response.next_request)
        response = await client.get('/redirect/3', follow_redirects=True)
        say(' ', response, response.url, response.history)
        say('  after redirects', response.json()['method'])
        client.max_redirects = 2
        try:
            await client.get('/redirect/5', follow_redirects=True)
        except httpx.TooManyRedirects as exc:
            say(' ', type(exc).__name__, exc)


async def failures(base):
    say('failures')
    async with httpx.AsyncClient(timeout=0.3) as client:
        try:
            await client.get(base + '/slow')
        except httpx.TimeoutException as exc:
            say(' ', type(exc).__name__, [c.__name__ for c in type(exc).__mro__[1:5]])
            say('  ', exc.request)
        response = await client.get(base + '/echo')
        say('  still serving', response.status_code)
        response = await client.get(base + '/slow', timeout=2.0)
        say('  a longer timeout for one request:', response.text)
    async with httpx.AsyncClient() as client:
        server = await asyncio.start_server(lambda r, w: None, '127.0.0.1', 0)
        port = server.sockets[0].getsockname()[1]
        server.close()
        await server.wait_closed()
        try:
            await client.get(f'http://127.0.0.1:{port}/')
        except httpx.ConnectError as exc:
            say(' ', repr(exc), [c.__name__ for c in type(exc).__mro__[1:6]])
        for url in ('ftp://example.com/', 'example.com/path'):
            try:
                await client.get(url)
            except httpx.UnsupportedProtocol as exc:
                say(' ', repr(exc))
    client = httpx.AsyncClient()
    await client.aclose()
    try:
        await client.get(base + '/echo')
    except RuntimeError as exc:
        say(' ', exc)


async def keep_alive_and_the_talk(server, base):
    say('keep-alive')
    before = server.connections
    async with httpx.AsyncClient() as client:
        for i in range(5):
            await client.get(base + f'/echo?i={i}')
        say('  5 requests used', server.connections - before, 'connection')

    say("the talk's example: 20 requests, at most 3 at a time")
    before = server.connections
    limit = asyncio.Semaphore(3)

    async def fetch(client, n):
        async with limit:
            response = await client.get(f'{base}/held/{n}')
            return response.json()['n']

    async with httpx.AsyncClient() as client:
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(fetch(client, n)) for n in range(20)]
    say(' ', [task.result() for task in tasks])
    say('  most in flight', server.most_in_flight,
          'connections', server.connections - before)


def blocking_client(base):
    say('the blocking client')
    with httpx.Client(base_url=base, headers={'X-App': 'towel'}) as client:
        response = client.get('/echo', params={'q': 'sync'})
        show(response)
        echo = response.json()
        say(' ', echo['target'], shown_headers(echo))
        say(' ', client.post('/echo', json=[1, 2, 3]).json()['body'])
    response = httpx.get(base + '/status/404')
    say(' ', response, response.text)
    response = httpx.post(base + '/echo', data={'one': 'off'})
    say(' ', response.json()['body'])
    say(' ', httpx.Timeout(5.0), httpx.Timeout(5.0, connect=1.0), httpx.Limits())
    say(' ', httpx.codes.NOT_FOUND, httpx.codes(418).name, httpx.URL(base + '/a?b=c').params)


async def main():
    global PORT
    server = Server()
    base = await server.start()
    PORT = server.port
    await requests_of_each_kind(base)
    await status_and_redirects(base)
    await failures(base)
    await keep_alive_and_the_talk(server, base)
    # The blocking client waits on this thread; the server goes on another.
    done = asyncio.Event()
    loop = asyncio.get_running_loop()

    def blocking():
        try:
            blocking_client(base)
        finally:
            loop.call_soon_threadsafe(done.set)

    threading.Thread(target=blocking).start()
    await done.wait()
    server.server.close()
    await server.server.wait_closed()


asyncio.run(main())
