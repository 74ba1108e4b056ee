# The script-level half of towel's asyncio module, run at import in the
# module's namespace after the native core (loop, Future, Task, sleep) is
# installed. Written from the asyncio documentation and CPython 3.11's
# observed behaviour (results, messages, callback and cancellation orders);
# waiting lists are Python lists, and sets of tasks are insertion-ordered
# dicts so that iteration is deterministic.

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


# A stream's buffer limit by default (the streams and asyncio.subprocess use it).
_DEFAULT_LIMIT = 2 ** 16


class IncompleteReadError(EOFError):
    """Raised by StreamReader.readexactly() and readuntil() when the stream ends first.

    `partial` holds the bytes read before the end, `expected` how many were wanted.
    """
    __module__ = "asyncio.exceptions"

    def __init__(self, partial, expected):
        total = 'undefined' if expected is None else repr(expected)
        super().__init__(f'{len(partial)} bytes read on a total of {total} expected bytes')
        self.partial = partial
        self.expected = expected

    def __reduce__(self):
        # Pickle by the constructor's arguments, not by the message.
        return type(self), (self.partial, self.expected)


class LimitOverrunError(Exception):
    """Raised by StreamReader.readuntil() when the separator is not found within the buffer limit.

    `consumed` is how many bytes can be skipped to go on.
    """
    __module__ = "asyncio.exceptions"

    def __init__(self, message, consumed):
        super().__init__(message)
        self.consumed = consumed

    def __reduce__(self):
        return type(self), (self.args[0], self.consumed)


class BrokenBarrierError(RuntimeError):
    """Raised by Barrier.wait() when the barrier is broken (aborted or reset)."""
    __module__ = "asyncio.exceptions"


class SendfileNotAvailableError(RuntimeError):
    """Raised when sendfile cannot be used for a transfer; the caller falls back to plain sends."""
    __module__ = "asyncio.exceptions"


class QueueEmpty(Exception):
    """Raised by Queue.get_nowait() when the queue holds no item."""
    __module__ = "asyncio.queues"


class QueueFull(Exception):
    """Raised by Queue.put_nowait() when the queue has no room."""
    __module__ = "asyncio.queues"


# -- event loop policies ------------------------------------------------------
# A policy decides which loop `get_event_loop()` returns when none is
# running, and what `new_event_loop()` makes. The module-level functions
# always ask the current policy, so a custom one (uvloop-style) takes over
# `asyncio.run` too.

class AbstractEventLoopPolicy:
    """The interface of event loop policies: they decide which loop get_event_loop() returns in each thread."""
    __module__ = "asyncio.events"

    def get_event_loop(self):
        raise NotImplementedError

    def set_event_loop(self, loop):
        raise NotImplementedError

    def new_event_loop(self):
        raise NotImplementedError

    def get_child_watcher(self):
        raise NotImplementedError

    def set_child_watcher(self, watcher):
        raise NotImplementedError


class _PolicyState:
    # What CPython keeps per thread; towel runs Python on one thread.
    _loop = None
    _set_called = False


class BaseDefaultEventLoopPolicy(AbstractEventLoopPolicy):
    """The default policy: one event loop per thread, made on first demand in the main thread."""
    __module__ = "asyncio.events"
    _loop_factory = None

    def __init__(self):
        self._local = _PolicyState()

    def get_event_loop(self):
        """The current loop; the main thread gets one made on first demand
        (unless set_event_loop was called)."""
        state = self._local
        if state._loop is None and not state._set_called and _in_main_thread():
            self.set_event_loop(self.new_event_loop())
        if state._loop is None:
            import threading
            name = threading.current_thread().name
            raise RuntimeError(f'There is no current event loop in thread {name!r}.')
        return state._loop

    def set_event_loop(self, loop):
        """Make `loop` (an event loop or None) the current one."""
        if loop is not None and not isinstance(loop, AbstractEventLoop):
            raise TypeError(
                "loop must be an instance of AbstractEventLoop or None, "
                f"not '{type(loop).__name__}'")
        self._local._set_called = True
        self._local._loop = loop

    def new_event_loop(self):
        return self._loop_factory()


class _UnixDefaultEventLoopPolicy(BaseDefaultEventLoopPolicy):
    """The default event loop policy on Unix: a selector event loop per thread."""
    __module__ = "asyncio.unix_events"
    _loop_factory = _UnixSelectorEventLoop

    def get_child_watcher(self):
        raise NotImplementedError("child watchers (asyncio subprocesses)")

    def set_child_watcher(self, watcher):
        raise NotImplementedError("child watchers (asyncio subprocesses)")


DefaultEventLoopPolicy = _UnixDefaultEventLoopPolicy
_event_loop_policy = None


