# The script-level half of `functools` (partial, reduce and the lru_cache
# wrapper are native), written from the documentation and CPython 3.11's
# observable behaviour.

import sys
from abc import get_cache_token
from collections import namedtuple
from types import MethodType

WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__", "__annotations__")
WRAPPER_UPDATES = ("__dict__",)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Make `wrapper` look like `wrapped`: copy the `assigned` attributes,
    merge the `updated` dictionaries, set `__wrapped__`, and return `wrapper`."""
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            try:
                setattr(wrapper, attr, value)
            except (AttributeError, TypeError):
                pass
    for attr in updated:
        # `__dict__` is a snapshot in towel, so its items are copied one by one.
        try:
            items = getattr(wrapped, attr, {}).items()
        except AttributeError:
            continue
        for key, value in items:
            if key != "__wrapped__" or wrapper is not wrapped:
                try:
                    setattr(wrapper, key, value)
                except (AttributeError, TypeError):
                    pass
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator form of `update_wrapper`: `@wraps(f)` applied to a wrapper
    function copies `f`'s metadata onto it (a `partial`, as in CPython)."""
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


# -- lru_cache -----------------------------------------------------------------------

_CacheInfo = namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"], module="functools")


def _cached(user_function, maxsize, typed):
    """The native memoising wrapper around `user_function`, with the metadata
    and `cache_parameters()` the decorator promises."""
    wrapper = _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo)
    parameters = {"maxsize": maxsize, "typed": typed}
    wrapper.cache_parameters = lambda: dict(parameters)
    return update_wrapper(wrapper, user_function)


def lru_cache(maxsize=128, typed=False):
    """Decorator memoising up to `maxsize` most recent calls (all of them
    when `maxsize` is None); `typed` keeps arguments of different types
    apart. `@lru_cache` without parentheses means the defaults."""
    if callable(maxsize) and isinstance(typed, bool):
        # Used bare: the "size" is the function to decorate.
        return _cached(maxsize, 128, typed)
    if maxsize is not None:
        if not isinstance(maxsize, int):
            raise TypeError("Expected first argument to be an integer, a callable, or None")
        maxsize = max(maxsize, 0)
    return lambda user_function: _cached(user_function, maxsize, typed)


def cache(user_function, /):
    """Unbounded memoisation: `lru_cache(maxsize=None)`."""
    return lru_cache(maxsize=None)(user_function)


# -- total_ordering --------------------------------------------------------------------

# The four ordering methods: symbol, whether they ask "less" (as opposed to
# "greater"), and whether they are strict.
_ORDERINGS = {
    "__lt__": ("<", True, True),
    "__le__": ("<=", True, False),
    "__gt__": (">", False, True),
    "__ge__": (">=", False, False),
}


def _derived_comparison(root, target):
    """Builds the method `target` from the user's method `root` (looked up
    on the instance's type at call time, so overriding it in a subclass is
    honoured) and `==`/`!=`. NotImplemented from `root` passes through."""
    root_symbol, root_less, root_strict = _ORDERINGS[root]
    target_symbol, target_less, target_strict = _ORDERINGS[target]
    if root_less == target_less:
        # Same direction: a < b from a <= b needs a != b; a <= b from a < b
        # accepts a == b.
        if root_strict:
            combine = lambda r, a, b: r or a == b
            formula = f"(a {root_symbol} b) or (a == b)"
        else:
            combine = lambda r, a, b: r and a != b
            formula = f"(a {root_symbol} b) and (a != b)"
    elif root_strict == target_strict:
        # Mirror image: a > b is "not a < b" minus equality.
        if root_strict:
            combine = lambda r, a, b: not r and a != b
            formula = f"(not a {root_symbol} b) and (a != b)"
        else:
            combine = lambda r, a, b: not r or a == b
            formula = f"(not a {root_symbol} b) or (a == b)"
    else:
        # Complement: a >= b is exactly "not a < b".
        combine = lambda r, a, b: not r
        formula = f"(not a {root_symbol} b)"

    def comparison(self, other):
        result = getattr(type(self), root)(self, other)
        if result is NotImplemented:
            return result
        return combine(result, self, other)

    comparison.__name__ = target
    comparison.__qualname__ = f"_{target[2:4]}_from_{root[2:4]}"
    comparison.__doc__ = f"Return a {target_symbol} b.  Computed by @total_ordering from {formula}."
    return comparison


