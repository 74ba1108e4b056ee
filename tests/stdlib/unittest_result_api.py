# unittest.TestResult used directly: what each add* method records, the
# report text of an error, buffering, failfast, stop and repr.
import io
import re
import sys
import unittest
import unittest.result


class Sample(unittest.TestCase):
    def test_a(self):
        pass

    def test_b(self):
        pass


def exc_info_of(make):
    try:
        make()
    except BaseException:
        return sys.exc_info()


def fail():
    raise AssertionError("failed here")


def error():
    raise ZeroDivisionError("divided")


def show(result):
    print(repr(result))
    print(" ", result.testsRun, result.wasSuccessful(), result.shouldStop)
    for name in ("errors", "failures", "expectedFailures"):
        for test, text in getattr(result, name):
            print(" ", name, test.id(), repr(re.sub(" at 0x[0-9a-f]+", " at 0x...", text.replace(__file__, "<file>"))))
    for test, reason in result.skipped:
        print("  skipped", test.id(), repr(reason))
    for test in result.unexpectedSuccesses:
        print("  unexpected success", test.id())


r = unittest.TestResult()
print(repr(r), r.failfast, r.buffer, r.tb_locals, r.shouldStop, r.testsRun)
print(r._previousTestClass, r._moduleSetUpFailed, r._testRunEntered)
print(unittest.TestResult(io.StringIO(), True, 2).testsRun)
a, b = Sample("test_a"), Sample("test_b")
r.startTestRun()
r.startTest(a)
r.addSuccess(a)
r.addError(a, exc_info_of(error))
r.stopTest(a)
r.startTest(b)
r.addFailure(b, exc_info_of(fail))
r.addSkip(b, "why not")
r.addExpectedFailure(b, exc_info_of(fail))
r.addUnexpectedSuccess(b)
r.stopTest(b)
r.stopTestRun()
show(r)
r.stop()
print(r.shouldStop)
r.printErrors()

# Subtests: a failure goes to failures, an error to errors, success nowhere.
r = unittest.TestResult()
sub = unittest.case._SubTest(a, "msg", {"x": 1})
r.addSubTest(a, sub, None)
r.addSubTest(a, sub, exc_info_of(fail))
r.addSubTest(a, sub, exc_info_of(error))
show(r)

# Only errors and failures and unexpected successes make a run unsuccessful.
r = unittest.TestResult()
r.addUnexpectedSuccess(a)
print(r.wasSuccessful())
del r.unexpectedSuccesses
print(r.wasSuccessful())

# failfast stops the run at the first error, failure or unexpected success.
for method in ("addError", "addFailure", "addUnexpectedSuccess", "addSkip", "addSuccess",
               "addExpectedFailure"):
    r = unittest.TestResult()
    r.failfast = True
    args = {"addError": (a, exc_info_of(error)), "addFailure": (a, exc_info_of(fail)),
            "addUnexpectedSuccess": (a,), "addSkip": (a, "r"), "addSuccess": (a,),
            "addExpectedFailure": (a, exc_info_of(fail))}[method]
    getattr(r, method)(*args)
    print(method, "stops:", r.shouldStop)
r = unittest.TestResult()
r.failfast = True
r.addSubTest(a, sub, None)
print("subtest success stops:", r.shouldStop)
r.addSubTest(a, sub, exc_info_of(fail))
print("subtest failure stops:", r.shouldStop)


class Custom:
    failfast = False

    def stop(self):
        print("stop called")

    @unittest.result.failfast
    def addError(self, test, err):
        """Adds an error."""
        print("addError called")
        return "done"


c = Custom()
print(c.addError(None, None), Custom.addError.__name__, Custom.addError.__doc__)
c.failfast = True
print(c.addError(None, None))

# Buffering: output is captured during a test and shown when it fails.
r = unittest.TestResult()
r.buffer = True
real_out, real_err = sys.stdout, sys.stderr
r.startTest(a)
captured = sys.stdout is not real_out, sys.stderr is not real_err
print("passing test output")
r.addSuccess(a)
r.stopTest(a)
print("captured while running:", captured, sys.stdout is real_out, sys.stderr is real_err)
r._original_stderr = real_out  # so that the echo of stderr is recorded too
r.startTest(b)
print("output of a failing test")
sys.stderr.write("error output without newline")
r.addFailure(b, exc_info_of(fail))
r.stopTest(b)
show(r)
r.startTest(a)
print("after a failure, the next test is quiet again")
r.stopTest(a)
print(sys.stdout is real_out)

# tb_locals shows each frame's local variables.
r = unittest.TestResult()
r.tb_locals = True


def with_locals():
    number = 42
    text = "words"
    raise KeyError(number)


r.addError(a, exc_info_of(with_locals))
show(r)
