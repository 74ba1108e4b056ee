# `unittest.mock`: stand-in objects that record how they are used, and
# `patch` to put them in place of real objects while a test runs.
#
# Design.
#
# * Every mock keeps its bookkeeping in one `_Ledger` object stored in its
#   instance dictionary under `_mock_state`: how it hangs in a tree of mocks
#   (its `owner` and the `link` it hangs by: an attribute name, or "()" for a
#   return value), its spec, its configured behaviour and its call records.
#   Attribute lookup on a mock therefore finds real attributes first and only
#   falls back to `__getattr__` for names that make child mocks.
# * One attribute-resolution path: `NonCallableMock.__getattr__` checks the
#   spec, the deleted names, the assertion-typo guard and the seal, then asks
#   `_get_child_mock` (the documented hook subclasses override) for a child.
#   Children of an autospecced mock are autospecced lazily, on first access.
# * One call-recording path: `_note_call` updates the mock's own records and
#   then walks up the owner chain once, building each ancestor's view of the
#   call name ("a.b()", "b()") for `mock_calls` and, while the chain is made
#   of plain attribute links, for `method_calls`.
# * Python looks magic methods up on the type, so each mock gets a class of
#   its own (made in `__new__`). Magic methods are `_MagicSlot` descriptors
#   on that class; the slot fetches (or makes) the child mock that stands for
#   the method. `_MAGIC_DEFAULTS` is the table of what MagicMock's magic
#   methods return until configured.
# * `_Call` is the tuple type of recorded calls and of the `call` helper.
#
# Behaviour, messages and reprs follow CPython 3.11's documentation and
# observed output.

import builtins
import contextlib
import functools
import inspect
import io
import pprint
import sys
import types

__all__ = (
    "Mock",
    "MagicMock",
    "patch",
    "sentinel",
    "DEFAULT",
    "ANY",
    "call",
    "create_autospec",
    "AsyncMock",
    "FILTER_DIR",
    "NonCallableMock",
    "NonCallableMagicMock",
    "mock_open",
    "PropertyMock",
    "seal",
)

FILTER_DIR = True


class InvalidSpecError(Exception):
    """A spec that cannot be used, such as another mock."""


# ---------------------------------------------------------------------------
# sentinel, DEFAULT, ANY


class _NamedToken:
    """One named, unique object handed out by `sentinel`."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "sentinel." + self.name

    def __reduce__(self):
        return "sentinel." + self.name


class _TokenFactory:
    """`sentinel.anything` is the same object every time it is asked for."""

    def __init__(self):
        self._tokens = {}

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        token = self._tokens.get(name)
        if token is None:
            token = self._tokens[name] = _NamedToken(name)
        return token

    def __reduce__(self):
        return "sentinel"


sentinel = _TokenFactory()
DEFAULT = sentinel.DEFAULT
# Marks a child that was deleted with `del mock.name`.
_REMOVED = object()


class _Anything:
    """Equal to everything: a wildcard inside expected calls."""

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = None

    def __repr__(self):
        return "<ANY>"


ANY = _Anything()


# ---------------------------------------------------------------------------
# Recorded calls: _Call, call and _CallList


def _render_arguments(args, kwargs):
    shown = [repr(value) for value in args]
    shown.extend(f"{key}={value!r}" for key, value in kwargs.items())
    return ", ".join(shown)


def _split_call_tuple(value):
    """(name, args, kwargs) from any tuple form a call can be compared with or
    built from; name is None when the form carries none."""
    size = len(value)
    if size == 3:
        return value[0], value[1], value[2]
    if size == 2:
        first, second = value
        if isinstance(first, str):
            if isinstance(second, tuple):
                return first, second, {}
            return first, (), second
        return None, first, second
    if size == 1:
        (only,) = value
        if isinstance(only, str):
            return only, (), {}
        if isinstance(only, tuple):
            return None, only, {}
        return None, (), only
    if size == 0:
        return None, (), {}
    raise ValueError(f"a call is a tuple of at most 3 items, not {size}")


class _Call(tuple):
    """A call (or an attribute path on the way to one) as a tuple.

    Records of direct calls (`call_args`) are pairs (args, kwargs); entries
    of `mock_calls` and calls built from `call` are triples (name, args,
    kwargs). A call whose name is empty matches calls of any name."""

    def __new__(cls, value=(), *, two=False, parent=None, is_call=True):
        name, args, kwargs = _split_call_tuple(value)
        name = name or ""
        items = (args, kwargs) if two else (name, args, kwargs)
        made = tuple.__new__(cls, items)
        made._call_name = name
        made._call_parent = parent
        made._call_is_call = is_call
        return made

    def __init__(self, *args, **kwargs):
        pass

    @property
    def args(self):
        return self[-2]

    @property
    def kwargs(self):
        return self[-1]

    # `call.count` and `call.index` name calls, not the tuple methods.
    @property
    def count(self):
        return self._step("count")

    @property
    def index(self):
        return self._step("index")

    def _step(self, attribute):
        name = self._call_name
        if self._call_is_call:
            path = f"{name}().{attribute}"
        elif name:
            path = f"{name}.{attribute}"
        else:
            path = attribute
        return _Call((path, (), {}), parent=self, is_call=False)

    def __getattr__(self, attribute):
        if attribute.startswith("_call_") or (
            attribute.startswith("__") and attribute.endswith("__")
        ):
            raise AttributeError(attribute)
        return self._step(attribute)

    def __call__(self, /, *args, **kwargs):
        name = self._call_name + "()" if self._call_is_call else self._call_name
        return _Call((name, args, kwargs), parent=self)

    def __eq__(self, other):
        if not isinstance(other, (tuple, list)):
            return NotImplemented
        try:
            other_name, other_args, other_kwargs = _split_call_tuple(other)
        except (ValueError, TypeError):
            return False
        if isinstance(other, _Call):
            other_name = other._call_name
            mine, theirs = self._call_parent, other._call_parent
            if mine is not None and theirs is not None and mine != theirs:
                return False
        if self._call_name and self._call_name != (other_name or ""):
            return False
        return (self.args, self.kwargs) == (other_args, other_kwargs)

    def __ne__(self, other):
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = None

    def __repr__(self):
        name = self._call_name
        if not self._call_is_call:
            if not name:
                return "call"
            return "call" + name if name.startswith("(") else name
        if name and not name.startswith("("):
            name = "." + name
        return f"call{name}({_render_arguments(self.args, self.kwargs)})"

    def call_list(self):
        """The calls made along the chain that ends in this one."""
        parent = self._call_parent
        chain = _CallList() if parent is None else parent.call_list()
        if self._call_is_call:
            chain.append(self)
        return chain


call = _Call(is_call=False)


def _find_run(items, run):
    """Where the list `run` first occurs as a contiguous slice of `items`
    (compared item by item from the `items` side), or -1."""
    width = len(run)
    if width == 0:
        return 0
    for start, item in enumerate(items):
        if item == run[0] and items[start:start + width] == run:
            return start
    return -1


class _CallList(list):
    """A list of calls; `[a, b] in calls` asks for a contiguous run."""

    def __contains__(self, value):
        if isinstance(value, list):
            return _find_run(list(self), value) >= 0
        return list.__contains__(self, value)

    def __repr__(self):
        return pprint.pformat(list(self))


# ---------------------------------------------------------------------------
# Small predicates


def _mock_of(obj):
    """The mock behind `obj`: itself, or the mock an autospecced function wraps."""
    if isinstance(obj, NonCallableMock):
        return obj
    if isinstance(obj, types.FunctionType) and isinstance(
        obj.__dict__.get("mock"), NonCallableMock
    ):
        return obj.__dict__["mock"]
    return None


def _is_exception(obj):
    kind = obj if isinstance(obj, type) else type(obj)
    return issubclass(kind, BaseException)


def _is_dunder(name):
    return len(name) > 4 and name.startswith("__") and name.endswith("__")


def _ledger(mock):
    return mock.__dict__["_mock_state"]


def _is_async_callable(obj):
    if isinstance(obj, (staticmethod, classmethod)):
        obj = obj.__func__
    if isinstance(obj, NonCallableMock):
        return isinstance(obj, AsyncMock)
    try:
        return inspect.iscoroutinefunction(obj)
    except Exception:
        return False


def _stored_member(source, name):
    """`name` as stored on `source` or its classes, without running
    descriptors; AttributeError if it is nowhere."""
    if isinstance(source, type):
        holders = source.__mro__
    else:
        try:
            own = vars(source)
        except TypeError:
            own = {}
        if name in own:
            return own[name]
        holders = type(source).__mro__
    for holder in holders:
        if name in holder.__dict__:
            return holder.__dict__[name]
    raise AttributeError(name)


def _signature_of(obj, drop_first=False):
    """The signature calls of a mock specced on `obj` must fit, or None.
    Only code written in Python has one: functions and methods, classes
    through their `__init__`, and instances through their `__call__`."""
    if isinstance(obj, type):
        initializer = next((klass.__dict__["__init__"] for klass in obj.__mro__
                            if "__init__" in klass.__dict__), None)
        obj, drop_first = initializer, True
    elif isinstance(obj, types.MethodType):
        if not isinstance(obj.__func__, types.FunctionType):
            return None
    elif not isinstance(obj, types.FunctionType) and callable(obj):
        obj, drop_first = _stored_class_member(type(obj), "__call__"), True
    if not isinstance(obj, (types.FunctionType, types.MethodType)):
        return None
    try:
        signature = inspect.signature(obj)
    except (ValueError, TypeError):
        return None
    if drop_first:
        params = list(signature.parameters.values())
        if params and params[0].kind in (
            inspect.Parameter.POSITIONAL_ONLY,
            inspect.Parameter.POSITIONAL_OR_KEYWORD,
        ):
            signature = signature.replace(parameters=params[1:])
    return signature


def _stored_class_member(klass, name):
    try:
        return _stored_member(klass, name)
    except AttributeError:
        return None


# ---------------------------------------------------------------------------
# Magic methods


def _default_eq(owner, configured, args):
    return owner is args[0] if configured is DEFAULT else configured


def _default_ne(owner, configured, args):
    return owner is not args[0] if configured is DEFAULT else configured


def _default_iter(owner, configured, args):
    return iter([] if configured is DEFAULT else configured)


class _AsyncIterOver:
    """The async iterator a MagicMock's `__aiter__` hands out."""

    def __init__(self, items):
        self._items = iter(items)

    def __aiter__(self):
        return self

    async def __anext__(self):
        item = next(self._items, _RAN_OUT)
        if item is _RAN_OUT:
            raise StopAsyncIteration
        return item


