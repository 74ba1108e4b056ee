# Circular imports: each module sees the other partially initialised, and
# the errors CPython gives when a name is not there yet.
import alpha
print(alpha.done, alpha.beta.seen_alpha_name)

try:
    import broken_a
except ImportError as e:
    print(type(e).__name__, e, "| name:", e.name, "| path ends:", e.path.rsplit("/", 1)[-1])

try:
    import attr_cycle
except AttributeError as e:
    print(type(e).__name__, e)

import sys
print("broken_a" in sys.modules, "broken_b" in sys.modules, "attr_cycle" in sys.modules)
