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
    """Raised when a stream ended before the requested bytes arrived.

    `partial` holds the bytes that did arrive, `expected` how many were asked
    for (None when the read was for a separator rather than a count).
    """
    __module__ = "asyncio.exceptions"

    def __init__(self, partial, expected):
        wanted = 'undefined' if expected is None else repr(expected)
        EOFError.__init__(self, f'{len(partial)} bytes read on a total of {wanted} expected bytes')
        self.partial = partial
        self.expected = expected

    # Pickling rebuilds from the constructor's arguments: the message alone
    # would not give them back.
    def __reduce__(self):
        return type(self), (self.partial, self.expected)


class LimitOverrunError(Exception):
    """Raised when a separator was not found within the stream's buffer limit.

    `consumed` is how many bytes may be skipped.
    """
    __module__ = "asyncio.exceptions"

    def __init__(self, message, consumed):
        Exception.__init__(self, message)
        self.consumed = consumed

    def __reduce__(self):
        message, = self.args
        return type(self), (message, self.consumed)


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


import _thread as _thread_ids


class BaseDefaultEventLoopPolicy(AbstractEventLoopPolicy):
    """The default policy: one event loop per thread, made on first demand in
    the main thread (other threads must set theirs)."""
    __module__ = "asyncio.events"
    _loop_factory = None

    def __init__(self):
        # Thread id -> the loop set_event_loop() chose for that thread (None
        # included): a thread that has an entry never gets a loop implicitly.
        self._loops_by_thread = {}

    def get_event_loop(self):
        thread = _thread_ids.get_ident()
        if thread not in self._loops_by_thread and _main_thread_is(thread):
            self.set_event_loop(self.new_event_loop())
        chosen = self._loops_by_thread.get(thread)
        if chosen is None:
            import threading
            raise RuntimeError(
                f'There is no current event loop in thread {threading.current_thread().name!r}.')
        return chosen

    def set_event_loop(self, loop):
        if loop is not None and not isinstance(loop, AbstractEventLoop):
            raise TypeError(_not_instance_message('loop', 'AbstractEventLoop', loop))
        self._loops_by_thread[_thread_ids.get_ident()] = loop

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


def _main_thread_is(ident):
    import threading
    return threading.main_thread().ident == ident


def _not_instance_message(what, kind, value):
    return f"{what} must be an instance of {kind} or None, not '{type(value).__name__}'"


# The policy in force: a one-element list, so that the functions below
# change it without a global statement; empty until first asked for.
_current_policy = []


def get_event_loop_policy():
    """Return the event loop policy in force (the default one unless set)."""
    if not _current_policy:
        _current_policy.append(DefaultEventLoopPolicy())
    return _current_policy[0]


def set_event_loop_policy(policy):
    """Put `policy` in force; None goes back to a fresh default policy."""
    if policy is not None and not isinstance(policy, AbstractEventLoopPolicy):
        raise TypeError(_not_instance_message('policy', 'AbstractEventLoopPolicy', policy))
    _current_policy.clear()
    if policy is not None:
        _current_policy.append(policy)


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

# The mark the retired @asyncio.coroutine decorator left on generator-based
# coroutine functions; iscoroutinefunction() still honours it.
_is_coroutine = object()


def iscoroutinefunction(func):
    """True for an `async def` function (seen through partials and bound
    methods), or one that carries the legacy `_is_coroutine` mark."""
    if getattr(func, '_is_coroutine', None) is _is_coroutine:
        return True
    import inspect
    return inspect.iscoroutinefunction(func)


def _is_coroutine_object(obj):
    # asyncio.iscoroutine for objects of Python classes.
    import collections.abc
    return isinstance(obj, collections.abc.Coroutine)


# -- runners ------------------------------------------------------------------

def _finish_loop(loop):
    """Wind `loop` down before it is closed: cancel the tasks still pending and
    let them run to their end (reporting the errors they end with), then close
    the async generators and the default executor."""
    leftovers = _all_tasks_ordered(loop)
    if leftovers:
        for task in leftovers:
            task.cancel()
        outcomes = loop.run_until_complete(gather(*leftovers, return_exceptions=True))
        for task, outcome in zip(leftovers, outcomes):
            if isinstance(outcome, BaseException) and not task.cancelled():
                loop.call_exception_handler({
                    'message': 'unhandled exception during asyncio.run() shutdown',
                    'exception': outcome,
                    'task': task,
                })
    loop.run_until_complete(loop.shutdown_asyncgens())
    loop.run_until_complete(loop.shutdown_default_executor())


