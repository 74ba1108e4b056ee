# Subclasses of the core built-in types in the shapes real programs use:
# attribute dicts, case-insensitive strings, typed lists, flag ints, unit
# floats, byte buffers, descriptor subclasses, registries through
# __init_subclass__, and the protocols CPython routes through them.
import json


class AttrDict(dict):
    __getattr__ = dict.__getitem__
    __setattr__ = dict.__setitem__
    __delattr__ = dict.__delitem__


ad = AttrDict(a=1)
ad.b = 2
print(ad, ad.a, ad["b"], json.dumps(ad), type(ad).__name__, isinstance(ad, dict), "b" in ad)
del ad.a
print(ad, len(ad))
try:
    ad.missing
except KeyError as e:
    print("KeyError", e)


class Namespace(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name, value):
        self[name] = value


ns = Namespace(x=1)
ns.y = 2
print(ns.x, ns.y, ns, getattr(ns, "z", "default"), hasattr(ns, "x"), vars(ns) if False else sorted(ns))


class Defaults(dict):
    def __missing__(self, key):
        return "{" + key + "}"


print("{name} is {age}".format_map(Defaults(name="Ann")), "%(name)s" % Defaults(name="Bo"))


def show(**kwargs):
    return sorted(kwargs.items())


class Upper(dict):
    def __getitem__(self, key):
        return super().__getitem__(key).upper()


u = Upper(a="x", b="y")
print(dict(u), u["a"], list(u.values()), u.get("a"), sorted(u.items()), u.copy(), type(u.copy()).__name__)


class Keys(dict):
    def keys(self):
        return ["a"]

    def __getitem__(self, key):
        return "from getitem"


k = Keys(a=1, b=2)
print(dict(k), k.keys(), k["zz"], sorted(k), len(k))
d = {}
d.update(k)
print(d)


class CIStr(str):
    def __eq__(self, other):
        return self.lower() == str(other).lower()

    def __hash__(self):
        return hash(self.lower())

    def __ne__(self, other):
        return not self == other


print(CIStr("Hello") == "hello", "hello" == CIStr("HELLO"), CIStr("A") in ["a"], {CIStr("X"): 1}.get(CIStr("x")), CIStr("Ab").upper(), type(CIStr("Ab").upper()).__name__)
print(CIStr("a b").split(), CIStr("abc")[1:], type(CIStr("abc")[1:]).__name__, CIStr("x") + "y", type(CIStr("x") + "y").__name__, f"{CIStr('v')}", "%s" % CIStr("w"), repr(CIStr("q")), len(CIStr("four")))


class Path(str):
    def __truediv__(self, other):
        return Path(self + "/" + other)

    @property
    def parts(self):
        return self.split("/")


p = Path("usr") / "lib" / "x"
print(p, type(p).__name__, p.parts, p.startswith("usr"), p.replace("/", "."), isinstance(p, str), str(p), type(str(p)).__name__, "".join([p, p]))


class TypedList(list):
    def __init__(self, kind, items=()):
        self.kind = kind
        super().__init__()
        self.extend(items)

    def _check(self, item):
        if not isinstance(item, self.kind):
            raise TypeError(f"expected {self.kind.__name__}, got {type(item).__name__}")
        return item

    def append(self, item):
        super().append(self._check(item))

    def extend(self, items):
        super().extend(self._check(i) for i in items)

    def __setitem__(self, index, value):
        super().__setitem__(index, self._check(value))


