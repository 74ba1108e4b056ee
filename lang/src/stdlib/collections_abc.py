# `collections.abc`: the abstract container classes of the documentation's
# table ("Collections Abstract Base Classes"), written for towel from that
# table and CPython 3.11's observable behaviour.
#
# The single-method ABCs (Iterable, Sized, Hashable, ...) recognise any class
# that defines their methods: their `__subclasshook__` comes from
# `_structural_hook`, which answers only for the ABC that declares it. The
# richer ABCs (Sequence, Mapping, Set, ...) recognise registered classes
# only, and supply their mixin methods in terms of the abstract ones.

from abc import ABCMeta, abstractmethod
import types as _types

__all__ = [
    "Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator", "AsyncGenerator",
    "Hashable", "Iterable", "Iterator", "Generator", "Reversible", "Sized",
    "Container", "Callable", "Collection", "Set", "MutableSet", "Mapping",
    "MutableMapping", "MappingView", "KeysView", "ItemsView", "ValuesView",
    "Sequence", "MutableSequence", "ByteString",
]

_generic_alias = classmethod(_types.GenericAlias)


def _implements(candidate, names):
    """True when every name in `names` is defined (and not set to None) by
    some class on `candidate`'s MRO; NotImplemented otherwise, so that the
    ABC registry and real subclassing still decide."""
    for name in names:
        owner = next((k for k in candidate.__mro__ if name in k.__dict__), None)
        if owner is None or owner.__dict__[name] is None:
            return NotImplemented
    return True


def _structural_hook(*names):
    """The `__subclasshook__` of an ABC that any class defining `names`
    satisfies. A subclass of that ABC inherits the hook but gets no
    structural test (it answers NotImplemented)."""

    def __subclasshook__(cls, C):
        if cls.__dict__.get("__subclasshook__") is not hook:
            return NotImplemented
        return _implements(C, names)

    hook = classmethod(__subclasshook__)
    return hook


def _raise_into(typ, val, tb):
    """The exception `throw(typ, val, tb)` delivers, raised."""
    if val is None:
        if tb is None:
            raise typ
        val = typ()
    if tb is not None:
        val = val.with_traceback(tb)
    raise val


def _same(a, b):
    # Containment and searching treat identity as equality (as list does).
    return a is b or a == b


# -- one-trick ponies ----------------------------------------------------------


class Hashable(metaclass=ABCMeta):
    __slots__ = ()
    __subclasshook__ = _structural_hook("__hash__")

    @abstractmethod
    def __hash__(self):
        return 0


class Sized(metaclass=ABCMeta):
    __slots__ = ()
    __subclasshook__ = _structural_hook("__len__")

    @abstractmethod
    def __len__(self):
        return 0


class Container(metaclass=ABCMeta):
    __slots__ = ()
    __subclasshook__ = _structural_hook("__contains__")
    __class_getitem__ = _generic_alias

    @abstractmethod
    def __contains__(self, x):
        return False


class Callable(metaclass=ABCMeta):
    __slots__ = ()
    __subclasshook__ = _structural_hook("__call__")
    __class_getitem__ = _generic_alias

    @abstractmethod
    def __call__(self, *args, **kwds):
        return False


class Iterable(metaclass=ABCMeta):
    __slots__ = ()
    __subclasshook__ = _structural_hook("__iter__")
    __class_getitem__ = _generic_alias

    @abstractmethod
    def __iter__(self):
        return
        yield


class Iterator(Iterable):
    __slots__ = ()
    __subclasshook__ = _structural_hook("__iter__", "__next__")

    @abstractmethod
    def __next__(self):
        raise StopIteration

    def __iter__(self):
        return self


class Reversible(Iterable):
    __slots__ = ()
    __subclasshook__ = _structural_hook("__reversed__", "__iter__")

    @abstractmethod
    def __reversed__(self):
        return
        yield


def _close_by_throwing(resumable, kind):
    """`close()` of Generator and Coroutine: throw GeneratorExit in and
    expect it (or a StopIteration) back out."""
    try:
        resumable.throw(GeneratorExit)
    except (GeneratorExit, StopIteration):
        return
    raise RuntimeError(f"{kind} ignored GeneratorExit")


