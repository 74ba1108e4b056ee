# unittest's objects used from code: loaders, suites, results, runners on a
# stream, TestCase helpers (ids, descriptions, equality), FunctionTestCase,
# subtests and cleanups seen through a result, and the assert methods'
# messages caught as exceptions.
import io
import unittest


class Sample(unittest.TestCase):
    """Sample tests."""

    def test_b(self):
        """Second test.

        Details here."""

    def test_a(self):
        pass

    def helper(self):
        pass

    test_not_callable = 3


class Other(unittest.TestCase):
    def runTest(self):
        pass


loader = unittest.TestLoader()
print(loader.getTestCaseNames(Sample))
suite = loader.loadTestsFromTestCase(Sample)
print(suite.countTestCases(), [t.id() for t in suite])
print(repr(Sample("test_a")), str(Sample("test_a")), Sample("test_b").shortDescription())
print(Sample("test_a") == Sample("test_a"), Sample("test_a") == Sample("test_b"), hash(Sample("test_a")) == hash(Sample("test_a")))
print([t.id() for t in loader.loadTestsFromTestCase(Other)])
try:
    Sample("test_missing")
except ValueError as e:
    print("ValueError:", e)
loader.testMethodPrefix = "help"
print(loader.getTestCaseNames(Sample))
loader = unittest.TestLoader()
loader.sortTestMethodsUsing = lambda a, b: (a < b) - (a > b)
print(loader.getTestCaseNames(Sample))
loader = unittest.TestLoader()
loader.testNamePatterns = ["*test_b*"]
print(loader.getTestCaseNames(Sample))
print(unittest.TestLoader().loadTestsFromName("unittest_api.Sample.test_a" if False else "Sample.test_b",
                                              __import__("__main__")))

log = []


def func_test():
    """A function test."""
    log.append("ran")


ftc = unittest.FunctionTestCase(func_test, setUp=lambda: log.append("up"), tearDown=lambda: log.append("down"))
print(str(ftc), ftc.id(), ftc.shortDescription(), ftc.countTestCases())
result = unittest.TestResult()
ftc.run(result)
print(log, result.testsRun, result.wasSuccessful(), repr(result))

suite = unittest.TestSuite()
suite.addTest(Sample("test_a"))
suite.addTests([Sample("test_b"), unittest.TestSuite([Other()])])
print(suite.countTestCases(), repr(suite))
for bad in (Sample, 5, "text"):
    try:
        (suite.addTests if isinstance(bad, str) else suite.addTest)(bad)
    except TypeError as e:
        print("TypeError:", e)


class Events(unittest.TestCase):
    def setUp(self):
        self.addCleanup(log.append, "cleanup 1")
        self.addCleanup(log.append, "cleanup 2")

    def test_subtests(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertNotEqual(i, 1)

    def test_skip(self):
        self.skipTest("not today")

    @unittest.expectedFailure
    def test_xfail(self):
        self.fail("expected")


log.clear()
result = unittest.TestResult()
loader = unittest.TestLoader()
loader.loadTestsFromTestCase(Events).run(result)
print(log)
print(result.testsRun, len(result.failures), len(result.errors), result.skipped[0][1], len(result.expectedFailures))
print([str(test) for test, _ in result.failures], result.wasSuccessful())

stream = io.StringIO()
runner = unittest.TextTestRunner(stream=stream, verbosity=2)
outcome = runner.run(unittest.TestSuite([Sample("test_a"), Sample("test_b"), Events("test_skip")]))
print(stream.getvalue().replace(stream.getvalue().split("Ran 3 tests in ")[1].split("\n")[0], "<time>"))
print(outcome.wasSuccessful(), outcome.testsRun)

case = unittest.TestCase()
checks = [
    lambda: case.assertEqual("a\nb\n", "a\nc\n"),
    lambda: case.assertEqual([1, 2], [1, 3]),
    lambda: case.assertDictEqual({"a": 1}, {"a": 2}),
    lambda: case.assertCountEqual("aab", "abb"),
    lambda: case.assertIn("x", ["y"], msg="custom"),
    lambda: case.assertAlmostEqual(1.0, 1.5, places=2),
    lambda: case.assertSequenceEqual([1, 2, 3], (1, 2)),
    lambda: case.assertTupleEqual((1,), (2,)),
    lambda: case.assertIsNot(case, case),
    lambda: case.assertRaises(ValueError, int, "5"),
]
for check in checks:
    try:
        check()
    except AssertionError as e:
        print("AssertionError:", e)
print(unittest.util.safe_repr("x" * 100, short=True))
print(unittest.util.strclass(Sample), unittest.case._common_shorten_repr("a" * 50 + "x", "a" * 50 + "y"))
with case.assertWarns(UserWarning) as cm:
    import warnings
    warnings.warn("careful", UserWarning)
print(str(cm.warning), cm.lineno > 0)
