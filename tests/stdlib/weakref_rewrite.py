# weakref's towel-source containers (written afresh): the weak
# dictionaries, WeakSet algebra and its errors, WeakMethod, finalize.
import copy
import re
import weakref


class C:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return f"C{self.n}"

    def __hash__(self):
        return self.n

    def __eq__(self, other):
        return isinstance(other, C) and other.n == self.n

    def method(self):
        return self.n * 10


def show(thunk):
    try:
        result = thunk()
    except Exception as e:
        print("  ", type(e).__name__, re.sub("0x[0-9a-f]+", "0x?", str(e)))
        return
    if isinstance(result, weakref.WeakSet):
        print("  ", type(result).__name__, sorted(result, key=repr))
    else:
        print("  ", result)


a, b, c = C(1), C(2), C(3)

print("-- WeakSet algebra")
s, t = weakref.WeakSet([a, b]), weakref.WeakSet([b, c])
for name in ["difference", "intersection", "union", "symmetric_difference",
             "issubset", "issuperset", "isdisjoint"]:
    print(name)
    for other in (t, [5], [a], 5, {a, c}):
        show(lambda: getattr(s, name)(other))
for op in ["__sub__", "__and__", "__or__", "__xor__", "__le__", "__ge__",
           "__lt__", "__gt__", "__eq__", "__isub__", "__iand__", "__ior__",
           "__ixor__"]:
    print(op)
    for other in (t, {a}, [5]):
        show(lambda: getattr(weakref.WeakSet([a, b]), op)(other))
for name in ["difference_update", "intersection_update",
             "symmetric_difference_update", "update"]:
    print(name)
    for other in (t, [a], {a, c}, [5], 5):
        w = weakref.WeakSet([a, b])
        show(lambda: (getattr(w, name)(other), sorted(w, key=repr)))
w = weakref.WeakSet([a]); w -= w; print(list(w))
w = weakref.WeakSet([a]); w ^= w; print(list(w))
w = weakref.WeakSet([a]); w &= w; print(list(w))


class Sub(weakref.WeakSet):
    pass


x = Sub([a])
print(type(x.copy()).__name__, type(x | t).__name__, type(x - t).__name__)
print(x == weakref.WeakSet([a]), weakref.WeakSet([a]) == x, x == {a})
show(lambda: weakref.WeakSet(5))
show(lambda: weakref.WeakSet([a]).remove(5))
show(lambda: weakref.WeakSet([a]).remove(b))
show(lambda: weakref.WeakSet([a]).discard(5))
show(lambda: weakref.WeakSet().pop())
show(lambda: weakref.WeakSet([], []))
print(5 in s, a in s, c in s, [] in s, len(s), bool(weakref.WeakSet()))
print(weakref.WeakSet.__hash__, weakref.WeakSet([a]).__reduce__()[1])
tmp = weakref.WeakSet([C(7), a, C(8)])
print(len(tmp), list(tmp))
for item in weakref.WeakSet([a, b, C(9)]):
    print("iterating", item)

print("-- WeakValueDictionary")
d = weakref.WeakValueDictionary({"x": a}, y=b)
d["gone"] = C(9)
print(sorted(d), len(d), "gone" in d, d.get("gone", "dflt"), d.get("x"))
show(lambda: d["gone"])
show(lambda: d.pop("nope"))
print(d.pop("nope", "dflt"), d.pop("nope", 1, 2))
print(d.setdefault("z", c), d.setdefault("z", a), sorted(d.items()))
print(type(d.keys()).__name__, type(d.values()).__name__,
      type(d.items()).__name__, type(d.itervaluerefs()).__name__,
      type(d.valuerefs()).__name__, len(d.valuerefs()))
print(repr(d).startswith("<WeakValueDictionary at 0x"))
for f in (lambda: weakref.WeakValueDictionary({}, {}), lambda: d.update({}, {}),
          lambda: d.update(3), lambda: weakref.WeakValueDictionary([1]),
          lambda: d.get(), lambda: d.setdefault(), lambda: d.pop(),
          lambda: d.__or__(3), lambda: d.__ror__(3)):
    show(f)
