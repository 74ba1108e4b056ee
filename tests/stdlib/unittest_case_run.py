# TestCase.run: the order of fixtures, cleanups and result calls for
# passing, failing, erroring, skipped and expected-failure tests, subtests,
# results lacking the newer methods, debug(), and class/module cleanups.
import sys
import unittest
import warnings

log = []


def show(exc_info):
    if exc_info is None:
        return None
    return f"{exc_info[0].__name__}({exc_info[1]})"


class LogResult(unittest.TestResult):
    def startTestRun(self):
        log.append("startTestRun")

    def stopTestRun(self):
        log.append("stopTestRun")

    def startTest(self, test):
        log.append(f"startTest {test.id()}")
        super().startTest(test)

    def stopTest(self, test):
        log.append("stopTest")

    def addSuccess(self, test):
        log.append("addSuccess")

    def addFailure(self, test, err):
        log.append(f"addFailure {show(err)}")

    def addError(self, test, err):
        log.append(f"addError {test} {show(err)}")

    def addSkip(self, test, reason):
        log.append(f"addSkip {test} {reason!r}")

    def addExpectedFailure(self, test, err):
        log.append(f"addExpectedFailure {show(err)}")

    def addUnexpectedSuccess(self, test):
        log.append("addUnexpectedSuccess")

    def addSubTest(self, test, subtest, err):
        log.append(f"addSubTest {subtest} id={subtest.id()} desc={subtest.shortDescription()!r} {show(err)} {subtest.params!r}")


class Parts(unittest.TestCase):
    fail_in = ()

    def setUp(self):
        log.append("setUp")
        self.addCleanup(log.append, "cleanup 1")
        self.addCleanup(self.cleanup2, "x", key="y")
        if "setUp" in self.fail_in:
            raise ValueError("setUp broke")
        if "setUpSkip" in self.fail_in:
            self.skipTest("skipped in setUp")

    def cleanup2(self, *args, **kwargs):
        log.append(f"cleanup 2 {args} {kwargs}")
        if "cleanup" in self.fail_in:
            raise KeyError("cleanup broke")

    def tearDown(self):
        log.append("tearDown")
        if "tearDown" in self.fail_in:
            raise self.failureException("tearDown failed")

    def test_pass(self):
        log.append("test")

    def test_fail(self):
        log.append("test")
        self.fail("boom")

    def test_error(self):
        log.append("test")
        raise TypeError("bad")

    def test_skip(self):
        log.append("test")
        self.skipTest("not today")

    @unittest.skip("decorated")
    def test_skip_decorated(self):
        log.append("never")

    @unittest.skipIf(True, "if true")
    def test_skip_if(self):
        log.append("never")

    @unittest.skipIf(False, "if false")
    def test_skip_if_false(self):
        log.append("test")

    @unittest.skipUnless(False, "unless false")
    def test_skip_unless(self):
        log.append("never")

    @unittest.skipUnless(1, "unless 1")
    def test_skip_unless_true(self):
        log.append("test")

    @unittest.expectedFailure
    def test_xfail(self):
        log.append("test")
        self.assertEqual(1, 2)

    @unittest.expectedFailure
    def test_xfail_error(self):
        log.append("test")
        raise IndexError("ix")

    @unittest.expectedFailure
    def test_xpass(self):
        log.append("test")

    def test_subtests(self):
        for i in range(4):
            with self.subTest(i=i):
                log.append(f"sub {i}")
                if i == 1:
                    self.fail(f"sub {i} failed")
                if i == 2:
                    raise ValueError(i)
                if i == 3:
                    self.skipTest("sub skip")
        log.append("after subtests")

    def test_subtests_all_pass(self):
        with self.subTest("message only"):
            pass
        with self.subTest():
            pass
        with self.subTest("msg", a=1, b="two"):
            pass

    def test_nested_subtests(self):
        with self.subTest("outer", a=1, b=2):
            with self.subTest(b=3, c=4):
                self.fail("inner")
            with self.subTest("inner msg"):
                pass

    @unittest.expectedFailure
    def test_xfail_subtest(self):
        with self.subTest(x=1):
            self.fail("expected")

    def test_return_value(self):
        log.append("test")
        return 42


