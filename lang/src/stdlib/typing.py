# `typing`: the names of type hints, usable in annotations, subscriptable and
# printed as CPython prints them (`typing.Optional[int]`). Type hints are not
# checked; this module only has to build, compare and show them, and provide
# the runtime helpers (cast, NamedTuple, TypedDict, Protocol, ...).
#
# Structure after CPython's typing.py: special forms (Any, Union, Optional,
# ...), aliases of classes (List = alias of list), subscripted aliases
# (_GenericAlias), TypeVar, Generic and Protocol.

import abc
import collections
import collections.abc
import contextlib
import types as _types
import sys

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return f"{obj.__module__}.{obj.__qualname__}"
    if obj is ...:
        return "..."
    if isinstance(obj, _types.FunctionType):
        return obj.__name__
    return repr(obj)


def _type_check(arg, msg="Parameters must be types."):
    if arg is None:
        return type(None)
    if isinstance(arg, str):
        return ForwardRef(arg)
    if isinstance(arg, (type, _Final, _types.GenericAlias, _types.UnionType, tuple, list)) or callable(arg) or arg is ...:
        return arg
    raise TypeError(f"{msg} Got {arg!r:.100}.")


def _is_typevar_like(x):
    return isinstance(x, (TypeVar, ParamSpec, TypeVarTuple))


def _collect_parameters(args):
    parameters = []
    for t in args:
        if _is_typevar_like(t):
            if t not in parameters:
                parameters.append(t)
        else:
            for p in getattr(t, "__parameters__", ()):
                if p not in parameters:
                    parameters.append(p)
    return tuple(parameters)


def _subst(arg, subst):
    if _is_typevar_like(arg):
        return subst.get(arg, arg)
    params = getattr(arg, "__parameters__", ())
    if params and hasattr(arg, "__getitem__"):
        return arg[tuple(subst.get(p, p) for p in params)]
    return arg


class _Final:
    pass


class _NotIterable:
    __iter__ = None


# -- special forms ---------------------------------------------------------------


class _SpecialForm(_Final):
    def __init__(self, getitem):
        self._getitem = getitem
        self._name = getitem.__name__
        self.__doc__ = getitem.__doc__

    def __repr__(self):
        return "typing." + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError(f"Cannot instantiate {self!r}")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass {self!r}")

    def __instancecheck__(self, obj):
        raise TypeError(f"{self} cannot be used with isinstance()")

    def __subclasscheck__(self, cls):
        raise TypeError(f"{self} cannot be used with issubclass()")

    def __getitem__(self, parameters):
        return self._getitem(self, parameters)


class _AnyForm(_SpecialForm):
    def __call__(self, *args, **kwds):
        raise TypeError("Any cannot be instantiated")

    def __mro_entries__(self, bases):
        return (object,)

    def __getitem__(self, parameters):
        raise TypeError(f"{self} is not subscriptable")


def _no_params(self, parameters):
    raise TypeError(f"{self} is not subscriptable")


_no_params.__name__ = "Any"
Any = _AnyForm(_no_params)


def _named_form(name, getitem=None):
    def form(self, parameters):
        if getitem is not None:
            return getitem(self, parameters)
        raise TypeError(f"{self} is not subscriptable")

    form.__name__ = name
    return _SpecialForm(form)


NoReturn = _named_form("NoReturn")
Never = _named_form("Never")
Self = _named_form("Self")
LiteralString = _named_form("LiteralString")
TypeAlias = _named_form("TypeAlias")


def _single_arg_form(name):
    def getitem(self, parameters):
        item = _type_check(parameters, f"{name} accepts only single type.")
        return _GenericAlias(self, (item,))

    return _named_form(name, getitem)


ClassVar = _single_arg_form("ClassVar")
Final = _single_arg_form("Final")
Required = _single_arg_form("Required")
NotRequired = _single_arg_form("NotRequired")
TypeGuard = _single_arg_form("TypeGuard")
Unpack = _single_arg_form("Unpack")


def _flatten_union(parameters):
    params = []
    for p in parameters:
        if isinstance(p, (_UnionGenericAlias, _types.UnionType)):
            params.extend(p.__args__)
        else:
            params.append(p)
    unique = []
    for p in params:
        if p not in unique:
            unique.append(p)
    return tuple(unique)


