# Every assert method failing, with CPython's messages and diffs.
import unittest


class Asserts(unittest.TestCase):
    def test_equal_ints(self):
        self.assertEqual(1, 2)

    def test_equal_msg(self):
        self.assertEqual(1, 2, "numbers differ")

    def test_equal_short_message(self):
        self.longMessage = False
        self.assertEqual(1, 2, "only this")

    def test_equal_strings_one_line(self):
        self.assertEqual("hello world", "hello there")

    def test_equal_strings_lines(self):
        self.assertEqual("alpha\nbeta\ngamma\n", "alpha\nbeta!\ngamma\ndelta\n")

    def test_equal_long_strings(self):
        self.assertEqual("x" * 100 + "a", "x" * 100 + "b")

    def test_equal_lists(self):
        self.assertEqual([1, 2, 3, 4], [1, 2, 5, 4, 6])

    def test_equal_long_lists(self):
        self.assertEqual(list(range(30)), list(range(1, 31)))

    def test_equal_tuples(self):
        self.assertEqual((1, "a"), (1, "b", None))

    def test_equal_dicts(self):
        self.assertEqual({"a": 1, "b": [1, 2]}, {"a": 1, "b": [1, 3], "c": 0})

    def test_equal_big_dicts(self):
        self.assertEqual({i: "v" * i for i in range(12)}, {i: "v" * (i % 7) for i in range(12)})

    def test_equal_sets(self):
        self.assertEqual({1, 2}, {2, 3})

    def test_max_diff(self):
        self.maxDiff = 20
        self.assertEqual(list(range(10)), list(range(11)))

    def test_not_equal(self):
        self.assertNotEqual([1], [1])

    def test_true_false(self):
        self.assertTrue(0)

    def test_false(self):
        self.assertFalse([1])

    def test_is(self):
        self.assertIs([], None)

    def test_is_not(self):
        self.assertIsNot(None, None)

    def test_is_none(self):
        self.assertIsNone("value")

    def test_is_not_none(self):
        self.assertIsNotNone(None)

    def test_in(self):
        self.assertIn(4, [1, 2, 3])

    def test_not_in(self):
        self.assertNotIn("a", "abc")

    def test_isinstance(self):
        self.assertIsInstance(1, str)

    def test_not_isinstance(self):
        self.assertNotIsInstance(1, int)

    def test_almost(self):
        self.assertAlmostEqual(1.0, 1.1)

    def test_almost_delta(self):
        self.assertAlmostEqual(10, 13, delta=2)

    def test_not_almost(self):
        self.assertNotAlmostEqual(1.0, 1.00000001)

    def test_less(self):
        self.assertLess(3, 2)

    def test_less_equal(self):
        self.assertLessEqual(3, 2)

    def test_greater(self):
        self.assertGreater(1, 2)

    def test_greater_equal(self):
        self.assertGreaterEqual(1, 2)

    def test_count_equal(self):
        self.assertCountEqual([1, 1, 2], [1, 2, 2, 3])

    def test_count_equal_unhashable(self):
        self.assertCountEqual([[1], [2]], [[1], [1]])

    def test_sequence_equal(self):
        self.assertSequenceEqual("abc", ["a", "b"])

    def test_list_equal_type(self):
        self.assertListEqual((1,), [1])

    def test_dict_equal_type(self):
        self.assertDictEqual([], {})

    def test_multiline_type(self):
        self.assertMultiLineEqual(1, "a")

    def test_raises_not_raised(self):
        with self.assertRaises(ValueError):
            pass

    def test_raises_callable(self):
        self.assertRaises(KeyError, dict)

    def test_raises_msg(self):
        with self.assertRaises(ZeroDivisionError, msg="should divide by zero"):
            1 / 1

    def test_raises_wrong_type(self):
        with self.assertRaises(KeyError):
            raise ValueError("not a key error")

    def test_raises_tuple(self):
        with self.assertRaises((KeyError, IndexError)):
            pass

    def test_raises_ok(self):
        with self.assertRaises(ValueError) as cm:
            int("x")
        self.assertEqual(str(cm.exception), "wrong")

    def test_warns_not(self):
        with self.assertWarns(UserWarning):
            pass

    def test_warns_ok(self):
        import warnings
        with self.assertWarns(DeprecationWarning) as cm:
            warnings.warn("old", DeprecationWarning)
        self.assertEqual(str(cm.warning), "new")

    def test_fail(self):
        self.fail("explicit failure")

    def test_fail_none(self):
        self.fail()


if __name__ == "__main__":
    unittest.main()
