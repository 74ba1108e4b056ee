from .core import VALUE
from . import core
VERSION = "1.0"
print("shop loaded as", __name__, "package", __package__)
