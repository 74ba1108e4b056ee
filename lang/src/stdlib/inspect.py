# `inspect`, after CPython's inspect.py: generator and coroutine states,
# the is* predicates, signature(), getsource() and friends.

import sys
import types
import functools
import collections
import collections.abc
from collections import namedtuple

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


def getgeneratorstate(generator):
    if generator.gi_running:
        return GEN_RUNNING
    if generator.gi_suspended:
        return GEN_SUSPENDED
    if generator.gi_frame is None:
        return GEN_CLOSED
    return GEN_CREATED


def getcoroutinestate(coroutine):
    if coroutine.cr_running:
        return CORO_RUNNING
    if coroutine.cr_suspended:
        return CORO_SUSPENDED
    if coroutine.cr_frame is None:
        return CORO_CLOSED
    return CORO_CREATED


def getgeneratorlocals(generator):
    if not isgenerator(generator):
        raise TypeError(f"{generator!r} is not a Python generator")
    frame = generator.gi_frame
    if frame is not None:
        return frame.f_locals
    return {}


def getcoroutinelocals(coroutine):
    frame = getattr(coroutine, "cr_frame", None)
    if frame is not None:
        return frame.f_locals
    return {}


# -- predicates ---------------------------------------------------------------------


def ismodule(object):
    return isinstance(object, types.ModuleType)


def isclass(object):
    return isinstance(object, type)


def ismethod(object):
    return isinstance(object, types.MethodType)


def isfunction(object):
    return isinstance(object, types.FunctionType)


def isbuiltin(object):
    return isinstance(object, types.BuiltinFunctionType)


def isroutine(object):
    return isbuiltin(object) or isfunction(object) or ismethod(object) or ismethoddescriptor(object)


def ismethoddescriptor(object):
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    tp = type(object)
    return hasattr(tp, "__get__") and not hasattr(tp, "__set__")


def isdatadescriptor(object):
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    tp = type(object)
    return hasattr(tp, "__set__") or hasattr(tp, "__delete__") or tp is property


def iscode(object):
    return isinstance(object, types.CodeType)


def isframe(object):
    return type(object).__name__ == "frame"


def istraceback(object):
    return type(object).__name__ == "traceback"


def isgenerator(object):
    return isinstance(object, types.GeneratorType)


def iscoroutine(object):
    return isinstance(object, types.CoroutineType)


def isasyncgen(object):
    return isinstance(object, types.AsyncGeneratorType)


def _unwrap_partial(func):
    while isinstance(func, functools.partial):
        func = func.func
    return func


def _has_code_flag(f, flag):
    while ismethod(f):
        f = f.__func__
    f = _unwrap_partial(f)
    if isfunction(f):
        return bool(_code_flags(f) & flag)
    # An object that looks like a function (unittest.mock's AsyncMock) has
    # its flags on its __code__.
    if _signature_is_functionlike(f):
        return bool(f.__code__.co_flags & flag)
    return False


def _signature_is_functionlike(obj):
    # Callable, not a class, with a function's attributes of the right types.
    if not callable(obj) or isclass(obj):
        return False
    name = getattr(obj, "__name__", None)
    code = getattr(obj, "__code__", None)
    missing = object()
    defaults = getattr(obj, "__defaults__", missing)
    kwdefaults = getattr(obj, "__kwdefaults__", missing)
    annotations = getattr(obj, "__annotations__", None)
    return (isinstance(code, types.CodeType) and isinstance(name, str)
            and (defaults is None or isinstance(defaults, tuple))
            and (kwdefaults is None or isinstance(kwdefaults, dict))
            and (annotations is None or isinstance(annotations, dict)))


def isgeneratorfunction(obj):
    return _has_code_flag(obj, CO_GENERATOR)


def iscoroutinefunction(obj):
    return _has_code_flag(obj, CO_COROUTINE)


def isasyncgenfunction(obj):
    return _has_code_flag(obj, CO_ASYNC_GENERATOR)


