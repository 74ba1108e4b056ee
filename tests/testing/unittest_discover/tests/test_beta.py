import unittest


class BetaTest(unittest.TestCase):
    def test_fails(self):
        self.assertEqual({"b": 1}, {"b": 2})

    @unittest.skip("later")
    def test_skipped(self):
        pass