def _union_getitem(self, parameters):
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    parameters = tuple(_type_check(p, "Union[arg, ...]: each arg must be a type.") for p in parameters)
    parameters = _flatten_union(parameters)
    if len(parameters) == 1:
        return parameters[0]
    if len(parameters) == 2 and type(None) in parameters:
        return _UnionGenericAlias(self, parameters, name="Optional")
    return _UnionGenericAlias(self, parameters)


Union = _named_form("Union", _union_getitem)


def _optional_getitem(self, parameters):
    arg = _type_check(parameters, f"{self} requires a single type.")
    return Union[arg, type(None)]


Optional = _named_form("Optional", _optional_getitem)


def _literal_getitem(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    unique = []
    for p in parameters:
        if p not in unique:
            unique.append(p)
    return _LiteralGenericAlias(self, tuple(unique))


Literal = _named_form("Literal", _literal_getitem)


def _concatenate_getitem(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    return _GenericAlias(self, parameters)


Concatenate = _named_form("Concatenate", _concatenate_getitem)


class ForwardRef(_Final):
    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError(f"Forward reference must be a string -- got {arg!r}")
        self.__forward_arg__ = arg
        self.__forward_module__ = module

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)

    def __repr__(self):
        return f"ForwardRef({self.__forward_arg__!r})"

    def _evaluate(self, globalns, localns):
        return eval(self.__forward_arg__, globalns, localns)


# -- type variables ----------------------------------------------------------------


class TypeVar(_Final):
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        if constraints and bound is not None:
            raise TypeError("Constraints cannot be combined with bound=...")
        if constraints and len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        self.__constraints__ = tuple(_type_check(t, "TypeVar(name, constraint, ...): constraints must be types.") for t in constraints)
        self.__bound__ = _type_check(bound, "Bound must be a type.") if bound is not None else None

    def __repr__(self):
        if self.__covariant__:
            prefix = "+"
        elif self.__contravariant__:
            prefix = "-"
        else:
            prefix = "~"
        return prefix + self.__name__

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __mro_entries__(self, bases):
        raise TypeError("Cannot subclass an instance of TypeVar")


class ParamSpecArgs(_Final):
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f"{self.__origin__.__name__}.args"


class ParamSpecKwargs(_Final):
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f"{self.__origin__.__name__}.kwargs"


class ParamSpec(_Final):
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__bound__ = bound
        self.args = ParamSpecArgs(self)
        self.kwargs = ParamSpecKwargs(self)

    def __repr__(self):
        return ("+" if self.__covariant__ else "-" if self.__contravariant__ else "~") + self.__name__


class TypeVarTuple(_Final):
    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return self.__name__


AnyStr = TypeVar("AnyStr", bytes, str)


# -- aliases ------------------------------------------------------------------------


class _BaseGenericAlias(_Final):
    def __init__(self, origin, *, inst=True, name=None):
        self._inst = inst
        self._name = name
        self.__origin__ = origin

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f"Type {self._name} cannot be instantiated; use {self.__origin__.__name__}() instead")
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except AttributeError:
            pass
        return result

    def __mro_entries__(self, bases):
        res = []
        if self.__origin__ not in bases:
            res.append(self.__origin__)
        i = bases.index(self)
        for b in bases[i + 1:]:
            if isinstance(b, _BaseGenericAlias) or (isinstance(b, type) and issubclass(b, Generic)):
                break
        else:
            if self.__origin__ is not Generic and not (isinstance(self.__origin__, type) and issubclass(self.__origin__, Generic)):
                res.append(Generic)
        return tuple(res)

    def __getattr__(self, attr):
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")


