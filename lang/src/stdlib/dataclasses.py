# `dataclasses`: @dataclass reads a class's annotated attributes as fields
# and writes the boilerplate methods for them: __init__, __repr__, __eq__,
# ordering, __hash__, frozen __setattr__/__delattr__, __match_args__ and,
# on request, __slots__.
#
# Design: `_ClassBuilder` owns one decoration. It first gathers the fields
# (inherited ones, then the class's own annotations, in order), then, if
# slots=True, swaps the class for a fresh one with __slots__ (so every
# method written afterwards closes over the final class), then installs the
# methods. Only __init__ is compiled from source text: its parameter list
# must be a real one so that argument errors name the fields
# ("C.__init__() missing 1 required positional argument: 'x'") and
# inspect.signature shows it. The other methods are closures over the
# tuple of field names they use.

import keyword as _keyword
import sys as _sys
import types as _types

__all__ = [
    "dataclass", "field", "Field", "FrozenInstanceError", "InitVar", "KW_ONLY", "MISSING",
    "fields", "asdict", "astuple", "make_dataclass", "replace", "is_dataclass",
]


class FrozenInstanceError(AttributeError):
    """Raised when a field of a frozen dataclass instance is assigned or deleted."""


# The sentinel and marker types keep CPython's names: they show in reprs
# (Field's repr prints MISSING as `<dataclasses._MISSING_TYPE object at ...>`).
class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


# An annotation `_: KW_ONLY` makes the fields after it keyword-only.
KW_ONLY = _KW_ONLY_TYPE()


class _FactoryDefault:
    """The default a generated __init__ shows for a field with a default_factory."""

    def __repr__(self):
        return "<factory>"


_FACTORY_DEFAULT = _FactoryDefault()


class _FieldRole:
    """What an annotated name is: a real field, a ClassVar or an InitVar
    (Field._field_type; its repr is the name CPython prints)."""

    __slots__ = ("label",)

    def __init__(self, label):
        self.label = label

    def __repr__(self):
        return self.label


_ROLE_FIELD = _FieldRole("_FIELD")
_ROLE_CLASSVAR = _FieldRole("_FIELD_CLASSVAR")
_ROLE_INITVAR = _FieldRole("_FIELD_INITVAR")


class InitVar:
    """An init-only pseudo-field: passed to __init__ and __post_init__, never stored."""

    __slots__ = ("type",)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        shown = self.type.__name__ if isinstance(self.type, type) else repr(self.type)
        return f"dataclasses.InitVar[{shown}]"

    def __class_getitem__(cls, type):
        return InitVar(type)


_NO_METADATA = _types.MappingProxyType({})


class Field:
    """One field's settings, as given to field() and completed by @dataclass
    (name and type)."""

    __slots__ = ("name", "type", "default", "default_factory", "repr", "hash", "init", "compare", "metadata", "kw_only", "_field_type")

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self._field_type = None
        self.default, self.default_factory = default, default_factory
        self.init, self.repr, self.hash, self.compare = init, repr, hash, compare
        self.metadata = _NO_METADATA if metadata is None else _types.MappingProxyType(metadata)
        self.kw_only = kw_only

    def __repr__(self):
        shown = ("name", "type", "default", "default_factory", "init", "repr", "hash", "compare", "metadata", "kw_only", "_field_type")
        return "Field(" + ",".join(f"{slot}={getattr(self, slot)!r}" for slot in shown) + ")"

    def __set_name__(self, owner, name):
        # A descriptor used as a default still learns its name.
        hook = getattr(type(self.default), "__set_name__", None)
        if hook is not None:
            hook(self.default, owner, name)

    __class_getitem__ = classmethod(_types.GenericAlias)


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True, metadata=None, kw_only=MISSING):
    """Describe one field: its default (or a zero-argument factory for one)
    and whether it is in __init__, __repr__, comparisons and __hash__."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


class _DataclassParams:
    """The decorator's options, kept on the class as __dataclass_params__."""

    _SHOWN = ("init", "repr", "eq", "order", "unsafe_hash", "frozen")

    def __init__(self, **options):
        self.__dict__.update(options)

    def __repr__(self):
        return "_DataclassParams(" + ",".join(f"{name}={getattr(self, name)!r}" for name in self._SHOWN) + ")"


def _string_names(text, cls, home_module, attribute):
    # `ClassVar[int]` or `typing.ClassVar[int]` written as a string: resolve
    # the leading name in the class's module, without evaluating the rest.
    head = text.strip().split("[", 1)[0].strip()
    globals_ = getattr(_sys.modules.get(cls.__module__), "__dict__", {})
    if "." in head:
        prefix, _, last = head.rpartition(".")
        return last == attribute and globals_.get(prefix) is home_module
    return head in globals_ and globals_[head] is getattr(home_module, attribute)


