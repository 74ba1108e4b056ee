# `logging.config`: configuring logging from a dictionary (dictConfig, the
# schema of version 1). fileConfig and listen are not in towel.

import sys
import logging
import logging.handlers

__all__ = ["dictConfig", "fileConfig", "listen", "stopListening", "valid_ident",
           "DictConfigurator", "BaseConfigurator"]

DEFAULT_LOGGING_CONFIG_PORT = 9030


def fileConfig(fname, defaults=None, disable_existing_loggers=True, encoding=None):
    raise NotImplementedError("logging.config.fileConfig is not implemented in towel (no configparser)")


def listen(port=DEFAULT_LOGGING_CONFIG_PORT, verify=None):
    raise NotImplementedError("logging.config.listen is not implemented in towel")


def stopListening():
    pass


def valid_ident(s):
    if not s.isidentifier():
        raise ValueError("Not a valid Python identifier: %r" % s)
    return True


def _resolve(name):
    """The object a dotted name stands for, importing modules as needed."""
    parts = name.split(".")
    used = parts.pop(0)
    found = __import__(used)
    for part in parts:
        used += "." + part
        try:
            found = getattr(found, part)
        except AttributeError:
            __import__(used)
            found = getattr(found, part)
    return found


class BaseConfigurator:
    """Resolves the 'ext://' (an importable object) and 'cfg://' (another
    part of the configuration) strings of a configuration."""

    value_converters = {"ext": "ext_convert", "cfg": "cfg_convert"}
    importer = staticmethod(__import__)

    def __init__(self, config):
        # A copy: configuring replaces the entries with the objects made.
        self.config = _copy_structure(config)

    def resolve(self, s):
        try:
            return _resolve(s)
        except ImportError as e:
            v = ValueError("Cannot resolve %r: %s" % (s, e))
            raise v from e

    def ext_convert(self, value):
        return self.resolve(value)

    def cfg_convert(self, value):
        """'cfg://handlers.console', 'cfg://items[0]', 'cfg://a.b[key]'."""
        rest = value
        name, sep, rest = _split_word(rest)
        if not name:
            raise ValueError("Unable to convert %r" % value)
        d = self.config[name]
        while rest:
            if rest[0] == ".":
                name, _, rest = _split_word(rest[1:])
                d = d[name]
            elif rest[0] == "[":
                end = rest.find("]")
                if end < 0:
                    raise ValueError("Unable to convert %r at %r" % (value, rest))
                key = rest[1:end]
                rest = rest[end + 1:]
                if key.isdigit():
                    try:
                        d = d[int(key)]
                    except TypeError:
                        d = d[key]
                else:
                    d = d[key]
            else:
                raise ValueError("Unable to convert %r at %r" % (value, rest))
        return d

    def convert(self, value):
        """Resolves 'prefix://suffix' strings; dicts and lists are converted
        where they are read."""
        if isinstance(value, str):
            prefix, sep, suffix = value.partition("://")
            if sep and prefix in self.value_converters and prefix.isidentifier():
                return getattr(self, self.value_converters[prefix])(suffix)
        return value

    def configure_custom(self, config):
        """Calls the factory under '()' with the other keys as keywords,
        then sets the attributes under '.'."""
        config = dict(config)
        factory = config.pop("()")
        if not callable(factory):
            factory = self.resolve(factory)
        props = config.pop(".", None)
        kwargs = {k: self.convert(v) for k, v in config.items() if valid_ident(k)}
        result = factory(**kwargs)
        if props:
            for name, value in props.items():
                setattr(result, name, value)
        return result

    def as_tuple(self, value):
        if isinstance(value, list):
            value = tuple(value)
        return value


