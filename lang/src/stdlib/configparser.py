"""Configuration files in the INI style: sections of `name = value` options.

Written for towel from the documentation of CPython's configparser and its
observed behaviour (messages, the order of errors, the layout `write`
produces). A parser keeps its sections as plain dicts of option name to
value, with the DEFAULT section's dict beside them; reading a source is the
work of a `_SourceReader`, a line-by-line state machine that fills those
dicts with lists of value lines, joined once the source ends.
"""

import functools
import itertools
import os
import re
import sys
import warnings
from collections import ChainMap
from collections.abc import MutableMapping

__all__ = """
    NoSectionError DuplicateOptionError DuplicateSectionError NoOptionError
    InterpolationError InterpolationDepthError InterpolationMissingOptionError
    InterpolationSyntaxError ParsingError MissingSectionHeaderError
    ConfigParser SafeConfigParser RawConfigParser Interpolation
    BasicInterpolation ExtendedInterpolation LegacyInterpolation SectionProxy
    ConverterMapping DEFAULTSECT MAX_INTERPOLATION_DEPTH
""".split()

DEFAULTSECT = "DEFAULT"

# How many nested references a value may follow before expansion gives up.
MAX_INTERPOLATION_DEPTH = 10

# Marks an argument the caller did not pass (None is a meaningful fallback).
_UNSET = object()
# What a lookup falls back to when an absent option is to be told apart.
_ABSENT = object()


# What 3.11 warns about, by the name that warns.
_DEPRECATIONS = {
    'SafeConfigParser': "The SafeConfigParser class has been renamed to "
    "ConfigParser in Python 3.2. This alias will be removed in Python 3.12. "
    "Use ConfigParser directly instead.",
    'readfp': "This method will be removed in Python 3.12. "
    "Use 'parser.read_file()' instead.",
    'LegacyInterpolation': "LegacyInterpolation has been deprecated since "
    "Python 3.2 and will be removed from the configparser module in Python "
    "3.13. Use BasicInterpolation or ExtendedInterpolation instead.",
    'filename': "The 'filename' attribute will be removed in Python 3.12. "
    "Use 'source' instead.",
}


def _deprecated(name):
    """Warn, on behalf of the caller's caller, that `name` is deprecated."""
    warnings.warn(_DEPRECATIONS[name], DeprecationWarning, stacklevel=3)


# --- Exceptions ------------------------------------------------------------
#
# Each exception is declared by one row: its name, base, parameters (with
# defaults) and a function of the bound parameters that words its message.
# The parameters become attributes and `args`.

class Error(Exception):
    """Base class for configparser's exceptions; its text is `message`."""

    def __init__(self, msg=''):
        super().__init__(msg)
        self.message = msg

    def __repr__(self):
        return self.message

    __str__ = __repr__


def _bind_fields(cls, values, named):
    """Bind a call's arguments to `cls._fields` as a function would."""
    bound = dict(cls._defaults)
    if len(values) > len(cls._fields):
        raise TypeError("%s() takes at most %d arguments (%d given)"
                        % (cls.__name__, len(cls._fields), len(values)))
    bound.update(zip(cls._fields, values))
    for key in named:
        if key not in cls._fields:
            raise TypeError("%s() got an unexpected keyword argument %r"
                            % (cls.__name__, key))
    bound.update(named)
    missing = [f for f in cls._fields if f not in bound]
    if missing:
        raise TypeError("%s() missing required argument: %r"
                        % (cls.__name__, missing[0]))
    return bound


def _fielded_init(self, *values, **named):
    bound = _bind_fields(type(self), values, named)
    Error.__init__(self, type(self)._describe(bound))
    for key in type(self)._attributes:
        setattr(self, key, bound[key])
    self.args = tuple(bound[f] for f in type(self)._fields)


