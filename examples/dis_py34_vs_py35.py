# The talk's key slide: a Python 3.4 coroutine (a generator decorated with
# @asyncio.coroutine, delegating with `yield from`) and a Python 3.5 one
# (`async def` with `await`) compile to the same instructions but one:
# GET_YIELD_FROM_ITER versus GET_AWAITABLE, both followed by YIELD_FROM.
# Run it with: towel examples/dis_py34_vs_py35.py
#
# The same from the command line:
#   towel -m dis examples/dis_py34_vs_py35.py --compare py34_coro py35_coro

import dis

# asyncio.coroutine is what the talk used. Where asyncio (or its coroutine)
# is missing, types.coroutine does the same job; failing that, a plain
# generator compiles to exactly the same instructions (the decorator only
# sets a flag on the function, it does not change its code).
try:
    import asyncio
    coroutine = asyncio.coroutine
    how = "@asyncio.coroutine"
except (ImportError, AttributeError):
    try:
        import types
        coroutine = types.coroutine
        how = "@types.coroutine (asyncio.coroutine is not available)"
    except ImportError:
        def coroutine(func):
            return func
        how = "a plain generator (neither asyncio nor types is available)"


def stuff():
    pass


@coroutine
def py34_coro():
    yield from stuff()


async def py35_coro():
    await stuff()


print("Python 3.4 style, with", how + ":")
dis.dis(py34_coro)
print()
print("Python 3.5 style, async def:")
dis.dis(py35_coro)
print()
dis.compare(py34_coro, py35_coro)
print()
# Both are state machines with one resume point: the YIELD_FROM.
dis.states(py35_coro)
print()
# And `await` is `yield from` over __await__(): desugaring the 3.5 coroutine
# gives back the 3.4 one.
dis.desugar(py35_coro)
