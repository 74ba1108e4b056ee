# `unittest.mock`: mock objects that record how they are used, and `patch`
# to put them in place of real objects for the length of a test.
#
# How it works. Every mock is an instance of its own class, made on the fly
# in `NonCallableMock.__new__`, so that magic methods configured on one mock
# (which Python looks up on the type) do not leak to others. Attributes that
# do not exist are made on first access (`__getattr__`) as child mocks; each
# child knows its parent and its name, so calls are recorded up the chain in
# `mock_calls` and `method_calls`. A mock's own state lives in its instance
# dictionary under `_mock_*` names, written with object.__setattr__ so that
# the mock's own __setattr__ (which records children) is not involved.
#
# Failure messages are CPython 3.11's.

import contextlib
import io
import inspect
import pprint
import sys
from types import CodeType, ModuleType, MethodType
from unittest.util import safe_repr
from functools import wraps, partial

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


class InvalidSpecError(Exception):
    """Indicates that an invalid value was used as a mock spec."""


FILTER_DIR = True

_safe_super = super


def _store(obj, name, value):
    # Sets a mock's internal state, around its __setattr__.
    object.__setattr__(obj, name, value)


def _own_attributes(obj):
    try:
        return vars(obj)
    except TypeError:
        return {}


def _builtin_names():
    try:
        import builtins
    except ImportError:
        # A towel without a `builtins` module: nothing is treated as one.
        return frozenset()
    return frozenset(name for name in dir(builtins) if not name.startswith("_"))


# -- Coroutine functions -------------------------------------------------------

def _coroutine_marker():
    # What asyncio.iscoroutinefunction looks for on objects that are not
    # functions (AsyncMock sets it on itself).
    import asyncio
    coroutines = getattr(asyncio, "coroutines", None)
    marker = getattr(coroutines, "_is_coroutine", None)
    return marker if marker is not None else _private_coroutine_marker


_private_coroutine_marker = object()


def iscoroutinefunction(obj):
    """asyncio.iscoroutinefunction: a coroutine function, or marked as one."""
    return inspect.iscoroutinefunction(obj) or getattr(obj, "_is_coroutine", None) is _coroutine_marker()


def _is_async_obj(obj):
    if _is_instance_mock(obj) and not isinstance(obj, AsyncMock):
        return False
    if hasattr(obj, "__func__"):
        obj = getattr(obj, "__func__")
    return iscoroutinefunction(obj) or inspect.isawaitable(obj)


def _is_async_func(func):
    if getattr(func, "__code__", None):
        return iscoroutinefunction(func)
    return False


def _is_instance_mock(obj):
    # isinstance would ask the mock's __class__, which a spec changes.
    return issubclass(type(obj), NonCallableMock)


def _is_exception(obj):
    return isinstance(obj, BaseException) or (isinstance(obj, type) and issubclass(obj, BaseException))


def _extract_mock(obj):
    # An autospecced function carries its mock as `.mock`.
    if isinstance(obj, FunctionTypes) and hasattr(obj, "mock"):
        return obj.mock
    return obj


def _get_signature_object(func, as_instance, eat_self):
    """(callable, inspect.Signature) for what calls to a mock of func must
    match, or None when there is no signature to check."""
    if isinstance(func, type) and not as_instance:
        # A class is called through __init__, whose self is not passed.
        func = func.__init__
        eat_self = True
    elif isinstance(func, (classmethod, staticmethod)):
        if isinstance(func, classmethod):
            eat_self = True
        func = func.__func__
    elif not isinstance(func, FunctionTypes):
        # An instance is called through its type's __call__.
        try:
            func = func.__call__
        except AttributeError:
            return None
    signature_of = partial(func, None) if eat_self else func
    try:
        return func, inspect.signature(signature_of)
    except ValueError:
        return None


def _check_signature(func, mock, skipfirst, instance=False):
    found = _get_signature_object(func, instance, skipfirst)
    if found is None:
        return
    func, sig = found

    def checksig(self, /, *args, **kwargs):
        sig.bind(*args, **kwargs)
    _copy_func_details(func, checksig)
    type(mock)._mock_check_sig = checksig
    type(mock).__signature__ = sig


def _copy_func_details(func, funcopy):
    # Not __dict__: the original's attributes are what is being mocked.
    for attribute in ("__name__", "__doc__", "__text_signature__", "__module__", "__defaults__", "__kwdefaults__"):
        try:
            setattr(funcopy, attribute, getattr(func, attribute))
        except AttributeError:
            pass


def _has_call(obj):
    # getattr(obj, "__call__", None) is not None; towel's functions and
    # methods have no __call__ attribute yet, so callable() answers for them.
    return getattr(obj, "__call__", None) is not None or callable(obj)


def _callable(obj):
    if isinstance(obj, type):
        return True
    if isinstance(obj, (staticmethod, classmethod, MethodType)):
        return _callable(obj.__func__)
    return _has_call(obj)


def _is_list(obj):
    return type(obj) in (list, tuple)


def _instance_callable(obj):
    """Whether obj (or, for a class, its instances) can be called."""
    if not isinstance(obj, type):
        return _has_call(obj)
    for base in (obj,) + obj.__mro__:
        if base.__dict__.get("__call__") is not None:
            return True
    return False


def _set_signature(mock, original, instance=False):
    # A real function with the original's signature that checks its
    # arguments and hands the call to the mock (inspect sees a function).
    skipfirst = isinstance(original, type)
    found = _get_signature_object(original, instance, skipfirst)
    if found is None:
        return mock
    func, sig = found

    def checksig(*args, **kwargs):
        sig.bind(*args, **kwargs)
    _copy_func_details(func, checksig)

    def funcopy(*args, **kwargs):
        checksig(*args, **kwargs)
        return mock(*args, **kwargs)
    name = original.__name__
    if not name.isidentifier():
        name = "funcopy"
    funcopy.__name__ = funcopy.__qualname__ = name
    _setup_func(funcopy, mock, sig)
    return funcopy


def _setup_func(funcopy, mock, sig):
    # The autospecced function offers the mock's asserts and state.
    funcopy.mock = mock

    def assert_called_with(*args, **kwargs):
        return mock.assert_called_with(*args, **kwargs)

    def assert_called(*args, **kwargs):
        return mock.assert_called(*args, **kwargs)

    def assert_not_called(*args, **kwargs):
        return mock.assert_not_called(*args, **kwargs)

    def assert_called_once(*args, **kwargs):
        return mock.assert_called_once(*args, **kwargs)

    def assert_called_once_with(*args, **kwargs):
        return mock.assert_called_once_with(*args, **kwargs)

    def assert_has_calls(*args, **kwargs):
        return mock.assert_has_calls(*args, **kwargs)

    def assert_any_call(*args, **kwargs):
        return mock.assert_any_call(*args, **kwargs)

    def reset_mock():
        funcopy.method_calls = _CallList()
        funcopy.mock_calls = _CallList()
        mock.reset_mock()
        ret = funcopy.return_value
        if _is_instance_mock(ret) and ret is not mock:
            ret.reset_mock()

    funcopy.called = False
    funcopy.call_count = 0
    funcopy.call_args = None
    funcopy.call_args_list = _CallList()
    funcopy.method_calls = _CallList()
    funcopy.mock_calls = _CallList()
    funcopy.return_value = mock.return_value
    funcopy.side_effect = mock.side_effect
    funcopy._mock_children = mock._mock_children
    funcopy.assert_called_with = assert_called_with
    funcopy.assert_called_once_with = assert_called_once_with
    funcopy.assert_has_calls = assert_has_calls
    funcopy.assert_any_call = assert_any_call
    funcopy.reset_mock = reset_mock
    funcopy.assert_called = assert_called
    funcopy.assert_not_called = assert_not_called
    funcopy.assert_called_once = assert_called_once
    funcopy.__signature__ = sig
    _store(mock, "_mock_delegate", funcopy)


def _setup_async_mock(mock):
    mock._is_coroutine = _coroutine_marker()
    mock.await_count = 0
    mock.await_args = None
    mock.await_args_list = _CallList()

    def wrapper(attr, /, *args, **kwargs):
        return getattr(mock.mock, attr)(*args, **kwargs)
    for attribute in ("assert_awaited", "assert_awaited_once", "assert_awaited_with",
                      "assert_awaited_once_with", "assert_any_await", "assert_has_awaits",
                      "assert_not_awaited"):
        setattr(mock, attribute, partial(wrapper, attribute))


def _is_magic(name):
    return "__%s__" % name[2:-2] == name


# -- sentinel, DEFAULT, ANY ------------------------------------------------------

class _SentinelObject(object):
    "A unique, named, sentinel object."

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "sentinel.%s" % self.name

    def __reduce__(self):
        return "sentinel.%s" % self.name


class _Sentinel(object):
    """Access attributes to return a named object, usable as a sentinel."""

    def __init__(self):
        self._sentinels = {}

    def __getattr__(self, name):
        if name == "__bases__":
            raise AttributeError
        return self._sentinels.setdefault(name, _SentinelObject(name))

    def __reduce__(self):
        return "sentinel"


sentinel = _Sentinel()

DEFAULT = sentinel.DEFAULT
_missing = sentinel.MISSING
_deleted = sentinel.DELETED


class _ANY(object):
    "A helper object that compares equal to everything."

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    def __repr__(self):
        return "<ANY>"