def _error(name, base, parameters, describe, doc, attributes=None):
    """Make an exception class from its row (see above)."""
    fields = tuple(p if isinstance(p, str) else p[0] for p in parameters)
    defaults = {p[0]: p[1] for p in parameters if not isinstance(p, str)}
    namespace = {
        '__doc__': doc, '__module__': __name__, '__qualname__': name,
        '__init__': _fielded_init, '_fields': fields, '_defaults': defaults,
        '_describe': staticmethod(describe),
        '_attributes': fields if attributes is None else attributes,
    }
    return type(name, (base,), namespace)


def _reading_from(b, what):
    """'While reading from SOURCE [line N]: what', or What alone."""
    if b['source'] is None:
        return what[0].upper() + what[1:]
    place = "While reading from %r" % (b['source'],)
    if b['lineno'] is not None:
        place += " [line %2d]" % b['lineno']
    return place + ": " + what


NoSectionError = _error(
    'NoSectionError', Error, ['section'],
    lambda b: 'No section: %r' % (b['section'],),
    "The section asked for does not exist.")

DuplicateSectionError = _error(
    'DuplicateSectionError', Error,
    ['section', ('source', None), ('lineno', None)],
    lambda b: _reading_from(b, "section %r already exists" % (b['section'],)),
    "A section was added twice, or appears twice in one strict source.")

DuplicateOptionError = _error(
    'DuplicateOptionError', Error,
    ['section', 'option', ('source', None), ('lineno', None)],
    lambda b: _reading_from(b, "option %r in section %r already exists"
                            % (b['option'], b['section'])),
    "An option appears twice in one section of a strict source.")

NoOptionError = _error(
    'NoOptionError', Error, ['option', 'section'],
    lambda b: "No option %r in section: %r" % (b['option'], b['section']),
    "The option is in neither the section nor the defaults.")

InterpolationError = _error(
    'InterpolationError', Error, ['option', 'section', 'msg'],
    lambda b: b['msg'],
    "Base class for failures while expanding references in a value.",
    attributes=('option', 'section'))

InterpolationMissingOptionError = _error(
    'InterpolationMissingOptionError', InterpolationError,
    ['option', 'section', 'rawval', 'reference'],
    lambda b: ("Bad value substitution: option {option!r} in section "
               "{section!r} contains an interpolation key {reference!r} which "
               "is not a valid option name. Raw value: {rawval!r}".format(**b)),
    "A value refers to an option that does not exist.",
    attributes=('option', 'section', 'reference'))

InterpolationSyntaxError = _error(
    'InterpolationSyntaxError', InterpolationError, ['option', 'section', 'msg'],
    lambda b: b['msg'],
    "A value's references are malformed.",
    attributes=('option', 'section'))

InterpolationDepthError = _error(
    'InterpolationDepthError', InterpolationError,
    ['option', 'section', 'rawval'],
    lambda b: ("Recursion limit exceeded in value substitution: option "
               "{option!r} in section {section!r} contains an interpolation "
               "key which cannot be substituted in {steps} steps. Raw value: "
               "{rawval!r}".format(steps=MAX_INTERPOLATION_DEPTH, **b)),
    "References nest deeper than MAX_INTERPOLATION_DEPTH (usually a loop).",
    attributes=('option', 'section'))


class ParsingError(Error):
    """Lines of a source that are neither headers, options nor comments.

    `errors` lists `(lineno, repr(line))`; each `append` extends the message.
    """

    def __init__(self, source=None, filename=None):
        if source is not None and filename is not None:
            raise ValueError("Cannot specify both `filename' and `source'. "
                             "Use `source'.")
        source = filename if source is None else source
        if source is None:
            raise ValueError("Required argument `source' not given.")
        super().__init__('Source contains parsing errors: %r' % (source,))
        self.args = (source,)
        self.source, self.errors = source, []

    def _filename(self, *assigned):
        _deprecated('filename')
        if assigned:
            self.source, = assigned
        return self.source

    filename = property(_filename, _filename, doc="`source`'s old name.")

    def append(self, lineno, line):
        self.message += '\n\t[line %2d]: %s' % (lineno, line)
        self.errors.append((lineno, line))


