# The parts of `weakref` written in towel: WeakMethod, the weak
# dictionaries, WeakSet and finalize, all built on `ref` (native; the Rust
# module puts ref, proxy, ProxyType, ... in this namespace before it runs).
#
# Design: a referent's death is reported by the ref's callback, which towel
# runs as soon as the last strong reference goes. Every container therefore
# stays exact (no dead entries), its callbacks hold the container only
# weakly (no cycle keeps it alive), and the containers iterate over a
# snapshot of their storage, so a death during a loop cannot change the
# size of what the loop is walking.

from abc import update_abstractmethods
from collections.abc import Mapping, MutableMapping, MutableSet
import sys as _sys
from itertools import chain as _chain
from types import GenericAlias as _GenericAlias, MethodType as _MethodType

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs",
           "WeakKeyDictionary", "ReferenceType", "ProxyType",
           "CallableProxyType", "ProxyTypes", "WeakValueDictionary",
           "WeakSet", "WeakMethod", "finalize"]

ProxyTypes = (ProxyType, CallableProxyType)


def _reaper(container, forget):
    """A ref callback that runs `forget(container, dead_ref)` if the
    container is still there; it holds the container weakly."""
    owner = ref(container)

    def on_death(dead):
        alive = owner()
        if alive is not None:
            forget(alive, dead)
    return on_death


class WeakMethod:
    """A weak reference to a bound method: dead as soon as either the
    instance or the function goes (a plain ref to a bound method would die
    at once, the method object being made afresh on each attribute read)."""

    __slots__ = ("_self_ref", "_func_ref", "_notify", "_key", "__weakref__")

    def __init__(self, meth, callback=None):
        if not isinstance(meth, _MethodType):
            raise TypeError(
                f"argument should be a bound method, not {type(meth)}")
        me = ref(self)

        def notify(_dead):
            wm = me()
            # Either part dying kills the method: report it once.
            if wm is not None and wm._notify is not None:
                wm._notify = None
                if callback is not None:
                    callback(wm)
        self._notify = notify
        target = meth.__self__
        self._self_ref = ref(target, self._notify)
        self._func_ref = ref(meth.__func__, self._notify)
        self._key = (id(target), id(meth.__func__))

    def __call__(self):
        func = self._func_ref()
        target = self._self_ref() if func is not None else None
        return None if target is None else _MethodType(func, target)

    @property
    def __callback__(self):
        return self._notify

    def __eq__(self, other):
        if not isinstance(other, WeakMethod):
            return NotImplemented
        if self is other:
            return True
        # Dead methods equal nothing but themselves.
        mine, theirs = self(), other()
        return None not in (mine, theirs) and mine == theirs

    def __ne__(self, other):
        same = self.__eq__(other)
        return same if same is NotImplemented else not same

    def __hash__(self):
        return hash(self._key)

    def __repr__(self):
        # As a ref's: CPython's WeakMethod is one, to the method's object.
        alive = self()
        if alive is None:
            return f"<weakref at {id(self):#x}; dead>"
        target = alive.__self__
        return (f"<weakref at {id(self):#x}; to "
                f"'{type(target).__name__}' at {id(target):#x}>")


