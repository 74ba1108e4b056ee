# The compiler's SyntaxWarnings, issued once before the first line runs.
import warnings

x = 1
print("runs after the warnings")
if x is 1:
    print("identity with a literal")
if x is not ():
    print("is not a tuple literal")
if not x is -1:
    print("inverted")
assert (x, "always true")
print(x is None, x is True, x is ...)
try:
    "abc" ("def")
except TypeError as e:
    print("call:", e)
try:
    (1, 2) ["a"]
except TypeError as e:
    print("index:", e)
try:
    1 [0]
except TypeError as e:
    print("subscript:", e)
print([1, 2] [0], "ab" [1], (1, 2) [1:], {"k": 1} ["k"])


def inner():
    return x is "text"


print(inner())
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    compile("y = None ()\nz = {1} [0]\nw = f'{x}' [1.5]\n", "<probe>", "exec")
for w in caught:
    print(w.category.__name__, w.filename, w.lineno, w.message)
warnings.simplefilter("error")
try:
    compile("\n(lambda: 0) [0]\n", "<probe>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.offset, e.end_offset, e.text)
