"""Frameworks for network servers: a server class accepts requests (TCP
connections, UDP datagrams, on IP or Unix sockets) and hands each to a new
instance of a request-handler class, one at a time or on threads.

Written for towel from the documentation of CPython's socketserver.
"""

import os
import selectors
import socket
import sys
import threading
import time
from io import BufferedIOBase, BytesIO

__all__ = [
    'BaseServer', 'TCPServer', 'UDPServer', 'ThreadingUDPServer',
    'ThreadingTCPServer', 'BaseRequestHandler', 'StreamRequestHandler',
    'DatagramRequestHandler', 'ThreadingMixIn', 'ForkingUDPServer',
    'ForkingTCPServer', 'ForkingMixIn', 'UnixStreamServer',
    'UnixDatagramServer', 'ThreadingUnixStreamServer',
    'ThreadingUnixDatagramServer',
]


def _wait_readable(sock, timeout):
    """True once sock has a request waiting, False when timeout (seconds,
    None for ever) runs out first."""
    with selectors.DefaultSelector() as watcher:
        watcher.register(sock, selectors.EVENT_READ)
        return bool(watcher.select(timeout))


class BaseServer:
    """Base class for server classes: the request loop, without sockets.

    What a caller uses: serve_forever(), shutdown(), handle_request(),
    server_close(), fileno(), and the server as a context manager.
    What a subclass provides: get_request() (and usually server_bind(),
    server_activate(), close_request(), shutdown_request()).
    What it may override: verify_request(), process_request(),
    finish_request(), handle_error(), handle_timeout(), service_actions().
    """

    timeout = None

    def __init__(self, server_address, RequestHandlerClass):
        self.server_address = server_address
        self.RequestHandlerClass = RequestHandlerClass
        # Set while serve_forever should go on; serve_forever clears
        # _stopped when it has left its loop.
        self._keep_serving = False
        self._stopped = threading.Event()
        self._stopped.set()

    def server_activate(self):
        """Start accepting requests (nothing to do here)."""

    def serve_forever(self, poll_interval=0.5):
        """Handle requests until shutdown() is called, checking for it every
        poll_interval seconds; service_actions() runs after each check."""
        self._keep_serving = True
        self._stopped.clear()
        try:
            while self._keep_serving:
                if _wait_readable(self, poll_interval) and self._keep_serving:
                    self._handle_waiting_request()
                self.service_actions()
        finally:
            self._keep_serving = False
            self._stopped.set()

    def shutdown(self):
        """Stop serve_forever() and wait until it has stopped. Call it from
        another thread than serve_forever's, or it waits for ever."""
        self._keep_serving = False
        self._stopped.wait()

    def service_actions(self):
        """Called by serve_forever() once per turn of its loop."""

    def handle_request(self):
        """Wait for one request (up to the socket's or the server's timeout,
        the smaller) and handle it; handle_timeout() when none comes."""
        limits = [t for t in (self.socket.gettimeout(), self.timeout) if t is not None]
        deadline = time.monotonic() + min(limits) if limits else None
        while True:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            if _wait_readable(self, left):
                return self._handle_waiting_request()
            if deadline is not None and time.monotonic() >= deadline:
                return self.handle_timeout()

    def _handle_waiting_request(self):
        """Accept the request that is waiting and pass it on; errors of the
        handler go to handle_error(), as in a server loop they must."""
        try:
            request, client_address = self.get_request()
        except OSError:
            return
        if not self.verify_request(request, client_address):
            self.shutdown_request(request)
            return
        try:
            self.process_request(request, client_address)
        except Exception:
            self.handle_error(request, client_address)
            self.shutdown_request(request)
        except BaseException:
            self.shutdown_request(request)
            raise

    def handle_timeout(self):
        """Called when handle_request() waited timeout seconds in vain."""

    def verify_request(self, request, client_address):
        """Whether to handle this request (always: override to filter)."""
        return True

    def process_request(self, request, client_address):
        """Handle the request, then end it (the mix-ins do this on a thread)."""
        self.finish_request(request, client_address)
        self.shutdown_request(request)

    def server_close(self):
        """Release what the server holds."""

    def finish_request(self, request, client_address):
        """Let a new RequestHandlerClass instance handle the request."""
        self.RequestHandlerClass(request, client_address, self)

    def shutdown_request(self, request):
        """End one request's connection."""
        self.close_request(request)

    def close_request(self, request):
        """Release what one request holds."""

    def handle_error(self, request, client_address):
        """Report an exception of a handler on stderr; the server goes on."""
        import traceback
        rule = '-' * 40
        print(rule, file=sys.stderr)
        print('Exception occurred during processing of request from',
              client_address, file=sys.stderr)
        traceback.print_exc()
        print(rule, file=sys.stderr)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.server_close()


