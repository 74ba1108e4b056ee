"""Regular expressions with CPython's syntax and semantics.

The engine is the native `_re` (parser, compiler, backtracking matcher);
this module is the public face: flags, Pattern and Match objects, the
cache, templates for sub(), split() and escape().
"""

import _re

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "template", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag",
]

__version__ = "2.2.1"


class RegexFlag(int):
    """The flags of re, combinable with |; reprs read as `re.NAME|re.NAME`."""

    # Members in the order their reprs list them (CPython's definition order).
    _names = {}

    def __new__(cls, value=0):
        return int.__new__(cls, value)

    def _text(self):
        value = int(self)
        if value == 0:
            return "re.NOFLAG"
        if value < 0:
            return "~" + RegexFlag(~value)._text()
        parts = []
        for bit, name in RegexFlag._names.items():
            if value & bit:
                parts.append("re." + name)
                value &= ~bit
        if value:
            parts.append(hex(value))
        return "|".join(parts)

    def __repr__(self):
        return self._text()

    __str__ = __repr__

    def __or__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) | int(other))

    __ror__ = __or__

    def __and__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) & int(other))

    __rand__ = __and__

    def __xor__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) ^ int(other))

    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(~int(self) & 0x1FF) if int(self) >= 0 else RegexFlag(~int(self))

    @property
    def name(self):
        return RegexFlag._names.get(int(self))

    @property
    def value(self):
        return int(self)


_FLAG_VALUES = [
    ("NOFLAG", 0), ("ASCII", 256), ("IGNORECASE", 2), ("LOCALE", 4),
    ("UNICODE", 32), ("MULTILINE", 8), ("DOTALL", 16), ("VERBOSE", 64),
    ("TEMPLATE", 1), ("DEBUG", 128),
]
# Pattern reprs list flags by value.
_FLAG_NAMES_BY_VALUE = sorted((v, n) for n, v in _FLAG_VALUES if v)
for _name, _value in _FLAG_VALUES:
    if _value:
        RegexFlag._names[_value] = _name
    setattr(RegexFlag, _name, RegexFlag(_value))
    globals()[_name] = getattr(RegexFlag, _name)
for _short, _long in [("T", "TEMPLATE"), ("I", "IGNORECASE"), ("L", "LOCALE"),
                      ("M", "MULTILINE"), ("S", "DOTALL"), ("U", "UNICODE"),
                      ("X", "VERBOSE"), ("A", "ASCII")]:
    setattr(RegexFlag, _short, getattr(RegexFlag, _long))
    globals()[_short] = getattr(RegexFlag, _long)
del _name, _value, _short, _long


