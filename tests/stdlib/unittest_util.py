# unittest.util: the repr shortening of "first != second" messages, safe
# reprs, and the list differences and element counts behind the asserts.
import random
from unittest import util

print(util._MAX_LENGTH, util._PLACEHOLDER_LEN, util._MIN_DIFF_LEN)
print(util._shorten("abcdefghijklmnopqrstuvwxyz", 3, 4))
print(util._shorten("abcdefghijklmnopqrstuvwxyz", 3, 14))
print(util._common_shorten_repr("a" * 50 + "b", "a" * 50 + "c"))
print(util._common_shorten_repr("a" * 100 + "b" + "d" * 80, "a" * 100 + "c"))
print(util._common_shorten_repr("a" * 10 + "b" + "d" * 80, "a" * 10 + "c"))
print(util._common_shorten_repr("x" * 200))
print(util._common_shorten_repr(list(range(40)), list(range(41))))
random.seed(5)
for _ in range(40):
    base = "".join(random.choice("ab") for _ in range(random.randint(0, 150)))
    values = [base[:random.randint(0, len(base))]
              + "".join(random.choice("abc") for _ in range(random.randint(0, 120)))
              for _ in range(random.randint(1, 3))]
    print(util._common_shorten_repr(*values))


class BadRepr:
    def __repr__(self):
        raise ValueError


print(util.safe_repr(BadRepr()).startswith("<__main__.BadRepr object at 0x"))
print(util.safe_repr("x" * 78, True))
print(util.safe_repr("x" * 77, True))
print(util.safe_repr("x" * 100))
print(util.strclass(BadRepr), util.strclass(util._Mismatch))

print(util.sorted_list_difference([1, 2, 2, 3, 5], [2, 3, 4, 4]))
print(util.sorted_list_difference([1, 1, 1, 5, 5], [2, 2, 6, 6, 7]))
print(util.sorted_list_difference([], [2, 2, 6]))
print(util.sorted_list_difference([3, 3], []))
expected, actual = [1, [2], [2], 3], [[2], 4]
missing, unexpected = util.unorderable_list_difference(expected, actual)
print(missing, unexpected, expected, actual, unexpected is actual)
print([util.three_way_cmp(x, y) for x, y in [(1, 2), (2, 2), (3, 2), ("b", "a")]])
print(util._count_diff_all_purpose([1, 1, [2], 3], [1, [2], [2], 4]))
print(util._count_diff_hashable([1, 1, 2, 3], [1, 2, 2, 4]))
print(util._count_diff_all_purpose([3, 1, 1], [4, 1, 4, 3, 3, 5]))
print(util._count_diff_hashable([3, 1, 1], [4, 1, 4, 3, 3, 5]))
print(util._count_diff_hashable("abc", "abc"), util._count_diff_all_purpose([], []))
m = util._Mismatch(1, 2, "v")
print(m, m.actual, m.expected, m.value)
