# `fileinput`: the lines of several files (or standard input) as one
# stream, with where each line came from; optionally rewriting each file in
# place, what the program prints becoming the file's new text.
#
# A FileInput keeps the names still to read, the stream being read and two
# counters: the lines of the files already finished and the lines read from
# the current one. In-place editing is a `_Rewrite`: the backup the file was
# moved to, the new file standing in for `sys.stdout`, and how to undo both.

import os
import sys
from types import GenericAlias

__all__ = ["input", "close", "nextfile", "filename", "lineno", "filelineno", "fileno", "isfirstline",
           "isstdin", "FileInput", "hook_compressed", "hook_encoded"]


class _Rewrite:
    """A file being rewritten in place: it was renamed to `backup`, is read
    from there, and `sys.stdout` is a new file under its name (with its
    permissions) until `finish()`."""

    def __init__(self, name, backup_suffix, mode, encoding, errors):
        self.backup = name + (backup_suffix or ".bak")
        self.keep_backup = bool(backup_suffix)
        try:
            os.unlink(self.backup)
        except OSError:
            pass
        os.rename(name, self.backup)
        self.source = open(self.backup, mode, encoding=encoding, errors=errors)
        out_mode = mode.replace("r", "w")
        try:
            permissions = os.stat(self.backup).st_mode
        except OSError:
            self.output = open(name, out_mode, encoding=encoding, errors=errors)
        else:
            descriptor = os.open(name, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, permissions)
            self.output = open(descriptor, out_mode, encoding=encoding, errors=errors)
            try:
                os.chmod(name, permissions)
            except OSError:
                pass
        self.saved_stdout, sys.stdout = sys.stdout, self.output

    def finish(self):
        """Puts `sys.stdout` back and closes both files; the backup goes
        unless a suffix was asked for."""
        sys.stdout = self.saved_stdout
        try:
            self.output.close()
        finally:
            try:
                self.source.close()
            finally:
                if not self.keep_backup:
                    try:
                        os.unlink(self.backup)
                    except OSError:
                        pass


class FileInput:
    """`FileInput(files=None, inplace=False, backup="", *, mode="r",
    openhook=None, encoding=None, errors=None)`: iterates over the lines of
    `files` (a name, a path, or names; "-" is standard input; by default
    the command line's arguments, or standard input when there are none)."""

    # Nothing open: also what `__del__` finds when `__init__` refused its
    # arguments.
    _queue = ()
    _stream = None
    _rewrite = None
    _from_stdin = False

    def __init__(self, files=None, inplace=False, backup="", *, mode="r", openhook=None,
                 encoding=None, errors=None):
        self._queue = _file_names(files)
        _check_options(mode, inplace, openhook)
        self._inplace, self._backup, self._openhook = inplace, backup, openhook
        self._mode, self._encoding, self._errors = mode, encoding, errors
        self._name = None
        self._lines_before = 0
        self._lines_here = 0

    def __del__(self):
        self.close()

    def close(self):
        """Closes the current file and forgets the rest."""
        self._queue = ()
        self.nextfile()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        self.close()

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    __class_getitem__ = classmethod(GenericAlias)

    def readline(self):
        """The next line, from the next file when this one is done; empty at
        the end of the last."""
        while self._stream is not None or self._open_next():
            line = self._stream.readline()
            if line:
                self._lines_here += 1
                return line
            self.nextfile()
        return b"" if "b" in self._mode else ""

    def _open_next(self):
        """Starts on the next file; False when none is left."""
        if not self._queue:
            return False
        name, self._queue = self._queue[0], self._queue[1:]
        self._lines_before += self._lines_here
        self._lines_here = 0
        if name == "-":
            self._name = "<stdin>"
            self._stream = sys.stdin if "b" not in self._mode else getattr(sys.stdin, "buffer", sys.stdin)
            self._from_stdin = True
        else:
            self._name = name
            self._stream = self._open(name)
        return True

    def _open(self, name):
        if self._inplace:
            self._rewrite = _Rewrite(name, self._backup, self._mode, self._encoding, self._errors)
            return self._rewrite.source
        if self._openhook is None:
            return open(name, self._mode, encoding=self._encoding, errors=self._errors)
        if self._encoding is None:
            return self._openhook(name, self._mode)
        return self._openhook(name, self._mode, encoding=self._encoding, errors=self._errors)

    def nextfile(self):
        """Closes the current file (finishing its rewrite): the next line
        comes from the next file."""
        stream, self._stream = self._stream, None
        rewrite, self._rewrite = self._rewrite, None
        from_stdin, self._from_stdin = self._from_stdin, False
        if rewrite is not None:
            rewrite.finish()
        elif stream is not None and not from_stdin:
            stream.close()

    def filename(self):
        """The name of the file being read ("<stdin>" for standard input),
        None before the first line."""
        return self._name

    def lineno(self):
        """The number of lines read so far, over all files."""
        return self._lines_before + self._lines_here

    def filelineno(self):
        """The number of lines read so far from the current file."""
        return self._lines_here

    def fileno(self):
        """The current file's descriptor, -1 when there is none."""
        if self._stream is None:
            return -1
        try:
            return self._stream.fileno()
        except (AttributeError, ValueError):
            return -1

    def isfirstline(self):
        return self._lines_here == 1

    def isstdin(self):
        return self._from_stdin


