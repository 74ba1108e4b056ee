class A:
    pass


def f(a):
    return a.b.c.d


a = A()
a.b = A()
f(a)
