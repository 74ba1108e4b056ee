# `typing`: the vocabulary of type hints at run time. Nothing is checked
# here; the module builds hint objects, shows them as CPython does
# (`typing.Optional[typing.List[int]]`), compares them, substitutes type
# variables, and provides the runtime helpers (Generic, Protocol,
# NamedTuple, TypedDict, get_type_hints, cast, overload, ...).
#
# The objects, in this module's own terms:
#   _Form           a named special form: Any-like leaves (NoReturn, Self)
#                   and subscriptable builders (Union, Optional, ClassVar,
#                   Literal, ...). Each builder is a function in _FORM_RULES.
#   _ClassAlias     an unsubscripted alias of a class (List -> list) with the
#                   number of arguments it takes.
#   _Hint           origin[args], the result of subscripting any of the
#                   above or a Generic class. Subclasses change how Union,
#                   Literal, Callable and Annotated hints compare and show.
#   TypeVar, ParamSpec, TypeVarTuple
#                   the variables a _Hint's __parameters__ lists; subscripting
#                   a hint with parameters substitutes them (_substitute).

import abc as _abc_module
import collections
import collections.abc
import contextlib
import sys
import types as _types

__all__ = [
    "Annotated", "Any", "Callable", "ClassVar", "Concatenate", "Final", "ForwardRef", "Generic", "Literal", "Optional",
    "ParamSpec", "Protocol", "Tuple", "Type", "TypeVar", "TypeVarTuple", "Union", "AbstractSet", "ByteString", "Container",
    "ContextManager", "Hashable", "ItemsView", "Iterable", "Iterator", "KeysView", "Mapping", "MappingView", "MutableMapping",
    "MutableSequence", "MutableSet", "Sequence", "Sized", "ValuesView", "Awaitable", "AsyncIterator", "AsyncIterable",
    "Coroutine", "Collection", "AsyncGenerator", "AsyncContextManager", "Reversible", "SupportsAbs", "SupportsBytes",
    "SupportsComplex", "SupportsFloat", "SupportsIndex", "SupportsInt", "SupportsRound", "ChainMap", "Counter", "Deque",
    "Dict", "DefaultDict", "List", "OrderedDict", "Set", "FrozenSet", "NamedTuple", "TypedDict", "Generator", "BinaryIO",
    "IO", "Match", "Pattern", "TextIO", "AnyStr", "assert_type", "assert_never", "cast", "clear_overloads",
    "dataclass_transform", "final", "get_args", "get_origin", "get_overloads", "get_type_hints", "is_typeddict",
    "LiteralString", "Never", "NewType", "no_type_check", "no_type_check_decorator", "NoReturn", "NotRequired", "overload",
    "ParamSpecArgs", "ParamSpecKwargs", "Required", "reveal_type", "runtime_checkable", "Self", "Text", "TYPE_CHECKING",
    "TypeAlias", "TypeGuard", "Unpack",
]

TYPE_CHECKING = False
_NoneType = type(None)


def _caller_module(depth=2):
    # The module a TypeVar, NewType or NamedTuple is created in.
    try:
        return sys._getframe(depth).f_globals.get("__name__", "__main__")
    except (AttributeError, ValueError):
        return None


def _shown(arg):
    """A hint argument as typing's reprs show it."""
    if arg is ...:
        return "..."
    if isinstance(arg, _types.FunctionType):
        return arg.__name__
    if isinstance(arg, type) and not isinstance(arg, _types.GenericAlias):
        if arg.__module__ == "builtins":
            return arg.__qualname__
        return f"{arg.__module__}.{arg.__qualname__}"
    return repr(arg)


def _as_argument(arg, problem="Parameters to generic types must be types."):
    """An argument of a subscription, as hints store it: None becomes
    NoneType, a string a ForwardRef. Bare forms that need an argument of
    their own (Union, ClassVar, ...) and tuples are rejected."""
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg)
    if (isinstance(arg, _Form) and arg._needs_argument) or arg is Generic or arg is Protocol:
        raise TypeError(f"Plain {arg} is not valid as type argument")
    if isinstance(arg, _Hint) and arg.__origin__ in (ClassVar, Final):
        raise TypeError(f"{arg} is not valid as type argument")
    if isinstance(arg, tuple):
        raise TypeError(f"{problem} Got {arg!r:.100}.")
    return arg


def _as_tuple(params):
    return params if isinstance(params, tuple) else (params,)


def _is_variable(obj):
    return isinstance(obj, (TypeVar, ParamSpec, TypeVarTuple))


def _variables_in(args):
    """The type variables in hint arguments, first appearance first."""
    found = []
    for arg in args:
        inner = [arg] if _is_variable(arg) else getattr(arg, "__parameters__", None)
        if isinstance(arg, list):
            inner = _variables_in(arg)
        for variable in inner or ():
            if _is_variable(variable) and variable not in found:
                found.append(variable)
    return tuple(found)


def _substitute(arg, mapping):
    """`arg` with the type variables in `mapping` replaced."""
    if _is_variable(arg):
        return mapping.get(arg, arg)
    if isinstance(arg, list):
        return [_substitute(item, mapping) for item in arg]
    inner = getattr(arg, "__parameters__", None)
    if inner and not isinstance(arg, type) and hasattr(arg, "__getitem__"):
        values = tuple(mapping.get(variable, variable) for variable in inner)
        return arg[values if len(values) != 1 else values[0]]
    return arg


def _arity_error(target, given, expected):
    which = "many" if given > expected else "few"
    return TypeError(f"Too {which} arguments for {target}; actual {given}, expected {expected}")


class _Unionable:
    """`X | Y` for hint objects, as Union[X, Y]."""

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def _refuse_instantiation(short_name, origin):
    raise TypeError(f"Type {short_name} cannot be instantiated; use {origin.__name__.lower()}() instead")


def _claim_module(obj):
    # Record the module that created obj (TypeVar, NewType, ...): the frame
    # above the constructor that called this.
    module = _caller_module(3)
    if module != "typing":
        obj.__module__ = module


