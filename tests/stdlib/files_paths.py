# pathlib (pure and concrete paths), glob, shutil, tempfile and the os file functions, inside a temporary directory.
import os, tempfile, shutil, glob, pathlib
from pathlib import Path, PurePosixPath, PureWindowsPath, PurePath
base = tempfile.mkdtemp(prefix="towel_files_")
here = os.getcwd()
os.chdir(base)
try:
    # pathlib pure
    p = PurePosixPath("/usr/lib/python3.11/site.tar.gz")
    print(p, repr(p), p.parts, p.name, p.suffix, p.suffixes, p.stem, p.parent, p.anchor, p.root, p.drive)
    print(list(p.parents), p.parents[0], p.parents[-1], p.parents[1:3], len(p.parents))
    print(p.with_name("x.py"), p.with_suffix(".bz2"), p.with_stem("other"), p.with_suffix(""), p.is_absolute(), p.as_uri())
    print(PurePosixPath("a", "b/c", "/d", "e"), PurePosixPath("a//b/./c/"), PurePosixPath("//x/y"), PurePosixPath("///x"), PurePosixPath(), PurePosixPath("."))
    print(PurePosixPath("/a/b/c").relative_to("/a"), PurePosixPath("a/b").is_relative_to("a"), PurePosixPath("a/b").is_relative_to("c"))
    try:
        PurePosixPath("/a/b").relative_to("/c")
    except ValueError as e:
        print(e)
    for bad in [lambda: PurePosixPath("/").with_name("x"), lambda: PurePosixPath("a").with_suffix("b"), lambda: PurePosixPath("a").with_name("x/y")]:
        try:
            bad()
        except ValueError as e:
            print(e)
    print(PurePosixPath("a/b.py").match("*.py"), PurePosixPath("/a/b/c.py").match("b/*.py"), PurePosixPath("/a/b/c.py").match("/*.py"), PurePosixPath("a.PY").match("*.py"))
    print(PurePosixPath("a") / "b" / PurePosixPath("c"), "x" / PurePosixPath("y"), PurePosixPath("a") == PurePosixPath("a/"), PurePosixPath("a") < PurePosixPath("b"))
    print(sorted([PurePosixPath("b"), PurePosixPath("a/c"), PurePosixPath("a")]), hash(PurePosixPath("a/b")) == hash(PurePosixPath("a//b")), str(PurePosixPath("a")), os.fspath(PurePosixPath("q")))
    w = PureWindowsPath("C:\\Users\\me\\file.txt")
    print(w, repr(w), w.parts, w.drive, w.root, w.anchor, w.name, w.parent, w.as_posix(), PureWindowsPath("c:/a") == PureWindowsPath("C:\\A"))
    print(PureWindowsPath("//server/share/x"), PureWindowsPath("//server/share/x").drive, PureWindowsPath("a/b").is_absolute(), PureWindowsPath("C:/a").is_absolute(), PureWindowsPath("nul").is_reserved())
    print(type(PurePath("x")).__name__, type(Path("x")).__name__, Path("a", "b"), repr(Path("/x")))
    # Path on the file system
    root = Path("tree")
    (root / "sub" / "deep").mkdir(parents=True)
    (root / "sub").mkdir(exist_ok=True)
    try:
        (root / "sub").mkdir()
    except FileExistsError as e:
        print("FileExistsError", e.errno)
    try:
        Path("no/such/dir").mkdir()
    except FileNotFoundError as e:
        print("FileNotFoundError", e.errno)
    print((root / "a.txt").write_text("alpha\nbeta\n"), (root / "b.bin").write_bytes(b"\x00\x01"), (root / "sub" / "c.py").write_text("print(1)"))
    (root / "sub" / "deep" / "d.py").write_text("")
    (root / ".hidden").write_text("h")
    print((root / "a.txt").read_text(), (root / "b.bin").read_bytes(), (root / "a.txt").exists(), (root / "zz").exists(), root.is_dir(), (root / "a.txt").is_file(), root.is_file())
    print(sorted(p.name for p in root.iterdir()))
    print(sorted(str(p) for p in root.glob("*.txt")), sorted(str(p) for p in root.glob("*")), sorted(str(p) for p in root.rglob("*.py")))
    print(sorted(str(p) for p in root.glob("**/*.py")), sorted(str(p) for p in root.glob("**")), sorted(str(p) for p in root.glob("sub/*")), sorted(str(p) for p in root.glob("*/")))
    print((root / "a.txt").stat().st_size, (root / "a.txt").with_suffix(".md").name, Path("tree/sub/../a.txt").resolve() == (Path.cwd() / "tree" / "a.txt"), Path("x").absolute() == Path.cwd() / "x")
    (root / "a.txt").rename(root / "renamed.txt")
    print((root / "renamed.txt").exists(), (root / "a.txt").exists())
    (root / "renamed.txt").replace(root / "a.txt")
    (root / "touched").touch()
    (root / "touched").touch()
    try:
        (root / "touched").touch(exist_ok=False)
    except FileExistsError:
        print("touch exists")
    (root / "link").symlink_to("a.txt")
    print((root / "link").is_symlink(), (root / "link").read_text() == "alpha\nbeta\n", (root / "link").readlink(), (root / "a.txt").samefile(root / "link"))
    (root / "link").unlink()
    (root / "link").unlink(missing_ok=True)
    try:
        (root / "link").unlink()
    except FileNotFoundError as e:
        print("unlink missing", e.errno)
    with (root / "a.txt").open() as f:
        print(f.readline().strip())
    with (root / "a.txt").open("a") as f:
        f.write("gamma\n")
    print((root / "a.txt").read_text().splitlines())
    print(Path("~").expanduser() == Path(os.path.expanduser("~")), Path.home() == Path(os.path.expanduser("~")))
    # glob module
    print(sorted(glob.glob("tree/*")), sorted(glob.glob("tree/**/*.py", recursive=True)), sorted(glob.glob("tree/**", recursive=True)), sorted(glob.glob("tree/*.py")))
    print(sorted(glob.glob("*.txt", root_dir="tree")), sorted(glob.glob("tree/.*")), sorted(glob.glob("tree/*", include_hidden=True)), glob.escape("a*b?[c]"), glob.glob("nothing*"), glob.has_magic("a[b"))
    print(sorted(glob.iglob("tree/sub/*")), glob.glob("tree"), glob.glob("tree/"), sorted(glob.glob("tree/s?b/*.py")))
    # shutil
    shutil.copy("tree/a.txt", "tree/sub")
    shutil.copy2("tree/a.txt", "tree/copy2.txt")
    shutil.copyfile("tree/a.txt", "tree/copyfile.txt")
    print(open("tree/sub/a.txt").read() == open("tree/a.txt").read(), os.stat("tree/copy2.txt").st_mtime == os.stat("tree/a.txt").st_mtime)
    shutil.copytree("tree", "tree2", ignore=shutil.ignore_patterns("*.bin", ".hidden"))
    print(sorted(os.path.relpath(os.path.join(d, f), "tree2") for d, _, fs in os.walk("tree2") for f in fs))
    shutil.move("tree2/sub", "tree2/moved")
    print(sorted(os.listdir("tree2")))
    try:
        shutil.copyfile("tree/a.txt", "tree/a.txt")
    except shutil.SameFileError as e:
        print("SameFileError", e)
    shutil.rmtree("tree2")
    print(os.path.exists("tree2"), shutil.which("sh") is not None, shutil.which("surely-not-a-command"))
    try:
        shutil.rmtree("tree2")
    except FileNotFoundError as e:
        print("rmtree missing", e.errno)
    shutil.rmtree("tree2", ignore_errors=True)
    # tempfile
    print(os.path.isdir(tempfile.gettempdir()), tempfile.gettempprefix())
    with tempfile.TemporaryDirectory() as tmp:
        print(os.path.isdir(tmp), os.path.basename(tmp).startswith("tmp"))
    print(os.path.exists(tmp))
    fd, name = tempfile.mkstemp(suffix=".dat", dir=".")
    os.write(fd, b"abc")
    os.close(fd)
    print(name.endswith(".dat"), os.path.isabs(name), open(name).read())
    os.remove(name)
    with tempfile.NamedTemporaryFile("w+", suffix=".txt", dir=".") as f:
        f.write("named")
        f.seek(0)
        print(f.read(), os.path.exists(f.name), f.name.endswith(".txt"))
    print(os.path.exists(f.name))
    with tempfile.NamedTemporaryFile(delete=False, dir=".") as f:
        f.write(b"kept")
    print(open(f.name, "rb").read())
    os.unlink(f.name)
    with tempfile.TemporaryFile() as f:
        f.write(b"anon")
        f.seek(0)
        print(f.read())
    with tempfile.SpooledTemporaryFile(max_size=10, mode="w+") as f:
        f.write("small")
        print(f._rolled)
        f.write("-and-now-bigger")
        print(f._rolled)
        f.seek(0)
        print(f.read())
    d = tempfile.mkdtemp(dir=".")
    print(os.path.isdir(d))
    os.rmdir(d)
    # os extras
    st = os.stat("tree/a.txt")
    print(type(st).__name__, st.st_size, st[6], len(st), isinstance(st.st_mtime, float), isinstance(st[8], int), st.st_mtime_ns // 10**9 == st[8])
    print(os.lstat("tree").st_mode & 0o170000 == 0o040000, sorted(e.name for e in os.scandir("tree")), [repr(e) for e in os.scandir("tree/sub/deep")])
    with os.scandir("tree") as it:
        entries = {e.name: (e.is_dir(), e.is_file(), e.is_symlink()) for e in it}
    print(sorted(entries.items()))
    os.chmod("tree/a.txt", 0o600)
    print(oct(os.stat("tree/a.txt").st_mode & 0o777), os.access("tree/a.txt", os.R_OK), os.access("nope", os.F_OK))
    os.utime("tree/a.txt", (1000000000, 1000000000))
    print(os.stat("tree/a.txt").st_mtime, os.path.getmtime("tree/a.txt"))
    os.symlink("a.txt", "tree/l")
    print(os.readlink("tree/l"), os.path.islink("tree/l"), os.path.realpath("tree/l") == os.path.realpath("tree/a.txt"))
    os.link("tree/a.txt", "tree/hard")
    print(os.stat("tree/hard").st_nlink, os.path.samefile("tree/a.txt", "tree/hard"))
    old = os.umask(0o022)
    print(os.umask(old) == 0o022, os.strerror(2), os.strerror(13))
    print(os.uname().sysname, len(os.uname()), type(os.times()).__name__, os.get_exec_path() == os.environ["PATH"].split(":"))
    print(os.fspath(Path("x")), isinstance(Path("x"), os.PathLike), isinstance("x", os.PathLike), os.fsencode("a"), os.fsdecode(b"b"))
    for bad in [lambda: os.stat("missing"), lambda: os.readlink("tree/a.txt"), lambda: os.rmdir("tree"), lambda: os.symlink("a", "tree/l"), lambda: os.open("missing", os.O_RDONLY)]:
        try:
            bad()
        except OSError as e:
            print(type(e).__name__, e.errno, e.strerror, e.filename, getattr(e, "filename2", None))
    print(sorted(os.path.relpath(d, ".") for d, _, _ in os.walk("tree", topdown=False)))
    os.makedirs("m1/m2/m3")
    os.removedirs("m1/m2/m3")
    print(os.path.exists("m1"))
finally:
    os.chdir(here)
    shutil.rmtree(base)
print(os.path.exists(base))
