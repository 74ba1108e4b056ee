# The re module's API: Pattern and Match objects, sub/subn/split/findall/
# finditer, flags, escape, the cache, bytes patterns.
import re

p = re.compile(r'(?P<key>\w+)=(?P<value>\d*)(;)?', re.I)
print(p, p.pattern, p.flags, p.groups, p.groupindex, type(p).__name__, type(p))
print(dict(p.groupindex), sorted(p.groupindex.items()))
m = p.search('  x=1; yy=22 z=')
print(m, type(m), m.re is p, m.string, m.pos, m.endpos)
print(m.group(), m.group(0), m.group(1), m.group('value'), m.group(1, 'value', 3), m[0], m['key'], m[2])
print(m.groups(), m.groups('-'), m.groupdict(), m.groupdict('?'))
print(m.start(), m.end(), m.span(), m.start(2), m.end('value'), m.span(3), m.regs)
print(m.lastindex, m.lastgroup, bool(m))
print(m.expand(r'\g<value>:\1 [\3] \g<0>'))
m2 = p.search('  x=1 ')
print(m2.groups(), m2.span(3), m2.start(3), m2.lastindex, m2.lastgroup, m2.regs)
print(re.match('(a)(b)', 'ab').lastgroup, re.match('(?P<n>a)(b)', 'ab').lastgroup)
print(re.match('((a)b)', 'ab').lastindex, re.match('(a)(b)?', 'a').lastindex, re.match('a', 'a').lastindex)

print('-- search, match, fullmatch with pos/endpos')
q = re.compile(r'\d+')
s = 'ab12cd345'
for args in [(), (3,), (4,), (0, 3), (5, 8), (-5,), (100,), (2, 1)]:
    print(args, q.search(s, *args), q.match(s, *args), q.fullmatch(s, *args))
m = q.search(s, 5, 8)
print(m.pos, m.endpos, m.string)
print(re.compile('^a').search('ba', 1), re.compile('(?m)^a').search('\na', 1), re.compile('$').search('ab', 0, 1))
print(re.compile(r'\bb').search('ab', 1), re.compile(r'(?<=a)b').search('ab', 1))

print('-- findall / finditer')
print(re.findall(r'\w+', 'a bb ccc'), re.findall(r'(\w)(\w)?', 'abc'), re.findall(r'(\w)\w', 'abcd'))
print(re.findall('', 'abc'), re.findall('a*', 'baaac'), re.findall(r'\b', 'a b'), re.findall(r'(a)|b', 'ab'))
print([m.span() for m in re.finditer('a*', 'baaac')], [m.group() for m in re.finditer(r'\d', 'a1b2')])
it = re.finditer('x', 'xx')
print(type(it).__name__ in ('generator', 'callable_iterator'), next(it), list(it))
print(q.findall('1 22 333', 2), q.findall('1 22 333', 0, 4))

print('-- sub / subn')
print(re.sub(r'\d', '#', 'a1b22'), re.sub(r'\d', '#', 'a1b22', 2), re.sub(r'\d', '#', 'a1b22', count=1))
print(re.subn(r'\d', '#', 'a1b22'), re.subn('x', 'y', 'aaa'), re.subn('', '-', 'abc'))
print(re.sub('a*', '-', 'baaac'), re.sub('x*', '-', 'abxd'), re.sub(r'(?:)', '|', 'ab'))
print(re.sub(r'(\w+) (\w+)', r'\2 \1', 'hello world, good day'))
print(re.sub(r'(?P<w>\w+)', r'<\g<w>>', 'a bc'), re.sub('(a)|b', r'[\1]', 'ab'))
print(re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'a1 b22 c333'))
print(re.sub(r'(\w)', lambda m: m.group(1).upper() if m.start() % 2 else m.group(1), 'abcdef'))
print(re.sub('a', r'\n\t\\', 'xax'), repr(re.sub('a', '\\&', 'a')), re.sub('a', 'b', 'aaa', flags=re.I))
print(re.sub('A', 'b', 'aAa', 0, re.I), re.subn(re.compile('a'), 'b', 'aa'))
print(p.sub(r'\2', 'k=9;'), p.subn(lambda m: '', 'a=1 b=2'))

