# Table-driven checks of re's matching semantics: each case prints the
# search result (span and groups) or the error, for str and bytes.
import re

CASES = [
    (r'abc', ['abc', 'xabcx', 'ab']),
    (r'a|ab|abc', ['abc', 'xab']),
    (r'(a|ab)(c|bcd)(d*)', ['abcd']),
    (r'a*', ['', 'aaa', 'baaa']),
    (r'a+?', ['aaa']),
    (r'a*?b', ['aaab']),
    (r'a{2,3}', ['a', 'aa', 'aaaa']),
    (r'a{2,}?', ['aaaa']),
    (r'a{,2}', ['aaaa']),
    (r'a{3}', ['aaaa', 'aa']),
    (r'a{', ['a{']),
    (r'a{1', ['a{1']),
    (r'a{x}', ['a{x}']),
    (r'a{1,2', ['a{1,2']),
    (r'x{}', ['x{}']),
    (r'(a)(b)?', ['a', 'ab']),
    (r'(a*)+', ['aa', 'b']),
    (r'(a*)*', ['aa', 'b']),
    (r'(a|b)*', ['abab']),
    (r'(a|b)*?c', ['abc']),
    (r'(?:a|(b))+', ['ab', 'ba']),
    (r'((a)|b)+', ['ab', 'ba']),
    (r'(a)+', ['aaa']),
    (r'(\w+)\s+\1', ['hello hello', 'ab abc']),
    (r'(?P<q>[\'"]).*?(?P=q)', ['say "hi" there', "it's 'x'"]),
    (r'(?i)(a)\1', ['aA']),
    (r'^abc$', ['abc', 'abc\n', 'abc\n\n']),
    (r'abc\Z', ['abc\n', 'abc']),
    (r'\Aabc', ['abc', 'xabc']),
    (r'(?m)^b', ['a\nb']),
    (r'(?m)a$', ['a\nb', 'ba']),
    (r'$', ['a\n']),
    (r'.', ['\n', 'x']),
    (r'(?s).', ['\n']),
    (r'a.c', ['abc', 'a\nc']),
    (r'\bfoo\b', ['a foo b', 'foobar', 'foo']),
    (r'\Bo\B', ['foo', 'o']),
    (r'\b', ['', ' ']),
    (r'\B', ['', 'a']),
    (r'\d+', ['ab123', '٣٤']),
    (r'(?a)\d+', ['٣٤5']),
    (r'\w+', ['héllo wörld', '_x1']),
    (r'(?a)\w+', ['héllo']),
    (r'\s+', ['a \t\n b', 'a\x1cb', 'a\u2003b']),
    (r'\S+', ['  ab  ']),
    (r'\W+', ['ab, cd']),
    (r'[abc]+', ['xxbcay']),
    (r'[^abc]+', ['abxyzc']),
    (r'[a-z]+', ['ABcdE']),
    (r'[]a]+', ['a]b']),
    (r'[^]a]+', ['a]bc']),
    (r'[a-]+', ['-a-b']),
    (r'[-a]+', ['-a-b']),
    (r'[\d\s]+', ['a1 2b']),
    (r'[\w.]+@[\w.]+', ['mail joe.x@y.org now']),
    (r'[\]]', [']']),
    (r'[\\]', ['\\']),
    (r'[\n]', ['\n']),
    (r'[\x41-\x43]+', ['ABCD']),
    (r'[\u00e9]', ['é']),
    (r'[\N{LATIN SMALL LETTER E WITH ACUTE}]', ['é']),
    (r'\N{EM DASH}', ['a—b']),
    (r'\x41\101\0', ['AA\0']),
    (r'[\101]', ['A']),
    (r'[\b]', ['\b']),
    (r'\t\n\r\f\v\a', ['\t\n\r\f\v\a']),
    (r'\.\*\+', ['.*+']),
    (r'(?i)abc', ['ABC', 'aBc']),
    (r'(?i)[a-c]+', ['xABCx']),
    (r'(?i)[^a]', ['A', 'b']),
    (r'(?i)ǆ', ['Ǆ', 'ǅ']),
    (r'(?i)k', ['K', '\u212a']),
    (r'(?i)s', ['ſ', 'S']),
    (r'(?i)[k]', ['\u212a']),
    (r'(?i)é', ['É']),
    (r'(?ia)é', ['É']),
    (r'(?i)ß', ['SS', 'ẞ']),
    (r'(?=a)a', ['a']),
    (r'a(?=b)', ['ab', 'ac']),
    (r'a(?!b)', ['ab', 'ac']),
    (r'(?<=a)b', ['ab', 'cb']),
    (r'(?<!a)b', ['ab', 'cb']),
    (r'(?<=ab|cd)x', ['abx', 'cdx', 'bx']),
    (r'(?<=(a))b', ['ab']),
    (r'(?=(a+))a*b\1', ['baaabac']),
    (r'(?!(a)b)a', ['ab', 'ac']),
    (r'(a)(?<=\1)', ['a']),
    (r'(?>a+)b', ['aaab']),
    (r'(?>a|ab)c', ['abc', 'ac']),
    (r'a++b', ['aab']),
    (r'a*+a', ['aaa']),
    (r'a?+a', ['a']),
    (r'(?:ab)++ab', ['ababab']),
    (r'(?:ab)*+c', ['ababc']),
    (r'a{1,3}+a', ['aaaa']),
    (r'(a)?(?(1)b|c)', ['ab', 'c', 'b']),
    (r'(?P<x>a)?(?(x)b)', ['ab', 'x']),
    (r'(a)|b', ['b']),
    (r'(?:(a)|(b))+', ['ab']),
    (r'(a)(?:b(c))?', ['ab', 'abc']),
    (r'((a)b)', ['ab']),
    (r'(?x) a b  # comment\n c', ['abc']),
    (r'(?x)[ ]a', [' a']),
    (r'(?x)a\ b', ['a b']),
    (r'(?x)a#c', ['a#c', 'a']),
    (r'(?i:a)b', ['Ab', 'AB']),
    (r'(?-i:a)b', ['ab']),
    (r'(?s:.)(.)', ['\n\n', '\nx']),
    (r'(?m:^a)', ['b\na']),
    (r'(?#comment)a', ['a']),
    (r'x*', ['', 'axx']),
    (r'(|a)*', ['aa']),
    (r'(a|)+b', ['aab']),
    (r'(?:a*)*b', ['aaab', 'c']),
    (r'(?:a?)+?b', ['aab']),
    (r'(a?)*?b', ['ab']),
    (r'(ab|a)(bc|c)?', ['abc']),
    (r'([ab]*?)(b)', ['aab']),
    (r'(.*)(\d+)', ['abc123']),
    (r'(.*?)(\d+)', ['abc123']),
    (r'(.+)\1', ['abcabc', 'aa']),
    (r'^(\w+)(?:,\s*(\w+))*$', ['a, b, c']),
    (r'<([a-z]+)>.*?</\1>', ['<b>x</b> <i>y</i>']),
    (r'(\d+)-(\d+)-(\d+)', ['on 2024-01-15.']),
    (r'[\s\S]', ['\n']),
    (r'[^\d]', ['1a']),
    (r'[\D]', ['1a']),
    (r'[^\W\d]+', ['12ab34']),
    (r'[α-ω]+', ['abγδε']),
    (r'\u03b3', ['γ']),
    (r'\U0001F600', ['😀']),
    (r'.', ['😀']),
    (r'(?u)\w', ['é']),
]

