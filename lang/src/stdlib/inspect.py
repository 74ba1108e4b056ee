# `inspect`: facts about live objects. The predicates (ismodule, isfunction,
# ...), generator and coroutine states, docstrings and source text, the
# Signature/Parameter/BoundArguments model behind signature(), and the
# frame records (stack, trace, getframeinfo).
#
# What only the interpreter knows comes from natives (inspect.rs):
# _code_flags, _is_iterable_coroutine, _kwdefaults, _source_text and
# _positions. functools and collections.abc are looked at only when a
# program has imported them (an object can't be a functools.partial before
# that), which keeps `import inspect` cheap.

import enum
import sys
import types
from collections import OrderedDict, namedtuple

# Code flags (co_flags bits), as CPython numbers them.
CO_OPTIMIZED = 0x1
CO_NEWLOCALS = 0x2
CO_VARARGS = 0x4
CO_VARKEYWORDS = 0x8
CO_NESTED = 0x10
CO_GENERATOR = 0x20
CO_NOFREE = 0x40
CO_COROUTINE = 0x80
CO_ITERABLE_COROUTINE = 0x100
CO_ASYNC_GENERATOR = 0x200

GEN_CREATED = "GEN_CREATED"
GEN_RUNNING = "GEN_RUNNING"
GEN_SUSPENDED = "GEN_SUSPENDED"
GEN_CLOSED = "GEN_CLOSED"

CORO_CREATED = "CORO_CREATED"
CORO_RUNNING = "CORO_RUNNING"
CORO_SUSPENDED = "CORO_SUSPENDED"
CORO_CLOSED = "CORO_CLOSED"


# -- generator and coroutine states ---------------------------------------------

def _lifecycle(running, suspended, frame, names):
    # `names` lists the CREATED, RUNNING, SUSPENDED and CLOSED labels. A
    # frame that is neither running nor suspended has not started yet,
    # unless it is gone (the generator finished or was closed).
    created, active, paused, finished = names
    if running:
        return active
    if suspended:
        return paused
    return finished if frame is None else created


def getgeneratorstate(generator):
    """GEN_CREATED, GEN_RUNNING, GEN_SUSPENDED or GEN_CLOSED."""
    return _lifecycle(generator.gi_running, generator.gi_suspended, generator.gi_frame,
                      (GEN_CREATED, GEN_RUNNING, GEN_SUSPENDED, GEN_CLOSED))


def getcoroutinestate(coroutine):
    """CORO_CREATED, CORO_RUNNING, CORO_SUSPENDED or CORO_CLOSED."""
    return _lifecycle(coroutine.cr_running, coroutine.cr_suspended, coroutine.cr_frame,
                      (CORO_CREATED, CORO_RUNNING, CORO_SUSPENDED, CORO_CLOSED))


def getgeneratorlocals(generator):
    """The local variables of a generator's frame ({} once it is finished)."""
    if not isgenerator(generator):
        raise TypeError(f"{generator!r} is not a Python generator")
    return _frame_locals(generator.gi_frame)


def getcoroutinelocals(coroutine):
    """The local variables of a coroutine's frame ({} for anything frameless)."""
    return _frame_locals(getattr(coroutine, "cr_frame", None))


def _frame_locals(frame):
    return {} if frame is None else frame.f_locals


# -- predicates -------------------------------------------------------------------


def ismodule(object):
    """A module."""
    return isinstance(object, types.ModuleType)


def isclass(object):
    """A class (any type object)."""
    return isinstance(object, type)


def ismethod(object):
    """A bound method of a Python function."""
    return isinstance(object, types.MethodType)


def isfunction(object):
    """A Python function (def or lambda), not a built-in."""
    return isinstance(object, types.FunctionType)


def isbuiltin(object):
    """A built-in function or bound built-in method."""
    return isinstance(object, types.BuiltinFunctionType)



def isroutine(object):
    """A function or method, Python or built-in (bound or not)."""
    return any(test(object) for test in (isbuiltin, isfunction, ismethod, ismethoddescriptor))


def _descriptor_methods(object):
    # Which of __get__/__set__/__delete__ the object's type has, or None
    # for the things the descriptor predicates leave out.
    if isclass(object) or ismethod(object) or isfunction(object):
        return None
    kind = type(object)
    return {name for name in ("__get__", "__set__", "__delete__") if hasattr(kind, name)}


def ismethoddescriptor(object):
    """Has __get__ but no __set__ (str.join, staticmethod(f)), and is no
    class, method or function."""
    methods = _descriptor_methods(object)
    return methods is not None and "__get__" in methods and "__set__" not in methods


def isdatadescriptor(object):
    """Has __set__ or __delete__ (property, a slot), and is no class, method
    or function."""
    methods = _descriptor_methods(object)
    return bool(methods and methods & {"__set__", "__delete__"})


def ismemberdescriptor(object):
    member = getattr(types, "MemberDescriptorType", None)
    return member is not None and isinstance(object, member)


def isgetsetdescriptor(object):
    getset = getattr(types, "GetSetDescriptorType", None)
    return getset is not None and isinstance(object, getset)


def ismethodwrapper(object):
    wrapper = getattr(types, "MethodWrapperType", None)
    return wrapper is not None and isinstance(object, wrapper)


def iscode(object):
    """A code object."""
    return isinstance(object, types.CodeType)