ANY = _ANY()


# -- Recorded calls ----------------------------------------------------------------

def _format_call_signature(name, args, kwargs):
    parts = [repr(arg) for arg in args]
    parts.extend("%s=%r" % (key, value) for key, value in kwargs.items())
    return "%s(%s)" % (name, ", ".join(parts))


class _CallList(list):
    """A list of calls; `in` also finds a list of calls as a contiguous run."""

    def __contains__(self, value):
        if not isinstance(value, list):
            return list.__contains__(self, value)
        run = len(value)
        for start in range(0, len(self) - run + 1):
            if self[start:start + run] == value:
                return True
        return False

    def __repr__(self):
        return pprint.pformat(list(self))


def _call_parts(value, name=""):
    # (name, args, kwargs) from the shapes a call may be written as:
    # (), (name,), (args,), (kwargs,), (name, args), (name, kwargs),
    # (args, kwargs), (name, args, kwargs); `name` when it has none.
    args, kwargs = (), {}
    if len(value) == 3:
        name, args, kwargs = value
    elif len(value) == 2:
        first, second = value
        if isinstance(first, str):
            name = first
            if isinstance(second, tuple):
                args = second
            else:
                kwargs = second
        else:
            args, kwargs = first, second
    elif len(value) == 1:
        only, = value
        if isinstance(only, str):
            name = only
        elif isinstance(only, tuple):
            args = only
        else:
            kwargs = only
    return name, args, kwargs


class _Call(tuple):
    """A call: (args, kwargs) or (name, args, kwargs). Compares equal to the
    shorter tuples call() may be written as; a call without a name matches
    any name. `call.name(...)` builds calls to compare with mock_calls."""

    def __new__(cls, value=(), name="", parent=None, two=False, from_kall=True):
        name, args, kwargs = _call_parts(value, name)
        if two:
            return tuple.__new__(cls, (args, kwargs))
        return tuple.__new__(cls, (name, args, kwargs))

    def __init__(self, value=(), name=None, parent=None, two=False, from_kall=True):
        self._mock_name = name
        self._mock_parent = parent
        self._mock_from_kall = from_kall

    def __eq__(self, other):
        try:
            len(other)
        except TypeError:
            return NotImplemented
        if len(self) == 2:
            self_name = ""
            self_args, self_kwargs = self
        else:
            self_name, self_args, self_kwargs = self
        if (getattr(self, "_mock_parent", None) and getattr(other, "_mock_parent", None)
                and self._mock_parent != other._mock_parent):
            return False
        if len(other) > 3:
            return False
        other_name, other_args, other_kwargs = _call_parts(other)
        if self_name and other_name != self_name:
            return False
        # `other` on the left, so that ANY in the expected call decides.
        return (other_args, other_kwargs) == (self_args, self_kwargs)

    __ne__ = object.__ne__

    def __call__(self, /, *args, **kwargs):
        if self._mock_name is None:
            return _Call(("", args, kwargs), name="()")
        return _Call((self._mock_name, args, kwargs), name=self._mock_name + "()", parent=self)

    def __getattr__(self, attr):
        if self._mock_name is None:
            return _Call(name=attr, from_kall=False)
        return _Call(name="%s.%s" % (self._mock_name, attr), parent=self, from_kall=False)

    def __getattribute__(self, attr):
        # tuple's own methods (count, index) would hide call.count(...).
        if attr in tuple.__dict__:
            raise AttributeError
        return tuple.__getattribute__(self, attr)

    # The same for interpreters that look tuple's methods up before
    # __getattribute__ (towel, so far).
    count = property(lambda self: self.__getattr__("count"))
    index = property(lambda self: self.__getattr__("index"))

    def _get_call_arguments(self):
        if len(self) == 2:
            return tuple(self)
        return self[1], self[2]

    @property
    def args(self):
        return self._get_call_arguments()[0]

    @property
    def kwargs(self):
        return self._get_call_arguments()[1]

    def __repr__(self):
        if not self._mock_from_kall:
            name = self._mock_name or "call"
            if name.startswith("()"):
                name = "call%s" % name
            return name
        if len(self) == 2:
            name = "call"
            args, kwargs = self
        else:
            name, args, kwargs = self
            if not name:
                name = "call"
            elif name.startswith("()"):
                name = "call%s" % name
            else:
                name = "call.%s" % name
        return _format_call_signature(name, args, kwargs)

    def call_list(self):
        """The calls of a chained call (call.a(1).b(2)), outermost first."""
        calls = []
        thing = self
        while thing is not None:
            if thing._mock_from_kall:
                calls.append(thing)
            thing = thing._mock_parent
        return _CallList(reversed(calls))


call = _Call(from_kall=False)


class _AnyComparer(list):
    # A list of calls whose `in` compares with the expected call on the
    # left, so that ANY inside it matches.
    def __contains__(self, item):
        for candidate in self:
            assert len(item) == len(candidate)
            if all([expected == actual for expected, actual in zip(item, candidate)]):
                return True
        return False


# -- Mocks ---------------------------------------------------------------------------

_allowed_names = {
    "return_value", "_mock_return_value", "side_effect",
    "_mock_side_effect", "_mock_parent", "_mock_new_parent",
    "_mock_name", "_mock_new_name",
}


def _delegating_property(name):
    # A property kept in `_mock_<name>`, or on the autospecced function
    # the mock serves (`_mock_delegate`) when there is one.
    _allowed_names.add(name)
    own = "_mock_" + name

    def getter(self, name=name, own=own):
        delegate = self._mock_delegate
        if delegate is None:
            return getattr(self, own)
        return getattr(delegate, name)

    def setter(self, value, name=name, own=own):
        delegate = self._mock_delegate
        if delegate is None:
            _store(self, own, value)
        else:
            setattr(delegate, name, value)
    return property(getter, setter)


def _check_and_set_parent(parent, value, name, new_name):
    # Adopts a mock assigned as an attribute or return value: it becomes
    # parent's child (for call recording) unless it already has a name or
    # a parent, or is parent itself or one of its ancestors.
    value = _extract_mock(value)
    if not _is_instance_mock(value):
        return False
    if ((value._mock_name or value._mock_new_name) or value._mock_parent is not None
            or value._mock_new_parent is not None):
        return False
    ancestor = parent
    while ancestor is not None:
        if ancestor is value:
            return False
        ancestor = ancestor._mock_new_parent
    if new_name:
        _store(value, "_mock_new_parent", parent)
        _store(value, "_mock_new_name", new_name)
    if name:
        _store(value, "_mock_parent", parent)
        _store(value, "_mock_name", name)
    return True


class _MockIter(object):
    # Marks a side_effect iterable already turned into an iterator.
    def __init__(self, obj):
        self.obj = iter(obj)

    def __next__(self):
        return next(self.obj)


class Base(object):
    _mock_return_value = DEFAULT
    _mock_side_effect = None

    def __init__(self, /, *args, **kwargs):
        pass


