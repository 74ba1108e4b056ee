"""Threads, and the ways they wait for each other, on top of `_thread`.

Every Python thread but the main one is a green thread of the interpreter's
OS thread (see `_thread`): one runs at a time, the running one gives way at
the switch interval and whenever it waits, so the semantics are CPython's
with its global lock. Everything here that waits waits on a `_thread.lock`
(or on `_thread.RLock`, the native reentrant lock built on it).
"""

import _thread
import sys as _sys
from time import monotonic as _time
from collections import deque as _deque

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread',
           'enumerate', 'main_thread', 'TIMEOUT_MAX',
           'Event', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Thread',
           'Barrier', 'BrokenBarrierError', 'Timer', 'ThreadError',
           'ExceptHookArgs', 'setprofile', 'settrace', 'local', 'stack_size',
           'excepthook', 'get_native_id', 'getprofile', 'gettrace']

_start_new_thread = _thread.start_new_thread
_allocate_lock = _thread.allocate_lock
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
stack_size = _thread.stack_size
Lock = _allocate_lock

_trace_hook = None
_profile_hook = None


def settrace(func):
    """Remember a trace function for threads started from now on."""
    global _trace_hook
    _trace_hook = func


def gettrace():
    return _trace_hook


def setprofile(func):
    """Remember a profile function for threads started from now on."""
    global _profile_hook
    _profile_hook = func


def getprofile():
    return _profile_hook


def _deprecated(old, new):
    import warnings
    warnings.warn(f'{old} is deprecated, {new}', DeprecationWarning, stacklevel=3)


def _object_repr_prefix(obj):
    cls = type(obj)
    return f"<{cls.__module__}.{cls.__qualname__} at {id(obj):#x}"


# -- reentrant lock ---------------------------------------------------------------

# `_thread.RLock` is native (stdlib/thread.rs), with the protocol Condition
# uses to let go of every level while it waits (_is_owned, _release_save,
# _acquire_restore).
_CRLock = _thread.RLock


def RLock(*args, **kwargs):
    """A reentrant lock: the thread holding it may take it again, and it is
    free once released as many times (arguments are ignored, as CPython's
    are)."""
    return _CRLock(*args, **kwargs)


# -- condition --------------------------------------------------------------------


class Condition:
    """Lets threads wait until another thread notifies them.

    A waiter parks on a `_thread.lock` of its own (its gate), which it holds
    before parking, so acquiring it again blocks until `notify` releases it.
    The gates queue in `_waiters` in arrival order; a waiter that gives up
    takes its gate out again."""

    def __init__(self, lock=None):
        self._lock = RLock() if lock is None else lock
        self.acquire = self._lock.acquire
        self.release = self._lock.release
        self._waiters = _deque()
        # Locks that know how to let go of (and retake) every level of a
        # reentrant hold say so; plain locks use the defaults below.
        for hook in ('_is_owned', '_release_save', '_acquire_restore'):
            if hasattr(self._lock, hook):
                setattr(self, hook, getattr(self._lock, hook))

    def _at_fork_reinit(self):
        self._lock._at_fork_reinit()
        self._waiters.clear()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return f"<Condition({self._lock!r}, {len(self._waiters)})>"

    def _is_owned(self):
        # A plain lock cannot tell who holds it: held at all counts as
        # held by the caller. Probing takes it if it was free.
        was_free = self._lock.acquire(False)
        if was_free:
            self._lock.release()
        return not was_free

    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, _state):
        self._lock.acquire()

    def _require_owned(self, action):
        if not self._is_owned():
            raise RuntimeError(f"cannot {action} on un-acquired lock")

    def wait(self, timeout=None):
        self._require_owned("wait")
        gate = _allocate_lock()
        gate.acquire()
        self._waiters.append(gate)
        notified = False
        held = self._release_save()
        try:
            notified = _pass_gate(gate, timeout)
        finally:
            self._acquire_restore(held)
            if not notified:
                self._forget(gate)
        return notified

    def _forget(self, gate):
        try:
            self._waiters.remove(gate)
        except ValueError:
            pass  # notify took it in the meantime

    def wait_for(self, predicate, timeout=None):
        deadline = None if timeout is None else _time() + timeout
        while True:
            outcome = predicate()
            if outcome:
                return outcome
            if deadline is None:
                self.wait()
                continue
            left = deadline - _time()
            if left <= 0:
                return outcome
            self.wait(left)

    def notify(self, n=1):
        self._require_owned("notify")
        woken = 0
        while woken < n and self._waiters:
            self._waiters.popleft().release()
            woken += 1

    def notify_all(self):
        self.notify(len(self._waiters))

    def notifyAll(self):
        _deprecated('notifyAll()', 'use notify_all() instead')
        self.notify_all()


