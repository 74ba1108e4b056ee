# loop.subprocess_exec/subprocess_shell with a SubprocessProtocol: pipe data
# by fd, pipe_connection_lost, process_exited, then connection_lost.
import asyncio
import sys


class Collect(asyncio.SubprocessProtocol):
    def __init__(self, done):
        self.done = done
        self.out = {1: b'', 2: b''}
        self.events = []

    def connection_made(self, transport):
        self.events.append('made')

    def pipe_data_received(self, fd, data):
        self.out[fd] += data

    def pipe_connection_lost(self, fd, exc):
        self.events.append(f'pipe {fd} lost {exc}')

    def process_exited(self):
        self.events.append('exited')

    def connection_lost(self, exc):
        self.events.append(f'lost {exc}')
        self.done.set_result(None)


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    transport, proto = await loop.subprocess_exec(
        lambda: Collect(done), sys.executable, '-c',
        'import sys; data = sys.stdin.read(); print(data.upper()); print("err", file=sys.stderr); sys.exit(3)')
    print('pid', transport.get_pid() > 0, 'returncode', transport.get_returncode())
    stdin = transport.get_pipe_transport(0)
    print('stdin', type(stdin).__name__, transport.get_pipe_transport(5))
    stdin.write(b'hello pipes')
    stdin.close()
    await done
    print('stdout', proto.out[1], 'stderr', proto.out[2])
    print('returncode', transport.get_returncode())
    print(sorted(proto.events[1:-1]), proto.events[0], proto.events[-1])
    transport.close()

    done = loop.create_future()
    transport, proto = await loop.subprocess_shell(lambda: Collect(done), 'echo shell; exit 0',
                                                   stdin=None)
    await done
    print('shell', proto.out[1], transport.get_returncode(), transport.get_pipe_transport(0))
    transport.close()

    for call in [lambda: loop.subprocess_shell(asyncio.SubprocessProtocol, ['ls']),
                 lambda: loop.subprocess_exec(asyncio.SubprocessProtocol, 'ls', shell=True),
                 lambda: loop.subprocess_exec(asyncio.SubprocessProtocol, 'ls', text=True),
                 lambda: loop.subprocess_exec(asyncio.SubprocessProtocol, 'ls', bufsize=1)]:
        try:
            await call()
        except ValueError as e:
            print('ValueError', e)
    try:
        await loop.subprocess_exec(asyncio.SubprocessProtocol, '/nonexistent/program')
    except FileNotFoundError as e:
        print('FileNotFoundError', e.errno)


asyncio.run(main())
