# `subprocess`: child processes and pipes to them.
#
# `_subprocess.spawn` starts a child with its standard streams on the
# descriptors it is given and `_subprocess.wait` reaps it. This module
# decides those descriptors (`_ChildStreams`: pipes, /dev/null, a caller's
# file), wraps the parent's ends of the pipes in file objects, and runs
# `communicate` as a pump over select.poll (`_Pump`) so that a child
# filling both output pipes while waiting for its input never deadlocks.
# The convenience functions all go through `run`.

import _subprocess
import io
import os
import select
import signal
import time

__all__ = ["Popen", "PIPE", "STDOUT", "DEVNULL", "call", "check_call", "check_output", "run",
           "getstatusoutput", "getoutput", "CalledProcessError", "SubprocessError",
           "TimeoutExpired", "CompletedProcess"]

PIPE = -1
STDOUT = -2
DEVNULL = -3

# How much input goes to the child per write: a pipe takes this much at
# once without blocking (POSIX's PIPE_BUF).
_INPUT_STEP = 512
_OUTPUT_STEP = 32768


class SubprocessError(Exception):
    pass


def _output_alias():
    """`stdout`, another name for an exception's `output`."""
    return property(lambda self: self.output, lambda self, value: setattr(self, "output", value))


class CalledProcessError(SubprocessError):
    """A checked child exited with a non-zero status (or by a signal)."""

    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    stdout = _output_alias()

    def __str__(self):
        code = self.returncode
        if code and code < 0:
            try:
                how = repr(signal.Signals(-code))
            except ValueError:
                how = f"unknown signal {-code}"
            return f"Command '{self.cmd}' died with {how}."
        return f"Command '{self.cmd}' returned non-zero exit status {code}."


class TimeoutExpired(SubprocessError):
    """A wait for a child ran out of time."""

    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    stdout = _output_alias()

    def __str__(self):
        return f"Command '{self.cmd}' timed out after {self.timeout} seconds"


class CompletedProcess:
    """What `run` returns: the arguments, the exit status and the output
    captured (None for a stream that was not)."""

    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        shown = [("args", self.args), ("returncode", self.returncode)]
        shown += [(name, value) for name, value in (("stdout", self.stdout), ("stderr", self.stderr))
                  if value is not None]
        return f"{type(self).__name__}({', '.join(f'{n}={v!r}' for n, v in shown)})"

    def check_returncode(self):
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout, self.stderr)


def _text_of(data, encoding, errors):
    """Output bytes as text mode gives them: decoded, with CRLF and CR read
    as LF."""
    text = data.decode(encoding or io._locale_encoding(), errors or "strict")
    return text.replace("\r\n", "\n").replace("\r", "\n")


class _ChildStreams:
    """The descriptors the child gets for stdin, stdout and stderr, and the
    parent's ends of the pipes. Descriptors opened only for the child are
    closed in the parent once it has started."""

    def __init__(self, stdin, stdout, stderr):
        self.for_child = [-1, -1, -1]    # -1: the child inherits ours
        self.ours = [None, None, None]   # the parent's end of each pipe
        self._child_only = []
        try:
            for index, wanted in enumerate((stdin, stdout, stderr)):
                self._plan(index, wanted)
        except BaseException:
            self.abandon()
            raise

    def _plan(self, index, wanted):
        if wanted is None:
            return
        if wanted == PIPE:
            reading_end, writing_end = os.pipe()
            child, parent = (reading_end, writing_end) if index == 0 else (writing_end, reading_end)
            self.ours[index] = parent
            self._child_only.append(child)
        elif wanted == DEVNULL:
            child = os.open(os.devnull, os.O_RDONLY if index == 0 else os.O_WRONLY)
            self._child_only.append(child)
        elif wanted == STDOUT:
            if index != 2:
                raise ValueError("STDOUT can only be used for stderr")
            child = self.for_child[1] if self.for_child[1] != -1 else 1
        elif isinstance(wanted, int):
            child = wanted
        else:
            child = wanted.fileno()
        self.for_child[index] = child

    def started(self):
        for fd in self._child_only:
            os.close(fd)
        self._child_only = []

    def abandon(self):
        """Closes everything opened, after the child failed to start."""
        self.started()
        for fd in self.ours:
            if fd is not None:
                os.close(fd)


