# sys.intern keeps one object per text; getsizeof asks a class's __sizeof__.
import sys

a = sys.intern("".join(["hello", " ", "world"]))
b = sys.intern("hello " + "world".strip())
print(a is b, a == b, sys.intern(a) is a)
for bad in (b"bytes", 3):
    try:
        sys.intern(bad)
    except TypeError as e:
        print("TypeError:", e)


class Text(str):
    pass


try:
    sys.intern(Text("sub"))
except TypeError as e:
    print("TypeError:", e)


class Plain:
    pass


class Slotted:
    __slots__ = ("x", "y")


class Sized:
    def __init__(self, n):
        self.n = n

    def __sizeof__(self):
        return self.n


print(sys.getsizeof(object()), sys.getsizeof(Plain()), sys.getsizeof(Slotted()))
print(sys.getsizeof(Sized(100)), sys.getsizeof(Sized(True)), sys.getsizeof(Sized(0), 7))
for n in (-1, "x", 10**30):
    try:
        sys.getsizeof(Sized(n))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
