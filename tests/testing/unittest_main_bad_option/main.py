import unittest


class T(unittest.TestCase):
    def test_a(self):
        pass


if __name__ == "__main__":
    unittest.main()
