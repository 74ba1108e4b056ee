# collections written afresh: namedtuple's options, errors and generated methods,
# Counter's operators and their result types, the dict subclasses' hooks (which
# of a subclass's __init__/__setitem__/update each operation calls), ChainMap,
# UserDict, UserList and UserString.
from collections import ChainMap, Counter, OrderedDict, UserDict, UserList, UserString, defaultdict, namedtuple
import copy


def attempt(label, thunk):
    try:
        print(label, repr(thunk()))
    except Exception as e:
        print(label, type(e).__name__, e)


# -- namedtuple
P = namedtuple("P", "x, y z", defaults=[5, 6])
p = P(1)
print(p, P(1, 2, 3), P(x=0), p._asdict(), p._fields, P._field_defaults, P.__match_args__)
print(p._replace(z=9), P._make(range(3)), p.__getnewargs__(), copy.copy(p), copy.deepcopy(p))
print(P.__doc__, "|", P.__new__.__doc__, "|", P.x.__doc__, "|", P._make.__doc__, "|", P._replace.__doc__)
print(P.__new__.__qualname__, P.__repr__.__qualname__, P.__new__.__defaults__, P.__module__, P.__name__)
print(isinstance(p, tuple), p == (1, 5, 6), hash(p) == hash((1, 5, 6)), p.x + p.y, list(p), p[::-1])
attempt("missing", lambda: P())
attempt("too many", lambda: P(1, 2, 3, 4))
attempt("unknown kw", lambda: P(1, w=3))
attempt("twice", lambda: P(1, x=3))
attempt("make", lambda: P._make([1, 2]))
attempt("replace", lambda: p._replace(a=1, b=2, x=3))
attempt("underscore", lambda: namedtuple("Q", "a _b"))
attempt("duplicate", lambda: namedtuple("Q", ["a", "b", "a"]))
attempt("keyword", lambda: namedtuple("Q", "a while"))
attempt("typename", lambda: namedtuple("class", "a"))
attempt("identifier", lambda: namedtuple("Q", "a 2b"))
attempt("defaults", lambda: namedtuple("Q", "a", defaults=(1, 2)))
print(namedtuple("R", "a def a _c 9 ok", rename=True)._fields)
print(namedtuple("E", "")(), namedtuple("E", [])._fields, namedtuple("M", "a", module="here").__module__)
print(namedtuple("N", ("a", "b"), defaults=iter([7]))(1))
match P(1, 2, 3):
    case P(a, b, c):
        print("matched", a, b, c)


class Point(namedtuple("Point", "x y")):
    __slots__ = ()

    @property
    def norm(self):
        return abs(self.x) + abs(self.y)


print(Point(3, -4), Point(3, -4).norm, Point._make([1, 1])._replace(y=5))

# -- Counter
c = Counter("abracadabra")
print(c, c.most_common(), c.most_common(2), c.most_common(0), c.most_common(-3), c.total())
print(sorted(c.elements()), list(Counter(a=2, b=0, c=-1).elements()))
c.update({"a": 1, "z": 2}, q=1)
c.subtract("aaz", r=4)
print(c)
c.subtract({"b": 10})
print(c, c["missing"], "missing" in c)
del c["nope"]
del c["b"]
print(c, c.copy(), type(c.copy()).__name__)
x, y = Counter(a=3, b=1, c=0), Counter(a=1, b=2, d=4, e=-2)
print(x + y, x - y, x | y, x & y, +y, -y)
print(Counter(a=True) + Counter(b=True), Counter(a=1) | Counter(a=1.0), Counter(a=1) & Counter(a=1.0), +Counter(a=True))
print(x == y, x != y, x < y, x <= y, Counter(a=1) < Counter(a=2), Counter(a=1) <= Counter(a=1), Counter(a=2) > Counter(a=1, b=0))
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) == {"a": 1}, Counter(a=1) != {"a": 2})
attempt("le dict", lambda: Counter(a=1) <= {"a": 1})
attempt("add dict", lambda: Counter(a=1) + {"a": 1})
attempt("fromkeys", lambda: Counter.fromkeys("ab"))
attempt("most_common float", lambda: Counter("ab").most_common(1.5))
attempt("elements float", lambda: list(Counter(a=1.5).elements()))
z = Counter(a=1, b=2)
z += Counter(a=-1, c=3)
print(z)
z -= {"b": 1, "d": -2}
print(z)
z |= Counter(c=1, e=5)
print(z)
z &= Counter(c=2, e=9, b=1)
print(z)
print(repr(Counter()), Counter({"a": "x", "b": 1}), Counter(a=True), Counter({"k": 2}, k=1), Counter([1, 1, 2]))
print(Counter(a=1).__reduce__(), copy.deepcopy(Counter("hello")))


