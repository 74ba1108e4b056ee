# re.error messages and positions for bad patterns and templates, as CPython's.
import re

PATTERNS = [
    '(', ')', 'a)', '(a', '((a)', '[', '[a', '[a-', '[]', '[^', 'a**', 'a*+*', '*a', '+', '?', '{1}a',
    '^*', '$+', r'\b*', 'a{2,1}', 'a{1,2}{3}', '(?:a)**', r'\q', r'\\', 'x\\', r'\x4', r'\xg0', r'\u12',
    r'\U0011ffff', r'\U1', r'\N', r'\N{', r'\N{x', r'\N{NOPE}', r'\777', r'[\777]', r'\8', r'[\8]',
    r'(a)\2', r'(a\1)', r'\1', r'[\d-z]', r'[a-\d]', '[z-a]', '[b-a]x', '(?', '(?z)', '(?<x>a)', '(?<',
    '(?P', '(?Px)', '(?P<', '(?P<>a)', '(?P<a', '(?P<1a>x)', '(?P<a-b>x)', '(?P<a>x)(?P<a>y)',
    '(?P=', '(?P=a', '(?P=x)', '(?P<a>a)(?P=b)', '(?P<a>(?P=a))', '(?P=1)', '(?#abc', '(?#abc)x',
    '(?i', '(?i-', '(?i-:a)', '(?-:a)', '(?-a:x)', '(?-u:x)', '(?L)a', '(?u)a', '(?i-i:a)', '(?z:a)',
    '(?iz)', '(?i)(?x)a', 'a(?i)b', '(?i)a(?m)b', '(?ix)a', '(?x)a(?i)', '(?a:(?u:x))',
    '(?(0)a|b)', '(?(x)a|b)', '(?(1a)a|b)', '(?(1)a|b|c)', '(?(1)a)', '(a)(?(1)a|b|c)', '(?(', '(?(1',
    '(?<=a*)', '(?<=a|bc)', '(?<!a+)', '(?<=(a)\\1)', r'(a)(?<=\1)', '(?<=a{2})', '(?<=(?P<x>a)(?P=x))',
    'a{99999999999}', 'a{4294967295}', 'a{4294967294}', 'a{,4294967295}', '(?=a)*', '(?!a)+',
    '(?>a)*', '(?>', 'a|*', '|*', '()*', '(?:)*', 'a\n(', 'ab\ncd)',
]

for p in PATTERNS:
    try:
        r = re.compile(p)
        print(repr(p), 'ok', r.groups)
    except re.error as e:
        print(repr(p), 'error:', e, '|', e.msg, e.pos, e.lineno, e.colno, e.pattern == p)
    except Exception as e:
        print(repr(p), type(e).__name__, e)

for p in [b'\\u1234', b'\\N{EM DASH}', b'(?u)a', b'[\\U00000041]']:
    try:
        print(p, re.compile(p))
    except re.error as e:
        print(p, 'error:', e)

print('-- flags')
for p, f in [('a', re.L), (b'a', re.U), (b'a', re.L | re.A), ('a', re.A | re.U)]:
    try:
        re.compile(p, f)
    except ValueError as e:
        print(p, 'ValueError:', e)

print('-- templates')
TEMPLATES = [r'\g', r'\g<', r'\g<a', r'\g<>', r'\g<1a>', r'\g<3>', r'\g<x>', r'\3', r'\q', '\\',
             r'\g<0>\g<1>\2', r'\1\1', r'\0\012', r'\8', r'\\\n', r'\&', r'\777', r'\g<a-b>',
             r'[\1]', r'\g<name>!']
pat = re.compile(r'(?P<name>a)(b)')
for t in TEMPLATES:
    try:
        print(repr(t), repr(pat.sub(t, 'xaby')))
    except (re.error, IndexError) as e:
        print(repr(t), type(e).__name__, e)

print('-- type errors')
for call in [lambda: re.match('a', b'a'), lambda: re.match(b'a', 'a'), lambda: re.match('a', 1),
             lambda: re.compile(1), lambda: re.sub('a', 1, 'a'), lambda: re.sub(b'a', 'x', b'a'),
             lambda: re.compile(re.compile('a'), re.I), lambda: re.match('(a)', 'a').group(2),
             lambda: re.match('(a)', 'a').group('x'), lambda: re.match('(a)', 'a').start(-1),
             lambda: re.sub('a', lambda m: 1, 'a'), lambda: re.Pattern(), lambda: re.Match()]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
