# format() and f-strings of Decimals: types e/E/f/F/g/G/n/%, precision,
# thousands separators, sign, z, zero padding, fill and alignment.
from decimal import Decimal, localcontext, ROUND_DOWN

values = ['1.50', '-1234567.891', '0.000012345', '1E+10', '-0', '0E-10', '0E+5', 'inf', '-nan',
          '123456789', '1.5e-7', '9.995', '-0.0001']
specs = ['', '.1', '.3', 'g', '.3g', '.0g', 'e', '.2e', '.0e', 'E', 'G', 'f', '.2f', '.0f', 'F', '%',
         '.1%', ',', ',.2f', '>10', '<10.2f', '^10', '*^12.1f', '=+10.2f', '010.2f', '010', '09,.2f',
         'n', '+', ' ', 'z.1f', 'z.1F', '.2F', '_', '#.0f', 'x', '.', '10.3e', '>010', ',n', '*<-z12.3']
for spec in specs:
    row = []
    for v in values:
        try:
            row.append(format(Decimal(v), spec))
        except Exception as e:
            row.append(f'{type(e).__name__}: {e}')
    print(repr(spec), row)
price = Decimal('1234.5')
print(f"{price:.2f} {price:,.2f} {price:>12,.2f}| {price:e} {price:%} {Decimal('0.075'):.1%}")
with localcontext(rounding=ROUND_DOWN):
    print(f"{Decimal('2.999'):.2f} {Decimal('2.999'):.2g}")
try:
    format(Decimal(1), 5)
except TypeError as e:
    print('TypeError:', e)
