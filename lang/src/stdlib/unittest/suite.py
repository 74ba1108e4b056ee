# `unittest.suite`: TestSuite, a list of tests (cases, callables and other
# suites) run in order. TestSuite also runs the class and module fixtures
# (setUpClass/tearDownClass, setUpModule/tearDownModule and their
# cleanups) whenever the class or module of the tests changes, and reports
# their errors through stand-in tests named after the fixture.

import sys

from unittest import case
from unittest import util

__unittest = True


def _is_single_test(test):
    """Suites can be iterated; anything else is run as one test."""
    try:
        iter(test)
    except TypeError:
        return True
    return False


class BaseTestSuite(object):
    """Tests to be run together, in order, without fixtures."""

    # Drop each test once it has run, so that a long run does not keep
    # every test case (and what it holds) alive to the end.
    _cleanup = True

    def __init__(self, tests=()):
        self._tests = []
        self._released = 0  # how many test cases the dropped tests held
        self.addTests(tests)

    def __repr__(self):
        return "<%s tests=%s>" % (util.strclass(self.__class__), list(self))

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return list(self) == list(other)

    def __iter__(self):
        return iter(self._tests)

    def __call__(self, *args, **kwds):
        return self.run(*args, **kwds)

    def countTestCases(self):
        """The number of test cases, counting those already run."""
        return self._released + sum(test.countTestCases() for test in self if test)

    def addTest(self, test):
        """Appends a test: a TestCase or TestSuite instance, or a callable
        taking a result."""
        if not callable(test):
            raise TypeError("{!r} is not callable".format(test))
        if isinstance(test, type) and issubclass(test, (case.TestCase, TestSuite)):
            raise TypeError("TestCases and TestSuites must be instantiated "
                            "before passing them to addTest()")
        self._tests.append(test)

    def addTests(self, tests):
        """Appends every test of an iterable."""
        if isinstance(tests, str):
            raise TypeError("tests must be an iterable of tests, not a string")
        for test in tests:
            self.addTest(test)

    def run(self, result):
        return self._run_each(result, lambda test: test(result))

    def _run_each(self, result, run_one, fixtures=None):
        """The loop of a run: `run_one(test)` for each test until the
        result says stop, switching fixtures first when given them."""
        for position, test in enumerate(self):
            if result.shouldStop:
                break
            if fixtures is not None and _is_single_test(test):
                if not fixtures.enter(test.__class__):
                    continue  # its class or module could not be set up
            run_one(test)
            if self._cleanup:
                self._removeTestAtIndex(position)
        return result

    def debug(self):
        """Runs the tests without a result, so that errors propagate."""
        for test in self:
            test.debug()

    def _removeTestAtIndex(self, position):
        """Forgets the test at `position` once it has run."""
        try:
            test = self._tests[position]
        except TypeError:
            return  # a subclass that keeps its tests some other way
        if hasattr(test, "countTestCases"):
            self._released += test.countTestCases()
        self._tests[position] = None


class TestSuite(BaseTestSuite):
    """Tests to be run together, with their class and module fixtures.

    The outermost suite of a run tears down the last class and module when
    its tests are done; suites inside it share the run's fixture state,
    which lives on the result."""

    def run(self, result, debug=False):
        outermost = not getattr(result, "_testRunEntered", False)
        if outermost:
            result._testRunEntered = True
        fixtures = _Fixtures(result, debug)
        if debug:
            self._run_each(result, lambda test: test.debug(), fixtures)
        else:
            self._run_each(result, lambda test: test(result), fixtures)
        if outermost:
            fixtures.finish()
            result._testRunEntered = False
        return result

    def debug(self):
        """Runs the tests and their fixtures without a result, so that
        errors propagate."""
        self.run(_DebugRun(), True)


class _DebugRun(object):
    """The fixture state of a debug() run, which has no result."""

    _previousTestClass = None
    _moduleSetUpFailed = False
    shouldStop = False


def _module_named(name):
    return sys.modules.get(name) if name is not None else None


