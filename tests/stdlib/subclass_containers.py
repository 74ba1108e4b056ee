# Subclasses of list, tuple, dict, set, frozenset, deque, OrderedDict,
# defaultdict and Counter: the VM's protocols call overridden dunders,
# super() reaches the native methods, and base operations give base types.
import json
from collections import Counter, OrderedDict, defaultdict, deque


class Stack(list):
    def push(self, x):
        self.append(x)

    def __getitem__(self, i):
        return super().__getitem__(i) * 10

    def __setitem__(self, i, v):
        super().__setitem__(i, v + 1)

    def __delitem__(self, i):
        print("del", i)
        super().__delitem__(i)

    def __contains__(self, x):
        return x == 42 or super().__contains__(x)

    def __iter__(self):
        return iter([9, 9])

    def __len__(self):
        return 7


s = Stack([1, 2])
s.push(3)
s[0] = 5
print(s, s[0], 42 in s, 1 in s, 2 in s, list(s), len(s), s + [1], type(s + [1]).__name__, [1] + s, sorted(s), json.dumps(s), s == [6, 2, 3], bool(Stack()), repr(s), str(s))
del s[0]
a, b = s
print(s, a, b, [*s], tuple(s), set(s), max(s), "".join(map(str, s)), dict.fromkeys(s), list(reversed(s)))


class Plain(list):
    pass


p = Plain([3, 1, 2])
p.sort()
p2 = p * 2
p += (4,)
p *= 1
print(p, type(p).__name__, p2, type(p2).__name__, p[::-1], type(p[::-1]).__name__, p.copy(), type(p.copy()).__name__, len(p), p.index(2), p.pop(), p)
print(list(reversed(p)), json.dumps(p), [x * 2 for x in p], sum(p), min(p), tuple(p), Plain(range(3)), Plain("ab"), Plain(), p == Plain([1, 2, 3]), p < [2], isinstance(p, list))


class Point(tuple):
    __slots__ = ()

    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]

    def __add__(self, other):
        return Point(self[0] + other[0], self[1] + other[1])


pt = Point(1, 2)
x, y = pt
print(pt, pt.x, x, y, pt + Point(3, 4), type(pt + (1, 1)).__name__, pt * 2, type(pt * 2).__name__, len(pt), hash(pt) == hash((1, 2)), pt == (1, 2), pt[1], pt[:1], type(pt[:1]).__name__)
print({pt: 1}[(1, 2)], list(pt), json.dumps(pt), max(pt), pt < (1, 3), "%s-%s" % pt, "{}".format(pt), pt.count(1), pt.index(2), (0,) + pt, type((0,) + pt).__name__)


class Registry(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)

    def __getitem__(self, k):
        return super().__getitem__(k.lower())

    def __missing__(self, k):
        return f"<missing {k}>"

    def __contains__(self, k):
        return super().__contains__(k.lower())


r = Registry()
r["A"] = 1
r["B"] = 2
print(r, r["a"], r["A"], r["zz"], "A" in r, "a" in r, len(r), list(r), r.get("a"), r.get("A"), json.dumps(r), dict(r), {**r}, r == {"a": 1, "b": 2})
print(sorted(r.items()), r.keys(), repr(r), type(r.copy()).__name__, r | {"c": 3}, type(r | {"c": 3}).__name__, {"z": 0} | r)
r.update({"C": 3})
print(r, r.setdefault("D", 4), r, r.pop("a"), r, r.popitem(), r)
r |= {"E": 5}
print(r, type(r).__name__)


class Counted(dict):
    def __iter__(self):
        return iter(sorted(super().__iter__(), reverse=True))

    def keys(self):
        return sorted(super().keys())


cd = Counted(b=2, a=1)
print(list(cd), dict(cd), {**cd}, [k for k in cd], cd.items(), json.dumps(cd))


class Defaulting(dict):
    def __init__(self, default, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.default = default

    def __missing__(self, key):
        return self.default


dd0 = Defaulting(0, a=1)
print(dd0["a"], dd0["b"], dd0.get("b"), "b" in dd0, dd0, dd0.default)


class MySet(set):
    def __contains__(self, x):
        return True


ms = MySet([1, 2])
ms.add(3)
print(ms, len(ms), 99 in ms, ms | {4}, type(ms | {4}).__name__, ms & {1}, ms - {1}, ms ^ {1, 9}, sorted(ms), ms == {1, 2, 3}, ms.issubset({1, 2, 3, 4}), repr(MySet()), ms.copy(), type(ms.copy()).__name__, ms.union([7]), type(ms.union([7])).__name__)
ms |= {5}
ms -= {1}
print(ms, type(ms).__name__, ms <= {2, 3, 5}, {2, 3, 5, 6} > ms, frozenset(ms), set(ms) == ms)


class FS(frozenset):
    def __new__(cls, *items):
        return super().__new__(cls, items)


fs = FS(1, 2)
print(fs, hash(fs) == hash(frozenset([1, 2])), fs | {3}, type(fs | {3}).__name__, {fs: 1}[frozenset([1, 2])], repr(FS()), fs == frozenset({1, 2}), len(fs), 1 in fs, sorted(fs))


class Ring(deque):
    def __init__(self, items=(), maxlen=None):
        super().__init__(items, maxlen)
        self.pushes = 0

    def append(self, x):
        self.pushes += 1
        super().append(x)

    def peek(self):
        return self[-1]


d = Ring([1, 2, 3], maxlen=4)
d.append(4)
d.append(5)
print(d, d.peek(), len(d), list(d), d.maxlen, d.pushes, d.popleft(), d, type(d.copy()).__name__, d + Ring([9]), isinstance(d, deque), 4 in d, repr(Ring()), d == deque([3, 4, 5]), d[0], list(reversed(d)))
d.extend([6])
d.rotate(1)
d += [7]
print(d, type(d).__name__, d.pushes, d * 2)


class OD(OrderedDict):
    def describe(self):
        return ",".join(self)


od = OD(a=1, b=2)
od.move_to_end("a")
od["c"] = 3
print(od, list(od), type(od).__name__, od == OrderedDict(b=2, a=1, c=3), od.describe(), od.popitem(), od.popitem(last=False), od)


class DD(defaultdict):
    def __repr__(self):
        return f"DD({dict(self)})"


dd = DD(list)
dd["x"].append(1)
dd["y"]
print(dd, dd["x"], dict(dd), len(dd), type(dd).__name__, dd.default_factory)


class C(Counter):
    def total2(self):
        return sum(self.values())


cc = C("abracadabra")
print(cc.most_common(2), cc.total2(), cc["z"], cc + C("aa"), type(cc + C("aa")).__name__, type(cc).__name__, sorted(cc.elements())[:3])
cc.update("zz")
print(cc["z"], C(a=2) - C(a=1), C(a=1) | C(a=3))
