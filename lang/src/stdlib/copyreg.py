# `copyreg`: the registry pickle and copy consult: reduction functions by
# type, extension codes, and the helpers that pickles name to rebuild
# objects (_reconstructor, __newobj__, __newobj_ex__).

__all__ = ["pickle", "constructor", "add_extension", "remove_extension", "clear_extension_cache"]

dispatch_table = {}


def pickle(ob_type, pickle_function, constructor_ob=None):
    """Registers how to reduce objects of `ob_type` (for pickle and copy)."""
    if not callable(pickle_function):
        raise TypeError("reduction functions must be callable")
    dispatch_table[ob_type] = pickle_function
    if constructor_ob is not None:
        constructor(constructor_ob)


def constructor(object):
    if not callable(object):
        raise TypeError("constructors must be callable")


def pickle_complex(c):
    """complex pickles as a call `complex(real, imag)`."""
    return complex, (c.real, c.imag)


pickle(complex, pickle_complex, complex)


def pickle_union(obj):
    """`int | str` pickles as functools.reduce(operator.or_, its members)."""
    from functools import reduce
    from operator import or_
    return reduce, (or_, obj.__args__)


try:
    pickle(type(int | str), pickle_union)
except TypeError:
    pass


def _reconstructor(cls, base, state):
    """Rebuilds what _reduce_ex reduced: a `cls` made as its built-in `base`
    would make one from `state` (a plain object when `base` is object)."""
    if base is object:
        return object.__new__(cls)
    rebuilt = base.__new__(cls, state)
    if base.__init__ != object.__init__:
        base.__init__(rebuilt, state)
    return rebuilt


def _is_builtin_type(cls):
    """A type of the interpreter's own, not a class statement's."""
    return cls.__module__ == "builtins"


def _reduce_ex(self, proto):
    """The reduction of a plain object for protocols 0 and 1: rebuilt by
    _reconstructor from its first built-in base, then its state."""
    assert proto < 2
    cls = self.__class__
    for base in cls.__mro__:
        if _is_builtin_type(base):
            break
    else:
        base = object
    if base is object:
        state = None
    else:
        if base is cls:
            raise TypeError(f"cannot pickle {cls.__name__!r} object")
        state = base(self)
    args = (cls, base, state)
    # object's own __getstate__ would pair the __dict__ with the slot
    # values, which _reconstructor cannot restore.
    if type(self).__getstate__ is object.__getstate__ and getattr(self, "__slots__", None):
        raise TypeError("a class that defines __slots__ without defining __getstate__ cannot be pickled")
    dict = self.__getstate__()
    if dict:
        return _reconstructor, args, dict
    return _reconstructor, args


def __newobj__(cls, *args):
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    """What protocol 4's NEWOBJ_EX means, for protocols below it."""
    return cls.__new__(cls, *args, **kwargs)


def _own_slot_names(klass):
    """The instance attributes one class's own `__slots__` declare, under
    their mangled names; `__dict__` and `__weakref__` are not attributes."""
    declared = klass.__dict__.get('__slots__', ())
    if isinstance(declared, str):
        declared = (declared,)
    mangling_prefix = '_' + klass.__name__.lstrip('_')
    names = []
    for name in declared:
        if name in ('__dict__', '__weakref__'):
            continue
        is_private = name.startswith('__') and not name.endswith('__')
        if is_private and mangling_prefix != '_':
            name = mangling_prefix + name
        names.append(name)
    return names


def _slotnames(cls):
    """The slot attribute names of `cls` and its bases, most derived first;
    remembered as `cls.__slotnames__` where the class allows it."""
    known = cls.__dict__.get('__slotnames__')
    if known is not None:
        return known
    names = [name for klass in cls.__mro__ for name in _own_slot_names(klass)]
    try:
        cls.__slotnames__ = names
    except Exception:
        pass  # built-in and extension types take no new attributes
    return names


# Extension codes: (module, name) <-> code, and loaded objects by code.
_extension_registry = {}
_inverted_registry = {}
_extension_cache = {}


def _is_registered(key, code):
    return _extension_registry.get(key) == code and _inverted_registry.get(code) == key


def add_extension(module, name, code):
    """Gives (module, name) the extension code `code` (1 to 2**31-1)."""
    code = int(code)
    if not 0 < code <= 0x7fffffff:
        raise ValueError("code out of range")
    key = (module, name)
    if _is_registered(key, code):
        return
    if key in _extension_registry:
        raise ValueError(f"key {key} is already registered with code {_extension_registry[key]}")
    if code in _inverted_registry:
        raise ValueError(f"code {code} is already in use for key {_inverted_registry[code]}")
    _extension_registry[key] = code
    _inverted_registry[code] = key


def remove_extension(module, name, code):
    """Takes back an extension code, and forgets the object loaded for it."""
    key = (module, name)
    if not _is_registered(key, code):
        raise ValueError(f"key {key} is not registered with code {code}")
    del _extension_registry[key], _inverted_registry[code]
    _extension_cache.pop(code, None)


def clear_extension_cache():
    _extension_cache.clear()
