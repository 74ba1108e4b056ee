# Wrong arguments to built-in functions get CPython's TypeError messages,
# whichever of CPython's argument parsers the function uses.

calls = [
    "print(1, bogus=2)", "print(sep=None, end=None, file=None, flush=False, x=1)",
    "sorted([], bogus=2)", "sorted()", "sorted([], [], [])", "sorted(iterable=[])",
    "sorted([], key=None, reverse=False, x=1)", "[].sort(1)", "[].sort(1, key=None)",
    "[].sort(key=None, x=1)", "len()", "len(1, 2)", "len(x=1)", "abs()", "hash()", "id(1, 2)",
    "repr()", "ascii()", "callable()", "chr()", "ord('a', 'b')", "hex()", "oct(1, 2)", "bin(x=1)",
    "any()", "all(x=1)", "aiter()", "divmod(1)", "divmod(1, 2, 3)", "divmod(x=1)",
    "pow(1)", "pow(1, 2, 3, 4)", "pow(2, base=3, exp=1)", "pow(base=2, exp=3, z=1)",
    "round(1.5, 2, 3)", "round(1.5, number=2)", "round(ndigits=2)",
    "max()", "max([1], x=1)", "min([], default=1, key=None, y=2)", "max([1], a=1, b=2, c=3)",
    "isinstance(1)", "issubclass(int)", "getattr(1)", "getattr(1, 2, 3, 4)",
    "getattr(1, 'a', x=1)", "setattr(1, 2)", "delattr(1)", "hasattr(1)",
    "iter()", "iter(x=1)", "next()", "anext()", "sum()", "sum([], 0, 1)",
    "sum([], start=1, x=1)", "enumerate([], start=1, x=2)", "enumerate(iterable=[], x=1)",
    "zip(strict=1, x=2)", "zip([], x=1)", "map()", "map(len)", "map(x=1)", "filter()",
    "filter(1)", "reversed()", "reversed(x=1)", "format()", "format(1, 2, 3)", "input(1, 2)",
]
for call in calls:
    try:
        eval(call)
        print(call, "-> no error")
    except TypeError as e:
        print(call, "->", e)

# Keywords that name parameters work.
print(pow(base=2, exp=10), round(number=2.567, ndigits=2), sum([1, 2], start=10))
print(sorted([3, 1, 2], reverse=True), sorted([3, 1, 2], key=lambda x: -x))
print(min([], default="empty"), max([1, 5, 3], key=lambda x: -x))
print(list(enumerate("ab", start=5)), list(zip("ab", "cd", strict=True)))
print(getattr(1, "nope", "fallback"), next(iter([]), "done"))

# The declared signatures are what __text_signature__ shows.
for f in (sorted, len, pow, print, divmod, getattr, sum, round, [].sort):
    print(f.__name__, f.__text_signature__)
