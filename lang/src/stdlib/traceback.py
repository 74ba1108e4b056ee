# `traceback`: extracting, formatting and printing stack traces with CPython
# 3.11's API. The interpreter knows a traceback's frames with their code
# positions and how an exception's chain is walked, and it formats them: the
# natives (`traceback.rs`) give this module that, so what it prints is what an
# uncaught exception prints. Here live the data classes the API hands out and
# the calling conventions of the public functions.

import sys
import linecache

__all__ = [
    "extract_stack", "extract_tb", "format_exception", "format_exception_only",
    "format_list", "format_stack", "format_tb", "print_exc", "format_exc",
    "print_exception", "print_last", "print_stack", "print_tb", "clear_frames",
    "FrameSummary", "StackSummary", "TracebackException", "walk_stack", "walk_tb",
]


class _Implicit:
    """The default of `value` and `tb` in the exception functions: it tells
    "not given" (the exception is the first argument) from an explicit None."""

    __slots__ = ()

    def __repr__(self):
        return "<implicit>"


_IMPLICIT = _Implicit()


def _emit(lines, file):
    """Writes formatted lines (each ends with its newline) to `file`,
    standard error by default."""
    out = sys.stderr if file is None else file
    for text in lines:
        print(text, file=out, end="")


# --- Frames -----------------------------------------------------------------


class FrameSummary:
    """One frame of a stack trace: where it was and, when asked for, its
    source line. Compares equal to the 4-tuple `(filename, lineno, name,
    line)`, and unpacks as one."""

    __slots__ = ("filename", "lineno", "end_lineno", "colno", "end_colno",
                 "name", "_line", "locals")

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None,
                 line=None, end_lineno=None, colno=None, end_colno=None):
        self.filename, self.lineno, self.name = filename, lineno, name
        self.end_lineno, self.colno, self.end_colno = end_lineno, colno, end_colno
        # `_line` is the raw source line (indentation and newline kept, for
        # the caret markers); None until looked up.
        self._line = line
        self.locals = _repr_values(locals) if locals else None
        if lookup_line:
            self.line

    def _as_tuple(self):
        return (self.filename, self.lineno, self.name, self.line)

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self._as_tuple() == other._as_tuple()
                    and self.locals == other.locals)
        if isinstance(other, tuple):
            return self._as_tuple() == other
        return NotImplemented

    __hash__ = None

    def __getitem__(self, index):
        return self._as_tuple()[index]

    def __iter__(self):
        return iter(self._as_tuple())

    def __len__(self):
        return 4

    def __repr__(self):
        return f"<FrameSummary file {self.filename}, line {self.lineno} in {self.name}>"

    @property
    def line(self):
        """The source line, stripped; read through `linecache` the first
        time when it was not given."""
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = linecache.getline(self.filename, self.lineno)
        return self._line.strip()


def _repr_values(mapping):
    return {name: repr(value) for name, value in mapping.items()}


def _summary_of_frame(frame, lineno, capture_locals, lookup_line):
    code = frame.f_code
    summary = FrameSummary(code.co_filename, lineno, code.co_name, lookup_line=False,
                           locals=frame.f_locals if capture_locals else None)
    if lookup_line:
        # The interpreter's copy of the source first: it knows the lines of
        # its own modules, which `linecache` cannot read from disk.
        summary._line = _frame_line(frame, lineno)
        summary.line
    return summary


def _summary_of_row(row):
    """A summary from the natives' row `(filename, lineno, name, line,
    end_lineno, colno, end_colno, locals)`; locals are reprs already."""
    filename, lineno, name, line, end_lineno, colno, end_colno, local_reprs = row
    summary = FrameSummary(filename, lineno, name, lookup_line=False, line=line,
                           end_lineno=end_lineno, colno=colno, end_colno=end_colno)
    summary.locals = local_reprs
    return summary


def _as_frame_summary(entry):
    if isinstance(entry, FrameSummary):
        return entry
    filename, lineno, name, line = entry
    return FrameSummary(filename, lineno, name, lookup_line=False, line=line)


