# `unittest.loader`: TestLoader, which makes suites from test case classes,
# modules, dotted names, and by discovery in a directory tree.

import os
import sys
import types
import functools
import warnings

from fnmatch import fnmatch, fnmatchcase

from unittest import case, suite, util

__unittest = True


def _valid_module_name(basename):
    # What discovery imports: an identifier followed by ".py" (any case).
    stem, dot_py = basename[:-3], basename[-3:]
    if dot_py.lower() != ".py" or not stem:
        return False
    if not (stem[0] == "_" or ("a" <= stem[0].lower() <= "z")):
        return False
    return all(c == "_" or c.isalnum() for c in stem)


class _FailedTest(case.TestCase):
    # A test that raises the exception met while loading tests.
    _testMethodName = None

    def __init__(self, method_name, exception):
        self._exception = exception
        super(_FailedTest, self).__init__(method_name)

    def __getattr__(self, name):
        if name != self._testMethodName:
            return super(_FailedTest, self).__getattr__(name)

        def testFailure():
            raise self._exception
        return testFailure


def _format_exc():
    import traceback
    return traceback.format_exc()


def _make_failed_import_test(name, suiteClass):
    message = "Failed to import test module: %s\n%s" % (name, _format_exc())
    return _make_failed_test(name, ImportError(message), suiteClass, message)


def _make_failed_load_tests(name, exception, suiteClass):
    message = "Failed to call load_tests:\n%s" % (_format_exc(),)
    return _make_failed_test(name, exception, suiteClass, message)


def _make_failed_test(methodname, exception, suiteClass, message):
    return suiteClass((_FailedTest(methodname, exception),)), message


def _make_skipped_test(methodname, exception, suiteClass):
    @case.skip(str(exception))
    def testSkipped(self):
        pass
    skipped_class = type("ModuleSkipped", (case.TestCase,), {methodname: testSkipped})
    return suiteClass((skipped_class(methodname),))


def _jython_aware_splitext(path):
    if path.lower().endswith("$py.class"):
        return path[:-9]
    return os.path.splitext(path)[0]


