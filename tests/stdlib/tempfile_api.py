# tempfile: SpooledTemporaryFile in memory and after rollover (binary and
# text), NamedTemporaryFile's wrapper, TemporaryFile, mktemp and
# TemporaryDirectory with its cleanup.
import tempfile, os, io, sys
def attempt_close(f):
    try:
        f.close()
    except OSError as e:
        return e


def show(label, f):
    try: r = f()
    except Exception as e: r = f"{type(e).__name__}: {e}"
    print(label, repr(r))
s = tempfile.SpooledTemporaryFile(max_size=10)
show("init", lambda: (s._rolled, s.name, s.mode, s.closed, type(s._file).__name__, s.readable(), s.writable(), s.seekable(), s.isatty()))
show("write", lambda: s.write(b"hello"))
show("state", lambda: (s._rolled, s.tell()))
show("write2", lambda: s.write(b"world!"))
show("rolled", lambda: (s._rolled, s.tell(), type(s._file).__name__, s.mode, s.name == s.fileno() if False else isinstance(s.name, int)))
show("seek read", lambda: (s.seek(0), s.read(3), s.read1(2) if hasattr(s, 'read1') else '', s.readline()))
s.close()
show("closed", lambda: s.closed)
show("enter closed", lambda: s.__enter__())
t = tempfile.SpooledTemporaryFile(mode="w+", max_size=5, encoding="utf-8", newline="\n")
show("text", lambda: (t.write("ab"), t.encoding, t.errors, t.newlines, t.mode, t.name))
show("text2", lambda: (t.write("\ncdefg\r\n"), t._rolled, t.mode, t.encoding, t.seek(0), t.readlines(), t.newlines))
show("iter", lambda: (t.seek(0), list(t)))
t2 = tempfile.SpooledTemporaryFile()
show("no max", lambda: (t2.write(b"x" * 100000), t2._rolled))
show("fileno rolls", lambda: (isinstance(t2.fileno(), int), t2._rolled))
t3 = tempfile.SpooledTemporaryFile(max_size=4)
show("truncate", lambda: (t3.write(b"abc"), t3.truncate(), t3.tell(), t3.truncate(2), t3._rolled, t3.truncate(10), t3._rolled))
t4 = tempfile.SpooledTemporaryFile(max_size=4)
show("writelines", lambda: (t4.writelines([b"ab", b"cd", b"e"]), t4._rolled, t4.tell()))
show("rollover pos", lambda: (t4.seek(1), t4.rollover(), t4.tell(), t4.read()))
t5 = tempfile.SpooledTemporaryFile(max_size=4, mode="w+")
show("text errors", lambda: (t5.errors, t5.newlines, t5.write("é"), t5.tell()))
show("text encoding default", lambda: t5.encoding)
with tempfile.SpooledTemporaryFile() as t6:
    show("with", lambda: (t6.write(b"q"), t6.closed))
show("after with", lambda: t6.closed)
show("repr", lambda: repr(t6)[:45])
show("generic", lambda: repr(tempfile.SpooledTemporaryFile[int]))
show("detach", lambda: tempfile.SpooledTemporaryFile().detach())
t7 = tempfile.SpooledTemporaryFile(max_size=3, suffix=".sfx", prefix="pre", dir=tempfile.gettempdir())
t7.write(b"abcdef")
show("named roll", lambda: (isinstance(t7.name, int), t7._TemporaryFileArgs))
# NamedTemporaryFile
n = tempfile.NamedTemporaryFile(suffix=".x", prefix="p_")
show("named", lambda: (os.path.basename(n.name).startswith("p_"), n.name.endswith(".x"), n.delete, type(n.file).__name__, os.path.exists(n.name)))
show("named attrs", lambda: (n.write(b"abc"), n.mode, n.closed, n.seek(0), n.read(), callable(n.write), n.write.__name__))
show("named iter", lambda: (n.seek(0), list(n)))
show("named enter", lambda: n.__enter__() is n)
name = n.name
show("named exit", lambda: (n.__exit__(None, None, None), n.closed, os.path.exists(name)))
show("named close again", lambda: n.close())
n2 = tempfile.NamedTemporaryFile(mode="w+", delete=False)
show("named nodelete", lambda: (n2.write("t"), n2.close(), os.path.exists(n2.name), os.unlink(n2.name)))
show("named missing attr", lambda: hasattr(n2, "nothere"))
with tempfile.NamedTemporaryFile("w") as n3:
    show("with named", lambda: (type(n3).__name__, n3.write("x")))
show("after", lambda: (n3.closed, os.path.exists(n3.name)))
n4 = tempfile.NamedTemporaryFile(); os.unlink(n4.name)
show("close after unlink", lambda: type(attempt_close(n4)).__name__)
# TemporaryFile
tf = tempfile.TemporaryFile()
show("tf", lambda: (type(tf).__name__, isinstance(tf.name, int), tf.mode))
tf.close()
show("tf text", lambda: type(tempfile.TemporaryFile("w+")).__name__)
# mktemp, TemporaryDirectory
m = tempfile.mktemp(".s", "pp", "/tmp")
show("mktemp", lambda: (m.startswith("/tmp/pp"), m.endswith(".s"), len(os.path.basename(m)), os.path.exists(m)))
show("mktemp default", lambda: (tempfile.mktemp().startswith(tempfile.gettempdir() + "/tmp")))
d = tempfile.TemporaryDirectory(suffix="_s", prefix="d_")
show("tdir", lambda: (os.path.isdir(d.name), os.path.basename(d.name).startswith("d_"), d.name.endswith("_s"), repr(d) == f"<TemporaryDirectory {d.name!r}>"))
open(os.path.join(d.name, "f"), "w").close(); os.mkdir(os.path.join(d.name, "sub"))
show("tdir enter", lambda: d.__enter__() == d.name)
show("tdir cleanup", lambda: (d.cleanup(), os.path.exists(d.name)))
show("tdir cleanup again", lambda: d.cleanup())
with tempfile.TemporaryDirectory() as dn:
    show("with tdir", lambda: os.path.isdir(dn))
show("after tdir", lambda: os.path.exists(dn))
d2 = tempfile.TemporaryDirectory(ignore_cleanup_errors=True)
import shutil; shutil.rmtree(d2.name)
show("cleanup gone", lambda: d2.cleanup())
d3 = tempfile.TemporaryDirectory()
shutil.rmtree(d3.name)
show("cleanup gone strict", lambda: d3.cleanup())
show("generic tdir", lambda: repr(tempfile.TemporaryDirectory[str]))
