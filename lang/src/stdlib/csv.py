# `csv`: reading and writing CSV files. The reader, the writer and the
# dialect registry are native (`_csv`, csv.rs); the dialect classes,
# DictReader, DictWriter and Sniffer are here. Sniffer's patterns, regular
# expressions in CPython, are matched by hand.

from _csv import (Error, __version__, writer, reader, register_dialect,
                  unregister_dialect, get_dialect, list_dialects,
                  field_size_limit, QUOTE_MINIMAL, QUOTE_ALL,
                  QUOTE_NONNUMERIC, QUOTE_NONE)
from _csv import Dialect as _Dialect
from io import StringIO

__all__ = ["QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE",
           "Error", "Dialect", "__doc__", "excel", "excel_tab",
           "field_size_limit", "reader", "writer",
           "register_dialect", "get_dialect", "list_dialects", "Sniffer",
           "unregister_dialect", "__version__", "DictReader", "DictWriter",
           "unix_dialect"]


class Dialect:
    """The formatting parameters of a kind of CSV file, as class attributes;
    subclasses are checked when they are instantiated."""

    _name = ""
    _valid = False
    delimiter = None
    quotechar = None
    escapechar = None
    doublequote = None
    skipinitialspace = None
    lineterminator = None
    quoting = None

    def __init__(self):
        if self.__class__ != Dialect:
            self._valid = True
        self._validate()

    def _validate(self):
        try:
            _Dialect(self)
        except TypeError as e:
            raise Error(str(e))


class excel(Dialect):
    """The usual properties of an Excel-generated CSV file."""
    delimiter = ","
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\r\n"
    quoting = QUOTE_MINIMAL


register_dialect("excel", excel)


class excel_tab(excel):
    """The usual properties of an Excel-generated TAB-delimited file."""
    delimiter = "\t"


register_dialect("excel-tab", excel_tab)


class unix_dialect(Dialect):
    """The usual properties of a CSV file made on UNIX systems."""
    delimiter = ","
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\n"
    quoting = QUOTE_ALL


register_dialect("unix", unix_dialect)


