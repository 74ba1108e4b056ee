# `logging`: named loggers in a dotted hierarchy that pass records to
# handlers, with levels, filters, three formatter styles and basicConfig.
# Written for towel from the library documentation and from what CPython 3.11
# prints; the layout of every line it writes matches CPython's byte for byte.

import sys
import os
import io
import time
import atexit
import weakref
import threading
import traceback
import warnings
import string as _string
import re as _re
from collections.abc import Mapping as _Mapping

__all__ = ["addLevelName", "BASIC_FORMAT", "basicConfig", "BufferingFormatter",
    "captureWarnings", "CRITICAL", "critical", "DEBUG", "debug", "disable", "ERROR",
    "error", "exception", "FATAL", "fatal", "FileHandler", "Filter", "Formatter",
    "getLevelName", "getLevelNamesMapping", "getLogger", "getLoggerClass",
    "getLogRecordFactory", "Handler", "INFO", "info", "lastResort", "log", "Logger",
    "LoggerAdapter", "LogRecord", "makeLogRecord", "NOTSET", "NullHandler",
    "raiseExceptions", "setLoggerClass", "setLogRecordFactory", "shutdown",
    "StreamHandler", "WARN", "warn", "WARNING", "warning"]

# Whether a failure inside a handler is reported on stderr ("--- Logging
# error ---") rather than swallowed; also makes Logger.log check its level.
raiseExceptions = True
logThreads = True
logMultiprocessing = True
logProcesses = True

# When the module was loaded: LogRecord.relativeCreated counts from here.
_LOAD_TIME = time.time()

# One lock guards the module's shared tables (levels, loggers, handler names).
_state_lock = threading.RLock()


# == levels ======================================================================

CRITICAL = 50
FATAL = CRITICAL
ERROR = 40
WARNING = 30
WARN = WARNING
INFO = 20
DEBUG = 10
NOTSET = 0

_names_by_level = {}
_levels_by_name = {}


def addLevelName(level, levelName):
    with _state_lock:
        _names_by_level[level] = levelName
        _levels_by_name[levelName] = level


for _value, _label in ((CRITICAL, "CRITICAL"), (ERROR, "ERROR"), (WARNING, "WARNING"),
                       (INFO, "INFO"), (DEBUG, "DEBUG"), (NOTSET, "NOTSET")):
    addLevelName(_value, _label)
_levels_by_name["FATAL"] = FATAL
_levels_by_name["WARN"] = WARN
del _value, _label


def getLevelNamesMapping():
    return dict(_levels_by_name)


def getLevelName(level):
    # Both directions, as documented: a number gives its name, a registered
    # name gives its number, anything else reads "Level <it>".
    for table in (_names_by_level, _levels_by_name):
        try:
            return table[level]
        except (KeyError, TypeError):
            pass
    return "Level %s" % level


def _level_number(level):
    """The numeric level for an int or a registered level name."""
    if isinstance(level, int):
        return level
    if isinstance(level, str):
        if level not in _levels_by_name:
            raise ValueError("Unknown level: %r" % level)
        return _levels_by_name[level]
    raise TypeError("Level not an integer or a valid string: %r" % (level,))


# == where a call came from =====================================================

def currentframe():
    return sys._getframe(1)


def _this_file():
    return sys._getframe(0).f_code.co_filename


# Frames running this module's code are skipped when naming a record's caller.
_OWN_FILE = _this_file()


def _in_logging_package(filename):
    """Whether code from `filename` is this module's or a submodule's
    (logging.handlers, logging.config)."""
    if filename == _OWN_FILE:
        return True
    stem = _OWN_FILE[:-1] if _OWN_FILE.endswith(">") else os.path.splitext(_OWN_FILE)[0]
    return filename.startswith(stem + ".") or filename.startswith(stem + "_")


def _outside_frames(frame, whole_package=False):
    """The frames from `frame` outwards that are not this module's own (nor,
    with whole_package, its submodules')."""
    while frame is not None:
        name = frame.f_code.co_filename
        internal = _in_logging_package(name) if whole_package else name == _OWN_FILE
        if not internal:
            yield frame
        frame = frame.f_back


def _format_stack_text(frame):
    lines = traceback.format_stack(frame)
    text = "Stack (most recent call last):\n" + "".join(lines)
    return text[:-1] if text.endswith("\n") else text


# == records =====================================================================