class error(Exception):
    """A pattern or template that is not valid; `pos` is where it went wrong."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            newline = "\n" if isinstance(pattern, str) else b"\n"
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


error.__module__ = "re"
PatternError = error


def _check_flags(pattern, flags):
    is_str = isinstance(pattern, str)
    if is_str:
        if flags & LOCALE:
            raise ValueError("cannot use LOCALE flag with a str pattern")
        if not flags & ASCII:
            flags |= UNICODE
        elif flags & UNICODE:
            raise ValueError("ASCII and UNICODE flags are incompatible")
    else:
        if flags & UNICODE:
            raise ValueError("cannot use UNICODE flag with a bytes pattern")
        if flags & LOCALE and flags & ASCII:
            raise ValueError("ASCII and LOCALE flags are incompatible")
    return flags


class Pattern:
    """A compiled regular expression."""

    __slots__ = ("_prog", "pattern", "flags", "groups", "_groupindex", "_names", "__weakref__")

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 're.Pattern' instances")

    @property
    def groupindex(self):
        import types
        return types.MappingProxyType(dict(self._groupindex))

    def _run(self, string, pos, endpos, mode):
        spans = self._prog.match(string, pos, endpos, mode)
        if spans is None:
            return None
        return _make_match(self, string, pos, endpos, spans)

    def match(self, string, pos=0, endpos=None):
        """Matches at the start of string (or at pos)."""
        return self._run(string, pos, endpos, 0)

    def fullmatch(self, string, pos=0, endpos=None):
        """Matches the whole of string (or of string[pos:endpos])."""
        return self._run(string, pos, endpos, 1)

    def search(self, string, pos=0, endpos=None):
        """The first match anywhere in string."""
        return self._run(string, pos, endpos, 2)

    def finditer(self, string, pos=0, endpos=None):
        """An iterator of Match objects over the non-overlapping matches."""
        for spans in self._prog.scan(string, pos, endpos, 0):
            yield _make_match(self, string, pos, endpos, spans)

    def findall(self, string, pos=0, endpos=None):
        """Every non-overlapping match: strings, or tuples of groups."""
        out = []
        groups = self.groups
        for spans in self._prog.scan(string, pos, endpos, 0):
            if groups == 0:
                out.append(string[spans[1]:spans[2]])
            elif groups == 1:
                s = spans[3]
                out.append(string[s:spans[4]] if s >= 0 else string[:0])
            else:
                row = []
                for g in range(1, groups + 1):
                    s = spans[2 * g + 1]
                    row.append(string[s:spans[2 * g + 2]] if s >= 0 else string[:0])
                out.append(tuple(row))
        return out

    def split(self, string, maxsplit=0):
        """string split by the matches, with the groups' text between the pieces."""
        if maxsplit < 0:
            return [string]
        out = []
        last = 0
        for spans in self._prog.scan(string, 0, None, maxsplit):
            out.append(string[last:spans[1]])
            for g in range(1, self.groups + 1):
                s = spans[2 * g + 1]
                out.append(string[s:spans[2 * g + 2]] if s >= 0 else None)
            last = spans[2]
        out.append(string[last:])
        return out

    def sub(self, repl, string, count=0):
        """string with the matches replaced by repl (a template or a function)."""
        return self._subn(repl, string, count)[0]

    def subn(self, repl, string, count=0):
        """(new string, number of replacements)."""
        return self._subn(repl, string, count)

    def _subn(self, repl, string, count):
        if count < 0:
            return string, 0
        all_spans = self._prog.scan(string, 0, None, count)
        if not all_spans:
            if type(string) is str or type(string) is bytes:
                return string, 0
            return (str(string) if isinstance(self.pattern, str) else bytes(string)), 0
        if callable(repl):
            expand = None
        else:
            expand = _compile_template(self, repl)
            if len(expand) == 1 and not isinstance(expand[0], int):
                literal = expand[0]
                expand = None
                repl = None
        pieces = []
        last = 0
        for spans in all_spans:
            start = spans[1]
            if start > last:
                pieces.append(string[last:start])
            if expand is not None:
                pieces.append(_expand(expand, string, spans))
            elif repl is None:
                pieces.append(literal)
            else:
                piece = repl(_make_match(self, string, 0, None, spans))
                if piece is not None:
                    pieces.append(piece)
            last = spans[2]
        if last < len(string):
            pieces.append(string[last:])
        empty = "" if isinstance(self.pattern, str) else b""
        return empty.join(pieces), len(all_spans)

    def scanner(self, string, pos=0, endpos=None):
        return _Scanner(self, string, pos, endpos)

    def __repr__(self):
        flags = self.flags
        if isinstance(self.pattern, str):
            flags &= ~UNICODE
        text = repr(self.pattern)
        if len(text) > 200:
            text = text[:200]
        if flags:
            names = []
            for bit, name in _FLAG_NAMES_BY_VALUE:
                if flags & bit:
                    names.append("re." + name)
                    flags &= ~bit
            if flags:
                names.append(hex(flags))
            return "re.compile(%s, %s)" % (text, "|".join(names))
        return "re.compile(%s)" % text

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __ne__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return not self == other

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


Pattern.__module__ = "re"


class _Scanner:
    """Pattern.scanner(): successive matches by match() and search()."""

    def __init__(self, pattern, string, pos, endpos):
        self.pattern = pattern
        self._string = string
        self._pos = pos
        self._endpos = endpos
        self._must_advance = False

    def _next(self, mode):
        found = self.pattern._prog.scan(self._string, self._pos, self._endpos, 1) if mode == 2 else None
        if mode != 2:
            m = self.pattern._run(self._string, self._pos, self._endpos, 0)
            if m is None:
                return None
            self._pos = m.end() if m.end() > m.start() else m.end() + 1
            return m
        if not found:
            return None
        spans = found[0]
        self._pos = spans[2] if spans[2] > spans[1] else spans[2] + 1
        return _make_match(self.pattern, self._string, 0, self._endpos, spans)

    def match(self):
        return self._next(0)

    def search(self):
        return self._next(2)


def _make_match(pattern, string, pos, endpos, spans):
    m = object.__new__(Match)
    m.re = pattern
    m.string = string
    length = len(string)
    if pos < 0:
        pos = 0
    elif pos > length:
        pos = length
    if endpos is None or endpos > length:
        endpos = length
    elif endpos < 0:
        endpos = 0
    m.pos = pos
    m.endpos = endpos
    m._spans = spans
    return m


