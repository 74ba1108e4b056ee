# compile(..., "single") takes one interactive statement (a line of simple
# statements or one compound statement); warnings.warn's stacklevel names
# the caller at that level, and warn_explicit the place it is given.
import os
import sys
import warnings


class ScriptRelative:
    """stderr onto stdout, with this script's folder left out of paths, so
    the recording holds wherever the repository is checked out."""

    folder = os.path.dirname(os.path.abspath(__file__)) + os.sep

    def write(self, text):
        return sys.stdout.write(text.replace(self.folder, ""))

    def flush(self):
        sys.stdout.flush()


warnings.simplefilter("always")
sys.stderr = ScriptRelative()

code = compile("a = 1; b = 2", "<s>", "single")
exec(code)
print(a, b)
exec(compile("if True:\n    x = 5\n    print(x)\n", "<s>", "single"))
exec(compile("for i in range(2): print(i)\n", "<s>", "single"))
exec(compile("1 + 1", "<s>", "single"))
exec(compile("3; 4", "<s>", "single"))
exec(compile("y = (1,\n     2); print(y)", "<s>", "single"))
exec(compile("def f():\n    return 7\n", "<s>", "single"))
print(f())
for bad in ("a = 1\nb = 2\n", "if True:\n    pass\nx = 1\n", "x = 1; y = 2\nz = 3"):
    try:
        compile(bad, "<s>", "single")
    except SyntaxError as e:
        print("SyntaxError:", e, e.lineno, e.offset, e.end_offset)


def inner():
    warnings.warn("level 2", UserWarning, stacklevel=2)


def outer():
    inner()


outer()


def deep():
    warnings.warn("level 3", DeprecationWarning, stacklevel=3)


def middle():
    deep()


def top():
    middle()


top()
warnings.warn("level 1")
warnings.warn("keyword level", stacklevel=1)
warnings.warn("too far", stacklevel=50)
warnings.warn_explicit("explicit", RuntimeWarning, "fake.py", 12)
warnings.warn_explicit("explicit module", UserWarning, "other.py", 3, module="other")

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    outer()
    top()
for w in caught:
    print(w.category.__name__, w.message, w.filename.rsplit("/", 1)[-1], w.lineno)
