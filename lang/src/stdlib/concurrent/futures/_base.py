"""What every executor of `concurrent.futures` shares: `Future`, the
`Executor` interface, `wait` and `as_completed`.

A future's state moves PENDING -> RUNNING -> FINISHED, or PENDING ->
CANCELLED; an executor that meets a cancelled future turns it into
CANCELLED_AND_NOTIFIED, and only then do `wait` and `as_completed` count it
as done (CPython's rule: a cancelled call still queued is not yet settled).
Waiting functions register a `_Watch` with each future; a future tells its
watches when it settles."""

import collections
import threading
import time

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'

PENDING = 'PENDING'
RUNNING = 'RUNNING'
CANCELLED = 'CANCELLED'
CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
FINISHED = 'FINISHED'

_CANCELLED_STATES = (CANCELLED, CANCELLED_AND_NOTIFIED)
_SETTLED_STATES = (CANCELLED_AND_NOTIFIED, FINISHED)
# How a state reads in a future's repr.
_SHOWN_AS = {PENDING: 'pending', RUNNING: 'running', CANCELLED: 'cancelled',
             CANCELLED_AND_NOTIFIED: 'cancelled', FINISHED: 'finished'}


class Error(Exception):
    """Base class of the module's own exceptions."""


class CancelledError(Error):
    """The future was cancelled."""


TimeoutError = TimeoutError


class InvalidStateError(Error):
    """The future is not in a state that allows the operation."""


class BrokenExecutor(RuntimeError):
    """The executor can no longer run the work given to it."""


DoneAndNotDoneFutures = collections.namedtuple(
    'DoneAndNotDoneFutures', 'done not_done')


def _log_callback_error(future):
    import logging
    logging.getLogger("concurrent.futures").exception(
        'exception calling callback for %r', future)


class _Watch:
    """A waiting function's inbox: the futures that settled since it last
    looked, and an event that says there are some."""

    def __init__(self):
        self.lock = threading.Lock()
        self.settled = []
        self.event = threading.Event()

    def tell(self, future):
        with self.lock:
            self.settled.append(future)
        self.event.set()

    def take(self):
        with self.lock:
            settled, self.settled = self.settled, []
            self.event.clear()
        return settled


class Future:
    """The outcome of a call that may not have finished yet."""

    def __init__(self):
        self._condition = threading.Condition()
        self._state = PENDING
        self._result = None
        self._exception = None
        self._watches = []
        self._done_callbacks = []

    def __repr__(self):
        with self._condition:
            shown = f'<{type(self).__name__} at {id(self):#x} state={_SHOWN_AS[self._state]}'
            if self._state == FINISHED:
                if self._exception:
                    shown += f' raised {type(self._exception).__name__}'
                else:
                    shown += f' returned {type(self._result).__name__}'
            return shown + '>'

    __class_getitem__ = classmethod(lambda cls, item: __import__('types').GenericAlias(cls, item))

    # -- asking ---------------------------------------------------------

    def cancelled(self):
        with self._condition:
            return self._state in _CANCELLED_STATES

    def running(self):
        with self._condition:
            return self._state == RUNNING

    def done(self):
        with self._condition:
            return self._state not in (PENDING, RUNNING)

    def _outcome(self, timeout, want_exception):
        with self._condition:
            if self._state in (PENDING, RUNNING):
                self._condition.wait(timeout)
            if self._state in _CANCELLED_STATES:
                raise CancelledError()
            if self._state != FINISHED:
                raise TimeoutError()
            if want_exception:
                return self._exception
            error = self._exception
        if error is not None:
            try:
                raise error
            finally:
                # The traceback would keep this frame, and so the error, alive.
                del error
        return self._result

    def result(self, timeout=None):
        """The call's result, waiting up to `timeout` seconds for it; raises
        what the call raised."""
        return self._outcome(timeout, False)

    def exception(self, timeout=None):
        """What the call raised (None if it returned), waiting up to
        `timeout` seconds."""
        return self._outcome(timeout, True)

    def add_done_callback(self, fn):
        """Calls `fn(future)` once the future is done (at once if it is)."""
        with self._condition:
            if self._state in (PENDING, RUNNING):
                self._done_callbacks.append(fn)
                return
        try:
            fn(self)
        except Exception:
            _log_callback_error(self)

    # -- settling -------------------------------------------------------

    def cancel(self):
        """Cancels the call unless it is running or done; tells whether the
        future is cancelled now."""
        with self._condition:
            if self._state in (RUNNING, FINISHED):
                return False
            if self._state in _CANCELLED_STATES:
                return True
            self._state = CANCELLED
            self._condition.notify_all()
        self._run_callbacks()
        return True

    def set_running_or_notify_cancel(self):
        """For executors, before running the call: True, and the future is
        running; or False if it was cancelled (its waiters learn it now)."""
        with self._condition:
            if self._state == PENDING:
                self._state = RUNNING
                return True
            if self._state != CANCELLED:
                import logging
                logging.getLogger("concurrent.futures").critical(
                    'Future %s in unexpected state: %s', id(self), self._state)
                raise RuntimeError('Future in unexpected state')
            self._state = CANCELLED_AND_NOTIFIED
            watches = list(self._watches)
        for watch in watches:
            watch.tell(self)
        return False

    def set_result(self, result):
        self._settle(result, None)

    def set_exception(self, exception):
        self._settle(None, exception)

    def _settle(self, result, exception):
        with self._condition:
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
                raise InvalidStateError(f'{self._state}: {self!r}')
            self._result = result
            self._exception = exception
            self._state = FINISHED
            watches = list(self._watches)
            self._condition.notify_all()
        for watch in watches:
            watch.tell(self)
        self._run_callbacks()

    def _run_callbacks(self):
        with self._condition:
            callbacks, self._done_callbacks = self._done_callbacks, []
        for callback in callbacks:
            try:
                callback(self)
            except Exception:
                _log_callback_error(self)

    # -- watches (for wait and as_completed) ---------------------------

    def _watch(self, watch):
        """Registers `watch`; True if the future has settled already."""
        with self._condition:
            self._watches.append(watch)
            return self._state in _SETTLED_STATES

    def _unwatch(self, watch):
        with self._condition:
            if watch in self._watches:
                self._watches.remove(watch)


