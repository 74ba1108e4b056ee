# shutil.copytree: links copied as links or followed, dangling links (and
# CPython's check of a link's text from the current directory), ignore,
# copy_function, dirs_exist_ok, the gathered Error and the directory modes.
import shutil, os, tempfile
base = tempfile.mkdtemp(); os.chdir(base)
def show(label, f):
    try: r = f()
    except shutil.Error as e: r = ("Error", sorted((a.replace(base, "B"), b.replace(base, "B"), c.replace(base, "B")) for a, b, c in e.args[0]))
    except Exception as e: r = f"{type(e).__name__}: {e}".replace(base, "B")
    print(label, repr(r).replace(base, "B"))
def tree(top):
    out = []
    for root, dirs, files in os.walk(top):
        dirs.sort()
        for n in sorted(dirs + files):
            p = os.path.join(root, n)
            out.append((os.path.relpath(p, top), "L" if os.path.islink(p) else "D" if os.path.isdir(p) else "F"))
    return sorted(out)
def mk(p, t="x"):
    os.makedirs(os.path.dirname(p) or ".", exist_ok=True)
    with open(p, "w") as f: f.write(t)
mk("s/a.txt"); mk("s/b.py"); mk("s/d/c.txt"); mk("s/d/e/f.txt"); mk("outside.txt")
os.symlink("a.txt", "s/link_a"); os.symlink("d", "s/link_d"); os.symlink("missing", "s/dangling"); os.symlink(os.path.join(base, "outside.txt"), "s/abs_link")
os.chmod("s/d", 0o750)
show("plain", lambda: shutil.copytree("s", "t1"))
show("plain tree", lambda: tree("t1"))
show("dangling", lambda: (shutil.rmtree("t1"), shutil.copytree("s", "t1", ignore_dangling_symlinks=True), tree("t1"))[1:])
show("symlinks", lambda: (shutil.copytree("s", "t2", symlinks=True), tree("t2"), os.readlink("t2/link_d")))
show("exists", lambda: shutil.copytree("s", "t2", symlinks=True))
show("dirs_exist_ok", lambda: (shutil.copytree("s", "t2", symlinks=True, dirs_exist_ok=True), tree("t2")))
show("ignore", lambda: (shutil.copytree("s", "t3", ignore=shutil.ignore_patterns("*.txt", "link*"), ignore_dangling_symlinks=True), tree("t3")))
calls = []
def ign(path, names):
    calls.append((os.path.relpath(path, base), sorted(names)))
    return {"e"}
show("ignore calls", lambda: (shutil.copytree("s", "t4", ignore=ign, symlinks=True), sorted(calls)))
copied = []
def cf(s, d):
    copied.append((type(s).__name__, os.path.relpath(s, base), os.path.relpath(d, base)))
    return shutil.copy2(s, d)
show("copy_function", lambda: (shutil.copytree("s/d", "t5", copy_function=cf), sorted(copied)))
show("mode kept", lambda: oct(os.stat("t1/d").st_mode & 0o777))
show("missing src", lambda: shutil.copytree("nope", "t6"))
show("src file", lambda: shutil.copytree("s/a.txt", "t7"))
show("into existing file", lambda: shutil.copytree("s/d", "outside.txt"))
show("return", lambda: shutil.copytree("s/d", os.path.join("deep", "er", "t8")))
show("pathlike", lambda: shutil.copytree(__import__("pathlib").Path("s/d"), __import__("pathlib").Path("t9")))
os.chmod("s/d/e", 0)
show("unreadable", lambda: shutil.copytree("s/d", "t10"))
os.chmod("s/d/e", 0o755)
os.chdir("/"); shutil.rmtree(base)