def _default_aiter(owner, configured, args):
    return _AsyncIterOver([] if configured is DEFAULT else configured)


def _size_of(owner):
    # The size of the mock as a plain object (its own __sizeof__ is mocked).
    plain_sizeof = getattr(object, "__sizeof__", None)
    if plain_sizeof is not None:
        return plain_sizeof(owner)
    return sys.getsizeof(object())


def _fspath_of(owner):
    return f"{type(owner).__name__}/{_display_name(owner)}/{id(owner)}"


# What MagicMock's magic methods give until configured. A plain value is the
# method's return value; a `_Computed` is worked out for the owning mock when
# the method's mock is made; a `_Behaviour` decides each call from the
# configured return value (or DEFAULT) and the arguments.
class _Computed:
    def __init__(self, make):
        self.make = make


class _Behaviour:
    def __init__(self, respond):
        self.respond = respond


_MAGIC_DEFAULTS = {
    "__len__": 0,
    "__bool__": True,
    "__int__": 1,
    "__float__": 1.0,
    "__complex__": 1j,
    "__index__": 1,
    "__contains__": False,
    "__exit__": False,
    "__aexit__": False,
    "__lt__": NotImplemented,
    "__gt__": NotImplemented,
    "__le__": NotImplemented,
    "__ge__": NotImplemented,
    "__hash__": _Computed(object.__hash__),
    "__str__": _Computed(object.__str__),
    "__sizeof__": _Computed(_size_of),
    "__fspath__": _Computed(_fspath_of),
    "__eq__": _Behaviour(_default_eq),
    "__ne__": _Behaviour(_default_ne),
    "__iter__": _Behaviour(_default_iter),
    "__aiter__": _Behaviour(_default_aiter),
}

_NUMERIC_OPERATORS = (
    "add sub mul matmul truediv floordiv mod lshift rshift and xor or pow"
).split()

# Every magic method a MagicMock supports, in groups.
_MAGIC_NAMES = frozenset(
    [f"__{op}__" for op in _NUMERIC_OPERATORS]
    + [f"__r{op}__" for op in _NUMERIC_OPERATORS]
    + [f"__i{op}__" for op in _NUMERIC_OPERATORS]
    + "__divmod__ __rdivmod__ __neg__ __pos__ __abs__ __invert__".split()
    + "__round__ __trunc__ __floor__ __ceil__".split()
    + "__getitem__ __setitem__ __delitem__ __next__".split()
    + "__enter__ __aenter__ __anext__".split()
    + list(_MAGIC_DEFAULTS)
)
_ASYNC_MAGIC_NAMES = frozenset(["__aenter__", "__aexit__", "__anext__"])
# Magic methods that can be set on any mock though MagicMock does not
# configure them.
_EXTRA_SETTABLE_MAGICS = frozenset(
    "__get__ __set__ __delete__ __reversed__ __missing__ __reduce__ __reduce_ex__ "
    "__getinitargs__ __getnewargs__ __getstate__ __setstate__ __getformat__ "
    "__class_getitem__ __format__ __dir__ __subclasses__ __repr__".split()
)
_UNSETTABLE_MAGICS = frozenset(
    "__getattr__ __setattr__ __init__ __new__ __prepare__ __instancecheck__ "
    "__subclasscheck__ __del__".split()
)
_ASSERT_TYPOS = ("assert", "assret", "asert", "aseert", "assrt")


class _MagicSlot:
    """Class attribute standing for one magic method of a mock: it returns
    the child mock (or the configured function, bound) that implements it."""

    def __init__(self, name):
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return obj._magic_method(self.name)


# Slots hold only their name, so every mock class can share them.
_SHARED_SLOTS = {name: _MagicSlot(name) for name in _MAGIC_NAMES}


def _magic_names_for(spec_names):
    if spec_names is None:
        return _MAGIC_NAMES
    return _MAGIC_NAMES.intersection(spec_names)


# ---------------------------------------------------------------------------
# The mocks


# A mock's call records and how each starts out (and restarts on reset).
_RECORD_FIELDS = {
    "called": lambda: False,
    "call_count": int,
    "call_args": lambda: None,
    "call_args_list": _CallList,
    "mock_calls": _CallList,
    "method_calls": _CallList,
    "await_count": int,
    "await_args": lambda: None,
    "await_args_list": _CallList,
}


def _record_view(field):
    """A read-write property onto one of the mock's call records."""
    return property(lambda mock: getattr(_ledger(mock), field),
                    lambda mock, value: setattr(_ledger(mock), field, value))


