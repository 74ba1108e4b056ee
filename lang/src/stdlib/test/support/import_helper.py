"""Import helpers for tests: optional modules, fresh copies, sys.path changes."""

import contextlib
import importlib
import sys
import unittest


def unload(name):
    sys.modules.pop(name, None)


def forget(modname):
    """Drop `modname` from sys.modules (towel writes no .pyc files to remove)."""
    unload(modname)


def import_module(name, deprecated=False, *, required_on=()):
    """Import and return module `name`; skip the test if it cannot be
    imported (unless this platform is one of `required_on`)."""
    try:
        return importlib.import_module(name)
    except ImportError as err:
        if sys.platform.startswith(tuple(required_on)):
            raise
        raise unittest.SkipTest(str(err))


@contextlib.contextmanager
def _saved_modules(names):
    saved = {name: sys.modules[name] for name in names if name in sys.modules}
    try:
        yield
    finally:
        for name in names:
            if name in saved:
                sys.modules[name] = saved[name]
            else:
                sys.modules.pop(name, None)


def import_fresh_module(name, fresh=(), blocked=(), deprecated=False):
    """Import a new copy of module `name` (and of the modules in `fresh`),
    with the modules in `blocked` made unimportable; sys.modules is left as
    it was. Returns None if the import fails."""
    names = [name, *fresh, *blocked]
    with _saved_modules(names):
        for each in [name, *fresh]:
            sys.modules.pop(each, None)
        for each in blocked:
            sys.modules[each] = None
        try:
            for each in fresh:
                importlib.import_module(each)
            return importlib.import_module(name)
        except ImportError:
            return None


def _restore_modules(saved):
    """Puts sys.modules back to the copy `saved`."""
    sys.modules.clear()
    sys.modules.update(saved)


class CleanImport:
    """Context manager: the named modules are imported afresh inside the
    block, and sys.modules is restored after."""

    def __init__(self, *module_names, usefrozen=False):
        self._names = module_names
        self._saved = None

    def __enter__(self):
        self._saved = sys.modules.copy()
        for name in self._names:
            sys.modules.pop(name, None)
        return self

    def __exit__(self, *exc_info):
        _restore_modules(self._saved)


class DirsOnSysPath:
    """Context manager: the given folders are put at the end of sys.path for
    the block; sys.path is restored after."""

    def __init__(self, *paths):
        self._paths = paths
        self._saved = None

    def __enter__(self):
        self._saved = sys.path[:]
        sys.path.extend(self._paths)
        return self

    def __exit__(self, *exc_info):
        sys.path[:] = self._saved


def modules_setup():
    return (sys.modules.copy(),)


def modules_cleanup(oldmodules):
    _restore_modules(oldmodules)


def make_legacy_pyc(source):
    raise unittest.SkipTest("towel does not write .pyc files")


@contextlib.contextmanager
def isolated_modules():
    saved = sys.modules.copy()
    try:
        yield
    finally:
        _restore_modules(saved)
