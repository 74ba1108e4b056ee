# Attribute access on instances through the inline caches: every way the
# answer for one (class, name) can change between two runs of the same line.


class Point:
    kind = "point"

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return abs(self.x) + abs(self.y)


def read(p):
    return p.x, p.y, p.kind, p.norm()


a = Point(1, -2)
for _ in range(3):
    print(read(a))

# An instance attribute shadows a method, then the class attribute.
a.norm = lambda: "shadowed"
a.kind = "mine"
print(read(a))
del a.norm
print(read(a))

# The class changes after the sites have been filled.
Point.norm = lambda self: "patched"
print(read(Point(3, 4)))
Point.kind = "changed"
print(read(Point(3, 4)))


# A property added later wins over the instance dict (data descriptor).
class Temp:
    def __init__(self, c):
        self.c = c


def celsius(t):
    return t.c


t = Temp(20)
print(celsius(t), celsius(t))
Temp.c = property(lambda self: "from property", lambda self, v: print("set", v))
print(celsius(t))
t.c = 5
print(t.__dict__)


# __setattr__ defined after instances were written through a site.
class Logged:
    def __init__(self, v):
        self.v = v


def write(o, v):
    o.v = v


o = Logged(1)
write(o, 2)
print(o.v)
Logged.__setattr__ = lambda self, k, v: object.__setattr__(self, k, v * 10)
write(o, 3)
print(o.v)


# One site, many classes (more than a site remembers).
class Base:
    def __init__(self, n):
        self.n = n

    def who(self):
        return type(self).__name__ + str(self.n)


classes = [type("C%d" % i, (Base,), {}) for i in range(6)]
for rounds in range(2):
    print([c(i).who() for i, c in enumerate(classes)])

# Attributes set in different orders, so the dict positions differ.
class Bag:
    pass


def get_q(b):
    return b.q


b1, b2 = Bag(), Bag()
b1.p, b1.q = 1, 2
b2.q, b2.p = 3, 4
print(get_q(b1), get_q(b2), get_q(b1))
del b1.p
print(get_q(b1))

# Missing attributes still raise, and __getattr__ still answers.
try:
    get_q(Bag())
except AttributeError as e:
    print("AttributeError:", e)
Bag.__getattr__ = lambda self, name: "fallback " + name
print(get_q(Bag()))


# __init__ run by a class call: results, errors, defaults, keywords.
class Init:
    def __init__(self, a, b=2, *, c=3):
        self.total = a + b + c


print(Init(1).total, Init(1, 1).total, Init(1, c=0).total)


class BadInit:
    def __init__(self):
        return 42


try:
    BadInit()
except TypeError as e:
    print("TypeError:", e)


class Counted:
    made = 0

    def __new__(cls, *args):
        cls.made += 1
        return super().__new__(cls)

    def __init__(self, v):
        self.v = v


print(Counted(7).v, Counted.made)