class _GenericAlias(_BaseGenericAlias):
    def __init__(self, origin, args, *, inst=True, name=None):
        super().__init__(origin, inst=inst, name=name)
        if not isinstance(args, tuple):
            args = (args,)
        self.__args__ = args
        self.__parameters__ = _collect_parameters(args)

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __getitem__(self, args):
        if not self.__parameters__:
            raise TypeError(f"{self} is not a generic class")
        if not isinstance(args, tuple):
            args = (args,)
        args = tuple(_type_check(a) for a in args)
        if len(args) != len(self.__parameters__):
            which = "many" if len(args) > len(self.__parameters__) else "few"
            raise TypeError(f"Too {which} arguments for {self}; actual {len(args)}, expected {len(self.__parameters__)}")
        subst = dict(zip(self.__parameters__, args))
        return self.copy_with(tuple(_subst(a, subst) for a in self.__args__))

    def copy_with(self, args):
        return self.__class__(self.__origin__, args, name=self._name, inst=self._inst)

    def __repr__(self):
        if self._name:
            name = "typing." + self._name
        else:
            name = _type_repr(self.__origin__)
        if self.__args__:
            args = ", ".join(_type_repr(a) for a in self.__args__)
        else:
            args = "()"
        return f"{name}[{args}]"


class _UnionGenericAlias(_GenericAlias):
    def copy_with(self, params):
        return Union[params]

    def __eq__(self, other):
        if not isinstance(other, (_UnionGenericAlias, _types.UnionType)):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[0] is type(None):
                return f"typing.Optional[{_type_repr(args[1])}]"
            if args[1] is type(None):
                return f"typing.Optional[{_type_repr(args[0])}]"
        return "typing.Union[" + ", ".join(_type_repr(a) for a in args) + "]"

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        for arg in self.__args__:
            if isinstance(arg, _BaseGenericAlias):
                raise TypeError("Subscripted generics cannot be used with class and instance checks")
        return issubclass(cls, tuple(self.__args__))


class _LiteralGenericAlias(_GenericAlias):
    def __eq__(self, other):
        if not isinstance(other, _LiteralGenericAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __repr__(self):
        return "typing.Literal[" + ", ".join(repr(a) for a in self.__args__) + "]"


class _AnnotatedAlias(_GenericAlias):
    def __init__(self, origin, metadata):
        super().__init__(origin, (origin,))
        self.__metadata__ = metadata

    def __repr__(self):
        return f"typing.Annotated[{_type_repr(self.__origin__)}, {', '.join(repr(a) for a in self.__metadata__)}]"

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__metadata__ == other.__metadata__

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))


class _AnnotatedForm:
    def __repr__(self):
        return "typing.Annotated"

    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) < 2:
            raise TypeError("Annotated[...] should be used with at least two arguments (a type and an annotation).")
        origin = _type_check(params[0], "Annotated[t, ...]: t must be a type.")
        return _AnnotatedAlias(origin, tuple(params[1:]))

    def __call__(self, *args, **kwargs):
        raise TypeError("Type Annotated cannot be instantiated.")


Annotated = _AnnotatedForm()


class _SpecialGenericAlias(_NotIterable, _BaseGenericAlias):
    def __init__(self, origin, nparams, *, inst=True, name=None):
        if name is None:
            name = origin.__name__
        super().__init__(origin, inst=inst, name=name)
        self._nparams = nparams

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_type_check(p, "Parameters to generic types must be types.") for p in params)
        if self._nparams == 0:
            raise TypeError(f"{self} is not a generic class")
        if len(params) != self._nparams:
            which = "many" if len(params) > self._nparams else "few"
            raise TypeError(f"Too {which} arguments for {self}; actual {len(params)}, expected {self._nparams}")
        return self.copy_with(params)

    def copy_with(self, params):
        return _GenericAlias(self.__origin__, params, name=self._name, inst=self._inst)

    def __repr__(self):
        return "typing." + self._name

    def __subclasscheck__(self, cls):
        if isinstance(cls, _SpecialGenericAlias):
            return issubclass(cls.__origin__, self.__origin__)
        if not isinstance(cls, _GenericAlias):
            return issubclass(cls, self.__origin__)
        return super().__subclasscheck__(cls)

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


class _CallableGenericAlias(_NotIterable, _GenericAlias):
    def __repr__(self):
        if len(self.__args__) == 2 and self.__args__[0] is ...:
            return super().__repr__()
        return f"typing.Callable[[{', '.join(_type_repr(a) for a in self.__args__[:-1])}], {_type_repr(self.__args__[-1])}]"

    def copy_with(self, params):
        return _CallableGenericAlias(self.__origin__, params, name=self._name, inst=self._inst)