class Runner:
    """Runs coroutines on one event loop of its own, made on first use and
    closed by close() (or at the end of a `with` block).

    `debug` sets the loop's debug mode (None leaves it); `loop_factory` makes
    the loop, which is then not installed as the thread's current loop.
    """
    __module__ = "asyncio.runners"

    def __init__(self, *, debug=None, loop_factory=None):
        self._debug = debug
        self._make_loop = loop_factory
        # 'new' until the loop exists, 'open' while it does, then 'closed'.
        self._phase = 'new'
        self._loop = None
        self._context = None

    def __enter__(self):
        self._open()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()

    def get_loop(self):
        """The runner's event loop (made now if need be)."""
        return self._open()

    def run(self, coro, *, context=None):
        """Run `coro` to its end in a task on the runner's loop; return its result."""
        if not iscoroutine(coro):
            raise ValueError(f"a coroutine was expected, got {coro!r}")
        if _get_running_loop() is not None:
            raise RuntimeError("Runner.run() cannot be called from a running event loop")
        loop = self._open()
        if context is None:
            context = self._context
        return loop.run_until_complete(loop.create_task(coro, context=context))

    def close(self):
        """Cancel what is left on the loop, wind it down and close it."""
        if self._phase != 'open':
            return
        loop = self._loop
        try:
            _finish_loop(loop)
        finally:
            if self._make_loop is None:
                set_event_loop(None)
            loop.close()
            self._loop = None
            self._phase = 'closed'

    def _open(self):
        """The loop, made and configured on the first call."""
        if self._phase == 'open':
            return self._loop
        if self._phase == 'closed':
            raise RuntimeError("Runner is closed")
        if self._make_loop is not None:
            loop = self._make_loop()
        else:
            loop = new_event_loop()
            set_event_loop(loop)
        if self._debug is not None:
            loop.set_debug(self._debug)
        import contextvars
        self._context = contextvars.copy_context()
        self._loop = loop
        self._phase = 'open'
        return loop


def run(main, *, debug=None):
    """Run the coroutine `main` on a new event loop, close the loop and return
    main's result (asyncio's usual entry point)."""
    if _get_running_loop() is not None:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    with Runner(debug=debug) as runner:
        return runner.run(main)


# -- gather, wait, wait_for, shield, as_completed ------------------------------

class _GatheringFuture(Future):
    """The future gather() returns. It is its own bookkeeper: each distinct
    child calls back _child_done once, and the future finishes when the last
    one has (or at the first failure, unless errors are kept as results).
    Cancelling it cancels every child."""
    __module__ = "asyncio.tasks"

    def __init__(self, loop, keep_errors):
        Future.__init__(self, loop=loop)
        self._children = []
        self._unfinished = 0
        self._keep_errors = keep_errors
        self._cancelled_by_caller = False

    def cancel(self, msg=None):
        if self.done():
            return False
        # Every child is asked, even after one has accepted.
        accepted = [child.cancel(msg=msg) for child in self._children]
        if any(accepted):
            self._cancelled_by_caller = True
            return True
        return False

    def _child_done(self, child):
        self._unfinished -= 1
        if self.done():
            if not child.cancelled():
                child.exception()   # seen: no "exception was never retrieved"
            return
        if not self._keep_errors:
            failure = child._make_cancelled_error() if child.cancelled() else child.exception()
            if failure is not None:
                self.set_exception(failure)
                return
        if self._unfinished:
            return
        if self._keep_errors:
            outcomes = [_outcome(c) for c in self._children]
        else:
            # No child failed, or this future would be done already.
            outcomes = [c.result() for c in self._children]
        if self._cancelled_by_caller:
            self.set_exception(child._make_cancelled_error())
        else:
            self.set_result(outcomes)