class TestLoader(object):
    """Makes test suites from classes, modules, names and directory trees."""

    testMethodPrefix = "test"
    sortTestMethodsUsing = staticmethod(util.three_way_cmp)
    testNamePatterns = None
    suiteClass = suite.TestSuite
    _top_level_dir = None

    def __init__(self):
        super(TestLoader, self).__init__()
        self.errors = []
        # Packages whose load_tests is running, so discovery does not
        # re-enter them.
        self._loading_packages = set()

    def loadTestsFromTestCase(self, testCaseClass):
        """A suite of one test per test method of testCaseClass."""
        if issubclass(testCaseClass, suite.TestSuite):
            raise TypeError("Test cases should not be derived from "
                            "TestSuite. Maybe you meant to derive from "
                            "TestCase?")
        if testCaseClass in (case.TestCase, case.FunctionTestCase):
            names = []
        else:
            names = self.getTestCaseNames(testCaseClass)
            if not names and hasattr(testCaseClass, "runTest"):
                names = ["runTest"]
        return self.suiteClass(map(testCaseClass, names))

    def loadTestsFromModule(self, module, *args, pattern=None, **kws):
        """A suite of the tests of every TestCase class in module (or what its load_tests returns)."""
        # A `use_load_tests` argument is accepted, and ignored, as it once was.
        if len(args) > 0 or "use_load_tests" in kws:
            warnings.warn("use_load_tests is deprecated and ignored", DeprecationWarning)
            kws.pop("use_load_tests", None)
        if len(args) > 1:
            raise TypeError("loadTestsFromModule() takes 1 positional argument but {} were given"
                            .format(len(args) + 1))
        if len(kws) != 0:
            raise TypeError("loadTestsFromModule() got an unexpected keyword argument '{}'"
                            .format(sorted(kws)[0]))
        tests = []
        for name in dir(module):
            obj = getattr(module, name)
            if _is_test_case_class(obj):
                tests.append(self.loadTestsFromTestCase(obj))
        load_tests = getattr(module, "load_tests", None)
        tests = self.suiteClass(tests)
        if load_tests is None:
            return tests
        try:
            return load_tests(self, tests, pattern)
        except Exception as e:
            error_case, error_message = _make_failed_load_tests(module.__name__, e, self.suiteClass)
            self.errors.append(error_message)
            return error_case

    def loadTestsFromName(self, name, module=None):
        """A suite for a dotted name: a module, a TestCase class, a test
        method, a suite, or a callable returning a test or suite; relative
        to module if given."""
        parts = name.split(".")
        error_case, error_message = None, None
        if module is None:
            # Import the longest importable prefix of the name.
            candidate = parts[:]
            while candidate:
                try:
                    module = __import__(".".join(candidate))
                    break
                except ImportError:
                    next_attribute = candidate.pop()
                    error_case, error_message = _make_failed_import_test(next_attribute, self.suiteClass)
                    if not candidate:
                        self.errors.append(error_message)
                        return error_case
            parts = parts[1:]
        obj = module
        parent = None
        for part in parts:
            try:
                parent, obj = obj, getattr(obj, part)
            except AttributeError as e:
                if getattr(obj, "__path__", None) is not None and error_case is not None:
                    # In a package, a missing name may be a module that
                    # failed to import: that error says more.
                    self.errors.append(error_message)
                    return error_case
                error_case, error_message = _make_failed_test(
                    part, e, self.suiteClass, "Failed to access attribute:\n%s" % (_format_exc(),))
                self.errors.append(error_message)
                return error_case
        if isinstance(obj, types.ModuleType):
            return self.loadTestsFromModule(obj)
        if _is_test_case_class(obj):
            return self.loadTestsFromTestCase(obj)
        if (isinstance(obj, types.FunctionType) and isinstance(parent, type)
                and issubclass(parent, case.TestCase)):
            method_name = parts[-1]
            instance = parent(method_name)
            # A static method is called below like any callable.
            if not isinstance(getattr(instance, method_name), types.FunctionType):
                return self.suiteClass([instance])
        elif isinstance(obj, suite.TestSuite):
            return obj
        if not callable(obj):
            raise TypeError("don't know how to make test from: %s" % obj)
        test = obj()
        if isinstance(test, suite.TestSuite):
            return test
        if isinstance(test, case.TestCase):
            return self.suiteClass([test])
        raise TypeError("calling %s returned %s, not a test" % (obj, test))

    def loadTestsFromNames(self, names, module=None):
        """A suite of the suites loadTestsFromName gives for each name."""
        return self.suiteClass([self.loadTestsFromName(name, module) for name in names])

    def getTestCaseNames(self, testCaseClass):
        """The sorted names of testCaseClass's test methods."""
        def is_test_method(attrname):
            if not attrname.startswith(self.testMethodPrefix):
                return False
            if not callable(getattr(testCaseClass, attrname)):
                return False
            if self.testNamePatterns is None:
                return True
            full_name = "%s.%s.%s" % (testCaseClass.__module__, testCaseClass.__qualname__, attrname)
            return any(fnmatchcase(full_name, pattern) for pattern in self.testNamePatterns)
        names = [name for name in dir(testCaseClass) if is_test_method(name)]
        if self.sortTestMethodsUsing:
            names.sort(key=functools.cmp_to_key(self.sortTestMethodsUsing))
        return names

    def discover(self, start_dir, pattern="test*.py", top_level_dir=None):
        """A suite of the tests in the modules under start_dir (recursing
        into packages) whose file names match pattern.

        Modules are imported by their names relative to top_level_dir
        (start_dir by default), which is put on sys.path. A package with a
        load_tests function loads its own tests. Paths are visited sorted.
        """
        set_implicit_top = False
        if top_level_dir is None and self._top_level_dir is not None:
            # Discovery called again from a package's load_tests.
            top_level_dir = self._top_level_dir
        elif top_level_dir is None:
            set_implicit_top = True
            top_level_dir = start_dir
        top_level_dir = os.path.abspath(top_level_dir)
        if top_level_dir not in sys.path:
            sys.path.insert(0, top_level_dir)
        self._top_level_dir = top_level_dir
        is_not_importable = False
        if os.path.isdir(os.path.abspath(start_dir)):
            start_dir = os.path.abspath(start_dir)
            if start_dir != top_level_dir:
                is_not_importable = not os.path.isfile(os.path.join(start_dir, "__init__.py"))
        else:
            # A dotted module name to start from.
            try:
                __import__(start_dir)
            except ImportError:
                is_not_importable = True
            else:
                the_module = sys.modules[start_dir]
                top_part = start_dir.split(".")[0]
                try:
                    start_dir = os.path.abspath(os.path.dirname(the_module.__file__))
                except AttributeError:
                    if the_module.__name__ in sys.builtin_module_names:
                        raise TypeError("Can not use builtin modules as dotted module names") from None
                    raise TypeError(f"don't know how to discover from {the_module!r}") from None
                if set_implicit_top:
                    self._top_level_dir = self._get_directory_containing_module(top_part)
                    sys.path.remove(top_level_dir)
        if is_not_importable:
            raise ImportError("Start directory is not importable: %r" % start_dir)
        return self.suiteClass(list(self._find_tests(start_dir, pattern)))

    def _get_directory_containing_module(self, module_name):
        full_path = os.path.abspath(sys.modules[module_name].__file__)
        if os.path.basename(full_path).lower().startswith("__init__.py"):
            return os.path.dirname(os.path.dirname(full_path))
        return os.path.dirname(full_path)

    def _get_name_from_path(self, path):
        if path == self._top_level_dir:
            return "."
        path = _jython_aware_splitext(os.path.normpath(path))
        relative = os.path.relpath(path, self._top_level_dir)
        assert not os.path.isabs(relative), "Path must be within the project"
        assert not relative.startswith(".."), "Path must be within the project"
        return relative.replace(os.path.sep, ".")

    def _get_module_from_name(self, name):
        __import__(name)
        return sys.modules[name]

    def _match_path(self, path, full_path, pattern):
        return fnmatch(path, pattern)

    def _find_tests(self, start_dir, pattern):
        """Yields the suites found under start_dir."""
        name = self._get_name_from_path(start_dir)
        # '.' is the top-level directory itself, which is not a package.
        if name != "." and name not in self._loading_packages:
            tests, should_recurse = self._find_test_path(start_dir, pattern)
            if tests is not None:
                yield tests
            if not should_recurse:
                return
        for path in sorted(os.listdir(start_dir)):
            full_path = os.path.join(start_dir, path)
            tests, should_recurse = self._find_test_path(full_path, pattern)
            if tests is not None:
                yield tests
            if should_recurse:
                name = self._get_name_from_path(full_path)
                self._loading_packages.add(name)
                try:
                    yield from self._find_tests(full_path, pattern)
                finally:
                    self._loading_packages.discard(name)

    def _find_test_path(self, full_path, pattern):
        """(tests or None, whether to recurse) for one file or package directory."""
        basename = os.path.basename(full_path)
        if os.path.isfile(full_path):
            if not _valid_module_name(basename) or not self._match_path(basename, full_path, pattern):
                return None, False
            name = self._get_name_from_path(full_path)
            try:
                module = self._get_module_from_name(name)
            except case.SkipTest as e:
                return _make_skipped_test(name, e, self.suiteClass), False
            except:
                error_case, error_message = _make_failed_import_test(name, self.suiteClass)
                self.errors.append(error_message)
                return error_case, False
            self._check_module_location(module, full_path)
            return self.loadTestsFromModule(module, pattern=pattern), False
        if not os.path.isdir(full_path):
            return None, False
        if not os.path.isfile(os.path.join(full_path, "__init__.py")):
            return None, False
        name = self._get_name_from_path(full_path)
        try:
            package = self._get_module_from_name(name)
        except case.SkipTest as e:
            return _make_skipped_test(name, e, self.suiteClass), False
        except:
            error_case, error_message = _make_failed_import_test(name, self.suiteClass)
            self.errors.append(error_message)
            return error_case, False
        load_tests = getattr(package, "load_tests", None)
        self._loading_packages.add(name)
        try:
            tests = self.loadTestsFromModule(package, pattern=pattern)
            # A package with load_tests has loaded its tests itself.
            return tests, load_tests is None
        finally:
            self._loading_packages.discard(name)

    def _check_module_location(self, module, full_path):
        # The name imported must be the file found, not another module of
        # the same name elsewhere on sys.path.
        mod_file = os.path.abspath(getattr(module, "__file__", full_path))
        real = _jython_aware_splitext(os.path.realpath(mod_file))
        wanted = _jython_aware_splitext(os.path.realpath(full_path))
        if real.lower() != wanted.lower():
            mod_name = _jython_aware_splitext(os.path.basename(full_path))
            raise ImportError("%r module incorrectly imported from %r. Expected %r. "
                              "Is this module globally installed?"
                              % (mod_name, os.path.dirname(real), os.path.dirname(full_path)))


