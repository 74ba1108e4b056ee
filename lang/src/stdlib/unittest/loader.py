# `unittest.loader`: TestLoader collects tests into suites: from a TestCase
# class (its test* methods), a module (its TestCase classes, or what its
# load_tests function returns), a dotted name, or by discovery in a folder
# tree. What cannot be loaded becomes a test that fails with the reason
# (a `_FailedTest`), and the message is kept in `loader.errors`.

import functools
import os
import sys
import traceback
import types
import warnings

from fnmatch import fnmatch, fnmatchcase

from unittest import case, suite, util

__unittest = True


# -- tests standing for what could not be loaded ------------------------------


class _FailedTest(case.TestCase):
    """A test whose one method (named after what failed to load) raises
    the error met while loading."""

    _testMethodName = None

    def __init__(self, method_name, exception):
        self._exception = exception
        super(_FailedTest, self).__init__(method_name)

    def __getattr__(self, name):
        # Called only for names the class does not have: the made-up test
        # method is the one such name that exists.
        if name == self._testMethodName:
            return self._raise_loading_error
        raise AttributeError("%r object has no attribute %r" % (type(self).__name__, name))

    def _raise_loading_error(self):
        raise self._exception


def _skipped_module_test(name, reason):
    """A test, skipped for `reason`, standing for a module that raised
    SkipTest when imported."""

    class ModuleSkipped(case.TestCase):
        __qualname__ = "ModuleSkipped"

    @case.skip(reason)
    def testSkipped(self):
        pass

    setattr(ModuleSkipped, name, testSkipped)
    return ModuleSkipped(name)


def _is_module_file_name(basename):
    """Whether a file name can be imported as a module: an identifier
    starting with an ASCII letter or underscore, then ".py"."""
    stem, dot, extension = basename.rpartition(".")
    if not dot or extension.lower() != "py" or not stem:
        return False
    first = stem[0]
    if not (first == "_" or ("a" <= first.lower() <= "z")):
        return False
    return all(c == "_" or c.isalnum() for c in stem)


def _without_extension(path):
    return os.path.splitext(path)[0]


# The base classes have no tests; named, they are called like any callable.
_BASE_CASES = (case.TestCase, case.FunctionTestCase)


def _is_test_case_class(obj):
    return isinstance(obj, type) and issubclass(obj, case.TestCase)


