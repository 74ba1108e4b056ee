# `asyncio.subprocess`: child processes whose pipes are asyncio streams.
# The child is started by `subprocess.Popen`; its pipes are made
# non-blocking and read and written through the loop's descriptor watches
# (`_watch_fd`); its exit is seen through a pidfd, which becomes readable when
# the child ends, so waiting costs no thread.

import os
import subprocess
from asyncio import (StreamReader, StreamWriter, get_running_loop, gather, sleep,
                     _ready, _watch_fd, _pidfd_open)

__all__ = ["create_subprocess_exec", "create_subprocess_shell", "Process", "PIPE", "STDOUT", "DEVNULL"]

PIPE = subprocess.PIPE
STDOUT = subprocess.STDOUT
DEVNULL = subprocess.DEVNULL

_DEFAULT_LIMIT = 2 ** 16
# Above this many unwritten bytes, `drain()` waits for the child to read.
_HIGH_WATER = 64 * 1024


class _PipeConn:
    # One end of a pipe as the connection object under StreamReader and
    # StreamWriter: `recv` for the child's output, `write`/`drain` for its input.
    def __init__(self, fileobj, extra):
        self._file = fileobj
        self._fd = fileobj.fileno()
        os.set_blocking(self._fd, False)
        self._extra = extra
        self._pending = b""
        self._watch = None
        self._closing = False
        self._closed = False
        self._drain_waiters = []
        self._close_waiters = []

    async def recv(self, n):
        while True:
            if self._closed:
                return b""
            try:
                return os.read(self._fd, n)
            except BlockingIOError:
                await _ready(self._fd, False)

    def write(self, data):
        if self._closing:
            return
        data = bytes(data)
        if not self._pending:
            try:
                written = os.write(self._fd, data)
            except BlockingIOError:
                written = 0
            except (BrokenPipeError, ConnectionResetError):
                self._finish()
                return
            data = data[written:]
        self._pending += data
        if self._pending and self._watch is None:
            self._watch = _watch_fd(self._fd, True, self._flush, False)

    def _flush(self):
        try:
            written = os.write(self._fd, self._pending)
        except BlockingIOError:
            return
        except (BrokenPipeError, ConnectionResetError):
            self._pending = b""
            self._finish()
            return
        self._pending = self._pending[written:]
        if len(self._pending) <= _HIGH_WATER:
            self._wake(self._drain_waiters)
        if not self._pending:
            self._watch.cancel()
            self._watch = None
            if self._closing:
                self._finish()

    def _wake(self, waiters):
        for fut in waiters:
            if not fut.done():
                fut.set_result(None)
        waiters.clear()

    def _finish(self):
        if self._watch is not None:
            self._watch.cancel()
            self._watch = None
        if not self._closed:
            self._closed = True
            self._closing = True
            self._file.close()
        self._wake(self._drain_waiters)
        self._wake(self._close_waiters)

    async def drain(self):
        if len(self._pending) <= _HIGH_WATER or self._closed:
            return
        fut = get_running_loop().create_future()
        self._drain_waiters.append(fut)
        await fut

    def write_eof(self):
        self.close()

    def close(self):
        if self._closing:
            return
        self._closing = True
        if not self._pending:
            self._finish()

    def is_closing(self):
        return self._closing

    async def wait_closed(self):
        if self._closed:
            return
        fut = get_running_loop().create_future()
        self._close_waiters.append(fut)
        await fut

    def peername(self):
        return None

    def sockname(self):
        return None


class Process:
    def __init__(self, popen, limit):
        self._popen = popen
        self.pid = popen.pid
        self.stdin = self.stdout = self.stderr = None
        if popen.stdin is not None:
            self.stdin = StreamWriter(_PipeConn(popen.stdin, "stdin"), None)
        if popen.stdout is not None:
            self.stdout = StreamReader(_PipeConn(popen.stdout, "stdout"), limit=limit)
        if popen.stderr is not None:
            self.stderr = StreamReader(_PipeConn(popen.stderr, "stderr"), limit=limit)
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
    return Process(popen, limit)


async def create_subprocess_exec(program, *args, stdin=None, stdout=None, stderr=None,
                                 limit=_DEFAULT_LIMIT, **kwds):
    _check_stream_args(kwds)
    kwds.pop("bufsize", None)
    popen = subprocess.Popen((program,) + args, shell=False, stdin=stdin, stdout=stdout,
                             stderr=stderr, bufsize=0, **kwds)
    return Process(popen, limit)