def _current_process_name():
    mp = sys.modules.get("multiprocessing")
    if mp is None:
        return "MainProcess"
    try:
        return mp.current_process().name
    except Exception:
        return None


def _source_names(pathname):
    """(filename, module) for a record's pathname."""
    try:
        base = os.path.basename(pathname)
        return base, os.path.splitext(base)[0]
    except (TypeError, ValueError, AttributeError):
        return pathname, "Unknown module"


def _runtime_fields():
    """The thread and process a record is made in (each None when switched off)."""
    thread = threading.current_thread() if logThreads else None
    return {
        "thread": threading.get_ident() if thread else None,
        "threadName": thread.name if thread else None,
        "processName": _current_process_name() if logMultiprocessing else None,
        "process": os.getpid() if logProcesses and hasattr(os, "getpid") else None,
    }


def _time_fields():
    now = time.time()
    whole_ms = (now - int(now)) * 1000
    return {"created": now, "msecs": float(int(whole_ms)),
            "relativeCreated": (now - _LOAD_TIME) * 1000}


def _lone_mapping(args):
    """A single non-empty mapping argument serves "%(key)s" messages itself."""
    if isinstance(args, tuple) and len(args) == 1:
        only = args[0]
        if isinstance(only, _Mapping) and only:
            return only
    return args


class LogRecord:
    """One logged event: who logged what, where and when."""

    def __init__(self, name, level, pathname, lineno, msg, args, exc_info,
                 func=None, sinfo=None, **kwargs):
        filename, module = _source_names(pathname)
        fields = vars(self)
        fields.update(
            name=name, msg=msg, args=_lone_mapping(args),
            levelname=getLevelName(level), levelno=level,
            pathname=pathname, filename=filename, module=module, lineno=lineno,
            funcName=func, exc_info=exc_info, exc_text=None, stack_info=sinfo)
        fields.update(_time_fields())
        fields.update(_runtime_fields())

    def getMessage(self):
        text = str(self.msg)
        return text % self.args if self.args else text

    def __repr__(self):
        shown = (self.name, self.levelno, self.pathname, self.lineno)
        return "<LogRecord: %s, %s, %s, %s, " % shown + '"%s">' % (self.msg,)


_record_factory = LogRecord


def setLogRecordFactory(factory):
    global _record_factory
    _record_factory = factory


def getLogRecordFactory():
    return _record_factory


def makeLogRecord(dict):
    blank = _record_factory(None, None, "", 0, "", (), None, None)
    vars(blank).update(dict)
    return blank


# == formatter styles ============================================================
# A style knows its default format, how to tell whether a format shows the
# time, how to check a format and how to fill it from a record.

# "%(name)" then flags, width, precision and a conversion letter.
_PERCENT_FIELD = _re.compile(
    r"%\(\w+\)[-#0+ ]*(?:\*|[0-9]+)?(?:\.(?:\*|[0-9]+))?[diouxefgcrsa%]", _re.I)
# What may follow ":" in a "{}" field: [[fill]align][sign][#][0][width]
# [grouping][.precision][type], width and precision possibly "{name}".
_BRACE_SPEC = _re.compile(
    r"(?:.?[<>=^])?[-+ ]?#?0?(?:[0-9]+|\{\w+\})?[,_]?(?:\.(?:[0-9]+|\{\w+\}))?[bcdefgnosx%]?",
    _re.I | _re.S)
# A "{}" field name: a key or index, then any number of .attr or [item].
_BRACE_NAME = _re.compile(r"(?:[0-9]+|\w+)(?:\.\w+|\[[^\]]+\])*")


class _RecordFields(dict):
    """A record's attributes, falling back on a formatter's defaults; a name
    found in neither is a ValueError naming it."""

    def __init__(self, record, defaults):
        super().__init__(vars(record))
        self._defaults = defaults or {}

    def __missing__(self, key):
        if key in self._defaults:
            return self._defaults[key]
        raise ValueError("Formatting field not found in record: %r" % (key,))


class PercentStyle:
    default_format = "%(message)s"
    asctime_format = "%(asctime)s"
    asctime_search = "%(asctime)"

    def __init__(self, fmt, *, defaults=None):
        self._fmt = fmt or self.default_format
        self._defaults = defaults

    def usesTime(self):
        return self.asctime_search in self._fmt

    def validate(self):
        problem = self._problem()
        if problem:
            raise ValueError(problem)

    def _problem(self):
        """Why the format is unusable, or None."""
        if _PERCENT_FIELD.search(self._fmt) is None:
            return "Invalid format '%s' for '%%' style" % self._fmt
        return None

    def format(self, record):
        return self._render(_RecordFields(record, self._defaults))

    def _render(self, fields):
        return self._fmt % fields


