# logging.handlers: rotation with namer/rotator and backups, devices never
# rolled over, WatchedFileHandler reopening a moved file, Buffering/Memory
# handler flush rules, QueueHandler.prepare, QueueListener in its thread
# (with and without respect_handler_level), and a failing enqueue reported.
import io
import logging, logging.handlers as H, queue, sys, os
# Tracebacks name this file by its absolute path: print it relative.
_HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep
class _Relative:
    def __init__(self, out): self.out = out
    def write(self, s): return self.out.write(s.replace(_HERE, ""))
    def flush(self): self.out.flush()
sys.stdout = _Relative(sys.stdout)
def t(f, *a, **k):
    try: r = f(*a, **k); print("ok", repr(r))
    except BaseException as e: print(type(e).__name__, e)
q = queue.Queue()
l = H.QueueListener(q, logging.NullHandler()); print(l._thread if hasattr(l, "_thread") else "-")
t(l.stop)
qh = H.QueueHandler(q); print(qh.queue is q, repr(qh), getattr(qh, "listener", "-"))
r = logging.LogRecord("n", 20, "p", 1, "m %s", ("a",), None, sinfo="stk")
try: 1/0
except ZeroDivisionError: r.exc_info = sys.exc_info()
p = qh.prepare(r); print(p is r, p.msg, p.args, p.exc_info, p.exc_text, p.message, p.stack_info, r.msg, r.exc_text is not None)
qh.setFormatter(logging.Formatter("%(levelname)s %(message)s")); p = qh.prepare(logging.makeLogRecord({"msg": "x %s", "args": (1,), "levelname": "L"})); print(p.msg, p.message, p.getMessage())
m = H.MemoryHandler(2); print(m.capacity, m.flushLevel, m.target, m.flushOnClose, m.buffer, repr(m))
m.handle(logging.makeLogRecord({"msg": "a", "levelno": 10})); m.handle(logging.makeLogRecord({"msg": "b", "levelno": 10})); print(len(m.buffer))
m.flush(); print(len(m.buffer))
b = H.BufferingHandler(0); b.handle(logging.makeLogRecord({})); print(len(b.buffer), b.shouldFlush(logging.makeLogRecord({})))
b.buffer.append(1); b.close(); print(b.buffer)
class T(logging.Handler):
    def emit(self, r): print("T", r.msg)
m = H.MemoryHandler(5, target=T(), flushOnClose=False); m.handle(logging.makeLogRecord({"msg": "kept", "levelno": 10})); m.close(); print(m.target, len(m.buffer))
m = H.MemoryHandler(5, flushLevel="ERROR") if False else None
t(H.MemoryHandler, 5, flushLevel="ERROR")
base = "/tmp/towel_logging_rot_%d" % os.getpid(); os.mkdir(base)
rh = H.RotatingFileHandler(base + "/a.log", maxBytes=10, backupCount=0, mode="w"); print(rh.mode, rh.maxBytes, rh.backupCount, rh.namer, rh.rotator, rh.encoding, repr(rh).replace(base, "B"))
rh2 = H.RotatingFileHandler(base + "/b.log", delay=True); print(rh2.mode, rh2.stream, rh2.shouldRollover(logging.makeLogRecord({})), rh2.stream is not None)
rn = H.RotatingFileHandler(base + "/c.log", maxBytes=20, backupCount=3); rn.namer = lambda n: n + ".gz"; rn.rotator = lambda s, d: (print("rotate", s.replace(base, "B"), d.replace(base, "B")), os.rename(s, d))
lg = logging.getLogger("r"); lg.propagate = False; lg.addHandler(rn); lg.addHandler(rh)
for i in range(6): lg.warning("line %d", i)
print(sorted(os.listdir(base)))
print(rn.rotation_filename("x"), rh.rotation_filename("x"))
dn = H.RotatingFileHandler("/dev/null", maxBytes=1); print(dn.shouldRollover(logging.makeLogRecord({"msg": "xxxxx"})))
w = H.WatchedFileHandler(base + "/w.log"); print(w.dev != -1, w.ino != -1, repr(w).replace(base, "B"))
lg.addHandler(w); lg.warning("first"); os.rename(base + "/w.log", base + "/w.old"); lg.warning("second"); print(sorted(os.listdir(base)))
w2 = H.WatchedFileHandler(base + "/w2.log", delay=True); print(w2.dev, w2.ino, w2.stream)
for h in list(lg.handlers): h.close()
for f in sorted(os.listdir(base)):
    print(f, repr(open(os.path.join(base, f)).read())); os.remove(os.path.join(base, f))
os.rmdir(base)
q = queue.Queue()  # the first listener left a sentinel on the old one
class Show(logging.Handler):
    def emit(self, r): print("show", self.level, r.getMessage())
l = H.QueueListener(q, Show(), Show(logging.ERROR)); print(l.respect_handler_level, len(l.handlers), l.queue is q)
l.start(); q.put(logging.makeLogRecord({"msg": "one", "levelno": 10})); q.put(logging.makeLogRecord({"msg": "two", "levelno": 40})); l.stop(); print(l._thread, q.qsize())
l2 = H.QueueListener(q, Show(), Show(logging.ERROR), respect_handler_level=True); l2.start(); q.put(logging.makeLogRecord({"msg": "three", "levelno": 10})); l2.stop()
qh = H.QueueHandler(q); lg = logging.getLogger("qq"); lg.propagate = False; lg.addHandler(qh); lg.warning("via %s", "queue"); r = q.get_nowait(); print(r.msg, r.args, r.levelname, r.message)
class Full:
    def put_nowait(self, x): raise queue.Full
err = io.StringIO(); real = sys.stderr; sys.stderr = err
qh2 = H.QueueHandler(Full()); lg.addHandler(qh2); lg.warning("fails")
sys.stderr = real
print("\n".join(l for l in err.getvalue().splitlines() if not l.startswith(" ") or __file__ in l).replace(os.path.dirname(os.path.abspath(__file__)) + os.sep, ""))
