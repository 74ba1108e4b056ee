"""Processes with the `spawn` start method: every child is a new towel
process that loads the parent's main script as `__mp_main__` (so the
`if __name__ == '__main__':` part does not run again), then receives its
work pickled through a pipe (`_spawn` moves length-prefixed messages and
starts and waits for the child). `Process`, `Pool`, `Pipe`, `Queue`,
`cpu_count` and `current_process`; `concurrent.futures.ProcessPoolExecutor`
runs on the same workers."""

import os
import sys
import pickle
import threading
import itertools
import _spawn

__all__ = ['Process', 'current_process', 'active_children', 'parent_process',
           'Pipe', 'Queue', 'SimpleQueue', 'Pool', 'cpu_count', 'get_context',
           'get_start_method', 'set_start_method', 'get_all_start_methods',
           'freeze_support', 'ProcessError', 'BufferTooShort', 'TimeoutError',
           'AuthenticationError']


class ProcessError(Exception):
    pass


class BufferTooShort(ProcessError):
    pass


class TimeoutError(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


def cpu_count():
    """The number of CPUs of the machine."""
    n = os.cpu_count()
    if n is None:
        raise NotImplementedError('cannot determine number of cpus')
    return n


def freeze_support():
    pass


def get_all_start_methods():
    return ['spawn']


def get_start_method(allow_none=False):
    return 'spawn'


def set_start_method(method, force=False):
    if method != 'spawn':
        raise NotImplementedError(
            f"multiprocessing start method {method!r} (towel has 'spawn' only)")


class _Context:
    """What `get_context('spawn')` returns: this module's interface."""

    def __getattr__(self, name):
        return globals()[name]

    def get_start_method(self, allow_none=False):
        return 'spawn'


def get_context(method=None):
    if method not in (None, 'spawn'):
        raise NotImplementedError(
            f"multiprocessing start method {method!r} (towel has 'spawn' only)")
    return _Context()


# -- connections -------------------------------------------------------------

# Descriptors of the pipes this process made: every child spawned from now on
# inherits them under the same numbers, so connections can be pickled into a
# child's arguments.
_inherited_fds = set()


class Connection:
    """One end of a pipe between processes: `send`/`recv` pickled objects."""

    def __init__(self, read_fd, write_fd):
        self._read_fd = read_fd
        self._write_fd = write_fd
        self._closed = False

    def __reduce__(self):
        return (Connection, (self._read_fd, self._write_fd))

    @property
    def closed(self):
        return self._closed

    @property
    def readable(self):
        return self._read_fd is not None

    @property
    def writable(self):
        return self._write_fd is not None

    def _check(self, writing):
        if self._closed:
            raise OSError("handle is closed")
        if writing and self._write_fd is None:
            raise OSError("connection is read-only")
        if not writing and self._read_fd is None:
            raise OSError("connection is write-only")

    def send_bytes(self, buf, offset=0, size=None):
        self._check(True)
        data = bytes(buf)[offset:None if size is None else offset + size]
        _spawn.send(self._write_fd, data)

    def recv_bytes(self, maxlength=None):
        self._check(False)
        data = _spawn.recv(self._read_fd)
        if maxlength is not None and len(data) > maxlength:
            raise OSError("bad message length")
        return data

    def send(self, obj):
        self.send_bytes(pickle.dumps(obj))

    def recv(self):
        return pickle.loads(self.recv_bytes())

    def poll(self, timeout=0.0):
        raise NotImplementedError("multiprocessing Connection.poll")

    def fileno(self):
        return self._read_fd if self._read_fd is not None else self._write_fd

    def close(self):
        if not self._closed:
            self._closed = True
            for fd in {self._read_fd, self._write_fd} - {None}:
                _inherited_fds.discard(fd)
                try:
                    os.close(fd)
                except OSError:
                    pass

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def _pipe_fds():
    r, w = os.pipe()
    _inherited_fds.update((r, w))
    return r, w


def Pipe(duplex=True):
    """Two connected `Connection`s."""
    r1, w1 = _pipe_fds()
    if duplex:
        r2, w2 = _pipe_fds()
        return Connection(r1, w2), Connection(r2, w1)
    return Connection(r1, None), Connection(None, w1)


class Queue:
    """A FIFO queue between processes, on a pipe. `get` with a timeout and
    `qsize` are not available (they would need to poll the pipe)."""

    def __init__(self, maxsize=0):
        self._reader, self._writer = Pipe(duplex=False)
        self._lock = threading.Lock()

    # The lock keeps this process's threads from mixing their messages; a
    # child makes its own.
    def __getstate__(self):
        return self._reader, self._writer

    def __setstate__(self, state):
        self._reader, self._writer = state
        self._lock = threading.Lock()

    def put(self, obj, block=True, timeout=None):
        with self._lock:
            self._writer.send(obj)

    def put_nowait(self, obj):
        self.put(obj, False)

    def get(self, block=True, timeout=None):
        if not block or timeout is not None:
            raise NotImplementedError("multiprocessing Queue.get without blocking")
        with self._lock:
            return self._reader.recv()

    def qsize(self):
        raise NotImplementedError("multiprocessing Queue.qsize")

    def empty(self):
        raise NotImplementedError("multiprocessing Queue.empty")

    def close(self):
        pass

    def join_thread(self):
        pass

    def cancel_join_thread(self):
        pass


SimpleQueue = Queue


# -- children ----------------------------------------------------------------

# True in a child while it loads the parent's main script.
_bootstrapping = False


def _check_not_bootstrapping():
    if _bootstrapping:
        raise RuntimeError('''
        An attempt has been made to start a new process before the
        current process has finished its bootstrapping phase.

        This probably means that you are not using fork to start your
        child processes and you have forgotten to use the proper idiom
        in the main module:

            if __name__ == '__main__':
                freeze_support()
                ...

        The "freeze_support()" line can be omitted if the program
        is not going to be frozen to produce an executable.''')


def _spawn_child(name, fds_for_child):
    """Starts a towel child that reads its orders from a new pipe; returns
    (pid, the pipe's write end). The child first gets what it needs to
    import like this process: `sys.path` and the main script."""
    _check_not_bootstrapping()
    r, w = os.pipe()
    main = sys.modules.get('__main__')
    main_path = getattr(main, '__file__', None)
    if main_path is not None:
        main_path = os.path.abspath(main_path)
    argv = [sys.executable, '-c',
            'import multiprocessing; multiprocessing._child_main(%d)' % r]
    try:
        pid = _spawn.start(argv, [r] + sorted(_inherited_fds) + list(fds_for_child))
    finally:
        os.close(r)
    setup = {'name': name, 'sys_path': list(sys.path), 'main_path': main_path,
             'parent_pid': os.getpid()}
    _spawn.send(w, pickle.dumps(setup))
    return pid, w


def _load_main(path):
    global _bootstrapping
    import importlib.util
    spec = importlib.util.spec_from_file_location('__mp_main__', path)
    module = importlib.util.module_from_spec(spec)
    sys.modules['__mp_main__'] = module
    sys.modules['__main__'] = module
    _bootstrapping = True
    try:
        spec.loader.exec_module(module)
    finally:
        _bootstrapping = False


def _child_main(order_fd):
    """The body of a child process."""
    global _current_process, _parent_pid
    setup = pickle.loads(_spawn.recv(order_fd))
    sys.path[:] = setup['sys_path']
    _parent_pid = setup['parent_pid']
    _current_process = _ChildProcess(setup['name'])
    if setup['main_path'] is not None:
        _load_main(setup['main_path'])
    order = pickle.loads(_spawn.recv(order_fd))
    if order[0] == 'run':
        sys.exit(order[1]._bootstrap())
    elif order[0] == 'worker':
        _worker_loop(order_fd, *order[1:])


def _worker_loop(order_fd, reply_fd, initializer, initargs):
    if initializer is not None:
        initializer(*initargs)
    while True:
        try:
            order = pickle.loads(_spawn.recv(order_fd))
        except EOFError:
            return
        if order[0] == 'stop':
            return
        _, fn, args, kwargs = order
        try:
            reply = (True, fn(*args, **kwargs))
        except BaseException as exc:
            reply = (False, exc)
        try:
            data = pickle.dumps(reply)
        except Exception as exc:
            data = pickle.dumps((False, RuntimeError(
                f'cannot send the result back: {exc!r}')))
        _spawn.send(reply_fd, data)
        del reply, data


class _Worker:
    """A child process that calls functions it is sent, one at a time."""

    _counter = itertools.count(1).__next__

    def __init__(self, initializer=None, initargs=()):
        reply_r, reply_w = os.pipe()
        self.name = 'SpawnProcess-%d' % self._counter()
        try:
            self.pid, self._orders = _spawn_child(self.name, [reply_w])
        finally:
            os.close(reply_w)
        self._replies = reply_r
        _spawn.send(self._orders, pickle.dumps(('worker', reply_w, initializer, initargs)))

    def call(self, fn, args, kwargs):
        """Runs `fn(*args, **kwargs)` in the child: (True, result) or
        (False, exception); EOFError if the child died."""
        _spawn.send(self._orders, pickle.dumps(('call', fn, args, kwargs)))
        return pickle.loads(_spawn.recv(self._replies))

    def stop(self):
        try:
            _spawn.send(self._orders, pickle.dumps(('stop',)))
        except OSError:
            pass
        self.close()

    def close(self):
        for fd in (self._orders, self._replies):
            try:
                os.close(fd)
            except OSError:
                pass
        _spawn.wait(self.pid, True)

    def kill(self):
        try:
            _spawn.kill(self.pid, 15)
        except OSError:
            pass


# -- processes ---------------------------------------------------------------

_children = set()


class BaseProcess:
    """A function run in a child process."""

    _counter = itertools.count(1).__next__

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={},
                 *, daemon=None):
        assert group is None, 'group argument must be None for now'
        self._identity = (self._counter(),)
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or type(self).__name__ + '-' + str(self._identity[0])
        self._daemonic = bool(daemon) if daemon is not None else False
        self._pid = None
        self._exitcode = None
        self._closed = False

    def __getstate__(self):
        state = dict(self.__dict__)
        state['_pid'] = None
        return state

    def run(self):
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        if self._closed:
            raise ValueError("process object is closed")
        if self._pid is not None:
            raise AssertionError('cannot start a process twice')
        payload = pickle.dumps(('run', self))
        self._pid, orders = _spawn_child(self._name, [])
        try:
            _spawn.send(orders, payload)
        finally:
            os.close(orders)
        _children.add(self)

    def _bootstrap(self):
        """In the child: runs the process and returns its exit code."""
        try:
            self.run()
            return 0
        except SystemExit as e:
            code = e.code
            if code is None:
                return 0
            if isinstance(code, int):
                return code
            sys.stderr.write(str(code) + '\n')
            return 1
        except BaseException:
            import traceback
            sys.stderr.write('Process %s:\n' % self.name)
            traceback.print_exc()
            return 1
        finally:
            sys.stdout.flush()

    def _poll(self, block):
        if self._exitcode is None and self._pid is not None:
            self._exitcode = _spawn.wait(self._pid, block)
            if self._exitcode is not None:
                _children.discard(self)
        return self._exitcode

    def join(self, timeout=None):
        if self._pid is None:
            raise AssertionError('can only join a started process')
        if timeout is None:
            self._poll(True)
            return
        import time
        end = time.monotonic() + timeout
        while self._poll(False) is None and time.monotonic() < end:
            time.sleep(0.005)

    def is_alive(self):
        if self._pid is None:
            return False
        return self._poll(False) is None

    def terminate(self):
        if self._pid is not None and self._exitcode is None:
            _spawn.kill(self._pid, 15)

    def kill(self):
        if self._pid is not None and self._exitcode is None:
            _spawn.kill(self._pid, 9)

    def close(self):
        if self.is_alive():
            raise ValueError("Cannot close a process while it is still running. "
                             "You should first call join() or terminate().")
        self._closed = True

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        self._name = name

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if self._pid is not None:
            raise AssertionError('process has already started')
        self._daemonic = daemonic

    @property
    def pid(self):
        return self._pid

    ident = pid

    @property
    def exitcode(self):
        if self._pid is None:
            return None
        return self._poll(False)

    def __repr__(self):
        if self._pid is None:
            status = 'initial'
        elif self._exitcode is None and self.is_alive():
            status = 'started'
        else:
            status = 'stopped'
        info = [type(self).__name__, 'name=%r' % self._name]
        if self._pid is not None:
            info.append('pid=%s' % self._pid)
        info.append('parent=%s' % os.getpid())
        info.append(status)
        if self._exitcode not in (None, 0):
            info.append('exitcode=%s' % self._exitcode)
        if self._daemonic:
            info.append('daemon')
        return '<%s>' % ' '.join(info)


class Process(BaseProcess):
    pass


class _MainProcess:
    name = 'MainProcess'
    daemon = False
    _identity = ()

    @property
    def pid(self):
        return os.getpid()

    ident = pid

    def __repr__(self):
        return "<_MainProcess name='MainProcess' parent=None started>"


class _ChildProcess(_MainProcess):
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "<%s name=%r parent=%s started>" % (
            type(self).__name__, self.name, _parent_pid)


_current_process = _MainProcess()
_parent_pid = None


def current_process():
    return _current_process


def parent_process():
    return None if _parent_pid is None else _ChildProcess('MainProcess')


def active_children():
    for p in list(_children):
        p.is_alive()
    return list(_children)


def _join_children():
    """At exit, as CPython's: wait for the children that are not daemons."""
    for p in list(_children):
        if p.daemon:
            p.terminate()
        p.join()


threading._register_atexit(_join_children)


def Pool(processes=None, initializer=None, initargs=(), maxtasksperchild=None):
    """A pool of worker processes (`multiprocessing.pool.Pool`)."""
    from multiprocessing.pool import Pool
    return Pool(processes, initializer, initargs, maxtasksperchild)
