# `pathlib`: paths as objects. A pure path is a parsed path: its drive
# (Windows), its root, and its names (the components after the anchor,
# with "" and "." dropped). The syntax rules of each system live in a
# `_Syntax` object (POSIX or Windows): how a string splits into drive, root
# and names, how names compare (case-folded on Windows), which names are
# reserved, how the path is written as a file URI. Concrete paths (`Path`)
# add the file-system operations, which are `os` calls on the path's
# string, and glob matching, done by walking the pattern's components.

import fnmatch
import io
import operator
import os
import sys
from stat import S_ISBLK, S_ISCHR, S_ISDIR, S_ISFIFO, S_ISLNK, S_ISREG, S_ISSOCK

__all__ = ["PurePath", "PurePosixPath", "PureWindowsPath", "Path", "PosixPath", "WindowsPath"]


# -- the two syntaxes ---------------------------------------------------------------

class _Syntax:
    sep = "/"
    altsep = ""
    folds_case = False

    def fold(self, text):
        return text.lower() if self.folds_case else text

    def names_of(self, text):
        return [name for name in text.split(self.sep) if name and name != "."]

    def parse(self, text):
        """`(drive, root, names)` of one path string."""
        if self.altsep:
            text = text.replace(self.altsep, self.sep)
        drive, root, rest = self.split_anchor(text)
        return drive, root, self.names_of(rest)


class _PosixSyntax(_Syntax):

    def split_anchor(self, text):
        # Exactly two leading slashes are kept (POSIX leaves their meaning
        # to the system); more mean the root.
        stripped = text.lstrip("/")
        leading = len(text) - len(stripped)
        root = "//" if leading == 2 else "/" if leading else ""
        return "", root, stripped

    def is_absolute(self, drive, root):
        return bool(root)

    def is_reserved(self, path):
        return False

    def uri(self, path):
        from urllib.parse import quote_from_bytes
        return "file://" + quote_from_bytes(os.fsencode(str(path)))


# Names Windows reserves for devices, whatever the extension.
_WINDOWS_DEVICES = ({"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
                    | {f"{kind}{digit}" for kind in ("COM", "LPT") for digit in "123456789\xb9\xb2\xb3"})


class _WindowsSyntax(_Syntax):
    sep = "\\"
    altsep = "/"
    folds_case = True

    def split_anchor(self, text):
        prefix = ""
        if text.startswith("\\\\?\\"):
            # An extended-length path: the rest is split as usual; in
            # "\\?\UNC\server\share" the share follows the marker.
            prefix, text = text[:4], text[4:]
            if text[:4].upper() == "UNC\\":
                prefix, text = prefix + text[:3], "\\" + text[3:]
        share = self._unc_share(text)
        if share:
            # After "UNC" one backslash of the "\\\\" is the marker's.
            drive = prefix + (share[1:] if prefix.endswith("UNC") else share)
            return drive, "\\", text[len(share):].lstrip("\\")
        drive = ""
        if text[1:2] == ":" and text[:1].isascii() and text[:1].isalpha():
            drive, text = text[:2], text[2:]
        stripped = text.lstrip("\\")
        return prefix + drive, "\\" if len(stripped) < len(text) else "", stripped

    def _unc_share(self, text):
        """The "\\\\server\\share" a UNC path starts with, or ""."""
        if not text.startswith("\\\\") or text[2:3] == "\\":
            return ""
        server_end = text.find("\\", 2)
        if server_end == -1 or text[server_end + 1:server_end + 2] in ("", "\\"):
            return ""
        share_end = text.find("\\", server_end + 1)
        return text if share_end == -1 else text[:share_end]

    def is_absolute(self, drive, root):
        return bool(drive and root)

    def is_reserved(self, path):
        if not path._names or path._drive.startswith("\\\\"):
            return False
        device = path._names[-1].partition(".")[0].partition(":")[0].rstrip(" ")
        return device.upper() in _WINDOWS_DEVICES

    def uri(self, path):
        from urllib.parse import quote_from_bytes
        drive = path._drive
        posix = path.as_posix()
        if len(drive) == 2 and drive[1] == ":":
            return "file:///" + drive + quote_from_bytes(posix[2:].encode("utf-8"))
        return "file:" + quote_from_bytes(posix.encode("utf-8"))


_posix_syntax = _PosixSyntax()
_windows_syntax = _WindowsSyntax()


# -- pure paths ---------------------------------------------------------------------

def _as_path_text(arg):
    text = os.fspath(arg)
    if not isinstance(text, str):
        raise TypeError("argument should be a str object or an os.PathLike object "
                        f"returning str, not {type(text)!r}")
    return text


def _ordering(compare):
    """A comparison method: paths of one syntax compare by their parts."""
    def method(self, other):
        if not self._comparable(other):
            return NotImplemented
        return compare(self._key(), other._key())
    method.__name__ = method.__qualname__ = f"__{compare.__name__}__"
    return method


class _PathParents:
    """The ancestors of a path, nearest first, as a read-only sequence."""

    def __init__(self, path):
        self._path = path
        self._count = len(path._names)

    def __len__(self):
        return self._count

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self._count)))
        if index >= self._count or index < -self._count:
            raise IndexError(index)
        if index < 0:
            index += self._count
        path = self._path
        return path._with_parts(path._drive, path._root, path._names[:-index - 1])

    def __repr__(self):
        return f"<{type(self._path).__name__}.parents>"


