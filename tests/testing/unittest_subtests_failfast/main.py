# Subtests: failures and errors reported one by one, nested params, failfast.
import unittest


class Sub(unittest.TestCase):
    def test_params(self):
        for i in range(5):
            with self.subTest(i=i, even=i % 2 == 0):
                self.assertLess(i, 3)

    def test_message(self):
        with self.subTest("first"):
            self.assertEqual(1, 1)
        with self.subTest("second", value=[1, 2]):
            raise KeyError("boom")
        with self.subTest():
            self.fail("bare")

    def test_nested(self):
        with self.subTest(outer=1):
            with self.subTest(inner=2):
                self.assertEqual("a", "b")
            with self.subTest(outer=3):
                self.assertTrue(False)

    def test_all_pass(self):
        for c in "abc":
            with self.subTest(c=c):
                self.assertTrue(c.isalpha())

    def test_after_subtests(self):
        with self.subTest(x=1):
            self.assertEqual(1, 2)
        self.assertEqual(3, 4)


if __name__ == "__main__":
    unittest.main()