class Generator(Iterator):
    __slots__ = ()
    __subclasshook__ = _structural_hook("__iter__", "__next__", "send", "throw", "close")

    def __next__(self):
        return self.send(None)

    @abstractmethod
    def send(self, value):
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        _raise_into(typ, val, tb)

    def close(self):
        """Raises GeneratorExit inside the generator, which must let it out
        (or finish)."""
        _close_by_throwing(self, "generator")


class Collection(Sized, Iterable, Container):
    __slots__ = ()
    __subclasshook__ = _structural_hook("__len__", "__iter__", "__contains__")


# -- asynchronous protocols -------------------------------------------------------


class Awaitable(metaclass=ABCMeta):
    __slots__ = ()
    __subclasshook__ = _structural_hook("__await__")
    __class_getitem__ = _generic_alias

    @abstractmethod
    def __await__(self):
        yield


class Coroutine(Awaitable):
    __slots__ = ()
    __subclasshook__ = _structural_hook("__await__", "send", "throw", "close")

    @abstractmethod
    def send(self, value):
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        _raise_into(typ, val, tb)

    def close(self):
        """Raises GeneratorExit inside the coroutine, which must let it out
        (or finish)."""
        _close_by_throwing(self, "coroutine")


class AsyncIterable(metaclass=ABCMeta):
    __slots__ = ()
    __subclasshook__ = _structural_hook("__aiter__")
    __class_getitem__ = _generic_alias

    @abstractmethod
    def __aiter__(self):
        return AsyncIterator()


class AsyncIterator(AsyncIterable):
    __slots__ = ()
    __subclasshook__ = _structural_hook("__anext__", "__aiter__")

    @abstractmethod
    async def __anext__(self):
        raise StopAsyncIteration

    def __aiter__(self):
        return self


class AsyncGenerator(AsyncIterator):
    __slots__ = ()
    __subclasshook__ = _structural_hook("__aiter__", "__anext__", "asend", "athrow", "aclose")

    async def __anext__(self):
        return await self.asend(None)

    @abstractmethod
    async def asend(self, value):
        raise StopAsyncIteration

    @abstractmethod
    async def athrow(self, typ, val=None, tb=None):
        _raise_into(typ, val, tb)

    async def aclose(self):
        """Raises GeneratorExit inside the generator, which must let it out
        (or finish)."""
        try:
            await self.athrow(GeneratorExit)
        except (GeneratorExit, StopAsyncIteration):
            return
        raise RuntimeError("asynchronous generator ignored GeneratorExit")


# -- sets -------------------------------------------------------------------------


class Set(Collection):
    """A finite, iterable container whose comparisons are subset tests and
    whose operators (& | - ^) build new sets through `_from_iterable`."""

    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        # A subclass whose constructor takes something else overrides this.
        return cls(it)

    def _subset_of(self, other):
        return len(self) <= len(other) and all(item in other for item in self)

    def __le__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return self._subset_of(other)

    def __ge__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return Set._subset_of(other, self)

    def __lt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) < len(other) and self.__le__(other)

    def __gt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) > len(other) and self.__ge__(other)

    def __eq__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) == len(other) and self.__le__(other)

    def isdisjoint(self, other):
        """True when no element of `other` is in this set."""
        return not any(item in self for item in other)

    def _as_set(self, other):
        """`other` as a set for the operators: itself when it is a Set, built
        with `_from_iterable` when only iterable, None when neither."""
        if isinstance(other, Set):
            return other
        if isinstance(other, Iterable):
            return self._from_iterable(other)
        return None

    def __and__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable(item for item in other if item in self)

    __rand__ = __and__

    def __or__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable(item for part in (self, other) for item in part)

    __ror__ = __or__

    def __sub__(self, other):
        other = self._as_set(other)
        if other is None:
            return NotImplemented
        return self._from_iterable(item for item in self if item not in other)

    def __rsub__(self, other):
        other = self._as_set(other)
        if other is None:
            return NotImplemented
        return self._from_iterable(item for item in other if item not in self)

    def __xor__(self, other):
        other = self._as_set(other)
        if other is None:
            return NotImplemented
        return (self - other) | (other - self)

    __rxor__ = __xor__

    def _hash(self):
        """The hash a frozenset with the same elements has, for Set classes
        that want to be hashable (`__hash__ = Set._hash`)."""
        return hash(frozenset(self))


