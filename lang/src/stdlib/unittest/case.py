# `unittest.case`: TestCase (fixtures, cleanups, subtests, the assert
# methods and their failure messages), FunctionTestCase, the skip
# decorators and the assertRaises/assertWarns context managers.
#
# Failure messages are CPython 3.11's, word for word: test output is
# compared with CPython's by people porting tests.
#
# How a test runs: `run` makes a `_TestRun`, the record of one run (the
# result it reports to, whether the test still passes, whether a failure is
# expected and the one caught), and calls each part of the test (setUp, the
# method, tearDown, each cleanup) through `_TestRun.attempt`, which turns
# what a part raises into a report on the result. `subTest` reports the
# exceptions of its block the same way, as a subtest's.

import collections
import contextlib
import difflib
import functools
import pprint
import re
import sys
import types
import warnings

from unittest import result
from unittest.util import (_common_shorten_repr, _count_diff_all_purpose, _count_diff_hashable,
                           safe_repr, strclass)

# Frames of this module are left out of the tracebacks unittest reports
# (result.py looks for this name in a frame's globals).
__unittest = True

DIFF_OMITTED = "\nDiff is %s characters long. Set self.maxDiff to None to see it."

# subTest's "no message given" (None is a message: it shows as "[None]").
_NO_MESSAGE = object()


class SkipTest(Exception):
    """Raise this (or call TestCase.skipTest) to skip the current test;
    the reason is the exception's argument."""


class _ShouldStop(Exception):
    """Ends a test early without a report: failfast after a failing
    subtest, or a subtest that failed as expected."""


class _UnexpectedSuccess(Exception):
    """What a result without addUnexpectedSuccess gets as a failure."""


# ---------------------------------------------------------------------------
# Skipping and expected failures

def skip(reason):
    """Decorator: the test (method or class) is skipped for `reason`.
    Used bare (`@skip` on a function) the reason is empty."""
    if isinstance(reason, types.FunctionType):
        return _mark_skipped(reason, "")
    return functools.partial(_mark_skipped, reason=reason)


def _mark_skipped(item, reason):
    if not isinstance(item, type):
        test_function = item

        @functools.wraps(test_function)
        def skip_wrapper(*args, **kwargs):
            raise SkipTest(reason)
        item = skip_wrapper
    item.__unittest_skip__ = True
    item.__unittest_skip_why__ = reason
    return item


def _unchanged(item):
    return item


def skipIf(condition, reason):
    """Decorator: skip the test for `reason` when `condition` is true."""
    return skip(reason) if condition else _unchanged


def skipUnless(condition, reason):
    """Decorator: skip the test for `reason` unless `condition` is true."""
    return _unchanged if condition else skip(reason)


def expectedFailure(test_item):
    """Decorator: the test is expected to fail; passing counts against it."""
    test_item.__unittest_expecting_failure__ = True
    return test_item


def _skip_reason(test_class, method):
    """Why the class or the method is marked skipped, or None."""
    for marked in (test_class, method):
        if getattr(marked, "__unittest_skip__", False):
            return getattr(marked, "__unittest_skip_why__", "")
    return None


def _report_skip(result, test, reason):
    add_skip = getattr(result, "addSkip", None)
    if add_skip is not None:
        add_skip(test, reason)
        return
    warnings.warn("TestResult has no addSkip method, skips not reported", RuntimeWarning, 2)
    result.addSuccess(test)


# ---------------------------------------------------------------------------
# Cleanups shared by tests, classes and modules

def _context_methods(cm, protocol="context manager", enter="__enter__", leave="__exit__"):
    """The `enter` and `leave` methods of cm's type, or TypeError naming
    the `protocol` it lacks."""
    kind = type(cm)
    methods = (getattr(kind, enter, None), getattr(kind, leave, None))
    if None in methods:
        raise TypeError(f"'{kind.__module__}.{kind.__qualname__}' object does "
                        f"not support the {protocol} protocol")
    return methods


def _enter_context(cm, register_cleanup):
    """Enters `cm` and registers its exit as a cleanup; its __enter__'s value."""
    enter, leave = _context_methods(cm)
    entered = enter(cm)
    register_cleanup(leave, cm, None, None, None)
    return entered


def _drain(cleanups, call):
    """Pops the (function, args, kwargs) cleanups, the last added first,
    and has call(function, *args, **kwargs) run each."""
    while cleanups:
        function, args, kwargs = cleanups.pop()
        call(function, *args, **kwargs)


_module_cleanups = []


def addModuleCleanup(function, /, *args, **kwargs):
    """Calls `function(*args, **kwargs)` after the module's last test
    (when the suite tears the module down); the last added runs first."""
    _module_cleanups.append((function, args, kwargs))


def enterModuleContext(cm):
    """Enters `cm` now and exits it as a module cleanup."""
    return _enter_context(cm, addModuleCleanup)


