# logging: the logger registry (placeholders, re-parenting), level names,
# LogRecord fields, filters, formatter validation and rendering (fixed times),
# stack_info/stacklevel/exc_info, the "--- Logging error ---" report,
# basicConfig's keywords and errors, LoggerAdapter and captureWarnings.
import logging, sys, io, os, time, warnings

HERE = os.path.abspath(__file__)
def attempt(f, *a, **k):
    try:
        print("ok", repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)
def own_frames(text):
    """The report with frames of other files (logging's own) left out."""
    kept, keep = [], True
    for line in text.splitlines():
        if line.startswith('  File "'):
            keep = HERE in line
        elif not line.startswith("    "):
            keep = True
        if keep:
            kept.append(line.replace(os.path.dirname(HERE) + os.sep, ""))
    return "\n".join(kept)

# -- the registry
deep = logging.getLogger("reg.a.b")
table = logging.root.manager.loggerDict
print([(k, type(table[k]).__name__) for k in sorted(table) if k.startswith("reg")])
print(list(table["reg"].loggerMap), deep.parent is logging.root)
mid = logging.getLogger("reg.a")
print(deep.parent is mid, mid.parent is logging.root, type(table["reg.a"]).__name__)
top = logging.getLogger("reg")
print(mid.parent is top, deep.parent is mid, top.getChild("a.b") is deep, logging.root.getChild("reg") is top)
free = logging.Logger("free"); print(free.parent, free.manager is logging.root.manager, free.handlers, free.propagate, free.disabled)
print(logging.getLogger("") is logging.root, logging.getLogger(None) is logging.root)
attempt(logging.getLogger, b"x"); attempt(logging.Logger, "a", "LOUD")
import pickle; print(pickle.loads(pickle.dumps(deep)) is deep, pickle.loads(pickle.dumps(logging.root)) is logging.root)

# -- levels
for value in [0, 10, 20.0, 5.0, None, "WARN", "Level 5", "FATAL"]:
    attempt(logging.getLevelName, value)
for value in ["LOUD", 3.5, None, "10", 10.0, True, -1, "DEBUG"]:
    attempt(top.setLevel, value); print(top.level, repr(top), repr(deep))
top.setLevel(logging.NOTSET)
logging.addLevelName(5, "TRACE"); print(logging.getLevelName(5), logging.getLevelName("TRACE"), logging.getLevelNamesMapping()["TRACE"])

# -- records
r = logging.LogRecord("n", 20, "/p/x.py", 3, "m %(a)s", ({"a": 1},), None)
print(r.args, r.getMessage(), r.msg, r.funcName, r.stack_info, r.exc_text, r.levelname)
r = logging.LogRecord("n", 20, "/p/y", 3, "m", ({},), None); print(r.args, r.module, r.filename)
r = logging.LogRecord("n", 20, "x", 3, 5, None, None); print(r.getMessage(), r.args)
r = logging.LogRecord("n", 99, "", 3, "m", (), None, func="fn", sinfo="si")
print(r.levelname, r.funcName, r.stack_info, repr(r.module), repr(r.filename), repr(r))
print(sorted(vars(r)), type(r.msecs).__name__, type(r.created).__name__, r.processName, r.threadName)
e = logging.makeLogRecord({"a": 1, "msg": "hi"}); print(repr(e), e.a, e.name, e.levelno, e.args)

# -- filters
fl = logging.Filterer(); print(fl.filter(e))
class Zero:
    def filter(self, rec): return 0
fl.addFilter(Zero()); print(fl.filter(e)); fl.filters.clear()
fl.addFilter(lambda rec: "yes"); print(fl.filter(e))
f1 = logging.Filter("a"); fl.addFilter(f1); fl.addFilter(f1); print(len(fl.filters)); fl.removeFilter(f1); fl.removeFilter(f1); print(len(fl.filters))
print(f1.name, f1.nlen, [logging.Filter(n).filter(logging.makeLogRecord({"name": "ab.c"})) for n in ["", "a", "ab", "ab.c", "ab.c.d", "ab."]])

# -- formatters
for fmt, style in [("%(message)", "%"), ("x", "%"), ("%s", "%"), ("%(a)-5.3s", "%"), ("%(a)*s", "%"), ("%(a)z", "%"), ("%%", "%"),
                   ("{", "{"), ("{}", "{"), ("{0}", "{"), ("{a.b[0]}", "{"), ("{a:{b}}", "{"), ("{a:>10.3f}", "{"), ("{a!r}", "{"),
                   ("{a:x<}", "{"), ("{a:,}", "{"), ("{a:=+#010,.2e}", "{"), ("{a b}", "{"), ("{a-b}", "{"), ("{a!rr}", "{"),
                   ("$a", "$"), ("${a}", "$"), ("$$", "$"), ("${a", "$"), ("$1", "$"), ("$$ $b", "$"), ("${a}$", "$"),
                   (None, "{"), (None, "$"), (None, "%")]:
    print(repr(fmt), style, end=": "); attempt(lambda: logging.Formatter(fmt, style=style)._fmt)
