# The dispatch loop's unboxed forms (floats, comparisons, unpacking) must
# give exactly what the general protocol gives, including its errors.
import math


def arith(a, b):
    out = []
    for op in ("+", "-", "*", "/"):
        try:
            if op == "+":
                r = a + b
            elif op == "-":
                r = a - b
            elif op == "*":
                r = a * b
            else:
                r = a / b
            out.append(repr(r))
        except ZeroDivisionError as e:
            out.append(f"ZeroDivisionError: {e}")
        except OverflowError as e:
            out.append(f"OverflowError: {e}")
    return out


values = [0.0, -0.0, 1.5, -2.25, 1e308, 5e-324, float("inf"), float("-inf"),
          float("nan"), 0, 3, -7, 2**53 + 1, 2**62, -(2**63), 2**64, True]
for a in values:
    for b in values:
        if isinstance(a, float) or isinstance(b, float):
            print(repr(a), repr(b), arith(a, b))


def in_place(x):
    x += 0.5
    x -= 2
    x *= 3
    x /= 4
    return x


print(in_place(1.0), in_place(7), in_place(-0.0))
print(2**53 + 1 + 0.0, 0.0 + (2**53 + 1), 1 / 3, 2 / 3.0, 10 / 4)


def comparisons(a, b):
    return [a < b, a <= b, a == b, a != b, a > b, a >= b]


nan = float("nan")
for a, b in [(1.0, 2.0), (2.0, 2.0), (nan, nan), (nan, 1.0), (-0.0, 0.0),
             (float("inf"), 1e308), (1, 2), (3, 3), (1.0, 1), (2**53 + 1, float(2**53))]:
    print(a, b, comparisons(a, b))
    if a < b:
        print("  branch <")
    if not a == b:
        print("  branch !=")


class MyFloat(float):
    def __add__(self, other):
        return "MyFloat.__add__"

    def __lt__(self, other):
        return "MyFloat.__lt__"


print(MyFloat(1.0) + 2.0, MyFloat(1.0) < 2.0, 2.0 + MyFloat(1.0))

pairs = [(1, 2), [3, 4], (5, 6)]
total = 0
for a, b in pairs:
    total += a * 10 + b
print(total)


class Pair(tuple):
    def __iter__(self):
        yield "from"
        yield "__iter__"


a, b = Pair((1, 2))
print(a, b)
a, (b, c), d = 1, [2, 3], "xy"
print(a, b, c, d)
for bad in [(1, 2, 3), [1], (), "abc", 5, None, {1: 2, 3: 4}]:
    try:
        x, y = bad
        print("unpacked", x, y)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

v = [1.0, 2.0, 3.0]
v[0] -= 0.25
v[1] *= v[2]
v[-1] /= 2
d = {"k": 1}
d["k"] += 1.5
print(v, d)
print(math.isnan(nan + 1), math.copysign(1.0, -0.0 * 1), -0.0 + 0.0, -0.0 - 0.0)
