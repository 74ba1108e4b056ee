# Decimal arithmetic with int mixing, the eight rounding modes, //, %,
# divmod, quantize and the operations of the specification.
from decimal import *
import random


def show(f):
    try:
        r = f()
    except Exception as e:
        r = f"{type(e).__name__}: {e}"
    print(repr(r))


a, b = Decimal('7.25'), Decimal('-2')
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b), -a, +a, abs(b), a ** 2, b ** -3)
print(a + 1, 1 + a, 3 - a, a * 3, 3 / a, 10 // a, 10 % a, divmod(10, a), 2 ** Decimal(10))
print(Decimal(-7) // 2, Decimal(-7) % 2, Decimal(7) % -2, Decimal('7.5') // Decimal('0.2'))
print(Decimal(1) / 3, Decimal(2) / 3, Decimal(1) / 8, Decimal('1.00') / Decimal('0.5'), Decimal(100) / 10)
print(Decimal('0.1') + Decimal('0.2') == Decimal('0.3'), Decimal('1.30') + Decimal('1.20'))
print(Decimal('1e999999') + Decimal('1e-999999'), Decimal('1') - Decimal('1e-50'))
print(sum(Decimal(i) / 7 for i in range(10)), Decimal('1.1') * Decimal('1.1'))
for op in ['+', '-', '*', '/', '//', '%', '**', '<', '==']:
    show(lambda: eval(f"Decimal(1) {op} 1.5"))
    show(lambda: eval(f"1.5 {op} Decimal(1)"))
show(lambda: Decimal(1) + 1j)
show(lambda: Decimal(1) / 0)
show(lambda: Decimal(0) / 0)
show(lambda: Decimal(1) // 0)
show(lambda: Decimal(1) % 0)
show(lambda: divmod(Decimal(1), 0))
show(lambda: Decimal(10 ** 30) // 3)
show(lambda: Decimal('inf') - Decimal('inf'))
show(lambda: Decimal('inf') * 0)
show(lambda: Decimal('sNaN') + 1)
print(Decimal('NaN') + 1, Decimal('-inf') * -2, Decimal(5) / Decimal('inf'))
print(Decimal(1) == 1, Decimal('1.0') == 1, Decimal('0.5') == 0.5, Decimal('0.1') == 0.1,
      Decimal(1) < 2, Decimal(2) >= 2.0, Decimal('NaN') == Decimal('NaN'), Decimal('-0') == 0,
      sorted([Decimal(3), 1, Decimal('2.5'), 0.5]), max(Decimal(1), Decimal('1.0')))
show(lambda: Decimal('NaN') < 1)
for rounding in [ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP,
                 ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP]:
    values = []
    for text in ['2.5', '-2.5', '1.5', '2.51', '-2.49', '0.05', '1.05', '5.01', '-0.01']:
        values.append(str(Decimal(text).quantize(Decimal('0.1') if '.0' in text else Decimal(1), rounding=rounding)))
    with localcontext(prec=3, rounding=rounding):
        values.append(str(Decimal(2) / 3))
        values.append(str(Decimal(-2) / 3))
        values.append(str(Decimal('1.2345') + 0))
    print(rounding, values)
print(Decimal('7.325').quantize(Decimal('.01'), rounding=ROUND_DOWN), Decimal('7.325').quantize(Decimal('1.')))
print(Decimal('1.2345').quantize(Decimal('1e-10')), Decimal('123.456').quantize(Decimal('1e2')), Decimal('0').quantize(Decimal('1e5')))
show(lambda: Decimal('1.2345').quantize(Decimal('1e-30')))
show(lambda: Decimal('1.5').quantize(Decimal('inf')))
for text in ['12.3456', '-12.5', '1E+5', '1.000', '-0.4', '2.5']:
    d = Decimal(text)
    print(d.to_integral_value(), d.to_integral_exact(), d.to_integral(ROUND_UP), d.normalize(),
          d.scaleb(3), d.logb(), d.copy_sign(-1), d.copy_abs(), d.copy_negate(), d.number_class())
print(Decimal('5').fma(3, 2), Decimal('5').compare(3), Decimal('5').compare(Decimal('nan')),
      Decimal('5').max(Decimal('nan')), Decimal('-0').max(0), Decimal('1.0').max(Decimal('1.00')),
      Decimal('-3').max_mag(2), Decimal('-3').min_mag(2), Decimal(1).remainder_near(3), Decimal(5).remainder_near(3))
print(Decimal(1).next_plus(), Decimal(1).next_minus(), Decimal(1).next_toward(0), Decimal('1e-999999').next_minus())
print(Decimal('12.3').compare_total(Decimal('12.30')), Decimal('-1').compare_total_mag(Decimal('0.5')),
      Decimal('NaN').compare_total(Decimal('inf')), Decimal(1).same_quantum(Decimal('1.0')))
print(Decimal('101').logical_and(Decimal('110')), Decimal('101').logical_or(Decimal('110')),
      Decimal('101').logical_xor(Decimal('110')), Decimal('12').shift(2), Decimal('12').rotate(-1))
print(Decimal('1.5').is_normal(), Decimal('1e-999999999').is_subnormal(), Decimal('inf').is_infinite(),
      Decimal('-0').is_signed(), Decimal('sNaN').is_snan(), Decimal('NaN').is_qnan(), Decimal(0).is_zero(),
      Decimal(1).is_finite(), Decimal(1).is_canonical(), Decimal(1).radix())
# a fixed-seed comparison of the basic operations
rng = random.Random(7)
with localcontext(prec=12, Emax=99, Emin=-99, traps=[]) as ctx:
    for _ in range(300):
        x = Decimal(f"{rng.choice(['', '-'])}{rng.randint(0, 10 ** rng.randint(1, 20))}E{rng.randint(-30, 30)}")
        y = Decimal(f"{rng.choice(['', '-'])}{rng.randint(0, 10 ** rng.randint(1, 20))}E{rng.randint(-30, 30)}")
        ctx.rounding = rng.choice([ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP,
                                   ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP])
        ctx.clear_flags()
        results = [x + y, x - y, x * y, x / y if y else None, ctx.remainder_near(x, y) if y else None]
        print(x, y, results, sorted(s.__name__ for s, v in ctx.flags.items() if v))