def _links(first, attr):
    """`first` and each object reached from it through attribute `attr`,
    until None: a traceback's entries (`tb_next`), a stack (`f_back`)."""
    while first is not None:
        yield first
        first = getattr(first, attr)


def walk_stack(f):
    """Yields `(frame, lineno)` from frame `f` outwards. With None, starts at
    the caller of whatever consumes this generator as `StackSummary.extract`
    does (its frame is three above the generator's)."""
    start = sys._getframe(4) if f is None else f
    for frame in _links(start, "f_back"):
        yield frame, frame.f_lineno


def walk_tb(tb):
    """Yields `(frame, lineno)` for each entry of a traceback, outermost
    first."""
    return ((entry.tb_frame, entry.tb_lineno) for entry in _links(tb, "tb_next"))


def _frame_limit(limit):
    """The number of frames to keep (negative: from the end) for a `limit`
    argument, or None for all; `sys.tracebacklimit` is the default."""
    if limit is not None:
        return limit
    default = getattr(sys, "tracebacklimit", None)
    return None if default is None else max(default, 0)


class StackSummary(list):
    """A list of `FrameSummary`, ready to be formatted."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True, capture_locals=False):
        """A summary of the `(frame, lineno)` pairs `frame_gen` yields, such
        as `walk_stack` or `walk_tb` give."""
        summaries = (_summary_of_frame(frame, lineno, capture_locals, lookup_lines)
                     for frame, lineno in frame_gen)
        return klass._first_or_last(summaries, limit)

    @classmethod
    def _first_or_last(klass, summaries, limit):
        # Frames are read only as far as a positive limit needs (a frame
        # generator may be endless); a negative one needs them all.
        keep = _frame_limit(limit)
        if keep is None:
            return klass(summaries)
        if keep >= 0:
            chosen = klass()
            for _, summary in zip(range(keep), summaries):
                chosen.append(summary)
            return chosen
        return klass(list(summaries)[keep:])

    @classmethod
    def from_list(klass, a_list):
        """A summary from `FrameSummary` objects or 4-tuples `(filename,
        lineno, name, line)`; a plain StackSummary even when called on a
        subclass."""
        return StackSummary(map(_as_frame_summary, a_list))

    def format_frame_summary(self, frame_summary):
        """The text for one frame: its `File` line, source line, carets and
        locals. Subclasses override it to change how `format` shows frames
        (returning None leaves a frame out)."""
        return _format_frame(frame_summary)

    def format(self):
        """The frames' texts, with runs of one repeated frame folded into a
        "[Previous line repeated N more times]" line."""
        return _format_stack(self)


def extract_tb(tb, limit=None):
    return StackSummary(map(_summary_of_row, _extract_tb(tb, limit, False)))


def _stack_above(f, limit):
    """The summary of the stack from frame `f` (the caller of the public
    function that calls this, by default), outermost first."""
    frame = sys._getframe(2) if f is None else f
    summary = StackSummary.extract(walk_stack(frame), limit=limit)
    summary.reverse()
    return summary


def extract_stack(f=None, limit=None):
    return _stack_above(f, limit)


def format_stack(f=None, limit=None):
    return _stack_above(f, limit).format()


def print_stack(f=None, limit=None, file=None):
    _emit(_stack_above(f, limit).format(), file)


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    _emit(format_list(extracted_list), file)


def format_tb(tb, limit=None):
    return extract_tb(tb, limit).format()


def print_tb(tb, limit=None, file=None):
    _emit(format_tb(tb, limit), file)


def clear_frames(tb):
    """Clears the locals of each frame of the traceback (a frame still
    running refuses, and is left alone)."""
    for entry in _links(tb, "tb_next"):
        try:
            entry.tb_frame.clear()
        except RuntimeError:
            pass


# --- Exceptions -------------------------------------------------------------

# The attributes a TracebackException copies from a SyntaxError; line
# numbers become strings, as the formatter shows them.
_SYNTAX_FIELDS = ("filename", "lineno", "end_lineno", "text", "offset", "end_offset", "msg")
_NUMBERED_AS_TEXT = {"lineno", "end_lineno"}


class TracebackException:
    """An exception captured for later formatting: its type, text, stack and
    the exceptions chained to it (each a TracebackException), holding no
    reference to the exception or its frames."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 max_group_width=15, max_group_depth=10, _seen=None):
        tree = _report(exc_type, exc_value, exc_traceback, limit, capture_locals, compact)
        self._take_node(tree, lookup_lines, max_group_width, max_group_depth)

    def _take_node(self, node, lookup_lines, max_group_width, max_group_depth):
        """Fills this object from one node of the natives' report tree
        `(exc_type, exc_value, frames, cause, context, members)`."""
        exc_type, value, rows, cause, context, members = node
        self.max_group_width = max_group_width
        self.max_group_depth = max_group_depth
        self.stack = StackSummary(map(_summary_of_row, rows))
        if not lookup_lines:
            for summary in self.stack:
                summary._line = None
        self.exc_type = exc_type
        try:
            self._str = str(value)
        except Exception:
            self._str = "<exception str() failed>"
        self.__notes__ = getattr(value, "__notes__", None)
        if isinstance(exc_type, type) and issubclass(exc_type, SyntaxError):
            for field in _SYNTAX_FIELDS:
                found = getattr(value, field)
                if field in _NUMBERED_AS_TEXT and found is not None:
                    found = str(found)
                setattr(self, field, found)
        self.__suppress_context__ = False if value is None else value.__suppress_context__

        def linked(child):
            if child is None:
                return None
            linked_te = TracebackException.__new__(TracebackException)
            linked_te._take_node(child, lookup_lines, max_group_width, max_group_depth)
            return linked_te

        self.__cause__ = linked(cause)
        self.__context__ = linked(context)
        self.exceptions = None if members is None else [linked(m) for m in members]

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        """Captures `exc` with its own traceback; other arguments as for
        the constructor."""
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def __eq__(self, other):
        if not isinstance(other, TracebackException):
            return NotImplemented
        return vars(self) == vars(other)

    def __str__(self):
        return self._str

    def format(self, *, chain=True, _ctx=None):
        """Yields the lines of the traceback with its chain (unless `chain`
        is false), as the interpreter prints an uncaught exception."""
        yield from _format(self, chain)

    def format_exception_only(self):
        """Yields the exception's own lines: `Type: message`, a SyntaxError's
        source line and caret, its notes."""
        yield from _format_exception_only(self)

    def print(self, *, file=None, chain=True):
        _emit(self.format(chain=chain), file)