class StrFormatStyle(PercentStyle):
    default_format = "{message}"
    asctime_format = "{asctime}"
    asctime_search = "{asctime"

    def _render(self, fields):
        try:
            return self._fmt.format_map(fields)
        except KeyError as missing:
            # (towel's format_map turns __missing__'s error into a KeyError)
            raise ValueError("Formatting field not found in record: %s" % missing) from None

    def _problem(self):
        try:
            fields = [piece[1:] for piece in _string.Formatter().parse(self._fmt)
                      if piece[1]]
        except ValueError as err:
            return "invalid format: %s" % err
        problems = [_brace_field_problem(*field) for field in fields] or ["no fields"]
        first = next((p for p in problems if p), None)
        return "invalid format: " + first if first else None


def _brace_field_problem(name, spec, conversion):
    """What is wrong with one "{name!conversion:spec}" field, or None."""
    if not _BRACE_NAME.fullmatch(name):
        return "invalid field name/expression: %r" % name
    if conversion and conversion not in ("r", "s", "a"):
        return "invalid conversion: %r" % conversion
    if spec and not _BRACE_SPEC.fullmatch(spec):
        return "bad specifier: %r" % spec
    return None


def _template_fields(fmt):
    """The names a "$" format substitutes; ValueError for a stray "$"."""
    names = []
    pos = fmt.find("$")
    while pos >= 0:
        rest = fmt[pos + 1:]
        if rest.startswith("$"):
            pos = fmt.find("$", pos + 2)
            continue
        braced = rest.startswith("{")
        match = _re.match(r"[_a-z][_a-z0-9]*", rest[1:] if braced else rest, _re.I | _re.A)
        if match is None or (braced and not rest[1 + match.end():].startswith("}")):
            raise ValueError("invalid format: bare '$' not allowed")
        names.append(match.group())
        pos = fmt.find("$", pos + 1 + match.end() + (2 if braced else 0))
    return names


class StringTemplateStyle(PercentStyle):
    default_format = "${message}"
    asctime_format = "${asctime}"
    asctime_search = "${asctime}"

    def usesTime(self):
        return "$asctime" in self._fmt or self.asctime_search in self._fmt

    def _problem(self):
        try:
            found = _template_fields(self._fmt)
        except ValueError as err:
            return str(err)
        return None if found else "invalid format: no fields"

    def _render(self, fields):
        return _string.Template(self._fmt).substitute(fields)


BASIC_FORMAT = "%(levelname)s:%(name)s:%(message)s"

# style character -> (style class, format basicConfig uses by default)
_STYLES = {
    "%": (PercentStyle, BASIC_FORMAT),
    "{": (StrFormatStyle, "{levelname}:{name}:{message}"),
    "$": (StringTemplateStyle, "${levelname}:${name}:${message}"),
}


def _style_class(style):
    if style not in _STYLES:
        raise ValueError("Style must be one of: %s" % ",".join(_STYLES))
    return _STYLES[style][0]


# == formatters ==================================================================

class Formatter:
    """Turns a record into text: its message, then any exception and stack."""

    converter = staticmethod(time.localtime)
    default_time_format = "%Y-%m-%d %H:%M:%S"
    default_msec_format = "%s,%03d"

    def __init__(self, fmt=None, datefmt=None, style="%", validate=True, *, defaults=None):
        self._style = _style_class(style)(fmt, defaults=defaults)
        if validate:
            self._style.validate()
        self._fmt = self._style._fmt
        self.datefmt = datefmt

    def formatTime(self, record, datefmt=None):
        stamp = self.converter(record.created)
        if datefmt:
            return time.strftime(datefmt, stamp)
        seconds = time.strftime(self.default_time_format, stamp)
        msec_format = self.default_msec_format
        return msec_format % (seconds, record.msecs) if msec_format else seconds

    def format(self, record):
        record.message = record.getMessage()
        if self.usesTime():
            record.asctime = self.formatTime(record, self.datefmt)
        parts = [self.formatMessage(record)]
        if record.exc_info and not record.exc_text:
            # Kept on the record so later handlers need not format it again.
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            parts.append(record.exc_text)
        if record.stack_info:
            parts.append(self.formatStack(record.stack_info))
        text = parts[0]
        for extra in parts[1:]:
            text = (text if text.endswith("\n") else text + "\n") + extra
        return text

    def formatException(self, ei):
        text = "".join(traceback.format_exception(ei[0], ei[1], ei[2]))
        return text[:-1] if text.endswith("\n") else text

    def formatStack(self, stack_info):
        return stack_info

    def usesTime(self):
        return self._style.usesTime()

    def formatMessage(self, record):
        return self._style.format(record)


