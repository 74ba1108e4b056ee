# The script-level half of `collections`; `deque`, `_move_to_end` (the
# OrderedDict reordering) and `_count_elements` (Counter's counting loop) are
# native (collections.rs). namedtuple classes are tuple subclasses and
# defaultdict, Counter and OrderedDict dict subclasses, as in CPython, so every
# built-in treats them as tuples and dicts.

import collections.abc as _abc
import operator as _operator
import sys as _sys
from itertools import chain as _chain, repeat as _repeat
from reprlib import recursive_repr as _recursive_repr

__all__ = [
    "ChainMap",
    "Counter",
    "OrderedDict",
    "UserDict",
    "UserList",
    "UserString",
    "defaultdict",
    "deque",
    "namedtuple",
]

# Python 3.11's hard keywords: names a namedtuple field may not take.
_HARD_KEYWORDS = frozenset(
    "False None True and as assert async await break class continue def del elif else except "
    "finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split()
)


# -- namedtuple ---------------------------------------------------------------------


def _checked_names(typename, field_names, rename):
    """The field names as a list of valid identifiers, or CPython's error for the first bad one."""
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    names = [str(name) for name in field_names]
    if rename:
        taken = set()
        for position, name in enumerate(names):
            unusable = (
                name in taken or name.startswith("_") or name in _HARD_KEYWORDS or not name.isidentifier()
            )
            taken.add(name)
            if unusable:
                names[position] = f"_{position}"
    for name in (typename, *names):
        if not isinstance(name, str):
            raise TypeError("Type names and field names must be strings")
        if not name.isidentifier():
            raise ValueError(f"Type names and field names must be valid identifiers: {name!r}")
        if name in _HARD_KEYWORDS:
            raise ValueError(f"Type names and field names cannot be a keyword: {name!r}")
    seen = set()
    for name in names:
        if name.startswith("_") and not rename:
            raise ValueError(f"Field names cannot start with an underscore: {name!r}")
        if name in seen:
            raise ValueError(f"Encountered duplicate field name: {name!r}")
        seen.add(name)
    return names


def _constructor(typename, names, defaults):
    """`__new__` with one named parameter per field, so that bad calls get Python's own messages."""
    parameters = ", ".join(names)
    first_defaulted = len(names) - len(defaults or ())
    signature = ", ".join(
        name if position < first_defaulted else f"{name}=_defaults[{position - first_defaulted}]"
        for position, name in enumerate(names)
    )
    source = f"def __new__(_cls, {signature}):\n    return _make_tuple(_cls, ({parameters}{',' if names else ''}))\n"
    # CPython's constructors report the module `namedtuple_<typename>` and see no builtins.
    scope = {"_make_tuple": tuple.__new__, "_defaults": defaults, "__name__": f"namedtuple_{typename}", "__builtins__": {}}
    exec(source, scope)
    constructor = scope["__new__"]
    constructor.__qualname__ = f"{typename}.__new__"
    constructor.__doc__ = f"Create new instance of {typename}({parameters})"
    return constructor


