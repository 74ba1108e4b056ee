# logging: the logger hierarchy and propagation, levels, handlers, filters, the
# three format styles and their validation, basicConfig, exc_info, LoggerAdapter,
# disable, captureWarnings; everything logged to sys.stdout.
import logging, sys, io, os
# Tracebacks and warnings name this file by its absolute path: print it relative.
_HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep
class _Relative:
    def __init__(self, out): self.out = out
    def write(self, s): return self.out.write(s.replace(_HERE, ""))
    def flush(self): self.out.flush()
sys.stdout = _Relative(sys.stdout)
logging.basicConfig(stream=sys.stdout, level=logging.DEBUG, format="%(levelname)s:%(name)s:%(message)s")
log = logging.getLogger("app")
log.debug("debug %s", 1); log.info("info %d items", 3); log.warning("warn"); log.error("err %(x)s", {"x": 5}); log.critical("crit")
child = logging.getLogger("app.db"); print(child.parent is log, logging.getLogger("app") is log, child.getEffectiveLevel(), repr(child), repr(log))
child.setLevel(logging.ERROR); child.info("hidden"); child.error("shown from child")
log.propagate = False; child.error("to the last resort on stderr: app has no handlers and stops propagation")
h = logging.StreamHandler(sys.stdout); h.setFormatter(logging.Formatter("[%(name)s] %(levelname)-8s %(message)s")); log.addHandler(h)
child.error("via app's handler"); log.propagate = True
print(h.level, logging.getLevelName(10), logging.getLevelName("INFO"), logging.getLevelName(33), logging.getLevelName("XX"))
logging.addLevelName(25, "NOTICE"); log.log(25, "notice!"); print(logging.getLevelName(25), logging.getLevelName("NOTICE"))
class OnlyOdd(logging.Filter):
    def filter(self, record): return record.args and record.args[0] % 2 == 1
h.addFilter(OnlyOdd())
for i in range(4): log.warning("n=%d", i)
h.filters.clear(); h.addFilter(lambda r: "secret" not in r.getMessage()); log.warning("a secret"); log.warning("public")
f = logging.Filter("app.db"); print([f.filter(logging.makeLogRecord({"name": n})) for n in ["app", "app.db", "app.dbx", "app.db.x", ""]])
log.removeHandler(h)
try:
    1 / 0
except ZeroDivisionError:
    log.exception("failed: %s", "division")
    log.error("with exc_info", exc_info=True)
e = ValueError("boom")
log.error("instance exc_info", exc_info=e)
ad = logging.LoggerAdapter(log, {"ctx": "C1"}); ad.warning("adapter %s", "msg"); print(repr(ad), ad.name, ad.isEnabledFor(10))
class Prefix(logging.LoggerAdapter):
    def process(self, msg, kwargs): return "[%s] %s" % (self.extra["id"], msg), kwargs
Prefix(log, {"id": 7}).info("processed")
logging.disable(logging.WARNING); log.warning("disabled"); log.error("error passes"); logging.disable(logging.NOTSET)
r = logging.LogRecord("n", 20, "/p/x.py", 3, "m %s", ("a",), None); print(r.getMessage(), r.filename, r.module, r.levelname, repr(r))
for fmt, style in [("{levelname}|{name}|{message}", "{"), ("$levelname/${name}/$message", "$"), ("%(levelname)s %(message)s", "%")]:
    hh = logging.StreamHandler(sys.stdout); hh.setFormatter(logging.Formatter(fmt, style=style)); lg = logging.getLogger("styles." + style); lg.propagate = False; lg.addHandler(hh); lg.warning("styled")
for bad in [("%(message)", "%"), ("{message!x}", "{"), ("no fields", "{"), ("$ bad", "$"), ("nothing", "$"), ("x", "?"), ("{a:zz}", "{"), ("{0.}", "{")]:
    try: logging.Formatter(*bad[:1], style=bad[1]); print("ok", bad)
    except ValueError as e: print("ValueError", e)