# -- special forms --------------------------------------------------------------------


class _Form(_Unionable):
    """A special form: typing.Union, typing.ClassVar, typing.NoReturn, ..."""

    def __init__(self, name, rule=None):
        self._name, self._rule = name, rule

    @property
    def _needs_argument(self):
        return self._rule is not None

    @property
    def __name__(self):
        return self._name

    def __repr__(self):
        return "typing." + self._name

    def __reduce__(self):
        return self._name

    def __getitem__(self, params):
        if self._rule is None:
            raise TypeError(f"{self} is not subscriptable")
        return self._rule(self, params)

    def _refuse(self, action):
        raise TypeError(f"{self} cannot be used with {action}()")

    def __instancecheck__(self, obj):
        self._refuse("isinstance")

    def __subclasscheck__(self, cls):
        self._refuse("issubclass")

    def __call__(self, *args, **kwargs):
        raise TypeError(f"Cannot instantiate {self!r}")

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass {self!r}")


def _one_type(form, params):
    return _Hint(form, (_as_argument(params, f"{form} accepts only single type."),), label=repr(form))


def _optional_rule(form, params):
    return Union[_as_argument(params, f"{form} requires a single type."), None]


def _union_rule(form, params):
    if params == ():
        raise TypeError("Cannot take a Union of no types.")
    members = []
    for arg in _as_tuple(params):
        arg = _as_argument(arg, "Union[arg, ...]: each arg must be a type.")
        nested = arg.__args__ if isinstance(arg, (_UnionHint, _types.UnionType)) else (arg,)
        members.extend(item for item in nested if item not in members)
    if len(members) == 1:
        return members[0]
    return _UnionHint(Union, tuple(members))


def _literal_rule(form, params):
    values = []
    for value in _as_tuple(params):
        nested = value.__args__ if isinstance(value, _LiteralHint) else (value,)
        for item in nested:
            if not any(item == seen and type(item) is type(seen) for seen in values):
                values.append(item)
    return _LiteralHint(form, tuple(values), label="typing.Literal")


def _concatenate_rule(form, params):
    params = _as_tuple(params)
    if params == ():
        raise TypeError("Cannot take a Concatenate of no types.")
    if not (params[-1] is ... or isinstance(params[-1], ParamSpec)):
        raise TypeError("The last parameter to Concatenate should be a ParamSpec variable or ellipsis.")
    return _Hint(form, tuple(_as_argument(p, "Concatenate[arg, ...]: each arg must be a type.") for p in params), label="typing.Concatenate")


_FORM_RULES = {
    "ClassVar": _one_type, "Final": _one_type, "Required": _one_type, "NotRequired": _one_type,
    "TypeGuard": _one_type, "Unpack": _one_type, "Union": _union_rule, "Optional": _optional_rule,
    "Literal": _literal_rule, "Concatenate": _concatenate_rule,
}
for _name in ("NoReturn", "Never", "Self", "LiteralString", "TypeAlias", *_FORM_RULES):
    globals()[_name] = _Form(_name, _FORM_RULES.get(_name))
del _name


class _AnyMeta(type):
    # Any itself is special; classes derived from it are ordinary.
    def __call__(cls, *args, **kwargs):
        if cls is not Any:
            return super().__call__(*args, **kwargs)
        raise TypeError("Any cannot be instantiated")

    def __instancecheck__(cls, obj):
        if cls is not Any:
            return super().__instancecheck__(obj)
        raise TypeError(f"{cls!r} cannot be used with isinstance()")

    def __repr__(cls):
        return super().__repr__() if cls is not Any else "typing.Any"


class Any(metaclass=_AnyMeta):
    """The type every value has; subclassable, never instantiated."""


class Annotated:
    """Annotated[T, x, ...]: the type T with metadata the checker ignores."""

    def __new__(cls, *args, **kwargs):
        raise TypeError("Type Annotated cannot be instantiated.")

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple) or len(params) < 2:
            raise TypeError("Annotated[...] should be used with at least two arguments (a type and an annotation).")
        base = _as_argument(params[0], "Annotated[t, ...]: t must be a type.")
        metadata = tuple(params[1:])
        if isinstance(base, _AnnotatedHint):
            base, metadata = base.__origin__, base.__metadata__ + metadata
        return _AnnotatedHint(base, metadata)

    def __init_subclass__(cls, *args, **kwargs):
        raise TypeError(f"Cannot subclass {cls.__module__}.Annotated")


class ForwardRef(_Unionable):
    """A hint written as a string, evaluated later (get_type_hints)."""

    __slots__ = ("__forward_arg__", "__forward_code__", "__forward_evaluated__", "__forward_value__",
                 "__forward_is_argument__", "__forward_is_class__", "__forward_module__")

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError(f"Forward reference must be a string -- got {arg!r}")
        try:
            code = compile(arg, "<string>", "eval")
        except SyntaxError:
            raise SyntaxError(f"Forward reference must be an expression -- got {arg!r}") from None
        settings = {"arg": arg, "code": code, "evaluated": False, "value": None,
                    "is_argument": is_argument, "is_class": is_class, "module": module}
        for key, value in settings.items():
            setattr(self, f"__forward_{key}__", value)

    def _evaluate(self, globalns, localns, recursive_guard=frozenset()):
        if self.__forward_arg__ in recursive_guard:
            return self
        if self.__forward_module__ is not None:
            globalns = getattr(sys.modules.get(self.__forward_module__), "__dict__", globalns)
        value = eval(self.__forward_code__, globalns, localns)
        value = _resolved(_as_argument(value, "Forward references must evaluate to types."), globalns, localns,
                          recursive_guard | {self.__forward_arg__})
        self.__forward_evaluated__, self.__forward_value__ = True, value
        return value

    def _compared(self, by_value):
        second = self.__forward_value__ if by_value else self.__forward_module__
        return self.__forward_arg__, second

    def __eq__(self, other):
        # Once both are evaluated, what they evaluated to counts.
        if isinstance(other, ForwardRef):
            by_value = self.__forward_evaluated__ and other.__forward_evaluated__
            return self._compared(by_value) == other._compared(by_value)
        return NotImplemented

    def __hash__(self):
        return hash((self.__forward_arg__, self.__forward_module__))

    def __repr__(self):
        module = "" if self.__forward_module__ is None else f", module={self.__forward_module__!r}"
        return f"ForwardRef({self.__forward_arg__!r}{module})"


