# html.escape and html.unescape: quotes, every kind of character reference
# (named with and without ";", longest-prefix matches, numeric in both bases,
# HTML5's repairs of invalid code points) and bad input.
import html
import html.entities

print(html.escape('<a href="x">Tom & \'Jerry\'</a>'))
print(html.escape('<a href="x">Tom & \'Jerry\'</a>', quote=False))
print(html.escape(''))
print(html.escape('&amp;'))

cases = [
    'no references', '&amp; &lt; &gt; &quot; &apos;', '&amp &lt &gt &copy',
    '&AMP;&AMP', '&notit; &notin; &not', '&ampx; &ampamp;', '&unknown; &',
    '&#65;&#x41;&#X41;&#0065', '&#x;&#;&#a;', '&#0;&#13;&#128;&#129;&#150;&#159;',
    '&#xD800;&#x110000;&#99999999999999999999;', '&#1;&#11;&#127;&#xFDD0;&#xFFFE;&#x1FFFF;',
    '&#x10FFFF;&#x10FFFD;', '&nbsp;&NotEqualTilde;&acE;', '&&amp;&#38;&', 'a&b c&d;',
    '&aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;', '&ａ;&é;', '&lt' * 3,
    '&frac12&frac34;&sup2x', '&#x1F600; &#128512;', 'é&eacute;é',
]
for case in cases:
    print(repr(case), '->', ascii(html.unescape(case)))

for bad in [None, 5, b'&amp;']:
    for func in (html.escape, html.unescape):
        try:
            func(bad)
        except (TypeError, AttributeError) as e:
            print(func.__name__, type(bad).__name__, type(e).__name__, e)
try:
    html.escape()
except TypeError as e:
    print('TypeError:', e)

print(html.__all__)
print(len(html.entities.html5), list(html.entities.html5)[:12])
print(html.entities.html5['amp;'], html.entities.html5['NotEqualTilde;'] == '\u2242\u0338')
print(len(html.entities.name2codepoint), list(html.entities.name2codepoint.items())[:5])
print(html.entities.name2codepoint['lang'], html.entities.name2codepoint['euro'])
print(list(html.entities.codepoint2name.items())[-5:])
print(ascii(html.entities.entitydefs['nbsp']), html.entities.entitydefs['amp'])
print(sorted(html.entities.__all__))
