"""Size-limited reprs (reprlib.Repr, reprlib.repr) and recursive_repr,
with CPython's limits and truncation rules."""

# Repr.repr1 dispatches on the type's name: a method repr_<name> (spaces
# in the name become underscores) formats the value, repr_instance
# anything else. The containers share one formatter (_bracketed), told
# their brackets and item limit; long texts are cut by _elide, which keeps
# both ends around the fill value.

import builtins
from itertools import islice
from _thread import get_ident

__all__ = ["Repr", "repr", "recursive_repr"]


def recursive_repr(fillvalue="..."):
    """Decorator for __repr__ methods: a call made while the same object's
    repr is already being computed (in the same thread) returns
    `fillvalue` instead of recursing forever."""
    # (No functools here: collections imports this module, and functools
    # imports collections.)
    return lambda user_function: _guard_recursion(user_function, fillvalue)


def _guard_recursion(user_function, fillvalue):
    # The (object, thread) pairs whose repr is being computed.
    running = set()

    def wrapper(self):
        key = (id(self), get_ident())
        if key in running:
            return fillvalue
        running.add(key)
        try:
            return user_function(self)
        finally:
            running.discard(key)

    # The wrapper passes for the function (functools.wraps, less __wrapped__).
    for name in ("__module__", "__doc__", "__name__", "__qualname__"):
        setattr(wrapper, name, getattr(user_function, name, None))
    wrapper.__annotations__ = getattr(user_function, "__annotations__", {})
    return wrapper


def _elide(text, limit, fill):
    """`text` cut to about `limit` characters: its start and end around
    `fill` (the split counts the fill as three characters)."""
    head, tail = _ends(limit)
    return text[:head] + fill + text[len(text) - tail:]


def _ends(limit):
    """How many characters an elided text keeps at its start and its end."""
    head = max(0, (limit - 3) // 2)
    return head, max(0, limit - 3 - head)


def _in_order(items):
    """The items sorted when they can be compared, else as they come."""
    try:
        return sorted(items)
    except Exception:
        return list(items)


# The limits a new Repr starts with.
_DEFAULT_LIMITS = {
    "maxlevel": 6,
    "maxtuple": 6,
    "maxlist": 6,
    "maxarray": 5,
    "maxdict": 4,
    "maxset": 6,
    "maxfrozenset": 6,
    "maxdeque": 6,
    "maxstring": 30,
    "maxlong": 40,
    "maxother": 30,
}

# The containers formatted by Repr._bracketed, by type name: opening and
# closing text ("{typecode}" is an array's), the limit attribute, the text
# for an empty one (None: the brackets alone), whether items are sorted,
# and what follows a single item.
_CONTAINER_FORMS = {
    "tuple": ("(", ")", "maxtuple", None, False, ","),
    "list": ("[", "]", "maxlist", None, False, ""),
    "array": ("array('{typecode}', [", "])", "maxarray", "array('{typecode}')", False, ""),
    "set": ("{", "}", "maxset", "set()", True, ""),
    "frozenset": ("frozenset({", "})", "maxfrozenset", "frozenset()", True, ""),
    "deque": ("deque([", "])", "maxdeque", None, False, ""),
}


def _container_method(type_name):
    opening, closing, limit_name, empty, sort, single_suffix = _CONTAINER_FORMS[type_name]

    def method(self, x, level):
        typecode = getattr(x, "typecode", "")
        if empty is not None and not x:
            return empty.replace("{typecode}", typecode)
        items = _in_order(x) if sort else x
        def render(item):
            return self.repr1(item, level - 1)
        return self._bracketed(items, len(x), level, opening.replace("{typecode}", typecode), closing,
                               getattr(self, limit_name), render, single_suffix)
    method.__name__ = method.__qualname__ = f"repr_{type_name}"
    return method


class Repr:
    """Makes reprs whose size is limited: at most `max<kind>` items of each
    kind of container, `maxlevel` levels of nesting, `maxstring`,
    `maxlong` and `maxother` characters; what is left out shows as
    `fillvalue`. Set the attributes to change the limits."""

    def __init__(self):
        self.fillvalue = "..."
        for name, limit in _DEFAULT_LIMITS.items():
            setattr(self, name, limit)

    def repr(self, x):
        """The limited repr of `x`."""
        return self.repr1(x, self.maxlevel)

    def repr1(self, x, level):
        """The limited repr of `x`, with `level` levels of nesting left."""
        method_name = "repr_" + "_".join(type(x).__name__.split())
        formatter = getattr(self, method_name, None)
        if formatter is None:
            return self.repr_instance(x, level)
        return formatter(x, level)

    def _bracketed(self, items, count, level, opening, closing, limit, render, single_suffix=""):
        """opening + the first `limit` of `count` items rendered, comma-
        separated, + closing; only the fill value when no nesting level is
        left."""
        if count and level <= 0:
            return opening + self.fillvalue + closing
        shown = [render(item) for item in islice(items, limit)]
        if count > limit:
            shown.append(self.fillvalue)
        if count == 1:
            closing = single_suffix + closing
        return opening + ", ".join(shown) + closing

    for _type_name in _CONTAINER_FORMS:
        locals()["repr_" + _type_name] = _container_method(_type_name)
    del _type_name

    def repr_dict(self, x, level):
        if not x:
            return "{}"

        def render(key):
            return f"{self.repr1(key, level - 1)}: {self.repr1(x[key], level - 1)}"
        return self._bracketed(_in_order(x), len(x), level, "{", "}", self.maxdict, render)

    def repr_str(self, x, level):
        text = builtins.repr(x[:self.maxstring])
        if len(text) <= self.maxstring:
            return text
        # Elide inside the string, then in its repr, so that the quotes
        # and escapes stay whole.
        head, tail = _ends(self.maxstring)
        text = builtins.repr(x[:head] + x[len(x) - tail:])
        return _elide(text, self.maxstring, self.fillvalue)

    def repr_int(self, x, level):
        text = builtins.repr(x)
        if len(text) <= self.maxlong:
            return text
        return _elide(text, self.maxlong, self.fillvalue)

    def repr_instance(self, x, level):
        try:
            text = builtins.repr(x)
        except Exception:
            return f"<{x.__class__.__name__} instance at {id(x):#x}>"
        if len(text) <= self.maxother:
            return text
        return _elide(text, self.maxother, self.fillvalue)


aRepr = Repr()
repr = aRepr.repr
