# `subprocess`: child processes with pipes. `_subprocess.spawn` starts the
# child with its standard streams on the descriptors chosen here (pipes from
# os.pipe, /dev/null, a file's fileno()), `_subprocess.wait` reaps it; the
# rest (`Popen`'s file objects, `communicate` over select.poll so that large
# outputs on two pipes never deadlock, the timeouts, `run` and the helpers)
# is written here over `os`, `io` and `select`.

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

_PIPE_BUF = 512


class SubprocessError(Exception):
    pass


class CalledProcessError(SubprocessError):
    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            try:
                return "Command '%s' died with %r." % (self.cmd, signal.Signals(-self.returncode))
            except ValueError:
                return "Command '%s' died with unknown signal %d." % (self.cmd, -self.returncode)
        return "Command '%s' returned non-zero exit status %d." % (self.cmd, self.returncode)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class TimeoutExpired(SubprocessError):
    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return "Command '%s' timed out after %s seconds" % (self.cmd, self.timeout)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class CompletedProcess:
    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        args = ["args={!r}".format(self.args), "returncode={!r}".format(self.returncode)]
        if self.stdout is not None:
            args.append("stdout={!r}".format(self.stdout))
        if self.stderr is not None:
            args.append("stderr={!r}".format(self.stderr))
        return "{}({})".format(type(self).__name__, ", ".join(args))

    def check_returncode(self):
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout, self.stderr)


def _translate_newlines(data, encoding, errors):
    return data.decode(encoding, errors).replace("\r\n", "\n").replace("\r", "\n")


