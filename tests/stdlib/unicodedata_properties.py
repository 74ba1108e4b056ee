# unicodedata: names and lookup (aliases, named sequences, CJK and Hangul
# names), category, bidirectional, combining, east_asian_width, mirrored,
# decimal/digit/numeric with and without defaults, and bad arguments.
import unicodedata

SAMPLES = 'aZ5 \t\n\x00\xa0\xad\xe9\u0301\u0300\u0663\u00b2\u00bd\u2167\u4e94\u5146\u0f33' \
          '()[]\u00ab\u2264\u20ac$\u05d0\u0627\u0661\u200b\u200d\u2028\u3000\uff21\uff71' \
          '\uac00\ud7a3\ue000\U0001f600\U0001d7d8\U00010107\u2460\u2474\u248f\u3405\ufffe\u0378'

for c in SAMPLES:
    print('%-8r' % c, 'U+%04X' % ord(c),
          unicodedata.category(c), repr(unicodedata.bidirectional(c)),
          unicodedata.combining(c), unicodedata.east_asian_width(c),
          unicodedata.mirrored(c), unicodedata.decimal(c, None),
          unicodedata.digit(c, None), unicodedata.numeric(c, None),
          unicodedata.name(c, '<no name>'))

for name in ['LATIN SMALL LETTER A', 'latin small letter e with acute', 'EURO SIGN',
             'BYTE ORDER MARK', 'CJK UNIFIED IDEOGRAPH-4E94', 'HANGUL SYLLABLE GAG',
             'LATIN CAPITAL LETTER A WITH MACRON AND GRAVE', 'KEYCAP DIGIT ONE',
             'GRINNING FACE', 'NULL', 'LINE FEED', 'NO SUCH THING', '', 'CJK UNIFIED IDEOGRAPH-FFFF']:
    try:
        print(repr(name), '->', ascii(unicodedata.lookup(name)))
    except KeyError as e:
        print(repr(name), 'KeyError', e)
print(ascii(unicodedata.lookup(b'SNOWMAN')))

for func, message in [(unicodedata.name, 'no such name'), (unicodedata.decimal, 'not a decimal'),
                      (unicodedata.digit, 'not a digit'), (unicodedata.numeric, 'not numeric')]:
    for c in ['\x00', 'x', '\u00bd']:
        try:
            print(func.__name__, repr(c), func(c))
        except ValueError as e:
            print(func.__name__, repr(c), 'ValueError', e)
    print(func.__name__, func('x', 'default'), func('x', None))

BAD_CALLS = [
    (unicodedata.name, ('ab',)), (unicodedata.name, (5,)), (unicodedata.name, ()),
    (unicodedata.name, ('a', 1, 2)), (unicodedata.category, ('',)),
    (unicodedata.category, (b'a',)), (unicodedata.category, ()),
    (unicodedata.category, ('a', 'b')), (unicodedata.bidirectional, (1.5,)),
    (unicodedata.combining, (None,)), (unicodedata.east_asian_width, ('xy',)),
    (unicodedata.mirrored, ([],)), (unicodedata.decimal, ('12',)),
    (unicodedata.digit, (3,)), (unicodedata.numeric, ('', None)),
    (unicodedata.lookup, (1,)), (unicodedata.lookup, ()),
]
for func, args in BAD_CALLS:
    try:
        func(*args)
    except (TypeError, ValueError, KeyError) as e:
        print(func.__name__, args, type(e).__name__, e)
try:
    unicodedata.category(chr='a')
except TypeError as e:
    print('TypeError', e)
try:
    unicodedata.name(chr='a')
except TypeError as e:
    print('TypeError', e)

# Properties that hold across Unicode versions, checked over whole ranges.
print(sum(unicodedata.category(chr(c)) == 'Lu' for c in range(0x250)))
print(sum(unicodedata.numeric(chr(c), 0) for c in range(0x2150, 0x2190)))
print([unicodedata.decimal(chr(c)) for c in range(0x0966, 0x0970)])
print(sorted({unicodedata.east_asian_width(chr(c)) for c in range(0x3000, 0x3100)}))
print(isinstance(unicodedata.unidata_version, str))