def _outcome(fut):
    """What `gather(..., return_exceptions=True)` reports for a finished child."""
    if fut.cancelled():
        # A fresh error carrying the future's own cancel message ('' when it
        # has none): a task's message stays with the error its coroutine raised.
        msg = fut._cancel_message
        return CancelledError('' if msg is None else msg)
    err = fut.exception()
    return fut.result() if err is None else err


def gather(*coros_or_futures, return_exceptions=False):
    """Run the awaitables concurrently; the future returned gives the list of
    their results in argument order. The first error is raised, or with
    `return_exceptions` every error takes its place in the list."""
    if not coros_or_futures:
        done = get_event_loop().create_future()
        done.set_result([])
        return done
    loop = outer = None
    future_of = {}  # argument -> its future: an argument given twice runs once
    for arg in coros_or_futures:
        fut = future_of.get(arg)
        if fut is None:
            fut = ensure_future(arg, loop=loop)
            if outer is None:
                loop = _future_loop(fut)
                outer = _GatheringFuture(loop, return_exceptions)
                children = outer._children
                child_done = outer._child_done
            future_of[arg] = fut
            # Callbacks run from the loop, so the count can be set after.
            fut.add_done_callback(child_done)
        children.append(fut)
    outer._unfinished = len(future_of)
    return outer


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
    """Protect an awaitable from cancellation: cancelling the future returned
    leaves `arg` running (it still gets `arg`'s outcome if it is not cancelled)."""
    inner = ensure_future(arg)
    if inner.done():
        return inner
    outer = _future_loop(inner).create_future()

    def settle_outer(_):
        if not outer.cancelled():
            _copy_future_state(inner, outer)
        elif not inner.cancelled():
            inner.exception()   # seen: the caller gave up on it

    def let_go_of_inner(_):
        if not inner.done():
            inner.remove_done_callback(settle_outer)

    inner.add_done_callback(settle_outer)
    outer.add_done_callback(let_go_of_inner)
    return outer


class _ArrivalQueue:
    """as_completed()'s bookkeeping: the futures still running, and a queue of
    those that finished in the order they did (None once the timeout struck)."""

    def __init__(self, futs, loop, timeout):
        self.arrived = Queue()
        self.waiting = dict.fromkeys(futs)
        for f in self.waiting:
            f.add_done_callback(self.arrive)
        self.timer = None
        if self.waiting and timeout is not None:
            self.timer = loop.call_later(timeout, self.expire)

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
    feed = _ArrivalQueue({ensure_future(f, loop=loop) for f in set(fs)}, loop, timeout)
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
    """Call `func(*args, **kwargs)` on the loop's default executor (a thread),
    in a copy of the current context, and return its result."""
    import contextvars
    context = contextvars.copy_context()
    return await get_running_loop().run_in_executor(
        None, lambda: context.run(func, *args, **kwargs))


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
    """An asyncio future that follows `future` (a concurrent.futures.Future);
    an asyncio future is returned as it is."""
    if isfuture(future):
        if loop is not None and loop is not future.get_loop():
            raise AssertionError
        return future
    import concurrent.futures
    if not isinstance(future, concurrent.futures.Future):
        raise AssertionError(f'concurrent.futures.Future is expected, got {future!r}')
    follower = (get_event_loop() if loop is None else loop).create_future()
    _chain_future(future, follower)
    return follower


def run_coroutine_threadsafe(coro, loop):
    """Submit `coro` to `loop` from another thread; return a
    concurrent.futures.Future for its outcome."""
    if not iscoroutine(coro):
        raise TypeError('A coroutine object is required')
    import concurrent.futures
    handle = concurrent.futures.Future()
    loop.call_soon_threadsafe(_start_for_other_thread, coro, loop, handle)
    return handle


def _start_for_other_thread(coro, loop, handle):
    """On `loop`'s thread: run `coro` as a task that `handle` follows. An error
    in starting it goes both to `handle` and to the loop."""
    try:
        _chain_future(ensure_future(coro, loop=loop), handle)
    except BaseException as err:
        if not _is_fatal(err) and handle.set_running_or_notify_cancel():
            handle.set_exception(err)
        raise


# -- TaskGroup ------------------------------------------------------------------

