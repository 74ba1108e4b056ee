import inspect
import functools
import types


def f(a, b: int = 1, *args, c, d: str = "x", **kw) -> bool:
    """Does f.

    With detail.
    """
    return True


def g(a, /, b, *, c):
    pass


s = inspect.signature(f)
print(s, repr(s), s.parameters, s.return_annotation)
print(inspect.signature(g), inspect.signature(lambda x, y=2: 0))
p = s.parameters["b"]
print(repr(p), p.kind, p.default, p.annotation, p.name, str(p.kind), p.kind.description, inspect.Parameter.empty)


class A:
    def __init__(self, x, y=0):
        self.x = x

    def m(self, z):
        return z

    @staticmethod
    def st(q):
        return q


print(inspect.signature(A), inspect.signature(A(1).m), inspect.signature(A.m), inspect.signature(A.st))
b = s.bind(1, 2, 3, c=4, e=5)
print(b, b.arguments, b.args, b.kwargs)
b.apply_defaults()
print(b.arguments)
for call in (lambda: s.bind(), lambda: s.bind(1), lambda: inspect.signature(lambda a: 0).bind(1, 2), lambda: inspect.signature(lambda a: 0).bind(1, b=2)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
print(inspect.getfullargspec(f))
print(inspect.signature(f).replace(return_annotation=inspect.Signature.empty))
print(inspect.signature(f) == inspect.signature(f))
print(inspect.signature(functools.partial(f, 1, c=3)))


def deco(fn):
    @functools.wraps(fn)
    def w(*a, **k):
        return fn(*a, **k)

    return w


@deco
def h(q, r=1):
    pass


print(inspect.signature(h), h.__name__)
print([name for name, _ in inspect.getmembers(A, inspect.isfunction)])
print(inspect.cleandoc("""
    hello
      world
    """))
print(inspect.getdoc(f))
print(inspect.isabstract(A), inspect.ismethod(A(1).m), inspect.isroutine(len), inspect.isfunction(f), inspect.isbuiltin(len), inspect.isclass(A))


def gen():
    x = 1
    yield x
    yield x + 1


async def coro():
    pass


async def agen():
    yield 1


@types.coroutine
def old_style():
    yield


print(inspect.isgeneratorfunction(gen), inspect.isgeneratorfunction(f), inspect.iscoroutinefunction(coro), inspect.isasyncgenfunction(agen))
gi = gen()
print(inspect.isgenerator(gi), inspect.getgeneratorstate(gi), inspect.getgeneratorlocals(gi))
next(gi)
print(inspect.getgeneratorstate(gi), inspect.getgeneratorlocals(gi))
gi.close()
print(inspect.getgeneratorstate(gi))
co = coro()
print(inspect.iscoroutine(co), inspect.isawaitable(co), inspect.getcoroutinestate(co))
co.close()
print(inspect.getcoroutinestate(co), inspect.isawaitable(old_style()), inspect.isawaitable(gen()), inspect.isawaitable(5))
ag = agen()
print(inspect.isasyncgen(ag))
print(inspect.getsource(f))
print(inspect.getsource(A.m))
print(inspect.getsource(h))
print(inspect.getsource(A))
print(inspect.getsourcelines(g)[1])
print(inspect.unwrap(h).__name__, inspect.isawaitable(types.SimpleNamespace()))
