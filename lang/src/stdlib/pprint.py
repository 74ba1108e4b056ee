# `pprint`: pretty-printing of nested data with CPython 3.11's layout.
#
# An object whose repr fits in the room left on the line is written as its
# repr; otherwise containers of the built-in kinds (and strings and bytes,
# which are split into adjacent literals) are broken over lines, one item
# per line, each laid out by the same rule with the room that is left.
# Which layout applies is decided by the type's __repr__: a subclass that
# keeps its parent's repr is printed like the parent.

import collections as _collections
import dataclasses as _dataclasses
import sys as _sys
import types as _types
from io import StringIO as _StringIO

__all__ = ["pprint", "pformat", "isreadable", "isrecursive", "saferepr", "PrettyPrinter", "pp"]


def pprint(object, stream=None, indent=1, width=80, depth=None, *,
           compact=False, sort_dicts=True, underscore_numbers=False):
    """Pretty-print object to stream (sys.stdout by default), with a newline."""
    PrettyPrinter(stream=stream, indent=indent, width=width, depth=depth, compact=compact,
                  sort_dicts=sort_dicts, underscore_numbers=underscore_numbers).pprint(object)


def pformat(object, indent=1, width=80, depth=None, *,
            compact=False, sort_dicts=True, underscore_numbers=False):
    """The pretty-printed text of object."""
    return PrettyPrinter(indent=indent, width=width, depth=depth, compact=compact,
                         sort_dicts=sort_dicts, underscore_numbers=underscore_numbers).pformat(object)


def pp(object, *args, sort_dicts=False, **kwargs):
    """pprint with dicts in their own order."""
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)


def saferepr(object):
    """repr(object), with recursive containers shown as <Recursion on ...>."""
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[0]


def isreadable(object):
    """Whether saferepr(object) could be read back by eval()."""
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[1]


def isrecursive(object):
    """Whether object contains itself."""
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[2]


class _safe_key:
    """Sort key for values that may not be orderable: those are ordered by
    their type's name, then by id."""

    __slots__ = ["obj"]

    def __init__(self, obj):
        self.obj = obj

    def __lt__(self, other):
        try:
            return self.obj < other.obj
        except TypeError:
            return (str(type(self.obj)), id(self.obj)) < (str(type(other.obj)), id(other.obj))


def _safe_tuple(pair):
    return _safe_key(pair[0]), _safe_key(pair[1])


def _recursion(object):
    return "<Recursion on %s with id=%s>" % (type(object).__name__, id(object))


def _words(line):
    # The line as runs of non-blanks each followed by its blanks.
    parts = []
    i, n = 0, len(line)
    while i < n:
        j = i
        while j < n and not line[j].isspace():
            j += 1
        while j < n and line[j].isspace():
            j += 1
        parts.append(line[i:j])
        i = j
    return parts


def _split_literal(text, width, last_width):
    # Pieces of `text` whose reprs fit in width (last_width for the last
    # piece), breaking after runs of blanks.
    pieces = []
    current = ""
    parts = _words(text)
    for j, part in enumerate(parts):
        room = last_width if j == len(parts) - 1 else width
        candidate = current + part
        if len(repr(candidate)) > room:
            if current:
                pieces.append(repr(current))
            current = part
        else:
            current = candidate
    if current:
        pieces.append(repr(current))
    return pieces


def _wrap_bytes_repr(object, width, allowance):
    # Bytes broken into reprs of whole 4-byte groups that fit in width.
    current = b""
    last = len(object) // 4 * 4
    for i in range(0, len(object), 4):
        part = object[i:i + 4]
        candidate = current + part
        if i == last:
            width -= allowance
        if len(repr(candidate)) > width:
            if current:
                yield repr(current)
            current = part
        else:
            current = candidate
    if current:
        yield repr(current)


def _has_generated_repr(obj):
    # A dataclass instance whose __repr__ is the one @dataclass wrote.
    if not _dataclasses.is_dataclass(obj) or isinstance(obj, type):
        return False
    if not obj.__dataclass_params__.repr:
        return False
    wrapped = getattr(obj.__repr__, "__wrapped__", None)
    return wrapped is not None and "__create_fn__" in wrapped.__qualname__