def _in_main_thread():
    import threading
    return threading.current_thread() is threading.main_thread()


def get_event_loop_policy():
    """The event loop policy in use (the default one is made on first demand)."""
    global _event_loop_policy
    policy = _event_loop_policy
    if policy is None:
        policy = _event_loop_policy = DefaultEventLoopPolicy()
    return policy


def set_event_loop_policy(policy):
    """Install `policy`; None goes back to a fresh default policy."""
    global _event_loop_policy
    if policy is None or isinstance(policy, AbstractEventLoopPolicy):
        _event_loop_policy = policy
        return
    raise TypeError(
        "policy must be an instance of AbstractEventLoopPolicy or None, "
        f"not '{type(policy).__name__}'")


def set_event_loop(loop):
    """Make `loop` the current event loop of this thread, as the policy keeps it."""
    get_event_loop_policy().set_event_loop(loop)


def new_event_loop():
    """Return a new event loop, made by the event loop policy."""
    return get_event_loop_policy().new_event_loop()


def _abstract_loop_method(name):
    def method(self, *args, **kwargs):
        if isinstance(self, BaseEventLoop):
            raise NotImplementedError(f"loop.{name}() is not available in towel")
        raise NotImplementedError
    method.__name__ = method.__qualname__ = name
    return method


for _name in (
        'run_forever', 'run_until_complete', 'stop', 'is_running', 'is_closed',
        'close', 'shutdown_asyncgens', 'shutdown_default_executor', 'call_soon',
        'call_later', 'call_at', 'time', 'create_future', 'create_task',
        'call_soon_threadsafe', 'run_in_executor', 'set_default_executor',
        'getaddrinfo', 'getnameinfo', 'create_connection', 'create_server',
        'sendfile', 'start_tls', 'create_unix_connection', 'create_unix_server',
        'connect_accepted_socket', 'create_datagram_endpoint',
        'connect_read_pipe', 'connect_write_pipe', 'subprocess_shell',
        'subprocess_exec', 'add_reader', 'remove_reader', 'add_writer',
        'remove_writer', 'sock_recv', 'sock_recv_into', 'sock_recvfrom',
        'sock_recvfrom_into', 'sock_sendall', 'sock_sendto', 'sock_connect',
        'sock_accept', 'sock_sendfile', 'add_signal_handler',
        'remove_signal_handler', 'set_task_factory', 'get_task_factory',
        'get_exception_handler', 'set_exception_handler',
        'default_exception_handler', 'call_exception_handler', 'get_debug',
        'set_debug'):
    _add_abstract_method(_name, _abstract_loop_method(_name))
del _name


# -- coroutine tests ------------------------------------------------------------

_is_coroutine = object()


def iscoroutinefunction(func):
    """True for an `async def` function, or one that carries the legacy
    `_is_coroutine` mark."""
    import inspect
    if inspect.iscoroutinefunction(func):
        return True
    return getattr(func, '_is_coroutine', None) is _is_coroutine


def _is_coroutine_object(obj):
    # asyncio.iscoroutine for objects of Python classes.
    import collections.abc
    return isinstance(obj, collections.abc.Coroutine)


# -- runners ------------------------------------------------------------------

def _cancel_all_tasks(loop):
    """Cancel the tasks still pending on `loop`, let them finish, and report
    any that ended with an error other than the cancellation."""
    leftovers = _all_tasks_ordered(loop)
    if not leftovers:
        return
    for task in leftovers:
        task.cancel()
    loop.run_until_complete(gather(*leftovers, return_exceptions=True))
    for task in leftovers:
        if task.cancelled() or task.exception() is None:
            continue
        loop.call_exception_handler({
            'message': 'unhandled exception during asyncio.run() shutdown',
            'exception': task.exception(),
            'task': task,
        })


class Runner:
    """Runs coroutines on one event loop, made on first use and closed
    (after cancelling what is left) by close() or the end of a with block."""

    __module__ = "asyncio.runners"

    def __init__(self, *, debug=None, loop_factory=None):
        self._debug = debug
        self._loop_factory = loop_factory
        self._loop = None
        self._context = None
        self._phase = 'fresh'       # fresh -> ready -> closed
        self._owns_current_loop = False  # we made the loop the thread's current one

    def __enter__(self):
        self._lazy_init()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()

    def close(self):
        """Cancel what is left on the loop, finish its async generators and
        default executor, and close it. Closing twice does nothing."""
        if self._phase != 'ready':
            return
        loop = self._loop
        try:
            _cancel_all_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            if self._owns_current_loop:
                set_event_loop(None)
            loop.close()
            self._loop = None
            self._phase = 'closed'

    def get_loop(self):
        self._lazy_init()
        return self._loop

    def run(self, coro, *, context=None):
        if not iscoroutine(coro):
            raise ValueError(f"a coroutine was expected, got {coro!r}")
        if _get_running_loop() is not None:
            raise RuntimeError(
                "Runner.run() cannot be called from a running event loop")
        self._lazy_init()
        if context is None:
            context = self._context
        task = self._loop.create_task(coro, context=context)
        return self._loop.run_until_complete(task)

    def _lazy_init(self):
        if self._phase == 'ready':
            return
        if self._phase == 'closed':
            raise RuntimeError("Runner is closed")
        if self._loop_factory is not None:
            self._loop = self._loop_factory()
        else:
            self._loop = new_event_loop()
            if not self._owns_current_loop:
                set_event_loop(self._loop)
                self._owns_current_loop = True
        if self._debug is not None:
            self._loop.set_debug(self._debug)
        import contextvars
        self._context = contextvars.copy_context()
        self._phase = 'ready'


