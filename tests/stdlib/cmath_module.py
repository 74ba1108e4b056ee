# cmath: every function at special, tiny, huge and random arguments (the
# results must agree bit for bit), and CPython's errors.
import cmath
import math
import random

random.seed(12)
VALUES = [0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 1e-310, -1e-310, 1e308, -1e308, 1e-200, 1e200,
          710.0, -710.0, 1e155, 3.0, math.inf, -math.inf, math.nan, 1.0000001, 0.9999999, 354.0]
NAMES = ['sqrt', 'exp', 'log', 'log10', 'cos', 'sin', 'tan', 'acos', 'asin', 'atan', 'cosh',
         'sinh', 'tanh', 'acosh', 'asinh', 'atanh', 'phase', 'polar', 'isfinite', 'isinf',
         'isnan']


def part():
    r = random.random()
    if r < 0.4:
        return random.choice(VALUES)
    if r < 0.7:
        return random.uniform(-5, 5)
    return random.choice([1, -1]) * 10 ** random.uniform(-320, 308)


def attempt(f, *args):
    try:
        return repr(f(*args))
    except (ValueError, OverflowError, ZeroDivisionError) as e:
        return f'{type(e).__name__}: {e}'


for x in VALUES:
    for y in VALUES:
        z = complex(x, y)
        print(z, ' '.join(attempt(getattr(cmath, name), z) for name in NAMES[:17]))
        print('  rect', attempt(cmath.rect, x, y), 'log base', attempt(cmath.log, z, 2 + y * 1j))
for _ in range(300):
    z = complex(part(), part())
    print(z, ' '.join(attempt(getattr(cmath, name), z) for name in NAMES))
    w = complex(part(), part())
    print('  ', attempt(cmath.log, z, w), attempt(lambda: z ** w), attempt(lambda: z / w),
          attempt(lambda: z ** random.randint(-120, 120)), attempt(cmath.isclose, z, w))

# Arguments of other types.
class WithComplex:
    def __complex__(self):
        return 3 + 4j

class WithFloat:
    def __float__(self):
        return 0.25

class WithIndex:
    def __index__(self):
        return 5

for arg in [2, True, 2.5, 2**70, WithComplex(), WithFloat(), WithIndex()]:
    print(cmath.sqrt(arg), cmath.phase(arg), cmath.polar(arg))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
print(sorted(name for name in dir(cmath) if not name.startswith('_')))
print(cmath.isclose(1j, 1j + 1e-10, abs_tol=1e-9), cmath.isclose(1, 1.0000000001),
      cmath.isclose(1, 1.0001, rel_tol=1e-3), cmath.isclose(math.inf, math.inf),
      cmath.isclose(complex(math.inf, 1), complex(math.inf, 2)))
print(cmath.exp(1j * math.pi), cmath.sqrt(-1), cmath.log(-1), cmath.rect(2, math.pi / 2))

# Errors.
for f in [lambda: cmath.sqrt('a'), lambda: cmath.sqrt(), lambda: cmath.sqrt(1, 2),
          lambda: cmath.sqrt(x=1), lambda: cmath.log(1, 2, 3), lambda: cmath.log(0),
          lambda: cmath.log(1, 0), lambda: cmath.log(2, 1), lambda: cmath.log(1, None),
          lambda: cmath.rect('a', 1), lambda: cmath.rect(1), lambda: cmath.phase('a'),
          lambda: cmath.polar(None), lambda: cmath.isclose(1),
          lambda: cmath.isclose(1, 2, rel_tol=-1), lambda: cmath.isclose(1, 2, 3),
          lambda: cmath.isclose(1, 2, bogus=3), lambda: cmath.atanh(1), lambda: cmath.exp(1000),
          lambda: cmath.rect(1, math.inf), lambda: cmath.isnan([]), lambda: cmath.phase(1e300 + 1e-300j),
          lambda: cmath.cosh(1000), lambda: cmath.polar(complex(1e308, 1e308))]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
