# The script-level half of `types`: the objects that `list[int]`
# (GenericAlias) and `int | None` (UnionType) evaluate to. The type objects
# themselves (GeneratorType, FunctionType, ...), SimpleNamespace and
# `coroutine` are set natively before this runs.


def _alias_item_repr(item):
    # As CPython's ga_repr_item: aliases by repr, classes by qualified name.
    if item is ...:
        return "..."
    if isinstance(item, list):
        return "[" + ", ".join(_alias_item_repr(x) for x in item) + "]"
    if hasattr(item, "__origin__") and hasattr(item, "__args__"):
        return repr(item)
    if isinstance(item, type):
        if item.__module__ == "builtins":
            return item.__qualname__
        return f"{item.__module__}.{item.__qualname__}"
    return repr(item)


class GenericAlias:
    def __init__(self, origin, args):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        self.__parameters__ = tuple(a for a in args if type(a).__name__ == "TypeVar")

    def __repr__(self):
        if not self.__args__:
            return _alias_item_repr(self.__origin__) + "[()]"
        return _alias_item_repr(self.__origin__) + "[" + ", ".join(_alias_item_repr(a) for a in self.__args__) + "]"

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __instancecheck__(self, obj):
        raise TypeError("isinstance() argument 2 cannot be a parameterized generic")

    def __subclasscheck__(self, cls):
        raise TypeError("issubclass() argument 2 cannot be a parameterized generic")

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return getattr(self.__origin__, name)


def _union_arg(arg):
    if arg is None:
        return type(None)
    if isinstance(arg, (type, GenericAlias, UnionType)) or type(arg).__name__ == "TypeVar":
        return arg
    return NotImplemented


def _union(left, right):
    a, b = _union_arg(left), _union_arg(right)
    if a is NotImplemented or b is NotImplemented:
        return NotImplemented
    args = []
    for arg in (a, b):
        for item in arg.__args__ if isinstance(arg, UnionType) else (arg,):
            if item not in args:
                args.append(item)
    if len(args) == 1:
        return args[0]
    return UnionType(tuple(args))


class UnionType:
    def __init__(self, args):
        self.__args__ = args
        self.__parameters__ = ()

    def __repr__(self):
        return " | ".join("None" if a is type(None) else _alias_item_repr(a) for a in self.__args__)

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __instancecheck__(self, obj):
        for arg in self.__args__:
            if isinstance(arg, GenericAlias):
                raise TypeError("isinstance() argument 2 cannot be a parameterized generic")
        return isinstance(obj, self.__args__)

    def __subclasscheck__(self, cls):
        for arg in self.__args__:
            if isinstance(arg, GenericAlias):
                raise TypeError("issubclass() argument 2 cannot be a parameterized generic")
        return issubclass(cls, self.__args__)


MappingProxyType = type(type.__dict__)


def resolve_bases(bases):
    """Replace the entries of bases that are not classes by what their
    __mro_entries__ gives (PEP 560); bases itself when nothing changes."""
    entries = []
    changed = False
    for base in bases:
        hook = None if isinstance(base, type) else getattr(base, "__mro_entries__", None)
        if hook is None:
            entries.append(base)
            continue
        found = hook(bases)
        if not isinstance(found, tuple):
            raise TypeError("__mro_entries__ must return a tuple")
        entries.extend(found)
        changed = True
    return tuple(entries) if changed else bases


def prepare_class(name, bases=(), kwds=None):
    """The metaclass a class statement with these bases and keywords uses,
    the namespace its body runs in, and the keywords left for the class."""
    kwds = {} if kwds is None else dict(kwds)
    if "metaclass" in kwds:
        meta = kwds.pop("metaclass")
    else:
        meta = type(bases[0]) if bases else type
    if isinstance(meta, type):
        for base in bases:
            candidate = type(base)
            if issubclass(meta, candidate):
                continue
            if issubclass(candidate, meta):
                meta = candidate
                continue
            raise TypeError("metaclass conflict: the metaclass of a derived class must be "
                            "a (non-strict) subclass of the metaclasses of all its bases")
    prepare = getattr(meta, "__prepare__", None)
    ns = prepare(name, bases, **kwds) if prepare is not None else {}
    return meta, ns, kwds


def new_class(name, bases=(), kwds=None, exec_body=None):
    """Create a class as a class statement with these bases and keywords
    would, exec_body(ns) standing for the body."""
    resolved = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, resolved, kwds)
    if exec_body is not None:
        exec_body(ns)
    if resolved is not bases:
        ns["__orig_bases__"] = bases
    return meta(name, resolved, ns, **kwds)