def total_ordering(cls):
    """Class decorator that fills in missing ordering methods"""
    defined = [
        name for name in _ORDERINGS
        if getattr(cls, name, None) is not getattr(object, name, None)
    ]
    if not defined:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    # The root is the first defined of <, <=, >, >= (dict order of _ORDERINGS).
    root = defined[0]
    for name in _ORDERINGS:
        if name not in defined:
            setattr(cls, name, _derived_comparison(root, name))
    return cls


# -- cmp_to_key ------------------------------------------------------------------------


def cmp_to_key(mycmp):
    """Convert a cmp= function into a key= function"""

    class KeyWrapper:
        __slots__ = ("obj",)
        __hash__ = None

        def __init__(self, obj):
            self.obj = obj

        def _against(self, other):
            if type(other) is not KeyWrapper:
                raise TypeError("other argument must be K instance")
            return mycmp(self.obj, other.obj)

        def __lt__(self, other):
            return self._against(other) < 0

        def __le__(self, other):
            return self._against(other) <= 0

        def __eq__(self, other):
            return self._against(other) == 0

        def __ne__(self, other):
            return self._against(other) != 0

        def __gt__(self, other):
            return self._against(other) > 0

        def __ge__(self, other):
            return self._against(other) >= 0

    KeyWrapper.__module__ = "functools"
    KeyWrapper.__qualname__ = "KeyWrapper"
    return KeyWrapper


# -- cached_property -------------------------------------------------------------------


class cached_property:
    """A property computed once per instance, then stored as an ordinary
    attribute of the instance (under the name it was assigned to)."""

    def __init__(self, func):
        self.func = func
        self.__doc__ = func.__doc__
        self.attrname = None

    def __set_name__(self, owner, name):
        if self.attrname is not None and self.attrname != name:
            raise TypeError(
                "Cannot assign the same cached_property to two different names "
                f"({self.attrname!r} and {name!r})."
            )
        self.attrname = name
    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError("Cannot use cached_property instance without calling __set_name__ on it.")
        val = self.func(instance)
        # The instance attribute now shadows this (non-data) descriptor.
        setattr(instance, self.attrname, val)
        return val


# -- partialmethod -----------------------------------------------------------------------


class partialmethod:
    def __init__(self, func, /, *args, **keywords):
        self.func = func
        self.args = args
        self.keywords = keywords

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        return partial(self.func, obj, *self.args, **self.keywords)


# -- singledispatch ----------------------------------------------------------------------

_MappingProxy = type(type.__dict__)
_UnionType = type(int | str)


def _dispatch_classes(spec):
    """The classes a registration names: a class, or each member of a union
    (`int | str` or `typing.Union[int, str]`); None when `spec` is neither."""
    if isinstance(spec, type):
        return (spec,)
    if _is_union(spec):
        members = tuple(spec.__args__)
        if all(isinstance(member, type) for member in members):
            return members
    return None


def _is_union(spec):
    """`int | str`, or `typing.Union[...]` (only possible once typing is loaded)."""
    if isinstance(spec, _UnionType):
        return True
    typing = sys.modules.get("typing")
    origin = getattr(spec, "__origin__", None)
    return typing is not None and origin is not None and origin is typing.Union


def _resolve(cls, registry):
    """The implementation for `cls`: the registered class nearest to `cls`
    in its MRO, where a registered abstract base class that `cls` is a
    (virtual) subclass of counts as sitting just after the last class of the
    MRO that is a subclass of it. Two unrelated ABCs tied for nearest are
    ambiguous, as in CPython."""
    mro = cls.__mro__
    ranked = {}
    for registered in registry:
        if registered in mro:
            ranked[registered] = 2 * mro.index(registered)
        elif issubclass(cls, registered):
            last = max(i for i, k in enumerate(mro) if issubclass(k, registered))
            ranked[registered] = 2 * last + 1
    nearest = min(ranked.values())
    tied = [registered for registered, rank in ranked.items() if rank == nearest]
    chosen = tied[0]
    for other in tied[1:]:
        if issubclass(other, chosen):
            chosen = other
        elif not issubclass(chosen, other):
            raise RuntimeError(f"Ambiguous dispatch: {chosen} or {other}")
    return registry[chosen]