def _drain_collecting(cleanups):
    """_drain for class and module cleanups: an Exception one raises is
    kept (its exc_info, in the returned list) and the others still run."""
    failures = []

    def call(function, *args, **kwargs):
        try:
            function(*args, **kwargs)
        except Exception:
            failures.append(sys.exc_info())
    _drain(cleanups, call)
    return failures


def doModuleCleanups():
    """Runs the module cleanups, all of them; then raises the first
    exception one of them raised, if any."""
    failures = _drain_collecting(_module_cleanups)
    if failures:
        raise failures[0][1]


# ---------------------------------------------------------------------------
# One run of a test

class _TestRun:
    """The record of one TestCase.run: where it reports and how it went."""

    def __init__(self, result):
        self.result = result
        self.result_supports_subtests = hasattr(result, "addSubTest")
        self.success = True
        # While the test method runs, a failure is what @expectedFailure
        # asks for: it is kept here instead of reported.
        self.expecting_failure = False
        self.expected_failure = None

    def attempt(self, test, part, /, *args, **kwargs):
        """Calls part(*args, **kwargs); what it raises is reported for `test`."""
        try:
            part(*args, **kwargs)
        except KeyboardInterrupt:
            raise
        except BaseException:
            self.record(test, sys.exc_info())

    def record(self, test, exc_info, subtest=False):
        """Reports an exception a part of the test (or a subtest) raised."""
        exc = exc_info[1]
        if isinstance(exc, _ShouldStop):
            return
        if isinstance(exc, SkipTest):
            self.success = False
            if self.result is not None:
                _report_skip(self.result, test, str(exc))
            return
        if self.expecting_failure:
            self.expected_failure = exc_info
            return
        self.success = False
        if self.result is None:
            return
        if subtest:
            self.result.addSubTest(test.test_case, test, exc_info)
        elif issubclass(exc_info[0], test.failureException):
            self.result.addFailure(test, exc_info)
        else:
            self.result.addError(test, exc_info)

    # A subtest block passes if nothing in it fails, nested subtests
    # included; the test passes only if every block did.
    def open_subtest(self):
        """Starts a subtest block; what close_subtest needs back."""
        passed_before, self.success = self.success, True
        return passed_before

    def subtest_passed(self, subtest):
        if self.success:
            self.result.addSubTest(subtest.test_case, subtest, None)

    def close_subtest(self, passed_before):
        """Ends a subtest block; true if the test must stop here (failfast,
        or the failure an expectedFailure test waits for has come)."""
        self.success = self.success and passed_before
        if self.expected_failure is not None:
            return True
        return not self.success and getattr(self.result, "failfast", False)

    def report_end(self, test, expecting_failure):
        """The report of a test whose parts all passed."""
        result = self.result
        if not expecting_failure:
            result.addSuccess(test)
        elif self.expected_failure is not None:
            add = getattr(result, "addExpectedFailure", None)
            if add is not None:
                add(test, self.expected_failure)
            else:
                warnings.warn("TestResult has no addExpectedFailure method, reporting as passes",
                              RuntimeWarning)
                result.addSuccess(test)
        else:
            add = getattr(result, "addUnexpectedSuccess", None)
            if add is not None:
                add(test)
                return
            warnings.warn("TestResult has no addUnexpectedSuccess method, reporting as failure",
                          RuntimeWarning)
            try:
                raise _UnexpectedSuccess
            except _UnexpectedSuccess:
                result.addFailure(test, sys.exc_info())


class _OrderedChainMap(collections.ChainMap):
    """A subtest's parameters: its own first, then its parents' not
    overridden, in that order."""

    def __iter__(self):
        return iter(dict.fromkeys(key for mapping in self.maps for key in mapping))

# ---------------------------------------------------------------------------
# assertRaises and assertWarns

class _ExpectingContext:
    """What assertRaises and assertWarns (and their Regex forms) share:
    checking what is expected, the call or `with` forms, failing."""

    # The function called (its name for the messages), and the `with`
    # form's msg argument.
    obj_name = None
    msg = None

    def __init__(self, expected, test_case, expected_regex=None):
        self.test_case, self.expected = test_case, expected
        self.expected_regex = None if expected_regex is None else _compiled(expected_regex)

    def handle(self, method_name, args, kwargs):
        """`self` for the `with` form (no args); otherwise calls
        args[0](*args[1:], **kwargs) inside `with self`."""
        if not _is_subtype(self.expected, self._base_type):
            raise TypeError(f"{method_name}() arg 1 must be {self._base_type_str}")
        if args:
            self._call_checked(args[0], args[1:], kwargs)
            return None
        self.msg = kwargs.pop("msg", None)
        if kwargs:
            unknown = next(iter(kwargs))
            raise TypeError(f"{unknown!r} is an invalid keyword argument for this function")
        return self

    def _call_checked(self, function, args, kwargs):
        # Failures name the function: its __name__, or str() of it.
        self.obj_name = getattr(function, "__name__", _NO_MESSAGE)
        if self.obj_name is _NO_MESSAGE:
            self.obj_name = str(function)
        with self:
            function(*args, **kwargs)

    def _expected_name(self):
        return getattr(self.expected, "__name__", None) or str(self.expected)

    def _fail(self, standard_message):
        test = self.test_case
        raise test.failureException(test._formatMessage(self.msg, standard_message))

    def _fail_missing(self, verb):
        where = f" by {self.obj_name}" if self.obj_name is not None else ""
        self._fail(f"{self._expected_name()} {verb}{where}")

    def _fail_regex(self, text):
        self._fail(f'"{self.expected_regex.pattern}" does not match "{text}"')