def _copy_structure(value):
    if isinstance(value, dict):
        return {k: _copy_structure(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy_structure(v) for v in value]
    return value


def _split_word(text):
    i = 0
    while i < len(text) and (text[i].isalnum() or text[i] == "_"):
        i += 1
    return text[:i], "", text[i:]


class DictConfigurator(BaseConfigurator):
    """Applies a configuration dictionary (version 1 of the schema)."""

    def configure(self):
        config = self.config
        if "version" not in config:
            raise ValueError("dictionary doesn't specify a version")
        if config["version"] != 1:
            raise ValueError("Unsupported version: %s" % config["version"])
        incremental = config.pop("incremental", False)
        with logging._state_lock:
            if incremental:
                self._configure_incrementally(config)
            else:
                self._configure_afresh(config)

    def _configure_incrementally(self, config):
        handlers = config.get("handlers", {})
        for name in handlers:
            if name not in logging._named_handlers:
                raise ValueError("No handler found with name %r" % name)
            try:
                handler = logging._named_handlers[name]
                level = handlers[name].get("level", None)
                if level:
                    handler.setLevel(logging._level_number(level))
            except Exception as e:
                raise ValueError("Unable to configure handler %r" % name) from e
        loggers = config.get("loggers", {})
        for name in loggers:
            try:
                self.configure_logger(name, loggers[name], True)
            except Exception as e:
                raise ValueError("Unable to configure logger %r" % name) from e
        root = config.get("root", None)
        if root:
            try:
                self.configure_root(root, True)
            except Exception as e:
                raise ValueError("Unable to configure root logger") from e

    def _configure_afresh(self, config):
        disable_existing = config.pop("disable_existing_loggers", True)
        _clearExistingHandlers()
        formatters = config.get("formatters", {})
        for name in formatters:
            try:
                formatters[name] = self.configure_formatter(formatters[name])
            except Exception as e:
                raise ValueError("Unable to configure formatter %r" % name) from e
        filters = config.get("filters", {})
        for name in filters:
            try:
                filters[name] = self.configure_filter(filters[name])
            except Exception as e:
                raise ValueError("Unable to configure filter %r" % name) from e
        # Handlers in name order; one whose target is another handler not
        # made yet is tried again after the others.
        handlers = config.get("handlers", {})
        deferred = []
        for name in sorted(handlers):
            try:
                handler = self.configure_handler(handlers[name])
                handler.name = name
                handlers[name] = handler
            except Exception as e:
                if "target not configured yet" in str(e.__cause__):
                    deferred.append(name)
                else:
                    raise ValueError("Unable to configure handler %r" % name) from e
        for name in deferred:
            try:
                handler = self.configure_handler(handlers[name])
                handler.name = name
                handlers[name] = handler
            except Exception as e:
                raise ValueError("Unable to configure handler %r" % name) from e
        root = logging.root
        existing = sorted(root.manager.loggerDict.keys())
        # Loggers named in the configuration stay enabled, and so do their
        # children, which are reset to pass everything up.
        child_loggers = []
        loggers = config.get("loggers", {})
        for name in loggers:
            if name in existing:
                prefix = name + "."
                i = existing.index(name) + 1
                while i < len(existing):
                    if existing[i].startswith(prefix):
                        child_loggers.append(existing[i])
                    i += 1
                existing.remove(name)
            try:
                self.configure_logger(name, loggers[name])
            except Exception as e:
                raise ValueError("Unable to configure logger %r" % name) from e
        _handle_existing_loggers(existing, child_loggers, disable_existing)
        root_config = config.get("root", None)
        if root_config:
            try:
                self.configure_root(root_config)
            except Exception as e:
                raise ValueError("Unable to configure root logger") from e

    def configure_formatter(self, config):
        if "()" in config:
            factory = config["()"]
            try:
                return self.configure_custom(config)
            except TypeError as te:
                if "'format'" not in str(te):
                    raise
                # A factory written for the older 'format' keyword.
                config = dict(config)
                config["fmt"] = config.pop("format")
                config["()"] = factory
                return self.configure_custom(config)
        fmt = config.get("format", None)
        dfmt = config.get("datefmt", None)
        style = config.get("style", "%")
        cname = config.get("class", None)
        defaults = config.get("defaults", None)
        if not cname:
            c = logging.Formatter
        else:
            c = _resolve(cname)
        if "validate" in config:
            kwargs = {"validate": config["validate"]}
        else:
            kwargs = {}
        if defaults is not None:
            kwargs["defaults"] = defaults
        return c(fmt, dfmt, style, **kwargs)

    def configure_filter(self, config):
        if "()" in config:
            return self.configure_custom(config)
        return logging.Filter(config.get("name", ""))

    def add_filters(self, filterer, filters):
        for f in filters:
            try:
                if callable(f) or callable(getattr(f, "filter", None)):
                    filter_ = f
                else:
                    filter_ = self.config["filters"][f]
                filterer.addFilter(filter_)
            except Exception as e:
                raise ValueError("Unable to add filter %r" % f) from e

    def configure_handler(self, config):
        config = dict(config)
        formatter = config.pop("formatter", None)
        if formatter:
            try:
                formatter = self.config["formatters"][formatter]
            except Exception as e:
                raise ValueError("Unable to set formatter %r" % formatter) from e
        level = config.pop("level", None)
        filters = config.pop("filters", None)
        if "()" in config:
            factory = config.pop("()")
            if not callable(factory):
                factory = self.resolve(factory)
        else:
            cname = config.pop("class")
            klass = self.resolve(cname) if isinstance(cname, str) else cname
            if issubclass(klass, logging.handlers.MemoryHandler) and "target" in config:
                try:
                    target = self.config["handlers"][config["target"]]
                    if not isinstance(target, logging.Handler):
                        raise TypeError("target not configured yet")
                    config["target"] = target
                except Exception as e:
                    raise ValueError("Unable to set target handler %r" % config["target"]) from e
            factory = klass
        props = config.pop(".", None)
        kwargs = {k: self.convert(v) for k, v in config.items() if valid_ident(k)}
        try:
            result = factory(**kwargs)
        except TypeError as te:
            if "'stream'" not in str(te):
                raise
            # Handlers written for the older 'strm' keyword.
            kwargs["strm"] = kwargs.pop("stream")
            result = factory(**kwargs)
        if formatter:
            result.setFormatter(formatter)
        if level is not None:
            result.setLevel(logging._level_number(level))
        if filters:
            self.add_filters(result, filters)
        if props:
            for name, value in props.items():
                setattr(result, name, value)
        return result

    def add_handlers(self, logger, handlers):
        for h in handlers:
            try:
                logger.addHandler(self.config["handlers"][h])
            except Exception as e:
                raise ValueError("Unable to add handler %r" % h) from e

    def common_logger_config(self, logger, config, incremental=False):
        level = config.get("level", None)
        if level is not None:
            logger.setLevel(logging._level_number(level))
        if not incremental:
            for h in logger.handlers[:]:
                logger.removeHandler(h)
            handlers = config.get("handlers", None)
            if handlers:
                self.add_handlers(logger, handlers)
            filters = config.get("filters", None)
            if filters:
                self.add_filters(logger, filters)

    def configure_logger(self, name, config, incremental=False):
        logger = logging.getLogger(name)
        self.common_logger_config(logger, config, incremental)
        logger.disabled = False
        propagate = config.get("propagate", None)
        if propagate is not None:
            logger.propagate = propagate

    def configure_root(self, config, incremental=False):
        root = logging.getLogger()
        self.common_logger_config(root, config, incremental)


def _clearExistingHandlers():
    logging._named_handlers.clear()
    logging.shutdown(logging._handler_refs[:])
    del logging._handler_refs[:]


def _handle_existing_loggers(existing, child_loggers, disable_existing):
    root = logging.root
    for name in existing:
        logger = root.manager.loggerDict[name]
        if name in child_loggers:
            if not isinstance(logger, logging.PlaceHolder):
                logger.setLevel(logging.NOTSET)
                logger.handlers = []
                logger.propagate = True
        else:
            logger.disabled = disable_existing


dictConfigClass = DictConfigurator


def dictConfig(config):
    """Configure logging from a dictionary."""
    dictConfigClass(config).configure()
