# `unittest.suite`: TestSuite, a composite of tests that also runs the class
# and module fixtures (setUpClass/tearDownClass, setUpModule/tearDownModule)
# as the run crosses from one class or module to the next.

import sys

from unittest import case
from unittest import util

__unittest = True


def _call_if_exists(parent, attr):
    func = getattr(parent, attr, None)
    if func is not None:
        func()


class BaseTestSuite(object):
    """A suite without class or module fixtures."""

    _cleanup = True

    def __init__(self, tests=()):
        self._tests = []
        self._removed_tests = 0
        self.addTests(tests)

    def __repr__(self):
        return "<%s tests=%s>" % (util.strclass(self.__class__), list(self))

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return list(self) == list(other)

    def __iter__(self):
        return iter(self._tests)

    def countTestCases(self):
        cases = self._removed_tests
        for test in self:
            if test:
                cases += test.countTestCases()
        return cases

    def addTest(self, test):
        if not callable(test):
            raise TypeError("{} is not callable".format(repr(test)))
        if isinstance(test, type) and issubclass(test, (case.TestCase, TestSuite)):
            raise TypeError("TestCases and TestSuites must be instantiated "
                            "before passing them to addTest()")
        self._tests.append(test)

    def addTests(self, tests):
        if isinstance(tests, str):
            raise TypeError("tests must be an iterable of tests, not a string")
        for test in tests:
            self.addTest(test)

    def run(self, result):
        for index, test in enumerate(self):
            if result.shouldStop:
                break
            test(result)
            if self._cleanup:
                self._removeTestAtIndex(index)
        return result

    def _removeTestAtIndex(self, index):
        # A test that has run is dropped (its count kept), so its objects
        # can be freed during a long run.
        try:
            test = self._tests[index]
        except TypeError:
            return
        if hasattr(test, "countTestCases"):
            self._removed_tests += test.countTestCases()
        self._tests[index] = None

    def __call__(self, *args, **kwds):
        return self.run(*args, **kwds)

    def debug(self):
        """Runs the tests letting their exceptions out, without a result."""
        for test in self:
            test.debug()