class _Ledger:
    """A mock's bookkeeping (see the design notes at the top)."""

    def __init__(self):
        self.name = None
        self.owner = None
        self.link = None
        self.children = {}
        self.spec = None
        self.spec_names = None
        self.spec_class = None
        self.spec_locked = False
        self.signature = None
        self.enforce_signature = False
        self.autospec_source = None
        self.autospec_instance = False
        self.return_value = DEFAULT
        self.side_effect = None
        self.behaviour = None
        self.wraps = None
        self.sealed = False
        self.unsafe = False
        self.clear_records()

    def clear_records(self):
        for field, fresh in _RECORD_FIELDS.items():
            setattr(self, field, fresh())


def _display_name(mock):
    """The dotted name a mock shows in its repr: "mock.a().b"."""
    steps = []
    node = mock
    seen = set()
    while True:
        ledger = _ledger(node)
        if ledger.owner is None or id(node) in seen:
            root = ledger.name or "mock"
            break
        seen.add(id(node))
        steps.append("()" if ledger.link == "()" else "." + ledger.link)
        node = ledger.owner
    return root + "".join(reversed(steps))


def _label(mock):
    """The short name assertion messages use."""
    ledger = _ledger(mock)
    if ledger.name:
        return ledger.name
    if ledger.link and ledger.link != "()":
        return ledger.link
    return "mock"


def _adopt(parent, child, link, take_over=False):
    """Hang `child` under `parent` by `link`: an anonymous, free mock always,
    any mock when `take_over` (attach_mock). Never makes a cycle."""
    inner = _mock_of(child)
    if inner is None:
        return
    ledger = _ledger(inner)
    if not take_over and (ledger.owner is not None or ledger.name is not None):
        return
    # Identity, not ==: a MagicMock's __eq__ is itself recorded.
    if any(inner is node for node in (parent, *_ancestors(parent))):
        return
    ledger.name = None
    ledger.owner = parent
    ledger.link = link


def _ancestors(mock):
    found = []
    owner = _ledger(mock).owner
    while owner is not None and not any(owner is seen for seen in found):
        found.append(owner)
        owner = _ledger(owner).owner
    return found


def _family(mock):
    """`mock` and every mock below it (children and return values), each once."""
    pending = [mock]
    met = set()
    while pending:
        member = pending.pop()
        if id(member) in met:
            continue
        met.add(id(member))
        yield member
        ledger = _ledger(member)
        below = [ledger.return_value, *ledger.children.values()]
        pending.extend(inner for inner in map(_mock_of, below) if inner is not None)


def _declared_class(mock):
    return type(mock).__dict__.get("_mock_declared", type(mock))


