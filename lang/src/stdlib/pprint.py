# pprint: data structures laid out to fit a width, with CPython 3.11's
# output character for character.
#
# Design. Everything renders to strings. `_render(obj, column, trailing,
# level, active)` gives the text of obj when it starts at `column` and
# `trailing` characters (closing brackets, a comma) must still follow its
# last line: the one-line form (from the overridable `format`) when that
# fits, else the multi-line layout that the type's repr function selects
# (a subclass that keeps its base's repr keeps its base's layout). Nearly
# every layout is a *run*: opening text, entries (each a prefix such as a
# dict key and ": ", and a value), closing text; `_run` places the entries
# one per line under the first, or packs them greedily in compact mode.
# Long str and bytes values are cut into pieces (words, four-byte groups)
# and `_pack` joins pieces greedily while their repr fits.

import collections as _collections
import dataclasses as _dataclasses
import re as _re
import sys as _sys
import types as _types

__all__ = ["pprint", "pformat", "isreadable", "isrecursive", "saferepr", "PrettyPrinter", "pp"]


def pprint(object, stream=None, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True,
           underscore_numbers=False):
    """Write object's pretty form and a newline to stream (sys.stdout by default)."""
    PrettyPrinter(stream=stream, indent=indent, width=width, depth=depth, compact=compact,
                  sort_dicts=sort_dicts, underscore_numbers=underscore_numbers).pprint(object)


def pformat(object, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True, underscore_numbers=False):
    """The pretty form of object, as a string."""
    return PrettyPrinter(indent=indent, width=width, depth=depth, compact=compact, sort_dicts=sort_dicts,
                         underscore_numbers=underscore_numbers).pformat(object)


def pp(object, *args, sort_dicts=False, **kwargs):
    """pprint(), but keeping dicts in insertion order unless told otherwise."""
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)


def _one_line_facts(object):
    # (text, readable, recursive) of the one-line form with the defaults.
    return PrettyPrinter().format(object, {}, 0, 0)


def saferepr(object):
    """repr() that survives self-containing structures (and sorts dict keys)."""
    return _one_line_facts(object)[0]


def isreadable(object):
    """Whether eval() could rebuild object from saferepr(object)."""
    return _one_line_facts(object)[1]


def isrecursive(object):
    """Whether object contains itself."""
    return _one_line_facts(object)[2]


class _Orderable:
    # Sort key that orders anything: values that refuse `<` between them
    # fall back to (type name, id), so mixed keys still sort stably.
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    def __lt__(self, other):
        try:
            return self.value < other.value
        except TypeError:
            return self._fallback() < other._fallback()

    def _fallback(self):
        return str(type(self.value)), id(self.value)


def _recursion_text(object):
    return f"<Recursion on {type(object).__name__} with id={id(object)}>"


def _has_generated_repr(object):
    # A dataclass instance whose __repr__ is the one @dataclass wrote.
    if isinstance(object, type) or not _dataclasses.is_dataclass(object):
        return False
    if not object.__dataclass_params__.repr:
        return False
    made = getattr(type(object).__repr__, "__wrapped__", None)
    return made is not None and "__create_fn__" in getattr(made, "__qualname__", "")


# One-line forms of the containers `format` spells out itself (to sort dict
# keys, honour depth and spot recursion): the brackets, and what "..."
# looks like past the depth limit.
_SPELLED = {
    dict.__repr__: ("{", "}", "{...}"),
    list.__repr__: ("[", "]", "[...]"),
    tuple.__repr__: ("(", ")", "(...)"),
}
_PLAIN_REPR = frozenset((str, bytes, bytearray, float, complex, bool, type(None)))


def _settings_problem(indent, width, depth):
    # CPython's complaint about a PrettyPrinter setting, or None.
    if indent < 0:
        return "indent must be >= 0"
    if depth is not None and depth <= 0:
        return "depth must be > 0"
    if width == 0:
        return "width must be != 0"
    return None


