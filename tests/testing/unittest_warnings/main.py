# unittest.main shows the warnings a run raises, DeprecationWarning
# included, each once per place ("default").
import unittest
import warnings


class Warns(unittest.TestCase):
    def test_deprecation(self):
        for i in range(3):
            warnings.warn("old API", DeprecationWarning)

    def test_user_warning(self):
        for i in range(2):
            warnings.warn("careful")
        warnings.warn("careful")

    def test_error_filter_inside(self):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with self.assertRaises(UserWarning):
                warnings.warn("raised")


if __name__ == "__main__":
    unittest.main()