def singledispatch(func):
    """Single-dispatch generic function decorator: calls go to the
    implementation registered for the class of the first argument (or the
    nearest base class), `func` being the one for `object`."""
    implementations = {object: func}
    resolved = {}
    # The ABC invalidation counter the cache was filled under.
    cache_epoch = [None]

    def dispatch(cls):
        """The implementation a call whose first argument is of class `cls` runs."""
        epoch = get_cache_token()
        if epoch != cache_epoch[0]:
            resolved.clear()
            cache_epoch[0] = epoch
        try:
            return resolved[cls]
        except KeyError:
            pass
        impl = resolved[cls] = _resolve(cls, implementations)
        return impl

    def add(classes, impl):
        for klass in classes:
            implementations[klass] = impl
        resolved.clear()
        return impl

    def register(cls, func=None):
        """Registers `func` for `cls` (a class or union); with `func` omitted,
        a decorator, or `cls` is itself a function whose first parameter's
        annotation names the class."""
        classes = _dispatch_classes(cls)
        if func is not None:
            if classes is None:
                raise TypeError(
                    f"Invalid first argument to `register()`. {cls!r} is not a class or union type."
                )
            return add(classes, func)
        if classes is not None:
            return lambda impl: add(classes, impl)
        # `@register` on a function whose first parameter is annotated.
        annotations = getattr(cls, "__annotations__", None)
        if not annotations:
            raise TypeError(
                f"Invalid first argument to `register()`: {cls!r}. "
                "Use either `@register(some_class)` or plain `@register` "
                "on an annotated function."
            )
        impl = cls
        if any(isinstance(hint, str) for hint in annotations.values()):
            import typing

            annotations = typing.get_type_hints(impl)
        argname, hint = next(iter(annotations.items()))
        classes = _dispatch_classes(hint)
        if classes is None:
            if _is_union(hint):
                raise TypeError(f"Invalid annotation for {argname!r}. {hint!r} not all arguments are classes.")
            raise TypeError(f"Invalid annotation for {argname!r}. {hint!r} is not a class.")
        return add(classes, impl)

    funcname = getattr(func, "__name__", "singledispatch function")

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f"{funcname} requires at least 1 positional argument")
        return dispatch(args[0].__class__)(*args, **kw)

    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = _MappingProxy(implementations)
    wrapper._clear_cache = resolved.clear
    update_wrapper(wrapper, func)
    return wrapper


def _is_descriptor(candidate):
    return hasattr(candidate, "__get__") or isinstance(candidate, (classmethod, staticmethod))


def _bind(implementation, obj, cls):
    """`implementation.__get__(obj, cls)`. towel's functions, classmethods
    and staticmethods bind natively without exposing `__get__`, so those
    three are bound here by hand."""
    getter = getattr(implementation, "__get__", None)
    if getter is not None:
        return getter(obj, cls)
    if isinstance(implementation, staticmethod):
        return implementation.__func__
    if isinstance(implementation, classmethod):
        return MethodType(implementation.__func__, type(obj) if cls is None else cls)
    return implementation if obj is None else MethodType(implementation, obj)


class singledispatchmethod:
    """Single-dispatch generic method descriptor: dispatches on the class of
    the first argument after `self` (or `cls`); supports wrapping
    classmethod and staticmethod objects."""

    def __init__(self, func):
        if not (callable(func) or _is_descriptor(func)):
            raise TypeError(f"{func!r} is not callable or a descriptor")
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        """As the generic function's `register`, for a method."""
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        dispatch = self.dispatcher.dispatch

        def bound_dispatcher(*args, **kwargs):
            implementation = dispatch(args[0].__class__)
            return _bind(implementation, obj, cls)(*args, **kwargs)

        bound_dispatcher.__isabstractmethod__ = self.__isabstractmethod__
        bound_dispatcher.register = self.register
        update_wrapper(bound_dispatcher, self.func)
        return bound_dispatcher

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, "__isabstractmethod__", False)
