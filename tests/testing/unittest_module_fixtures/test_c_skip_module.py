import unittest


def setUpModule():
    raise unittest.SkipTest("module c not today")


class C(unittest.TestCase):
    def test_c(self):
        print("never")
