# sys.path and sys.modules are the live list and dict import uses.
import sys

try:
    import plugin_a
except ModuleNotFoundError as e:
    print("before:", e, e.name)
sys.path.insert(0, "plugins")
import plugin_a
print(plugin_a.NAME, plugin_a.__file__.rsplit("/", 2)[-2:])

class Fake:
    value = 7
sys.modules["fake_mod"] = Fake()
import fake_mod
from fake_mod import value
print(type(fake_mod).__name__, value)

count = plugin_a.loads
del sys.modules["plugin_a"]
import plugin_a as again
print("re-executed:", again.loads == count, again is not plugin_a)

sys.modules["blocked"] = None
try:
    import blocked
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)

print("sys" in sys.modules, "builtins" in sys.modules, sys.modules["__main__"].__name__)
print(sys.modules["sys"] is sys, type(sys.modules).__name__, type(sys.path).__name__)
sys.path = [p for p in sys.path if p != "plugins"]
import plugin_a
print("cached import still works:", plugin_a is again)
del sys.modules["plugin_a"]
try:
    import plugin_a
except ImportError as e:
    print("after rebinding sys.path:", e)
import json, asyncio
print(all(m in sys.modules for m in ["json", "asyncio"]))
