# `shutil`: copying, moving and removing files and trees, `which`,
# `disk_usage` and the terminal size, over `os`.

import os
import sys
import fnmatch
import stat as _stat
from collections import namedtuple

__all__ = ["copyfileobj", "copyfile", "copymode", "copystat", "copy", "copy2", "copytree", "move",
           "rmtree", "Error", "SpecialFileError", "ignore_patterns", "which", "disk_usage",
           "get_terminal_size", "SameFileError", "chown", "make_archive", "unpack_archive"]

COPY_BUFSIZE = 64 * 1024


class Error(OSError):
    """A failed copy or move (copytree's carries the list of failures)."""


class SameFileError(Error):
    """Source and destination are one file."""


class SpecialFileError(OSError):
    """A special file (a named pipe, a socket) cannot be copied."""


class ExecError(OSError):
    """A command could not be run."""


class ReadError(OSError):
    """An archive could not be read."""


class RegistryError(Exception):
    """An archive format could not be registered or unregistered."""


def copyfileobj(fsrc, fdst, length=0):
    """Copies what is left of file object `fsrc` to `fdst`, `length`
    characters or bytes at a time (COPY_BUFSIZE when 0)."""
    read, write, size = fsrc.read, fdst.write, length or COPY_BUFSIZE
    while chunk := read(size):
        write(chunk)


def _samefile(src, dst):
    try:
        return os.path.samefile(src, dst)
    except OSError:
        return False


def copyfile(src, dst, *, follow_symlinks=True):
    if _samefile(src, dst):
        raise SameFileError(f"{src!r} and {dst!r} are the same file")
    for name in (src, dst):
        try:
            st = os.stat(name)
        except OSError:
            continue
        if _stat.S_ISFIFO(st.st_mode):
            raise SpecialFileError(f"`{os.fspath(name)}` is a named pipe")
    if not follow_symlinks and os.path.islink(src):
        os.symlink(os.readlink(src), dst)
        return dst
    with open(src, "rb") as fsrc:
        with open(dst, "wb") as fdst:
            copyfileobj(fsrc, fdst)
    return dst


def copymode(src, dst, *, follow_symlinks=True):
    if not follow_symlinks and os.path.islink(src) and os.path.islink(dst):
        return
    st = os.stat(src)
    os.chmod(dst, _stat.S_IMODE(st.st_mode))


def copystat(src, dst, *, follow_symlinks=True):
    if not follow_symlinks and os.path.islink(src) and os.path.islink(dst):
        return
    st = os.stat(src)
    os.utime(dst, ns=(st.st_atime_ns, st.st_mtime_ns))
    os.chmod(dst, _stat.S_IMODE(st.st_mode))


def copy(src, dst, *, follow_symlinks=True):
    """Copies the file's data and permission bits; `dst` may be a
    directory. Returns the file made."""
    return _copy_into(src, dst, follow_symlinks, copymode)


def _copy_into(src, dst, follow_symlinks, copy_metadata):
    if os.path.isdir(dst):
        dst = os.path.join(dst, os.path.basename(src))
    copyfile(src, dst, follow_symlinks=follow_symlinks)
    copy_metadata(src, dst, follow_symlinks=follow_symlinks)
    return dst


def copy2(src, dst, *, follow_symlinks=True):
    """`copy()` keeping all the metadata `copystat` copies (times too)."""
    return _copy_into(src, dst, follow_symlinks, copystat)


def ignore_patterns(*patterns):
    """An `ignore` callable for copytree leaving out the names that match
    any of the glob patterns."""
    def _ignore_patterns(path, names):
        return {name for name in names
                if any(fnmatch.fnmatch(name, pattern) for pattern in patterns)}
    return _ignore_patterns


def copytree(src, dst, symlinks=False, ignore=None, copy_function=copy2,
             ignore_dangling_symlinks=False, dirs_exist_ok=False):
    """Copies the tree at `src` to `dst` (made, with missing parents) and
    returns `dst`. Links are copied as links with `symlinks`, else what
    they point to; `ignore(directory, names)` names entries to leave out.
    Failures are gathered and raised together as one Error at the end."""
    with os.scandir(src) as scan:
        entries = list(scan)
    return _copy_entries(entries, src, dst, _TreeCopy(symlinks, ignore, copy_function,
                                                      ignore_dangling_symlinks, dirs_exist_ok))


class _TreeCopy:
    """The settings of one copytree call."""

    def __init__(self, symlinks, ignore, copy_function, ignore_dangling_symlinks, dirs_exist_ok):
        self.symlinks = symlinks
        self.ignore = ignore
        self.copy_function = copy_function
        self.ignore_dangling_symlinks = ignore_dangling_symlinks
        self.dirs_exist_ok = dirs_exist_ok


def _copy_entries(entries, src, dst, settings):
    left_out = set() if settings.ignore is None else settings.ignore(
        os.fspath(src), [entry.name for entry in entries])
    os.makedirs(dst, exist_ok=settings.dirs_exist_ok)
    failures = []
    for entry in entries:
        if entry.name in left_out:
            continue
        source, target = os.path.join(src, entry.name), os.path.join(dst, entry.name)
        try:
            _copy_entry(entry, source, target, settings)
        except Error as nested:
            failures.extend(nested.args[0])
        except OSError as why:
            failures.append((source, target, str(why)))
    try:
        copystat(src, dst)
    except OSError as why:
        # Some file systems cannot take the times of a directory.
        if getattr(why, "winerror", None) is None:
            failures.append((src, dst, str(why)))
    if failures:
        raise Error(failures)
    return dst


