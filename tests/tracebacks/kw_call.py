def f(*, a):
    return a


def g():
    return f(a=1, b=2)


g()