class MissingSectionHeaderError(ParsingError):
    """An option line came before any section header."""

    def __init__(self, filename, lineno, line):
        super().__init__(filename)
        self.message = ('File contains no section headers.\nfile: %r, '
                        'line: %d\n%r' % (filename, lineno, line))
        self.args = (filename, lineno, line)
        self.lineno, self.line = lineno, line


# --- Interpolation -----------------------------------------------------------

class Interpolation:
    """No interpolation: values are returned as they were read or set."""

    def before_get(self, parser, section, option, value, defaults):
        return value

    def before_set(self, parser, section, option, value):
        return value

    def before_read(self, parser, section, option, value):
        return value

    def before_write(self, parser, section, option, value):
        return value


class _MarkerInterpolation(Interpolation):
    """Shared engine of the `%(name)s` and `${name}` syntaxes.

    A subclass names its marker character, the pattern of a whole reference
    starting at a marker, the message for a marker followed by something
    else, and how a reference is looked up (`_substitute`).
    """

    marker = None
    reference = None
    after_marker = None

    def before_get(self, parser, section, option, value, defaults):
        # A missing value (allow_no_value) expands to nothing.
        return self._expand(parser, section, option, value or '', defaults, 1)

    def before_set(self, parser, section, option, value):
        # A marker left once escapes and references are gone is an error,
        # reported at its position in what is left.
        left = self.reference.sub('', value.replace(self.marker * 2, ''))
        if self.marker in left:
            raise ValueError("invalid interpolation syntax in %r at position "
                             "%d" % (value, left.index(self.marker)))
        return value

    def _expand(self, parser, section, option, text, mapping, depth):
        """`text` with its references replaced, `depth` levels down."""
        if depth > MAX_INTERPOLATION_DEPTH:
            raw = parser.get(section, option, raw=True, fallback=text)
            raise InterpolationDepthError(option, section, raw)
        marker = self.marker
        pieces = []
        start = 0
        while True:
            at = text.find(marker, start)
            if at < 0:
                pieces.append(text[start:])
                return ''.join(pieces)
            pieces.append(text[start:at])
            following = text[at + 1:at + 2]
            if following == marker:
                pieces.append(marker)
                start = at + 2
                continue
            if following != self.after_marker[0]:
                raise InterpolationSyntaxError(
                    option, section,
                    "%r must be followed by %r or %r, found: %r"
                    % (marker, marker, self.after_marker[0], text[at:]))
            found = self.reference.match(text, at)
            if found is None:
                raise InterpolationSyntaxError(
                    option, section,
                    "bad interpolation variable reference %r" % (text[at:],))
            start = found.end()
            pieces.append(self._substitute(parser, section, option,
                                           found.group(1), text[start:],
                                           mapping, depth))

    def _missing(self, parser, section, option, text, name):
        raw = parser.get(section, option, raw=True, fallback=text)
        return InterpolationMissingOptionError(option, section, raw, name)


class BasicInterpolation(_MarkerInterpolation):
    """`%(name)s` refers to another option of the section (or DEFAULT);
    `%%` is a literal percent sign."""

    marker = '%'
    after_marker = '('
    reference = re.compile(r"%\(([^)]+)\)s")

    def _substitute(self, parser, section, option, name, rest, mapping, depth):
        key = parser.optionxform(name)
        if key not in mapping:
            raise self._missing(parser, section, option, rest, key)
        value = mapping[key]
        if '%' not in value:
            return value
        # Nested references are reported against the option asked for.
        return self._expand(parser, section, option, value, mapping, depth + 1)