def _copy_entry(entry, source, target, settings):
    if entry.is_symlink():
        link = os.readlink(source)
        if settings.symlinks:
            os.symlink(link, target)
            copystat(source, target, follow_symlinks=False)
            return
        # CPython checks the link's text from the current directory.
        if settings.ignore_dangling_symlinks and not os.path.exists(link):
            return
        if os.path.isdir(source):
            copytree(source, target, settings.symlinks, settings.ignore, settings.copy_function,
                     settings.ignore_dangling_symlinks, settings.dirs_exist_ok)
            return
        settings.copy_function(source, target)
    elif entry.is_dir():
        copytree(source, target, settings.symlinks, settings.ignore, settings.copy_function,
                 settings.ignore_dangling_symlinks, settings.dirs_exist_ok)
    else:
        settings.copy_function(source, target)


def rmtree(path, ignore_errors=False, onerror=None, *, dir_fd=None):
    if ignore_errors:
        def onerror(*args):
            pass
    elif onerror is None:
        def onerror(*args):
            raise
    try:
        if os.path.islink(path):
            raise OSError("Cannot call rmtree on a symbolic link")
    except OSError:
        onerror(os.path.islink, path, sys.exc_info())
        return
    _rmtree(path, onerror)


def _rmtree(path, onerror):
    try:
        with os.scandir(path) as it:
            entries = list(it)
    except OSError:
        onerror(os.scandir, path, sys.exc_info())
        entries = []
    for entry in entries:
        full = entry.path
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            _rmtree(full, onerror)
        else:
            try:
                os.unlink(full)
            except OSError:
                onerror(os.unlink, full, sys.exc_info())
    try:
        os.rmdir(path)
    except OSError:
        onerror(os.rmdir, path, sys.exc_info())


def _last_name(path):
    """The last name of a path, trailing separators ignored."""
    text = os.fspath(path)
    return os.path.basename(text.rstrip(os.path.sep + (os.path.altsep or "")))


def move(src, dst, copy_function=copy2):
    """Moves a file or tree to `dst` (into it when it is a directory) and
    returns where it went. A rename when the OS can; across file systems,
    a copy (`copy_function` for files, copytree for directories) and
    removal of the source."""
    if os.path.isdir(dst):
        if _same_file(src, dst):
            # The same directory, differently spelt (a case-insensitive
            # file system): a rename changes the spelling.
            os.rename(src, dst)
            return None
        destination = os.path.join(dst, _last_name(src))
        if os.path.exists(destination):
            raise Error(f"Destination path '{destination}' already exists")
    else:
        destination = dst
    try:
        os.rename(src, destination)
    except OSError:
        _move_by_copying(src, dst, destination, copy_function)
    return destination


def _same_file(a, b):
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _move_by_copying(src, dst, destination, copy_function):
    if os.path.islink(src):
        os.symlink(os.readlink(src), destination)
        os.unlink(src)
    elif os.path.isdir(src):
        if _is_within(dst, src):
            raise Error(f"Cannot move a directory '{src}' into itself '{dst}'.")
        copytree(src, destination, copy_function=copy_function, symlinks=True)
        rmtree(src)
    else:
        copy_function(src, destination)
        os.unlink(src)


def _is_within(path, folder):
    """Whether `path` is `folder` or somewhere below it."""
    path, folder = os.path.abspath(path), os.path.abspath(folder)
    return path == folder or path.startswith(folder.rstrip(os.path.sep) + os.path.sep)


# What disk_usage returns, in bytes.
usage = namedtuple("usage", "total used free")


_ntuple_diskusage = usage
del usage


def disk_usage(path):
    total, free, available = os._statvfs_usage(os.fspath(path))
    return _ntuple_diskusage(total, total - free, available)


def chown(path, user=None, group=None):
    raise NotImplementedError("shutil.chown is not available in towel")


def get_terminal_size(fallback=(80, 24)):
    """The terminal's size: the COLUMNS and LINES variables when they hold
    positive numbers, else what the terminal of sys.__stdout__ says, else
    `fallback`."""
    wanted = [_positive_variable("COLUMNS"), _positive_variable("LINES")]
    if 0 in wanted:
        try:
            measured = os.get_terminal_size(sys.__stdout__.fileno())
        except (AttributeError, ValueError, OSError):
            measured = os.terminal_size(fallback)
        wanted = [given or found or default
                  for given, found, default in zip(wanted, measured, fallback)]
    return os.terminal_size(wanted)


def _positive_variable(name):
    """The environment variable as a positive int, 0 when it is not one."""
    try:
        return max(int(os.environ[name]), 0)
    except (KeyError, ValueError):
        return 0


def which(cmd, mode=os.F_OK | os.X_OK, path=None):
    cmd = os.fspath(cmd)
    if os.path.dirname(cmd):
        if os.path.exists(cmd) and os.access(cmd, mode) and not os.path.isdir(cmd):
            return cmd
        return None
    if path is None:
        path = os.environ.get("PATH", None)
        if path is None:
            path = os.defpath if hasattr(os, "defpath") else os.path.defpath
    if not path:
        return None
    seen = set()
    for directory in os.fspath(path).split(os.pathsep):
        normdir = os.path.normcase(directory)
        if normdir in seen:
            continue
        seen.add(normdir)
        name = os.path.join(directory, cmd)
        if os.path.exists(name) and os.access(name, mode) and not os.path.isdir(name):
            return name
    return None


def make_archive(base_name, format, root_dir=None, base_dir=None, verbose=0, dry_run=0,
                 owner=None, group=None, logger=None):
    raise NotImplementedError("shutil.make_archive is not available in towel yet (needs zipfile/tarfile)")


def unpack_archive(filename, extract_dir=None, format=None):
    raise NotImplementedError("shutil.unpack_archive is not available in towel yet (needs zipfile/tarfile)")


def get_archive_formats():
    return []


def get_unpack_formats():
    return []
