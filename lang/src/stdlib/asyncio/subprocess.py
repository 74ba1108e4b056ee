# `asyncio.subprocess`: child processes whose pipes are asyncio streams.
# The child is started by `subprocess.Popen`; its pipes are the loop's pipe
# transports (`connect_read_pipe`/`connect_write_pipe`) under StreamReader
# and StreamWriter; its exit is seen through a pidfd, which becomes readable
# when the child ends, so waiting costs no thread.

import os
import subprocess
from asyncio import (StreamReader, StreamWriter, StreamReaderProtocol, FlowControlMixin,
                     BaseProtocol, Protocol, SubprocessTransport,
                     get_running_loop, gather, sleep, _ready, _pidfd_open, _watch_fd)

__all__ = ["create_subprocess_exec", "create_subprocess_shell", "Process", "PIPE", "STDOUT", "DEVNULL"]

PIPE = subprocess.PIPE
STDOUT = subprocess.STDOUT
DEVNULL = subprocess.DEVNULL

_DEFAULT_LIMIT = 2 ** 16


class _StdinProtocol(FlowControlMixin):
    # The child's stdin: drain() and wait_closed() for its StreamWriter.
    def __init__(self, loop):
        super().__init__(loop=loop)
        self._closed = loop.create_future()

    def connection_lost(self, exc):
        super().connection_lost(exc)
        if not self._closed.done():
            if exc is None:
                self._closed.set_result(None)
            else:
                self._closed.set_exception(exc)

    def _get_close_waiter(self, stream):
        return self._closed

    def __del__(self):
        closed = self._closed
        if closed.done() and not closed.cancelled():
            closed.exception()


async def _connect_pipes(loop, popen, limit):
    # The StreamWriter and StreamReaders of a child's pipes, on pipe transports.
    stdin = stdout = stderr = None
    if popen.stdin is not None:
        protocol = _StdinProtocol(loop)
        transport, _ = await loop.connect_write_pipe(lambda: protocol, popen.stdin)
        stdin = StreamWriter(transport, protocol, None, loop)
    readers = []
    for pipe in (popen.stdout, popen.stderr):
        if pipe is None:
            readers.append(None)
            continue
        reader = StreamReader(limit=limit, loop=loop)
        protocol = StreamReaderProtocol(reader, loop=loop)
        await loop.connect_read_pipe(lambda: protocol, pipe)
        readers.append(reader)
    stdout, stderr = readers
    return stdin, stdout, stderr


class Process:
    def __init__(self, popen, pipes):
        self._popen = popen
        self.pid = popen.pid
        self.stdin, self.stdout, self.stderr = pipes
        try:
            self._pidfd = _pidfd_open(self.pid)
        except OSError:
            self._pidfd = None

    def __repr__(self):
        return f'<{self.__class__.__name__} {self.pid}>'

    @property
    def returncode(self):
        return self._popen.poll()

    async def wait(self):
        while self._popen.poll() is None:
            if self._pidfd is not None:
                await _ready(self._pidfd, False)
            else:
                await sleep(0.005)
        if self._pidfd is not None:
            os.close(self._pidfd)
            self._pidfd = None
        return self._popen.returncode

    def _check_alive(self):
        if self._popen.poll() is not None:
            raise ProcessLookupError()

    def send_signal(self, signal):
        self._check_alive()
        self._popen.send_signal(signal)

    def terminate(self):
        self._check_alive()
        self._popen.terminate()

    def kill(self):
        self._check_alive()
        self._popen.kill()

    async def _feed_stdin(self, input):
        try:
            if input is not None:
                self.stdin.write(input)
                await self.stdin.drain()
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.stdin.close()

    async def _noop(self):
        return None

    async def _read_stream(self, stream):
        output = await stream.read()
        return output

    async def communicate(self, input=None):
        stdin = self._feed_stdin(input) if self.stdin is not None else self._noop()
        stdout = self._read_stream(self.stdout) if self.stdout is not None else self._noop()
        stderr = self._read_stream(self.stderr) if self.stderr is not None else self._noop()
        stdin, stdout, stderr = await gather(stdin, stdout, stderr)
        await self.wait()
        return (stdout, stderr)


def _check_stream_args(kwds):
    for name in ("universal_newlines", "text", "encoding", "errors"):
        if kwds.get(name):
            message = {"universal_newlines": "universal_newlines must be False",
                       "text": "text must be False",
                       "encoding": "encoding must be None",
                       "errors": "errors must be None"}[name]
            raise ValueError(message)
    if kwds.get("bufsize", 0) != 0:
        raise ValueError("bufsize must be 0")