class ExtendedInterpolation(_MarkerInterpolation):
    """`${name}` refers to an option of the same section, `${section:name}`
    to one of another section; `$$` is a literal dollar sign."""

    marker = '$'
    after_marker = '{'
    reference = re.compile(r"\$\{([^}]+)\}")

    def _substitute(self, parser, section, option, name, rest, mapping, depth):
        parts = name.split(':')
        if len(parts) > 2:
            raise InterpolationSyntaxError(
                option, section, "More than one ':' found: %r" % (rest,))
        try:
            if len(parts) == 1:
                where, key = section, parser.optionxform(parts[0])
                value = mapping[key]
            else:
                where, key = parts[0], parser.optionxform(parts[1])
                value = parser.get(where, key, raw=True)
        except (KeyError, NoSectionError, NoOptionError):
            raise self._missing(parser, section, option, rest,
                                ':'.join(parts)) from None
        if '$' not in value:
            return value
        if where != section:
            mapping = dict(parser.items(where, raw=True))
        # Nested references are reported against the option they appear in.
        return self._expand(parser, where, key, value, mapping, depth + 1)


class LegacyInterpolation(Interpolation):
    """The old expansion (deprecated): `%(name)s` references and `%%`
    escapes are replaced in passes, each pass working on the text the
    previous one produced, until no reference is left."""

    _piece = re.compile(r"%%|%\(([^)]*)\)s")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _deprecated('LegacyInterpolation')

    def before_get(self, parser, section, option, value, vars):
        def replace(found):
            if found.group(1) is None:
                return '%'
            key = parser.optionxform(found.group(1))
            if key not in vars:
                raise InterpolationMissingOptionError(option, section, raw, key)
            return vars[key]

        raw = value
        passes = 0
        while value and "%(" in value:
            if passes == MAX_INTERPOLATION_DEPTH:
                raise InterpolationDepthError(option, section, raw)
            value = self._piece.sub(replace, value)
            passes += 1
        return value


# --- Reading a source ----------------------------------------------------------

class _SourceReader:
    """Reads one source's lines into a parser.

    It tracks the section being filled, the option whose value lines are
    being collected and that option's indentation (a later line indented
    deeper continues the value), what this source has defined (strict mode
    forbids defining anything twice in one source) and the lines it could
    not read, reported together at the end as one ParsingError.
    """

    def __init__(self, parser, source):
        self.parser, self.source = parser, source
        self.section_name = self.section = self.option = self.error = None
        self.option_indent = 0
        self.defined = set()

    def read(self, lines):
        for lineno, line in enumerate(lines, start=1):
            self.read_line(lineno, line)
        self.parser._join_values()
        if self.error is not None:
            raise self.error

    def bad_line(self, lineno, line):
        if self.error is None:
            self.error = ParsingError(self.source)
        self.error.append(lineno, repr(line))

    def read_line(self, lineno, line):
        text, commented = self.strip_comments(line)
        if not text:
            self.blank_line(commented)
            return
        indent = len(line) - len(line.lstrip())
        if self.option and indent > self.option_indent:
            lines = self.section[self.option]
            if lines is not None:
                lines.append(text)
            return
        self.option_indent = indent
        header = self.parser.SECTCRE.match(text)
        if header is not None:
            self.start_section(header.group('header'), lineno)
        elif self.section is None:
            raise MissingSectionHeaderError(self.source, lineno, line)
        else:
            self.add_option(lineno, line, text)

    def strip_comments(self, line):
        """The line's text without comments and surrounding blanks, and
        whether a comment was cut off."""
        stripped = line.strip()
        if stripped.startswith(self.parser._comment_prefixes):
            return '', True
        cut = len(line)
        for prefix in self.parser._inline_comment_prefixes:
            at = line.find(prefix)
            # An inline comment starts the line or follows whitespace.
            while at > 0 and not line[at - 1].isspace():
                at = line.find(prefix, at + 1)
            if at != -1:
                cut = min(cut, at)
        return line[:cut].strip(), cut < len(line)

    def blank_line(self, commented):
        """A line with no text: part of the value being read, unless it
        held a comment; with `empty_lines_in_values` off, the value's end."""
        if not self.parser._empty_lines_in_values:
            # Nothing can continue the value now.
            self.option_indent = sys.maxsize
        elif self.option and not commented:
            lines = self.section[self.option]
            if lines is not None:
                lines.append('')

    def start_section(self, name, lineno):
        parser = self.parser
        store = parser._store
        if name not in store:
            store[name] = parser._dict()
        elif (parser._strict and name in self.defined
                and name != parser.default_section):
            raise DuplicateSectionError(name, self.source, lineno)
        self.defined.add(name)
        self.section_name, self.section = name, store[name]
        self.option = None

    def add_option(self, lineno, line, text):
        parser = self.parser
        found = parser._optcre.match(text)
        if found is None:
            self.bad_line(lineno, line)
            return
        name, value = found.group('option', 'value')
        if not name:
            self.bad_line(lineno, line)  # Reported, and still stored.
        name = parser.optionxform(name.rstrip())
        if parser._strict and (self.section_name, name) in self.defined:
            raise DuplicateOptionError(self.section_name, name, self.source,
                                       lineno)
        self.defined.add((self.section_name, name))
        self.option = name
        self.section[name] = [value.strip()] if value is not None else None


