# The tokenizer's IndentationErrors and "unexpected EOF" carry CPython 3.11's
# locations: no end (end_offset -1), the offset past the end of the line.
cases = [
    "if 1:\n    x = 1\n  y = 2\n",
    "if 1:\n        x = 1\n    y = 2\n",
    "if 1:\n\tx = 1\n        y = 2\n",
    "def f():\n  if 1:\n      pass\n    return\n",
    "if 1:\n    x = 1\n  # c\n  y = 2\n",
    "class A:\n    def f(self):\n        pass\n   x = 1\n",
    "if 1:\n  x = (1,\n2)\n y = 3\n",
    "  x = 1\n",
    "if 1:\nx = 1\n",
    "if 1:\n    pass\n        x = 2\n",
    "for x in y:\n\n\n     a\n  b\n",
    "if 1:\n    x = 1\n  y = 2  # trailing\n",
    "if True:\n    pass\n \tpass\n",
    "if 1:\n  x = 1\n    y\n",
    "x = 1 \\",
    "x = (1,\n",
]
for src in cases:
    try:
        compile(src, "m.py", "exec")
        print(repr(src), "compiles")
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))

exec(compile("if 1:\n    x = 1\n  y = 2\n", "final.py", "exec"))
