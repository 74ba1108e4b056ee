# reprlib: Repr's limits, nesting levels and fill values on random nested
# values, repr_<type name> dispatch, the instance fallbacks, and
# recursive_repr's wrapper.
import array
import collections
import random
import reprlib

random.seed(4)


def value(depth=0):
    kind = random.randrange(12 if depth < 3 else 5)
    if kind == 0:
        return random.randint(-10 ** random.randint(1, 60), 10 ** random.randint(1, 60))
    if kind == 1:
        return "".join(random.choice("ab'\"\n\\é") for _ in range(random.randint(0, 50)))
    if kind == 2:
        return random.choice([1.5, -0.25, 1e300])
    if kind == 3:
        return None
    if kind == 4:
        return random.choice([len, type, ValueError("x" * random.randint(0, 40))])
    n = random.randint(0, 9)
    if kind == 5:
        return [value(depth + 1) for _ in range(n)]
    if kind == 6:
        return tuple(value(depth + 1) for _ in range(n))
    if kind == 7:
        return {random.choice([random.randint(0, 9), str(random.randint(0, 9))]): value(depth + 1)
                for _ in range(n)}
    if kind == 8:
        return set(random.randint(0, 20) for _ in range(n))
    if kind == 9:
        return frozenset(random.randint(0, 20) for _ in range(n))
    if kind == 10:
        return collections.deque(value(depth + 1) for _ in range(n))
    return array.array("i", [random.randint(0, 9) for _ in range(n)])


LIMITS = ["maxlevel", "maxtuple", "maxlist", "maxarray", "maxdict", "maxset", "maxfrozenset",
          "maxdeque", "maxstring", "maxlong", "maxother"]
for _ in range(150):
    v = value()
    r = reprlib.Repr()
    for attr in LIMITS:
        if random.random() < 0.3:
            setattr(r, attr, random.randint(0, 12))
    if random.random() < 0.2:
        r.fillvalue = random.choice(["", "..", "<->"])
    print(r.repr(v))

r = reprlib.Repr()
print(sorted(vars(r).items()))
print(r.repr1([1, [2]], 1), r.repr1([1, [2]], 0), r.repr1([], 0), r.repr1({1: 2}, 0), r.repr1({}, 0))
print(r.repr1((1,), 1), r.repr1((1,), 0), r.repr1({1}, 0), r.repr1({1: [2]}, 1))
print(r.repr({"b": 1, 2: "a"}), r.repr({"b": 1, "a": 2}), r.repr(frozenset({3, 1})))
print(r.repr(array.array("i")), r.repr(array.array("d", [1.5])), r.repr(collections.deque()))
print(r.repr(type), r.repr(len), r.repr(range(3)), r.repr(True), r.repr(10 ** 39), r.repr(10 ** 40))
r.maxstring = 3
print(r.repr("abcdef"), r.repr("ab"))
r.maxstring = 4
print(r.repr("abcdef"))
r.maxother = 5
print(r.repr(object()))


class Spaced:
    pass


Spaced.__name__ = "my  spaced type"
r.repr_my_spaced_type = lambda x, level: f"custom at level {level}"
print(r.repr(Spaced()), r.repr([Spaced()]))


class Unrepresentable:
    def __repr__(self):
        raise RuntimeError


print(reprlib.repr(Unrepresentable()).startswith("<Unrepresentable instance at 0x"))
try:
    reprlib.Repr(maxlist=3)
except TypeError as e:
    print(e)


def method(self):
    "doc"


method.__annotations__ = {"return": str}
wrapped = reprlib.recursive_repr()(method)
print(wrapped.__name__, wrapped.__qualname__, wrapped.__doc__, wrapped.__module__,
      wrapped.__annotations__, hasattr(wrapped, "__wrapped__"))


class Pair:
    def __init__(self):
        self.items = []

    @reprlib.recursive_repr("<again>")
    def __repr__(self):
        return f"Pair({self.items!r})"


a, b = Pair(), Pair()
a.items.append(b)
b.items.extend([a, b])
print(a, b)
print(reprlib.aRepr.maxlist, reprlib.repr is not None, reprlib.__all__)
