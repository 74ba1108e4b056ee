import unittest


class Alpha(unittest.TestCase):
    def test_alpha(self):
        pass

    def test_beta(self):
        pass
