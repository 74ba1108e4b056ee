import unittest


class Words(unittest.TestCase):
    def test_split(self):
        self.assertEqual("a b".split(), ["a", "b"])