def isawaitable(object):
    return (
        isinstance(object, types.CoroutineType)
        or (isinstance(object, types.GeneratorType) and _is_iterable_coroutine(object))
        or isinstance(object, collections.abc.Awaitable)
    )


def isabstract(object):
    return isinstance(object, type) and bool(getattr(object, "__abstractmethods__", False))


def isbuiltinclass(object):
    return isinstance(object, type) and object.__module__ == "builtins"


# -- members and docs ------------------------------------------------------------------


def getmembers(object, predicate=None):
    results = []
    for key in dir(object):
        try:
            value = getattr(object, key)
        except AttributeError:
            continue
        if not predicate or predicate(value):
            results.append((key, value))
    results.sort(key=lambda pair: pair[0])
    return results


def cleandoc(doc):
    lines = doc.expandtabs().split("\n")
    margin = sys.maxsize
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            margin = min(margin, indent)
    if lines:
        lines[0] = lines[0].lstrip()
    if margin < sys.maxsize:
        for i in range(1, len(lines)):
            lines[i] = lines[i][margin:]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)


def getdoc(object):
    try:
        doc = object.__doc__
    except AttributeError:
        return None
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


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
    return None


# -- signature ----------------------------------------------------------------------------


class _empty:
    pass


class _void:
    pass


class _ParameterKind:
    def __init__(self, value, name, description):
        self.value = value
        self.name = name
        self.description = description

    def __repr__(self):
        return f"<_ParameterKind.{self.name}: {self.value}>"

    def __str__(self):
        return self.name

    def __eq__(self, other):
        if isinstance(other, _ParameterKind):
            return self.value == other.value
        if isinstance(other, int):
            return self.value == other
        return NotImplemented

    def __lt__(self, other):
        return self.value < (other.value if isinstance(other, _ParameterKind) else other)

    def __le__(self, other):
        return self.value <= (other.value if isinstance(other, _ParameterKind) else other)

    def __gt__(self, other):
        return self.value > (other.value if isinstance(other, _ParameterKind) else other)

    def __ge__(self, other):
        return self.value >= (other.value if isinstance(other, _ParameterKind) else other)

    def __hash__(self):
        return hash(self.value)

    def __int__(self):
        return self.value

    def __index__(self):
        return self.value


_POSITIONAL_ONLY = _ParameterKind(0, "POSITIONAL_ONLY", "positional-only")
_POSITIONAL_OR_KEYWORD = _ParameterKind(1, "POSITIONAL_OR_KEYWORD", "positional or keyword")
_VAR_POSITIONAL = _ParameterKind(2, "VAR_POSITIONAL", "variadic positional")
_KEYWORD_ONLY = _ParameterKind(3, "KEYWORD_ONLY", "keyword-only")
_VAR_KEYWORD = _ParameterKind(4, "VAR_KEYWORD", "variadic keyword")


def formatannotation(annotation, base_module=None):
    if getattr(annotation, "__module__", None) == "typing":
        return repr(annotation).replace("typing.", "")
    if isinstance(annotation, types.GenericAlias):
        return str(annotation)
    if isinstance(annotation, type):
        if annotation.__module__ in ("builtins", base_module):
            return annotation.__qualname__
        return annotation.__module__ + "." + annotation.__qualname__
    return repr(annotation)