def isframe(object):
    """A frame object."""
    return type(object).__name__ == "frame"


def istraceback(object):
    """A traceback object."""
    return type(object).__name__ == "traceback"


def isgenerator(object):
    """A generator (what a generator function returns)."""
    return isinstance(object, types.GeneratorType)


def iscoroutine(object):
    """A coroutine (what an async def function returns)."""
    return isinstance(object, types.CoroutineType)


def isasyncgen(object):
    """An asynchronous generator."""
    return isinstance(object, types.AsyncGeneratorType)



def _loaded(module, name):
    # The attribute of a module the program has imported, else None.
    found = sys.modules.get(module)
    return getattr(found, name, None) if found is not None else None


def _flags_of(obj):
    """The code flags of what a callable runs: methods and functools.partial
    objects are seen through; 0 for anything without code."""
    partial = _loaded("functools", "partial")
    while True:
        if ismethod(obj):
            obj = obj.__func__
        elif partial is not None and isinstance(obj, partial):
            obj = obj.func
        else:
            break
    flags = _code_flags(obj)
    if flags is None:
        # Objects standing in for functions (AsyncMock) carry a __code__.
        code = getattr(obj, "__code__", None)
        flags = code.co_flags if isinstance(code, types.CodeType) and callable(obj) else 0
    return flags


def isgeneratorfunction(obj):
    return bool(_flags_of(obj) & CO_GENERATOR)


def iscoroutinefunction(obj):
    return bool(_flags_of(obj) & CO_COROUTINE)


def isasyncgenfunction(obj):
    return bool(_flags_of(obj) & CO_ASYNC_GENERATOR)


def isawaitable(object):
    """What `await` accepts: a coroutine, a generator of a
    @types.coroutine function, or anything with __await__."""
    if isinstance(object, types.CoroutineType):
        return True
    if isinstance(object, types.GeneratorType):
        return _is_iterable_coroutine(object)
    awaitable = _loaded("collections.abc", "Awaitable")
    if awaitable is not None:
        return isinstance(object, awaitable)
    return hasattr(type(object), "__await__")


def isabstract(object):
    return isinstance(object, type) and bool(getattr(object, "__abstractmethods__", False))


def isbuiltinclass(object):
    return isinstance(object, type) and object.__module__ == "builtins"



# -- members and docs --------------------------------------------------------------


def _listed_members(object, predicate, lookup):
    names = set(dir(object))
    if isclass(object):
        # dir() of a class leaves out what its metaclass holds; CPython's
        # getmembers lists the class's own mro attributes either way.
        for klass in object.__mro__:
            names.update(klass.__dict__)
    members = []
    for name in sorted(names):
        try:
            value = lookup(object, name)
        except AttributeError:
            continue
        if predicate is None or predicate(value):
            members.append((name, value))
    return members


def getmembers(object, predicate=None):
    """(name, value) pairs of the object's attributes, sorted by name; only
    those `predicate` accepts, when given."""
    return _listed_members(object, predicate, getattr)


def getmembers_static(object, predicate=None):
    """getmembers() without running descriptors or __getattr__."""
    return _listed_members(object, predicate, getattr_static)


_NOT_FOUND = object()


def _static_dict(obj):
    # The instance __dict__ found without calling any __getattribute__.
    try:
        found = object.__getattribute__(obj, "__dict__")
    except AttributeError:
        return {}
    return found if isinstance(found, dict) else {}


def _found_in_mro(classes, attr):
    for klass in classes:
        namespace = _static_dict(klass) if not isinstance(klass, type) else klass.__dict__
        if attr in namespace:
            return namespace[attr]
    return _NOT_FOUND


def getattr_static(obj, attr, default=_NOT_FOUND):
    """The attribute as stored: from the instance's __dict__ unless a data
    descriptor on its type takes precedence, else from the classes in mro
    order (for a class, its own mro before its metaclass's). Descriptors
    come back unbound; neither __getattr__ nor __getattribute__ runs."""
    if isinstance(obj, type):
        found = _found_in_mro(obj.__mro__, attr)
        if found is _NOT_FOUND:
            found = _found_in_mro(type(obj).__mro__, attr)
    else:
        on_class = _found_in_mro(type(obj).__mro__, attr)
        own = _static_dict(obj).get(attr, _NOT_FOUND)
        class_wins = on_class is not _NOT_FOUND and isdatadescriptor(on_class)
        found = on_class if class_wins or own is _NOT_FOUND else own
    if found is not _NOT_FOUND:
        return found
    if default is not _NOT_FOUND:
        return default
    raise AttributeError(attr)


def getmro(cls):
    """The class's method resolution order."""
    return cls.__mro__


def cleandoc(doc):
    """A docstring with its indentation removed: the first line loses its
    leading blanks, the others the indentation they share; tabs become
    spaces and blank lines at either end are dropped."""
    first, *rest = doc.expandtabs().split("\n")
    indents = [len(line) - len(line.lstrip()) for line in rest if line.lstrip()]
    shift = min(indents) if indents else 0
    lines = [first.lstrip()] + [line[shift:] for line in rest]
    start = 0
    while start < len(lines) and not lines[start]:
        start += 1
    end = len(lines)
    while end > start and not lines[end - 1]:
        end -= 1
    return "\n".join(lines[start:end])


