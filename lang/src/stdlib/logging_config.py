# `logging.config`: configuring logging from a dictionary (dictConfig, schema
# version 1) or an INI file (fileConfig). Written for towel from the library
# documentation and CPython 3.11's observed behaviour, error messages
# included. listen needs a socket server, which is not written yet.

import os
import re
import sys
import logging
import logging.handlers

__all__ = ["dictConfig", "fileConfig", "listen", "stopListening", "valid_ident",
           "DictConfigurator", "BaseConfigurator"]

DEFAULT_LOGGING_CONFIG_PORT = 9030


def fileConfig(fname, defaults=None, disable_existing_loggers=True, encoding=None):
    """Configure logging from the [formatters], [handlers] and [loggers]
    sections of an INI file (a name, a file object or a ConfigParser)."""
    import configparser
    if isinstance(fname, configparser.RawConfigParser):
        parser = fname
    else:
        if isinstance(fname, str):
            if not os.path.exists(fname):
                raise FileNotFoundError(f"{fname} doesn't exist")
            if not os.path.getsize(fname):
                raise RuntimeError(f"{fname} is an empty file")
        parser = configparser.ConfigParser(defaults)
        try:
            if hasattr(fname, "readline"):
                parser.read_file(fname)
            else:
                parser.read(fname, encoding=encoding)
        except configparser.ParsingError as failure:
            raise RuntimeError(f"{fname} is invalid: {failure}")
    formatters = _file_formatters(parser)
    _close_every_handler()
    handlers = _file_handlers(parser, formatters)
    _file_loggers(parser, handlers, disable_existing_loggers)


def _file_names(parser, section):
    """The comma-separated names of a section's `keys` option."""
    return _file_names_of(parser[section]["keys"])


def _file_formatters(parser):
    made = {}
    for name in _file_names(parser, "formatters"):
        section = parser["formatter_" + name]
        kind = section.get("class")
        kind = _import_dotted(kind) if kind else logging.Formatter
        made[name] = kind(section.get("format", raw=True, fallback=None),
                          section.get("datefmt", raw=True, fallback=None),
                          section.get("style", raw=True, fallback="%"))
    return made


def _file_handlers(parser, formatters):
    """Handlers built from `class`, `args` and `kwargs` (expressions in
    logging's namespace); a MemoryHandler's `target` is set once all exist."""
    made, targets = {}, []
    for name in _file_names(parser, "handlers"):
        section = parser["handler_" + name]
        kind = section["class"]
        try:
            kind = eval(kind, vars(logging))
        except (AttributeError, NameError):
            kind = _import_dotted(kind)
        args = eval(section.get("args", "()"), vars(logging))
        kwargs = eval(section.get("kwargs", "{}"), vars(logging))
        handler = kind(*args, **kwargs)
        handler.name = name
        if "level" in section:
            handler.setLevel(section["level"])
        formatter = section.get("formatter", "")
        if formatter:
            handler.setFormatter(formatters[formatter])
        if issubclass(kind, logging.handlers.MemoryHandler):
            target = section.get("target", "")
            if target:
                targets.append((handler, target))
        made[name] = handler
    for handler, target in targets:
        handler.setTarget(made[target])
    return made


def _file_loggers(parser, handlers, disable_existing):
    names = _file_names(parser, "loggers")
    names.remove("root")
    _file_logger_setup(logging.root, parser["logger_root"], handlers)
    known_before = sorted(logging.root.manager.loggerDict)
    configured = []
    for name in names:
        section = parser["logger_" + name]
        qualname = section["qualname"]
        logger = logging.getLogger(qualname)
        logger.propagate = section.getint("propagate", fallback=1)
        _file_logger_setup(logger, section, handlers)
        logger.disabled = False
        configured.append(qualname)
    _settle_unconfigured(known_before, configured, disable_existing)


def _file_logger_setup(logger, section, handlers):
    if "level" in section:
        logger.setLevel(section["level"])
    for handler in logger.handlers[:]:
        logger.removeHandler(handler)
    for name in _file_names_of(section.get("handlers", "")):
        logger.addHandler(handlers[name])


def _file_names_of(text):
    return [name.strip() for name in text.split(",")] if text else []


def listen(port=DEFAULT_LOGGING_CONFIG_PORT, verify=None):
    raise NotImplementedError("logging.config.listen is not implemented in towel")


def stopListening():
    # Nothing can be listening (see listen).
    return None


_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def valid_ident(s):
    if _IDENTIFIER.fullmatch(s) is None:
        raise ValueError("Not a valid Python identifier: %r" % s)
    return True


def _import_dotted(name, importer=__import__):
    """The object a dotted name denotes, importing submodules on the way."""
    parts = name.split(".")
    found = importer(parts[0])
    for depth in range(1, len(parts)):
        if not hasattr(found, parts[depth]):
            # Perhaps a submodule nobody has imported yet.
            importer(".".join(parts[:depth + 1]))
        found = getattr(found, parts[depth])
    return found


