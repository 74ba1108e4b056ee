import unittest


def setUpModule():
    print("setUpModule b")


def tearDownModule():
    print("tearDownModule b")
    raise RuntimeError("tearDownModule b broke")


class B1(unittest.TestCase):
    @classmethod
    def tearDownClass(cls):
        print("tearDownClass B1")

    def test_one(self):
        print("B1.test_one")


class B2(unittest.TestCase):
    def test_two(self):
        print("B2.test_two")
