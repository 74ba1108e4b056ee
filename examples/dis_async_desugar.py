# What `async with`, `async for` and `await` mean, shown three ways: the
# resume points of each coroutine (dis.states), the generator code it is
# short for (dis.desugar), and a run of both versions side by side with
# identical results.
# Run it with: towel examples/dis_async_desugar.py
#
# No event loop is needed: `run` plays the loop, sending back a reply for
# every value a coroutine yields, which is all an event loop does too.

import dis


class Tick:
    """An awaitable that suspends once: it yields a request to the loop."""

    def __init__(self, what):
        self.what = what

    def __await__(self):
        reply = yield self.what
        return reply


class Resource:
    """An async context manager that logs its two halves."""

    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        await Tick("open " + self.name)
        return self.name.upper()

    async def __aexit__(self, exc_type, exc, tb):
        await Tick("close " + self.name)
        return False


class Countdown:
    """An async iterator: each step awaits before producing its value."""

    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        await Tick("tick %d" % self.n)
        self.n -= 1
        return self.n + 1


async def fetch(name):
    reply = await Tick("fetch " + name)
    return name + " -> " + str(reply)


async def with_resource():
    async with Resource("db") as handle:
        row = await fetch(handle)
    return row


async def count_down():
    seen = []
    async for n in Countdown(3):
        seen.append(n)
    return seen


def run(coro):
    """Drives a coroutine to completion; returns what it asked for and its result."""
    asked = []
    reply = None
    while True:
        try:
            request = coro.send(reply)
        except StopIteration as done:
            return asked, done.value
        asked.append(request)
        reply = len(asked)


for f in [with_resource, count_down]:
    print("=" * 60)
    dis.states(f)
    print()
    dis.desugar(f)
    print()
    original = run(f())
    desugared = run(dis.desugared(f)())
    print("original: ", original)
    print("desugared:", desugared)
    print("same results:", original == desugared)
