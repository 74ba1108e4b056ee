# TLS under asyncio's protocols and transports: loop.create_server and
# loop.create_connection with ssl=, a server that asks for the client's
# certificate, the callbacks each side sees, and TLS over a Unix socket.
# Certificates are made at test time (TOWEL_TEST_CERTS).
import asyncio
import os
import ssl
import tempfile

CERTS = os.environ['TOWEL_TEST_CERTS']


def path(name):
    return os.path.join(CERTS, name)


class Recorder(asyncio.Protocol):
    def __init__(self, name, log, reply=None):
        self.name = name
        self.log = log
        self.reply = reply
        self.closed = asyncio.get_running_loop().create_future()

    def connection_made(self, transport):
        self.transport = transport
        cert = transport.get_extra_info('peercert')
        self.log.append((self.name, 'made', type(transport).__name__,
                         cert and cert['subject'], transport.get_extra_info('cipher')[1]))

    def data_received(self, data):
        self.log.append((self.name, 'data', data))
        if self.reply is not None:
            self.transport.write(self.reply(data))

    def eof_received(self):
        self.log.append((self.name, 'eof'))

    def connection_lost(self, exc):
        self.log.append((self.name, 'lost', exc))
        self.closed.set_result(None)


def server_context(ask_for_client=False):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(path('server.pem'), path('server.key'))
    if ask_for_client:
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(cafile=path('ca.pem'))
    return context


def client_context(with_certificate=False):
    context = ssl.create_default_context(cafile=path('ca.pem'))
    if with_certificate:
        context.load_cert_chain(path('client.pem'), path('client.key'))
    return context


async def protocols():
    print('protocols, with a client certificate')
    loop = asyncio.get_running_loop()
    log = []
    servers = []

    def make_server_protocol():
        protocol = Recorder('server', log, lambda data: data[::-1])
        servers.append(protocol)
        return protocol

    server = await loop.create_server(make_server_protocol, '127.0.0.1', 0,
                                      ssl=server_context(ask_for_client=True))
    port = server.sockets[0].getsockname()[1]
    transport, client = await loop.create_connection(
        lambda: Recorder('client', log), '127.0.0.1', port,
        ssl=client_context(with_certificate=True), server_hostname='localhost')
    print('  connected', transport.get_extra_info('ssl_object').server_hostname,
          transport.is_closing(), transport.can_write_eof())
    transport.write(b'hello')
    while len(log) < 4:
        await asyncio.sleep(0.01)
    transport.close()
    print('  closing', transport.is_closing())
    await client.closed
    await servers[0].closed
    for entry in sorted(log, key=lambda e: e[0]):
        print(' ', *entry)
    server.close()
    await server.wait_closed()


async def unix_streams():
    print('streams over a Unix socket')
    with tempfile.TemporaryDirectory() as folder:
        where = os.path.join(folder, 'tls.sock')

        async def handle(reader, writer):
            writer.write(await reader.readline())
            await writer.drain()
            writer.close()

        server = await asyncio.start_unix_server(handle, where, ssl=server_context())
        reader, writer = await asyncio.open_unix_connection(
            where, ssl=client_context(), server_hostname='localhost')
        writer.write(b'over unix\n')
        print(' ', await reader.readline())
        print('  then', await reader.read())
        writer.close()
        await writer.wait_closed()
        server.close()
        await server.wait_closed()
        try:
            await asyncio.open_unix_connection(where, ssl=client_context())
        except ValueError as exc:
            print(' ', exc)


async def main():
    await protocols()
    await unix_streams()


asyncio.run(main())