def _captured(exc, value, tb, limit=None):
    """A TracebackException from the 3.10 calling forms: the exception alone,
    or the old `(type, value, tb)` triple, whose type is not used."""
    if (value is _IMPLICIT) != (tb is _IMPLICIT):
        raise ValueError("Both or neither of value and tb must be given")
    if value is _IMPLICIT:
        value = exc
        tb = None if exc is None else exc.__traceback__
    return TracebackException(type(value), value, tb, limit=limit, compact=True)


def print_exception(exc, /, value=_IMPLICIT, tb=_IMPLICIT, limit=None, file=None, chain=True):
    _captured(exc, value, tb, limit).print(file=file, chain=chain)


def format_exception(exc, /, value=_IMPLICIT, tb=_IMPLICIT, limit=None, chain=True):
    return list(_captured(exc, value, tb, limit).format(chain=chain))


def format_exception_only(exc, /, value=_IMPLICIT):
    shown = exc if value is _IMPLICIT else value
    return list(_captured(shown, shown, None).format_exception_only())


def _handled(limit):
    """The exception being handled (None outside an `except`), captured."""
    _, value, tb = sys.exc_info()
    return _captured(value, value, tb, limit)


def print_exc(limit=None, file=None, chain=True):
    _handled(limit).print(file=file, chain=chain)


def format_exc(limit=None, chain=True):
    return "".join(_handled(limit).format(chain=chain))


def print_last(limit=None, file=None, chain=True):
    """Prints the exception the interactive interpreter last reported."""
    if not hasattr(sys, "last_type"):
        raise ValueError("no last exception")
    print_exception(sys.last_type, sys.last_value, sys.last_traceback,
                    limit=limit, file=file, chain=chain)