class _CallableType(_SpecialGenericAlias):
    def copy_with(self, params):
        return _CallableGenericAlias(self.__origin__, params, name=self._name, inst=self._inst)

    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as Callable[[arg, ...], result].")
        args, result = params
        if isinstance(args, list):
            params = (*(_type_check(a) for a in args), _type_check(result))
        else:
            params = (args, _type_check(result))
        return self.copy_with(params)


class _TupleType(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if len(params) >= 2 and params[-1] is ...:
            return self.copy_with((*(_type_check(p) for p in params[:-1]), ...))
        return self.copy_with(tuple(_type_check(p, "Tuple[t0, t1, ...]: each t must be a type.") for p in params))


def _alias(origin, nparams, *, inst=True, name=None):
    return _SpecialGenericAlias(origin, nparams, inst=inst, name=name)


_abc = collections.abc
Hashable = _alias(_abc.Hashable, 0)
Awaitable = _alias(_abc.Awaitable, 1)
Coroutine = _alias(_abc.Coroutine, 3)
AsyncIterable = _alias(_abc.AsyncIterable, 1)
AsyncIterator = _alias(_abc.AsyncIterator, 1)
Iterable = _alias(_abc.Iterable, 1)
Iterator = _alias(_abc.Iterator, 1)
Reversible = _alias(_abc.Reversible, 1)
Sized = _alias(_abc.Sized, 0)
Container = _alias(_abc.Container, 1)
Collection = _alias(_abc.Collection, 1)
Callable = _CallableType(_abc.Callable, 2)
AbstractSet = _alias(_abc.Set, 1, name="AbstractSet")
MutableSet = _alias(_abc.MutableSet, 1)
Mapping = _alias(_abc.Mapping, 2)
MutableMapping = _alias(_abc.MutableMapping, 2)
Sequence = _alias(_abc.Sequence, 1)
MutableSequence = _alias(_abc.MutableSequence, 1)
ByteString = _alias(_abc.ByteString, 0)
Tuple = _TupleType(tuple, -1, inst=False, name="Tuple")
List = _alias(list, 1, inst=False, name="List")
Deque = _alias(collections.deque, 1, name="Deque")
Set = _alias(set, 1, inst=False, name="Set")
FrozenSet = _alias(frozenset, 1, inst=False, name="FrozenSet")
MappingView = _alias(_abc.MappingView, 1)
KeysView = _alias(_abc.KeysView, 1)
ItemsView = _alias(_abc.ItemsView, 2)
ValuesView = _alias(_abc.ValuesView, 1)
ContextManager = _alias(contextlib.AbstractContextManager, 1, name="ContextManager")
AsyncContextManager = _alias(contextlib.AbstractAsyncContextManager, 1, name="AsyncContextManager")
Dict = _alias(dict, 2, inst=False, name="Dict")
DefaultDict = _alias(collections.defaultdict, 2, name="DefaultDict")
OrderedDict = _alias(collections.OrderedDict, 2)
Counter = _alias(collections.Counter, 1)
ChainMap = _alias(collections.ChainMap, 2)
Generator = _alias(_abc.Generator, 3)
AsyncGenerator = _alias(_abc.AsyncGenerator, 2)
Type = _alias(type, 1, inst=False, name="Type")
Text = str


# -- Generic and Protocol ----------------------------------------------------------


class Generic:
    _is_protocol = False

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_type_check(p, "Parameters to generic types must be types.") for p in params)
        if cls in (Generic, Protocol):
            if not params:
                raise TypeError(f"Parameter list to {cls.__qualname__}[...] cannot be empty")
            if not all(_is_typevar_like(p) for p in params):
                raise TypeError(f"Parameters to {cls.__name__}[...] must all be type variables or parameter specification variables.")
            if len(set(params)) != len(params):
                raise TypeError(f"Parameters to {cls.__name__}[...] must all be unique")
        else:
            expected = len(getattr(cls, "__parameters__", ()))
            if expected == 0:
                raise TypeError(f"{cls} is not a generic class")
            if len(params) != expected:
                which = "many" if len(params) > expected else "few"
                raise TypeError(f"Too {which} arguments for {cls}; actual {len(params)}, expected {expected}")
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        tvars = []
        for base in cls.__dict__.get("__orig_bases__", ()):
            for p in getattr(base, "__parameters__", ()):
                if p not in tvars:
                    tvars.append(p)
        cls.__parameters__ = tuple(tvars)


