# Sequence patterns: lists, tuples and ranges match; str, bytes, bytearray,
# dicts, sets and iterators do not.


def shape(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one: {x!r}"
        case [x, y]:
            return f"two: {x!r}, {y!r}"
        case [first, *middle, last]:
            return f"first {first!r}, middle {middle!r}, last {last!r}"
        case _:
            return "not a sequence"


for v in [[], (), [1], (1,), [1, 2], (1, 2), [1, 2, 3], (1, 2, 3, 4), range(3), range(0),
          "ab", "a", b"ab", bytearray(b"ab"), {1: 2}, {1, 2}, iter([1, 2]), 12]:
    label = "an iterator" if type(v).__name__ == "list_iterator" else repr(v)
    print(type(v).__name__, label, "->", shape(v))

# Star patterns in every position; `*_` skips without building a list.
for v in [[1, 2, 3, 4, 5], [1, 2], (9,)]:
    match v:
        case [*head, 4, 5]:
            print("ends with 4, 5 after", head)
        case [1, *_, 2]:
            print("1 ... 2")
        case [*_, last]:
            print("last is", last)

match (1, (2, 3), [4, [5, 6]]):
    case (a, (b, c), [d, [e, f]]):
        print("nested:", a, b, c, d, e, f)

# Open sequences at the top level, and parenthesized forms.
match 1, 2, 3:
    case a, *rest:
        print("open sequence:", a, rest)
match [1, 2]:
    case (1, 2):
        print("a list matches a tuple pattern")
match (3, 4):
    case [3, 4]:
        print("a tuple matches a list pattern")
match [[1, 2], [3]]:
    case [[*xs], [*ys]]:
        print("nested stars:", xs, ys, type(xs).__name__)

# The star capture is always a list, even from a tuple or a range.
match range(10):
    case [0, 1, *rest]:
        print("range rest:", rest, type(rest).__name__)
match (1, 2, 3):
    case (_, *rest):
        print("tuple rest:", rest)


class LooksLikeAList:
    def __len__(self):
        return 2

    def __getitem__(self, i):
        return [10, 20][i]


match LooksLikeAList():
    case [a, b]:
        print("duck-typed sequence matched:", a, b)
    case _:
        print("a class with __getitem__ is not a sequence")

# Length is checked before items are looked at.




match [0, 1, 2]:
    case [0, 1]:
        print("wrong length matched")
    case [0, 1, 2, *_]:
        print("long enough")
