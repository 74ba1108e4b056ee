import unittest


class Numbers(unittest.TestCase):
    def test_add(self):
        self.assertEqual(2 + 2, 4)

    def test_sub(self):
        self.assertEqual(5 - 3, 1)


class Strings(unittest.TestCase):
    def test_upper(self):
        self.assertEqual("a".upper(), "A")
