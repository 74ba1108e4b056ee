import unittest


class Sub(unittest.TestCase):
    def test_sub(self):
        self.fail("sub fails")
