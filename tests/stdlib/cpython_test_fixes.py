# Small semantics that CPython's test_exception_group and test_generators
# check: the group constructor's message, read-only group fields, generic
# ExceptionGroup[...], and generator names that must be strings.
for args in [(), ("a", [ValueError()], 3)]:
    try:
        ExceptionGroup(*args)
    except TypeError as e:
        print("TypeError:", e)


class MyGroup(ExceptionGroup):
    pass


try:
    MyGroup()
except TypeError as e:
    print("TypeError:", e)
eg = ExceptionGroup("eg", [ValueError(1)])
for name in ("message", "exceptions"):
    try:
        setattr(eg, name, 1)
    except AttributeError as e:
        print("AttributeError:", e)
print(eg.message, eg.exceptions)
eg.other = 5
print(eg.other)
print(ExceptionGroup[int], BaseExceptionGroup[ValueError], type(ExceptionGroup[int]).__name__)


def gen():
    yield


g = gen()
for name in ("__name__", "__qualname__"):
    try:
        setattr(g, name, 123)
    except TypeError as e:
        print("TypeError:", e)
g.__name__ = "renamed"
print(g.__name__, g.__qualname__)
