import functools
from functools import partial, reduce, lru_cache, cache, wraps, total_ordering, cached_property, singledispatch, cmp_to_key
def f(a, b=2, *c, d=0):
    return (a, b, c, d)
p = partial(f, 1, d=4)
print(repr(p).split(' at ')[0], p.func is f, p.args, p.keywords, p(), p(5, 6, d=7))
p2 = partial(p, 5)
print(p2.args, p2.keywords, p2.func is f, p2())
print(repr(partial(len)), partial(len)("abc"))
for bad in [lambda: partial(), lambda: partial(1), lambda: reduce(lambda a, b: a + b, [])]:
    try:
        bad()
    except TypeError as e:
        print(e)
print(reduce(lambda a, b: a + b, [], 5), reduce(lambda a, b: a * b, range(1, 6)))
@lru_cache(maxsize=2)
def sq(x):
    return x * x
sq(1); sq(2); sq(1); sq(3); sq(2)
print(sq.cache_info(), sq.__name__, sq.__wrapped__.__name__, sq.cache_parameters())
sq.cache_clear(); print(sq.cache_info())
@cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(300), fib.cache_info())
@lru_cache
def g(x, y=1):
    return x + y
print(g(1), g(1), g(1, y=1), g(x=1), g.cache_info())
class A:
    @lru_cache
    def m(self, x):
        return x + 1
print(A().m(1), A.m.cache_info())
try:
    g([1])
except TypeError as e:
    print(e)
def deco(fn):
    @wraps(fn)
    def inner(*a, **k):
        "inner doc"
        return fn(*a, **k)
    return inner
@deco
def hello(name):
    "Say hello."
    return "hi " + name
print(hello("x"), hello.__name__, hello.__doc__, hello.__wrapped__.__name__, hello.__qualname__)
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) < V(2), V(1) <= V(1), V(3) > V(2), V(2) >= V(3), sorted([V(3), V(1)], key=lambda x: x.v)[0].v)
class C:
    def __init__(self): self.n = 0
    @cached_property
    def val(self):
        self.n += 1
        return self.n * 10
c = C()
print(c.val, c.val, c.n)
@singledispatch
def show(x):
    return f"obj {x!r}"
@show.register
def _(x: int):
    return f"int {x}"
@show.register(list)
def _(x):
    return f"list {len(x)}"
print(show(1), show([1, 2]), show("s"), show(True))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
class Cell:
    def __init__(self): self.v = None
    def set(self, v): self.v = v
    set_one = functools.partialmethod(set, 1)
cc = Cell(); cc.set_one(); print(cc.v)