class _WeakMappingShared:
    """What both weak dictionaries share, built on each one's `_resolve`
    (stored key and value -> the live (key, value) pair, or None when the
    weak side is gone). Not a base class: `_share` installs these in both,
    whose MRO stays CPython's."""

    def _live_pairs(self):
        for stored in list(self.data.items()):
            pair = self._resolve(*stored)
            if pair is not None:
                yield pair

    def items(self):
        return self._live_pairs()

    def keys(self):
        return (pair[0] for pair in self._live_pairs())

    __iter__ = keys

    def values(self):
        return (pair[1] for pair in self._live_pairs())

    def __len__(self):
        return len(self.data)

    def clear(self):
        self.data.clear()

    def popitem(self):
        # dict.popitem raises CPython's KeyError once the storage is empty.
        found = None
        while found is None:
            found = self._resolve(*self.data.popitem())
        return found

    def _absorb(self, source, kwargs):
        if source is not None:
            # dict() gives CPython's errors for a bad pair sequence.
            mapping = source if hasattr(source, "items") else dict(source)
            for pair in mapping.items():
                self.__setitem__(*pair)
        for pair in kwargs.items():
            self.__setitem__(*pair)

    def _rebuilt(self, cls, key_copy=None, value_copy=None):
        fresh = cls()
        for key, value in self._live_pairs():
            fresh[key if key_copy is None else key_copy(key)] = (
                value if value_copy is None else value_copy(value))
        return fresh

    def copy(self):
        # copy() and copy.copy() give the plain class, even for a subclass
        # (as CPython's do); deepcopy keeps the subclass.
        return self._rebuilt(self._plain_class)

    __copy__ = copy

    def __or__(self, other):
        return _merged(self.copy(), other)

    def __ror__(self, other):
        return _merged(self.__class__(), other, self)

    def __ior__(self, other):
        self.update(other)
        return self

    def __repr__(self):
        return f"<{type(self).__name__} at {id(self):#x}>"

    __class_getitem__ = classmethod(_GenericAlias)


def _merged(target, *sources):
    """`target` updated from each source in turn, for the `|` operators
    (NotImplemented when the operand is no mapping)."""
    if not isinstance(sources[0], Mapping):
        return NotImplemented
    for source in sources:
        target.update(source)
    return target


class WeakValueDictionary(MutableMapping):
    """A mapping whose values are held weakly: an entry goes when its
    value does. `data` maps each key to a ref to its value."""

    def __init__(self, other=(), /, **kw):
        self._me = ref(self)
        self.data = {}
        self._absorb(other, kw)

    def update(self, other=None, /, **kwargs):
        self._absorb(other, kwargs)

    def _value_ref(self, key, value):
        owner = self._me

        def on_death(dead):
            mapping = owner()
            # Only the entry this ref made: the key may hold a newer value.
            if mapping is not None and mapping.data.get(key) is dead:
                del mapping.data[key]
        return ref(value, on_death)

    @staticmethod
    def _resolve(key, wr):
        value = wr()
        return None if value is None else (key, value)

    def _lookup(self, key):
        """The live value for key, or None."""
        wr = self.data.get(key)
        return wr() if wr is not None else None

    def __getitem__(self, key):
        found = self._lookup(key)
        if found is None:
            raise KeyError(key)
        return found

    def __setitem__(self, key, value):
        self.data[key] = self._value_ref(key, value)

    def __delitem__(self, key):
        del self.data[key]

    def __contains__(self, key):
        return self._lookup(key) is not None

    def get(self, key, default=None):
        found = self._lookup(key)
        return default if found is None else found

    def pop(self, key, *default):
        found = self._lookup(key)
        self.data.pop(key, None)
        if found is not None:
            return found
        if default:
            return default[0]
        raise KeyError(key)

    def setdefault(self, key, default=None):
        found = self._lookup(key)
        if found is None:
            self[key] = found = default
        return found

    def itervaluerefs(self):
        return (wr for wr in list(self.data.values()))

    def valuerefs(self):
        return list(self.data.values())

    def __deepcopy__(self, memo):
        from copy import deepcopy
        return self._rebuilt(type(self), key_copy=lambda k: deepcopy(k, memo))


def _via_key_ref(name, method, remember=False):
    """A WeakKeyDictionary method that runs the dict `method` on `data`
    with the key replaced by a ref to it (one whose death removes the
    entry, `_on_death`, if the method may store it)."""

    def via_ref(self, key, *rest):
        wr = ref(key, self._on_death) if remember else ref(key)
        return method(self.data, wr, *rest)
    via_ref.__name__ = name
    via_ref.__qualname__ = f"WeakKeyDictionary.{name}"
    return via_ref