tl = TypedList(int, [1, 2])
tl.append(3)
tl[0] = 10
print(tl, tl.kind, len(tl), sum(tl), tl[1:], type(tl[1:]).__name__)
for bad in (lambda: tl.append("x"), lambda: tl.extend([4, "y"]), lambda: tl.__setitem__(0, 1.5)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
tl.insert(0, "sneaky")
print(tl, tl == ["sneaky", 10, 2, 3], sorted(tl[1:], reverse=True))


class Flags(int):
    NAMES = {1: "READ", 2: "WRITE", 4: "EXEC"}

    def __repr__(self):
        names = [n for bit, n in self.NAMES.items() if self & bit]
        return "Flags(" + "|".join(names or ["0"]) + ")"

    def __or__(self, other):
        return Flags(int(self) | int(other))

    __ror__ = __or__


rw = Flags(1) | Flags(2)
print(rw, repr(rw), int(rw), rw + 1, type(rw + 1).__name__, rw & 2, 4 | rw, type(4 | rw).__name__, rw == 3, hash(rw) == hash(3), str(rw), f"{rw:b}", [Flags(0)], bool(Flags(0)), range(10)[Flags(2)], "ab"[Flags(1)])


class Meters(float):
    def __new__(cls, value, unit="m"):
        self = super().__new__(cls, value)
        self.unit = unit
        return self

    def __repr__(self):
        return f"{float(self)}{self.unit}"

    def __add__(self, other):
        return Meters(float(self) + float(other), self.unit)


m = Meters(1.5)
print(m, repr(m), m + 2, m * 2, type(m * 2).__name__, round(m), m.unit, m.is_integer(), m > 1, int(m), f"{m:.2f}", float(m), m.hex() == (1.5).hex(), abs(Meters(-2.0)), -m, type(-m).__name__)


class Number(int):
    def __new__(cls, value, base=None):
        if isinstance(value, str) and base is None:
            return super().__new__(cls, value, 0)
        return super().__new__(cls, value) if base is None else super().__new__(cls, value, base)


print(Number("0x1f"), Number("17", 8), Number(3.9), type(Number(1)).__name__, Number(5).bit_length(), Number(5).to_bytes(2, "big"))


class Buffer(bytearray):
    def write(self, data):
        self.extend(data)
        return len(data)


b = Buffer(b"ab")
b.write(b"cd")
b += b"e"
print(b, bytes(b), len(b), b[0], b[1:3], type(b[1:3]).__name__, b.decode(), type(b).__name__, isinstance(b, bytearray), b"c" in b)


class Blob(bytes):
    def __new__(cls, data, tag):
        self = super().__new__(cls, data)
        self.tag = tag
        return self

    def hexed(self):
        return self.hex()


bl = Blob(b"\x01\xff", "t")
print(bl, bl.tag, bl.hexed(), bl + b"!", type(bl + b"!").__name__, bl[0], bl[:1], list(bl), bl == b"\x01\xff", bytes(bl), len(bl))


class Cached(property):
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        name = self.fget.__name__
        if name not in obj.__dict__:
            obj.__dict__[name] = super().__get__(obj, objtype)
        return obj.__dict__[name]


class Calc:
    calls = 0

    @Cached
    def value(self):
        Calc.calls += 1
        return 42


c = Calc()
print(c.value, c.value, Calc.calls, type(Calc.value).__name__, isinstance(Calc.value, property))


class Logged(property):
    def __set__(self, obj, value):
        print("setting", value)
        super().__set__(obj, value)


class Thing:
    def __init__(self):
        self._v = 0

    @Logged
    def v(self):
        return self._v

    @v.setter
    def v(self, value):
        self._v = value


th = Thing()
th.v = 5
print(th.v, type(Thing.v).__name__)


class traced(classmethod):
    pass


class ts(staticmethod):
    pass


class Factory:
    @traced
    def make(cls):
        return cls.__name__

    @ts
    def helper(x):
        return x * 2


print(Factory.make(), Factory().make(), Factory.helper(4), type(Factory.__dict__["make"]).__name__, type(Factory.__dict__["helper"]).__name__)


class Plugin:
    registry = {}

    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        Plugin.registry[name or cls.__name__.lower()] = cls


class Csv(Plugin, name="csv"):
    pass


class Json(Plugin):
    pass


print(sorted(Plugin.registry), Plugin.registry["csv"] is Csv)


class Box:
    def __class_getitem__(cls, item):
        return f"Box of {item.__name__}"


print(Box[int], Box[str])


class Matrix(list):
    def __init__(self, rows):
        super().__init__(list(r) for r in rows)

    @property
    def shape(self):
        return (len(self), len(self[0]) if self else 0)

    def __matmul__(self, other):
        return Matrix([[sum(a * b for a, b in zip(row, col)) for col in zip(*other)] for row in self])


mx = Matrix([[1, 2], [3, 4]])
print(mx @ mx, type(mx @ mx).__name__, mx.shape, mx == [[1, 2], [3, 4]])


class Frozen(frozenset):
    def __repr__(self):
        return "Frozen{" + ", ".join(sorted(map(str, self))) + "}"


fz = Frozen("cab")
print(fz, {fz: 1}, sorted(fz | {"d"}), type(fz | {"d"}).__name__, sorted(fz.union("z")), type(fz.union("z")).__name__)


class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))

    def swap(self):
        return Pair(self[1], self[0])

    def __repr__(self):
        return f"Pair{tuple.__repr__(self)}"


pr = Pair(1, 2)
print(pr, pr.swap(), pr + (3,), type(pr + (3,)).__name__, pr[::-1], hash(pr) == hash((1, 2)), sorted([Pair(2, 1), Pair(1, 3)]), max(Pair(1, 9)), json.dumps(pr))
print(type(pr) is Pair, type(pr) is tuple, isinstance(pr, tuple), issubclass(Pair, tuple), Pair.__mro__, Pair.__base__, Pair.__name__, Pair.__qualname__, Pair.__module__)
print((0.1).hex(), (-2.5).hex(), (0.0).hex(), (-0.0).hex(), (5e-324).hex(), float("inf").hex(), float("-inf").hex(), float("nan").hex(), (1e308).hex(), Meters(3.0).hex())