def run(main, *, debug=None):
    """Run the coroutine `main` on a new event loop, then close the loop (after
    cancelling the tasks left) and return main's result."""
    if _get_running_loop() is not None:
        raise RuntimeError(
            "asyncio.run() cannot be called from a running event loop")
    with Runner(debug=debug) as runner:
        return runner.run(main)


# -- gather, wait, wait_for, shield, as_completed ------------------------------

class _GatheringFuture(Future):
    """The future `gather` hands back: it owns the children it waits for.

    Cancelling it cancels every child still running; it then settles once
    the last child has finished (see `_Gathering.child_done`).
    """

    def __init__(self, children, *, loop):
        super().__init__(loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        # Every child is asked, even after one has accepted.
        accepted = [child.cancel(msg=msg) for child in self._children]
        if True in accepted:
            self._cancel_requested = True
            return True
        return False


def _outcome(fut):
    """What `gather(..., return_exceptions=True)` reports for a finished child."""
    if fut.cancelled():
        # A fresh error carrying the future's own cancel message ('' when it
        # has none): a task's message stays with the error its coroutine raised.
        msg = fut._cancel_message
        return CancelledError('' if msg is None else msg)
    err = fut.exception()
    return fut.result() if err is None else err


class _Gathering:
    """The bookkeeping behind one `gather` call: counts finished children and
    settles the outer future."""

    __slots__ = ('outer', 'children', 'left', 'keep_errors')

    def __init__(self, keep_errors):
        self.outer = None
        self.children = []
        self.left = 0
        self.keep_errors = keep_errors

    def child_done(self, child):
        self.left -= 1
        outer = self.outer
        if outer.done():
            # Too late to matter; retrieving the error keeps it from being
            # reported as never retrieved.
            if not child.cancelled():
                child.exception()
            return
        if not self.keep_errors:
            if child.cancelled():
                outer.set_exception(child._make_cancelled_error())
                return
            err = child.exception()
            if err is not None:
                outer.set_exception(err)
                return
        if self.left:
            return
        if outer._cancel_requested:
            # The outer future was cancelled but some child carried on to the end:
            # awaiting it still raises CancelledError.
            outer.set_exception(child._make_cancelled_error())
        elif self.keep_errors:
            outer.set_result([_outcome(c) for c in self.children])
        else:
            outer.set_result([c.result() for c in self.children])


def gather(*coros_or_futures, return_exceptions=False):
    """Run the awaitables concurrently; the result is the list of their results,
    in argument order."""
    if not coros_or_futures:
        empty = get_event_loop().create_future()
        empty.set_result([])
        return empty
    state = _Gathering(return_exceptions)
    on_done = state.child_done
    children = state.children
    made = {}
    loop = None
    for aw in coros_or_futures:
        fut = made.get(aw)
        if fut is None:
            fut = ensure_future(aw, loop=loop)
            if loop is None:
                loop = _future_loop(fut)
            made[aw] = fut
            state.left += 1
            fut.add_done_callback(on_done)
        children.append(fut)
    state.outer = _GatheringFuture(children, loop=loop)
    return state.outer


def _future_loop(fut):
    """The loop of an asyncio future, or of a future-like object without get_loop()."""
    get_loop = getattr(fut, 'get_loop', None)
    return fut._loop if get_loop is None else get_loop()


def _check_wait_args(fs, what):
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f"expect {what} of futures, not {type(fs).__name__}")


def _set_if_pending(fut, *_):
    if not fut.done():
        fut.set_result(None)


