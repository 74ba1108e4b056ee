# `abc`: abstract base classes.
#
# CPython implements ABCs with the ABCMeta metaclass. towel has no
# metaclasses, so `ABC` carries the metaclass's behaviour itself: the abstract
# method set is computed in `__init_subclass__`, instantiation is refused in
# `__new__`, and `__instancecheck__`/`__subclasscheck__` are classmethods that
# the built-in isinstance/issubclass consult when the plain check fails.


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


def abstractclassmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return classmethod(funcobj)


def abstractstaticmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return staticmethod(funcobj)


# Classes registered as virtual subclasses, by ABC.
_registry = {}


def _compute_abstracts(cls):
    abstracts = set()
    for name, value in cls.__dict__.items():
        if getattr(value, "__isabstractmethod__", False):
            abstracts.add(name)
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            value = getattr(cls, name, None)
            if getattr(value, "__isabstractmethod__", False):
                abstracts.add(name)
    return frozenset(abstracts)


class ABC:
    __abstractmethods__ = frozenset()

    def __init_subclass__(cls, **kwargs):
        cls.__abstractmethods__ = _compute_abstracts(cls)

    def __new__(cls, *args, **kwargs):
        if cls.__abstractmethods__:
            names = sorted(cls.__abstractmethods__)
            plural = "s" if len(names) > 1 else ""
            raise TypeError(f"Can't instantiate abstract class {cls.__name__} with abstract method{plural} {', '.join(names)}")
        return object.__new__(cls)

    @classmethod
    def register(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        _registry.setdefault(cls, []).append(subclass)
        return subclass

    @classmethod
    def __subclasshook__(cls, subclass):
        return NotImplemented

    @classmethod
    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        if cls in subclass.__mro__:
            return True
        ok = cls.__subclasshook__(subclass)
        if ok is not NotImplemented:
            return bool(ok)
        for abc in list(_registry):
            if cls in abc.__mro__:
                for registered in _registry[abc]:
                    if registered in subclass.__mro__ or issubclass(subclass, registered):
                        return True
        return False

    @classmethod
    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))


class ABCMeta:
    # Accepted as `metaclass=ABCMeta` (the class is then created as usual);
    # inherit from ABC for abstract-method checks.
    @staticmethod
    def register(cls, subclass):
        _registry.setdefault(cls, []).append(subclass)
        return subclass


def get_cache_token():
    return len(_registry)


def update_abstractmethods(cls):
    if hasattr(cls, "__abstractmethods__"):
        cls.__abstractmethods__ = _compute_abstracts(cls)
    return cls
