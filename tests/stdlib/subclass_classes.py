# Creating subclasses of built-in types: __new__ on immutable types and
# CPython's __new__/__init__ protocol, __init_subclass__, __class_getitem__,
# __slots__, metaclasses (subclasses of type), object, and the types that
# cannot be subclassed or combined.

# __init_subclass__ and __class_getitem__
class Plugin:
    registry = {}
    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        Plugin.registry[name or cls.__name__] = cls
class A(Plugin, name="a"): pass
class B(Plugin): pass
print(sorted(Plugin.registry))

class MyList(list):
    def __class_getitem__(cls, item):
        return f"MyList of {item.__name__}"
print(MyList[int], list[int], dict[str, int], MyList([1]))

class Base(list):
    def __init_subclass__(cls, **kw):
        cls.kind = kw.get("kind", "none")
class Sub(Base, kind="k"): pass
print(Sub.kind, Sub([1, 2]))

# __slots__ on subclasses of builtins
class SlotInt(int):
    __slots__ = ()
class SlotList(list):
    __slots__ = ("a",)
sl = SlotList([1])
sl.a = 2
print(SlotInt(4) + 1, sl, sl.a)

# object subclass
class O(object):
    pass
o = O()
print(type(o).__name__, isinstance(o, object), O.__mro__, object.__subclasses__ is not None)

# metaclasses
class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        ns["made_by"] = mcs.__name__
        return super().__new__(mcs, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.extra = kw
    def __call__(cls, *a, **k):
        inst = super().__call__(*a, **k)
        inst.via_meta = True
        return inst
    def __repr__(cls):
        return f"<Meta {cls.__name__}>"
    def __len__(cls):
        return 3
    def __getitem__(cls, k):
        return k * 2
    def __iter__(cls):
        return iter("ab")
    def __contains__(cls, x):
        return x == 1
    def __instancecheck__(cls, obj):
        return obj == "magic"
    @property
    def label(cls):
        return cls.__name__.lower()

class W(metaclass=Meta, flag=1):
    def __init__(self, x):
        self.x = x

w = W(5)
print(W, W.made_by, W.extra, w.x, w.via_meta, len(W), W[4], list(W), 1 in W, isinstance("magic", W), isinstance(w, W), W.label, type(W).__name__, type(W) is Meta)

class Singleton(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class Conf(metaclass=Singleton):
    pass
print(Conf() is Conf())

Dyn = type("Dyn", (dict,), {"hello": lambda self: "hi"})
dd = Dyn(a=1)
print(dd, dd.hello(), type(dd).__name__, Dyn.__mro__)
Dyn2 = Meta("Dyn2", (), {})
print(Dyn2, Dyn2.made_by)

# __new__ on immutables
class Pos(int):
    def __new__(cls, v):
        if v < 0:
            raise ValueError("negative")
        return super().__new__(cls, v)
    def __init__(self, v):
        self.orig = v
p = Pos(3)
print(p, p.orig, type(p).__name__)
try:
    Pos(-1)
except ValueError as e:
    print("ValueError", e)

class Weird(str):
    def __new__(cls, v):
        return 42
    def __init__(self, v):
        print("never")
print(Weird("x"))

class Frozen(frozenset):
    def __new__(cls, *items):
        return super().__new__(cls, items)
print(Frozen(1, 2, 3), len(Frozen(1, 2)))

class T3(tuple):
    def __new__(cls, a, b, c):
        return tuple.__new__(cls, (a, b, c))
    def __init__(self, a, b, c):
        self.sum = a + b + c
t3 = T3(1, 2, 3)
print(t3, t3.sum, t3[2], T3.__new__(T3, 4, 5, 6))

class S2(str):
    pass
print(S2.__new__(S2, "abc"), type(S2.__new__(S2, "abc")).__name__, str.__new__(S2, 5), type(str.__new__(S2, 5)).__name__)
try:
    int.__new__(S2, 5)
except TypeError as e:
    print("TypeError", e)
try:
    object.__new__(S2)
except TypeError as e:
    print("TypeError", e)
try:
    class Bad(bool): pass
except TypeError as e:
    print("TypeError", e)
try:
    class Bad2(range): pass
except TypeError as e:
    print("TypeError", e)
try:
    class Bad3(int, str): pass
except TypeError as e:
    print("TypeError", e)
try:
    class Bad4(type(lambda: 0)): pass
except TypeError as e:
    print("TypeError", e)

# Generic aliases of the built-in containers, inherited by subclasses.
from collections import Counter, OrderedDict, defaultdict, deque


class Stack(list):
    pass


class Ring(deque):
    pass


print(list[int], Stack[int], dict[str, list[int]], tuple[int, ...], Ring[int], deque[str], OrderedDict[str, int], defaultdict[str, int], Counter[str], set[int], frozenset[str], type[int])
print(list[int]([1, 2]), Stack[int]([3]), type(Stack[int]([3])).__name__, list[int].__origin__, Stack[int].__args__, list.__class_getitem__(int), "__class_getitem__" in list.__dict__)
