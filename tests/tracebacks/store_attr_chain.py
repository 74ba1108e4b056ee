class A:
    pass


a = A()
a.b.c = 1