# -- type variables ----------------------------------------------------------------------


class _Variable(_Unionable):
    """What TypeVar and ParamSpec share: a name, variance, a bound, and the
    module that made them."""

    def _setup(self, name, bound, covariant, contravariant):
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        self.__name__ = name
        self.__covariant__, self.__contravariant__ = bool(covariant), bool(contravariant)
        self.__bound__ = None if bound is None else _as_argument(bound, "Bound must be a type.")

    def __repr__(self):
        sign = "+" if self.__covariant__ else "-" if self.__contravariant__ else "~"
        return sign + self.__name__

    def __reduce__(self):
        return self.__name__

    def __init_subclass__(cls, *args, **kwargs):
        if cls.__module__ != __name__:
            raise TypeError(f"type '{cls.__mro__[1].__name__}' is not an acceptable base type")


class TypeVar(_Variable):
    """A type variable: TypeVar('T'), TypeVar('N', int, float),
    TypeVar('B', bound=Base), with covariant=/contravariant=."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self._setup(name, bound, covariant, contravariant)
        self.__constraints__ = _checked_constraints(constraints, bound)
        _claim_module(self)


def _checked_constraints(constraints, bound):
    """A TypeVar's constraints: none, or two or more types and no bound."""
    if constraints and bound is not None:
        raise TypeError("Constraints cannot be combined with bound=...")
    if len(constraints) == 1:
        raise TypeError("A single constraint is not allowed")
    return tuple(_as_argument(c, "TypeVar(name, constraint, ...): constraints must be types.") for c in constraints)


class _ParamSpecPart:
    """P.args or P.kwargs of a ParamSpec P (`_part` names which)."""

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f"{self.__origin__.__name__}.{self._part}"

    def __eq__(self, other):
        same_kind = type(other) is type(self)
        return NotImplemented if not same_kind else self.__origin__ == other.__origin__

    def __hash__(self):
        return hash((self._part, self.__origin__))


class ParamSpecArgs(_ParamSpecPart):
    """P.args, the *args of a ParamSpec P."""

    _part = "args"


class ParamSpecKwargs(_ParamSpecPart):
    """P.kwargs, the **kwargs of a ParamSpec P."""

    _part = "kwargs"


class ParamSpec(_Variable):
    """A parameter specification variable: the parameters of a callable."""

    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self._setup(name, bound, covariant, contravariant)
        _claim_module(self)

    @property
    def args(self):
        return ParamSpecArgs(self)

    @property
    def kwargs(self):
        return ParamSpecKwargs(self)


class TypeVarTuple:
    """A variadic type variable; `*Ts` unpacks it."""

    def __init__(self, name):
        self.__name__ = name
        _claim_module(self)

    def __iter__(self):
        yield Unpack[self]

    def __repr__(self):
        return self.__name__

    def __reduce__(self):
        return self.__name__

    def __mro_entries__(self, bases):
        raise TypeError("Cannot subclass an instance of TypeVarTuple")


# -- subscripted hints -----------------------------------------------------------------------


def _brings_generic(base):
    return isinstance(base, (_Hint, _ClassAlias)) or (isinstance(base, type) and issubclass(base, Generic))


def _bases_for(origin, hint, bases):
    """What a class statement gets for a hint among its bases. Generic must
    come once, and last: Generic[...] gives way to any other base that
    brings it (and to a later Generic[...]); an alias of a class gives the
    class, plus Generic unless a later base brings it."""
    here = bases.index(hint)
    if origin is Generic:
        others = [b for i, b in enumerate(bases) if i != here and not (isinstance(b, _Hint) and b.__origin__ is Generic and i < here)]
        return () if any(_brings_generic(b) for b in others) else (Generic,)
    entries = [] if origin in bases else [origin]
    if not (isinstance(origin, type) and issubclass(origin, Generic)) and not any(_brings_generic(b) for b in bases[here + 1:]):
        entries.append(Generic)
    return tuple(entries)


def _origin_attribute(alias, attr):
    # Public attributes of an alias are its class's (List[int].append);
    # private and special ones are not forwarded.
    if not attr.startswith("_"):
        return getattr(alias.__origin__, attr)
    raise AttributeError(attr)


class _Hint(_Unionable):
    """origin[args]. `label` is how the origin shows in the repr (typing.List
    for the alias, the class itself for a Generic class)."""

    def __init__(self, origin, args, *, label=None, instantiable=True):
        self.__origin__, self.__args__ = origin, args
        self._label, self._instantiable = label, instantiable

    @property
    def __parameters__(self):
        return _variables_in(self.__args__)

    def __getattr__(self, attr):
        if attr in ("__name__", "__qualname__"):
            return (self._label or "").rpartition(".")[2] or self.__origin__.__name__
        return _origin_attribute(self, attr)

    def _with_args(self, args):
        return type(self)(self.__origin__, args, label=self._label, instantiable=self._instantiable)

    def _show_args(self):
        return ", ".join(_shown(arg) for arg in self.__args__) or "()"

    def __repr__(self):
        if self.__origin__ is Unpack and isinstance(self.__args__[0], TypeVarTuple):
            return f"*{self.__args__[0]!r}"
        return f"{self._label or _shown(self.__origin__)}[{self._show_args()}]"

    def _keys(self):
        """What equality and hashing look at."""
        return self.__origin__, self.__args__

    def __eq__(self, other):
        if type(other) is type(self):
            return self._keys() == other._keys()
        return NotImplemented

    def __hash__(self):
        return hash(self._keys())

    def __getitem__(self, values):
        if not self.__parameters__:
            raise TypeError(f"{self} is not a generic class")
        values = tuple(_as_argument(v) for v in _as_tuple(values))
        if len(values) != len(self.__parameters__):
            raise _arity_error(self, len(values), len(self.__parameters__))
        mapping = dict(zip(self.__parameters__, values))
        return self._with_args(tuple(_substitute(arg, mapping) for arg in self.__args__))

    def __call__(self, *args, **kwargs):
        if not self._instantiable:
            _refuse_instantiation(self._label.rpartition(".")[2], self.__origin__)
        made = self.__origin__(*args, **kwargs)
        # Remember the hint on the instance when it takes attributes.
        with contextlib.suppress(AttributeError, TypeError):
            made.__orig_class__ = self
        return made

    def __mro_entries__(self, bases):
        return _bases_for(self.__origin__, self, bases)

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")