print(logging.Formatter("{a", style="{", validate=False)._fmt)
rec = logging.makeLogRecord({"msg": "m", "x": 3})
for fmt, style, defaults in [("%(nope)s", "%", None), ("{nope}", "{", None), ("$nope", "$", None), ("{nope}/{x}", "{", {"nope": 1, "x": 0}),
                             ("$nope/$x", "$", {"nope": 2}), ("%(nope)s/%(x)s", "%", {"nope": 3})]:
    attempt(logging.Formatter(fmt, style=style, defaults=defaults).format, rec)
for fmt, style in [("${asctime}", "$"), ("$asctime", "$"), ("%(asctime)-4s", "%"), ("{asctime:>3}", "{"), ("%(message)s", "%"), ("{message}", "{")]:
    print(fmt, logging.Formatter(fmt, style=style).usesTime())
print(logging.PercentStyle.default_format, logging.StrFormatStyle.default_format, logging.StringTemplateStyle.default_format)
print(logging.PercentStyle.asctime_format, logging.StrFormatStyle.asctime_format, logging.StringTemplateStyle.asctime_format)
ps = logging.PercentStyle("%(x)s"); print(ps._fmt, ps.usesTime(), ps.format(rec)); attempt(ps.validate); attempt(logging.PercentStyle("bad").validate)
attempt(logging.Formatter("%(message)s").format, logging.makeLogRecord({"msg": "m %s %s", "args": (1,)}))
timed = logging.makeLogRecord({"msg": "t", "created": 86400 * 365.25 * 30 + 0.25, "msecs": 250.0})
fm = logging.Formatter("%(asctime)s %(message)s"); fm.converter = time.gmtime; print(fm.format(timed), timed.asctime)
fm = logging.Formatter("%(asctime)s", datefmt="%d/%m/%Y %H-%M"); fm.converter = time.gmtime; print(fm.format(timed))
class NoMsec(logging.Formatter):
    default_msec_format = None
    default_time_format = "%H:%M:%S"
fm = NoMsec("{asctime}|{message}", style="{"); fm.converter = time.gmtime; print(fm.format(timed))
class Dotted(logging.Formatter):
    default_msec_format = "%s.%03d"
fm = Dotted("$asctime $message", style="$"); fm.converter = time.gmtime; print(fm.format(timed))
bf = logging.BufferingFormatter(); print(repr(bf.format([])), bf.format([logging.makeLogRecord({"msg": m}) for m in "xy"]))
class Framed(logging.BufferingFormatter):
    def formatHeader(self, records): return "[%d:" % len(records)
    def formatFooter(self, records): return "]"
print(Framed(logging.Formatter("<%(message)s>")).format([logging.makeLogRecord({"msg": m}) for m in "ab"]))

# -- exc_info, stack_info, stacklevel
out = logging.getLogger("calls"); out.propagate = False
h = logging.StreamHandler(sys.stdout); h.setFormatter(logging.Formatter("%(message)s")); out.addHandler(h)
try:
    raise KeyError("k")
except KeyError:
    out.error("exc", exc_info=True)
    out.error("tuple", exc_info=sys.exc_info())
    out.exception("exception()")
out.error("none active", exc_info=True); out.error("false", exc_info=False)
out.error("instance", exc_info=ValueError("v"))
def show(text): print(own_frames(text))
h.setStream(io.StringIO())
def with_stack(): out.warning("with stack", stack_info=True)
with_stack(); show(h.setStream(io.StringIO()).getvalue())
out.error("exc + stack", exc_info=ValueError("v"), stack_info=True); show(h.setStream(sys.stdout).getvalue())
h.setFormatter(logging.Formatter("%(message)s\n")); out.error("ends with newline", exc_info=ValueError("v"))
h.setFormatter(logging.Formatter("%(funcName)s:%(lineno)d:%(filename)s:%(module)s %(message)s"))
def level2(): out.warning("stacklevel 2", stacklevel=2)
def calls_level2(): level2()
calls_level2()
def far(): out.warning("stacklevel 99", stacklevel=99)
far()
out.warning("top")
ad = logging.LoggerAdapter(out, {"k": 1})
def through_adapter(): ad.warning("adapter call")
through_adapter()
print(out.findCaller()[1:3])

# -- the logging error report
err = io.StringIO(); real_stderr = sys.stderr; sys.stderr = err
h.setFormatter(logging.Formatter("%(message)s"))
def bad_args(): out.error("bad %d", "x")
bad_args(); out.error("two %s %s", 1)
class NoStr:
    def __str__(self): raise RuntimeError("no str")
    def __repr__(self): return "<NoStr>"
