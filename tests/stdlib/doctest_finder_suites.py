# DocTestFinder over a module (functions, classes, methods, static and class
# methods, properties, nested classes, __test__, imported names, wrapped
# functions, line numbers), testmod, testfile, run_docstring_examples,
# DocTestSuite/DocFileSuite as unittest cases and their failure reports,
# set_unittest_reportflags, DocTestCase.debug, testsource. The files are
# written to a temporary folder, shown as TMP.
import doctest
import io
import os
import re
import sys
import tempfile
import unittest

TMP = tempfile.mkdtemp()
os.makedirs(os.path.join(TMP, "pkg"))
MODULE = '''"""Module doc.

>>> 1 + 1
2
"""
import functools


def f(x):
    """
    >>> f(2)
    4
    """
    return x * 2


def g():
    """Bad.

    >>> g()
    1
    """
    return 2


def h():
    return 1


class C:
    """Class.

    >>> C().m()
    'm'
    """

    def m(self):
        """>>> C().m()
        'm'
        """
        return "m"

    @staticmethod
    def s():
        """
        >>> C.s()
        's'
        """
        return "s"

    @classmethod
    def c(cls):
        """
        >>> C.c()
        'c'
        """
        return "c"

    @property
    def p(self):
        """
        >>> C().p
        'p'
        """
        return "p"

    class Inner:
        """
        >>> 5
        5
        """

    def nodoc(self):
        pass


@functools.wraps(f)
def wrapped(x):
    return f(x)

from os.path import join

__test__ = {"extra": ">>> 2\\n2\\n", "func": h, "cls": C.Inner}
'''
FILES = {
    "pkg/__init__.py": "",
    "pkg/mod.py": MODULE,
    "doc1.txt": "Text\n\n>>> 1 + 1\n2\n>>> x\n3\n",
    "doc2.txt": "Fine\n\n>>> y\n5\n",
    "doc3.txt": ">>> 1\n2\n>>> 3\n4\n",
    "caller.py": "import doctest\ndef suite(*paths, **kw):\n    return doctest.DocFileSuite(*paths, **kw)\n"
                 "def single(path, **kw):\n    return doctest.DocFileTest(path, **kw)\n"
                 "def check(path, **kw):\n    return doctest.testfile(path, **kw)\n",
}
for name, text in FILES.items():
    with open(os.path.join(TMP, name), "w") as handle:
        handle.write(text)
sys.path.insert(0, TMP)


def clean(text):
    text = text.replace(TMP, "TMP")
    text = re.sub(r"Ran (\d+) tests? in .*", r"Ran \1 tests", text)
    kept = []
    skipping_source = False
    for line in text.splitlines():
        if 'doctest.py"' in line or "<frozen doctest>" in line:
            skipping_source = True
            continue
        if skipping_source and line.strip().startswith(("exec(compile(", "raise self.failureException")):
            skipping_source = False
            continue
        skipping_source = False
        if line.strip() and not line.strip(" ~^"):
            continue
        kept.append(line)
    return "\n".join(kept)


def captured(action):
    real, sys.stdout = sys.stdout, io.StringIO()
    try:
        result = action()
    finally:
        text, sys.stdout = sys.stdout.getvalue(), real
    print(clean(text))
    return result


import pkg.mod as m

for t in doctest.DocTestFinder().find(m):
    print(t.name, t.filename.replace(TMP, "TMP"), t.lineno, len(t.examples),
          sorted(k for k in t.globs if not k.startswith("__")), t.globs["__name__"])
for t in doctest.DocTestFinder(exclude_empty=False).find(m):
    print(t.name, t.lineno, len(t.examples), repr(t.docstring[:10]))
for t in doctest.DocTestFinder(recurse=False).find(m.C):
    print(t.name, t.lineno, len(t.examples))
for t in doctest.DocTestFinder().find(m.f, "ff", globs={"a": 1}, extraglobs={"b": 2}):
    print(t.name, t.lineno, sorted(t.globs))
for t in doctest.DocTestFinder().find(m.f, "ff", module=False):
    print(t.name, t.lineno, t.filename)
captured(lambda: print([t.name for t in doctest.DocTestFinder(verbose=True).find(m.C, "C")]))
try:
    doctest.DocTestFinder().find(3)
except ValueError as e:
    print(e)
print(str(doctest.DocTestFinder().find(">>> 1\n1\n", "s", module=m)[0]).replace(TMP, "TMP"))
m.__test__[5] = "x"
try:
    doctest.DocTestFinder().find(m)
except ValueError as e:
    print(e)
del m.__test__[5]
m.__test__["bad"] = 5
try:
    doctest.DocTestFinder().find(m)
except ValueError as e:
    print(e)
del m.__test__["bad"]