Set.register(frozenset)


class MutableSet(Set):
    """A Set with `add` and `discard`; the other mutators are built on them."""

    __slots__ = ()

    @abstractmethod
    def add(self, value):
        """Puts `value` in the set."""
        raise NotImplementedError

    @abstractmethod
    def discard(self, value):
        """Takes `value` out of the set; nothing happens when it is absent."""
        raise NotImplementedError

    def remove(self, value):
        """As `discard`, but KeyError when `value` is absent."""
        if value in self:
            self.discard(value)
        else:
            raise KeyError(value)

    def pop(self):
        """Takes out and returns an arbitrary element; KeyError when empty."""
        for value in self:
            break
        else:
            raise KeyError
        self.discard(value)
        return value

    def clear(self):
        """Pops elements until `pop` reports the set empty."""
        while True:
            try:
                self.pop()
            except KeyError:
                return

    def __ior__(self, it):
        for value in it:
            self.add(value)
        return self

    def __iand__(self, it):
        for value in self - it:
            self.discard(value)
        return self

    def __ixor__(self, it):
        if it is self:
            self.clear()
            return self
        if not isinstance(it, Set):
            it = self._from_iterable(it)
        for value in it:
            if value in self:
                self.discard(value)
            else:
                self.add(value)
        return self

    def __isub__(self, it):
        if it is self:
            self.clear()
            return self
        for value in it:
            self.discard(value)
        return self


MutableSet.register(set)


# -- mappings ---------------------------------------------------------------------


class Mapping(Collection):
    """A read-only container of values looked up by key, given
    `__getitem__`, `__iter__` and `__len__`."""

    __slots__ = ()
    # Mappings are not reversible unless they say so.
    __reversed__ = None

    @abstractmethod
    def __getitem__(self, key):
        raise KeyError

    def get(self, key, default=None):
        """The value for `key`, or `default` when there is none."""
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
            return True
        except KeyError:
            return False

    def keys(self):
        """A set-like view of the keys."""
        return KeysView(self)

    def items(self):
        """A set-like view of the (key, value) pairs."""
        return ItemsView(self)

    def values(self):
        """A view of the values."""
        return ValuesView(self)

    def __eq__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        return dict(self.items()) == dict(other.items())


class MappingView(Sized):
    __slots__ = ("_mapping",)
    __class_getitem__ = _generic_alias

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return f"{type(self).__name__}({self._mapping!r})"


class KeysView(MappingView, Set):
    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        yield from self._mapping


class ItemsView(MappingView, Set):
    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, item):
        key, value = item
        try:
            present = self._mapping[key]
        except KeyError:
            return False
        return _same(present, value)

    def __iter__(self):
        mapping = self._mapping
        for key in mapping:
            yield key, mapping[key]


class ValuesView(MappingView, Collection):
    __slots__ = ()

    def __contains__(self, value):
        return any(_same(candidate, value) for candidate in self)

    def __iter__(self):
        mapping = self._mapping
        for key in mapping:
            yield mapping[key]


KeysView.register(type({}.keys()))
ItemsView.register(type({}.items()))
ValuesView.register(type({}.values()))

# The default of `MutableMapping.pop`: "no default given".
_NO_DEFAULT = object()


