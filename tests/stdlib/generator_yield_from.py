# `yield from` and `await` delegation: values and sent values through a chain,
# return values, errors raised in a delegate (tracebacks, PEP 479), throw and
# close passed down, frame links and running state, re-entry, deep chains,
# coroutines awaited by hand and under asyncio.
import asyncio
import sys
import traceback


def leaf(n):
    total = 0
    for i in range(n):
        got = yield i
        if got is not None:
            total += got
    return total


def middle(n):
    result = yield from leaf(n)
    return result * 10


def top(n):
    result = yield from middle(n)
    print("top got", result)
    return result + 1


g = top(4)
print(next(g), g.send(5), g.send(6), g.send(None))
try:
    g.send(7)
except StopIteration as e:
    print("StopIteration", e.value)


# State seen from inside a delegate.
def inspect_me():
    me = yield
    frame = sys._getframe()
    print("delegate's caller:", frame.f_back.f_code.co_name)
    print("running:", me.gi_running, me.gi_yieldfrom is not None)
    yield "inspected"


def outer_inspect():
    yield from inspect_me()


g = outer_inspect()
next(g)
print(g.send(g))
print("suspended:", g.gi_running, type(g.gi_yieldfrom).__name__)


# An error in a delegate, with its traceback through the chain.
def fails():
    yield 1
    raise KeyError("deep")


def passes_on():
    yield from fails()


g = passes_on()
next(g)
try:
    next(g)
except KeyError as e:
    print("KeyError", e, [f.name for f in traceback.extract_tb(e.__traceback__)])


# A delegate that catches what the delegator's consumer throws.
def catcher():
    while True:
        try:
            yield "waiting"
        except ValueError as e:
            yield f"caught {e}"


def wrapper():
    yield from catcher()


g = wrapper()
print(next(g), g.throw(ValueError("x")), next(g))


# close() runs the delegate's finally.
def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("delegate finally")


def closer():
    try:
        yield from with_finally()
    finally:
        print("delegator finally")


g = closer()
next(g)
g.close()
print("closed:", g.gi_frame)


# PEP 479 inside a delegate.
def leaky():
    yield 1
    raise StopIteration("oops")


def around_leaky():
    yield from leaky()


g = around_leaky()
next(g)
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError:", e)


# A delegate that re-enters its delegator.
def reentrant():
    outer = yield
    try:
        next(outer)
    except ValueError as e:
        print("ValueError:", e)
    yield "done"


def hosting():
    yield from reentrant()


g = hosting()
next(g)
print(g.send(g))


# The handled exception across delegation.
def shows_exc():
    yield sys.exc_info()[0]
    yield sys.exc_info()[0]


def handles():
    try:
        raise IndexError
    except IndexError:
        yield from shows_exc()


g = handles()
print(next(g), sys.exc_info()[0], next(g))


# A long chain, and one too deep.
def chain(depth):
    if depth == 0:
        yield "bottom"
        return 0
    value = yield from chain(depth - 1)
    return value + 1


g = chain(200)
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("chain returned", e.value)
try:
    for _ in chain(5000):
        pass
except RecursionError:
    print("RecursionError")


# Delegating to a generator that is already running or exhausted.
def exhausted():
    return "early"
    yield


def takes_exhausted():
    gen = exhausted()
    for _ in gen:
        pass
    value = yield from gen
    print("from exhausted:", value)
    yield "after"


print(next(takes_exhausted()))


# Coroutines awaited by hand.
class Suspend:
    def __await__(self):
        value = yield "suspended"
        return value


async def inner_coro(x):
    got = await Suspend()
    return x + got


async def outer_coro():
    a = await inner_coro(1)
    b = await inner_coro(a)
    return a * b


c = outer_coro()
print(c.send(None), c.send(10), end=" ")
try:
    c.send(20)
except StopIteration as e:
    print("coroutine returned", e.value)


async def reused():
    return 1


async def awaits_twice():
    coro = reused()
    await coro
    await coro


try:
    awaits_twice().send(None)
except RuntimeError as e:
    print("RuntimeError:", e)


# Under asyncio.
async def work(i):
    await asyncio.sleep(0)
    return await leafish(i)


async def leafish(i):
    if i == 3:
        raise ValueError("three")
    return i * i


async def main():
    results = await asyncio.gather(*(work(i) for i in range(6)), return_exceptions=True)
    print(results)


asyncio.run(main())
