# `unittest.IsolatedAsyncioTestCase`: a TestCase whose setUp, test method,
# tearDown and cleanups may be coroutine functions; each test runs on a
# fresh event loop (an asyncio.Runner in debug mode), all of its parts in
# one context, so context variables set in asyncSetUp are seen by the test.

import inspect
import warnings

from unittest.case import TestCase


class IsolatedAsyncioTestCase(TestCase):

    def __init__(self, methodName="runTest"):
        super().__init__(methodName)
        self._asyncioRunner = None
        self._asyncioTestContext = _copy_context()

    async def asyncSetUp(self):
        pass

    async def asyncTearDown(self):
        pass

    def addAsyncCleanup(self, func, /, *args, **kwargs):
        """addCleanup for a coroutine function (or any callable returning an awaitable)."""
        self.addCleanup(*(func, *args), **kwargs)

    async def enterAsyncContext(self, cm):
        """Enters asynchronous context manager cm and schedules its exit as a cleanup."""
        cls = type(cm)
        try:
            enter = cls.__aenter__
            exit = cls.__aexit__
        except AttributeError:
            raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does "
                            f"not support the asynchronous context manager protocol") from None
        entered = await enter(cm)
        self.addAsyncCleanup(exit, cm, None, None, None)
        return entered

    def _callSetUp(self):
        # The loop exists (and is current) before setUp, for code that asks
        # asyncio for it.
        self._asyncioRunner.get_loop()
        self._in_context(self.setUp)
        self._callAsync(self.asyncSetUp)

    def _callTestMethod(self, method):
        if self._callMaybeAsync(method) is not None:
            warnings.warn(f"It is deprecated to return a value that is not None from a "
                          f"test case ({method})", DeprecationWarning, stacklevel=4)

    def _callTearDown(self):
        self._callAsync(self.asyncTearDown)
        self._in_context(self.tearDown)

    def _callCleanup(self, function, *args, **kwargs):
        self._callMaybeAsync(function, *args, **kwargs)

    def _callAsync(self, func, /, *args, **kwargs):
        assert self._asyncioRunner is not None, "asyncio runner is not initialized"
        assert inspect.iscoroutinefunction(func), f"{func!r} is not an async function"
        return self._run_coroutine(func(*args, **kwargs))

    def _callMaybeAsync(self, func, /, *args, **kwargs):
        assert self._asyncioRunner is not None, "asyncio runner is not initialized"
        if inspect.iscoroutinefunction(func):
            return self._run_coroutine(func(*args, **kwargs))
        return self._in_context(func, *args, **kwargs)

    # Without contextvars (towel has none yet) the parts run in the current
    # context: context variables set in setUp are then seen everywhere.

    def _run_coroutine(self, coro):
        if self._asyncioTestContext is None:
            return self._asyncioRunner.run(coro)
        return self._asyncioRunner.run(coro, context=self._asyncioTestContext)

    def _in_context(self, func, /, *args, **kwargs):
        if self._asyncioTestContext is None:
            return func(*args, **kwargs)
        return self._asyncioTestContext.run(func, *args, **kwargs)

    def _setupAsyncioRunner(self):
        assert self._asyncioRunner is None, "asyncio runner is already initialized"
        import asyncio
        self._asyncioRunner = asyncio.Runner(debug=True)

    def _tearDownAsyncioRunner(self):
        self._asyncioRunner.close()

    def run(self, result=None):
        self._setupAsyncioRunner()
        try:
            return super().run(result)
        finally:
            self._tearDownAsyncioRunner()

    def debug(self):
        self._setupAsyncioRunner()
        super().debug()
        self._tearDownAsyncioRunner()

    def __del__(self):
        if self._asyncioRunner is not None:
            self._tearDownAsyncioRunner()


def _copy_context():
    try:
        import contextvars
    except ImportError:
        return None
    return contextvars.copy_context()