class MutableMapping(Mapping):
    """A Mapping with `__setitem__` and `__delitem__`; the other mutators
    are built on them."""

    __slots__ = ()

    @abstractmethod
    def __setitem__(self, key, value):
        raise KeyError

    @abstractmethod
    def __delitem__(self, key):
        raise KeyError

    def pop(self, key, default=_NO_DEFAULT):
        """Removes `key` and returns its value; returns `default` for a
        missing key when given, else raises KeyError."""
        try:
            value = self[key]
        except KeyError:
            if default is _NO_DEFAULT:
                raise
            return default
        del self[key]
        return value

    def popitem(self):
        """Removes and returns an arbitrary (key, value) pair; KeyError when empty."""
        for key in self:
            break
        else:
            raise KeyError
        value = self[key]
        del self[key]
        return key, value

    def clear(self):
        """Pops items until `popitem` reports the mapping empty."""
        while True:
            try:
                self.popitem()
            except KeyError:
                return

    def update(self, other=(), /, **kwds):
        """Stores the items of `other` (a mapping, an object with `keys()`,
        or an iterable of pairs), then the keyword arguments."""
        if isinstance(other, Mapping):
            pairs = ((key, other[key]) for key in other)
        elif hasattr(other, "keys"):
            pairs = ((key, other[key]) for key in other.keys())
        else:
            pairs = other
        for key, value in pairs:
            self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, default=None):
        """The value for `key`; when missing, stores and returns `default`."""
        try:
            return self[key]
        except KeyError:
            self[key] = default
            return default


MutableMapping.register(dict)


# -- sequences --------------------------------------------------------------------


class Sequence(Reversible, Collection):
    """A read-only indexable container, given `__getitem__` (raising
    IndexError past the end) and `__len__`."""

    __slots__ = ()

    @abstractmethod
    def __getitem__(self, index):
        raise IndexError

    def __iter__(self):
        index = 0
        while True:
            try:
                item = self[index]
            except IndexError:
                return
            yield item
            index += 1

    def __contains__(self, value):
        return any(_same(item, value) for item in self)

    def __reversed__(self):
        for index in range(len(self) - 1, -1, -1):
            yield self[index]

    def index(self, value, start=0, stop=None):
        """The first position of `value` within [start, stop); ValueError when absent."""
        if start is not None and start < 0:
            start = max(len(self) + start, 0)
        if stop is not None and stop < 0:
            stop += len(self)
        position = start
        while stop is None or position < stop:
            try:
                item = self[position]
            except IndexError:
                break
            if _same(item, value):
                return position
            position += 1
        raise ValueError

    def count(self, value):
        """How many items equal `value`."""
        return sum(1 for item in self if _same(item, value))


Sequence.register(tuple)
Sequence.register(str)
Sequence.register(range)


class ByteString(Sequence):
    """The common ABC of bytes and bytearray."""

    __slots__ = ()


ByteString.register(bytes)
ByteString.register(bytearray)


class MutableSequence(Sequence):
    """A Sequence with `__setitem__`, `__delitem__` and `insert`; the other
    mutators are built on them."""

    __slots__ = ()

    @abstractmethod
    def __setitem__(self, index, value):
        raise IndexError

    @abstractmethod
    def __delitem__(self, index):
        raise IndexError

    @abstractmethod
    def insert(self, index, value):
        """Puts `value` before position `index`."""
        raise IndexError

    def append(self, value):
        """Adds `value` at the end."""
        self.insert(len(self), value)

    def clear(self):
        """Pops items until `pop` reports the sequence empty."""
        while True:
            try:
                self.pop()
            except IndexError:
                return

    def reverse(self):
        """Reverses the items in place by swapping pairs."""
        last = len(self) - 1
        for low in range(len(self) // 2):
            high = last - low
            self[low], self[high] = self[high], self[low]

    def extend(self, values):
        """Appends every item of `values`."""
        # Extending by itself must not see its own growth.
        for value in list(values) if values is self else values:
            self.append(value)

    def pop(self, index=-1):
        """Removes and returns the item at `index` (the last by default)."""
        value = self[index]
        del self[index]
        return value

    def remove(self, value):
        """Removes the first item equal to `value`; ValueError when absent."""
        del self[self.index(value)]

    def __iadd__(self, values):
        self.extend(values)
        return self


MutableSequence.register(list)
MutableSequence.register(bytearray)


# towel's built-in types do not all list their special methods in their
# type's namespace (functions have no `__call__` there, dict no
# `__reversed__`), so the structural test cannot see them: they are
# registered instead.
for _callable_type in (_types.FunctionType, _types.BuiltinFunctionType, _types.MethodType, type):
    Callable.register(_callable_type)
del _callable_type
Reversible.register(dict)
