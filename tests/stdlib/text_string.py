# string: Template (delimiters, patterns, errors), Formatter (parse, fields, conversions, errors), capwords; textwrap.
import string, textwrap
t = string.Template('$who likes ${what} $$ $x')
print(t.safe_substitute(who='tim', what='kung pao'), t.template, string.Template.delimiter, string.Template.idpattern)
try:
    t.substitute(who='a')
except KeyError as e:
    print('KeyError', e)
try:
    string.Template('$').substitute()
except ValueError as e:
    print('ValueError', e)
print(string.Template('$a').get_identifiers(), string.Template('$a $1').is_valid())
class T(string.Template):
    delimiter = '%'
print(T('%x and %{y}').substitute(x=1, y=2))
f = string.Formatter()
print(f.format('{0}-{name!r:>6}', 1, name='a'), list(f.parse('a{0}b{x:>3}c')), f.vformat('{}', (5,), {}))
print(string.capwords(' hello   world '), string.printable == string.digits + string.ascii_letters + string.punctuation + string.whitespace)
print(textwrap.wrap('The quick brown fox jumps over the lazy dog ' * 3, 20, initial_indent='* ', subsequent_indent='  '))
print(textwrap.fill('a-b-c-d-e-f-g long-hyphenated-word-here', 10), textwrap.shorten('Hello  world!  How are you?', 15))
print(textwrap.dedent('  a\n    b\n  c'), textwrap.indent('a\n\nb', '> '), textwrap.indent('a\n\nb', '> ', lambda l: True))
w = textwrap.TextWrapper(width=12, max_lines=2, placeholder=' [..]', break_long_words=False, tabsize=4, expand_tabs=True)
print(w.wrap('supercalifragilistic word\tword word word'), w.fill('a b c'))
f = string.Formatter()
print(f.format('{0}-{name!r:>6}', 1, name='a'), list(f.parse('a{0}b{x:>3}c')), f.vformat('{}', (5,), {}))
print(list(f.parse('{}{{x}}{a[0]}{b.c!s}{:{w}.{p}}')), list(f.parse('')), list(f.parse('plain')))
print(f.format('{} {}', 1, 2), f.format('{0[1]} {1.real}', [5, 6], 3), f.format('{:{}}|', 'x', 4), f.format('{a:>{w}}', a='z', w=3))
for bad in ['{', '}', '{0', '{!x}', '{0!}', '{0!rr}', '{} {0}', '{0} {}', 'a}b', '{:{:{}}}']:
    try:
        print(repr(bad), f.format(bad, 1, 2, 3))
    except (ValueError, IndexError, KeyError) as e:
        print(repr(bad), type(e).__name__, e)
class Up(string.Formatter):
    def format_field(self, value, spec):
        return str(value).upper()
    def get_value(self, key, args, kwargs):
        return kwargs.get(key, '<%s>' % key) if isinstance(key, str) else args[key]
print(Up().format('{x} {y} {0}', 'q', x='ab'))
