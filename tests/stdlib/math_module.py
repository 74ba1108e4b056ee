import math
import random

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), math.sqrt(0.5), math.floor(3.7), math.floor(-3.2), math.ceil(3.2), math.ceil(-3.7), math.trunc(-3.7), math.trunc(5))
print(math.fabs(-3), math.pow(2, 10), math.pow(2, 0.5), math.pow(-8, 1 / 3) if False else 0, math.exp(1), math.exp(-1), math.expm1(1e-10))
print(math.log(100), math.log(100, 10), math.log(8, 2), math.log2(1024), math.log10(1000), math.log1p(1e-10), math.log(10 ** 400), math.log2(2 ** 2000))
print(math.sin(1), math.cos(1), math.tan(1), math.asin(0.5), math.acos(0.5), math.atan(1), math.atan2(1, -1), math.atan2(-0.0, -1))
print(math.sinh(1), math.cosh(1), math.tanh(1), math.asinh(1), math.acosh(2), math.atanh(0.5), math.cbrt(8), math.exp2(10))
print(math.hypot(3, 4), math.hypot(1, 1), math.hypot(1, 2, 3), math.hypot(), math.hypot(-5), math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 5, 6]))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.isclose(1, 1.05, rel_tol=0.1), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.isfinite(1.0), math.isfinite(math.inf), math.isinf(-math.inf), math.isnan(math.nan), math.isnan(1))
print(math.gcd(12, 18), math.gcd(0, 0), math.gcd(-4, 6), math.gcd(), math.gcd(12, 18, 30), math.lcm(4, 6), math.lcm(), math.lcm(0, 5))
print(math.factorial(0), math.factorial(5), math.factorial(30), len(str(math.factorial(1000))))
print(math.comb(5, 2), math.comb(10, 0), math.comb(3, 5), math.comb(100, 50), math.perm(5, 2), math.perm(5), math.perm(3, 5))
print(math.isqrt(17), math.isqrt(10 ** 40), math.prod([1, 2, 3, 4]), math.prod([]), math.prod([1.5, 2]), math.prod(range(1, 6), start=10))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.fsum([]), math.fsum([1e-16, 1, 1e16]))
print(math.copysign(3, -0.0), math.degrees(math.pi), math.radians(180), math.modf(3.5), math.modf(-2.25), math.frexp(8), math.frexp(0.1), math.frexp(0))
print(math.ldexp(0.5, 4), math.ldexp(1, -1074), math.ldexp(1, -1075), math.ldexp(3, 1000), math.fmod(7, 3), math.fmod(-7, 3), math.remainder(7, 3), math.remainder(5, 2), math.remainder(-7, 2))
print(math.nextafter(1, 2), math.nextafter(0, -1), math.ulp(1), math.ulp(0), math.ulp(1e300))
print(math.gamma(0.5), math.gamma(5), math.gamma(-1.5), math.gamma(10.1), math.gamma(171.5), math.lgamma(10), math.lgamma(0.5), math.lgamma(-2.5))
random.seed(3)
xs = [random.uniform(-20, 40) for _ in range(300)]
print(sum(1 for x in xs if x != int(x) and math.gamma(x) == math.gamma(x)), [math.gamma(x) for x in xs[:5]])
print([math.lgamma(x) for x in xs[5:10]])
print(math.erf(0.5), math.erf(2), math.erfc(0.5))
for expr in ["math.sqrt(-1)", "math.log(0)", "math.log(-1)", "math.exp(1000)", "math.factorial(-1)", "math.factorial(1.5)", "math.floor('a')",
             "math.sqrt('a')", "math.comb(5, -1)", "math.comb(-5, 1)", "math.gcd(1.5)", "math.pow(0, -1)", "math.fmod(1, 0)", "math.isqrt(-1)",
             "math.floor(math.inf)", "math.floor(math.nan)", "math.log(1, 1)", "math.acos(2)", "math.atanh(1)", "math.gamma(0)", "math.gamma(-2)",
             "math.gamma(200)", "math.lgamma(0)", "math.dist((1,), (1, 2))", "math.isclose(1, 2, rel_tol=-1)", "math.fsum([math.inf, -math.inf])",
             "math.cosh(1000)", "math.ldexp(1, 2000)", "math.sqrt()", "math.pow(2)", "math.trunc('x')", "math.remainder(1, 0)", "math.log10(-5)"]:
    try:
        print(expr, "->", eval(expr))
    except (ValueError, TypeError, OverflowError, ZeroDivisionError) as e:
        print(expr, "->", type(e).__name__, e)
