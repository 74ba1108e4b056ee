import types
def f(x: int | None = None) -> list[int]:
    return [x]
print(f.__annotations__)
print(list[int], type(int | None), int | str | None, dict[str, list[int]], tuple[int, ...], list[None])
print(isinstance(1, int | str), isinstance(1.0, int | str), issubclass(bool, int | str))
try:
    isinstance([], list[int])
except TypeError as e:
    print(e)
print(list[int]([1,2]), list[int].__origin__, list[int].__args__)
ns = types.SimpleNamespace(a=1, b="x")
print(ns, ns.a)
ns.c = [1]
print(ns, ns == types.SimpleNamespace(a=1, b="x", c=[1]))
print(types.SimpleNamespace)
def g(): yield 1
print(isinstance(g(), types.GeneratorType), type(g) is types.FunctionType, types.GeneratorType)
async def co(): pass
c = co()
print(isinstance(c, types.CoroutineType)); c.close()
m = types.ModuleType("foo")
print(m.__name__)
it = iter([1,2])
print(it.__next__(), next(it))
class A(list[int]):
    pass
print(A([1]), A.__mro__)
@types.coroutine
def gen():
    yield 1
print(gen.__name__)
print(int | None == None | int)
try:
    int | 3
except TypeError as e:
    print(e)
print(types.MappingProxyType({"a": 1}), types.MappingProxyType({"a": 1})["a"])
try:
    types.SimpleNamespace(1)
except TypeError as e:
    print(e)
class NS(types.SimpleNamespace):
    pass
print(NS(x=1))
print(types.FunctionType, types.MethodType, types.BuiltinFunctionType, types.ModuleType, types.NoneType)