def _owner_of(function):
    # The class a function was defined in, found through its qualname.
    path = getattr(function, "__qualname__", "").split(".")[:-1]
    if not path or "<locals>" in path:
        return None
    owner = sys.modules.get(getattr(function, "__module__", None))
    for part in path:
        owner = getattr(owner, part, None)
    return owner if isclass(owner) else None


def _inherited_doc(target):
    """The docstring a class, method or property inherits when it has none."""
    if isclass(target):
        docs = (base.__doc__ for base in target.__mro__[1:] if base is not object)
        return next((doc for doc in docs if doc is not None), None)
    if ismethod(target):
        bound_to = target.__self__
        owner, name = (bound_to if isclass(bound_to) else type(bound_to)), target.__name__
    elif isfunction(target):
        owner, name = _owner_of(target), target.__name__
    elif isinstance(target, property) and target.fget is not None:
        owner, name = _owner_of(target.fget), target.fget.__name__
    else:
        return None
    if owner is None:
        return None
    for base in owner.__mro__[1:]:
        doc = getattr(base.__dict__.get(name), "__doc__", None)
        if isinstance(doc, str):
            return doc
    return None


def getdoc(object):
    """The object's docstring cleaned up (cleandoc), or one inherited from
    a base class when it has none; None when there is none."""
    try:
        doc = object.__doc__
    except AttributeError:
        return None
    if doc is None:
        doc = _inherited_doc(object)
    return cleandoc(doc) if isinstance(doc, str) else None


def unwrap(func, *, stop=None):
    f = func
    seen = {id(f)}
    while hasattr(func, "__wrapped__") and (stop is None or not stop(func)):
        func = func.__wrapped__
        if id(func) in seen:
            raise ValueError(f"wrapper loop when unwrapping {f!r}")
        seen.add(id(func))
    return func


def getmodule(object, _filename=None):
    if ismodule(object):
        return object
    name = getattr(object, "__module__", None)
    if name is not None:
        return sys.modules.get(name) if hasattr(sys, "modules") else None
    return None


# -- source ------------------------------------------------------------------------------


def _code_of(object):
    if istraceback(object):
        object = object.tb_frame
    if isframe(object):
        return object.f_code
    if ismethod(object):
        object = object.__func__
    if isfunction(object):
        return object.__code__
    if isgenerator(object):
        return object.gi_code
    if iscoroutine(object):
        return object.cr_code
    if isasyncgen(object):
        return object.ag_code
    if iscode(object):
        return object
    return None


def getfile(object):
    if ismodule(object):
        if getattr(object, "__file__", None):
            return object.__file__
        raise TypeError(f"{object!r} is a built-in module")
    if isclass(object):
        module = sys.modules.get(object.__module__) if hasattr(sys, "modules") else None
        if module is not None and getattr(module, "__file__", None):
            return module.__file__
        raise TypeError(f"{object!r} is a built-in class")
    code = _code_of(object)
    if code is None:
        raise TypeError(f"module, class, method, function, traceback, frame, or code object was expected, got {type(object).__name__}")
    return code.co_filename


getsourcefile = getfile


def _block_from(lines, start):
    # The lines of the statement starting at index `start`: its header (and
    # decorators), then every line indented deeper, up to the last code line.
    def indent_of(line):
        return len(line) - len(line.lstrip())

    base = indent_of(lines[start])
    i = start
    while i < len(lines) and lines[i].lstrip().startswith("@"):
        i += 1
    depth = 0
    end = i
    while i < len(lines):
        line = lines[i]
        for ch in line:
            if ch in "([{":
                depth += 1
            elif ch in ")]}":
                depth -= 1
        end = i
        i += 1
        if depth <= 0 and line.rstrip().endswith(":"):
            break
        if depth <= 0:
            return lines[start:end + 1]
    last = end
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            if indent_of(line) <= base:
                break
            last = i
        i += 1
    return lines[start:last + 1]


def _class_source(cls):
    text = None
    for value in cls.__dict__.values():
        code = _code_of(value)
        if code is None and isinstance(value, (staticmethod, classmethod)):
            code = _code_of(value.__func__)
        if code is not None:
            text = _source_text(code)
            if text is not None:
                break
    if text is None:
        try:
            with open(getfile(cls)) as f:
                text = f.read()
        except (OSError, TypeError):
            raise OSError("could not find class definition")
    lines = text.splitlines(True)
    name = cls.__qualname__.split(".")[-1]
    for i, line in enumerate(lines):
        stripped = line.lstrip()
        if stripped.startswith("class " + name) and stripped[6 + len(name):7 + len(name)] in ("(", ":", " "):
            start = i
            while start > 0 and lines[start - 1].lstrip().startswith("@"):
                start -= 1
            return _block_from(lines, start), start + 1
    raise OSError("could not find class definition")


def getsourcelines(object):
    object = unwrap(object) if isfunction(object) else object
    if isclass(object):
        return _class_source(object)
    if ismodule(object):
        with open(getfile(object)) as f:
            return f.read().splitlines(True), 0
    code = _code_of(object)
    if code is None:
        raise TypeError(f"module, class, method, function, traceback, frame, or code object was expected, got {type(object).__name__}")
    text = _source_text(code)
    if text is None:
        raise OSError("could not get source code")
    lines = text.splitlines(True)
    start = code.co_firstlineno - 1
    if code.co_name == "<module>":
        return lines, 0
    if start < 0 or start >= len(lines):
        raise OSError("could not find code object")
    if code.co_name == "<lambda>":
        return [lines[start]], start + 1
    return _block_from(lines, start), start + 1