_defaultFormatter = Formatter()


class BufferingFormatter:
    """Formats a batch of records: a header, each record, a footer."""

    def __init__(self, linefmt=None):
        self.linefmt = linefmt if linefmt else _defaultFormatter

    def formatHeader(self, records):
        return ""

    def formatFooter(self, records):
        return ""

    def format(self, records):
        if not records:
            return ""
        body = "".join(self.linefmt.format(r) for r in records)
        return self.formatHeader(records) + body + self.formatFooter(records)


# == filters =====================================================================

class Filter:
    """Passes records from the logger named `name` and the loggers below it."""

    def __init__(self, name=""):
        self.name = name
        self.nlen = len(name)

    def filter(self, record):
        if not self.name or record.name == self.name:
            return True
        return record.name.startswith(self.name + ".")


class Filterer:
    """Something that holds filters: a record passes if every filter passes it."""

    def __init__(self):
        self.filters = []

    def addFilter(self, filter):
        if filter not in self.filters:
            self.filters.append(filter)

    def removeFilter(self, filter):
        if filter in self.filters:
            self.filters.remove(filter)

    def filter(self, record):
        for item in self.filters:
            check = item.filter if hasattr(item, "filter") else item
            if not check(record):
                return False
        return True


# == handlers ====================================================================

# Handlers by name (Handler.name), and weak references to every handler in
# the order they were made: shutdown() closes them newest first.
_named_handlers = weakref.WeakValueDictionary()
_handler_refs = []


def _forget_handler(ref):
    with _state_lock:
        if ref in _handler_refs:
            _handler_refs.remove(ref)


def _rename_handler(handler, new_name):
    """Move `handler` in the name registry from its current name to `new_name`."""
    with _state_lock:
        current = handler._name
        if current and _named_handlers.get(current) is handler:
            del _named_handlers[current]
        if new_name:
            _named_handlers[new_name] = handler