def _role_of(annotation, cls):
    typing = _sys.modules.get("typing")
    if isinstance(annotation, str):
        if typing is not None and _string_names(annotation, cls, typing, "ClassVar"):
            return _ROLE_CLASSVAR
        if _string_names(annotation, cls, _sys.modules[__name__], "InitVar"):
            return _ROLE_INITVAR
        return _ROLE_FIELD
    if typing is not None and (annotation is typing.ClassVar or getattr(annotation, "__origin__", None) is typing.ClassVar):
        return _ROLE_CLASSVAR
    if annotation is InitVar or isinstance(annotation, InitVar):
        return _ROLE_INITVAR
    return _ROLE_FIELD


def _is_kw_only_marker(annotation, cls):
    if isinstance(annotation, _KW_ONLY_TYPE):
        return True
    return isinstance(annotation, str) and _string_names(annotation, cls, _sys.modules[__name__], "KW_ONLY")


def _annotation_text(annotation):
    # How inspect shows an annotation in a signature (used for __doc__).
    if isinstance(annotation, type):
        if annotation.__module__ == "builtins":
            return annotation.__qualname__
        return f"{annotation.__module__}.{annotation.__qualname__}"
    if getattr(annotation, "__module__", None) == "typing":
        return repr(annotation).replace("typing.", "")
    return repr(annotation)


