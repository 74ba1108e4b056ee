"""The abstract base classes of the import system (importlib.abc).

Written for towel from the documentation of CPython's importlib.abc: the
finder and loader protocols as ABCs, with the documented defaults of their
optional methods, and the machinery's own finders and loaders registered
as the kinds they are.
"""

import abc
import operator
import importlib.machinery as _machinery

__all__ = ['Loader', 'Finder', 'MetaPathFinder', 'PathEntryFinder',
           'ResourceLoader', 'InspectLoader', 'ExecutionLoader',
           'FileLoader', 'SourceLoader', 'ResourceReader', 'Traversable',
           'TraversableResources']


def _register(abstract, *classes):
    for cls in classes:
        if cls is not None:
            abstract.register(cls)


def _compiled(loader, fullname, where=lambda: '<string>'):
    """A loader's code for a module, from its source (None without one);
    `where` names the file the code says it comes from."""
    source = loader.get_source(fullname)
    return None if source is None else loader.source_to_code(source, where())


def _run_in(module, code):
    if code is None:
        raise ImportError(f"cannot load module {module.__name__!r} when "
                          "get_code() returns None")
    exec(code, vars(module))


def _file_bytes(path):
    with open(path, 'rb') as file:
        return file.read()


def _filename_or_string(loader, fullname):
    try:
        return loader.get_filename(fullname)
    except ImportError:
        return '<string>'


class Loader(metaclass=abc.ABCMeta):
    """Loads modules: `create_module` (None for the default module
    object) and `exec_module`."""

    def create_module(self, spec):
        return None

    def load_module(self, fullname):
        if not hasattr(self, 'exec_module'):
            raise ImportError
        # The old protocol, carried out with the new one.
        import importlib.util
        import sys
        spec = importlib.util.spec_from_loader(fullname, self)
        module = importlib.util.module_from_spec(spec)
        sys.modules[fullname] = module
        try:
            self.exec_module(module)
        except BaseException:
            sys.modules.pop(fullname, None)
            raise
        return sys.modules[fullname]

    def module_repr(self, module):
        raise NotImplementedError


class Finder(metaclass=abc.ABCMeta):
    """The legacy base of finders (deprecated)."""


class MetaPathFinder(metaclass=abc.ABCMeta):
    """A finder on sys.meta_path: `find_spec(fullname, path, target)`."""

    def invalidate_caches(self):
        """Drop whatever the finder caches (by default nothing)."""


class PathEntryFinder(metaclass=abc.ABCMeta):
    """A finder for one sys.path entry: `find_spec(fullname, target)`."""

    def invalidate_caches(self):
        """Drop whatever the finder caches (by default nothing)."""


class ResourceLoader(Loader):
    """A loader that can read data files: `get_data(path)`."""

    @abc.abstractmethod
    def get_data(self, path):
        raise OSError


class InspectLoader(Loader):
    """A loader that can show a module's source and code."""

    def is_package(self, fullname):
        raise ImportError

    def get_code(self, fullname):
        return _compiled(self, fullname)

    @abc.abstractmethod
    def get_source(self, fullname):
        raise ImportError

    @staticmethod
    def source_to_code(data, path='<string>'):
        """Compile source text (or bytes) into a module's code object."""
        return compile(data, path, mode='exec', dont_inherit=True)

    def exec_module(self, module):
        """Run the module's code (`get_code`) in its namespace."""
        _run_in(module, self.get_code(module.__name__))


class ExecutionLoader(InspectLoader):
    """An InspectLoader that knows the file a module comes from."""

    @abc.abstractmethod
    def get_filename(self, fullname):
        raise ImportError

    def get_code(self, fullname):
        return _compiled(self, fullname,
                         lambda: _filename_or_string(self, fullname))


class FileLoader(ResourceLoader, ExecutionLoader):
    """A loader of modules from files: it is made with the module's name
    and path."""

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def __eq__(self, other):
        return type(self) is type(other) and vars(self) == vars(other)

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    def get_filename(self, fullname=None):
        return self.path

    def get_data(self, path):
        return _file_bytes(path)

    def get_resource_reader(self, module):
        return None


class SourceLoader(ResourceLoader, ExecutionLoader):
    """A loader of source files given `get_data` and `get_filename`."""

    def path_mtime(self, path):
        raise OSError

    def path_stats(self, path):
        return {'mtime': self.path_mtime(path)}

    def set_data(self, path, data):
        """Write bytecode (towel writes none)."""

    def get_source(self, fullname):
        data = self.get_data(self.get_filename(fullname))
        text = data.decode('utf-8')
        return text.replace('\r\n', '\n').replace('\r', '\n')

    def get_code(self, fullname):
        path = self.get_filename(fullname)
        return self.source_to_code(self.get_data(path), path)


class ResourceReader(metaclass=abc.ABCMeta):
    """Reads the resources of a package (superseded by
    TraversableResources)."""

    @abc.abstractmethod
    def open_resource(self, resource):
        raise FileNotFoundError

    @abc.abstractmethod
    def resource_path(self, resource):
        raise FileNotFoundError

    @abc.abstractmethod
    def is_resource(self, path):
        raise FileNotFoundError

    @abc.abstractmethod
    def contents(self):
        return iter([])


class Traversable(metaclass=abc.ABCMeta):
    """A file or folder of resources, walked like a pathlib.Path."""

    @abc.abstractmethod
    def iterdir(self):
        """The entries of this folder."""

    def read_bytes(self):
        return self._contents('rb')

    def read_text(self, encoding=None):
        return self._contents('r', encoding=encoding)

    def _contents(self, mode, **options):
        with self.open(mode, **options) as opened:
            return opened.read()

    @abc.abstractmethod
    def is_dir(self):
        """Whether this is a folder."""

    @abc.abstractmethod
    def is_file(self):
        """Whether this is a file."""

    @abc.abstractmethod
    def joinpath(self, *descendants):
        """The entry below this folder named by descendants."""

    def __truediv__(self, child):
        return self.joinpath(child)

    @abc.abstractmethod
    def open(self, mode='r', *args, **kwargs):
        """Open the file, in text mode unless mode says 'b'."""

    @property
    @abc.abstractmethod
    def name(self):
        """The last part of the entry's path."""


class TraversableResources(ResourceReader):
    """A ResourceReader answering through `files()`, a Traversable."""

    @abc.abstractmethod
    def files(self):
        """The package's resources as a Traversable."""

    def _entry(self, name):
        return self.files().joinpath(name)

    def open_resource(self, resource):
        return self._entry(resource).open('rb')

    def resource_path(self, resource):
        raise FileNotFoundError(resource)

    def is_resource(self, path):
        return self._entry(path).is_file()

    def contents(self):
        return map(operator.attrgetter('name'), self.files().iterdir())


_m = _machinery
_register(MetaPathFinder, _m.BuiltinImporter, _m.FrozenImporter, _m.PathFinder)
_register(PathEntryFinder, getattr(_m, 'FileFinder', None))
_register(Loader, getattr(_m, 'NamespaceLoader', None))
_register(InspectLoader, _m.BuiltinImporter, _m.FrozenImporter,
          getattr(_m, 'ExtensionFileLoader', None))
_register(ExecutionLoader, getattr(_m, 'ExtensionFileLoader', None))
_register(FileLoader, _m.SourceFileLoader,
          getattr(_m, 'SourcelessFileLoader', None))
_register(SourceLoader, _m.SourceFileLoader)
del _m