class Loud(Counter):
    def __setitem__(self, key, value):
        print("  set", key, value)
        super().__setitem__(key, value)


l = Loud({"a": 1})
l.update("ab")
l.update({"a": 1})
l.subtract(a=1)
print(l, type(l + l).__name__)

# -- OrderedDict
od = OrderedDict([("b", 1), ("a", 2)], c=3)
od.move_to_end("b")
od.move_to_end("c", last=False)
print(od, list(reversed(od)), od.popitem(), od.popitem(last=False), od)
attempt("popitem empty", lambda: OrderedDict().popitem())
attempt("move missing", lambda: OrderedDict().move_to_end("x"))
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1), OrderedDict(a=1) != OrderedDict(a=1))
print(OrderedDict.fromkeys("xy", 0), OrderedDict(a=1) | {"b": 2}, {"b": 2} | OrderedDict(a=1), repr(OrderedDict()))
print(copy.copy(od), copy.deepcopy(OrderedDict(a=[1])), od.copy(), od.__reduce__()[:4])


class Traced(OrderedDict):
    def __init__(self, *args, **kwargs):
        print("  init", args, kwargs)
        super().__init__(*args, **kwargs)

    def __setitem__(self, key, value):
        print("  set", key)
        super().__setitem__(key, value)

    def update(self, *args, **kwargs):
        print("  update")
        super().update(*args, **kwargs)


t = Traced([("a", 1)], b=2)
print("copy"); t.copy()
print("or"); t | {"c": 3}
print("ror"); {"c": 3} | t
print("ior"); t |= {"d": 4}
print("fromkeys"); Traced.fromkeys("e")
print("setdefault"); t.setdefault("f", 6)
print(t)

# -- defaultdict
dd = defaultdict(list)
dd["a"].append(1)
dd["b"]
print(dd, dd.default_factory, dd.copy(), copy.copy(dd), copy.deepcopy(dd), dd.__reduce__()[:2])
print(defaultdict(None, {"x": 1}), defaultdict(int, a=1) | {"b": 2}, {"b": 2} | defaultdict(int, a=1))
attempt("no factory", lambda: defaultdict()["k"])
attempt("bad factory", lambda: defaultdict(5))
attempt("get", lambda: defaultdict(int).get("k"))


class TracedDD(defaultdict):
    def __init__(self, *args, **kwargs):
        print("  init", args, kwargs)
        super().__init__(*args, **kwargs)

    def __setitem__(self, key, value):
        print("  set", key)
        super().__setitem__(key, value)


td = TracedDD(int, a=1)
print("copy"); td.copy()
print("or"); td | {"c": 3}
print("ror"); {"c": 3} | td
print("ior"); td |= {"d": 4}
print("missing"); td["m"]
print(td)

# -- ChainMap
base, over = {"a": 1, "b": 2}, {"b": 20, "c": 30}
cm = ChainMap(over, base)
print(cm, cm["a"], cm["b"], cm.get("z", "dflt"), len(cm), list(cm), list(cm.items()), "c" in cm, bool(ChainMap({})))
child = cm.new_child()
child["a"] = 100
print(child, child.parents, cm.new_child({"q": 1}, r=2), cm.new_child(s=3), cm.parents.parents)
attempt("missing", lambda: cm["zz"])
attempt("pop", lambda: child.pop("b"))
attempt("pop default", lambda: child.pop("b", None))
attempt("popitem", lambda: ChainMap({}, {"a": 1}).popitem())


