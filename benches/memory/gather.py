# `await asyncio.gather(coro)` in a loop: the outer future and its
# cancellation hook point at each other on every call.
# Run: towel benches/memory/gather.py [CALLS]
import asyncio
import sys


async def ok():
    return 1


async def main(calls):
    total = 0
    for _ in range(calls):
        total += (await asyncio.gather(ok()))[0]
    return total


n = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
print(asyncio.run(main(n)))
