# fileinput: FileInput over several files and standard input, the shared
# instance behind the module functions, in-place rewriting with backups,
# the opening hooks, and the errors.
import fileinput, os, sys, tempfile
d = tempfile.mkdtemp()
def mk(name, text):
    p = os.path.join(d, name)
    with open(p, "w") as f: f.write(text)
    return p
a = mk("a.txt", "a1\na2\n"); b = mk("b.txt", ""); c = mk("c.txt", "c1\nc2")
def st(fi):
    return (os.path.basename(str(fi.filename())), fi.lineno(), fi.filelineno(), fi.isfirstline(), fi.isstdin(), fi.fileno() >= 0)
fi = fileinput.FileInput([a, b, c])
print(st(fi))
for line in fi:
    print(repr(line), st(fi))
print("end", st(fi))
print(next(fi, "done"), st(fi))
fi.close(); print("closed", st(fi))
print(hasattr(fileinput.FileInput, "__getitem__"), hasattr(fileinput.FileInput, "readline"))
fi = fileinput.FileInput([a, b, c])
print(repr(fi.readline()), st(fi)); fi.nextfile(); print(st(fi)); print(repr(fi.readline()), st(fi))
print(repr(fi.readline()), repr(fi.readline()), repr(fi.readline()), st(fi))
fi.nextfile(); print(st(fi))
for bad in (dict(mode="w"), dict(mode="rU"), dict(inplace=True, openhook=open), dict(openhook=3), dict(mode="rb", encoding="utf-8")):
    try: fileinput.FileInput([a], **bad); print(bad, "ok")
    except Exception as e: print(bad, type(e).__name__, e)
import pathlib
print(list(fileinput.FileInput(pathlib.Path(a))), list(fileinput.FileInput(a, mode="rb")))
print(list(fileinput.FileInput((a, c), openhook=fileinput.hook_encoded("ascii"))))
fileinput.input([a, c])
try: fileinput.input([a])
except Exception as e: print(type(e).__name__, e)
print(fileinput.filename(), fileinput.lineno())
for l in fileinput._state: print(repr(l), fileinput.filelineno(), fileinput.isfirstline())
fileinput.close()
for fn in (fileinput.filename, fileinput.lineno, fileinput.filelineno, fileinput.fileno, fileinput.isfirstline, fileinput.isstdin, fileinput.nextfile):
    try: fn()
    except Exception as e: print(fn.__name__, type(e).__name__, e)
fileinput.close()
fi = fileinput.input([a]); next(fi); fi.close()
fileinput.input([a]); print("reopen after close ok"); fileinput.close()
fi = fileinput.input([a]); list(fi); 
try: fileinput.input([a]); print("after exhausted ok")
except Exception as e: print(type(e).__name__, e)
fileinput.close()
# inplace
p = mk("ip.txt", "x1\nx2\n")
os.chmod(p, 0o640)
with fileinput.input(p, inplace=True) as f:
    for line in f:
        print(line.upper(), end="")
        sys.stderr.write(repr((f.filename(), f.lineno())) + "\n") if False else None
print(open(p).read(), sorted(os.listdir(d)), oct(os.stat(p).st_mode & 0o777))
with fileinput.input(p, inplace=True, backup=".bak2") as f:
    for line in f:
        print("#" + line, end="")
print(open(p).read(), sorted(os.listdir(d)), open(p + ".bak2").read())
with fileinput.FileInput([p], inplace=True, mode="rb") as f:
    for line in f:
        sys.stdout.write(line.upper())
print(repr(open(p).read()))
with fileinput.FileInput([a, c]) as f:
    print(type(f.__enter__()).__name__)
    print(next(f), f.filename() == a)
import inspect
print(inspect.signature(fileinput.input), inspect.signature(fileinput.FileInput), inspect.signature(fileinput.hook_compressed), inspect.signature(fileinput.hook_encoded))
print(fileinput.__all__)

