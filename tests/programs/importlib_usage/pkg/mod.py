import builtins
builtins.mod_loads = getattr(builtins, "mod_loads", 0) + 1
LOADS = builtins.mod_loads
VALUE = 1