class TaskGroup:
    """An asynchronous context manager that owns the tasks made with its
    create_task(): leaving the block waits for all of them. The first task to
    fail cancels the others and the block's body; the errors are then raised
    together in an ExceptionGroup (SystemExit and KeyboardInterrupt alone)."""
    __module__ = "asyncio.taskgroups"

    def __init__(self):
        # 'new' -> 'inside' (the block runs) -> 'leaving' (__aexit__ waits for
        # the children); _aborting goes on with the first failure.
        self._stage = 'new'
        self._aborting = False
        self._loop = None
        self._parent = None
        self._cancelled_parent = False
        self._live = {}          # the children still running, in creation order
        self._failures = []
        self._fatal = None       # a SystemExit or KeyboardInterrupt to re-raise
        self._drained = None     # set when the last child finishes

    def __repr__(self):
        notes = (
            self._live and f' tasks={len(self._live)}',
            self._failures and f' errors={len(self._failures)}',
            ' cancelling' if self._aborting else self._stage != 'new' and ' entered',
        )
        return f"<TaskGroup{''.join(note for note in notes if note)}>"

    async def __aenter__(self):
        if self._stage != 'new':
            raise RuntimeError(f"TaskGroup {self!r} has already been entered")
        self._stage = 'inside'
        self._loop = get_running_loop()
        self._parent = current_task()
        if self._parent is None:
            raise RuntimeError(f'TaskGroup {self!r} cannot determine the parent task')
        return self

    async def __aexit__(self, et, exc, tb):
        self._stage = 'leaving'
        if exc is not None and self._fatal is None and _is_fatal(exc):
            self._fatal = exc
        cancellation = exc if et is CancelledError else None
        # A cancellation the group itself sent to the parent is taken back;
        # only one that came from outside as well goes on.
        if self._cancelled_parent and self._parent.uncancel() == 0:
            cancellation = None
        if et is not None and not self._aborting:
            self._abort()
        cancelled_meanwhile = await self._children_finished()
        if cancelled_meanwhile is not None:
            cancellation = cancelled_meanwhile
        if self._fatal is not None:
            raise self._fatal
        if cancellation is not None and not self._failures:
            raise cancellation
        errors = self._failures
        if et is not None and et is not CancelledError:
            errors.append(exc)
        self._failures = None
        if errors:
            raise BaseExceptionGroup('unhandled errors in a TaskGroup', errors) from None

    async def _children_finished(self):
        """Wait until no child is left. A cancellation of the parent from
        outside meanwhile aborts the group; the last such CancelledError is
        returned."""
        outside = None
        while self._live:
            self._drained = self._loop.create_future()
            try:
                await self._drained
            except CancelledError as err:
                if not self._aborting:
                    outside = err
                    self._abort()
            self._drained = None
        return outside

    def create_task(self, coro, *, name=None, context=None):
        """Start `coro` as a task of the group."""
        refusal = self._refusal()
        if refusal is not None:
            raise RuntimeError(f"TaskGroup {self!r} {refusal}")
        task = self._loop.create_task(coro, name=name, context=context)
        self._live[task] = None
        task.add_done_callback(self._task_finished)
        return task

    def _refusal(self):
        """Why no task may be added now, or None when one may."""
        if self._stage == 'new':
            return "has not been entered"
        if self._stage == 'leaving' and not self._live:
            return "is finished"
        return "is shutting down" if self._aborting else None

    def _abort(self):
        self._aborting = True
        for child in self._live:
            if not child.done():
                child.cancel()

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
        # Phases: 'created' -> 'active' -> 'finished', or 'expiring' (the
        # deadline struck and the task was cancelled) -> 'expired'.
        self._phase = 'created'
        self._when = when
        self._task = self._timer = None

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
        task = current_task()
        if task is None:
            raise RuntimeError("Timeout should be used inside a task")
        self._task = task
        self._phase = 'active'
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
    # `async with primitive:` acquires it for the block; the block gets None.
    async def __aenter__(self):
        await self.acquire()

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
        self._lock = Lock() if lock is None else lock
        self._loop = None
        self._sleepers = []     # one future per waiting task, oldest first
        # Holding the condition is holding its lock: these are the lock's own.
        self.locked = self._lock.locked
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __repr__(self):
        return _describe(self, 'locked' if self.locked() else 'unlocked', self._sleepers)

    async def wait(self):
        """Release the lock, wait to be notified, take the lock back; return True."""
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')
        loop = _bound_loop(self)
        self.release()
        wakeup = loop.create_future()
        self._sleepers.append(wakeup)
        try:
            await wakeup
        finally:
            self._sleepers.remove(wakeup)
            await self._take_lock_back()
        return True

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
            verdict = predicate()
            if verdict:
                return verdict
            await self.wait()

    def notify(self, n=1):
        """Wake up to `n` waiting tasks, oldest first (the lock must be held)."""
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')
        still_waiting = [w for w in self._sleepers if not w.done()]
        for wakeup in still_waiting[:n]:
            wakeup.set_result(False)

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
        self._value = value     # free slots
        self._queue = []        # one ticket (future) per waiting task, oldest first
        self._loop = None

    def __repr__(self):
        state = 'locked' if self.locked() else f'unlocked, value:{self._value}'
        return _describe(self, state, self._queue)

    def locked(self):
        """True when acquire() would wait: no slot is free, or tasks that are
        not cancelled are already in line."""
        if self._value == 0:
            return True
        return any(not ticket.cancelled() for ticket in self._queue)

    async def acquire(self):
        """Take a slot, waiting in line while none is free; return True."""
        if self.locked():
            await self._wait_for_slot()
        else:
            self._value -= 1
        return True

    async def _wait_for_slot(self):
        # release() hands a slot over by resolving the ticket (the count is
        # taken off then).
        ticket = _bound_loop(self).create_future()
        self._queue.append(ticket)
        try:
            await ticket
        except CancelledError:
            if not ticket.cancelled():
                # Handed a slot as we were cancelled: it goes to the next in line.
                Semaphore.release(self)
            raise
        finally:
            self._queue.remove(ticket)
        if self._value:
            self._serve_next()

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
        self._ceiling = value
        Semaphore.__init__(self, value)

    def release(self):
        if self._value >= self._ceiling:
            raise ValueError('BoundedSemaphore released too many times')
        Semaphore.release(self)


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
        self._phase = 'filling'
        self._inside = 0        # tasks inside wait() this round
        self._cond = Condition()

    def __repr__(self):
        if self.broken:
            return _describe(self, 'broken', ())
        return _describe(self, f'{self._phase}, waiters:{self.n_waiting}/{self._parties}', ())

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
        """Put the barrier back to empty; tasks waiting get BrokenBarrierError."""
        async with self._cond:
            self._phase = 'resetting' if self._inside else 'filling'
            self._cond.notify_all()

    async def abort(self):
        """Break the barrier: waiting and later wait() calls raise BrokenBarrierError."""
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


