# str.isdecimal/isdigit/isnumeric/isprintable/isidentifier on non-ASCII text,
# repr of non-printable characters, int() of other scripts' digits, and
# identifiers compared in NFKC form.
SAMPLES = ['123', '\u0663\u0664', '\u00b2', '\u00bd', '\u2167', '\u4e94', '\u2460',
           '\U0001d7d8', '12\u00b2', '', 'a1', '\uff11\uff12', '\u0f33', '\u09f8']
for s in SAMPLES:
    print(ascii(s), s.isdecimal(), s.isdigit(), s.isnumeric())

for s in ['abc', 'a b', '\xa0', '\xad', '\u200b', '\u2028', '\u0378', '\ue000', '\u0301',
          '\U0001f600', '\x7f', '\u3000', '\ufeff', '\u00e9\u0301', '\U000e0001']:
    print(ascii(s), s.isprintable(), repr(s))

for s in ['abc', '_x', '1a', 'a1', '\u00e9t\u00e9', '\u0391\u03b2', '\u00b2', 'a\u00b2',
          '\u2118', '\u212e', '\u00b7', 'a\u00b7', '\ufb01', '\uff58', 'a-b', '',
          '\u0663', 'x\u0663', '\U0001d400', '\u30a2\u30a4']:
    print(ascii(s), s.isidentifier())

print(int('\u0663\u0664'), int('\uff11\uff12'), float('\u0661.\u0665'), int(' \u0967\u0968 '))
try:
    int('\u00b2')
except ValueError as e:
    print('ValueError', e)

ﬁ = 1
print(fi)
ｘ = 2
print(x, ｘ)
Å = 3
print(Å, Å)
def f(**kwargs):
    return sorted(kwargs)
print(f(ﬁve=5))
class C:
    ℌello = 1
print(C.Hello, getattr(C, 'Hello'))
print(sorted(n for n in dir() if not n.startswith('_')))
