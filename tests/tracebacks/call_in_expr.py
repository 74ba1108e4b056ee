def g(x):
    return x.missing


def f():
    return 1 + g(2) * 3


f()