fm = logging.Formatter("%(message)s %(custom)s", defaults={"custom": "dflt"}); print(fm.format(logging.makeLogRecord({"msg": "hi"})))
try: logging.Formatter("%(nope)s").format(logging.makeLogRecord({"msg": "x"}))
except ValueError as e: print("ValueError", e)
log.info("extra %s", "x", extra={"user": "bob"})
try: log.info("x", extra={"msg": 1})
except KeyError as e: print("KeyError", e)
for bad in ["LOUD", 3.5, None]:
    try: log.setLevel(bad)
    except (ValueError, TypeError) as e: print(type(e).__name__, e)
log.setLevel("INFO"); print(log.level, log.isEnabledFor(10), log.isEnabledFor(20), log.hasHandlers(), logging.getLogger().hasHandlers())
try: log.log("x", "m")
except TypeError as e: print(e)
try: logging.getLogger(3)
except TypeError as e: print(e)
print(logging.getLogger() is logging.root, logging.getLogger("root") is logging.root, repr(logging.root), logging.root.name)
a = logging.getLogger("x.y.z"); b = logging.getLogger("x"); print(a.parent is b, logging.getLogger("x.y").parent is b, a.parent.name, log.getChild("sub").name, logging.root.getChild("top").name)
print(logging.BASIC_FORMAT, logging.WARN, logging.FATAL, sorted(logging.getLevelNamesMapping().items()))
bf = logging.BufferingFormatter(logging.Formatter("<%(message)s>")); print(bf.format([logging.makeLogRecord({"msg": m}) for m in "abc"]))
nh = logging.NullHandler(); log.addHandler(nh); log.warning("also to null"); print(repr(nh))
sio = io.StringIO(); sh = logging.StreamHandler(sio); sh.terminator = "|"; log.addHandler(sh); log.warning("to sio"); log.removeHandler(sh); print(repr(sio.getvalue()))
print(sh.setStream(sys.stdout) is sio, sh.setStream(sys.stdout))
logging.basicConfig(level=logging.ERROR); print(logging.root.level)
logging.basicConfig(force=True, stream=sys.stdout, format="%(name)s>%(message)s", style="%"); logging.warning("root after force"); logging.info("not shown")
for kw in [dict(stream=sys.stdout, filename="x"), dict(handlers=[], stream=sys.stdout), dict(style="x"), dict(foo=1)]:
    try: logging.basicConfig(force=True, **kw)
    except ValueError as e: print(e)
logging.basicConfig(force=True, stream=sys.stdout, format="{levelname}:{message}", style="{"); logging.error("curly")
logging.captureWarnings(True)
import warnings
warnings.warn("captured warning")
logging.captureWarnings(False)
print(logging.getLogger("py.warnings").handlers)
class MyLogger(logging.Logger):
    pass
logging.setLoggerClass(MyLogger); print(type(logging.getLogger("custom.one")).__name__, logging.getLoggerClass().__name__); logging.setLoggerClass(logging.Logger)
try: logging.setLoggerClass(int)
except TypeError as e: print(e)
rec = logging.makeLogRecord({"msg": "t", "created": 1700000000.123, "msecs": 123.0})
s = logging.Formatter("%(asctime)s %(message)s").format(rec)
print(len(s), s[4], s[7], s[10], s[13], s[16], s[19:], rec.asctime == s[:23])
print(len(logging.Formatter("%(asctime)s", datefmt="%Y/%m/%d %H").format(rec)), logging.Formatter("{asctime}", style="{").usesTime(), logging.Formatter("%(message)s").usesTime())
live = logging.LogRecord("n", 10, "p", 1, "m", (), None); print(live.msecs == int((live.created - int(live.created)) * 1000), 0 <= live.relativeCreated, live.thread != 0, live.threadName, live.processName, live.process > 0)
