import importlib
import importlib.util
import importlib.machinery
import sys

m = importlib.import_module("pkg.mod")
print(m.__name__, m.VALUE, importlib.import_module(".mod", "pkg") is m)
print(importlib.import_module("pkg") is sys.modules["pkg"])
try:
    importlib.import_module(".mod")
except TypeError as e:
    print("TypeError:", e)
try:
    importlib.import_module("pkg.nope")
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)

print(importlib.util.find_spec("no_such_thing"))
spec = importlib.util.find_spec("pkg.mod")
print(spec.name, spec.parent, spec.origin.rsplit("/", 2)[-2:], spec.submodule_search_locations)
spec = importlib.util.find_spec("pkg")
print(spec.name, spec.parent, len(spec.submodule_search_locations))
print(importlib.util.find_spec("json").name, importlib.util.resolve_name(".x", "pkg"))

spec = importlib.util.spec_from_file_location("loose", "loose_file.py")
print(type(spec).__name__, spec.name, spec.origin, spec.has_location)
loose = importlib.util.module_from_spec(spec)
print("loose" in sys.modules, loose.__name__, loose.__file__)
spec.loader.exec_module(loose)
print(loose.greet("spec"))

m.VALUE = 99
reloaded = importlib.reload(m)
print(reloaded is m, m.VALUE, m.LOADS)
importlib.invalidate_caches()
ms = importlib.machinery.ModuleSpec("made", None, origin="somewhere")
print(ms, ms.parent, ms.origin)
pkg_spec = importlib.machinery.ModuleSpec("a.b", None, is_package=True)
print(pkg_spec.parent, pkg_spec.submodule_search_locations)
print(importlib.machinery.SOURCE_SUFFIXES)
