# `string`: character-class constants, capwords, Template ($-substitution)
# and Formatter (str.format's steps as overridable methods).

__all__ = [
    "ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords", "digits", "hexdigits",
    "octdigits", "printable", "punctuation", "whitespace", "Formatter", "Template",
]

import re as _re

whitespace = " \t\n\r\v\f"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Capitalizes each word of `s` (split on `sep`, or runs of whitespace)
    and joins them with `sep` (or a space)."""
    words = s.split(sep)
    return (" " if sep is None else sep).join(word.capitalize() for word in words)


# -- Template -------------------------------------------------------------------


class _KeywordsFirst:
    """The keywords given to substitute, then the mapping, as one mapping."""

    def __init__(self, keywords, mapping):
        self._keywords = keywords
        self._mapping = mapping

    def __getitem__(self, key):
        if key in self._keywords:
            return self._keywords[key]
        return self._mapping[key]


# The default mapping: no mapping, only keywords.
_NO_MAPPING = {}


def _values(mapping, keywords):
    if mapping is _NO_MAPPING:
        return keywords
    return _KeywordsFirst(keywords, mapping) if keywords else mapping


def _placeholder_regex(cls):
    """The regular expression of a Template class: its own `pattern` when
    it sets one, else one made from its delimiter and identifier patterns.
    The four groups say what a match is: an escaped delimiter, a name
    (plain or in braces), or an invalid placeholder."""
    if "pattern" in cls.__dict__:
        source = cls.pattern
    else:
        delimiter = _re.escape(cls.delimiter)
        plain = cls.idpattern
        braced = plain if cls.braceidpattern is None else cls.braceidpattern
        source = (r"%s(?: (?P<escaped>%s) | (?P<named>%s) | \{(?P<braced>%s)\} | (?P<invalid>) )"
                  % (delimiter, delimiter, plain, braced))
    return _re.compile(source, cls.flags | _re.VERBOSE)


class Template:
    """A string with $-placeholders: `$name`, `${name}`, and `$$` for a
    dollar. Subclasses may change the delimiter, the identifier patterns,
    the regex flags, or give the whole pattern."""

    delimiter = "$"
    idpattern = r"(?a:[_a-z][_a-z0-9]*)"
    braceidpattern = None
    flags = _re.IGNORECASE

    def __init_subclass__(cls):
        super().__init_subclass__()
        cls.pattern = _placeholder_regex(cls)

    def __init__(self, template):
        self.template = template

    def _what(self, match):
        """("name", name), ("escaped", None) or ("invalid", None)."""
        name = match.group("named") or match.group("braced")
        if name is not None:
            return "name", name
        for kind in ("escaped", "invalid"):
            if match.group(kind) is not None:
                return kind, None
        raise ValueError("Unrecognized named group in pattern", self.pattern)

    def _invalid(self, match):
        start = match.start("invalid")
        before = self.template[:start]
        lines = before.splitlines(keepends=True)
        line = len(lines) or 1
        column = len(lines[-1]) if lines else 1
        raise ValueError("Invalid placeholder in string: line %d, col %d" % (line, column))

    def substitute(self, mapping=_NO_MAPPING, /, **kws):
        """The template with every placeholder replaced; KeyError for a
        name without a value, ValueError for an invalid placeholder."""
        values = _values(mapping, kws)

        def replacement(match):
            kind, name = self._what(match)
            if kind == "name":
                return str(values[name])
            if kind == "escaped":
                return self.delimiter
            self._invalid(match)

        return self.pattern.sub(replacement, self.template)

    def safe_substitute(self, mapping=_NO_MAPPING, /, **kws):
        """As substitute, but placeholders without a value and invalid ones
        stay as they are."""
        values = _values(mapping, kws)

        def replacement(match):
            kind, name = self._what(match)
            if kind == "escaped":
                return self.delimiter
            if kind == "name":
                try:
                    return str(values[name])
                except KeyError:
                    pass
            return match.group()

        return self.pattern.sub(replacement, self.template)

    def is_valid(self):
        """False if the template has an invalid placeholder."""
        return all(self._what(match)[0] != "invalid"
                   for match in self.pattern.finditer(self.template))

    def get_identifiers(self):
        """The names of the placeholders, each once, in order."""
        names = {}
        for match in self.pattern.finditer(self.template):
            kind, name = self._what(match)
            if kind == "name":
                names.setdefault(name, None)
        return list(names)


Template.pattern = _placeholder_regex(Template)


# -- Formatter --------------------------------------------------------------------
# Format strings are parsed here (CPython does it in C, in _string).


def _split_field(field):
    """A field into its conversion and format spec: name!conv:spec (brackets may hold ! and :)."""
    i = 0
    n = len(field)
    while i < n and field[i] not in "!:":
        if field[i] == "[":
            while i < n and field[i] != "]":
                i += 1
        i += 1
    name = field[:i]
    conversion = None
    if i < n and field[i] == "!":
        if i + 1 >= n:
            raise ValueError("unmatched '{' in format spec")
        conversion = field[i + 1]
        i += 2
        if i < n and field[i] != ":":
            raise ValueError("expected ':' after conversion specifier")
    spec = field[i + 1:] if i < n else ""
    return name, spec, conversion


def _parse_format(text):
    """(literal, field_name, format_spec, conversion) for each part of a format string."""
    literal = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == "}":
            if i + 1 < n and text[i + 1] == "}":
                # An escaped brace ends a literal part of its own.
                yield "".join(literal) + "}", None, None, None
                literal = []
                i += 2
                continue
            raise ValueError("Single '}' encountered in format string")
        if c != "{":
            literal.append(c)
            i += 1
            continue
        if i + 1 < n and text[i + 1] == "{":
            yield "".join(literal) + "{", None, None, None
            literal = []
            i += 2
            continue
        if i + 1 >= n:
            raise ValueError("Single '{' encountered in format string")
        depth = 1
        j = i + 1
        while j < n:
            if text[j] == "{":
                depth += 1
            elif text[j] == "}":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        if j >= n:
            raise ValueError("expected '}' before end of string")
        name, spec, conversion = _split_field(text[i + 1:j])
        yield "".join(literal), name, spec, conversion
        literal = []
        i = j + 1
    if literal:
        yield "".join(literal), None, None, None


def _split_field_name(name):
    """The first part of a field name (an int when digits) and its .attr/[key] steps."""
    i = 0
    while i < len(name) and name[i] not in ".[":
        i += 1
    first = name[:i]
    if first.isdigit():
        first = int(first)
    rest = []
    while i < len(name):
        if name[i] == ".":
            j = i + 1
            while j < len(name) and name[j] not in ".[":
                j += 1
            if j == i + 1:
                raise ValueError("Empty attribute in format string")
            rest.append((True, name[i + 1:j]))
            i = j
        elif name[i] == "[":
            j = name.find("]", i)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = name[i + 1:j]
            if key == "":
                raise ValueError("Empty attribute in format string")
            rest.append((False, int(key) if key.isdigit() else key))
            i = j + 1
            if i < len(name) and name[i] not in ".[":
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        else:
            break
    return first, rest


class _Fill:
    """One vformat call: the fields of a format string (and of the format
    specs inside it, two levels deep at most) filled in through the
    formatter's overridable steps."""

    def __init__(self, formatter, args, kwargs):
        self.formatter = formatter
        self.args = args
        self.kwargs = kwargs
        self.used_args = set()
        # The next automatic field number; None once a field was numbered.
        self.next_number = 0

    def expand(self, text, levels_left):
        if levels_left < 0:
            raise ValueError("Max string recursion exceeded")
        formatter = self.formatter
        out = []
        for literal, field_name, spec, conversion in formatter.parse(text):
            if literal:
                out.append(literal)
            if field_name is None:
                continue
            value, used = formatter.get_field(self._numbered(field_name), self.args, self.kwargs)
            self.used_args.add(used)
            value = formatter.convert_field(value, conversion)
            out.append(formatter.format_field(value, self.expand(spec, levels_left - 1)))
        return "".join(out)

    def _numbered(self, field_name):
        # "{}" takes the next number; "{0}" numbers by hand; the two do
        # not mix (CPython's Formatter gives the same message both ways).
        if field_name == "":
            if self.next_number is None:
                raise ValueError("cannot switch from manual field specification to "
                                 "automatic field numbering")
            field_name = str(self.next_number)
            self.next_number += 1
        elif field_name.isdigit():
            if self.next_number:
                raise ValueError("cannot switch from manual field specification to "
                                 "automatic field numbering")
            self.next_number = None
        return field_name