class _Seen(set):
    """What one source has defined; strict parsers refuse a repeat."""

    def __init__(self, strict):
        super().__init__()
        self.strict = strict

    def again(self, key):
        return self.strict and key in self


def _with_fallback(fallback, lookup):
    """lookup(), or `fallback` (when one is given) if the section or the
    option it looks for is missing."""
    if fallback is _UNSET:
        return lookup()
    try:
        return lookup()
    except (NoSectionError, NoOptionError):
        return fallback


# --- Parsers -------------------------------------------------------------------

_BUILT_IN_CONVERTERS = {'boolean': None, 'float': float, 'int': int}


def _converting_getter(kind):
    """The parser's get<kind> method: get(), then the conversion."""
    def get_converted(self, section, option, *, raw=False, vars=None,
                      fallback=_UNSET, **kwargs):
        return self._get_as(kind, section, option, raw, vars, fallback, kwargs)
    get_converted.__name__ = get_converted.__qualname__ = 'get' + kind
    return get_converted


class RawConfigParser(MutableMapping):
    """A configuration: sections of options, plus the DEFAULT section whose
    options every section inherits. Values are returned as stored.

    The sections live in one dict, `_store`, of section name to a dict of
    option name to value; the default section is its first entry, so
    iterating the parser is iterating the store. A value is a string, None
    (an option without a value) or, while a source is being read, the list
    of its lines. Section views (SectionProxy) are made on first use.
    """

    _DEFAULT_INTERPOLATION = Interpolation()
    # Whether set() and add_section() refuse names and values that are
    # not strings (ConfigParser's rule).
    _strings_only = False

    SECTCRE = re.compile(r"""
        \[                  # an opening bracket,
        (?P<header>.+)      # the section's name (anything),
        \]                  # and the last closing bracket
        """, re.VERBOSE)
    OPTCRE = re.compile(r"(?P<option>.*?)\s*(?P<vi>=|:)\s*(?P<value>.*)$")
    OPTCRE_NV = re.compile(
        r"(?P<option>.*?)\s*(?:(?P<vi>=|:)\s*(?P<value>.*))?$")
    NONSPACECRE = re.compile(r"\S")

    BOOLEAN_STATES = {'1': True, 'yes': True, 'true': True, 'on': True,
                      '0': False, 'no': False, 'false': False, 'off': False}

    def __init__(self, defaults=None, dict_type=dict, allow_no_value=False,
                 *, delimiters=('=', ':'), comment_prefixes=('#', ';'),
                 inline_comment_prefixes=None, strict=True,
                 empty_lines_in_values=True, default_section=DEFAULTSECT,
                 interpolation=_UNSET, converters=_UNSET):
        self._dict = dict_type
        self._store = dict_type()
        self._store[default_section] = dict_type()
        self._views = {}
        self.default_section = default_section
        self._delimiters = tuple(delimiters)
        self._optcre = self._option_pattern(self._delimiters, allow_no_value)
        self._comment_prefixes = tuple(comment_prefixes or ())
        self._inline_comment_prefixes = tuple(inline_comment_prefixes or ())
        self._strict = strict
        self._allow_no_value = allow_no_value
        self._empty_lines_in_values = empty_lines_in_values
        if interpolation is _UNSET:
            interpolation = self._DEFAULT_INTERPOLATION
        self._interpolation = interpolation or Interpolation()
        self._converters = ConverterMapping(self)
        if converters is not _UNSET:
            self._converters.update(converters)
        if defaults:
            self.read_dict({default_section: defaults})

    def _option_pattern(self, delimiters, allow_no_value):
        if delimiters == ('=', ':'):
            return self.OPTCRE_NV if allow_no_value else self.OPTCRE
        either = '|'.join(map(re.escape, delimiters))
        value = r"\s*(?P<vi>%s)\s*(?P<value>.*)" % either
        optional = "(?:%s)?" % value if allow_no_value else value
        return re.compile(r"(?P<option>.*?)" + optional + "$")

    def __getattr__(self, name):
        # Getters of converters added through `converters` (getlist, ...).
        converters = self.__dict__.get('_converters')
        if converters is not None and name[3:] in converters \
                and name.startswith('get'):
            return functools.partial(self._get_as, name[3:])
        raise AttributeError("%r object has no attribute %r"
                             % (type(self).__name__, name))

    # Sections and options.

    def defaults(self):
        return self._store[self.default_section]

    def sections(self):
        return [name for name in self._store if name != self.default_section]

    def _check_strings(self, **given):
        if self._strings_only:
            self._require_strings(**given)

    def add_section(self, section):
        self._check_strings(section=section)
        if section in self._store:
            # The default section is always there, and never a section.
            raise (ValueError('Invalid section name: %r' % (section,))
                   if section == self.default_section
                   else DuplicateSectionError(section))
        self._store[section] = self._dict()

    def has_section(self, section):
        return section != self.default_section and section in self._store

    def _own(self, section):
        """A section's own options (DEFAULT's for a false name or DEFAULT)."""
        if not section:
            section = self.default_section
        if section not in self._store:
            raise NoSectionError(section)
        return self._store[section]

    def options(self, section):
        if not self.has_section(section):
            raise NoSectionError(section)
        return list({**self._store[section], **self.defaults()})

    def has_option(self, section, option):
        option = self.optionxform(option)
        if section and section != self.default_section:
            if not self.has_section(section):
                return False
            if option in self._store[section]:
                return True
        return option in self.defaults()

    def optionxform(self, optionstr):
        return optionstr.lower()

    # Reading.

    def read(self, filenames, encoding=None):
        if isinstance(filenames, (str, bytes, os.PathLike)):
            filenames = [filenames]
        return [os.fspath(name) if isinstance(name, os.PathLike) else name
                for name in filenames if self._read_path(name, encoding)]

    def _read_path(self, name, encoding):
        """Read one file; False when it cannot be read (it is skipped)."""
        try:
            with open(name, encoding=encoding) as f:
                _SourceReader(self, name).read(f)
        except OSError:
            return False
        return True

    def read_file(self, f, source=None):
        _SourceReader(self, getattr(f, 'name', '<???>')
                      if source is None else source).read(f)

    def read_string(self, string, source='<string>'):
        _SourceReader(self, source).read(string.splitlines(keepends=True))

    def read_dict(self, dictionary, source='<dict>'):
        seen = _Seen(self._strict)
        for section, options in dictionary.items():
            section = str(section)
            if section not in self or seen.again(section):
                # Raises the duplicate's error (or DEFAULT's ValueError).
                self.add_section(section)
            seen.add(section)
            self._read_options(section, options, seen, source)

    def _read_options(self, section, options, seen, source):
        for key, value in options.items():
            key = self.optionxform(str(key))
            if seen.again((section, key)):
                raise DuplicateOptionError(section, key, source)
            seen.add((section, key))
            self.set(section, key, value if value is None else str(value))

    def readfp(self, fp, filename=None):
        _deprecated('readfp')
        self.read_file(fp, source=filename)

    def _join_values(self):
        """Turn the value lines a read collected into strings."""
        for section, options in self._store.items():
            for name, value in options.items():
                if isinstance(value, list):
                    value = '\n'.join(value).rstrip()
                options[name] = self._interpolation.before_read(
                    self, section, name, value)

    # Getting values.

    def _lookup_chain(self, section, vars):
        """Where a value is looked up: vars, the section, then DEFAULT."""
        if section == self.default_section:
            own = {}
        elif self.has_section(section):
            own = self._store[section]
        else:
            raise NoSectionError(section)
        given = {self.optionxform(key): None if value is None else str(value)
                 for key, value in (vars or {}).items()}
        return ChainMap(given, own, self.defaults())

    def get(self, section, option, *, raw=False, vars=None, fallback=_UNSET):
        return _with_fallback(
            fallback, lambda: self._value(section, option, raw, vars))

    def _value(self, section, option, raw, vars):
        chain = self._lookup_chain(section, vars)
        option = self.optionxform(option)
        if option not in chain:
            raise NoOptionError(option, section)
        value = chain[option]
        if raw or value is None:
            return value
        return self._interpolation.before_get(self, section, option, value,
                                              chain)

    def _get_as(self, kind, section, option, raw=False, vars=None,
                fallback=_UNSET, more=None, **kwargs):
        """get() converted by the converter named `kind`; the fallback (for
        a missing section or option) is returned as it is."""
        kwargs.update(more or {})
        convert = self._converters.added(kind) or _BUILT_IN_CONVERTERS[kind] \
            or self._convert_to_boolean
        return _with_fallback(fallback, lambda: convert(
            self.get(section, option, raw=raw, vars=vars, **kwargs)))

    getint = _converting_getter('int')
    getfloat = _converting_getter('float')
    getboolean = _converting_getter('boolean')

    def _convert_to_boolean(self, value):
        state = self.BOOLEAN_STATES.get(value.lower())
        if state is None:
            raise ValueError('Not a boolean: %s' % value)
        return state

    def items(self, section=_UNSET, raw=False, vars=None):
        if section is _UNSET:
            return super().items()
        if section != self.default_section and not self.has_section(section):
            raise NoSectionError(section)
        merged = {**self.defaults(), **self._store[section]}
        names = list(merged)
        merged.update((self.optionxform(k), v) for k, v in (vars or {}).items())
        if raw:
            return [(name, merged[name]) for name in names]
        expand = self._interpolation.before_get
        return [(name, expand(self, section, name, merged[name], merged))
                for name in names]

    def popitem(self):
        names = self.sections()
        if not names:
            raise KeyError
        view = self[names[0]]
        self.remove_section(names[0])
        return names[0], view

    # Changing and writing.

    def _require_strings(self, *, section="", option="", value=""):
        checks = ((section, "section names must be strings"),
                  (option, "option keys must be strings"))
        if not self._allow_no_value or value:
            checks += ((value, "option values must be strings"),)
        for given, complaint in checks:
            if not isinstance(given, str):
                raise TypeError(complaint)

    def set(self, section, option, value=None):
        self._check_strings(option=option, value=value)
        if value:
            value = self._interpolation.before_set(self, section, option, value)
        self._own(section)[self.optionxform(option)] = value

    def remove_option(self, section, option):
        options = self._own(section)
        return options.pop(self.optionxform(option), _UNSET) is not _UNSET

    def remove_section(self, section):
        self._views.pop(section, None)
        return self.has_section(section) and self._store.pop(section) is not None

    def write(self, fp, space_around_delimiters=True):
        delimiter = self._delimiters[0]
        if space_around_delimiters:
            delimiter = " %s " % delimiter
        for section, options in self._store.items():
            if options or section != self.default_section:
                fp.write(self._section_text(section, options, delimiter))

    def _section_text(self, section, options, delimiter):
        """A section as `write` puts it: header, options, a blank line."""
        out = ["[%s]\n" % (section,)]
        for key, value in options.items():
            value = self._interpolation.before_write(self, section, key, value)
            if value is not None or not self._allow_no_value:
                key += delimiter + str(value).replace('\n', '\n\t')
            out.append(key + "\n")
        out.append("\n")
        return "".join(out)

    # The mapping of section names to views.

    def __getitem__(self, key):
        if key not in self:
            raise KeyError(key)
        return self._views.setdefault(key, SectionProxy(self, key))

    def __setitem__(self, key, value):
        if key in self._store:
            if self[key] is value:
                return  # parser[name] = parser[name] changes nothing.
            self._store[key].clear()
        self.read_dict({key: value})

    def __delitem__(self, key):
        if self.remove_section(key):
            return
        raise (ValueError("Cannot remove the default section.")
               if key == self.default_section else KeyError(key))

    def __contains__(self, key):
        return key in self._store

    def __len__(self):
        return len(self._store)

    def __iter__(self):
        return iter(self._store)

    @property
    def converters(self):
        return self._converters


