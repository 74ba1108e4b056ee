# The script-level half of `warnings`: filters, showwarning/formatwarning and
# catch_warnings (`warn` itself is native, to know its caller's line).

import sys

__all__ = ["warn", "showwarning", "formatwarning", "filterwarnings", "simplefilter", "resetwarnings", "catch_warnings"]

# (action, message prefix, category, module, lineno), first match wins.
filters = []
defaultaction = "default"
onceregistry = {}
_registry = {}
_DEFAULT_IGNORED = (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning)


# Source lines of warning sites, as CPython reads them through linecache.
_source_lines = {}


def formatwarning(message, category, filename, lineno, line=None):
    s = f"{filename}:{lineno}: {category.__name__}: {message}\n"
    if line is None:
        line = _source_lines.get((filename, lineno))
    if line is None:
        import linecache
        line = linecache.getline(filename, lineno)
    if line:
        s += f"  {line.strip()}\n"
    return s


def _showwarnmsg_impl(msg):
    file = msg.file if msg.file is not None else sys.stderr
    text = formatwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.line)
    if msg._about_object:
        # A warning about an object (a coroutine never awaited): CPython
        # would show where it was allocated if tracemalloc were tracing.
        text += f"{msg.category.__name__}: Enable tracemalloc to get the object allocation traceback\n"
    try:
        file.write(text)
    except OSError:
        pass


def showwarning(message, category, filename, lineno, file=None, line=None):
    _showwarnmsg_impl(WarningMessage(message, category, filename, lineno, file, line))


_default_showwarning = showwarning


class WarningMessage:
    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file", "line", "source")

    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None
        self._about_object = source is not None

    def __str__(self):
        return f"{{message : {self.message!r}, category : {self._category_name!r}, filename : {self.filename!r}, lineno : {self.lineno}, line : {self.line!r}}}"


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    if action not in ("error", "ignore", "always", "default", "module", "once"):
        raise ValueError(f"invalid action: {action!r}")
    item = (action, message.lower(), category, module, lineno)
    if item in filters:
        filters.remove(item)
    if append:
        filters.append(item)
    else:
        filters.insert(0, item)


def simplefilter(action, category=Warning, lineno=0, append=False):
    filterwarnings(action, "", category, "", lineno, append)


def resetwarnings():
    filters[:] = []


def _action_for(text, category, module, lineno):
    for action, msg, cat, mod, ln in filters:
        if text.lower().startswith(msg) and issubclass(category, cat) and (not mod or module == mod) and (not ln or ln == lineno):
            return action
    if issubclass(category, _DEFAULT_IGNORED) and not (issubclass(category, DeprecationWarning) and module == "__main__"):
        return "ignore"
    return defaultaction


def _warn_impl(message, category, filename, lineno, line, module=None, about_object=False, remember=True):
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError(f"category must be a Warning subclass, not '{type(category).__name__}'")
    text = str(message)
    if module is None:
        main = sys.modules.get("__main__") if hasattr(sys, "modules") else None
        module = "__main__" if main is None or getattr(main, "__file__", None) in (filename, None) else filename
    action = _action_for(text, category, module, lineno)
    if action == "ignore":
        return
    if action == "error":
        if isinstance(message, Warning):
            raise message
        raise category(message)
    key = (text, category, lineno)
    if action == "once":
        if (text, category) in onceregistry:
            return
        onceregistry[(text, category)] = 1
    elif action == "module" and remember:
        if (text, category, filename) in _registry:
            return
        _registry[(text, category, filename)] = 1
    elif action == "default" and remember:
        if (filename, key) in _registry:
            return
        _registry[(filename, key)] = 1
    _source_lines[(filename, lineno)] = line
    msg = WarningMessage(message if isinstance(message, Warning) else category(message), category, filename, lineno, None, None)
    msg._about_object = about_object
    if _recorder is not None:
        _recorder.append(msg)
        return
    if showwarning is not _default_showwarning:
        showwarning(msg.message, category, filename, lineno, None, None)
    else:
        _showwarnmsg_impl(msg)


def _warn_unawaited(message, filename, lineno, line):
    """The "coroutine ... was never awaited" warning; the coroutine itself
    is gone by now, so no `source` object comes with it."""
    _warn_impl(message, RuntimeWarning, filename, lineno, line, about_object=True)


def warn_explicit(message, category, filename, lineno, module=None, registry=None, module_globals=None, source=None):
    """A warning said to come from `filename`:`lineno` (and `module`,
    which defaults to the file name without `.py`), through the filters."""
    lineno = int(lineno)
    if module is None:
        module = filename or "<unknown>"
        if module[-3:].lower() == ".py":
            module = module[:-3]
    # Without a registry nothing is remembered: "default" shows every time,
    # as CPython's compiler warnings do.
    return _warn_impl(message, category, filename, lineno, None, module, remember=registry is not None)


_recorder = None


class catch_warnings:
    def __init__(self, *, record=False, module=None, action=None, category=Warning, lineno=0, append=False):
        self._record = record
        self._entered = False
        self._filter = (action, category, lineno, append) if action is not None else None

    def __repr__(self):
        args = []
        if self._record:
            args.append("record=True")
        return f"{type(self).__name__}({', '.join(args)})"

    def __enter__(self):
        global _recorder, _registry
        if self._entered:
            raise RuntimeError(f"Cannot enter {self!r} twice")
        self._entered = True
        self._filters = filters[:]
        self._registry = _registry
        self._recorder = _recorder
        _registry = {}
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []
            _recorder = log
            return log
        return None

    def __exit__(self, *exc_info):
        global _recorder, _registry
        if not self._entered:
            raise RuntimeError(f"Cannot exit {self!r} without entering first")
        filters[:] = self._filters
        _registry = self._registry
        _recorder = self._recorder


# -W options and PYTHONWARNINGS (`sys.warnoptions`): each is
# action:message:category:module:lineno, applied in order, so the last
# one wins, as in CPython.
class _OptionError(Exception):
    pass


def _option_action(action):
    if not action:
        return "default"
    for name in ("default", "always", "ignore", "module", "once", "error"):
        if name.startswith(action):
            return name
    raise _OptionError(f"invalid action: {action!r}")


def _option_category(category):
    if not category:
        return Warning
    if "." in category:
        module_name, _, name = category.rpartition(".")
        try:
            module = __import__(module_name, None, None, [name])
        except ImportError:
            raise _OptionError(f"invalid module name: {module_name!r}") from None
    else:
        import builtins as module
        name = category
    try:
        found = getattr(module, name)
    except AttributeError:
        raise _OptionError(f"unknown warning category: {category!r}") from None
    if not (isinstance(found, type) and issubclass(found, Warning)):
        raise _OptionError(f"invalid warning category: {category!r}")
    return found


def _apply_option(arg):
    parts = arg.split(":")
    if len(parts) > 5:
        raise _OptionError(f"too many fields (max 5): {arg!r}")
    parts += [""] * (5 - len(parts))
    action, message, category, module, lineno = [s.strip() for s in parts]
    if lineno:
        try:
            lineno = int(lineno)
        except ValueError:
            lineno = -1
        if lineno < 0:
            raise _OptionError(f"invalid lineno {parts[4]!r}") from None
    else:
        lineno = 0
    filterwarnings(_option_action(action), message, _option_category(category), module, lineno)


def _process_options(args):
    for arg in args:
        try:
            _apply_option(arg)
        except _OptionError as error:
            print("Invalid -W option ignored:", error, file=sys.stderr)


_process_options(sys.warnoptions)
