# The failure message of every assert method, with and without msg and
# longMessage, including the diffs of the container and string compares.
import collections
import unittest
import warnings


class T(unittest.TestCase):
    def runTest(self):
        pass


t = T()


def check(name, *args, **kwargs):
    try:
        getattr(t, name)(*args, **kwargs)
    except t.failureException as e:
        print(f"{name}: {e}")
    except Exception as e:
        print(f"{name} raised {type(e).__name__}: {e}")
    else:
        print(f"{name}: passed")


check("assertEqual", 1, 2)
check("assertEqual", 1, 1.0)
check("assertEqual", 1, 2, "numbers")
check("assertEqual", 1, 2, msg=3)
check("assertNotEqual", 1, 1)
check("assertNotEqual", "a", "a", "msg")
check("assertTrue", 0)
check("assertTrue", "", "why")
check("assertFalse", [1])
check("assertIs", 1, None)
check("assertIsNot", None, None)
check("assertIsNone", [1, 2])
check("assertIsNotNone", None)
check("assertIn", 4, [1, 2, 3])
check("assertIn", "x" * 100, "y" * 100)
check("assertNotIn", 1, {1: 2})
check("assertIsInstance", 1, str)
check("assertIsInstance", 1, (str, bytes))
check("assertNotIsInstance", 1, int)
check("assertNotIsInstance", 1, (str, int))
check("assertLess", 3, 2)
check("assertLessEqual", 3, 2)
check("assertGreater", 1, 2)
check("assertGreaterEqual", 1, 2)
check("assertLess", "b" * 100, "a" * 100)
check("assertAlmostEqual", 1.0, 1.1)
check("assertAlmostEqual", 1.0, 1.1, places=2)
check("assertAlmostEqual", 1, 1.00000001)
check("assertAlmostEqual", 10, 13, delta=2)
check("assertAlmostEqual", 10, 13, delta=2, places=2)
check("assertAlmostEqual", 1.5, 1.5, places=2, delta=0.1)
check("assertAlmostEqual", float("inf"), float("inf"))
check("assertAlmostEqual", float("nan"), float("nan"))
check("assertAlmostEqual", "a", "b")
check("assertAlmostEqual", 1, 1 + 1e-7, 7)
check("assertNotAlmostEqual", 1.0, 1.00000001)
check("assertNotAlmostEqual", 1.0, 1.0)
check("assertNotAlmostEqual", 1.0, 1.05, delta=0.1)
check("assertNotAlmostEqual", 1.0, 1.05, places=1)
check("assertNotAlmostEqual", 1.0, 1.05, delta=0.1, places=1)
check("assertNotAlmostEqual", 1.0, 2.0, delta=0.1)
check("assertNotAlmostEqual", "a", "b")
check("assertRegex", "hello", "^x")
check("assertRegex", "hello", "")
check("assertRegex", b"hello", b"z")
check("assertNotRegex", "hello", "l+")
check("assertNotRegex", "hello", "ell", "mine")
check("assertCountEqual", [1, 1, 2], [1, 2, 2, 3])
check("assertCountEqual", [[1], [2]], [[1], [1]])
check("assertCountEqual", "abc", "cba")
check("assertCountEqual", [1, "a", [3]], [1, "a", [4]])
check("assertCountEqual", iter([1, 2]), (2, 1))
check("assertSetEqual", {1, 2}, {2, 3})
check("assertSetEqual", {1, 2}, {1, 2, 3})
check("assertSetEqual", {1, 2, 4}, {1})
check("assertSetEqual", frozenset({1}), {1})
check("assertSetEqual", [1], {1})
check("assertSetEqual", {1}, [1])
check("assertSetEqual", {1}, {2}, "sets")
check("assertEqual", {1, 2}, frozenset({2, 3}))
check("assertEqual", frozenset({1, 2}), frozenset({2, 3}))
check("assertEqual", [1, 2, 3, 4], [1, 2, 5, 4, 6])
check("assertEqual", [1, 2], [1, 2, 3])
check("assertEqual", [1, 2, 3], [1, 2])
check("assertEqual", [1, 2, 3, 4], [1, 2])
check("assertEqual", [], [0])
check("assertEqual", (1, "a"), (1, "b", None))
check("assertEqual", (1,), [1])
check("assertEqual", list(range(30)), list(range(1, 31)))
check("assertEqual", {"a": 1, "b": [1, 2]}, {"a": 1, "b": [1, 3], "c": 0})
check("assertEqual", {i: "v" * i for i in range(12)}, {i: "v" * (i % 7) for i in range(12)})
check("assertEqual", collections.OrderedDict(a=1), {"a": 2})
check("assertEqual", "hello world", "hello there")
check("assertEqual", "alpha\nbeta\ngamma\n", "alpha\nbeta!\ngamma\ndelta\n")
check("assertEqual", "one\ntwo", "one\ntwo\n")
check("assertEqual", "one", "one\n")
check("assertEqual", "", "x")
check("assertEqual", "x" * 100 + "a", "x" * 100 + "b")
check("assertEqual", "abc", b"abc")
check("assertEqual", "a\n" * 100, "a\n" * 99 + "b\n")
check("assertMultiLineEqual", "a", "b", "strings")
check("assertMultiLineEqual", 1, "a")
check("assertMultiLineEqual", "a", 1)
check("assertSequenceEqual", "abc", ["a", "b"])
check("assertSequenceEqual", "abc", "abd")
check("assertSequenceEqual", [1, 2], (1, 3))
check("assertSequenceEqual", [1, 2], (1, 3), seq_type=list)
check("assertSequenceEqual", [1, 2], [1, 3], seq_type=tuple)
check("assertSequenceEqual", 1, [1])
check("assertSequenceEqual", [1], 5)
check("assertSequenceEqual", [1, 2], [1, 2], "ok")
check("assertSequenceEqual", [1, [2]], [1, [3]])
check("assertListEqual", (1,), [1])
check("assertListEqual", [1], (1,))
check("assertListEqual", [1, 2], [2, 1], "lists")
check("assertTupleEqual", (1, 2), (1, 3))
check("assertTupleEqual", [1], (1,))
check("assertDictEqual", [], {})
check("assertDictEqual", {}, [])
check("assertDictEqual", {1: 2}, {1: 3}, "dicts")
check("assertDictEqual", {"k" * 50: 1}, {"k" * 50: 2, "x": 3})
check("assertSetEqual", set(), set())
check("assertEqual", [1, 2], [1, 2])


