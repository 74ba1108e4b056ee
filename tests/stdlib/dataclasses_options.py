# dataclasses: options, generated methods' details, helper functions and
# every error message @dataclass, field(), replace() and make_dataclass() raise.
import dataclasses
import inspect
from collections import namedtuple
from dataclasses import (KW_ONLY, MISSING, Field, FrozenInstanceError, InitVar, asdict, astuple, dataclass, field, fields,
                         make_dataclass, replace)
from typing import ClassVar


def show(thunk):
    try:
        print(thunk())
    except Exception as e:
        print(type(e).__name__, e)


def strip_addresses(text):
    import re
    return re.sub(r" at 0x[0-9a-f]+", "", text)


@dataclass
class C:
    x: int
    y: str = "a"
    z: list = field(default_factory=list, metadata={"unit": "m"})


print(C.__repr__.__qualname__, C.__repr__.__wrapped__.__qualname__, C.__init__.__qualname__, C.__eq__.__qualname__)
print(C.__init__.__annotations__)
print(C.__doc__, inspect.signature(C))
print(C.__dataclass_params__)
print(strip_addresses(repr(fields(C)[0])))
print(fields(C)[2].metadata, fields(C)[0].metadata, fields(C)[2].default_factory)
print(repr(MISSING).split(" at ")[0], InitVar[int], InitVar["x"], type(dataclasses.KW_ONLY).__name__)
print(C.__match_args__, C.__dict__.get("y"), "z" in C.__dict__, C.__hash__)
show(lambda: C())
show(lambda: C(1, z=2, w=4))
show(lambda: replace(C(1), w=3))
print(C(1) == C(1), C(1) != C(2), C(1) == (1, "a", []), C(1).__eq__(5))


@dataclass
class D:
    a: int
    b: InitVar[int]
    c: int = field(kw_only=True, default=3)
    n: ClassVar[int] = 7

    def __post_init__(self, b):
        self.total = self.a + b + self.c


d = D(1, 2, c=4)
print(d, d.total, D.__match_args__, [f.name for f in fields(D)], sorted(D.__dataclass_fields__))
print(strip_addresses(repr(D.__dataclass_fields__["b"])))
print(strip_addresses(repr(D.__dataclass_fields__["n"])))
print(D.__doc__)


@dataclass
class A:
    x: int = field(default=3, init=False)
    y: list = field(default_factory=list, init=False)
    w: int = 5


print(A().__dict__, A.__match_args__, A.__doc__, A.x)


@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)


n = Node(1)
n.children.append(n)
print(n)


@dataclass(frozen=True)
class Frozen:
    a: int
    c: ClassVar[int] = 3


class Loose(Frozen):
    pass


show(lambda: setattr(Frozen(1), "a", 2))
show(lambda: delattr(Frozen(1), "a"))
show(lambda: setattr(Frozen(1), "new", 2))
g = Loose(1)
g.c = 2
g.extra = 5
print(g.extra, g.c, Frozen.__setattr__.__qualname__, hash(Frozen(1)) == hash((1,)))
show(lambda: setattr(g, "a", 9))


@dataclass(unsafe_hash=True)
class Hashed:
    a: int
    b: int = field(hash=False)
    c: int = field(compare=False, default=0)


print(hash(Hashed(1, 2)) == hash((1,)), Hashed(1, 2) == Hashed(1, 3, 4))


@dataclass(eq=False)
class NoEq:
    a: int


print(NoEq(1) == NoEq(1), NoEq.__hash__ is object.__hash__)


@dataclass
class OwnEq:
    a: int

    def __eq__(self, other):
        return True


print(OwnEq(1) == 5, OwnEq.__hash__)


@dataclass
class OwnHash:
    a: int

    def __hash__(self):
        return 42


print(hash(OwnHash(1)))


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)


print(sorted([Version(1, 2), Version(1), Version(0, 9, "z")]), Version(1) < Version(1, 0, "b"), Version(2) >= Version(1, 5))
show(lambda: Version(1) < 3)


class Described:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)

    def __get__(self, obj, owner=None):
        return 11


@dataclass
class WithDescriptor:
    v: int = field(default=Described())


print(WithDescriptor.v)


@dataclass(slots=True)
class Slotted:
    a: int
    b: int = 2


print(Slotted.__slots__, Slotted(1), Slotted(1) == Slotted(1, 2), Slotted.__name__, Slotted.__qualname__)