class _UnionHint(_Hint):
    """Union[X, Y, ...]: equal to another union of the same members in any
    order; Union[X, None] shows as Optional[X]."""

    def _with_args(self, args):
        return Union[args]

    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and _NoneType in args:
            other = args[1] if args[0] is _NoneType else args[0]
            return f"typing.Optional[{_shown(other)}]"
        return f"typing.Union[{self._show_args()}]"

    def _keys(self):
        return frozenset(self.__args__)

    def __eq__(self, other):
        if isinstance(other, _types.UnionType):
            other = Union[other.__args__]
        return super().__eq__(other)

    __hash__ = _Hint.__hash__

    def __subclasscheck__(self, cls):
        # A subscripted member raises when (and only if) it is reached.
        return any(issubclass(cls, member) for member in self.__args__)

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass {self!r}")


class _LiteralHint(_Hint):
    """Literal[v, ...]: values compare with their types (Literal[1] is not
    Literal[True]) and in any order."""

    def _keys(self):
        return frozenset((value, type(value)) for value in self.__args__)

    def __repr__(self):
        return f"typing.Literal[{', '.join(repr(value) for value in self.__args__)}]"



class _CallableHint(_Hint):
    """Callable[[A, B], R] (args stored flat: (A, B, R)), Callable[..., R]
    and Callable[P, R]."""

    def __repr__(self):
        *params, result = self.__args__
        if len(params) == 1 and (params[0] is ... or isinstance(params[0], ParamSpec) or
                                 (isinstance(params[0], _Hint) and params[0].__origin__ is Concatenate)):
            shown = _shown(params[0])
        else:
            shown = "[" + ", ".join(_shown(p) for p in params) + "]"
        return f"typing.Callable[{shown}, {_shown(result)}]"

    def _with_args(self, args):
        flat = []
        for arg in args[:-1]:
            flat.extend(arg if isinstance(arg, list) else [arg])
        return _CallableHint(self.__origin__, tuple(flat) + (args[-1],), label=self._label)


class _AnnotatedHint(_Hint):
    """Annotated[T, x, ...]: __origin__ is T, __metadata__ the rest."""

    def __init__(self, origin, metadata):
        super().__init__(origin, (origin,))
        self.__metadata__ = metadata

    def _with_args(self, args):
        return _AnnotatedHint(args[0], self.__metadata__)

    def __repr__(self):
        return f"typing.Annotated[{_shown(self.__origin__)}, {', '.join(repr(m) for m in self.__metadata__)}]"

    def _keys(self):
        return self.__origin__, self.__metadata__

    def __mro_entries__(self, bases):
        return (self.__origin__,)


# -- aliases of classes ----------------------------------------------------------------------


