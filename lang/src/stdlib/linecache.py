# `linecache`: source lines of files, read once and kept, as CPython's
# module keeps them (`cache` maps a file name to (size, mtime, lines,
# fullname); programs may put lines there themselves).

import os

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]

cache = {}


def clearcache():
    cache.clear()


def getline(filename, lineno, module_globals=None):
    """Line `lineno` (counted from 1) of the file, with its newline; '' when
    the file or the line is not there."""
    lines = getlines(filename, module_globals)
    return lines[lineno - 1] if 0 < lineno <= len(lines) else ''


def getlines(filename, module_globals=None):
    """All the file's lines, from the cache or read into it now."""
    entry = cache.get(filename)
    if entry is not None and len(entry) != 1:
        return entry[2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def _is_stale(entry):
    """Whether a cached file has changed or gone since it was read. Lazy
    entries (1-tuples) and ones without an mtime (put there by programs for
    source that is not on disk) are never stale."""
    if len(entry) == 1 or entry[1] is None:
        return False
    size, mtime, _lines, fullname = entry
    try:
        st = os.stat(fullname)
    except OSError:
        return True
    return st.st_size != size or st.st_mtime != mtime


def checkcache(filename=None):
    """Drops the cached lines of files that changed on disk: every file's,
    or only `filename`'s."""
    names = list(cache) if filename is None else [filename]
    for name in names:
        entry = cache.get(name)
        if entry is not None and _is_stale(entry):
            del cache[name]


def updatecache(filename, module_globals=None):
    """Reads the file's lines into the cache; [] when it cannot be read."""
    if filename in cache and len(cache[filename]) != 1:
        cache.pop(filename, None)
    if not filename or (filename.startswith("<") and filename.endswith(">")):
        return []
    try:
        st = os.stat(filename)
        with open(filename, encoding="utf-8") as fp:
            lines = fp.readlines()
    except (OSError, UnicodeDecodeError, ValueError):
        return []
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    cache[filename] = st.st_size, st.st_mtime, lines, filename
    return lines


def lazycache(filename, module_globals):
    """No lazy loaders here: the file is read when a line is asked for."""
    return False