class Parameter:
    POSITIONAL_ONLY = _POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = _POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = _VAR_POSITIONAL
    KEYWORD_ONLY = _KEYWORD_ONLY
    VAR_KEYWORD = _VAR_KEYWORD
    empty = _empty

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        if not isinstance(kind, _ParameterKind):
            raise ValueError(f"value {kind!r} is not a valid Parameter.kind")
        if default is not _empty and kind in (_VAR_POSITIONAL, _VAR_KEYWORD):
            raise ValueError(f"{kind.description} parameters cannot have default values")
        if not isinstance(name, str):
            raise TypeError(f"name must be a str, not a {type(name).__name__}")
        self._name = name
        self._kind = kind
        self._default = default
        self._annotation = annotation

    @property
    def name(self):
        return self._name

    @property
    def default(self):
        return self._default

    @property
    def annotation(self):
        return self._annotation

    @property
    def kind(self):
        return self._kind

    def replace(self, *, name=_void, kind=_void, annotation=_void, default=_void):
        if name is _void:
            name = self._name
        if kind is _void:
            kind = self._kind
        if annotation is _void:
            annotation = self._annotation
        if default is _void:
            default = self._default
        return type(self)(name, kind, default=default, annotation=annotation)

    def __str__(self):
        kind = self.kind
        formatted = self._name
        if self._annotation is not _empty:
            formatted = f"{formatted}: {formatannotation(self._annotation)}"
        if self._default is not _empty:
            if self._annotation is not _empty:
                formatted = f"{formatted} = {self._default!r}"
            else:
                formatted = f"{formatted}={self._default!r}"
        if kind == _VAR_POSITIONAL:
            formatted = "*" + formatted
        elif kind == _VAR_KEYWORD:
            formatted = "**" + formatted
        return formatted

    def __repr__(self):
        return f'<{self.__class__.__name__} "{self}">'

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Parameter):
            return NotImplemented
        return (self._name == other._name and self._kind == other._kind and self._default == other._default and self._annotation == other._annotation)

    def __hash__(self):
        return hash((self.name, self.kind, self.annotation, self.default))


class BoundArguments:
    def __init__(self, signature, arguments):
        self.arguments = arguments
        self._signature = signature

    @property
    def signature(self):
        return self._signature

    @property
    def args(self):
        args = []
        for param_name, param in self._signature.parameters.items():
            if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                break
            try:
                arg = self.arguments[param_name]
            except KeyError:
                break
            else:
                if param.kind == _VAR_POSITIONAL:
                    args.extend(arg)
                else:
                    args.append(arg)
        return tuple(args)

    @property
    def kwargs(self):
        kwargs = {}
        kwargs_started = False
        for param_name, param in self._signature.parameters.items():
            if not kwargs_started:
                if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                    kwargs_started = True
                elif param_name not in self.arguments:
                    kwargs_started = True
                    continue
            if not kwargs_started:
                continue
            try:
                arg = self.arguments[param_name]
            except KeyError:
                pass
            else:
                if param.kind == _VAR_KEYWORD:
                    kwargs.update(arg)
                else:
                    kwargs[param_name] = arg
        return kwargs

    def apply_defaults(self):
        arguments = self.arguments
        new_arguments = []
        for name, param in self._signature.parameters.items():
            try:
                new_arguments.append((name, arguments[name]))
            except KeyError:
                if param.default is not _empty:
                    val = param.default
                elif param.kind is _VAR_POSITIONAL:
                    val = ()
                elif param.kind is _VAR_KEYWORD:
                    val = {}
                else:
                    continue
                new_arguments.append((name, val))
        self.arguments = dict(new_arguments)

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, BoundArguments):
            return NotImplemented
        return self.signature == other.signature and self.arguments == other.arguments

    def __repr__(self):
        args = []
        for arg, value in self.arguments.items():
            args.append(f"{arg}={value!r}")
        return f"<{self.__class__.__name__} ({', '.join(args)})>"