class Unrepr:
    def __repr__(self):
        return "Unrepr()"

    def __eq__(self, other):
        return False

    __hash__ = None


check("assertEqual", [Unrepr()], [Unrepr()])
check("assertEqual", Unrepr(), Unrepr())
check("assertIn", 1, 2)
check("assertIsInstance", 1, 2)

# longMessage off: msg replaces the standard message; on: appended.
t.longMessage = False
check("assertEqual", 1, 2, "only this")
check("assertEqual", 1, 2)
check("assertEqual", [1], [2], "only this")
check("assertIn", 1, [], "only this")
check("assertTrue", 0, "only this")
t.longMessage = True

# maxDiff
t.maxDiff = 20
check("assertEqual", list(range(10)), list(range(11)))
check("assertEqual", "a\nb\nc\n", "a\nB\nc\n")
check("assertEqual", {1: 2}, {1: 3})
t.maxDiff = None
check("assertEqual", list(range(100)), list(range(1, 101)))
t.maxDiff = 0
check("assertEqual", [1], [2])
t.maxDiff = 80 * 8
print(t.maxDiff, T.longMessage, T.failureException, t._diffThreshold)

# Type equality functions
class Point:
    def __init__(self, x):
        self.x = x

    def __eq__(self, other):
        return False

    def __repr__(self):
        return f"Point({self.x})"


def point_eq(first, second, msg=None):
    print("point_eq called", first, second, msg)
    raise t.failureException(f"points {first.x} and {second.x}")


t.addTypeEqualityFunc(Point, point_eq)
check("assertEqual", Point(1), Point(2))
check("assertEqual", Point(1), 5)
t.addTypeEqualityFunc(Point, "assertListEqual")
check("assertEqual", Point(1), Point(2))


class MyList(list):
    pass


check("assertEqual", MyList([1]), MyList([2]))
check("assertEqual", MyList([1]), [2])
check("assertEqual", [1], MyList([2]))

# fail / skipTest
check("fail")
check("fail", "text")
check("fail", 3)
try:
    t.skipTest("why")
except unittest.SkipTest as e:
    print("skipTest:", repr(e))

# Deprecated aliases warn and work
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for alias in ["assertEquals", "failUnlessEqual", "assertNotEquals", "failIfEqual",
                  "assertAlmostEquals", "failUnlessAlmostEqual", "assertNotAlmostEquals",
                  "failIfAlmostEqual", "failUnless", "assert_", "failIf", "assertRegexpMatches",
                  "assertNotRegexpMatches"]:
        args = {"failUnless": (0,), "assert_": (0,), "failIf": (1,),
                "assertRegexpMatches": ("a", "b"), "assertNotRegexpMatches": ("a", "a")}.get(alias, (1, 1) if "Not" in alias or "If" in alias else (1, 2))
        check(alias, *args)
    check("failUnlessRaises", KeyError, dict)
    check("assertRaisesRegexp", KeyError, "x", dict)
    check("assertDictContainsSubset", {"a": 1}, {"a": 1, "b": 2})
    check("assertDictContainsSubset", {"a": 1, "c": 3}, {"a": 2, "b": 2})
    check("assertDictContainsSubset", {"a": 1}, {"a": 2})
    check("assertDictContainsSubset", {"c": 1, "d": 2}, {"a": 2}, "subset")
for w in caught:
    print(w.category.__name__, w.message)
print(T.assertEquals.__name__, T.failIf.__name__)
