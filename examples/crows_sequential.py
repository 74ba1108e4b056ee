# Three crows sent one after another: each await finishes before the next starts.
# Run it with: towel examples/crows_sequential.py
#
# Awaiting a coroutine directly runs it to completion inside the caller, so
# the total time is the sum of the three delays (0.3 + 0.2 + 0.1 s).
import asyncio
import time


async def send_crow(name, delay):
    print(f"{name} takes off")
    await asyncio.sleep(delay)
    print(f"{name} arrives")
    return delay


async def main():
    start = time.monotonic()
    results = []
    for name, delay in [("Corvus", 0.3), ("Hugin", 0.2), ("Munin", 0.1)]:
        results.append(await send_crow(name, delay))
    elapsed = time.monotonic() - start
    print("delays:", results)
    print("took about the sum of the delays:", 0.55 <= elapsed < 1.0)


asyncio.run(main())
