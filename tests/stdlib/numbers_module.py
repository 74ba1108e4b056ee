# numbers: the ABC tower, the built-in types registered in it, and the
# mixin methods a subclass inherits.
import numbers
from fractions import Fraction

tower = [numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral]
for value in [1, True, 2**100, 1.5, 1j, Fraction(1, 2), 'x', None, [1]]:
    print(repr(value), [isinstance(value, cls) for cls in tower])
for cls in tower:
    print(cls.__name__, cls.__mro__[1].__name__, sorted(cls.__abstractmethods__))
print([issubclass(t, numbers.Real) for t in (int, float, complex, bool, Fraction, str)])
print(numbers.__all__, numbers.Number.__hash__)


class Meters(numbers.Integral):
    """An integral type written from the ABC's mixins."""

    def __init__(self, n):
        self.n = n

    def __int__(self): return self.n
    def __pow__(self, e, m=None): return Meters(pow(self.n, int(e), m))
    def __lshift__(self, o): return Meters(self.n << int(o))
    def __rlshift__(self, o): return Meters(int(o) << self.n)
    def __rshift__(self, o): return Meters(self.n >> int(o))
    def __rrshift__(self, o): return Meters(int(o) >> self.n)
    def __and__(self, o): return Meters(self.n & int(o))
    def __rand__(self, o): return Meters(int(o) & self.n)
    def __xor__(self, o): return Meters(self.n ^ int(o))
    def __rxor__(self, o): return Meters(int(o) ^ self.n)
    def __or__(self, o): return Meters(self.n | int(o))
    def __ror__(self, o): return Meters(int(o) | self.n)
    def __invert__(self): return Meters(~self.n)
    def __add__(self, o): return Meters(self.n + int(o))
    def __radd__(self, o): return Meters(int(o) + self.n)
    def __neg__(self): return Meters(-self.n)
    def __pos__(self): return Meters(self.n)
    def __mul__(self, o): return Meters(self.n * int(o))
    def __rmul__(self, o): return Meters(int(o) * self.n)
    def __truediv__(self, o): return self.n / int(o)
    def __rtruediv__(self, o): return int(o) / self.n
    def __rpow__(self, b): return int(b) ** self.n
    def __abs__(self): return Meters(abs(self.n))
    def __eq__(self, o): return self.n == int(o)
    def __hash__(self): return hash(self.n)
    def __trunc__(self): return self.n
    def __floor__(self): return self.n
    def __ceil__(self): return self.n
    def __round__(self, nd=None): return self.n
    def __floordiv__(self, o): return Meters(self.n // int(o))
    def __rfloordiv__(self, o): return Meters(int(o) // self.n)
    def __mod__(self, o): return Meters(self.n % int(o))
    def __rmod__(self, o): return Meters(int(o) % self.n)
    def __lt__(self, o): return self.n < int(o)
    def __le__(self, o): return self.n <= int(o)
    def __repr__(self): return f'Meters({self.n})'


m = Meters(7)
print(m - 2, 10 - m, divmod(m, 2), divmod(20, m), float(m), complex(m), m.real, m.imag,
      m.conjugate(), m.numerator, m.denominator, m.__index__(), [0, 1, 2, 3, 4, 5, 6, 7, 8][m],
      bool(m), bool(Meters(0)))

class Partial(numbers.Real):
    def __float__(self):
        return 1.0

try:
    Partial()
except TypeError as e:
    print(e)

class Custom:
    pass

numbers.Number.register(Custom)
print(isinstance(Custom(), numbers.Number), isinstance(Custom(), numbers.Complex))
try:
    hash(Meters.__mro__[-2])
    print(numbers.Number.__hash__ is None)
except TypeError as e:
    print(e)
