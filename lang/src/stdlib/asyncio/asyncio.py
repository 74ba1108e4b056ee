# The script-level half of towel's asyncio module, run at import in the
# module's namespace after the native core (loop, Future, Task, sleep) is
# installed. It follows CPython 3.11's pure-Python asyncio modules so that
# ordering, results and messages match; deques are lists here, and sets of
# tasks are insertion-ordered dicts so that iteration is deterministic.

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


class IncompleteReadError(EOFError):
    """Raised by StreamReader.readexactly() and readuntil() when the stream ends first.

    `partial` holds the bytes read before the end, `expected` how many were wanted.
    """
    __module__ = "asyncio.exceptions"

    def __init__(self, partial, expected):
        r_expected = 'undefined' if expected is None else repr(expected)
        super().__init__(f'{len(partial)} bytes read on a total of '
                         f'{r_expected} expected bytes')
        self.partial = partial
        self.expected = expected

    def __reduce__(self):
        return type(self), (self.partial, self.expected)


class LimitOverrunError(Exception):
    """Raised by StreamReader.readuntil() when the separator is not found within the buffer limit.

    `consumed` is how many bytes can be skipped to go on.
    """
    __module__ = "asyncio.exceptions"

    def __init__(self, message, consumed):
        super().__init__(message)
        self.consumed = consumed


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
        state = self._local
        if state._loop is None and not state._set_called:
            self.set_event_loop(self.new_event_loop())
        if state._loop is None:
            raise RuntimeError(
                "There is no current event loop in thread 'MainThread'.")
        return state._loop

    def set_event_loop(self, loop):
        self._local._set_called = True
        if loop is not None and not isinstance(loop, AbstractEventLoop):
            raise TypeError(
                "loop must be an instance of AbstractEventLoop or None, "
                f"not '{type(loop).__name__}'")
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


def get_event_loop_policy():
    """Return the event loop policy in use, making the default one on first use."""
    global _event_loop_policy
    if _event_loop_policy is None:
        _event_loop_policy = DefaultEventLoopPolicy()
    return _event_loop_policy


def set_event_loop_policy(policy):
    """Make `policy` the event loop policy (None: go back to the default one)."""
    global _event_loop_policy
    if policy is not None and not isinstance(policy, AbstractEventLoopPolicy):
        raise TypeError(
            "policy must be an instance of AbstractEventLoopPolicy or None, "
            f"not '{type(policy).__name__}'")
    _event_loop_policy = policy


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
    """Return True if calling `func` gives a coroutine (an `async def` function)."""
    import inspect
    return (inspect.iscoroutinefunction(func) or
            getattr(func, '_is_coroutine', None) is _is_coroutine)


def _is_coroutine_object(obj):
    # asyncio.iscoroutine for objects of Python classes.
    import collections.abc
    return isinstance(obj, collections.abc.Coroutine)


# -- runners ------------------------------------------------------------------

def _cancel_all_tasks(loop):
    to_cancel = _all_tasks_ordered(loop)
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
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
        self._state = 'created'
        self._debug = debug
        self._loop_factory = loop_factory
        self._loop = None
        self._set_event_loop = False

    def __enter__(self):
        self._lazy_init()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()

    def close(self):
        if self._state != 'initialized':
            return
        loop = self._loop
        try:
            _cancel_all_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            if self._set_event_loop:
                set_event_loop(None)
            loop.close()
            self._loop = None
            self._state = 'closed'

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
        if self._state == 'closed':
            raise RuntimeError("Runner is closed")
        if self._state == 'initialized':
            return
        import contextvars
        # Every run() of this runner shares one context, as CPython's.
        self._context = contextvars.copy_context()
        if self._loop_factory is None:
            self._loop = new_event_loop()
            if not self._set_event_loop:
                set_event_loop(self._loop)
                self._set_event_loop = True
        else:
            self._loop = self._loop_factory()
        if self._debug is not None:
            self._loop.set_debug(self._debug)
        self._state = 'initialized'


def run(main, *, debug=None):
    """Run coroutine `main` on a new event loop and return its result.

    The loop is made for the call and closed at the end, after the tasks still
    pending are cancelled and async generators are finalised. It is the usual
    entry point of an asyncio program, called once from plain code; `debug`
    turns on the loop's debug mode.
    """
    if _get_running_loop() is not None:
        raise RuntimeError(
            "asyncio.run() cannot be called from a running event loop")
    with Runner(debug=debug) as runner:
        return runner.run(main)


# -- gather, wait, wait_for, shield, as_completed ------------------------------

