# An instance whose class's __call__ is an instance of that class: calling
# it goes round for ever, and ends in RecursionError as in CPython.
class A:
    pass


A.__call__ = A()
try:
    A()()
except RecursionError as e:
    print("RecursionError:", e)


class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x):
        return x + self.n


class Holder:
    __call__ = Adder(10)


# A __call__ that is not a function is called as it is, without the
# receiver, unless it is a descriptor.
print(Holder()(5))


class Bound:
    def __get__(self, obj, owner):
        return lambda *args: ("bound to", type(obj).__name__, args)


class WithDescriptor:
    __call__ = Bound()


print(WithDescriptor()(1, 2))


class Static:
    __call__ = staticmethod(lambda *args: ("static", args))


print(Static()(3))
