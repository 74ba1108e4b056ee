# Classes through pickle: default reduction, __reduce__/__reduce_ex__,
# __getstate__/__setstate__, __getnewargs(_ex)__, slots, copyreg.
import pickle
import copyreg


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"

    def __eq__(self, other):
        return type(other) is Point and (self.x, self.y) == (other.x, other.y)


class Empty:
    pass


class WithState:
    def __init__(self, n):
        self.n = n
        self.cache = {"big": n * 2}

    def __getstate__(self):
        state = self.__dict__.copy()
        del state["cache"]
        return state

    def __setstate__(self, state):
        print("setstate", sorted(state.items()))
        self.__dict__.update(state)
        self.cache = "rebuilt"


class Reduced:
    def __init__(self, a, b=0):
        self.a, self.b = a, b

    def __reduce__(self):
        return (Reduced, (self.a, self.b))

    def __repr__(self):
        return f"Reduced({self.a}, {self.b})"


class ReducedEx:
    def __reduce_ex__(self, proto):
        print("reduce_ex called with", proto)
        return (ReducedEx, ())


class Slotted:
    __slots__ = ("a", "b", "__private")

    def __init__(self):
        self.a = 1
        self.__private = 3


class SlottedState(Slotted):
    def __getstate__(self):
        return {"a": self.a}

    def __setstate__(self, state):
        self.a = state["a"] + 100


class NewArgs:
    def __new__(cls, value):
        print("__new__", value)
        self = object.__new__(cls)
        self.value = value
        return self

    def __getnewargs__(self):
        return (self.value,)


class NewArgsEx:
    def __new__(cls, value, *, scale):
        self = object.__new__(cls)
        self.value = value * scale
        return self

    def __getnewargs_ex__(self):
        return ((self.value,), {"scale": 1})


class MyList(list):
    pass


class MyDict(dict):
    pass


class MyTuple(tuple):
    pass


class Complex:
    def __init__(self):
        self.items = [1, 2]
        self.me = self
        self.table = {"k": (1, "v")}


def show(label, value):
    print(label, type(value).__name__, value if not hasattr(value, "__dict__") else sorted(value.__dict__.items(), key=lambda kv: kv[0]) if not isinstance(value, Complex) else "")


for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    print("== protocol", proto)
    p = Point(1, "two")
    data = pickle.dumps(p, proto)
    print(data)
    print(pickle.loads(data), pickle.loads(data) == p)
    print(pickle.dumps(Empty(), proto) == pickle.dumps(Empty(), proto), type(pickle.loads(pickle.dumps(Empty(), proto))).__name__)
    w = pickle.loads(pickle.dumps(WithState(5), proto))
    print(w.n, w.cache)
    data = pickle.dumps([Reduced(1, 2), Reduced(3)], proto)
    print(data)
    print(pickle.loads(data))
    print(type(pickle.loads(pickle.dumps(ReducedEx(), proto))).__name__)
    if proto >= 2:
        s = pickle.loads(pickle.dumps(Slotted(), proto))
        print(s.a, s._Slotted__private, hasattr(s, "b"))
    else:
        try:
            pickle.dumps(Slotted(), proto)
        except TypeError as e:
            print("TypeError:", e)
    print(pickle.loads(pickle.dumps(SlottedState(), proto)).a)
    n = pickle.loads(pickle.dumps(NewArgs(7), proto))
    print(type(n).__name__, n.value)
    data = pickle.dumps(NewArgsEx(6, scale=2), proto)
    print(data)
    print(pickle.loads(data).value)
    ml = MyList([1, 2, 3]); ml.tag = "t"
    got = pickle.loads(pickle.dumps(ml, proto))
    print(type(got).__name__, got, got.tag)
    md = MyDict(a=1); md.tag = 2
    got = pickle.loads(pickle.dumps(md, proto))
    print(type(got).__name__, got, got.tag)
    got = pickle.loads(pickle.dumps(MyTuple((1, 2)), proto))
    print(type(got).__name__, got)
    c = pickle.loads(pickle.dumps(Complex(), proto))
    print(c.me is c, c.items, c.table)
    print(pickle.dumps(Point, proto), pickle.loads(pickle.dumps(Point, proto)) is Point)
    print(pickle.loads(pickle.dumps(Point.__repr__, proto)) is Point.__repr__)
    print([f.__name__ for f in pickle.loads(pickle.dumps([len, max, copyreg.pickle], proto))])
    print(pickle.loads(pickle.dumps(ValueError("bad", 3), proto)).args)
    e = KeyError("k"); e.note = "n"
    got = pickle.loads(pickle.dumps(e, proto))
    print(repr(got), got.note)


# copyreg registrations
class Registered:
    def __init__(self, v):
        self.v = v


def reduce_registered(obj):
    print("reducing Registered")
    return (Registered, (obj.v * 10,))


copyreg.pickle(Registered, reduce_registered)
print(pickle.loads(pickle.dumps(Registered(4))).v)
try:
    copyreg.pickle(Registered, 5)
except TypeError as e:
    print("TypeError:", e)

copyreg.add_extension("__main__", "Point", 240)
print(pickle.dumps(Point, 2))
print(pickle.loads(pickle.dumps(Point, 2)) is Point)
try:
    copyreg.add_extension("__main__", "Empty", 240)
except ValueError as e:
    print("ValueError:", e)
copyreg.remove_extension("__main__", "Point", 240)
print(pickle.dumps(Point, 2))

# functools.partial pickles as CPython's does.
import functools
part = functools.partial(max, 1, key=abs)
part.note = "n"
for proto in range(6):
    data = pickle.dumps(part, proto)
    print(data)
    back = pickle.loads(data)
    print(back(-5, 3), back.args, back.keywords, back.note)
print(copy_result := __import__("copy").deepcopy(part)(-9), copy_result)
