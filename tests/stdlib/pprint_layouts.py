# pprint layouts across indent, width and compact settings: every container
# kind (dict, list, tuple, set and subclasses, collections, User* wrappers,
# mappingproxy, SimpleNamespace, dataclasses), long str and bytes splitting
# at every nesting, depth, recursion, sort order of mixed keys, the format()
# hook, and argument errors.
import collections
import dataclasses
import io
import pprint
import sys
import types

words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau"
samples = {
    "dict": {"k%d" % i: list(range(i)) for i in range(6)},
    "list": [list(range(i)) for i in range(7)] + ["tail"],
    "tuple1": ([1, 2, 3, "x" * 30],),
    "tuple": tuple("item%d" % i for i in range(12)),
    "set": set(range(25)),
    "frozenset": frozenset("abcdefghijklmnopqrstuvwxyz"),
    "str": words * 2,
    "multiline": "first line is here\nsecond line is a bit longer than the first\n\nfourth\n" + words,
    "bytes": bytes(range(50)),
    "bytes4": b"abcd" * 13,
    "bytes5": b"abcde" * 11,
    "bytearray": bytearray(b"0123456789" * 7),
    "od": collections.OrderedDict((w, len(w)) for w in words.split()[:8]),
    "dd": collections.defaultdict(int, {w: len(w) for w in words.split()[:6]}),
    "counter": collections.Counter(words),
    "chain": collections.ChainMap({"a": 1, "b": list(range(12))}, {"c": words}, {}),
    "deque": collections.deque(range(25)),
    "deque_max": collections.deque(range(25), maxlen=30),
    "userdict": collections.UserDict({"x": list(range(20)), "y": words}),
    "userlist": collections.UserList(list(range(30))),
    "userstr": collections.UserString(words * 2),
    "proxy": types.MappingProxyType({"key%d" % i: "v" * i for i in range(8)}),
    "ns": types.SimpleNamespace(first=list(range(15)), second=words, third={"a": 1}),
}
for name, value in samples.items():
    for indent, width in ((1, 40), (4, 40), (2, 25), (1, 80)):
        print(f"== {name} indent={indent} width={width}")
        print(pprint.pformat(value, indent=indent, width=width))
        print(pprint.pformat([value, "end"], indent=indent, width=width))
        print(pprint.pformat({"key": value}, indent=indent, width=width, compact=True))
    print(pprint.pformat((value,), width=30, compact=True))

for width in (10, 18, 19, 20, 21, 30, 33, 50):
    print(f"== compact width={width}")
    print(pprint.pformat(list(range(30)) + ["a" * 12, list(range(8)), "b" * 25, 7], width=width, compact=True))
    print(pprint.pformat([["x" * 5] * 6] * 3, width=width, compact=True, indent=2))
    print(pprint.pformat({"s": words}, width=width))
    print(pprint.pformat([b"xyz" * 9, "w " * 20], width=width))


class MyDict(dict):
    pass


class OwnRepr(dict):
    def __repr__(self):
        return "OwnRepr(" + str(len(self)) + ")"


class MySet(set):
    pass


class MyFrozen(frozenset):
    pass


class MyList(list):
    pass


class MyNS(types.SimpleNamespace):
    pass


class MyCounter(collections.Counter):
    pass


@dataclasses.dataclass
class Inner:
    a: int
    b: str = "bee"


@dataclasses.dataclass
class Outer:
    name: str
    inner: Inner
    items: list
    hidden: int = dataclasses.field(default=0, repr=False)


class Plain:
    def __repr__(self):
        return "Plain()"


@dataclasses.dataclass(repr=False)
class NoRepr(Plain):
    x: int


@dataclasses.dataclass
class Custom:
    x: int

    def __repr__(self):
        return "Custom!"


for value in [MyDict({"k%d" % i: i for i in range(12)}), OwnRepr({i: i for i in range(40)}), MySet(range(30)),
              MyFrozen(range(30)), MyList(range(30)), MyNS(a=list(range(20)), b="x"),
              MyCounter("abracadabra" * 3), Outer("n" * 20, Inner(1), list(range(10)), 5), [NoRepr(1)] * 6,
              [Custom(1)] * 12, Outer("x", Inner(2, "c" * 60), [], 1)]:
    print(pprint.pformat(value, width=30))
    print(pprint.pformat(value, width=30, indent=3))

