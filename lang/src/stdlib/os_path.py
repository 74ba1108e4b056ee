# `os.path` for POSIX paths (CPython's posixpath): string arithmetic here,
# file queries through natives.

import os

sep = "/"
curdir = "."
pardir = ".."
extsep = "."
pathsep = ":"
defpath = "/bin:/usr/bin"
altsep = None
devnull = "/dev/null"


def _fspath(p):
    return os.fspath(p)


def normcase(s):
    """The path as the file system compares it: unchanged on POSIX."""
    return _fspath(s)


def isabs(s):
    return _fspath(s).startswith("/")


def join(a, *p):
    a = _fspath(a)
    path = a
    for b in map(_fspath, p):
        if b.startswith("/"):
            path = b
        elif not path or path.endswith("/"):
            path += b
        else:
            path += "/" + b
    return path


def split(p):
    p = _fspath(p)
    i = p.rfind("/") + 1
    head, tail = p[:i], p[i:]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head, tail


def splitext(p):
    p = _fspath(p)
    sep_index = p.rfind("/")
    dot_index = p.rfind(".")
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index] != ".":
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, p[:0]


def splitdrive(p):
    return p[:0], p


def basename(p):
    p = _fspath(p)
    return p[p.rfind("/") + 1:]


def dirname(p):
    p = _fspath(p)
    i = p.rfind("/") + 1
    head = p[:i]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head


def normpath(path):
    path = _fspath(path)
    if path == "":
        return "."
    initial_slashes = 1 if path.startswith("/") else 0
    if initial_slashes and path.startswith("//") and not path.startswith("///"):
        initial_slashes = 2
    comps = path.split("/")
    new_comps = []
    for comp in comps:
        if comp in ("", "."):
            continue
        if comp != ".." or (not initial_slashes and not new_comps) or (new_comps and new_comps[-1] == ".."):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    path = "/".join(new_comps)
    if initial_slashes:
        path = "/" * initial_slashes + path
    return path or "."


def abspath(path):
    path = _fspath(path)
    if not isabs(path):
        path = join(os.getcwd(), path)
    return normpath(path)


def realpath(filename, *, strict=False):
    # The absolute path with every symbolic link resolved, one part at a time.
    filename = _fspath(filename)
    parts = abspath(filename).split("/")[1:]
    resolved = "/"
    seen = {}
    pending = list(reversed(parts))
    while pending:
        part = pending.pop()
        if not part or part == ".":
            continue
        if part == "..":
            resolved = dirname(resolved)
            continue
        candidate = join(resolved, part)
        try:
            st = os.lstat(candidate)
        except OSError:
            if strict:
                raise
            resolved = candidate
            continue
        if st.st_mode & 0o170000 != 0o120000:
            resolved = candidate
            continue
        if candidate in seen:
            if strict:
                os.stat(candidate)
            resolved = candidate
            continue
        seen[candidate] = True
        target = os.readlink(candidate)
        if target.startswith("/"):
            resolved = "/"
        pending.extend(reversed(target.split("/")))
    return resolved


def samefile(f1, f2):
    s1 = os.stat(f1)
    s2 = os.stat(f2)
    return samestat(s1, s2)


def samestat(s1, s2):
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def sameopenfile(fp1, fp2):
    return samestat(os.fstat(fp1), os.fstat(fp2))


def getatime(filename):
    return os.stat(filename).st_atime


def getctime(filename):
    return os.stat(filename).st_ctime


def ismount(path):
    try:
        s1 = os.lstat(path)
    except (OSError, ValueError):
        return False
    if s1.st_mode & 0o170000 == 0o120000:
        return False
    parent = realpath(join(_fspath(path), pardir))
    try:
        s2 = os.lstat(parent)
    except (OSError, ValueError):
        return False
    return s1.st_dev != s2.st_dev or s1.st_ino == s2.st_ino