class _NoLock:
    """What `with handler._guard()` uses when a handler has no lock."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _level_repr(obj, level, detail=""):
    """"<Class detail (LEVEL)>", the shape of handler, logger and adapter reprs."""
    middle = str(detail) + " " if detail else ""
    return "<%s %s(%s)>" % (type(obj).__name__, middle, getLevelName(level))


class Handler(Filterer):
    """Where records go; subclasses say how in emit()."""

    _name = None
    formatter = None
    _closed = False

    def __init__(self, level=NOTSET):
        Filterer.__init__(self)
        self.level = _level_number(level)
        with _state_lock:
            _handler_refs.append(weakref.ref(self, _forget_handler))
        self.createLock()

    def get_name(self):
        return self._name

    def set_name(self, name):
        _rename_handler(self, name)
        self._name = name

    name = property(get_name, set_name)

    def createLock(self):
        self.lock = threading.RLock()

    def _guard(self):
        return self.lock if self.lock is not None else _NoLock()

    def acquire(self):
        self._guard().__enter__()

    def release(self):
        self._guard().__exit__(None, None, None)

    def setLevel(self, level):
        self.level = _level_number(level)

    def setFormatter(self, fmt):
        self.formatter = fmt

    def format(self, record):
        chosen = self.formatter if self.formatter else _defaultFormatter
        return chosen.format(record)

    def emit(self, record):
        raise NotImplementedError("emit must be implemented by Handler subclasses")

    def handle(self, record):
        if not self.filter(record):
            return False
        with self._guard():
            self.emit(record)
        return True

    def flush(self):
        pass

    def close(self):
        self._closed = True
        _rename_handler(self, None)

    def handleError(self, record):
        # Called from an `except` block in emit(): report the exception, the
        # user's stack down to the logging call, and the message that failed.
        if raiseExceptions and sys.stderr is not None:
            _report_logging_error(record, sys.exc_info(), sys._getframe(1))

    def __repr__(self):
        return _level_repr(self, self.level)


class _FailuresReported:
    """`with _FailuresReported(handler, record):` around an emit's work turns
    an exception into handler.handleError(record), as CPython's handlers do;
    a RecursionError (and what is not an Exception) still propagates."""

    __slots__ = ("handler", "record")

    def __init__(self, handler, record):
        self.handler, self.record = handler, record

    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        if kind is None or not issubclass(kind, Exception) or issubclass(kind, RecursionError):
            return False
        self.handler.handleError(self.record)
        return True


def _report_logging_error(record, exc, caller):
    out = sys.stderr
    report = ["--- Logging error ---\n"]
    report.extend(traceback.format_exception(*exc))
    report.append("Call stack:\n")
    start = next(_outside_frames(caller, whole_package=True), None)
    if start is not None:
        report.extend(traceback.format_stack(start))
    try:
        report.append("Message: %r\nArguments: %s\n" % (record.msg, record.args))
    except RecursionError:
        raise
    except Exception:
        report.append("Unable to print the message and arguments - possible "
                      "formatting error.\nUse the traceback above to help find the error.\n")
    try:
        out.write("".join(report))
    except OSError:
        pass


class StreamHandler(Handler):
    """Writes each formatted record and a terminator to a stream."""

    terminator = "\n"

    def __init__(self, stream=None):
        Handler.__init__(self)
        self.stream = stream if stream is not None else sys.stderr

    def _flush_stream(self):
        target = self.stream
        if target is not None and hasattr(target, "flush"):
            target.flush()

    def flush(self):
        with self._guard():
            self._flush_stream()

    def emit(self, record):
        with _FailuresReported(self, record):
            self.stream.write(self.format(record) + self.terminator)
            self.flush()

    def setStream(self, stream):
        if stream is self.stream:
            return None
        with self._guard():
            self._flush_stream()
            previous, self.stream = self.stream, stream
        return previous

    def __repr__(self):
        return _level_repr(self, self.level, getattr(self.stream, "name", ""))


class FileHandler(StreamHandler):
    """A StreamHandler on a file it opens (at once, or at the first record)."""

    def __init__(self, filename, mode="a", encoding=None, delay=False, errors=None):
        if "b" not in mode:
            encoding = io.text_encoding(encoding)
        self.baseFilename = os.path.abspath(os.fspath(filename))
        self.mode, self.encoding, self.errors, self.delay = mode, encoding, errors, delay
        # shutdown() may run while the interpreter tears down builtins.
        self._builtin_open = open
        Handler.__init__(self)
        self.stream = None if delay else self._open()

    def _open(self):
        return self._builtin_open(self.baseFilename, self.mode,
                                  encoding=self.encoding, errors=self.errors)

    def emit(self, record):
        # A closed "w" handler stays closed rather than truncate the file.
        reopen = self.stream is None and not (self._closed and self.mode == "w")
        if reopen:
            self.stream = self._open()
        if self.stream is not None:
            StreamHandler.emit(self, record)

    def close(self):
        with self._guard():
            stream, self.stream = self.stream, None
            try:
                if stream is not None:
                    _flush_then_close(stream)
            finally:
                StreamHandler.close(self)

    def __repr__(self):
        return _level_repr(self, self.level, self.baseFilename)


def _flush_then_close(stream):
    try:
        if hasattr(stream, "flush"):
            stream.flush()
    finally:
        if hasattr(stream, "close"):
            stream.close()


class _StderrHandler(StreamHandler):
    """Last resort: writes to whatever sys.stderr is at the time."""

    def __init__(self, level=NOTSET):
        Handler.__init__(self, level)

    @property
    def stream(self):
        return sys.stderr


_defaultLastResort = _StderrHandler(WARNING)
lastResort = _defaultLastResort


class NullHandler(Handler):
    """Drops every record (for libraries that leave output to the program)."""

    def _ignore(self, *args):
        return None

    handle = emit = _ignore

    def createLock(self):
        self.lock = None


# == loggers =====================================================================

class PlaceHolder:
    """Stands in the registry for a dotted name that has loggers below it but
    no logger of its own yet; `loggerMap` holds those loggers."""

    def __init__(self, alogger):
        self.loggerMap = {alogger: None}

    def append(self, alogger):
        self.loggerMap.setdefault(alogger, None)


def _ancestor_names(name):
    """"a.b.c" -> "a.b", "a": nearest first."""
    cut = name.rfind(".")
    while cut > 0:
        yield name[:cut]
        cut = name.rfind(".", 0, cut)


def _require_logger_class(klass):
    if klass is not Logger and not issubclass(klass, Logger):
        raise TypeError("logger not derived from logging.Logger: " + klass.__name__)


class Manager:
    """The registry of loggers by name, which links each to its parent."""

    disable = 0
    emittedNoHandlerWarning = False
    loggerClass = None
    logRecordFactory = None

    def __init__(self, rootnode):
        self.root, self.loggerDict = rootnode, {}

    def getLogger(self, name):
        if not isinstance(name, str):
            raise TypeError("A logger name must be a string")
        with _state_lock:
            entry = self.loggerDict.get(name)
            return entry if isinstance(entry, Logger) else self._create(name)

    def _create(self, name):
        made = (self.loggerClass or _logger_class)(name)
        made.manager = self
        self.loggerDict[name] = made
        made.parent = self._nearest_ancestor(made)
        # Loggers below it whose parent is above it now hang from it.
        prefix = name + "."
        for other in self.loggerDict.values():
            if (isinstance(other, Logger) and other.name.startswith(prefix)
                    and not other.parent.name.startswith(prefix)):
                other.parent = made
        return made

    def _nearest_ancestor(self, logger):
        # Ancestors with no logger yet get (or keep) a placeholder naming it.
        for ancestor in _ancestor_names(logger.name):
            entry = self.loggerDict.get(ancestor)
            if isinstance(entry, Logger):
                return entry
            if entry is None:
                self.loggerDict[ancestor] = PlaceHolder(logger)
            else:
                entry.append(logger)
        return self.root

    def setLoggerClass(self, klass):
        _require_logger_class(klass)
        self.loggerClass = klass

    def setLogRecordFactory(self, factory):
        self.logRecordFactory = factory


def _add_extra_fields(record, extra):
    """A logging call's `extra` becomes record attributes; it may not replace
    one the record has, nor the two a formatter sets."""
    fields = vars(record)
    for key in extra:
        if key in fields or key in ("message", "asctime"):
            raise KeyError("Attempt to overwrite %r in LogRecord" % (key,))
    fields.update(extra)


def _exc_triple(exc_info):
    """exc_info as given to a logging call -> (type, value, traceback)."""
    if isinstance(exc_info, BaseException):
        return type(exc_info), exc_info, exc_info.__traceback__
    return exc_info if isinstance(exc_info, tuple) else sys.exc_info()


def _level_call(level):
    """Logger.debug, .info, ...: log at a fixed level when it is enabled."""
    def call(self, msg, *args, **kwargs):
        if self.isEnabledFor(level):
            self._log(level, msg, args, **kwargs)
    return call


def _deprecated_warn(kind):
    """The deprecated `warn` spelling of `warning`, for loggers, adapters and the module."""
    def warn(*args, **kwargs):
        warnings.warn("The 'warn' %s is deprecated, use 'warning' instead" % kind,
                      DeprecationWarning, 2)
        head, rest = (args[0].warning, args[1:]) if kind == "method" else (warning, args)
        head(*rest, **kwargs)
    return warn


_LEVEL_CALLS = (("debug", DEBUG), ("info", INFO), ("warning", WARNING),
                ("error", ERROR), ("critical", CRITICAL))


class Logger(Filterer):
    """A named channel: records at or above its effective level go to its
    handlers and, while `propagate` holds, to its ancestors' handlers."""

    parent = None
    propagate = True
    disabled = False

    def __init__(self, name, level=NOTSET):
        Filterer.__init__(self)
        self.name, self.handlers = name, []
        self.setLevel(level)

    def setLevel(self, level):
        self.level = _level_number(level)

    def _lineage(self):
        node = self
        while node is not None:
            yield node
            node = node.parent

    def _propagation_chain(self):
        """This logger, then its ancestors up to the first that stops propagation."""
        for node in self._lineage():
            yield node
            if not node.propagate:
                return

    def getEffectiveLevel(self):
        return next((node.level for node in self._lineage() if node.level), NOTSET)

    def isEnabledFor(self, level):
        if self.disabled or self.manager.disable >= level:
            return False
        return level >= self.getEffectiveLevel()

    warn = _deprecated_warn("method")

    def exception(self, msg, *args, exc_info=True, **kwargs):
        self.error(msg, *args, exc_info=exc_info, **kwargs)

    def log(self, level, msg, *args, **kwargs):
        if isinstance(level, int):
            if self.isEnabledFor(level):
                self._log(level, msg, args, **kwargs)
        elif raiseExceptions:
            raise TypeError("level must be an integer")

    def findCaller(self, stack_info=False, stacklevel=1):
        outside = list(_outside_frames(sys._getframe(0)))
        if not outside:
            return "(unknown file)", 0, "(unknown function)", None
        frame = outside[max(0, min(stacklevel, len(outside)) - 1)]
        code = frame.f_code
        sinfo = _format_stack_text(frame) if stack_info else None
        return code.co_filename, frame.f_lineno, code.co_name, sinfo

    def makeRecord(self, name, level, fn, lno, msg, args, exc_info,
                   func=None, extra=None, sinfo=None):
        record = _record_factory(name, level, fn, lno, msg, args, exc_info, func, sinfo)
        _add_extra_fields(record, extra or {})
        return record

    def _log(self, level, msg, args, exc_info=None, extra=None, stack_info=False,
             stacklevel=1):
        where = self.findCaller(stack_info, stacklevel)
        exc = _exc_triple(exc_info) if exc_info else exc_info
        self.handle(self.makeRecord(self.name, level, where[0], where[1], msg, args,
                                    exc, where[2], extra, where[3]))

    def handle(self, record):
        if not self.disabled and self.filter(record):
            self.callHandlers(record)

    def callHandlers(self, record):
        handlers = [h for node in self._propagation_chain() for h in node.handlers]
        for handler in handlers:
            if record.levelno >= handler.level:
                handler.handle(record)
        if not handlers:
            self._nobody_listening(record)

    def _nobody_listening(self, record):
        if lastResort is not None:
            if record.levelno >= lastResort.level:
                lastResort.handle(record)
        elif raiseExceptions and not self.manager.emittedNoHandlerWarning:
            sys.stderr.write('No handlers could be found for logger "%s"\n' % self.name)
            self.manager.emittedNoHandlerWarning = True

    def addHandler(self, hdlr):
        with _state_lock:
            if hdlr not in self.handlers:
                self.handlers.append(hdlr)

    def removeHandler(self, hdlr):
        with _state_lock:
            if hdlr in self.handlers:
                self.handlers.remove(hdlr)

    def hasHandlers(self):
        return any(node.handlers for node in self._propagation_chain())

    def getChild(self, suffix):
        full = suffix if self is self.root else "%s.%s" % (self.name, suffix)
        return self.manager.getLogger(full)

    def __repr__(self):
        return _level_repr(self, self.getEffectiveLevel(), self.name)

    def __reduce__(self):
        if self.manager.loggerDict.get(self.name) is self:
            return getLogger, (self.name,)
        import pickle
        raise pickle.PicklingError("logger cannot be pickled")


