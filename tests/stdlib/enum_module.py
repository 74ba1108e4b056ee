from enum import Enum, IntEnum, Flag, IntFlag, auto, unique, StrEnum


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

    def describe(self):
        return self.name.lower()

    @property
    def hexish(self):
        return self.value * 16


print(Color.RED, repr(Color.RED), Color(1), Color["GREEN"], list(Color), len(Color), Color.CRIMSON is Color.RED, Color.RED.name, Color.RED.value, Color.RED.describe(), Color.BLUE.hexish)
print(Color, repr(Color), type(Color), type(Color.RED), isinstance(Color.RED, Color), Color.RED in Color, Color.__members__)
print(f"{Color.RED}", format(Color.RED, ">12"), str(Color.GREEN), hash(Color.RED) == hash("RED"), Color.RED == 1, Color.RED == Color.RED, {Color.RED: 1})
try:
    Color(7)
except ValueError as e:
    print(e)
try:
    Color["X"]
except KeyError as e:
    print(repr(e))
try:
    Color.RED = 5
except AttributeError as e:
    print(e)


class A(Enum):
    X = auto()
    Y = auto()


print(list(A), A.Y.value)


class Perm(Flag):
    R = 4
    W = 2
    X = 1


rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, list(rw), rw.value, Perm(0), repr(Perm(0)), ~Perm.R, bool(Perm(0)), Perm(7), rw & Perm.R)


class F(Flag):
    A = auto()
    B = auto()
    C = auto()


print(list(F), F.C.value, F.A | F.C)


class IP(IntFlag):
    R = 4
    W = 2


print(IP.R | IP.W, repr(IP.R | IP.W), IP.R | 1, IP.R + 1)
try:

    @unique
    class U(Enum):
        A = 1
        B = 1

except ValueError as e:
    print(e)
E2 = Enum("E2", "a b c")
print(list(E2), E2.b.value, Enum("E3", [("x", 10), ("y", 20)]).y)


class Planet(Enum):
    EARTH = (5.97e24, 6.37e6)
    MARS = (6.42e23, 3.39e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


print(Planet.EARTH.mass, Planet.EARTH.value, round(Planet.MARS.gravity, 3))
print(sorted(Color, key=lambda c: c.value))


class Prio(IntEnum):
    LOW = 1
    HIGH = 2


print(str(Prio.LOW), format(Prio.LOW), f"{Prio.LOW}", repr(Prio.LOW), Prio.LOW + 1, Prio.LOW < Prio.HIGH, [0, 1, 2][Prio.HIGH], int(Prio.HIGH), Prio(2), Prio["LOW"], Prio.LOW == 1, sorted([Prio.HIGH, Prio.LOW]))


class Shade(str, Enum):
    DARK = "dark"
    LIGHT = "light"


print(str(Shade.DARK), format(Shade.DARK), f"{Shade.DARK}", repr(Shade.DARK), Shade.DARK == "dark", Shade.DARK.upper(), Shade("light"))


class S(StrEnum):
    ALPHA = auto()
    B = "bee"


print(str(S.ALPHA), repr(S.ALPHA), S.B == "bee", f"{S.B}", S("bee"))


class Status(Enum):
    ACTIVE = "active"
    INACTIVE = "inactive"

    @classmethod
    def parse(cls, text):
        return cls(text.lower())


print(Status.parse("ACTIVE"), [s.value for s in Status], Status.ACTIVE.value.title())
print({Color.RED: "r", Color.GREEN: "g"}[Color.GREEN])