async def _until(loop, fut, delay=None, cancel=False):
    """Wait until `fut` is done or `delay` seconds pass, without taking its
    outcome; return whether it is done. With `cancel`, cancel it first."""
    signal = loop.create_future()

    def wake(_=None):
        _set_if_pending(signal)

    timer = None if delay is None else loop.call_later(delay, wake)
    fut.add_done_callback(wake)
    try:
        if cancel:
            fut.cancel()
        await signal
    finally:
        fut.remove_done_callback(wake)
        if timer is not None:
            timer.cancel()
    return fut.done()


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures and tasks in `fs`; return the sets (done, pending)."""
    _check_wait_args(fs, 'a list')
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')
    given = set(fs)
    if any(iscoroutine(f) for f in given):
        raise TypeError('Passing coroutines is forbidden, use tasks explicitly.')
    loop = get_running_loop()
    futs = list(dict.fromkeys(ensure_future(f, loop=loop) for f in given))
    signal = loop.create_future()
    left = len(futs)

    def finished(f):
        nonlocal left
        left -= 1
        enough = (
            left <= 0
            or return_when == FIRST_COMPLETED
            or (return_when == FIRST_EXCEPTION and not f.cancelled()
                and f.exception() is not None)
        )
        if enough:
            if timer is not None:
                timer.cancel()
            _set_if_pending(signal)

    timer = None if timeout is None else loop.call_later(timeout, _set_if_pending, signal)
    for f in futs:
        f.add_done_callback(finished)
    try:
        await signal
    finally:
        if timer is not None:
            timer.cancel()
        for f in futs:
            f.remove_done_callback(finished)
    done = set()
    pending = set()
    for f in futs:
        (done if f.done() else pending).add(f)
    return done, pending


async def wait_for(fut, timeout):
    """Await `fut` for at most `timeout` seconds; past that, cancel it, wait for
    it to finish and raise TimeoutError (unless it finished anyway)."""
    loop = get_running_loop()
    if timeout is None:
        return await fut
    inner = ensure_future(fut, loop=loop)
    if timeout <= 0:
        if inner.done():
            return inner.result()
        in_time = False
    else:
        try:
            in_time = await _until(loop, inner, timeout)
        except CancelledError:
            # We were cancelled: an inner result that is already there wins,
            # otherwise the inner task is cancelled and waited for.
            if inner.done():
                return inner.result()
            await _until(loop, inner, cancel=True)
            raise
    if not in_time:
        await _until(loop, inner, cancel=True)
        try:
            return inner.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    return inner.result()


def shield(arg):
    """Protect an awaitable from cancellation: cancelling the returned future
    leaves the inner one running."""
    inner = ensure_future(arg)
    if inner.done():
        return inner
    outer = _future_loop(inner).create_future()

    def pass_on(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()  # seen: not reported as never retrieved
            return
        if inner.cancelled():
            outer.cancel()
            return
        err = inner.exception()
        if err is None:
            outer.set_result(inner.result())
        else:
            outer.set_exception(err)

    def forget(outer):
        if not inner.done():
            inner.remove_done_callback(pass_on)

    inner.add_done_callback(pass_on)
    outer.add_done_callback(forget)
    return outer


class _ArrivalQueue:
    """The futures of one `as_completed` call, handed out as they finish; None
    stands for the timeout."""

    def __init__(self, futs, loop):
        self.waiting = dict.fromkeys(futs)
        self.arrived = Queue()
        self.timer = None
        for f in self.waiting:
            f.add_done_callback(self.arrive)

    def arrive(self, f):
        if f not in self.waiting:
            return
        del self.waiting[f]
        self.arrived.put_nowait(f)
        if not self.waiting and self.timer is not None:
            self.timer.cancel()

    def expire(self):
        for f in self.waiting:
            f.remove_done_callback(self.arrive)
        self.waiting.clear()
        self.arrived.put_nowait(None)

    async def next_result(self):
        f = await self.arrived.get()
        if f is None:
            raise TimeoutError
        return f.result()


def as_completed(fs, *, timeout=None):
    """Yield awaitables that give the results of `fs` in the order they finish."""
    _check_wait_args(fs, 'an iterable')
    loop = get_event_loop()
    futs = {ensure_future(f, loop=loop) for f in set(fs)}
    feed = _ArrivalQueue(futs, loop)
    if feed.waiting and timeout is not None:
        feed.timer = loop.call_later(timeout, feed.expire)
    for _ in range(len(feed.waiting)):
        yield feed.next_result()


_default_executors = {}


def _default_executor(loop):
    executor = _default_executors.get(loop)
    if executor is None:
        import concurrent.futures
        executor = concurrent.futures.ThreadPoolExecutor(thread_name_prefix='asyncio')
        _default_executors[loop] = executor
    return executor


def _run_in_executor(loop, executor, func, *args):
    """`loop.run_in_executor(executor, func, *args)`."""
    if iscoroutine(func) or iscoroutinefunction(func):
        raise TypeError("coroutines cannot be used with run_in_executor()")
    if executor is None:
        executor = _default_executor(loop)
    return wrap_future(executor.submit(func, *args), loop=loop)


def _loop_set_default_executor(self, executor):
    import concurrent.futures
    if not isinstance(executor, concurrent.futures.ThreadPoolExecutor):
        raise TypeError('executor must be ThreadPoolExecutor')
    _default_executors[self] = executor


async def to_thread(func, /, *args, **kwargs):
    """Run `func(*args, **kwargs)` in the loop's default executor, in a copy of
    the current context, and return its result."""
    import contextvars
    import functools
    loop = get_running_loop()
    in_copy = functools.partial(contextvars.copy_context().run, func, *args, **kwargs)
    return await loop.run_in_executor(None, in_copy)


# Bridging asyncio futures and concurrent.futures.Future (threads).

def _as_asyncio_error(err):
    """concurrent.futures' own CancelledError and InvalidStateError become asyncio's."""
    import concurrent.futures
    if type(err) is concurrent.futures.CancelledError:
        return CancelledError(*err.args)
    if type(err) is concurrent.futures.InvalidStateError:
        return InvalidStateError(*err.args)
    return err


def _copy_future_state(source, dest):
    """Give `dest` (pending or cancelled) the outcome of the finished `source`.

    `dest` is an asyncio future or a concurrent one (which must first be
    moved to running)."""
    if dest.cancelled():
        return
    if source.cancelled():
        dest.cancel()
        return
    if not isfuture(dest) and not dest.set_running_or_notify_cancel():
        return
    err = source.exception()
    if err is None:
        dest.set_result(source.result())
    else:
        dest.set_exception(_as_asyncio_error(err))


def _on_loop(loop, here, func, *args):
    """Call `func(*args)` now if `loop` is `here` (or None), else from `loop`'s
    thread; nothing if that loop is closed."""
    if loop is None or loop is here:
        func(*args)
    elif not loop.is_closed():
        loop.call_soon_threadsafe(func, *args)


def _chain_future(source, destination):
    """Make `destination` follow `source`, each on its own loop or thread: the
    outcome goes forward, a cancellation of `destination` goes back."""
    src_loop = source.get_loop() if isfuture(source) else None
    dst_loop = destination.get_loop() if isfuture(destination) else None

    def forward(src):
        if destination.cancelled() and dst_loop is not None and dst_loop.is_closed():
            return
        _on_loop(dst_loop, src_loop, _copy_future_state, src, destination)

    def back(dst):
        if dst.cancelled():
            if src_loop is None or src_loop is dst_loop:
                source.cancel()
            else:
                src_loop.call_soon_threadsafe(source.cancel)

    destination.add_done_callback(back)
    source.add_done_callback(forward)


def wrap_future(future, *, loop=None):
    """An asyncio future that follows the concurrent.futures.Future `future`
    (an asyncio future is returned as it is)."""
    if isfuture(future):
        return future
    import concurrent.futures
    assert isinstance(future, concurrent.futures.Future), \
        f'concurrent.futures.Future is expected, got {future!r}'
    follower = (get_event_loop() if loop is None else loop).create_future()
    _chain_future(future, follower)
    return follower


def run_coroutine_threadsafe(coro, loop):
    """Submit `coro` to `loop` from another thread; return a
    concurrent.futures.Future for its result."""
    if not iscoroutine(coro):
        raise TypeError('A coroutine object is required')
    import concurrent.futures
    handle = concurrent.futures.Future()

    def start_on_loop():
        try:
            task = ensure_future(coro, loop=loop)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as err:
            if handle.set_running_or_notify_cancel():
                handle.set_exception(err)
            raise
        _chain_future(task, handle)

    loop.call_soon_threadsafe(start_on_loop)
    return handle


# -- TaskGroup ------------------------------------------------------------------

class TaskGroup:
    """An asynchronous context manager that owns the tasks made with its
    `create_task`: leaving the block waits for all of them. The first task
    to fail cancels the others and the block's body; the failures are then
    raised together as an ExceptionGroup."""

    def __init__(self):
        self._state = 'new'         # 'new' -> 'open' -> 'exiting'
        self._aborting = False
        self._loop = None
        self._parent = None
        self._cancelled_parent = False  # we cancelled the parent task ourselves
        self._live = {}             # tasks not finished yet, in creation order
        self._failures = []
        self._fatal = None          # the first error that is not an Exception
        self._drained = None        # set when the last live task finishes

    def __repr__(self):
        parts = ['<TaskGroup']
        if self._live:
            parts.append(f'tasks={len(self._live)}')
        if self._failures:
            parts.append(f'errors={len(self._failures)}')
        if self._aborting:
            parts.append('cancelling')
        elif self._state != 'new':
            parts.append('entered')
        return ' '.join(parts) + '>'

    async def __aenter__(self):
        if self._state != 'new':
            raise RuntimeError(f"TaskGroup {self!r} has already been entered")
        self._state = 'open'
        self._loop = get_running_loop()
        self._parent = current_task()
        if self._parent is None:
            raise RuntimeError(f'TaskGroup {self!r} cannot determine the parent task')
        return self

    async def __aexit__(self, et, exc, tb):
        self._state = 'exiting'
        if exc is not None and self._fatal is None and _is_fatal(exc):
            self._fatal = exc
        cancellation = None
        if self._cancelled_parent:
            # Take back the cancellation we asked for; one that came from
            # elsewhere as well still propagates.
            if self._parent.uncancel() and et is CancelledError:
                cancellation = exc
        elif et is CancelledError:
            cancellation = exc
        if et is not None and not self._aborting:
            self._abort()
        while self._live:
            self._drained = self._loop.create_future()
            try:
                await self._drained
            except CancelledError as err:
                # The parent was cancelled while we wait: stop the children,
                # keep waiting for them, then pass the cancellation on.
                if not self._aborting:
                    cancellation = err
                    self._abort()
            self._drained = None
        if self._fatal is not None:
            raise self._fatal
        if cancellation is not None and not self._failures:
            raise cancellation
        if et is not None and et is not CancelledError:
            self._failures.append(exc)
        if self._failures:
            failures = self._failures
            self._failures = None
            raise BaseExceptionGroup('unhandled errors in a TaskGroup', failures) from None

    def create_task(self, coro, *, name=None, context=None):
        """Start `coro` as a task of this group and return the task."""
        if self._state == 'new':
            raise RuntimeError(f"TaskGroup {self!r} has not been entered")
        if self._state == 'exiting' and not self._live:
            raise RuntimeError(f"TaskGroup {self!r} is finished")
        if self._aborting:
            raise RuntimeError(f"TaskGroup {self!r} is shutting down")
        if context is None:
            task = self._loop.create_task(coro)
        else:
            task = self._loop.create_task(coro, context=context)
        if name is not None:
            task.set_name(name)
        if task.done():
            self._task_finished(task)
        else:
            self._live[task] = None
            task.add_done_callback(self._task_finished)
        return task

    def _abort(self):
        self._aborting = True
        for task in list(self._live):
            if not task.done():
                task.cancel()

    def _task_finished(self, task):
        self._live.pop(task, None)
        if not self._live and self._drained is not None and not self._drained.done():
            self._drained.set_result(True)
        if task.cancelled():
            return
        err = task.exception()
        if err is None:
            return
        self._failures.append(err)
        if self._fatal is None and _is_fatal(err):
            self._fatal = err
        if self._parent.done():
            # Nobody is left to raise it to: report it to the loop.
            self._loop.call_exception_handler({
                'message': f'Task {task!r} has errored out but its parent '
                           f'task {self._parent} is already completed',
                'exception': err,
                'task': task,
            })
            return
        if not self._aborting and not self._cancelled_parent:
            # Stop the siblings, and the block's body by cancelling the task
            # that runs it; __aexit__ takes that cancellation back.
            self._abort()
            self._cancelled_parent = True
            self._parent.cancel()


def _is_fatal(exc):
    """Errors a TaskGroup re-raises alone rather than grouping them."""
    return isinstance(exc, (SystemExit, KeyboardInterrupt))


class Timeout:
    """The asynchronous context manager `timeout()`/`timeout_at()` return: it
    cancels the current task at a deadline on the loop's clock and turns
    that cancellation into TimeoutError when the block exits."""

    def __init__(self, when):
        self._when = when
        self._phase = 'created'     # created, active, expiring, expired, finished
        self._timer = None
        self._task = None

    def when(self):
        """The deadline, or None if there is none."""
        return self._when

    def reschedule(self, when):
        """Move the deadline to `when` (None: no deadline)."""
        if self._phase == 'created':
            raise RuntimeError("Timeout has not been entered")
        if self._phase != 'active':
            raise RuntimeError(f"Cannot change state of {self._phase} Timeout")
        self._when = when
        self._arm()

    def _arm(self):
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self._when is None:
            return
        loop = get_running_loop()
        if self._when <= loop.time():
            self._timer = loop.call_soon(self._expire)
        else:
            self._timer = loop.call_at(self._when, self._expire)

    def expired(self):
        """Whether the deadline passed and the task was cancelled for it."""
        return self._phase in ('expiring', 'expired')

    def __repr__(self):
        if self._phase != 'active':
            return f"<Timeout [{self._phase}]>"
        when = None if self._when is None else round(self._when, 3)
        return f"<Timeout [active] when={when}>"

    async def __aenter__(self):
        if self._phase != 'created':
            raise RuntimeError("Timeout has already been entered")
        self._phase = 'active'
        self._task = current_task()
        if self._task is None:
            raise RuntimeError("Timeout should be used inside a task")
        self._arm()
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self._phase == 'active':
            self._phase = 'finished'
            return None
        self._phase = 'expired'
        if self._task.uncancel() == 0 and exc_type is CancelledError:
            raise TimeoutError from exc_val
        return None

    def _expire(self):
        self._task.cancel()
        self._phase = 'expiring'
        self._timer = None


def timeout(delay):
    """A Timeout that expires `delay` seconds from now (None: never)."""
    now = get_running_loop().time()
    return Timeout(None if delay is None else now + delay)


def timeout_at(when):
    """A Timeout that expires at `when` on the loop's clock (None: never)."""
    return Timeout(when)