def _compiled(regex):
    """A pattern given as text (str or bytes) compiled; a compiled one as it is."""
    return re.compile(regex) if isinstance(regex, (str, bytes)) else regex


def _is_subtype(expected, base):
    """Is `expected` a subclass of `base`, or a tuple of such?"""
    kinds = expected if isinstance(expected, tuple) else (expected,)
    return all(isinstance(kind, type) and issubclass(kind, base) for kind in kinds)


class _AssertRaisesContext(_ExpectingContext):
    """`with self.assertRaises(E) as cm:` — cm.exception is what was raised."""

    _base_type = BaseException
    _base_type_str = "an exception type or tuple of exception types"

    __class_getitem__ = classmethod(types.GenericAlias)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            self._fail_missing("not raised")
        if not issubclass(exc_type, self.expected):
            return False  # not the expected kind: it goes on
        self.exception = exc_value.with_traceback(None)
        if self.expected_regex is not None and not self.expected_regex.search(str(exc_value)):
            self._fail_regex(str(exc_value))
        return True


def _forget_issued_warnings():
    """Empties every module's once-per-location warning registry, so that a
    warning issued before from the same place is issued again."""
    for module in list(sys.modules.values()):
        if getattr(module, "__warningregistry__", None):
            module.__warningregistry__ = {}


class _AssertWarnsContext(_ExpectingContext):
    """`with self.assertWarns(W) as cm:` — cm.warning is the first matching
    warning, cm.filename and cm.lineno where it was issued, cm.warnings all
    that were caught."""

    _base_type = Warning
    _base_type_str = "a warning type or tuple of warning types"

    def __enter__(self):
        _forget_issued_warnings()
        self._catcher = warnings.catch_warnings(record=True)
        self.warnings = self._catcher.__enter__()
        for category in self.expected if isinstance(self.expected, tuple) else (self.expected,):
            warnings.simplefilter("always", category)
        return self

    def __exit__(self, exc_type, exc_value, tb):
        self._catcher.__exit__(exc_type, exc_value, tb)
        if exc_type is not None:
            return False
        matching = [w for w in self.warnings if isinstance(w.message, self.expected)]
        for caught in matching:
            if self.expected_regex is None or self.expected_regex.search(str(caught.message)):
                self.warning = caught.message
                self.filename = caught.filename
                self.lineno = caught.lineno
                return None
        if matching:
            self._fail_regex(str(matching[0].message))
        self._fail_missing("not triggered")
        return None


# ---------------------------------------------------------------------------
# TestCase

def _logs_checker(test, logger, level, expect_none):
    # Imported on first use: most tests never load logging.
    from unittest._log import _AssertLogsContext
    return _AssertLogsContext(test, logger, level, expect_none)


def _pformat_diff(first, second):
    """A line diff of the pretty-printed values, "\n"-led."""
    lines = difflib.ndiff(pprint.pformat(first).splitlines(), pprint.pformat(second).splitlines())
    return "\n" + "\n".join(lines)


def _deprecated_alias(method):
    """An old name of `method`, which warns that it is old."""
    def deprecated_func(*args, **kwargs):
        warnings.warn(f"Please use {method.__name__} instead.", DeprecationWarning, 2)
        return method(*args, **kwargs)
    return deprecated_func


# The equality assert each type gets from assertEqual when both arguments
# are of exactly that type.
_EQUALITY_BY_TYPE = {
    dict: "assertDictEqual",
    list: "assertListEqual",
    tuple: "assertTupleEqual",
    set: "assertSetEqual",
    frozenset: "assertSetEqual",
    str: "assertMultiLineEqual",
}