class _ClassBuilder:
    """Turns one class into a dataclass."""

    def __init__(self, cls, options):
        self.cls = cls
        self.options = options
        self.all_fields = {}  # name -> Field, inherited first, for __dataclass_fields__

    # -- gathering fields --------------------------------------------------

    def gather(self):
        cls = self.cls
        dataclass_bases = [base for base in cls.__mro__[1:] if "__dataclass_fields__" in base.__dict__]
        for base in reversed(dataclass_bases):
            self.all_fields.update(base.__dict__["__dataclass_fields__"])
        if dataclass_bases:
            any_frozen = any(base.__dataclass_params__.frozen for base in dataclass_bases)
            if any_frozen and not self.options["frozen"]:
                raise TypeError("cannot inherit non-frozen dataclass from a frozen one")
            if not any_frozen and self.options["frozen"]:
                raise TypeError("cannot inherit frozen dataclass from a non-frozen one")

        annotations = cls.__dict__.get("__annotations__", {})
        keyword_only = self.options["kw_only"]
        marker_seen = False
        for name, annotation in annotations.items():
            if _is_kw_only_marker(annotation, cls):
                if marker_seen:
                    raise TypeError(f"{name!r} is KW_ONLY, but KW_ONLY has already been specified")
                marker_seen = keyword_only = True
                continue
            self.all_fields[name] = self._own_field(name, annotation, keyword_only)

        for name, value in cls.__dict__.items():
            if isinstance(value, Field) and name not in annotations:
                raise TypeError(f"{name!r} is a field but has no type annotation")

    def _own_field(self, name, annotation, keyword_only):
        cls = self.cls
        in_body = cls.__dict__.get(name, MISSING)
        if isinstance(in_body, Field):
            spec = in_body
        else:
            spec = field(default=in_body)
        spec.name, spec.type = name, annotation
        role = spec._field_type = _role_of(annotation, cls)
        if role is _ROLE_FIELD or role is _ROLE_INITVAR:
            if spec.kw_only is MISSING:
                spec.kw_only = keyword_only
        elif spec.kw_only is not MISSING:
            raise TypeError(f"field {name} is a ClassVar but specifies kw_only")
        if role is not _ROLE_FIELD and spec.default_factory is not MISSING:
            raise TypeError(f"field {name} cannot have a default factory")
        if role is _ROLE_FIELD and type(spec.default).__hash__ is None:
            raise ValueError(f"mutable default {type(spec.default)} for field {name} is not allowed: use default_factory")
        # The class attribute becomes the plain default (or goes away).
        if isinstance(in_body, Field):
            if spec.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, spec.default)
        return spec

    def fields_of(self, *roles):
        return [f for f in self.all_fields.values() if f._field_type in roles]

    def init_parameters(self):
        """The fields __init__ takes: (positional-or-keyword, keyword-only)."""
        taken = [f for f in self.fields_of(_ROLE_FIELD, _ROLE_INITVAR) if f.init]
        return [f for f in taken if not f.kw_only], [f for f in taken if f.kw_only]

    # -- installing ----------------------------------------------------------

    def add(self, name, value):
        """Set `name` unless the class body defined it; says whether it did."""
        if name in self.cls.__dict__:
            return False
        value_name = getattr(value, "__name__", None)
        if isinstance(value, _types.FunctionType) and value_name == name:
            value.__qualname__ = f"{self.cls.__qualname__}.{name}"
        setattr(self.cls, name, value)
        return True

    def add_or_fail(self, name, value, hint=""):
        if not self.add(name, value):
            raise TypeError(f"Cannot overwrite attribute {name} in class {self.cls.__name__}{hint}")

    def build(self):
        options = self.options
        if options["order"] and not options["eq"]:
            raise ValueError("eq must be true if order is true")
        if options["weakref_slot"] and not options["slots"]:
            raise TypeError("weakref_slot is True but slots is False")
        self.gather()
        if options["slots"]:
            self.cls = self._with_slots()
        cls = self.cls
        cls.__dataclass_fields__ = self.all_fields
        cls.__dataclass_params__ = _DataclassParams(**{k: options[k] for k in _DataclassParams._SHOWN})
        stored = tuple(f.name for f in self.fields_of(_ROLE_FIELD))
        if options["init"]:
            self.add("__init__", self._compile_init())
        if options["repr"]:
            self.add("__repr__", _make_repr(tuple(f.name for f in self.fields_of(_ROLE_FIELD) if f.repr)))
        compared = tuple(f.name for f in self.fields_of(_ROLE_FIELD) if f.compare)
        if options["eq"]:
            self.add("__eq__", _make_comparison("__eq__", compared))
        if options["order"]:
            for method in ("__lt__", "__le__", "__gt__", "__ge__"):
                self.add_or_fail(method, _make_comparison(method, compared), ". Consider using functools.total_ordering")
        if options["frozen"]:
            for method in _make_frozen_guards(cls, frozenset(stored)):
                self.add_or_fail(method.__name__, method)
        self._settle_hash()
        if options["match_args"]:
            self.add("__match_args__", tuple(f.name for f in self.init_parameters()[0]))
        if options["slots"] and options["frozen"]:
            self.add("__getstate__", _slots_getstate)
            self.add("__setstate__", _slots_setstate)
        if getattr(cls, "__doc__", None) is None:
            cls.__doc__ = cls.__name__ + self._signature_text()
        abc = _sys.modules.get("abc")
        if abc is not None and hasattr(abc, "update_abstractmethods"):
            abc.update_abstractmethods(cls)
        return cls

    def _settle_hash(self):
        cls, options = self.cls, self.options
        own = cls.__dict__.get("__hash__", MISSING)
        # A class body that defines __eq__ gets __hash__ = None implicitly:
        # that is no hash of the user's.
        user_hash = own is not MISSING and not (own is None and "__eq__" in cls.__dict__)
        hashed = tuple(f.name for f in self.fields_of(_ROLE_FIELD) if (f.compare if f.hash is None else f.hash))
        if options["unsafe_hash"]:
            if user_hash:
                raise TypeError(f"Cannot overwrite attribute __hash__ in class {cls.__name__}")
            cls.__hash__ = _make_hash(cls, hashed)
        elif options["eq"] and not user_hash:
            cls.__hash__ = _make_hash(cls, hashed) if options["frozen"] else None

    def _with_slots(self):
        cls = self.cls
        if "__slots__" in cls.__dict__:
            raise TypeError(f"{cls.__name__} already specifies __slots__")
        inherited = set()
        for base in cls.__mro__[1:-1]:
            declared = base.__dict__.get("__slots__", ())
            inherited.update((declared,) if isinstance(declared, str) else declared)
        wanted = [f.name for f in self.fields_of(_ROLE_FIELD)]
        if self.options["weakref_slot"]:
            wanted.append("__weakref__")
        namespace = {k: v for k, v in cls.__dict__.items() if k not in ("__dict__", "__weakref__")}
        for name in wanted:
            namespace.pop(name, None)
        namespace["__slots__"] = tuple(name for name in wanted if name not in inherited)
        replacement = type(cls)(cls.__name__, cls.__bases__, namespace)
        replacement.__qualname__ = cls.__qualname__
        return replacement

    def _compile_init(self):
        positional, keyword_only = self.init_parameters()
        names = {f.name for f in self.all_fields.values()}
        me = "self" if "self" not in names else "__dataclass_self__"
        scope = {"__dc_factory_default": _FACTORY_DEFAULT, "__dc_setattr": object.__setattr__, "__dc_none": None}
        params = [me]

        def parameter(index, spec):
            scope[f"__dc_type_{index}"] = spec.type
            text = f"{spec.name}: __dc_type_{index}"
            if spec.default_factory is not MISSING:
                return text + " = __dc_factory_default"
            if spec.default is not MISSING:
                scope[f"__dc_default_{index}"] = spec.default
                return text + f" = __dc_default_{index}"
            return text

        defaulted = False
        for index, spec in enumerate(positional):
            has_default = spec.default is not MISSING or spec.default_factory is not MISSING
            if defaulted and not has_default:
                raise TypeError(f"non-default argument {spec.name!r} follows default argument")
            defaulted = defaulted or has_default
            params.append(parameter(index, spec))
        if keyword_only:
            params.append("*")
            params.extend(parameter(len(positional) + index, spec) for index, spec in enumerate(keyword_only))

        lines = []
        for index, spec in enumerate(self.fields_of(_ROLE_FIELD)):
            if spec.default_factory is not MISSING:
                scope[f"__dc_factory_{index}"] = spec.default_factory
                value = f"__dc_factory_{index}()"
                if spec.init:
                    value = f"{value} if {spec.name} is __dc_factory_default else {spec.name}"
            elif spec.init:
                value = spec.name
            else:
                continue  # a default of an init=False field stays on the class
            if self.options["frozen"]:
                lines.append(f"__dc_setattr({me}, {spec.name!r}, {value})")
            else:
                lines.append(f"{me}.{spec.name} = {value}")
        if hasattr(self.cls, "__post_init__"):
            passed = ", ".join(f.name for f in self.fields_of(_ROLE_INITVAR))
            lines.append(f"{me}.__post_init__({passed})")
        source = f"def __init__({', '.join(params)}) -> __dc_none:\n"
        source += "".join(f"    {line}\n" for line in lines or ["pass"])
        exec(source, scope)
        return scope["__init__"]

    def _signature_text(self):
        init = self.cls.__dict__.get("__init__")
        if not self.options["init"] or init is None or not hasattr(init, "__code__"):
            try:
                import inspect

                return str(inspect.signature(self.cls)).replace(" -> None", "")
            except (TypeError, ValueError):
                return ""
        shown = []
        positional, keyword_only = self.init_parameters()
        for spec in positional + keyword_only:
            text = f"{spec.name}: {_annotation_text(spec.type)}"
            if spec.default_factory is not MISSING:
                text += " = <factory>"
            elif spec.default is not MISSING:
                text += f" = {spec.default!r}"
            shown.append(text)
        if keyword_only:
            shown.insert(len(positional), "*")
        return "(" + ", ".join(shown) + ")"