class _Fixtures(object):
    """Switches the class and module fixtures of a run as its tests go by.

    The state is the result's: `_previousTestClass` (the class of the last
    test run), `_moduleSetUpFailed` (for its module), and each class's
    `_classSetupFailed`."""

    def __init__(self, result, debug):
        self.result = result
        self.debug = debug

    def _previous_class(self):
        return getattr(self.result, "_previousTestClass", None)

    def _module_failed(self):
        return getattr(self.result, "_moduleSetUpFailed", False)

    # -- moving between tests -------------------------------------------------

    def enter(self, cls):
        """Leaves the previous test's class (and module) for `cls`'s;
        whether tests of `cls` can run (their fixtures are set up)."""
        previous = self._previous_class()
        if cls != previous:
            if previous is not None:
                self._leave_class(previous)
            old_module = previous.__module__ if previous is not None else None
            if cls.__module__ != old_module:
                self._leave_module(old_module)
                self._enter_module(cls.__module__)
            self._enter_class(cls)
        self.result._previousTestClass = cls
        return not (getattr(cls, "_classSetupFailed", False) or self._module_failed())

    def finish(self):
        """Tears down the last class and module of the run."""
        previous = self._previous_class()
        if previous is not None:
            self._leave_class(previous)
            self._leave_module(previous.__module__)

    # -- classes ----------------------------------------------------------------

    def _enter_class(self, cls):
        if self._module_failed() or getattr(cls, "__unittest_skip__", False):
            return
        _set_class_failed(cls, False)
        set_up = getattr(cls, "setUpClass", None)
        if set_up is None:
            return
        where = "setUpClass (%s)" % util.strclass(cls)
        with _Captured(self.result):
            if self._call(set_up, where):
                _set_class_failed(cls, True)
                self._run_class_cleanups(cls, where)

    def _leave_class(self, cls):
        if (getattr(cls, "_classSetupFailed", False) or self._module_failed()
                or getattr(cls, "__unittest_skip__", False)):
            return  # it was never set up
        tear_down = getattr(cls, "tearDownClass", None)
        has_cleanups = getattr(cls, "doClassCleanups", None) is not None
        if tear_down is None and not has_cleanups:
            return
        where = "tearDownClass (%s)" % util.strclass(cls)
        with _Captured(self.result):
            if tear_down is not None:
                self._call(tear_down, where)
            if has_cleanups:
                self._run_class_cleanups(cls, where)

    def _run_class_cleanups(self, cls, where):
        cleanups = getattr(cls, "doClassCleanups", None)
        if cleanups is None:
            return
        cleanups()
        for exc_info in cls.tearDown_exceptions:
            self._report(where, exc_info)

    # -- modules ------------------------------------------------------------------

    def _enter_module(self, name):
        self.result._moduleSetUpFailed = False
        module = _module_named(name)
        set_up = getattr(module, "setUpModule", None)
        if set_up is None:
            return
        where = "setUpModule (%s)" % name
        with _Captured(self.result):
            if self._call(set_up, where):
                self.result._moduleSetUpFailed = True
                self._call(case.doModuleCleanups, where)

    def _leave_module(self, name):
        module = _module_named(name)
        if module is None or self._module_failed():
            return
        where = "tearDownModule (%s)" % name
        with _Captured(self.result):
            tear_down = getattr(module, "tearDownModule", None)
            if tear_down is not None:
                self._call(tear_down, where)
            self._call(case.doModuleCleanups, where)

    # -- errors -------------------------------------------------------------------

    def _call(self, fixture, where):
        """Calls a fixture; reports what it raises. True if it raised."""
        try:
            fixture()
        except Exception:
            exc_info = sys.exc_info()
            if self.debug:
                raise
            self._report(where, exc_info)
            return True
        return False

    def _report(self, where, exc_info):
        """Reports a fixture's exception as an error (or a skip) of a
        stand-in test named `where`, e.g. "setUpClass (module.Class)"."""
        if self.debug:
            raise exc_info[1]
        stand_in = _ErrorHolder(where)
        add_skip = getattr(self.result, "addSkip", None)
        if add_skip is not None and isinstance(exc_info[1], case.SkipTest):
            add_skip(stand_in, str(exc_info[1]))
        else:
            self.result.addError(stand_in, exc_info)


def _set_class_failed(cls, failed):
    try:
        cls._classSetupFailed = failed
    except TypeError:
        pass  # a built-in class (the test is a plain callable)


class _Captured(object):
    """Buffer mode around a fixture: the result captures its output as it
    does a test's."""

    def __init__(self, result):
        self.result = result

    def _call_on_result(self, name):
        method = getattr(self.result, name, None)
        if method is not None:
            method()

    def __enter__(self):
        self._call_on_result("_setupStdout")

    def __exit__(self, *exc):
        self._call_on_result("_restoreStdout")


class _ErrorHolder(object):
    """Stands in for a test in the report of a fixture's error: its id is
    the fixture's description."""

    failureException = None

    def __init__(self, description):
        self.description = description

    def __repr__(self):
        return "<ErrorHolder description=%r>" % (self.description,)

    def id(self):
        return self.description

    __str__ = id

    def shortDescription(self):
        return None

    def countTestCases(self):
        return 0

    def run(self, result):
        """There is nothing to run."""

    __call__ = run