class DictReader:
    """Reads rows as dicts keyed by `fieldnames` (by default, the first row)."""

    def __init__(self, f, fieldnames=None, restkey=None, restval=None, dialect="excel", *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self._fieldnames = fieldnames
        self.restkey = restkey
        self.restval = restval
        self.reader = reader(f, dialect, *args, **kwds)
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            try:
                self._fieldnames = next(self.reader)
            except StopIteration:
                pass
        self.line_num = self.reader.line_num
        return self._fieldnames

    @fieldnames.setter
    def fieldnames(self, value):
        self._fieldnames = value

    def __next__(self):
        if self.line_num == 0:
            # Reads the header row now.
            self.fieldnames
        row = next(self.reader)
        self.line_num = self.reader.line_num
        # Blank lines are skipped.
        while row == []:
            row = next(self.reader)
        names = self.fieldnames
        d = dict(zip(names, row))
        if len(names) < len(row):
            d[self.restkey] = row[len(names):]
        elif len(names) > len(row):
            for key in names[len(row):]:
                d[key] = self.restval
        return d


class DictWriter:
    """Writes dicts as rows with the columns of `fieldnames`."""

    def __init__(self, f, fieldnames, restval="", extrasaction="raise", dialect="excel", *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self.fieldnames = fieldnames
        self.restval = restval
        if extrasaction.lower() not in ("raise", "ignore"):
            raise ValueError("extrasaction (%s) must be 'raise' or 'ignore'" % extrasaction)
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds)

    def writeheader(self):
        header = dict(zip(self.fieldnames, self.fieldnames))
        return self.writerow(header)

    def _dict_to_list(self, rowdict):
        if self.extrasaction == "raise":
            wrong_fields = set(rowdict.keys()).difference(self.fieldnames)
            if wrong_fields:
                raise ValueError("dict contains fields not in fieldnames: "
                                 + ", ".join([repr(x) for x in wrong_fields]))
        return (rowdict.get(key, self.restval) for key in self.fieldnames)

    def writerow(self, rowdict):
        return self.writer.writerow(self._dict_to_list(rowdict))

    def writerows(self, rowdicts):
        return self.writer.writerows(map(self._dict_to_list, rowdicts))


# -- Sniffer -----------------------------------------------------------------------

_QUOTES = "\"'"


def _is_word(c):
    return c.isalnum() or c == "_"


def _delimiter_candidate(c):
    """A character that may separate fields: not a word character, a newline
    or a quote (CPython's [^\\w\\n"'])."""
    return not _is_word(c) and c != "\n" and c not in _QUOTES


def _at_line_start(data, i):
    return i == 0 or data[i - 1] == "\n"


def _at_line_end(data, i):
    return i == len(data) or data[i] == "\n"


def _quoted_after_delimiter(data, i, ends_line):
    """At `i`: a delimiter, an optional space, then a quoted run that ends
    with the quote followed by the same delimiter (or, when `ends_line`, by
    the end of a line). (delim, space, quote, end) or None."""
    d = data[i]
    if not _delimiter_candidate(d):
        return None
    for space in ((" ", "") if data[i + 1:i + 2] == " " else ("",)):
        q_pos = i + 1 + len(space)
        if q_pos < len(data) and data[q_pos] in _QUOTES:
            q = data[q_pos]
            k = data.find(q, q_pos + 1)
            while k >= 0:
                if ends_line and _at_line_end(data, k + 1):
                    return d, space, q, k + 1
                if not ends_line and data[k + 1:k + 2] == d:
                    return d, space, q, k + 2
                k = data.find(q, k + 1)
    return None


def _quoted_at_line_start(data, i, ends_line):
    """At `i` (a line start, or a newline before one): a quoted run that ends
    with the quote followed by a delimiter and an optional space (or, when
    `ends_line`, by the end of a line). (quote, delim, space, end) or None."""
    starts = []
    if _at_line_start(data, i):
        starts.append(i)
    if data[i] == "\n":
        starts.append(i + 1)
    for q_pos in starts:
        if q_pos < len(data) and data[q_pos] in _QUOTES:
            q = data[q_pos]
            k = data.find(q, q_pos + 1)
            while k >= 0:
                if ends_line:
                    if _at_line_end(data, k + 1):
                        return q, "", "", k + 1
                elif k + 1 < len(data) and _delimiter_candidate(data[k + 1]):
                    space = " " if data[k + 2:k + 3] == " " else ""
                    return q, data[k + 1], space, k + 2 + len(space)
                k = data.find(q, k + 1)
    return None


def _find_all(data, match):
    """Every non-overlapping match, scanning left to right."""
    found = []
    i = 0
    while i < len(data):
        m = match(data, i)
        if m is None:
            i += 1
        else:
            found.append(m[:-1])
            i = m[-1] if m[-1] > i else i + 1
    return found


def _three_quotes_between(data, delim, quote):
    """CPython's test for doubled quotes: somewhere, between two delimiters
    (or line ends), non-word characters, then three quote characters with no
    delimiter or newline between them."""
    def rest_matches(pos):
        # \W* Q [^D\n]* Q [^D\n]* Q \W* (D | $), with backtracking.
        def after_quotes(p, quotes_left):
            if quotes_left == 0:
                end = p
                while end < len(data) and not _is_word(data[end]):
                    end += 1
                for stop in range(end, p - 1, -1):
                    if not delim or data[stop:stop + 1] == delim or _at_line_end(data, stop):
                        return True
                return False
            end = p
            while end < len(data) and data[end] != "\n" and (not delim or data[end] != delim):
                end += 1
            for q in range(end, p - 1, -1):
                if data[q:q + 1] == quote and after_quotes(q + 1, quotes_left - 1):
                    return True
            return False

        end = pos
        while end < len(data) and not _is_word(data[end]):
            end += 1
        for q in range(end, pos - 1, -1):
            if data[q:q + 1] == quote and after_quotes(q + 1, 2):
                return True
        return False

    for start in range(len(data) + 1):
        if delim and data[start:start + 1] == delim and rest_matches(start + 1):
            return True
        if (not delim or _at_line_start(data, start)) and rest_matches(start):
            return True
    return False


def _complex_available():
    try:
        complex("1")
    except (NameError, TypeError):
        return False
    return True


_HAVE_COMPLEX = _complex_available()


def _parses_as_complex(text):
    """Raises ValueError unless complex(text) would work."""
    if _HAVE_COMPLEX:
        complex(text)
        return
    # Without complex numbers: a real number, or a+bj / bj forms.
    s = text.strip()
    if s.startswith("(") and s.endswith(")"):
        s = s[1:-1].strip()
    try:
        float(s)
        return
    except ValueError:
        pass
    if s[-1:] in ("j", "J"):
        body = s[:-1]
        if body in ("", "+", "-"):
            return
        for i in range(len(body) - 1, 0, -1):
            if body[i] in "+-" and body[i - 1] not in "eE":
                float(body[:i])
                float(body[i:] if body[i + 1:] else body[i] + "1")
                return
        float(body)
        return
    raise ValueError("complex() arg is a malformed string")


class Sniffer:
    """Guesses the dialect of a CSV sample, and whether it has a header."""

    def __init__(self):
        self.preferred = [",", "\t", ";", " ", ":"]

    def sniff(self, sample, delimiters=None):
        quotechar, doublequote, delimiter, skipinitialspace = \
            self._guess_quote_and_delimiter(sample, delimiters)
        if not delimiter:
            delimiter, skipinitialspace = self._guess_delimiter(sample, delimiters)
        if not delimiter:
            raise Error("Could not determine delimiter")

        class dialect(Dialect):
            _name = "sniffed"
            lineterminator = "\r\n"
            quoting = QUOTE_MINIMAL

        dialect.doublequote = doublequote
        dialect.delimiter = delimiter
        dialect.quotechar = quotechar or '"'
        dialect.skipinitialspace = skipinitialspace
        return dialect

    def _guess_quote_and_delimiter(self, data, delimiters):
        """Looks for quoted fields next to delimiters: the quote and the
        delimiter found most often win."""
        patterns = [
            # ,".*?",
            lambda d, i: _quoted_after_delimiter(d, i, False),
            #  ".*?",
            lambda d, i: (lambda m: m and (m[1], m[2], m[0], m[3]))(_quoted_at_line_start(d, i, False)),
            # ,".*?"
            lambda d, i: _quoted_after_delimiter(d, i, True),
            #  ".*?" (no delimiter, no space)
            lambda d, i: (lambda m: m and (None, None, m[0], m[3]))(_quoted_at_line_start(d, i, True)),
        ]
        matches = []
        for number, pattern in enumerate(patterns):
            matches = _find_all(data, pattern)
            if matches:
                break
        if not matches:
            return "", False, None, 0
        quotes = {}
        delims = {}
        spaces = 0
        for delim, space, quote in matches:
            if quote:
                quotes[quote] = quotes.get(quote, 0) + 1
            if number == 3:
                continue
            if delim and (delimiters is None or delim in delimiters):
                delims[delim] = delims.get(delim, 0) + 1
            if space:
                spaces += 1
        quotechar = max(quotes, key=quotes.get)
        if delims:
            delim = max(delims, key=delims.get)
            skipinitialspace = delims[delim] == spaces
            if delim == "\n":
                delim = ""
        else:
            delim = ""
            skipinitialspace = 0
        doublequote = _three_quotes_between(data, delim, quotechar)
        return quotechar, doublequote, delim, skipinitialspace

    def _guess_delimiter(self, data, delimiters):
        """The character whose count per line is most consistent, over
        chunks of ten lines."""
        data = [line for line in data.split("\n") if line]
        ascii = [chr(c) for c in range(127)]
        chunk_length = min(10, len(data))
        iteration = 0
        char_frequency = {}
        modes = {}
        delims = {}
        start, end = 0, chunk_length
        while start < len(data):
            iteration += 1
            for line in data[start:end]:
                for char in ascii:
                    frequencies = char_frequency.get(char, {})
                    freq = line.count(char)
                    frequencies[freq] = frequencies.get(freq, 0) + 1
                    char_frequency[char] = frequencies
            for char in char_frequency.keys():
                items = list(char_frequency[char].items())
                if len(items) == 1 and items[0][0] == 0:
                    continue
                if len(items) > 1:
                    mode = max(items, key=lambda x: x[1])
                    items.remove(mode)
                    modes[char] = (mode[0], mode[1] - sum(item[1] for item in items))
                else:
                    modes[char] = items[0]
            total = float(min(chunk_length * iteration, len(data)))
            consistency = 1.0
            threshold = 0.9
            while len(delims) == 0 and consistency >= threshold:
                for k, v in modes.items():
                    if v[0] > 0 and v[1] > 0:
                        if (v[1] / total) >= consistency and (delimiters is None or k in delimiters):
                            delims[k] = v
                consistency -= 0.01
            if len(delims) == 1:
                delim = list(delims.keys())[0]
                skipinitialspace = data[0].count(delim) == data[0].count("%c " % delim)
                return delim, skipinitialspace
            start = end
            end += chunk_length
        if not delims:
            return "", 0
        if len(delims) > 1:
            for d in self.preferred:
                if d in delims.keys():
                    skipinitialspace = data[0].count(d) == data[0].count("%c " % d)
                    return d, skipinitialspace
        items = sorted((v, k) for (k, v) in delims.items())
        delim = items[-1][1]
        skipinitialspace = data[0].count(delim) == data[0].count("%c " % delim)
        return delim, skipinitialspace

    def has_header(self, sample):
        """Guesses whether the first row is a header: its cells differ in
        type or length from the columns below."""
        rdr = reader(StringIO(sample), self.sniff(sample))
        header = next(rdr)
        columns = len(header)
        column_types = {i: None for i in range(columns)}
        checked = 0
        for row in rdr:
            if checked > 20:
                break
            checked += 1
            if len(row) != columns:
                continue
            for col in list(column_types.keys()):
                # A number marks the column numeric; else its length is its type.
                try:
                    _parses_as_complex(row[col])
                    this_type = _parses_as_complex
                except (ValueError, OverflowError):
                    this_type = len(row[col])
                if this_type != column_types[col]:
                    if column_types[col] is None:
                        column_types[col] = this_type
                    else:
                        del column_types[col]
        has_header = 0
        for col, col_type in column_types.items():
            if type(col_type) == type(0):
                if len(header[col]) != col_type:
                    has_header += 1
                else:
                    has_header -= 1
            elif col_type is None:
                # A column with no rows to compare counts for a header.
                has_header += 1
            else:
                try:
                    _parses_as_complex(header[col])
                except (ValueError, TypeError):
                    has_header += 1
                else:
                    has_header -= 1
        return has_header > 0