class TestLoader(object):
    """Makes suites of tests from classes, modules, names and folders."""

    testMethodPrefix = "test"
    sortTestMethodsUsing = staticmethod(util.three_way_cmp)
    testNamePatterns = None
    suiteClass = suite.TestSuite
    _top_level_dir = None

    def __init__(self):
        super(TestLoader, self).__init__()
        # The messages of the errors met while loading, in order.
        self.errors = []
        # Packages whose load_tests is running: discovery inside one must
        # not load the package's own tests a second time.
        self._loading_packages = set()

    # -- reporting what could not be loaded -----------------------------------

    def _failed(self, name, exception, message):
        """A suite whose one test fails with `exception`; `message` goes
        to `errors`."""
        self.errors.append(message)
        return self.suiteClass((_FailedTest(name, exception),))

    def _import_failed(self, name):
        """What `_failed` needs for the import error being handled."""
        message = "Failed to import test module: %s\n%s" % (name, traceback.format_exc())
        return name, ImportError(message), message

    # -- classes --------------------------------------------------------------

    def getTestCaseNames(self, testCaseClass):
        """The names of the test methods of a class: callables whose name
        starts with testMethodPrefix and, when testNamePatterns is set,
        whose full name matches one of them; sorted by
        sortTestMethodsUsing."""
        prefix = self.testMethodPrefix
        patterns = self.testNamePatterns
        where = "%s.%s." % (testCaseClass.__module__, testCaseClass.__qualname__)

        def is_test(name):
            if not name.startswith(prefix) or not callable(getattr(testCaseClass, name)):
                return False
            if patterns is None:
                return True
            return any(fnmatchcase(where + name, pattern) for pattern in patterns)

        names = [name for name in dir(testCaseClass) if is_test(name)]
        if self.sortTestMethodsUsing:
            names.sort(key=functools.cmp_to_key(self.sortTestMethodsUsing))
        return names

    def loadTestsFromTestCase(self, testCaseClass):
        """A suite of one instance of `testCaseClass` per test method (or
        of its runTest when it has no test methods)."""
        if issubclass(testCaseClass, suite.TestSuite):
            raise TypeError("Test cases should not be derived from TestSuite. "
                            "Maybe you meant to derive from TestCase?")
        if testCaseClass in _BASE_CASES:
            return self.suiteClass([])
        names = self.getTestCaseNames(testCaseClass)
        if not names and hasattr(testCaseClass, "runTest"):
            names = ["runTest"]
        return self.suiteClass([testCaseClass(name) for name in names])

    # -- modules --------------------------------------------------------------

    def loadTestsFromModule(self, module, *args, pattern=None, **kws):
        """A suite of the tests of every TestCase class of `module`, or
        what the module's load_tests(loader, tests, pattern) returns."""
        _check_module_call(args, kws)
        found = [self.loadTestsFromTestCase(obj) for obj in
                 (getattr(module, name) for name in dir(module))
                 if _is_test_case_class(obj) and obj not in _BASE_CASES]
        tests = self.suiteClass(found)
        load_tests = getattr(module, "load_tests", None)
        if load_tests is None:
            return tests
        try:
            return load_tests(self, tests, pattern)
        except Exception as e:
            message = "Failed to call load_tests:\n%s" % (traceback.format_exc(),)
            return self._failed(module.__name__, e, message)

    # -- names ----------------------------------------------------------------

    def loadTestsFromName(self, name, module=None):
        """The tests a dotted name stands for: a module, a TestCase class,
        a test method, a suite, or a callable returning a suite or test.
        Without `module`, the longest importable start of the name is
        imported first."""
        parts = name.split(".")
        import_error = None
        if module is None:
            module, import_error = _import_longest_prefix(self, parts)
            if module is None:
                return self._failed(*import_error)
            parts = parts[1:]
        parent, obj = None, module
        for part in parts:
            try:
                parent, obj = obj, getattr(obj, part)
            except AttributeError as e:
                # In a package where an import failed, the import error
                # says more than the missing attribute.
                if import_error is not None and getattr(obj, "__path__", None) is not None:
                    return self._failed(*import_error)
                message = "Failed to access attribute:\n%s" % (traceback.format_exc(),)
                return self._failed(part, e, message)
        return self._tests_from_object(obj, parent, parts[-1] if parts else name)

    def _tests_from_object(self, obj, parent, attribute):
        if isinstance(obj, types.ModuleType):
            return self.loadTestsFromModule(obj)
        if _is_test_case_class(obj) and obj not in _BASE_CASES:
            return self.loadTestsFromTestCase(obj)
        if isinstance(obj, suite.TestSuite):
            return obj
        if isinstance(obj, types.FunctionType) and _is_test_case_class(parent):
            instance = parent(attribute)
            # A static method is no test method: it is called below.
            if not isinstance(getattr(instance, attribute), types.FunctionType):
                return self.suiteClass([instance])
        if not callable(obj):
            raise TypeError("don't know how to make test from: %s" % obj)
        made = obj()
        if isinstance(made, suite.TestSuite):
            return made
        if isinstance(made, case.TestCase):
            return self.suiteClass([made])
        raise TypeError("calling %s returned %s, not a test" % (obj, made))

    def loadTestsFromNames(self, names, module=None):
        """A suite of the suites of each name."""
        return self.suiteClass([self.loadTestsFromName(name, module) for name in names])

    # -- discovery ------------------------------------------------------------

    def discover(self, start_dir, pattern="test*.py", top_level_dir=None):
        """The tests of the modules whose file name matches `pattern` in
        `start_dir` (a folder, or a dotted package name) and the packages
        below it. Modules are imported by their name relative to
        `top_level_dir` (default: the start folder), which is put on
        sys.path. A package's load_tests, when it has one, loads the
        package's tests instead."""
        saved_top = self._top_level_dir
        implicit_top = top_level_dir is None and saved_top is None
        if top_level_dir is None:
            top_level_dir = start_dir if saved_top is None else saved_top
        top_level_dir = os.path.abspath(top_level_dir)
        if top_level_dir not in sys.path:
            sys.path.insert(0, top_level_dir)
        self._top_level_dir = top_level_dir
        start_dir = self._start_folder(start_dir, top_level_dir, implicit_top)
        found = []
        self._collect(start_dir, pattern, found)
        self._top_level_dir = saved_top
        return self.suiteClass(found)

    def _start_folder(self, start_dir, top_level_dir, implicit_top):
        """The folder discovery starts in, for a path or a package name."""
        folder = os.path.abspath(start_dir)
        if os.path.isdir(folder):
            if folder == top_level_dir or os.path.isfile(os.path.join(folder, "__init__.py")):
                return folder
            raise ImportError("Start directory is not importable: %r" % folder)
        try:
            __import__(start_dir)
            importable = True
        except ImportError:
            importable = False
        if not importable:
            raise ImportError("Start directory is not importable: %r" % start_dir)
        package = sys.modules[start_dir]
        try:
            folder = os.path.abspath(os.path.dirname(package.__file__))
        except AttributeError:
            if package.__name__ in sys.builtin_module_names:
                raise TypeError("Can not use builtin modules as dotted module names") from None
            raise TypeError("don't know how to discover from {!r}".format(package)) from None
        if implicit_top:
            # The top is the folder holding the name's first package.
            self._top_level_dir = _folder_holding(start_dir.split(".")[0])
            sys.path.remove(top_level_dir)
        return folder

    def _dotted_name(self, path):
        """The module name of a path below the top-level folder."""
        if path == self._top_level_dir:
            return "."
        relative = os.path.relpath(_without_extension(os.path.normpath(path)), self._top_level_dir)
        assert not os.path.isabs(relative), "Path must be within the project"
        assert not relative.startswith(".."), "Path must be within the project"
        return relative.replace(os.path.sep, ".")

    def _collect(self, folder, pattern, found):
        """Appends to `found` the tests of `folder` (a package's own,
        unless its load_tests is the one asking) and of its entries, in
        name order."""
        name = self._dotted_name(folder)
        if name != "." and name not in self._loading_packages:
            tests, go_inside = self._tests_at(folder, pattern)
            if tests is not None:
                found.append(tests)
            if not go_inside:
                return
        for entry in sorted(os.listdir(folder)):
            path = os.path.join(folder, entry)
            tests, go_inside = self._tests_at(path, pattern)
            if tests is not None:
                found.append(tests)
            if go_inside:
                package = self._dotted_name(path)
                self._loading_packages.add(package)
                try:
                    self._collect(path, pattern, found)
                finally:
                    self._loading_packages.discard(package)

    def _tests_at(self, path, pattern):
        """(tests or None, whether to look inside) for one entry of a
        folder: a test module, a package, or something else."""
        if os.path.isfile(path):
            basename = os.path.basename(path)
            if not _is_module_file_name(basename) or not fnmatch(basename, pattern):
                return None, False
            module, failure = self._import_for_discovery(self._dotted_name(path))
            if module is None:
                return failure, False
            _check_module_location(module, path)
            return self.loadTestsFromModule(module, pattern=pattern), False
        if not (os.path.isdir(path) and os.path.isfile(os.path.join(path, "__init__.py"))):
            return None, False
        name = self._dotted_name(path)
        package, failure = self._import_for_discovery(name)
        if package is None:
            return failure, False
        self._loading_packages.add(name)
        try:
            tests = self.loadTestsFromModule(package, pattern=pattern)
        finally:
            self._loading_packages.discard(name)
        # A package with load_tests finds the tests below it itself.
        return tests, getattr(package, "load_tests", None) is None

    def _import_for_discovery(self, name):
        """(module, None), or (None, a suite standing for the failure)."""
        try:
            __import__(name)
            return sys.modules[name], None
        except case.SkipTest as e:
            return None, self.suiteClass((_skipped_module_test(name, str(e)),))
        except:
            return None, self._failed(*self._import_failed(name))


