"""File-system helpers for tests: temporary names, folders and environment."""

import contextlib
import os
import stat
import tempfile
import unittest

TESTFN_ASCII = f"@test_{os.getpid()}_tmp"
TESTFN = TESTFN_ASCII
TESTFN_UNICODE = TESTFN_ASCII + "-\xe0\xf2\u0258\u0141\u011f"
TESTFN_NONASCII = TESTFN_ASCII + "-\xe6"
TESTFN_UNENCODABLE = None
TESTFN_UNDECODABLE = None
FS_NONASCII = "\xe6"
SAVEDCWD = os.getcwd()


def unlink(filename):
    """Remove a file; a missing one is fine."""
    try:
        os.unlink(filename)
    except (FileNotFoundError, NotADirectoryError):
        pass


def rmdir(dirname):
    try:
        os.rmdir(dirname)
    except FileNotFoundError:
        pass


def rmtree(path):
    """Remove a folder tree (made writable first); a missing one is fine."""
    import shutil

    def make_writable_and_retry(function, failed_path, _exc_info):
        try:
            os.chmod(failed_path, stat.S_IRWXU)
        except OSError:
            pass
        function(failed_path)

    try:
        shutil.rmtree(path, onerror=make_writable_and_retry)
    except FileNotFoundError:
        pass
    except NotADirectoryError:
        unlink(path)


def create_empty_file(filename):
    fd = os.open(filename, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.close(fd)


def make_bad_fd():
    """A file descriptor that is closed (so using it fails with EBADF)."""
    fd = os.open(TESTFN, os.O_WRONLY | os.O_CREAT)
    try:
        return fd
    finally:
        os.close(fd)
        unlink(TESTFN)


def fd_count():
    """How many file descriptors the process has open."""
    for folder in ("/proc/self/fd", "/dev/fd"):
        try:
            return len(os.listdir(folder)) - 1
        except OSError:
            continue
    count = 0
    for fd in range(256):
        try:
            os.fstat(fd)
        except OSError:
            continue
        count += 1
    return count


@contextlib.contextmanager
def temp_dir(path=None, quiet=False):
    """A temporary folder (made, or `path` created) for the block; removed after."""
    made_here = path is None
    if made_here:
        path = os.path.realpath(tempfile.mkdtemp())
    else:
        try:
            os.mkdir(path)
        except OSError as err:
            if not quiet:
                raise
            import warnings
            warnings.warn(f"tests may fail, unable to create temporary directory {path!r}: {err}",
                          RuntimeWarning, stacklevel=3)
            made_here = False
        else:
            made_here = True
    try:
        yield path
    finally:
        if made_here:
            rmtree(path)


@contextlib.contextmanager
def change_cwd(path, quiet=False):
    """Make `path` the working folder for the block; yield it."""
    saved = os.getcwd()
    try:
        os.chdir(os.path.realpath(path))
    except OSError as err:
        if not quiet:
            raise
        import warnings
        warnings.warn(f"tests may fail, unable to change the current working directory "
                      f"to {path!r}: {err}", RuntimeWarning, stacklevel=3)
    try:
        yield os.getcwd()
    finally:
        os.chdir(saved)


@contextlib.contextmanager
def temp_cwd(name="tempcwd", quiet=False):
    """A temporary folder that is also the working folder for the block."""
    with temp_dir(path=name, quiet=quiet) as folder, change_cwd(folder, quiet=quiet) as cwd:
        yield cwd


@contextlib.contextmanager
def temp_umask(umask):
    saved = os.umask(umask)
    try:
        yield
    finally:
        os.umask(saved)


class EnvironmentVarGuard:
    """A mapping over os.environ whose changes are undone on exit."""

    def __init__(self):
        self._environ = os.environ
        self._saved = {}

    def _remember(self, key):
        if key not in self._saved:
            self._saved[key] = self._environ.get(key)

    def __getitem__(self, key):
        return self._environ[key]

    def __setitem__(self, key, value):
        self._remember(key)
        self._environ[key] = value

    def __delitem__(self, key):
        self._remember(key)
        self._environ.pop(key, None)

    def __contains__(self, key):
        return key in self._environ

    def __iter__(self):
        return iter(self._environ)

    def __len__(self):
        return len(self._environ)

    def keys(self):
        return self._environ.keys()

    def get(self, key, default=None):
        return self._environ.get(key, default)

    def set(self, key, value):
        self[key] = value

    def unset(self, key):
        del self[key]

    def copy(self):
        return dict(self._environ)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        for key, value in self._saved.items():
            if value is None:
                self._environ.pop(key, None)
            else:
                self._environ[key] = value
        self._saved.clear()


class FakePath:
    """An os.PathLike whose __fspath__ returns (or raises) what it was given."""

    def __init__(self, path):
        self.path = path

    def __repr__(self):
        return f"<FakePath {self.path!r}>"

    def __fspath__(self):
        if isinstance(self.path, BaseException) or (
                isinstance(self.path, type) and issubclass(self.path, BaseException)):
            raise self.path
        return self.path


_symlinks_work = None


def can_symlink():
    global _symlinks_work
    if _symlinks_work is None:
        link = TESTFN + "_can_symlink"
        try:
            os.symlink(TESTFN, link)
        except (OSError, NotImplementedError, AttributeError):
            _symlinks_work = False
        else:
            _symlinks_work = True
            os.remove(link)
    return _symlinks_work


def skip_unless_symlink(test):
    return test if can_symlink() else unittest.skip("Requires functional symlink implementation")(test)


def can_xattr():
    return False


def skip_unless_xattr(test):
    return unittest.skip("no support for extended attributes")(test)


def fs_is_case_insensitive(directory):
    with tempfile.NamedTemporaryFile(dir=directory) as probe:
        upper = probe.name.upper()
        if upper == probe.name:
            upper = probe.name.lower()
        return os.path.exists(upper)