class PurePath:
    """A path without the file system. `PurePath(*segments)` makes a
    PurePosixPath, or a PureWindowsPath on Windows."""

    __slots__ = ("_drive", "_root", "_names", "_text", "_folded")

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PureWindowsPath if os.name == "nt" else PurePosixPath
        return cls._from_segments(args)

    @classmethod
    def _from_segments(cls, segments):
        """A path from constructor arguments: it starts at the last segment
        with an anchor; a root alone takes the nearest drive to its left."""
        syntax = cls._syntax
        parsed = []
        for segment in segments:
            if not isinstance(segment, PurePath):
                parsed.append(syntax.parse(_as_path_text(segment)))
            elif segment._syntax is syntax:
                parsed.append((segment._drive, segment._root, list(segment._names)))
            else:
                # A path of the other syntax gives its parts as strings.
                parsed.extend(syntax.parse(part) for part in segment.parts)
        drive = root = ""
        names = []
        for position in range(len(parsed) - 1, -1, -1):
            seg_drive, seg_root, seg_names = parsed[position]
            names[:0] = seg_names
            if seg_drive or seg_root:
                drive, root = seg_drive, seg_root
                if root and not drive:
                    drive = next((d for d, _, _ in reversed(parsed[:position]) if d), "")
                break
        return cls._with_parts(drive, root, names)

    @classmethod
    def _with_parts(cls, drive, root, names):
        path = object.__new__(cls)
        path._drive, path._root, path._names = drive, root, tuple(names)
        path._text = path._folded = None
        return path

    def _joined(self, segment):
        """`self / segment`: a segment with a root or another drive replaces
        the path (keeping this drive for a root alone); one on the same
        drive without a root continues it."""
        syntax = self._syntax
        if not isinstance(segment, PurePath):
            drive, root, names = syntax.parse(_as_path_text(segment))
        else:
            if segment._syntax is not syntax:
                segment = self._from_segments((segment,))
            drive, root, names = segment._drive, segment._root, segment._names
        if root:
            return self._with_parts(drive or self._drive, root, names)
        if drive and syntax.fold(drive) != syntax.fold(self._drive):
            return self._with_parts(drive, root, names)
        return self._with_parts(self._drive, self._root, self._names + tuple(names))

    # -- text

    @property
    def anchor(self):
        return self._drive + self._root

    def __str__(self):
        if self._text is None:
            self._text = (self.anchor + self._syntax.sep.join(self._names)) or "."
        return self._text

    def __fspath__(self):
        return str(self)

    def __bytes__(self):
        return os.fsencode(self)

    def as_posix(self):
        return str(self).replace(self._syntax.sep, "/")

    def __repr__(self):
        return f"{type(self).__name__}({self.as_posix()!r})"

    def as_uri(self):
        """The path as a `file:` URI (absolute paths only)."""
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        return self._syntax.uri(self)

    def __reduce__(self):
        return type(self), self.parts

    # -- comparing

    def _key(self):
        """The parts as compared, hashed and sorted (case-folded on
        Windows); computed once."""
        if self._folded is None:
            self._folded = [self._syntax.fold(part) for part in self.parts]
        return self._folded

    def _comparable(self, other):
        return isinstance(other, PurePath) and self._syntax is other._syntax

    def __eq__(self, other):
        return self._key() == other._key() if self._comparable(other) else NotImplemented

    def __hash__(self):
        return hash(tuple(self._key()))

    __lt__ = _ordering(operator.lt)
    __le__ = _ordering(operator.le)
    __gt__ = _ordering(operator.gt)
    __ge__ = _ordering(operator.ge)

    # -- components

    @property
    def drive(self):
        return self._drive

    @property
    def root(self):
        return self._root

    @property
    def parts(self):
        anchor = self.anchor
        return ((anchor,) if anchor else ()) + self._names

    @property
    def name(self):
        return self._names[-1] if self._names else ""

    def _stem_and_suffix(self):
        """The name split at its last dot; no suffix when the dot starts or
        ends the name."""
        name = self.name
        dot = name.rfind(".")
        if 0 < dot < len(name) - 1:
            return name[:dot], name[dot:]
        return name, ""

    @property
    def suffix(self):
        return self._stem_and_suffix()[1]

    @property
    def suffixes(self):
        name = self.name
        if name.endswith("."):
            return []
        return ["." + piece for piece in name.lstrip(".").split(".")[1:]]

    @property
    def stem(self):
        return self._stem_and_suffix()[0]

    @property
    def parent(self):
        if not self._names:
            return self
        return self._with_parts(self._drive, self._root, self._names[:-1])

    @property
    def parents(self):
        return _PathParents(self)

    def _renamed(self, name):
        if not self.name:
            raise ValueError(f"{self!r} has an empty name")
        return self._with_parts(self._drive, self._root, self._names[:-1] + (name,))

    def with_name(self, name):
        """This path with its last name replaced."""
        if not self._is_one_name(name):
            raise ValueError(f"Invalid name {name!r}")
        return self._renamed(name)

    def _is_one_name(self, text):
        syntax = self._syntax
        if not text or text[-1] in (syntax.sep, syntax.altsep):
            return False
        drive, root, names = syntax.parse(text)
        return not drive and not root and len(names) == 1

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        """This path with its suffix replaced ("" removes it)."""
        syntax = self._syntax
        separators = [sep for sep in (syntax.sep, syntax.altsep) if sep]
        if (any(sep in suffix for sep in separators) or suffix == "."
                or (suffix and suffix[0] != ".")):
            raise ValueError(f"Invalid suffix {suffix!r}")
        return self._renamed(self._stem_and_suffix()[0] + suffix)

    def relative_to(self, *other):
        """This path relative to `other` (joined like the constructor's
        arguments), which must be one of its ancestors or itself."""
        if not other:
            raise TypeError("need at least one argument")
        base = self._from_segments(other)
        mine, theirs = self._anchor_and_names(), base._anchor_and_names()
        if mine[:len(theirs)] != theirs or (not theirs and self.anchor):
            shown = base.anchor + self._syntax.sep.join(base._names)
            raise ValueError(f"{str(self)!r} is not in the subpath of {shown!r} "
                             "OR one path is relative and the other is absolute.")
        # Past a drive alone, the root stays: C:\a relative to C: is \a.
        kept_root = self._root if self._drive and len(theirs) == 1 else ""
        skip = max(0, len(theirs) - (bool(self._drive) + bool(self._root)))
        return self._with_parts("", kept_root, self._names[skip:])

    def _anchor_and_names(self):
        """The drive, the root and the names, each an item when present,
        case-folded as this syntax compares them."""
        fold = self._syntax.fold
        anchor = [fold(item) for item in (self._drive, self._root) if item]
        return anchor + [fold(name) for name in self._names]

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
        except ValueError:
            return False
        return True

    def is_absolute(self):
        return self._syntax.is_absolute(self._drive, self._root)

    def is_reserved(self):
        return self._syntax.is_reserved(self)

    def joinpath(self, *args):
        path = self
        for segment in args:
            path = path._joined(segment)
        return path

    def __truediv__(self, key):
        try:
            return self._joined(key)
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return self._from_segments((key, self))
        except TypeError:
            return NotImplemented

    def match(self, path_pattern):
        """Whether the path ends with the glob pattern (is the whole of it
        when the pattern has an anchor)."""
        pattern = self._from_segments((path_pattern,))
        if not pattern.parts:
            raise ValueError("empty pattern")
        fold = self._syntax.fold
        if pattern._drive and fold(pattern._drive) != fold(self._drive):
            return False
        if pattern._root and pattern._root != self._root:
            return False
        shapes, names = pattern._names, self._names
        if len(shapes) > len(names) or (pattern.anchor and len(shapes) != len(names)):
            return False
        tail = names[len(names) - len(shapes):]
        return all(fnmatch.fnmatchcase(fold(name), fold(shape))
                   for name, shape in zip(tail, shapes))


