# `collections.abc`: the abstract container classes of the documentation's
# table ("Collections Abstract Base Classes"), written for towel from that
# table and CPython 3.11's observable behaviour.
#
# Layout: every ABC's abstract methods are declared from a table of
# method bodies (`_with_abstract`; each body is the documented neutral
# answer, reachable through super()). The protocol ABCs (Hashable, Sized,
# Iterable, Generator, Awaitable, ...) are whole rows of `_PROTOCOLS`,
# each recognising any class that defines every method of its protocol
# (a structural `__subclasshook__`). The container ABCs (Set, Mapping,
# Sequence and their mutable kinds, the mapping views) are classes whose
# mixin methods are built on the abstract ones; mixins that differ only
# in a detail come from small factories (the Set comparisons and algebra,
# the in-place set operators, Mapping's views). `_BUILTIN_MEMBERS` says
# which built-in types are registered with which ABC.

from abc import ABCMeta, abstractmethod, update_abstractmethods
from itertools import count as _count_from
import types as _types

__all__ = [
    "Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator", "AsyncGenerator",
    "Hashable", "Iterable", "Iterator", "Generator", "Reversible", "Sized",
    "Container", "Callable", "Collection", "Set", "MutableSet", "Mapping",
    "MutableMapping", "MappingView", "KeysView", "ItemsView", "ValuesView",
    "Sequence", "MutableSequence", "ByteString",
]

_parametrised = classmethod(_types.GenericAlias)


# -- helpers shared by the mixins --

def _matches(item, wanted):
    """Container equality as the built-ins use it: identity first, so a
    NaN is found where it is stored."""
    return item is wanted or item == wanted


def _empty_by(remove_one, finished):
    """Calls remove_one() until it raises `finished`: clear() for the
    mutable ABCs, which know only how to take out one item at a time."""
    try:
        while True:
            remove_one()
    except finished:
        pass


def _raise_thrown(typ, val, tb):
    """What throw()/athrow() raise by default: the exception described by
    their (type, value, traceback) arguments."""
    if val is None:
        if tb is None:
            raise typ
        val = typ()
    if tb is not None:
        val = val.with_traceback(tb)
    raise val


def _close_by_throwing(resumable, what):
    """close() for Generator and Coroutine: throw GeneratorExit in; it must
    come back out (or the object must finish)."""
    try:
        resumable.throw(GeneratorExit)
    except (GeneratorExit, StopIteration):
        return
    raise RuntimeError(f"{what} ignored GeneratorExit")


def _defines_all(candidate, names):
    """Whether each name is found along candidate's MRO, and not set to
    None there (None is how a class opts out of a protocol)."""
    for name in names:
        for klass in candidate.__mro__:
            if name in klass.__dict__:
                if klass.__dict__[name] is None:
                    return False
                break
        else:
            return False
    return True


def _implements(candidate, names):
    """A structural __subclasshook__'s answer: True, or NotImplemented to
    leave the decision to registration and inheritance."""
    return True if _defines_all(candidate, names) else NotImplemented


# -- declaring methods from tables --

def _install(cls, methods, abstract=False):
    """Puts each method body into cls under its key, named as a method of
    cls (the bodies are plain functions written once, below)."""
    for key, body in methods.items():
        body.__name__, body.__qualname__ = key, f"{cls.__name__}.{key}"
        setattr(cls, key, abstractmethod(body) if abstract else body)


def _with_abstract(**bodies):
    """Class decorator: declares the abstract methods of an ABC, each body
    giving the documented neutral answer (reachable through super())."""

    def declare(cls):
        _install(cls, bodies, abstract=True)
        update_abstractmethods(cls)
        return cls
    return declare


def _add_refused(self, value):
    raise NotImplementedError


def _discard_refused(self, value):
    raise NotImplementedError


def _key_lookup_refused(self, key):
    raise KeyError


def _key_store_refused(self, key, value):
    raise KeyError


def _key_delete_refused(self, key):
    raise KeyError


def _index_lookup_refused(self, index):
    raise IndexError