# --- second part
original_stdout = sys.stdout
import io
a = mk("a.txt", "a1\na2\n")
# stdin
sys.stdin = io.StringIO("s1\ns2\n")
fi = fileinput.FileInput(["-", a])
for l in fi: print(repr(l), os.path.basename(fi.filename()), fi.isstdin(), fi.lineno(), fi.fileno() >= 0)
sys.argv[1:] = [a]
print(list(fileinput.FileInput()))
sys.argv[1:] = []
sys.stdin = io.StringIO("t1\n")
fi = fileinput.FileInput(); print(list(fi), fi.filename())
print(list(fileinput.FileInput([])))
print(list(fileinput.FileInput(files=None)) if False else "")
# missing file
fi = fileinput.FileInput([a, os.path.join(d, "nope.txt")])
try:
    for l in fi: print(repr(l))
except Exception as e: print(type(e).__name__, e.errno, os.path.basename(e.filename), fi.filename() is not None, fi.lineno())
# nextfile mid-file, lineno continuity
fi = fileinput.FileInput([a, a])
print(next(fi)); fi.nextfile(); print(fi.lineno(), fi.filelineno()); print(next(fi), fi.lineno(), fi.filelineno())
# openhook with encoding
def hook(fn, mode, **kw): print("hook", os.path.basename(fn), mode, kw); return open(fn, mode, **kw)
print(list(fileinput.FileInput([a], openhook=hook)))
print(list(fileinput.FileInput([a], openhook=hook, encoding="utf-8")))
print(list(fileinput.FileInput([a], openhook=hook, errors="strict")))
try: print(list(fileinput.FileInput([a], openhook=lambda f, m: open(f, m), encoding="utf-8")))
except Exception as e: print(type(e).__name__, e)
# hook_compressed
import gzip
g = os.path.join(d, "z.gz")
with gzip.open(g, "wt") as f: f.write("gz1\ngz2\n")
bz = None

print(list(fileinput.FileInput([g, a], openhook=fileinput.hook_compressed)))
print(list(fileinput.FileInput([g], mode="rb", openhook=fileinput.hook_compressed)))
f = fileinput.hook_compressed(g, "r"); print(type(f).__name__, f.encoding if hasattr(f, 'encoding') else '')
f = fileinput.hook_compressed(a, "r", encoding="latin-1"); print(type(f).__name__, f.encoding)
f = fileinput.hook_compressed(g, "rb"); print(type(f).__name__)
h = fileinput.hook_encoded("latin-1", "replace"); f = h(a, "r"); print(f.encoding, f.errors, h.__name__, h.__qualname__)
# with & close
with fileinput.FileInput([a]) as fi:
    next(fi)
print(fi.filename() == a, fi.fileno())
fi = fileinput.FileInput([a]); next(fi); fi.close(); print(next(fi, 'stop'))
# fileno with stdin
sys.stdin = io.StringIO("x\n")
fi = fileinput.FileInput(["-"]); next(fi); print(fi.fileno())
# isfirstline after nextfile
fi = fileinput.FileInput([a]); print(fi.isfirstline()); next(fi); print(fi.isfirstline())
# backup file exists, inplace with empty, inplace file missing
p = mk("q.txt", "q\n"); mk("q.txt.bak", "old")
with fileinput.input([p], inplace=True) as f:
    for l in f: print(l.strip() * 2)
print(open(p).read(), os.path.exists(p + ".bak"))
try:
    with fileinput.input([os.path.join(d, "missing.txt")], inplace=True) as f:
        for l in f: pass
except Exception as e: print(type(e).__name__, e.errno)
print(sys.stdout is original_stdout)
fi = fileinput.FileInput([p], inplace=True); next(fi); print("inside", end=""); fi.nextfile(); print(" after", repr(open(p).read()))
print(fileinput.FileInput[int])
import shutil
shutil.rmtree(d)