class NonCallableMock(Base):
    """A non-callable version of `Mock`"""

    def __new__(cls, /, *args, **kw):
        # Each mock gets its own class, for its magic methods.
        bases = (cls,)
        if not issubclass(cls, AsyncMockMixin):
            bound = _MOCK_SIG.bind_partial(cls, *args, **kw).arguments
            spec_arg = bound.get("spec_set", bound.get("spec"))
            if spec_arg is not None and _is_async_obj(spec_arg):
                bases = (AsyncMockMixin, cls)
        own_class = type(cls.__name__, bases, {"__doc__": cls.__doc__})
        return _safe_super(NonCallableMock, cls).__new__(own_class)

    def __init__(self, spec=None, wraps=None, name=None, spec_set=None, parent=None,
                 _spec_state=None, _new_name="", _new_parent=None, _spec_as_instance=False,
                 _eat_self=None, unsafe=False, **kwargs):
        if _new_parent is None:
            _new_parent = parent
        _store(self, "_mock_parent", parent)
        _store(self, "_mock_name", name)
        _store(self, "_mock_new_name", _new_name)
        _store(self, "_mock_new_parent", _new_parent)
        _store(self, "_mock_sealed", False)
        if spec_set is not None:
            spec = spec_set
            spec_set = True
        if _eat_self is None:
            _eat_self = parent is not None
        self._mock_add_spec(spec, spec_set, _spec_as_instance, _eat_self)
        _store(self, "_mock_children", {})
        _store(self, "_mock_wraps", wraps)
        _store(self, "_mock_delegate", None)
        _store(self, "_mock_called", False)
        _store(self, "_mock_call_args", None)
        _store(self, "_mock_call_count", 0)
        _store(self, "_mock_call_args_list", _CallList())
        _store(self, "_mock_mock_calls", _CallList())
        _store(self, "method_calls", _CallList())
        _store(self, "_mock_unsafe", unsafe)
        if kwargs:
            self.configure_mock(**kwargs)
        _safe_super(NonCallableMock, self).__init__(spec, wraps, name, spec_set, parent, _spec_state)

    def attach_mock(self, mock, attribute):
        """Attaches mock as attribute `attribute`, replacing its name and
        parent, so that its calls are recorded in this mock's calls."""
        inner = _extract_mock(mock)
        _store(inner, "_mock_parent", None)
        _store(inner, "_mock_new_parent", None)
        _store(inner, "_mock_name", "")
        _store(inner, "_mock_new_name", None)
        setattr(self, attribute, mock)

    def mock_add_spec(self, spec, spec_set=False):
        """Limits the mock's attributes to those of spec (an object or a list
        of names); with spec_set, setting others fails too."""
        self._mock_add_spec(spec, spec_set)

    def _mock_add_spec(self, spec, spec_set, _spec_as_instance=False, _eat_self=False):
        if _is_instance_mock(spec):
            raise InvalidSpecError(f"Cannot spec a Mock object. [object={spec!r}]")
        spec_class = None
        spec_signature = None
        spec_asyncs = []
        for attr in dir(spec):
            if iscoroutinefunction(getattr(spec, attr, None)):
                spec_asyncs.append(attr)
        if spec is not None and not _is_list(spec):
            spec_class = spec if isinstance(spec, type) else type(spec)
            found = _get_signature_object(spec, _spec_as_instance, _eat_self)
            spec_signature = found and found[1]
            spec = dir(spec)
        _store(self, "_spec_class", spec_class)
        _store(self, "_spec_set", spec_set)
        _store(self, "_spec_signature", spec_signature)
        _store(self, "_mock_methods", spec)
        _store(self, "_spec_asyncs", spec_asyncs)

    def __get_return_value(self):
        ret = self._mock_return_value
        if self._mock_delegate is not None:
            ret = self._mock_delegate.return_value
        if ret is DEFAULT:
            ret = self._get_child_mock(_new_parent=self, _new_name="()")
            self.return_value = ret
        return ret

    def __set_return_value(self, value):
        if self._mock_delegate is not None:
            self._mock_delegate.return_value = value
        else:
            _store(self, "_mock_return_value", value)
            _check_and_set_parent(self, value, None, "()")

    return_value = property(__get_return_value, __set_return_value,
                            "The value to be returned when the mock is called.")

    @property
    def __class__(self):
        if self._spec_class is None:
            return type(self)
        return self._spec_class

    called = _delegating_property("called")
    call_count = _delegating_property("call_count")
    call_args = _delegating_property("call_args")
    call_args_list = _delegating_property("call_args_list")
    mock_calls = _delegating_property("mock_calls")

    def __get_side_effect(self):
        delegated = self._mock_delegate
        if delegated is None:
            return self._mock_side_effect
        effect = delegated.side_effect
        if (effect is not None and not callable(effect) and not isinstance(effect, _MockIter)
                and not _is_exception(effect)):
            effect = _MockIter(effect)
            delegated.side_effect = effect
        return effect

    def __set_side_effect(self, value):
        value = _try_iter(value)
        delegated = self._mock_delegate
        if delegated is None:
            _store(self, "_mock_side_effect", value)
        else:
            delegated.side_effect = value

    side_effect = property(__get_side_effect, __set_side_effect)

    def reset_mock(self, visited=None, *, return_value=False, side_effect=False):
        "Restore the mock object to its initial state."
        if visited is None:
            visited = []
        if id(self) in visited:
            return
        visited.append(id(self))
        self.called = False
        self.call_args = None
        self.call_count = 0
        self.mock_calls = _CallList()
        self.call_args_list = _CallList()
        self.method_calls = _CallList()
        if return_value:
            _store(self, "_mock_return_value", DEFAULT)
        if side_effect:
            _store(self, "_mock_side_effect", None)
        for child in self._mock_children.values():
            if isinstance(child, _SpecState) or child is _deleted:
                continue
            child.reset_mock(visited, return_value=return_value, side_effect=side_effect)
        ret = self._mock_return_value
        if _is_instance_mock(ret) and ret is not self:
            ret.reset_mock(visited)

    def configure_mock(self, /, **kwargs):
        """Sets attributes from keyword arguments; dotted names
        ('method.return_value') reach attributes of attributes."""
        # Fewer dots first, so that an attribute exists before its own are set.
        for dotted, value in sorted(kwargs.items(), key=lambda entry: entry[0].count(".")):
            path = dotted.split(".")
            final = path.pop()
            target = self
            for entry in path:
                target = getattr(target, entry)
            setattr(target, final, value)

    def __getattr__(self, name):
        if name in {"_mock_methods", "_mock_unsafe"}:
            raise AttributeError(name)
        elif self._mock_methods is not None:
            if name not in self._mock_methods or name in _all_magics:
                raise AttributeError("Mock object has no attribute %r" % name)
        elif _is_magic(name):
            raise AttributeError(name)
        if not self._mock_unsafe and (not self._mock_methods or name not in self._mock_methods):
            if name.startswith(("assert", "assret", "asert", "aseert", "assrt")):
                raise AttributeError(f"{name!r} is not a valid assertion. Use a spec "
                                     f"for the mock if {name!r} is meant to be an attribute.")
        result = self._mock_children.get(name)
        if result is _deleted:
            raise AttributeError(name)
        elif result is None:
            wraps = None
            if self._mock_wraps is not None:
                wraps = getattr(self._mock_wraps, name)
            result = self._get_child_mock(parent=self, name=name, wraps=wraps, _new_name=name, _new_parent=self)
            self._mock_children[name] = result
        elif isinstance(result, _SpecState):
            try:
                result = create_autospec(result.spec, result.spec_set, result.instance, result.parent, result.name)
            except InvalidSpecError:
                target_name = _own_attributes(self).get("_mock_name") or self
                raise InvalidSpecError(
                    f"Cannot autospec attr {name!r} from target "
                    f"{target_name!r} as it has already been mocked out. "
                    f"[target={self!r}, attr={result.spec!r}]")
            self._mock_children[name] = result
        return result

    def _extract_mock_name(self):
        # The dotted path of the mock from its root, as it was reached:
        # 'mock.method().attribute'.
        names = [self._mock_new_name]
        parent = self._mock_new_parent
        last = self
        dot = "." if names != ["()"] else ""
        while parent is not None:
            last = parent
            names.append(parent._mock_new_name + dot)
            dot = "" if parent._mock_new_name == "()" else "."
            parent = parent._mock_new_parent
        names.reverse()
        first = last._mock_name or "mock"
        if len(names) > 1 and names[1] not in ("()", "()."):
            first += "."
        names[0] = first
        return "".join(names)

    def __repr__(self):
        name = self._extract_mock_name()
        name_string = ""
        if name not in ("mock", "mock."):
            name_string = " name=%r" % name
        spec_string = ""
        if self._spec_class is not None:
            spec_string = (" spec_set=%r" if self._spec_set else " spec=%r") % self._spec_class.__name__
        return "<%s%s%s id='%s'>" % (type(self).__name__, name_string, spec_string, id(self))

    def __dir__(self):
        """The mock's useful names: its spec's, its methods, its children."""
        if not FILTER_DIR:
            return _object_dir(self)
        extras = self._mock_methods or []
        from_type = [e for e in dir(type(self)) if not e.startswith("_")]
        from_dict = [e for e in _own_attributes(self) if not e.startswith("_") or _is_magic(e)]
        from_children = [name for name, value in self._mock_children.items() if value is not _deleted]
        return sorted(set(extras + from_type + from_dict + from_children))

    def __setattr__(self, name, value):
        if name in _allowed_names:
            # The properties' setters.
            return object.__setattr__(self, name, value)
        elif (self._spec_set and self._mock_methods is not None and name not in self._mock_methods
              and name not in _own_attributes(self)):
            raise AttributeError("Mock object has no attribute '%s'" % name)
        elif name in _unsupported_magics:
            raise AttributeError("Attempting to set unsupported magic method %r." % name)
        elif name in _all_magics:
            if self._mock_methods is not None and name not in self._mock_methods:
                raise AttributeError("Mock object has no attribute '%s'" % name)
            if not _is_instance_mock(value):
                # A function set as a magic method becomes a method of the
                # mock's own class.
                setattr(type(self), name, _get_method(name, value))
                original = value
                value = lambda *args, **kw: original(self, *args, **kw)
            else:
                # Recorded in mock_calls, not in method_calls.
                _check_and_set_parent(self, value, None, name)
                setattr(type(self), name, value)
                self._mock_children[name] = value
        elif name == "__class__":
            _store(self, "_spec_class", value)
            return
        elif _check_and_set_parent(self, value, name, name):
            self._mock_children[name] = value
        if self._mock_sealed and not hasattr(self, name):
            raise AttributeError(f"Cannot set {self._extract_mock_name()}.{name}")
        return object.__setattr__(self, name, value)

    def __delattr__(self, name):
        if name in _all_magics and name in type(self).__dict__:
            delattr(type(self), name)
            if name not in _own_attributes(self):
                # A magic method still a MagicProxy, not set on the mock.
                return
        obj = self._mock_children.get(name, _missing)
        if name in _own_attributes(self):
            _safe_super(NonCallableMock, self).__delattr__(name)
        elif obj is _deleted:
            raise AttributeError(name)
        if obj is not _missing:
            del self._mock_children[name]
        self._mock_children[name] = _deleted

    def _format_mock_call_signature(self, args, kwargs):
        return _format_call_signature(self._mock_name or "mock", args, kwargs)

    def _format_mock_failure_message(self, args, kwargs, action="call"):
        expected = self._format_mock_call_signature(args, kwargs)
        actual = self._format_mock_call_signature(*self.call_args)
        return "expected %s not found.\nExpected: %s\n  Actual: %s" % (action, expected, actual)

    def _get_call_signature_from_name(self, name):
        # The spec signature of the child a recorded call's name leads to
        # ('a.b().c'), as far as children have been made.
        if not name:
            return self._spec_signature
        sig = None
        children = self._mock_children
        for part in name.replace("()", "").split("."):
            child = children.get(part)
            if child is None or isinstance(child, _SpecState):
                break
            child = _extract_mock(child)
            children = child._mock_children
            sig = child._spec_signature
        return sig

    def _call_matcher(self, _call):
        """A key to compare a call by: with a spec signature, the call with
        its arguments bound to the parameters (so f(1) matches f(a=1)), or
        the TypeError binding raised; otherwise the call itself."""
        if isinstance(_call, tuple) and len(_call) > 2:
            sig = self._get_call_signature_from_name(_call[0])
        else:
            sig = self._spec_signature
        if sig is None:
            return _call
        if len(_call) == 2:
            name = ""
            args, kwargs = _call
        else:
            name, args, kwargs = _call
        try:
            bound = sig.bind(*args, **kwargs)
            return call(name, bound.args, bound.kwargs)
        except TypeError as e:
            return e.with_traceback(None)

    def assert_not_called(self):
        """Fails if the mock was called."""
        if self.call_count != 0:
            raise AssertionError("Expected '%s' to not have been called. Called %s times.%s"
                                 % (self._mock_name or "mock", self.call_count, self._calls_repr()))

    def assert_called(self):
        """Fails unless the mock was called."""
        if self.call_count == 0:
            raise AssertionError("Expected '%s' to have been called." % (self._mock_name or "mock"))

    def assert_called_once(self):
        """Fails unless the mock was called exactly once."""
        if not self.call_count == 1:
            raise AssertionError("Expected '%s' to have been called once. Called %s times.%s"
                                 % (self._mock_name or "mock", self.call_count, self._calls_repr()))

    def assert_called_with(self, /, *args, **kwargs):
        """Fails unless the last call had these arguments."""
        if self.call_args is None:
            expected = self._format_mock_call_signature(args, kwargs)
            raise AssertionError("expected call not found.\nExpected: %s\n  Actual: %s"
                                 % (expected, "not called."))
        expected = self._call_matcher(_Call((args, kwargs), two=True))
        actual = self._call_matcher(self.call_args)
        if actual != expected:
            cause = expected if isinstance(expected, Exception) else None
            raise AssertionError(self._format_mock_failure_message(args, kwargs)) from cause

    def assert_called_once_with(self, /, *args, **kwargs):
        """Fails unless the mock was called once, with these arguments."""
        if not self.call_count == 1:
            raise AssertionError("Expected '%s' to be called once. Called %s times.%s"
                                 % (self._mock_name or "mock", self.call_count, self._calls_repr()))
        return self.assert_called_with(*args, **kwargs)

    def assert_has_calls(self, calls, any_order=False):
        """Fails unless mock_calls contains `calls`: as a consecutive run, or
        with any_order, each of them anywhere."""
        expected = [self._call_matcher(c) for c in calls]
        cause = next((e for e in expected if isinstance(e, Exception)), None)
        all_calls = _CallList(self._call_matcher(c) for c in self.mock_calls)
        if not any_order:
            if expected not in all_calls:
                if cause is None:
                    problem = "Calls not found."
                else:
                    problem = ("Error processing expected calls.\n"
                               "Errors: {}").format([e if isinstance(e, Exception) else None for e in expected])
                raise AssertionError(f"{problem}\n"
                                     f"Expected: {_CallList(calls)}"
                                     f"{self._calls_repr(prefix='  Actual').rstrip('.')}") from cause
            return
        remaining = list(all_calls)
        not_found = []
        for kall in expected:
            try:
                remaining.remove(kall)
            except ValueError:
                not_found.append(kall)
        if not_found:
            raise AssertionError("%r does not contain all of %r in its call list, found %r instead"
                                 % (self._mock_name or "mock", tuple(not_found), remaining)) from cause

    def assert_any_call(self, /, *args, **kwargs):
        """Fails unless some call had these arguments."""
        expected = self._call_matcher(_Call((args, kwargs), two=True))
        cause = expected if isinstance(expected, Exception) else None
        actual = [self._call_matcher(c) for c in self.call_args_list]
        if cause or expected not in _AnyComparer(actual):
            raise AssertionError("%s call not found" % self._format_mock_call_signature(args, kwargs)) from cause

    def _get_child_mock(self, /, **kw):
        """Makes the mocks for attributes and the return value: the mock's
        own kind (the callable kind for non-callable mocks; AsyncMock for
        async attributes of the spec and async magic methods)."""
        if self._mock_sealed:
            attribute = f".{kw['name']}" if "name" in kw else "()"
            raise AttributeError(self._extract_mock_name() + attribute)
        new_name = kw.get("_new_name")
        if new_name in _own_attributes(self)["_spec_asyncs"]:
            return AsyncMock(**kw)
        own_type = type(self)
        if issubclass(own_type, MagicMock) and new_name in _async_method_magics:
            klass = AsyncMock
        elif issubclass(own_type, AsyncMockMixin):
            if new_name in _all_sync_magics or (self._mock_methods and new_name in self._mock_methods):
                klass = MagicMock
            else:
                klass = AsyncMock
        elif not issubclass(own_type, CallableMixin):
            if issubclass(own_type, NonCallableMagicMock):
                klass = MagicMock
            elif issubclass(own_type, NonCallableMock):
                klass = Mock
        else:
            klass = own_type.__mro__[1]
        return klass(**kw)

    def _calls_repr(self, prefix="Calls"):
        """'\\nCalls: [call(1), call(2)].' from mock_calls, or '' when there are none."""
        if not self.mock_calls:
            return ""
        return f"\n{prefix}: {safe_repr(self.mock_calls)}."