for _method, _level in _LEVEL_CALLS:
    setattr(Logger, _method, _level_call(_level))
Logger.fatal = Logger.critical


class RootLogger(Logger):
    def __init__(self, level):
        Logger.__init__(self, "root", level)

    def __reduce__(self):
        return getLogger, ()


_logger_class = Logger


def setLoggerClass(klass):
    global _logger_class
    _require_logger_class(klass)
    _logger_class = klass


def getLoggerClass():
    return _logger_class


root = RootLogger(WARNING)
Logger.root = root
Logger.manager = Manager(root)


def getLogger(name=None):
    if name and not (isinstance(name, str) and name == root.name):
        return Logger.manager.getLogger(name)
    return root


def _adapter_level_call(level):
    def call(self, msg, *args, **kwargs):
        self.log(level, msg, *args, **kwargs)
    return call


def _to_logger(method):
    """An adapter method that is the wrapped logger's own."""
    def call(self, *args):
        return getattr(self.logger, method)(*args)
    call.__name__ = method
    return call


class LoggerAdapter:
    """Wraps a logger to add context: process() rewrites each call's message
    and keywords (by default it passes `extra`)."""

    def __init__(self, logger, extra=None):
        self.logger, self.extra = logger, extra

    def process(self, msg, kwargs):
        kwargs["extra"] = self.extra
        return msg, kwargs

    def log(self, level, msg, *args, **kwargs):
        if not self.isEnabledFor(level):
            return
        msg, kwargs = self.process(msg, kwargs)
        self.logger.log(level, msg, *args, **kwargs)

    warn = _deprecated_warn("method")

    def exception(self, msg, *args, exc_info=True, **kwargs):
        self.log(ERROR, msg, *args, exc_info=exc_info, **kwargs)

    manager = property(lambda self: self.logger.manager,
                       lambda self, value: setattr(self.logger, "manager", value))
    name = property(lambda self: self.logger.name)

    def __repr__(self):
        return _level_repr(self, self.logger.getEffectiveLevel(), self.logger.name)