# -- loop methods written here ---------------------------------------------------

async def _loop_shutdown_asyncgens(self):
    """Close the loop's async generators that are still alive; errors their
    aclose() raised go to the loop's exception handler."""
    agens = list(_take_asyncgens(self))
    if not agens:
        return
    outcomes = await gather(*[agen.aclose() for agen in agens], return_exceptions=True)
    for agen, outcome in zip(agens, outcomes):
        if isinstance(outcome, Exception):
            self.call_exception_handler({
                'message': f'an error occurred during closing of asynchronous generator {agen!r}',
                'exception': outcome,
                'asyncgen': agen,
            })


async def _loop_shutdown_default_executor(self):
    """Shut the default executor down, waiting for its threads on a thread
    of its own so that the loop keeps running meanwhile."""
    executor = _default_executors.pop(self, None)
    if executor is None:
        return
    import concurrent.futures
    import threading
    outcome = concurrent.futures.Future()

    def shut_down():
        outcome.set_running_or_notify_cancel()
        try:
            executor.shutdown(wait=True)
        except Exception as err:
            outcome.set_exception(err)
        else:
            outcome.set_result(None)

    thread = threading.Thread(target=shut_down)
    thread.start()
    try:
        await wrap_future(outcome, loop=self)
    finally:
        thread.join()


_add_loop_method('shutdown_asyncgens', _loop_shutdown_asyncgens)
_add_loop_method('shutdown_default_executor', _loop_shutdown_default_executor)
_add_loop_method('set_default_executor', _loop_set_default_executor)