async def create_subprocess_shell(cmd, stdin=None, stdout=None, stderr=None,
                                  limit=_DEFAULT_LIMIT, **kwds):
    _check_stream_args(kwds)
    kwds.pop("bufsize", None)
    if not isinstance(cmd, (bytes, str)):
        raise ValueError("cmd must be a string")
    popen = subprocess.Popen(cmd, shell=True, stdin=stdin, stdout=stdout, stderr=stderr,
                             bufsize=0, **kwds)
    return Process(popen, await _connect_pipes(get_running_loop(), popen, limit))


async def create_subprocess_exec(program, *args, stdin=None, stdout=None, stderr=None,
                                 limit=_DEFAULT_LIMIT, **kwds):
    _check_stream_args(kwds)
    kwds.pop("bufsize", None)
    popen = subprocess.Popen((program,) + args, shell=False, stdin=stdin, stdout=stdout,
                             stderr=stderr, bufsize=0, **kwds)
    return Process(popen, await _connect_pipes(get_running_loop(), popen, limit))


# -- loop.subprocess_exec / subprocess_shell: a SubprocessProtocol over a
# SubprocessTransport whose pipes are the loop's pipe transports.

class _PipeProtocol(BaseProtocol):
    # One pipe of a child: reports to the subprocess transport by fd.
    def __init__(self, proc, fd):
        self.proc = proc
        self.fd = fd
        self.pipe = None
        self.disconnected = False

    def connection_made(self, transport):
        self.pipe = transport

    def __repr__(self):
        return f'<{self.__class__.__name__} fd={self.fd} pipe={self.pipe!r}>'

    def connection_lost(self, exc):
        self.disconnected = True
        self.proc._pipe_connection_lost(self.fd, exc)
        self.proc = None

    def pause_writing(self):
        self.proc._protocol.pause_writing()

    def resume_writing(self):
        self.proc._protocol.resume_writing()


class _ReadPipeProtocol(_PipeProtocol, Protocol):
    def data_received(self, data):
        self.proc._pipe_data_received(self.fd, data)


class _SubprocessTransport(SubprocessTransport):
    __module__ = "asyncio.unix_events"

    def __init__(self, loop, protocol, args, shell, stdin, stdout, stderr, bufsize,
                 waiter=None, extra=None, **kwargs):
        super().__init__(extra)
        self._closed = False
        self._protocol = protocol
        self._loop = loop
        self._proc = None
        self._pid = None
        self._returncode = None
        self._exit_waiters = []
        self._pending_calls = []
        self._pipes = {}
        self._finished = False
        for fd, how in enumerate((stdin, stdout, stderr)):
            if how == PIPE:
                self._pipes[fd] = None
        self._proc = subprocess.Popen(args, shell=shell, stdin=stdin, stdout=stdout,
                                      stderr=stderr, universal_newlines=False,
                                      bufsize=bufsize, **kwargs)
        self._pid = self._proc.pid
        self._extra['subprocess'] = self._proc
        self._loop.create_task(self._connect_pipes(waiter))

    def __repr__(self):
        info = [self.__class__.__name__]
        if self._closed:
            info.append('closed')
        if self._pid is not None:
            info.append(f'pid={self._pid}')
        if self._returncode is not None:
            info.append(f'returncode={self._returncode}')
        elif self._pid is not None:
            info.append('running')
        else:
            info.append('not started')
        for fd, name in ((0, 'stdin'), (1, 'stdout'), (2, 'stderr')):
            pipe = self._pipes.get(fd)
            if pipe is not None:
                info.append(f'{name}={pipe.pipe}')
        return '<{}>'.format(' '.join(info))

    async def _connect_pipes(self, waiter):
        try:
            proc = self._proc
            loop = self._loop
            if proc.stdin is not None:
                _, pipe = await loop.connect_write_pipe(lambda: _PipeProtocol(self, 0),
                                                        proc.stdin)
                self._pipes[0] = pipe
            for fd, stream in ((1, proc.stdout), (2, proc.stderr)):
                if stream is not None:
                    _, pipe = await loop.connect_read_pipe(
                        lambda fd=fd: _ReadPipeProtocol(self, fd), stream)
                    self._pipes[fd] = pipe
            loop.call_soon(self._protocol.connection_made, self)
            for callback, data in self._pending_calls:
                loop.call_soon(callback, *data)
            self._pending_calls = None
            self._watch_exit()
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            if waiter is not None and not waiter.cancelled():
                waiter.set_exception(exc)
        else:
            if waiter is not None and not waiter.cancelled():
                waiter.set_result(None)

    def _watch_exit(self):
        # The child's pidfd becomes readable when it exits.
        try:
            pidfd = _pidfd_open(self._pid)
        except OSError:
            pidfd = None

        def exited():
            returncode = self._proc.poll() if self._proc is not None else None
            if returncode is None:
                if pidfd is None:
                    self._loop.call_later(0.005, exited)
                return
            if pidfd is not None:
                watch.cancel()
                os.close(pidfd)
            self._process_exited(returncode)

        if pidfd is None:
            self._loop.call_soon(exited)
        else:
            watch = _watch_fd(pidfd, False, exited, False)

    def _call(self, callback, *data):
        if self._pending_calls is not None:
            self._pending_calls.append((callback, data))
        else:
            self._loop.call_soon(callback, *data)

    def _pipe_connection_lost(self, fd, exc):
        self._call(self._protocol.pipe_connection_lost, fd, exc)
        self._try_finish()

    def _pipe_data_received(self, fd, data):
        self._call(self._protocol.pipe_data_received, fd, data)

    def _process_exited(self, returncode):
        self._returncode = returncode
        self._call(self._protocol.process_exited)
        self._try_finish()
        for waiter in self._exit_waiters:
            if not waiter.cancelled():
                waiter.set_result(returncode)
        self._exit_waiters = None

    async def _wait(self):
        if self._returncode is not None:
            return self._returncode
        waiter = self._loop.create_future()
        self._exit_waiters.append(waiter)
        return await waiter

    def _try_finish(self):
        if self._returncode is None or self._finished:
            return
        if all(p is not None and p.disconnected for p in self._pipes.values()):
            self._finished = True
            self._call(self._call_connection_lost, None)

    def _call_connection_lost(self, exc):
        try:
            self._protocol.connection_lost(exc)
        finally:
            self._loop = None
            self._proc = None
            self._protocol = None

    def get_protocol(self):
        return self._protocol

    def set_protocol(self, protocol):
        self._protocol = protocol

    def is_closing(self):
        return self._closed

    def close(self):
        if self._closed:
            return
        self._closed = True
        for proto in self._pipes.values():
            if proto is not None:
                proto.pipe.close()
        if (self._proc is not None and self._returncode is None and
                self._proc.poll() is None):
            try:
                self._proc.kill()
            except ProcessLookupError:
                pass

    def get_pid(self):
        return self._pid

    def get_returncode(self):
        return self._returncode

    def get_pipe_transport(self, fd):
        if fd in self._pipes:
            return self._pipes[fd].pipe
        return None

    def _check_proc(self):
        if self._proc is None:
            raise ProcessLookupError()

    def send_signal(self, signal):
        self._check_proc()
        self._proc.send_signal(signal)

    def terminate(self):
        self._check_proc()
        self._proc.terminate()

    def kill(self):
        self._check_proc()
        self._proc.kill()


