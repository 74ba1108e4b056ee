# Inline attribute caches: invalidation, shadowing, polymorphic sites, super() and isinstance fast paths.

class A:
    def m(self):
        return "A.m"
    x = "class-x"

def get_m(o):
    return o.m()

def get_x(o):
    return o.x

def set_x(o, v):
    o.x = v

a = A()
for _ in range(3):
    print(get_m(a), get_x(a))
# instance dict shadows a method
a.m = lambda: "inst.m"
print(get_m(a), get_x(a))
del a.m
print(get_m(a))
# class attribute changed after caching
A.m = lambda self: "A.m2"
print(get_m(a))
set_x(a, 1)
print(get_x(a))
del a.x
print(get_x(a))
A.x = "class-x2"
print(get_x(a))

# property added after caching a plain attribute
class P:
    pass
p = P()
set_x(p, 5)
print(get_x(p))
P.x = property(lambda self: "prop", lambda self, v: print("setter", v))
print(get_x(p))
set_x(p, 6)
print(p.__dict__)
del P.x
print(get_x(p))

# __setattr__ and __getattr__ added later
class S:
    pass
s = S()
set_x(s, 1)
S.__setattr__ = lambda self, n, v: object.__setattr__(self, n, v * 10)
set_x(s, 2)
print(get_x(s))
del S.__setattr__
set_x(s, 3)
print(get_x(s))
del s.x
S.__getattr__ = lambda self, n: "getattr:" + n
print(get_x(s))

# polymorphic sites, more classes than ways
class B0:
    def m(self): return 0
class B1(B0):
    def m(self): return 1
class B2(B0): pass
class B3(B1): pass
class B4(B0):
    def m(self): return 4
class B5(B4): pass
objs = [B0(), B1(), B2(), B3(), B4(), B5()]
for round in range(3):
    print([get_m(o) for o in objs])
    for i, o in enumerate(objs):
        set_x(o, i * round)
    print([get_x(o) for o in objs])
B1.m = lambda self: "B1.m2"
print([get_m(o) for o in objs])

# a class freed and another allocated while sites remember it
def churn(n):
    out = []
    for i in range(n):
        class T:
            def m(self, i=i): return i
        t = T()
        set_x(t, i)
        out.append(get_m(t) + get_x(t))
    return out
print(churn(20))

# exceptions' virtual attributes
try:
    raise ValueError("boom")
except ValueError as e:
    print(get_x.__name__, e.args, e.__traceback__ is not None, e.__cause__)
    e.x = 3
    print(get_x(e))

# super() method calls and attributes
class Base:
    def __init__(self, v):
        self.v = v
    def who(self):
        return "Base.who"
    @classmethod
    def cm(cls):
        return "cm:" + cls.__name__
    @staticmethod
    def sm():
        return "sm"
    @property
    def pr(self):
        return "pr:" + str(self.v)
class Derived(Base):
    def __init__(self, v):
        super().__init__(v * 2)
    def who(self):
        return "Derived>" + super().who()
    @classmethod
    def cm(cls):
        return "D" + super().cm()
    def call_all(self):
        return super().sm(), super().pr, super().__class__, super().who()
d = Derived(2)
for _ in range(2):
    print(d.v, d.who(), Derived.cm(), d.cm(), d.call_all())
Base.who = lambda self: "Base.who2"
print(d.who())

# isinstance with plain classes, tuples, metaclass hooks
class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == 42
class Anything(metaclass=Meta):
    pass
print(isinstance(d, Base), isinstance(d, Derived), isinstance(a, Base), isinstance(True, int),
      isinstance(1, (str, int)), isinstance(42, Anything), isinstance(d, Anything), isinstance(d, object))
print(issubclass(Derived, Base), issubclass(bool, int), issubclass(Base, Derived))

# descriptors with __get__/__set__ on the class
class D:
    def __get__(self, obj, owner):
        return "D.get"
    def __set__(self, obj, v):
        print("D.set", v)
class H:
    pass
h = H()
set_x(h, 1)
print(get_x(h))
H.x = D()
print(get_x(h))
set_x(h, 2)
class ND:
    def __get__(self, obj, owner):
        return "ND.get"
H.x = ND()
print(get_x(h))
del h.x
print(get_x(h))

# many attributes (past the small-dict scan) shadowing a method
class Many:
    def m(self): return "Many.m"
mm = Many()
for i in range(12):
    setattr(mm, "a%d" % i, i)
print(get_m(mm))
mm.m = lambda: "mm.m"
print(get_m(mm))