class TCPServer(BaseServer):
    """A server of TCP connections (also the base of the other socket
    servers: address_family and socket_type choose the socket)."""

    address_family = socket.AF_INET
    socket_type = socket.SOCK_STREAM
    request_queue_size = 5
    allow_reuse_address = False
    allow_reuse_port = False

    def __init__(self, server_address, RequestHandlerClass, bind_and_activate=True):
        super().__init__(server_address, RequestHandlerClass)
        self.socket = socket.socket(self.address_family, self.socket_type)
        if not bind_and_activate:
            return
        try:
            self.server_bind()
            self.server_activate()
        except BaseException:
            self.server_close()
            raise

    def server_bind(self):
        """Bind the socket to server_address (which then holds the address
        really bound: the port chosen for port 0)."""
        if self.allow_reuse_address and hasattr(socket, 'SO_REUSEADDR'):
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if self.allow_reuse_port and hasattr(socket, 'SO_REUSEPORT'):
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        self.socket.bind(self.server_address)
        self.server_address = self.socket.getsockname()

    def server_activate(self):
        self.socket.listen(self.request_queue_size)

    def server_close(self):
        self.socket.close()

    def fileno(self):
        """The socket's descriptor, so a server can be waited on by select."""
        return self.socket.fileno()

    def get_request(self):
        """Accept a connection: (socket, client address)."""
        return self.socket.accept()

    def shutdown_request(self, request):
        try:
            # Tell the client we are done writing before the socket closes.
            request.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        self.close_request(request)

    def close_request(self, request):
        request.close()


class UDPServer(TCPServer):
    """A server of UDP datagrams: each request is (data, socket)."""

    socket_type = socket.SOCK_DGRAM
    allow_reuse_address = False
    max_packet_size = 8192

    def server_activate(self):
        """Datagram sockets do not listen."""

    def get_request(self):
        data, client_address = self.socket.recvfrom(self.max_packet_size)
        return (data, self.socket), client_address

    def shutdown_request(self, request):
        self.close_request(request)

    def close_request(self, request):
        """The socket is the server's: nothing to close per datagram."""


if hasattr(socket, 'AF_UNIX'):

    class UnixStreamServer(TCPServer):
        """TCPServer's protocol on a Unix-domain stream socket."""
        address_family = socket.AF_UNIX

    class UnixDatagramServer(UDPServer):
        """UDPServer's protocol on a Unix-domain datagram socket."""
        address_family = socket.AF_UNIX


class ThreadingMixIn:
    """Mix-in that handles each request on a thread of its own.

    daemon_threads: whether those threads are daemons (the program may end
    while they run). block_on_close: whether server_close() waits for the
    threads that are still running.
    """

    daemon_threads = False
    block_on_close = True
    _handler_threads = None

    def _handle_on_thread(self, request, client_address):
        try:
            self.finish_request(request, client_address)
        except Exception:
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)

    def process_request(self, request, client_address):
        if self.block_on_close and self._handler_threads is None:
            self._handler_threads = []
        worker = threading.Thread(target=self._handle_on_thread,
                                  args=(request, client_address),
                                  daemon=self.daemon_threads)
        if self._handler_threads is not None and not worker.daemon:
            self._handler_threads = [t for t in self._handler_threads if t.is_alive()]
            self._handler_threads.append(worker)
        worker.start()

    def server_close(self):
        super().server_close()
        running, self._handler_threads = self._handler_threads or [], None
        for worker in running:
            worker.join()