class Match:
    """The result of a successful match."""

    __slots__ = ("re", "string", "pos", "endpos", "_spans")

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 're.Match' instances")

    def _index(self, group):
        if isinstance(group, int) or (hasattr(type(group), "__index__") and not isinstance(group, (str, bytes))):
            try:
                g = group.__index__()
            except Exception:
                raise IndexError("no such group")
            if 0 <= g <= self.re.groups:
                return g
            raise IndexError("no such group")
        try:
            return self.re._groupindex[group]
        except (KeyError, TypeError):
            raise IndexError("no such group")

    def _group(self, g, default=None):
        s = self._spans[2 * g + 1]
        if s < 0:
            return default
        text = self.string[s:self._spans[2 * g + 2]]
        # Groups are exact str or bytes, whatever the subject (a str
        # subclass, a bytearray, a memoryview), as CPython's.
        if type(text) is str or type(text) is bytes:
            return text
        return str.__str__(text) if isinstance(text, str) else bytes(text)

    def group(self, *groups):
        """One group's text (group 0, the whole match, by default), or a tuple of several."""
        if not groups:
            return self._group(0)
        if len(groups) == 1:
            return self._group(self._index(groups[0]))
        return tuple(self._group(self._index(g)) for g in groups)

    def __getitem__(self, group):
        return self._group(self._index(group))

    def groups(self, default=None):
        """The text of every group, `default` for those that did not match."""
        return tuple(self._group(g, default) for g in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        """The named groups' text by name."""
        return {name: self._group(g, default) for name, g in self.re._names}

    def start(self, group=0):
        return self._spans[2 * self._index(group) + 1]

    def end(self, group=0):
        return self._spans[2 * self._index(group) + 2]

    def span(self, group=0):
        g = self._index(group)
        return (self._spans[2 * g + 1], self._spans[2 * g + 2])

    @property
    def regs(self):
        return tuple((self._spans[2 * g + 1], self._spans[2 * g + 2])
                     for g in range(self.re.groups + 1))

    @property
    def lastindex(self):
        last = self._spans[0]
        return last if last else None

    @property
    def lastgroup(self):
        last = self._spans[0]
        if not last:
            return None
        for name, g in self.re._names:
            if g == last:
                return name
        return None

    def expand(self, template):
        """template with its group references replaced by this match's groups."""
        return _expand(_compile_template(self.re, template), self.string, self._spans)

    def __repr__(self):
        return "<re.Match object; span=(%d, %d), match=%.50r>" % (
            self._spans[1], self._spans[2], self._group(0))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __bool__(self):
        return True

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


Match.__module__ = "re"


# -- templates -----------------------------------------------------------------

_template_cache = {}

_ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_SIMPLE_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r",
                   "t": "\t", "v": "\v", "\\": "\\"}


def _compile_template(pattern, repl):
    """repl as a list of literal pieces and group numbers."""
    key = (pattern, repl)
    found = _template_cache.get(key)
    if found is not None:
        return found
    items = _parse_template(pattern, repl)
    if len(_template_cache) >= 512:
        _template_cache.clear()
    _template_cache[key] = items
    return items


def _parse_template(pattern, repl):
    is_bytes = isinstance(pattern.pattern, bytes)
    if is_bytes:
        if isinstance(repl, str):
            raise TypeError("sequence item 0: expected a bytes-like object, str found")
        if not isinstance(repl, (bytes, bytearray)):
            raise TypeError("expected a bytes-like object, %s found" % type(repl).__name__)
        text = "".join(map(chr, repl))
    else:
        if not isinstance(repl, str):
            raise TypeError("decoding to str: need a bytes-like object, %s found"
                            % type(repl).__name__)
        text = repl
    items = []
    literal = []
    i = 0
    n = len(text)
    groups = pattern.groups

    def add_group(g):
        if literal:
            items.append("".join(literal))
            literal.clear()
        items.append(g)

    while i < n:
        c = text[i]
        if c != "\\":
            literal.append(c)
            i += 1
            continue
        start = i
        i += 1
        if i >= n:
            raise error("bad escape (end of pattern)", repl, start)
        c = text[i]
        i += 1
        if c == "g":
            if i >= n or text[i] != "<":
                raise error("missing <", repl, i)
            close = text.find(">", i + 1)
            if close < 0:
                if i + 1 >= n:
                    raise error("missing group name", repl, i + 1)
                raise error("missing >, unterminated name", repl, i + 1)
            name = text[i + 1:close]
            if not name:
                raise error("missing group name", repl, i + 1)
            if name.isdecimal() and name.isascii():
                g = int(name)
                if g > groups:
                    raise error("invalid group reference %d" % g, repl, i + 1)
            elif name.isidentifier() and (not is_bytes or name.isascii()):
                if name not in pattern._groupindex:
                    raise IndexError("unknown group name '%s'" % name)
                g = pattern._groupindex[name]
            else:
                raise error("bad character in group name '%s'" % name, repl, i + 1)
            add_group(g)
            i = close + 1
        elif c == "0":
            value = 0
            for _ in range(2):
                if i < n and text[i] in "01234567":
                    value = value * 8 + int(text[i])
                    i += 1
                else:
                    break
            literal.append(chr(value))
        elif c in "123456789":
            if (i + 1 < n and c in "01234567" and text[i] in "01234567"
                    and text[i + 1] in "01234567"):
                value = int(c + text[i:i + 2], 8)
                if value > 0o377:
                    raise error("octal escape value \\%s outside of range 0-0o377"
                                % (c + text[i:i + 2]), repl, start)
                literal.append(chr(value))
                i += 2
            else:
                digits = c
                if i < n and text[i] in "0123456789":
                    digits += text[i]
                    i += 1
                g = int(digits)
                if g > groups:
                    raise error("invalid group reference %d" % g, repl, start + 1)
                add_group(g)
        elif c in _SIMPLE_ESCAPES:
            literal.append(_SIMPLE_ESCAPES[c])
        elif c in _ASCII_LETTERS:
            raise error("bad escape \\%s" % c, repl, start)
        else:
            literal.append("\\" + c)
    if literal or not items:
        items.append("".join(literal))
    if is_bytes:
        items = [x if isinstance(x, int) else bytes(map(ord, x)) for x in items]
    return items


