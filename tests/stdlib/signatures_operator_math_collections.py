# operator, math and collections natives check their arguments as CPython
# does (its TypeError text for each of its argument parsers), show their
# signatures to inspect and have docstrings.
import collections
import inspect
import math
import operator

WRONG = [((), {}), ((0,) * 9, {}), ((), {"bogus": 1}), ((0,), {"bogus": 1})]


def probe(label, f, calls=WRONG):
    for args, kwargs in calls:
        try:
            f(*args, **kwargs)
            print(label, len(args), sorted(kwargs), "-> accepted")
        except Exception as e:
            print(label, len(args), sorted(kwargs), "->", type(e).__name__, e)
    try:
        print(label, "signature", inspect.signature(f))
    except ValueError:
        print(label, "signature: none")
    if not f.__doc__:
        print(label, "has no docstring")


OPERATOR = """abs add and_ call concat contains countOf delitem eq floordiv ge getitem
gt iadd iand iconcat ifloordiv ilshift imatmul imod imul index indexOf inv invert ior
ipow irshift is_ is_not isub itruediv ixor le length_hint lshift lt matmul mod mul ne
neg not_ or_ pos pow rshift setitem sub truediv truth xor""".split()
for name in OPERATOR:
    probe("operator." + name, getattr(operator, name))
print(operator.__add__ is operator.add, operator.__not__ is operator.not_)
print(operator.__inv__.__name__, operator.__and__.__name__)

# The getters' own checks, and calls that work.
for call in [
    "operator.itemgetter()", "operator.itemgetter(1, x=2)", "operator.attrgetter()",
    "operator.attrgetter(1)", "operator.attrgetter('a', x=2)", "operator.methodcaller()",
    "operator.methodcaller(1)", "operator.itemgetter(1)()", "operator.itemgetter(1)(x=2)",
    "operator.itemgetter(1)([1, 2], [3])", "operator.attrgetter('real')(x=1)",
    "operator.methodcaller('a')(1, 2)", "operator.methodcaller('a')(x=1)",
    "operator.itemgetter(1, 0)('ab')", "operator.attrgetter('real', 'imag')(3)",
    "operator.methodcaller('split', ',', maxsplit=1)('a,b,c')",
    "operator.call(max, 3, 4, key=lambda x: -x)", "operator.length_hint(iter([1, 2]))",
    "operator.length_hint(3, 7)", "operator.length_hint(3, 'x')", "operator.iconcat(1, 2)",
    "operator.concat([1], [2])", "operator.iconcat([1], (2,))", "operator.indexOf('abc', 'c')",
]:
    try:
        print(call, "->", eval(call))
    except Exception as e:
        print(call, "->", type(e).__name__, e)

MATH = """acos acosh asin asinh atan atan2 atanh cbrt ceil comb copysign cos cosh degrees
dist erf erfc exp exp2 expm1 fabs factorial floor fmod frexp fsum gamma gcd hypot isclose
isfinite isinf isnan isqrt lcm ldexp lgamma log log10 log1p log2 modf nextafter perm pow
prod radians remainder sin sinh sqrt tan tanh trunc ulp""".split()
for name in MATH:
    probe("math." + name, getattr(math, name))
for call in [
    "math.log(8, 2)", "math.log(1, 2, 3)", "math.log(x=1)", "math.isclose(1, 2, 3)",
    "math.isclose(1)", "math.isclose(a=1.0, b=1.0 + 1e-10)", "math.isclose(1, 1.1, rel_tol=0.2)",
    "math.isclose(1, 2, abs_tol=1, bogus=1)", "math.prod([1], 2)", "math.prod(iterable=[1])",
    "math.prod([2, 3], start=4)", "math.prod([1], start=2, x=1)", "math.perm(5)", "math.perm(5, None)",
    "math.perm(1, 2, 3)", "math.hypot(3, 4)", "math.hypot(x=1)", "math.gcd(12, 18, x=1)",
    "math.dist(p=1, q=2)",
]:
    try:
        print(call, "->", eval(call))
    except Exception as e:
        print(call, "->", type(e).__name__, e)

d = collections.deque([1, 2, 3])
for name in """append appendleft clear copy count extend extendleft index insert pop popleft
remove reverse rotate __copy__ __reversed__""".split():
    probe("deque." + name, getattr(d, name), WRONG[1:])
for call in [
    "collections.deque(1, 2, 3)", "collections.deque(bogus=1)", "collections.deque(a=1, b=2, c=3)",
    "collections.deque([], maxlen=1, x=2)", "collections.deque([], 1, iterable=[])",
    "collections.deque(iterable=[1, 2], maxlen=1)", "collections.deque([1]).rotate(n=1)",
    "collections.deque([1]).index(1, 2, 3, 4)", "collections.deque([1]).insert(1)",
    "collections.deque.append()", "collections.deque([1, 2, 3]).index(3, 1)",
]:
    try:
        print(call, "->", eval(call))
    except Exception as e:
        print(call, "->", type(e).__name__, e)
d.rotate()
d.rotate(-2)
print(d, d.popleft(), d.pop(), d)
