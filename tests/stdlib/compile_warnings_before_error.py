# Warnings found while reading a source (the tokenizer's SyntaxWarnings, the
# parser's invalid escapes) are issued even when the source is then rejected.
import warnings

SOURCES = [
    'x = 1if 1 else 2\nz = )\n',
    'z = (\nx = 1if 1 else 2\n',
    'y = (1 2)\nx = 0x1for\n',
    'x = "\\d"\ny = 1if 1 else 2\nz = (1 2)\n',
    'y = )\nx = 1if 1 else 2\n',
    'x = "\\d"\ny = (1 2)\n',
    'x = 1if 1 else 2\n',
    'x = ("\\d" 1)\n',
    'f("\\d", 1 2)\n',
    'x = "\\d" +\n',
    'x = [1, "\\d"\n',
    'if "\\d":\n  x = (1 2)\n',
    'def f(x="\\d"): pass\nx = (1 2)\n',
    'x = "\\d"\n"\\q"\ny = )\n',
    'x = "\\d"\nz = (\n',
]

for source in SOURCES:
    for mode in ('exec', 'eval'):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter('always')
            try:
                compile(source, 'src', mode)
                outcome = 'compiled'
            except SyntaxError as e:
                outcome = f'{type(e).__name__}: {e.msg} ({e.lineno})'
        print(repr(source), mode, outcome)
        for w in caught:
            print('   ', w.category.__name__, w.message, w.lineno)

with warnings.catch_warnings():
    warnings.simplefilter('error')
    try:
        compile('x = 1if 1 else 2\nz = )\n', 'src', 'exec')
    except SyntaxError as e:
        print('as error:', e.msg, e.lineno, e.offset)
