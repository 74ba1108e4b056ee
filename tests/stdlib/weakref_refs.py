import gc
import weakref


class Obj:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Obj({self.name})"

    def method(self):
        return "method of " + self.name


o = Obj("a")
r = weakref.ref(o)
print(r() is o, r() )
print(weakref.ref(o) is r)
print(weakref.getweakrefcount(o), weakref.getweakrefs(o) == [r])
print(type(r) is weakref.ref, type(r).__name__, isinstance(r, weakref.ReferenceType))
print(r.__callback__)
del o
print(r())
print(weakref.getweakrefcount(Obj("tmp")))

# callbacks
def cb(ref):
    print("callback", ref is r2, ref())


o = Obj("b")
r2 = weakref.ref(o, cb)
print(r2.__callback__ is cb)
print(weakref.ref(o, cb) is r2)
del o
print("after del b")

# In a cycle: dead after collect; callback runs.
o = Obj("c")
o.me = o
r3 = weakref.ref(o, lambda ref: print("cycle callback, dead:", ref() is None))
del o
print("alive before collect:", r3() is not None)
gc.collect()
print("dead after collect:", r3() is None)

# hashing and equality
x = Obj("x")
y = Obj("y")
rx, ry = weakref.ref(x), weakref.ref(y)
print(rx == weakref.ref(x), rx == ry, rx != ry)


class H:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return self.v

    def __eq__(self, other):
        return self.v == other.v


h1, h2 = H(5), H(5)
print(weakref.ref(h1) == weakref.ref(h2), hash(weakref.ref(h1)) == 5)
hr = weakref.ref(h1)
hash(hr)
del h1
print(hash(hr) == 5)
dead1 = weakref.ref(Obj("d1"))
dead2 = weakref.ref(Obj("d2"))
print(dead1 == dead2, dead1 == dead1)
try:
    hash(weakref.ref(Obj("never hashed")))
except TypeError as e:
    print("TypeError:", e)

# what can be weakly referenced
for v in [1, "s", (1,), [1], {}, None]:
    try:
        weakref.ref(v)
    except TypeError as e:
        print("TypeError:", e)
for v in [Obj, len, lambda: 1, {1}, frozenset({1})]:
    print(type(weakref.ref(v)()).__name__)


def g():
    yield 1


gen = g()
print(weakref.ref(gen)() is gen)

# repr
o = Obj("rep")
rr = weakref.ref(o)
print(repr(rr).startswith("<weakref at 0x"), "to 'Obj' at 0x" in repr(rr))
del o
print(repr(rr).endswith("; dead>"))

# proxy
o = Obj("p")
p = weakref.proxy(o)
print(p.name, p.method())
p.name = "renamed"
print(o.name)
print(type(p).__name__)
del o
try:
    p.name
except ReferenceError as e:
    print("ReferenceError:", e)


def f(x):
    return x * 2


cp = weakref.proxy(f)
print(cp(21), type(cp).__name__)
try:
    hash(cp)
except TypeError as e:
    print("TypeError:", e)

lst = Obj("l")
lp = weakref.proxy(lst)
print(weakref.getweakrefcount(lst))

# WeakMethod
o = Obj("m")
wm = weakref.WeakMethod(o.method)
print(wm()())
del o
print(wm())