class WeakKeyDictionary(MutableMapping):
    """A mapping whose keys are held weakly: an entry goes when its key
    does. `data` maps a ref to each key (refs are equal when their keys
    are) to its value."""

    def __init__(self, dict=None):
        self.data = {}
        self._on_death = _reaper(self, lambda m, dead: m.data.pop(dead, None))
        self._absorb(dict, {})

    def update(self, dict=None, /, **kwargs):
        self._absorb(dict, kwargs)

    @staticmethod
    def _resolve(wr, value):
        key = wr()
        return None if key is None else (key, value)

    __getitem__ = _via_key_ref("__getitem__", dict.__getitem__)
    __delitem__ = _via_key_ref("__delitem__", dict.__delitem__)
    __setitem__ = _via_key_ref("__setitem__", dict.__setitem__, remember=True)
    setdefault = _via_key_ref("setdefault", dict.setdefault, remember=True)
    pop = _via_key_ref("pop", dict.pop)

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def __contains__(self, key):
        return _holds(self.data, key)

    def keyrefs(self):
        return list(self.data)

    def __deepcopy__(self, memo):
        from copy import deepcopy
        return self._rebuilt(type(self), value_copy=lambda v: deepcopy(v, memo))


def _share(source, *targets):
    """Installs source's attributes in each target class (table-driven
    sharing that leaves the targets' MRO as CPython's)."""
    for cls in targets:
        for name, item in vars(source).items():
            if name not in ("__dict__", "__weakref__", "__module__", "__doc__"):
                setattr(cls, name, item)
        cls._plain_class = cls
        update_abstractmethods(cls)


_share(_WeakMappingShared, WeakValueDictionary, WeakKeyDictionary)
del _WeakMappingShared


def _refs_to(items):
    """The set of refs to `items` (TypeError for one that cannot be
    referred to weakly), for set algebra on WeakSet's `data`."""
    return {ref(item) for item in items}


def _alive(refs):
    """The referents of `refs` that are still there."""
    for wr in refs:
        item = wr()
        if item is not None:
            yield item


def _holds(refs, item):
    """Whether `refs` (a dict or set of refs) has one to item; what cannot
    be referred to weakly is simply absent."""
    try:
        probe = ref(item)
    except TypeError:
        return False
    return probe in refs


def _against_refs(name, op, build=False):
    """A WeakSet method applying the set operator `op` to `data` and the
    refs to the other operand's items; `build` makes a WeakSet of the
    resulting refs' referents, else the result is returned as it is."""

    def method(self, other):
        outcome = op(self.data, _refs_to(other))
        return self.__class__(_alive(outcome)) if build else outcome
    method.__name__ = name
    method.__qualname__ = f"WeakSet.{name}"
    return method


