# A package with relative imports at several levels, `from .m import *`
# with and without `__all__`, and what the import system sets on modules.
import shop
from shop.models import order
import shop.util.money as money

print(shop.VERSION, shop.core.VALUE)
print(order.describe())
print(money.fmt(1234))
print(sorted(n for n in dir(shop) if not n.startswith("__")))
print(shop.__name__, shop.__package__, shop.__spec__.name, repr(shop.__spec__.parent))
print(order.__name__, order.__package__, order.__spec__.parent)
print(shop.__path__ == [shop.__spec__.submodule_search_locations[0]])
print(shop.__file__.endswith("shop/__init__.py"), order.__file__.endswith("order.py"))
print(shop.__spec__.origin == shop.__file__, shop.__spec__.has_location)
print(type(shop.__loader__).__name__, shop.__loader__.name)
print(shop.models.order is order, shop.util.money is money)
print(repr(shop.util).startswith("<module 'shop.util' from '"))
print(__name__, __package__, __spec__)
print(type(__builtins__).__name__)
from shop.star_all import *
print(sorted(n for n in dir() if not n.startswith("__")))