def _check_module_call(args, kws):
    """loadTestsFromModule's argument checks: use_load_tests (its old
    second parameter) is ignored with a warning; nothing else is taken."""
    if args or "use_load_tests" in kws:
        warnings.warn("use_load_tests is deprecated and ignored", DeprecationWarning)
        kws.pop("use_load_tests", None)
    if len(args) > 1:
        raise TypeError("loadTestsFromModule() takes 1 positional argument but {} were given"
                        .format(len(args) + 1))
    if kws:
        raise TypeError("loadTestsFromModule() got an unexpected keyword argument '{}'"
                        .format(min(kws)))


def _import_longest_prefix(loader, parts):
    """Imports the longest start of a dotted name that imports.

    Returns (the top-level module, the failure of the last import tried
    before it) or, when not even the first part imports,
    (None, that failure)."""
    failure = None
    for end in range(len(parts), 0, -1):
        try:
            return __import__(".".join(parts[:end])), failure
        except ImportError:
            failure = loader._import_failed(parts[end - 1])
    return None, failure


def _folder_holding(module_name):
    """The folder a module (or package) is found in."""
    path = os.path.abspath(sys.modules[module_name].__file__)
    if os.path.basename(path).lower().startswith("__init__.py"):
        return os.path.dirname(os.path.dirname(path))
    return os.path.dirname(path)


