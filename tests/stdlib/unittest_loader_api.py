# unittest.TestLoader: collecting test names, loading by class, module and
# dotted name, the errors it reports as tests, and discovery in a folder.
import os
import re
import sys
import tempfile
import types
import unittest
import warnings


class Alpha(unittest.TestCase):
    def test_b(self):
        pass

    def test_a(self):
        pass

    def testC(self):
        pass

    def check_d(self):
        pass

    test_not_callable = 5

    @staticmethod
    def test_static():
        pass


class OnlyRunTest(unittest.TestCase):
    def runTest(self):
        pass


class Empty(unittest.TestCase):
    pass


loader = unittest.TestLoader()
print(loader.testMethodPrefix, loader.sortTestMethodsUsing(1, 2), loader.testNamePatterns,
      loader.suiteClass is unittest.TestSuite, loader.errors)
print(loader.getTestCaseNames(Alpha))
loader.testMethodPrefix = "check"
print(loader.getTestCaseNames(Alpha))
loader = unittest.TestLoader()
loader.sortTestMethodsUsing = lambda a, b: (a < b) - (a > b)
print(loader.getTestCaseNames(Alpha))
loader.sortTestMethodsUsing = None
print(loader.getTestCaseNames(Alpha))
loader = unittest.TestLoader()
loader.testNamePatterns = ["*_a", "*Alpha.testC*"]
print(loader.getTestCaseNames(Alpha))
loader.testNamePatterns = ["__main__.*"]
print(loader.getTestCaseNames(Alpha))
loader.testNamePatterns = ["*A*"]
print(loader.getTestCaseNames(Alpha))

loader = unittest.TestLoader()
print(loader.loadTestsFromTestCase(Alpha))
print(loader.loadTestsFromTestCase(OnlyRunTest))
print(loader.loadTestsFromTestCase(Empty))
print(loader.loadTestsFromTestCase(unittest.TestCase))
print(loader.loadTestsFromTestCase(unittest.FunctionTestCase))
try:
    loader.loadTestsFromTestCase(unittest.TestSuite)
except TypeError as e:
    print("TypeError:", e)

# Modules: every TestCase class in dir(module) order, and load_tests.
mod = types.ModuleType("fake_tests")
mod.Alpha = Alpha
mod.Empty = Empty
mod.not_a_test = 42
mod.TestCase = unittest.TestCase
print(loader.loadTestsFromModule(mod).countTestCases())
print([list(s) for s in loader.loadTestsFromModule(mod)])


def load_tests(loader_arg, tests, pattern):
    print("load_tests:", loader_arg is loader, tests.countTestCases(), pattern)
    return "whatever load_tests returns"


mod.load_tests = load_tests
print(loader.loadTestsFromModule(mod))
print(loader.loadTestsFromModule(mod, pattern="p*"))


def broken_load_tests(loader_arg, tests, pattern):
    raise RuntimeError("load_tests broke")


mod.load_tests = broken_load_tests
failed = loader.loadTestsFromModule(mod)
print(failed, failed.countTestCases())
print(loader.errors[-1].splitlines()[0], loader.errors[-1].splitlines()[-1])
r = unittest.TestResult()
failed.run(r)
print(r.errors[0][0].id(), r.errors[0][1].splitlines()[-1])
del mod.load_tests

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(loader.loadTestsFromModule(mod, False).countTestCases())
    print(loader.loadTestsFromModule(mod, use_load_tests=True).countTestCases())
for w in caught:
    print(w.category.__name__, w.message)
for args, kwargs in (((1, 2), {}), ((), {"other": 1, "another": 2}), ((1,), {"x": 1})):
    try:
        loader.loadTestsFromModule(mod, *args, **kwargs)
    except TypeError as e:
        print("TypeError:", e)

# Names.
me = sys.modules[__name__]
for name in ("Alpha", "Alpha.test_a", "Alpha.test_static", "OnlyRunTest", "make_suite",
             "make_case"):
    try:
        print(name, "->", loader.loadTestsFromName(name, me))
    except TypeError as e:
        print(name, "-> TypeError:", re.sub(" at 0x[0-9a-f]+", "", str(e)))


def make_suite():
    return unittest.TestSuite([Alpha("test_a")])


def make_case():
    return Alpha("test_b")


def make_nothing():
    return 42


for name in ("make_suite", "make_case", "make_nothing", "not_callable", "Alpha.test_not_callable"):
    try:
        print(name, "->", loader.loadTestsFromName(name, me))
    except TypeError as e:
        print(name, "-> TypeError:", re.sub(" at 0x[0-9a-f]+", "", str(e)))
not_callable = "text"
try:
    loader.loadTestsFromName("not_callable", me)
except TypeError as e:
    print("TypeError:", e)
