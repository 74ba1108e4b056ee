# `unittest.runner`: TextTestRunner runs a test and reports on a stream
# (stderr by default) as CPython does: a mark per test (".", "F", "E",
# "s", "x", "u") or, verbose, a line per test; then a block per error and
# failure, "Ran N tests in T" and the "OK" / "FAILED (...)" summary.

import sys
import time
import warnings

from unittest import result
from unittest.case import _SubTest
from unittest.signals import registerResult

__unittest = True


class _WritelnDecorator(object):
    """A stream with a writeln method; everything else is the stream's."""

    def __init__(self, stream):
        self.stream = stream

    def __getattr__(self, attr):
        # Asked before __init__ ran (unpickling, copying): there is no
        # stream to delegate to yet.
        if attr in ("stream", "__getstate__"):
            raise AttributeError(attr)
        return getattr(self.stream, attr)

    def writeln(self, arg=None):
        if arg:
            self.write(arg)
        self.write("\n")


# What a TextTestResult shows for each outcome: the word of a verbose
# line and the mark of a quiet one.
_OK = ("ok", ".")
_ERROR = ("ERROR", "E")
_FAIL = ("FAIL", "F")
_EXPECTED_FAILURE = ("expected failure", "x")
_UNEXPECTED_SUCCESS = ("unexpected success", "u")


class TextTestResult(result.TestResult):
    """A TestResult that reports to a stream as the tests run.

    Verbosity 1 writes a mark per test, 2 (and more) a line per test,
    0 nothing until the error report."""

    separator1 = "=" * 70
    separator2 = "-" * 70

    def __init__(self, stream, descriptions, verbosity):
        super(TextTestResult, self).__init__(stream, descriptions, verbosity)
        self.stream = stream
        self.showAll = verbosity > 1
        self.dots = verbosity == 1
        self.descriptions = descriptions
        # Whether the stream is at the start of a line (verbose mode).
        self._newline = True

    def getDescription(self, test):
        """The test's name, and the first line of its docstring when
        descriptions are on."""
        summary = test.shortDescription() if self.descriptions else None
        if summary:
            return "%s\n%s" % (test, summary)
        return str(test)

    def startTest(self, test):
        super(TextTestResult, self).startTest(test)
        if self.showAll:
            self.stream.write(self.getDescription(test) + " ... ")
            self.stream.flush()
            self._newline = False

    def _show(self, test, outcome):
        """Shows an outcome: a line's status word, or a mark."""
        word, mark = outcome
        if self.showAll:
            self._finish_line(test, word)
        elif self.dots:
            self.stream.write(mark)
            self.stream.flush()

    def _finish_line(self, test, word):
        # A subtest gets a line of its own, indented under its test; so
        # does a test whose line subtests have already ended.
        own_line = isinstance(test, _SubTest)
        if own_line or self._newline:
            if not self._newline:
                self.stream.writeln()
            indent = "  " if own_line else ""
            self.stream.write(indent + self.getDescription(test) + " ... ")
        self.stream.writeln(word)
        self.stream.flush()
        self._newline = True

    def addSuccess(self, test):
        super(TextTestResult, self).addSuccess(test)
        self._show(test, _OK)

    def addError(self, test, err):
        super(TextTestResult, self).addError(test, err)
        self._show(test, _ERROR)

    def addFailure(self, test, err):
        super(TextTestResult, self).addFailure(test, err)
        self._show(test, _FAIL)

    def addSubTest(self, test, subtest, err):
        if err is not None:
            failed = issubclass(err[0], subtest.failureException)
            self._show(subtest, _FAIL if failed else _ERROR)
        super(TextTestResult, self).addSubTest(test, subtest, err)

    def addSkip(self, test, reason):
        super(TextTestResult, self).addSkip(test, reason)
        self._show(test, ("skipped %r" % (reason,), "s"))

    def addExpectedFailure(self, test, err):
        super(TextTestResult, self).addExpectedFailure(test, err)
        self._show(test, _EXPECTED_FAILURE)

    def addUnexpectedSuccess(self, test):
        super(TextTestResult, self).addUnexpectedSuccess(test)
        self._show(test, _UNEXPECTED_SUCCESS)

    def printErrors(self):
        """Writes a block per error and failure, then the unexpected
        successes."""
        if self.dots or self.showAll:
            self.stream.writeln()
            self.stream.flush()
        self.printErrorList("ERROR", self.errors)
        self.printErrorList("FAIL", self.failures)
        unexpected = getattr(self, "unexpectedSuccesses", ())
        if unexpected:
            self.stream.writeln(self.separator1)
            for test in unexpected:
                self.stream.writeln("UNEXPECTED SUCCESS: " + self.getDescription(test))
            self.stream.flush()

    def printErrorList(self, flavour, errors):
        """Writes one block per (test, report) pair of `errors`."""
        for test, report in errors:
            self.stream.writeln(self.separator1)
            self.stream.writeln("%s: %s" % (flavour, self.getDescription(test)))
            self.stream.writeln(self.separator2)
            self.stream.writeln("%s" % report)
            self.stream.flush()


