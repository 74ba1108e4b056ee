# Namespaces are the dicts programs see: instance __dict__ and vars(),
# module globals(), function __dict__, class __dict__ (a mappingproxy),
# locals(), and exec/eval running in the dicts they are given.
import types


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
print(vars(p), vars(p) is p.__dict__, p.__dict__ is p.__dict__)
vars(p)["z"] = 3
print(p.z, p.__dict__)
p.__dict__["x"] = 10
print(p.x)
p.w = 4
print(p.__dict__)
del p.x
print(p.__dict__, hasattr(p, "x"))
p.x = 5
print(list(p.__dict__))

# Instances that set their attributes in other orders, or delete some.
q = Point(7, 8)
del q.x
q.x = 9
print(list(q.__dict__), q.x, q.y)
r = Point.__new__(Point)
r.y = 1
r.x = 2
print(list(r.__dict__), r.x, r.y)
s = Point(3, 4)
s.__dict__.clear()
print(s.__dict__, hasattr(s, "x"))
s.x = 1
print(s.x, s.__dict__)


class Many:
    def __init__(self, n):
        for i in range(n):
            setattr(self, "a%d" % i, i)


m = Many(40)
print(len(vars(m)), m.a0, m.a39, list(vars(m))[-1])
m2 = Many(3)
print(vars(m2))


class B:
    pass


b = B()
b.__dict__ = {"k": 1}
print(b.k, vars(b))
try:
    b.__dict__ = [1]
except TypeError as e:
    print("TypeError:", e)

# Functions.
def fn():
    pass


fn.attr = 3
print(fn.__dict__)
fn.__dict__["other"] = 4
print(fn.other, vars(fn))
del fn.attr
print(fn.__dict__)
try:
    del fn.missing
except AttributeError as e:
    print("AttributeError:", e)

# Module globals.
g = globals()
print(g is globals(), fn.__globals__ is g, locals() is g)
g["made_here"] = 42
print(made_here)


def reads_later():
    return defined_later


globals()["defined_later"] = "found"
print(reads_later())
del globals()["defined_later"]
try:
    reads_later()
except NameError as e:
    print("NameError:", e)

import json

json.__dict__["extra"] = 1
print(json.extra, "extra" in vars(json))
del json.extra
print("extra" in json.__dict__)

# Class namespaces.
class C:
    x = 1
    print(sorted(k for k in locals() if not k.startswith("__")))

    def method(self):
        return 2


cd = C.__dict__
print(type(cd).__name__, "x" in cd, cd["x"], cd.get("nope", "default"))
C.y = 5
print("y" in cd, cd["y"], len(cd) == len(list(cd)))
try:
    cd["z"] = 1
except TypeError as e:
    print("TypeError:", e)
print(sorted(k for k in vars(C) if not k.startswith("__")))
print(types.MappingProxyType({"a": 1})["a"], type(types.MappingProxyType({})) is type(C.__dict__))
mp = types.MappingProxyType({"a": 1})
print(mp, dict(mp), list(mp.items()), mp.copy())

# locals() in functions is a snapshot.
def snapshot():
    x = 1
    loc = locals()
    loc["x"] = 99
    y = 2
    return x, sorted(loc)


print(snapshot())


def with_cells():
    a = 1

    def inner():
        return a

    return sorted(locals())


print(with_cells())
