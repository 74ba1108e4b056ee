# Where an attribute store goes: a class's __setattr__ sees every store, even
# of a property; object.__setattr__ still honours data descriptors; type's own
# data descriptors (__dict__, __mro__, __qualname__...) win over a class's
# attribute of the same name; threading.local's __dict__ is the thread's.
import threading


class Logged:
    @property
    def x(self):
        return self._x

    @x.setter
    def x(self, v):
        print("  setter", v)
        self._x = v

    @property
    def ro(self):
        return 1

    def __setattr__(self, name, value):
        print("  __setattr__", name, value)
        object.__setattr__(self, name, value)


obj = Logged()
obj.x = 3
obj.y = 4
print(obj.x, obj.y, sorted(obj.__dict__))
try:
    obj.ro = 2
except AttributeError as e:
    print("AttributeError:", e)
setattr(obj, "x", 5)
print(obj.x)


class Plain:
    @property
    def p(self):
        return "p"


pl = Plain()
try:
    object.__setattr__(pl, "p", 1)
except AttributeError as e:
    print("AttributeError:", e)


class Shadowing:
    """A class whose instances have a computed __dict__."""

    @property
    def __dict__(self):
        return {"computed": True}

    __qualname__ = "Outer.Shadowing"


print(type(Shadowing.__dict__).__name__, "__doc__" in Shadowing.__dict__)
print(Shadowing().__dict__, Shadowing.__qualname__, Shadowing.__name__)

for name, value in (("__mro__", ()), ("__dict__", {}), ("__qualname__", 3), ("__base__", object)):
    try:
        setattr(Plain, name, value)
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
Plain.__qualname__ = "Renamed"
Plain.__module__ = "elsewhere"
print(Plain, Plain.__qualname__, Plain.__module__, Plain.__name__)

local = threading.local()
local.a = 1
print(local.__dict__, vars(local))
local.__dict__["b"] = 2
print(local.b)


def in_thread():
    print("thread sees", vars(local))
    local.c = 3
    print("thread sets", sorted(local.__dict__))


t = threading.Thread(target=in_thread)
t.start()
t.join()
print("main keeps", sorted(vars(local)))
print(threading.local, type(local).__name__)
try:
    local.__dict__ = {}
except AttributeError as e:
    print("AttributeError:", e)


class MyLocal(threading.local):
    def __init__(self, start):
        self.n = start


ml = MyLocal(10)
try:
    ml.__dict__ = {}
except AttributeError as e:
    print("AttributeError:", e)
t = threading.Thread(target=lambda: print("fresh per thread", vars(ml)))
t.start()
t.join()