# testmod and friends.
print(captured(lambda: doctest.testmod(m)))
print(captured(lambda: doctest.testmod(m, name="other", report=False, verbose=False)))
print(captured(lambda: doctest.testmod(m, exclude_empty=True, verbose=True, optionflags=doctest.SKIP)))
print(captured(lambda: doctest.testmod(m, extraglobs={"g": lambda: 1})))
try:
    doctest.testmod(m, raise_on_error=True)
except doctest.DocTestFailure as e:
    print("DocTestFailure", e.test.name, repr(e.got))
print(doctest.master is not None)
print(captured(lambda: doctest.master.summarize(False)))
print(captured(lambda: doctest.run_docstring_examples(m.g, {}, name="gg")))
print(captured(lambda: doctest.run_docstring_examples(m.g, {"g": m.g}, verbose=True)))
try:
    doctest.testmod(3)
except TypeError as e:
    print(e)

# testfile: module-relative paths are found from the calling module.
import caller
print(captured(lambda: caller.check("doc1.txt")))
print(captured(lambda: caller.check("doc2.txt", globs={"y": 5}, verbose=True, name="two")))
print(captured(lambda: caller.check("doc2.txt", extraglobs={"y": 5}, report=False)))
print(captured(lambda: doctest.testfile(os.path.join(TMP, "doc3.txt"), module_relative=False,
                                        optionflags=doctest.REPORT_ONLY_FIRST_FAILURE)))
print(captured(lambda: caller.check("doc3.txt", package="pkg", module_relative=True) if False else
               caller.check("doc2.txt", globs={"y": 5})))
for bad in [lambda: caller.check("/abs/x.txt"), lambda: caller.check("doc1.txt", module_relative=False, package="x")]:
    try:
        bad()
    except ValueError as e:
        print(e)


# unittest integration.
def run_suite(suite):
    stream = io.StringIO()
    result = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
    print(clean(stream.getvalue()))
    return result


suite = doctest.DocTestSuite(m)
print(suite.countTestCases(), [str(t) for t in suite], [t.id() for t in suite][:3],
      repr(list(suite)[0]), [t.shortDescription() for t in suite][:3])
print(run_suite(suite))
print(run_suite(suite).testsRun)
print(doctest.DocTestSuite("pkg.mod").countTestCases())
import types
empty = types.ModuleType("nodocs")
empty.__file__ = "nodocs.py"
print(doctest.DocTestSuite(empty).countTestCases())
try:
    doctest.DocTestSuite(42)
except TypeError as e:
    print(e)


def up(t):
    t.globs["x"] = 3
    print("setUp", t.name)


def down(t):
    print("tearDown", t.name, sorted(k for k in t.globs if k != "__builtins__"))


files = caller.suite("doc1.txt", "doc2.txt", setUp=up, tearDown=down, globs={"y": 5})
print(files.countTestCases(), [str(t).replace(TMP, "TMP") for t in files], [t.id() for t in files],
      [t.shortDescription() for t in files])
captured(lambda: run_suite(files))
print(doctest.set_unittest_reportflags(doctest.REPORT_ONLY_FIRST_FAILURE))
run_suite(caller.suite("doc3.txt"))
run_suite(caller.suite("doc3.txt", optionflags=doctest.REPORT_NDIFF))
print(doctest.set_unittest_reportflags(0))
try:
    doctest.set_unittest_reportflags(doctest.ELLIPSIS)
except ValueError as e:
    print("ValueError", e.args)
run_suite(unittest.TestSuite([caller.single("doc3.txt")]))
try:
    caller.suite("/abs/x.txt")
except ValueError as e:
    print(e)

test = doctest.DocTestParser().get_doctest(">>> 1\n2\n", {}, "a.b.c", None, None)
case = doctest.DocTestCase(test)
print(str(case), case.id(), repr(case), case == doctest.DocTestCase(test),
      case == doctest.DocTestCase(test, optionflags=doctest.ELLIPSIS),
      hash(case) == hash(doctest.DocTestCase(test)))
run_suite(unittest.TestSuite([case]))
try:
    case.debug()
except doctest.DocTestFailure as e:
    print("DocTestFailure", e.test.name, repr(e.example.source), repr(e.got), str(e))
test = doctest.DocTestParser().get_doctest(">>> raise KeyError(1)\n", {}, "a.b.c", "f.py", 3)
try:
    doctest.DocTestCase(test).debug()
except doctest.UnexpectedException as e:
    print("UnexpectedException", e.test.name, repr(e.example.source), e.exc_info[0].__name__, str(e))
print(doctest.DocTestCase(doctest.DocTestParser().get_doctest(">>> 1\n1\n", {}, "ok", "f.py", 3)).debug())

# testsource and script_from_examples of a found docstring.
print(doctest.testsource(m, "pkg.mod.C"))
print(doctest.testsource("pkg.mod", "pkg.mod.__test__.extra"))
try:
    doctest.testsource(m, "nope")
except ValueError as e:
    print(e.args)
