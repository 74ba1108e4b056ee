"""Run calls asynchronously, on a pool of threads or of processes, and get
their results through futures. The two executors load on first use."""

from concurrent.futures._base import (
    FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED, CancelledError,
    TimeoutError, InvalidStateError, BrokenExecutor, Future, Executor,
    wait, as_completed)

__all__ = (
    'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED', 'CancelledError',
    'TimeoutError', 'BrokenExecutor', 'Future', 'Executor', 'wait',
    'as_completed', 'ProcessPoolExecutor', 'ThreadPoolExecutor',
)

# Where each lazily loaded executor lives.
_EXECUTORS = {'ThreadPoolExecutor': 'thread', 'ProcessPoolExecutor': 'process'}


def __dir__():
    # CPython lists the module's public names and these two dunders.
    return __all__ + ('__author__', '__doc__')


def __getattr__(name):
    where = _EXECUTORS.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib
    executor = getattr(importlib.import_module(f'{__name__}.{where}'), name)
    globals()[name] = executor
    return executor
