"""Helpers for packages and the modules the import system can see.

Written for towel from the documentation of CPython's pkgutil: listing the
modules of folders (iter_modules, walk_packages), widening a package over
several folders (extend_path), reading a package's data files (get_data),
and turning a dotted name into the object it names (resolve_name).

towel's own standard library is compiled in: its entry on sys.path is no
folder on the disk, and listing it asks the import machinery's table
(_imp._library_module_names) instead.
"""

import importlib
import importlib.machinery
import importlib.util
import os
import sys
from collections import namedtuple

__all__ = [
    'get_importer', 'iter_importers', 'get_loader', 'find_loader',
    'walk_packages', 'iter_modules', 'get_data', 'extend_path',
    'ModuleInfo', 'resolve_name',
]

ModuleInfo = namedtuple('ModuleInfo', 'module_finder name ispkg')
ModuleInfo.__doc__ = 'A namedtuple with minimal info about a module.'


def _module_name_of(filename):
    """The module a file name in a folder stands for, or None."""
    for suffix in sorted(importlib.machinery.all_suffixes(), key=len, reverse=True):
        if filename.endswith(suffix):
            return filename[:-len(suffix)]
    return None


def _library_home():
    """The sys.path entry that stands for towel's compiled-in library."""
    return os.path.join(sys.prefix, sys.platlibdir, 'towel3.11')


class FileFinder:
    """The finder of one folder on a search path (a sys.path entry or a
    package's __path__ item): it finds and lists the modules inside."""

    def __init__(self, path):
        self.path = path

    def __repr__(self):
        return f'FileFinder({self.path!r})'

    def find_spec(self, fullname, target=None):
        return importlib.machinery.PathFinder.find_spec(fullname, [self.path])

    def _library_names(self):
        # The table's modules directly inside this entry: top-level ones for
        # the library's own entry, a package's children for its subfolders.
        home = _library_home()
        if self.path == home:
            package = ''
        elif self.path.startswith(home + os.sep):
            package = self.path[len(home) + 1:].replace(os.sep, '.') + '.'
        else:
            return None
        import _imp
        found = {}
        for name in _imp._library_module_names():
            if not name.startswith(package):
                continue
            head = name[len(package):]
            if not head:
                continue
            top, dot, _ = head.partition('.')
            found[top] = found.get(top, False) or bool(dot)
        return sorted(found.items())

    def iter_modules(self, prefix=''):
        """(name, ispkg) for each module in the folder, in file-name order."""
        listed = self._library_names()
        if listed is not None:
            for name, ispkg in listed:
                yield prefix + name, ispkg
            return
        try:
            entries = sorted(os.listdir(self.path))
        except OSError:
            return
        given = set()
        for entry in entries:
            full = os.path.join(self.path, entry)
            ispkg = False
            name = _module_name_of(entry)
            if name is None:
                if '.' in entry or not os.path.isdir(full):
                    continue
                if not os.path.isfile(os.path.join(full, '__init__.py')):
                    continue
                name, ispkg = entry, True
            if name == '__init__' or name in given:
                continue
            given.add(name)
            yield prefix + name, ispkg


def get_importer(path_item):
    """The finder for one search-path item, cached in sys.path_importer_cache;
    None if the item is no folder."""
    path_item = os.fsdecode(path_item)
    cache = sys.path_importer_cache
    if path_item in cache:
        return cache[path_item]
    for hook in sys.path_hooks:
        try:
            finder = hook(path_item)
        except ImportError:
            continue
        cache[path_item] = finder
        return finder
    absolute = os.path.abspath(path_item) if path_item else os.getcwd()
    if absolute != _library_home() and not absolute.startswith(_library_home() + os.sep):
        if not os.path.isdir(absolute):
            return None
    finder = FileFinder(absolute)
    cache[path_item] = finder
    return finder


def iter_importers(fullname=''):
    """The finders that could find fullname: the meta path's, then those of
    the search path (sys.path, or the parent package's __path__)."""
    if fullname.startswith('.'):
        raise ImportError(f'Relative module name {fullname!r} not supported')
    if '.' in fullname:
        parent = fullname.rpartition('.')[0]
        package = importlib.import_module(parent)
        search = getattr(package, '__path__', None)
        if search is None:
            return
    else:
        yield from sys.meta_path
        search = sys.path
    for item in search:
        finder = get_importer(item)
        if finder is not None:
            yield finder


def iter_modules(path=None, prefix=''):
    """A ModuleInfo for each top-level module of the folders in path (None:
    sys.path), each name once, the first folder's winning."""
    if path is None:
        finders = iter_importers()
    elif isinstance(path, str):
        raise ValueError('path must be None or list of paths to look for modules in')
    else:
        finders = (f for f in map(get_importer, path) if f is not None)
    given = set()
    for finder in finders:
        lister = getattr(finder, 'iter_modules', None)
        if lister is None:
            continue
        for name, ispkg in lister(prefix):
            if name not in given:
                given.add(name)
                yield ModuleInfo(finder, name, ispkg)


