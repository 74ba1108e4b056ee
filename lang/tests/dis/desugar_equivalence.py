# Every function below runs twice, as written and as `dis.desugared` rewrote
# it; the traces (what was yielded, sent, logged, returned or raised) must be
# the same. The awaitables and context managers are hand-made so that the
# test needs no event loop: `drive` plays the loop, sending a reply to each
# yielded value.
import dis
import sys

log = []

class Tick:
    """An awaitable that yields once and returns what was sent back."""
    def __init__(self, v):
        self.v = v
    def __await__(self):
        got = yield ("tick", self.v)
        return (self.v, got)

class ACM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    async def __aenter__(self):
        log.append(("enter", self.name))
        await Tick("enter " + self.name)
        return self.name
    async def __aexit__(self, t, e, tb):
        log.append(("exit", self.name, None if t is None else t.__name__, None if e is None else str(e)))
        await Tick("exit " + self.name)
        return self.suppress

class ACount:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Tick(("next", self.i))
        return self.i

async def agen_source(n):
    for i in range(n):
        await Tick(("agen", i))
        yield i * 10

async def sub(x):
    r = await Tick(x)
    return ("sub", r)

def subgen(n):
    total = 0
    for i in range(n):
        got = yield i
        log.append(("subgen got", got))
        total += i
    return total

def thrower():
    try:
        yield 1
        yield 2
    except KeyError as e:
        log.append(("caught", str(e)))
        yield "recovered"
    return "thrower done"

# --- the functions under test -------------------------------------------

async def c_simple():
    return await sub(1)

async def c_exprs(a):
    x = [await Tick(a), (await sub(a + 1))[1]]
    if await Tick("cond"):
        x.append(await Tick("then"))
    return x, {"k": await Tick("v")}

async def c_with():
    async with ACM("a") as name:
        log.append(("in", name))
        await Tick("body")
    return "after"

async def c_with_suppress():
    async with ACM("s", suppress=True):
        raise ValueError("boom")
    return "suppressed"

async def c_with_raise():
    async with ACM("r") as n:
        raise KeyError(n)

async def c_with_return():
    for i in range(3):
        async with ACM("loop%d" % i):
            if i == 1:
                return "returned inside"
            if i == 0:
                continue
    return "not reached"

async def c_with_two():
    async with ACM("one") as a, ACM("two") as b:
        log.append((a, b))

async def c_for():
    out = []
    async for i in ACount(4):
        if i == 2:
            continue
        out.append(i)
    else:
        out.append("else")
    return out

async def c_for_break():
    async for i in agen_source(5):
        if i >= 20:
            break
        log.append(i)
    else:
        log.append("no break")
    return "broke"

async def c_nested():
    total = 0
    async with ACM("outer"):
        async for i in ACount(2):
            async with ACM("inner%d" % i) as n:
                total += i
                log.append(await sub(n))
    return total

async def c_try():
    try:
        await Tick("try")
        raise ValueError("inner")
    except ValueError as e:
        await Tick(str(e))
        return "handled"
    finally:
        await Tick("finally")

async def c_no_await():
    return 42

def g_yield_from():
    r = yield from subgen(3)
    log.append(("r", r))
    yield from subgen(1)
    return (yield from subgen(2))

def g_throw():
    r = yield from thrower()
    return r

async def ag_with_for():
    async with ACM("ag"):
        async for i in ACount(2):
            yield i
    yield "end"

def closure_maker(k):
    async def c_closure():
        return await Tick(k)
    return c_closure

# A Python 3.4-style coroutine: a generator flagged as a coroutine, whose
# `yield from` takes a coroutine as it is. (dis._coroutine sets the same
# flag as types.coroutine, for builds without a types module.)
coroutine = dis._coroutine

@coroutine
def py34(x):
    r = yield from sub(x)
    g = yield from subgen(2)
    return (r, g)

class Holder:
    def __init__(self, v):
        self.v = v
    async def method(self, w):
        async with ACM("m"):
            return (self.v, await Tick(w))

# --- the driver -----------------------------------------------------------

def drive(obj, throw_at=None):
    """Runs a generator or coroutine by hand; returns its trace."""
    trace = []
    value = None
    step = 0
    while True:
        step += 1
        try:
            if step == throw_at:
                y = obj.throw(KeyError("thrown"))
            else:
                y = obj.send(value)
        except StopIteration as e:
            trace.append(("return", e.value))
            break
        except Exception as e:
            trace.append(("raise", type(e).__name__, str(e)))
            break
        trace.append(("yield", y))
        value = ("reply", step)
    trace.append(("log", list(log)))
    log.clear()
    return trace

def drive_agen(agen):
    trace = []
    while True:
        try:
            trace.append(drive(agen.__anext__()))
        except StopAsyncIteration:
            break
        if trace[-1][-2][0] == "raise":
            break
    return trace

cases = [
    (c_simple, ()), (c_exprs, (5,)), (c_with, ()), (c_with_suppress, ()), (c_with_raise, ()),
    (c_with_return, ()), (c_with_two, ()), (c_for, ()), (c_for_break, ()), (c_nested, ()),
    (c_try, ()), (c_no_await, ()), (g_yield_from, ()), (closure_maker(7), ()), (py34, ("old",)),
]
checked = 0
for f, args in cases:
    new = dis.desugared(f)
    a = drive(f(*args))
    b = drive(new(*args))
    if a != b:
        print(dis.desugar_source(f))
        raise AssertionError(f"{f.__name__}: {a!r} != {b!r}")
    checked += 1

# throw() into a delegating generator goes through the PEP 380 expansion.
for at in [2, 3]:
    a = drive(g_throw(), throw_at=at)
    b = drive(dis.desugared(g_throw)(), throw_at=at)
    assert a == b, f"g_throw at {at}: {a!r} != {b!r}"
    checked += 1

a = drive_agen(ag_with_for())
b = drive_agen(dis.desugared(ag_with_for)())
assert a == b, f"ag_with_for: {a!r} != {b!r}"
checked += 1

h = Holder(3)
a = drive(h.method("w"))
b = drive(dis.desugared(Holder.method)(h, "w"))
assert a == b, f"method: {a!r} != {b!r}"
checked += 1

if "--quiet" not in sys.argv:
    print("desugared functions behave the same:", checked, "checks")
