import os
import os.path
from os.path import join, split, splitext, basename, dirname, normpath, isabs, relpath, commonprefix

print(os.sep, os.name, os.curdir, os.pardir, repr(os.linesep), os.path.sep, os.path is os.path)
print(join("a", "b", "c.txt"), join("/a", "/b"), join("a/", "b"), join("a", ""), split("/usr/lib/x.py"), split("x"), split("/"), split("a//b"))
print(splitext("a/b.tar.gz"), splitext(".bashrc"), splitext("a.b/c"), splitext("x."), basename("/a/b/"), basename("/a/b"), dirname("/a/b"), dirname("a"), dirname("/"))
print(normpath("a/./b/../c//d/"), normpath("/../x"), normpath(""), normpath("//a"), normpath("../../a"), isabs("/x"), isabs("x"))
print(relpath("/a/b/c", "/a"), relpath("/a", "/a/b/c"), commonprefix(["/usr/lib", "/usr/local"]), os.path.commonpath(["/usr/lib", "/usr/local"]))
print(os.path.expanduser("~x"), os.path.expandvars("no vars"))
home = os.getcwd()
os.makedirs("tmp_os_test/sub/deeper", exist_ok=True)
with open("tmp_os_test/sub/f.txt", "w") as f:
    f.write("hello")
print(os.path.exists("tmp_os_test"), os.path.isdir("tmp_os_test/sub"), os.path.isfile("tmp_os_test/sub/f.txt"), os.path.isfile("tmp_os_test"), os.path.exists("nope"))
print(os.path.getsize("tmp_os_test/sub/f.txt"), sorted(os.listdir("tmp_os_test/sub")), os.stat("tmp_os_test/sub/f.txt").st_size)
print([(d, sorted(dirs), sorted(files)) for d, dirs, files in os.walk("tmp_os_test")])
os.rename("tmp_os_test/sub/f.txt", "tmp_os_test/sub/g.txt")
os.chdir("tmp_os_test")
print(os.path.basename(os.getcwd()), os.path.abspath("sub") == os.path.join(os.getcwd(), "sub"))
os.chdir(home)
for bad in [lambda: os.remove("tmp_os_test/missing.txt"), lambda: os.mkdir("tmp_os_test"), lambda: os.rmdir("tmp_os_test"), lambda: os.listdir("tmp_os_test/sub/g.txt"), lambda: os.chdir("nowhere")]:
    try:
        bad()
    except OSError as e:
        print(type(e).__name__, e, e.errno, e.filename)
os.remove("tmp_os_test/sub/g.txt")
os.rmdir("tmp_os_test/sub/deeper")
os.rmdir("tmp_os_test/sub")
os.rmdir("tmp_os_test")
print(os.path.exists("tmp_os_test"))
os.environ["TOWEL_TEST_VAR"] = "42"
print(os.environ["TOWEL_TEST_VAR"], os.getenv("TOWEL_TEST_VAR"), os.getenv("NOPE_NOT_SET"), os.environ.get("NOPE", "dflt"), "TOWEL_TEST_VAR" in os.environ)
del os.environ["TOWEL_TEST_VAR"]
print(os.getenv("TOWEL_TEST_VAR"), isinstance(os.getpid(), int), os.cpu_count() > 0, len(os.urandom(8)))
print(FileNotFoundError(2, "No such file or directory", "f.txt"), OSError("plain"), OSError(1, "x").args)