def _pass_gate(gate, timeout):
    """Blocks on a waiter's gate: for ever, for `timeout` seconds, or (when
    `timeout` is not positive) only to see whether it is already open."""
    if timeout is None:
        return gate.acquire()
    if timeout > 0:
        return gate.acquire(True, timeout)
    return gate.acquire(False)


# -- semaphores -------------------------------------------------------------------


class Semaphore:
    """A counter of permits: `acquire` takes one, waiting while none is left;
    `release` gives some back."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._permits = value
        self._changed = Condition(Lock())

    def __repr__(self):
        return f"{_object_repr_prefix(self)}: value={self._permits}>"

    def acquire(self, blocking=True, timeout=None):
        if timeout is not None and not blocking:
            raise ValueError("can't specify timeout for non-blocking acquire")
        with self._changed:
            if not self._changed.wait_for(lambda: self._permits > 0,
                                          timeout if blocking else 0):
                return False
            self._permits -= 1
            return True

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        with self._changed:
            self._give_back(n)
            # One waiter per permit given back.
            self._changed.notify(n)

    def _give_back(self, n):
        self._permits += n

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A semaphore that may not be released above its initial value."""

    def __init__(self, value=1):
        super().__init__(value)
        self._ceiling = value

    def __repr__(self):
        return f"{_object_repr_prefix(self)}: value={self._permits}/{self._ceiling}>"

    def _give_back(self, n):
        if self._permits + n > self._ceiling:
            raise ValueError("Semaphore released too many times")
        self._permits += n


# -- event ------------------------------------------------------------------------


class Event:
    """A flag that threads can wait to be set."""

    def __init__(self):
        self._is_up = False
        self._changed = Condition(Lock())

    def __repr__(self):
        return f"{_object_repr_prefix(self)}: {'set' if self._is_up else 'unset'}>"

    def _at_fork_reinit(self):
        self._changed._at_fork_reinit()

    def is_set(self):
        return self._is_up

    def isSet(self):
        _deprecated('isSet()', 'use is_set() instead')
        return self.is_set()

    def set(self):
        with self._changed:
            self._is_up = True
            self._changed.notify_all()

    def clear(self):
        with self._changed:
            self._is_up = False

    def wait(self, timeout=None):
        # True once set while waiting, even if cleared again before this
        # thread wakes (the documented promise): the notification counts.
        with self._changed:
            return self._is_up or self._changed.wait(timeout)


# -- barrier ----------------------------------------------------------------------


class BrokenBarrierError(RuntimeError):
    pass


class _Round:
    """One filling of a barrier: the threads that arrived, and how it ended
    (`passed` once the last party came, `broken` by a timeout, a failing
    action, `abort` or `reset`). A waiter keeps its round, so a new round
    can start while it is still waking up."""

    __slots__ = ('arrived', 'passed', 'broken')

    def __init__(self):
        self.arrived = 0
        self.passed = self.broken = False

    def over(self):
        return self.passed or self.broken