def _is_test_case_class(obj):
    return (isinstance(obj, type) and issubclass(obj, case.TestCase)
            and obj not in (case.TestCase, case.FunctionTestCase))


defaultTestLoader = TestLoader()


# Functions deprecated since 3.11 (to go in 3.13).

def _makeLoader(prefix, sortUsing, suiteClass=None, testNamePatterns=None):
    loader = TestLoader()
    loader.sortTestMethodsUsing = sortUsing
    loader.testMethodPrefix = prefix
    loader.testNamePatterns = testNamePatterns
    if suiteClass:
        loader.suiteClass = suiteClass
    return loader


def getTestCaseNames(testCaseClass, prefix, sortUsing=util.three_way_cmp, testNamePatterns=None):
    warnings.warn("unittest.getTestCaseNames() is deprecated and will be removed in Python 3.13. "
                  "Please use unittest.TestLoader.getTestCaseNames() instead.",
                  DeprecationWarning, stacklevel=2)
    return _makeLoader(prefix, sortUsing, testNamePatterns=testNamePatterns).getTestCaseNames(testCaseClass)


def makeSuite(testCaseClass, prefix="test", sortUsing=util.three_way_cmp, suiteClass=suite.TestSuite):
    warnings.warn("unittest.makeSuite() is deprecated and will be removed in Python 3.13. "
                  "Please use unittest.TestLoader.loadTestsFromTestCase() instead.",
                  DeprecationWarning, stacklevel=2)
    return _makeLoader(prefix, sortUsing, suiteClass).loadTestsFromTestCase(testCaseClass)


def findTestCases(module, prefix="test", sortUsing=util.three_way_cmp, suiteClass=suite.TestSuite):
    warnings.warn("unittest.findTestCases() is deprecated and will be removed in Python 3.13. "
                  "Please use unittest.TestLoader.loadTestsFromModule() instead.",
                  DeprecationWarning, stacklevel=2)
    return _makeLoader(prefix, sortUsing, suiteClass).loadTestsFromModule(module)