class _ContextManagerMixin:
    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


def _bound_loop(primitive):
    """The running loop, which a lock-like object takes as its own on first use
    and insists on after that."""
    loop = _get_running_loop()
    if primitive._loop is None:
        primitive._loop = loop
    elif primitive._loop is not loop:
        raise RuntimeError(f'{primitive!r} is bound to a different event loop')
    return loop


def _describe(primitive, state, waiters):
    """`<asyncio.locks.X object at 0x... [state, waiters:N]>`."""
    base = object.__repr__(primitive)[1:-1]
    if waiters:
        state = f'{state}, waiters:{len(waiters)}'
    return f'<{base} [{state}]>'


class Condition(_ContextManagerMixin):
    """A condition variable: tasks wait until another one notifies them.

    A task calls wait() while holding the underlying lock (`async with cond:`);
    wait() releases the lock, waits for notify() or notify_all(), and takes the
    lock again before returning. `lock` is the Lock to use (a new one by
    default).
    """
    __module__ = "asyncio.locks"

    def __init__(self, lock=None):
        lock = Lock() if lock is None else lock
        self._lock = lock
        # The lock's own methods, so that `async with cond` is `async with lock`.
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._loop = None
        self._sleepers = []     # one future per waiting task, oldest first

    def __repr__(self):
        return _describe(self, 'locked' if self.locked() else 'unlocked', self._sleepers)

    async def wait(self):
        """Release the lock, sleep until notified, take the lock back; True."""
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')
        self.release()
        try:
            alarm = _bound_loop(self).create_future()
            self._sleepers.append(alarm)
            try:
                await alarm
            finally:
                self._sleepers.remove(alarm)
            return True
        finally:
            await self._take_lock_back()

    async def _take_lock_back(self):
        # The caller must hold the lock when wait() ends, however it ends: a
        # cancellation while taking it waits for the lock all the same and is
        # raised once it is held.
        interrupted = False
        while True:
            try:
                await self.acquire()
            except CancelledError:
                interrupted = True
            else:
                break
        if interrupted:
            raise CancelledError

    async def wait_for(self, predicate):
        """Wait until `predicate()` is true; return its value."""
        while True:
            outcome = predicate()
            if outcome:
                return outcome
            await self.wait()

    def notify(self, n=1):
        """Wake up to `n` of the waiting tasks (the lock must be held)."""
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')
        woken = 0
        for alarm in self._sleepers:
            if woken >= n:
                break
            if not alarm.done():
                alarm.set_result(False)
                woken += 1

    def notify_all(self):
        """Wake every waiting task (the lock must be held)."""
        self.notify(len(self._sleepers))


