# Module-level __getattr__ (PEP 562): lazy and deprecated names.
import lazy
print(lazy.eager, lazy.computed, lazy.computed_again)
from lazy import made_on_demand
print(made_on_demand)
print(hasattr(lazy, "missing"), getattr(lazy, "missing", "default"))
try:
    lazy.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    from lazy import also_missing
except ImportError as e:
    print("ImportError:", e.args[0].split(" (")[0])
