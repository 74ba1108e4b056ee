# unittest.TestSuite: building, comparing, counting, running (fixtures
# across nested suites), debug() and what a run leaves behind.
import sys
import unittest

log = []


class First(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append("setUpClass First")

    @classmethod
    def tearDownClass(cls):
        log.append("tearDownClass First")

    def test_1(self):
        log.append("First.test_1")

    def test_2(self):
        log.append("First.test_2")


class Second(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append("setUpClass Second")

    @classmethod
    def tearDownClass(cls):
        log.append("tearDownClass Second")

    def test_3(self):
        log.append("Second.test_3")


def setUpModule():
    log.append("setUpModule")


def tearDownModule():
    log.append("tearDownModule")


def flush(title):
    print(title, log)
    log.clear()


suite = unittest.TestSuite()
print(repr(suite), suite.countTestCases(), list(suite))
suite.addTest(First("test_1"))
suite.addTests([Second("test_3"), First("test_2")])
inner = unittest.TestSuite([First("test_1")])
suite.addTest(inner)
print(repr(suite))
print(suite.countTestCases(), len(list(suite)))
print(suite == unittest.TestSuite(list(suite)), suite != unittest.TestSuite(), suite == [1])
print(unittest.TestSuite() == unittest.BaseTestSuite(), unittest.BaseTestSuite([First("test_1")]))

for bad in (42, First, unittest.TestSuite, "test"):
    try:
        unittest.TestSuite().addTest(bad)
    except TypeError as e:
        print("addTest", repr(bad)[:40], "TypeError:", e)
for bad in ("abc", 42):
    try:
        unittest.TestSuite().addTests(bad)
    except TypeError as e:
        print("addTests", repr(bad), "TypeError:", e)
try:
    unittest.TestSuite(42)
except TypeError as e:
    print("TestSuite(42) TypeError:", e)

# Callables are tests too: they are called with the result.
def plain_test(result):
    log.append("plain_test called with " + type(result).__name__)


s = unittest.TestSuite([plain_test])
print(len(list(s)))
s.run(unittest.TestResult())
flush("plain callable:")

# A run: class fixtures are shared across nested suites in one run, and
# switched whenever the class changes.
result = unittest.TestResult()
r = suite.run(result)
print(r is result, result.testsRun, result.wasSuccessful())
flush("run:")
print(result._testRunEntered, result._previousTestClass, result._moduleSetUpFailed)
# A run leaves None in place of the tests it ran; the count is kept.
print(repr(suite), suite.countTestCases())
print(list(suite)[:3])

# Calling a suite runs it.
s = unittest.TestSuite([Second("test_3")])
s(unittest.TestResult())
flush("call:")

# BaseTestSuite runs the tests without fixtures.
s = unittest.BaseTestSuite([First("test_1"), Second("test_3")])
s.run(unittest.TestResult())
flush("base suite:")
print(list(s))


# The cleanup of run tests can be turned off.
class Keeping(unittest.TestSuite):
    _cleanup = False


s = Keeping([First("test_1")])
s.run(unittest.TestResult())
print(list(s))
flush("keeping:")

# shouldStop stops a run between tests.
class Stopper(unittest.TestCase):
    def test_a(self):
        log.append("Stopper.test_a")
        self._outcome.result.stop()

    def test_b(self):
        log.append("Stopper.test_b (never)")


s = unittest.TestSuite([Stopper("test_a"), Stopper("test_b"), First("test_1")])
result = unittest.TestResult()
s.run(result)
print(result.testsRun, result.shouldStop)
flush("stopped:")

# debug() runs without a result: errors propagate, fixtures run.
s = unittest.TestSuite([First("test_1"), Second("test_3")])
s.debug()
flush("debug:")


class Broken(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise ValueError("setUpClass in debug")

    def test_x(self):
        pass


class BrokenTest(unittest.TestCase):
    def test_x(self):
        raise KeyError("test in debug")


for cls in (Broken, BrokenTest):
    try:
        unittest.TestSuite([cls("test_x")]).debug()
    except Exception as e:
        print("debug raised", type(e).__name__, e)
flush("after debug errors:")


class TearDownBroken(unittest.TestCase):
    @classmethod
    def tearDownClass(cls):
        raise ValueError("tearDownClass in debug")

    def test_x(self):
        pass


try:
    unittest.TestSuite([TearDownBroken("test_x")]).debug()
except Exception as e:
    print("debug raised", type(e).__name__, e)

# Fixture errors are reported through stand-in tests.
result = unittest.TestResult()
unittest.TestSuite([Broken("test_x"), First("test_1")]).run(result)
holder, text = result.errors[0]
print(type(holder).__name__, repr(holder), str(holder), holder.id(), holder.shortDescription(),
      holder.countTestCases(), holder.failureException, text.splitlines()[-1])
print(holder.run(result), holder(result))
flush("after broken class:")

# A test whose setUpClass fails is not counted as run.
print(result.testsRun)

# Tests skipped because their class could not be set up stay in the suite.
class Broken2(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise ValueError("x")

    def test_x(self):
        pass

    def test_y(self):
        pass


class Fine(unittest.TestCase):
    def test_z(self):
        pass


s = unittest.TestSuite([Broken2("test_x"), Broken2("test_y"), Fine("test_z")])
r = unittest.TestResult()
s.run(r)
print(list(s), s.countTestCases(), r.testsRun, len(r.errors))
flush("broken2:")
# The fixture state stays on the result: a second run with it starts in
# the class and module where the first ended.
s = unittest.TestSuite([Fine("test_z"), First("test_1")])
s.run(r)
flush("second run on the same result:")
s = unittest.TestSuite([First("test_1")])
s._removeTestAtIndex(0)
print(list(s), s.countTestCases())
s._tests = None
s._removeTestAtIndex(0)
print("not indexable: no error")
