# test.support, the helpers CPython's own test files import, used as those
# files use them.
import os
import sys
import unittest
import warnings
from test import support
from test.support import import_helper, os_helper, warnings_helper, script_helper
from test.support import threading_helper

with support.captured_stdout() as out:
    print("hidden")
print("captured:", repr(out.getvalue()))

with support.captured_stderr() as err:
    print("to stderr", file=sys.stderr)
print("captured err:", repr(err.getvalue()))


class Box:
    size = 1


with support.swap_attr(Box, "size", 5) as old:
    print("swapped", Box.size, "old", old)
print("restored", Box.size)
with support.swap_attr(Box, "colour", "red") as old:
    print("new attribute", Box.colour, old)
print("removed", hasattr(Box, "colour"))

d = {"a": 1}
with support.swap_item(d, "b", 2) as old:
    print("item", d, old)
print("item restored", d)

print(support.ALWAYS_EQ == 1, support.ALWAYS_EQ != 1, support.NEVER_EQ == support.NEVER_EQ)
print(support.LARGEST > 10**100, support.SMALLEST < -10**100, support.LARGEST == support.LARGEST)
print(support.sortdict({"b": 2, "a": 1, "c": [3]}))
print(support.check_impl_detail(cpython=True) == (sys.implementation.name == "cpython"))
print(support.is_resource_enabled("network"), support.verbose >= 0)

with warnings_helper.check_warnings(("spam", UserWarning)) as w:
    warnings.warn("spam and eggs", UserWarning)
print("warning caught:", w.message, w.category.__name__)
try:
    with warnings_helper.check_warnings(("spam", UserWarning), quiet=False):
        pass
except AssertionError as e:
    print("AssertionError:", e)

print(import_helper.import_module("json").__name__)
try:
    import_helper.import_module("no_such_module_here")
except unittest.SkipTest as e:
    print("SkipTest:", e)

start = os.getcwd()
with os_helper.temp_cwd() as cwd:
    print("in temp cwd:", os.getcwd() == cwd, os.path.basename(cwd))
    os_helper.create_empty_file(os_helper.TESTFN)
    print("made:", os.path.exists(os_helper.TESTFN))
    os_helper.unlink(os_helper.TESTFN)
    os_helper.unlink(os_helper.TESTFN)
    print("gone:", os.path.exists(os_helper.TESTFN))
print("back:", os.getcwd() == start)
print(os_helper.TESTFN.startswith("@test_"), repr(os_helper.FakePath("x")), os.fspath(os_helper.FakePath("y")))

with os_helper.EnvironmentVarGuard() as env:
    env["TOWEL_SUPPORT_PROBE"] = "1"
    env.unset("HOME")
    print("guarded:", os.environ.get("TOWEL_SUPPORT_PROBE"), "HOME" in os.environ)
print("unguarded:", os.environ.get("TOWEL_SUPPORT_PROBE"), "HOME" in os.environ)

rc, out, err = script_helper.assert_python_ok("-c", "print(6 * 7)")
print("child:", rc, out.strip())
rc, out, err = script_helper.assert_python_failure("-c", "raise SystemExit(3)")
print("child failure:", rc)


class Sample(unittest.TestCase):
    @support.cpython_only
    def test_details(self):
        pass

    def test_syntax(self):
        support.check_syntax_error(self, "x = = 1", "invalid syntax", lineno=1)

    def test_patch(self):
        support.patch(self, Box, "size", 9)
        self.assertEqual(Box.size, 9)

    @support.requires_resource("cpu")
    def test_resource(self):
        pass


result = unittest.TestResult()
unittest.defaultTestLoader.loadTestsFromTestCase(Sample).run(result)
print("ran", result.testsRun, "failures", len(result.failures), "errors", len(result.errors))
print("after patch:", Box.size)

with threading_helper.catch_threading_exception() as caught:
    import threading

    def boom():
        raise ValueError("in thread")

    t = threading.Thread(target=boom)
    t.start()
    t.join()
    print("thread exception:", caught.exc_type.__name__, caught.exc_value)
