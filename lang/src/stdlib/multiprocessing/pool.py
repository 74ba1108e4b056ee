"""`multiprocessing.pool.Pool`: a pool of worker processes, on the workers
of `concurrent.futures.ProcessPoolExecutor`."""

import builtins
import itertools
import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from multiprocessing import TimeoutError

__all__ = ['Pool', 'ThreadPool']


class AsyncResult:
    """The result of `apply_async` or `map_async`."""

    def __init__(self, future, callback=None, error_callback=None, transform=None):
        self._future = future
        self._transform = transform
        if callback is not None or error_callback is not None:
            def done(f):
                if f.exception() is None:
                    if callback is not None:
                        callback(self._value(f.result()))
                elif error_callback is not None:
                    error_callback(f.exception())
            future.add_done_callback(done)

    def _value(self, value):
        return value if self._transform is None else self._transform(value)

    def ready(self):
        return self._future.done()

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._future.exception() is None

    def wait(self, timeout=None):
        from concurrent.futures import wait
        wait([self._future], timeout)

    def get(self, timeout=None):
        try:
            value = self._future.result(timeout)
        except builtins.TimeoutError:
            raise TimeoutError from None
        return self._value(value)


ApplyResult = AsyncResult
MapResult = AsyncResult


def _star(fn):
    return _Starred(fn)


class _Starred:
    def __init__(self, fn):
        self.fn = fn

    def __call__(self, args):
        return self.fn(*args)


class _Chunk:
    def __init__(self, fn):
        self.fn = fn

    def __call__(self, chunk):
        return [self.fn(x) for x in chunk]


class Pool:
    """`processes` worker processes that run the calls given to them."""

    def __init__(self, processes=None, initializer=None, initargs=(),
                 maxtasksperchild=None, context=None):
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        self._executor = ProcessPoolExecutor(processes, initializer=initializer,
                                             initargs=initargs)
        self._state = 'RUN'

    def __repr__(self):
        return f'<multiprocessing.pool.Pool state={self._state} pool_size={self._processes}>'

    def _check_running(self):
        if self._state != 'RUN':
            raise ValueError("Pool not running")

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        return AsyncResult(self._executor.submit(func, *args, **kwds), callback, error_callback)

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def _chunks(self, iterable, chunksize):
        items = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(items), self._processes * 4)
            if extra:
                chunksize += 1
        chunksize = max(chunksize or 1, 1)
        return [items[i:i + chunksize] for i in range(0, len(items), chunksize)]

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        self._check_running()
        futures = [self._executor.submit(_Chunk(func), chunk)
                   for chunk in self._chunks(iterable, chunksize)]
        from concurrent.futures import Future
        whole = Future()
        left = [len(futures)]

        def one_done(f):
            if whole.done():
                return
            if f.exception() is not None:
                whole.set_exception(f.exception())
                return
            left[0] -= 1
            if left[0] == 0:
                whole.set_result(list(itertools.chain.from_iterable(
                    g.result() for g in futures)))
        if not futures:
            whole.set_result([])
        for f in futures:
            f.add_done_callback(one_done)
        return AsyncResult(whole, callback, error_callback)

    def map(self, func, iterable, chunksize=None):
        return self.map_async(func, iterable, chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self.map_async(_star(func), iterable, chunksize, callback, error_callback)

    def starmap(self, func, iterable, chunksize=None):
        return self.map_async(_star(func), iterable, chunksize).get()

    def imap(self, func, iterable, chunksize=1):
        self._check_running()
        futures = [self._executor.submit(_Chunk(func), chunk)
                   for chunk in self._chunks(iterable, chunksize)]

        def results():
            for f in futures:
                yield from f.result()
        return results()

    def imap_unordered(self, func, iterable, chunksize=1):
        self._check_running()
        futures = [self._executor.submit(_Chunk(func), chunk)
                   for chunk in self._chunks(iterable, chunksize)]

        def results():
            for f in as_completed(futures):
                yield from f.result()
        return results()

    def close(self):
        if self._state == 'RUN':
            self._state = 'CLOSE'

    def terminate(self):
        self._state = 'TERMINATE'
        self._executor.shutdown(wait=True, cancel_futures=True)

    def join(self):
        if self._state == 'RUN':
            raise ValueError("Pool is still running")
        self._executor.shutdown(wait=True)

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()


def ThreadPool(processes=None, initializer=None, initargs=()):
    raise NotImplementedError("multiprocessing.pool.ThreadPool")