class _GatheringFuture(Future):
    # gather()'s outer future: cancelling it cancels the children.
    __module__ = "asyncio.tasks"

    def __init__(self, children, *, loop):
        super().__init__(loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        cancelled_any = False
        for child in self._children:
            if child.cancel(msg=msg):
                cancelled_any = True
        if cancelled_any:
            # The children's CancelledError reaches the outer future through
            # _done_callback, which then cancels it.
            self._cancel_requested = True
        return cancelled_any


def gather(*coros_or_futures, return_exceptions=False):
    """Run the awaitables concurrently and return an awaitable of their results.

    Coroutines are wrapped in tasks. Awaiting the result gives the list of
    results, in the order of the arguments. If one raises, the exception
    propagates at once unless `return_exceptions` is true, in which case
    exceptions take their place in the list. Cancelling the gathering cancels
    every awaitable still running.
    """
    if not coros_or_futures:
        outer = get_event_loop().create_future()
        outer.set_result([])
        return outer

    def _done_callback(fut):
        nonlocal finished
        finished += 1

        if outer is None or outer.done():
            if not fut.cancelled():
                # Nobody will look at it: mark the exception retrieved.
                fut.exception()
            return

        if not return_exceptions:
            if fut.cancelled():
                outer.set_exception(fut._make_cancelled_error())
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return

        if finished == count:
            results = []
            for child in children:
                if child.cancelled():
                    message = child._cancel_message
                    results.append(CancelledError('' if message is None else message))
                else:
                    res = child.exception()
                    results.append(child.result() if res is None else res)
            if outer._cancel_requested:
                outer.set_exception(fut._make_cancelled_error())
            else:
                outer.set_result(results)

    futures_of = {}
    children = []
    count = 0
    finished = 0
    loop = None
    outer = None
    for arg in coros_or_futures:
        key = id(arg)
        if key in futures_of:
            fut = futures_of[key]
        else:
            fut = ensure_future(arg, loop=loop)
            if loop is None:
                loop = fut.get_loop()
            count += 1
            futures_of[key] = fut
            fut.add_done_callback(_done_callback)
        children.append(fut)

    outer = _GatheringFuture(children, loop=loop)
    return outer


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures and tasks in iterable `fs`; return (done, pending).

    `return_when` says when to return: FIRST_COMPLETED, FIRST_EXCEPTION or
    ALL_COMPLETED (the default). After `timeout` seconds it returns anyway. It
    never raises the futures' exceptions and cancels nothing.
    """
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f"expect a list of futures, not {type(fs).__name__}")
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')

    unique = {}
    for f in fs:
        unique[id(f)] = f
    fs = list(unique.values())
    if any(iscoroutine(f) for f in fs):
        raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")

    loop = get_running_loop()
    return await _wait(fs, timeout, return_when, loop)


async def _wait(fs, timeout, return_when, loop):
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = len(fs)

    def _on_completion(f):
        nonlocal counter
        counter -= 1
        if (counter <= 0 or
            return_when == FIRST_COMPLETED or
            return_when == FIRST_EXCEPTION and (not f.cancelled() and
                                                f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_completion)

    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)

    done, pending = set(), set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


async def _cancel_and_wait(fut, loop):
    waiter = loop.create_future()

    def cb(f):
        _release_waiter(waiter)

    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


async def wait_for(fut, timeout):
    """Wait for awaitable `fut` to finish, for at most `timeout` seconds.

    Returns its result. When the time is up, `fut` is cancelled and
    TimeoutError is raised; a `timeout` of None waits as long as it takes.
    """
    loop = get_running_loop()

    if timeout is None:
        return await fut

    if timeout <= 0:
        fut = ensure_future(fut, loop=loop)

        if fut.done():
            return fut.result()

        await _cancel_and_wait(fut, loop=loop)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc

    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)

    def cb(f):
        _release_waiter(waiter)

    fut = ensure_future(fut, loop=loop)
    fut.add_done_callback(cb)

    try:
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            else:
                fut.remove_done_callback(cb)
                await _cancel_and_wait(fut, loop=loop)
                raise

        if fut.done():
            return fut.result()
        else:
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut, loop=loop)
            try:
                return fut.result()
            except CancelledError as exc:
                raise TimeoutError() from exc
    finally:
        timeout_handle.cancel()


def shield(arg):
    """Protect awaitable `arg` from cancellation.

    Cancelling the caller cancels the awaitable shield() returns, not the task
    running `arg`, which goes on to the end.
    """
    inner = ensure_future(arg)
    if inner.done():
        return inner
    loop = inner.get_loop()
    outer = loop.create_future()

    def _inner_done_callback(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return

        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer


def as_completed(fs, *, timeout=None):
    """Return an iterator of awaitables that give the results of `fs` as they finish.

    Each awaitable it yields gives the next result to arrive (or raises the next
    exception), in finishing order. With `timeout`, TimeoutError is raised once
    that many seconds have passed.
    """
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f"expect an iterable of futures, not {type(fs).__name__}")

    done = Queue()
    loop = get_event_loop()
    unique = {}
    for f in fs:
        unique[id(f)] = f
    todo = {}
    for f in unique.values():
        t = ensure_future(f, loop=loop)
        todo[id(t)] = t
    timeout_handle = None

    def _on_timeout():
        for f in todo.values():
            f.remove_done_callback(_on_completion)
            done.put_nowait(None)
        todo.clear()

    def _on_completion(f):
        if not todo:
            return
        del todo[id(f)]
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    async def _wait_for_one():
        f = await done.get()
        if f is None:
            raise TimeoutError
        return f.result()

    for f in todo.values():
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, _on_timeout)
    for _ in range(len(todo)):
        yield _wait_for_one()


# -- threads and executors -------------------------------------------------------
#
# Executor jobs run on real (green) threads of `threading`, beside the loop:
# the loop keeps turning while they work, and their results come back to it
# through `call_soon_threadsafe`.

# Each loop's default executor, made on its first `run_in_executor(None, ...)`.
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
    """Runs `func(*args, **kwargs)` on a thread of the loop's default
    executor, in a copy of the current context."""
    import contextvars
    import functools
    loop = get_running_loop()
    ctx = contextvars.copy_context()
    call = functools.partial(ctx.run, func, *args, **kwargs)
    return await loop.run_in_executor(None, call)


def _copy_future_state(source, dest):
    """Settles `dest` as `source` (a done future of either kind) was."""
    if dest.cancelled():
        return
    if source.cancelled():
        dest.cancel()
        return
    exception = source.exception()
    if exception is not None:
        dest.set_exception(exception)
    else:
        dest.set_result(source.result())


def _chain_future(source, destination):
    """Makes `destination` follow `source`, each on its own loop (or thread):
    a result or exception goes forward, a cancellation either way."""
    import concurrent.futures
    source_loop = source.get_loop() if isfuture(source) else None
    dest_loop = destination.get_loop() if isfuture(destination) else None

    def on_dest_done(dest):
        if dest.cancelled():
            if source_loop is None or source_loop is dest_loop:
                source.cancel()
            else:
                source_loop.call_soon_threadsafe(source.cancel)

    def on_source_done(src):
        if destination.cancelled() and dest_loop is not None and dest_loop.is_closed():
            return
        if dest_loop is None or dest_loop is source_loop:
            _copy_future_state(src, destination)
        elif not dest_loop.is_closed():
            dest_loop.call_soon_threadsafe(_copy_future_state, src, destination)

    destination.add_done_callback(on_dest_done)
    source.add_done_callback(on_source_done)


def wrap_future(future, *, loop=None):
    """An asyncio future that follows a `concurrent.futures.Future`."""
    if isfuture(future):
        return future
    import concurrent.futures
    if not isinstance(future, concurrent.futures.Future):
        raise TypeError(f"concurrent.futures.Future is expected, got {future!r}")
    if loop is None:
        loop = get_event_loop()
    new_future = loop.create_future()
    _chain_future(future, new_future)
    return new_future


def run_coroutine_threadsafe(coro, loop):
    """Submits a coroutine to `loop` from another thread; returns a
    `concurrent.futures.Future` for its result."""
    if not iscoroutine(coro):
        raise TypeError('A coroutine object is required')
    import concurrent.futures
    future = concurrent.futures.Future()

    def start():
        try:
            _chain_future(ensure_future(coro, loop=loop), future)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            if future.set_running_or_notify_cancel():
                future.set_exception(exc)
            raise

    loop.call_soon_threadsafe(start)
    return future


# -- TaskGroup ------------------------------------------------------------------

class TaskGroup:
    """An async context manager that runs tasks and waits for all of them.

    `async with asyncio.TaskGroup() as tg: tg.create_task(work())` starts tasks
    that belong to the group; leaving the block waits until every one is done.
    If one fails, the others are cancelled and the errors are raised together
    as an ExceptionGroup.
    """
    __module__ = "asyncio.taskgroups"

    def __init__(self):
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._loop = None
        self._parent_task = None
        self._parent_cancel_requested = False
        self._tasks = {}
        self._errors = []
        self._base_error = None
        self._on_completed_fut = None

    def __repr__(self):
        info = ['']
        if self._tasks:
            info.append(f'tasks={len(self._tasks)}')
        if self._errors:
            info.append(f'errors={len(self._errors)}')
        if self._aborting:
            info.append('cancelling')
        elif self._entered:
            info.append('entered')

        info_repr = ' '.join(info)
        return f'<TaskGroup{info_repr}>'

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError(
                f"TaskGroup {self!r} has been already entered")
        self._entered = True

        if self._loop is None:
            self._loop = get_running_loop()

        self._parent_task = current_task(self._loop)
        if self._parent_task is None:
            raise RuntimeError(
                f'TaskGroup {self!r} cannot determine the parent task')

        return self

    async def __aexit__(self, et, exc, tb):
        self._exiting = True

        if (exc is not None and
                self._is_base_error(exc) and
                self._base_error is None):
            self._base_error = exc

        propagate_cancellation_error = \
            exc if et is CancelledError else None
        if self._parent_cancel_requested:
            if self._parent_task.uncancel() == 0:
                propagate_cancellation_error = None

        if et is not None:
            if not self._aborting:
                self._abort()

        while self._tasks:
            if self._on_completed_fut is None:
                self._on_completed_fut = self._loop.create_future()

            try:
                await self._on_completed_fut
            except CancelledError as ex:
                if not self._aborting:
                    propagate_cancellation_error = ex
                    self._abort()

            self._on_completed_fut = None

        if self._base_error is not None:
            raise self._base_error

        if propagate_cancellation_error and not self._errors:
            raise propagate_cancellation_error

        if et is not None and et is not CancelledError:
            self._errors.append(exc)

        if self._errors:
            try:
                if all(isinstance(e, Exception) for e in self._errors):
                    me = ExceptionGroup('unhandled errors in a TaskGroup', self._errors)
                else:
                    me = BaseExceptionGroup('unhandled errors in a TaskGroup', self._errors)
                raise me from None
            finally:
                self._errors = None

    def create_task(self, coro, *, name=None, context=None):
        if not self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has not been entered")
        if self._exiting and not self._tasks:
            raise RuntimeError(f"TaskGroup {self!r} is finished")
        if self._aborting:
            raise RuntimeError(f"TaskGroup {self!r} is shutting down")
        task = self._loop.create_task(coro)
        if name is not None:
            task.set_name(name)
        if task.done():
            self._on_task_done(task)
        else:
            self._tasks[id(task)] = task
            task.add_done_callback(self._on_task_done)
        return task

    def _is_base_error(self, exc):
        return isinstance(exc, (SystemExit, KeyboardInterrupt))

    def _abort(self):
        self._aborting = True

        for t in list(self._tasks.values()):
            if not t.done():
                t.cancel()

    def _on_task_done(self, task):
        self._tasks.pop(id(task), None)

        if self._on_completed_fut is not None and not self._tasks:
            if not self._on_completed_fut.done():
                self._on_completed_fut.set_result(True)

        if task.cancelled():
            return

        exc = task.exception()
        if exc is None:
            return

        self._errors.append(exc)
        if self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc

        if self._parent_task.done():
            self._loop.call_exception_handler({
                'message': f'Task {task!r} has errored out but its parent '
                           f'task {self._parent_task} is already completed',
                'exception': exc,
                'task': task,
            })
            return

        if not self._aborting and not self._parent_cancel_requested:
            self._abort()
            self._parent_cancel_requested = True
            self._parent_task.cancel()


# -- timeouts -------------------------------------------------------------------

_CREATED = "created"
_ENTERED = "active"
_EXPIRING = "expiring"
_EXPIRED = "expired"
_EXITED = "finished"


class Timeout:
    """The async context manager timeout() and timeout_at() return.

    It cancels the block it guards when its deadline (a loop time()) passes and
    turns that cancellation into a TimeoutError as the block exits.
    """
    __module__ = "asyncio.timeouts"

    def __init__(self, when):
        self._state = _CREATED
        self._timeout_handler = None
        self._task = None
        self._when = when

    def when(self):
        return self._when

    def reschedule(self, when):
        if self._state is not _ENTERED:
            if self._state is _CREATED:
                raise RuntimeError("Timeout has not been entered")
            raise RuntimeError(
                f"Cannot change state of {self._state} Timeout",
            )

        self._when = when

        if self._timeout_handler is not None:
            self._timeout_handler.cancel()

        if when is None:
            self._timeout_handler = None
        else:
            loop = get_running_loop()
            if when <= loop.time():
                self._timeout_handler = loop.call_soon(self._on_timeout)
            else:
                self._timeout_handler = loop.call_at(when, self._on_timeout)

    def expired(self):
        return self._state in (_EXPIRING, _EXPIRED)

    def __repr__(self):
        info = ['']
        if self._state is _ENTERED:
            when = round(self._when, 3) if self._when is not None else None
            info.append(f"when={when}")
        info_str = ' '.join(info)
        return f"<Timeout [{self._state}]{info_str}>"

    async def __aenter__(self):
        if self._state is not _CREATED:
            raise RuntimeError("Timeout has already been entered")
        task = current_task()
        if task is None:
            raise RuntimeError("Timeout should be used inside a task")
        self._state = _ENTERED
        self._task = task
        self._cancelling = self._task.cancelling()
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
            self._timeout_handler = None

        if self._state is _EXPIRING:
            self._state = _EXPIRED

            if self._task.uncancel() <= self._cancelling and exc_type is CancelledError:
                raise TimeoutError from exc_val
        elif self._state is _ENTERED:
            self._state = _EXITED

        return None

    def _on_timeout(self):
        self._task.cancel()
        self._state = _EXPIRING
        self._timeout_handler = None


def timeout(delay):
    """Return an async context manager that cancels its block after `delay` seconds.

    The cancellation becomes a TimeoutError when it leaves the block. None
    means no limit; the deadline can be moved later with reschedule().
    """
    loop = get_running_loop()
    return Timeout(loop.time() + delay if delay is not None else None)


def timeout_at(when):
    """Like timeout(), with an absolute deadline: the loop time() `when`."""
    return Timeout(when)


# -- locks ------------------------------------------------------------------------

class _ContextManagerMixin:
    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class Condition(_ContextManagerMixin):
    """A condition variable: tasks wait until another one notifies them.

    A task calls wait() while holding the underlying lock (`async with cond:`);
    wait() releases the lock, waits for notify() or notify_all(), and takes the
    lock again before returning. `lock` is the Lock to use (a new one by
    default).
    """
    __module__ = "asyncio.locks"

    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = []

    def __repr__(self):
        extra = 'locked' if self.locked() else 'unlocked'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<asyncio.locks.Condition object [{extra}]>'

    async def wait(self):
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')

        self.release()
        try:
            fut = get_running_loop().create_future()
            self._waiters.append(fut)
            try:
                await fut
                return True
            finally:
                self._waiters.remove(fut)

        finally:
            cancelled = False
            while True:
                try:
                    await self.acquire()
                    break
                except CancelledError:
                    cancelled = True

            if cancelled:
                raise CancelledError

    async def wait_for(self, predicate):
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')

        idx = 0
        for fut in self._waiters:
            if idx >= n:
                break

            if not fut.done():
                idx += 1
                fut.set_result(False)

    def notify_all(self):
        self.notify(len(self._waiters))


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
        self._waiters = None
        self._value = value

    def __repr__(self):
        extra = 'locked' if self.locked() else f'unlocked, value:{self._value}'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<asyncio.locks.{type(self).__name__} object [{extra}]>'

    def locked(self):
        return self._value == 0 or (
            any(not w.cancelled() for w in (self._waiters or ())))

    async def acquire(self):
        if not self.locked():
            self._value -= 1
            return True

        if self._waiters is None:
            self._waiters = []
        fut = get_running_loop().create_future()
        self._waiters.append(fut)

        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if fut.done() and not fut.cancelled():
                self._value += 1
                self._wake_up_next()
            raise

        if self._value > 0:
            self._wake_up_next()
        return True

    def release(self):
        self._value += 1
        self._wake_up_next()

    def _wake_up_next(self):
        if not self._waiters:
            return
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return


class BoundedSemaphore(Semaphore):
    """A Semaphore that raises ValueError when released more often than acquired."""
    __module__ = "asyncio.locks"

    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')
        super().release()


_FILLING = 'filling'
_DRAINING = 'draining'
_RESETTING = 'resetting'
_BROKEN = 'broken'


class Barrier:
    """A meeting point: tasks wait in wait() until `parties` of them have arrived.

    Then all go on together, and the barrier is ready for the next round.
    """
    __module__ = "asyncio.locks"

    def __init__(self, parties):
        if parties < 1:
            raise ValueError('parties must be > 0')
        self._cond = Condition()
        self._parties = parties
        self._state = _FILLING
        self._count = 0

    def __repr__(self):
        res = super().__repr__()
        extra = f'{self._state}'
        if not self.broken:
            extra += f', waiters:{self.n_waiting}/{self.parties}'
        return f'<asyncio.locks.Barrier object [{extra}]>'

    async def __aenter__(self):
        return await self.wait()

    async def __aexit__(self, *args):
        pass

    async def wait(self):
        async with self._cond:
            await self._block()
            try:
                index = self._count
                self._count += 1
                if index + 1 == self._parties:
                    await self._release()
                else:
                    await self._wait()
                return index
            finally:
                self._count -= 1
                self._exit()

    async def _block(self):
        await self._cond.wait_for(
            lambda: self._state not in (_DRAINING, _RESETTING)
        )
        if self._state is _BROKEN:
            raise BrokenBarrierError("Barrier aborted")

    async def _release(self):
        self._state = _DRAINING
        self._cond.notify_all()

    async def _wait(self):
        await self._cond.wait_for(lambda: self._state is not _FILLING)
        if self._state in (_BROKEN, _RESETTING):
            raise BrokenBarrierError("Abort or reset of barrier")

    def _exit(self):
        if self._count == 0:
            if self._state in (_RESETTING, _DRAINING):
                self._state = _FILLING
            self._cond.notify_all()

    async def reset(self):
        async with self._cond:
            if self._count > 0:
                if self._state is not _RESETTING:
                    self._state = _RESETTING
            else:
                self._state = _FILLING
            self._cond.notify_all()

    async def abort(self):
        async with self._cond:
            self._state = _BROKEN
            self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._state is _FILLING:
            return self._count
        return 0

    @property
    def broken(self):
        return self._state is _BROKEN


# -- queues ------------------------------------------------------------------------

# -- streams ----------------------------------------------------------------------
# Pull-based streams over the native `_Conn`: the reader fills its buffer by
# awaiting `recv`, the writer hands bytes to the connection's writer task.

_DEFAULT_LIMIT = 2 ** 16


class StreamReader:
    """The reading end of a stream connection: read(), readline(), readexactly(), readuntil()."""
    __module__ = "asyncio.streams"

    def __init__(self, conn=None, limit=_DEFAULT_LIMIT):
        if limit <= 0:
            raise ValueError('Limit cannot be <= 0')
        self._conn = conn
        self._limit = limit
        self._buffer = b''
        self._eof = False
        self._exception = None

    def __repr__(self):
        info = ['StreamReader']
        if self._buffer:
            info.append(f'{len(self._buffer)} bytes')
        if self._eof:
            info.append('eof')
        return '<{}>'.format(' '.join(info))

    def exception(self):
        return self._exception

    def set_exception(self, exc):
        self._exception = exc

    def feed_data(self, data):
        self._buffer += data

    def feed_eof(self):
        self._eof = True

    def at_eof(self):
        return self._eof and not self._buffer

    async def _fill(self):
        if self._exception is not None:
            raise self._exception
        if self._conn is None:
            fut = get_running_loop().create_future()
            await fut
            return
        data = await self._conn.recv(self._limit)
        if data:
            self._buffer += data
        else:
            self._eof = True

    async def readline(self):
        sep = b'\n'
        seplen = len(sep)
        try:
            line = await self.readuntil(sep)
        except IncompleteReadError as e:
            return e.partial
        except LimitOverrunError as e:
            if self._buffer.startswith(sep, e.consumed):
                self._buffer = self._buffer[e.consumed + seplen:]
            else:
                self._buffer = b''
            raise ValueError(e.args[0])
        return line

    async def readuntil(self, separator=b'\n'):
        seplen = len(separator)
        if seplen == 0:
            raise ValueError('Separator should be at least one-byte string')
        if self._exception is not None:
            raise self._exception
        offset = 0
        while True:
            buflen = len(self._buffer)
            if buflen - offset >= seplen:
                isep = self._buffer.find(separator, offset)
                if isep != -1:
                    break
                offset = buflen + 1 - seplen
                if offset > self._limit:
                    raise LimitOverrunError(
                        'Separator is not found, and chunk exceed the limit',
                        offset)
            if self._eof:
                chunk = self._buffer
                self._buffer = b''
                raise IncompleteReadError(chunk, None)
            await self._fill()

        if isep > self._limit:
            raise LimitOverrunError(
                'Separator is found, but chunk is longer than limit', isep)

        chunk = self._buffer[:isep + seplen]
        self._buffer = self._buffer[isep + seplen:]
        return chunk

    async def read(self, n=-1):
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        if n < 0:
            blocks = []
            while True:
                block = await self.read(self._limit)
                if not block:
                    break
                blocks.append(block)
            return b''.join(blocks)
        if not self._buffer and not self._eof:
            await self._fill()
        data = self._buffer[:n]
        self._buffer = self._buffer[n:]
        return data

    async def readexactly(self, n):
        if n < 0:
            raise ValueError('readexactly size can not be less than zero')
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        while len(self._buffer) < n:
            if self._eof:
                incomplete = self._buffer
                self._buffer = b''
                raise IncompleteReadError(incomplete, n)
            await self._fill()
        data = self._buffer[:n]
        self._buffer = self._buffer[n:]
        return data

    def __aiter__(self):
        return self

    async def __anext__(self):
        val = await self.readline()
        if val == b'':
            raise StopAsyncIteration
        return val


class _Transport:
    def __init__(self, conn):
        self._conn = conn

    def is_closing(self):
        return self._conn.is_closing()

    def close(self):
        self._conn.close()

    def get_extra_info(self, name, default=None):
        if name == 'peername':
            return self._conn.peername()
        if name == 'sockname':
            return self._conn.sockname()
        return default


class StreamWriter:
    """The writing end of a stream connection.

    write() buffers data; `await writer.drain()` waits until it is safe to
    write more. close() then `await wait_closed()` ends the connection.
    """
    __module__ = "asyncio.streams"

    def __init__(self, conn, reader):
        self._conn = conn
        self._reader = reader
        self._transport = _Transport(conn)

    def __repr__(self):
        return f'<StreamWriter transport={self._transport!r} reader={self._reader!r}>'

    @property
    def transport(self):
        return self._transport

    def write(self, data):
        self._conn.write(data)

    def writelines(self, data):
        for line in data:
            self._conn.write(line)

    def write_eof(self):
        return self._conn.write_eof()

    def can_write_eof(self):
        return True

    def close(self):
        return self._conn.close()

    def is_closing(self):
        return self._conn.is_closing()

    async def wait_closed(self):
        await self._conn.wait_closed()

    def get_extra_info(self, name, default=None):
        return self._transport.get_extra_info(name, default)

    async def drain(self):
        if self._reader is not None:
            exc = self._reader.exception()
            if exc is not None:
                raise exc
        if self._conn.is_closing():
            await sleep(0)
        await self._conn.drain()


async def open_connection(host=None, port=None, *, limit=_DEFAULT_LIMIT, **kwds):
    """Connect to `host`:`port` and return a (StreamReader, StreamWriter) pair.

    Await it: `reader, writer = await asyncio.open_connection(host, port)`.
    """
    conn = await _open_connection(host, port)
    reader = StreamReader(conn, limit=limit)
    writer = StreamWriter(conn, reader)
    return reader, writer


class _ServerSocket:
    def __init__(self, listener):
        self._listener = listener

    def getsockname(self):
        return self._listener.sockname()

    def __repr__(self):
        host, port = self._listener.sockname()
        return f"<asyncio.TransportSocket fd=?, family=2, type=1, proto=6, laddr=('{host}', {port})>"


class Server:
    """A listening server, as start_server() returns it; `async with` closes it at the end."""
    __module__ = "asyncio.base_events"

    def __init__(self, loop, limit):
        self._loop = loop
        self._limit = limit
        self._listener = None
        self._sockets = None
        self._waiters = []
        self._serving_forever_fut = None
        self._serving = False
        self._backlog = []

    def __repr__(self):
        return f'<{self.__class__.__name__} sockets={self.sockets!r}>'

    def get_loop(self):
        return self._loop

    @property
    def sockets(self):
        if self._sockets is None:
            return ()
        return tuple(self._sockets)

    def is_serving(self):
        return self._serving and self._listener is not None and self._listener.is_serving()

    def close(self):
        if self._sockets is None:
            return
        self._sockets = None
        self._listener.close()
        if (self._serving_forever_fut is not None and
                not self._serving_forever_fut.done()):
            self._serving_forever_fut.cancel()
            self._serving_forever_fut = None
        waiters = self._waiters
        self._waiters = None
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)

    def _start_serving(self):
        if self._serving:
            return
        self._serving = True
        backlog = self._backlog
        self._backlog = []
        for conn in backlog:
            self._on_connection(conn)

    async def start_serving(self):
        self._start_serving()
        await sleep(0)

    async def serve_forever(self):
        if self._serving_forever_fut is not None:
            raise RuntimeError(
                f'server {self!r} is already being awaited on serve_forever()')
        if self._sockets is None:
            raise RuntimeError(f'server {self!r} is closed')
        self._start_serving()
        self._serving_forever_fut = self._loop.create_future()
        try:
            await self._serving_forever_fut
        except CancelledError:
            try:
                self.close()
                await self.wait_closed()
            finally:
                raise
        finally:
            self._serving_forever_fut = None

    async def wait_closed(self):
        if self._sockets is None or self._waiters is None:
            return
        waiter = self._loop.create_future()
        self._waiters.append(waiter)
        await waiter

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()
        await self.wait_closed()


# -- protocols and transports (loop.create_server / create_connection) ------------

class BaseProtocol:
    """The callbacks every protocol has: connection_made(), connection_lost() and flow control."""
    __module__ = "asyncio.protocols"

    def connection_made(self, transport):
        pass

    def connection_lost(self, exc):
        pass

    def pause_writing(self):
        pass

    def resume_writing(self):
        pass


class Protocol(BaseProtocol):
    """The interface of stream protocols: data_received() and eof_received() on top of BaseProtocol's."""
    __module__ = "asyncio.protocols"

    def data_received(self, data):
        pass

    def eof_received(self):
        pass


class _SocketTransport:
    def __init__(self, loop, conn, protocol):
        self._loop = loop
        self._conn = conn
        self._protocol = protocol
        self._closing = False

    def __repr__(self):
        state = 'closing' if self._closing else 'open'
        return f'<_SelectorSocketTransport {state}>'

    def get_protocol(self):
        return self._protocol

    def set_protocol(self, protocol):
        self._protocol = protocol

    def get_extra_info(self, name, default=None):
        if name == 'peername':
            return self._conn.peername()
        if name == 'sockname':
            return self._conn.sockname()
        return default

    def write(self, data):
        self._conn.write(data)

    def writelines(self, list_of_data):
        for data in list_of_data:
            self._conn.write(data)

    def write_eof(self):
        self._conn.write_eof()

    def can_write_eof(self):
        return True

    def is_closing(self):
        return self._closing

    def pause_reading(self):
        pass

    def resume_reading(self):
        pass

    def close(self):
        if self._closing:
            return
        self._closing = True
        self._conn.close()
        self._loop.call_soon(self._protocol.connection_lost, None)

    def abort(self):
        self.close()

    def _start(self):
        self._protocol.connection_made(self)
        self._conn.start_reading(self._on_data)

    def _on_data(self, data):
        if self._closing:
            return False
        if isinstance(data, BaseException):
            self._closing = True
            self._conn.close()
            self._protocol.connection_lost(data)
            return False
        if data:
            self._protocol.data_received(data)
            return True
        keep_open = self._protocol.eof_received()
        if not keep_open:
            self.close()
        return False


async def _loop_create_server(self, protocol_factory, host=None, port=None,
                              *, start_serving=True, **kwds):
    loop = self
    server = Server(loop, _DEFAULT_LIMIT)

    def on_connection(conn):
        protocol = protocol_factory()
        transport = _SocketTransport(loop, conn, protocol)
        loop.call_soon(transport._start)

    def on_accept(conn):
        if server._serving:
            on_connection(conn)
        else:
            server._backlog.append(conn)

    server._on_connection = on_connection
    listener = await _start_server(host, port, on_accept)
    server._listener = listener
    server._sockets = [_ServerSocket(listener)]
    if start_serving:
        server._start_serving()
        await sleep(0)
    return server


async def _loop_create_connection(self, protocol_factory, host=None, port=None, **kwds):
    conn = await _open_connection(host, port)
    protocol = protocol_factory()
    transport = _SocketTransport(self, conn, protocol)
    transport._start()
    return transport, protocol


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


_add_loop_method('create_server', _loop_create_server)
_add_loop_method('create_connection', _loop_create_connection)
_add_loop_method('shutdown_asyncgens', _loop_shutdown_asyncgens)
_add_loop_method('shutdown_default_executor', _loop_shutdown_default_executor)
_add_loop_method('set_default_executor', _loop_set_default_executor)


async def start_server(client_connected_cb, host=None, port=None, *,
                       limit=_DEFAULT_LIMIT, **kwds):
    """Start a TCP server on `host`:`port` and return it (a Server).

    Each client that connects gets `client_connected_cb(reader, writer)` called
    with its streams; a coroutine function runs as a new task. The other
    keyword arguments are loop.create_server()'s.
    """
    start_serving = kwds.pop('start_serving', True)
    loop = get_running_loop()
    server = Server(loop, limit)

    def on_connection(conn):
        reader = StreamReader(conn, limit=limit)
        writer = StreamWriter(conn, reader)
        res = client_connected_cb(reader, writer)
        if iscoroutine(res):
            loop.create_task(res)

    def on_accept(conn):
        if server._serving:
            on_connection(conn)
        else:
            server._backlog.append(conn)

    server._on_connection = on_connection
    listener = await _start_server(host, port, on_accept)
    server._listener = listener
    server._sockets = [_ServerSocket(listener)]
    if start_serving:
        server._start_serving()
        await sleep(0)
    return server


# The public names, as CPython 3.11's asyncio lists them, less those towel
# does not have (the child watchers, the transport and datagram/subprocess
# protocol classes, AbstractServer, StreamReaderProtocol, the Unix-socket
# streams and the task-registration hooks).
__all__ = [
    'ALL_COMPLETED', 'AbstractEventLoop', 'AbstractEventLoopPolicy', 'Barrier',
    'BaseEventLoop', 'BaseProtocol', 'BoundedSemaphore', 'BrokenBarrierError',
    'CancelledError', 'Condition', 'DefaultEventLoopPolicy', 'Event',
    'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'Future', 'Handle',
    'IncompleteReadError', 'InvalidStateError', 'LifoQueue', 'LimitOverrunError',
    'Lock', 'PriorityQueue', 'Protocol', 'Queue', 'QueueEmpty', 'QueueFull',
    'Runner', 'SelectorEventLoop', 'Semaphore', 'SendfileNotAvailableError',
    'Server', 'StreamReader', 'StreamWriter', 'Task', 'Timeout', 'TimeoutError',
    'TimerHandle', '_get_running_loop', 'all_tasks', 'as_completed',
    'create_subprocess_exec', 'create_subprocess_shell', 'create_task',
    'current_task', 'ensure_future', 'gather', 'get_event_loop',
    'get_event_loop_policy', 'get_running_loop', 'iscoroutine',
    'iscoroutinefunction', 'isfuture', 'new_event_loop', 'open_connection', 'run',
    'run_coroutine_threadsafe', 'set_event_loop', 'set_event_loop_policy',
    'shield', 'sleep', 'start_server', 'timeout', 'timeout_at', 'to_thread',
    'wait', 'wait_for', 'wrap_future',
]