class Barrier:
    """Lets a fixed number of threads wait until all of them have come; the
    last one to come runs `action` before any of them goes on."""

    def __init__(self, parties, action=None, timeout=None):
        self._parties, self._action, self._timeout = parties, action, timeout
        self._changed = Condition(Lock())
        self._round = _Round()
        self._is_broken = False

    def __repr__(self):
        if self._is_broken:
            return f"{_object_repr_prefix(self)}: broken>"
        return f"{_object_repr_prefix(self)}: waiters={self.n_waiting}/{self._parties}>"

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._changed:
            if self._is_broken:
                raise BrokenBarrierError
            mine = self._round
            index = mine.arrived
            mine.arrived += 1
            if mine.arrived == self._parties:
                self._finish_round(mine)
            elif not self._changed.wait_for(mine.over, timeout):
                self._break_round(mine, stay_broken=True)
            if not mine.passed:
                raise BrokenBarrierError
            return index

    def _finish_round(self, mine):
        """The last party came: run the action, then let the round go."""
        if self._action is not None:
            try:
                self._action()
            except BaseException:
                self._break_round(mine, stay_broken=True)
                raise
        mine.passed = True
        self._round = _Round()
        self._changed.notify_all()

    def _break_round(self, mine, stay_broken):
        mine.broken = True
        self._is_broken = stay_broken
        if self._round is mine:
            self._round = _Round()
        self._changed.notify_all()

    def reset(self):
        """Empties the barrier: threads waiting in it get
        BrokenBarrierError, and it is usable again (no longer broken)."""
        with self._changed:
            self._break_round(self._round, stay_broken=False)

    def abort(self):
        """Breaks the barrier for good (until `reset`): waiting and future
        calls to `wait` get BrokenBarrierError."""
        with self._changed:
            self._break_round(self._round, stay_broken=True)

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return 0 if self._is_broken else self._round.arrived

    @property
    def broken(self):
        return self._is_broken


# -- threads ----------------------------------------------------------------------

_counter_value = 0


def _newname(name_template="Thread-%d"):
    global _counter_value
    _counter_value += 1
    return name_template % _counter_value


# Threads that have started and not finished, by identifier, and threads
# whose `start` has spawned them but which have not begun to run yet.
_active = {}
_starting = set()
_threading_atexits = []
_SHUTTING_DOWN = False


def _register_atexit(func, *args, **kwargs):
    """Has `func(*args, **kwargs)` run at exit before non-daemon threads
    are joined (thread pools stop their workers this way); last
    registered, first run."""
    if _SHUTTING_DOWN:
        raise RuntimeError("can't register atexit after shutdown")
    _threading_atexits.append(lambda: func(*args, **kwargs))


class ExceptHookArgs(tuple):
    """What `threading.excepthook` is given: (exc_type, exc_value,
    exc_traceback, thread)."""

    n_fields = 4
    n_sequence_fields = 4
    n_unnamed_fields = 0

    def __new__(cls, args):
        return tuple.__new__(cls, args)

    exc_type = property(lambda self: self[0])
    exc_value = property(lambda self: self[1])
    exc_traceback = property(lambda self: self[2])
    thread = property(lambda self: self[3])

    def __repr__(self):
        return ("threading.ExceptHookArgs(exc_type=%r, exc_value=%r, "
                "exc_traceback=%r, thread=%r)" % tuple(self))


def excepthook(args, /):
    """Reports an exception that ended a thread, on stderr."""
    if args.exc_type == SystemExit:
        return
    stderr = _sys.stderr
    if stderr is None and args.thread is not None:
        stderr = args.thread._stderr
    if stderr is None:
        return
    if args.thread is not None:
        name = args.thread.name
    else:
        name = get_ident()
    print(f"Exception in thread {name}:", file=stderr, flush=True)
    import traceback
    traceback.print_exception(args.exc_type, args.exc_value, args.exc_traceback,
                              file=stderr)
    stderr.flush()


__excepthook__ = excepthook


def _default_thread_name(target):
    name = _newname()
    target_name = getattr(target, '__name__', None) if target is not None else None
    return name if target_name is None else f"{name} ({target_name})"


