# socketserver: TCP and UDP servers with stream and datagram handlers,
# threaded and one request at a time, errors reported by handle_error,
# handle_request with a timeout, and Unix-domain stream servers.
import io
import os
import socket
import socketserver
import sys
import tempfile
import threading


class Upper(socketserver.StreamRequestHandler):
    def handle(self):
        for line in self.rfile:
            if line.startswith(b'boom'):
                raise ValueError('bad line ' + line.decode().strip())
            if line == b'quit\n':
                break
            self.wfile.write(line.upper())


class Echo(socketserver.DatagramRequestHandler):
    def handle(self):
        data = self.rfile.read()
        self.wfile.write(b'got ' + data)


class Quiet(socketserver.ThreadingTCPServer):
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        print('handle_error:', type(sys.exc_info()[1]).__name__, sys.exc_info()[1])


def talk(address, *lines, family=socket.AF_INET):
    with socket.socket(family, socket.SOCK_STREAM) as c:
        c.connect(address)
        reader = c.makefile('rb')
        answers = []
        for line in lines:
            c.sendall(line)
            if line not in (b'quit\n',) and not line.startswith(b'boom'):
                answers.append(reader.readline())
        c.shutdown(socket.SHUT_WR)
        answers.append(reader.read())
        reader.close()
        return answers


print('threaded TCP server:')
with Quiet(('127.0.0.1', 0), Upper) as server:
    print(' ', server.server_address[0], server.socket.type == socket.SOCK_STREAM,
          server.request_queue_size, server.daemon_threads, server.block_on_close)
    runner = threading.Thread(target=server.serve_forever, kwargs={'poll_interval': 0.05})
    runner.start()
    print(' ', talk(server.server_address, b'hello\n', b'world\n', b'quit\n'))
    print(' ', talk(server.server_address, b'boom now\n'))
    clients = [threading.Thread(target=talk, args=(server.server_address, b'x\n'))
               for _ in range(5)]
    for c in clients:
        c.start()
    for c in clients:
        c.join()
    server.shutdown()
    runner.join()
    print('  serve_forever returned')
print('  socket closed:', server.socket.fileno() == -1)

print('default handle_error on stderr:')
saved, sys.stderr = sys.stderr, io.StringIO()
with socketserver.TCPServer(('127.0.0.1', 0), Upper) as server:
    t = threading.Thread(target=talk, args=(server.server_address, b'boom\n'))
    t.start()
    server.handle_request()
    t.join()
report, sys.stderr = sys.stderr.getvalue(), saved
lines = report.splitlines()
print(' ', lines[0])
print(' ', lines[1].split(' from ')[0])
print(' ', lines[2])
print(' ', lines[-2])
print(' ', lines[-1])

print('UDP server:')
with socketserver.UDPServer(('127.0.0.1', 0), Echo) as server:
    print(' ', server.socket.type == socket.SOCK_DGRAM, server.max_packet_size)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as c:
        c.sendto(b'ping', server.server_address)
        server.handle_request()
        print(' ', c.recvfrom(100)[0])

print('handle_request timeout:')
class Patient(socketserver.TCPServer):
    timeout = 0.05
    def handle_timeout(self):
        print('  handle_timeout called')
with Patient(('127.0.0.1', 0), Upper) as server:
    print(' ', server.handle_request())

print('verify_request refusing:')
class Picky(socketserver.TCPServer):
    def verify_request(self, request, client_address):
        print('  verify_request', client_address[0])
        return False
with Picky(('127.0.0.1', 0), Upper) as server:
    def refused():
        with socket.create_connection(server.server_address) as c:
            print('  client read', c.recv(10))
    t = threading.Thread(target=refused)
    t.start()
    server.handle_request()
    t.join()

print('bind_and_activate=False:')
server = socketserver.TCPServer(('127.0.0.1', 0), Upper, bind_and_activate=False)
server.allow_reuse_address = True
server.server_bind()
server.server_activate()
print(' ', server.server_address[1] != 0)
server.server_close()

print('Unix stream server:')
path = os.path.join(tempfile.mkdtemp(), 'sock')
with socketserver.ThreadingUnixStreamServer(path, Upper) as server:
    runner = threading.Thread(target=server.serve_forever, kwargs={'poll_interval': 0.05})
    runner.start()
    print(' ', talk(path, b'unix\n', b'quit\n', family=socket.AF_UNIX))
    server.shutdown()
    runner.join()
os.unlink(path)

print('base handler order:')
class Traced(socketserver.BaseRequestHandler):
    def setup(self):
        print('  setup', self.request, self.client_address, type(self.server).__name__)
    def handle(self):
        print('  handle')
        raise KeyError('in handle')
    def finish(self):
        print('  finish')
class Plain(socketserver.BaseServer):
    pass
try:
    Traced('req', ('addr', 1), Plain(('h', 0), Traced))
except KeyError as e:
    print('  raised', repr(e))
print(sorted(socketserver.__all__))
print(issubclass(socketserver.ThreadingTCPServer, socketserver.ThreadingMixIn),
      socketserver.ThreadingTCPServer.__mro__[1:3])
