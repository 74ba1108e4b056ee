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

__all__ = ["NoSectionError", "DuplicateOptionError", "DuplicateSectionError",
           "NoOptionError", "InterpolationError", "InterpolationDepthError",
           "InterpolationMissingOptionError", "InterpolationSyntaxError",
           "ParsingError", "MissingSectionHeaderError",
           "ConfigParser", "SafeConfigParser", "RawConfigParser",
           "Interpolation", "BasicInterpolation", "ExtendedInterpolation",
           "LegacyInterpolation", "SectionProxy", "ConverterMapping",
           "DEFAULTSECT", "MAX_INTERPOLATION_DEPTH"]

DEFAULTSECT = "DEFAULT"

# How many nested references a value may follow before expansion gives up.
MAX_INTERPOLATION_DEPTH = 10

# Marks an argument the caller did not pass (None is a meaningful fallback).
_UNSET = object()


# --- Exceptions ------------------------------------------------------------

class Error(Exception):
    """Base class for configparser's exceptions; its text is `message`."""

    def __init__(self, msg=''):
        self.message = msg
        Exception.__init__(self, msg)

    def __repr__(self):
        return self.message

    __str__ = __repr__


def _where(source, lineno):
    """The 'While reading from ...' opening of a duplicate's message."""
    text = "While reading from %r" % (source,)
    if lineno is not None:
        text += " [line %2d]" % lineno
    return text + ": "


class NoSectionError(Error):
    """The section asked for does not exist."""

    def __init__(self, section):
        Error.__init__(self, 'No section: %r' % (section,))
        self.section = section
        self.args = (section,)


class DuplicateSectionError(Error):
    """A section was added twice (or appears twice in one strict source)."""

    def __init__(self, section, source=None, lineno=None):
        if source is None:
            text = "Section %r already exists" % (section,)
        else:
            text = _where(source, lineno) + "section %r already exists" % (section,)
        Error.__init__(self, text)
        self.section = section
        self.source = source
        self.lineno = lineno
        self.args = (section, source, lineno)


class DuplicateOptionError(Error):
    """An option appears twice in one section of a strict source."""

    def __init__(self, section, option, source=None, lineno=None):
        what = "option %r in section %r already exists" % (option, section)
        if source is None:
            text = what[0].upper() + what[1:]
        else:
            text = _where(source, lineno) + what
        Error.__init__(self, text)
        self.section = section
        self.option = option
        self.source = source
        self.lineno = lineno
        self.args = (section, option, source, lineno)


class NoOptionError(Error):
    """The option asked for is in neither the section nor the defaults."""

    def __init__(self, option, section):
        Error.__init__(self, "No option %r in section: %r" % (option, section))
        self.option = option
        self.section = section
        self.args = (option, section)


class InterpolationError(Error):
    """Base class for failures while expanding references in a value."""

    def __init__(self, option, section, msg):
        Error.__init__(self, msg)
        self.option = option
        self.section = section
        self.args = (option, section, msg)


class InterpolationMissingOptionError(InterpolationError):
    """A value refers to an option that does not exist."""

    def __init__(self, option, section, rawval, reference):
        msg = ("Bad value substitution: option {!r} in section {!r} contains "
               "an interpolation key {!r} which is not a valid option name. "
               "Raw value: {!r}".format(option, section, reference, rawval))
        InterpolationError.__init__(self, option, section, msg)
        self.reference = reference
        self.args = (option, section, rawval, reference)


class InterpolationSyntaxError(InterpolationError):
    """A value's references are malformed."""


class InterpolationDepthError(InterpolationError):
    """References nest deeper than MAX_INTERPOLATION_DEPTH (usually a loop)."""

    def __init__(self, option, section, rawval):
        msg = ("Recursion limit exceeded in value substitution: option {!r} "
               "in section {!r} contains an interpolation key which "
               "cannot be substituted in {} steps. Raw value: {!r}"
               "".format(option, section, MAX_INTERPOLATION_DEPTH, rawval))
        InterpolationError.__init__(self, option, section, msg)
        self.args = (option, section, rawval)


