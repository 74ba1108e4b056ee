# MagicMock's magic methods: CPython's default return values, configuring
# them, numeric and in-place operators, containers, context managers,
# iteration, comparison, and which magic methods a spec leaves.
import math
import os
from unittest import mock
from unittest.mock import MagicMock, NonCallableMagicMock, Mock, call


def show(obj):
    text = repr(obj)
    while " id='" in text:
        start = text.index(" id='")
        end = text.index("'", start + 5)
        text = text[:start] + text[end + 1:]
    return text


def attempt(label, func, *args):
    try:
        result = func(*args)
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: {show(result)}")


m = MagicMock(name="magic")
print(hash(m) == object.__hash__(m), str(m) == object.__str__(m))
print(os.fspath(m).startswith("MagicMock/magic/"))
print(round(m) is m.__round__.return_value, show(round(m)), show(math.trunc(m)), show(math.floor(m)), show(math.ceil(m)))
print(show(-m), show(+m), show(abs(m)), show(~m), show(divmod(m, 2)))
for op in ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "^", "|", "@"]:
    print(op, show(eval(f"m {op} 1")), show(eval(f"1 {op} m")))
x = m
x += 1
print(show(x))
x = MagicMock()
x -= 2
x *= 3
print(show(x))
print(m.mock_calls[:4])
attempt("le", lambda: m <= 1)
attempt("gt", lambda: m > 1)
m.__gt__.return_value = "yes"
print(m > 1)
print(m == m, m == MagicMock(), m != 1)
m.__eq__.return_value = False
print(m == m)
m.__ne__.return_value = "custom"
print(m != m)

seq = MagicMock()
seq.__getitem__.return_value = "item"
seq.__len__.return_value = 3
seq.__iter__.return_value = iter([1, 2])
seq.__contains__.side_effect = lambda x: x > 5
seq.__bool__.return_value = False
print(seq[0], seq["key"], len(seq), list(seq), list(seq), 9 in seq, 1 in seq, bool(seq))
seq.__iter__.return_value = [7, 8]
print(list(seq), list(seq))
print(seq.__getitem__.call_args_list, seq.mock_calls[:3])

cm = MagicMock()
cm.__enter__.return_value = "resource"
cm.__exit__.return_value = True
with cm as r:
    print("inside", r)
    raise ValueError("suppressed by __exit__ returning True")
print(cm.__exit__.call_args[0][0].__name__, cm.__exit__.call_count)

s = MagicMock(spec=["__len__", "append"])
print(len(s), show(s.append))
attempt("spec no iter", iter, s)
attempt("spec no item", lambda: s[0])
ns = NonCallableMagicMock()
print(len(ns), list(ns), show(ns.anything))
attempt("not callable", ns)

def side(*args):
    return sum(args)
f = MagicMock(side_effect=side)
print(f(1, 2, 3))
m2 = MagicMock()
m2.__str__.return_value = "printed"
m2.__int__.return_value = 42
m2.__float__.return_value = 2.5
m2.__index__.return_value = 1
m2.__hash__.return_value = 7
print(str(m2), int(m2), float(m2), [10, 20][m2], hash(m2), f"{m2}")
del m2.__int__
attempt("deleted int", int, m2)
m3 = MagicMock()
m3.__call__ = lambda *a: "replaced?"
print(show(m3()))
m4 = Mock()
m4.__len__ = lambda self: 12
print(len(m4))
m4.__iter__ = Mock(return_value=iter("xy"))
print(list(m4))
attempt("unsupported magic set", setattr, m4, "__getattr__", None)
print(sorted(n for n in dir(MagicMock()) if n.startswith("__") and n in ("__len__", "__iter__", "__repr__")))
