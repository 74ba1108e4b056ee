# `unittest.signals`: Control-C during a test run (`-c`, `catchbreak`).
# The first SIGINT asks every registered result to stop after the current
# test; a second one (or one arriving after someone else replaced the
# handler) goes to the handler that was in place before.

import signal
import weakref
from functools import wraps

__unittest = True

# Results that a Control-C should stop; held weakly so that registering a
# result does not keep it alive.
_results = weakref.WeakKeyDictionary()

# The handler installHandler made; made once per process and reused.
_interrupt_handler = None


def _ignore_signal(signum, frame):
    """What SIG_IGN means, as a callable."""


def _as_callable_handler(handler):
    """The SIGINT handler `handler` stands for, as something to call."""
    if not isinstance(handler, int):
        return handler
    if handler == signal.SIG_DFL:
        return signal.default_int_handler
    if handler == signal.SIG_IGN:
        return _ignore_signal
    raise TypeError("expected SIGINT signal handler to be signal.SIG_IGN, "
                    "signal.SIG_DFL, or a callable object")


class _InterruptHandler(object):
    """The SIGINT handler: stops the registered results."""

    def __init__(self, default_handler):
        self.called = False
        self.original_handler = default_handler
        self.default_handler = _as_callable_handler(default_handler)

    def __call__(self, signum, frame):
        # Someone installed another handler over this one, yet this one
        # is still being called: behave as the one it replaced.
        if signal.getsignal(signal.SIGINT) is not self:
            self.default_handler(signum, frame)
        # A second Control-C: the user insists.
        if self.called:
            self.default_handler(signum, frame)
        self.called = True
        for registered in list(_results):
            registered.stop()


def registerResult(result):
    """Asks that `result` be stopped on Control-C."""
    _results[result] = True


def removeResult(result):
    """Forgets `result`; True if it was registered."""
    return _results.pop(result, None) is not None


def installHandler():
    """Installs the Control-C handler (once; later calls do nothing)."""
    global _interrupt_handler
    if _interrupt_handler is not None:
        return
    _interrupt_handler = _InterruptHandler(signal.getsignal(signal.SIGINT))
    signal.signal(signal.SIGINT, _interrupt_handler)


def _restore_original_handler():
    if _interrupt_handler is not None:
        signal.signal(signal.SIGINT, _interrupt_handler.original_handler)


def removeHandler(method=None):
    """Puts back the SIGINT handler that installHandler replaced.

    As a decorator, does so only while the decorated function runs."""
    if method is None:
        _restore_original_handler()
        return None

    @wraps(method)
    def without_handler(*args, **kwargs):
        in_place = signal.getsignal(signal.SIGINT)
        _restore_original_handler()
        try:
            return method(*args, **kwargs)
        finally:
            signal.signal(signal.SIGINT, in_place)
    return without_handler
