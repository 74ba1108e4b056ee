# __slots__ as CPython lays them out: member descriptors on the class, no
# __dict__ (nor weak references) unless declared, and CPython's errors.
import sys
import weakref


def attempt(what, f):
    try:
        print(what, "->", f())
    except Exception as e:
        print(what, "->", type(e).__name__ + ":", e)


class Point:
    __slots__ = ("y", "x")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


p = Point(3, -4)
print(p.x, p.y, p.norm1())
print(Point.x, type(Point.x).__name__, Point.x.__name__, Point.x.__objclass__)
print(Point.x.__qualname__)
print(list(Point.__dict__))
attempt("dict", lambda: p.__dict__)
attempt("vars", lambda: vars(p))
attempt("set undeclared", lambda: setattr(p, "z", 1))
attempt("hasattr z", lambda: hasattr(p, "z"))
attempt("weakref", lambda: weakref.ref(p))

# Unset slots raise AttributeError on read and delete.
q = Point.__new__(Point)
attempt("unset read", lambda: q.x)
attempt("unset getattr default", lambda: getattr(q, "x", "default"))
attempt("unset delete", lambda: delattr(q, "x"))
q.x = 1
del q.x
attempt("deleted read", lambda: q.x)
q.x = 2
print("after re-set", q.x)

# The descriptor protocol by hand.
print(Point.x.__get__(p, Point), Point.x.__get__(None, Point) is Point.x)
Point.y.__set__(p, 10)
print(p.y)
Point.y.__delete__(p)
attempt("after __delete__", lambda: p.y)
attempt("wrong receiver get", lambda: Point.x.__get__(1))
attempt("wrong receiver set", lambda: Point.x.__set__("s", 1))


class Other:
    x = Point.x


attempt("stolen descriptor", lambda: Other().x)


# Inheritance: a subclass without __slots__ has a __dict__; with slots, it
# extends the layout.
class Point3(Point):
    __slots__ = ("z",)


p3 = Point3(1, 2)
p3.z = 3
print(p3.x, p3.y, p3.z)
attempt("p3 dict", lambda: p3.__dict__)


class Free(Point):
    pass


f = Free(5, 6)
f.extra = 7
print(f.x, f.y, f.__dict__)
print(weakref.ref(f)() is f)


# '__dict__' and '__weakref__' in __slots__.
class WithDict:
    __slots__ = ("a", "__dict__")


w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.b, w.__dict__, list(WithDict.__dict__)[:3])


class WithWeak:
    __slots__ = ("a", "__weakref__")


ww = WithWeak()
print(weakref.ref(ww)() is ww)

# __slots__ given as a str, a list, a dict, an iterator; names are mangled.
class S1:
    __slots__ = "only"


class S2:
    __slots__ = ["a", "b"]


class S3:
    __slots__ = {"a": "the a", "b": None}


class S4:
    __slots__ = iter(("c", "d"))


class Private:
    __slots__ = ("__secret",)

    def __init__(self):
        self.__secret = 42

    def reveal(self):
        return self.__secret


print(S1.only, S2.a, S3.a, S3.__slots__, S4.d)
print(Private().reveal(), sorted(k for k in Private.__dict__ if "secret" in k))

# Declaration errors.
def declare(body, bases=()):
    try:
        ns = {}
        exec(body, ns)
        return "ok"
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


print(declare("class C:\n    __slots__ = ('x',)\n    x = 1"))
print(declare("class C:\n    __slots__ = ('__p',)\n    __p = 1"))
print(declare("class C:\n    __slots__ = (1,)"))
print(declare("class C:\n    __slots__ = ('a b',)"))
print(declare("class C:\n    __slots__ = 3"))
print(declare("class C:\n    __slots__ = ('__dict__', '__dict__')"))
print(declare("class B: pass\nclass C(B):\n    __slots__ = ('__dict__',)"))
print(declare("class B: pass\nclass C(B):\n    __slots__ = ('__weakref__',)"))
print(declare("class A:\n    __slots__ = ('a',)\nclass B:\n    __slots__ = ('b',)\nclass C(A, B): pass"))
print(declare("class A:\n    __slots__ = ('a',)\nclass A2(A): pass\nclass C(A2, A): pass"))
print(declare("class A:\n    __slots__ = ('a',)\nclass E:\n    __slots__ = ()\nclass C(A, E): pass"))
for base in ("int", "bytes", "tuple", "str", "float", "list", "dict"):
    print(base, declare(f"class C({base}):\n    __slots__ = ('a',)"))
print(declare("class C(int):\n    __slots__ = ()\nc = C(5)\nc.x = 1"))


# Slots on subclasses of built-in types.
class Tagged(list):
    __slots__ = ("tag",)


t = Tagged([1, 2])
t.tag = "t"
t.append(3)
print(t, t.tag)
attempt("tagged extra", lambda: setattr(t, "other", 1))


# object() has no __dict__ either.
attempt("object attr", lambda: setattr(object(), "x", 1))
attempt("object dict", lambda: object().__dict__)


# Properties and __setattr__ alongside slots.
class Guarded:
    __slots__ = ("_v",)

    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value)

    @property
    def v(self):
        return self._v


g = Guarded()
g._v = 9
print(g.v)


# Many instances: slots are read and written through the same sites.
class Cell:
    __slots__ = ("value", "next")

    def __init__(self, value, next):
        self.value = value
        self.next = next


head = None
for i in range(1000):
    head = Cell(i, head)
total = 0
while head is not None:
    total += head.value
    head = head.next
print(total)
print(sys.getsizeof(Point(1, 2)) < sys.getsizeof(Free(1, 2)) + sys.getsizeof(Free(1, 2).__dict__))
