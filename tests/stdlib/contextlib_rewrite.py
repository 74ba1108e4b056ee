# contextlib beyond the basics: ExitStack's exception chaining (it must
# chain like nested with-statements), pop_all/push/callback, the
# generator managers' edge cases, AsyncExitStack, asynccontextmanager,
# aclosing, chdir, redirect reentrancy and the ABCs' subclass hooks.
import asyncio
import contextlib
import gc
import io
import os
from contextlib import (
    AbstractAsyncContextManager, AbstractContextManager, AsyncExitStack, ExitStack,
    aclosing, asynccontextmanager, chdir, closing, contextmanager, nullcontext,
    redirect_stderr, redirect_stdout, suppress,
)

print(sorted(contextlib.__all__))
class E(Exception): pass
def raiser(name):
    def f(*a):
        raise E(name)
    return f
def chain(e):
    out=[]
    while e is not None:
        out.append(str(e)); e = e.__context__
    return out
# 1: two callbacks raising, no outer exception
try:
    with ExitStack() as s:
        s.callback(raiser("first-registered"))
        s.callback(raiser("second-registered"))
except E as e: print(1, chain(e))
# 2: body raises
try:
    with ExitStack() as s:
        s.callback(raiser("a"))
        s.callback(raiser("b"))
        raise E("body")
except E as e: print(2, chain(e))
# 3: inside an except block
try:
    raise E("outer")
except E:
    try:
        with ExitStack() as s:
            s.callback(raiser("a"))
            s.callback(raiser("b"))
            raise E("body")
    except E as e: print(3, chain(e))
# 4: callback raising with own context
def own(*a):
    try: raise E("inner-own")
    except E: raise E("own")
try:
    with ExitStack() as s:
        s.callback(raiser("a"))
        s.push(lambda *a: own())
        raise E("body")
except E as e: print(4, chain(e))
# 5: suppress then raise
try:
    with ExitStack() as s:
        s.callback(raiser("a"))
        s.push(lambda *a: True)
        raise E("body")
except E as e: print(5, chain(e))
# 6 re-raise same exception
def reraise(t, v, tb):
    if v: raise v
try:
    with ExitStack() as s:
        s.push(reraise)
        s.push(reraise)
        raise E("body")
except E as e: print(6, chain(e))
# 7 nested with in comparison
try:
    with ExitStack() as s:
        s.callback(raiser("a"))
        with ExitStack() as t:
            t.callback(raiser("b"))
            raise E("body")
except E as e: print(7, chain(e))
# 8 exception object itself contexted to outer
try:
    raise E("outer")
except E:
    try:
        with ExitStack() as s:
            s.callback(raiser("a"))
    except E as e: print(8, chain(e))
try:
    raise E("outer")
except E:
    try:
        with ExitStack() as s:
            s.callback(raiser("a"))
            s.callback(raiser("b"))
    except E as e: print(9, chain(e))
print(ExitStack().__exit__(None,None,None))
s=ExitStack(); s.push(lambda *a: True); print(s.__exit__(E, E("x"), None))
s=ExitStack(); print(s.__exit__(E, E("x"), None))
print(s.push(5) if False else None)
try: ExitStack().enter_context(5)
except TypeError as e: print(e)
try: ExitStack().push(5); 
except Exception as e: print(type(e), e)
class NoExit:
    def __enter__(self): return 1
try: ExitStack().enter_context(NoExit())
except TypeError as e: print(e)
s = ExitStack()
print(s.callback(print, 1, 2, sep="-") is print)
s.close()
s.close()
s = ExitStack(); s.callback(print, "moved"); t = s.pop_all(); print(type(t).__name__); s.close(); t.close()
s = ExitStack()
@s.push
def exit_fn(*details):
    print("exit_fn", details)
