# fractions.Fraction: limit_denominator against many values (ties included),
# the literal grammar, division-by-zero messages, powers, Decimal and other
# Rational types in mixed arithmetic, hashing consistency, rounding.
import math, random, numbers
from decimal import Decimal
from fractions import Fraction as F

def show(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(type(r).__name__, repr(r))

rng = random.Random(7)
for _ in range(300):
    x = F(rng.randint(-10**6, 10**6), rng.randint(1, 10**6))
    limit = rng.choice([1, 2, 3, 7, 10, 100, 999, 10**4])
    print(x, limit, x.limit_denominator(limit))
for x in [F(5, 12), F(-5, 12), F(7, 12), F(-7, 12), F(3, 2), F(-3, 2), F(5, 2), F(1, 4), F(3, 4), F(11, 30)]:
    print(x, [str(x.limit_denominator(k)) for k in range(1, 8)])
print(F(math.e).limit_denominator(10**9), F(2**0.5).limit_denominator(), F(1, 10**30 + 1).limit_denominator(10**6))

for text in ["0", "-0", "+0.0", " 7 ", "\t-3/9\n", "1_2/3_4", "1e0", "1E-2", "-1.25e+1_0", "0000.5000", "1_0.0_1e-0_1",
             "1/1_", "_1", "1 /2", "1/+2", "+/2", "1e+", "1e-", "1.e5", ".e5", "1.5e2.5", "1/2/3", "١٢/٣", "1e5e2", "2E3"]:
    show(lambda: F(text))

for a, b in [(F(3, 2), 0), (F(-3, 2), 0), (F(0), 0), (5, F(0)), (F(-5), F(0, 7)), (F(6, 5), F(0))]:
    show(lambda: a / b)
for n, d in [(5, 0), (-4, 0), (0, 0), (F(1, 2), 0), (2, F(0))]:
    show(lambda: F(n, d))
show(lambda: F(0) ** -3)

for base, exp in [(F(2, 3), 3), (F(-2, 3), -3), (F(-2, 3), -2), (F(4, 9), F(1, 2)), (F(-8), F(1, 3)), (F(2), 1.5), (F(2), 2j),
                  (F(9, 4), F(-2)), (2, F(3)), (2, F(-3)), (2, F(1, 2)), (2.5, F(2)), (-8, F(1, 3)), (Decimal(2), F(2)), (F(1, 2), Decimal(2))]:
    show(lambda: base ** exp)

d = Decimal("1.25")
for f in [lambda: F(d), lambda: F(Decimal("-0.001")), lambda: F.from_decimal(d), lambda: F.from_decimal(3), lambda: F.from_decimal(1.5),
          lambda: F(Decimal("NaN")), lambda: F(Decimal("Infinity")), lambda: F(1, 2) == Decimal("0.5"),
          lambda: F(1, 2) < Decimal("0.6"), lambda: hash(F(5, 4)) == hash(d), lambda: F(True, 2), lambda: F(3) + True]:
    show(f)

class Third(numbers.Rational):
    """A Rational that is not a Fraction."""
    numerator, denominator = 1, 3
    def __repr__(self): return "Third()"
    def __float__(self): return 1 / 3
    for name in ["__abs__", "__add__", "__ceil__", "__eq__", "__floor__", "__floordiv__", "__le__", "__lt__", "__mod__", "__mul__",
                 "__neg__", "__pos__", "__pow__", "__radd__", "__rfloordiv__", "__rmod__", "__rmul__", "__round__", "__rpow__",
                 "__rtruediv__", "__truediv__", "__trunc__"]:
        locals()[name] = lambda *args: NotImplemented
t = Third()
for f in [lambda: F(1, 3) + t, lambda: t + F(1, 3), lambda: F(1, 2) * t, lambda: t - F(1, 2), lambda: F(1) / t, lambda: t // F(1, 7),
          lambda: F(t), lambda: F(t, t), lambda: F(1, 3) == t, lambda: F(1, 4) < t, lambda: F(1, 2) ** t, lambda: divmod(F(5), t)]:
    show(f)

for _ in range(200):
    x = F(rng.randint(-10**12, 10**12), rng.randint(1, 10**12))
    y = rng.uniform(-1e6, 1e6)
    assert (x < y) == (float(x) < y or (float(x) == y and x < F(y))), (x, y)
    assert hash(x) == hash(F(str(x))), x
    assert hash(F(y)) == hash(y)
    print(round(x), round(x, 2), round(x, -3), math.floor(x), math.ceil(x), int(x), x == float(x), x.numerator % 7)
for v in [F(1, 2**61 - 1), F(-1, 2**61 - 1), F(2**61 - 1), F(-1), F(-2), F(10**40, 3)]:
    print(hash(v))