def _check_options(mode, inplace, openhook):
    if mode not in ("r", "rb"):
        raise ValueError("FileInput opening mode must be 'r' or 'rb'")
    if openhook is None:
        return
    if inplace:
        raise ValueError("FileInput cannot use an opening hook in inplace mode")
    if not callable(openhook):
        raise ValueError("FileInput openhook must be callable")


def _file_names(files):
    """The names a FileInput reads, as a tuple."""
    if isinstance(files, str):
        return (files,)
    if isinstance(files, os.PathLike):
        return (os.fspath(files),)
    if files is None:
        return tuple(sys.argv[1:]) or ("-",)
    return tuple(files)


# -- the module's shared instance -------------------------------------------

_state = None


def input(files=None, inplace=False, backup="", *, mode="r", openhook=None, encoding=None,
          errors=None):
    """Makes the module's shared FileInput (which the functions below ask)
    and returns it."""
    global _state
    if _state is not None and _state._stream is not None:
        raise RuntimeError("input() already active")
    _state = FileInput(files, inplace, backup, mode=mode, openhook=openhook,
                       encoding=encoding, errors=errors)
    return _state


def close():
    """Closes the shared FileInput."""
    global _state
    closing, _state = _state, None
    if closing is not None:
        closing.close()


def _asking_shared(name):
    def function():
        if _state is None:
            raise RuntimeError("no active input()")
        return getattr(_state, name)()
    function.__name__ = function.__qualname__ = name
    function.__doc__ = f"`FileInput.{name}()` of the shared instance `input()` made."
    return function


for _name in ("nextfile", "filename", "lineno", "filelineno", "fileno", "isfirstline", "isstdin"):
    globals()[_name] = _asking_shared(_name)
del _name


# -- opening hooks ------------------------------------------------------------

# Compressed files by extension: the module and function that open them
# (binary streams).
_DECOMPRESSORS = {".gz": ("gzip", "open"), ".bz2": ("bz2", "BZ2File")}


def hook_compressed(filename, mode, *, encoding=None, errors=None):
    """An opening hook reading .gz and .bz2 files decompressed, others
    plainly."""
    if encoding is None and "b" not in mode:
        encoding = "locale"
    opener = _DECOMPRESSORS.get(os.path.splitext(filename)[1])
    if opener is None:
        return open(filename, mode, encoding=encoding, errors=errors)
    module_name, function_name = opener
    stream = getattr(__import__(module_name), function_name)(filename, mode)
    if "b" in mode:
        return stream
    import io
    return io.TextIOWrapper(stream, encoding=encoding, errors=errors)


def hook_encoded(encoding, errors=None):
    """An opening hook opening each file with this encoding and error
    handler."""
    def openhook(filename, mode):
        return open(filename, mode, encoding=encoding, errors=errors)
    return openhook