out.warning(NoStr())
class FailingHandler(logging.Handler):
    def emit(self, record):
        try:
            raise OSError("emit failed")
        except OSError:
            self.handleError(record)
fh = FailingHandler(); out.addHandler(fh); out.critical("via failing handler %s", "arg"); out.removeHandler(fh)
logging.raiseExceptions = False; out.error("bad %d", "silent"); logging.raiseExceptions = True
sys.stderr = real_stderr
print(own_frames(err.getvalue()))

# -- basicConfig
for kw in [dict(stream=sys.stdout, filename="x"), dict(handlers=[], stream=sys.stdout), dict(handlers=[], filename="f"), dict(style="x"),
           dict(foo=1, bar=2), dict(format="%(x"), dict(format="{x", style="{"), dict(level="LOUD")]:
    print(sorted(kw), end=" "); attempt(logging.basicConfig, force=True, **kw); print(len(logging.root.handlers))
h1 = logging.StreamHandler(sys.stdout); h1.setFormatter(logging.Formatter("own %(message)s"))
h2 = logging.StreamHandler(sys.stdout)
logging.basicConfig(force=True, handlers=[h1, h2], format="%(message)s!", level="INFO"); logging.info("two handlers"); print(logging.root.level)
logging.basicConfig(format="ignored"); print(logging.root.handlers == [h1, h2])
path = "/tmp/towel_logging_records_%d.log" % os.getpid()
logging.basicConfig(force=True, filename=path, filemode="w", encoding="latin-1")
fh = logging.root.handlers[0]; print(type(fh).__name__, fh.mode, fh.encoding, fh.errors, fh.baseFilename == path)
logging.warning("to the file \xe9")
logging.basicConfig(force=True, filename=path, errors="strict"); print(logging.root.handlers[0].mode, logging.root.handlers[0].errors)
logging.root.handlers[0].close()
with open(path, encoding="latin-1") as f: print(repr(f.read()))
os.remove(path)
logging.basicConfig(force=True, stream=sys.stdout, format="$levelname $message", style="$"); logging.warning("dollar")
logging.basicConfig(force=True, stream=sys.stdout, datefmt="%Y", format="%(message)s"); print(logging.root.handlers[0].formatter.datefmt)
logging.basicConfig(force=True, stream=sys.stdout, level=logging.DEBUG)

# -- module-level calls, disable, adapters, captureWarnings
logging.debug("d %s", 1); logging.log(25, "log %s", 2); logging.fatal("fatal"); attempt(logging.log, "x", "m")
try:
    1 / 0
except ZeroDivisionError:
    logging.exception("module exception")
logging.disable(); print(logging.root.manager.disable); logging.critical("hidden"); logging.disable("INFO"); logging.warning("shown")
attempt(logging.disable, "LOUD"); logging.disable(logging.NOTSET)
ad = logging.LoggerAdapter(logging.getLogger("ad"), {"k": 1})
print(ad.process("m", {"extra": {"z": 1}}), ad.extra, ad.manager is logging.root.manager, ad.name, repr(ad))
ad.setLevel(5); print(ad.logger.level, ad.getEffectiveLevel(), ad.isEnabledFor(4), ad.hasHandlers())
ad.log(20, "adapter log %s", 1); ad.debug("d"); ad.info("i"); ad.error("e"); ad.critical("c")
try:
    {}["missing"]
except KeyError:
    ad.exception("adapter exception")
attempt(ad.log, "x", "m")
print(logging.LoggerAdapter(logging.root).extra)
logging.captureWarnings(True)
warnings.warn("captured", UserWarning)
warnings.showwarning("to a file", RuntimeWarning, "f.py", 3, file=sys.stdout)
warnings.showwarning("with line", RuntimeWarning, "f.py", 3, line="code line")
print(logging.getLogger("py.warnings").handlers)
logging.captureWarnings(True); logging.captureWarnings(False); logging.captureWarnings(False)
print(warnings.showwarning.__name__)
class Rec(logging.LogRecord): pass
logging.setLogRecordFactory(Rec); print(logging.getLogRecordFactory().__name__, type(logging.makeLogRecord({})).__name__)
got = []
class Collect(logging.Handler):
    def emit(self, rec): got.append((type(rec).__name__, rec.__dict__.get("tag")))
lg = logging.getLogger("factory"); lg.addHandler(Collect()); lg.warning("w", extra={"tag": 9}); print(got)
logging.setLogRecordFactory(logging.LogRecord)
for key in ["message", "asctime", "levelname", "fine"]:
    attempt(lg.warning, "x", extra={key: 1})
attempt(lg.warning, "x", bogus=1)
attempt(logging.setLoggerClass, int)
print(logging.getLoggerClass().__name__)