class TestSuite(BaseTestSuite):
    """A suite of tests, run in the order added, with class and module fixtures."""

    def run(self, result, debug=False):
        top_level = False
        if getattr(result, "_testRunEntered", False) is False:
            result._testRunEntered = top_level = True
        for index, test in enumerate(self):
            if result.shouldStop:
                break
            if _isnotsuite(test):
                self._tearDownPreviousClass(test, result)
                self._handleModuleFixture(test, result)
                self._handleClassSetUp(test, result)
                result._previousTestClass = test.__class__
                if (getattr(test.__class__, "_classSetupFailed", False)
                        or getattr(result, "_moduleSetUpFailed", False)):
                    continue
            if debug:
                test.debug()
            else:
                test(result)
            if self._cleanup:
                self._removeTestAtIndex(index)
        if top_level:
            self._tearDownPreviousClass(None, result)
            self._handleModuleTearDown(result)
            result._testRunEntered = False
        return result

    def debug(self):
        """Runs the tests letting their exceptions out, without a result."""
        self.run(_DebugResult(), True)

    def _handleClassSetUp(self, test, result):
        current = test.__class__
        if current == getattr(result, "_previousTestClass", None):
            return
        if result._moduleSetUpFailed or getattr(current, "__unittest_skip__", False):
            return
        try:
            current._classSetupFailed = False
        except TypeError:
            # A test object whose class is a built-in type.
            pass
        set_up_class = getattr(current, "setUpClass", None)
        class_cleanups = getattr(current, "doClassCleanups", None)
        if set_up_class is None:
            return
        _call_if_exists(result, "_setupStdout")
        try:
            failed = False
            try:
                set_up_class()
            except Exception as e:
                if isinstance(result, _DebugResult):
                    raise
                failed = True
                try:
                    current._classSetupFailed = True
                except TypeError:
                    pass
                self._createClassOrModuleLevelException(result, e, "setUpClass", util.strclass(current))
            if failed and class_cleanups is not None:
                class_cleanups()
                for exc_info in current.tearDown_exceptions:
                    self._createClassOrModuleLevelException(
                        result, exc_info[1], "setUpClass", util.strclass(current), info=exc_info)
        finally:
            _call_if_exists(result, "_restoreStdout")

    def _get_previous_module(self, result):
        previous = getattr(result, "_previousTestClass", None)
        if previous is None:
            return None
        return previous.__module__

    def _handleModuleFixture(self, test, result):
        current = test.__class__.__module__
        if current == self._get_previous_module(result):
            return
        self._handleModuleTearDown(result)
        result._moduleSetUpFailed = False
        module = sys.modules.get(current)
        if module is None:
            return
        set_up_module = getattr(module, "setUpModule", None)
        if set_up_module is None:
            return
        _call_if_exists(result, "_setupStdout")
        try:
            try:
                set_up_module()
            except Exception as e:
                if isinstance(result, _DebugResult):
                    raise
                result._moduleSetUpFailed = True
                self._createClassOrModuleLevelException(result, e, "setUpModule", current)
            if result._moduleSetUpFailed:
                try:
                    case.doModuleCleanups()
                except Exception as e:
                    self._createClassOrModuleLevelException(result, e, "setUpModule", current)
        finally:
            _call_if_exists(result, "_restoreStdout")

    def _createClassOrModuleLevelException(self, result, exc, method_name, parent, info=None):
        self._addClassOrModuleLevelException(result, exc, f"{method_name} ({parent})", info)

    def _addClassOrModuleLevelException(self, result, exception, errorName, info=None):
        error = _ErrorHolder(errorName)
        add_skip = getattr(result, "addSkip", None)
        if add_skip is not None and isinstance(exception, case.SkipTest):
            add_skip(error, str(exception))
        elif info:
            result.addError(error, info)
        else:
            result.addError(error, sys.exc_info())

    def _handleModuleTearDown(self, result):
        previous = self._get_previous_module(result)
        if previous is None or result._moduleSetUpFailed:
            return
        module = sys.modules.get(previous)
        if module is None:
            return
        _call_if_exists(result, "_setupStdout")
        try:
            tear_down_module = getattr(module, "tearDownModule", None)
            if tear_down_module is not None:
                try:
                    tear_down_module()
                except Exception as e:
                    if isinstance(result, _DebugResult):
                        raise
                    self._createClassOrModuleLevelException(result, e, "tearDownModule", previous)
            try:
                case.doModuleCleanups()
            except Exception as e:
                if isinstance(result, _DebugResult):
                    raise
                self._createClassOrModuleLevelException(result, e, "tearDownModule", previous)
        finally:
            _call_if_exists(result, "_restoreStdout")

    def _tearDownPreviousClass(self, test, result):
        previous = getattr(result, "_previousTestClass", None)
        if previous is None or test.__class__ == previous:
            return
        if (getattr(previous, "_classSetupFailed", False) or getattr(result, "_moduleSetUpFailed", False)
                or getattr(previous, "__unittest_skip__", False)):
            return
        tear_down_class = getattr(previous, "tearDownClass", None)
        class_cleanups = getattr(previous, "doClassCleanups", None)
        if tear_down_class is None and class_cleanups is None:
            return
        _call_if_exists(result, "_setupStdout")
        try:
            if tear_down_class is not None:
                try:
                    tear_down_class()
                except Exception as e:
                    if isinstance(result, _DebugResult):
                        raise
                    self._createClassOrModuleLevelException(result, e, "tearDownClass", util.strclass(previous))
            if class_cleanups is not None:
                class_cleanups()
                for exc_info in previous.tearDown_exceptions:
                    if isinstance(result, _DebugResult):
                        raise exc_info[1]
                    self._createClassOrModuleLevelException(
                        result, exc_info[1], "tearDownClass", util.strclass(previous), info=exc_info)
        finally:
            _call_if_exists(result, "_restoreStdout")


class _ErrorHolder(object):
    """Stands for a test in a result when a fixture outside any test fails."""

    # TestResult._exc_info_to_string reads it.
    failureException = None

    def __init__(self, description):
        self.description = description

    def id(self):
        return self.description

    def shortDescription(self):
        return None

    def __repr__(self):
        return "<ErrorHolder description=%r>" % (self.description,)

    def __str__(self):
        return self.id()

    def run(self, result):
        pass

    def __call__(self, result):
        return self.run(result)

    def countTestCases(self):
        return 0


def _isnotsuite(test):
    # Suites are iterable; test cases are not.
    try:
        iter(test)
    except TypeError:
        return True
    return False


class _DebugResult(object):
    # What TestSuite.debug runs with: only the state fixtures need.
    _previousTestClass = None
    _moduleSetUpFailed = False
    shouldStop = False
