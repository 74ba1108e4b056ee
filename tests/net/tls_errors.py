# TLS failures as CPython reports them: certificates rejected for each
# reason (with OpenSSL's reason codes and messages), the context's own
# checks, the checks of asyncio's ssl= arguments, and a server that goes
# on serving after a client gave up on it. Certificates are made at test
# time (TOWEL_TEST_CERTS).
import asyncio
import os
import ssl

CERTS = os.environ['TOWEL_TEST_CERTS']


def path(name):
    return os.path.join(CERTS, name)


def show(exc):
    print(' ', type(exc).__name__, exc.args)
    for attribute in ('library', 'reason', 'verify_code', 'verify_message'):
        if hasattr(exc, attribute):
            print('   ', attribute, getattr(exc, attribute))
    print('    is SSLError', isinstance(exc, ssl.SSLError),
          'is ValueError', isinstance(exc, ValueError))


def server_context(stem):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(path(stem + '.pem'), path(stem + '.key'))
    return context


async def serve(stem):
    async def handle(reader, writer):
        writer.write(b'welcome\n')
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, '127.0.0.1', 0, ssl=server_context(stem))
    return server, server.sockets[0].getsockname()[1]


async def attempt(label, port, context, server_hostname='localhost'):
    print(label)
    try:
        reader, writer = await asyncio.open_connection(
            '127.0.0.1', port, ssl=context, server_hostname=server_hostname)
    except Exception as exc:
        show(exc)
        return
    print('  connected:', await reader.readline())
    cert = writer.get_extra_info('peercert')
    print('  peercert', sorted(cert), cert.get('subject'))
    writer.close()
    await writer.wait_closed()


def trusting_ca():
    return ssl.create_default_context(cafile=path('ca.pem'))


async def main():
    server, port = await serve('server')
    lone, lone_port = await serve('self_signed')
    await attempt('built-in roots only', port, ssl.create_default_context())
    await attempt('self-signed', lone_port, ssl.create_default_context())
    await attempt('nothing trusted', port, ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT))
    await attempt('wrong name', port, trusting_ca(), 'example.com')
    await attempt('wrong address', port, trusting_ca(), '127.0.0.2')
    await attempt('right address', port, trusting_ca(), '127.0.0.1')
    unchecked = trusting_ca()
    unchecked.check_hostname = False
    await attempt('name not checked', port, unchecked, 'example.com')
    blind = ssl.create_default_context()
    blind.check_hostname = False
    blind.verify_mode = ssl.CERT_NONE
    await attempt('nothing checked', lone_port, blind)
    await attempt('server still serving', port, trusting_ca())
    server.close()
    lone.close()
    await server.wait_closed()
    await lone.wait_closed()

    print('asyncio argument checks')
    for call in (
        lambda: asyncio.open_connection('127.0.0.1', port, server_hostname='localhost'),
        lambda: asyncio.open_connection('127.0.0.1', port, ssl_handshake_timeout=1),
        lambda: asyncio.open_connection(ssl=True),
        lambda: asyncio.start_server(lambda r, w: None, '127.0.0.1', 0, ssl=True),
    ):
        try:
            await call()
        except Exception as exc:
            print(' ', type(exc).__name__, exc)


def context_checks():
    print('context checks')
    context = ssl.create_default_context()
    try:
        context.verify_mode = ssl.CERT_NONE
    except ValueError as exc:
        print(' ', exc)
    try:
        context.verify_mode = 7
    except ValueError as exc:
        print(' ', exc)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    context.check_hostname = True
    print('  check_hostname brings CERT_REQUIRED back:', context.verify_mode)
    print('  server defaults', ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER).verify_mode,
          ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER).check_hostname)
    for call in (
        lambda: context.load_verify_locations(),
        lambda: context.load_verify_locations(cafile=path('missing.pem')),
        lambda: context.load_verify_locations(cafile=path('server.key')),
        lambda: context.load_cert_chain(path('missing.pem')),
        lambda: context.load_cert_chain(path('server.pem')),
        lambda: context.load_cert_chain(path('server.key')),
        lambda: context.load_cert_chain(path('server.pem'), path('self_signed.key')),
        lambda: context.set_alpn_protocols(['']),
        lambda: ssl.SSLContext(99),
        lambda: ssl.SSLObject(),
    ):
        try:
            call()
            print('  no error')
        except Exception as exc:
            show(exc)
    context.load_cert_chain(path('server.pem'), path('server.key'))
    fresh = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    fresh.load_verify_locations(cafile=path('ca.pem'))
    print('  loaded; CA certificates:', [c['subject'] for c in fresh.get_ca_certs()])
    print('  str of SSLError', str(ssl.SSLError(1, 'text')), str(ssl.SSLError('text')))
    print('  CertificateError is', ssl.CertificateError.__name__)


context_checks()
asyncio.run(main())