class PrettyPrinter:
    """Pretty-printing with fixed settings: indent per nesting level, line
    width, maximum depth, output stream, compact sequences, sorted dict keys,
    and '_' separators in ints."""

    def __init__(self, indent=1, width=80, depth=None, stream=None, *,
                 compact=False, sort_dicts=True, underscore_numbers=False):
        indent = int(indent)
        width = int(width)
        if indent < 0:
            raise ValueError("indent must be >= 0")
        if depth is not None and depth <= 0:
            raise ValueError("depth must be > 0")
        if not width:
            raise ValueError("width must be != 0")
        self._depth = depth
        self._indent_per_level = indent
        self._width = width
        self._stream = stream if stream is not None else _sys.stdout
        self._compact = bool(compact)
        self._sort_dicts = sort_dicts
        self._underscore_numbers = underscore_numbers

    def pprint(self, object):
        if self._stream is not None:
            self._format(object, self._stream, 0, 0, {}, 0)
            self._stream.write("\n")

    def pformat(self, object):
        out = _StringIO()
        self._format(object, out, 0, 0, {}, 0)
        return out.getvalue()

    def isrecursive(self, object):
        return self.format(object, {}, 0, 0)[2]

    def isreadable(self, object):
        text, readable, recursive = self.format(object, {}, 0, 0)
        return readable and not recursive

    def format(self, object, context, maxlevels, level):
        """(text, readable, recursive) for object; subclasses may override it."""
        return self._safe_repr(object, context, maxlevels, level)

    # -- Layout --------------------------------------------------------------
    #
    # `indent` is the column the object starts at; `allowance` the columns
    # that must stay free after it (closing brackets and commas to come).

    def _format(self, object, stream, indent, allowance, context, level):
        key = id(object)
        if key in context:
            stream.write(_recursion(object))
            self._recursive = True
            self._readable = False
            return
        text = self._repr(object, context, level)
        if len(text) > self._width - indent - allowance:
            layout = self._layout_for(type(object))
            if layout is None and _has_generated_repr(object):
                layout = PrettyPrinter._pprint_dataclass
            if layout is not None:
                context[key] = 1
                layout(self, object, stream, indent, allowance, context, level + 1)
                del context[key]
                return
        stream.write(text)

    def _repr(self, object, context, level):
        text, readable, recursive = self.format(object, context.copy(), self._depth, level)
        if not readable:
            self._readable = False
        if recursive:
            self._recursive = True
        return text

    def _pprint_dataclass(self, object, stream, indent, allowance, context, level):
        name = object.__class__.__name__
        items = [(f.name, getattr(object, f.name)) for f in _dataclasses.fields(object) if f.repr]
        stream.write(name + "(")
        self._format_namespace_items(items, stream, indent + len(name) + 1, allowance, context, level)
        stream.write(")")

    # Layouts by the class whose __repr__ an object's type keeps (towel's
    # built-in types can share one __repr__, so the class decides), and
    # `_dispatch`, by __repr__, for layouts that programs add.
    _layouts = {}
    _dispatch = {}

    def _layout_for(self, cls):
        for base in cls.__mro__:
            layout = self._layouts.get(base)
            if layout is not None and cls.__repr__ is base.__repr__:
                return layout
        return self._dispatch.get(cls.__repr__)

    def _pad_after_bracket(self, stream):
        if self._indent_per_level > 1:
            stream.write((self._indent_per_level - 1) * " ")

    def _pprint_dict(self, object, stream, indent, allowance, context, level):
        stream.write("{")
        self._pad_after_bracket(stream)
        if len(object):
            if self._sort_dicts:
                items = sorted(object.items(), key=_safe_tuple)
            else:
                items = object.items()
            self._format_dict_items(items, stream, indent, allowance + 1, context, level)
        stream.write("}")

    _layouts[dict] = _pprint_dict

    def _pprint_ordered_dict(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        name = object.__class__.__name__
        stream.write(name + "(")
        self._format(list(object.items()), stream, indent + len(name) + 1, allowance + 1, context, level)
        stream.write(")")

    _layouts[_collections.OrderedDict] = _pprint_ordered_dict

    def _pprint_list(self, object, stream, indent, allowance, context, level):
        stream.write("[")
        self._format_items(object, stream, indent, allowance + 1, context, level)
        stream.write("]")

    _layouts[list] = _pprint_list

    def _pprint_tuple(self, object, stream, indent, allowance, context, level):
        stream.write("(")
        closing = ",)" if len(object) == 1 else ")"
        self._format_items(object, stream, indent, allowance + len(closing), context, level)
        stream.write(closing)

    _layouts[tuple] = _pprint_tuple

    def _pprint_set(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        cls = object.__class__
        if cls is set:
            stream.write("{")
            closing = "}"
        else:
            stream.write(cls.__name__ + "({")
            closing = "})"
            indent += len(cls.__name__) + 1
        self._format_items(sorted(object, key=_safe_key), stream, indent, allowance + len(closing),
                           context, level)
        stream.write(closing)

    _layouts[set] = _pprint_set
    _layouts[frozenset] = _pprint_set

    def _pprint_str(self, object, stream, indent, allowance, context, level):
        # A long string becomes adjacent literals, one line each, split at
        # its line ends and then between words; at the top level they are
        # wrapped in parentheses.
        if not len(object):
            stream.write(repr(object))
            return
        if level == 1:
            indent += 1
            allowance += 1
        width = self._width - indent
        lines = object.splitlines(True)
        chunks = []
        for i, line in enumerate(lines):
            last_line = i == len(lines) - 1
            text = repr(line)
            if len(text) <= (width - allowance if last_line else width):
                chunks.append(text)
            else:
                chunks.extend(_split_literal(line, width, width - allowance if last_line else width))
        if len(chunks) == 1:
            stream.write(text)
            return
        if level == 1:
            stream.write("(")
        stream.write(("\n" + " " * indent).join(chunks))
        if level == 1:
            stream.write(")")

    _layouts[str] = _pprint_str

    def _pprint_bytes(self, object, stream, indent, allowance, context, level):
        if len(object) <= 4:
            stream.write(repr(object))
            return
        parens = level == 1
        if parens:
            indent += 1
            allowance += 1
            stream.write("(")
        stream.write(("\n" + " " * indent).join(_wrap_bytes_repr(object, self._width - indent, allowance)))
        if parens:
            stream.write(")")

    _layouts[bytes] = _pprint_bytes

    def _pprint_bytearray(self, object, stream, indent, allowance, context, level):
        stream.write("bytearray(")
        self._pprint_bytes(bytes(object), stream, indent + 10, allowance + 1, context, level + 1)
        stream.write(")")

    _layouts[bytearray] = _pprint_bytearray

    def _pprint_mappingproxy(self, object, stream, indent, allowance, context, level):
        stream.write("mappingproxy(")
        self._format(object.copy(), stream, indent + 13, allowance + 1, context, level)
        stream.write(")")

    _layouts[_types.MappingProxyType] = _pprint_mappingproxy

    def _pprint_simplenamespace(self, object, stream, indent, allowance, context, level):
        # SimpleNamespace itself shows as "namespace"; subclasses by name.
        if type(object) is _types.SimpleNamespace:
            name = "namespace"
        else:
            name = object.__class__.__name__
        stream.write(name + "(")
        self._format_namespace_items(list(vars(object).items()), stream, indent + len(name) + 1,
                                     allowance, context, level)
        stream.write(")")

    _layouts[_types.SimpleNamespace] = _pprint_simplenamespace

    def _format_dict_items(self, items, stream, indent, allowance, context, level):
        indent += self._indent_per_level
        separator = ",\n" + " " * indent
        items = list(items)
        for i, (key, value) in enumerate(items):
            last = i == len(items) - 1
            key_text = self._repr(key, context, level)
            stream.write(key_text)
            stream.write(": ")
            self._format(value, stream, indent + len(key_text) + 2, allowance if last else 1, context, level)
            if not last:
                stream.write(separator)

    def _format_namespace_items(self, items, stream, indent, allowance, context, level):
        separator = ",\n" + " " * indent
        for i, (key, value) in enumerate(items):
            last = i == len(items) - 1
            stream.write(key)
            stream.write("=")
            if id(value) in context:
                # As the recursive repr of a dataclass shows it.
                stream.write("...")
            else:
                self._format(value, stream, indent + len(key) + 1, allowance if last else 1, context, level)
            if not last:
                stream.write(separator)

    def _format_items(self, items, stream, indent, allowance, context, level):
        # One item per line; with `compact`, as many reprs per line as fit.
        indent += self._indent_per_level
        self._pad_after_bracket(stream)
        newline = ",\n" + " " * indent
        separator = ""
        room = max_room = self._width - indent + 1
        items = list(items)
        for i, item in enumerate(items):
            last = i == len(items) - 1
            if last:
                max_room -= allowance
                room -= allowance
            if self._compact:
                text = self._repr(item, context, level)
                needed = len(text) + 2
                if room < needed:
                    room = max_room
                    if separator:
                        separator = newline
                if room >= needed:
                    room -= needed
                    stream.write(separator)
                    separator = ", "
                    stream.write(text)
                    continue
            stream.write(separator)
            separator = newline
            self._format(item, stream, indent, allowance if last else 1, context, level)

    def _pprint_default_dict(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        factory = self._repr(object.default_factory, context, level)
        name = object.__class__.__name__
        indent += len(name) + 1
        stream.write("%s(%s,\n%s" % (name, factory, " " * indent))
        self._pprint_dict(object, stream, indent, allowance + 1, context, level)
        stream.write(")")

    _layouts[_collections.defaultdict] = _pprint_default_dict

    def _pprint_counter(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        name = object.__class__.__name__
        stream.write(name + "({")
        self._pad_after_bracket(stream)
        self._format_dict_items(object.most_common(), stream, indent + len(name) + 1, allowance + 2,
                                context, level)
        stream.write("})")

    _layouts[_collections.Counter] = _pprint_counter

    def _pprint_chain_map(self, object, stream, indent, allowance, context, level):
        if not len(object.maps):
            stream.write(repr(object))
            return
        name = object.__class__.__name__
        stream.write(name + "(")
        indent += len(name) + 1
        for i, mapping in enumerate(object.maps):
            if i == len(object.maps) - 1:
                self._format(mapping, stream, indent, allowance + 1, context, level)
                stream.write(")")
            else:
                self._format(mapping, stream, indent, 1, context, level)
                stream.write(",\n" + " " * indent)

    _layouts[_collections.ChainMap] = _pprint_chain_map

    def _pprint_deque(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        name = object.__class__.__name__
        stream.write(name + "([")
        indent += len(name) + 1
        if object.maxlen is None:
            self._format_items(object, stream, indent, allowance + 2, context, level)
            stream.write("])")
        else:
            self._format_items(object, stream, indent, 2, context, level)
            stream.write("],\n%smaxlen=%s)" % (" " * indent, self._repr(object.maxlen, context, level)))

    _layouts[_collections.deque] = _pprint_deque

    def _pprint_user_data(self, object, stream, indent, allowance, context, level):
        # UserDict, UserList and UserString print as the data they wrap.
        self._format(object.data, stream, indent, allowance, context, level - 1)

    # (towel's collections has no UserString yet.)
    for _wrapper in ("UserDict", "UserList", "UserString"):
        if hasattr(_collections, _wrapper):
            _layouts[getattr(_collections, _wrapper)] = _pprint_user_data
    del _wrapper

    # -- One-line reprs ------------------------------------------------------

    def _safe_repr(self, object, context, maxlevels, level):
        # (repr, readable, recursive), with containers of the built-in kinds
        # written here so that recursion and `depth` are caught.
        cls = type(object)
        if cls in _builtin_scalars:
            return repr(object), True, False
        own_repr = getattr(cls, "__repr__", None)
        if issubclass(cls, int) and own_repr is int.__repr__:
            if self._underscore_numbers:
                return f"{object:_d}", True, False
            return repr(object), True, False
        if issubclass(cls, dict) and own_repr is dict.__repr__:
            if not object:
                return "{}", True, False
            if self._sort_dicts:
                items = sorted(object.items(), key=_safe_tuple)
            else:
                items = object.items()
            return self._container_repr(object, "{%s}", "{...}", items, context, maxlevels, level)
        if ((issubclass(cls, list) and own_repr is list.__repr__)
                or (issubclass(cls, tuple) and own_repr is tuple.__repr__)):
            if issubclass(cls, list):
                if not object:
                    return "[]", True, False
                template = "[%s]"
            elif len(object) == 1:
                template = "(%s,)"
            else:
                if not object:
                    return "()", True, False
                template = "(%s)"
            return self._container_repr(object, template, template % "...", None, context, maxlevels, level)
        text = repr(object)
        return text, (text and not text.startswith("<")), False

    def _container_repr(self, object, template, elided, items, context, maxlevels, level):
        key = id(object)
        if maxlevels and level >= maxlevels:
            return elided, False, key in context
        if key in context:
            return _recursion(object), False, True
        context[key] = 1
        readable = True
        recursive = False
        parts = []
        level += 1
        if items is None:
            for element in object:
                text, element_readable, element_recursive = self.format(element, context, maxlevels, level)
                parts.append(text)
                if not element_readable:
                    readable = False
                recursive = recursive or element_recursive
        else:
            for k, v in items:
                ktext, kreadable, krecursive = self.format(k, context, maxlevels, level)
                vtext, vreadable, vrecursive = self.format(v, context, maxlevels, level)
                parts.append("%s: %s" % (ktext, vtext))
                readable = readable and kreadable and vreadable
                recursive = recursive or krecursive or vrecursive
        del context[key]
        return template % ", ".join(parts), readable, recursive


_builtin_scalars = frozenset({str, bytes, bytearray, float, complex, bool, type(None)})