class PrettyPrinter:
    """Lays objects out within a width; format() is the hook for one-line forms."""

    def __init__(self, indent=1, width=80, depth=None, stream=None, *, compact=False, sort_dicts=True,
                 underscore_numbers=False):
        problem = _settings_problem(int(indent), int(width), depth)
        if problem:
            raise ValueError(problem)
        self._indent_per_level, self._width, self._depth = int(indent), int(width), depth
        self._stream = _sys.stdout if stream is None else stream
        self._compact, self._sort_dicts, self._underscore_numbers = bool(compact), sort_dicts, underscore_numbers

    # -- public entry points
    def pprint(self, object):
        if self._stream is not None:
            self._stream.write(self.pformat(object) + "\n")

    def pformat(self, object):
        return self._render(object, 0, 0, 0, {})

    def isrecursive(self, object):
        _, _, recursive = self.format(object, {}, 0, 0)
        return recursive

    def isreadable(self, object):
        _, readable, recursive = self.format(object, {}, 0, 0)
        return readable and not recursive

    def format(self, object, context, maxlevels, level):
        """(one-line text, readable, recursive) of object, level deep inside
containers shown to at most maxlevels (0: no limit), with the ids in
context being shown already (a recursion). Override to change how values
print."""
        kind = type(object)
        if kind in _PLAIN_REPR:
            return repr(object), True, False
        if kind is int:
            return (f"{object:_d}" if self._underscore_numbers else repr(object)), True, False
        spelled = _SPELLED.get(kind.__repr__)
        if spelled is None:
            text = repr(object)
            return text, bool(text) and not text.startswith("<"), False
        if not object:
            return repr(object), True, False
        opening, closing, elided = spelled
        if maxlevels and level >= maxlevels:
            if closing == ")" and len(object) == 1:
                elided = "(...,)"
            return elided, False, id(object) in context
        if id(object) in context:
            return _recursion_text(object), False, True
        context[id(object)] = 1
        readable, recursive = True, False
        texts = []
        # A dict shows "key: value" pairs, a list or tuple single items.
        groups = self._dict_items(object) if closing == "}" else [(item,) for item in object]
        for group in groups:
            shown = []
            for part in group:
                text, part_readable, part_recursive = self.format(part, context, maxlevels, level + 1)
                shown.append(text)
                readable = readable and part_readable
                recursive = recursive or part_recursive
            texts.append(": ".join(shown))
        del context[id(object)]
        body = ", ".join(texts) + ("," if closing == ")" and len(texts) == 1 else "")
        return opening + body + closing, readable and not recursive, recursive

    # -- helpers
    def _dict_items(self, mapping):
        items = list(mapping.items())
        if self._sort_dicts:
            items.sort(key=lambda item: _Orderable(item[0]))
        return items

    def _one_line(self, object, level, active):
        return self.format(object, dict(active), self._depth, level)[0]

    def _render(self, object, column, trailing, level, active):
        if id(object) in active:
            return _recursion_text(object)
        text = self._one_line(object, level, active)
        if len(text) <= self._width - column - trailing:
            return text
        layout = _LAYOUTS.get(type(object).__repr__)
        if layout is None:
            if not _has_generated_repr(object):
                return text
            layout = PrettyPrinter._lay_dataclass
        active[id(object)] = 1
        try:
            return layout(self, object, column, trailing, level + 1, active)
        finally:
            del active[id(object)]

    def _place(self, value, column, trailing, level, active):
        if type(value) is _Preset:
            return value.lay(column, trailing, level, active)
        return self._render(value, column, trailing, level, active)

    def _run(self, opening, entries, closing, column, trailing, level, active, padded=True, compact=False,
             keywords=False):
        # opening, the (prefix, value) entries separated by ",\n", closing.
        # Entries start in the column after the opening (shifted by indent - 1
        # when padded, as CPython pads its brackets); a closing that starts a
        # new line leaves the last entry only its first line's characters.
        # Keyword entries (name=value) show a value that is being laid out
        # around them as "...".
        pad = self._indent_per_level - 1 if padded else 0
        start = column + len(opening) + pad
        last_trailing = len(closing.split("\n")[0]) + (0 if "\n" in closing else trailing)
        if compact and self._compact:
            body = self._packed([value for _, value in entries], start, last_trailing, level, active)
        else:
            texts = []
            for index, (prefix, value) in enumerate(entries):
                follows = last_trailing if index == len(entries) - 1 else 1
                if keywords and id(value) in active:
                    texts.append(prefix + "...")
                else:
                    texts.append(prefix + self._place(value, start + len(prefix), follows, level, active))
            body = (",\n" + " " * start).join(texts)
        return opening + " " * pad + body + closing

    def _packed(self, values, start, last_trailing, level, active):
        # Compact mode. A line's budget is the width less its column, plus
        # one; each value placed on it costs its one-line length plus two
        # (", "), and the final value also pays for what closes the run.
        # A value that does not fit the rest of the line starts a new one;
        # one too long for a fresh line gets its full layout there, and the
        # value after it starts a new line again.
        fresh = self._width - start + 1
        room = fresh
        separator = ""
        out = []
        for index, value in enumerate(values):
            if index == len(values) - 1:
                fresh -= last_trailing
                room -= last_trailing
            text = self._one_line(value, level, active)
            cost = len(text) + 2
            if cost > room:
                room = fresh
                if separator:
                    separator = ",\n" + " " * start
            out.append(separator)
            if cost <= room:
                room -= cost
                out.append(text)
                separator = ", "
            else:
                out.append(self._render(value, start, last_trailing if index == len(values) - 1 else 1, level, active))
                separator = ",\n" + " " * start
        return "".join(out)

    # -- layouts, by the repr function of the object's type
    def _lay_dict(self, mapping, column, trailing, level, active):
        entries = [(self._one_line(key, level, active) + ": ", value) for key, value in self._dict_items(mapping)]
        return self._run("{", entries, "}", column, trailing, level, active)

    def _lay_list(self, items, column, trailing, level, active):
        return self._run("[", [("", item) for item in items], "]", column, trailing, level, active, compact=True)

    def _lay_tuple(self, items, column, trailing, level, active):
        closing = ",)" if len(items) == 1 else ")"
        return self._run("(", [("", item) for item in items], closing, column, trailing, level, active, compact=True)

    def _lay_set(self, items, column, trailing, level, active):
        if not items:
            return repr(items)
        kind = type(items)
        opening, closing = ("{", "}") if kind is set else (kind.__name__ + "({", "})")
        ordered = sorted(items, key=_Orderable)
        return self._run(opening, [("", item) for item in ordered], closing, column, trailing, level, active,
                         compact=True)

    def _lay_str(self, text, column, trailing, level, active):
        if not text:
            return repr(text)
        parens = level == 1
        if parens:
            column, trailing = column + 1, trailing + 1
        limit = self._width - column
        lines = text.splitlines(True)
        chunks = []
        for number, line in enumerate(lines):
            final_line = number == len(lines) - 1
            if len(repr(line)) <= limit - (trailing if final_line else 0):
                chunks.append(line)
                continue
            words = _re.findall(r"\S*\s*", line)[:-1]
            last_word = len(words) - 1 if final_line else -1
            chunks += _pack(words, lambda candidate, index: len(repr(candidate)) <= limit - (trailing if index == last_word else 0))
        if len(chunks) == 1:
            return repr(text)
        body = ("\n" + " " * column).join(map(repr, chunks))
        return f"({body})" if parens else body

    def _lay_bytes(self, data, column, trailing, level, active):
        if len(data) <= 4:
            return repr(data)
        parens = level == 1
        if parens:
            column, trailing = column + 1, trailing + 1
        limit = self._width - column
        groups = [data[at:at + 4] for at in range(0, len(data), 4)]
        # The closing characters count against the group that starts at
        # len // 4 * 4, which exists only when the length is not a multiple
        # of four (CPython's accounting, kept for identical output).
        charged = len(data) // 4
        chunks = _pack(groups, lambda candidate, index: len(repr(candidate)) <= limit - (trailing if index == charged else 0))
        body = ("\n" + " " * column).join(map(repr, chunks))
        return f"({body})" if parens else body

    def _lay_bytearray(self, data, column, trailing, level, active):
        return "bytearray(" + self._lay_bytes(bytes(data), column + 10, trailing + 1, level + 1, active) + ")"

    def _lay_mappingproxy(self, proxy, column, trailing, level, active):
        return "mappingproxy(" + self._render(proxy.copy(), column + 13, trailing + 1, level, active) + ")"

    def _lay_namespace(self, space, column, trailing, level, active):
        name = "namespace" if type(space) is _types.SimpleNamespace else type(space).__name__
        entries = [(f"{key}=", value) for key, value in space.__dict__.items()]
        return self._run(name + "(", entries, ")", column, trailing, level, active, padded=False, keywords=True)

    def _lay_dataclass(self, instance, column, trailing, level, active):
        entries = [(f"{field.name}=", getattr(instance, field.name))
                   for field in _dataclasses.fields(instance) if field.repr]
        return self._run(type(instance).__name__ + "(", entries, ")", column, trailing, level, active,
                         padded=False, keywords=True)

    def _lay_ordered_dict(self, mapping, column, trailing, level, active):
        if not mapping:
            return repr(mapping)
        name = type(mapping).__name__
        return f"{name}(" + self._render(list(mapping.items()), column + len(name) + 1, trailing + 1, level, active) + ")"

    def _lay_default_dict(self, mapping, column, trailing, level, active):
        if not mapping:
            return repr(mapping)
        name = type(mapping).__name__
        factory = self._one_line(mapping.default_factory, level, active)
        preset = _Preset(lambda column, trailing, level, active: self._lay_dict(mapping, column, trailing, level, active))
        return self._run(name + "(", [("", _Preset.text(factory)), ("", preset)], ")", column, trailing, level, active,
                         padded=False)

    def _lay_counter(self, counts, column, trailing, level, active):
        if not counts:
            return repr(counts)
        entries = [(self._one_line(key, level, active) + ": ", value) for key, value in counts.most_common()]
        return self._run(type(counts).__name__ + "({", entries, "})", column, trailing, level, active)

    def _lay_chain_map(self, chain, column, trailing, level, active):
        if not chain.maps or (len(chain.maps) == 1 and not chain.maps[0]):
            return repr(chain)
        entries = [("", mapping) for mapping in chain.maps]
        return self._run(type(chain).__name__ + "(", entries, ")", column, trailing, level, active, padded=False)

    def _lay_deque(self, items, column, trailing, level, active):
        if not items:
            return repr(items)
        name = type(items).__name__
        closing = "])"
        if items.maxlen is not None:
            closing = "],\n" + " " * (column + len(name) + 1) + f"maxlen={self._one_line(items.maxlen, level, active)})"
        return self._run(name + "([", [("", item) for item in items], closing, column, trailing, level, active,
                         compact=True)

    def _lay_wrapped_data(self, wrapper, column, trailing, level, active):
        # UserDict, UserList and UserString lay out their .data in place.
        return self._render(wrapper.data, column, trailing, level - 1, active)