def _expand(items, string, spans):
    if len(items) == 1 and not isinstance(items[0], int):
        return items[0]
    out = []
    for item in items:
        if isinstance(item, int):
            s = spans[2 * item + 1]
            if s >= 0:
                out.append(string[s:spans[2 * item + 2]])
        else:
            out.append(item)
    return ("" if isinstance(string, str) else b"").join(out)


# -- compiling and the cache ------------------------------------------------------

_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    key = (type(pattern), pattern, flags)
    found = _cache.get(key)
    if found is not None:
        return found
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes)):
        if isinstance(pattern, bytearray):
            pattern = bytes(pattern)
        else:
            raise TypeError("first argument must be string or compiled pattern")
    if not isinstance(flags, int):
        raise TypeError("unsupported operand type(s) for &: '%s' and 'RegexFlag'"
                        % type(flags).__name__)
    flags = _check_flags(pattern, flags)
    prog, groups, names, final_flags = _re.compile(pattern, flags, error)
    if isinstance(pattern, str) and not final_flags & ASCII:
        final_flags |= UNICODE
    p = object.__new__(Pattern)
    p._prog = prog
    p.pattern = pattern
    p.flags = int(final_flags)
    p.groups = groups
    p._names = names
    p._groupindex = dict(names)
    if not flags & DEBUG:
        if len(_cache) >= _MAXCACHE:
            try:
                del _cache[next(iter(_cache))]
            except (StopIteration, RuntimeError, KeyError):
                pass
        _cache[key] = p
    return p


def compile(pattern, flags=0):
    """Compile a regular expression pattern, returning a Pattern object."""
    return _compile(pattern, flags)


def purge():
    """Clear the regular expression caches."""
    _cache.clear()
    _template_cache.clear()


def template(pattern, flags=0):
    """Compile a template pattern, returning a Pattern object (deprecated)."""
    import warnings
    warnings.warn("The re.template() function is deprecated "
                  "as it is an undocumented function "
                  "without an obvious purpose. "
                  "Use re.compile() instead.",
                  DeprecationWarning, stacklevel=2)
    return _compile(pattern, flags | TEMPLATE)


def match(pattern, string, flags=0):
    """Try to apply the pattern at the start of the string."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern."""
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """Return the string obtained by replacing the leftmost
    non-overlapping occurrences of the pattern in string by repl."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """Return a 2-tuple containing (new_string, number)."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """Split the source string by the occurrences of the pattern."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Return a list of all non-overlapping matches in the string."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """Return an iterator over all non-overlapping matches in the string."""
    return _compile(pattern, flags).finditer(string)


_SPECIAL = frozenset("()[]{}?*+-|^$\\.&~# \t\n\r\v\f")
_SPECIAL_BYTES = frozenset(map(ord, _SPECIAL))


def escape(pattern):
    """Escape special characters in a string."""
    if isinstance(pattern, str):
        return "".join("\\" + c if c in _SPECIAL else c for c in pattern)
    out = bytearray()
    for b in pattern:
        if b in _SPECIAL_BYTES:
            out.append(92)
        out.append(b)
    return bytes(out)


class Scanner:
    """A lexical scanner: (pattern, action) pairs tried in order."""

    def __init__(self, lexicon, flags=0):
        self.lexicon = lexicon
        self._patterns = [(_compile(p, flags), action) for p, action in lexicon]

    def scan(self, string):
        result = []
        i = 0
        while True:
            for p, action in self._patterns:
                m = p.match(string, i)
                if m is not None:
                    break
            else:
                break
            if m.end() == i:
                break
            self.match = m
            if callable(action):
                action = action(self, m.group())
            if action is not None:
                result.append(action)
            i = m.end()
        return result, string[i:]
