import unittest


class FromLoad(unittest.TestCase):
    def test_loaded(self):
        pass


def load_tests(loader, tests, pattern):
    print("load_tests got", tests.countTestCases(), "tests, pattern", pattern)
    tests.addTest(FromLoad("test_loaded"))
    return tests
