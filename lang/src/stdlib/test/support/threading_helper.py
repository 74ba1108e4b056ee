"""Thread helpers for tests."""

import contextlib
import functools
import sys
import threading
import time
import unittest


def threading_setup():
    return (threading.active_count(),)


def threading_cleanup(*original_values):
    """Wait (a little) for threads started by a test to end."""
    deadline = time.monotonic() + 1.0
    while threading.active_count() > original_values[0] and time.monotonic() < deadline:
        time.sleep(0.01)


def reap_threads(func):
    """Decorator: wait for the threads the test started when it returns."""
    @functools.wraps(func)
    def wrapper(*args, **kw):
        key = threading_setup()
        try:
            return func(*args, **kw)
        finally:
            threading_cleanup(*key)
    return wrapper


def join_thread(thread, timeout=None):
    if timeout is None:
        timeout = 30.0
    thread.join(timeout)
    if thread.is_alive():
        raise AssertionError(f"failed to join the thread in {timeout:.1f} seconds")


@contextlib.contextmanager
def start_threads(threads, unlock=None):
    """Start `threads` for the block; after it (and `unlock()`), join them."""
    threads = list(threads)
    started = []
    try:
        for thread in threads:
            thread.start()
            started.append(thread)
        yield
    finally:
        if unlock is not None:
            unlock()
        for thread in started:
            thread.join(30.0)
        lingering = [t for t in started if t.is_alive()]
        if lingering:
            raise AssertionError(f"Unable to join {len(lingering)} threads")


@contextlib.contextmanager
def wait_threads_exit(timeout=None):
    before = threading.active_count()
    try:
        yield
    finally:
        deadline = time.monotonic() + (30.0 if timeout is None else timeout)
        while threading.active_count() > before:
            if time.monotonic() > deadline:
                raise AssertionError("threads did not exit in time")
            time.sleep(0.01)


class catch_threading_exception:
    """Context manager: an exception that ends a thread is stored (exc_type,
    exc_value, exc_traceback, thread) instead of being printed."""

    def __init__(self):
        self._saved_hook = None
        self.exc_type = self.exc_value = self.exc_traceback = self.thread = None

    def _hook(self, args):
        self.exc_type = args.exc_type
        self.exc_value = args.exc_value
        self.exc_traceback = args.exc_traceback
        self.thread = args.thread

    def __enter__(self):
        self._saved_hook = threading.excepthook
        threading.excepthook = self._hook
        return self

    def __exit__(self, *exc_info):
        threading.excepthook = self._saved_hook
        self.exc_type = self.exc_value = self.exc_traceback = self.thread = None


def _can_start_thread():
    return sys.platform not in ("emscripten", "wasi")


can_start_thread = _can_start_thread()


def requires_working_threading(*, module=False):
    reason = "requires threading support"
    if module:
        if not can_start_thread:
            raise unittest.SkipTest(reason)
        return None
    return (lambda test: test) if can_start_thread else unittest.skip(reason)