def _calling_module():
    """The `__name__` of the module that called namedtuple (two frames up), as CPython records it."""
    try:
        return _sys._getframe(2).f_globals.get("__name__", "__main__")
    except (AttributeError, ValueError):
        return None


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Return a new tuple subclass named typename whose items can also be read as attributes."""
    typename = _sys.intern(str(typename))
    names = tuple(_checked_names(typename, field_names, rename))
    width = len(names)
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > width:
            raise TypeError("Got more default values than field names")
    defaulted = names[width - len(defaults) :] if defaults else ()

    @classmethod
    def _make(cls, iterable):
        values = tuple(iterable)
        if len(values) == width:
            return tuple.__new__(cls, values)
        raise TypeError(f"Expected {width} arguments, got {len(values)}")

    def _replace(self, /, **changes):
        values = [changes.pop(name) if name in changes else current for name, current in zip(names, self)]
        if changes:
            raise ValueError(f"Got unexpected field names: {list(changes)!r}")
        return self._make(values)

    layout = "{}(" + ", ".join(f"{name}={{!r}}" for name in names) + ")"

    def __repr__(self):
        return layout.format(type(self).__name__, *self)

    def _asdict(self):
        return {name: value for name, value in zip(names, self)}

    def __getnewargs__(self):
        return tuple(self)

    docs = {
        _make.__func__: f"Make a new {typename} object from a sequence or iterable",
        _replace: f"Return a new {typename} object replacing specified fields with new values",
        __repr__: "Return a nicely formatted representation string",
        _asdict: "Return a new dict which maps field names to their values.",
        __getnewargs__: "Return self as a plain tuple.  Used by copy and pickle.",
    }
    for method, doc in docs.items():
        method.__doc__ = doc
        method.__qualname__ = f"{typename}.{method.__name__}"

    namespace = {
        "__doc__": f"{typename}({', '.join(names)})",
        "__slots__": (),
        "_fields": names,
        "_field_defaults": dict(zip(defaulted, defaults or ())),
        "__new__": _constructor(typename, names, defaults),
        "_make": _make,
        "_replace": _replace,
        "__repr__": __repr__,
        "_asdict": _asdict,
        "__getnewargs__": __getnewargs__,
        "__match_args__": names,
    }
    for position, name in enumerate(names):
        namespace[name] = property(
            lambda self, position=position: self[position], doc=f"Alias for field number {position}"
        )
    cls = type(typename, (tuple,), namespace)
    cls.__module__ = module if module is not None else (_calling_module() or cls.__module__)
    return cls


# -- dict subclasses ----------------------------------------------------------------


def _union_operators(class_name, construct, merge):
    """`|`, reflected `|` and `|=` for a dict subclass: the result of `|` is
    `construct(instance, left operand)` with `merge(result, right operand)` applied."""

    def union(other, left, right):
        if not isinstance(other, dict):
            return NotImplemented
        joined = construct(right if left is other else left, left)
        merge(joined, right)
        return joined

    def __or__(self, other):
        return union(other, self, other)

    def __ror__(self, other):
        return union(other, other, self)

    def __ior__(self, other):
        merge(self, other)
        return self

    for operator in (__or__, __ror__, __ior__):
        operator.__qualname__ = f"{class_name}.{operator.__name__}"
    return __or__, __ror__, __ior__


def _keys_with_value(cls, iterable, value=None):
    """fromkeys for OrderedDict and UserDict: a new instance with each key stored as value."""
    made = cls()
    for key in iterable:
        made[key] = value
    return made


class defaultdict(dict):
    """A dict that calls default_factory() to make the value of a missing key, and stores it."""

    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        self.default_factory = default_factory
        dict.__init__(self, *args, **kwargs)

    def __missing__(self, key):
        make = self.default_factory
        if make is None:
            raise KeyError(key)
        self[key] = made = make()
        return made

    def __repr__(self):
        return f"{type(self).__name__}({self.default_factory!r}, {dict.__repr__(self)})"

    def copy(self):
        """D.copy() -> a shallow copy of D."""
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        return type(self), (self.default_factory,), None, None, iter(self.items())

    # The union keeps the class and the factory; the merging itself is dict's
    # (a subclass's __setitem__ or update is not called), as in CPython.
    __or__, __ror__, __ior__ = _union_operators(
        "defaultdict", lambda d, source: type(d)(d.default_factory, source), dict.update
    )


def _store_each(target, source, keywords=None):
    """target[key] = value for each item of a mapping (or of an iterable of pairs), then of keywords."""
    if isinstance(source, dict):
        pairs = source.items()
    elif hasattr(source, "keys"):
        pairs = ((key, source[key]) for key in source.keys())
    else:
        pairs = source
    for key, value in pairs:
        target[key] = value
    for key, value in (keywords or {}).items():
        target[key] = value


class OrderedDict(dict):
    """A dict whose equality with another OrderedDict also compares the order of the keys."""

    # Every way of filling an OrderedDict (construction, update, copy, the union
    # operators, fromkeys) stores key by key through self[key] = value, so that a
    # subclass's __setitem__ sees each one, as CPython's does.

    def __init__(self, other=(), /, **kwds):
        _store_each(self, other, kwds)

    def update(self, other=(), /, **kwds):
        """Store the items of a mapping or of an iterable of pairs, then the keywords."""
        _store_each(self, other, kwds)

    def setdefault(self, key, default=None):
        """Return self[key], first storing default there (through self[key] = default) if key is missing."""
        if key not in self:
            self[key] = default
        return self[key]

    def move_to_end(self, key, last=True):
        """Move an existing key to the end (or to the front when last is false)."""
        _move_to_end(self, key, last)

    def popitem(self, last=True):
        """Remove and return a (key, value) pair from the end (or the front when last is false)."""
        if not self:
            raise KeyError("dictionary is empty")
        key = next(reversed(self)) if last else next(iter(self))
        return key, dict.pop(self, key)

    def __repr__(self):
        name = type(self).__name__
        if not self:
            return f"{name}()"
        return f"{name}({list(self.items())!r})"

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and list(self) == list(other)
        return dict.__eq__(self, other)

    def __ne__(self, other):
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = None

    def copy(self):
        """od.copy() -> a shallow copy of od"""
        duplicate = type(self)()
        _store_each(duplicate, self)
        return duplicate

    def __reduce__(self):
        state = vars(self) or None
        return type(self), (), state, None, iter(self.items())

    fromkeys = classmethod(_keys_with_value)

    __or__, __ror__, __ior__ = _union_operators("OrderedDict", lambda d, source: type(d)(source), _store_each)


# -- Counter ------------------------------------------------------------------------


def _tally_pairs(counter, pairs, sign):
    """Add (sign=1) or subtract (sign=-1) each (element, count) pair into counter."""
    for element, count in pairs:
        if sign > 0:
            counter[element] = count + counter.get(element, 0)
        else:
            counter[element] = counter.get(element, 0) - count


def _count_from(counter, sources, sign):
    """Counter.update (sign=1) or subtract (sign=-1) for each source that is not None:
    a mapping of counts or an iterable of elements."""
    for source in sources:
        if source is None:
            continue
        if isinstance(source, _abc.Mapping):
            if sign > 0 and not counter:
                dict.update(counter, source)  # an empty Counter takes the counts as they are
            else:
                _tally_pairs(counter, source.items(), sign)
        elif sign > 0:
            _count_elements(counter, source)
        else:
            _tally_pairs(counter, zip(source, _repeat(1)), sign)


def _counter_operator(name, symbol, combine, only_in_right):
    """One of Counter's binary operators.

    The result counts every element of the left operand as `combine(left, right)` and
    every element only the right one has as `only_in_right(right)` (None: left out),
    keeping only the positive counts, left operand's elements first."""

    def operator(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for element, count in self.items():
            combined = combine(count, other[element])
            if combined > 0:
                result[element] = combined
        if only_in_right is not None:
            for element, count in other.items():
                if element not in self:
                    combined = only_in_right(count)
                    if combined > 0:
                        result[element] = combined
        return result

    operator.__name__ = name
    operator.__qualname__ = f"Counter.{name}"
    operator.__doc__ = f"Return a Counter of self {symbol} other, keeping only positive counts."
    return operator


def _counter_in_place(name, update):
    """One of Counter's augmented assignments: `update(self, other)`, then drop counts <= 0."""

    def operator(self, other):
        update(self, other)
        for element in [element for element, count in self.items() if not count > 0]:
            del self[element]
        return self

    operator.__name__ = name
    operator.__qualname__ = f"Counter.{name}"
    return operator


def _add_counts(counter, other):
    for element, count in other.items():
        counter[element] = counter[element] + count


def _subtract_counts(counter, other):
    for element, count in other.items():
        counter[element] = counter[element] - count


def _raise_counts(counter, other):
    for element, count in other.items():
        if count > counter[element]:
            counter[element] = count


def _lower_counts(counter, other):
    for element, count in counter.items():
        if other[element] < count:
            counter[element] = other[element]


def _counter_comparison(name, holds):
    """A rich comparison between Counters: does `holds(mine, theirs)` for every element of either?"""

    def compare(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        elements = {**dict.fromkeys(self), **dict.fromkeys(other)}
        return all(holds(self[element], other[element]) for element in elements)

    compare.__name__ = name
    compare.__qualname__ = f"Counter.{name}"
    return compare


def _strictly(name, weak):
    def compare(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return weak(self, other) and not Counter.__eq__(self, other)

    compare.__name__ = name
    compare.__qualname__ = f"Counter.{name}"
    return compare


class Counter(dict):
    """A dict that counts hashable elements: missing elements count zero."""

    def __init__(self, iterable=None, /, **kwds):
        dict.__init__(self)
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        """Sum of the counts"""
        return sum(self.values())

    def most_common(self, n=None):
        """List the n most common elements and their counts, most common first (ties in insertion order)."""
        ranked = sorted(self.items(), key=lambda pair: pair[1], reverse=True)
        if n is None:
            return ranked
        return ranked[: max(_operator.index(n), 0)]

    def elements(self):
        """Iterate over the elements, each repeated as often as its count (those counted below one are skipped)."""
        return _chain.from_iterable(_repeat(element, count) for element, count in self.items())

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError("Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")

    def update(self, iterable=None, /, **kwds):
        """Add counts from an iterable of elements or a mapping of counts (and keyword counts)."""
        _count_from(self, (iterable, kwds or None), 1)

    def subtract(self, iterable=None, /, **kwds):
        """Subtract counts from an iterable of elements or a mapping of counts; counts may go negative."""
        _count_from(self, (iterable, kwds or None), -1)

    def copy(self):
        """Return a shallow copy."""
        return type(self)(self)

    def __reduce__(self):
        return type(self), (dict(self),)

    def __delitem__(self, elem):
        """Like dict.__delitem__() but does not raise KeyError for missing values."""
        if elem in self:
            dict.__delitem__(self, elem)

    def __repr__(self):
        name = type(self).__name__
        if not self:
            return f"{name}()"
        try:
            shown = dict(self.most_common())
        except TypeError:
            shown = dict(self)
        return f"{name}({shown!r})"

    __eq__ = _counter_comparison("__eq__", lambda mine, theirs: mine == theirs)
    __le__ = _counter_comparison("__le__", lambda mine, theirs: mine <= theirs)
    __ge__ = _counter_comparison("__ge__", lambda mine, theirs: mine >= theirs)
    __lt__ = _strictly("__lt__", __le__)
    __gt__ = _strictly("__gt__", __ge__)
    __hash__ = None

    def __ne__(self, other):
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __add__ = _counter_operator("__add__", "+", lambda mine, theirs: mine + theirs, lambda theirs: theirs)
    __sub__ = _counter_operator("__sub__", "-", lambda mine, theirs: mine - theirs, lambda theirs: 0 - theirs)
    __or__ = _counter_operator("__or__", "|", lambda mine, theirs: theirs if mine < theirs else mine, lambda theirs: theirs)
    __and__ = _counter_operator("__and__", "&", lambda mine, theirs: mine if mine < theirs else theirs, None)

    def __pos__(self):
        return Counter({element: count for element, count in self.items() if count > 0})

    def __neg__(self):
        return Counter({element: 0 - count for element, count in self.items() if count < 0})

    __iadd__ = _counter_in_place("__iadd__", _add_counts)
    __isub__ = _counter_in_place("__isub__", _subtract_counts)
    __ior__ = _counter_in_place("__ior__", _raise_counts)
    __iand__ = _counter_in_place("__iand__", _lower_counts)


# -- ChainMap -----------------------------------------------------------------------


def _chain_keys(maps):
    """Each key of the maps once, in the order the last mapping first lists them (CPython's order)."""
    order = {}
    for mapping in maps[::-1]:
        order.update(dict.fromkeys(mapping))
    return order


def _from_first_map(maps, action, message, *args):
    """Apply a removing method of maps[0], with ChainMap's message if it raises KeyError."""
    try:
        return getattr(maps[0], action)(*args)
    except KeyError:
        raise KeyError(message)


class ChainMap(_abc.MutableMapping):
    """A view of several mappings as one: lookups search them in order, writes go to the first."""

    def __init__(self, *maps):
        self.maps = [*maps] if maps else [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        # Each mapping's own __getitem__ (a defaultdict's __missing__ included) decides.
        for mapping in self.maps:
            try:
                return mapping[key]
            except KeyError:
                continue
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(_chain_keys(self.maps))

    def __iter__(self):
        return iter(_chain_keys(self.maps))

    def __contains__(self, key):
        return any(key in mapping for mapping in self.maps)

    def __bool__(self):
        return any(self.maps)

    @_recursive_repr()
    def __repr__(self):
        return f"{type(self).__name__}({', '.join(repr(mapping) for mapping in self.maps)})"

    @classmethod
    def fromkeys(cls, iterable, *args):
        """Create a ChainMap with a single dict created from the iterable."""
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        """New ChainMap or subclass with a new copy of maps[0] and refs to maps[1:]"""
        first, *rest = self.maps
        return type(self)(first.copy(), *rest)

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        """New ChainMap with a new map followed by all previous maps."""
        child = kwargs if m is None else m
        if m is not None and kwargs:
            child.update(kwargs)
        return type(self)(child, *self.maps)

    @property
    def parents(self):
        """New ChainMap from maps[1:]."""
        return type(self)(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        _from_first_map(self.maps, "__delitem__", f"Key not found in the first mapping: {key!r}", key)

    def popitem(self):
        """Remove and return an item pair from maps[0]. Raise KeyError is maps[0] is empty."""
        return _from_first_map(self.maps, "popitem", "No keys found in the first mapping.")

    def pop(self, key, *args):
        """Remove *key* from maps[0] and return its value. Raise KeyError if *key* not in maps[0]."""
        return _from_first_map(self.maps, "pop", f"Key not found in the first mapping: {key!r}", key, *args)

    def clear(self):
        """Clear maps[0], leaving maps[1:] intact."""
        self.maps[0].clear()

    def __ior__(self, other):
        self.maps[0].update(other)
        return self

    def __or__(self, other):
        if isinstance(other, _abc.Mapping):
            joined = self.copy()
            joined.maps[0].update(other)
            return joined
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, _abc.Mapping):
            # other's keys, then the chain's; on a shared key the chain's value (its first map's) wins.
            return type(self)({**other, **{key: self[key] for key in _chain_keys(self.maps)}})
        return NotImplemented


# -- UserDict, UserList, UserString -------------------------------------------------


def _inner(value, wrapper):
    """value.data when value is an instance of the wrapper class, else value itself."""
    return value.data if isinstance(value, wrapper) else value


def _on_data(qualname, operation):
    """A method that applies operation to self.data and the call's arguments."""

    def method(self, *args):
        return operation(self.data, *args)

    method.__qualname__ = qualname
    method.__name__ = qualname.rpartition(".")[2]
    return method


def _copy_wrapper(self):
    """copy.copy() of a User* object: same class and attributes, its own shallow copy of the data."""
    duplicate = type(self).__new__(type(self))
    duplicate.__dict__.update(self.__dict__)
    duplicate.__dict__["data"] = self.__dict__["data"][:] if isinstance(self.data, list) else self.data.copy()
    return duplicate


class UserDict(_abc.MutableMapping):
    """A dict-like class whose contents live in the plain dict `self.data`."""

    def __init__(self, dict=None, /, **kwargs):
        self.data = {}
        for source in (dict, kwargs or None):
            if source is not None:
                self.update(source)

    __len__ = _on_data("UserDict.__len__", len)
    __iter__ = _on_data("UserDict.__iter__", iter)
    __repr__ = _on_data("UserDict.__repr__", repr)
    __setitem__ = _on_data("UserDict.__setitem__", _operator.setitem)
    __delitem__ = _on_data("UserDict.__delitem__", _operator.delitem)
    __contains__ = _on_data("UserDict.__contains__", _operator.contains)

    def __getitem__(self, key):
        try:
            return self.data[key]
        except KeyError:
            pass
        missing = getattr(type(self), "__missing__", None)
        if missing is None:
            raise KeyError(key)
        return missing(self, key)

    def __or__(self, other):
        if isinstance(other, (UserDict, dict)):
            return type(self)(self.data | _inner(other, UserDict))
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, (UserDict, dict)):
            return type(self)(_inner(other, UserDict) | self.data)
        return NotImplemented

    def __ior__(self, other):
        self.data |= _inner(other, UserDict)
        return self

    __copy__ = _copy_wrapper

    def copy(self):
        if type(self) is UserDict:
            return UserDict(self.data.copy())
        import copy

        # A subclass's copy keeps its attributes and is refilled through its own __setitem__.
        duplicate = copy.copy(self)
        duplicate.data = {}
        duplicate.update(self)
        return duplicate

    fromkeys = classmethod(_keys_with_value)


def _as_list(other):
    """The plain list another operand of `+` or `+=` contributes."""
    other = _inner(other, UserList)
    return other if isinstance(other, list) else list(other)


def _list_comparison(name, compare):
    return _on_data(f"UserList.{name}", lambda data, other: compare(data, _inner(other, UserList)))


class UserList(_abc.MutableSequence):
    """A list-like class whose contents live in the plain list `self.data`."""

    def __init__(self, initlist=None):
        self.data = [] if initlist is None else list(_inner(initlist, UserList))

    __repr__ = _on_data("UserList.__repr__", repr)
    __len__ = _on_data("UserList.__len__", len)
    __contains__ = _on_data("UserList.__contains__", _operator.contains)
    __setitem__ = _on_data("UserList.__setitem__", _operator.setitem)
    __delitem__ = _on_data("UserList.__delitem__", _operator.delitem)
    __lt__ = _list_comparison("__lt__", _operator.lt)
    __le__ = _list_comparison("__le__", _operator.le)
    __eq__ = _list_comparison("__eq__", _operator.eq)
    __gt__ = _list_comparison("__gt__", _operator.gt)
    __ge__ = _list_comparison("__ge__", _operator.ge)
    __hash__ = None
    append = _on_data("UserList.append", list.append)
    insert = _on_data("UserList.insert", list.insert)
    pop = _on_data("UserList.pop", list.pop)
    remove = _on_data("UserList.remove", list.remove)
    clear = _on_data("UserList.clear", list.clear)
    count = _on_data("UserList.count", list.count)
    index = _on_data("UserList.index", list.index)
    reverse = _on_data("UserList.reverse", list.reverse)

    def __getitem__(self, i):
        found = self.data[i]
        return type(self)(found) if isinstance(i, slice) else found

    def __add__(self, other):
        return type(self)(self.data + _as_list(other))

    def __radd__(self, other):
        return type(self)(_as_list(other) + self.data)

    def __iadd__(self, other):
        self.data += _as_list(other)
        return self

    def __mul__(self, n):
        return type(self)(self.data * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self.data *= n
        return self

    __copy__ = _copy_wrapper

    def copy(self):
        return type(self)(self)

    def extend(self, other):
        self.data.extend(_inner(other, UserList))

    def sort(self, /, *args, **kwds):
        self.data.sort(*args, **kwds)


class UserString(_abc.Sequence):
    """A str-like class whose text lives in the plain str `self.data`."""

    def __init__(self, seq):
        self.data = _inner(seq, UserString) if isinstance(seq, (str, UserString)) else str(seq)

    __len__ = _on_data("UserString.__len__", len)

    def __getitem__(self, index):
        return type(self)(self.data[index])

    def __contains__(self, char):
        return _inner(char, UserString) in self.data

    def __add__(self, other):
        other = _inner(other, UserString)
        return type(self)(self.data + (other if isinstance(other, str) else str(other)))

    def __radd__(self, other):
        return type(self)((other if isinstance(other, str) else str(other)) + self.data)

    def __mod__(self, args):
        return type(self)(self.data % args)

    def __rmod__(self, template):
        return type(self)(str(template) % self)

    def __getnewargs__(self):
        return (self.data[:],)

    def encode(self, encoding="utf-8", errors="strict"):
        return self.data.encode("utf-8" if encoding is None else encoding, "strict" if errors is None else errors)

    def format(self, /, *args, **kwds):
        return self.data.format(*args, **kwds)

    maketrans = staticmethod(str.maketrans)


def _add_string_methods():
    """Give UserString the rest of str's methods, from four lists: a method that makes a new
    string wraps it in the receiver's class; one marked `unwrap` takes UserStrings as str."""

    def delegate(name, operation, rewrap, unwrap):
        def method(self, *args, **kwargs):
            if unwrap:
                args = [_inner(arg, UserString) for arg in args]
            result = operation(self.data, *args, **kwargs)
            return type(self)(result) if rewrap else result

        method.__name__ = name
        method.__qualname__ = f"UserString.{name}"
        return method

    rewrapping = (
        "capitalize casefold center expandtabs ljust lower lstrip rjust rstrip strip swapcase title "
        "translate upper zfill __mul__ __rmul__"
    )
    rewrapping_unwrapped = "removeprefix removesuffix replace"
    plain = (
        "endswith startswith format_map join partition rpartition split rsplit splitlines isalpha isalnum "
        "isascii isdecimal isdigit isidentifier islower isnumeric isprintable isspace istitle isupper"
    )
    plain_unwrapped = "count find index rfind rindex"
    for names, rewrap, unwrap in (
        (rewrapping, True, False),
        (rewrapping_unwrapped, True, True),
        (plain, False, False),
        (plain_unwrapped, False, True),
    ):
        for name in names.split():
            setattr(UserString, name, delegate(name, getattr(str, name), rewrap, unwrap))
    comparisons = {"__eq__": "eq", "__lt__": "lt", "__le__": "le", "__gt__": "gt", "__ge__": "ge"}
    for name, operator_name in comparisons.items():
        setattr(UserString, name, delegate(name, getattr(_operator, operator_name), False, True))
    conversions = {"__str__": str, "__repr__": repr, "__int__": int, "__float__": float, "__complex__": complex}
    for name, convert in {**conversions, "__hash__": hash}.items():
        setattr(UserString, name, delegate(name, convert, False, False))


_add_string_methods()