class ConfigParser(RawConfigParser):
    """A RawConfigParser with `%(name)s` interpolation whose sections,
    options and values must be strings."""

    _DEFAULT_INTERPOLATION = BasicInterpolation()
    _strings_only = True


class SafeConfigParser(ConfigParser):
    """ConfigParser's old name (deprecated)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _deprecated('SafeConfigParser')


class SectionProxy(MutableMapping):
    """One section of a parser seen as a mapping of its options (DEFAULT's
    included); every read and write goes to the parser."""

    def __init__(self, parser, name):
        self._parser = parser
        self._name = name

    def __getattr__(self, name):
        # getint, getfloat, getboolean and the getters of added converters.
        if name.startswith('get') and name[3:] in self._parser._converters:
            return functools.partial(self.get,
                                     _impl=getattr(self._parser, name))
        raise AttributeError("'SectionProxy' object has no attribute %r"
                             % (name,))

    def __repr__(self):
        return '<Section: {}>'.format(self._name)

    def __getitem__(self, key):
        value = self._parser.get(self._name, key, fallback=_ABSENT)
        if value is _ABSENT:
            raise KeyError(key)
        return value

    def __setitem__(self, key, value):
        self._parser._require_strings(option=key, value=value)
        self._parser.set(self._name, key, value)

    def __delitem__(self, key):
        if key not in self or not self._parser.remove_option(self._name, key):
            raise KeyError(key)

    def __contains__(self, key):
        return self._parser.has_option(self._name, key)

    def __len__(self):
        return len(self._option_names())

    def __iter__(self):
        return iter(self._option_names())

    def _option_names(self):
        if self._name == self._parser.default_section:
            return self._parser.defaults()
        return self._parser.options(self._name)

    @property
    def parser(self):
        return self._parser

    @property
    def name(self):
        return self._name

    def get(self, option, fallback=None, *, raw=False, vars=None,
            _impl=None, **kwargs):
        getter = self._parser.get if _impl is None else _impl
        return getter(self._name, option, raw=raw, vars=vars,
                      fallback=fallback, **kwargs)


class ConverterMapping(MutableMapping):
    """The converters of a parser by name: `converters['list'] = f` gives
    the parser and its sections a `getlist`. The built-in ones (boolean,
    float, int: methods of the parser) show as None."""

    def __init__(self, parser):
        self._parser = parser
        self._data = {'boolean': None, 'float': None, 'int': None}

    def added(self, name):
        """The converter added under `name`, or None."""
        return self._data.get(name)

    def __getitem__(self, key):
        return self._data[key]

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise ValueError('Incompatible key: {} (type: {})'
                             ''.format(key, type(key)))
        if key == '':
            raise ValueError('Incompatible key: cannot use "" as a name')
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)