class Thread:
    """A thread of control: `run` (by default `target(*args, **kwargs)`)
    runs in a new thread once `start` is called.

    Its life is two events: `_started` (set by the new thread before `run`)
    and `_ended` (set once `run` is over); a thread is alive between them."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None,
                 args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        self._target = target
        self._args = args
        self._kwargs = {} if kwargs is None else kwargs
        self._name = _default_thread_name(target) if name is None else str(name)
        self._daemonic = current_thread().daemon if daemon is None else daemon
        self._ident = None
        self._native_id = None
        self._started = Event()
        self._ended = Event()
        self._stderr = _sys.stderr
        self._initialized = True

    def _check_initialized(self, message="Thread.__init__() not called"):
        assert self._initialized, message

    def _life_stage(self):
        if not self._started.is_set():
            return "initial"
        return "stopped" if self._ended.is_set() else "started"

    def __repr__(self):
        self._check_initialized("Thread.__init__() was not called")
        details = [self._life_stage()]
        if self._daemonic:
            details.append("daemon")
        if self._ident is not None:
            details.append(str(self._ident))
        return f"<{type(self).__name__}({self._name}, {' '.join(details)})>"

    def start(self):
        """Starts the thread: `run` is called in it. Returns once the new
        thread is running; a thread can be started once."""
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set() or self in _starting:
            raise RuntimeError("threads can only be started once")
        _starting.add(self)
        try:
            _start_new_thread(self._bootstrap, ())
        except BaseException:
            _starting.discard(self)
            raise
        self._started.wait()

    def run(self):
        """What the thread does: call the target given to the constructor
        (if any) with its args and kwargs. Subclasses may override it."""
        if self._target is not None:
            self._target(*self._args, **self._kwargs)

    def _bootstrap(self):
        self._ident = get_ident()
        self._native_id = get_native_id()
        _active[self._ident] = self
        _starting.discard(self)
        self._started.set()
        try:
            self._run_reporting_errors()
        finally:
            # The target and its arguments may refer back to this thread:
            # let them go with the thread rather than with this object.
            self._target, self._args, self._kwargs = None, (), {}
            _active.pop(self._ident, None)
            self._ended.set()

    def _run_reporting_errors(self):
        try:
            self.run()
        except BaseException:
            report = ExceptHookArgs([*_sys.exc_info(), self])
            try:
                excepthook(report)
            except BaseException:
                _sys.excepthook(*_sys.exc_info())

    def join(self, timeout=None):
        """Waits until the thread ends, or `timeout` seconds pass (use
        is_alive() to tell which)."""
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        self._ended.wait(timeout)

    @property
    def name(self):
        self._check_initialized()
        return self._name

    @name.setter
    def name(self, name):
        self._check_initialized()
        self._name = str(name)

    @property
    def ident(self):
        self._check_initialized()
        return self._ident

    @property
    def native_id(self):
        self._check_initialized()
        return self._native_id

    def is_alive(self):
        """Whether the thread has started and not yet ended."""
        self._check_initialized()
        return self._life_stage() == "started"

    @property
    def daemon(self):
        self._check_initialized()
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        _deprecated('isDaemon()', 'get the daemon attribute instead')
        return self.daemon

    def setDaemon(self, daemonic):
        _deprecated('setDaemon()', 'set the daemon attribute instead')
        self.daemon = daemonic

    def getName(self):
        _deprecated('getName()', 'get the name attribute instead')
        return self.name

    def setName(self, name):
        _deprecated('setName()', 'set the name attribute instead')
        self.name = name


class Timer(Thread):
    """Calls a function after a number of seconds, unless cancelled first;
    `finished` is set once it has run or been cancelled."""

    def __init__(self, interval, function, args=None, kwargs=None):
        super().__init__()
        self.interval, self.function = interval, function
        self.args = [] if args is None else args
        self.kwargs = {} if kwargs is None else kwargs
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        cancelled = self.finished.wait(self.interval)
        if not cancelled:
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class _Adopted(Thread):
    """A thread that `threading` did not start, running already when first
    seen: the main thread, or one started with `_thread` directly."""

    def __init__(self, name, daemon):
        super().__init__(name=name, daemon=daemon)
        # Already running: it starts life registered and started.
        self._ident, self._native_id = get_ident(), get_native_id()
        _active[self._ident] = self
        self._started.set()


class _MainThread(_Adopted):
    def __init__(self):
        super().__init__("MainThread", daemon=False)


class _DummyThread(_Adopted):
    def __init__(self):
        super().__init__(_newname("Dummy-%d"), daemon=True)

    def is_alive(self):
        return True

    def join(self, timeout=None):
        raise AssertionError("cannot join a dummy thread")


def current_thread():
    """The Thread object of the running thread (a dummy one for threads
    that `threading` did not start)."""
    found = _active.get(get_ident())
    return _DummyThread() if found is None else found


def currentThread():
    _deprecated('currentThread()', 'use current_thread() instead')
    return current_thread()


def active_count():
    """How many threads are alive (the main thread included)."""
    return len(_active) + len(_starting)


def activeCount():
    _deprecated('activeCount()', 'use active_count() instead')
    return active_count()


def enumerate():
    """The threads alive now, the main thread included."""
    return [*_active.values(), *_starting]


def main_thread():
    return _main_thread


def _shutdown():
    """At exit: runs what `_register_atexit` registered, then waits for every
    thread that is not a daemon (including ones those threads start)."""
    global _SHUTTING_DOWN
    _SHUTTING_DOWN = True
    for func in reversed(_threading_atexits):
        func()
    while True:
        waiting = [t for t in enumerate()
                   if t is not _main_thread and not t.daemon and t.is_alive()]
        if not waiting:
            break
        for thread in waiting:
            thread.join()
    _main_thread._ended.set()


_main_thread = _MainThread()


# -- thread-local data ------------------------------------------------------------


class local:
    """Attributes that each thread sees its own values of."""

    def __new__(cls, /, *args, **kw):
        if (args or kw) and cls.__init__ is object.__init__:
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        # The creating thread's namespace exists already: its __init__ call
        # is the one the constructor makes. Other threads get theirs (and
        # an __init__ call with the same arguments) on first use.
        object.__setattr__(self, '_local__args', (args, kw))
        object.__setattr__(self, '_local__dicts', {get_ident(): {}})
        return self

    # The attributes live in one dict per thread, never in the instance, so
    # an ordinary lookup finds the class's attributes and then asks here.
    def __getattr__(self, name):
        namespace = _local_namespace(self)
        if name in namespace:
            return namespace[name]
        raise AttributeError(
            f"{_local_type_name(self)!r} object has no attribute {name!r}")

    def __setattr__(self, name, value):
        if name == '__dict__':
            raise AttributeError(
                "%r object attribute '__dict__' is read-only" % _local_type_name(self))
        if _is_data_descriptor(type(self), name):
            object.__setattr__(self, name, value)
        else:
            _local_namespace(self)[name] = value

    def __delattr__(self, name):
        if name == '__dict__':
            raise AttributeError(
                "%r object attribute '__dict__' is read-only" % _local_type_name(self))
        if _is_data_descriptor(type(self), name):
            return object.__delattr__(self, name)
        namespace = _local_namespace(self)
        if name not in namespace:
            raise AttributeError(
                f"{_local_type_name(self)!r} object has no attribute {name!r}")
        del namespace[name]

    @property
    def __dict__(self):
        """The running thread's attributes."""
        return _local_namespace(self)


def _local_type_name(obj):
    # CPython's local is the built-in type `_thread._local`, so the base
    # class's messages carry its module.
    cls = type(obj)
    return '_thread._local' if cls is local else cls.__name__


local.__name__ = local.__qualname__ = '_local'
local.__module__ = '_thread'


def _is_data_descriptor(cls, name):
    for klass in cls.__mro__:
        if name in klass.__dict__:
            attr = klass.__dict__[name]
            return hasattr(type(attr), '__set__') or hasattr(type(attr), '__delete__')
    return False


def _local_namespace(obj):
    dicts = object.__getattribute__(obj, '_local__dicts')
    me = get_ident()
    namespace = dicts.get(me)
    if namespace is None:
        namespace = dicts[me] = {}
        cls = type(obj)
        if cls.__init__ is not object.__init__:
            args, kw = object.__getattribute__(obj, '_local__args')
            cls.__init__(obj, *args, **kw)
    return namespace
