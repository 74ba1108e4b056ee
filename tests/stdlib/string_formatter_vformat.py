# string.Formatter._vformat, the private step subclasses and CPython's test_string call.
import string
f = string.Formatter()
print(f._vformat("{0}-{1}", (1, 2), {}, set(), 2))
print(f._vformat("{}-{}", (1, 2), {}, set(), 2))
print(f._vformat("{a:{w}}", (), {"a": 3, "w": 4}, set(), 2))
used = set()
print(f._vformat("{x}", (), {"x": 1}, used, 2), used)
try:
    f._vformat("{i}", (), {"i": 100}, set(), -1)
except ValueError as e:
    print("ValueError:", e)
