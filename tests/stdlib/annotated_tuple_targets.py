# Annotated assignments whose target is a tuple or a list, parenthesized,
# bare or empty: all rejected, each at the place CPython reports.
for source in ['(): int', '() : int = 1', '[]: int', '(a, b): int', 'a, b: int', '(a,): int',
               '[a]: int = 1', '((a)): int', '(a): int', 'x.y, z: int']:
    try:
        compile(source, 'f', 'exec')
        print(repr(source), 'compiled')
    except SyntaxError as e:
        print(repr(source), repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset)