def findsource(object):
    """All the lines of the object's source file, and the index of the
    object's first line among them."""
    if ismodule(object):
        return getsourcelines(object)
    if isclass(object):
        lines, lnum = _class_source(object)
        code = None
    else:
        code = _code_of(unwrap(object) if isfunction(object) else object)
    if code is None and not isclass(object):
        raise TypeError(f"module, class, method, function, traceback, frame, or code object was expected, got {type(object).__name__}")
    text = _source_text(code) if code is not None else None
    if text is None:
        try:
            with open(getfile(object)) as f:
                text = f.read()
        except (OSError, TypeError):
            raise OSError("could not get source code")
    lines = text.splitlines(True)
    if code is None:
        for i, line in enumerate(lines):
            stripped = line.lstrip()
            name = object.__qualname__.split(".")[-1]
            if stripped.startswith("class " + name):
                return lines, i
        raise OSError("could not find class definition")
    return lines, max(code.co_firstlineno - 1, 0)


def getsource(object):
    lines, lnum = getsourcelines(object)
    return "".join(lines)


def getcomments(object):
    """The comment lines right above an object's source (same indentation,
    no blank line between), or a module's opening comment block (after a
    #! line and blank lines); None when there are none or no source."""
    try:
        lines, start = findsource(object)
    except (OSError, TypeError):
        return None
    if ismodule(object):
        first = 1 if lines and lines[0].startswith("#!") else 0
        while first < len(lines) and not lines[first].strip():
            first += 1
        block = []
        for line in lines[first:]:
            if not line.startswith("#"):
                break
            block.append(line)
        return "".join(block) or None
    if start >= len(lines):
        return None
    margin = _indent_of(lines[start])
    above = []
    for line in reversed(lines[:start]):
        if not line.lstrip().startswith("#") or _indent_of(line) != margin:
            break
        above.append(line.expandtabs().lstrip())
    return "".join(reversed(above)) or None


def _indent_of(line):
    return len(line.expandtabs()) - len(line.expandtabs().lstrip())



# -- signature model -----------------------------------------------------------------


class _empty:
    """Marks a parameter without default or annotation (Parameter.empty,
    Signature.empty)."""


_KEEP = object()  # replace(): this attribute stays as it is


class _ParameterKind(enum.IntEnum):
    POSITIONAL_ONLY = 0
    POSITIONAL_OR_KEYWORD = 1
    VAR_POSITIONAL = 2
    KEYWORD_ONLY = 3
    VAR_KEYWORD = 4

    def __str__(self):
        return self._name_

    @property
    def description(self):
        return _KIND_DESCRIPTIONS[self]


_KIND_DESCRIPTIONS = {
    _ParameterKind.POSITIONAL_ONLY: "positional-only",
    _ParameterKind.POSITIONAL_OR_KEYWORD: "positional or keyword",
    _ParameterKind.VAR_POSITIONAL: "variadic positional",
    _ParameterKind.KEYWORD_ONLY: "keyword-only",
    _ParameterKind.VAR_KEYWORD: "variadic keyword",
}

_POS_ONLY, _POS_OR_KW, _STAR_ARGS, _KW_ONLY, _STAR_KWARGS = _ParameterKind
_TAKES_POSITIONAL = (_POS_ONLY, _POS_OR_KW)
_STAR_KINDS = (_STAR_ARGS, _STAR_KWARGS)


def formatannotation(annotation, base_module=None):
    """An annotation as a signature shows it: classes by qualified name
    (without the module for builtins and base_module), typing's forms
    without `typing.`, anything else by repr."""
    if getattr(annotation, "__module__", None) == "typing":
        return repr(annotation).replace("typing.", "")
    if isinstance(annotation, types.GenericAlias) or not isinstance(annotation, type):
        return repr(annotation)
    if annotation.__module__ in ("builtins", base_module):
        return annotation.__qualname__
    return f"{annotation.__module__}.{annotation.__qualname__}"


class Parameter:
    """One parameter of a Signature: name, kind, default and annotation
    (the last two Parameter.empty when absent). Immutable; see replace()."""

    __slots__ = ("_name", "_kind", "_default", "_annotation")

    empty = _empty

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        try:
            self._kind = _ParameterKind(kind)
        except ValueError:
            raise ValueError(f"value {kind!r} is not a valid Parameter.kind") from None
        if default is not _empty and self._kind in _STAR_KINDS:
            raise ValueError(f"{self._kind.description} parameters cannot have default values")
        if not isinstance(name, str):
            raise TypeError(f"name must be a str, not a {type(name).__name__}")
        if not name.isidentifier():
            raise ValueError(f"{name!r} is not a valid parameter name")
        self._name, self._default, self._annotation = name, default, annotation

    name = property(lambda self: self._name)
    kind = property(lambda self: self._kind)
    default = property(lambda self: self._default)
    annotation = property(lambda self: self._annotation)

    def replace(self, *, name=_KEEP, kind=_KEEP, annotation=_KEEP, default=_KEEP):
        """A copy with the given attributes changed."""
        settings = {"name": name, "kind": kind, "annotation": annotation, "default": default}
        for key, value in settings.items():
            if value is _KEEP:
                settings[key] = getattr(self, key)
        return type(self)(settings.pop("name"), settings.pop("kind"), **settings)

    def __str__(self):
        text = {_STAR_ARGS: "*", _STAR_KWARGS: "**"}.get(self._kind, "") + self._name
        if self._annotation is not _empty:
            text += ": " + formatannotation(self._annotation)
        if self._default is not _empty:
            text += (" = " if self._annotation is not _empty else "=") + repr(self._default)
        return text

    def __repr__(self):
        return f'<{type(self).__name__} "{self}">'

    def _identity(self):
        return (self._name, self._kind, self._annotation, self._default)

    def __eq__(self, other):
        if not isinstance(other, Parameter):
            return NotImplemented
        return self is other or self._identity() == other._identity()

    def __hash__(self):
        return hash(self._identity())