class NonCallableMock:
    """A mock that cannot be called: attributes become child mocks and every
    use is recorded."""

    def __new__(cls, /, *args, **kwargs):
        namespace = {"__doc__": cls.__doc__, "_mock_declared": cls}
        if issubclass(cls, _MagicSupport):
            spec = kwargs.get("spec_set")
            if spec is None or spec is True or spec is False:
                spec = kwargs.get("spec", args[0] if args else None)
            if spec is not None and spec is not True and spec is not False:
                allowed = _magic_names_for(_names_of_spec(spec))
            else:
                allowed = _MAGIC_NAMES
            namespace.update((name, _SHARED_SLOTS[name]) for name in allowed)
            if "__hash__" not in allowed:
                namespace["__hash__"] = object.__hash__
        own_class = type(cls.__name__, (cls,), namespace)
        return object.__new__(own_class)

    def __init__(self, spec=None, wraps=None, name=None, spec_set=None, unsafe=False,
                 *, return_value=DEFAULT, side_effect=None, **kwargs):
        ledger = _Ledger()
        self.__dict__["_mock_state"] = ledger
        ledger.owner = kwargs.pop("_owner", None)
        ledger.link = kwargs.pop("_link", None)
        autospec_source = kwargs.pop("_autospec_source", None)
        signature = kwargs.pop("_signature", None)
        ledger.name = name
        ledger.wraps = wraps
        ledger.unsafe = unsafe
        locked = False
        if spec_set is not None and spec_set is not True and spec_set is not False:
            spec, locked = spec_set, True
        elif spec_set:
            locked = True
        self._take_spec(spec, locked)
        if signature is not None:
            ledger.signature = signature
        if autospec_source is not None:
            ledger.autospec_source = autospec_source
            ledger.enforce_signature = True
            ledger.autospec_instance = kwargs.pop("_autospec_instance", False)
        ledger.return_value = return_value
        if _is_mock_value(return_value):
            _adopt(self, return_value, "()")
        self.side_effect = side_effect
        if kwargs:
            self.configure_mock(**kwargs)

    # -- spec --------------------------------------------------------------

    def _take_spec(self, spec, locked):
        ledger = _ledger(self)
        ledger.spec_locked = locked
        if spec is None:
            ledger.spec = ledger.spec_names = ledger.spec_class = ledger.signature = None
            return
        if _mock_of(spec) is not None:
            raise InvalidSpecError(f"Cannot spec a Mock object. [object={spec!r}]")
        ledger.spec_names = _names_of_spec(spec)
        if isinstance(spec, (list, tuple)):
            ledger.spec = ledger.spec_class = ledger.signature = None
            return
        ledger.spec = spec
        ledger.spec_class = spec if isinstance(spec, type) else type(spec)
        ledger.signature = _signature_of(spec)

    def mock_add_spec(self, spec, spec_set=False):
        """Restrict the mock's attributes to those of `spec` (or the names
        listed); `spec_set` also restricts setting them."""
        self._take_spec(spec, bool(spec_set))
        if isinstance(self, _MagicSupport):
            allowed = _magic_names_for(_ledger(self).spec_names)
            own_class = type(self)
            for name in _MAGIC_NAMES:
                present = isinstance(own_class.__dict__.get(name), _MagicSlot)
                if name in allowed and not present:
                    setattr(own_class, name, _SHARED_SLOTS[name])
                elif name not in allowed and present:
                    delattr(own_class, name)
                    _ledger(self).children.pop(name, None)

    @property
    def __class__(self):
        spec_class = _ledger(self).spec_class
        return type(self) if spec_class is None else spec_class

    @__class__.setter
    def __class__(self, value):
        _ledger(self).spec_class = value

    # -- attributes --------------------------------------------------------

    def __getattr__(self, name):
        if name == "_mock_state":
            raise AttributeError(name)
        ledger = _ledger(self)
        known = ledger.children.get(name)
        if known is _REMOVED:
            raise AttributeError(name)
        if known is not None:
            return known
        if ledger.spec_names is not None and name not in ledger.spec_names:
            raise AttributeError(f"Mock object has no attribute {name!r}")
        if _is_dunder(name) and (ledger.spec_names is None or name in _MAGIC_NAMES):
            # Dunder names make children only when the spec has them (a
            # function's __name__, say); magic methods never do.
            raise AttributeError(name)
        if ledger.spec_names is None and not ledger.unsafe and name.startswith(_ASSERT_TYPOS):
            raise AttributeError(
                f"{name!r} is not a valid assertion. Use a spec for the mock "
                f"if {name!r} is meant to be an attribute."
            )
        if ledger.sealed:
            raise AttributeError(f"{_display_name(self)}.{name}")
        child = self._new_child(name)
        ledger.children[name] = child
        return child

    def _new_child(self, link):
        ledger = _ledger(self)
        if ledger.autospec_source is not None and link != "()":
            return _autospec_member(self, link)
        options = {"_owner": self, "_link": link}
        if ledger.wraps is not None and link != "()":
            options["wraps"] = getattr(ledger.wraps, link)
        return self._get_child_mock(**options)

    def _get_child_mock(self, /, **kw):
        """Make a child mock; subclasses override this to choose its type."""
        return _child_class(self, kw.get("_link"))(**kw)

    def _magic_method(self, name):
        ledger = _ledger(self)
        found = ledger.children.get(name)
        if found is None or found is _REMOVED:
            if ledger.sealed:
                raise AttributeError(f"{_display_name(self)}.{name}")
            found = self._get_child_mock(_owner=self, _link=name)
            inner = _mock_of(found)
            default = _MAGIC_DEFAULTS.get(name, DEFAULT)
            if inner is not None:
                if isinstance(default, _Computed):
                    _ledger(inner).return_value = default.make(self)
                elif isinstance(default, _Behaviour):
                    _ledger(inner).behaviour = default.respond
                elif default is not DEFAULT:
                    _ledger(inner).return_value = default
            ledger.children[name] = found
        if _mock_of(found) is None and callable(found):
            return types.MethodType(found, self)
        return found

    def __setattr__(self, name, value):
        ledger = self.__dict__.get("_mock_state")
        if ledger is None:
            object.__setattr__(self, name, value)
            return
        if name in _UNSETTABLE_MAGICS:
            raise AttributeError(f"Attempting to set unsupported magic method {name!r}.")
        if name in _MAGIC_NAMES or name in _EXTRA_SETTABLE_MAGICS:
            self._refuse_unspecced(name)
            _adopt(self, value, name)
            ledger.children[name] = value
            if not isinstance(type(self).__dict__.get(name), _MagicSlot):
                setattr(type(self), name, _MagicSlot(name))
            return
        if _defined_on_class(type(self), name):
            object.__setattr__(self, name, value)
            return
        self._refuse_unspecced(name)
        if ledger.sealed and name not in ledger.children and name not in self.__dict__:
            raise AttributeError(f"Cannot set {_display_name(self)}.{name}")
        if _is_mock_value(value):
            _adopt(self, value, name)
            ledger.children[name] = value
            self.__dict__.pop(name, None)
            return
        ledger.children.pop(name, None)
        object.__setattr__(self, name, value)

    def _refuse_unspecced(self, name):
        ledger = _ledger(self)
        if (ledger.spec_locked and ledger.spec_names is not None
                and name not in ledger.spec_names and name not in self.__dict__):
            raise AttributeError(f"Mock object has no attribute {name!r}")

    def __delattr__(self, name):
        ledger = _ledger(self)
        own_class = type(self)
        if isinstance(own_class.__dict__.get(name), _MagicSlot):
            delattr(own_class, name)
            ledger.children[name] = _REMOVED
            return
        if name in self.__dict__:
            object.__delattr__(self, name)
            ledger.children[name] = _REMOVED
            return
        if _defined_on_class(own_class, name):
            object.__delattr__(self, name)
            return
        if ledger.children.get(name) is _REMOVED:
            raise AttributeError(name)
        ledger.children[name] = _REMOVED

    def __dir__(self):
        ledger = _ledger(self)
        hidden = {name for name, value in ledger.children.items() if value is _REMOVED}
        if not FILTER_DIR:
            names = set(dir(type(self)))
            names.update(self.__dict__)
            names.update(ledger.children)
            names.update(ledger.spec_names or ())
            return sorted(names - hidden)
        names = {name for name in dir(type(self)) if not name.startswith("_")}
        names.update(ledger.spec_names or ())
        names.update(name for name in self.__dict__ if not name.startswith("_"))
        names.update(name for name in ledger.children if not name.startswith("_"))
        return sorted(names - hidden)

    def __repr__(self):
        ledger = _ledger(self)
        name = _display_name(self)
        name_part = "" if name == "mock" else f" name={name!r}"
        spec_part = ""
        if ledger.spec_class is not None:
            spec_part = f" spec={ledger.spec_class.__name__!r}"
        return f"<{type(self).__name__}{name_part}{spec_part} id='{id(self)}'>"

    # -- configuration -----------------------------------------------------

    def configure_mock(self, /, **kwargs):
        """Set attributes by dotted names: `configure_mock(**{"a.b.return_value": 1})`."""
        shallow_first = sorted(kwargs.items(), key=lambda item: item[0].count("."))
        for dotted, value in shallow_first:
            holder_path, _, attribute = dotted.rpartition(".")
            holder = functools.reduce(getattr, holder_path.split("."), self) if holder_path else self
            setattr(holder, attribute, value)

    def attach_mock(self, mock, attribute):
        """Make `mock` this mock's child `attribute`, so its calls are
        recorded here too (its own name is replaced)."""
        _adopt(self, mock, attribute, take_over=True)
        setattr(self, attribute, mock)

    def reset_mock(self, visited=None, *, return_value=False, side_effect=False):
        """Forget all calls, here and in every child (configuration stays,
        unless `return_value` or `side_effect` say to drop those too)."""
        for member in _family(self):
            ledger = _ledger(member)
            ledger.clear_records()
            if return_value:
                ledger.return_value = DEFAULT
            if side_effect:
                ledger.side_effect = None

    # -- recorded state ----------------------------------------------------

    called = _record_view("called")
    call_count = _record_view("call_count")
    call_args = _record_view("call_args")
    call_args_list = _record_view("call_args_list")
    mock_calls = _record_view("mock_calls")
    method_calls = _record_view("method_calls")

    @property
    def return_value(self):
        ledger = _ledger(self)
        value = ledger.return_value
        if value is DEFAULT:
            if ledger.sealed:
                raise AttributeError(f"{_display_name(self)}.return_value")
            value = ledger.return_value = self._make_return_value()
        return value

    @return_value.setter
    def return_value(self, value):
        _ledger(self).return_value = value
        _adopt(self, value, "()")

    def _make_return_value(self):
        ledger = _ledger(self)
        source = ledger.autospec_source
        if source is not None and isinstance(source, type) and not ledger.autospec_instance:
            return create_autospec(source, spec_set=ledger.spec_locked, instance=True,
                                   _parent=self, _name="()")
        return self._new_child("()")

    @property
    def side_effect(self):
        return _ledger(self).side_effect

    @side_effect.setter
    def side_effect(self, value):
        if value is not None and not callable(value) and not _is_exception(value):
            try:
                value = iter(value)
            except TypeError:
                pass
        _ledger(self).side_effect = value

    # -- recording ---------------------------------------------------------

    def _note_call(self, args, kwargs):
        ledger = _ledger(self)
        if ledger.enforce_signature and ledger.signature is not None:
            ledger.signature.bind(*args, **kwargs)
        ledger.called = True
        ledger.call_count += 1
        pair = _Call((args, kwargs), two=True)
        ledger.call_args = pair
        ledger.call_args_list.append(pair)
        ledger.mock_calls.append(_Call(("", args, kwargs)))
        path = ""
        method_path = ""
        methods_alive = True
        node = self
        seen = set()
        while True:
            node_ledger = _ledger(node)
            owner = node_ledger.owner
            if owner is None or id(node) in seen:
                break
            seen.add(id(node))
            link = node_ledger.link
            if link == "()":
                path = "()" + path
                methods_alive = False
            else:
                path = "." + link + path
                if _is_dunder(link):
                    methods_alive = False
                elif methods_alive:
                    method_path = link + "." + method_path if method_path else link
            owner_ledger = _ledger(owner)
            owner_ledger.mock_calls.append(_Call((path.lstrip("."), args, kwargs)))
            if methods_alive:
                owner_ledger.method_calls.append(_Call((method_path, args, kwargs)))
            node = owner

    def _answer(self, args, kwargs):
        """The result of a call: side effect, then return value, then wraps."""
        ledger = _ledger(self)
        if ledger.side_effect is not None:
            outcome = _side_effect_outcome(ledger.side_effect, args, kwargs, StopIteration)
            if outcome is not DEFAULT:
                return outcome
        return self._configured_answer(args, kwargs)

    def _configured_answer(self, args, kwargs):
        ledger = _ledger(self)
        if ledger.behaviour is not None:
            return ledger.behaviour(ledger.owner, ledger.return_value, args)
        if ledger.return_value is DEFAULT and ledger.wraps is not None:
            return ledger.wraps(*args, **kwargs)
        return self.return_value

    # -- assertions ----------------------------------------------------------

    def _fit(self, entry):
        """`entry` with its arguments bound to the spec's signature, so that
        equivalent spellings compare equal; the TypeError if they do not fit."""
        signature = _ledger(self).signature
        if signature is None or (len(entry) == 3 and entry[0]):
            return entry
        try:
            bound = signature.bind(*entry.args, **entry.kwargs)
        except TypeError as error:
            return error
        if len(entry) == 2:
            return _Call((bound.args, bound.kwargs), two=True)
        return _Call((entry[0], bound.args, bound.kwargs))

    def _shown(self, args, kwargs):
        return f"{_label(self)}({_render_arguments(args, kwargs)})"

    def _insist(self, holds, template, count_field="call_count"):
        """Raise AssertionError with `template` filled in unless `holds`
        (a test of the count in `count_field`)."""
        count = getattr(_ledger(self), count_field)
        if holds(count):
            return
        calls = _ledger(self).mock_calls
        raise AssertionError(template.format(
            name=_label(self), count=count, calls=f"\nCalls: {calls!r}." if calls else "",
        ))

    def assert_called(self):
        """Fail unless the mock was called at least once."""
        self._insist(bool, "Expected '{name}' to have been called.")

    def assert_called_once(self):
        """Fail unless the mock was called exactly once."""
        self._insist((1).__eq__, "Expected '{name}' to have been called once. "
                                 "Called {count} times.{calls}")

    def assert_not_called(self):
        """Fail if the mock was called."""
        self._insist((0).__eq__, "Expected '{name}' to not have been called. "
                                 "Called {count} times.{calls}")

    def assert_called_with(self, /, *args, **kwargs):
        """Fail unless the last call had these arguments."""
        self._check_last(_ledger(self).call_args, args, kwargs, "call", "not called.")

    def assert_called_once_with(self, /, *args, **kwargs):
        """Fail unless the mock was called exactly once, with these arguments."""
        self._insist((1).__eq__, "Expected '{name}' to be called once. "
                                 "Called {count} times.{calls}")
        self.assert_called_with(*args, **kwargs)

    def _check_last(self, last, args, kwargs, noun, absent):
        expected_text = self._shown(args, kwargs)
        if last is None:
            raise AssertionError(
                f"expected {noun} not found.\nExpected: {expected_text}\n  Actual: {absent}"
            )
        expected = self._fit(_Call((args, kwargs), two=True))
        actual = self._fit(last)
        if expected != actual:
            cause = expected if isinstance(expected, Exception) else None
            raise AssertionError(
                f"expected {noun} not found.\nExpected: {expected_text}\n"
                f"  Actual: {self._shown(last.args, last.kwargs)}"
            ) from cause

    def assert_any_call(self, /, *args, **kwargs):
        """Fail unless some call had these arguments."""
        self._check_any(_ledger(self).call_args_list, args, kwargs, "call")

    def _check_any(self, records, args, kwargs, noun):
        expected = self._fit(_Call((args, kwargs), two=True))
        fitted = [self._fit(entry) for entry in records]
        if isinstance(expected, Exception) or expected not in _CallList(fitted):
            cause = expected if isinstance(expected, Exception) else None
            raise AssertionError(f"{self._shown(args, kwargs)} {noun} not found") from cause

    def assert_has_calls(self, calls, any_order=False):
        """Fail unless `calls` appear in `mock_calls`: in a row, or (with
        `any_order`) anywhere."""
        records = _ledger(self).mock_calls

        def out_of_order(fitted):
            failures = [item if isinstance(item, Exception) else None for item in fitted]
            if any(failures):
                headline = f"Error processing expected calls.\nErrors: {failures}"
            else:
                headline = "Calls not found."
            return f"{headline}\nExpected: {_CallList(calls)!r}\n  Actual: {records!r}"

        def incomplete(missing, leftover):
            return (f"{_label(self)!r} does not contain all of {missing!r} in its call "
                    f"list, found {leftover!r} instead")

        self._require_calls(records, calls, any_order, out_of_order, incomplete)

    def _require_calls(self, records, calls, any_order, out_of_order, incomplete):
        """The check behind assert_has_calls and assert_has_awaits; the two
        message builders say what failed."""
        wanted = [self._fit(entry) for entry in calls]
        cause = next((item for item in wanted if isinstance(item, Exception)), None)
        seen = [self._fit(entry) for entry in records]
        if not any_order:
            if _find_run(seen, wanted) < 0:
                raise AssertionError(out_of_order(wanted)) from cause
            return
        leftover = list(seen)
        missing = tuple(item for item in wanted if not _take_one(leftover, item))
        if missing:
            raise AssertionError(incomplete(missing, leftover)) from cause


