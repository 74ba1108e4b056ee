import unittest


def bad_cleanup():
    raise ArithmeticError("module cleanup e broke")


def setUpModule():
    unittest.addModuleCleanup(bad_cleanup)
    unittest.addModuleCleanup(print, "module cleanup e")


def tearDownModule():
    print("tearDownModule e")


class E(unittest.TestCase):
    def test_e(self):
        print("E.test_e")