for _method, _level in _LEVEL_CALLS:
    setattr(LoggerAdapter, _method, _adapter_level_call(_level))
for _method in ("isEnabledFor", "setLevel", "getEffectiveLevel", "hasHandlers"):
    setattr(LoggerAdapter, _method, _to_logger(_method))
del _method, _level


# == configuration and module-level calls ========================================

def basicConfig(**kwargs):
    with _state_lock:
        if kwargs.pop("force", False):
            for old in root.handlers[:]:
                root.removeHandler(old)
                old.close()
        if root.handlers:
            return
        given = kwargs.pop("handlers", None)
        if given is None:
            if "stream" in kwargs and "filename" in kwargs:
                raise ValueError("'stream' and 'filename' should not be specified together")
        elif "stream" in kwargs or "filename" in kwargs:
            raise ValueError("'stream' or 'filename' should not be specified together "
                             "with 'handlers'")
        style = kwargs.pop("style", "%")
        _style_class(style)
        filename = kwargs.pop("filename", None)
        mode = kwargs.pop("filemode", "a")
        encoding = kwargs.pop("encoding", None)
        errors = kwargs.pop("errors", None)
        stream = kwargs.pop("stream", None)
        if given is None:
            if filename:
                if errors is None and "b" not in mode:
                    errors = "backslashreplace"
                given = [FileHandler(filename, mode, encoding=encoding, errors=errors)]
            else:
                given = [StreamHandler(stream)]
        formatter = Formatter(kwargs.pop("format", _STYLES[style][1]),
                              kwargs.pop("datefmt", None), style)
        for handler in given:
            if handler.formatter is None:
                handler.setFormatter(formatter)
            root.addHandler(handler)
        level = kwargs.pop("level", None)
        if level is not None:
            root.setLevel(level)
        if kwargs:
            raise ValueError("Unrecognised argument(s): %s" % ", ".join(kwargs))