def _take_one(pool, item):
    """Remove the first entry of `pool` equal to `item`; whether there was one."""
    for position, candidate in enumerate(pool):
        if candidate == item:
            del pool[position]
            return True
    return False


_RAN_OUT = object()


def _side_effect_outcome(effect, args, kwargs, ran_out):
    """What `effect` (an exception, a function or an iterator) gives for one
    call; DEFAULT means "use the return value". `ran_out` is raised when an
    iterator is exhausted."""
    if _is_exception(effect):
        raise effect
    if callable(effect):
        return effect(*args, **kwargs)
    outcome = next(effect, _RAN_OUT)
    if outcome is _RAN_OUT:
        raise ran_out
    if _is_exception(outcome):
        raise outcome
    return outcome


def _defined_on_class(cls, name):
    for klass in cls.__mro__:
        if name in klass.__dict__:
            return not isinstance(klass.__dict__[name], _MagicSlot)
    return False


def _is_mock_value(value):
    return _mock_of(value) is not None


def _names_of_spec(spec):
    if isinstance(spec, (list, tuple)):
        return set(spec)
    return set(dir(spec))


def _child_class(mock, link):
    """The class of a child made for `mock` by attribute `link` (or "()")."""
    if link in _ASYNC_MAGIC_NAMES:
        return AsyncMock
    if link in _MAGIC_NAMES:
        return MagicMock
    ledger = _ledger(mock)
    if ledger.spec is not None and link not in (None, "()"):
        try:
            member = _stored_member(ledger.spec, link)
        except AttributeError:
            member = None
        if member is not None and _is_async_callable(member):
            return AsyncMock
    declared = _declared_class(mock)
    if issubclass(declared, AsyncMock):
        return AsyncMock
    if issubclass(declared, Mock):
        return declared
    if issubclass(declared, _MagicSupport):
        return MagicMock
    return Mock


class Mock(NonCallableMock):
    """A callable mock: calling it records the call and answers with its
    side effect, its return value, or what the object it wraps returns."""

    def __init__(self, spec=None, side_effect=None, return_value=DEFAULT, wraps=None,
                 name=None, spec_set=None, unsafe=False, **kwargs):
        super().__init__(spec, wraps, name, spec_set, unsafe, return_value=return_value,
                         side_effect=side_effect, **kwargs)

    def __call__(self, /, *args, **kwargs):
        self._note_call(args, kwargs)
        return self._answer(args, kwargs)


class _MagicSupport:
    """Marks mock classes whose magic methods are configured by default."""


class MagicMock(_MagicSupport, Mock):
    """A Mock with the magic methods (`__len__`, `__iter__`, operators, ...)
    preconfigured."""


