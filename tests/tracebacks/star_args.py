def g(a):
    return a


def f(args):
    return g(*args)


f([1, 2])
