# functools' decorators and helpers: total_ordering from each root,
# cmp_to_key, lru_cache arguments, cached_property naming, singledispatch
# resolution (ABCs, unions, ambiguity) and singledispatchmethod.
import functools
from collections.abc import Sized, Iterable, Sequence, MutableSequence, Mapping
from functools import total_ordering, cmp_to_key, lru_cache, cache, cached_property, singledispatch, singledispatchmethod, wraps

for root in ("__lt__", "__le__", "__gt__", "__ge__"):
    def root_method(self, other, _root=root):
        if not isinstance(other, Box):
            return NotImplemented
        return getattr(self.v, _root)(other.v)
    Box = type("Box", (), {
        "__init__": lambda self, v: setattr(self, "v", v),
        root: root_method,
        "__eq__": lambda self, other: isinstance(other, Box) and self.v == other.v,
    })
    total_ordering(Box)
    table = []
    for a, b in ((1, 2), (2, 2), (3, 2)):
        x, y = Box(a), Box(b)
        table.append((x < y, x <= y, x > y, x >= y))
    print(root, table)
    for name in ("__lt__", "__le__", "__gt__", "__ge__"):
        method = getattr(Box, name)
        if name != root:
            print(" ", name, method.__name__, method.__doc__)
    try:
        Box(1) < 5
    except TypeError as e:
        print("  TypeError:", e)
    print("  NotImplemented passes:", Box.__gt__(Box(1), 5) if root != "__gt__" else Box.__lt__(Box(1), 5))

class Truthy:
    """__lt__ returning a non-bool: `or` forms hand it back as is."""
    def __init__(self, v): self.v = v
    def __lt__(self, other): return "yes" if self.v < other.v else ""
    def __eq__(self, other): return self.v == other.v
total_ordering(Truthy)
print(repr(Truthy(1) <= Truthy(2)), repr(Truthy(2) <= Truthy(2)), repr(Truthy(3) >= Truthy(2)))

@total_ordering
class Base:
    def __init__(self, v): self.v = v
    def __lt__(self, other): return self.v < other.v
class Reverse(Base):
    def __lt__(self, other): return self.v > other.v
print("subclass root honoured:", Reverse(1) > Reverse(2), Base(1) > Base(2))

try:
    total_ordering(type("Bare", (), {}))
except ValueError as e:
    print("ValueError:", e)

# cmp_to_key
def by_length_then_text(a, b):
    return (len(a) > len(b)) - (len(a) < len(b)) or (a > b) - (a < b)
words = ["pear", "fig", "banana", "kiwi", "apple", "date"]
print(sorted(words, key=cmp_to_key(by_length_then_text)))
print(sorted(words, key=cmp_to_key(by_length_then_text), reverse=True))
K = cmp_to_key(lambda a, b: a - b)
print(K(3).obj, K(1) < K(2), K(2) <= K(2), K(3) > K(2), K(2) >= K(3), K(2) == K(2), K(2) != K(2))
print(min([5, 3, 9], key=K), max([5, 3, 9], key=K))
for bad in (lambda: K(1) < 3,):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

# lru_cache arguments
calls = []
@lru_cache
def square(n):
    calls.append(n)
    return n * n
print(square(3), square(3), square(4), calls, square.cache_info(), square.cache_parameters())
square.cache_clear(); print(square.cache_info())
print(square.__name__, square.__wrapped__(5))
@lru_cache(maxsize=-3)
def never(n): return n
print(never(1), never(1), never.cache_info(), never.cache_parameters())
@lru_cache(None, typed=True)
def typed_f(x): return type(x).__name__
print(typed_f(1), typed_f(1.0), typed_f(1), typed_f.cache_info(), typed_f.cache_parameters())
@cache
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.cache_info(), fib.cache_parameters())
try:
    lru_cache("big")
except TypeError as e:
    print("TypeError:", e)
