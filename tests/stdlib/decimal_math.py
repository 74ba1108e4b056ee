# sqrt, exp, ln, log10 and ** (correctly rounded as CPython's), with the
# special cases and signals; statistics and fractions with Decimals.
from decimal import *
import statistics
from fractions import Fraction


def show(f):
    ctx = getcontext()
    ctx.clear_flags()
    try:
        r = f()
    except Exception as e:
        r = f"{type(e).__name__}: {e}"
    print(repr(r), sorted(s.__name__ for s, v in ctx.flags.items() if v))


for text in ['2', '4', '4.0', '0.04', '-0.00', '100', '0.0100', '1e-1000000', '1.21', '-1', 'inf', '123456789']:
    show(lambda: Decimal(text).sqrt())
for text in ['0', '1', '2', '-1', '0.5', '1e-50', '-1e-50', '1.00', '10', '-10', '230', '1e10', '-1e10', 'inf', '-inf']:
    show(lambda: Decimal(text).exp())
for text in ['1', '1.000', '2', '10', '0.5', '1e-5', '123.456', '1.0000001', '0', '-1', 'inf', '1e100']:
    show(lambda: Decimal(text).ln())
    show(lambda: Decimal(text).log10())
for x, y in [('2', '10'), ('2', '-2'), ('2.0', '-1'), ('1.1', '2'), ('10', '-2'), ('-2', '3'),
             ('-2', '3.0'), ('4', '0.5'), ('2', '0.5'), ('0.5', '2.5'), ('100', '0.5'), ('1', '0.5'),
             ('0', '0'), ('0', '-2'), ('-0', '3'), ('-2', '0.5'), ('inf', '-1'), ('-inf', '3'),
             ('1', 'inf'), ('0.5', 'inf'), ('2', '-inf'), ('-1', 'inf'), ('1.0', '1000'),
             ('3', '1000000000'), ('7', '1.5'), ('1.5', '0')]:
    show(lambda: Decimal(x) ** Decimal(y))
show(lambda: pow(Decimal(3), 4, 5))
show(lambda: pow(Decimal(3), Decimal('4.5'), 5))
for prec in [1, 5, 40]:
    with localcontext(prec=prec):
        print(prec, Decimal(2).sqrt(), Decimal(1).exp(), Decimal(2).ln(), Decimal(3).log10(),
              Decimal(2) ** Decimal('0.5'), Decimal('1.5') ** 40)
with localcontext(rounding=ROUND_UP):
    print(Decimal(2) ** Decimal('0.3'), Decimal(3).sqrt(), Decimal(2).exp())
data = [Decimal('1.5'), Decimal('2.25'), Decimal('3.1'), Decimal('4')]
print(statistics.mean(data), statistics.median(data), statistics.fmean(data), statistics.stdev(data),
      statistics.variance(data), statistics.pstdev(data))
print(Fraction(Decimal('1.25')), Fraction.from_decimal(Decimal('-0.001')), Fraction(1, 3) < Decimal('0.34'))