def _index_store_refused(self, index, value):
    raise IndexError


def _index_delete_refused(self, index):
    raise IndexError


def _insert_refused(self, index, value):
    raise IndexError


# -- the protocol ABCs, built from one table --
#
# Each protocol ABC is a row of `_PROTOCOLS`: its bases, its abstract
# methods (with the documented neutral answer as body, reachable through
# super()), its mixin methods and whether it can be parametrised (X[int]).
# A protocol ABC recognises any class that defines every method of the
# protocol, its own and its bases' (`_structural_hook`).

# The method bodies, one function each (`_install` names them).

def _hash_zero(self):
    return 0


def _len_zero(self):
    return 0


def _contains_nothing(self, x):
    return False


def _call_refused(self, *args, **kwds):
    return False


def _iter_nothing(self):
    return
    yield


def _reversed_nothing(self):
    return
    yield


def _await_nothing(self):
    yield


def _next_exhausted(self):
    raise StopIteration


def _generator_send(self, value):
    raise StopIteration


def _coroutine_send(self, value):
    raise StopIteration


def _generator_throw(self, typ, val=None, tb=None):
    _raise_thrown(typ, val, tb)


def _coroutine_throw(self, typ, val=None, tb=None):
    _raise_thrown(typ, val, tb)


def _aiter_default(self):
    return AsyncIterator()


async def _anext_exhausted(self):
    raise StopAsyncIteration


async def _asend_finished(self, value):
    raise StopAsyncIteration


async def _athrow_default(self, typ, val=None, tb=None):
    _raise_thrown(typ, val, tb)


def _iter_itself(self):
    return self


def _aiter_itself(self):
    return self


def _next_by_send(self):
    return self.send(None)


async def _anext_by_asend(self):
    return await self.asend(None)


def _generator_close(self):
    _close_by_throwing(self, "generator")


def _coroutine_close(self):
    _close_by_throwing(self, "coroutine")


async def _aclose_by_athrow(self):
    try:
        await self.athrow(GeneratorExit)
    except (GeneratorExit, StopAsyncIteration):
        return
    raise RuntimeError("asynchronous generator ignored GeneratorExit")


_PROTOCOLS = (
    # name, bases, abstract methods, mixin methods, parametrisable
    ("Hashable", (), {"__hash__": _hash_zero}, {}, False),
    ("Sized", (), {"__len__": _len_zero}, {}, False),
    ("Container", (), {"__contains__": _contains_nothing}, {}, True),
    ("Callable", (), {"__call__": _call_refused}, {}, True),
    ("Iterable", (), {"__iter__": _iter_nothing}, {}, True),
    ("Iterator", ("Iterable",), {"__next__": _next_exhausted},
     {"__iter__": _iter_itself}, False),
    ("Reversible", ("Iterable",), {"__reversed__": _reversed_nothing}, {}, False),
    ("Generator", ("Iterator",),
     {"send": _generator_send, "throw": _generator_throw},
     {"__next__": _next_by_send, "close": _generator_close}, False),
    ("Collection", ("Sized", "Iterable", "Container"), {}, {}, False),
    ("Awaitable", (), {"__await__": _await_nothing}, {}, True),
    ("Coroutine", ("Awaitable",),
     {"send": _coroutine_send, "throw": _coroutine_throw},
     {"close": _coroutine_close}, False),
    ("AsyncIterable", (), {"__aiter__": _aiter_default}, {}, True),
    ("AsyncIterator", ("AsyncIterable",), {"__anext__": _anext_exhausted},
     {"__aiter__": _aiter_itself}, False),
    ("AsyncGenerator", ("AsyncIterator",),
     {"asend": _asend_finished, "athrow": _athrow_default},
     {"__anext__": _anext_by_asend, "aclose": _aclose_by_athrow}, False),
)


_protocol_names = {}   # ABC name -> every method of its protocol