def _settled(future):
    with future._condition:
        return future._state in _SETTLED_STATES


def _failed(future):
    with future._condition:
        return future._state == FINISHED and future._exception is not None


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Waits until `return_when` holds for the futures `fs` (or `timeout`
    seconds pass) and returns the (done, not_done) sets."""
    fs = set(fs)
    deadline = None if timeout is None else time.monotonic() + timeout
    watch = _Watch()
    for future in fs:
        future._watch(watch)
    try:
        while True:
            done = {future for future in fs if _settled(future)}
            if (len(done) == len(fs)
                    or (return_when == FIRST_COMPLETED and done)
                    or (return_when == FIRST_EXCEPTION and any(map(_failed, done)))):
                break
            if deadline is None:
                watch.event.wait()
            else:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                watch.event.wait(left)
            watch.take()
    finally:
        for future in fs:
            future._unwatch(watch)
    return DoneAndNotDoneFutures(done, fs - done)


def as_completed(fs, timeout=None):
    """Yields the futures `fs` as they settle, those settled already first;
    TimeoutError if `timeout` seconds pass before all have."""
    deadline = None if timeout is None else time.monotonic() + timeout
    fs = set(fs)
    total = len(fs)
    watch = _Watch()
    ready = [future for future in fs if future._watch(watch)]
    waiting = fs.difference(ready)
    try:
        yield from ready
        while waiting:
            if deadline is None:
                watch.event.wait()
            else:
                left = deadline - time.monotonic()
                if left < 0:
                    raise TimeoutError(f'{len(waiting)} (of {total}) futures unfinished')
                watch.event.wait(left)
            for future in watch.take():
                if future in waiting:
                    waiting.discard(future)
                    yield future
    finally:
        for future in fs:
            future._unwatch(watch)


class Executor:
    """Runs calls asynchronously; each subclass says where."""

    def submit(self, fn, /, *args, **kwargs):
        """Schedules `fn(*args, **kwargs)`; returns a Future for it."""
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """`map(fn, *iterables)` with the calls submitted at once; results
        come back in order, each waited for until `timeout` seconds from
        now. Calls not yet run are cancelled if the iteration stops early."""
        deadline = None if timeout is None else time.monotonic() + timeout
        futures = [self.submit(fn, *args) for args in zip(*iterables)]

        def results():
            position = 0
            try:
                while position < len(futures):
                    future = futures[position]
                    futures[position] = None
                    position += 1
                    left = None if deadline is None else deadline - time.monotonic()
                    yield future.result(left)
                    del future
            finally:
                for future in futures[position:]:
                    future.cancel()
        return results()

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Frees the executor's resources once the pending calls are done;
        with `wait`, returns only then."""

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False