def run(name, fail_in=(), result=None):
    test = Parts(name)
    test.fail_in = fail_in
    log.clear()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = test.run(LogResult() if result is None else result)
    for w in caught:
        log.append(f"warning {w.category.__name__}: {w.message}")
    print(f"--- {name} {fail_in}")
    for line in log:
        print("  ", line)
    return got


for name in ["test_pass", "test_fail", "test_error", "test_skip", "test_skip_decorated",
             "test_skip_if", "test_skip_if_false", "test_skip_unless", "test_skip_unless_true",
             "test_xfail", "test_xfail_error", "test_xpass", "test_subtests",
             "test_subtests_all_pass", "test_nested_subtests", "test_xfail_subtest",
             "test_return_value"]:
    run(name)
run("test_pass", ("setUp",))
run("test_pass", ("setUpSkip",))
run("test_fail", ("tearDown",))
run("test_pass", ("tearDown", "cleanup"))
run("test_fail", ("setUp", "cleanup"))
run("test_xfail", ("setUp",))
run("test_xpass", ("tearDown",))
run("test_xfail", ("tearDown",))

# A result without a method: TestResult's base methods, or an old result.
class Bare:
    def __init__(self):
        self.failfast = False
        self.shouldStop = False

    def startTest(self, test):
        log.append("startTest")

    def stopTest(self, test):
        log.append("stopTest")

    def addSuccess(self, test):
        log.append("addSuccess")

    def addFailure(self, test, err):
        log.append(f"addFailure {show(err)}")

    def addError(self, test, err):
        log.append(f"addError {show(err)}")


for name in ["test_skip", "test_skip_decorated", "test_xfail", "test_xpass", "test_subtests", "test_pass"]:
    run(name, result=Bare())

r = unittest.TestResult()
for name in ["test_pass", "test_fail", "test_error", "test_skip", "test_xfail", "test_xpass", "test_subtests"]:
    Parts(name).run(r)
print(r.testsRun, len(r.failures), len(r.errors), len(r.skipped), len(r.expectedFailures),
      len(r.unexpectedSuccesses), r.wasSuccessful())
print([str(t) for t, _ in r.failures], [str(t) for t, _ in r.errors])
print([(str(t), why) for t, why in r.skipped])

# run() without a result makes one, and brackets it with startTestRun/stopTestRun.
class Own(unittest.TestCase):
    def defaultTestResult(self):
        return LogResult()

    def test_it(self):
        log.append("test")


log.clear()
res = Own("test_it").run()
print(type(res).__name__, log)
log.clear()
res = Own("test_it")()
print(type(res).__name__, log)
print(type(unittest.TestCase("run").defaultTestResult()).__name__)

# failfast stops at the first failing subtest.
class Fast(unittest.TestCase):
    def tearDown(self):
        log.append("tearDown")

    def test_it(self):
        for i in range(3):
            with self.subTest(i=i):
                log.append(f"sub {i}")
                self.assertLess(i, 1)
        log.append("end")


log.clear()
fr = LogResult()
fr.failfast = True
Fast("test_it").run(fr)
print(log)

# A skipped class: no fixture runs.
@unittest.skip("whole class")
class Skipped(unittest.TestCase):
    def setUp(self):
        log.append("setUp")

    def test_a(self):
        log.append("test")


log.clear()
Skipped("test_a").run(LogResult())
print(log, Skipped.__unittest_skip__, Skipped.__unittest_skip_why__)
# skip used bare, as @unittest.skip without a reason
class Bare2(unittest.TestCase):
    @unittest.skip
    def test_a(self):
        pass


log.clear()
Bare2("test_a").run(LogResult())
print(log)
f = Parts.test_skip_decorated
print(f.__name__, f.__unittest_skip__, f.__unittest_skip_why__, f.__qualname__)
print(Parts.test_xfail.__unittest_expecting_failure__, Parts.test_skip_if_false.__name__)
try:
    f(Parts("test_pass"))
except unittest.SkipTest as e:
    print("calling a skipped test raises SkipTest:", repr(e))
@unittest.expectedFailure
class XClass(unittest.TestCase):
    def test_a(self):
        self.fail("x")


log.clear()
XClass("test_a").run(LogResult())
print(log)