print(exit_fn.__name__)
s.close()
s = ExitStack()
s.callback(lambda: s.callback(print, "registered while unwinding"))
s.close()
print(ExitStack().callback(lambda: True) is not None)
s = ExitStack(); s.callback(lambda: True)
print(s.__exit__(KeyError, KeyError(), None))
print(contextlib.__all__)
print(all(hasattr(contextlib, n) for n in contextlib.__all__), contextlib.AsyncContextDecorator.__name__)
async def main():
    async with AsyncExitStack() as s:
        try: await s.enter_async_context(5)
        except TypeError as e: print(e)
        try: s.enter_context(5)
        except TypeError as e: print(e)
        async def acb(*a, **k): print("acb", a, k)
        print(s.push_async_callback(acb, 1, x=2) is acb)
        async def aexit(t, v, tb): print("aexit", t); return False
        print(s.push_async_exit(aexit) is aexit)
        s.callback(print, "sync cb")
        s.push(lambda *a: print("sync push", a))
        @asynccontextmanager
        async def agen(n):
            print("enter", n); yield n; print("exit", n)
        print(await s.enter_async_context(agen(3)))

    s2 = AsyncExitStack()
    s2.callback(print, "closing"); await s2.aclose()
    try:
        async with AsyncExitStack() as s:
            async def boom(*a): raise ValueError("boom")
            s.push_async_callback(boom)
            s.callback(boom2)
            raise KeyError("k")
    except ValueError as e: print("VE", repr(e.__context__), repr(e.__context__.__context__))
def boom2(): raise IndexError("i")
asyncio.run(main())
with nullcontext(5) as v: print(v)
with suppress(KeyError, IndexError): raise IndexError
print(suppress(KeyError)._exceptions)
try:
    with suppress(): raise KeyError(1)
except KeyError as e: print("not suppressed", e)
print(suppress(KeyError).__exit__(None,None,None))
import io
b = io.StringIO()
r = redirect_stdout(b)
with r as x:
    print(x is b)
    with r: print("nested")
print(repr(b.getvalue()))
print(closing(5).thing)
import os
c = chdir("/tmp"); print(c.path, c._old_cwd)
with c as v: print(v, os.getcwd())
print(AbstractContextManager.__class_getitem__(int))
class CM:
    def __enter__(self): pass
    def __exit__(self, *a): pass
class CMn(CM): __exit__ = None
print(issubclass(CM, AbstractContextManager), issubclass(CMn, AbstractContextManager), issubclass(int, AbstractContextManager))
class Sub(AbstractContextManager):
    def __exit__(self,*a): return super().__exit__(*a)
print(Sub().__enter__().__class__.__name__, Sub().__exit__(1,2,3))
try: AbstractContextManager()
except TypeError as e: print(e)
@contextmanager
def twice():
    try:
        yield 1
        yield 2
    finally:
        print("twice finally")
cm = twice()
print(type(cm).__name__, cm.__doc__ is not None, cm.func.__name__, cm.args, cm.kwds, cm.gen.__name__)
try:
    with cm as v:
        print(v, hasattr(cm, 'func'), hasattr(cm, 'args'))
except RuntimeError as e: print("RE", e, repr(e.__context__), repr(e.__cause__))
print("after twice")
cm = None; gc.collect()
@contextmanager
def ignore_throw():
    try: yield
    except ZeroDivisionError:
        print("caught"); yield
    finally: print("ignore finally")
try:
    with ignore_throw(): 1/0
except RuntimeError as e: print("RE", e, repr(e.__context__))
print("after ignore")
@contextmanager
def noyield():
    if False: yield
try:
    with noyield(): pass
except RuntimeError as e: print("RE", e, e.__context__, e.__suppress_context__)
@contextmanager
def swallow():
    try: yield
    except Exception as e: print("swallowed", repr(e))
with swallow(): raise KeyError(1)
print(swallow().__exit__(None, None, None) if False else "")
cm = swallow(); cm.__enter__(); print(cm.__exit__(KeyError, None, None))
@contextmanager
def plain(): yield
try:
    with plain(): raise StopIteration("si")
except StopIteration as e: print("SI propagated", e)
except RuntimeError as e: print("RE", e)
@contextmanager
def convert():
    try: yield
    except KeyError as e: raise ValueError("conv") from e
try:
    with convert(): raise KeyError(2)
except ValueError as e: print("VE", repr(e.__cause__), repr(e.__context__))
@contextmanager
def doc():
    "my doc"
    yield
print(doc().__doc__, doc.__name__, doc.__wrapped__.__name__)
@contextmanager
def nodoc(): yield
print(repr(nodoc().__doc__)[:30])
@plain()
def f(a): print("in f", a); return a+1
print(f(1), f(2), f.__name__)
# generator that reraises same
@contextmanager
def rr():
    try: yield
    except KeyError: raise
try:
    with rr(): raise KeyError(3)
except KeyError as e: print("KE", e, e.__context__)
# generator returns after throw: suppress
@contextmanager
def ret():
    try: yield
    except KeyError: return
