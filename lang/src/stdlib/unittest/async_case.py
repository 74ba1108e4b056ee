# `unittest.IsolatedAsyncioTestCase`: a TestCase whose setUp, test method,
# tearDown and cleanups may be coroutine functions; each test runs on a
# fresh event loop (an asyncio.Runner in debug mode), all of its parts in
# one context, so context variables set in asyncSetUp are seen by the test.
#
# TestCase calls each part of a test through its _call_part hook; this
# class overrides it to call the part in the test's context and, when the
# part returns an awaitable, to run it to completion on the test's loop.
# Its fixture steps add asyncSetUp after setUp and asyncTearDown before
# tearDown.

import asyncio
import contextlib
import contextvars
import inspect

from unittest.case import TestCase, _context_methods

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
        enter, leave = _context_methods(cm, "asynchronous context manager", "__aenter__",
                                        "__aexit__")
        entered = await enter(cm)
        self.addAsyncCleanup(leave, cm, None, None, None)
        return entered

    def _setup_steps(self):
        return (self.setUp, self.asyncSetUp)

    def _teardown_steps(self):
        return (self.asyncTearDown, self.tearDown)

    def _call_part(self, function, /, *args, **kwargs):
        """function(*args, **kwargs) in the test's context; an awaitable it
        returns is run to completion on the test's loop."""
        value = self._asyncioTestContext.run(function, *args, **kwargs)
        if inspect.isawaitable(value):
            value = self._asyncioRunner.run(value, context=self._asyncioTestContext)
        return value

    @contextlib.contextmanager
    def _own_loop(self):
        """A fresh loop for the test (made now, so that its sync parts see
        it as the current loop), closed after, left-over tasks cancelled."""
        self._asyncioRunner = asyncio.Runner(debug=True)
        self._asyncioRunner.get_loop()
        try:
            yield
        finally:
            runner, self._asyncioRunner = self._asyncioRunner, None
            runner.close()

    def run(self, result=None):
        with self._own_loop():
            return super().run(result)

    def debug(self):
        with self._own_loop():
            super().debug()