def _copy_containers(value):
    """A copy of the dicts, lists and tuples in `value`, so configuring never
    changes the caller's dictionary."""
    if isinstance(value, dict):
        return {key: _copy_containers(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_copy_containers(item) for item in value)
    return value


# "prefix://rest" strings name something outside the dictionary (ext://) or
# another place inside it (cfg://).
_CONVERTIBLE = re.compile(r"(?P<prefix>[a-z]+)://(?P<suffix>.*)", re.S)
# A cfg:// path: a key, then ".key" or "[key]" steps.
_PATH_HEAD = re.compile(r"\s*(\w+)\s*")
_PATH_STEP = re.compile(r"\.(\w+)|\[\s*(\w+)\s*\]\s*")


class BaseConfigurator:
    """Conversion of configuration values: ext:// and cfg:// strings, dotted
    names, and "()" factories."""

    value_converters = {"ext": "ext_convert", "cfg": "cfg_convert"}
    importer = staticmethod(__import__)

    def __init__(self, config):
        self.config = _copy_containers(config)

    def resolve(self, s):
        try:
            return _import_dotted(s, self.importer)
        except ImportError as failure:
            raise ValueError("Cannot resolve %r: %s" % (s, failure)) from failure

    def ext_convert(self, value):
        return self.resolve(value)

    def cfg_convert(self, value):
        head = _PATH_HEAD.match(value)
        if head is None:
            raise ValueError("Unable to convert %r" % value)
        found = self.config[head.group(1)]
        rest = value[head.end():]
        while rest:
            step = _PATH_STEP.match(rest)
            if step is None:
                raise ValueError("Unable to convert %r at %r" % (value, rest))
            key, index = step.groups()
            found = found[key] if key is not None else _subscript(found, index)
            rest = rest[step.end():]
        return self.convert(found)

    def convert(self, value):
        if isinstance(value, str):
            spelled = _CONVERTIBLE.fullmatch(value)
            method = spelled and self.value_converters.get(spelled.group("prefix"))
            return getattr(self, method)(spelled.group("suffix")) if method else value
        if isinstance(value, dict):
            return {key: self.convert(item) for key, item in value.items()}
        if isinstance(value, (list, tuple)):
            return type(value)(self.convert(item) for item in value)
        return value

    def configure_custom(self, config):
        factory = config["()"]
        if not callable(factory):
            factory = self.resolve(factory)
        made = factory(**self._keyword_arguments(config, ("()", ".")))
        self._set_properties(made, config)
        return made

    def as_tuple(self, value):
        return tuple(value) if isinstance(value, list) else value

    def _keyword_arguments(self, config, reserved):
        kwargs = {}
        for key, item in config.items():
            if key not in reserved and valid_ident(key):
                kwargs[key] = self.convert(item)
        return kwargs

    def _set_properties(self, target, config):
        # "." maps attribute names to values set on the object once it is made.
        for attribute, item in (config.get(".") or {}).items():
            setattr(target, attribute, self.convert(item))


def _subscript(container, token):
    """container[token] for a cfg:// "[token]": a number where one works."""
    if token.isdigit():
        try:
            return container[int(token)]
        except TypeError:
            pass
    return container[token]


def _configure_each(kind, names, build):
    """Build every named part; a failure names the part it happened in."""
    for name in names:
        try:
            build(name)
        except Exception as failure:
            raise ValueError("Unable to configure %s %r" % (kind, name)) from failure


class DictConfigurator(BaseConfigurator):
    """Applies a configuration dictionary (schema version 1) to logging."""

    def configure(self):
        config = self.config
        if "version" not in config:
            raise ValueError("dictionary doesn't specify a version")
        if config["version"] != 1:
            raise ValueError("Unsupported version: %s" % config["version"])
        self._formatters, self._filters, self._handlers = {}, {}, {}
        with logging._state_lock:
            if config.get("incremental", False):
                self._adjust(config)
            else:
                self._replace(config)

    # -- the two modes --

    def _adjust(self, config):
        """incremental: change the levels (and propagation) of what exists."""
        for name, settings in config.get("handlers", {}).items():
            handler = logging._named_handlers.get(name)
            if handler is None:
                raise ValueError("No handler found with name %r" % name)
            if "level" in settings:
                try:
                    handler.setLevel(logging._level_number(self.convert(settings["level"])))
                except Exception as failure:
                    raise ValueError("Unable to configure handler %r" % name) from failure
        self._configure_loggers(config, incremental=True)

    def _replace(self, config):
        """A full configuration: every existing handler is closed first, and
        loggers the dictionary leaves out are (by default) disabled."""
        _close_every_handler()
        formatters = config.get("formatters", {})
        _configure_each("formatter", formatters, lambda name: self._keep(
            self._formatters, name, self.configure_formatter(formatters[name])))
        filters = config.get("filters", {})
        _configure_each("filter", filters, lambda name: self._keep(
            self._filters, name, self.configure_filter(filters[name])))
        handlers = config.get("handlers", {})
        _configure_each("handler", self._handler_order(handlers), lambda name: self._keep(
            self._handlers, name, self.configure_handler(handlers[name])))
        known_before = sorted(logging.root.manager.loggerDict)
        self._configure_loggers(config, incremental=False)
        _settle_unconfigured(known_before, list(config.get("loggers", {})),
                             config.get("disable_existing_loggers", True))

    def _configure_loggers(self, config, incremental):
        loggers = config.get("loggers", {})
        _configure_each("logger", loggers, lambda name: self.configure_logger(
            name, loggers[name], incremental))
        if "root" in config:
            try:
                self.configure_root(config["root"], incremental)
            except Exception as failure:
                raise ValueError("Unable to configure root logger") from failure

    # -- formatters, filters, handlers --

    def configure_formatter(self, config):
        if "()" in config:
            return self.configure_custom(config)
        kind = config.get("class")
        kind = _import_dotted(kind) if kind else logging.Formatter
        # (3.11 passes no `defaults` from this form of formatter entry.)
        arguments = [self.convert(config.get("format")), self.convert(config.get("datefmt")),
                     self.convert(config.get("style", "%"))]
        if "validate" in config:
            arguments.append(self.convert(config["validate"]))
        return kind(*arguments)

    def configure_filter(self, config):
        if "()" in config:
            return self.configure_custom(config)
        return logging.Filter(self.convert(config.get("name", "")))

    def add_filters(self, filterer, filters):
        for name in filters:
            if name not in self._filters:
                raise ValueError("Unable to add filter %r" % name)
            filterer.addFilter(self._filters[name])

    @staticmethod
    def _keep(table, name, made):
        if isinstance(made, logging.Handler):
            made.name = name
        table[name] = made

    def _handler_order(self, handlers):
        """Names in sorted order, except that a handler whose `target` is a
        handler of this dictionary sorting after it waits until the end."""
        ready, waiting = [], []
        for name in sorted(handlers):
            target = handlers[name].get("target")
            later = isinstance(target, str) and target in handlers and target not in ready
            (waiting if later else ready).append(name)
        return ready + waiting

    def configure_handler(self, config):
        special = ("()", "class", "formatter", "level", "filters", ".")
        if "()" in config:
            factory = config["()"]
            if not callable(factory):
                factory = self.resolve(factory)
        else:
            factory = self.resolve(config.get("class"))
        kwargs = self._keyword_arguments(config, special)
        if isinstance(factory, type) and issubclass(factory, logging.handlers.MemoryHandler):
            target = config.get("target")
            if target is not None:
                if target not in self._handlers:
                    raise ValueError("Unable to set target handler %r" % target)
                kwargs["target"] = self._handlers[target]
        handler = factory(**kwargs)
        self._set_properties(handler, config)
        if "formatter" in config:
            chosen = config["formatter"]
            if chosen not in self._formatters:
                raise ValueError("Unable to set formatter %r" % chosen)
            handler.setFormatter(self._formatters[chosen])
        if "level" in config:
            handler.setLevel(logging._level_number(self.convert(config["level"])))
        self.add_filters(handler, config.get("filters", ()))
        return handler

    # -- loggers --

    def add_handlers(self, logger, handlers):
        for name in handlers:
            if name not in self._handlers:
                raise ValueError("Unable to add handler %r" % name)
            logger.addHandler(self._handlers[name])

    def common_logger_config(self, logger, config, incremental=False):
        if "level" in config:
            logger.setLevel(logging._level_number(self.convert(config["level"])))
        if incremental:
            return
        for handler in logger.handlers[:]:
            logger.removeHandler(handler)
        self.add_handlers(logger, config.get("handlers", ()))
        self.add_filters(logger, config.get("filters", ()))

    def configure_logger(self, name, config, incremental=False):
        logger = logging.getLogger(name)
        self.common_logger_config(logger, config, incremental)
        logger.disabled = False
        if config.get("propagate") is not None:
            logger.propagate = self.convert(config["propagate"])

    def configure_root(self, config, incremental=False):
        self.common_logger_config(logging.root, config, incremental)


def _close_every_handler():
    """Flush and close every handler logging knows of, attached or not."""
    logging._named_handlers.clear()
    doomed = logging._handler_refs[:]
    del logging._handler_refs[:]
    logging.shutdown(doomed)


def _settle_unconfigured(known_before, configured, disable):
    """Loggers that existed before and that the dictionary did not name: those
    below a configured name that existed too start afresh (level, handlers,
    propagation); the others are disabled or enabled as asked."""
    registry = logging.root.manager.loggerDict
    configured = set(configured)
    prefixes = tuple(name + "." for name in configured if name in known_before)
    for name in known_before:
        logger = registry.get(name)
        if name in configured or not isinstance(logger, logging.Logger):
            continue
        if prefixes and name.startswith(prefixes):
            logger.setLevel(logging.NOTSET)
            logger.handlers = []
            logger.propagate = True
        else:
            logger.disabled = disable


dictConfigClass = DictConfigurator


def dictConfig(config):
    dictConfigClass(config).configure()
