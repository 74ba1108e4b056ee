class Registry(type):
    classes = []

    def __new__(mcs, name, bases, ns, **kwargs):
        cls = super().__new__(mcs, name, bases, ns)
        cls.tag = kwargs.get("tag", name.lower())
        mcs.classes.append(name)
        return cls

    def __init__(cls, name, bases, ns, **kwargs):
        super().__init__(name, bases, ns)
        cls.initialised = True

    def __repr__(cls):
        return f"<registered {cls.__name__}>"

    def __len__(cls):
        return len(cls.__name__)

    def __iter__(cls):
        return iter(cls.__name__)

    def __getitem__(cls, item):
        return f"{cls.__name__}[{item}]"

    def __call__(cls, *args, **kwargs):
        print("creating", cls.__name__, args)
        return super().__call__(*args, **kwargs)

    def describe(cls):
        return f"{cls.__name__} tagged {cls.tag}"

    @property
    def upper(cls):
        return cls.__name__.upper()


class Base(metaclass=Registry):
    def __init__(self, x=0):
        self.x = x


class Child(Base, tag="kid"):
    pass


print(Registry.classes, Base.tag, Child.tag, Child.initialised, type(Child) is Registry, isinstance(Child, Registry), type(Base))
print(repr(Child), len(Child), list(Child), Child["k"], Child.describe(), Child.upper)
c = Child(5)
print(c.x, type(c).__name__, isinstance(c, Base))


class Singleton(type):
    _instances = {}

    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]


class Config(metaclass=Singleton):
    def __init__(self):
        print("config created")


print(Config() is Config())


class Frozen(type):
    def __setattr__(cls, name, value):
        raise AttributeError(f"cannot set {name} on {cls.__name__}")


class Const(metaclass=Frozen):
    A = 1


try:
    Const.A = 2
except AttributeError as e:
    print(e, Const.A)


def make_class(name, bases, ns):
    ns["made_by_function"] = True
    return type(name, bases, ns)


class Made(metaclass=make_class):
    pass


print(Made.made_by_function, type(Made))
Dyn = Registry("Dyn", (), {"v": 3})
print(Dyn.v, Dyn.tag, type(Dyn).__name__, Base.__subclasses__(), object.__subclasses__ is not None)
try:

    class M1(type):
        pass

    class M2(type):
        pass

    class A(metaclass=M1):
        pass

    class B(metaclass=M2):
        pass

    class C(A, B):
        pass

except TypeError as e:
    print("TypeError:", e)
