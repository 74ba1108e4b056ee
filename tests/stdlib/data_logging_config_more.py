# logging.config.dictConfig beyond the basics: the errors (and their causes)
# for each section, which existing loggers are disabled, reset or re-enabled,
# every handler closed on a full configuration, "()" factories and "."
# properties, ext:// and cfg:// values, handler order with a MemoryHandler
# target, incremental changes; BaseConfigurator's conversions and resolve.
import logging, logging.config as C, logging.handlers, sys, io

def attempt(cfg):
    try:
        C.dictConfig(cfg); print("ok")
    except Exception as e:
        print(type(e).__name__, e, "<-", repr(e.__cause__))

plain = {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "f", "level": "INFO"}
cfg = {"version": 1, "formatters": {"f": {"format": "%(message)s"}}, "handlers": {"h": plain}, "root": {"handlers": ["h"]}}
C.dictConfig(cfg); print(plain, cfg["formatters"], type(cfg["handlers"]["h"]).__name__)
for bad in [
    {"version": 1, "handlers": {"h": {"class": "logging.StreamHandler", "level": "LOUD"}}},
    {"version": 1, "handlers": {"h": {"class": "logging.StreamHandler", "bogus": 1}}},
    {"version": 1, "handlers": {"h": {}}},
    {"version": 1, "handlers": {"h": {"class": "nosuchmod.X"}}},
    {"version": 1, "handlers": {"h": {"class": "logging.StreamHandler", "filters": ["nf"]}}},
    {"version": 1, "handlers": {"h": {"class": "logging.StreamHandler", "stream": "ext://sys.nope"}}},
    {"version": 1, "handlers": {"h": {"class": "logging.handlers.MemoryHandler", "capacity": 1, "target": "missing"}}},
    {"version": 1, "handlers": {"h": {"class": "logging.StreamHandler", "1bad": 1}}},
    {"version": 1, "handlers": {"h": {"()": "logging.StreamHandler", "1bad": 1}}},
    {"version": 1, "formatters": {"f": {"format": "%(x"}}},
    {"version": 1, "formatters": {"f": {"format": "{x", "style": "{"}}},
    {"version": 1, "formatters": {"f": {"class": "nope.Nope"}}},
    {"version": 1, "formatters": {"f": {"()": "nope.Nope"}}},
    {"version": 1, "formatters": {"f": {"format": "x", "bogus": 1}}},
    {"version": 1, "filters": {"f": {"()": "nope.Nope"}}},
    {"version": 1, "filters": {"f": {"bogus": 1}}},
    {"version": 1, "loggers": {"a": {"handlers": ["nope"]}}},
    {"version": 1, "loggers": {"a": {"filters": ["nope"]}}},
    {"version": 1, "root": {"level": 3.5}},
    {"version": 1, "loggers": {"a": {"level": "LOUD"}}, "root": {"level": "LOUD"}},
    {"version": 1, "handlers": {"h": {"class": "logging.StreamHandler", "level": "LOUD"}}, "formatters": {"f": {"format": "%(x"}}},
    {"version": 1, "handlers": {"h": {"class": "logging.StreamHandler", "filters": ["f"]}}, "filters": {"f": {"()": "x.y"}}},
    {"version": 1, "incremental": True, "loggers": {"a": {"level": "LOUD"}}},
    {"version": 1, "incremental": True, "root": {"level": "LOUD"}},
    {"version": 1, "incremental": True, "handlers": {"h": {"level": "LOUD"}}},
    {"version": "1"}, {"version": 1.0}, [],
]:
    attempt(bad)

# existing loggers
for name in list(logging.root.manager.loggerDict):
    del logging.root.manager.loggerDict[name]
a = logging.getLogger("a"); ab = logging.getLogger("a.b"); abc = logging.getLogger("a.b.c"); other = logging.getLogger("other"); ax = logging.getLogger("ax")
nh = logging.NullHandler(); ab.addHandler(nh); ab.setLevel(10); ab.propagate = False; other.setLevel(40); other.addHandler(nh)
a.disabled = True
class H(logging.Handler):
    def __init__(self): super().__init__(); print("H made")
    def close(self): print("H closed", self.name); super().close()
    def flush(self): print("H flushed", self.name)
    def emit(self, r): print("H emit", r.getMessage())
old = H(); old.name = "oldone"
C.dictConfig({"version": 1, "loggers": {"a": {"level": "INFO"}}})
for lg in [a, ab, abc, other, ax]:
    print(lg.name, lg.disabled, lg.level, lg.handlers, lg.propagate)
print([h.name for h in logging.root.handlers], logging.root.level)
logging.getLogger("zz")
def states(): return [(n, l.disabled) for n, l in sorted(logging.root.manager.loggerDict.items()) if isinstance(l, logging.Logger)]
C.dictConfig({"version": 1, "disable_existing_loggers": False, "root": {"level": "DEBUG"}}); print(states())
C.dictConfig({"version": 1, "loggers": {"a.b": {}}}); print(states())
nb = logging.getLogger("n.b"); nb.setLevel(10)
C.dictConfig({"version": 1, "loggers": {"n": {"level": "INFO"}}}); print(nb.disabled, nb.level)
x = logging.getLogger("x"); x.disabled = True
C.dictConfig({"version": 1, "incremental": True, "loggers": {"x": {"level": "INFO"}}}); print(x.disabled)
y = logging.getLogger("y"); y.disabled = True; y2 = logging.getLogger("y.z"); y2.setLevel(10); y2.disabled = True
C.dictConfig({"version": 1, "loggers": {"y": {"level": "INFO"}}}); print(y.disabled, y2.disabled, y2.level)

