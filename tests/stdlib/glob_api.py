# glob: wildcards, hidden names, recursive '**' (following links to
# directories, repeated matches kept), root_dir, bytes patterns, escape,
# has_magic and the glob0/glob1 helpers, in a temporary tree.
import glob, os, tempfile, shutil
base = tempfile.mkdtemp()
os.chdir(base)
for d in ["a", "a/b", "a/b/c", ".h", "a/.hd", "e"]:
    os.makedirs(d, exist_ok=True)
for f in ["x.txt", "y.py", ".hid", "a/1.txt", "a/b/2.txt", "a/b/c/3.py", ".h/in.txt", "a/.hd/z.txt", "a/.dot.txt", "[q].txt", "e/f*g"]:
    open(f, "w").close()
os.symlink("nowhere", "broken")
os.symlink("a", "la")
def g(*args, **kw):
    try: r = glob.glob(*args, **kw)
    except Exception as e: return f"{type(e).__name__}: {e}"
    return sorted(r) if isinstance(r, list) else r
cases = [("*",), ("*.txt",), (".*",), ("?.py",), ("[xy].*",), ("[!x]*",), ("a/*",), ("*/*",), ("*/*.txt",), ("a/*/",), ("*/",), ("x.txt",), ("nope",), ("a/",), ("a//b/*",), ("./*.py",), ("**",), ("**/*.txt",), ("a/**",), ("", ), ("broken",), ("la/*",), ("[[]q].txt",), ("e/f*g",), ("e/f[*]g",), ("/nonexistent/*",), ("a/b/c/../*",)]
for c in cases:
    print(c, g(*c))
for c in [("**",), ("**/",), ("**/*.txt",), ("a/**",), ("a/**/",), ("a/**/*.py",), ("**/c",), ("a**",), ("**/**",), ("*/**",)]:
    print("rec", c, g(*c, recursive=True))
for c in [("*",), (".*",), ("**",), ("**/*.txt",), ("a/*",)]:
    print("hid", c, g(*c, recursive=True, include_hidden=True))
print("root", g("*.txt", root_dir="a"), g("**", root_dir="a", recursive=True), g("b", root_dir="a"), g("", root_dir="a"), g("*", root_dir="nope"))
print("root path", g("*.txt", root_dir=__import__("pathlib").Path("a")))
print("abs", [p.replace(base, "B") for p in g(os.path.join(base, "a", "*.txt"))], [p.replace(base, "B") for p in g(os.path.join(base, "*"), root_dir="a")])
print("bytes", g(b"*.txt"), g(b"a/**", recursive=True), g(b"x.txt"), g(b"*", root_dir=b"a"))
print("iglob", type(glob.iglob("*")).__name__, sorted(glob.iglob("*.py")))
print("escape", glob.escape("a*b?c[d]"), glob.escape("//?/c:/a*"), glob.escape(b"x*"), glob.escape("c:*"), glob.escape(""))
print("has_magic", glob.has_magic("a*"), glob.has_magic("a"), glob.has_magic(b"[x]"))
print("glob0", glob.glob0("a", "1.txt"), glob.glob0("a", ""), glob.glob0("a", "zz"), glob.glob1("a", "*.txt"), glob.glob1("a", ".*"))
print("type err", g(3))
print("pathlike", g(__import__("pathlib").Path("x.txt")))
os.chdir("/")
shutil.rmtree(base)
