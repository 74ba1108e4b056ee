# `glob`: pathnames matching shell wildcards, directory by directory, with
# `**` for any depth when `recursive=True`. Names come in the directory's own
# order, as os.scandir gives them; names starting with a dot match only a
# pattern that starts with a dot (or with `include_hidden=True`).

import os
import fnmatch

__all__ = ["escape", "glob", "iglob"]


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    return list(iglob(pathname, root_dir=root_dir, dir_fd=dir_fd, recursive=recursive,
                      include_hidden=include_hidden))


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    pathname = os.fspath(pathname)
    if root_dir is not None:
        root_dir = os.fspath(root_dir)
    found = _iglob(pathname, root_dir, recursive, False, include_hidden)
    if not pathname or recursive and _is_recursive(pathname[:2]):
        # "**" alone yields the empty string first; drop it, as CPython does.
        first = next(found, None)
        if first:
            yield first
    yield from found


def _join(root_dir, path):
    if root_dir is None:
        return path
    return os.path.join(root_dir, path)


def _exists(root_dir, path, want_dir=False):
    full = _join(root_dir, path) if path else (root_dir or os.curdir)
    if want_dir:
        return os.path.isdir(full)
    return os.path.lexists(full)


def _iglob(pathname, root_dir, recursive, dironly, include_hidden):
    dirname, basename = os.path.split(pathname)
    if not has_magic(pathname):
        if basename:
            if _exists(root_dir, pathname):
                yield pathname
        elif _exists(root_dir, dirname, True):
            yield pathname
        return
    if not dirname:
        if recursive and _is_recursive(basename):
            yield from _glob2(root_dir, basename, dironly, include_hidden)
        else:
            yield from _glob1(root_dir, basename, dironly, include_hidden)
        return
    if dirname != pathname and has_magic(dirname):
        dirs = _iglob(dirname, root_dir, recursive, True, include_hidden)
    else:
        dirs = [dirname]
    if has_magic(basename):
        if recursive and _is_recursive(basename):
            glob_in_dir = _glob2
        else:
            glob_in_dir = _glob1
    else:
        glob_in_dir = _glob0
    for directory in dirs:
        for name in glob_in_dir(_join(root_dir, directory), basename, dironly, include_hidden):
            yield os.path.join(directory, name)


def _glob1(dirname, pattern, dironly, include_hidden):
    names = _listdir(dirname, dironly)
    if not (include_hidden or _is_hidden(pattern)):
        names = [n for n in names if not _is_hidden(n)]
    return fnmatch.filter(names, pattern)


def _glob0(dirname, basename, dironly, include_hidden):
    if basename:
        if _exists(dirname, basename):
            return [basename]
    elif _exists(None, dirname or os.curdir, True):
        return [basename]
    return []


def _glob2(dirname, pattern, dironly, include_hidden):
    # "**": this directory ("") and everything below it.
    yield pattern[:0]
    yield from _rlistdir(dirname, dironly, include_hidden)


def _listdir(dirname, dironly):
    try:
        with os.scandir(dirname or os.curdir) as it:
            if dironly:
                return [entry.name for entry in it if _entry_is_dir(entry)]
            return [entry.name for entry in it]
    except OSError:
        return []


def _entry_is_dir(entry):
    try:
        return entry.is_dir()
    except OSError:
        return False


def _rlistdir(dirname, dironly, include_hidden):
    for name in _listdir(dirname, dironly):
        if include_hidden or not _is_hidden(name):
            yield name
            path = os.path.join(dirname, name) if dirname else name
            if os.path.isdir(path) and not os.path.islink(path):
                for sub in _rlistdir(path, dironly, include_hidden):
                    yield os.path.join(name, sub)


def has_magic(s):
    return "*" in s or "?" in s or "[" in s


def _is_hidden(path):
    return path[:1] == "."


def _is_recursive(pattern):
    return pattern == "**"


def escape(pathname):
    drive, rest = os.path.splitdrive(pathname)
    out = []
    for c in rest:
        out.append("[" + c + "]" if c in "*?[" else c)
    return drive + "".join(out)