p = lru_cache(maxsize=2)
print(callable(p), lru_cache(True)(abs).cache_parameters())

# wraps
def deco(f):
    @wraps(f)
    def inner(*a): return f(*a)
    return inner
@deco
def documented(x: int) -> int:
    "Doubles."
    return 2 * x
print(documented.__name__, documented.__doc__, documented.__annotations__, documented.__wrapped__.__name__, documented(4))

# cached_property
class Lazy:
    def __init__(self): self.runs = 0
    @cached_property
    def value(self):
        "the value"
        self.runs += 1
        return 42
lz = Lazy()
print(lz.value, lz.value, lz.runs, "value" in vars(lz), Lazy.value.__doc__, Lazy.value.attrname)
del lz.value
print(lz.value, lz.runs)
cp = cached_property(lambda self: 1)
cp.__set_name__(Lazy, "a")
cp.__set_name__(Lazy, "a")
try:
    cp.__set_name__(Lazy, "b")
except TypeError as e:
    print("TypeError:", e)
# singledispatch
@singledispatch
def describe(x):
    "Describe x."
    return "object"
@describe.register
def _(x: int):
    return "int"
@describe.register(list)
def _(x):
    return "list"
describe.register(float, lambda x: "float")
@describe.register
def _(x: bytes | bytearray):
    return "binary"
@describe.register(Mapping)
def _(x):
    return "mapping"
class MyList(list): pass
class MySeq(Sequence):
    def __getitem__(self, i): raise IndexError
    def __len__(self): return 0
print(describe(1), describe(True), describe(2.5), describe([1]), describe(MyList()), describe(b"x"), describe(bytearray()), describe({}), describe("s"), describe(MySeq()))
describe.register(Sequence, lambda x: "sequence")
print(describe((1,)), describe(MySeq()), describe([1]), describe("s"))
print(describe.__name__, describe.__doc__, type(describe.registry).__name__, describe.registry[object].__name__, describe.dispatch(bool) is describe.dispatch(int))
print(sorted(k.__name__ for k in describe.registry))
try:
    describe.registry[str] = None
except TypeError as e:
    print("TypeError:", e)
try:
    describe()
except TypeError as e:
    print("TypeError:", e)
for bad in (3, "x"):
    try:
        describe.register(bad)
    except TypeError as e:
        print("TypeError:", e)
    try:
        describe.register(bad, lambda x: 1)
    except TypeError as e:
        print("TypeError:", e)
try:
    @describe.register
    def _(x): pass
except TypeError as e:
    print("TypeError:", str(e).split(":")[0])
try:
    @describe.register
    def _(x: 3): pass
except TypeError as e:
    print("TypeError:", e)

@singledispatch
def which(x): return "base"
which.register(Sized, lambda x: "sized")
which.register(Iterable, lambda x: "iterable")
try:
    which([])
except RuntimeError as e:
    print("RuntimeError:", e)
which.register(list, lambda x: "list")
print(which([]), which(3))

class Registered: pass
@singledispatch
def late(x): return "base"
late.register(MutableSequence, lambda x: "mutable sequence")
print(late(Registered()))
MutableSequence.register(Registered)
print(late(Registered()))

@singledispatch
def hinted(x): return "base"
@hinted.register
def _(x: "int"):
    return "int from string hint"
print(hinted(1), hinted("a"))

class Shape:
    @singledispatchmethod
    def area(self, arg):
        return "generic"
    @area.register
    def _(self, arg: int):
        return f"int {arg}"
    @area.register(str)
    @classmethod
    def _(cls, arg):
        return f"class {cls.__name__} str {arg}"
    @area.register(float)
    @staticmethod
    def _(arg):
        return f"static float {arg}"
s = Shape()
print(s.area(3), s.area("x"), s.area(1.5), s.area(None), Shape.area.__name__, Shape().area.register is not None)
try:
    singledispatchmethod(3)
except TypeError as e:
    print("TypeError:", e)
