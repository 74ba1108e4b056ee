# The script-level half of `os`: environ, getenv, stat_result, scandir and
# DirEntry, walk, makedirs, and the structured results (uname, times,
# terminal_size) built from the natives' tuples.

import sys
import posixpath as path
import abc as _abc

# As CPython's os: `os.path` is the platform's path module under a second name.
sys.modules["os.path"] = path

error = OSError
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
F_OK = 0
R_OK = 4
W_OK = 2
X_OK = 1

# open() flags, as Linux defines them.
O_RDONLY = 0
O_WRONLY = 1
O_RDWR = 2
O_ACCMODE = 3
O_CREAT = 0o100
O_EXCL = 0o200
O_NOCTTY = 0o400
O_TRUNC = 0o1000
O_APPEND = 0o2000
O_NONBLOCK = 0o4000
O_NDELAY = O_NONBLOCK
O_DSYNC = 0o10000
O_ASYNC = 0o20000
O_DIRECTORY = 0o200000
O_NOFOLLOW = 0o400000
O_NOATIME = 0o1000000
O_CLOEXEC = 0o2000000
O_SYNC = 0o4010000
O_RSYNC = O_SYNC
O_PATH = 0o10000000
O_TMPFILE = 0o20200000
O_LARGEFILE = 0

supports_fd = set()
supports_dir_fd = set()
supports_follow_symlinks = set()
supports_effective_ids = set()


class _StructSeq(tuple):
    # A tuple with named fields, as CPython's structseq types: the first
    # `_visible` fields are the tuple; the rest are attributes only.
    _fields = ()
    _visible = 0
    _prefix = ""

    def __new__(cls, seq, dict=None):
        seq = tuple(seq)
        visible = cls._visible or len(cls._fields)
        if len(seq) < visible:
            raise TypeError(f"{cls._prefix}{cls.__name__}() takes an at least {visible}-sequence ({len(seq)}-sequence given)")
        if len(seq) > len(cls._fields):
            raise TypeError(f"{cls._prefix}{cls.__name__}() takes an at most {len(cls._fields)}-sequence ({len(seq)}-sequence given)")
        self = tuple.__new__(cls, seq[:visible])
        self._all = seq + (None,) * (len(cls._fields) - len(seq))
        return self

    def __getattr__(self, name):
        fields = type(self)._fields
        if name in fields:
            return self._all[fields.index(name)]
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def __repr__(self):
        names = type(self)._fields[:len(self)]
        inner = ", ".join(f"{n}={v!r}" for n, v in zip(names, self))
        return f"{type(self)._prefix}{type(self).__name__}({inner})"

    def __reduce__(self):
        return (type(self), (tuple(self),))


class stat_result(_StructSeq):
    _fields = ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
               "_atime_int", "_mtime_int", "_ctime_int", "st_atime", "st_mtime", "st_ctime",
               "st_atime_ns", "st_mtime_ns", "st_ctime_ns", "st_blksize", "st_blocks", "st_rdev")
    _visible = 10
    _prefix = "os."

    def __repr__(self):
        names = ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
                 "st_atime", "st_mtime", "st_ctime")
        inner = ", ".join(f"{n}={v!r}" for n, v in zip(names, self))
        return f"os.stat_result({inner})"


def _stat_result(fields):
    mode, ino, dev, nlink, uid, gid, size, atime_ns, mtime_ns, ctime_ns, blksize, blocks, rdev = fields
    return stat_result((mode, ino, dev, nlink, uid, gid, size,
                        atime_ns // 1000000000, mtime_ns // 1000000000, ctime_ns // 1000000000,
                        atime_ns / 1e9, mtime_ns / 1e9, ctime_ns / 1e9,
                        atime_ns, mtime_ns, ctime_ns, blksize, blocks, rdev))


class uname_result(_StructSeq):
    _fields = ("sysname", "nodename", "release", "version", "machine")
    _prefix = "posix."


class times_result(_StructSeq):
    _fields = ("user", "system", "children_user", "children_system", "elapsed")
    _prefix = "posix."


class terminal_size(_StructSeq):
    _fields = ("columns", "lines")
    _prefix = "os."


def uname():
    return uname_result(_uname())


def times():
    return times_result(_times())


def get_terminal_size(fd=1):
    return terminal_size(_terminal_size(fd))


class PathLike(_abc.ABC):
    @_abc.abstractmethod
    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return hasattr(subclass, "__fspath__")
        return NotImplemented


class _Environ(dict):
    # A dict of the environment whose changes are passed on to the process.
    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError(f"str expected, not {type(key).__name__}")
        if not isinstance(value, str):
            raise TypeError(f"str expected, not {type(value).__name__}")
        _putenv(key, value)
        dict.__setitem__(self, key, value)

    def __delitem__(self, key):
        dict.__delitem__(self, key)
        _unsetenv(key)

    def pop(self, key, *default):
        if key in self:
            _unsetenv(key)
        return dict.pop(self, key, *default)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def update(self, other=(), /, **kwds):
        for key, value in dict(other, **kwds).items():
            self[key] = value

    def copy(self):
        return dict(self)

    def __repr__(self):
        return f"environ({dict.__repr__(self)})"