class Signature:
    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty, __validate_parameters__=True):
        params = collections.OrderedDict()
        if parameters is not None:
            for param in parameters:
                if param.name in params:
                    raise ValueError(f"duplicate parameter name: {param.name!r}")
                params[param.name] = param
        self._parameters = types.MappingProxyType(params)
        self._return_annotation = return_annotation

    @classmethod
    def from_callable(cls, obj, *, follow_wrapped=True):
        return signature(obj, follow_wrapped=follow_wrapped)

    @property
    def parameters(self):
        return self._parameters

    @property
    def return_annotation(self):
        return self._return_annotation

    def replace(self, *, parameters=_void, return_annotation=_void):
        if parameters is _void:
            parameters = self.parameters.values()
        if return_annotation is _void:
            return_annotation = self._return_annotation
        return type(self)(parameters, return_annotation=return_annotation)

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Signature):
            return NotImplemented
        return self._return_annotation == other._return_annotation and list(self.parameters.items()) == list(other.parameters.items())

    def __hash__(self):
        return hash((tuple(self.parameters.values()), self._return_annotation))

    def _bind(self, args, kwargs, *, partial=False):
        arguments = {}
        parameters = iter(self.parameters.values())
        parameters_ex = ()
        arg_vals = iter(args)
        while True:
            try:
                arg_val = next(arg_vals)
            except StopIteration:
                try:
                    param = next(parameters)
                except StopIteration:
                    break
                else:
                    if param.kind == _VAR_POSITIONAL:
                        break
                    elif param.name in kwargs:
                        if param.kind == _POSITIONAL_ONLY:
                            raise TypeError(f"{param.name!r} parameter is positional only, but was passed as a keyword")
                        parameters_ex = (param,)
                        break
                    elif param.kind == _VAR_KEYWORD or param.default is not _empty:
                        parameters_ex = (param,)
                        break
                    else:
                        if partial:
                            parameters_ex = (param,)
                            break
                        raise TypeError(f"missing a required argument: {param.name!r}") from None
            else:
                try:
                    param = next(parameters)
                except StopIteration:
                    raise TypeError("too many positional arguments") from None
                else:
                    if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                        raise TypeError("too many positional arguments") from None
                    if param.kind == _VAR_POSITIONAL:
                        values = [arg_val]
                        values.extend(arg_vals)
                        arguments[param.name] = tuple(values)
                        break
                    if param.name in kwargs and param.kind != _POSITIONAL_ONLY:
                        raise TypeError(f"multiple values for argument {param.name!r}") from None
                    arguments[param.name] = arg_val
        kwargs_param = None
        for param in [*parameters_ex, *parameters]:
            if param.kind == _VAR_KEYWORD:
                kwargs_param = param
                continue
            if param.kind == _VAR_POSITIONAL:
                continue
            param_name = param.name
            try:
                arg_val = kwargs.pop(param_name)
            except KeyError:
                if not partial and param.kind != _VAR_POSITIONAL and param.default is _empty:
                    raise TypeError(f"missing a required argument: {param_name!r}") from None
            else:
                if param.kind == _POSITIONAL_ONLY:
                    raise TypeError(f"{param.name!r} parameter is positional only, but was passed as a keyword")
                arguments[param_name] = arg_val
        if kwargs:
            if kwargs_param is not None:
                arguments[kwargs_param.name] = kwargs
            else:
                raise TypeError(f"got an unexpected keyword argument {next(iter(kwargs))!r}")
        return BoundArguments(self, arguments)

    def bind(self, /, *args, **kwargs):
        return self._bind(args, kwargs)

    def bind_partial(self, /, *args, **kwargs):
        return self._bind(args, kwargs, partial=True)

    def __repr__(self):
        return f"<{self.__class__.__name__} {self}>"

    def __str__(self):
        result = []
        render_pos_only_separator = False
        render_kw_only_separator = True
        for param in self.parameters.values():
            formatted = str(param)
            kind = param.kind
            if kind == _POSITIONAL_ONLY:
                render_pos_only_separator = True
            elif render_pos_only_separator:
                result.append("/")
                render_pos_only_separator = False
            if kind == _VAR_POSITIONAL:
                render_kw_only_separator = False
            elif kind == _KEYWORD_ONLY and render_kw_only_separator:
                result.append("*")
                render_kw_only_separator = False
            result.append(formatted)
        if render_pos_only_separator:
            result.append("/")
        rendered = f"({', '.join(result)})"
        if self.return_annotation is not _empty:
            rendered += f" -> {formatannotation(self.return_annotation)}"
        return rendered


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
        kind = _POSITIONAL_ONLY if index < posonly_count else _POSITIONAL_OR_KEYWORD
        default = defaults[index - non_default_count] if index >= non_default_count else _empty
        parameters.append(Parameter(name, kind, default=default, annotation=annotations.get(name, _empty)))
    index = pos_count + keyword_only_count
    if code.co_flags & CO_VARARGS:
        name = arg_names[index]
        parameters.append(Parameter(name, _VAR_POSITIONAL, annotation=annotations.get(name, _empty)))
        index += 1
    for name in keyword_only:
        parameters.append(Parameter(name, _KEYWORD_ONLY, default=kwdefaults.get(name, _empty), annotation=annotations.get(name, _empty)))
    if code.co_flags & CO_VARKEYWORDS:
        name = arg_names[index]
        parameters.append(Parameter(name, _VAR_KEYWORD, annotation=annotations.get(name, _empty)))
    return Signature(parameters, return_annotation=annotations.get("return", _empty))


