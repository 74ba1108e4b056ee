# logging's file handlers: FileHandler (modes, delay), RotatingFileHandler's
# rollover and backups, MemoryHandler and BufferingHandler.
import logging, logging.handlers, os
base = "/tmp/towel_logging_test_%d" % os.getpid()
os.mkdir(base)
path = os.path.join(base, "app.log")
log = logging.getLogger("files"); log.propagate = False; log.setLevel(logging.DEBUG)
fh = logging.FileHandler(path, mode="w"); fh.setFormatter(logging.Formatter("%(levelname)s:%(message)s")); log.addHandler(fh)
log.info("first"); log.debug("second")
print(repr(fh).replace(base, "BASE"), fh.baseFilename == os.path.abspath(path))
fh.close(); log.removeHandler(fh)
with open(path) as f: print(repr(f.read()))
dh = logging.FileHandler(os.path.join(base, "delayed.log"), delay=True); print(os.path.exists(os.path.join(base, "delayed.log")))
log.addHandler(dh); log.warning("now it exists"); print(os.path.exists(os.path.join(base, "delayed.log"))); dh.close(); log.removeHandler(dh)
rpath = os.path.join(base, "rot.log")
rh = logging.handlers.RotatingFileHandler(rpath, maxBytes=60, backupCount=2); rh.setFormatter(logging.Formatter("%(message)s")); log.addHandler(rh)
for i in range(12):
    log.info("record number %02d", i)
rh.close(); log.removeHandler(rh)
for name in sorted(os.listdir(base)):
    with open(os.path.join(base, name)) as f:
        print(name, repr(f.read()))
mh = logging.handlers.MemoryHandler(3, flushLevel=logging.CRITICAL)
class Collect(logging.Handler):
    def __init__(self): super().__init__(); self.got = []
    def emit(self, r): self.got.append(self.format(r))
c = Collect(); mh.setTarget(c); log.addHandler(mh)
log.info("a"); log.info("b"); print(c.got); log.info("c"); print(c.got); log.critical("d"); print(c.got); mh.close(); print(mh.target)
bh = logging.handlers.BufferingHandler(2); log.addHandler(bh); log.info("x"); print(len(bh.buffer)); log.info("y"); print(len(bh.buffer))
for name in os.listdir(base): os.remove(os.path.join(base, name))
os.rmdir(base)