environ = _Environ(_environ_items())


def getenv(key, default=None):
    return environ.get(key, default)


def putenv(key, value):
    _putenv(key, value)


def unsetenv(key):
    _unsetenv(key)


def fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    if not hasattr(type(p), "__fspath__"):
        raise TypeError(f"expected str, bytes or os.PathLike object, not {type(p).__name__}")
    # A special method: through the instance, so that a non-function on the
    # class (a mock) is bound as descriptors are, or called as it is.
    path = p.__fspath__()
    if isinstance(path, (str, bytes)):
        return path
    raise TypeError(f"expected {type(p).__name__}.__fspath__() to return str or bytes, not {type(path).__name__}")


def stat(path, *, dir_fd=None, follow_symlinks=True):
    if not isinstance(path, int):
        path = fspath(path)
    return _stat_result(_stat(path, follow_symlinks))


def lstat(path, *, dir_fd=None):
    return _stat_result(_stat(fspath(path), False))


def fstat(fd):
    if not isinstance(fd, int):
        raise TypeError(f"'{type(fd).__name__}' object cannot be interpreted as an integer")
    return _stat_result(_stat(fd))


def utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True):
    if times is not None and ns is not None:
        raise ValueError("utime: you may specify either 'times' or 'ns' but not both")
    if times is not None:
        if not isinstance(times, tuple) or len(times) != 2:
            raise TypeError("utime: 'times' must be either a tuple of two ints or None")
        ns = tuple(int(round(t * 1e9)) if isinstance(t, float) else t * 1000000000 for t in times)
    elif ns is not None:
        if not isinstance(ns, tuple) or len(ns) != 2:
            raise TypeError("utime: 'ns' must be a tuple of two ints")
    else:
        ns = (None, None)
    _utime(path, ns[0], ns[1])


def fsencode(filename):
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode("utf-8", "surrogateescape")
    return filename


def fsdecode(filename):
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode("utf-8", "surrogateescape")
    return filename


def get_exec_path(env=None):
    if env is None:
        env = environ
    value = env.get("PATH")
    if value is None:
        value = path.defpath
    return value.split(pathsep)


def getcwdb():
    return getcwd().encode()


class DirEntry:
    # One entry of a directory listing; its stat is fetched once, on demand.
    def __init__(self, directory, name):
        self.name = name
        self.path = path.join(directory, name)
        self._stat = None
        self._lstat = None

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return f"<DirEntry {self.name!r}>"

    def inode(self):
        return self.stat(follow_symlinks=False).st_ino

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks:
            if self._stat is None:
                if self.is_symlink():
                    self._stat = stat(self.path)
                else:
                    self._stat = self.stat(follow_symlinks=False)
            return self._stat
        if self._lstat is None:
            self._lstat = lstat(self.path)
        return self._lstat

    def _mode(self, follow_symlinks):
        try:
            return self.stat(follow_symlinks=follow_symlinks).st_mode
        except FileNotFoundError:
            return 0

    def is_dir(self, *, follow_symlinks=True):
        return self._mode(follow_symlinks) & 0o170000 == 0o040000

    def is_file(self, *, follow_symlinks=True):
        return self._mode(follow_symlinks) & 0o170000 == 0o100000

    def is_symlink(self):
        return self._mode(False) & 0o170000 == 0o120000


class _ScandirIterator:
    def __init__(self, directory, names):
        self._directory = directory
        self._names = iter(names)

    def __iter__(self):
        return self

    def __next__(self):
        return DirEntry(self._directory, next(self._names))

    def close(self):
        self._names = iter(())

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def scandir(path="."):
    if path is None:
        path = "."
    path = fspath(path)
    return _ScandirIterator(path, listdir(path))


def makedirs(name, mode=0o777, exist_ok=False):
    name = fspath(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
    try:
        mkdir(name)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def walk(top, topdown=True, onerror=None, followlinks=False):
    top = fspath(top)
    try:
        entries = list(scandir(top))
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    dirs, nondirs = [], []
    for entry in entries:
        if entry.is_dir():
            dirs.append(entry.name)
        else:
            nondirs.append(entry.name)
    if topdown:
        yield top, dirs, nondirs
    # Top-down, the caller may have pruned `dirs`.
    for name in dirs:
        new_path = path.join(top, name)
        if followlinks or not path.islink(new_path):
            yield from walk(new_path, topdown, onerror, followlinks)
    if not topdown:
        yield top, dirs, nondirs
