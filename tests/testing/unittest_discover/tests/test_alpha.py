import unittest


class AlphaTest(unittest.TestCase):
    def test_one(self):
        self.assertTrue(True)

    def test_two(self):
        self.assertIn("a", "alpha")


def load_helpers():
    return "not a test"
