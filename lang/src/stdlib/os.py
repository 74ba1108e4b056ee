# The script-level half of `os`: environ, getenv, stat_result, walk, makedirs.

import sys
import posixpath as path

# As CPython's os: `os.path` is the platform's path module under a second name.
sys.modules["os.path"] = path
from collections import namedtuple as _namedtuple

error = OSError
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
F_OK = 0
R_OK = 4
W_OK = 2
X_OK = 1


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


stat_result = _namedtuple("stat_result", "st_mode st_ino st_dev st_nlink st_uid st_gid st_size st_atime st_mtime st_ctime", module="os")


def stat(path):
    return stat_result(*_stat(fspath(path)))


def makedirs(name, mode=0o777, exist_ok=False):
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
    try:
        names = listdir(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    names.sort()
    dirs, nondirs = [], []
    for name in names:
        if path.isdir(path.join(top, name)):
            dirs.append(name)
        else:
            nondirs.append(name)
    if topdown:
        yield top, dirs, nondirs
    for name in dirs:
        new_path = path.join(top, name)
        if followlinks or not path.islink(new_path):
            yield from walk(new_path, topdown, onerror, followlinks)
    if not topdown:
        yield top, dirs, nondirs