class PurePosixPath(PurePath):
    """A pure path with POSIX syntax."""
    _syntax = _posix_syntax
    __slots__ = ()


class PureWindowsPath(PurePath):
    """A pure path with Windows syntax: drives, UNC shares, "\\" and "/"
    both separators, names compared without case."""
    _syntax = _windows_syntax
    __slots__ = ()


# -- concrete paths -----------------------------------------------------------------

# Errors that mean "not there" to exists() and the is_*() tests.
_ABSENT_ERRNOS = (2, 20, 9, 40)  # ENOENT, ENOTDIR, EBADF, ELOOP


def _absent(error):
    return getattr(error, "errno", None) in _ABSENT_ERRNOS


class Path(PurePath):
    """A path on this system's file system: `Path(*segments)` makes a
    PosixPath (a WindowsPath on Windows)."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = WindowsPath if os.name == "nt" else PosixPath
        if cls._syntax is not (_windows_syntax if os.name == "nt" else _posix_syntax):
            raise NotImplementedError(f"cannot instantiate {cls.__name__!r} on your system")
        return cls._from_segments(args)

    def _child(self, name):
        return self._with_parts(self._drive, self._root, self._names + (name,))

    def __enter__(self):
        import warnings
        warnings.warn("pathlib.Path.__enter__() is deprecated and scheduled for removal in "
                      "Python 3.13; Path objects as a context manager is a no-op",
                      DeprecationWarning, stacklevel=2)
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        pass

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls("~").expanduser()

    # -- information

    def stat(self, *, follow_symlinks=True):
        return os.stat(str(self), follow_symlinks=follow_symlinks)

    def lstat(self):
        return self.stat(follow_symlinks=False)

    def samefile(self, other_path):
        other = other_path if isinstance(other_path, Path) else type(self)(other_path)
        return os.path.samestat(self.stat(), other.stat())

    def owner(self):
        raise NotImplementedError("Path.owner() is not available in towel (no pwd module)")

    def group(self):
        raise NotImplementedError("Path.group() is not available in towel (no grp module)")

    def _mode_is(self, test, follow_symlinks=True):
        """`test(st_mode)`, False when the path is not there."""
        try:
            mode = self.stat(follow_symlinks=follow_symlinks).st_mode
        except OSError as error:
            if not _absent(error):
                raise
            return False
        except ValueError:
            return False
        return test(mode)

    def exists(self):
        return self._mode_is(lambda mode: True)

    def is_dir(self):
        return self._mode_is(S_ISDIR)

    def is_file(self):
        return self._mode_is(S_ISREG)

    def is_symlink(self):
        return self._mode_is(S_ISLNK, follow_symlinks=False)

    def is_socket(self):
        return self._mode_is(S_ISSOCK)

    def is_fifo(self):
        return self._mode_is(S_ISFIFO)

    def is_block_device(self):
        return self._mode_is(S_ISBLK)

    def is_char_device(self):
        return self._mode_is(S_ISCHR)

    def is_mount(self):
        """Whether a file system is mounted here: the parent is on another
        device, or is the same directory (the root)."""
        if not self.is_dir():
            return False
        try:
            above = self.parent.stat()
        except OSError:
            return False
        here = self.stat()
        return here.st_dev != above.st_dev or here.st_ino == above.st_ino

    # -- names

    def absolute(self):
        if self.is_absolute():
            return self
        return self._from_segments((os.getcwd(), self))

    def resolve(self, strict=False):
        """The absolute path with symlinks and ".." resolved (strict: it
        must exist)."""
        try:
            resolved = self._from_segments((os.path.realpath(str(self), strict=strict),))
        except OSError as error:
            _check_loop(error)
            raise
        if not strict:
            try:
                resolved.stat()
            except OSError as error:
                _check_loop(error)
        return resolved

    def readlink(self):
        return self._from_segments((os.readlink(str(self)),))

    def expanduser(self):
        """The path with a leading "~" or "~user" replaced by the home
        directory."""
        if self.anchor or not self._names or not self._names[0].startswith("~"):
            return self
        home = os.path.expanduser(self._names[0])
        if home.startswith("~"):
            raise RuntimeError("Could not determine home directory.")
        return self._from_segments((home,) + self._names[1:])

    # -- directories

    def iterdir(self):
        for name in os.listdir(str(self)):
            yield self._child(name)

    def glob(self, pattern):
        """The existing paths under this one that match the relative glob
        pattern ("**" is this directory and every one below it)."""
        return self._glob(pattern, [])

    def rglob(self, pattern):
        """`glob()` with "**/" before the pattern."""
        return self._glob(pattern, ["**"])

    def _glob(self, pattern, before):
        if not pattern:
            raise ValueError(f"Unacceptable pattern: {pattern!r}")
        drive, root, names = self._syntax.parse(pattern)
        if drive or root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        syntax = self._syntax
        directories_only = pattern[-1] in (syntax.sep, syntax.altsep)
        for name in names:
            if "**" in name and name != "**":
                raise ValueError("Invalid pattern: '**' can only be an entire path component")
        return _GlobWalk(syntax.folds_case, directories_only).matches(self, before + names)

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        """Makes the directory; with `parents`, its missing ancestors too
        (with the default mode, an existing one being no error)."""
        to_make = [self]
        while to_make:
            path = to_make[-1]
            is_ancestor = len(to_make) > 1
            try:
                os.mkdir(str(path), 0o777 if is_ancestor else mode)
            except FileNotFoundError:
                if not parents or path.parent == path:
                    raise
                to_make.append(path.parent)
                continue
            except OSError:
                if not (exist_ok or is_ancestor) or not path.is_dir():
                    raise
            to_make.pop()

    def rmdir(self):
        os.rmdir(str(self))

    # -- files

    def open(self, mode="r", buffering=-1, encoding=None, errors=None, newline=None):
        if "b" not in mode:
            encoding = io.text_encoding(encoding)
        return io.open(self, mode, buffering, encoding, errors, newline)

    def read_bytes(self):
        with self.open("rb") as stream:
            return stream.read()

    def read_text(self, encoding=None, errors=None):
        with self.open("r", encoding=io.text_encoding(encoding), errors=errors) as stream:
            return stream.read()

    def write_bytes(self, data):
        view = memoryview(data)
        with self.open("wb") as stream:
            return stream.write(view)

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError(f"data must be str, not {type(data).__name__}")
        with self.open("w", encoding=io.text_encoding(encoding), errors=errors,
                       newline=newline) as stream:
            return stream.write(data)

    def touch(self, mode=0o666, exist_ok=True):
        """Creates the file, or (with `exist_ok`) updates its times."""
        if exist_ok:
            try:
                os.utime(str(self), None)
                return
            except OSError:
                pass
        flags = os.O_CREAT | os.O_WRONLY | (0 if exist_ok else os.O_EXCL)
        os.close(os.open(str(self), flags, mode))

    def unlink(self, missing_ok=False):
        try:
            os.unlink(str(self))
        except FileNotFoundError:
            if not missing_ok:
                raise

    def chmod(self, mode, *, follow_symlinks=True):
        if not follow_symlinks:
            # Linux cannot change a symbolic link's own mode.
            raise NotImplementedError("chmod: follow_symlinks unavailable on this platform")
        os.chmod(str(self), mode)

    def lchmod(self, mode):
        self.chmod(mode, follow_symlinks=False)

    def rename(self, target):
        os.rename(str(self), os.fspath(target))
        return type(self)(target)

    def replace(self, target):
        os.replace(str(self), os.fspath(target))
        return type(self)(target)

    def symlink_to(self, target, target_is_directory=False):
        os.symlink(os.fspath(target), str(self), target_is_directory)

    def hardlink_to(self, target):
        os.link(os.fspath(target), str(self))

    def link_to(self, target):
        import warnings
        warnings.warn("pathlib.Path.link_to() is deprecated and is scheduled for removal in "
                      "Python 3.12. Use pathlib.Path.hardlink_to() instead.",
                      DeprecationWarning, stacklevel=2)
        type(self)(target).hardlink_to(self)


def _check_loop(error):
    if getattr(error, "errno", None) == 40:  # ELOOP
        raise RuntimeError(f"Symlink loop from {error.filename!r}")


class _GlobWalk:
    """Matches a glob pattern's names against the tree, one name at a time:
    "**" stands for the directory and each one below it (without following
    symbolic links), a name with wildcards for the directory's entries it
    matches, any other name for that entry if it exists."""

    def __init__(self, folds_case, directories_only):
        self.folds_case = folds_case
        self.directories_only = directories_only

    def matches(self, start, names):
        if not start.is_dir():
            return iter(())
        return self._walk(start, names, set())

    def _walk(self, path, names, seen):
        if not names:
            if not self.directories_only or path.is_dir():
                key = str(path)
                if key not in seen:
                    seen.add(key)
                    yield path
            return
        name, rest = names[0], names[1:]
        if name == "**":
            for directory in self._directories_below(path):
                yield from self._walk(directory, rest, seen)
        elif _has_wildcard(name):
            shape = name.lower() if self.folds_case else name
            for entry, entry_name, is_dir in _entries(path):
                if rest and not is_dir:
                    continue
                candidate = entry_name.lower() if self.folds_case else entry_name
                if fnmatch.fnmatchcase(candidate, shape):
                    yield from self._walk(path._child(entry_name), rest, seen)
        else:
            child = path._child(name)
            if child.is_dir() if rest else child.exists():
                yield from self._walk(child, rest, seen)

    def _directories_below(self, path):
        yield path
        for entry, entry_name, is_dir in _entries(path):
            if is_dir and not entry.is_symlink():
                yield from self._directories_below(path._child(entry_name))


def _has_wildcard(name):
    return any(mark in name for mark in "*?[")


def _entries(path):
    """`(entry, name, is_dir)` for a directory's entries; nothing when it
    cannot be read."""
    try:
        with os.scandir(str(path)) as scan:
            entries = list(scan)
    except OSError:
        return
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        yield entry, entry.name, is_dir


class PosixPath(Path, PurePosixPath):
    """A concrete path on a POSIX system."""
    __slots__ = ()


class WindowsPath(Path, PureWindowsPath):
    """A concrete path on Windows."""
    __slots__ = ()