class Semaphore(_ContextManagerMixin):
    """A counter of free slots that limits how many tasks go on at once.

    acquire() takes a slot, waiting while none is free; release() gives one
    back. `value` is the starting count (1 by default). Usually written
    `async with sem:`.
    """
    __module__ = "asyncio.locks"

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")
        self._loop = None
        self._value = value
        self._queue = []        # futures of the tasks waiting for a slot, in order

    def __repr__(self):
        state = 'locked' if self.locked() else f'unlocked, value:{self._value}'
        return _describe(self, state, self._queue)

    def locked(self):
        """True if acquire() would have to wait."""
        if self._value == 0:
            return True
        # Tasks already queued are served first.
        return any(not ticket.cancelled() for ticket in self._queue)

    async def acquire(self):
        """Take a slot, waiting in line for one if none is free; True."""
        if not self.locked():
            self._value -= 1
            return True
        ticket = _bound_loop(self).create_future()
        self._queue.append(ticket)
        try:
            await ticket
        except BaseException as err:
            self._queue.remove(ticket)
            if isinstance(err, CancelledError) and not ticket.cancelled():
                # The slot was ours but we were cancelled before taking it:
                # hand it to the next in line.
                self._value += 1
                self._serve_next()
            raise
        self._queue.remove(ticket)
        if self._value > 0:
            self._serve_next()
        return True

    def release(self):
        """Give a slot back, waking the first task in line."""
        self._value += 1
        self._serve_next()

    def _serve_next(self):
        for ticket in self._queue:
            if not ticket.done():
                self._value -= 1
                ticket.set_result(True)
                return


