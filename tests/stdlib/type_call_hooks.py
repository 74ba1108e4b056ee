# type(name, bases, ns) and types.new_class make classes as a class
# statement does: __set_name__, the parent's __init_subclass__ with the
# keywords, the most derived metaclass, __module__ from the caller.
import types


class Named:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)


class Base:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)


C = type("C", (Base,), {"d": Named()})
print(C.__module__, C.__qualname__, list(C.__dict__)[:2])
C2 = type("C2", (Base,), {"d": Named()}, flag=1)
E = types.new_class("E", (Base,), {"x": 1}, lambda ns: ns.update(d=Named()))
print(E.__module__)


class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        print("Meta.__new__", name, kw)
        return super().__new__(mcs, name, bases, ns, **kw)

    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, kw)
        return {"prepared": True}


F = Meta("F", (Base,), {"d": Named()})
print(type(F).__name__)
G = type("G", (F,), {})
print(type(G).__name__)
H = types.new_class("H", (Base,), {"metaclass": Meta, "y": 2})
print(type(H).__name__, H.prepared)
print(types.resolve_bases((int, Base)))
meta, ns, kw = types.prepare_class("P", (F,), {"z": 3})
print(meta.__name__, ns, kw)
for args in [(1, (), {}), ("X", [], {}), ("X", (1,), {}), ("X", (), [])]:
    try:
        type(*args)
    except TypeError as e:
        print(e)
try:
    type("X", (), {}, a=1)
except TypeError as e:
    print(e)
try:
    type(1, a=2)
except TypeError as e:
    print(e)


def local():
    return type("Local", (), {})


print(local().__module__, local().__qualname__)
print(type("Sub", (Base,), {}).__module__)


class Gen:
    def __class_getitem__(cls, item):
        return types.GenericAlias(cls, item)


K = types.new_class("K", (Gen[int],))
print(K.__bases__, K.__orig_bases__)
try:
    type("L", (Gen[int],), {})
except TypeError as e:
    print(e)