class TestCase(object):
    """One test: an instance runs the method named by `methodName`, with
    setUp before and tearDown after, and reports to a TestResult.

    Subclasses define test methods (named test* for the loader), fixtures
    and class-level settings: failureException (the exception the asserts
    raise), longMessage (a msg argument adds to the standard message rather
    than replacing it) and maxDiff (the longest diff shown; None: any)."""

    failureException = AssertionError
    longMessage = True
    maxDiff = 80 * 8
    # Strings longer than this are not diffed (difflib is quadratic).
    _diffThreshold = 2 ** 16

    def __init_subclass__(cls, *args, **kwargs):
        # Each class has its own class-fixture state, read by the suite.
        cls._classSetupFailed = False
        cls._class_cleanups = []
        super().__init_subclass__(*args, **kwargs)

    def __init__(self, methodName="runTest"):
        self._testMethodName = methodName
        self._outcome = None
        self._cleanups = []
        self._subtest = None
        self._type_equality_funcs = dict(_EQUALITY_BY_TYPE)
        self._testMethodDoc = self._method_doc(methodName)

    def _method_doc(self, name):
        """The docstring of the test method `name`; TestCase() without a
        runTest is allowed too (to use the asserts)."""
        if hasattr(self, name):
            return getattr(self, name).__doc__
        if name == "runTest":
            return "No test"
        raise ValueError(f"no such test method in {self.__class__}: {name}")

    def addTypeEqualityFunc(self, typeobj, function):
        """assertEqual of two values of exactly `typeobj` calls
        function(first, second, msg=None), which fails if they differ."""
        self._type_equality_funcs[typeobj] = function

    def addCleanup(self, function, /, *args, **kwargs):
        """Calls `function(*args, **kwargs)` after tearDown (also when
        setUp fails); the last added runs first."""
        self._cleanups.append((function, args, kwargs))

    def enterContext(self, cm):
        """Enters `cm` now and exits it as a cleanup; its __enter__'s value."""
        return _enter_context(cm, self.addCleanup)

    @classmethod
    def addClassCleanup(cls, function, /, *args, **kwargs):
        """Calls `function(*args, **kwargs)` after tearDownClass."""
        cls._class_cleanups.append((function, args, kwargs))

    @classmethod
    def enterClassContext(cls, cm):
        """Enters `cm` now and exits it as a class cleanup."""
        return _enter_context(cm, cls.addClassCleanup)

    # The fixtures, for subclasses to override.
    def setUp(self):
        """Prepares what each test needs; runs before the test method."""

    def tearDown(self):
        """Undoes setUp; runs after the test method if setUp succeeded."""

    @classmethod
    def setUpClass(cls):
        """Prepares what all of the class's tests share; runs once, first."""

    @classmethod
    def tearDownClass(cls):
        """Undoes setUpClass; runs once, after the class's last test."""

    def countTestCases(self):
        return 1

    def defaultTestResult(self):
        return result.TestResult()

    def shortDescription(self):
        """The first line of the test method's docstring, or None."""
        doc = self._testMethodDoc
        if not doc:
            return None
        return doc.strip().partition("\n")[0].strip()

    def id(self):
        return f"{strclass(self.__class__)}.{self._testMethodName}"

    def __eq__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return self._testMethodName == other._testMethodName

    def __hash__(self):
        return hash((type(self), self._testMethodName))

    def __str__(self):
        return f"{self._testMethodName} ({self.id()})"

    def __repr__(self):
        return f"<{strclass(self.__class__)} testMethod={self._testMethodName}>"

    # -- running ------------------------------------------------------------

    def _expecting_failure(self):
        method = getattr(self, self._testMethodName)
        return bool(getattr(self, "__unittest_expecting_failure__", False)
                    or getattr(method, "__unittest_expecting_failure__", False))

    # How a test's parts are called; IsolatedAsyncioTestCase adds its
    # async fixtures to the steps and runs awaitables in _call_part.
    def _setup_steps(self):
        return (self.setUp,)

    def _teardown_steps(self):
        return (self.tearDown,)

    def _call_part(self, function, /, *args, **kwargs):
        return function(*args, **kwargs)

    def _call_steps(self, steps):
        for step in steps:
            self._call_part(step)

    def _call_test_method(self, method):
        returned = self._call_part(method)
        if returned is not None:
            warnings.warn(f"It is deprecated to return a value that is not None from a "
                          f"test case ({method})", DeprecationWarning, stacklevel=3)

    def run(self, result=None):
        """Runs the test, reporting to `result` (by default a new
        defaultTestResult(), between its startTestRun and stopTestRun)."""
        stop_test_run = None
        if result is None:
            result = self.defaultTestResult()
            start_test_run = getattr(result, "startTestRun", None)
            stop_test_run = getattr(result, "stopTestRun", None)
            if start_test_run is not None:
                start_test_run()
        result.startTest(self)
        try:
            method = getattr(self, self._testMethodName)
            reason = _skip_reason(self.__class__, method)
            if reason is not None:
                _report_skip(result, self, reason)
                return result
            self._run_parts(method, _TestRun(result))
            return result
        finally:
            result.stopTest(self)
            if stop_test_run is not None:
                stop_test_run()

    def _run_parts(self, method, run):
        self._outcome = run
        try:
            expecting_failure = self._expecting_failure()
            run.attempt(self, self._call_steps, self._setup_steps())
            if run.success:
                run.expecting_failure = expecting_failure
                run.attempt(self, self._call_test_method, method)
                run.expecting_failure = False
                run.attempt(self, self._call_steps, self._teardown_steps())
            self.doCleanups()
            if run.success:
                run.report_end(self, expecting_failure)
        finally:
            run.expected_failure = None  # its traceback holds the test's frames
            self._outcome = None

    def __call__(self, *args, **kwds):
        return self.run(*args, **kwds)

    def debug(self):
        """Runs the test without a result, so that what it raises
        propagates (for a debugger)."""
        method = getattr(self, self._testMethodName)
        reason = _skip_reason(self.__class__, method)
        if reason is not None:
            raise SkipTest(reason)
        self._call_steps(self._setup_steps())
        self._call_test_method(method)
        self._call_steps(self._teardown_steps())
        _drain(self._cleanups, self._call_part)

    def doCleanups(self):
        """Runs the cleanups (last added first); false if one raised."""
        run = self._outcome if self._outcome is not None else _TestRun(None)
        _drain(self._cleanups, functools.partial(run.attempt, self, self._call_part))
        return run.success

    @classmethod
    def doClassCleanups(cls):
        """Runs the class cleanups; what they raise is kept, as exc_info
        tuples, in cls.tearDown_exceptions for the suite to report."""
        cls.tearDown_exceptions = _drain_collecting(cls._class_cleanups)

    @contextlib.contextmanager
    def subTest(self, msg=_NO_MESSAGE, **params):
        """A context manager whose block is reported as a subtest named by
        `msg` and `params`: a failure in it is reported and the test goes on."""
        run = self._outcome
        if run is None or not run.result_supports_subtests:
            yield
            return
        parent = self._subtest
        inherited = () if parent is None else parent.params.maps
        subtest = self._subtest = _SubTest(self, msg, _OrderedChainMap(params, *inherited))
        passed_before = run.open_subtest()
        try:
            try:
                yield
            except KeyboardInterrupt:
                raise
            except BaseException:
                run.record(subtest, sys.exc_info(), subtest=True)
            else:
                run.subtest_passed(subtest)
            if run.close_subtest(passed_before):
                raise _ShouldStop
        finally:
            self._subtest = parent

    # -- assertions ----------------------------------------------------------

    def skipTest(self, reason):
        """Skips this test."""
        raise SkipTest(reason)

    def fail(self, msg=None):
        """Fails immediately, with `msg`."""
        raise self.failureException(msg)

    def _formatMessage(self, msg, standardMsg):
        """The failure message: the standard one, `msg` appended to it
        (longMessage) or `msg` instead of it."""
        if msg is None or not (msg or self.longMessage):
            return standardMsg
        if not self.longMessage:
            return msg
        try:
            return f"{standardMsg} : {msg}"
        except UnicodeDecodeError:
            return f"{safe_repr(standardMsg)} : {safe_repr(msg)}"

    def _require(self, holds, msg, template, *values):
        """Fails, unless `holds`, with `template` filled with the values' reprs."""
        if not holds:
            self._failure(msg, template.format(*map(safe_repr, values)))

    def _require_both(self, kind, first, second, complaint):
        """assertIsInstance(value, kind) of both values, `complaint` naming
        which of them is not."""
        self.assertIsInstance(first, kind, complaint.format("First"))
        self.assertIsInstance(second, kind, complaint.format("Second"))

    def _failure(self, msg, standard):
        raise self.failureException(self._formatMessage(msg, standard))

    def _with_diff(self, message, diff):
        """`message` followed by `diff`, or by a note of its length when it
        is longer than maxDiff."""
        if self.maxDiff is None or len(diff) <= self.maxDiff:
            return message + diff
        return message + DIFF_OMITTED % len(diff)

    def assertFalse(self, expr, msg=None):
        """Fails if `expr` is true."""
        self._require(not expr, msg, "{} is not false", expr)

    def assertTrue(self, expr, msg=None):
        """Fails if `expr` is false."""
        self._require(expr, msg, "{} is not true", expr)

    def assertRaises(self, expected_exception, *args, **kwargs):
        """Fails unless calling args[0](*args[1:], **kwargs) raises
        `expected_exception` (a type or tuple of types); with only the
        exception, a context manager checking its block the same way."""
        return _AssertRaisesContext(expected_exception, self).handle("assertRaises", args, kwargs)

    def assertRaisesRegex(self, expected_exception, expected_regex, *args, **kwargs):
        """assertRaises, and str() of the exception must match `expected_regex`."""
        checker = _AssertRaisesContext(expected_exception, self, expected_regex)
        return checker.handle("assertRaisesRegex", args, kwargs)

    def assertWarns(self, expected_warning, *args, **kwargs):
        """Fails unless the call (or the `with` block) issues a warning of
        `expected_warning` (a category or tuple of them)."""
        return _AssertWarnsContext(expected_warning, self).handle("assertWarns", args, kwargs)

    def assertWarnsRegex(self, expected_warning, expected_regex, *args, **kwargs):
        """assertWarns, and the warning's message must match `expected_regex`."""
        checker = _AssertWarnsContext(expected_warning, self, expected_regex)
        return checker.handle("assertWarnsRegex", args, kwargs)

    def assertLogs(self, logger=None, level=None):
        """A context manager failing unless its block logs at least one
        message of `level` (default INFO) or above on `logger` (default
        root); as the target, a watcher with .records and .output."""
        return _logs_checker(self, logger, level, expect_none=False)

    def assertNoLogs(self, logger=None, level=None):
        """A context manager failing if its block logs a message of
        `level` or above on `logger`."""
        return _logs_checker(self, logger, level, expect_none=True)

    def _equality_check(self, first, second):
        """The assert assertEqual uses for these two values."""
        if type(first) is type(second):
            check = self._type_equality_funcs.get(type(first))
            if isinstance(check, str):
                return getattr(self, check)
            if check is not None:
                return check
        return self._assert_plain_equal

    def _assert_plain_equal(self, first, second, msg=None):
        if not first == second:
            self._failure(msg, "%s != %s" % _common_shorten_repr(first, second))

    def assertEqual(self, first, second, msg=None):
        """Fails unless first == second; values of a type with an
        equality function (lists, dicts, strings...) get a diff."""
        self._equality_check(first, second)(first, second, msg=msg)

    def assertNotEqual(self, first, second, msg=None):
        """Fails if first == second."""
        self._require(first != second, msg, "{} == {}", first, second)

    def assertAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        """Fails unless first and second are equal, or their difference is
        at most `delta`, or rounds to zero at `places` (default 7) decimals."""
        if first == second:
            return
        near, within, gap = _nearness(first, second, places, delta)
        if not near:
            self._failure(msg, f"{safe_repr(first)} != {safe_repr(second)} {within} "
                               f"({safe_repr(gap)} difference)")

    def assertNotAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        """Fails if first and second are equal, or their difference is at
        most `delta`, or rounds to zero at `places` (default 7) decimals."""
        near, within, gap = _nearness(first, second, places, delta)
        if near or first == second:
            # Only the delta form tells the difference.
            shown = "" if delta is None else f" ({safe_repr(gap)} difference)"
            self._failure(msg, f"{safe_repr(first)} == {safe_repr(second)} {within}{shown}")

    def assertSequenceEqual(self, seq1, seq2, msg=None, seq_type=None):
        """Fails unless the sequences have equal items; with `seq_type`,
        both must be instances of it. The message shows the first
        difference and a diff."""
        if seq_type is None:
            kind = "sequence"
        else:
            kind = seq_type.__name__
            for ordinal, seq in (("First", seq1), ("Second", seq2)):
                if not isinstance(seq, seq_type):
                    self._failure(msg, f"{ordinal} sequence is not a {kind}: {safe_repr(seq)}")
        explanation = self._sequence_difference(seq1, seq2, kind)
        if explanation is None:
            return
        self._failure(msg, self._with_diff(explanation, _pformat_diff(seq1, seq2)))

    def _sequence_difference(self, seq1, seq2, kind):
        """How two sequences differ, in words; None if they do not."""
        lengths = []
        for ordinal, seq in (("First", seq1), ("Second", seq2)):
            try:
                lengths.append(len(seq))
            except (TypeError, NotImplementedError):
                return f"{ordinal} {kind} has no length.    Non-sequence?"
        if seq1 == seq2:
            return None
        len1, len2 = lengths
        text = ["%ss differ: %s != %s\n" % ((kind.capitalize(),) + _common_shorten_repr(seq1, seq2))]
        for i in range(min(len1, len2)):
            items = _indexed(seq1, seq2, i, kind)
            if isinstance(items, str):
                text.append(items)
                break
            if items[0] != items[1]:
                text.append(f"\nFirst differing element {i}:\n"
                            f"{safe_repr(items[0])}\n{safe_repr(items[1])}\n")
                break
        else:
            if len1 == len2:
                return None
        for ordinal, longer, extra in (("First", seq1, len1 - len2), ("Second", seq2, len2 - len1)):
            if extra <= 0:
                continue
            text.append(f"\n{ordinal} {kind} contains {extra} additional elements.\n")
            shorter = min(len1, len2)
            try:
                text.append(f"First extra element {shorter}:\n{safe_repr(longer[shorter])}\n")
            except (TypeError, IndexError, NotImplementedError):
                text.append(f"Unable to index element {shorter} of {ordinal.lower()} {kind}\n")
        return "".join(text)

    def assertListEqual(self, list1, list2, msg=None):
        """assertSequenceEqual for two lists."""
        self.assertSequenceEqual(list1, list2, msg, seq_type=list)

    def assertTupleEqual(self, tuple1, tuple2, msg=None):
        """assertSequenceEqual for two tuples."""
        self.assertSequenceEqual(tuple1, tuple2, msg, seq_type=tuple)

    def assertSetEqual(self, set1, set2, msg=None):
        """Fails unless the sets hold the same items; the message lists
        the items only one of them holds."""
        only = []
        for ordinal, this, other in (("first", set1, set2), ("second", set2, set1)):
            try:
                only.append(this.difference(other))
            except TypeError as exc:
                self.fail(f"invalid type when attempting set difference: {exc}")
            except AttributeError as exc:
                self.fail(f"{ordinal} argument does not support set difference: {exc}")
        if not (only[0] or only[1]):
            return
        lines = []
        for heading, items in (("Items in the first set but not the second:", only[0]),
                               ("Items in the second set but not the first:", only[1])):
            if items:
                lines.append(heading)
                lines.extend(repr(item) for item in items)
        self._failure(msg, "\n".join(lines))

    def assertIn(self, member, container, msg=None):
        """Fails unless `member in container`."""
        self._require(member in container, msg, "{} not found in {}", member, container)

    def assertNotIn(self, member, container, msg=None):
        """Fails if `member in container`."""
        self._require(member not in container, msg, "{} unexpectedly found in {}", member, container)

    def assertIs(self, expr1, expr2, msg=None):
        """Fails unless `expr1 is expr2`."""
        self._require(expr1 is expr2, msg, "{} is not {}", expr1, expr2)

    def assertIsNot(self, expr1, expr2, msg=None):
        """Fails if `expr1 is expr2`."""
        self._require(expr1 is not expr2, msg, "unexpectedly identical: {}", expr1)

    def assertDictEqual(self, d1, d2, msg=None):
        """Fails unless the dicts are equal; the message has a diff."""
        self._require_both(dict, d1, d2, "{} argument is not a dictionary")
        if d1 != d2:
            header = "%s != %s" % _common_shorten_repr(d1, d2)
            self._failure(msg, self._with_diff(header, _pformat_diff(d1, d2)))

    def assertDictContainsSubset(self, subset, dictionary, msg=None):
        """Deprecated: fails unless `dictionary` has every key of `subset`
        with the same value."""
        warnings.warn("assertDictContainsSubset is deprecated", DeprecationWarning)
        missing = [key for key in subset if key not in dictionary]
        mismatched = [f"{safe_repr(key)}, expected: {safe_repr(value)}, "
                      f"actual: {safe_repr(dictionary[key])}"
                      for key, value in subset.items()
                      if key in dictionary and value != dictionary[key]]
        problems = []
        if missing:
            problems.append("Missing: " + ",".join(safe_repr(key) for key in missing))
        if mismatched:
            problems.append("Mismatched values: " + ",".join(mismatched))
        if problems:
            self._failure(msg, "; ".join(problems))

    def assertCountEqual(self, first, second, msg=None):
        """Fails unless the iterables hold the same items the same number
        of times, in any order."""
        first, second = list(first), list(second)
        try:
            same = collections.Counter(first) == collections.Counter(second)
        except TypeError:
            mismatches = _count_diff_all_purpose(first, second)
        else:
            if same:
                return
            mismatches = _count_diff_hashable(first, second)
        if not mismatches:
            return
        lines = "\n".join(f"First has {m.actual:d}, Second has {m.expected:d}:  {m.value!r}"
                          for m in mismatches)
        self._failure(msg, self._with_diff("Element counts were not equal:\n", lines))

    def assertMultiLineEqual(self, first, second, msg=None):
        """Fails unless the strings are equal; the message has a line diff."""
        self._require_both(str, first, second, "{} argument is not a string")
        if first == second:
            return
        header = "%s != %s" % _common_shorten_repr(first, second)
        if max(len(first), len(second)) > self._diffThreshold:
            self._failure(msg, header)
        self._failure(msg, self._with_diff(header, _line_diff(first, second)))

    def assertLess(self, a, b, msg=None):
        """Fails unless a < b."""
        self._require(a < b, msg, "{} not less than {}", a, b)

    def assertLessEqual(self, a, b, msg=None):
        """Fails unless a <= b."""
        self._require(a <= b, msg, "{} not less than or equal to {}", a, b)

    def assertGreater(self, a, b, msg=None):
        """Fails unless a > b."""
        self._require(a > b, msg, "{} not greater than {}", a, b)

    def assertGreaterEqual(self, a, b, msg=None):
        """Fails unless a >= b."""
        self._require(a >= b, msg, "{} not greater than or equal to {}", a, b)

    def assertIsNone(self, obj, msg=None):
        """Fails unless `obj is None`."""
        self._require(obj is None, msg, "{} is not None", obj)

    def assertIsNotNone(self, obj, msg=None):
        """Fails if `obj is None`."""
        self._require(obj is not None, msg, "unexpectedly None")

    def assertIsInstance(self, obj, cls, msg=None):
        """Fails unless isinstance(obj, cls)."""
        self._require(isinstance(obj, cls), msg, "{} is not an instance of {}", obj, cls)

    def assertNotIsInstance(self, obj, cls, msg=None):
        """Fails if isinstance(obj, cls)."""
        self._require(not isinstance(obj, cls), msg, "{} is an instance of {}", obj, cls)

    def assertRegex(self, text, expected_regex, msg=None):
        """Fails unless `expected_regex` (a pattern or its text) is found
        in `text`."""
        if isinstance(expected_regex, (str, bytes)) and not expected_regex:
            raise AssertionError("expected_regex must not be empty.")
        pattern = _compiled(expected_regex)
        if not pattern.search(text):
            self._failure(msg, f"Regex didn't match: {pattern.pattern!r} not found in {text!r}")

    def assertNotRegex(self, text, unexpected_regex, msg=None):
        """Fails if `unexpected_regex` (a pattern or its text) is found in
        `text`."""
        pattern = _compiled(unexpected_regex)
        found = pattern.search(text)
        if found:
            self._failure(msg, f"Regex matched: {found.group()!r} matches "
                               f"{pattern.pattern!r} in {text!r}")

    # The names of unittest's first versions, deprecated.
    failUnlessEqual = assertEquals = _deprecated_alias(assertEqual)
    failIfEqual = assertNotEquals = _deprecated_alias(assertNotEqual)
    failUnlessAlmostEqual = assertAlmostEquals = _deprecated_alias(assertAlmostEqual)
    failIfAlmostEqual = assertNotAlmostEquals = _deprecated_alias(assertNotAlmostEqual)
    failUnless = assert_ = _deprecated_alias(assertTrue)
    failUnlessRaises = _deprecated_alias(assertRaises)
    failIf = _deprecated_alias(assertFalse)
    assertRaisesRegexp = _deprecated_alias(assertRaisesRegex)
    assertRegexpMatches = _deprecated_alias(assertRegex)
    assertNotRegexpMatches = _deprecated_alias(assertNotRegex)