_PROTOCOL_EXCLUDED = frozenset([
    "__abstractmethods__", "__annotations__", "__dict__", "__doc__", "__init__", "__module__", "__new__",
    "__slots__", "__subclasshook__", "__weakref__", "__class_getitem__", "_is_protocol", "_is_runtime_protocol",
    "__parameters__", "__orig_bases__", "__qualname__", "__init_subclass__", "__instancecheck__",
    "__subclasscheck__", "__match_args__", "__hash__", "_abc_registry", "__abstractmethods__",
])


def _get_protocol_attrs(cls):
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ("Protocol", "Generic"):
            continue
        annotations = base.__dict__.get("__annotations__", {})
        for attr in list(base.__dict__.keys()) + list(annotations.keys()):
            if not attr.startswith("_abc_") and attr not in _PROTOCOL_EXCLUDED:
                attrs.add(attr)
    return attrs


class _ProtocolMeta(abc.ABCMeta):
    # isinstance/issubclass against a runtime-checkable protocol compare
    # members structurally; other classes behave as ABCs.
    def __instancecheck__(cls, instance):
        if not cls.__dict__.get("_is_protocol", False):
            return super().__instancecheck__(instance)
        if not cls._is_runtime_protocol:
            raise TypeError("Instance and class checks can only be used with @runtime_checkable protocols")
        for attr in _get_protocol_attrs(cls):
            if not hasattr(instance, attr):
                return False
            if callable(getattr(cls, attr, None)) and getattr(instance, attr) is None:
                return False
        return True

    def __subclasscheck__(cls, other):
        if not cls.__dict__.get("_is_protocol", False):
            return super().__subclasscheck__(other)
        if not cls._is_runtime_protocol:
            raise TypeError("Instance and class checks can only be used with @runtime_checkable protocols")
        for attr in _get_protocol_attrs(cls):
            if not any(attr in base.__dict__ for base in other.__mro__):
                return False
        return True


class Protocol(Generic, metaclass=_ProtocolMeta):
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get("_is_protocol", False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)
        if "_is_runtime_protocol" not in cls.__dict__:
            cls._is_runtime_protocol = False


def runtime_checkable(cls):
    if not isinstance(cls, type) or not cls.__dict__.get("_is_protocol", False):
        raise TypeError(f"@runtime_checkable can be only applied to protocol classes, got {cls!r}")
    cls._is_runtime_protocol = True
    return cls


runtime = runtime_checkable


@runtime_checkable
class SupportsInt(Protocol):
    def __int__(self):
        pass


@runtime_checkable
class SupportsFloat(Protocol):
    def __float__(self):
        pass


@runtime_checkable
class SupportsComplex(Protocol):
    def __complex__(self):
        pass


@runtime_checkable
class SupportsBytes(Protocol):
    def __bytes__(self):
        pass


@runtime_checkable
class SupportsIndex(Protocol):
    def __index__(self):
        pass


@runtime_checkable
class SupportsAbs(Protocol):
    def __abs__(self):
        pass


@runtime_checkable
class SupportsRound(Protocol):
    def __round__(self, ndigits=0):
        pass


class IO(Generic):
    pass


class TextIO(IO):
    pass


class BinaryIO(IO):
    pass


# -- NamedTuple and TypedDict --------------------------------------------------------


def _make_nmtuple(name, types, module, defaults=()):
    fields = [n for n, t in types]
    annotations = {n: _type_check(t, f"field {n} annotation must be a type") for n, t in types}
    nm_tpl = collections.namedtuple(name, fields, defaults=defaults, module=module)
    nm_tpl.__annotations__ = annotations
    return nm_tpl


_NAMEDTUPLE_PROHIBITED = frozenset(["__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults", "_make", "_replace", "_asdict", "_source"])


