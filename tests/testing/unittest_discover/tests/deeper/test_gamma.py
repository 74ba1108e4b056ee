import unittest


class GammaTest(unittest.TestCase):
    def test_gamma(self):
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