class Popen:
    """A child process. Its pipes (when asked for with PIPE) are the
    `stdin`, `stdout` and `stderr` attributes, as binary or text files."""

    def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None, stderr=None,
                 preexec_fn=None, close_fds=True, shell=False, cwd=None, env=None,
                 universal_newlines=None, startupinfo=None, creationflags=0, restore_signals=True,
                 start_new_session=False, pass_fds=(), *, user=None, group=None, extra_groups=None,
                 encoding=None, errors=None, text=None, umask=-1, pipesize=-1, process_group=None):
        self.args = args
        self.returncode = None
        self.stdin = self.stdout = self.stderr = None
        self._pump = None
        if startupinfo is not None:
            raise ValueError("startupinfo is only supported on Windows platforms")
        if creationflags != 0:
            raise ValueError("creationflags is only supported on Windows platforms")
        asked_for = {"preexec_fn": preexec_fn is not None, "pass_fds": bool(pass_fds),
                     "user": user is not None, "group": group is not None,
                     "extra_groups": extra_groups is not None, "umask": umask != -1,
                     "start_new_session": bool(start_new_session)}
        for name, used in asked_for.items():
            if used:
                raise NotImplementedError(f"subprocess.Popen: {name} is not supported in towel")
        if text is not None and universal_newlines is not None and bool(text) != bool(universal_newlines):
            raise SubprocessError("Cannot disambiguate when both text and universal_newlines are "
                                  "supplied but different. Pass one or the other.")
        self.text_mode = bool(text or universal_newlines or encoding or errors)
        self.encoding = encoding
        self.errors = errors
        argv = self._command_line(args, shell, executable)
        if shell:
            executable = None
        env_pairs = None if env is None else list(env.items())
        streams = _ChildStreams(stdin, stdout, stderr)
        try:
            self.pid = _subprocess.spawn(argv, executable, cwd, env_pairs, *streams.for_child,
                                         -1 if process_group is None else process_group)
        except BaseException:
            streams.abandon()
            raise
        streams.started()
        self._wrap_pipes(streams.ours, bufsize)

    @staticmethod
    def _command_line(args, shell, executable):
        """The argv the child gets."""
        single = isinstance(args, (str, bytes, os.PathLike))
        argv = [args] if single else list(args)
        if shell:
            argv = [executable or "/bin/sh", "-c"] + argv
        return argv

    def _wrap_pipes(self, fds, bufsize):
        """File objects over the parent's pipe ends."""
        binary_size = -1 if bufsize == 1 else bufsize
        for name, fd, mode in zip(("stdin", "stdout", "stderr"), fds, ("wb", "rb", "rb")):
            if fd is None:
                continue
            stream = io.open(fd, mode, binary_size)
            if self.text_mode:
                stream = io.TextIOWrapper(stream, self.encoding, self.errors,
                                          line_buffering=name == "stdin" and bufsize == 1,
                                          write_through=name == "stdin")
            setattr(self, name, stream)

    def __repr__(self):
        text = f"<{type(self).__name__}: returncode: {self.returncode} args: {self.args!r}>"
        return text if len(text) <= 80 else text[:76] + "...>"

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        for stream in (self.stdout, self.stderr):
            if stream is not None:
                stream.close()
        try:
            if self.stdin is not None:
                try:
                    self.stdin.close()
                except BrokenPipeError:
                    pass
        finally:
            self.wait()

    # -- the child's state

    def poll(self):
        if self.returncode is None:
            self.returncode = _subprocess.wait(self.pid, False)
        return self.returncode

    def wait(self, timeout=None):
        if self.returncode is not None:
            return self.returncode
        if timeout is None:
            self.returncode = _subprocess.wait(self.pid, True)
            return self.returncode
        deadline = time.monotonic() + timeout
        pause = 0.0005
        while self.poll() is None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutExpired(self.args, timeout)
            time.sleep(min(pause, left))
            pause = min(pause * 2, 0.05)
        return self.returncode

    def send_signal(self, sig):
        # A reaped child's pid may belong to another process by now.
        if self.poll() is None:
            os.kill(self.pid, sig)

    def terminate(self):
        self.send_signal(signal.SIGTERM)

    def kill(self):
        self.send_signal(signal.SIGKILL)

    # -- communicate

    def communicate(self, input=None, timeout=None):
        """Sends input, reads both outputs to their end and waits for the
        child; returns (stdout data, stderr data). After a TimeoutExpired,
        calling it again goes on where it stopped."""
        if self._pump is not None and input:
            raise ValueError("Cannot send input after starting communication")
        if self._pump is None:
            if self.text_mode and input is not None:
                input = input.encode(self.encoding or io._locale_encoding(), self.errors or "strict")
            self._pump = _Pump(self, input)
        deadline = None if timeout is None else time.monotonic() + timeout
        if self._pump.run(deadline):
            try:
                self.wait(None if deadline is None else max(deadline - time.monotonic(), 0))
                return self._pump.results()
            except TimeoutExpired:
                pass
        # The output so far goes with the exception (None where there is none).
        raise TimeoutExpired(self.args, timeout, self._pump.collected("stdout"),
                             self._pump.collected("stderr"))


