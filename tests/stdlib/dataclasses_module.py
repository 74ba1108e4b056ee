from dataclasses import dataclass, field, fields, asdict, astuple, replace, FrozenInstanceError, is_dataclass, InitVar, KW_ONLY, make_dataclass
from typing import ClassVar, List


@dataclass
class P:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)


print(P(1), P(1, 2) == P(1, 2), P(1) == P(2), P.__init__.__qualname__, [f.name for f in fields(P)], P.__match_args__)
try:
    P()
except TypeError as e:
    print(e)
try:
    P(1, 2, [], 4)
except TypeError as e:
    print(e)
try:

    @dataclass
    class Q:
        a: list = []

except ValueError as e:
    print(e)
try:

    @dataclass
    class R:
        a: int = 1
        b: int

except TypeError as e:
    print(e)


@dataclass(frozen=True, order=True)
class F:
    a: int
    b: str = "x"


f = F(1)
try:
    f.a = 2
except FrozenInstanceError as e:
    print(repr(e), e, isinstance(e, AttributeError))
print(F(1) < F(2), F(1) <= F(1, "a"), hash(f) == hash(F(1)), sorted([F(2), F(1, "a"), F(1)]), {f: 1})
print(asdict(P(1, tags=[F(1)])), astuple(P(1)), replace(P(1), y=5), is_dataclass(P), is_dataclass(P(1)), is_dataclass(1))
try:
    hash(P(1))
except TypeError as e:
    print(e)


@dataclass
class C:
    a: int
    b: int = field(default=2, repr=False, compare=False)
    scale: InitVar[int] = 1
    count: ClassVar[int] = 0

    def __post_init__(self, scale):
        self.c = (self.a + self.b) * scale


c = C(1, scale=3)
print(c, c.c, C(1, 5) == C(1, 9), [f.name for f in fields(C)], C.count)


@dataclass(eq=False)
class E:
    a: int


print(E(1) == E(1), E.__hash__ is object.__hash__)


@dataclass
class Child(P):
    z: int = 9


print(Child(1, 2, [], 3), fields(Child)[-1].name, Child(5))


@dataclass
class K:
    a: int
    _: KW_ONLY
    b: int = 2
    c: List[int] = field(default_factory=lambda: [1])


print(K(1, b=3), K(0))
try:
    K(1, 2)
except TypeError as e:
    print(e)


@dataclass
class WithRepr:
    v: int

    def __repr__(self):
        return "custom"


print(WithRepr(1), make_dataclass("Pt", ["x", ("y", int, field(default=5))])(1))
print(repr(fields(P)[0]).split(",default=")[0])
