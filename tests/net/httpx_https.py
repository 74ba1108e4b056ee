# https through httpx: a TLS server of the script's own (asyncio streams,
# ssl=), a client that trusts the test CA, one that checks nothing, and
# one that trusts only the default roots and so refuses the certificate;
# the blocking Client too. Certificates are made at test time
# (TOWEL_TEST_CERTS).
import asyncio
import os
import ssl
import threading

import httpx

CERTS = os.environ['TOWEL_TEST_CERTS']


def path(name):
    return os.path.join(CERTS, name)


async def handle(reader, writer):
    while True:
        try:
            head = await reader.readuntil(b'\r\n\r\n')
        except (asyncio.IncompleteReadError, ConnectionError):
            break
        target = head.split(b' ')[1]
        body = b'secret of ' + target
        writer.write(b'HTTP/1.1 200 OK\r\nContent-Length: '
                     + str(len(body)).encode() + b'\r\n\r\n' + body)
        await writer.drain()
    writer.close()


def trusting_ca():
    return ssl.create_default_context(cafile=path('ca.pem'))


async def main():
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(path('server.pem'), path('server.key'))
    server = await asyncio.start_server(handle, '127.0.0.1', 0, ssl=server_context)
    port = server.sockets[0].getsockname()[1]
    url = f'https://localhost:{port}'

    async with httpx.AsyncClient(verify=trusting_ca(), base_url=url) as client:
        for n in range(3):
            response = await client.get(f'/doc/{n}')
            print(response, response.http_version, response.text)
    async with httpx.AsyncClient(verify=False) as client:
        response = await client.get(f'https://127.0.0.1:{port}/unchecked')
        print('unchecked:', response.text)
    async with httpx.AsyncClient() as client:
        try:
            await client.get(url + '/refused')
        except httpx.ConnectError as exc:
            print(type(exc).__name__, exc)

    done = asyncio.Event()
    loop = asyncio.get_running_loop()

    def blocking():
        try:
            with httpx.Client(verify=trusting_ca()) as client:
                print('blocking:', client.get(url + '/sync').text)
        finally:
            loop.call_soon_threadsafe(done.set)

    threading.Thread(target=blocking).start()
    await done.wait()
    server.close()
    await server.wait_closed()


asyncio.run(main())