class WeakSet:
    """A set holding its elements weakly. `data` is the set of refs to
    them; the algebra works on sets of refs and builds its results from
    the referents still alive."""

    def __init__(self, data=None):
        self.data = set()
        self._on_death = _reaper(self, lambda s, dead: s.data.discard(dead))
        if data is not None:
            self.update(data)

    def __iter__(self):
        return _alive(list(self.data))

    def __len__(self):
        return len(self.data)

    def __contains__(self, item):
        return _holds(self.data, item)

    def __repr__(self):
        return repr(self.data)

    def __reduce__(self):
        extra = {k: v for k, v in vars(self).items()
                 if k not in ("data", "_on_death")}
        return (self.__class__, (list(self),), extra or None)

    __class_getitem__ = classmethod(_GenericAlias)

    # -- one element --

    def add(self, item):
        self.data.add(ref(item, self._on_death))

    def discard(self, item):
        self.data.discard(ref(item))

    def remove(self, item):
        self.data.remove(ref(item))

    def pop(self):
        while self.data:
            item = self.data.pop()()
            if item is not None:
                return item
        raise KeyError("pop from empty WeakSet")

    def clear(self):
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    # -- algebra: new sets --

    def union(self, other):
        return self.__class__(_chain(self, other))

    difference = _against_refs("difference", set.__sub__, build=True)
    symmetric_difference = _against_refs(
        "symmetric_difference", set.__xor__, build=True)

    def intersection(self, other):
        # By membership, so an element that cannot be referred to weakly
        # is dropped rather than an error.
        return self.__class__(filter(self.__contains__, other))

    __or__ = union
    __sub__ = difference
    __xor__ = symmetric_difference
    __and__ = intersection

    # -- algebra: in place --

    def update(self, other):
        self.data.update(ref(item, self._on_death) for item in other)

    def difference_update(self, other):
        if other is self:
            self.data.clear()
        else:
            self.data -= _refs_to(other)

    def intersection_update(self, other):
        self.data &= _refs_to(other)

    def symmetric_difference_update(self, other):
        if other is self:
            self.data.clear()
            return
        for wr in _refs_to(other):
            if wr in self.data:
                self.data.discard(wr)
            else:
                item = wr()
                if item is not None:
                    self.add(item)

    def _in_place(method_name):
        def operator(self, other):
            getattr(self, method_name)(other)
            return self
        return operator

    __ior__ = _in_place("update")
    __isub__ = _in_place("difference_update")
    __iand__ = _in_place("intersection_update")
    __ixor__ = _in_place("symmetric_difference_update")
    del _in_place

    # -- comparisons --

    issubset = __le__ = _against_refs("issubset", set.__le__)
    issuperset = __ge__ = _against_refs("issuperset", set.__ge__)
    __lt__ = _against_refs("__lt__", set.__lt__)
    __gt__ = _against_refs("__gt__", set.__gt__)

    def __eq__(self, other):
        same_kind = isinstance(other, self.__class__)
        return self.data == other.data if same_kind else NotImplemented

    __hash__ = None

    def isdisjoint(self, other):
        return not any(item in self for item in other)


MutableSet.register(WeakSet)


class finalize:
    """Calls func(*args, **kwargs) once: when obj is collected, when the
    finalizer is called, or at exit (if `atexit` is true; newest first).

    A class-level dict holds every live finalizer (so it outlives its
    caller's reference); its insertion order is the creation order."""

    __slots__ = ("_watch", "_job", "_at_exit", "__weakref__")

    _pending = {}
    _registered_with_atexit = False

    def __init__(self, obj, func, /, *args, **kwargs):
        finalize._hook_exit()
        self._watch = ref(obj, self)
        self._job = (func, args, kwargs)
        self._at_exit = True
        finalize._pending[self] = None

    @staticmethod
    def _hook_exit():
        if not finalize._registered_with_atexit:
            import atexit
            atexit.register(finalize._exitfunc)
            finalize._registered_with_atexit = True

    def _take(self):
        """Marks the finalizer dead; gives its job if it was alive."""
        job, self._job = self._job, None
        self._watch = None  # the ref's callback is self: break the cycle
        finalize._pending.pop(self, None)
        return job

    def __call__(self, _=None):
        job = self._take()
        return None if job is None else job[0](*job[1], **job[2])

    def peek(self):
        if self._job is None:
            return None
        obj = self._watch()
        if obj is None:
            return None
        func, args, kwargs = self._job
        return obj, func, args, dict(kwargs)

    def detach(self):
        found = self.peek()
        if found is not None:
            self._take()
        return found

    @property
    def alive(self):
        return self._job is not None

    @property
    def atexit(self):
        return self._at_exit

    @atexit.setter
    def atexit(self, value):
        self._at_exit = bool(value)

    def __repr__(self):
        obj = self._watch() if self._watch is not None else None
        where = f"<{type(self).__name__} object at {id(self):#x}"
        if obj is None:
            return where + "; dead>"
        return f"{where}; for {type(obj).__name__!r} at {id(obj):#x}>"

    @classmethod
    def _exitfunc(cls):
        # Newest first; a finalizer made by another at exit runs too.
        while True:
            due = [f for f in reversed(finalize._pending) if f._at_exit]
            if not due:
                break
            for f in due:
                try:
                    f()
                except Exception:
                    _sys.excepthook(*_sys.exc_info())
        # The rest opted out of exit: they must not run when the objects
        # they watch are torn down with the interpreter.
        for f in list(finalize._pending):
            f._take()