_CONVERSIONS = {None: lambda value: value, "s": str, "r": repr, "a": ascii}


class Formatter:
    """str.format's machinery as overridable steps: parse, get_field
    (through get_value), convert_field, format_field, check_unused_args."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        fill = _Fill(self, args, kwargs)
        text = fill.expand(format_string, 2)
        self.check_unused_args(fill.used_args, args, kwargs)
        return text

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        """vformat's step with its state exposed, which subclasses and
        CPython's tests call: fills `format_string` at most
        `recursion_depth` levels deep, adding to `used_args`; returns the
        text and the next automatic field number (False once fields were
        numbered by hand)."""
        fill = _Fill(self, args, kwargs)
        fill.used_args = used_args
        fill.next_number = None if auto_arg_index is False else auto_arg_index
        text = fill.expand(format_string, recursion_depth)
        return text, (False if fill.next_number is None else fill.next_number)

    def get_value(self, key, args, kwargs):
        """Positional argument `key` (an int), else keyword argument `key`."""
        return args[key] if isinstance(key, int) else kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        """Applies !s, !r or !a."""
        try:
            convert = _CONVERSIONS[conversion]
        except KeyError:
            raise ValueError("Unknown conversion specifier {0!s}".format(conversion)) from None
        return convert(value)

    def parse(self, format_string):
        """(literal_text, field_name, format_spec, conversion) for each part."""
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        """The object a field names, and the argument it came from."""
        first, steps = _split_field_name(field_name)
        found = self.get_value(first, args, kwargs)
        for is_attribute, key in steps:
            found = getattr(found, key) if is_attribute else found[key]
        return found, first
