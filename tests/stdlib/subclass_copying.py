# copy.copy / copy.deepcopy of built-in subclasses keep the subclass and the
# instance attributes; type(x)(x) rebuilds; vars() and __dict__ of such instances.
import copy
from collections import OrderedDict, defaultdict, deque


class Tagged(list):
    def __init__(self, items=(), tag=None):
        super().__init__(items)
        self.tag = tag


t = Tagged([1, [2, 3]], tag="t")
c = copy.copy(t)
d = copy.deepcopy(t)
print(c, type(c).__name__, c.tag, d, type(d).__name__, d.tag, c[1] is t[1], d[1] is t[1], vars(t), t.__dict__)


class Conf(dict):
    pass


cf = Conf(a=[1])
cf.source = "file"
for cp in (copy.copy(cf), copy.deepcopy(cf)):
    print(cp, type(cp).__name__, cp.source, cp["a"] is cf["a"])


class Name(str):
    pass


n = Name("x")
n.meta = 1
print(copy.copy(n), type(copy.copy(n)).__name__, copy.deepcopy(n).meta, type(n)(n), type(type(n)(n)).__name__)


class Num(int):
    pass


print(copy.copy(Num(3)), type(copy.deepcopy(Num(3))).__name__, type(Num(3))(7))


class Pt(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))

    def __getnewargs__(self):
        return tuple(self)


p = Pt(1, [2])
print(copy.copy(p), type(copy.copy(p)).__name__, copy.deepcopy(p), copy.deepcopy(p)[1] is p[1])


class S(set):
    pass


s = S([1, 2])
s.x = 1
print(sorted(copy.copy(s)), type(copy.deepcopy(s)).__name__, copy.deepcopy(s).x)
od = OrderedDict(a=1)
dd = defaultdict(list, a=[1])
dq = deque([1, [2]], maxlen=5)
print(copy.copy(od), copy.deepcopy(dd), copy.deepcopy(dd).default_factory, copy.copy(dq))
