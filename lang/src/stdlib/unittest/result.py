# `unittest.result`: TestResult, the record of a run. Tests and suites call
# its start/stop/add* methods; it keeps what went wrong as report text
# (a traceback without unittest's own frames), captures output in buffer
# mode, and can stop the run at the first problem (failfast).

import io
import sys
import traceback
from functools import wraps

from unittest import util

__unittest = True

# How captured output follows a report in buffer mode.
STDOUT_LINE = "\nStdout:\n%s"
STDERR_LINE = "\nStderr:\n%s"


def failfast(method):
    """Marks an add* method as one after which a failfast run stops."""
    @wraps(method)
    def stopping_first(self, *args, **kw):
        if getattr(self, "failfast", False):
            self.stop()
        return method(self, *args, **kw)
    return stopping_first


# -- reports ------------------------------------------------------------------


def _in_unittest(tb):
    """True for a traceback entry whose code belongs to unittest itself:
    every unittest module sets the global `__unittest`."""
    return "__unittest" in tb.tb_frame.f_globals


def _shown_entries(tb, is_failure):
    """The slice of a traceback's entries a report shows.

    unittest's frames that lead into the test are dropped; for a failure,
    so are the frames of the assert method it came from (everything from
    the first unittest frame after the test's own)."""
    marks = []
    while tb is not None:
        marks.append(_in_unittest(tb))
        tb = tb.tb_next
    first = 0
    while first < len(marks) and marks[first]:
        first += 1
    end = len(marks)
    if is_failure and True in marks[first:]:
        end = marks.index(True, first)
    return slice(first, end), len(marks)


def _trim_report(report, exc_type, exc, tb, failure_type):
    """Trims the stacks of `report` (a TracebackException of `exc`) and of
    the causes and contexts chained to it. The members of an exception
    group are left whole, as CPython leaves them."""
    shown, depth = _shown_entries(tb, exc_type is failure_type)
    if len(report.stack) == depth:
        report.stack = traceback.StackSummary.from_list(report.stack[shown])
    for link in ("__cause__", "__context__"):
        chained_report = getattr(report, link)
        if chained_report is not None:
            chained = getattr(exc, link)
            _trim_report(chained_report, type(chained), chained, chained.__traceback__,
                         failure_type)


def _with_newline(text):
    return text if text.endswith("\n") else text + "\n"


class TestResult(object):
    """What happened in a run: the tests run, and the errors, failures,
    skips, expected failures and unexpected successes among them."""

    # Shared with unittest.suite, which keeps the run's fixture state here.
    _previousTestClass = None
    _testRunEntered = False
    _moduleSetUpFailed = False

    def __init__(self, stream=None, descriptions=None, verbosity=None):
        self.testsRun = 0
        self.shouldStop = False
        # What went otherwise than a plain pass, in the order it happened.
        self.errors, self.failures, self.skipped = [], [], []
        self.expectedFailures, self.unexpectedSuccesses = [], []
        # Settings the runner gives the result before the run.
        self.failfast = self.buffer = self.tb_locals = False
        # Buffer mode: the streams a test's output goes to instead, the
        # streams they stand in for, and whether the output is to be
        # echoed when the test ends (it went wrong).
        self._capture = None
        self._original_stdout = sys.stdout
        self._original_stderr = sys.stderr
        self._mirrorOutput = False

    def __repr__(self):
        return "<%s run=%i errors=%i failures=%i>" % (
            util.strclass(self.__class__), self.testsRun, len(self.errors), len(self.failures))

    # -- the run --------------------------------------------------------------

    def startTestRun(self):
        """Called once before the tests of a run."""

    def stopTestRun(self):
        """Called once after the tests of a run."""

    def startTest(self, test):
        """Called when `test` is about to run."""
        self.testsRun += 1
        self._mirrorOutput = False
        self._setupStdout()

    def stopTest(self, test):
        """Called when `test` has run, whatever its outcome."""
        self._restoreStdout()
        self._mirrorOutput = False

    def stop(self):
        """Asks the run to stop before its next test."""
        self.shouldStop = True

    def wasSuccessful(self):
        """True when nothing failed, erred or unexpectedly succeeded."""
        if self.errors or self.failures:
            return False
        return not getattr(self, "unexpectedSuccesses", ())

    def printErrors(self):
        """Reports the errors; a plain TestResult has nowhere to."""

    # -- outcomes -------------------------------------------------------------

    def addSuccess(self, test):
        """`test` passed."""

    @failfast
    def addError(self, test, err):
        """`test` raised `err`, an exc_info triple."""
        self._record(self.errors, test, err, test)

    @failfast
    def addFailure(self, test, err):
        """An assertion of `test` failed; `err` is the exc_info triple."""
        self._record(self.failures, test, err, test)

    def addSubTest(self, test, subtest, err):
        """A subtest of `test` ended: passed when `err` is None."""
        if err is None:
            return
        if getattr(self, "failfast", False):
            self.stop()
        failed = issubclass(err[0], test.failureException)
        self._record(self.failures if failed else self.errors, subtest, err, test)

    def addSkip(self, test, reason):
        """`test` was skipped for `reason`."""
        self.skipped.append((test, reason))

    def addExpectedFailure(self, test, err):
        """`test`, marked as expected to fail, failed with `err`."""
        self.expectedFailures.append((test, self._exc_info_to_string(err, test)))

    @failfast
    def addUnexpectedSuccess(self, test):
        """`test`, marked as expected to fail, passed."""
        self.unexpectedSuccesses.append(test)

    def _record(self, problems, entry, err, test):
        problems.append((entry, self._exc_info_to_string(err, test)))
        self._mirrorOutput = True

    def _exc_info_to_string(self, err, test):
        """The report of `err` for `test`: its traceback without unittest's
        frames, then the output captured so far in buffer mode."""
        exc_type, exc, tb = err
        report = traceback.TracebackException(
            exc_type, exc, tb, capture_locals=self.tb_locals, compact=True)
        _trim_report(report, exc_type, exc, tb, getattr(test, "failureException", None))
        text = "".join(report.format())
        if self.buffer and self._capture is not None:
            out, err_out = (stream.getvalue() for stream in self._capture)
            if out:
                text += STDOUT_LINE % _with_newline(out)
            if err_out:
                text += STDERR_LINE % _with_newline(err_out)
        return text

    # -- buffer mode ----------------------------------------------------------
    # unittest.suite calls these around class and module fixtures too.

    def _setupStdout(self):
        if not self.buffer:
            return
        if self._capture is None:
            self._capture = (io.StringIO(), io.StringIO())
        sys.stdout, sys.stderr = self._capture

    def _restoreStdout(self):
        if not self.buffer or self._capture is None:
            return
        if self._mirrorOutput:
            echoes = ((self._capture[0], self._original_stdout, STDOUT_LINE),
                      (self._capture[1], self._original_stderr, STDERR_LINE))
            for captured, original, layout in echoes:
                text = captured.getvalue()
                if text:
                    original.write(layout % _with_newline(text))
        sys.stdout = self._original_stdout
        sys.stderr = self._original_stderr
        for captured in self._capture:
            captured.seek(0)
            captured.truncate()