def _counts(result):
    """The numbers the summary line gives, in its order."""
    numbers = [("failures", len(result.failures)), ("errors", len(result.errors))]
    try:
        numbers += [("skipped", len(result.skipped)),
                    ("expected failures", len(result.expectedFailures)),
                    ("unexpected successes", len(result.unexpectedSuccesses))]
    except AttributeError:
        pass  # a result without them: the summary leaves them out
    return numbers


def _summary_line(result):
    """ "OK", "OK (skipped=1)", "FAILED (failures=1, errors=2)" ..."""
    successful = result.wasSuccessful()
    shown = [(name, n) for name, n in _counts(result)
             if n and (not successful or name not in ("failures", "errors"))]
    verdict = "OK" if successful else "FAILED"
    if not shown:
        return verdict
    return "%s (%s)" % (verdict, ", ".join("%s=%d" % item for item in shown))


class TextTestRunner(object):
    """Runs a test with a TextTestResult (or `resultclass`) and writes the
    report to `stream`."""

    resultclass = TextTestResult

    def __init__(self, stream=None, descriptions=True, verbosity=1, failfast=False, buffer=False,
                 resultclass=None, warnings=None, *, tb_locals=False):
        self.stream = _WritelnDecorator(sys.stderr if stream is None else stream)
        # How the report looks, then what the runner gives each result.
        self.descriptions, self.verbosity = descriptions, verbosity
        self.failfast, self.buffer, self.tb_locals = failfast, buffer, tb_locals
        # A filter action for the run's warnings ("default", "error", ...);
        # None leaves the filters alone.
        self.warnings = warnings
        if resultclass is not None:
            self.resultclass = resultclass

    def _makeResult(self):
        return self.resultclass(self.stream, self.descriptions, self.verbosity)

    def run(self, test):
        """Runs `test`, writes the report and returns the result."""
        run_result = self._makeResult()
        registerResult(run_result)
        run_result.failfast = self.failfast
        run_result.buffer = self.buffer
        run_result.tb_locals = self.tb_locals
        with warnings.catch_warnings():
            self._set_warning_filters()
            started = time.perf_counter()
            self._call_if_present(run_result, "startTestRun")
            try:
                test(run_result)
            finally:
                self._call_if_present(run_result, "stopTestRun")
            elapsed = time.perf_counter() - started
        run_result.printErrors()
        if hasattr(run_result, "separator2"):
            self.stream.writeln(run_result.separator2)
        count = run_result.testsRun
        self.stream.writeln("Ran %d test%s in %.3fs" % (count, "" if count == 1 else "s", elapsed))
        self.stream.writeln()
        self.stream.writeln(_summary_line(run_result))
        self.stream.flush()
        return run_result

    def _set_warning_filters(self):
        if not self.warnings:
            return
        warnings.simplefilter(self.warnings)
        if self.warnings in ("default", "always"):
            # The deprecated assert aliases warn once per module, not once
            # per line that uses them.
            warnings.filterwarnings("module", category=DeprecationWarning,
                                    message=r"Please use assert\w+ instead.")

    @staticmethod
    def _call_if_present(run_result, name):
        method = getattr(run_result, name, None)
        if method is not None:
            method()
