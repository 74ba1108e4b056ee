# setUpModule fails: no test of the module runs, tearDownModule is not
# called, the module's cleanups are.
import unittest


def cleanup(what):
    print("module cleanup", what)


def broken_cleanup():
    raise KeyError("module cleanup a broke")


def setUpModule():
    print("setUpModule a")
    unittest.addModuleCleanup(cleanup, "a1")
    unittest.addModuleCleanup(broken_cleanup)
    raise ValueError("setUpModule a broke")


def tearDownModule():
    print("tearDownModule a (never)")


class A(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        print("setUpClass A (never)")

    def test_a(self):
        print("test_a (never)")
