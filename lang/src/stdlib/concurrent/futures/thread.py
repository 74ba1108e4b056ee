"""`ThreadPoolExecutor`: calls run on worker threads that share one queue of
jobs. Workers start as jobs arrive (up to `max_workers`), stay for more,
and leave when the pool shuts down, when the pool object is gone, or at the
end of the program (after finishing the jobs already queued)."""

import itertools
import os
import queue
import threading
import weakref
from concurrent.futures import _base

__all__ = ['ThreadPoolExecutor', 'BrokenThreadPool']


class BrokenThreadPool(_base.BrokenExecutor):
    """A worker's initializer failed: the pool takes no more work."""


_BROKEN_MESSAGE = 'A thread initializer failed, the thread pool is not usable anymore'

# The end of the program lets every pool finish its queued jobs: the pools
# alive then are told to stop and their workers waited for.
_live_pools = weakref.WeakSet()
_program_ending = False
_ending_lock = threading.Lock()


def _at_program_end():
    global _program_ending
    with _ending_lock:
        _program_ending = True
    pools = list(_live_pools)
    for crew in [pool._crew for pool in pools]:
        crew.dismiss()
    for crew in [pool._crew for pool in pools]:
        crew.join()


threading._register_atexit(_at_program_end)


class _Crew:
    """What the workers of one pool share. Kept apart from the executor so
    that workers never hold it alive: a pool nobody refers to any more
    dismisses its crew (see `ThreadPoolExecutor.__init__`)."""

    # Put on the queue to send a worker home; each worker passes it on.
    LEAVE = None

    def __init__(self, initializer, initargs):
        self.jobs = queue.SimpleQueue()
        self.initializer = initializer
        self.initargs = initargs
        self.lock = threading.Lock()
        self.threads = []
        self.waiting = 0      # workers free for a job right now
        self.broken = None    # the reason, once an initializer failed

    def dismiss(self):
        self.jobs.put(self.LEAVE)

    def join(self):
        for thread in list(self.threads):
            thread.join()

    def work(self):
        if self.initializer is not None:
            try:
                self.initializer(*self.initargs)
            except BaseException:
                import logging
                logging.getLogger("concurrent.futures").critical(
                    'Exception in initializer:', exc_info=True)
                self.give_up()
                return
        while True:
            job = self.jobs.get()
            if job is self.LEAVE:
                self.jobs.put(self.LEAVE)
                return
            self.run(*job)
            # Let go of the job's objects before waiting for the next one.
            del job
            with self.lock:
                self.waiting += 1

    @staticmethod
    def run(future, fn, args, kwargs):
        if not future.set_running_or_notify_cancel():
            return
        try:
            value = fn(*args, **kwargs)
        except BaseException as error:
            future.set_exception(error)
        else:
            future.set_result(value)

    def give_up(self):
        """An initializer failed: every queued job fails with BrokenThreadPool."""
        with self.lock:
            self.broken = _BROKEN_MESSAGE
        while True:
            try:
                job = self.jobs.get_nowait()
            except queue.Empty:
                return
            if job is self.LEAVE:
                self.jobs.put(self.LEAVE)
                return
            job[0].set_exception(BrokenThreadPool(self.broken))


class ThreadPoolExecutor(_base.Executor):
    """Runs calls on up to `max_workers` threads."""

    _pool_numbers = itertools.count()

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=()):
        if max_workers is None:
            # CPython's default: enough for I/O-bound work, capped at 32.
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._thread_name_prefix = (thread_name_prefix or
                                    f"ThreadPoolExecutor-{next(self._pool_numbers)}")
        self._closed = False
        self._crew = _Crew(initializer, initargs)
        weakref.finalize(self, self._crew.dismiss)
        _live_pools.add(self)

    def submit(self, fn, /, *args, **kwargs):
        """Schedules `fn(*args, **kwargs)` and returns its Future."""
        crew = self._crew
        with crew.lock, _ending_lock:
            if crew.broken:
                raise BrokenThreadPool(crew.broken)
            if self._closed:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _program_ending:
                raise RuntimeError('cannot schedule new futures after '
                                   'interpreter shutdown')
            future = _base.Future()
            crew.jobs.put((future, fn, args, kwargs))
            if crew.waiting:
                crew.waiting -= 1
            elif len(crew.threads) < self._max_workers:
                name = f"{self._thread_name_prefix}_{len(crew.threads)}"
                worker = threading.Thread(name=name, target=crew.work)
                worker.start()
                crew.threads.append(worker)
            return future

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Takes no more calls; with `cancel_futures`, cancels the queued
        ones; with `wait`, returns once the workers have finished."""
        crew = self._crew
        with crew.lock:
            self._closed = True
            if cancel_futures:
                while True:
                    try:
                        job = crew.jobs.get_nowait()
                    except queue.Empty:
                        break
                    if job is not crew.LEAVE:
                        job[0].cancel()
            crew.dismiss()
        if wait:
            crew.join()