def _make_repr(names):
    def __repr__(self):
        return f"{self.__class__.__qualname__}(" + ", ".join(f"{name}={getattr(self, name)!r}" for name in names) + ")"

    # pprint tells a generated repr by its __wrapped__ function's
    # qualname, as in CPython.
    __repr__.__qualname__ = "__create_fn__.<locals>.__repr__"
    in_progress = set()

    def guarded(self):
        key = (id(self), _thread_ident())
        if key in in_progress:
            return "..."
        in_progress.add(key)
        try:
            return __repr__(self)
        finally:
            in_progress.discard(key)

    guarded.__name__ = "__repr__"
    guarded.__wrapped__ = __repr__
    return guarded


def _thread_ident():
    thread = _sys.modules.get("_thread")
    return thread.get_ident() if thread is not None else 0


_COMPARE = {
    "__eq__": lambda a, b: a == b,
    "__lt__": lambda a, b: a < b,
    "__le__": lambda a, b: a <= b,
    "__gt__": lambda a, b: a > b,
    "__ge__": lambda a, b: a >= b,
}


def _make_comparison(method, names):
    # Instances of exactly the same class compare as tuples of their fields.
    test = _COMPARE[method]

    def compare(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return test(tuple([getattr(self, n) for n in names]), tuple([getattr(other, n) for n in names]))

    compare.__name__ = method
    return compare


def _make_hash(cls, names):
    def __hash__(self):
        return hash(tuple([getattr(self, n) for n in names]))

    __hash__.__qualname__ = f"{cls.__qualname__}.__hash__"
    return __hash__


def _make_frozen_guards(cls, stored):
    # A subclass that is no dataclass may still set attributes of its own.
    def __setattr__(self, name, value):
        if type(self) is cls or name in stored:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in stored:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return __setattr__, __delattr__


def _slots_getstate(self):
    return [getattr(self, f.name) for f in fields(self)]


def _slots_setstate(self, state):
    for spec, value in zip(fields(self), state):
        object.__setattr__(self, spec.name, value)


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    """Add generated special methods to a class (see the module comment);
    usable bare (@dataclass) or with options (@dataclass(frozen=True))."""
    options = dict(init=init, repr=repr, eq=eq, order=order, unsafe_hash=unsafe_hash, frozen=frozen, match_args=match_args, kw_only=kw_only, slots=slots, weakref_slot=weakref_slot)

    def decorate(target):
        return _ClassBuilder(target, options).build()

    return decorate if cls is None else decorate(cls)


def _field_table(obj):
    table = getattr(obj if isinstance(obj, type) else type(obj), "__dataclass_fields__", None)
    return table if isinstance(table, dict) else None


def fields(class_or_instance):
    """The real fields (no ClassVar or InitVar) of a dataclass or its instance, in order."""
    table = _field_table(class_or_instance)
    if table is not None:
        return tuple(f for f in table.values() if f._field_type is _ROLE_FIELD)
    raise TypeError("must be called with a dataclass type or instance")


def is_dataclass(obj):
    """Whether obj is a dataclass or an instance of one."""
    return _field_table(obj) is not None


def _instance_fields(obj, caller):
    """The fields table of a dataclass instance; TypeError naming `caller` otherwise."""
    table = None if isinstance(obj, type) else _field_table(obj)
    if table is None:
        raise TypeError(f"{caller}() should be called on dataclass instances")
    return table


def _unpack(value, make_record):
    """Deep-copy `value`, turning each dataclass instance inside it into
    make_record([(name, converted value), ...])."""
    if not isinstance(value, type) and _field_table(value) is not None:
        return make_record([(f.name, _unpack(getattr(value, f.name), make_record)) for f in fields(value)])
    kind = type(value)
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return kind(*[_unpack(item, make_record) for item in value])
    if isinstance(value, (list, tuple)):
        return kind(_unpack(item, make_record) for item in value)
    if isinstance(value, dict):
        return kind((_unpack(k, make_record), _unpack(v, make_record)) for k, v in value.items())
    import copy

    return copy.deepcopy(value)


def asdict(obj, *, dict_factory=dict):
    """A dataclass instance as a dict of its fields, recursively (values deep-copied)."""
    _instance_fields(obj, "asdict")
    return _unpack(obj, dict_factory)


def astuple(obj, *, tuple_factory=tuple):
    """A dataclass instance as a tuple of its field values, recursively."""
    _instance_fields(obj, "astuple")
    return _unpack(obj, lambda pairs: tuple_factory([value for _, value in pairs]))


def replace(obj, /, **changes):
    """A new instance like obj with some fields changed, made through __init__
    (so __post_init__ runs); InitVars without a default must be given."""
    for spec in _instance_fields(obj, "replace").values():
        given = spec.name in changes
        if spec._field_type is _ROLE_CLASSVAR:
            continue
        if given and not spec.init:
            raise ValueError(f"field {spec.name} is declared with init=False, it cannot be specified with replace()")
        if not given and spec.init and spec._field_type is _ROLE_INITVAR and spec.default is MISSING:
            raise ValueError(f"InitVar {spec.name!r} must be specified with replace()")
    unchanged = {f.name: getattr(obj, f.name) for f in fields(obj) if f.init and f.name not in changes}
    return obj.__class__(**unchanged, **changes)


def _checked_entry(item, seen):
    """(name, annotation, Field or MISSING) from one make_dataclass() field spec."""
    if isinstance(item, str):
        entry = (item, "typing.Any", MISSING)
    elif len(item) in (2, 3):
        entry = (item[0], item[1], item[2] if len(item) == 3 else MISSING)
    else:
        raise TypeError(f"Invalid field: {item!r}")
    name = entry[0]
    problem = None
    if not isinstance(name, str) or not name.isidentifier():
        problem = "must be valid identifiers"
    elif _keyword.iskeyword(name):
        problem = "must not be keywords"
    elif name in seen:
        raise TypeError(f"Field name duplicated: {name!r}")
    if problem:
        raise TypeError(f"Field names {problem}: {name!r}")
    return entry


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    """Create a dataclass named cls_name; fields are names, (name, type) or
    (name, type, Field) items."""
    body = dict(namespace or {})
    annotations = body["__annotations__"] = {}
    for item in fields:
        name, annotation, spec = _checked_entry(item, annotations)
        annotations[name] = annotation
        if spec is not MISSING:
            body[name] = spec
    cls = _types.new_class(cls_name, bases, {}, lambda ns: ns.update(body))
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order, unsafe_hash=unsafe_hash, frozen=frozen, match_args=match_args, kw_only=kw_only, slots=slots, weakref_slot=weakref_slot)
