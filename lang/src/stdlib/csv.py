# `csv`: reading and writing CSV files. The reader, the writer and the
# dialect registry are native (`_csv`, csv.rs); the dialect classes,
# DictReader, DictWriter and Sniffer are here.
#
# Sniffer's design. A dialect is guessed from two kinds of evidence. First,
# quoted fields: a scanner finds fields that open with a quote after a
# delimiter-like character (or at a line start) and close with the same
# quote before a delimiter (or the line end); the most frequent quote and
# delimiter win. Failing that, regularity: the character that occurs the
# same number of times on (nearly) every line of the first lines is the
# delimiter. has_header compares the first row with the kinds of the cells
# below it (numbers of one type, or strings of one length).

from _csv import (Error, __version__, writer, reader, register_dialect,
                  unregister_dialect, get_dialect, list_dialects,
                  field_size_limit, QUOTE_MINIMAL, QUOTE_ALL,
                  QUOTE_NONNUMERIC, QUOTE_NONE)
from _csv import Dialect as _Dialect
from io import StringIO

__doc__ = """CSV parsing and writing.

Reads and writes comma-separated values and their many variants (dialects):
csv.reader and csv.writer take a dialect name or object and formatting
keywords; DictReader and DictWriter map rows to dicts; Sniffer guesses a
dialect from a sample."""

__all__ = ["QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE", "Error", "Dialect", "__doc__",
           "excel", "excel_tab", "field_size_limit", "reader", "writer", "register_dialect", "get_dialect",
           "list_dialects", "Sniffer", "unregister_dialect", "__version__", "DictReader", "DictWriter", "unix_dialect"]


class Dialect:
    """The formatting parameters of a CSV variant, as class attributes.

Subclass it and set delimiter, quotechar, escapechar, doublequote,
skipinitialspace, lineterminator and quoting; instances check them."""

    _name = ""
    _valid = False
    delimiter = quotechar = escapechar = doublequote = skipinitialspace = lineterminator = quoting = None

    def __init__(self):
        if type(self) is not Dialect:
            self._valid = True
        # The native dialect checks every parameter; its TypeError is a csv.Error here.
        try:
            _Dialect(self)
        except TypeError as problem:
            raise Error(str(problem))


def _fixed_dialect(name, registered_as, base=Dialect, **settings):
    cls = type(name, (base,), {"__module__": __name__, "__doc__": f"The {registered_as!r} dialect.", **settings})
    register_dialect(registered_as, cls)
    return cls


excel = _fixed_dialect("excel", "excel", delimiter=",", quotechar='"', doublequote=True, skipinitialspace=False,
                       lineterminator="\r\n", quoting=QUOTE_MINIMAL)
excel_tab = _fixed_dialect("excel_tab", "excel-tab", excel, delimiter="\t")
unix_dialect = _fixed_dialect("unix_dialect", "unix", delimiter=",", quotechar='"', doublequote=True,
                              skipinitialspace=False, lineterminator="\n", quoting=QUOTE_ALL)


class DictReader:
    """Reads rows as dicts keyed by fieldnames (by default the first row)."""

    def __init__(self, f, fieldnames=None, restkey=None, restval=None, dialect="excel", *args, **kwds):
        self.restkey, self.restval = restkey, restval
        self.dialect = dialect
        self.reader = reader(f, dialect, *args, **kwds)
        self.line_num = 0
        self._fieldnames = fieldnames

    def __iter__(self):
        return self

    def _advance(self):
        # The reader's next row, with line_num kept in step.
        row = next(self.reader)
        self.line_num = self.reader.line_num
        return row

    def _names(self):
        # The header row is read on first need (None for an empty file).
        if self._fieldnames is None:
            try:
                self._fieldnames = self._advance()
            except StopIteration:
                pass
        return self._fieldnames

    fieldnames = property(_names, lambda self, names: setattr(self, "_fieldnames", names))

    def __next__(self):
        names = self._names()
        row = self._advance()
        while not row:
            row = self._advance()
        record = dict(zip(names, row))
        if row[len(names):]:
            record[self.restkey] = row[len(names):]
        record.update(dict.fromkeys(names[len(row):], self.restval))
        return record


