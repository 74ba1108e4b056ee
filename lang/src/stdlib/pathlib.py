# `pathlib`: paths as objects. Pure paths are parsed once into (drive, root,
# parts) and never touch the file system; `Path` adds the file-system
# operations on top of `os`. POSIX paths are complete; Windows paths cover
# parsing (drives, UNC shares, backslashes) and the pure operations.

import os
import fnmatch as _fnmatch
import io as _io
from stat import S_ISDIR, S_ISREG, S_ISLNK, S_ISSOCK, S_ISFIFO, S_ISBLK, S_ISCHR

__all__ = ["PurePath", "PurePosixPath", "PureWindowsPath", "Path", "PosixPath", "WindowsPath"]


class _PosixFlavour:
    sep = "/"
    altsep = ""
    casefold = False

    def split_root(self, part):
        # (drive, root, rest); exactly two leading slashes are kept, as POSIX allows.
        if part[:1] == "/":
            stripped = part.lstrip("/")
            if len(part) - len(stripped) == 2:
                return "", "//", stripped
            return "", "/", stripped
        return "", "", part

    def normcase(self, text):
        return text

    def is_reserved(self, parts):
        return False


class _WindowsFlavour:
    sep = "\\"
    altsep = "/"
    casefold = True
    _RESERVED = ({"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
                 | {f"COM{c}" for c in "123456789\xb9\xb2\xb3"}
                 | {f"LPT{c}" for c in "123456789\xb9\xb2\xb3"})

    def split_root(self, part):
        part = part.replace("/", "\\")
        if part[:2] == "\\\\" and part[2:3] != "\\":
            # \\server\share\rest
            index = part.find("\\", 2)
            if index > 2:
                index2 = part.find("\\", index + 1)
                if index2 != index + 1:
                    if index2 < 0:
                        index2 = len(part)
                    return part[:index2], "\\", part[index2 + 1:]
        drive = ""
        if part[1:2] == ":" and part[:1].isalpha():
            drive, part = part[:2], part[2:]
        if part[:1] == "\\":
            return drive, "\\", part.lstrip("\\")
        return drive, "", part

    def normcase(self, text):
        return text.lower()

    def is_reserved(self, parts):
        if not parts:
            return False
        if parts[0].startswith("\\\\"):
            return False
        name = parts[-1].partition(".")[0].partition(":")[0].rstrip(" ")
        return name.upper() in self._RESERVED


_posix = _PosixFlavour()
_windows = _WindowsFlavour()


def _parse(flavour, args):
    # (drive, root, parts) of the joined arguments.
    drive = root = ""
    parts = []
    for arg in args:
        if isinstance(arg, PurePath):
            if arg._flavour is flavour:
                text = str(arg)
            else:
                text = arg.as_posix() if flavour is _posix else str(arg)
        else:
            text = os.fspath(arg)
            if not isinstance(text, str):
                raise TypeError(f"argument should be a str object or an os.PathLike object returning str, not {type(text)!r}")
        if flavour.altsep:
            text = text.replace(flavour.altsep, flavour.sep)
        d, r, rest = flavour.split_root(text)
        if r:
            drive = d or drive
            root = r
            parts = []
        elif d:
            if flavour.casefold and d.lower() != drive.lower() or not flavour.casefold and d != drive:
                root = ""
                parts = []
            drive = d
        for piece in rest.split(flavour.sep):
            if piece and piece != ".":
                parts.append(piece)
    return drive, root, parts


class _PathParents:
    # The logical ancestors of a path, as an immutable sequence.
    def __init__(self, path):
        self._path = path
        self._count = len(path._parts)

    def __len__(self):
        return self._count

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        if index >= len(self) or index < -len(self):
            raise IndexError(index)
        if index < 0:
            index += len(self)
        p = self._path
        return p._from_parsed(p._drive, p._root, p._parts[:self._count - index - 1])

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def __repr__(self):
        return f"<{type(self._path).__name__}.parents>"


class PurePath:
    __slots__ = ("_drive", "_root", "_parts", "_str", "_hash")
    _flavour = _posix

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PureWindowsPath if os.name == "nt" else PurePosixPath
        return cls._from_parts(args)

    @classmethod
    def _from_parts(cls, args):
        self = object.__new__(cls)
        self._drive, self._root, self._parts = _parse(cls._flavour, args)
        self._str = None
        self._hash = None
        return self

    def _from_parsed(self, drive, root, parts):
        new = object.__new__(type(self))
        new._drive = drive
        new._root = root
        new._parts = list(parts)
        new._str = None
        new._hash = None
        return new

    def __reduce__(self):
        return (type(self), tuple(self.parts))

    def __str__(self):
        if self._str is None:
            body = self._flavour.sep.join(self._parts)
            self._str = (self._drive + self._root + body) or "."
        return self._str

    def __fspath__(self):
        return str(self)

    def __bytes__(self):
        return os.fsencode(self)

    def as_posix(self):
        return str(self).replace(self._flavour.sep, "/")

    def __repr__(self):
        return f"{type(self).__name__}({self.as_posix()!r})"

    def as_uri(self):
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        if self._flavour is _windows:
            if self._drive[1:2] == ":":
                rest = self.as_posix()[2:]
                return "file:///" + self._drive + _quote(rest)
            return "file:" + _quote(self.as_posix())
        return "file://" + _quote(str(self))

    def _key(self):
        if self._flavour.casefold:
            return [p.lower() for p in [self._drive + self._root] + self._parts]
        return [self._drive + self._root] + self._parts

    def __eq__(self, other):
        if not isinstance(other, PurePath) or self._flavour is not other._flavour:
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        if self._hash is None:
            self._hash = hash(tuple(self._key()))
        return self._hash

    def __lt__(self, other):
        if not isinstance(other, PurePath) or self._flavour is not other._flavour:
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other):
        if not isinstance(other, PurePath) or self._flavour is not other._flavour:
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other):
        if not isinstance(other, PurePath) or self._flavour is not other._flavour:
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other):
        if not isinstance(other, PurePath) or self._flavour is not other._flavour:
            return NotImplemented
        return self._key() >= other._key()

    drive = property(lambda self: self._drive)
    root = property(lambda self: self._root)

    @property
    def anchor(self):
        return self._drive + self._root

    @property
    def parts(self):
        if self._drive or self._root:
            return (self._drive + self._root,) + tuple(self._parts)
        return tuple(self._parts)

    @property
    def name(self):
        if not self._parts:
            return ""
        return self._parts[-1]

    @property
    def suffix(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[i:]
        return ""

    @property
    def suffixes(self):
        name = self.name
        if name.endswith("."):
            return []
        name = name.lstrip(".")
        return ["." + s for s in name.split(".")[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    @property
    def parent(self):
        if not self._parts:
            return self
        return self._from_parsed(self._drive, self._root, self._parts[:-1])

    @property
    def parents(self):
        return _PathParents(self)

    def with_name(self, name):
        if not self.name:
            raise ValueError(f"{self!r} has an empty name")
        d, r, rest = self._flavour.split_root(name)
        if (not name or d or r or name == "." or self._flavour.sep in name
                or (self._flavour.altsep and self._flavour.altsep in name)):
            raise ValueError(f"Invalid name {name!r}")
        return self._from_parsed(self._drive, self._root, self._parts[:-1] + [name])

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        sep = self._flavour.sep
        if sep in suffix or self._flavour.altsep and self._flavour.altsep in suffix:
            raise ValueError(f"Invalid suffix {suffix!r}")
        if suffix and not suffix.startswith(".") or suffix == ".":
            raise ValueError(f"Invalid suffix {suffix!r}")
        name = self.name
        if not name:
            raise ValueError(f"{self!r} has an empty name")
        old = self.suffix
        name = name + suffix if not old else name[:-len(old)] + suffix
        return self._from_parsed(self._drive, self._root, self._parts[:-1] + [name])

    def relative_to(self, *other):
        if not other:
            raise TypeError("need at least one argument")
        base = type(self)(*other)
        n = len(base._parts)
        key = self._key()
        base_key = base._key()
        if (base._drive + base._root or self._drive + self._root) and key[0] != base_key[0] \
                or key[1:n + 1] != base_key[1:]:
            formatted = str(base)
            raise ValueError(f"{str(self)!r} is not in the subpath of {formatted!r} OR one path is relative and the other is absolute.")
        return self._from_parsed("", "", self._parts[n:])

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    def is_absolute(self):
        if self._flavour is _windows:
            return bool(self._drive and self._root)
        return bool(self._root)

    def is_reserved(self):
        return self._flavour.is_reserved(self.parts)

    def joinpath(self, *args):
        return type(self)(self, *args)

    def __truediv__(self, key):
        try:
            return type(self)(self, key)
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return type(self)(key, self)
        except TypeError:
            return NotImplemented

    def match(self, path_pattern):
        flavour = self._flavour
        pattern = type(self)(path_pattern)
        if not pattern._parts and not pattern.anchor:
            raise ValueError("empty pattern")
        norm = flavour.normcase
        if pattern._drive and norm(pattern._drive) != norm(self._drive):
            return False
        if pattern._root and pattern._root != self._root:
            return False
        parts = self._parts
        pat_parts = pattern._parts
        if pattern.anchor:
            if len(pat_parts) != len(parts):
                return False
        elif len(pat_parts) > len(parts):
            return False
        for part, pat in zip(reversed(parts), reversed(pat_parts)):
            if not _fnmatch.fnmatchcase(norm(part), norm(pat)):
                return False
        return True


def _quote(text):
    safe = "/:@-._~!$&'()*+,;="
    out = []
    for ch in text:
        if ch.isascii() and (ch.isalnum() or ch in safe):
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8"))
    return "".join(out)


class PurePosixPath(PurePath):
    __slots__ = ()
    _flavour = _posix


class PureWindowsPath(PurePath):
    __slots__ = ()
    _flavour = _windows


# -- concrete paths ---------------------------------------------------------------

class Path(PurePath):
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = WindowsPath if os.name == "nt" else PosixPath
        if cls is WindowsPath and os.name != "nt":
            raise NotImplementedError(f"cannot instantiate {cls.__name__!r} on your system")
        return cls._from_parts(args)

    def _make_child(self, name):
        return self._from_parsed(self._drive, self._root, self._parts + [name])

    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        pass

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls("~").expanduser()

    def samefile(self, other_path):
        st = self.stat()
        try:
            other_st = other_path.stat()
        except AttributeError:
            other_st = os.stat(other_path)
        return st.st_ino == other_st.st_ino and st.st_dev == other_st.st_dev

    def iterdir(self):
        for name in os.listdir(self):
            yield self._make_child(name)

    def _scandir(self):
        return os.scandir(self)

    def glob(self, pattern):
        if not pattern:
            raise ValueError(f"Unacceptable pattern: {pattern!r}")
        pat = PurePosixPath(pattern) if self._flavour is _posix else PureWindowsPath(pattern)
        if pat._drive or pat._root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        parts = list(pat._parts)
        if pattern[-1:] in ("/", self._flavour.sep):
            parts.append("")
        yield from _select(self, parts, set())

    def rglob(self, pattern):
        pat = PurePosixPath(pattern) if self._flavour is _posix else PureWindowsPath(pattern)
        if pat._drive or pat._root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        parts = ["**"] + list(pat._parts)
        if pattern[-1:] in ("/", self._flavour.sep):
            parts.append("")
        yield from _select(self, parts, set())

    def absolute(self):
        if self.is_absolute():
            return self
        return type(self)(os.getcwd(), self)

    def resolve(self, strict=False):
        if strict:
            self.stat()
        return type(self)(os.path.realpath(self))

    def stat(self, *, follow_symlinks=True):
        return os.stat(self, follow_symlinks=follow_symlinks)

    def lstat(self):
        return os.lstat(self)

    def owner(self):
        raise NotImplementedError("Path.owner() is not available in towel (no pwd module)")

    def group(self):
        raise NotImplementedError("Path.group() is not available in towel (no grp module)")

    def open(self, mode="r", buffering=-1, encoding=None, errors=None, newline=None):
        if "b" not in mode:
            encoding = _io.text_encoding(encoding)
        return _io.open(self, mode, buffering, encoding, errors, newline)

    def read_bytes(self):
        with self.open(mode="rb") as f:
            return f.read()

    def read_text(self, encoding=None, errors=None):
        with self.open(mode="r", encoding=encoding, errors=errors) as f:
            return f.read()

    def write_bytes(self, data):
        view = memoryview(data) if not isinstance(data, (bytes, bytearray)) else data
        with self.open(mode="wb") as f:
            return f.write(view)

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError(f"data must be str, not {type(data).__name__}")
        with self.open(mode="w", encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    def readlink(self):
        return type(self)(os.readlink(self))

    def touch(self, mode=0o666, exist_ok=True):
        if exist_ok:
            try:
                os.utime(self, None)
                return
            except OSError:
                pass
        flags = os.O_CREAT | os.O_WRONLY
        if not exist_ok:
            flags |= os.O_EXCL
        fd = os.open(self, flags, mode)
        os.close(fd)

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            os.mkdir(self, mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def chmod(self, mode, *, follow_symlinks=True):
        os.chmod(self, mode)

    def lchmod(self, mode):
        raise NotImplementedError("lchmod() not available on this system")

    def unlink(self, missing_ok=False):
        try:
            os.unlink(self)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        os.rmdir(self)

    def rename(self, target):
        os.rename(self, target)
        return type(self)(target)

    def replace(self, target):
        os.replace(self, target)
        return type(self)(target)

    def symlink_to(self, target, target_is_directory=False):
        os.symlink(target, self)

    def hardlink_to(self, target):
        os.link(target, self)

    def link_to(self, target):
        os.link(self, target)

    def exists(self):
        try:
            self.stat()
        except (FileNotFoundError, NotADirectoryError):
            return False
        except ValueError:
            return False
        return True

    def _mode_test(self, test, follow=True):
        try:
            return test(self.stat(follow_symlinks=follow).st_mode)
        except (OSError, ValueError):
            return False

    def is_dir(self):
        return self._mode_test(S_ISDIR)

    def is_file(self):
        return self._mode_test(S_ISREG)

    def is_symlink(self):
        return self._mode_test(S_ISLNK, False)

    def is_socket(self):
        return self._mode_test(S_ISSOCK)

    def is_fifo(self):
        return self._mode_test(S_ISFIFO)

    def is_block_device(self):
        return self._mode_test(S_ISBLK)

    def is_char_device(self):
        return self._mode_test(S_ISCHR)

    def is_mount(self):
        if not self.exists() or not self.is_dir():
            return False
        try:
            parent_dev = self.parent.stat().st_dev
        except OSError:
            return False
        if self.stat().st_dev != parent_dev:
            return True
        return self.stat().st_ino == self.parent.stat().st_ino

    def expanduser(self):
        if not (self._drive or self._root) and self._parts and self._parts[0][:1] == "~":
            home = os.path.expanduser(self._parts[0])
            if home[:1] == "~":
                raise RuntimeError("Could not determine home directory.")
            return type(self)(home, *self._parts[1:])
        return self


def _select(path, parts, seen):
    # The paths under `path` that match the pattern parts, each once.
    if not parts:
        key = str(path)
        if key not in seen:
            seen.add(key)
            yield path
        return
    part, rest = parts[0], parts[1:]
    if part == "":
        if path.is_dir():
            yield from _select(path, rest, seen)
        return
    if part == "**":
        for directory in _walk_dirs(path):
            yield from _select(directory, rest, seen)
        return
    if part == "..":
        yield from _select(path._make_child(".."), rest, seen)
        return
    if not _fnmatch_magic(part):
        child = path._make_child(part)
        if rest:
            if child.is_dir():
                yield from _select(child, rest, seen)
        elif child.exists() or child.is_symlink():
            yield from _select(child, rest, seen)
        return
    try:
        entries = list(path._scandir())
    except OSError:
        return
    for entry in entries:
        if rest:
            try:
                if not entry.is_dir():
                    continue
            except OSError:
                continue
        if _fnmatch.fnmatchcase(entry.name, part):
            yield from _select(path._make_child(entry.name), rest, seen)


def _walk_dirs(path):
    yield path
    try:
        entries = list(path._scandir())
    except OSError:
        return
    for entry in entries:
        try:
            is_dir = entry.is_dir() and not entry.is_symlink()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk_dirs(path._make_child(entry.name))


def _fnmatch_magic(part):
    return "*" in part or "?" in part or "[" in part


class PosixPath(Path, PurePosixPath):
    __slots__ = ()


class WindowsPath(Path, PureWindowsPath):
    __slots__ = ()
