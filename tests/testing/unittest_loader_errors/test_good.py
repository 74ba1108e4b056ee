import unittest


class Good(unittest.TestCase):
    def test_fine(self):
        pass

    @staticmethod
    def test_static():
        print("static test called")


def make_suite():
    return unittest.TestSuite([Good("test_fine")])


def make_case():
    return Good("test_fine")