_MOCK_SIG = inspect.signature(NonCallableMock.__init__)


def _object_dir(obj):
    # object.__dir__: the instance's attributes and its class's.
    names = set(_own_attributes(obj))
    for klass in type(obj).__mro__:
        names.update(klass.__dict__)
    return sorted(names)


def _try_iter(obj):
    # A side_effect that is neither an exception nor callable is iterated.
    if obj is None or _is_exception(obj) or _callable(obj):
        return obj
    try:
        return iter(obj)
    except TypeError:
        return obj


class CallableMixin(Base):

    def __init__(self, spec=None, side_effect=None, return_value=DEFAULT, wraps=None, name=None,
                 spec_set=None, parent=None, _spec_state=None, _new_name="", _new_parent=None, **kwargs):
        _store(self, "_mock_return_value", return_value)
        _safe_super(CallableMixin, self).__init__(spec, wraps, name, spec_set, parent, _spec_state,
                                                  _new_name, _new_parent, **kwargs)
        self.side_effect = side_effect

    def _mock_check_sig(self, /, *args, **kwargs):
        # Replaced by one that checks a spec's signature.
        pass

    def __call__(self, /, *args, **kwargs):
        # Not `self` as a name: the mocked function may take `self`.
        self._mock_check_sig(*args, **kwargs)
        self._increment_mock_call(*args, **kwargs)
        return self._mock_call(*args, **kwargs)

    def _mock_call(self, /, *args, **kwargs):
        return self._execute_mock_call(*args, **kwargs)

    def _increment_mock_call(self, /, *args, **kwargs):
        # Records the call here and in every ancestor: in mock_calls under
        # its path from that ancestor ('a.b()'), and in method_calls of the
        # ancestors reached through attributes.
        self.called = True
        self.call_count += 1
        this_call = _Call((args, kwargs), two=True)
        self.call_args = this_call
        self.call_args_list.append(this_call)
        do_method_calls = self._mock_parent is not None
        method_call_name = self._mock_name
        mock_call_name = self._mock_new_name
        is_a_call = mock_call_name == "()"
        self.mock_calls.append(_Call(("", args, kwargs)))
        ancestor = self._mock_new_parent
        while ancestor is not None:
            if do_method_calls:
                ancestor.method_calls.append(_Call((method_call_name, args, kwargs)))
                do_method_calls = ancestor._mock_parent is not None
                if do_method_calls:
                    method_call_name = ancestor._mock_name + "." + method_call_name
            ancestor.mock_calls.append(_Call((mock_call_name, args, kwargs)))
            if ancestor._mock_new_name:
                dot = "" if is_a_call else "."
                is_a_call = ancestor._mock_new_name == "()"
                mock_call_name = ancestor._mock_new_name + dot + mock_call_name
            ancestor = ancestor._mock_new_parent

    def _execute_mock_call(self, /, *args, **kwargs):
        # side_effect (raised, iterated or called) first; then an explicit
        # return_value; then the wrapped object; then the default child.
        effect = self.side_effect
        if effect is not None:
            if _is_exception(effect):
                raise effect
            elif not _callable(effect):
                result = next(effect)
                if _is_exception(result):
                    raise result
            else:
                result = effect(*args, **kwargs)
            if result is not DEFAULT:
                return result
        if self._mock_return_value is not DEFAULT:
            return self.return_value
        if self._mock_wraps is not None:
            return self._mock_wraps(*args, **kwargs)
        return self.return_value