class BoundedSemaphore(Semaphore):
    """A Semaphore that raises ValueError when released more often than acquired."""
    __module__ = "asyncio.locks"

    def __init__(self, value=1):
        self._limit = value
        super().__init__(value)

    def release(self):
        if self._value >= self._limit:
            raise ValueError('BoundedSemaphore released too many times')
        super().release()


class Barrier:
    """A meeting point: tasks wait in wait() until `parties` of them have arrived.

    Then all go on together, and the barrier is ready for the next round.
    """
    __module__ = "asyncio.locks"

    # Phases: 'filling' (tasks arriving), 'draining' (the round is complete and
    # its tasks are leaving), 'resetting' (reset() while tasks wait: they leave
    # with BrokenBarrierError), 'broken' (after abort()).

    def __init__(self, parties):
        if parties < 1:
            raise ValueError('parties must be > 0')
        self._parties = parties
        self._cond = Condition()
        self._phase = 'filling'
        self._inside = 0        # tasks that arrived and have not left wait() yet

    def __repr__(self):
        base = object.__repr__(self)[1:-1]
        if self.broken:
            return f'<{base} [{self._phase}]>'
        return f'<{base} [{self._phase}, waiters:{self.n_waiting}/{self._parties}]>'

    async def __aenter__(self):
        return await self.wait()

    async def __aexit__(self, *args):
        pass

    async def wait(self):
        """Wait for the round to fill; return this task's arrival index (0 first)."""
        async with self._cond:
            # Newcomers wait while the previous round is still leaving.
            await self._cond.wait_for(lambda: self._phase in ('filling', 'broken'))
            if self._phase == 'broken':
                raise BrokenBarrierError("Barrier aborted")
            index = self._inside
            self._inside += 1
            try:
                if self._inside == self._parties:
                    self._phase = 'draining'
                    self._cond.notify_all()
                else:
                    await self._cond.wait_for(lambda: self._phase != 'filling')
                    if self._phase in ('broken', 'resetting'):
                        raise BrokenBarrierError("Abort or reset of barrier")
                return index
            finally:
                self._inside -= 1
                if self._inside == 0 and self._phase in ('draining', 'resetting'):
                    self._phase = 'filling'
                    self._cond.notify_all()

    async def reset(self):
        """Back to the empty state; tasks waiting get BrokenBarrierError."""
        async with self._cond:
            if not self._inside:
                self._phase = 'filling'
            elif self._phase != 'resetting':
                self._phase = 'resetting'
            self._cond.notify_all()

    async def abort(self):
        """Break the barrier: waiting and future calls to wait() fail."""
        async with self._cond:
            self._phase = 'broken'
            self._cond.notify_all()

    @property
    def parties(self):
        """How many tasks a round needs."""
        return self._parties

    @property
    def n_waiting(self):
        """How many tasks wait for the round to fill."""
        return self._inside if self._phase == 'filling' else 0

    @property
    def broken(self):
        """True once abort() was called."""
        return self._phase == 'broken'


