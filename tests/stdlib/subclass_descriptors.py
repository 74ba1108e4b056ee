# Subclasses of property, staticmethod and classmethod: the descriptor
# protocol calls their overridden __get__/__set__, super() reaches the
# native behaviour, and instances keep attributes of their own.

class cached(property):
    """A property that stores its result in the instance dict."""
    def __init__(self, fget):
        super().__init__(fget)
        self.attrname = fget.__name__
    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        value = super().__get__(obj, cls)
        obj.__dict__[self.attrname] = value
        return value

class Thing:
    calls = 0
    @cached
    def size(self):
        Thing.calls += 1
        return 42

t = Thing()
print(t.size, t.size, Thing.calls, type(Thing.__dict__['size']).__name__, isinstance(Thing.__dict__['size'], property))

class logged(property):
    def __set__(self, obj, value):
        print("set", value)
        super().__set__(obj, value)

class Box:
    def __init__(self):
        self._v = 0
    @logged
    def v(self):
        return self._v
    @v.setter
    def v(self, value):
        self._v = value
    @v.deleter
    def v(self):
        print("deleting")
        self._v = None

b = Box()
b.v = 5
print(b.v, type(Box.__dict__['v']).__name__, Box.v.fget.__name__, Box.v.fset is not None)
del b.v
print(b.v)
try:
    class RO:
        @logged
        def x(self): return 1
    RO().x = 3
except AttributeError as e:
    print("AttributeError", e)

class mystatic(staticmethod):
    def __init__(self, f):
        super().__init__(f)
        self.tag = "s"

class myclass(classmethod):
    pass

class K:
    @mystatic
    def s(x):
        return x * 2
    @myclass
    def c(cls, y):
        return (cls.__name__, y)

class K2(K):
    pass

print(K.s(3), K().s(4), K.c(1), K2.c(2), K2().c(3), K.__dict__['s'].tag, type(K.__dict__['c']).__name__, K.__dict__['s'].__func__.__name__)
print(staticmethod(len)("abc"), isinstance(K.__dict__['s'], staticmethod))


class Named(property):
    pass


class Holder:
    value = Named(lambda self: 7, doc="the value")
    ro = property(lambda self: 1)


h = Holder()
print(h.value, Holder.value.__doc__, type(Holder.value).__name__, Holder.value.fget(h), Named.__mro__)
for attempt in (lambda: setattr(h, "value", 1), lambda: setattr(h, "ro", 1), lambda: delattr(h, "ro")):
    try:
        attempt()
    except AttributeError as e:
        print("AttributeError:", e)

sm = staticmethod(len)
cm = classmethod(lambda cls: cls.__name__)
print(sm("abc"), sm.__func__ is len, sm.__wrapped__ is len, cm.__func__(int), cm.__get__(None, dict)(), staticmethod.__get__(sm, None, int)("ab"))
