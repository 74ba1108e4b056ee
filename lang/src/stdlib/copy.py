# `copy`: shallow and deep copies, after CPython's copy.py (towel has no
# __reduce_ex__, so instances are rebuilt from their class and __dict__).

import types as _types

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error

_ATOMIC = (type(None), int, float, bool, complex, str, bytes, type, range, slice, _types.FunctionType,
           _types.BuiltinFunctionType, type(Ellipsis), type(NotImplemented), property, _types.CodeType)


# Immutable built-in types whose subclasses' instances are rebuilt from
# their value, as CPython's __reduce_ex__ does through __getnewargs__.
_VALUE_BASES = (str, int, float, complex, bytes, frozenset)


def _new_args(x, base):
    """The arguments `type(x).__new__` is called with to rebuild `x`."""
    if hasattr(type(x), "__getnewargs__"):
        return x.__getnewargs__()
    if base is str:
        return (str.__str__(x),)
    return (base(x),)


def _new_like(x):
    cls = type(x)
    if isinstance(x, (dict, list, set)):
        return cls.__new__(cls)
    if isinstance(x, tuple):
        return x
    for base in _VALUE_BASES:
        if isinstance(x, base):
            return cls.__new__(cls, *_new_args(x, base))
    return object.__new__(cls)


def copy(x):
    cls = type(x)
    if isinstance(x, _ATOMIC) and cls in _ATOMIC or cls in (tuple, frozenset):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    if cls is list:
        return x[:]
    if cls in (dict, set):
        return x.copy()
    if isinstance(x, tuple):
        if hasattr(cls, "__getnewargs__"):
            y = cls.__new__(cls, *x.__getnewargs__())
        else:
            y = cls._make(x) if hasattr(cls, "_make") else tuple.__new__(cls, x)
        for name, value in x.__dict__.items():
            object.__setattr__(y, name, value)
        return y
    y = _new_like(x)
    if isinstance(x, dict):
        dict.update(y, x)
    elif isinstance(x, list):
        list.extend(y, x)
    elif isinstance(x, set):
        set.update(y, x)
    for name, value in x.__dict__.items():
        object.__setattr__(y, name, value)
    return y


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if isinstance(x, _ATOMIC) and cls in _ATOMIC:
        return x
    copier = getattr(cls, "__deepcopy__", None)
    if copier is not None:
        y = copier(x, memo)
    elif cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        if d in memo:
            return memo[d]
        y = x if all(a is b for a, b in zip(items, x)) else tuple(items)
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls in (set, frozenset):
        y = cls(deepcopy(a, memo) for a in x)
    else:
        y = _new_like(x)
        memo[d] = y
        if isinstance(x, dict):
            for key, value in dict.items(x):
                dict.__setitem__(y, deepcopy(key, memo), deepcopy(value, memo))
        elif isinstance(x, list):
            for a in list.__iter__(x):
                list.append(y, deepcopy(a, memo))
        elif isinstance(x, set):
            for a in set.__iter__(x):
                set.add(y, deepcopy(a, memo))
        elif isinstance(x, tuple):
            if hasattr(cls, "__getnewargs__"):
                y = cls.__new__(cls, *deepcopy(x.__getnewargs__(), memo))
            elif hasattr(cls, "_fields"):
                y = cls.__new__(cls, *[deepcopy(a, memo) for a in x])
            else:
                y = cls.__new__(cls, tuple(deepcopy(a, memo) for a in x))
        for name, value in x.__dict__.items():
            object.__setattr__(y, name, deepcopy(value, memo))
    if y is not x:
        memo[d] = y
        memo.setdefault(id(memo), []).append(x)
    return y


def replace(obj, /, **changes):
    cls = obj.__class__
    func = getattr(cls, "__replace__", None)
    if func is None:
        raise TypeError(f"replace() does not support {cls.__name__} objects")
    return func(obj, **changes)
