# Subclasses of int and float: arithmetic gives the base type, overridden
# dunders are honoured by every protocol, and instances stand in for their
# base wherever it is accepted.
import math


class Celsius(float):
    def __new__(cls, degrees):
        return super().__new__(cls, degrees)

    def __repr__(self):
        return f"Celsius({float(self)!r})"

    def to_fahrenheit(self):
        return self * 9 / 5 + 32


c = Celsius(21.5)
print(c, repr(c), str(c), c.to_fahrenheit(), type(c.to_fahrenheit()).__name__)
print(c + 1, type(c + 1).__name__, 1 + c, c - 0.5, 30 - c, c * 2, c / 2, c // 2, c % 5, c ** 2, 2 ** Celsius(2))
print(-c, +c, abs(Celsius(-2.5)), type(-c).__name__, round(c), round(c, 0), math.floor(c), math.ceil(c), math.trunc(c), int(c), float(c), type(float(c)).__name__)
print(c > 20, c < 20, c == 21.5, 21.5 == c, c != 21.5, c >= Celsius(21.5), hash(c) == hash(21.5), {c: "warm"}[21.5], divmod(c, 4), c.is_integer(), c.real, c.imag)
print(f"{c:.3f}", f"{c}", format(c, "8.2f"), "%.1f" % c, "%s" % c, "%r" % c, "{} and {!r}".format(c, c), "%d" % c)
print(sorted([Celsius(3), Celsius(1.5), 2]), max(Celsius(1), 0.5), min(Celsius(1), Celsius(0.5)), sum([Celsius(1), Celsius(2)]), math.sqrt(Celsius(16)), math.isclose(Celsius(1), 1.0))
print(isinstance(c, float), isinstance(c, Celsius), issubclass(Celsius, float), type(c).__mro__)


class Money(int):
    def __new__(cls, amount, currency="EUR"):
        self = super().__new__(cls, amount)
        self.currency = currency
        return self

    def __str__(self):
        return f"{int(self)} {self.currency}"

    def __add__(self, other):
        return Money(int(self) + int(other), self.currency)

    __radd__ = __add__


m = Money(5)
print(m, repr(m), m + 3, 3 + m, type(m + 3).__name__, type(3 + m).__name__, sum([Money(1), Money(2)]), type(sum([Money(1), Money(2)])).__name__)
print(m * 2, type(m * 2).__name__, m - 1, m // 2, m % 3, m << 1, m >> 1, m & 4, m | 2, m ^ 1, ~m, -m, type(-m).__name__, m ** 2, pow(m, 2, 3), divmod(m, 2))
print(m.currency, m.real, m.numerator, m.denominator, m.bit_length(), bin(m), hex(m), oct(m), m.to_bytes(2, "big"), int(m), type(int(m)).__name__, float(m))
print(f"{m}", f"{m:>6}", f"{m:03d}", "{}".format(m), "%d" % m, "%s" % m, "%x" % m, format(m, "b"), str(m), repr(m))
print([1, 2, 3, 4, 5, 6][m], "abcdef"[Money(1):m], list(range(m)), "ab" * Money(2), [0] * Money(2), m == 5, 5 == m, m < 6, {m: "x"}[5], hash(m) == hash(5), bool(Money(0)), isinstance(m, int))


class Loud(int):
    """Overridden dunders are what every protocol uses."""

    def __eq__(self, other):
        print("eq called")
        return int(self) == other

    __hash__ = int.__hash__

    def __lt__(self, other):
        print("lt called")
        return int(self) < other

    def __bool__(self):
        print("bool called")
        return True

    def __index__(self):
        print("index called")
        return 1

    def __neg__(self):
        return "negated"

    def __format__(self, spec):
        return f"<{int(self)}:{spec}>"


z = Loud(0)
print(z == 0, 0 == z, z < 1, 1 > z, sorted([Loud(2), Loud(1)]))
print(bool(z), "yes" if z else "no", -z, f"{z:x}", format(z))
print([10, 20][Loud(1)], "ab"[Loud(0)], list(range(Loud(3))), [1, 2, 3][Loud(0):Loud(2)])


class Pos(int):
    def __new__(cls, value):
        if value < 0:
            raise ValueError(f"negative: {value}")
        return super().__new__(cls, value)

    def __init__(self, value):
        self.original = value


p = Pos(3)
print(p, p.original, type(p).__name__, Pos(3.9), Pos(True))
try:
    Pos(-1)
except ValueError as e:
    print("ValueError:", e)


class Hex(int):
    def __new__(cls, text):
        return super().__new__(cls, text, 16)

    def __repr__(self):
        return f"Hex({hex(self)})"


print(Hex("ff"), repr(Hex("10")), Hex("ff") + 1, [Hex("a")])

# bool cannot be subclassed; int subclasses of int subclasses work.
try:
    class MyBool(bool):
        pass
except TypeError as e:
    print("TypeError:", e)


class Deeper(Money):
    pass


d = Deeper(7, "USD")
print(d, d + 1, type(d + 1).__name__, d.currency, Deeper.__mro__)

# Numbers in places that take an int.
n = Pos(2)
print(round(3.14159, n), (10).to_bytes(n, "little"), "x".center(Pos(5)), [1, 2, 3].pop(Pos(0)), math.factorial(Pos(5)), chr(Pos(65)), max(range(Pos(4))))
