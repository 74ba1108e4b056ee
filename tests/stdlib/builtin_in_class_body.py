# A built-in function stored on a class is not a descriptor: an instance
# calls it as it is (CPython's builtin_function_or_method), while a type's
# method (list.append) still binds, and a bound built-in stays bound.
import math


class C:
    f = len
    h = math.sqrt
    a = list.append
    n = [10, 20].__len__


c = C()
print(c.f([1, 2]), c.h(4.0), c.n())
print(C.f is len, c.f is len, c.h is math.sqrt)
x = []
C.a(x, 1)
print(x)


class MyList(list):
    add = list.append


m = MyList()
m.add(3)
print(m)
print(sorted(map(C.f, ["aaa", "b", "cc"])))