class DictWriter:
    """Writes dicts as rows, in the order of fieldnames."""

    def __init__(self, f, fieldnames, restval="", extrasaction="raise", dialect="excel", *args, **kwds):
        if extrasaction.lower() not in ("raise", "ignore"):
            raise ValueError(f"extrasaction ({extrasaction}) must be 'raise' or 'ignore'")
        self.fieldnames = fieldnames
        self.restval = restval
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds)

    def writeheader(self):
        return self.writerow({name: name for name in self.fieldnames})

    def _row(self, rowdict):
        if self.extrasaction == "raise":
            unknown = set(rowdict).difference(self.fieldnames)
            if unknown:
                raise ValueError("dict contains fields not in fieldnames: " + ", ".join(map(repr, unknown)))
        return [rowdict.get(name, self.restval) for name in self.fieldnames]

    def writerow(self, rowdict):
        return self.writer.writerow(self._row(rowdict))

    def writerows(self, rowdicts):
        return self.writer.writerows(self._row(rowdict) for rowdict in rowdicts)


# -- Sniffer: quoted fields as evidence ---------------------------------------------

_QUOTES = "\"'"
_QUOTE_CHARS = ('"', "'")  # a tuple, so that "" (past the end) is no member


def _delimiter_like(char):
    # What may separate fields: not a word character, a newline or a quote.
    return not (char.isalnum() or char == "_") and char != "\n" and char not in _QUOTES


def _opening(data, at, after_delimiter):
    # Where a quoted field opening at `at` has its quote, with the delimiter
    # and space before it: (quote index, delimiter, space) or None.
    if after_delimiter:
        if not _delimiter_like(data[at]):
            return None
        if data[at + 1:at + 2] == " " and data[at + 2:at + 3] in _QUOTE_CHARS:
            return at + 2, data[at], " "
        if data[at + 1:at + 2] in _QUOTE_CHARS:
            return at + 1, data[at], ""
        return None
    if data[at] in _QUOTES and (at == 0 or data[at - 1] == "\n"):
        return at, None, None
    if data[at] == "\n" and data[at + 1:at + 2] in _QUOTE_CHARS:
        return at + 1, None, None
    return None


def _closing(data, quote_at, delimiter, before):
    # The first matching quote after quote_at that is followed by what
    # `before` asks for: the opening delimiter ("same"), any delimiter-like
    # character and an optional space ("delimiter"), or the line's end
    # ("line"). Returns (end of the field's match, delimiter, space) or None.
    quote = data[quote_at]
    at = data.find(quote, quote_at + 1)
    while at >= 0:
        after = data[at + 1:at + 2]
        if before == "same" and after == delimiter:
            return at + 2, delimiter, None
        if before == "delimiter" and after and _delimiter_like(after):
            space = " " if data[at + 2:at + 3] == " " else ""
            return at + 2 + len(space), after, space
        if before == "line" and after in ("", "\n"):
            return at + 1, None, None
        at = data.find(quote, at + 1)
    return None


# The shapes of quoted field looked for, most telling first: between two
# equal delimiters, opening a line, closing a line, a whole line.
_FIELD_SHAPES = ((True, "same"), (False, "delimiter"), (True, "line"), (False, "line"))


def _quoted_fields(data):
    # (quote, delimiter or None, space or None) of each quoted field of the
    # first shape that occurs at all, scanning left to right without overlap.
    for after_delimiter, before in _FIELD_SHAPES:
        fields = []
        at = 0
        while at < len(data):
            opened = _opening(data, at, after_delimiter)
            closed = opened and _closing(data, opened[0], opened[1], before)
            if not closed:
                at += 1
                continue
            quote_at, opening_delimiter, opening_space = opened
            end, closing_delimiter, closing_space = closed
            if after_delimiter:
                fields.append((data[quote_at], opening_delimiter, opening_space))
            else:
                fields.append((data[quote_at], closing_delimiter, closing_space))
            at = end
        if fields:
            return fields
    return []


def _most_common(counts):
    # The key counted most often; the first seen wins a tie.
    return max(counts, key=counts.get)


def _doubled_quotes(data, delimiter, quote):
    # Whether some field (lines split at the delimiter) holds a quote
    # doubled inside quotes: three quotes, with only non-word characters
    # before the first and after the last.
    for line in data.split("\n"):
        for field in (line.split(delimiter) if delimiter else [line]):
            first, last = field.find(quote), field.rfind(quote)
            if first < 0 or field.count(quote) < 3:
                continue
            outside = field[:first] + field[last + 1:]
            if not any(char.isalnum() or char == "_" for char in outside):
                return True
    return False