def _line_diff(first, second):
    """A diff of two strings line by line, "\n"-led. A first string of one
    unterminated line is compared whole, and the second too, both
    newline-terminated, so that the diff shows as lines."""
    if first.strip("\r\n") == first and len(first.splitlines()) == 1:
        pairs = [first + "\n"], [second + "\n"]
    else:
        pairs = first.splitlines(keepends=True), second.splitlines(keepends=True)
    return "\n" + "".join(difflib.ndiff(*pairs))


def _nearness(first, second, places, delta):
    """(near, "within ..." words, difference) for the almost-equal asserts:
    near is the difference at most `delta`, or zero at `places` decimals."""
    if delta is not None and places is not None:
        raise TypeError("specify delta or places not both")
    gap = abs(first - second)
    if delta is not None:
        return gap <= delta, f"within {safe_repr(delta)} delta", gap
    if places is None:
        places = 7
    return round(gap, places) == 0, f"within {places!r} places", gap


def _indexed(seq1, seq2, i, kind):
    """(seq1[i], seq2[i]), or the text saying which one cannot be indexed."""
    items = []
    for ordinal, seq in (("first", seq1), ("second", seq2)):
        try:
            items.append(seq[i])
        except (TypeError, IndexError, NotImplementedError):
            return f"\nUnable to index element {i} of {ordinal} {kind}\n"
    return items


