# `tempfile`: temporary files and directories with unpredictable names,
# created exclusively (O_EXCL) so that no two callers ever share one.

import os as _os
import io as _io
import shutil as _shutil
import errno as _errno
import weakref as _weakref
from types import GenericAlias as _GenericAlias

__all__ = ["NamedTemporaryFile", "TemporaryFile", "SpooledTemporaryFile", "TemporaryDirectory",
           "mkstemp", "mkdtemp", "mktemp", "TMP_MAX", "gettempprefix", "tempdir", "gettempdir",
           "gettempprefixb", "gettempdirb"]

TMP_MAX = 10000
template = "tmp"
tempdir = None

_NAME_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_"


def _random_name():
    data = _os.urandom(8)
    return "".join(_NAME_CHARS[b % len(_NAME_CHARS)] for b in data)


def _candidate_dirs():
    for name in ("TMPDIR", "TEMP", "TMP"):
        value = _os.getenv(name)
        if value:
            yield value
    yield from ("/tmp", "/var/tmp", "/usr/tmp")
    yield _os.getcwd()


def _find_tempdir():
    for directory in _candidate_dirs():
        if directory != _os.curdir:
            directory = _os.path.abspath(directory)
        for _ in range(100):
            name = _os.path.join(directory, _random_name())
            try:
                fd = _os.open(name, _os.O_RDWR | _os.O_CREAT | _os.O_EXCL, 0o600)
                try:
                    _os.write(fd, b"blat")
                finally:
                    _os.close(fd)
                    _os.unlink(name)
                return directory
            except FileExistsError:
                continue
            except OSError:
                break
    raise FileNotFoundError(2, f"No usable temporary directory found in {list(_candidate_dirs())}")


def gettempdir():
    global tempdir
    if tempdir is None:
        tempdir = _find_tempdir()
    return _os.fspath(tempdir)


def gettempdirb():
    return _os.fsencode(gettempdir())


def gettempprefix():
    return template


def gettempprefixb():
    return _os.fsencode(template)


def _sanitize(prefix, suffix, dir):
    if suffix is None:
        suffix = ""
    if prefix is None:
        prefix = template
    if dir is None:
        dir = gettempdir()
    return _os.fspath(prefix), _os.fspath(suffix), _os.fspath(dir)


def _create(dir, prefix, suffix, make):
    for _ in range(TMP_MAX):
        name = _os.path.join(dir, prefix + _random_name() + suffix)
        try:
            return make(name), name
        except FileExistsError:
            continue
    raise FileExistsError(17, "No usable temporary file name found")


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    prefix, suffix, dir = _sanitize(prefix, suffix, dir)
    flags = _os.O_RDWR | _os.O_CREAT | _os.O_EXCL | _os.O_NOFOLLOW
    fd, name = _create(dir, prefix, suffix, lambda n: _os.open(n, flags, 0o600))
    return fd, _os.path.abspath(name)


def mkdtemp(suffix=None, prefix=None, dir=None):
    prefix, suffix, dir = _sanitize(prefix, suffix, dir)
    _, name = _create(dir, prefix, suffix, lambda n: _os.mkdir(n, 0o700))
    return _os.path.abspath(name)


def mktemp(suffix="", prefix=template, dir=None):
    """A name for a file that does not exist yet (unsafe: another process
    may create it first; prefer mkstemp)."""
    folder = gettempdir() if dir is None else dir
    candidates = (_os.path.join(folder, prefix + _random_name() + suffix) for _ in range(TMP_MAX))
    for candidate in candidates:
        if not _os.path.lexists(candidate):
            return candidate
    raise FileExistsError(_errno.EEXIST, "No usable temporary filename found")


class _TemporaryFileWrapper:
    """What NamedTemporaryFile returns: the open file with its `name`,
    removed from disk on close when `delete` is true. Other attributes are
    the file's."""

    def __init__(self, file, name, delete=True):
        self.file, self.name, self.delete = file, name, delete
        self._removed = False

    def __getattr__(self, attribute):
        return getattr(self.__dict__["file"], attribute)

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        outcome = self.file.__exit__(exc, value, tb)
        self.close()
        return outcome

    def __iter__(self):
        yield from self.file

    def close(self):
        """Closes the file, then removes it (once) when `delete` is set."""
        try:
            self.file.close()
        finally:
            if self.delete and not self._removed:
                self._removed = True
                _os.unlink(self.name)


def NamedTemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None, suffix=None,
                       prefix=None, dir=None, delete=True, *, errors=None):
    prefix, suffix, dir = _sanitize(prefix, suffix, dir)
    fd, name = mkstemp(suffix, prefix, dir)
    try:
        file = _io.open(fd, mode, buffering=buffering, newline=newline, encoding=encoding, errors=errors)
    except BaseException:
        _os.unlink(name)
        _os.close(fd)
        raise
    return _TemporaryFileWrapper(file, name, delete)


def TemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None, suffix=None, prefix=None,
                  dir=None, *, errors=None):
    fd, name = mkstemp(suffix, prefix, dir)
    try:
        _os.unlink(name)
        return _io.open(fd, mode, buffering=buffering, newline=newline, encoding=encoding, errors=errors)
    except BaseException:
        _os.close(fd)
        raise


class SpooledTemporaryFile(_io.IOBase):
    """A temporary file kept in memory (a BytesIO, or a text wrapper over
    one) until it grows past `max_size` or its descriptor is asked for;
    then its data moves to a real TemporaryFile (`rollover`)."""

    def __init__(self, max_size=0, mode="w+b", buffering=-1, encoding=None, newline=None,
                 suffix=None, prefix=None, dir=None, *, errors=None):
        self._max_size = max_size
        self._rolled = False
        self._settings = dict(mode=mode, buffering=buffering, suffix=suffix, prefix=prefix,
                              encoding=encoding, newline=newline, dir=dir, errors=errors)
        if "b" in mode:
            self._file = _io.BytesIO()
        else:
            self._file = _io.TextIOWrapper(_io.BytesIO(), encoding=_io.text_encoding(encoding),
                                           errors=errors, newline=newline)

    __class_getitem__ = classmethod(_GenericAlias)

    def rollover(self):
        """Moves the data to a file on disk, keeping the position."""
        if self._rolled:
            return
        memory = self._file
        memory.flush()
        position = memory.tell()
        # The bytes move as they are; a text file's go under its wrapper.
        data = memory.getvalue() if isinstance(memory, _io.BytesIO) else memory.buffer.getvalue()
        disk = TemporaryFile(**self._settings)
        getattr(disk, "buffer", disk).write(data)
        disk.seek(position, 0)
        self._file, self._rolled = disk, True

    def _grew(self):
        if self._max_size and not self._rolled and self._file.tell() > self._max_size:
            self.rollover()

    def write(self, s):
        written = self._file.write(s)
        self._grew()
        return written

    def writelines(self, lines):
        self._file.writelines(lines)
        self._grew()

    def truncate(self, size=None):
        if size is not None and size > self._max_size:
            self.rollover()
        return self._file.truncate() if size is None else self._file.truncate(size)

    def fileno(self):
        self.rollover()
        return self._file.fileno()

    def detach(self):
        raise _io.UnsupportedOperation("detach")

    def __enter__(self):
        if self._file.closed:
            raise ValueError("Cannot enter context with closed file")
        return self

    def __exit__(self, exc, value, tb):
        self._file.close()

    def __iter__(self):
        return iter(self._file)

    def close(self):
        self._file.close()

    @property
    def closed(self):
        return self._file.closed

    @property
    def mode(self):
        return self._file.mode if self._rolled else self._settings["mode"]

    @property
    def name(self):
        return self._file.name if self._rolled else None

    @property
    def encoding(self):
        return self._file.encoding

    @property
    def errors(self):
        return self._file.errors

    @property
    def newlines(self):
        return self._file.newlines


# The calls a SpooledTemporaryFile passes to its current file unchanged.
def _passed_to_file(name):
    def method(self, *args):
        return getattr(self._file, name)(*args)
    method.__name__ = name
    method.__qualname__ = f"SpooledTemporaryFile.{name}"
    return method


for _name in ("read", "read1", "readinto", "readinto1", "readline", "readlines", "seek", "tell",
              "flush", "isatty", "readable", "writable", "seekable"):
    setattr(SpooledTemporaryFile, _name, _passed_to_file(_name))
del _name


class TemporaryDirectory:
    """A directory made by mkdtemp, removed with its contents by cleanup(),
    on leaving a `with` block, or when the object is collected."""

    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors
        self._finalizer = _weakref.finalize(self, _remove_tree, self.name, ignore_cleanup_errors)

    __class_getitem__ = classmethod(_GenericAlias)

    def __repr__(self):
        return f"<{type(self).__name__} {self.name!r}>"

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        self.cleanup()

    def cleanup(self):
        """Removes the directory and its contents (once)."""
        if self._finalizer.detach() or _os.path.exists(self.name):
            _remove_tree(self.name, self._ignore_cleanup_errors)


def _remove_tree(path, ignore_errors):
    """Removes the tree; what is already gone is no error."""
    def failed(function, failed_path, exc_info):
        if not ignore_errors and not isinstance(exc_info[1], FileNotFoundError):
            raise exc_info[1]
    _shutil.rmtree(path, onerror=failed)