class _Pump:
    """communicate()'s transfer: input to the child's stdin in pipe-sized
    steps, both outputs collected, each descriptor served when poll says it
    is ready. Its state outlives a timeout."""

    def __init__(self, process, input):
        self._process = process
        self._input = memoryview(input or b"")
        self._sent = 0
        self._collected = {}
        self._poller = select.poll()
        self._by_fd = {}
        if process.stdin is not None:
            try:
                process.stdin.flush()
            except BrokenPipeError:
                pass
            if self._input:
                self._watch(process.stdin, select.POLLOUT, None)
            else:
                self._close_input()
        for name in ("stdout", "stderr"):
            stream = getattr(process, name)
            if stream is not None:
                self._collected[name] = []
                self._watch(stream, select.POLLIN, name)

    def _watch(self, stream, events, name):
        fd = stream.fileno()
        self._by_fd[fd] = (stream, name)
        self._poller.register(fd, events)

    def _unwatch(self, fd):
        self._poller.unregister(fd)
        stream, name = self._by_fd.pop(fd)
        if name is None:
            self._close_input()
        else:
            stream.close()

    def _close_input(self):
        try:
            self._process.stdin.close()
        except BrokenPipeError:
            pass

    def run(self, deadline):
        """Moves data until every pipe is done; False if the deadline came
        first."""
        while self._by_fd:
            wait_ms = None
            if deadline is not None:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                wait_ms = left * 1000
            for fd, events in self._poller.poll(wait_ms):
                stream, name = self._by_fd[fd]
                if name is None:
                    self._feed(fd, events)
                else:
                    self._drain(fd, name)
        return True

    def _feed(self, fd, events):
        if events & (select.POLLERR | select.POLLHUP) and not events & select.POLLOUT:
            self._unwatch(fd)
            return
        step = self._input[self._sent:self._sent + _INPUT_STEP]
        try:
            self._sent += os.write(fd, step)
        except BrokenPipeError:
            self._sent = len(self._input)
        if self._sent >= len(self._input):
            self._unwatch(fd)

    def _drain(self, fd, name):
        data = os.read(fd, _OUTPUT_STEP)
        if data:
            self._collected[name].append(data)
        else:
            self._unwatch(fd)

    def collected(self, name):
        """The bytes read so far from one output, or None if none were."""
        return b"".join(self._collected.get(name) or ()) or None

    def results(self):
        """(stdout, stderr) at the end: bytes or text for a pipe, else None."""
        process = self._process
        outputs = []
        for name in ("stdout", "stderr"):
            data = self.collected(name) or b"" if name in self._collected else None
            if data is not None and process.text_mode:
                data = _text_of(data, process.encoding, process.errors)
            outputs.append(data)
        return tuple(outputs)


# -- the convenience functions ---------------------------------------------------------


def run(*popenargs, input=None, capture_output=False, timeout=None, check=False, **kwargs):
    """Runs a command to its end and returns a CompletedProcess; on a
    timeout the child is killed and reaped before TimeoutExpired (with the
    output captured until then) is raised."""
    if input is not None:
        if "stdin" in kwargs:
            raise ValueError("stdin and input arguments may not both be used.")
        kwargs["stdin"] = PIPE
    if capture_output:
        if "stdout" in kwargs or "stderr" in kwargs:
            raise ValueError("stdout and stderr arguments may not be used with capture_output.")
        kwargs["stdout"] = kwargs["stderr"] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except BaseException:
            # TimeoutExpired included: the child does not outlive the call.
            process.kill()
            raise
    done = CompletedProcess(process.args, process.poll(), stdout, stderr)
    if check:
        done.check_returncode()
    return done


def call(*popenargs, timeout=None, **kwargs):
    """Runs a command and returns its exit status."""
    return run(*popenargs, timeout=timeout, **kwargs).returncode


def check_call(*popenargs, **kwargs):
    """Runs a command; returns 0, or raises CalledProcessError."""
    return run(*popenargs, check=True, **kwargs).returncode


def check_output(*popenargs, timeout=None, **kwargs):
    """Runs a command and returns its output; raises CalledProcessError
    when it fails."""
    if "stdout" in kwargs:
        raise ValueError("stdout argument not allowed, it will be overridden.")
    if "input" in kwargs and kwargs["input"] is None:
        # An explicit None still means "no input", closing the child's stdin.
        texty = any(kwargs.get(k) for k in ("text", "universal_newlines", "encoding", "errors"))
        kwargs["input"] = "" if texty else b""
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs).stdout


def getstatusoutput(cmd, *, encoding=None, errors=None):
    """(exit status, output) of a shell command, stderr included, without
    the final newline."""
    done = run(cmd, shell=True, text=True, stdout=PIPE, stderr=STDOUT, encoding=encoding,
               errors=errors)
    output = done.stdout
    return done.returncode, output[:-1] if output.endswith("\n") else output


def getoutput(cmd, *, encoding=None, errors=None):
    """The output of a shell command (see getstatusoutput)."""
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]
