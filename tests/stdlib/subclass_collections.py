# collections' types subclassed as programs do: an LRU cache on OrderedDict,
# defaultdict and Counter subclasses, namedtuple-based classes with methods,
# defaults and validation, a bounded deque with hooks.
from collections import Counter, OrderedDict, defaultdict, deque, namedtuple


class LRU(OrderedDict):
    def __init__(self, capacity, *args, **kwargs):
        self.capacity = capacity
        super().__init__(*args, **kwargs)

    def __getitem__(self, key):
        value = super().__getitem__(key)
        self.move_to_end(key)
        return value

    def __setitem__(self, key, value):
        if key in self:
            self.move_to_end(key)
        super().__setitem__(key, value)
        if len(self) > self.capacity:
            oldest = next(iter(self))
            del self[oldest]


cache = LRU(2)
cache["a"] = 1
cache["b"] = 2
cache["a"]
cache["c"] = 3
print(cache, list(cache), cache.capacity, repr(cache), type(cache).__name__, isinstance(cache, dict))
print(cache.popitem(last=False), cache, cache == OrderedDict(c=3), cache == {"c": 3})
try:
    cache.copy()
except TypeError as e:
    print("TypeError:", e)


class Ordered(OrderedDict):
    def __setitem__(self, key, value):
        super().__setitem__(key, value * 2)


o = Ordered(a=1)
o["b"] = 2
o.update([("p", 0)], q=1)
o.update({"r": 5})
print(o, o.copy(), type(o.copy()).__name__, o | {"c": 3}, type(o | {"c": 3}).__name__, Ordered.fromkeys("xy", 1))


class Tree(defaultdict):
    def __init__(self):
        super().__init__(Tree)

    def __repr__(self):
        return repr(dict(self))


t = Tree()
t["a"]["b"]["c"] = 1
t["a"]["d"] = 2
print(t, t.default_factory is Tree, type(t["a"]).__name__, len(t["a"]))


class Grouped(defaultdict):
    def __missing__(self, key):
        print("missing", key)
        return super().__missing__(key)


g = Grouped(list)
g["x"].append(1)
g["x"].append(2)
print(g, g.get("y"), "y" in g, dict(g), Grouped(int, {"k": 5})["k"])
plain = defaultdict(list)
plain["a"].append(1)
print(plain, repr(defaultdict(int)), defaultdict(None, a=1))


class Tally(Counter):
    def top(self):
        return self.most_common(1)[0][0]

    def __missing__(self, key):
        return -1


c = Tally("abracadabra")
print(c.top(), c["a"], c["zz"], sorted(c.items()), c.total(), type(c + Tally("a")).__name__, c.most_common(2))
c.update("aaz")
c.subtract({"b": 1})
print(sorted(c.elements())[:5], c["a"], c["b"], repr(Tally(x=1)), Tally(a=2) == Counter(a=2))


Point = namedtuple("Point", "x y")


class Vector(Point):
    __slots__ = ()

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __abs__(self):
        return (self.x**2 + self.y**2) ** 0.5

    @property
    def norm(self):
        return abs(self)

    def __str__(self):
        return f"<{self.x}, {self.y}>"


v = Vector(3, 4)
print(v, repr(v), v + Vector(1, 1), v.norm, abs(v), v._replace(x=0), type(v._replace(x=0)).__name__, v._asdict(), Vector._make([5, 6]), type(Vector._make([5, 6])).__name__)
print(v == (3, 4), v[0], list(v), Vector._fields, isinstance(v, tuple), isinstance(v, Point), hash(v) == hash((3, 4)), v.count(3), sorted([Vector(2, 1), Vector(1, 2)]))
x, y = v
print(x, y, Vector.__mro__, "%d-%d" % v, {v: "v"}[(3, 4)])


class Config(namedtuple("Config", ["host", "port", "debug"], defaults=[8080, False])):
    def __new__(cls, host, port=8080, debug=False):
        if not isinstance(port, int):
            raise TypeError("port must be an int")
        return super().__new__(cls, host, port, debug)

    def url(self):
        return f"http://{self.host}:{self.port}/"


cfg = Config("localhost")
print(cfg, cfg.url(), Config("h", 1, True), cfg._field_defaults, Config._fields)
try:
    Config("h", "80")
except TypeError as e:
    print("TypeError:", e)


class Employee(namedtuple("Employee", "name salary")):
    __slots__ = ()
    raise_pct = 10

    def raised(self):
        return self._replace(salary=self.salary * (100 + self.raise_pct) // 100)


emp = Employee("ann", 1000)
print(emp.raised(), type(emp.raised()).__name__, emp.raise_pct)


class History(deque):
    def __init__(self, size):
        super().__init__(maxlen=size)

    def record(self, item):
        self.append(item)
        return self

    def __repr__(self):
        return f"History({list(self)}, size={self.maxlen})"


h = History(3)
for i in range(5):
    h.record(i)
print(h, len(h), h[0], h[-1], list(reversed(h)), 4 in h, h.maxlen, isinstance(h, deque), h == deque([2, 3, 4]))
try:
    h.copy()
except TypeError as e:
    print("TypeError:", e)
h.appendleft(9)
h.rotate(1)
print(h, h.popleft(), h.pop(), h)


class Stats(OrderedDict):
    def __missing__(self, key):
        return 0


s = Stats(a=1)
print(s["a"], s["q"], s, list(s.items()), s.get("q"))
od = OrderedDict.fromkeys("abc", 0)
print(od, type(Stats.fromkeys("xy")).__name__, Stats.fromkeys("xy", 3))