class Popen:
    def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None, stderr=None,
                 preexec_fn=None, close_fds=True, shell=False, cwd=None, env=None,
                 universal_newlines=None, startupinfo=None, creationflags=0, restore_signals=True,
                 start_new_session=False, pass_fds=(), *, user=None, group=None, extra_groups=None,
                 encoding=None, errors=None, text=None, umask=-1, pipesize=-1, process_group=None):
        self.args = args
        self.returncode = None
        self.stdin = self.stdout = self.stderr = None
        self.pid = None
        self.encoding = encoding
        self.errors = errors
        self._communication_started = False
        self._output = None
        if bufsize is None:
            bufsize = -1
        if not isinstance(bufsize, int):
            raise TypeError("bufsize must be an integer")
        if preexec_fn is not None:
            raise NotImplementedError("subprocess: preexec_fn is not supported in towel")
        if pass_fds:
            raise NotImplementedError("subprocess: pass_fds is not supported in towel")
        if user is not None or group is not None or extra_groups is not None or umask != -1:
            raise NotImplementedError("subprocess: user, group, extra_groups and umask are not supported in towel")
        if start_new_session:
            raise NotImplementedError("subprocess: start_new_session is not supported in towel")
        if creationflags != 0:
            raise ValueError("creationflags is only supported on Windows platforms")
        if startupinfo is not None:
            raise ValueError("startupinfo is only supported on Windows platforms")
        if text is not None and universal_newlines is not None and bool(universal_newlines) != bool(text):
            raise SubprocessError("Cannot disambiguate when both text and universal_newlines are supplied but different. Pass one or the other.")
        self.text_mode = bool(encoding or errors or text or universal_newlines)
        if self.text_mode and encoding is None:
            self.encoding = encoding = "utf-8"
        if self.text_mode and errors is None:
            self.errors = errors = "strict"

        if isinstance(args, (str, bytes)) or hasattr(args, "__fspath__"):
            argv = [args]
        else:
            argv = list(args)
        if shell:
            argv = ["/bin/sh", "-c"] + argv
            if executable is not None:
                argv[0] = executable
            executable = None
        if env is not None:
            env = [(os.fsencode(k), os.fsencode(v)) for k, v in env.items()]

        to_close = []
        p2cread = p2cwrite = c2pread = c2pwrite = errread = errwrite = -1
        devnull = None

        def null():
            nonlocal devnull
            if devnull is None:
                devnull = os.open(os.devnull, os.O_RDWR)
                to_close.append(devnull)
            return devnull

        def fd_of(f):
            if isinstance(f, int):
                return f
            return f.fileno()

        try:
            if stdin == PIPE:
                p2cread, p2cwrite = os.pipe()
                to_close.append(p2cread)
            elif stdin == DEVNULL:
                p2cread = null()
            elif stdin is not None:
                p2cread = fd_of(stdin)
            if stdout == PIPE:
                c2pread, c2pwrite = os.pipe()
                to_close.append(c2pwrite)
            elif stdout == DEVNULL:
                c2pwrite = null()
            elif stdout is not None:
                c2pwrite = fd_of(stdout)
            if stderr == PIPE:
                errread, errwrite = os.pipe()
                to_close.append(errwrite)
            elif stderr == STDOUT:
                errwrite = c2pwrite if c2pwrite != -1 else 1
            elif stderr == DEVNULL:
                errwrite = null()
            elif stderr is not None:
                errwrite = fd_of(stderr)
            for f in (stdin, stdout, stderr):
                if hasattr(f, "flush"):
                    f.flush()
            self.pid = _subprocess.spawn(argv, executable, cwd, env, p2cread, c2pwrite, errwrite,
                                         -1 if process_group is None else process_group)
        except BaseException:
            for fd in (p2cwrite, c2pread, errread):
                if fd != -1:
                    os.close(fd)
            raise
        finally:
            for fd in to_close:
                os.close(fd)

        if p2cwrite != -1:
            self.stdin = io.open(p2cwrite, "wb", bufsize)
            if self.text_mode:
                self.stdin = io.TextIOWrapper(self.stdin, write_through=True, line_buffering=(bufsize == 1),
                                              encoding=encoding, errors=errors)
        if c2pread != -1:
            self.stdout = io.open(c2pread, "rb", bufsize)
            if self.text_mode:
                self.stdout = io.TextIOWrapper(self.stdout, encoding=encoding, errors=errors)
        if errread != -1:
            self.stderr = io.open(errread, "rb", bufsize)
            if self.text_mode:
                self.stderr = io.TextIOWrapper(self.stderr, encoding=encoding, errors=errors)

    def __repr__(self):
        r = f"<{self.__class__.__name__}: returncode: {self.returncode} args: {self.args!r}>"
        if len(r) > 80:
            r = r[:76] + "...>"
        return r

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        if self.stdout:
            self.stdout.close()
        if self.stderr:
            self.stderr.close()
        try:
            if self.stdin:
                self.stdin.close()
        finally:
            self.wait()

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
        end = time.monotonic() + timeout
        delay = 0.0005
        while True:
            code = _subprocess.wait(self.pid, False)
            if code is not None:
                self.returncode = code
                return code
            left = end - time.monotonic()
            if left <= 0:
                raise TimeoutExpired(self.args, timeout)
            delay = min(delay * 2, left, 0.05)
            time.sleep(delay)

    def send_signal(self, sig):
        self.poll()
        if self.returncode is not None:
            return
        try:
            os.kill(self.pid, sig)
        except ProcessLookupError:
            pass

    def terminate(self):
        self.send_signal(signal.SIGTERM)

    def kill(self):
        self.send_signal(signal.SIGKILL)

    def communicate(self, input=None, timeout=None):
        if self._communication_started and input:
            raise ValueError("Cannot send input after starting communication")
        if timeout is None and not self._communication_started and \
                [self.stdin, self.stdout, self.stderr].count(None) >= 2:
            stdout = stderr = None
            if self.stdin:
                self._stdin_write(input)
            elif self.stdout:
                stdout = self.stdout.read()
                self.stdout.close()
            elif self.stderr:
                stderr = self.stderr.read()
                self.stderr.close()
            self.wait()
            return (stdout, stderr)
        end = None if timeout is None else time.monotonic() + timeout
        try:
            stdout, stderr = self._communicate(input, end, timeout)
        finally:
            self._communication_started = True
        self.wait(timeout=None if end is None else max(end - time.monotonic(), 0))
        return (stdout, stderr)

    def _stdin_write(self, input):
        if input:
            try:
                self.stdin.write(input)
            except BrokenPipeError:
                pass
        try:
            self.stdin.close()
        except BrokenPipeError:
            pass

    def _raise_timeout(self, orig_timeout):
        # What was read so far goes with the exception, as raw bytes.
        out, err = [b"".join(c) if c else None for c in self._chunks]
        raise TimeoutExpired(self.args, orig_timeout, output=out, stderr=err)

    def _communicate(self, input, end, orig_timeout):
        # Feed stdin and drain stdout and stderr together with poll(), so
        # that a child blocked writing one pipe never waits on us. What was
        # read survives a timeout, for the next call.
        if self.stdin and not self._communication_started:
            try:
                self.stdin.flush()
            except BrokenPipeError:
                pass
            if not input:
                try:
                    self.stdin.close()
                except BrokenPipeError:
                    pass
        if self._output is None:
            self._output = {}
            self._chunks = [[] if self.stdout else None, [] if self.stderr else None]
            if self.stdout:
                self._output[self.stdout.fileno()] = (self.stdout, self._chunks[0])
            if self.stderr:
                self._output[self.stderr.fileno()] = (self.stderr, self._chunks[1])
            self._input = input
            if input is not None and self.text_mode:
                self._input = input.encode(self.stdin.encoding, self.stdin.errors)
            self._input_offset = 0
        poller = select.poll()
        writing = self.stdin and not self.stdin.closed and self._input
        stdin_fd = self.stdin.fileno() if writing else -1
        if writing:
            poller.register(stdin_fd, select.POLLOUT)
        open_fds = 1 if writing else 0
        for fd, (f, _) in self._output.items():
            if not f.closed:
                poller.register(fd, select.POLLIN | select.POLLPRI)
                open_fds += 1
        while open_fds:
            if end is not None:
                left = end - time.monotonic()
                if left <= 0:
                    self._raise_timeout(orig_timeout)
                ready = poller.poll(left * 1000)
            else:
                ready = poller.poll()
            for fd, mode in ready:
                if fd == stdin_fd:
                    chunk = self._input[self._input_offset:self._input_offset + _PIPE_BUF]
                    try:
                        self._input_offset += os.write(fd, chunk)
                    except BrokenPipeError:
                        self._input_offset = len(self._input)
                    if self._input_offset >= len(self._input):
                        poller.unregister(fd)
                        open_fds -= 1
                        stdin_fd = -1
                        try:
                            self.stdin.close()
                        except BrokenPipeError:
                            pass
                elif fd in self._output:
                    f, chunks = self._output[fd]
                    data = os.read(fd, 32768)
                    if data:
                        chunks.append(data)
                    else:
                        poller.unregister(fd)
                        open_fds -= 1
                        f.close()
        out = []
        for chunks in self._chunks:
            if chunks is None:
                out.append(None)
                continue
            data = b"".join(chunks)
            if self.text_mode:
                data = _translate_newlines(data, self.encoding, self.errors)
            out.append(data)
        return out[0], out[1]


