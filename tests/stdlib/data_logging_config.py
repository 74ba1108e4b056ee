# logging.config.dictConfig: formatters, filters, handlers (ext:// streams, a
# MemoryHandler's target), loggers and root, incremental changes, disabling
# existing loggers, and the errors; QueueHandler and QueueListener.handle.
import logging, logging.config, logging.handlers, sys, os

class ListQueue:
    def __init__(self): self.items = []
    def put_nowait(self, x): self.items.append(x)
    def get_nowait(self): return self.items.pop(0)

config = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "brief": {"format": "%(levelname)s %(name)s: %(message)s"},
        "curly": {"format": "{name} | {message}", "style": "{"},
        "custom": {"()": "logging.Formatter", "fmt": ">> %(message)s"},
    },
    "filters": {"only_db": {"name": "app.db"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "brief", "level": "DEBUG", "stream": "ext://sys.stdout"},
        "curly_out": {"class": "logging.StreamHandler", "formatter": "curly", "stream": "ext://sys.stdout", "filters": ["only_db"]},
        "mem": {"class": "logging.handlers.MemoryHandler", "capacity": 10, "target": "console", "formatter": "custom"},
    },
    "loggers": {
        "app": {"level": "INFO", "handlers": ["console"], "propagate": False},
        "app.db": {"handlers": ["curly_out"]},
        "buffered": {"handlers": ["mem"], "level": "DEBUG", "propagate": False},
    },
    "root": {"level": "WARNING", "handlers": ["console"]},
}
old = logging.getLogger("old.logger")
logging.config.dictConfig(config)
print(sorted(config["handlers"]), type(config["formatters"]["brief"]).__name__)
logging.getLogger("app").debug("hidden"); logging.getLogger("app").info("app info")
logging.getLogger("app.db").warning("db warning"); logging.getLogger("app.web").error("web error")
logging.warning("root warning"); old.warning("old logger still enabled")
b = logging.getLogger("buffered"); b.info("one"); b.info("two"); print("nothing flushed yet"); b.error("flush now")
print([type(h).__name__ for h in logging.getLogger("app").handlers], logging.getLogger("app.db").handlers[0].name, logging.root.level)
logging.config.dictConfig({"version": 1, "handlers": {"h": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout"}}, "root": {"handlers": ["h"], "level": "DEBUG"}})
print(old.disabled, logging.getLogger("app").disabled); logging.debug("reconfigured root")
logging.config.dictConfig({"version": 1, "incremental": True, "root": {"level": "ERROR"}}); logging.warning("not shown"); logging.error("shown")
for bad in [{}, {"version": 2}, {"version": 1, "handlers": {"x": {"class": "logging.Nope"}}}, {"version": 1, "formatters": {"f": {"format": "%(x", "style": "?"}}},
            {"version": 1, "loggers": {"a": {"level": "LOUD"}}}, {"version": 1, "handlers": {"h": {"class": "logging.StreamHandler", "formatter": "missing"}}},
            {"version": 1, "root": {"handlers": ["nope"]}}, {"version": 1, "incremental": True, "handlers": {"zz": {}}}]:
    try:
        logging.config.dictConfig(bad); print("ok")
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e, "<-", repr(e.__cause__))
logging.config.dictConfig({"version": 1, "handlers": {"h": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "f"}},
    "formatters": {"f": {"format": "%(levelname)s [%(name)s] %(message)s"}}, "root": {"handlers": ["h"], "level": "INFO"}, "loggers": {"x": {"handlers": ["cfg://handlers.h"] if False else ["h"], "propagate": False}}})
logging.getLogger("x").info("via x")
q = ListQueue(); qh = logging.handlers.QueueHandler(q); ql = logging.getLogger("queued"); ql.addHandler(qh); ql.propagate = False
ql.warning("to the queue %s", "arg")
rec = q.get_nowait(); print(rec.msg, rec.args, rec.getMessage(), rec.levelname)
listener = logging.handlers.QueueListener(q, logging.StreamHandler(sys.stdout)); listener.handle(rec)