class Mock(CallableMixin, NonCallableMock):
    """
    Create a new `Mock` object. `Mock` takes several optional arguments
    that specify the behaviour of the Mock object:

    * `spec`: a list of strings or an object (class or instance) whose
      attributes are the only ones the mock has; `mock.__class__` is then
      the spec's class, so the mock passes isinstance tests.
    * `spec_set`: like `spec`, and setting other attributes fails too.
    * `side_effect`: called with the mock's arguments on each call (its
      result is returned unless it is `DEFAULT`); an exception to raise; or
      an iterable whose items are returned (or raised) in turn.
    * `return_value`: what calling the mock returns (by default a new mock).
    * `unsafe`: allow attributes starting with assert, assret, asert,
      aseert or assrt.
    * `wraps`: an object that calls (and attribute mocks) pass through to.
    * `name`: shown in the mock's repr, and in its children's.

    Other keyword arguments set attributes of the mock.
    """


def _check_spec_arg_typos(kwargs_to_check):
    for typo in ("autospect", "auto_spec", "set_spec"):
        if typo in kwargs_to_check:
            raise RuntimeError(f"{typo!r} might be a typo; use unsafe=True if this is intended")


# -- Magic methods ---------------------------------------------------------------

magic_methods = (
    "lt le gt ge eq ne "
    "getitem setitem delitem "
    "len contains iter "
    "hash str sizeof "
    "enter exit "
    "divmod rdivmod neg pos abs invert "
    "complex int float index "
    "round trunc floor ceil "
    "bool next "
    "fspath "
    "aiter "
)

numerics = "add sub mul matmul truediv floordiv mod lshift rshift and xor or pow"
inplace = " ".join("i%s" % n for n in numerics.split())
right = " ".join("r%s" % n for n in numerics.split())

# Supported, but not set up on a MagicMock unless configured.
_non_defaults = {
    "__get__", "__set__", "__delete__", "__reversed__", "__missing__",
    "__reduce__", "__reduce_ex__", "__getinitargs__", "__getnewargs__",
    "__getstate__", "__setstate__", "__getformat__",
    "__repr__", "__dir__", "__subclasses__", "__format__",
    "__getnewargs_ex__",
}


def _get_method(name, func):
    "Turns a callable object (like a mock) into a real function"
    def method(self, /, *args, **kw):
        return func(self, *args, **kw)
    method.__name__ = name
    return method


_magics = {"__%s__" % method for method in " ".join([magic_methods, numerics, inplace, right]).split()}

_async_method_magics = {"__aenter__", "__aexit__", "__anext__"}
# Synchronous methods used by async code.
_sync_async_magics = {"__aiter__"}
_async_magics = _async_method_magics | _sync_async_magics

_all_sync_magics = _magics | _non_defaults
_all_magics = _all_sync_magics | _async_magics

_unsupported_magics = {
    "__getattr__", "__setattr__",
    "__init__", "__new__", "__prepare__",
    "__instancecheck__", "__subclasscheck__",
    "__del__",
}


def _object_sizeof(obj):
    sizeof = getattr(object, "__sizeof__", None)
    if sizeof is None:
        # towel's object has no __sizeof__ yet.
        return sys.getsizeof(object())
    return sizeof(obj)


_calculate_return_value = {
    "__hash__": lambda self: object.__hash__(self),
    "__str__": lambda self: object.__str__(self),
    "__sizeof__": _object_sizeof,
    "__fspath__": lambda self: f"{type(self).__name__}/{self._extract_mock_name()}/{id(self)}",
}

_return_values = {
    "__lt__": NotImplemented,
    "__gt__": NotImplemented,
    "__le__": NotImplemented,
    "__ge__": NotImplemented,
    "__int__": 1,
    "__contains__": False,
    "__len__": 0,
    "__exit__": False,
    "__complex__": 1j,
    "__float__": 1.0,
    "__bool__": True,
    "__index__": 1,
    "__aexit__": False,
}


def _get_eq(self):
    def __eq__(other):
        configured = self.__eq__._mock_return_value
        if configured is not DEFAULT:
            return configured
        if self is other:
            return True
        return NotImplemented
    return __eq__


def _get_ne(self):
    def __ne__(other):
        if self.__ne__._mock_return_value is not DEFAULT:
            return DEFAULT
        if self is other:
            return False
        return NotImplemented
    return __ne__


def _get_iter(self):
    def __iter__():
        configured = self.__iter__._mock_return_value
        if configured is DEFAULT:
            return iter([])
        return iter(configured)
    return __iter__


def _get_async_iter(self):
    def __aiter__():
        configured = self.__aiter__._mock_return_value
        if configured is DEFAULT:
            return _AsyncIterator(iter([]))
        return _AsyncIterator(iter(configured))
    return __aiter__


_side_effect_methods = {
    "__eq__": _get_eq,
    "__ne__": _get_ne,
    "__iter__": _get_iter,
    "__aiter__": _get_async_iter,
}


def _set_return_value(mock, method, name):
    # A new magic method's default behaviour: a fixed value, one computed
    # from the mock, or a side effect.
    fixed = _return_values.get(name, DEFAULT)
    if fixed is not DEFAULT:
        method.return_value = fixed
        return
    calculate = _calculate_return_value.get(name)
    if calculate is not None:
        method.return_value = calculate(mock)
        return
    make_effect = _side_effect_methods.get(name)
    if make_effect is not None:
        method.side_effect = make_effect(mock)


class MagicMixin(Base):
    def __init__(self, /, *args, **kw):
        self._mock_set_magics()  # for magic methods given as keyword arguments
        _safe_super(MagicMixin, self).__init__(*args, **kw)
        self._mock_set_magics()  # for those the spec limits

    def _mock_set_magics(self):
        # Puts a MagicProxy for each supported magic method on the mock's
        # class (only those in the spec, if there is one).
        wanted = _magics | _async_method_magics
        if getattr(self, "_mock_methods", None) is not None:
            allowed = wanted.intersection(self._mock_methods)
            for entry in wanted - allowed:
                if entry in type(self).__dict__:
                    delattr(self, entry)
            wanted = allowed
        own_type = type(self)
        for entry in wanted - set(own_type.__dict__):
            setattr(own_type, entry, MagicProxy(entry, self))


class NonCallableMagicMock(MagicMixin, NonCallableMock):
    """A version of `MagicMock` that isn't callable."""

    def mock_add_spec(self, spec, spec_set=False):
        """Limits the mock's attributes (and magic methods) to those of spec."""
        self._mock_add_spec(spec, spec_set)
        self._mock_set_magics()


class AsyncMagicMixin(MagicMixin):
    def __init__(self, /, *args, **kw):
        self._mock_set_magics()
        _safe_super(AsyncMagicMixin, self).__init__(*args, **kw)
        self._mock_set_magics()


class MagicMock(MagicMixin, Mock):
    """
    MagicMock is a subclass of Mock with default implementations
    of most of the magic methods. You can use MagicMock without having to
    configure the magic methods yourself.

    If you use the `spec` or `spec_set` arguments then *only* magic
    methods that exist in the spec will be created.

    Attributes and the return value of a `MagicMock` will also be `MagicMocks`.
    """

    def mock_add_spec(self, spec, spec_set=False):
        """Limits the mock's attributes (and magic methods) to those of spec."""
        self._mock_add_spec(spec, spec_set)
        self._mock_set_magics()


class MagicProxy(Base):
    # Stands on a MagicMock's class for a magic method until first used,
    # when it makes the child mock that replaces it.

    def __init__(self, name, parent):
        self.name = name
        self.parent = parent

    def create_mock(self):
        entry = self.name
        parent = self.parent
        m = parent._get_child_mock(name=entry, _new_name=entry, _new_parent=parent)
        setattr(parent, entry, m)
        _set_return_value(parent, m, entry)
        return m

    def __get__(self, obj, _type=None):
        return self.create_mock()


# -- AsyncMock ---------------------------------------------------------------------

def _code_mock(**attributes):
    # A stand-in code object (AsyncMock's __code__), which inspect reads
    # flags from. towel's CodeType does not list its co_* attributes yet, so
    # they are added to the spec.
    code = NonCallableMock(spec_set=CodeType)
    for name in attributes:
        if name not in code._mock_methods:
            code._mock_methods.append(name)
    for name, value in attributes.items():
        setattr(code, name, value)
    return code