def _root_call(method_name):
    """A module-level logging call: configures the root logger on first use."""
    def call(*args, **kwargs):
        if not root.handlers:
            basicConfig()
        getattr(root, method_name)(*args, **kwargs)
    call.__name__ = call.__qualname__ = method_name
    return call


debug, info, warning, error, critical, exception, log = (
    _root_call(name) for name in
    ("debug", "info", "warning", "error", "critical", "exception", "log"))
fatal = critical
warn = _deprecated_warn("function")


def disable(level=CRITICAL):
    root.manager.disable = _level_number(level)


def _close_for_exit(handler):
    with handler._guard():
        try:
            handler.flush()
            handler.close()
        except (OSError, ValueError):
            # Its stream may be closed already (by the program or at exit).
            pass


def shutdown(handlerList=_handler_refs):
    # Newest handler first, so a handler flushing into another finds it open.
    alive = [ref() for ref in handlerList[::-1]]
    for handler in alive:
        if handler is None:
            continue
        try:
            _close_for_exit(handler)
        except:
            if raiseExceptions:
                raise


atexit.register(shutdown)


# == warnings through logging ====================================================

_original_showwarning = None


def _warning_to_log(message, category, filename, lineno, file=None, line=None):
    if file is not None:
        if _original_showwarning is not None:
            _original_showwarning(message, category, filename, lineno, file, line)
        return
    text = warnings.formatwarning(message, category, filename, lineno, line)
    target = getLogger("py.warnings")
    if not target.handlers:
        target.addHandler(NullHandler())
    target.warning("%s", text)


def captureWarnings(capture):
    global _original_showwarning
    capturing = _original_showwarning is not None
    if bool(capture) == capturing:
        return
    if capturing:
        warnings.showwarning, _original_showwarning = _original_showwarning, None
    else:
        _original_showwarning, warnings.showwarning = warnings.showwarning, _warning_to_log
