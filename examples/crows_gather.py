# Three crows sent at once with asyncio.gather: they fly concurrently.
# Run it with: towel examples/crows_gather.py
#
# gather wraps each coroutine in a Task; the tasks take off in order, arrive
# in order of their delays, and the results come back in argument order.
# The whole flight takes as long as the slowest crow.
import asyncio
import time


async def send_crow(name, delay):
    print(f"{name} takes off")
    await asyncio.sleep(delay)
    print(f"{name} arrives")
    return f"{name} after {delay}s"


async def main():
    start = time.monotonic()
    results = await asyncio.gather(
        send_crow("Corvus", 0.3),
        send_crow("Hugin", 0.2),
        send_crow("Munin", 0.1),
    )
    elapsed = time.monotonic() - start
    print(results)
    print("took about the longest delay:", 0.25 <= elapsed < 0.5)


asyncio.run(main())