def _quote_evidence(data, delimiters):
    # (quotechar, doublequote, delimiter, skipinitialspace) from quoted fields.
    quotes, found_delimiters, spaced = {}, {}, 0
    for quote, delimiter, space in _quoted_fields(data):
        quotes[quote] = quotes.get(quote, 0) + 1
        if delimiter and (delimiters is None or delimiter in delimiters):
            found_delimiters[delimiter] = found_delimiters.get(delimiter, 0) + 1
        spaced += space == " "
    if not quotes:
        return "", False, None, 0
    quote = _most_common(quotes)
    if found_delimiters:
        delimiter = _most_common(found_delimiters)
        skip_space = found_delimiters[delimiter] == spaced
    else:
        delimiter, skip_space = "", 0
    return quote, _doubled_quotes(data, delimiter, quote), delimiter, skip_space


# -- Sniffer: regular characters as evidence ---------------------------------------------

def _regularity(lines, char):
    # (modal count, lines at that count minus lines at any other) of char
    # over lines; the first count seen wins a tie for the mode.
    tally = {}
    for line in lines:
        count = line.count(char)
        tally[count] = tally.get(count, 0) + 1
    mode = _most_common(tally)
    return mode, 2 * tally[mode] - len(lines)


def _regular_characters(lines, delimiters):
    # The ASCII characters at their best regularity over lines: agreeing on
    # more than 90% of them, within the same hundredth as the best.
    scores = {}
    for char in map(chr, range(127)):
        if delimiters is not None and char not in delimiters:
            continue
        mode, agreeing = _regularity(lines, char)
        if mode > 0 and agreeing > 0 and agreeing / len(lines) > 0.9:
            scores[char] = (mode, agreeing)
    if not scores:
        return {}
    best = max(agreeing for _, agreeing in scores.values()) / len(lines)
    floor = int(best * 100 + 1e-9) / 100
    return {char: score for char, score in scores.items() if score[1] / len(lines) >= floor - 1e-9}


class Sniffer:
    """Guesses the dialect of a CSV sample, and whether it has a header row."""

    def __init__(self):
        # Delimiters that win, in this order, when several fit equally.
        self.preferred = [",", "\t", ";", " ", ":"]

    def sniff(self, sample, delimiters=None):
        """The dialect (a Dialect subclass) that sample seems to be written in."""
        quotechar, doublequote, delimiter, skipinitialspace = _quote_evidence(sample, delimiters)
        if not delimiter:
            delimiter, skipinitialspace = self._regular_delimiter(sample, delimiters)
        if not delimiter:
            raise Error("Could not determine delimiter")
        found = {"delimiter": delimiter, "quotechar": quotechar or '"', "doublequote": doublequote,
                 "skipinitialspace": skipinitialspace}
        # A new class each time, named as CPython names its local class.
        return type("dialect", (Dialect,), {"__module__": __name__, "__qualname__": "Sniffer.sniff.<locals>.dialect",
                                            "_name": "sniffed", "lineterminator": "\r\n",
                                            "quoting": QUOTE_MINIMAL, **found})

    def _regular_delimiter(self, sample, delimiters):
        # Judge the first ten non-empty lines, widening by ten lines while no
        # character qualifies; the first lines where any does decide.
        lines = [line for line in sample.split("\n") if line]
        step = min(10, len(lines))
        found = {}
        for seen in range(step, len(lines) + step, step or 1):
            found = _regular_characters(lines[:seen], delimiters)
            if found:
                break
        if not found:
            return "", 0
        choice = next((char for char in self.preferred if char in found), None) if len(found) > 1 else None
        if choice is None:
            choice = max(found, key=lambda char: (found[char], char))
        return choice, lines[0].count(choice) == lines[0].count(choice + " ")

    def has_header(self, sample):
        """Whether the first row of sample looks like column titles: its
cells differ in kind from the cells below them."""
        rows = reader(StringIO(sample), self.sniff(sample))
        header = next(rows)
        kinds = dict.fromkeys(range(len(header)))
        for checked, row in enumerate(rows):
            if checked > 20:
                break
            if len(row) != len(header):
                continue
            for column in list(kinds):
                kind = _cell_kind(row[column])
                if kinds[column] is None:
                    kinds[column] = kind
                elif kinds[column] != kind:
                    del kinds[column]
        votes = sum(_header_vote(header[column], kind) for column, kind in kinds.items())
        return votes > 0


def _cell_kind(text):
    # A cell is a number (anything complex() reads, ints and floats too) or
    # a string of its length.
    try:
        complex(text)
    except (ValueError, OverflowError):
        return len(text)
    return complex


def _header_vote(title, kind):
    # +1 when a header cell does not fit its column's kind, else -1. A
    # column with no kind (no full-width row below) counts for a header.
    if type(kind) is int:
        return 1 if len(title) != kind else -1
    try:
        kind(title)
    except (ValueError, TypeError):
        return 1
    return -1