BYTES_CASES = [
    (rb'abc', [b'xabc']),
    (rb'\w+', [b'caf\xe9 x']),
    (rb'(?i)abc', [b'ABC']),
    (rb'(?i)\xe9', [b'\xc9']),
    (rb'[\x80-\xff]+', [b'a\x80\x81b']),
    (rb'\d\s', [b'1 ']),
    (rb'(?L)a', [b'a']),
]


def show(pattern, subject, flags=0):
    try:
        m = re.search(pattern, subject, flags)
    except Exception as e:
        print('  %r: %s: %s' % (subject, type(e).__name__, e))
        return
    if m is None:
        print('  %r: no match' % (subject,))
    else:
        print('  %r: %r %r %r' % (subject, m.span(), m.group(), m.groups()), m.lastindex)


for pattern, subjects in CASES + BYTES_CASES:
    print(repr(pattern))
    for s in subjects:
        show(pattern, s)
        if isinstance(s, str) and s.isascii():
            show(pattern, s.encode(), 0) if False else None

print('-- matching modes')
for p, s in [('a+', 'aab'), ('a|ab', 'ab'), ('(a+)(b?)', 'aab'), ('', ''), ('x', '')]:
    r = re.compile(p)
    print(p, r.match(s), r.fullmatch(s), r.search(s))
    print(' ', r.match(s, 1), r.search(s, 1, 2), r.fullmatch(s, 0, 2), r.match(s, 5), r.search(s, -3))

print('-- pathological patterns end cleanly')
for n in (100, 400, 600, 5000):
    try:
        r = re.compile('(' * n + 'a' + ')' * n)
        print(n, 'ok', r.match('a').span(n))
    except RecursionError as e:
        print(n, 'RecursionError')
print(re.match('(?:a|b)*c', 'ab' * 50000 + 'c').span())
print(re.match('(a|b)*c', 'ab' * 50000 + 'c').span(1))
print(re.match(r'(x+x+)+y', 'x' * 16))
print(re.match(r'(a*)*$', 'a' * 20 + 'b'))
print(re.match(r'(?:a?)*?$', 'a' * 3000).span())
print(re.search(r'(\w+\s?)*$', 'word ' * 3 + '!'))
print(len(re.findall(r'.*?', 'x' * 2000)), len(re.sub(r'\b', '|', 'ab cd ' * 500)))
