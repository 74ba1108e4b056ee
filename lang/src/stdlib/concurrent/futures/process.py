"""`ProcessPoolExecutor`: calls run in worker processes (towel children
started with `spawn`, see `multiprocessing`); functions, arguments and
results travel pickled. One feeder thread per worker sends it calls from
the shared queue and waits for their results, so the pool's processes
work in parallel while the program's threads go on."""

import itertools
import os
import queue
import threading
import multiprocessing
from concurrent.futures import _base

EXTRA_QUEUED_CALLS = 1
_MAX_WINDOWS_WORKERS = 63 - 2


class BrokenProcessPool(_base.BrokenExecutor):
    """Raised when a worker process ended abruptly."""


class _RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


def _process_chunk(fn, chunk):
    return [fn(*args) for args in chunk]


class _WorkItem:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs


def _feed(executor_ref, worker, work_queue):
    """A feeder thread: hands calls to one worker process, one at a time."""
    while True:
        item = work_queue.get()
        if item is None:
            work_queue.put(None)
            worker.stop()
            return
        if not item.future.set_running_or_notify_cancel():
            continue
        try:
            ok, value = worker.call(item.fn, item.args, item.kwargs)
        except EOFError:
            broken = BrokenProcessPool(
                'A process in the process pool was terminated abruptly while '
                'the future was running or pending.')
            item.future.set_exception(broken)
            executor = executor_ref()
            if executor is not None:
                executor._broken = broken.args[0]
                executor._fail_pending(broken)
            worker.kill()
            return
        except BaseException as exc:
            # The call could not be sent (its arguments do not pickle).
            item.future.set_exception(exc)
            continue
        if ok:
            item.future.set_result(value)
        else:
            item.future.set_exception(value)
        del item, value


class ProcessPoolExecutor(_base.Executor):
    """Runs calls in up to `max_workers` processes."""

    def __init__(self, max_workers=None, mp_context=None, initializer=None,
                 initargs=(), *, max_tasks_per_child=None):
        if max_workers is None:
            max_workers = os.cpu_count() or 1
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        if max_tasks_per_child is not None:
            if type(max_tasks_per_child) is not int:
                raise TypeError("max_tasks_per_child must be an integer")
            elif max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
        self._max_workers = max_workers
        self._initializer = initializer
        self._initargs = initargs
        self._work_queue = queue.SimpleQueue()
        self._feeders = []
        self._pending = 0
        self._shutdown_thread = False
        self._broken = False
        self._lock = threading.Lock()
        import weakref
        self._ref = weakref.ref(self)

    def _start_worker(self):
        worker = multiprocessing._Worker(self._initializer, self._initargs)
        feeder = threading.Thread(target=_feed, args=(self._ref, worker, self._work_queue),
                                  daemon=True)
        feeder.start()
        self._feeders.append(feeder)

    def _fail_pending(self, exc):
        while True:
            try:
                item = self._work_queue.get_nowait()
            except queue.Empty:
                return
            if item is None:
                self._work_queue.put(None)
                return
            if item.future.set_running_or_notify_cancel():
                item.future.set_exception(exc)

    def submit(self, fn, /, *args, **kwargs):
        with self._lock:
            if self._broken:
                raise BrokenProcessPool(self._broken)
            if self._shutdown_thread:
                raise RuntimeError('cannot schedule new futures after shutdown')
            f = _base.Future()
            self._work_queue.put(_WorkItem(f, fn, args, kwargs))
            if len(self._feeders) < self._max_workers:
                self._start_worker()
            return f
    submit.__doc__ = _base.Executor.submit.__doc__

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        if chunksize == 1:
            return super().map(fn, *iterables, timeout=timeout)
        it = zip(*iterables)
        chunks = iter(lambda: list(itertools.islice(it, chunksize)), [])
        results = super().map(_process_chunk_caller(fn), chunks, timeout=timeout)
        return itertools.chain.from_iterable(results)

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._lock:
            self._shutdown_thread = True
            if cancel_futures:
                while True:
                    try:
                        item = self._work_queue.get_nowait()
                    except queue.Empty:
                        break
                    if item is not None:
                        item.future.cancel()
            self._work_queue.put(None)
        if wait:
            for feeder in self._feeders:
                feeder.join()
    shutdown.__doc__ = _base.Executor.shutdown.__doc__


class _process_chunk_caller:
    """`_process_chunk` bound to a function, picklable."""

    def __init__(self, fn):
        self.fn = fn

    def __call__(self, chunk):
        return _process_chunk(self.fn, chunk)
