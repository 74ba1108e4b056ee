# __getattribute__ and __getattr__ as CPython calls them: __getattr__ once,
# when the lookup finds nothing or raises AttributeError (a property's
# included); object.__getattribute__ never calls __getattr__.


class Lazy:
    def __getattr__(self, name):
        print("getattr", name)
        raise AttributeError(name)

    @property
    def broken(self):
        raise AttributeError("inner")


lazy = Lazy()
try:
    lazy.broken
except AttributeError as e:
    print("caught", e)
try:
    object.__getattribute__(lazy, "missing")
except AttributeError as e:
    print("caught", e)
print(getattr(lazy, "nothing", "default"), hasattr(lazy, "nothing"))


class Forward:
    def __getattr__(self, name):
        print("Forward getattr", name)
        return object.__getattribute__(self, name)


try:
    Forward().q
except AttributeError as e:
    print("caught", e)


class Custom:
    def __init__(self):
        self.real = "real"

    def __getattribute__(self, name):
        if name == "hidden":
            raise AttributeError("hidden is hidden")
        if name.startswith("virt_"):
            return name[5:]
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        return ("fallback", name)

    def method(self):
        return "method"


c = Custom()
print(c.real, c.virt_abc, c.hidden, c.nope, c.method())
for _ in range(3):
    print(c.real, c.method())


class Counting:
    def __init__(self):
        self.x = 1

    def __getattribute__(self, name):
        print("get", name)
        return super().__getattribute__(name)


k = Counting()
print(k.x)
print(k.__class__.__name__)


class OnlyGetattribute:
    def __getattribute__(self, name):
        raise AttributeError(f"no {name} here")


try:
    OnlyGetattribute().anything
except AttributeError as e:
    print("caught", e)


# A hook added to a base after its subclasses exist reaches them too.
class Plain:
    pass


class Derived(Plain):
    pass


d = Derived()
try:
    d.later
except AttributeError as e:
    print("caught", e)
Plain.__getattr__ = lambda self, name: "hooked " + name
print(d.later)


class Slotted:
    __slots__ = ("a",)

    def __getattr__(self, name):
        return "default " + name


s = Slotted()
print(s.a)
s.a = 5
print(s.a)