def _drop_first(sig):
    params = list(sig.parameters.values())
    if not params or params[0].kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
        raise ValueError("invalid method signature")
    if params[0].kind == _VAR_POSITIONAL:
        return sig
    return sig.replace(parameters=params[1:])


def _signature_of_partial(sig, partial):
    params = list(sig.parameters.values())
    n = len(partial.args)
    new_params = []
    for param in params:
        if n and param.kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
            n -= 1
            continue
        if n and param.kind == _VAR_POSITIONAL:
            new_params.append(param)
            continue
        if param.name in partial.keywords:
            param = param.replace(default=partial.keywords[param.name], kind=_KEYWORD_ONLY if param.kind == _POSITIONAL_OR_KEYWORD else param.kind)
        new_params.append(param)
    kw_only = [p for p in new_params if p.kind == _KEYWORD_ONLY]
    rest = [p for p in new_params if p.kind != _KEYWORD_ONLY and p.kind != _VAR_KEYWORD]
    var_kw = [p for p in new_params if p.kind == _VAR_KEYWORD]
    return sig.replace(parameters=rest + kw_only + var_kw)


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
    kind = _POSITIONAL_OR_KEYWORD
    for item in items:
        if item == "/":
            params = [p.replace(kind=_POSITIONAL_ONLY) for p in params]
            continue
        if item == "*":
            kind = _KEYWORD_ONLY
            continue
        if item.startswith("$"):
            if item == "$module" or bound_to is not None:
                continue
            item = item[1:]
        if item.startswith("**"):
            params.append(Parameter(item[2:], _VAR_KEYWORD))
            continue
        if item.startswith("*"):
            params.append(Parameter(item[1:], _VAR_POSITIONAL))
            kind = _KEYWORD_ONLY
            continue
        name, eq, default = item.partition("=")
        value = eval(default, {"sys": sys}) if eq else _empty
        params.append(Parameter(name.strip(), kind, default=value))
    return Signature(params)


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
    if isinstance(obj, functools.partial):
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
            except SyntaxError:
                # A default CPython cannot show (`<unrepresentable>`).
                raise ValueError(f"{obj!r} builtin has invalid signature") from None
    if isbuiltin(obj):
        raise ValueError(f"no signature found for builtin {obj!r}")
    call = getattr(type(obj), "__call__", None)
    if isfunction(call):
        return _drop_first(_signature_from_function(call))
    raise ValueError(f"callable {obj!r} is not supported by signature")


FullArgSpec = namedtuple("FullArgSpec", "args, varargs, varkw, defaults, kwonlyargs, kwonlydefaults, annotations", module="inspect")


def getfullargspec(func):
    sig = signature(func, follow_wrapped=False)
    args, kwonlyargs, annotations, defaults, kwdefaults = [], [], {}, (), {}
    varargs = varkw = None
    if sig.return_annotation is not _empty:
        annotations["return"] = sig.return_annotation
    for param in sig.parameters.values():
        kind, name = param.kind, param.name
        if kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
            args.append(name)
            if param.default is not _empty:
                defaults += (param.default,)
        elif kind == _VAR_POSITIONAL:
            varargs = name
        elif kind == _KEYWORD_ONLY:
            kwonlyargs.append(name)
            if param.default is not _empty:
                kwdefaults[name] = param.default
        elif kind == _VAR_KEYWORD:
            varkw = name
        if param.annotation is not _empty:
            annotations[name] = param.annotation
    return FullArgSpec(args, varargs, varkw, defaults or None, kwonlyargs, kwdefaults or None, annotations)