def _check_subprocess_args(universal_newlines, bufsize, encoding, errors, text):
    if universal_newlines:
        raise ValueError("universal_newlines must be False")
    if bufsize != 0:
        raise ValueError("bufsize must be 0")
    if text:
        raise ValueError("text must be False")
    if encoding is not None:
        raise ValueError("encoding must be None")
    if errors is not None:
        raise ValueError("errors must be None")


async def _make_subprocess_transport(loop, protocol, args, shell, stdin, stdout, stderr,
                                     bufsize, **kwargs):
    waiter = loop.create_future()
    transport = _SubprocessTransport(loop, protocol, args, shell, stdin, stdout, stderr,
                                     bufsize, waiter=waiter, **kwargs)
    try:
        await waiter
    except BaseException:
        transport.close()
        await transport._wait()
        raise
    return transport


async def _loop_subprocess_exec(loop, protocol_factory, program, *args, stdin=PIPE,
                                stdout=PIPE, stderr=PIPE, universal_newlines=False,
                                shell=False, bufsize=0, encoding=None, errors=None,
                                text=None, **kwargs):
    if shell:
        raise ValueError("shell must be False")
    _check_subprocess_args(universal_newlines, bufsize, encoding, errors, text)
    protocol = protocol_factory()
    transport = await _make_subprocess_transport(loop, protocol, (program,) + args, False,
                                                 stdin, stdout, stderr, bufsize, **kwargs)
    return transport, protocol


async def _loop_subprocess_shell(loop, protocol_factory, cmd, *, stdin=PIPE, stdout=PIPE,
                                 stderr=PIPE, universal_newlines=False, shell=True,
                                 bufsize=0, encoding=None, errors=None, text=None,
                                 **kwargs):
    if not isinstance(cmd, (bytes, str)):
        raise ValueError("cmd must be a string")
    if not shell:
        raise ValueError("shell must be True")
    _check_subprocess_args(universal_newlines, bufsize, encoding, errors, text)
    protocol = protocol_factory()
    transport = await _make_subprocess_transport(loop, protocol, cmd, True,
                                                 stdin, stdout, stderr, bufsize, **kwargs)
    return transport, protocol