with ret(): raise KeyError
print("suppressed by return")
# exit with type but value None and generator re-raises -> value instantiated
cm = rr(); cm.__enter__()
try: cm.__exit__(KeyError, None, None)
except KeyError as e: print("KE inst", repr(e))
# StopIteration thrown into generator that doesn't catch -> returns False
cm = plain(); cm.__enter__(); print(cm.__exit__(StopIteration, StopIteration(5), None))
# gen raising StopIteration itself
@contextmanager
def gsi():
    yield
    raise StopIteration
try:
    with gsi(): pass
except RuntimeError as e: print("RE", e)
print("done")
# thrown GeneratorExit-ish BaseException
@contextmanager
def g2(): yield
try:
    with g2(): raise SystemExit(3)
except SystemExit as e: print("SE", e)

async def async_cases():
    @asynccontextmanager
    async def twice():
        try:
            yield 1
            yield 2
        finally:
            print("async twice finally")
    try:
        async with twice():
            pass
    except RuntimeError as e:
        print("RE", e)
    @asynccontextmanager
    async def never():
        if False:
            yield
    try:
        async with never():
            pass
    except RuntimeError as e:
        print("RE", e, e.__suppress_context__)
    @asynccontextmanager
    async def catches():
        try:
            yield
        except KeyError as e:
            print("caught", repr(e))
    async with catches():
        raise KeyError("a")
    @asynccontextmanager
    async def ignores():
        try:
            yield
        except KeyError:
            yield
    try:
        async with ignores():
            raise KeyError("b")
    except RuntimeError as e:
        print("RE", e, repr(e.__context__))
    @asynccontextmanager
    async def plain():
        yield "v"
    for exc in (StopIteration("s"), StopAsyncIteration("a"), ValueError("v")):
        try:
            async with plain():
                raise exc
        except BaseException as e:
            print("propagated", type(e).__name__, e is exc)
    @plain()
    async def decorated(x):
        return x * 2
    print(await decorated(4), await decorated(5), decorated.__name__)

    class Gen:
        async def aclose(self):
            print("aclose called")
    async with aclosing(Gen()) as g:
        print(type(g).__name__)
    async with nullcontext(7) as v:
        print("async nullcontext", v)
    async def agen():
        try:
            yield 1
            yield 2
        finally:
            print("agen finalised")
    async with aclosing(agen()) as it:
        async for x in it:
            print(x)
            break
    async with AsyncExitStack() as stack:
        async def say(*a):
            print("async callback", a)
        stack.push_async_callback(say, "x")
        stack.callback(print, "sync callback")
        moved = stack.pop_all()
    print("moved stack not run yet")
    await moved.aclose()
    try:
        async with AsyncExitStack() as stack:
            async def fail(*a):
                raise ValueError("from callback")
            async def swallow(*a):
                print("swallow sees", a[0].__name__)
                return True
            stack.push_async_exit(swallow)
            stack.push_async_callback(fail)
            raise KeyError("body")
    except KeyError:
        print("not reached")
    else:
        print("suppressed by async exit")
    class ACM:
        async def __aenter__(self):
            print("ACM enter")
            return self
        async def __aexit__(self, *a):
            print("ACM exit", a[0])
    async with AsyncExitStack() as stack:
        stack.push_async_exit(ACM())
        print(type(await stack.enter_async_context(ACM())).__name__)
    class Hook:
        async def __aenter__(self): pass
        async def __aexit__(self, *a): pass
    print(issubclass(Hook, AbstractAsyncContextManager), issubclass(int, AbstractAsyncContextManager))
    print(isinstance(AsyncExitStack(), AbstractAsyncContextManager), isinstance(ExitStack(), AbstractContextManager))

asyncio.run(async_cases())

out = io.StringIO()
err = io.StringIO()
with redirect_stderr(err) as target:
    import sys
    print("to stderr", file=sys.stderr)
print(target is err, repr(err.getvalue()))
before = os.getcwd()
c = chdir("/")
with c:
    with c:
        print("nested chdir", os.getcwd())
print(os.getcwd() == before)
print(AbstractContextManager[int], AbstractAsyncContextManager[str])

# The exception type alone decides (the value may be None).
s = ExitStack(); s.push(lambda *a: False); print(s.__exit__(KeyError, None, None))
s = ExitStack(); s.push(lambda *a: True); print(s.__exit__(KeyError, None, None))
s = ExitStack(); print(s.__exit__(KeyError, None, None))
async def main():
    s = AsyncExitStack(); s.push(lambda *a: True); print(await s.__aexit__(KeyError, None, None))
    s = AsyncExitStack(); s.push(lambda *a: False); print(await s.__aexit__(KeyError, None, None))
asyncio.run(main())