def getcallargs(func, /, *positional, **named):
    return dict(signature(func).bind(*positional, **named).arguments)


def get_annotations(obj, *, globals=None, locals=None, eval_str=False):
    if isinstance(obj, type):
        ann = obj.__dict__.get("__annotations__", None)
    else:
        ann = getattr(obj, "__annotations__", None)
    return dict(ann) if ann else {}


# -- frames ----------------------------------------------------------------------------


class _Traceback(namedtuple("_Traceback", "filename lineno function code_context index")):
    pass


class Traceback(_Traceback):
    def __new__(cls, filename, lineno, function, code_context, index, *, positions=None):
        instance = super().__new__(cls, filename, lineno, function, code_context, index)
        instance.positions = positions
        return instance

    def __repr__(self):
        return (f"Traceback(filename={self.filename!r}, lineno={self.lineno!r}, "
                f"function={self.function!r}, code_context={self.code_context!r}, "
                f"index={self.index!r}, positions={self.positions!r})")


class _FrameInfo(namedtuple("_FrameInfo", "frame filename lineno function code_context index")):
    pass


class FrameInfo(_FrameInfo):
    def __new__(cls, frame, filename, lineno, function, code_context, index, *, positions=None):
        instance = super().__new__(cls, frame, filename, lineno, function, code_context, index)
        instance.positions = positions
        return instance

    def __repr__(self):
        return (f"FrameInfo(frame={self.frame!r}, filename={self.filename!r}, "
                f"lineno={self.lineno!r}, function={self.function!r}, "
                f"code_context={self.code_context!r}, index={self.index!r}, "
                f"positions={self.positions!r})")


def currentframe():
    """The caller's frame."""
    return sys._getframe(1)


def getlineno(frame):
    return frame.f_lineno


def getframeinfo(frame, context=1):
    """A Traceback tuple for a frame or traceback: where it is, with
    `context` lines of source around its line."""
    import dis
    if istraceback(frame):
        positions = _positions(frame.tb_frame.f_code, frame.tb_lasti)
        lineno = frame.tb_lineno
        frame = frame.tb_frame
    else:
        if not isframe(frame):
            raise TypeError(f"{frame!r} is not a frame or traceback object")
        lineno = frame.f_lineno
        positions = _positions(frame.f_code, frame.f_lasti)
    if positions[0] is None:
        positions = (lineno,) + positions[1:]
    lineno = positions[0]
    filename = getsourcefile(frame) or getfile(frame)
    if context > 0:
        start = lineno - 1 - context // 2
        try:
            lines, _ = findsource(frame)
        except OSError:
            lines = index = None
        else:
            start = max(0, min(start, len(lines) - context))
            lines = lines[start:start + context]
            index = lineno - 1 - start
    else:
        lines = index = None
    return Traceback(filename, lineno, frame.f_code.co_name, lines, index,
                     positions=dis.Positions(*positions))


def getouterframes(frame, context=1):
    """FrameInfo for the frame and each frame out from it."""
    framelist = []
    while frame:
        info = getframeinfo(frame, context)
        framelist.append(FrameInfo(frame, *info, positions=info.positions))
        frame = frame.f_back
    return framelist


def getinnerframes(tb, context=1):
    """FrameInfo for each entry of a traceback, outermost first."""
    framelist = []
    while tb:
        info = getframeinfo(tb, context)
        framelist.append(FrameInfo(tb.tb_frame, *info, positions=info.positions))
        tb = tb.tb_next
    return framelist


def stack(context=1):
    """FrameInfo for the caller's frame and each frame out from it."""
    return getouterframes(sys._getframe(1), context)


def trace(context=1):
    """FrameInfo for the frames of the exception being handled."""
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
