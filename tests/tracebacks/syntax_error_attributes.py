# What compile() reports in a SyntaxError's attributes, and how the
# traceback module prints them.
import traceback

sources = [
    "x = (1, 2\n",
    "print(1 2)\n",
    "  pass\n",
    "if 1:\n  x\n y\n",
    "x = 1abc\n",
    "x = 'abc",
    "x = 0777",
    "def f():\nreturn 1\n",
    "a + 1 = 2\n",
    "x = )\n",
    "x = $\n",
]
for src in sources:
    try:
        compile(src, "<probe>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset, repr(e.text), e.end_lineno)
        print("".join(traceback.format_exception_only(type(e), e)), end="")

try:
    compile("if x is 1: pass\n", "<probe>", "exec")
except SyntaxError:
    pass
raise SyntaxError("the interpreter's carets", ("f.py", 1, 3, "  abcdef   \n", 1, 6))