def delete():
    del cm["a"]


attempt("del", delete)
print(cm.pop("b"), cm, cm.copy(), copy.copy(cm), ChainMap.fromkeys("ab", 0), ChainMap())
print(cm | {"n": 1}, {"n": 1, "c": 0} | cm, ChainMap(defaultdict(int))["q"])
cm |= {"m": 2}
cm.clear()
print(cm, ChainMap(over) == {"b": 20, "c": 30})
attempt("chain | int", lambda: ChainMap() | 3)
r = ChainMap()
r.maps.append(r)
print(r)

# -- UserDict
ud = UserDict({"a": 1}, b=2)
ud["c"] = 3
del ud["a"]
print(ud, len(ud), list(ud), "b" in ud, ud.get("x", 0), ud == {"b": 2, "c": 3}, ud.copy(), UserDict.fromkeys("xy"))
print(ud | {"d": 4}, type(ud | {"d": 4}).__name__, {"d": 4} | ud, type({"d": 4} | ud).__name__, ud | UserDict(e=5))
ud |= UserDict(f=6)
print(ud, copy.copy(ud).data is ud.data, ud.pop("f"), ud.setdefault("g", 7), ud)
attempt("missing", lambda: ud["zz"])


class WithMissing(UserDict):
    def __missing__(self, key):
        return key * 2


wm = WithMissing(a=1)
wm.tag = "t"
print(wm["ab"], wm.get("ab", "no"), type(wm.copy()).__name__, wm.copy().tag, wm.copy())

# -- UserList
ul = UserList([3, 1, 2])
ul.append(4)
ul.insert(0, 9)
ul.extend(UserList([7]))
ul.extend((8,))
print(ul, ul[1:3], type(ul[1:3]).__name__, ul[0], len(ul), 2 in ul, ul.count(1), ul.index(2), ul.pop(), ul.pop(0))
ul.sort(reverse=True)
ul.remove(1)
print(ul, ul + [0], [0] + ul, ul + (5,), (5,) + ul, ul * 2, 2 * ul, ul == [7, 4, 3, 2], ul < UserList([8]), ul >= [7])
ul += "ab"
ul *= 2
print(ul, UserList(), UserList("xy"), UserList(UserList([1])), ul.copy(), copy.copy(ul).data is ul.data)
ul.reverse()
del ul[0]
ul[0] = "z"
ul.clear()
print(ul)
attempt("hash", lambda: hash(UserList()))

# -- UserString
us = UserString("Hello")
print(us, repr(us), len(us), us[1], us[1:3], type(us[1:3]).__name__, "ell" in us, UserString("l") in us)
print(us + "!", "¡" + us, us + UserString("?"), us + 5, us * 2, 2 * us, us % (), UserString("%s-%d") % ("a", 1))
print(us.upper(), us.lower(), us.center(9, "*"), us.zfill(8), us.replace(UserString("l"), "L"), us.removeprefix("He"))
print(us.split("l"), us.partition("l"), us.count(UserString("l")), us.find("l"), us.rindex("l"), us.startswith("He"))
print(us.join(["<", ">"]), us.format(), UserString("{0}{x}").format(1, x=2), us.encode(), us.encode(None), us.isalpha())
print(us.maketrans("H", "J"), us.translate(us.maketrans("H", "J")), us.strip("Ho"), us.expandtabs(), us.swapcase())
print(int(UserString("12")) + 1, float(UserString("1.5")), complex(UserString("1j")), hash(us) == hash("Hello"), str(us) == "Hello")
print(us == "Hello", us == UserString("Hello"), us < "Z", us <= UserString("A"), us > "A", us >= "Hello", UserString(42), UserString(us))
print(us.__getnewargs__(), copy.copy(us), sorted([UserString("b"), UserString("a")]), type(us.upper()).__name__)
attempt("in int", lambda: 3 in us)
attempt("lt int", lambda: us < 3)
attempt("endswith", lambda: us.endswith(UserString("o")))
