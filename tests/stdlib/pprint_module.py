# pprint: layouts of nested containers, long strings and bytes, widths,
# indents, depth, compact mode, sort_dicts, the collections types,
# dataclasses, recursion and the readable/recursive flags.
import collections
import dataclasses
import io
import pprint
import random
import types

data = {"name": "towel", "versions": [3, 11, 7], "nested": {"deep": [{"a": 1, "b": (2, 3)}] * 3},
        "text": "the quick brown fox jumps over the lazy dog " * 3, "raw": b"\x00\x01bytes" * 8}
pprint.pprint(data)
pprint.pprint(data, width=40, indent=3)
pprint.pprint(data, depth=2)
pprint.pprint(data, sort_dicts=False, compact=True, width=60)
pprint.pp(list(range(40)), compact=True)
pprint.pp(list(range(40)))
print(pprint.pformat(123456789, underscore_numbers=True), pprint.pformat([10 ** 12], underscore_numbers=True))
print(pprint.pformat("a line\nanother line\n" * 5, width=30))
print(pprint.pformat(("single",)))
print(pprint.pformat(bytearray(b"abcdefgh" * 12)))
print(pprint.pformat(frozenset(range(30))))
print(pprint.pformat({1, 2, 3}), pprint.pformat(set()), pprint.pformat(frozenset()))
print(pprint.pformat(collections.OrderedDict((str(i), i * "x") for i in range(8))))
print(pprint.pformat(collections.defaultdict(list, {i: [i] * 10 for i in range(5)})))
print(pprint.pformat(collections.Counter("mississippi river" * 4), width=30))
print(pprint.pformat(collections.deque(range(30), maxlen=40)))
print(pprint.pformat(collections.ChainMap({"a": list(range(20))}, {"b": "x" * 70})))
print(pprint.pformat(types.SimpleNamespace(alpha=list(range(15)), beta="y" * 60)))


@dataclasses.dataclass
class Point:
    x: int
    label: str
    tags: list = dataclasses.field(default_factory=list)


print(pprint.pformat([Point(1, "a" * 40, ["t"] * 12), Point(2, "b")], width=50))

loop = [1, 2]
loop.append(loop)
text = pprint.pformat(loop)
print(text[:text.index("id=")])
print(pprint.isrecursive(loop), pprint.isreadable(loop), pprint.isreadable([1, "a"]), pprint.isreadable(object()))
print(pprint.saferepr({"b": 2, "a": [1, {"c": 3}]}))

out = io.StringIO()
printer = pprint.PrettyPrinter(indent=2, width=20, stream=out)
printer.pprint({"key": ["value"] * 5})
print(out.getvalue(), end="")
print(printer.pformat((1, 2)), printer.isreadable({1: 2}), printer.isrecursive([]))
for bad in ({"indent": -1}, {"depth": 0}, {"width": 0}):
    try:
        pprint.PrettyPrinter(**bad)
    except ValueError as e:
        print("ValueError:", e)

random.seed(7)


def anything(depth=0):
    if depth > 2 or random.random() < 0.3:
        return random.choice([random.randint(-10 ** 6, 10 ** 6), "word " * random.randint(0, 10), None, 2.5, b"xy" * 9])
    kind = random.choice("ltd")
    n = random.randint(0, 5)
    if kind == "l":
        return [anything(depth + 1) for _ in range(n)]
    if kind == "t":
        return tuple(anything(depth + 1) for _ in range(n))
    return {random.randint(0, 99): anything(depth + 1) for _ in range(n)}


for _ in range(30):
    value = anything()
    print(pprint.pformat(value, width=random.choice([20, 40, 80])))
