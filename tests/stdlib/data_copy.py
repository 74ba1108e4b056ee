# copy.copy and copy.deepcopy: built-in containers, __copy__/__deepcopy__
# with the memo, the reduce protocol (__reduce_ex__, __getstate__,
# __setstate__, slots), copyreg registrations, and the errors.
import copy
import copyreg


class Plain:
    def __init__(self):
        self.items = [1, [2, 3]]
        self.name = "plain"


p = Plain()
s = copy.copy(p)
d = copy.deepcopy(p)
print(type(s).__name__, s is p, s.items is p.items, d.items is p.items, d.items[1] is p.items[1], d.items == p.items)

for value in (None, 1, 2.5, True, "s", b"b", (1, 2), frozenset({1}), range(3), len, Plain, Ellipsis):
    print(repr(value), copy.copy(value) is value, copy.deepcopy(value) is value)

nested = [1, (2, [3]), {"k": {4}}]
dn = copy.deepcopy(nested)
print(dn, dn[1] is nested[1], dn[1][1] is nested[1][1], dn[2]["k"] is nested[2]["k"])
sn = copy.copy(nested)
print(sn, sn is nested, sn[1] is nested[1])
t = (1, 2, "x")
print(copy.deepcopy(t) is t)
t2 = (1, [2])
print(copy.deepcopy(t2) is t2, copy.deepcopy(t2))

rec = [1]
rec.append(rec)
rc = copy.deepcopy(rec)
print(rc[1] is rc, rc is rec)
d = {"a": 1}
d["self"] = d
dc = copy.deepcopy(d)
print(dc["self"] is dc)

shared = [1]
both = [shared, shared]
bc = copy.deepcopy(both)
print(bc[0] is bc[1], bc[0] is shared)

memo = {}
first = copy.deepcopy(shared, memo)
print(copy.deepcopy(shared, memo) is first, id(shared) in memo)

ba = bytearray(b"xy")
print(copy.copy(ba), copy.copy(ba) is ba, copy.deepcopy(ba))
print(copy.copy({1, 2}), copy.deepcopy({3: [4]}))


class WithCopy:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        print("__copy__")
        return WithCopy(self.v + [1])

    def __deepcopy__(self, memo):
        print("__deepcopy__", type(memo).__name__)
        return WithCopy(copy.deepcopy(self.v, memo))


w = WithCopy([1])
print(copy.copy(w).v, copy.deepcopy(w).v)


class State:
    def __init__(self):
        self.data = [1]
        self.secret = "drop"

    def __getstate__(self):
        print("__getstate__")
        return {"data": self.data}

    def __setstate__(self, state):
        print("__setstate__", state)
        self.__dict__.update(state)
        self.restored = True


sc = copy.deepcopy(State())
print(sorted(vars(sc)))
sc = copy.copy(State())
print(sorted(vars(sc)))


class Slots:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = [1]


sl = copy.deepcopy(Slots())
print(sl.a, hasattr(sl, "b"))
sl = copy.copy(Slots())
print(sl.a)


class Reduce:
    def __init__(self, x):
        self.x = x

    def __reduce__(self):
        print("__reduce__")
        return (Reduce, (self.x,))


print(copy.deepcopy(Reduce([5])).x, copy.copy(Reduce(6)).x)


class Global:
    def __reduce__(self):
        return "Global"


g = Global()
print(copy.copy(g) is g, copy.deepcopy(g) is g)


class MyList(list):
    pass


class MyDict(dict):
    pass


ml = MyList([1, [2]])
ml.attr = "a"
mc = copy.deepcopy(ml)
print(type(mc).__name__, mc, mc.attr, mc[1] is ml[1])
mc = copy.copy(ml)
print(type(mc).__name__, mc, mc.attr, mc[1] is ml[1])
md = MyDict(k=[1])
mdc = copy.deepcopy(md)
print(type(mdc).__name__, mdc, mdc["k"] is md["k"])


class Registered:
    def __init__(self, v):
        self.v = v


def reduce_registered(obj):
    print("reducing", obj.v)
    return (Registered, (obj.v * 2,))


copyreg.pickle(Registered, reduce_registered)
print(copy.copy(Registered(2)).v, copy.deepcopy(Registered(3)).v)


class Method:
    def __init__(self):
        self.log = []

    def add(self, x):
        self.log.append(x)


m = Method()
bound = copy.deepcopy(m.add)
bound(1)
print(m.log, bound.__self__.log, copy.copy(m.add) == m.add)


def gen():
    yield 1


for value in (gen(),):
    for f in (copy.copy, copy.deepcopy):
        try:
            f(value)
        except TypeError as e:
            print("TypeError:", e)
print(issubclass(copy.Error, Exception), copy.error is copy.Error)