def _call_if_given(function):
    if function is not None:
        function()


class FunctionTestCase(TestCase):
    """A test made of a plain function, with optional setUp and tearDown
    functions, for tests written before TestCase classes."""

    def __init__(self, testFunc, setUp=None, tearDown=None, description=None):
        super().__init__()
        self._testFunc, self._description = testFunc, description
        self._setUpFunc, self._tearDownFunc = setUp, tearDown

    def setUp(self):
        _call_if_given(self._setUpFunc)

    def tearDown(self):
        _call_if_given(self._tearDownFunc)

    def runTest(self):
        self._testFunc()

    def id(self):
        return self._testFunc.__name__

    def _identity(self):
        return (self._setUpFunc, self._tearDownFunc, self._testFunc, self._description)

    def __eq__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return self._identity() == other._identity()

    def __hash__(self):
        return hash((type(self), *self._identity()))

    def __str__(self):
        return f"{strclass(self.__class__)} ({self._testFunc.__name__})"

    def __repr__(self):
        return f"<{strclass(self.__class__)} tec={self._testFunc}>"

    def shortDescription(self):
        if self._description is not None:
            return self._description
        doc = self._testFunc.__doc__
        return (doc.split("\n")[0].strip() if doc else "") or None


class _SubTest(TestCase):
    """The report name of one subTest block of a running test."""

    def __init__(self, test_case, message, params):
        super().__init__()
        self.test_case, self.params, self._message = test_case, params, message
        # Results tell failures from errors by the test's failureException.
        self.failureException = test_case.failureException

    def runTest(self):
        raise NotImplementedError("subtests cannot be run directly")

    def _subDescription(self):
        """"[message] (name=value, ...)", or "(<subtest>)" with neither."""
        label = "" if self._message is _NO_MESSAGE else f"[{self._message}]"
        if self.params:
            values = ", ".join(f"{name}={value!r}" for name, value in self.params.items())
            label = f"{label} ({values})" if label else f"({values})"
        return label or "(<subtest>)"

    def id(self):
        return f"{self.test_case.id()} {self._subDescription()}"

    def shortDescription(self):
        return self.test_case.shortDescription()

    def __str__(self):
        return f"{self.test_case} {self._subDescription()}"