print(pprint.pformat({"z": 1, 2: "b", (1, 2): None, None: 0, 1.5: "f", "a": [3, 1]}))
print(pprint.pformat({3, "a", (1,), None, 2.0}, width=10))
print(pprint.pformat({"b": 1, "a": 2}, sort_dicts=False), pprint.pformat({"b": {"d": 1, "c": 2}, "a": 2}, sort_dicts=True))
nested = {"level1": {"level2": {"level3": {"level4": list(range(20))}}}, "other": [[[[1]]]]}
for depth in (1, 2, 3, None):
    print(pprint.pformat(nested, depth=depth, width=30))
    print(pprint.saferepr(nested) if depth is None else pprint.pformat([nested], depth=depth))
print(pprint.pformat([(1,), (1, 2), [], {}, (), [1], {1: 2}], depth=1), pprint.PrettyPrinter().format([[1]], {}, 1, 0))
print(pprint.pformat([10 ** 10, {"n": -(10 ** 8)}, (12345.5, True, 1234)], underscore_numbers=True, width=20))

loop_dict = {"name": "loop"}
loop_dict["self"] = loop_dict
loop_dict["list"] = [loop_dict, list(range(20))]
text = pprint.pformat(loop_dict, width=30)
import re
print(re.sub(r"id=\d+", "id=N", text))
print(re.sub(r"id=\d+", "id=N", pprint.saferepr(loop_dict)))
shared = [1, 2]
print(pprint.pformat([shared, shared, {"s": shared}]), pprint.isrecursive([shared, shared]))
for value in [1, "s", b"b", 2.5, None, [1, (2, {3: 4})], {1: object()}, object(), loop_dict, {"a": {1, 2}}, set(), frozenset([1]), ..., 3j, True, int]:
    print(pprint.isreadable(value), pprint.isrecursive(value), re.sub(r"0x[0-9a-f]+|id=\d+", "0x", pprint.saferepr(value)))


class Upper(pprint.PrettyPrinter):
    def format(self, object, context, maxlevels, level):
        if isinstance(object, str):
            return repr(object.upper()), True, False
        return super().format(object, context, maxlevels, level)


up = Upper(width=30)
print(up.pformat({"key": ["value one", "value two", "value three"], "n": 1}))
print(up.isreadable(["x"]), Upper().format([1, "a"], {}, 0, 0))
print(pprint.PrettyPrinter().format({"b": 1, "a": [1, 2]}, {}, 1, 0), pprint.PrettyPrinter().format({"b": 1}, {}, 1, 1))

out = io.StringIO()
pprint.pprint(["x" * 30] * 3, stream=out, width=40)
pprint.pp({"b": 1, "a": 2}, stream=out)
pprint.PrettyPrinter(stream=out, indent=4, width=30, depth=2, compact=True).pprint([list(range(20)), [[[1]]]])
print(out.getvalue(), end="")
for kwargs in ({"indent": -1}, {"depth": 0}, {"depth": -2}, {"width": 0}, {"width": -5}):
    try:
        pprint.PrettyPrinter(**kwargs)
        print("ok", kwargs)
    except ValueError as e:
        print("ValueError:", e)
try:
    pprint.pformat([], stream=None)
except TypeError as e:
    print("TypeError:", e)
print(pprint.pformat("", width=1), pprint.pformat("abc def", width=1), pprint.pformat(["abc def ghi"], width=1))
print(pprint.pformat("x" * 100, width=20), pprint.pformat(b"y" * 10, width=1))
print(pprint.pformat(collections.OrderedDict()), pprint.pformat(collections.defaultdict(list)), pprint.pformat(collections.Counter()),
      pprint.pformat(collections.ChainMap()), pprint.pformat(collections.deque()), pprint.pformat(collections.deque(maxlen=3)))
print(sorted(pprint.__all__))
# A value laid out around itself: "..." inside name=value layouts.
space = types.SimpleNamespace(a=1)
space.me = space
space.b = "x" * 30
print(pprint.pformat(space, width=20), repr(space))
box = Outer("o", Inner(1), [], 0)
box.items.append(box)
box.name = "y" * 30
print(re.sub(r"id=\d+", "id=N", pprint.pformat(box, width=20)))
