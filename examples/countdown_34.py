# The Python 3.4 countdown: generator-based coroutines with `yield from`.
# Run it with: towel examples/countdown_34.py
#
# Before async/await, coroutines were generators decorated with
# @asyncio.coroutine that waited with `yield from`. CPython removed that
# decorator in 3.11 (towel keeps it, behaving as in 3.10); types.coroutine is
# the same mechanism, so the example falls back to it where it is missing.
import asyncio

coroutine = getattr(asyncio, "coroutine", None)
if coroutine is None:
    import types
    coroutine = types.coroutine


@coroutine
def countdown(number, n):
    while n > 0:
        print("T-minus", n, "({})".format(number))
        yield from asyncio.sleep(0.05)
        n -= 1
    return number


loop = asyncio.get_event_loop()
tasks = [
    asyncio.ensure_future(countdown("A", 2)),
    asyncio.ensure_future(countdown("B", 3)),
]
done, pending = loop.run_until_complete(asyncio.wait(tasks))
print("done:", sorted(t.result() for t in done), "pending:", len(pending))
loop.close()