for _kind in _ParameterKind:
    setattr(Parameter, _kind.name, _kind)
del _kind


class BoundArguments:
    """The result of Signature.bind(): `arguments` maps parameter names to
    the values given (a dict you may change); args and kwargs rebuild a call."""

    __slots__ = ("arguments", "_signature", "__weakref__")

    def __init__(self, signature, arguments):
        self.arguments = arguments
        self._signature = signature

    signature = property(lambda self: self._signature)

    def _call_parts(self):
        # Values go positionally while every positional parameter so far
        # was given; after the first gap the rest can only be keywords.
        positional, keywords = [], {}
        in_order = True
        for param in self._signature.parameters.values():
            if param.name not in self.arguments:
                if param.kind in _TAKES_POSITIONAL:
                    in_order = False
                continue
            value = self.arguments[param.name]
            if param.kind is _STAR_KWARGS:
                keywords.update(value)
            elif in_order and param.kind in _TAKES_POSITIONAL:
                positional.append(value)
            elif in_order and param.kind is _STAR_ARGS:
                positional.extend(value)
            else:
                keywords[param.name] = value
        return tuple(positional), keywords

    @property
    def args(self):
        return self._call_parts()[0]

    @property
    def kwargs(self):
        return self._call_parts()[1]

    def apply_defaults(self):
        """Fill in the defaults of parameters not given (() and {} for the
        star parameters), keeping parameter order."""
        given = self.arguments
        complete = {}
        for param in self._signature.parameters.values():
            if param.name in given:
                complete[param.name] = given[param.name]
            elif param.default is not _empty:
                complete[param.name] = param.default
            elif param.kind in _STAR_KINDS:
                complete[param.name] = () if param.kind is _STAR_ARGS else {}
        self.arguments = complete

    def __eq__(self, other):
        if not isinstance(other, BoundArguments):
            return NotImplemented
        return self is other or (self._signature == other._signature and self.arguments == other.arguments)

    __hash__ = None

    def __repr__(self):
        shown = ", ".join(f"{name}={value!r}" for name, value in self.arguments.items())
        return f"<{type(self).__name__} ({shown})>"


def _check_parameter_order(parameters):
    """The parameters by name, after the checks a def statement makes."""
    by_name = OrderedDict()
    previous = _POS_ONLY
    defaulted = False
    for param in parameters:
        if param.kind < previous:
            raise ValueError(f"wrong parameter order: {previous.description} parameter before {param.kind.description} parameter")
        previous = param.kind
        if param.kind in _TAKES_POSITIONAL:
            if param.default is not _empty:
                defaulted = True
            elif defaulted:
                raise ValueError("non-default argument follows default argument")
        else:
            defaulted = False
        if param.name in by_name:
            raise ValueError(f"duplicate parameter name: {param.name!r}")
        by_name[param.name] = param
    return by_name


class Signature:
    """A callable's parameters (an ordered mapping of name to Parameter) and
    its return annotation. Immutable; see replace()."""

    __slots__ = ("_parameters", "_return_annotation")

    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty, __validate_parameters__=True):
        if parameters is None:
            table = OrderedDict()
        elif __validate_parameters__:
            table = _check_parameter_order(parameters)
        else:
            table = OrderedDict((param.name, param) for param in parameters)
        self._parameters = types.MappingProxyType(table)
        self._return_annotation = return_annotation

    @classmethod
    def from_callable(cls, obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False):
        return signature(obj, follow_wrapped=follow_wrapped)

    parameters = property(lambda self: self._parameters)
    return_annotation = property(lambda self: self._return_annotation)

    def replace(self, *, parameters=_KEEP, return_annotation=_KEEP):
        """A copy with the parameters or return annotation changed."""
        if parameters is _KEEP:
            parameters = self._parameters.values()
        if return_annotation is _KEEP:
            return_annotation = self._return_annotation
        return type(self)(parameters, return_annotation=return_annotation)

    def _identity(self):
        # Keyword-only parameters may come in any order.
        ordered = tuple(p for p in self._parameters.values() if p.kind is not _KW_ONLY)
        unordered = frozenset(p for p in self._parameters.values() if p.kind is _KW_ONLY)
        return ordered, unordered, self._return_annotation

    def __eq__(self, other):
        if not isinstance(other, Signature):
            return NotImplemented
        return self is other or self._identity() == other._identity()

    def __hash__(self):
        return hash(self._identity())

    def bind(self, /, *args, **kwargs):
        """BoundArguments for a call with these arguments; TypeError when the
        call would fail for want or excess of arguments."""
        return _ArgumentMatcher(self, args, kwargs, partial=False).result()

    def bind_partial(self, /, *args, **kwargs):
        """Like bind(), but missing required arguments are no error."""
        return _ArgumentMatcher(self, args, kwargs, partial=True).result()

    def __repr__(self):
        return f"<{type(self).__name__} {self}>"

    def __str__(self):
        pieces = []
        params = list(self._parameters.values())
        for index, param in enumerate(params):
            following = params[index + 1].kind if index + 1 < len(params) else None
            if param.kind is _KW_ONLY and (index == 0 or params[index - 1].kind not in (_STAR_ARGS, _KW_ONLY)):
                pieces.append("*")
            pieces.append(str(param))
            if param.kind is _POS_ONLY and following is not _POS_ONLY:
                pieces.append("/")
        text = "(" + ", ".join(pieces) + ")"
        if self._return_annotation is not _empty:
            text += " -> " + formatannotation(self._return_annotation)
        return text


