# Which traceback entries a report keeps: unittest's own frames are dropped
# at the start of every traceback in the chain, and after the test's
# frames for failures (the assert method's frames).
import unittest


def check_positive(case, n):
    case.assertGreater(n, 0)


def raise_from_helper():
    raise ValueError("from helper")


class Tracebacks(unittest.TestCase):
    def test_failure_in_helper(self):
        check_positive(self, -1)

    def test_error_in_helper(self):
        raise_from_helper()

    def test_failure_chained_to_error(self):
        try:
            raise_from_helper()
        except ValueError as e:
            self.fail("after an error")

    def test_failure_caused_by_failure(self):
        try:
            self.assertEqual("a", "b")
        except AssertionError as e:
            raise self.failureException("second") from e

    def test_assert_raises_wrong_type(self):
        with self.assertRaises(KeyError):
            raise_from_helper()

    def test_assert_raises_nothing(self):
        with self.assertRaises(KeyError):
            pass

    def test_exception_group(self):
        try:
            raise_from_helper()
        except ValueError as e:
            error = e
        raise ExceptionGroup("many", [error, KeyError("k")])

    def test_recursion(self):
        def down(n):
            if n == 0:
                self.fail("bottom")
            down(n - 1)
        down(30)

    def test_suppressed_context(self):
        try:
            {}["x"]
        except KeyError:
            raise ValueError("clean") from None

    def test_custom_failure_exception(self):
        class Special(Exception):
            pass
        self.failureException = Special
        raise Special("a failure, not an error")

    def test_long_message(self):
        self.longMessage = False
        self.assertEqual([1, 2], [1, 3], "my message")


if __name__ == "__main__":
    unittest.main()