# factories, properties, conversions, handler order
cfg = {"version": 1,
  "formatters": {"f": {"()": "logging.Formatter", "fmt": "[%(message)s]", ".": {"default_msec_format": "%s.%03d"}},
                 "g": {"class": "logging.Formatter", "format": "<{message}>", "style": "{", "defaults": {"x": 1}, "datefmt": "%H"},
                 "v": {"format": "no fields", "validate": False}},
  "filters": {"fl": {"()": "builtins.dict"}, "named": {"name": "app"}},
  "handlers": {
     "z_target": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "g"},
     "a_mem": {"class": "logging.handlers.MemoryHandler", "capacity": 2, "target": "z_target", "level": 10, "formatter": "f", ".": {"name2": "x"}},
     "custom": {"()": H, "level": "WARNING"},
     "cfgref": {"class": "logging.StreamHandler", "stream": "cfg://streams.out", "formatter": "v"},
     "idx": {"class": "logging.StreamHandler", "stream": "cfg://streams.list[0]"},
  },
  "streams": {"out": "ext://sys.stdout", "list": ["ext://sys.stdout"]},
  "loggers": {"app": {"handlers": ["a_mem", "custom"], "level": "DEBUG", "propagate": False, "filters": ["named"]}},
  "root": {"handlers": ["cfgref"], "level": "INFO"}}
C.dictConfig(cfg)
print(cfg["handlers"]["a_mem"])
app = logging.getLogger("app")
mem = app.handlers[0]
print(app.handlers, [f.name for f in app.filters], mem.target.name, mem.target.stream is sys.stdout, mem.name2, mem.formatter.default_msec_format, app.handlers[1].name)
print(logging.root.handlers[0].stream is sys.stdout, logging.root.handlers[0].formatter._fmt, logging.root.handlers[0].name)
app.info("one"); app.info("two"); logging.warning("root warn")
fmt = mem.target.formatter; print(type(fmt).__name__, fmt._style._defaults, fmt.datefmt)
order = []
class Noted(logging.handlers.MemoryHandler):
    def __init__(self, *a, **k): order.append(k.get("target") and k["target"].name); super().__init__(*a, **k)
class NotedStream(logging.StreamHandler):
    def __init__(self, *a, **k): order.append("stream"); super().__init__(*a, **k)
C.dictConfig({"version": 1, "handlers": {"b": {"class": "__main__.Noted", "capacity": 1, "target": "d"}, "c": {"class": "__main__.Noted", "capacity": 1, "target": "a"},
    "a": {"class": "__main__.NotedStream"}, "d": {"class": "__main__.NotedStream"}, "e": {"class": "__main__.Noted", "capacity": 1}}})
print(order)

# incremental
C.dictConfig({"version": 1, "handlers": {"h": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout"}}, "root": {"handlers": ["h"], "level": "INFO"}, "loggers": {"q": {"propagate": False, "handlers": ["h"]}}})
C.dictConfig({"version": 1, "incremental": True, "loggers": {"q": {"propagate": True, "level": 10, "handlers": []}}, "root": {"level": 40}, "handlers": {"h": {"level": 30, "class": "ignored"}}})
q = logging.getLogger("q"); print(q.propagate, q.level, [h.name for h in q.handlers], logging.root.level, logging.root.handlers[0].level)
C.dictConfig({"version": 1, "root": {"filters": ["f"]}, "filters": {"f": {"name": "zz"}}}); print(logging.root.filters[-1].name)
C.dictConfig({"version": 1, "loggers": {"p": {"level": "INFO", "propagate": 0}}}); print(logging.getLogger("p").propagate, logging.getLogger("p").level)

# BaseConfigurator
bc = C.BaseConfigurator({"a": {"b": [1, {"c": "d"}]}, "e": "cfg://a.b[1].c", "n": {"0": "zero"}})
print(bc.convert("cfg://a.b[0]"), bc.convert("cfg://a.b[1]"), bc.cfg_convert("a.b[1].c"), bc.convert("cfg://e"))
print(bc.convert("ext://sys.maxsize") == sys.maxsize, bc.convert("other://x"), bc.convert("plain"), bc.convert(5), bc.as_tuple([1, 2]), bc.as_tuple((3,)), bc.as_tuple("x"))
for bad in ["cfg://nope", "cfg://a[", "cfg://a.b[9]", "cfg://a..b", "cfg://", "cfg://a.b[x]", "cfg://a b", "cfg://n[0]"]:
    try: print(bc.convert(bad))
    except Exception as e: print(type(e).__name__, e)
print(bc.resolve("logging.handlers.MemoryHandler"), bc.resolve("os.path.join").__name__)
try: bc.resolve("nope.x")
except Exception as e: print(type(e).__name__, e, repr(e.__cause__))
print(C.valid_ident("abc"), C.BaseConfigurator.value_converters, C.DictConfigurator.__mro__[1].__name__, C.dictConfigClass is C.DictConfigurator)
try: C.valid_ident("1a")
except ValueError as e: print(e)
made = bc.configure_custom({"()": "builtins.dict", "x": 1, ".": {}}); print(made)
class Point:
    def __init__(self, x=0, y=0): self.x, self.y = x, y
p = bc.configure_custom({"()": Point, "x": 3, ".": {"label": "L"}}); print(p.x, p.y, p.label)
print(C.stopListening())