class _Preset:
    # A run entry laid out by its own function rather than by _render.
    __slots__ = ("lay",)

    def __init__(self, lay):
        self.lay = lay

    @staticmethod
    def text(fixed):
        return _Preset(lambda column, trailing, level, active: fixed)


def _pack(pieces, fits):
    # Greedy chunks of consecutive pieces: a piece joins the chunk before it
    # while fits(joined chunk, piece index) holds.
    chunks = []
    for index, piece in enumerate(pieces):
        if chunks and fits(chunks[-1] + piece, index):
            chunks[-1] += piece
        else:
            chunks.append(piece)
    return chunks


_LAYOUTS = {
    dict.__repr__: PrettyPrinter._lay_dict,
    list.__repr__: PrettyPrinter._lay_list,
    tuple.__repr__: PrettyPrinter._lay_tuple,
    set.__repr__: PrettyPrinter._lay_set,
    frozenset.__repr__: PrettyPrinter._lay_set,
    str.__repr__: PrettyPrinter._lay_str,
    bytes.__repr__: PrettyPrinter._lay_bytes,
    bytearray.__repr__: PrettyPrinter._lay_bytearray,
    _types.MappingProxyType.__repr__: PrettyPrinter._lay_mappingproxy,
    _types.SimpleNamespace.__repr__: PrettyPrinter._lay_namespace,
    _collections.OrderedDict.__repr__: PrettyPrinter._lay_ordered_dict,
    _collections.defaultdict.__repr__: PrettyPrinter._lay_default_dict,
    _collections.Counter.__repr__: PrettyPrinter._lay_counter,
    _collections.ChainMap.__repr__: PrettyPrinter._lay_chain_map,
    _collections.deque.__repr__: PrettyPrinter._lay_deque,
    _collections.UserDict.__repr__: PrettyPrinter._lay_wrapped_data,
    _collections.UserList.__repr__: PrettyPrinter._lay_wrapped_data,
    _collections.UserString.__repr__: PrettyPrinter._lay_wrapped_data,
}