class AsyncMockMixin(Base):
    await_count = _delegating_property("await_count")
    await_args = _delegating_property("await_args")
    await_args_list = _delegating_property("await_args_list")

    def __init__(self, /, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # asyncio.iscoroutinefunction looks for `_is_coroutine`, inspect for
        # a coroutine flag on __code__; both are set on the instance.
        _store(self, "_is_coroutine", _coroutine_marker())
        _store(self, "_mock_await_count", 0)
        _store(self, "_mock_await_args", None)
        _store(self, "_mock_await_args_list", _CallList())
        _store(self, "__code__", _code_mock(
            co_flags=inspect.CO_COROUTINE + inspect.CO_VARARGS + inspect.CO_VARKEYWORDS,
            co_argcount=0, co_varnames=("args", "kwargs"), co_posonlyargcount=0, co_kwonlyargcount=0))
        _store(self, "__name__", "AsyncMock")
        _store(self, "__defaults__", tuple())
        _store(self, "__kwdefaults__", {})
        _store(self, "__annotations__", None)

    async def _execute_mock_call(self, /, *args, **kwargs):
        # As a Mock's call, when the call's coroutine is awaited; a
        # coroutine function as side_effect or wrapped is awaited too.
        this_call = _Call((args, kwargs), two=True)
        self.await_count += 1
        self.await_args = this_call
        self.await_args_list.append(this_call)
        effect = self.side_effect
        if effect is not None:
            if _is_exception(effect):
                raise effect
            elif not _callable(effect):
                try:
                    result = next(effect)
                except StopIteration:
                    # A StopIteration cannot leave a coroutine (PEP 479).
                    raise StopAsyncIteration
                if _is_exception(result):
                    raise result
            elif iscoroutinefunction(effect):
                result = await effect(*args, **kwargs)
            else:
                result = effect(*args, **kwargs)
            if result is not DEFAULT:
                return result
        if self._mock_return_value is not DEFAULT:
            return self.return_value
        if self._mock_wraps is not None:
            if iscoroutinefunction(self._mock_wraps):
                return await self._mock_wraps(*args, **kwargs)
            return self._mock_wraps(*args, **kwargs)
        return self.return_value

    def assert_awaited(self):
        """Fails unless the mock was awaited."""
        if self.await_count == 0:
            raise AssertionError(f"Expected {self._mock_name or 'mock'} to have been awaited.")

    def assert_awaited_once(self):
        """Fails unless the mock was awaited exactly once."""
        if not self.await_count == 1:
            raise AssertionError(f"Expected {self._mock_name or 'mock'} to have been awaited once."
                                 f" Awaited {self.await_count} times.")

    def assert_awaited_with(self, /, *args, **kwargs):
        """Fails unless the last await had these arguments."""
        if self.await_args is None:
            expected = self._format_mock_call_signature(args, kwargs)
            raise AssertionError(f"Expected await: {expected}\nNot awaited")
        expected = self._call_matcher(_Call((args, kwargs), two=True))
        actual = self._call_matcher(self.await_args)
        if actual != expected:
            cause = expected if isinstance(expected, Exception) else None
            raise AssertionError(self._format_mock_failure_message(args, kwargs, action="await")) from cause

    def assert_awaited_once_with(self, /, *args, **kwargs):
        """Fails unless the mock was awaited once, with these arguments."""
        if not self.await_count == 1:
            raise AssertionError(f"Expected {self._mock_name or 'mock'} to have been awaited once."
                                 f" Awaited {self.await_count} times.")
        return self.assert_awaited_with(*args, **kwargs)

    def assert_any_await(self, /, *args, **kwargs):
        """Fails unless some await had these arguments."""
        expected = self._call_matcher(_Call((args, kwargs), two=True))
        cause = expected if isinstance(expected, Exception) else None
        actual = [self._call_matcher(c) for c in self.await_args_list]
        if cause or expected not in _AnyComparer(actual):
            raise AssertionError("%s await not found" % self._format_mock_call_signature(args, kwargs)) from cause

    def assert_has_awaits(self, calls, any_order=False):
        """Fails unless await_args_list contains `calls` (consecutively, or
        with any_order, anywhere)."""
        expected = [self._call_matcher(c) for c in calls]
        cause = next((e for e in expected if isinstance(e, Exception)), None)
        all_awaits = _CallList(self._call_matcher(c) for c in self.await_args_list)
        if not any_order:
            if expected not in all_awaits:
                if cause is None:
                    problem = "Awaits not found."
                else:
                    problem = ("Error processing expected awaits.\n"
                               "Errors: {}").format([e if isinstance(e, Exception) else None for e in expected])
                raise AssertionError(f"{problem}\n"
                                     f"Expected: {_CallList(calls)}\n"
                                     f"Actual: {self.await_args_list}") from cause
            return
        remaining = list(all_awaits)
        not_found = []
        for kall in expected:
            try:
                remaining.remove(kall)
            except ValueError:
                not_found.append(kall)
        if not_found:
            raise AssertionError("%r not all found in await list" % (tuple(not_found),)) from cause

    def assert_not_awaited(self):
        """Fails if the mock was awaited."""
        if self.await_count != 0:
            raise AssertionError(f"Expected {self._mock_name or 'mock'} to not have been awaited."
                                 f" Awaited {self.await_count} times.")

    def reset_mock(self, /, *args, **kwargs):
        """Mock.reset_mock, and the await records."""
        super().reset_mock(*args, **kwargs)
        self.await_count = 0
        self.await_args = None
        self.await_args_list = _CallList()


class AsyncMock(AsyncMockMixin, AsyncMagicMixin, Mock):
    """
    A Mock that is an async function: calling it returns a coroutine, whose
    result comes from side_effect (a function, possibly async; an exception;
    an iterable, which raises StopAsyncIteration when exhausted) or
    return_value. Awaits are recorded in await_count, await_args and
    await_args_list, and checked by the assert_awaited* methods.
    """


class _AsyncIterator:
    """Wraps an iterator in an asynchronous iterator."""

    def __init__(self, iterator):
        self.iterator = iterator
        _store(self, "__code__", _code_mock(co_flags=inspect.CO_ITERABLE_COROUTINE))

    async def __anext__(self):
        try:
            return next(self.iterator)
        except StopIteration:
            pass
        raise StopAsyncIteration


# -- patch --------------------------------------------------------------------------

class _patch(object):

    attribute_name = None
    _active_patches = []

    def __init__(self, getter, attribute, new, spec, create, spec_set, autospec, new_callable,
                 kwargs, *, unsafe=False):
        if new_callable is not None:
            if new is not DEFAULT:
                raise ValueError("Cannot use 'new' and 'new_callable' together")
            if autospec is not None:
                raise ValueError("Cannot use 'autospec' and 'new_callable' together")
        if not unsafe:
            _check_spec_arg_typos(kwargs)
        if _is_instance_mock(spec):
            raise InvalidSpecError(f"Cannot spec attr {attribute!r} as the spec "
                                   f"has already been mocked out. [spec={spec!r}]")
        if _is_instance_mock(spec_set):
            raise InvalidSpecError(f"Cannot spec attr {attribute!r} as the spec_set "
                                   f"target has already been mocked out. [spec_set={spec_set!r}]")
        self.getter = getter
        self.attribute = attribute
        self.new = new
        self.new_callable = new_callable
        self.spec = spec
        self.create = create
        self.has_local = False
        self.spec_set = spec_set
        self.autospec = autospec
        self.kwargs = kwargs
        self.additional_patchers = []

    def copy(self):
        patcher = _patch(self.getter, self.attribute, self.new, self.spec, self.create, self.spec_set,
                         self.autospec, self.new_callable, self.kwargs)
        patcher.attribute_name = self.attribute_name
        patcher.additional_patchers = [p.copy() for p in self.additional_patchers]
        return patcher

    def __call__(self, func):
        if isinstance(func, type):
            return self.decorate_class(func)
        if inspect.iscoroutinefunction(func):
            return self.decorate_async_callable(func)
        return self.decorate_callable(func)

    def decorate_class(self, klass):
        for attr in dir(klass):
            if not attr.startswith(patch.TEST_PREFIX):
                continue
            attr_value = getattr(klass, attr)
            if not _has_call(attr_value):
                continue
            setattr(klass, attr, self.copy()(attr_value))
        return klass

    @contextlib.contextmanager
    def decoration_helper(self, patched, args, keywargs):
        # Enters every patch of the decorated function; the mocks they made
        # are added to its positional (or for patch.multiple, keyword)
        # arguments.
        extra_args = []
        with contextlib.ExitStack() as exit_stack:
            for patching in patched.patchings:
                arg = exit_stack.enter_context(patching)
                if patching.attribute_name is not None:
                    keywargs.update(arg)
                elif patching.new is DEFAULT:
                    extra_args.append(arg)
            args += tuple(extra_args)
            yield (args, keywargs)

    def decorate_callable(self, func):
        if hasattr(func, "patchings"):
            func.patchings.append(self)
            return func

        @wraps(func)
        def patched(*args, **keywargs):
            with self.decoration_helper(patched, args, keywargs) as (newargs, newkeywargs):
                return func(*newargs, **newkeywargs)
        patched.patchings = [self]
        return patched

    def decorate_async_callable(self, func):
        if hasattr(func, "patchings"):
            func.patchings.append(self)
            return func

        @wraps(func)
        async def patched(*args, **keywargs):
            with self.decoration_helper(patched, args, keywargs) as (newargs, newkeywargs):
                return await func(*newargs, **newkeywargs)
        patched.patchings = [self]
        return patched

    def get_original(self):
        target = self.getter()
        name = self.attribute
        original = DEFAULT
        local = False
        try:
            original = target.__dict__[name]
        except (AttributeError, KeyError, TypeError):
            original = getattr(target, name, DEFAULT)
        else:
            local = True
        if isinstance(target, ModuleType) and name in _builtin_names():
            self.create = True
        if not self.create and original is DEFAULT:
            raise AttributeError("%s does not have the attribute %r" % (target, name))
        return original, local

    def __enter__(self):
        """Perform the patch."""
        new, spec, spec_set = self.new, self.spec, self.spec_set
        autospec, kwargs = self.autospec, self.kwargs
        new_callable = self.new_callable
        self.target = self.getter()
        if spec is False:
            spec = None
        if spec_set is False:
            spec_set = None
        if autospec is False:
            autospec = None
        if spec is not None and autospec is not None:
            raise TypeError("Can't specify spec and autospec")
        if (spec is not None or autospec is not None) and spec_set not in (True, None):
            raise TypeError("Can't provide explicit spec_set *and* spec or autospec")
        original, local = self.get_original()
        if new is DEFAULT and autospec is None:
            new = self._make_mock(original, spec, spec_set, new_callable, kwargs)
        elif autospec is not None:
            if new is not DEFAULT:
                raise TypeError("autospec creates the mock for you. Can't specify autospec and new.")
            if original is DEFAULT:
                raise TypeError("Can't use 'autospec' with create=True")
            spec_set = bool(spec_set)
            if autospec is True:
                autospec = original
            if _is_instance_mock(self.target):
                raise InvalidSpecError(f"Cannot autospec attr {self.attribute!r} as the patch "
                                       f"target has already been mocked out. "
                                       f"[target={self.target!r}, attr={autospec!r}]")
            if _is_instance_mock(autospec):
                target_name = getattr(self.target, "__name__", self.target)
                raise InvalidSpecError(f"Cannot autospec attr {self.attribute!r} from target "
                                       f"{target_name!r} as it has already been mocked out. "
                                       f"[target={self.target!r}, attr={autospec!r}]")
            new = create_autospec(autospec, spec_set=spec_set, _name=self.attribute, **kwargs)
        elif kwargs:
            raise TypeError("Can't pass kwargs to a mock we aren't creating")
        self.temp_original = original
        self.is_local = local
        self._exit_stack = contextlib.ExitStack()
        try:
            setattr(self.target, self.attribute, new)
            if self.attribute_name is None:
                return new
            # patch.multiple: a dict of the mocks made, by name.
            extra_args = {}
            if self.new is DEFAULT:
                extra_args[self.attribute_name] = new
            for patching in self.additional_patchers:
                arg = self._exit_stack.enter_context(patching)
                if patching.new is DEFAULT:
                    extra_args.update(arg)
            return extra_args
        except:
            if not self.__exit__(*sys.exc_info()):
                raise

    def _make_mock(self, original, spec, spec_set, new_callable, kwargs):
        # The mock patch makes when not given one: a MagicMock (AsyncMock for
        # an async original), honouring spec/spec_set (True meaning the
        # original) and new_callable; a class's mock returns a mock of an
        # instance with the same spec.
        inherit = False
        if spec is True:
            spec = original
            if spec_set is True:
                spec_set = original
                spec = None
        elif spec is not None:
            if spec_set is True:
                spec_set = spec
                spec = None
        elif spec_set is True:
            spec_set = original
        if spec is not None or spec_set is not None:
            if original is DEFAULT:
                raise TypeError("Can't use 'spec' with create=True")
            if isinstance(original, type):
                inherit = True
        if spec is None and _is_async_obj(original):
            klass = AsyncMock
        else:
            klass = MagicMock
        mock_kwargs = {}
        if new_callable is not None:
            klass = new_callable
        elif spec is not None or spec_set is not None:
            this_spec = spec_set if spec_set is not None else spec
            if _is_list(this_spec):
                not_callable = "__call__" not in this_spec
            else:
                not_callable = not callable(this_spec)
            if _is_async_obj(this_spec):
                klass = AsyncMock
            elif not_callable:
                klass = NonCallableMagicMock
        if spec is not None:
            mock_kwargs["spec"] = spec
        if spec_set is not None:
            mock_kwargs["spec_set"] = spec_set
        if isinstance(klass, type) and issubclass(klass, NonCallableMock) and self.attribute:
            mock_kwargs["name"] = self.attribute
        mock_kwargs.update(kwargs)
        new = klass(**mock_kwargs)
        if inherit and _is_instance_mock(new):
            this_spec = spec_set if spec_set is not None else spec
            if not _is_list(this_spec) and not _instance_callable(this_spec):
                klass = NonCallableMagicMock
            mock_kwargs.pop("name")
            new.return_value = klass(_new_parent=new, _new_name="()", **mock_kwargs)
        return new

    def __exit__(self, *exc_info):
        """Undo the patch."""
        if self.is_local and self.temp_original is not DEFAULT:
            setattr(self.target, self.attribute, self.temp_original)
        else:
            delattr(self.target, self.attribute)
            if not self.create and (not hasattr(self.target, self.attribute)
                                    or self.attribute in ("__doc__", "__module__", "__defaults__",
                                                          "__annotations__", "__kwdefaults__")):
                # For objects whose attribute came back from elsewhere.
                setattr(self.target, self.attribute, self.temp_original)
        del self.temp_original
        del self.is_local
        del self.target
        exit_stack = self._exit_stack
        del self._exit_stack
        return exit_stack.__exit__(*exc_info)

    def start(self):
        """Activate a patch, returning any created mock."""
        result = self.__enter__()
        self._active_patches.append(self)
        return result

    def stop(self):
        """Stop an active patch."""
        try:
            self._active_patches.remove(self)
        except ValueError:
            return None
        return self.__exit__(None, None, None)


def _resolve_name(name):
    # pkgutil.resolve_name for 'package.module.attribute' names: the longest
    # importable module prefix, then attributes.
    parts = name.split(".")
    if not all(part.isidentifier() for part in parts):
        raise ValueError(f"invalid format: {name!r}")
    module_name = parts.pop(0)
    result = __import__(module_name)
    while parts:
        candidate = f"{module_name}.{parts[0]}"
        try:
            __import__(candidate)
        except ImportError:
            break
        # (An imported submodule is an attribute of its package.)
        result = getattr(result, parts[0])
        module_name = candidate
        parts.pop(0)
    for part in parts:
        result = getattr(result, part)
    return result


def _get_target(target):
    try:
        target, attribute = target.rsplit(".", 1)
    except (TypeError, ValueError, AttributeError):
        raise TypeError(f"Need a valid target to patch. You supplied: {target!r}")
    return partial(_resolve_name, target), attribute


def _patch_object(target, attribute, new=DEFAULT, spec=None, create=False, spec_set=None, autospec=None,
                  new_callable=None, *, unsafe=False, **kwargs):
    """Patches attribute `attribute` of object `target`; otherwise as patch."""
    if type(target) is str:
        raise TypeError(f"{target!r} must be the actual object to be patched, not a str")
    return _patch(lambda: target, attribute, new, spec, create, spec_set, autospec, new_callable,
                  kwargs, unsafe=unsafe)


def _patch_multiple(target, spec=None, create=False, spec_set=None, autospec=None, new_callable=None, **kwargs):
    """Patches several attributes of target (an object or a dotted name) at
    once, one keyword argument each; DEFAULT values become mocks, passed to a
    decorated function by keyword or returned in a dict by `with`."""
    if type(target) is str:
        getter = partial(_resolve_name, target)
    else:
        getter = lambda: target
    if not kwargs:
        raise ValueError("Must supply at least one keyword argument with patch.multiple")
    items = list(kwargs.items())
    attribute, new = items[0]
    patcher = _patch(getter, attribute, new, spec, create, spec_set, autospec, new_callable, {})
    patcher.attribute_name = attribute
    for attribute, new in items[1:]:
        other = _patch(getter, attribute, new, spec, create, spec_set, autospec, new_callable, {})
        other.attribute_name = attribute
        patcher.additional_patchers.append(other)
    return patcher


def patch(target, new=DEFAULT, spec=None, create=False, spec_set=None, autospec=None, new_callable=None,
          *, unsafe=False, **kwargs):
    """Replaces `target` ('package.module.Name', imported when the patch
    starts) with `new` -- by default a MagicMock (an AsyncMock for an async
    function) -- for the length of a decorated function or class, a `with`
    block, or between start() and stop(). A decorated function receives the
    mocks patch made as extra positional arguments.

    spec/spec_set are passed to the mock (True: the original object);
    autospec makes the mock with create_autospec; create allows patching an
    attribute that does not exist; new_callable makes the mock; other
    keyword arguments configure it. patch.object, patch.dict and
    patch.multiple are the variants.
    """
    getter, attribute = _get_target(target)
    return _patch(getter, attribute, new, spec, create, spec_set, autospec, new_callable, kwargs, unsafe=unsafe)


class _patch_dict(object):
    """Sets values in a dictionary (or the dotted name of one) and restores
    it afterwards; clear=True empties it first. A decorator, class decorator
    or context manager."""

    def __init__(self, in_dict, values=(), clear=False, **kwargs):
        self.in_dict = in_dict
        self.values = dict(values)
        self.values.update(kwargs)
        self.clear = clear
        self._original = None

    def __call__(self, f):
        if isinstance(f, type):
            return self.decorate_class(f)
        if inspect.iscoroutinefunction(f):
            return self.decorate_async_callable(f)
        return self.decorate_callable(f)

    def decorate_callable(self, f):
        @wraps(f)
        def _inner(*args, **kw):
            self._patch_dict()
            try:
                return f(*args, **kw)
            finally:
                self._unpatch_dict()
        return _inner

    def decorate_async_callable(self, f):
        @wraps(f)
        async def _inner(*args, **kw):
            self._patch_dict()
            try:
                return await f(*args, **kw)
            finally:
                self._unpatch_dict()
        return _inner

    def decorate_class(self, klass):
        for attr in dir(klass):
            attr_value = getattr(klass, attr)
            if attr.startswith(patch.TEST_PREFIX) and _has_call(attr_value):
                setattr(klass, attr, _patch_dict(self.in_dict, self.values, self.clear)(attr_value))
        return klass

    def __enter__(self):
        """Patch the dict."""
        self._patch_dict()
        return self.in_dict

    def _patch_dict(self):
        if isinstance(self.in_dict, str):
            self.in_dict = _resolve_name(self.in_dict)
        in_dict = self.in_dict
        try:
            original = in_dict.copy()
        except AttributeError:
            # A mapping without copy() must iterate over its keys.
            original = {}
            for key in in_dict:
                original[key] = in_dict[key]
        self._original = original
        if self.clear:
            _clear_dict(in_dict)
        try:
            in_dict.update(self.values)
        except AttributeError:
            for key in self.values:
                in_dict[key] = self.values[key]

    def _unpatch_dict(self):
        in_dict = self.in_dict
        original = self._original
        _clear_dict(in_dict)
        try:
            in_dict.update(original)
        except AttributeError:
            for key in original:
                in_dict[key] = original[key]

    def __exit__(self, *args):
        """Unpatch the dict."""
        if self._original is not None:
            self._unpatch_dict()
        return False

    def start(self):
        """Activate a patch, returning any created mock."""
        result = self.__enter__()
        _patch._active_patches.append(self)
        return result

    def stop(self):
        """Stop an active patch."""
        try:
            _patch._active_patches.remove(self)
        except ValueError:
            return None
        return self.__exit__(None, None, None)


def _clear_dict(in_dict):
    try:
        in_dict.clear()
    except AttributeError:
        for key in list(in_dict):
            del in_dict[key]


def _patch_stopall():
    """Stop all active patches. LIFO to unroll nested patches."""
    for active in reversed(_patch._active_patches):
        active.stop()


patch.object = _patch_object
patch.dict = _patch_dict
patch.multiple = _patch_multiple
patch.stopall = _patch_stopall
patch.TEST_PREFIX = "test"


# -- create_autospec ---------------------------------------------------------------

def create_autospec(spec, spec_set=False, instance=False, _parent=None, _name=None, *, unsafe=False, **kwargs):
    """A mock shaped like spec: its attributes are mocks shaped like spec's,
    and calls to it (and its methods) must match the signatures. For a class,
    the return value is shaped like an instance (instance=True gives that
    mock directly). Other keyword arguments configure the mock."""
    if _is_list(spec):
        # A list would be taken as a list of names.
        spec = type(spec)
    is_type = isinstance(spec, type)
    if _is_instance_mock(spec):
        raise InvalidSpecError(f"Cannot autospec a Mock object. [object={spec!r}]")
    is_async_func = _is_async_func(spec)
    mock_kwargs = {"spec": spec}
    if spec_set:
        mock_kwargs = {"spec_set": spec}
    elif spec is None:
        mock_kwargs = {}
    if mock_kwargs and instance:
        mock_kwargs["_spec_as_instance"] = True
    if not unsafe:
        _check_spec_arg_typos(kwargs)
    mock_kwargs.update(kwargs)
    klass = MagicMock
    if inspect.isdatadescriptor(spec):
        # What a descriptor returns is unknown: no spec.
        mock_kwargs = {}
    elif is_async_func:
        if instance:
            raise RuntimeError("Instance can not be True when create_autospec is mocking an async function")
        klass = AsyncMock
    elif not _callable(spec):
        klass = NonCallableMagicMock
    elif is_type and instance and not _instance_callable(spec):
        klass = NonCallableMagicMock
    _name = mock_kwargs.pop("name", _name)
    _new_name = _name if _parent is not None else ""
    mock = klass(parent=_parent, _new_parent=_parent, _new_name=_new_name, name=_name, **mock_kwargs)
    if isinstance(spec, FunctionTypes):
        # Only at the top level: functions are not recursed into.
        mock = _set_signature(mock, spec)
        if is_async_func:
            _setup_async_mock(mock)
    else:
        _check_signature(spec, mock, is_type, instance)
    if _parent is not None and not instance:
        _parent._mock_children[_name] = mock
    if is_type and not instance and "return_value" not in kwargs:
        mock.return_value = create_autospec(spec, spec_set, instance=True, _name="()", _parent=mock)
    for entry in dir(spec):
        if _is_magic(entry):
            # MagicMock already has the useful ones.
            continue
        try:
            original = getattr(spec, entry)
        except AttributeError:
            continue
        child_kwargs = {"spec_set": original} if spec_set else {"spec": original}
        if not isinstance(original, FunctionTypes):
            # Specced lazily, on first access.
            new = _SpecState(original, spec_set, mock, entry, instance)
            mock._mock_children[entry] = new
        else:
            parent = mock.mock if isinstance(spec, FunctionTypes) else mock
            skipfirst = _must_skip(spec, entry, is_type)
            child_kwargs["_eat_self"] = skipfirst
            child_klass = AsyncMock if iscoroutinefunction(original) else MagicMock
            new = child_klass(parent=parent, name=entry, _new_name=entry, _new_parent=parent, **child_kwargs)
            mock._mock_children[entry] = new
            _check_signature(original, new, skipfirst=skipfirst)
        if isinstance(new, FunctionTypes):
            setattr(mock, entry, new)
    return mock


def _must_skip(spec, entry, is_type):
    """Whether calls to spec's attribute `entry` leave out the first
    parameter (a method looked up on a class)."""
    if not isinstance(spec, type):
        if entry in getattr(spec, "__dict__", {}):
            return False
        spec = spec.__class__
    for klass in spec.__mro__:
        found = klass.__dict__.get(entry, DEFAULT)
        if found is DEFAULT:
            continue
        if isinstance(found, (staticmethod, classmethod)):
            return False
        elif isinstance(found, FunctionTypes):
            return is_type
        else:
            return False
    # Provided dynamically.
    return is_type


class _SpecState(object):
    # An attribute of an autospecced object, specced on first access.

    def __init__(self, spec, spec_set=False, parent=None, name=None, ids=None, instance=False):
        self.spec = spec
        self.ids = ids
        self.spec_set = spec_set
        self.parent = parent
        self.instance = instance
        self.name = name


FunctionTypes = (
    type(create_autospec),
    type(ANY.__eq__),
)


# -- mock_open, PropertyMock, seal ------------------------------------------------

file_spec = None
open_spec = None


def _to_stream(read_data):
    if isinstance(read_data, bytes):
        return io.BytesIO(read_data)
    return io.StringIO(read_data)


def mock_open(mock=None, read_data=""):
    """A mock for `open` (called or used with `with`) whose file handles
    read `read_data` through read, readline, readlines and iteration."""
    state = [_to_stream(read_data), None]

    def _readlines_side_effect(*args, **kwargs):
        if handle.readlines.return_value is not None:
            return handle.readlines.return_value
        return state[0].readlines(*args, **kwargs)

    def _read_side_effect(*args, **kwargs):
        if handle.read.return_value is not None:
            return handle.read.return_value
        return state[0].read(*args, **kwargs)

    def _readline_side_effect(*args, **kwargs):
        yield from _iter_side_effect()
        while True:
            yield state[0].readline(*args, **kwargs)

    def _iter_side_effect():
        if handle.readline.return_value is not None:
            while True:
                yield handle.readline.return_value
        for line in state[0]:
            yield line

    def _next_side_effect():
        if handle.readline.return_value is not None:
            return handle.readline.return_value
        return next(state[0])

    global file_spec, open_spec
    if file_spec is None:
        file_spec = list(set(dir(io.TextIOWrapper)).union(set(dir(io.BytesIO))))
    if open_spec is None:
        open_spec = list(set(dir(io.open)))
    if mock is None:
        mock = MagicMock(name="open", spec=open_spec)
    handle = MagicMock(spec=file_spec)
    handle.__enter__.return_value = handle
    handle.write.return_value = None
    handle.read.return_value = None
    handle.readline.return_value = None
    handle.readlines.return_value = None
    handle.read.side_effect = _read_side_effect
    state[1] = _readline_side_effect()
    handle.readline.side_effect = state[1]
    handle.readlines.side_effect = _readlines_side_effect
    handle.__iter__.side_effect = _iter_side_effect
    handle.__next__.side_effect = _next_side_effect

    def reset_data(*args, **kwargs):
        state[0] = _to_stream(read_data)
        if handle.readline.side_effect == state[1]:
            # Unless the test replaced it.
            state[1] = _readline_side_effect()
            handle.readline.side_effect = state[1]
        return DEFAULT

    mock.side_effect = reset_data
    mock.return_value = handle
    return mock


class PropertyMock(Mock):
    """A mock for a property on a class: getting it calls the mock with no
    arguments, setting it calls the mock with the value."""

    def _get_child_mock(self, /, **kwargs):
        return MagicMock(**kwargs)

    def __get__(self, obj, obj_type=None):
        return self()

    def __set__(self, obj, val):
        self(val)


def seal(mock):
    """Stops mock (and the mocks made from it) making new attributes: using
    one that was not set raises AttributeError."""
    _store(mock, "_mock_sealed", True)
    for attr in dir(mock):
        try:
            m = getattr(mock, attr)
        except AttributeError:
            continue
        if not isinstance(m, NonCallableMock):
            continue
        if isinstance(m._mock_children.get(attr), _SpecState):
            continue
        if m._mock_new_parent is mock:
            seal(m)
