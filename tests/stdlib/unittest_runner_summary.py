# TextTestRunner's report: the status marks at each verbosity, the error
# blocks and the summary lines, written to a stream and printed with the
# elapsed time masked.
import io
import re
import sys
import unittest


class Pass(unittest.TestCase):
    def test_pass(self):
        pass


class Skip(unittest.TestCase):
    def test_skip(self):
        self.skipTest("not now")


class Expected(unittest.TestCase):
    @unittest.expectedFailure
    def test_expected(self):
        self.assertTrue(False)


class Unexpected(unittest.TestCase):
    @unittest.expectedFailure
    def test_unexpected(self):
        pass


class Fail(unittest.TestCase):
    def test_fail(self):
        """Fails on purpose.

        Second line of the docstring."""
        self.assertIn(3, [1, 2])


class Error(unittest.TestCase):
    def test_error(self):
        raise OSError(2, "no such thing")


class SubTests(unittest.TestCase):
    def test_sub(self):
        for i in range(4):
            with self.subTest(i, kind="k"):
                if i == 1:
                    self.fail("one")
                if i == 2:
                    raise ValueError("two")
        with self.subTest():
            self.fail("no params")
        with self.subTest("message only"):
            pass


def suite_of(*classes):
    loader = unittest.TestLoader()
    return unittest.TestSuite(loader.loadTestsFromTestCase(c) for c in classes)


def show(title, *classes, **runner_args):
    print("=====", title, runner_args)
    stream = io.StringIO()
    runner = unittest.TextTestRunner(stream=stream, **runner_args)
    result = runner.run(suite_of(*classes))
    text = re.sub(r"Ran (\d+ tests?) in \d+\.\d+s", r"Ran \1 in <time>", stream.getvalue())
    text = text.replace(__file__, "<file>")
    print(text, end="")
    print("result:", type(result).__name__, result.wasSuccessful(), result.testsRun,
          len(result.errors), len(result.failures), len(result.skipped),
          len(result.expectedFailures), len(result.unexpectedSuccesses))


show("nothing")
show("one pass", Pass)
show("pass and skip", Pass, Skip)
show("expected failure", Expected, Pass)
show("all kinds", Pass, Skip, Expected, Unexpected, Fail, Error)
show("all kinds verbose", Pass, Skip, Expected, Unexpected, Fail, Error, verbosity=2)
show("all kinds quiet", Pass, Skip, Expected, Unexpected, Fail, Error, verbosity=0)
show("no descriptions", Fail, verbosity=2, descriptions=False)
show("subtests", SubTests, Pass)
show("subtests verbose", SubTests, Pass, verbosity=2)
show("failfast", Fail, Error, Pass, failfast=True)
show("failfast subtests", SubTests, Pass, failfast=True, verbosity=2)
show("failfast unexpected success", Unexpected, Pass, failfast=True)
show("only unexpected success", Unexpected)

# The stream is wrapped; writeln and attribute delegation.
runner = unittest.TextTestRunner(stream=io.StringIO())
print(type(runner.stream).__name__, runner.stream.writeln("abc"), repr(runner.stream.getvalue()))
runner.stream.writeln()
print(repr(runner.stream.getvalue()))
print(runner.descriptions, runner.verbosity, runner.failfast, runner.buffer, runner.tb_locals,
      runner.warnings, runner.resultclass is unittest.TextTestResult)
print(unittest.TextTestRunner().stream.stream is sys.stderr)
for attr in ("stream", "__getstate__"):
    try:
        getattr(runner.stream, attr)
    except AttributeError as e:
        print("AttributeError:", e)

# TextTestResult on its own.
stream = io.StringIO()
r = unittest.TextTestResult(unittest.runner._WritelnDecorator(stream), True, 2)
print(r.separator1 == "=" * 70, r.separator2 == "-" * 70, r.showAll, r.dots, r.descriptions)
t = Fail("test_fail")
print(repr(r.getDescription(t)))
print(repr(unittest.TextTestResult(stream, False, 1).getDescription(t)))
print(unittest.TextTestResult(stream, True, 0).showAll, unittest.TextTestResult(stream, True, 0).dots)
print(unittest.runner.TextTestResult is unittest.TextTestResult, unittest._TextTestResult is unittest.TextTestResult)


class MyResult(unittest.TextTestResult):
    def startTestRun(self):
        self.stream.writeln("custom start")

    def stopTestRun(self):
        self.stream.writeln("custom stop")


show("custom resultclass", Pass, resultclass=MyResult)
