# Subclasses of type (metaclasses): __prepare__, __new__/__init__/__call__
# overrides, class-level dunders and properties, __instancecheck__,
# class keywords and __init_subclass__, type(name, bases, ns).

class OrderedMeta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 1}
    def __new__(mcs, name, bases, ns, **kw):
        cls = super().__new__(mcs, name, bases, ns)
        cls.order = [k for k in ns if not k.startswith("__")]
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)

class A(metaclass=OrderedMeta, tag=1):
    b = 1
    a = 2
    def m(self): pass
print(A.order, A.injected, type(A).__name__)

class B(A):
    c = 3
print(B.order, type(B).__name__)

class Checker(type):
    def __instancecheck__(cls, obj):
        return hasattr(obj, "quack")
    def __subclasscheck__(cls, sub):
        return hasattr(sub, "quack")
class Duck(metaclass=Checker): pass
class Mallard:
    quack = True
print(isinstance(Mallard(), Duck), isinstance(1, Duck), issubclass(Mallard, Duck), issubclass(int, Duck))

class Registry(type):
    classes = []
    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, ns)
        mcs.classes.append(name)
        return cls
    @property
    def plural(cls):
        return cls.__name__ + "s"
    def create(cls, *a):
        return cls(*a)
class Model(metaclass=Registry):
    def __init__(self, x=0):
        self.x = x
class User(Model): pass
print(Registry.classes, User.plural, User.create(5).x, type(User) is Registry, isinstance(User, Registry), isinstance(User, type))

class Meta2(type):
    def __call__(cls, *args, **kwargs):
        print("call", cls.__name__, args, kwargs)
        obj = cls.__new__(cls)
        obj.__init__(*args, **kwargs)
        return obj
class P(metaclass=Meta2):
    def __init__(self, a, b=2):
        self.s = a + b
print(P(1, b=3).s)

class Abstract(type):
    def __new__(mcs, name, bases, ns):
        if "run" not in ns and bases:
            raise TypeError(f"{name} must define run")
        return super().__new__(mcs, name, bases, ns)
class Task(metaclass=Abstract): pass
class Good(Task):
    def run(self): return "ok"
try:
    class Bad(Task): pass
except TypeError as e:
    print("TypeError:", e)
print(Good().run())

NewT = Registry("NewT", (Model,), {"y": 2})
print(NewT.y, NewT().x, NewT.plural, Registry.classes)
Plain = type("Plain", (), {"z": 3, "__repr__": lambda self: "Plain!"})
print(Plain(), Plain.z, Plain.__name__, Plain.__bases__, type(Plain))

class WithInit(type):
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns, **kw)
        cls.kw = kw
try:
    class K0(metaclass=WithInit, flavor="x"):
        pass
except TypeError as e:
    print("TypeError:", e)
class K(metaclass=WithInit):
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        print("init_subclass", cls.__name__, kw)
class K2(K, flavor="y"): pass
print(K.kw, K2.kw)
try:
    class K3(K, flavor="z"):
        def __init_subclass__(cls, **kw):
            super().__init_subclass__(**kw)
    class K4(K3, other=1): pass
except TypeError as e:
    print("TypeError:", e)

class ListMeta(type):
    def __len__(cls): return 42
    def __iter__(cls): return iter([1, 2])
    def __getitem__(cls, i): return i * 3
    def __contains__(cls, x): return x == 7
    def __or__(cls, other): return "or!"
    def __repr__(cls): return f"<<{cls.__name__}>>"
    def __str__(cls): return f"str {cls.__name__}"
    def __eq__(cls, o): return o == "same"
    __hash__ = type.__hash__
    def __bool__(cls): return False
class Q(metaclass=ListMeta): pass
print(len(Q), list(Q), Q[5], 7 in Q, Q | int, repr(Q), str(Q), Q == "same", bool(Q), f"{Q}", [Q])
print(type.__call__(Q).__class__.__name__, type(type), type.__mro__, isinstance(type, type), OrderedMeta.__mro__)