def call(*popenargs, timeout=None, **kwargs):
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except:
            p.kill()
            raise


def check_call(*popenargs, **kwargs):
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get("args")
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    if "stdout" in kwargs:
        raise ValueError("stdout argument not allowed, it will be overridden.")
    if "input" in kwargs and kwargs["input"] is None:
        if kwargs.get("universal_newlines") or kwargs.get("text") or kwargs.get("encoding") or kwargs.get("errors"):
            empty = ""
        else:
            empty = b""
        kwargs["input"] = empty
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs).stdout


def run(*popenargs, input=None, capture_output=False, timeout=None, check=False, **kwargs):
    if input is not None:
        if kwargs.get("stdin") is not None:
            raise ValueError("stdin and input arguments may not both be used.")
        kwargs["stdin"] = PIPE
    if capture_output:
        if kwargs.get("stdout") is not None or kwargs.get("stderr") is not None:
            raise ValueError("stdout and stderr arguments may not be used with capture_output.")
        kwargs["stdout"] = PIPE
        kwargs["stderr"] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired:
            process.kill()
            process.wait()
            raise
        except:
            process.kill()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args, output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def getstatusoutput(cmd, *, encoding=None, errors=None):
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT, encoding=encoding, errors=errors)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == "\n":
        data = data[:-1]
    return exitcode, data


def getoutput(cmd, *, encoding=None, errors=None):
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]
