# A TLS echo server and client through asyncio streams on 127.0.0.1, with
# certificates made at test time (the runner, tests/net.rs, names their
# folder in TOWEL_TEST_CERTS): what each side learns of the session, lines
# and a large payload both ways, close_notify at the end.
import asyncio
import os
import ssl

CERTS = os.environ['TOWEL_TEST_CERTS']


def path(name):
    return os.path.join(CERTS, name)


async def main():
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(path('server.pem'), path('server.key'))
    server_context.set_alpn_protocols(['echo/1', 'http/1.1'])
    seen = []

    async def handle(reader, writer):
        session = writer.get_extra_info('ssl_object')
        seen.append(('server side', session.server_side, session.server_hostname))
        seen.append(('server alpn', session.selected_alpn_protocol(), session.version()))
        seen.append(('client certificate', writer.get_extra_info('peercert')))
        seen.append(('cipher', writer.get_extra_info('cipher')))
        while (line := await reader.readline()) != b'end\n':
            writer.write(line.upper())
            await writer.drain()
        big = await reader.read()
        seen.append(('end of input', len(big)))
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(handle, '127.0.0.1', 0, ssl=server_context)
    port = server.sockets[0].getsockname()[1]

    client_context = ssl.create_default_context(cafile=path('ca.pem'))
    client_context.set_alpn_protocols(['echo/1'])
    print('context', client_context.verify_mode, client_context.check_hostname,
          client_context.protocol)
    reader, writer = await asyncio.open_connection(
        '127.0.0.1', port, ssl=client_context, server_hostname='localhost')
    session = writer.get_extra_info('ssl_object')
    print('client', type(session).__name__, session.server_side, session.server_hostname)
    print('alpn', session.selected_alpn_protocol(), 'version', session.version())
    print('same cipher', session.cipher() == writer.get_extra_info('cipher'))
    print('context kept', session.context is client_context,
          writer.get_extra_info('sslcontext') is client_context)
    cert = writer.get_extra_info('peercert')
    print('certificate keys', sorted(cert))
    print('subject', cert['subject'])
    print('issuer', cert['issuer'])
    print('version', cert['version'], 'names', cert['subjectAltName'])
    der = session.getpeercert(binary_form=True)
    print('der', type(der).__name__, der == ssl.PEM_cert_to_DER_cert(ssl.DER_cert_to_PEM_cert(der)))
    print('transport', type(writer.transport).__name__, writer.can_write_eof())
    print('socket', writer.get_extra_info('peername') == ('127.0.0.1', port))

    for line in [b'hello\n', b'tls world\n']:
        writer.write(line)
        await writer.drain()
        print('echo', await reader.readline())
    many = ''.join(f'line {i}\n' for i in range(2000)).encode()
    writer.write(many)
    await writer.drain()
    back = await reader.readexactly(len(many))
    print('many lines', back == many.upper())
    writer.write(b'end\n' + b'x' * 300_000)
    writer.close()
    await writer.wait_closed()
    await asyncio.sleep(0.1)
    server.close()
    await server.wait_closed()
    for item in seen:
        print(*item)


asyncio.run(main())