class _ClassAlias(_Unionable):
    """typing.List and friends: a class under a typing name. `arity` is how
    many arguments a subscription takes (0: none, -1: Tuple's any number)."""

    def __init__(self, origin, arity, name, *, instantiable=True, hint=_Hint):
        self.__origin__, self._name, self._arity = origin, name, arity
        self._instantiable, self._hint = instantiable, hint

    @property
    def __name__(self):
        return self._name

    __getattr__ = _origin_attribute

    def __repr__(self):
        return "typing." + self._name

    def __reduce__(self):
        return self._name

    def _make(self, args):
        return self._hint(self.__origin__, args, label=repr(self), instantiable=self._instantiable)

    def __getitem__(self, params):
        if self._arity == 0:
            raise TypeError(f"{self} is not a generic class")
        if self._name == "Tuple":
            return self._tuple_of(params)
        if self._name == "Callable":
            return self._callable_of(params)
        args = tuple(_as_argument(p) for p in _as_tuple(params))
        if len(args) != self._arity:
            raise _arity_error(self, len(args), self._arity)
        return self._make(args)

    def _tuple_of(self, params):
        if params == ():
            return self._make(())
        params = _as_tuple(params)
        if len(params) == 2 and params[1] is ...:
            return self._make((_as_argument(params[0], "Tuple[t, ...]: t must be a type."), ...))
        return self._make(tuple(_as_argument(p, "Tuple[t0, t1, ...]: each t must be a type.") for p in params))

    def _callable_of(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as Callable[[arg, ...], result].")
        arguments, result = params
        result = _as_argument(result, "Callable[args, result]: result must be a type.")
        if isinstance(arguments, list):
            arguments = tuple(_as_argument(a, "Callable[[arg, ...], result]: each arg must be a type.") for a in arguments)
        elif arguments is ... or isinstance(arguments, ParamSpec) or (isinstance(arguments, _Hint) and arguments.__origin__ is Concatenate):
            arguments = (arguments,)
        else:
            arguments = (_as_argument(arguments, "Callable[[arg, ...], result]: each arg must be a type."),)
        return self._make(arguments + (result,))

    def __call__(self, *args, **kwargs):
        if not self._instantiable:
            _refuse_instantiation(self._name, self.__origin__)
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return _bases_for(self.__origin__, self, bases)

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        # Bare aliases stand for their classes, on either side.
        if isinstance(cls, _Hint):
            cls.__subclasscheck__(self.__origin__)
        return issubclass(getattr(cls, "__origin__", cls) if isinstance(cls, _ClassAlias) else cls, self.__origin__)


_abcs = collections.abc
_CLASS_ALIASES = [
    # (typing name, class, arguments, instantiable)
    ("Hashable", _abcs.Hashable, 0, True), ("Awaitable", _abcs.Awaitable, 1, True),
    ("Coroutine", _abcs.Coroutine, 3, True), ("AsyncIterable", _abcs.AsyncIterable, 1, True),
    ("AsyncIterator", _abcs.AsyncIterator, 1, True), ("Iterable", _abcs.Iterable, 1, True),
    ("Iterator", _abcs.Iterator, 1, True), ("Reversible", _abcs.Reversible, 1, True),
    ("Sized", _abcs.Sized, 0, True), ("Container", _abcs.Container, 1, True),
    ("Collection", _abcs.Collection, 1, True), ("AbstractSet", _abcs.Set, 1, True),
    ("MutableSet", _abcs.MutableSet, 1, True), ("Mapping", _abcs.Mapping, 2, True),
    ("MutableMapping", _abcs.MutableMapping, 2, True), ("Sequence", _abcs.Sequence, 1, True),
    ("MutableSequence", _abcs.MutableSequence, 1, True), ("ByteString", _abcs.ByteString, 0, True),
    ("List", list, 1, False), ("Deque", collections.deque, 1, True), ("Set", set, 1, False),
    ("FrozenSet", frozenset, 1, False), ("MappingView", _abcs.MappingView, 1, True),
    ("KeysView", _abcs.KeysView, 1, True), ("ItemsView", _abcs.ItemsView, 2, True),
    ("ValuesView", _abcs.ValuesView, 1, True), ("ContextManager", contextlib.AbstractContextManager, 1, True),
    ("AsyncContextManager", contextlib.AbstractAsyncContextManager, 1, True), ("Dict", dict, 2, False),
    ("DefaultDict", collections.defaultdict, 2, True), ("OrderedDict", collections.OrderedDict, 2, True),
    ("Counter", collections.Counter, 1, True), ("ChainMap", collections.ChainMap, 2, True),
    ("Generator", _abcs.Generator, 3, True), ("AsyncGenerator", _abcs.AsyncGenerator, 2, True),
    ("Type", type, 1, False), ("Tuple", tuple, -1, False),
]
for _name, _origin, _arity, _instantiable in _CLASS_ALIASES:
    globals()[_name] = _ClassAlias(_origin, _arity, _name, instantiable=_instantiable)
Callable = _ClassAlias(_abcs.Callable, 2, "Callable", hint=_CallableHint)
del _name, _origin, _arity, _instantiable
Text = str


_ON_DEMAND = {"Pattern": "re", "Match": "re"}  # aliases made when first asked for


def __getattr__(name):
    home = _ON_DEMAND.get(name)
    if home is None:
        raise AttributeError(f"module 'typing' has no attribute {name!r}")
    globals()[name] = _ClassAlias(getattr(__import__(home), name), 1, name)
    return globals()[name]


# -- Generic and Protocol ----------------------------------------------------------------------


class Generic:
    """Base of generic classes: `class Box(Generic[T])` makes Box[int] a hint."""

    __slots__ = ()
    _is_protocol = False

    def __class_getitem__(cls, params):
        params = _as_tuple(params)
        if cls in (Generic, Protocol):
            if not params:
                raise TypeError(f"Parameter list to {cls.__qualname__}[...] cannot be empty")
            if not all(_is_variable(p) for p in params):
                raise TypeError(f"Parameters to {cls.__name__}[...] must all be type variables or parameter specification variables.")
            if len(set(params)) != len(params):
                raise TypeError(f"Parameters to {cls.__name__}[...] must all be unique")
            return _Hint(cls, params)
        expected = cls.__dict__.get("__parameters__", ())
        if not expected:
            raise TypeError(f"{cls} is not a generic class")
        params = tuple(_as_argument(p) for p in params)
        if len(params) != len(expected):
            raise _arity_error(cls, len(params), len(expected))
        return _Hint(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        written = cls.__dict__.get("__orig_bases__", ())
        if Generic in (written or cls.__bases__) and cls.__name__ != "Protocol":
            raise TypeError("Cannot inherit from plain Generic")
        used = _variables_in(written)
        declared = [b for b in written if isinstance(b, _Hint) and b.__origin__ in (Generic, Protocol)]
        if len(declared) > 1 and any(b.__origin__ is Generic for b in declared):
            raise TypeError("Cannot inherit from Generic[...] multiple times.")
        if declared:
            listed = declared[0].__args__
            missing = [v for v in used if v not in listed]
            if missing:
                name = declared[0].__origin__.__name__
                raise TypeError(f"Some type variables ({', '.join(map(str, missing))}) are not listed in {name}[{', '.join(map(str, listed))}]")
            used = listed
        cls.__parameters__ = tuple(used)


_PROTOCOL_INTERNALS = frozenset({
    "__abstractmethods__", "__annotations__", "__dict__", "__doc__", "__init__", "__module__", "__new__", "__slots__",
    "__subclasshook__", "__weakref__", "__class_getitem__", "__parameters__", "__orig_bases__", "__qualname__",
    "__init_subclass__", "__match_args__", "__protocol_attrs__", "__callable_proto_members_only__", "_is_protocol",
    "_is_runtime_protocol", "__orig_class__", "__firstlineno__", "__static_attributes__",
})


def _protocol_members(cls):
    """The names a protocol class requires: its and its protocol bases'
    attributes and annotations."""
    names = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ("Protocol", "Generic") or not base.__dict__.get("_is_protocol", False):
            continue
        for name in list(base.__dict__) + list(base.__dict__.get("__annotations__", {})):
            if name not in _PROTOCOL_INTERNALS and not name.startswith("_abc_"):
                names.add(name)
    return names


def _refuse_unchecked(cls):
    if not cls.__dict__.get("_is_runtime_protocol", False):
        raise TypeError("Instance and class checks can only be used with @runtime_checkable protocols")


class _ProtocolMeta(_abc_module.ABCMeta):
    # Protocol classes check members structurally; their concrete
    # subclasses are ordinary ABCs.
    def __instancecheck__(cls, instance):
        if not cls.__dict__.get("_is_protocol", False) or cls is Protocol:
            return super().__instancecheck__(instance)
        _refuse_unchecked(cls)
        members = _protocol_members(cls)
        if all(callable(getattr(cls, name, None)) for name in members) and super().__instancecheck__(instance):
            return True
        for name in members:
            if not hasattr(instance, name):
                return False
            if callable(getattr(cls, name, None)) and getattr(instance, name) is None:
                return False
        return True

    def __subclasscheck__(cls, other):
        if not cls.__dict__.get("_is_protocol", False) or cls is Protocol:
            return super().__subclasscheck__(other)
        _refuse_unchecked(cls)
        members = _protocol_members(cls)
        if any(not callable(getattr(cls, name, None)) for name in members):
            raise TypeError("Protocols with non-method members don't support issubclass()")
        if not isinstance(other, type):
            raise TypeError("issubclass() arg 1 must be a class")
        for name in members:
            owner = next((base for base in other.__mro__ if name in base.__dict__), None)
            if owner is None or owner.__dict__[name] is None:
                return super().__subclasscheck__(other)
        return True


def _no_protocol_instances(self, *args, **kwargs):
    if type(self).__dict__.get("_is_protocol", False):
        raise TypeError("Protocols cannot be instantiated")
    # A concrete class using a protocol's (absent) __init__ gets the next one.
    for base in type(self).__mro__:
        init = base.__dict__.get("__init__")
        if init is not None and init is not _no_protocol_instances:
            return init(self, *args, **kwargs)


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Base of structural types: a class matches a @runtime_checkable
    protocol when it has the protocol's members."""

    _is_runtime_protocol = False
    _is_protocol = True

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "_is_protocol" not in cls.__dict__:
            cls._is_protocol = any(base is Protocol for base in cls.__bases__)
        if cls._is_protocol:
            for base in cls.__bases__:
                if not (base in (object, Generic) or base.__dict__.get("_is_protocol", False)):
                    raise TypeError(f"Protocols can only inherit from other protocols, got {base!r}")
            if "__init__" not in cls.__dict__:
                cls.__init__ = _no_protocol_instances


def _is_protocol_class(cls):
    return isinstance(cls, type) and issubclass(cls, Generic) and cls.__dict__.get("_is_protocol", False)


def runtime_checkable(cls):
    """Let isinstance() and issubclass() check a protocol class's members."""
    if _is_protocol_class(cls):
        cls._is_runtime_protocol = True
        return cls
    raise TypeError(f"@runtime_checkable can be only applied to protocol classes, got {cls!r}")


def _supports(name, method):
    # One of the Supports* protocols: a class requiring a single method.
    def required(self, *args):
        pass

    required.__name__ = method
    required.__qualname__ = f"{name}.{method}"
    body = {method: required, "__slots__": (), "__module__": __name__, "__qualname__": name}
    return runtime_checkable(_ProtocolMeta(name, (Protocol,), body))


SupportsInt = _supports("SupportsInt", "__int__")
SupportsFloat = _supports("SupportsFloat", "__float__")
SupportsComplex = _supports("SupportsComplex", "__complex__")
SupportsBytes = _supports("SupportsBytes", "__bytes__")
SupportsIndex = _supports("SupportsIndex", "__index__")
SupportsAbs = _supports("SupportsAbs", "__abs__")
SupportsRound = _supports("SupportsRound", "__round__")


AnyStr = TypeVar("AnyStr", bytes, str)


class IO(Generic[AnyStr]):
    """The generic type of file objects (what open() returns)."""

    __slots__ = ()


class TextIO(IO[str]):
    """Text file objects."""

    __slots__ = ()


class BinaryIO(IO[bytes]):
    """Binary file objects."""

    __slots__ = ()


# -- NamedTuple and TypedDict ------------------------------------------------------------------


_NAMEDTUPLE_RESERVED = frozenset({"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults",
                                  "_make", "_replace", "_asdict", "_source"})
_NAMEDTUPLE_KEEP = frozenset({"__module__", "__qualname__", "__annotations__", "__orig_bases__", "__classcell__"})


def _typed_namedtuple(name, fields, module, defaults=()):
    """collections.namedtuple with the field types kept as __annotations__."""
    fields = [(field, _as_argument(kind, f"field {field} annotation must be a type")) for field, kind in fields]
    made = collections.namedtuple(name, [field for field, _ in fields], defaults=defaults, module=module)
    made.__annotations__ = dict(fields)
    return made


class _NamedTupleMeta(type):
    # `class P(NamedTuple)` comes here (NamedTuple.__mro_entries__): the
    # annotations become the fields; the body's methods are copied on.
    def __new__(mcls, name, bases, namespace):
        generic = Generic in bases
        if any(base not in (_NamedTupleBase, Generic) for base in bases):
            raise TypeError("can only inherit from a NamedTuple type and Generic")
        annotations = namespace.get("__annotations__", {})
        defaults = []
        for field in annotations:
            if field in namespace:
                defaults.append(field)
            elif defaults:
                plural = "s" if len(defaults) > 1 else ""
                raise TypeError(f"Non-default namedtuple field {field} cannot follow default field{plural} {', '.join(defaults)}")
        made = _typed_namedtuple(name, annotations.items(), namespace.get("__module__", "__main__"),
                                 [namespace[field] for field in defaults])
        if generic:
            made.__parameters__ = _variables_in(namespace.get("__orig_bases__", ()))
            made.__class_getitem__ = classmethod(Generic.__class_getitem__.__func__)
        for key, value in namespace.items():
            if key in _NAMEDTUPLE_RESERVED:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            if key not in _NAMEDTUPLE_KEEP and key not in made._fields:
                setattr(made, key, value)
                hook = getattr(type(value), "__set_name__", None)
                if hook is not None:
                    hook(value, made, key)
        return made


def NamedTuple(typename, fields=None, /, **kwargs):
    """A namedtuple class with typed fields: NamedTuple('P', [('x', int)]),
    or as a base class with annotated fields."""
    if fields is not None and kwargs:
        raise TypeError("Either list of fields or keywords can be provided to NamedTuple, not both")
    return _typed_namedtuple(typename, kwargs.items() if fields is None else fields, _caller_module())


def _namedtuple_entries(bases):
    return (_NamedTupleBase,)


NamedTuple.__mro_entries__ = _namedtuple_entries
_NamedTupleBase = type.__new__(_NamedTupleMeta, "NamedTuple", (), {"__module__": __name__})


def _key_kind(hint):
    """Required, NotRequired or None for a TypedDict value's hint."""
    while isinstance(hint, _AnnotatedHint):
        hint = hint.__origin__
    if isinstance(hint, _Hint) and hint.__origin__ in (Required, NotRequired):
        return hint.__origin__
    return None


class _TypedDictMeta(type):
    # A TypedDict class: its instances are plain dicts.
    def __new__(mcls, name, bases, namespace, total=True):
        for base in bases:
            if type(base) is not _TypedDictMeta and base is not Generic:
                raise TypeError("cannot inherit from both a TypedDict type and a non-TypedDict base class")
        made = type.__new__(mcls, name, (dict,), namespace)
        module = namespace.get("__module__")
        own = {key: ForwardRef(hint, module=module, is_class=True) if isinstance(hint, str) else
               _as_argument(hint, "TypedDict('Name', {f0: t0, f1: t1, ...}); each t must be a type")
               for key, hint in namespace.get("__annotations__", {}).items()}
        annotations, required, optional = {}, set(), set()
        for base in bases:
            annotations.update(base.__dict__.get("__annotations__", {}))
            required.update(base.__dict__.get("__required_keys__", ()))
            optional.update(base.__dict__.get("__optional_keys__", ()))
        annotations.update(own)
        for key, hint in own.items():
            kind = _key_kind(hint)
            (required if kind is Required or (kind is None and total) else optional).add(key)
        made.__annotations__ = annotations
        made.__required_keys__ = frozenset(required)
        made.__optional_keys__ = frozenset(optional)
        made.__total__ = total
        return made

    def __call__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    def __subclasscheck__(cls, other):
        raise TypeError("TypedDict does not support instance and class checks")

    __instancecheck__ = __subclasscheck__


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    """A dict type with fixed, typed keys: TypedDict('Movie', {'title':
    str}), or as a base class with annotated keys (total=False makes them
    optional)."""
    if fields is None:
        fields = kwargs
        if kwargs:
            import warnings

            warnings.warn("The kwargs-based syntax for TypedDict definitions is deprecated in Python 3.11, will be removed in "
                          "Python 3.13, and may not be understood by third-party type checkers.", DeprecationWarning, stacklevel=2)
    elif kwargs:
        raise TypeError("TypedDict takes either a dict or keyword arguments, but not both")
    namespace = {"__annotations__": dict(fields), "__module__": _caller_module()}
    return _TypedDictMeta(typename, (), namespace, total=total)


_TypedDictBase = type.__new__(_TypedDictMeta, "TypedDict", (), {})
TypedDict.__mro_entries__ = lambda bases: (_TypedDictBase,)


def is_typeddict(tp):
    """Whether tp is a TypedDict class."""
    return isinstance(tp, _TypedDictMeta) and tp is not _TypedDictBase


# -- functions ------------------------------------------------------------------------------------


def cast(typ, val):
    """Tell a type checker val has type typ; returns val unchanged."""
    return val


def assert_type(val, typ, /):
    """Ask a type checker to confirm val's type; returns val."""
    return val


def reveal_type(obj, /):
    """Print obj's runtime type to stderr; returns obj."""
    print(f"Runtime type is {type(obj).__name__!r}", file=sys.stderr)
    return obj


def assert_never(arg, /):
    """Mark unreachable code: always raises AssertionError."""
    shown = repr(arg)
    raise AssertionError("Expected code to be unreachable, but got: " + (shown[:100] + "..." if len(shown) > 100 else shown))


_OVERLOADS = {}  # (module, qualname) -> {first line: overload}


def _overload_key(func):
    func = getattr(func, "__func__", func)
    return getattr(func, "__module__", None), getattr(func, "__qualname__", None)


def _call_overload(*args, **kwargs):
    raise NotImplementedError(
        "You should not call an overloaded function. A series of @overload-decorated functions outside a stub module "
        "should always be followed by an implementation that is not @overload-ed.")


def overload(func):
    """Declare one signature of an overloaded function (kept for
    get_overloads()); the returned stand-in must not be called."""
    code = getattr(getattr(func, "__func__", func), "__code__", None)
    if code is not None:
        _OVERLOADS.setdefault(_overload_key(func), {})[code.co_firstlineno] = func
    return _call_overload


def get_overloads(func):
    """The @overload declarations made for the function func, in order."""
    return list(_OVERLOADS.get(_overload_key(func), {}).values())


def clear_overloads():
    """Forget every @overload declaration."""
    _OVERLOADS.clear()


def final(f):
    """Mark a method or class as final (sets __final__ = True when it can)."""
    with contextlib.suppress(AttributeError, TypeError):
        f.__final__ = True
    return f


def no_type_check(arg):
    """Mark a function, or every function of a class, as not type-checked."""
    if isinstance(arg, type):
        for value in list(vars(arg).values()):
            target = getattr(value, "__func__", value)
            if isinstance(target, _types.FunctionType) and target.__qualname__.startswith(arg.__qualname__ + "."):
                target.__no_type_check__ = True
    try:
        arg.__no_type_check__ = True
    except TypeError:
        pass
    return arg


def no_type_check_decorator(decorator):
    """Make a decorator whose results are marked with no_type_check."""
    def marking_decorator(*args, **kwargs):
        return no_type_check(decorator(*args, **kwargs))

    for attr in ("__module__", "__name__", "__qualname__", "__doc__"):
        setattr(marking_decorator, attr, getattr(decorator, attr, None))
    marking_decorator.__wrapped__ = decorator
    return marking_decorator


def dataclass_transform(*, eq_default=True, order_default=False, kw_only_default=False, field_specifiers=(), **kwargs):
    """Mark a decorator, base class or metaclass as dataclass-like for type
    checkers (recorded in __dataclass_transform__)."""
    settings = dict(locals())  # the parameters, in order, as CPython records them

    def mark(target):
        target.__dataclass_transform__ = settings
        return target

    return mark


class _RefusedBase(type):
    # What `class C(SomeNewType)` really derives from: it refuses, naming C.
    def __new__(mcls, name, bases, namespace, **kwargs):
        parent = next(base._new_type_name for base in bases if isinstance(base, _RefusedBase))
        raise TypeError(f"Cannot subclass an instance of NewType. Perhaps you were looking for: `{name} = NewType({name!r}, {parent})`")


class NewType(_Unionable):
    """NewType('UserId', int): a distinct name for a type; calling it returns
    its argument."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        self.__name__ = name.rpartition(".")[2]
        self.__supertype__ = tp
        _claim_module(self)

    def __mro_entries__(self, bases):
        return (type.__new__(_RefusedBase, "NewTypeBase", (), {"_new_type_name": self.__name__}),)

    def __repr__(self):
        return f"{self.__module__}.{self.__qualname__}"

    def __call__(self, x):
        return x

    def __reduce__(self):
        return self.__qualname__


_ORIGIN_CARRIERS = (_Hint, _ClassAlias, _types.GenericAlias, ParamSpecArgs, ParamSpecKwargs)


def get_origin(tp):
    """The unsubscripted form of a hint: get_origin(List[int]) is list,
    get_origin(Union[int, str]) is Union; None for what is no hint."""
    if isinstance(tp, _AnnotatedHint):
        return Annotated
    if isinstance(tp, _types.UnionType):
        return _types.UnionType
    return tp.__origin__ if isinstance(tp, _ORIGIN_CARRIERS) else (Generic if tp is Generic else None)


def get_args(tp):
    """A hint's arguments: get_args(Dict[str, int]) is (str, int);
    Callable[[A], R] gives ([A], R), Annotated[T, x] gives (T, x)."""
    if isinstance(tp, _AnnotatedHint):
        return (tp.__origin__,) + tp.__metadata__
    if not isinstance(tp, (_Hint, _types.GenericAlias, _types.UnionType)):
        return ()
    args = tp.__args__
    if get_origin(tp) is _abcs.Callable and args and not (len(args) == 2 and (args[0] is ... or _takes_parameters(args[0]))):
        return (list(args[:-1]), args[-1])
    return args


def _takes_parameters(arg):
    return isinstance(arg, ParamSpec) or (isinstance(arg, _Hint) and arg.__origin__ is Concatenate)


def _resolved(hint, globalns, localns, guard=frozenset()):
    """A hint with its forward references evaluated, inside aliases too."""
    if isinstance(hint, str):
        hint = ForwardRef(hint, is_argument=False)
    if isinstance(hint, ForwardRef):
        return hint._evaluate(globalns, localns, guard)
    if isinstance(hint, (_Hint, _types.GenericAlias)) and not isinstance(hint, _AnnotatedHint):
        args = tuple(_resolved(arg, globalns, localns, guard) for arg in hint.__args__)
        if args != tuple(hint.__args__):
            if isinstance(hint, _types.GenericAlias):
                return _types.GenericAlias(hint.__origin__, args)
            return hint._with_args(args)
    if isinstance(hint, _AnnotatedHint):
        inner = _resolved(hint.__origin__, globalns, localns, guard)
        return hint if inner is hint.__origin__ else _AnnotatedHint(inner, hint.__metadata__)
    return hint


def _without_extras(hint):
    """Annotated, Required and NotRequired wrappers taken off, everywhere."""
    if isinstance(hint, _AnnotatedHint):
        return _without_extras(hint.__origin__)
    if isinstance(hint, _Hint) and hint.__origin__ in (Required, NotRequired):
        return _without_extras(hint.__args__[0])
    if isinstance(hint, _Hint):
        args = tuple(_without_extras(arg) for arg in hint.__args__)
        return hint if args == hint.__args__ else hint._with_args(args)
    return hint


def _hint_value(value, globalns, localns, include_extras):
    if value is None:
        value = _NoneType
    value = _resolved(value, globalns, localns)
    return value if include_extras else _without_extras(value)


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of a class (its bases' included), module or function
    with string annotations evaluated and None as NoneType; Annotated and
    Required/NotRequired are removed unless include_extras."""
    if getattr(obj, "__no_type_check__", None):
        return {}
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            own = base.__dict__.get("__annotations__", {})
            base_globals = globalns if globalns is not None else getattr(sys.modules.get(base.__module__), "__dict__", {})
            base_locals = localns if localns is not None else dict(vars(base))
            if globalns is None and localns is None:
                # Names in the class body win over the module's.
                base_globals, base_locals = base_locals, base_globals
            for name, value in own.items():
                hints[name] = _hint_value(value, base_globals, base_locals, include_extras)
        return hints
    if isinstance(obj, _types.ModuleType):
        namespace = obj.__dict__
        annotations = namespace.get("__annotations__", {})
    else:
        annotations = getattr(obj, "__annotations__", None)
        if annotations is None:
            if isinstance(obj, (_types.FunctionType, _types.MethodType, _types.BuiltinFunctionType)) or callable(obj):
                return {}
            raise TypeError(f"{obj!r} is not a module, class, method, or function.")
        target = obj
        while hasattr(target, "__wrapped__"):
            target = target.__wrapped__
        namespace = getattr(target, "__globals__", {})
    if globalns is None:
        globalns = namespace
    if localns is None:
        localns = globalns
    for name, value in annotations.items():
        hints[name] = _hint_value(value, globalns, localns, include_extras)
    return hints
