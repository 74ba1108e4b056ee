# unicodedata.normalize and is_normalized in all four forms: composition,
# decomposition, compatibility mappings, Hangul, reordering of combining
# marks; identity when already normalized; bad forms and arguments.
import unicodedata

TEXTS = ['', 'abc', 'e\u0301', '\u00e9', 'A\u030a', '\u212b', '\u1e9b\u0323', '\ufb01',
         '\u2460', '\u00bd', '\uac00', '\u1100\u1161\u11a8', 'a\u0323\u0302', 'a\u0302\u0323',
         '\uff21\uff22', '\u2126', '\u0390', '\u01c4', '\u3300', 'x\u0308\u0301y',
         'caf\u00e9 na\u00efve \u00c5ngstr\u00f6m', '\u0ff0', '\U0001d400\U0001d7ce']
for text in TEXTS:
    row = [ascii(text)]
    for form in ('NFC', 'NFD', 'NFKC', 'NFKD'):
        result = unicodedata.normalize(form, text)
        row.append('%s=%s%s' % (form, ascii(result), '*' if unicodedata.is_normalized(form, text) else ''))
    print(' '.join(row))

s = 'already normalized'
print(unicodedata.normalize('NFC', s) is s, unicodedata.normalize('NFKD', s) == s)
print(unicodedata.normalize('NFC', 'e\u0301') == '\u00e9' == unicodedata.normalize('NFKC', 'e\u0301'))

for args in [('nfc', 'x'), ('NFX', 'x'), ('', 'x'), (1, 'x'), ('NFC', 1), ('NFC', b'x'), ('NFC',), ()]:
    for func in (unicodedata.normalize, unicodedata.is_normalized):
        try:
            func(*args)
        except (TypeError, ValueError) as e:
            print(func.__name__, args, type(e).__name__, e)
