# IsolatedAsyncioTestCase: the order of sync and async fixtures, async
# cleanups, context variables carried from setUp into the test, a fresh
# loop per test, enterAsyncContext, failures and debug().
import asyncio
import contextvars
import unittest

log = []
var = contextvars.ContextVar("var", default="unset")


class Recorder(unittest.TestResult):
    def addSuccess(self, test):
        log.append("addSuccess")

    def addFailure(self, test, err):
        log.append(f"addFailure {err[1]}")

    def addError(self, test, err):
        log.append(f"addError {type(err[1]).__name__}: {err[1]}")

    def addSkip(self, test, reason):
        log.append(f"addSkip {reason}")


class ACM:
    async def __aenter__(self):
        log.append("aenter")
        return "entered"

    async def __aexit__(self, *exc):
        log.append(f"aexit {exc}")


class Async(unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        var.set("from setUp")
        log.append("setUp")

    async def asyncSetUp(self):
        log.append(f"asyncSetUp var={var.get()}")
        self.loop = asyncio.get_running_loop()
        self.addAsyncCleanup(self.acleanup, "a", key=1)
        self.addCleanup(log.append, "sync cleanup")

    async def acleanup(self, *args, **kwargs):
        await asyncio.sleep(0)
        log.append(f"async cleanup {args} {kwargs}")

    async def asyncTearDown(self):
        log.append("asyncTearDown")

    def tearDown(self):
        log.append("tearDown")

    async def test_ok(self):
        await asyncio.sleep(0)
        log.append(f"test var={var.get()} same loop={asyncio.get_running_loop() is self.loop}")

    async def test_fail(self):
        self.assertEqual(1, 2)

    async def test_error(self):
        raise KeyError("k")

    def test_sync(self):
        log.append(f"sync test var={var.get()}")

    async def test_skip(self):
        self.skipTest("async skip")

    async def test_context(self):
        got = await self.enterAsyncContext(ACM())
        log.append(f"got {got}")

    async def test_bad_context(self):
        try:
            await self.enterAsyncContext(object())
        except TypeError as e:
            log.append(str(e))

    async def test_subtests(self):
        for i in range(2):
            with self.subTest(i=i):
                await asyncio.sleep(0)
                self.assertEqual(i, 0)

    async def test_task_left(self):
        async def forever():
            try:
                await asyncio.sleep(100)
            except asyncio.CancelledError:
                log.append("left-over task cancelled")
                raise
        asyncio.get_running_loop().create_task(forever())
        await asyncio.sleep(0)


for name in ["test_ok", "test_fail", "test_error", "test_sync", "test_skip", "test_context",
             "test_bad_context", "test_subtests", "test_task_left"]:
    log.clear()
    Async(name).run(Recorder())
    print(name, log)
print("outside, var =", var.get())

loops = []


class Loops(unittest.IsolatedAsyncioTestCase):
    async def test_a(self):
        loops.append(asyncio.get_running_loop())

    async def test_b(self):
        loops.append(asyncio.get_running_loop())
        log.append(f"debug={asyncio.get_running_loop().get_debug()}")


log.clear()
Loops("test_a").run(Recorder())
Loops("test_b").run(Recorder())
print(loops[0] is not loops[1], loops[0].is_closed(), log)

log.clear()
Async("test_ok").debug()
print("debug", log)
try:
    Async("test_error").debug()
except KeyError as e:
    print("debug raises", repr(e))
print(Async("test_ok")._asyncioRunner if hasattr(Async("test_ok"), "_asyncioRunner") else "no runner attr")
print(issubclass(Async, unittest.TestCase), unittest.IsolatedAsyncioTestCase.__module__)