class _ArgumentMatcher:
    """Matches one call's arguments to a signature's parameters the way a
    call to a Python function does; result() is the BoundArguments."""

    def __init__(self, signature, args, kwargs, partial):
        self.signature = signature
        self.params = list(signature.parameters.values())
        self.args = args
        self.kwargs = dict(kwargs)
        self.partial = partial
        self.bound = {}

    def result(self):
        self.take_positional()
        self.take_keywords()
        return BoundArguments(self.signature, self.bound)

    def take_positional(self):
        remaining = list(self.args)
        for param in self.params:
            if not remaining:
                break
            if param.kind is _STAR_ARGS:
                self.bound[param.name] = tuple(remaining)
                remaining = []
            elif param.kind in _TAKES_POSITIONAL:
                if param.name in self.kwargs and param.kind is _POS_OR_KW:
                    raise TypeError(f"multiple values for argument {param.name!r}")
                self.bound[param.name] = remaining.pop(0)
            else:
                break
        if remaining:
            raise TypeError("too many positional arguments")

    def take_keywords(self):
        catch_all = None
        for param in self.params:
            if param.name in self.bound or param.kind is _STAR_ARGS:
                continue
            if param.kind is _STAR_KWARGS:
                catch_all = param
                continue
            if param.kind is _POS_ONLY and param.name in self.kwargs:
                raise TypeError(f"{param.name!r} parameter is positional only, but was passed as a keyword")
            if param.name in self.kwargs:
                self.bound[param.name] = self.kwargs.pop(param.name)
            else:
                self.require(param)
        if self.kwargs:
            if catch_all is None:
                raise TypeError(f"got an unexpected keyword argument {next(iter(self.kwargs))!r}")
            self.bound[catch_all.name] = self.kwargs

    def require(self, param):
        if not self.partial and param.default is _empty:
            raise TypeError(f"missing a required argument: {param.name!r}")


def _signature_from_function(func):
    code = func.__code__
    pos_count = code.co_argcount
    posonly_count = code.co_posonlyargcount
    keyword_only_count = code.co_kwonlyargcount
    arg_names = code.co_varnames
    positional = arg_names[:pos_count]
    keyword_only = arg_names[pos_count:pos_count + keyword_only_count]
    annotations = func.__annotations__ or {}
    defaults = func.__defaults__ or ()
    kwdefaults = _kwdefaults(func) or {}
    pos_default_count = len(defaults)
    non_default_count = pos_count - pos_default_count
    parameters = []
    for index, name in enumerate(positional):
        kind = _POS_ONLY if index < posonly_count else _POS_OR_KW
        default = defaults[index - non_default_count] if index >= non_default_count else _empty
        parameters.append(Parameter(name, kind, default=default, annotation=annotations.get(name, _empty)))
    index = pos_count + keyword_only_count
    if code.co_flags & CO_VARARGS:
        name = arg_names[index]
        parameters.append(Parameter(name, _STAR_ARGS, annotation=annotations.get(name, _empty)))
        index += 1
    for name in keyword_only:
        parameters.append(Parameter(name, _KW_ONLY, default=kwdefaults.get(name, _empty), annotation=annotations.get(name, _empty)))
    if code.co_flags & CO_VARKEYWORDS:
        name = arg_names[index]
        parameters.append(Parameter(name, _STAR_KWARGS, annotation=annotations.get(name, _empty)))
    return Signature(parameters, return_annotation=annotations.get("return", _empty))


def _drop_first(sig):
    params = list(sig.parameters.values())
    if not params or params[0].kind in (_STAR_KWARGS, _KW_ONLY):
        raise ValueError("invalid method signature")
    if params[0].kind == _STAR_ARGS:
        return sig
    return sig.replace(parameters=params[1:])