the_suite = unittest.TestSuite([Alpha("test_b")])
print(loader.loadTestsFromName("the_suite", me) is the_suite)
print(loader.loadTestsFromName("unittest.TestCase"))
for name in ("unittest.TestCase.id", "unittest.FunctionTestCase", "unittest.TestCase.runTest"):
    try:
        print(name, loader.loadTestsFromName(name))
    except TypeError as e:
        print(name, "TypeError:", e)
print(loader.loadTestsFromNames(["Alpha.test_a", "OnlyRunTest"], me))

loader = unittest.TestLoader()
for name in ("Alpha.missing", "missing", "unittest.nothing", "unittest.case.Nope.x"):
    suite = loader.loadTestsFromName(name, me if "." not in name or name.startswith("Alpha") else None)
    (test,) = list(suite)
    print(name, "->", type(test).__name__, test.id(), repr(loader.errors[-1].splitlines()[0]),
          loader.errors[-1].splitlines()[-1])
    r = unittest.TestResult()
    suite.run(r)
    print("   ", r.errors[0][1].splitlines()[-1])
for name in ("no_such_module_here", "no_such_module_here.Sub.test"):
    suite = loader.loadTestsFromName(name)
    (test,) = list(suite)
    print(name, "->", test.id(), loader.errors[-1].splitlines()[0],
          loader.errors[-1].splitlines()[-1])
    r = unittest.TestResult()
    suite.run(r)
    lines = r.errors[0][1].splitlines()
    print("   ", lines[0], "|", lines[-1])
print(len(loader.errors))
print(unittest.defaultTestLoader.__class__ is unittest.TestLoader)

# The module-level helpers, deprecated in 3.11.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(unittest.getTestCaseNames(Alpha, "test"))
    print(unittest.getTestCaseNames(Alpha, "test", sortUsing=None, testNamePatterns=["*_b"]))
    print(unittest.makeSuite(Alpha, "check"))
    print(unittest.makeSuite(Alpha, sortUsing=lambda a, b: (a < b) - (a > b)).countTestCases())
    print(unittest.findTestCases(mod).countTestCases())
for w in caught:
    print(w.category.__name__, w.message)

# Discovery in a folder of modules and packages.
root = tempfile.mkdtemp()


def write(path, text):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write(text)


CASE = """import unittest
class {0}(unittest.TestCase):
    def test_it(self):
        pass
"""
write("proj/test_one.py", CASE.format("One"))
write("proj/test_two.py", CASE.format("Two"))
write("proj/helper.py", CASE.format("Helper"))
write("proj/test-dash.py", CASE.format("Dash"))
write("proj/test_broken.py", "import no_such_module_anywhere\n")
write("proj/test_skipped.py", "import unittest\nraise unittest.SkipTest('not here')\n")
write("proj/pkg/__init__.py", CASE.format("PkgInit"))
write("proj/pkg/test_inner.py", CASE.format("Inner"))
write("proj/pkg/deeper/__init__.py", "")
write("proj/pkg/deeper/test_deep.py", CASE.format("Deep"))
write("proj/notpkg/test_orphan.py", CASE.format("Orphan"))
write("proj/loaded/__init__.py", """import unittest
def load_tests(loader, tests, pattern):
    print("loaded.load_tests pattern", pattern)
    import os
    here = os.path.dirname(__file__)
    tests.addTests(loader.discover(start_dir=here, pattern=pattern))
    return tests
""")
write("proj/loaded/test_via_load.py", CASE.format("ViaLoad"))


def ids(suite):
    found = []
    for item in suite:
        if isinstance(item, unittest.TestSuite):
            found.extend(ids(item))
        else:
            found.append(item.id())
    return found


def clean(text):
    return text.replace(root, "<root>")


proj = os.path.join(root, "proj")
loader = unittest.TestLoader()
suite = loader.discover(proj)
print([clean(i) for i in ids(suite)])
print(len(list(suite)))
for err in loader.errors:
    print("error:", clean(err.splitlines()[0]), "|", err.splitlines()[-1])
r = unittest.TestResult()
suite.run(r)
print(r.testsRun, [(t.id(), why) for t, why in r.skipped], len(r.errors))
print(sys.path[0] == proj)

loader = unittest.TestLoader()
print([clean(i) for i in ids(loader.discover(proj, pattern="*_one.py"))])
print([clean(i) for i in ids(loader.discover(os.path.join(proj, "pkg"), top_level_dir=proj))])
try:
    loader.discover(os.path.join(proj, "notpkg"), top_level_dir=proj)
except ImportError as e:
    print("ImportError:", clean(str(e)))
print([clean(i) for i in ids(loader.discover("pkg.deeper"))])
try:
    loader.discover("sys")
except TypeError as e:
    print("TypeError:", e)
try:
    loader.discover("no_such_package_at_all")
except ImportError as e:
    print("ImportError:", e)
