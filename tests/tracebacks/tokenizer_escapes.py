# Invalid escape sequences are DeprecationWarnings (ignored by default outside
# __main__, shown by the 'default' filter) and SyntaxErrors when warnings are
# errors; numbers running into keywords likewise with SyntaxWarning.
import warnings

sources = [
    'x = "\\d"', "x = b'\\q'", 'x = "\\477"', "x = b'\\777'", 'x = "a\\8b\\9"',
    'x = "ok\\n" "bad\\w"', 'x = f"{1}\\s"', "x = b'\\N' if 0 else 1",
    "x = '''\nline\\y'''", 'x = r"\\d"', 'x = "\\\\d"', "x = 1if 1else 2",
    "x = [0x1for x in ()]", "x = 1jin [1]", "x = '\\é'",
]
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    for src in sources:
        compile(src, "quiet.py", "exec")
print("ignored: nothing shown")

with warnings.catch_warnings():
    warnings.simplefilter("always")
    for src in sources:
        compile(src, "shown.py", "exec")
    eval("'\\d'")

with warnings.catch_warnings():
    warnings.simplefilter("error")
    for src in sources:
        try:
            compile(src, "err.py", "exec")
            print(repr(src), "compiles")
        except SyntaxError as e:
            print(repr(src), "->", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)

warnings.simplefilter("error")
exec(compile('print("before")\ny = "\\d"', "final.py", "exec"))