# -- queues ------------------------------------------------------------------------

async def _loop_shutdown_asyncgens(self):
    closing_agens = _take_asyncgens(self)
    if not len(closing_agens):
        return
    results = await gather(
        *[ag.aclose() for ag in closing_agens],
        return_exceptions=True)
    for result, agen in zip(results, closing_agens):
        if isinstance(result, Exception):
            self.call_exception_handler({
                'message': f'an error occurred during closing of '
                           f'asynchronous generator {agen!r}',
                'exception': result,
                'asyncgen': agen
            })


async def _loop_shutdown_default_executor(self):
    """Waits, on a thread of its own, for the default executor to finish."""
    executor = _default_executors.pop(self, None)
    if executor is None:
        return
    import threading
    future = self.create_future()

    def shut_down():
        try:
            executor.shutdown(wait=True)
            if not self.is_closed():
                self.call_soon_threadsafe(future.set_result, None)
        except Exception as ex:
            if not self.is_closed():
                self.call_soon_threadsafe(future.set_exception, ex)

    thread = threading.Thread(target=shut_down)
    thread.start()
    try:
        await future
    finally:
        thread.join()


_add_loop_method('shutdown_asyncgens', _loop_shutdown_asyncgens)
_add_loop_method('shutdown_default_executor', _loop_shutdown_default_executor)
_add_loop_method('set_default_executor', _loop_set_default_executor)