# debug(): no result; errors propagate; cleanups run.
class Dbg(unittest.TestCase):
    def setUp(self):
        log.append("setUp")
        self.addCleanup(log.append, "cleanup")

    def tearDown(self):
        log.append("tearDown")

    def test_ok(self):
        log.append("test")

    def test_bad(self):
        log.append("test")
        raise ValueError("debug sees me")

    @unittest.skip("dbg skip")
    def test_skipped(self):
        pass


for name in ["test_ok", "test_bad", "test_skipped"]:
    log.clear()
    try:
        print(Dbg(name).debug())
    except Exception as e:
        print(type(e).__name__, e)
    print(log)


# Cleanups
class Clean(unittest.TestCase):
    def test_a(self):
        pass


c = Clean("test_a")
c.addCleanup(log.append, "one")
c.addCleanup(lambda: 1 / 0)
c.addCleanup(log.append, "three")
log.clear()
print(c.doCleanups(), log, c._cleanups)
c.addCleanup(log.append, "fine")
print(c.doCleanups(), c.doCleanups())
try:
    c.addCleanup()
except TypeError as e:
    print(e)
try:
    unittest.TestCase.addCleanup()
except TypeError as e:
    print(e)
c.addCleanup(log.append, function="kw")
try:
    c.doCleanups()
except TypeError as e:
    print("kw", e)


class CM:
    def __init__(self, name, swallow=False):
        self.name = name

    def __enter__(self):
        log.append(f"enter {self.name}")
        return self.name.upper()

    def __exit__(self, *exc):
        log.append(f"exit {self.name} {exc}")


log.clear()
c = Clean("test_a")
print(c.enterContext(CM("a")), c.enterContext(CM("b")))
c.doCleanups()
print(log)
for bad in [object(), 1]:
    try:
        c.enterContext(bad)
    except TypeError as e:
        print(e)


class HalfCM:
    def __enter__(self):
        return 1


try:
    c.enterContext(HalfCM())
except TypeError as e:
    print(e)

log.clear()
Clean.addClassCleanup(log.append, "class one")
Clean.addClassCleanup(lambda: {}[0])
print(Clean.enterClassContext(CM("cls")))
Clean.doClassCleanups()
print(log, [show(e) for e in Clean.tearDown_exceptions], Clean._class_cleanups)
print(Clean._classSetupFailed, hasattr(unittest.TestCase, '_classSetupFailed'), hasattr(unittest.TestCase, '_class_cleanups'))

log.clear()
unittest.addModuleCleanup(log.append, "module one")
unittest.addModuleCleanup(lambda: [][1])
unittest.addModuleCleanup(lambda: {}[2])
print(unittest.enterModuleContext(CM("mod")))
try:
    unittest.doModuleCleanups()
except Exception as e:
    print("doModuleCleanups raised", repr(e))
print(log)
print(unittest.doModuleCleanups())
try:
    unittest.addModuleCleanup()
except TypeError as e:
    print(e)

# FunctionTestCase
def plain():
    """Plain function test.
    More."""
    log.append("plain")


ft = unittest.FunctionTestCase(plain, setUp=lambda: log.append("fsetUp"),
                               tearDown=lambda: log.append("ftearDown"))
log.clear()
ft.run(LogResult())
print(log)
print(str(ft), ft.id(), ft.shortDescription(), repr(ft).startswith("<unittest.case.FunctionTestCase tec=<function plain"))
print(ft == unittest.FunctionTestCase(plain), ft == ft, hash(ft) == hash(ft), ft.countTestCases())
print(unittest.FunctionTestCase(lambda: None, description="D").shortDescription(),
      unittest.FunctionTestCase(lambda: None).shortDescription())

# TestCase basics
class Basic(unittest.TestCase):
    def test_a(self):
        """  First line
        second"""

    def test_b(self):
        pass


print(str(Basic("test_a")), repr(Basic("test_a")), Basic("test_a").id())
print(repr(Basic("test_a").shortDescription()), Basic("test_b").shortDescription())
print(unittest.TestCase().shortDescription(), unittest.TestCase().id())
print(Basic("test_a") == Basic("test_a"), Basic("test_a") == Basic("test_b"),
      hash(Basic("test_a")) == hash(Basic("test_a")), Basic("test_a") != unittest.TestCase())
try:
    Basic("nope")
except ValueError as e:
    print(e)
with unittest.TestCase().subTest(a=1):
    print("subTest outside a run is a plain block")
