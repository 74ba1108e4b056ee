# `glob`: the paths matching a shell-style pattern ("*", "?", "[...]", and
# with `recursive` "**" for any depth of directories).
#
# A pattern is expanded from its last component back: the directory part
# (itself expanded first when it has wildcards, keeping only directories)
# gives the directories to look in, and the last component is matched
# against each one's entries. Names are joined to the directory part as the
# pattern wrote it, so results keep the pattern's spelling. Hidden names
# (a leading dot) need a pattern starting with a dot, or `include_hidden`.

import fnmatch
import os
import re

__all__ = ["glob", "iglob", "escape"]

magic_check = re.compile("([*?[])")
magic_check_bytes = re.compile(b"([*?[])")


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    """A list of the paths matching `pathname`, in directory order."""
    return list(iglob(pathname, root_dir=root_dir, dir_fd=dir_fd, recursive=recursive,
                      include_hidden=include_hidden))


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    """An iterator over the paths matching `pathname`, relative to
    `root_dir` when given (then the results are too)."""
    nothing = pathname[:0]
    if isinstance(pathname, bytes):
        # Bytes patterns are matched as the file-system-decoded text they
        # stand for (os.fsdecode and os.fsencode are exact inverses).
        found = iglob(os.fsdecode(pathname),
                      root_dir=None if root_dir is None else os.fsdecode(root_dir),
                      dir_fd=dir_fd, recursive=recursive, include_hidden=include_hidden)
        return (os.fsencode(path) for path in found)
    if dir_fd is not None:
        raise NotImplementedError("glob: dir_fd is not available in towel "
                                  "(os.scandir takes no descriptor)")
    search = _Search(nothing if root_dir is None else os.fspath(root_dir),
                     recursive, include_hidden)
    found = search.expand(pathname, directories_only=False)
    # A leading "**" first yields the starting directory itself, as an
    # empty path, which is no result.
    return (path for path in found if path)


class _Search:
    """One glob call's settings and its file-system questions, asked
    relative to `root` when there is one."""

    def __init__(self, root, recursive, include_hidden):
        self.root = root
        self.recursive = recursive
        self.include_hidden = include_hidden

    def _on_disk(self, path):
        return os.path.join(self.root, path) if self.root else path

    def expand(self, pattern, directories_only):
        """The paths matching `pattern` (only directories when more of a
        pattern follows it)."""
        head, last = os.path.split(pattern)
        if not has_magic(pattern):
            if self._literal(head, last, directories_only):
                yield pattern
            return
        if not head:
            yield from self._matches(head, last, directories_only)
            return
        if head != pattern and has_magic(head):
            folders = self.expand(head, directories_only=True)
        else:
            folders = [head]
        for folder in folders:
            for name in self._matches(folder, last, directories_only):
                yield os.path.join(folder, name)

    def _literal(self, head, last, directories_only):
        """Whether a pattern without wildcards names something (a directory
        when it ends with a separator or must be one)."""
        if not last:
            return os.path.isdir(self._on_disk(head))
        path = self._on_disk(os.path.join(head, last))
        return os.path.isdir(path) if directories_only else os.path.lexists(path)

    def _matches(self, folder, last, directories_only):
        """The names in `folder` the last component matches."""
        if not has_magic(last):
            if self._literal(folder, last, directories_only):
                yield last
            return
        if self.recursive and _is_double_star(last):
            yield last[:0]
            yield from self._everything_below(folder, directories_only)
            return
        shown_hidden = self.include_hidden or _is_hidden(last)
        names = [name for name, _ in self._entries(folder, directories_only)
                 if shown_hidden or not _is_hidden(name)]
        yield from fnmatch.filter(names, last)

    def _everything_below(self, folder, directories_only):
        """Every name under `folder` (relative to it), each directory before
        its contents; symbolic links to directories are followed."""
        for name, is_dir in self._entries(folder, directories_only):
            if _is_hidden(name) and not self.include_hidden:
                continue
            yield name
            if is_dir:
                inner = os.path.join(folder, name) if folder else name
                for below in self._everything_below(inner, directories_only):
                    yield os.path.join(name, below)

    def _entries(self, folder, directories_only):
        """`(name, is_dir)` for the entries of `folder` (the current one when
        empty); nothing when it cannot be read."""
        where = self._on_disk(folder)
        if not where:
            where = os.curdir
        try:
            with os.scandir(where) as scan:
                entries = list(scan)
        except OSError:
            return
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir or not directories_only:
                yield entry.name, is_dir


def _is_hidden(name):
    return name[:1] == "."


def _is_double_star(text):
    return text == "**"


def has_magic(s):
    """Whether `s` has a wildcard character."""
    checker = magic_check_bytes if isinstance(s, bytes) else magic_check
    return checker.search(s) is not None


def escape(pathname):
    """`pathname` with its wildcard characters bracketed, to match
    literally (a drive is left as it is)."""
    drive, rest = os.path.splitdrive(pathname)
    as_bytes = isinstance(rest, bytes)
    checker, bracketed = (magic_check_bytes, rb"[\1]") if as_bytes else (magic_check, r"[\1]")
    return drive + checker.sub(bracketed, rest)


def glob0(dirname, pattern):
    """`[pattern]` when `dirname` holds that name (or, for an empty name,
    is a directory), else `[]`."""
    exists = _Search("", False, False)._literal(os.fsdecode(dirname), os.fsdecode(pattern), False)
    return [pattern] if exists else []


def glob1(dirname, pattern):
    """The names in `dirname` matching the one-component `pattern`."""
    names = _Search("", False, False)._matches(os.fsdecode(dirname), os.fsdecode(pattern), False)
    if isinstance(pattern, bytes):
        return [os.fsencode(name) for name in names]
    return list(names)