class ParsingError(Error):
    """Lines of a source that are neither headers, options nor comments.

    `errors` lists `(lineno, repr(line))`; each `append` extends the message.
    """

    def __init__(self, source=None, filename=None):
        if filename is not None:
            if source is not None:
                raise ValueError("Cannot specify both `filename' and `source'. "
                                 "Use `source'.")
            source = filename
        elif source is None:
            raise ValueError("Required argument `source' not given.")
        Error.__init__(self, 'Source contains parsing errors: %r' % (source,))
        self.source = source
        self.errors = []
        self.args = (source,)

    @property
    def filename(self):
        warnings.warn("The 'filename' attribute will be removed in Python 3.12. "
                      "Use 'source' instead.", DeprecationWarning, stacklevel=2)
        return self.source

    @filename.setter
    def filename(self, value):
        warnings.warn("The 'filename' attribute will be removed in Python 3.12. "
                      "Use 'source' instead.", DeprecationWarning, stacklevel=2)
        self.source = value

    def append(self, lineno, line):
        self.errors.append((lineno, line))
        self.message += '\n\t[line %2d]: %s' % (lineno, line)


class MissingSectionHeaderError(ParsingError):
    """An option line came before any section header."""

    def __init__(self, filename, lineno, line):
        Error.__init__(
            self,
            'File contains no section headers.\nfile: %r, line: %d\n%r'
            % (filename, lineno, line))
        self.source = filename
        self.lineno = lineno
        self.line = line
        self.errors = []
        self.args = (filename, lineno, line)


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
    else, and how a reference is looked up (`_resolve`).
    """

    marker = None
    reference = None
    after_marker = None

    def before_get(self, parser, section, option, value, defaults):
        if not value:
            return ''  # A missing value (allow_no_value) expands to nothing.
        pieces = []
        self._expand(parser, section, option, value, defaults, 1, pieces)
        return ''.join(pieces)

    def before_set(self, parser, section, option, value):
        leftover = value.replace(self.marker * 2, '')
        leftover = self.reference.sub('', leftover)
        position = leftover.find(self.marker)
        if position != -1:
            raise ValueError("invalid interpolation syntax in %r at position %d"
                             % (value, position))
        return value

    def _expand(self, parser, section, option, text, mapping, depth, pieces):
        """Append `text` with its references replaced to `pieces`."""
        if depth > MAX_INTERPOLATION_DEPTH:
            raw = parser.get(section, option, raw=True, fallback=text)
            raise InterpolationDepthError(option, section, raw)
        marker = self.marker
        start = 0
        while True:
            at = text.find(marker, start)
            if at < 0:
                pieces.append(text[start:])
                return
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
            self._substitute(parser, section, option, found.group(1),
                             text[start:], mapping, depth, pieces)

    def _missing(self, parser, section, option, text, name):
        raw = parser.get(section, option, raw=True, fallback=text)
        return InterpolationMissingOptionError(option, section, raw, name)


class BasicInterpolation(_MarkerInterpolation):
    """`%(name)s` refers to another option of the section (or DEFAULT);
    `%%` is a literal percent sign."""

    marker = '%'
    after_marker = '('
    reference = re.compile(r"%\(([^)]+)\)s")

    def _substitute(self, parser, section, option, name, rest, mapping,
                    depth, pieces):
        key = parser.optionxform(name)
        try:
            value = mapping[key]
        except KeyError:
            raise self._missing(parser, section, option, rest, key) from None
        if '%' in value:
            # Nested references are reported against the option asked for.
            self._expand(parser, section, option, value, mapping, depth + 1,
                         pieces)
        else:
            pieces.append(value)


class ExtendedInterpolation(_MarkerInterpolation):
    """`${name}` refers to an option of the same section, `${section:name}`
    to one of another section; `$$` is a literal dollar sign."""

    marker = '$'
    after_marker = '{'
    reference = re.compile(r"\$\{([^}]+)\}")

    def _substitute(self, parser, section, option, name, rest, mapping,
                    depth, pieces):
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
            pieces.append(value)
            return
        if where != section:
            mapping = dict(parser.items(where, raw=True))
        # Nested references are reported against the option they appear in.
        self._expand(parser, where, key, value, mapping, depth + 1, pieces)


class LegacyInterpolation(Interpolation):
    """The old `%(name)s` expansion by repeated `%` formatting (deprecated)."""

    _name = re.compile(r"%\(([^)]*)\)s|.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        warnings.warn(
            "LegacyInterpolation has been deprecated since Python 3.2 "
            "and will be removed from the configparser module in Python 3.13. "
            "Use BasicInterpolation or ExtendedInterpolation instead.",
            DeprecationWarning, stacklevel=2)

    def before_get(self, parser, section, option, value, vars):
        raw = value
        for _ in range(MAX_INTERPOLATION_DEPTH):
            if not value or "%(" not in value:
                return value
            value = self._name.sub(
                lambda m: "%%(%s)s" % parser.optionxform(m.group(1))
                if m.group(1) else m.group(0), value)
            try:
                value = value % vars
            except KeyError as e:
                raise InterpolationMissingOptionError(
                    option, section, raw, e.args[0]) from None
        if value and "%(" in value:
            raise InterpolationDepthError(option, section, raw)
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
        self.parser = parser
        self.source = source
        self.section_name = None
        self.section = None
        self.option = None
        self.option_indent = 0
        self.defined = set()
        self.error = None

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
        parser = self.parser
        text, commented = self.strip_comments(line)
        if not text:
            self.blank_line(commented)
            return
        indent = len(line) - len(line.lstrip())
        if (self.section is not None and self.option
                and indent > self.option_indent):
            lines = self.section[self.option]
            if lines is not None:
                lines.append(text)
            return
        self.option_indent = indent
        header = parser.SECTCRE.match(text)
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
        for prefix in self.parser._comment_prefixes:
            if stripped.startswith(prefix):
                return '', True
        cut = len(line)
        for prefix in self.parser._inline_comment_prefixes:
            at = line.find(prefix)
            # An inline comment starts the line or follows whitespace.
            while at > 0 and not line[at - 1].isspace():
                at = line.find(prefix, at + 1)
            if at != -1 and at < cut:
                cut = at
        return line[:cut].strip(), cut < len(line)

    def blank_line(self, commented):
        """A line with no text: part of the value being read, unless it
        held a comment; with `empty_lines_in_values` off, the value's end."""
        if self.parser._empty_lines_in_values:
            if not commented and self.section is not None and self.option:
                lines = self.section[self.option]
                if lines is not None:
                    lines.append('')
        else:
            # A blank line ends the value: nothing can continue it.
            self.option_indent = sys.maxsize

    def start_section(self, name, lineno):
        parser = self.parser
        if name == parser.default_section:
            self.section = parser._defaults
        elif name in parser._sections:
            if parser._strict and name in self.defined:
                raise DuplicateSectionError(name, self.source, lineno)
            self.section = parser._sections[name]
        else:
            self.section = parser._dict()
            parser._sections[name] = self.section
            parser._proxies[name] = SectionProxy(parser, name)
        self.defined.add(name)
        self.section_name = name
        self.option = None

    def add_option(self, lineno, line, text):
        parser = self.parser
        found = parser._optcre.match(text)
        if found is None:
            self.bad_line(lineno, line)
            return
        name, value = found.group('option'), found.group('value')
        if not name:
            self.bad_line(lineno, line)
        name = parser.optionxform(name.rstrip())
        key = (self.section_name, name)
        if parser._strict and key in self.defined:
            raise DuplicateOptionError(self.section_name, name, self.source,
                                       lineno)
        self.defined.add(key)
        self.option = name
        self.section[name] = None if value is None else [value.strip()]