def _signature_of_partial(sig, partial):
    """What is left to pass to a functools.partial: its positional arguments
    fill the first positional parameters; a parameter it gives by keyword
    gets that default and, with every positional parameter after it, can
    only be passed by keyword (so a *args after it goes away)."""
    to_fill = len(partial.args)
    keyword_from_here = False
    kept = []
    for param in sig.parameters.values():
        if param.kind in _TAKES_POSITIONAL and to_fill:
            to_fill -= 1
            continue
        if param.name in partial.keywords:
            param = param.replace(default=partial.keywords[param.name])
            keyword_from_here = keyword_from_here or param.kind is _POS_OR_KW
        if keyword_from_here and param.kind is _STAR_ARGS:
            continue
        if keyword_from_here and param.kind is _POS_OR_KW:
            param = param.replace(kind=_KW_ONLY)
        kept.append(param)
    kept.sort(key=lambda param: param.kind)
    return sig.replace(parameters=kept)


def _split_parameters(text):
    """The comma-separated items of a text signature's parameter list,
    commas inside quotes and brackets left alone."""
    items, depth, quote, start = [], 0, None, 0
    i = 0
    while i < len(text):
        c = text[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = None
        elif c in "'\"":
            quote = c
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "," and depth == 0:
            items.append(text[start:i].strip())
            start = i + 1
        i += 1
    last = text[start:].strip()
    if last:
        items.append(last)
    return items


def _signature_from_text(text, bound_to):
    """The Signature a native's `__text_signature__` states (CPython's
    syntax: `$module`/`$self`/`$type` for the receiver, `/` and `*`
    markers). The receiver is left out for module functions and for
    methods bound to an object, as CPython's inspect does."""
    items = _split_parameters(text.strip()[1:-1])
    params = []
    kind = _POS_OR_KW
    for item in items:
        if item == "/":
            params = [p.replace(kind=_POS_ONLY) for p in params]
            continue
        if item == "*":
            kind = _KW_ONLY
            continue
        if item.startswith("$"):
            if item == "$module" or bound_to is not None:
                continue
            item = item[1:]
        if item.startswith("**"):
            params.append(Parameter(item[2:], _STAR_KWARGS))
            continue
        if item.startswith("*"):
            params.append(Parameter(item[1:], _STAR_ARGS))
            kind = _KW_ONLY
            continue
        name, eq, default = item.partition("=")
        value = _text_default(default) if eq else _empty
        params.append(Parameter(name.strip(), kind, default=value))
    return Signature(params)


def _text_default(text):
    """The value a default in a text signature stands for: a literal, or a
    module's attribute named with its module (`sys.maxsize`, `zlib.Z_FINISH`).
    Anything else (`<unrepresentable>`) makes the signature invalid."""
    text = text.strip()
    module, dot, attr = text.rpartition(".")
    if dot and all(part.isidentifier() for part in text.split(".")):
        try:
            return getattr(__import__(module, fromlist=[attr]), attr)
        except (ImportError, AttributeError):
            raise _InvalidTextSignature from None
    try:
        return eval(text, {"__builtins__": {}})
    except Exception:
        raise _InvalidTextSignature from None


class _InvalidTextSignature(Exception):
    """A text signature inspect cannot read (CPython's `builtin has invalid signature`)."""


def signature(obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False):
    if not callable(obj):
        raise TypeError(f"{obj!r} is not a callable object")
    if ismethod(obj):
        return _drop_first(signature(obj.__func__, follow_wrapped=follow_wrapped))
    if follow_wrapped:
        obj = unwrap(obj, stop=lambda f: hasattr(f, "__signature__"))
    sig = getattr(obj, "__signature__", None)
    if isinstance(sig, Signature):
        return sig
    partial = _loaded("functools", "partial")
    if partial is not None and isinstance(obj, partial):
        return _signature_of_partial(signature(obj.func), obj)
    if isfunction(obj):
        return _signature_from_function(obj)
    if isclass(obj):
        for name in ("__init__", "__new__"):
            for base in obj.__mro__:
                if name in base.__dict__:
                    meth = base.__dict__[name]
                    if isfunction(meth):
                        return _drop_first(_signature_from_function(meth))
                    if isinstance(meth, staticmethod) and isfunction(meth.__func__):
                        return _drop_first(_signature_from_function(meth.__func__))
                    break
        if obj.__module__ != "builtins":
            return Signature()
        raise ValueError(f"no signature found for builtin type {obj!r}")
    if isbuiltin(obj) or ismethoddescriptor(obj):
        text = getattr(obj, "__text_signature__", None)
        if text:
            try:
                return _signature_from_text(text, getattr(obj, "__self__", None))
            except _InvalidTextSignature:
                raise ValueError(f"{obj!r} builtin has invalid signature") from None
    if isbuiltin(obj):
        raise ValueError(f"no signature found for builtin {obj!r}")
    call = getattr(type(obj), "__call__", None)
    if isfunction(call):
        return _drop_first(_signature_from_function(call))
    raise ValueError(f"callable {obj!r} is not supported by signature")


FullArgSpec = namedtuple("FullArgSpec", "args, varargs, varkw, defaults, kwonlyargs, kwonlydefaults, annotations", module="inspect")


def getfullargspec(func):
    """The old-style description of a function's parameters (a bound
    method's first parameter included)."""
    try:
        sig = signature(func.__func__ if ismethod(func) else func, follow_wrapped=False)
    except Exception as error:
        raise TypeError("unsupported callable") from error
    params = list(sig.parameters.values())

    def named(*kinds):
        return [p for p in params if p.kind in kinds]

    positional, keyword_only = named(_POS_ONLY, _POS_OR_KW), named(_KW_ONLY)
    star = next((p.name for p in named(_STAR_ARGS)), None)
    double_star = next((p.name for p in named(_STAR_KWARGS)), None)
    defaults = tuple(p.default for p in positional if p.default is not _empty)
    kwdefaults = {p.name: p.default for p in keyword_only if p.default is not _empty}
    annotations = {} if sig.return_annotation is _empty else {"return": sig.return_annotation}
    annotations.update((p.name, p.annotation) for p in params if p.annotation is not _empty)
    return FullArgSpec([p.name for p in positional], star, double_star, defaults or None,
                       [p.name for p in keyword_only], kwdefaults or None, annotations)


def getcallargs(func, /, *positional, **named):
    """The argument dict a call would bind, defaults included, in CPython's
    order: arguments passed by position, the star parameters, arguments
    passed by keyword, then the defaults."""
    sig = signature(func)
    params = sig.parameters.values()
    bound = sig.bind(*positional, **named).arguments
    by_position = [p.name for p in params if p.kind in _TAKES_POSITIONAL][:len(positional)]
    stars = {p.name: () if p.kind is _STAR_ARGS else {} for p in params if p.kind in _STAR_KINDS}
    ordered = by_position + list(stars) + [name for name in named if name in bound]
    ordered += [p.name for p in params if p.name not in ordered and p.kind is not _KW_ONLY]
    ordered += [p.name for p in params if p.name not in ordered]
    result = {}
    for name in ordered:
        value = bound.get(name, stars.get(name, sig.parameters[name].default))
        if value is not _empty:
            result[name] = value
    return result


def get_annotations(obj, *, globals=None, locals=None, eval_str=False):
    if isinstance(obj, type):
        ann = obj.__dict__.get("__annotations__", None)
    else:
        ann = getattr(obj, "__annotations__", None)
    return dict(ann) if ann else {}



# -- frames ------------------------------------------------------------------------------


def _record_type(name, fields):
    """A named tuple type with one more attribute, `positions`, that is no
    tuple item (CPython's Traceback and FrameInfo)."""
    base = namedtuple("_" + name, fields)

    def __new__(cls, *items, positions=None):
        record = base.__new__(cls, *items)
        record.positions = positions
        return record

    def __repr__(self):
        shown = [f"{field}={value!r}" for field, value in zip(base._fields, self)]
        return f"{name}({', '.join(shown)}, positions={self.positions!r})"

    return type(name, (base,), {"__new__": __new__, "__repr__": __repr__, "__module__": __name__})


Traceback = _record_type("Traceback", "filename lineno function code_context index")
FrameInfo = _record_type("FrameInfo", "frame filename lineno function code_context index")


def _context_lines(frame, lineno, context):
    """`context` source lines around `lineno` and lineno's index among
    them, or (None, None) when there is no source."""
    if context <= 0:
        return None, None
    try:
        lines, _ = findsource(frame)
    except OSError:
        return None, None
    first = min(max(lineno - 1 - context // 2, 0), max(len(lines) - context, 0))
    return lines[first:first + context], lineno - 1 - first


def getframeinfo(frame, context=1):
    """A Traceback record for a frame or traceback entry: file, line,
    function, `context` lines of source and the instruction's positions."""
    if istraceback(frame):
        lineno, lasti, frame = frame.tb_lineno, frame.tb_lasti, frame.tb_frame
    else:
        lineno, lasti = frame.f_lineno, frame.f_lasti
    code = frame.f_code
    lines, index = _context_lines(frame, lineno, context)
    import dis

    positions = dis.Positions(*_positions(code, lasti))
    return Traceback(getsourcefile(frame) or getfile(frame), lineno, code.co_name, lines, index, positions=positions)


def _frame_record(frame, context):
    info = getframeinfo(frame, context)
    target = frame.tb_frame if istraceback(frame) else frame
    return FrameInfo(target, *info, positions=info.positions)


def getouterframes(frame, context=1):
    """FrameInfo records for a frame and each frame that called it, outward."""
    records = []
    while frame is not None:
        records.append(_frame_record(frame, context))
        frame = frame.f_back
    return records


def getinnerframes(tb, context=1):
    """FrameInfo records for a traceback's entries, from tb inward to where
    the exception was raised."""
    records = []
    while tb is not None:
        records.append(_frame_record(tb, context))
        tb = tb.tb_next
    return records


def currentframe():
    """The caller's frame."""
    return sys._getframe(1)


def getlineno(frame):
    return frame.f_lineno



def stack(context=1):
    """FrameInfo for the caller's frame and each frame out from it."""
    return getouterframes(sys._getframe(1), context)



def trace(context=1):
    """FrameInfo records for the exception being handled, from this frame
    to where it was raised."""
    return getinnerframes(sys.exc_info()[2], context)


ArgInfo = namedtuple("ArgInfo", "args varargs keywords locals")


def getargvalues(frame):
    """The arguments of a frame's function, with the frame's locals."""
    code = frame.f_code
    nargs = code.co_argcount + code.co_kwonlyargcount
    names = code.co_varnames
    args = list(names[:nargs])
    varargs = varkw = None
    if code.co_flags & CO_VARARGS:
        varargs = names[nargs]
        nargs += 1
    if code.co_flags & CO_VARKEYWORDS:
        varkw = names[nargs]
    return ArgInfo(args, varargs, varkw, frame.f_locals)
