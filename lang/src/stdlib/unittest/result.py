# `unittest.result`: TestResult, which collects what happened to each test
# and turns exceptions into the tracebacks reports show.

import io
import sys

from unittest import util
from functools import wraps

__unittest = True


def failfast(method):
    # A result method after which a failfast run stops.
    @wraps(method)
    def inner(self, *args, **kw):
        if getattr(self, "failfast", False):
            self.stop()
        return method(self, *args, **kw)
    return inner


STDOUT_LINE = "\nStdout:\n%s"
STDERR_LINE = "\nStderr:\n%s"


def _ended(text):
    return text if text.endswith("\n") else text + "\n"


class TestResult(object):
    """What a run of tests produced: counts, and (test, traceback text)
    pairs for failures, errors, skips and expected failures."""

    _previousTestClass = None
    _testRunEntered = False
    _moduleSetUpFailed = False

    def __init__(self, stream=None, descriptions=None, verbosity=None):
        self.failfast = False
        self.failures = []
        self.errors = []
        self.testsRun = 0
        self.skipped = []
        self.expectedFailures = []
        self.unexpectedSuccesses = []
        self.shouldStop = False
        self.buffer = False
        self.tb_locals = False
        self._stdout_buffer = None
        self._stderr_buffer = None
        self._original_stdout = sys.stdout
        self._original_stderr = sys.stderr
        self._mirrorOutput = False

    def printErrors(self):
        "Called by TestRunner after test run"

    def startTest(self, test):
        "Called when the given test is about to be run"
        self.testsRun += 1
        self._mirrorOutput = False
        self._setupStdout()

    def _setupStdout(self):
        # With `buffer`, a test's output is held back, and shown only if it
        # fails.
        if self.buffer:
            if self._stderr_buffer is None:
                self._stderr_buffer = io.StringIO()
                self._stdout_buffer = io.StringIO()
            sys.stdout = self._stdout_buffer
            sys.stderr = self._stderr_buffer

    def startTestRun(self):
        """Called once before any tests are executed."""

    def stopTest(self, test):
        """Called when the given test has been run"""
        self._restoreStdout()
        self._mirrorOutput = False

    def _restoreStdout(self):
        if not self.buffer:
            return
        if self._mirrorOutput:
            output = sys.stdout.getvalue()
            error = sys.stderr.getvalue()
            if output:
                self._original_stdout.write(STDOUT_LINE % _ended(output))
            if error:
                self._original_stderr.write(STDERR_LINE % _ended(error))
        sys.stdout = self._original_stdout
        sys.stderr = self._original_stderr
        for held in (self._stdout_buffer, self._stderr_buffer):
            held.seek(0)
            held.truncate()

    def stopTestRun(self):
        """Called once after all tests are executed."""

    @failfast
    def addError(self, test, err):
        """Called when a test raised an unexpected exception; err is sys.exc_info()."""
        self.errors.append((test, self._exc_info_to_string(err, test)))
        self._mirrorOutput = True

    @failfast
    def addFailure(self, test, err):
        """Called when a test failed an assertion; err is sys.exc_info()."""
        self.failures.append((test, self._exc_info_to_string(err, test)))
        self._mirrorOutput = True

    def addSubTest(self, test, subtest, err):
        """Called at the end of a subtest; err is None if it passed, else sys.exc_info()."""
        if err is None:
            return
        if getattr(self, "failfast", False):
            self.stop()
        if issubclass(err[0], test.failureException):
            bucket = self.failures
        else:
            bucket = self.errors
        bucket.append((subtest, self._exc_info_to_string(err, test)))
        self._mirrorOutput = True

    def addSuccess(self, test):
        "Called when a test has completed successfully"
        pass

    def addSkip(self, test, reason):
        """Called when a test is skipped."""
        self.skipped.append((test, reason))

    def addExpectedFailure(self, test, err):
        """Called when an expected failure/error occurred."""
        self.expectedFailures.append((test, self._exc_info_to_string(err, test)))

    @failfast
    def addUnexpectedSuccess(self, test):
        """Called when a test was expected to fail, but succeed."""
        self.unexpectedSuccesses.append(test)

    def wasSuccessful(self):
        """True if nothing failed, errored or unexpectedly succeeded."""
        return (len(self.failures) == len(self.errors) == 0
                and (not hasattr(self, "unexpectedSuccesses") or len(self.unexpectedSuccesses) == 0))

    def stop(self):
        """Asks the run to stop after the current test."""
        self.shouldStop = True

    def _exc_info_to_string(self, err, test):
        """The report of a sys.exc_info() triple: its traceback without unittest's own frames."""
        import traceback
        exctype, value, tb = err
        tb = self._clean_tracebacks(exctype, value, tb, test)
        report = traceback.TracebackException(exctype, value, tb, capture_locals=self.tb_locals, compact=True)
        lines = list(report.format())
        if self.buffer:
            output = sys.stdout.getvalue()
            error = sys.stderr.getvalue()
            if output:
                lines.append(STDOUT_LINE % _ended(output))
            if error:
                lines.append(STDERR_LINE % _ended(error))
        return "".join(lines)

    def _clean_tracebacks(self, exctype, value, tb, test):
        # For the exception and every exception chained to it: drop the
        # runner's frames at the head of the traceback and, for a failed
        # assert, the unittest frames at its tail.
        head = None
        first = True
        pending = [(exctype, value, tb)]
        seen = {id(value)}
        while pending:
            exctype, value, tb = pending.pop()
            while tb and self._is_relevant_tb_level(tb):
                tb = tb.tb_next
            if exctype is test.failureException:
                self._remove_unittest_tb_frames(tb)
            if first:
                head = tb
                first = False
            else:
                value.__traceback__ = tb
            if value is not None:
                for chained in (value.__cause__, value.__context__):
                    if chained is not None and id(chained) not in seen:
                        pending.append((type(chained), chained, chained.__traceback__))
                        seen.add(id(chained))
        return head

    def _is_relevant_tb_level(self, tb):
        return "__unittest" in tb.tb_frame.f_globals

    def _remove_unittest_tb_frames(self, tb):
        # Cuts the traceback before its first unittest frame, unless that
        # is the very first one.
        last_user = None
        while tb and not self._is_relevant_tb_level(tb):
            last_user = tb
            tb = tb.tb_next
        if last_user is not None:
            last_user.tb_next = None

    def __repr__(self):
        return "<%s run=%i errors=%i failures=%i>" % (
            util.strclass(self.__class__), self.testsRun, len(self.errors), len(self.failures))