def _structural_hook(abc_class, names):
    """The __subclasshook__ of a protocol ABC: it answers only for that
    ABC itself (a subclass of it gets NotImplemented, so that its own
    abstract methods are not bypassed)."""

    def __subclasshook__(cls, C):
        if cls is abc_class:
            return _implements(C, names)
        return NotImplemented
    __subclasshook__.__qualname__ = f"{abc_class.__name__}.__subclasshook__"
    return classmethod(__subclasshook__)


def _make_protocol(name, bases, abstract, mixins, parametrisable):
    names = {*abstract, *mixins}
    for base in bases:
        names |= _protocol_names[base]
    _protocol_names[name] = names
    namespace = {"__module__": __name__, "__qualname__": name, "__slots__": ()}
    if parametrisable:
        namespace["__class_getitem__"] = _parametrised
    abc_class = ABCMeta(name, tuple(globals()[base] for base in bases), namespace)
    _install(abc_class, mixins)
    _with_abstract(**abstract)(abc_class)
    abc_class.__subclasshook__ = _structural_hook(abc_class, tuple(sorted(names)))
    return abc_class


for _row in _PROTOCOLS:
    globals()[_row[0]] = _make_protocol(*_row)
del _row, _protocol_names


# -- sets --

def _set_relation(name, sizes_allow, flipped=False):
    """A Set comparison: NotImplemented against a non-Set; else the sizes
    must allow it (`sizes_allow(len(smaller), len(larger))`) and every
    element of the side that should be smaller must be in the other."""

    def relation(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        inner, outer = (other, self) if flipped else (self, other)
        if not sizes_allow(len(inner), len(outer)):
            return False
        return all(item in outer for item in inner)
    relation.__name__ = name
    relation.__qualname__ = f"Set.{name}"
    return relation


def _set_operand(a_set, other):
    """other as a Set for a_set's algebra (made by a_set's
    _from_iterable), or None if it is no iterable."""
    if isinstance(other, Set):
        return other
    if isinstance(other, Iterable):
        return a_set._from_iterable(other)
    return None


def _set_algebra(name, members, as_set=True):
    """A Set operator: NotImplemented unless the other operand is an
    iterable (made a Set first if `as_set`); else the set, made by
    _from_iterable, of `members(self, operand)`."""

    def operator(self, other):
        if as_set:
            operand = _set_operand(self, other)
        else:
            operand = other if isinstance(other, Iterable) else None
        if operand is None:
            return NotImplemented
        return self._from_iterable(members(self, operand))
    operator.__name__ = name
    operator.__qualname__ = f"Set.{name}"
    return operator


def _only_in(items, other):
    return (item for item in items if item not in other)


def _one_after_another(*parts):
    for part in parts:
        yield from part


class Set(Collection):
    """A finite, iterable container with set comparisons and algebra.
    Results of the algebra are built by `_from_iterable` (override it
    when the constructor does not take an iterable)."""

    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        return cls(it)

    __le__ = _set_relation("__le__", lambda inner, outer: inner <= outer)
    __lt__ = _set_relation("__lt__", lambda inner, outer: inner < outer)
    __ge__ = _set_relation("__ge__", lambda inner, outer: inner <= outer, True)
    __gt__ = _set_relation("__gt__", lambda inner, outer: inner < outer, True)
    __eq__ = _set_relation("__eq__", lambda inner, outer: inner == outer)

    __and__ = __rand__ = _set_algebra(
        "__and__", lambda me, other: (item for item in other if item in me),
        as_set=False)
    __or__ = __ror__ = _set_algebra(
        "__or__", lambda me, other: _one_after_another(me, other), as_set=False)
    __sub__ = _set_algebra("__sub__", lambda me, other: _only_in(me, other))
    __rsub__ = _set_algebra("__rsub__", lambda me, other: _only_in(other, me))
    __xor__ = __rxor__ = _set_algebra("__xor__", lambda me, other: (
        _one_after_another(_only_in(me, other), _only_in(other, me))))

    def isdisjoint(self, other):
        return not any(item in self for item in other)

    def _hash(self):
        # The documented promise is a hash "equal to frozenset's" for
        # equal contents: it is computed as that.
        return hash(frozenset(self))


def _in_place(name, action, operand=lambda target, it: it):
    """A MutableSet in-place operator: `action(self, item)` for each item
    of `operand(self, it)`, taken in full first (so the operand may be
    self)."""

    def operator(self, it):
        for item in list(operand(self, it)):
            action(self, item)
        return self
    operator.__name__ = name
    operator.__qualname__ = f"MutableSet.{name}"
    return operator


def _toggle(target, item):
    if item in target:
        target.discard(item)
    else:
        target.add(item)


@_with_abstract(add=_add_refused, discard=_discard_refused)
class MutableSet(Set):
    __slots__ = ()

    def remove(self, value):
        if value not in self:
            raise KeyError(value)
        self.discard(value)

    def pop(self):
        for value in self:
            self.discard(value)
            return value
        raise KeyError from None

    def clear(self):
        _empty_by(self.pop, KeyError)

    __ior__ = _in_place("__ior__", lambda target, item: target.add(item))
    __isub__ = _in_place("__isub__", lambda target, item: target.discard(item))
    # What is not in `it` goes: the difference, with its TypeError.
    __iand__ = _in_place("__iand__", lambda target, item: target.discard(item),
                         operand=lambda target, it: target - it)
    # Each distinct item of `it` flips membership.
    __ixor__ = _in_place("__ixor__", _toggle, operand=lambda target, it: (
        it if isinstance(it, Set) else target._from_iterable(it)))


# -- mappings --

_ABSENT = object()   # "no such key", from _lookup


def _lookup(mapping, key, default=_ABSENT):
    """mapping[key], or default when that raises KeyError."""
    try:
        return mapping[key]
    except KeyError:
        return default


def _pairs_from(source):
    """The (key, value) pairs update() takes from source: by its keys if it
    has them (a mapping), else source is itself an iterable of pairs."""
    if isinstance(source, Mapping) or hasattr(source, "keys"):
        return ((key, source[key]) for key in source.keys())
    return source


@_with_abstract(__getitem__=_key_lookup_refused)
class Mapping(Collection):
    """A read-only mapping: get, `in`, the three views and equality come
    from __getitem__, __iter__ and __len__."""

    __slots__ = ()
    __reversed__ = None

    def get(self, key, default=None):
        return _lookup(self, key, default)

    def __contains__(self, key):
        return _lookup(self, key) is not _ABSENT

    def __eq__(self, other):
        if isinstance(other, Mapping):
            return dict(self.items()) == dict(other.items())
        return NotImplemented


_builtin_set_result = classmethod(lambda cls, it: set(it))
_builtin_set_result.__func__.__name__ = "_from_iterable"


class MappingView(Sized):
    __slots__ = ("_mapping",)
    __class_getitem__ = _parametrised

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return f"{type(self).__name__}({self._mapping!r})"


class KeysView(MappingView, Set):
    __slots__ = ()

    _from_iterable = _builtin_set_result

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        yield from self._mapping


class ItemsView(MappingView, Set):
    __slots__ = ()

    _from_iterable = _builtin_set_result

    def __contains__(self, item):
        key, value = item
        found = _lookup(self._mapping, key)
        return found is not _ABSENT and _matches(found, value)

    def __iter__(self):
        source = self._mapping
        return ((key, source[key]) for key in source)


class ValuesView(MappingView, Collection):
    __slots__ = ()

    def __contains__(self, value):
        return any(_matches(item, value) for item in self)

    def __iter__(self):
        source = self._mapping
        return (source[key] for key in source)


def _view_maker(view_class):
    def make_view(self):
        return view_class(self)
    return make_view


# keys(), items() and values(): each makes its view of the mapping.
_install(Mapping, {"keys": _view_maker(KeysView), "items": _view_maker(ItemsView),
                   "values": _view_maker(ValuesView)})


@_with_abstract(__setitem__=_key_store_refused,
                __delitem__=_key_delete_refused)
class MutableMapping(Mapping):
    """A mapping that can change: pop, popitem, clear, update and
    setdefault come from __setitem__ and __delitem__."""

    __slots__ = ()
    __marker = object()   # "no default given" for pop

    def pop(self, key, default=__marker):
        try:
            value = self[key]
        except KeyError:
            if default is MutableMapping.__marker:
                raise
            return default
        del self[key]
        return value

    def popitem(self):
        for key in self:
            value = self[key]
            del self[key]
            return key, value
        raise KeyError from None

    def clear(self):
        _empty_by(self.popitem, KeyError)

    def update(self, other=(), /, **kwds):
        for key, value in _one_after_another(_pairs_from(other), kwds.items()):
            self[key] = value

    def setdefault(self, key, default=None):
        found = _lookup(self, key)
        if found is _ABSENT:
            self[key] = found = default
        return found


# -- sequences --

def _items_at(sequence, positions):
    """(position, sequence[position]) for each position, up to the first
    that raises IndexError."""
    for position in positions:
        try:
            item = sequence[position]
        except IndexError:
            return
        yield position, item


@_with_abstract(__getitem__=_index_lookup_refused)
class Sequence(Reversible, Collection):
    """An indexable sequence: iteration, `in`, reversed(), index and count
    come from __getitem__ and __len__ (iteration stops at IndexError)."""

    __slots__ = ()

    def __iter__(self):
        return (item for _, item in _items_at(self, _count_from(0)))

    def __contains__(self, value):
        return any(_matches(item, value) for item in self)

    def __reversed__(self):
        return (self[position] for position in range(len(self) - 1, -1, -1))

    def index(self, value, start=0, stop=None):
        # Negative bounds count from the end, as slices do (the start no
        # lower than 0); the search ends at stop or at the first IndexError.
        if start is not None and start < 0:
            start = max(len(self) + start, 0)
        if stop is not None and stop < 0:
            stop += len(self)
        positions = _count_from(start) if stop is None else range(start, stop)
        for position, item in _items_at(self, positions):
            if _matches(item, value):
                return position
        raise ValueError

    def count(self, value):
        return sum(_matches(item, value) for item in self)


class ByteString(Sequence):
    __slots__ = ()


@_with_abstract(__setitem__=_index_store_refused,
                __delitem__=_index_delete_refused,
                insert=_insert_refused)
class MutableSequence(Sequence):
    """A sequence that can change: append, clear, reverse, extend, pop,
    remove and += come from __setitem__, __delitem__ and insert."""

    __slots__ = ()

    def append(self, value):
        self.insert(len(self), value)

    def clear(self):
        _empty_by(self.pop, IndexError)

    def reverse(self):
        size = len(self)
        # Swap each item of the first half with its mirror in the second.
        for low, high in zip(range(size // 2), range(size - 1, -1, -1)):
            self[low], self[high] = self[high], self[low]

    def extend(self, values):
        # Extending by itself must not chase its own growing tail.
        for value in (list(values) if values is self else values):
            self.append(value)

    def pop(self, index=-1):
        value = self[index]
        del self[index]
        return value

    def remove(self, value):
        del self[self.index(value)]

    def __iadd__(self, values):
        self.extend(values)
        return self


# -- the built-in members --

# towel's built-in types do not all list their special methods in their
# type's namespace (functions have no `__call__` there, dict no
# `__reversed__`), so the structural test cannot see them: they are
# registered.
_BUILTIN_MEMBERS = (
    (Set, (frozenset,)),
    (MutableSet, (set,)),
    (KeysView, (type({}.keys()),)),
    (ItemsView, (type({}.items()),)),
    (ValuesView, (type({}.values()),)),
    (Mapping, (_types.MappingProxyType,)),
    (MutableMapping, (dict,)),
    (Sequence, (tuple, str, range, memoryview)),
    (ByteString, (bytes, bytearray)),
    (MutableSequence, (list, bytearray)),
    (Callable, (_types.FunctionType, _types.BuiltinFunctionType,
                _types.MethodType, type)),
    (Reversible, (dict,)),
)

for _abc_class, _members in _BUILTIN_MEMBERS:
    for _member in _members:
        _abc_class.register(_member)
del _abc_class, _members, _member