class _NamedTuple(tuple):
    # The base `class P(NamedTuple)` really gets (see NamedTuple.__mro_entries__):
    # the class body's annotations become the fields of a namedtuple whose
    # machinery is copied onto the new class.
    def __init_subclass__(cls, **kwargs):
        annotations = cls.__dict__.get("__annotations__", {})
        default_names = []
        for field_name in annotations:
            if field_name in cls.__dict__:
                default_names.append(field_name)
            elif default_names:
                s = "s" if len(default_names) > 1 else ""
                raise TypeError(f"Non-default namedtuple field {field_name} cannot follow default field{s} {', '.join(default_names)}")
        defaults = [cls.__dict__[n] for n in default_names]
        nm_tpl = _make_nmtuple(cls.__name__, annotations.items(), cls.__module__, defaults)
        for key, value in nm_tpl.__dict__.items():
            if key in ("__module__", "__qualname__", "__doc__", "__slots__"):
                continue
            if key in annotations or key not in cls.__dict__ or key in _NAMEDTUPLE_PROHIBITED:
                setattr(cls, key, value)


def NamedTuple(typename, fields=None, /, **kwargs):
    if fields is None:
        fields = kwargs.items()
    elif kwargs:
        raise TypeError("Either list of fields or keywords can be provided to NamedTuple, not both")
    return _make_nmtuple(typename, fields, "__main__")


NamedTuple.__mro_entries__ = lambda bases: (_NamedTuple,)


class _TypedDict(dict):
    def __new__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    def __init_subclass__(cls, total=True, **kwargs):
        annotations = {}
        for base in reversed(cls.__mro__):
            annotations.update(base.__dict__.get("__annotations__", {}))
        cls.__annotations__ = annotations
        keys = frozenset(annotations)
        cls.__required_keys__ = keys if total else frozenset()
        cls.__optional_keys__ = frozenset() if total else keys
        cls.__total__ = total


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    if fields is None:
        fields = kwargs
    ns = {"__annotations__": dict(fields), "__module__": "__main__"}
    td = type(typename, (_TypedDict,), ns)
    _TypedDict.__init_subclass__.__func__(td, total=total)
    return td


TypedDict.__mro_entries__ = lambda bases: (_TypedDict,)


def is_typeddict(tp):
    return isinstance(tp, type) and issubclass(tp, _TypedDict) and tp is not _TypedDict


# -- functions -------------------------------------------------------------------------


def cast(typ, val):
    return val


def assert_type(val, typ, /):
    return val


def reveal_type(obj, /):
    print(f"Runtime type is {type(obj).__name__!r}", file=sys.stderr)
    return obj


def assert_never(arg, /):
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + "..."
    raise AssertionError(f"Expected code to be unreachable, but got: {value}")


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        "You should not call an overloaded function. "
        "A series of @overload-decorated functions "
        "outside a stub module should always be followed "
        "by an implementation that is not @overload-ed."
    )


def overload(func):
    return _overload_dummy


def get_overloads(func):
    return []


def clear_overloads():
    pass


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    return arg


def no_type_check_decorator(decorator):
    return decorator


def dataclass_transform(**kwargs):
    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = kwargs
        return cls_or_fn

    return decorator


class NewType:
    def __init__(self, name, tp):
        self.__qualname__ = name
        if "." in name:
            name = name.rpartition(".")[-1]
        self.__name__ = name
        self.__supertype__ = tp
        self.__module__ = "__main__"

    def __repr__(self):
        return f"{self.__module__}.{self.__qualname__}"

    def __call__(self, x):
        return x

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def get_origin(tp):
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, (_BaseGenericAlias, _types.GenericAlias)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    if isinstance(tp, _types.UnionType):
        return _types.UnionType
    return None


def get_args(tp):
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, (_GenericAlias, _types.GenericAlias)):
        res = tp.__args__
        if tp.__origin__ is collections.abc.Callable and res and res[0] is not ...:
            res = (list(res[:-1]), res[-1])
        return res
    if isinstance(tp, _types.UnionType):
        return tp.__args__
    return ()


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            hints.update(base.__dict__.get("__annotations__", {}))
    else:
        hints = dict(getattr(obj, "__annotations__", None) or {})
    if globalns is None:
        globalns = getattr(obj, "__globals__", {})
    result = {}
    for name, value in hints.items():
        if value is None:
            value = type(None)
        if isinstance(value, str):
            value = ForwardRef(value)
        if isinstance(value, ForwardRef):
            value = value._evaluate(globalns, localns)
        if not include_extras and isinstance(value, _AnnotatedAlias):
            value = value.__origin__
        result[name] = value
    return result
