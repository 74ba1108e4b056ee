# Decimal construction (str, int, float, tuple), str/repr/to_eng_string,
# as_tuple and the conversions back to int, float and Fraction.
from decimal import Decimal, getcontext, InvalidOperation, FloatOperation
import decimal
import math
from fractions import Fraction


def show(f):
    try:
        r = f()
    except Exception as e:
        r = f"{type(e).__name__}: {e}"
    print(repr(r))


for text in ['1.5', '-0', '0.000', '1E+5', '1e-7', '.5', '5.', '  12.50\n', '1_000.5',
             '١٢٣', 'Inf', '-Infinity', 'nan', '-sNaN0012', 'NaN123', '1.23E-0005',
             '123456789012345678901234567890.123', '0E-1000', '1e', '.', '+-1', 'abc', '']:
    show(lambda: Decimal(text))
for n in [0, -7, 10 ** 40, True]:
    show(lambda: Decimal(n))
for f in [0.1, -0.0, 1.5, 1e300, 5e-324, float('inf'), float('-inf')]:
    show(lambda: Decimal(f))
show(lambda: Decimal(float('nan')))
show(lambda: Decimal.from_float(0.25))
show(lambda: Decimal.from_float(7))
show(lambda: Decimal.from_float('7'))
for t in [(0, (1, 2), -1), [1, (0, 0), 2], (0, (), 'F'), (1, (4, 2), 'n'), (0, (1,), 'N'),
          (0, (1, 12), -1), (2, (1,), 0), (0, (1,), 1.5), (0, (1,), 'x'), (0, (1,))]:
    show(lambda: Decimal(t))
show(lambda: Decimal(None))
show(lambda: Decimal(1, 2))
show(lambda: Decimal(Decimal('3.14')))
for text in ['123.45', '1.2E+7', '0E+4', '0E-7', '-1.2E-8', '1E+2', '0.00001', '1234567E-20']:
    d = Decimal(text)
    print(str(d), repr(d), d.to_eng_string(), d.as_tuple(), d.adjusted())
for text in ['1.5', '-1.5', '2.5', '-0.5', '1e3', '12345.6789']:
    d = Decimal(text)
    print(int(d), float(d), round(d), round(d, 1), round(d, -1), math.floor(d), math.ceil(d),
          math.trunc(d), d.as_integer_ratio(), Fraction(d), Fraction.from_decimal(d))
show(lambda: int(Decimal('nan')))
show(lambda: int(Decimal('-inf')))
show(lambda: float(Decimal('snan')))
show(lambda: float(Decimal('-nan')))
show(lambda: Decimal('inf').as_integer_ratio())
show(lambda: round(Decimal('inf'), 2))
show(lambda: complex(Decimal('2.5')))
d = Decimal('2.5')
print(d.real, d.imag, d.conjugate(), bool(Decimal(0)), bool(Decimal('nan')))
# hashes agree with equal ints, floats and Fractions
for text in ['1.5', '0.1', '-1', '1E+30', '100', '-0', 'inf', '-inf']:
    d = Decimal(text)
    print(text, hash(d) == hash(float(d)), d == float(d))
print(hash(Decimal('0.1')) == hash(Fraction(1, 10)), hash(Decimal(10 ** 30)) == hash(10 ** 30))
show(lambda: hash(Decimal('sNaN')))
print({Decimal('1.0'): 'a'}[1], Decimal('1.5') in {1.5})
ctx = getcontext()
ctx.clear_flags()
Decimal(0.5)
print(ctx.flags[FloatOperation])
ctx.traps[FloatOperation] = True
show(lambda: Decimal(0.5))
show(lambda: Decimal.from_float(0.5))
ctx.traps[FloatOperation] = False
print(Decimal.__module__, Decimal.__name__, type(Decimal(1)).__qualname__)
print(decimal.DecimalTuple(0, (1,), 2))
import copy, pickle
print(copy.copy(Decimal('1.10')), copy.deepcopy(Decimal('-0')), pickle.loads(pickle.dumps(Decimal('1.50'))))
