def f(a, b):
    z = 2
    return z * (a ** b)


f("s", 2)
