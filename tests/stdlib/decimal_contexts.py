# Contexts: getcontext/setcontext/localcontext, Context attributes and their
# validation, signals, flags and traps with CPython's exception hierarchy
# and messages, and contexts per thread and per asyncio task.
from decimal import *
import decimal
import threading
import asyncio


def show(f):
    try:
        r = f()
    except Exception as e:
        r = f"{type(e).__name__}: {e}"
    print(repr(r))


print(getcontext())
print(BasicContext)
print(ExtendedContext)
print(DefaultContext)
print(Context(prec=5, rounding=ROUND_UP, traps=[Inexact], flags=[Rounded]))
print(Context(traps={s: False for s in Context().traps}))
print(decimal.MAX_PREC, decimal.MAX_EMAX, decimal.MIN_EMIN, decimal.MIN_ETINY, decimal.HAVE_THREADS,
      decimal.HAVE_CONTEXTVAR, decimal.__version__, decimal.__libmpdec_version__)
for kwargs in [{'prec': 0}, {'prec': 'a'}, {'rounding': 'x'}, {'Emax': -1}, {'Emin': 1}, {'clamp': 2},
               {'capitals': 2}, {'traps': [1]}, {'traps': ['x']}, {'flags': [ValueError]}]:
    show(lambda: Context(**kwargs))
show(lambda: localcontext(foo=1))
show(lambda: localcontext(prec='a'))
show(lambda: localcontext(5))
show(lambda: setcontext(5))
ctx = getcontext()
print(ctx.flags)
print(ctx.traps)
print(ctx.Etiny(), ctx.Etop(), ctx.prec, ctx.rounding, ctx.Emin, ctx.Emax, ctx.capitals, ctx.clamp)
with localcontext() as c:
    c.prec = 5
    print(Decimal(1) / 7, c is getcontext(), getcontext().prec)
print(Decimal(1) / 7, getcontext().prec)
with localcontext(prec=3, rounding=ROUND_DOWN) as c:
    print(Decimal(2) / 3, c.prec, c.rounding)
with localcontext(ExtendedContext) as c:
    print(Decimal(1) / 0, Decimal(0) / 0, Decimal('sNaN') + 1, c.flags[DivisionByZero], c.flags[InvalidOperation])
print(ExtendedContext.flags[DivisionByZero])
setcontext(ExtendedContext)
print(getcontext() is ExtendedContext, getcontext().prec)
setcontext(DefaultContext)
ctx = getcontext()
ctx.clear_flags()
for name, f in [('div', lambda: Decimal(1) / 0), ('syntax', lambda: Decimal('x')),
                ('undefined', lambda: Decimal(0) / 0), ('impossible', lambda: Decimal(10 ** 30) // 1),
                ('invalid', lambda: Decimal('inf') - Decimal('inf')),
                ('overflow', lambda: Decimal('9e999999') * 10), ('divmod', lambda: divmod(Decimal(1), 0))]:
    try:
        f()
    except DecimalException as e:
        print(name, type(e).__name__, e.args, isinstance(e, ArithmeticError),
              isinstance(e, ZeroDivisionError), isinstance(e, InvalidOperation))
print(sorted(s.__name__ for s, v in ctx.flags.items() if v))
for exc in [DecimalException, Clamped, InvalidOperation, ConversionSyntax, DivisionByZero,
            DivisionImpossible, DivisionUndefined, Inexact, InvalidContext, Rounded, Subnormal,
            Overflow, Underflow, FloatOperation]:
    print(exc.__name__, exc.__module__, [c.__name__ for c in exc.__mro__])
ctx.clear_flags()
ctx.traps[Inexact] = True
show(lambda: Decimal(1) / 3)
print(ctx.flags[Inexact], ctx.flags[Rounded])
ctx.traps[Inexact] = False
ctx.traps[Underflow] = True
show(lambda: Decimal('1e-999999') / 10 ** 30)
ctx.traps[Underflow] = False
ctx.traps[Rounded] = True
ctx.traps[Overflow] = True
show(lambda: Decimal('9e999999') * 10)
ctx.traps[Rounded] = False
ctx.clear_flags()
show(lambda: Decimal(1) < 1.5)
print(ctx.flags[FloatOperation])
ctx.traps[FloatOperation] = True
show(lambda: Decimal(1) < 1.5)
show(lambda: Decimal(1) == 1.0)
ctx.traps[FloatOperation] = False
show(lambda: ctx.traps[ValueError])
show(lambda: ctx.flags['x'])
show(lambda: setattr(ctx, 'foo', 1))
show(lambda: setattr(ctx, 'prec', 0))
c = Context(prec=6)
print(c.add(1, Decimal('0.1234567')), c.subtract(1, 2), c.multiply(3, Decimal('1.11111111')),
      c.divide(1, 7), c.divide_int(7, 2), c.remainder(7, 2), c.divmod(7, 2), c.power(2, 10),
      c.sqrt(2), c.exp(1), c.ln(10), c.log10(2), c.plus(Decimal('1.23456789')), c.minus(1),
      c.abs(-2), c.quantize(Decimal('1.23456'), Decimal('0.01')), c.compare(1, 2), c.max(1, 2),
      c.min(1, 2), c.fma(2, 3, 4), c.create_decimal('1.23456789'), c.create_decimal(0.1),
      c.create_decimal_from_float(0.1), c.to_sci_string(Decimal('1e10')), c.is_zero(0),
      c.normalize(Decimal('1.500')), c.copy_sign(1, -2), c.number_class(1), c.scaleb(1, 2))
show(lambda: c.add(1.5, 1))
show(lambda: c.create_decimal('1_0'))
c = Context(capitals=0)
print(c.to_sci_string(Decimal('1e10')))
with localcontext(capitals=0):
    print(str(Decimal('1e10')), repr(Decimal('1e-10')))
with localcontext(Emax=99, Emin=-99, clamp=1, prec=5) as c:
    print(Decimal('1e99') + 0, Decimal('1e-110') + 0, c.create_decimal('123e95'), sorted(s.__name__ for s, v in c.flags.items() if v))


def in_thread(results):
    getcontext().prec = 3
    results.append((getcontext().prec, str(Decimal(1) / 3)))


results = []
t = threading.Thread(target=in_thread, args=(results,))
t.start()
t.join()
print(results, getcontext().prec, Decimal(1) / 3)


async def task(prec):
    getcontext().prec = prec
    await asyncio.sleep(0)
    return str(Decimal(2) / 3)


async def main():
    return await asyncio.gather(task(3), task(5), task(8))

print(asyncio.run(main()), getcontext().prec)
