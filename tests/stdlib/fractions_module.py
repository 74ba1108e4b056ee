# fractions.Fraction: construction, normalisation, arithmetic and the
# mixed-type rules, comparisons, hashing, rounding, limit_denominator, and
# CPython's errors.
import copy
import math
import pickle
from fractions import Fraction as F
import fractions
import numbers


def show(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(type(r).__name__, repr(r))


# Construction.
for args in [(), (3,), (6, 4), (3, -6), (-3, -6), (0, 5), (True,), (F(1, 2), F(1, 3)), (F(3, 4),),
             (0.75,), (-0.1,), (1e300,), (2**70, 6), ('3/4',), (' -1_0/3_0 ',), ('1.5e-3',),
             ('.5',), ('5.',), ('+7',), ('1E3',), ('-2.5e+2',), ('1_000.000_1',), ('0.0',)]:
    show(lambda: F(*args))
show(lambda: F(numerator=3, denominator=9))
show(lambda: F.from_float(0.1))
show(lambda: F.from_float(5))
show(lambda: F(1, 3).as_integer_ratio())
f = F(22, 7)
print(f.numerator, f.denominator, str(f), repr(f), str(F(4, 2)), f.real, f.imag, f.conjugate())
print(isinstance(f, numbers.Rational), isinstance(f, numbers.Real), isinstance(f, numbers.Integral))

# limit_denominator.
print(F(math.pi).limit_denominator(), F(math.pi).limit_denominator(100), F(math.pi).limit_denominator(1))
print(F('3.141592653589793').limit_denominator(10), F(1, 3).limit_denominator(3), F(-7, 10).limit_denominator(3))
print(F(0.1).limit_denominator(1000), F(127, 512).limit_denominator(20), F(5, 8).limit_denominator(3))

# Arithmetic, exact and mixed.
a, b = F(1, 3), F(1, 6)
for x, y in [(a, b), (a, 2), (2, a), (a, 0.5), (0.5, a), (a, True), (F(-7, 2), F(1, 3))]:
    print(x + y, x - y, x * y, x / y, x // y, x % y, divmod(x, y))
for x, y in [(a, 1j), (1j, a)]:
    print(x + y, x - y, x * y, x / y)
    show(lambda: x // y)
    show(lambda: x % y)
print(a ** 2, a ** -2, F(-2, 3) ** -3, F(2) ** -2, a ** 0.5, a ** F(1, 2), 2 ** F(1, 2), 4 ** F(2),
      F(4) ** F(1, 2), (-F(3, 2)) ** F(1, 2), 2.0 ** F(3), F(9, 4) ** 1j)
print(-a, +a, abs(F(-3, 4)), int(F(-7, 2)), int(F(7, 2)), math.trunc(F(-7, 2)), math.floor(F(-7, 2)),
      math.ceil(F(-7, 2)), float(F(1, 3)), complex(F(1, 2)), bool(F(0)), bool(a))
for x in [F(5, 2), F(7, 2), F(-5, 2), F(1, 3), F(2, 3)]:
    print(round(x), round(x, 1), round(x, 0), round(x, -1), round(F(12345, 7), -2))

# Comparisons and hashing.
print(a == F(2, 6), a == 1 / 3, F(1, 2) == 0.5, F(1, 2) == 0.5 + 0j, F(2) == 2, F(2) == 2.0,
      F(1) == math.inf, F(1) == math.nan, a < b, a > 0.3, a <= F(1, 3), 1 < F(3, 2), F(3, 2) >= 1.5,
      F(1) < math.inf, F(1) > math.nan, F(3, 2) != 'x')
print(hash(F(1, 3)), hash(F(1, 2)) == hash(0.5), hash(F(5)) == hash(5), hash(F(-1)), hash(F(2**61 - 1, 3)),
      hash(F(1, 2**61 - 1)), len({F(1, 2), 0.5, F(2, 4)}))
print(sorted([F(1, 2), 0.3, 1, F(-1, 7), 2**-1]))
print(sum([F(1, n) for n in range(1, 10)]), max(F(1, 3), 0.3), min(F(1, 3), 0.35))

# Copying and pickling.
print(copy.copy(a), copy.deepcopy(a), pickle.loads(pickle.dumps(a)), a.__reduce__())

class MyFraction(F):
    pass

m = MyFraction(3, 4)
print(repr(m), repr(copy.copy(m)), type(m + 1).__name__, repr(MyFraction.from_float(0.5)))

# Errors.
show(lambda: F(1, 0))
show(lambda: F(0) ** -1)
show(lambda: 1 / F(0))
show(lambda: F(3, 2) / 0)
show(lambda: F(3) // 0)
show(lambda: F(3) % 0)
show(lambda: divmod(F(3), 0))
show(lambda: F(1) / 0.0)
for text in ['x', '', '1/0', '1__0', '1/ 2', '1.5/2', '/2', '1/', '--1', '1e', 'e5', '.', '1.2.3',
             'nan', 'inf', '0x10', '١٢']:
    show(lambda: F(text))
show(lambda: F([]))
show(lambda: F(1.5, 2))
show(lambda: F(1, 2.5))
show(lambda: F(float('nan')))
show(lambda: F(float('inf')))
show(lambda: F.from_float('1'))
show(lambda: F(1).limit_denominator(0))
show(lambda: F(3, 2) < 1j)
show(lambda: F(3, 2) < 'a')
show(lambda: F(1, 2) + 'a')
show(lambda: 'a' * F(1, 2))
show(lambda: format(F(1, 2), '.2f'))
show(lambda: format(F(1, 2), ''))
print(fractions.__all__ if hasattr(fractions, '__all__') else None)