class ForkingMixIn:
    """Mix-in that would handle each request in a child process made by
    os.fork(), which towel does not have (it starts processes by spawning
    them): using it raises NotImplementedError."""

    timeout = 300
    active_children = None
    max_children = 40
    block_on_close = True

    def process_request(self, request, client_address):
        raise NotImplementedError(
            'socketserver.ForkingMixIn needs os.fork(), which towel does not '
            'provide; use ThreadingMixIn or multiprocessing instead')

    def collect_children(self, *, blocking=False):
        """No children are ever made (see the class docstring)."""

    def handle_timeout(self):
        self.collect_children()

    def service_actions(self):
        self.collect_children()


class ForkingUDPServer(ForkingMixIn, UDPServer):
    pass


class ForkingTCPServer(ForkingMixIn, TCPServer):
    pass


class ThreadingUDPServer(ThreadingMixIn, UDPServer):
    pass


class ThreadingTCPServer(ThreadingMixIn, TCPServer):
    pass


if hasattr(socket, 'AF_UNIX'):

    class ThreadingUnixStreamServer(ThreadingMixIn, UnixStreamServer):
        pass

    class ThreadingUnixDatagramServer(ThreadingMixIn, UnixDatagramServer):
        pass


class BaseRequestHandler:
    """Handles one request: made by the server with (request,
    client_address, server), it calls setup(), handle() and finish()
    (finish() even when handle() raises). Override handle()."""

    def __init__(self, request, client_address, server):
        self.request = request
        self.client_address = client_address
        self.server = server
        self.setup()
        try:
            self.handle()
        finally:
            self.finish()

    def setup(self):
        pass

    def handle(self):
        pass

    def finish(self):
        pass


class _UnbufferedSocketWriter(BufferedIOBase):
    """A binary file over a socket whose write() sends everything at once:
    the wfile of a StreamRequestHandler with wbufsize 0."""

    def __init__(self, sock):
        self._sock = sock

    def writable(self):
        return True

    def write(self, data):
        self._sock.sendall(data)
        with memoryview(data) as view:
            return view.nbytes

    def fileno(self):
        return self._sock.fileno()


# The name CPython's objects show in their type (type(handler.wfile)).
_UnbufferedSocketWriter.__name__ = '_SocketWriter'
_UnbufferedSocketWriter.__qualname__ = '_SocketWriter'


class StreamRequestHandler(BaseRequestHandler):
    """A handler of a stream connection, read through self.rfile and
    written through self.wfile (binary files over the connection).

    rbufsize/wbufsize choose their buffering (wbufsize 0: every write is
    sent at once); timeout, when set, applies to the connection;
    disable_nagle_algorithm sets TCP_NODELAY.
    """

    rbufsize = -1
    wbufsize = 0
    timeout = None
    disable_nagle_algorithm = False

    def setup(self):
        self.connection = self.request
        if self.timeout is not None:
            self.connection.settimeout(self.timeout)
        if self.disable_nagle_algorithm:
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, True)
        self.rfile = self.connection.makefile('rb', self.rbufsize)
        if self.wbufsize == 0:
            self.wfile = _UnbufferedSocketWriter(self.connection)
        else:
            self.wfile = self.connection.makefile('wb', self.wbufsize)

    def finish(self):
        if not self.wfile.closed:
            try:
                self.wfile.flush()
            except OSError:
                # The peer has gone: nothing more can be sent.
                pass
        self.wfile.close()
        self.rfile.close()


class DatagramRequestHandler(BaseRequestHandler):
    """A handler of one datagram: self.rfile reads the packet, and what is
    written to self.wfile is sent back to the client as one datagram."""

    def setup(self):
        self.packet, self.socket = self.request
        self.rfile = BytesIO(self.packet)
        self.wfile = BytesIO()

    def finish(self):
        self.socket.sendto(self.wfile.getvalue(), self.client_address)
