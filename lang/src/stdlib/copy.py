# `copy`: shallow and deep copies, on the protocol pickle uses. Built-in
# containers are copied directly; any other object through its class's
# __copy__ / its own __deepcopy__, else a copyreg.dispatch_table entry,
# else __reduce_ex__(4), whose reduction _reconstruct rebuilds.

import types as _types
from copyreg import dispatch_table as _dispatch_table

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error

# Types whose values both copies return as they are: immutable values,
# and objects that are copied by reference (functions, classes, code).
_ATOMIC = frozenset([type(None), type(Ellipsis), type(NotImplemented), int, float, bool, complex, str, bytes,
                     range, property, _types.FunctionType, _types.BuiltinFunctionType, _types.CodeType])

# The same for shallow copies, which also share immutable containers.
_SHALLOW_ATOMIC = _ATOMIC | frozenset([tuple, frozenset, slice])


def copy(x):
    """A shallow copy of x: a new container holding the same items."""
    cls = type(x)
    if cls in _SHALLOW_ATOMIC or issubclass(cls, type):
        return x
    if cls in (list, dict, set, bytearray):
        return x.copy()
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    rv = _reduction(x, cls, "shallow")
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


def deepcopy(x, memo=None, _nil=[]):
    """A deep copy of x: its items copied recursively, each object once
    (memo maps the ids of objects copied so far to their copies)."""
    if memo is None:
        memo = {}
    key = id(x)
    y = memo.get(key, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _ATOMIC or issubclass(cls, type):
        y = x
    elif cls is list:
        y = []
        memo[key] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is dict:
        y = {}
        memo[key] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is tuple:
        y = _deepcopy_tuple(x, memo)
    elif cls is _types.MethodType:
        y = cls(x.__func__, deepcopy(x.__self__, memo))
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduction(x, cls, "deep")
            y = x if isinstance(rv, str) else _reconstruct(x, memo, *rv)
    if y is not x:
        memo[key] = y
        # The memo holds the original too, so that its id is not reused
        # by a new object while the copy runs.
        memo.setdefault(id(memo), []).append(x)
    return y


def _deepcopy_tuple(x, memo):
    items = [deepcopy(item, memo) for item in x]
    # A tuple reached again through its own items was copied there.
    copied = memo.get(id(x))
    if copied is not None:
        return copied
    for old, new in zip(x, items):
        if old is not new:
            return tuple(items)
    return x


def _reduction(x, cls, kind):
    """How x is rebuilt, from copyreg's dispatch table or __reduce_ex__."""
    reductor = _dispatch_table.get(cls)
    if reductor is not None:
        return reductor(x)
    reductor = getattr(x, "__reduce_ex__", None)
    if reductor is not None:
        return reductor(4)
    reductor = getattr(x, "__reduce__", None)
    if reductor is not None:
        return reductor()
    raise Error("un(%scopy)able object of type %s" % (kind, cls))


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None):
    """Rebuilds x from its reduction; deep (copying the parts) when a
    memo is given."""
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, "__setstate__"):
            y.__setstate__(state)
        else:
            slotstate = None
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            if state:
                y.__dict__.update(state)
            if slotstate:
                for name, value in slotstate.items():
                    setattr(y, name, value)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for k, v in dictiter:
            if deep:
                k = deepcopy(k, memo)
                v = deepcopy(v, memo)
            y[k] = v
    return y