e = weakref.WeakValueDictionary()
show(lambda: e.popitem())
e["k"] = C(5)
show(lambda: e.popitem())
e["k"] = a
print(e.popitem(), len(e))
e.update([("p", a)], q=b)
e |= {"r": c}
print(sorted(e.items()), sorted((e | {"s": a}).keys()), sorted(({"t": b} | e).keys()))


class V(weakref.WeakValueDictionary):
    pass


v = V(x=a)
print(type(v.copy()).__name__, type(copy.copy(v)).__name__,
      type(copy.deepcopy(v)).__name__, type(v | {}).__name__,
      type({} | v).__name__, sorted(copy.deepcopy(v).items()))
v["x"] = b
old = C(4)
v["y"] = old
v["y"] = a
del old
print(sorted(v.items()))
print(V.__mro__[1].__name__, isinstance(v, dict))

print("-- WeakKeyDictionary")
k = weakref.WeakKeyDictionary({a: 1})
k[b] = 2
k[C(6)] = 6
print(len(k), sorted(k.values()), k[a], k.get(c, "none"), a in k, 5 in k, [] in k)
show(lambda: k[c])
show(lambda: k[5])
show(lambda: k.pop(c))
print(k.pop(c, "dflt"), k.setdefault(a, 9), k.setdefault(c, 9), len(k.keyrefs()))
del k[c]
show(lambda: k.popitem() and None)
for f in (lambda: weakref.WeakKeyDictionary({}, {}), lambda: k.update({}, {}),
          lambda: weakref.WeakKeyDictionary(x=5), lambda: k.update(x=5),
          lambda: k.update([(1, 2)]), lambda: weakref.WeakKeyDictionary(3),
          lambda: k.setdefault(), lambda: k.get(), lambda: k.__or__(3)):
    show(f)
empty = weakref.WeakKeyDictionary()
show(lambda: empty.popitem())


class K(weakref.WeakKeyDictionary):
    pass


kk = K({a: [1]})
deep = copy.deepcopy(kk)
print(type(kk.copy()).__name__, type(copy.copy(kk)).__name__,
      type(deep).__name__, deep[a] == [1], deep[a] is not kk[a],
      type({} | kk).__name__, sorted((kk | {b: 2}).values(), key=repr))
print(repr(kk).startswith("<K at 0x"))
print(weakref.WeakKeyDictionary[int], weakref.WeakValueDictionary[str, int])

print("-- WeakMethod")
obj = C(4)
calls = []
wm = weakref.WeakMethod(obj.method, calls.append)
wm2 = weakref.WeakMethod(obj.method)
print(wm()(), wm == wm2, wm != wm2, hash(wm) == hash(wm2), wm == 3,
      callable(wm.__callback__), callable(wm2.__callback__))
show(lambda: weakref.WeakMethod(len))
show(lambda: weakref.WeakMethod(obj))
print(repr(wm).startswith("<weakref at 0x"), "; to 'C' at 0x" in repr(wm))
del obj
print(wm(), len(calls), calls[0] is wm, wm == wm2, wm == wm, wm != wm2,
      wm.__callback__, repr(wm).endswith("; dead>"))

print("-- finalize")
def cleanup(*args, **kwargs):
    print("cleanup", args, kwargs)
    return "done"

r = C(11)
f = weakref.finalize(r, cleanup, "r", loud=True)
print(f.alive, f.atexit, f.peek()[2:], "; for 'C' at 0x" in repr(f))
print(f(), f(), f.alive, f.peek(), f.detach(), repr(f).endswith("; dead>"))
r2 = C(12)
g = weakref.finalize(r2, cleanup, "detached")
print(g.detach()[2:], g.alive, g())
h = weakref.finalize(C(13), cleanup, "collected at once")
print(h.alive)
for bad in (lambda: weakref.finalize(5, print), lambda: weakref.finalize(a),
            lambda: weakref.finalize()):
    show(bad)
q = weakref.finalize(a, cleanup, obj=1, func=2)
q.atexit = 0
print(q.atexit, q.peek()[3])
keep = [C(20 + i) for i in range(3)]
for i, o in enumerate(keep):
    weakref.finalize(o, print, "at exit", i)
weakref.finalize(keep[0], print, "never: atexit false").atexit = False
print("end of script")