def walk_packages(path=None, prefix='', onerror=None):
    """iter_modules, recursively: each package found is imported so that
    its own modules are listed after it."""
    visited = set()

    def fresh(folder):
        if folder in visited:
            return False
        visited.add(folder)
        return True

    def walk(search, name_prefix):
        for info in iter_modules(search, name_prefix):
            yield info
            if not info.ispkg:
                continue
            try:
                __import__(info.name)
            except ImportError:
                if onerror is not None:
                    onerror(info.name)
                continue
            except Exception:
                if onerror is None:
                    raise
                onerror(info.name)
                continue
            inner = getattr(sys.modules[info.name], '__path__', None) or []
            inner = [folder for folder in inner if fresh(folder)]
            yield from walk(inner, info.name + '.')

    return walk(path, prefix)


def get_loader(module_or_name):
    """The loader of a module (or of the module of that name)."""
    if module_or_name in sys.modules:
        module_or_name = sys.modules[module_or_name]
        if module_or_name is None:
            return None
    if isinstance(module_or_name, type(sys)):
        loader = getattr(module_or_name, '__loader__', None)
        if loader is not None:
            return loader
        if getattr(module_or_name, '__spec__', None) is None:
            return None
        return find_loader(module_or_name.__name__)
    return find_loader(module_or_name)


def find_loader(fullname):
    """The loader that would load fullname, or None."""
    if fullname.startswith('.'):
        raise ImportError(f'Relative module name {fullname!r} not supported')
    try:
        spec = importlib.util.find_spec(fullname)
    except (ImportError, AttributeError, TypeError, ValueError) as exc:
        raise ImportError(f'Error while finding loader for {fullname!r} '
                          f'({type(exc)}: {exc})') from exc
    return spec.loader if spec is not None else None


def extend_path(path, name):
    """Widen a package's __path__ with the folders of the same name on the
    search path (sys.path, or the parent package's __path__), and with the
    lines of NAME.pkg files found there."""
    if not isinstance(path, list):
        return path
    parent, _, final = name.rpartition('.')
    if parent:
        try:
            search = sys.modules[parent].__path__
        except (KeyError, AttributeError):
            return path
    else:
        search = sys.path
    widened = list(path)
    for folder in search:
        if not isinstance(folder, str):
            continue
        folder = os.path.abspath(folder) if folder else os.getcwd()
        if not os.path.isdir(folder):
            continue
        candidate = os.path.join(folder, final)
        if os.path.isdir(candidate) and candidate not in widened:
            widened.append(candidate)
        listing = os.path.join(folder, final + '.pkg')
        if not os.path.isfile(listing):
            continue
        try:
            with open(listing) as lines:
                for line in lines:
                    entry = line.rstrip('\n')
                    if entry and not entry.startswith('#'):
                        widened.append(entry)
        except OSError as exc:
            sys.stderr.write(f"Can't open {listing}: {exc}\n")
    return widened


def get_data(package, resource):
    """The bytes of resource (a '/'-separated path) inside package, read
    through the package's loader; None when the loader cannot read data."""
    spec = importlib.util.find_spec(package)
    if spec is None:
        return None
    loader = spec.loader
    if loader is None or not hasattr(loader, 'get_data'):
        return None
    module = sys.modules.get(package) or importlib.import_module(package)
    home = getattr(module, '__file__', None)
    if home is None:
        return None
    pieces = [os.path.dirname(home)] + resource.split('/')
    return loader.get_data(os.path.join(*pieces))


def _dotted(text):
    """True if text is one or more identifiers joined by dots."""
    return bool(text) and all(part.isidentifier() for part in text.split('.'))


def resolve_name(name):
    """The object a name such as 'pkg.mod:Class.attr' or 'pkg.mod.Class'
    stands for, importing what it must."""
    module_part, colon, attributes = name.partition(':')
    if not _dotted(module_part) or (attributes and not _dotted(attributes)) \
            or ':' in attributes:
        raise ValueError(f'invalid format: {name!r}')
    if colon:
        found = importlib.import_module(module_part)
        rest = attributes.split('.') if attributes else []
    else:
        parts = module_part.split('.')
        imported = parts[0]
        found = importlib.import_module(imported)
        rest = parts[1:]
        while rest:
            try:
                found = importlib.import_module(imported + '.' + rest[0])
            except ImportError:
                break
            imported += '.' + rest.pop(0)
    for attribute in rest:
        found = getattr(found, attribute)
    return found
