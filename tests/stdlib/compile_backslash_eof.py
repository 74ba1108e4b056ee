# A backslash continuation that meets the end of the input, and indentation
# set across backslash-continued lines, as compile() reports them.
SOURCES = [
    'x = 1\n  \\\n',
    'x = 1\n\\\n',
    'x = 1\n\\',
    '\\\n',
    '\\',
    '  \\',
    'x = 1\n \\',
    'x = 1 \\\n',
    'x = 1 \\',
    'x = 1 + \\\n',
    'x = 1 \\\n\n',
    'x = 1\n   \\\n\n',
    'x = 1\n\\\n#c\n',
    'x = 1\n\\\n\\\n',
    'if x:\n    pass\n\\\n',
    'def f():\n    x = 1\n    \\\n',
    'x = (1,\n\\\n',
    'x = [\n  \\\n',
    'x = [\n  \\',
    'x = (1 + \\\n',
    'x = (1 + \\',
    'x = (1,\n 2 \\\n',
    'f(\n\\\n\n',
    'x = [\n1,\n',
    'x = (1 + \\\n2\n',
    'f(a,\n  b\n',
    'x = 1\n  \\\ny = 2\n',
    'if 1:\n  \\\n  y = 2\n',
    'x = 1\n\\\ny = 2\n',
    'x = 1\n\\\n  y = 2\n',
    'if 1:\n  \\\n    y = 2\n',
    'if 1:\n  y = 1\n\\\n  y = 2\n',
    'if 1:\n    y = 1\n  \\\n    y = 2\nprint(y)\n',
    'if 1:\n    y = 1\n\\\n    y = 2\nprint(y)\n',
    'if 1:\n    y = 1\n\\\n  \\\n    y = 2\nprint(y)\n',
    '\\\nx = 5\nprint(x)\n',
    '  \\\nx = 5\n',
]

for source in SOURCES:
    try:
        exec(compile(source, 'f', 'exec'), {})
        print(repr(source), 'ok')
    except SyntaxError as e:
        print(repr(source), type(e).__name__, e.msg)
        print('   ', e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