@dataclass(slots=True, frozen=True, weakref_slot=True)
class FrozenSlots:
    a: int


print(FrozenSlots.__slots__, FrozenSlots(1).__getstate__())
show(lambda: setattr(FrozenSlots(1), "a", 3))

Point = namedtuple("Point", "x y")


@dataclass
class Holder:
    point: Point
    table: dict
    items: tuple
    inner: Node = None


h = Holder(Point(1, 2), {"k": [Node(3)]}, (Node(4), 5), Node(6))
print(asdict(h))
print(astuple(h))
print(asdict(Node(1), dict_factory=lambda pairs: sorted(pairs, reverse=True)))
print(astuple(Node(1, [2]), tuple_factory=list))
shared = [1]
copied = asdict(Node(1, shared))
print(copied["children"] is shared, copied["children"] == shared)


@dataclass
class R:
    a: int
    b: InitVar[int] = 4
    c: int = field(init=False, default=0)

    def __post_init__(self, b):
        self.c = b


@dataclass
class R2:
    b: InitVar[int]

    def __post_init__(self, b):
        pass


print(replace(R(1), a=2), replace(R(1, 7), b=9))
show(lambda: replace(R(1), c=3))
show(lambda: replace(R2(1)))
for fn in (asdict, astuple, replace, fields):
    show(lambda: fn(3))
show(lambda: asdict(C))
print(dataclasses.is_dataclass(C), dataclasses.is_dataclass(C(1)), dataclasses.is_dataclass(3), len(fields(C(1))))

M = make_dataclass("M", ["a", ("b", int), ("c", int, field(default=5))], namespace={"f": lambda self: 1}, frozen=True)
print(M.__annotations__, M(1, 2), M(1, 2).f(), M.__dataclass_params__.frozen)
for bad in [["1x"], ["def"], ["a", "a"], [("a", int, 3, 4)], [3], [(3, int)]]:
    show(lambda: make_dataclass("Bad", bad))


def declare(**options):
    def attempt(body):
        try:
            cls = type("H", (), body)
            dataclass(**options)(cls)
            print("ok")
        except Exception as e:
            print(type(e).__name__, e)
    return attempt


declare(order=True, eq=False)({})
declare(order=True)({"__lt__": lambda s, o: True})
declare(unsafe_hash=True)({"__hash__": lambda s: 1})
declare(frozen=True)({"__setattr__": lambda s, n, v: None})
declare(frozen=True)({"__delattr__": lambda s, n: None})
declare(weakref_slot=True)({})
declare(slots=True)({"__slots__": ()})
declare()({"a": field()})
declare()({"__annotations__": {"a": int, "b": int}, "a": 1})
declare()({"__annotations__": {"a": list}, "a": []})
declare()({"__annotations__": {"a": dict}, "a": {}})
declare()({"__annotations__": {"a": ClassVar[int]}, "a": field(default=1, kw_only=True)})
declare()({"__annotations__": {"a": ClassVar[list]}, "a": field(default_factory=list)})
declare()({"__annotations__": {"a": InitVar[list]}, "a": field(default_factory=list)})
declare()({"__annotations__": {"a": KW_ONLY, "b": KW_ONLY}})
declare()({"__annotations__": {"a": int, "_": KW_ONLY, "b": int}, "a": 1})
show(lambda: field(default=1, default_factory=list))
show(lambda: Field(MISSING, MISSING, True, True, None, True, None, MISSING).name)


@dataclass
class Base:
    a: int = 1


show(lambda: dataclass(frozen=True)(type("Sub", (Base,), {})))
show(lambda: dataclass(type("Sub", (Frozen,), {})))


@dataclass(kw_only=True)
class AllKw:
    a: int
    b: int = 2


print(AllKw(a=1), AllKw.__match_args__, AllKw.__doc__)
show(lambda: AllKw(1))


@dataclass(repr=False, init=False, match_args=False)
class Bare:
    a: int = 0


print("__repr__" in Bare.__dict__, "__init__" in Bare.__dict__, hasattr(Bare, "__match_args__"), Bare().a)


@dataclass
class Empty:
    pass


print(Empty(), Empty() == Empty(), Empty.__doc__, fields(Empty), asdict(Empty()), astuple(Empty()))


@dataclass
class Child(C):
    extra: int = 0
    y: str = "b"


print(Child(1), [f.name for f in fields(Child)], Child.__match_args__)
