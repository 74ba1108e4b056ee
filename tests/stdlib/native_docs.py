# Every built-in function and every public method of the built-in types has
# a docstring, and inspect.signature answers for it as CPython's does (a
# signature, or an error where CPython states none). Names are printed only
# where something is missing, or with the signature found.
import builtins
import inspect

FUNCTIONS = """abs aiter all anext any ascii bin callable chr compile delattr dir divmod
eval exec format getattr globals hasattr hash hex id input isinstance issubclass iter len
locals max min next oct open ord pow print repr round setattr sorted sum vars
__build_class__ __import__""".split()


def _generator():
    yield


async def _coroutine():
    pass


async def _async_generator():
    yield


_coro = _coroutine()
_coro.close()
TYPES = [str, bytes, bytearray, list, tuple, dict, set, frozenset, int, bool, float,
         complex, range, slice, memoryview, object, type, property, classmethod,
         staticmethod, type(_generator()), type(_coro), type(_async_generator()),
         BaseException, ValueError, OSError, type(type.__dict__)]


def signature_of(f):
    try:
        return str(inspect.signature(f))
    except Exception:
        return "(none)"


def check(qualname, f):
    doc = f.__doc__
    if not isinstance(doc, str) or not doc.strip():
        print("no docstring:", qualname)
    print(qualname, signature_of(f))


for name in FUNCTIONS:
    check(name, getattr(builtins, name))

for t in TYPES:
    if not isinstance(t.__doc__, str) or not t.__doc__.strip():
        # CPython documents most built-in classes, not all.
        print("no class docstring:", t.__name__)
    for name in sorted(vars(t)):
        if name.startswith("_") or not callable(getattr(t, name)):
            continue
        check(f"{t.__name__}.{name}", getattr(t, name))

# Values of built-in types answer __doc__ from their class (None where
# CPython's class has no docstring).
for value in [None, ..., NotImplemented, {}.keys(), {}.items(), _generator(), iter([]),
              iter(range(2)), type.__dict__, 1, True, 2.5, "s", [], ValueError(), len,
              _generator]:
    try:
        doc = value.__doc__
        print(type(value).__name__, "__doc__:", "a docstring" if isinstance(doc, str) else repr(doc))
    except AttributeError as e:
        print(type(value).__name__, "AttributeError:", e)
