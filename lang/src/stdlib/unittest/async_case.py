# `unittest.IsolatedAsyncioTestCase`: a TestCase whose setUp, test method,
# tearDown and cleanups may be coroutine functions; each test runs on a
# fresh event loop (an asyncio.Runner in debug mode), all of its parts in
# one context, so context variables set in asyncSetUp are seen by the test.
#
# TestCase calls each part of a test through its _call* hooks; this class
# overrides them to call the part in the test's context and, when the
# part returns an awaitable, to run it to completion on the test's loop.

import asyncio
import contextvars
import inspect
import warnings

from unittest.case import TestCase

# Frames of this module are left out of the tracebacks unittest reports.
__unittest = True


class IsolatedAsyncioTestCase(TestCase):
    """A TestCase for coroutines: asyncSetUp runs after setUp and
    asyncTearDown before tearDown, on the loop the test runs on."""

    def __init__(self, methodName="runTest"):
        super().__init__(methodName)
        self._asyncioRunner = None
        # Every part of the test runs in this copy of the creator's context.
        self._asyncioTestContext = contextvars.copy_context()

    async def asyncSetUp(self):
        pass

    async def asyncTearDown(self):
        pass

    def addAsyncCleanup(self, func, /, *args, **kwargs):
        """Awaits func(*args, **kwargs) at cleanup time (cleanups whose
        result is awaitable are run on the test's loop)."""
        self.addCleanup(func, *args, **kwargs)

    async def enterAsyncContext(self, cm):
        """Enters the asynchronous context manager `cm` and exits it as a
        cleanup; the value of its __aenter__."""
        kind = type(cm)
        try:
            enter, leave = kind.__aenter__, kind.__aexit__
        except AttributeError:
            raise TypeError(f"'{kind.__module__}.{kind.__qualname__}' object does not "
                            f"support the asynchronous context manager protocol") from None
        entered = await enter(cm)
        self.addAsyncCleanup(leave, cm, None, None, None)
        return entered

    def _in_test(self, function, /, *args, **kwargs):
        """function(*args, **kwargs) in the test's context; an awaitable it
        returns is run to completion on the test's loop."""
        value = self._asyncioTestContext.run(function, *args, **kwargs)
        if inspect.isawaitable(value):
            value = self._asyncioRunner.run(value, context=self._asyncioTestContext)
        return value

    def _callSetUp(self):
        self._in_test(self.setUp)
        self._in_test(self.asyncSetUp)

    def _callTestMethod(self, method):
        if self._in_test(method) is not None:
            warnings.warn(f"It is deprecated to return a value that is not None from a "
                          f"test case ({method})", DeprecationWarning, stacklevel=4)

    def _callTearDown(self):
        self._in_test(self.asyncTearDown)
        self._in_test(self.tearDown)

    def _callCleanup(self, function, /, *args, **kwargs):
        self._in_test(function, *args, **kwargs)

    def _open_loop(self):
        runner = asyncio.Runner(debug=True)
        runner.get_loop()  # made now, so that sync parts see it as the current loop
        self._asyncioRunner = runner

    def _close_loop(self):
        runner, self._asyncioRunner = self._asyncioRunner, None
        runner.close()

    def run(self, result=None):
        self._open_loop()
        try:
            return super().run(result)
        finally:
            self._close_loop()

    def debug(self):
        self._open_loop()
        super().debug()
        self._close_loop()

    def __del__(self):
        # A debug() that raised leaves its loop open.
        if self._asyncioRunner is not None:
            self._close_loop()
