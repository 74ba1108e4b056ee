# unicodedata.decomposition for every character of the Basic Multilingual
# Plane (as digests) and some examples, and normalize/is_normalized in all
# four forms over the same characters and over strings where order matters.
import hashlib
import unicodedata as u

def digest(parts):
    return hashlib.md5('|'.join(parts).encode('utf-8')).hexdigest()

bmp = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000]
decomposed = [u.decomposition(c) for c in bmp]
print(sum(1 for d in decomposed if d), sum(1 for d in decomposed if d.startswith('<')))
print(digest(decomposed))
for c in 'é\u00bd\ufb01\u2126\u1e9b\u0344\uac00\u3000\u00a0A\u2460\u33c2':
    print(f"U+{ord(c):04X}", repr(u.decomposition(c)))
for form in ('NFC', 'NFD', 'NFKC', 'NFKD'):
    normalized = [u.normalize(form, c) for c in bmp]
    changed = sum(1 for c, n in zip(bmp, normalized) if c != n)
    print(form, changed, digest(normalized),
          sum(1 for c in bmp if u.is_normalized(form, c)))
samples = ['e\u0301\u0327', '\u1e9b\u0323', 'Ａｂｃ１２３', '\u0041\u030a\u212b\u00c5',
           '\u1100\u1161\u11a8', '\uac00\u11a8', 'ﬃ ⁵ ㎏ ⅷ', 'q\u0307\u0323']
for s in samples:
    print([u.normalize(f, s) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')])
for bad in ((1,), ('x', 'é')):
    try:
        (u.decomposition if len(bad) == 1 else u.normalize)(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