def _check_module_location(module, path):
    """Refuses a module imported from elsewhere than the file found (one
    of the same name installed globally, say)."""
    imported = _without_extension(os.path.realpath(
        os.path.abspath(getattr(module, "__file__", path))))
    expected = _without_extension(os.path.realpath(path))
    if imported.lower() != expected.lower():
        raise ImportError(
            "%r module incorrectly imported from %r. Expected %r. Is this module globally installed?"
            % (_without_extension(os.path.basename(path)), os.path.dirname(imported),
               os.path.dirname(path)))


defaultTestLoader = TestLoader()


# -- the module-level helpers, deprecated since 3.11 --------------------------


def _deprecated(old, instead):
    warnings.warn("unittest.%s() is deprecated and will be removed in Python 3.13. "
                  "Please use unittest.TestLoader.%s() instead." % (old, instead),
                  DeprecationWarning, stacklevel=3)


def _configured_loader(prefix, sort_using, suite_class=None, name_patterns=None):
    loader = TestLoader()
    loader.testMethodPrefix = prefix
    loader.sortTestMethodsUsing = sort_using
    loader.testNamePatterns = name_patterns
    if suite_class:
        loader.suiteClass = suite_class
    return loader


def getTestCaseNames(testCaseClass, prefix, sortUsing=util.three_way_cmp, testNamePatterns=None):
    _deprecated("getTestCaseNames", "getTestCaseNames")
    loader = _configured_loader(prefix, sortUsing, name_patterns=testNamePatterns)
    return loader.getTestCaseNames(testCaseClass)


def makeSuite(testCaseClass, prefix="test", sortUsing=util.three_way_cmp,
              suiteClass=suite.TestSuite):
    _deprecated("makeSuite", "loadTestsFromTestCase")
    return _configured_loader(prefix, sortUsing, suiteClass).loadTestsFromTestCase(testCaseClass)


def findTestCases(module, prefix="test", sortUsing=util.three_way_cmp,
                  suiteClass=suite.TestSuite):
    _deprecated("findTestCases", "loadTestsFromModule")
    return _configured_loader(prefix, sortUsing, suiteClass).loadTestsFromModule(module)