print('-- split')
print(re.split(r',\s*', 'a, b,c,,d'), re.split(r'(,)\s*', 'a, b'), re.split(r'(,)|(;)', 'a,b;c'))
print(re.split(r'\s*', 'a b  c'), re.split('x*', 'axbc'), re.split(r'\b', 'a b'), re.split('', 'abc'))
print(re.split(',', 'a,b,c', 1), re.split(',', 'a,b,c', maxsplit=-1), re.split(',', ''), re.split(r'(\d)', '1a2'))
print(re.split(r'^$', 'a\n\nb', flags=re.M), re.split('(?=b)', 'abab'))

print('-- flags')
print(re.I, re.IGNORECASE, repr(re.M | re.S), re.A | re.X, re.U, re.L, int(re.I | re.M), re.I | 1024)
print(re.NOFLAG, re.I & re.M, re.I | 0, type(re.I).__name__, re.RegexFlag.DOTALL, isinstance(re.I, int))
print(re.compile('a').flags, re.compile(b'a').flags, re.compile('(?i)a').flags, re.compile('(?x)a', re.A).flags)
print(re.compile('a', re.I | re.S), re.compile(b'a', re.I), re.compile('a', re.A), re.compile('(?s)a'))
print(re.compile('a' * 210, re.M))
print(re.compile('x\ny'), re.compile(r'\d'), re.compile("'"), re.compile('"\''))

print('-- reprs of matches')
print(re.match(r'\w+', 'héllo'), re.match(b'a+', b'aab'), re.match('', 'x'), re.match('.', "'"))
print(re.match(r'.*', 'x' * 60))

print('-- equality, hash, copy, cache')
import copy
a, b = re.compile('x'), re.compile('x')
print(a == b, a is b, re.compile('x', re.I) == a, hash(a) == hash(b), copy.copy(a) is a, copy.deepcopy(a) is a)
re.purge()
print(re.compile('x') == a, re.compile(a) is a)
m = re.match('a', 'a')
print(copy.copy(m) is m)

print('-- escape')
print(re.escape('a.b*c?d+e(f)[g]{h}|i^j$k\\l-m#n&o~p q\tr\ns'), re.escape('_x9é'), re.escape(b'a.b\xff'))
print(re.match(re.escape('1+1=2?'), '1+1=2?'))

print('-- bytes')
bm = re.search(rb'(\d+)-(?P<x>\w)', b'ab 12-z')
print(bm, bm.group(1), bm.groups(), bm.groupdict(), bm.span())
print(re.sub(rb'\d', b'#', b'a1b2'), re.sub(rb'(\d)', rb'<\1>', b'a1'), re.split(rb',', b'a,b'), re.findall(rb'\w', b'a b'))
print(re.sub(rb'a', lambda m: b'X', bytearray(b'aba')), re.search(rb'b', bytearray(b'abc')))
print(re.match(rb'\w', b'\xe9'), re.match(rb'(?i)K', b'k'))

print('-- Scanner')
sc = re.Scanner([(r'\d+', lambda s, t: ('num', t)), (r'\w+', lambda s, t: ('word', t)), (r'\s+', None)])
print(sc.scan('abc 12 de!f'))

print('-- subclasses of str')
class S(str):
    pass
print(re.match('a', S('ab')), re.sub('a', 'b', S('aa')), re.findall('a', S('aa')), type(re.sub('x', 'y', S('a'))))

print('-- lookaround and scoped flags in use')
print(re.findall(r'\b\w+(?=ing\b)', 'going sing ring bring'), re.sub(r'(?<=\d)(?=(\d{3})+$)', ',', '1234567'))
print(re.findall(r'(?i:a)a', 'AA Aa aA'), re.findall(r'(?x) \d+ (?# num ) [a-z] ', '12a 3b'))
text = '''line one
line two
other'''
print(re.findall(r'^line (\w+)$', text, re.M), re.findall(r'.+', text), re.findall(r'(?s).+', text))
print(re.match(r'(?P<a>x)(?P<b>y)?', 'x').groupdict(), re.match(r'(a)(b)?', 'a').groups(0))
