# __main__ as CPython makes it for a script: a SourceFileLoader, no spec.
import sys

main = sys.modules["__main__"]
print(main is sys.modules[__name__], __spec__, type(__loader__).__name__)
print(__loader__.name, __loader__.path == __file__)
print(repr(main) == "<module '__main__' from %r>" % __file__)
import types
m = types.ModuleType("m")
print(m)
import importlib.machinery as machinery
m.__loader__ = machinery.BuiltinImporter
print(m)
m.__loader__ = machinery.FrozenImporter
m.__file__ = "ignored.py"
print(m)
n = types.ModuleType("n")
n.__file__ = "n.py"
print(n)