# --- Parsers -------------------------------------------------------------------

class RawConfigParser(MutableMapping):
    """A configuration: sections of options, plus the DEFAULT section whose
    options every section inherits. Values are returned as stored."""

    _DEFAULT_INTERPOLATION = Interpolation()

    SECTCRE = re.compile(r"""
        \[                  # an opening bracket,
        (?P<header>.+)      # the section's name (anything),
        \]                  # and the last closing bracket
        """, re.VERBOSE)
    OPTCRE = re.compile(r"""
        (?P<option>.*?)\s*(?P<vi>=|:)\s*(?P<value>.*)$
        """.strip(), re.VERBOSE)
    OPTCRE_NV = re.compile(r"""
        (?P<option>.*?)\s*(?:(?P<vi>=|:)\s*(?P<value>.*))?$
        """.strip(), re.VERBOSE)
    NONSPACECRE = re.compile(r"\S")

    BOOLEAN_STATES = {'1': True, 'yes': True, 'true': True, 'on': True,
                      '0': False, 'no': False, 'false': False, 'off': False}

    def __init__(self, defaults=None, dict_type=dict, allow_no_value=False,
                 *, delimiters=('=', ':'), comment_prefixes=('#', ';'),
                 inline_comment_prefixes=None, strict=True,
                 empty_lines_in_values=True, default_section=DEFAULTSECT,
                 interpolation=_UNSET, converters=_UNSET):
        self._dict = dict_type
        self._sections = dict_type()
        self._defaults = dict_type()
        self._proxies = dict_type()
        self._converters = ConverterMapping(self)
        self._delimiters = tuple(delimiters)
        if self._delimiters == ('=', ':'):
            self._optcre = self.OPTCRE_NV if allow_no_value else self.OPTCRE
        else:
            either = '|'.join(re.escape(d) for d in delimiters)
            value = r"\s*(?P<vi>{})\s*(?P<value>.*)".format(either)
            if allow_no_value:
                value = "(?:" + value + ")?"
            self._optcre = re.compile(r"(?P<option>.*?)" + value + "$")
        self._comment_prefixes = tuple(comment_prefixes or ())
        self._inline_comment_prefixes = tuple(inline_comment_prefixes or ())
        self._strict = strict
        self._allow_no_value = allow_no_value
        self._empty_lines_in_values = empty_lines_in_values
        self.default_section = default_section
        if interpolation is _UNSET:
            interpolation = self._DEFAULT_INTERPOLATION
        elif interpolation is None:
            interpolation = Interpolation()
        self._interpolation = interpolation
        if converters is not _UNSET:
            self._converters.update(converters)
        self._proxies[default_section] = SectionProxy(self, default_section)
        if defaults:
            self.read_dict({default_section: defaults})

    def __getattr__(self, name):
        # Getters of converters added through `converters` (getlist, ...).
        if name.startswith('get') and '_converters' in self.__dict__:
            converter = self._converters.added(name[3:])
            if converter is not None:
                return functools.partial(self._get_conv, conv=converter)
        raise AttributeError("%r object has no attribute %r"
                             % (type(self).__name__, name))

    # Sections and options.

    def defaults(self):
        return self._defaults

    def sections(self):
        return list(self._sections.keys())

    def add_section(self, section):
        if section == self.default_section:
            raise ValueError('Invalid section name: %r' % (section,))
        if section in self._sections:
            raise DuplicateSectionError(section)
        self._sections[section] = self._dict()
        self._proxies[section] = SectionProxy(self, section)

    def has_section(self, section):
        return section in self._sections

    def options(self, section):
        try:
            names = self._sections[section].copy()
        except KeyError:
            raise NoSectionError(section) from None
        names.update(self._defaults)
        return list(names.keys())

    def _options_of(self, section, missing_error):
        """The dict holding a section's own options (DEFAULT's for it)."""
        if not section or section == self.default_section:
            return self._defaults
        try:
            return self._sections[section]
        except KeyError:
            raise missing_error(section) from None

    def has_option(self, section, option):
        option = self.optionxform(option)
        if not section or section == self.default_section:
            return option in self._defaults
        if section not in self._sections:
            return False
        return option in self._sections[section] or option in self._defaults

    def optionxform(self, optionstr):
        return optionstr.lower()

    # Reading.

    def read(self, filenames, encoding=None):
        if isinstance(filenames, (str, bytes, os.PathLike)):
            filenames = [filenames]
        read_ok = []
        for filename in filenames:
            try:
                with open(filename, encoding=encoding) as f:
                    _SourceReader(self, filename).read(f)
            except OSError:
                continue
            if isinstance(filename, os.PathLike):
                filename = os.fspath(filename)
            read_ok.append(filename)
        return read_ok

    def read_file(self, f, source=None):
        if source is None:
            source = getattr(f, 'name', '<???>')
        _SourceReader(self, source).read(f)

    def read_string(self, string, source='<string>'):
        self.read_file(string.splitlines(keepends=True), source)

    def read_dict(self, dictionary, source='<dict>'):
        defined = set()
        for section, options in dictionary.items():
            section = str(section)
            try:
                self.add_section(section)
            except (DuplicateSectionError, ValueError):
                if self._strict and section in defined:
                    raise
            defined.add(section)
            for key, value in options.items():
                key = self.optionxform(str(key))
                if value is not None:
                    value = str(value)
                if self._strict and (section, key) in defined:
                    raise DuplicateOptionError(section, key, source)
                defined.add((section, key))
                self.set(section, key, value)

    def readfp(self, fp, filename=None):
        warnings.warn(
            "This method will be removed in Python 3.12. "
            "Use 'parser.read_file()' instead.",
            DeprecationWarning, stacklevel=2)
        self.read_file(fp, source=filename)

    def _join_values(self):
        """Turn the value lines a read collected into strings."""
        every = itertools.chain(((self.default_section, self._defaults),),
                                self._sections.items())
        for section, options in every:
            for name, value in options.items():
                if isinstance(value, list):
                    value = '\n'.join(value).rstrip()
                options[name] = self._interpolation.before_read(
                    self, section, name, value)

    # Getting values.

    def _lookup_chain(self, section, vars):
        """Where a value is looked up: vars, the section, then DEFAULT."""
        try:
            own = self._sections[section]
        except KeyError:
            if section != self.default_section:
                raise NoSectionError(section) from None
            own = {}
        given = {}
        if vars:
            for key, value in vars.items():
                if value is not None:
                    value = str(value)
                given[self.optionxform(key)] = value
        return ChainMap(given, own, self._defaults)

    def get(self, section, option, *, raw=False, vars=None, fallback=_UNSET):
        try:
            chain = self._lookup_chain(section, vars)
        except NoSectionError:
            if fallback is _UNSET:
                raise
            return fallback
        option = self.optionxform(option)
        try:
            value = chain[option]
        except KeyError:
            if fallback is _UNSET:
                raise NoOptionError(option, section) from None
            return fallback
        if raw or value is None:
            return value
        return self._interpolation.before_get(self, section, option, value,
                                              chain)

    def _get_conv(self, section, option, conv, *, raw=False, vars=None,
                  fallback=_UNSET, **kwargs):
        try:
            text = self.get(section, option, raw=raw, vars=vars, **kwargs)
        except (NoSectionError, NoOptionError):
            if fallback is _UNSET:
                raise
            return fallback
        return conv(text)

    def getint(self, section, option, *, raw=False, vars=None,
               fallback=_UNSET, **kwargs):
        return self._get_conv(section, option, int, raw=raw, vars=vars,
                              fallback=fallback, **kwargs)

    def getfloat(self, section, option, *, raw=False, vars=None,
                 fallback=_UNSET, **kwargs):
        return self._get_conv(section, option, float, raw=raw, vars=vars,
                              fallback=fallback, **kwargs)

    def getboolean(self, section, option, *, raw=False, vars=None,
                   fallback=_UNSET, **kwargs):
        return self._get_conv(section, option, self._convert_to_boolean,
                              raw=raw, vars=vars, fallback=fallback, **kwargs)

    def _convert_to_boolean(self, value):
        try:
            return self.BOOLEAN_STATES[value.lower()]
        except KeyError:
            raise ValueError('Not a boolean: %s' % value) from None

    def items(self, section=_UNSET, raw=False, vars=None):
        if section is _UNSET:
            return super().items()
        merged = self._defaults.copy()
        try:
            merged.update(self._sections[section])
        except KeyError:
            if section != self.default_section:
                raise NoSectionError(section) from None
        names = list(merged.keys())
        if vars:
            for key, value in vars.items():
                merged[self.optionxform(key)] = value
        if raw:
            return [(name, merged[name]) for name in names]
        expand = self._interpolation.before_get
        return [(name, expand(self, section, name, merged[name], merged))
                for name in names]

    def popitem(self):
        for name in self.sections():
            value = self[name]
            del self[name]
            return name, value
        raise KeyError

    # Changing and writing.

    def _validate_value_types(self, *, section="", option="", value=""):
        if not isinstance(section, str):
            raise TypeError("section names must be strings")
        if not isinstance(option, str):
            raise TypeError("option keys must be strings")
        if not self._allow_no_value or value:
            if not isinstance(value, str):
                raise TypeError("option values must be strings")

    def set(self, section, option, value=None):
        if value:
            value = self._interpolation.before_set(self, section, option, value)
        options = self._options_of(section, NoSectionError)
        options[self.optionxform(option)] = value

    def remove_option(self, section, option):
        options = self._options_of(section, NoSectionError)
        option = self.optionxform(option)
        if option not in options:
            return False
        del options[option]
        return True

    def remove_section(self, section):
        if section not in self._sections:
            return False
        del self._sections[section]
        del self._proxies[section]
        return True

    def write(self, fp, space_around_delimiters=True):
        delimiter = self._delimiters[0]
        if space_around_delimiters:
            delimiter = " %s " % delimiter
        if self._defaults:
            self._write_section(fp, self.default_section,
                                self._defaults.items(), delimiter)
        for section, options in self._sections.items():
            self._write_section(fp, section, options.items(), delimiter)

    def _write_section(self, fp, name, options, delimiter):
        fp.write("[%s]\n" % (name,))
        for key, value in options:
            value = self._interpolation.before_write(self, name, key, value)
            if value is None and self._allow_no_value:
                fp.write("%s\n" % (key,))
            else:
                text = str(value).replace('\n', '\n\t')
                fp.write("%s%s%s\n" % (key, delimiter, text))
        fp.write("\n")

    # The mapping of section names to proxies.

    def __getitem__(self, key):
        if key != self.default_section and not self.has_section(key):
            raise KeyError(key)
        return self._proxies[key]

    def __setitem__(self, key, value):
        if key in self and self[key] is value:
            return
        if key == self.default_section:
            self._defaults.clear()
        elif key in self._sections:
            self._sections[key].clear()
        self.read_dict({key: value})

    def __delitem__(self, key):
        if key == self.default_section:
            raise ValueError("Cannot remove the default section.")
        if not self.has_section(key):
            raise KeyError(key)
        self.remove_section(key)

    def __contains__(self, key):
        return key == self.default_section or self.has_section(key)

    def __len__(self):
        return len(self._sections) + 1

    def __iter__(self):
        return itertools.chain((self.default_section,), self._sections.keys())

    @property
    def converters(self):
        return self._converters


class ConfigParser(RawConfigParser):
    """A RawConfigParser with `%(name)s` interpolation whose sections,
    options and values must be strings."""

    _DEFAULT_INTERPOLATION = BasicInterpolation()

    def set(self, section, option, value=None):
        self._validate_value_types(option=option, value=value)
        super().set(section, option, value)

    def add_section(self, section):
        self._validate_value_types(section=section)
        super().add_section(section)


class SafeConfigParser(ConfigParser):
    """ConfigParser's old name (deprecated)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        warnings.warn(
            "The SafeConfigParser class has been renamed to ConfigParser "
            "in Python 3.2. This alias will be removed in Python 3.12."
            " Use ConfigParser directly instead.",
            DeprecationWarning, stacklevel=2)


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
        if not self._parser.has_option(self._name, key):
            raise KeyError(key)
        return self._parser.get(self._name, key)

    def __setitem__(self, key, value):
        self._parser._validate_value_types(option=key, value=value)
        return self._parser.set(self._name, key, value)

    def __delitem__(self, key):
        if not (self._parser.has_option(self._name, key)
                and self._parser.remove_option(self._name, key)):
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
        if _impl is None:
            _impl = self._parser.get
        return _impl(self._name, option, raw=raw, vars=vars,
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
