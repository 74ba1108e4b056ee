NAME = "plugin a"
import builtins
builtins.plugin_loads = getattr(builtins, "plugin_loads", 0) + 1
loads = builtins.plugin_loads