def relpath(path, start=None):
    if not path:
        raise ValueError("no path specified")
    start = curdir if start is None else _fspath(start)
    start_list = [x for x in abspath(start).split("/") if x]
    path_list = [x for x in abspath(path).split("/") if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = [pardir] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return curdir
    return join(*rel_list)


def commonprefix(m):
    if not m:
        return ""
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def commonpath(paths):
    if not paths:
        raise ValueError("commonpath() arg is an empty sequence")
    absolute = {p.startswith("/") for p in paths}
    if len(absolute) > 1:
        raise ValueError("Can't mix absolute and relative paths")
    split_paths = [[c for c in p.split("/") if c and c != "."] for p in paths]
    s1 = min(split_paths)
    s2 = max(split_paths)
    common = s1
    for i, c in enumerate(s1):
        if c != s2[i]:
            common = s1[:i]
            break
    prefix = "/" if absolute.pop() else ""
    return prefix + "/".join(common)


def expanduser(path):
    path = _fspath(path)
    if not path.startswith("~"):
        return path
    i = path.find("/", 1)
    if i < 0:
        i = len(path)
    if i == 1:
        home = os.environ.get("HOME", "/")
    else:
        return path
    return (home.rstrip("/") or "/") + path[i:]


def expandvars(path):
    path = _fspath(path)
    out = []
    i = 0
    while i < len(path):
        c = path[i]
        if c == "$" and i + 1 < len(path):
            if path[i + 1] == "{":
                j = path.find("}", i + 2)
                if j > 0 and path[i + 2:j] in os.environ:
                    out.append(os.environ[path[i + 2:j]])
                    i = j + 1
                    continue
            else:
                j = i + 1
                while j < len(path) and (path[j].isalnum() or path[j] == "_"):
                    j += 1
                name = path[i + 1:j]
                if name in os.environ:
                    out.append(os.environ[name])
                    i = j
                    continue
        out.append(c)
        i += 1
    return "".join(out)


def exists(path):
    try:
        return _kind(_fspath(path)) is not None
    except TypeError:
        return False


def lexists(path):
    return _kind(_fspath(path), False) is not None


def isfile(path):
    return _kind(_fspath(path)) == "file"


def isdir(s):
    return _kind(_fspath(s)) == "dir"


def islink(path):
    return _kind(_fspath(path), False) == "link"


def getsize(filename):
    return _getsize(_fspath(filename))


def getmtime(filename):
    return _getmtime(_fspath(filename))


# Bytes paths. Every function above works on text; given bytes paths (and
# no str ones) it works on their decoded text (os.fsdecode) and encodes the
# paths it returns (os.fsencode), as CPython's bytes variants would compute
# them.

def _path_kind(value):
    """(text, was_bytes) for one path argument."""
    value = os.fspath(value)
    if isinstance(value, bytes):
        return os.fsdecode(value), True
    return value, False


def _as_bytes(result):
    if isinstance(result, str):
        return os.fsencode(result)
    if isinstance(result, tuple):
        return tuple(_as_bytes(item) for item in result)
    return result


def _all_text(paths):
    """The paths as text, and whether they were bytes; mixing is an error."""
    converted = [_path_kind(p) for p in paths]
    kinds = {was_bytes for _, was_bytes in converted}
    if len(kinds) > 1:
        raise TypeError("Can't mix strings and bytes in path components")
    return [text for text, _ in converted], kinds == {True}


def _taking_bytes(func, many=False):
    """`func` accepting bytes paths as well: its path arguments, or with
    `many` the paths in its one sequence argument."""
    def call(*args, **kwargs):
        if many:
            if not any(isinstance(p, bytes) for p in args[0]):
                return func(*args, **kwargs)
            texts, was_bytes = _all_text(args[0])
            return _as_bytes(func(texts, *args[1:], **kwargs))
        if not any(isinstance(a, bytes) for a in args) and not any(
                isinstance(v, bytes) for v in kwargs.values()):
            return func(*args, **kwargs)
        texts, was_bytes = _all_text([a for a in args if a is not None])
        texts = iter(texts)
        args = [None if a is None else next(texts) for a in args]
        named = {k: None if v is None else _path_kind(v)[0]
                 for k, v in kwargs.items() if k != "strict"}
        if "strict" in kwargs:
            named["strict"] = kwargs["strict"]
        return _as_bytes(func(*args, **named)) if was_bytes else func(*args, **named)
    call.__name__ = call.__qualname__ = func.__name__
    call.__doc__ = func.__doc__
    return call


for _name in ("normcase", "isabs", "join", "split", "splitext", "splitdrive",
              "basename", "dirname", "normpath", "abspath", "realpath",
              "relpath", "expanduser", "expandvars", "exists", "lexists",
              "isfile", "isdir", "islink", "ismount", "getsize", "getmtime",
              "getatime", "getctime", "samefile"):
    globals()[_name] = _taking_bytes(globals()[_name])
for _name in ("commonpath", "commonprefix"):
    globals()[_name] = _taking_bytes(globals()[_name], many=True)
del _name