class NonCallableMagicMock(_MagicSupport, NonCallableMock):
    """A MagicMock that cannot be called."""


async def _coroutine_template():
    pass


class AsyncMock(_MagicSupport, Mock):
    """A mock whose calls return awaitables; awaiting runs the side effect
    and gives the return value, and is recorded in the `await_*` records."""

    def __init__(self, /, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # What `inspect.iscoroutinefunction` looks at.
        self.__dict__["__code__"] = _coroutine_template.__code__
        self.__dict__["__name__"] = "AsyncMock"
        self.__dict__["__defaults__"] = ()
        self.__dict__["__kwdefaults__"] = {}
        self.__dict__["__annotations__"] = None

    def __call__(self, /, *args, **kwargs):
        self._note_call(args, kwargs)
        return self._awaited(args, kwargs)

    async def _awaited(self, args, kwargs):
        ledger = _ledger(self)
        ledger.await_count += 1
        record = _Call((args, kwargs), two=True)
        ledger.await_args = record
        ledger.await_args_list.append(record)
        if ledger.side_effect is not None:
            outcome = _side_effect_outcome(ledger.side_effect, args, kwargs, StopAsyncIteration)
            if inspect.isawaitable(outcome) and _is_async_callable(ledger.side_effect):
                outcome = await outcome
            if outcome is not DEFAULT:
                return outcome
        outcome = self._configured_answer(args, kwargs)
        if ledger.return_value is DEFAULT and ledger.wraps is not None and \
                inspect.isawaitable(outcome):
            outcome = await outcome
        return outcome

    await_count = _record_view("await_count")
    await_args = _record_view("await_args")
    await_args_list = _record_view("await_args_list")

    def assert_awaited(self):
        """Fail unless the mock was awaited at least once."""
        self._insist(bool, "Expected {name} to have been awaited.", "await_count")

    def assert_awaited_once(self):
        """Fail unless the mock was awaited exactly once."""
        self._insist((1).__eq__, "Expected {name} to have been awaited once. "
                                 "Awaited {count} times.", "await_count")

    def assert_not_awaited(self):
        """Fail if the mock was awaited."""
        self._insist((0).__eq__, "Expected {name} to not have been awaited. "
                                 "Awaited {count} times.", "await_count")

    def assert_awaited_with(self, /, *args, **kwargs):
        """Fail unless the last await had these arguments."""
        last = _ledger(self).await_args
        if last is None:
            raise AssertionError(f"Expected await: {self._shown(args, kwargs)}\nNot awaited")
        self._check_last(last, args, kwargs, "await", "")

    def assert_awaited_once_with(self, /, *args, **kwargs):
        """Fail unless the mock was awaited exactly once, with these arguments."""
        self.assert_awaited_once()
        self.assert_awaited_with(*args, **kwargs)

    def assert_any_await(self, /, *args, **kwargs):
        """Fail unless some await had these arguments."""
        self._check_any(_ledger(self).await_args_list, args, kwargs, "await")

    def assert_has_awaits(self, calls, any_order=False):
        """Fail unless `calls` appear among the awaits: in a row, or (with
        `any_order`) anywhere."""
        records = _ledger(self).await_args_list
        self._require_calls(
            records, calls, any_order,
            lambda fitted: f"Awaits not found.\nExpected: {_CallList(calls)!r}\nActual: {records!r}",
            lambda missing, leftover: f"{missing!r} not all found in await list",
        )


class PropertyMock(Mock):
    """A mock to set on a class as a property: getting the attribute calls
    it with no arguments, setting it calls it with the value."""

    def _get_child_mock(self, /, **kw):
        return MagicMock(**kw)

    def __get__(self, obj, obj_type=None):
        return self()

    def __set__(self, obj, value):
        self(value)


def seal(mock):
    """Stop `mock` and its children from making new attributes: asking for
    one raises AttributeError."""
    inner = _mock_of(mock)
    ledger = _ledger(inner)
    ledger.sealed = True
    owned = list(ledger.children.values())
    owned.append(ledger.return_value)
    for child in owned:
        child_mock = _mock_of(child)
        if child_mock is not None and _ledger(child_mock).owner is inner:
            seal(child_mock)


# ---------------------------------------------------------------------------
# create_autospec


def _callable_kind(obj):
    return (
        AsyncMock if _is_async_callable(obj) else MagicMock
    )


def create_autospec(spec, spec_set=False, instance=False, _parent=None, _name=None,
                    *, unsafe=False, **kwargs):
    """A mock shaped like `spec`: only its attributes exist, and calls to it
    and its methods must fit their signatures. A function spec gives a
    function that records its calls in `.mock`."""
    if isinstance(spec, (list, tuple)):
        spec = type(spec)
    if _mock_of(spec) is not None:
        raise InvalidSpecError(f"Cannot autospec a Mock object. [object={spec!r}]")
    is_class = isinstance(spec, type)
    options = dict(kwargs)
    options["unsafe"] = unsafe
    if _parent is not None:
        options["_owner"] = _parent
        options["_link"] = _name
    elif _name is not None:
        options["name"] = _name
    locked = {"spec_set": spec} if spec_set else {"spec": spec}
    if isinstance(spec, (types.FunctionType, types.BuiltinFunctionType, types.MethodType,
                         functools.partial)):
        signature = _signature_of(spec)
        mock = _callable_kind(spec)(**locked, _signature=signature,
                                    _autospec_source=spec, _autospec_instance=True, **options)
        if isinstance(spec, (types.FunctionType, types.MethodType)) and _parent is None:
            return _function_facade(spec, mock)
        return mock
    if is_class and not instance:
        kind = MagicMock
        signature = _signature_of(spec)
    elif callable(spec) and (not is_class or "__call__" in dir(spec)):
        kind = MagicMock
        signature = _signature_of(_stored_class_member(spec, "__call__"), drop_first=True) \
            if is_class else _signature_of(spec)
    else:
        kind = NonCallableMagicMock
        signature = None
    return kind(**locked, _signature=signature, _autospec_source=spec,
                _autospec_instance=instance or not is_class, **options)


def _autospec_member(owner, name):
    """The autospecced child `name` of the autospecced mock `owner`."""
    ledger = _ledger(owner)
    source = ledger.autospec_source
    try:
        raw = _stored_member(source, name)
    except AttributeError:
        raw = getattr(source, name)
    locked = ledger.spec_locked
    if isinstance(raw, property) or (
        hasattr(type(raw), "__get__") and hasattr(type(raw), "__set__")
        and not isinstance(raw, (types.FunctionType, staticmethod, classmethod))
    ):
        return owner._get_child_mock(_owner=owner, _link=name)
    if isinstance(raw, staticmethod):
        target, drop_first = raw.__func__, False
    elif isinstance(raw, classmethod):
        target, drop_first = getattr(source, name), False
    elif isinstance(raw, types.FunctionType) and not isinstance(source, types.ModuleType):
        target, drop_first = raw, True
    else:
        target = getattr(source, name)
        if isinstance(target, type) or not callable(target):
            return create_autospec(target, spec_set=locked, instance=not isinstance(target, type)
                                   and not callable(target), _parent=owner, _name=name)
        drop_first = False
    signature = _signature_of(target, drop_first=drop_first)
    keyword = "spec_set" if locked else "spec"
    return _callable_kind(target)(**{keyword: target}, _signature=signature,
                                  _autospec_source=target, _autospec_instance=True,
                                  _owner=owner, _link=name)


# The autospecced function mirrors these attributes of its mock.
_MIRRORED = ("called", "call_count", "call_args", "call_args_list", "mock_calls",
             "method_calls", "return_value", "side_effect")
_MIRRORED_METHODS = ("assert_called_with", "assert_called_once_with", "assert_has_calls",
                     "assert_any_call", "assert_called", "assert_called_once",
                     "assert_not_called")


def _function_facade(original, mock):
    """A real function with `original`'s signature that checks its arguments
    and passes the call to `mock`. Its `return_value`, `call_args` and the
    other records mirror the mock's, refreshed on each call; what the test
    sets on the function is passed on to the mock at the next call."""
    signature = _ledger(mock).signature
    pushed = {}

    def refresh():
        for field in _MIRRORED:
            value = getattr(mock, field)
            facade.__dict__[field] = value
            pushed[field] = value

    def facade(*args, **kwargs):
        for field in ("return_value", "side_effect"):
            value = facade.__dict__.get(field)
            if value is not pushed.get(field):
                setattr(mock, field, value)
        try:
            return mock(*args, **kwargs)
        finally:
            refresh()

    def reset_mock(*args, **kwargs):
        mock.reset_mock(*args, **kwargs)
        refresh()

    facade.__name__ = facade.__qualname__ = original.__name__
    if signature is not None:
        facade.__signature__ = signature
    facade.mock = mock
    facade.reset_mock = reset_mock
    for method in _MIRRORED_METHODS:
        setattr(facade, method, getattr(mock, method))
    refresh()
    return facade


# ---------------------------------------------------------------------------
# patch


def _import_dotted(path):
    """The object a dotted path names, importing modules along the way."""
    import importlib

    parts = path.split(".")
    found = importlib.import_module(parts[0])
    so_far = parts[0]
    for part in parts[1:]:
        so_far += "." + part
        try:
            found = getattr(found, part)
        except AttributeError:
            importlib.import_module(so_far)
            found = getattr(found, part)
    return found


_running_patches = []
_TYPO_OPTIONS = ("autospect", "auto_spec", "set_spec")


def _reject_typos(kwargs, unsafe):
    if unsafe:
        return
    for option in _TYPO_OPTIONS:
        if option in kwargs:
            raise RuntimeError(f"{option!r} might be a typo; use unsafe=True if this is intended")


def _wrap_with_patches(patcher, func):
    """Decorate `func` so `patcher` (and any patchers stacked on it since)
    is active while it runs; mocks the patchers make are passed as extra
    positional arguments, patch.multiple's as keyword arguments."""
    if getattr(func, "_patch_runner", None) is func:
        func.patchings.append(patcher)
        return func

    def enter_all(stack, args, kwargs):
        extra = []
        for each in runner.patchings:
            made = stack.enter_context(each)
            if each.attribute_name is not None:
                kwargs.update(made)
            elif each.new is DEFAULT:
                extra.append(made)
        return (*args, *extra), kwargs

    if inspect.iscoroutinefunction(func):
        @functools.wraps(func)
        async def runner(*args, **kwargs):
            with contextlib.ExitStack() as stack:
                args, kwargs = enter_all(stack, args, kwargs)
                return await func(*args, **kwargs)
    else:
        @functools.wraps(func)
        def runner(*args, **kwargs):
            with contextlib.ExitStack() as stack:
                args, kwargs = enter_all(stack, args, kwargs)
                return func(*args, **kwargs)

    runner.patchings = [patcher]
    runner._patch_runner = runner
    return runner


def _decorate_test_class(klass, decorate_one):
    for name in dir(klass):
        if not name.startswith(patch.TEST_PREFIX):
            continue
        member = getattr(klass, name)
        if callable(member) and not isinstance(member, type):
            setattr(klass, name, decorate_one(member))
    return klass


class _Toggle:
    """What every patcher offers on top of its __enter__/__exit__: start()
    and stop(), and use as a decorator of functions and test classes."""

    def start(self):
        """Apply the patch until stop() (or patch.stopall())."""
        applied = self.__enter__()
        _running_patches.append(self)
        return applied

    def stop(self):
        """Undo the patch; None if it was not applied."""
        if self in _running_patches:
            _running_patches.remove(self)
        return self.__exit__(None, None, None)

    def __call__(self, func):
        if isinstance(func, type):
            return _decorate_test_class(func, lambda member: self.copy()(member))
        return self._decorate(func)

    def _decorate(self, func):
        return _wrap_with_patches(self, func)


def _check_patch_settings(settings, extra):
    if settings["new_callable"] is not None:
        if settings["new"] is not DEFAULT:
            raise ValueError("Cannot use 'new' and 'new_callable' together")
        if settings["autospec"] is not None:
            raise ValueError("Cannot use 'autospec' and 'new_callable' together")
    _reject_typos(extra, settings["unsafe"])


class _Patcher(_Toggle):
    """One patch of one attribute. `settings` holds patch()'s named options,
    `extra` the keyword arguments meant for the mock it makes."""

    def __init__(self, locate, attribute, settings, extra):
        _check_patch_settings(settings, extra)
        self.locate, self.attribute = locate, attribute
        self.settings, self.extra = settings, extra
        # Set by patch.multiple: its mocks are passed by keyword.
        self.attribute_name = None
        self._active = None

    @property
    def new(self):
        return self.settings["new"]

    def copy(self):
        twin = _Patcher(self.locate, self.attribute, dict(self.settings), dict(self.extra))
        twin.attribute_name = self.attribute_name
        return twin

    def _original(self, target):
        name = self.attribute
        try:
            return target.__dict__[name], True
        except (AttributeError, KeyError, TypeError):
            found = getattr(target, name, DEFAULT)
        creatable = self.settings["create"] or (
            isinstance(target, types.ModuleType) and hasattr(builtins, name))
        if found is DEFAULT and not creatable:
            raise AttributeError(f"{target} does not have the attribute {name!r}")
        return found, False

    def _replacement(self, target, original):
        settings = self.settings
        spec, spec_set, autospec = settings["spec"], settings["spec_set"], settings["autospec"]
        if spec is not None and autospec is not None:
            raise TypeError("Can't specify spec and autospec")
        if autospec not in (None, False):
            return self._autospecced(target, original)
        if settings["new"] is not DEFAULT:
            if self.extra:
                raise TypeError("Can't pass kwargs to a mock we aren't creating")
            return settings["new"]
        if spec is True:
            spec = original
        if spec_set is True:
            spec, spec_set = None, original
        shape = spec_set if spec is None else spec
        maker = settings["new_callable"] or _mock_class_for(shape, original)
        options = {key: value for key, value in (("spec", spec), ("spec_set", spec_set))
                   if value is not None}
        if isinstance(maker, type) and issubclass(maker, NonCallableMock):
            options["name"] = self.attribute
        options.update(self.extra)
        made = maker(**options)
        if isinstance(shape, type) and _mock_of(made) is not None and \
                "return_value" not in self.extra:
            # Instances of a specced class are specced too.
            keyword = "spec" if spec is not None else "spec_set"
            made.return_value = NonCallableMagicMock(**{keyword: shape}, _owner=made, _link="()")
        return made

    def _autospecced(self, target, original):
        if self.settings["new"] is not DEFAULT:
            raise TypeError("autospec creates the mock for you. Can't specify autospec and new.")
        if original is DEFAULT:
            raise TypeError("Can't use 'autospec' with create=True")
        autospec = self.settings["autospec"]
        shape = original if autospec is True else autospec
        if isinstance(shape, (classmethod, staticmethod)):
            shape = getattr(target, self.attribute)
        return create_autospec(shape, spec_set=bool(self.settings["spec_set"]),
                               _name=self.attribute, **self.extra)

    def __enter__(self):
        target = self.locate()
        original, local = self._original(target)
        replacement = self._replacement(target, original)
        setattr(target, self.attribute, replacement)
        self._active = (target, original, local)
        if self.attribute_name is None:
            return replacement
        return {self.attribute_name: replacement} if self.new is DEFAULT else {}

    def __exit__(self, *exc_info):
        if self._active is None:
            return None
        target, original, local = self._active
        self._active = None
        if local and original is not DEFAULT:
            setattr(target, self.attribute, original)
            return None
        delattr(target, self.attribute)
        if original is not DEFAULT and not self.settings["create"] and \
                not hasattr(target, self.attribute):
            setattr(target, self.attribute, original)
        return None


def _mock_class_for(shape, original):
    """The mock class patch() makes for a spec `shape` (or, without one,
    for the `original` it replaces)."""
    if shape is None:
        async_original = original is not DEFAULT and _is_async_callable(original)
        return AsyncMock if async_original else MagicMock
    if _is_async_callable(shape):
        return AsyncMock
    if isinstance(shape, (list, tuple)) or callable(shape):
        return MagicMock
    return NonCallableMagicMock


class _MultiPatcher(_Toggle):
    """patch.multiple: several attributes of one target patched together."""

    new = DEFAULT

    def __init__(self, parts):
        self.parts = parts
        self.attribute_name = parts[0].attribute

    def copy(self):
        return _MultiPatcher([part.copy() for part in self.parts])

    def __enter__(self):
        made = {}
        with contextlib.ExitStack() as undo_on_failure:
            for part in self.parts:
                made.update(part.__enter__())
                undo_on_failure.callback(part.__exit__, None, None, None)
            undo_on_failure.pop_all()
        return made

    def __exit__(self, *exc_info):
        for part in reversed(self.parts):
            part.__exit__(*exc_info)
        return None


def _locator_for(dotted):
    if not isinstance(dotted, str) or "." not in dotted:
        raise TypeError(f"Need a valid target to patch. You supplied: {dotted!r}")
    owner, attribute = dotted.rsplit(".", 1)
    return (lambda: _import_dotted(owner)), attribute


def patch(target, new=DEFAULT, spec=None, create=False, spec_set=None, autospec=None,
          new_callable=None, *, unsafe=False, **kwargs):
    """Replace the object named by the dotted path `target` (by default with
    a MagicMock) while a decorated function runs, inside a `with` block, or
    between start() and stop()."""
    locate, attribute = _locator_for(target)
    settings = dict(new=new, spec=spec, create=create, spec_set=spec_set,
                    autospec=autospec, new_callable=new_callable, unsafe=unsafe)
    return _Patcher(locate, attribute, settings, kwargs)


def _patch_object(target, attribute, new=DEFAULT, spec=None, create=False, spec_set=None,
                  autospec=None, new_callable=None, *, unsafe=False, **kwargs):
    """patch.object: patch attribute `attribute` of the object `target`."""
    if isinstance(target, str):
        raise TypeError(f"{target!r} must be the actual object to be patched, not a str")
    settings = dict(new=new, spec=spec, create=create, spec_set=spec_set,
                    autospec=autospec, new_callable=new_callable, unsafe=unsafe)
    return _Patcher(lambda: target, attribute, settings, kwargs)


def _patch_multiple(target, spec=None, create=False, spec_set=None, autospec=None,
                    new_callable=None, **kwargs):
    """patch.multiple: patch several attributes of `target` (an object or a
    dotted path) given as keyword arguments; DEFAULT values become mocks,
    passed to a decorated function as keyword arguments."""
    if not kwargs:
        raise ValueError("Must supply at least one keyword argument with patch.multiple")
    locate = functools.partial(_import_dotted, target) if isinstance(target, str) \
        else (lambda: target)
    parts = []
    for attribute, new in kwargs.items():
        settings = dict(new=new, spec=spec, create=create, spec_set=spec_set,
                        autospec=autospec, new_callable=new_callable, unsafe=False)
        part = _Patcher(locate, attribute, settings, {})
        part.attribute_name = attribute
        parts.append(part)
    return _MultiPatcher(parts)


class _DictPatcher(_Toggle):
    """patch.dict: set keys of a dictionary (or clear it) for a while, then
    put back exactly what was there."""

    def __init__(self, in_dict, values=(), clear=False, **kwargs):
        self.in_dict = in_dict
        self.updates = {**dict(values), **kwargs}
        self.clear = clear
        self._undo = None

    def copy(self):
        return _DictPatcher(self.in_dict, self.updates, self.clear)

    def _decorate(self, func):
        if inspect.iscoroutinefunction(func):
            @functools.wraps(func)
            async def runner(*args, **kwargs):
                with self.copy():
                    return await func(*args, **kwargs)
        else:
            @functools.wraps(func)
            def runner(*args, **kwargs):
                with self.copy():
                    return func(*args, **kwargs)
        return runner

    def __enter__(self):
        target = self.in_dict
        if isinstance(target, str):
            target = _import_dotted(target)
        try:
            saved = target.copy()
        except AttributeError:
            saved = {key: target[key] for key in target}
        self._undo = (target, saved)
        if self.clear:
            _empty_mapping(target)
        _fill_mapping(target, self.updates)
        return target

    def __exit__(self, *exc_info):
        if self._undo is None:
            return False
        target, saved = self._undo
        self._undo = None
        _empty_mapping(target)
        _fill_mapping(target, saved)
        return False


def _fill_mapping(target, items):
    try:
        target.update(items)
    except AttributeError:
        for key, value in items.items():
            target[key] = value


def _empty_mapping(target):
    try:
        target.clear()
    except AttributeError:
        for key in list(target):
            del target[key]


def _stop_all():
    """patch.stopall: stop every patch started with start(), newest first."""
    while _running_patches:
        _running_patches[-1].stop()


patch.object = _patch_object
patch.dict = _DictPatcher
patch.multiple = _patch_multiple
patch.stopall = _stop_all
patch.TEST_PREFIX = "test"


# ---------------------------------------------------------------------------
# mock_open

_FILE_METHOD_NAMES = None


def _file_method_names():
    global _FILE_METHOD_NAMES
    if _FILE_METHOD_NAMES is None:
        _FILE_METHOD_NAMES = sorted(set(dir(io.TextIOWrapper)) | set(dir(io.BytesIO)))
    return _FILE_METHOD_NAMES


def mock_open(mock=None, read_data=""):
    """A mock of the builtin `open`: each call hands out the same file handle
    mock, rewound to the start of `read_data` for read(), readline(),
    readlines() and iteration; writes are recorded on `handle.write`."""
    state = {"stream": None}

    def rewind():
        state["stream"] = (io.BytesIO if isinstance(read_data, bytes) else io.StringIO)(read_data)

    def reader(method_name, use):
        def effect(*args, **kwargs):
            if _ledger(getattr(handle, method_name)).return_value is not DEFAULT:
                return DEFAULT
            return use(state["stream"], *args, **kwargs)
        return effect

    def next_line(stream):
        line = stream.readline()
        if not line:
            raise StopIteration
        return line

    if mock is None:
        mock = MagicMock(name="open", spec=sorted(set(dir(builtins.open))))
    handle = MagicMock(spec=_file_method_names())
    handle.__enter__.return_value = handle
    handle.write.return_value = None
    handle.read.side_effect = reader("read", lambda stream, *a: stream.read(*a))
    handle.readline.side_effect = reader("readline", lambda stream, *a: stream.readline(*a))
    handle.readlines.side_effect = reader("readlines", lambda stream, *a: stream.readlines(*a))
    handle.__iter__.side_effect = lambda: iter(state["stream"].readlines())
    handle.__next__.side_effect = lambda: next_line(state["stream"])
    rewind()

    def on_open(*args, **kwargs):
        rewind()
        return DEFAULT

    mock.side_effect = on_open
    mock.return_value = handle
    return mock
